//! `escalation`: the customer's messages hold an escalation trigger (legal, regulator, safety,
//! self-harm, press, discrimination). A reminder whatever the draft says.

use super::text::{quote, Text};
use super::{Finding, Input};
use crate::core::analysis::cues::CRISIS;
use crate::core::analysis::text::{score_rules, Folded};
use crate::core::conversation::{Conversation, Party};

/// (trigger, what kind of escalation it is).
const TRIGGERS: &[(&str, &str)] = &[
    ("lawyer", "legal"),
    ("lawyers", "legal"),
    ("attorney", "legal"),
    ("sue", "legal"),
    ("suing", "legal"),
    ("lawsuit", "legal"),
    ("court", "legal"),
    ("small claims", "legal"),
    ("solicitor", "legal"),
    ("solicitors", "legal"),
    ("legal action", "legal"),
    ("take legal", "legal"),
    ("class action", "legal"),
    ("abogado", "legal"),
    ("demandar", "legal"),
    ("demanda judicial", "legal"),
    ("tribunal", "legal"),
    ("fca", "regulator"),
    ("ftc", "regulator"),
    ("fcc", "regulator"),
    ("cfpb", "regulator"),
    ("ofcom", "regulator"),
    ("ombudsman", "regulator"),
    ("trading standards", "regulator"),
    ("bbb", "regulator"),
    ("better business bureau", "regulator"),
    ("attorney general", "regulator"),
    ("consumer protection", "regulator"),
    ("injured", "safety"),
    ("injury", "safety"),
    ("caught fire", "safety"),
    ("on fire", "safety"),
    ("fire hazard", "safety"),
    ("smoke", "safety"),
    ("smoking", "safety"),
    ("unsafe", "safety"),
    ("danger", "safety"),
    ("dangerous", "safety"),
    ("food poisoning", "safety"),
    ("exploded", "safety"),
    ("burned me", "safety"),
    ("electric shock", "safety"),
    ("intoxicación", "safety"),
    ("incendio", "safety"),
    ("peligro", "safety"),
    ("peligroso", "safety"),
    ("herido", "safety"),
    ("overdose", "safety"),
    ("journalist", "press"),
    ("reporter", "press"),
    ("the press", "press"),
    ("the media", "press"),
    ("news story", "press"),
    ("periodista", "press"),
    ("discrimination", "discrimination"),
    ("discriminated", "discrimination"),
    ("discriminating", "discrimination"),
    ("racist", "discrimination"),
    ("racism", "discrimination"),
    ("sexist", "discrimination"),
    ("homophobic", "discrimination"),
    ("discriminación", "discrimination"),
    ("racista", "discrimination"),
];

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    input.prepared.escalation.clone()
}

/// The latest trigger the customer wrote (what [`check`] reports), read once per conversation.
pub fn scan(c: &Conversation) -> Option<Finding> {
    let phrases = phrases_list();
    for m in c
        .messages
        .iter()
        .rev()
        .filter(|m| m.party == Party::Customer)
        .take(super::READ_CUSTOMER_MESSAGES)
    {
        // Distress first, in the analysis's own words for it (one list for both).
        let folded = Folded::new(&m.text);
        let mut distress = Vec::new();
        score_rules(&folded, &CRISIS, &mut distress);
        if let Some(words) = distress.first() {
            return Some(Finding::new(
                format!(
                    "the customer wrote {} (self-harm): follow your escalation path before a routine reply",
                    quote(words)
                ),
                Vec::new(),
            ));
        }
        let t = Text::new(&m.text);
        for found in t.find(phrases) {
            // "Fire TV", "Kindle Fire" and "smoke test" are products and jargon, not hazards.
            let next = t.words.get(found.last + 1).map(|w| w.lower.as_str());
            let word = t.words[found.last].lower.as_str();
            if (word == "fire" && matches!(next, Some("tv" | "stick" | "tablet" | "hd")))
                || (word == "smoke" && matches!(next, Some("test" | "detector" | "alarm")))
            {
                continue;
            }
            // "Sue" written with a capital inside a sentence is a name.
            let w = &t.words[found.first];
            let sentence_start =
                found.first == 0 || t.words[found.first - 1].sentence != w.sentence;
            if w.lower == "sue" && !sentence_start && t.src[w.start..].starts_with('S') {
                continue;
            }
            let (_, kind) = TRIGGERS[found.phrase];
            let words = t.slice(t.span(found.first, found.last));
            return Some(Finding::new(
                format!(
                    "the customer wrote {} ({kind}): follow your escalation path before a routine reply",
                    quote(words)
                ),
                Vec::new(),
            ));
        }
    }
    None
}

fn phrases_list() -> &'static super::text::Phrases {
    static CELL: std::sync::OnceLock<super::text::Phrases> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let list: Vec<&str> = TRIGGERS.iter().map(|(p, _)| *p).collect();
        super::text::Phrases::new(&list)
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Case;
    use super::super::CheckId;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn triggers_in_customer_messages_fire() {
        let rows = [
            ("I'm going to sue you", true),
            ("Speaking to my lawyer tomorrow", true),
            ("Reporting this to the FCC and the BBB", true),
            ("My charger caught fire!!", true),
            ("smoke coming out of the phone", true),
            ("I got food poisoning from your burger", true),
            ("I'm a journalist writing about this", true),
            ("the staff were openly racist", true),
            ("Voy a hablar con mi abogado", true),
            ("Hay peligro de incendio", true),
            ("Honestly I feel like ending it all", true),
            ("I don't want to live anymore", true),
            ("I can't go on like this", true),
            ("ya no quiero vivir", true),
            ("I'm going to kill myself", true),
            // Ordinary words that a looser list took for distress.
            ("I can't go on the website, it keeps crashing", false),
            ("Did you take my life savings?", false),
            ("I don't want to live chat with a bot", false),
            ("Ya no puedo más con este servicio", false),
            // Not triggers.
            ("", false),
            ("My Fire TV stick keeps restarting", false),
            ("Kindle Fire won't charge", false),
            ("where is my order??", false),
            ("I love your social media team", false),
            ("Thanks, Sue from the store was great", false),
            ("I will sue", true),
        ];
        for (msg, want) in rows {
            let c = Case::on(Site::X, Surface::Post, &[msg]);
            assert_eq!(
                c.fires(CheckId::Escalation, "Hi Maria").is_some(),
                want,
                "{msg:?}"
            );
        }
        // Our own words do not count, only the customer's.
        let c = Case::on(
            Site::X,
            Surface::Post,
            &["help", "BRAND: no need for a lawyer"],
        );
        assert!(c.fires(CheckId::Escalation, "").is_none());
        let c = Case::on(Site::X, Surface::Post, &["I will contact my lawyer"]);
        let d = c.fires(CheckId::Escalation, "").unwrap();
        assert!(d.contains("“lawyer” (legal)"), "{d}");
    }

    #[test]
    fn a_long_thread_is_read_back_to_its_latest_customer_messages() {
        use super::super::READ_CUSTOMER_MESSAGES as N;
        let thread = |back: usize| {
            let mut texts = vec!["where is my order"; N + 50];
            let at = texts.len() - back;
            texts[at] = "I will contact my lawyer";
            Case::on(Site::X, Surface::Post, &texts)
        };
        assert!(thread(N).fires(CheckId::Escalation, "Hi").is_some());
        assert!(thread(N + 1).fires(CheckId::Escalation, "Hi").is_none());
    }
}
