//! `language`: the draft is in another language than the customer's, when the customer's is
//! told confidently and the draft's is too, or a short draft is clearly in another one.

use super::{Finding, Input};

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let theirs = input.ctx.customer.lang.filter(|l| l.confident)?;
    let ours = match input.ctx.draft_lang.filter(|l| l.confident) {
        Some(l) => l.code,
        // Three words ("Estamos en ello.") are never a confident guess, but
        // it can be clearly not in the customer's language.
        None => crate::core::analysis::clearly_not_in(input.ctx.draft, theirs.code)?,
    };
    (theirs.code != ours).then(|| {
        Finding::new(
            format!(
                "the customer writes in {} and the draft is in {}",
                name(theirs.code),
                name(ours)
            ),
            Vec::new(),
        )
    })
}

fn name(code: &str) -> String {
    let n = match code {
        "en" => "English",
        "es" => "Spanish",
        "de" => "German",
        "fr" => "French",
        "pt" => "Portuguese",
        "it" => "Italian",
        "nl" => "Dutch",
        "ca" => "Catalan",
        // Told by their script alone (see `analysis::lang`): named by the script where it
        // serves several languages (Ukrainian is Cyrillic, Persian and Urdu Arabic script,
        // Japanese in kanji alone Chinese characters).
        "ja" => "Japanese",
        "ko" => "Korean",
        "zh" => "Chinese characters",
        "hi" => "Devanagari script",
        "ar" => "Arabic script",
        "th" => "Thai",
        "ru" => "Cyrillic script",
        "el" => "Greek",
        "he" => "Hebrew script",
        _ => return format!("“{code}”"),
    };
    n.to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Case;
    use super::super::CheckId;
    use crate::core::analysis::LangGuess;

    fn lang(code: &'static str, confident: bool) -> Option<LangGuess> {
        Some(LangGuess { code, confident })
    }

    #[test]
    fn only_confident_different_languages_fire() {
        let rows = [
            (lang("es", true), lang("en", true), true),
            (lang("en", true), lang("fr", true), true),
            (lang("es", true), lang("es", true), false),
            (lang("es", false), lang("en", true), false),
            (lang("es", true), lang("en", false), false),
            (None, lang("en", true), false),
            (lang("es", true), None, false),
        ];
        for (customer, draft, want) in rows {
            let mut c = Case::new();
            c.analysis.lang = customer;
            c.draft_lang = draft;
            let got = c.fires(CheckId::Language, "Hola, lo siento");
            assert_eq!(got.is_some(), want, "{customer:?} {draft:?}");
            if let Some(d) = got {
                assert!(d.contains("writes in"), "{d}");
            }
        }
    }

    #[test]
    fn a_short_draft_clearly_in_another_language_is_told_without_a_confident_guess() {
        // (customer's language, draft, fires): the draft's own guess is left to the analysis.
        let rows = [
            ("en", "Estamos en ello.", true),
            ("en", "Ya está, Sam.", true),
            ("en", "Te llamamos mañana.", true),
            ("es", "So sorry Sam, we're on it now.", true),
            ("es", "Estamos en ello.", false),
            // Too little to go on, or a word of the customer's language in it.
            ("en", "Gracias, Sam!", false),
            ("en", "Gracias Sam, we'll sort it today", false),
            ("en", "So sorry, Sam, on it", false),
            ("es", "Hola Sam, the link is here", false),
            // Close between two languages: not said.
            ("en", "De nada, a las dos", false),
        ];
        for (customer, draft, want) in rows {
            let mut c = Case::new();
            c.analysis.lang = lang(customer, true);
            c.draft_lang = crate::core::analysis::detect_language(draft).map(|l| LangGuess {
                confident: false,
                ..l
            });
            let got = c.fires(CheckId::Language, draft);
            assert_eq!(got.is_some(), want, "{customer} {draft:?}: {got:?}");
        }
        // Told as the language it clearly is.
        let mut c = Case::new();
        c.analysis.lang = lang("en", true);
        let got = c.fires(CheckId::Language, "Lo siento, Sam. Te escribimos por DM.");
        assert!(got.is_some_and(|d| d.contains("the draft is in Spanish")));
    }

    #[test]
    fn every_language_the_analysis_tells_is_named() {
        for code in crate::core::analysis::lang::codes() {
            assert!(!super::name(code).contains('“'), "{code} has no name");
        }
        assert_eq!(super::name("ar"), "Arabic script");
        assert_eq!(super::name("ru"), "Cyrillic script");
    }
}
