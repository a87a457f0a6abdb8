//! Putting text into the site's own composer, by editor kind — never by site — and checking
//! that the editor really took it (research/sites.md §6). The work is DOM events and
//! selections, done in `composer.js`, which says how each kind of editor is driven; this
//! module binds it. The agent's draft is never replaced: the text goes after what is already
//! there, or where the agent typed the "/words" of the slash search. When no technique took,
//! the text is copied to the clipboard and the caller says so. Nothing is ever posted.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/composer.js")]
extern "C" {
    // `catch` on each: a rejection would otherwise end the whole module (wasm-bindgen
    // unwraps an uncaught one), and Waypoint with it in this tab.
    #[wasm_bindgen(catch, js_name = insertText)]
    async fn insert_text(
        el: &Element,
        text: &str,
        mark: i32,
        around: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = copyText)]
    async fn copy_text(text: &str) -> Result<JsValue, JsValue>;
    /// Makes `button` copy `text` when clicked, saying on itself how it went.
    #[wasm_bindgen(js_name = offerCopy)]
    pub fn offer_copy(button: &Element, text: &str);
    #[wasm_bindgen(catch, js_name = deleteBeforeCaret)]
    fn delete_js(el: &Element, units: u32) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_name = caretMark)]
    fn caret_mark(el: &Element) -> Result<i32, JsValue>;
    #[wasm_bindgen(js_name = solidText)]
    fn solid_text(el: &Element) -> String;
    #[wasm_bindgen(catch, js_name = draftCaret)]
    fn caret_js(el: &Element, back: bool) -> Result<(), JsValue>;
}

/// Remembers where the caret is in the composer `el`, for [`focus_draft`].
pub fn keep_caret(el: &Element) {
    let _ = caret_js(el, false);
}

/// Puts the focus back in the composer `el`, the caret where it was (still there, or as
/// [`keep_caret`] saw it), else at the end of the draft (see composer.js).
pub fn focus_draft(el: &Element) {
    let _ = caret_js(el, true);
}

/// Where a reply picked with the slash search goes: how many characters that are not white
/// space stand before the caret, and the draft without white space at the time. Insertion
/// uses it only while the draft is still that.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    at: i32,
    draft: String,
}

/// The caret's place in `el`, if it is in `el`.
pub fn mark(el: &Element) -> Option<Mark> {
    let at = caret_mark(el).ok().filter(|&at| at >= 0)?;
    Some(Mark {
        at,
        draft: solid_text(el),
    })
}

/// Inserts `text` into the composer `el` (at `mark` while the draft is as it was then, else
/// after the draft; see composer.js for a mark of "/words" the editor deleted), verifies it, and
/// falls back to the clipboard. Returns the page contract's outcome code
/// (`inserted:<kind>:<method>`, `changed:<kind>`, `copied:<kind>`, `failed:<kind>`) and, for
/// a failure, why.
pub async fn insert(el: &Element, text: &str, mark: Option<Mark>) -> (String, Option<String>) {
    let mark = mark.unwrap_or(Mark {
        at: -1,
        draft: String::new(),
    });
    let code = match insert_text(el, text, mark.at, &mark.draft).await {
        Ok(code) => code.as_string().unwrap_or_default(),
        Err(_) => "failed:contenteditable:the page refused".to_owned(),
    };
    match code.strip_prefix("failed:").and_then(|r| r.split_once(':')) {
        Some((kind, why)) => (format!("failed:{kind}"), Some(why.to_owned())),
        None => (code, None),
    }
}

/// Copies `text` to the clipboard (needs the agent's click, which the panel's button gives):
/// `Err` says why it could not.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    match copy_text(text).await.map(|v| v.as_string()) {
        Ok(Some(why)) if !why.is_empty() => Err(why),
        Ok(_) => Ok(()),
        Err(_) => Err("the clipboard refused".to_owned()),
    }
}

/// Deletes the `units` UTF-16 code units just before the caret (the agent's `/words` that
/// opened the template search), as the editor's own delete so its model and undo follow.
/// Returns whether the composer's text got shorter, or is to once the editor applies a
/// deletion it makes a moment later (Lexical; the insertion waits for it).
pub fn delete_before_caret(el: &Element, units: usize) -> bool {
    delete_js(el, units as u32).unwrap_or(false)
}
