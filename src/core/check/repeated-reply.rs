//! `repeated-reply`: the draft is (nearly) the same text as one of our earlier replies, in this
//! conversation or another: 90% or more alike once @mentions, links, sign-offs, the customer's
//! name, case and punctuation are set aside. Short replies (under 30 letters so compared)
//! are left alone: "Thanks!" is not canned.
//!
//! The comparison is an edit distance limited to a band of 10% of the length, so each
//! comparison costs about length × band steps.

use super::people::{fold, People};
use super::text::Text;
use super::{Finding, Input};
use crate::core::conversation::{Conversation, Party};

const MIN_CHARS: usize = 30;

/// The text as compared: words without handles, links, sign-off and names, folded, one space
/// between words.
fn normal(text: &str, people: &People) -> Vec<char> {
    let body = strip_signoff(text);
    let t = Text::new(body);
    let mut out = Vec::new();
    for (_, w) in t.plain() {
        if people.is_customer(&w.lower) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(fold(&w.lower).chars());
    }
    out
}

/// The text without a trailing `^AB` or `-Sam` sign-off.
fn strip_signoff(text: &str) -> &str {
    let t = text.trim_end();
    if let Some(i) = t.rfind(['^', '-', '–', '~']) {
        let after = &t[i..];
        if after.chars().count() <= 16 && !after.contains('\n') {
            return &t[..i];
        }
    }
    t
}

/// Edit distance of `a` and `b` if it is at most `k`.
fn within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let big = k + 1;
    let mut prev: Vec<usize> = (0..=b.len())
        .map(|j| if j <= k { j } else { big })
        .collect();
    let mut cur = vec![big; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        cur.fill(big);
        cur[0] = if i <= k { i } else { big };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let v = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(big);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= k).then_some(prev[b.len()])
}

/// One of our earlier replies as the check compares it (worked out once per conversation, see
/// [`super::prepare`]).
#[derive(Debug)]
pub struct Earlier {
    /// Its letters and digits.
    letters: usize,
    /// As [`normal`] makes it.
    text: Vec<char>,
    /// In this conversation (else one of our recent replies elsewhere).
    here: bool,
}

fn letters(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes().filter(u8::is_ascii_alphanumeric).count()
    } else {
        s.chars().filter(|c| c.is_alphanumeric()).count()
    }
}

/// Our latest replies in `c`, then our `recent` replies elsewhere.
pub fn earlier(c: &Conversation, recent: &[String], people: &People) -> Vec<Earlier> {
    let ours = c
        .messages
        .iter()
        .rev()
        .filter(|m| m.party == Party::Brand)
        .take(super::READ_OUR_REPLIES)
        .map(|m| (m.text.as_str(), true));
    let others = recent.iter().map(|r| (r.as_str(), false));
    ours.chain(others)
        .map(|(text, here)| Earlier {
            letters: letters(text),
            text: normal(text, people),
            here,
        })
        .collect()
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let people = input.people();
    let draft_letters = letters(input.ctx.draft);
    // The draft is normalised only when some earlier reply is close enough in size: most
    // sends compare with nothing.
    let mut draft: Option<Vec<char>> = None;
    for e in &input.prepared.earlier {
        // Texts whose letter counts differ by a fifth cannot be 90% alike once handles and
        // names are set aside (those are short): skip them without the full comparison.
        let n = e.letters;
        if n * 5 < draft_letters * 4 || draft_letters * 5 < n * 4 {
            continue;
        }
        let draft = draft.get_or_insert_with(|| normal(input.ctx.draft, people));
        if draft.len() < MIN_CHARS {
            return None;
        }
        let longest = draft.len().max(e.text.len());
        let k = longest / 10;
        if let Some(d) = within(draft, &e.text, k) {
            let pct = 100 - (d * 100 / longest);
            let where_ = if e.here {
                "an earlier reply in this conversation"
            } else {
                "one of your recent replies"
            };
            return Some(Finding::new(
                format!("{pct}% the same as {where_}: make it personal"),
                Vec::new(),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Case;
    use super::super::CheckId;
    use super::*;

    const CANNED: &str = "We're sorry for the trouble. Please send us a DM with your order number and we'll take a look.";

    #[test]
    fn near_copies_fire() {
        let mut c = Case::new();
        c.recent = vec![format!("@someone {CANNED} ^AB"), "Thanks!".into()];
        let rows = [
            (format!("@mariag {CANNED} ^JS"), true),
            (CANNED.replace("trouble", "bother"), true),
            (format!("Hi Maria! {}", CANNED.to_uppercase()), true),
            ("Thanks!".to_string(), false),
            (String::new(), false),
            (
                "Sorry Maria, the courier lost it: I've ordered a new one for Monday.".into(),
                false,
            ),
            (
                "We're sorry for the trouble. Please send us a DM with your email so we can check."
                    .into(),
                false,
            ),
        ];
        for (draft, want) in rows {
            assert_eq!(
                c.fires(CheckId::RepeatedReply, &draft).is_some(),
                want,
                "{draft:?}"
            );
        }
        let d = c.fires(CheckId::RepeatedReply, CANNED).unwrap();
        assert!(d.contains("100% the same as one of your recent"), "{d}");
        // Our own earlier reply in the same thread counts too.
        let c = Case::on(
            crate::core::conversation::Site::X,
            crate::core::conversation::Surface::Post,
            &["help", &format!("BRAND: {CANNED}"), "still broken"],
        );
        let d = c.fires(CheckId::RepeatedReply, CANNED).unwrap();
        assert!(d.contains("this conversation"), "{d}");
    }

    #[test]
    fn banded_distance() {
        let s = |x: &str| x.chars().collect::<Vec<_>>();
        assert_eq!(within(&s("kitten"), &s("sitting"), 3), Some(3));
        assert_eq!(within(&s("kitten"), &s("sitting"), 2), None);
        assert_eq!(within(&s(""), &s(""), 0), Some(0));
        assert_eq!(within(&s("abc"), &s("abc"), 0), Some(0));
        assert_eq!(within(&s("ab"), &s("abcdef"), 3), None);
    }
}
