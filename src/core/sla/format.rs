//! Short human durations for the tooltip and the CLI: `45 s`, `15 min`, `1 h 05 min`,
//! `2 d 3 h`.

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

#[cfg(test)]
mod tests {
    use super::duration;

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
}
