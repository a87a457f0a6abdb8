//! The SLA badge in the panel's header — remaining or overdue time, ticking every second, in
//! colour *and* words, with an accessible name and a tooltip saying what is measured against
//! which target — and the agent's controls for this conversation: "waiting on customer" and
//! "no reply needed", which stop the clock until the customer writes again, and "resume".

use crate::core::sla::format::{clock, spoken};
use crate::core::sla::{SlaStatus, State};
use crate::web::dom;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

/// The words and time the badge shows for `status`: (label, time text, accessible name).
pub fn describe(status: &SlaStatus) -> (&'static str, String, String) {
    let remaining =
        crate::core::sla::format::whole_seconds(status.remaining_ms.unwrap_or(0)) * 1000;
    let what = status
        .clock
        .map(|c| c.label().to_lowercase())
        .unwrap_or_else(|| "reply".to_owned());
    // Another commenter's wait runs it (on a public post): whose, said.
    let what = match &status.waiting {
        Some(who) => format!("{what} to \u{2068}{who}\u{2069}"),
        None => what,
    };
    // Outside business hours the clock stands still: the badge says so (its colour still
    // tells the state), or it looks broken.
    let stopped = status
        .closed_until
        .as_ref()
        .map(|at| format!(", stopped outside business hours until {at}"));
    let (label, time, name) = match status.state {
        State::Ok => (
            "On track",
            format!("{} left", clock(remaining)),
            format!("SLA on track: {} left for the {what}", spoken(remaining)),
        ),
        State::DueSoon => (
            "Due soon",
            format!("{} left", clock(remaining)),
            format!("SLA due soon: {} left for the {what}", spoken(remaining)),
        ),
        State::Breached => (
            "Overdue",
            format!("+{}", clock(remaining)),
            format!("SLA breached: the {what} is {} overdue", spoken(remaining)),
        ),
        _ => return quiet(status.state),
    };
    match stopped {
        Some(why) => ("Stopped", time, name + &why),
        None => (label, time, name),
    }
}

/// The badge of a state with no clock running.
fn quiet(state: State) -> (&'static str, String, String) {
    match state {
        State::Answered => (
            "Answered",
            String::new(),
            "SLA: answered, no clock running".to_owned(),
        ),
        State::Paused => (
            "Paused",
            String::new(),
            "SLA paused: waiting on the customer".to_owned(),
        ),
        _ => ("", String::new(), "SLA: nothing to answer".to_owned()),
    }
}

/// Below this window width (CSS px) the pin is not shown (see [`Badge::place_pin`]).
const PIN_MIN_WIDTH: f64 = 600.0;

/// The badge and the agent's controls.
pub struct Badge {
    /// A copy of the badge pinned beside the site's composer, where the agent is looking.
    pin: Element,
    badge: Element,
    label: Element,
    time: Element,
    detail: Element,
    window: Element,
    controls: Element,
    /// Where the pin was last placed, with what words and beside which card (whether it was
    /// shown there stays in its `hidden`): placing it again the same way (every second while a clock runs)
    /// writes nothing and measures nothing. Placings that follow a read, a scroll, a resize
    /// or the agent's focus clear it first ([`Badge::forget_place`]): the page's words under
    /// the pin may have moved.
    placed: std::cell::RefCell<Option<[String; 3]>>,
}

impl Badge {
    /// Creates the badge (for the header), its pin beside the composer (in `root`, outside the
    /// card), and its detail lines and controls (for the body).
    pub fn mount(
        doc: &Document,
        root: &web_sys::ShadowRoot,
        header: &Element,
        body: &Element,
    ) -> Result<Badge, JsValue> {
        let pin = dom::el(doc, "div", "pin", "")?;
        // The header badge carries the accessible name; the pin repeats it for the eye only.
        pin.set_attribute("aria-hidden", "true")?;
        pin.set_attribute("hidden", "")?;
        root.append_child(&pin)?;
        let badge = dom::el(doc, "span", "sla", "")?;
        badge.set_attribute("role", "timer")?;
        badge.set_attribute("aria-live", "off")?;
        badge.set_attribute("hidden", "")?;
        let label = dom::el(doc, "span", "sla-label", "")?;
        let time = dom::el(doc, "span", "sla-time", "")?;
        badge.append_child(&label)?;
        badge.append_child(&time)?;
        header.append_child(&badge)?;

        let detail = dom::el(doc, "p", "sla-detail", "")?;
        let window = dom::el(doc, "p", "sla-window", "")?;
        let controls = dom::el(doc, "div", "sla-controls", "")?;
        for (action, text) in [
            ("pause", "Waiting on customer"),
            ("no-reply", "No reply needed"),
            ("resume", "Resume the clock"),
        ] {
            let b = dom::el(doc, "button", "", text)?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-sla-action", action)?;
            controls.append_child(&b)?;
        }
        controls.set_attribute("hidden", "")?;
        body.append_child(&detail)?;
        body.append_child(&window)?;
        body.append_child(&controls)?;
        Ok(Badge {
            pin,
            badge,
            label,
            time,
            detail,
            window,
            controls,
            placed: std::cell::RefCell::new(None),
        })
    }

    /// Shows `status` (called every second while a conversation is open) and writes the page
    /// contract's `data-sla` and `data-sla-remaining-s` on `host`.
    pub fn show(
        &self,
        host: &Element,
        status: &SlaStatus,
        controls: &SlaControls,
    ) -> Result<(), JsValue> {
        let state = status.state.as_str();
        // Every second: only what changed is written (see `dom::set_text`).
        dom::set_attr(host, "data-sla", state)?;
        match status.remaining_ms {
            Some(ms) if matches!(status.state, State::Ok | State::DueSoon | State::Breached) => {
                dom::set_attr(
                    host,
                    "data-sla-remaining-s",
                    &crate::core::sla::format::whole_seconds(ms).to_string(),
                )?
            }
            _ => host.remove_attribute("data-sla-remaining-s")?,
        }
        let (label, time, name) = describe(status);
        dom::set_attr(&self.badge, "data-sla", state)?;
        dom::set_attr(&self.badge, "aria-label", &name)?;
        match &status.waiting {
            Some(who) => dom::set_attr(
                &self.badge,
                "title",
                &format!(
                    "\u{2068}{who}\u{2069} has waited longest. {}",
                    status.explanation
                ),
            )?,
            None => dom::set_attr(&self.badge, "title", &status.explanation)?,
        }
        dom::flag(&self.badge, "hidden", label.is_empty())?;
        dom::set_text(&self.label, label);
        dom::set_text(&self.time, &time);
        dom::set_attr(&self.pin, "data-sla", state)?;
        // Beside the reply box of one commenter, another's wait is said as theirs: "Overdue
        // +1:00:05" alone would read as this reply's.
        let pin = match status
            .waiting
            .as_deref()
            .and_then(|w| w.split_whitespace().next())
        {
            Some(first) => format!("{label} {time} for \u{2068}{first}\u{2069}"),
            None => format!("{label} {time}"),
        };
        dom::set_text(&self.pin, pin.trim());
        if label.is_empty() {
            dom::flag(&self.pin, "hidden", true)?;
        }

        let elapsed = status.elapsed_calendar_ms.map(|ms| {
            let duration = crate::core::sla::format::duration;
            // A time the page gives coarsely is said as the range it allows ("3 h to 4 h").
            let waited = match status.started_latest_ms.zip(status.started_ms) {
                Some((latest, start)) if duration(ms - (latest - start)) != duration(ms) => {
                    format!("{} to {}", duration(ms - (latest - start)), duration(ms))
                }
                _ => duration(ms),
            };
            let mut s = match &status.waiting {
                // Isolated: a name written right to left keeps the words after it in order.
                Some(who) => format!("\u{2068}{who}\u{2069} has waited {waited}"),
                None => format!("Waiting {waited}"),
            };
            if let Some(b) = status.elapsed_business_ms {
                s.push_str(&format!(
                    " ({} of it in business hours)",
                    crate::core::sla::format::duration(b)
                ));
            }
            s
        });
        // The replies below answer another commenter than the one whose wait is said (a
        // hands-on review read Jane's wait and Priya's replies as one customer's): said, with
        // how to answer the one waiting.
        let other = match (&status.waiting, &controls.answering) {
            (Some(w), Some(a)) if w != a => format!(
                " The replies below are for \u{2068}{a}\u{2069}: to answer \u{2068}{w}\u{2069}, \
                 press Reply under what they wrote."
            ),
            _ => String::new(),
        };
        match (status.state, elapsed) {
            (State::Ok | State::DueSoon | State::Breached, Some(e)) => {
                dom::set_text(&self.detail, &format!("{e}. {}{other}", status.explanation))
            }
            _ => dom::set_text(&self.detail, &status.explanation),
        }
        // Counted from when Waypoint first saw a message the page gives no time for, the
        // window is said as a bound: the message may be older than that.
        let (bound, why) = match &status.window {
            Some(w) if w.seen_only => (
                if w.open { "at most " } else { "at least " },
                crate::core::said::said("window-seen-only"),
            ),
            _ => ("", ""),
        };
        match &status.window {
            Some(w) if w.open => dom::set_text(
                &self.window,
                &format!(
                    "Messaging window: {bound}{} left to reply here{why}",
                    crate::core::sla::format::duration(w.remaining_ms)
                ),
            ),
            Some(w) => dom::set_text(
                &self.window,
                &format!(
                    "Messaging window closed {bound}{} ago: you can no longer reply here",
                    crate::core::sla::format::duration(-w.remaining_ms)
                ),
            ),
            None => dom::set_text(&self.window, ""),
        }
        dom::set_attr(
            &self.window,
            "data-open",
            &status.window.as_ref().is_some_and(|w| w.open).to_string(),
        )?;

        // Controls: pause or "no reply needed" while a clock runs; resume while what was set
        // holds the clock (once the customer writes again it is over: "Resume" then would
        // count from their messages before it). On a public post they are for the commenter
        // answered, and say so: another commenter's clock runs on.
        let SlaControls {
            set, running, who, ..
        } = controls;
        let (set, running) = (*set, *running);
        dom::flag(&self.controls, "hidden", !(set || running))?;
        let list = self.controls.query_selector_all("button")?;
        // The button just pressed hides: the focus goes to the one shown in its place (the
        // page's body would take it, and a keyboard user would start again from the top).
        let mut lost = false;
        let mut shown = None;
        for i in 0..list.length() {
            if let Some(b) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                let action = b.get_attribute("data-sla-action").unwrap_or_default();
                let visible = if action == "resume" {
                    set
                } else {
                    !set && running
                };
                dom::set_text(&b, &control_label(&action, who.as_deref()));
                lost |= !visible && !b.hidden() && b.matches(":focus").unwrap_or(false);
                dom::flag(&b, "hidden", !visible)?;
                if visible && shown.is_none() {
                    shown = Some(b);
                }
            }
        }
        if let (true, Some(b)) = (lost, shown) {
            b.focus()?;
        }
        Ok(())
    }

    /// Places the pin just above the composer's top-right corner (below it when there is no
    /// room above), or hides it: when the composer is not on screen, in a narrow window, and
    /// where it would cover the panel's card (`card()` measures it as drawn) or the page's
    /// text. Without a composer nothing is measured, and the card only beside a composer on
    /// screen: a measure after the panel changed makes the browser lay the page out at once.
    pub fn place_pin(
        &self,
        composer: Option<&Element>,
        card: impl FnOnce() -> web_sys::DomRect,
    ) -> Result<(), JsValue> {
        let (Some(window), Some(composer)) = (web_sys::window(), composer) else {
            self.forget_place();
            return dom::flag(&self.pin, "hidden", true);
        };
        let (vw, vh) = (
            window.inner_width()?.as_f64().unwrap_or(0.0),
            window.inner_height()?.as_f64().unwrap_or(0.0),
        );
        let r = composer.get_bounding_client_rect();
        let on_screen =
            r.width() > 0.0 && r.bottom() > 0.0 && r.top() < vh && r.right() > 0.0 && r.left() < vw;
        let labelled = self.pin.text_content().is_some_and(|t| !t.is_empty());
        // In a window narrower than PIN_MIN_WIDTH the messages run from edge to edge, and the
        // pin above the composer would sit on the latest of them: the panel's badge says it.
        let roomy = vw >= PIN_MIN_WIDTH;
        if !(on_screen && labelled && roomy) {
            self.forget_place();
            return dom::flag(&self.pin, "hidden", true);
        }
        let card = card();
        let top = if r.top() >= 30.0 {
            r.top() - 28.0
        } else {
            r.bottom() + 4.0
        };
        let (top, right) = (dom::px(top), dom::px((vw - r.right()).max(4.0)));
        let place = [
            format!("{top} {right}"),
            self.pin.text_content().unwrap_or_default(),
            format!(
                "{} {} {} {}",
                dom::px(card.left()),
                dom::px(card.top()),
                dom::px(card.right()),
                dom::px(card.bottom())
            ),
        ];
        if self.placed.borrow().as_ref() == Some(&place) {
            return Ok(());
        }
        let style = self
            .pin
            .dyn_ref::<web_sys::HtmlElement>()
            .map(|h| h.style());
        if let Some(style) = style {
            style.set_property("top", &top)?;
            style.set_property("right", &right)?;
        }
        dom::flag(&self.pin, "hidden", false)?;
        // Nor does it sit on the panel (moved to an edge to keep off the composer), or on
        // the page's words (our latest reply ends at the right edge just above a chat's
        // composer): the panel's own badge says the same.
        let pin = self.pin.get_bounding_client_rect();
        let covers_card = card.width() > 0.0
            && pin.left() < card.right()
            && pin.right() > card.left()
            && pin.top() < card.bottom()
            && pin.bottom() > card.top();
        let covers = covers_card || window.document().is_some_and(|d| covers_text(&d, &pin));
        dom::flag(&self.pin, "hidden", covers)?;
        *self.placed.borrow_mut() = Some(place);
        Ok(())
    }

    /// Has the pin placed afresh at its next placing (see `placed`).
    pub fn forget_place(&self) {
        self.placed.borrow_mut().take();
    }

    /// Hides everything (no conversation open) and clears the contract's SLA attributes.
    pub fn clear(&self, host: &Element) -> Result<(), JsValue> {
        self.forget_place();
        dom::flag(&self.pin, "hidden", true)?;
        dom::set_attr(host, "data-sla", "none")?;
        host.remove_attribute("data-sla-remaining-s")?;
        dom::flag(&self.badge, "hidden", true)?;
        dom::set_text(&self.detail, "");
        dom::set_text(&self.window, "");
        dom::flag(&self.controls, "hidden", true)
    }

    /// The controls' container (the owner listens for clicks on it).
    pub fn controls(&self) -> &Element {
        &self.controls
    }
}

/// Whether page text lies under `pin` (the pin lets the pointer through, so the page is what
/// the points hit). At a few points across its middle, the caret the page would put there is
/// found: over text it is where the point is, beside text it is at the line's end, outside.
fn covers_text(doc: &web_sys::Document, pin: &web_sys::DomRect) -> bool {
    const POINTS: u32 = 5;
    let y = pin.top() + pin.height() / 2.0;
    (0..POINTS).any(|i| {
        let x = pin.left() + (f64::from(i) + 0.5) * pin.width() / f64::from(POINTS);
        doc.caret_position_from_point(x as f32, y as f32)
            .filter(|p| {
                p.offset_node()
                    .is_some_and(|n| n.node_type() == web_sys::Node::TEXT_NODE)
            })
            .and_then(|p| p.get_client_rect())
            .is_some_and(|c| {
                c.left() >= pin.left() - 1.0
                    && c.left() <= pin.right() + 1.0
                    && c.bottom() > pin.top()
                    && c.top() < pin.bottom()
            })
    })
}

/// What the clock's buttons act on ([`Badge::show`]).
#[derive(Debug, Default)]
pub struct SlaControls {
    /// What the agent set holds the clock: "Resume" is offered.
    pub set: bool,
    /// A clock runs: "Waiting on …" and "No reply needed" are offered.
    pub running: bool,
    /// On a public post, the commenter they are for, as the panel names them.
    pub who: Option<String>,
    /// On a public post, the commenter the panel's replies answer (whose reply box is open,
    /// else the latest), when it is not the one whose wait runs the clock.
    pub answering: Option<String>,
}

/// A clock button's words, naming the commenter on a public post.
fn control_label(action: &str, who: Option<&str>) -> String {
    // Isolated: a name written right to left keeps the words around it in order.
    match (action, who) {
        ("pause", Some(who)) => format!("Waiting on \u{2068}{who}\u{2069}"),
        ("pause", None) => "Waiting on customer".into(),
        ("no-reply", Some(who)) => format!("No reply needed for \u{2068}{who}\u{2069}"),
        ("no-reply", None) => "No reply needed".into(),
        (_, Some(who)) => format!("Resume the clock for \u{2068}{who}\u{2069}"),
        (_, None) => "Resume the clock".into(),
    }
}
