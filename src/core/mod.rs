//! The pure core: plain data in, plain data out. It never reads a clock (time is passed in as
//! milliseconds since the Unix epoch) and never touches the DOM, so every rule is tested natively.

// First, for its `words!` macro.
#[macro_use]
pub mod words;

pub mod analysis;
pub mod check;
pub mod conversation;
pub mod decimal;
pub mod layout;
pub mod library;
pub mod reading;
pub mod route;
pub mod said;
pub mod scenario;
pub mod shared;
pub mod sla;
pub mod sort;
pub mod str_map;
pub mod template;
pub mod textlen;
pub mod time;
pub mod when;

/// Odd page text fed to every entry point that reads it: nothing may panic (a panic ends
/// Waypoint on the page).
#[cfg(test)]
mod fuzz_tests;

/// The version of this build, shown on the extension pages and printed by the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
