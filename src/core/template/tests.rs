//! Tests of the template language: every construct, every error with its position, and inputs
//! that must not make the parser panic.

use super::*;
use crate::core::conversation::{Author, Lang, Site};

fn ctx() -> Context {
    let mut c = Context::new(Lang::En);
    c.customer = Some(Author {
        name: "Maria Garcia".into(),
        handle: Some("mgarcia".into()),
    });
    c.agent_name = Some("Sam Rivera".into());
    c.brand_name = Some("Acme Rail".into());
    c.site = Some(Site::X);
    c.wait_minutes = Some(135);
    c
}

fn render(src: &str, c: &Context) -> Result<String, String> {
    let t = parse(src).map_err(|e| e.to_string())?;
    t.render(c, 0).map_err(|e| e.to_string())
}

#[test]
fn renders_every_variable() {
    let cases = [
        ("{customer.name}", "Maria Garcia"),
        ("{customer.first_name}", "Maria"),
        ("{customer.handle}", "@mgarcia"),
        ("{agent.name}", "Sam Rivera"),
        ("{agent.first_name}", "Sam"),
        ("{agent.initials}", "SR"),
        ("{brand.name}", "Acme Rail"),
        ("{site.name}", "X"),
        ("{wait}", "over 2 hours"),
        ("{wait.minutes}", "135"),
        ("{ customer.first_name | there }!", "Maria!"),
        ("plain text, no tags", "plain text, no tags"),
        ("", ""),
    ];
    for (src, want) in cases {
        assert_eq!(render(src, &ctx()).as_deref(), Ok(want), "{src}");
    }
}

#[test]
fn wait_follows_the_language() {
    let mut c = ctx();
    c.lang = Lang::Es;
    c.wait_minutes = Some(1500);
    assert_eq!(
        render("Llevas {wait} esperando", &c).unwrap(),
        "Llevas más de un día esperando"
    );
}

#[test]
fn fallback_is_used_only_when_the_value_is_unknown_or_empty() {
    let mut c = Context::new(Lang::En);
    assert_eq!(
        render("Hi {customer.first_name|there}!", &c).unwrap(),
        "Hi there!"
    );
    c.customer = Some(Author {
        name: " ".into(),
        handle: None,
    });
    assert_eq!(
        render("Hi {customer.name|there}!", &c).unwrap(),
        "Hi there!"
    );
    assert_eq!(
        render("Hi {customer.first_name|there}!", &c).unwrap(),
        "Hi there!"
    );
    c.customer = Some(Author {
        name: "Ana".into(),
        handle: None,
    });
    assert_eq!(
        render("Hi {customer.first_name|there}!", &c).unwrap(),
        "Hi Ana!"
    );
    assert_eq!(
        render("{brand.name|the team \\| crew}", &c).unwrap(),
        "the team | crew"
    );
}

#[test]
fn unknown_value_without_fallback_is_an_error_naming_the_variable() {
    let c = Context::new(Lang::En);
    let t = parse("Hi {customer.first_name}, ^{agent.initials}").unwrap();
    let e = t.render(&c, 0).unwrap_err();
    assert_eq!(
        e,
        RenderError::NoValue {
            variable: "customer.first_name".into(),
            pos: Pos { line: 1, column: 5 }
        }
    );
    assert!(e
        .to_string()
        .starts_with("no value for `customer.first_name` at 1:5"));
}

#[test]
fn fill_ins_are_listed_and_block_rendering_until_filled() {
    let t = parse(
        "Order {?order_number:Order number:number} ships {?eta:When it ships:date}; \
         ref {?order_number:Order number:number}.",
    )
    .unwrap();
    let fields: Vec<_> = t
        .fields()
        .iter()
        .map(|f| (f.id.as_str(), f.label.as_str(), f.kind))
        .collect();
    assert_eq!(
        fields,
        [
            ("order_number", "Order number", FieldKind::Number),
            ("eta", "When it ships", FieldKind::Date)
        ]
    );
    assert_eq!(
        t.fields()[1].pos,
        Pos {
            line: 1,
            column: 49
        }
    );
    let c = ctx();
    let e = t.render(&c, 0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fill in before inserting: Order number (`order_number`), When it ships (`eta`)"
    );
    let c = c
        .with_field("order_number", "A123")
        .with_field("eta", "   ");
    let e = t.render(&c, 0).unwrap_err();
    assert_eq!(
        e,
        RenderError::MissingFields {
            fields: vec![MissingField {
                id: "eta".into(),
                label: "When it ships".into()
            }]
        }
    );
    let c = c.with_field("eta", " Friday ");
    assert_eq!(
        t.render(&c, 0).unwrap(),
        "Order A123 ships Friday; ref A123."
    );
}

#[test]
fn missing_fields_are_reported_before_unknown_variables() {
    let t = parse("{customer.name} {?x:X}").unwrap();
    let e = t.render(&Context::new(Lang::En), 0).unwrap_err();
    assert!(matches!(e, RenderError::MissingFields { .. }));
}

#[test]
fn personal_data_fields_are_recognised() {
    let cases = [
        ("{?order_number:Order number}", true),
        ("{?x:Their email}", true),
        ("{?n:Número de pedido}", true),
        ("{?tel:Teléfono}", true),
        ("{?eta:When it will be fixed:time}", false),
        ("{?link:Help article:link}", false),
    ];
    for (src, want) in cases {
        let t = parse(src).unwrap();
        assert_eq!(t.fields()[0].asks_for_personal_data(), want, "{src}");
    }
}

#[test]
fn rotation_never_repeats_the_previous_alternative() {
    let t = parse("[[A|B|C]] [[x|y]] [[1|2|3|4]] {customer.first_name}").unwrap();
    assert_eq!(t.rotations(), [3, 2, 4]);
    let c = ctx();
    let mut prev: Option<Vec<String>> = None;
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..50u64 {
        let out = t.render(&c, seed).unwrap();
        let parts: Vec<String> = out.split(' ').map(str::to_owned).collect();
        if let Some(p) = &prev {
            for k in 0..3 {
                assert_ne!(p[k], parts[k], "rotation {k} repeated at seed {seed}");
            }
        }
        seen.insert(parts[0].clone());
        prev = Some(parts);
    }
    assert_eq!(seen.len(), 3, "every alternative is used");
    assert_ne!(
        t.render(&c, u64::MAX - 1).unwrap(),
        t.render(&c, u64::MAX).unwrap()
    );
}

#[test]
fn alternatives_hold_variables_and_explicit_choices_pick_them() {
    let t = parse("[[Hi {customer.first_name}|Hello {customer.first_name|there}]]!").unwrap();
    let c = ctx();
    assert_eq!(t.render_with_choices(&c, &[0]).unwrap(), "Hi Maria!");
    assert_eq!(t.render_with_choices(&c, &[1]).unwrap(), "Hello Maria!");
    assert_eq!(t.render_with_choices(&c, &[3]).unwrap(), "Hello Maria!");
    assert_eq!(t.render_with_choices(&c, &[]).unwrap(), "Hi Maria!");
    assert_eq!(
        t.variables(),
        [Var::CustomerFirstName],
        "variables are listed once"
    );
}

#[test]
fn escapes_make_characters_literal() {
    let cases = [
        ("\\{customer.name\\}", "{customer.name}"),
        ("a \\\\ b", "a \\ b"),
        ("\\[[not a rotation\\]]", "[[not a rotation]]"),
        ("[link] and a|b", "[link] and a|b"),
        ("[[a\\|b|c]]", "a|b"),
        ("x ] y", "x ] y"),
    ];
    for (src, want) in cases {
        assert_eq!(render(src, &ctx()).as_deref(), Ok(want), "{src}");
    }
}

#[test]
fn malformed_templates_name_the_position_and_the_problem() {
    let cases = [
        (
            "Hello there {customer.first_name|friend",
            "unclosed `{` opened at 1:13 (close it with `}` on the same line)",
        ),
        (
            "Hi, {customer.frist_name}",
            "unknown variable `customer.frist_name` at 1:6 (did you mean customer.first_name?)",
        ),
        (
            "Hi {  agent.intials }",
            "unknown variable `agent.intials` at 1:7 (did you mean agent.initials?)",
        ),
        // A name's last part alone: the variables it ends, not one a few letters away
        // ("name" is three from "wait").
        (
            "Hi {name}",
            "unknown variable `name` at 1:5 (did you mean customer.name, agent.name, brand.name or \
             site.name?)",
        ),
        (
            "Hi {first_name}",
            "unknown variable `first_name` at 1:5 (did you mean customer.first_name or \
             agent.first_name?)",
        ),
        ("{wiat}", "unknown variable `wiat` at 1:2 (did you mean wait?)"),
        (
            "{weather}",
            "unknown variable `weather` at 1:2 (known variables: customer.name, customer.first_name, \
             customer.handle, agent.name, agent.first_name, agent.initials, brand.name, site.name, \
             wait, wait.minutes)",
        ),
        (
            "ok\n[[a||b]]",
            "empty alternative at 2:5 (alternative 2 of the ones opened at 2:1)",
        ),
        (
            "[[ |b]]",
            "empty alternative at 1:3 (alternative 1 of the ones opened at 1:1)",
        ),
        (
            "[[a|b|]]",
            "empty alternative at 1:7 (alternative 3 of the ones opened at 1:1)",
        ),
        (
            "[[only one]]",
            "only one alternative in the `[[` opened at 1:1 (separate alternatives with `|`)",
        ),
        (
            "x [[a|b",
            "unclosed `[[` opened at 1:3 (close the alternatives with `]]`)",
        ),
        (
            "[[a|[[b|c]]]]",
            "`[[` at 1:5 inside the alternatives opened at 1:1 (alternatives cannot be nested; \
             write `\\[` for a literal bracket)",
        ),
        (
            "Your order {?order_number}",
            "fill-in field `order_number` without a label at 1:12 \
             (write `{?order_number:What the agent types}`)",
        ),
        (
            "{?order_number:  }",
            "fill-in field `order_number` without a label at 1:1 \
             (write `{?order_number:What the agent types}`)",
        ),
        (
            "{?:Order number}",
            "fill-in field without an id at 1:1 (write `{?order_number:Order number}`)",
        ),
        (
            "{?Order number:x}",
            "fill-in id `Order number` at 1:1 is not valid (use lowercase letters, digits and `_`, \
             starting with a letter)",
        ),
        (
            "{?eta:When:hour}",
            "unknown fill-in kind `hour` at 1:12 (expected one of text, time, date, number, link)",
        ),
        (
            "Order {?order:Order number}, or {?order:Order no}",
            "fill-in field `order` at 1:33 is written otherwise at 1:7 (use the same label and \
             kind, or another id)",
        ),
        (
            "On {?when:Day:date}\nat {?when:Day:time}",
            "fill-in field `when` at 2:4 is written otherwise at 1:4 (use the same label and \
             kind, or another id)",
        ),
        (
            "[[a|{?x:X}]]",
            "fill-in field at 1:5 inside the alternatives opened at 1:1 (put fill-ins outside `[[ ]]`)",
        ),
        (
            "Done }",
            "unmatched `}` at 1:6 (write `\\}` for a literal brace)",
        ),
        (
            "Done ]]",
            "unmatched `]]` at 1:6 (write `\\]` for a literal bracket)",
        ),
        (
            "{}",
            "empty variable name at 1:1 (write `\\{` for a literal brace)",
        ),
        (
            "{customer.name|}",
            "empty fallback for `customer.name` at 1:2 (remove the `|` to require a value)",
        ),
        (
            "50\\% off",
            "unknown escape `\\%` at 1:3 (a backslash escapes one of \\ { } [ ] |)",
        ),
        (
            "end\\",
            "backslash at the end of the template at 1:4 (write `\\\\` for a backslash)",
        ),
        (
            "{customer.name\n}",
            "unclosed `{` opened at 1:1 (close it with `}` on the same line)",
        ),
        (
            "{customer.name {agent.name}",
            "unclosed `{` opened at 1:1 (close it with `}` on the same line)",
        ),
    ];
    for (src, want) in cases {
        let e = parse(src).expect_err(src);
        assert_eq!(e.to_string(), want, "{src}");
    }
}

#[test]
fn positions_count_characters_not_bytes() {
    let cases = [
        (
            "¡Hola 👋🏽! {customer.frist}",
            Pos {
                line: 1,
                column: 12,
            },
        ),
        ("日本語\nñandú {x}", Pos { line: 2, column: 8 }),
        ("\n\n  }", Pos { line: 3, column: 3 }),
    ];
    for (src, want) in cases {
        assert_eq!(parse(src).unwrap_err().pos, want, "{src}");
    }
}

#[test]
fn unicode_text_survives_untouched() {
    let src = "¡Hola {customer.first_name|amig@}! 💙 日本 👩‍👩‍👧 [[Gracias|Mil gracias]] ñ";
    let mut c = ctx();
    c.customer = Some(Author {
        name: "Zoë Ünal".into(),
        handle: None,
    });
    assert_eq!(
        parse(src).unwrap().render(&c, 1).unwrap(),
        "¡Hola Zoë! 💙 日本 👩‍👩‍👧 Mil gracias ñ"
    );
}

#[test]
fn plain_text_lists_every_word_for_search() {
    let t = parse("Hi {customer.first_name|there} [[sorry|apologies]] {?eta:Fix time}").unwrap();
    let words: Vec<_> = t
        .plain_text()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    assert_eq!(words, ["Hi", "there", "sorry", "apologies", "Fix", "time"]);
}

/// A small deterministic generator (xorshift), so the odd-input test needs no crate.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn odd_inputs_never_panic() {
    let alphabet: Vec<char> =
        "{}[]|\\?:.^ \n\tabcé日👋\u{200d}\u{0}\u{feff}\u{10ffff}customer.first_name"
            .chars()
            .collect();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let c = ctx().with_field("a", "1");
    for _ in 0..20_000 {
        let len = (next(&mut state) % 24) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(next(&mut state) % alphabet.len() as u64) as usize])
            .collect();
        if let Ok(t) = parse(&s) {
            let _ = t.render(&c, next(&mut state));
            let _ = t.plain_text();
        }
    }
    let fixed = [
        "{",
        "}",
        "[[",
        "]]",
        "[[|]]",
        "{?",
        "{?:",
        "{?a:",
        "{?a:b:",
        "{|}",
        "\\",
        "[[[",
        "]]]",
        "{{}}",
        "[[a|b]]]",
        "[[[a|b]]",
        "{?a:b:c:d}",
        "{customer.name|{}",
    ];
    for s in fixed {
        if let Ok(t) = parse(s) {
            let _ = t.render(&c, 0);
        }
    }
}

#[test]
fn a_fill_in_does_not_repeat_the_word_before_it() {
    let src = "I'll message you again by {?when:When}. Te escribo antes del {?d:Día}.";
    for (when, d, want) in [
        (
            "by noon",
            "del lunes",
            "I'll message you again by noon. Te escribo antes del lunes.",
        ),
        (
            "noon",
            "Del lunes",
            "I'll message you again by noon. Te escribo antes del lunes.",
        ),
        (
            "By 3pm",
            "lunes",
            "I'll message you again by 3pm. Te escribo antes del lunes.",
        ),
        // Only the whole word: "byte" is not "by".
        (
            "byte time",
            "lunes",
            "I'll message you again by byte time. Te escribo antes del lunes.",
        ),
        (
            "by",
            "lunes",
            "I'll message you again by by. Te escribo antes del lunes.",
        ),
    ] {
        let c = ctx().with_field("when", when).with_field("d", d);
        assert_eq!(render(src, &c).unwrap(), want, "{when}");
    }
}

#[test]
fn a_fill_in_that_ends_its_sentence_gives_one_full_stop() {
    let src = "Here's what I'll do: {?next:Next step}. Thanks!";
    for (value, want) in [
        (
            "I've refunded the ticket today.",
            "Here's what I'll do: I've refunded the ticket today. Thanks!",
        ),
        (
            "call you back!",
            "Here's what I'll do: call you back! Thanks!",
        ),
        ("refund it", "Here's what I'll do: refund it. Thanks!"),
        ("check it…", "Here's what I'll do: check it… Thanks!"),
    ] {
        let c = ctx().with_field("next", value);
        assert_eq!(render(src, &c).unwrap(), want, "{value}");
    }
}

#[test]
fn a_fill_in_that_ends_with_a_mark_before_the_templates_own_gives_one() {
    let src = "I'll write again by {?when:When}, even if there is no news. Thanks!";
    for (value, want) in [
        ("noon", "by noon, even"),
        ("noon,", "by noon, even"),
        ("noon.", "by noon, even"),
        ("noon;", "by noon, even"),
        ("noon!", "by noon, even"),
        // An abbreviation keeps its full stop.
        ("9 a.m.", "by 9 a.m., even"),
        ("10 p.", "by 10 p., even"),
    ] {
        let c = ctx().with_field("when", value);
        let out = render(src, &c).unwrap();
        assert!(out.contains(want), "{value}: {out}");
    }
    // Before the template's full stop, a comma of the value goes too.
    let c = ctx().with_field("next", "refund it,");
    assert_eq!(
        render("Here's what I'll do: {?next:Next step}. Thanks!", &c).unwrap(),
        "Here's what I'll do: refund it. Thanks!"
    );
}

/// A customer we have already written to is not greeted again (a hands-on review saw "Hi Sam,
/// thanks for reaching out" offered in the middle of an exchange): the reply opens with their
/// name, or without the greeting when their name is not known; a template that opens
/// otherwise, and a first reply, read as written.
#[test]
fn a_customer_already_answered_is_not_greeted_again() {
    let mut c = ctx();
    c.answered = true;
    let mut nameless = Context::new(Lang::En);
    nameless.answered = true;
    let mut es = ctx();
    es.lang = Lang::Es;
    es.answered = true;
    let cases = [
        (
            "Hi {customer.first_name|there}, thanks for waiting.",
            &c,
            "Maria, thanks for waiting.",
        ),
        (
            "Hi {customer.first_name|there}, I'm on it.",
            &c,
            "Maria, I'm on it.",
        ),
        (
            "Hi {customer.first_name|there}, thanks for waiting.",
            &nameless,
            "Thanks for waiting.",
        ),
        (
            "Hi {customer.first_name|there}, [[sorry|thanks]] for waiting.",
            &nameless,
            "Sorry for waiting.",
        ),
        (
            "Hello {customer.name}, thanks.",
            &c,
            "Maria Garcia, thanks.",
        ),
        (
            "¡Hola, {customer.first_name|qué tal}! Siento el retraso.",
            &es,
            "Maria, siento el retraso.",
        ),
        (
            "Hola, {customer.first_name|qué tal}. ¿Qué tal el pedido?",
            &es,
            "Maria, ¿qué tal el pedido?",
        ),
        (
            "¡Hola, {customer.first_name|qué tal}! {brand.name} ya funciona.",
            &es,
            "Maria, Acme Rail ya funciona.",
        ),
        // Not a greeting of the customer: as written.
        ("Hi {agent.first_name}, here.", &c, "Hi Sam, here."),
        (
            "Thanks {customer.first_name|there}, on it.",
            &c,
            "Thanks Maria, on it.",
        ),
        (
            "Hi {customer.first_name|there} — on it.",
            &c,
            "Hi Maria — on it.",
        ),
    ];
    for (src, c, want) in cases {
        assert_eq!(render(src, c).unwrap(), want, "{src}");
    }
    // The first reply greets.
    assert_eq!(
        render(
            "Hi {customer.first_name|there}, thanks for waiting.",
            &ctx()
        )
        .unwrap(),
        "Hi Maria, thanks for waiting."
    );
}

/// The first letter of a reply whose greeting went: capitals and small letters of the
/// templates' languages, others as they are.
#[test]
fn a_reply_without_its_greeting_starts_as_a_sentence() {
    let mut nameless = Context::new(Lang::Es);
    nameless.answered = true;
    for (src, want) in [
        (
            "Hola, {customer.first_name|qué tal}. él llega hoy.",
            "Él llega hoy.",
        ),
        ("Hi {customer.first_name|there}, ñu.", "Ñu."),
        ("Hi {customer.first_name|there}, ß.", "ß."),
        ("Hi {customer.first_name|there}, 3 days.", "3 days."),
    ] {
        assert_eq!(render(src, &nameless).unwrap(), want, "{src}");
    }
    let mut named = ctx();
    named.answered = true;
    assert_eq!(
        render(
            "¡Hola, {customer.first_name|qué tal}! Él llega hoy.",
            &named
        )
        .unwrap(),
        "Maria, él llega hoy."
    );
}

/// A draft that already begins with the customer's @handle (Instagram's "Reply" writes it) is
/// not followed by their handle as a first name a second time ("@marco.trails Thank you,
/// marco.trails!"): the fallback says it; a real first name is still said.
#[test]
fn a_customer_addressed_by_handle_is_not_named_by_it_again() {
    let src = "Thank you, {customer.first_name|friend}!";
    let mut c = Context::new(Lang::En);
    c.customer = Some(Author {
        name: "marco.trails".into(),
        handle: Some("marco.trails".into()),
    });
    assert_eq!(render(src, &c).unwrap(), "Thank you, marco.trails!");
    c.addressed = true;
    assert_eq!(render(src, &c).unwrap(), "Thank you, friend!");
    c.customer = Some(Author {
        name: "Marco Rossi".into(),
        handle: Some("marco.trails".into()),
    });
    assert_eq!(render(src, &c).unwrap(), "Thank you, Marco!");
}

/// A draft that ends by greeting the customer ("Hi Jane," typed before picking a reply) is not
/// followed by a second greeting, nor by their name again (a hands-on review: "Hi Jane, Hi
/// Jane, you're right", "Hi Jane, Jane, you're right"): the reply goes on in small letters
/// (the composer gives it a capital after a "!").
#[test]
fn a_draft_that_greets_the_customer_is_not_followed_by_a_second_greeting() {
    let src = "Hi {customer.first_name|there}, you're right: we charged you twice.";
    for answered in [false, true] {
        let mut c = ctx();
        c.answered = answered;
        c.greeted = true;
        assert_eq!(
            render(src, &c).unwrap(),
            "you're right: we charged you twice."
        );
        c.greeted = false;
        let want = if answered {
            "Maria, you're right"
        } else {
            "Hi Maria, you're right"
        };
        assert!(render(src, &c).unwrap().starts_with(want));
    }
    // A greeting that ended its sentence ("Hola, Sam. Tienes razón…", "Hi Sam! Thanks…"): the
    // words after it go on in small letters, an "I'm" keeps its capital (a hands-on review:
    // "Hola Jane, Tienes razón").
    let mut c = ctx();
    c.greeted = true;
    for (src, want) in [
        (
            "Hola, {customer.first_name|qué tal}. Tienes razón: te cobramos dos veces.",
            "tienes razón: te cobramos dos veces.",
        ),
        (
            "Hi {customer.first_name|there}! Thanks for waiting.",
            "thanks for waiting.",
        ),
        ("Hi {customer.first_name|there}. I'm sorry.", "I'm sorry."),
    ] {
        assert_eq!(render(src, &c).unwrap(), want);
    }
    // A reply that does not open with a greeting goes on in small letters, and without their
    // name when it opens with it (a hands-on review: "Hi Jane, You're right, Jane",
    // "Hola Jane, Jane, gracias"); "I'm", the brand's name and a value keep their capitals.
    c.brand_name = Some("Acme".into());
    c.agent_name = Some("Sam Rivera".into());
    for (src, want) in [
        ("Thanks, {customer.first_name|friend}!", "thanks, Maria!"),
        (
            "You're right, {customer.first_name|friend}. I'm sorry.",
            "you're right, Maria. I'm sorry.",
        ),
        (
            "{customer.first_name|Hola}, gracias por actuar rápido.",
            "gracias por actuar rápido.",
        ),
        ("{customer.first_name|Hi}, I'm on it.", "I'm on it."),
        ("[[Sorry|Apologies]] for the wait.", "sorry for the wait."),
        ("¡Gracias por escribirnos!", "¡gracias por escribirnos!"),
        ("I'm sorry.", "I'm sorry."),
        ("Acme here: sorry.", "Acme here: sorry."),
        ("{agent.first_name} here.", "Sam here."),
        (
            "[[Hello|Hi]] {customer.first_name|there}, we haven't heard back.",
            "we haven't heard back.",
        ),
        (
            "[[¡Buenas|¡Hola]], {customer.first_name|qué tal}! No hemos sabido de ti.",
            "no hemos sabido de ti.",
        ),
    ] {
        assert_eq!(render(src, &c).unwrap(), want, "{src}");
    }
}

/// The team's own replies open in more ways (a hands-on review): after "Hi Sam!" an "I'm" keeps
/// its capital, and so does the brand's name after "Hello Sam."; a greeting on its own line
/// goes too; after the @handle the draft begins with, a greeting without the name goes, and one
/// with it stays until we have written.
#[test]
fn a_greeting_goes_however_the_reply_opens() {
    let mut c = ctx();
    c.answered = true;
    for (src, want) in [
        (
            "Hi {customer.first_name|there}! I'm looking into it now.",
            "Maria, I'm looking into it now.",
        ),
        (
            "Hello {customer.first_name|there}. Acme Rail here, on it.",
            "Maria, Acme Rail here, on it.",
        ),
        (
            "Hello {customer.first_name|there}. ACME is on it.",
            "Maria, ACME is on it.",
        ),
        (
            "Hello {customer.first_name|there}. Thanks for that.",
            "Maria, thanks for that.",
        ),
        (
            "Hi {customer.first_name|there},\n\nthanks for bearing with me.",
            "Maria, thanks for bearing with me.",
        ),
        ("Hi {customer.first_name|there},thanks.", "Hi Maria,thanks."),
    ] {
        assert_eq!(render(src, &c).unwrap(), want, "{src}");
    }
    let src = "Hi {customer.first_name|there}, thank you for your patience.";
    let mut after_handle = Context::new(Lang::En);
    after_handle.customer = Some(Author {
        name: "marco.trails".into(),
        handle: Some("marco.trails".into()),
    });
    after_handle.addressed = true;
    assert_eq!(
        render(src, &after_handle).unwrap(),
        "Thank you for your patience."
    );
    after_handle.customer = Some(Author {
        name: "Marco Rossi".into(),
        handle: Some("marco.trails".into()),
    });
    assert_eq!(
        render(src, &after_handle).unwrap(),
        "Hi Marco, thank you for your patience."
    );
}

/// Initials given as X teams write them, "^SR", sign the replies written "^{agent.initials}"
/// with one caret, not "^^SR" (a hands-on review of the settings page); a reply without its
/// own caret keeps the agent's.
#[test]
fn initials_given_with_a_caret_sign_with_one() {
    let mut c = ctx();
    c.agent_initials = Some(" ^SR ".into());
    assert_eq!(
        render("Thanks! ^{agent.initials}", &c).unwrap(),
        "Thanks! ^SR"
    );
    assert_eq!(
        render("Thanks! {agent.initials}", &c).unwrap(),
        "Thanks! ^SR"
    );
    assert_eq!(
        render("Thanks! -{agent.initials}", &c).unwrap(),
        "Thanks! -^SR"
    );
}
