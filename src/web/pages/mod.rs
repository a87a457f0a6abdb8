//! The extension's own pages, rendered by Rust into the `#app` element of their HTML shells
//! (`extension/options.html`, `extension/practice.html`). They run under the manifest's
//! `extension_pages` CSP, which allows WebAssembly.

pub mod agent_settings;
pub mod brand_settings;
pub mod check_settings;
pub mod memory_settings;
pub mod replies_settings;
pub mod share;
pub mod sla_settings;

use crate::core::conversation::Site;
use crate::web::{dom, platform, Mode};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Renders `page` into `#app` and marks it ready (`data-page`, `data-mode`, `data-ready`).
pub fn boot(page: &str, mode: Mode) -> Result<(), JsValue> {
    let doc = dom::document()?;
    let app = doc
        .get_element_by_id("app")
        .ok_or_else(|| JsValue::from_str("Waypoint: the page has no #app element"))?;
    app.set_text_content(None);
    match page {
        #[cfg(feature = "options")]
        "options" => options(&doc, &app, mode)?,
        #[cfg(feature = "content")]
        "practice" => practice(&doc, &app, mode)?,
        other => {
            return Err(JsValue::from_str(&format!(
                "Waypoint: this module does not render the extension page “{other}”"
            )))
        }
    }
    app.set_attribute("data-page", page)?;
    app.set_attribute("data-mode", mode.as_str())?;
    app.set_attribute("data-ready", "true")?;
    Ok(())
}

fn add(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let e = dom::el(doc, tag, class, text)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// A settings section appended to `app`: a card named by its heading (a region a screen
/// reader lists by that name; the heading's id is `{id}-title`), with a hint below the
/// heading when `hint` is not empty.
fn settings_card(
    doc: &Document,
    app: &Element,
    class: &str,
    id: &str,
    heading: &str,
    hint: &str,
) -> Result<Element, JsValue> {
    let section = add(doc, app, "section", class, "")?;
    section.set_id(id);
    let h = add(doc, &section, "h2", "", heading)?;
    h.set_id(&format!("{id}-title"));
    section.set_attribute("aria-labelledby", &h.id())?;
    if !hint.is_empty() {
        add(doc, &section, "p", "hint", hint)?;
    }
    Ok(section)
}

/// A part's buttons (`(class, label, id)`, the first its main one) in a row, and its status
/// line `status_id` below them (said to assistive technology), appended to `section`; the
/// buttons, in order.
fn actions<const N: usize>(
    doc: &Document,
    section: &Element,
    buttons: [(&str, &str, &str); N],
    status_id: &str,
) -> Result<[Element; N], JsValue> {
    let row = add(doc, section, "div", "form-actions", "")?;
    let mut made = Vec::with_capacity(N);
    for (class, label, id) in buttons {
        let b = add(doc, &row, "button", class, label)?;
        b.set_attribute("type", "button")?;
        b.set_id(id);
        made.push(b);
    }
    let status = add(doc, section, "p", "form-status", "")?;
    status.set_id(status_id);
    status.set_attribute("role", "status")?;
    made.try_into()
        .map_err(|_| JsValue::from_str("Waypoint: a settings part's buttons were not made"))
}

/// Shows `message` in the status line `status_id` of a settings section, marked as a success
/// or a failure (`data-ok`, which the page's style colours). One for every section.
fn say(doc: &Document, status_id: &str, ok: bool, message: &str) {
    if let Some(s) = doc.get_element_by_id(status_id) {
        s.set_text_content(Some(message));
        let _ = s.set_attribute("data-ok", if ok { "true" } else { "false" });
    }
}

/// Stores `json` under `key` and says how it went in the status line `status_id`: `saved`, or
/// why the browser did not store it. Then the part stays marked as not saved (leaving the page
/// asks first) and what was typed stays in the form, to save again.
async fn store(doc: &Document, status_id: &str, key: &str, json: &str, saved: &str) {
    match platform::storage_set(key, &JsValue::from_str(json)).await {
        Ok(()) => {
            readable(doc, status_id);
            say(doc, status_id, true, saved)
        }
        Err(e) => say(doc, status_id, false, &not_stored(&e)),
    }
}

/// Turns a "Saved." in the status line `status_id` into a warning (saved, with something to
/// look at): shown in amber, `data-ok="warn"`. A failed store stays a failure.
fn as_warning(doc: &Document, status_id: &str) {
    if let Some(s) = doc.get_element_by_id(status_id) {
        if s.get_attribute("data-ok").as_deref() == Some("true") {
            let _ = s.set_attribute("data-ok", "warn");
        }
    }
}

/// Said when the browser did not store a setting, with its reason.
fn not_stored(reason: &str) -> String {
    format!("Not saved: the browser could not store it ({reason}). What you typed is still here.")
}

/// "Waypoint 0.1.0 · running as WebAssembly", from the manifest when available.
fn running_line(doc: &Document, parent: &Element, mode: Mode) -> Result<(), JsValue> {
    let version = platform::extension_version().unwrap_or_else(|| crate::core::VERSION.to_owned());
    let line = add(doc, parent, "p", "running", "")?;
    line.set_attribute("data-mode", mode.as_str())?;
    add(doc, &line, "span", "dot", "")?.set_attribute("aria-hidden", "true")?;
    add(
        doc,
        &line,
        "span",
        "",
        &format!("Waypoint {version} is running as {}.", mode.label()),
    )?;
    Ok(())
}

/// What to set first, for someone who opens the page for the first time: the three parts
/// that matter, linked, the rest said to be optional, and the practice page.
fn start_here(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let card = settings_card(
        doc,
        app,
        "card",
        "start",
        "Start here",
        "Waypoint works as it comes. Three things make it yours:",
    )?;
    let steps = add(doc, &card, "ol", "steps", "")?;
    for (href, part, why) in [
        (
            "#brand",
            "Our accounts",
            ": your brand's name and its accounts, so your own posts are not read as a customer's.",
        ),
        ("#agent", "You", ": your name, to sign your replies."),
        (
            "#sla",
            "Response-time targets",
            ": how soon you answer; set your business hours here if you keep them.",
        ),
    ] {
        let li = add(doc, &steps, "li", "", "")?;
        add(doc, &li, "a", "", part)?.set_attribute("href", href)?;
        li.append_child(&doc.create_text_node(why))?;
    }
    // The questions asked by default: a one-person shop ticks them at every send.
    let asked = crate::core::check::Settings::default().manual;
    let p = add(
        doc,
        &card,
        "p",
        "",
        &format!(
            "Everything else is optional. Before each send, the checklist asks you to tick {} \
             (“{}”): change or remove them under ",
            match asked.len() {
                1 => "a question".to_owned(),
                n => format!("{n} questions"),
            },
            asked.first().map_or("", String::as_str)
        ),
    )?;
    add(doc, &p, "a", "", "the checklist")?.set_attribute("href", "#checklist-settings")?;
    p.append_child(&doc.create_text_node(
        ". To try Waypoint on a made-up conversation first, or to show it in a workshop, open the ",
    ))?;
    let practice = add(doc, &p, "a", "", "practice page")?;
    practice.set_id("practice-link");
    practice.set_attribute("href", "practice.html")?;
    practice.set_attribute("target", "_blank")?;
    p.append_child(&doc.create_text_node("."))?;
    Ok(())
}

fn options(doc: &Document, app: &Element, mode: Mode) -> Result<(), JsValue> {
    // The wheel over a number box with the focus would change the target by one while the
    // agent scrolls the page: the box lets the focus go, and the page scrolls.
    gloo_events::EventListener::new(app, "wheel", |event| {
        let number = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|i| i.type_() == "number");
        if let Some(i) = number {
            let focused = i.owner_document().and_then(|d| d.active_element());
            if focused.as_ref() == Some(i.as_ref()) {
                let _ = i.blur();
            }
        }
    })
    .forget();
    let header = add(doc, app, "header", "", "")?;
    add(doc, &header, "h1", "", "Waypoint settings")?;
    running_line(doc, &header, mode)?;

    let privacy = add(doc, app, "section", "card", "")?;
    add(doc, &privacy, "h2", "", "Everything stays on this computer")?;
    add(
        doc,
        &privacy,
        "p",
        "",
        "Waypoint has no account, no server and no analytics. It reads the conversation you \
         open, helps you answer it, and stores its settings in this browser only.",
    )?;

    start_here(doc, app)?;
    brand_settings::render(doc, app)?;
    agent_settings::render(doc, app)?;
    sla_settings::render(doc, app)?;
    replies_settings::render(doc, app)?;
    check_settings::render(doc, app)?;
    memory_settings::render(doc, app)?;
    share::render(doc, app)?;
    share::watch(doc);
    unsaved_edits(app)?;

    let sites = add(doc, app, "section", "card", "")?;
    add(doc, &sites, "h2", "", "Where Waypoint runs")?;
    let list = add(doc, &sites, "ul", "sites", "")?;
    for site in Site::ALL {
        let hosts = match site {
            Site::X => "x.com, twitter.com",
            Site::Facebook => "www.facebook.com",
            Site::Instagram => "www.instagram.com",
        };
        let item = add(doc, &list, "li", "", "")?;
        add(doc, &item, "strong", "", site.display_name())?;
        add(doc, &item, "span", "hosts", hosts)?;
    }
    Ok(())
}

/// The status line or the primary button that belongs to the field `el`: the first after it
/// in the page (each list, or section, of the settings has its Save and its status line below
/// its fields).
fn after(el: &Element, selector: &str) -> Option<Element> {
    let list = el.owner_document()?.query_selector_all(selector).ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .find(|s| el.compare_document_position(s) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0)
}

/// After a save of the part whose status line is `status`: the field at fault (`field`, an id;
/// "" for none) is marked invalid, described by the status line, and takes the focus (so it is
/// in view, and a screen reader says the error); the part's other fields are marked no more.
/// A field's own hint stays among what describes it, after the status line.
pub(super) fn mark(doc: &Document, field: &str, status: &str) {
    mark_saying(doc, field, status, None);
}

/// [`mark`], the browser's bubble at the field saying `own` (what is wrong with that field
/// alone, where the status line lists several faults) rather than the whole status line.
pub(super) fn mark_saying(doc: &Document, field: &str, status: &str, own: Option<&str>) {
    if let Ok(list) = doc.query_selector_all(&format!("[aria-describedby~=\"{status}\"]")) {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = e.remove_attribute("aria-invalid");
                let hint = e.get_attribute("aria-describedby").unwrap_or_default();
                let hint = hint.split_whitespace().filter(|&t| t != status);
                match hint.collect::<Vec<_>>().join(" ") {
                    h if h.is_empty() => e.remove_attribute("aria-describedby"),
                    h => e.set_attribute("aria-describedby", &h),
                }
                .ok();
                let _ = e.remove_attribute("data-comma");
                at_field(&e, "");
            }
        }
    }
    if let Some(e) = doc.get_element_by_id(field) {
        let _ = e.set_attribute("aria-invalid", "true");
        let described = match e.get_attribute("aria-describedby") {
            Some(hint) if !hint.is_empty() => format!("{status} {hint}"),
            _ => status.to_owned(),
        };
        let _ = e.set_attribute("aria-describedby", &described);
        if let Some(h) = e.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
        // Said at the field too, where the agent looks: the status line may be below the
        // fold (a long list of holidays).
        let said = doc.get_element_by_id(status).and_then(|s| s.text_content());
        at_field(&e, own.unwrap_or(&said.unwrap_or_default()));
    }
}

/// Marks more fields at fault after [`mark`] marked the first (`(id, what is wrong)`), each
/// with its own words, and the focus left on the first.
pub(super) fn mark_more(doc: &Document, fields: &[(String, String)], status: &str) {
    for (field, message) in fields {
        let Some(e) = doc.get_element_by_id(field) else {
            continue;
        };
        let _ = e.set_attribute("aria-invalid", "true");
        let hint = e.get_attribute("aria-describedby").unwrap_or_default();
        if !hint.split_whitespace().any(|t| t == status) {
            let _ = e.set_attribute("aria-describedby", format!("{status} {hint}").trim());
        }
        if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_custom_validity(message);
        } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_custom_validity(message);
        }
    }
}

/// Says `message` at the field `e` (a one-line field or a box of lines) in the browser's own
/// bubble, and marks it invalid for the page's style; "" clears it.
fn at_field(e: &Element, message: &str) {
    if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_custom_validity(message);
        if !message.is_empty() {
            i.report_validity();
        }
    } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_custom_validity(message);
        if !message.is_empty() {
            t.report_validity();
        }
    }
}

/// What is saved for the part whose status line is `status` could not be read (`what`: "SLA
/// targets"; `message` says why), and its form shows the defaults: an export says the file
/// holds the defaults for it, until the part is saved or imported again ([`readable`]).
pub(super) fn unreadable(doc: &Document, status: &str, what: &str, message: &str) {
    say(doc, status, false, message);
    if let Some(s) = doc.get_element_by_id(status) {
        let _ = s.set_attribute("data-unreadable", what);
    }
}

/// What is saved for the part whose status line is `status` is readable again (just stored).
pub(super) fn readable(doc: &Document, status: &str) {
    if let Some(s) = doc.get_element_by_id(status) {
        let _ = s.remove_attribute("data-unreadable");
    }
}

/// The part whose status line is `status` holds what is not saved (the defaults put back in
/// its form): leaving the page asks first, as after an edit.
pub(super) fn unsaved(doc: &Document, status: &str) {
    if let Some(s) = doc.get_element_by_id(status) {
        let _ = s.set_attribute("data-ok", "changed");
    }
}

/// Edits not saved yet are never lost in silence: an edit replaces a "Saved." below it with
/// "Changed: not saved yet", Enter in a one-line field (Ctrl+Enter in a box of lines) saves
/// its part, and leaving the page
/// with an edit not saved (or refused) asks first.
fn unsaved_edits(app: &Element) -> Result<(), JsValue> {
    use gloo_events::EventListener;
    let changed = |event: &web_sys::Event| {
        // A file chosen to import is not an edit (the import says how it went).
        let Some(field) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .filter(|f| f.get_attribute("type").as_deref() != Some("file"))
        else {
            return;
        };
        // A refused comma stays said until the part is saved (the digits typed after it
        // must not hide it).
        if field.has_attribute("data-comma") {
            return;
        }
        // What a refused save said at the field goes as the agent mends it (the status
        // line keeps saying it until the next save).
        at_field(&field, "");
        if let Some(status) = after(&field, ".form-status") {
            status.set_text_content(Some("Changed: not saved yet."));
            let _ = status.set_attribute("data-ok", "changed");
        }
    };
    EventListener::new(app, "input", changed).forget();
    // Not passive (gloo's default): both listeners may prevent the default.
    let active = gloo_events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(app, "keydown", active, |event| {
        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let field = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        // Enter in a one-line field, Ctrl+Enter (or ⌘+Enter) in a box of lines, saves its part.
        let saves = |f: &Element| match f.tag_name().as_str() {
            "INPUT" => true,
            "TEXTAREA" => key.ctrl_key() || key.meta_key(),
            _ => false,
        };
        if let Some(field) = field.filter(|f| key.key() == "Enter" && saves(f)) {
            if let Some(save) = after(&field, "button.primary") {
                event.prevent_default();
                if let Some(b) = save.dyn_ref::<web_sys::HtmlElement>() {
                    b.click();
                }
            }
        }
    })
    .forget();
    // A number field drops a comma in silence ("1,5" becomes 15, "1,440" 1440 or, read as a
    // decimal comma, 1.44): it is refused as it is typed or pasted, and the part says why.
    EventListener::new_with_options(app, "beforeinput", active, |event| {
        let Some(input) = event.dyn_ref::<web_sys::InputEvent>() else {
            return;
        };
        let field = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let Some(field) = field.filter(|f| f.get_attribute("type").as_deref() == Some("number"))
        else {
            return;
        };
        if !input.data().is_some_and(|d| d.contains(',')) {
            return;
        }
        event.prevent_default();
        if let (Some(status), Some(doc)) = (after(&field, ".form-status"), field.owner_document()) {
            let msg = "No comma in a number: write decimals with a point (1.5), and thousands \
                       without a separator (1440).";
            say(&doc, &status.id(), false, msg);
            // Marked, and said at the field too, where the agent is typing; with what the
            // field held before the comma, for the save's check.
            mark(&doc, &field.id(), &status.id());
            let before = field
                .dyn_ref::<web_sys::HtmlInputElement>()
                .map(|f| f.value())
                .unwrap_or_default();
            let _ = field.set_attribute("data-comma", &before);
        }
    })
    .forget();
    // The digits typed on after a refused comma join the number ("1,5" shows 15): a save
    // pressed then is refused once, naming the number, so that 15 minutes is not saved for
    // 1.5 in silence (a hands-on review). Before the part's own click handler (capture).
    let capture = gloo_events::EventListenerOptions {
        phase: gloo_events::EventListenerPhase::Capture,
        passive: false,
    };
    EventListener::new_with_options(app, "click", capture, |event| {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let Some(save) = target.and_then(|t| t.closest("button.primary").ok().flatten()) else {
            return;
        };
        let Some(doc) = save.owner_document() else {
            return;
        };
        let Ok(list) = doc.query_selector_all("input[data-comma]") else {
            return;
        };
        for i in 0..list.length() {
            let Some(field) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                continue;
            };
            let before = field.get_attribute("data-comma").unwrap_or_default();
            let value = field.value();
            let joined = !before.is_empty()
                && value.len() > before.len()
                && value.starts_with(&before)
                && !value.contains('.');
            if !joined || after(&field, "button.primary").as_ref() != Some(&save) {
                continue;
            }
            event.prevent_default();
            event.stop_immediate_propagation();
            let _ = field.remove_attribute("data-comma");
            if let Some(status) = after(&field, ".form-status") {
                let msg = format!(
                    "Not saved: this number reads {value}, the digits typed after the refused \
                     comma joined to {before}. If {value} is right, save again; else write it \
                     with a point ({before}.{}).",
                    &value[before.len()..]
                );
                say(&doc, &status.id(), false, &msg);
                mark(&doc, &field.id(), &status.id());
            }
            return;
        }
    })
    .forget();
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let doc = dom::document()?;
    EventListener::new_with_options(&window, "beforeunload", active, move |event| {
        let pending = doc
            .query_selector(".form-status[data-ok=\"changed\"], .form-status[data-ok=\"false\"]:not(#share-status)")
            .ok()
            .flatten();
        if pending.is_some() {
            event.prevent_default();
        }
    })
    .forget();
    Ok(())
}

/// The practice page's header; its introduction is written in `extension/practice.html`.
fn practice(doc: &Document, app: &Element, mode: Mode) -> Result<(), JsValue> {
    let header = add(doc, app, "header", "", "")?;
    add(doc, &header, "h1", "", "Waypoint practice")?;
    running_line(doc, &header, mode)?;
    Ok(())
}
