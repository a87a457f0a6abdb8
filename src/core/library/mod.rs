//! The built-in template library: replies for every [`Scenario`], in English and Spanish, with
//! a public and a direct-message form where they differ.
//!
//! The templates are plain Rust data (no parsing at start-up, nothing to download), written in
//! the [template language](crate::core::template). House style, enforced by the tests:
//! acknowledge the feeling, apologise plainly where it fits (never "sorry for any
//! inconvenience" or "sorry you feel…"), say what happens next and when (a fill-in when only the
//! agent knows), no jargon, no blame; public forms never ask for personal data and invite the
//! customer to a DM on the same site; openers rotate so replies do not read as canned; public
//! replies sign with `^{agent.initials}`, DMs with the agent's first name. Spanish uses `tú`.
//!
//! - [`all`], [`get`]: the templates.
//! - [`search`]: what the agent types in the panel's search box.
//! - [`suggest`]: the best templates for scenarios scored by the analysis.

// Natively the templates are compiled in. The page module receives them at start from the
// extension's `data/library.js` (written from these same files by `cargo xtask build`), which
// keeps ~15 KiB gzipped of text out of the module's size budget.
#[cfg(not(target_arch = "wasm32"))]
mod data_care;
#[cfg(not(target_arch = "wasm32"))]
mod data_orders;
#[cfg(not(target_arch = "wasm32"))]
mod data_people;
#[cfg(not(target_arch = "wasm32"))]
mod data_service;
pub mod own;
mod search;
mod suggest;
#[cfg(test)]
mod tests;

pub use search::{normalize, search, search_in, search_on, slash_trigger, Scope};
pub use suggest::{own_answers, suggest, suggest_fitting, Suggestion, DEFAULT_LIMIT};

use crate::core::conversation::{Lang, Surface};
use crate::core::scenario::Scenario;
use crate::core::template::{parse, ParseError, Template};
use serde::Serialize;
use std::cell::Cell;

/// How a template's direct-message form relates to its public one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "text")]
pub enum Dm {
    /// The public text suits DMs as it is.
    Same,
    /// A DM-specific text (it may ask for an order number, say).
    Own(&'static str),
    /// Not for DMs (an invitation to move to DMs, say).
    None,
}

/// One language's version of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Texts {
    /// A short title for the panel.
    pub title: &'static str,
    /// The text for public threads, if the template suits them.
    pub public: Option<&'static str>,
    pub dm: Dm,
}

impl Texts {
    /// Suits both surfaces with one text.
    pub const fn same(title: &'static str, text: &'static str) -> Texts {
        Texts {
            title,
            public: Some(text),
            dm: Dm::Same,
        }
    }

    /// A public text and a different DM text.
    pub const fn both(title: &'static str, public: &'static str, dm: &'static str) -> Texts {
        Texts {
            title,
            public: Some(public),
            dm: Dm::Own(dm),
        }
    }

    /// Public threads only.
    pub const fn public_only(title: &'static str, text: &'static str) -> Texts {
        Texts {
            title,
            public: Some(text),
            dm: Dm::None,
        }
    }

    /// Direct messages only.
    pub const fn dm_only(title: &'static str, text: &'static str) -> Texts {
        Texts {
            title,
            public: None,
            dm: Dm::Own(text),
        }
    }

    /// The text for `surface`, if the template suits it.
    pub fn text(&self, surface: Surface) -> Option<&'static str> {
        match (surface, self.dm) {
            (Surface::Post, _) => self.public,
            (Surface::Dm, Dm::Own(t)) => Some(t),
            (Surface::Dm, Dm::Same) => self.public,
            (Surface::Dm, Dm::None) => None,
        }
    }

    /// Whether `surface` has a text written for it alone (not shared with the other surface).
    pub fn is_tailored_for(&self, surface: Surface) -> bool {
        match surface {
            Surface::Post => self.public.is_some() && self.dm != Dm::Same,
            Surface::Dm => matches!(self.dm, Dm::Own(_)),
        }
    }
}

/// When in the exchange with a customer a template fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Contact {
    /// At any moment.
    Any,
    /// Before we have written to them ("thanks for joining in", to a first comment under our
    /// post).
    Before,
    /// Once we have ("is everything working now?", "glad it's sorted").
    After,
}

impl Contact {
    /// Whether it fits when we have, or have not yet, written to the customer.
    pub fn fits(self, answered: bool) -> bool {
        match self {
            Contact::Any => true,
            Contact::Before => !answered,
            Contact::After => answered,
        }
    }

    /// Its word in the flat text: "" for any moment.
    fn word(self) -> &'static str {
        match self {
            Contact::Any => "",
            Contact::Before => "before",
            Contact::After => "after",
        }
    }
}

/// A built-in template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LibTemplate {
    /// Kebab-case, stable: the panel's `data-template-id`.
    pub id: &'static str,
    /// The scenarios it answers, the main one first.
    pub scenarios: &'static [Scenario],
    /// Search keywords, in both languages.
    pub tags: &'static [&'static str],
    /// When in the exchange it fits: the suggestions leave it out at other moments (the
    /// search still finds it).
    pub contact: Contact,
    pub en: Texts,
    pub es: Texts,
}

impl LibTemplate {
    /// The version in `lang`.
    pub fn texts(&self, lang: Lang) -> &Texts {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }

    /// The text for `lang` and `surface`, if the template suits that surface.
    pub fn text(&self, lang: Lang, surface: Surface) -> Option<&'static str> {
        self.texts(lang).text(surface)
    }

    /// The parsed text for `lang` and `surface` (the library's own tests prove it parses).
    pub fn template(&self, lang: Lang, surface: Surface) -> Option<Result<Template, ParseError>> {
        self.text(lang, surface).map(parse)
    }
}

/// Every template: the built-in ones, grouped by scenario, then the team's own ([`install_own`]).
pub fn all() -> impl Iterator<Item = &'static LibTemplate> + Clone {
    built_in().chain(own_installed())
}

/// The team's own replies installed ([`install_own`]).
pub fn own_installed() -> &'static [LibTemplate] {
    OWN.with(Cell::get)
}

/// Every built-in template, grouped by scenario.
#[cfg(not(target_arch = "wasm32"))]
pub fn built_in() -> impl Iterator<Item = &'static LibTemplate> + Clone {
    data_service::TEMPLATES
        .iter()
        .chain(data_orders::TEMPLATES)
        .chain(data_people::TEMPLATES)
        .chain(data_care::TEMPLATES)
}

/// Every built-in template, grouped by scenario (none until [`install`]).
#[cfg(target_arch = "wasm32")]
pub fn built_in() -> impl Iterator<Item = &'static LibTemplate> + Clone {
    INSTALLED.get().copied().unwrap_or(&[]).iter()
}

thread_local! {
    /// The team's own replies (per thread: natively, each test has its own).
    static OWN: Cell<&'static [LibTemplate]> = const { Cell::new(&[]) };
}

/// Puts the team's own replies, written as [`own`] reads them, beside the built-in ones, in
/// place of those before; returns how many there are, and what is wrong with any passed over
/// (a reply saved before a rule it breaks was made: the others still serve). Text that can be
/// used is kept for the life of the page (the templates borrow from it; the settings change
/// rarely), so a slice installed is never freed, and none but an empty one shares its address
/// with another (the search's cache of their words relies on it).
pub fn install_own(text: &str) -> (usize, Option<String>) {
    // Lines as a textarea gives them, whatever an imported file had.
    let text: &'static str = Box::leak(text.replace("\r\n", "\n").into_boxed_str());
    let (replies, problem) = own::usable(text);
    let templates: &'static [LibTemplate] = Box::leak(own::templates(replies).into_boxed_slice());
    OWN.with(|o| o.set(templates));
    (templates.len(), problem)
}

#[cfg(target_arch = "wasm32")]
static INSTALLED: std::sync::OnceLock<&'static [LibTemplate]> = std::sync::OnceLock::new();

/// How many fields describe one template in the flat text [`flatten`] writes and [`install`]
/// reads: id, scenarios, tags, when in the exchange it fits ("", "before" or "after"), then
/// per language (English, Spanish) the title, the public text ("" for none), the
/// direct-message kind (`same`, `own`, `none`) and its text.
pub const FIELDS: usize = 12;

/// What separates the fields of the flat text (no template holds it: a library test checks).
pub const SEPARATOR: char = '\u{1f}';

/// The library as one flat text of fields, for `data/library.js`: one string crosses into the
/// page module at once, where a list of strings crossed one by one (a tenth of the start).
pub fn flatten<'a>(templates: impl Iterator<Item = &'a LibTemplate>) -> String {
    let mut out: Vec<String> = Vec::new();
    for t in templates {
        out.push(t.id.to_owned());
        let scenarios: Vec<&str> = t.scenarios.iter().map(|s| s.id()).collect();
        out.push(scenarios.join(","));
        out.push(t.tags.join(","));
        out.push(t.contact.word().to_owned());
        for texts in [&t.en, &t.es] {
            out.push(texts.title.to_owned());
            out.push(texts.public.unwrap_or("").to_owned());
            let (kind, text) = match texts.dm {
                Dm::Same => ("same", ""),
                Dm::Own(text) => ("own", text),
                Dm::None => ("none", ""),
            };
            out.push(kind.to_owned());
            out.push(text.to_owned());
        }
    }
    out.join(&SEPARATOR.to_string())
}

/// Reads the flat text [`flatten`] writes back into templates, borrowing from it (the page
/// keeps it for its life: the library is installed once).
pub fn unflatten(text: &'static str) -> Result<Vec<LibTemplate>, String> {
    let count = if text.is_empty() {
        0
    } else {
        text.matches(SEPARATOR).count() + 1
    };
    if count % FIELDS != 0 {
        return Err(format!(
            "the template library has {count} fields, not a multiple of {FIELDS}"
        ));
    }
    let mut out = Vec::with_capacity(count / FIELDS);
    let mut it = text.split(SEPARATOR).filter(|_| count > 0);
    while let Some(id) = it.next() {
        let mut next = || it.next().unwrap_or("");
        let (scenario_ids, tags, contact) = (next(), next(), next());
        let mut scenarios = Vec::new();
        for sid in scenario_ids.split(',').filter(|s| !s.is_empty()) {
            scenarios.push(Scenario::from_id(sid).ok_or_else(|| {
                format!("the template library: {id} has an unknown scenario {sid:?}")
            })?);
        }
        let tags: Vec<&'static str> = tags.split(',').filter(|t| !t.is_empty()).collect();
        let contact = [Contact::Any, Contact::Before, Contact::After]
            .into_iter()
            .find(|c| c.word() == contact)
            .ok_or_else(|| {
                format!(
                    "the template library: {id} has {contact:?} where \"\", \"before\" or \"after\" says when it fits"
                )
            })?;
        let mut texts = || -> Result<Texts, String> {
            let (title, public, kind, dm) = (next(), next(), next(), next());
            let dm = match kind {
                "same" => Dm::Same,
                "own" => Dm::Own(dm),
                "none" => Dm::None,
                other => {
                    return Err(format!(
                        "the template library: {id} has an unknown direct-message kind {other:?}"
                    ))
                }
            };
            Ok(Texts {
                title,
                public: (!public.is_empty()).then_some(public),
                dm,
            })
        };
        let en = texts()?;
        let es = texts()?;
        out.push(LibTemplate {
            id,
            scenarios: Box::leak(scenarios.into_boxed_slice()),
            tags: Box::leak(tags.into_boxed_slice()),
            contact,
            en,
            es,
        });
    }
    Ok(out)
}

/// Installs the library in the page module, once; returns how many templates it holds.
#[cfg(target_arch = "wasm32")]
pub fn install(text: String) -> Result<usize, String> {
    let templates: &'static [LibTemplate] =
        Box::leak(unflatten(Box::leak(text.into_boxed_str()))?.into_boxed_slice());
    INSTALLED
        .set(templates)
        .map_err(|_| "the template library was already installed".to_owned())?;
    Ok(templates.len())
}

/// The template with `id`.
pub fn get(id: &str) -> Option<&'static LibTemplate> {
    all().find(|t| t.id == id)
}
