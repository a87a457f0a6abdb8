//! The SLA badge in the panel's header — remaining or overdue time, ticking every second, in
//! colour *and* words, with an accessible name and a tooltip saying what is measured against
//! which target — and the agent's controls for this conversation: "waiting on customer" and
//! "no reply needed", which stop the clock until the customer writes again, and "resume".

use crate::core::sla::format::{clock, spoken};
use crate::core::sla::{AgentState, SlaStatus, State};
use crate::web::dom;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// The words and time the badge shows for `status`: (label, time text, accessible name).
pub fn describe(status: &SlaStatus) -> (&'static str, String, String) {
    let remaining = status.remaining_ms.unwrap_or(0);
    let what = status
        .clock
        .map(|c| c.label().to_lowercase())
        .unwrap_or_else(|| "reply".to_owned());
    match status.state {
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
        State::None => ("", String::new(), "SLA: nothing to answer".to_owned()),
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
        })
    }

    /// Shows `status` (called every second while a conversation is open) and writes the page
    /// contract's `data-sla` and `data-sla-remaining-s` on `host`.
    pub fn show(
        &self,
        host: &Element,
        status: &SlaStatus,
        agent: &AgentState,
    ) -> Result<(), JsValue> {
        let state = status.state.as_str();
        host.set_attribute("data-sla", state)?;
        match status.remaining_ms {
            Some(ms) if matches!(status.state, State::Ok | State::DueSoon | State::Breached) => {
                host.set_attribute("data-sla-remaining-s", &(ms.div_euclid(1000)).to_string())?
            }
            _ => host.remove_attribute("data-sla-remaining-s")?,
        }
        let (label, time, name) = describe(status);
        self.badge.set_attribute("data-sla", state)?;
        self.badge.set_attribute("aria-label", &name)?;
        self.badge.set_attribute("title", &status.explanation)?;
        if label.is_empty() {
            self.badge.set_attribute("hidden", "")?;
        } else {
            self.badge.remove_attribute("hidden")?;
        }
        self.label.set_text_content(Some(label));
        self.time.set_text_content(Some(&time));
        self.pin.set_attribute("data-sla", state)?;
        self.pin
            .set_text_content(Some(format!("{label} {time}").trim()));
        if label.is_empty() {
            self.pin.set_attribute("hidden", "")?;
        }

        let elapsed = status.elapsed_calendar_ms.map(|ms| {
            let mut s = format!("Waiting {}", crate::core::sla::format::duration(ms));
            if let Some(b) = status.elapsed_business_ms {
                s.push_str(&format!(
                    " ({} in business hours)",
                    crate::core::sla::format::duration(b)
                ));
            }
            s
        });
        match (status.state, elapsed) {
            (State::Ok | State::DueSoon | State::Breached, Some(e)) => self
                .detail
                .set_text_content(Some(&format!("{e}. {}", status.explanation))),
            _ => self.detail.set_text_content(Some(&status.explanation)),
        }
        match &status.window {
            Some(w) if w.open => self.window.set_text_content(Some(&format!(
                "Messaging window: {} left to reply here",
                crate::core::sla::format::duration(w.remaining_ms)
            ))),
            Some(w) => self.window.set_text_content(Some(&format!(
                "Messaging window closed {} ago: you can no longer reply here",
                crate::core::sla::format::duration(-w.remaining_ms)
            ))),
            None => self.window.set_text_content(None),
        }
        self.window.set_attribute(
            "data-open",
            &status.window.as_ref().is_some_and(|w| w.open).to_string(),
        )?;

        // Controls: pause or "no reply needed" while a clock runs; resume when set.
        let set = !matches!(agent, AgentState::Active);
        let running = matches!(status.state, State::Ok | State::DueSoon | State::Breached);
        if set || running {
            self.controls.remove_attribute("hidden")?;
        } else {
            self.controls.set_attribute("hidden", "")?;
        }
        let list = self.controls.query_selector_all("button")?;
        for i in 0..list.length() {
            if let Some(b) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let action = b.get_attribute("data-sla-action").unwrap_or_default();
                let visible = if action == "resume" { set } else { !set };
                if visible {
                    b.remove_attribute("hidden")?;
                } else {
                    b.set_attribute("hidden", "")?;
                }
            }
        }
        Ok(())
    }

    /// Places the pin just above the composer's top-right corner (below it when there is no
    /// room above), or hides it: when the composer is not on screen, in a narrow window, and
    /// where it would cover the panel's card (`card`, as drawn) or the page's text.
    pub fn place_pin(
        &self,
        composer: Option<&Element>,
        card: &web_sys::DomRect,
    ) -> Result<(), JsValue> {
        let Some(window) = web_sys::window() else {
            return Ok(());
        };
        let (vw, vh) = (
            window.inner_width()?.as_f64().unwrap_or(0.0),
            window.inner_height()?.as_f64().unwrap_or(0.0),
        );
        let rect = composer.map(|c| c.get_bounding_client_rect());
        let on_screen = rect.as_ref().is_some_and(|r| {
            r.width() > 0.0 && r.bottom() > 0.0 && r.top() < vh && r.right() > 0.0 && r.left() < vw
        });
        let labelled = self.pin.text_content().is_some_and(|t| !t.is_empty());
        // In a window narrower than PIN_MIN_WIDTH the messages run from edge to edge, and the
        // pin above the composer would sit on the latest of them: the panel's badge says it.
        let roomy = vw >= PIN_MIN_WIDTH;
        let (Some(r), true, true, true) = (rect, on_screen, labelled, roomy) else {
            return self.pin.set_attribute("hidden", "");
        };
        let top = if r.top() >= 30.0 {
            r.top() - 28.0
        } else {
            r.bottom() + 4.0
        };
        let style = self
            .pin
            .dyn_ref::<web_sys::HtmlElement>()
            .map(|h| h.style());
        if let Some(style) = style {
            style.set_property("top", &crate::web::dom::px(top))?;
            style.set_property("right", &crate::web::dom::px((vw - r.right()).max(4.0)))?;
        }
        self.pin.remove_attribute("hidden")?;
        // Nor does it sit on the panel (moved to an edge to keep off the composer), or on
        // the page's words (our latest reply ends at the right edge just above a chat's
        // composer): the panel's own badge says the same.
        let pin = self.pin.get_bounding_client_rect();
        let covers_card = card.width() > 0.0
            && pin.left() < card.right()
            && pin.right() > card.left()
            && pin.top() < card.bottom()
            && pin.bottom() > card.top();
        if covers_card || window.document().is_some_and(|d| covers_text(&d, &pin)) {
            self.pin.set_attribute("hidden", "")?;
        }
        Ok(())
    }

    /// Hides everything (no conversation open) and clears the contract's SLA attributes.
    pub fn clear(&self, host: &Element) -> Result<(), JsValue> {
        self.pin.set_attribute("hidden", "")?;
        host.set_attribute("data-sla", "none")?;
        host.remove_attribute("data-sla-remaining-s")?;
        self.badge.set_attribute("hidden", "")?;
        self.detail.set_text_content(None);
        self.window.set_text_content(None);
        self.controls.set_attribute("hidden", "")
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
