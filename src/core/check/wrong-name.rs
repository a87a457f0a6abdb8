//! `wrong-name`: the draft addresses someone who is not in the conversation, or another
//! customer of it than the one answered: a capitalised name right after a greeting ("Hi
//! Sarah"), or after thanks or an apology when a comma, "!" or "?" follows it ("Thanks Jane!",
//! "Thank you, Maria, and…"; "Thanks, Sam." is as often the agent signing), or an @handle.
//! Typical of a stale template or a reply pasted from another thread. Another customer's name
//! is said to be theirs ("“Tom” is someone else in this conversation: this reply answers
//! Maria Garcia") unless the reply names the customer answered too; it is caught addressed
//! without a greeting as well ("Tom, so sorry…", "…for your patience, Tom, we…"), which a
//! stranger's name is not (places and days read the same).
//!
//! Greeting names are compared only when the customer's display name is known (it has
//! letters): with an anonymous or numeric name any name could be theirs. Handles that look like
//! a company's care account ("…Help", "…Support", "Ask…") are not people.

use super::text::quote;
use super::{Finding, Input};
use crate::core::conversation::{Party, Site};
use crate::core::template::TITLES;
use crate::core::words::Words;

/// Greetings a name may follow ("Hi Sarah"; also where a reply begins by addressing someone).
pub(crate) const GREETINGS: Words = words![
    "hi", "hello", "hey", "dear", "hiya", "howdy", "hola", "buenas", "hallo", "bonjour", "ciao",
    "olá", "ola",
];

/// Words that follow a greeting and are not names.
pub(crate) const NOT_NAMES: Words = listed_words!["wrong-name/not-names";
    "there",
    "all",
    "again",
    "everyone",
    "everybody",
    "team",
    "folks",
    "friend",
    "friends",
    "guys",
    "you",
    "and",
    "from",
    "i",
    "i'm",
    "we",
    "we're",
    "thanks",
    "thank",
    "sorry",
    "it's",
    "good",
    "great",
    "this",
    "that",
    "how",
    "what",
    "yes",
    "no",
    "ok",
    "okay",
    "mate",
    "buddy",
    "pal",
    "sir",
    "madam",
    "amigo",
    "amiga",
    "de",
    "a",
    "the",
    "hun",
    "love",
    "neighbor",
    "neighbour",
    "customer",
    "user",
    "just",
    "welcome",
    "to",
    "again",
    "once",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "qué",
    "que",
    "cómo",
    "como",
    "gracias",
    "buenos",
    "buenas",
    "día",
    "dia",
    "tardes",
    "noches",
    "señor",
    "señora",
    "equipo",
    "todos",
    "ma'am",
    "maam",
    "y'all",
    "yall",
    "both",
    "bro",
    "boss",
    "support",
    "saludos",
    // Particles of names ("María de la Cruz", "van der Berg"): no name on their own.
    "la",
    "del",
    "los",
    "las",
    "van",
    "von",
    "der",
];

fn brand_like(handle: &str) -> bool {
    [
        "help", "support", "care", "service", "ask", "team", "official", "news", "info",
    ]
    .iter()
    .any(|k| handle.contains(k))
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    // Without its list of exceptions (the rule file did not load) the check would flag what
    // the list excuses: it finds nothing instead.
    if NOT_NAMES.is_empty() {
        return None;
    }
    let t = &input.draft;
    let people = input.people();
    let mut spans = Vec::new();
    // Handles that address someone: the ones the reply starts with, and one right after a
    // greeting. A handle inside a sentence refers to an account ("our colleagues at @x").
    let leading = t
        .src
        .split_whitespace()
        .take_while(|tok| tok.starts_with('@'))
        .count();
    // When the reply starts with the customer's handle, the other handles beside it are people
    // the customer brought in (on X the site fills them in from the thread, including people
    // tagged in a photo, whom the page's text never names): a stranger there is a guest, not a
    // stale template.
    // Facebook shows no handles: "@Priya" there mentions a person by name.
    let by_name = input.ctx.conversation.site == Site::Facebook;
    let takes_part = |w: &str| people.is_handle(w) || (by_name && people.is_name(w));
    let starts_with_participant = t.words[..leading.min(t.words.len())]
        .iter()
        .any(|w| w.mention && takes_part(&w.lower));
    for (i, w) in t.words.iter().enumerate() {
        let lead = i < leading;
        let addressing = (lead && !starts_with_participant)
            || (i > 0 && GREETINGS.contains(t.words[i - 1].lower.as_str()));
        if w.mention && addressing && !takes_part(&w.lower) && !brand_like(&w.lower) {
            // Include the `@`.
            spans.push((w.start - 1, w.end));
        }
    }
    // Names in another customer's place: spans of names that belong to someone else in the
    // thread than the customer being answered.
    let mut others = Vec::new();
    let names_known = !people.customer_names.is_empty();
    // A name as written in a customer's message ("Hi, Rachel here").
    let said_by_them = |name: &str| {
        input
            .ctx
            .conversation
            .messages
            .iter()
            .any(|m| m.party == Party::Customer && m.text.contains(name))
    };
    // The reply names the customer answered (not by the handle a reply starts with, which the
    // site fills in), by a word written with a capital or of four letters or more, not a
    // particle: "la" of "Maria de la Cruz" in "Hola Tom. La entrega…" is no name.
    let answered_named = names_known
        && t.words.iter().any(|x| {
            let capital = t.src[x.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let long = x.lower.chars().count() >= 4;
            !x.mention
                && (capital || long)
                && !NOT_NAMES.contains(x.lower.as_str())
                && people.is_answered(&x.lower)
        });
    if names_known {
        for (i, w) in t.words.iter().enumerate() {
            // A name is addressed after a greeting, or after thanks or an apology when a
            // comma, "!" or "?" follows it ("Thanks Jane!", "Thank you, Maria, and…").
            let thanks = THANKS.contains(w.lower.as_str())
                || (w.lower == "you" && i > 0 && t.words[i - 1].lower == "thank");
            if w.mention || w.url || !(thanks || GREETINGS.contains(w.lower.as_str())) {
                continue;
            }
            let Some(mut next) = t.words.get(i + 1) else {
                continue;
            };
            let between = &t.src[w.end..next.start];
            if next.mention
                || next.url
                || next.sentence != w.sentence
                || !between.trim_matches([' ', ',']).is_empty()
            {
                continue;
            }
            // A title is not a name; the name after it is the one to compare ("Dear Mrs
            // Garcia", "Hola Sra. García").
            if TITLES.contains(next.lower.as_str()) {
                match t.words.get(i + 2) {
                    Some(name)
                        if !name.mention
                            && !name.url
                            && t.src[next.end..name.start]
                                .trim_start_matches('.')
                                .trim_matches(' ')
                                .is_empty()
                            && t.src[next.end..name.start].contains(' ') =>
                    {
                        next = name
                    }
                    _ => continue,
                }
            }
            let src = &t.src[next.start..next.end];
            // After thanks, a name followed by a comma, "!" or "?" addresses someone; one
            // ending a sentence or the reply is as often the agent signing ("Thanks, Sam").
            let ends_phrase = t.src[next.end..]
                .trim_start_matches(' ')
                .chars()
                .next()
                .is_some_and(|c| matches!(c, ',' | '!' | '?'));
            if thanks && !ends_phrase {
                continue;
            }
            if !written_as_name(src) || NOT_NAMES.contains(next.lower.as_str()) {
                continue;
            }
            if people.is_other_customer(&next.lower) {
                // Unless the reply names the customer answered too ("Hi Tom and Maria", "Hi
                // Tom! Hi Maria!").
                if !answered_named {
                    others.push((next.start, next.end));
                }
                continue;
            }
            // Someone in the thread, a customer's name shortened ("Hi Chris" to Christopher),
            // or a name a customer wrote ("Hi, Rachel here").
            if people.is_name(&next.lower)
                || people.is_handle(&next.lower)
                || people.customer_names.shortened_to(&next.lower)
                || said_by_them(src)
            {
                continue;
            }
            spans.push((next.start, next.end));
        }
    }
    // Another customer called by their first name without a greeting: opening the reply
    // (after the handles it starts with) before a comma or "!" ("Tom, so sorry…"), or between
    // a comma and a comma, "!" or "?" ("Thanks for your patience, Tom, we…"). Not before a
    // full stop or at the end: "Thanks, Tom." is as often the agent signing. Not a stranger's
    // name (places and days read the same), nor a word of address or an opener ("Mira, …").
    if names_known && !answered_named {
        for (i, w) in t.words.iter().enumerate().skip(leading) {
            let src = &t.src[w.start..w.end];
            let plain = w.lower.as_str();
            if w.mention
                || w.url
                || !written_as_name(src)
                || [NOT_NAMES, GREETINGS, THANKS, OPENERS]
                    .iter()
                    .any(|l| l.contains(plain))
                || !people.customer_first.contains(&super::people::fold(plain))
                || !people.is_other_customer(plain)
            {
                continue;
            }
            let before = t.src[..w.start].trim_end_matches(' ');
            let after = t.src[w.end..].trim_start_matches(' ').chars().next();
            let vocative = if i == leading {
                matches!(after, Some(',' | '!'))
            } else {
                before.ends_with(',')
                    && t.words[i - 1].sentence == w.sentence
                    && matches!(after, Some(',' | '!' | '?'))
            };
            if vocative && !others.contains(&(w.start, w.end)) {
                others.push((w.start, w.end));
            }
        }
    }
    spans.extend(others.iter().copied());
    crate::core::sort::sort(&mut spans);
    let first = *spans.first()?;
    let name = quote(&t.src[first.0..first.1]);
    let answered = input
        .ctx
        .conversation
        .customer
        .as_ref()
        .map(|a| a.name.as_str());
    Some(Finding::new(
        match answered {
            Some(who) if others.contains(&first) => format!(
                "{name} is someone else in this conversation: this reply answers \u{2068}{who}\u{2069}"
            ),
            _ => format!("{name} is not in this conversation: a name from another thread?"),
        },
        spans,
    ))
}

/// Whether `src` is written as a name is: a capital first, not all capitals ("Hi ALL"), letters
/// (and `'`, `-`) only.
fn written_as_name(src: &str) -> bool {
    let capital = src.chars().next().is_some_and(char::is_uppercase);
    let all_caps = src.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    capital
        && !(all_caps && src.chars().count() > 1)
        && src
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// Words that open a sentence before a comma and are no one's name there ("Mira, te
/// explico…", "Also, …", "Best, Sam").
pub(crate) const OPENERS: Words = listed_words!["wrong-name/openers";
    "also", "best", "cheers", "regards", "well", "now", "so", "look", "listen", "right", "sure",
    "mira", "oye", "bueno", "vale", "claro", "pues", "saludos", "hello", "anyway", "still",
];

/// Thanks or an apology, after which a name followed by a comma, "!" or "?" addresses someone
/// (here, and in `reading::addressed`, which finds whom a draft answers).
pub(crate) const THANKS: Words =
    words!["thanks", "thx", "cheers", "sorry", "gracias", "perdona", "disculpa"];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;
    use crate::core::conversation::{Site, Surface};

    #[test]
    fn strangers_fire_participants_do_not() {
        let c = Case::on(
            Site::Facebook,
            Surface::Post,
            &["My order is late @JoeBloggs", "BRAND: we're on it"],
        );
        let rows = [
            ("Hi Sarah, sorry about that", true),
            ("Hello, Tom! Sorry", true),
            ("Hola Lucía, lo siento", true),
            ("@petersmith thanks for waiting", true),
            ("Hi @petersmith, thanks", true),
            ("We'll ask our colleagues @wireless_team to help", false),
            ("Report it to our partner Gogo at @116462", false),
            ("Please DM us at @doordash_help", false),
            ("Dear Jean-Luc, sorry", true),
            // Participants and non-names.
            ("", false),
            ("Hi Maria, sorry about that", false),
            ("Hi maria, sorry", false),
            ("Hola María? Hola MARIA", false),
            ("Hi there! Sorry", false),
            ("Hi again, Maria", false),
            ("Hi, I'm Sam from the team", false),
            ("@mariag @JoeBloggs on it", false),
            // Beside the customer's handle, another handle is someone they brought in.
            ("@mariag @harry_p Happy Halloween!", false),
            // Without the customer's handle, a stranger at the start still fires.
            ("@harry_p @petersmith Happy Halloween!", true),
            ("Please reach out to @AmazonHelp", false),
            ("Hi Garcia family", false),
            ("Hey DM us", false),
            ("Sarah at our store will call", false),
            // Titles are not names; the name after one is compared.
            ("Dear Mrs Garcia, sorry for the wait", false),
            ("Hi Ms. Garcia, sorry", false),
            ("Hello Dr Garcia", false),
            ("Hola Sra. García, lo siento", false),
            ("Dear Mr Smith, sorry", true),
            // "Don" is a name ("Hi Don," from another thread), not the title here.
            ("Hi Don, sorry about that", true),
            // An accent typed as a separate mark (as macOS pastes it) is part of the name.
            ("Hi Mari\u{301}a, sorry about that", false),
        ];
        table(&c, CheckId::WrongName, &rows);
        assert_eq!(
            c.spans(CheckId::WrongName, "@bob Hi Sarah, cc @tom"),
            ["@bob", "Sarah"]
        );
    }

    /// A short form of the customer's name ("Hi Mari" to Maria, as "Hi Chris" to Christopher)
    /// and the name they give in their own words ("Hi, Rachel here") are theirs: a review of
    /// the checklist saw both refused as names "not in this conversation".
    #[test]
    fn short_names_and_the_name_the_customer_gives_are_theirs() {
        let c = Case::on(
            Site::X,
            Surface::Dm,
            &[
                "Hi, Rachel here. My order arrived without the charger",
                "BRAND: Sorry about that! Sarah from the team will check",
            ],
        );
        let rows = [
            ("Hi Rachel, sorry about that", false),
            ("Hi Mari, sorry about that", false),
            ("Hola Marí, lo siento", false),
            // A name only the brand's message holds, a stranger, two letters: not hers.
            ("Hi Sarah, sorry about that", true),
            ("Hi Tom, sorry about that", true),
            ("Hi Ma, sorry", true),
        ];
        table(&c, CheckId::WrongName, &rows);
    }

    /// Short forms that do not begin the name ("Tom" of Thomas, "Kate" of Katherine, "Álex" of
    /// Alejandro) are the rule file's list: the same review saw them refused.
    #[test]
    fn short_forms_of_the_list_are_theirs() {
        for (name, draft) in [
            ("Thomas Becker", "Hi Tom, sorry about that"),
            ("Katherine O'Neill", "Hi Kate, no problem!"),
            ("Alejandro Ruiz", "¡Hola Álex! Lo sentimos."),
            ("William Chen", "Hi Bill, sorry"),
            ("Francisco Gil", "Hola Paco, lo siento"),
        ] {
            let c = Case::on(Site::X, Surface::Dm, &["My order is late"]).named(name, "cust");
            table(&c, CheckId::WrongName, &[(draft, false)]);
            table(&c, CheckId::Addressed, &[(draft, false)]);
        }
        // Another name's short form is not hers.
        let c = Case::on(Site::X, Surface::Dm, &["My order is late"]);
        table(&c, CheckId::WrongName, &[("Hi Kate, sorry", true)]);
        table(&c, CheckId::Addressed, &[("Hi Kate, sorry", true)]);
        // A short form that is also a word addresses nobody ("we will", "Will do", "al
        // domicilio", "to be frank"); a full name to a customer who goes by the short one is hers.
        for (name, draft, addressed) in [
            (
                "William Chen",
                "Hi there! We will check your bill today.",
                false,
            ),
            ("William Chen", "Will do, we're on it.", false),
            ("William Chen", "Will, we're on it.", true),
            ("Alan Ruiz", "Te lo enviamos al domicilio mañana.", false),
            ("Francis Lee", "To be frank, it's late.", false),
            ("Tom Becker", "Hi Thomas, sorry about that", true),
        ] {
            let c = Case::on(Site::X, Surface::Dm, &["My order is late"]).named(name, "cust");
            table(&c, CheckId::Addressed, &[(draft, !addressed)]);
            table(&c, CheckId::WrongName, &[(draft, false)]);
        }
    }

    #[test]
    fn another_customer_of_the_thread_addressed_fires() {
        use crate::core::conversation::Author;
        // Tom Walker (@tomw) commented too; the reply answers Maria Garcia.
        let mut c = Case::on(Site::X, Surface::Post, &["My order is late"]);
        let messages = std::rc::Rc::make_mut(&mut c.conversation.messages);
        let mut tom = messages[0].clone();
        tom.id = "tom".into();
        tom.author = Author {
            name: "Tom Walker".into(),
            handle: Some("tomw".into()),
        };
        tom.text = "Same here".into();
        messages.push(tom);
        let rows = [
            ("Hi Tom, sorry for the wait", true),
            ("@mariag Hi Tom, sorry for the wait", true),
            ("Thanks Tom!", true),
            // The customer answered, both of them, or Tom not addressed.
            ("Hi Maria, sorry for the wait", false),
            ("Hi Maria and Tom, sorry", false),
            ("Hi Tom and Maria, sorry", false),
            ("Hi Tom! Hi Maria! Sorry to you both", false),
            ("Thanks Tom! Maria, we're on it", false),
            ("Tom mentioned it too, Maria", false),
            // Tom addressed without a greeting: opening the reply (after the handle it starts
            // with) or between commas.
            ("Tom, so sorry for the wait", true),
            ("Tom! So sorry for the wait", true),
            ("@mariag Tom, so sorry for the wait", true),
            ("Thanks for your patience, Tom, we're on it", true),
            ("So sorry, Tom? We'll fix it", true),
            // Tom spoken of, the agent signing as Tom, a name that is nobody's in the thread.
            ("Tom reported the same, we're on it", false),
            ("As Tom said, we're on it", false),
            ("We asked Tom, and it's fixed", false),
            ("Sorry, Tom Walker's order too", false),
            ("We've sent you a DM. Thanks, Tom", false),
            ("We've sent you a DM. Thanks, Tom.", false),
            ("Sorry for the wait! Best, Tom", false),
            ("Saludos, Tom", false),
            ("Thanks for your patience, Sarah, we're on it", false),
            ("Thanks for your patience, London, we're on it", false),
        ];
        table(&c, CheckId::WrongName, &rows);
        let said = c.fires(CheckId::WrongName, "Hi Tom, sorry").unwrap();
        assert!(
            said.contains("someone else") && said.contains("Maria Garcia"),
            "{said}"
        );
        // A stranger is still said to be one.
        let said = c.fires(CheckId::WrongName, "Hi Sarah, sorry").unwrap();
        assert!(said.contains("not in this conversation"), "{said}");
        // Answering a customer known by a number only, any name of the thread could be
        // theirs.
        let who = Author {
            name: "115712".into(),
            handle: Some("115712".into()),
        };
        let mut anon = c;
        std::rc::Rc::make_mut(&mut anon.conversation.messages)[0].author = who.clone();
        anon.conversation.customer = Some(who);
        table(&anon, CheckId::WrongName, &[("Hi Tom, sorry", false)]);
    }

    #[test]
    fn words_of_other_commenters_names_are_not_names_said_to_them() {
        use crate::core::conversation::Author;
        // The reply answers Maria Garcia; the other commenters go by names made of everyday
        // words, surnames and places.
        let mut c = Case::on(Site::X, Surface::Post, &["My order is late"]);
        let messages = std::rc::Rc::make_mut(&mut c.conversation.messages);
        for (i, name) in [
            "No Thanks",
            "Sorry Not Sorry",
            "Hello Kitty Fan",
            "Yes Please",
            "Great Dane Mom",
            "Also Me",
            "Carlos Bueno",
            "Mira Patel",
            "Jess | London",
            "Sarah Best",
        ]
        .into_iter()
        .enumerate()
        {
            let mut m = messages[0].clone();
            m.id = format!("c{i}");
            m.author = Author {
                name: name.into(),
                handle: Some(format!("c{i}")),
            };
            messages.push(m);
        }
        let rows = [
            ("Thanks! We're on it", false),
            ("Sorry, we're looking into it", false),
            ("Hello! Sorry for the wait", false),
            ("Yes, it's back in stock", false),
            ("Great, thanks for letting us know", false),
            ("Also, your refund is on its way", false),
            ("Bueno, revisamos tu pedido ahora", false),
            ("Mira, te explico cómo hacerlo", false),
            ("Our store on Oxford Street, London, opens at 9", false),
            ("Sorry for the wait! Best, Sam", false),
            // A first name of theirs said to them is still caught.
            ("Jess, so sorry for the wait", true),
        ];
        table(&c, CheckId::WrongName, &rows);
    }

    #[test]
    fn a_small_word_of_the_answered_name_excuses_no_one() {
        use crate::core::conversation::Author;
        // The reply answers María de la Cruz; Tom Walker commented too.
        let mut c = Case::on(Site::Facebook, Surface::Post, &["Mi pedido no ha llegado"]);
        let maria = Author {
            name: "María de la Cruz".into(),
            handle: None,
        };
        let messages = std::rc::Rc::make_mut(&mut c.conversation.messages);
        messages[0].author = maria.clone();
        let mut tom = messages[0].clone();
        tom.id = "tom".into();
        tom.author = Author {
            name: "Tom Walker".into(),
            handle: None,
        };
        messages.push(tom);
        c.conversation.customer = Some(maria);
        let rows = [
            ("Hola Tom, la entrega llega mañana", true),
            ("Hola Tom. La entrega llega mañana", true),
            ("Hola Tom, de verdad lo siento", true),
            ("Hi Tom and maria, sorry", false),
            ("Hola Tom y María, lo siento", false),
            ("Hola Tom y Sra. De la Cruz, lo siento", false),
            ("Hola María, la entrega llega mañana", false),
        ];
        table(&c, CheckId::WrongName, &rows);
    }

    #[test]
    fn a_name_ending_thanks_or_an_apology_is_addressed() {
        let rows = [
            ("Thanks Jane!", true),
            ("Thank you, Sarah, and sorry for the wait", true),
            ("Sorry Sarah, we'll fix it", true),
            ("¡Gracias, Lucía!", true),
            // The agent signing, and words of address that are not names.
            ("We'll look into it. Thanks, Sam", false),
            ("We'll look into it. Thanks, Sam.", false),
            ("Thank you, Ma'am!", false),
            ("Thanks Y'all!", false),
            ("Thank you Both!", false),
            ("Thanks, Support!", false),
            // The customer's name, words that are not names, a name that does not end the
            // phrase.
            ("Thanks Maria!", false),
            ("Thank you, Maria.", false),
            ("Thanks again!", false),
            ("Thanks, Team!", false),
            ("Thanks Sarah for the photo", false),
            ("Sorry Monday didn't work", false),
        ];
        table(&Case::new(), CheckId::WrongName, &rows);
    }

    #[test]
    fn on_facebook_an_at_name_mentions_a_person_by_name() {
        let rows = [
            ("@Maria Garcia thanks for the love!", false),
            ("@Maria thanks for waiting", false),
            ("@Sarah thanks for waiting", true),
        ];
        let fb = Case::on(Site::Facebook, Surface::Post, &["Love it with oat milk!"]);
        table(&fb, CheckId::WrongName, &rows);
        // On X an @word is an account: "@Maria" is not the customer's @mariag.
        let x = Case::on(Site::X, Surface::Post, &["Love it with oat milk!"]);
        table(
            &x,
            CheckId::WrongName,
            &[("@Maria thanks for waiting", true)],
        );
    }

    #[test]
    fn unknown_customer_names_only_check_handles() {
        let mut c = Case::new();
        for m in std::rc::Rc::make_mut(&mut c.conversation.messages) {
            m.author.name = "115712".into();
            m.author.handle = Some("115712".into());
        }
        c.conversation.customer = Some(c.conversation.messages[0].author.clone());
        table(
            &c,
            CheckId::WrongName,
            &[("@115712 Hi Jessica, sorry!", false), ("@99999 hi", true)],
        );
    }
}
