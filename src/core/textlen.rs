//! How long a reply is, the way each site counts it, and each site's limit.
//!
//! X counts a *weighted* length (the open-source `twitter-text` rules, config v3): most Latin,
//! Greek, Cyrillic, Hebrew, Arabic… characters and general punctuation weigh 1; everything else
//! (CJK, most symbols) weighs 2; an emoji weighs 2 however many code points it is made of (skin
//! tones, ZWJ families, flags, keycaps); every URL weighs 23 whatever its length. Meta's sites
//! count plain characters.
//!
//! Known approximations (all err on the long side, so a reply judged to fit does fit):
//! - `twitter-text` normalises to NFC first; this does not, so a decomposed accent (`e` +
//!   U+0301) counts 2 here and 1 on X.
//! - URLs without a scheme are recognised only for a list of common top-level domains.
//! - Emoji are recognised by code-point ranges, not the full Unicode emoji data.

use crate::core::conversation::{Site, Surface};
use crate::core::words::Words;
use serde::Serialize;

/// How a limit is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Counting {
    /// X's weighted length: [`x_weighted_len`].
    XWeighted,
    /// Unicode scalar values: [`char_len`].
    Chars,
}

/// The most a reply on one site and surface may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limit {
    pub site: Site,
    pub surface: Surface,
    pub max: usize,
    pub counting: Counting,
}

/// Every site and surface's limit, in one table; above each, where its number comes from and
/// how sure it is (comments, not a field: the page's module would carry the words).
pub const LIMITS: [Limit; 6] = [
    // twitter-text config v3 (maxWeightedTweetLength 280). Premium accounts may post up to 25,000,
    // but replies are kept to what every reader sees without "Show more".
    Limit {
        site: Site::X,
        surface: Surface::Post,
        max: 280,
        counting: Counting::XWeighted,
    },
    // X raised direct messages to 10,000 characters in 2015; not re-measured on the newer X Chat.
    Limit {
        site: Site::X,
        surface: Surface::Dm,
        max: 10_000,
        counting: Counting::Chars,
    },
    // Commonly cited limit for Facebook comments (about 8,000); not documented by Meta. Uncertain,
    // but far above any sensible reply.
    Limit {
        site: Site::Facebook,
        surface: Surface::Post,
        max: 8_000,
        counting: Counting::Chars,
    },
    // Commonly cited Messenger limit (20,000); the Send API allows only 2,000 but Waypoint types
    // into the web app. Uncertain.
    Limit {
        site: Site::Facebook,
        surface: Surface::Dm,
        max: 20_000,
        counting: Counting::Chars,
    },
    // Instagram's caption limit (2,200), also reported for comments. Uncertain.
    Limit {
        site: Site::Instagram,
        surface: Surface::Post,
        max: 2_200,
        counting: Counting::Chars,
    },
    // Instagram direct messages: 1,000 characters (Ingenious.ai, care-practice Q11).
    Limit {
        site: Site::Instagram,
        surface: Surface::Dm,
        max: 1_000,
        counting: Counting::Chars,
    },
];

/// The limit for a site and surface.
pub fn limit(site: Site, surface: Surface) -> &'static Limit {
    LIMITS
        .iter()
        .find(|l| l.site == site && l.surface == surface)
        .unwrap_or(&LIMITS[0])
}

/// A reply's length against its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Measure {
    /// The length as the site counts it.
    pub used: usize,
    pub max: usize,
    pub fits: bool,
}

/// Measures `text` the way `site` counts it on `surface`.
pub fn measure(text: &str, site: Site, surface: Surface) -> Measure {
    let l = limit(site, surface);
    let used = match l.counting {
        Counting::XWeighted => x_weighted_len(text),
        Counting::Chars => char_len(text),
    };
    Measure {
        used,
        max: l.max,
        fits: used <= l.max,
    }
}

/// Plain length in Unicode scalar values.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// What every URL counts on X.
pub const X_URL_WEIGHT: usize = 23;

/// X's weighted length of `text` (see the module documentation).
pub fn x_weighted_len(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let urls = url_spans(&chars);
    let mut total = 0;
    let mut i = 0;
    let mut next_url = urls.iter().peekable();
    while i < chars.len() {
        if let Some(&&(start, end)) = next_url.peek() {
            if start == i {
                total += X_URL_WEIGHT;
                i = end;
                next_url.next();
                continue;
            }
        }
        // Most characters are plain ASCII, which weighs 1 and starts no emoji (the keycap
        // bases '#', '*' and digits aside).
        let c = chars[i];
        if c.is_ascii() && !matches!(c, '#' | '*' | '0'..='9') {
            total += 1;
            i += 1;
            continue;
        }
        match emoji_len(&chars[i..]) {
            0 => {
                total += char_weight(chars[i]);
                i += 1;
            }
            n => {
                total += 2;
                i += n;
            }
        }
    }
    total
}

/// 1 for the ranges `twitter-text` weighs 100, else 2.
fn char_weight(c: char) -> usize {
    match u32::from(c) {
        0..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
        _ => 2,
    }
}

/// Code points that start (or, after a ZWJ, continue) an emoji.
fn is_pictographic(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF
        | 0x1FC00..=0x1FFFD
        | 0x2190..=0x21FF
        | 0x2300..=0x23FF
        | 0x25A0..=0x25FF
        | 0x2600..=0x27BF
        | 0x2900..=0x297F
        | 0x2B00..=0x2BFF
        | 0x203C
        | 0x2049
        | 0x2122
        | 0x2139
        | 0x24C2
        | 0x3030
        | 0x303D
        | 0x3297
        | 0x3299
    )
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Variation selectors, skin tones, the keycap mark and tag characters.
fn is_emoji_modifier(c: char) -> bool {
    matches!(u32::from(c), 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F)
}

/// How many code points the emoji starting `s` spans, or 0 if none starts there.
fn emoji_len(s: &[char]) -> usize {
    let Some(&first) = s.first() else { return 0 };
    if is_regional_indicator(first) {
        return if s.get(1).copied().is_some_and(is_regional_indicator) {
            2
        } else {
            1
        };
    }
    let text_default = matches!(first, '#' | '*' | '0'..='9' | '\u{A9}' | '\u{AE}');
    if text_default {
        // Only with an emoji presentation selector or a keycap mark.
        match (s.get(1), s.get(2)) {
            (Some('\u{FE0F}'), Some('\u{20E3}')) => return 3,
            (Some('\u{20E3}'), _) => return 2,
            (Some('\u{FE0F}'), _) if first == '\u{A9}' || first == '\u{AE}' => return 2,
            _ => return 0,
        }
    }
    if !is_pictographic(first) {
        return 0;
    }
    let mut i = 1;
    loop {
        while s.get(i).copied().is_some_and(is_emoji_modifier) {
            i += 1;
        }
        if s.get(i) == Some(&'\u{200D}') && s.get(i + 1).copied().is_some_and(is_pictographic) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Top-level domains recognised in URLs written without a scheme ("example.com/help").
pub(crate) const TLDS: Words = listed_words!["links/tlds";
    "com", "net", "org", "info", "biz", "io", "co", "me", "app", "dev", "ly", "gl", "gg", "ai",
    "tv", "es", "mx", "ar", "cl", "pe", "uy", "ve", "bo", "ec", "py", "cr", "do", "uk", "us", "eu",
    "de", "fr", "it", "pt", "nl", "be", "ie", "ca", "au", "nz", "in", "br", "jp", "cn", "shop",
    "store", "online", "site", "xyz", "help", "support", "link", "page",
];

/// The `[start, end)` character spans of URLs, in order.
fn url_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        let leading = |c: &char| matches!(c, '(' | '[' | '"' | '\'' | '¡' | '¿' | '<' | '“' | '‘');
        let trailing = |c: &char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '>' | '”' | '’'
            )
        };
        let mut s = start;
        while s < i && leading(&chars[s]) {
            s += 1;
        }
        let mut e = i;
        while e > s && trailing(&chars[e - 1]) {
            e -= 1;
        }
        if e > s && is_url(&chars[s..e]) {
            spans.push((s, e));
        }
    }
    spans
}

fn is_url(token: &[char]) -> bool {
    // A scheme needs its colon and a bare host its dot: most words are ruled out here, before
    // the token is copied and lower-cased.
    if !token.iter().any(|&c| c == '.' || c == ':') {
        return false;
    }
    let t: String = token.iter().collect::<String>().to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = t.strip_prefix(scheme) {
            return rest.chars().next().is_some_and(|c| c.is_alphanumeric());
        }
    }
    if t.contains('@') {
        return false; // an email address or a handle
    }
    let host = t.split(['/', '?', '#']).next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| TLDS.contains(tld))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_weighted_length_follows_twitter_text() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 0, "empty"),
            ("hello", 5, "ascii"),
            ("¡Hola, señor! ¿Qué tal?", 23, "Latin-1 weighs 1"),
            ("Привет", 6, "Cyrillic weighs 1"),
            (
                "“quoted” — yes",
                14,
                "general punctuation in range weighs 1",
            ),
            ("…", 2, "ellipsis U+2026 is outside the ranges"),
            ("日本語", 6, "CJK weighs 2"),
            ("한국어", 6, "Hangul weighs 2"),
            ("😀", 2, "emoji"),
            ("👍🏽", 2, "skin tone modifier joins"),
            ("👩‍👩‍👧‍👦", 2, "ZWJ family is one emoji"),
            ("🏳️‍🌈", 2, "flag with VS16 and ZWJ"),
            ("🇪🇸🇲🇽", 4, "two regional-indicator flags"),
            ("❤️", 2, "heart with VS16"),
            ("☕", 2, "emoji-presentation symbol"),
            ("1️⃣", 2, "keycap"),
            ("#1", 2, "plain digits are not emoji"),
            ("©", 1, "text-style copyright"),
            ("©️", 2, "emoji-style copyright"),
            ("a\u{200D}b", 3, "a lone ZWJ weighs 1"),
            (
                "https://example.com/a/very/long/path?with=query",
                23,
                "URL weighs 23",
            ),
            ("http://x.co", 23, "short URLs weigh 23 too"),
            (
                "see example.com/help.",
                4 + 23 + 1,
                "bare domain, trailing dot excluded",
            ),
            ("(www.acme.es)", 1 + 23 + 1, "parentheses stay outside"),
            ("mail ana@example.com", 5 + 15, "emails are not URLs"),
            ("e.g. 3.5 hrs", 12, "abbreviations and numbers are not URLs"),
            ("https:// nope", 13, "a bare scheme is not a URL"),
        ];
        for &(text, want, why) in cases {
            assert_eq!(x_weighted_len(text), want, "{why}: {text:?}");
        }
    }

    #[test]
    fn one_table_holds_every_site_and_surface() {
        for site in Site::ALL {
            for surface in [Surface::Post, Surface::Dm] {
                let n = LIMITS
                    .iter()
                    .filter(|l| l.site == site && l.surface == surface)
                    .count();
                assert_eq!(n, 1, "{site} {surface}");
                let l = limit(site, surface);
                assert_eq!((l.site, l.surface), (site, surface));
            }
        }
    }

    #[test]
    fn measure_uses_the_site_counting() {
        let cases = [
            (Site::X, Surface::Post, "日".repeat(140), 280, true),
            (Site::X, Surface::Post, "日".repeat(141), 282, false),
            (Site::X, Surface::Post, "a".repeat(280), 280, true),
            (Site::X, Surface::Dm, "日".repeat(141), 141, true),
            (Site::Instagram, Surface::Dm, "😀".repeat(1000), 1000, true),
            (Site::Instagram, Surface::Dm, "é".repeat(1001), 1001, false),
            (Site::Facebook, Surface::Post, "a".repeat(8001), 8001, false),
            (Site::Facebook, Surface::Dm, "a".repeat(8001), 8001, true),
        ];
        for (site, surface, text, used, fits) in cases {
            let m = measure(&text, site, surface);
            assert_eq!((m.used, m.fits), (used, fits), "{site} {surface}");
        }
    }

    #[test]
    fn odd_text_never_panics() {
        for t in [
            "\u{200D}",
            "\u{FE0F}",
            "🇪",
            "#\u{FE0F}",
            "😀\u{200D}",
            "https://",
            "a.",
            ".com",
        ] {
            let _ = x_weighted_len(t);
        }
    }
}
