//! The panel: one `<waypoint-panel>` host element with an open shadow root, so the site's CSS
//! cannot reach in and ours cannot leak out. It carries the page contract's attributes
//! (`data-mode`, `data-site`, `data-surface`, `data-state`, `data-messages`), which tests and
//! people debugging read from outside.
//!
//! Everything from the page is set with `textContent`, never parsed as HTML.

pub mod badge;
pub use badge::SlaControls;
pub mod checklist;
pub mod replies;

use crate::core::conversation::{ReadState, Site, Surface};
use crate::core::layout::{dodge_plan, Zone, MARGIN};
use crate::web::{dom, platform, Mode};
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use web_sys::{Document, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The tag name of the host element (page contract).
pub const TAG: &str = "waypoint-panel";

/// Until the sheet is handed over (or if it never is): the card in its corner, out of the
/// page's flow, and minimising works; the pin beside the composer (placed by the sheet) waits.
const FALLBACK: &str = ":host{all:initial;position:fixed;right:16px;bottom:16px;\
z-index:2147483000;font:13px system-ui,sans-serif}[hidden],.pin,.collapsed .body{display:none!important}\
.card{width:320px;background:#fff;color:#0f172a;border:1px solid #cbd5e1}\
.toggle::before{content:\"\\2013\"}.collapsed .toggle::before{content:\"+\"}";

thread_local! {
    /// The panel's style sheet (handed over by the loader, [`install_style`]) and the
    /// `<style>` element of the panel mounted, which takes it when it comes after.
    static SHEET: std::cell::RefCell<(String, Option<Element>)> =
        const { std::cell::RefCell::new((String::new(), None)) };
}

/// Takes the panel's style sheet (the extension's `data/panel.js`: `extension/panel.css`
/// minified), for the panel mounted (the content script hands it over right after boot, or
/// later if the file is slow) and any mounted later. The module does not carry it: 2.4 kB of
/// its gzipped budget; until it comes, [`FALLBACK`] keeps the card in its corner.
pub fn install_style(css: String) {
    SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(style) = &s.1 {
            style.set_text_content(Some(&css));
        }
        s.0 = css;
    });
}

/// Below this viewport width (CSS px) the panel starts minimised.
const NARROW_PX: f64 = 1000.0;
/// The same on the practice page, whose style sheet keeps the card's room from this width.
const PRACTICE_NARROW_PX: f64 = 780.0;

/// Where the agent's "minimised" is kept (`true` after they minimise the panel; `false` after
/// they open it again), so the next page starts as they left it. The loaders read it before
/// the panel is made (no flash of an open panel).
pub const MINIMISED_KEY: &str = "waypoint.panel.minimised";

/// Minimises the card (`collapsed`) or expands it, and says so on its button.
fn minimise(card: &Element, button: &Element, collapsed: bool) {
    let _ = card.class_list().toggle_with_force("collapsed", collapsed);
    let _ = button.set_attribute("aria-expanded", if collapsed { "false" } else { "true" });
    let label = if collapsed {
        "Expand Waypoint"
    } else {
        "Minimise Waypoint"
    };
    let _ = button.set_attribute("aria-label", label);
}

/// What the panel shows about the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub site: Site,
    /// `None` when no conversation can be open on this page.
    pub surface: Option<Surface>,
    pub state: ReadState,
    /// Messages read in the open conversation (0 unless `state` is ready).
    pub messages: usize,
    /// The customer's handle (`@name`) or display name.
    pub customer: Option<String>,
    /// Why the conversation cannot be read, said to the agent.
    pub note: Option<&'static str>,
}

/// The panel's status line: plain words (said whole), or "With <customer>: …" whose name is the
/// page's ("Conversation open: …" when none is known), its count apart.
enum StatusLine {
    Plain(String),
    With {
        customer: Option<String>,
        read: String,
    },
}

/// Writes `line` in `el`, as text, unless it already reads so. Its first part (who, or what
/// state) is in a live region a screen reader says when it changes; the count after it ("4
/// messages read") is not, or a busy thread would interrupt the agent at each new comment. A
/// customer's name goes in a `<bdi>`: one written right to left must not carry the words after
/// it into its direction ("With محمد: 3 messages read" drawn as "With 3 محمد: messages read").
fn show_status(el: &Element, line: &StatusLine) -> Result<(), JsValue> {
    let (said, count) = match (el.first_element_child(), el.last_element_child()) {
        (Some(said), Some(count)) if said != count => (said, count),
        _ => return Err(JsValue::from_str("the status line has no parts")),
    };
    match line {
        // A note ("This chat is locked with a passcode: nothing is read…") is said whole.
        StatusLine::Plain(text) => {
            if said.child_element_count() > 0 || said.text_content().as_deref() != Some(text) {
                said.set_text_content(Some(text));
            }
            dom::set_text(&count, "");
        }
        StatusLine::With {
            customer: None,
            read,
        } => {
            let head = "Conversation open";
            if said.child_element_count() > 0 || said.text_content().as_deref() != Some(head) {
                said.set_text_content(Some(head));
            }
            dom::set_text(&count, &format!(": {read}"));
        }
        StatusLine::With {
            customer: Some(customer),
            read,
        } => {
            let shown = said.query_selector("bdi")?.and_then(|b| b.text_content());
            if shown.as_deref() != Some(customer) {
                let doc = el
                    .owner_document()
                    .ok_or_else(|| JsValue::from_str("no document"))?;
                said.set_text_content(Some("With "));
                said.append_child(dom::el(&doc, "bdi", "", customer)?.as_ref())?;
            }
            dom::set_text(&count, &format!(": {read}"));
        }
    }
    Ok(())
}

impl View {
    fn place(&self) -> String {
        match self.surface {
            Some(s) => format!("{} · {}", self.site.display_name(), s.label()),
            None => self.site.display_name().to_owned(),
        }
    }

    fn status(&self) -> StatusLine {
        if let Some(note) = self.note {
            return StatusLine::Plain(note.to_owned());
        }
        StatusLine::Plain(match self.state {
            ReadState::Ready => {
                let read = match self.messages {
                    1 => "1 message read".to_owned(),
                    n => format!("{} messages read", crate::core::decimal::grouped(n)),
                };
                return StatusLine::With {
                    customer: self.customer.clone(),
                    read,
                };
            }
            ReadState::NoConversation => "No conversation open".to_owned(),
            ReadState::Unrecognized => format!(
                "This page's layout was not recognised; {} works as usual",
                self.site.display_name()
            ),
        })
    }
}

/// The saved settings whose problems [`Panel::not_used`] says.
#[derive(Clone, Copy)]
pub enum Unused {
    Replies,
    Sla,
}

/// The mounted panel. Dropping it removes it from the page with its listeners.
pub struct Panel {
    host: Element,
    root: ShadowRoot,
    card: Element,
    body: Element,
    place: Element,
    /// The status line's words ([`show_status`]).
    status: Element,
    /// What of the saved settings is not used, and why (see [`Panel::not_used`]).
    unused: Element,
    unused_said: std::cell::RefCell<[Option<String>; 2]>,
    shown: Option<View>,
    replies: replies::Replies,
    badge: badge::Badge,
    toggle: Element,
    _toggle: [EventListener; 5],
    _keys: [EventListener; 3],
    _trusted: [EventListener; 3],
    /// Where the shortcut from the panel goes back to.
    back: std::rc::Rc<std::cell::RefCell<Back>>,
}

/// Where the agent was before the panel: the element, and the caret in a rich editor (focus
/// alone would put it at the start).
type Back = Option<(HtmlElement, Option<web_sys::Range>)>;

thread_local! {
    /// Set while the panel clicks one of its own buttons (see [`own_click`]).
    static OWN_CLICK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Clicks `button`, a button of the panel, for the agent (Enter in a form presses Insert): let
/// past the panel's guard against clicks the page makes.
pub fn own_click(button: &HtmlElement) {
    OWN_CLICK.with(|o| o.set(true));
    button.click();
    OWN_CLICK.with(|o| o.set(false));
}

/// The keys that take the focus to the panel from anywhere in the page, and back: Alt+Shift+W
/// (by the key's place, so on any layout). Said to assistive technology on the panel's button.
pub const SHORTCUT: &str = "Alt+Shift+W";

impl Panel {
    /// Creates the host element, its shadow root and the card, and adds them to the page.
    /// `minimised`: the agent left the panel minimised (see [`MINIMISED_KEY`]).
    pub fn mount(doc: &Document, mode: Mode, minimised: bool) -> Result<Panel, JsValue> {
        let host = doc.create_element(TAG)?;
        host.set_attribute("data-mode", mode.as_str())?;
        let root: ShadowRoot = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;

        let style = SHEET.with(|s| {
            let s = s.borrow();
            dom::el(
                doc,
                "style",
                "",
                if s.0.is_empty() { FALLBACK } else { &s.0 },
            )
        })?;
        root.append_child(&style)?;
        SHEET.with(|s| s.borrow_mut().1 = Some(style));

        let card = dom::el(doc, "section", "card", "")?;
        card.set_attribute("role", "complementary")?;
        card.set_attribute("aria-label", "Waypoint")?;

        let header = dom::el(doc, "header", "", "")?;
        let logo = dom::el(doc, "span", "logo", "")?;
        logo.set_attribute("aria-hidden", "true")?;
        let title = dom::el(doc, "strong", "title", "Waypoint")?;
        // The build it runs as is for diagnostics (and in `data-mode`): a tooltip, not a
        // pill in the header.
        title.set_attribute("title", &format!("Waypoint, running as {}", mode.label()))?;
        let toggle = dom::el(doc, "button", "toggle", "")?;
        toggle.set_attribute("type", "button")?;
        toggle.set_attribute("aria-expanded", "true")?;
        toggle.set_attribute("aria-label", "Minimise Waypoint")?;
        toggle.set_attribute("aria-keyshortcuts", SHORTCUT)?;
        toggle.set_attribute("title", &format!("{SHORTCUT}: to Waypoint and back"))?;
        header.append_child(&logo)?;
        header.append_child(&title)?;

        let body = dom::el(doc, "div", "body", "")?;
        let place = dom::el(doc, "p", "place", "")?;
        let status = dom::el(doc, "p", "status", "")?;
        // One span in the line (a flex box: its dot, then the words), holding the part said
        // and the count ([`show_status`]).
        let words = dom::el(doc, "span", "", "")?;
        let said = dom::el(doc, "span", "", "")?;
        said.set_attribute("role", "status")?;
        words.append_child(&said)?;
        words.append_child(dom::el(doc, "span", "", "")?.as_ref())?;
        status.append_child(&words)?;
        body.append_child(&place)?;
        body.append_child(&status)?;
        let unused = dom::el(doc, "p", "notice", "")?;
        unused.set_attribute("data-notice", "settings")?;
        body.append_child(&unused)?;
        let sla = badge::Badge::mount(doc, &root, &header, &body)?;
        header.append_child(&toggle)?;
        let replies = replies::Replies::mount(doc, &body)?;

        card.append_child(&header)?;
        card.append_child(&body)?;
        root.append_child(&card)?;

        // It starts as the agent left it. In a narrow window (the sites drop their side column
        // below 1000 px) the card would cover the conversation: it starts minimised there too,
        // its header still showing the clock. Opening it says "open it" only for now: the next
        // narrow page starts minimised again.
        // The practice page keeps room for the card beside its conversation from
        // PRACTICE_NARROW_PX (its style sheet): a projector's 1024 px at 125 % zoom.
        let narrow_below = if crate::web::content::practising() {
            PRACTICE_NARROW_PX
        } else {
            NARROW_PX
        };
        let narrow = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < narrow_below);
        if narrow || minimised {
            minimise(&card, &toggle, true);
        }
        // The agent's choice, kept for the next page; not kept costs only that.
        let choose = |card: &Element, button: &Element, collapsed: bool| {
            minimise(card, button, collapsed);
            wasm_bindgen_futures::spawn_local(async move {
                let _ = platform::storage_set(MINIMISED_KEY, &JsValue::from_bool(collapsed)).await;
            });
        };
        // Scrolled down, the body's top edge fades its first lines out (panel.css): a line it
        // cuts in two (the suggestions are kept whole above the search by scrolling as little
        // as it takes) reads as more above, not as a sliver of letters.
        let scrolled = {
            let b = body.clone();
            EventListener::new(&body, "scroll", move |_| {
                let _ = dom::flag(&b, "data-scrolled", b.scroll_top() > 0);
            })
        };
        let toggle_listener = {
            let (card, button) = (card.clone(), toggle.clone());
            EventListener::new(&toggle, "click", move |_| {
                choose(&card, &button, !card.class_list().contains("collapsed"));
            })
        };
        // Escape in the open panel that nothing in it took (a fill-in's Escape goes back; one
        // with words in the search leaves them to the search, which clears them) minimises
        // it, the focus on its button: the conversation is back in view without a pointer.
        let escape = {
            let (card, button) = (card.clone(), toggle.clone());
            EventListener::new(&root, "keydown", move |event| {
                let words = card
                    .query_selector("input.search")
                    .ok()
                    .flatten()
                    .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| !i.value().is_empty());
                let escape = event
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape");
                if escape
                    && !words
                    && !event.default_prevented()
                    && !card.class_list().contains("collapsed")
                {
                    choose(&card, &button, true);
                    let _ = button.unchecked_ref::<HtmlElement>().focus();
                }
            })
        };
        // Alt+Shift+W from the page: to the panel (opened if minimised), the focus in its
        // search, or on its button when the search is not shown; from the panel, back where
        // the agent was (the composer, say). Listened to first, in the capture phase, so a
        // page that stops its keys cannot hide it; no other key is touched.
        let back: std::rc::Rc<std::cell::RefCell<Back>> = Default::default();
        let shortcut = {
            let (card, button, host, back) =
                (card.clone(), toggle.clone(), host.clone(), back.clone());
            let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
            let options = gloo_events::EventListenerOptions {
                phase: gloo_events::EventListenerPhase::Capture,
                passive: false,
            };
            EventListener::new_with_options(&window, "keydown", options, move |event| {
                let Some(k) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let shortcut = k.alt_key() && k.shift_key() && !k.ctrl_key() && !k.meta_key();
                if !shortcut || k.code() != "KeyW" {
                    return;
                }
                event.prevent_default();
                event.stop_propagation();
                if k.repeat() || !host.is_connected() {
                    return;
                }
                // While the checklist is open the shortcut keeps to it: it is answered first.
                let root = host.shadow_root();
                if let Some(gate) = root.as_ref().and_then(|r| r.query_selector(".gate").ok()?) {
                    let inner = root.and_then(|r| r.active_element());
                    if !inner.is_some_and(|e| gate.contains(Some(&e))) {
                        if let Some(g) = gate.dyn_ref::<HtmlElement>() {
                            let _ = g.focus();
                        }
                    }
                    return;
                }
                let active = host.owner_document().and_then(|d| d.active_element());
                let selection = web_sys::window().and_then(|w| w.get_selection().ok().flatten());
                if active.as_ref() == Some(&host) {
                    let Some((el, range)) = back.borrow_mut().take() else {
                        // Come from nowhere in particular: the focus leaves the panel.
                        let inner = host.shadow_root().and_then(|r| r.active_element());
                        if let Some(e) = inner.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                            e.blur().ok();
                        }
                        return;
                    };
                    if el.is_connected() {
                        let _ = el.focus();
                        if let (Some(sel), Some(range)) = (&selection, range) {
                            let _ = sel.remove_all_ranges();
                            let _ = sel.add_range(&range);
                        }
                    }
                    return;
                }
                let body = host.owner_document().and_then(|d| d.body());
                *back.borrow_mut() = active
                    .filter(|a| {
                        body.as_ref()
                            .is_none_or(|b| AsRef::<Element>::as_ref(b) != a)
                    })
                    .and_then(|a| a.dyn_into::<HtmlElement>().ok())
                    .map(|el| {
                        let range = selection
                            .filter(|s| s.range_count() > 0)
                            .and_then(|s| s.get_range_at(0).ok())
                            .filter(|r| r.start_container().is_ok_and(|n| el.contains(Some(&n))))
                            .map(|r| r.clone_range());
                        (el, range)
                    });
                if card.class_list().contains("collapsed") {
                    choose(&card, &button, false);
                }
                let search = card
                    .query_selector("input.search")
                    .ok()
                    .flatten()
                    .and_then(|s| s.dyn_into::<HtmlElement>().ok())
                    .filter(|s| s.offset_parent().is_some());
                let _ = match search {
                    Some(s) => s.focus(),
                    None => button.unchecked_ref::<HtmlElement>().focus(),
                };
            })
        };
        // The shortcut's key released: the page does not hear it either.
        let shortcut_up = {
            let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
            let options = gloo_events::EventListenerOptions {
                phase: gloo_events::EventListenerPhase::Capture,
                passive: false,
            };
            EventListener::new_with_options(&window, "keyup", options, |event| {
                let ours = event.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| {
                    k.alt_key()
                        && k.shift_key()
                        && !k.ctrl_key()
                        && !k.meta_key()
                        && k.code() == "KeyW"
                });
                if ours {
                    event.prevent_default();
                    event.stop_propagation();
                }
            })
        };
        // Keys typed in the panel (its search, the fill-ins) stay in it. Listeners on the
        // document see the panel's host as their target, not a text field, so a site's
        // keyboard shortcuts would take them (on x.com "l" likes a post). Listeners in the
        // capture phase still see them: nothing inside the page can stop those.
        let keys = ["keydown", "keypress", "keyup"]
            .map(|name| EventListener::new(&root, name, |event| event.stop_propagation()));
        // Only the agent drives the panel: a click, key or change that the page's own script
        // made (dispatched, not made by the browser from the agent's hand) stops at its edge,
        // before any of its listeners: the page cannot insert a reply, save the agent's name,
        // tick the checklist or pause the clock. The panel's own click ([`own_click`]) passes.
        let trusted = ["click", "keydown", "change"].map(|name| {
            let options = gloo_events::EventListenerOptions {
                phase: gloo_events::EventListenerPhase::Capture,
                passive: false,
            };
            EventListener::new_with_options(&root, name, options, |event| {
                if !event.is_trusted() && !OWN_CLICK.with(std::cell::Cell::get) {
                    event.stop_immediate_propagation();
                    event.prevent_default();
                }
            })
        });

        let parent: Element = match doc.body() {
            Some(b) => b.into(),
            None => doc
                .document_element()
                .ok_or_else(|| JsValue::from_str("Waypoint: the page has no root element"))?,
        };
        parent.append_child(&host)?;

        Ok(Panel {
            host,
            root,
            card,
            body: body.clone(),
            place,
            status: words,
            unused,
            unused_said: Default::default(),
            shown: None,
            replies,
            badge: sla,
            toggle,
            _toggle: [toggle_listener, escape, shortcut, shortcut_up, scrolled],
            _keys: keys,
            _trusted: trusted,
            back,
        })
    }

    /// Says, under the status line, what of the saved settings of `part` is not used and why
    /// (`None`: all of it is): the agent would otherwise miss a team reply or a target without
    /// a word.
    pub fn not_used(&self, part: Unused, why: Option<String>) {
        let mut said = self.unused_said.borrow_mut();
        said[part as usize] = why;
        let text: Vec<&str> = said.iter().flatten().map(String::as_str).collect();
        dom::set_text(&self.unused, &text.join(" "));
    }

    /// The agent came to the panel from `el` without the shortcut (a reply picked with the
    /// slash search in the composer): the shortcut from the panel takes them back there, the
    /// caret where it is now.
    pub fn came_from(&self, el: &Element) {
        let Some(el) = el.dyn_ref::<HtmlElement>() else {
            return;
        };
        let range = web_sys::window()
            .and_then(|w| w.get_selection().ok().flatten())
            .filter(|s| s.range_count() > 0)
            .and_then(|s| s.get_range_at(0).ok())
            .filter(|r| r.start_container().is_ok_and(|n| el.contains(Some(&n))))
            .map(|r| r.clone_range());
        *self.back.borrow_mut() = Some((el.clone(), range));
    }

    /// Shows `view`; does nothing when it is what is already shown, so the page sees no
    /// mutations from an unchanged panel.
    pub fn show(&mut self, view: &View) -> Result<(), JsValue> {
        if self.shown.as_ref() == Some(view) {
            return Ok(());
        }
        let h = &self.host;
        dom::set_attr(h, "data-site", view.site.as_str())?;
        match view.surface {
            Some(s) => dom::set_attr(h, "data-surface", s.as_str())?,
            None => h.remove_attribute("data-surface")?,
        }
        dom::set_attr(h, "data-state", view.state.as_str())?;
        dom::set_attr(h, "data-messages", &view.messages.to_string())?;
        match &view.customer {
            Some(c) => dom::set_attr(h, "data-customer", c)?,
            None => h.remove_attribute("data-customer")?,
        }
        dom::set_text(&self.place, &view.place());
        show_status(&self.status, &view.status())?;
        dom::set_attr(&self.card, "data-state", view.state.as_str())?;
        self.shown = Some(view.clone());
        Ok(())
    }

    /// Shows the SLA status (every second while a conversation is open).
    pub fn show_sla(
        &self,
        status: &crate::core::sla::SlaStatus,
        controls: &SlaControls,
    ) -> Result<(), JsValue> {
        self.badge.show(&self.host, status, controls)
    }

    /// Has the pin placed afresh at its next placing, the page's words under it looked at
    /// again (placing it the same way again otherwise writes and measures nothing).
    pub fn forget_pin_place(&self) {
        self.badge.forget_place();
    }

    /// Moves the badge's pin beside the composer (or hides it), off the panel's card. The
    /// card is measured only when there is a composer on screen to place the pin beside.
    pub fn place_pin(&self, composer: Option<&Element>) -> Result<(), JsValue> {
        self.badge
            .place_pin(composer, || self.card.get_bounding_client_rect())
    }

    /// Keeps the panel off the site's composer and send button (`zone`, in viewport
    /// coordinates): where the panel's usual corner would cover them, it moves to the top or
    /// bottom edge with more room, and its body scrolls within that room. The host carries
    /// `data-dodge="top"|"bottom"` while it has moved.
    pub fn dodge(&self, zone: Option<Zone>) -> Result<(), JsValue> {
        let (Some(window), Some(host), Some(body)) = (
            web_sys::window(),
            self.host.dyn_ref::<HtmlElement>(),
            self.body.dyn_ref::<HtmlElement>(),
        ) else {
            return Ok(());
        };
        // Measuring the panel makes the browser lay out the page now; with no composer
        // there is nothing to dodge, so nothing is measured (on a long page that is still
        // growing, a layout forced at every re-read costs more than the reading).
        let plan = match zone {
            None => None,
            Some(z) => {
                let vh = window.inner_height()?.as_f64().unwrap_or(0.0);
                let card = self.card.get_bounding_client_rect();
                let header = card.height() - f64::from(body.client_height());
                let natural = header + f64::from(body.scroll_height());
                dodge_plan(z, card.left(), card.right(), natural, header, vh)
            }
        };
        let style = host.style();
        let body_style = body.style();
        match plan {
            None => {
                style.remove_property("top")?;
                style.remove_property("bottom")?;
                body_style.remove_property("max-height")?;
                body_style.remove_property("overflow-y")?;
                host.remove_attribute("data-dodge")
            }
            Some(p) => {
                let (set, unset) = if p.top {
                    ("top", "bottom")
                } else {
                    ("bottom", "top")
                };
                style.set_property(set, &dom::px(MARGIN))?;
                style.set_property(unset, "auto")?;
                match p.body_max {
                    Some(h) => {
                        let resized = body_style.get_property_value("max-height")? != dom::px(h);
                        body_style.set_property("max-height", &dom::px(h))?;
                        body_style.set_property("overflow-y", "auto")?;
                        self.replies.keep_said_in_view(resized);
                    }
                    None => {
                        body_style.remove_property("max-height")?;
                        body_style.remove_property("overflow-y")?;
                    }
                }
                dom::set_attr(host, "data-dodge", if p.top { "top" } else { "bottom" })
            }
        }
    }

    /// No conversation: no badge, `data-sla="none"`.
    pub fn clear_sla(&self) -> Result<(), JsValue> {
        self.badge.clear(&self.host)
    }

    /// Where the agent's SLA controls are (for the owner's click listener).
    pub fn sla_controls(&self) -> &Element {
        self.badge.controls()
    }

    /// Tells the replies part about the open conversation.
    pub fn set_situation(&self, situation: replies::Situation) {
        self.replies.set_situation(situation);
    }

    /// The shadow root, for the parts shown over the page (checklist, slash search).
    pub fn root(&self) -> &ShadowRoot {
        &self.root
    }

    /// Opens the panel when it is minimised, as its button would.
    pub fn expand(&self) {
        // Nothing written when it is open already (a panel at rest writes only what changes).
        if self.card.class_list().contains("collapsed") {
            minimise(&self.card, &self.toggle, false);
        }
    }

    /// The replies part (suggestions, search, insertion).
    pub fn replies(&self) -> &replies::Replies {
        &self.replies
    }

    /// The host element (for tests).
    pub fn host(&self) -> &Element {
        &self.host
    }

    /// Whether the host is still in the page (a site may wipe foreign nodes on re-render).
    pub fn is_attached(&self) -> bool {
        self.host.is_connected()
    }

    /// Puts the host back into the page after a site removed it.
    pub fn reattach(&self, doc: &Document) -> Result<(), JsValue> {
        let parent: Element = match doc.body() {
            Some(b) => b.into(),
            None => return Ok(()),
        };
        parent.append_child(&self.host)?;
        Ok(())
    }
}

impl Drop for Panel {
    fn drop(&mut self) {
        self.host.remove();
    }
}
