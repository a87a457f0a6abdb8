//! Message times as the sites show them, parsed into [`SentAt`] with their precision.
//!
//! Exact where the page gives `time[datetime]` (ISO 8601); otherwise the site's relative
//! ("2h", "hace 3 min", "vor 2 Std.") or clock ("10:02 AM", "Yesterday at 9:12 AM") text,
//! read against `now` and the browser's UTC offset. A relative "2h" means the message is
//! between 2 and 3 hours old (the sites round down), so its earliest possible time is kept.

use crate::core::conversation::{Precision, SentAt};
use crate::core::time::{civil_from_days, days_from_civil, month_from_name, utc_ms, Date, DAY_MS};
use crate::core::words::Words;

/// Parses a time shown on a page. `now` is ms since the epoch; `utc_offset_min` is the
/// browser's offset from UTC in minutes (UTC+1 → 60) for clock and date texts.
pub fn parse(text: &str, now: i64, utc_offset_min: i32) -> Option<SentAt> {
    // Most times come from `time[datetime]`: ISO, read without normalising (a thread of
    // thousands of messages reads thousands of them).
    let trimmed = text.trim();
    if trimmed.starts_with(|c: char| c.is_ascii_digit())
        && trimmed.len() >= 10
        && trimmed.as_bytes()[4] == b'-'
    {
        if let Some(at) = parse_iso(trimmed) {
            return Some(at);
        }
    }
    let t = normalise(text);
    if t.is_empty() {
        return None;
    }
    parse_iso(&t)
        .or_else(|| parse_relative(&t, now))
        .or_else(|| parse_clock_day(&t, now, utc_offset_min))
        .or_else(|| parse_month_day(&t, now, utc_offset_min))
}

fn normalise(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    // Narrow no-break spaces ("10:02\u{202f}AM") and no-break spaces become plain spaces.
    // Direction marks and isolates (a right-to-left page puts them around times) are dropped.
    let spaced: String = lower
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2026-11-22T08:41:00.000Z`, `2026-11-22T09:41:00+01:00`, `2026-11-22 08:41:00`.
pub fn parse_iso(t: &str) -> Option<SentAt> {
    let t = t.trim();
    if let Some(at) = parse_utc_stamp(t.as_bytes()) {
        return Some(at);
    }
    let (date, rest) = t.split_at(t.find(['t', 'T', ' ']).unwrap_or(t.len()));
    let mut d = date.split('-');
    let year: i32 = d.next()?.parse().ok()?;
    let month: u8 = d.next()?.parse().ok()?;
    let day: u8 = d.next()?.parse().ok()?;
    if d.next().is_some()
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || !(1970..=9999).contains(&year)
    {
        return None;
    }
    let rest = rest.get(1..).unwrap_or("");
    if rest.is_empty() {
        return Some(SentAt {
            ms: utc_ms(Date { year, month, day }, 0, 0, 0),
            precision: Precision::Day,
        });
    }
    // Split off the zone: "z", "+01:00", "-0500".
    let (clock, offset_min) = if let Some(c) = rest.strip_suffix(['z', 'Z']) {
        (c, 0)
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let (c, z) = rest.split_at(i);
        let sign = if z.starts_with('-') { -1 } else { 1 };
        let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return None;
        }
        let h: i32 = digits[..2].parse().ok()?;
        let m: i32 = digits[2..].parse().ok()?;
        (c, sign * (h * 60 + m))
    } else {
        (rest, 0)
    };
    let mut parts = clock.split(':');
    let h: u8 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let (s, ms) = match parts.next() {
        Some(sec) => {
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, ""));
            // Milliseconds from the first three digits of the fraction ("5" is 500 ms).
            let mut frac_ms: i64 = 0;
            for (i, c) in frac.chars().take(3).enumerate() {
                let d = c.to_digit(10)?;
                frac_ms += i64::from(d) * [100, 10, 1][i];
            }
            (whole.parse::<u8>().ok()?, frac_ms)
        }
        None => (0, 0),
    };
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let at = utc_ms(Date { year, month, day }, h, m, s) + ms - i64::from(offset_min) * 60_000;
    Some(SentAt::exact(at))
}

/// The form nearly every `time[datetime]` has, `2026-11-20T08:00:00.000Z` (or without the
/// milliseconds), read byte by byte: a long thread reads thousands of them, and the general
/// reading's splits and parses cost several times more in the module's JS translation.
fn parse_utc_stamp(b: &[u8]) -> Option<SentAt> {
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let ms = match b.len() {
        20 => 0,
        24 if b[19] == b'.' => digits(20..23)?,
        _ => return None,
    };
    let shape = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if shape.iter().any(|&(i, c)| b[i] != c) || !matches!(b[b.len() - 1], b'Z' | b'z') {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    let (month, day) = (digits(5..7)? as u8, digits(8..10)? as u8);
    let (h, m, sec) = (
        digits(11..13)? as u8,
        digits(14..16)? as u8,
        digits(17..19)? as u8,
    );
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year < 1970 {
        return None;
    }
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(SentAt::exact(
        utc_ms(Date { year, month, day }, h, m, sec) + i64::from(ms),
    ))
}

/// Units of relative times, in the languages Waypoint reads (English, Spanish, German): the
/// words, how long one is, and how precise a time in them is. Months and years are read as
/// 30 and 365 days, at the coarsest precision. (Tables, not a `match`: string matches are
/// long code in the page module.)
const UNITS: [(&[&str], i64, Precision); 7] = [
    (
        &[
            "s", "sec", "secs", "second", "seconds", "seg", "segundo", "segundos", "sek",
            "sekunde", "sekunden",
        ],
        1_000,
        Precision::Exact,
    ),
    (
        &[
            "m", "min", "mins", "minute", "minutes", "minuto", "minutos", "minuten",
        ],
        60_000,
        Precision::Minute,
    ),
    (
        &[
            "h", "hr", "hrs", "hour", "hours", "hora", "horas", "std", "stunde", "stunden",
        ],
        3_600_000,
        Precision::Hour,
    ),
    (
        &[
            "d", "day", "days", "día", "días", "dia", "dias", "t", "tag", "tage", "tagen",
        ],
        DAY_MS,
        Precision::Day,
    ),
    (
        &[
            "w", "wk", "wks", "week", "weeks", "sem", "semana", "semanas", "wo", "woche", "wochen",
        ],
        7 * DAY_MS,
        Precision::Week,
    ),
    (
        &[
            "mo", "mos", "month", "months", "mes", "meses", "monat", "monate", "monaten",
        ],
        30 * DAY_MS,
        Precision::Week,
    ),
    (
        &[
            "y", "yr", "yrs", "year", "years", "a", "año", "años", "j", "jahr", "jahre", "jahren",
        ],
        365 * DAY_MS,
        Precision::Week,
    ),
];

/// Words for "one" before a unit ("an hour", "un minuto", "einer Stunde").
const ONE: Words =
    words!["a", "an", "one", "un", "una", "uno", "ein", "eine", "einer", "einem", "einen",];

fn unit(word: &str) -> Option<(Precision, i64)> {
    let w = word.trim_end_matches('.');
    UNITS
        .iter()
        .find(|(words, _, _)| words.contains(&w))
        .map(|&(_, width, p)| (p, width))
}

/// "2h", "2 h", "2 hours ago", "an hour ago", "hace 2 horas", "hace un minuto", "vor 2 Std.",
/// "vor einer Stunde", "2 mo", "1 y", "now", "just now", "ahora".
pub fn parse_relative(t: &str, now: i64) -> Option<SentAt> {
    if matches!(
        t,
        "now" | "just now" | "ahora" | "ahora mismo" | "jetzt" | "gerade eben"
    ) {
        return Some(SentAt {
            ms: now - 60_000,
            precision: Precision::Minute,
        });
    }
    let core = t
        .strip_prefix("hace ")
        .or_else(|| t.strip_prefix("vor "))
        .unwrap_or(t)
        .trim_end_matches(" ago")
        .trim();
    // "an hour", "un minuto", "einer Stunde": one.
    let (n, rest): (i64, &str) = match core.split_once(' ') {
        Some((one, rest)) if ONE.contains(one) => (1, rest),
        _ => {
            // Either "2h" (number glued to the unit) or "2 h".
            let digits_end = core
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(core.len());
            if digits_end == 0 || digits_end > 6 {
                return None;
            }
            (core[..digits_end].parse().ok()?, &core[digits_end..])
        }
    };
    let (p, width) = unit(rest.trim())?;
    Some(SentAt {
        ms: now - (n + 1) * width + 1,
        precision: if p == Precision::Exact {
            Precision::Minute
        } else {
            p
        },
    })
}

/// The local date (in the browser's zone) of `now`, as a day number.
fn local_day(now: i64, utc_offset_min: i32) -> i64 {
    (now + i64::from(utc_offset_min) * 60_000).div_euclid(DAY_MS)
}

/// "10:02 am", "21:05", "9:12 p. m.": minutes after local midnight.
#[inline(never)]
fn clock_minutes(t: &str) -> Option<i64> {
    let t = t.trim();
    let (clock, suffix) = match t.find(|c: char| !(c.is_ascii_digit() || c == ':')) {
        Some(i) => (&t[..i], t[i..].trim()),
        None => (t, ""),
    };
    let (h, m) = clock.split_once(':')?;
    let (mut h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if m > 59 {
        return None;
    }
    let suffix: String = suffix.chars().filter(|c| c.is_alphabetic()).collect();
    match suffix.as_str() {
        "am" | "a" if h <= 12 => {
            if h == 12 {
                h = 0
            }
        }
        "pm" | "p" if h <= 12 => {
            if h != 12 {
                h += 12
            }
        }
        "" | "uhr" if h <= 23 => {}
        _ => return None,
    }
    Some(h * 60 + m)
}

/// "10:02 AM", "today at 9:12 am", "yesterday at 9:12 am", "at 9:12 am", "ayer a las 9:12",
/// "gestern um 9:12".
pub fn parse_clock_day(t: &str, now: i64, utc_offset_min: i32) -> Option<SentAt> {
    let mut rest = t.strip_prefix("at ").unwrap_or(t);
    let today = local_day(now, utc_offset_min);
    let mut days_back = 0;
    let first = rest
        .split([' ', ','])
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let back = match first {
        "today" | "hoy" | "heute" => Some(0),
        "yesterday" | "ayer" | "gestern" => Some(1),
        _ => None,
    };
    if let Some(back) = back {
        rest = rest[first.len()..]
            .trim_start_matches('.')
            .trim_start_matches([',', ' ']);
        days_back = back;
        for joiner in ["at ", "a las ", "a la ", "um "] {
            if let Some(r2) = rest.strip_prefix(joiner) {
                rest = r2;
            }
        }
    }
    let minutes = clock_minutes(rest)?;
    let offset = i64::from(utc_offset_min) * 60_000;
    let day = today - days_back;
    let mut at = day * DAY_MS + minutes * 60_000 - offset;
    if days_back == 0 && at > now + 60_000 {
        at -= DAY_MS; // a bare clock time later than now was yesterday
    }
    Some(SentAt {
        ms: at,
        precision: Precision::Minute,
    })
}

/// A date with a month's name, and maybe a year and a clock time: "nov 20", "nov 20, 2025",
/// "20 nov", "20 nov. 2025", "20. nov.", "November 20, 2026, 9:12 AM" (Messenger's labels),
/// "Nov 20 at 9:12 AM", "20 de noviembre de 2026, 9:12", "12. März 2025 um 9:12".
pub fn parse_month_day(t: &str, now: i64, utc_offset_min: i32) -> Option<SentAt> {
    // The clock time, when there is one: from the digits before the first colon.
    let (date, clock) = match t.find(':') {
        Some(i) => {
            // After the last character that is not a digit, whatever its width ("\u{200f}9:45").
            let start = t[..i]
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_ascii_digit())
                .map_or(0, |(j, c)| j + c.len_utf8());
            (&t[..start], Some(&t[start..]))
        }
        None => (t, None),
    };
    let words: Vec<&str> = date
        .split([' ', ','])
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "de" | "del" | "at" | "um" | "a" | "las" | "la"))
        .collect();
    let num = |w: &str| w.parse::<u32>().ok();
    let (month, day, year) = match words.as_slice() {
        [m, d] if month_from_name(m).is_some() => (month_from_name(m)?, num(d)?, None),
        [d, m] => (month_from_name(m)?, num(d)?, None),
        [m, d, y] if month_from_name(m).is_some() => (month_from_name(m)?, num(d)?, Some(num(y)?)),
        [d, m, y] => (month_from_name(m)?, num(d)?, Some(num(y)?)),
        _ => return None,
    };
    if !(1..=31).contains(&day) || year.is_some_and(|y| !(1970..=9999).contains(&y)) {
        return None;
    }
    let minutes = match clock {
        Some(c) => Some(clock_minutes(c)?),
        None => None,
    };
    let day = day as u8;
    let today = civil_from_days(local_day(now, utc_offset_min));
    let offset = i64::from(utc_offset_min) * 60_000;
    let at = |year: i32| {
        days_from_civil(Date { year, month, day }) * DAY_MS + minutes.unwrap_or(0) * 60_000 - offset
    };
    let ms = match year {
        Some(y) => at(y as i32),
        None if at(today.year) > now + 60_000 => at(today.year - 1),
        None => at(today.year),
    };
    Some(SentAt {
        ms,
        precision: if minutes.is_some() {
            Precision::Minute
        } else {
            Precision::Day
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Sunday 2026-11-22 10:41:00 UTC.
    const NOW: i64 = 1_795_344_060_000;
    const MIN: i64 = 60_000;
    const HOUR: i64 = 3_600_000;

    fn at(y: i32, mo: u8, d: u8, h: u8, mi: u8) -> i64 {
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

    #[test]
    fn now_is_what_the_tests_think() {
        assert_eq!(NOW, at(2026, 11, 22, 10, 41));
    }

    #[test]
    fn iso_datetimes_are_exact() {
        let cases = [
            ("2026-11-22T08:41:00.000Z", at(2026, 11, 22, 8, 41)),
            ("2026-11-22T09:41:00+01:00", at(2026, 11, 22, 8, 41)),
            ("2026-11-22T03:41:00-0500", at(2026, 11, 22, 8, 41)),
            ("2026-11-22T08:41:07.5Z", at(2026, 11, 22, 8, 41) + 7_500),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text, NOW, 0), Some(SentAt::exact(want)), "{text}");
        }
        assert_eq!(
            parse("2026-11-22", NOW, 0).unwrap().precision,
            Precision::Day
        );
        for bad in [
            "2026-13-01T00:00Z",
            "2026-11-22T25:00Z",
            "2026-11-22T08:41+1",
            "1-2",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_byte_reading_of_utc_stamps_agrees_with_the_general_one() {
        let good = [
            "2026-11-22T08:41:00.000Z",
            "2026-11-22T08:41:07Z",
            "2024-02-29T23:59:59.999z",
            "1970-01-01T00:00:00.000Z",
            "2026-11-22T08:41:60.000Z",
        ];
        for t in good {
            let fast = parse_utc_stamp(t.as_bytes());
            assert!(fast.is_some(), "{t}");
            // The general reading, without the fast path: the same instant.
            let general = parse_iso(&t.replace(['Z', 'z'], "+00:00"));
            assert_eq!(fast, general, "{t}");
        }
        for bad in [
            "2026-13-22T08:41:00.000Z",
            "2026-11-00T08:41:00.000Z",
            "2026-11-22T24:41:00.000Z",
            "2026-11-22T08:61:00.000Z",
            "2026-11-22 08:41:00.000Z",
            "2026-11-22T08:41:00,000Z",
            "2026-11-22T08:41:0a.000Z",
            "1969-12-31T23:59:59.000Z",
            "2026-11-22T08:41:00.000+",
            "２026-11-22T08:41:00.000Z",
        ] {
            assert_eq!(parse_utc_stamp(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn relative_times_keep_the_earliest_bound_and_their_precision() {
        let cases: [(&str, i64, Precision); 10] = [
            ("2h", NOW - 3 * HOUR + 1, Precision::Hour),
            ("2 h", NOW - 3 * HOUR + 1, Precision::Hour),
            ("2 hours ago", NOW - 3 * HOUR + 1, Precision::Hour),
            ("5m", NOW - 6 * MIN + 1, Precision::Minute),
            ("hace 5 min", NOW - 6 * MIN + 1, Precision::Minute),
            ("hace 2 horas", NOW - 3 * HOUR + 1, Precision::Hour),
            ("vor 2 Std.", NOW - 3 * HOUR + 1, Precision::Hour),
            ("3d", NOW - 4 * 86_400_000 + 1, Precision::Day),
            ("1w", NOW - 14 * 86_400_000 + 1, Precision::Week),
            ("Just now", NOW - MIN, Precision::Minute),
        ];
        for (text, ms, precision) in cases {
            assert_eq!(
                parse(text, NOW, 0),
                Some(SentAt { ms, precision }),
                "{text}"
            );
        }
        for bad in ["h", "two hours", "2 parsecs", ""] {
            assert_eq!(parse(bad, NOW, 0), None, "{bad}");
        }
    }

    #[test]
    fn clock_times_are_today_or_yesterday_in_the_browsers_zone() {
        let m = |t: &str, off| parse(t, NOW, off).map(|s| (s.ms, s.precision));
        assert_eq!(
            m("10:02 AM", 0),
            Some((at(2026, 11, 22, 10, 2), Precision::Minute))
        );
        assert_eq!(
            m("10:02\u{202f}AM", 0),
            Some((at(2026, 11, 22, 10, 2), Precision::Minute))
        );
        assert_eq!(
            m("At 9:12 AM", 0),
            Some((at(2026, 11, 22, 9, 12), Precision::Minute))
        );
        // 11:30 local in UTC+1 is 10:30 UTC, earlier than now.
        assert_eq!(
            m("11:30", 60),
            Some((at(2026, 11, 22, 10, 30), Precision::Minute))
        );
        // 23:00 has not happened yet today: it was yesterday.
        assert_eq!(
            m("11:00 PM", 0),
            Some((at(2026, 11, 21, 23, 0), Precision::Minute))
        );
        assert_eq!(
            m("Yesterday at 9:12 AM", 0),
            Some((at(2026, 11, 21, 9, 12), Precision::Minute))
        );
        assert_eq!(
            m("ayer a las 21:05", 0),
            Some((at(2026, 11, 21, 21, 5), Precision::Minute))
        );
        assert_eq!(
            m("Gestern um 9:12", 0),
            Some((at(2026, 11, 21, 9, 12), Precision::Minute))
        );
        assert_eq!(
            m("12:05 AM", 0),
            Some((at(2026, 11, 22, 0, 5), Precision::Minute))
        );
        assert_eq!(m("13:05 PM", 0), None);
    }

    #[test]
    fn a_wide_character_before_the_clock_is_no_panic() {
        // A direction mark, an accent or another script right before the digits: the time is
        // read where it can be, and nothing panics (a panic ends the module on the page).
        for t in [
            "\u{200f}9:45 AM",
            "At \u{200f}9:45 AM",
            "é9:45",
            "\u{202e}10:09 AM",
            "午前10:09",
            "Nov 20 \u{200e}9:12",
            "İ:",
        ] {
            let _ = parse(t, NOW, 0);
            let _ = parse_month_day(t, NOW, 0);
        }
        assert!(parse("\u{200f}9:45 AM", NOW, 0).is_some());
    }

    #[test]
    fn month_days_are_this_year_unless_in_the_future() {
        let d = |t: &str| {
            parse(t, NOW, 0).map(|s| (civil_from_days(s.ms.div_euclid(DAY_MS)), s.precision))
        };
        let date = |year, month, day| Date { year, month, day };
        assert_eq!(d("Nov 20"), Some((date(2026, 11, 20), Precision::Day)));
        assert_eq!(d("20 nov."), Some((date(2026, 11, 20), Precision::Day)));
        assert_eq!(d("Dec 24"), Some((date(2025, 12, 24), Precision::Day)));
        assert_eq!(d("Mar 3, 2024"), Some((date(2024, 3, 3), Precision::Day)));
        assert_eq!(d("Nov 40"), None);
        // Spanish and German months and their ways of writing a date; whole words only.
        for t in [
            "20 de noviembre",
            "20 nov",
            "20. November",
            "20. Nov.",
            "noviembre 20",
        ] {
            assert_eq!(d(t), Some((date(2026, 11, 20), Precision::Day)), "{t}");
        }
        assert_eq!(d("3 dic"), Some((date(2025, 12, 3), Precision::Day)));
        assert_eq!(d("5 okt."), Some((date(2026, 10, 5), Precision::Day)));
        assert_eq!(d("5 ene"), Some((date(2026, 1, 5), Precision::Day)));
        assert_eq!(d("9 Mai"), Some((date(2026, 5, 9), Precision::Day)));
        assert_eq!(
            d("12. März 2025"),
            Some((date(2025, 3, 12), Precision::Day))
        );
        assert_eq!(
            d("12 de marzo de 2025"),
            Some((date(2025, 3, 12), Precision::Day))
        );
        for t in [
            "junk 5",
            "Decades 3",
            "Mar 3, 12",
            "Mar 3, 2147483647",
            "3 de",
        ] {
            assert_eq!(d(t), None, "{t}");
        }
    }

    #[test]
    fn dates_with_a_clock_time_are_to_the_minute() {
        let m = |t: &str| parse(t, NOW, 60).map(|s| (s.ms, s.precision));
        let minute = |ms| Some((ms, Precision::Minute));
        // Messenger's label ("At November 20, 2026, 9:12 AM, Jane: …"), at UTC+1.
        assert_eq!(
            m("November 20, 2026, 9:12 AM"),
            minute(at(2026, 11, 20, 8, 12))
        );
        assert_eq!(m("Nov 20 at 9:12 AM"), minute(at(2026, 11, 20, 8, 12)));
        assert_eq!(
            m("20 de noviembre de 2026, 21:05"),
            minute(at(2026, 11, 20, 20, 5))
        );
        assert_eq!(
            m("20. November 2026 um 9:12"),
            minute(at(2026, 11, 20, 8, 12))
        );
        // Later today than now, without a year: last year.
        assert_eq!(m("Nov 22, 23:00"), minute(at(2025, 11, 22, 22, 0)));
        assert_eq!(m("Nov 20, 25:00"), None);
    }

    #[test]
    fn yesterday_with_a_comma() {
        let m = |t: &str| parse(t, NOW, 0).map(|s| (s.ms, s.precision));
        assert_eq!(
            m("Yesterday, 9:41 PM"),
            Some((at(2026, 11, 21, 21, 41), Precision::Minute))
        );
    }

    #[test]
    fn relative_times_in_words_months_and_years() {
        let r = |t: &str| parse(t, NOW, 0).map(|s| (NOW - s.ms, s.precision));
        assert_eq!(r("an hour ago"), Some((2 * HOUR - 1, Precision::Hour)));
        assert_eq!(r("a minute ago"), Some((2 * MIN - 1, Precision::Minute)));
        assert_eq!(r("hace un minuto"), Some((2 * MIN - 1, Precision::Minute)));
        assert_eq!(r("vor einer Stunde"), Some((2 * HOUR - 1, Precision::Hour)));
        let day = 24 * HOUR;
        assert_eq!(r("2 mo"), Some((90 * day - 1, Precision::Week)));
        assert_eq!(r("vor 1 Monat"), Some((60 * day - 1, Precision::Week)));
        assert_eq!(r("1 y"), Some((730 * day - 1, Precision::Week)));
        assert_eq!(r("2 yr"), Some((1095 * day - 1, Precision::Week)));
        // Too large to be a time: no overflow, no time.
        assert_eq!(r("9999999999999w"), None);
    }

    #[test]
    fn odd_input_never_panics() {
        for t in [
            "",
            " ",
            "🌵",
            "at",
            "hace",
            "::",
            "99999999999999999999h",
            "2026-",
            "T",
            "12:",
            "a las",
        ] {
            let _ = parse(t, NOW, 0);
        }
    }
}
