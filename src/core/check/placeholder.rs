//! `placeholder`: the draft still holds an unfilled template token: our own syntax (`{var}`,
//! `{?field:Label}`, `[[a|b]]`), other tools' (`{{…}}`, `{%…%}`, `__email__`), or the
//! hand-made kind (`[NAME]`, `<order number>`, `XX`, `INSERT …`, `TBD`), or the words of a
//! slash search left in the draft (`/refund`: the agent closed the search and typed on).

use super::text::quote;
use super::{Finding, Input};
use crate::core::words::Words;

/// Words that make a bracketed phrase a placeholder even in lower case ("[order number]").
pub(super) const SLOT_WORDS: Words = listed_words!["placeholder/slot-words";
    "name", "number", "order", "email", "e-mail", "date", "time", "link", "url", "insert", "agent",
    "customer", "product", "address", "phone", "amount", "here", "nombre", "número", "pedido",
    "fecha", "enlace", "correo",
];

/// Tone tags ("/s", "/gen"): written by hand after a sentence, not a slash search.
/// (Only the common ones: "/ref" and "/th" begin a search as often.)
pub(super) const TONE_TAGS: Words = listed_words!["placeholder/tone-tags";
    "gen", "srs", "sarc", "jk", "lh", "hj", "nm", "pos", "neg", "nsrs", "hyp", "nbh", "lol", "rh",
    "lu", "nbr", "npa", "genq", "gq",
];

fn is_slot_content(inner: &str) -> bool {
    let inner = inner.trim();
    if inner.is_empty() || !inner.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '#');
    if !inner.chars().all(allowed) {
        return false;
    }
    let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let lower = inner.to_lowercase();
    upper
        || lower
            .split([' ', '_', '-', '.'])
            .any(|w| SLOT_WORDS.contains(w))
}

/// Where `close` closes the bracket opened at `open`, on the same line, within `max` bytes.
fn closing(s: &str, open: usize, close: &str, max: usize) -> Option<usize> {
    let rest = &s[open..];
    let end = rest.find(close)?;
    let line_break = rest.find('\n').unwrap_or(usize::MAX);
    (end < line_break && end <= max).then_some(open + end)
}

/// Spans of placeholders in `s`, in order, not overlapping.
pub fn placeholders(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let found = match b[i] {
            b'{' => closing(s, i + 1, "}", 120).and_then(|e| {
                let mut end = e + 1;
                // `{{x}}` and `{%x%}` close with their doubled brace.
                if b.get(end) == Some(&b'}') {
                    end += 1;
                }
                (e > i + 1).then_some(end)
            }),
            b'[' if b.get(i + 1) == Some(&b'[') => closing(s, i + 2, "]]", 200).map(|e| e + 2),
            b'[' => closing(s, i + 1, "]", 60)
                .filter(|&e| is_slot_content(&s[i + 1..e]))
                .map(|e| e + 1),
            b'<' => closing(s, i + 1, ">", 40)
                .filter(|&e| is_slot_content(&s[i + 1..e]))
                .map(|e| e + 1),
            // "/refund" where a word starts (what opens the slash search): two letters or
            // more, in small letters (a sign-off is "/KM" or "/Jen": the 38 slashed words at a
            // word's start in twcs-dev's brand replies), not a path ("/r/name", "/mes." after a
            // price), a tone tag, nor the draft's last word (a sign-off: "/sarah").
            b'/' if i == 0 || b[i - 1].is_ascii_whitespace() => {
                let word = s[i + 1..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let end = i + 1 + word.len();
                (word.chars().nth(1).is_some()
                    && word.starts_with(|c: char| c.is_lowercase())
                    && !matches!(b.get(end), Some(b'/' | b'.'))
                    && !TONE_TAGS.contains(word)
                    && s[end..].contains(char::is_alphanumeric))
                .then_some(end)
            }
            b'_' if b.get(i + 1) == Some(&b'_') => {
                let start = i + 2;
                let mut j = start;
                while j < b.len()
                    && (b[j].is_ascii_alphanumeric()
                        || (b[j] == b'_' && b.get(j + 1) != Some(&b'_')))
                {
                    j += 1;
                }
                (j > start && b.get(j) == Some(&b'_') && b.get(j + 1) == Some(&b'_'))
                    .then_some(j + 2)
            }
            _ => None,
        };
        match found {
            Some(end) => {
                out.push((i, end));
                i = end;
            }
            None => i += s[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    // Bare tokens: XX, XXX…, INSERT …, TBD, TBC.
    let mut pos = 0;
    for token in s.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let start = pos;
        pos += token.len();
        let word = token.trim_end_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || out.iter().any(|&(a, b)| start >= a && start < b) {
            continue;
        }
        let end = start + word.len();
        let xs = word.len() >= 2 && word.bytes().all(|c| c == b'X');
        if xs || word == "TBD" || word == "TBC" {
            out.push((start, end));
        } else if word == "INSERT" {
            // Through the end of the capitalised run: "INSERT COMPANY NAME HERE".
            let mut stop = end;
            loop {
                let rest = &s[stop..];
                let gap = rest.len() - rest.trim_start_matches(' ').len();
                let w = &rest[gap..];
                let wlen = w.find(|c: char| !c.is_alphanumeric()).unwrap_or(w.len());
                let word = &w[..wlen];
                if gap == 0
                    || word.is_empty()
                    || !word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    break;
                }
                stop += gap + wlen;
            }
            out.push((start, stop));
        }
    }
    crate::core::sort::sort(&mut out);
    out
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let draft = input.ctx.draft;
    let spans = placeholders(draft);
    let first = *spans.first()?;
    let detail = match spans.len() {
        1 if draft[first.0..].starts_with('/') => format!(
            "{} is left from a slash search",
            quote(&draft[first.0..first.1])
        ),
        1 => format!("{} is still a placeholder", quote(&draft[first.0..first.1])),
        n => format!(
            "{} and {} more are still placeholders",
            quote(&draft[first.0..first.1]),
            n - 1
        ),
    };
    Some(Finding::new(detail, spans))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;

    #[test]
    fn finds_tokens_of_every_kind() {
        let rows = [
            ("Hi {customer.first_name}, thanks!", true),
            ("Hi {{first_name}}", true),
            ("Your order {?order:Order number:number} ships today", true),
            ("[[Thanks|Thank you]] for waiting", true),
            ("Signed ^{agent.initials}", true),
            ("{% customer.firstName %} hello", true),
            ("Hi [NAME], sorry about that", true),
            ("Your [order number] is on its way", true),
            ("Dear <name>, sorry", true),
            ("We'll call you on XX/XX", true),
            ("Ref XXX please", true),
            ("INSERT COMPANY NAME HERE is sorry", true),
            ("Delivery date TBD", true),
            ("Email us at __email__ today", true),
            ("Hola [NOMBRE], lo siento", true),
            ("Hola {nombre}", true),
            // A slash search left behind: the agent closed it and typed on.
            ("/refund Hi Maria, your refund is on its way.", true),
            ("Hi Maria, /delivery sorry about this", true),
            ("Hola Lucía,\n/reembolso ya está hecho", true),
            ("Thanks! /late order", true),
            // Not placeholders.
            ("", false),
            ("Thanks Maria, your refund is on its way! <3", false),
            ("See note [1] and the link", false),
            ("Hi Maria, it is XL size, the Xbox works", false),
            ("We're excited 🎉 to help — naïve café {", false),
            ("Use the insert key, tbd later", false),
            ("a}b{", false),
            ("snake_case_name is fine, so is __ alone", false),
            ("Sizes S, M and XL [in stock] now", false),
            // Slashes that are no search: dates, and/or, links, paths, tone tags.
            ("Open 24/7, and/or by 12/11 at acme.com/help", false),
            ("Oh great, another late order /s. We're on it /gen", false),
            ("See /r/acme for tips, or type / to search", false),
            ("Yes, w/ pleasure: 1/2", false),
            ("DM us and we'll sort it. /KM", false),
            ("Sorry about this! /Jen", false),
            // A sign-off in small letters ends the draft; a price's period is no search.
            ("I'll update you here tomorrow. /sarah", false),
            ("Sorry! /km", false),
            ("Solo 2,99 € /mes.", false),
            ("Oh well /lu", false),
            ("/refund", false),
            // The search's first letters, which are also tone tags' in long lists.
            ("/ref Hi Maria, I've refunded your order.", true),
            ("/th Hi Sam, thanks for waiting.", true),
        ];
        table(&Case::new(), CheckId::Placeholder, &rows);
    }

    #[test]
    fn spans_are_the_tokens() {
        let c = Case::new();
        assert_eq!(
            c.spans(CheckId::Placeholder, "Hi {name}, ¿[PEDIDO]? XX"),
            ["{name}", "[PEDIDO]", "XX"]
        );
        assert_eq!(
            c.spans(CheckId::Placeholder, "INSERT NAME HERE, thanks"),
            ["INSERT NAME HERE"]
        );
        let d = c.fires(CheckId::Placeholder, "Hi {first_name}").unwrap();
        assert_eq!(d, "“{first_name}” is still a placeholder");
        assert_eq!(
            c.spans(CheckId::Placeholder, "/refund Hi Maria, /2 and /x"),
            ["/refund"]
        );
        let d = c.fires(CheckId::Placeholder, "/refund Hi Maria").unwrap();
        assert_eq!(d, "“/refund” is left from a slash search");
    }
}
