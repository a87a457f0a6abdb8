//! Who takes part in a conversation, as the name checks compare them: lower-cased handles and
//! name words.

use crate::core::conversation::{Author, Conversation, Party};

/// A set of words kept sorted: lookups bisect. (A hash set hashes with 64-bit arithmetic,
/// which the JavaScript translation of the module emulates slowly.)
#[derive(Debug, Default)]
pub struct WordSet(Vec<String>);

impl WordSet {
    pub fn insert(&mut self, w: String) {
        if let Err(at) = self.0.binary_search(&w) {
            self.0.insert(at, w);
        }
    }
    pub fn contains(&self, w: &str) -> bool {
        self.0.binary_search_by(|x| x.as_str().cmp(w)).is_ok()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Debug, Default)]
pub struct People {
    /// Handles without `@`, lower-cased: authors and everyone @mentioned in the thread.
    pub handles: WordSet,
    /// Words of every author's display name, lower-cased.
    pub names: WordSet,
    /// The customer's handles and name words only.
    pub customer_handles: WordSet,
    pub customer_names: WordSet,
}

impl People {
    pub fn is_name(&self, word: &str) -> bool {
        self.names.contains(&fold(word))
    }
    pub fn is_handle(&self, word: &str) -> bool {
        self.handles.contains(&fold(word))
    }
    pub fn is_customer(&self, word: &str) -> bool {
        let f = fold(word);
        self.customer_names.contains(&f) || self.customer_handles.contains(&f)
    }
}

/// Lower-cases and drops the accents of Latin letters, so "María" and "maria" compare equal.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// The words of a display name that can be a name (letters, two or more).
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .map(fold)
}

/// The handles @mentioned in a text, without `@`.
pub fn mentions(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('@').filter_map(move |(at, _)| {
        let glued = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        let rest = &text[at + 1..];
        // Letters, digits, `_`, and `.` between them (Instagram's "marco.trails").
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            let inner = c.is_alphanumeric()
                || c == '_'
                || (c == '.'
                    && i > 0
                    && rest[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric));
            if !inner {
                break;
            }
            end = i + c.len_utf8();
        }
        (!glued && end > 0).then(|| &rest[..end])
    })
}

impl People {
    pub fn of(c: &Conversation) -> People {
        let mut p = People::default();
        let add = |a: &Author, customer: bool, p: &mut People| {
            for w in name_words(&a.name) {
                p.names.insert(w.clone());
                if customer {
                    p.customer_names.insert(w);
                }
            }
            if let Some(h) = &a.handle {
                let h = fold(h.trim_start_matches('@'));
                p.handles.insert(h.clone());
                if customer {
                    p.customer_handles.insert(h);
                }
            }
        };
        if let Some(a) = &c.customer {
            add(a, true, &mut p);
        }
        let mut seen: Vec<(&Author, Party)> = Vec::new();
        for m in c.messages.iter() {
            // Long threads are a few people writing many times: fold each author once.
            if !seen
                .iter()
                .any(|&(a, party)| a == &m.author && party == m.party)
            {
                seen.push((&m.author, m.party));
                add(&m.author, m.party == Party::Customer, &mut p);
            }
            for h in mentions(&m.text) {
                p.handles.insert(fold(h));
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn mentions_keep_instagram_dots_but_not_a_full_stop() {
        let found: Vec<&str> =
            mentions("@marco.trails hi, cc @Acme_Help. mail me@example.com @kai.").collect();
        assert_eq!(found, ["marco.trails", "Acme_Help", "kai"]);
    }
}
