//! The slash trigger: typing `/` and some words in the site's composer opens the template
//! search beside it. Arrow keys move, Enter (or Tab) picks, Escape closes. While it is closed
//! it takes no key at all, and while it is open it takes only those keys: everything else
//! goes to the site as usual.
//!
//! A `/` counts only at the start of the draft or after a space (so URLs, dates and "and/or"
//! never open it), and the words after it are at most a few, on one line. They are looked up
//! in the replies' names (titles, tags, ids), not their words: once a word after a space finds
//! no name, the agent is writing a sentence ("see /help in the app") and the search closes.
//! Escape keeps that "/" closed while the agent writes on; a bare "/" lists the replies the
//! panel suggests for the conversation first.

use crate::core::conversation::{Lang, Surface};
use crate::core::library::{self, LibTemplate};
use crate::web::dom;
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlTextAreaElement, ShadowRoot};

/// How many templates the popup lists.
const SHOWN: usize = 6;
/// How many a bare "/" lists at most: the suggested ones and every reply of the team's own
/// (the list scrolls), then the library's to [`SHOWN`].
const BARE_MOST: usize = 40;

/// What the trigger needs from the controller.
pub struct Situation {
    pub composer: &'static [&'static str],
    pub lang: Lang,
    pub surface: Surface,
    /// Whether we have written to the customer, once the analysis has read the conversation.
    pub answered: Option<bool>,
}

/// The controller's side of the trigger.
pub trait Host {
    /// The open conversation's composer, language and surface; `None` when none is open.
    fn situation(&self) -> Option<Situation>;
    /// The ids of the replies the panel suggests for the conversation, best first.
    fn suggested(&self) -> Vec<String>;
    /// The agent picked template `id` (the trigger text is already gone from the composer,
    /// and `mark` says where it was).
    fn pick(&self, id: &str, composer: &Element, mark: Option<crate::web::composer::Mark>);
}

struct State {
    doc: Document,
    popup: Element,
    list: Element,
    /// Says the highlighted reply to assistive technology ([`announce`]).
    live: Element,
    /// What an empty list says when the search found replies for the other surface only.
    elsewhere: Option<String>,
    open: bool,
    items: Vec<&'static LibTemplate>,
    selected: usize,
    composer: Option<Element>,
    /// UTF-16 length of "/query" before the caret.
    trigger_units: usize,
    /// A "/" the agent closed the search of with Escape: its composer and the text before the
    /// caret up to it. It opens no search again while the agent writes on after it; a new "/",
    /// or this one deleted and typed again, does.
    dismissed: Option<(Element, String)>,
    /// A "/" whose words read as a sentence (none finds a reply's name): closed, but a
    /// deletion in a rich editor (no `input` event) looks again, as typing does.
    quiet: Option<(Element, String)>,
}

/// The installed trigger. Dropping it removes its listeners and popup.
pub struct Slash {
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
}

impl Drop for Slash {
    fn drop(&mut self) {
        self.state.borrow().popup.remove();
        self.state.borrow().live.remove();
    }
}

/// The keys the popup answers to, under its list; only Escape when nothing matches.
const HINT: &str = "↑↓ move · Enter or Tab pick · Esc close";
const HINT_EMPTY: &str = "Esc close";

impl Slash {
    pub fn install(
        doc: &Document,
        root: &ShadowRoot,
        host: Rc<dyn Host>,
    ) -> Result<Slash, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let popup = dom::el(doc, "div", "slash", "")?;
        popup.set_attribute("hidden", "")?;
        let hint = dom::el(doc, "p", "slash-hint", HINT)?;
        let list = dom::el(doc, "ul", "slash-list", "")?;
        list.set_attribute("role", "listbox")?;
        list.set_attribute("aria-label", "Reply templates")?;
        popup.append_child(&list)?;
        popup.append_child(&hint)?;
        root.append_child(&popup)?;
        // Outside the popup, which is hidden between searches: a live region must be in the
        // accessibility tree before what it says changes.
        let live = dom::el(doc, "p", "slash-live", "")?;
        live.set_attribute("role", "status")?;
        root.append_child(&live)?;
        let state = Rc::new(RefCell::new(State {
            doc: doc.clone(),
            popup: popup.clone(),
            list: list.clone(),
            live,
            elsewhere: None,
            open: false,
            items: Vec::new(),
            selected: 0,
            composer: None,
            trigger_units: 0,
            dismissed: None,
            quiet: None,
        }));
        let capture = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        let mut listeners = Vec::new();
        {
            let (state, host) = (state.clone(), host.clone());
            listeners.push(EventListener::new_with_options(
                &window,
                "input",
                EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: true,
                },
                move |event| {
                    let _ = on_input(&state, host.as_ref(), event);
                },
            ));
        }
        {
            // Draft.js and Lexical apply Backspace and Delete themselves, with no `input`
            // event: an open search follows the "/words" once the key is released (a
            // deletion does not open one: after Escape, or inside a word, it is the site's).
            let (state, host) = (state.clone(), host.clone());
            listeners.push(EventListener::new_with_options(
                &window,
                "keyup",
                capture,
                move |event| {
                    let key = event.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                    // A "/" typed first in an empty Draft.js or Lexical box is drawn by the
                    // editor with no input event either: it opens the search as it is released.
                    if key.as_deref() == Some("/") && !state.borrow().open {
                        let _ = on_input(&state, host.as_ref(), event);
                        return;
                    }
                    let deleted = matches!(key.as_deref(), Some("Backspace" | "Delete"));
                    let quiet = deleted && {
                        let s = state.borrow();
                        s.quiet
                            .as_ref()
                            .is_some_and(|(composer, _)| trigger_at(&s.doc, composer) == s.quiet)
                    };
                    if deleted && (state.borrow().open || quiet) {
                        let _ = on_input(&state, host.as_ref(), event);
                    } else if deleted {
                        // A closed "/" that is deleted may be typed again, and then opens.
                        let mut s = state.borrow_mut();
                        if let Some((composer, _)) = &s.dismissed {
                            if trigger_at(&s.doc, composer) != s.dismissed {
                                s.dismissed = None;
                            }
                        }
                    }
                },
            ));
        }
        {
            let (state, host) = (state.clone(), host.clone());
            listeners.push(EventListener::new_with_options(
                &window,
                "keydown",
                capture,
                move |event| on_key(&state, &host, event),
            ));
        }
        {
            // Leaving the composer closes the popup (a click on it keeps the focus: see below).
            let state = state.clone();
            listeners.push(EventListener::new_with_options(
                &window,
                "focusout",
                EventListenerOptions::run_in_capture_phase(),
                move |_| {
                    let state = state.clone();
                    gloo_timers::callback::Timeout::new(0, move || {
                        let s = state.borrow();
                        let still = s.composer.as_ref().is_some_and(|c| {
                            s.doc
                                .active_element()
                                .is_some_and(|a| c == &a || c.contains(Some(&a)))
                        });
                        drop(s);
                        if !still {
                            close(&state);
                            forget_closed(&state);
                        }
                    })
                    .forget();
                },
            ));
        }
        {
            // Clicking an item picks it without taking the focus from the composer.
            let state = state.clone();
            listeners.push(EventListener::new_with_options(
                &popup,
                "mousedown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    event.prevent_default();
                    let index = event
                        .target()
                        .and_then(|t| t.dyn_into::<Element>().ok())
                        .and_then(|e| e.closest("[data-index]").ok().flatten())
                        .and_then(|e| e.get_attribute("data-index"))
                        .and_then(|i| i.parse::<usize>().ok());
                    if let Some(i) = index {
                        state.borrow_mut().selected = i;
                        pick(&state, host.as_ref());
                    }
                },
            ));
        }
        Ok(Slash {
            state,
            _listeners: listeners,
        })
    }
}

/// The composer (one of `selectors`) that `event` happened in.
fn composer_of(selectors: &[&'static str], event: &web_sys::Event) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    crate::web::extract::composer_holding(&target, selectors)
}

/// The composer's text before the caret (the caret's text node only, for rich editors).
fn before_caret(doc: &Document, composer: &Element) -> Option<String> {
    if let Some(t) = composer.dyn_ref::<HtmlTextAreaElement>() {
        let end = t.selection_end().ok()?? as usize;
        let value: Vec<u16> = t.value().encode_utf16().take(end).collect();
        return String::from_utf16(&value).ok();
    }
    let selection = doc.default_view()?.get_selection().ok()??;
    if !selection.is_collapsed() {
        return None;
    }
    let node = selection.anchor_node()?;
    if !composer.contains(Some(&node)) || node.node_type() != web_sys::Node::TEXT_NODE {
        return None;
    }
    let text = node.text_content()?;
    let offset = selection.anchor_offset() as usize;
    let units: Vec<u16> = text.encode_utf16().take(offset).collect();
    String::from_utf16(&units).ok()
}

/// The "/words" before the caret in `composer`, named by the composer and the text up to and
/// with the "/" (which "/" it is).
fn trigger_at(doc: &Document, composer: &Element) -> Option<(Element, String)> {
    let before = before_caret(doc, composer)?;
    let (query, _) = library::slash_trigger(&before)?;
    Some(which_slash(composer, &before, &query))
}

/// The name of the "/" that `query` follows in `before` (see [`State::dismissed`]).
fn which_slash(composer: &Element, before: &str, query: &str) -> (Element, String) {
    (
        composer.clone(),
        before[..before.len() - query.len()].to_owned(),
    )
}

/// Whether the "/words" that opened the popup are still just before the caret.
fn trigger_holds(state: &Rc<RefCell<State>>) -> bool {
    let s = state.borrow();
    let Some(composer) = &s.composer else {
        return false;
    };
    before_caret(&s.doc, composer)
        .and_then(|b| library::slash_trigger(&b))
        .is_some_and(|(_, units)| units == s.trigger_units)
}

fn on_input(
    state: &Rc<RefCell<State>>,
    host: &dyn Host,
    event: &web_sys::Event,
) -> Result<(), JsValue> {
    let Some(situation) = host.situation() else {
        close(state);
        return Ok(());
    };
    // A paste or a drop opens no search: "/help" at the end of pasted text is the text's, and
    // Enter would then pick a reply instead of sending it. An open search follows it.
    let pasted = event
        .dyn_ref::<web_sys::InputEvent>()
        .is_some_and(|e| e.input_type().starts_with("insertFrom"));
    if pasted && !state.borrow().open {
        return Ok(());
    }
    let doc = state.borrow().doc.clone();
    let Some(composer) = composer_of(situation.composer, event) else {
        return Ok(());
    };
    let before = before_caret(&doc, &composer).unwrap_or_default();
    let Some((query, units)) = library::slash_trigger(&before) else {
        state.borrow_mut().dismissed = None;
        state.borrow_mut().quiet = None;
        close(state);
        return Ok(());
    };
    // The text up to and with the "/": which "/" this is.
    let at = which_slash(&composer, &before, &query);
    if state.borrow().dismissed.as_ref() == Some(&at) {
        return Ok(());
    }
    let (items, elsewhere): (Vec<&'static LibTemplate>, _) = if query.trim().is_empty() {
        // A bare "/": the replies suggested for this conversation first, then the library.
        let suggested = host.suggested();
        // The team's own replies next, all of them, before the built-in ones.
        let rank = |t: &LibTemplate| {
            suggested
                .iter()
                .position(|id| id == t.id)
                .unwrap_or(usize::MAX - usize::from(t.id.starts_with(library::own::ID_PREFIX)))
        };
        // Only those that fit this moment of the exchange, as the panel's: no "still on it"
        // for a customer not answered yet (a reply asked for by name is found all the same).
        let mut all: Vec<&'static LibTemplate> = library::all()
            .filter(|t| t.text(situation.lang, situation.surface).is_some())
            .filter(|t| situation.answered.is_none_or(|a| t.contact.fits(a)))
            .collect();
        crate::core::sort::sort_by_key(&mut all, |t| rank(t));
        let listed = suggested.len()
            + all
                .iter()
                .filter(|t| {
                    t.id.starts_with(library::own::ID_PREFIX)
                        && !suggested.iter().any(|id| id == t.id)
                })
                .count();
        all.truncate(listed.clamp(SHOWN, BARE_MOST));
        (all, None)
    } else {
        let (mut found, elsewhere) = library::search_on(
            &query,
            situation.lang,
            situation.surface,
            library::Scope::Names,
        );
        found.truncate(SHOWN);
        (found, elsewhere)
    };
    // Words after a space that match no reply's name are a sentence ("see /help in the
    // app"), not a search: the search closes, so it neither sits over the page while the agent
    // writes nor takes their Enter. (A slip in the last word, deleted, finds replies again.)
    if items.is_empty() && elsewhere.is_none() && query.contains(' ') {
        close(state);
        state.borrow_mut().quiet = Some(at);
        return Ok(());
    }
    let opening = !state.borrow().open;
    {
        let mut s = state.borrow_mut();
        s.items = items;
        s.elsewhere = elsewhere;
        s.selected = 0;
        s.composer = Some(composer.clone());
        s.trigger_units = units;
        s.open = true;
        s.quiet = None;
    }
    render(state, situation.lang, &query, opening)?;
    place(state, &composer)
}

/// Shows the search's results; `opening`: the popup was closed (the keys are said then only).
fn render(
    state: &Rc<RefCell<State>>,
    lang: Lang,
    query: &str,
    opening: bool,
) -> Result<(), JsValue> {
    let s = state.borrow();
    s.list.set_text_content(None);
    if s.items.is_empty() {
        let said = match &s.elsewhere {
            Some(e) => e.clone(),
            None => format!("No reply matches “{query}”"),
        };
        let li = dom::el(&s.doc, "li", "slash-empty", &said)?;
        s.list.append_child(&li)?;
    }
    for (i, t) in s.items.iter().enumerate() {
        let li = dom::el(&s.doc, "li", "slash-item", t.texts(lang).title)?;
        crate::web::panel::replies::team_mark(&s.doc, &li, t)?;
        li.set_attribute("role", "option")?;
        li.set_attribute("data-index", &i.to_string())?;
        li.set_attribute("data-template-id", t.id)?;
        li.set_attribute(
            "aria-selected",
            if i == s.selected { "true" } else { "false" },
        )?;
        s.list.append_child(&li)?;
    }
    // With nothing to choose, the keys to choose with are not offered.
    if let Some(hint) = s.popup.query_selector(".slash-hint")? {
        hint.set_text_content(Some(if s.items.is_empty() { HINT_EMPTY } else { HINT }));
    }
    s.popup.remove_attribute("hidden")?;
    announce(&s, opening);
    Ok(())
}

/// Says the highlighted reply (or that none matches) in the live region, with the keys the
/// first time. The composer keeps the focus, and its ARIA attributes cannot point at the
/// options: they are in the panel's shadow root.
fn announce(s: &State, keys: bool) {
    let text = match s
        .list
        .query_selector("[aria-selected=\"true\"]")
        .ok()
        .flatten()
    {
        Some(li) => format!(
            "{}, {} of {}{}",
            li.text_content().unwrap_or_default(),
            s.selected + 1,
            s.items.len(),
            if keys {
                ". Up and down arrows move, Enter or Tab picks, Escape closes"
            } else {
                ""
            }
        ),
        None => s.list.text_content().unwrap_or_default(),
    };
    s.live.set_text_content(Some(&text));
}

fn place(state: &Rc<RefCell<State>>, composer: &Element) -> Result<(), JsValue> {
    let s = state.borrow();
    let r = composer.get_bounding_client_rect();
    let vh = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    // Above the composer wherever it fits (below, it could cover the site's send button).
    let height = s.popup.get_bounding_client_rect().height();
    if let Some(style) = s.popup.dyn_ref::<HtmlElement>().map(|h| h.style()) {
        style.set_property("left", &dom::px(r.left().max(4.0)))?;
        if r.top() > height + 12.0 {
            style.set_property("bottom", &dom::px(vh - r.top() + 6.0))?;
            style.remove_property("top")?;
        } else {
            style.set_property("top", &dom::px(r.bottom() + 6.0))?;
            style.remove_property("bottom")?;
        }
    }
    Ok(())
}

/// Forgets the "/" closed with Escape or as a sentence: the next "/" opens a search.
fn forget_closed(state: &Rc<RefCell<State>>) {
    if let Ok(mut s) = state.try_borrow_mut() {
        s.dismissed = None;
        s.quiet = None;
    }
}

fn close(state: &Rc<RefCell<State>>) {
    let Ok(mut s) = state.try_borrow_mut() else {
        return;
    };
    if !s.open {
        return;
    }
    s.open = false;
    s.items.clear();
    let _ = s.popup.set_attribute("hidden", "");
    s.composer = None;
    s.live.set_text_content(None);
}

fn on_key(state: &Rc<RefCell<State>>, host: &Rc<dyn Host>, event: &web_sys::Event) {
    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    let (open, count) = {
        let s = state.borrow();
        (s.open, s.items.len())
    };
    if !open {
        // Enter sends or starts a line: the draft's "/" closed before is behind it (a site
        // that empties its box after a send says so with no input event).
        if key.key() == "Enter" {
            forget_closed(state);
        }
        return;
    }
    if key.is_composing() || key.key_code() == 229 {
        return;
    }
    let mods = key.ctrl_key() || key.meta_key() || key.alt_key();
    // The caret moved away from the "/words" (a click, Home, an arrow the site handled):
    // the popup is stale, and the key is the site's (Enter must not delete text before the
    // caret's new place, nor pick for a search that is no longer being typed).
    if matches!(
        key.key().as_str(),
        "ArrowDown" | "ArrowUp" | "Enter" | "Tab"
    ) && !trigger_holds(state)
    {
        close(state);
        return;
    }
    let take = |event: &web_sys::Event| {
        event.prevent_default();
        event.stop_immediate_propagation();
    };
    let shift = key.shift_key();
    match key.key().as_str() {
        "ArrowDown" | "ArrowUp" if !mods && !shift && count > 0 => {
            take(event);
            {
                let mut s = state.borrow_mut();
                s.selected = if key.key() == "ArrowDown" {
                    (s.selected + 1) % count
                } else {
                    (s.selected + count - 1) % count
                };
            }
            let _ = select(state);
        }
        "Enter" | "Tab" if !mods && !shift && count > 0 => {
            take(event);
            pick(state, host.as_ref());
        }
        // A new line (Shift+Enter; Enter on an X post with nothing to pick) ends the "/words",
        // and so does a selection or a move by arrows with a modifier: the search closes, and
        // the key is the site's.
        "Enter" | "ArrowDown" | "ArrowUp" => close(state),
        "Escape" => {
            take(event);
            let at = {
                let s = state.borrow();
                s.composer.as_ref().and_then(|c| trigger_at(&s.doc, c))
            };
            close(state);
            state.borrow_mut().dismissed = at;
        }
        // The caret leaves the "/words": the search closes and the key moves the caret.
        // (A click elsewhere in the draft leaves the popup until the next key, which then
        // finds the words gone: see above.)
        "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp" | "PageDown" => close(state),
        _ => {}
    }
}

fn select(state: &Rc<RefCell<State>>) -> Result<(), JsValue> {
    let s = state.borrow();
    let items = s.list.query_selector_all("[data-index]")?;
    for i in 0..items.length() {
        if let Some(el) = items.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let on = el.get_attribute("data-index").as_deref() == Some(&s.selected.to_string());
            el.set_attribute("aria-selected", if on { "true" } else { "false" })?;
            if on {
                if let Some(h) = el.dyn_ref::<HtmlElement>() {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    h.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            }
        }
    }
    announce(&s, false);
    Ok(())
}

/// Removes the trigger text from the composer and hands the template to the panel.
fn pick(state: &Rc<RefCell<State>>, host: &dyn Host) {
    let holds = trigger_holds(state);
    let (id, composer, units) = {
        let s = state.borrow();
        (
            s.items.get(s.selected).map(|t| t.id),
            s.composer.clone(),
            s.trigger_units,
        )
    };
    close(state);
    let (Some(id), Some(composer)) = (id, composer) else {
        return;
    };
    // If the editor refuses the deletion the "/words" stay, visible to the agent: nothing
    // is lost and the template still opens.
    // Only the "/words" themselves: when the caret has moved, nothing is deleted.
    // The reply goes where the "/words" were; after the draft when the caret had moved. (A
    // deletion the editor makes a moment later, as Lexical does for the whole text after a
    // line break, counts: the mark is then their place, and the reply goes after the draft
    // if the editor did not delete them; see composer.js.)
    let mark = holds && crate::web::composer::delete_before_caret(&composer, units);
    let mark = mark
        .then(|| crate::web::composer::mark(&composer))
        .flatten();
    host.pick(id, &composer, mark);
}
