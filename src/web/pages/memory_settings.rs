//! The settings page's "What Waypoint remembers" section: what the sites' pages keep about
//! conversations in this browser (so that the SLA clock and the checklist stay right across
//! reloads), how much of it there is, and a button that forgets it all (a computer handed to
//! another agent, or an agent who wants none of it kept). Settings are not touched.

use super::{add, say};
use crate::web::platform;
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// The agent's states per conversation ("waiting on customer", "no reply needed"), with the
/// names of the commenters they are for: a JSON object by conversation.
pub const STATES_KEY: &str = "waypoint.sla.states";
/// The same, as Waypoint kept them before states per commenter.
pub const OLD_STATES_KEY: &str = "waypoint.sla.agent";
/// When each message was first seen, per conversation: a JSON object by conversation.
pub const SEEN_KEY: &str = "waypoint.seen";
/// The agent's recent sent replies, for the repeated-reply check: a JSON array.
pub const RECENT_KEY: &str = "waypoint.recent";

/// How long what Waypoint remembers of a conversation (first-seen times, what the agent set)
/// is kept after it was last saved: long enough for a conversation taken up again weeks
/// later, not kept for ever in a browser where the agent stopped answering.
pub const CONVERSATION_DAYS: f64 = 90.0;
/// How long a sent reply is kept for the repeated-reply check: the same words sent a month
/// apart are no copy-and-paste slip, and a reply's words (names, order numbers) are the most
/// personal of what is kept.
pub const REPLY_DAYS: f64 = 30.0;

/// The time (ms since the epoch) before which what was saved `days` ago or more is forgotten.
pub fn kept_since(days: f64) -> f64 {
    js_sys::Date::now() - days * 86_400_000.0
}

/// Everything forgotten.
const KEYS: [&str; 4] = [STATES_KEY, OLD_STATES_KEY, SEEN_KEY, RECENT_KEY];

/// The id of the section's status line.
pub const STATUS: &str = "memory-status";

/// What is still kept under `key`: an object's keys (conversations) saved within
/// [`CONVERSATION_DAYS`], or as many empty entries as an array has replies sent within
/// [`REPLY_DAYS`] (or kept, as an older Waypoint did, without a time); none when there is none
/// or it cannot be read. What is older is removed from storage here, so that it is neither
/// counted nor kept while no site's page saves the list again.
async fn entries(key: &str) -> Vec<String> {
    let Some(text) = platform::storage_get(key).await.and_then(|v| v.as_string()) else {
        return Vec::new();
    };
    let Ok(v) = js_sys::JSON::parse(&text) else {
        return Vec::new();
    };
    let replies = js_sys::Array::is_array(&v);
    let since = kept_since(if replies {
        REPLY_DAYS
    } else {
        CONVERSATION_DAYS
    });
    // An entry is `[time, …]`.
    let kept = |e: &JsValue| {
        e.is_string()
            || js_sys::Reflect::get_u32(e, 0)
                .ok()
                .and_then(|t| t.as_f64())
                .is_some_and(|t| t >= since)
    };
    let (left, value, aged) = if replies {
        let all = js_sys::Array::from(&v);
        let fresh = all.filter(&mut |e, _, _| kept(&e));
        let n = fresh.length();
        (
            vec![String::new(); n as usize],
            fresh.into(),
            n < all.length(),
        )
    } else if v.is_object() {
        let mut keys = Vec::new();
        let mut aged = false;
        let object: js_sys::Object = v.clone().into();
        for k in js_sys::Object::keys(&object).iter() {
            if js_sys::Reflect::get(&v, &k).is_ok_and(|e| kept(&e)) {
                keys.extend(k.as_string());
            } else {
                aged |= js_sys::Reflect::delete_property(&object, &k).unwrap_or(false);
            }
        }
        (keys, v, aged)
    } else {
        return Vec::new();
    };
    if aged {
        if let Some(json) = js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|j| j.as_string())
        {
            // Not written (the quota, say): not counted all the same, as no page applies them;
            // a site's page leaves them out at its next save.
            let _ = platform::storage_set(key, &JsValue::from_str(&json)).await;
        }
    }
    left
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "Kept now: 12 conversations, 4 sent replies."
pub fn kept_line(conversations: u32, replies: u32) -> String {
    if conversations == 0 && replies == 0 {
        return "Nothing is kept now.".into();
    }
    format!(
        "Kept now: {}, {}.",
        plural(conversations, "conversation", "conversations"),
        plural(replies, "sent reply", "sent replies")
    )
}

/// How many conversations (each once, whichever of the three maps, keyed alike, hold it) and
/// sent replies are kept now.
async fn kept() -> (u32, u32) {
    let mut conversations = std::collections::BTreeSet::new();
    for key in [STATES_KEY, OLD_STATES_KEY, SEEN_KEY] {
        conversations.extend(entries(key).await);
    }
    (
        conversations.len() as u32,
        entries(RECENT_KEY).await.len() as u32,
    )
}

async fn show_kept(doc: &Document) {
    let (conversations, replies) = kept().await;
    if let Some(line) = doc.get_element_by_id("memory-kept") {
        line.set_text_content(Some(&kept_line(conversations, replies)));
    }
}

/// The question asked before forgetting: what goes, what it costs, what stays.
fn forget_question(conversations: u32, replies: u32) -> String {
    format!(
        "Forget {} and {}? Pauses and \"no reply needed\" marks are lost, and the checklist \
         no longer knows your recent replies. This cannot be undone; your settings stay.",
        plural(conversations, "conversation", "conversations"),
        plural(replies, "sent reply", "sent replies")
    )
}

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = super::settings_card(
        doc,
        app,
        "card sla-settings",
        "memory",
        "What Waypoint remembers",
        &format!(
            "To keep the SLA clock and the checklist right across reloads, Waypoint keeps in \
             this browser: when it first saw each message of your last 200 conversations; what \
             you set on your last 500 (waiting on the customer, no reply needed), with the \
             names of the commenters it is for; and your last 30 sent replies, so that the \
             checklist can tell when one is sent again. A conversation is forgotten \
             {CONVERSATION_DAYS} days after Waypoint last saved something of it, a sent reply \
             after {REPLY_DAYS} days. Nothing of it leaves this browser, or goes in the \
             settings file."
        ),
    )?;
    add(doc, &section, "p", "", "")?.set_id("memory-kept");
    let [forget] = super::actions(
        doc,
        &section,
        [("", "Forget it all", "memory-forget")],
        STATUS,
    )?;

    wasm_bindgen_futures::spawn_local({
        let doc = doc.clone();
        async move { show_kept(&doc).await }
    });
    let d = doc.clone();
    EventListener::new(&forget, "click", move |_| {
        let doc = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Asked first, with the counts: what is forgotten cannot be had back.
            let (conversations, replies) = kept().await;
            if conversations + replies == 0 {
                say(
                    &doc,
                    STATUS,
                    true,
                    "Nothing is kept: there is nothing to forget.",
                );
                return;
            }
            let question = forget_question(conversations, replies);
            let yes = web_sys::window()
                .and_then(|w| w.confirm_with_message(&question).ok())
                .unwrap_or(false);
            if !yes {
                say(&doc, STATUS, true, "Nothing forgotten.");
                return;
            }
            match platform::storage_remove(&KEYS).await {
                Ok(()) => say(
                    &doc,
                    STATUS,
                    true,
                    "Forgotten; your settings are as they were. A conversation open in a tab \
                     is remembered again from what that tab holds.",
                ),
                Err(e) => say(
                    &doc,
                    STATUS,
                    false,
                    &format!("Not forgotten: the browser could not remove it ({e})."),
                ),
            }
            show_kept(&doc).await;
        });
    })
    .forget();
    // Kept up to date while the page is open (the sites' pages add to it).
    let d = doc.clone();
    let watch = platform::StorageWatch::new(move |changes| {
        if KEYS.iter().any(|k| platform::changed(&changes, k)) {
            let doc = d.clone();
            wasm_bindgen_futures::spawn_local(async move { show_kept(&doc).await });
        }
    });
    std::mem::forget(watch);
    Ok(())
}
