//! `signature`: the team requires a sign-off and the draft has none. Off unless the team set a
//! [`super::SignaturePolicy`].

use super::{Finding, Input};

/// Whether `draft` ends with a sign-off: one of `accepted` (exactly), or with none given,
/// `^` and 1–4 letters (`^AB`) or a dash or tilde and a capitalised name of one or two words
/// (`-Sam`, `– Sam R`).
pub fn signed(draft: &str, accepted: &[String]) -> bool {
    let end = draft.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!'));
    if !accepted.is_empty() {
        return accepted.iter().any(|s| end.ends_with(s.trim()));
    }
    let tail: String = end
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if let Some(i) = tail.rfind('^') {
        let after = tail[i + 1..].trim();
        let n = after.chars().count();
        return (1..=4).contains(&n) && after.chars().all(char::is_alphabetic);
    }
    if let Some(i) = tail.rfind(['-', '–', '—', '~']) {
        let dash = tail[i..].chars().next().map_or(1, char::len_utf8);
        let after = tail[i + dash..].trim();
        let words: Vec<&str> = after.split_whitespace().collect();
        return (1..=2).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '.')
            });
    }
    false
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let policy = input.settings.signature.as_ref()?;
    if signed(input.ctx.draft, &policy.accepted) {
        return None;
    }
    let how = if policy.accepted.is_empty() {
        "your initials (^AB) or name (-Sam)".to_owned()
    } else {
        policy.accepted.join(" or ")
    };
    Some(Finding::new(
        format!("no sign-off at the end: add {how}"),
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Case;
    use super::super::{CheckId, Settings, SignaturePolicy, Status};

    fn with(accepted: &[&str]) -> Case {
        let mut c = Case::new();
        c.settings = Settings {
            signature: Some(SignaturePolicy {
                accepted: accepted.iter().map(|s| s.to_string()).collect(),
            }),
            ..Settings::default()
        }
        .validate()
        .unwrap();
        c
    }

    #[test]
    fn off_without_a_policy() {
        let r = Case::new().report("no sign-off");
        assert_eq!(r.get(CheckId::Signature).unwrap().status, Status::Off);
    }

    #[test]
    fn any_sign_off_form() {
        let c = with(&[]);
        let rows = [
            ("Thanks Maria! ^AB", false),
            ("Thanks Maria ^JS.", false),
            ("Thanks Maria -Sam", false),
            ("Thanks Maria – Sam R", false),
            ("Gracias María ~Lucía", false),
            ("Thanks Maria!", true),
            ("", true),
            ("Thanks - see you soon", true),
            ("Call ^ later", true),
        ];
        for (draft, fires) in rows {
            let r = c.report(draft);
            let want = if fires { Status::Warn } else { Status::Pass };
            assert_eq!(r.get(CheckId::Signature).unwrap().status, want, "{draft:?}");
        }
    }

    #[test]
    fn only_accepted_sign_offs() {
        let c = with(&["^AB", "-Ana"]);
        assert!(c.fires(CheckId::Signature, "Thanks ^AB").is_none());
        assert!(c.fires(CheckId::Signature, "Thanks -Ana!").is_none());
        let d = c.fires(CheckId::Signature, "Thanks ^CD").unwrap();
        assert!(d.contains("^AB or -Ana"), "{d}");
    }
}
