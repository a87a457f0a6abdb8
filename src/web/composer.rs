//! Putting text into the site's own composer, by editor kind — never by site — and checking
//! that the editor really took it (research/sites.md §6):
//!
//! - `<textarea>`/`<input>` (X Chat, Instagram comments): the caret goes to the end and
//!   `execCommand("insertText")` types the text (a trusted input event, on the undo stack); if
//!   the value did not change, the value is set and an `input` event tells the site's React.
//! - Lexical (Facebook, Messenger, Instagram DMs): a `beforeinput` with
//!   `insertReplacementText` and the text in a `DataTransfer`, which Lexical inserts through its
//!   own state; then a synthetic paste; then `execCommand`.
//! - Draft.js (X posts): a synthetic paste with `text/plain`, which Draft's paste handler turns
//!   into editor state; then `execCommand`.
//! - Any other contenteditable: `execCommand("insertText")`.
//!
//! The agent's draft is never replaced: the text goes after what is already there. Each
//! attempt is verified by reading the editor back; when none took, the text is copied to the
//! clipboard and the caller says so. Nothing is ever posted.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    ClipboardEvent, ClipboardEventInit, DataTransfer, Document, Element, HtmlDocument, HtmlElement,
    HtmlInputElement, HtmlTextAreaElement, InputEvent, InputEventInit,
};

/// The kind of editor behind a composer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorKind {
    /// A `<textarea>` or `<input>`.
    Field,
    /// Meta's Lexical (`[data-lexical-editor]`).
    Lexical,
    /// Draft.js (`.DraftEditor-root`, `[data-contents]`).
    Draft,
    /// Any other contenteditable.
    Plain,
}

impl EditorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EditorKind::Field => "field",
            EditorKind::Lexical => "lexical",
            EditorKind::Draft => "draft",
            EditorKind::Plain => "contenteditable",
        }
    }
}

/// Which editor `el` is.
pub fn kind(el: &Element) -> EditorKind {
    let tag = el.tag_name().to_ascii_lowercase();
    if tag == "textarea" || tag == "input" {
        EditorKind::Field
    } else if el
        .closest("[data-lexical-editor=\"true\"]")
        .ok()
        .flatten()
        .is_some()
    {
        EditorKind::Lexical
    } else if el.closest(".DraftEditor-root").ok().flatten().is_some()
        || el
            .query_selector("[data-contents=\"true\"]")
            .ok()
            .flatten()
            .is_some()
    {
        EditorKind::Draft
    } else {
        EditorKind::Plain
    }
}

/// What happened to an insertion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The editor holds the text; `method` says which technique took.
    Inserted {
        kind: EditorKind,
        method: &'static str,
    },
    /// No technique took; the text was copied to the clipboard for the agent to paste.
    Copied { kind: EditorKind },
    /// No technique took and the clipboard refused too: the panel shows the text to copy.
    Failed { kind: EditorKind, reason: String },
}

/// The text an editor shows, with whitespace collapsed, for verification.
pub fn editor_text(el: &Element) -> String {
    let raw = if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(h) = el.dyn_ref::<HtmlElement>() {
        h.inner_text()
    } else {
        el.text_content().unwrap_or_default()
    };
    normalise(&raw)
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn html_document(doc: &Document) -> Option<HtmlDocument> {
    doc.clone().dyn_into::<HtmlDocument>().ok()
}

fn exec_insert(doc: &Document, text: &str) -> bool {
    html_document(doc)
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false)
}

/// Focuses `el` and puts the caret after its content.
fn caret_to_end(doc: &Document, el: &Element) -> Result<(), JsValue> {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        h.focus()?;
    }
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        let n = t.value().encode_utf16().count() as u32;
        return t.set_selection_range(n, n);
    }
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        let n = i.value().encode_utf16().count() as u32;
        return i.set_selection_range(n, n);
    }
    let selection = doc
        .default_view()
        .and_then(|w| w.get_selection().ok().flatten())
        .ok_or_else(|| JsValue::from_str("no selection"))?;
    selection.select_all_children(el)?;
    selection.collapse_to_end()
}

fn transfer(text: &str) -> Result<DataTransfer, JsValue> {
    let dt = DataTransfer::new()?;
    dt.set_data("text/plain", text)?;
    Ok(dt)
}

fn fire_paste(el: &Element, text: &str) -> Result<(), JsValue> {
    let init = ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&transfer(text)?));
    let event = ClipboardEvent::new_with_event_init_dict("paste", &init)?;
    el.dispatch_event(&event)?;
    Ok(())
}

fn fire_beforeinput(el: &Element, text: &str) -> Result<(), JsValue> {
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_input_type("insertReplacementText");
    init.set_data_transfer(Some(&transfer(text)?));
    let event = InputEvent::new_with_event_init_dict("beforeinput", &init)?;
    el.dispatch_event(&event)?;
    Ok(())
}

fn set_field(el: &Element, value: &str) -> Result<(), JsValue> {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(value);
    } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(value);
    }
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type("insertText");
    init.set_data(Some(value));
    let event = InputEvent::new_with_event_init_dict("input", &init)?;
    el.dispatch_event(&event)?;
    Ok(())
}

/// Lets the editor apply what it was sent (Lexical commits in a microtask, React may batch).
async fn settle() {
    TimeoutFuture::new(30).await;
}

/// Inserts `text` into the composer `el` after what it already holds, verifies it, and falls
/// back to the clipboard.
pub async fn insert(doc: &Document, el: &Element, text: &str) -> Outcome {
    let kind = kind(el);
    let before = editor_text(el);
    let piece = if before.is_empty() {
        text.to_owned()
    } else {
        format!(" {text}")
    };
    let (start, end) = (before.clone(), normalise(text));
    let took = |el: &Element| {
        let now = editor_text(el);
        now.starts_with(&start) && now.ends_with(&end) && now.len() >= start.len() + end.len()
    };

    type Attempt = fn(&Document, &Element, &str) -> Result<(), JsValue>;
    let exec: Attempt = |doc, _el, t| {
        exec_insert(doc, t);
        Ok(())
    };
    let paste: Attempt = |_doc, el, t| fire_paste(el, t);
    let beforeinput: Attempt = |_doc, el, t| fire_beforeinput(el, t);
    let attempts: &[(&'static str, Attempt)] = match kind {
        EditorKind::Field => &[("execCommand", exec)],
        EditorKind::Lexical => &[
            ("beforeinput", beforeinput),
            ("paste", paste),
            ("execCommand", exec),
        ],
        EditorKind::Draft => &[("paste", paste), ("execCommand", exec)],
        EditorKind::Plain => &[("execCommand", exec), ("paste", paste)],
    };
    for (method, attempt) in attempts {
        if caret_to_end(doc, el).is_err() {
            break;
        }
        let current = editor_text(el);
        if current != before && !current.is_empty() {
            // A previous attempt changed the editor without matching: stop before we add twice.
            break;
        }
        let _ = attempt(doc, el, &piece);
        settle().await;
        if took(el) {
            return Outcome::Inserted { kind, method };
        }
    }
    if kind == EditorKind::Field && editor_text(el) == before {
        let full = format!("{}{piece}", field_value(el));
        if set_field(el, &full).is_ok() {
            settle().await;
            if took(el) {
                return Outcome::Inserted {
                    kind,
                    method: "value",
                };
            }
        }
    }
    match copy_to_clipboard(text).await {
        Ok(()) => Outcome::Copied { kind },
        Err(reason) => Outcome::Failed { kind, reason },
    }
}

fn field_value(el: &Element) -> String {
    el.dyn_ref::<HtmlTextAreaElement>()
        .map(|t| t.value())
        .or_else(|| el.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
        .unwrap_or_default()
}

/// Copies `text` to the clipboard (needs the agent's click, which the panel's button gives).
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| {
            e.as_string()
                .or_else(|| {
                    js_sys::Reflect::get(&e, &"message".into())
                        .ok()?
                        .as_string()
                })
                .unwrap_or_else(|| "the clipboard refused".to_owned())
        })
}

/// Deletes the `units` UTF-16 code units just before the caret (the agent's `/words` that
/// opened the template search), as the editor's own delete so its model and undo follow.
/// Returns whether the composer's text got shorter.
pub fn delete_before_caret(doc: &Document, el: &Element, units: usize) -> Result<bool, JsValue> {
    let before = editor_text(el).chars().count();
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        let end = t.selection_end()?.unwrap_or(0);
        let start = end.saturating_sub(units as u32);
        t.set_selection_range(start, end)?;
    } else {
        let selection = doc
            .default_view()
            .and_then(|w| w.get_selection().ok().flatten())
            .ok_or_else(|| JsValue::from_str("no selection"))?;
        // Extends by characters; a trigger never holds surrogate pairs except in letters the
        // query allows, where one character may be two units: stop once the text is covered.
        let mut covered = 0;
        while covered < units {
            let len_before = selection.to_string().length() as usize;
            selection.modify("extend", "backward", "character")?;
            let len_after = selection.to_string().length() as usize;
            if len_after <= len_before {
                break;
            }
            covered = len_after;
        }
    }
    let deleted = html_document(doc)
        .and_then(|d| d.exec_command("delete").ok())
        .unwrap_or(false);
    Ok(deleted && editor_text(el).chars().count() < before)
}
