//! Ranking templates for a conversation. Decoupled from the analysis: the caller scores
//! scenarios (and words its own reasons, "customer mentions a refund"); this picks the
//! templates.

use super::{all, LibTemplate};
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
    suggest_fitting(scored, &[], &[], surface, lang, recently_used, limit)
}

/// A template counts this much more for each of its tags that names the customer's words
/// (up to [`FIT_TAGS`] of them), and half that for a tag naming their feeling: among the
/// templates of one scenario, the one that fits best comes first ("Own a bad experience" for a
/// disappointed customer, "Bad experience with our staff" for a rude manager, "Had to contact
/// us again" for a frustrated customer asking for the third time).
const TAG_FIT: f32 = 0.15;
const FIT_TAGS: usize = 3;
const FEELING_FIT: f32 = 0.5;

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
        for cue in cues {
            for run in cue.split(|c: char| !c.is_alphanumeric()) {
                if !run.is_empty() {
                    text.push_str(run);
                    text.push(' ');
                }
            }
            // Cues are apart: no tag runs from one into the next.
            text.push_str("| ");
        }
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        for run in text.split(' ') {
            if !run.is_empty() && run != "|" {
                words.push((at, at + run.len()));
            }
            at += run.len() + 1;
        }
        let bytes = text.as_bytes();
        crate::core::sort::sort_by(&mut words, |a, b| bytes[a.0..a.1].cmp(&bytes[b.0..b.1]));
        Said { text, words }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `tag` (lower case) is said, as whole words.
    fn says(&self, tag: &str) -> bool {
        // One word (letters beyond ASCII count as letters: "dañado"): looked up among the
        // words, as bytes.
        if tag.bytes().all(|b| b.is_ascii_alphanumeric() || b >= 0x80) {
            let (text, tag) = (self.text.as_bytes(), tag.as_bytes());
            return self
                .words
                .binary_search_by(|&(a, b)| text[a..b].cmp(tag))
                .is_ok();
        }
        // A tag of several words: its runs, each followed by one space, preceded by one.
        let mut want = String::with_capacity(tag.len() + 2);
        want.push(' ');
        for run in tag.split(|c: char| !c.is_alphanumeric()) {
            if !run.is_empty() {
                want.push_str(run);
                want.push(' ');
            }
        }
        want.len() > 1 && self.text.contains(&want)
    }

    /// How many of `t`'s tags are said (tags are written in lower case: the library's tests
    /// hold them to it).
    fn fits(&self, t: &LibTemplate) -> usize {
        if self.is_empty() {
            return 0;
        }
        t.tags.iter().filter(|tag| self.says(tag)).count()
    }
}

/// [`suggest`], with `words`, the customer's words behind the reading, and `feelings`, their
/// feelings named as tags name them ("disappointed"), both lower-cased: they lift the templates
/// whose tags name them ([`TAG_FIT`] per tag).
pub fn suggest_fitting(
    scored: &[(Scenario, f32)],
    words: &[String],
    feelings: &[String],
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
    let mut out: Vec<(Suggestion, f32)> = all()
        .filter_map(|t| {
            t.text(lang, surface)?;
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
            if !tailored {
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
            let fit = words.fits(t).min(FIT_TAGS) as f32
                + FEELING_FIT * feelings.fits(t).min(FIT_TAGS) as f32;
            let fitted = score * (1.0 + TAG_FIT * fit);
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
        .collect();
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
