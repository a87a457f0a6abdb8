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
