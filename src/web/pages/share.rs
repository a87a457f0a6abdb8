//! The settings page's "Share with your team" section: every setting exported to a file, and
//! a file a teammate exported imported here (`core::shared` reads and checks it). A file with
//! anything wrong changes nothing and says what and where.

use super::{add, brand_settings, check_settings, replies_settings, say, sla_settings};
use crate::core::check::form::Form;
use crate::core::shared::{self, SharedSettings};
use crate::core::sla::Policy;
use crate::web::{platform, review};
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

/// The file's name when exported.
const FILE_NAME: &str = "waypoint-settings.json";

/// The id of the section's status line (see [`super::say`]).
const STATUS: &str = "share-status";

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = super::settings_card(
        doc,
        app,
        "card sla-settings",
        "share",
        "Share with your team",
        "Export every setting on this page to a file for a teammate, or import a file a \
         teammate exported. An import sets what the file holds and leaves the rest; a file with \
         anything wrong changes nothing.",
    )?;
    let actions = add(doc, &section, "div", "form-actions", "")?;
    let export = add(doc, &actions, "button", "", "Export to a file")?;
    export.set_attribute("type", "button")?;
    export.set_id("share-export");
    let label = add(
        doc,
        &section,
        "label",
        "setting",
        "Import a file exported from Waypoint",
    )?;
    label.set_attribute("for", "share-import")?;
    let input = add(doc, &section, "input", "", "")?;
    input.set_attribute("type", "file")?;
    input.set_attribute("accept", ".json,application/json")?;
    input.set_id("share-import");
    let status = add(doc, &section, "p", "form-status", "")?;
    status.set_id(STATUS);
    status.set_attribute("role", "status")?;

    let d = doc.clone();
    EventListener::new(&export, "click", move |_| {
        let doc = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (settings, defaults) = saved().await;
            let text = shared::write(&settings);
            // The file holds what is saved: edits on the page not saved yet are not in it,
            // and a part whose saved settings cannot be read is in it as its defaults.
            let left_out: Vec<&str> = pending(&doc)
                .iter()
                .filter(|status| !as_saved(&doc, status, &settings))
                .map(|status| part_name(status))
                .collect();
            match download(&doc, &text) {
                Ok(()) if !left_out.is_empty() || !defaults.is_empty() => {
                    let mut message = if !left_out.is_empty() {
                        format!(
                            "Exported to {FILE_NAME}, as saved: the changes to the {} are not \
                             saved yet, and not in the file. Save {} and export again to \
                             include them.",
                            and_list(&left_out),
                            if left_out.len() == 1 {
                                "that part"
                            } else {
                                "those parts"
                            },
                        )
                    } else {
                        format!("Exported to {FILE_NAME}.")
                    };
                    if !defaults.is_empty() {
                        message.push_str(&format!(
                            " The saved {} could not be read: the file holds the defaults \
                             instead.",
                            and_list(&defaults)
                        ));
                    }
                    // Exported all the same: a warning, not an error.
                    say(&doc, STATUS, true, &message);
                    super::as_warning(&doc, STATUS);
                }
                Ok(()) => say(&doc, STATUS, true, &format!("Exported to {FILE_NAME}.")),
                Err(_) => say(
                    &doc,
                    STATUS,
                    false,
                    "Not exported: the browser refused the download.",
                ),
            }
        });
    })
    .forget();
    let d = doc.clone();
    EventListener::new(&input, "change", move |event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file may be chosen again after it is put right.
        input.set_value("");
        let doc = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            // A file too large is not read at all (a video chosen by mistake).
            let read = match shared::too_large(file.size() as usize) {
                Some(e) => Err(e),
                None => wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .ok_or_else(|| "it could not be read as text".to_owned())
                    .and_then(|t| shared::read(&t))
                    .and_then(page_checks),
            };
            // Replies typed and not saved, or saved and not the file's, are the team's own
            // words: a file that would put others in their place asks first.
            let typed = doc
                .get_element_by_id(replies_settings::STATUS)
                .and_then(|s| s.get_attribute("data-ok"))
                .is_some_and(|ok| ok == "changed" || ok == "false");
            let saved = brand_settings::saved_list(replies_settings::REPLIES_KEY)
                .await
                .concat();
            let count =
                |text: &str| match crate::core::library::own::parse(text).map_or(0, |r| r.len()) {
                    1 => "1 reply".to_owned(),
                    n => format!("{n} replies"),
                };
            // Other parts changed here and not saved, which the file would replace.
            let others: Vec<&str> = match &read {
                Ok(file) => pending(&doc)
                    .iter()
                    .filter(|status| *status != replies_settings::STATUS)
                    .filter(|status| holds(file, status))
                    .map(|status| part_name(status))
                    .collect(),
                Err(_) => Vec::new(),
            };
            let also = if others.is_empty() {
                String::new()
            } else {
                format!(
                    ", and your changes to the {} that are not saved",
                    and_list(&others)
                )
            };
            // The team's replies first: typed here and not saved, or saved and not the file's.
            let about_replies = match &read {
                Ok(SharedSettings {
                    replies: Some(_), ..
                }) if typed => Some(format!(
                    "The file replaces {}what you typed in the \"Your replies\" box and did \
                     not save{also}. Import it anyway?",
                    // Nothing saved: only what is typed is replaced.
                    if saved.trim().is_empty() {
                        ""
                    } else {
                        "your replies, and "
                    }
                )),
                Ok(SharedSettings {
                    replies: Some(theirs),
                    ..
                }) if !saved.trim().is_empty() && theirs.trim_end() != saved.trim_end() => {
                    Some(format!(
                        "The file replaces the {} you saved with its {}{also}. Import it \
                         anyway?",
                        count(&saved),
                        count(theirs)
                    ))
                }
                _ => None,
            };
            let replies_asked = about_replies.is_some();
            let question = about_replies.or_else(|| {
                (!others.is_empty()).then(|| {
                    format!(
                        "The file replaces your changes to the {} that are not saved. Import \
                         it anyway?",
                        and_list(&others)
                    )
                })
            });
            let keep = question.is_some_and(|q| {
                !web_sys::window()
                    .and_then(|w| w.confirm_with_message(&q).ok())
                    .unwrap_or(false)
            });
            if keep {
                say(
                    &doc,
                    STATUS,
                    false,
                    &format!(
                        "Not imported, nothing changed: {name} was left, to keep {}",
                        // Everything the question named.
                        if typed && replies_asked && !others.is_empty() {
                            format!(
                                "what you typed in \"Your replies\" and your changes to the \
                                 {}. Save them, or copy them aside, then import.",
                                and_list(&others)
                            )
                        } else if typed && replies_asked {
                            "what you typed in \"Your replies\". Save it, or copy it aside, \
                             then import."
                                .to_owned()
                        } else if replies_asked && !others.is_empty() {
                            format!(
                                "your replies and your changes to the {}. Export yours first \
                                 to keep a copy, save the changes, then import.",
                                and_list(&others)
                            )
                        } else if replies_asked {
                            "your replies. Export yours first to keep a copy, then import."
                                .to_owned()
                        } else {
                            format!(
                                "your changes to the {}. Save them, then import.",
                                and_list(&others)
                            )
                        }
                    ),
                );
                return;
            }
            match read {
                // Every setting at its default when it was exported: nothing to change.
                Ok(settings) if settings.is_empty() => {
                    say(
                        &doc,
                        STATUS,
                        true,
                        &format!(
                            "Nothing imported: {name} holds no settings (each was at its \
                             default when it was exported), so nothing changed."
                        ),
                    );
                    super::as_warning(&doc, STATUS);
                }
                Ok(settings) => match apply(&doc, &settings, &name).await {
                    Ok(()) => say(
                        &doc,
                        STATUS,
                        true,
                        &format!("Imported from {name}: {}.", settings.parts()),
                    ),
                    Err(e) => say(
                        &doc,
                        STATUS,
                        false,
                        &format!(
                            "Not imported, nothing changed: the browser could not store the \
                             settings of {name} ({e})."
                        ),
                    ),
                },
                Err(e) => say(
                    &doc,
                    STATUS,
                    false,
                    &format!("Not imported, nothing changed: {name}: {e}"),
                ),
            }
        });
    })
    .forget();
    Ok(())
}

/// Every setting as saved in this browser (the defaults where none is, and where what is
/// saved cannot be read), and the parts whose saved settings could not be read ("SLA
/// targets"), read from the browser's storage at the moment of the export (another tab may
/// have saved since this page said a part could not be read).
async fn saved() -> (SharedSettings, Vec<&'static str>) {
    use brand_settings::{AUTOMATIC_KEY, BRANDS_KEY, BRAND_NAME_KEY};
    let mut unreadable = Vec::new();
    fn read<T>(part: Result<Option<T>, ()>, what: &'static str, bad: &mut Vec<&str>) -> Option<T> {
        part.unwrap_or_else(|()| {
            bad.push(what);
            None
        })
    }
    let u = &mut unreadable;
    let sla = read(
        brand_settings::stored::<Policy>(sla_settings::POLICY_KEY).await,
        part_name(sla_settings::STATUS),
        u,
    );
    let brands = read(
        brand_settings::stored(BRANDS_KEY).await,
        part_name("brand-status"),
        u,
    );
    let automatic = read(
        brand_settings::stored(AUTOMATIC_KEY).await,
        part_name("automatic-status"),
        u,
    );
    let name: Option<Vec<String>> = read(
        brand_settings::stored(BRAND_NAME_KEY).await,
        part_name("brand-name-status"),
        u,
    );
    let replies: Option<Vec<String>> = read(
        brand_settings::stored(replies_settings::REPLIES_KEY).await,
        part_name(replies_settings::STATUS),
        u,
    );
    // As the page shows it: the defaults when what is saved cannot be read or shown.
    let checklist = match review::load_saved().await {
        Ok(None) => None,
        Ok(Some(c)) if Form::of(&c).is_ok() => Some(c),
        Ok(Some(_)) | Err(_) => {
            unreadable.push(part_name(check_settings::STATUS));
            None
        }
    };
    let settings = SharedSettings {
        waypoint_settings: shared::FORMAT,
        sla: Some(sla.unwrap_or_default()),
        brand_accounts: Some(brands.unwrap_or_default()),
        automatic_messages: Some(automatic.unwrap_or_default()),
        brand_name: Some(
            name.unwrap_or_default()
                .into_iter()
                .next()
                .unwrap_or_default(),
        ),
        checklist: Some(checklist.unwrap_or_default()),
        // None written, none in the file: an import of it leaves a teammate's replies be.
        replies: Some(replies.unwrap_or_default().concat()).filter(|r| !r.is_empty()),
    };
    (settings, unreadable)
}

/// What the page's own saves check beyond [`shared::read`] (whose checks the content script
/// shares, for its size): the brand accounts' @handles and the brand name's braces. A file is
/// refused for them as a save would be, rather than stored as it is.
fn page_checks(s: SharedSettings) -> Result<SharedSettings, String> {
    if let Some(list) = &s.brand_accounts {
        brand_settings::parse(&list.join("\n"))?;
    }
    if let Some(name) = &s.brand_name {
        brand_settings::parse_new_name(name)?;
    }
    Ok(s)
}

/// Saves the parts `s` holds, in one write (all of them or none: a failure leaves no part of
/// a file applied), then shows them in the page's forms, each part saying it was imported
/// from `file` (an edit not saved there before is replaced, and no longer pending). The error
/// is the browser's reason.
async fn apply(doc: &Document, s: &SharedSettings, file: &str) -> Result<(), String> {
    use brand_settings::{AUTOMATIC_KEY, BRANDS_KEY, BRAND_NAME_KEY};
    // Each account once, as a save on the page keeps them ("@Acme", "acme", "x.com/acme").
    let mut deduped = s.clone();
    if let Some(list) = &mut deduped.brand_accounts {
        if let Ok(once) = brand_settings::parse(&list.join("\n")) {
            *list = once;
        }
    }
    let s = &deduped;
    let name: Option<Vec<String>> = s
        .brand_name
        .as_ref()
        .map(|n| brand_settings::parse_name(n).unwrap_or_default());
    let parts = [
        (sla_settings::POLICY_KEY, s.sla.as_ref().map(json)),
        (BRANDS_KEY, s.brand_accounts.as_ref().map(json)),
        (AUTOMATIC_KEY, s.automatic_messages.as_ref().map(json)),
        (BRAND_NAME_KEY, name.as_ref().map(json)),
        (review::SETTINGS_KEY, s.checklist.as_ref().map(json)),
        (
            replies_settings::REPLIES_KEY,
            s.replies
                .as_ref()
                .map(|r| json(&replies_settings::parse(r).unwrap_or_default())),
        ),
    ];
    let items: Vec<(&str, JsValue)> = parts
        .iter()
        .filter_map(|(key, text)| Some((*key, JsValue::from_str(text.as_deref()?))))
        .collect();
    platform::storage_set_all(&items).await?;
    for (_, status) in PARTS {
        if show(doc, s, status) {
            super::mark(doc, "", status);
            super::readable(doc, status);
            say(doc, status, true, &format!("Imported from {file}."));
        }
    }
    Ok(())
}

/// Whether the file `s` holds the part whose status line is `status`.
fn holds(s: &SharedSettings, status: &str) -> bool {
    match status {
        sla_settings::STATUS => s.sla.is_some(),
        "brand-status" => s.brand_accounts.is_some(),
        "automatic-status" => s.automatic_messages.is_some(),
        "brand-name-status" => s.brand_name.is_some(),
        check_settings::STATUS => s.checklist.is_some(),
        replies_settings::STATUS => s.replies.is_some(),
        _ => false,
    }
}

/// The parts of the settings: the key each is stored under, and its status line.
const PARTS: [(&str, &str); 6] = [
    (sla_settings::POLICY_KEY, sla_settings::STATUS),
    (brand_settings::BRANDS_KEY, "brand-status"),
    (brand_settings::AUTOMATIC_KEY, "automatic-status"),
    (brand_settings::BRAND_NAME_KEY, "brand-name-status"),
    (review::SETTINGS_KEY, check_settings::STATUS),
    (replies_settings::REPLIES_KEY, replies_settings::STATUS),
];

/// Shows in its form the part of `s` whose status line is `status`, if `s` holds it; whether
/// it did.
fn show(doc: &Document, s: &SharedSettings, status: &str) -> bool {
    let list = |list: &Option<Vec<String>>, id: &str| match list {
        Some(list) => {
            sla_settings::set_value(doc, id, &list.join("\n"));
            true
        }
        None => false,
    };
    match status {
        sla_settings::STATUS => s.sla.as_ref().is_some_and(|p| {
            sla_settings::fill(doc, p);
            true
        }),
        "brand-status" => list(&s.brand_accounts, "brand-accounts"),
        "automatic-status" => list(&s.automatic_messages, "automatic"),
        replies_settings::STATUS => list(&s.replies.as_ref().map(|r| vec![r.clone()]), "replies"),
        "brand-name-status" => s.brand_name.as_ref().is_some_and(|n| {
            let name = brand_settings::parse_name(n).unwrap_or_default();
            sla_settings::set_value(doc, "brand-name", &name.join(""));
            true
        }),
        check_settings::STATUS => s
            .checklist
            .as_ref()
            .and_then(|c| Form::of(c).ok())
            .is_some_and(|form| {
                check_settings::fill(doc, &form);
                true
            }),
        _ => false,
    }
}

/// Keeps the page true to what is saved when another settings tab or window saves (or an
/// import there): a part with no edit here shows what was saved and says so; a part with an
/// edit here keeps it, and says that saving it replaces what the other saved (without this,
/// the page's next save wrote its old values back over the other's, in silence).
pub fn watch(doc: &Document) {
    let d = doc.clone();
    let watch = platform::StorageWatch::new(move |changes| {
        let statuses: Vec<&'static str> = PARTS
            .iter()
            .filter(|(key, _)| platform::changed(&changes, key))
            .map(|(_, status)| *status)
            .collect();
        if statuses.is_empty() {
            return;
        }
        let doc = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (settings, unreadable) = saved().await;
            let edited = pending(&doc);
            for status in statuses {
                // This page's own save or import, or a part no longer readable (said when
                // the page is loaded again).
                if shows(&doc, status, &settings) || unreadable.contains(&part_name(status)) {
                    continue;
                }
                if edited.iter().any(|e| e == status) {
                    say(
                        &doc,
                        status,
                        false,
                        "Changed: not saved yet. Another settings window saved this part since: \
                         saving here replaces what it saved.",
                    );
                    super::unsaved(&doc, status);
                } else if show(&doc, &settings, status) {
                    super::mark(&doc, "", status);
                    super::readable(&doc, status);
                    say(
                        &doc,
                        status,
                        true,
                        "Saved in another settings window: shown here as saved.",
                    );
                    super::as_warning(&doc, status);
                }
            }
        });
    });
    // For the page's life.
    std::mem::forget(watch);
}

/// The parts of the page with edits not saved (or refused), by their status lines' ids (parts
/// of the shared file only): not a part that only says its saved settings could not be read
/// ([`super::unreadable`]).
fn pending(doc: &Document) -> Vec<String> {
    let Ok(list) = doc.query_selector_all(
        ".form-status[data-ok=\"changed\"], \
         .form-status[data-ok=\"false\"]:not(#share-status):not([data-unreadable])",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|e| e.id())
        // The agent's own details are not in the team's file.
        .filter(|id| id != super::agent_settings::STATUS)
        .collect()
}

/// How the export's messages name the part whose status line is `status` (an edit not saved
/// yet, or saved settings that could not be read).
fn part_name(status: &str) -> &'static str {
    match status {
        sla_settings::STATUS => "SLA targets",
        check_settings::STATUS => "checklist",
        "brand-name-status" => "brand name",
        "brand-status" => "brand accounts",
        "automatic-status" => "automatic messages",
        replies_settings::STATUS => "your replies",
        _ => "settings",
    }
}

/// Whether the part whose status line is `status` shows in its form what `saved` holds for
/// it: the defaults put back over defaults, or an edit typed back to what was saved, leave
/// nothing out of the file.
fn as_saved(doc: &Document, status: &str, saved: &SharedSettings) -> bool {
    // A refused edit (a comma, a bad number) stays said; so does a number field holding what
    // the browser cannot read as a number (its value is then empty, as a blank target's is).
    let changed = doc
        .get_element_by_id(status)
        .and_then(|s| s.get_attribute("data-ok"))
        .is_some_and(|ok| ok == "changed");
    changed && shows(doc, status, saved)
}

/// Whether the form of the part whose status line is `status` shows what `saved` holds for it.
fn shows(doc: &Document, status: &str, saved: &SharedSettings) -> bool {
    let list = |id: &str, parse: fn(&str) -> Result<Vec<String>, String>, is: &[String]| {
        parse(&sla_settings::value(doc, id)).is_ok_and(|shown| shown == is)
    };
    match status {
        // Compared as stored (JSON text): no comparison code of their own in the module.
        sla_settings::STATUS => {
            let bad_number = doc.query_selector("#sla input:invalid").ok().flatten();
            bad_number.is_none()
                && sla_settings::read(doc).ok().as_ref().map(json) == saved.sla.as_ref().map(json)
        }
        check_settings::STATUS => {
            let shown = check_settings::read(doc).settings().ok();
            shown.map(|(s, _)| json(&s)) == saved.checklist.as_ref().map(json)
        }
        "brand-status" => list(
            "brand-accounts",
            brand_settings::parse,
            saved.brand_accounts.as_deref().unwrap_or_default(),
        ),
        "automatic-status" => list(
            "automatic",
            crate::core::reading::parse_automatic,
            saved.automatic_messages.as_deref().unwrap_or_default(),
        ),
        replies_settings::STATUS => list(
            "replies",
            replies_settings::parse,
            &replies_settings::parse(saved.replies.as_deref().unwrap_or_default())
                .unwrap_or_default(),
        ),
        "brand-name-status" => list(
            "brand-name",
            brand_settings::parse_name,
            &saved
                .brand_name
                .iter()
                .filter(|n| !n.is_empty())
                .cloned()
                .collect::<Vec<_>>(),
        ),
        _ => false,
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A part as it is stored (JSON text).
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Offers `text` as a file download.
fn download(doc: &Document, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a = doc.create_element("a")?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", FILE_NAME)?;
    a.unchecked_ref::<HtmlElement>().click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
