//! `acknowledges-emotion`: the customer is upset and the draft does not acknowledge it (no
//! apology, no empathy).
//!
//! Upset is the analysis's reading, with one exception: a problem reported with no feeling
//! word, which the analysis reads as frustration (`Analysis::implied`), does not ask for
//! sympathy when the customer asks a question about it ("why are the trains delayed?"): the
//! answer is what they want.

use super::{Finding, Input};
use crate::core::analysis::Analysis;
use crate::core::template::{Context, Template};

/// Whether the customer is upset in a way the reply should acknowledge: upset, and not
/// merely by the analysis's implied reading of a problem they ask a question about.
fn upset(a: &Analysis) -> bool {
    let felt = !a.implied || a.sentiment <= -0.35;
    a.upset() && (felt || a.question.is_none())
}

/// Whether the draft apologises or empathises (also used by `next-step` to tell sympathy from
/// substance).
pub fn acknowledges(input: &Input) -> bool {
    said(&input.draft)
}

fn said(text: &super::Text) -> bool {
    let list = phrases!("acknowledges-emotion", PHRASES);
    text.first(list).is_some()
}

/// Whether the customer `a` is upset in a way a reply should acknowledge.
pub fn needs_acknowledging(a: &Analysis) -> bool {
    upset(a)
}

/// How the customer sounds, for the turn of phrasing a reply takes ([`phrasing`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mood {
    /// No feeling read: a reply does not tell them how they feel ("Sorry this has been
    /// frustrating" to "How do I change my address?").
    #[default]
    Calm,
    /// A problem read as frustrating, but asked about with no feeling word ("Why won't the app
    /// open?"): the answer is what they want, and no cheer ("Good question!") either.
    Troubled,
    /// Upset in a way a reply acknowledges ([`needs_acknowledging`]).
    Upset,
}

/// How the customer `a` sounds.
pub fn mood(a: &Analysis) -> Mood {
    if upset(a) {
        Mood::Upset
    } else if a.upset() {
        Mood::Troubled
    } else {
        Mood::Calm
    }
}

/// The turn of phrasing of `tpl` the panel shows for `seed`, among those that suit the
/// customer's `mood` ([`Template::choose`]): to an upset customer one that acknowledges the
/// feeling; to a troubled one one that does not cheer their question; to a calm one one that
/// names no feeling they did not show; and, once we have written to them
/// ([`Context::answered`]), none that thanks them for getting in touch as a first contact does
/// (each where the template has turns both ways, else the seed's). Past the reply target (`overdue`), one that acknowledges the wait too (the
/// `sla-wait` check asks for it), where the template has one, else the mood's alone.
pub fn phrasing(tpl: &Template, ctx: &Context, seed: u64, mood: Mood, overdue: bool) -> Vec<usize> {
    let cheer = phrases!("acknowledges-emotion/cheer", CHEER);
    let named = phrases!("acknowledges-emotion/named", NAMED);
    let first = phrases!("phrasing/first-contact", FIRST_CONTACT);
    // Mid-exchange, nor a first contact's thanks, nor cheer at a question ("Good question!" to
    // a customer whose screen arrived broken, asking when the new one comes).
    let fresh = |text: &super::Text| !ctx.answered || text.first(first).is_none();
    let suits = |text: &str| {
        let text = super::Text::new(text);
        let fits = match mood {
            Mood::Upset => said(&text),
            Mood::Troubled => text.first(cheer).is_none(),
            Mood::Calm => text.first(named).is_none(),
        };
        fits && fresh(&text) && (!ctx.answered || text.first(cheer).is_none())
    };
    if overdue {
        let both =
            |text: &str| suits(text) && super::sla_wait::acknowledged(&super::Text::new(text));
        let choices = tpl.choose(ctx, seed, &both);
        if tpl
            .render_with_choices(&bare(tpl, ctx), &choices)
            .is_ok_and(|text| both(&text))
        {
            return choices;
        }
    }
    let choices = tpl.choose(ctx, seed, &suits);
    // No turn suits the mood (none acknowledges the feeling, say): still none that thanks a
    // first contact mid-exchange, where the template has one, and the turns among the others
    // by the seed (the seed's own turn, when it fitted, gave the same reply twice running).
    let shown = tpl.render_with_choices(&bare(tpl, ctx), &choices);
    if shown.is_ok_and(|t| !suits(&t)) {
        return tpl.choose(ctx, seed, &|t: &str| fresh(&super::Text::new(t)));
    }
    choices
}

/// `ctx` with a neutral word in each fill-in and an agent name (as [`Template::choose`] tries
/// phrasings).
fn bare(tpl: &Template, ctx: &Context) -> Context {
    let mut bare = ctx.clone();
    for f in tpl.fields() {
        bare.fields.insert(f.id.clone(), "x".into());
    }
    bare.agent_name.get_or_insert_with(|| "A".into());
    bare
}

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let a = input.ctx.customer;
    if !upset(a) || acknowledges(input) {
        return None;
    }
    let strongest = a
        .emotions
        .iter()
        .find(|(e, _)| e.is_negative())
        .map(|(e, s)| {
            let words = s
                .triggers
                .iter()
                .take(2)
                .map(|t| format!("“{t}”"))
                .collect::<Vec<_>>()
                .join(", ");
            if words.is_empty() {
                format!("sounds {}", feeling(e.id()))
            } else {
                format!("sounds {} ({words})", feeling(e.id()))
            }
        })
        .unwrap_or_else(|| "sounds unhappy".into());
    Some(Finding::new(
        format!("the customer {strongest} and the draft does not acknowledge it"),
        Vec::new(),
    ))
}

fn feeling(emotion: &str) -> &'static str {
    match emotion {
        "anger" => "angry",
        "frustration" => "frustrated",
        "anxiety" => "worried",
        "disappointment" => "disappointed",
        _ => "upset",
    }
}

/// Words that tell the customer how they feel or what they went through ("frustrating", "the
/// worry", "a hassle"): a reply to a calm customer takes a turn without them, where it has one.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const NAMED: crate::core::words::Words = words![
    "frustrat*",
    "disappoint*",
    "upset*",
    "worr*",
    "stressful",
    "confusing",
    "annoying",
    "maddening",
    "no fun",
    "hassle",
    "a pain",
    "frustra*",
    "decepcion*",
    "preocup*",
    "susto",
    "costando",
    "agobia*",
    "desesper*",
    "enfado",
    "molestias",
    "lío",
    "lio",
];

/// Thanks for a first contact ("thanks for reaching out"): not said again once we have
/// written to the customer.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const FIRST_CONTACT: crate::core::words::Words = words![
    "reaching out",
    "getting in touch",
    "messaging us",
    "contacting us",
    "good to hear from you",
    "writing in",
    "escribirnos",
    "contactarnos",
    "ponerte en contacto",
];

/// Cheer at a question ("Good question!"): not for a customer with a problem.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const CHEER: crate::core::words::Words = words![
    "good question",
    "great question",
    "excellent question",
    "love this question",
    "buena pregunta",
    "gran pregunta",
    "excelente pregunta",
    "buenísima pregunta",
];

/// The phrases of `phrases!("acknowledges-emotion", …)` (in the page, read from the rule file).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) const PHRASES: crate::core::words::Words = words![
    "sorry",
    "apolog*",
    "my bad",
    "our bad",
    "understand",
    "understandable",
    "i can imagine",
    "we can imagine",
    "can only imagine",
    "frustrat*",
    "annoying",
    "not what we want",
    "not the experience",
    "not the service",
    "hate to hear",
    "hate hearing",
    "sad to hear",
    "not good to hear",
    "never good to hear",
    "we hear you",
    "i hear you",
    "disappoint*",
    "regret",
    "unfortunate",
    "oh no",
    "yikes",
    "ugh",
    "totally get",
    "completely get",
    "i get it",
    "we get it",
    "not okay",
    "not ok",
    "upsetting",
    "can't be fun",
    "cannot be fun",
    "no fun",
    "stressful",
    "worrying",
    "bummer",
    "a shame",
    "what a pain",
    "not ideal",
    "feel your pain",
    "last thing you",
    "can see why",
    "that's rough",
    "that sucks",
    "hate that",
    "lo siento",
    "lo sentimos",
    "sentimos",
    "lamento",
    "lamentamos",
    "disculpa*",
    "perdón",
    "perdon",
    "perdona",
    "entiendo",
    "entendemos",
    "comprendo",
    "comprendemos",
    "qué pena",
    "que pena",
    "qué mal",
    "que mal",
    "siento mucho",
    "siento muchísimo",
    "siento lo",
    "siento de nuevo",
    "siento tanto",
    // "Siento que tu pedido llegue tarde", "siento la espera": sorry for what happened.
    "siento que",
    "siento el",
    "siento la",
    "siento los",
    "siento las",
    "vaya",
    "molestias",
    "frustrante",
    "agobia",
    "agobiante",
    "desespera",
    "no es normal que",
    "shouldn't have had to",
    "should not have had to",
    "that isn't right",
    "that's not right",
    "this isn't right",
    "not how it should",
    "should never have had to",
    "shouldn't have to",
    "should not have to",
    "that's on us",
    "that is on us",
    "this is on us",
    "that's on me",
    "our fault",
    "our mistake",
    "we messed up",
    "we got this wrong",
    "we got it wrong",
    "we dropped the ball",
    "qué rabia",
    "que rabia",
    "qué faena",
    "que faena",
    "menuda faena",
    "qué fastidio",
    "que fastidio",
    "qué lata",
    "culpa nuestra",
    "error nuestro",
    "fallo nuestro",
];

#[cfg(test)]
mod tests {
    use super::super::testutil::{table, Case};
    use super::super::CheckId;
    use crate::core::analysis::{Emotion, Signal};

    /// Template `id` in `lang` for `surface`, and a context that fills it in: the agent named,
    /// each fill-in "x".
    fn filled(
        id: &str,
        lang: crate::core::conversation::Lang,
        surface: crate::core::conversation::Surface,
    ) -> (
        crate::core::template::Template,
        crate::core::template::Context,
    ) {
        let t = crate::core::library::get(id).unwrap();
        let tpl = crate::core::template::parse(t.text(lang, surface).unwrap()).unwrap();
        let mut ctx = crate::core::template::Context::new(lang);
        ctx.agent_name = Some("Sam Rivera".into());
        for f in tpl.fields() {
            ctx.fields.insert(f.id.clone(), "x".into());
        }
        (tpl, ctx)
    }

    /// How a customer sounds, read from their words: a calm question, a problem asked about
    /// with no feeling word, an upset customer.
    #[test]
    fn moods_are_read_from_the_customer() {
        use super::{mood, Mood};
        use crate::core::analysis::analyze;
        for (said, want) in [
            ("How do I change my delivery address?", Mood::Calm),
            ("Thanks so much, the new one works great!", Mood::Calm),
            ("Why won't the app open on my phone?", Mood::Troubled),
            (
                "Third time asking. Still no refund and I'm fed up.",
                Mood::Upset,
            ),
            ("¿Cómo cambio la dirección de entrega?", Mood::Calm),
        ] {
            assert_eq!(mood(&analyze(&[said])), want, "{said}");
        }
    }

    /// The how-to replies take a turn of phrasing that suits the customer: to an upset one
    /// ("Can you refund one of them?" after a double charge) sympathy, not "Good question!" (a
    /// hands-on review); to one troubled by a problem they ask about, no cheer either (the same
    /// review saw "Good question! Here's how:" offered to one); to a calm one, no feeling they
    /// did not show ("Sorry this has been frustrating" to "How do I change my address?"). And
    /// two turns in a row still read differently.
    #[test]
    fn how_to_replies_suit_the_customers_mood() {
        use super::{Mood, CHEER, NAMED};
        use crate::core::check::text::Phrases;
        use crate::core::conversation::{Lang, Surface};
        let cheer = Phrases::of(CHEER.iter());
        let named = Phrases::of(NAMED.iter());
        for id in ["how-to-steps", "how-to-check-and-return"] {
            for lang in [Lang::En, Lang::Es] {
                let (tpl, ctx) = filled(id, lang, Surface::Post);
                for mood in [Mood::Upset, Mood::Troubled, Mood::Calm] {
                    let render = |seed| {
                        let choices = super::phrasing(&tpl, &ctx, seed, mood, false);
                        tpl.render_with_choices(&ctx, &choices).unwrap()
                    };
                    for seed in 0..6 {
                        let text = render(seed);
                        let read = super::super::Text::new(&text);
                        let cheers = read.first(&cheer).is_some();
                        match mood {
                            Mood::Upset => assert!(super::said(&read) && !cheers, "{id}: {text}"),
                            Mood::Troubled => assert!(!cheers, "{id}: {text}"),
                            Mood::Calm => assert!(read.first(&named).is_none(), "{id}: {text}"),
                        }
                        assert_ne!(text, render(seed + 1), "{id} {mood:?} {seed}");
                    }
                }
            }
        }
    }

    /// Once we have written to the customer, no turn thanks them for reaching out (a hands-on
    /// review saw "Hi Sam, thanks for reaching out" in the middle of an exchange); before, the
    /// turns that do still come.
    #[test]
    fn an_answered_customer_is_not_thanked_for_reaching_out() {
        use super::Mood;
        use crate::core::conversation::{Lang, Surface};
        for lang in [Lang::En, Lang::Es] {
            let (tpl, mut ctx) = filled("refund-acknowledge", lang, Surface::Dm);
            let first = |text: &str| {
                let list = crate::core::check::text::Phrases::of(super::FIRST_CONTACT.iter());
                super::super::Text::new(text).first(&list).is_some()
            };
            for answered in [false, true] {
                ctx.answered = answered;
                let texts: Vec<String> = (0..8)
                    .map(|seed| {
                        let choices = super::phrasing(&tpl, &ctx, seed, Mood::Calm, false);
                        tpl.render_with_choices(&ctx, &choices).unwrap()
                    })
                    .collect();
                assert_eq!(
                    texts.iter().any(|t| first(t)),
                    !answered,
                    "{lang:?}: {texts:?}"
                );
            }
        }
    }

    /// Mid-exchange (a hands-on review): a reply none of whose turns acknowledges an upset
    /// customer's feeling still takes one that does not thank a first contact ("Gracias por tu
    /// mensaje", not "Gracias por escribirnos"); and a calm question gets no "Good question!"
    /// once we have written (to a customer whose screen arrived broken, asking when the new one
    /// comes).
    #[test]
    fn mid_exchange_no_first_contact_thanks_nor_cheer() {
        use super::Mood;
        use crate::core::check::text::Phrases;
        use crate::core::conversation::{Lang, Surface};
        let first = Phrases::of(super::FIRST_CONTACT.iter());
        let cheer = Phrases::of(super::CHEER.iter());
        let (tpl, mut ctx) = filled("move-to-dm-welcome", Lang::Es, Surface::Dm);
        let (steps, mut calm) = filled("how-to-steps", Lang::En, Surface::Post);
        for answered in [false, true] {
            ctx.answered = answered;
            calm.answered = answered;
            fn texts(
                tpl: &crate::core::template::Template,
                ctx: &crate::core::template::Context,
                mood: Mood,
            ) -> Vec<String> {
                (0..6)
                    .map(|seed| {
                        let choices = super::phrasing(tpl, ctx, seed, mood, false);
                        tpl.render_with_choices(ctx, &choices).unwrap()
                    })
                    .collect()
            }
            let welcome = texts(&tpl, &ctx, Mood::Upset);
            let thanked = welcome
                .iter()
                .any(|t| super::super::Text::new(t).first(&first).is_some());
            assert_eq!(thanked, !answered, "{welcome:?}");
            let answers = texts(&steps, &calm, Mood::Calm);
            let cheered = answers
                .iter()
                .any(|t| super::super::Text::new(t).first(&cheer).is_some());
            assert_eq!(cheered, !answered, "{answers:?}");
            // The press enquiry's holding reply, in both languages.
            for lang in [Lang::En, Lang::Es] {
                let (press, mut pctx) = filled("safety-media-enquiry", lang, Surface::Post);
                pctx.answered = answered;
                let said = texts(&press, &pctx, Mood::Calm);
                let thanked = said
                    .iter()
                    .any(|t| super::super::Text::new(t).first(&first).is_some());
                assert_eq!(thanked, !answered, "{said:?}");
            }
        }
    }

    /// Past the reply target, the late-order reply (a hands-on review inserted it first on an
    /// overdue thread and was told it ignored the wait) apologises for the wait, in every turn,
    /// upset customer or calm; in time, its turns still rotate through the others.
    #[test]
    fn overdue_replies_take_the_phrasing_that_apologises_for_the_wait() {
        use crate::core::conversation::{Lang, Surface};
        use crate::core::template::{parse, Context};
        let t = crate::core::library::get("order-late-acknowledge").unwrap();
        let waited =
            |text: &str| super::super::sla_wait::acknowledged(&super::super::Text::new(text));
        for lang in [Lang::En, Lang::Es] {
            let tpl = parse(t.text(lang, Surface::Post).unwrap()).unwrap();
            let mut ctx = Context::new(lang);
            ctx.agent_name = Some("Sam Rivera".into());
            let render = |seed, mood, overdue| {
                tpl.render_with_choices(&ctx, &super::phrasing(&tpl, &ctx, seed, mood, overdue))
                    .unwrap()
            };
            for seed in 0..6 {
                for mood in [super::Mood::Calm, super::Mood::Troubled, super::Mood::Upset] {
                    let text = render(seed, mood, true);
                    assert!(waited(&text), "{lang:?} {seed} {mood:?}: {text}");
                    assert!(
                        mood != super::Mood::Upset || super::said(&super::super::Text::new(&text)),
                        "{text}"
                    );
                }
            }
            assert!((0..6).any(|seed| !waited(&render(seed, super::Mood::Calm, false))));
        }
    }

    #[test]
    fn upset_customers_need_acknowledging() {
        let rows = [
            ("Your order ships Monday.", true),
            (
                "Maria, that's three times you've had to ask, and that's on us.",
                false,
            ),
            ("You should never have had to chase us.", false),
            ("Hola Lucía, qué rabia que haya llegado así.", false),
            ("¡Qué faena! Te enviamos otro hoy.", false),
            ("", true),
            ("Please DM us your order number.", true),
            ("Tu pedido llega el lunes.", true),
            // Acknowledged.
            ("So sorry about this, Maria. It ships Monday.", false),
            ("I understand how annoying that is.", false),
            ("That's frustrating, I'd feel the same.", false),
            ("I can imagine how worrying that is", false),
            ("Lo siento mucho, María", false),
            ("Entiendo tu enfado", false),
            ("We apologise, it ships Monday", false),
            ("5,000 miles as a gesture for the inconvenience.", true),
            ("Glad to hear that! Your concern was passed on.", true),
            ("We hear you, Maria.", false),
            ("What a bummer! It ships Monday.", false),
            ("That's rough, I can see why you're upset.", false),
            ("Not ideal at all, we'll fix it today.", false),
            ("Perdon por la espera", false),
            ("Que mal, te ayudamos por DM", false),
            ("Siento mucho lo ocurrido", false),
            ("Siento que tu pedido llegue tarde, María.", false),
            ("Siento la espera, ya está en camino.", false),
            // Words of a condition, not of feeling.
            (
                "If the size isn't right, you can return it within 30 days.",
                true,
            ),
            ("Si te preocupa algo más, dímelo.", true),
            ("That isn't right, Maria, and we'll fix it today.", false),
            ("The last thing you need before a flight.", false),
            ("A rough estimate is Monday.", true),
        ];
        let upset = Case::new().upset();
        table(&upset, CheckId::AcknowledgesEmotion, &rows);
        let d = upset.fires(CheckId::AcknowledgesEmotion, "Ok").unwrap();
        assert!(d.contains("frustrated (“ridiculous”)"), "{d}");
        // Calm customers: nothing to acknowledge.
        table(
            &Case::new(),
            CheckId::AcknowledgesEmotion,
            &[("Ships Monday.", false)],
        );
        // Sentiment alone can say upset.
        let mut c = Case::new();
        c.analysis.sentiment = -0.6;
        table(&c, CheckId::AcknowledgesEmotion, &[("Ships Monday.", true)]);
        // A problem reported with no feeling word, read at the weakest score: it still
        // counts, unless the customer asks a question about it (then the answer is what they
        // want); clearly negative words or a real feeling count with a question too.
        let mut c = Case::new();
        c.analysis.emotions = vec![(
            Emotion::Frustration,
            Signal {
                score: 0.6,
                triggers: vec!["delayed".into()],
            },
        )];
        c.analysis.implied = true;
        table(&c, CheckId::AcknowledgesEmotion, &[("Ships Monday.", true)]);
        let mut c = c.question();
        table(
            &c,
            CheckId::AcknowledgesEmotion,
            &[("Ships Monday.", false)],
        );
        c.analysis.sentiment = -0.5;
        table(&c, CheckId::AcknowledgesEmotion, &[("Ships Monday.", true)]);
        table(
            &Case::new().upset().question(),
            CheckId::AcknowledgesEmotion,
            &[("Ships Monday.", true)],
        );
    }
}
