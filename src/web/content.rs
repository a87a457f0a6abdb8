//! The content-script controller: one per page. It mounts the panel, reads the open
//! conversation with the site's profile, watches it with one observer on its container, merges
//! what a virtualized list shows into one store, and keeps the page contract current while the
//! single-page app navigates.

use crate::core::conversation::Lang;
use crate::core::conversation::ReadState;
use crate::core::reading::{interpret, ThreadStore};
use crate::core::route::{self, Route};
use crate::web::extract::{self, Unread};
use crate::web::observe::Watch;
use crate::web::panel::replies::Situation;
use crate::web::panel::{Panel, View};
use crate::web::{dom, sites, Mode};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::prelude::*;
use web_sys::Document;

/// How often the page is looked at again for navigation and container swaps.
const TICK_MS: u32 = 500;
/// Re-reads wait this many times the cost of the last read, which keeps Waypoint's share of
/// the main thread on a busy page near 1/COST_FACTOR; at most MAX_DELAY_MS, so that a
/// virtualized list scrolled at reading speed is still read before its rows are recycled.
const COST_FACTOR: f64 = 10.0;
const MAX_DELAY_MS: f64 = 200.0;
/// How long markup may stay unrecognised after navigation before Waypoint says so in the
/// console (SPAs render the conversation a moment after the URL changes).
const GRACE_MS: f64 = 2_000.0;

struct App {
    doc: Document,
    panel: Panel,
    store: ThreadStore,
    /// Message elements already read, by element (cleared for the ones that change).
    seen: js_sys::WeakMap,
    watch: Option<Watch>,
    href: String,
    entered_at: f64,
    warned: HashSet<String>,
    _tick: Interval,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Starts the controller; a second call does nothing.
pub fn boot(mode: Mode) -> Result<(), JsValue> {
    if APP.with(|a| a.borrow().is_some()) {
        return Ok(());
    }
    let href = current_href()?;
    if route::classify(&href).is_none() {
        // Not a supported host: the manifest should not have injected us. Stay silent.
        return Ok(());
    }
    let doc = dom::document()?;
    let panel = Panel::mount(&doc, mode)?;
    let tick = Interval::new(TICK_MS, || run(refresh_if_moved()));
    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            doc,
            panel,
            store: ThreadStore::new(),
            seen: js_sys::WeakMap::new(),
            watch: None,
            href: String::new(),
            entered_at: js_sys::Date::now(),
            warned: HashSet::new(),
            _tick: tick,
        })
    });
    refresh()
}

/// Stops the controller and removes the panel with its observer and timers.
pub fn shutdown() {
    APP.with(|a| a.borrow_mut().take());
}

fn run(result: Result<(), JsValue>) {
    if let Err(e) = result {
        web_sys::console::warn_2(&"Waypoint: could not read the page:".into(), &e);
    }
}

fn schedule_refresh() {
    run(refresh());
}

/// The periodic look: re-reads only when the URL changed or the watched container is gone or
/// replaced (the observer reports changes inside it).
fn refresh_if_moved() -> Result<(), JsValue> {
    let href = current_href()?;
    let settled = APP.with(|a| {
        let guard = a.borrow();
        let Some(app) = guard.as_ref() else {
            return true;
        };
        if app.href != href || !app.panel.is_attached() {
            return false;
        }
        let Some(route) = route::classify(&href) else {
            return true;
        };
        let Some(profile) = route
            .surface
            .and_then(|s| sites::profile(route.site).surface(s))
        else {
            return true;
        };
        match (
            &app.watch,
            extract::first_match(&app.doc, profile.containers),
        ) {
            (Some(w), Some(c)) => w.watches(&c),
            _ => false,
        }
    });
    if settled {
        Ok(())
    } else {
        refresh()
    }
}

fn current_href() -> Result<String, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("Waypoint: no window"))?
        .location()
        .href()
}

/// The page's UI language, as far as replies are concerned (Spanish or English).
fn page_lang(doc: &Document) -> Option<Lang> {
    let lang = doc
        .document_element()?
        .get_attribute("lang")?
        .to_ascii_lowercase();
    Some(if lang.starts_with("es") {
        Lang::Es
    } else {
        Lang::En
    })
}

/// A monotonic clock for measuring Waypoint's own work.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn utc_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The key of a conversation: a new key starts a new store.
fn thread_key(route: &Route) -> String {
    format!(
        "{}:{}:{}",
        route.site.as_str(),
        route.surface.map_or("none", |s| s.as_str()),
        route.thread.as_deref().unwrap_or("")
    )
}

fn refresh() -> Result<(), JsValue> {
    let href = current_href()?;
    let Some(route) = route::classify(&href) else {
        return Ok(());
    };
    let view = APP.with(|a| -> Result<Option<View>, JsValue> {
        let mut guard = a.borrow_mut();
        let Some(app) = guard.as_mut() else {
            return Ok(None);
        };
        let now = js_sys::Date::now();
        if app.href != href {
            app.href = href.clone();
            app.entered_at = now;
            if app.store.open(&thread_key(&route)) {
                app.watch = None;
                app.seen = js_sys::WeakMap::new();
            }
        }
        if !app.panel.is_attached() {
            app.panel.reattach(&app.doc)?;
        }
        Ok(Some(read(app, &route, now)))
    })?;
    if let Some(view) = view {
        APP.with(|a| {
            if let Some(app) = a.borrow_mut().as_mut() {
                app.panel.show(&view)?;
            }
            Ok::<(), JsValue>(())
        })?;
    }
    Ok(())
}

fn read(app: &mut App, route: &Route, now: f64) -> View {
    let mut view = View {
        site: route.site,
        surface: route.surface,
        state: ReadState::NoConversation,
        messages: 0,
        customer: None,
        note: None,
    };
    let Some(surface) = route.surface else {
        app.watch = None;
        return view;
    };
    if route.locked {
        app.watch = None;
        view.note =
            Some("This chat is locked with a passcode: nothing is read until you unlock it");
        return view;
    }
    let Some(profile) = sites::profile(route.site).surface(surface) else {
        view.state = ReadState::Unrecognized;
        return view;
    };
    let unread = match extract::first_match(&app.doc, profile.containers) {
        None => Unread::NoContainer(profile.containers),
        Some(container) => {
            if !app.watch.as_ref().is_some_and(|w| w.watches(&container)) {
                let seen = app.seen.clone();
                let selector = profile.messages.join(", ");
                app.watch = Watch::new(
                    &container,
                    move |records| extract::forget_changed(&seen, records, &selector),
                    schedule_refresh,
                )
                .ok();
            }
            let started = now_ms();
            let result =
                extract::read_thread(&app.doc, &container, route, profile, Some(&app.seen));
            match result {
                Ok(read) => {
                    let entries = interpret(&read.raw, now as i64, utc_offset_min());
                    extract::remember(&app.seen, &read.fresh, &entries);
                    app.store.merge(entries, now as i64);
                    view.state = ReadState::Ready;
                    view.messages = app.store.len();
                    let customer = app.store.customer(read.raw.partner.as_ref());
                    view.customer = customer
                        .clone()
                        .map(|c| c.handle.map(|h| format!("@{h}")).unwrap_or(c.name));
                    app.panel.set_situation(Situation {
                        site: Some(route.site),
                        surface: Some(surface),
                        customer,
                        lang: page_lang(&app.doc),
                        composer: profile.composer,
                    });
                    if let Some(w) = &app.watch {
                        let cost = now_ms() - started;
                        w.set_delay((cost * COST_FACTOR).min(MAX_DELAY_MS) as u32);
                    }
                    return view;
                }
                Err(e) => e,
            }
        }
    };
    if !app.store.is_empty() {
        // The list went away for a moment (a re-render): keep what was read.
        view.state = ReadState::Ready;
        view.messages = app.store.len();
        return view;
    }
    view.state = ReadState::Unrecognized;
    if now - app.entered_at >= GRACE_MS {
        let warning = unread.warning(route.site, profile);
        if app.warned.insert(warning.clone()) {
            web_sys::console::warn_1(&warning.into());
        }
    }
    view
}
