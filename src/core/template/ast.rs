//! The parsed form of a template: a list of nodes, the variables it may use and the fill-in
//! fields the agent completes.

use crate::core::words::Words;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A 1-based line and column, counted in Unicode scalar values (not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A value Waypoint knows (or may know) about the conversation, written `{customer.first_name}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Var {
    /// `customer.name`: the display name as the page shows it.
    CustomerName,
    /// `customer.first_name`: first word of the display name, or the handle when the name is
    /// only a handle.
    CustomerFirstName,
    /// `customer.handle`: the handle with its `@`.
    CustomerHandle,
    /// `agent.name`.
    AgentName,
    /// `agent.first_name`.
    AgentFirstName,
    /// `agent.initials`: as set by the agent, else derived from `agent.name`.
    AgentInitials,
    /// `brand.name`.
    BrandName,
    /// `site.name`: X, Facebook or Instagram.
    SiteName,
    /// `wait`: how long the customer has waited, humanised in the template's language.
    Wait,
    /// `wait.minutes`: the same as a whole number of minutes.
    WaitMinutes,
}

impl Var {
    /// Every variable, in the order the documentation lists them.
    pub const ALL: [Var; 10] = [
        Var::CustomerName,
        Var::CustomerFirstName,
        Var::CustomerHandle,
        Var::AgentName,
        Var::AgentFirstName,
        Var::AgentInitials,
        Var::BrandName,
        Var::SiteName,
        Var::Wait,
        Var::WaitMinutes,
    ];

    /// The name written in templates.
    pub fn name(self) -> &'static str {
        match self {
            Var::CustomerName => "customer.name",
            Var::CustomerFirstName => "customer.first_name",
            Var::CustomerHandle => "customer.handle",
            Var::AgentName => "agent.name",
            Var::AgentFirstName => "agent.first_name",
            Var::AgentInitials => "agent.initials",
            Var::BrandName => "brand.name",
            Var::SiteName => "site.name",
            Var::Wait => "wait",
            Var::WaitMinutes => "wait.minutes",
        }
    }

    /// The variable written `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Var> {
        Var::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// What a fill-in field holds; the UI picks an input from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// Free text (the default).
    #[default]
    Text,
    /// A time or a time span ("by 6pm", "within 2 hours").
    Time,
    /// A date ("Friday 14 March").
    Date,
    /// A number or an identifier made of digits.
    Number,
    /// A web address.
    Link,
}

impl FieldKind {
    /// Every kind, as written after the label.
    pub const ALL: [FieldKind; 5] = [
        FieldKind::Text,
        FieldKind::Time,
        FieldKind::Date,
        FieldKind::Number,
        FieldKind::Link,
    ];

    /// The name written in templates (`{?eta:When it will be fixed:time}`).
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Time => "time",
            FieldKind::Date => "date",
            FieldKind::Number => "number",
            FieldKind::Link => "link",
        }
    }

    /// The kind written `name`, if there is one.
    pub fn from_name(name: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A value the agent must type before the reply can be inserted, written
/// `{?order_number:Order number}`. Reported by the parser so the UI can show a small form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Field {
    /// `order_number`: lowercase letters, digits and `_`, starting with a letter.
    pub id: String,
    /// `Order number`: what the form shows.
    pub label: String,
    pub kind: FieldKind,
    /// Where the field first appears.
    pub pos: Pos,
}

/// Words that, in a field's id or label, mean the field asks for the customer's personal data.
const PERSONAL_DATA_WORDS: Words = words![
    "order",
    "pedido",
    "email",
    "e-mail",
    "mail",
    "correo",
    "phone",
    "telefono",
    "teléfono",
    "mobile",
    "movil",
    "móvil",
    "address",
    "direccion",
    "dirección",
    "account",
    "cuenta",
    "card",
    "tarjeta",
    "postcode",
    "zip",
    "postal",
    "birth",
    "nacimiento",
    "password",
    "contraseña",
    "dni",
    "passport",
    "pasaporte",
    "iban",
    "booking",
    "reserva",
    "tracking",
    "seguimiento",
];

impl Field {
    /// Whether the field asks for the customer's personal data (an order or account number,
    /// an email, a phone, an address…), which a public reply must never request.
    pub fn asks_for_personal_data(&self) -> bool {
        let hay = format!("{} {}", self.id, self.label).to_lowercase();
        hay.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|w| PERSONAL_DATA_WORDS.contains(w))
    }
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// Literal text, escapes already resolved.
    Text(String),
    /// A variable, with the fallback used when its value is unknown or empty.
    Var {
        var: Var,
        fallback: Option<String>,
        pos: Pos,
    },
    /// A fill-in field: an index into [`Template::fields`](super::Template::fields).
    Field(usize),
    /// Alternative phrasings; each holds only text and variables.
    Rotation {
        alternatives: Vec<Vec<Node>>,
        pos: Pos,
    },
}
