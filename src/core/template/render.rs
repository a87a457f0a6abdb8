//! Rendering a parsed [`Template`] with a [`Context`]: variables resolved (or their fallback),
//! fill-ins inserted, one alternative picked per rotation.

use super::ast::{Node, Pos};
use super::context::Context;
use super::Template;
use serde::Serialize;
use std::fmt;

/// A fill-in field the agent has not completed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissingField {
    pub id: String,
    pub label: String,
}

/// Why a template could not be rendered. The text is never produced with a blank or a literal
/// token in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RenderError {
    /// Fill-in fields still empty, in template order: the agent completes them first.
    MissingFields { fields: Vec<MissingField> },
    /// A variable with no fallback whose value is unknown.
    NoValue { variable: String, pos: Pos },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::MissingFields { fields } => {
                let names: Vec<_> = fields
                    .iter()
                    .map(|m| format!("{} (`{}`)", m.label, m.id))
                    .collect();
                write!(f, "fill in before inserting: {}", names.join(", "))
            }
            RenderError::NoValue { variable, pos } => write!(
                f,
                "no value for `{variable}` at {pos} (add a fallback, e.g. `{{{variable}|…}}`, \
                 or fill in the missing setting)"
            ),
        }
    }
}

impl std::error::Error for RenderError {}

/// Which alternative rotation `k` (0-based, in template order) with `n` alternatives uses for
/// `seed`. Consecutive seeds always pick different alternatives of every rotation.
pub fn pick(seed: u64, k: usize, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let n64 = n as u64;
    ((seed % n64) as usize + k % n) % n
}

impl Template {
    /// Renders with the rotation `seed` (for instance a counter of how many replies the agent
    /// has inserted): consecutive seeds never repeat an alternative.
    pub fn render(&self, ctx: &Context, seed: u64) -> Result<String, RenderError> {
        self.render_with_choices(ctx, &self.turns(seed))
    }

    /// The alternative of each rotation for `seed` ([`pick`]).
    pub fn turns(&self, seed: u64) -> Vec<usize> {
        self.rotations()
            .iter()
            .enumerate()
            .map(|(k, &n)| pick(seed, k, n))
            .collect()
    }

    /// The phrasing for `seed` ([`Template::render`]'s), except in the first rotation whose
    /// phrasings differ in whether the reply then `fits` (an upset customer, and words that
    /// acknowledge it): there one of those that fit, by the seed, so that they still take
    /// turns (the same reply twice in a row reads as pasted). When all fit (a calm customer),
    /// or none do, the seed's. Decided on the template with a neutral word in each fill-in, so
    /// what the agent types does not change the phrasing under them.
    pub fn choose(&self, ctx: &Context, seed: u64, fits: &dyn Fn(&str) -> bool) -> Vec<usize> {
        let rotations = self.rotations();
        let mut choices = self.turns(seed);
        let mut bare = ctx.clone();
        for f in self.fields() {
            bare.fields.insert(f.id.clone(), "x".into());
        }
        bare.agent_name.get_or_insert_with(|| "A".into());
        let fitting = |choices: &[usize]| {
            self.render_with_choices(&bare, choices)
                .is_ok_and(|text| fits(&text))
        };
        // The first rotation whose phrasings differ in fitting decides, by the seed among those
        // that fit (whether the seed's own fits or not: consecutive turns differ).
        for (k, &n) in rotations.iter().enumerate() {
            let own = choices[k];
            let fit: Vec<usize> = (0..n)
                .filter(|&i| {
                    choices[k] = i;
                    fitting(&choices)
                })
                .collect();
            if fit.is_empty() || fit.len() == n {
                choices[k] = own;
                continue;
            }
            choices[k] = fit[(seed % fit.len() as u64) as usize];
            break;
        }
        choices
    }

    /// Renders with explicit choices: `choices[k]` (modulo its count) is the alternative of the
    /// k-th rotation; missing entries pick the first.
    pub fn render_with_choices(
        &self,
        ctx: &Context,
        choices: &[usize],
    ) -> Result<String, RenderError> {
        let missing = self.missing_fields(ctx);
        if !missing.is_empty() {
            return Err(RenderError::MissingFields { fields: missing });
        }
        let mut out = String::new();
        let mut k = 0;
        for node in &self.nodes {
            match node {
                Node::Rotation { alternatives, .. } => {
                    let n = alternatives.len().max(1);
                    let choice = choices.get(k).copied().unwrap_or(0) % n;
                    k += 1;
                    if let Some(alt) = alternatives.get(choice) {
                        for inner in alt {
                            self.node(inner, ctx, &mut out)?;
                        }
                    }
                }
                other => self.node(other, ctx, &mut out)?,
            }
        }
        Ok(out)
    }

    /// The fill-in fields `ctx` has no (non-blank) value for, in template order.
    pub fn missing_fields(&self, ctx: &Context) -> Vec<MissingField> {
        self.fields
            .iter()
            .filter(|f| ctx.fields.get(&f.id).is_none_or(|v| v.trim().is_empty()))
            .map(|f| MissingField {
                id: f.id.clone(),
                label: f.label.clone(),
            })
            .collect()
    }

    fn node(&self, node: &Node, ctx: &Context, out: &mut String) -> Result<(), RenderError> {
        match node {
            // A value that ends its own sentence ("I've refunded it today.") before the
            // template's full stop: one mark, not "today..".
            Node::Text(t) => {
                join_marks(out, t);
                match t.strip_prefix(['.', '!', '?']) {
                    Some(rest) if out.ends_with(['.', '!', '?', '…']) => out.push_str(rest),
                    _ => out.push_str(t),
                }
            }
            Node::Var { var, fallback, pos } => match (ctx.value(*var), fallback) {
                (Some(v), _) => out.push_str(&v),
                (None, Some(fb)) => out.push_str(fb),
                (None, None) => {
                    return Err(RenderError::NoValue {
                        variable: var.name().to_owned(),
                        pos: *pos,
                    })
                }
            },
            Node::Field(i) => {
                if let Some(v) = self.fields.get(*i).and_then(|f| ctx.fields.get(&f.id)) {
                    out.push_str(without_repeated_word(out, v.trim()));
                }
            }
            Node::Rotation { alternatives, .. } => {
                // Nested rotations are rejected by the parser; render the first if one appears.
                if let Some(alt) = alternatives.first() {
                    for inner in alt {
                        self.node(inner, ctx, out)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Where a value ends with a mark and the template's text goes on with one ("by {?when}, even"
/// filled with "noon," or "noon."), the value's mark goes and the template's stays: "noon,
/// even", not "noon,, even" or "noon., even". A full stop that ends an abbreviation ("9 a.m.")
/// stays, and one sentence end before another is dropped by the caller ("today.." → "today.").
fn join_marks(out: &mut String, text: &str) {
    let (Some(next), Some(last)) = (text.chars().next(), out.chars().next_back()) else {
        return;
    };
    let pause = |c: char| matches!(c, ',' | ';' | ':');
    let abbreviation = || {
        let word = out[..out.len() - 1].rsplit(' ').next().unwrap_or("");
        word.contains('.') || word.chars().count() == 1
    };
    let drop = match last {
        c if pause(c) => pause(next) || matches!(next, '.' | '!' | '?'),
        '.' => pause(next) && !abbreviation(),
        '!' | '?' => pause(next),
        _ => false,
    };
    if drop {
        out.pop();
    }
}

/// `value` without its first word when the text before it ends with that same word and a
/// space: "by {?when}" filled with "by noon" reads "by noon", not "by by noon".
fn without_repeated_word<'a>(before: &str, value: &'a str) -> &'a str {
    let Some(last) = before
        .strip_suffix(' ')
        .and_then(|b| b.split(' ').next_back())
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
    else {
        return value;
    };
    match value.split_once(' ') {
        Some((first, rest)) if first.to_lowercase() == last.to_lowercase() => rest.trim_start(),
        _ => value,
    }
}
