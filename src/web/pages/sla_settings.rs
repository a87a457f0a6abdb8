//! The SLA section of the settings page: targets per site and surface (first response and next
//! reply), when a clock turns "due soon", calendar or business time, business hours with their
//! time zone, and holidays. Saved only when valid; every error names the setting.

use super::say;
use crate::core::conversation::{Site, Surface};
use crate::core::decimal;
use crate::core::sla::policy::{MAX_TARGET_MINUTES, MIN_TARGET_MINUTES};
use crate::core::sla::{tz, Basis, BusinessHours, DueSoon, Policy, Target, Week};
use crate::core::time::Date;
use crate::web::{dom, platform};
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Where the content script reads the policy from (a JSON string).
pub const POLICY_KEY: &str = "waypoint.sla.policy";

const SURFACES: [(Surface, &str); 2] =
    [(Surface::Post, "public"), (Surface::Dm, "direct messages")];

fn id(site: Site, surface: Surface, which: &str) -> String {
    format!("sla-{}-{}-{which}", site.as_str(), surface.as_str())
}

pub(super) fn value(doc: &Document, id: &str) -> String {
    let Some(el) = doc.get_element_by_id(id) else {
        return String::new();
    };
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

pub(super) fn set_value(doc: &Document, id: &str, v: &str) {
    if let Some(el) = doc.get_element_by_id(id) {
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            i.set_value(v);
        } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            t.set_value(v);
        } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
            s.set_value(v);
        }
    }
}

fn labelled_input(
    doc: &Document,
    parent: &Element,
    id: &str,
    label: &str,
    kind: &str,
) -> Result<Element, JsValue> {
    let l = dom::el(doc, "label", "setting", label)?;
    l.set_attribute("for", id)?;
    let i = doc.create_element("input")?;
    i.set_id(id);
    i.set_attribute("type", kind)?;
    if kind == "number" {
        i.set_attribute("step", "any")?;
    }
    parent.append_child(&l)?;
    parent.append_child(&i)?;
    Ok(i)
}

/// Builds the section into `app`.
pub fn render(doc: &Document, app: &Element) -> Result<(), JsValue> {
    let section = super::settings_card(
        doc,
        app,
        "card sla-settings",
        "sla",
        "Response-time targets (SLA)",
        "How long a customer may wait for our first reply, and for each next reply, before the badge says the target is missed. Blank next-reply targets are the same as first response.",
    )?;

    let grid = dom::el(doc, "div", "targets", "")?;
    for site in Site::ALL {
        for (surface, words) in SURFACES {
            let row = dom::el(doc, "fieldset", "target", "")?;
            let legend = dom::el(
                doc,
                "legend",
                "",
                &format!("{} {words}", site.display_name()),
            )?;
            row.append_child(&legend)?;
            for (which, label) in [
                ("first", "First response (minutes)"),
                ("next", "Next reply (minutes)"),
            ] {
                let input = labelled_input(doc, &row, &id(site, surface, which), label, "number")?;
                // The range the policy accepts, so the field's arrows stay within it.
                input.set_attribute("min", &decimal::format(MIN_TARGET_MINUTES))?;
                input.set_attribute("max", &decimal::format(MAX_TARGET_MINUTES))?;
            }
            grid.append_child(&row)?;
        }
    }
    section.append_child(&grid)?;

    let more = dom::el(doc, "div", "sla-more", "")?;
    let share = labelled_input(
        doc,
        &more,
        "sla-due-soon",
        "Due soon when this share of the target is left (%)",
        "number",
    )?;
    share.set_attribute("min", "0")?;
    share.set_attribute("max", "100")?;
    share.set_attribute("step", "any")?;
    let basis_label = dom::el(doc, "label", "setting", "Count the targets in")?;
    basis_label.set_attribute("for", "sla-basis")?;
    let basis = doc.create_element("select")?;
    basis.set_id("sla-basis");
    for (v, text) in [
        ("calendar", "calendar time (every hour of every day)"),
        ("business", "business hours only"),
    ] {
        let o = dom::el(doc, "option", "", text)?;
        o.set_attribute("value", v)?;
        basis.append_child(&o)?;
    }
    more.append_child(&basis_label)?;
    more.append_child(&basis)?;
    labelled_input(
        doc,
        &more,
        "sla-hours",
        "Business hours, e.g. mon-fri 09:00-12:30,13:30-17:30; sat 10:00-14:00",
        "text",
    )?;
    let zone = labelled_input(
        doc,
        &more,
        "sla-zone",
        "Time zone of the business hours",
        "text",
    )?;
    zone.set_attribute("list", "sla-zones")?;
    if let Some(here) = computer_zone() {
        zone.set_attribute("placeholder", &format!("This computer's: {here}"))?;
    }
    let zones = doc.create_element("datalist")?;
    zones.set_id("sla-zones");
    for name in tz::zone_names() {
        let o = doc.create_element("option")?;
        o.set_attribute("value", name)?;
        zones.append_child(&o)?;
    }
    more.append_child(&zones)?;
    let hol_label = dom::el(
        doc,
        "label",
        "setting",
        "Holidays, one date per line (YYYY-MM-DD)",
    )?;
    hol_label.set_attribute("for", "sla-holidays")?;
    let holidays = doc.create_element("textarea")?;
    holidays.set_id("sla-holidays");
    holidays.set_attribute("rows", "3")?;
    more.append_child(&hol_label)?;
    more.append_child(&holidays)?;
    section.append_child(&more)?;

    let [save, reset] = super::actions(
        doc,
        &section,
        [
            ("primary", "Save targets", "sla-save"),
            ("", "Restore the default targets", "sla-reset"),
        ],
        STATUS,
    )?;

    fill(doc, &Policy::default());
    {
        let doc = doc.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(saved) = platform::storage_get(POLICY_KEY)
                .await
                .and_then(|v| v.as_string())
            {
                match serde_json::from_str::<Policy>(&saved) {
                    Ok(p) => fill(&doc, &p),
                    Err(e) => super::unreadable(
                        &doc,
                        STATUS,
                        "SLA targets",
                        &format!(
                            "The saved targets could not be read ({e}); showing the defaults."
                        ),
                    ),
                }
            }
        });
    }
    // The page lives as long as these listeners: they are kept for its lifetime.
    {
        let doc = doc.clone();
        EventListener::new(&save, "click", move |_| match read(&doc) {
            Ok(policy) => {
                let json = serde_json::to_string(&policy).unwrap_or_default();
                let doc = doc.clone();
                super::mark(&doc, "", STATUS);
                // Hours or holidays of the business's own, kept while the targets count
                // calendar time, are not used: said as plainly as the save, or an owner who
                // typed her hours would believe them in force.
                let unused = policy.counted_in == Basis::Calendar
                    && policy
                        .business_hours
                        .as_ref()
                        .is_some_and(|b| !b.holidays.is_empty() || b.week != Week::office());
                // Holidays already past change nothing: saved, and said (a hands-on review
                // saw "1999-01-01" saved without a word), by this computer's date.
                let now = js_sys::Date::new_0();
                let today = Date {
                    year: now.get_full_year() as i32,
                    month: now.get_month() as u8 + 1,
                    day: now.get_date() as u8,
                };
                let past: Vec<String> = policy
                    .business_hours
                    .iter()
                    .flat_map(|b| b.holidays.iter())
                    .filter(|h| **h < today)
                    .map(Date::to_string)
                    .collect();
                wasm_bindgen_futures::spawn_local(async move {
                    let saved = if unused {
                        "Saved, but your business hours and holidays are not used: the targets \
                         count calendar time. To use them, choose “business hours only” under \
                         “Count the targets in”, then save."
                            .to_owned()
                    } else if let [one] = past.as_slice() {
                        format!(
                            "Saved. Open conversations use the new targets at once. The holiday \
                             {one} is past: it changes nothing, and may go."
                        )
                    } else if !past.is_empty() {
                        format!(
                            "Saved. Open conversations use the new targets at once. The holidays \
                             {} are past: they change nothing, and may go.",
                            past.join(", ")
                        )
                    } else {
                        "Saved. Open conversations use the new targets at once.".to_owned()
                    };
                    super::store(&doc, STATUS, POLICY_KEY, &json, &saved).await;
                    if unused || !past.is_empty() {
                        super::as_warning(&doc, STATUS);
                    }
                });
            }
            Err(errors) => {
                // All said at once, the first where the caret goes; each field marked.
                // A message that ends its sentence ("did you mean …?") takes no full stop.
                let mut said = String::new();
                for (_, m) in &errors {
                    if !said.is_empty() {
                        let ended = said.ends_with(['.', '?', '!']);
                        said.push_str(if ended { " Also: " } else { ". Also: " });
                    }
                    said.push_str(m);
                }
                say(&doc, STATUS, false, &said);
                if let Some((first, rest)) = errors.split_first() {
                    // The bubble at the first field says its own fault, not the list.
                    super::mark_saying(&doc, &first.0, STATUS, Some(&first.1));
                    super::mark_more(&doc, rest, STATUS);
                }
            }
        })
        .forget();
    }
    {
        let doc = doc.clone();
        EventListener::new(&reset, "click", move |_| {
            fill(&doc, &Policy::default());
            // A field marked (a refused comma, a refused save) holds a default now.
            super::mark(&doc, "", STATUS);
            say(&doc, STATUS, true, &reset_said());
            super::unsaved(&doc, STATUS);
        })
        .forget();
    }
    Ok(())
}

/// What "Restore the default targets" says it put back: every setting of the part, named
/// from the defaults (a hands-on review restored one target and lost its hours and holidays
/// unawares).
fn reset_said() -> String {
    let due = match Policy::default().due_soon {
        DueSoon::Fraction(f) => decimal::format(f * 100.0),
        DueSoon::Minutes(_) => "25".to_owned(),
    };
    format!(
        "The defaults are back in the form for all of this part: the targets, due soon at \
         {due} % left, counted in calendar time, hours {}, no time zone and no holidays. Save \
         to use them.",
        Week::office().spec()
    )
}

/// The time zone this computer is set to (its IANA name, as the browser gives it), if the
/// time zone table knows it.
fn computer_zone() -> Option<String> {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()?
        .as_string()
        .filter(|z| tz::zone_names().any(|n| n == z))
}

/// The id of the section's status line (see [`super::say`]).
pub(super) const STATUS: &str = "sla-status";

pub(super) fn fill(doc: &Document, p: &Policy) {
    for site in Site::ALL {
        for (surface, _) in SURFACES {
            let t = p.targets.get(site, surface);
            set_value(
                doc,
                &id(site, surface, "first"),
                &decimal::format(t.first_response_minutes),
            );
            let next = t
                .next_reply_minutes
                .map(decimal::format)
                .unwrap_or_default();
            set_value(doc, &id(site, surface, "next"), &next);
        }
    }
    let pct = match p.due_soon {
        // As saved: 12.5 stays 12.5 (rounded, the next save would change the policy).
        DueSoon::Fraction(f) => decimal::format(f * 100.0),
        DueSoon::Minutes(_) => "25".to_owned(),
    };
    set_value(doc, "sla-due-soon", &pct);
    set_value(
        doc,
        "sla-basis",
        if p.counted_in == Basis::Business {
            "business"
        } else {
            "calendar"
        },
    );
    let (hours, zone, holidays) = match &p.business_hours {
        Some(b) => (
            b.week.spec(),
            b.zone.clone(),
            b.holidays
                .iter()
                .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        None => (Week::office().spec(), String::new(), String::new()),
    };
    set_value(doc, "sla-hours", &hours);
    set_value(doc, "sla-zone", &zone);
    set_value(doc, "sla-holidays", &holidays);
}

/// Reads the form into a policy, validated; the error is the id of the field at fault and
/// what is wrong, naming the setting.
pub fn read(doc: &Document) -> Result<Policy, Vec<(String, String)>> {
    let mut policy = Policy::default();
    // Every field at fault: a save marks them all, not one per save.
    let mut errors: Vec<(String, String)> = Vec::new();
    let defaults = Policy::default();
    for site in Site::ALL {
        for (surface, words) in SURFACES {
            let name = format!("{} {words}", site.display_name());
            let first_id = id(site, surface, "first");
            let first = decimal::parse(&value(doc, &first_id)).unwrap_or_else(|| {
                let m = format!("{name}: the first-response target must be a number of minutes");
                errors.push((first_id.clone(), m));
                defaults.targets.get(site, surface).first_response_minutes
            });
            let next_id = id(site, surface, "next");
            let next_text = value(doc, &next_id);
            let next = match next_text.trim() {
                "" => None,
                t => decimal::parse(t).or_else(|| {
                    let m = format!(
                        "{name}: the next-reply target must be a number of minutes or blank"
                    );
                    errors.push((next_id.clone(), m));
                    None
                }),
            };
            let target = Target {
                first_response_minutes: first,
                next_reply_minutes: next,
            };
            *policy.targets.get_mut(site, surface) = target;
        }
    }
    let due_soon = || {
        let m = "Due soon: give a percentage between 0 and 100";
        ("sla-due-soon".to_owned(), m.to_owned())
    };
    match decimal::parse(&value(doc, "sla-due-soon")) {
        Some(pct) if (0.0..=100.0).contains(&pct) => {
            policy.due_soon = DueSoon::Fraction(pct / 100.0)
        }
        _ => errors.push(due_soon()),
    }
    let business = value(doc, "sla-basis") == "business";
    policy.counted_in = if business {
        Basis::Business
    } else {
        Basis::Calendar
    };
    let zone = value(doc, "sla-zone").trim().to_owned();
    let hours = value(doc, "sla-hours");
    let holidays_text = value(doc, "sla-holidays");
    // Hours or holidays typed with no zone, on calendar time, would be dropped on saving.
    let typed = !holidays_text.trim().is_empty() || hours.trim() != Week::office().spec();
    if business || !zone.is_empty() || typed {
        let week = Week::parse(&hours).unwrap_or_else(|e| {
            errors.push(("sla-hours".to_owned(), format!("Business hours: {e}")));
            Week::office()
        });
        let mut holidays = Vec::new();
        for (n, line) in holidays_text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let day = match Date::read_typed(line) {
                Ok(day) => day,
                Err(why) => {
                    let m = format!("Holidays, line {}: {why}", n + 1);
                    // The box's first wrong line is said; the others follow once it is mended.
                    if !errors.iter().any(|(f, _)| f == "sla-holidays") {
                        errors.push(("sla-holidays".to_owned(), m));
                    }
                    continue;
                }
            };
            // A day written twice is one holiday.
            if !holidays.contains(&day) {
                holidays.push(day);
            }
        }
        if zone.is_empty() {
            let such_as = computer_zone().map_or("Europe/Madrid".to_owned(), |z| {
                format!("this computer's, {z}")
            });
            errors.push((
                "sla-zone".to_owned(),
                if business {
                    format!("Time zone: business hours need a time zone, such as {such_as}")
                } else {
                    "Time zone: the business hours and holidays are kept with their time zone, such \
                 as Europe/Madrid (or put back the default hours and clear the holidays)"
                    .into()
                },
            ));
        }
        policy.business_hours = Some(BusinessHours {
            zone,
            week,
            holidays,
        });
    }
    // Each setting out of its range too (a field that could not be read holds its default
    // here): the policy says the first; that part put back to its default, it is asked again,
    // once per setting at most.
    let mut checked = policy.clone();
    for _ in 0..16 {
        let Err(e) = checked.validate() else {
            break;
        };
        let field = field_id(&e.field);
        if !errors.iter().any(|(f, _)| *f == field) {
            errors.push((field, format!("{}: {}", e.name(), e.message)));
        }
        let parts: Vec<&str> = e.field.split('.').collect();
        match parts.as_slice() {
            ["targets", site, surface, ..] => {
                let site = Site::ALL.into_iter().find(|s| s.as_str() == *site);
                let surface = SURFACES.iter().find(|(s, _)| s.as_str() == *surface);
                let (Some(site), Some(&(surface, _))) = (site, surface) else {
                    break;
                };
                *checked.targets.get_mut(site, surface) = *defaults.targets.get(site, surface);
            }
            ["due_soon", ..] => checked.due_soon = defaults.due_soon,
            _ => {
                checked.business_hours = None;
                checked.counted_in = Basis::Calendar;
            }
        }
    }
    if errors.is_empty() {
        return Ok(policy);
    }
    // In the form's order: the caret goes to the first the agent meets.
    let mut order: Vec<String> = Vec::new();
    for site in Site::ALL {
        for (surface, _) in SURFACES {
            order.push(id(site, surface, "first"));
            order.push(id(site, surface, "next"));
        }
    }
    order.extend(["sla-due-soon", "sla-hours", "sla-zone", "sla-holidays"].map(String::from));
    crate::core::sort::sort_by_key(&mut errors, |(f, _)| {
        order.iter().position(|o| o == f).unwrap_or(usize::MAX)
    });
    Err(errors)
}

/// The form's box for a setting the policy names by its path
/// ("targets.x.post.first_response_minutes" → its box), "" when none.
fn field_id(field: &str) -> String {
    let parts: Vec<&str> = field.split('.').collect();
    match parts.as_slice() {
        ["targets", site, surface, which] => {
            let site = Site::ALL.into_iter().find(|s| s.as_str() == *site);
            let surface = SURFACES.iter().find(|(s, _)| s.as_str() == *surface);
            let box_ = if which.starts_with("first") {
                "first"
            } else {
                "next"
            };
            match (site, surface) {
                (Some(site), Some((surface, _))) => id(site, *surface, box_),
                _ => String::new(),
            }
        }
        ["due_soon", ..] => "sla-due-soon".into(),
        ["business_hours", "zone"] => "sla-zone".into(),
        ["business_hours", ..] => "sla-hours".into(),
        ["counted_in"] => "sla-basis".into(),
        _ => String::new(),
    }
}
