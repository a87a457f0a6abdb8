//! The "have I done everything?" checklist: automatic checks of a draft reply, run when the
//! agent presses the site's post/send button.
//!
//! The caller gathers everything a check needs into a [`Context`] (the draft, the conversation
//! up to now, the analysis of the customer's messages, the draft's language, the SLA status and
//! our recent replies elsewhere), validates the team's [`Settings`] once, and calls [`run`]. The
//! checks read only those values: no clock, no DOM, no analysis engine.
//!
//! Each check lives in its own file named exactly as its id (`placeholder.rs`,
//! `asks-personal-data.rs`, …) with its own tests. A check either passes or *fires*; what a
//! firing means depends on its [`Level`]: at `Block` the outcome is [`Status::Fail`] (the agent
//! must confirm to post), at `Warn` it is [`Status::Warn`], at `Off` it is not run
//! ([`Status::Off`]).
//!
//! Spans are byte ranges into [`Context::draft`], always on `char` boundaries, so the page can
//! slice the draft string it passed in to highlight the words a finding is about.

#[macro_use]
pub(crate) mod text;
pub mod form;
/// The rule file's lists the checks read (its `[words/…]` and `[phrases/…]` sections).
pub use text::{PHRASE_LISTS, WORD_LISTS};

#[path = "acknowledges-emotion.rs"]
mod acknowledges_emotion;
#[path = "addressed.rs"]
mod addressed;
#[path = "asks-personal-data.rs"]
mod asks_personal_data;
#[path = "escalation.rs"]
mod escalation;
#[path = "language.rs"]
mod language;
#[path = "length.rs"]
mod length;
#[path = "missing-link.rs"]
mod missing_link;
#[path = "next-step.rs"]
mod next_step;
#[path = "non-apology.rs"]
mod non_apology;
#[path = "other-channel.rs"]
mod other_channel;
#[path = "placeholder.rs"]
mod placeholder;
#[path = "repeated-reply.rs"]
mod repeated_reply;
#[path = "repeats-personal-data.rs"]
mod repeats_personal_data;
#[path = "reply-window.rs"]
mod reply_window;
#[path = "shouting.rs"]
mod shouting;
#[path = "signature.rs"]
mod signature;
#[path = "sla-wait.rs"]
mod sla_wait;
#[path = "tone.rs"]
mod tone;
#[path = "wrong-name.rs"]
pub(crate) mod wrong_name;

#[cfg(test)]
mod own_replies;
pub(crate) mod people;
#[cfg(test)]
mod testutil;

pub use acknowledges_emotion::{mood, needs_acknowledging, phrasing, Mood};
pub use text::Text;

use crate::core::analysis::{Analysis, LangGuess};
use crate::core::conversation::Conversation;
use crate::core::sla::SlaStatus;
use crate::core::str_map::StrMap;
use serde::{Deserialize, Serialize};

/// The automatic checks, in the order the checklist shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    Placeholder,
    AsksPersonalData,
    RepeatsPersonalData,
    Length,
    Addressed,
    WrongName,
    AcknowledgesEmotion,
    NonApology,
    NextStep,
    OtherChannel,
    Tone,
    Shouting,
    Signature,
    RepeatedReply,
    Language,
    MissingLink,
    Escalation,
    SlaWait,
    ReplyWindow,
}

impl CheckId {
    pub const ALL: [CheckId; 19] = [
        CheckId::Placeholder,
        CheckId::AsksPersonalData,
        CheckId::RepeatsPersonalData,
        CheckId::Length,
        CheckId::Addressed,
        CheckId::WrongName,
        CheckId::AcknowledgesEmotion,
        CheckId::NonApology,
        CheckId::NextStep,
        CheckId::OtherChannel,
        CheckId::Tone,
        CheckId::Shouting,
        CheckId::Signature,
        CheckId::RepeatedReply,
        CheckId::Language,
        CheckId::MissingLink,
        CheckId::Escalation,
        CheckId::SlaWait,
        CheckId::ReplyWindow,
    ];

    /// The stable id (kebab-case): the page contract's `data-check-id`, the file name, the
    /// labels' and settings' key.
    pub fn id(self) -> &'static str {
        match self {
            CheckId::Placeholder => "placeholder",
            CheckId::AsksPersonalData => "asks-personal-data",
            CheckId::RepeatsPersonalData => "repeats-personal-data",
            CheckId::Length => "length",
            CheckId::Addressed => "addressed",
            CheckId::WrongName => "wrong-name",
            CheckId::AcknowledgesEmotion => "acknowledges-emotion",
            CheckId::NonApology => "non-apology",
            CheckId::NextStep => "next-step",
            CheckId::OtherChannel => "other-channel",
            CheckId::Tone => "tone",
            CheckId::Shouting => "shouting",
            CheckId::Signature => "signature",
            CheckId::RepeatedReply => "repeated-reply",
            CheckId::Language => "language",
            CheckId::MissingLink => "missing-link",
            CheckId::Escalation => "escalation",
            CheckId::SlaWait => "sla-wait",
            CheckId::ReplyWindow => "reply-window",
        }
    }

    pub fn from_id(id: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.id() == id)
    }

    /// A short title for the checklist item, phrased as what a good reply does.
    pub fn title(self) -> &'static str {
        match self {
            CheckId::Placeholder => "No template gaps left",
            CheckId::AsksPersonalData => {
                "No request for secrets, nor for private details in public"
            }
            CheckId::RepeatsPersonalData => "No personal data in public",
            CheckId::Length => "Fits the site's limit",
            CheckId::Addressed => "Speaks to the customer",
            CheckId::WrongName => "Right name",
            CheckId::AcknowledgesEmotion => "Acknowledges how they feel",
            CheckId::NonApology => "A real apology",
            CheckId::NextStep => "Says what happens next",
            CheckId::OtherChannel => "Stays on their channel",
            CheckId::Tone => "Friendly, plain wording",
            CheckId::Shouting => "No shouting",
            CheckId::Signature => "Signed off",
            CheckId::RepeatedReply => "Not a copy of an earlier reply",
            CheckId::Language => "In the customer's language",
            CheckId::MissingLink => "Promised link included",
            CheckId::Escalation => "Escalation considered",
            CheckId::SlaWait => "Acknowledges the wait",
            CheckId::ReplyWindow => "Reply window open",
        }
    }

    /// One line on why the check exists, shown to the agent and the trainer. In the page, read
    /// from the rule file (its `[why/<id>]` sections, written from [`CheckId::why_text`]): ""
    /// until it is installed.
    pub fn why(self) -> &'static str {
        #[cfg(target_arch = "wasm32")]
        return crate::core::analysis::text::installed_section("why/", self.id())
            .map_or("", str::trim_end);
        #[cfg(not(target_arch = "wasm32"))]
        self.why_text()
    }

    /// [`CheckId::why`]'s text. Shown on every surface, so it speaks of "public" only where the
    /// check is about what others can see.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn why_text(self) -> &'static str {
        match self {
            CheckId::Placeholder => {
                "A leftover template token tells the customer they got a form letter, and a sent reply cannot be taken back."
            }
            CheckId::AsksPersonalData => {
                "Never ask for a password, a code or a card's details, not even in private; and details asked for in public get posted in public, so ask for them by private message."
            }
            CheckId::RepeatsPersonalData => {
                "Even if the customer posted it, repeating their details in public spreads them further."
            }
            CheckId::Length => {
                "Over the limit the site cuts or refuses the reply, and a reply split over several posts is hard to follow."
            }
            CheckId::Addressed => {
                "Using the customer's name or handle shows a person read their message, not a bot."
            }
            CheckId::WrongName => {
                "A name from another thread or a stale template tells the customer the reply was pasted."
            }
            CheckId::AcknowledgesEmotion => {
                "An upset customer who is not heard first rarely hears the solution."
            }
            CheckId::NonApology => {
                "Apologies that doubt or deflect (\"sorry if\", \"as per our policy\") annoy more than no apology."
            }
            CheckId::NextStep => {
                "Customers want to know who does what next and when; sympathy alone leaves them waiting."
            }
            CheckId::OtherChannel => {
                "Sending people to phone or email makes them start over on a channel they did not pick."
            }
            CheckId::Tone => {
                "Blame, defensiveness and internal jargon read as cold to someone who came for help."
            }
            CheckId::Shouting => "Capitals and piled-up punctuation read as shouting or alarm.",
            CheckId::Signature => {
                "Your team signs replies so the customer knows which person is helping them."
            }
            CheckId::RepeatedReply => {
                "The same words sent again and again look canned, and customers notice."
            }
            CheckId::Language => {
                "Customers should be answered in the language they wrote in."
            }
            CheckId::MissingLink => {
                "A reply that points to a link or attachment that is not there leaves the customer stuck."
            }
            CheckId::Escalation => {
                "Legal, safety, regulator, press or harm mentions need your team's escalation path, not just a reply."
            }
            CheckId::SlaWait => {
                "When the customer waited longer than promised, saying so first shows respect for their time."
            }
            CheckId::ReplyWindow => {
                "Meta lets a business answer a direct message only within 24 hours of the customer's last message."
            }
        }
    }

    /// The level a check runs at unless the team's settings say otherwise.
    pub fn default_level(self) -> Level {
        match self {
            CheckId::Placeholder
            | CheckId::AsksPersonalData
            | CheckId::RepeatsPersonalData
            | CheckId::Length
            | CheckId::WrongName
            | CheckId::ReplyWindow => Level::Block,
            CheckId::Signature => Level::Off,
            _ => Level::Warn,
        }
    }
}

/// How seriously a check's firing is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The agent must confirm to post.
    Block,
    /// Shown as a warning.
    Warn,
    /// Not run.
    Off,
}

/// A check's result: the page contract's `data-status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    /// Fired at `Block` level.
    Fail,
    /// Fired at `Warn` level (or a softer finding of a blocking check).
    Warn,
    /// Turned off in the settings.
    Off,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Warn => "warn",
            Status::Off => "off",
        }
    }
}

/// One check's result on one draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub id: CheckId,
    pub status: Status,
    /// A specific one-line explanation when the check fired ("“{first_name}” is still a
    /// placeholder"); empty when it passed or is off.
    pub detail: String,
    /// Byte ranges of [`Context::draft`] the finding is about, on char boundaries, in order.
    /// Empty when the finding is about the conversation rather than the draft (escalation,
    /// reply-window) or the draft as a whole (length).
    pub spans: Vec<(usize, usize)>,
}

/// Every check's outcome, in [`CheckId::ALL`] order, and the manual reminders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// The team's manual questions, shown as tick-boxes (`data-status="manual"`).
    pub manual: Vec<String>,
}

impl Report {
    /// Outcomes that must be confirmed before posting.
    pub fn blocking(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.status == Status::Fail)
    }

    /// Outcomes shown as warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.status == Status::Warn)
    }

    /// No check fired.
    pub fn all_clear(&self) -> bool {
        self.outcomes
            .iter()
            .all(|o| matches!(o.status, Status::Pass | Status::Off))
    }

    /// The outcome of one check.
    pub fn get(&self, id: CheckId) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }
}

/// Everything the checks read. The caller computes the analysis, the draft's language and the
/// SLA status (at the moment of sending).
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The reply as it stands in the composer.
    pub draft: &'a str,
    /// The conversation up to now (without the draft); site and surface inside.
    pub conversation: &'a Conversation,
    /// The analysis of the customer's recent messages.
    pub customer: &'a Analysis,
    /// The draft's language, when it can be told.
    pub draft_lang: Option<LangGuess>,
    /// The SLA status now (before the draft is sent).
    pub sla: Option<&'a SlaStatus>,
    /// Our recent replies in other conversations (most recent first, a few dozen at most).
    pub recent_replies: &'a [String],
}

/// The team's sign-off rule.
/// The most questions the agent is asked to tick.
pub const MAX_QUESTIONS: usize = 20;
/// The most internal words or phrases the jargon check takes.
pub const MAX_JARGON: usize = 500;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignaturePolicy {
    /// Accepted sign-offs, exactly as written at the end of a reply ("^AB", "-Sam"). Empty:
    /// any `^` + 1–4 letters (`^AB`) or a dash + a capitalised name (`-Sam`, `– Sam R`) at the
    /// end counts.
    pub accepted: Vec<String>,
}

/// The team's checklist settings, as stored and edited (see [`Settings::validate`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Level per check id, overriding the default.
    pub levels: StrMap<Level>,
    /// Questions the agent ticks themselves.
    pub manual: Vec<String>,
    /// Show the checklist on every send, even when no check fired.
    pub always_show: bool,
    /// Require a sign-off. Without a policy the signature check is off.
    pub signature: Option<SignaturePolicy>,
    /// Extra internal phrases the tone check flags ("RMA", "tier 2").
    pub jargon: Vec<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            levels: StrMap::new(),
            manual: vec![
                "Have I done everything I can for this customer?".into(),
                "Would I be happy to receive this reply myself?".into(),
            ],
            always_show: false,
            signature: None,
            jargon: Vec::new(),
        }
    }
}

/// Settings checked and prepared for [`run`].
#[derive(Clone, Debug, PartialEq)]
pub struct ValidSettings {
    levels: [Level; 19],
    pub manual: Vec<String>,
    pub always_show: bool,
    pub signature: Option<SignaturePolicy>,
    /// Extra jargon phrases, as [`Text`] words.
    jargon: Vec<Vec<String>>,
}

impl ValidSettings {
    /// The level a check runs at.
    pub fn level(&self, id: CheckId) -> Level {
        self.levels[id as usize]
    }

    /// Sets a check's level (tests and the CLI).
    pub fn set_level(&mut self, id: CheckId, level: Level) {
        self.levels[id as usize] = level;
    }
}

impl Default for ValidSettings {
    fn default() -> ValidSettings {
        Settings::default()
            .validate()
            .expect("the default settings are valid")
    }
}

impl Settings {
    /// Checks the settings, saying exactly what is wrong.
    /// [`Settings::validate`] and the limits of this version on what is saved or imported
    /// now: settings saved before them still load (a team's settings never fall back to the
    /// defaults because the rules became stricter).
    pub fn validate_new(&self) -> Result<ValidSettings, String> {
        // A check named wrongly in a hand-edited file would be passed over (as
        // [`Settings::validate`] passes over one renamed since it was saved), its level lost.
        if let Some(id) = self.levels.keys().find(|id| CheckId::from_id(id).is_none()) {
            return Err(format!(
                "levels: no check is called \"{id}\" (the checks: {})",
                CheckId::ALL.map(CheckId::id).join(", ")
            ));
        }
        // Every phrase is looked for in every draft at the send: a list beyond a team's
        // vocabulary would slow the send key down.
        if self.jargon.len() > MAX_JARGON {
            return Err(format!(
                "Internal words: {} phrases; at most {MAX_JARGON}",
                self.jargon.len()
            ));
        }
        // An override or embedding reorders the question's words in the checklist (an
        // isolate, U+2066–2069, is how mixed directions are written well: allowed).
        for (i, q) in self.manual.iter().enumerate() {
            if let Some(c) = q.chars().find(|c| matches!(c, '\u{202a}'..='\u{202e}')) {
                return Err(format!(
                    "Questions to tick: question {} holds an invisible text-direction control \
                     (U+{:04X}), which would reorder its words in the checklist",
                    i + 1,
                    u32::from(c)
                ));
            }
        }
        self.validate()
    }

    pub fn validate(&self) -> Result<ValidSettings, String> {
        let mut levels = CheckId::ALL.map(CheckId::default_level);
        if self.signature.is_some() && !self.levels.contains_key("signature") {
            levels[CheckId::Signature as usize] = Level::Warn;
        }
        for (id, level) in &self.levels {
            // A check this version does not have (renamed or removed since the settings were
            // saved) is passed over: refusing it would throw away the team's questions,
            // sign-offs and jargon with it, and the next save would overwrite them.
            let Some(check) = CheckId::from_id(id) else {
                continue;
            };
            if check == CheckId::Signature && *level != Level::Off && self.signature.is_none() {
                return Err(
                    "levels: the signature check needs a signature policy (set \"signature\")"
                        .into(),
                );
            }
            levels[check as usize] = *level;
        }
        // The dialog asks every question before every send: a long list is not read.
        if self.manual.len() > MAX_QUESTIONS {
            return Err(format!(
                "Questions to tick: {} questions; at most {MAX_QUESTIONS}, since every one is \
                 asked before every send",
                self.manual.len()
            ));
        }
        for (i, q) in self.manual.iter().enumerate() {
            if q.trim().is_empty() {
                return Err(format!("Questions to tick: question {} is empty", i + 1));
            }
            if let Some(j) = self.manual[..i]
                .iter()
                .position(|p| p.trim().eq_ignore_ascii_case(q.trim()))
            {
                return Err(format!(
                    "Questions to tick: question {} repeats question {}",
                    i + 1,
                    j + 1
                ));
            }
            if q.chars().count() > 200 {
                return Err(format!(
                    "Questions to tick: question {} is longer than 200 characters",
                    i + 1
                ));
            }
        }
        if let Some(sig) = &self.signature {
            for (i, s) in sig.accepted.iter().enumerate() {
                if s.trim().is_empty() {
                    return Err(format!("Accepted sign-offs: sign-off {} is empty", i + 1));
                }
            }
        }
        let mut jargon = Vec::new();
        for (i, j) in self.jargon.iter().enumerate() {
            let words = text::phrase_words(j);
            if words.is_empty() {
                return Err(format!(
                    "Internal words: phrase {} ({j:?}) has no letters or digits",
                    i + 1
                ));
            }
            jargon.push(words);
        }
        Ok(ValidSettings {
            levels,
            manual: self.manual.iter().map(|q| q.trim().to_owned()).collect(),
            always_show: self.always_show,
            signature: self.signature.clone(),
            jargon,
        })
    }
}

/// What a check found when it fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    pub detail: String,
    pub spans: Vec<(usize, usize)>,
    /// A softer finding: at most a warning even when the check blocks (reply-window closing
    /// soon).
    pub soft: bool,
}

impl Finding {
    pub fn new(detail: impl Into<String>, spans: Vec<(usize, usize)>) -> Finding {
        Finding {
            detail: detail.into(),
            spans,
            soft: false,
        }
    }
}

/// What the checks read from the conversation and from our recent replies rather than from the
/// draft: who takes part, the escalation triggers the customer wrote, the customer's
/// order-like numbers, and our earlier replies as the repeated-reply check compares them.
/// [`prepare`] works it out once per conversation (the page does it when the conversation
/// changes, off the send path), so that a send reads only the draft ([`run_prepared`]).
#[derive(Debug)]
pub struct Prepared {
    people: people::People,
    escalation: Option<Finding>,
    customer_numbers: people::WordSet,
    earlier: Vec<repeated_reply::Earlier>,
}

impl Prepared {
    /// How many earlier replies of ours the repeated-reply check compares a draft with.
    pub fn earlier_replies(&self) -> usize {
        self.earlier.len()
    }
}

/// How far back the checks read a long thread: the customer's latest messages (escalation
/// triggers, order numbers) and our latest replies in it (repeated-reply). A thread of
/// thousands of messages costs no more to prepare than one of a few hundred.
pub const READ_CUSTOMER_MESSAGES: usize = 200;
pub const READ_OUR_REPLIES: usize = 100;

/// Prepares what the checks read from `conversation` and our `recent` replies elsewhere.
pub fn prepare(conversation: &Conversation, recent: &[String]) -> Prepared {
    let people = people::People::of(conversation);
    Prepared {
        escalation: escalation::scan(conversation),
        customer_numbers: repeats_personal_data::customer_numbers(conversation),
        earlier: repeated_reply::earlier(conversation, recent, &people),
        people,
    }
}

/// The inputs of one run, prepared once and shared by the checks.
pub(crate) struct Input<'a> {
    pub ctx: &'a Context<'a>,
    /// The draft, split into words.
    pub draft: Text<'a>,
    pub settings: &'a ValidSettings,
    pub prepared: &'a Prepared,
}

impl<'a> Input<'a> {
    pub fn new(
        ctx: &'a Context<'a>,
        prepared: &'a Prepared,
        settings: &'a ValidSettings,
    ) -> Input<'a> {
        Input {
            ctx,
            draft: Text::new(ctx.draft),
            settings,
            prepared,
        }
    }

    /// Who takes part in the conversation.
    pub fn people(&self) -> &people::People {
        &self.prepared.people
    }
}

fn check(id: CheckId, input: &Input) -> Option<Finding> {
    match id {
        CheckId::Placeholder => placeholder::check(input),
        CheckId::AsksPersonalData => asks_personal_data::check(input),
        CheckId::RepeatsPersonalData => repeats_personal_data::check(input),
        CheckId::Length => length::check(input),
        CheckId::Addressed => addressed::check(input),
        CheckId::WrongName => wrong_name::check(input),
        CheckId::AcknowledgesEmotion => acknowledges_emotion::check(input),
        CheckId::NonApology => non_apology::check(input),
        CheckId::NextStep => next_step::check(input),
        CheckId::OtherChannel => other_channel::check(input),
        CheckId::Tone => tone::check(input),
        CheckId::Shouting => shouting::check(input),
        CheckId::Signature => signature::check(input),
        CheckId::RepeatedReply => repeated_reply::check(input),
        CheckId::Language => language::check(input),
        CheckId::MissingLink => missing_link::check(input),
        CheckId::Escalation => escalation::check(input),
        CheckId::SlaWait => sla_wait::check(input),
        CheckId::ReplyWindow => reply_window::check(input),
    }
}

/// A byte span of `text` as UTF-16 code-unit offsets, the way JavaScript strings (and
/// `Selection`/`Range` offsets in a text node) count. Offsets past the end are clamped.
pub fn utf16_span(text: &str, span: (usize, usize)) -> (usize, usize) {
    let at = |byte: usize| {
        text.char_indices()
            .take_while(|&(i, _)| i < byte)
            .map(|(_, c)| c.len_utf16())
            .sum::<usize>()
    };
    (at(span.0), at(span.1))
}

/// Runs every check on the draft.
pub fn run(ctx: &Context, settings: &ValidSettings) -> Report {
    run_prepared(
        ctx,
        &prepare(ctx.conversation, ctx.recent_replies),
        settings,
    )
}

/// [`run`] with what [`prepare`] read from `ctx.conversation` and `ctx.recent_replies`
/// (the caller keeps it with them: a `prepared` of another conversation gives wrong findings).
pub fn run_prepared(ctx: &Context, prepared: &Prepared, settings: &ValidSettings) -> Report {
    let input = Input::new(ctx, prepared, settings);
    let outcomes = CheckId::ALL
        .iter()
        .map(|&id| {
            let level = settings.level(id);
            if level == Level::Off {
                return Outcome {
                    id,
                    status: Status::Off,
                    detail: String::new(),
                    spans: Vec::new(),
                };
            }
            match check(id, &input) {
                None => Outcome {
                    id,
                    status: Status::Pass,
                    detail: String::new(),
                    spans: Vec::new(),
                },
                Some(f) => Outcome {
                    id,
                    status: if level == Level::Block && !f.soft {
                        Status::Fail
                    } else {
                        Status::Warn
                    },
                    detail: f.detail,
                    spans: f.spans,
                },
            }
        })
        .collect();
    Report {
        outcomes,
        manual: settings.manual.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::Case;
    use super::*;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn ids_are_stable_and_match_file_names() {
        for id in CheckId::ALL {
            assert_eq!(CheckId::from_id(id.id()), Some(id));
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.id()));
            let file = format!(
                "{}/src/core/check/{}.rs",
                env!("CARGO_MANIFEST_DIR"),
                id.id()
            );
            assert!(std::path::Path::new(&file).exists(), "{file}");
            assert!(!id.title().is_empty() && id.why().len() > 20, "{}", id.id());
            assert!(!id.why().contains('\n'), "one line: {}", id.id());
        }
        assert_eq!(CheckId::from_id("nope"), None);
        assert_eq!(CheckId::ALL.len(), 19);
    }

    #[test]
    fn only_the_checks_about_public_replies_say_public() {
        // The reasons show in direct messages too: "it stays public" there is wrong. The two
        // personal-data checks are about what others can see, and say so as a contrast.
        for id in CheckId::ALL {
            let about_public =
                matches!(id, CheckId::AsksPersonalData | CheckId::RepeatsPersonalData);
            assert_eq!(
                id.why().contains("public"),
                about_public,
                "{}: {}",
                id.id(),
                id.why()
            );
        }
    }

    #[test]
    fn settings_validate_with_specific_messages() {
        let ok = Settings::default().validate().unwrap();
        assert_eq!(ok.level(CheckId::Placeholder), Level::Block);
        assert_eq!(ok.level(CheckId::Tone), Level::Warn);
        assert_eq!(ok.level(CheckId::Signature), Level::Off);
        assert_eq!(ok.manual.len(), 2);
        let mut s = Settings::default();
        s.levels.insert("tone".into(), Level::Block);
        s.levels.insert("escalation".into(), Level::Off);
        let v = s.validate().unwrap();
        assert_eq!(v.level(CheckId::Tone), Level::Block);
        assert_eq!(v.level(CheckId::Escalation), Level::Off);
        let bad = |s: Settings| s.validate().unwrap_err();
        // A level for a check this version does not know keeps everything else.
        let saved: Settings = serde_json::from_str(
            r#"{"levels":{"tone":"block","legacy-check":"warn"},
                "manual":["Did I check the order in Shopify?"],"jargon":["RMA"]}"#,
        )
        .unwrap();
        let v = saved.validate().expect("the known settings still apply");
        assert_eq!(v.manual, ["Did I check the order in Shopify?"]);
        assert_eq!(v.level(CheckId::Tone), Level::Block);
        assert_eq!(v.jargon.len(), 1);
        let mut s = Settings::default();
        s.levels.insert("signature".into(), Level::Warn);
        assert!(bad(s).contains("needs a signature policy"));
        let s = Settings {
            manual: vec!["ok".into(), "  ".into()],
            ..Settings::default()
        };
        assert_eq!(bad(s), "Questions to tick: question 2 is empty");
        let s = Settings {
            manual: vec![
                "Did I check the order?".into(),
                "ok".into(),
                "did I check the order? ".into(),
            ],
            ..Settings::default()
        };
        assert_eq!(bad(s), "Questions to tick: question 3 repeats question 1");
        let s = Settings {
            manual: (0..=MAX_QUESTIONS)
                .map(|i| format!("Question {i}?"))
                .collect(),
            ..Settings::default()
        };
        assert!(bad(s).starts_with("Questions to tick: 21 questions; at most 20"));
        let s = Settings {
            jargon: vec!["--".into()],
            ..Settings::default()
        };
        assert!(bad(s).contains("Internal words: phrase 1"));
        let s = Settings {
            jargon: (0..=MAX_JARGON).map(|i| format!("word{i}")).collect(),
            ..Settings::default()
        };
        // Only for what is saved or imported now: saved before, they still load.
        assert!(s.validate().is_ok());
        assert_eq!(
            s.validate_new().unwrap_err(),
            "Internal words: 501 phrases; at most 500"
        );
        // A question the dialog would show with its words reordered; isolates are welcome.
        let s = Settings {
            manual: vec!["Did I \u{202e}check?".into()],
            ..Settings::default()
        };
        assert!(s.validate().is_ok());
        assert!(s.validate_new().unwrap_err().starts_with(
            "Questions to tick: question 1 holds an invisible text-direction control (U+202E)"
        ));
        let s = Settings {
            manual: vec!["Did I check \u{2068}\u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{2069}?".into()],
            ..Settings::default()
        };
        assert!(s.validate_new().is_ok());
        // A check this version does not have: passed over in what was saved before (renamed
        // since), refused in what is saved or imported now (a hand edit's "tonne").
        let mut s = Settings::default();
        s.levels.insert("tonne".into(), Level::Block);
        assert!(s.validate().is_ok());
        let e = s.validate_new().unwrap_err();
        assert!(
            e.starts_with("levels: no check is called \"tonne\" (the checks: placeholder, "),
            "{e}"
        );
        // A signature policy turns the check on at warn.
        let s = Settings {
            signature: Some(SignaturePolicy::default()),
            ..Settings::default()
        };
        assert_eq!(s.validate().unwrap().level(CheckId::Signature), Level::Warn);
        // Settings round-trip through JSON, and missing fields take defaults.
        let s: Settings = serde_json::from_str(r#"{"always_show": true}"#).unwrap();
        assert!(s.always_show && s.manual.len() == 2);
        let back: Settings =
            serde_json::from_str(&serde_json::to_string(&Settings::default()).unwrap()).unwrap();
        assert_eq!(back, Settings::default());
    }

    #[test]
    fn report_groups_outcomes() {
        let c = Case::new();
        let r = c.report("Hi {name}, sorry for any inconvenience");
        assert_eq!(r.outcomes.len(), 19);
        let blocking: Vec<_> = r.blocking().map(|o| o.id).collect();
        assert_eq!(blocking, [CheckId::Placeholder]);
        let warnings: Vec<_> = r.warnings().map(|o| o.id).collect();
        assert_eq!(warnings, [CheckId::NonApology]);
        assert!(!r.all_clear());
        assert_eq!(r.get(CheckId::Signature).unwrap().status, Status::Off);
        assert!(c
            .report("Hi Maria, your parcel arrives Monday.")
            .all_clear());
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["outcomes"][0]["id"], "placeholder");
        assert_eq!(json["outcomes"][0]["status"], "fail");
        assert_eq!(json["outcomes"][0]["spans"][0][0], 3);
    }

    #[test]
    fn spans_convert_to_utf16() {
        let draft = "¡Hola 😀 {nombre}!";
        let r = Case::new().report(draft);
        let span = r.get(CheckId::Placeholder).unwrap().spans[0];
        assert_eq!(&draft[span.0..span.1], "{nombre}");
        // "¡Hola " is 6 UTF-16 units, the emoji 2, the space 1.
        assert_eq!(utf16_span(draft, span), (9, 17));
        assert_eq!(utf16_span("ab", (0, 99)), (0, 2));
    }

    #[test]
    fn odd_text_never_panics() {
        let c = Case::on(Site::Instagram, Surface::Dm, &["¿¡", "", "@", "🙂🙂"]).upset();
        for draft in [
            "",
            " ",
            "@",
            "@@",
            "^",
            "{",
            "}",
            "[[",
            "__",
            "<>",
            "+",
            "(",
            "+(",
            "1/",
            "…",
            "\u{200D}",
            "e\u{301}",
            "🏳️‍🌈",
            "日本語です！！",
            "İstanbul ǅ",
            "a@b",
            "@ x",
            "x@.co",
            "GB82 ",
            "ＡＢＣ ＤＥＦ ＧＨＩ",
            "'''",
            "’’",
            "-",
            "^AB",
            "Hi ,",
            "Hi",
            "1234567890123456789012",
        ] {
            let r = c.report(draft);
            assert_eq!(r.outcomes.len(), 19, "{draft:?}");
        }
    }

    /// The whole checklist on a 280-character draft with a 50-message thread and 50 recent
    /// replies. Prints the time per run; fails only on a gross regression (a quadratic scan),
    /// since this also runs unoptimised.
    #[test]
    fn a_long_thread_is_cheap() {
        let mut texts: Vec<String> = Vec::new();
        for i in 0..50 {
            if i % 2 == 0 {
                texts.push(format!(
                    "Order {i}112-4455667 still not here, I'm so angry!! Where is it? My lawyer says it's been {i} days and nobody answers"
                ));
            } else {
                texts.push(format!(
                    "BRAND: Sorry Maria, we're checking with the courier about order {i}112-4455667 and we'll update you soon. ^AB"
                ));
            }
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut c = Case::on(Site::X, Surface::Post, &refs).upset().question();
        c.recent = (0..50)
            .map(|i| format!("@user{i} We're sorry for the trouble with order {i}. Please DM us your order number and we'll take a look right away! ^AB"))
            .collect();
        let draft: String = "Hi Maria, so sorry for the wait! I've checked with our courier: your order ships today and arrives Monday. Please DM us if it isn't there by 5pm, and we'll refund it straight away. Thanks for your patience, and sorry again for the trouble. ^AB"
            .chars()
            .cycle()
            .take(280)
            .collect();
        let ctx = Context {
            draft: &draft,
            conversation: &c.conversation,
            customer: &c.analysis,
            draft_lang: None,
            sla: None,
            recent_replies: &c.recent,
        };
        let mut times: Vec<std::time::Duration> = (0..101)
            .map(|_| {
                let start = std::time::Instant::now();
                std::hint::black_box(run(&ctx, &c.settings));
                start.elapsed()
            })
            .collect();
        times.sort();
        let per_run = times[50];
        println!("checklist run: {per_run:?} per run (median of 101)");
        if std::env::var("WAYPOINT_PER_CHECK").is_ok() {
            for only in CheckId::ALL {
                let mut s = c.settings.clone();
                for id in CheckId::ALL {
                    if id != only {
                        s.set_level(id, Level::Off);
                    }
                }
                s.set_level(only, Level::Warn);
                let mut t: Vec<std::time::Duration> = (0..101)
                    .map(|_| {
                        let start = std::time::Instant::now();
                        std::hint::black_box(run(&ctx, &s));
                        start.elapsed()
                    })
                    .collect();
                t.sort();
                println!("  {:<22} {:?}", only.id(), t[50]);
            }
        }
        assert!(
            per_run < std::time::Duration::from_millis(50),
            "{per_run:?}"
        );
    }
}
