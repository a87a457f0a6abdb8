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

/// The turn of phrasing of `tpl` the panel shows for `seed`: to an `upset` customer
/// ([`needs_acknowledging`]) one that acknowledges the feeling, where the template has such
/// turns ([`Template::choose`]); past the reply target (`overdue`), one that acknowledges the
/// wait too (the `sla-wait` check asks for it), where the template has one, else the feeling's
/// alone; otherwise the seed's own (no trial renders: the preview is redrawn at each
/// keystroke).
pub fn phrasing(
    tpl: &Template,
    ctx: &Context,
    seed: u64,
    upset: bool,
    overdue: bool,
) -> Vec<usize> {
    let feeling = |text: &str| !upset || said(&super::Text::new(text));
    if overdue {
        let both =
            |text: &str| feeling(text) && super::sla_wait::acknowledged(&super::Text::new(text));
        let choices = tpl.choose(ctx, seed, &both);
        if tpl
            .render_with_choices(&bare(tpl, ctx), &choices)
            .is_ok_and(|text| both(&text))
        {
            return choices;
        }
    }
    if upset {
        tpl.choose(ctx, seed, &feeling)
    } else {
        tpl.turns(seed)
    }
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

    /// The how-to replies, offered to an upset customer whose question reads as one ("Can you
    /// refund one of them?"), open with sympathy, not "Good question!" (a hands-on review).
    #[test]
    fn how_to_replies_to_upset_customers_do_not_cheer() {
        use crate::core::conversation::{Lang, Surface};
        use crate::core::template::{parse, Context};
        for id in ["how-to-steps", "how-to-check-and-return"] {
            let t = crate::core::library::get(id).unwrap();
            for lang in [Lang::En, Lang::Es] {
                let tpl = parse(t.text(lang, Surface::Post).unwrap()).unwrap();
                let mut ctx = Context::new(lang);
                ctx.agent_name = Some("Sam Rivera".into());
                for f in tpl.fields() {
                    ctx.fields.insert(f.id.clone(), "x".into());
                }
                for seed in 0..6 {
                    let text = tpl
                        .render_with_choices(&ctx, &super::phrasing(&tpl, &ctx, seed, true, false))
                        .unwrap();
                    assert!(super::said(&super::super::Text::new(&text)), "{id}: {text}");
                    assert!(
                        !text.contains("Good question") && !text.contains("Buena pregunta"),
                        "{id}: {text}"
                    );
                }
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
            let render = |seed, upset, overdue| {
                tpl.render_with_choices(&ctx, &super::phrasing(&tpl, &ctx, seed, upset, overdue))
                    .unwrap()
            };
            for seed in 0..6 {
                for upset in [false, true] {
                    let text = render(seed, upset, true);
                    assert!(waited(&text), "{lang:?} {seed} {upset}: {text}");
                    assert!(
                        !upset || super::said(&super::super::Text::new(&text)),
                        "{text}"
                    );
                }
            }
            assert!((0..6).any(|seed| !waited(&render(seed, false, false))));
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
