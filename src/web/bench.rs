//! The benchmark's entry points (`cargo xtask bench` builds the module with the `bench`
//! feature; the shipped module has none of them): each runs one step of the content script
//! (reading a thread, ranking, the checks) on its own, so that `tests/bench/bench.mjs` can time
//! it. Left out of the shipped module, they gave it 3.7 kB gzipped (December 2026).

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The store [`debug_read_thread`] reads into, with the elements it has read, kept until
    /// [`debug_forget_thread`]: the content script keeps its store while the conversation is
    /// open, so dropping one (every message's strings and the index: 2-3 ms for 2,000
    /// messages) is no part of a read.
    static BENCH_STORE: std::cell::RefCell<Option<(crate::core::reading::ThreadStore, crate::web::extract::Seen)>> =
        const { std::cell::RefCell::new(None) };
    /// How many messages a read takes afresh: learnt across reads, as the content script does.
    static BENCH_SLICE: std::cell::Cell<crate::web::Slice> = std::cell::Cell::new(crate::web::Slice::new());
}

/// Drops the store the last [`debug_read_thread`] read into (the benchmark calls it outside
/// the time it measures).
#[wasm_bindgen(js_name = debugForgetThread)]
pub fn debug_forget_thread() {
    BENCH_STORE.with(|s| s.borrow_mut().take());
}

/// Reads the conversation the document shows as if it were at `url`, the way the content
/// script does in one task (profile, extractor, interpretation, store; at most as many
/// messages afresh as [`crate::web::Slice`] says), going on from the last call until
/// [`debug_forget_thread`]. Returns the number of messages read so
/// far, negated while some are left to read. The benchmark times it on a 2,000-message thread.
#[wasm_bindgen(js_name = debugReadThread)]
pub fn debug_read_thread(url: &str) -> Result<i32, JsValue> {
    use crate::core::reading::{interpret, ThreadStore};
    use crate::web::{dom, extract, sites};
    let started = crate::web::now_ms();
    let mut slice = BENCH_SLICE.get();
    let route = crate::core::route::classify(url)
        .ok_or_else(|| JsValue::from_str("Waypoint: not a supported page URL"))?;
    let surface = route
        .surface
        .ok_or_else(|| JsValue::from_str("Waypoint: no conversation at that URL"))?;
    let profile = sites::profile(route.site)
        .surface(surface)
        .ok_or_else(|| JsValue::from_str("Waypoint: no profile for that surface"))?;
    let doc = dom::document()?;
    let container = extract::first_match(&doc, profile.containers)
        .ok_or_else(|| JsValue::from_str("Waypoint: no conversation container"))?;
    BENCH_STORE.with(|s| {
        let mut kept = s.borrow_mut();
        let (store, seen) = kept.get_or_insert_with(|| {
            let mut store = ThreadStore::new();
            store.open("bench");
            (store, extract::Seen::new())
        });
        let mut read = extract::read_thread(
            &doc,
            &container,
            &route,
            profile,
            Some(seen),
            slice.limit(),
            None,
        )
        .map_err(|e| JsValue::from_str(&e.warning(route.site, profile)))?;
        let now = js_sys::Date::now() as i64;
        let messages = std::mem::take(&mut read.raw.messages);
        let mut entries = interpret(messages, &read.raw.identity, now, 0);
        store.settle_repeats(&mut entries);
        seen.remember(&read, &entries);
        store.merge(entries, now);
        let n = store.len() as i32;
        if read.more {
            slice.took(crate::web::now_ms() - started);
            BENCH_SLICE.set(slice);
        }
        Ok(if read.more { -n } else { n })
    })
}

/// The module's linear memory, in bytes: WebAssembly memory only grows, so this is the most
/// it has needed so far (the benchmark's figure against the 16 MB budget).
#[wasm_bindgen(js_name = debugMemoryBytes)]
pub fn debug_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}

/// What the suggestion and checklist benchmarks run against.
struct Bench {
    conversation: crate::core::conversation::Conversation,
    /// What the customer said, as the content script keeps it from the suggestions.
    customer: crate::core::analysis::Analysis,
    recent: Vec<String>,
    /// What the checks read from the conversation and `recent`, as the content script keeps it.
    prepared: crate::core::check::Prepared,
    policy: crate::core::sla::ValidPolicy,
    checks: crate::core::check::ValidSettings,
}

thread_local! {
    static BENCH: RefCell<Option<Bench>> = const { RefCell::new(None) };
}

/// Keeps a public X conversation of `texts` (the customer's and ours in turn, the customer
/// first, six minutes apart up to now) and our `recent` replies, with the default SLA policy
/// and checklist settings, for [`debug_rank`] and [`debug_checklist`], so that the benchmark
/// times those alone. Returns the message count.
#[wasm_bindgen(js_name = debugBenchThread)]
pub fn debug_bench_thread(texts: Vec<String>, recent: Vec<String>) -> Result<u32, JsValue> {
    use crate::core::conversation::{Author, Conversation, Message, Party, SentAt, Site, Surface};
    let policy = crate::core::sla::Policy::default()
        .validate()
        .map_err(|_| JsValue::from_str("Waypoint: the default SLA policy is invalid"))?;
    let customer = Author {
        name: "Maria Garcia".into(),
        handle: Some("mariagarcia".into()),
    };
    let us = Author {
        name: "Acme Help".into(),
        handle: Some("AcmeHelp".into()),
    };
    let now = js_sys::Date::now() as i64;
    let n = texts.len();
    let messages = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let theirs = i % 2 == 0;
            Message {
                id: format!("{}", 1_880_000_000_000_000_000u64 + i as u64),
                author: if theirs { customer.clone() } else { us.clone() },
                party: if theirs {
                    Party::Customer
                } else {
                    Party::Brand
                },
                sent: Some(SentAt::exact(now - (n - i) as i64 * 360_000)),
                first_seen_ms: None,
                text,
            }
        })
        .collect::<Vec<_>>()
        .into();
    let conversation = Conversation {
        site: Site::X,
        surface: Surface::Post,
        thread: None,
        customer: Some(customer),
        messages,
    };
    BENCH.with(|b| {
        *b.borrow_mut() = Some(Bench {
            customer: crate::web::review::understand(&conversation),
            prepared: crate::core::check::prepare(&conversation, &recent),
            conversation,
            recent,
            policy,
            checks: crate::core::check::ValidSettings::default(),
        })
    });
    Ok(n as u32)
}

fn with_bench<T>(f: impl FnOnce(&Bench) -> T) -> Result<T, JsValue> {
    BENCH.with(|b| {
        b.borrow()
            .as_ref()
            .map(f)
            .ok_or_else(|| JsValue::from_str("Waypoint: call debugBenchThread first"))
    })
}

/// Ranks the suggestions for the kept conversation as the panel does; returns the template
/// ids, comma-separated.
#[wasm_bindgen(js_name = debugRank)]
pub fn debug_rank() -> Result<String, JsValue> {
    with_bench(|b| {
        // What the panel does when the conversation changes: read the customer, rank.
        let c = &b.conversation;
        let found = crate::web::review::understand(c);
        let ids: Vec<&str> = crate::web::review::suggestions(
            &found,
            c.surface,
            crate::core::conversation::Lang::En,
            false,
            &[],
        )
        .into_iter()
        .map(|(t, _)| t.id)
        .collect();
        ids.join(",")
    })
}

/// Works out what the checks read from the kept conversation and recent replies, as the
/// content script does a moment after the conversation changes (off the send path); returns
/// how many earlier replies the repeated-reply check will compare with.
#[wasm_bindgen(js_name = debugPrepare)]
pub fn debug_prepare() -> Result<u32, JsValue> {
    with_bench(|b| {
        let p = crate::core::check::prepare(&b.conversation, &b.recent);
        p.earlier_replies() as u32
    })
}

/// Runs the whole checklist on `draft` against the kept conversation, as the gate does when
/// the agent presses send (SLA status, every check, the sheet; what the customer said was read
/// with the conversation), with the default settings; returns how many items the sheet shows
/// (0 when it would pass).
#[wasm_bindgen(js_name = debugChecklist)]
pub fn debug_checklist(draft: &str) -> Result<u32, JsValue> {
    use crate::core::sla::{self, AgentStates};
    use crate::web::gate::Verdict;
    with_bench(|b| {
        let now = js_sys::Date::now() as i64;
        let status =
            sla::status_for_customer(&b.conversation, &b.policy, &AgentStates::default(), now);
        match crate::web::review::verdict(
            &b.conversation,
            &b.customer,
            draft,
            &status,
            &b.recent,
            &b.prepared,
            &b.checks,
        ) {
            Verdict::Pass | Verdict::Wait => 0,
            Verdict::Review(sheet) => sheet.items.len() as u32,
        }
    })
}

/// Installs `text` as the team's own replies, as saving them on the settings page does, for
/// the benchmark's ranking with them; returns how many there are, or what is wrong with any.
#[wasm_bindgen(js_name = debugInstallOwn)]
pub fn debug_install_own(text: &str) -> Result<u32, JsValue> {
    match crate::core::library::install_own(text) {
        (n, None) => Ok(n as u32),
        (_, Some(e)) => Err(JsValue::from_str(&e)),
    }
}
