//! Understanding the customer: from their recent messages, the scenario, emotions, urgency,
//! whether they asked a question, and the language. Every finding carries the words that
//! triggered it, so the agent sees why.
//!
//! This module defines the shapes shared by the suggestions (panel) and the checklist (gate).

use crate::core::scenario::Scenario;
use serde::Serialize;

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
}

impl Analysis {
    /// The customer sounds upset: a negative emotion was found, or the sentiment is clearly
    /// negative.
    pub fn upset(&self) -> bool {
        self.emotions.iter().any(|(e, _)| e.is_negative()) || self.sentiment <= -0.35
    }
}

pub mod sentiment;
