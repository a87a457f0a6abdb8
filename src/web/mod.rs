//! The browser adapter, compiled only for `wasm32`: the only code that uses `web-sys`.
//!
//! Entry points called by the JS loaders in `extension/`:
//!
//! - [`boot_content`] from `content.js`, the content script on the four supported hosts;
//! - [`boot_page`] from `page.js`, the extension's own pages (options, practice).
//!
//! Both take the `mode` the loader chose (`wasm` or `js`, see [`Mode`]), which the page
//! contract reports as `data-mode`.

/// The benchmark's entry points, in its build only (`cargo xtask bench`).
#[cfg(all(feature = "content", feature = "bench"))]
pub mod bench;
pub mod composer;
pub mod content;
pub mod diagnostics;
pub mod extract;
pub mod gate;
pub mod observe;
pub mod pages;
pub mod panel;
pub mod platform;
pub mod review;
pub mod sites;
pub mod slash;

use wasm_bindgen::prelude::*;

/// A monotonic clock for measuring Waypoint's own work (ms).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// How many messages one task reads afresh. A conversation longer than that is read in
/// several tasks, the page running between them (see `content::read`), so that no task of
/// Waypoint's keeps the page waiting long. The first task reads [`Slice::FIRST`]: a module's
/// first read also compiles the reading code (12-15 ms in the JS translation, before any
/// message), which then runs unoptimised for a while (over 100 µs a message at first). Each
/// next task reads as many as the last one read in [`Slice::TASK_MS`], from [`Slice::FIRST`]
/// to [`Slice::MOST`], and at most four times as many as it.
#[derive(Clone, Copy, Debug)]
pub struct Slice(u32);

impl Slice {
    pub const FIRST: u32 = 25;
    pub const MOST: u32 = 5_000;
    pub const TASK_MS: f64 = 8.0;

    pub fn new() -> Slice {
        Slice(Slice::FIRST)
    }

    pub fn limit(self) -> u32 {
        self.0
    }

    /// Learns from a read that stopped at the limit after `ms`.
    pub fn took(&mut self, ms: f64) {
        let next = f64::from(self.0) * Slice::TASK_MS / ms.max(0.1);
        self.0 = (next as u32).clamp(Slice::FIRST, Slice::MOST.min(self.0 * 4));
    }
}

impl Default for Slice {
    fn default() -> Slice {
        Slice::new()
    }
}

/// Which build of the same Rust module is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Real WebAssembly.
    Wasm,
    /// The `wasm2js` translation, for pages whose CSP forbids WebAssembly.
    Js,
}

impl Mode {
    pub fn parse(s: &str) -> Result<Mode, JsValue> {
        match s {
            "wasm" => Ok(Mode::Wasm),
            "js" => Ok(Mode::Js),
            other => Err(JsValue::from_str(&format!(
                "Waypoint: unknown mode “{other}” (expected “wasm” or “js”)"
            ))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Wasm => "wasm",
            Mode::Js => "js",
        }
    }

    /// How the panel names the build to a person.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Wasm => "WebAssembly",
            Mode::Js => "JavaScript translation",
        }
    }
}

/// Starts Waypoint in a content script. Idempotent: a second call does nothing. `minimised`:
/// the stored `waypoint.panel.minimised` (`true` when the agent left the panel minimised).
#[cfg(feature = "content")]
#[wasm_bindgen(js_name = bootContent)]
pub fn boot_content(mode: &str, minimised: Option<bool>) -> Result<(), JsValue> {
    content::boot(Mode::parse(mode)?, minimised == Some(true))
}

/// Hands over the sentiment lexicon (the extension's `data/lexicon.js`), before booting;
/// returns how many words it holds, or an error naming the line that is wrong.
#[cfg(feature = "content")]
#[wasm_bindgen(js_name = installLexicon)]
pub fn install_lexicon(text: String) -> Result<u32, JsValue> {
    crate::core::analysis::sentiment::install_lexicon(text)
        .map(|n| n as u32)
        .map_err(|e| JsValue::from_str(&format!("Waypoint: {e}")))
}

/// Hands over the analysis's phrase rules (the extension's `data/rules.js`), before booting;
/// returns how many tables it holds, or an error naming the line that is wrong.
#[wasm_bindgen(js_name = installRules)]
pub fn install_rules(text: String) -> Result<u32, JsValue> {
    crate::core::analysis::text::install_rules(text)
        .map(|n| n as u32)
        .map_err(|e| JsValue::from_str(&format!("Waypoint: {e}")))
}

/// Hands over the time zone table (the extension's `data/zones.js`), before booting; returns
/// how many zones it holds, or an error naming the line that is wrong.
#[wasm_bindgen(js_name = installZones)]
pub fn install_zones(text: String) -> Result<u32, JsValue> {
    crate::core::sla::tz::install_zones(text)
        .map(|n| n as u32)
        .map_err(|e| JsValue::from_str(&format!("Waypoint: {e}")))
}

/// Hands over the template library (the extension's `data/library.js`), before booting;
/// returns how many templates it holds.
#[cfg(feature = "content")]
#[wasm_bindgen(js_name = installLibrary)]
pub fn install_library(text: String) -> Result<u32, JsValue> {
    crate::core::library::install(text)
        .map(|n| n as u32)
        .map_err(|e| JsValue::from_str(&format!("Waypoint: {e}")))
}

/// Hands over the panel's style sheet (the extension's `data/panel.js`): before booting on the
/// extension's pages, when it arrives in the content script (the panel mounted takes it).
#[cfg(feature = "content")]
#[wasm_bindgen(js_name = installStyle)]
pub fn install_style(css: String) {
    panel::install_style(css);
}

/// Says that the data files were handed over after [`boot_content`]: the open conversation's
/// suggestions are ranked again with them.
#[cfg(feature = "content")]
#[wasm_bindgen(js_name = dataReady)]
pub fn data_ready() {
    content::data_ready();
}

/// Renders an extension page (`options` or `practice`) into its `#app` element: the options
/// page in the module built with the `options` feature, the practice page in the one built
/// with `content` (which runs the content script on it).
#[wasm_bindgen(js_name = bootPage)]
pub fn boot_page(page: &str, mode: &str) -> Result<(), JsValue> {
    pages::boot(page, Mode::parse(mode)?)
}

/// The crate version, for the loaders' diagnostics.
#[wasm_bindgen]
pub fn version() -> String {
    crate::core::VERSION.to_owned()
}

/// Small DOM helpers shared by the panel and the pages. Text always goes in as text.
pub(crate) mod dom {
    use wasm_bindgen::prelude::*;
    use web_sys::{Document, Element};

    pub fn document() -> Result<Document, JsValue> {
        web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("Waypoint: no document"))
    }

    /// A CSS length in whole pixels ("12px"). Formatted as an integer: formatting floats pulls
    /// the standard library's float printing (several kilobytes) into the module.
    pub fn px(v: f64) -> String {
        format!("{}px", v.round() as i64)
    }

    /// Puts `text` in `el` (as text), unless it already reads so. Rewriting the same words
    /// still has the browser lay out, repaint and hit-test the page: on a long page, a panel
    /// that rewrote its clock every second cost a sixth of the main thread while idle.
    pub fn set_text(el: &Element, text: &str) {
        if el.text_content().as_deref().unwrap_or("") != text {
            el.set_text_content(Some(text));
        }
    }

    /// Sets attribute `name` of `el` to `value`, unless it already has that value (the same
    /// value written again still invalidates the element's style).
    pub fn set_attr(el: &Element, name: &str, value: &str) -> Result<(), JsValue> {
        if el.get_attribute(name).as_deref() != Some(value) {
            el.set_attribute(name, value)?;
        }
        Ok(())
    }

    /// Gives `el` the boolean attribute `name` (`hidden`, …) when `on`, removes it otherwise;
    /// no write when it already is so.
    pub fn flag(el: &Element, name: &str, on: bool) -> Result<(), JsValue> {
        if on != el.has_attribute(name) {
            if on {
                el.set_attribute(name, "")?;
            } else {
                el.remove_attribute(name)?;
            }
        }
        Ok(())
    }

    /// Creates `<tag class=…>` holding `text` as a text node (never parsed as HTML).
    pub fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let e = doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Ok(e)
    }
}
