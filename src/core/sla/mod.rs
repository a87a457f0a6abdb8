//! The SLA engine: how long a customer has waited for a reply, against the team's targets.
//!
//! - [`policy`]: the settings (targets per site and surface, due-soon threshold, business
//!   hours) and their validation;
//! - [`tz`] and `tz_table`: IANA time zones as POSIX rules, evaluated without a database (the
//!   table is a data file in the page, see [`tz::install_zones`]);
//! - [`hours`] and [`business`]: business hours and business-time arithmetic;
//! - [`bounds`]: which time of a message starts or stops a clock;
//! - [`status`]: the live status of one conversation (the badge);
//! - [`window`]: Meta's 24-hour messaging window;
//! - [`report`]: reply intervals and their summary over many conversations (the CLI).
//!
//! Nothing here reads a clock: `now` is always a parameter (ms since the epoch).

pub mod bounds;
pub mod business;
pub mod format;
pub mod hours;
pub mod policy;
pub mod report;
pub mod status;
pub mod tz;
#[cfg(not(target_arch = "wasm32"))]
pub mod tz_table;
pub mod window;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(test)]
mod tests;

pub use business::BusinessCalendar;
pub use hours::{BusinessHours, Period, TimeOfDay, Week};
pub use policy::{Basis, DueSoon, Policy, PolicyError, SiteTargets, Target, Targets, ValidPolicy};
pub use report::{intervals, summarize, ClockSummary, Interval, Summary};
pub use status::{
    commenter, customer_conversation, status, status_for_customer, AgentState, AgentStates,
    ClockKind, SlaStatus, State,
};
pub use tz::{TzError, Zone};
pub use window::{messaging_window, MessagingWindow};
