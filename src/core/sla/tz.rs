//! Time zones without a clock or a database file: IANA names map to POSIX TZ rule strings
//! (a generated table: `super::tz_table` natively, the extension's `data/zones.js` in the page,
//! see [`install_zones`]), and the rules are evaluated here.
//!
//! A POSIX rule describes the zone's *current* practice (`CET-1CEST,M3.5.0,M10.5.0/3`: one hour
//! east of UTC, summer time from the last Sunday of March at 02:00 to the last Sunday of October
//! at 03:00). It is applied to every year, which is right for live SLA clocks and recent
//! reports; dates before a zone last changed its rules may be off by the old difference.

use crate::core::time::{
    civil_from_days, days_from_civil, is_leap, nth_weekday_of_month, Date, DAY_MS,
};
use std::fmt;

/// A time zone that is not known or whose rule cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TzError {
    pub message: String,
}

impl fmt::Display for TzError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TzError {}

/// The day a daylight-saving change happens on, in one of the three POSIX forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleDay {
    /// `Jn`: day 1–365 of the year, February 29 never counted.
    Julian1(u16),
    /// `n`: day 0–365 of the year, February 29 counted.
    Julian0(u16),
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1–4, or 5 = last) of month `m`.
    MonthWeek { month: u8, week: u8, weekday: u8 },
}

/// A change into or out of daylight saving time: a day and a local time of day (seconds, may
/// be negative or beyond 24 h as RFC 8536 allows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Change {
    day: RuleDay,
    time_s: i64,
}

/// Daylight saving: its offset and when it starts and ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Dst {
    /// Offset from UTC in seconds, east positive.
    offset_s: i64,
    start: Change,
    end: Change,
}

/// A parsed POSIX TZ rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PosixTz {
    /// Standard time's offset from UTC in seconds, east positive (the POSIX string has the
    /// opposite sign).
    std_offset_s: i64,
    dst: Option<Dst>,
}

/// A named time zone: an IANA name and its rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    pub name: String,
    pub rule: PosixTz,
}

impl Zone {
    /// Looks an IANA name up (exact spelling, as in `Europe/Madrid`).
    pub fn named(name: &str) -> Result<Zone, TzError> {
        if zones().is_empty() {
            return Err(TzError {
                message: format!("time zone {name:?}: the time zone table did not load"),
            });
        }
        let rule = posix_rule_of(name).ok_or_else(|| {
            // Written in other capitals ("europe/london"), as its city alone ("Madrid", "new
            // york"), or with a slip of the keys ("Europe/Madird"): the name as the table
            // spells it.
            let typed = name.trim().to_lowercase().replace(' ', "_");
            let names = || zones().lines().filter_map(|l| l.split_whitespace().next());
            let chars: Vec<char> = typed.chars().collect();
            let spelt = names()
                .find(|z| z.eq_ignore_ascii_case(&typed))
                .or_else(|| {
                    names().find(|z| {
                        z.rsplit('/')
                            .next()
                            .is_some_and(|c| c.eq_ignore_ascii_case(&typed))
                    })
                })
                .or_else(|| {
                    // A slip in a short name would find too many others.
                    if chars.len() <= 4 {
                        return None;
                    }
                    names()
                        .filter(|z| z.len().abs_diff(typed.len()) <= 2)
                        .map(|z| {
                            let zc: Vec<char> = z.to_lowercase().chars().collect();
                            (crate::core::template::char_distance(&chars, &zc), z)
                        })
                        .filter(|&(d, _)| d <= 2)
                        .min_by_key(|&(d, _)| d)
                        .map(|(_, z)| z)
                });
            TzError {
                message: match spelt {
                    Some(z) => format!("unknown time zone {name:?}: did you mean {z:?}?"),
                    None => format!(
                        "unknown time zone {name:?}: write a region and a city, such as \
                         \"Europe/Madrid\" or \"America/New_York\", or \"UTC\""
                    ),
                },
            }
        })?;
        Ok(Zone {
            name: name.to_owned(),
            rule: PosixTz::parse(rule)?,
        })
    }

    /// UTC.
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".into(),
            rule: PosixTz {
                std_offset_s: 0,
                dst: None,
            },
        }
    }
}

/// The zone table: one line per zone, "IANA-name POSIX-TZ-string", sorted by name (bytes).
/// Natively it is part of the program.
#[cfg(not(target_arch = "wasm32"))]
fn zones() -> &'static str {
    super::tz_table::ZONES
}

/// In the page the table is a file of the extension that the loader hands over once
/// ([`install_zones`]): 5 KiB gzipped, a sixtieth of the module's size budget. Until then (or
/// if it cannot be loaded) no zone is known, and business hours that name one are refused
/// with a message saying why.
#[cfg(target_arch = "wasm32")]
fn zones() -> &'static str {
    INSTALLED_ZONES.get().copied().unwrap_or("")
}

#[cfg(target_arch = "wasm32")]
static INSTALLED_ZONES: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Hands the zone table to the page module, once; returns how many zones it holds. A table
/// that is not "name rule" lines in sorted order is refused with the line named, and nothing
/// is kept.
#[cfg(target_arch = "wasm32")]
pub fn install_zones(text: String) -> Result<usize, String> {
    let n = check_zones(&text)?;
    INSTALLED_ZONES
        .set(Box::leak(text.into_boxed_str()))
        .map_err(|_| "the time zone table was already installed".to_owned())?;
    Ok(n)
}

/// Checks a zone table: every line "IANA-name POSIX-TZ-string", names in strictly increasing
/// byte order (the lookup bisects them). Returns how many zones it holds; the error names the
/// first wrong line.
pub fn check_zones(text: &str) -> Result<usize, String> {
    let mut previous = "";
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let (zone, rule) = zone_line(line);
        if zone.is_empty() || rule.is_empty() || rule.contains(' ') {
            return Err(format!(
                "the time zone table, line {}: expected a zone name, a space and a POSIX rule",
                i + 1
            ));
        }
        if zone <= previous {
            return Err(format!(
                "the time zone table, line {}: not in sorted order",
                i + 1
            ));
        }
        previous = zone;
        n += 1;
    }
    Ok(n)
}

/// The POSIX TZ string of an IANA zone name, if the table has it.
pub fn posix_rule_of(name: &str) -> Option<&'static str> {
    let zones = zones();
    // Bisect the table's bytes; each probe reads the line it falls in.
    let (mut lo, mut hi) = (0, zones.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = zones[..mid].rfind('\n').map_or(0, |i| i + 1);
        let end = start + zones[start..].find('\n').unwrap_or(zones.len() - start);
        let (zone, rule) = zone_line(&zones[start..end]);
        match zone.cmp(name) {
            std::cmp::Ordering::Equal => return Some(rule),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// A line of the table: the zone's name and its rule.
fn zone_line(line: &str) -> (&str, &str) {
    line.split_once(' ').unwrap_or((line, ""))
}

/// Every IANA zone name the table knows, sorted (for a settings drop-down).
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    zones().lines().map(|line| zone_line(line).0)
}

/// A small cursor over the rule string.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> Option<i64> {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    /// A zone abbreviation: `<...>` or three or more letters.
    fn name(&mut self) -> Option<()> {
        if self.eat(b'<') {
            while self.peek()? != b'>' {
                self.i += 1;
            }
            self.i += 1;
            return Some(());
        }
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            self.i += 1;
        }
        (self.i - start >= 3).then_some(())
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    fn hms(&mut self) -> Option<i64> {
        let sign = if self.eat(b'-') {
            -1
        } else {
            self.eat(b'+');
            1
        };
        // Bounded as POSIX bounds them (hours to 167): no overflow from a long number.
        let mut total = self.number().filter(|&h| h <= 167)? * 3600;
        if self.eat(b':') {
            total += self.number().filter(|&m| m <= 59)? * 60;
            if self.eat(b':') {
                total += self.number().filter(|&s| s <= 59)?;
            }
        }
        Some(sign * total)
    }

    fn change(&mut self) -> Option<Change> {
        let day = if self.eat(b'J') {
            RuleDay::Julian1(u16::try_from(self.number()?).ok()?)
        } else if self.eat(b'M') {
            let month = u8::try_from(self.number()?).ok()?;
            self.eat(b'.').then_some(())?;
            let week = u8::try_from(self.number()?).ok()?;
            self.eat(b'.').then_some(())?;
            let weekday = u8::try_from(self.number()?).ok()?;
            let valid = (1..=12).contains(&month) && (1..=5).contains(&week) && weekday <= 6;
            valid.then_some(())?;
            RuleDay::MonthWeek {
                month,
                week,
                weekday,
            }
        } else {
            RuleDay::Julian0(u16::try_from(self.number()?).ok()?)
        };
        let time_s = if self.eat(b'/') { self.hms()? } else { 7200 };
        Some(Change { day, time_s })
    }
}

impl PosixTz {
    /// Parses a POSIX TZ string such as `EST5EDT,M3.2.0,M11.1.0` or `<+0330>-3:30`.
    pub fn parse(s: &str) -> Result<PosixTz, TzError> {
        Self::parse_inner(s).ok_or_else(|| TzError {
            message: format!("cannot read the POSIX time zone rule {s:?}"),
        })
    }

    fn parse_inner(s: &str) -> Option<PosixTz> {
        let mut c = Cursor {
            s: s.as_bytes(),
            i: 0,
        };
        c.name()?;
        let std_offset_s = -c.hms()?;
        if c.peek().is_none() {
            return Some(PosixTz {
                std_offset_s,
                dst: None,
            });
        }
        c.name()?;
        let offset_s = match c.peek() {
            Some(b',') | None => std_offset_s + 3600,
            _ => -c.hms()?,
        };
        let (start, end) = if c.eat(b',') {
            let start = c.change()?;
            c.eat(b',').then_some(())?;
            (start, c.change()?)
        } else {
            // No rule given: the US rule, as most C libraries assume.
            let m = |month, week| Change {
                day: RuleDay::MonthWeek {
                    month,
                    week,
                    weekday: 0,
                },
                time_s: 7200,
            };
            (m(3, 2), m(11, 1))
        };
        c.peek().is_none().then_some(())?;
        Some(PosixTz {
            std_offset_s,
            dst: Some(Dst {
                offset_s,
                start,
                end,
            }),
        })
    }

    /// The offset from UTC (milliseconds, east positive) in effect at a UTC instant.
    pub fn offset_ms_at(&self, utc_ms: i64) -> i64 {
        let Some(dst) = self.dst else {
            return self.std_offset_s * 1000;
        };
        let year = civil_from_days((utc_ms + self.std_offset_s * 1000).div_euclid(DAY_MS)).year;
        let (start, end) = self.transitions(&dst, year);
        let in_dst = if start < end {
            start <= utc_ms && utc_ms < end
        } else {
            !(end <= utc_ms && utc_ms < start)
        };
        if in_dst {
            dst.offset_s * 1000
        } else {
            self.std_offset_s * 1000
        }
    }

    /// The UTC instants of the start and the end of daylight saving time in `year`.
    fn transitions(&self, dst: &Dst, year: i32) -> (i64, i64) {
        let at = |c: Change, offset_before_s: i64| {
            (rule_day(c.day, year) * 86_400 + c.time_s - offset_before_s) * 1000
        };
        (at(dst.start, self.std_offset_s), at(dst.end, dst.offset_s))
    }

    /// The local wall-clock time (milliseconds, as if it were UTC) at a UTC instant.
    pub fn to_local(&self, utc_ms: i64) -> i64 {
        utc_ms + self.offset_ms_at(utc_ms)
    }

    /// The UTC instant of a local wall-clock time (milliseconds, as if it were UTC).
    ///
    /// Deterministic at the changes: a time that occurs twice (clocks going back) gives the
    /// earlier instant; a time that never occurs (clocks going forward) gives the instant of
    /// the change, the first that exists after it. So the mapping never runs backwards.
    pub fn to_utc(&self, local_ms: i64) -> i64 {
        let Some(dst) = self.dst else {
            return local_ms - self.std_offset_s * 1000;
        };
        let a = local_ms - self.std_offset_s * 1000;
        let b = local_ms - dst.offset_s * 1000;
        let valid = |t: i64| self.to_local(t) == local_ms;
        match (valid(a), valid(b)) {
            (true, true) => a.min(b),
            (true, false) => a,
            (false, true) => b,
            (false, false) => self.change_between(a.min(b), a.max(b)),
        }
    }

    /// The instant of the offset change in `(lo, hi]` (there is one when a local time falls
    /// in a gap), found by halving.
    fn change_between(&self, mut lo: i64, mut hi: i64) -> i64 {
        let before = self.offset_ms_at(lo);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.offset_ms_at(mid) == before {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    }
}

/// The day number (since 1970-01-01) a rule day falls on in `year`.
fn rule_day(day: RuleDay, year: i32) -> i64 {
    let jan1 = days_from_civil(Date {
        year,
        month: 1,
        day: 1,
    });
    match day {
        RuleDay::Julian1(n) => {
            let n = i64::from(n.clamp(1, 365));
            // Day 60 is March 1 whether or not the year is a leap year.
            jan1 + n - 1 + i64::from(is_leap(year) && n >= 60)
        }
        RuleDay::Julian0(n) => jan1 + i64::from(n.min(365)),
        RuleDay::MonthWeek {
            month,
            week,
            weekday,
        } => {
            // POSIX counts weekdays from Sunday = 0; the calendar module from Monday = 0.
            nth_weekday_of_month(year, month, week, (weekday + 6) % 7)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::{utc_ms, HOUR_MS, MINUTE_MS};

    fn at(year: i32, month: u8, day: u8, h: u8, m: u8) -> i64 {
        utc_ms(Date { year, month, day }, h, m, 0)
    }

    #[test]
    fn the_table_is_sorted_and_every_rule_parses() {
        let lines: Vec<_> = zones().lines().map(zone_line).collect();
        assert!(lines.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(lines.len() > 400);
        // The check the page applies to the same table when it is handed over.
        assert_eq!(check_zones(zones()), Ok(lines.len()));
        assert_eq!(
            check_zones("UTC UTC0\nEurope/Madrid CET-1\n").unwrap_err(),
            "the time zone table, line 2: not in sorted order"
        );
        assert!(check_zones("UTC UTC0\nZulu\n")
            .unwrap_err()
            .starts_with("the time zone table, line 2: expected a zone name"));
        for (name, rule) in &lines {
            assert!(PosixTz::parse(rule).is_ok(), "{name}: {rule}");
            // Every zone is found by the bisection, first, last and between.
            assert_eq!(posix_rule_of(name), Some(*rule), "{name}");
        }
        for missing in ["", "A", "Africa", "Africa/Abidjan ", "Zulu2", "zulu", "~"] {
            assert_eq!(posix_rule_of(missing), None, "{missing:?}");
        }
        assert_eq!(
            posix_rule_of("Europe/Madrid"),
            Some("CET-1CEST,M3.5.0,M10.5.0/3")
        );
    }

    #[test]
    fn unknown_zones_are_named_in_the_error() {
        let e = Zone::named("Mars/Olympus").unwrap_err();
        assert!(e.message.contains("\"Mars/Olympus\""), "{e}");
        assert!(Zone::named("europe/madrid").is_err(), "names are exact");
        assert!(PosixTz::parse("CET-1CEST,M13.5.0,M10.5.0").is_err());
        assert!(PosixTz::parse("").is_err());
    }

    #[test]
    fn offsets_across_the_year() {
        // (zone, UTC instant, expected offset in minutes east)
        let cases = [
            ("Europe/Madrid", at(2025, 1, 15, 12, 0), 60),
            ("Europe/Madrid", at(2025, 7, 15, 12, 0), 120),
            // Spring forward 2025-03-30 at 01:00 UTC, fall back 2025-10-26 at 01:00 UTC.
            ("Europe/Madrid", at(2025, 3, 30, 0, 59), 60),
            ("Europe/Madrid", at(2025, 3, 30, 1, 0), 120),
            ("Europe/Madrid", at(2025, 10, 26, 0, 59), 120),
            ("Europe/Madrid", at(2025, 10, 26, 1, 0), 60),
            // New York: 2025-03-09 07:00 UTC and 2025-11-02 06:00 UTC.
            ("America/New_York", at(2025, 3, 9, 6, 59), -300),
            ("America/New_York", at(2025, 3, 9, 7, 0), -240),
            ("America/New_York", at(2025, 11, 2, 5, 59), -240),
            ("America/New_York", at(2025, 11, 2, 6, 0), -300),
            // Southern hemisphere: Sydney is on summer time in January.
            ("Australia/Sydney", at(2025, 1, 10, 0, 0), 660),
            ("Australia/Sydney", at(2025, 7, 10, 0, 0), 600),
            // Dublin's winter time is its "negative" daylight saving.
            ("Europe/Dublin", at(2025, 1, 10, 0, 0), 0),
            ("Europe/Dublin", at(2025, 7, 10, 0, 0), 60),
            ("Asia/Tehran", at(2025, 7, 10, 0, 0), 210),
            ("Asia/Kolkata", at(2025, 7, 10, 0, 0), 330),
            ("America/Nuuk", at(2025, 7, 10, 0, 0), -60),
            ("America/Nuuk", at(2025, 1, 10, 0, 0), -120),
            ("UTC", at(2025, 7, 10, 0, 0), 0),
        ];
        for (name, t, minutes) in cases {
            let zone = Zone::named(name).unwrap();
            assert_eq!(
                zone.rule.offset_ms_at(t),
                minutes * MINUTE_MS,
                "{name} at {t}"
            );
        }
    }

    #[test]
    fn local_times_in_gaps_and_overlaps_resolve_deterministically() {
        let madrid = Zone::named("Europe/Madrid").unwrap().rule;
        let local = |y, mo, d, h, mi| at(y, mo, d, h, mi);
        // (local wall clock, expected UTC)
        let cases = [
            // An ordinary winter and summer time.
            (local(2025, 1, 15, 9, 0), at(2025, 1, 15, 8, 0)),
            (local(2025, 7, 15, 9, 0), at(2025, 7, 15, 7, 0)),
            // 02:30 does not exist on 2025-03-30: the change itself (01:00 UTC = 03:00 CEST).
            (local(2025, 3, 30, 2, 30), at(2025, 3, 30, 1, 0)),
            (local(2025, 3, 30, 3, 0), at(2025, 3, 30, 1, 0)),
            // 02:30 happens twice on 2025-10-26: the first (still summer time).
            (local(2025, 10, 26, 2, 30), at(2025, 10, 26, 0, 30)),
            (local(2025, 10, 26, 3, 0), at(2025, 10, 26, 2, 0)),
        ];
        for (wall, utc) in cases {
            assert_eq!(madrid.to_utc(wall), utc, "local {wall}");
        }
        // Round trip away from the changes, over two years in 7-hour steps.
        for zone in ["Europe/Madrid", "America/New_York", "Australia/Sydney"] {
            let rule = Zone::named(zone).unwrap().rule;
            let mut t = at(2024, 1, 1, 0, 0);
            while t < at(2026, 1, 1, 0, 0) {
                let back = rule.to_utc(rule.to_local(t));
                assert!(back == t || (t - back).abs() == HOUR_MS, "{zone} {t}");
                t += 7 * HOUR_MS;
            }
        }
    }

    #[test]
    fn julian_rule_days() {
        // Day 60 in the J form is always March 1; in the 0-based form it is March 1 or
        // February 29.
        let march1 = days_from_civil(Date {
            year: 2024,
            month: 3,
            day: 1,
        });
        assert_eq!(rule_day(RuleDay::Julian1(60), 2024), march1);
        assert_eq!(rule_day(RuleDay::Julian0(59), 2024), march1 - 1);
        // Daylight saving all year: "EST5EDT,0/0,J365/25" (RFC 8536's example).
        let tz = PosixTz::parse("EST5EDT,0/0,J365/25").unwrap();
        for t in [
            at(2025, 1, 1, 6, 0),
            at(2025, 6, 1, 0, 0),
            at(2025, 12, 31, 23, 0),
        ] {
            assert_eq!(tz.offset_ms_at(t), -4 * HOUR_MS, "{t}");
        }
    }
}
