//! Urgency, words that say we have been in touch, words of a person in distress, and questions.

use super::text::{rules, Folded, Table};
use crate::core::words::Words;

/// Urgency phrases (folded), English and Spanish.
pub static URGENCY: Table = Table::new(
    "cue/urgency",
    rules![
        ("urgent*", 1.5),
        ("asap", 1.5),
        ("as soon as possible", 1.5),
        ("right now", 1.0),
        ("right away", 1.0),
        ("immediately", 1.2),
        ("emergency", 1.5),
        ("time sensitive", 1.5),
        ("deadline", 1.0),
        ("hurry", 1.0),
        ("quickly", 0.6),
        ("today", 0.5),
        ("tonight", 0.6),
        ("tomorrow", 0.4),
        ("need it", 0.5),
        ("need this", 0.5),
        ("urgente*", 1.5),
        ("lo antes posible", 1.5),
        ("cuanto antes", 1.5),
        ("ya mismo", 1.2),
        ("ahora mismo", 1.2),
        ("inmediat*", 1.2),
        ("emergencia", 1.5),
        ("hoy", 0.5),
        ("manana", 0.4),
    ],
);

/// Words of a person in distress (thoughts of suicide or self-harm), folded, English and
/// Spanish: one is enough. The suggestions then offer the crisis holding reply first and the
/// checklist's escalation reminder names them. Phrases, not words that also say ordinary things
/// ("I can't go on the website", "take my life savings", "live chat", "no puedo más con este
/// servicio").
pub static CRISIS: Table = Table::new(
    "cue/crisis",
    rules![
        ("suicid*", 1.0),
        ("kill myself", 1.0),
        ("killing myself", 1.0),
        ("end my life", 1.0),
        ("ending my life", 1.0),
        ("end it all", 1.0),
        ("ending it all", 1.0),
        ("take my own life", 1.0),
        ("taking my own life", 1.0),
        ("want to die", 1.0),
        ("wanna die", 1.0),
        ("wish i was dead", 1.0),
        ("wish i were dead", 1.0),
        ("better off dead", 1.0),
        ("don't want to live anymore", 1.0),
        ("dont want to live anymore", 1.0),
        ("don't want to live any more", 1.0),
        ("don't want to be alive", 1.0),
        ("dont want to be alive", 1.0),
        ("no reason to live", 1.0),
        ("want to hurt myself", 1.0),
        ("going to hurt myself", 1.0),
        ("gonna hurt myself", 1.0),
        ("hurting myself", 1.0),
        ("harm myself", 1.0),
        ("self harm", 1.0),
        ("self-harm", 1.0),
        ("can't go on like this", 1.0),
        ("cant go on like this", 1.0),
        ("can't go on anymore", 1.0),
        ("cant go on anymore", 1.0),
        ("can't go on living", 1.0),
        ("quiero morir*", 1.0),
        ("me quiero morir", 1.0),
        ("no quiero vivir", 1.0),
        ("no quiero seguir viviendo", 1.0),
        ("quitarme la vida", 1.0),
        ("acabar con mi vida", 1.0),
        ("me quiero matar", 1.0),
        ("voy a matarme", 1.0),
        ("quiero matarme", 1.0),
        ("quiero hacerme dano", 1.0),
        ("voy a hacerme dano", 1.0),
        ("no le veo sentido a la vida", 1.0),
    ],
);

/// Our words asking the customer to move to private messages, or saying we wrote there
/// ("send us a DM", "check your messages", "escríbenos por mensajes directos"), folded. Not
/// "follow us" or "check your inbox" alone (a promotion, an email), nor "MD" alone (a title).
pub static DM_ASK: Table = Table::new(
    "cue/dm-ask",
    rules![
        ("dm", 1.0),
        ("dms", 1.0),
        ("dm'd", 1.0),
        ("dm's", 1.0),
        ("direct message*", 1.0),
        ("private message*", 1.0),
        ("privately", 1.0),
        ("check your messages", 1.0),
        ("mensaje directo", 1.0),
        ("mensajes directos", 1.0),
        ("mensaje privado", 1.0),
        ("mensajes privados", 1.0),
        ("por md", 1.0),
        ("un md", 1.0),
        ("al md", 1.0),
        ("por privado", 1.0),
        ("al privado", 1.0),
    ],
);

/// The customer's words saying they did what we asked ("I did", "done", "replied",
/// "ya los estoy siguiendo"), folded; "not yet" and the like count against.
pub static DM_DONE: Table = Table::new(
    "cue/dm-done",
    rules![
        ("i did", 1.0),
        ("did it", 1.0),
        ("just did", 1.0),
        ("done", 1.0),
        ("replied", 1.0),
        ("responded", 1.0),
        ("just sent", 1.0),
        ("i sent", 1.0),
        ("i've sent", 1.0),
        ("i have sent", 1.0),
        ("sent it", 1.0),
        ("sent you", 1.0),
        ("sending", 1.0),
        ("i sure can", 1.0),
        ("sure can", 1.0),
        ("sure thing", 1.0),
        ("will do", 1.0),
        ("followed", 1.0),
        ("following you", 1.0),
        ("i'm following", 1.0),
        ("dm'd", 1.0),
        ("dmed", 1.0),
        ("dm sent", 1.0),
        ("messaged", 1.0),
        ("ya lo hice", 1.0),
        ("listo", 1.0),
        ("hecho", 1.0),
        ("ya te escribi", 1.0),
        ("ya les escribi", 1.0),
        ("ya envie", 1.0),
        ("te envie", 1.0),
        ("les envie", 1.0),
        ("los estoy siguiendo", 1.0),
        ("ya los sigo", 1.0),
        ("ya te sigo", 1.0),
        ("ya les sigo", 1.0),
        // Not yet: "not done yet, sorry", "todavía no".
        ("not done", -2.0),
        ("not yet", -2.0),
        ("haven't", -2.0),
        ("have not", -2.0),
        ("todavia no", -2.0),
        ("aun no", -2.0),
        ("no lo he hecho", -2.0),
    ],
);

/// Phrases by which a customer's latest message says we have been in touch with them ("thanks
/// for getting back to me", "tried what you said", "ok will do"), folded, English and Spanish:
/// one is enough ([`super::Analysis::answered`]). Not what a first message says too: "any
/// update", "thanks for your help" (in advance), "will do" ("I will do a chargeback"), "te
/// aviso" ("I'm letting you know"), nor "done" or "sorted" alone ("well done").
pub static IN_TOUCH: Table = Table::new(
    "cue/in-touch",
    rules![
        ("thanks for the reply", 1.0),
        ("thanks for replying", 1.0),
        ("thanks for the response", 1.0),
        ("thanks for responding", 1.0),
        ("thanks for getting back", 1.0),
        ("thank you for getting back", 1.0),
        ("thank you for the reply", 1.0),
        ("thank you for replying", 1.0),
        ("thanks for your reply", 1.0),
        ("as you said", 1.0),
        ("as you suggested", 1.0),
        ("like you said", 1.0),
        ("you told me", 1.0),
        ("what you said", 1.0),
        ("what you suggested", 1.0),
        ("the steps you", 1.0),
        ("the link you", 1.0),
        ("your last message", 1.0),
        ("you dmed", 1.0),
        ("you dm'd", 1.0),
        ("i've sent it", 1.0),
        ("just sent it", 1.0),
        ("that worked", 1.0),
        ("it works now", 1.0),
        ("it's working now", 1.0),
        ("it is working now", 1.0),
        ("ok will do", 1.0),
        ("okay will do", 1.0),
        ("thanks will do", 1.0),
        ("will do thanks", 1.0),
        ("sure will do", 1.0),
        ("i'll try that", 1.0),
        ("will try that", 1.0),
        ("i'll let you know", 1.0),
        ("will let you know", 1.0),
        ("hi again", 1.0),
        ("hello again", 1.0),
        ("gracias por responder", 1.0),
        ("gracias por la respuesta", 1.0),
        ("como me dijiste", 1.0),
        ("como me dijisteis", 1.0),
        ("lo que me dijiste", 1.0),
        ("ya te envie", 1.0),
        ("ya os envie", 1.0),
        ("ya funciona", 1.0),
        ("lo intentare", 1.0),
        ("hola de nuevo", 1.0),
    ],
);

/// Words that open a question (folded), English and Spanish.
pub(crate) const INTERROGATIVES: Words = listed_words!["questions/openers";
    "how",
    "what",
    "why",
    "when",
    "where",
    "who",
    "which",
    "whats",
    "what's",
    "where's",
    "wheres",
    "how's",
    "when's",
    "who's",
    "can you",
    "could you",
    "would you",
    "will you",
    "can i",
    "could i",
    "may i",
    "is there",
    "is it",
    "is this",
    "have you",
    "are you",
    "are there",
    "do you",
    "does",
    "did",
    "do i",
    "should i",
    "any idea",
    "anyone",
    "como",
    "que",
    "por que",
    "cuando",
    "donde",
    "quien",
    "cual",
    "cuanto",
    "puedes",
    "pueden",
    "podrian",
    "podrias",
    "hay",
    "tienen",
    "warum",
    "wieso",
    "wann",
    "pourquoi",
    "est-ce que",
    "onde",
];

/// The verbs after which "when" asks ("when will it …", "when's"), when no "?" says so.
pub(crate) const AUXILIARIES: Words = listed_words!["questions/auxiliaries";
    "is", "are", "was", "were", "will", "would", "can", "could", "do", "does", "did", "should",
    "shall", "may", "might", "must", "has", "have", "r",
];

/// Greetings that may open a question's sentence, up to a comma ("hi all, what's …").
pub(crate) const GREETINGS: Words = listed_words!["questions/greetings";
    "hi",
    "hello",
    "hey",
    "hiya",
    "morning",
    "good morning",
    "hola",
    "buenas",
    "buenos dias"
];

/// Words that may come before the interrogative of a question (folded).
pub(crate) const LEAD_INS: Words = listed_words!["questions/lead-ins";"so", "but", "and", "ok", "okay", "um", "hey", "then", "pero", "y", "entonces"];

/// The questions in `f`, as written: sentences that end in "?", open with "¿", or open with an
/// interrogative ("how do I …", "can you …", "cómo …").
pub fn questions<'a>(f: &Folded<'a>) -> Vec<&'a str> {
    let t = f.text.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = t.as_bytes();
    let mut i = 0;
    while i <= t.len() {
        let end_here = i == t.len() || matches!(bytes[i], b'.' | b'!' | b'?' | b'\n');
        if end_here {
            // Sentence t[start..i] and its terminator run.
            let mut j = i;
            while j < t.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            let terms = &t[i..j];
            let sentence = t[start..i].trim();
            if !sentence.is_empty() || terms.contains('?') {
                let opening = sentence.trim_start_matches(['¡', '"', '\'', '(']);
                let body = opening;
                // "Hi all, what's …": a greeting before a comma opens nothing.
                let body = GREETINGS
                    .iter()
                    .find(|g| {
                        body.strip_prefix(*g)
                            .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',']))
                    })
                    .and_then(|_| body.split_once(','))
                    .filter(|(head, _)| head.split_whitespace().count() <= 3)
                    .map_or(body, |(_, rest)| rest.trim_start());
                // "So why …", "but when …": a word that joins on to what came before.
                let body = LEAD_INS
                    .iter()
                    .find_map(|w| {
                        body.strip_prefix(w)
                            .and_then(|r| r.strip_prefix([' ', ',']))
                            .map(str::trim_start)
                    })
                    .unwrap_or(body);
                // After a greeting or a joining word, a Spanish "como", "que", "cuando" or
                // "hay" goes on a statement as often as it asks ("Hola, hay un problema…",
                // "Pero como siempre…"): only a "?" says so then.
                let joined = body.len() != opening.len();
                let asks = terms.contains('?')
                    || body.starts_with('¿')
                    || INTERROGATIVES.iter().any(|q| {
                        if joined && matches!(q, "como" | "que" | "cuando" | "hay" | "donde") {
                            return false;
                        }
                        // "Does not work." and "Did not arrive." open like a question but
                        // state a fact: with no "?", a "not" after "does" or "did" says so.
                        // So do "When I open the app it crashes" (a "when" with no verb
                        // after it asks nothing) and "What a joke".
                        body.strip_prefix(q).is_some_and(|r| {
                            let next = r
                                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                                .find(|w| !w.is_empty())
                                .unwrap_or("");
                            let states = match q {
                                "does" | "did" => next == "not",
                                "when" => !AUXILIARIES.contains(next),
                                "what" => matches!(next, "a" | "an"),
                                _ => false,
                            };
                            r.is_empty() || (r.starts_with(' ') && !states)
                        })
                    });
                if asks {
                    let from = start + (t[start..i].len() - t[start..i].trim_start().len());
                    let span = f.original_span(from, j.max(from + 1));
                    if !span.is_empty() && out.len() < 5 {
                        out.push(short(span));
                    }
                }
            }
            start = j;
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// `s` cut to about 100 bytes on a character boundary.
fn short(s: &str) -> &str {
    super::text::clip(s, 100)
}
