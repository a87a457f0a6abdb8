//! The replies part of the panel: search over the built-in templates, a template's preview,
//! a small form for its fill-in fields (and, once, the agent's own name and initials), and
//! "Insert", which puts the rendered text into the site's composer by editor kind. Nothing is
//! posted: the agent edits and sends with the site's own button.

use crate::core::check::{phrasing, Mood};
use crate::core::conversation::{Author, Lang, Site, Surface};
use crate::core::library::{self, LibTemplate};
use crate::core::said::said;
use crate::core::template::{Context, RenderError, Var};
use crate::web::composer::{self, Mark};
use crate::web::{dom, extract, platform};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::web::pages::agent_settings::AGENT_KEY;
// Which templates the agent inserted, with their rotation seeds (see used.js).
#[wasm_bindgen(module = "/src/web/used.js")]
extern "C" {
    #[wasm_bindgen(js_name = usedSeed)]
    fn used_seed(id: &str) -> f64;
    #[wasm_bindgen(js_name = noteUsed)]
    fn note_used(id: &str);
}

/// The notice code of a confirmed reply the site did not send (see [`Replies::say`]).
pub const NOT_SENT: &str = "not-sent";
/// The notice's code when the agent left a conversation while its checklist was open.
pub const LEFT_UNSENT: &str = "left-unsent";
/// How many search results are shown.
const SHOWN: usize = 5;

/// What the replies part knows of the open conversation.
#[derive(Clone, Debug, Default)]
pub struct Situation {
    pub site: Option<Site>,
    pub surface: Option<Surface>,
    pub customer: Option<Author>,
    pub lang: Option<Lang>,
    pub composer: &'static [&'static str],
    /// The open thread (with site and surface, as the store keys it): another one closes a
    /// template being filled in for this one.
    pub thread: Option<String>,
}

/// How long after a reply went into the composer a send is taken for a slip (see
/// [`Replies::just_inserted`]).
const JUST_INSERTED_MS: f64 = 1500.0;

struct State {
    doc: Document,
    situation: Situation,
    chosen: Option<&'static LibTemplate>,
    agent_name: String,
    agent_initials: String,
    /// The brand's name from the settings page (`{brand.name}`).
    brand_name: Option<String>,
    /// How long the customer has waited for us, in minutes, while the SLA clock runs.
    wait_minutes: Option<u32>,
    /// Where the chosen template goes in the draft, when the slash search picked it.
    mark: Option<Mark>,
    /// The chosen template's turn of phrasing: the one counted in this browser (which other
    /// tabs move on) at each render of the form until it inserts; the insertion is the
    /// wording shown, and the preview stays it. A form counts one insertion however often
    /// it inserts.
    seed: u64,
    /// How the customer sounds ([`Replies::set_reading`]), and what the open form's phrasing
    /// was chosen with (kept once it inserted: the preview stays the wording inserted).
    mood: Mood,
    shown_mood: Mood,
    /// We have written to the customer in this exchange ([`Replies::set_reading`]), and what
    /// the open form's reply was rendered with.
    answered: bool,
    shown_answered: bool,
    /// The draft began with the customer's @handle when the open form's reply was rendered
    /// ([`draft_addresses`]; kept once it inserted, as the rest).
    shown_addressed: bool,
    /// … and whether it ended by greeting them by their first name (`Context::greeted`).
    shown_greeted: bool,
    /// The reply target has passed ([`Replies::set_overdue`]), and what the open form's
    /// phrasing was chosen with.
    overdue: bool,
    shown_overdue: bool,
    inserted: bool,
    /// An insertion is under way: Insert pressed again meanwhile (a second Enter, a repeating
    /// key) inserts nothing more.
    inserting: bool,
    /// When the outcome of the last insertion was said ([`Replies::keep_said_in_view`]).
    said_at: f64,
    /// When a reply last began to go in, or went in ([`Replies::just_inserted`]).
    inserted_at: f64,
    /// The text last inserted from the open form: Insert pressed again finds it in the box
    /// even if the preview moved on since (the customer's wait, a minute later).
    last_inserted: String,
    /// The templates inserted in the open conversation (the suggestions put another of their
    /// kind first: [`crate::core::analysis::rank_at`]).
    used_here: Vec<&'static str>,
    /// The fill-ins typed in each template left with Back or Escape (its id, then each
    /// field's id and value), for this thread: it opens with them again, so leaving (to look
    /// at another reply, say) loses nothing.
    kept: Vec<(&'static str, Vec<(String, String)>)>,
}

/// The mounted replies part.
pub struct Replies {
    state: Rc<RefCell<State>>,
    root: Element,
    suggested: Element,
    results: Element,
    chosen: Element,
    outcome: Element,
    /// The warning at the top of the panel's body (see [`Replies::say`]).
    notice: Element,
    /// The suggestions shown (template id and reason), to skip re-rendering the same.
    shown: RefCell<Vec<(String, String)>>,
    _listeners: Vec<EventListener>,
}

fn input(el: &Element) -> Option<HtmlInputElement> {
    el.clone().dyn_into::<HtmlInputElement>().ok()
}

impl Replies {
    pub fn mount(doc: &Document, parent: &Element) -> Result<Replies, JsValue> {
        let root = dom::el(doc, "section", "replies", "")?;
        root.set_attribute("aria-label", "Reply templates")?;
        let suggested = dom::el(doc, "ul", "suggested", "")?;
        suggested.set_attribute("aria-label", "Suggested replies")?;
        suggested.set_attribute("hidden", "")?;
        let search = dom::el(doc, "input", "search", "")?;
        search.set_attribute("type", "search")?;
        search.set_attribute("placeholder", "Search replies, e.g. refund")?;
        search.set_attribute("aria-label", "Search reply templates")?;
        let results = dom::el(doc, "ul", "results", "")?;
        let chosen = dom::el(doc, "div", "chosen", "")?;
        chosen.set_attribute("hidden", "")?;
        let outcome = dom::el(doc, "p", "outcome", "")?;
        outcome.set_attribute("role", "status")?;
        // A warning that must not wait at the bottom of the panel (a reply not sent): at the
        // top of the panel's body, where the agent looks first.
        let notice = dom::el(doc, "p", "notice", "")?;
        notice.set_attribute("role", "alert")?;
        parent.insert_before(&notice, parent.first_child().as_ref())?;
        root.append_child(&suggested)?;
        root.append_child(&search)?;
        root.append_child(&results)?;
        root.append_child(&chosen)?;
        root.append_child(&outcome)?;
        parent.append_child(&root)?;

        let state = Rc::new(RefCell::new(State {
            doc: doc.clone(),
            situation: Situation::default(),
            chosen: None,
            agent_name: String::new(),
            agent_initials: String::new(),
            brand_name: None,
            wait_minutes: None,
            mark: None,
            seed: 0,
            mood: Mood::Calm,
            shown_mood: Mood::Calm,
            answered: false,
            shown_answered: false,
            shown_addressed: false,
            shown_greeted: false,
            overdue: false,
            shown_overdue: false,
            inserted: false,
            inserting: false,
            said_at: f64::NEG_INFINITY,
            inserted_at: f64::NEG_INFINITY,
            last_inserted: String::new(),
            kept: Vec::new(),
            used_here: Vec::new(),
        }));

        let mut listeners = Vec::new();
        {
            let (state, results, chosen) = (state.clone(), results.clone(), chosen.clone());
            let search_el = search.clone();
            listeners.push(EventListener::new(&search, "input", move |_| {
                let q = input(&search_el).map(|i| i.value()).unwrap_or_default();
                let _ = show_results(&state, &results, &chosen, &q);
                reveal_soon(&results);
            }));
        }
        {
            let (state, results, chosen, outcome, suggested) = (
                state.clone(),
                results.clone(),
                chosen.clone(),
                outcome.clone(),
                suggested.clone(),
            );
            listeners.push(EventListener::new(&root, "click", move |event| {
                let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                    return;
                };
                if let Some(button) = target.closest("button[data-action]").ok().flatten() {
                    match button.get_attribute("data-action").as_deref() {
                        // The second click of a double-click is not a second insertion.
                        Some("insert")
                            if js_sys::Reflect::get(event, &"detail".into())
                                .ok()
                                .and_then(|d| d.as_f64())
                                .unwrap_or(0.0)
                                < 2.0 =>
                        {
                            if button.get_attribute("aria-disabled").as_deref() == Some("true") {
                                focus_first_empty(&chosen);
                            } else {
                                insert(&state, &chosen, &outcome)
                            }
                        }
                        Some("back") => leave(&state, &chosen, &results, &suggested, &outcome),
                        _ => {}
                    }
                } else if let Some(pick) = target.closest("[data-template-id]").ok().flatten() {
                    if let Some(id) = pick.get_attribute("data-template-id") {
                        let _ = suggested.set_attribute("hidden", "");
                        let _ = choose(&state, &results, &chosen, &outcome, &id);
                        // The focus goes where the agent goes next (it fell to the page's
                        // body with the list it was on): the first empty field, else Insert.
                        if !focus_first_empty(&chosen) {
                            if let Ok(Some(b)) =
                                chosen.query_selector("button[data-action=\"insert\"]")
                            {
                                let _ = b.unchecked_ref::<HtmlElement>().focus();
                            }
                        }
                    }
                }
            }));
        }
        {
            let (state, chosen) = (state.clone(), chosen.clone());
            listeners.push(EventListener::new(&root, "input", move |event| {
                let is_field = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|e| e.has_attribute("data-field"));
                if is_field {
                    let _ = refresh_preview(&state, &chosen);
                }
            }));
        }
        {
            // Enter works as in a form: in the search it opens the first reply found; in a
            // fill-in it goes to the next empty one, and inserts once none is left.
            let (search, results, chosen) = (search.clone(), results.clone(), chosen.clone());
            let (state, suggested, outcome) = (state.clone(), suggested.clone(), outcome.clone());
            // Not passive: its preventDefault is what tells the panel's own Escape (minimise)
            // that a fill-in took the key.
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            listeners.push(EventListener::new_with_options(
                &root,
                "keydown",
                options,
                move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if matches!(key.key().as_str(), "ArrowDown" | "ArrowUp") {
                        return arrow_through_results(&search, &results, key);
                    }
                    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok())
                    else {
                        return;
                    };
                    // Escape in a fill-in leaves the chosen reply's form, as Back does.
                    if key.key() == "Escape" && target.has_attribute("data-field") {
                        event.prevent_default();
                        return leave(&state, &chosen, &results, &suggested, &outcome);
                    }
                    // Escape on a result goes back to the search's words (a second one there
                    // clears them), as the arrows came from it.
                    if key.key() == "Escape" && results.contains(Some(&target)) {
                        event.prevent_default();
                        let _ = search.unchecked_ref::<HtmlElement>().focus();
                        return;
                    }
                    if key.key() != "Enter"
                        || key.is_composing()
                        || key.repeat()
                        || key.shift_key()
                        || key.ctrl_key()
                        || key.alt_key()
                        || key.meta_key()
                    {
                        return;
                    }
                    let next = if target == search {
                        // Not while a reply is chosen: its form hides the results.
                        if results.has_attribute("hidden") {
                            return;
                        }
                        results.query_selector("[data-template-id]")
                    } else if target.has_attribute("data-field") {
                        // Insert as soon as it can (the initials follow from a name, so they may
                        // stay empty); until then, to the first empty field.
                        let insert = chosen.query_selector(
                            "button[data-action=\"insert\"]:not([aria-disabled=\"true\"])",
                        );
                        if !matches!(insert, Ok(Some(_))) && focus_first_empty(&chosen) {
                            return event.prevent_default();
                        }
                        insert
                    } else {
                        return;
                    };
                    if let Ok(Some(b)) = next {
                        event.prevent_default();
                        super::own_click(b.unchecked_ref::<HtmlElement>());
                    }
                },
            ));
        }
        let replies = Replies {
            state,
            root,
            suggested,
            results,
            chosen,
            outcome,
            notice,
            shown: RefCell::new(Vec::new()),
            _listeners: listeners,
        };
        replies.load_agent();
        Ok(replies)
    }

    /// Reads the agent's details from this browser's storage (at the start, and when the
    /// settings page or another tab's form saved them): a reply's form open shows them. Not on
    /// the practice page: a trainee types their own, kept for their visit only.
    pub fn load_agent(&self) {
        if crate::web::content::practising() {
            return;
        }
        let (state, chosen) = (self.state.clone(), self.chosen.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let Some(v) = platform::storage_get(AGENT_KEY).await else {
                return;
            };
            let (name, initials) = crate::web::pages::agent_settings::of(&v);
            {
                let mut s = state.borrow_mut();
                // This tab's own save, heard back.
                if (&s.agent_name, &s.agent_initials) == (&name, &initials) {
                    return;
                }
                s.agent_name = name.clone();
                s.agent_initials = initials.clone();
            }
            // An open form would otherwise give its old values back at the next keystroke.
            for (field, v) in [("agent.name", &name), ("agent.initials", &initials)] {
                let sel = format!("input[data-field=\"{field}\"]");
                if let Some(i) = chosen
                    .query_selector(&sel)
                    .ok()
                    .flatten()
                    .and_then(|e| input(&e))
                {
                    i.set_value(v);
                }
            }
            if !chosen.has_attribute("hidden") {
                let _ = refresh_preview(&state, &chosen);
            }
        });
    }

    /// Updates what the replies part knows of the conversation. A template being filled in
    /// for another thread closes (its fill-ins are that customer's); for the same thread
    /// its preview follows (the customer's name, once it is known).
    pub fn set_situation(&self, situation: Situation) {
        let mut s = self.state.borrow_mut();
        // Another thread; where the thread has no name of its own (post dialogs and chat
        // popups), another person (by handle when both are known, else by name: a handle
        // read late is the same person).
        let overlay = matches!(situation.thread.as_deref(), None | Some("dialog" | "popup"));
        let person = |a: &Option<Author>| {
            a.as_ref()
                .map(|a| a.handle.clone().unwrap_or_else(|| a.name.clone()))
        };
        let other = s.situation.thread != situation.thread
            || (s.situation.site, s.situation.surface) != (situation.site, situation.surface)
            || (overlay
                && s.situation.customer.is_some()
                && situation.customer.is_some()
                && s.situation.customer.as_ref().map(|a| &a.name)
                    != situation.customer.as_ref().map(|a| &a.name)
                && person(&s.situation.customer) != person(&situation.customer));
        s.situation = situation;
        let open = s.chosen.is_some();
        if other {
            // What was typed for that customer is not for this one, nor what was inserted.
            s.kept.clear();
            s.used_here.clear();
        }
        drop(s);
        if other {
            self.unsay(NOT_SENT);
        }
        if open && other {
            self.close_chosen();
        } else if open {
            let _ = refresh_preview(&self.state, &self.chosen);
        }
    }

    /// Sets the brand's name (`{brand.name}`), from the settings page.
    pub fn set_brand_name(&self, name: Option<String>) {
        self.state.borrow_mut().brand_name = name;
        let _ = refresh_preview(&self.state, &self.chosen);
    }

    /// Sets how long the customer has waited (`{wait}`), in minutes; `None` when no clock
    /// runs. An open preview follows.
    pub fn set_wait(&self, minutes: Option<u32>) {
        let mut s = self.state.borrow_mut();
        if s.wait_minutes == minutes {
            return;
        }
        s.wait_minutes = minutes;
        let open = s.chosen.is_some();
        drop(s);
        if open {
            let _ = refresh_preview(&self.state, &self.chosen);
        }
    }

    /// The reply in the composer went: a reply inserted from the open form is done with,
    /// and the panel goes back to the suggestions (a form still being filled in stays).
    pub fn sent(&self) {
        let s = self.state.borrow();
        let done = s.chosen.is_some() && s.inserted;
        drop(s);
        if done {
            self.close_chosen();
        }
    }

    fn close_chosen(&self) {
        self.state.borrow_mut().kept.clear();
        back(
            &self.state,
            &self.chosen,
            &self.results,
            &self.suggested,
            &self.outcome,
        );
    }

    /// Says `text` in the notice at the top of the panel (with `code` as its `data-notice`).
    pub fn say(&self, text: &str, code: &str) {
        self.notice.set_text_content(Some(text));
        let _ = self.notice.set_attribute("data-notice", code);
    }

    /// [`Replies::say`], with a button that copies `reply` (a reply the site may have dropped
    /// with the conversation left: the agent can paste it where it belongs).
    pub fn say_with_copy(&self, text: &str, code: &str, reply: &str) -> Result<(), JsValue> {
        self.say(text, code);
        let doc = self.notice.owner_document().ok_or("no document")?;
        let button = dom::el(&doc, "button", "copy", "Copy the reply")?;
        button.set_attribute("type", "button")?;
        self.notice.append_child(&button)?;
        crate::web::composer::offer_copy(&button, reply);
        Ok(())
    }

    /// Takes back what [`Replies::say`] said with `code` (a reply not sent, once one is sent
    /// or another conversation opens).
    pub fn unsay(&self, code: &str) {
        if self.notice.get_attribute("data-notice").as_deref() == Some(code) {
            self.notice.set_text_content(None);
            let _ = self.notice.remove_attribute("data-notice");
        }
    }

    /// Shows the outcome of an insertion said in the last two seconds again, after the panel
    /// got less room: the composer grows with the reply, the panel moves off it, and its
    /// shorter body would hide the line below its edge. Else, when its room changed
    /// (`resized`), the suggestions are shown whole (not at each placement: the agent may
    /// have scrolled up to read the status).
    pub fn keep_said_in_view(&self, resized: bool) {
        if crate::web::now_ms() - self.state.borrow().said_at < 2000.0 {
            in_view(&self.outcome);
        } else if resized && !self.suggested.has_attribute("hidden") {
            whole_above_search(&self.suggested);
        }
    }

    /// Whether a reply is going into the composer, or went in less than [`JUST_INSERTED_MS`]
    /// ago: a send then (Enter pressed twice, the second landing in the composer) would post
    /// a reply the agent has not read in the box.
    pub fn just_inserted(&self) -> bool {
        let s = self.state.borrow();
        s.inserting || crate::web::now_ms() - s.inserted_at < JUST_INSERTED_MS
    }

    /// The templates inserted in the open conversation, first inserted first.
    pub fn used_here(&self) -> Vec<&'static str> {
        self.state.borrow().used_here.clone()
    }

    /// Another conversation is open: none of its templates inserted yet.
    pub fn forget_used_here(&self) {
        self.state.borrow_mut().used_here.clear();
    }

    /// Sets the language replies are offered in (the customer's, once the suggestions read it).
    pub fn set_lang(&self, lang: Lang) {
        self.state.borrow_mut().situation.lang = Some(lang);
    }

    /// How the customer sounds, and whether we have written to them in this exchange (for the
    /// reply chosen: a phrasing that acknowledges an upset customer's feeling, does not cheer a
    /// troubled one's question, names no feeling a calm one did not show; no second greeting,
    /// no thanks for getting in touch).
    pub fn set_reading(&self, mood: Mood, answered: bool) {
        self.set_phrasing(|s| {
            let was = (std::mem::replace(&mut s.mood, mood), s.answered);
            s.answered = answered;
            was != (mood, answered)
        });
    }

    /// Whether the reply target has passed (for the phrasing of the reply chosen: one that
    /// apologises for the wait, where the template has one).
    pub fn set_overdue(&self, overdue: bool) {
        self.set_phrasing(|s| std::mem::replace(&mut s.overdue, overdue) != overdue);
    }

    /// Applies `change` to what the phrasing is chosen with; when it changed, an open form
    /// shows the phrasing it will insert: redrawn now, not at Insert.
    fn set_phrasing(&self, change: impl FnOnce(&mut State) -> bool) {
        let mut s = self.state.borrow_mut();
        if !change(&mut s) {
            return;
        }
        let open = s.chosen.is_some() && !s.inserted;
        drop(s);
        if open {
            let _ = refresh_preview(&self.state, &self.chosen);
        }
    }

    pub fn root(&self) -> &Element {
        &self.root
    }

    /// The ids of the templates suggested for the open conversation, best first.
    pub fn suggested_ids(&self) -> Vec<String> {
        self.shown
            .borrow()
            .iter()
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Shows the suggested templates for the open conversation, best first, each with why it
    /// was suggested. An empty list hides them.
    pub fn set_suggestions(&self, items: &[(&'static LibTemplate, String)]) -> Result<(), JsValue> {
        let key: Vec<(String, String)> = items
            .iter()
            .map(|(t, r)| (t.id.to_owned(), r.clone()))
            .collect();
        if *self.shown.borrow() == key {
            return Ok(());
        }
        let s = self.state.borrow();
        let lang = lang_of(&s);
        self.suggested.set_text_content(None);
        for (t, reason) in items {
            let li = dom::el(&s.doc, "li", "", "")?;
            let button = dom::el(&s.doc, "button", "pick suggestion", "")?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-template-id", t.id)?;
            button.append_child(dom::el(&s.doc, "strong", "", t.texts(lang).title)?.as_ref())?;
            team_mark(&s.doc, &button, t)?;
            button.append_child(dom::el(&s.doc, "span", "reason", reason)?.as_ref())?;
            li.append_child(&button)?;
            self.suggested.append_child(&li)?;
        }
        let choosing = s.chosen.is_some();
        if items.is_empty() || choosing {
            self.suggested.set_attribute("hidden", "")?;
        } else {
            self.suggested.remove_attribute("hidden")?;
        }
        drop(s);
        *self.shown.borrow_mut() = key;
        if !items.is_empty() && !choosing {
            let list = self.suggested.clone();
            soon(move || whole_above_search(&list));
        }
        Ok(())
    }

    /// Opens template `id` as if the agent had clicked it (the slash trigger): when it needs
    /// nothing filled in it goes straight into the composer, otherwise the first empty field
    /// takes the focus.
    pub fn open_template(&self, id: &str, mark: Option<Mark>) -> Result<(), JsValue> {
        self.suggested.set_attribute("hidden", "")?;
        choose(&self.state, &self.results, &self.chosen, &self.outcome, id)?;
        self.state.borrow_mut().mark = mark;
        if !focus_first_empty(&self.chosen) {
            insert(&self.state, &self.chosen, &self.outcome);
        }
        Ok(())
    }
}

/// Scrolls the panel's body, as little as it takes, to show `el`.
fn in_view(el: &Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.unchecked_ref::<HtmlElement>()
        .scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls the panel's body so that the results (or what says there are none) show under the
/// search box: kept off the composer, the panel is shorter than its content, and they were
/// drawn below its edge while the agent typed. Never past the search box itself.
fn reveal(results: &Element) {
    let Some(body) = results.closest(".body").ok().flatten() else {
        return;
    };
    let (r, b) = (
        results.get_bounding_client_rect(),
        body.get_bounding_client_rect(),
    );
    let below = r.bottom() - b.bottom();
    if below > 0.0 {
        let room = results.previous_element_sibling().map_or(0.0, |search| {
            search.get_bounding_client_rect().top() - b.top()
        });
        body.set_scroll_top(body.scroll_top() + below.min(room.max(0.0)).ceil() as i32);
    }
}

/// Scrolls the panel's body, as little as it takes, so that the suggestions show whole above
/// the search box (which stays at the bottom of a short panel, over what scrolls under it):
/// beside a composer the panel may have 400 px, and the status above took the third
/// suggestion's place. Never past the first suggestion's top.
fn whole_above_search(list: &Element) {
    let Some(body) = list.closest(".body").ok().flatten() else {
        return;
    };
    let Ok(Some(search)) = body.query_selector(".search") else {
        return;
    };
    let (l, b) = (
        list.get_bounding_client_rect(),
        body.get_bounding_client_rect(),
    );
    // Clear of the ring of background the search box draws around itself.
    let hidden = l.bottom() + 8.0 - search.get_bounding_client_rect().top();
    if hidden > 0.0 {
        let room = (l.top() - b.top()).max(0.0);
        body.set_scroll_top(body.scroll_top() + hidden.min(room).ceil() as i32);
    }
}

/// [`reveal`] once the next frame is drawn, when layout is current: a search typed on a page
/// of 600,000 elements does not have the browser lay it all out for Waypoint at each letter.
fn reveal_soon(results: &Element) {
    let results = results.clone();
    soon(move || reveal(&results));
}

/// Runs `f` once the next frame is drawn, when layout is current (measuring before it would
/// have the browser lay the page out for Waypoint).
fn soon(f: impl FnOnce() + 'static) {
    let drawn = Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, f).forget();
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(drawn.unchecked_ref());
    }
}

/// Focuses the chosen template's first empty field, if it has one (whether it had one).
/// The initials follow from a name, so with the name filled in they are not waited for: a
/// slash pick of a reply with nothing else to fill in goes straight in.
fn focus_first_empty(chosen: &Element) -> bool {
    let Ok(fields) = chosen.query_selector_all("input[data-field]") else {
        return false;
    };
    let fields: Vec<HtmlInputElement> = (0..fields.length())
        .filter_map(|i| fields.item(i)?.dyn_into::<HtmlInputElement>().ok())
        .collect();
    let named = fields.iter().any(|f| {
        f.get_attribute("data-field").as_deref() == Some("agent.name")
            && !f.value().trim().is_empty()
    });
    fields
        .iter()
        .filter(|f| !(named && f.get_attribute("data-field").as_deref() == Some("agent.initials")))
        .find(|i| i.value().trim().is_empty())
        .is_some_and(|field| field.focus().is_ok())
}

/// The agent leaves the chosen template (Back, or Escape in its form): what they typed in
/// its fill-ins is kept for it, and the focus goes to the search (it was on the form).
fn leave(
    state: &Rc<RefCell<State>>,
    chosen: &Element,
    results: &Element,
    suggested: &Element,
    outcome: &Element,
) {
    let id = state.borrow().chosen.map(|t| t.id);
    if let Some(id) = id {
        // The agent's own details among them are saved apart, and not taken from here.
        let typed = field_values(chosen);
        let mut s = state.borrow_mut();
        s.kept.retain(|(k, _)| *k != id);
        s.kept.push((id, typed));
    }
    back(state, chosen, results, suggested, outcome);
    if let Some(search) = results.previous_element_sibling() {
        let _ = search.unchecked_ref::<HtmlElement>().focus();
    }
}

/// Back from a chosen template to the list (see [`leave`]; or another thread opened, a reply
/// sent: its fill-ins dropped).
fn back(
    state: &Rc<RefCell<State>>,
    chosen: &Element,
    results: &Element,
    suggested: &Element,
    outcome: &Element,
) {
    {
        let mut s = state.borrow_mut();
        s.chosen = None;
        s.mark = None;
    }
    let _ = chosen.set_attribute("hidden", "");
    let _ = chosen.remove_attribute("data-chosen");
    chosen.set_text_content(None);
    outcome.set_text_content(None);
    let _ = outcome.remove_attribute("data-outcome");
    let _ = results.remove_attribute("hidden");
    if suggested.has_child_nodes() {
        let _ = suggested.remove_attribute("hidden");
    }
}

fn lang_of(s: &State) -> Lang {
    s.situation.lang.unwrap_or(Lang::En)
}

/// The arrow keys in the search go down into the replies found and between them (Enter or
/// Space then opens the one with the focus, as a button does); up from the first goes back to
/// the search.
fn arrow_through_results(search: &Element, results: &Element, key: &web_sys::KeyboardEvent) {
    if key.shift_key() || key.ctrl_key() || key.alt_key() || key.meta_key() {
        return;
    }
    let Some(target) = key.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Ok(list) = results.query_selector_all(".pick[data-template-id]") else {
        return;
    };
    let picks: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    if picks.is_empty() || results.has_attribute("hidden") {
        return;
    }
    let down = key.key() == "ArrowDown";
    let at = picks
        .iter()
        .position(|p| p.unchecked_ref::<Element>() == &target);
    let next = match (&target == search, at, down) {
        (true, _, true) => Some(picks[0].clone()),
        (_, Some(i), true) => picks.get(i + 1).cloned(),
        (_, Some(0), false) => Some(search.clone().unchecked_into()),
        (_, Some(i), false) => picks.get(i - 1).cloned(),
        _ => return,
    };
    key.prevent_default();
    if let Some(n) = next {
        let _ = n.focus();
    }
}

fn show_results(
    state: &Rc<RefCell<State>>,
    results: &Element,
    chosen: &Element,
    query: &str,
) -> Result<(), JsValue> {
    let s = state.borrow();
    results.set_text_content(None);
    chosen.set_attribute("hidden", "")?;
    results.remove_attribute("hidden")?;
    if query.trim().is_empty() {
        return Ok(());
    }
    let lang = lang_of(&s);
    let surface = s.situation.surface.unwrap_or(Surface::Post);
    let (found, elsewhere) = library::search_on(query, lang, surface, library::Scope::Everything);
    if found.is_empty() {
        let said = elsewhere
            .as_deref()
            .unwrap_or("No reply matches; try other words");
        let li = dom::el(&s.doc, "li", "empty", said)?;
        results.append_child(&li)?;
    }
    for t in found.into_iter().take(SHOWN) {
        let li = dom::el(&s.doc, "li", "", "")?;
        let button = dom::el(&s.doc, "button", "pick", "")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-template-id", t.id)?;
        let title = dom::el(&s.doc, "strong", "", t.texts(lang).title)?;
        button.append_child(&title)?;
        team_mark(&s.doc, &button, t)?;
        li.append_child(&button)?;
        results.append_child(&li)?;
    }
    Ok(())
}

/// Marks the team's own reply in `parent` ("Team", after its title), so that the agent tells
/// it from the built-in ones.
pub(crate) fn team_mark(
    doc: &web_sys::Document,
    parent: &Element,
    t: &LibTemplate,
) -> Result<(), JsValue> {
    if t.id.starts_with(crate::core::library::own::ID_PREFIX) {
        parent.append_child(dom::el(doc, "span", "team", "Team")?.as_ref())?;
    }
    Ok(())
}

/// What the reply is rendered with. The preview's gap markers are ours alone: a name on the
/// page or a value typed holding one (a private-use character) would open or close a gap.
fn context(s: &State, fields: &[(String, String)]) -> Context {
    let mut ctx = Context::new(lang_of(s));
    let ours = |v: &str| v.replace([GAP, END], "");
    ctx.customer = s.situation.customer.as_ref().map(|c| Author {
        name: ours(&c.name),
        handle: c.handle.as_deref().map(ours),
    });
    ctx.site = s.situation.site;
    let nonempty = |v: &str| Some(ours(v).trim().to_owned()).filter(|v| !v.is_empty());
    ctx.agent_name = nonempty(&s.agent_name);
    ctx.agent_initials = nonempty(&s.agent_initials);
    ctx.brand_name = s.brand_name.as_deref().map(ours);
    ctx.wait_minutes = s.wait_minutes;
    ctx.answered = s.shown_answered;
    ctx.addressed = s.shown_addressed;
    ctx.greeted = s.shown_greeted;
    for (k, v) in fields {
        if let Some(v) = nonempty(v) {
            ctx.fields.insert(k.clone(), v);
        }
    }
    ctx
}

/// Whether the draft in the reply box begins by addressing the customer by their @handle
/// (Instagram's "Reply" writes it there); and whether it ends by greeting them by their first
/// name ("Hi Jane," or "Hey Jane!": the word before its last mark is the first of their
/// name; [`Context::greeted`]).
fn draft_addresses(s: &State) -> (bool, bool) {
    let (Some(c), Some(box_)) = (
        s.situation.customer.as_ref(),
        extract::current_composer(&s.doc, s.situation.composer),
    ) else {
        return (false, false);
    };
    let draft = crate::web::gate::draft_of(&box_);
    let addressed = c.handle.as_deref().is_some_and(|h| {
        crate::core::reading::addressees(&draft).iter().any(|a| {
            a.trim_start_matches('@')
                .eq_ignore_ascii_case(h.trim_start_matches('@'))
        })
    });
    // By their name as the replies greet them, in any case ("Hi John," to "JOHN SMITH",
    // "Hi Jane," to "Dr. Jane Smith"; a hands-on review saw "Hi John, Hi John, thank you…").
    let greeted = draft
        .trim_end()
        .strip_suffix([',', '!', '.'])
        .and_then(|bare| bare.rsplit(' ').next())
        .zip(crate::core::template::customer_first_name(c))
        .is_some_and(|(w, first)| w.trim_start_matches('@').eq_ignore_ascii_case(&first));
    (addressed, greeted)
}

fn field_values(chosen: &Element) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(list) = chosen.query_selector_all("input[data-field]") {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if let (Some(id), Some(inp)) = (el.get_attribute("data-field"), input(&el)) {
                    out.push((id, inp.value()));
                }
            }
        }
    }
    out
}

/// The id of the note saying what is left to fill in.
const FILL_NOTE: &str = "wp-fill-note";

fn add_field(
    doc: &Document,
    form: &Element,
    id: &str,
    label: &str,
    value: &str,
) -> Result<(), JsValue> {
    let l = dom::el(doc, "label", "field", label)?;
    let i = dom::el(doc, "input", "", "")?;
    i.set_attribute("data-field", id)?;
    i.set_attribute("aria-label", label)?;
    // What is left to fill in (the note above the preview) is read with each field.
    i.set_attribute("aria-describedby", FILL_NOTE)?;
    if let Some(inp) = input(&i) {
        inp.set_value(value);
    }
    l.append_child(&i)?;
    form.append_child(&l)?;
    Ok(())
}

fn choose(
    state: &Rc<RefCell<State>>,
    results: &Element,
    chosen: &Element,
    outcome: &Element,
    id: &str,
) -> Result<(), JsValue> {
    let Some(t) = library::get(id) else {
        return Ok(());
    };
    let kept = {
        let mut s = state.borrow_mut();
        s.chosen = Some(t);
        s.mark = None;
        s.inserted = false;
        s.last_inserted.clear();
        s.kept
            .iter()
            .find(|(k, _)| *k == t.id)
            .map(|(_, v)| v.clone())
    };
    let s = state.borrow();
    let doc = &s.doc;
    // What the last insertion did is not this reply's (the page contract's attribute too).
    outcome.set_text_content(None);
    outcome.remove_attribute("data-outcome")?;
    chosen.set_text_content(None);
    chosen.set_attribute("data-chosen", id)?;
    let title = dom::el(doc, "strong", "title", t.texts(lang_of(&s)).title)?;
    chosen.append_child(&title)?;
    let preview = dom::el(doc, "p", "preview", "")?;
    preview.set_attribute("dir", "auto")?;
    chosen.append_child(&preview)?;
    let form = dom::el(doc, "div", "fields", "")?;
    if let Some(Ok(tpl)) = t.template(lang_of(&s), s.situation.surface.unwrap_or(Surface::Post)) {
        for f in tpl.fields() {
            let typed = kept.iter().flatten().find(|(k, _)| *k == f.id);
            add_field(doc, &form, &f.id, &f.label, typed.map_or("", |(_, v)| v))?;
        }
        let vars = tpl.variables();
        let needs = |v: Var| vars.contains(&v);
        // The agent's details, filled in once known: shown each time, so a typo in a saved
        // name can be put right before it signs another reply.
        // Not kept on the practice page (the next trainee's replies would sign with it).
        let (name, initials) = if crate::web::content::practising() {
            (
                "Your name (for this visit only)",
                "Your initials (for this visit only)",
            )
        } else {
            (
                "Your name (saved for next time)",
                "Your initials (saved for next time)",
            )
        };
        if needs(Var::AgentInitials) || needs(Var::AgentName) || needs(Var::AgentFirstName) {
            add_field(doc, &form, "agent.name", name, &s.agent_name)?;
        }
        if needs(Var::AgentInitials) {
            add_field(doc, &form, "agent.initials", initials, &s.agent_initials)?;
        }
    }
    chosen.append_child(&form)?;
    let actions = dom::el(doc, "div", "actions", "")?;
    let insert = dom::el(doc, "button", "primary", "Insert into the reply box")?;
    insert.set_attribute("type", "button")?;
    insert.set_attribute("data-action", "insert")?;
    insert.set_attribute("aria-describedby", FILL_NOTE)?;
    let back = dom::el(doc, "button", "", "Back")?;
    back.set_attribute("type", "button")?;
    back.set_attribute("data-action", "back")?;
    actions.append_child(&insert)?;
    actions.append_child(&back)?;
    chosen.append_child(&actions)?;
    results.set_attribute("hidden", "")?;
    chosen.remove_attribute("hidden")?;
    drop(s);
    refresh_preview(state, chosen).map(|_| ())
}

/// Applies the agent's own details typed in the form to the state.
fn take_agent_fields(s: &mut State, values: &[(String, String)]) -> Vec<(String, String)> {
    let mut rest = Vec::new();
    for (k, v) in values {
        match k.as_str() {
            "agent.name" => s.agent_name = v.trim().to_owned(),
            "agent.initials" => s.agent_initials = v.trim().to_owned(),
            _ => rest.push((k.clone(), v.clone())),
        }
    }
    rest
}

/// Where a gap's label begins and ends in a reply rendered with its gaps (private-use
/// characters: no template or page text holds them).
const GAP: char = '\u{E000}';
const END: char = '\u{E001}';

/// Shows `gapped` in `p`: its text as text, each gap's label marked.
fn show_gaps(doc: &Document, p: &Element, gapped: &str) -> Result<(), JsValue> {
    p.set_text_content(None);
    let mut parts = gapped.split(GAP);
    if let Some(first) = parts.next() {
        p.append_with_str_1(first)?;
    }
    for part in parts {
        let (label, rest) = part.split_once(END).unwrap_or((part, ""));
        let mark = dom::el(doc, "mark", "gap", &label.replace('\u{2060}', " "))?;
        p.append_child(&mark)?;
        p.append_with_str_1(rest)?;
    }
    Ok(())
}

/// Renders the chosen template with what is known; the Insert button is enabled only when
/// every fill-in is complete. Returns the text when it is ready to insert.
fn refresh_preview(
    state: &Rc<RefCell<State>>,
    chosen: &Element,
) -> Result<Option<String>, JsValue> {
    let values = field_values(chosen);
    let mut s = state.borrow_mut();
    let Some(t) = s.chosen else { return Ok(None) };
    if !s.inserted {
        s.seed = used_seed(t.id) as u64;
        s.shown_mood = s.mood;
        s.shown_answered = s.answered;
        (s.shown_addressed, s.shown_greeted) = draft_addresses(&s);
        s.shown_overdue = s.overdue;
    }
    let fields = take_agent_fields(&mut s, &values);
    // The agent's own details the form asks for and that are still empty, by their labels
    // (initials follow from the name, so with a name they are not missing).
    let no_name = s.agent_name.is_empty();
    let agent_missing: Vec<&str> = [
        ("agent.name", no_name, "Your name"),
        (
            "agent.initials",
            no_name && s.agent_initials.is_empty(),
            "Your initials",
        ),
    ]
    .into_iter()
    .filter(|&(id, empty, _)| empty && values.iter().any(|(k, _)| k == id))
    .map(|(_, _, label)| label)
    .collect();
    // Either gives the initials: one thing to fill in, said as such.
    let agent_missing = if agent_missing == ["Your name", "Your initials"] {
        vec!["Your name or initials"]
    } else {
        agent_missing
    };
    let fill_in = |labels: Vec<&str>| format!("Fill in: {}", labels.join(", "));
    let surface = s.situation.surface.unwrap_or(Surface::Post);
    let preview = chosen.query_selector(".preview")?;
    let insert = chosen.query_selector("button[data-action=\"insert\"]")?;
    // With fill-ins still empty, the reply as it will read, each gap marked by its label
    // between GAP and END: the agent writes them seeing the sentence around them.
    let mut gapped = None;
    let rendered = match t.template(lang_of(&s), surface) {
        Some(Ok(tpl)) => {
            let mut ctx = context(&s, &fields);
            let choices = phrasing(&tpl, &ctx, s.seed, s.shown_mood, s.shown_overdue);
            let r = tpl.render_with_choices(&ctx, &choices);
            let gaps_only = match &r {
                Err(RenderError::MissingFields { .. }) => true,
                Err(RenderError::NoValue { variable, .. }) => {
                    variable.starts_with("agent.") && !agent_missing.is_empty()
                }
                Ok(_) => false,
            };
            if gaps_only {
                // One word each (joined by WORD JOINER): the agent's first name, taken from
                // the name, is then its whole label.
                let gap = |label: &str| format!("{GAP}{}{END}", label.replace(' ', "\u{2060}"));
                for f in tpl.fields() {
                    if !ctx.fields.contains_key(&f.id) {
                        ctx.fields.insert(f.id.clone(), gap(&f.label));
                    }
                }
                if ctx.agent_name.is_none() {
                    ctx.agent_name = Some(gap("Your name"));
                    ctx.agent_initials
                        .get_or_insert_with(|| gap("Your initials"));
                }
                gapped = tpl.render_with_choices(&ctx, &choices).ok();
            }
            r.map_err(|e| match e {
                RenderError::MissingFields { fields } => fill_in(
                    fields
                        .iter()
                        .map(|f| f.label.as_str())
                        .chain(agent_missing.iter().copied())
                        .collect(),
                ),
                // The agent's name or initials, asked for in the form: said as the other
                // fill-ins are, not as a template error.
                RenderError::NoValue { variable, .. }
                    if variable.starts_with("agent.") && !agent_missing.is_empty() =>
                {
                    fill_in(agent_missing.clone())
                }
                RenderError::NoValue { variable, .. } => format!(
                    "This reply needs {variable}, which this conversation does not show: \
                     choose another reply, or give the template a fallback ({{{variable}|…}})"
                ),
            })
        }
        Some(Err(e)) => Err(format!("This template is broken: {e}")),
        None => Err("This template has no form for this surface".to_owned()),
    };
    let (text, ready) = match &rendered {
        Ok(text) => (text.clone(), true),
        Err(why) => (why.clone(), false),
    };
    // Longer than the site takes, as it counts (X weighs some characters twice): said under
    // the preview, before the text goes in. Insert stays: the agent may shorten it in the
    // composer, and the checklist holds the send until it fits.
    let over = match (&rendered, s.situation.site) {
        (Ok(text), Some(site)) => {
            let m = crate::core::textlen::measure(text, site, surface);
            (!m.fits).then(|| {
                format!(
                    "{} of {} characters as {site} counts them: {} over. Shorten a fill-in, or \
                     the reply once it is in the box.",
                    m.used,
                    m.max,
                    m.used - m.max
                )
            })
        }
        _ => None,
    };
    if let Some(p) = preview {
        // What is left to fill in, said above the reply with its gaps.
        let fill = match chosen.query_selector(".fill-note")? {
            Some(n) => n,
            None => {
                let n = dom::el(&s.doc, "p", "fill-note", "")?;
                n.set_id(FILL_NOTE);
                p.before_with_node_1(&n)?;
                n
            }
        };
        fill.set_text_content(gapped.as_ref().map(|_| text.as_str()));
        dom::flag(&fill, "hidden", gapped.is_none())?;
        match &gapped {
            Some(g) => show_gaps(&s.doc, &p, g)?,
            None => p.set_text_content(Some(&text)),
        }
        let state = match (ready, &gapped) {
            (true, _) => "true",
            (false, Some(_)) => "gaps",
            (false, None) => "false",
        };
        p.set_attribute("data-ready", state)?;
        let note = match chosen.query_selector(".over")? {
            Some(n) => Some(n),
            None if over.is_some() => {
                let n = dom::el(&s.doc, "p", "over", "")?;
                n.set_attribute("role", "status")?;
                p.after_with_node_1(&n)?;
                Some(n)
            }
            None => None,
        };
        if let Some(n) = note {
            n.set_text_content(over.as_deref());
            dom::flag(&n, "hidden", over.is_none())?;
        }
    }
    // Not `disabled`: a click on a disabled button drops the focus to the page's body, where
    // the agent's next keys are the site's shortcuts. Pressed while blocked, it takes the agent
    // to the first field left empty.
    if let Some(b) = insert {
        b.set_attribute("aria-disabled", if ready { "false" } else { "true" })?;
    }
    Ok(rendered.ok())
}

/// Whether `draft` holds `reply` already, white space aside.
fn holds(draft: &str, reply: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let reply = squash(reply);
    !reply.is_empty() && squash(draft).contains(&reply)
}

fn insert(state: &Rc<RefCell<State>>, chosen: &Element, outcome: &Element) {
    if state.borrow().inserting {
        outcome.set_text_content(Some(
            "Still inserting the last reply: press Insert again in a moment.",
        ));
        return;
    }
    // The wording shown is the one inserted (the count is not read again here).
    let first = !std::mem::replace(&mut state.borrow_mut().inserted, true);
    let Ok(Some(text)) = refresh_preview(state, chosen) else {
        state.borrow_mut().inserted = !first;
        return;
    };
    let (doc, selectors, agent, mark) = {
        let mut s = state.borrow_mut();
        // The place is used once: the same reply inserted again goes after the draft.
        let mark = s.mark.take();
        if let Some(t) = s.chosen.filter(|_| first) {
            note_used(t.id);
            if !s.used_here.contains(&t.id) {
                s.used_here.push(t.id);
            }
        }
        // Kept for next time (and the settings page) only as the settings page would keep
        // them: a name of 300 characters or with a text-direction control signs this reply,
        // which the preview shows, and no other.
        let agent = crate::core::shared::agent_ok(&s.agent_name, &s.agent_initials)
            .then(|| crate::web::pages::agent_settings::stored(&s.agent_name, &s.agent_initials));
        s.inserting = true;
        s.inserted_at = crate::web::now_ms();
        (s.doc.clone(), s.situation.composer, agent, mark)
    };
    let outcome = outcome.clone();
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // Not stored: the agent's name is asked again next time; the reply goes in anyway.
        // Nor on the practice page: a trainee's name would sign the next trainee's replies,
        // and the agent's real ones.
        if let Some(agent) = agent.filter(|_| !crate::web::content::practising()) {
            let _ = platform::storage_set(AGENT_KEY, &agent).await;
        }
        let composer = extract::current_composer(&doc, selectors);
        // Insert pressed again after the reply went in: not a second copy of it.
        let already = composer.as_ref().is_some_and(|c| {
            let draft = crate::web::gate::draft_of(c);
            holds(&draft, &text) || holds(&draft, &state.borrow().last_inserted)
        });
        let (code, why) = match composer {
            Some(_) if already => ("already:".to_owned(), None),
            Some(box_) => {
                let done = composer::insert(&box_, &text, mark).await;
                state.borrow_mut().last_inserted = text.clone();
                done
            }
            // No reply box on the page (closed, or drawn again elsewhere): to the clipboard.
            None => match composer::copy_to_clipboard(&text).await {
                Ok(()) => ("copied:none".to_owned(), None),
                Err(why) => ("failed:none".to_owned(), Some(why)),
            },
        };
        let told = if code.starts_with("inserted:") {
            "Inserted into the reply box: edit it before you post.".to_owned()
        } else if code.starts_with("already:") {
            said("already").to_owned()
        } else if code.starts_with("changed:") {
            said("not-the-reply").to_owned()
        } else if code == "copied:none" {
            said("no-box").to_owned()
        } else if let Some(reason) = why {
            format!("Could not insert or copy ({reason}). Select the preview above and copy it.")
        } else {
            said("copied").to_owned()
        };
        outcome.set_text_content(Some(&told));
        let _ = outcome.set_attribute("data-outcome", &code);
        // Said where the agent can read it: the panel's body scrolls, and the form may have
        // pushed the line below its edge.
        in_view(&outcome);
        let mut s = state.borrow_mut();
        s.inserting = false;
        s.said_at = crate::web::now_ms();
        if code.starts_with("inserted:") {
            s.inserted_at = s.said_at;
        }
    });
}
