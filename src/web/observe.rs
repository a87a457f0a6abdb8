//! Watching the open conversation: one MutationObserver on the conversation's container (never
//! the whole document), its bursts coalesced into one re-read after a short quiet time.
//! Dropping the handle disconnects the observer and cancels the pending re-read.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};

/// How long a burst of mutations may go on before the conversation is read again.
const QUIET_MS: u32 = 40;

/// An owned observer of one container.
pub struct Watch {
    target: Element,
    observer: MutationObserver,
    pending: Rc<RefCell<Option<Timeout>>>,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
}

impl Watch {
    /// Observes `target`'s subtree and calls `on_change` once per burst of changes.
    pub fn new(target: &Element, on_change: impl Fn() + 'static) -> Result<Watch, JsValue> {
        let pending: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
        let on_change = Rc::new(on_change);
        let callback = {
            let pending = pending.clone();
            Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(move |_records, _obs| {
                let mut slot = pending.borrow_mut();
                if slot.is_none() {
                    let pending = pending.clone();
                    let on_change = on_change.clone();
                    *slot = Some(Timeout::new(QUIET_MS, move || {
                        pending.borrow_mut().take();
                        on_change();
                    }));
                }
            })
        };
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        observer.observe_with_options(target, &init)?;
        Ok(Watch {
            target: target.clone(),
            observer,
            pending,
            _callback: callback,
        })
    }

    /// Whether this watch is on `el`.
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
