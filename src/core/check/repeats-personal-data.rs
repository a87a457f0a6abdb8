//! `repeats-personal-data`: a public reply contains personal data: an email address, a phone
//! number, a card number (13–19 digits passing the Luhn check), an IBAN (mod-97), or an
//! order, account or tracking number or a street address ("12 Elm Street", "calle Mayor 5")
//! that also appears in the customer's messages.
//!
//! Business contact details are not personal data: role addresses (`help@…`, `support@…`) and
//! toll-free numbers (US 8xx, UK 0800/0808, ES 900/800) do not fire. Digits that look like a
//! date, a time or a price are not phone numbers. Hand-written scanners, one pass each.

use super::people::WordSet;
use super::text::quote;
use super::{Finding, Input};
use crate::core::conversation::{Conversation, Party, Surface};
use crate::core::words::Words;

/// Words that make a house number and a name a street address.
pub(super) const STREETS: Words = listed_words!["repeats-personal-data/streets";
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "close", "court",
    "crescent", "terrace", "place", "boulevard", "blvd", "gardens", "grove", "calle", "c",
    "avenida", "avda", "av", "plaza", "pza", "paseo", "camino", "carrer", "ronda", "travesía",
];

/// Local parts of shared role addresses.
pub(super) const ROLE_MAILBOXES: Words = listed_words!["repeats-personal-data/role-mailboxes";
    "support",
    "help",
    "care",
    "service",
    "services",
    "info",
    "contact",
    "customerservice",
    "customercare",
    "customersupport",
    "hello",
    "team",
    "feedback",
    "social",
    "press",
    "privacy",
    "enquiries",
    "inquiries",
    "sales",
    "billing",
    "noreply",
    "no-reply",
    "admin",
    "ayuda",
    "atencion",
    "atencionalcliente",
    "clientes",
    "soporte",
    "webmaster",
    "orders",
    "returns",
    "refunds",
    "complaints",
    "escalations",
];

/// Email addresses: (span, role address?).
pub fn emails(s: &str) -> Vec<((usize, usize), bool)> {
    let b = s.as_bytes();
    let local_char = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain_char = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'.';
    let mut out = Vec::new();
    for (at, _) in s.match_indices('@') {
        let mut start = at;
        while start > 0 && local_char(b[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < b.len() && domain_char(b[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &s[at + 1..end];
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic())
        });
        if start < at && tld_ok {
            let local = s[start..at].to_ascii_lowercase();
            out.push(((start, end), ROLE_MAILBOXES.contains(local.as_str())));
        }
    }
    out
}

/// A run of digits with the separators people write numbers with.
struct Digits {
    span: (usize, usize),
    digits: String,
    plus: bool,
    /// Separators used, in order (space, '-', '.', '(' , ')').
    seps: usize,
}

/// Runs of digits, `+`, spaces, dashes, dots and brackets that hold at least 7 digits.
fn digit_runs(s: &str) -> Vec<Digits> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit()
            || (matches!(b[i], b'+' | b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'@'));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let plus = b[i] == b'+';
        let mut digits = String::new();
        let mut seps = 0;
        let mut last_digit = i;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_digit() {
                digits.push(c as char);
                last_digit = i;
            } else if (c == b'+' || c == b'(') && i == start {
            } else {
                // Up to two separators between digits: "-", " ", ") ", " (".
                let sep = |c: u8| matches!(c, b' ' | b'-' | b'.' | b'(' | b')');
                let n = b[i..].iter().take(3).take_while(|&&c| sep(c)).count();
                if (1..=2).contains(&n) && b.get(i + n).is_some_and(u8::is_ascii_digit) {
                    seps += 1;
                    i += n;
                    continue;
                }
                break;
            }
            i += 1;
        }
        let end = last_digit + 1;
        // Letters glued to the end make it a code, not a number.
        if b.get(end).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        if digits.len() >= 7 {
            out.push(Digits {
                span: (start, end),
                digits,
                plus,
                seps,
            });
        }
    }
    out
}

pub fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (k, c) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(c - b'0');
        if k % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

fn toll_free(d: &Digits) -> bool {
    let n = d.digits.as_str();
    let us = n.strip_prefix('1').filter(|r| r.len() == 10).unwrap_or(n);
    let uk = n.strip_prefix("44").map(|r| format!("0{r}"));
    let uk = uk.as_deref().unwrap_or(n);
    let es = n.strip_prefix("34").unwrap_or(n);
    (us.len() == 10
        && ["800", "888", "877", "866", "855", "844", "833"]
            .iter()
            .any(|p| us.starts_with(p)))
        // UK 03 (non-geographic) and 08 (freephone and business rate) numbers.
        || (uk.len() >= 10 && (uk.starts_with("03") || uk.starts_with("08")))
        || (es.len() == 9 && (es.starts_with("900") || es.starts_with("800") || es.starts_with("902")))
        // Japan's freephone.
        || n.starts_with("0120")
}

/// Whether the words before a number say it is ours ("call us on", "our team at").
fn ours(before: &str) -> bool {
    let start = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let near = before[start..].to_lowercase();
    [
        "call us",
        "contact us",
        "contact our",
        "ring us",
        "reach us",
        "team on",
        "team at",
        "helpline",
        "line on",
        "line at",
        "freephone",
        "free phone",
        "toll free",
        "toll-free",
        "our number",
        "dial",
        "llámanos",
        "llamanos",
        "nuestro teléfono",
        "atención al cliente",
    ]
    .iter()
    .any(|k| near.contains(k))
}

/// Whether a digit run reads as a phone number.
fn phone(s: &str, d: &Digits) -> bool {
    let n = d.digits.len();
    let before = s[..d.span.0].trim_end();
    let price = before.ends_with(['$', '€', '£', '¥']);
    let text = &s[d.span.0..d.span.1];
    // Dates and times ("2017-10-31", "31.10.2017 10:30") have short groups of 2 and 4.
    let groups: Vec<usize> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    let date_like = groups.len() == 3 && groups.iter().all(|&g| g == 2 || g == 4) && n == 8;
    if price || date_like || toll_free(d) || ours(before) {
        return false;
    }
    if d.plus {
        return (8..=15).contains(&n);
    }
    // National numbers: 9–11 digits written in groups ("612 345 678", "(555) 123-4567",
    // "020 7946 0958"); a bare run of digits is more likely an order or account number.
    (9..=11).contains(&n) && d.seps >= 1 && groups.len() >= 2
}

/// IBANs: two letters, two check digits, then 11–30 letters and digits (in groups of four or
/// not), with a valid mod-97 check.
pub fn ibans(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let start_ok = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit();
        if !start_ok {
            i += 1;
            continue;
        }
        // Letters and digits (upper case), each with where it ends; single spaces between.
        let mut chars = Vec::new();
        let mut j = i;
        while j < b.len() && chars.len() < 34 {
            if b[j].is_ascii_uppercase() || b[j].is_ascii_digit() {
                chars.push((b[j], j + 1));
            } else if !(b[j] == b' '
                && b.get(j + 1)
                    .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
            {
                break;
            }
            j += 1;
        }
        let letters: Vec<u8> = chars.iter().map(|&(c, _)| c).collect();
        let found = (15..=letters.len()).rev().find(|&n| {
            let next_glued = chars.get(n).is_some_and(|&(_, e)| b[e - 2] != b' ');
            !next_glued && mod97(&letters[..n])
        });
        match found {
            Some(n) => {
                let end = chars[n - 1].1;
                out.push((i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn mod97(chars: &[u8]) -> bool {
    let mut rem: u32 = 0;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// Order-like tokens: 5+ letters, digits and dashes with 4+ digits, upper-cased without
/// dashes.
/// Links hold '/' or ':' and so are never tokens.
fn order_tokens(src: &str) -> Vec<((usize, usize), String)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in src.split_inclusive(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '!' | '?')
    }) {
        let start = pos;
        pos += raw.len();
        let tok = raw.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '!' | '?')
        });
        let lead = tok.len() - tok.trim_start_matches('#').len();
        let tok = tok[lead..].trim_end_matches('.');
        if tok.starts_with('@') {
            continue;
        }
        let digits = tok.bytes().filter(u8::is_ascii_digit).count();
        let ok = tok.len() >= 5
            && digits >= 4
            && tok.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
        if ok {
            let key: String = tok
                .chars()
                .filter(|c| *c != '-')
                .collect::<String>()
                .to_ascii_uppercase();
            out.push(((start + lead, start + lead + tok.len()), key));
        }
    }
    out
}

/// The order-like numbers of the customer's messages in a public thread (read once per
/// conversation, see [`super::prepare`]).
pub fn customer_numbers(c: &Conversation) -> WordSet {
    let mut keys = WordSet::default();
    if c.surface == Surface::Post {
        let customer = c
            .messages
            .iter()
            .rev()
            .filter(|m| m.party == Party::Customer);
        for m in customer.take(super::READ_CUSTOMER_MESSAGES) {
            for (_, k) in order_tokens(&m.text) {
                keys.insert(k);
            }
        }
    }
    keys
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    // Without its list of exceptions (the rule file did not load) the check would flag what
    // the list excuses: it finds nothing instead.
    if ROLE_MAILBOXES.is_empty() {
        return None;
    }
    let c = input.ctx.conversation;
    if c.surface != Surface::Post {
        return None;
    }
    let s = input.ctx.draft;
    let mut found: Vec<((usize, usize), &'static str)> = Vec::new();
    for (span, role) in emails(s) {
        if !role {
            found.push((span, "an email address"));
        }
    }
    for d in digit_runs(s) {
        let n = d.digits.len();
        if (13..=19).contains(&n) && luhn(&d.digits) && !d.plus {
            found.push((d.span, "a card number"));
        } else if phone(s, &d) {
            found.push((d.span, "a phone number"));
        }
    }
    for span in ibans(s) {
        found.push((span, "an IBAN"));
    }
    // A street address the customer gave: a house number with a street word up to three
    // words after it ("12 Elm Street") or before ("calle Mayor 5"), as a customer wrote it.
    // (From the numbers, which most drafts have none of.)
    let t = &input.draft;
    let streets = STREETS.resolved();
    for (j, n) in t.words.iter().enumerate() {
        if !n.lower.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let street = |i: &usize| streets.contains(&t.words[*i].lower);
        let span = match (j + 1..t.words.len().min(j + 4)).find(street) {
            Some(i) => (n.start, t.words[i].end),
            None => match (j.saturating_sub(3)..j).find(street) {
                Some(i) => (t.words[i].start, n.end),
                None => continue,
            },
        };
        let said = s[span.0..span.1].to_lowercase();
        if c.messages
            .iter()
            .any(|m| m.party == Party::Customer && m.text.to_lowercase().contains(&said))
        {
            found.push((span, "the customer's address"));
        }
    }
    // The draft's number-like tokens first: most drafts have none, and then the customer's
    // messages need not be read at all.
    let customer_keys = &input.prepared.customer_numbers;
    if !customer_keys.is_empty() {
        for (span, key) in order_tokens(s) {
            let overlaps = found.iter().any(|((a, b), _)| span.0 < *b && *a < span.1);
            if customer_keys.contains(&key) && !overlaps {
                found.push((span, "a number from the customer's messages"));
            }
        }
    }
    crate::core::sort::sort(&mut found);
    let &(first, what) = found.first()?;
    Some(Finding::new(
        format!(
            "{} is {what}: keep it out of a public reply",
            quote(&s[first.0..first.1])
        ),
        found.into_iter().map(|(span, _)| span).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;
    use super::*;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn the_customers_street_address_fires() {
        let c = Case::on(
            Site::Facebook,
            Surface::Post,
            &["My mug arrived broken. I'm at 12 Elm Street, Leeds if you want it back. Vivo en calle Mayor 5."],
        );
        let rows = [
            (
                "Linda, sorry! We'll send a new mug to 12 Elm Street, Leeds this week.",
                true,
            ),
            ("Te lo enviamos a Calle Mayor 5 mañana.", true),
            // Our own shop's address, a number that is no house's.
            ("Pop into our shop at 5 High Street for a swap.", false),
            ("Sorry, we'll sort it in 12 days at most.", false),
            ("Street food fans will love this: 12 of them.", false),
        ];
        table(&c, CheckId::RepeatsPersonalData, &rows);
        assert_eq!(
            c.spans(
                CheckId::RepeatsPersonalData,
                "We'll send a new mug to 12 Elm Street, Leeds."
            ),
            ["12 Elm Street"]
        );
    }

    #[test]
    fn personal_data_in_public_fires() {
        let c = Case::on(
            Site::X,
            Surface::Post,
            &["Order 112-4455667-8899001 never came, ref AB12345, see #A9981"],
        );
        let rows = [
            ("We emailed maria.garcia@gmail.com today", true),
            ("We'll call you on +44 7700 900123", true),
            ("Is (555) 123-4567 your number?", true),
            ("Llamaremos al 612 345 678", true),
            ("The card 4111 1111 1111 1111 was declined", true),
            ("IBAN GB82 WEST 1234 5698 7654 32 is on file", true),
            ("Order 112-4455667-8899001 is on its way", true),
            ("Ref AB12345 is with our team", true),
            ("#A9981 has shipped", true),
            // Not personal data.
            ("", false),
            ("Email help@acme.com or call 1-800-555-0199", false),
            ("Call 0800 123 4567 any time", false),
            ("Llámanos al 900 123 456", false),
            (
                "Contact our Aftersales team on 0344 556 5650 from 8am",
                false,
            ),
            ("Call our helpline on 020 7946 0958", false),
            ("フリーダイヤル：0120-999-373へ", false),
            ("It arrives 2017-10-31 at 10:30", false),
            ("It costs $1,299.99 or €12 345 678", false),
            ("Order 998877665 is a different one", false),
            ("The card 4111 1111 1111 1112 fails Luhn", false),
            ("GB82 WEST 1234 5698 7654 33 fails mod-97", false),
            ("@115712 thanks, ^JS", false),
            ("See https://t.co/AbCd12345 for details", false),
        ];
        table(&c, CheckId::RepeatsPersonalData, &rows);
        // Nothing of it matters in a private conversation.
        table(
            &c.dm(),
            CheckId::RepeatsPersonalData,
            &[("We emailed maria.garcia@gmail.com", false)],
        );
    }

    #[test]
    fn scanners() {
        assert!(luhn("4111111111111111"));
        assert!(!luhn("4111111111111112"));
        assert_eq!(ibans("ES91 2100 0418 4502 0005 1332."), [(0, 29)]);
        assert!(ibans("ES91 2100 0418 4502 0005 1333").is_empty());
        assert_eq!(emails("a@b.co, @handle, x@y"), [((0, 6), false)]);
        let c = Case::new();
        assert_eq!(
            c.spans(
                CheckId::RepeatsPersonalData,
                "Café: ana@x.es, +34 612 345 678!"
            ),
            ["ana@x.es", "+34 612 345 678"]
        );
    }
}
