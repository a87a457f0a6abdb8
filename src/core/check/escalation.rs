//! `escalation`: the customer's messages hold an escalation trigger (legal, regulator, safety,
//! self-harm, press, discrimination). A reminder whatever the draft says.

use super::text::{quote, Text};
use super::{Finding, Input};
use crate::core::analysis::cues::CRISIS;
use crate::core::analysis::text::{score_rules, Folded};
use crate::core::conversation::{Conversation, Party};

/// The triggers (in the page, read from the rule file's `escalation` list), by kind in the
/// order of [`KINDS`].
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const TRIGGERS: crate::core::words::Words = words![
    "lawyer",
    "lawyers",
    "attorney",
    "sue",
    "suing",
    "lawsuit",
    "court",
    "small claims",
    "solicitor",
    "solicitors",
    "legal action",
    "take legal",
    "class action",
    "abogado",
    "demandar",
    "demanda judicial",
    "tribunal",
    "fca",
    "ftc",
    "fcc",
    "cfpb",
    "ofcom",
    "ombudsman",
    "trading standards",
    "bbb",
    "better business bureau",
    "attorney general",
    "consumer protection",
    "injured",
    "injury",
    "caught fire",
    "on fire",
    "fire hazard",
    "smoke",
    "smoking",
    "unsafe",
    "danger",
    "dangerous",
    "food poisoning",
    "exploded",
    "burned me",
    "electric shock",
    "intoxicación",
    "incendio",
    "peligro",
    "peligroso",
    "herido",
    "overdose",
    "journalist",
    "reporter",
    "the press",
    "the media",
    "news story",
    "periodista",
    "discrimination",
    "discriminated",
    "discriminating",
    "racist",
    "racism",
    "sexist",
    "homophobic",
    "discriminación",
    "racista",
];

/// What kind of escalation each run of [`TRIGGERS`] is, and how many triggers it holds.
const KINDS: [(&str, usize); 5] = [
    ("legal", 17),
    ("regulator", 11),
    ("safety", 20),
    ("press", 6),
    ("discrimination", 9),
];

/// The kind of the trigger at `index` of [`TRIGGERS`].
fn kind(index: usize) -> &'static str {
    let mut end = 0;
    for (kind, n) in KINDS {
        end += n;
        if index < end {
            return kind;
        }
    }
    "escalation"
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    input.prepared.escalation.clone()
}

/// The latest trigger the customer wrote (what [`check`] reports), read once per conversation.
pub fn scan(c: &Conversation) -> Option<Finding> {
    let phrases = phrases!("escalation", TRIGGERS);
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
            let kind = kind(found.phrase);
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

#[cfg(test)]
mod tests {
    use super::super::testutil::Case;
    use super::super::CheckId;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn each_trigger_has_its_kind() {
        use super::{kind, KINDS, TRIGGERS};
        let listed: Vec<&str> = TRIGGERS.iter().collect();
        assert_eq!(KINDS.iter().map(|(_, n)| n).sum::<usize>(), listed.len());
        let of = |t: &str| kind(listed.iter().position(|x| *x == t).unwrap());
        assert_eq!(of("lawyer"), "legal");
        assert_eq!(of("tribunal"), "legal");
        assert_eq!(of("fca"), "regulator");
        assert_eq!(of("racista"), "discrimination");
        assert_eq!(of("periodista"), "press");
        let c = Case::on(Site::X, Surface::Post, &["Reporting this to the ombudsman"]);
        let said = c.fires(CheckId::Escalation, "Sorry").unwrap();
        assert!(said.contains("(regulator)"), "{said}");
    }

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
