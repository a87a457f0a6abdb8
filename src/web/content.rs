//! The content-script controller: one per page. It mounts the panel, reads the open
//! conversation with the site's profile, watches it with one observer on its container, merges
//! what a virtualized list shows into one store, and keeps the page contract current while the
//! single-page app navigates.

use crate::core::check::{self, Prepared};
use crate::core::conversation::Lang;
use crate::core::conversation::{Author, Conversation, Party, ReadState, Surface};
use crate::core::layout::Zone;
use crate::core::reading::{interpret, ThreadStore};
use crate::core::route::{self, Route};
use crate::core::sla::{self, AgentState, AgentStates, Policy, ValidPolicy};
use crate::core::str_map::StrMap;
use crate::web::extract::{self, Unread};
use crate::web::gate::{self, Gate};
use crate::web::observe::Watch;
use crate::web::pages::memory_settings;
use crate::web::panel::replies::{Situation, LEFT_UNSENT, NOT_SENT};
use crate::web::panel::{Panel, Unused, View};
use crate::web::review::{self, ValidSettings};
use crate::web::sites::SurfaceProfile;
use crate::web::slash::{self, Slash};
use crate::web::{dom, now_ms, platform, sites, Mode, Slice};
use gloo_events::EventListener;
use gloo_timers::callback::{Interval, Timeout};
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::atomic::Ordering::Relaxed;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// How often the page is looked at again for navigation and container swaps.
const TICK_MS: u32 = 500;
/// Re-reads wait this many times the cost of the last refresh, which keeps Waypoint's share of
/// the main thread on a busy page near 1/COST_FACTOR (under the 5 % the design allows); at
/// most MAX_DELAY_MS, so that a virtualized list scrolled at reading speed is still read
/// before its rows are recycled.
const COST_FACTOR: f64 = 40.0;
const MAX_DELAY_MS: f64 = 1_000.0;
/// While new messages keep coming, suggestions are ranked at most this often (the last
/// arrival is always ranked): a page loading a long thread is not slowed by re-ranking.
const SUGGEST_EVERY_MS: f64 = 1_000.0;
/// How long markup may stay unrecognised after navigation before Waypoint says so in the
/// console (SPAs render the conversation a moment after the URL changes).
const GRACE_MS: f64 = 2_000.0;
/// Bits of `App::known`.
const POLICY_KNOWN: u8 = 1;
const AGENT_KNOWN: u8 = 2;
const SEEN_KNOWN: u8 = 4;

/// Where the SLA settings and the agent's per-conversation states are kept (this browser).
const POLICY_KEY: &str = crate::web::pages::sla_settings::POLICY_KEY;
const AGENT_STATES_KEY: &str = memory_settings::STATES_KEY;
/// Where Waypoint before per-commenter states kept them (one state per conversation): read
/// while the new map has nothing for a conversation, and its entry dropped when one is set.
const OLD_AGENT_STATES_KEY: &str = memory_settings::OLD_STATES_KEY;
/// How many conversations' agent states are remembered.
const AGENT_STATES_KEPT: usize = 500;
/// When messages were first seen, per conversation: a bound for coarse or missing times that
/// must survive a reload (an SLA clock would otherwise restart from the reload).
const SEEN_KEY: &str = memory_settings::SEEN_KEY;
const REPLIES_KEY: &str = crate::web::pages::replies_settings::REPLIES_KEY;
const SEEN_THREADS_KEPT: usize = 200;
const SEEN_SAVE_MS: u32 = 1_000;
/// How long after the conversation changes the checks read it (a burst of changes once; a
/// send before then reads it at the send): at least this, and twice the re-read spacing, so
/// that a page loading a long thread, re-read about once a second, is read by the checks once
/// it stops rather than between every two re-reads.
const PREPARE_DELAY_MS: u32 = 1_000;

fn prepare_delay(reread_ms: u32) -> u32 {
    PREPARE_DELAY_MS.max(reread_ms.saturating_mul(2))
}

struct App {
    doc: Document,
    panel: Panel,
    /// The conversation as last read, for the SLA clock.
    conversation: Option<Conversation>,
    /// The store's version `conversation` was built at: while it stands, the conversation
    /// has not changed (it shares the store's messages, so nothing is copied to tell).
    built_at: u64,
    /// On a public post, the conversation as its customer has it, and the `built_at` it was
    /// made at (made when the clock is another commenter's, once per version: the clock
    /// ticks every second). Forgotten with the conversation and when another customer is
    /// answered.
    theirs: RefCell<Option<(u64, Option<Conversation>)>>,
    /// Whom the clock's buttons act on, as last shown: a commenter on a public post, or
    /// nobody (the whole conversation).
    sla_target: RefCell<Option<crate::core::conversation::Author>>,
    policy: ValidPolicy,
    /// What the agent set for the open conversation, and its key.
    agent: AgentStates,
    key: String,
    /// The open surface's profile (composer and send buttons), once a conversation is read.
    profile: Option<&'static SurfaceProfile>,
    _scroll: Option<EventListener>,
    _resize: Option<EventListener>,
    /// What the agent does in the panel (a reply chosen, a search typed) changes its height:
    /// it is placed again at once, not at the next second's look (it covered the composer
    /// that long).
    _panel_changed: [EventListener; 2],
    /// Settings saved on the settings page apply here at once.
    _settings: Option<platform::StorageWatch>,
    /// Notes the composer the agent puts the caret in (a reply goes there), and whom a draft
    /// the site filled in before focusing it addresses.
    _focus: EventListener,
    /// Notes whom the draft begins by addressing ("@lena.k …": the customer answered).
    _typed: EventListener,
    /// The slash trigger in the composer, then the checklist gate on the site's send
    /// (in this order: an Enter that picks a template must not reach the gate).
    _slash: Option<Slash>,
    _gate: Option<Gate>,
    /// The team's checklist settings, and our recent replies (for the repeated-reply check).
    checks: ValidSettings,
    recent: Vec<String>,
    /// What the suggestions were last ranked for (message count, last message id, customer),
    /// and what the customer said then (the checklist reads it at send time).
    ranked_for: RankKey,
    /// Whether the customer has waited long (the SLA due soon or breached), as the clock's
    /// last tick found it ([`show_sla`]): the ranking reads it.
    late: Cell<bool>,
    customer: Option<crate::core::analysis::Analysis>,
    /// When the suggestions were last ranked, and the ranking waiting for the end of a burst
    /// of new messages (see [`SUGGEST_EVERY_MS`]).
    ranked_at: f64,
    suggest_soon: Option<Timeout>,
    /// What the checks read from the conversation and our recent replies: worked out a moment
    /// after either changes (or at the next send, if that comes first), so that a send reads
    /// only the draft. Emptied when they change.
    prepared: OnceCell<Prepared>,
    prepare_soon: Option<Timeout>,
    /// How many times `prepared` was emptied: a refresh that emptied it waits for the checks
    /// with the re-read spacing that refresh sets, not the one before it.
    unprepared: u32,
    /// The composer and send button the panel keeps clear of, when they were looked for, and
    /// what looking cost.
    placed: RefCell<(Option<Element>, Option<Element>, f64, f64)>,
    /// A pending save of first-seen times.
    seen_save: Option<Timeout>,
    /// How many messages a read takes afresh, the task that reads on where the last read
    /// stopped, and whether that read was of a conversation not shown yet.
    slice: Slice,
    read_on: Option<Timeout>,
    reading: bool,
    /// The team's brand accounts from settings: their messages are ours.
    brands: Vec<String>,
    /// How the team's automatic messages begin, from settings: such messages of ours answer
    /// no one.
    automatic: Vec<String>,
    /// Ticks every second while a conversation is open; dropped otherwise.
    clock: Option<Interval>,
    _sla_click: Option<EventListener>,
    store: ThreadStore,
    /// Message elements already read, by element (cleared for the ones that change).
    seen: extract::Seen,
    watch: Option<Watch>,
    href: String,
    entered_at: f64,
    /// The elements read of the conversation left by the last navigation, and when: until the
    /// page shows others (or [`GRACE_MS`] passes), it has not drawn the new one yet.
    left: Option<(js_sys::WeakMap, f64)>,
    /// When the conversation's list went away with messages read (a re-render, or a page no
    /// longer showing it): after [`GRACE_MS`] the panel stops speaking of it.
    gone_at: Option<f64>,
    /// What the clock needs from storage, loaded (`POLICY_KNOWN`, and for the open
    /// conversation `AGENT_KNOWN` and `SEEN_KNOWN`): no clock is shown before, since one made
    /// without the saved pause, business hours or first-seen times would flash a wrong state.
    known: u8,
    /// The warnings already given on the console (a few at most: a list, which spares the
    /// page module a hash table and its hasher).
    warned: Vec<String>,
    _tick: Interval,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Starts the controller; a second call does nothing. `minimised`: the agent left the panel
/// minimised (read by the loader, see [`crate::web::panel::MINIMISED_KEY`]).
pub fn boot(mode: Mode, minimised: bool) -> Result<(), JsValue> {
    if APP.with(|a| a.borrow().is_some()) {
        return Ok(());
    }
    let href = current_href()?;
    if route::classify(&href).is_none() {
        // Not a supported host: the manifest should not have injected us. Stay silent.
        return Ok(());
    }
    let doc = dom::document()?;
    let panel = Panel::mount(&doc, mode, minimised)?;
    std::panic::set_hook(Box::new(|_| stop()));
    let tick = Interval::new(TICK_MS, || {
        if !stopped() {
            run(refresh_if_moved());
        }
    });
    let sla_click = EventListener::new(panel.sla_controls(), "click", |event| {
        let action = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|e| e.closest("[data-sla-action]").ok().flatten())
            .and_then(|e| e.get_attribute("data-sla-action"));
        if let Some(action) = action {
            set_agent_state(&action);
        }
    });
    // The pin follows the composer when the page scrolls (capture: any scroller counts).
    let scroll = web_sys::window().map(|w| {
        EventListener::new_with_options(
            &w,
            "scroll",
            gloo_events::EventListenerOptions {
                phase: gloo_events::EventListenerPhase::Capture,
                passive: true,
            },
            |_| place_soon(),
        )
    });
    // A resized window moves the composer and changes the room the panel has: placed again.
    let resize = web_sys::window().map(|w| EventListener::new(&w, "resize", |_| place_soon()));
    let panel_changed =
        ["click", "input"].map(|kind| EventListener::new(panel.root(), kind, |_| place_soon()));
    // Where the agent puts the caret: a reply goes into that composer when the page has
    // several (a reply box opened under a comment, and the post's own).
    let focus = EventListener::new_with_options(
        &doc,
        "focusin",
        gloo_events::EventListenerOptions::run_in_capture_phase(),
        |event| {
            let Some(composer) = composer_of_event(event) else {
                return;
            };
            extract::note_focus(&composer);
            // On a post, the reply box in use may answer another customer ("Reply to Jane
            // Doe"): the page is looked at again at the next look (a second at most).
            APP.with(|a| {
                if let Ok(guard) = a.try_borrow() {
                    if let Some(app) = guard
                        .as_ref()
                        .filter(|app| app.profile.is_some_and(|p| !p.answering.is_empty()))
                    {
                        app.seen.look_again();
                    }
                }
            });
            // The pin and the panel follow the composer in use.
            place_soon();
            // A site's "Reply" may fill the draft ("@lena.k ") with no input event, then
            // focus the composer.
            if addressed_changed(&composer) {
                schedule_refresh();
            }
        },
    );
    // What the agent types: a draft that begins "@lena.k " (Instagram's "Reply" under a
    // comment starts it so) answers lena.k, when she wrote in the thread.
    let typed = EventListener::new_with_options(
        &doc,
        "input",
        gloo_events::EventListenerOptions::run_in_capture_phase(),
        |event| {
            if composer_of_event(event).is_some_and(|c| addressed_changed(&c)) {
                schedule_refresh();
            }
        },
    );
    // Settings saved on the settings page (in another tab or window) apply at once.
    let settings = platform::StorageWatch::new(|changes| {
        use crate::web::pages::brand_settings::{AUTOMATIC_KEY, BRANDS_KEY, BRAND_NAME_KEY};
        let has = |k: &str| platform::changed(&changes, k);
        if has(POLICY_KEY) {
            wasm_bindgen_futures::spawn_local(load_policy());
        }
        if has(review::SETTINGS_KEY) {
            wasm_bindgen_futures::spawn_local(load_checklist());
        }
        if has(BRANDS_KEY) || has(AUTOMATIC_KEY) || has(BRAND_NAME_KEY) {
            wasm_bindgen_futures::spawn_local(load_brands());
        }
        if has(REPLIES_KEY) {
            wasm_bindgen_futures::spawn_local(load_own_replies());
        }
        // Forgotten on the settings page, or saved by another tab: this tab's list follows
        // (its next send would otherwise write back what was forgotten).
        if has(memory_settings::RECENT_KEY) {
            wasm_bindgen_futures::spawn_local(async {
                let recent = review::load_recent().await;
                APP.with(|a| {
                    if let Some(app) = a.borrow_mut().as_mut().filter(|_| !practising()) {
                        app.recent = recent;
                    }
                });
            });
        }
        if has(crate::web::pages::agent_settings::AGENT_KEY) {
            APP.with(|a| {
                if let Some(app) = a.borrow().as_ref() {
                    app.panel.replies().load_agent();
                }
            });
        }
        // A pause set or lifted in another tab on the same conversation.
        if has(AGENT_STATES_KEY) || has(OLD_AGENT_STATES_KEY) {
            let key = APP.with(|a| a.borrow().as_ref().map(|app| app.key.clone()));
            if let Some(key) = key {
                wasm_bindgen_futures::spawn_local(load_agent_state(key));
            }
        }
    });
    let slash = Slash::install(&doc, panel.root(), Rc::new(Controller))
        .map_err(|e| web_sys::console::warn_2(&"Waypoint: no slash search:".into(), &e))
        .ok();
    let gate = Gate::install(Rc::new(Controller));
    let checks = check::Settings::default().validate().map_err(|e| {
        JsValue::from_str(&format!(
            "Waypoint: the default checklist settings are invalid: {e}"
        ))
    })?;
    let policy = Policy::default().validate().map_err(|e| {
        JsValue::from_str(&format!("Waypoint: the default SLA policy is invalid: {e}"))
    })?;
    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            doc,
            panel,
            conversation: None,
            policy,
            agent: AgentStates::default(),
            key: String::new(),
            brands: Vec::new(),
            automatic: Vec::new(),
            seen_save: None,
            slice: Slice::new(),
            read_on: None,
            reading: false,
            profile: None,
            _scroll: scroll,
            _resize: resize,
            _panel_changed: panel_changed,
            _settings: settings,
            _focus: focus,
            _typed: typed,
            _slash: slash,
            _gate: gate,
            checks,
            recent: Vec::new(),
            ranked_for: RankKey::default(),
            late: Cell::new(false),
            customer: None,
            prepared: OnceCell::new(),
            prepare_soon: None,
            unprepared: 0,
            ranked_at: f64::NEG_INFINITY,
            suggest_soon: None,
            placed: RefCell::new((None, None, f64::NEG_INFINITY, 0.0)),
            clock: None,
            _sla_click: Some(sla_click),
            store: ThreadStore::new(),
            built_at: 0,
            theirs: RefCell::new(None),
            sla_target: RefCell::new(None),
            seen: extract::Seen::new(),
            watch: None,
            href: String::new(),
            entered_at: js_sys::Date::now(),
            left: None,
            gone_at: None,
            known: 0,
            warned: Vec::new(),
            _tick: tick,
        })
    });
    wasm_bindgen_futures::spawn_local(load_policy());
    wasm_bindgen_futures::spawn_local(load_brands());
    wasm_bindgen_futures::spawn_local(load_checklist());
    wasm_bindgen_futures::spawn_local(load_own_replies());
    refresh()
}

/// Loads the team's own replies from settings (at start, and when they are saved): they join
/// the search at once, and the suggestions are ranked again with them. Replies that cannot be
/// read (saved before a rule they break was made) are passed over, and the panel says which
/// and why; the others serve.
async fn load_own_replies() {
    use crate::web::pages::brand_settings::saved_list;
    let text = saved_list(REPLIES_KEY).await.concat();
    let before = crate::core::library::own_installed().len();
    let (now, problem) = crate::core::library::install_own(&text);
    let why = problem.map(|p| {
        let which = if now == 0 { "Your" } else { "Some of your" };
        let stop = if p.ends_with(['.', '?', '!']) {
            ""
        } else {
            "."
        };
        format!("{which} team's replies are not offered. {p}{stop} {MEND}")
    });
    APP.with(|a| {
        if let Some(app) = a.borrow().as_ref() {
            app.panel.not_used(Unused::Replies, why);
        }
    });
    if now > 0 || before > 0 {
        rank_again();
    }
}

/// How the agent mends saved settings that are not used.
const MEND: &str = "Mend them in Waypoint's settings (its Options page).";

/// Loads the team's SLA policy from settings (at start, and when it is saved or removed); a
/// broken one is reported and the policy in force stays.
async fn load_policy() {
    let parsed = match platform::storage_get(POLICY_KEY).await {
        None => Ok(Policy::default()),
        Some(v) => v
            .as_string()
            .ok_or_else(|| "not a JSON string".to_owned())
            .and_then(|s| serde_json::from_str::<Policy>(&s).map_err(|e| e.to_string())),
    }
    .and_then(|p| {
        p.validate()
            .map_err(|e| format!("{}: {}", e.name(), e.message))
    });
    let why = parsed.as_ref().err().map(|e| {
        format!("Your SLA settings are not used ({e}): the default targets apply. {MEND}")
    });
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            app.panel.not_used(Unused::Sla, why);
            if let Ok(policy) = parsed {
                app.policy = policy;
            }
            app.known |= POLICY_KNOWN;
        }
    });
    tick_sla();
}

/// Loads the team's brand accounts and automatic messages from settings (at start, and when
/// the tab is shown again); the conversation is read again only when they changed.
async fn load_brands() {
    use crate::web::pages::brand_settings::{
        saved_list, AUTOMATIC_KEY, BRANDS_KEY, BRAND_NAME_KEY,
    };
    let brands = saved_list(BRANDS_KEY).await;
    let automatic = saved_list(AUTOMATIC_KEY).await;
    let name = saved_list(BRAND_NAME_KEY).await.into_iter().next();
    let changed = APP.with(|a| {
        let mut a = a.borrow_mut();
        let Some(app) = a.as_mut() else {
            return false;
        };
        app.panel.replies().set_brand_name(name);
        if app.brands == brands && app.automatic == automatic {
            return false;
        }
        app.brands = brands;
        app.automatic = automatic;
        // Re-read from scratch: who is us changes the party of messages already read.
        app.seen = extract::Seen::new();
        app.watch = None;
        true
    });
    if changed {
        run(refresh());
    }
}

/// What is remembered under storage key `key`, by conversation, each entry with when it was
/// last saved. What was saved more than [`memory_settings::CONVERSATION_DAYS`] ago is not
/// applied ([`fresh`]), and goes from storage at the map's next save.
async fn remembered<T: serde::de::DeserializeOwned>(key: &str) -> StrMap<(f64, T)> {
    platform::storage_get(key)
        .await
        .and_then(|v| v.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// The time before which what was saved of a conversation is forgotten.
fn conversations_since() -> f64 {
    memory_settings::kept_since(memory_settings::CONVERSATION_DAYS)
}

/// A remembered entry, unless it was saved too long ago.
fn fresh<T>(entry: Option<&(f64, T)>) -> Option<&T> {
    entry
        .filter(|(t, _)| *t >= conversations_since())
        .map(|(_, v)| v)
}

/// Loads what the agent set for conversation `key` (what an older Waypoint set, for the
/// whole conversation, while nothing newer is stored).
async fn load_agent_state(key: String) {
    // The practice page starts each visit with the clock running: what a trainee set holds
    // for their visit only (`set_agent_state` stores nothing there), not for the next one.
    let state = if practising() {
        AgentStates::default()
    } else {
        match fresh(remembered::<AgentStates>(AGENT_STATES_KEY).await.get(&key)) {
            Some(s) => s.clone(),
            None => fresh(
                remembered::<AgentState>(OLD_AGENT_STATES_KEY)
                    .await
                    .get(&key),
            )
            .map(|s| AgentStates::from(*s))
            .unwrap_or_default(),
        }
    };
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            if app.key == key {
                app.agent = state;
                app.known |= AGENT_KNOWN;
            }
        }
    });
    tick_sla();
}

/// By conversation key: when it was last saved and its messages' first-seen times by id. A
/// [`StrMap`], not a B-tree, for the same JSON object in less code (see `core::str_map`).
type SeenMap = StrMap<(f64, BTreeMap<String, i64>)>;

async fn seen_map() -> SeenMap {
    remembered(SEEN_KEY).await
}

/// Applies the first-seen times remembered for conversation `key`.
async fn load_first_seen(key: String) {
    let map = seen_map().await;
    let changed = APP.with(|a| {
        let mut guard = a.borrow_mut();
        let app = guard.as_mut().filter(|app| app.key == key)?;
        app.known |= SEEN_KNOWN;
        Some(app.store.remember_first_seen(fresh(map.get(&key))?))
    });
    match changed {
        Some(true) => run(refresh()),
        // The clock waited for these: shown now.
        _ => tick_sla(),
    }
}

/// Saves the open conversation's first-seen times (the pending save fired).
fn save_first_seen_now() {
    if stopped() {
        return;
    }
    let pending = APP.with(|a| {
        a.borrow_mut().as_mut().map(|app| {
            app.seen_save = None;
            (app.key.clone(), app.store.first_seen())
        })
    });
    if let Some((key, seen)) = pending.filter(|(_, seen)| !seen.is_empty()) {
        wasm_bindgen_futures::spawn_local(save_first_seen(key, seen));
    }
}

/// Remembers the first-seen times of conversation `key` (the most recent conversations only).
async fn save_first_seen(key: String, seen: BTreeMap<String, i64>) {
    let mut map = seen_map().await;
    // The aged ones go first: none of their times is merged into this conversation's.
    map.keep_latest(conversations_since(), usize::MAX);
    let merged = map.get_or_insert_with(key, Default::default);
    merged.0 = js_sys::Date::now();
    for (id, t) in seen {
        let slot = merged.1.entry(id).or_insert(t);
        *slot = (*slot).min(t);
    }
    map.keep_latest(f64::MIN, SEEN_THREADS_KEPT);
    if let Ok(json) = serde_json::to_string(&map) {
        // Not stored (the quota, say): the times stay in the page, and the next save tries
        // again.
        let _ = platform::storage_set(SEEN_KEY, &JsValue::from_str(&json)).await;
    }
}

/// The agent pressed "waiting on customer", "no reply needed" or "resume": for the commenter
/// answered on a public post (the buttons name them), else for the whole conversation.
fn set_agent_state(action: &str) {
    let now = js_sys::Date::now() as i64;
    let state = match action {
        "pause" => AgentState::Paused { since_ms: now },
        "no-reply" => AgentState::NoReplyNeeded { since_ms: now },
        _ => AgentState::Active,
    };
    let set = APP.with(|a| {
        a.borrow_mut().as_mut().map(|app| {
            // Whom the buttons named (`show_sla`), if anyone.
            let who = app.sla_target.borrow().clone();
            app.agent.set(who.as_ref(), state);
            (app.key.clone(), app.agent.clone())
        })
    });
    tick_sla();
    let Some((key, agent)) = set else { return };
    // On the practice page it holds for this visit only: stored, it would greet the next
    // trainee (and take a place among the agent's real conversations).
    if practising() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        // What an older Waypoint stored for this conversation is replaced: the new store keeps
        // an entry while the old one had one (a load between the two writes reads the new).
        let mut old = remembered::<AgentState>(OLD_AGENT_STATES_KEY).await;
        let had_old = old.remove(&key).is_some();
        let mut states = remembered::<AgentStates>(AGENT_STATES_KEY).await;
        if agent.is_empty() && !had_old {
            states.remove(&key);
        } else {
            states.insert(key.clone(), (now as f64, agent));
        }
        // Keep the most recent ones.
        states.keep_latest(conversations_since(), AGENT_STATES_KEPT);
        if let Ok(json) = serde_json::to_string(&states) {
            // Not stored: the state holds in this page until it is closed.
            let _ = platform::storage_set(AGENT_STATES_KEY, &JsValue::from_str(&json)).await;
        }
        if had_old {
            if let Ok(json) = serde_json::to_string(&old) {
                let _ =
                    platform::storage_set(OLD_AGENT_STATES_KEY, &JsValue::from_str(&json)).await;
            }
        }
    });
}

impl App {
    /// Opens the conversation `key` (another thread, post dialog or chat popup): what was
    /// known of the last one goes, its pending save of first-seen times made first, and this
    /// one's agent state and first-seen times are loaded.
    fn open(&mut self, key: String) {
        if self.key == key {
            return;
        }
        self.gone_at = None;
        if self.seen_save.take().is_some() {
            wasm_bindgen_futures::spawn_local(save_first_seen(
                self.key.clone(),
                self.store.first_seen(),
            ));
        }
        if self.store.open(&key) {
            self.panel.replies().forget_used_here();
            self.watch = None;
            self.seen = extract::Seen::new();
            self.forget_conversation();
            self.agent = AgentStates::default();
            self.known &= POLICY_KNOWN;
            self.reading = false;
            self.read_on = None;
            wasm_bindgen_futures::spawn_local(load_agent_state(key.clone()));
            wasm_bindgen_futures::spawn_local(load_first_seen(key.clone()));
        }
        self.key = key;
    }

    /// Lets go of the conversation as last read and what was worked out from it (the
    /// customer's analysis, the ranking, the checks' reading).
    fn forget_conversation(&mut self) {
        self.conversation = None;
        self.prepared.take();
        self.theirs.take();
        self.customer = None;
        self.ranked_for = RankKey::default();
        self.ranked_at = f64::NEG_INFINITY;
        self.suggest_soon = None;
    }

    /// Forgets what the checks had read from the conversation and the recent replies (one of
    /// them changed), and reads it again in a moment, off the send path; a burst of changes
    /// is read once.
    fn unprepare(&mut self) {
        self.prepared.take();
        // (Also when the customer answered changed, with the same messages.)
        self.theirs.take();
        self.unprepared = self.unprepared.wrapping_add(1);
        self.prepare_later();
    }

    /// Reads the conversation for the checks once it has been still for [`prepare_delay`]
    /// (a pending read is put off).
    fn prepare_later(&mut self) {
        let wait = prepare_delay(self.watch.as_ref().map_or(0, Watch::delay));
        self.prepare_soon = Some(Timeout::new(wait, || {
            APP.with(|a| {
                if let Some(app) = a.try_borrow().ok().as_ref().and_then(|g| g.as_ref()) {
                    if let Some(c) = &app.conversation {
                        app.prepared.get_or_init(|| check::prepare(c, &app.recent));
                    }
                }
            })
        }));
    }

    /// Pins the SLA badge beside the composer and keeps the panel off the composer and the
    /// site's send button.
    fn place(&self) -> Result<(), JsValue> {
        let (composer, send) = self.composer_and_send();
        let zone = composer.as_ref().map(|c| {
            let mut zone = zone_of(c);
            if let Some(send) = &send {
                let z = zone_of(send);
                if z.right > z.left {
                    zone = zone.union(z);
                } else {
                    // It was hidden since it was found (sites swap send buttons): look again.
                    self.placed.borrow_mut().1 = None;
                }
            }
            zone
        });
        // The panel first: the pin keeps off where it ends up.
        self.panel.dodge(zone)?;
        self.panel.place_pin(composer.as_ref())
    }

    /// The composer and the site's visible send button, as last found while they stay in the
    /// page. Looking for them is a search of the whole page, which on a long page that has no
    /// composer costs more than reading the conversation: it is done again when one of them
    /// left the page, and while one is missing when [`extract::look_again`] says so.
    fn composer_and_send(&self) -> (Option<Element>, Option<Element>) {
        let now = now_ms();
        let mut found = self.placed.borrow_mut();
        let (composer, send, at, cost) = &*found;
        let gone = |e: &Option<Element>| e.as_ref().is_some_and(|e| !e.is_connected());
        // The agent moved to another composer of the page (a reply box, the post's own).
        let focused = self
            .profile
            .and_then(|p| extract::focused_composer(p.composer));
        let moved = focused.is_some() && focused != *composer;
        let stale = moved
            || gone(composer)
            || gone(send)
            || ((composer.is_none() || send.is_none()) && extract::look_again(*at, *cost, now));
        if stale {
            let composer = focused.or_else(|| {
                self.profile
                    .and_then(|p| extract::first_match(&self.doc, p.composer))
            });
            // The send button only beside a composer (no second search of a page without).
            let send = composer.as_ref().and_then(|_| {
                self.profile
                    .and_then(|p| gate::visible_send_button(&self.doc, p))
            });
            *found = (composer, send, now, now_ms() - now);
        }
        (found.0.clone(), found.1.clone())
    }
}

fn zone_of(el: &Element) -> Zone {
    let r = el.get_bounding_client_rect();
    Zone {
        left: r.left(),
        top: r.top(),
        right: r.right(),
        bottom: r.bottom(),
    }
}

thread_local! {
    /// Whether a [`place_soon`] is waiting for its frame.
    static PLACE_SOON: Cell<bool> = const { Cell::new(false) };
}

/// Moves the SLA pin beside the composer and keeps the panel off it after the browser has
/// drawn its next frame, when the page's layout is current. Reading positions earlier makes
/// the browser lay the page out at once, which on a long page costs more than reading it (at
/// start, a third of the time to the panel being ready). Requests within a frame are one.
fn place_soon() {
    if PLACE_SOON.with(|p| p.replace(true)) {
        return;
    }
    let drawn = Closure::once_into_js(|| {
        Timeout::new(0, || {
            PLACE_SOON.with(|p| p.set(false));
            if !stopped() {
                place_pin(true);
            }
        })
        .forget();
    });
    let asked = web_sys::window().map(|w| w.request_animation_frame(drawn.unchecked_ref()));
    if !matches!(asked, Some(Ok(_))) {
        PLACE_SOON.with(|p| p.set(false));
        place_pin(true);
    }
}

/// Moves the SLA pin beside the composer. `afresh`: the page's words under it are looked at
/// again (the page scrolled, was resized or read again: the words may have moved while the
/// composer stayed); otherwise a pin whose place, words and card are unchanged is left as it is.
fn place_pin(afresh: bool) {
    APP.with(|a| {
        if let Ok(guard) = a.try_borrow() {
            if let Some(app) = guard.as_ref().filter(|app| app.conversation.is_some()) {
                if afresh {
                    app.panel.forget_pin_place();
                }
                let _ = app.place();
            }
        }
    });
}

/// Recomputes and shows the SLA status of the open conversation, then has the pin placed
/// after the next frame (the status changed with a read or the agent's action).
fn tick_sla() {
    if show_sla() {
        place_soon();
    }
}

/// The clock's tick, every second. The composer moves with layout, not only with scrolling:
/// the pin follows it here, in this task. Asking for an animation frame instead had the
/// browser draw a frame every second on a page at rest, and on a long page each such frame
/// cost a hit test of the whole page; a pin placed the same way writes nothing.
/// A placing already waiting for its frame (a read just changed the panel) is left to do it.
fn tick_clock() {
    if !stopped() && show_sla() && !PLACE_SOON.with(Cell::get) {
        place_pin(false);
    }
}

/// Shows the SLA status of the open conversation (or clears it); whether one is open.
fn show_sla() -> bool {
    APP.with(|a| {
        let guard = a.borrow();
        let Some(app) = guard.as_ref() else {
            return false;
        };
        let result = match &app.conversation {
            Some(c) if app.known == POLICY_KNOWN | AGENT_KNOWN | SEEN_KNOWN => {
                let now = js_sys::Date::now() as i64;
                let status = sla::status(c, &app.policy, &app.agent, now);
                // The replies are for the customer: their own wait (on a public post another
                // commenter's may run the badge's clock, and what the agent sets is for them).
                let commenter = sla::commenter(c);
                let own = commenter.and_then(|_| {
                    let mut cached = app.theirs.borrow_mut();
                    if cached.as_ref().map(|(v, _)| *v) != Some(app.built_at) {
                        *cached = Some((app.built_at, sla::customer_conversation(c)));
                    }
                    let theirs = cached.as_ref()?.1.as_ref()?;
                    Some(sla::status(theirs, &app.policy, &app.agent, now))
                });
                let theirs = own.as_ref().unwrap_or(&status);
                // `{wait}` in the replies: since the clock started, while it runs.
                let waited = theirs
                    .started_ms
                    .filter(|_| theirs.stopped_ms.is_none())
                    .map(|t| ((now - t).max(0) / 60_000) as u32);
                app.panel.replies().set_wait(waited);
                app.panel
                    .replies()
                    .set_overdue(theirs.state == sla::State::Breached);
                // The clock turned due soon (or back) since the suggestions were ranked: they
                // are ranked again, in a task of their own (an apology for the wait now fits).
                let late = matches!(theirs.state, sla::State::DueSoon | sla::State::Breached);
                app.late.set(late);
                if app.ranked_for.as_ref().is_some_and(|k| k.2 != late) {
                    let surface = c.surface;
                    Timeout::new(0, move || {
                        APP.with(|a| {
                            if let Some(app) =
                                a.try_borrow_mut().ok().as_mut().and_then(|g| g.as_mut())
                            {
                                suggest(app, surface);
                            }
                        })
                    })
                    .forget();
                }
                // The buttons act on the commenter answered (a public post), or on the whole
                // conversation; on a post whose commenter answered has no clock running nor
                // held, on whoever's wait runs the badge ("Sam Lee has waited 2 h").
                let holds = |st: &sla::SlaStatus, held: AgentState| match held {
                    AgentState::Active => false,
                    AgentState::Paused { .. } => st.state == sla::State::Paused,
                    AgentState::NoReplyNeeded { .. } => st.state == sla::State::None,
                };
                let runs = |st: &sla::SlaStatus| {
                    matches!(
                        st.state,
                        sla::State::Ok | sla::State::DueSoon | sla::State::Breached
                    )
                };
                let mut target = commenter.cloned();
                let mut shown = theirs;
                if let Some(who) = commenter {
                    if !holds(theirs, app.agent.of(who)) && !runs(theirs) {
                        // The one whose wait runs the badge, or the one the buttons just
                        // paused or marked (their "Resume" stays).
                        let marked = app.sla_target.borrow().clone().filter(|t| {
                            !t.same_person(who)
                                && app.agent.own(t).is_some_and(|st| holds(&status, st))
                        });
                        let waiting = status.waiting.as_ref().filter(|_| runs(&status));
                        let other = waiting.and_then(|w| {
                            c.messages
                                .iter()
                                .rev()
                                .find(|m| m.party == Party::Customer && m.author.shown() == *w)
                                .map(|m| m.author.clone())
                        });
                        if let Some(other) = other.or(marked) {
                            (target, shown) = (Some(other), &status);
                        }
                    }
                }
                let held = target.as_ref().map_or(app.agent.all, |t| app.agent.of(t));
                // A state an older Waypoint set for the whole post is resumed as one.
                let whole = target.as_ref().is_some_and(|t| {
                    app.agent.own(t).is_none() && app.agent.all != AgentState::Active
                });
                let controls = crate::web::panel::SlaControls {
                    set: holds(shown, held),
                    running: runs(shown),
                    who: target.as_ref().filter(|_| !whole).map(|a| a.shown()),
                    answering: commenter.map(|a| a.shown()),
                };
                *app.sla_target.borrow_mut() = target.filter(|_| !whole);
                app.panel.show_sla(&status, &controls)
            }
            _ => app.panel.clear_sla(),
        };
        if let Err(e) = result {
            web_sys::console::warn_2(&"Waypoint: could not show the SLA:".into(), &e);
        }
        app.conversation.is_some()
    })
}

/// Stops the controller and removes the panel with its observer and timers.
pub fn shutdown() {
    APP.with(|a| a.borrow_mut().take());
}

fn run(result: Result<(), JsValue>) {
    if let Err(e) = result {
        web_sys::console::warn_2(&"Waypoint: could not read the page:".into(), &e);
    }
}

/// The composer of the open surface that holds `event`'s target, if any.
fn composer_of_event(event: &web_sys::Event) -> Option<Element> {
    let target = event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())?;
    let selectors = APP.with(|a| {
        a.try_borrow()
            .ok()
            .and_then(|g| g.as_ref().and_then(|app| app.profile))
            .map(|p| p.composer)
    })?;
    extract::composer_holding(&target, selectors)
}

/// Notes whom the draft in `composer` begins by addressing; whether that changed (the
/// customer may have). Reads the composer's text without layout (the beginning is all that
/// counts).
fn addressed_changed(composer: &Element) -> bool {
    let draft = match composer.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(t) => t.value(),
        None => composer.text_content().unwrap_or_default(),
    };
    let handle = crate::core::reading::addressed(&draft);
    APP.with(|a| {
        a.try_borrow_mut()
            .ok()
            .and_then(|mut g| g.as_mut().map(|app| app.store.set_addressed(handle)))
            .unwrap_or(false)
    })
}

fn schedule_refresh() {
    if !stopped() {
        run(refresh());
    }
}

/// Set when Waypoint stopped after a fault of its own (a panic ends the module where it was,
/// its state held mid-change): the clock and the reads stop calling into it, where each call
/// would fail again.
static STOPPED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Panics with the state held (see `debugPanic`).
pub(crate) fn panic_mid_change() {
    APP.with(|a| {
        let _held = a.borrow_mut();
        panic!("a fault made by the test");
    })
}

/// Whether Waypoint stopped after a fault of its own ([`STOPPED`]).
pub(crate) fn stopped() -> bool {
    STOPPED.load(Relaxed)
}

/// The panic hook: says once, on the console and in the panel (found from the page, not from
/// the state), that Waypoint stopped, that the site goes on without it, and how to start it
/// again. Sends are then no longer checked: the listeners fail open, as the site's own.
fn stop() {
    if STOPPED.swap(true, Relaxed) {
        return;
    }
    const SAID: &str = "Waypoint stopped after an error of its own. The site works as usual, \
        but sends are not checked and the clock is not kept: reload the page to start Waypoint \
        again.";
    web_sys::console::error_1(&SAID.into());
    let host = dom::document()
        .ok()
        .and_then(|d| d.query_selector(crate::web::panel::TAG).ok().flatten());
    let Some(host) = host else {
        return;
    };
    let _ = host.set_attribute("data-state", "stopped");
    if let Some(root) = host.shadow_root() {
        if let Ok(Some(card)) = root.query_selector(".card") {
            let _ = card.class_list().remove_1("collapsed");
        }
        if let Ok(Some(notice)) = root.query_selector("p.notice[data-notice=\"settings\"]") {
            notice.set_text_content(Some(SAID));
            let _ = notice.set_attribute("role", "alert");
        }
    }
}

/// The periodic look: re-reads only when the URL changed or the watched container is gone or
/// replaced (the observer reports changes inside it).
fn refresh_if_moved() -> Result<(), JsValue> {
    let href = current_href()?;
    let settled = APP.with(|a| {
        let guard = a.borrow();
        let Some(app) = guard.as_ref() else {
            return true;
        };
        if app.href != href || !app.panel.is_attached() {
            return false;
        }
        let Some(route) = route::classify(&href) else {
            return true;
        };
        let site = sites::profile(route.site);
        let Some(profile) = route.surface.and_then(|s| site.surface(s)) else {
            // No conversation in the URL: settled unless a post dialog or a chat popup opened
            // or closed, or the open one was replaced.
            if extract::first_match(&app.doc, site.post_dialog).is_some() {
                return app.key.ends_with(":dialog") && app.watch.is_some();
            }
            let popup = app.key.split_once(POPUP).map(|(_, named)| named);
            return match extract::first_match(&app.doc, site.dm_popup) {
                None => !app.key.ends_with(":dialog") && popup.is_none(),
                // The popup's log drawn anew or named anew (another contact chosen) is read
                // again. Asked of the log watched, not by a search of the page.
                Some(_) => popup.is_some_and(|named| {
                    app.watch.as_ref().is_some_and(|w| {
                        let log = w.target();
                        log.is_connected()
                            && log
                                .get_attribute("aria-label")
                                .is_none_or(|l| l.is_empty() || l == named)
                    })
                }),
            };
        };
        match (
            &app.watch,
            extract::first_match(&app.doc, profile.containers),
        ) {
            // Settled, unless a header or side nav missing at the last read is due a look and
            // has changed (it rendered late).
            // Nor while nothing could be read and the warning held back for the page's first
            // moments is still to come: a quiet page would not read again to give it.
            (Some(w), Some(c)) => {
                let now = js_sys::Date::now();
                // A list back after going away is read again (the panel stopped speaking of it).
                w.watches(&c)
                    && app.gone_at.is_none()
                    && !(app.store.is_empty()
                        && now - app.entered_at < GRACE_MS + 2.0 * f64::from(TICK_MS))
                    && !(app.seen.page_due(now) && app.seen.page_changed(&app.doc, profile))
            }
            _ => false,
        }
    });
    if settled {
        Ok(())
    } else {
        refresh()
    }
}

/// Whether this is the extension's practice page.
pub(crate) fn practising() -> bool {
    current_href().is_ok_and(|h| route::is_practice(&h))
}

fn current_href() -> Result<String, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("Waypoint: no window"))?
        .location()
        .href()
}

/// The page's UI language, as far as replies are concerned (Spanish or English).
fn page_lang(doc: &Document) -> Option<Lang> {
    let lang = doc
        .document_element()?
        .get_attribute("lang")?
        .to_ascii_lowercase();
    Some(if lang.starts_with("es") {
        Lang::Es
    } else {
        Lang::En
    })
}

/// The language replies are offered in: the customer's, as the last ranking read it, when it
/// is clear; otherwise the page's.
fn reply_lang(app: &App) -> Lang {
    let page = page_lang(&app.doc);
    app.customer
        .as_ref()
        .map_or(page.unwrap_or(Lang::En), |c| c.reply_lang(page))
}

fn utc_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// What the panel says while a conversation not shown yet is read in parts.
const READING: &str = "Reading the conversation…";

/// What a chat popup's key holds before the name its message log gives.
const POPUP: &str = ":dm:popup:";

/// The key of a conversation: a new key starts a new store.
fn thread_key(route: &Route) -> String {
    format!(
        "{}:{}:{}",
        route.site.as_str(),
        route.surface.map_or("none", |s| s.as_str()),
        route.thread.as_deref().unwrap_or("")
    )
}

/// … and when the agent left a conversation while a send was held for its read to end.
const LEFT_READING: &str =
    "Not sent: you left that conversation while Waypoint was still reading it.";

/// What the panel says when the agent left a conversation while its checklist was open: the
/// reply was not sent (its draft stays wherever the site keeps it).
fn left_unsent(with: Option<&str>) -> String {
    match with {
        Some(name) => format!(
            "Not sent: you left the conversation with \u{2068}{name}\u{2069} while its checklist was open."
        ),
        None => "Not sent: you left that conversation while its checklist was open.".to_owned(),
    }
}

fn refresh() -> Result<(), JsValue> {
    let started = now_ms();
    let href = current_href()?;
    let Some(route) = route::classify(&href) else {
        return Ok(());
    };
    let mut unprepared = 0;
    let view = APP.with(|a| -> Result<Option<View>, JsValue> {
        let mut guard = a.borrow_mut();
        let Some(app) = guard.as_mut() else {
            return Ok(None);
        };
        unprepared = app.unprepared;
        let was = app.key.clone();
        // Who the conversation was with, should its checklist, open now, be left (named only
        // then: a refresh runs at every change of the page).
        let with = Gate::is_open()
            .then(|| {
                app.conversation
                    .as_ref()?
                    .customer
                    .as_ref()
                    .map(|c| c.shown())
            })
            .flatten()
            .filter(|n| !n.trim().is_empty());
        let now = js_sys::Date::now();
        if app.href != href {
            app.href = href.clone();
            *app.placed.borrow_mut() = (None, None, f64::NEG_INFINITY, 0.0);
            app.entered_at = now;
            let read = app.seen.map().clone();
            app.open(thread_key(&route));
            if app.key != was {
                app.left = Some((read, now));
            }
        }
        if !app.panel.is_attached() {
            app.panel.reattach(&app.doc)?;
        }
        let view = read(app, &route, now);
        if let Some(draft) = (app.key != was).then(Gate::dismiss).flatten() {
            // The agent may take the closing dialog for a sent reply; and the site may have
            // dropped the draft with the conversation: it can be copied from the notice.
            let said = left_unsent(with.as_deref());
            app.panel
                .replies()
                .say_with_copy(&said, LEFT_UNSENT, &draft)?;
            app.panel.expand();
        }
        if let Some(draft) = (app.key != was).then(Gate::dismiss_held).flatten() {
            // A send held while that conversation was read: not sent, and said so.
            app.panel
                .replies()
                .say_with_copy(LEFT_READING, LEFT_UNSENT, &draft)?;
            app.panel.expand();
        }
        if view.state == ReadState::Ready {
            if app.clock.is_none() {
                app.clock = Some(Interval::new(1_000, tick_clock));
            }
        } else {
            app.clock = None;
            app.forget_conversation();
        }
        Ok(Some(view))
    })?;
    tick_sla();
    if let Some(view) = view {
        APP.with(|a| {
            if let Some(app) = a.borrow_mut().as_mut() {
                app.panel.show(&view)?;
                place_soon();
                if let Some(w) = &app.watch {
                    // The next re-read waits in proportion to what this whole refresh cost
                    // (reading, the panel, the badge; suggestions are ranked in a task of
                    // their own and spaced apart by SUGGEST_EVERY_MS).
                    let cost = now_ms() - started;
                    w.set_delay((cost * COST_FACTOR).min(MAX_DELAY_MS) as u32);
                }
                if app.unprepared != unprepared {
                    // The conversation changed: the checks wait out the spacing just set (a
                    // page loading a long thread, its first re-read cheap and the next ones
                    // a second apart, would otherwise be read for them in between).
                    app.prepare_later();
                }
            }
            Ok::<(), JsValue>(())
        })?;
    }
    Ok(())
}

fn read(app: &mut App, route: &Route, now: f64) -> View {
    let mut view = View {
        site: route.site,
        surface: route.surface,
        state: ReadState::NoConversation,
        messages: 0,
        customer: None,
        note: None,
    };
    let mut route = route.clone();
    // A chat popup's message log, once found to name the popup's conversation (not searched
    // for twice).
    let mut log = None;
    if route.surface.is_none()
        && extract::first_match(&app.doc, sites::profile(route.site).post_dialog).is_some()
    {
        // A post opened as a dialog over a feed: read it as a public thread of its own.
        route.surface = Some(Surface::Post);
        route.thread = Some("dialog".to_owned());
        view.surface = route.surface;
        app.open(thread_key(&route));
    } else if route.surface.is_none()
        && extract::first_match(&app.doc, sites::profile(route.site).dm_popup).is_some()
    {
        // A chat popup over a page: read it as the direct-message thread it is. The
        // conversation is the one its message log names: a popup opened in place of another
        // (another contact chosen) is another conversation. A log that shows no name (yet)
        // stays the popup's conversation.
        log = sites::profile(route.site)
            .surface(Surface::Dm)
            .and_then(|p| extract::first_match(&app.doc, p.containers));
        let named = log
            .as_ref()
            .and_then(|log| log.get_attribute("aria-label"))
            .filter(|l| !l.is_empty());
        route.surface = Some(Surface::Dm);
        route.thread = Some(match (named, app.key.split_once(POPUP)) {
            (Some(named), _) => format!("popup:{named}"),
            (None, Some((_, open))) => format!("popup:{open}"),
            (None, None) => "popup:".to_owned(),
        });
        view.surface = route.surface;
        app.open(thread_key(&route));
    }
    let route = &route;
    let Some(surface) = route.surface else {
        app.watch = None;
        // A closed dialog ends its conversation: the next one starts afresh.
        let key = thread_key(route);
        if app.key != key {
            app.store.open(&key);
            app.seen = extract::Seen::new();
            app.key = key;
        }
        return view;
    };
    if route.locked {
        app.watch = None;
        view.note =
            Some("This chat is locked with a passcode: nothing is read until you unlock it");
        return view;
    }
    let Some(profile) = sites::profile(route.site).surface(surface) else {
        view.state = ReadState::Unrecognized;
        return view;
    };
    let unread = match log.or_else(|| extract::first_match(&app.doc, profile.containers)) {
        None => Unread::NoContainer(profile.containers),
        Some(container) => {
            if !app.watch.as_ref().is_some_and(|w| w.watches(&container)) {
                app.watch = Watch::new(&container, app.seen.map(), profile, schedule_refresh).ok();
            }
            let started = now_ms();
            let left = app.left.as_ref().filter(|(_, at)| now - at < GRACE_MS);
            let result = extract::read_thread(
                &app.doc,
                &container,
                route,
                profile,
                Some(&app.seen),
                app.slice.limit(),
                left.map(|(m, _)| m),
            );
            match result {
                Ok(mut read) => {
                    app.left = None;
                    app.gone_at = None;
                    for brand in &app.brands {
                        read.raw.identity.handles.push(brand.clone());
                        read.raw.identity.names.push(brand.clone());
                    }
                    read.raw.identity.automatic.clone_from(&app.automatic);
                    let messages = std::mem::take(&mut read.raw.messages);
                    let mut entries =
                        interpret(messages, &read.raw.identity, now as i64, utc_offset_min());
                    app.store.settle_repeats(&mut entries);
                    app.seen.remember(&read, &entries);
                    let before = app.store.len();
                    let first = std::mem::take(&mut app.reading) || before == 0;
                    // The conversation kept from the last read shares the store's messages:
                    // let go of them first, so that the merge changes them in place instead
                    // of copying them all.
                    let last = app
                        .conversation
                        .take()
                        .map(|c| (c.customer, c.thread, c.site, c.surface));
                    app.store.merge(entries, now as i64);
                    if app.store.len() > before && app.seen_save.is_none() {
                        // Saved at most every few seconds: a busy page is not slowed by it.
                        app.seen_save = Some(Timeout::new(SEEN_SAVE_MS, save_first_seen_now));
                    }
                    if !app.profile.is_some_and(|p| std::ptr::eq(p, profile)) {
                        // Another surface: its composer and send button are others.
                        *app.placed.borrow_mut() = (None, None, f64::NEG_INFINITY, 0.0);
                    }
                    // Known from the first part: a send made while the rest is read is held.
                    app.profile = Some(profile);
                    if read.more {
                        // More messages than a task reads: the rest in the next tasks, the
                        // page running in between.
                        app.slice.took(now_ms() - started);
                        app.read_on = Some(Timeout::new(0, schedule_refresh));
                        if first {
                            // Shown once whole: a part of it could show the wrong customer
                            // or SLA (its newest messages not read yet).
                            app.reading = true;
                            view.note = Some(READING);
                            return view;
                        }
                    } else {
                        app.read_on = None;
                    }
                    view.state = ReadState::Ready;
                    view.messages = app.store.len();
                    let conversation = app.store.conversation(&read.raw);
                    let customer = conversation.customer.clone();
                    let same = last.is_some_and(|(customer, thread, site, surface)| {
                        app.built_at == app.store.version()
                            && customer == conversation.customer
                            && thread == conversation.thread
                            && (site, surface) == (conversation.site, conversation.surface)
                    });
                    app.built_at = app.store.version();
                    app.conversation = Some(conversation);
                    if !same {
                        app.unprepare();
                    }
                    view.customer = shown(customer.clone());
                    app.panel.set_situation(Situation {
                        site: Some(route.site),
                        surface: Some(surface),
                        customer,
                        lang: Some(reply_lang(app)),
                        composer: profile.composer,
                        thread: route.thread.clone(),
                    });
                    // Ranked in a task of its own, when the messages changed: the panel shows
                    // the conversation first.
                    if app
                        .conversation
                        .as_ref()
                        .is_some_and(|c| rank_key(c, app.late.get()) != app.ranked_for)
                    {
                        suggest_in(app, surface, 0);
                    }
                    return view;
                }
                Err(e) => e,
            }
        }
    };
    if app.reading {
        // A conversation read in parts whose list went away between two parts (a re-render):
        // still reading; the next look goes on when the list is back.
        view.note = Some(READING);
        return view;
    }
    // The list went away for a moment (a re-render): what was read, and whom, stay shown. Gone
    // longer, the page no longer shows the conversation the panel would speak of.
    if !app.store.is_empty() {
        let gone = *app.gone_at.get_or_insert(now);
        if now - gone < GRACE_MS {
            view.state = ReadState::Ready;
            view.messages = app.store.len();
            view.customer = shown(app.conversation.as_ref().and_then(|c| c.customer.clone()));
            return view;
        }
    }
    if now - app.entered_at < GRACE_MS {
        // A page still drawing the conversation (or still showing the last one).
        view.note = Some(READING);
        return view;
    }
    view.state = ReadState::Unrecognized;
    let warning = unread.warning(route.site, profile);
    if !app.warned.contains(&warning) {
        web_sys::console::warn_1(&warning.as_str().into());
        app.warned.push(warning);
    }
    view
}

/// The customer as the panel names them: their @handle, else their name.
fn shown(customer: Option<Author>) -> Option<String> {
    customer.map(|c| c.handle.map(|h| format!("@{h}")).unwrap_or(c.name))
}

/// Ranks the templates for the open conversation when what the analysis reads changed (see
/// [`RankKey`]), and shows the best three with why. While messages keep coming (a page loading a long thread), it ranks at
/// most once every [`SUGGEST_EVERY_MS`], and once more when they stop.
fn suggest(app: &mut App, surface: Surface) {
    let Some(conversation) = &app.conversation else {
        return;
    };
    let late = app.late.get();
    let key = rank_key(conversation, late);
    if app.ranked_for == key {
        return;
    }
    let now = now_ms();
    let wait = app.ranked_at + SUGGEST_EVERY_MS - now;
    if wait > 0.0 {
        suggest_in(app, surface, wait.ceil() as u32);
        return;
    }
    app.suggest_soon = None;
    app.ranked_at = now;
    app.ranked_for = key;
    let found = review::understand(conversation);
    let lang = found.reply_lang(page_lang(&app.doc));
    let used_here = app.panel.replies().used_here();
    let ranked = review::suggestions(&found, surface, lang, late, &used_here);
    app.customer = Some(found);
    app.panel.replies().set_lang(lang);
    let mood = app.customer.as_ref().map(check::mood).unwrap_or_default();
    let answered = app.customer.as_ref().is_some_and(|c| c.answered);
    app.panel.replies().set_reading(mood, answered);
    if let Err(e) = app.panel.replies().set_suggestions(&ranked) {
        web_sys::console::warn_2(&"Waypoint: could not show suggestions:".into(), &e);
    }
}

/// The data files (templates, phrase rules, lexicon, time zones) were handed over after the
/// start, which shows the conversation without waiting for them to be read: the suggestions
/// are ranked again with them, and the SLA policy is read again (business hours name a zone).
pub fn data_ready() {
    wasm_bindgen_futures::spawn_local(load_policy());
    rank_again();
}

/// Ranks the suggestions again now (the templates changed).
fn rank_again() {
    APP.with(|a| {
        if let Some(app) = a.try_borrow_mut().ok().as_mut().and_then(|g| g.as_mut()) {
            app.ranked_for = RankKey::default();
            app.ranked_at = f64::NEG_INFINITY;
            if let Some(surface) = app.conversation.as_ref().map(|c| c.surface) {
                app.suggest_soon = None;
                suggest_in(app, surface, 0);
            }
        }
    });
}

/// Ranks the suggestions `ms` from now, unless a ranking is already waiting.
fn suggest_in(app: &mut App, surface: Surface, ms: u32) {
    if app.suggest_soon.is_some() {
        return;
    }
    app.suggest_soon = Some(Timeout::new(ms, move || {
        APP.with(|a| {
            if let Some(app) = a.try_borrow_mut().ok().as_mut().and_then(|g| g.as_mut()) {
                app.suggest_soon = None;
                suggest(app, surface);
            }
        })
    }));
}

/// What the suggestions depend on: what the analysis reads ([`review::understood_from`]: the
/// customer's latest messages, ours among them, and whether we have written to them), and the
/// customer answered (on a Facebook post, opening the reply box under another comment changes
/// it with no new message). Other people's messages (a busy public thread, a page loading a
/// long one) mostly leave it as it is, and then the customer's words are not read again for
/// them; a reply of ours right after the customer's, or naming them, changes it. None until
/// ranked (a conversation with no message of the customer is ranked too: general replies).
/// And whether the customer has waited long (`App::late`): the suggestions are ranked again
/// when the clock turns due soon (see [`show_sla`]).
type RankKey = Option<(
    Option<crate::core::conversation::Author>,
    review::Understood,
    bool,
)>;

fn rank_key(conversation: &Conversation, late: bool) -> RankKey {
    Some((
        conversation.customer.clone(),
        review::understood_from(conversation),
        late,
    ))
}

/// Loads the team's checklist settings and our recent replies; broken settings are reported
/// once and the defaults stay in force.
async fn load_checklist() {
    let settings = match review::load_settings().await {
        Ok(s) => s,
        Err(e) => {
            web_sys::console::warn_1(&e.into());
            None
        }
    };
    // The practice page starts with no recent replies and keeps its own (see `sent`).
    let recent = if practising() {
        None
    } else {
        Some(review::load_recent().await)
    };
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            // Saved settings, or the defaults again when they were removed.
            app.checks = settings.unwrap_or_default();
            if let Some(recent) = recent {
                app.recent = recent;
            }
            app.unprepare();
        }
    });
}

/// The controller as the gate and the slash trigger see it. Every call tolerates being made
/// while the controller is busy (it then answers "not ready", and the site works as usual).
struct Controller;

impl gate::Host for Controller {
    fn situation(&self) -> Option<gate::Situation> {
        APP.with(|a| {
            let guard = a.try_borrow().ok()?;
            let app = guard.as_ref()?;
            // While a conversation is read in parts its sends are held ([`gate::Verdict::Wait`]).
            if app.conversation.is_none() && !app.reading {
                return None;
            }
            Some(gate::Situation {
                doc: app.doc.clone(),
                profile: app.profile?,
                root: app.panel.root().clone(),
            })
        })
    }

    fn review(&self, draft: &str) -> Option<gate::Verdict> {
        APP.with(|a| {
            let guard = a.try_borrow().ok()?;
            let app = guard.as_ref()?;
            // A send after leaving a checklist open: the agent has moved on.
            app.panel.replies().unsay(LEFT_UNSENT);
            let Some(conversation) = app.conversation.as_ref() else {
                // A long conversation still read in parts: wait for the whole of it (a part
                // could name the wrong customer).
                return app.reading.then_some(gate::Verdict::Wait);
            };
            let now = js_sys::Date::now() as i64;
            // The wait of the customer answered, not another commenter's.
            let status = sla::status_for_customer(conversation, &app.policy, &app.agent, now);
            let fresh;
            // What the suggestions read, unless messages came since (rankings wait out bursts).
            let customer = match &app.customer {
                // (The analysis does not depend on the clock: the ranking's lateness is kept.)
                Some(c)
                    if app.ranked_for
                        == rank_key(conversation, app.ranked_for.as_ref().is_some_and(|k| k.2)) =>
                {
                    c
                }
                _ => {
                    fresh = review::understand(conversation);
                    &fresh
                }
            };
            let prepared = app
                .prepared
                .get_or_init(|| check::prepare(conversation, &app.recent));
            let verdict = review::verdict(
                conversation,
                customer,
                draft,
                &status,
                &app.recent,
                prepared,
                &app.checks,
            );
            Some(match verdict {
                gate::Verdict::Pass if app.panel.replies().just_inserted() => {
                    review::read_first(draft)
                }
                v => v,
            })
        })
    }

    fn sent(&self, draft: &str) {
        let sent = APP.with(|a| {
            let mut guard = a.try_borrow_mut().ok()?;
            let app = guard.as_mut()?;
            app.panel.replies().unsay(NOT_SENT);
            app.panel.replies().sent();
            let text = review::remember(&mut app.recent, draft);
            app.unprepare();
            // Practice replies are checked against each other for this visit only: they are
            // not the agent's replies to customers (nor the last trainee's).
            text.filter(|_| !practising())
        });
        if let Some(text) = sent {
            review::note_sent(&text);
        }
    }

    fn not_sent(&self, why: &str, checked: Option<&str>) {
        APP.with(|a| {
            if let Some(app) = a.try_borrow().ok().as_ref().and_then(|g| g.as_ref()) {
                match checked {
                    Some(reply) => {
                        let _ = app.panel.replies().say_with_copy(why, NOT_SENT, reply);
                    }
                    None => app.panel.replies().say(why, NOT_SENT),
                }
                // Said where it is seen: a minimised panel opens, and keeps off the composer.
                app.panel.expand();
                place_soon();
            }
        });
    }
}

impl slash::Host for Controller {
    fn situation(&self) -> Option<slash::Situation> {
        APP.with(|a| {
            let guard = a.try_borrow().ok()?;
            let app = guard.as_ref()?;
            let conversation = app.conversation.as_ref()?;
            Some(slash::Situation {
                composer: app.profile?.composer,
                lang: reply_lang(app),
                surface: conversation.surface,
                answered: app.customer.as_ref().map(|c| c.answered),
            })
        })
    }

    fn suggested(&self) -> Vec<String> {
        APP.with(|a| {
            a.try_borrow()
                .ok()
                .and_then(|g| g.as_ref().map(|app| app.panel.replies().suggested_ids()))
                .unwrap_or_default()
        })
    }

    fn pick(
        &self,
        id: &str,
        composer: &web_sys::Element,
        mark: Option<crate::web::composer::Mark>,
    ) {
        APP.with(|a| {
            if let Some(app) = a.try_borrow().ok().as_ref().and_then(|g| g.as_ref()) {
                // Alt+Shift+W from the template's form goes back to the composer.
                app.panel.came_from(composer);
                // Picked in the composer while the panel was minimised: it opens, so the
                // template's form is seen (and can take the focus), and moves off the
                // composer if it now covers it.
                app.panel.expand();
                place_soon();
                if let Err(e) = app.panel.replies().open_template(id, mark) {
                    web_sys::console::warn_2(&"Waypoint: could not open the template:".into(), &e);
                }
            }
        });
    }
}
