//! Properties of business time over random instants in 2024–2026, in zones with and without
//! daylight saving, split shifts, weekends and holidays.

use super::business::BusinessCalendar;
use super::hours::{BusinessHours, Week};
use crate::core::time::{Date, DAY_MS, HOUR_MS};
use proptest::prelude::*;

/// 2024-01-01 00:00 UTC and 2027-01-01 00:00 UTC.
const FROM: i64 = 1_704_067_200_000;
const TO: i64 = 1_798_761_600_000;

fn calendars() -> Vec<BusinessCalendar> {
    let specs = [
        (
            "Europe/Madrid",
            "mon-fri 09:00-12:30,13:30-17:30",
            &["2025-12-25", "2026-01-01"][..],
        ),
        (
            "America/New_York",
            "mon-fri 09:00-17:00; sat 10:00-14:00",
            &["2025-07-04"][..],
        ),
        // Periods around the clock changes themselves (02:00 local) and over midnight.
        (
            "America/New_York",
            "mon-sun 00:00-03:00,22:00-24:00",
            &[][..],
        ),
        (
            "Australia/Sydney",
            "sun-thu 01:30-02:30,08:00-20:00",
            &[][..],
        ),
        ("America/Nuuk", "mon-sun 00:00-24:00", &[][..]),
        ("UTC", "wed 10:00-11:00", &[][..]),
    ];
    specs
        .iter()
        .map(|(zone, spec, holidays)| {
            BusinessCalendar::new(&BusinessHours {
                zone: (*zone).into(),
                week: Week::parse(spec).unwrap(),
                holidays: holidays
                    .iter()
                    .map(|d| Date::parse_iso(d).unwrap())
                    .collect(),
            })
            .unwrap()
        })
        .collect()
}

fn instant() -> impl Strategy<Value = i64> {
    FROM..TO
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn business_time_never_runs_backwards(
        which in 0usize..6, a in instant(), d1 in 0..20 * DAY_MS, d2 in 0..20 * DAY_MS
    ) {
        let c = &calendars()[which];
        let (b, c_) = (a + d1, a + d1 + d2);
        let ab = c.business_ms(a, b);
        let ac = c.business_ms(a, c_);
        prop_assert!(ab >= 0);
        prop_assert!(ab <= ac, "b(a,b) = {ab} > b(a,c) = {ac}");
        prop_assert!(ac <= c_ - a, "never more than calendar time");
    }

    #[test]
    fn splitting_an_interval_never_changes_its_total(
        which in 0usize..6, a in instant(), m in 0..30 * DAY_MS, c2 in 0..30 * DAY_MS
    ) {
        let c = &calendars()[which];
        let (mid, end) = (a + m.min(c2), a + m.max(c2));
        prop_assert_eq!(c.business_ms(a, end), c.business_ms(a, mid) + c.business_ms(mid, end));
        prop_assert_eq!(c.business_ms(end, a), -c.business_ms(a, end));
    }

    #[test]
    fn a_deadline_is_exactly_the_duration_away(
        which in 0usize..6, from in instant(), d in 1..200 * HOUR_MS
    ) {
        let c = &calendars()[which];
        let deadline = c.add_business(from, d);
        prop_assert!(deadline > from);
        prop_assert_eq!(c.business_ms(from, deadline), d);
        // And it is the first such instant.
        prop_assert!(c.business_ms(from, deadline - 1) < d);
    }

    #[test]
    fn local_time_round_trips(which in 0usize..6, t in instant()) {
        let rule = &calendars()[which].zone().rule.clone();
        let back = rule.to_utc(rule.to_local(t));
        // Equal, or the earlier of two instants with the same wall-clock time.
        prop_assert!(back == t || (back < t && rule.to_local(back) == rule.to_local(t)));
    }
}
