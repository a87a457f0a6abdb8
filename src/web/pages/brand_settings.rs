//! The "who is us" section of the settings page: the team's brand accounts (handles or Page
//! names), so that their messages count as ours even where the page does not say so (another
//! agent's reply, a second brand account, a page viewed while logged in as a person).

use crate::web::{dom, platform};
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlTextAreaElement};

/// Where the content script reads the brand accounts from (a JSON array of strings).
pub const BRANDS_KEY: &str = "waypoint.brands";

/// Parses the textarea: one account per line, blank lines and duplicates dropped.
pub fn parse(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
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
        if !out.iter().any(|o| o.eq_ignore_ascii_case(line)) {
            out.push(line.to_owned());
        }
    }
    Ok(out)
}

fn textarea(doc: &Document) -> Option<HtmlTextAreaElement> {
    doc.get_element_by_id("brand-accounts")?.dyn_into().ok()
}

fn say(doc: &Document, ok: bool, message: &str) {
    if let Some(s) = doc.get_element_by_id("brand-status") {
        s.set_text_content(Some(message));
        let _ = s.set_attribute("data-ok", if ok { "true" } else { "false" });
    }
}

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = dom::el(doc, "section", "card sla-settings", "")?;
    let h = dom::el(doc, "h2", "", "Our accounts")?;
    section.append_child(&h)?;
    let hint = dom::el(
        doc,
        "p",
        "hint",
        "Messages from these accounts count as ours: one X or Instagram handle (@AcmeHelp) or Facebook Page name (Acme Coffee) per line.",
    )?;
    section.append_child(&hint)?;
    let label = dom::el(doc, "label", "setting", "Brand accounts")?;
    label.set_attribute("for", "brand-accounts")?;
    let area = doc.create_element("textarea")?;
    area.set_id("brand-accounts");
    area.set_attribute("rows", "3")?;
    section.append_child(&label)?;
    section.append_child(&area)?;
    let actions = dom::el(doc, "div", "form-actions", "")?;
    let save = dom::el(doc, "button", "primary", "Save accounts")?;
    save.set_attribute("type", "button")?;
    save.set_id("brand-save");
    actions.append_child(&save)?;
    section.append_child(&actions)?;
    let status = dom::el(doc, "p", "form-status", "")?;
    status.set_id("brand-status");
    status.set_attribute("role", "status")?;
    section.append_child(&status)?;
    app.append_child(&section)?;

    {
        let doc = doc.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let saved = platform::storage_get(BRANDS_KEY)
                .await
                .and_then(|v| v.as_string())
                .and_then(|s| serde_json::from_str::<Vec<String>>(&s).ok())
                .unwrap_or_default();
            if let Some(t) = textarea(&doc) {
                t.set_value(&saved.join("\n"));
            }
        });
    }
    let doc = doc.clone();
    EventListener::new(&save, "click", move |_| {
        let text = textarea(&doc).map(|t| t.value()).unwrap_or_default();
        match parse(&text) {
            Ok(list) => {
                let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
                let doc = doc.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    platform::storage_set(BRANDS_KEY, &JsValue::from_str(&json)).await;
                    say(&doc, true, "Saved.");
                });
            }
            Err(e) => say(&doc, false, &e),
        }
    })
    .forget();
    Ok(())
}
