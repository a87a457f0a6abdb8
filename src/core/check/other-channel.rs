//! `other-channel`: the draft sends the customer to a channel they did not choose (phone,
//! email, a store, a web form). This site's own DM is not another channel, and neither is a
//! help article; but in a direct message, "DM us" asks the customer to go where they already
//! are, and is flagged there.

use super::text::{quote, Text};
use super::{Finding, Input};
use crate::core::conversation::{Party, Surface};

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let t = &input.draft;
    let list = phrases!("other-channel", PHRASES);
    // "If you're in danger, please call your local emergency number": emergency help, which a
    // reply must point to, not a channel change (not "it's not an emergency").
    let emergency = |at: usize| {
        let s = t.words[at].sentence;
        t.words.iter().enumerate().any(|(i, w)| {
            w.sentence == s
                && EMERGENCY.contains(w.lower.as_str())
                && !negated(t, i, &["not", "no", "isn't", "nothing"])
        })
    };
    // "They call us Southbest": a name, not an instruction; "I'll open a ticket for you": our
    // own step; "We're not on WhatsApp": no channel.
    let phrase = t.find(list).into_iter().find(|m| {
        !emergency(m.first)
            && (m.first == 0
                || !matches!(
                    t.words[m.first - 1].lower.as_str(),
                    "they"
                        | "people"
                        | "folks"
                        | "i'll"
                        | "we'll"
                        | "i've"
                        | "we've"
                        | "i"
                        | "we"
                        | "will"
                        | "not"
                        | "never"
                        | "no"
                ))
    });
    // A team mailbox's address written where they are to write ("reach out to our team at
    // help@acme.com", "escríbenos a soporte@…"), not one that sends them something ("a
    // confirmation from noreply@…"), nor their own.
    let c = input.ctx.conversation;
    let Some(span) = phrase.map(|m| t.span(m.first, m.last)).or_else(|| {
        super::repeats_personal_data::emails(t.src)
            .into_iter()
            .find(|&((a, b), role)| {
                // (Or standing alone: "So sorry. help@acme.com")
                let before = t.src[..a].trim_end().trim_end_matches(':');
                role && (before.is_empty()
                    || before.ends_with(['.', '!', '?'])
                    || before
                        .rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(|w| TO_WRITE.contains(&w.to_lowercase())))
                    && !c
                        .messages
                        .iter()
                        .any(|m| m.party == Party::Customer && m.text.contains(&t.src[a..b]))
            })
            .map(|(span, _)| span)
    }) else {
        return dm_in_dm(input);
    };
    // The customer chose that channel: they asked for a number or an address.
    let asked = phrases!("other-channel/2", PHRASES_2);
    let chose = c
        .unanswered()
        .iter()
        .filter(|msg| msg.party == Party::Customer)
        .any(|msg| Text::new(&msg.text).first(asked).is_some());
    if chose {
        return None;
    }
    Some(Finding::new(
        format!(
            "{} moves the customer to another channel: can you help here instead?",
            quote(t.slice(span))
        ),
        vec![span],
    ))
}

/// In a direct message, a sentence asking the customer to DM us ("Please DM us your order
/// number"): they are in one, and would wonder where to go. "No need to DM us" is no such ask.
fn dm_in_dm(input: &Input) -> Option<Finding> {
    if input.ctx.conversation.surface != Surface::Dm {
        return None;
    }
    let t = &input.draft;
    let list = phrases!("other-channel/3", PHRASES_3);
    let m = t.find(list).into_iter().find(|m| {
        !negated(
            t,
            m.first,
            &["no", "not", "don't", "dont", "never", "without"],
        )
    })?;
    let span = t.span(m.first, m.last);
    Some(Finding::new(
        format!(
            "{} asks for a DM, but this is one already: ask here instead.",
            quote(t.slice(span))
        ),
        vec![span],
    ))
}

/// Whether one of the three words before word `at`, in its sentence, is one of `words`
/// ("it's not an emergency", "no need to DM us").
fn negated(t: &Text, at: usize, words: &[&str]) -> bool {
    (at.saturating_sub(3)..at).any(|j| {
        t.words[j].sentence == t.words[at].sentence && words.contains(&t.words[j].lower.as_str())
    })
}

/// The word before an address the customer is to write to ("email", "at", "to", "a").
const TO_WRITE: crate::core::words::Words = words!["at", "to", "email", "e-mail", "a", "en", "is"];

/// Words of a sentence that sends the customer to emergency help.
const EMERGENCY: crate::core::words::Words = words![
    "emergency",
    "emergencies",
    "emergencia",
    "emergencias",
    "danger",
    "peligro",
    "helpline",
    "samaritans",
];

/// The phrases of `phrases!("other-channel", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "call us",
    "contact us via",
    "contact us through",
    "contact us using",
    "contact us here",
    "contact us directly",
    "to contact us",
    "contact us online",
    "back to store",
    "back to the store",
    "return it to the store",
    "return it to store",
    "to your local store",
    "to your nearest store",
    "to the store with",
    "give us a call",
    "give us a ring",
    "ring us",
    "phone us",
    "call our",
    "call customer",
    "call your local",
    "please call",
    "contact customer service",
    "contact customer care",
    "contact customer support",
    "contact our customer",
    "contact our support",
    "contact our care",
    "contact our team at",
    "contact us at",
    "contact us on",
    "contact us by phone",
    "contact us by email",
    "reach us at",
    "reach us on",
    "email us",
    "e mail us",
    "send us an email",
    "send us an e mail",
    "drop us an email",
    "drop us a line at",
    "emailing us",
    "email our",
    "visit a store",
    "visit your local",
    "visit your nearest",
    "visit one of our",
    "visit our store",
    "visit us in store",
    "pop into",
    "pop in to",
    "go to your local",
    "head to your local",
    "head into",
    "fill in the form",
    "fill out the form",
    "fill in our form",
    "fill out our form",
    "fill in this form",
    "fill out this form",
    "complete the form",
    "complete our form",
    "submit a ticket",
    "submit a request",
    "submit a form",
    "open a ticket",
    "raise a ticket",
    "contact them directly",
    "you'll need to contact",
    "you will need to contact",
    "you need to contact",
    "you'll have to contact",
    "you will have to contact",
    "take it up with",
    "get in touch with them",
    "reach out to them",
    "speak to them directly",
    "contact the courier",
    "please email",
    "you can email",
    "contacta con ellos",
    "ponte en contacto con ellos",
    "llámanos",
    "llama al",
    "llamar al",
    "escríbenos a",
    "escríbenos un correo",
    "envíanos un correo",
    "envíanos un email",
    "mándanos un correo",
    "acude a",
    "visita una tienda",
    "visita nuestra tienda",
    "rellena el formulario",
    "completa el formulario",
    // Another app ("escríbenos por WhatsApp al +34…"), a ticket elsewhere, a team's address.
    "on whatsapp",
    "via whatsapp",
    "by whatsapp",
    "whatsapp us",
    "our whatsapp",
    "por whatsapp",
    "al whatsapp",
    "nuestro whatsapp",
    "submit a support ticket",
    "reach out to our team at",
    "reach out to us by phone",
    "reach out to us by calling",
    "reach out to us by email",
    "get in touch with our team at",
];

/// The phrases of `phrases!("other-channel/2", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES_2: crate::core::words::Words = words![
    "phone number",
    "number to call",
    "can i call",
    "could i call",
    "should i call",
    "email address",
    "can i email",
    "where can i email",
    "nearest store",
    "in store",
    "teléfono",
    "correo",
    "support email",
    "have whatsapp",
    "whatsapp number",
    "tenéis whatsapp",
    "tienen whatsapp",
    "tienes whatsapp",
    "número de whatsapp",
];

/// The phrases of `phrases!("other-channel/3", …)`: asking for a direct message (in the page,
/// read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES_3: crate::core::words::Words = words![
    "dm us",
    "dm me",
    "pm us",
    "inbox us",
    "send us a dm",
    "send me a dm",
    "drop us a dm",
    "shoot us a dm",
    "send us a direct message",
    "send us a private message",
    "send us a pm",
    "direct message us",
    "message us privately",
    "message us in private",
    "via dm",
    "by dm",
    "over dm",
    "in a dm",
    "into our dms",
    "envíanos un md",
    "envíanos un dm",
    "envíanos un mensaje privado",
    "envíanos un mensaje directo",
    "escríbenos por privado",
    "escríbenos por md",
    "escríbenos por dm",
    "por mensaje privado",
    "por mensaje directo",
    "por md",
    "por dm",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn other_channels_fire_dm_does_not() {
        // Emergency help is care, not a channel change; a number with 999 in it, or "not an
        // emergency", is no such sentence.
        table(
            &Case::new(),
            CheckId::OtherChannel,
            &[
                (
                    "If you're in danger, please call your local emergency number.",
                    false,
                ),
                ("Please call us on 0300 999 1212.", true),
                (
                    "It's not an emergency, so please call us on 0300 123 4567.",
                    true,
                ),
            ],
        );
        let rows = [
            ("Please call us on 0800 123 456", true),
            ("Give us a call and we'll sort it", true),
            ("Please contact customer service", true),
            ("Email us at help@acme.com", true),
            ("You can visit a store for a swap", true),
            ("Please fill in the form on our site", true),
            ("Llámanos al 900 123 456", true),
            ("Escríbenos a ayuda@acme.es", true),
            // Staying here.
            ("", false),
            ("Please send us a DM with your order number", false),
            ("We'll call you back within the hour? No: DM us", false),
            ("This article explains it: https://acme.com/help", false),
            ("Envíanos un mensaje privado", false),
            ("We emailed you yesterday", false),
            ("Before I call the store, did you speak to anyone?", false),
            ("They call us Southbest for a reason", false),
            ("Please contact us via https://acme.com/form", true),
            ("Can you take it back to the store with your receipt?", true),
            ("Use this link to contact us: https://acme.com/c", true),
            // Sent to someone else, or to email (a hands-on review's drafts).
            (
                "Deliveries are handled by our courier partner, so you'll need to contact them directly.",
                true,
            ),
            ("I'm afraid you'll need to take it up with them directly.", true),
            ("Please email support@example.com with your order number", true),
            // A team mailbox, another app (the checklist review's drafts).
            (
                "Sorry Tom. Reach out to our team at help@acme.com and they'll take care of it.",
                true,
            ),
            ("Sorry! Our returns desk is at returns@acme.com if that's easier.", true),
            ("Hola Carlos, escríbenos por WhatsApp al +34 600 123 456.", true),
            ("Message us on WhatsApp and we'll confirm the size.", true),
            // An address that is no team's mailbox: not sent elsewhere by it.
            ("I've sent the label to maria.garcia@gmail.com", false),
            // A team's address that sends them something; staying here; our own step; no
            // WhatsApp (a second review's drafts).
            ("You'll get a confirmation from noreply@acme.com within the hour.", false),
            ("The free label comes from returns@acme.com today.", false),
            ("Te llegará ahora un correo de soporte@acme.es con la etiqueta.", false),
            ("Feel free to reach out to us at any time!", false),
            ("Get in touch at any point if it doesn't arrive!", false),
            ("I'll open a support ticket with our billing team for you.", false),
            ("I'll open a ticket with the courier today.", false),
            ("We've raised a ticket with our warehouse.", false),
            ("We're not on WhatsApp, but we're here.", false),
            ("Please open a ticket on our site.", true),
            ("We never ask for payment by text or WhatsApp: please delete it.", false),
            ("No tenemos WhatsApp, pero te ayudamos por aquí.", false),
            ("Questions? Email: help@acme.com", true),
            ("Tom, I'm so sorry. help@acme.com", true),
        ];
        table(&Case::new(), CheckId::OtherChannel, &rows);
        // The customer asked for a phone number: giving it is an answer.
        let c = Case::on(Site::X, Surface::Post, &["What's your phone number?"]);
        table(&c, CheckId::OtherChannel, &[("Call us on 0800 123", false)]);
        let c = Case::on(Site::X, Surface::Post, &["What's your support email?"]);
        table(
            &c,
            CheckId::OtherChannel,
            &[("It's help@acme.com, we reply within the day", false)],
        );
        // A customer who will not email again, got an email, or wrote on WhatsApp chose none.
        for said in [
            "I'm not going to email you again. Sort my refund out here please.",
            "I got your email saying my parcel was delivered. It wasn't.",
            "Os escribí ayer por WhatsApp y nadie me contestó.",
        ] {
            let c = Case::on(Site::X, Surface::Post, &[said]);
            table(
                &c,
                CheckId::OtherChannel,
                &[
                    ("Please email refunds@acme.com", true),
                    ("Call us on 0800 123 456", true),
                ],
            );
        }
        // A business customer's own address.
        let c = Case::on(
            Site::Facebook,
            Surface::Dm,
            &["Our email is info@beanthere.co.uk"],
        );
        table(
            &c,
            CheckId::OtherChannel,
            &[("I've resent the invoice to info@beanthere.co.uk", false)],
        );
        // Our own address, given in an earlier reply, does not excuse itself.
        let c = Case::on(
            Site::X,
            Surface::Post,
            &[
                "My order is late",
                "BRAND: Sorry! Email help@acme.com",
                "Still nothing",
            ],
        );
        table(
            &c,
            CheckId::OtherChannel,
            &[("Sorry again. Email help@acme.com", true)],
        );
        let c = Case::on(Site::Instagram, Surface::Dm, &["¿Tenéis WhatsApp?"]);
        table(
            &c,
            CheckId::OtherChannel,
            &[("Sí, escríbenos por WhatsApp al +34 600 123 456", false)],
        );
        // Our away message asking for one is not the customer choosing the phone.
        let away = Case::on(
            Site::X,
            Surface::Post,
            &[
                "My order is late",
                "AUTO: We're away. What's your phone number? We'll call back",
            ],
        );
        table(
            &away,
            CheckId::OtherChannel,
            &[("Call us on 0800 123", true)],
        );
    }

    #[test]
    fn asking_for_a_dm_inside_one_fires() {
        let rows = [
            ("Please DM us your order number.", true),
            ("Sorry! Send us a DM with the details and we'll look.", true),
            (
                "Lo sentimos. Envíanos un mensaje privado con tu pedido.",
                true,
            ),
            ("Escríbenos por MD y lo vemos.", true),
            ("Could you share your order number here?", false),
            ("No need to DM us again, we're on it.", false),
            ("Thanks for your DM, we're checking now.", false),
            ("", false),
        ];
        for site in [Site::X, Site::Facebook, Site::Instagram] {
            let dm = Case::on(site, Surface::Dm, &["My order has not arrived"]);
            table(&dm, CheckId::OtherChannel, &rows);
        }
        // In a public thread, asking for a DM is the safe move.
        let public: Vec<_> = rows.iter().map(|&(d, _)| (d, false)).collect();
        table(&Case::new(), CheckId::OtherChannel, &public);
        let dm = Case::on(Site::X, Surface::Dm, &["My order has not arrived"]);
        let detail = dm
            .fires(CheckId::OtherChannel, "Please DM us your order number.")
            .unwrap();
        assert_eq!(
            detail,
            "“DM us” asks for a DM, but this is one already: ask here instead."
        );
    }
}
