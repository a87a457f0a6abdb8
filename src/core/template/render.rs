//! Rendering a parsed [`Template`] with a [`Context`]: variables resolved (or their fallback),
//! fill-ins inserted, one alternative picked per rotation.

use super::ast::{Node, Pos, Var};
use super::context::Context;
use super::Template;
use serde::Serialize;
use std::fmt;

/// The literal openings of a greeting before the customer's name ("Hi {customer.first_name},"),
/// which a reply in an exchange already begun does not repeat ([`Template::render_with_choices`]).
const GREETINGS: [&str; 9] = [
    "Hi ",
    "Hello ",
    "Hey ",
    "Dear ",
    "Hola, ",
    "¡Hola, ",
    "Hola ",
    "¡Hola ",
    "¡Buenas, ",
];

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
        let again = if ctx.greeted {
            self.after_greeting(ctx, &out)
        } else if ctx.answered || ctx.addressed {
            self.greeted_again(ctx, &out)
        } else {
            None
        };
        Ok(again.unwrap_or(out))
    }

    /// `out` after the draft's "Hi Jane," ([`Context::greeted`]): the reply's own greeting
    /// ("Hi Jane, we…", "¡Hola, Jane! No…", also one a rotation chose) or their name first
    /// ("Jane, gracias…") goes, and the template's own words go on in small letters ("you're
    /// right, Jane…", not "Hi Jane, You're right"; the composer gives a capital after the
    /// draft's "!"). `None` when it reads on as written ("I'm sorry…", the brand's name, a
    /// value).
    fn after_greeting(&self, ctx: &Context, out: &str) -> Option<String> {
        let name = ctx.value(Var::CustomerFirstName)?;
        let hello = GREETINGS
            .iter()
            .find_map(|g| out.strip_prefix(g))
            .unwrap_or(out);
        let named = hello.strip_prefix(name.as_str()).and_then(|r| {
            let r = r.strip_prefix([',', '!', '.'])?;
            let t = r.trim_start();
            (t.len() < r.len()).then_some(t)
        });
        let body = named.unwrap_or(out);
        let (open, body) = body.split_at(if body.starts_with(['¿', '¡']) { 2 } else { 0 });
        let mut chars = body.chars();
        let first = chars.next()?;
        let words = (named.is_some()
            || matches!(
                self.nodes.first(),
                Some(Node::Text(_) | Node::Rotation { .. })
            ))
            && chars.clone().next().is_some_and(char::is_lowercase)
            && !ctx
                .brand_name
                .as_deref()
                .is_some_and(|b| !b.is_empty() && body.starts_with(b.trim()));
        if !words && named.is_none() {
            return None;
        }
        let first = if words {
            latin_case(first, false)
        } else {
            first
        };
        Some(format!("{open}{first}{}", chars.as_str()))
    }

    /// `out`, the reply rendered, as it reads to a customer we have already written to
    /// ([`Context::answered`]), when the template opens by greeting them: "Hi Sam, thanks…" or
    /// "¡Hola, Sam! Gracias…" greets them a second time in one exchange, so it opens with their
    /// name ("Sam, thanks…", "Sam, gracias…"), or, their name unknown, without the greeting
    /// ("Hi there, thanks…" → "Thanks…"). After the @handle the draft begins with
    /// ([`Context::addressed`]), a greeting without their name goes too ("@marco.trails Thank
    /// you…", not "@marco.trails Hi there, thank you…"). `None` when the template opens
    /// otherwise, or the greeting stays.
    fn greeted_again(&self, ctx: &Context, out: &str) -> Option<String> {
        let [Node::Text(hello), Node::Var { var, fallback, .. }, Node::Text(after), ..] =
            self.nodes.as_slice()
        else {
            return None;
        };
        if !GREETINGS.contains(&hello.as_str())
            || !matches!(var, Var::CustomerFirstName | Var::CustomerName)
        {
            return None;
        }
        // The greeting's mark and the space or line breaks after it ("Hi Sam,\n\nthanks…").
        let mark = after
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | '!' | '.'))?;
        let gap = after[1..].len() - after[1..].trim_start().len();
        if gap == 0 {
            return None;
        }
        let sep = &after[..1 + gap];
        let name = ctx.value(*var);
        if name.is_some() && !ctx.answered {
            return None;
        }
        let rest = out
            .get(hello.len()..)?
            .strip_prefix(name.as_deref().or(fallback.as_deref())?)?
            .strip_prefix(sep)?;
        // "¿Qué…": the letter after the opening mark (two bytes, '¿' or '¡').
        let (open, body) = rest.split_at(if rest.starts_with(['¿', '¡']) { 2 } else { 0 });
        let mut chars = body.chars();
        let first = chars.next()?;
        // The template's own words go on (their case is the template's to change), not a value;
        // and of those, a word in small letters after its first ("Siento", not "I'm" or
        // "ACME"), and not the brand's name ("Acme Support here").
        let words = (after.len() > sep.len()
            || matches!(self.nodes.get(3), Some(Node::Rotation { .. })))
            && chars.clone().next().is_some_and(|c| c.is_lowercase())
            && !ctx
                .brand_name
                .as_deref()
                .is_some_and(|b| !b.is_empty() && body.starts_with(b.trim()));
        let recased = |upper| format!("{open}{}{}", latin_case(first, upper), chars.as_str());
        Some(match name {
            // "Hi Sam, thanks…" goes on in small letters already.
            Some(name) if mark == ',' || !words => format!("{name}, {rest}"),
            // "¡Hola, Sam! Siento…" started a sentence: "Sam, siento…".
            Some(name) => format!("{name}, {}", recased(false)),
            None if !words => rest.to_owned(),
            // "Hi there. Thanks…" → "Thanks…".
            None => recased(true),
        })
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
                // Initials written "^SR", as X teams sign, after the template's own "^": one.
                (Some(v), _) if out.ends_with('^') => out.push_str(v.trim_start_matches('^')),
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

/// `c` in capitals (`upper`) or small letters, for the letters of the templates' languages
/// (ASCII and Latin-1: "É", "ñ"); others as they are. Not `char::to_uppercase`: its tables
/// would weigh on the page's module for the first letter of a reply.
fn latin_case(c: char, upper: bool) -> char {
    let shift = |c: char, by: i32| char::from_u32((c as i32 + by) as u32).unwrap_or(c);
    match (c, upper) {
        ('a'..='z' | 'à'..='þ', true) if c != '÷' => shift(c, -32),
        ('A'..='Z' | 'À'..='Þ', false) if c != '×' => shift(c, 32),
        _ => c,
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
