use super::*;
use crate::core::conversation::{Lang, Surface};

fn scenario_ids(a: &Analysis) -> Vec<&'static str> {
    a.scenarios.iter().map(|(s, _)| s.id()).collect()
}

fn triggers_of(a: &Analysis, s: Scenario) -> Vec<String> {
    a.scenarios
        .iter()
        .find(|(x, _)| *x == s)
        .map(|(_, sig)| sig.triggers.clone())
        .unwrap_or_default()
}

fn main_emotion(a: &Analysis) -> Option<Emotion> {
    a.emotions.first().map(|(e, _)| *e)
}

#[test]
fn empty_input_is_neutral() {
    assert_eq!(analyze(&[]), Analysis::default());
    assert_eq!(analyze(&["", "   "]), Analysis::default());
    assert!(!analyze(&[]).upset());
}

#[test]
fn finds_scenarios_with_triggers_as_written() {
    let a = analyze(&["@AcmeHelp I want my MONEY BACK, the blender arrived broken"]);
    assert_eq!(a.scenarios[0].0, Scenario::Refund, "{a:?}");
    assert_eq!(triggers_of(&a, Scenario::Refund), ["MONEY BACK"]);
    assert!(triggers_of(&a, Scenario::Faulty).contains(&"broken".to_owned()));
    // The @mention is not read as words.
    assert!(a
        .scenarios
        .iter()
        .all(|(_, s)| s.triggers.iter().all(|t| !t.contains("Acme"))));
}

#[test]
fn spanish_scenarios_and_emotions() {
    let a = analyze(&[
        "Sigo esperando el reembolso de mi pedido. ¡Otra vez nadie contesta! Estoy harto",
    ]);
    let ids = scenario_ids(&a);
    assert!(
        ids.contains(&"refund") && ids.contains(&"waiting"),
        "{ids:?}"
    );
    assert_eq!(main_emotion(&a), Some(Emotion::Frustration), "{a:?}");
    let t = &a.emotions[0].1.triggers;
    assert!(
        t.iter().any(|t| t == "Otra vez") && t.iter().any(|t| t == "harto"),
        "{t:?}"
    );
    assert_eq!(a.lang.map(|l| l.code), Some("es"));
    let g = analyze(&["¡Muchas gracias! Ya funciona 🙏"]);
    assert_eq!(main_emotion(&g), Some(Emotion::Gratitude), "{g:?}");
    assert!(g.emotions[0]
        .1
        .triggers
        .iter()
        .any(|t| t.contains("gracias")));
}

#[test]
fn emotions_and_sentiment() {
    let f = analyze(&["This is the third time I've asked, still waiting on a reply"]);
    assert_eq!(main_emotion(&f), Some(Emotion::Frustration), "{f:?}");
    assert!(f.upset());
    let w = analyze(&["I'm really worried, there are charges on my card I don't recognise"]);
    assert_eq!(main_emotion(&w), Some(Emotion::Anxiety), "{w:?}");
    let d = analyze(&["Honestly so disappointed, I expected better from you"]);
    assert_eq!(main_emotion(&d), Some(Emotion::Disappointment), "{d:?}");
    let g = analyze(&["Thank you so much, that fixed it :)"]);
    assert_eq!(g.main_emotion(), Some(Emotion::Gratitude));
    assert_eq!(g.main_scenario(), Some(Scenario::Praise));
    assert!(g.sentiment > 0.5 && !g.upset());
    let n = analyze(&["Thanks for nothing. Useless."]);
    assert_ne!(main_emotion(&n), Some(Emotion::Gratitude), "{n:?}");
    assert!(n.upset());
}

#[test]
fn negation_turns_sentiment_around() {
    let good = analyze(&["The service was good"]).sentiment;
    let not_good = analyze(&["The service was not good"]).sentiment;
    assert!(good > 0.3 && not_good < -0.2, "{good} {not_good}");
    assert!(sentiment::compound("not bad at all") > 0.0);
}

#[test]
fn capitals_read_as_shouting() {
    let calm = analyze(&["my order is late and nobody tells me anything"]);
    let loud = analyze(&["my order is LATE and NOBODY tells me anything"]);
    let anger = |a: &Analysis| {
        a.emotions
            .iter()
            .find(|(e, _)| *e == Emotion::Anger)
            .map(|(_, s)| (s.score, s.triggers.clone()))
    };
    assert!(anger(&calm).is_none(), "{calm:?}");
    let (_, t) = anger(&loud).expect("shouting is anger");
    assert!(t.contains(&"LATE".to_owned()) && t.contains(&"NOBODY".to_owned()));
    // A message all in capitals is not shouting word by word (some people write that way).
    assert!(super::shouting("WHERE IS MY PARCEL").is_empty());
    assert!(super::shouting("DM me about the USA trip").is_empty());
}

#[test]
fn questions_are_found_by_sentence() {
    let q = |t: &str| analyze(&[t]).question.map(|s| s.triggers);
    assert_eq!(
        q("My bill doubled. Why did that happen? I never changed plans."),
        Some(vec!["Why did that happen?".to_owned()])
    );
    assert_eq!(
        q("can you check my order please"),
        Some(vec!["can you check my order please".to_owned()])
    );
    assert_eq!(
        q("¿Cómo cambio mi contraseña"),
        Some(vec!["¿Cómo cambio mi contraseña".to_owned()])
    );
    assert_eq!(
        q("Como puedo cambiar el plan. Gracias").map(|v| v.len()),
        Some(1)
    );
    assert_eq!(q("My bill is wrong. Fix it."), None);
    assert_eq!(q("Thanks!!"), None);
    // An opener followed by "not" states a fact, unless a "?" asks.
    assert_eq!(q("Does not appear that anyone is too concerned."), None);
    assert_eq!(q("Did not arrive. Again."), None);
    assert_eq!(q("Did not."), None);
    assert_eq!(q("did not, sadly"), None);
    // Other openers keep asking.
    assert_eq!(
        q("Why not take the refund"),
        Some(vec!["Why not take the refund".to_owned()])
    );
    assert_eq!(
        q("Does not the plan include roaming?"),
        Some(vec!["Does not the plan include roaming?".to_owned()])
    );
    assert_eq!(
        q("does it work abroad"),
        Some(vec!["does it work abroad".to_owned()])
    );
    // A word joining on to what came before does not hide the question, even with no "?".
    assert_eq!(
        q("So why is this happening"),
        Some(vec!["So why is this happening".to_owned()])
    );
    assert_eq!(
        q("It was fine. But when will it be back"),
        Some(vec!["But when will it be back".to_owned()])
    );
    assert_eq!(
        q("have you changed the app"),
        Some(vec!["have you changed the app".to_owned()])
    );
    assert_eq!(
        q("Where's the prizes, this thing is starting to suck"),
        Some(vec![
            "Where's the prizes, this thing is starting to suck".to_owned()
        ])
    );
    assert_eq!(q("So it works now"), None);
    // After a greeting or a joining word, Spanish openers go on statements as often as they
    // ask: only a "?" says so. French "quand" opens statements too.
    assert_eq!(q("Hola, hay un problema con mi pedido"), None);
    assert_eq!(q("Pero como siempre nadie responde"), None);
    assert_eq!(q("Quand j'ouvre l'appli elle plante"), None);
    assert_eq!(q("When u open the app it crashes"), None);
    assert!(q("Hola, ¿hay algún problema con mi pedido?").is_some());
    // With no "?", a "when" with no verb after it, and "what a", state.
    assert_eq!(q("When I open the app it crashes"), None);
    assert_eq!(q("when your pizza comes cold"), None);
    assert_eq!(q("What a joke"), None);
    assert_eq!(
        q("when will it ship"),
        Some(vec!["when will it ship".to_owned()])
    );
    // A greeting before a comma does not hide the question.
    assert_eq!(
        q("hi all, what's the plan for Sunday").map(|v| v.len()),
        Some(1)
    );
    assert_eq!(q("Sowhat"), None);
    // Only the latest message is asked about.
    let a = analyze(&["How do I reset it?", "Never mind, sorted it"]);
    assert!(a.question.is_none());
}

#[test]
fn language_detection() {
    let g = |t: &str| detect_language(t).map(|l| (l.code, l.confident));
    assert_eq!(
        g("My parcel still has not arrived and it is the third time I ask"),
        Some(("en", true))
    );
    assert_eq!(
        g("Mi pedido todavía no ha llegado y nadie me responde"),
        Some(("es", true))
    );
    assert_eq!(
        g("Mein Paket ist noch nicht da und niemand antwortet mir"),
        Some(("de", true))
    );
    assert_eq!(
        g("Mon colis n'est toujours pas arrivé et personne ne me répond"),
        Some(("fr", true))
    );
    assert_eq!(
        g("Meu pedido ainda não chegou e ninguém me responde"),
        Some(("pt", true))
    );
    assert_eq!(
        g("Il mio ordine non è ancora arrivato e nessuno mi risponde"),
        Some(("it", true))
    );
    assert_eq!(
        g("Mijn pakket is nog niet aangekomen en niemand reageert"),
        Some(("nl", true))
    );
    // A care team's short reply, in the words such replies use.
    assert_eq!(
        g("Sentimos las molestias. Te enviamos un reembolso hoy."),
        Some(("es", true))
    );
    assert_eq!(g("Disculpa, Sam: estamos en ello."), Some(("es", true)));
    // Short texts are guessed but not with confidence.
    assert_eq!(g("gracias"), Some(("es", false)));
    assert!(matches!(g("thanks"), Some((_, false))));
    assert_eq!(g("12345 !!! 😡"), None);
    // Languages with their own script.
    assert_eq!(
        g("問題解決しました、ありがとうございます"),
        Some(("ja", true))
    );
    assert_eq!(g("주문한 물건이 아직 안 왔어요"), Some(("ko", true)));
    assert_eq!(g("मेरा ऑर्डर अभी तक नहीं आया"), Some(("hi", true)));
    assert_eq!(g("Мой заказ до сих пор не пришёл"), Some(("ru", true)));
    assert_eq!(g("@AmazonHelp 谢谢"), Some(("zh", false)));
    assert_eq!(g(""), None);
}

#[test]
fn latest_message_counts_most() {
    let a = analyze(&[
        "My package never arrived",
        "Also I was charged twice for it, please check the bill",
    ]);
    assert_eq!(a.scenarios[0].0, Scenario::Billing, "{a:?}");
    assert!(scenario_ids(&a).contains(&"order-late"));
    // Old context beyond the window is not read.
    let mut many = vec!["refund please"];
    many.extend(std::iter::repeat_n("ok", 10));
    assert!(!scenario_ids(&analyze(&many)).contains(&"refund"));
}

#[test]
fn odd_unicode_and_huge_input() {
    let a = analyze(&["\u{0}\u{feff}😡😡😡 ̈́ ᄀᄀ 𝓇𝑒𝒻𝓊𝓃𝒹 İ\u{202e}tpyrc"]);
    assert!(a.upset(), "{a:?}");
    let huge = "my refund is late and nobody answers ".repeat(20_000);
    let long: Vec<&str> = std::iter::repeat_n(huge.as_str(), 200).collect();
    let a = analyze(&long);
    assert_eq!(a.scenarios.first().map(|(s, _)| *s), Some(Scenario::Refund));
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r.len(), 3);
}

#[test]
fn a_calm_question_is_answered_not_read_as_a_fault_or_a_complaint() {
    // A question before buying: the three ways of answering it, not "I'm so sorry it arrived
    // damaged" or "you're right to be disappointed" as other readings.
    for thread in [
        &[
            "Is the blue jacket back in size M?",
            "I'd like to order it before Friday",
        ][..],
        &["@shop do you ship to Canada?"],
        &["What time does the downtown store open on Sunday?"],
        // Where it goes, asked in Spanish: "entrega" alone is no late order (a hands-on
        // review saw "Siento que tu pedido llegue tarde" offered).
        &["¿Cómo cambio la dirección de entrega?"],
    ] {
        let r = rank(&analyze(thread), Surface::Dm, Lang::En, &[], 3);
        let shown: Vec<Scenario> = r.iter().map(|x| x.suggestion.scenario).collect();
        assert_eq!(shown, [Scenario::HowTo; 3], "{thread:?}: {r:?}");
    }
    // An upset one keeps the fault and the complaint among the other readings.
    let r = rank(
        &analyze(&["How do I get this to work?? Ridiculous, I'm so annoyed"]),
        Surface::Post,
        Lang::En,
        &[],
        3,
    );
    assert!(
        r.iter()
            .any(|x| x.suggestion.scenario == Scenario::Complaint),
        "{r:?}"
    );
    // Hung up on, twice: a complaint, said by the customer's words.
    let a = analyze(&[
        "Trying to set up new service, it says it's transferring me then it hangs up. Twice now.",
    ]);
    assert!(
        a.scenarios.iter().any(|(s, _)| *s == Scenario::Complaint),
        "{a:?}"
    );
    assert_eq!(a.main_emotion(), Some(Emotion::Frustration), "{a:?}");
}

/// A login that fails is an account matter, a question or the service down: no safety
/// holding reply among the readings ("What you describe is never acceptable. If you're in
/// danger…" was offered third, a hands-on review), in English or Spanish.
#[test]
fn a_login_that_fails_gets_no_safety_reply() {
    for (said, lang) in [
        ("Why won't the app let me log in?", Lang::En),
        ("¿Por qué no me deja entrar la app?", Lang::Es),
    ] {
        let r = rank(&analyze(&[said]), Surface::Post, lang, &[], 3);
        assert_eq!(r[0].suggestion.scenario, Scenario::Account, "{said}: {r:?}");
        assert!(
            r.iter().all(|x| x.suggestion.scenario != Scenario::Safety),
            "{said}: {r:?}"
        );
    }
}

#[test]
fn clear_thanks_gets_thank_you_replies_not_a_problem_reply() {
    let ids = |text: &str| -> Vec<&'static str> {
        rank(&analyze(&[text]), Surface::Post, Lang::En, &[], 3)
            .iter()
            .map(|r| r.suggestion.template.id)
            .collect()
    };
    // The practice page's Tom: "exchange" is part of the story of what went well.
    let tom = ids(
        "Just wanted to say thanks: Aisha at the Leeds store sorted my exchange in \
                   five minutes. Brilliant service!",
    );
    assert_eq!(
        &tom[..2],
        ["praise-thanks", "praise-pass-to-team"],
        "{tom:?}"
    );
    assert!(!tom.iter().any(|id| id.starts_with("refund")), "{tom:?}");
    // Thanks, then a problem: the problem keeps its reply.
    let then = ids(
        "Thanks, but I still have 81 cents of credit and the app won't let me close the account",
    );
    assert!(then.iter().any(|id| !id.starts_with("praise")), "{then:?}");
}

#[test]
fn rank_names_triggers_in_the_reason() {
    let a = analyze(&["Third time asking: I want my money back. Still waiting!"]);
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r.len(), 3);
    let refund = r
        .iter()
        .find(|x| x.suggestion.scenario == Scenario::Refund)
        .expect("a refund template is suggested");
    assert!(
        refund.reason.contains("mentions a refund: \"money back\"")
            && refund.reason.contains("sounds frustrated")
            && refund.reason.contains("\"Third time\""),
        "{}",
        refund.reason
    );
    // Recently used templates are demoted.
    let first = r[0].suggestion.template.id;
    let again = rank(&a, Surface::Post, Lang::En, &[first], 3);
    assert_ne!(again[0].suggestion.template.id, first);
}

#[test]
fn rank_lifts_complaint_for_upset_and_praise_for_thanks() {
    let a = analyze(&["My order is late. This is ridiculous and unacceptable!!!"]);
    let s = scenario_scores(&a);
    assert!(s.iter().any(|(x, _)| *x == Scenario::Complaint), "{s:?}");
    let g = analyze(&["Got it working, thank you!"]);
    let s = scenario_scores(&g);
    assert!(s.iter().any(|(x, _)| *x == Scenario::Praise), "{s:?}");
}

#[test]
fn thanks_closing_a_question_is_politeness_not_praise() {
    // "Many thanks" after a question thanks in advance: the question's topic leads.
    for t in [
        "Hi, will you be fixing the bugs and crashes in the Xbox version? Many thanks",
        "Any news why my flight diverted? Thanks",
        // Thanks as strong as the question's own reading: the question still leads.
        "Is the station open on Sunday, or is it a bus? Thanks.",
        "I emailed you on Monday. Could someone answer? Thanks",
    ] {
        let a = analyze(&[t]);
        let s = scenario_scores(&a);
        assert_ne!(s[0].0, Scenario::Praise, "{t}: {s:?}");
    }
    // Thanks with nothing asked still lifts the praise replies.
    let a = analyze(&["The crew fixed it in minutes, many thanks"]);
    assert_eq!(scenario_scores(&a)[0].0, Scenario::Praise, "{a:?}");
}

#[test]
fn rank_falls_back_to_general_replies_and_says_so() {
    let a = analyze(&["hello there"]);
    assert!(a.scenarios.is_empty(), "{a:?}");
    let r = rank(&a, Surface::Post, Lang::Es, &[], 3);
    assert!(!r.is_empty());
    assert!(r
        .iter()
        .all(|x| x.reason.starts_with("nothing specific found")));
    let dm = rank(&a, Surface::Dm, Lang::En, &[], 2);
    assert!(dm.len() <= 2 && !dm.is_empty());
    // Three different readings, not two replies for the same one.
    for lang in [Lang::En, Lang::Es] {
        let mut seen: Vec<Scenario> = rank(&a, Surface::Post, lang, &[], 3)
            .iter()
            .map(|x| x.suggestion.scenario)
            .collect();
        seen.dedup();
        assert_eq!(seen.len(), 3, "{seen:?}");
    }
}

#[test]
fn a_long_thread_is_cheap() {
    let texts: Vec<String> = (0..50)
        .map(|i| format!("Message {i}: still waiting for my refund, the app keeps crashing! Can you help? 😡"))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let _ = analyze(&refs); // the lexicon is parsed once, outside the timing
    let start = std::time::Instant::now();
    let n = 20;
    for _ in 0..n {
        let a = analyze(&refs);
        let _ = rank(&a, Surface::Post, Lang::En, &[], 3);
    }
    let per = start.elapsed() / n;
    eprintln!("analyze + rank, 50-message thread: {per:?}");
    // The budget is 2 ms in an optimised build; unoptimised test builds are far slower.
    let budget = if cfg!(debug_assertions) { 40 } else { 2 };
    assert!(per.as_millis() <= budget, "{per:?} per analysis");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text: no panic, the sentiment stays in range, and every trigger is words the
        /// customer wrote.
        #[test]
        fn any_text_is_safe_and_triggers_are_quotes(
            a in "\\PC{0,200}",
            b in "(?i)(still waiting|refund|thanks|ÑOÑO|😡|¿qué|!!!|[a-zñé ]{0,20}){0,8}",
        ) {
            let texts = [a.as_str(), b.as_str()];
            let r = analyze(&texts);
            prop_assert!((-1.0..=1.0).contains(&r.sentiment));
            let all = format!("{a}\n{b}");
            for (_, s) in r.scenarios.iter().map(|(x, s)| (x.id(), s)).chain(r.emotions.iter().map(|(e, s)| (e.id(), s))) {
                prop_assert!(s.score.is_finite() && s.score > 0.0);
                for t in &s.triggers {
                    prop_assert!(all.contains(t.as_str()), "{t:?} not in {all:?}");
                }
            }
            let _ = rank(&r, Surface::Dm, Lang::Es, &[], 3);
        }
    }
}

#[test]
fn weak_readings_when_no_topic_is_named() {
    // A bare question reads as how-to, quoting the question.
    let q = analyze(&["Do the blue ones come in size 9?"]);
    assert_eq!(q.main_scenario(), Some(Scenario::HowTo), "{q:?}");
    assert_eq!(
        q.scenarios[0].1.triggers,
        ["Do the blue ones come in size 9?"]
    );
    // A reply with no topic in an ongoing conversation follows up; an earlier topic that was
    // clear still leads, with the follow-up as a candidate.
    let f = analyze(&["Hello", "Sure, 12 Elm Street"]);
    assert_eq!(f.main_scenario(), Some(Scenario::FollowUp), "{f:?}");
    let o = analyze(&["My parcel never arrived", "Sure, 12 Elm Street"]);
    assert_eq!(o.main_scenario(), Some(Scenario::OrderLate), "{o:?}");
    assert!(o.scenarios.iter().any(|(s, _)| *s == Scenario::FollowUp));
    // Warm words with no topic read as praise, with the warm words as triggers.
    let p = analyze(&["You folks are wonderful"]);
    assert_eq!(p.main_scenario(), Some(Scenario::Praise), "{p:?}");
    assert!(p.scenarios[0].1.triggers.iter().any(|t| t == "wonderful"));
    // An upset customer also gets the complaint reading.
    let u = analyze(&["My bill is wrong again, this is ridiculous"]);
    assert_eq!(u.main_scenario(), Some(Scenario::Billing), "{u:?}");
    assert!(u.scenarios.iter().any(|(s, _)| *s == Scenario::Complaint));
    // A bare acknowledgement closes.
    assert_eq!(analyze(&["ok"]).main_scenario(), Some(Scenario::FollowUp));
}

#[test]
fn implied_emotions_need_a_named_topic() {
    // A problem report without emotional words reads as frustration, quoting the problem.
    let a = analyze(&["The screen on my new laptop is cracked"]);
    assert_eq!(a.main_emotion(), Some(Emotion::Frustration), "{a:?}");
    assert!(a.emotions[0].1.triggers.iter().any(|t| t == "cracked"));
    assert!(a.implied, "the frustration is implied, not named");
    // Named in the words, it is not implied.
    let named = analyze(&["The screen on my new laptop is cracked, so frustrating"]);
    assert_eq!(named.main_emotion(), Some(Emotion::Frustration));
    assert!(!named.implied, "{named:?}");
    // A plain question does not.
    let q = analyze(&["What time does the store open?"]);
    assert_eq!(q.main_emotion(), None, "{q:?}");
    assert!(!q.implied);
}

#[test]
fn a_device_charging_is_a_fault_and_an_address_change_a_question() {
    for text in [
        "the charger I bought stopped charging after a week",
        "my phone isn't charging anymore",
        "the charging port is loose and it won't charge",
    ] {
        let a = analyze(&[text]);
        assert_eq!(a.main_scenario(), Some(Scenario::Faulty), "{text}: {a:?}");
        assert!(
            !a.scenarios.iter().any(|(s, _)| *s == Scenario::Billing),
            "{text}: {a:?}"
        );
    }
    // Being charged is still a bill's.
    for text in [
        "you keep charging me for a plan I cancelled",
        "why was I charged twice?",
    ] {
        assert_eq!(
            analyze(&[text]).main_scenario(),
            Some(Scenario::Billing),
            "{text}"
        );
    }
    let a = analyze(&["how do I change the delivery address on my order?"]);
    assert_eq!(a.main_scenario(), Some(Scenario::HowTo), "{a:?}");
    // A late order still reads as one.
    let a = analyze(&["my order still hasn't been delivered, it's a week late"]);
    assert_eq!(a.main_scenario(), Some(Scenario::OrderLate), "{a:?}");
}

#[test]
fn a_hello_is_answered_with_an_apology_for_the_wait_only_when_it_is_late() {
    let a = analyze(&["@AcmeHelp hello"]);
    let waits = |r: &[Ranked]| {
        r.iter()
            .filter(|x| x.suggestion.template.scenarios.first() == Some(&Scenario::Waiting))
            .count()
    };
    for surface in [Surface::Post, Surface::Dm] {
        let on_time = rank_at(&a, surface, Lang::En, 3, false, &[]);
        assert_eq!(waits(&on_time), 0, "{surface}: {:?}", ids_of(&on_time));
        assert!(!on_time.is_empty());
        let late = rank_at(&a, surface, Lang::En, 3, true, &[]);
        assert!(waits(&late) >= 1, "{surface}: {:?}", ids_of(&late));
    }
    // Words of waiting bring the waiting replies whatever the clock says.
    let a = analyze(&["still waiting for an answer, nobody has replied"]);
    let on_time = rank_at(&a, Surface::Post, Lang::En, 3, false, &[]);
    assert_eq!(
        on_time[0].suggestion.scenario,
        Scenario::Waiting,
        "{:?}",
        ids_of(&on_time)
    );
}

#[test]
fn a_reply_inserted_in_this_conversation_gives_way_to_another_of_its_kind_only() {
    for (said, surface) in [
        (
            "I want a refund for the broken kettle, it never worked",
            Surface::Dm,
        ),
        ("My order still hasn't arrived, where is it?", Surface::Post),
        ("Thank you so much, brilliant service!", Surface::Post),
    ] {
        let a = analyze(&[said]);
        let before = rank_at(&a, surface, Lang::En, 3, false, &[]);
        let first = before[0].suggestion.template.id;
        let after = rank_at(&a, surface, Lang::En, 3, false, &[first]);
        let scenarios = |r: &[Ranked]| r.iter().map(|x| x.suggestion.scenario).collect::<Vec<_>>();
        // The same kinds of reply in the same order, the first in another template.
        assert_eq!(
            scenarios(&after),
            scenarios(&before),
            "{said}: {:?}",
            ids_of(&after)
        );
        assert_ne!(
            after[0].suggestion.template.id,
            first,
            "{said}: {:?}",
            ids_of(&after)
        );
        assert!(
            after[0]
                .suggestion
                .template
                .scenarios
                .contains(&before[0].suggestion.scenario),
            "{said}: {:?}",
            ids_of(&after)
        );
    }
    // A kind with one template for the surface keeps it.
    let a = analyze(&["Is this a scam? Someone is asking for my bank details"]);
    let before = rank_at(&a, Surface::Post, Lang::En, 3, false, &[]);
    let ids: Vec<&str> = before.iter().map(|r| r.suggestion.template.id).collect();
    let after = rank_at(&a, Surface::Post, Lang::En, 3, false, &ids);
    assert_eq!(
        after
            .iter()
            .map(|r| r.suggestion.scenario)
            .collect::<Vec<_>>(),
        before
            .iter()
            .map(|r| r.suggestion.scenario)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_double_charge_and_a_refund_asked_in_spanish_get_the_replies_english_gets() {
    // The X Chat fixture's conversation, in English and as a Spanish customer writes it.
    let en = analyze(&[
        "Hi, I was charged twice for my subscription this month",
        "Can you refund one of them?",
    ]);
    let en = ids_of(&rank(&en, Surface::Dm, Lang::En, &[], 3));
    assert!(
        en.contains(&"billing-double-charge") && en.iter().any(|i| i.starts_with("refund")),
        "{en:?}"
    );
    for said in [
        [
            "Hola, me cobraron dos veces la suscripción este mes",
            "¿Me pueden reembolsar uno de los dos?",
        ],
        [
            "Hola, me han cobrado dos veces la suscripción este mes",
            "¿Podéis devolverme uno de los cargos?",
        ],
        [
            "Hola, me cobraron dos veces la suscripción este mes",
            "¿Me pueden devolver el dinero de uno de los cobros?",
        ],
        // "Devolver" alone, as a customer says it: money given back, not an item sent back.
        [
            "Hola, me cobraron dos veces la suscripción este mes",
            "¿Me pueden devolver uno de los cobros?",
        ],
    ] {
        let a = analyze(&said);
        let es = ids_of(&rank(&a, Surface::Dm, Lang::Es, &[], 3));
        assert!(es.contains(&"billing-double-charge"), "{said:?}: {es:?}");
        assert!(es.contains(&"refund-acknowledge"), "{said:?}: {es:?}");
        assert!(
            !es.contains(&"refund-how-to-return"),
            "money back, not how to return an item: {said:?}: {es:?}"
        );
    }
}

#[test]
fn an_item_sent_back_in_spanish_gets_the_reply_on_returning_it() {
    for said in [
        "¿Cómo puedo devolver el abrigo? Me queda pequeño",
        "Quiero devolver las zapatillas",
    ] {
        let es = ids_of(&rank(&analyze(&[said]), Surface::Post, Lang::Es, &[], 3));
        assert_eq!(es[0], "refund-how-to-return", "{said:?}: {es:?}");
    }
}

fn ids_of(r: &[Ranked]) -> Vec<&'static str> {
    r.iter().map(|x| x.suggestion.template.id).collect()
}

#[test]
fn reasons_quote_no_topic_words_as_feelings_and_say_a_feeling_once() {
    // No feeling words: the frustration is read from the problem, for every suggestion.
    let a = analyze(&["My order hasn't arrived and the delivery date has passed"]);
    assert!(a.implied, "{a:?}");
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r.len(), 3);
    for x in &r {
        assert!(!x.reason.contains("sounds frustrated"), "{}", x.reason);
        assert!(
            x.reason.matches("likely frustrated").count() <= 1,
            "{}",
            x.reason
        );
    }
    // A feeling in the customer's words is said once, with them, whatever the suggestion.
    for text in [
        "Not happy with this at all",
        "This is ridiculous, I'm furious",
    ] {
        let a = analyze(&[text]);
        for x in rank(&a, Surface::Post, Lang::En, &[], 3) {
            let feelings = [
                "sounds upset",
                "sounds angry",
                "sounds frustrated",
                "sounds disappointed",
            ]
            .iter()
            .filter(|f| x.reason.contains(*f))
            .count();
            assert!(feelings <= 1, "{text}: {}", x.reason);
            assert!(!x.reason.is_empty(), "{text}");
        }
    }
}

#[test]
fn reasons_say_shared_words_once() {
    // A refund request with no feeling words: the frustration is read from the problem, so it
    // is "likely", and "refund" is not shown as a sign of frustration.
    let a = analyze(&["Can you refund one of them?"]);
    let r = rank(&a, Surface::Dm, Lang::En, &[], 3);
    let refund = r
        .iter()
        .find(|x| x.suggestion.scenario == Scenario::Refund)
        .expect("a refund template is suggested");
    assert!(
        !refund.reason.contains("sounds frustrated: \"refund\""),
        "{}",
        refund.reason
    );
    // A complaint read from the feelings shows the words with the feeling only.
    let a = analyze(&["Third time asking and still nothing"]);
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    for x in r
        .iter()
        .filter(|x| x.suggestion.scenario == Scenario::Complaint)
    {
        assert_eq!(x.reason.matches("Third time").count(), 1, "{}", x.reason);
    }
}

#[test]
fn rank_offers_the_usual_alternatives_as_other_readings() {
    // One clear reading: the other two suggestions are its usual alternatives, not a second
    // template for the same reading, and their reason does not pretend to have found them.
    let mut a = analyze(&["Well done on the new menu, loved it"]);
    a.answered = true;
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    let shown: Vec<Scenario> = r.iter().map(|x| x.suggestion.scenario).collect();
    assert_eq!(
        shown,
        [Scenario::Praise, Scenario::FollowUp, Scenario::Feedback],
        "{r:?}"
    );
    assert!(!r[2].reason.contains("gives feedback"), "{}", r[2].reason);
    // A late parcel: waiting is among the other readings.
    let a = analyze(&["My parcel never arrived"]);
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r[0].suggestion.scenario, Scenario::OrderLate, "{r:?}");
    assert!(
        r.iter().any(|x| x.suggestion.scenario == Scenario::Waiting),
        "{r:?}"
    );
    // Scenarios found in the words keep their place ahead of the alternatives.
    let s = scenario_scores(&analyze(&["I was charged twice, I want a refund"]));
    let first_two: Vec<Scenario> = s.iter().take(2).map(|x| x.0).collect();
    assert!(
        first_two.contains(&Scenario::Refund) && first_two.contains(&Scenario::Billing),
        "{s:?}"
    );
    // A weak reading found in the words still comes before the guessed alternatives.
    let mut waiting = analyze(&["Still waiting for a reply after days, and the wifi"]);
    waiting.answered = true;
    let s = scenario_scores(&waiting);
    let at = |x: Scenario| s.iter().position(|(y, _)| *y == x);
    assert_eq!(s[0].0, Scenario::Waiting, "{s:?}");
    assert!(at(Scenario::Outage) < at(Scenario::FollowUp), "{s:?}");
    // Praise offered as an alternative is not read as thanks.
    let f = analyze(&["ok will do", "my order is late"]);
    let r = rank(&f, Surface::Post, Lang::En, &[], 3);
    assert!(r.iter().all(|x| x.reason != "thanks you"), "{r:?}");
}

#[test]
fn phrase_rules_for_prices_logins_outages_and_short_thanks() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    // A monthly price is a billing matter, in English and Spanish.
    assert_eq!(
        main("Why is my plan now 45 dollars per month?"),
        Some(Scenario::Billing)
    );
    assert_eq!(
        main("Me suben la cuota mensual sin avisar"),
        Some(Scenario::Billing)
    );
    assert_eq!(main("Will you do a price match?"), Some(Scenario::Billing));
    // Logging in is an account matter; "security" alone is only a hint.
    assert_eq!(
        main("The app keeps logging me out and won't log me in"),
        Some(Scenario::Account)
    );
    assert_eq!(
        main("No puedo hacer inicio de sesión"),
        Some(Scenario::Account)
    );
    assert_ne!(
        main("Security at the airport was quick today"),
        Some(Scenario::Account)
    );
    // Asking whether something is going on reads as an outage.
    assert_eq!(
        main("Is something going on with the trains this morning?"),
        Some(Scenario::Outage)
    );
    assert_eq!(main("¿Algo pasa con la red hoy?"), Some(Scenario::Outage));
    // Short forms of thanks are praise.
    assert_eq!(main("thx!"), Some(Scenario::Praise));
    assert_eq!(main("Much appreciated"), Some(Scenario::Praise));
    // Wanting to order is not a late order.
    assert_ne!(
        main("I want to order the blue one but checkout fails"),
        Some(Scenario::OrderLate)
    );
    assert_eq!(main("My order never arrived"), Some(Scenario::OrderLate));
    // A fault that started with an update, even in a message naming no symptom.
    assert_eq!(
        main("Everything is sluggish since updating my laptop"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("La app va fatal desde la actualización"),
        Some(Scenario::Faulty)
    );
    assert_ne!(main("Thanks for the update!"), Some(Scenario::Faulty));
    // Asking when something will happen is waiting.
    let w = analyze(&["When will my refund come through?"]);
    assert!(
        w.scenarios.iter().any(|(s, _)| *s == Scenario::Waiting),
        "{w:?}"
    );
}

#[test]
fn word_prefixes_do_not_catch_unrelated_words() {
    let has = |t: &str, s: Scenario| analyze(&[t]).scenarios.iter().any(|(x, _)| *x == s);
    // "fee" is not "feel" or "feedback", "cost" not "costume", a charger is not a charge.
    assert!(!has(
        "I feel like nobody reads my feedback",
        Scenario::Billing
    ));
    assert!(!has(
        "Loved the costume party at your store",
        Scenario::Billing
    ));
    assert!(!has("My phone charger stopped working", Scenario::Billing));
    assert!(has("Why is there a $5 fee on my bill?", Scenario::Billing));
    assert!(has("You charged me twice", Scenario::Billing));
    // "in order to" is not an order, a return flight is not a return, a waiter is not a wait.
    assert!(!has(
        "I called in order to change my seat",
        Scenario::OrderLate
    ));
    assert!(!has(
        "Can I change my return flight to Sunday?",
        Scenario::Refund
    ));
    assert!(!has(
        "The waitress at the airport lounge",
        Scenario::Waiting
    ));
    assert!(has("I want to return these shoes", Scenario::Refund));
    assert!(has("Still waiting for my order", Scenario::Waiting));
}

#[test]
fn an_answer_to_our_question_takes_its_topic_from_the_question() {
    let customer = [
        "The app is so slow since yesterday",
        "Yes, all of them. Mac, Sonoma",
    ];
    let ours = ["Sorry! Which version are you on, and does it happen with every file?"];
    // Without our question the answer reads as a follow-up.
    assert_eq!(analyze(&customer).main_scenario(), Some(Scenario::FollowUp));
    let a = analyze_thread(&customer, &ours);
    assert_eq!(a.main_scenario(), Some(Scenario::Faulty), "{a:?}");
    let (_, said) = a.ours.iter().find(|(s, _)| *s == Scenario::Faulty).unwrap();
    assert_eq!(said.triggers[0], "Which version");
    // The reason shows our words as ours.
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r[0].suggestion.scenario, Scenario::Faulty);
    assert!(
        r[0].reason
            .contains("answers our question: \"Which version\""),
        "{}",
        r[0].reason
    );
    // Our words count only when the customer answers a question of ours with no topic of
    // their own: not after a statement, nor when they name a topic or ask something.
    let statement = ["Sorry! We've passed this to our developers to check which version broke it."];
    assert!(analyze_thread(&customer, &statement).ours.is_empty());
    let thanks = ["The app is so slow", "Thanks, I'll wait for the fix"];
    assert!(analyze_thread(&thanks[..1], &ours).ours.is_empty());
    let asked = ["The app is so slow", "Which version do you mean?"];
    assert!(analyze_thread(&asked, &ours).ours.is_empty());
    assert_eq!(analyze_thread(&customer, &[]), analyze(&customer));
    // Other questions agents ask while handling a case.
    let asked_area = ["Sorry about that! What's your zip code, so we can check?"];
    let zip = analyze_thread(&["hi", "90210"], &asked_area);
    assert_eq!(zip.main_scenario(), Some(Scenario::Outage), "{zip:?}");
}

#[test]
fn wider_phrases_for_delays_faults_feedback_accounts_and_payments() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    // Delays in the words of someone left waiting.
    assert_eq!(
        main("Three days later and they never called me back"),
        Some(Scenario::Waiting)
    );
    // A plane that does not leave, or waits for a gate.
    assert_eq!(
        main("We have been sitting on the tarmac for two hours"),
        Some(Scenario::Waiting)
    );
    assert_eq!(
        main("Landed early and there is no gate, we are stuck in our seats"),
        Some(Scenario::Waiting)
    );
    assert_eq!(
        main("Hace una semana que escribí y no me han contestado"),
        Some(Scenario::Waiting)
    );
    // Device faults.
    assert_eq!(
        main("My tablet keeps restarting and the battery drains in an hour"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("El móvil se reinicia solo cada rato"),
        Some(Scenario::Faulty)
    );
    // Opinions about the product are feedback.
    assert_eq!(
        main("Not a fan of the new recipe, I'd like to see the old one back"),
        Some(Scenario::Feedback)
    );
    assert_eq!(
        main("The signup form makes the phone number a required field"),
        Some(Scenario::Feedback)
    );
    assert_eq!(
        main("Two layers of plastic on one lemon. Is it really necessary?"),
        Some(Scenario::Feedback)
    );
    assert_eq!(
        main("Could you do something similar for the winter range"),
        Some(Scenario::Feedback)
    );
    // Getting into or closing an account.
    assert_eq!(
        main("I forgot my password and can't access my profile"),
        Some(Scenario::Account)
    );
    assert_eq!(main("How do I delete my account?"), Some(Scenario::Account));
    // Payments that fail and prices that change.
    assert_eq!(
        main("My card was declined twice at the self checkout"),
        Some(Scenario::Billing)
    );
    assert_eq!(
        main("The price went up the day after I bought it"),
        Some(Scenario::Billing)
    );
    assert_eq!(
        main("Me cobraron dos veces el mismo pedido"),
        Some(Scenario::Billing)
    );
}

#[test]
fn wider_phrases_for_refunds_outages_private_messages_and_deliveries() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("I sent it back two weeks ago, I just want a full refund"),
        Some(Scenario::Refund)
    );
    assert_eq!(
        main("Quiero el reintegro de lo que pagué"),
        Some(Scenario::Refund)
    );
    assert_eq!(
        main("Power cut on our whole street since 6am"),
        Some(Scenario::Outage)
    );
    assert_eq!(
        main("No bars and can't make calls anywhere in town"),
        Some(Scenario::Outage)
    );
    assert_eq!(
        main("I can't DM you, your DMs are closed"),
        Some(Scenario::MoveToDm)
    );
    assert_eq!(main("Te lo mandé por md"), Some(Scenario::MoveToDm));
    assert_eq!(
        main("It says delivered but it was delivered to the wrong house"),
        Some(Scenario::OrderLate)
    );
    assert_eq!(
        main("Todavía no llega mi paquete"),
        Some(Scenario::OrderLate)
    );
}

#[test]
fn warm_words_answering_us_are_a_close_before_praise() {
    let warm = ["Sounds lovely, count me in!"];
    let alone = analyze(&warm);
    assert_eq!(alone.main_scenario(), Some(Scenario::Praise), "{alone:?}");
    let replying = analyze_thread(&warm, &["Who's joining us for the tasting on Friday?"]);
    assert_eq!(
        replying.main_scenario(),
        Some(Scenario::FollowUp),
        "{replying:?}"
    );
    assert!(replying
        .scenarios
        .iter()
        .any(|(s, _)| *s == Scenario::Praise));
}

#[test]
fn a_topic_only_earlier_messages_name_comes_after_the_latest_ones() {
    let a = analyze(&[
        "I want a full refund, my money back, reimbursed today",
        "Also the app keeps crashing",
    ]);
    assert_eq!(scenario_ids(&a)[..2], ["faulty", "refund"], "{a:?}");
    // With no topic of its own, the latest message leaves the earlier topic first.
    let b = analyze(&["I want a full refund, my money back", "Sure, 12 Elm Street"]);
    assert_eq!(b.main_scenario(), Some(Scenario::Refund), "{b:?}");
}

#[test]
fn wider_phrases_for_questions_about_the_product() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("Quick question: is the charger compatible with the older model"),
        Some(Scenario::HowTo)
    );
    assert_eq!(
        main("I was wondering what the opening hours are on Sunday"),
        Some(Scenario::HowTo)
    );
    assert_eq!(
        main("Tengo una duda sobre el horario de la tienda"),
        Some(Scenario::HowTo)
    );
    // Asking for help is not a topic of its own: the account is.
    assert_eq!(
        main("I'm unable to activate my student account, can you help me?"),
        Some(Scenario::Account)
    );
}

#[test]
fn wider_phrases_for_complaints_follow_ups_and_safety() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("The lady at the desk laughed at me and refused to look"),
        Some(Scenario::Complaint)
    );
    assert_eq!(
        main("Worst experience ever, you lost a customer"),
        Some(Scenario::Complaint)
    );
    assert_eq!(main("Me trataron fatal en caja"), Some(Scenario::Complaint));
    assert_eq!(
        main("Here you go, I'll let you know if it happens again"),
        Some(Scenario::FollowUp)
    );
    assert_eq!(main("Ya lo hice, te aviso"), Some(Scenario::FollowUp));
    // Checking in at an airport is not a follow-up.
    let c = analyze(&["Will check in charge me for the second bag"]);
    assert!(
        c.scenarios.iter().all(|(s, _)| *s != Scenario::FollowUp),
        "{c:?}"
    );
    assert_eq!(
        main("My son had an allergic reaction to the cookies"),
        Some(Scenario::Safety)
    );
    assert_eq!(
        main("There's a gas leak smell at your station"),
        Some(Scenario::Safety)
    );
    assert_eq!(
        main("Voy a denunciar esto ante consumidor"),
        Some(Scenario::Safety)
    );
    // A rider touched by a driver, a guest whose safety was brushed off.
    assert_eq!(
        main("The driver kept touching me and would not stop"),
        Some(Scenario::Safety)
    );
    assert_eq!(
        main("The hotel was not concerned for our safety at all"),
        Some(Scenario::Safety)
    );
    // Harassment or assault told as a bad experience, even in anger, is answered first by the
    // holding reply for it (not the product-hazard one: "stop using the product").
    for t in [
        "Your driver was so weird, he grabbed and touched my butt when I got out, worst ride ever",
        "The waiter made sexual comments the whole evening, awful service",
        "One of your staff has been stalking me on Instagram since my visit",
        "The courier followed me home after the delivery and I am scared",
        "The driver kept touching me and would not stop",
        "Me siento acosada por uno de vuestros repartidores",
    ] {
        let a = analyze(&[t]);
        for surface in [Surface::Post, Surface::Dm] {
            let r = rank(&a, surface, Lang::En, &[], 3);
            assert_eq!(
                r[0].suggestion.template.id,
                "safety-personal-harm",
                "{t}: {:?}",
                r.iter()
                    .map(|x| x.suggestion.template.id)
                    .collect::<Vec<_>>()
            );
        }
    }
    // A stalked menu is no stalker.
    let a = analyze(&["I've been stalking your new menu all week, can't wait"]);
    assert!(
        a.scenarios.iter().all(|(s, _)| *s != Scenario::Safety),
        "{a:?}"
    );
}

#[test]
fn waiting_in_the_words_of_someone_who_cannot_get_through() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("Been calling since this morning and can't get through"),
        Some(Scenario::Waiting)
    );
    assert_eq!(
        main("Please respond to my email, it's been 48 hours"),
        Some(Scenario::Waiting)
    );
    assert_eq!(
        main("Llevo días llamando y nadie atiende"),
        Some(Scenario::Waiting)
    );
}

#[test]
fn a_pre_order_is_a_question_not_a_late_order() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("Is it too late to pre-order the new console with my plan"),
        Some(Scenario::HowTo)
    );
    assert_eq!(
        main("My pre-order still hasn't arrived"),
        Some(Scenario::OrderLate)
    );
}

#[test]
fn one_who_means_to_order_asks_a_question_and_has_no_late_order() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    // The Instagram practice fixture: the panel offered "Order running late".
    assert_eq!(
        analyze(&[
            "Hey! Is the blue jacket back in size M?",
            "I'd like to order it before Friday"
        ])
        .main_scenario(),
        Some(Scenario::HowTo)
    );
    assert_eq!(main("Can I order this online?"), Some(Scenario::HowTo));
    assert_eq!(
        main("Is the grinder back in stock? I want to order two"),
        Some(Scenario::HowTo)
    );
    // The noun stays a late order's.
    assert_eq!(
        main("I ordered it two weeks ago and it still hasn't arrived"),
        Some(Scenario::OrderLate)
    );
    assert_eq!(main("Where is my order?"), Some(Scenario::OrderLate));
}

#[test]
fn praise_with_a_wish_is_feedback_and_product_names_are_not_hazards() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("Love the new app, my only complaint is the tiny font"),
        Some(Scenario::Feedback)
    );
    assert_eq!(
        main("Es una pena que quitaran el modo oscuro"),
        Some(Scenario::Feedback)
    );
    // A product called Fire, a memory, a follow: no safety reading.
    for t in [
        "My Fire stick remote is not pairing",
        "I don't recall ordering this",
        "She followed me back",
    ] {
        let a = analyze(&[t]);
        assert!(
            a.scenarios.iter().all(|(s, _)| *s != Scenario::Safety),
            "{t}: {a:?}"
        );
    }
}

#[test]
fn asking_why_my_thing_misbehaves_is_a_fault() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("Why won't my headset show up on the list?"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("What's wrong with the camera on this thing?"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("¿Por qué no funciona el mando?"),
        Some(Scenario::Faulty)
    );
    // Asking why of something else stays a question.
    assert_eq!(
        main("Why do you close so early on Sundays?"),
        Some(Scenario::HowTo)
    );
}

#[test]
fn changing_ones_details_is_an_account_matter_and_returns_are_refunds() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("How do I update my details after moving?"),
        Some(Scenario::Account)
    );
    assert_eq!(
        main("Quiero cambiar mi correo y mis datos"),
        Some(Scenario::Account)
    );
    assert_eq!(
        main("What is your return policy for opened items?"),
        Some(Scenario::Refund)
    );
}

#[test]
fn asking_for_a_replacement_or_repair_is_the_fault_not_a_how_to() {
    // The Messenger fixture: a product that stopped working, our question for the order
    // number, and the customer's answer asking for a replacement.
    let customer = [
        "Hi, my coffee grinder stopped working after two weeks",
        "It's 55012. Can I get a replacement?",
    ];
    let ours = ["So sorry to hear that, Jane. Could you tell me the order number?"];
    let a = analyze_thread(&customer, &ours);
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r[0].suggestion.scenario, Scenario::Faulty, "{a:?}");
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("Can you send me a replacement? The lid cracked"),
        Some(Scenario::Faulty)
    );
    assert_eq!(main("Can I get it repaired?"), Some(Scenario::Faulty));
    assert_eq!(
        main("¿Me pueden mandar un reemplazo? Llegó roto"),
        Some(Scenario::Faulty)
    );
    // A question that names a refund is the refund.
    assert_eq!(main("Can I get a refund for it?"), Some(Scenario::Refund));
    // Replacement transport is no fault.
    assert_ne!(
        main("Is there a replacement bus service tonight?"),
        Some(Scenario::Faulty)
    );
}

#[test]
fn thanks_after_a_complaint_is_not_lifted_into_a_complaint() {
    // The latest message is a bare thank-you; the frustration is the earlier message's.
    let customer = [
        "The new menu is horrible, such an annoying experience",
        "Thanks",
    ];
    let a = analyze_thread(&customer, &["Sorry! We'll pass that on to the team."]);
    let s = scenario_scores(&a);
    assert_eq!(s[0].0, Scenario::Praise, "{s:?}");
}

#[test]
fn a_why_question_is_read_as_its_topic_before_how_to() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    // "Why …?" is most often a complaint or a fault put as a question.
    assert_eq!(main("Why is it always late?"), Some(Scenario::OrderLate));
    assert_eq!(
        main("¿Por qué siempre llega tarde el pedido?"),
        Some(Scenario::OrderLate)
    );
    // Other questions still read as how-to, and a why question with no topic too.
    assert_eq!(main("How late is it?"), Some(Scenario::HowTo));
    assert_eq!(
        main("Why do you close so early on Sundays?"),
        Some(Scenario::HowTo)
    );
}

#[test]
fn questions_that_ask_for_no_answer_are_read_as_their_topic() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    // Put as questions, these are complaints: the topic named comes before how-to.
    assert_eq!(
        main("What’s with the fee on my statement?!"),
        Some(Scenario::Billing)
    );
    assert_eq!(
        main("How come the app is glitchy again?"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("Seriously? Another rude employee at the desk?"),
        Some(Scenario::Complaint)
    );
    assert_eq!(main("What's with the prices?"), Some(Scenario::Billing));
    assert_eq!(main("Seriously, the app again?"), Some(Scenario::Complaint));
    // The same weak topic: put plainly it asks how, put so it remarks on the change.
    assert_eq!(main("Is there a new app update?"), Some(Scenario::HowTo));
    assert_eq!(
        main("What’s with the new app update?"),
        Some(Scenario::Feedback)
    );
}

#[test]
fn asking_what_to_do_about_a_problem_is_about_the_problem() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("My boots from you leaked on the first day 😞 what can I do?"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("I was charged twice, what should I do?"),
        Some(Scenario::Billing)
    );
    // With no problem named, or with another how-to question beside it, it is a how-to.
    assert_eq!(
        main("What can I do with the old filters?"),
        Some(Scenario::HowTo)
    );
    let a = analyze(&["My boots leaked. What can I do, and how do I send them back?"]);
    assert_eq!(a.main_scenario(), Some(Scenario::HowTo), "{a:?}");
}

#[test]
fn a_bare_answer_after_a_clear_problem_goes_on_with_it() {
    // The earlier message names a parcel; the reply names nothing of its own.
    let a = analyze(&["About my parcel", "Blue door, number 12"]);
    assert_eq!(a.main_scenario(), Some(Scenario::OrderLate), "{a:?}");
    // An answer carries no feeling of its own: none is read into it from the problem.
    let b = analyze(&["My bill", "Blue door, number 12"]);
    assert_eq!(b.main_scenario(), Some(Scenario::Billing), "{b:?}");
    assert!(b.emotions.is_empty(), "{b:?}");
    // A weakly named earlier topic does not take over: the reply follows up.
    let weak = analyze(&["Since yesterday", "Blue door, number 12"]);
    assert_eq!(weak.main_scenario(), Some(Scenario::FollowUp), "{weak:?}");
}

#[test]
fn thanks_in_an_earlier_message_are_not_the_latest_feeling() {
    let a = analyze(&[
        "Thank you so much, that was quick!",
        "I would like to know where the seat number shows on the booking",
    ]);
    assert_ne!(a.main_emotion(), Some(Emotion::Gratitude), "{a:?}");
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r[0].suggestion.scenario, Scenario::HowTo, "{a:?}");
    // Thanks in the latest message still count.
    let b = analyze(&["My seat is 12A", "Thank you so much, that was quick!"]);
    assert_eq!(b.main_emotion(), Some(Emotion::Gratitude), "{b:?}");
}

#[test]
fn general_cues_for_many_affected_restored_service_bans_receipt_dates_and_restricted_items() {
    for (text, want) in [
        // Many others affected is an outage.
        (
            "It keeps kicking out lots of players tonight",
            Scenario::Outage,
        ),
        // Service that came back closes the case.
        ("The cable came back on an hour ago", Scenario::FollowUp),
        // A ban or a restriction is an account matter, even asked as "is there a way".
        (
            "Is there a way to get my profile unbanned",
            Scenario::Account,
        ),
        ("My messages to buyers are restricted", Scenario::Account),
        // Restricted items are a question of what may be carried, not of the account.
        (
            "Why are batteries on the list of restricted items for checked bags?",
            Scenario::HowTo,
        ),
        // Asking when something will be received is about the order.
        (
            "I paid last week, when will I receive my product",
            Scenario::OrderLate,
        ),
        // A fault that has lasted is a fault, even when it is said with a duration.
        (
            "The picture has been like this for a while now",
            Scenario::Faulty,
        ),
        // Looking forward to the next trip is praise.
        ("We fly with you in May, see you all then", Scenario::Praise),
    ] {
        let a = analyze(&[text]);
        assert_eq!(a.main_scenario(), Some(want), "{text}: {a:?}");
    }
    // A connection said to work is not an outage.
    let fine = analyze(&["The console errors but my internet connection is working fine"]);
    assert_ne!(fine.main_scenario(), Some(Scenario::Outage), "{fine:?}");
}

#[test]
fn replies_are_suggested_in_the_customers_language_when_it_is_clear() {
    let english = analyze(&["Love the new winter blend, it is perfect with oat milk!"]);
    let spanish = analyze(&["Mi pedido no ha llegado y nadie me responde, ¿qué pasa?"]);
    let unclear = analyze(&["ok 👍"]);
    // The customer's language wins over the page's (the agent's UI language)…
    assert_eq!(
        english.reply_lang(Some(Lang::Es)),
        Lang::En,
        "{:?}",
        english.lang
    );
    assert_eq!(
        spanish.reply_lang(Some(Lang::En)),
        Lang::Es,
        "{:?}",
        spanish.lang
    );
    // …and when it cannot be told, or the library lacks it, the page's language is used.
    assert_eq!(unclear.reply_lang(Some(Lang::Es)), Lang::Es);
    assert_eq!(unclear.reply_lang(None), Lang::En);
    let german = analyze(&["Meine Bestellung ist immer noch nicht angekommen, was ist los?"]);
    assert_eq!(
        german.reply_lang(Some(Lang::Es)),
        Lang::Es,
        "{:?}",
        german.lang
    );
}

#[test]
fn everyday_words_of_other_languages_are_read() {
    // German, French, Portuguese and Japanese: the replies stay in English or Spanish, but the
    // agent sees what the customer's message is about.
    let main = |t: &str| analyze(&[t]).main_scenario();
    for (t, s) in [
        (
            "Mein Paket ist immer noch nicht angekommen",
            Scenario::OrderLate,
        ),
        ("Das Gerät ist kaputt", Scenario::Faulty),
        ("Ich will mein Geld zurück", Scenario::Refund),
        (
            "Mein Passwort geht nicht, ich kann mich nicht einloggen",
            Scenario::Account,
        ),
        ("Seit gestern kein Internet, Störung?", Scenario::Outage),
        (
            "Ma commande n'est toujours pas arrivée",
            Scenario::OrderLate,
        ),
        ("On m'a prélevé deux fois ce mois-ci", Scenario::Billing),
        ("Mon téléphone ne fonctionne plus", Scenario::Faulty),
        (
            "J'attends un remboursement depuis trois semaines",
            Scenario::Refund,
        ),
        ("Meu pedido ainda não chegou", Scenario::OrderLate),
        ("Fui cobrado duas vezes na fatura", Scenario::Billing),
        (
            "A minha conta foi bloqueada e não lembro a senha",
            Scenario::Account,
        ),
        ("注文した商品がまだ届きません", Scenario::OrderLate),
        ("パスワードを忘れてログインできません", Scenario::Account),
        ("テレビが映りません", Scenario::Faulty),
        ("返金してください", Scenario::Refund),
        ("請求が二重になっています", Scenario::Billing),
    ] {
        assert_eq!(main(t), Some(s), "{t}");
    }
    // A full-width question mark asks, as "?" does.
    assert!(analyze(&["支払い方法は変わりましたか？"])
        .question
        .is_some());
    assert!(analyze(&["Warum kann ich nicht bezahlen"])
        .question
        .is_some());
    // Thanks in those languages is gratitude.
    for t in [
        "Vielen Dank!",
        "Merci beaucoup",
        "Muito obrigada",
        "助かりました",
    ] {
        assert_eq!(
            analyze(&[t]).main_emotion(),
            Some(Emotion::Gratitude),
            "{t}"
        );
    }
}

#[test]
fn like_as_a_comparison_is_not_warm() {
    // "like" is in the lexicon as the verb; as a comparison it is no praise.
    let a = analyze(&["Why is the app like this?"]);
    assert_ne!(a.main_scenario(), Some(Scenario::Praise), "{a:?}");
    assert!(!scenario_ids(&a).contains(&"praise"), "{a:?}");
    // As the verb it still reads warm.
    let b = analyze(&["I really like this"]);
    assert_eq!(b.main_scenario(), Some(Scenario::Praise), "{b:?}");
    // In a request it is no warmth either: "would like to" asks for something.
    let c = analyze(&["I would like to go there tomorrow"]);
    assert!(!scenario_ids(&c).contains(&"praise"), "{c:?}");
    let d = analyze(&["I'd like that very much"]);
    assert_eq!(d.main_scenario(), Some(Scenario::Praise), "{d:?}");
}

#[test]
fn asking_to_speak_to_someone_is_a_how_to() {
    // Asking to be put through is a how-to question (how do I reach them), not praise read
    // from "like".
    for t in [
        "I would like to speak to a technician",
        "I'd like to talk to someone about my plan",
        "my driver can't find the house can you help us",
    ] {
        let a = analyze(&[t]);
        assert_eq!(a.main_scenario(), Some(Scenario::HowTo), "{t}: {a:?}");
    }
}

#[test]
fn problems_named_in_everyday_words() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("You keep charging me twice a month"),
        Some(Scenario::Billing)
    );
    assert_eq!(
        main("Can you fix the channel guide"),
        Some(Scenario::Faulty)
    );
    assert_eq!(main("There was a hair in my food"), Some(Scenario::Faulty));
    assert_eq!(
        main("a piece of bone in my chicken is a little too far"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("My console loads games but then I can’t do anything in them"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("7 hour flight and no seat back screens.. c’mon"),
        Some(Scenario::Complaint)
    );
    assert_eq!(
        main("nice to know you don't help your customers. Absolute JOKE"),
        Some(Scenario::Complaint)
    );
    assert_eq!(main("WHERES MY PC CASE"), Some(Scenario::OrderLate));
    assert_eq!(
        main("my phone dies at 90% when I use the camera"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("the Help link always leads to a blank page"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("every export comes out blurry"),
        Some(Scenario::Faulty)
    );
    // Everyday phrases that hold a rule's words.
    let scenarios = |t: &str| scenario_ids(&analyze(&[t]));
    assert!(!scenarios("Thank you, your note really touched me").contains(&"safety"));
    assert!(!scenarios("If all else fails I will call tomorrow").contains(&"faulty"));
    assert!(!scenarios("障害者割引は使えますか").contains(&"outage"));
    assert_eq!(
        main("Is it necessary to print my boarding pass?"),
        Some(Scenario::HowTo)
    );
    // A question mark typed by a faulty keyboard is no question asked.
    assert_eq!(
        main("my keyboard shows a question mark instead of the letter"),
        Some(Scenario::Faulty)
    );
    assert_eq!(
        main("Are you experiencing tech problems? Nothing will open"),
        Some(Scenario::Outage)
    );
    assert_eq!(
        main("Nobody can tell me when it ships"),
        Some(Scenario::OrderLate)
    );
    assert_eq!(main("The gift I sent is lost"), Some(Scenario::OrderLate));
    assert_eq!(
        main("The people at the desk were clueless"),
        Some(Scenario::Complaint)
    );
}

#[test]
fn what_arrived_in_a_bad_state_is_a_fault_not_a_late_parcel() {
    for text in [
        "My bag arrived torn and half the beans spilled. Not happy.",
        "La taza llegó rota",
    ] {
        let a = analyze(&[text]);
        assert_eq!(a.main_scenario(), Some(Scenario::Faulty), "{a:?}");
        assert!(!scenario_ids(&a).contains(&"order-late"), "{text}: {a:?}");
    }
    // Arriving, or not, is still about the parcel.
    let late = analyze(&["It still hasn't arrived"]);
    assert_eq!(late.main_scenario(), Some(Scenario::OrderLate), "{late:?}");
}

#[test]
fn the_reply_chosen_for_a_reading_fits_what_the_customer_said() {
    let ids = |t: &str| -> Vec<&'static str> {
        rank(&analyze(&[t]), Surface::Post, Lang::En, &[], 3)
            .iter()
            .map(|r| r.suggestion.template.id)
            .collect()
    };
    // A torn bag is no complaint about staff: the complaint offered owns the bad experience.
    let torn = ids("My bag arrived torn and half the beans spilled. Not happy.");
    assert_eq!(torn[0], "faulty-sorry-replace", "{torn:?}");
    assert!(!torn.contains(&"complaint-staff-apology"), "{torn:?}");
    // A thing that came damaged may well be returned; an outage is no reading of it.
    assert!(torn.iter().any(|id| id.starts_with("refund")), "{torn:?}");
    assert!(!torn.iter().any(|id| id.starts_with("outage")), "{torn:?}");
    // A service fault keeps the outage among its readings.
    let app = ids("The app is not working");
    assert!(app.iter().any(|id| id.starts_with("outage")), "{app:?}");
    // Nor is a frustrated customer's fault.
    let frustrated = ids("It stopped working again, I need a replacement. So frustrating");
    assert!(
        !frustrated.contains(&"complaint-staff-apology"),
        "{frustrated:?}"
    );
    // A frustrated customer asking again is answered for asking again.
    let again = ids("Third time asking and my refund still hasn't come. So frustrating");
    assert!(again.contains(&"complaint-repeat-contact"), "{again:?}");
    // A rude employee is.
    let rude = ids("The manager at your store was so rude to me");
    assert_eq!(rude[0], "complaint-staff-apology", "{rude:?}");
    // Something that still fails after the usual steps asks for troubleshooting, not a
    // replacement.
    let fails = ids("Still not working after I reinstalled it, same error");
    assert!(fails.contains(&"faulty-troubleshoot"), "{fails:?}");
}

#[test]
fn everyday_ways_of_saying_a_thing_fails_read_as_a_fault() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    for t in [
        "your app and website still don’t work",
        "Tried the steps you sent. Didn't work.",
        "my phone keeps dying at 40 percent",
        "the download says page not found",
        "the sync no longer works since the weekend",
        "the game keeps failing halfway",
        "the link never works the first time",
    ] {
        assert_eq!(main(t), Some(Scenario::Faulty), "{t}");
    }
    // A reply with no topic of its own goes on with the fault the thread named.
    assert_eq!(
        analyze(&[
            "trying to download the game but it says page not found",
            "I'm on the console"
        ])
        .main_scenario(),
        Some(Scenario::Faulty)
    );
}

#[test]
fn lost_luggage_is_a_missing_item_and_an_insulting_agent_a_complaint() {
    let main = |t: &str| analyze(&[t]).main_scenario();
    assert_eq!(
        main("you lost my luggage on the way to Rome"),
        Some(Scenario::OrderLate)
    );
    assert_eq!(
        main("Never had worse customer service than today"),
        Some(Scenario::Complaint)
    );
    assert_eq!(
        main("your rep called me an idiot on the phone"),
        Some(Scenario::Complaint)
    );
}

#[test]
fn before_we_have_been_in_touch_no_reply_presupposes_that_we_have() {
    let ids = |a: &Analysis| -> Vec<&str> {
        rank(a, Surface::Post, Lang::En, &[], 3)
            .iter()
            .map(|x| x.suggestion.template.id)
            .collect()
    };
    // A first comment of praise under our post: thanks, thanks for joining in, feedback; not
    // "check the fix worked" when nothing was fixed.
    let praise = analyze(&["Well done on the new menu, loved it"]);
    assert!(!praise.answered);
    assert_eq!(
        ids(&praise),
        [
            "praise-thanks",
            "follow-up-joined-in",
            "feedback-feature-request"
        ]
    );
    // Whatever the reading, no template written for after our reply.
    for texts in [
        &["Is anyone there?", "Hello"][..],
        &["hello there"],
        &["Treat me!"],
        &["So glad that's sorted, thanks"],
    ] {
        let a = analyze(texts);
        assert!(!a.answered, "{texts:?}");
        for id in ids(&a) {
            let t = crate::core::library::get(id).unwrap();
            assert!(t.contact.fits(false), "{texts:?}: {id}");
        }
    }
    // Once we have answered, they are back, and a thank-you for joining in is gone.
    let mut again = analyze(&["Is anyone there?", "Hello"]);
    again.answered = true;
    assert!(
        ids(&again).contains(&"follow-up-checking-in"),
        "{:?}",
        ids(&again)
    );
    assert!(
        !ids(&again).contains(&"follow-up-joined-in"),
        "{:?}",
        ids(&again)
    );
    // The customer's latest words can say we have been in touch; words that also open a
    // first message do not.
    assert!(analyze(&["ok will do, thanks"]).answered);
    assert!(analyze(&["Thanks for getting back to me, but it's still broken"]).answered);
    for first in [
        "Thanks for your help in advance, my order never came",
        "I will do a chargeback if this isn't fixed",
        "Te aviso que voy a cancelar mi cuenta",
        "Still waiting for your reply about my refund",
        "My internet is not working now",
        "It worked fine until the update",
        "Well done, all done",
        "ok done",
        "This is unacceptable, I want this resolved today",
        "I got it yesterday and it's already broken",
        "Update on my order: still not here",
        "Any update on my refund?",
    ] {
        assert!(!analyze(&[first]).answered, "{first}");
    }
    // An upset customer we have not answered gets no "thanks for joining in".
    let upset = analyze(&["Hello?? This is ridiculous", "Is anyone there? Terrible"]);
    assert!(upset.upset() && !upset.answered, "{upset:?}");
    assert!(
        !ids(&upset).contains(&"follow-up-joined-in"),
        "{:?}",
        ids(&upset)
    );
    // Nor does one who wants news: a reply to their wait.
    let news = analyze(&["Sitting at the gate without any updates, let us know what's next"]);
    assert!(!news.answered);
    let shown = ids(&news);
    assert!(!shown.contains(&"follow-up-joined-in"), "{shown:?}");
    assert!(shown.contains(&"waiting-sorry-late-reply"), "{shown:?}");
}

#[test]
fn a_person_in_distress_gets_the_crisis_holding_reply_first() {
    for t in [
        "I feel like ending it all",
        "I don't want to live anymore",
        "I want to end my life",
        "I can't go on like this",
        "I'm going to hurt myself",
        "quiero morirme",
        "no quiero vivir",
        "I'm feeling suicidal",
        "honestly I wish I was dead",
        "no quiero seguir viviendo",
    ] {
        let a = analyze(&[t]);
        assert!(!a.distress.is_empty(), "{t}");
        assert_eq!(a.main_scenario(), Some(Scenario::Safety), "{t}");
        let r = rank(&a, Surface::Post, Lang::En, &[], 3);
        let ids: Vec<&str> = r.iter().map(|x| x.suggestion.template.id).collect();
        assert_eq!(ids[0], "safety-crisis-support", "{t}: {ids:?}");
        assert!(!ids.contains(&"account-locked-out"), "{t}: {ids:?}");
    }
    // Ordinary words are not distress.
    for t in [
        "I can't go on the website, it keeps crashing",
        "Did you take my life savings?",
        "I don't want to live chat with a bot",
        "Ya no puedo más con este servicio",
        "¿Este producto puede hacerme daño si estoy embarazada?",
        "Netflix overdose this weekend",
        "the store is 40 kms away",
        "I nearly hurt myself on the broken step in your shop",
    ] {
        let a = analyze(&[t]);
        assert!(a.distress.is_empty(), "{t}: {:?}", a.distress);
        let r = rank(&a, Surface::Post, Lang::En, &[], 3);
        assert!(
            r.iter()
                .all(|x| x.suggestion.template.id != "safety-crisis-support"),
            "{t}"
        );
    }
    // A product hazard or a legal threat keeps its own holding reply.
    let first = |t: &str| {
        rank(&analyze(&[t]), Surface::Post, Lang::En, &[], 3)[0]
            .suggestion
            .template
            .id
    };
    assert_eq!(
        first("this heater caught fire in my kitchen"),
        "safety-product-hazard"
    );
    assert_eq!(
        first("I'm taking legal action against you"),
        "safety-legal-holding"
    );
}

#[test]
fn an_upset_customer_who_also_says_thanks_is_still_said_to_be_upset() {
    // Thanks first, then a bad experience: the first feeling found is gratitude, and the
    // customer is upset by the words' sentiment. A suggestion offered for being upset says so.
    let a = analyze(&["thank you, but honestly this has been awful, horrible service"]);
    assert!(a.upset(), "{a:?}");
    assert_eq!(a.main_emotion(), Some(Emotion::Gratitude), "{a:?}");
    for x in rank(&a, Surface::Post, Lang::En, &[], 3) {
        let upset_reading = !a.scenarios.iter().any(|(s, _)| *s == x.suggestion.scenario)
            && x.suggestion.scenario != Scenario::HowTo
            && x.suggestion.scenario != Scenario::Praise;
        if upset_reading {
            assert!(x.reason.starts_with("sounds upset"), "{}", x.reason);
        }
    }
}

#[test]
fn saying_they_did_what_we_asked_is_answered_as_the_private_message() {
    let customer = ["I was charged twice for one order!", "Done, thanks!"];
    let ours = ["So sorry, Jane. Can you send us a DM with your order number?"];
    // Without our request their "done" is a close, after the charge they named.
    let before = analyze(&customer);
    assert_ne!(
        before.main_scenario(),
        Some(Scenario::MoveToDm),
        "{before:?}"
    );
    let a = analyze_thread(&customer, &ours);
    assert_eq!(a.main_scenario(), Some(Scenario::MoveToDm), "{a:?}");
    assert_eq!(triggers_of(&a, Scenario::MoveToDm)[0], "Done");
    let (_, asked) = a
        .ours
        .iter()
        .find(|(s, _)| *s == Scenario::MoveToDm)
        .unwrap();
    assert_eq!(asked.triggers[0], "DM");
    assert!(a.answered, "our request means we are in touch");
    // Thanks lift praise, an earlier wait lifts waiting: the private message still leads, and
    // the reply chosen says we have it rather than asking again.
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    assert_eq!(r[0].suggestion.scenario, Scenario::MoveToDm, "{r:?}");
    assert_eq!(r[0].suggestion.template.id, "move-to-dm-got-it");
    assert!(
        r[0].reason
            .starts_with("says they did: \"Done\" · we asked for a private message: \"DM\""),
        "{}",
        r[0].reason
    );
    let waited = ["Still waiting for my refund", "Yes I did! Sent it just now"];
    let ours_dm = ["Did you file a claim? If so, please send us a DM and include it."];
    let r = rank(
        &analyze_thread(&waited, &ours_dm),
        Surface::Post,
        Lang::En,
        &[],
        3,
    );
    assert_eq!(r[0].suggestion.template.id, "move-to-dm-got-it", "{r:?}");
    // In Spanish: "síguenos … por mensajes directos", "ya los estoy siguiendo".
    let es = analyze_thread(
        &["Ok ya los estoy siguiendo, quedo atento"],
        &["¡Hola! Por favor síguenos para ayudarte por mensajes directos."],
    );
    assert_eq!(es.main_scenario(), Some(Scenario::MoveToDm), "{es:?}");
    // The reply chosen is the acknowledgement in Spanish too, whatever their words for it.
    for (ours_es, theirs_es) in [
        (
            "Síguenos y escríbenos por mensajes directos, por favor.",
            "Ya los estoy siguiendo",
        ),
        ("¿Nos escribes por mensaje privado con tu pedido?", "Hecho"),
        ("Síguenos y te escribimos por MD.", "ya los sigo"),
    ] {
        let a = analyze_thread(&[theirs_es], &[ours_es]);
        let r = rank(&a, Surface::Post, Lang::Es, &[], 3);
        assert_eq!(
            r[0].suggestion.template.id, "move-to-dm-got-it",
            "{ours_es} / {theirs_es}: {r:?}"
        );
    }
    // Not when it is not done yet, nor after words that ask for nothing private (a
    // promotion, an email inbox, a title).
    for (ours_en, theirs_en) in [
        (
            "Can you send us a DM with your order number?",
            "not done yet, sorry",
        ),
        ("Please check your inbox for our email.", "Done"),
        ("Follow us for winter deals!", "Done"),
        ("Our MD has read your letter.", "Done"),
    ] {
        let a = analyze_thread(&[theirs_en], &[ours_en]);
        assert_ne!(
            a.main_scenario(),
            Some(Scenario::MoveToDm),
            "{ours_en} / {theirs_en}: {a:?}"
        );
    }
    // In a private conversation already, the first-message welcome is not offered mid-way.
    let dm = rank(
        &analyze_thread(&["Done"], &["Please check your messages, Sam."]),
        Surface::Dm,
        Lang::En,
        &[],
        3,
    );
    // Nor any reply read as a handover (a locked-out reply listing private messages among its
    // scenarios was first): the other readings decide.
    assert!(
        dm.iter()
            .all(|s| s.suggestion.template.id != "move-to-dm-welcome"
                && s.suggestion.scenario != Scenario::MoveToDm
                && !s.reason.contains("private message")),
        "{dm:?}"
    );
    // Not when they name a problem of their own, nor when we asked for nothing private.
    let own = analyze_thread(&["I did, and now I've been charged twice"], &ours);
    assert_eq!(own.main_scenario(), Some(Scenario::Billing), "{own:?}");
    let plain = analyze_thread(
        &customer,
        &["So sorry, Jane. We've refunded the second charge."],
    );
    assert_ne!(plain.main_scenario(), Some(Scenario::MoveToDm), "{plain:?}");
}

#[test]
fn a_question_read_as_how_to_for_want_of_other_words_is_called_a_question() {
    // The Messenger practice fixture: Jane's grinder broke, she asks for a replacement.
    let a = analyze_thread(
        &[
            "Hi, my coffee grinder stopped working after two weeks",
            "It's 55012. Can I get a replacement?",
        ],
        &["So sorry to hear that, Jane. Could you tell me the order number?"],
    );
    let r = rank(&a, Surface::Dm, Lang::En, &[], 3);
    assert_eq!(r[0].suggestion.scenario, Scenario::Faulty, "{r:?}");
    let how = r
        .iter()
        .find(|s| s.suggestion.scenario == Scenario::HowTo)
        .expect("a how-to reply among the three");
    assert!(
        how.reason
            .starts_with("asked a question: \"Can I get a replacement?\""),
        "{}",
        how.reason
    );
    // Words that ask for instructions are still said so.
    let a = analyze(&["How do I change the email on my account?"]);
    let r = rank(&a, Surface::Post, Lang::En, &[], 3);
    let how = r
        .iter()
        .find(|s| s.suggestion.scenario == Scenario::HowTo)
        .expect("a how-to reply");
    assert!(
        how.reason.starts_with("asks how to: \"How do I"),
        "{}",
        how.reason
    );
}

#[test]
fn a_calm_mention_that_names_nothing_is_offered_thanks_among_the_general_replies() {
    let scenarios = |text: &str| -> Vec<Scenario> {
        let a = analyze(&[text]);
        assert!(a.scenarios.is_empty(), "{a:?}");
        rank(&a, Surface::Post, Lang::En, &[], 3)
            .iter()
            .map(|x| x.suggestion.scenario)
            .collect()
    };
    // A fan's post about the brand, the first we hear of them: a thank-you first.
    let fan = scenarios("Dressed up as a burrito for Halloween at the Leeds store tonight 🎃");
    assert_eq!(fan.first(), Some(&Scenario::Praise), "{fan:?}");
    // The same calm words once we are in touch follow our reply up: thanks comes after.
    let mut later = analyze(&["Reached the third tier tonight"]);
    assert!(later.scenarios.is_empty(), "{later:?}");
    later.answered = true;
    let later: Vec<Scenario> = rank(&later, Surface::Post, Lang::En, &[], 3)
        .iter()
        .map(|x| x.suggestion.scenario)
        .collect();
    assert_ne!(later.first(), Some(&Scenario::Praise), "{later:?}");
    assert!(later.contains(&Scenario::Praise), "{later:?}");
    // A bare greeting asks for help to come, on a post or in a message; and a message is
    // written to ask, whatever it says.
    for (text, surface) in [
        ("Hi", Surface::Post),
        ("hello there @AcmeHelp", Surface::Post),
        ("Hola", Surface::Dm),
        ("Hi", Surface::Dm),
        (
            "Dressed up as a burrito for Halloween at the Leeds store tonight 🎃",
            Surface::Dm,
        ),
    ] {
        let a = analyze(&[text]);
        assert!(a.scenarios.is_empty(), "{a:?}");
        let first = rank(&a, surface, Lang::En, &[], 3)[0].suggestion.scenario;
        assert_ne!(first, Scenario::Praise, "{text:?} on {surface:?}");
    }
    assert!(analyze(&["Hi there!"]).greeting);
    assert!(!analyze(&["Hi, my order is late"]).greeting);
    assert!(!analyze(&["🔥🔥🔥"]).greeting);
    // Not for a message whose words are negative.
    let sour = scenarios("not good tonight");
    assert!(!sour.contains(&Scenario::Praise), "{sour:?}");
}

/// "Please make sure it does not happen again" asks for a promise, not a feature ("Thanks for
/// the idea" was offered first: a hands-on review); "please make" an app do something still
/// reads as feedback.
#[test]
fn please_make_sure_is_no_idea() {
    let promise = analyze(&["Thanks. Please make sure it does not happen a third time."]);
    assert!(
        !promise
            .scenarios
            .iter()
            .any(|(s, _)| *s == Scenario::Feedback),
        "{promise:?}"
    );
    let idea = analyze(&["Please make the app work offline"]);
    assert!(
        idea.scenarios.iter().any(|(s, _)| *s == Scenario::Feedback),
        "{idea:?}"
    );
}
