//! Finding a template by what the agent types: title, tags and text, case- and
//! accent-insensitive, every word a prefix, all words required.

use super::{all, LibTemplate};
use crate::core::conversation::{Lang, Surface};
use crate::core::template::parse;

/// Lowercases and strips the accents of Latin letters ("Devolución" → "devolucion").
pub fn normalize(s: &str) -> String {
    s.chars()
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

/// Points for a query word found in each field: (exact word, prefix of a word).
const TITLE: (u32, u32) = (6, 4);
const TAG: (u32, u32) = (5, 3);
const ID: (u32, u32) = (4, 2);
const TEXT: (u32, u32) = (2, 1);

fn best(word: &str, field: &[String], (exact, prefix): (u32, u32)) -> u32 {
    field.iter().fold(0, |acc, w| {
        let p = if w == word {
            exact
        } else if w.starts_with(word) {
            prefix
        } else {
            0
        };
        acc.max(p)
    })
}

/// The templates matching every word of `query` in `lang`, best first (ties keep library
/// order). A word matches a word of the title, the tags, the id or the text (every surface and
/// every alternative) that it equals or starts. An empty query lists every template.
pub fn search(query: &str, lang: Lang) -> Vec<&'static LibTemplate> {
    let query = words(query);
    let mut hits: Vec<(u32, &'static LibTemplate)> = all()
        .filter_map(|t| {
            let texts = t.texts(lang);
            let title = words(texts.title);
            let tags: Vec<String> = t.tags.iter().flat_map(|tag| words(tag)).collect();
            let id = words(t.id);
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
            let body = words(&body);
            let mut score = 0;
            for w in &query {
                // Summed, so a word found in the title, the tags and the text outranks one
                // found in a single place.
                let s = best(w, &title, TITLE)
                    + best(w, &tags, TAG)
                    + best(w, &id, ID)
                    + best(w, &body, TEXT);
                if s == 0 {
                    return None;
                }
                score += s;
            }
            Some((score, t))
        })
        .collect();
    hits.sort_by_key(|h| std::cmp::Reverse(h.0));
    hits.into_iter().map(|(_, t)| t).collect()
}
