//! Ranking templates for a conversation. Decoupled from the analysis: the caller scores
//! scenarios (and words its own reasons, "customer mentions a refund"); this picks the
//! templates.

use super::{all, built_in, own, LibTemplate};
use crate::core::conversation::{Lang, Surface};
use crate::core::scenario::Scenario;
use serde::Serialize;

/// How many suggestions the panel shows by default.
pub const DEFAULT_LIMIT: usize = 3;

/// A suggested template: which scenario it matched and how strongly.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub template: &'static LibTemplate,
    /// The scored scenario the template was chosen for.
    pub scenario: Scenario,
    /// The ranking score: the caller's scenario score with the adjustments below applied.
    pub score: f32,
    /// Whether the text was written for this surface (not shared with the other one).
    pub tailored: bool,
}

/// A template's secondary scenarios count this much of their score.
const SECONDARY: f32 = 0.7;
/// A text shared by both surfaces counts this much of a tailored one.
const SHARED_FORM: f32 = 0.9;
/// Safety, legal and crisis holding replies are lifted so they are not buried (Q24).
const SAFETY_BOOST: f32 = 1.5;
/// The template used last, and the others recently used, are demoted this much.
const LAST_USED: f32 = 0.3;
const RECENTLY_USED: f32 = 0.6;

/// The best `limit` templates (usually [`DEFAULT_LIMIT`]) for `scored` scenarios, on `surface`,
/// in `lang`; best first, each template once.
///
/// A template scores its best scenario: the caller's score (scores that are not finite or not
/// positive are ignored; for a scenario given twice the highest counts), times 0.7 when that
/// is not its main scenario, times 0.9 when its text is shared by both surfaces, times 1.5 for
/// safety holding replies, times 0.3 if it was the last one used or 0.6 if it is elsewhere in
/// `recently_used` (most recent first). Templates with no text for `surface` are left out.
pub fn suggest(
    scored: &[(Scenario, f32)],
    surface: Surface,
    lang: Lang,
    recently_used: &[&str],
    limit: usize,
) -> Vec<Suggestion> {
    suggest_fitting(scored, &[], &[], &[], surface, lang, recently_used, limit)
}

/// A template counts this much more for each of its tags that names the customer's words
/// (up to [`FIT_TAGS`] of them), and half that for a tag naming their feeling: among the
/// templates of one scenario, the one that fits best comes first ("Own a bad experience" for a
/// disappointed customer, "Bad experience with our staff" for a rude manager, "Had to contact
/// us again" for a frustrated customer asking for the third time).
const TAG_FIT: f32 = 0.15;
const FIT_TAGS: u8 = 3;
const FEELING_FIT: f32 = 0.5;

/// The team's own reply for a scenario whose words answer the customer's (see
/// [`own::fit`]) comes before the built-in ones for it, more than any fit of tags lifts them,
/// and the more of their words it answers, the sooner; one that answers none of their words
/// comes before the built-in ones that fit nothing either, as half a tag would lift it (not
/// for a how-to question, whose answer must share its words). Like the fit, it does not move
/// the scenario among the others.
const OWN_FIT: f32 = 2.0;
const OWN_UNFIT: f32 = 0.5;
/// The team's answer to a question that shares none of the question's words counts this much.
const OFF_TOPIC: f32 = 0.5;

/// The team's own replies' key words, indexed once for all of them (sorted, each with its
/// reply's place among them), and the language each reads as (when told with confidence);
/// made again when they change (keyed by the installed slice's address).
struct OwnIndex {
    key: usize,
    /// Each key word, its reply's place, and whether the reply's title has it.
    words: Vec<(String, u16, bool)>,
    langs: Vec<Option<&'static str>>,
}

impl OwnIndex {
    fn build(installed: &'static [LibTemplate]) -> OwnIndex {
        let mut words = Vec::new();
        let mut langs = Vec::with_capacity(installed.len());
        for (r, t) in installed.iter().enumerate() {
            let title = own::key_words(t.en.title, usize::MAX);
            let mut text = t.en.title.to_owned();
            for part in [t.en.public, t.en.text(Surface::Dm)].into_iter().flatten() {
                text.push(' ');
                match crate::core::template::parse(part) {
                    Ok(tpl) => text.push_str(&tpl.plain_text()),
                    Err(_) => text.push_str(part),
                }
            }
            langs.push(
                crate::core::analysis::lang::detect_language(&text)
                    .filter(|g| g.confident)
                    .map(|g| g.code),
            );
            words.extend(own::key_words(&text, usize::MAX).into_iter().map(|w| {
                let titled = title.contains(&w);
                (w, r as u16, titled)
            }));
        }
        crate::core::sort::sort_by(&mut words, |a, b| a.0.cmp(&b.0));
        OwnIndex {
            key: installed.as_ptr() as usize,
            words,
            langs,
        }
    }

    /// For each reply, how many of `said` its words answer, as [`own::fit`] counts them (the
    /// words that start with each said word, found by bisection, and each start of it, four
    /// letters or more, looked up whole), and whether one of them is in its title.
    fn fits(&self, said: &[String]) -> Vec<(usize, bool)> {
        let mut counts = vec![(0usize, false); self.langs.len()];
        let mut hit = vec![None::<bool>; self.langs.len()];
        let find = |w: &str| self.words.partition_point(|(t, ..)| t.as_str() < w);
        let mark = |hit: &mut [Option<bool>], r: u16, titled: bool| {
            let h = &mut hit[usize::from(r)];
            *h = Some(h.unwrap_or(false) || titled);
        };
        for w in said {
            for (t, r, titled) in &self.words[find(w)..] {
                if !t.starts_with(w.as_str()) {
                    break;
                }
                mark(&mut hit, *r, *titled);
            }
            for (end, _) in w.char_indices().skip(4) {
                let start = &w[..end];
                for (t, r, titled) in &self.words[find(start)..] {
                    if t != start {
                        break;
                    }
                    mark(&mut hit, *r, *titled);
                }
            }
            for (c, h) in counts.iter_mut().zip(hit.iter_mut()) {
                if let Some(titled) = h.take() {
                    c.0 += 1;
                    c.1 |= titled;
                }
            }
        }
        counts
    }

    /// How many of the customer's words reply `r` answers, when that is enough to say it
    /// answers them ([`own_fit`]).
    fn fit(&self, fits: &[(usize, bool)], r: usize) -> usize {
        fits.get(r).map_or(0, |&(n, titled)| own_fit(n, titled))
    }
}

/// A team's reply answers the customer's words when it shares two of them, or one its title
/// names: "Opening hours" answers "are you open on Saturday?", not a jacket ordered "before
/// Friday" (a word its text happens to hold).
fn own_fit(shared: usize, titled: bool) -> usize {
    if shared >= 2 || titled {
        shared
    } else {
        0
    }
}

/// The customer's words (`said`) that the team's reply `template` answers ([`own_fit`]), in
/// their order, for the reason shown with it; empty for a built-in reply or one that answers
/// none of them.
pub fn own_answers(template: &LibTemplate, said: &[String]) -> Vec<String> {
    let installed = super::own_installed();
    let Some(r) = installed.iter().position(|t| std::ptr::eq(t, template)) else {
        return Vec::new();
    };
    with_own_index(|index| {
        let theirs: Vec<(&String, bool)> = index
            .words
            .iter()
            .filter(|(_, k, _)| usize::from(*k) == r)
            .map(|(w, _, titled)| (w, *titled))
            .collect();
        let answers = |w: &String| {
            theirs
                .iter()
                .filter(|(t, _)| t.starts_with(w.as_str()) || w.starts_with(t.as_str()))
                .map(|(_, titled)| *titled)
                .reduce(|a, b| a || b)
        };
        let found: Vec<(&String, bool)> = said
            .iter()
            .filter_map(|w| answers(w).map(|titled| (w, titled)))
            .collect();
        let titled = found.iter().any(|(_, t)| *t);
        if own_fit(found.len(), titled) == 0 {
            return Vec::new();
        }
        found.into_iter().map(|(w, _)| w.clone()).collect()
    })
}

thread_local! {
    static OWN_INDEX: std::cell::RefCell<Option<OwnIndex>> = const { std::cell::RefCell::new(None) };
}

/// `f` of the index of the team's own replies installed now.
fn with_own_index<R>(f: impl FnOnce(&OwnIndex) -> R) -> R {
    let installed = super::own_installed();
    OWN_INDEX.with(|cell| {
        let mut cached = cell.borrow_mut();
        if cached
            .as_ref()
            .is_none_or(|c| c.key != installed.as_ptr() as usize)
        {
            *cached = Some(OwnIndex::build(installed));
        }
        f(cached.as_ref().expect("just built"))
    })
}

/// What the customer said, as the tags are matched against it: their words (alphanumeric
/// runs, sorted, for single-word tags) and the whole, each run between single spaces (for
/// tags of several words: " third time " in " asking for the third time ").
struct Said {
    text: String,
    words: Vec<(usize, usize)>,
}

impl Said {
    fn new(cues: &[String]) -> Said {
        let mut text = String::from(" ");
        let mut words: Vec<(usize, usize)> = Vec::new();
        for cue in cues {
            for run in cue.split(|c: char| !c.is_alphanumeric()) {
                if !run.is_empty() {
                    words.push((text.len(), text.len() + run.len()));
                    text.push_str(run);
                    text.push(' ');
                }
            }
            // Cues are apart: no tag runs from one into the next.
            text.push_str("| ");
        }
        let bytes = text.as_bytes();
        crate::core::sort::sort_by(&mut words, |a, b| bytes[a.0..a.1].cmp(&bytes[b.0..b.1]));
        Said { text, words }
    }

    /// For each template of `index` (by its place in [`all`]), how many of its tags are said:
    /// each distinct word looked up among the one-word tags, then each phrase looked for.
    fn fits(&self, index: &TagIndex) -> Vec<u8> {
        let mut counts = vec![0u8; index.templates];
        let text = self.text.as_bytes();
        let mut last: Option<&[u8]> = None;
        for &(a, b) in &self.words {
            let word = &text[a..b];
            if last == Some(word) {
                continue;
            }
            last = Some(word);
            let from = index
                .words
                .partition_point(|(tag, _)| tag.as_bytes() < word);
            for (tag, t) in &index.words[from..] {
                if tag.as_bytes() != word {
                    break;
                }
                counts[*t as usize] = counts[*t as usize].saturating_add(1);
            }
        }
        for (phrase, t) in &index.phrases {
            if self.text.contains(phrase.as_str()) {
                counts[*t as usize] = counts[*t as usize].saturating_add(1);
            }
        }
        counts
    }
}

/// The library's tags, indexed once for the fit (tags are written in lower case: the library's
/// tests hold them to it): the one-word tags, sorted, each with its template's place in
/// [`all`] (letters beyond ASCII count as letters: "dañado"), and the tags of several words as
/// their runs between single spaces (" third time ").
struct TagIndex {
    templates: usize,
    words: Vec<(&'static str, u16)>,
    phrases: Vec<(String, u16)>,
}

impl TagIndex {
    fn build() -> TagIndex {
        let (mut words, mut phrases) = (Vec::new(), Vec::new());
        let mut templates = 0;
        for (t, template) in built_in().enumerate() {
            templates += 1;
            for &tag in template.tags {
                if tag.bytes().all(|b| b.is_ascii_alphanumeric() || b >= 0x80) {
                    words.push((tag, t as u16));
                    continue;
                }
                let mut runs = tag
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|r| !r.is_empty());
                let Some(first) = runs.next() else {
                    continue;
                };
                let mut phrase = format!(" {first} ");
                for run in runs {
                    phrase.push_str(run);
                    phrase.push(' ');
                }
                phrases.push((phrase, t as u16));
            }
        }
        crate::core::sort::sort_by(&mut words, |a, b| a.0.cmp(b.0));
        TagIndex {
            templates,
            words,
            phrases,
        }
    }
}

/// The tag index of the library, built at the first ranking with a library installed (it is
/// installed once).
static TAGS: std::sync::OnceLock<TagIndex> = std::sync::OnceLock::new();

fn tag_index() -> Option<&'static TagIndex> {
    if let Some(ix) = TAGS.get() {
        return Some(ix);
    }
    // None before a library is installed: an index of nothing is not kept.
    built_in().next()?;
    Some(TAGS.get_or_init(TagIndex::build))
}

/// [`suggest`], with `words`, the customer's words behind the reading, and `feelings`, their
/// feelings named as tags name them ("disappointed"), both lower-cased: they lift the templates
/// whose tags name them ([`TAG_FIT`] per tag); and `said`, the customer's key words
/// ([`own::key_words`]), which choose among the team's own replies ([`OWN_FIT`]). An own reply
/// that reads, with confidence, as another language than `lang` is not suggested.
#[allow(clippy::too_many_arguments)]
pub fn suggest_fitting(
    scored: &[(Scenario, f32)],
    words: &[String],
    feelings: &[String],
    said: &[String],
    surface: Surface,
    lang: Lang,
    recently_used: &[&str],
    limit: usize,
) -> Vec<Suggestion> {
    let score_of = |s: Scenario| {
        scored
            .iter()
            .filter(|(sc, v)| *sc == s && v.is_finite() && *v > 0.0)
            .map(|&(_, v)| v)
            .fold(None, |acc: Option<f32>, v| {
                Some(acc.map_or(v, |a| a.max(v)))
            })
    };
    let (words, feelings) = (Said::new(words), Said::new(feelings));
    let (word_fits, feeling_fits) = match tag_index() {
        Some(index) => (words.fits(index), feelings.fits(index)),
        None => (Vec::new(), Vec::new()),
    };
    let built = built_in().count();
    let mut out: Vec<(Suggestion, f32)> = with_own_index(|own_index| {
        let own_fits = own_index.fits(said);
        all()
            .enumerate()
            .filter_map(|(i, t)| {
                t.text(lang, surface)?;
                // The team's own reply `k`, if it is one: not in another language than the
                // customer's.
                let own = i.checked_sub(built);
                let own_lang = own.and_then(|k| own_index.langs.get(k).copied().flatten());
                if own_lang.is_some_and(|c| c != lang.code()) {
                    return None;
                }
                let (scenario, base) = t
                    .scenarios
                    .iter()
                    .enumerate()
                    .filter_map(|(i, &s)| {
                        let w = if i == 0 { 1.0 } else { SECONDARY };
                        score_of(s).map(|v| (s, v * w))
                    })
                    .fold(None, |acc: Option<(Scenario, f32)>, c| match acc {
                        Some(a) if a.1 >= c.1 => Some(a),
                        _ => Some(c),
                    })?;
                let tailored = t.texts(lang).is_tailored_for(surface);
                let mut score = base;
                // (The team's own reply written once for both is as they meant it.)
                if !tailored && own.is_none() {
                    score *= SHARED_FORM;
                }
                if scenario == Scenario::Safety {
                    score *= SAFETY_BOOST;
                }
                match recently_used.iter().position(|&id| id == t.id) {
                    Some(0) => score *= LAST_USED,
                    Some(_) => score *= RECENTLY_USED,
                    None => {}
                }
                let fitting = |counts: &[u8]| counts.get(i).map_or(0, |&n| n.min(FIT_TAGS) as u32);
                let fit = fitting(&word_fits) as f32 + FEELING_FIT * fitting(&feeling_fits) as f32;
                let own_fit = own.map(|k| own_index.fit(&own_fits, k).min(FIT_TAGS.into()));
                // A question's answer must share the question's words: the team's "Opening
                // hours" is no reply to "can you refund one of them?", and comes after the
                // general replies to a question.
                if own_fit == Some(0) && scenario == Scenario::HowTo {
                    score *= OFF_TOPIC;
                }
                let fitted = match own_fit {
                    Some(0) if scenario == Scenario::HowTo => score,
                    Some(0) => score * (1.0 + TAG_FIT * OWN_UNFIT),
                    Some(n) => score * OWN_FIT * (1.0 + TAG_FIT * n as f32),
                    None => score * (1.0 + TAG_FIT * fit),
                };
                Some((
                    Suggestion {
                        template: t,
                        scenario,
                        score,
                        tailored,
                    },
                    fitted,
                ))
            })
            .collect()
    });
    // The fit chooses among a scenario's templates; it does not move the scenario among the
    // others: a template fitted takes at most the best score of its scenario's.
    let mut best: Vec<(Scenario, f32)> = Vec::new();
    for (s, _) in &out {
        match best.iter_mut().find(|(sc, _)| *sc == s.scenario) {
            Some((_, b)) => *b = b.max(s.score),
            None => best.push((s.scenario, s.score)),
        }
    }
    for (s, fitted) in &mut out {
        let cap = best
            .iter()
            .find(|(sc, _)| *sc == s.scenario)
            .map_or(s.score, |(_, b)| *b);
        s.score = fitted.min(cap);
    }
    crate::core::sort::sort_by(&mut out, |a, b| {
        b.0.score.total_cmp(&a.0.score).then(b.1.total_cmp(&a.1))
    });
    out.truncate(limit);
    out.into_iter().map(|(s, _)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_own_index_counts_as_the_plain_fit_does() {
        let text = "# Shipping abroad [how-to]\nWe ship to Canada and the United States.\n\
                    # Opening hours [how-to]\nOpen weekdays; Saturdays from ten.\n\
                    # Devoluciones [refund]\nDevolvemos el importe en catorce días.\n\
                    # Sizes\nOur sizing guide: small, medium, large, extra-large.";
        assert_eq!(super::super::install_own(text).1, None);
        let index = with_own_index(|ix| (ix.words.clone(), ix.langs.clone()));
        let installed = super::super::own_installed();
        for said in [
            "do you ship to canada",
            "shipping to the united kingdom",
            "what size, small or medium? open on saturday?",
            "quiero la devolución del importe",
            "a b c",
            "",
        ] {
            let said = own::key_words(said, 64);
            let fits = with_own_index(|ix| ix.fits(&said));
            for (r, fit) in fits.iter().enumerate() {
                let words: Vec<String> = index
                    .0
                    .iter()
                    .filter(|(_, k, _)| *k as usize == r)
                    .map(|(w, ..)| w.clone())
                    .collect();
                assert_eq!(
                    fit.0,
                    own::fit(&words, &said),
                    "{} for {said:?}",
                    installed[r].id
                );
            }
        }
        assert_eq!(
            with_own_index(|ix| ix.fits(&own::key_words("do you ship to canada", 64)))[0],
            (2, true),
            "\"ship\" starts the title's \"shipping\""
        );
    }
}
