//! Finding a template by what the agent types: title, tags and text, case- and
//! accent-insensitive, every word a prefix, all words required; a slip of one letter (two in
//! a long word) still finds a title, tag or id word.

use super::{built_in, LibTemplate};
use crate::core::conversation::{Lang, Surface};
use crate::core::template::{char_distance, parse};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Lowercases and strips the accents of Latin letters ("Devolución" → "devolucion"), written
/// on their letter or after it (a combining mark, as some keyboards and pasted text give).
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{300}'..='\u{36f}'))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

fn words(s: &str) -> Vec<String> {
    normalize(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A word without its commonest English and Spanish endings, so that "refunds", "refunded"
/// and "refund" (or "cargos" and "cargo") find each other. Short words stay as they are.
/// A final "e" goes too, so that "outages", "outage", "charged" and "charge" (or "paquetes"
/// and "paquete") find each other.
fn stem(w: &str) -> &str {
    let long = |b: &str| b.chars().count() >= 4;
    let base = ["ing", "ed", "s"]
        .iter()
        .find_map(|end| w.strip_suffix(end).filter(|b| long(b)))
        .unwrap_or(w);
    base.strip_suffix('e').filter(|b| long(b)).unwrap_or(base)
}

/// Points for a query word found in each field: (exact word, prefix or same stem, a slip).
/// A slip is never looked for in the text: its many words would find too much, at every key.
const TITLE: (u32, u32, u32) = (6, 4, 2);
const TAG: (u32, u32, u32) = (5, 3, 2);
const ID: (u32, u32, u32) = (4, 2, 1);
const TEXT: (u32, u32, u32) = (2, 1, 0);

fn best(word: &str, field: &[String], (exact, prefix, slip): (u32, u32, u32)) -> u32 {
    field.iter().fold(0, |acc, w| {
        let p = if w == word {
            exact
        } else if w.starts_with(word) || stem(w) == stem(word) {
            prefix
        } else if slip > 0 && slipped(word, w) {
            slip
        } else {
            0
        };
        acc.max(p)
    })
}

/// Whether `typed` is `word`, or the start of it, with one letter wrong, missing, extra or
/// swapped with its neighbour (two such slips from 8 letters on). Words under 5 letters and a
/// wrong first letter are not slips: "hola" is no slip of "hold" (a greeting found the crisis
/// replies), and people rarely miss the first key.
fn slipped(typed: &str, word: &str) -> bool {
    let q: Vec<char> = typed.chars().collect();
    let w: Vec<char> = word.chars().collect();
    if q.len() < 5 || q.first() != w.first() {
        return false;
    }
    let most = if q.len() >= 8 { 2 } else { 1 };
    // The typed word against the whole word and against its starts of about the same length
    // ("refnu" is a slip of "refun", the start of "refund").
    (q.len().saturating_sub(most)..=q.len() + most)
        .filter(|&n| n <= w.len() && n >= 1)
        .any(|n| char_distance(&q, &w[..n]) <= most)
}

/// The words of a template that a search looks at, in one language.
struct Fields {
    title: Vec<String>,
    tags: Vec<String>,
    id: Vec<String>,
    body: Vec<String>,
}

impl Fields {
    fn of(t: &LibTemplate, lang: Lang) -> Self {
        let texts = t.texts(lang);
        let mut body = String::new();
        for surface in [Surface::Post, Surface::Dm] {
            if let Some(src) = texts.text(surface) {
                match parse(src) {
                    Ok(tpl) => body.push_str(&tpl.plain_text()),
                    Err(_) => body.push_str(src),
                }
                body.push(' ');
            }
        }
        Fields {
            title: words(texts.title),
            tags: t.tags.iter().flat_map(|tag| words(tag)).collect(),
            id: words(t.id),
            body: words(&body),
        }
    }

    /// The points of `word` here, summed over the fields, so a word found in the title, the
    /// tags and the text outranks one found in a single place. `slips`: whether a slip counts.
    fn points(&self, word: &str, slips: bool, scope: Scope) -> u32 {
        let allow =
            |(exact, prefix, slip): (u32, u32, u32)| (exact, prefix, slip * u32::from(slips));
        best(word, &self.title, allow(TITLE))
            + best(word, &self.tags, allow(TAG))
            + best(word, &self.id, allow(ID))
            + match scope {
                Scope::Everything => best(word, &self.body, allow(TEXT)),
                Scope::Names => 0,
            }
    }
}

/// Every built-in template's words in `lang`, made once: the search runs at each key the agent
/// types, and parsing every template again each time was most of its cost.
fn built_in_fields(lang: Lang) -> &'static [(&'static LibTemplate, Fields)] {
    static FIELDS: [OnceLock<Vec<(&'static LibTemplate, Fields)>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    // Not before the library is installed (the extension loads it from a file at start).
    if built_in().next().is_none() {
        return &[];
    }
    FIELDS[lang as usize].get_or_init(|| built_in().map(|t| (t, Fields::of(t, lang))).collect())
}

type OwnFields = (usize, Lang, Vec<(&'static LibTemplate, Fields)>);

thread_local! {
    /// The team's own replies' words, made again when they or the language change.
    static OWN_FIELDS: RefCell<OwnFields> = const { RefCell::new((0, Lang::En, Vec::new())) };
}

/// `f` of the templates' words in `lang`: the built-in ones, then the team's own.
fn with_fields<R>(
    lang: Lang,
    f: impl FnOnce(&[(&'static LibTemplate, Fields)], &[(&'static LibTemplate, Fields)]) -> R,
) -> R {
    let own = super::own_installed();
    OWN_FIELDS.with(|cell| {
        let mut cached = cell.borrow_mut();
        let key = own.as_ptr() as usize;
        if (cached.0, cached.1) != (key, lang) {
            *cached = (
                key,
                lang,
                own.iter().map(|t| (t, Fields::of(t, lang))).collect(),
            );
        }
        f(built_in_fields(lang), &cached.2)
    })
}

/// What a search looks in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Scope {
    /// Titles, tags, ids and the replies' words: the panel's search box.
    Everything,
    /// Titles, tags and ids only: the slash search, typed in the middle of a draft, where a
    /// sentence ("see /help in the app") must not match a reply for holding its words.
    Names,
}

/// The templates matching every word of `query` in `lang`, best first (ties: the team's own
/// replies, then library order). A word matches a word of the title, the tags, the id or the text (every surface and
/// every alternative) that it equals or starts; a word that matches nothing anywhere matches a
/// title, tag or id word it is a slip of (so "charge", a word of the library, never finds
/// "change"). An empty query lists every template.
pub fn search(query: &str, lang: Lang) -> Vec<&'static LibTemplate> {
    search_in(query, lang, Scope::Everything)
}

/// [`search`] in `scope`. Words found in no reply of `lang` are looked for among the names
/// (titles, tags, ids) of the library's other language: an agent who thinks in Spanish finds
/// "cobro doble" for an English customer (the replies found are still offered in `lang`). Not
/// in its replies' words: every Spanish reply holds "hola".
pub fn search_in(query: &str, lang: Lang, scope: Scope) -> Vec<&'static LibTemplate> {
    let typed = query;
    let query = words(query);
    // Signs and no word ("(", "…"): nothing is found (a blank query lists everything).
    if query.is_empty() && !typed.trim().is_empty() {
        return Vec::new();
    }
    let found = search_words(&query, lang, scope);
    if !found.is_empty() {
        return found;
    }
    Lang::ALL
        .into_iter()
        .filter(|&other| other != lang)
        .map(|other| search_words(&query, other, Scope::Names))
        .find(|f| !f.is_empty())
        .unwrap_or_default()
}

fn search_words(query: &[String], lang: Lang, scope: Scope) -> Vec<&'static LibTemplate> {
    let mut hits: Vec<(u32, &'static LibTemplate)> = with_fields(lang, |built, own| {
        // The team's own first: on equal points they lead (written for this business).
        let fields = || own.iter().chain(built);
        let slips: Vec<bool> = query
            .iter()
            .map(|w| fields().all(|(_, f)| f.points(w, false, scope) == 0))
            .collect();
        fields()
            .filter_map(|(t, f)| {
                let mut score = 0;
                for (w, &slips) in query.iter().zip(&slips) {
                    let s = f.points(w, slips, scope);
                    if s == 0 {
                        return None;
                    }
                    score += s;
                }
                Some((score, *t))
            })
            .collect()
    });
    crate::core::sort::sort_by_key(&mut hits, |h| std::cmp::Reverse(h.0));
    hits.into_iter().map(|(_, t)| t).collect()
}

/// [`search`] on `surface`: the templates found that have a text for it and, when none has
/// but some were found for the other surface, what to say instead of "no match" (an empty
/// list would read as nothing found: "Only in direct messages: “Charged twice: reversal
/// requested”").
pub fn search_on(
    query: &str,
    lang: Lang,
    surface: Surface,
    scope: Scope,
) -> (Vec<&'static LibTemplate>, Option<String>) {
    let (here, there): (Vec<&LibTemplate>, Vec<&LibTemplate>) = search_in(query, lang, scope)
        .into_iter()
        .partition(|t| t.text(lang, surface).is_some());
    let note = (here.is_empty() && !there.is_empty()).then(|| {
        let titles: Vec<String> = there
            .iter()
            .take(2)
            .map(|t| format!("“{}”", t.texts(lang).title))
            .collect();
        let place = match surface {
            Surface::Post => "Only in direct messages",
            Surface::Dm => "Only on public threads",
        };
        format!("{place}: {}", titles.join(", "))
    });
    (here, note)
}

/// The longest query that still counts as a slash trigger (characters after the `/`).
const MAX_QUERY: usize = 40;

/// The slash trigger in a composer: the query typed after a `/` that ends at the caret, if the text before the caret ends
/// with a trigger; with the trigger's length in UTF-16 units (what editors count).
pub fn slash_trigger(before_caret: &str) -> Option<(String, usize)> {
    let slash = before_caret.rfind('/')?;
    let query = &before_caret[slash + 1..];
    let starts_token = before_caret[..slash]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let plain = query.chars().count() <= MAX_QUERY
        && !query.contains(['\n', '/'])
        && !query.starts_with(' ')
        && query
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'');
    (starts_token && plain).then(|| {
        let units = before_caret[slash..].encode_utf16().count();
        (query.to_owned(), units)
    })
}

#[cfg(test)]
mod slash_tests {
    use super::slash_trigger as trigger;

    #[test]
    fn a_slash_opens_only_at_a_word_start() {
        assert_eq!(trigger("/"), Some((String::new(), 1)));
        assert_eq!(trigger("Hi /ref"), Some(("ref".into(), 4)));
        assert_eq!(trigger("Hi /late order"), Some(("late order".into(), 11)));
        assert_eq!(trigger("and/or"), None);
        assert_eq!(trigger("see https://x.com/help"), None);
        assert_eq!(trigger("on 12/11"), None);
        assert_eq!(trigger("/ refund"), None);
        assert_eq!(trigger("/a\nb"), None);
        assert_eq!(trigger("Hola /reembolso"), Some(("reembolso".into(), 10)));
        assert_eq!(trigger("😀 /é"), Some(("é".into(), 2)));
        assert_eq!(trigger(&format!("/{}", "a".repeat(41))), None);
    }
}
