//! Text as the checks read it: words (lower-cased, curly apostrophes made straight) with their
//! byte ranges, sentence numbers, and whether they are part of a link or an @mention; and
//! phrase lists matched word by word, so a draft is scanned once per list whatever its size.

use crate::core::words::Words;
use std::sync::OnceLock;
/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the source.
    pub start: usize,
    pub end: usize,
    /// Lower-cased, with `’`/`‘` as `'`.
    pub lower: String,
    /// Which sentence it is in (0-based): `.`, `!`, `?` followed by a space, or a line break,
    /// end a sentence.
    pub sentence: u32,
    /// Written right after `@` (a handle).
    pub mention: bool,
    /// Inside a link.
    pub url: bool,
}

/// A text split into words.
#[derive(Clone, Debug)]
pub struct Text<'a> {
    pub src: &'a str,
    pub words: Vec<Word>,
    /// Byte ranges of links.
    pub urls: Vec<(usize, usize)>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Marks that combine with the letter before them ("a" + U+0301 = "á", as some systems
/// type or paste accents): part of the word, not a break in it.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// Byte ranges of links: whitespace-separated tokens that start with a scheme or `www.`, or
/// look like `domain.tld/path`.
pub fn url_spans(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for token in src.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += token.len();
        let t = token.trim_end();
        let lead = t.len() - t.trim_start_matches(['(', '[', '"', '<', '“']).len();
        let body =
            t[lead..].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '>', '”']);
        // Every link has a dot or a scheme's colon: most words are ruled out here.
        if !body.bytes().any(|c| c == b'.' || c == b':') {
            continue;
        }
        let starts = |p: &str| {
            body.len() >= p.len() && body.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        let is_url = starts("http://")
            || starts("https://")
            || starts("www.")
            || body.split_once('/').is_some_and(|(host, _)| {
                let labels: Vec<&str> = host.split('.').collect();
                labels.len() >= 2
                    && labels.iter().all(|l| {
                        !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                    && labels.last().is_some_and(|tld| {
                        tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
                    })
            });
        if is_url && body.len() > 4 {
            out.push((start + lead, start + lead + body.len()));
        }
    }
    out
}

impl<'a> Text<'a> {
    pub fn new(src: &'a str) -> Text<'a> {
        let urls = url_spans(src);
        let mut words = Vec::with_capacity(src.len() / 5 + 1);
        let mut sentence = 0u32;
        let mut chars = src.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = chars.next() {
            let mention = prev == Some('@');
            if is_word_char(c) || (mention && c == '_') {
                let mut end = i + c.len_utf8();
                let mut ascii = c.is_ascii();
                while let Some(&(j, d)) = chars.peek() {
                    // Handles hold underscores ("@Uber_Support"); an apostrophe between
                    // letters stays ("don't", "we’ll").
                    // Instagram handles hold dots too ("@marco.trails").
                    let inner = is_word_char(d)
                        || (mention && d == '_')
                        || (mention
                            && d == '.'
                            && src[j + 1..].chars().next().is_some_and(is_word_char))
                        || (is_apostrophe(d)
                            && src[j + d.len_utf8()..]
                                .chars()
                                .next()
                                .is_some_and(is_word_char));
                    if !inner {
                        break;
                    }
                    ascii &= d.is_ascii();
                    end = j + d.len_utf8();
                    chars.next();
                }
                let slice = &src[i..end];
                let lower = if ascii {
                    slice.to_ascii_lowercase()
                } else {
                    slice
                        .chars()
                        .flat_map(char::to_lowercase)
                        .map(|c| if is_apostrophe(c) { '\'' } else { c })
                        .collect()
                };
                let url = !urls.is_empty() && urls.iter().any(|&(s, e)| i >= s && i < e);
                words.push(Word {
                    start: i,
                    end,
                    lower,
                    sentence,
                    mention,
                    url,
                });
                prev = src[..end].chars().next_back();
                continue;
            }
            let ends_sentence = match c {
                '\n' => true,
                '.' | '!' | '?' => chars.peek().is_none_or(|&(_, d)| d.is_whitespace()),
                _ => false,
            };
            if ends_sentence && !urls.iter().any(|&(s, e)| i >= s && i < e) {
                sentence += 1;
            }
            prev = Some(c);
        }
        Text { src, words, urls }
    }

    /// The byte range from word `first` to word `last` (inclusive).
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.words[first].start, self.words[last].end)
    }

    /// The source text of a span.
    pub fn slice(&self, span: (usize, usize)) -> &'a str {
        &self.src[span.0..span.1]
    }

    /// Words that are neither links nor handles, as (index, word).
    pub fn plain(&self) -> impl Iterator<Item = (usize, &Word)> {
        self.words
            .iter()
            .enumerate()
            .filter(|(_, w)| !w.url && !w.mention)
    }

    pub fn has_url(&self) -> bool {
        !self.urls.is_empty()
    }

    /// Every match of the phrase list, in text order (overlaps allowed).
    pub fn find(&self, phrases: &Phrases) -> Vec<Match> {
        let mut out = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            if w.url || w.mention {
                continue;
            }
            // A prefix phrase is tried only where the word starts with its first letter.
            let lead = w.lower.as_bytes().first();
            let candidates = phrases.first(w.lower.as_str()).iter().chain(
                phrases
                    .prefix_first
                    .iter()
                    .filter(|&&p| phrases.list[p][0].as_bytes().first() == lead),
            );
            for &p in candidates {
                if let Some(last) = self.matches_at(i, &phrases.list[p]) {
                    out.push(Match {
                        phrase: p,
                        first: i,
                        last,
                    });
                }
            }
        }
        crate::core::sort::sort_by_key(&mut out, |m| (m.first, m.last));
        out
    }

    /// The first match of the phrase list.
    pub fn first(&self, phrases: &Phrases) -> Option<Match> {
        self.find(phrases).into_iter().next()
    }

    /// Whether `phrase` (as [`phrase_words`]) starts at word `i`; the index of its last word.
    pub fn matches_at(&self, i: usize, phrase: &[String]) -> Option<usize> {
        let sentence = self.words.get(i)?.sentence;
        for (k, pw) in phrase.iter().enumerate() {
            let w = self.words.get(i + k)?;
            if w.url || w.mention || w.sentence != sentence || !word_matches(pw, &w.lower) {
                return None;
            }
        }
        Some(i + phrase.len() - 1)
    }
}

// On bytes: `str::strip_suffix` goes through the generic pattern machinery, and this runs for
// every word of every candidate phrase.
fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.as_bytes().split_last() {
        Some((b'*', prefix)) => word.as_bytes().starts_with(prefix),
        _ => pattern == word,
    }
}

/// A phrase list's match: which phrase, and its first and last word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub phrase: usize,
    pub first: usize,
    pub last: usize,
}

/// A phrase as words: lower-cased, apostrophes straight; a trailing `*` on a word matches any
/// word that starts with it ("apolog*").
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = phrase.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if is_word_char(c) {
            cur.extend(c.to_lowercase());
        } else if c == '*' && !cur.is_empty() {
            cur.push('*');
            words.push(std::mem::take(&mut cur));
        } else if is_apostrophe(c)
            && !cur.is_empty()
            && chars.get(k + 1).copied().is_some_and(is_word_char)
        {
            cur.push('\'');
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// A list of phrases indexed by first word.
#[derive(Debug)]
pub struct Phrases {
    pub list: Vec<Vec<String>>,
    /// Sorted by first word, for bisection (a hash map hashes with 64-bit arithmetic, which the
    /// JavaScript translation of the module emulates slowly).
    by_first: Vec<(String, Vec<usize>)>,
    /// The first two bytes of every first word, hashed into 1,024 bits: most words of a text
    /// start no phrase of a list, and this says so without a bisection.
    starts: [u32; 32],
    prefix_first: Vec<usize>,
}

/// Where a word's first two bytes fall in [`Phrases::starts`].
fn start_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (b0, b1) = (
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
    );
    (usize::from(b0) * 31 + usize::from(b1)) % 1024
}

impl Phrases {
    /// The phrases of `list`, made once into `cell` (one function for every list, not the
    /// code of a lazy cell at each of them: the page module is smaller for it). In the page an
    /// empty list is a `listed_words!` list before the rule file is installed: none, not
    /// cached, so that the words are read once they are.
    #[inline(never)]
    pub fn once(cell: &'static OnceLock<Phrases>, list: Words) -> &'static Phrases {
        if let Some(p) = cell.get() {
            return p;
        }
        if list.is_empty() {
            return Phrases::none();
        }
        cell.get_or_init(|| Phrases::of(list.iter()))
    }

    /// No phrases.
    pub fn none() -> &'static Phrases {
        static NONE: OnceLock<Phrases> = OnceLock::new();
        NONE.get_or_init(|| Phrases::of(std::iter::empty()))
    }

    /// The phrases of the rule file's list `name`, made once into `cell`; none (not cached)
    /// until the rule file is installed.
    #[cfg(target_arch = "wasm32")]
    #[inline(never)]
    pub fn installed(cell: &'static OnceLock<Phrases>, name: &str) -> &'static Phrases {
        if let Some(p) = cell.get() {
            return p;
        }
        match crate::core::analysis::text::installed_section("phrases/", name) {
            Some(lines) => cell.get_or_init(|| Phrases::of(lines.lines())),
            None => Phrases::none(),
        }
    }

    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Phrases {
        Phrases::of(phrases.iter().map(|p| p.as_ref()))
    }

    /// The phrases of `phrases`, in their order.
    pub fn of<'a>(phrases: impl Iterator<Item = &'a str>) -> Phrases {
        let list: Vec<Vec<String>> = phrases
            .map(phrase_words)
            .filter(|w| !w.is_empty())
            .collect();
        Phrases::from_words(list)
    }

    pub fn from_words(list: Vec<Vec<String>>) -> Phrases {
        let mut by_first: Vec<(String, Vec<usize>)> = Vec::new();
        let mut prefix_first = Vec::new();
        for (i, p) in list.iter().enumerate() {
            if p[0].ends_with('*') {
                prefix_first.push(i);
            } else {
                match by_first.binary_search_by(|(k, _)| k.as_str().cmp(&p[0])) {
                    Ok(at) => by_first[at].1.push(i),
                    Err(at) => by_first.insert(at, (p[0].clone(), vec![i])),
                }
            }
        }
        let mut starts = [0u32; 32];
        for (w, _) in &by_first {
            let bit = start_bit(w);
            starts[bit / 32] |= 1 << (bit % 32);
        }
        Phrases {
            list,
            by_first,
            starts,
            prefix_first,
        }
    }

    /// The phrases starting with `word` (not counting prefix phrases).
    fn first(&self, word: &str) -> &[usize] {
        let bit = start_bit(word);
        if self.starts[bit / 32] & (1 << (bit % 32)) == 0 {
            return &[];
        }
        match self
            .by_first
            .binary_search_by(|(k, _)| k.as_str().cmp(word))
        {
            Ok(at) => &self.by_first[at].1,
            Err(_) => &[],
        }
    }

    /// The phrase as written back (for details).
    pub fn text(&self, i: usize) -> String {
        self.list[i].join(" ")
    }
}

/// A phrase list built once, on first use: `phrases!("missing-link", PHRASES)`, the list
/// named in [`PHRASE_LISTS`] and its words. Natively the words are the program's; in the page
/// they are the rule file's section `[phrases/<name>]` (written by the build from
/// [`phrase_list`]), as the analysis's rules are: the module does not carry them.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! phrases {
    ($name:literal, $list:expr) => {{
        static CELL: std::sync::OnceLock<$crate::core::check::text::Phrases> =
            std::sync::OnceLock::new();
        $crate::core::check::text::Phrases::once(&CELL, $list)
    }};
}
#[cfg(target_arch = "wasm32")]
macro_rules! phrases {
    ($name:literal, $list:expr) => {{
        static CELL: std::sync::OnceLock<$crate::core::check::text::Phrases> =
            std::sync::OnceLock::new();
        $crate::core::check::text::Phrases::installed(&CELL, $name)
    }};
}

/// The names of the checks' phrase lists (`phrases!`), each a section `[phrases/<name>]` of
/// the rule file.
pub const PHRASE_LISTS: [&str; 14] = [
    "acknowledges-emotion",
    "acknowledges-emotion/cheer",
    "acknowledges-emotion/named",
    "addressed",
    "asks-personal-data",
    "escalation",
    "missing-link",
    "next-step",
    "non-apology",
    "other-channel",
    "other-channel/2",
    "other-channel/3",
    "phrasing/first-contact",
    "sla-wait",
];

/// The names of the word lists made by `listed_words!` (the checks', the language guess's and
/// the question openers), each a section
/// `[words/<name>]` of the rule file (one line: the words, each followed by `|`).
pub const WORD_LISTS: [&str; 36] = [
    "asks-personal-data/asking",
    "asks-personal-data/personal",
    "asks-personal-data/secret",
    "next-step/social",
    "tone/blame",
    "tone/jargon",
    "tone/should-have",
    "lang/en",
    "lang/es",
    "lang/de",
    "lang/fr",
    "lang/pt",
    "lang/it",
    "lang/nl",
    "questions/openers",
    "questions/auxiliaries",
    "questions/rhetorical",
    "suggestions/damage",
    "shouting/acronyms",
    "shouting/plain",
    "shouting/emphasis",
    "repeats-personal-data/role-mailboxes",
    "repeats-personal-data/streets",
    "wrong-name/not-names",
    "wrong-name/openers",
    "names/short-forms",
    "placeholder/slot-words",
    "placeholder/tone-tags",
    "sentiment/negations",
    "sentiment/emoji",
    "sentiment/boosters-up",
    "sentiment/boosters-down",
    "sentiment/like-as-verb-after",
    "questions/greetings",
    "questions/lead-ins",
    "links/tlds",
];

/// The words of the word list `name` (one of [`WORD_LISTS`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn word_list(name: &str) -> Option<Words> {
    use super::*;
    Some(match name {
        "asks-personal-data/asking" => asks_personal_data::ASKING,
        "asks-personal-data/personal" => asks_personal_data::PERSONAL,
        "asks-personal-data/secret" => asks_personal_data::SECRET,
        "next-step/social" => next_step::SOCIAL,
        "tone/blame" => tone::BLAME,
        "tone/jargon" => tone::JARGON,
        "tone/should-have" => tone::SHOULD_HAVE,
        "questions/openers" => crate::core::analysis::cues::INTERROGATIVES,
        "questions/auxiliaries" => crate::core::analysis::cues::AUXILIARIES,
        "questions/rhetorical" => crate::core::analysis::RHETORICAL,
        "suggestions/damage" => crate::core::analysis::rank::DAMAGE,
        "shouting/acronyms" => shouting::ACRONYMS,
        "shouting/plain" => shouting::PLAIN,
        "shouting/emphasis" => shouting::EMPHASIS,
        "repeats-personal-data/role-mailboxes" => repeats_personal_data::ROLE_MAILBOXES,
        "repeats-personal-data/streets" => repeats_personal_data::STREETS,
        "wrong-name/not-names" => wrong_name::NOT_NAMES,
        "wrong-name/openers" => wrong_name::OPENERS,
        "names/short-forms" => people::SHORT_FORMS,
        "placeholder/slot-words" => placeholder::SLOT_WORDS,
        "placeholder/tone-tags" => placeholder::TONE_TAGS,
        "sentiment/negations" => crate::core::analysis::sentiment::NEGATIONS,
        "sentiment/emoji" => crate::core::analysis::sentiment::EMOJI,
        "sentiment/boosters-up" => crate::core::analysis::sentiment::BOOSTERS_UP,
        "sentiment/boosters-down" => crate::core::analysis::sentiment::BOOSTERS_DOWN,
        "sentiment/like-as-verb-after" => crate::core::analysis::LIKE_AS_VERB_AFTER,
        "questions/greetings" => crate::core::analysis::cues::GREETINGS,
        "questions/lead-ins" => crate::core::analysis::cues::LEAD_INS,
        "links/tlds" => crate::core::textlen::TLDS,
        _ => return crate::core::analysis::lang::common_list(name.strip_prefix("lang/")?),
    })
}

/// The words of the phrase list `name` (one of [`PHRASE_LISTS`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn phrase_list(name: &str) -> Option<Words> {
    use super::*;
    Some(match name {
        "acknowledges-emotion" => acknowledges_emotion::PHRASES,
        "acknowledges-emotion/cheer" => acknowledges_emotion::CHEER,
        "acknowledges-emotion/named" => acknowledges_emotion::NAMED,
        "addressed" => addressed::PHRASES,
        "asks-personal-data" => asks_personal_data::PHRASES,
        "escalation" => escalation::TRIGGERS,
        "missing-link" => missing_link::PHRASES,
        "next-step" => next_step::PHRASES,
        "non-apology" => non_apology::PHRASES,
        "other-channel" => other_channel::PHRASES,
        "other-channel/2" => other_channel::PHRASES_2,
        "other-channel/3" => other_channel::PHRASES_3,
        "phrasing/first-contact" => acknowledges_emotion::FIRST_CONTACT,
        "sla-wait" => sla_wait::PHRASES,
        _ => return None,
    })
}

/// Quotes a piece of the draft for a detail, shortened to about 40 characters.
pub fn quote(s: &str) -> String {
    let s = s.trim();
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    format!("“{out}”")
}

/// The parts of `draft` a finding quotes around its marked `spans` (byte ranges, sorted, not
/// overlapping): each span's sentence, but at most `context` characters either side of the
/// span (cut at a space), parts that meet made one. So a checklist of several findings on one
/// draft shows each where it is, not the whole draft again and again.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // The page's checklist.
pub fn excerpt_parts(draft: &str, spans: &[(usize, usize)], context: usize) -> Vec<(usize, usize)> {
    const ENDS: [&str; 4] = [". ", "! ", "? ", "\n"];
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in spans {
        let before = &draft[..a];
        let mut start = ENDS
            .iter()
            .filter_map(|e| before.rfind(e).map(|i| i + e.len()))
            .max()
            .unwrap_or(0);
        if before[start..].chars().count() > context {
            let cut = before.len() - tail_len(before, context);
            start = before[cut..].find(' ').map_or(cut, |s| cut + s + 1);
        }
        let after = &draft[b..];
        let mut end = b + ENDS
            .iter()
            .filter_map(|e| after.find(e).map(|i| i + e.trim_end().len()))
            .min()
            .unwrap_or(after.len());
        if draft[b..end].chars().count() > context {
            let cut = b + head_len(after, context);
            end = draft[b..cut].rfind(' ').map_or(cut, |s| b + s);
        }
        // Not the spaces the part begins or ends with.
        let start = start + (draft[start..a].len() - draft[start..a].trim_start().len());
        let end = end.max(b) - (draft[b..end.max(b)].len() - draft[b..end.max(b)].trim_end().len());
        match parts.last_mut() {
            Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
            _ => parts.push((start, end)),
        }
    }
    parts
}

/// The bytes of the last `n` characters of `s`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // The page's checklist.
fn tail_len(s: &str, n: usize) -> usize {
    s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(s.len(), |(i, _)| s.len() - i)
}

/// The bytes of the first `n` characters of `s`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // The page's checklist.
fn head_len(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_finding_quotes_the_sentence_of_its_span() {
        use super::excerpt_parts;
        let parts = |draft: &str, marked: &[&str], context: usize| -> Vec<String> {
            let spans: Vec<(usize, usize)> = marked
                .iter()
                .map(|m| {
                    let a = draft.find(m).unwrap();
                    (a, a + m.len())
                })
                .collect();
            excerpt_parts(draft, &spans, context)
                .into_iter()
                .map(|(a, b)| draft[a..b].to_owned())
                .collect()
        };
        let draft = "PLEASE CALM DOWN. As I already said, it's not our fault. Send me your \
                     password and email us. We apologize if you feel upset. [NAME]";
        assert_eq!(parts(draft, &["[NAME]"], 40), ["[NAME]"]);
        assert_eq!(
            parts(draft, &["Send me your password"], 40),
            ["Send me your password and email us."]
        );
        // Two spans in sentences that meet: one part.
        assert_eq!(
            parts(draft, &["CALM DOWN", "already said"], 40),
            ["PLEASE CALM DOWN. As I already said, it's not our fault."]
        );
        // Apart: two parts.
        assert_eq!(
            parts(draft, &["CALM DOWN", "apologize if"], 40),
            ["PLEASE CALM DOWN.", "We apologize if you feel upset."]
        );
        // A long sentence: at most the context either side, cut at a space.
        let long = format!("{}sorry if {}", "word ".repeat(30), "more ".repeat(30));
        let got = parts(&long, &["sorry if"], 12);
        assert_eq!(got, ["word word sorry if more more"]);
        // Lines end sentences too; accents count as one character.
        assert_eq!(
            parts(
                "Hola María\nPerdón si te molestó\nUn saludo",
                &["Perdón si"],
                40
            ),
            ["Perdón si te molestó"]
        );
    }

    use super::*;

    #[test]
    fn words_keep_offsets_mentions_links_and_sentences() {
        let h = Text::new("cc @Uber_Support_2 ok");
        assert_eq!(h.words[1].lower, "uber_support_2");
        let ig = Text::new("@marco.trails sorry. @kai.");
        assert_eq!(ig.words[0].lower, "marco.trails");
        assert_eq!(ig.words[2].lower, "kai");
        let t = Text::new("@Ana Hi! We’ll DM you: https://t.co/AbC. Ñandú ok");
        let w: Vec<&str> = t.words.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(
            w,
            ["ana", "hi", "we'll", "dm", "you", "https", "t", "co", "abc", "ñandú", "ok"]
        );
        assert!(t.words[0].mention && !t.words[1].mention);
        assert!(t.words[5].url && t.words[8].url && !t.words[9].url);
        assert_eq!(t.words[1].sentence, 0);
        assert_eq!(t.words[2].sentence, 1);
        assert_eq!(t.words[9].sentence, 2);
        assert_eq!(t.slice(t.span(2, 4)), "We’ll DM you");
        assert_eq!(t.slice(t.span(9, 9)), "Ñandú");
    }

    #[test]
    fn phrases_match_within_a_sentence_with_prefixes() {
        let p = Phrases::new(&["sorry if", "apolog* for any", "we'll"]);
        let t = Text::new("Sorry. If so, we apologise for any delay; we’ll fix it");
        let found: Vec<String> = t.find(&p).iter().map(|m| p.text(m.phrase)).collect();
        assert_eq!(found, ["apolog* for any", "we'll"]);
        assert!(Text::new("sorry if").first(&p).is_some());
        assert!(Text::new("").first(&p).is_none());
    }

    #[test]
    fn the_first_word_filter_never_hides_a_phrase() {
        // Many first words, one- and two-letter ones, accents and digits among them, and
        // prefix phrases (tried only at words with their first letter): each phrase is still
        // found (the filters may only pass over words that start none).
        let phrases = [
            "i understand",
            "a shame",
            "qué pena",
            "perdón",
            "lamentamos mucho",
            "über",
            "ñu",
            "24 hours",
            "we'll",
            "sorry to hear",
            "so sorry",
            "apolog* for",
            "über* alles",
            "zz*",
            "x",
        ];
        let p = Phrases::new(&phrases);
        for phrase in phrases {
            let text = phrase.replace('*', "ize");
            assert!(Text::new(&text).first(&p).is_some(), "{text:?}");
            assert!(
                Text::new(&format!("Well, {text}!")).first(&p).is_some(),
                "{text:?}"
            );
        }
        assert!(Text::new("nothing here at all").first(&p).is_none());
    }

    #[test]
    fn bare_domains_with_a_path_are_links() {
        assert_eq!(url_spans("see apple.co/abc."), [(4, 16)]);
        assert!(url_spans("e.g. 3.5 hrs, U.S. only").is_empty());
        assert_eq!(url_spans("(www.acme.es)").len(), 1);
    }
}
