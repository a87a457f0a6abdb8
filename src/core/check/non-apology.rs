//! `non-apology`: apologies that doubt the customer or deflect ("sorry you feel…", "sorry
//! if…", "for any inconvenience", "as per our policy", "sorry, but…").

use super::text::{quote, Match, Text};
use super::{Finding, Input};

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let found = found(&input.draft);
    let first = found.first()?;
    let spans: Vec<(usize, usize)> = found
        .iter()
        .map(|m| input.draft.span(m.first, m.last))
        .collect();
    let words = input.draft.slice(input.draft.span(first.first, first.last));
    Some(Finding::new(
        format!(
            "{} sounds like a non-apology: own the problem instead",
            quote(words)
        ),
        spans,
    ))
}

/// The words of `t` that hedge an apology ("sorry if you feel you were charged twice", "for
/// any inconvenience this may have caused"): each such phrase to the end of its clause (a
/// comma, colon or semicolon, or the sentence's end). They say nothing of the customer's
/// matter, so the next-step check does not take them for an answer. Not the deflections
/// ("sorry, but…", "as per our policy, refunds take 10 days"): what follows them may answer.
pub(super) fn hedged(t: &Text) -> Vec<bool> {
    let mut out = vec![false; t.words.len()];
    for m in found(t) {
        let last = t.words[m.last].lower.as_str();
        if matches!(last, "but" | "however" | "pero" | "policy" | "política") {
            continue;
        }
        let sentence = t.words[m.first].sentence;
        let mut i = m.first;
        while i < t.words.len() && t.words[i].sentence == sentence {
            if i > m.last && t.src[t.words[i - 1].end..t.words[i].start].contains([',', ';', ':']) {
                break;
            }
            out[i] = true;
            i += 1;
        }
    }
    out
}

/// The non-apologies of `t`, in text order.
fn found(t: &Text) -> Vec<Match> {
    let list = phrases!("non-apology", PHRASES);
    // "Sorry, if you DM us…" apologises, then offers a next step: after a comma, "if you" and
    // a way to reach us is not the hedge "sorry, if this caused…".
    let mut found = t.find(list);
    let word = |i: usize| t.words.get(i).map_or("", |w| w.lower.as_str());
    found.retain(|m| {
        let last = &t.words[m.last];
        !(m.last > m.first
            && matches!(last.lower.as_str(), "if" | "si")
            && t.src[t.words[m.last - 1].end..last.start].contains(',')
            && (word(m.last + 1) == "you"
                && matches!(
                    word(m.last + 2),
                    "dm" | "message"
                        | "send"
                        | "drop"
                        | "reach"
                        | "contact"
                        | "email"
                        | "call"
                        | "reply"
                        | "pm"
                )
                || matches!(
                    word(m.last + 1),
                    "nos" | "me" | "escribes" | "envías" | "envias" | "mandas"
                )))
    });
    found
}

/// The phrases of `phrases!("non-apology", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "sorry you feel",
    "sorry that you feel",
    "sorry you felt",
    "sorry you think",
    "sorry that you think",
    "sorry you believe",
    "sorry if",
    "apolog* if",
    "sorry for any inconvenience",
    "sorry for any inconveniences",
    "apolog* for any inconvenience",
    "apolog* for any inconveniences",
    "regret any inconvenience",
    "any inconvenience this may have caused",
    "any inconvenience that this may have caused",
    "any inconvenience caused",
    "sorry for any trouble",
    "apolog* for any trouble",
    "as per our policy",
    "per our policy",
    "as per policy",
    "sorry but",
    "sorry however",
    "siento que te sientas",
    "sentimos que te sientas",
    "lamentamos que te sientas",
    "lo siento si",
    "sentimos si",
    "perdón si",
    "disculpa las molestias que",
    "disculpe las molestias que",
    "sentimos las molestias que",
    "lamentamos las molestias que",
    "cualquier molestia",
    "según nuestra política",
    "lo siento pero",
    "lo sentimos pero",
    "lamentamos si",
    "lamento si",
    "disculpa si",
    "cualquier inconveniente",
    "los inconvenientes que",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;

    #[test]
    fn hedged_and_deflecting_apologies_fire() {
        let rows = [
            ("I'm sorry you feel that way.", true),
            ("We're sorry if this caused trouble", true),
            ("Sorry for any inconvenience this may have caused!", true),
            ("We apologise for any inconvenience.", true),
            ("We apologize for any inconvenience", true),
            ("As per our policy, refunds take 10 days", true),
            ("Sorry, but we can't do that.", true),
            ("Lo siento si te molestó", true),
            ("Disculpa las molestias que te hayamos causado", true),
            ("Lo sentimos, pero no es posible", true),
            ("I’m sorry you feel let down", true),
            // Real apologies.
            ("", false),
            ("I'm sorry your order is late, I'll chase it now.", false),
            ("Sorry for the inconvenience, Maria, we'll fix it", false),
            ("We're so sorry. But good news: it's fixed", false),
            ("Lo siento mucho, María", false),
            ("Our policy gives you 30 days, so you're covered", false),
            (
                "Sorry, if you DM us your order number we'll check it now",
                false,
            ),
            ("Lo siento, si nos escribes por DM lo revisamos", false),
            ("We're sorry, if this caused any trouble", true),
            ("Lo siento, si te molestó", true),
            // Spanish hedges and formulas.
            ("Lamentamos si te sentiste así", true),
            ("Disculpa si no quedó claro", true),
            ("Disculpa cualquier inconveniente", true),
            (
                "Lamentamos los inconvenientes que esto te haya causado",
                true,
            ),
        ];
        table(&Case::new(), CheckId::NonApology, &rows);
        let c = Case::new();
        assert_eq!(
            c.spans(CheckId::NonApology, "Sorry if so. Sorry, but no."),
            ["Sorry if", "Sorry, but"]
        );
    }
}
