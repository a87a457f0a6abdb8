//! The "who is us" section of the settings page: the team's brand accounts (handles or Page
//! names), so that their messages count as ours even where the page does not say so (another
//! agent's reply, a second brand account, a page viewed while logged in as a person); and how
//! the team's automatic messages begin (instant replies, away messages), so that they do not
//! count as an answer.

use super::say;
use crate::web::{dom, platform};
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement, HtmlTextAreaElement};

/// Where the content script reads the brand accounts from (a JSON array of strings).
pub const BRANDS_KEY: &str = "waypoint.brands";
/// Where it reads the starts of the automatic messages from (a JSON array of strings).
pub const AUTOMATIC_KEY: &str = "waypoint.automatic";

/// Where the reply templates read the brand's name from (`{brand.name}`; a JSON array of one
/// string, or none).
pub const BRAND_NAME_KEY: &str = "waypoint.brand-name";

/// Parses the brand name's box: one line of at most 80 characters, or nothing.
pub fn parse_name(text: &str) -> Result<Vec<String>, String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    match lines.as_slice() {
        [] => Ok(Vec::new()),
        // As the shared file's brand name is checked, said with the page's capital.
        [one] => match crate::core::shared::check_brand_name(one) {
            Ok(()) => Ok(vec![(*one).to_owned()]),
            Err(e) => Err(format!("B{}", &e[1..])),
        },
        _ => Err(
            "Brand name: one line only (the name your replies say, such as Acme Coffee)".to_owned(),
        ),
    }
}

/// [`parse_name`] for a save or an import: a template's braces ("Acme {customer.name}") are
/// refused too. Replies would say them as they are (a value is text, never read as a
/// template), and the checklist would hold every reply for a placeholder (a hands-on review).
pub fn parse_new_name(text: &str) -> Result<Vec<String>, String> {
    if text.bytes().any(|b| b == b'{' || b == b'}') {
        return Err(
            "Brand name: holds { or }, which replies would show as they are: write the name alone"
                .to_owned(),
        );
    }
    parse_name(text)
}

/// Parses the brand accounts' textarea: one account per line, blank lines and duplicates
/// dropped.
pub fn parse(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    // Each account once, told by its normalised form (a set: a list of thousands is not
    // compared line by line with every other).
    let mut seen = std::collections::BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.chars().count() > 80 {
            return Err(format!(
                "Brand accounts, line {}: longer than 80 characters",
                n + 1
            ));
        }
        // "@acme help" or "@@acme": no account would ever match it, and nothing said so (a
        // hands-on review). A Page name has spaces, and no "@".
        if let Some(handle) = line.strip_prefix(['@', '＠']) {
            let handle_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
            if handle.is_empty() || !handle.chars().all(handle_char) {
                return Err(format!(
                    "Brand accounts, line {}: \"{line}\" is not an @handle (after one @, \
                     only letters, digits, _ and .); a Facebook Page name is written without @",
                    n + 1
                ));
            }
        }
        // The same account however written ("@Acme", "acme", "x.com/acme") is kept once.
        if seen.insert(crate::core::reading::normalise_handle(line)) {
            out.push(line.to_owned());
        }
    }
    Ok(out)
}

/// A saved list (empty when there is none or it cannot be read).
pub async fn saved_list(key: &str) -> Vec<String> {
    stored(key).await.ok().flatten().unwrap_or_default()
}

/// What is stored under `key`, read from its JSON text: `Ok(None)` when nothing is, `Err`
/// when something is that cannot be read (not text, or not the setting).
pub(crate) async fn stored<T: serde::de::DeserializeOwned>(key: &str) -> Result<Option<T>, ()> {
    match platform::storage_get(key).await {
        None => Ok(None),
        Some(v) if v.is_undefined() || v.is_null() => Ok(None),
        Some(v) => v
            .as_string()
            .and_then(|s| serde_json::from_str(&s).ok())
            .map(Some)
            .ok_or(()),
    }
}

/// One list a section edits: a textarea (a one-line box for a single value), its save
/// button and what saving said.
pub(super) struct List {
    /// The ids of the box, its save button and its status line.
    pub ids: [&'static str; 3],
    /// A single value: a one-line text box.
    pub one_line: bool,
    /// The textarea's height in lines.
    pub rows: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub save: &'static str,
    pub key: &'static str,
    pub parse: fn(&str) -> Result<Vec<String>, String>,
    /// What the status line says once the list is saved.
    pub saved: fn(&[String]) -> String,
    /// Whether what it says is a warning (saved, with something to look at): shown as one.
    pub warns: fn(&[String]) -> bool,
    /// What the status line says before the problems of a text saved once and refused now.
    pub refused: &'static str,
}

/// [`List::refused`] of a list the sites' pages do without while it is refused.
const UNUSED: &str = "Not in use until mended: ";

fn no_warning(_: &[String]) -> bool {
    false
}

fn saved(_: &[String]) -> String {
    "Saved.".to_owned()
}

const LISTS: [List; 3] = [
    List {
        ids: ["brand-name", "brand-name-save", "brand-name-status"],
        one_line: true,
        rows: "1",
        label: "Brand name",
        hint: "The name replies give your service (\"Acme Coffee isn't working right now\"); empty: \"our service\".",
        save: "Save name",
        key: BRAND_NAME_KEY,
        parse: parse_new_name,
        saved,
        warns: no_warning,
        refused: UNUSED,
    },
    List {
        ids: ["brand-accounts", "brand-save", "brand-status"],
        one_line: false,
        rows: "3",
        label: "Brand accounts",
        hint: "Messages from these accounts count as ours: one X or Instagram handle (@AcmeHelp) or Facebook Page name (Acme Coffee) per line.",
        save: "Save accounts",
        key: BRANDS_KEY,
        parse,
        saved,
        warns: no_warning,
        refused: UNUSED,
    },
    List {
        ids: ["automatic", "automatic-save", "automatic-status"],
        one_line: false,
        rows: "3",
        label: "Automatic messages",
        hint: "Instant replies and away messages are not an answer: the SLA clock keeps running and the suggestions do not treat them as a reply. Paste how each begins (at least 12 characters), one per line.",
        save: "Save automatic messages",
        key: AUTOMATIC_KEY,
        parse: crate::core::reading::parse_automatic,
        saved,
        warns: no_warning,
        refused: UNUSED,
    },
];

/// The line an error names ("Your replies, line 12: …"), and the column when it names one
/// on that line ("… at 12:7 …"), 1-based.
fn error_place(e: &str) -> Option<(usize, usize)> {
    let (_, rest) = e.split_once(", line ")?;
    let line: usize = rest.split(':').next()?.parse().ok()?;
    let column = e
        .split_once(&format!(" at {line}:"))
        .and_then(|(_, c)| {
            c.split(|ch: char| !ch.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or(1);
    Some((line, column))
}

/// `e` with each place it names ("at 2:13") said as a person counts the characters of that
/// line of `text`: the parser counts Unicode scalar values, so each emoji with a skin tone, a
/// flag, or a letter with a combining accent before the fault added one or more (a hands-on
/// review: "👍🏽 Thanks! {customer.first_nam}" said 2:13 for the 12th character). The browser's
/// own grapheme segmentation counts, as the box shows them.
fn shown_columns(e: &str, text: &str) -> String {
    // Only an error that names lines of the box ("Your replies, line 2: …") names places.
    if error_place(e).is_none() {
        return e.to_owned();
    }
    let segmenter = js_sys::Intl::Segmenter::new(&js_sys::Array::new(), &js_sys::Object::new());
    let lines: Vec<&str> = text.split('\n').collect();
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let mut out = String::with_capacity(e.len());
    let mut rest = e;
    while let Some(i) = rest.find(" at ") {
        out.push_str(&rest[..i + 4]);
        rest = &rest[i + 4..];
        let n = digits(rest);
        let Some(after) = rest[n..].strip_prefix(':') else {
            continue;
        };
        let m = digits(after);
        let (Ok(line), Ok(column)) = (rest[..n].parse::<usize>(), after[..m].parse::<usize>())
        else {
            continue;
        };
        let Some(on) = line.checked_sub(1).and_then(|l| lines.get(l)) else {
            continue;
        };
        let before: String = on.chars().take(column.saturating_sub(1)).collect();
        let shown = js_sys::Array::from(&segmenter.segment(&before)).length() as usize + 1;
        out.push_str(&format!("{line}:{shown}"));
        rest = &after[m..];
    }
    out.push_str(rest);
    out
}

/// Puts the caret at `column` of line `line` (both 1-based, columns in characters) of `area`,
/// counted as the box counts (UTF-16).
fn place_caret(area: &HtmlTextAreaElement, (line, column): (usize, usize)) {
    let value = area.value();
    let mut start = 0u32;
    for (i, text) in value.split('\n').enumerate() {
        if i + 1 == line {
            let before: String = text.chars().take(column.saturating_sub(1)).collect();
            let at = start + before.encode_utf16().count() as u32;
            area.set_selection_range(at, at).ok();
            return;
        }
        start += text.encode_utf16().count() as u32 + 1;
    }
}

fn by_id<T: JsCast>(doc: &Document, id: &str) -> Option<T> {
    doc.get_element_by_id(id)?.dyn_into().ok()
}

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = super::settings_card(doc, app, "card sla-settings", "brand", "Our accounts", "")?;
    for list in &LISTS {
        render_list(doc, &section, list)?;
    }
    Ok(())
}

/// Builds `list`'s label, box, save button and status line into `section`.
pub(super) fn render_list(
    doc: &Document,
    section: &Element,
    list: &'static List,
) -> Result<(), JsValue> {
    let [area_id, save_id, status_id] = list.ids;
    let hint = dom::el(doc, "p", "hint", list.hint)?;
    hint.set_id(&format!("{area_id}-hint"));
    section.append_child(&hint)?;
    let label = dom::el(doc, "label", "setting", list.label)?;
    label.set_attribute("for", area_id)?;
    let area = if list.one_line {
        let input = doc.create_element("input")?;
        input.set_attribute("type", "text")?;
        input
    } else {
        let area = doc.create_element("textarea")?;
        area.set_attribute("rows", list.rows)?;
        area
    };
    area.set_id(area_id);
    // Each line in its own direction (a Hebrew reply beside English ones).
    area.set_attribute("dir", "auto")?;
    area.set_attribute("aria-describedby", &hint.id())?;
    section.append_child(&label)?;
    section.append_child(&area)?;
    let [save] = super::actions(doc, section, [("primary", list.save, save_id)], status_id)?;

    {
        let doc = doc.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let saved = saved_list(list.key).await;
            let text = saved.join(if list.one_line { " " } else { "\n" });
            if let Some(t) = by_id::<HtmlTextAreaElement>(&doc, area_id) {
                t.set_value(&text);
            } else if let Some(i) = by_id::<HtmlInputElement>(&doc, area_id) {
                i.set_value(&text);
            }
            // Saved once, refused now (edited by hand, or a newer Waypoint checks more): the
            // pages go on without it, and this says so where it can be mended.
            if let Err(e) = (list.parse)(&text) {
                say(&doc, status_id, false, &format!("{}{e}", list.refused));
                if let Some(area) = doc.get_element_by_id(area_id) {
                    let _ = area.set_attribute("aria-invalid", "true");
                }
            }
        });
    }
    let doc = doc.clone();
    EventListener::new(&save, "click", move |_| {
        let text = by_id::<HtmlTextAreaElement>(&doc, area_id)
            .map(|t| t.value())
            .or_else(|| by_id::<HtmlInputElement>(&doc, area_id).map(|i| i.value()))
            .unwrap_or_default();
        // A list that cannot be saved leaves the saved one as it was, and the text in the box.
        match (list.parse)(&text) {
            Ok(items) => {
                let json = serde_json::to_string(&items).unwrap_or_else(|_| "[]".into());
                super::mark(&doc, "", status_id);
                let doc = doc.clone();
                // Accounts written twice (a link and a handle of one account) are kept once:
                // said, or the line the agent pasted vanishes at the next visit unexplained.
                let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
                let mut said = (list.saved)(&items);
                match lines.saturating_sub(items.len()) {
                    0 => {}
                    n if list.key == BRANDS_KEY => said.push_str(&if n == 1 {
                        " One line named an account already in the list: kept once.".to_owned()
                    } else {
                        format!(" {n} lines named accounts already in the list: kept once.")
                    }),
                    _ => {}
                }
                wasm_bindgen_futures::spawn_local(async move {
                    super::store(&doc, status_id, list.key, &json, &said).await;
                    if (list.warns)(&items) {
                        super::as_warning(&doc, status_id);
                    }
                });
            }
            Err(e) => {
                say(&doc, status_id, false, &shown_columns(&e, &text));
                // The caret where the error is (its line, and its column when it names one),
                // in a long box; the focus that follows brings it into view.
                if let (Some(place), Some(t)) =
                    (error_place(&e), by_id::<HtmlTextAreaElement>(&doc, area_id))
                {
                    place_caret(&t, place);
                }
                super::mark(&doc, area_id, status_id);
            }
        }
    })
    .forget();
    Ok(())
}
