//! Language guessing from very common words and a few letters and letter groups typical of each
//! language. Small on purpose: it only needs to tell the customer's language apart from the
//! few that care teams meet most, and to say when it cannot.

use super::LangGuess;
use crate::core::words::Words;

/// Each language's most common short words. A word listed under two languages counts for both.
const LANGS: &[(&str, Words)] = &[
    (
        "en",
        listed_words!["lang/en";
            "the", "and", "is", "to", "of", "it", "you", "my", "i", "in", "for", "this", "that",
            "with", "not", "have", "was", "your", "are", "on", "me", "can", "but", "just", "why",
            "what", "how", "get", "been", "still", "im", "i'm", "it's", "don't", "please",
            "thanks", "be", "at", "will", "they", "we", "no", "so", "all", "do", "an", "from",
            "there",
        ],
    ),
    (
        "es",
        listed_words!["lang/es";
            "el", "la", "de", "que", "y", "en", "los", "las", "por", "un", "una", "con", "no",
            "mi", "es", "para", "me", "lo", "se", "del", "al", "pero", "ya", "muy", "gracias",
            "hola", "como", "esta", "está", "todo", "porque", "nada", "hace", "sigo", "tengo",
            "su", "más", "mas", "hay", "sin", "qué", "cómo", "también", "son",
            // Words of a care team's short replies ("Te escribimos hoy", "Lo sentimos").
            "te", "tu", "tus", "nos", "hoy", "mañana", "ahora", "aquí", "aqui", "estamos",
            "hemos", "puedes", "podemos", "mucho", "muchas", "cuando", "donde", "dónde",
            "bien", "usted", "disculpa", "disculpe", "sentimos", "siento",
        ],
    ),
    (
        "de",
        listed_words!["lang/de";
            "der", "die", "das", "und", "ist", "nicht", "ich", "mit", "sie", "ein", "eine", "zu",
            "auf", "für", "den", "dem", "es", "von", "mein", "meine", "aber", "noch", "wie",
            "warum", "bitte", "danke", "kein", "keine", "schon", "seit", "wird", "habe", "hat",
            "auch", "nur", "sind", "bei", "was", "wir", "ihr",
        ],
    ),
    (
        "fr",
        listed_words!["lang/fr";
            "le", "la", "les", "de", "des", "et", "est", "je", "pas", "un", "une", "que", "qui",
            "pour", "dans", "mon", "ma", "mes", "vous", "nous", "avec", "sur", "ce", "merci",
            "bonjour", "toujours", "mais", "il", "elle", "du", "au", "ne", "ça", "c'est", "j'ai",
            "très", "plus", "votre", "rien", "depuis", "suis",
        ],
    ),
    (
        "pt",
        listed_words!["lang/pt";
            "o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com",
            "não", "nao", "meu", "minha", "por", "mais", "mas", "foi", "obrigado", "obrigada",
            "ainda", "está", "estou", "você", "voce", "isso", "já", "muito", "no", "na", "dos",
            "das", "tem", "nada", "sem", "quando",
        ],
    ),
    (
        "it",
        listed_words!["lang/it";
            "il", "lo", "la", "di", "che", "e", "è", "un", "una", "per", "non", "con", "mi",
            "sono", "del", "della", "ho", "ma", "come", "grazie", "ancora", "perché", "perche",
            "questo", "anche", "già", "gli", "le", "nel", "alla", "ci", "si", "più", "mio", "mia",
            "sempre", "da", "ciao", "niente",
        ],
    ),
    (
        "nl",
        listed_words!["lang/nl";
            "de", "het", "een", "en", "van", "is", "ik", "niet", "dat", "op", "te", "met", "voor",
            "mijn", "je", "jullie", "maar", "nog", "er", "wel", "geen", "al", "bij", "dank",
            "bedankt", "waarom", "hoe", "wat", "ook", "naar", "heb", "heeft", "zijn", "nu", "om",
            "uit", "dit", "kan",
        ],
    ),
];

/// Letters and letter groups that point to one language, with a weight.
const MARKS: &[(&str, &str, f32)] = &[
    ("es", "ñ", 1.5),
    ("es", "¿", 2.0),
    ("es", "¡", 2.0),
    ("es", "ción", 1.0),
    ("de", "ß", 2.0),
    ("de", "sch", 0.5),
    ("de", "ä", 1.0),
    ("de", "ö", 0.7),
    ("de", "ü", 0.5),
    ("fr", "ç", 0.8),
    ("fr", "eau", 1.0),
    ("fr", "è", 0.8),
    ("fr", "ê", 1.0),
    ("fr", "qu'", 1.0),
    ("pt", "ã", 2.0),
    ("pt", "õ", 2.0),
    ("pt", "ção", 1.5),
    ("pt", "lh", 0.5),
    ("pt", "nh", 0.5),
    ("it", "zione", 1.0),
    ("it", "gli", 0.8),
    ("it", "ò", 1.0),
    ("nl", "ij", 1.0),
    ("nl", "oe", 0.5),
    ("nl", "aa", 0.7),
    ("nl", "ee", 0.3),
    ("en", "th", 0.3),
    ("en", "ing", 0.5),
];

/// The indices into [`MARKS`] by the first byte of the letter group.
fn marks_by_first_byte() -> &'static [Vec<u8>] {
    static TABLE: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![Vec::new(); 256];
        for (m, (_, mark, _)) in MARKS.iter().enumerate() {
            t[usize::from(mark.as_bytes()[0])].push(m as u8);
        }
        t
    })
}

// A word's letter groups are bits of a u32.
const _: () = assert!(MARKS.len() <= 32);
// The languages of a word are bits of a u8.
const _: () = assert!(LANGS.len() <= 8);

/// Every word of [`LANGS`], sorted, with the languages it belongs to (bit k = `LANGS[k]`):
/// a word is looked up once, not in each list.
///
/// In the page the lists are the rule file's (`listed_words!`): before the file is installed
/// the table is empty and is not kept.
fn common_words() -> &'static [(&'static str, u8)] {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, u8)>> = std::sync::OnceLock::new();
    if let Some(table) = TABLE.get() {
        return table;
    }
    let mut table: Vec<(&'static str, u8)> = Vec::new();
    for (k, (_, list)) in LANGS.iter().enumerate() {
        for w in list.iter() {
            match table.binary_search_by(|(x, _)| (*x).cmp(w)) {
                Ok(at) => table[at].1 |= 1 << k,
                Err(at) => table.insert(at, (w, 1 << k)),
            }
        }
    }
    if table.is_empty() {
        return &[];
    }
    TABLE.get_or_init(|| table)
}

/// The common words of language `code` (one of [`LANGS`]), for the rule file.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn common_list(code: &str) -> Option<Words> {
    LANGS.iter().find(|(c, _)| *c == code).map(|(_, w)| *w)
}

/// The language of `text`, or `None` when there is nothing to go on. `confident` is false for
/// short texts (fewer than four words) or when a second language scores close to the first.
pub fn detect_language(text: &str) -> Option<LangGuess> {
    let text = super::text::clip(text, super::text::MAX_BYTES);
    if let Some(guess) = by_script(text) {
        return Some(guess);
    }
    let (scores, words) = latin_scores(text);
    let (best, second) = ranked(&scores);
    if scores[best] < 1.0 {
        return None;
    }
    let confident = words >= 4 && scores[best] >= 2.0 && scores[best] >= scores[second] * 1.5 + 0.5;
    Some(LangGuess {
        code: LANGS[best].0,
        confident,
    })
}

/// The language of a short `text` that is clearly not `expected` (the customer's, told
/// confidently), where [`detect_language`] is not confident on so few words: three words or
/// more, two of them common words of one language and none of `expected`'s, and no other
/// language close (as a confident guess measures it). "Estamos en ello." to an English
/// customer.
pub fn clearly_not_in(text: &str, expected: &str) -> Option<&'static str> {
    let text = super::text::clip(text, super::text::MAX_BYTES);
    if by_script(text).is_some() {
        return None;
    }
    let (scores, words) = latin_scores(text);
    let (best, second) = ranked(&scores);
    let theirs = LANGS
        .iter()
        .position(|(c, _)| *c == expected)
        .map_or(0.0, |k| scores[k]);
    (LANGS[best].0 != expected
        && words >= 3
        && scores[best] >= 2.0
        && theirs < 0.5
        && scores[best] >= scores[second] * 1.5 + 0.5)
        .then_some(LANGS[best].0)
}

/// The best and second best of [`LANGS`] by score.
fn ranked(scores: &[f32; 7]) -> (usize, usize) {
    let mut order: Vec<usize> = (0..LANGS.len()).collect();
    super::text::sort_desc(&mut order, |&k| scores[k]);
    (order[0], order[1])
}

/// Each of [`LANGS`]' score for a Latin-script `text` (a point per common word, less for
/// letter groups), and how many words it has.
fn latin_scores(text: &str) -> ([f32; 7], usize) {
    let mut scores = [0.0f32; 7];
    let mut words = 0usize;
    let table = common_words();
    let marks = marks_by_first_byte();
    let mut w = String::new();
    for raw in text.split_whitespace() {
        if raw.starts_with('@') || raw.starts_with("http") {
            continue;
        }
        // Lower-cased with straight apostrophes, into one buffer reused for every word.
        w.clear();
        for c in raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .chars()
        {
            if c == '’' {
                w.push('\'');
            } else if c.is_ascii() {
                w.push(c.to_ascii_lowercase());
            } else {
                w.extend(c.to_lowercase());
            }
        }
        if w.is_empty() || !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if let Ok(at) = table.binary_search_by(|(x, _)| (*x).cmp(w.as_str())) {
            let langs = table[at].1;
            for (k, score) in scores.iter_mut().enumerate() {
                if langs & (1 << k) != 0 {
                    *score += 1.0;
                }
            }
        }
        // Each letter group once per word, found from its first byte.
        let b = w.as_bytes();
        let mut found: u32 = 0;
        for i in 0..b.len() {
            for &m in &marks[usize::from(b[i])] {
                let (code, mark, weight) = MARKS[usize::from(m)];
                if found & (1 << m) == 0 && b[i..].starts_with(mark.as_bytes()) {
                    found |= 1 << m;
                    let k = LANGS.iter().position(|(c, _)| *c == code).unwrap_or(0);
                    scores[k] += weight * 0.5;
                }
            }
        }
    }
    for &(code, mark, weight) in MARKS {
        if matches!(mark, "¿" | "¡") && text.contains(mark) {
            let k = LANGS.iter().position(|(c, _)| *c == code).unwrap_or(0);
            scores[k] += weight;
        }
    }
    (scores, words)
}

/// Languages told by their script alone: (first, last code point, language). Kana before the
/// Han ideographs, so Japanese text (which mixes both) is read as Japanese.
const SCRIPTS: &[(u32, u32, &str)] = &[
    (0x3040, 0x30FF, "ja"),
    (0xAC00, 0xD7AF, "ko"),
    (0x1100, 0x11FF, "ko"),
    (0x4E00, 0x9FFF, "zh"),
    (0x0900, 0x097F, "hi"),
    (0x0600, 0x06FF, "ar"),
    (0x0E00, 0x0E7F, "th"),
    (0x0400, 0x04FF, "ru"),
    (0x0370, 0x03FF, "el"),
    (0x0590, 0x05FF, "he"),
];

/// Every language code a guess can give.
#[cfg(test)]
pub(crate) fn codes() -> impl Iterator<Item = &'static str> {
    LANGS.iter().map(|l| l.0).chain(SCRIPTS.iter().map(|s| s.2))
}

/// Below this code point no script of [`SCRIPTS`] begins.
const FIRST_SCRIPT_CODE_POINT: u32 = 0x0370;
const _: () = {
    let mut k = 0;
    while k < SCRIPTS.len() {
        assert!(SCRIPTS[k].0 >= FIRST_SCRIPT_CODE_POINT);
        k += 1;
    }
};

/// The language of a text mostly written in a script only one of the languages here uses.
/// Confident when that script carries most of the letters and there are at least four of them.
fn by_script(text: &str) -> Option<LangGuess> {
    let mut counts = [0usize; SCRIPTS.len()];
    let mut letters = 0usize;
    let words = text
        .split_whitespace()
        .filter(|w| !w.starts_with('@') && !w.starts_with("http"));
    for c in words.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        letters += 1;
        let cp = c as u32;
        // Latin letters (most of them, in most texts) belong to none of the scripts.
        if cp < FIRST_SCRIPT_CODE_POINT {
            continue;
        }
        if let Some(k) = SCRIPTS
            .iter()
            .position(|&(lo, hi, _)| (lo..=hi).contains(&cp))
        {
            counts[k] += 1;
        }
    }
    let kana = counts[0];
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    if n == 0 || n * 2 < letters {
        // Latin-script text, or too little of any one script.
        return (kana > 0 && kana * 4 >= letters).then_some(LangGuess {
            code: "ja",
            confident: false,
        });
    }
    // Han ideographs with any kana are Japanese.
    let code = if SCRIPTS[best].2 == "zh" && kana > 0 {
        "ja"
    } else {
        SCRIPTS[best].2
    };
    Some(LangGuess {
        code,
        confident: n >= 4 && n * 4 >= letters * 3,
    })
}
