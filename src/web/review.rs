//! The in-page side of understanding and checking: the suggestions for the open conversation,
//! the checklist verdict on a draft, and the settings and recent replies they use, kept in
//! this browser's storage.

use crate::core::analysis::{self, Analysis};
use crate::core::check::{self, Context, Prepared, Settings, Status};
use crate::core::conversation::{Conversation, Lang, Surface};
use crate::core::library::LibTemplate;
use crate::core::sla::SlaStatus;
use crate::web::gate::Verdict;
use crate::web::panel::checklist::{Item, Mark, Sheet};
use crate::web::platform;
use wasm_bindgen::prelude::*;

pub use crate::core::check::ValidSettings;

/// Where the team's checklist settings are kept.
pub const SETTINGS_KEY: &str = "waypoint.checks";
/// How many recent replies are remembered (used.js keeps as many), and how long each may be.
const RECENT_KEPT: usize = 30;
const RECENT_CHARS: usize = 2_000;
/// How many of the customer's latest messages the analysis reads.
const RECENT_CUSTOMER: usize = 5;

/// What the customer's latest messages say.
pub fn understand(conversation: &Conversation) -> Analysis {
    analysis::analyze_conversation(conversation, RECENT_CUSTOMER)
}

/// What [`understand`] reads: the customer's latest messages, ours among them, and whether we
/// have written to them ([`analysis::read_texts`]).
pub type Understood = (Vec<String>, Vec<String>, bool);

/// What [`understand`] reads of `conversation`: equal inputs, equal analysis.
pub fn understood_from(conversation: &Conversation) -> Understood {
    let own = |texts: Vec<&str>| texts.into_iter().map(str::to_owned).collect();
    let (theirs, ours, answered) = analysis::read_texts(conversation, RECENT_CUSTOMER);
    (own(theirs), own(ours), answered)
}

/// The best three templates for what the customer said, each with why it was suggested.
/// The templates the agent used last elsewhere are not passed: the ranking's demotion of them
/// lets another kind of reply overtake the right one (a safety reply first for a torn bag, once
/// the faulty-item reply was used for the customer before). Those inserted in this
/// conversation (`used_here`) give way to another template of their kind only.
/// `late`: the SLA is due soon or breached (an apology for the wait answers a "hello" only
/// then: [`analysis::rank_at`]).
pub fn suggestions(
    found: &Analysis,
    surface: Surface,
    lang: Lang,
    late: bool,
    used_here: &[&str],
) -> Vec<(&'static LibTemplate, String)> {
    analysis::rank_at(found, surface, lang, 3, late, used_here)
        .into_iter()
        .map(|r| (r.suggestion.template, r.reason))
        .collect()
}

/// Runs the checklist on `draft` and says whether the agent needs to see it.
/// `customer` is [`understand`] of the conversation, computed when it was read (the panel's
/// suggestions use it too), so that the send itself only runs the checks.
/// `prepared` is [`check::prepare`] of `conversation` and `recent`, kept until either changes.
pub fn verdict(
    conversation: &Conversation,
    customer: &Analysis,
    draft: &str,
    sla: &SlaStatus,
    recent: &[String],
    prepared: &Prepared,
    settings: &ValidSettings,
) -> Verdict {
    let ctx = Context {
        draft,
        conversation,
        customer,
        draft_lang: analysis::detect_language(draft),
        sla: Some(sla),
        recent_replies: recent,
    };
    let report = check::run_prepared(&ctx, prepared, settings);
    let mut items: Vec<Item> = report
        .outcomes
        .into_iter()
        .filter_map(|o| {
            let mark = match o.status {
                Status::Pass => Mark::Pass,
                Status::Fail => Mark::Fail,
                Status::Warn => Mark::Warn,
                Status::Off => return None,
            };
            Some(Item {
                id: o.id.id().into(),
                mark,
                title: o.id.title().into(),
                detail: o.detail,
                why: o.id.why(),
                spans: o.spans,
            })
        })
        .collect();
    // Blocking findings first, then warnings, then the rest, each in the checks' order.
    crate::core::sort::sort_by_key(&mut items, |i| match i.mark {
        Mark::Fail => 0,
        Mark::Warn => 1,
        Mark::Manual => 2,
        Mark::Pass => 3,
    });
    let manual = &settings.manual;
    for (n, text) in manual.iter().enumerate() {
        items.push(Item {
            id: format!("manual-{}", n + 1).into(),
            mark: Mark::Manual,
            title: text.clone().into(),
            detail: String::new(),
            why: "",
            spans: Vec::new(),
        });
    }
    let clear = items.iter().all(|i| i.mark == Mark::Pass);
    if clear && !settings.always_show {
        Verdict::Pass
    } else {
        Verdict::Review(Sheet {
            draft: draft.to_owned(),
            items,
        })
    }
}

/// The checklist for a send that came right after a reply went into the composer (Enter
/// pressed twice: the second lands in the composer): one item to confirm, so that a reply the
/// agent has not read in the box is not posted by the slip, whatever else the checks found.
pub fn read_first(draft: &str) -> Verdict {
    Verdict::Review(Sheet {
        draft: draft.to_owned(),
        items: vec![Item {
            id: "just-inserted".into(),
            mark: Mark::Manual,
            title: "I have read the reply just inserted".into(),
            detail: "It went into the reply box a moment before this send.".into(),
            why: "",
            spans: Vec::new(),
        }],
    })
}

/// The saved checklist settings as stored: `Ok(None)` when none are saved, `Err` naming the
/// problem when they cannot be read.
pub async fn load_saved() -> Result<Option<Settings>, String> {
    let Some(v) = platform::storage_get(SETTINGS_KEY).await else {
        return Ok(None);
    };
    if v.is_null() || v.is_undefined() {
        return Ok(None);
    }
    let text = v
        .as_string()
        .ok_or("Waypoint: the saved checklist settings are not text; using the defaults")?;
    serde_json::from_str(&text).map(Some).map_err(|e| {
        format!("Waypoint: the saved checklist settings are not valid ({e}); using the defaults")
    })
}

/// Loads the saved checklist settings, checked: `Ok(None)` when none are saved, `Err` with a
/// message naming the problem when they are broken.
pub async fn load_settings() -> Result<Option<ValidSettings>, String> {
    let Some(settings) = load_saved().await? else {
        return Ok(None);
    };
    settings.validate().map(Some).map_err(|e| {
        format!("Waypoint: the saved checklist settings are not valid ({e}); using the defaults")
    })
}

// Our recent sent replies as kept in this browser, each with when it was sent (see used.js).
#[wasm_bindgen(module = "/src/web/used.js")]
extern "C" {
    /// The texts of those sent within `memory_settings::REPLY_DAYS`, oldest first.
    #[wasm_bindgen(js_name = recentTexts, catch)]
    async fn recent_texts() -> Result<JsValue, JsValue>;
    /// Keeps `text` as sent now (once, the latest; a bounded number).
    #[wasm_bindgen(js_name = noteSent)]
    pub fn note_sent(text: &str);
}

/// Our recent replies kept in this browser: those sent in the last
/// `memory_settings::REPLY_DAYS`, oldest first.
pub async fn load_recent() -> Vec<String> {
    js_sys::Array::from(&recent_texts().await.unwrap_or_default())
        .iter()
        .filter_map(|t| t.as_string())
        .collect()
}

/// Adds a sent reply to the recent ones (most recent last, each once, a bounded number), and
/// returns the text added, as it is kept.
pub fn remember(recent: &mut Vec<String>, draft: &str) -> Option<String> {
    let text: String = draft.trim().chars().take(RECENT_CHARS).collect();
    if text.is_empty() {
        return None;
    }
    recent.retain(|r| *r != text);
    recent.push(text.clone());
    if recent.len() > RECENT_KEPT {
        let extra = recent.len() - RECENT_KEPT;
        recent.drain(..extra);
    }
    Some(text)
}
