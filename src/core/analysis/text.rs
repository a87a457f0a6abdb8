//! Text folding and phrase matching shared by the rule-based parts of the analysis.
//!
//! A message is folded once (lower case, accents and curly quotes flattened, @mentions and
//! links blanked, runs of white space made one space) while remembering where each folded
//! byte came from, so a matched phrase can be shown as the customer wrote it.

use std::sync::OnceLock;

/// The longest message read, in bytes; the rest is ignored (a pasted novel must not stall the
/// page).
pub const MAX_BYTES: usize = 4_000;

/// A folded message and the way back to the original.
#[derive(Debug)]
pub struct Folded<'a> {
    pub original: &'a str,
    /// The folded text, with a space at each end so phrases can be matched on word boundaries.
    pub text: String,
    /// For each byte of `text`, the byte offset in `original` of the character it came from.
    map: Vec<u32>,
    /// Every word start (a letter or digit after one that is not) as its first two bytes and
    /// its offset, packed in one number (bytes in the high half: `text` is at most
    /// [`MAX_BYTES`] long) and sorted: a pattern that must start a word is looked for only
    /// where a word starts with its first two bytes, not by scanning the text.
    starts: Vec<u32>,
}

/// `s` cut to at most `max` bytes, on a character boundary.
pub fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Whether `c` is a capital letter (it has a different lower case). Written with the case
/// mappings, whose tables the module already needs, rather than `char::is_uppercase`.
pub fn is_capital(c: char) -> bool {
    let mut l = c.to_lowercase();
    !(l.next() == Some(c) && l.next().is_none())
}

/// Whether `c` is a small letter (it has a different upper case).
pub fn is_small(c: char) -> bool {
    let mut u = c.to_uppercase();
    !(u.next() == Some(c) && u.next().is_none())
}

/// Characters that change nothing a reader sees in a word (see `Folded::new`).
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{fe00}'..='\u{fe0f}'
            | '\u{200c}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}'
            | '\u{ad}'
    )
}

/// The folded form of one character, if it differs from its lower case.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '«' | '»' => '"',
        // Full-width punctuation (Japanese, Chinese) ends sentences as the ASCII marks do.
        '？' => '?',
        '！' => '!',
        '。' => '.',
        _ => return None,
    })
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Folded<'a> {
        let original = clip(original, MAX_BYTES);
        let mut text = String::with_capacity(original.len() + 2);
        let mut map = Vec::with_capacity(original.len() + 2);
        text.push(' ');
        map.push(0);
        let mut space = true;
        let mut it = original.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let at_word_start = space || text.ends_with(['(', '"', '\'']);
            let rest = &original[i..];
            let skip_token = at_word_start
                && (c == '@' || rest.starts_with("http://") || rest.starts_with("https://"));
            if skip_token {
                while it
                    .peek()
                    .is_some_and(|&(_, c)| !c.is_whitespace() && c != '\u{200b}')
                {
                    it.next();
                }
                continue;
            }
            // Invisible characters inside words are not read: variation selectors ("I️t", as
            // one phone keyboard wrote "It"), joiners, direction marks (sites put them around
            // names), the soft hyphen and the BOM. A zero-width space separates words.
            if invisible(c) {
                continue;
            }
            if c.is_whitespace() || c == '\u{200b}' {
                if !space {
                    text.push(' ');
                    map.push(i as u32);
                    space = true;
                }
                continue;
            }
            space = false;
            let push = |ch: char, text: &mut String, map: &mut Vec<u32>| {
                let before = text.len();
                text.push(ch);
                map.extend(std::iter::repeat_n(i as u32, text.len() - before));
            };
            if let Some(f) = fold_char(c) {
                push(f, &mut text, &mut map);
            } else if is_capital(c) {
                for l in c.to_lowercase() {
                    push(l, &mut text, &mut map);
                }
            } else {
                push(c, &mut text, &mut map);
            }
        }
        if !space {
            text.push(' ');
            map.push(original.len() as u32);
        }
        let mut starts = Vec::new();
        let mut prev_alnum = false;
        for (i, c) in text.char_indices() {
            let alnum = c.is_alphanumeric();
            if alnum && !prev_alnum {
                let b = text.as_bytes();
                let key = u32::from(b[i]) << 8 | u32::from(b.get(i + 1).copied().unwrap_or(b' '));
                starts.push(key << 16 | i as u32);
            }
            prev_alnum = alnum;
        }
        crate::core::sort::sort(&mut starts);
        Folded {
            original,
            text,
            map,
            starts,
        }
    }

    /// The original text behind folded bytes `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> &'a str {
        if start >= end || end > self.map.len() {
            return "";
        }
        let from = self.map[start] as usize;
        let last = self.map[end - 1] as usize;
        let to = last
            + self.original[last..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        self.original[from..to].trim()
    }

    /// Where `pattern` first occurs on word boundaries, as folded byte offsets. A pattern that
    /// ends in `*` matches any word starting with it ("refund*": "refunded") and the match runs
    /// to the end of that word.
    #[cfg(test)]
    pub fn find(&self, pattern: &str) -> Option<(usize, usize)> {
        self.find_pattern(&Pattern::new(pattern))
    }

    /// [`Folded::find`] for a pattern prepared once.
    pub fn find_pattern(&self, p: &Pattern<'_>) -> Option<(usize, usize)> {
        let Pattern {
            pat,
            prefix,
            word_start,
            word_end,
        } = *p;
        if pat.is_empty() {
            return None;
        }
        let t = self.text.as_str();
        let pb = pat.as_bytes();
        let hb = t.as_bytes();
        let after_ok = |end: usize| {
            prefix || !word_end || !t[end..].chars().next().is_some_and(char::is_alphanumeric)
        };
        let word_end_at = |end: usize| {
            if prefix {
                end + t[end..]
                    .find(|c: char| !c.is_alphanumeric() && c != '\'')
                    .unwrap_or(t.len() - end)
            } else {
                end
            }
        };
        // Only the words that start with the pattern's first two bytes, in text order.
        if let Some(key) = p.start_key() {
            let from = self.starts.partition_point(|&v| v >> 16 < key);
            return self.starts[from..]
                .iter()
                .take_while(|&&v| v >> 16 == key)
                .map(|&v| (v & 0xffff) as usize)
                .find(|&at| hb[at..].starts_with(pb) && after_ok(at + pb.len()))
                .map(|at| (at, word_end_at(at + pb.len())));
        }
        let mut from = 0;
        // A plain scan: the texts are short, so this beats a searcher's set-up. A match of a
        // valid UTF-8 pattern always starts on a character boundary.
        let next = |from: usize| {
            (from..(hb.len() + 1).saturating_sub(pb.len()))
                .find(|&i| hb[i] == pb[0] && &hb[i..i + pb.len()] == pb)
        };
        while let Some(start) = next(from) {
            let end = start + pat.len();
            let before_ok = !word_start
                || !t[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if before_ok && after_ok(end) {
                return Some((start, word_end_at(end)));
            }
            from = start + t[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    /// The original words behind the first match of `pattern`.
    #[cfg(test)]
    pub fn trigger(&self, pattern: &str) -> Option<&'a str> {
        self.find(pattern).map(|(s, e)| self.original_span(s, e))
    }
}

/// A letter or digit of a script that separates words with spaces (CJK scripts do not, so
/// their patterns match anywhere).
fn spaced_word_char(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x2E80
}

/// A phrase pattern, prepared for matching (see [`Folded::find`]).
#[derive(Clone, Copy, Debug)]
pub struct Pattern<'p> {
    /// The words, without a trailing `*`.
    pat: &'p str,
    /// It ended in `*`: any word starting with it matches.
    prefix: bool,
    /// It starts (ends) with a letter or digit, so it must start (end) on a word boundary.
    word_start: bool,
    word_end: bool,
}

impl<'p> Pattern<'p> {
    pub fn new(pattern: &'p str) -> Pattern<'p> {
        let (pat, prefix) = match pattern.strip_suffix('*') {
            Some(p) => (p, true),
            None => (pattern, false),
        };
        Pattern {
            pat,
            prefix,
            word_start: pat.chars().next().is_some_and(spaced_word_char),
            word_end: pat.chars().next_back().is_some_and(spaced_word_char),
        }
    }

    /// The first two bytes of a pattern that must start a word, as one number: it can only
    /// match where a word of the text starts with them.
    fn start_key(&self) -> Option<u32> {
        let b = self.pat.as_bytes();
        (self.word_start && b.len() >= 2).then(|| u32::from(b[0]) << 8 | u32::from(b[1]))
    }
}

/// Sorts `v` by `key`, highest first, keeping the order of equal keys. An insertion sort: the
/// lists here are short, and the standard sorts cost kilobytes of Wasm per element type.
pub fn sort_desc<T>(v: &mut [T], key: impl Fn(&T) -> f32) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) < key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A table of weighted phrase rules, written `rules![("still waiting", 1.6), ...]`: each a
/// folded pattern (see [`Folded::find`]) and its weight (at most one decimal). Negative weights
/// count against a finding ("thanks in advance" is politeness, not gratitude) and are never
/// shown as triggers. The table compiles to one string, `pattern<TAB>weight` per line.
///
/// Natively the tables are part of the program. In the page they are a file of the extension
/// (`data/rules.js`, written by the build from [`rule_file`]) that the loader hands over once
/// ([`install_rules`]), as it does the lexicon: the module does not carry them.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! rules {
    ($(($pattern:literal, $weight:literal)),* $(,)?) => {
        concat!($($pattern, "\t", $weight, "\n"),*)
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! rules {
    ($(($pattern:literal, $weight:literal)),* $(,)?) => {
        ""
    };
}
pub(crate) use rules;

/// A rule table: its name, its compact source and, once first used, its parsed rules.
pub struct Table {
    name: &'static str,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    source: &'static str,
    parsed: OnceLock<Rules>,
}

/// A table's rules, and which of them a word start can find (see [`score_rules`]).
struct Rules {
    rules: Vec<(Pattern<'static>, f32)>,
    /// The rules that must start a word, as their first two bytes and their index packed
    /// like [`Folded`]'s word starts, sorted.
    by_start: Vec<u32>,
    /// The others (a pattern starting with a sign, an emoji, a CJK letter): searched for.
    searched: Vec<u32>,
}

impl Table {
    pub const fn new(name: &'static str, source: &'static str) -> Table {
        Table {
            name,
            source,
            parsed: OnceLock::new(),
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The rules, parsed on first use. In the page, none until the rule file is installed
    /// (nothing is cached before, so the real rules are read once they are).
    fn rules(&self) -> Option<&Rules> {
        let source = self.source()?;
        Some(self.parsed.get_or_init(|| {
            let rules: Vec<(Pattern<'static>, f32)> = rule_lines(source)
                .map(|(p, w)| (Pattern::new(p), w))
                .collect();
            let (mut by_start, mut searched) = (Vec::new(), Vec::new());
            for (i, (p, _)) in rules.iter().enumerate() {
                match p.start_key() {
                    Some(key) if i <= 0xffff => by_start.push(key << 16 | i as u32),
                    _ => searched.push(i as u32),
                }
            }
            crate::core::sort::sort(&mut by_start);
            Rules {
                rules,
                by_start,
                searched,
            }
        }))
    }

    /// The table's `pattern<TAB>weight` lines.
    pub fn source(&self) -> Option<&'static str> {
        #[cfg(target_arch = "wasm32")]
        return INSTALLED_RULES.get().and_then(|tables| {
            tables
                .iter()
                .find(|(name, _)| *name == self.name)
                .map(|(_, source)| *source)
        });
        #[cfg(not(target_arch = "wasm32"))]
        Some(self.source)
    }
}

/// Every rule table of the analysis: the scenarios', the emotions' and the urgency cues'.
pub fn all_tables() -> impl Iterator<Item = &'static Table> {
    use crate::core::analysis::{cues, emotion, ours, scenario, Emotion};
    use crate::core::scenario::Scenario;
    Scenario::ALL
        .iter()
        .map(|&s| scenario::rules(s))
        .chain(Scenario::ALL.iter().filter_map(|&s| ours::rules(s)))
        .chain(Emotion::ALL.iter().map(|&e| emotion::rules(e)))
        .chain([
            &cues::URGENCY,
            &cues::IN_TOUCH,
            &cues::CRISIS,
            &cues::DM_ASK,
            &cues::DM_DONE,
        ])
}

/// The rule file the page is handed: each table as a `[name]` line and its rule lines.
#[cfg(not(target_arch = "wasm32"))]
pub fn rule_file() -> String {
    let mut out = String::new();
    for t in all_tables() {
        out.push('[');
        out.push_str(t.name);
        out.push_str("]\n");
        out.push_str(t.source);
    }
    // The checks' word lists, one line of words each followed by `|`, and phrase lists, a
    // phrase a line.
    use crate::core::check::text::{phrase_list, word_list, PHRASE_LISTS, WORD_LISTS};
    use crate::core::words::Words;
    type Lists = (
        &'static str,
        &'static [&'static str],
        fn(&str) -> Option<Words>,
        char,
    );
    let lists: [Lists; 2] = [
        ("words/", &WORD_LISTS, word_list, '|'),
        ("phrases/", &PHRASE_LISTS, phrase_list, '\n'),
    ];
    for (kind, names, list, after) in lists {
        for name in names {
            out.push('[');
            out.push_str(kind);
            out.push_str(name);
            out.push_str("]\n");
            for item in list(name).into_iter().flat_map(Words::iter) {
                out.push_str(item);
                out.push(after);
            }
            if after != '\n' {
                out.push('\n');
            }
        }
    }
    // Why each check exists, a line each (the module does not carry them).
    for id in crate::core::check::CheckId::ALL {
        out.push_str("[why/");
        out.push_str(id.id());
        out.push_str("]\n");
        out.push_str(id.why_text());
        out.push('\n');
    }
    // The notices after a mishap, a line each.
    for (name, text) in crate::core::said::TEXTS {
        out.push_str("[said/");
        out.push_str(name);
        out.push_str("]\n");
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// Reads a rule file back into (name, lines) per table, checking every line and that every
/// table the analysis uses is there; the error names the line or the table.
pub fn parse_rule_file(text: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut tables: Vec<(&str, &str)> = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    let mut pos = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = pos;
        pos += line.len();
        let line = line.trim_end_matches('\n');
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if let Some((prev, from)) = current.take() {
                tables.push((prev, &text[from..start]));
            }
            if name.is_empty() || tables.iter().any(|(t, _)| *t == name) {
                return Err(format!(
                    "the rule file, line {}: empty or repeated table name",
                    n + 1
                ));
            }
            current = Some((name, pos));
            continue;
        }
        // A phrase list's lines are its phrases.
        let phrases = current.is_some_and(|(name, _)| {
            ["phrases/", "words/", "why/", "said/"]
                .iter()
                .any(|kind| name.starts_with(kind))
        });
        let ok = (phrases && !line.is_empty())
            || line
                .split_once('\t')
                .is_some_and(|(p, w)| !p.is_empty() && tenths(w).is_some());
        if !ok || current.is_none() {
            return Err(format!(
                "the rule file, line {}: expected a pattern, a tab and a weight under a [table]",
                n + 1
            ));
        }
    }
    if let Some((prev, from)) = current {
        tables.push((prev, &text[from..]));
    }
    if let Some(missing) = all_tables().find(|t| !tables.iter().any(|(n, _)| *n == t.name)) {
        return Err(format!("the rule file has no table {}", missing.name));
    }
    use crate::core::check::text::{PHRASE_LISTS, WORD_LISTS};
    for (kind, names) in [("words/", &WORD_LISTS[..]), ("phrases/", &PHRASE_LISTS[..])] {
        let listed = |name: &str| {
            tables
                .iter()
                .any(|(n, _)| n.strip_prefix(kind) == Some(name))
        };
        if let Some(missing) = names.iter().find(|name| !listed(name)) {
            return Err(format!("the rule file has no list {kind}{missing}"));
        }
    }
    Ok(tables)
}

/// The installed rule file's section `<kind><name>` ("phrases/" and "sla-wait"), if the file
/// is installed and holds it.
#[cfg(target_arch = "wasm32")]
pub fn installed_section(kind: &str, name: &str) -> Option<&'static str> {
    INSTALLED_RULES
        .get()?
        .iter()
        .find_map(|(n, source)| (n.strip_prefix(kind) == Some(name)).then_some(*source))
}

#[cfg(target_arch = "wasm32")]
static INSTALLED_RULES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();

/// Hands the rule file to the page module, once; returns how many tables it holds.
#[cfg(target_arch = "wasm32")]
pub fn install_rules(text: String) -> Result<usize, String> {
    install_once(
        &INSTALLED_RULES,
        text,
        parse_rule_file,
        "the analysis rules were already installed",
    )
}

/// Installs a data file handed to the page module at start (the rules, the lexicon): refuses
/// a second one, keeps the text for the life of the page, reads it with `parse` (whose error
/// names the line) and returns how many entries it holds.
#[cfg(target_arch = "wasm32")]
pub fn install_once<T>(
    cell: &'static OnceLock<Vec<T>>,
    text: String,
    parse: impl FnOnce(&'static str) -> Result<Vec<T>, String>,
    already: &str,
) -> Result<usize, String> {
    if cell.get().is_some() {
        return Err(already.to_owned());
    }
    let parsed = parse(Box::leak(text.into_boxed_str()))?;
    let n = parsed.len();
    cell.set(parsed).map_err(|_| already.to_owned())?;
    Ok(n)
}

/// The rules of a table, as (pattern, weight).
pub fn rule_lines(table: &str) -> impl Iterator<Item = (&str, f32)> {
    table.lines().filter_map(|line| {
        let (pattern, weight) = line.split_once('\t')?;
        Some((pattern, tenths(weight)? as f32 / 10.0))
    })
}

/// Parses a number written with at most one decimal ("-1.5", "2", "0.3") as tenths, without the
/// float parser (which costs kilobytes of Wasm).
pub fn tenths(s: &str) -> Option<i32> {
    let (neg, digits) = match s.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.trim()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    if int.is_empty() || frac.len() != 1 {
        return None;
    }
    let mut v: i32 = 0;
    for c in int.chars().chain(frac.chars()) {
        v = v.checked_mul(10)?.checked_add(c.to_digit(10)? as i32)?;
    }
    Some(if neg { -v } else { v })
}

/// Sums the weights of the rules of `table` found in `f`, each once, and collects the triggers
/// of the positive ones (as written), in the table's order.
///
/// A table has hundreds of rules and a message a few dozen words: the rules that must start a
/// word are tried only for the word starts the text has (by their first two bytes), the few
/// others searched for.
pub fn score_rules<'a>(f: &Folded<'a>, table: &Table, triggers: &mut Vec<&'a str>) -> f32 {
    let Some(rules) = table.rules() else {
        return 0.0;
    };
    // The rules to try, as one bit per rule of the table: they are then tried in the table's
    // order without sorting them (and, for a table of up to 1,024 rules, without allocating).
    let words = rules.rules.len().div_ceil(32);
    let mut on_stack = [0u32; 32];
    let mut on_heap = Vec::new();
    let marks: &mut [u32] = if words <= on_stack.len() {
        &mut on_stack[..words]
    } else {
        on_heap.resize(words, 0);
        &mut on_heap
    };
    let mut mark = |i: u32| marks[(i / 32) as usize] |= 1 << (i % 32);
    // The text's word starts and the table's rules both ascend by key: one walk down both (a
    // merge), not a search of the whole table for each word start.
    let by = rules.by_start.as_slice();
    let (mut at, mut r) = (0, 0);
    while let Some(&v) = f.starts.get(at) {
        let key = v >> 16;
        at += f.starts[at..]
            .iter()
            .take_while(|&&w| w >> 16 == key)
            .count();
        while by.get(r).is_some_and(|&x| x >> 16 < key) {
            r += 1;
        }
        while let Some(&x) = by.get(r).filter(|&&x| x >> 16 == key) {
            mark(x & 0xffff);
            r += 1;
        }
    }
    for &i in &rules.searched {
        mark(i);
    }
    let mut total = 0.0;
    for (w, &bits) in marks.iter().enumerate() {
        let mut left = bits;
        while left != 0 {
            let i = w * 32 + left.trailing_zeros() as usize;
            left &= left - 1;
            let (pattern, weight) = &rules.rules[i];
            if let Some((s, e)) = f.find_pattern(pattern) {
                total += weight;
                let t = f.original_span(s, e);
                if *weight > 0.0 && !t.is_empty() {
                    push_unique(triggers, t);
                }
            }
        }
    }
    total
}

/// Adds `t` unless the same words (ignoring case) are already there, or are part of a trigger
/// already there; a longer trigger replaces the shorter ones it contains.
pub fn push_unique<'a>(triggers: &mut Vec<&'a str>, t: &'a str) {
    let tl = t.to_lowercase();
    if triggers
        .iter()
        .any(|have| have.to_lowercase().contains(&tl))
    {
        return;
    }
    triggers.retain(|have| !tl.contains(&have.to_lowercase()));
    triggers.push(t);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_mentions_links_and_spaces() {
        let f = Folded::new("@AmazonHelp  Sigo ESPERANDO mi devolución https://t.co/x ¿Qué?");
        assert_eq!(f.text, " sigo esperando mi devolucion ¿que? ");
        assert_eq!(f.trigger("sigo esperando"), Some("Sigo ESPERANDO"));
        assert_eq!(f.trigger("devol*"), Some("devolución"));
        assert_eq!(f.trigger("que"), Some("Qué"));
    }

    #[test]
    fn rules_are_tried_in_the_tables_order_whatever_its_size() {
        for size in [40, 1_100] {
            // Rules "kw0", "kw1", … and, last, one searched for (it starts with a sign).
            let mut source: String = (0..size).map(|i| format!("kw{i}\t1.0\n")).collect();
            source.push_str("#tag\t0.5\n");
            let table = Table::new("test", Box::leak(source.into_boxed_str()));
            let last = size - 1;
            let text = format!("#tag kw{last} and kw0 kw7");
            let f = Folded::new(&text);
            let mut triggers = Vec::new();
            let score = score_rules(&f, &table, &mut triggers);
            assert_eq!(score, 3.5, "{size} rules");
            let want = ["kw0", "kw7", &format!("kw{last}"), "#tag"];
            assert_eq!(triggers, want, "{size} rules: in the table's order");
        }
    }

    /// The first match of `pattern` in `f` by trying every character boundary (the
    /// reference the word-start index must agree with).
    fn find_by_trying_everywhere(f: &Folded, pattern: &str) -> Option<(usize, usize)> {
        let (pat, prefix) = match pattern.strip_suffix('*') {
            Some(p) => (p, true),
            None => (pattern, false),
        };
        let t = f.text.as_str();
        let alnum_before = |i: usize| {
            t[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        let alnum_at = |i: usize| t[i..].chars().next().is_some_and(char::is_alphanumeric);
        let word_start = pat.chars().next().is_some_and(spaced_word_char);
        let word_end = pat.chars().next_back().is_some_and(spaced_word_char);
        (0..t.len())
            .filter(|&i| t.is_char_boundary(i))
            .find_map(|i| {
                let end = i + pat.len();
                let ok = !pat.is_empty()
                    && t[i..].starts_with(pat)
                    && (!word_start || !alnum_before(i))
                    && (prefix || !word_end || !alnum_at(end));
                ok.then(|| {
                    let mut e = end;
                    if prefix {
                        while e < t.len() && (alnum_at(e) || t[e..].starts_with('\'')) {
                            e += t[e..].chars().next().map_or(1, char::len_utf8);
                        }
                    }
                    (i, e)
                })
            })
    }

    #[test]
    fn the_word_start_index_finds_what_trying_everywhere_finds() {
        let texts = [
            "Refunds? Still no REFUND!!! refund refunding",
            "I downloaded the app, it's unrefundable; the down payment",
            "Sigo esperando mi devolución, ¿y la devolucion?",
            "order order2 2order (order) 'order' \"order\" orders",
            "ab abc abcd a ab",
            "no-refund re-order don't dont",
            "日本語のテキスト refund",
            "",
        ];
        let patterns = [
            "refund",
            "refund*",
            "order",
            "order*",
            "ab",
            "abc*",
            "a",
            "don't",
            "dont",
            "re-order",
            "devolucion",
            "devol*",
            "!!!",
            "(order)",
            "テキスト",
            "down",
            "the app",
        ];
        for text in texts {
            let f = Folded::new(text);
            for p in patterns {
                assert_eq!(
                    f.find(p),
                    find_by_trying_everywhere(&f, p),
                    "{p:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn matches_whole_words_only() {
        let f = Folded::new("I downloaded the app, it's unrefundable");
        assert_eq!(f.find("down"), None);
        assert_eq!(f.find("refund*"), None);
        assert_eq!(f.trigger("it's"), Some("it's"));
        let f = Folded::new("Refunds? Still no REFUND!!!");
        assert_eq!(f.trigger("refund*"), Some("Refunds"));
        assert_eq!(f.trigger("!!!"), Some("!!!"));
        assert_eq!(
            Folded::new("It’s broken").trigger("it's broken"),
            Some("It’s broken")
        );
    }

    #[test]
    fn invisible_characters_inside_words_are_not_read() {
        let f =
            Folded::new("I\u{fe0f}t didn\u{2019}t work, re\u{ad}fund now\u{200b}please ❤\u{fe0f}");
        assert_eq!(f.text, " it didn't work, refund now please ❤ ");
        assert_eq!(f.trigger("it didn't"), Some("I\u{fe0f}t didn\u{2019}t"));
        assert_eq!(f.trigger("refund"), Some("re\u{ad}fund"));
        assert_eq!(f.trigger("❤"), Some("❤"));
        // Direction marks around a name, and a zero-width space that ends a mention.
        let f =
            Folded::new("\u{2068}Acme\u{2069} sent \u{200f}a\u{200e} refund @acme\u{200b}thanks");
        assert_eq!(f.text, " acme sent a refund thanks ");
    }

    #[test]
    fn odd_unicode_and_huge_input_are_safe() {
        let f = Folded::new("😡😡 İstanbul ǅ ﬁne \u{200b} ");
        assert!(f.find("istanbul").is_some() || f.find("i̇stanbul").is_some());
        assert_eq!(f.trigger("😡"), Some("😡"));
        let huge = "ß".repeat(10_000);
        let f = Folded::new(&huge);
        assert!(f.original.len() <= MAX_BYTES);
        assert_eq!(f.find("x"), None);
        assert_eq!(Folded::new("").text, " ");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn rule_tables_parse_completely() {
        use crate::core::analysis::{cues, emotion, ours, scenario, Emotion};
        use crate::core::scenario::Scenario;
        let mut tables: Vec<&str> = Scenario::ALL
            .iter()
            .map(|&s| scenario::rules(s).source().unwrap())
            .collect();
        tables.extend(
            Scenario::ALL
                .iter()
                .filter_map(|&s| ours::rules(s))
                .map(|t| t.source().unwrap()),
        );
        tables.extend(
            Emotion::ALL
                .iter()
                .map(|&e| emotion::rules(e).source().unwrap()),
        );
        tables.push(cues::URGENCY.source().unwrap());
        tables.push(cues::IN_TOUCH.source().unwrap());
        tables.push(cues::CRISIS.source().unwrap());
        tables.push(cues::DM_ASK.source().unwrap());
        tables.push(cues::DM_DONE.source().unwrap());
        assert_eq!(tables.len(), all_tables().count());
        for t in tables {
            assert_eq!(rule_lines(t).count(), t.lines().count(), "{t}");
            assert!(rule_lines(t).all(|(p, w)| !p.is_empty() && w != 0.0 && p == p.to_lowercase()));
            // A star is a wildcard only at the end of a pattern ("mensaje* directo*" matched
            // nothing).
            for (p, _) in rule_lines(t) {
                assert!(
                    !p.trim_end_matches('*').contains('*'),
                    "{p:?}: a star inside"
                );
            }
        }
        const T: &str = rules![("a b", 1.6), ("c", -2.5), ("d", 2.0)];
        let got: Vec<(&str, f32)> = rule_lines(T).collect();
        assert_eq!(got, [("a b", 1.6), ("c", -2.5), ("d", 2.0)]);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_rule_file_reads_back_as_written() {
        use crate::core::check::text::{phrase_list, word_list, PHRASE_LISTS, WORD_LISTS};
        let file = rule_file();
        let tables = parse_rule_file(&file).unwrap();
        let checks = crate::core::check::CheckId::ALL;
        assert_eq!(
            tables.len(),
            all_tables().count()
                + WORD_LISTS.len()
                + PHRASE_LISTS.len()
                + checks.len()
                + crate::core::said::TEXTS.len()
        );
        for (t, (name, source)) in all_tables().zip(&tables) {
            assert_eq!((t.name(), t.source().unwrap()), (*name, *source));
        }
        // The checks' word lists, one line, as the page reads them.
        let words_from = all_tables().count();
        for (name, (section, line)) in WORD_LISTS.iter().zip(&tables[words_from..]) {
            assert_eq!(*section, format!("words/{name}"));
            let list = word_list(name).unwrap();
            assert!(list.iter().count() > 5, "{name}");
            assert_eq!(line.trim_end_matches('\n'), list.0, "{name}");
            assert!(!list.0.contains('\n') && !list.0.starts_with('['), "{name}");
        }
        // The checks' phrase lists, a phrase a line, as the page reads them.
        let phrases_from = words_from + WORD_LISTS.len();
        for (name, (section, lines)) in PHRASE_LISTS.iter().zip(&tables[phrases_from..]) {
            assert_eq!(*section, format!("phrases/{name}"));
            let list = phrase_list(name).unwrap();
            assert!(list.iter().count() > 5, "{name}");
            assert_eq!(
                lines.lines().collect::<Vec<_>>(),
                list.iter().collect::<Vec<_>>()
            );
            for p in list.iter() {
                assert!(
                    !p.is_empty() && !p.contains('\n') && !p.starts_with('['),
                    "{name}: {p:?} cannot be a line of the file"
                );
            }
        }
        // Why each check exists, one line each, as the page reads it.
        let why_from = phrases_from + PHRASE_LISTS.len();
        for (id, (section, line)) in checks.iter().zip(&tables[why_from..]) {
            assert_eq!(*section, format!("why/{}", id.id()));
            assert_eq!(line.trim_end(), id.why_text());
            assert!(!id.why_text().contains('\n') && !id.why_text().starts_with('['));
        }
        let no_list = file.split("[phrases/sla-wait]").next().unwrap();
        assert!(parse_rule_file(no_list)
            .unwrap_err()
            .contains("phrases/sla-wait"));
        // Broken files are refused with the line or the table named.
        let err = |f: &str| parse_rule_file(f).unwrap_err();
        assert!(err("waiting\t1.0\n").contains("line 1"));
        assert!(err("[scenario/waiting]\nwaiting 1.0\n").contains("line 2"));
        assert!(err("[scenario/waiting]\nwaiting\t1.05\n").contains("line 2"));
        assert!(err("[a]\nx\t1.0\n[a]\n").contains("line 3"));
        assert!(err("[scenario/waiting]\nwaiting\t1.0\n").contains("has no table"));
        let no_urgency = file.split("[cue/urgency]").next().unwrap();
        assert!(err(no_urgency).contains("cue/urgency"));
    }

    /// Every `phrases!` and `listed_words!` of the checks names a list of [`PHRASE_LISTS`] or
    /// [`WORD_LISTS`], each used once: a list missing from them would be empty in the page.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_listed_list_is_in_the_rule_file() {
        use crate::core::check::text::{phrase_list, word_list, PHRASE_LISTS, WORD_LISTS};
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/core");
        let (mut used, mut calls): (Vec<String>, usize) = (Vec::new(), 0);
        let mut words: Vec<String> = Vec::new();
        let mut paths = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    paths.push(path);
                }
            }
        }
        for path in paths {
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // The phrase lists are the checks'; the word lists are anywhere in the core.
            let check = path.starts_with(concat!(env!("CARGO_MANIFEST_DIR"), "/src/core/check"));
            for (at, _) in text.match_indices("phrases!(\"").filter(|_| check) {
                let rest = &text[at + "phrases!(\"".len()..];
                used.push(rest.split('"').next().unwrap().to_owned());
            }
            // Each list's call: `= phrases!("name", CONST)`.
            if check {
                calls += text.matches("= phrases!(\"").count();
            }
            for (at, _) in text.match_indices("listed_words![\"") {
                let rest = &text[at + "listed_words![\"".len()..];
                words.push(rest.split('"').next().unwrap().to_owned());
            }
        }
        words.sort();
        let mut listed_words: Vec<String> = WORD_LISTS.iter().map(|s| s.to_string()).collect();
        listed_words.sort();
        assert_eq!(
            words, listed_words,
            "every listed_words! once in WORD_LISTS"
        );
        assert!(WORD_LISTS.iter().all(|n| word_list(n).is_some()));
        used.sort();
        let mut listed: Vec<String> = PHRASE_LISTS.iter().map(|s| s.to_string()).collect();
        listed.sort();
        // The doc comments of the lists name them too ("The phrases of `phrases!("x", …)`").
        used.dedup();
        assert_eq!(used, listed);
        assert_eq!(calls, PHRASE_LISTS.len(), "one call per list");
        assert!(PHRASE_LISTS.iter().all(|n| phrase_list(n).is_some()));
    }

    #[test]
    fn triggers_are_unique_and_longest() {
        let mut t = vec![];
        push_unique(&mut t, "waiting");
        push_unique(&mut t, "still waiting");
        push_unique(&mut t, "Waiting");
        assert_eq!(t, ["still waiting"]);
    }
}
