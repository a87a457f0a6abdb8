//! The settings page's "You" section: the agent's own name and initials, which replies that
//! sign with them say. The panel asks for them the first time a reply needs them and keeps
//! them in this browser; here they are seen, put right, or cleared (a computer handed to
//! another agent) without opening a reply. They are the agent's, not the team's: the shared
//! settings file leaves them out.

use super::{add, say};
use crate::web::platform;
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// Where the agent's details are kept: an object `{ name, initials }` (the panel writes the
/// same when a reply is inserted).
pub const AGENT_KEY: &str = "waypoint.agent";

/// The id of the section's status line.
pub const STATUS: &str = "agent-status";

const NAME: &str = "agent-name";
const INITIALS: &str = "agent-initials";

/// `(name, initials)` as stored, each empty when there is none.
pub fn of(stored: &JsValue) -> (String, String) {
    let get = |k: &str| {
        js_sys::Reflect::get(stored, &k.into())
            .ok()
            .and_then(|x| x.as_string())
            .unwrap_or_default()
    };
    (get("name"), get("initials"))
}

/// `(name, initials)` as they are stored (what [`of`] reads).
pub fn stored(name: &str, initials: &str) -> JsValue {
    let details = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&details, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&details, &"initials".into(), &initials.into());
    details.into()
}

/// What the status line says once `(name, initials)` are saved.
pub fn saved(name: &str, initials: &str) -> String {
    match (name.is_empty(), initials.is_empty()) {
        (true, true) => "Saved: no name. The panel asks for it when a reply signs with it.".into(),
        (true, false) => {
            format!("Saved. Replies sign with {initials}; one that gives your name asks for it.")
        }
        // A name with no letter to take ("🦄") gives no initials: none said.
        (false, true) => match crate::core::template::initials(name) {
            i if i.is_empty() => format!("Saved. Replies sign as {name}."),
            i => format!("Saved. Replies sign as {name} ({i})."),
        },
        (false, false) => format!("Saved. Replies sign as {name} ({initials})."),
    }
}

/// The field the error `e` of [`crate::core::shared::check_agent`] is about, and the error as
/// the page says it (with its capital).
fn at_fault(e: &str) -> (&'static str, String) {
    let field = if e.starts_with("your initials") {
        INITIALS
    } else {
        NAME
    };
    (field, format!("Y{}", &e[1..]))
}

fn value(doc: &Document, id: &str) -> String {
    doc.get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value().trim().to_owned())
        .unwrap_or_default()
}

/// Shows the stored details in the form; says what is wrong with them, if anything.
async fn show_stored(doc: &Document) {
    let (name, initials) = platform::storage_get(AGENT_KEY)
        .await
        .map(|v| of(&v))
        .unwrap_or_default();
    for (id, v) in [(NAME, &name), (INITIALS, &initials)] {
        if let Some(i) = doc
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            i.set_value(v);
        }
    }
    match crate::core::shared::check_agent(&name, &initials) {
        Ok(()) => super::mark(doc, "", STATUS),
        // Typed in the panel, which takes any name: said here, where it can be put right.
        Err(e) => {
            let (field, e) = at_fault(&e);
            say(doc, STATUS, false, &e);
            super::mark(doc, field, STATUS);
        }
    }
}

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = super::settings_card(
        doc,
        app,
        "card sla-settings",
        "agent",
        "You",
        "Replies that sign with your name or initials say these. The panel asks for them the \
         first time a reply needs them, and keeps them here. They stay in this browser: the \
         team's settings file leaves them out.",
    )?;
    for (id, label, hint, autocomplete) in [
        (NAME, "Your name", "", "name"),
        (
            INITIALS,
            "Your initials",
            "Empty: taken from your name (Sam Rivera signs SR).",
            "off",
        ),
    ] {
        let label = add(doc, &section, "label", "setting", label)?;
        label.set_attribute("for", id)?;
        let input = add(doc, &section, "input", "", "")?;
        input.set_attribute("type", "text")?;
        input.set_id(id);
        input.set_attribute("dir", "auto")?;
        input.set_attribute("autocomplete", autocomplete)?;
        if !hint.is_empty() {
            let hint = add(doc, &section, "p", "hint", hint)?;
            hint.set_id(&format!("{id}-hint"));
            input.set_attribute("aria-describedby", &hint.id())?;
        }
    }
    let [save] = super::actions(
        doc,
        &section,
        [("primary", "Save your details", "agent-save")],
        STATUS,
    )?;

    wasm_bindgen_futures::spawn_local({
        let doc = doc.clone();
        async move { show_stored(&doc).await }
    });
    {
        let doc = doc.clone();
        EventListener::new(&save, "click", move |_| {
            let (name, initials) = (value(&doc, NAME), value(&doc, INITIALS));
            if let Err(e) = crate::core::shared::check_agent(&name, &initials) {
                let (field, e) = at_fault(&e);
                say(&doc, STATUS, false, &e);
                super::mark(&doc, field, STATUS);
                return;
            }
            super::mark(&doc, "", STATUS);
            let doc = doc.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match platform::storage_set(AGENT_KEY, &stored(&name, &initials)).await {
                    Ok(()) => say(&doc, STATUS, true, &saved(&name, &initials)),
                    Err(e) => say(&doc, STATUS, false, &super::not_stored(&e)),
                }
            });
        })
        .forget();
    }
    // The panel saves what the agent types in a reply's form: shown here at once, unless an
    // edit here is not saved yet (kept, and said: saving it replaces the panel's).
    let d = doc.clone();
    let watch = platform::StorageWatch::new(move |changes| {
        if !platform::changed(&changes, AGENT_KEY) {
            return;
        }
        let doc = d.clone();
        let edited = doc
            .get_element_by_id(STATUS)
            .and_then(|s| s.get_attribute("data-ok"))
            .is_some_and(|ok| ok == "changed");
        if edited {
            say(
                &doc,
                STATUS,
                false,
                "Changed: not saved yet. A reply's form saved your details since: saving here \
                 replaces them.",
            );
            super::unsaved(&doc, STATUS);
        } else {
            wasm_bindgen_futures::spawn_local(async move {
                // Unless this page's own save (already shown).
                let before = (value(&doc, NAME), value(&doc, INITIALS));
                show_stored(&doc).await;
                if (value(&doc, NAME), value(&doc, INITIALS)) != before {
                    say(
                        &doc,
                        STATUS,
                        true,
                        "Updated: a reply's form saved your details.",
                    );
                }
            });
        }
    });
    std::mem::forget(watch);
    Ok(())
}
