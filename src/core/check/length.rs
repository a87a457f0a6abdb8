//! `length`: the draft is over the site's limit, counted the way the site counts
//! ([`crate::core::textlen`]).

use super::{Finding, Input};
use crate::core::conversation::Site;
use crate::core::textlen::{limit, measure, Counting};

/// The text after the @handles it starts with.
fn skip_leading_mentions(s: &str) -> &str {
    let mut rest = s.trim_start();
    while rest.starts_with('@') {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest[end..].trim_start();
    }
    rest
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let c = input.ctx.conversation;
    let draft = match c.site {
        // X does not count the @handles a reply starts with.
        Site::X => skip_leading_mentions(input.ctx.draft),
        _ => input.ctx.draft,
    };
    let m = measure(draft, c.site, c.surface);
    if m.fits {
        return None;
    }
    let how = match limit(c.site, c.surface).counting {
        Counting::XWeighted => " (as X counts: links 23, emoji and CJK 2)",
        Counting::Chars => "",
    };
    let grouped = crate::core::decimal::grouped;
    let what = match c.surface {
        crate::core::conversation::Surface::Post => "a public reply",
        crate::core::conversation::Surface::Dm => "a direct message",
    };
    Some(Finding::new(
        format!(
            "{} of {} characters{how}: {} over {}'s limit for {what}",
            grouped(m.used),
            grouped(m.max),
            grouped(m.used - m.max),
            c.site.display_name(),
        ),
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Case;
    use super::super::CheckId;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn counts_per_site() {
        let x = Case::new();
        let ok = "a".repeat(280);
        let over = "a".repeat(281);
        assert!(x.fires(CheckId::Length, &ok).is_none());
        assert!(x.fires(CheckId::Length, "").is_none());
        let d = x.fires(CheckId::Length, &over).unwrap();
        assert!(d.starts_with("281 of 280"), "{d}");
        // CJK weighs 2 on X: 141 ideographs are 282.
        assert!(x.fires(CheckId::Length, &"日".repeat(141)).is_some());
        // Links weigh 23 whatever their length.
        let link = format!("See https://example.com/{} thanks", "p".repeat(300));
        assert!(x.fires(CheckId::Length, &link).is_none());
        // Leading @handles do not count on X.
        let mentioned = format!("@someone @other {}", "a".repeat(280));
        assert!(x.fires(CheckId::Length, &mentioned).is_none());
        assert_eq!(
            d,
            "281 of 280 characters (as X counts: links 23, emoji and CJK 2): 1 over X's limit \
             for a public reply"
        );
        let ig = Case::on(Site::Instagram, Surface::Dm, &["hi"]);
        assert!(ig.fires(CheckId::Length, &"é".repeat(1000)).is_none());
        assert!(ig.fires(CheckId::Length, &"é".repeat(1001)).is_some());
        // Thousands grouped, the surface said in words.
        let xdm = Case::on(Site::X, Surface::Dm, &["hi"]);
        assert_eq!(
            xdm.fires(CheckId::Length, &"a".repeat(10_558)).unwrap(),
            "10,558 of 10,000 characters: 558 over X's limit for a direct message"
        );
        let fb = Case::on(Site::Facebook, Surface::Post, &["hi"]);
        assert!(fb.fires(CheckId::Length, &over).is_none());
    }
}
