//! Browser tests of what happens when the rule file arrives after the checks have run: a
//! binary of its own, because installing the rule file is for the life of the module, and the
//! tests in `web.rs` run without it.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use wasm_bindgen_test::*;
use waypoint::core::analysis::{text, Analysis};
use waypoint::core::check::{
    run, CheckId, Context, Status, ValidSettings, PHRASE_LISTS, WORD_LISTS,
};
use waypoint::core::conversation::{Author, Conversation, Site, Surface};

wasm_bindgen_test_configure!(run_in_browser);

/// The outcome of check `id` on `draft`, a public reply on X.
fn status(draft: &str, id: CheckId) -> Status {
    let conversation = Conversation {
        site: Site::X,
        surface: Surface::Post,
        thread: None,
        // A customer with a name, so that the name checks compare names.
        customer: Some(Author {
            name: "Maria Garcia".into(),
            handle: Some("mariag".into()),
        }),
        messages: Rc::new(Vec::new()),
    };
    let customer = Analysis::default();
    let ctx = Context {
        draft,
        conversation: &conversation,
        customer: &customer,
        draft_lang: None,
        sla: None,
        recent_replies: &[],
    };
    let report = run(&ctx, &ValidSettings::default());
    report.outcomes.iter().find(|o| o.id == id).unwrap().status
}

/// The checks that build their phrase tables from the rule file's word lists at first use
/// (tone's blame and jargon, the private details never to ask for) ran while the page was
/// still loading the file: they found nothing then, and they find what the file lists once it
/// is installed (a table built before would stay empty for the life of the page). And before
/// it, the checks whose word lists excuse things ("Team" is not a name, "DM" and "US" are not
/// shouting) find nothing rather than flag what the lists would have excused.
#[wasm_bindgen_test]
fn checks_run_before_the_rule_file_find_its_words_once_it_is_installed() {
    for (draft, id) in [
        ("Hi Team, thanks for waiting. ^AB", CheckId::WrongName),
        ("PLEASE DM US ASAP so we can help. ^AB", CheckId::Shouting),
    ] {
        assert_eq!(
            status(draft, id),
            Status::Pass,
            "{draft}, with no rule file"
        );
    }
    let drafts = [
        ("Please calm down, it ships Monday. ^AB", CheckId::Tone),
        ("Your ticket was escalated to L2. ^AB", CheckId::Tone),
        (
            "Could you send us your password so we can look? ^AB",
            CheckId::AsksPersonalData,
        ),
    ];
    for (draft, id) in drafts {
        assert_eq!(
            status(draft, id),
            Status::Pass,
            "{draft}, with no rule file"
        );
    }
    // A rule file with every table and list the module asks for, empty but for the words
    // these drafts need (the real file is written natively, by the build).
    let words = |name: &str| match name {
        "tone/blame" => "calm down|",
        "tone/jargon" => "l2|",
        "asks-personal-data/secret" => "password|",
        "asks-personal-data/asking" => "send|",
        _ => "",
    };
    let mut rules = String::new();
    for t in text::all_tables() {
        rules += &format!("[{}]\n", t.name());
    }
    for name in WORD_LISTS {
        rules += &format!("[words/{name}]\n{}\n", words(name));
    }
    for name in PHRASE_LISTS {
        rules += &format!("[phrases/{name}]\n");
    }
    // Why each check exists comes with the file too: nothing before it.
    assert_eq!(CheckId::Tone.why(), "", "no rule file, no reason");
    rules += "[why/tone]\nWords that blame read as blame.\n";
    text::install_rules(rules.replace("\n\n", "\n")).unwrap();
    assert_eq!(CheckId::Tone.why(), "Words that blame read as blame.");
    assert_eq!(CheckId::Length.why(), "", "a reason the file does not hold");
    for (draft, id) in drafts {
        assert_ne!(
            status(draft, id),
            Status::Pass,
            "{draft}, with the rule file"
        );
    }
}
