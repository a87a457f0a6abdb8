//! The team's own replies, written on the settings page as plain text beside the built-in
//! library: a business's opening hours, its returns address, its way of saying sorry.
//!
//! ```text
//! # Opening hours [how-to]
//! We're open 9 to 5 on weekdays, {customer.first_name|there}. ^{agent.initials}
//! DM:
//! Hi {customer.first_name|there}, we're open 9 to 5 on weekdays.
//!
//! {agent.first_name}
//! ```
//!
//! A line starting with `# ` begins a reply and gives its title; in brackets at its end, the
//! scenarios the reply answers (ids as the library's, "order late" as well as "order-late"),
//! the first the main one. Without them the reply is found by the search and the slash search
//! but never suggested. The lines after the title are the reply, in the template language; a
//! line starting with `DM:` begins its direct-message form (else the reply serves both, and a
//! reply that starts with `DM:` is for direct messages only). The same words serve both
//! languages: they are the team's. Every problem is refused with its line, and the template
//! language's errors with the line and column in the whole text.

use super::{Contact, Dm, LibTemplate, Texts};
use crate::core::scenario::Scenario;
use crate::core::template::parse as parse_template;

/// At most this many replies.
pub const MAX_REPLIES: usize = 200;
/// A title's length, in characters.
pub const MAX_TITLE: usize = 80;
/// The ids of the team's replies start so (the search finds them all by "own").
pub const ID_PREFIX: &str = "own-";

/// One reply as written, borrowing from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnReply<'a> {
    /// The title line's number, 1-based.
    pub line: usize,
    pub title: &'a str,
    pub scenarios: Vec<Scenario>,
    /// The text for public threads; `None` for a reply written for direct messages only.
    pub public: Option<&'a str>,
    /// The direct-message form, when one is written.
    pub dm: Option<&'a str>,
}

/// The replies written in `text`, or what is wrong, with its line ("Your replies, line 4:
/// …").
pub fn parse(text: &str) -> Result<Vec<OwnReply<'_>>, String> {
    let fail = |line: usize, message: String| Err(format!("Your replies, line {line}: {message}"));
    // Each line with where it starts in `text`.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        lines.push((at, line.strip_suffix('\r').unwrap_or(line)));
        at += line.len() + 1;
    }
    let mut out: Vec<OwnReply> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (_, line) = lines[i];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        let Some(head) = title_line(line) else {
            return fail(
                i + 1,
                "a reply begins with its title on a line starting with \"# \" (# Opening hours)"
                    .to_owned(),
            );
        };
        let number = i + 1;
        let (title, scenarios) = match head.rfind('[') {
            Some(open) if head.trim_end().ends_with(']') => {
                let inside = &head[open + 1..head.trim_end().len() - 1];
                let mut scenarios = Vec::new();
                for name in inside.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    match scenario(name) {
                        Ok(s) if !scenarios.contains(&s) => scenarios.push(s),
                        Ok(_) => {}
                        Err(e) => return fail(number, e),
                    }
                }
                (head[..open].trim(), scenarios)
            }
            _ => (head.trim(), Vec::new()),
        };
        if title.is_empty() {
            return fail(number, "the reply has no title after \"# \"".to_owned());
        }
        if title.chars().count() > MAX_TITLE {
            return fail(
                number,
                format!("the title is longer than {MAX_TITLE} characters"),
            );
        }
        if let Some(other) = out
            .iter()
            .find(|o| o.title.to_lowercase() == title.to_lowercase())
        {
            return fail(
                number,
                format!(
                    "\"{title}\" is the title of the reply on line {} too: give each reply its own",
                    other.line
                ),
            );
        }
        // The reply's lines run to the next title.
        let end = (i + 1..lines.len())
            .find(|&j| title_line(lines[j].1).is_some())
            .unwrap_or(lines.len());
        let dm_line = (i + 1..end).find(|&j| dm_start(lines[j].1).is_some());
        let body_end = |j: usize| lines.get(j).map_or(text.len(), |&(at, _)| at);
        let public_range = (
            lines.get(i + 1).map_or(text.len(), |l| l.0),
            body_end(dm_line.unwrap_or(end)),
        );
        let public = trimmed(text, public_range);
        let dm = match dm_line {
            Some(j) => {
                let from =
                    lines[j].0 + (lines[j].1.len() - dm_start(lines[j].1).unwrap_or("").len());
                match trimmed(text, (from, body_end(end))) {
                    Some(dm) => Some(dm),
                    None => return fail(j + 1, "\"DM:\" is followed by no text".to_owned()),
                }
            }
            None => None,
        };
        if public.is_none() && dm.is_none() {
            return fail(number, format!("\"{title}\" has no text below its title"));
        }
        for part in [public, dm].into_iter().flatten() {
            // Parsed where it stands, so that an error names the line and column in the box.
            let start = part.as_ptr() as usize - text.as_ptr() as usize;
            let line_of = text[..start].matches('\n').count();
            let column = text[..start]
                .rsplit('\n')
                .next()
                .unwrap_or("")
                .chars()
                .count();
            let placed = format!("{}{}{part}", "\n".repeat(line_of), " ".repeat(column));
            if let Err(e) = parse_template(&placed) {
                return fail(e.pos.line as usize, e.message);
            }
        }
        out.push(OwnReply {
            line: number,
            title,
            scenarios,
            public,
            dm,
        });
        if out.len() > MAX_REPLIES {
            return fail(number, format!("more than {MAX_REPLIES} replies"));
        }
        i = end;
    }
    Ok(out)
}

/// A title line's text after "# ".
fn title_line(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix("# ")
}

/// The text after "DM:" on a line that begins the direct-message form.
fn dm_start(line: &str) -> Option<&str> {
    let t = line.trim_start();
    t.get(..3)
        .filter(|s| s.eq_ignore_ascii_case("dm:"))
        .map(|_| &t[3..])
}

/// The text between `range` without the white space around it; `None` when there is none.
fn trimmed(text: &str, (from, to): (usize, usize)) -> Option<&str> {
    let t = text.get(from..to.max(from))?.trim();
    (!t.is_empty()).then_some(t)
}

/// The scenario `name` gives (its id, in any case, spaces for hyphens), or what is wrong.
fn scenario(name: &str) -> Result<Scenario, String> {
    let id = name
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    Scenario::from_id(&id).ok_or_else(|| {
        let ids: Vec<&str> = Scenario::ALL.iter().map(|s| s.id()).collect();
        format!(
            "\"{name}\" is not a scenario: use one of {}",
            ids.join(", ")
        )
    })
}

/// The replies of `text` as templates (ids `own-1`, `own-2`, … in their order), borrowing from
/// it.
pub fn templates(text: &'static str) -> Result<Vec<LibTemplate>, String> {
    Ok(parse(text)?
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            let texts = Texts {
                title: r.title,
                public: r.public,
                dm: match (r.public, r.dm) {
                    (_, Some(dm)) => Dm::Own(dm),
                    (Some(_), None) => Dm::Same,
                    (None, None) => Dm::None,
                },
            };
            LibTemplate {
                id: Box::leak(format!("{ID_PREFIX}{}", n + 1).into_boxed_str()),
                scenarios: Box::leak(r.scenarios.into_boxed_slice()),
                tags: &[],
                contact: Contact::Any,
                en: texts,
                es: texts,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conversation::{Lang, Surface};
    use crate::core::library::{all, get, install_own, search, suggest};

    const HOURS: &str = "# Opening hours [how-to]\n\
        We're open 9 to 5 on weekdays, {customer.first_name|there}. ^{agent.initials}\n\
        DM:\n\
        Hi {customer.first_name|there},\n\
        \n\
        we're open 9 to 5 on weekdays.\n\
        \n\
        {agent.first_name}\n";

    #[test]
    fn a_reply_has_its_title_scenarios_and_both_forms() {
        let text = format!(
            "\n{HOURS}\n#  Returns address [Refund, order late]\r\nSend it to {{?address:Our returns address}}.\n\
             # Card lost\nDM: Hi, your new card is on its way.\n# Just a note\nThanks!"
        );
        let replies = parse(&text).unwrap();
        assert_eq!(replies.len(), 4);
        let hours = &replies[0];
        assert_eq!((hours.line, hours.title), (2, "Opening hours"));
        assert_eq!(hours.scenarios, [Scenario::HowTo]);
        assert_eq!(
            hours.public,
            Some("We're open 9 to 5 on weekdays, {customer.first_name|there}. ^{agent.initials}")
        );
        assert_eq!(
            hours.dm,
            Some("Hi {customer.first_name|there},\n\nwe're open 9 to 5 on weekdays.\n\n{agent.first_name}")
        );
        let returns = &replies[1];
        assert_eq!(returns.title, "Returns address");
        assert_eq!(returns.scenarios, [Scenario::Refund, Scenario::OrderLate]);
        assert_eq!(
            returns.public,
            Some("Send it to {?address:Our returns address}.")
        );
        assert_eq!(returns.dm, None);
        // For direct messages only, and a reply the search finds but nothing suggests.
        assert_eq!(
            (replies[2].public, replies[2].dm),
            (None, Some("Hi, your new card is on its way."))
        );
        assert!(replies[3].scenarios.is_empty());
        assert_eq!(parse("\n  \n").unwrap(), []);
    }

    #[test]
    fn every_problem_is_refused_with_its_line() {
        let refused = |text: &str| parse(text).unwrap_err();
        assert_eq!(
            refused("Hello there\n# Title\nText"),
            "Your replies, line 1: a reply begins with its title on a line starting with \"# \" (# Opening hours)"
        );
        assert!(refused("# A\nText\n# Returns [refnd]\nText").starts_with(
            "Your replies, line 3: \"refnd\" is not a scenario: use one of waiting, outage, billing,"
        ));
        assert_eq!(
            refused("# A\nText\n\n# Empty\n\n"),
            "Your replies, line 4: \"Empty\" has no text below its title"
        );
        assert_eq!(
            refused("# A\nText\nDM:  \n"),
            "Your replies, line 3: \"DM:\" is followed by no text"
        );
        assert_eq!(
            refused("# Hours\nText\n# hours [how-to]\nMore"),
            "Your replies, line 3: \"hours\" is the title of the reply on line 1 too: give each reply its own"
        );
        assert!(refused(&format!("# {}\nText", "a".repeat(81))).contains("longer than 80"));
        assert_eq!(
            refused("# [refund]\nText"),
            "Your replies, line 1: the reply has no title after \"# \""
        );
        // The template language's errors name the line and column in the whole box.
        assert_eq!(
            refused("# A\nText\n\n# B\nFine line\n  Hi {customer.frist_name}"),
            "Your replies, line 6: unknown variable `customer.frist_name` at 6:7 (did you mean customer.first_name?)"
        );
        assert!(
            refused("# A\nDM: Hi {customer.name").contains("line 2: unclosed `{` opened at 2:8")
        );
        let many: String = (0..=MAX_REPLIES)
            .map(|n| format!("# R{n}\nText\n"))
            .collect();
        assert_eq!(
            refused(&many),
            format!(
                "Your replies, line {}: more than {MAX_REPLIES} replies",
                2 * MAX_REPLIES + 1
            )
        );
    }

    #[test]
    fn installed_replies_join_the_search_and_lead_their_scenario() {
        assert_eq!(
            install_own(&format!(
                "{HOURS}# Refund policy [refund]\nWe refund within 14 days.\n# Aside\nJust a note."
            )),
            Ok(3)
        );
        let hours = get("own-1").unwrap();
        assert_eq!(hours.texts(Lang::Es).title, "Opening hours");
        assert!(hours
            .text(Lang::En, Surface::Dm)
            .unwrap()
            .starts_with("Hi {customer"));
        let found: Vec<&str> = search("hours", Lang::En).iter().map(|t| t.id).collect();
        assert_eq!(found.first(), Some(&"own-1"));
        let found: Vec<&str> = search("own", Lang::En).iter().map(|t| t.id).collect();
        assert!(
            ["own-1", "own-2", "own-3"]
                .iter()
                .all(|id| found.contains(id)),
            "{found:?}"
        );
        // First among the refund replies, and the scenarios keep their order.
        let ranked = suggest(
            &[(Scenario::Billing, 0.9), (Scenario::Refund, 0.6)],
            Surface::Post,
            Lang::En,
            &[],
            3,
        );
        let ids: Vec<&str> = ranked.iter().map(|s| s.template.id).collect();
        assert_eq!(ranked[0].scenario, Scenario::Billing);
        assert_eq!(ids[1], "own-2", "{ids:?}");
        // A reply with no scenario is never suggested.
        let every = suggest(
            &Scenario::ALL.map(|s| (s, 1.0)),
            Surface::Post,
            Lang::En,
            &[],
            usize::MAX,
        );
        assert!(every.iter().all(|s| s.template.id != "own-3"));
        // A broken text changes nothing; an empty one takes them away.
        assert!(install_own("# Broken\nHi {x").is_err());
        assert_eq!(all().filter(|t| t.id.starts_with(ID_PREFIX)).count(), 3);
        assert_eq!(install_own(""), Ok(0));
        assert!(get("own-1").is_none());
    }
}
