//! What the panel says after a mishap (a send the site did not take, a reply the box did not
//! take) or of a clock counted in an unusual way, sentences the page shows rarely. In the page
//! they are read from the rule file's `[said/<name>]` sections, written by the build from
//! [`TEXTS`]: the content module, held to its size budget, does not carry them.

/// Each notice's name and words.
#[cfg(not(target_arch = "wasm32"))]
pub const TEXTS: [(&str, &str); 14] = [
    (
        "redrawn",
        "Not sent: the site redrew its reply box while the checklist was open. Your reply should \
         still be in the box: press send again.",
    ),
    (
        "changed",
        "Not sent: the reply box changed while the checklist was open, so what it holds now was \
         not checked. Put your reply back (copy it below) and press send again.",
    ),
    (
        "redrawn-reading",
        "Not sent: the site redrew its reply box while Waypoint was reading the conversation. \
         Press send again.",
    ),
    (
        "changed-reading",
        "Not sent: you changed the reply while Waypoint was reading the conversation. Press send \
         again when it is ready.",
    ),
    (
        "cancelled-reading",
        "Not sent: you cancelled it while Waypoint was reading the conversation. Your reply is \
         still in the box.",
    ),
    (
        "not-taken",
        "Not sent: the site did not take the send. Your reply is still in the box: press send \
         again.",
    ),
    (
        "already",
        "This reply is already in the reply box: edit it there (clear the box to insert it \
         again).",
    ),
    (
        "not-the-reply",
        "The reply box changed, but does not read as the reply: check what it holds before you \
         post.",
    ),
    (
        "no-box",
        "No reply box is open on the page, so the reply is on your clipboard: open the reply box \
         and press Ctrl+V (⌘V on a Mac).",
    ),
    (
        "copied",
        "The reply box did not take the text, so it is on your clipboard: click the reply box \
         and press Ctrl+V (⌘V on a Mac).",
    ),
    // The SLA's notes on a clock counted in an unusual way (each begins with a space: it goes
    // on from the explanation before it).
    (
        "seen-only",
        " The page shows no time for the message that started it: counted from when Waypoint \
         first saw it.",
    ),
    (
        "automatic",
        " Our automatic message is not counted as a reply.",
    ),
    (
        "unsent",
        " Our message the site shows as not sent is not counted as a reply.",
    ),
    (
        "window-seen-only",
        " (the page shows no time for the customer's last message: counted from when Waypoint \
         first saw it)",
    ),
];

/// The words of notice `name`: in the page, from the installed rule file ("" before it is
/// installed, as the checks' reasons).
pub fn said(name: &str) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    return crate::core::analysis::text::installed_section("said/", name).map_or("", str::trim_end);
    #[cfg(not(target_arch = "wasm32"))]
    TEXTS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, t)| t)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every name the page asks for has its words, and the rule file carries them all, each
    /// on one line.
    #[test]
    fn every_notice_asked_for_is_written_and_in_the_rule_file() {
        let src = [
            "src/web/gate.rs",
            "src/web/panel/replies.rs",
            "src/web/panel/badge.rs",
            "src/core/sla/status.rs",
        ]
        .map(|p| std::fs::read_to_string(p).expect("the source is readable"))
        .join("\n");
        let asked: Vec<&str> = src
            .split("said(\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(asked.len() >= TEXTS.len(), "{asked:?}");
        for name in &asked {
            assert!(!said(name).is_empty(), "no words for {name}");
        }
        let file = crate::core::analysis::text::rule_file();
        let tables = crate::core::analysis::text::parse_rule_file(&file).unwrap();
        for (name, text) in TEXTS {
            assert!(!text.contains('\n'));
            assert!(
                tables
                    .iter()
                    .any(|(n, t)| n.strip_prefix("said/") == Some(name) && t.trim_end() == text),
                "{name}"
            );
            assert!(asked.contains(&name), "{name} is never said");
        }
    }
}
