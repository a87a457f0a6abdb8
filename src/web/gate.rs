//! The checklist gate: catches the agent's send (the site's post/send button, or the send key
//! in the composer) before the site sees it, and shows the checklist when there is something
//! to look at.
//!
//! It listens on `window` in the capture phase, so it runs before the sites' own handlers
//! (React and Lexical listen lower down). It fails open: when Waypoint is not ready, has no
//! conversation, or anything goes wrong while deciding, the event is left alone and the site
//! sends as if Waypoint were not there. A send made while a long conversation is still read in
//! parts is held until the read ends, then checked as any other (sent as made if the read
//! takes more than about 3 s). It never edits the draft. When the agent confirms, it
//! re-fires the site's own send exactly once (a click on the button, or the same key on the
//! composer), marked so that it passes the gate.

use crate::core::said::said;
use crate::web::panel::checklist::{Action, Dialog, Sheet};
use crate::web::sites::{SendKey, SurfaceProfile};
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent, ShadowRoot};

/// What the gate needs from the controller at the moment of a send.
pub struct Situation {
    pub doc: Document,
    pub profile: &'static SurfaceProfile,
    /// Where the dialog goes (the panel's shadow root).
    pub root: ShadowRoot,
}

/// What the controller decides about a draft.
pub enum Verdict {
    /// Nothing to show: let the site send.
    Pass,
    /// Show the checklist first.
    Review(Sheet),
    /// The conversation is still being read (a long one, in parts): hold the send and ask
    /// again shortly ([`WAIT_EVERY_MS`]); sent as usual if the read does not end in time.
    Wait,
}

/// The controller's side of the gate.
pub trait Host {
    /// The open conversation's surface and where to show the dialog; `None` when Waypoint has
    /// no conversation read (the send goes through untouched).
    fn situation(&self) -> Option<Situation>;
    /// Runs the checklist on `draft`; `None` when it cannot (the send goes through).
    fn review(&self, draft: &str) -> Option<Verdict>;
    /// The draft was sent (straight through or confirmed) and the site took it (see
    /// [`when_taken`]): remember it for the repeated-reply check.
    fn sent(&self, draft: &str);
    /// The confirmed reply could not be sent through the site: tell the agent, with a way to
    /// copy `checked` (the reply the checklist showed) when the box may no longer hold it.
    fn not_sent(&self, why: &str, checked: Option<&str>);
}

/// How to send again once the agent confirms.
#[derive(Clone)]
enum Resend {
    Click(Element),
    Key {
        composer: Element,
        ctrl: bool,
        meta: bool,
    },
}

struct Pending {
    _dialog: Dialog,
    resend: Resend,
    composer: Option<Element>,
    draft: String,
}

thread_local! {
    /// Set while the gate re-fires the site's send, so that the gate lets it through.
    static BYPASS: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// A send held for the conversation's read to end: its number and the draft as it was
    /// sent. Cancelled (Escape, leaving the conversation) by taking it out.
    static HELD: RefCell<Option<(u32, String)>> = const { RefCell::new(None) };
    static HELD_COUNT: Cell<u32> = const { Cell::new(0) };
}

/// The installed gate. Dropping it removes its listeners and any open dialog.
pub struct Gate {
    _listeners: [EventListener; 2],
}

impl Drop for Gate {
    fn drop(&mut self) {
        PENDING.with(|p| p.borrow_mut().take());
        HELD.with(|h| h.borrow_mut().take());
    }
}

impl Gate {
    pub fn install(host: Rc<dyn Host>) -> Option<Gate> {
        let window = web_sys::window()?;
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        let click = {
            let host = host.clone();
            EventListener::new_with_options(&window, "click", options, move |event| {
                if !crate::web::content::stopped() {
                    on_click(&host, event)
                }
            })
        };
        // Once Waypoint has stopped after a fault of its own, the agent is told sends are not
        // checked: they go to the site untouched.
        let key = EventListener::new_with_options(&window, "keydown", options, move |event| {
            if !crate::web::content::stopped() {
                on_key(&host, event)
            }
        });
        Some(Gate {
            _listeners: [click, key],
        })
    }

    /// Whether the checklist dialog is open.
    pub fn is_open() -> bool {
        PENDING.with(|p| p.borrow().is_some())
    }

    /// Closes the checklist without sending anything: the agent moved to another
    /// conversation while it was open, and it was about the one they left. The draft stays
    /// where the site keeps it (X draws a new reply box for another post), and the next send
    /// is checked afresh (an open checklist holds every send).
    /// Returns the draft it was about, if a checklist was open.
    pub fn dismiss() -> Option<String> {
        PENDING.with(|p| p.borrow_mut().take()).map(|p| p.draft)
    }

    /// Cancels a send held while the conversation was read: the agent moved to another one.
    /// Returns the draft it was about, if one was held.
    pub fn dismiss_held() -> Option<String> {
        HELD.with(|h| h.borrow_mut().take()).map(|(_, draft)| draft)
    }
}

fn target_element(event: &web_sys::Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// The site's send button `el` is in, if any.
fn send_button(profile: &SurfaceProfile, el: &Element) -> Option<Element> {
    profile.send.iter().find_map(|b| {
        let found = el.closest(b.sel).ok().flatten()?;
        if b.text.is_empty() {
            return Some(found);
        }
        let text = found.text_content().unwrap_or_default();
        b.text.contains(&text.trim()).then_some(found)
    })
}

/// The site's first send button for this surface that is on the page.
pub fn visible_send_button(doc: &Document, profile: &SurfaceProfile) -> Option<Element> {
    profile.send.iter().find_map(|b| {
        let list = doc.query_selector_all(b.sel).ok()?;
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .find(|el| {
                let text = el.text_content().unwrap_or_default();
                (b.text.is_empty() || b.text.contains(&text.trim()))
                    && el.get_bounding_client_rect().width() > 0.0
            })
    })
}

/// The site's send button for `composer`: the first (by the profile's buttons, their words
/// checked) inside the composer's nearest ancestor that holds one. None when the composer is
/// gone too: the page's first button may be another reply box's.
fn send_near(situation: &Situation, composer: Option<&Element>) -> Option<Element> {
    let mut at = composer
        .filter(|c| c.is_connected())
        .and_then(|c| c.parent_element());
    while let Some(a) = at {
        for b in situation.profile.send {
            let Ok(list) = a.query_selector_all(b.sel) else {
                continue;
            };
            for i in 0..list.length() {
                let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                let text = el.text_content().unwrap_or_default();
                if b.text.is_empty() || b.text.contains(&text.trim()) {
                    return Some(el);
                }
            }
        }
        at = a.parent_element();
    }
    None
}

fn disabled(button: &Element) -> bool {
    button.get_attribute("aria-disabled").as_deref() == Some("true")
        || button.has_attribute("disabled")
}

fn composer_of(doc: &Document, profile: &SurfaceProfile) -> Option<Element> {
    crate::web::extract::first_match(doc, profile.composer)
}

/// The draft as the composer holds it.
pub(crate) fn draft_of(composer: &Element) -> String {
    if let Some(t) = composer.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else if let Some(h) = composer.dyn_ref::<HtmlElement>() {
        h.inner_text()
    } else {
        composer.text_content().unwrap_or_default()
    }
}

fn on_click(host: &Rc<dyn Host>, event: &web_sys::Event) {
    if BYPASS.with(Cell::get) {
        return;
    }
    let Some(target) = target_element(event) else {
        return;
    };
    let Some(situation) = host.situation() else {
        return;
    };
    let Some(button) = send_button(situation.profile, &target) else {
        return;
    };
    gate_button(host, event, &situation, button);
}

/// Decides about a press of the site's send `button` (by `event`).
fn gate_button(
    host: &Rc<dyn Host>,
    event: &web_sys::Event,
    situation: &Situation,
    button: Element,
) {
    if disabled(&button) {
        return;
    }
    // The composer beside the button (a page may hold several), else the page's first.
    let composer = crate::web::extract::composer_near(&button, situation.profile.composer)
        .or_else(|| composer_of(&situation.doc, situation.profile));
    let draft = composer.as_ref().map(draft_of).unwrap_or_default();
    gate(
        host,
        event,
        situation,
        composer,
        draft,
        Resend::Click(button),
    );
}

fn on_key(host: &Rc<dyn Host>, event: &web_sys::Event) {
    if BYPASS.with(Cell::get) {
        return;
    }
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    // Escape cancels a send held while the conversation is read (left to the site too); with
    // the checklist open, wherever the focus went (a site may take it back to its box), it
    // closes the checklist as its own Escape does, and is not the site's.
    if key.key() == "Escape" {
        if let Some(pending) = PENDING.with(|p| p.borrow_mut().take()) {
            event.prevent_default();
            event.stop_immediate_propagation();
            return finish(host.clone(), pending, Action::Edit);
        }
        return cancel_held(host);
    }
    // Never during IME composition (Enter then confirms the candidate, it does not send).
    let space = key.key() == " ";
    if !(space || key.key() == "Enter") || key.is_composing() || key.key_code() == 229 {
        return;
    }
    let Some(situation) = host.situation() else {
        return;
    };
    // Enter or Space on the site's send button when it is no real button (a `div` with
    // role="button", whose own key handler sends; a real one turns the key into a click, which
    // is checked as such): checked as its click is.
    if let Some(t) =
        target_element(event).filter(|t| !matches!(t.tag_name().as_str(), "BUTTON" | "INPUT"))
    {
        if let Some(button) = send_button(situation.profile, &t) {
            return gate_button(host, event, &situation, button);
        }
    }
    if space {
        return;
    }
    // The sites' handlers look for the keys that make it a send, whatever else is held: in a
    // chat or comment box Enter without Shift or Alt (so Ctrl+Enter and Cmd+Enter send too),
    // on a post Ctrl or Cmd with Enter (with Alt or Shift too). Confirmed, the send is made
    // with the keys that send (plain Enter; Ctrl or Cmd+Enter), not with the extra ones.
    let sends = match situation.profile.send_key {
        SendKey::Enter => !key.shift_key() && !key.alt_key(),
        SendKey::ModEnter => key.ctrl_key() || key.meta_key(),
    };
    if !sends {
        return;
    }
    // The composer the Enter was typed in, whichever of the page's it is.
    let Some(composer) = target_element(event)
        .and_then(|t| crate::web::extract::composer_holding(&t, situation.profile.composer))
    else {
        return;
    };
    let draft = draft_of(&composer);
    let post = situation.profile.send_key == SendKey::ModEnter;
    let resend = Resend::Key {
        composer: composer.clone(),
        ctrl: post && key.ctrl_key(),
        meta: post && key.meta_key(),
    };
    gate(host, event, &situation, Some(composer), draft, resend);
}

/// Decides about one send. Everything that can fail happens before the event is stopped, so
/// a failure leaves the site's send alone.
fn gate(
    host: &Rc<dyn Host>,
    event: &web_sys::Event,
    situation: &Situation,
    composer: Option<Element>,
    draft: String,
    resend: Resend,
) {
    if draft.trim().is_empty() {
        // The site sends nothing (or shows its own error): not ours to judge.
        return;
    }
    if PENDING.with(|p| p.borrow().is_some()) || HELD.with(|h| h.borrow().is_some()) {
        // The dialog is open (or a send is held): a second press waits for the agent's choice.
        event.prevent_default();
        event.stop_immediate_propagation();
        return;
    }
    let sheet = match host.review(&draft) {
        None => return,
        Some(Verdict::Pass) => {
            when_taken(host.clone(), composer, draft);
            return;
        }
        Some(Verdict::Wait) => {
            event.prevent_default();
            event.stop_immediate_propagation();
            let id = HELD_COUNT.with(|n| {
                n.set(n.get().wrapping_add(1));
                n.get()
            });
            HELD.with(|h| *h.borrow_mut() = Some((id, draft.clone())));
            wait_read(host.clone(), composer, resend, id, WAIT_LOOKS);
            return;
        }
        Some(Verdict::Review(sheet)) => sheet,
    };
    if show(host, situation, sheet, composer.clone(), draft, resend).is_ok() {
        event.prevent_default();
        event.stop_immediate_propagation();
    }
}

/// Opens the checklist for a held send; `Err` (and nothing open) when it could not be shown.
fn show(
    host: &Rc<dyn Host>,
    situation: &Situation,
    sheet: Sheet,
    composer: Option<Element>,
    draft: String,
    resend: Resend,
) -> Result<(), ()> {
    let owner = host.clone();
    let act: Rc<dyn Fn(Action)> = Rc::new(move |action| {
        // The dialog's listener calls this; the pending state is taken out first so that the
        // dialog (and this listener) is dropped only after the call returns.
        let pending = PENDING.with(|p| p.borrow_mut().take());
        if let Some(pending) = pending {
            let owner = owner.clone();
            gloo_timers::callback::Timeout::new(0, move || finish(owner, pending, action)).forget();
        }
    });
    // Where the caret is, for Edit: the dialog takes the focus, and an editor may drop its
    // selection as it loses it (Draft.js does).
    if let Some(c) = &composer {
        crate::web::composer::keep_caret(c);
    }
    let dialog = match Dialog::open(&situation.doc, &situation.root, &sheet, act) {
        Ok(d) => d,
        Err(e) => {
            web_sys::console::warn_2(
                &"Waypoint: could not show the checklist; sending as usual:".into(),
                &e,
            );
            return Err(());
        }
    };
    PENDING.with(|p| {
        *p.borrow_mut() = Some(Pending {
            _dialog: dialog,
            resend,
            composer,
            draft,
        })
    });
    Ok(())
}

/// How often a send held while the conversation is read asks again, and how many times
/// (about 3 s: a read in parts takes a fraction of that).
const WAIT_EVERY_MS: u32 = 50;
const WAIT_LOOKS: u32 = 60;

/// Asks again about a held send (number `id`) until the conversation is read: then the
/// checklist shows as for any send, with the draft the box holds then; or, when there is
/// nothing to look at, Waypoint cannot decide, or the read has not ended in time, the send goes
/// through as the agent made it (the site keeps working): only if the draft is still the one
/// sent, since the agent may be typing on. An emptied box, Escape or leaving the conversation
/// (the held send taken out) sends nothing.
fn wait_read(host: Rc<dyn Host>, composer: Option<Element>, resend: Resend, id: u32, left: u32) {
    gloo_timers::callback::Timeout::new(WAIT_EVERY_MS, move || {
        let Some(sent) = HELD.with(|h| {
            h.borrow()
                .as_ref()
                .filter(|(held, _)| *held == id)
                .map(|(_, d)| d.clone())
        }) else {
            return;
        };
        let release = || HELD.with(|h| h.borrow_mut().take());
        let draft = match &composer {
            Some(c) if c.is_connected() => draft_of(c),
            Some(_) => {
                release();
                return host.not_sent(said("redrawn-reading"), None);
            }
            None => sent.clone(),
        };
        if draft.trim().is_empty() {
            release();
            return;
        }
        let verdict = host.review(&draft);
        if matches!(verdict, Some(Verdict::Wait)) && left > 1 {
            return wait_read(host, composer, resend, id, left - 1);
        }
        release();
        if let (Some(Verdict::Review(sheet)), Some(situation)) = (verdict, host.situation()) {
            if show(
                &host,
                &situation,
                sheet,
                composer.clone(),
                draft.clone(),
                resend.clone(),
            )
            .is_ok()
            {
                return;
            }
        }
        if draft.trim() != sent.trim() {
            return host.not_sent(said("changed-reading"), None);
        }
        send_now(host, resend, composer, draft, said("redrawn-reading"));
    })
    .forget();
}

/// Cancels a held send (Escape): nothing is sent.
fn cancel_held(host: &Rc<dyn Host>) {
    if HELD.with(|h| h.borrow_mut().take()).is_some() {
        host.not_sent(said("cancelled-reading"), None);
    }
}

/// How often a send is looked at for the site taking it, and how many times.
const TAKEN_EVERY_MS: u32 = 100;
const TAKEN_LOOKS: u32 = 50;

/// Remembers `draft` as sent once the site has taken it: its composer emptied (or holds other
/// text now: the next reply begun), or went (X closes its reply dialog). A send the site
/// refused leaves the reply in the box: it is not remembered, so that sending it again is not
/// taken for a repeat. Without a composer to look at, the send is taken at its word.
fn when_taken(host: Rc<dyn Host>, composer: Option<Element>, draft: String) {
    match composer {
        Some(c) => look_taken(host, c, draft, TAKEN_LOOKS),
        None => host.sent(&draft),
    }
}

fn look_taken(host: Rc<dyn Host>, composer: Element, draft: String, left: u32) {
    gloo_timers::callback::Timeout::new(TAKEN_EVERY_MS, move || {
        let now = if composer.is_connected() {
            draft_of(&composer)
        } else {
            String::new()
        };
        let now = now.trim();
        if now.is_empty() || !now.contains(draft.trim()) {
            host.sent(&draft);
        } else if left > 1 {
            look_taken(host, composer, draft, left - 1);
        }
    })
    .forget();
}

/// Carries out the agent's choice (the dialog is already gone).
fn finish(host: Rc<dyn Host>, pending: Pending, action: Action) {
    let Pending {
        _dialog,
        resend,
        composer,
        draft,
    } = pending;
    drop(_dialog);
    match action {
        Action::Edit => {
            if let Some(c) = composer {
                crate::web::composer::focus_draft(&c);
            }
        }
        Action::Post => {
            if let Some(c) = composer.as_ref().filter(|c| c.is_connected()) {
                if draft_of(c).trim() != draft.trim() {
                    return host.not_sent(said("changed"), Some(&draft));
                }
            }
            // The site may have drawn its send button or composer again while the dialog was
            // open: a click on the old, detached one reaches nobody, and the reply would be
            // taken as sent while it sits in the composer.
            send_now(host, resend, composer, draft, said("redrawn"));
        }
    }
}

/// Sends through the site's own send, once, past the gate; `redrawn` is said when the send
/// button or composer it was made with went and no other is found beside the composer.
fn send_now(
    host: Rc<dyn Host>,
    resend: Resend,
    composer: Option<Element>,
    draft: String,
    redrawn: &str,
) {
    let resend = match resend {
        Resend::Click(b) if !b.is_connected() => {
            match host
                .situation()
                .and_then(|s| send_near(&s, composer.as_ref()))
            {
                Some(b) => Resend::Click(b),
                None => return host.not_sent(redrawn, Some(&draft)),
            }
        }
        Resend::Key { composer, .. } if !composer.is_connected() => {
            return host.not_sent(redrawn, Some(&draft))
        }
        r => r,
    };
    // The focus back where the agent writes (the dialog that held it is gone), as a send by
    // key has it; the site may move it on as it sends.
    if let Some(c) = composer.as_ref().and_then(|c| c.dyn_ref::<HtmlElement>()) {
        let _ = c.focus();
    }
    BYPASS.with(|b| b.set(true));
    let result = fire(&resend);
    BYPASS.with(|b| b.set(false));
    match result {
        Ok(()) => when_taken(host, composer, draft),
        Err(e) => {
            web_sys::console::warn_2(&"Waypoint: could not send through the site:".into(), &e);
            host.not_sent(said("not-taken"), Some(&draft))
        }
    }
}

/// Re-fires the site's own send, once.
fn fire(resend: &Resend) -> Result<(), JsValue> {
    match resend {
        Resend::Click(button) => {
            let button: &HtmlElement = button
                .dyn_ref()
                .ok_or_else(|| JsValue::from_str("the send button is not an HTML element"))?;
            button.click();
            Ok(())
        }
        Resend::Key {
            composer,
            ctrl,
            meta,
        } => {
            if let Some(c) = composer.dyn_ref::<HtmlElement>() {
                c.focus()?;
            }
            let init = web_sys::KeyboardEventInit::new();
            init.set_key("Enter");
            init.set_code("Enter");
            init.set_bubbles(true);
            init.set_cancelable(true);
            init.set_composed(true);
            init.set_ctrl_key(*ctrl);
            init.set_meta_key(*meta);
            let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)?;
            // Editors that read the legacy key code see Enter's.
            for name in ["keyCode", "which"] {
                let desc = js_sys::Object::new();
                js_sys::Reflect::set(&desc, &"value".into(), &13.into())?;
                js_sys::Object::define_property(&event, &name.into(), &desc);
            }
            composer.dispatch_event(&event)?;
            Ok(())
        }
    }
}
