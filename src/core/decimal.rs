//! Plain decimal numbers as a settings form's number fields give them ("15", "0.25", and
//! "1e3", which a number field accepts) and as the form shows them again. A comma is refused:
//! "1,5" and "1,000" mean different things in different languages, and a number field gives
//! its value with a point whatever the agent's language.
//!
//! Why not `f64::from_str` and `Display`: they are the standard library's complete float
//! reading and printing, with their tables, about 30 KiB of the page module (13 KiB gzipped)
//! for a form that holds minutes and a percentage. Here a number keeps 15 significant digits;
//! there is no `inf` or `NaN`.

/// Significant digits read exactly: below 2^53, so the digits are an exact `f64` and one
/// division by an exact power of ten gives the correctly rounded value.
const MAX_DIGITS: usize = 15;

/// Reads `text` (spaces around it are allowed) as a decimal number: an optional sign, digits,
/// an optional `.` followed by more digits (at least one digit in all), and an optional
/// exponent (`e` or `E`, a sign, digits). `None` for anything else, so the caller can say
/// which setting is not a number.
pub fn parse(text: &str) -> Option<f64> {
    let t = text.trim();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (t, exponent) = match t.find(['e', 'E']) {
        Some(at) => (&t[..at], parse_exponent(&t[at + 1..])?),
        None => (t, 0),
    };
    let (whole, fraction) = match t.find('.') {
        Some(at) => (&t[..at], &t[at + 1..]),
        None => (t, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let mut mantissa: u64 = 0;
    let mut used = 0;
    // Whole digits past the exact ones only scale the number (it is then far beyond any
    // setting's range, and the validation says so).
    let mut scale = 0i32;
    for b in whole.bytes() {
        if used < MAX_DIGITS {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            used += 1;
        } else {
            scale += 1;
        }
    }
    let mut decimals = 0i32;
    for b in fraction.bytes() {
        if used == MAX_DIGITS {
            break;
        }
        if used == 0 && b == b'0' {
            decimals += 1;
            continue;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
        used += 1;
        decimals += 1;
    }
    // One multiplication or division by an exact power of ten (up to 10^22) rounds correctly;
    // beyond that the value is far outside any setting's range and only needs to stay so.
    let power = scale + exponent - decimals;
    let mut value = mantissa as f64;
    if power > 0 {
        value *= 10f64.powi(power);
    } else if power < 0 {
        value /= 10f64.powi(-power);
    }
    Some(if negative { -value } else { value })
}

/// The exponent after `e`: a sign and up to four digits (any more would only say "infinitely
/// large" or "zero").
fn parse_exponent(text: &str) -> Option<i32> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits
        .bytes()
        .fold(0i32, |n, b| n * 10 + i32::from(b - b'0'));
    Some(if negative { -n } else { n })
}

/// `value` with up to six decimals and no trailing zeros ("15", "0.25", "1.5"), as [`parse`]
/// reads it back. Values beyond ±9e12 (no setting comes near; an error message may name one
/// typed as "1e20") read "more than 9000000000000" (or "less than -…"); a value that
/// is not a number reads "NaN", as in an error message about it.
pub fn format(value: f64) -> String {
    const PLACES: u32 = 6;
    const UNIT: i64 = 10i64.pow(PLACES);
    const LIMIT: f64 = 9e12;
    if value.is_nan() {
        return "NaN".into();
    }
    if value.abs() > LIMIT {
        let (side, sign) = if value > 0.0 {
            ("more", "")
        } else {
            ("less", "-")
        };
        return format!("{side} than {sign}9000000000000");
    }
    let scaled = (value.abs() * UNIT as f64).round() as i64;
    let (whole, fraction) = (scaled / UNIT, scaled % UNIT);
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:06}");
    format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
}

/// A count as the panel writes it, its thousands grouped with commas ("1,200 messages read").
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        for (n, want) in [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (1200, "1,200"),
            (65535, "65,535"),
            (1234567, "1,234,567"),
        ] {
            assert_eq!(grouped(n), want);
        }
    }

    #[test]
    fn reads_what_people_type() {
        for (text, want) in [
            ("15", 15.0),
            (" 0.25 ", 0.25),
            (".5", 0.5),
            ("5.", 5.0),
            ("+2", 2.0),
            ("-3.75", -3.75),
            ("007", 7.0),
            ("0.1", 0.1),
            ("0.000001", 0.000001),
            ("1e3", 1000.0),
            ("2.5E-1", 0.25),
            ("15e+0", 15.0),
            ("43200", 43200.0),
        ] {
            assert_eq!(parse(text), Some(want), "{text:?}");
        }
        // Past 15 digits the rest only scale the number: close, not exact.
        let long = parse("123456789012345678").unwrap();
        assert!((long / 123456789012345678.0 - 1.0).abs() < 1e-14, "{long}");
    }

    #[test]
    fn reads_the_same_value_as_the_standard_library() {
        for text in [
            "0.3",
            "2.675",
            "1440.125",
            "0.333333333333333",
            "99.99",
            "0.0000123",
            "1e3",
            "7.5e-2",
            "12345e-4",
        ] {
            assert_eq!(parse(text), text.parse::<f64>().ok(), "{text:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for text in [
            "", " ", ".", ",", "-", "e3", "1e", "1e+", "1e1.5", "1e99999", "inf", "NaN", "1.2.3",
            "1,2,3", "1,5", "1,000", "12 min", "١٢", "0x10", "--1", "1 000",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn shows_short_decimals() {
        for (value, want) in [
            (15.0, "15"),
            (0.25, "0.25"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (-3.75, "-3.75"),
            (1.0 / 3.0, "0.333333"),
            (-0.0000001, "0"),
            (f64::NAN, "NaN"),
            (9e12, "9000000000000"),
            (1e20, "more than 9000000000000"),
            (f64::INFINITY, "more than 9000000000000"),
            (-1e20, "less than -9000000000000"),
        ] {
            assert_eq!(format(value), want, "{value}");
        }
    }

    #[test]
    fn what_is_shown_reads_back() {
        for value in [0.25, 1.5, 15.0, 60.0, 1440.0, 43200.0, 0.1, 2.675] {
            assert_eq!(parse(&format(value)), Some(value), "{value}");
        }
    }
}
