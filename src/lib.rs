//! Waypoint: social customer care inside the native X, Facebook and Instagram web apps.
//!
//! The crate is compiled two ways (see `DESIGN.md` in the shared folder and the README):
//!
//! - natively, where [`core`] (pure Rust: no DOM, no clock) is tested with `cargo test` and
//!   drives the `waypoint` command-line tool;
//! - to `wasm32-unknown-unknown`, where [`web`] adapts the core to the page: the panel, the
//!   extension pages and the calls into `chrome.*`.

pub mod core;

/// Conversations in the twcs CSV format, for the CLI and the corpus tests (not shipped).
#[cfg(feature = "cli")]
pub mod twcs;

/// The checklist over twcs replies and its scoring against labels, for the CLI and the
/// evaluation test (not shipped).
#[cfg(feature = "cli")]
pub mod check_eval;

// The module is built twice by `cargo xtask build`: with `content` (the content script, and
// the practice page, which runs it) and with `options` (the settings page). Each leaves out
// the other's entry points, so the linker leaves out their code, and the rest of `web` is
// unused there. Tests and clippy build both.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(
    not(all(feature = "content", feature = "options")),
    allow(dead_code, unused_imports)
)]
pub mod web;

/// The module's allocator. std's default on wasm32 (dlmalloc) took 8 kB of the module (3 kB
/// gzipped, with 0.5 kB left of the 300 kB budget), and in the JS translation run on x.com
/// its large `malloc` ran unoptimized through a long thread's first read: talc is about 1 kB,
/// and that read took 148 ms instead of 164 (medians of three alternating runs of the
/// benchmark); later reads and memory are unchanged.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
