//! Calendar arithmetic on plain integers: days since the Unix epoch ↔ proleptic Gregorian
//! dates, in UTC. No clock is read here; time zones and business hours build on this.

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;
/// Milliseconds in an hour.
pub const HOUR_MS: i64 = 3_600_000;
/// Milliseconds in a minute.
pub const MINUTE_MS: i64 = 60_000;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, checking that the day exists.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let valid = (1..=12).contains(&date.month)
            && date.day >= 1
            && date.day <= days_in_month(date.year, date.month);
        valid.then_some(date)
    }
}

impl Date {
    /// A date as a person types one for a holiday: `2026-12-25` (months and days of one digit
    /// too), or with slashes or dots, day and month in either order where only one order is a
    /// date (`25/12/2026`, `12/25/2026`). The error says what is wrong: no such day in that
    /// month ("February 2026 has 28 days"), a day and a month that could be either, or no date.
    pub fn read_typed(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let nums = |sep: &[char]| -> Option<[u32; 3]> {
            let parts: Vec<&str> = s.split(sep).collect();
            let ok = parts.len() == 3
                && parts.iter().all(|p| {
                    !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())
                });
            ok.then(|| [0, 1, 2].map(|i| parts[i].parse().unwrap_or(0)))
        };
        let (year, month, day) = if let Some([y, m, d]) = nums(&['-']).filter(|n| n[0] > 999) {
            (y, m, d)
        } else if let Some([a, b, y]) = nums(&['/', '.']).filter(|n| n[2] > 999) {
            let month = |n: u32| (1..=12).contains(&n);
            let day = |n: u32| (13..=31).contains(&n);
            match (a, b) {
                (a, b) if day(a) && month(b) => (y, b, a),
                (a, b) if month(a) && day(b) => (y, a, b),
                (a, b) if month(a) && a == b => (y, a, a),
                // Either order is a date only when both could be months.
                (a, b) if month(a) && month(b) => {
                    return Err(format!(
                        "“{s}” could be {a} {} or {b} {}: write it as {y}-{b:02}-{a:02} or \
                         {y}-{a:02}-{b:02}",
                        named_month(b as u8),
                        named_month(a as u8)
                    ))
                }
                _ => return Err(format!("“{s}” is not a date like 2026-12-25")),
            }
        } else {
            return Err(format!("“{s}” is not a date like 2026-12-25"));
        };
        let Ok(month @ 1..=12) = u8::try_from(month) else {
            return Err(format!("“{s}”: there is no month {month}"));
        };
        let year = i32::try_from(year).unwrap_or(0);
        let most = days_in_month(year, month);
        match u8::try_from(day) {
            Ok(day @ 1..) if day <= most => Ok(Date { year, month, day }),
            _ => Err(format!(
                "“{s}”: {} {year} has {most} days",
                named_month(month)
            )),
        }
    }
}

/// A month's English name with its capital ("February").
fn named_month(month: u8) -> String {
    let name = month_name(month);
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    /// From `YYYY-MM-DD`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("{s:?} is not a date like \"2025-12-25\""))
        })
    }
}

impl std::fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days since 1970-01-01 of a date (negative before it).
pub fn days_from_civil(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// Day of the week of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
pub fn weekday_from_days(z: i64) -> u8 {
    (z + 3).rem_euclid(7) as u8
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// UTC milliseconds of a date and time of day.
pub fn utc_ms(d: Date, hour: u8, minute: u8, second: u8) -> i64 {
    days_from_civil(d) * DAY_MS
        + (i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second)) * 1000
}

/// The day number of the `n`-th (1–4) `weekday` (0 = Monday) of a month, or of its last one
/// when `n` is 5 (the POSIX TZ `Mm.n.d` rule).
pub fn nth_weekday_of_month(year: i32, month: u8, n: u8, weekday: u8) -> i64 {
    let first = days_from_civil(Date {
        year,
        month,
        day: 1,
    });
    let offset = (i64::from(weekday) - i64::from(weekday_from_days(first))).rem_euclid(7);
    let mut day = first + offset + 7 * (i64::from(n.clamp(1, 5)) - 1);
    let next_month = first + i64::from(days_in_month(year, month));
    while day >= next_month {
        day -= 7;
    }
    day
}

/// Month names in the languages Waypoint reads (English, Spanish, German), with the month
/// (German names that begin an English one, "Januar", "Juni", are found by it).
const MONTH_NAMES: &[(&str, u8)] = &[
    ("january", 1),
    ("enero", 1),
    ("jänner", 1),
    ("february", 2),
    ("febrero", 2),
    ("march", 3),
    ("marzo", 3),
    ("märz", 3),
    ("april", 4),
    ("abril", 4),
    ("may", 5),
    ("mayo", 5),
    ("mai", 5),
    ("june", 6),
    ("junio", 6),
    ("july", 7),
    ("julio", 7),
    ("august", 8),
    ("agosto", 8),
    ("september", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("october", 10),
    ("octubre", 10),
    ("oktober", 10),
    ("november", 11),
    ("noviembre", 11),
    ("december", 12),
    ("diciembre", 12),
    ("dezember", 12),
];

/// A month's English name, in lower case ("january" for 1).
pub fn month_name(month: u8) -> &'static str {
    MONTH_NAMES
        .iter()
        .find(|&&(_, m)| m == month)
        .map_or("", |&(name, _)| name)
}

/// Parses a month's name or abbreviation in English, Spanish or German ("Oct", "October",
/// "dic", "März", "Mrz", "sept.") to 1–12: the whole word (without a final full stop) is a
/// name or the start of one, at least three letters long ("junk" and "Decades" are not).
#[inline(never)]
pub fn month_from_name(name: &str) -> Option<u8> {
    let w = name.trim_end_matches('.').as_bytes();
    if w.eq_ignore_ascii_case(b"mrz") {
        return Some(3);
    }
    // At least three letters (bytes that begin a character); compared without regard to
    // ASCII case (the times' reader has lower-cased the rest).
    if w.iter().filter(|&&b| b & 0xc0 != 0x80).count() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .find(|(full, _)| {
            full.len() >= w.len() && full.as_bytes()[..w.len()].eq_ignore_ascii_case(w)
        })
        .map(|&(_, m)| m)
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_as_people_type_them_and_what_is_wrong() {
        use super::Date;
        let d = |y, m, day| {
            Ok(Date {
                year: y,
                month: m,
                day,
            })
        };
        assert_eq!(Date::read_typed("2026-12-25"), d(2026, 12, 25));
        assert_eq!(Date::read_typed(" 2026-1-6 "), d(2026, 1, 6));
        assert_eq!(Date::read_typed("25/12/2026"), d(2026, 12, 25));
        assert_eq!(Date::read_typed("12/25/2026"), d(2026, 12, 25));
        assert_eq!(Date::read_typed("25.12.2026"), d(2026, 12, 25));
        assert_eq!(Date::read_typed("6/6/2026"), d(2026, 6, 6));
        for (typed, why) in [
            ("2026-02-30", "“2026-02-30”: February 2026 has 28 days"),
            ("2028-02-30", "“2028-02-30”: February 2028 has 29 days"),
            ("2026-13-01", "“2026-13-01”: there is no month 13"),
            (
                "05/06/2026",
                "“05/06/2026” could be 5 June or 6 May: write it as 2026-06-05 or 2026-05-06",
            ),
        ] {
            assert_eq!(Date::read_typed(typed).unwrap_err(), why);
        }
        // Neither order a date: said so, not "could be" with a month of no name.
        for wrong in ["13/14/2026", "0/5/2026", "5/0/2026", "32/1/2026"] {
            assert_eq!(
                Date::read_typed(wrong).unwrap_err(),
                format!("“{wrong}” is not a date like 2026-12-25")
            );
        }
        for wrong in [
            "Christmas",
            "2026-12",
            "25/12/26",
            "2026-12-25-1",
            "",
            "99999-01-01",
        ] {
            assert!(Date::read_typed(wrong).is_err(), "{wrong}");
        }
    }

    use super::*;

    #[test]
    fn month_names_are_english() {
        let names: Vec<&str> = (1..=12).map(month_name).collect();
        assert_eq!(
            names,
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december"
            ]
        );
        assert_eq!(month_name(13), "");
    }

    #[test]
    fn known_days() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(days_from_civil(d(1970, 1, 1)), 0);
        assert_eq!(days_from_civil(d(2000, 3, 1)), 11_017);
        assert_eq!(days_from_civil(d(1969, 12, 31)), -1);
        assert_eq!(civil_from_days(20_414), d(2025, 11, 22));
        assert_eq!(weekday_from_days(0), 3, "1970-01-01 was a Thursday");
        assert_eq!(
            weekday_from_days(days_from_civil(d(2026, 11, 22))),
            6,
            "a Sunday"
        );
    }

    #[test]
    fn round_trips_over_four_centuries() {
        for z in (-200_000..200_000).step_by(37) {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
    }

    #[test]
    fn iso_dates_parse_and_print() {
        let d = Date::parse_iso("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "24-01-01",
            "2024-01-00",
            "x",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn nth_weekdays() {
        let d = |year, month, day| days_from_civil(Date { year, month, day });
        // Last Sunday of March 2025 and of October 2025; second Sunday of March 2025;
        // first Sunday of November 2025 (weekday 6 = Sunday).
        assert_eq!(nth_weekday_of_month(2025, 3, 5, 6), d(2025, 3, 30));
        assert_eq!(nth_weekday_of_month(2025, 10, 5, 6), d(2025, 10, 26));
        assert_eq!(nth_weekday_of_month(2025, 3, 2, 6), d(2025, 3, 9));
        assert_eq!(nth_weekday_of_month(2025, 11, 1, 6), d(2025, 11, 2));
        // A month that starts on the weekday asked for.
        assert_eq!(nth_weekday_of_month(2026, 3, 1, 6), d(2026, 3, 1));
    }

    #[test]
    fn months() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(month_from_name("Oct"), Some(10));
        assert_eq!(month_from_name("september"), Some(9));
        // Spanish and German, abbreviated or not; whole words only.
        for (name, m) in [
            ("Okt", 10),
            ("ene", 1),
            ("abr.", 4),
            ("ago", 8),
            ("dic", 12),
            ("Mär", 3),
            ("Mrz", 3),
            ("März", 3),
            ("Mai", 5),
            ("Dez.", 12),
            ("sept.", 9),
            ("noviembre", 11),
            ("Dezember", 12),
        ] {
            assert_eq!(month_from_name(name), Some(m), "{name}");
        }
        for word in ["junk", "Decades", "ma", "", "Octopus", "de"] {
            assert_eq!(month_from_name(word), None, "{word}");
        }
        assert_eq!(
            utc_ms(
                Date {
                    year: 2017,
                    month: 10,
                    day: 31
                },
                22,
                10,
                47
            ),
            1_509_487_847_000
        );
    }
}
