//! The only Rust code that calls `chrome.*`. Everything here degrades to `None` when the API
//! is missing (a test page, a browser without it) instead of throwing.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn path(root: &JsValue, keys: &[&str]) -> Option<JsValue> {
    let mut v = root.clone();
    for k in keys {
        v = Reflect::get(&v, &JsValue::from_str(k)).ok()?;
        if v.is_undefined() || v.is_null() {
            return None;
        }
    }
    Some(v)
}

/// `chrome.runtime.getManifest().version`, when running inside the extension.
pub fn extension_version() -> Option<String> {
    let runtime = path(&js_sys::global().into(), &["chrome", "runtime"])?;
    let get_manifest: Function = path(&runtime, &["getManifest"])?.dyn_into().ok()?;
    let manifest = get_manifest.call0(&runtime).ok()?;
    path(&manifest, &["version"])?.as_string()
}

/// `chrome.storage.local`, when running inside the extension.
fn local_storage_area() -> Option<JsValue> {
    path(&js_sys::global().into(), &["chrome", "storage", "local"])
}

/// Reads `key` from `chrome.storage.local`; `None` when absent or unavailable.
pub async fn storage_get(key: &str) -> Option<JsValue> {
    let area = local_storage_area()?;
    let get: Function = path(&area, &["get"])?.dyn_into().ok()?;
    let promise: js_sys::Promise = get
        .call1(&area, &JsValue::from_str(key))
        .ok()?
        .dyn_into()
        .ok()?;
    let result = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    path(&result, &[key])
}

/// Writes `key` to `chrome.storage.local`; failures are ignored (settings stay in memory).
pub async fn storage_set(key: &str, value: &JsValue) {
    let Some(area) = local_storage_area() else {
        return;
    };
    let Some(set) = path(&area, &["set"]).and_then(|f| f.dyn_into::<Function>().ok()) else {
        return;
    };
    let items = js_sys::Object::new();
    if Reflect::set(&items, &JsValue::from_str(key), value).is_err() {
        return;
    }
    if let Ok(p) = set.call1(&area, &items) {
        if let Ok(promise) = p.dyn_into::<js_sys::Promise>() {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    }
}

/// A listener on `chrome.storage.onChanged`, removed when dropped. It is called with the
/// changes (settings saved in another tab or window, or removed); [`changed`] asks whether a
/// key is among them.
pub struct StorageWatch {
    event: JsValue,
    listener: wasm_bindgen::closure::Closure<dyn FnMut(JsValue)>,
}

/// Whether `key` is among the `changes` a [`StorageWatch`] was called with.
pub fn changed(changes: &JsValue, key: &str) -> bool {
    Reflect::has(changes, &JsValue::from_str(key)).unwrap_or(false)
}

impl StorageWatch {
    /// `None` outside the extension. Only the local area is used, so the area's name (the
    /// listener's second argument) is not read.
    pub fn new(changed: impl FnMut(JsValue) + 'static) -> Option<StorageWatch> {
        let event = path(
            &js_sys::global().into(),
            &["chrome", "storage", "onChanged"],
        )?;
        let add: Function = path(&event, &["addListener"])?.dyn_into().ok()?;
        let listener = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(changed);
        add.call1(&event, listener.as_ref()).ok()?;
        Some(StorageWatch { event, listener })
    }
}

impl Drop for StorageWatch {
    fn drop(&mut self) {
        if let Some(remove) =
            path(&self.event, &["removeListener"]).and_then(|f| f.dyn_into::<Function>().ok())
        {
            let _ = remove.call1(&self.event, self.listener.as_ref());
        }
    }
}
