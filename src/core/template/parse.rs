//! The template parser: source text to [`Template`], or a [`ParseError`] that names the
//! 1-based line:column of the problem. It never panics, whatever the input.

use super::ast::{Field, FieldKind, Node, Pos, Var};
use super::Template;
use serde::Serialize;
use std::fmt;

/// Characters a backslash makes literal.
pub const ESCAPABLE: &[char] = &['\\', '{', '}', '[', ']', '|'];

/// A template that could not be parsed: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParseError {
    pub pos: Pos,
    /// The whole message, position included: "unclosed `{` opened at 1:14 (…)".
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// A character with its position and whether a backslash escaped it.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    pos: Pos,
    escaped: bool,
}

/// Builds an error from a problem that says `{pos}` where the position goes. The last `{pos}`
/// is replaced: text quoted from the template comes before it, and ids quoted after it cannot
/// contain braces.
fn err(pos: Pos, problem: impl Into<String>) -> ParseError {
    let mut message = problem.into();
    if let Some(i) = message.rfind("{pos}") {
        message.replace_range(i..i + 5, &pos.to_string());
    }
    ParseError { pos, message }
}

/// Parse `source` into a [`Template`].
pub fn parse(source: &str) -> Result<Template, ParseError> {
    let mut p = Parser {
        chars: positions(source),
        i: 0,
        fields: Vec::new(),
    };
    let nodes = p.sequence(None)?;
    Ok(Template {
        source: source.to_owned(),
        nodes,
        fields: p.fields,
    })
}

fn positions(source: &str) -> Vec<(char, Pos)> {
    let (mut line, mut column) = (1u32, 1u32);
    source
        .chars()
        .map(|c| {
            let pos = Pos { line, column };
            if c == '\n' {
                line = line.saturating_add(1);
                column = 1;
            } else {
                column = column.saturating_add(1);
            }
            (c, pos)
        })
        .collect()
}

struct Parser {
    chars: Vec<(char, Pos)>,
    i: usize,
    fields: Vec<Field>,
}

impl Parser {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).map(|&(c, _)| c)
    }

    fn pos(&self) -> Pos {
        match self.chars.get(self.i) {
            Some(&(_, pos)) => pos,
            None => self.end_pos(),
        }
    }

    fn end_pos(&self) -> Pos {
        match self.chars.last() {
            Some(&('\n', p)) => Pos {
                line: p.line.saturating_add(1),
                column: 1,
            },
            Some(&(_, p)) => Pos {
                line: p.line,
                column: p.column.saturating_add(1),
            },
            None => Pos { line: 1, column: 1 },
        }
    }

    /// Reads an escape starting at the backslash; returns the literal character.
    fn escape(&mut self) -> Result<char, ParseError> {
        let at = self.pos();
        match self.peek(1) {
            Some(c) if ESCAPABLE.contains(&c) => {
                self.i += 2;
                Ok(c)
            }
            Some(c) => Err(err(
                at,
                format!(
                    "unknown escape `\\{c}` at {{pos}} (a backslash escapes one of \\ {{ }} [ ] |)"
                ),
            )),
            None => Err(err(
                at,
                "backslash at the end of the template at {pos} (write `\\\\` for a backslash)",
            )),
        }
    }

    /// Parses text, variables, fields and rotations up to the end, or, inside a rotation
    /// opened at `rotation`, up to (not including) the next unescaped `|` or `]]`.
    fn sequence(&mut self, rotation: Option<Pos>) -> Result<Vec<Node>, ParseError> {
        let mut nodes = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek(0) {
            let at = self.pos();
            match c {
                '\\' => text.push(self.escape()?),
                '{' => {
                    flush(&mut text, &mut nodes);
                    let node = self.tag(rotation)?;
                    nodes.push(node);
                }
                '}' => {
                    return Err(err(
                        at,
                        "unmatched `}` at {pos} (write `\\}` for a literal brace)",
                    ))
                }
                '[' if self.peek(1) == Some('[') => {
                    if let Some(open) = rotation {
                        return Err(err(
                            at,
                            format!(
                                "`[[` at {{pos}} inside the alternatives opened at {open} \
                                 (alternatives cannot be nested; write `\\[` for a literal bracket)"
                            ),
                        ));
                    }
                    flush(&mut text, &mut nodes);
                    let node = self.rotation()?;
                    nodes.push(node);
                }
                ']' if self.peek(1) == Some(']') => {
                    if rotation.is_some() {
                        break;
                    }
                    return Err(err(
                        at,
                        "unmatched `]]` at {pos} (write `\\]` for a literal bracket)",
                    ));
                }
                '|' if rotation.is_some() => break,
                _ => {
                    text.push(c);
                    self.i += 1;
                }
            }
        }
        flush(&mut text, &mut nodes);
        Ok(nodes)
    }

    fn rotation(&mut self) -> Result<Node, ParseError> {
        let open = self.pos();
        self.i += 2;
        let mut alternatives = Vec::new();
        loop {
            let start = self.pos();
            let alt = self.sequence(Some(open))?;
            let blank = alt
                .iter()
                .all(|n| matches!(n, Node::Text(t) if t.trim().is_empty()));
            match self.peek(0) {
                None => {
                    return Err(err(
                        open,
                        "unclosed `[[` opened at {pos} (close the alternatives with `]]`)",
                    ))
                }
                Some(_) if blank => {
                    return Err(err(
                        start,
                        format!(
                            "empty alternative at {{pos}} (alternative {} of the ones opened at {open})",
                            alternatives.len() + 1
                        ),
                    ))
                }
                Some('|') => {
                    alternatives.push(alt);
                    self.i += 1;
                }
                Some(_) => {
                    // `]]`
                    alternatives.push(alt);
                    self.i += 2;
                    break;
                }
            }
        }
        if alternatives.len() < 2 {
            return Err(err(
                open,
                "only one alternative in the `[[` opened at {pos} (separate alternatives with `|`)",
            ));
        }
        Ok(Node::Rotation {
            alternatives,
            pos: open,
        })
    }

    /// Reads `{…}` starting at the `{`: the characters inside, escapes resolved.
    fn tag_body(&mut self) -> Result<Vec<Ch>, ParseError> {
        let open = self.pos();
        self.i += 1;
        let mut body = Vec::new();
        loop {
            let at = self.pos();
            match self.peek(0) {
                None | Some('\n') | Some('{') => {
                    return Err(err(
                        open,
                        "unclosed `{` opened at {pos} (close it with `}` on the same line)",
                    ))
                }
                Some('}') => {
                    self.i += 1;
                    return Ok(body);
                }
                Some('\\') => {
                    let c = self.escape()?;
                    body.push(Ch {
                        c,
                        pos: at,
                        escaped: true,
                    });
                }
                Some(c) => {
                    body.push(Ch {
                        c,
                        pos: at,
                        escaped: false,
                    });
                    self.i += 1;
                }
            }
        }
    }

    fn tag(&mut self, rotation: Option<Pos>) -> Result<Node, ParseError> {
        let open = self.pos();
        let body = self.tag_body()?;
        if body.first().is_some_and(|ch| ch.c == '?' && !ch.escaped) {
            if let Some(rot) = rotation {
                return Err(err(
                    open,
                    format!(
                        "fill-in field at {{pos}} inside the alternatives opened at {rot} \
                         (put fill-ins outside `[[ ]]`)"
                    ),
                ));
            }
            return self.field(open, &body[1..]);
        }
        variable(open, &body)
    }

    fn field(&mut self, open: Pos, body: &[Ch]) -> Result<Node, ParseError> {
        let parts = split(body, ':', 3);
        let id = text_of(parts[0]);
        let id = id.trim();
        if id.is_empty() {
            return Err(err(
                open,
                "fill-in field without an id at {pos} (write `{?order_number:Order number}`)",
            ));
        }
        let valid = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(err(
                open,
                format!(
                    "fill-in id `{id}` at {{pos}} is not valid (use lowercase letters, digits and `_`, \
                     starting with a letter)"
                ),
            ));
        }
        let label = parts.get(1).map(|p| text_of(p)).unwrap_or_default();
        let label = label.trim();
        if label.is_empty() {
            return Err(err(
                open,
                format!(
                    "fill-in field `{id}` without a label at {{pos}} (write `{{?{id}:What the agent types}}`)"
                ),
            ));
        }
        let kind = match parts.get(2) {
            None => FieldKind::Text,
            Some(p) => {
                let name = text_of(p);
                let name = name.trim();
                FieldKind::from_name(name).ok_or_else(|| {
                    let known: Vec<_> = FieldKind::ALL.iter().map(|k| k.name()).collect();
                    err(
                        p.first().map_or(open, |c| c.pos),
                        format!(
                            "unknown fill-in kind `{name}` at {{pos}} (expected one of {})",
                            known.join(", ")
                        ),
                    )
                })?
            }
        };
        let index = match self.fields.iter().position(|f| f.id == id) {
            // One field, one question: a second label would never be shown.
            Some(i) if self.fields[i].label != label || self.fields[i].kind != kind => {
                return Err(err(
                    open,
                    format!(
                        "fill-in field `{id}` at {{pos}} is written otherwise at {} (use the same \
                         label and kind, or another id)",
                        self.fields[i].pos
                    ),
                ));
            }
            Some(i) => i,
            None => {
                self.fields.push(Field {
                    id: id.to_owned(),
                    label: label.to_owned(),
                    kind,
                    pos: open,
                });
                self.fields.len() - 1
            }
        };
        Ok(Node::Field(index))
    }
}

fn flush(text: &mut String, nodes: &mut Vec<Node>) {
    if !text.is_empty() {
        nodes.push(Node::Text(std::mem::take(text)));
    }
}

/// Splits at unescaped `sep`, into at most `n` parts (the last keeps any further `sep`).
fn split(body: &[Ch], sep: char, n: usize) -> Vec<&[Ch]> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, ch) in body.iter().enumerate() {
        if parts.len() + 1 < n && ch.c == sep && !ch.escaped {
            parts.push(&body[start..i]);
            start = i + 1;
        }
    }
    parts.push(&body[start..]);
    parts
}

fn text_of(chs: &[Ch]) -> String {
    chs.iter().map(|ch| ch.c).collect()
}

fn variable(open: Pos, body: &[Ch]) -> Result<Node, ParseError> {
    let parts = split(body, '|', 2);
    let name_chars = parts[0];
    let name_pos = name_chars
        .iter()
        .find(|ch| !ch.c.is_whitespace())
        .map_or(open, |ch| ch.pos);
    let name = text_of(name_chars);
    let name = name.trim();
    if name.is_empty() {
        return Err(err(
            open,
            "empty variable name at {pos} (write `\\{` for a literal brace)",
        ));
    }
    let var = Var::from_name(name).ok_or_else(|| {
        let hint = match closest(name) {
            Some(v) => format!("did you mean {v}?"),
            None => {
                let known: Vec<_> = Var::ALL.iter().map(|v| v.name()).collect();
                format!("known variables: {}", known.join(", "))
            }
        };
        err(
            name_pos,
            format!("unknown variable `{name}` at {{pos}} ({hint})"),
        )
    })?;
    let fallback = match parts.get(1) {
        None => None,
        Some(fb) => {
            let text = text_of(fb);
            let text = text.trim();
            if text.is_empty() {
                return Err(err(
                    name_pos,
                    format!(
                        "empty fallback for `{name}` at {{pos}} (remove the `|` to require a value)"
                    ),
                ));
            }
            Some(text.to_owned())
        }
    };
    Ok(Node::Var {
        var,
        fallback,
        pos: name_pos,
    })
}

/// The known variable nearest to a misspelt `name`, if one is close enough.
fn closest(name: &str) -> Option<String> {
    // The last part of a variable's name written alone ("{name}", "{first_name}"): the
    // variables it ends, the customer's first.
    let lower = name.to_lowercase();
    let ends: Vec<&str> = Var::ALL
        .iter()
        .map(|v| v.name())
        .filter(|v| v.rsplit('.').next() == Some(lower.as_str()) && *v != lower)
        .collect();
    if let Some((last, rest)) = ends.split_last() {
        return Some(match rest {
            [] => (*last).to_owned(),
            _ => format!("{} or {last}", rest.join(", ")),
        });
    }
    // A slip of the keys: a few characters off for a long name, one for a short one ("name"
    // is not "wait", three letters away).
    Var::ALL
        .iter()
        .map(|v| (edit_distance(name, v.name()), v.name()))
        .filter(|&(d, v)| d <= (v.chars().count().max(name.chars().count()) / 4).max(1))
        .min_by_key(|&(d, _)| d)
        .map(|(_, v)| v.to_owned())
}

/// Damerau–Levenshtein distance (optimal string alignment), in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    char_distance(&a, &b)
}

/// [`edit_distance`] of words already split into characters (the library's search uses it for
/// slips of the keys).
pub(crate) fn char_distance(a: &[char], b: &[char]) -> usize {
    if a.len() > 64 {
        return usize::MAX;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_transpositions_once() {
        let cases = [
            ("frist", "first", 1),
            ("abc", "abc", 0),
            ("", "ab", 2),
            ("kitten", "sitting", 3),
        ];
        for (a, b, d) in cases {
            assert_eq!(edit_distance(a, b), d, "{a} / {b}");
        }
    }
}
