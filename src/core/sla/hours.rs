//! Business hours as the agent sets them: open periods per weekday, a time zone and holidays;
//! the short text syntax the CLI takes (`mon-fri 09:00-12:30,13:30-17:30; sat 10:00-14:00`);
//! and the human description shown in the tooltip.

use crate::core::time::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Weekday names, Monday first (the calendar module's order).
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A time of day to the minute, 00:00–24:00, written `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    /// Minutes since midnight, 0–1440.
    pub minutes: u16,
}

impl TimeOfDay {
    /// Parses `HH:MM` (or `H:MM`); `24:00` is the end of the day.
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let (h, m) = s.trim().split_once(':')?;
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(h) || m.len() != 2 || !digits(m) || h.len() > 2 {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        let minutes = h * 60 + m;
        (m < 60 && minutes <= 1440).then_some(TimeOfDay { minutes })
    }

    /// Milliseconds since midnight.
    pub fn ms(self) -> i64 {
        i64::from(self.minutes) * 60_000
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TimeOfDay, D::Error> {
        let s = String::deserialize(d)?;
        TimeOfDay::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("{s:?} is not a time of day like \"09:30\""))
        })
    }
}

/// One open period of a day, `start` inclusive to `end` exclusive, in local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.start, self.end)
    }
}

/// The open periods of each weekday. A day with no periods is closed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Week {
    pub mon: Vec<Period>,
    pub tue: Vec<Period>,
    pub wed: Vec<Period>,
    pub thu: Vec<Period>,
    pub fri: Vec<Period>,
    pub sat: Vec<Period>,
    pub sun: Vec<Period>,
}

impl Week {
    /// The periods of a weekday, 0 = Monday … 6 = Sunday.
    pub fn day(&self, weekday: u8) -> &[Period] {
        match weekday {
            0 => &self.mon,
            1 => &self.tue,
            2 => &self.wed,
            3 => &self.thu,
            4 => &self.fri,
            5 => &self.sat,
            _ => &self.sun,
        }
    }

    fn day_mut(&mut self, weekday: u8) -> &mut Vec<Period> {
        match weekday {
            0 => &mut self.mon,
            1 => &mut self.tue,
            2 => &mut self.wed,
            3 => &mut self.thu,
            4 => &mut self.fri,
            5 => &mut self.sat,
            _ => &mut self.sun,
        }
    }

    /// Monday to Friday, 09:00–17:00.
    pub fn office() -> Week {
        let day = vec![Period {
            start: TimeOfDay { minutes: 9 * 60 },
            end: TimeOfDay { minutes: 17 * 60 },
        }];
        Week {
            mon: day.clone(),
            tue: day.clone(),
            wed: day.clone(),
            thu: day.clone(),
            fri: day,
            ..Week::default()
        }
    }

    /// Parses the short syntax: groups separated by `;`, each `DAYS TIMES`, where DAYS is a
    /// comma-separated list of days or day ranges (`mon-fri`, `sat`, `mon,wed`) and TIMES a
    /// comma-separated list of `HH:MM-HH:MM` periods. Example:
    /// `mon-fri 09:00-12:30,13:30-17:30; sat 10:00-14:00`. The result is checked with
    /// [`Week::validate`].
    ///
    /// Written as people write hours, it is read too: spaces around dashes and commas
    /// (`tue - sat 07:00 - 15:00`), whole day names and "to" (`Tuesday to Saturday`), and
    /// 12-hour times (`7am-3pm`, `7:30 pm`).
    pub fn parse(spec: &str) -> Result<Week, String> {
        let spec = tidy(spec);
        let mut week = Week::default();
        for group in spec.split(';').map(str::trim).filter(|g| !g.is_empty()) {
            let (days, times) = group.split_once(char::is_whitespace).ok_or_else(|| {
                format!("{group:?} needs days and times, like \"mon-fri 09:00-17:00\"")
            })?;
            let mut periods = Vec::new();
            for p in times.split(',').map(str::trim) {
                let (a, b) = p
                    .split_once('-')
                    .ok_or_else(|| format!("{p:?} is not a period like \"09:00-17:00\""))?;
                let time = |t: &str| {
                    TimeOfDay::parse(&twenty_four(t)).ok_or_else(|| {
                        let first = p.split_whitespace().next().unwrap_or("");
                        // "mon-fri 09:00-17:00, sat 10:00-14:00": a comma parts one day's
                        // periods, so "sat 10:00" was read as a time (a hands-on review).
                        if p.contains(' ') && parse_days(first).is_ok() {
                            format!(
                                "{p:?} begins with a day after a comma: separate days with \
                                 \";\" (\"mon-fri 09:00-17:00; sat 10:00-14:00\"); a comma \
                                 separates the periods of the same days (\"09:00-12:00, \
                                 13:00-17:00\")"
                            )
                        } else if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                            // "9-5": hours without minutes.
                            format!(
                                "{t:?} in {p:?} is not a time of day: write hours with their \
                                 minutes, like \"09:00\" or \"17:00\" (or \"9am\", \"5pm\")"
                            )
                        } else {
                            format!("{t:?} in {p:?} is not a time of day like \"09:00\"")
                        }
                    })
                };
                periods.push(Period {
                    start: time(a)?,
                    end: time(b)?,
                });
            }
            for d in days.split(',').map(str::trim) {
                for weekday in parse_days(d)? {
                    week.day_mut(weekday).extend(periods.iter().copied());
                }
            }
        }
        week.validate()?;
        Ok(week)
    }

    /// Checks that every period ends after it starts, that a day's periods do not overlap,
    /// and that the week is open at some time. Sorts each day's periods.
    pub fn validate(&mut self) -> Result<(), String> {
        let mut open = false;
        for weekday in 0..7u8 {
            let periods = self.day_mut(weekday);
            crate::core::sort::sort_by_key(periods, |p| p.start);
            for p in periods.iter() {
                if p.end <= p.start {
                    return Err(format!(
                        "{}: the period {p} ends before it starts (split a period that \
                         crosses midnight into one ending at 24:00 and one starting at 00:00)",
                        WEEKDAYS[usize::from(weekday)]
                    ));
                }
            }
            if let Some(w) = periods.windows(2).find(|w| w[1].start < w[0].end) {
                return Err(format!(
                    "{}: the periods {} and {} overlap",
                    WEEKDAYS[usize::from(weekday)],
                    w[0],
                    w[1]
                ));
            }
            open |= !periods.is_empty();
        }
        if open {
            Ok(())
        } else {
            Err("the business hours have no open period in the week".into())
        }
    }

    /// A short description: `Mon–Fri 09:00–12:30, 13:30–17:30; Sat 10:00–14:00`.
    pub fn describe(&self) -> String {
        let mut groups: Vec<(u8, u8, &[Period])> = Vec::new();
        for weekday in 0..7u8 {
            let periods = self.day(weekday);
            match groups.last_mut() {
                Some((_, last, p)) if *p == periods && *last + 1 == weekday => *last = weekday,
                _ => groups.push((weekday, weekday, periods)),
            }
        }
        let name = |d: u8| {
            let n = WEEKDAYS[usize::from(d)];
            format!("{}{}", n[..1].to_ascii_uppercase(), &n[1..])
        };
        groups
            .into_iter()
            .filter(|(_, _, p)| !p.is_empty())
            .map(|(a, b, p)| {
                let days = if a == b {
                    name(a)
                } else {
                    format!("{}–{}", name(a), name(b))
                };
                let times: Vec<String> = p.iter().map(Period::to_string).collect();
                format!("{days} {}", times.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The week in the short syntax [`Week::parse`] reads, days with the same hours together:
    /// `mon-fri 09:00-12:30,13:30-17:30; sat 10:00-14:00` (what the settings form shows): the
    /// description, written as typed.
    pub fn spec(&self) -> String {
        self.describe()
            .to_lowercase()
            .replace('–', "-")
            .replace(", ", ",")
    }
}

/// The days' whole names (and "tues", "thur"…): a day is any start of its name from three
/// letters on.
const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The short syntax as [`Week::parse`] reads it: typographic dashes as "-", "to" between days
/// as "-", no spaces around dashes and commas, lower case.
fn tidy(spec: &str) -> String {
    let spec = spec.replace(['–', '—'], "-").to_lowercase();
    let words: Vec<&str> = spec.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(spec.len());
    for (i, w) in words.iter().enumerate() {
        let w = if *w == "to" { "-" } else { w };
        let joins = |c: char| w.starts_with(c) || out.ends_with(c) || out.ends_with(';');
        if i > 0 && !(joins('-') || joins(',') || w == "am" || w == "pm") {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A 12-hour time as 24-hour ("7am" → "7:00", "12:30pm" → "12:30", "12am" → "0:00"); any
/// other text as it is.
fn twenty_four(t: &str) -> String {
    let t = t.trim();
    let (time, pm) = match (t.strip_suffix("am"), t.strip_suffix("pm")) {
        (Some(x), _) => (x, false),
        (_, Some(x)) => (x, true),
        _ => return t.to_owned(),
    };
    let (h, m) = time.trim().split_once(':').unwrap_or((time.trim(), "00"));
    match h.parse::<u8>() {
        Ok(h @ 1..=12) => format!("{}:{m}", h % 12 + if pm { 12 } else { 0 }),
        _ => t.to_owned(),
    }
}

/// `mon`, or a range `mon-fri` (wrapping: `fri-mon` is Friday to Monday), a day also by its
/// whole name or a start of it from three letters ([`DAY_NAMES`]).
fn parse_days(s: &str) -> Result<Vec<u8>, String> {
    let day = |d: &str| {
        let lower = d.trim().to_ascii_lowercase();
        WEEKDAYS
            .iter()
            .zip(DAY_NAMES)
            .position(|(w, name)| *w == lower || lower.len() >= 3 && name.starts_with(&lower))
            .map(|i| i as u8)
            .ok_or_else(|| format!("{d:?} is not a day (use mon, tue, wed, thu, fri, sat, sun)"))
    };
    match s.split_once('-') {
        None => Ok(vec![day(s)?]),
        Some((a, b)) => {
            let (a, b) = (day(a)?, day(b)?);
            let len = (b + 7 - a) % 7 + 1;
            Ok((0..len).map(|i| (a + i) % 7).collect())
        }
    }
}

/// Business hours: the week's open periods in a time zone, and holidays (closed all day).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessHours {
    /// An IANA time zone name, such as `Europe/Madrid`.
    pub zone: String,
    pub week: Week,
    /// Local dates on which the business is closed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Date>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: u16, b: u16) -> Period {
        Period {
            start: TimeOfDay { minutes: a },
            end: TimeOfDay { minutes: b },
        }
    }

    #[test]
    fn times_of_day() {
        let cases = [
            ("09:00", Some(540)),
            ("9:05", Some(545)),
            ("24:00", Some(1440)),
            ("00:00", Some(0)),
            ("24:01", None),
            ("12:60", None),
            ("12", None),
            ("1200", None),
            ("ab:cd", None),
            ("12:5", None),
        ];
        for (s, want) in cases {
            assert_eq!(TimeOfDay::parse(s).map(|t| t.minutes), want, "{s}");
        }
        assert_eq!(TimeOfDay { minutes: 545 }.to_string(), "09:05");
    }

    #[test]
    fn the_short_syntax() {
        let w = Week::parse("mon-fri 09:00-12:30,13:30-17:30; sat 10:00-14:00").unwrap();
        assert_eq!(w.mon, vec![p(540, 750), p(810, 1050)]);
        assert_eq!(w.fri, w.mon);
        assert_eq!(w.sat, vec![p(600, 840)]);
        assert!(w.sun.is_empty());
        assert_eq!(
            w.describe(),
            "Mon–Fri 09:00–12:30, 13:30–17:30; Sat 10:00–14:00"
        );
        let w = Week::parse("fri-mon 22:00-24:00; mon,wed 00:00-02:00").unwrap();
        assert_eq!(w.sat, vec![p(1320, 1440)]);
        assert_eq!(w.mon, vec![p(0, 120), p(1320, 1440)]);
        assert!(w.tue.is_empty());
        assert_eq!(Week::parse("mon-fri 09:00-17:00").unwrap(), Week::office());
        // With the dashes a text editor or this page's own messages put in.
        assert_eq!(Week::parse("mon–fri 09:00–17:00").unwrap(), Week::office());
        assert_eq!(
            Week::parse("mon—fri 09:00 — 17:00").unwrap(),
            Week::office()
        );
        // As people write them: spaces around the days' dash, whole names, "to", 12-hour times.
        let bakery = Week::parse("tue-sat 07:00-15:00").unwrap();
        for typed in [
            "tue - sat 07:00 - 15:00",
            "Tuesday to Saturday 7am-3pm",
            "Tues - Sat 7 am - 3 pm",
            "TUE-SAT 7:00AM-3:00PM",
            "tue , wed,thu - sat 07:00-15:00",
        ] {
            assert_eq!(Week::parse(typed).as_ref(), Ok(&bakery), "{typed}");
        }
        let w = Week::parse("mon 12am-12:30am, 12pm-11:59pm").unwrap();
        assert_eq!(w.mon, vec![p(0, 30), p(720, 1439)]);
        // Still refused: a day that is none, a time that is none, no times at all.
        for wrong in [
            "tu-sat 07:00-15:00",
            "tue-sat 13pm-15:00",
            "tue-sat",
            "funday 9am-5pm",
        ] {
            assert!(Week::parse(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn the_short_syntax_written_back_groups_days_with_the_same_hours() {
        for (typed, written) in [
            ("mon-fri 09:00-17:00", "mon-fri 09:00-17:00"),
            (
                "mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; sat 10:00-14:00",
                "mon-wed 09:00-17:00; sat 10:00-14:00",
            ),
            (
                "mon-fri 09:00-12:30,13:30-17:30; wed 18:00-19:00",
                "mon-tue 09:00-12:30,13:30-17:30; wed 09:00-12:30,13:30-17:30,18:00-19:00; \
                 thu-fri 09:00-12:30,13:30-17:30",
            ),
            (
                "sun 00:00-24:00; mon 08:00-09:00",
                "mon 08:00-09:00; sun 00:00-24:00",
            ),
        ] {
            let week = Week::parse(typed).unwrap();
            assert_eq!(week.spec(), written, "{typed}");
            assert_eq!(
                Week::parse(&week.spec()).unwrap(),
                week,
                "{typed} read back"
            );
        }
        assert_eq!(
            Week::office().spec(),
            "mon-fri 09:00-17:00",
            "the form's default"
        );
    }

    #[test]
    fn bad_hours_say_what_is_wrong() {
        let cases = [
            ("mon-fri", "needs days and times"),
            ("mon-fry 09:00-17:00", "\"fry\" is not a day"),
            (
                "mon 9-17",
                "not a time of day: write hours with their minutes, like \"09:00\"",
            ),
            (
                "mon 09:00-5:3",
                "\"5:3\" in \"09:00-5:3\" is not a time of day like \"09:00\"",
            ),
            // Days after a comma (one day's periods are parted by commas): said so.
            (
                "mon-fri 09:00-17:00, sat 10:00-14:00",
                "\"sat 10:00-14:00\" begins with a day after a comma: separate days with \";\"",
            ),
            (
                "mon-fri 09:00-17:00, sat-sun 10:00-14:00",
                "\"sat-sun 10:00-14:00\" begins with a day after a comma",
            ),
            ("mon 09:00", "not a period"),
            ("mon 17:00-09:00", "ends before it starts"),
            ("mon 09:00-12:00,11:00-13:00", "overlap"),
            ("", "no open period"),
        ];
        for (spec, want) in cases {
            let e = Week::parse(spec).unwrap_err();
            assert!(e.contains(want), "{spec}: {e}");
        }
    }

    #[test]
    fn business_hours_serde() {
        let json = r#"{"zone":"Europe/Madrid","week":{"mon":[{"start":"09:00","end":"17:00"}]},
                       "holidays":["2025-12-25"]}"#;
        let h: BusinessHours = serde_json::from_str(json).unwrap();
        assert_eq!(h.week.mon, vec![p(540, 1020)]);
        assert_eq!(h.holidays[0].to_string(), "2025-12-25");
        let back = serde_json::to_string(&h).unwrap();
        assert!(back.contains("\"start\":\"09:00\""), "{back}");
        let bad = json.replace("2025-12-25", "2025-13-25");
        let e = serde_json::from_str::<BusinessHours>(&bad).unwrap_err();
        assert!(e.to_string().contains("is not a date"), "{e}");
    }
}
