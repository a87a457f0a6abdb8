//! The best known time of a message, for starting and stopping clocks.
//!
//! Rule: the earliest instant the message can have been sent (`sent.ms`, the start of its
//! precision interval) is used, because starting a clock there never under-reports how long the
//! customer has waited. When the page gives no time, the instant Waypoint first saw the message
//! (`first_seen_ms`, a bound from the other side: it was sent by then) is the best known. A
//! message with neither cannot start a clock; the status counts such messages and says so.
//!
//! The same rule gives the time of our reply that stops a clock. For an exact time this is the
//! reply's time; for a coarse one ("2h") the measured wait can be shorter than the real one by
//! up to the precision, which only past (answered) cycles are affected by.

use crate::core::conversation::Message;

/// The instant used for a message in SLA clocks, if any is known. A message first seen
/// before the time the page gives it was sent (the site's clock ahead of this computer's) is
/// taken at the earlier of the two, so that the clock neither starts in the future nor stands
/// still until then.
pub fn best_known_ms(m: &Message) -> Option<i64> {
    match (m.sent.map(|s| s.ms), m.first_seen_ms) {
        (Some(sent), Some(seen)) => Some(sent.min(seen)),
        (sent, seen) => sent.or(seen),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conversation::{Author, Party, Precision, SentAt};

    #[test]
    fn coarse_and_missing_times() {
        let m = |sent: Option<SentAt>, seen: Option<i64>| Message {
            id: "1".into(),
            author: Author::default(),
            party: Party::Customer,
            sent,
            first_seen_ms: seen,
            text: String::new(),
        };
        let hour = |ms| {
            Some(SentAt {
                ms,
                precision: Precision::Hour,
            })
        };
        // (sent, first seen, used)
        let cases = [
            (Some(SentAt::exact(5_000)), Some(9_000), Some(5_000)),
            (hour(3_600_000), Some(7_000_000), Some(3_600_000)),
            (None, Some(9_000), Some(9_000)),
            (None, None, None),
        ];
        for (sent, seen, want) in cases {
            assert_eq!(best_known_ms(&m(sent, seen)), want, "{sent:?} {seen:?}");
        }
    }
}
