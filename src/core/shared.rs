//! The settings file a team shares: SLA targets, our accounts, automatic messages, the brand
//! name and the checklist, exported from one agent's browser and imported in another's. Read
//! whole and checked whole: a file with anything wrong is refused with what and where, and
//! nothing of it is used.

use crate::core::check;
use crate::core::sla::Policy;
use serde::{Deserialize, Serialize};
use serde_json::error::Category;

/// The format's version, written in every file.
pub const FORMAT: u32 = 1;

/// The largest file read (a settings file is a few kilobytes).
pub const MAX_BYTES: usize = 512 * 1024;

/// A settings file. Every part but the version is optional: an import sets the parts the file
/// holds and leaves the others as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSettings {
    /// [`FORMAT`].
    pub waypoint_settings: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<Policy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_accounts: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automatic_messages: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checklist: Option<check::Settings>,
    /// The team's own replies, as written on the settings page
    /// ([`own`](crate::core::library::own)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies: Option<String>,
}

impl SharedSettings {
    /// The parts held, as the settings page names them ("SLA targets, checklist").
    /// Whether the file holds no setting at all (each was at its default when exported).
    pub fn is_empty(&self) -> bool {
        self.sla.is_none()
            && self.brand_accounts.is_none()
            && self.automatic_messages.is_none()
            && self.brand_name.is_none()
            && self.checklist.is_none()
            && self.replies.is_none()
    }

    pub fn parts(&self) -> String {
        let parts = [
            (self.sla.is_some(), "SLA targets"),
            (self.brand_accounts.is_some(), "our accounts"),
            (self.automatic_messages.is_some(), "automatic messages"),
            (self.brand_name.is_some(), "brand name"),
            (self.checklist.is_some(), "checklist"),
            (self.replies.is_some(), "your replies"),
        ];
        let held: Vec<&str> = parts.iter().filter(|p| p.0).map(|p| p.1).collect();
        if held.is_empty() {
            "nothing".into()
        } else {
            held.join(", ")
        }
    }
}

/// The first invisible text-direction control in `s` (an embedding, override or isolate, such
/// as U+202E): in a name put into replies it would reorder the words around it.
pub fn direction_control(s: &str) -> Option<char> {
    s.chars()
        .find(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
}

/// The brand name as replies will say it: one line, at most 80 characters, no direction
/// controls.
pub fn check_brand_name(name: &str) -> Result<(), String> {
    check_said("brand name", "the name", name, 80)
}

/// The agent's name and initials as replies sign with them (the settings page's "You"): each
/// one line of at most 60 and 6 characters, with no direction controls. Empty is allowed (the
/// panel then asks). The error begins with the field's name ("your initials: …").
pub fn check_agent(name: &str, initials: &str) -> Result<(), String> {
    check_said("your name", "the name", name, 60)?;
    check_said("your initials", "the initials", initials, 6)
}

/// Whether [`check_agent`] takes `name` and `initials`, without making its message (the
/// panel keeps a name typed in a reply's form only then).
pub fn agent_ok(name: &str, initials: &str) -> bool {
    said_fault(name, 60).is_none() && said_fault(initials, 6).is_none()
}

/// What is wrong with text that replies say, if anything.
enum Fault {
    /// More than one line, or longer than allowed.
    Long,
    /// Only invisible characters.
    Invisible,
    /// A text-direction control.
    Direction(char),
}

fn said_fault(text: &str, max: usize) -> Option<Fault> {
    if text.contains('\n') || text.trim().chars().count() > max {
        return Some(Fault::Long);
    }
    // Zero-width characters alone: replies would name nothing.
    let shown = |c: char| !c.is_whitespace() && !crate::core::library::own::invisible(c);
    if !text.is_empty() && !text.chars().any(shown) {
        return Some(Fault::Invisible);
    }
    direction_control(text).map(Fault::Direction)
}

/// Text that replies say (`what`, named in the error): one line of at most `max` characters,
/// not only invisible characters, no direction controls.
fn check_said(what: &str, write: &str, text: &str, max: usize) -> Result<(), String> {
    match said_fault(text, max) {
        None => Ok(()),
        Some(Fault::Long) => Err(format!("{what}: one line of at most {max} characters")),
        Some(Fault::Invisible) => Err(format!(
            "{what}: holds only invisible characters; write {write} replies say"
        )),
        Some(Fault::Direction(c)) => Err(format!(
            "{what}: holds an invisible text-direction control (U+{:04X}), which would \
             reorder the words of every reply that says it",
            u32::from(c)
        )),
    }
}

/// What is wrong with a file of `bytes` bytes for its size alone, if anything.
pub fn too_large(bytes: usize) -> Option<String> {
    (bytes > MAX_BYTES).then(|| {
        format!(
            "{} kB is too large for a settings file (at most {} kB)",
            bytes.div_ceil(1024),
            MAX_BYTES / 1024
        )
    })
}

/// Reads and checks a settings file: every part as the settings page would check it.
pub fn read(text: &str) -> Result<SharedSettings, String> {
    if let Some(e) = too_large(text.len()) {
        return Err(e);
    }
    // A file in another encoding (Latin-1, saved by an old editor) reads as UTF-8 with its
    // accents replaced: refused, rather than "Café" saved as "Caf\u{fffd}".
    if let Some(at) = text.find('\u{fffd}') {
        let line = line_at(text, at);
        let column = text[..at]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        return Err(format!(
            "it is not UTF-8 text (line {line}, column {column} could not be read); save it as \
             UTF-8 and import it again"
        ));
    }
    let text = text.trim_start_matches('\u{feff}');
    // A newer file is said to be newer, whatever else this version cannot read in it.
    let format = text
        .split_once("\"waypoint_settings\"")
        .and_then(|(_, after)| {
            let n = after.trim_start().strip_prefix(':')?.trim_start();
            n[..n.find(|c: char| !c.is_ascii_digit())?]
                .parse::<u32>()
                .ok()
        });
    if let Some(f) = format.filter(|&f| f != FORMAT) {
        return Err(newer(f));
    }
    let file: SharedSettings = serde_json::from_str(text).map_err(|e| {
        let body = text.trim();
        if body.is_empty() {
            return "the file is empty: choose a file exported from Waypoint's settings".into();
        }
        // A settings file whose value is wrong is not "not a settings file".
        let ours = body.starts_with('{') && body.contains("\"waypoint_settings\"");
        let at = format!("line {}, column {}", e.line(), e.column());
        let message = e.to_string();
        let unknown = message
            .strip_prefix("unknown field `")
            .and_then(|m| m.split('`').next());
        match (ours, e.classify(), unknown) {
            (true, Category::Data, Some(name)) => {
                format!("it holds a setting this version does not know, \"{name}\" ({at})")
            }
            (true, Category::Data, _) => {
                // A required setting misspelt ("first_respons_minutes") reads as that setting
                // missing: the misspelt one is named, with the name meant.
                let missing = message
                    .strip_prefix("missing field `")
                    .and_then(|m| m.split('`').next());
                match (missing.and_then(|m| misspelt(text, m)), missing) {
                    (Some((key, line)), Some(meant)) => format!(
                        "it holds a setting this version does not know, \"{key}\" (line \
                         {line}): did you mean \"{meant}\"?"
                    ),
                    _ => match key_before(text, e.line(), e.column()) {
                        Some(key) => format!("\"{key}\" ({at}): {}", plain_reason(&message)),
                        None => format!("a setting ({at}): {}", plain_reason(&message)),
                    },
                }
            }
            (true, Category::Eof, _) => format!("the file is cut short at {at}: export it again"),
            (true, _, _) => format!(
                "the file is broken at {at} ({}): mend it there if it was edited by hand, \
                 or export it again",
                plain_reason(&message)
            ),
            // Not ours: where the reader stopped means nothing to the person choosing it.
            (false, Category::Syntax | Category::Eof, _) => {
                "not a Waypoint settings file: it is not even JSON, the kind of text Waypoint \
                 exports its settings as; choose the file the settings page exported \
                 (waypoint-settings.json)"
                    .into()
            }
            (false, ..) => "not a Waypoint settings file: it is JSON, but holds no settings \
                            exported from Waypoint; choose the file the settings page exported \
                            (waypoint-settings.json)"
                .into(),
        }
    })?;
    if file.waypoint_settings != FORMAT {
        return Err(newer(file.waypoint_settings));
    }
    // Inside a part, a key this version does not know (a hand edit's "next_reply_minute")
    // would be passed over by the reader, and its value lost without a word.
    if let Ok(given) = serde_json::from_str::<serde_json::Value>(text) {
        let read = serde_json::to_value(&file).unwrap_or_default();
        if let Some(path) = unread_key(&given, &read, "") {
            let key = path.rsplit('.').next().unwrap_or(&path);
            let line = text
                .find(&format!("\"{key}\""))
                .map_or(0, |at| line_at(text, at));
            return Err(format!(
                "it holds a setting this version does not know, \"{path}\" (line {line}): \
                 mend its name, or take it out"
            ));
        }
    }
    if let Some(p) = &file.sla {
        p.validate()
            .map_err(|e| format!("SLA targets: {}: {}", e.name(), e.message))?;
    }
    if let Some(c) = &file.checklist {
        c.validate_new().map_err(|e| format!("checklist: {e}"))?;
    }
    if let Some(list) = &file.brand_accounts {
        for (n, a) in list.iter().enumerate() {
            let chars = a.trim().chars().count();
            if chars == 0 || chars > 80 {
                return Err(format!(
                    "our accounts, entry {}: give 1 to 80 characters",
                    n + 1
                ));
            }
        }
    }
    if let Some(list) = &file.automatic_messages {
        crate::core::reading::parse_automatic(&list.join("\n"))?;
    }
    if let Some(name) = &file.brand_name {
        check_brand_name(name)?;
    }
    if let Some(replies) = &file.replies {
        crate::core::library::own::parse(replies)?;
    }
    Ok(file)
}

/// A key of the JSON `text`, at any depth, a slip of the keys away from `meant` (and not it),
/// with the line it is first written on.
fn misspelt(text: &str, meant: &str) -> Option<(String, usize)> {
    fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, v) in o {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    keys(&serde_json::from_str(text).ok()?, &mut all);
    let meant: Vec<char> = meant.chars().collect();
    let most = (meant.len() / 4).max(1);
    let key = all.into_iter().find(|k| {
        let chars: Vec<char> = k.chars().collect();
        chars != meant && crate::core::template::char_distance(&chars, &meant) <= most
    })?;
    let line = text
        .find(&format!("\"{key}\""))
        .map_or(0, |at| line_at(text, at));
    Some((key, line))
}

/// The line (1-based) byte `at` of `text` is on.
fn line_at(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// The last key written before line `line`, column `column` (1-based, as the JSON reader
/// counts them): the setting a value there belongs to.
fn key_before(text: &str, line: usize, column: usize) -> Option<&str> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut end = (start + column).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    // `"key"` followed by a colon, the last of them.
    let mut rest = before;
    while let Some(colon) = rest.rfind(':') {
        let head = rest[..colon].trim_end();
        if let Some(quoted) = head.strip_suffix('"') {
            if let Some(open) = quoted.rfind('"') {
                let key = &quoted[open + 1..];
                if !key.is_empty() && !key.contains(['\n', '{', '}', ',']) {
                    return Some(key);
                }
            }
        }
        rest = &rest[..colon];
    }
    None
}

/// The JSON reader's message for a person: without its position (said apart), and in plain
/// words for its types ("invalid type: string "30", expected f64" → "the text "30", where a
/// number belongs").
fn plain_reason(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (given, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.trim_start_matches("one of ").replace('`', "\"");
        return format!("{} is not one of {expected}", given.replace('`', "\""));
    }
    let Some(rest) = message.strip_prefix("invalid type: ") else {
        return message.replace('`', "\"");
    };
    let (given, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let given = if let Some(t) = given.strip_prefix("string ") {
        format!("the text {t}")
    } else if let Some(n) = given
        .strip_prefix("integer ")
        .or_else(|| given.strip_prefix("floating point "))
    {
        format!("the number {}", n.trim_matches('`'))
    } else if let Some(b) = given.strip_prefix("boolean ") {
        b.trim_matches('`').to_owned()
    } else {
        match given {
            "map" => "a group of settings".to_owned(),
            "sequence" => "a list".to_owned(),
            other => other.to_owned(),
        }
    };
    let expected = match expected {
        "f64" | "f32" => "a number",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "a whole number",
        "a string" => "a text",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        e if e.starts_with("struct ") || e == "a map" => "a group of settings",
        e => e,
    };
    format!("{given}, where {expected} belongs")
}

/// The first key of `given` (the file as written) that reading it passed over, as a path
/// ("sla.targets.x.post.next_reply_minute"): one `read` (what was read, written back) does not
/// hold. A key written back only when set is not held there when the file gives it no value
/// (null, empty), and so is not counted.
fn unread_key(given: &serde_json::Value, read: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    let path = |k: &str| {
        if at.is_empty() {
            k.to_owned()
        } else {
            format!("{at}.{k}")
        }
    };
    match (given, read) {
        (Value::Object(given), Value::Object(read)) => {
            given.iter().find_map(|(k, v)| match read.get(k) {
                Some(r) => unread_key(v, r, &path(k)),
                None => {
                    let empty = match v {
                        Value::Null => true,
                        Value::String(s) => s.is_empty(),
                        Value::Array(a) => a.is_empty(),
                        Value::Object(o) => o.is_empty(),
                        _ => false,
                    };
                    (!empty).then(|| path(k))
                }
            })
        }
        (Value::Array(given), Value::Array(read)) => given
            .iter()
            .zip(read)
            .enumerate()
            .find_map(|(i, (g, r))| unread_key(g, r, &path(&(i + 1).to_string()))),
        _ => None,
    }
}

/// Said of a file whose format is not this version's: one from a newer Waypoint cannot be
/// exported again from this one (the one who sent it has the newer version), so the advice is
/// to update (a hands-on review).
fn newer(format: u32) -> String {
    if format > FORMAT {
        format!(
            "the file was made by a newer Waypoint (settings format {format}; this version reads \
             format {FORMAT}): update Waypoint in this browser, then import the file again"
        )
    } else {
        format!(
            "format {format} is not a format of Waypoint's settings (this version reads format \
             {FORMAT}): choose the file the settings page exported (waypoint-settings.json)"
        )
    }
}

/// The file for these settings, readable by people too. A U+FFFD in a setting (pasted from a
/// page) is written escaped, so that [`read`] does not take the file for one in another
/// encoding.
pub fn write(settings: &SharedSettings) -> String {
    // Indented: a team lead edits it by hand, and "line 1, column 728" helps nobody.
    serde_json::to_string_pretty(settings)
        .unwrap_or_default()
        .replace('\u{fffd}', "\\ufffd")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> SharedSettings {
        let mut sla = Policy::default();
        sla.targets.x.post.first_response_minutes = 30.0;
        SharedSettings {
            waypoint_settings: FORMAT,
            sla: Some(sla),
            brand_accounts: Some(vec!["@AcmeHelp".into()]),
            automatic_messages: Some(vec!["Thanks for messaging Acme Coffee!".into()]),
            brand_name: Some("Acme Coffee".into()),
            checklist: Some(check::Settings {
                manual: vec!["Did I check the order?".into()],
                ..check::Settings::default()
            }),
            replies: Some(
                "# Opening hours [how-to]\nWe're open 9 to 5, {customer.first_name|there}.".into(),
            ),
        }
    }

    #[test]
    fn the_agents_name_and_initials_are_checked_as_replies_say_them() {
        assert_eq!(check_agent("", ""), Ok(()));
        assert_eq!(check_agent("María José García-Fernández", "MJ"), Ok(()));
        assert_eq!(check_agent("  Sam Rivera  ", " S.R. "), Ok(()));
        assert_eq!(
            check_agent(&"Sam ".repeat(16), ""),
            Err("your name: one line of at most 60 characters".into())
        );
        assert_eq!(
            check_agent("Sam\nRivera", ""),
            Err("your name: one line of at most 60 characters".into())
        );
        assert_eq!(
            check_agent("Sam Rivera", "SRSRSRS"),
            Err("your initials: one line of at most 6 characters".into())
        );
        assert_eq!(
            check_agent("\u{200b}\u{200b}", ""),
            Err("your name: holds only invisible characters; write the name replies say".into())
        );
        let e = check_agent("Sam", "\u{202e}RS").unwrap_err();
        assert!(
            e.starts_with("your initials: holds an invisible text-direction control (U+202E)"),
            "{e}"
        );
        // The yes-or-no form says the same.
        assert!(agent_ok("Sam Rivera", "SR") && agent_ok("", ""));
        assert!(!agent_ok(&"Sam ".repeat(16), "") && !agent_ok("Sam", "\u{202e}RS"));
        assert!(!agent_ok("\u{200b}", ""));
        // The brand name keeps its own words and limit.
        assert_eq!(check_brand_name(&"Acme ".repeat(12)), Ok(()));
        assert_eq!(
            check_brand_name(&"Acme ".repeat(17)),
            Err("brand name: one line of at most 80 characters".into())
        );
    }

    #[test]
    fn a_file_written_reads_back_the_same() {
        let s = full();
        assert_eq!(read(&write(&s)), Ok(s.clone()));
        assert_eq!(
            s.parts(),
            "SLA targets, our accounts, automatic messages, brand name, checklist, your replies"
        );
        // A part left out stays out: an import leaves that setting as it is.
        let only = SharedSettings {
            waypoint_settings: FORMAT,
            brand_name: Some("Acme".into()),
            ..SharedSettings::default()
        };
        let text = write(&only);
        assert!(!text.contains("sla"), "{text}");
        assert_eq!(
            text,
            "{\n  \"waypoint_settings\": 1,\n  \"brand_name\": \"Acme\"\n}"
        );
        assert_eq!(read(&text).map(|s| s.parts()), Ok("brand name".into()));
        assert!(!only.is_empty());
        assert!(read(r#"{"waypoint_settings": 1}"#).unwrap().is_empty());
        // As a text editor may save it.
        assert_eq!(read(&format!("\u{feff}{text}")), Ok(only));
    }

    #[test]
    fn every_setting_of_a_full_file_is_known_to_its_reader() {
        let mut s = full();
        let policy = s.sla.as_mut().unwrap();
        policy.targets.facebook.dm.next_reply_minutes = Some(5.0);
        policy.business_hours = Some(
            serde_json::from_str(
                r#"{"zone":"Europe/Madrid","week":{"mon":[{"start":"09:00","end":"17:00"}],
                    "sat":[{"start":"10:00","end":"12:00"},{"start":"13:00","end":"14:00"}]},
                    "holidays":["2026-12-25"]}"#,
            )
            .unwrap(),
        );
        let checklist = s.checklist.as_mut().unwrap();
        checklist
            .levels
            .insert("signature".into(), check::Level::Block);
        checklist.signature = Some(check::SignaturePolicy {
            accepted: vec!["^AB".into()],
        });
        checklist.jargon = vec!["RMA".into()];
        checklist.always_show = true;
        assert_eq!(read(&write(&s)), Ok(s));
    }

    #[test]
    fn a_bad_file_is_refused_saying_what_and_where() {
        let err = |text: &str| read(text).unwrap_err();
        // Said for a person choosing a file, not in the reader's words.
        assert_eq!(
            err(" \n"),
            "the file is empty: choose a file exported from Waypoint's settings"
        );
        // Not JSON, or JSON of another shape: said apart, with no place (a column in a file
        // that is not ours means nothing to whoever chose it).
        for not_json in ["hello", "brand: Acme", "<html>"] {
            let e = err(not_json);
            assert!(
                e.starts_with("not a Waypoint settings file: it is not even JSON")
                    && !e.contains("line"),
                "{e}"
            );
        }
        for other in ["{}", "[1, 2]", "{\"brand\": \"Acme\", \"sla\": 30}", "30"] {
            let e = err(other);
            assert!(
                e.starts_with("not a Waypoint settings file: it is JSON, but holds no settings")
                    && !e.contains("line"),
                "{other}: {e}"
            );
        }
        assert_eq!(
            err(r#"{"waypoint_settings": 1, "colour": "red"}"#),
            "it holds a setting this version does not know, \"colour\" (line 1, column 33)"
        );
        assert_eq!(
            err(r#"{"waypoint_settings": 1, "brand_name": "Ac"#),
            "the file is cut short at line 1, column 42: export it again"
        );
        // A hand edit's slip: the reader's reason, in words, and where.
        assert_eq!(
            err("{\"waypoint_settings\": 1,\n \"brand_name\": \"Acme\",\n}"),
            "the file is broken at line 3, column 1 (trailing comma): mend it there if it was \
             edited by hand, or export it again"
        );
        // A value of the wrong kind: the setting named, the kinds said in words.
        let text = write(&full()).replace("30.0", "\"30\"");
        let e = err(&text);
        assert!(
            e.starts_with("\"first_response_minutes\" (line ")
                && e.ends_with("): the text \"30\", where a number belongs"),
            "{e}"
        );
        assert_eq!(
            err(r#"{"waypoint_settings": 1, "brand_accounts": "@acme"}"#),
            "\"brand_accounts\" (line 1, column 50): the text \"@acme\", where a list belongs"
        );
        assert!(err(r#"{"waypoint_settings": 2}"#)
            .starts_with("the file was made by a newer Waypoint (settings format 2;"));
        assert!(err(r#"{"waypoint_settings": 0}"#)
            .starts_with("format 0 is not a format of Waypoint's settings"));
        // A part that the settings page would refuse, named.
        let mut s = full();
        s.sla
            .as_mut()
            .unwrap()
            .targets
            .x
            .post
            .first_response_minutes = -5.0;
        assert!(err(&write(&s)).starts_with("SLA targets: X public, first response: -5 minutes"));
        let mut s = full();
        s.checklist.as_mut().unwrap().manual = vec!["x".repeat(201)];
        assert!(err(&write(&s)).starts_with("checklist: Questions to tick: question 1 is longer"));
        let mut s = full();
        s.brand_accounts = Some(vec!["@ok".into(), " ".into()]);
        assert_eq!(
            err(&write(&s)),
            "our accounts, entry 2: give 1 to 80 characters"
        );
        let mut s = full();
        s.automatic_messages = Some(vec!["Thanks!".into()]);
        assert!(err(&write(&s)).starts_with("Automatic messages, line 1"));
        let mut s = full();
        s.brand_name = Some("A\nB".into());
        assert_eq!(
            err(&write(&s)),
            "brand name: one line of at most 80 characters"
        );
        let mut s = full();
        s.brand_name = Some("\u{200b}".into());
        assert_eq!(
            err(&write(&s)),
            "brand name: holds only invisible characters; write the name replies say"
        );
        let mut s = full();
        s.brand_name = Some("Acme \u{202e}eeffoC".into());
        assert!(err(&write(&s)).contains("(U+202E)"), "{}", err(&write(&s)));
        assert!(err(&" ".repeat(MAX_BYTES + 1)).contains("too large"));
        // Replies the settings page would refuse: with their line.
        let mut s = full();
        s.replies = Some("# Hours [how-to]\nHi {customer.frist_name}".into());
        assert!(
            err(&write(&s))
                .starts_with("Your replies, line 2: unknown variable `customer.frist_name`"),
            "{}",
            err(&write(&s))
        );
        // A settings file with a value out of place is named as such, with where.
        // (Written on one line, as a hand-made file may be.)
        let mut text = serde_json::to_string(&full()).unwrap();
        text = text.replace("\"levels\":{", "\"levels\":{\"tone\":\"BLOCK\",");
        let e = err(&text);
        assert!(
            e.starts_with("\"tone\" (line 1, column ")
                && e.ends_with(": \"BLOCK\" is not one of \"block\", \"warn\", \"off\""),
            "{e}"
        );
        // Inside a part too: a misspelt key would otherwise lose its value in silence.
        let text = write(&full()).replace(
            "\"first_response_minutes\": 30.0",
            "\"first_response_minutes\": 30.0,\n          \"next_reply_minute\": 25",
        );
        assert!(text.contains("next_reply_minute\""), "{text}");
        let e = err(&text);
        assert!(
            e.starts_with(
                "it holds a setting this version does not know, \
                 \"sla.targets.x.post.next_reply_minute\" (line "
            ),
            "{e}"
        );
        for (from, to, named) in [
            (
                "\"x\": {",
                "\"twitter\": {\"post\": {\"first_response_minutes\": 5}}, \"x\": {",
                "sla.targets.twitter",
            ),
            (
                "\"manual\": [",
                "\"alwaysshow\": true, \"manual\": [",
                "checklist.alwaysshow",
            ),
        ] {
            let text = write(&full()).replacen(from, to, 1);
            assert!(text.contains(to), "{text}");
            let e = err(&text);
            assert!(e.contains(&format!("\"{named}\"")), "{e}");
        }
        // A required setting misspelt: named as unknown, with the name meant (it read as the
        // right one missing, naming the misspelt key's place only).
        let text = write(&full()).replacen(
            "\"first_response_minutes\": 30.0",
            "\"first_respons_minutes\": 30.0",
            1,
        );
        let e = err(&text);
        assert!(
            e.starts_with(
                "it holds a setting this version does not know, \"first_respons_minutes\" (line "
            ) && e.ends_with("): did you mean \"first_response_minutes\"?"),
            "{e}"
        );
        // Missing, not misspelt: as before, the setting at the place named.
        let text = write(&full()).replacen("\"first_response_minutes\": 30.0", "\"zzz\": 1", 1);
        assert!(
            err(&text).contains("missing field \"first_response_minutes\""),
            "{}",
            err(&text)
        );
        // An empty or null value of an optional setting is no unknown key.
        let text = write(&full()).replacen(
            "\"first_response_minutes\": 30.0",
            "\"first_response_minutes\": 30.0, \"next_reply_minutes\": null",
            1,
        );
        assert_eq!(read(&text), Ok(full()));
        // A newer file with a setting this version does not know: said to be newer.
        assert!(err(r#"{"waypoint_settings": 2, "colour": "red"}"#)
            .starts_with("the file was made by a newer Waypoint"));
        // A U+FFFD of a setting goes out escaped and comes back.
        let mut s = full();
        s.brand_name = Some("Caf\u{fffd}".into());
        assert!(!write(&s).contains('\u{fffd}'));
        assert_eq!(read(&write(&s)), Ok(s));
        // Latin-1 bytes read as UTF-8: refused, saying where.
        assert_eq!(
            err("{\"waypoint_settings\": 1,\n \"brand_name\": \"Caf\u{fffd} Ol\u{fffd}\"}"),
            "it is not UTF-8 text (line 2, column 20 could not be read); save it as UTF-8 and \
             import it again"
        );
    }
}
