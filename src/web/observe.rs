//! Watching the open conversation: one MutationObserver on the conversation's container (never
//! the whole document), its bursts coalesced into one re-read after a short quiet time. The
//! observer itself is gather.js's `ContainerWatch`: the gatherer takes its records too (the
//! elements added since its last search), so that the container has one observer, not two.
//! Dropping the handle disconnects the observer and cancels the pending re-read.

use crate::web::extract::{self, ContainerWatch};
use crate::web::sites::SurfaceProfile;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The shortest wait between a change and the re-read it causes; the owner raises it with the
/// cost of reading (see [`Watch::set_delay`]), so a busy page is never slowed by much.
pub const MIN_DELAY_MS: u32 = 40;

/// An owned observer of one container.
pub struct Watch {
    target: Element,
    observer: ContainerWatch,
    pending: Rc<RefCell<Option<Timeout>>>,
    delay: Rc<Cell<u32>>,
    _callback: Closure<dyn FnMut()>,
}

impl Watch {
    /// Observes `target`'s subtree, read with `profile`: the elements its changes touch are
    /// forgotten in `seen` (so that they are read again), and `on_change` runs once per burst
    /// of changes.
    pub fn new(
        target: &Element,
        seen: &js_sys::WeakMap,
        profile: &'static SurfaceProfile,
        on_change: impl Fn() + 'static,
    ) -> Result<Watch, JsValue> {
        let pending: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
        let delay = Rc::new(Cell::new(MIN_DELAY_MS));
        let on_change = Rc::new(on_change);
        let callback = {
            let pending = pending.clone();
            let delay = delay.clone();
            Closure::<dyn FnMut()>::new(move || {
                let mut slot = pending.borrow_mut();
                if slot.is_none() {
                    let pending = pending.clone();
                    let on_change = on_change.clone();
                    *slot = Some(Timeout::new(delay.get(), move || {
                        pending.borrow_mut().take();
                        on_change();
                    }));
                }
            })
        };
        let observer = extract::watch(target, seen, callback.as_ref().unchecked_ref(), profile)?;
        Ok(Watch {
            target: target.clone(),
            observer,
            pending,
            delay,
            _callback: callback,
        })
    }

    /// Sets how long changes wait before they are read, at least [`MIN_DELAY_MS`].
    pub fn set_delay(&self, ms: u32) {
        self.delay.set(ms.max(MIN_DELAY_MS));
    }

    /// How long changes wait before they are read now.
    pub fn delay(&self) -> u32 {
        self.delay.get()
    }

    /// Whether this watch is on `el`.
    /// The element watched.
    pub fn target(&self) -> &Element {
        &self.target
    }

    pub fn watches(&self, el: &Element) -> bool {
        self.target == *el
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
        self.pending.borrow_mut().take();
    }
}
