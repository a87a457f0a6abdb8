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
//! A line starting with `# ` (at its very start) begins a reply and gives its title; in
//! brackets at its end, the scenarios the reply answers (ids as the library's, "order late" as
//! well as "order-late"), the first the main one. Without them the reply is found by the
//! search and the slash search but never suggested. The lines after the title are the reply,
//! in the template language (one whose first scenario is follow-up is offered only once we
//! have written to the customer); a line `DM:` alone begins its direct-message form (else the reply
//! serves both, and a reply that starts with it is for direct messages only). The same words
//! serve both languages (they are the team's); the suggestions offer a reply only in the
//! language it reads as. Every problem is refused with its line, and the template language's
//! errors with the line and column in the whole text.

use super::{normalize, Contact, Dm, LibTemplate, Texts};
use crate::core::scenario::Scenario;
use crate::core::template::{char_distance, parse as parse_template};

/// At most this many replies.
pub const MAX_REPLIES: usize = 200;
/// A title's length, in characters.
pub const MAX_TITLE: usize = 80;
/// The whole text's length, in characters (the settings file shared with the team holds it).
pub const MAX_CHARS: usize = 100_000;
/// The ids of the team's replies start so; the rest is the title's words ("own-opening-hours").
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
    let (replies, problem) = usable(text);
    match problem {
        Some(said) => Err(said),
        None => Ok(replies),
    }
}

/// The replies of `text` that can be used, and what is wrong with the others (as [`parse`]
/// says it): replies saved before a rule they break was made are passed over one by one, the
/// team's other replies still offered. Text over [`MAX_CHARS`] gives none.
pub fn usable(text: &str) -> (Vec<OwnReply<'_>>, Option<String>) {
    if text.chars().count() > MAX_CHARS {
        let said = format!(
            "Your replies are longer than {MAX_CHARS} characters: keep the ones the team uses"
        );
        return (Vec::new(), Some(said));
    }
    // Each line with where it starts in `text`.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        lines.push((at, line.strip_suffix('\r').unwrap_or(line)));
        at += line.len() + 1;
    }
    // Every problem, each reply read on after one: a team pasting fifty replies mends them in
    // one go. The first is said first, with its place (the box puts the caret there).
    let mut problems: Vec<(usize, String)> = Vec::new();
    // A title meant but not written as one ("#Returns address", " # Returns address") would
    // go out as the words of the reply above: a line that starts so, where a new reply could
    // begin (after a blank line or a title) or ending in brackets, is refused.
    for (n, (_, l)) in lines.iter().enumerate() {
        let after_gap =
            n == 0 || lines[n - 1].1.trim().is_empty() || title_line(lines[n - 1].1).is_some();
        let hashed = l.starts_with('#') && !l.starts_with("# ") && !l.starts_with("##");
        let indented = l.starts_with(char::is_whitespace) && l.trim_start().starts_with("# ");
        if (hashed || indented) && (after_gap || l.trim_end().ends_with(']')) {
            problems.push((
                n + 1,
                "this looks like a title: a title line starts with \"# \" at the very start of \
                 the line (for words of a reply, begin the line otherwise)"
                    .to_owned(),
            ));
        }
    }
    // An override or embedding reorders the words around it in the reply the customer reads
    // (an isolate, U+2066–2069, is how mixed directions are written well: allowed).
    for (n, (_, l)) in lines.iter().enumerate() {
        if let Some(c) = l.chars().find(|c| matches!(c, '\u{202a}'..='\u{202e}')) {
            problems.push((
                n + 1,
                format!(
                    "holds an invisible text-direction control (U+{:04X}), which would reorder \
                     the words of the reply",
                    u32::from(c)
                ),
            ));
        }
    }
    let mut out: Vec<OwnReply> = Vec::new();
    // Each reply's lines, 1-based, the first and the one after its last.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].1.trim().is_empty() {
            i += 1;
            continue;
        }
        // The reply's lines run to the next title.
        let end = (i + 1..lines.len())
            .find(|&j| title_line(lines[j].1).is_some())
            .unwrap_or(lines.len());
        if let Some(reply) = reply_at(text, &lines, i, end, &out, &mut problems) {
            if out.len() == MAX_REPLIES {
                problems.push((reply.line, format!("more than {MAX_REPLIES} replies")));
                break;
            }
            out.push(reply);
            spans.push((i + 1, end + 1));
        }
        i = end;
    }
    // A reply with a problem on one of its lines is not used.
    let mut spans = spans.into_iter();
    out.retain(|_| {
        let (from, to) = spans.next().unwrap_or_default();
        !problems.iter().any(|p| (from..to).contains(&p.0))
    });
    // One problem a line (a "#Title" line is not a title either): the first found.
    crate::core::sort::sort_by_key(&mut problems, |p| p.0);
    problems.dedup_by_key(|p| p.0);
    let Some((line, first)) = problems.first() else {
        return (out, None);
    };
    let mut said = format!("Your replies, line {line}: {first}");
    // A problem that ends its sentence ("did you mean refund?") takes no full stop.
    let stop = |said: &str| if said.ends_with('?') { " " } else { ". " };
    for (line, problem) in problems.iter().skip(1).take(MAX_SAID - 1) {
        said.push_str(&format!("{}Also line {line}: {problem}", stop(&said)));
    }
    if problems.len() > MAX_SAID {
        said.push_str(&format!(
            "{}And {} more problems below",
            stop(&said),
            problems.len() - MAX_SAID
        ));
    }
    (out, Some(said))
}

/// At most this many problems are said at once.
const MAX_SAID: usize = 5;

/// The reply whose lines are `lines[i..end]` (the first a title), each problem found in it
/// pushed to `problems` with its line, all of them: a wrong scenario in the title does not
/// hide a broken brace below it. `None` when the first line is no title. A reply with a
/// problem is returned all the same (the caller passes it over), so that a later reply with
/// its title is found at once, not once this one is mended.
fn reply_at<'a>(
    text: &'a str,
    lines: &[(usize, &'a str)],
    i: usize,
    end: usize,
    before: &[OwnReply],
    problems: &mut Vec<(usize, String)>,
) -> Option<OwnReply<'a>> {
    let number = i + 1;
    let mut fail = |line: usize, message: String| problems.push((line, message));
    let Some(head) = title_line(lines[i].1) else {
        fail(
            number,
            "a reply begins with its title on a line starting with \"# \" (# Opening hours)"
                .to_owned(),
        );
        return None;
    };
    let head = head.trim();
    let (title, scenarios) = match head.rfind('[') {
        Some(open) if head.ends_with(']') => {
            let inside = &head[open + 1..head.len() - 1];
            let mut scenarios = Vec::new();
            for name in inside.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                match scenario(name) {
                    Ok(s) if !scenarios.contains(&s) => scenarios.push(s),
                    Ok(_) => {}
                    Err(e) => {
                        // Where the name is on its line ("at 3:12"): the box puts the caret
                        // there, not at the line's start.
                        let line = lines[i].1;
                        let at = (name.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
                        let column = line.get(..at).map_or(0, |b| b.chars().count()) + 1;
                        let quoted = format!("\"{name}\"");
                        fail(
                            number,
                            e.replacen(&quoted, &format!("{quoted} at {number}:{column}"), 1),
                        );
                    }
                }
            }
            let title = head[..open].trim();
            if title.ends_with(']') {
                fail(
                    number,
                    "one pair of brackets names the scenarios: [refund, billing]".to_owned(),
                );
            }
            (title, scenarios)
        }
        _ => (head, Vec::new()),
    };
    // Invisible characters alone (a zero-width space) are no title either.
    if !title.chars().any(|c| !c.is_whitespace() && !invisible(c)) {
        fail(number, "the reply has no title after \"# \"".to_owned());
    } else if title.chars().count() > MAX_TITLE {
        fail(
            number,
            format!("the title is longer than {MAX_TITLE} characters"),
        );
    } else if let Some(other) = before.iter().find(|o| same_title(o.title, title)) {
        fail(
            number,
            format!(
                "\"{title}\" is the title of the reply on line {} too: give each reply its own",
                other.line
            ),
        );
    }
    // "DM:" alone, however spaced ("DM :", " dm: "): else the private text would go out in
    // public as words of the reply.
    let dm_line = (i + 1..end).find(|&j| {
        let bare: String = lines[j].1.split_whitespace().collect();
        bare.eq_ignore_ascii_case("dm:")
    });
    let start_of = |j: usize| lines.get(j).map_or(text.len(), |&(at, _)| at);
    let public = trimmed(text, (start_of(i + 1), start_of(dm_line.unwrap_or(end))));
    let dm = dm_line.and_then(|j| {
        let dm = trimmed(text, (start_of(j + 1), start_of(end)));
        if dm.is_none() {
            fail(j + 1, "\"DM:\" is followed by no text".to_owned());
        }
        dm
    });
    if public.is_none() && dm.is_none() && dm_line.is_none() {
        fail(number, format!("\"{title}\" has no text below its title"));
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
            fail(e.pos.line as usize, e.message);
        }
    }
    Some(OwnReply {
        line: number,
        title,
        scenarios,
        public,
        dm,
    })
}

/// Whether two titles read as one: the same words whatever the case, accents and marks
/// ("Opening hours" and "opening hours!"), or, for titles with no word (an emoji), the same.
fn same_title(a: &str, b: &str) -> bool {
    let (ka, kb) = (title_words(a), title_words(b));
    if ka.is_empty() && kb.is_empty() {
        a.trim() == b.trim()
    } else {
        ka == kb
    }
}

/// A title's words, without case or accents, joined by hyphens ("opening-hours").
fn title_words(title: &str) -> String {
    let folded = normalize(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

/// A title line's text after "# ", which begins the line.
/// A character that shows nothing: zero-width spaces and joiners, marks of direction, the
/// byte-order mark.
pub(crate) fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

fn title_line(line: &str) -> Option<&str> {
    line.strip_prefix("# ")
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
    if let Some(s) = Scenario::from_id(&id) {
        return Ok(s);
    }
    // The same words in another order ("late order"), or a slip of the keys ("refnd").
    let sorted = |s: &str| {
        let mut words: Vec<String> = s.split('-').map(str::to_owned).collect();
        crate::core::sort::sort_by(&mut words, |a, b| a.cmp(b));
        words
    };
    let chars: Vec<char> = id.chars().collect();
    let near = Scenario::ALL
        .into_iter()
        .find(|s| sorted(s.id()) == sorted(&id))
        .or_else(|| {
            Scenario::ALL
                .into_iter()
                .map(|s| {
                    (
                        char_distance(&chars, &s.id().chars().collect::<Vec<_>>()),
                        s,
                    )
                })
                .filter(|&(d, _)| d <= 2)
                .min_by_key(|&(d, _)| d)
                .map(|(_, s)| s)
        });
    Err(match near {
        Some(s) => format!("no scenario is called \"{name}\": did you mean {}?", s.id()),
        None => {
            let ids: Vec<&str> = Scenario::ALL.iter().map(|s| s.id()).collect();
            format!(
                "no scenario is called \"{name}\" (brackets ending a title name its scenarios): use one of {}",
                ids.join(", ")
            )
        }
    })
}

/// The id of the reply titled `title`: its words, lower case, joined by hyphens, after
/// [`ID_PREFIX`] ("own-opening-hours"); the same id as one in `taken` gets a number.
fn id_of(title: &str, taken: &[LibTemplate]) -> String {
    // A title with no word (an emoji) is a reply all the same.
    let words = match title_words(title) {
        w if w.is_empty() => "reply".to_owned(),
        w => w,
    };
    let mut id = format!("{ID_PREFIX}{words}");
    id.truncate(id.char_indices().nth(48).map_or(id.len(), |(i, _)| i));
    let base = id.clone();
    let mut n = 1;
    while taken.iter().any(|t| t.id == id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// Words too common to say what a reply is about (as [`key_words`] gives them).
const COMMON: &[&str] = &[
    "about", "after", "again", "also", "been", "before", "cant", "could", "does", "dont", "from",
    "have", "hello", "here", "into", "just", "know", "like", "more", "much", "need", "only",
    "please", "should", "some", "still", "than", "thank", "thanks", "that", "their", "them",
    "then", "there", "they", "this", "very", "want", "were", "what", "when", "where", "which",
    "will", "with", "would", "your", "ahora", "como", "cuando", "desde", "donde", "esta", "este",
    "esto", "estoy", "favor", "gracias", "hace", "hasta", "hola", "mucho", "nada", "para", "pero",
    "porque", "puedo", "quiero", "sobre", "tengo", "tiene", "todo", "usted",
];

/// The words of `text` that can say what it is about: without case or accents, four letters
/// or more, not too common, each once; the first `most` of them (a customer's message may be
/// a whole page, and each word is compared with those kept).
pub fn key_words(text: &str, most: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in normalize(text).split(|c: char| !c.is_alphanumeric()) {
        if out.len() == most {
            break;
        }
        if w.chars().count() >= 4 && !COMMON.contains(&w) && !out.iter().any(|o| o == w) {
            out.push(w.to_owned());
        }
    }
    out
}

/// How many of the customer's key words (`said`) a reply's key words (`words`) answer: the
/// same word, or one that starts the other ("ship" and "shipping").
pub fn fit(words: &[String], said: &[String]) -> usize {
    said.iter()
        .filter(|w| {
            words
                .iter()
                .any(|t| t.starts_with(w.as_str()) || w.starts_with(t.as_str()))
        })
        .count()
}

/// The public replies that can be longer than X allows once filled in (title, the longest
/// length, in X's count): each rendered with a long name, agent and brand, 20 characters in each
/// fill-in and the longest of each set of alternatives. The checklist flags such a reply on X
/// at send time; the settings page says so on save, as the library's tests hold the built-in
/// ones to it.
pub fn too_long_for_x<'a>(replies: &[OwnReply<'a>]) -> Vec<(&'a str, usize)> {
    use crate::core::conversation::Author;
    use crate::core::conversation::Lang;
    use crate::core::textlen::x_weighted_len;
    let limit = crate::core::textlen::limit(
        crate::core::conversation::Site::X,
        crate::core::conversation::Surface::Post,
    )
    .max;
    let mut out = Vec::new();
    for r in replies {
        let Some(Ok(tpl)) = r.public.map(parse_template) else {
            continue;
        };
        let mut longest = 0;
        for lang in [Lang::En, Lang::Es] {
            let mut ctx = crate::core::template::Context::new(lang);
            ctx.customer = Some(Author {
                name: "Alexandra Fernández-Whitfield".into(),
                handle: Some("alexandra_fw_01".into()),
            });
            ctx.agent_name = Some("Christopher Montgomery".into());
            ctx.brand_name = Some("Northwind Coffee Company".into());
            ctx.site = Some(crate::core::conversation::Site::X);
            ctx.wait_minutes = Some(2000);
            for f in tpl.fields() {
                ctx.fields.insert(f.id.clone(), "x".repeat(20));
            }
            // The alternatives of each rotation are apart from the others': the longest of
            // each, one rotation at a time.
            let len = |choices: &[usize]| {
                tpl.render_with_choices(&ctx, choices)
                    .map_or(0, |t| x_weighted_len(&t))
            };
            let rotations = tpl.rotations();
            let mut choices = vec![0; rotations.len()];
            for (k, &n) in rotations.iter().enumerate() {
                let mut best = (len(&choices), 0);
                for i in 1..n {
                    choices[k] = i;
                    best = best.max((len(&choices), i));
                }
                choices[k] = best.1;
            }
            longest = longest.max(len(&choices));
        }
        if longest > limit {
            out.push((r.title, longest));
        }
    }
    out
}

/// The replies as templates (ids from their titles), borrowing from their text.
pub fn templates(replies: Vec<OwnReply<'static>>) -> Vec<LibTemplate> {
    let mut out: Vec<LibTemplate> = Vec::new();
    for r in replies {
        let texts = Texts {
            title: r.title,
            public: r.public,
            dm: match (r.public, r.dm) {
                (_, Some(dm)) => Dm::Own(dm),
                (Some(_), None) => Dm::Same,
                (None, None) => Dm::None,
            },
        };
        let id = id_of(r.title, &out);
        // The scenarios the team gave it are its tags for the search, as the built-in ones'
        // topics are theirs ("/refund" finds "Our policy [refund]").
        let tags: Vec<&'static str> = r.scenarios.iter().map(|s| s.id()).collect();
        // A follow-up ("Checking in: did the new card arrive?") presupposes our earlier reply,
        // as the built-in ones but "thanks for joining in" do: offered once we have written.
        let contact = match r.scenarios.first() {
            Some(Scenario::FollowUp) => Contact::After,
            _ => Contact::Any,
        };
        out.push(LibTemplate {
            id: Box::leak(id.into_boxed_str()),
            scenarios: Box::leak(r.scenarios.into_boxed_slice()),
            tags: Box::leak(tags.into_boxed_slice()),
            contact,
            en: texts,
            es: texts,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conversation::{Lang, Surface};
    use crate::core::library::{get, install_own, search, search_in, suggest_fitting, Scope};

    /// Installs `text`, which has no problem, and says how many replies it has.
    fn installed(text: &str) -> usize {
        let (n, problem) = install_own(text);
        assert_eq!(problem, None);
        n
    }

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
            "\n{HOURS}\n# Returns address [Refund, order late]\r\nSend it to {{?address:Our returns address}}.\n\
             DM: us your order number and we'll send a label.\n  # 1 tip: keep the box\n#BlackFriday deals too\n\
             # Card lost\n  dm:  \nHi, your new card is on its way.\n# Just a note\nThanks!"
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
        // Only "DM:" alone begins the direct-message form, and only "# " at the very start of
        // a line a title: the rest is the reply's own words.
        let returns = &replies[1];
        assert_eq!(returns.title, "Returns address");
        assert_eq!(returns.scenarios, [Scenario::Refund, Scenario::OrderLate]);
        assert_eq!(
            returns.public,
            Some(
                "Send it to {?address:Our returns address}.\nDM: us your order number and we'll \
                 send a label.\n  # 1 tip: keep the box\n#BlackFriday deals too"
            )
        );
        assert_eq!(returns.dm, None);
        // For direct messages only, and a reply the search finds but nothing suggests.
        assert_eq!(
            (replies[2].public, replies[2].dm),
            (None, Some("Hi, your new card is on its way."))
        );
        assert!(replies[3].scenarios.is_empty());
        assert_eq!(parse("\n  \n").unwrap(), []);
        // "DM :" as written by a hand used to French spacing (a hands-on review's).
        let spaced = parse("# Alpha one\nPublic words.\nDM :\nPrivate words.").unwrap();
        assert_eq!(
            (spaced[0].public, spaced[0].dm),
            (Some("Public words."), Some("Private words."))
        );
    }

    #[test]
    fn every_problem_is_refused_with_its_line() {
        let refused = |text: &str| parse(text).unwrap_err();
        assert_eq!(
            refused("Hello there\n# Title\nText"),
            "Your replies, line 1: a reply begins with its title on a line starting with \"# \" (# Opening hours)"
        );
        assert_eq!(
            refused("# A\nText\n# Returns [refnd]\nText"),
            "Your replies, line 3: no scenario is called \"refnd\" at 3:12: did you mean refund?"
        );
        assert_eq!(
            refused("# Late [late order]\nText"),
            "Your replies, line 1: no scenario is called \"late order\" at 1:9: did you mean order-late?"
        );
        assert!(refused("# FAQ [EN]\nText").starts_with(
            "Your replies, line 1: no scenario is called \"EN\" at 1:8 (brackets ending a title name its scenarios): use one of waiting, outage, billing,"
        ));
        assert_eq!(
            refused("# A [refund] [billing]\nText"),
            "Your replies, line 1: one pair of brackets names the scenarios: [refund, billing]"
        );
        // A title meant, without its space, would go out as the words of the reply above.
        assert_eq!(
            refused("# A\nText\n#Returns [refund]\nMore"),
            "Your replies, line 3: this looks like a title: a title line starts with \"# \" at the very start of the line (for words of a reply, begin the line otherwise)"
        );
        for meant in ["#Returns address", " # Returns address"] {
            let text = format!("# A\nText\n\n{meant}\nSend it back to us.");
            assert!(
                refused(&text).starts_with("Your replies, line 4: this looks like a title"),
                "{meant}"
            );
        }
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
        assert_eq!(
            refused("# Opening hours\nText\n# Opening hours!\nMore"),
            "Your replies, line 3: \"Opening hours!\" is the title of the reply on line 1 too: give each reply its own"
        );
        assert_eq!(parse("# 🎉\nParty!\n# 🎁\nA gift.").map(|r| r.len()), Ok(2));
        assert!(refused(&format!("# {}\nText", "a".repeat(81))).contains("longer than 80"));
        assert_eq!(
            refused("# [refund]\nText"),
            "Your replies, line 1: the reply has no title after \"# \""
        );
        assert_eq!(
            refused("# \u{200b}\nText"),
            "Your replies, line 1: the reply has no title after \"# \""
        );
        // An override would reorder the reply's words for the customer; an isolate is fine.
        assert_eq!(
            refused("# Hours\nOpen \u{202e}9 to 5"),
            "Your replies, line 2: holds an invisible text-direction control (U+202E), which \
             would reorder the words of the reply"
        );
        assert_eq!(
            parse("# Hours\nOpen \u{2068}9 to 5\u{2069}").map(|r| r.len()),
            Ok(1)
        );
        // The template language's errors name the line and column in the whole box.
        assert_eq!(
            refused("# A\nText\n\n# B\nFine line\n  Hi {customer.frist_name}"),
            "Your replies, line 6: unknown variable `customer.frist_name` at 6:7 (did you mean customer.first_name?)"
        );
        assert!(
            refused("# A\nDM:\nHi {customer.name").contains("line 3: unclosed `{` opened at 3:4")
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
        assert!(
            parse(&many[..many.rfind("# R").unwrap()]).is_ok(),
            "{MAX_REPLIES} are fine"
        );
        assert!(refused(&format!("# Long\n{}", "a".repeat(MAX_CHARS))).contains("longer than"));
    }

    #[test]
    fn every_problem_is_said_at_once_in_line_order_the_first_with_its_place() {
        let text = "# Hours [how-to]\nHi {customer.frist_name}\n\
                    # Fine\nText\n\
                    # Returns [refnd]\nText\n\
                    \n#Sizes\nS, M, L\n\
                    # fine!\nAgain";
        assert_eq!(
            parse(text).unwrap_err(),
            "Your replies, line 2: unknown variable `customer.frist_name` at 2:5 (did you mean \
             customer.first_name?). Also line 5: no scenario is called \"refnd\" at 5:12: did you \
             mean refund? Also line 8: this looks like a title: a title line starts with \"# \" at \
             the very start of the line (for words of a reply, begin the line otherwise). Also \
             line 10: \"fine!\" is the title of the reply on line 3 too: give each reply its own"
        );
        // Five are said, then how many more.
        let many: String = (0..8).map(|n| format!("# R{n} [nope]\nText\n")).collect();
        let said = parse(&many).unwrap_err();
        assert_eq!(said.matches("no scenario is called").count(), 5, "{said}");
        assert!(said.ends_with(". And 3 more problems below"), "{said}");
    }

    /// A reply's problems are all said, not its first alone: a team mends them in one go.
    #[test]
    fn every_problem_of_one_reply_is_said_and_its_title_still_counts() {
        // A wrong scenario in the title hides neither the broken brace below it nor, in its
        // direct-message form, an unknown variable.
        let text = "# Returns [refnd]\nSend it back {customer.first_name\nDM:\nHi {custmer.name}";
        assert_eq!(
            parse(text).unwrap_err(),
            "Your replies, line 1: no scenario is called \"refnd\" at 1:12: did you mean refund? \
             Also line 2: unclosed `{` opened at 2:14 (close it with `}` on the same line). \
             Also line 4: unknown variable `custmer.name` at 4:5 (did you mean customer.name?)"
        );
        // A reply passed over for a problem still has its title: the same title below is said
        // now, not once the first is mended.
        let text = "# Hours [nope]\nNine to five\n# Hours [how-to]\nNine to six";
        let said = parse(text).unwrap_err();
        assert!(
            said.starts_with("Your replies, line 1: no scenario is called \"nope\""),
            "{said}"
        );
        assert!(
            said.ends_with("Also line 3: \"Hours\" is the title of the reply on line 1 too: give each reply its own"),
            "{said}"
        );
        // Neither is used; an empty "DM:" is said once, not also as a reply with no text.
        assert!(usable(text).0.is_empty());
        let said = parse("# Hours\nDM:\n").unwrap_err();
        assert_eq!(said, "Your replies, line 2: \"DM:\" is followed by no text");
        // Titles with no word are not taken for one another.
        let said = parse("# \u{200b}\nText\n# \u{200b}\nText").unwrap_err();
        assert_eq!(said.matches("has no title").count(), 2, "{said}");
        assert!(!said.contains("too: give"), "{said}");
    }

    /// The suggestions for a customer who said `said`, all of it taken as the words behind
    /// the reading (the built-in replies' tags are matched against them too).
    #[test]
    fn key_words_are_the_first_telling_ones_each_once() {
        assert_eq!(
            key_words("Do you SHIP to Canadá? Shipping to canada, please!", 64),
            ["ship", "canada", "shipping"]
        );
        // A message of a whole page keeps only the first of them.
        let page: String = (0..20_000).map(|n| format!("word{n} ")).collect();
        assert_eq!(key_words(&page, 64).len(), 64);
        assert_eq!(key_words(&page, 64)[63], "word63");
    }

    fn suggested(scored: &[(Scenario, f32)], said: &str, lang: Lang) -> Vec<&'static str> {
        suggest_fitting(
            scored,
            &[said.to_lowercase()],
            &[],
            &key_words(said, 64),
            Surface::Post,
            lang,
            &[],
            5,
        )
        .iter()
        .map(|s| s.template.id)
        .collect()
    }

    #[test]
    fn one_word_shared_outside_the_title_is_no_answer_and_the_words_answered_are_said() {
        installed(
            "# Opening hours [how-to]\nWe're open Monday to Friday, 9 to 5.\n\
             # Returns address [refund]\nSend it to 1 Mill Lane and we refund within 14 days.",
        );
        let how_to = [(Scenario::HowTo, 1.0)];
        let refund = [(Scenario::Refund, 1.0)];
        // (scenarios, what the customer said, the team's reply, whether it leads)
        type Row<'a> = (&'a [(Scenario, f32)], &'a str, &'a str, bool);
        let rows: [Row; 6] = [
            (
                &how_to,
                "Are you open on Friday?",
                "own-opening-hours",
                true,
            ),
            (&how_to, "What are your hours?", "own-opening-hours", true),
            // "friday" is only in its text: a jacket ordered before Friday is no question
            // about the hours.
            (
                &how_to,
                "I ordered a jacket before Friday, where is it?",
                "own-opening-hours",
                false,
            ),
            (
                &refund,
                "What's your returns address?",
                "own-returns-address",
                true,
            ),
            (
                &refund,
                "Where do I send it back for a refund, what address?",
                "own-returns-address",
                true,
            ),
            (
                &refund,
                "I want a refund for the broken jacket",
                "own-returns-address",
                false,
            ),
        ];
        for (scored, said, id, leads) in rows {
            let got = suggested(scored, said, Lang::En);
            assert_eq!(got[0] == id, leads, "{said:?}: {got:?}");
        }
        let words = |id: &str, said: &str| {
            crate::core::library::own_answers(get(id).unwrap(), &key_words(said, 64))
        };
        assert_eq!(
            words("own-opening-hours", "Are you open on Friday?"),
            ["open", "friday"]
        );
        assert!(words("own-opening-hours", "ordered before Friday").is_empty());
        assert!(words("refund-acknowledge", "refund").is_empty(), "built in");
        installed("");
    }

    #[test]
    fn a_follow_up_of_the_teams_is_offered_once_we_have_written() {
        installed("# Checking in [follow-up]\nDid the new card arrive, {customer.first_name|there}?\n# Hours [how-to]\nOpen 9 to 5.");
        assert_eq!(get("own-checking-in").unwrap().contact, Contact::After);
        assert_eq!(get("own-hours").unwrap().contact, Contact::Any);
        assert!(!Contact::After.fits(false) && Contact::After.fits(true));
        installed("");
    }

    #[test]
    fn replies_too_long_for_x_once_filled_are_named_with_their_longest_length() {
        let a = "a".repeat(240);
        let text = [
            "# Short [refund]".to_owned(),
            "We refund within 14 days, {customer.first_name|there}.".to_owned(),
            "# Long one".to_owned(),
            format!("{a} {{customer.first_name|there}} [[ok|a much longer alternative]] {{?order:Order}}"),
            "# Only in DMs".to_owned(),
            "DM:".to_owned(),
            format!("{a}{a}"),
            "# Just fits".to_owned(),
            "b".repeat(280),
        ]
        .join("\n");
        let replies = parse(&text).unwrap();
        // 240 + " Alexandra" + " " + the longer alternative (25) + " " + 20 for the fill-in.
        assert_eq!(too_long_for_x(&replies), vec![("Long one", 297)]);
        let wait = format!("# Waited\n{} {{wait}}", "c".repeat(270));
        let waited = too_long_for_x(&parse(&wait).unwrap());
        assert_eq!(
            waited.len(),
            1,
            "the wait, said in words, counts: {waited:?}"
        );
    }

    #[test]
    fn installed_replies_join_the_search_and_lead_their_scenario_when_their_words_fit() {
        let text = format!(
            "{HOURS}# Shipping abroad [how-to]\r\nWe ship to Canada and the US within a week.\n\
             # Refund policy [refund]\nWe refund within 14 days.\n# Aside\nJust a note.\n\
             # Política de devoluciones [refund]\nDevolvemos el dinero en un plazo de catorce días desde la devolución del pedido.\n\
             # 🎉\nParty!\n# 🎁\nA gift."
        );
        assert_eq!(install_own(&text), (7, None));
        let hours = get("own-opening-hours").unwrap();
        assert_eq!(hours.texts(Lang::Es).title, "Opening hours");
        assert!(hours
            .text(Lang::En, Surface::Dm)
            .unwrap()
            .starts_with("Hi {customer"));
        // Ids from the titles (a title of no word is a reply all the same); the lines as a
        // textarea gives them.
        assert_eq!(get("own-reply").unwrap().en.title, "🎉");
        assert_eq!(get("own-reply-2").unwrap().en.title, "🎁");
        assert!(!get("own-shipping-abroad")
            .unwrap()
            .en
            .public
            .unwrap()
            .contains('\r'));
        let found: Vec<&str> = search("hours", Lang::En).iter().map(|t| t.id).collect();
        assert_eq!(found.first(), Some(&"own-opening-hours"));
        // Where a team's reply and a built-in one match as well, the team's comes first: they
        // wrote it for their business (its scenario counts as a built-in reply's topic does).
        let names = |q| search_in(q, Lang::En, Scope::Names);
        assert_eq!(names("refund")[0].id, "own-refund-policy");
        assert_eq!(search("refund", Lang::En)[0].id, "own-refund-policy");
        // The reply whose words answer the customer's leads its scenario, before the
        // built-in ones and the team's others; the scenarios keep their order.
        let how_to = [(Scenario::HowTo, 1.0)];
        assert_eq!(
            suggested(&how_to, "Do you ship to Canada?", Lang::En)[0],
            "own-shipping-abroad"
        );
        assert_eq!(
            suggested(&how_to, "When are you open on Saturday?", Lang::En)[0],
            "own-opening-hours"
        );
        let refund = suggested(
            &[(Scenario::Billing, 0.9), (Scenario::Refund, 0.6)],
            "I want a refund",
            Lang::En,
        );
        assert!(refund[0].starts_with("billing"), "{refund:?}");
        assert_eq!(refund[1], "own-refund-policy", "{refund:?}");
        // Answering none of their words, it comes before the built-in ones that fit nothing
        // either, not before one whose tags name what they said.
        let complaint = format!("{HOURS}# Sorry from the team [complaint]\nWe're sorry, truly.");
        installed(&format!("{text}\n{}", &complaint[HOURS.len()..]));
        let plain = suggested(&[(Scenario::Complaint, 1.0)], "This was awful", Lang::En);
        assert_eq!(plain[0], "own-sorry-from-the-team", "{plain:?}");
        // Not for a question: its answer must share its words.
        let plain = suggested(&how_to, "How does this work?", Lang::En);
        assert!(!plain[0].starts_with("own-"), "{plain:?}");
        let refund = suggested(
            &[(Scenario::Refund, 1.0)],
            "where is my money back",
            Lang::En,
        );
        assert!(!refund[0].starts_with("own-"), "{refund:?}");
        // A reply in Spanish is not offered to a customer answered in English, nor the other
        // way round.
        assert!(!suggested(&[(Scenario::Refund, 1.0)], "refund", Lang::En)
            .contains(&"own-politica-de-devoluciones"));
        assert_eq!(
            suggested(
                &[(Scenario::Refund, 1.0)],
                "quiero la devolución del dinero",
                Lang::Es
            )[0],
            "own-politica-de-devoluciones"
        );
        // A reply with no scenario is never suggested.
        let every = suggest_fitting(
            &Scenario::ALL.map(|s| (s, 1.0)),
            &[],
            &[],
            &key_words("just a note aside", 64),
            Surface::Post,
            Lang::En,
            &[],
            usize::MAX,
        );
        assert!(every.iter().all(|s| s.template.id != "own-aside"));
        // A reply that breaks a rule made after it was saved is passed over and said; the
        // others still serve. An empty text takes them all away.
        let (n, problem) = install_own(&format!(
            "# Broken\nHi {{x\n# Reversed\nHi \u{202e}there\n{HOURS}"
        ));
        assert_eq!(n, 1);
        let problem = problem.unwrap();
        assert!(problem.starts_with("Your replies, line 2: "), "{problem}");
        assert!(
            problem.contains("Also line 4: holds an invisible"),
            "{problem}"
        );
        assert!(get("own-opening-hours").is_some());
        assert!(get("own-broken").is_none() && get("own-reversed").is_none());
        assert!(get("own-aside").is_none());
        assert_eq!(install_own(""), (0, None));
        assert!(get("own-opening-hours").is_none());
        assert!(search("hours", Lang::En)
            .iter()
            .all(|t| !t.id.starts_with(ID_PREFIX)));
    }
}
