//! `next-step`: the customer asked a question or reported a problem and the draft neither
//! answers with substance nor says what happens next. Pure sympathy ("Sorry to hear that!")
//! fires.
//!
//! A next step is a commitment or an instruction ("I'll…", "we will…", "please…", "DM us",
//! "try…"), a question back, or a link. Substance is anything left once greetings, thanks,
//! sympathy, names, handles and small words are set aside: three such words or more count as
//! an answer.

use super::text::{quote, Text};
use super::{Finding, Input};
use crate::core::analysis::Emotion;
use crate::core::conversation::Party;
use crate::core::scenario::Scenario;
use crate::core::words::Words;

/// Greeting, thanks, sympathy and function words: what pure sympathy is made of.
pub(super) const SOCIAL: Words = listed_words!["next-step/social";
    "let",
    "if",
    "assist",
    "assistance",
    "anything",
    "else",
    "further",
    "other",
    "questions",
    "question",
    "just",
    "do",
    "can",
    "again",
    "anytime",
    "time",
    "always",
    "ever",
    "sorry",
    "so",
    "very",
    "really",
    "truly",
    "to",
    "hear",
    "hearing",
    "that",
    "this",
    "the",
    "a",
    "an",
    "we're",
    "we",
    "i'm",
    "i",
    "you",
    "your",
    "you're",
    "thanks",
    "thank",
    "for",
    "reaching",
    "out",
    "letting",
    "us",
    "know",
    "glad",
    "happy",
    "hi",
    "hello",
    "hey",
    "hiya",
    "oh",
    "no",
    "apologies",
    "apologise",
    "apologize",
    "apolog",
    "understand",
    "frustrating",
    "frustration",
    "annoying",
    "is",
    "are",
    "it",
    "it's",
    "that's",
    "be",
    "must",
    "can",
    "imagine",
    "feel",
    "about",
    "of",
    "inconvenience",
    "experience",
    "hope",
    "great",
    "day",
    "nice",
    "there",
    "and",
    "with",
    "our",
    "my",
    "me",
    "all",
    "any",
    "what",
    "not",
    "good",
    "bad",
    "news",
    "terrible",
    "awful",
    "hate",
    "such",
    "too",
    "much",
    "sounds",
    "definitely",
    "certainly",
    "totally",
    "completely",
    "always",
    "here",
    "help",
    "to",
    "in",
    "on",
    "at",
    "ugh",
    "yikes",
    "wow",
    "appreciate",
    "feedback",
    "patience",
    "wait",
    "waiting",
    "kind",
    "words",
    "love",
    "like",
    "cheers",
    "please",
    "don't",
    "doesn't",
    "shouldn't",
    "happen",
    "happened",
    "happening",
    "experienced",
    "having",
    "trouble",
    "issue",
    "issues",
    "problem",
    "problems",
    "disappointing",
    "disappointed",
    "upsetting",
    "concern",
    "concerns",
    "lo",
    "siento",
    "sentimos",
    "gracias",
    "por",
    "que",
    "eso",
    "esto",
    "hola",
    "muy",
    "mucho",
    "mucha",
    "tu",
    "te",
    "de",
    "la",
    "el",
    "y",
    "es",
    "una",
    "un",
    "molestias",
    "lamentamos",
    "disculpa",
    "entendemos",
    "entiendo",
    "saber",
    "escribirnos",
    "contactarnos",
    "vaya",
    // What a thank-you to the community is made of ("thanks for your comment, we love hearing
    // from our amazing community!"): no answer to "where can I buy it?".
    "from",
    "comment",
    "comments",
    "community",
    "message",
    "post",
    "lovely",
    "wonderful",
    "amazing",
    "awesome",
    "fantastic",
    "means",
    "lot",
    "comentario",
    "comunidad",
    // "Thank you for taking the time to tell us", "for getting in touch".
    "taking",
    "tell",
    "telling",
    "writing",
    "contacting",
    "getting",
    "touch",
];

/// Part of a reply posted in several pieces ("2/2", "…on the list"): the other part may
/// hold the answer.
fn continuation(s: &str) -> bool {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // "1/2", "2/2" standing alone (not a date like "10/31").
    let numbered = (0..b.len().saturating_sub(2)).any(|i| {
        digit(i)
            && b[i + 1] == b'/'
            && digit(i + 2)
            && b[i] <= b[i + 2]
            && !(i > 0 && (digit(i - 1) || b[i - 1] == b'/'))
            && !digit(i + 3)
            && b.get(i + 3) != Some(&b'/')
    });
    let body = s
        .split_whitespace()
        .skip_while(|w| w.starts_with('@'))
        .collect::<Vec<_>>()
        .join(" ");
    numbered || body.starts_with("...") || body.starts_with('…')
}

/// A sign-off's initials ("AB", "JS").
fn initials(word: &str) -> bool {
    word.chars().count() <= 3 && word.chars().all(char::is_uppercase)
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let a = input.ctx.customer;
    // A problem: the main scenario is one, and the customer does not sound pleased.
    let pleased = a.main_emotion() == Some(Emotion::Gratitude) || a.sentiment >= 0.35;
    let problem = !pleased
        && a.main_scenario().is_some_and(|s| {
            !matches!(
                s,
                Scenario::Praise | Scenario::FollowUp | Scenario::Feedback | Scenario::MoveToDm
            )
        });
    if a.question.is_none() && !problem {
        return None;
    }
    let t = &input.draft;
    if t.has_url() || t.src.contains('?') || t.src.contains('¿') || continuation(t.src) {
        return None;
    }
    // "Yes", "No thank you", "Sí": a short answer to a yes/no question.
    let first = t.plain().next().map(|(_, w)| w.lower.as_str());
    if a.question.is_some()
        && matches!(
            first,
            Some(
                "yes"
                    | "yep"
                    | "yeah"
                    | "no"
                    | "nope"
                    | "sure"
                    | "correct"
                    | "absolutely"
                    | "sí"
                    | "si"
                    | "claro"
            )
        )
    {
        return None;
    }
    let next = phrases!("next-step", PHRASES);
    // "Let us know if…", "reach out if…": an open door, not a step.
    let step = t.find(next).into_iter().any(|m| {
        t.words
            .get(m.last + 1)
            .is_none_or(|w| !matches!(w.lower.as_str(), "if" | "si"))
    });
    if step {
        return None;
    }
    let people = input.people();
    // "We apologise if you feel you were charged twice" answers nothing.
    let hedged = super::non_apology::hedged(t);
    // A report's own words said back ("so sorry your mug arrived broken") restate it. (To a
    // question they may answer it: "the green one is back in stock".)
    let theirs: Vec<Text> = if a.question.is_none() {
        input
            .ctx
            .conversation
            .unanswered()
            .iter()
            .filter(|m| m.party == Party::Customer)
            .map(|m| Text::new(&m.text))
            .collect()
    } else {
        Vec::new()
    };
    // Three words of substance answer, two of them our own where the customer's are known
    // ("I'm so sorry. Your order arrives today.": "arrives", "today").
    let (mut content, mut own) = (0, 0);
    let social = SOCIAL.resolved();
    for (i, w) in t.plain() {
        if !hedged[i]
            && !social.contains(w.lower.as_str())
            && !people.is_name(&w.lower)
            && !people.is_handle(&w.lower)
            && w.lower.chars().any(char::is_alphabetic)
            && !initials(&t.src[w.start..w.end])
        {
            content += 1;
            own += usize::from(
                !theirs
                    .iter()
                    .any(|c| c.words.iter().any(|x| x.lower == w.lower)),
            );
        }
    }
    if content >= 3 && (own >= 2 || theirs.is_empty()) {
        return None;
    }
    let what = match a.question.as_ref().and_then(|q| q.triggers.first()) {
        Some(q) => format!("the customer asked {}", quote(q)),
        None => "the customer reported a problem".into(),
    };
    Some(Finding::new(
        format!("{what} and the draft gives no answer or next step"),
        Vec::new(),
    ))
}

/// The phrases of `phrases!("next-step", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "i'll",
    "i will",
    "we'll",
    "we will",
    "we're going to",
    "i'm going to",
    "going to",
    "let's",
    "let me",
    "dm",
    "dms",
    "send",
    "follow",
    "try",
    "check",
    "go to",
    "head to",
    "visit",
    "tap",
    "click",
    "select",
    "open",
    "restart",
    "reset",
    "update",
    "here's",
    "here is",
    "you can",
    "you'll",
    "you will",
    "you may",
    "you should",
    "you need",
    "need to",
    "looking into",
    "look into",
    "reach out",
    "let us know",
    "fill us in",
    "tell us your",
    "tell us more",
    "tell us what",
    "tell us which",
    "tell us where",
    "tell us how",
    "sent you",
    "messaged you",
    "keep an eye",
    "get back to you",
    "follow up",
    "escalat*",
    "passed",
    "passing",
    "forwarded",
    "shared",
    "raised",
    "reported",
    "we've",
    "we have",
    "i've",
    "i have",
    "has been",
    "have been",
    "is now",
    "are now",
    "fixed",
    "resolved",
    "refund*",
    "replace*",
    "voy a",
    "vamos a",
    "te enviaremos",
    "envíanos",
    "escríbenos",
    "cuéntanos",
    "te he escrito",
    "te hemos escrito",
    "puedes",
    "podrás",
    "revisa",
    "prueba",
    "hemos",
    "he",
    "estamos",
    "gestionamos",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;
    use crate::core::analysis::Signal;
    use crate::core::conversation::{Site, Surface};
    use crate::core::scenario::Scenario;

    #[test]
    fn sympathy_alone_fires() {
        let rows = [
            ("Sorry to hear that!", true),
            ("Oh no, we're so sorry Maria :(", true),
            ("", true),
            ("Thanks for reaching out! ^AB", true),
            ("Lo siento mucho, María", true),
            // Hedged apologies say nothing of the matter (a hands-on review's drafts).
            (
                "We apologize if you feel you were charged twice. Thank you for reaching out.",
                true,
            ),
            (
                "We're sorry for any inconvenience this may have caused.",
                true,
            ),
            (
                "Disculpa las molestias que te hayamos causado con el pedido.",
                true,
            ),
            // After the hedge's clause, or after a deflection, words may answer.
            (
                "Sorry for any inconvenience, your refund was sent this morning.",
                false,
            ),
            ("Sorry, but refunds take ten working days.", false),
            // An answer or a next step.
            (
                "Sorry! I'll chase the courier and update you by 5pm.",
                false,
            ),
            ("Please DM us your order number.", false),
            ("Great! Please let us know if we can assist. *HRO", true),
            ("Please let us know your order number", false),
            ("Which address did you use?", false),
            ("Sorry! Here is how: https://acme.com/help", false),
            ("It ships from Madrid on Monday, arriving Wednesday.", false),
            ("Te enviaremos uno nuevo mañana", false),
            ("@mariag Yes", false),
            ("Sorry, on 10/31 then", true),
            ("No thank you. ^JK", false),
            ("@mariag 2/2 sure to submit your feedback. ^BG", false),
            ("@mariag ...on the upgrade list. 😃", false),
        ];
        table(&Case::new().question(), CheckId::NextStep, &rows);
        let d = Case::new()
            .question()
            .fires(CheckId::NextStep, "Sorry!")
            .unwrap();
        assert!(d.contains("“where is my order?”"), "{d}");
        // A problem without a question counts too; praise does not.
        let mut c = Case::new();
        c.analysis.scenarios = vec![(Scenario::OrderLate, Signal::default())];
        table(&c, CheckId::NextStep, &[("So sorry!", true)]);
        c.analysis.sentiment = 0.6;
        table(&c, CheckId::NextStep, &[("So sorry!", false)]);
        c.analysis.sentiment = 0.0;
        c.analysis.scenarios = vec![(Scenario::Praise, Signal::default())];
        table(&c, CheckId::NextStep, &[("Thanks so much!", false)]);
        table(&Case::new(), CheckId::NextStep, &[("Sorry!", false)]);
    }

    #[test]
    fn a_problem_said_back_is_no_answer() {
        // The checklist review's drafts: the customer's own words restate the report.
        let mut c = Case::on(
            Site::Facebook,
            Surface::Post,
            &["My package arrived damaged, the box was crushed and the mug inside is broken. Really disappointed."],
        );
        c.analysis.scenarios = vec![(Scenario::Faulty, Signal::default())];
        let rows = [
            ("Maria, I'm so sorry to hear your mug arrived broken.", true),
            (
                "Maria, I'm so sorry to hear your mug arrived broken. That's really disappointing and not what we want for you.",
                true,
            ),
            ("Oh no, a crushed box and a broken mug, so sorry!", true),
            // Words of our own: an answer.
            (
                "Maria, so sorry your mug arrived broken: a new one goes out tomorrow by courier.",
                false,
            ),
            ("Maria, I'm so sorry. Your mug is replaced today.", false),
            ("Maria, so sorry! Sent you a private message.", false),
            // Thanks for telling us is no step.
            (
                "Maria, thank you for taking the time to tell us, and I'm so sorry your mug arrived broken.",
                true,
            ),
        ];
        table(&c, CheckId::NextStep, &rows);
        // Said back to a question, they may be the answer.
        let mut q = Case::on(
            Site::Instagram,
            Surface::Post,
            &["Is the green bag back in stock?"],
        );
        q.analysis.question = Some(Signal {
            score: 1.0,
            triggers: vec!["Is the green bag back in stock?".into()],
        });
        table(
            &q,
            CheckId::NextStep,
            &[("The green bag is back in stock!", false)],
        );
        // A thank-you to the community answers no question.
        table(
            &q,
            CheckId::NextStep,
            &[
                ("Hi Chloe, thanks so much for your comment, we love hearing from our community!", true),
                ("Thank you, your lovely message means a lot to us!", true),
            ],
        );
    }
}
