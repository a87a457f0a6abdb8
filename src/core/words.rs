//! Word lists kept as one string each: `words!["a", "b c"]` is `Words("a|b c|")`.
//!
//! A `&[&str]` holds a pointer and a length (8 bytes in the module) beside every word, and
//! those tables compress badly: kept as `words!` instead, the checks' and the analysis's word
//! lists (about 1,800 words) made the gzipped module 3.8 kB smaller (299,933 to 296,089
//! bytes). One string, each word followed by `|`, holds the same words without the tables;
//! the macro refuses at compile time a word holding a `|`.

/// A word list made by [`words!`]: each word followed by `|`.
#[derive(Clone, Copy)]
pub struct Words(pub &'static str);

impl Words {
    /// The words, in their order.
    pub fn iter(self) -> std::str::SplitTerminator<'static, char> {
        self.text().split_terminator('|')
    }

    /// The words, each followed by `|`: in the page, a list made by [`listed_words!`] is the
    /// rule file's section `[words/<name>]` (none until the file is installed).
    #[cfg(target_arch = "wasm32")]
    fn text(self) -> &'static str {
        match self.0.strip_prefix('\0') {
            Some(name) => crate::core::analysis::text::installed_section("words/", name)
                .map_or("", |s| s.trim_end_matches('\n')),
            None => self.0,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    fn text(self) -> &'static str {
        self.0
    }

    /// No words: in the page, a `listed_words!` list before the rule file is installed (or
    /// when it failed to load).
    pub fn is_empty(self) -> bool {
        self.iter().next().is_none()
    }

    /// The list with its words in hand, for a loop that asks it often: in the page, the rule
    /// file's section is looked up once (each [`Words::contains`] of a listed list looks it up
    /// among the file's sections).
    pub fn resolved(self) -> Words {
        Words(self.text())
    }

    /// Whether `word` is one of the words (exactly).
    #[inline(never)]
    pub fn contains(self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }
}

/// How many `|` `s` holds (for the check in [`words!`]).
pub const fn bars(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        if b[i] == b'|' {
            n += 1;
        }
        i += 1;
    }
    n
}

/// A [`Words`] of string literals.
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        const S: &str = concat!($($w, "|"),*);
        const _: () = assert!(
            $crate::core::words::bars(S) == <[&str]>::len(&[$($w),*]),
            "a word of the list holds a |"
        );
        $crate::core::words::Words(S)
    }};
}

/// A [`Words`] named in [`crate::core::check::text::WORD_LISTS`]: `listed_words!("tone/jargon";
/// "a", "b")`. Natively the words; in the page, the name, and the words come from the rule
/// file (written by the build from [`crate::core::check::text::word_list`]): the module does
/// not carry them.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! listed_words {
    ($name:literal; $($w:literal),* $(,)?) => {
        words![$($w),*]
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! listed_words {
    ($name:literal; $($w:literal),* $(,)?) => {
        $crate::core::words::Words(concat!("\0", $name))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_the_literals_in_order() {
        const W: Words = words!["a", "b c", "", "dé"];
        assert_eq!(W.iter().collect::<Vec<_>>(), ["a", "b c", "", "dé"]);
        assert!(W.contains("b c") && W.contains("") && W.contains("dé"));
        assert!(!W.contains("b") && !W.contains("a|") && !W.contains("|"));
        const NONE: Words = words![];
        assert_eq!(NONE.iter().count(), 0);
        assert!(!NONE.contains(""));
        assert!(NONE.is_empty() && !W.is_empty());
    }
}
