//! `missing-link`: the draft promises a link or attachment ("here's the link", "see the link
//! below", "attached") and holds no URL.

use super::text::quote;
use super::{Finding, Input};

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let t = &input.draft;
    if t.has_url() {
        return None;
    }
    let list = phrases!("missing-link", PHRASES);
    let m = t.first(list)?;
    let span = t.span(m.first, m.last);
    Some(Finding::new(
        format!("{} but the draft has no link", quote(t.slice(span))),
        vec![span],
    ))
}

/// The phrases of `phrases!("missing-link", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "here's the link",
    "our link",
    "the link we sent",
    "here is the link",
    "heres the link",
    "here's a link",
    "here is a link",
    "link below",
    "links below",
    "link here",
    "link above",
    "following link",
    "this link",
    "these links",
    "visit the link",
    "check this article",
    "check out this article",
    "this article",
    "this guide",
    "read this",
    "see attached",
    "see the attached",
    "attached is",
    "attached are",
    "attached you'll find",
    "i've attached",
    "i have attached",
    "we've attached",
    "we have attached",
    "i'm attaching",
    "please find attached",
    "find attached",
    "the attachment",
    "click here",
    "tap here",
    "more info here",
    "details here",
    "learn more here",
    "info here",
    "steps here",
    "you can find it here",
    "you can find them here",
    "aquí tienes el enlace",
    "aquí tienes un enlace",
    "este enlace",
    "el siguiente enlace",
    "en el enlace",
    "enlace de abajo",
    "este artículo",
    "te adjunto",
    "adjuntamos",
    "adjunto te",
    "haz clic aquí",
    "pincha aquí",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;

    #[test]
    fn promised_links_must_be_there() {
        let rows = [
            ("Here's the link to reset it:", true),
            ("See the link below!", true),
            ("Check this article for the steps", true),
            ("Follow this link to track it", true),
            ("Please see attached.", true),
            ("Click here to start", true),
            ("Aquí tienes el enlace para cambiarlo", true),
            ("Te adjunto la factura", true),
            ("Did you view our link?", true),
            // A link is there, or none was promised.
            ("", false),
            ("Here's the link: https://help.acme.com/reset", false),
            ("Check this article: acme.co/help/123", false),
            ("Aquí tienes el enlace: https://acme.es/ayuda", false),
            ("Could you DM us the link you used?", false),
            ("We'll send you a link by email shortly", false),
            ("Send us a DM and we can check this out", false),
            ("If you follow the link Sam provided, we'll call", false),
        ];
        table(&Case::new(), CheckId::MissingLink, &rows);
    }
}
