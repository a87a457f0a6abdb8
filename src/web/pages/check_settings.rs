//! The checklist section of the settings page: each check's level (block, warn or off), the
//! team's own questions the agent ticks, whether the checklist shows on every send, the
//! accepted sign-offs and the team's jargon. Saved to this browser's storage under
//! [`SETTINGS_KEY`] only when valid; an invalid form says what is wrong and keeps what was
//! typed.

use super::say;
use super::sla_settings::{set_value, value};
use crate::core::check::form::Form;
use crate::core::check::{CheckId, Level, Settings};
use crate::web::dom;
use crate::web::review::SETTINGS_KEY;
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement};

const LEVELS: [(Level, &str, &str); 3] = [
    (Level::Block, "block", "Block: ask before posting"),
    (Level::Warn, "warn", "Warn: show, do not insist"),
    (Level::Off, "off", "Off"),
];

fn level_id(check: CheckId) -> String {
    format!("check-level-{}", check.id())
}

/// The id of the section's status line (see [`super::say`]).
pub(super) const STATUS: &str = "check-status";

fn checkbox(doc: &Document) -> Option<HtmlInputElement> {
    doc.get_element_by_id("check-always-show")?.dyn_into().ok()
}

fn textarea(
    doc: &Document,
    parent: &Element,
    id: &str,
    label: &str,
    hint: &str,
) -> Result<(), JsValue> {
    let l = dom::el(doc, "label", "setting", label)?;
    l.set_attribute("for", id)?;
    parent.append_child(&l)?;
    let area = doc.create_element("textarea")?;
    area.set_id(id);
    area.set_attribute("rows", "3")?;
    area.set_attribute("dir", "auto")?;
    area.set_attribute("aria-describedby", &format!("{id}-hint"))?;
    parent.append_child(&area)?;
    let h = dom::el(doc, "p", "hint small", hint)?;
    h.set_id(&format!("{id}-hint"));
    parent.append_child(&h)?;
    Ok(())
}

/// Shows `form` in the page's fields.
pub(super) fn fill(doc: &Document, form: &Form) {
    for &(check, level) in &form.levels {
        let v = LEVELS.iter().find(|l| l.0 == level).map_or("off", |l| l.1);
        set_value(doc, &level_id(check), v);
    }
    set_value(doc, "check-manual", &form.manual);
    set_value(doc, "check-signoffs", &form.signoffs);
    set_value(doc, "check-jargon", &form.jargon);
    if let Some(c) = checkbox(doc) {
        c.set_checked(form.always_show);
    }
}

/// Reads the page's fields.
pub(super) fn read(doc: &Document) -> Form {
    Form {
        levels: CheckId::ALL
            .iter()
            .map(|&c| {
                let v = value(doc, &level_id(c));
                let level = LEVELS
                    .iter()
                    .find(|l| l.1 == v)
                    .map_or(c.default_level(), |l| l.0);
                (c, level)
            })
            .collect(),
        manual: value(doc, "check-manual"),
        always_show: checkbox(doc).is_some_and(|c| c.checked()),
        signoffs: value(doc, "check-signoffs"),
        jargon: value(doc, "check-jargon"),
    }
}

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = super::settings_card(
        doc,
        app,
        "card sla-settings check-settings",
        "checklist-settings",
        "Before posting: the checklist",
        "When you press the site's post or send button, Waypoint checks the draft. A \
         blocking check asks you to confirm before posting; a warning is shown without \
         insisting; an unchecked draft with no findings and no questions below posts \
         straight away.",
    )?;

    let table = dom::el(doc, "div", "check-levels", "")?;
    table.set_attribute("role", "group")?;
    table.set_attribute("aria-label", "Level of each check")?;
    for check in CheckId::ALL {
        let row = dom::el(doc, "div", "check-row", "")?;
        row.set_attribute("data-check-id", check.id())?;
        let text = dom::el(doc, "div", "check-text", "")?;
        let l = dom::el(doc, "label", "check-title", check.title())?;
        l.set_attribute("for", &level_id(check))?;
        text.append_child(&l)?;
        let why = dom::el(doc, "p", "hint small", check.why())?;
        why.set_id(&format!("{}-why", level_id(check)));
        text.append_child(&why)?;
        row.append_child(&text)?;
        let select = doc.create_element("select")?;
        select.set_id(&level_id(check));
        select.set_attribute("aria-describedby", &why.id())?;
        for (level, v, label) in LEVELS {
            let text = if level == check.default_level() {
                format!("{label} (default)")
            } else {
                label.to_owned()
            };
            let o = dom::el(doc, "option", "", &text)?;
            o.set_attribute("value", v)?;
            select.append_child(&o)?;
        }
        row.append_child(&select)?;
        table.append_child(&row)?;
    }
    section.append_child(&table)?;

    textarea(
        doc,
        &section,
        "check-manual",
        // Named as the errors name it ("Questions to tick: question 2 …").
        "Questions to tick before posting",
        "One per line. Leave empty for none.",
    )?;
    let always = dom::el(doc, "label", "setting inline", "")?;
    let cb = doc.create_element("input")?;
    cb.set_attribute("type", "checkbox")?;
    cb.set_id("check-always-show");
    always.append_child(&cb)?;
    always.append_child(
        dom::el(
            doc,
            "span",
            "",
            "Show the checklist on every send, even when all is well",
        )?
        .as_ref(),
    )?;
    section.append_child(&always)?;
    textarea(
        doc,
        &section,
        "check-signoffs",
        "Accepted sign-offs",
        "One per line, as written at the end of a reply (^AB, -Sam). Empty with the \
         signature check on: any ^ and initials or a dash and a name counts.",
    )?;
    textarea(
        doc,
        &section,
        "check-jargon",
        "Internal words customers would not know",
        "One per line (RMA, tier 2): the tone check flags them.",
    )?;

    let [save, reset] = super::actions(
        doc,
        &section,
        [
            ("primary", "Save checklist", "check-save"),
            ("", "Restore the default checklist", "check-reset"),
        ],
        STATUS,
    )?;

    if let Ok(form) = Form::of(&Settings::default()) {
        fill(doc, &form);
    }
    {
        let doc = doc.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match crate::web::review::load_saved().await {
                Ok(Some(settings)) => match Form::of(&settings) {
                    Ok(form) => fill(&doc, &form),
                    Err(e) => super::unreadable(
                        &doc,
                        STATUS,
                        "checklist",
                        &format!("The saved checklist is not valid ({e}); showing the defaults."),
                    ),
                },
                Ok(None) => {}
                Err(e) => super::unreadable(&doc, STATUS, "checklist", &e),
            }
        });
    }
    {
        let doc = doc.clone();
        EventListener::new(&save, "click", move |_| match read(&doc).settings() {
            Ok((settings, _)) => {
                let json = serde_json::to_string(&settings).unwrap_or_default();
                super::mark(&doc, "", STATUS);
                // Sign-offs given with their check off would be checked by nothing.
                let idle_signoffs = settings
                    .signature
                    .as_ref()
                    .is_some_and(|s| !s.accepted.is_empty())
                    && settings
                        .validate()
                        .is_ok_and(|v| v.level(CheckId::Signature) == Level::Off);
                let doc = doc.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let saved = if idle_signoffs {
                        "Saved. Open conversations use it from their next send. The sign-offs \
                         are not checked while “Signed off” is Off: set it to Warn or Block \
                         to use them."
                    } else {
                        "Saved. Open conversations use it from their next send."
                    };
                    super::store(&doc, STATUS, SETTINGS_KEY, &json, saved).await;
                    if idle_signoffs {
                        super::as_warning(&doc, STATUS);
                    }
                });
            }
            Err(e) => {
                say(&doc, STATUS, false, &format!("Not saved: {e}"));
                // The box the message is about, by the name it begins with.
                let field = [
                    ("Questions", "check-manual"),
                    ("Internal", "check-jargon"),
                    ("Accepted", "check-signoffs"),
                ]
                .iter()
                .find(|(name, _)| e.starts_with(name))
                .map_or("", |(_, id)| id);
                super::mark(&doc, field, STATUS);
                // The caret on the line at fault ("question 2 repeats question 1"): the
                // lines counted are those with words, as the list counts them.
                let number = e.split_once(": ").and_then(|(_, rest)| {
                    let mut words = rest.split_whitespace();
                    let unit = words.next()?;
                    let n: usize = words.next()?.parse().ok()?;
                    ["question", "phrase", "sign-off"]
                        .contains(&unit)
                        .then_some(n)
                });
                let area = doc
                    .get_element_by_id(field)
                    .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                if let (Some(n), Some(area)) = (number, area) {
                    let value = area.value();
                    let mut at = 0u32;
                    let mut seen = 0;
                    for line in value.split('\n') {
                        if !line.trim().is_empty() {
                            seen += 1;
                            if seen == n {
                                let _ = area.set_selection_range(at, at);
                                break;
                            }
                        }
                        at += line.encode_utf16().count() as u32 + 1;
                    }
                }
            }
        })
        .forget();
    }
    let doc = doc.clone();
    EventListener::new(&reset, "click", move |_| {
        if let Ok(form) = Form::of(&Settings::default()) {
            fill(&doc, &form);
            say(
                &doc,
                STATUS,
                true,
                "The default checklist is back in the form: save to use it.",
            );
            super::unsaved(&doc, STATUS);
        }
    })
    .forget();
    Ok(())
}
