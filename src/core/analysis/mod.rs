//! Understanding the customer: from their recent messages, the scenario, emotions, urgency,
//! whether they asked a question, and the language. Every finding carries the words that
//! triggered it, so the agent sees why.
//!
//! This module defines the shapes shared by the suggestions (panel) and the checklist (gate).

use crate::core::conversation::{Author, Conversation, Lang, Message, Party, Surface};
use crate::core::scenario::Scenario;
use serde::Serialize;

pub mod cues;
mod emotion;
pub(crate) mod lang;
mod ours;
pub(crate) mod rank;
mod scenario;
pub mod sentiment;
#[cfg(test)]
mod tests;
pub mod text;

pub use lang::{clearly_not_in, detect_language};
pub use rank::{rank, rank_at, scenario_scores, Ranked};
use text::{push_unique, score_rules, sort_desc, Folded};

/// The emotions the analysis recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Emotion {
    Anger,
    Frustration,
    Anxiety,
    Disappointment,
    Gratitude,
}

impl Emotion {
    pub const ALL: [Emotion; 5] = [
        Emotion::Anger,
        Emotion::Frustration,
        Emotion::Anxiety,
        Emotion::Disappointment,
        Emotion::Gratitude,
    ];

    /// The stable id (kebab-case), used in labels and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Emotion::Anger => "anger",
            Emotion::Frustration => "frustration",
            Emotion::Anxiety => "anxiety",
            Emotion::Disappointment => "disappointment",
            Emotion::Gratitude => "gratitude",
        }
    }

    pub fn from_id(id: &str) -> Option<Emotion> {
        Emotion::ALL.into_iter().find(|e| e.id() == id)
    }

    /// Whether this emotion means the customer is upset (the reply should acknowledge it).
    pub fn is_negative(self) -> bool {
        !matches!(self, Emotion::Gratitude)
    }
}

/// How strongly something was found, and the customer's words that triggered it, as they
/// wrote them ("third time", "still waiting").
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Signal {
    /// Higher is stronger; comparable within one kind of finding.
    pub score: f32,
    pub triggers: Vec<String>,
}

/// A language guess for a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LangGuess {
    /// ISO 639-1 code ("en", "es", "de", "fr", "pt", "it", "nl", …).
    pub code: &'static str,
    /// False for short or mixed texts where the guess should not be acted on.
    pub confident: bool,
}

impl Analysis {
    /// The language to suggest replies in: the customer's, when it is told with confidence
    /// and the library has it (English, Spanish); otherwise the page's, which is the agent's
    /// (`page`); English when neither is known. An English-speaking customer on a page shown
    /// in Spanish is answered in English.
    pub fn reply_lang(&self, page: Option<Lang>) -> Lang {
        match self.lang.filter(|g| g.confident).map(|g| g.code) {
            Some("en") => Lang::En,
            Some("es") => Lang::Es,
            _ => page.unwrap_or(Lang::En),
        }
    }
}

/// What the customer's recent messages say.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// Scenarios found, best first (empty when nothing matched).
    pub scenarios: Vec<(Scenario, Signal)>,
    /// Emotions found, strongest first (empty when neutral).
    pub emotions: Vec<(Emotion, Signal)>,
    /// Overall sentiment from the lexicon, −1 (very negative) to 1 (very positive).
    pub sentiment: f32,
    /// Urgency ("asap", "urgent", "right now", a deadline), if any.
    pub urgency: Option<Signal>,
    /// The customer asked a question: the triggers are the questions they asked.
    pub question: Option<Signal>,
    /// The customer's language, when it can be told.
    pub lang: Option<LangGuess>,
    /// The only emotion was not named in the customer's words but read from what they reported
    /// (a problem is frustration, praise is gratitude), at the weakest score.
    pub implied: bool,
    /// What our own earlier replies in the thread point to, as weaker evidence than the
    /// customer's words (already counted in `scenarios`); the triggers are our words.
    pub ours: Vec<(Scenario, Signal)>,
    /// We have been in touch with this customer: their latest words say so ("thanks for
    /// getting back to me", [`cues::IN_TOUCH`]), or, as [`analyze_conversation`] sees who wrote
    /// what, we have written to them (see [`read_texts`]). A follow-up ("is everything working
    /// now?") presupposes it.
    pub answered: bool,
    /// The latest message only greets ("Hi", "hello there"): help asked for, not a fan's
    /// mention.
    pub greeting: bool,
    /// Words of a person in distress in the customer's recent messages ([`cues::CRISIS`]):
    /// the crisis holding reply comes first and the checklist reminds the agent to escalate.
    pub distress: Vec<String>,
    /// The customer's key words in their recent messages, latest first
    /// ([`own::key_words`](crate::core::library::own::key_words), at most [`KEY_WORDS`]): the
    /// team's own replies are matched against them.
    #[serde(skip)]
    pub words: Vec<String>,
}

/// At most this many of the customer's key words are kept ([`Analysis::words`]).
pub const KEY_WORDS: usize = 64;

impl Analysis {
    /// The customer sounds upset: a negative emotion was found, or the sentiment is clearly
    /// negative.
    pub fn upset(&self) -> bool {
        self.emotions.iter().any(|(e, _)| e.is_negative()) || self.sentiment <= -0.35
    }

    /// The best scenario found, if any.
    pub fn main_scenario(&self) -> Option<Scenario> {
        self.scenarios.first().map(|(s, _)| *s)
    }

    /// The strongest emotion found, if any.
    pub fn main_emotion(&self) -> Option<Emotion> {
        self.emotions.first().map(|(e, _)| *e)
    }
}

/// How many of the customer's latest messages are read, and how much each counts (latest
/// first).
const CONTEXT_WEIGHTS: [f32; 5] = [1.0, 0.5, 0.35, 0.25, 0.2];
/// At most how much a topic named only in earlier messages scores, relative to the best topic
/// of the latest message.
const EARLIER_TOPIC: f32 = 0.9;
/// Questions that ask for a problem's remedy, and how much a how-to reading resting on them
/// alone scores at most, relative to the problem named.
const REMEDY_QUESTIONS: crate::core::words::Words = words!["what can i do", "what should i do"];
const REMEDY_AFTER_PROBLEM: f32 = 0.8;
/// How much our question counts when the customer's latest message answers it: one clear
/// cue in it ("which version") outweighs the plain follow-up reading, less than their own words.
const OUR_QUESTION: f32 = 0.7;
/// The most triggers kept per finding (the latest message's first). A reason quotes three;
/// the rest still choose among a scenario's replies by their tags (a customer's "charged
/// twice" two messages back, behind the latest message's words).
const MAX_TRIGGERS: usize = 8;
/// The least score of the private-message reading when the customer says they did what our
/// latest reply asked ("DM us" … "done").
const DM_DONE: f32 = 1.0;
/// … and at least this much more than the best other reading: above the lift a feeling gives
/// its reading (thanks, or an earlier "still waiting").
const DM_DONE_OVER: f32 = 1.4;
/// Findings weaker than these are left out.
const MIN_SCENARIO: f32 = 0.35;
/// The least score of the safety reading when the customer's words show distress.
const DISTRESS: f32 = 3.0;
const MIN_EMOTION: f32 = 0.6;
const MIN_URGENCY: f32 = 1.0;
/// Praise read in a negative message (sarcasm, "great, another delay") and complaint words in
/// a clearly positive one ("best customer service") count this much.
const PRAISE_WHEN_NEGATIVE: f32 = 0.3;
const COMPLAINT_WHEN_POSITIVE: f32 = 0.5;
/// The scores of the weak readings used when the latest message names no topic.
const PRIOR_QUESTION: f32 = 0.7;
const PRIOR_WHY: f32 = 0.4;
/// The words after which "like" is the verb.
pub(crate) const LIKE_AS_VERB_AFTER: crate::core::words::Words = listed_words!["sentiment/like-as-verb-after";
    "i", "we", "you", "they", "really", "also", "do", "does", "did", "would", "i'd", "we'd", "i’d",
    "still", "truly", "just",
];
/// How the questions read with [`PRIOR_WHY`] begin.
pub(crate) const RHETORICAL: crate::core::words::Words = listed_words!["questions/rhetorical";
    "why",
    "por qu",
    "what's with",
    "whats with",
    "what's wrong with",
    "whats wrong with",
    "how come",
    "are you kidding",
    "are you serious",
    "is this a joke",
    "seriously",
    "really",
    "who does",
    "who thought",
    "como es posible",
    "en serio",
];
const PRIOR_UPSET: f32 = 0.45;
const PRIOR_FOLLOW_UP: f32 = 0.6;
/// From this score, a problem the earlier messages name is the topic of a reply that names
/// none (the plain follow-up reading comes after it).
const THREAD_TOPIC: f32 = 0.5;
const PRIOR_PRAISE: f32 = 0.5;
/// The sentiment from which a message with no topic reads as praise.
const PRIOR_WARM: f32 = 0.2;
/// A problem reported with a sentiment at most this is read as frustration.
const PROBLEM_NOT_POSITIVE: f32 = 0.2;

/// Reads the customer's recent messages (oldest first; the latest counts most) and says what
/// they are about, how the customer feels, whether it is urgent, whether they asked something,
/// and in which language. Only the last few messages are read, each up to a few thousand
/// characters, so a long thread costs no more than a short one.
pub fn analyze(customer_texts: &[&str]) -> Analysis {
    analyze_thread(customer_texts, &[])
}

/// [`analyze`], with our own replies in the thread before the customer's latest message
/// (oldest first) as weaker evidence of the scenario: "which version are you on?" before
/// "yes, all of them" says the customer reports a fault. What they point to is in
/// [`Analysis::ours`], with our words as triggers.
pub fn analyze_thread(customer_texts: &[&str], our_texts: &[&str]) -> Analysis {
    let recent: Vec<(Folded<'_>, f32)> = customer_texts
        .iter()
        .rev()
        .filter(|t| !t.trim().is_empty())
        .zip(CONTEXT_WEIGHTS)
        .map(|(t, w)| (Folded::new(t), w))
        .collect();
    let Some((latest, _)) = recent.first() else {
        return Analysis::default();
    };

    let mut words: Vec<String> = Vec::new();
    for (f, _) in &recent {
        for w in crate::core::library::own::key_words(f.original, KEY_WORDS) {
            if words.len() < KEY_WORDS && !words.contains(&w) {
                words.push(w);
            }
        }
    }

    // Sentiment: the weighted mean over the recent messages.
    let (mut sum, mut weights) = (0.0, 0.0);
    for (f, w) in &recent {
        sum += sentiment::compound(f.original) * w;
        weights += w;
    }
    let sentiment = if weights > 0.0 { sum / weights } else { 0.0 };

    // A table's score over the recent messages (weighted), the latest message's own score, and
    // the triggers (the latest message's first).
    let scored = |rules: &text::Table| -> (f32, f32, Vec<String>) {
        let mut triggers: Vec<&str> = Vec::new();
        let (mut total, mut own) = (0.0, 0.0);
        for (k, (f, w)) in recent.iter().enumerate() {
            let v = score_rules(f, rules, &mut triggers).max(0.0);
            total += v * w;
            if k == 0 {
                own = v;
            }
        }
        triggers.truncate(MAX_TRIGGERS);
        (
            total,
            own,
            triggers.into_iter().map(str::to_owned).collect(),
        )
    };

    let asked = cues::questions(latest);
    let question = (!asked.is_empty()).then(|| Signal {
        score: asked.len() as f32,
        triggers: asked.into_iter().map(str::to_owned).collect(),
    });

    let found: Vec<(Scenario, f32, f32, Vec<String>)> = Scenario::ALL
        .into_iter()
        .map(|s| {
            let (score, own, triggers) = scored(scenario::rules(s));
            (s, score, own, triggers)
        })
        .collect();
    let latest_has_topic = found.iter().any(|(_, _, own, _)| *own >= MIN_SCENARIO);
    let latest_names_problem = found
        .iter()
        .any(|(s, _, own, _)| s.is_problem() && *own >= MIN_SCENARIO);
    // The customer's latest message says we have been in touch ("thanks for getting back to
    // me", "ok will do").
    let says_in_touch = score_rules(latest, &cues::IN_TOUCH, &mut Vec::new()) > 0.0;
    // The customer answers a question of ours and names no topic of their own ("yes, all
    // files, Mac"): what we asked about ("which version are you on?") is the topic.
    let our_question = our_texts
        .iter()
        .rev()
        .find(|t| !t.trim().is_empty())
        .filter(|t| t.contains('?') && !latest_has_topic && question.is_none())
        .map(|t| Folded::new(t));
    // The latest message counts most: a topic only earlier messages name comes after the
    // latest message's own.
    let latest_best = found
        .iter()
        .filter(|(_, _, own, _)| *own >= MIN_SCENARIO)
        .map(|(_, score, _, _)| *score)
        .fold(0.0, f32::max);
    let mut ours: Vec<(Scenario, Signal)> = Vec::new();
    let mut scenarios: Vec<(Scenario, Signal)> = found
        .into_iter()
        .filter_map(|(s, mut score, own, triggers)| {
            if own < MIN_SCENARIO && latest_best > 0.0 {
                score = score.min(latest_best * EARLIER_TOPIC);
            }
            if let (Some(f), Some(table)) = (&our_question, ours::rules(s)) {
                let mut words: Vec<&str> = Vec::new();
                let said = score_rules(f, table, &mut words).max(0.0) * OUR_QUESTION;
                if said > 0.0 {
                    score += said;
                    words.truncate(MAX_TRIGGERS);
                    let triggers = words.into_iter().map(str::to_owned).collect();
                    ours.push((
                        s,
                        Signal {
                            score: said,
                            triggers,
                        },
                    ));
                }
            }
            if s == Scenario::Praise && sentiment < -0.1 {
                score *= PRAISE_WHEN_NEGATIVE;
            }
            if s == Scenario::Complaint && sentiment > 0.4 {
                score *= COMPLAINT_WHEN_POSITIVE;
            }
            (score >= MIN_SCENARIO).then_some((s, Signal { score, triggers }))
        })
        .collect();

    // Words of a person in distress, in any of the recent messages: the safety reading, above
    // any other, with those words first.
    let mut distress_words: Vec<&str> = Vec::new();
    for (f, _) in &recent {
        score_rules(f, &cues::CRISIS, &mut distress_words);
    }
    let distress: Vec<String> = distress_words.into_iter().map(str::to_owned).collect();
    if !distress.is_empty() {
        let top = scenarios
            .iter()
            .map(|(_, sig)| sig.score)
            .fold(0.0, f32::max);
        let mut triggers = distress.clone();
        scenarios.retain(|(s, sig)| {
            if *s == Scenario::Safety {
                triggers.extend(
                    sig.triggers
                        .iter()
                        .filter(|t| !distress.contains(t))
                        .cloned(),
                );
            }
            *s != Scenario::Safety
        });
        triggers.truncate(MAX_TRIGGERS.max(distress.len()));
        let score = DISTRESS.max(top + 1.0);
        scenarios.push((Scenario::Safety, Signal { score, triggers }));
    }

    // "What can I do?" said of a problem asks for its remedy: a how-to reading that rests on
    // such words alone comes after the problem named ("my boots leaked, what can I do?").
    let problem = scenarios
        .iter()
        .filter(|(s, _)| s.is_problem())
        .map(|(_, sig)| sig.score)
        .fold(0.0, f32::max);
    if problem > 0.0 {
        if let Some((_, how)) = scenarios.iter_mut().find(|(s, _)| *s == Scenario::HowTo) {
            let remedy = |t: &String| {
                let t = t.to_lowercase().replace('’', "'");
                REMEDY_QUESTIONS.iter().any(|r| t.contains(r))
            };
            if !how.triggers.is_empty() && how.triggers.iter().all(remedy) {
                how.score = how.score.min(problem * REMEDY_AFTER_PROBLEM);
            }
        }
    }

    // Our latest reply asked them to write to us privately (or said we wrote there), and they
    // say they did ("I did", "replied", "ya los estoy siguiendo") with no problem of their own:
    // the reply acknowledges the private message, above what their earlier messages named.
    let mut did_as_asked = false;
    if !latest_names_problem {
        if let Some(f) = our_texts
            .iter()
            .rev()
            .find(|t| !t.trim().is_empty())
            .map(|t| Folded::new(t))
        {
            let (mut asked, mut did) = (Vec::new(), Vec::new());
            if score_rules(&f, &cues::DM_ASK, &mut asked) > 0.0
                && score_rules(latest, &cues::DM_DONE, &mut did) > 0.0
            {
                let top = scenarios
                    .iter()
                    .map(|(_, sig)| sig.score)
                    .fold(0.0, f32::max);
                did_as_asked = true;
                let score = DM_DONE.max(top * DM_DONE_OVER);
                let mut triggers: Vec<String> = did.into_iter().map(str::to_owned).collect();
                if let Some(i) = scenarios.iter().position(|(s, _)| *s == Scenario::MoveToDm) {
                    for t in scenarios.remove(i).1.triggers {
                        if !triggers.contains(&t) {
                            triggers.push(t);
                        }
                    }
                }
                triggers.truncate(MAX_TRIGGERS);
                scenarios.push((Scenario::MoveToDm, Signal { score, triggers }));
                asked.truncate(MAX_TRIGGERS);
                ours.push((
                    Scenario::MoveToDm,
                    Signal {
                        score,
                        triggers: asked.into_iter().map(str::to_owned).collect(),
                    },
                ));
            }
        }
    }

    let mut emotions: Vec<(Emotion, Signal)> = Emotion::ALL
        .into_iter()
        .map(|e| {
            let (score, own, triggers) = scored(emotion::rules(e));
            // Thanks are said of the moment: an earlier message's thanks are not how the
            // customer feels in a later one ("thanks so much!" then "but I still can't").
            if e == Emotion::Gratitude && own <= 0.0 {
                return (e, Signal::default());
            }
            (e, Signal { score, triggers })
        })
        .collect();
    // Words in capitals among words that are not read as shouting (unless the message is
    // clearly positive: "I LOVE it").
    let shouted = shouting(latest.original);
    if !shouted.is_empty() && sentiment <= 0.3 {
        let anger = &mut emotions[0].1;
        anger.score += 0.4 + 0.2 * shouted.len() as f32;
        for w in shouted {
            if anger.triggers.len() < MAX_TRIGGERS {
                anger.triggers.push(w.to_owned());
            }
        }
    }
    for (e, sig) in emotions.iter_mut() {
        if e.is_negative() {
            sig.score *= 1.0 + (-sentiment).max(0.0) * 0.5;
        } else if sentiment < -0.3 {
            sig.score *= 0.5;
        } else {
            sig.score *= 1.0 + sentiment.max(0.0) * 0.5;
        }
    }
    let negative_found = emotions
        .iter()
        .any(|(e, s)| e.is_negative() && s.score >= MIN_EMOTION);
    if !negative_found && sentiment <= -0.5 {
        // Clearly negative words with no telling phrase: read as frustration, showing the
        // words that carried it.
        let words = negative_words(latest.original);
        if !words.is_empty() {
            let f = &mut emotions[1].1;
            f.score = MIN_EMOTION;
            f.triggers = words.into_iter().map(str::to_owned).collect();
        }
    }
    emotions.retain(|(_, s)| s.score >= MIN_EMOTION);
    sort_desc(&mut emotions, |(_, s)| s.score);

    // Praise found in the words themselves (not read from warm words alone).
    let praised = scenarios.iter().any(|(s, _)| *s == Scenario::Praise);
    // The best problem named in the thread (the follow-up reading comes after a clear one).
    let thread_problem = scenarios
        .iter()
        .filter(|(s, _)| s.is_problem())
        .map(|(_, sig)| sig.score)
        .fold(0.0, f32::max);
    // Weak readings: a question is a how-to, an upset customer is complaining, and a reply with
    // no topic in an ongoing conversation follows up.
    let mut prior = |s: Scenario, score: f32, triggers: Vec<String>| {
        if !scenarios.iter().any(|(x, _)| *x == s) {
            scenarios.push((s, Signal { score, triggers }));
        }
    };
    if let Some(q) = &question {
        // "Why …?" alone is most often a complaint or a fault put as a question, and so are
        // the other questions that ask for no answer ("what's with …?", "how come …?").
        let why = q.triggers.iter().all(|t| {
            let t = t
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .replace('’', "'");
            RHETORICAL
                .iter()
                .any(|w| t.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)))
        });
        let score = if why { PRIOR_WHY } else { PRIOR_QUESTION };
        prior(Scenario::HowTo, score, q.triggers.clone());
    }
    let negative = emotions.iter().find(|(e, _)| e.is_negative());
    if let Some((_, sig)) = negative {
        prior(Scenario::Complaint, PRIOR_UPSET, sig.triggers.clone());
    }
    if recent.len() > 1 && !latest_has_topic && question.is_none() {
        // A reply naming no topic mostly goes on with the thread's ("it's the 64 GB one" after
        // a fault): the plain follow-up reading comes after a topic the earlier messages name.
        let score = if thread_problem >= THREAD_TOPIC {
            PRIOR_FOLLOW_UP.min(thread_problem * 0.9)
        } else {
            PRIOR_FOLLOW_UP
        };
        prior(Scenario::FollowUp, score, Vec::new());
    }
    // Warm words with no topic: praise, or a friendly close; a close first when they answer
    // something of ours.
    let warm_words = (!latest_has_topic && sentiment >= PRIOR_WARM)
        .then(|| positive_words(latest.original))
        .filter(|w| !w.is_empty());
    if let Some(words) = warm_words {
        let (praise, close) = if our_texts.iter().any(|t| !t.trim().is_empty()) {
            (PRIOR_PRAISE * 0.8, PRIOR_PRAISE)
        } else {
            (PRIOR_PRAISE, PRIOR_PRAISE * 0.8)
        };
        prior(Scenario::Praise, praise, words.clone());
        prior(Scenario::FollowUp, close, words);
    }
    sort_desc(&mut scenarios, |(_, s)| s.score);

    // A customer reporting a problem, in words that are not positive, is frustrated even when
    // they do not say so, and one giving praise is grateful; the scenario's words are the
    // trigger. A reply that names no topic (an answer, a number) carries no feeling of its own.
    let mut implied_emotion = false;
    if let Some((top, sig)) = scenarios
        .first()
        .filter(|_| emotions.is_empty() && latest_has_topic)
    {
        let implied = if top.is_problem() && sentiment <= PROBLEM_NOT_POSITIVE {
            Some(Emotion::Frustration)
        } else if *top == Scenario::Praise && praised && sentiment >= 0.0 {
            Some(Emotion::Gratitude)
        } else {
            None
        };
        if let Some(e) = implied {
            implied_emotion = true;
            let triggers = sig.triggers.iter().take(2).cloned().collect();
            emotions.push((
                e,
                Signal {
                    score: MIN_EMOTION,
                    triggers,
                },
            ));
        }
    }

    let (urgency_score, _, urgency_triggers) = scored(&cues::URGENCY);
    let urgency = (urgency_score >= MIN_URGENCY).then_some(Signal {
        score: urgency_score,
        triggers: urgency_triggers,
    });

    let lang = detect_language(latest.original)
        .filter(|g| g.confident)
        .or_else(|| {
            let joined: String = recent
                .iter()
                .take(3)
                .map(|(f, _)| f.original)
                .collect::<Vec<_>>()
                .join(" ");
            detect_language(&joined)
        });

    let greeting = {
        let mut greets = false;
        let only = latest
            .original
            .split(|c: char| !c.is_alphabetic() && c != '@' && c != '\'')
            .filter(|w| !w.is_empty() && !w.starts_with('@'))
            .all(|w| {
                let w = w.to_lowercase();
                let g = cues::GREETINGS.contains(w.as_str());
                greets |= g;
                g || crate::core::check::wrong_name::NOT_NAMES.contains(w.as_str())
            });
        only && greets
    };

    Analysis {
        scenarios,
        greeting,
        emotions,
        sentiment,
        urgency,
        question,
        lang,
        implied: implied_emotion,
        ours,
        answered: says_in_touch || did_as_asked,
        distress,
        words,
    }
}

/// Words of four letters or more written in capitals, when the message is not all capitals.
fn shouting(text: &str) -> Vec<&str> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.starts_with('@') && !w.starts_with('#') && !w.starts_with("http"))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let caps: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !w.chars().any(text::is_small)
        })
        .collect();
    let all_caps = words.iter().all(|w| !w.chars().any(text::is_small));
    if caps.is_empty() || all_caps {
        return Vec::new();
    }
    let mut out = Vec::new();
    for w in caps {
        push_unique(&mut out, w);
    }
    out.truncate(MAX_TRIGGERS);
    out
}

/// The words of `text` the lexicon finds clearly positive, as written (at most three).
fn positive_words(text: &str) -> Vec<String> {
    let mut out: Vec<&str> = Vec::new();
    let words: Vec<(&str, &str)> = text
        .split_whitespace()
        .map(|raw| {
            (
                raw,
                raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''),
            )
        })
        .collect();
    for (i, &(raw, w)) in words.iter().enumerate() {
        let after = i.checked_sub(1).map_or("", |j| words[j].1);
        let next = words.get(i + 1).map_or("", |n| n.1);
        if w.is_empty() || raw.starts_with('@') {
            continue;
        }
        // "like" is warm as a verb ("I like it", "would like"), not as a comparison ("why is
        // it like this?") nor in a request ("I would like to speak to someone").
        if w.eq_ignore_ascii_case("like")
            && (!LIKE_AS_VERB_AFTER
                .iter()
                .any(|p| after.eq_ignore_ascii_case(p))
                || next.eq_ignore_ascii_case("to"))
        {
            continue;
        }
        if sentiment::valence(&w.to_lowercase()).is_some_and(|v| v >= 1.5) {
            push_unique(&mut out, w);
            if out.len() == 3 {
                break;
            }
        }
    }
    out.into_iter().map(str::to_owned).collect()
}

/// The words of `text` the lexicon finds clearly negative, as written (at most three).
fn negative_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if w.is_empty() || raw.starts_with('@') {
            continue;
        }
        if sentiment::valence(&w.to_lowercase()).is_some_and(|v| v <= -1.5) {
            push_unique(&mut out, w);
            if out.len() == 3 {
                break;
            }
        }
    }
    out
}

/// [`analyze_thread`] of the open conversation: the customer's latest `limit` messages
/// ([`customer_texts`]) and our replies in the exchange with them ([`our_texts`]). What the
/// panel and the checklist read.
pub fn analyze_conversation(conversation: &Conversation, limit: usize) -> Analysis {
    let (theirs, ours, answered) = read_texts(conversation, limit);
    let mut found = analyze_thread(&theirs, &ours);
    found.answered |= answered;
    found
}

/// What [`analyze_conversation`] reads: [`customer_texts`], [`our_texts`] and whether we have
/// written to the customer ([`wrote_to_them`]), the customer's messages found once for all
/// three (on a long thread, a scan of it).
pub fn read_texts(conversation: &Conversation, limit: usize) -> (Vec<&str>, Vec<&str>, bool) {
    let theirs = customer_indices(conversation, limit);
    let ours = ours_among(conversation, &theirs, limit);
    let answered = wrote_to_them(conversation, theirs.last().copied());
    let theirs = theirs
        .into_iter()
        .map(|i| conversation.messages[i].text.as_str())
        .collect();
    (theirs, ours, answered)
}

/// Whether the conversation shows a message of ours to the customer whose latest message is at
/// `latest`: in a private conversation, or with no message of theirs found, any message of
/// ours (before or after theirs); in a public thread, one right after a message of theirs or
/// one naming them ([`Named`]), not the post they answered nor our replies to other people.
fn wrote_to_them(conversation: &Conversation, latest: Option<usize>) -> bool {
    let messages = &conversation.messages;
    let ours = |m: &Message| m.party == Party::Brand;
    let Some(latest) = latest.filter(|_| conversation.surface == Surface::Post) else {
        return messages.iter().any(ours);
    };
    let who = &messages[latest].author;
    let theirs = |m: &Message| m.party == Party::Customer && m.author.same_person(who);
    let Some(first) = messages.iter().position(theirs) else {
        return false;
    };
    // Right after theirs, an automatic message of ours (or one not sent) between them aside.
    let mut after_theirs = false;
    for m in messages[first..]
        .iter()
        .filter(|m| !matches!(m.party, Party::Automatic | Party::Unsent))
    {
        if after_theirs && ours(m) {
            return true;
        }
        after_theirs = theirs(m);
    }
    let named = Named::new(who);
    messages[first + 1..]
        .iter()
        .any(|m| ours(m) && named.in_text(&m.text))
}

/// How a reply names a customer: their `@handle`, or the first word of their name (two letters
/// or more) in its first sentence, as a greeting or a thank-you does ("Glad you like it,
/// Priya!"); a signature (from `^`) does not count.
struct Named<'a> {
    handle: Option<&'a str>,
    first_name: Option<String>,
}

impl<'a> Named<'a> {
    fn new(who: &'a Author) -> Named<'a> {
        Named {
            handle: who.handle.as_deref().filter(|h| !h.is_empty()),
            first_name: who
                .name
                .split_whitespace()
                .next()
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_lowercase),
        }
    }

    fn in_text(&self, text: &str) -> bool {
        let text = text.split('^').next().unwrap_or("");
        let words = || {
            text.split(|c: char| !(c.is_alphanumeric() || c == '@' || c == '_'))
                .filter(|w| !w.is_empty())
        };
        let handle = self.handle.filter(|_| text.contains('@')).is_some_and(|h| {
            words().any(|w| {
                w.strip_prefix('@')
                    .is_some_and(|x| x.eq_ignore_ascii_case(h))
            })
        });
        let first_sentence = text.split(['.', '!', '?', '\n']).next().unwrap_or("");
        handle
            || self.first_name.as_deref().is_some_and(|n| {
                first_sentence
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| {
                        w.len() == n.len() && (w.eq_ignore_ascii_case(n) || w.to_lowercase() == n)
                    })
            })
    }
}

/// Our messages in the exchange with the customer, oldest first, at most `limit`: those before
/// the customer's latest message and after the one before their earliest message read (so the
/// post they answered counts, our replies to other people earlier in a public thread do not).
pub fn our_texts(conversation: &Conversation, limit: usize) -> Vec<&str> {
    ours_among(conversation, &customer_indices(conversation, limit), limit)
}

/// [`our_texts`], given where the customer's messages are.
fn ours_among<'a>(conversation: &'a Conversation, theirs: &[usize], limit: usize) -> Vec<&'a str> {
    let (Some(&first), Some(&last)) = (theirs.first(), theirs.last()) else {
        return Vec::new();
    };
    let mut ours: Vec<&str> = conversation.messages[first.saturating_sub(1)..last]
        .iter()
        .filter(|m| m.party == Party::Brand)
        .map(|m| m.text.as_str())
        .collect();
    ours.drain(..ours.len().saturating_sub(limit));
    ours
}

/// The customer's latest `limit` messages, oldest first. In a public thread several people comment:
/// only the messages of the customer being answered count (all customer messages when the
/// page does not say who that is, or none of theirs is found).
pub fn customer_texts(conversation: &Conversation, limit: usize) -> Vec<&str> {
    customer_indices(conversation, limit)
        .into_iter()
        .map(|i| conversation.messages[i].text.as_str())
        .collect()
}

/// Where [`customer_texts`] are in the conversation, in order.
fn customer_indices(conversation: &Conversation, limit: usize) -> Vec<usize> {
    let latest = |only: Option<&Author>| {
        let mut found: Vec<usize> = conversation
            .messages
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, m)| m.party == Party::Customer)
            .filter(|(_, m)| only.is_none_or(|c| m.author.same_person(c)))
            .take(limit)
            .map(|(i, _)| i)
            .collect();
        found.reverse();
        found
    };
    match latest(conversation.customer.as_ref()) {
        found if found.is_empty() => latest(None),
        found => found,
    }
}

#[cfg(test)]
mod customer_tests {
    use super::{customer_texts, our_texts};
    use crate::core::conversation::{Author, Conversation, Message, Party, Site, Surface};

    fn msg(name: &str, party: Party, text: &str) -> Message {
        Message {
            id: text.into(),
            author: Author {
                name: name.into(),
                handle: None,
            },
            party,
            sent: None,
            first_seen_ms: None,
            text: text.into(),
        }
    }

    #[test]
    fn only_the_answered_customers_words_count() {
        let mut c = Conversation {
            site: Site::Facebook,
            surface: Surface::Post,
            thread: None,
            customer: None,
            messages: Default::default(),
        };
        c.messages = vec![
            msg("Jane", Party::Customer, "My bag arrived torn."),
            msg("Acme", Party::Brand, "Sorry Jane!"),
            msg("Priya", Party::Customer, "Love it with oat milk!"),
        ]
        .into();
        assert_eq!(
            customer_texts(&c, 5).len(),
            2,
            "nobody named: every customer"
        );
        c.customer = Some(c.messages[2].author.clone());
        assert_eq!(customer_texts(&c, 5), ["Love it with oat milk!"]);
        // A customer whose messages are not on the page: every customer again.
        c.customer = Some(Author {
            name: "Sam".into(),
            handle: Some("sam".into()),
        });
        assert_eq!(customer_texts(&c, 1), ["Love it with oat milk!"]);
    }

    #[test]
    fn our_words_are_those_of_the_exchange_with_the_customer() {
        let mut c = Conversation {
            site: Site::Facebook,
            surface: Surface::Post,
            thread: None,
            customer: None,
            messages: vec![
                msg("Acme", Party::Brand, "Our new menu is out!"),
                msg("Jane", Party::Customer, "My bag arrived torn."),
                msg("Acme", Party::Brand, "Sorry Jane! Which store?"),
                msg("Priya", Party::Customer, "Love the oat milk!"),
                msg("Acme", Party::Brand, "Thanks Priya!"),
                msg("Jane", Party::Customer, "The one on Main St."),
                msg("Acme", Party::Brand, "Thanks, passed on."),
            ]
            .into(),
        };
        c.customer = Some(c.messages[1].author.clone());
        // From the post Jane answered to before her latest message; not our reply after it.
        assert_eq!(
            our_texts(&c, 5),
            [
                "Our new menu is out!",
                "Sorry Jane! Which store?",
                "Thanks Priya!"
            ]
        );
        assert_eq!(our_texts(&c, 1), ["Thanks Priya!"]);
        // Both found in one pass, as the analysis and the suggestions' key read them.
        assert_eq!(
            super::read_texts(&c, 5),
            (customer_texts(&c, 5), our_texts(&c, 5), true)
        );
        // Priya's exchange starts at the message before hers.
        c.customer = Some(c.messages[3].author.clone());
        assert_eq!(our_texts(&c, 5), ["Sorry Jane! Which store?"]);
        // We thanked her right after her comment: we have written to her.
        assert!(super::read_texts(&c, 5).2);
        // Before our first reply, our only message is the post Jane answered: we have not
        // written to her yet.
        c.customer = Some(c.messages[1].author.clone());
        std::rc::Rc::make_mut(&mut c.messages).truncate(2);
        assert_eq!(our_texts(&c, 5), ["Our new menu is out!"]);
        assert!(
            !super::read_texts(&c, 5).2,
            "only the post comes before her"
        );
        std::rc::Rc::make_mut(&mut c.messages).truncate(1);
        assert!(our_texts(&c, 5).is_empty(), "no customer message");
    }

    #[test]
    fn we_have_written_to_a_customer_when_a_message_of_ours_is_to_them() {
        let post = |messages: Vec<Message>, surface: Surface| Conversation {
            site: Site::Facebook,
            surface,
            thread: None,
            customer: None,
            messages: messages.into(),
        };
        let answered = |c: &Conversation| super::read_texts(c, 5).2;
        let mut c = post(
            vec![
                msg("Acme", Party::Brand, "Our new menu is out!"),
                msg("Priya", Party::Customer, "Love the oat milk!"),
                msg("Jane", Party::Customer, "My bag arrived torn."),
                msg("Acme", Party::Brand, "Sorry Jane! Which store?"),
            ],
            Surface::Post,
        );
        c.customer = Some(c.messages[1].author.clone());
        assert!(
            !answered(&c),
            "the post and our reply to Jane are not to Priya"
        );
        std::rc::Rc::make_mut(&mut c.messages).push(msg(
            "Acme",
            Party::Brand,
            "Glad you like it, priya!",
        ));
        assert!(answered(&c), "a reply naming her");
        // An agent signing "^Priya", or naming her after the first sentence of a reply to
        // someone else, does not write to her.
        let mut signed = c.clone();
        let m = std::rc::Rc::make_mut(&mut signed.messages);
        m.pop();
        m.push(msg(
            "Acme",
            Party::Brand,
            "Which store was it? Priya can check. ^Priya",
        ));
        assert!(!answered(&signed));
        // A customer who chased five times after our reply: still answered.
        let mut chasing = vec![
            msg("Jane", Party::Customer, "My bag arrived torn."),
            msg("Acme", Party::Brand, "Sorry! Which store?"),
        ];
        chasing.extend((0..6).map(|i| msg("Jane", Party::Customer, &format!("Hello? ({i})"))));
        let mut c = post(chasing, Surface::Post);
        c.customer = Some(c.messages[0].author.clone());
        assert_eq!(super::read_texts(&c, 5).0.len(), 5);
        assert!(answered(&c), "our reply came before the five messages read");
        // In a DM every message of ours is to them, even before theirs; with no message of
        // theirs found, any of ours.
        let dm = post(
            vec![
                msg("Acme", Party::Brand, "Did the fix work?"),
                msg("Jane", Party::Customer, "Not yet"),
            ],
            Surface::Dm,
        );
        assert!(answered(&dm));
        let only_ours = post(
            vec![msg("Acme", Party::Brand, "Did the fix work?")],
            Surface::Dm,
        );
        assert!(answered(&only_ours));
        let nobody = post(vec![msg("Jane", Party::Customer, "Hi")], Surface::Dm);
        assert!(!answered(&nobody));
        // An instant reply of ours is not having written to them, in a DM or in public.
        for surface in [Surface::Dm, Surface::Post] {
            let instant = post(
                vec![
                    msg("Jane", Party::Customer, "My bag arrived torn, Acme."),
                    msg(
                        "Acme",
                        Party::Automatic,
                        "Thanks for messaging Acme, Jane! We reply within a day.",
                    ),
                ],
                surface,
            );
            assert!(!answered(&instant), "{surface:?}");
        }
        // In public, our reply after the instant one is still right after theirs.
        let mut replied = post(
            vec![
                msg("Jane", Party::Customer, "My bag arrived torn."),
                msg("Acme", Party::Automatic, "Thanks for getting in touch!"),
                msg("Acme", Party::Brand, "So sorry! Which store was it?"),
                msg("Jane", Party::Customer, "Main St."),
            ],
            Surface::Post,
        );
        replied.customer = Some(replied.messages[0].author.clone());
        assert!(answered(&replied));
    }
}
