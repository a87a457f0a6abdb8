//! `sla-wait`: the SLA target was breached by the time the reply is sent, and the draft does
//! not acknowledge the wait.

use super::{Finding, Input};
use crate::core::sla::format::duration;
use crate::core::sla::State;

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let sla = input.ctx.sla?;
    if sla.state != State::Breached {
        return None;
    }
    if acknowledged(&input.draft) {
        return None;
    }
    let waited = sla.elapsed_calendar_ms.map(duration);
    let target = sla.target_ms.map(duration);
    let detail = match (waited, target) {
        (Some(w), Some(t)) => format!(
            "the customer has waited {w} (target {t}) and the draft does not mention the wait"
        ),
        _ => "the reply target has passed and the draft does not mention the wait".into(),
    };
    Some(Finding::new(detail, Vec::new()))
}

/// Whether `text` acknowledges the wait ("sorry for the wait", "thanks for your patience").
pub fn acknowledged(text: &super::Text) -> bool {
    let list = phrases!("sla-wait", PHRASES);
    text.first(list).is_some()
}

/// The phrases of `phrases!("sla-wait", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "sorry for the wait",
    "sorry for the delay",
    "sorry about the wait",
    "sorry about the delay",
    "sorry for the late",
    "sorry for our late",
    "sorry for the slow",
    "sorry for our slow",
    "apolog* for the wait",
    "apolog* for the delay",
    "apolog* for the late",
    "apolog* for our delay",
    "apolog* for the slow",
    "sorry it took",
    "sorry this took",
    "sorry to keep you",
    "sorry for keeping you",
    "thanks for your patience",
    "thank you for your patience",
    "thanks for being patient",
    "thank you for being patient",
    "thanks for waiting",
    "thank you for waiting",
    "appreciate your patience",
    "appreciate you waiting",
    "delayed response",
    "delayed reply",
    "late reply",
    "late response",
    "slow reply",
    "slow response",
    "delay in responding",
    "delay in our response",
    "delay in getting back",
    "kept you waiting",
    "patience",
    "perdón por la demora",
    "disculpa la demora",
    "disculpe la demora",
    "sentimos la demora",
    "lamentamos la demora",
    "perdona la demora",
    "gracias por tu paciencia",
    "gracias por su paciencia",
    "gracias por esperar",
    "paciencia",
    "demora en responder",
    "sorry for the hold",
    // "I'm so sorry your bag arrived torn, and for the wait."
    "for the wait",
    "for the long wait",
    "for the delay",
    "about the wait",
    "keeping you waiting",
    "making you wait",
    "we were slow",
    "slow to reply",
    "slow to respond",
    "slow to get back",
    "took us a while",
    "took a while",
    "y por la demora",
    "took so long",
    "taken so long",
    "taking so long",
    "taking this long",
    "bearing with",
    "tardando tanto",
    "el retraso",
    "la espera",
    "la tardanza",
    "tardado",
    "had to wait",
    "having to wait",
    "had to ask",
    "having to ask",
    "had to chase",
    "having to chase",
    "chase us",
    "chasing us",
    "asked three times",
    "ask three times",
    "asked twice",
    "waited so long",
    "waiting so long",
    "tuviste que esperar",
    "has tenido que esperar",
    "hayas tenido que esperar",
    "tuviste que preguntar",
    "has tenido que preguntar",
    "hayas tenido que preguntar",
    "has tenido que reclamar",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;
    use crate::core::sla::{SlaStatus, State};

    fn late(state: State) -> Case {
        let mut c = Case::new();
        let mut s = SlaStatus::no_conversation();
        s.state = state;
        s.elapsed_calendar_ms = Some(3 * 3_600_000);
        s.target_ms = Some(3_600_000);
        c.sla = Some(s);
        c
    }

    #[test]
    fn breached_without_acknowledgement_fires() {
        let rows = [
            ("Hi Maria, your order ships today.", true),
            (
                "Maria, you should never have had to chase us three times.",
                false,
            ),
            ("Sorry you had to ask again, Maria: it ships today.", false),
            ("Siento que hayas tenido que esperar, María.", false),
            ("", true),
            ("Sorry for the wait! Your order ships today.", false),
            ("Thanks so much for your patience, Maria.", false),
            ("We apologise for the delay in getting back to you.", false),
            ("Sorry for the late reply, it ships today", false),
            ("Perdón por la demora, María.", false),
            ("Gracias por tu paciencia 🙏", false),
            (
                "I'm so sorry your bag arrived torn, and for the wait.",
                false,
            ),
            ("Sorry for keeping you waiting so long, Maria.", false),
            ("Thank you, and sorry we were slow to say so!", false),
            ("Sorry it took us a while to get back to you.", false),
            ("We waited for the courier's answer: it ships today.", true),
            ("Sorry we took so long to reply, Maria.", false),
            (
                "Hola María, disculpa el retraso en responder. Tu pedido llegará mañana.",
                false,
            ),
            ("Perdona la espera, María.", false),
            ("Sentimos la tardanza.", false),
            ("Perdona que haya tardado tanto.", false),
            ("Hola María, tu pedido llegará mañana.", true),
        ];
        table(&late(State::Breached), CheckId::SlaWait, &rows);
        let d = late(State::Breached).fires(CheckId::SlaWait, "Hi").unwrap();
        assert!(d.contains("waited 3 h"), "{d}");
        for state in [State::Ok, State::DueSoon, State::Answered, State::None] {
            table(&late(state), CheckId::SlaWait, &[("Hi Maria", false)]);
        }
        table(&Case::new(), CheckId::SlaWait, &[("Hi Maria", false)]);
    }
}
