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

/// Writes `key` to `chrome.storage.local`. The error says why the browser did not store it.
pub async fn storage_set(key: &str, value: &JsValue) -> Result<(), String> {
    storage_set_all(&[(key, value.clone())]).await
}

/// Writes `items` to `chrome.storage.local` in one call of `set`: all of them or none. The
/// error says why the browser did not store them (its storage quota, a failing disk), or that
/// there is no extension storage here.
pub async fn storage_set_all(items: &[(&str, JsValue)]) -> Result<(), String> {
    let object = js_sys::Object::new();
    for (key, value) in items {
        Reflect::set(&object, &JsValue::from_str(key), value).map_err(reason)?;
    }
    call_area("set", &object).await
}

/// Removes `keys` from `chrome.storage.local` in one call; the error says why not.
pub async fn storage_remove(keys: &[&str]) -> Result<(), String> {
    let array: js_sys::Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
    call_area("remove", &array).await
}

/// Calls the local storage area's `method` with `arg`, and waits for it.
async fn call_area(method: &str, arg: &JsValue) -> Result<(), String> {
    let found = local_storage_area().and_then(|area| {
        let f = path(&area, &[method])?.dyn_into::<Function>().ok()?;
        Some((area, f))
    });
    let Some((area, f)) = found else {
        return Err("there is no extension storage here".to_owned());
    };
    let promise = f.call1(&area, arg).map_err(reason)?;
    match promise.dyn_into::<js_sys::Promise>() {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
            .await
            .map(drop)
            .map_err(reason),
        // An older API that takes a callback and returns nothing: taken as written.
        Err(_) => Ok(()),
    }
}

/// What a refusal from the browser says: an error's message, or the value as text.
fn reason(e: JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => e
            .as_string()
            .unwrap_or_else(|| "no reason given".to_owned()),
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
