//! Short human durations for the tooltip and the CLI: `45 s`, `15 min`, `1 h 05 min`,
//! `2 d 3 h`; the badge's ticking clock and its spoken form.

/// Formats a duration in milliseconds, rounded down to the unit shown; negative durations
/// get a leading minus sign.
pub fn duration(ms: i64) -> String {
    let sign = if ms < 0 { "-" } else { "" };
    let s = ms.unsigned_abs() / 1000;
    let (d, h, m) = (s / 86_400, s / 3600 % 24, s / 60 % 60);
    let body = if s < 60 {
        format!("{s} s")
    } else if s < 3600 {
        let rest = s % 60;
        if rest == 0 || m >= 10 {
            format!("{m} min")
        } else {
            format!("{m} min {rest:02} s")
        }
    } else if d == 0 {
        if m == 0 {
            format!("{h} h")
        } else {
            format!("{h} h {m:02} min")
        }
    } else if h == 0 {
        format!("{d} d")
    } else {
        format!("{d} d {h} h")
    };
    format!("{sign}{body}")
}

/// The whole seconds a clock of `ms` shows (negative: overdue), rounded away from zero: with
/// 0.4 s left it says one second left, not "0:00:00", and 0.4 s overdue one second over. So the
/// countdown never shows 00:00 on both sides of the deadline, and the page contract's
/// `data-sla-remaining-s` is the number on the badge.
pub fn whole_seconds(ms: i64) -> i64 {
    let s = ms.unsigned_abs().div_ceil(1000) as i64;
    if ms < 0 {
        -s
    } else {
        s
    }
}

/// The badge's clock: `h:mm:ss`, the hours even at 0 ("0:35:05": "35:05" read as 35 hours
/// beside another badge's "3:00:03"), and from a day on days and hours as [`duration`] gives
/// them ("11 d 18 h": "282:27:22" asks the agent to divide).
pub fn clock(ms: i64) -> String {
    let s = ms.unsigned_abs() / 1000;
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if h >= 24 {
        duration(ms.saturating_abs())
    } else {
        format!("{h}:{m:02}:{sec:02}")
    }
}

/// Spoken form for the accessible name: "9 minutes 41 seconds".
pub fn spoken(ms: i64) -> String {
    let s = ms.unsigned_abs() / 1000;
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if h >= 24 {
        parts.push(unit(h / 24, "day", "days"));
        parts.push(unit(h % 24, "hour", "hours"));
        return parts.join(" ");
    }
    if h > 0 {
        parts.push(unit(h, "hour", "hours"));
    }
    if m > 0 || h > 0 {
        parts.push(unit(m, "minute", "minutes"));
    }
    if h == 0 {
        parts.push(unit(sec, "second", "seconds"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::{clock, duration, spoken, whole_seconds};

    #[test]
    fn the_seconds_shown_round_away_from_the_deadline() {
        for (ms, want) in [
            (0, 0),
            (1, 1),
            (400, 1),
            (1_000, 1),
            (1_001, 2),
            (-1, -1),
            (-400, -1),
            (-1_000, -1),
            (-1_600, -2),
            (581_000, 581),
        ] {
            assert_eq!(whole_seconds(ms), want, "{ms}");
        }
        // The last second before the deadline and the first after it read 1 s either side.
        assert_eq!(clock(whole_seconds(400) * 1000), "0:00:01");
        assert_eq!(clock(whole_seconds(-400) * 1000), "0:00:01");
    }

    #[test]
    fn durations() {
        let cases = [
            (0, "0 s"),
            (45_000, "45 s"),
            (90_000, "1 min 30 s"),
            (15 * 60_000, "15 min"),
            (15 * 60_000 + 59_000, "15 min"),
            (3_600_000, "1 h"),
            (3_900_000, "1 h 05 min"),
            (86_400_000, "1 d"),
            (2 * 86_400_000 + 3 * 3_600_000 + 60_000, "2 d 3 h"),
            (-5 * 60_000, "-5 min"),
        ];
        for (ms, want) in cases {
            assert_eq!(duration(ms), want, "{ms}");
        }
    }

    #[test]
    fn clocks_and_words() {
        assert_eq!(clock(581_000), "0:09:41");
        assert_eq!(clock(-5_000), "0:00:05");
        assert_eq!(clock(-3_723_000), "1:02:03");
        assert_eq!(spoken(581_000), "9 minutes 41 seconds");
        assert_eq!(spoken(3_723_000), "1 hour 2 minutes");
        assert_eq!(spoken(1_000), "1 second");
        // From a day on, days and hours: 282 h 27 min 22 s.
        assert_eq!(clock(-1_016_842_000), "11 d 18 h");
        assert_eq!(spoken(1_016_842_000), "11 days 18 hours");
        assert_eq!(clock(86_400_000), "1 d");
        assert_eq!(spoken(86_400_000), "1 day 0 hours");
        assert_eq!(clock(86_399_000), "23:59:59");
    }
}
