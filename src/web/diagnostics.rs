//! Diagnostics the tests call on the built module, in both builds. The benchmark's entry
//! points are in [`crate::web::bench`], in its build only.
//!
//! The JS translation of the module (`wasm2js`) emulates `memory.grow` by moving memory into a
//! larger `ArrayBuffer`; wasm-bindgen's glue caches views of memory and refreshes them only
//! when the old buffer is detached. The build patches the translation so that growth detaches
//! the old buffer. These two functions let a test make memory grow and then pass strings both
//! ways across the boundary, which breaks if the glue still writes into the old buffer.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static HELD: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

/// Allocates and keeps `megabytes` MiB (written, so it is really used), making linear memory
/// grow. Returns the memory size afterwards, in MiB.
#[wasm_bindgen(js_name = debugGrowMemory)]
pub fn debug_grow_memory(megabytes: u32) -> u32 {
    let len = megabytes as usize * 1024 * 1024;
    let mut block = vec![0u8; len];
    for (i, b) in block.iter_mut().enumerate().step_by(4096) {
        *b = (i / 4096) as u8;
    }
    HELD.with(|h| h.borrow_mut().push(block));
    memory_mib()
}

/// Frees what [`debug_grow_memory`] holds (memory itself never shrinks).
#[wasm_bindgen(js_name = debugReleaseMemory)]
pub fn debug_release_memory() {
    HELD.with(|h| h.borrow_mut().clear());
}

/// Returns `text` reversed by characters with its length in characters, so a test sees both
/// directions of the string boundary: `"abc"` → `"3:cba"`.
#[wasm_bindgen(js_name = debugEcho)]
pub fn debug_echo(text: &str) -> String {
    let n = text.chars().count();
    let reversed: String = text.chars().rev().collect();
    format!("{n}:{reversed}")
}

/// The current size of linear memory, in MiB.
#[wasm_bindgen(js_name = debugMemoryMib)]
pub fn memory_mib() -> u32 {
    (core::arch::wasm32::memory_size(0) * 65536 / (1024 * 1024)) as u32
}

/// Panics, as a fault of Waypoint's own would, mid-change (the state held, as a real one
/// leaves it: each later call into it would fail again): for the test that the page is told
/// and the clock and reads stop calling into the stopped module.
#[wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    crate::web::content::panic_mid_change();
}
