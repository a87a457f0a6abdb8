//! Business time: how much open time lies between two instants, and when a duration of open
//! time starting at an instant runs out.
//!
//! Periods are local wall-clock times in the zone, so a 09:00–17:00 day is 8 hours even on a
//! day whose night had a clock change; a period that itself spans a change is as long as the
//! real time that passes (a 00:00–24:00 day is 23 or 25 hours). A period boundary that falls in
//! a gap or an overlap resolves as [`PosixTz::to_utc`] says.

use super::hours::{BusinessHours, Week};
use super::tz::{PosixTz, Zone};
use crate::core::time::{days_from_civil, weekday_from_days, DAY_MS};

/// How far ahead [`BusinessCalendar::add_business`] looks for open time before it gives up
/// (only a week with no open time at all, which validation forbids, would reach it).
const SEARCH_DAYS: i64 = 366 * 100;

/// Business hours ready to compute with: a resolved zone and holidays as day numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessCalendar {
    zone: Zone,
    week: Week,
    /// Local dates as days since 1970-01-01, in order and each once (a sorted list rather than
    /// a B-tree set: the page module has no other set of numbers to share that code with).
    holidays: Vec<i64>,
}

impl BusinessCalendar {
    /// Checks the settings (a known zone; periods that end after they start and do not
    /// overlap; some open time in the week) and prepares them.
    pub fn new(hours: &BusinessHours) -> Result<BusinessCalendar, String> {
        let zone = Zone::named(&hours.zone).map_err(|e| e.message)?;
        BusinessCalendar::in_zone(zone, hours)
    }

    /// [`BusinessCalendar::new`] with the hours' zone already looked up (a caller that names
    /// the zone's fault apart from the hours').
    pub fn in_zone(zone: Zone, hours: &BusinessHours) -> Result<BusinessCalendar, String> {
        let mut week = hours.week.clone();
        week.validate()?;
        let mut holidays: Vec<i64> = hours.holidays.iter().map(|d| days_from_civil(*d)).collect();
        crate::core::sort::sort(&mut holidays);
        holidays.dedup();
        Ok(BusinessCalendar {
            zone,
            week,
            holidays,
        })
    }

    /// The time zone the hours are in.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// `Mon–Fri 09:00–17:00 Europe/Madrid`, plus the number of holidays if any.
    pub fn describe(&self) -> String {
        let mut s = format!("{} {}", self.week.describe(), self.zone.name);
        match self.holidays.len() {
            0 => {}
            1 => s.push_str(", 1 holiday"),
            n => s.push_str(&format!(", {n} holidays")),
        }
        s
    }

    fn rule(&self) -> &PosixTz {
        &self.zone.rule
    }

    /// The local day (days since 1970-01-01) an instant falls on.
    pub fn local_day(&self, utc_ms: i64) -> i64 {
        self.rule().to_local(utc_ms).div_euclid(DAY_MS)
    }

    /// The open periods of a local day as UTC `[start, end)` instants, in order.
    fn open_periods(&self, day: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        let periods = if self.holidays.binary_search(&day).is_ok() {
            &[][..]
        } else {
            self.week.day(weekday_from_days(day))
        };
        let midnight = day * DAY_MS;
        periods.iter().map(move |p| {
            (
                self.rule().to_utc(midnight + p.start.ms()),
                self.rule().to_utc(midnight + p.end.ms()),
            )
        })
    }

    /// Open time in `[from, to)`, in milliseconds; negative (the open time of `[to, from)`)
    /// when `to` is before `from`, so that `business_ms(a, c) == business_ms(a, m) +
    /// business_ms(m, c)` for any `m`.
    pub fn business_ms(&self, from: i64, to: i64) -> i64 {
        if to < from {
            return -self.business_ms(to, from);
        }
        // One day of margin each side: local days overlap in UTC around clock changes.
        let (first, last) = (self.local_day(from) - 1, self.local_day(to) + 1);
        (first..=last)
            .flat_map(|day| self.open_periods(day))
            .map(|(s, e)| (e.min(to) - s.max(from)).max(0))
            .sum()
    }

    /// When open time next begins, if `at` is outside business hours (a holiday, a night, a
    /// weekend); `None` while open.
    pub fn closed_until(&self, at: i64) -> Option<i64> {
        (self.business_ms(at, at + 1) == 0).then(|| self.add_business(at, 1) - 1)
    }

    /// An instant after `now` as the hours' zone tells it, for a sentence: "09:00" the same
    /// local day, "09:00 tomorrow", "Monday 09:00" within the week, else "Monday 5 January
    /// 09:00".
    pub fn when(&self, instant: i64, now: i64) -> String {
        let local = self.rule().to_local(instant);
        let day = local.div_euclid(DAY_MS);
        let minute = local.rem_euclid(DAY_MS) / 60_000;
        let clock = format!("{:02}:{:02}", minute / 60, minute % 60);
        const DAYS: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let weekday = DAYS[usize::from(weekday_from_days(day))];
        match day - self.local_day(now) {
            ..=0 => clock,
            1 => format!("{clock} tomorrow"),
            2..=6 => format!("{weekday} {clock}"),
            _ => {
                let d = crate::core::time::civil_from_days(day);
                let month = crate::core::time::month_name(d.month);
                let mut name = month.chars();
                let first = name.next().map(|c| c.to_ascii_uppercase());
                format!(
                    "{weekday} {} {}{} {clock}",
                    d.day,
                    first.unwrap_or(' '),
                    name.as_str()
                )
            }
        }
    }

    /// The instant at which `duration_ms` of open time, counted from `from`, has passed. A
    /// clock that starts while closed starts at the next opening; a duration that runs out
    /// exactly at a closing gives that closing. Zero or negative durations give `from`.
    pub fn add_business(&self, from: i64, duration_ms: i64) -> i64 {
        if duration_ms <= 0 {
            return from;
        }
        let mut left = duration_ms;
        let first = self.local_day(from) - 1;
        for day in first..first + SEARCH_DAYS + self.holidays.len() as i64 {
            for (s, e) in self.open_periods(day) {
                let s = s.max(from);
                if e <= s {
                    continue;
                }
                if left <= e - s {
                    return s + left;
                }
                left -= e - s;
            }
        }
        i64::MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sla::hours::Week;
    use crate::core::time::{utc_ms, Date, HOUR_MS, MINUTE_MS};

    #[test]
    fn an_instant_more_than_a_week_ahead_is_said_with_its_date() {
        let c = BusinessCalendar::new(&BusinessHours {
            zone: "UTC".into(),
            week: Week::office(),
            holidays: Vec::new(),
        })
        .unwrap();
        let d = |day| Date {
            year: 2026,
            month: 1,
            day,
        };
        // Thursday 1 January 2026, then Monday 12 January.
        assert_eq!(
            c.when(utc_ms(d(12), 9, 0, 0), utc_ms(d(1), 10, 0, 0)),
            "Monday 12 January 09:00"
        );
        assert_eq!(
            c.when(utc_ms(d(5), 9, 30, 0), utc_ms(d(1), 10, 0, 0)),
            "Monday 09:30"
        );
    }

    fn cal(zone: &str, spec: &str, holidays: &[&str]) -> BusinessCalendar {
        BusinessCalendar::new(&BusinessHours {
            zone: zone.into(),
            week: Week::parse(spec).unwrap(),
            holidays: holidays
                .iter()
                .map(|d| Date::parse_iso(d).unwrap())
                .collect(),
        })
        .unwrap()
    }

    /// A UTC instant.
    fn utc(y: i32, mo: u8, d: u8, h: u8, mi: u8) -> i64 {
        utc_ms(
            Date {
                year: y,
                month: mo,
                day: d,
            },
            h,
            mi,
            0,
        )
    }

    /// A local time in `cal`'s zone (not in a gap or an overlap).
    fn local(c: &BusinessCalendar, y: i32, mo: u8, d: u8, h: u8, mi: u8) -> i64 {
        c.zone().rule.to_utc(utc(y, mo, d, h, mi))
    }

    const H: i64 = HOUR_MS;
    const M: i64 = MINUTE_MS;

    #[test]
    fn business_time_between_instants() {
        let madrid = cal("Europe/Madrid", "mon-fri 09:00-17:00", &["2025-12-25"]);
        let split = cal(
            "Europe/Madrid",
            "mon-fri 09:00-12:30,13:30-17:30",
            &["2025-12-25"],
        );
        let l = |c, y, mo, d, h, mi| local(c, y, mo, d, h, mi);
        // (calendar, from, to, expected business ms, what it shows)
        let cases = [
            (
                &madrid,
                l(&madrid, 2025, 11, 21, 18, 0),
                l(&madrid, 2025, 11, 24, 9, 30),
                30 * M,
                "Friday evening to Monday 09:30: only Monday's first half hour",
            ),
            (
                &madrid,
                l(&madrid, 2025, 11, 18, 16, 0),
                l(&madrid, 2025, 11, 19, 10, 0),
                2 * H,
                "across midnight: 16–17 and 09–10",
            ),
            (
                &madrid,
                l(&madrid, 2025, 12, 24, 16, 0),
                l(&madrid, 2025, 12, 26, 10, 0),
                2 * H,
                "Christmas Day is a holiday",
            ),
            (
                &madrid,
                l(&madrid, 2025, 11, 17, 8, 0),
                l(&madrid, 2025, 11, 24, 8, 0),
                40 * H,
                "a whole week",
            ),
            (
                &split,
                l(&split, 2025, 11, 18, 12, 0),
                l(&split, 2025, 11, 18, 14, 0),
                H,
                "the lunch break does not count",
            ),
            (
                &madrid,
                l(&madrid, 2025, 11, 22, 10, 0),
                l(&madrid, 2025, 11, 23, 18, 0),
                0,
                "a closed weekend",
            ),
            // DST change days: the clocks change on Sunday night; Monday is 8 hours, and a
            // Friday-to-Monday interval counts Friday afternoon and Monday morning exactly.
            (
                &madrid,
                l(&madrid, 2025, 3, 28, 16, 0),
                l(&madrid, 2025, 3, 31, 10, 0),
                2 * H,
                "Madrid spring forward weekend",
            ),
            (
                &madrid,
                l(&madrid, 2025, 10, 24, 16, 0),
                l(&madrid, 2025, 10, 27, 10, 0),
                2 * H,
                "Madrid fall back weekend",
            ),
        ];
        for (c, from, to, want, why) in cases {
            assert_eq!(c.business_ms(from, to), want, "{why}");
            assert_eq!(c.business_ms(to, from), -want, "{why}, reversed");
        }
    }

    #[test]
    fn a_working_day_is_eight_hours_on_dst_change_days() {
        // The clocks change during the night of these (local) days; open on every day.
        let cases = [
            ("Europe/Madrid", (2025, 3, 30)),
            ("Europe/Madrid", (2025, 10, 26)),
            ("America/New_York", (2025, 3, 9)),
            ("America/New_York", (2025, 11, 2)),
        ];
        for (zone, (y, mo, d)) in cases {
            let c = cal(zone, "mon-sun 09:00-17:00", &[]);
            let day_start = local(&c, y, mo, d, 0, 0);
            let next_day = local(&c, y, mo, d + 1, 0, 0);
            assert_eq!(c.business_ms(day_start, next_day), 8 * H, "{zone} {d}");
            // The calendar day itself is 23 or 25 hours long.
            assert_ne!(next_day - day_start, 24 * H, "{zone} {d}");
            // A shop open all day is open for the day's real length.
            let all_day = cal(zone, "mon-sun 00:00-24:00", &[]);
            assert_eq!(
                all_day.business_ms(day_start, next_day),
                next_day - day_start
            );
        }
        // Periods across the change itself: New York, 2025-11-02, 01:00–01:59 happens twice.
        let c = cal("America/New_York", "sun 00:00-03:00", &[]);
        let sunday = utc(2025, 11, 2, 4, 0); // 00:00 EDT
        assert_eq!(c.business_ms(sunday, sunday + 10 * H), 4 * H);
        let c = cal("America/New_York", "sun 00:00-03:00", &[]);
        let sunday = utc(2025, 3, 9, 5, 0); // 00:00 EST
        assert_eq!(c.business_ms(sunday, sunday + 10 * H), 2 * H);
    }

    #[test]
    fn deadlines_in_business_time() {
        let madrid = cal("Europe/Madrid", "mon-fri 09:00-17:00", &["2025-12-25"]);
        let ny = cal("America/New_York", "mon-fri 09:00-17:00", &[]);
        let l = |c, y, mo, d, h, mi| local(c, y, mo, d, h, mi);
        // (calendar, from, duration, expected deadline, what it shows)
        let cases = [
            (
                &madrid,
                l(&madrid, 2025, 11, 21, 16, 45),
                30 * M,
                l(&madrid, 2025, 11, 24, 9, 15),
                "Friday 16:45 + 30 min is Monday 09:15",
            ),
            (
                &madrid,
                l(&madrid, 2025, 11, 21, 19, 0),
                60 * M,
                l(&madrid, 2025, 11, 24, 10, 0),
                "Friday evening: the clock starts at Monday's opening",
            ),
            (
                &madrid,
                l(&madrid, 2025, 11, 18, 16, 30),
                30 * M,
                l(&madrid, 2025, 11, 18, 17, 0),
                "ending exactly at closing time",
            ),
            (
                &madrid,
                l(&madrid, 2025, 12, 24, 16, 0),
                2 * H,
                l(&madrid, 2025, 12, 26, 10, 0),
                "over a holiday",
            ),
            (
                &madrid,
                l(&madrid, 2025, 3, 28, 16, 0),
                2 * H,
                l(&madrid, 2025, 3, 31, 10, 0),
                "over the spring-forward weekend",
            ),
            (
                &ny,
                l(&ny, 2025, 10, 31, 16, 0),
                2 * H,
                l(&ny, 2025, 11, 3, 10, 0),
                "over New York's fall-back weekend",
            ),
            (
                &ny,
                l(&ny, 2025, 3, 7, 16, 0),
                9 * H,
                l(&ny, 2025, 3, 10, 17, 0),
                "over New York's spring-forward weekend, to Monday's closing",
            ),
        ];
        for (c, from, d, want, why) in cases {
            assert_eq!(c.add_business(from, d), want, "{why}");
            assert_eq!(c.business_ms(from, want), d, "{why}: round trip");
        }
        assert_eq!(madrid.add_business(123, 0), 123);
        assert_eq!(madrid.add_business(123, -5), 123);
    }

    #[test]
    fn settings_errors_are_clear() {
        let hours = BusinessHours {
            zone: "Europe/Madird".into(),
            week: Week::office(),
            holidays: vec![],
        };
        let e = BusinessCalendar::new(&hours).unwrap_err();
        assert!(
            e.contains("unknown time zone \"Europe/Madird\": did you mean \"Europe/Madrid\"?"),
            "{e}"
        );
        // A city alone, and a country (no suggestion: said what is expected).
        for (typed, want) in [
            ("madrid", "Europe/Madrid"),
            ("new york", "America/New_York"),
        ] {
            let e = crate::core::sla::tz::Zone::named(typed)
                .unwrap_err()
                .message;
            assert!(e.ends_with(&format!("did you mean {want:?}?")), "{e}");
        }
        let e = crate::core::sla::tz::Zone::named("Spain")
            .unwrap_err()
            .message;
        assert!(e.contains("write a region and a city, such as"), "{e}");
        // Written in other capitals: the table's spelling is offered.
        let hours = BusinessHours {
            zone: "europe/london".into(),
            week: Week::office(),
            holidays: vec![],
        };
        let e = BusinessCalendar::new(&hours).unwrap_err();
        assert!(
            e.contains("unknown time zone \"europe/london\": did you mean \"Europe/London\"?"),
            "{e}"
        );
        let hours = BusinessHours {
            zone: "UTC".into(),
            week: Week::default(),
            holidays: vec![],
        };
        assert!(BusinessCalendar::new(&hours)
            .unwrap_err()
            .contains("no open period"));
        let c = cal("Europe/Madrid", "mon-fri 09:00-17:00", &["2025-12-25"]);
        assert_eq!(c.describe(), "Mon–Fri 09:00–17:00 Europe/Madrid, 1 holiday");
    }
}
