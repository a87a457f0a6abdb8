//! `shouting`: a word of plain speech in capitals ("we are VERY sorry", "this is NOT OK"),
//! a run of four or more words in capitals (acronyms aside), or piled-up exclamation and
//! question marks. Capitals that are a name ("ACME PRO MAX", "JFK"), a code ("SORRY15") or an
//! acronym are not shouting.

use super::text::quote;
use super::{Finding, Input};
use crate::core::words::Words;

/// Capitalised words that are names or acronyms, not shouting.
pub(super) const ACRONYMS: Words = listed_words!["shouting/acronyms";
    "DM", "DMS", "ID", "PIN", "UPS", "USA", "US", "UK", "EU", "USPS", "FEDEX", "DHL", "TV", "PC",
    "OK", "FAQ", "URL", "SMS", "MMS", "IOS", "PS", "NFC", "GPS", "ATM", "VAT", "IVA", "NIF", "DNI",
    "CEO", "LTE", "WIFI", "SIM", "ETA", "APP", "PDF", "AM", "PM", "HD", "UHD", "USB", "TSA", "NYC",
    "LA", "BBC", "CNN", "ASAP", "AT", "T", "IT", "HQ", "PR", "MMS", "VIP", "XL", "XXL", "RMA",
];

/// Words of plain speech: in capitals, they are raised voice, not a name.
pub(super) const PLAIN: Words = listed_words!["shouting/plain";
    "so", "very", "really", "sorry", "please", "read", "this", "that", "not", "never", "always",
    "will", "won't", "now", "we", "are", "you", "your", "the", "is", "do", "don't", "can't",
    "must", "all", "no", "yes", "thank", "thanks", "today", "tomorrow", "immediately", "again",
    "still", "only", "every", "ever", "anything", "nothing", "everything", "urgent", "important",
    "extremely", "absolutely", "totally", "completely", "happy", "love", "great", "huge", "big",
    "best", "worst", "have", "has", "been", "need", "needs", "and", "or", "to", "of", "for",
    "on", "in", "it's", "that's", "lo", "sentimos", "siento", "mucho", "muy", "nunca",
    "siempre", "ahora", "ya", "todo", "nada", "por", "favor", "gracias", "hoy", "mañana",
    "de", "el", "la", "que", "es", "sí", "importante", "urgente",
];

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    // Without its list of exceptions (the rule file did not load) the check would flag what
    // the list excuses: it finds nothing instead.
    if ACRONYMS.is_empty() {
        return None;
    }
    let t = &input.draft;
    let mut spans = Vec::new();
    // Capitals: runs of consecutive all-caps words; acronyms join a run but do not count.
    // (first word, last word, counted words, a word of 4+ letters or of plain speech seen)
    let mut run: Option<(usize, usize, usize, bool)> = None;
    let flush = |run: &mut Option<(usize, usize, usize, bool)>, spans: &mut Vec<(usize, usize)>| {
        if let Some((a, b, n, long)) = run.take() {
            // A word of plain speech shouts alone; other words in capitals are names and
            // codes ("ACME PRO MAX", "LAS JFK HRO") up to three.
            // (Initials after a sign-off's mark are a name: "^SO", "*DO".)
            let plain = (a..=b).any(|i| {
                let w = &t.words[i];
                w.lower.chars().nth(1).is_some()
                    && PLAIN.contains(&w.lower)
                    && !ACRONYMS.contains(&t.src[w.start..w.end])
                    && !t.src[..w.start].ends_with(['^', '*', '-', '~', '/'])
            });
            if plain || (n >= 4 && long) {
                spans.push(t.span(a, b));
            }
        }
    };
    for (i, w) in t.words.iter().enumerate() {
        let src = &t.src[w.start..w.end];
        let letters = src.chars().filter(|c| c.is_alphabetic()).count();
        let caps = letters >= 1 && src.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        let adjacent = run.is_some_and(|(_, b, _, _)| {
            b + 1 == i
                && t.src[t.words[b].end..w.start]
                    .chars()
                    .all(|c| matches!(c, ' ' | ',' | '-' | '\'' | '’' | '&'))
        });
        if caps && !w.url && !w.mention {
            // (`src` is in capitals already: its letters are all upper case.)
            let counts = letters >= 2 && !ACRONYMS.contains(src);
            let long = counts && letters >= 4;
            match run {
                Some((a, _, n, l)) if adjacent => {
                    run = Some((a, i, n + usize::from(counts), l || long))
                }
                _ => {
                    flush(&mut run, &mut spans);
                    run = Some((i, i, usize::from(counts), long));
                }
            }
        } else {
            flush(&mut run, &mut spans);
        }
    }
    flush(&mut run, &mut spans);
    // Punctuation: "!!", "??", "?!", "!?" (and their full-width and Spanish forms).
    let marks = |c: char| matches!(c, '!' | '?' | '！' | '？');
    let mut chars = t.src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !marks(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut n = 1;
        while let Some(&(j, d)) = chars.peek() {
            if !marks(d) {
                break;
            }
            end = j + d.len_utf8();
            n += 1;
            chars.next();
        }
        if n >= 2 && !t.urls.iter().any(|&(s, e)| i >= s && i < e) {
            spans.push((i, end));
        }
    }
    let first = *spans.iter().min()?;
    crate::core::sort::sort(&mut spans);
    Some(Finding::new(
        format!("{} reads as shouting", quote(&t.src[first.0..first.1])),
        spans,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;

    #[test]
    fn capitals_and_repeated_marks() {
        let rows = [
            ("PLEASE READ THIS before posting", true),
            ("We are SO VERY SORRY", true),
            ("Thanks!!", true),
            ("Really??", true),
            ("What?!", true),
            ("¡¡Gracias!!", true),
            ("LO SENTIMOS MUCHO, María", true),
            ("Great news！！", true),
            // Not shouting.
            ("", false),
            ("Please DM us your ID and PIN via the USA UPS portal", false),
            ("Thanks! We'll DM you. Is that OK?", false),
            ("I'm sorry, Maria. ^AB", false),
            ("See https://x.com/a??b=1 now", false),
            ("Your ETA is 5 PM", false),
            ("Flights LAS JFK?  *HRO", false),
            ("LAS JFK HRO all delayed", false),
            ("É verdade. Ça va?", false),
            // One word of plain speech in capitals (the checklist review's drafts).
            ("Tom, we are VERY sorry.", true),
            ("Your order WILL arrive TOMORROW", true),
            ("Tom, this is NOT OK and we're on it.", true),
            ("Lo siento MUCHO", true),
            // Names and codes in capitals.
            ("Your ACME PRO MAX blender arrives Friday", false),
            ("Use code SORRY15 at checkout", false),
            ("Hi JANE, I checked with our team in NEW YORK", false),
            ("So I checked: it's A-OK", false),
            ("Glad we could help, have a great weekend! ^SO", false),
            ("Could you provide us with more information?  *DO", false),
            ("We'll look into it. -NO", false),
        ];
        table(&Case::new(), CheckId::Shouting, &rows);
        let c = Case::new();
        assert_eq!(
            c.spans(CheckId::Shouting, "NO WAY JOSÉ!!"),
            ["NO WAY JOSÉ", "!!"]
        );
        assert_eq!(
            c.spans(
                CheckId::Shouting,
                "It WILL arrive TOMORROW with your ACME PRO"
            ),
            ["WILL", "TOMORROW"]
        );
    }
}
