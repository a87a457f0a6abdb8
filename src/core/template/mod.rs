//! The reply template language: parse once into a [`Template`], then render it with a
//! [`Context`] as often as needed.
//!
//! # Syntax
//!
//! ```text
//! [[Hi|Hello]] {customer.first_name|there}, I'm sorry you've been waiting {wait|so long}.
//! Your order {?order_number:Order number:number} will arrive {?eta:When it arrives:date}. ^{agent.initials}
//! ```
//!
//! - **Variables** `{name}`: replaced by what Waypoint knows. With a **fallback**,
//!   `{customer.first_name|there}` gives "there" when the value is unknown or empty. Without
//!   one, an unknown value makes rendering fail with an error naming the variable: a reply never
//!   goes out with a blank or a literal token. The variables:
//!
//!   | variable | value |
//!   |---|---|
//!   | `customer.name` | display name ("Maria Garcia") |
//!   | `customer.first_name` | first word of the display name ("Maria"), or the handle when the name is only a handle |
//!   | `customer.handle` | handle with `@` ("@mgarcia") |
//!   | `agent.name`, `agent.first_name` | the agent's name ("Sam Rivera", "Sam") |
//!   | `agent.initials` | as set, else from the name ("SR"); sign with `^{agent.initials}` |
//!   | `brand.name` | the brand or team name |
//!   | `site.name` | X, Facebook or Instagram |
//!   | `wait` | how long the customer waited, in the template's language: "20 minutes", "over 2 hours", "since yesterday" |
//!   | `wait.minutes` | the same in whole minutes ("135") |
//!
//! - **Fill-in fields** `{?id:Label}` or `{?id:Label:kind}`: values only the agent knows.
//!   [`Template::fields`] lists them (id, label, kind: `text`, `time`, `date`, `number`,
//!   `link`) so the UI can show a small form, and rendering refuses, listing the missing ones,
//!   until every field has a non-blank value in [`Context::fields`]. A field used twice is
//!   asked once.
//! - **Alternatives** `[[Thanks for your patience|I appreciate you waiting]]`: one is picked per
//!   render. [`Template::render`] takes a rotation seed (e.g. how many replies the agent has
//!   inserted); consecutive seeds never pick the same alternative twice in a row.
//!   Alternatives may hold text and variables, not fill-ins and not other alternatives.
//! - **Escapes**: a backslash makes the next character literal, and only these characters may
//!   follow it: `\\ \{ \} \[ \] \|`. A lone `]`, a single `[` and `|` outside alternatives are
//!   plain text; a lone `}` or `]]` is an error, so typos are caught.
//!
//! A tag (`{…}`) stays on one line. Errors give the 1-based `line:column`, counted in
//! characters: "unclosed `{` opened at 1:14 (…)", "unknown variable `customer.frist_name` at
//! 1:6 (did you mean customer.first_name?)". The parser never panics.
//!
//! # Example
//!
//! ```
//! use waypoint::core::conversation::{Author, Lang};
//! use waypoint::core::template::{parse, Context};
//!
//! let t = parse("Hi {customer.first_name|there}, we'll call you {?when:When we call:time}.").unwrap();
//! assert_eq!(t.fields()[0].label, "When we call");
//! let mut ctx = Context::new(Lang::En);
//! assert!(t.render(&ctx, 0).is_err()); // the field is not filled in yet
//! ctx = ctx.with_field("when", "at 5pm");
//! assert_eq!(t.render(&ctx, 0).unwrap(), "Hi there, we'll call you at 5pm.");
//! ctx.customer = Some(Author { name: "Maria Garcia".into(), handle: None });
//! assert_eq!(t.render(&ctx, 0).unwrap(), "Hi Maria, we'll call you at 5pm.");
//! ```

mod ast;
mod context;
mod parse;
mod render;
#[cfg(test)]
mod tests;

pub use ast::{Field, FieldKind, Node, Pos, Var};
pub use context::{customer_first_name, humanize_wait, initials, Context, TITLES};
pub(crate) use parse::char_distance;
pub use parse::{parse, ParseError, ESCAPABLE};
pub use render::{pick, MissingField, RenderError};

/// A parsed template.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    source: String,
    nodes: Vec<Node>,
    fields: Vec<Field>,
}

impl Template {
    /// The text it was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The parsed nodes, in order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The fill-in fields, once each, in order of first appearance.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// How many alternatives each rotation has, in template order.
    pub fn rotations(&self) -> Vec<usize> {
        self.nodes
            .iter()
            .filter_map(|n| match n {
                Node::Rotation { alternatives, .. } => Some(alternatives.len()),
                _ => None,
            })
            .collect()
    }

    /// The variables used (with or without fallback), once each, in order.
    pub fn variables(&self) -> Vec<Var> {
        fn walk(nodes: &[Node], out: &mut Vec<Var>) {
            for n in nodes {
                match n {
                    Node::Var { var, .. } if !out.contains(var) => out.push(*var),
                    Node::Rotation { alternatives, .. } => {
                        alternatives.iter().for_each(|a| walk(a, out))
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }

    /// The literal words of the template (every alternative, fallbacks and field labels
    /// included), for search.
    pub fn plain_text(&self) -> String {
        fn walk(t: &Template, nodes: &[Node], out: &mut String) {
            for n in nodes {
                match n {
                    Node::Text(s) => out.push_str(s),
                    Node::Var { fallback, .. } => {
                        out.push(' ');
                        out.push_str(fallback.as_deref().unwrap_or(""));
                        out.push(' ');
                    }
                    Node::Field(i) => {
                        out.push(' ');
                        out.push_str(t.fields.get(*i).map_or("", |f| f.label.as_str()));
                        out.push(' ');
                    }
                    Node::Rotation { alternatives, .. } => {
                        for a in alternatives {
                            walk(t, a, out);
                            out.push(' ');
                        }
                    }
                }
            }
        }
        let mut out = String::new();
        walk(self, &self.nodes, &mut out);
        out
    }
}
