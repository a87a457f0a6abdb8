//! The content-script controller: one per page. It mounts the panel, works out which
//! conversation is open, and keeps the page contract current while the single-page app
//! navigates.

use crate::core::conversation::ReadState;
use crate::core::route::{self, Route};
use crate::web::panel::{Panel, View};
use crate::web::{dom, sites, Mode};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// How often the page is looked at again for navigation and re-renders.
const TICK_MS: u32 = 500;

struct App {
    doc: Document,
    panel: Panel,
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
    let tick = Interval::new(TICK_MS, || {
        if let Err(e) = refresh() {
            web_sys::console::warn_2(&"Waypoint: could not read the page:".into(), &e);
        }
    });
    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            doc,
            panel,
            _tick: tick,
        })
    });
    refresh()
}

/// Stops the controller and removes the panel (used by tests and on fatal errors).
pub fn shutdown() {
    APP.with(|a| a.borrow_mut().take());
}

fn current_href() -> Result<String, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("Waypoint: no window"))?
        .location()
        .href()
}

fn refresh() -> Result<(), JsValue> {
    let href = current_href()?;
    APP.with(|a| {
        let mut app = a.borrow_mut();
        let Some(app) = app.as_mut() else {
            return Ok(());
        };
        let Some(route) = route::classify(&href) else {
            return Ok(());
        };
        if !app.panel.is_attached() {
            app.panel.reattach(&app.doc)?;
        }
        let view = read(&app.doc, &route);
        app.panel.show(&view)
    })
}

fn first_match(root: &Document, selectors: &[&str]) -> Option<Element> {
    selectors
        .iter()
        .find_map(|sel| root.query_selector(sel).ok().flatten())
}

/// Reads what the page shows for `route`, using the site's profile.
pub fn read(doc: &Document, route: &Route) -> View {
    let mut view = View {
        site: route.site,
        surface: route.surface,
        state: ReadState::NoConversation,
        messages: 0,
        note: None,
    };
    let Some(surface) = route.surface else {
        return view;
    };
    if route.locked {
        view.note =
            Some("This chat is locked with a passcode: nothing is read until you unlock it");
        return view;
    }
    let Some(profile) = sites::profile(route.site).surface(surface) else {
        view.state = ReadState::Unrecognized;
        return view;
    };
    let Some(container) = first_match(doc, profile.containers) else {
        view.state = ReadState::Unrecognized;
        return view;
    };
    view.state = ReadState::Ready;
    view.messages = profile
        .messages
        .iter()
        .filter_map(|sel| container.query_selector_all(sel).ok())
        .map(|list| list.length() as usize)
        .find(|&n| n > 0)
        .unwrap_or(0);
    view
}
