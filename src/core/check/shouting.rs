//! `shouting`: a word of emphasis in capitals ("we are VERY sorry", "this is NOT OK"), three
//! or more words in capitals that make a sentence ("THIS IS UNACCEPTABLE"; acronyms aside),
//! or piled-up exclamation and question marks. Capitals that are a name ("ACME PRO MAX", "THE
//! NORTH FACE"), a label ("BACK IN STOCK"), a code ("SORRY15") or an acronym are not
//! shouting.

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

/// Words that raise the voice alone in capitals ("we are VERY sorry", "NOT OK", "arrives
/// TOMORROW"), and are seldom a name or a label's.
pub(super) const EMPHASIS: Words = listed_words!["shouting/emphasis";
    "so", "very", "really", "super", "sorry", "please", "not", "never", "always", "will", "won't",
    "must", "don't", "can't", "today", "tomorrow", "immediately", "again", "still", "only",
    "ever", "every", "anything", "nothing", "everything", "urgent", "important", "extremely",
    "absolutely", "totally", "completely", "truly", "muy", "mucho", "muchísimo", "nunca",
    "siempre", "todo", "nada", "hoy", "mañana", "urgente", "importante", "sentimos", "siento",
    "favor", "jamás",
];

/// Words of plain speech that make a run of three capitalised words a sentence shouted ("THIS
/// IS UNACCEPTABLE", "WE ARE ON IT"), not a name or a label ("ACME PRO MAX", "THE NORTH FACE",
/// "BACK IN STOCK").
pub(super) const PLAIN: Words = listed_words!["shouting/plain";
    "we", "you", "your", "are", "is", "no", "this", "that", "it's", "that's", "have", "has",
    "been", "need", "needs", "do", "does", "we're", "you're", "i'm", "we'll", "you'll", "was",
    "were", "lo", "que", "es", "estamos", "hemos", "somos", "tu", "tus", "está", "están", "eres",
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
    // (first word, last word, counted words, a counted word of 4+ letters seen)
    let mut run: Option<(usize, usize, usize, bool)> = None;
    let flush = |run: &mut Option<(usize, usize, usize, bool)>, spans: &mut Vec<(usize, usize)>| {
        if let Some((a, b, n, long)) = run.take() {
            // A word of emphasis shouts alone; three words with one of plain speech and one
            // of four letters are a sentence shouted; other capitals are names, labels and
            // codes ("ACME PRO MAX ULTRA", "LAS JFK HRO"). (Initials after a sign-off's mark
            // are a name: "^SO", "- DO".)
            let shouted = (a..=b).any(|i| {
                let w = &t.words[i];
                w.lower.chars().nth(1).is_some()
                    && (EMPHASIS.contains(&w.lower) || (n >= 3 && long && PLAIN.contains(&w.lower)))
                    && !ACRONYMS.contains(&t.src[w.start..w.end])
                    && !t.src[..w.start]
                        .trim_end()
                        .ends_with(['^', '*', '-', '~', '/', '—', '–'])
            });
            if shouted {
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
            // Names, labels and codes (a second review's drafts).
            ("Your ACME PRO MAX ULTRA is on its way", false),
            ("Our THE NORTH FACE jackets are BACK IN STOCK", false),
            ("Order NO. 48213 and your NOW TV Boost", false),
            ("Visítanos en EL CORTE INGLÉS", false),
            ("Glad to help! - SO", false),
            ("Glad to help! —DO", false),
            ("THIS IS UNACCEPTABLE and we know it", true),
            ("we're SUPER sorry", true),
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
