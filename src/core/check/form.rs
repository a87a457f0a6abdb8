//! The checklist section of the settings page, as plain data: what the form shows for saved
//! settings, and the settings a filled-in form stands for. Lists are one item per line.

use super::{CheckId, Level, Settings, SignaturePolicy, ValidSettings};
use crate::core::str_map::StrMap;

/// The form's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// One level per check, in [`CheckId::ALL`] order.
    pub levels: Vec<(CheckId, Level)>,
    pub manual: String,
    pub always_show: bool,
    /// Accepted sign-offs; empty = no signature policy.
    pub signoffs: String,
    pub jargon: String,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Form {
    /// What the form shows for `settings` (levels as they will run, defaults included).
    pub fn of(settings: &Settings) -> Result<Form, String> {
        let valid = settings.validate()?;
        Ok(Form {
            levels: CheckId::ALL.iter().map(|&c| (c, valid.level(c))).collect(),
            manual: settings.manual.join("\n"),
            always_show: settings.always_show,
            signoffs: settings
                .signature
                .as_ref()
                .map(|s| s.accepted.join("\n"))
                .unwrap_or_default(),
            jargon: settings.jargon.join("\n"),
        })
    }

    /// The settings the form stands for, checked. Only levels that differ from the default
    /// are stored, so that a later version's better defaults reach teams that never changed
    /// them. A signature policy exists when the signature check is on or sign-offs are given.
    pub fn settings(&self) -> Result<(Settings, ValidSettings), String> {
        let signoffs = lines(&self.signoffs);
        let signature_on = self
            .levels
            .iter()
            .any(|&(c, l)| c == CheckId::Signature && l != Level::Off);
        let signature = (signature_on || !signoffs.is_empty())
            .then_some(SignaturePolicy { accepted: signoffs });
        let mut levels = StrMap::new();
        for &(check, level) in &self.levels {
            // The signature check's default follows the policy (warn once a policy is set).
            let default = if check == CheckId::Signature && signature.is_some() {
                Level::Warn
            } else {
                check.default_level()
            };
            if level != default {
                levels.insert(check.id().to_owned(), level);
            }
        }
        let settings = Settings {
            levels,
            manual: lines(&self.manual),
            always_show: self.always_show,
            signature,
            jargon: lines(&self.jargon),
        };
        let valid = settings.validate_new()?;
        Ok((settings, valid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_round_trip_and_store_no_levels() {
        let form = Form::of(&Settings::default()).unwrap();
        assert_eq!(form.levels.len(), CheckId::ALL.len());
        assert!(form.manual.contains("Have I done everything"));
        let (settings, valid) = form.settings().unwrap();
        assert_eq!(settings, Settings::default());
        assert_eq!(valid, ValidSettings::default());
    }

    #[test]
    fn changed_levels_lists_and_the_signature_policy_are_kept() {
        let mut form = Form::of(&Settings::default()).unwrap();
        for (c, l) in &mut form.levels {
            if *c == CheckId::Shouting {
                *l = Level::Off;
            }
            if *c == CheckId::Signature {
                *l = Level::Block;
            }
        }
        form.manual = "  Did I check the order?  \n\n".into();
        form.signoffs = "^AB\n-Sam\n".into();
        form.jargon = "RMA\ntier 2".into();
        form.always_show = true;
        let (settings, valid) = form.settings().unwrap();
        assert_eq!(settings.levels.get("shouting"), Some(&Level::Off));
        assert_eq!(settings.levels.get("signature"), Some(&Level::Block));
        assert_eq!(settings.manual, ["Did I check the order?"]);
        assert_eq!(settings.signature.unwrap().accepted, ["^AB", "-Sam"]);
        assert_eq!(settings.jargon, ["RMA", "tier 2"]);
        assert!(valid.always_show);
        assert_eq!(valid.level(CheckId::Shouting), Level::Off);
        assert_eq!(valid.level(CheckId::Signature), Level::Block);
        // And the form shows them back.
        let again = Form::of(&form.settings().unwrap().0).unwrap();
        assert_eq!(
            again,
            Form {
                manual: "Did I check the order?".into(),
                signoffs: "^AB\n-Sam".into(),
                ..form
            }
        );
    }

    #[test]
    fn a_bad_form_names_the_problem() {
        let mut form = Form::of(&Settings::default()).unwrap();
        form.manual = "x".repeat(201);
        let err = form.settings().unwrap_err();
        assert!(
            err.contains("Questions to tick: question 1 is longer than 200"),
            "{err}"
        );
        form.manual.clear();
        form.jargon = "!!!".into();
        let err = form.settings().unwrap_err();
        assert!(err.contains("Internal words: phrase 1"), "{err}");
    }
}
