//! Sentiment: the rules of VADER (Hutto & Gilbert, 2014), written here from its published
//! description and constants, over its MIT-licensed lexicon (`data/vader_lexicon.tsv`, see
//! `data/LICENSE-vader.txt`).
//!
//! A text's words are looked up in the lexicon; a word's valence is flipped and shrunk after a
//! negation, raised or lowered by a booster or dampener before it ("very", "kind of"), raised
//! when it is written in capitals among words that are not, and words before a "but" count half
//! as much and words after it half as much again. Exclamation marks (and several question marks)
//! push the sum away from zero, which is then squashed to a compound score in −1..1.
//!
//! Differences from the reference: only a small table of common emoji is read (the full emoji
//! lexicon is too large to ship), and the "but" weighting applies to every word by position
//! (the reference looks positions up by value, which misweights repeated valences).

use super::text::{is_capital, is_small};
use std::sync::OnceLock;

/// Natively (the CLI, the tests) the lexicon is part of the program. In the page it is a
/// file of the extension the loader hands over once ([`install_lexicon`]): 30 KiB gzipped that
/// would otherwise be a tenth of the module's size budget.
#[cfg(not(target_arch = "wasm32"))]
const LEXICON_TSV: &str = include_str!("data/vader_lexicon.tsv");

#[cfg(target_arch = "wasm32")]
static INSTALLED: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();

/// Hands the lexicon file (`word<TAB>mean valence` lines, sorted) to the page module, once;
/// returns how many words it holds. Until then (or if the file cannot be loaded) every word
/// has no valence: the analysis still reads scenarios, emotion phrases and questions.
#[cfg(target_arch = "wasm32")]
pub fn install_lexicon(text: String) -> Result<usize, String> {
    super::text::install_once(
        &INSTALLED,
        text,
        parse_lexicon,
        "the sentiment lexicon was already installed",
    )
}

/// Reads the lexicon file in one pass over its bytes (it is read at every start, in the
/// page's JavaScript translation of the module too): `word<TAB>valence` lines, sorted by
/// bytes, each valence with one decimal. The error names the first wrong line.
pub fn parse_lexicon(text: &str) -> Result<Vec<(&str, f32)>, String> {
    let mut out = Vec::with_capacity(text.len() / 10);
    let mut previous: &[u8] = &[];
    let lines = text.strip_suffix('\n').unwrap_or(text);
    for (n, line) in lines.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let b = line.as_bytes();
        let parsed = b
            .iter()
            .position(|&c| c == b'\t')
            .filter(|&tab| tab > 0)
            .and_then(|tab| Some((tab, tenths_bytes(&b[tab + 1..])?)));
        let Some((tab, v)) = parsed else {
            return Err(format!(
                "the sentiment lexicon, line {}: expected a word, a tab and a valence",
                n + 1
            ));
        };
        if &b[..tab] <= previous {
            return Err(format!(
                "the sentiment lexicon, line {}: not in sorted order",
                n + 1
            ));
        }
        previous = &b[..tab];
        out.push((&line[..tab], v as f32 / 10.0));
    }
    Ok(out)
}

/// `-?digits.digit` as tenths, from bytes.
fn tenths_bytes(b: &[u8]) -> Option<i32> {
    let (neg, b) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, b),
    };
    let dot = b.iter().position(|&c| c == b'.')?;
    if dot == 0 || dot + 2 != b.len() {
        return None;
    }
    let mut v: i32 = 0;
    for &c in b[..dot].iter().chain(&b[dot + 1..]) {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(i32::from(c - b'0'))?;
    }
    Some(if neg { -v } else { v })
}

const B_INCR: f32 = 0.293;
const B_DECR: f32 = -0.293;
/// The lift for a word in capitals among words that are not.
const C_INCR: f32 = 0.733;
/// How a negation scales a valence.
const N_SCALAR: f32 = -0.74;
/// The normalisation constant: about the largest sum expected.
const ALPHA: f32 = 15.0;

/// Words that negate what follows (any word containing "n't" does too).
pub(crate) const NEGATIONS: crate::core::words::Words = listed_words!["sentiment/negations";
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// Intensity modifiers: boosters raise the next word's valence by [`B_INCR`], dampeners lower
/// it by [`B_DECR`]. Lists of the rule file in the page.
pub(crate) const BOOSTERS_UP: crate::core::words::Words = listed_words!["sentiment/boosters-up";
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];
pub(crate) const BOOSTERS_DOWN: crate::core::words::Words = listed_words!["sentiment/boosters-down";
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of",
];

/// Multi-word expressions whose valence replaces the word's.
const SPECIAL: &[(&str, f32)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("badass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

/// Common emoji, read as the words that describe them (as the reference does with its emoji
/// table): each the emoji, a space and its words. A list of the rule file in the page (the
/// module does not carry the words).
pub(crate) const EMOJI: crate::core::words::Words = listed_words!["sentiment/emoji";
    "😀 grinning face",
    "😂 face with tears of joy",
    "😊 smiling face with smiling eyes",
    "😍 smiling face with heart-eyes",
    "🥰 smiling face with 3 hearts",
    "🙄 face with rolling eyes",
    "😫 tired face",
    "😒 unamused face",
    "😔 pensive face",
    "😕 confused face",
    "😞 disappointed face",
    "😟 worried face",
    "😤 face with steam from nose",
    "😢 crying face",
    "😭 loudly crying face",
    "😩 weary face",
    "😬 grimacing face",
    "😡 pouting face",
    "😠 angry face",
    "🤬 face with symbols on mouth",
    "💩 pile of poo",
    "🤦 person facepalming",
    "👍 thumbs up",
    "👎 thumbs down",
    "👏 clapping hands",
    "🙏 folded hands",
    "❤ red heart",
    "💔 broken heart",
    "🎉 party popper",
];

/// The words describing emoji `c`, if it is one [`EMOJI`] knows.
fn emoji_words(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    // Read once into a table: a message's every letter is looked up.
    let table = once_there(
        {
            static CELL: OnceLock<Vec<(char, &'static str)>> = OnceLock::new();
            &CELL
        },
        || {
            EMOJI
                .iter()
                .filter_map(|w| {
                    let mut chars = w.chars();
                    Some((chars.next()?, chars.as_str().strip_prefix(' ')?))
                })
                .collect()
        },
    );
    table.iter().find(|(e, _)| *e == c).map(|&(_, d)| d)
}

/// What `cell` holds, made by `make` the first time it gives something: in the page, the word
/// lists come with the rule file, and a table made before it would stay empty.
fn once_there<T>(cell: &'static OnceLock<Vec<T>>, make: impl FnOnce() -> Vec<T>) -> &'static [T] {
    if let Some(v) = cell.get() {
        return v;
    }
    let v = make();
    if v.is_empty() {
        return &[];
    }
    cell.get_or_init(|| v)
}

/// The lexicon: (word, mean valence), sorted by bytes, so lookups can bisect. Natively parsed
/// on first use; in the page, what [`install_lexicon`] read (empty until then).
fn lexicon() -> &'static [(&'static str, f32)] {
    #[cfg(target_arch = "wasm32")]
    return INSTALLED.get().map_or(&[], Vec::as_slice);
    #[cfg(not(target_arch = "wasm32"))]
    {
        static LEX: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();
        LEX.get_or_init(|| parse_lexicon(LEXICON_TSV).expect("the lexicon parses (tested)"))
    }
}

/// The lexicon's mean valence for a lower-case word (−4..4), if it has one.
pub fn valence(word: &str) -> Option<f32> {
    let lex = lexicon();
    lex.binary_search_by(|(w, _)| (*w).cmp(word))
        .ok()
        .map(|i| lex[i].1)
}

/// The boosters and what each adds, sorted (each word of a message is looked up), read once.
fn boosters() -> &'static [(&'static str, f32)] {
    static CELL: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();
    once_there(&CELL, || {
        let mut all: Vec<(&'static str, f32)> = BOOSTERS_UP
            .iter()
            .map(|w| (w, B_INCR))
            .chain(BOOSTERS_DOWN.iter().map(|w| (w, B_DECR)))
            .collect();
        crate::core::sort::sort_by(&mut all, |a, b| a.0.cmp(b.0));
        all
    })
}

fn booster(word: &str) -> Option<f32> {
    let all = boosters();
    all.binary_search_by(|(w, _)| (*w).cmp(word))
        .ok()
        .map(|i| all[i].1)
}

fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(word) || word.contains("n't")
}

/// Python's `str.isupper`: has a cased letter and no lower-case one.
fn is_upper(s: &str) -> bool {
    s.chars().any(is_capital) && !s.chars().any(is_small)
}

/// Whether the words in `phrase` (space-separated) are exactly `words`.
fn phrase_is(phrase: &str, words: &[&str]) -> bool {
    phrase.split(' ').eq(words.iter().copied())
}

fn special(words: &[&str]) -> Option<f32> {
    SPECIAL
        .iter()
        .find(|(p, _)| phrase_is(p, words))
        .map(|&(_, v)| v)
}

fn multiword_booster(words: &[&str]) -> Option<f32> {
    boosters()
        .iter()
        .find(|(p, _)| p.contains(' ') && phrase_is(p, words))
        .map(|&(_, v)| v)
}

/// Whether `c` is ASCII punctuation (Python's `string.punctuation`).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
}

/// Strips leading and trailing punctuation from a word unless that leaves two characters or
/// fewer (then it was probably an emoticon such as ":)").
fn strip_punct(token: &str) -> &str {
    let stripped = token.trim_matches(is_punct);
    if stripped.chars().count() <= 2 {
        token
    } else {
        stripped
    }
}

/// The compound sentiment of `text`, −1 (most negative) to 1 (most positive); 0 when no word
/// carries sentiment.
pub fn compound(text: &str) -> f32 {
    // Emoji are read as their descriptions.
    let mut expanded = String::new();
    let source = if text.chars().any(|c| emoji_words(c).is_some()) {
        let mut prev_space = true;
        for c in text.chars() {
            if let Some(desc) = emoji_words(c) {
                if !prev_space {
                    expanded.push(' ');
                }
                expanded.push_str(desc);
                prev_space = false;
            } else {
                expanded.push(c);
                prev_space = c == ' ';
            }
        }
        expanded.as_str()
    } else {
        text
    };
    let tokens: Vec<&str> = source.split_whitespace().map(strip_punct).collect();
    if tokens.is_empty() {
        return 0.0;
    }
    let lowered: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let lower: Vec<&str> = lowered.iter().map(String::as_str).collect();
    let caps = tokens.iter().filter(|t| is_upper(t)).count();
    let words = Words {
        cap_diff: caps > 0 && caps < tokens.len(),
        lex: lower.iter().map(|w| valence(w)).collect(),
        boost: lower.iter().map(|w| booster(w)).collect(),
        tokens,
        lower,
    };

    let lower = &words.lower;
    let mut sentiments: Vec<f32> = Vec::with_capacity(lower.len());
    for i in 0..lower.len() {
        if words.boost[i].is_some() || (lower[i] == "kind" && lower.get(i + 1) == Some(&"of")) {
            sentiments.push(0.0);
            continue;
        }
        sentiments.push(word_valence(&words, i));
    }

    // "but": what comes before counts half, what comes after half as much again.
    if let Some(bi) = lower.iter().position(|w| *w == "but") {
        for (si, s) in sentiments.iter_mut().enumerate() {
            if si < bi {
                *s *= 0.5;
            } else if si > bi {
                *s *= 1.5;
            }
        }
    }

    let mut sum: f32 = sentiments.iter().sum();
    let bangs = source.matches('!').count().min(4) as f32 * 0.292;
    let questions = match source.matches('?').count() {
        0 | 1 => 0.0,
        n @ 2..=3 => n as f32 * 0.18,
        _ => 0.96,
    };
    let emphasis = bangs + questions;
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0)
}

/// A text's words, looked up once.
struct Words<'a> {
    tokens: Vec<&'a str>,
    lower: Vec<&'a str>,
    /// Each word's lexicon valence and booster value.
    lex: Vec<Option<f32>>,
    boost: Vec<Option<f32>>,
    /// Some words, but not all, are in capitals.
    cap_diff: bool,
}

/// The valence of the word at `i`, with the rules for the words around it.
fn word_valence(w: &Words<'_>, i: usize) -> f32 {
    let Some(base) = w.lex[i] else {
        return 0.0;
    };
    let (tokens, lower, cap_diff) = (&w.tokens, &w.lower, w.cap_diff);
    let in_lex = |k: usize| w.lex[k].is_some();
    let mut v = base;
    if lower[i] == "no" && i + 1 < lower.len() && in_lex(i + 1) {
        v = 0.0;
    }
    if (i > 0 && lower[i - 1] == "no")
        || (i > 1 && lower[i - 2] == "no")
        || (i > 2 && lower[i - 3] == "no" && matches!(lower[i - 1], "or" | "nor"))
    {
        v = base * N_SCALAR;
    }
    if cap_diff && is_upper(tokens[i]) {
        v += if v > 0.0 { C_INCR } else { -C_INCR };
    }
    for back in 0..3 {
        if i <= back || in_lex(i - (back + 1)) {
            continue;
        }
        let j = i - (back + 1);
        let mut s = modifier(tokens[j], w.boost[j], v, cap_diff);
        if s != 0.0 {
            s *= [1.0, 0.95, 0.9][back];
        }
        v += s;
        v = negation(v, lower, back, i);
        if back == 2 {
            v = idioms(v, lower, i);
        }
    }
    // "least" before a word negates it, unless "at least" or "very least".
    if i > 0
        && lower[i - 1] == "least"
        && !in_lex(i - 1)
        && (i == 1 || !matches!(lower[i - 2], "at" | "very"))
    {
        v *= N_SCALAR;
    }
    v
}

/// The boost or damping a word gives the sentiment word after it.
fn modifier(token: &str, boost: Option<f32>, v: f32, cap_diff: bool) -> f32 {
    let Some(mut s) = boost else {
        return 0.0;
    };
    if v < 0.0 {
        s = -s;
    }
    if cap_diff && is_upper(token) {
        s += if v > 0.0 { C_INCR } else { -C_INCR };
    }
    s
}

/// Negation `back + 1` words before word `i` ("never so", "never this" strengthen instead;
/// "without doubt" is not a negation).
fn negation(v: f32, l: &[&str], back: usize, i: usize) -> f32 {
    match back {
        0 if is_negation(l[i - 1]) => v * N_SCALAR,
        1 => {
            if l[i - 2] == "never" && matches!(l[i - 1], "so" | "this") {
                v * 1.25
            } else if l[i - 2] == "without" && l[i - 1] == "doubt" {
                v
            } else if is_negation(l[i - 2]) {
                v * N_SCALAR
            } else {
                v
            }
        }
        2 => {
            if (l[i - 3] == "never" && matches!(l[i - 2], "so" | "this"))
                || matches!(l[i - 1], "so" | "this")
            {
                v * 1.25
            } else if l[i - 3] == "without" && (l[i - 2] == "doubt" || l[i - 1] == "doubt") {
                v
            } else if is_negation(l[i - 3]) {
                v * N_SCALAR
            } else {
                v
            }
        }
        _ => v,
    }
}

/// Special multi-word expressions around word `i` (at least three words in), and multi-word
/// dampeners ("kind of") before it.
fn idioms(mut v: f32, l: &[&str], i: usize) -> f32 {
    let before: [&[&str]; 5] = [
        &l[i - 1..=i],
        &l[i - 2..=i],
        &l[i - 2..i],
        &l[i - 3..i],
        &l[i - 3..i - 1],
    ];
    if let Some(s) = before.iter().find_map(|w| special(w)) {
        v = s;
    }
    if i + 1 < l.len() {
        if let Some(s) = special(&l[i..=i + 1]) {
            v = s;
        }
    }
    if i + 2 < l.len() {
        if let Some(s) = special(&l[i..=i + 2]) {
            v = s;
        }
    }
    for w in [&l[i - 3..i], &l[i - 3..i - 1], &l[i - 2..i]] {
        if let Some(b) = multiword_booster(w) {
            v += b;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compound scores from the reference implementation: vaderSentiment 3.3.2 from PyPI,
    /// `SentimentIntensityAnalyzer().polarity_scores(text)["compound"]` (rounded there to four
    /// places).
    const REFERENCE: &[(&str, f32)] = &[
        ("VADER is smart, handsome, and funny.", 0.8316),
        ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
        ("At least it isn't a horrible book.", 0.431),
        ("The book was only kind of good.", 0.3832),
        (
            "The plot was good, but the characters are uncompelling and the dialog is not great.",
            -0.7042,
        ),
        ("Today SUX!", -0.5461),
        (
            "This is the third time my order is late. Ridiculous!!",
            -0.4738,
        ),
        ("Thanks so much, that fixed it :)", 0.7096),
        ("I am NOT happy with this service", -0.4585),
        ("not bad at all", 0.431),
        ("Sentiment analysis has never been this good!", 0.5672),
        (
            "The app is kind of slow but the support was really helpful",
            0.8266,
        ),
        ("Why is my bill so high??", 0.0),
        ("I love it 😍", 0.802),
        ("worst customer service ever 😡", -0.6249),
        ("no problem, thanks", -0.0382),
        ("Without a doubt, an excellent idea.", 0.7013),
        ("gracias", 0.0),
    ];

    #[test]
    fn matches_the_reference_implementation() {
        for &(text, want) in REFERENCE {
            let got = compound(text);
            assert!(
                (got - want).abs() < 0.0006,
                "{text:?}: got {got:.4}, the reference gives {want}"
            );
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn lexicon_is_sorted_and_complete() {
        let lex = lexicon();
        assert_eq!(lex.len(), LEXICON_TSV.lines().count(), "every line parses");
        assert!(lex.len() > 7000, "{}", lex.len());
        assert!(lex.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(valence("good"), Some(1.9));
        assert_eq!(valence("nonexistentword"), None);
        assert_eq!(valence("horrible"), Some(-2.5));
        // Broken files are refused with the line named.
        let err = |t: &str| parse_lexicon(t).unwrap_err();
        assert_eq!(
            parse_lexicon("a\t1.0\nb\t-2.5\n").unwrap(),
            [("a", 1.0), ("b", -2.5)]
        );
        assert!(err("a\t1.0\nb 2.0\n").contains("line 2: expected"));
        assert!(err("a\t1.0\nb\t2.05\n").contains("line 2: expected"));
        assert!(err("a\t1.0\n\nb\t2.0\n").contains("line 2: expected"));
        assert!(err("b\t1.0\na\t2.0").contains("line 2: not in sorted order"));
        assert!(err("a\t1.0\na\t2.0").contains("line 2: not in sorted order"));
        use super::super::text::tenths;
        assert_eq!(tenths("-0.3"), Some(-3));
        assert_eq!(tenths("3"), Some(30));
        assert_eq!(tenths("1.25"), None);
        assert_eq!(tenths("x"), None);
    }

    #[test]
    fn empty_and_neutral_text_is_zero() {
        assert_eq!(compound(""), 0.0);
        assert_eq!(compound("   \n "), 0.0);
        assert_eq!(compound("tracking 1234"), 0.0);
    }
}
