//! `tone`: blaming, defensive or jargon wording ("you should have", "as I already said",
//! "calm down", "there's nothing we can do", "escalated to L2", "case ID"), plus the team's own
//! jargon list.

use super::text::{quote, Phrases};
use super::{Finding, Input};
use crate::core::words::Words;
use std::sync::OnceLock;

pub(super) const BLAME: Words = listed_words!["tone/blame";
    "as per legislation",
    "as per the law",
    "due to our policy",
    "due to our policies",
    "due to our privacy policy",
    "our policy terms",
    "not something we do",
    "we don't do that",
    "did you read our",
    "did you view our",
    "did you see our",
    "did you check our",
    "have you read our",
    "sorry you feel",
    "sorry that you feel",
    "you need to read",
    "you failed to",
    "as i already said",
    "as i said",
    "as i've said",
    "as i have said",
    "as i already mentioned",
    "as already mentioned",
    "as previously stated",
    "as previously mentioned",
    "as stated",
    "as we said",
    "as we already said",
    "as we've said",
    "like i said",
    "calm down",
    "that's our policy",
    "thats our policy",
    "that is our policy",
    "it's our policy",
    "it is our policy",
    "nothing we can do",
    "nothing i can do",
    "not our problem",
    "not our fault",
    "not our responsibility",
    "be more careful",
    "more careful next time",
    "your bank's fault",
    "the bank's fault",
    "the courier's fault",
    "their fault, not ours",
    "nothing i can change",
    "nothing we can change",
    "no es culpa nuestra",
    "ten más cuidado",
    "per our t&c",
    "per our t&cs",
    "per our terms",
    "per the terms",
    "read the terms",
    "debiste",
    "deberías haber",
    "como ya te dije",
    "como ya dijimos",
    "cálmate",
    "tranquilízate",
    "no podemos hacer nada",
    "es nuestra política",
    "no es nuestro problema",
];

/// "You should have …" blames with these verbs ("you should have read"); with others it
/// informs ("you should have received an email").
pub(super) const SHOULD_HAVE: Words = listed_words!["tone/should-have";
    "read",
    "checked",
    "contacted",
    "called",
    "told",
    "asked",
    "kept",
    "backed",
    "followed",
    "updated",
    "reported",
    "ordered",
    "gone",
    "come",
    "waited",
    "cancelled",
    "canceled",
    "returned",
    "used",
    "known",
    "looked",
    "paid",
    "done",
    "logged",
    "saved",
    "noticed",
    "realised",
    "realized",
    "thought",
    "bought",
    "chosen",
    "selected",
    "clicked",
    "pressed",
    "entered",
    "typed",
    "missed",
    "forgotten",
    "deleted",
    "tried",
    "spoken",
];

pub(super) const JARGON: Words = listed_words!["tone/jargon";
    "escalated to l1",
    "escalated to l2",
    "escalated to l3",
    "escalated to tier",
    "l2 team",
    "l3 team",
    "tier 2",
    "tier 3",
    "sr number",
    "sr#",
    "case id",
    "ticket id",
    "incident id",
    "the backend",
    "back end team",
    "p1",
    "p2",
    "rma",
    "sla",
];

/// The blame phrases (with every "you should have" + verb) and the jargon.
fn lists() -> (Phrases, Phrases) {
    let mut list: Vec<String> = BLAME.iter().map(|s| s.to_string()).collect();
    for start in [
        "you should have",
        "you should've",
        "you shouldve",
        "you should not have",
        "you shouldn't have",
        // "You must have clicked subscribe twice": blame as a guess ("you must have been
        // worried" takes no verb of the list).
        "you must have",
        "you must've",
    ] {
        list.extend(SHOULD_HAVE.iter().map(|v| format!("{start} {v}")));
    }
    (Phrases::new(&list), Phrases::of(JARGON.iter()))
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    static LISTS: OnceLock<(Phrases, Phrases)> = OnceLock::new();
    // In the page the lists are the rule file's: before it is installed, none (not kept, so
    // that they are read once it is); the team's own jargon is still found.
    let unlisted = || BLAME.is_empty() || JARGON.is_empty();
    let (blame, jargon) = match LISTS.get() {
        None if unlisted() => (Phrases::none(), Phrases::none()),
        _ => {
            let l = LISTS.get_or_init(lists);
            (&l.0, &l.1)
        }
    };
    let team = Phrases::from_words(input.settings.jargon.clone());
    let t = &input.draft;
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for m in t.find(blame) {
        found.push((m.first, m.last, "blames or talks down"));
    }
    // The agent's initials in a sign-off ("^SR", as the templates sign) are no jargon, even
    // where they spell some ("SR", a service request).
    let signed = |first: usize| t.src[..t.words[first].start].ends_with('^');
    for m in t.find(jargon).into_iter().chain(t.find(&team)) {
        if !signed(m.first) {
            found.push((m.first, m.last, "is internal jargon"));
        }
    }
    crate::core::sort::sort(&mut found);
    let &(a, b, why) = found.first()?;
    Some(Finding::new(
        format!("{} {why}", quote(t.slice(t.span(a, b)))),
        found.iter().map(|&(a, b, _)| t.span(a, b)).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::{CheckId, Settings};

    #[test]
    fn blame_and_jargon_fire() {
        let rows = [
            ("You should have read the instructions.", true),
            ("As I already said, it ships Monday", true),
            ("Please calm down", true),
            ("Unfortunately that's our policy", true),
            ("There's nothing we can do", true),
            ("Your ticket was escalated to L2.", true),
            ("Your SR number is 12345", true),
            ("Your SR# is 12345", true),
            // The agent's initials signing the reply, as the templates sign.
            ("Thanks for waiting, Maria: it ships today ^SR", false),
            ("Gracias por esperar ^SR", false),
            ("Here's your case ID: 991", true),
            ("Como ya te dije, llega el lunes", true),
            ("No podemos hacer nada", true),
            ("Hi, that's not something we do.", true),
            ("Due to our privacy policy we can't discuss it here", true),
            ("It costs 5p as per legislation", true),
            ("Did you view our link?", true),
            // A hands-on review's drafts that blamed and passed.
            (
                "You must have clicked subscribe twice. Check your bank statement.",
                true,
            ),
            (
                "This happens when you click twice. Please be more careful next time.",
                true,
            ),
            ("Hi Sam, that's your bank's fault, not ours.", true),
            ("You must have been so worried, Sam.", false),
            ("You must have received our email by now.", false),
            // Fine.
            ("", false),
            (
                "You should have it by Friday, I'll keep an eye on it",
                false,
            ),
            ("You should have received an email from us", false),
            ("You shouldn’t have received that notification", false),
            ("You shouldn't have waited so long", true),
            ("If you'd like, we can look at it together", false),
            (
                "We've passed this to our delivery team, who will email you",
                false,
            ),
        ];
        table(&Case::new(), CheckId::Tone, &rows);
    }

    #[test]
    fn team_jargon_from_settings() {
        let mut c = Case::new();
        let s = Settings {
            jargon: vec!["WISMO".into(), "the ops queue".into()],
            ..Settings::default()
        };
        c.settings = s.validate().unwrap();
        table(
            &c,
            CheckId::Tone,
            &[
                ("It's a WISMO case", true),
                ("It's in the ops queue", true),
                ("It's in the queue", false),
                ("All sorted, Maria ^WISMO", false),
            ],
        );
    }
}
