//! The "have I done everything?" dialog shown between the agent and the site's send.
//!
//! Page contract: a `role="dialog"` whose items carry `data-check-id` and `data-status`
//! (`pass`, `fail`, `warn`, `manual`) and whose buttons carry `data-action` (`post`, `edit`).
//! The draft is shown as text, with the part each finding is about marked; nothing from the
//! page is parsed as HTML.

use crate::web::dom;
use gloo_events::{EventListener, EventListenerOptions};
use std::borrow::Cow;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, ShadowRoot};

/// How one item of the list stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Pass,
    /// Fired at the blocking level: posting needs "Post anyway".
    Fail,
    Warn,
    /// A tick-box the agent confirms.
    Manual,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Pass => "pass",
            Mark::Fail => "fail",
            Mark::Warn => "warn",
            Mark::Manual => "manual",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Mark::Pass => "OK",
            Mark::Fail => "Fix",
            Mark::Warn => "Check",
            Mark::Manual => "Confirm",
        }
    }
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// A check's id, or `manual-<n>`.
    pub id: Cow<'static, str>,
    pub mark: Mark,
    /// A check's title, or the team's question.
    pub title: Cow<'static, str>,
    /// What was found, specifically ("“{first_name}” is still a placeholder").
    pub detail: String,
    /// Why the check exists, in one line (empty for a question).
    pub why: &'static str,
    /// Byte ranges of the draft the finding is about.
    pub spans: Vec<(usize, usize)>,
}

/// What the dialog shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub draft: String,
    pub items: Vec<Item>,
}

impl Sheet {
    pub fn blocking(&self) -> bool {
        self.items.iter().any(|i| i.mark == Mark::Fail)
    }

    fn count(&self, mark: Mark) -> usize {
        self.items.iter().filter(|i| i.mark == mark).count()
    }

    /// The one-line summary under the title.
    fn summary(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let mut parts = Vec::new();
        let (fail, warn, manual) = (
            self.count(Mark::Fail),
            self.count(Mark::Warn),
            self.count(Mark::Manual),
        );
        if fail > 0 {
            parts.push(plural(fail, "problem to fix", "problems to fix"));
        }
        if warn > 0 {
            parts.push(plural(warn, "point to check", "points to check"));
        }
        if manual > 0 {
            parts.push(plural(manual, "item to confirm", "items to confirm"));
        }
        if parts.is_empty() {
            "Every check passed.".to_owned()
        } else {
            parts.join(", ") + "."
        }
    }
}

/// What the agent chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Back to the composer, draft untouched.
    Edit,
    /// Send through the site's own send.
    Post,
}

/// Characters of context shown at most either side of a marked part of a longer draft.
const CONTEXT: usize = 60;
/// Drafts up to this many characters are shown whole.
const WHOLE: usize = 100;

/// The open dialog. Dropping it removes it and its listeners.
pub struct Dialog {
    backdrop: Element,
    /// The panel's card, inert while the dialog is open.
    card: Option<Element>,
    _listeners: Vec<EventListener>,
}

impl Dialog {
    /// Opens the dialog over the page (inside the panel's shadow root) and calls `act` with
    /// the agent's choice. Escape means Edit. Focus moves into the dialog.
    pub fn open(
        doc: &Document,
        root: &ShadowRoot,
        sheet: &Sheet,
        act: Rc<dyn Fn(Action)>,
    ) -> Result<Dialog, JsValue> {
        let backdrop = dom::el(doc, "div", "gate-backdrop", "")?;
        let dialog = dom::el(doc, "div", "gate", "")?;
        dialog.set_attribute("role", "dialog")?;
        dialog.set_attribute("aria-modal", "true")?;
        dialog.set_attribute("aria-labelledby", "wp-gate-title")?;
        dialog.set_attribute("aria-describedby", "wp-gate-summary")?;
        dialog.set_attribute("tabindex", "-1")?;
        let title = dom::el(doc, "h2", "gate-title", "Before you post")?;
        title.set_id("wp-gate-title");
        let summary = dom::el(doc, "p", "gate-summary", &sheet.summary())?;
        summary.set_id("wp-gate-summary");
        dialog.append_child(&title)?;
        dialog.append_child(&summary)?;

        let list = dom::el(doc, "ul", "gate-items", "")?;
        let mut boxes: Vec<HtmlInputElement> = Vec::new();
        for item in sheet
            .items
            .iter()
            .filter(|i| matches!(i.mark, Mark::Fail | Mark::Warn))
        {
            list.append_child(finding(doc, item, &sheet.draft)?.as_ref())?;
        }
        for (n, item) in sheet
            .items
            .iter()
            .filter(|i| i.mark == Mark::Manual)
            .enumerate()
        {
            let (li, input) = manual(doc, item, n)?;
            list.append_child(&li)?;
            boxes.push(input);
        }
        dialog.append_child(&list)?;

        let passed: Vec<&Item> = sheet
            .items
            .iter()
            .filter(|i| i.mark == Mark::Pass)
            .collect();
        if !passed.is_empty() {
            let details = dom::el(doc, "details", "gate-passed", "")?;
            let label = if passed.len() == 1 {
                "1 other check passed".to_owned()
            } else {
                format!("{} other checks passed", passed.len())
            };
            details.append_child(dom::el(doc, "summary", "", &label)?.as_ref())?;
            let ul = dom::el(doc, "ul", "gate-items", "")?;
            for item in passed {
                let li = dom::el(doc, "li", "gate-item", "")?;
                li.set_attribute("data-check-id", &item.id)?;
                li.set_attribute("data-status", "pass")?;
                li.append_child(dom::el(doc, "span", "gate-mark", Mark::Pass.label())?.as_ref())?;
                li.append_child(dom::el(doc, "span", "gate-name", &item.title)?.as_ref())?;
                // Why it passed, in words every reader reaches (a tooltip is not).
                li.append_child(dom::el(doc, "p", "gate-why", item.why)?.as_ref())?;
                ul.append_child(&li)?;
            }
            details.append_child(&ul)?;
            dialog.append_child(&details)?;
        }

        let actions = dom::el(doc, "div", "gate-actions", "")?;
        let edit = dom::el(doc, "button", "", "Edit")?;
        edit.set_attribute("type", "button")?;
        edit.set_attribute("data-action", "edit")?;
        let post_label = if sheet.blocking() {
            "Post anyway"
        } else {
            "Post"
        };
        let post = dom::el(doc, "button", "primary", post_label)?;
        post.set_attribute("type", "button")?;
        post.set_attribute("data-action", "post")?;
        if sheet.blocking() {
            post.class_list().add_1("danger")?;
        }
        // Why "Post" does nothing yet, in view and read with the dialog (a disabled button is
        // passed over by Tab, and its title is heard by few).
        let wait = dom::el(doc, "p", "gate-wait", "Tick each question above to post.")?;
        wait.set_id("wp-gate-wait");
        actions.append_child(&wait)?;
        actions.append_child(&edit)?;
        actions.append_child(&post)?;
        dialog.append_child(&actions)?;
        backdrop.append_child(&dialog)?;
        root.append_child(&backdrop)?;

        let set_post_enabled = {
            let post = post.clone();
            let boxes = boxes.clone();
            let dialog = dialog.clone();
            move || {
                let all = boxes.iter().all(|b| b.checked());
                if all {
                    let _ = post.remove_attribute("disabled");
                    let _ = post.remove_attribute("title");
                    let _ = wait.set_attribute("hidden", "");
                    let _ = dialog.set_attribute("aria-describedby", "wp-gate-summary");
                } else {
                    // Said where the agent looks for why the button does nothing.
                    let _ = post.set_attribute("disabled", "");
                    let _ = post.set_attribute("title", "Tick each question above first");
                    let _ = wait.remove_attribute("hidden");
                    let _ =
                        dialog.set_attribute("aria-describedby", "wp-gate-summary wp-gate-wait");
                }
            }
        };
        set_post_enabled();

        let mut listeners = Vec::new();
        {
            let act = act.clone();
            listeners.push(EventListener::new(&actions, "click", move |event| {
                let choice = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("button[data-action]").ok().flatten())
                    .filter(|b| !b.has_attribute("disabled"))
                    .and_then(|b| b.get_attribute("data-action"));
                match choice.as_deref() {
                    Some("edit") => act(Action::Edit),
                    Some("post") => act(Action::Post),
                    _ => {}
                }
            }));
        }
        listeners.push(EventListener::new(&list, "change", move |_| {
            set_post_enabled()
        }));
        {
            // Keys typed in the dialog stay in it (the site's shortcuts never see them);
            // Escape goes back to editing; Tab cycles inside the dialog.
            let dialog_el = dialog.clone();
            listeners.push(EventListener::new_with_options(
                &dialog,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    event.stop_propagation();
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    match key.key().as_str() {
                        "Escape" => {
                            key.prevent_default();
                            act(Action::Edit);
                        }
                        "Tab" => trap_tab(&dialog_el, key),
                        _ => {}
                    }
                },
            ));
        }
        {
            // A click on the dimmed page around the dialog keeps the focus in the dialog,
            // where Escape and Tab are heard (it fell to the page's body before).
            let dialog_el = dialog.clone();
            listeners.push(EventListener::new_with_options(
                &backdrop,
                "mousedown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let inside = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                        .is_some_and(|n| dialog_el.contains(Some(&n)));
                    if !inside {
                        event.prevent_default();
                        if let Some(d) = dialog_el.dyn_ref::<HtmlElement>() {
                            let _ = d.focus();
                        }
                    }
                },
            ));
        }
        // The panel behind is out of reach while the dialog is open: no focus, and not read by
        // a screen reader's browse cursor (aria-modal alone is not heeded by every one).
        let card = root.query_selector(".card").ok().flatten();
        if let Some(c) = &card {
            c.set_attribute("inert", "")?;
        }
        if let Some(d) = dialog.dyn_ref::<HtmlElement>() {
            let _ = d.focus();
        }
        Ok(Dialog {
            backdrop,
            card,
            _listeners: listeners,
        })
    }
}

impl Drop for Dialog {
    fn drop(&mut self) {
        self.backdrop.remove();
        if let Some(c) = &self.card {
            let _ = c.remove_attribute("inert");
        }
    }
}

/// A fired check: its mark, title, what was found, why it matters, and the draft with the
/// part it is about marked.
fn finding(doc: &Document, item: &Item, draft: &str) -> Result<Element, JsValue> {
    let li = dom::el(doc, "li", "gate-item", "")?;
    li.set_attribute("data-check-id", &item.id)?;
    li.set_attribute("data-status", item.mark.as_str())?;
    let head = dom::el(doc, "div", "gate-head", "")?;
    head.append_child(dom::el(doc, "span", "gate-mark", item.mark.label())?.as_ref())?;
    head.append_child(dom::el(doc, "span", "gate-name", &item.title)?.as_ref())?;
    li.append_child(&head)?;
    if !item.detail.is_empty() {
        li.append_child(dom::el(doc, "p", "gate-detail", &item.detail)?.as_ref())?;
    }
    if !item.why.is_empty() {
        li.append_child(dom::el(doc, "p", "gate-why", item.why)?.as_ref())?;
    }
    if let Some(excerpt) = excerpt(doc, draft, &item.spans)? {
        li.append_child(&excerpt)?;
    }
    Ok(li)
}

fn manual(doc: &Document, item: &Item, n: usize) -> Result<(Element, HtmlInputElement), JsValue> {
    let li = dom::el(doc, "li", "gate-item", "")?;
    li.set_attribute("data-check-id", &item.id)?;
    li.set_attribute("data-status", "manual")?;
    let label = dom::el(doc, "label", "gate-manual", "")?;
    let input: HtmlInputElement = doc.create_element("input")?.dyn_into()?;
    input.set_type("checkbox");
    input.set_id(&format!("wp-gate-manual-{n}"));
    label.append_child(&input)?;
    // The team's own question, in its own direction (an Arabic question in an English page).
    let question = dom::el(doc, "bdi", "", &item.title)?;
    label.append_child(&question)?;
    li.append_child(&label)?;
    Ok((li, input))
}

/// The draft (or, when longer, the sentences of the marked spans) with the spans in `<mark>`.
fn excerpt(
    doc: &Document,
    draft: &str,
    spans: &[(usize, usize)],
) -> Result<Option<Element>, JsValue> {
    let mut spans: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(a, b)| a < b && draft.get(a..b).is_some())
        .collect();
    if spans.is_empty() {
        return Ok(None);
    }
    crate::core::sort::sort(&mut spans);
    // Merge overlapping spans so each character is marked once.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let quote = dom::el(doc, "blockquote", "gate-excerpt", "")?;
    // The draft in its own direction (an Arabic or Hebrew reply reads right to left).
    quote.set_attribute("dir", "auto")?;
    // A short draft whole; a longer one by the sentences of its marked parts (each finding
    // of a checklist then shows its own place, not the whole draft again).
    let parts = if draft.chars().count() <= WHOLE {
        vec![(0, draft.len())]
    } else {
        crate::core::check::text::excerpt_parts(draft, &merged, CONTEXT)
    };
    let text = |s: &str| -> Result<(), JsValue> {
        if !s.is_empty() {
            quote.append_child(&doc.create_text_node(s))?;
        }
        Ok(())
    };
    for (i, &(start, end)) in parts.iter().enumerate() {
        text(match (i, start) {
            (0, 0) => "",
            (0, _) => "…",
            _ => " … ",
        })?;
        let mut at = start;
        for &(a, b) in merged.iter().filter(|&&(a, b)| a >= start && b <= end) {
            text(&draft[at..a])?;
            quote.append_child(dom::el(doc, "mark", "", &draft[a..b])?.as_ref())?;
            at = b;
        }
        text(&draft[at..end])?;
    }
    if parts
        .last()
        .is_some_and(|&(_, end)| end < draft.trim_end().len())
    {
        text(" …")?;
    }
    Ok(Some(quote))
}

/// Keeps Tab and Shift+Tab inside the dialog.
fn trap_tab(dialog: &Element, key: &web_sys::KeyboardEvent) {
    let Ok(nodes) = dialog.query_selector_all("button:not([disabled]), input, summary") else {
        return;
    };
    let items: Vec<HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = dialog
        .get_root_node()
        .dyn_into::<ShadowRoot>()
        .ok()
        .and_then(|r| r.active_element());
    let at_first = active.as_ref().is_some_and(|a| a == first.as_ref());
    let at_last = active.as_ref().is_some_and(|a| a == last.as_ref());
    let outside = active
        .as_ref()
        .is_none_or(|a| !items.iter().any(|i| a == i.as_ref()));
    if key.shift_key() && (at_first || outside) {
        key.prevent_default();
        let _ = last.focus();
    } else if !key.shift_key() && (at_last || outside) {
        key.prevent_default();
        let _ = first.focus();
    }
}
