//! `addressed`: the draft does not speak to the customer: no @handle, name or first name, or a
//! generic salutation ("Hi customer", "Dear user"). On X public replies the site puts the
//! customer's @handle in front of the reply, so only a generic salutation fires there.

use super::text::quote;
use super::{Finding, Input};
use crate::core::conversation::{Site, Surface};

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let t = &input.draft;
    let generic = phrases!("addressed", PHRASES);
    // "Hi {customer_name}" is a template gap, which the placeholder check names: not a
    // salutation to quote by half.
    let gap = |span: (usize, usize)| {
        t.src[span.0..span.1].contains(['{', '[', '<'])
            || t.src[span.1..].starts_with(['_', '}', ']', '>'])
    };
    let salutation = t
        .find(generic)
        .into_iter()
        .map(|m| t.span(m.first, m.last))
        .find(|&span| !gap(span));
    if let Some(span) = salutation {
        return Some(Finding::new(
            format!(
                "{} is a generic salutation: use their name",
                quote(t.slice(span))
            ),
            vec![span],
        ));
    }
    let c = input.ctx.conversation;
    if c.site == Site::X && c.surface == Surface::Post {
        return None;
    }
    let people = input.people();
    if people.customer_handles.is_empty() && people.customer_names.is_empty() {
        return None; // nobody to address by name
    }
    let named = t.words.iter().enumerate().any(|(i, w)| {
        if w.mention {
            people
                .customer_handles
                .contains(&super::people::fold(&w.lower))
        } else {
            // Or by a short form of their name ("Kate" for Katherine), written as a name: with
            // a capital, and where a sentence begins only before a comma or a mark ("Bill,"
            // but not "Will do", "we will", "al domicilio").
            let name_like = t.src[w.start..].starts_with(char::is_uppercase)
                && (i > 0 && t.words[i - 1].sentence == w.sentence
                    || t.src[w.end..].starts_with([',', '!']));
            people.is_customer(&w.lower)
                || (name_like
                    && people
                        .customer_names
                        .known_as(&super::people::fold(&w.lower)))
        }
    });
    if named {
        return None;
    }
    // Named as the replies greet them ("J. Smith" by the handle, "Dr. Jane Smith" as Jane).
    let who = c
        .customer
        .as_ref()
        .and_then(crate::core::template::customer_first_name)
        .map_or_else(|| "the customer".to_owned(), |n| format!("“{n}”"));
    Some(Finding::new(
        format!("the draft does not address {who} by name or handle"),
        Vec::new(),
    ))
}

/// The phrases of `phrases!("addressed", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "hi customer",
    "hello customer",
    "hey customer",
    "dear customer",
    "dear valued customer",
    "valued customer",
    "dear user",
    "hi user",
    "hello user",
    "hey user",
    "dear client",
    "dear sir",
    "dear madam",
    "dear sir or madam",
    "dear account holder",
    "dear member",
    "hola cliente",
    "hola usuario",
    "estimado cliente",
    "estimada cliente",
    "estimado usuario",
    "estimada usuaria",
    "querido cliente",
    "apreciado cliente",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn names_handles_and_generic_salutations() {
        let fb = Case::on(Site::Facebook, Surface::Post, &["My order is late"]);
        let rows = [
            ("Hi Maria, sorry about that!", false),
            ("hola maría? no: hola MARIA", false),
            ("@mariag we're on it", false),
            ("Thanks, Ms Garcia.", false),
            ("Sorry about that, we're on it.", true),
            ("", true),
            ("Hi customer, sorry", true),
            ("Dear user, we apologise", true),
            ("Estimado cliente: lo sentimos", true),
            ("Hi Mariana, sorry", true),
            // An accent written after its letter (decomposed) is the same name.
            ("Hola Mari\u{301}a, lo siento", false),
        ];
        table(&fb, CheckId::Addressed, &rows);
        let d = fb.fires(CheckId::Addressed, "Sorry!").unwrap();
        assert!(d.contains("“Maria”"), "{d}");
        // Named as the replies greet them: not by an initial or a title.
        for (name, said) in [("J. Smith", "“jsmith88”"), ("Dr. Jane Smith", "“Jane”")] {
            let c = Case::on(Site::Facebook, Surface::Dm, &["My order is late"])
                .named(name, "jsmith88");
            let d = c.fires(CheckId::Addressed, "Sorry!").unwrap();
            assert!(d.contains(said), "{name}: {d}");
        }
        // X public replies carry the @handle already; only generic salutations fire.
        let x = Case::new();
        table(
            &x,
            CheckId::Addressed,
            &[
                ("Sorry about that!", false),
                ("Dear customer, sorry", true),
                // A template gap is the placeholder check's.
                ("Hi {customer_name}, sorry", false),
                ("Dear [customer], sorry", false),
                ("Hi <customer>, sorry", false),
                ("Hi {customer}, sorry. Dear customer, we're on it", true),
            ],
        );
        // DMs on X need the name.
        table(&Case::new().dm(), CheckId::Addressed, &[("Sorry!", true)]);
    }
}
