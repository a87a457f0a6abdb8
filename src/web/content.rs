//! The content-script controller: one per page. It mounts the panel, reads the open
//! conversation with the site's profile, watches it with one observer on its container, merges
//! what a virtualized list shows into one store, and keeps the page contract current while the
//! single-page app navigates.

use crate::core::conversation::ReadState;
use crate::core::reading::{interpret, ThreadStore};
use crate::core::route::{self, Route};
use crate::web::extract::{self, Unread};
use crate::web::observe::Watch;
use crate::web::panel::{Panel, View};
use crate::web::{dom, sites, Mode};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::prelude::*;
use web_sys::Document;

/// How often the page is looked at again for navigation and container swaps.
const TICK_MS: u32 = 500;
/// How long markup may stay unrecognised after navigation before Waypoint says so in the
/// console (SPAs render the conversation a moment after the URL changes).
const GRACE_MS: f64 = 2_000.0;

struct App {
    doc: Document,
    panel: Panel,
    store: ThreadStore,
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
    let tick = Interval::new(TICK_MS, schedule_refresh);
    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            doc,
            panel,
            store: ThreadStore::new(),
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

fn schedule_refresh() {
    if let Err(e) = refresh() {
        web_sys::console::warn_2(&"Waypoint: could not read the page:".into(), &e);
    }
}

fn current_href() -> Result<String, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("Waypoint: no window"))?
        .location()
        .href()
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
                app.watch = Watch::new(&container, schedule_refresh).ok();
            }
            match extract::read_thread(&app.doc, &container, route, profile) {
                Ok(raw) => {
                    let messages = interpret(&raw, now as i64, utc_offset_min());
                    app.store.merge(messages, now as i64);
                    let conversation = app.store.conversation(&raw);
                    view.state = ReadState::Ready;
                    view.messages = app.store.len();
                    view.customer = conversation
                        .customer
                        .map(|c| c.handle.map(|h| format!("@{h}")).unwrap_or(c.name));
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
