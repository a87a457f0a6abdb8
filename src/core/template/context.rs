//! What a template is rendered with: who the customer and the agent are, the brand, the site,
//! how long the customer has waited, and the values the agent typed into fill-in fields.

use super::ast::Var;
use crate::core::check::text::is_combining_mark;
use crate::core::conversation::{Author, Lang, Site};
use crate::core::str_map::StrMap;
use crate::core::words::Words;
use serde::{Deserialize, Serialize};

/// Everything a template may refer to. Unknown values are `None` (or empty): a variable without
/// a fallback then fails to render instead of leaving a blank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// The language of the template being rendered (used for `{wait}`).
    pub lang: Lang,
    #[serde(default)]
    pub customer: Option<Author>,
    /// The agent's full name ("Sam Rivera").
    #[serde(default)]
    pub agent_name: Option<String>,
    /// The agent's initials as the team signs them ("SR"); derived from the name when absent.
    #[serde(default)]
    pub agent_initials: Option<String>,
    #[serde(default)]
    pub brand_name: Option<String>,
    #[serde(default)]
    pub site: Option<Site>,
    /// How long the customer has waited for us, in whole minutes.
    #[serde(default)]
    pub wait_minutes: Option<u32>,
    /// Fill-in values by field id.
    #[serde(default)]
    pub fields: StrMap<String>,
    /// We have already written to the customer in this exchange: a reply that opens by
    /// greeting them does not greet them again (see [`Template::render_with_choices`]).
    ///
    /// [`Template::render_with_choices`]: super::Template::render_with_choices
    #[serde(skip)]
    pub answered: bool,
    /// The draft the reply goes into already begins with the customer's @handle (Instagram's
    /// "Reply" writes it): `{customer.first_name}` does not name them by it a second time
    /// ("@marco.trails Thank you, marco.trails!"); the template's fallback says it instead.
    #[serde(skip)]
    pub addressed: bool,
    /// The draft the reply goes after ends by greeting the customer by their first name ("Hi
    /// Jane," or "Hi Jane!"): a reply that opens by greeting them opens without it, going on
    /// in small letters ("you're right…"; the composer starts a sentence with a capital after
    /// a draft's "!").
    #[serde(skip)]
    pub greeted: bool,
}

impl Context {
    /// A context that knows nothing yet, for a template in `lang`.
    pub fn new(lang: Lang) -> Context {
        Context {
            lang,
            customer: None,
            agent_name: None,
            agent_initials: None,
            brand_name: None,
            site: None,
            wait_minutes: None,
            fields: StrMap::new(),
            answered: false,
            addressed: false,
            greeted: false,
        }
    }

    /// Sets a fill-in value (builder style).
    pub fn with_field(mut self, id: &str, value: &str) -> Context {
        self.fields.insert(id.to_owned(), value.to_owned());
        self
    }

    /// The value of `var`, or `None` when it is unknown or empty.
    pub fn value(&self, var: Var) -> Option<String> {
        let v = match var {
            Var::CustomerName => self.customer.as_ref().map(|a| a.name.trim().to_owned()),
            Var::CustomerFirstName => self.customer.as_ref().and_then(|a| {
                customer_first_name(a).filter(|f| !(self.addressed && handle(a) == Some(f)))
            }),
            Var::CustomerHandle => self
                .customer
                .as_ref()
                .and_then(|a| handle(a))
                .map(|h| format!("@{h}")),
            Var::AgentName => self.agent_name.as_ref().map(|n| n.trim().to_owned()),
            Var::AgentFirstName => self
                .agent_name
                .as_deref()
                .and_then(|n| name_words(n).next())
                .map(str::to_owned),
            Var::AgentInitials => match self.agent_initials.as_deref().map(str::trim) {
                Some(i) if !i.is_empty() => Some(i.to_owned()),
                _ => self.agent_name.as_deref().map(initials),
            },
            Var::BrandName => self.brand_name.as_ref().map(|n| n.trim().to_owned()),
            Var::SiteName => self.site.map(|s| s.display_name().to_owned()),
            // A short wait is not said ("sorry you waited a minute" reads as a slight): the
            // template's fallback ("so long") says it.
            Var::Wait => self
                .wait_minutes
                .filter(|&m| m >= WAIT_SAID_FROM)
                .map(|m| humanize_wait(m, self.lang)),
            Var::WaitMinutes => self.wait_minutes.map(|m| m.to_string()),
        };
        v.filter(|s| !s.is_empty())
    }
}

fn handle(a: &Author) -> Option<&str> {
    a.handle
        .as_deref()
        .map(|h| h.trim().trim_start_matches('@'))
        .filter(|h| !h.is_empty())
}

/// Titles before a name, in the languages of the greetings ("Dr. Ana Ruiz" → "Ana"): skipped
/// when looking for a first name, and by the checklist's wrong-name check. Not "don": it is
/// a first name in English.
pub const TITLES: Words = words![
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "sr", "sra", "srta", "doña", "dña",
    "herr", "frau", "mme", "mlle", "m",
];

/// Words that open a name that is not a person's ("The Coffee Lover", "La Casa del Pan"):
/// such a display name gives no first name.
/// Not "an": it is a first name (Vietnamese, Flemish).
const ARTICLES: Words = words!["the", "a", "el", "la", "los", "las"];

/// The shortest wait, in minutes, that `{wait}` says.
const WAIT_SAID_FROM: u32 = 10;

/// The first name to greet the customer by: the display name's first word, after emoji, a part
/// in brackets ("[BOT]") and titles, when it reads as a name: letters (with apostrophes and
/// hyphens, "O'Brien-Smith"), more than an initial, not an article; an all-capital one
/// ("MARIA") as "Maria", an all-small one ("jean-luc") as "Jean-Luc".
/// Else the handle, as the customer goes by it on the site (and as the checks see them
/// addressed); else none, and the template's fallback greets ("Hi there"), not "Hi J.R.R" or
/// "Hi BOT".
#[inline(never)]
pub fn customer_first_name(a: &Author) -> Option<String> {
    let cleaned = without_markup(&a.name);
    let name = cleaned.trim();
    let h = handle(a);
    // A name holding a direction override is drawn in another order than it is written
    // ("\u{202e}airaM" shows as "Maria"): its words are not greeted, the handle is.
    let reordered = name.contains(|c| matches!(c, '\u{202a}'..='\u{202e}'));
    let only_handle = name.is_empty()
        || reordered
        || name.starts_with('@')
        || h.is_some_and(|h| h.eq_ignore_ascii_case(name));
    let word = name_words(name)
        // An accent written after its letter (decomposed, "José" as "Jose\u{301}") stays.
        .map(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches(|c: char| !c.is_alphanumeric() && !is_combining_mark(c))
        })
        .find(|w| !TITLES.contains(w.to_lowercase().as_str()))
        .filter(|_| !only_handle)
        .filter(|w| !ARTICLES.contains(w.to_lowercase().as_str()))
        .filter(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            w.chars()
                .all(|c| c.is_alphabetic() || is_combining_mark(c) || matches!(c, '\'' | '’' | '-'))
                // One letter is an initial ("É."), unless the script has no case (山).
                && (letters > 1 || !w.chars().any(|c| c.is_uppercase() || c.is_lowercase()))
        });
    if let Some(w) = word {
        if w.chars().filter(|c| c.is_alphabetic()).count() > 1
            && w.chars().any(char::is_uppercase)
            && !w.chars().any(char::is_lowercase)
        {
            let mut chars = w.chars();
            let first: String = chars.next().into_iter().collect();
            return Some(first + &chars.as_str().to_lowercase());
        }
        if w.chars().any(char::is_lowercase) && !w.chars().any(char::is_uppercase) {
            // Each part after a hyphen or an apostrophe too ("Jean-Luc", "O'Brien").
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                start = matches!(c, '-' | '\'' | '’');
            }
            return Some(out);
        }
        return Some(w.to_owned());
    }
    h.map(str::to_owned).or_else(|| {
        Some(name.trim_start_matches('@').to_owned())
            .filter(|n| only_handle && !reordered && n.chars().any(char::is_alphanumeric))
    })
}

/// `name` without what reads as markup: from a "<" followed by a letter or "/" to the next
/// ">", or the end ("<img src=x …>Maria" → "Maria"; "<3 Maria" keeps its "<3", a word with no
/// letter).
/// A display name is shown as text, so such a tag is part of the name, never a person's.
fn without_markup(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.contains('<') {
        return name.into();
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        let tag = after.starts_with(|c: char| c.is_alphabetic() || c == '/');
        out.push_str(&rest[..at]);
        if !tag {
            out.push('<');
            rest = after;
            continue;
        }
        // A tag left open (cut short by the site) runs to the end.
        out.push(' ');
        rest = after.find('>').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out.into()
}

/// The words of the agent's name: without words that have no letter (an emoji) or a part in
/// brackets ("(she/her)", "[they/them]").
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    let mut aside = false;
    name.split_whitespace().filter(move |w| {
        let skip = aside || w.starts_with(['(', '[']);
        aside = skip && !w.ends_with([')', ']']);
        !skip && w.chars().any(char::is_alphabetic)
    })
}

/// "Sam Rivera" → "SR", "maría josé garcía" → "MG" (first and last word of `name_words`).
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name_words(name).collect();
    let pick = match words.as_slice() {
        [] => vec![],
        [one] => vec![*one],
        [first, .., last] => vec![*first, *last],
    };
    pick.iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// How long someone has waited, in words of `lang`: "a minute", "20 minutes", "an hour",
/// "over 2 hours", "a day", "over a day" (24–47 hours), "3 days", "over 3 days".
/// Fits after "waiting", "waited" and "it has taken" (and "esperando", "esperar", "haya
/// tardado"): "I'm sorry it has taken over a day".
pub fn humanize_wait(minutes: u32, lang: Lang) -> String {
    let (hours, days) = (minutes / 60, minutes / (24 * 60));
    let es = lang == Lang::Es;
    let over = |exact: bool| match (exact, es) {
        (true, _) => "",
        (false, false) => "over ",
        (false, true) => "más de ",
    };
    match minutes {
        0..=1 if es => "un minuto".to_owned(),
        0..=1 => "a minute".to_owned(),
        2..=59 if es => format!("{minutes} minutos"),
        2..=59 => format!("{minutes} minutes"),
        60..=119 => {
            let exact = minutes == 60;
            format!("{}{}", over(exact), if es { "una hora" } else { "an hour" })
        }
        120..=1439 => {
            let unit = if es { "horas" } else { "hours" };
            format!("{}{hours} {unit}", over(minutes % 60 == 0))
        }
        1440..=2879 => {
            let exact = minutes == 1440;
            format!("{}{}", over(exact), if es { "un día" } else { "a day" })
        }
        _ => {
            let unit = if es { "días" } else { "days" };
            format!("{}{days} {unit}", over(minutes % 1440 == 0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_is_humanised_in_both_languages() {
        let cases = [
            (0, "a minute", "un minuto"),
            (1, "a minute", "un minuto"),
            (20, "20 minutes", "20 minutos"),
            (60, "an hour", "una hora"),
            (61, "over an hour", "más de una hora"),
            (120, "2 hours", "2 horas"),
            (150, "over 2 hours", "más de 2 horas"),
            (1439, "over 23 hours", "más de 23 horas"),
            (1440, "a day", "un día"),
            (2879, "over a day", "más de un día"),
            (2880, "2 days", "2 días"),
            (5000, "over 3 days", "más de 3 días"),
            (u32::MAX, "over 2982616 days", "más de 2982616 días"),
        ];
        for (m, en, es) in cases {
            assert_eq!(humanize_wait(m, Lang::En), en, "{m}");
            assert_eq!(humanize_wait(m, Lang::Es), es, "{m}");
        }
    }

    fn author(name: &str, handle: Option<&str>) -> Author {
        Author {
            name: name.into(),
            handle: handle.map(Into::into),
        }
    }

    #[test]
    fn first_name_prefers_the_name_then_the_handle() {
        let cases = [
            ("Maria Garcia", Some("mgarcia"), Some("Maria")),
            ("🌸 Lucía López 🌸", None, Some("Lucía")),
            ("Dr. Ana Ruiz", None, Some("Ana")),
            ("O'Brien-Smith Jr", None, Some("O'Brien-Smith")),
            ("山田 太郎", None, Some("山田")),
            ("José María", None, Some("José")),
            // "Don" is a first name in English.
            ("Don Johnson", None, Some("Don")),
            // A tag in brackets is no name; a shouted name is greeted in the usual case.
            ("[BOT] Maria", None, Some("Maria")),
            ("Maria (she/her)", None, Some("Maria")),
            ("MARIA GARCIA", None, Some("Maria")),
            ("ÁLVARO", None, Some("Álvaro")),
            // A name written all small is greeted with capitals, each part of it.
            ("jean-luc picard", None, Some("Jean-Luc")),
            ("o'brien", None, Some("O'Brien")),
            ("An Nguyen", None, Some("An")),
            ("élodie", Some("elo"), Some("Élodie")),
            // A name that opens with an article is not a person's: the handle, else none.
            (
                "The Coffee Lover ☕",
                Some("coffeelover"),
                Some("coffeelover"),
            ),
            ("The Coffee Lover ☕", None, None),
            ("La Casa del Pan", None, None),
            // No name in the display name: the handle, as the customer goes by it.
            ("mgarcia", Some("mgarcia"), Some("mgarcia")),
            ("@mgarcia", None, Some("mgarcia")),
            ("", Some("@mgarcia"), Some("mgarcia")),
            ("🌸🌸", Some("flor"), Some("flor")),
            ("J.R.R. Tolkien", Some("jrrt"), Some("jrrt")),
            ("M.", Some("mgarcia"), Some("mgarcia")),
            ("É. Dupont", Some("edupont"), Some("edupont")),
            ("李", None, Some("李")),
            // Nor a handle: the template's fallback greets ("Hi there"), not an initial, an
            // emoji or something that only looks like a placeholder.
            ("   ", None, None),
            ("🌸🌸", None, None),
            ("J.R.R. Tolkien", None, None),
            ("{customer.first_name}", None, None),
            ("user_4471", None, None),
            // What reads as markup is no part of a name (the page shows it as text).
            (
                "<img src=x onerror=\"window.__pwned=1\">Maria",
                None,
                Some("Maria"),
            ),
            ("<b>Lena</b> K", None, Some("Lena")),
            ("<3 Maria", None, Some("Maria")),
            ("<img src=x", None, None),
            // An accent written after its letter is the name's, last letter too.
            ("Jose\u{301} Nu\u{303}n\u{303}ez", None, Some("Jose\u{301}")),
            ("Rene\u{301}", None, Some("Rene\u{301}")),
            // A name the page draws in another order than it is written: not greeted by it.
            ("\u{202e}airaM Garcia", Some("mgarcia"), Some("mgarcia")),
            ("\u{202e}airaM Garcia", None, None),
        ];
        for (name, h, want) in cases {
            let mut ctx = Context::new(Lang::En);
            ctx.customer = Some(author(name, h));
            assert_eq!(
                ctx.value(Var::CustomerFirstName).as_deref(),
                want,
                "{name:?} {h:?}"
            );
        }
    }

    #[test]
    fn agent_values_derive_from_the_name() {
        let mut ctx = Context::new(Lang::Es);
        assert_eq!(ctx.value(Var::AgentInitials), None);
        ctx.agent_name = Some("  maría josé garcía ".into());
        assert_eq!(ctx.value(Var::AgentInitials).as_deref(), Some("MG"));
        assert_eq!(ctx.value(Var::AgentFirstName).as_deref(), Some("maría"));
        ctx.agent_initials = Some("MJ".into());
        assert_eq!(ctx.value(Var::AgentInitials).as_deref(), Some("MJ"));
        ctx.agent_initials = Some(" ".into());
        assert_eq!(ctx.value(Var::AgentInitials).as_deref(), Some("MG"));
    }

    #[test]
    fn agent_initials_and_first_name_leave_out_emoji_and_a_part_in_brackets() {
        let mut ctx = Context::new(Lang::En);
        for (name, first, initials) in [
            ("Sam Rivera 🌟", "Sam", "SR"),
            ("Sam Rivera (she/her)", "Sam", "SR"),
            ("Sam (they / them) Rivera", "Sam", "SR"),
            ("(she/her) Sam Rivera", "Sam", "SR"),
            ("Sam Rivera [she/her]", "Sam", "SR"),
            ("😀 Zoë Ångström", "Zoë", "ZÅ"),
            ("Sam", "Sam", "S"),
        ] {
            ctx.agent_name = Some(name.into());
            assert_eq!(
                ctx.value(Var::AgentFirstName).as_deref(),
                Some(first),
                "{name}"
            );
            assert_eq!(
                ctx.value(Var::AgentInitials).as_deref(),
                Some(initials),
                "{name}"
            );
        }
    }

    #[test]
    fn handle_gets_one_at_sign_and_empty_values_are_unknown() {
        let mut ctx = Context::new(Lang::En);
        ctx.customer = Some(author("", Some("@@x")));
        assert_eq!(ctx.value(Var::CustomerHandle).as_deref(), Some("@x"));
        ctx.customer = Some(author("Ana", Some("ana")));
        assert_eq!(ctx.value(Var::CustomerHandle).as_deref(), Some("@ana"));
        ctx.customer = Some(author("Ana", Some(" ")));
        assert_eq!(ctx.value(Var::CustomerHandle), None);
        ctx.brand_name = Some("  ".into());
        assert_eq!(ctx.value(Var::BrandName), None);
        ctx.site = Some(Site::Instagram);
        assert_eq!(ctx.value(Var::SiteName).as_deref(), Some("Instagram"));
        ctx.wait_minutes = Some(90);
        assert_eq!(ctx.value(Var::WaitMinutes).as_deref(), Some("90"));
        assert!(ctx.value(Var::Wait).is_some());
        // A wait of a few minutes is not said: the fallback ("so long") is.
        ctx.wait_minutes = Some(1);
        assert_eq!(ctx.value(Var::Wait), None);
        assert_eq!(ctx.value(Var::WaitMinutes).as_deref(), Some("1"));
    }
}
