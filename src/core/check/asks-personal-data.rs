//! `asks-personal-data`: a public reply asks the customer to post personal data (order number,
//! email, phone, address, account or card number, date of birth) in the thread; or any reply
//! asks for a secret (password, one-time code, PIN, a payment card's number: "your card
//! number", not a gift or loyalty card's, nor its last four digits). Asking for details by DM,
//! private message, email or text is fine ("email us your order number"); a secret is not,
//! anywhere.
//!
//! A request is a share verb, optionally "us"/"me", then "your"/"the" and the data, within one
//! sentence ("send us your order number", "what's your email?", "¿cuál es tu teléfono?"), with
//! no negation before it ("never share your PIN").

use super::text::{quote, Phrases, Text};
use super::{Finding, Input};
use crate::core::conversation::Surface;
use crate::core::words::Words;

pub(super) const PERSONAL: Words = listed_words!["asks-personal-data/personal";
    "order number",
    "order no",
    "order id",
    "order details",
    "order info",
    "order reference",
    "order confirmation",
    "confirmation number",
    "booking reference",
    "booking number",
    "reservation number",
    "tracking number",
    "reference number",
    "email address",
    // "the email on your account" is theirs, as "your email" is.
    "email on your account",
    "email on the account",
    "email on your order",
    "email linked to your account",
    "email associated with your account",
    "email you signed up with",
    "email you used",
    "email",
    "e mail",
    "e mail address",
    "phone number",
    "number",
    "mobile number",
    "cell number",
    "contact number",
    "telephone number",
    "address",
    "home address",
    "postal address",
    "shipping address",
    "delivery address",
    "mailing address",
    "account number",
    "account details",
    "account info",
    "account information",
    "card number",
    "date of birth",
    "dob",
    "birthday",
    "full name",
    "last 4",
    "last four",
    "número de pedido",
    "pedido",
    "dirección de entrega",
    "dirección de envío",
    "correo",
    "correo electrónico",
    "teléfono",
    "número de teléfono",
    "móvil",
    "dirección",
    "número de cuenta",
    "datos de la cuenta",
    "fecha de nacimiento",
    "dni",
    "datos personales",
    "tarjeta",
];

pub(super) const SECRET: Words = listed_words!["asks-personal-data/secret";
    "password",
    "passwords",
    "passcode",
    "pass code",
    "one time code",
    "one time password",
    "verification code",
    "security code",
    "login code",
    "sms code",
    "2fa code",
    "otp",
    "pin",
    "pin number",
    "cvv",
    "cvc",
    "cvv2",
    "full card number",
    "full credit card number",
    "long card number",
    // A payment card's number asked for is the whole number: an agent asks for the last four
    // digits ("the last 4 digits of your card number" asks for digits). Not a gift, loyalty
    // or travel card's ("your gift card number"), which care teams do ask for by DM.
    "your card number",
    "credit card number",
    "debit card number",
    "bank card number",
    "payment card number",
    "número de tarjeta de crédito",
    "numero de tarjeta de credito",
    "número de tarjeta de débito",
    "numero de tarjeta de debito",
    // As "your card number": a card's number asked for as theirs ("tu número de tarjeta",
    // "el número de tu tarjeta"); not when another kind of card follows (`OTHER_CARD`).
    "tu número de tarjeta",
    "tu numero de tarjeta",
    "su número de tarjeta",
    "su numero de tarjeta",
    "número de tu tarjeta",
    "numero de tu tarjeta",
    "número de su tarjeta",
    "numero de su tarjeta",
    "card security code",
    // A card's details are its number, expiry and code together; its expiry and the code on
    // its back are asked for only to take a payment (care-practice Q7: never in a reply).
    "card details",
    "card info",
    "card information",
    "credit card details",
    "debit card details",
    "payment details",
    "payment card details",
    "long number on your card",
    "long number on the card",
    "long number on the front",
    "16 digit number",
    "16 digit card number",
    "expiry date",
    "expiry",
    "expiration date",
    "exp date",
    "digit code",
    "code on the back",
    "security number",
    // Signing in is theirs alone: its details, and a code just sent to them.
    "login details",
    "log in details",
    "login info",
    "login information",
    "sign in details",
    "login credentials",
    "credentials",
    "code we texted",
    "code we just texted",
    "code we sent",
    "code we just sent",
    "code you received",
    "code you just received",
    "code you got",
    "code sent to your phone",
    "texted code",
    "security answer",
    "contraseña",
    "clave",
    "código de verificación",
    "código de seguridad",
    "código sms",
    "pin de la tarjeta",
    "datos de la tarjeta",
    "datos de tu tarjeta",
    "datos de su tarjeta",
    "fecha de caducidad",
    "fecha de vencimiento",
    "datos de acceso",
    "código que te enviamos",
    "código que te hemos enviado",
    "código que has recibido",
];

/// Verbs (and question words) that ask for something.
pub(super) const ASKING: Words = listed_words!["asks-personal-data/asking";
    "send",
    "share",
    "provide",
    "give",
    "tell",
    "confirm",
    "include",
    "post",
    "dm",
    "message",
    "need",
    "require",
    "with",
    "know",
    "what's",
    "whats",
    "what",
    "is",
    "reply",
    "attach",
    "forward",
    "list",
    "drop",
    "leave",
    "envía",
    "envíanos",
    "envíame",
    "envia",
    "envianos",
    "manda",
    "mándanos",
    "mandanos",
    "facilita",
    "facilítanos",
    "facilitanos",
    "indica",
    "indícanos",
    "indicanos",
    "comparte",
    "compártenos",
    "dinos",
    "dime",
    "proporciona",
    "proporciónanos",
    "confirma",
    "confírmanos",
    "necesitamos",
    "necesito",
    "es",
    "con",
    "escribe",
    "déjanos",
    "dejanos",
    "envías",
    "envias",
    "mandas",
    "facilitas",
    "indicas",
    "compartes",
    "das",
    "pasas",
    "comment",
    "write",
    // Infinitives, with and without "nos" ("¿podrías facilitarnos tu…?", "¿nos puedes dar…?").
    "enviarnos",
    "mandar",
    "mandarnos",
    "facilitar",
    "facilitarnos",
    "indicar",
    "indicarnos",
    "dar",
    "darnos",
    "decir",
    "decirnos",
    "compartir",
    "compartirnos",
    "proporcionar",
    "proporcionarnos",
    "confirmarnos",
    "escríbenos",
    "escribenos",
    "pasar",
    "pasarnos",
    "responde",
    "respondenos",
    "respóndenos",
    "contesta",
    "contéstanos",
    "contestanos",
];

/// In the two words after a card number asked for: a card that is not for payment ("tarjeta
/// regalo", "tarjeta de embarque", "tarjeta de fidelización").
const OTHER_CARD: Words = words![
    "regalo",
    "club",
    "monedero",
    "socio",
    "cliente",
    "transporte",
    "embarque",
    "fidelización",
    "fidelizacion",
    "puntos",
];

/// Words that join the items of a list ("your name and your PIN").
const AND: Words = words!["and", "or", "plus", "y", "e", "o", "u"];

/// Words that may follow the last item of a list asked for ("… and your PIN, please", "… and
/// the CVV so we can check"): any other word makes it the start of a clause of its own ("… and
/// the PIN will be reset", "… and your password stays the same").
const LIST_END: Words = words![
    "please", "so", "to", "for", "here", "below", "by", "via", "in", "thanks", "por", "para",
    "aquí", "aqui", "abajo", "gracias", "and", "or", "y", "o",
];

/// Words that may stand between the verb and "your" ("send us your…", "compártenos aquí
/// tu…").
const BETWEEN: Words = words!["us", "me", "nos", "here", "below", "please", "aquí", "aqui"];

/// Words that say the data is to be posted here, whatever else the sentence offers ("reply
/// here with your phone number, or DM us").
const HERE: Words = words![
    "here",
    "below",
    "aquí",
    "aqui",
    "abajo",
    "comments",
    "comentarios",
];

const OWNER: Words = words![
    "your", "ur", "the", "yr", "tu", "su", "tus", "sus", "el", "la", "los", "las", "vuestro",
    "vuestra",
];

const NEGATION: Words = words![
    "never", "don't", "dont", "do", "not", "won't", "no", "nunca", "without", "sin", "avoid",
];

/// Entity words that mean something else with "the" ("the email" we sent, "the number" of
/// items).
const GENERIC: Words = words![
    "email",
    "mail",
    "address",
    "number",
    "pedido",
    "correo",
    "tarjeta",
    "dirección",
];

/// Whether word `v` asks: a share verb, or "is"/"es" in "what is", "cuál es".
fn asking(t: &Text, v: usize) -> bool {
    let w = t.words[v].lower.as_str();
    if matches!(w, "is" | "es") {
        return v.checked_sub(1).is_some_and(|p| {
            matches!(
                t.words[p].lower.as_str(),
                "what" | "which" | "cuál" | "cual"
            )
        });
    }
    // "get" and "have" ask only in a request ("can we get your email?", "could I please have
    // your number?"), not in "we'll get your order sorted" nor "how can we get it to you?".
    if matches!(w, "get" | "have") {
        let at = |back: usize| v.checked_sub(back).map(|i| t.words[i].lower.as_str());
        let filler = usize::from(matches!(
            at(1),
            Some("please" | "just" | "also" | "quickly")
        ));
        return matches!(at(1 + filler), Some("we" | "i"))
            && matches!(at(2 + filler), Some("can" | "could" | "may"))
            && at(3 + filler) != Some("how");
    }
    // "Email us your …", "text me your …": a request; "we'll email your tracking number" is a
    // promise ("E-mail" is read as "e", "mail").
    if matches!(w, "email" | "mail" | "text") {
        let next = t.words.get(v + 1).map(|n| n.lower.as_str());
        return matches!(next, Some("us" | "me"));
    }
    // "Reply to this tweet with your email", "get back to us with your number": "with" asks
    // after a verb that does (or "back", "respond"); "hablar con el Teléfono de la Esperanza",
    // "sorry for the trouble with your delivery address" ask nothing.
    if matches!(w, "with" | "con") {
        let sentence = t.words[v].sentence;
        return (v.saturating_sub(5)..v).any(|i| {
            let u = t.words[i].lower.as_str();
            t.words[i].sentence == sentence
                && !matches!(u, "with" | "con")
                && (matches!(u, "back" | "respond" | "escribirnos" | "volver") || asking(t, i))
        });
    }
    // "We'll send your login details by email": a promise to give, not a request.
    if matches!(
        w,
        "send" | "give" | "share" | "forward" | "provide" | "post" | "message"
    ) && v.checked_sub(1).is_some_and(|p| {
        matches!(
            t.words[p].lower.as_str(),
            "we'll" | "i'll" | "will" | "we" | "i" | "we've" | "i've" | "we're" | "i'm"
        )
    }) {
        return false;
    }
    ASKING.contains(w)
}

/// Whether the entity at words `first..` is asked for: [verb] [us/me]? owner [≤2 words] entity.
fn asked(t: &Text, first: usize, last: usize, need_owner: bool) -> Option<usize> {
    let sentence = t.words[first].sentence;
    let same = |i: usize| t.words[i].sentence == sentence && !t.words[i].url;
    let lower = |i: usize| t.words[i].lower.as_str();
    // Find the owner word within 3 words before the entity.
    let mut verb_at = None;
    let mut owner_at = None;
    for back in 1..=3 {
        let Some(o) = first.checked_sub(back) else {
            break;
        };
        if !same(o) {
            break;
        }
        if OWNER.contains(lower(o)) {
            // "the store's address" is somebody else's; a bare "email", "address" or "number"
            // is theirs only with "your" ("send me the email" is a message).
            let between_possessive = (o + 1..first).any(|i| lower(i).ends_with("'s"));
            let generic = first == last && GENERIC.contains(lower(first));
            if between_possessive
                || (generic
                    && !matches!(lower(o), "your" | "ur" | "yr" | "tu" | "su" | "tus" | "sus"))
            {
                return None;
            }
            let mut v = o.checked_sub(1);
            for _ in 0..2 {
                if let Some(u) = v.filter(|&u| same(u) && BETWEEN.contains(lower(u))) {
                    v = u.checked_sub(1);
                }
            }
            verb_at = v.filter(|&v| same(v) && asking(t, v));
            owner_at = Some(o);
            break;
        }
    }
    if verb_at.is_none() {
        // A later item of a list is asked for as the list's first is ("send me your name and
        // your PIN", "¿me pasas el número de pedido y el CVV?"): the item before the "and" is
        // asked for with its owner word, and this one ends the list ("… and the PIN will be
        // reset", "… and your password stays the same" ask for nothing).
        let start = owner_at.unwrap_or(first);
        let joined = start
            .checked_sub(1)
            .filter(|&c| c > 0 && same(c) && AND.contains(lower(c)));
        let ends_list = t
            .words
            .get(last + 1)
            .is_none_or(|w| w.sentence != sentence || LIST_END.contains(w.lower.as_str()));
        if let Some(c) = joined.filter(|_| ends_list) {
            verb_at = (c.saturating_sub(4)..c)
                .rev()
                .filter(|&i| same(i))
                .find_map(|i| asked(t, i, c - 1, true));
        }
    }
    if verb_at.is_none() && !need_owner {
        // "send us the code" is covered above; also "send code", "DM us code".
        let mut v = first.checked_sub(1);
        if let Some(u) = v.filter(|&u| same(u) && matches!(lower(u), "us" | "me" | "nos")) {
            v = u.checked_sub(1);
        }
        verb_at = v.filter(|&v| same(v) && asking(t, v));
    }
    let v = verb_at?;
    // "Can we get your code resent / your address updated / your PIN to you?" offers to do
    // something with it: not a request for it.
    if matches!(lower(v), "get" | "have") {
        let after = |k: usize| {
            Some(last + k)
                .filter(|&i| i < t.words.len() && same(i))
                .map(lower)
        };
        let offer = matches!(
            after(1),
            Some(
                "resent"
                    | "updated"
                    | "changed"
                    | "fixed"
                    | "sorted"
                    | "replaced"
                    | "reset"
                    | "delivered"
                    | "corrected"
            )
        ) || (after(1) == Some("to") && matches!(after(2), Some("you" | "u")));
        if offer {
            return None;
        }
    }
    // No negation earlier in the sentence.
    let negated = (0..v)
        .rev()
        .take_while(|&i| t.words[i].sentence == sentence)
        .any(|i| NEGATION.contains(lower(i)));
    (!negated).then_some(v)
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    static CELLS: [std::sync::OnceLock<Phrases>; 2] =
        [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let (personal, secret) = (
        Phrases::once(&CELLS[0], PERSONAL),
        Phrases::once(&CELLS[1], SECRET),
    );
    let t = &input.draft;
    for m in t.find(secret) {
        // A card's number, of a card that is not for payment (the next words, this sentence).
        let sentence = t.words[m.last].sentence;
        let next = t.words.iter().skip(m.last + 1).take(2);
        if t.words[m.last].lower == "tarjeta"
            && next
                .take_while(|w| w.sentence == sentence)
                .any(|w| OTHER_CARD.contains(&w.lower))
        {
            continue;
        }
        if let Some(v) = asked(t, m.first, m.last, false) {
            let span = t.span(v, m.last);
            return Some(Finding::new(
                format!(
                    "{}: never ask for a password, code, PIN or full card number, even in private",
                    quote(t.slice(span))
                ),
                vec![span],
            ));
        }
    }
    if input.ctx.conversation.surface != Surface::Post {
        return None;
    }
    let private = phrases!("asks-personal-data", PHRASES);
    // A request in a sentence that sends it by DM is fine; one in another sentence is not
    // ("What's your email? We'll DM you a label" asks in public; so, more strictly than the
    // agent may mean, does "Please DM us. Include your order number"), nor one whose sentence
    // also says "here" or "below" ("reply here with your phone number, or DM us").
    let dms: Vec<u32> = t
        .find(private)
        .iter()
        .map(|m| t.words[m.first].sentence)
        .collect();
    let in_private = |i: usize| {
        let sentence = t.words[i].sentence;
        dms.contains(&sentence)
            && !t
                .words
                .iter()
                .any(|w| w.sentence == sentence && HERE.contains(w.lower.as_str()))
    };
    // Asked for by DM ("DM the ticket number or confirmation number, here", "DM us here with
    // your order number"): private, whatever "here" means beside it.
    let dm = |i: usize| matches!(t.words[i].lower.as_str(), "dm" | "pm" | "inbox");
    let by_dm = |v: &usize| {
        dm(*v)
            || matches!(t.words[*v].lower.as_str(), "with" | "con")
                && (v.saturating_sub(5)..*v)
                    .any(|i| t.words[i].sentence == t.words[*v].sentence && dm(i))
    };
    let mut spans = Vec::new();
    let entities = t.find(personal);
    for m in &entities {
        // Prefer the longest entity at a position ("order number", not "number").
        if spans
            .last()
            .is_some_and(|&(_, e): &(usize, usize)| t.words[m.first].start < e)
        {
            continue;
        }
        // The longest entity starting here.
        let last = entities
            .iter()
            .filter(|n| n.first == m.first)
            .map(|n| n.last)
            .max()
            .unwrap_or(m.last);
        if let Some(v) = asked(t, m.first, last, true).filter(|v| !in_private(m.first) && !by_dm(v))
        {
            spans.push(t.span(v, last));
        }
    }
    let first = *spans.first()?;
    Some(Finding::new(
        format!(
            "{} asks for personal data in public: ask them to send it by DM",
            quote(&t.src[first.0..first.1])
        ),
        spans,
    ))
}

/// The phrases of `phrases!("asks-personal-data", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "dm",
    "dms",
    "dm's",
    "direct message",
    "direct messages",
    "private message",
    "private messages",
    "privately",
    "in private",
    "pm",
    "inbox",
    "message us",
    "messenger",
    "mensaje privado",
    "mensaje directo",
    "md",
    "privado",
    "por privado",
    "al privado",
    "send us a message",
    "drop us a message",
    "email us",
    "e-mail us",
    "email me",
    "by email",
    "via email",
    "text us",
    "text me",
    "by text",
    "via text",
    "chat",
    "follow and dm",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;

    #[test]
    fn public_requests_fire_private_ones_do_not() {
        let rows = [
            ("Can you send us your order number?", true),
            ("What's your email address?", true),
            ("Please reply with your full name and address", true),
            ("Please share the phone number on the account", true),
            (
                "Can you share the email on your account so we can check?",
                true,
            ),
            ("What's the email you signed up with?", true),
            ("Could you confirm your date of birth?", true),
            ("¿Nos envías tu número de pedido?", true),
            ("¿Cuál es tu correo electrónico?", true),
            ("Tell me your account number", true),
            ("I require your full name, address and email.", true),
            ("Can we get your email address?", true),
            ("Could I have your phone number so we can call?", true),
            ("Can we please get your email address?", true),
            ("Can I just get your email?", true),
            // Private, or not a request for their data.
            ("", false),
            ("Please DM us your order number", false),
            ("Send us a DM with your email address and we'll look", false),
            ("Envíanos tu número de pedido por mensaje privado", false),
            ("Please email us and we'll help", false),
            ("Please email us your order number", false),
            ("Email us your address and we'll send a label", false),
            ("Text us your order number at 55555", false),
            ("We'll email your tracking number once it ships.", false),
            (
                "Please check the email your order confirmation went to.",
                false,
            ),
            ("We'd like to address this quickly", false),
            ("Your order number is on the receipt", false),
            ("Never share your account number in public!", false),
            ("Please check the email we sent you", false),
            ("We'll get your address updated today", false),
            ("We have your email address on file", false),
            ("How can we get your address updated for you?", false),
            ("Can we get your delivery address changed today?", false),
            ("Hi Sam, that is the correct email.", false),
            ("What is the store's address? We'll pass it on", false),
            ("Can you send me the email please", false),
            (
                "You can add your loyalty number here: https://acme.com/rr",
                false,
            ),
            ("Send us your email. Thanks!", true),
            (
                "Please send us your full name/ZIP/phone #/account type",
                true,
            ),
            // A DM named in another sentence does not make this one private; "here" asks
            // in public whatever the sentence offers besides.
            (
                "So sorry! What's your email address? We'll DM you a return label.",
                true,
            ),
            (
                "Please reply here with your phone number, or DM us if you prefer.",
                true,
            ),
            ("Sorry about this. Please DM us your order number.", false),
            // Polite Spanish, and other English ways to ask.
            (
                "Hola María, ¿podrías facilitarnos tu número de pedido?",
                true,
            ),
            ("Hola María, ¿nos puedes dar tu correo electrónico?", true),
            ("¿Puedes enviarnos tu número de teléfono?", true),
            ("Compártenos aquí tu dirección", true),
            ("Please comment your order number below", true),
            ("Please write your order number below", true),
            (
                "¿Podrías facilitarnos tu número de pedido por mensaje privado?",
                false,
            ),
            // Not requests for their data.
            (
                "Hoy vamos a enviar tu pedido por mensajería urgente.",
                false,
            ),
            ("Acabamos de confirmar tu pedido.", false),
            (
                "Te podemos dar la dirección de la tienda más cercana.",
                false,
            ),
            ("We'll get your order details sorted today.", false),
            ("Let me get your address updated.", false),
            // A DM named in another sentence does not make a request private.
            ("Thanks for your DM! What's your email address?", true),
            (
                "No need to DM us. Just reply with your email address.",
                true,
            ),
            ("DM us or drop your email address below.", true),
            ("¿Nos pasas tu nº de pedido?", true),
            ("Confírmanos la dirección de entrega.", true),
            (
                "Please DM the ticket number or confirmation number, here, for review.",
                false,
            ),
            ("DM us here with your order number.", false),
            // "with"/"con" asks after a verb that asks.
            ("Responde con tu número de teléfono.", true),
            ("Please get back to us with your order number.", true),
            (
                "Could you reply to this tweet with your order number?",
                true,
            ),
            ("Please respond with your email address.", true),
            ("Vuelve a escribirnos con tu número de pedido.", true),
            (
                "So sorry for the trouble with your delivery address.",
                false,
            ),
            (
                "También puedes hablar con el Teléfono de la Esperanza.",
                false,
            ),
        ];
        table(&Case::new(), CheckId::AsksPersonalData, &rows);
        // In a DM, asking for an order number is fine.
        table(
            &Case::new().dm(),
            CheckId::AsksPersonalData,
            &[("Can you send us your order number?", false)],
        );
    }

    #[test]
    fn secrets_fire_everywhere() {
        let rows = [
            ("Please DM us your password", true),
            ("What's the verification code we sent?", true),
            ("Send us the PIN and we'll unlock it", true),
            ("Envíanos tu contraseña por privado", true),
            ("Please confirm your full card number", true),
            // By email is no safer: a card number asked for is a secret.
            ("Please email us your card number and we'll fix it.", true),
            ("Could you text me your credit card number?", true),
            ("E-mail us your card number.", true),
            ("Envíanos el número de tarjeta de crédito por correo", true),
            ("Please email us your password", true),
            // Not asking for them: the last digits, another kind of card, our own promises.
            ("DM us the last 4 digits of your card number", false),
            ("Please email us the last four digits of the card", false),
            (
                "DM us your gift card number and we'll check the balance.",
                false,
            ),
            (
                "Please DM us your Oyster card number and we'll refund the fare.",
                false,
            ),
            (
                "Envíanos tu número de tarjeta de fidelización por privado.",
                false,
            ),
            ("We'll text your verification code shortly.", false),
            ("We'll email your new password.", false),
            ("Please reset your password via the app", false),
            ("We will never ask for your PIN", false),
            ("Don't share your password with anyone", false),
            ("Nunca compartas tu contraseña", false),
            ("Have you tried a new password?", false),
            ("Can we get the verification code resent to you?", false),
            ("Can we get your verification code sent to us?", true),
            ("Could I have your password sent over?", true),
            ("How can we get your new PIN to you?", false),
            // A secret as a later item of a list.
            ("Hi Sam, can you send me your name and your PIN?", true),
            ("Could you send me the order number and the CVV?", true),
            ("Please DM us your full name, email and PIN.", true),
            ("¿Me pasas el número de tu tarjeta y el CVV?", true),
            ("Never send us your name or your PIN.", false),
            (
                "Let me know if that works and the PIN will be reset.",
                false,
            ),
            (
                "Please DM us your order number and the PIN will be reset today.",
                false,
            ),
            // Not lists of things asked for: the later item starts a clause of its own.
            (
                "Please DM us your email and the password reset link will be sent there.",
                false,
            ),
            (
                "Please DM us your order number and your PIN won't be affected.",
                false,
            ),
            (
                "Please DM us your email and your password stays the same.",
                false,
            ),
            (
                "Envíanos por privado tu correo y la contraseña temporal te llegará allí.",
                false,
            ),
            ("Send me your name and your PIN so we can check.", true),
            // A card's number in Spanish, as theirs; not another kind of card's.
            ("Envíame tu número de tarjeta completo.", true),
            ("¿Me das el número de tu tarjeta de crédito?", true),
            ("¿Nos envías tu número de tarjeta?", true),
            ("¿Nos envías el número de tu tarjeta regalo?", false),
            ("Envíanos el número de tu tarjeta de embarque.", false),
            ("Revisa el número de tu tarjeta en la app.", false),
            // Not a card: a password or a key is a secret whatever follows.
            ("¿Nos das tu contraseña de cliente?", true),
            ("Envíanos tu clave de socio, por favor.", true),
            (
                "¿Nos envías tu número de tarjeta? Puntos y saldo los vemos luego.",
                true,
            ),
            // A card's details, and signing in's (a hands-on review's drafts, in a DM).
            (
                "Hi Sam, sorry about this! Please send me your card details so I can refund you today.",
                true,
            ),
            (
                "Can you send me the long number on your card and its expiry date?",
                true,
            ),
            ("What's the 3-digit code on the back of your card?", true),
            (
                "Send me your login details and I'll check the subscription today.",
                true,
            ),
            ("Can you tell me the code we just texted you?", true),
            ("Just send me your card details and I'll place the order.", true),
            ("¿Me envías los datos de tu tarjeta?", true),
            ("Indícanos la fecha de caducidad de la tarjeta.", true),
            // Not asking: telling, or offering.
            ("Never share your card details with anyone, even us.", false),
            ("Your card details are safe: we never see them.", false),
            ("You can update your payment details in the app.", false),
            ("We'll send your login details by email shortly.", false),
            ("Please enter the code we texted you in the app.", false),
        ];
        table(&Case::new().dm(), CheckId::AsksPersonalData, &rows);
        table(&Case::new(), CheckId::AsksPersonalData, &rows);
        // The last four digits are no secret: fine in a DM (in public, personal data).
        let last_four = [("Could you send me the last 4 digits of the card?", false)];
        table(&Case::new().dm(), CheckId::AsksPersonalData, &last_four);
        let d = Case::new()
            .fires(CheckId::AsksPersonalData, "DM us your password")
            .unwrap();
        assert!(d.contains("never ask"), "{d}");
    }
}
