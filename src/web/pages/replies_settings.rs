//! The settings page's "Your replies" section: the team's own replies, written as
//! [`own`](crate::core::library::own) reads them, beside the built-in library. Text with any
//! problem is refused with its line and stays in the box.

use super::brand_settings::{render_list, List};
use crate::core::library::own;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// Where the content script reads the replies from (a JSON array of one string, the text as
/// written; none or empty for none).
pub const REPLIES_KEY: &str = "waypoint.replies";

/// The id of the section's status line.
pub const STATUS: &str = "replies-status";

/// Checks the box's text: the text to keep (none when blank), or what is wrong and where.
pub fn parse(text: &str) -> Result<Vec<String>, String> {
    own::parse(text)?;
    Ok(Some(text.trim_end())
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned)
        .into_iter()
        .collect())
}

/// "Saved: 3 replies; 2 suggested for their scenarios, all found by the search."
fn saved(items: &[String]) -> String {
    let replies = items
        .first()
        .and_then(|t| own::parse(t).ok())
        .unwrap_or_default();
    let (n, k) = (
        replies.len(),
        replies.iter().filter(|r| !r.scenarios.is_empty()).count(),
    );
    let what = if n == 1 {
        "1 reply".to_owned()
    } else {
        format!("{n} replies")
    };
    let their = |k: usize| if k == 1 { "its" } else { "their" };
    let said = match (n, k) {
        (0, _) => "Saved: no replies of your own.".to_owned(),
        (_, 0) => format!(
            "Saved: {what}, found by the search (none names a scenario, so none is suggested)."
        ),
        _ if k == n => format!(
            "Saved: {what}, suggested for {} scenarios and found by the search.",
            their(n)
        ),
        _ => format!(
            "Saved: {what}; {k} suggested for {} scenarios, all found by the search.",
            their(k)
        ),
    };
    format!("{said}{}", too_long(&replies))
}

/// " Over X's 280 characters once filled in: “Returns” (up to 297). …", or nothing: saved all
/// the same (Facebook and Instagram take more), and said before the checklist says it on X.
fn too_long(replies: &[own::OwnReply]) -> String {
    let over = own::too_long_for_x(replies);
    if over.is_empty() {
        return String::new();
    }
    let named: Vec<String> = over
        .iter()
        .take(3)
        .map(|(title, len)| format!("“{title}” (up to {len})"))
        .collect();
    let more = match over.len().saturating_sub(3) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let max = crate::core::textlen::limit(
        crate::core::conversation::Site::X,
        crate::core::conversation::Surface::Post,
    )
    .max;
    format!(
        " Over X's {max} characters once filled in: {}{more}; on X the checklist will ask to \
         shorten {}.",
        named.join(", "),
        if over.len() == 1 { "it" } else { "them" }
    )
}

static LIST: List = List {
    ids: ["replies", "replies-save", STATUS],
    one_line: false,
    rows: "12",
    label: "Your replies",
    hint:
        "Begin each reply with a line \"# Title [scenario]\"; the lines below are the reply, and a \
           line \"DM:\" begins its direct-message form. Names and details go in braces, as in the \
           built-in replies: {customer.first_name|there} (after the bar, what to say when it is \
           unknown), {customer.name}, {customer.handle}, {agent.name}, {agent.first_name}, \
           {agent.initials}, {brand.name}, {site.name}, {wait} (how long they have waited, in \
           words; {wait.minutes} in minutes), and a fill-in you complete before inserting, \
           {?order:Order number}. The panel's search and the slash \
           search find them by title. One given a scenario is suggested for it, ahead of the \
           built-in replies when it shares words with what the customer wrote (a reply about \
           torn bags, for \"my bag arrived torn\").",
    save: "Save replies",
    key: REPLIES_KEY,
    parse,
    saved,
    warns,
    // The pages use the replies that have no problem (`install_own`).
    refused: "Not in use until mended (the replies without a problem are): ",
};

/// Saved with replies that can run over X's limit ([`too_long`] says which).
fn warns(items: &[String]) -> bool {
    items
        .first()
        .and_then(|t| own::parse(t).ok())
        .is_some_and(|r| !own::too_long_for_x(&r).is_empty())
}

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = super::settings_card(
        doc,
        app,
        "card sla-settings",
        "own-replies",
        "Your replies",
        "",
    )?;
    render_list(doc, &section, &LIST)?;
    if let Some(area) = doc.get_element_by_id("replies") {
        area.set_attribute(
            "placeholder",
            "# Opening hours [how-to]\nWe're open 9 to 5 on weekdays, {customer.first_name|there}. \
             ^{agent.initials}\nDM:\nHi {customer.first_name|there}, we're open 9 to 5 on \
             weekdays.\n\n{agent.first_name}",
        )?;
        area.set_attribute("spellcheck", "true")?;
    }
    // The scenarios a title may name, below the hint.
    let ids: Vec<&str> = crate::core::scenario::Scenario::ALL
        .iter()
        .map(|s| s.id())
        .collect();
    let scenarios =
        crate::web::dom::el(doc, "p", "hint", &format!("Scenarios: {}.", ids.join(", ")))?;
    if let Some(hint) = doc.get_element_by_id("replies-hint") {
        hint.after_with_node_1(&scenarios)?;
    }
    Ok(())
}
