//! Ranking templates for an analysis, with a short reason the agent can read.

use super::text::sort_desc;
use super::{Analysis, Emotion, Signal};
use crate::core::conversation::{Lang, Surface};
use crate::core::library::{suggest_fitting, Suggestion};
use crate::core::scenario::Scenario;
use crate::core::words::Words;
use serde::Serialize;

/// A suggested template and why it was suggested.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    pub suggestion: Suggestion,
    /// For the agent: what in the customer's words led here, e.g.
    /// `mentions a refund: "money back" · sounds frustrated: "third time", "still waiting"`.
    pub reason: String,
}

/// How much an upset customer lifts the complaint and waiting replies, a grateful one the
/// praise replies, and a question the how-to replies, relative to the best scenario.
const UPSET_LIFT: f32 = 1.25;
const UPSET_ADD: f32 = 0.3;
/// A safety reading this strong is lifted by upset words as a complaint is.
const SAFETY_CLEAR: f32 = 1.5;
const GRATITUDE_LIFT: f32 = 1.3;
const GRATITUDE_ADD: f32 = 0.5;
const QUESTION_ADD: f32 = 0.3;

/// The scenario scores handed to the library: the analysis's, adjusted for emotion, urgency and
/// questions. Empty when nothing was found (the caller falls back to general replies).
pub fn scenario_scores(a: &Analysis) -> Vec<(Scenario, f32)> {
    let mut scored: Vec<(Scenario, f32)> =
        a.scenarios.iter().map(|(s, sig)| (*s, sig.score)).collect();
    let Some(top) = scored.iter().map(|s| s.1).reduce(f32::max) else {
        return scored;
    };
    let grateful = a.emotions.first().map(|(e, _)| *e) == Some(Emotion::Gratitude);
    let lift = |scored: &mut Vec<(Scenario, f32)>, s: Scenario, factor: f32, add: f32| match scored
        .iter_mut()
        .find(|(x, _)| *x == s)
    {
        Some((_, v)) => *v *= factor,
        None => scored.push((s, top * add)),
    };
    // Thanks with upset words (a thank-you after a complaint, sarcasm) lifts neither reading:
    // the words decide.
    let upset = a.upset();
    if grateful && !upset && a.question.is_none() {
        lift(&mut scored, Scenario::Praise, GRATITUDE_LIFT, GRATITUDE_ADD);
    } else if upset && !grateful {
        lift(&mut scored, Scenario::Complaint, UPSET_LIFT, UPSET_ADD);
        // Anger beside a clear safety matter (an assault told as "the worst ride ever") does
        // not turn it into a complaint: the safety reading is lifted as much. Not a weak one
        // ("lost or stolen" parcels).
        if let Some((_, v)) = scored
            .iter_mut()
            .find(|(s, v)| *s == Scenario::Safety && *v >= SAFETY_CLEAR)
        {
            *v *= UPSET_LIFT;
        }
        if a.urgency.is_some() || scored.iter().any(|(s, _)| *s == Scenario::Waiting) {
            lift(&mut scored, Scenario::Waiting, UPSET_LIFT, UPSET_ADD);
        }
    }
    if a.question.is_some() {
        lift(&mut scored, Scenario::HowTo, 1.0, QUESTION_ADD);
        // Thanks beside a question thanks in advance: the question leads where the two tie.
        if let Some((_, v)) = scored.iter_mut().find(|(x, _)| *x == Scenario::Praise) {
            *v *= 0.85;
        }
    }
    sort_desc(&mut scored, |s| s.1);
    // The readings most often mistaken for the best one come next, weakly and after every
    // reading found in the words, so that the suggestions offer the likely alternatives rather
    // than a second reply for the same reading.
    for &alt in alternatives(scored[0].0, a) {
        let last = scored[scored.len() - 1].1;
        if !scored.iter().any(|(s, _)| *s == alt) {
            scored.push((alt, (last * 0.9).min(top * ALTERNATIVE_ADD)));
        }
    }
    scored
}

/// How much the usual alternatives to the best scenario score at most, relative to it.
const ALTERNATIVE_ADD: f32 = 0.25;

/// Words that say a thing came or went physically damaged (lower case, as prefixes).
pub(crate) const DAMAGE: Words = listed_words!["suggestions/damage";
    "torn",
    "broke",
    "damage",
    "crack",
    "smash",
    "dent",
    "ripped",
    "leak",
    "spill",
    "melt",
    "shatter",
    "scratch",
    "roto",
    "rota",
    "dañad",
    "rajad",
    "kaputt",
    "beschädigt",
];

/// The two readings care teams most often confuse with `s`: a late parcel may be a refund
/// request, a fault may be an outage or a complaint (a damaged thing, a refund or a complaint),
/// thanks may close the conversation.
fn alternatives(s: Scenario, a: &Analysis) -> &'static [Scenario] {
    use Scenario::*;
    let damaged = || {
        a.scenarios
            .iter()
            .filter(|(s, _)| *s == Faulty)
            .flat_map(|(_, sig)| sig.triggers.iter())
            .flat_map(|t| t.split_whitespace())
            .any(|w| {
                let w = w.to_lowercase();
                DAMAGE.iter().any(|d| w.starts_with(d))
            })
    };
    match s {
        // A person in distress: a private conversation, or owning what went wrong; not a
        // locked account.
        Safety if !a.distress.is_empty() => &[MoveToDm, Complaint],
        Faulty if damaged() => &[Refund, Complaint],
        Waiting => &[FollowUp, Complaint],
        Outage => &[Faulty, Waiting],
        Billing => &[Refund, HowTo],
        Refund => &[Billing, Complaint],
        OrderLate => &[Waiting, Refund],
        Faulty => &[Complaint, Outage],
        // "The app won't let me log in": a question, or the service down; not a safety
        // matter (its holding replies speak of danger: a hands-on review saw one offered).
        Account => &[HowTo, Outage],
        Complaint => &[Waiting, Feedback],
        Praise => &[FollowUp, Feedback],
        // A calm question that names no problem (before buying, say) is answered, not read
        // as a fault or a complaint: the other ways of answering it come next.
        HowTo
            if !a.upset()
                && a.sentiment >= 0.0
                && !a.scenarios.iter().any(|(s, _)| s.is_problem()) =>
        {
            &[]
        }
        HowTo => &[Faulty, Complaint],
        Feedback => &[Complaint, Praise],
        Safety => &[Complaint, Account],
        MoveToDm => &[FollowUp, Waiting],
        FollowUp => &[Praise, Waiting],
    }
}

/// General replies when nothing specific was found: answer a question, thank a grateful
/// customer, acknowledge an upset one, or check in, offer a private conversation or help.
fn fallback(a: &Analysis, surface: Surface) -> Vec<(Scenario, f32)> {
    let mut out = Vec::new();
    if a.question.is_some() {
        out.push((Scenario::HowTo, 1.0));
    }
    // A calm first public mention that names nothing and asks nothing is a fan's mention
    // ("BOORITO TIME!", a photo): thanks first. Not a bare "Hi" (help is to come), nor a
    // direct message (people write one to ask); once in touch, such words follow our reply up.
    let calm = !a.upset() && a.sentiment >= 0.0;
    let fan = calm && a.question.is_none() && !a.answered && !a.greeting;
    if fan && surface == Surface::Post {
        out.push((Scenario::Praise, 0.9));
    }
    match a.emotions.first().map(|(e, _)| *e) {
        Some(Emotion::Gratitude) => out.push((Scenario::Praise, 1.0)),
        _ if a.upset() => out.push((Scenario::Complaint, 1.0)),
        _ => {}
    }
    out.push((Scenario::FollowUp, 0.8));
    out.push((Scenario::MoveToDm, 0.6));
    // A third different reading rather than a second follow-up: an offer to help.
    if a.question.is_none() {
        out.push((Scenario::HowTo, 0.5));
    }
    // A calm message that names nothing is often a fan's mention: thanks, as a last reading.
    if calm && !(fan && surface == Surface::Post) {
        out.push((Scenario::Praise, 0.55));
    }
    out
}

/// The customer's words behind the reading, lower-cased, and their feelings named as the
/// templates' tags name them: what a template must fit to be preferred among its scenario's.
fn cues(a: &Analysis) -> (Vec<String>, Vec<String>) {
    let words: Vec<String> = a
        .scenarios
        .iter()
        .map(|(_, sig)| sig)
        .chain(a.emotions.iter().map(|(_, sig)| sig))
        .flat_map(|sig| sig.triggers.iter())
        .map(|t| t.to_lowercase())
        // Distress is named as the crisis reply's tags name it, so that reply comes first
        // among the safety replies whatever words the customer used.
        .chain(
            ["crisis", "distress", "suicide"]
                .into_iter()
                .filter(|_| !a.distress.is_empty())
                .map(str::to_owned),
        )
        .collect();
    let feelings = a
        .emotions
        .iter()
        .map(|(e, _)| {
            match e {
                Emotion::Anger => "angry",
                Emotion::Frustration => "frustrated",
                Emotion::Anxiety => "worried",
                Emotion::Disappointment => "disappointed",
                Emotion::Gratitude => "thanks",
            }
            .to_owned()
        })
        .collect();
    (words, feelings)
}

/// How a reason names a scenario.
fn says(s: Scenario) -> &'static str {
    match s {
        Scenario::Waiting => "is waiting",
        Scenario::Outage => "reports an outage",
        Scenario::Billing => "mentions a charge",
        Scenario::Refund => "mentions a refund",
        Scenario::OrderLate => "asks about an order",
        Scenario::Faulty => "reports a fault",
        Scenario::Account => "has account trouble",
        Scenario::Complaint => "complains",
        Scenario::Praise => "gives praise",
        Scenario::HowTo => "asks how to",
        Scenario::Feedback => "gives feedback",
        Scenario::Safety => "raises safety or legal",
        Scenario::MoveToDm => "mentions private messages",
        Scenario::FollowUp => "follows up",
    }
}

fn sounds(e: Emotion) -> &'static str {
    match e {
        Emotion::Anger => "sounds angry",
        Emotion::Frustration => "sounds frustrated",
        Emotion::Anxiety => "sounds worried",
        Emotion::Disappointment => "sounds disappointed",
        Emotion::Gratitude => "sounds grateful",
    }
}

fn likely(e: Emotion) -> &'static str {
    match e {
        Emotion::Anger => "likely angry",
        Emotion::Frustration => "likely frustrated",
        Emotion::Anxiety => "likely worried",
        Emotion::Disappointment => "likely disappointed",
        Emotion::Gratitude => "likely grateful",
    }
}

/// `label: "a", "b"` (just the label when there are no triggers).
fn part(out: &mut String, label: &str, sig: Option<&Signal>) {
    if !out.is_empty() {
        out.push_str(" · ");
    }
    out.push_str(label);
    if let Some(sig) = sig.filter(|s| !s.triggers.is_empty()) {
        out.push(':');
        for (i, t) in sig.triggers.iter().take(3).enumerate() {
            out.push_str(if i == 0 { " \"" } else { ", \"" });
            out.push_str(t);
            out.push('"');
        }
    }
}

/// Why `scenario` was suggested for `a`.
fn reason(a: &Analysis, scenario: Scenario, general: bool) -> String {
    let mut out = String::new();
    let emotion = a.emotions.first();
    let found = a
        .scenarios
        .iter()
        .find(|(s, _)| *s == scenario)
        .map(|(_, sig)| sig);
    // The same words behind the scenario and the emotion are said once: a complaint read
    // from the customer's feelings shows them with the feeling; a feeling read from the
    // problem they report (no words of their own) is only "likely".
    let shared = match (found, emotion) {
        (Some(sig), Some((_, e))) => {
            !e.triggers.is_empty() && e.triggers.iter().all(|t| sig.triggers.contains(t))
        }
        _ => false,
    };
    if general {
        out.push_str("nothing specific found; a general reply");
    } else if let Some(sig) = found {
        let shown = !(shared && scenario == Scenario::Complaint);
        // A how-to reading that rests on the question alone says so: "Can I get a
        // replacement?" is a question, not a request for instructions.
        let only_asked = scenario == Scenario::HowTo
            && a.question
                .as_ref()
                .is_some_and(|q| q.triggers == sig.triggers);
        // Their "done" after our request for a private message mentions nothing private.
        let did_as_asked =
            scenario == Scenario::MoveToDm && a.ours.iter().any(|(s, _)| *s == scenario);
        let label = if only_asked {
            "asked a question"
        } else if did_as_asked {
            "says they did"
        } else {
            says(scenario)
        };
        part(&mut out, label, Some(sig).filter(|_| shown));
    } else if scenario == Scenario::HowTo && a.question.is_some() {
        part(&mut out, "asked a question", a.question.as_ref());
    } else if scenario == Scenario::Praise && emotion.is_some_and(|(e, _)| *e == Emotion::Gratitude)
    {
        out.push_str("thanks you");
    } else if a.upset() {
        // A negative feeling is the reason: said once, with its words, below.
        if !emotion.is_some_and(|(e, _)| e.is_negative()) {
            out.push_str("sounds upset");
        }
    } else {
        out.push_str("another possible reading");
    }
    // Our own words are shown as ours.
    if let Some((_, sig)) = a.ours.iter().find(|(s, _)| *s == scenario) {
        let label = if scenario == Scenario::MoveToDm {
            "we asked for a private message"
        } else {
            "answers our question"
        };
        part(&mut out, label, Some(sig));
    }
    if let Some((e, sig)) = emotion {
        // A feeling read from the problem reported (`implied`: its words are the problem's,
        // "order", "delivery") is only likely, and its words are no sign of it.
        if a.implied || (shared && scenario != Scenario::Complaint) {
            part(&mut out, likely(*e), None);
        } else {
            part(&mut out, sounds(*e), Some(sig));
        }
    } else if a.upset() && !out.contains("upset") {
        part(&mut out, "sounds upset", None);
    }
    if let Some(u) = &a.urgency {
        part(&mut out, "urgent", Some(u));
    }
    out
}

/// The first `limit` of `all` (best first), preferring one template per scenario so the agent
/// sees the different readings of the message, then the rest by score.
fn diversify(all: &[Suggestion], limit: usize) -> Vec<Suggestion> {
    let mut picked: Vec<Suggestion> = Vec::with_capacity(limit.min(all.len()));
    let mut rest = Vec::new();
    for &s in all {
        let fresh = !picked.iter().any(|p| p.scenario == s.scenario);
        if picked.len() < limit && fresh {
            picked.push(s);
        } else {
            rest.push(s);
        }
    }
    picked.extend(rest.into_iter().take(limit.saturating_sub(picked.len())));
    sort_desc(&mut picked, |s| s.score);
    picked
}

/// The best `limit` templates for what the customer said, on `surface`, in `lang`, with
/// reasons; templates in `recently_used` (most recent first) are demoted. When nothing specific
/// was found, general replies are offered and the reason says so.
pub fn rank(
    analysis: &Analysis,
    surface: Surface,
    lang: Lang,
    recently_used: &[&str],
    limit: usize,
) -> Vec<Ranked> {
    ranked(analysis, surface, lang, recently_used, limit, None, &[])
}

/// [`rank`] knowing whether the customer has waited long (`late`: the SLA due soon or
/// breached). Before we have been in touch, a follow-up reading ("hello", "anyone?") is
/// answered by an apology for the wait only when it is late: "I'm sorry you waited 10
/// minutes" ten minutes into a 60-minute target reads as sarcasm. Words of waiting ("still
/// waiting") still bring the waiting replies.
///
/// `used_here`: the templates already inserted in this conversation, which come after the
/// other templates of their scenario (not after other scenarios: the right kind of reply stays
/// first, in another wording).
pub fn rank_at(
    analysis: &Analysis,
    surface: Surface,
    lang: Lang,
    limit: usize,
    late: bool,
    used_here: &[&str],
) -> Vec<Ranked> {
    ranked(analysis, surface, lang, &[], limit, Some(late), used_here)
}

fn ranked(
    analysis: &Analysis,
    surface: Surface,
    lang: Lang,
    recently_used: &[&str],
    limit: usize,
    late: Option<bool>,
    used_here: &[&str],
) -> Vec<Ranked> {
    let mut scored = scenario_scores(analysis);
    // In a private conversation already, their "done" after our request for one is no
    // handover to answer: the other readings decide.
    if surface == Surface::Dm && analysis.ours.iter().any(|(s, _)| *s == Scenario::MoveToDm) {
        scored.retain(|(s, _)| *s != Scenario::MoveToDm);
    }
    let general = scored.is_empty();
    if general {
        scored = fallback(analysis, surface);
    }
    let (words, feelings) = cues(analysis);
    let mut all = suggest_fitting(
        &scored,
        &words,
        &feelings,
        &analysis.words,
        surface,
        lang,
        recently_used,
        usize::MAX,
    );
    // Templates that fit this moment of the exchange (`Contact`). Before we have been in
    // touch, a follow-up reading is answered by a follow-up that presupposes nothing (thanks
    // for joining in) only for a calm customer giving praise and asking nothing, and otherwise
    // by a reply to their wait: not by a result reached through a secondary reading ("your
    // refund is done" to a customer saying "hello" twice).
    let answered = analysis.answered;
    let calm_praise = !analysis.upset()
        && analysis.question.is_none()
        && analysis
            .scenarios
            .iter()
            .any(|(s, _)| *s == Scenario::Praise);
    all.retain(|s| {
        let main = s.template.scenarios.first().copied();
        s.template.contact.fits(answered)
            && (answered
                || s.scenario != Scenario::FollowUp
                || main == Some(Scenario::Waiting) && late != Some(false)
                || main == Some(Scenario::FollowUp) && calm_praise)
    });
    // Clear thanks ("Aisha sorted my exchange in five minutes. Brilliant service!": praise
    // leads the words' reading by twice any problem's): the problem words tell the story of
    // what went well, so the other thank-you replies come before a reply to a problem ("How to
    // return an item").
    let praise = |(s, sig): &(Scenario, Signal)| (*s == Scenario::Praise).then_some(sig.score);
    let problem = |(s, sig): &(Scenario, Signal)| s.is_problem().then_some(sig.score);
    let thanked = calm_praise
        && analysis.main_emotion() == Some(Emotion::Gratitude)
        && analysis.main_scenario() == Some(Scenario::Praise)
        && analysis.scenarios.iter().find_map(praise).unwrap_or(0.0)
            >= 2.0
                * analysis
                    .scenarios
                    .iter()
                    .filter_map(problem)
                    .fold(0.0, f32::max);
    if !used_here.is_empty() {
        // Each scenario keeps its places in the list, with their scores; its templates used
        // here take its last places.
        let mut groups: Vec<(Scenario, Vec<Suggestion>)> = Vec::new();
        for s in &all {
            match groups.iter_mut().find(|(sc, _)| *sc == s.scenario) {
                Some((_, g)) => g.push(*s),
                None => groups.push((s.scenario, vec![*s])),
            }
        }
        for (_, g) in &mut groups {
            let used = |s: &Suggestion| used_here.contains(&s.template.id);
            let (mut fresh, again): (Vec<_>, Vec<_>) = g.iter().partition(|s| !used(s));
            fresh.extend(again);
            *g = fresh;
            g.reverse();
        }
        for slot in &mut all {
            if let Some((_, g)) = groups.iter_mut().find(|(sc, _)| *sc == slot.scenario) {
                if let Some(mut s) = g.pop() {
                    s.score = slot.score;
                    *slot = s;
                }
            }
        }
    }
    let mut picked = diversify(&all, limit);
    if thanked {
        let more: Vec<Suggestion> = all
            .iter()
            .filter(|s| s.scenario == Scenario::Praise && !picked.contains(s))
            .copied()
            .collect();
        let mut more = more.into_iter();
        for p in picked.iter_mut().filter(|p| p.scenario.is_problem()) {
            match more.next() {
                Some(s) => *p = s,
                None => break,
            }
        }
    }
    picked
        .into_iter()
        .map(|suggestion| {
            let mut reason = reason(analysis, suggestion.scenario, general);
            // The team's reply says which of the customer's words it answers.
            let answers = crate::core::library::own_answers(suggestion.template, &analysis.words);
            if !answers.is_empty() {
                let sig = Signal {
                    score: 0.0,
                    triggers: answers,
                };
                part(&mut reason, "your team's reply on", Some(&sig));
            }
            Ranked { reason, suggestion }
        })
        .collect()
}
