//! The generic extractor: a site profile + the DOM → a [`RawThread`]. Everything that needs
//! judgement (ids, times, who is us, the customer) happens in `core::reading`.
//!
//! The DOM is read by a small JS gatherer (gather.js) that the profile's selectors are handed
//! to as data: one call reads every message of a thread, where reading from Rust cost about
//! fifteen calls across the wasm/JS boundary per message. What the values mean (`Then`) is
//! decided here.

use crate::core::conversation::{Author, Site};
use crate::core::reading::{
    handle_from_href, name_before_time, nearest_other, parse_message_label, query_value,
    status_id_from_href, strip_any_prefix, Entry, Identity, RawMessage, RawThread,
};
use crate::core::route::Route;
use crate::web::sites::{Field, Pick, SurfaceProfile, Then};
use js_sys::JsString;
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

// DOM calls that take their selector as a JS string made once. A Rust `&str` argument is
// copied into JS on every call (or, interned, hashed with 64-bit SipHash, which the module's
// JavaScript translation emulates slowly); a profile's strings are `'static`, so each crosses
// once and is kept here.
#[wasm_bindgen]
extern "C" {
    /// An element or the document, as these calls see it.
    type Scope;
    #[wasm_bindgen(method, catch, js_name = querySelector)]
    fn query_js(this: &Scope, selectors: &JsString) -> Result<Option<Element>, JsValue>;
}

// The fields of a thread, gathered on the JS side (see gather.js).
#[wasm_bindgen(module = "/src/web/gather.js")]
extern "C" {
    #[derive(Clone)]
    type Gatherer;
    #[wasm_bindgen(constructor, catch)]
    fn new(plan: &str) -> Result<Gatherer, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn find(this: &Gatherer, container: &Element) -> Result<u32, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn read(this: &Gatherer, seen: &JsValue, limit: u32) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn value(
        this: &Gatherer,
        el: &Element,
        list: u32,
        from: u32,
        message: bool,
    ) -> Result<String, JsValue>;
    #[wasm_bindgen(method)]
    fn element(this: &Gatherer, index: u32) -> Option<Element>;
    #[wasm_bindgen(method, js_name = allIn)]
    fn all_in(this: &Gatherer, map: &js_sys::WeakMap) -> bool;
    #[wasm_bindgen(method, catch)]
    fn answered(
        this: &Gatherer,
        root: &Element,
        focused: Option<Element>,
    ) -> Result<String, JsValue>;
    #[wasm_bindgen(method)]
    fn preceding(this: &Gatherer, index: u32) -> Option<Element>;
    #[wasm_bindgen(method, js_name = forgetPreceding)]
    fn forget_preceding(this: &Gatherer);
    #[wasm_bindgen(method)]
    fn remember(this: &Gatherer, seen: &js_sys::WeakMap, numbers: &[u32]);
    /// The one observer of a conversation's container (see gather.js): it forgets the
    /// message elements its records changed (so that they are read again), hands them to the
    /// gatherer that searched the container last, then calls `on_change`.
    pub type ContainerWatch;
    #[wasm_bindgen(constructor, catch)]
    fn new_watch(
        container: &Element,
        seen: &js_sys::WeakMap,
        on_change: &js_sys::Function,
        gatherer: &Gatherer,
    ) -> Result<ContainerWatch, JsValue>;
    #[wasm_bindgen(method)]
    pub fn disconnect(this: &ContainerWatch);
}

/// Starts the one observer of `container`, read with `profile`: see [`ContainerWatch`].
pub fn watch(
    container: &Element,
    seen: &js_sys::WeakMap,
    on_change: &js_sys::Function,
    profile: &'static SurfaceProfile,
) -> Result<ContainerWatch, JsValue> {
    let gatherer = gatherer(profile)
        .map_err(|_| JsValue::from_str("Waypoint: no gatherer for this profile"))?;
    ContainerWatch::new_watch(container, seen, on_change, &gatherer)
}

fn scope<T: JsCast>(x: &T) -> &Scope {
    x.unchecked_ref()
}

thread_local! {
    /// The `'static` strings that crossed, by address and length (sorted).
    static CROSSED: RefCell<Vec<(usize, usize, JsString)>> = const { RefCell::new(Vec::new()) };
    /// The selector lists that crossed as one list (joined by commas), by the same key.
    static JOINED: RefCell<Vec<(usize, usize, JsString)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the JS string kept in `cache` under `key`, made by `make` on first use.
fn kept<T>(
    cache: &RefCell<Vec<(usize, usize, JsString)>>,
    key: (usize, usize),
    make: impl FnOnce() -> JsString,
    f: impl FnOnce(&JsString) -> T,
) -> T {
    let at = {
        let mut list = cache.borrow_mut();
        match list.binary_search_by(|(p, l, _)| (*p, *l).cmp(&key)) {
            Ok(at) => at,
            Err(at) => {
                list.insert(at, (key.0, key.1, make()));
                at
            }
        }
    };
    f(&cache.borrow()[at].2)
}

/// Runs `f` with `s` as a JS string, made on first use and kept.
fn with_js<T>(s: &'static str, f: impl FnOnce(&JsString) -> T) -> T {
    let key = (s.as_ptr() as usize, s.len());
    CROSSED.with(|c| kept(c, key, || JsString::from(s), f))
}

/// Runs `f` with `selectors` as one selector list (any of them), made on first use and kept.
fn with_joined<T>(selectors: &'static [&'static str], f: impl FnOnce(&JsString) -> T) -> T {
    let key = (selectors.as_ptr() as usize, selectors.len());
    JOINED.with(|c| kept(c, key, || JsString::from(selectors.join(", ")), f))
}

/// Why a thread could not be read: the selectors that found nothing, or what went wrong
/// reading the messages found (a selector the browser refuses, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    NoContainer(&'static [&'static str]),
    NoMessages(&'static [&'static str]),
    Failed(String),
}

impl Unread {
    /// The one warning logged for it.
    pub fn warning(&self, site: Site, profile: &SurfaceProfile) -> String {
        let (what, tried) = match self {
            Unread::NoContainer(t) => ("conversation container", t),
            Unread::NoMessages(t) => ("messages", t),
            Unread::Failed(why) => {
                return format!(
                    "Waypoint: the {} profile ({}) could not read the messages: {why}. Waypoint stands by and {} works as usual.",
                    site.display_name(),
                    profile.surface.label(),
                    site.display_name()
                )
            }
        };
        format!(
            "Waypoint: the {} profile ({}) found no {what}; selectors tried: {}. Waypoint stands by and {} works as usual.",
            site.display_name(),
            profile.surface.label(),
            tried.join(" | "),
            site.display_name()
        )
    }
}

/// The first element matching one of `selectors`, in order of preference.
///
/// One search for any of them comes first: on a long page, looking for what is not there (a
/// composer, a side nav) visits every element once per selector, and this visits them once.
/// When what it finds matches the first selector, that is the answer too (nothing before it
/// in the page matches any); otherwise (or when the browser refuses one of the selectors) the
/// selectors are tried in order.
pub fn first_match(doc: &Document, selectors: &'static [&'static str]) -> Option<Element> {
    if let [first, _, ..] = selectors {
        match with_joined(selectors, |j| scope(doc).query_js(j)) {
            Ok(None) => return None,
            Ok(Some(el)) if el.matches(first).unwrap_or(false) => return Some(el),
            _ => {}
        }
    }
    selectors
        .iter()
        .find_map(|&sel| with_js(sel, |j| scope(doc).query_js(j)).ok().flatten())
}

/// The composer (one of `selectors`, tried in order) that holds `target`: where the agent
/// types, when a page has several (a reply box opened under a comment, above the post's own).
pub fn composer_holding(target: &Element, selectors: &[&'static str]) -> Option<Element> {
    selectors
        .iter()
        .find_map(|&sel| target.closest(sel).ok().flatten())
}

thread_local! {
    /// The composer the agent last put the caret in ([`note_focus`]).
    static FOCUSED_COMPOSER: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// Remembers `composer`, which just took the focus: a reply goes where the agent last typed
/// when the page has several composers.
pub fn note_focus(composer: &Element) {
    FOCUSED_COMPOSER.with(|f| *f.borrow_mut() = Some(composer.clone()));
}

/// The composer the agent last focused, while it is still in the page and one of
/// `selectors` (no search of the page).
pub fn focused_composer(selectors: &[&'static str]) -> Option<Element> {
    FOCUSED_COMPOSER.with(|f| f.borrow().clone()).filter(|c| {
        c.is_connected() && selectors.iter().any(|&sel| c.matches(sel).unwrap_or(false))
    })
}

/// The composer a reply goes into and the panel keeps clear of: the one the agent last
/// focused ([`focused_composer`]), else the page's first.
pub fn current_composer(doc: &Document, selectors: &'static [&'static str]) -> Option<Element> {
    focused_composer(selectors).or_else(|| first_match(doc, selectors))
}

/// The composer a send button belongs to: the first (by `selectors`) inside the button's
/// nearest ancestor that holds one.
pub fn composer_near(button: &Element, selectors: &[&'static str]) -> Option<Element> {
    let mut at = button.parent_element();
    while let Some(a) = at {
        let found = selectors
            .iter()
            .find_map(|&sel| a.query_selector(sel).ok().flatten());
        if found.is_some() {
            return found;
        }
        at = a.parent_element();
    }
    None
}

/// What a raw value means under `then`, as a string made once: a value kept is the raw one
/// when there is nothing to trim (no copy of every message's text), and one turned into
/// something else (a post id from a link) is read where it lies.
fn apply(then: Then, s: Cow<'_, str>) -> Option<String> {
    let t = crate::core::reading::trim(&s);
    if t.is_empty() {
        return None;
    }
    match then {
        Then::Keep => Some(if t.len() == s.len() {
            s.into_owned()
        } else {
            t.to_owned()
        }),
        Then::StatusId => status_id_from_href(t),
        Then::HandleFromHref => handle_from_href(t),
        Then::Query(name) => query_value(t, name),
        Then::StripPrefix(prefixes) => strip_any_prefix(t, prefixes).map(str::to_owned),
        Then::Between(prefixes, ends) => name_before_time(t, prefixes, ends),
        Then::LabelTime => parse_message_label(t).map(|l| l.time),
        Then::LabelSender => parse_message_label(t).map(|l| l.sender),
        Then::LabelText => parse_message_label(t).map(|l| l.text),
    }
}

/// A read: the thread, and what the caller needs to remember the messages read afresh once
/// their ids are known ([`Seen::remember`]).
pub struct Read {
    pub raw: RawThread,
    /// The gatherer that read it, and the messages it read afresh (indexes into
    /// `raw.messages`, in page order).
    gatherer: Gatherer,
    fresh: Vec<usize>,
    /// The read stopped at its limit: message elements are left to read.
    pub more: bool,
}

/// The message elements already read, with their messages' ids: a weak map from element to
/// a number (a number crosses from JS for free; a string is copied, and a re-read of a long
/// thread asks for every element), and the ids by number.
pub struct Seen {
    map: js_sys::WeakMap,
    ids: Vec<String>,
    numbers: std::collections::BTreeMap<String, u32>,
    /// The page-level fields as last read (see [`PageFields`]).
    page: RefCell<Option<PageFields>>,
}

/// Who we are and who the other party is, read from the whole page (the side nav, the chat
/// header), when (ms) and what reading them cost. On a long page that lacks one of them,
/// looking for it is a search of every element, which costs more than reading the new
/// messages: re-reads of the same conversation take them from here, and they are read again
/// when [`look_again`] says so.
struct PageFields {
    at: f64,
    cost: f64,
    /// Whether every field the profile names was found (a header that renders after the
    /// messages is looked for again even when no message changes: see [`Seen::page_due`]).
    complete: bool,
    /// A read since took these from here (the page changed, and may have changed them: a
    /// reply box closed): they are looked at again once due.
    owed: bool,
    identity: Identity,
    partner: Option<Author>,
}

impl PageFields {
    fn fresh_at(&self, now: f64) -> bool {
        !look_again(self.at, self.cost, now)
    }
}

/// How often a search of the whole page for something missing (a header, the side nav, the
/// composer) is made again, at most: what renders late is found within this.
const LOOK_EVERY_MS: f64 = 1_000.0;
/// ... and at most this often relative to what the last search cost, so that on a long page
/// where each search visits a million elements it takes a tenth of a percent of the main
/// thread (the page-level fields and the composer each). On the bench's page (600,000
/// elements once 5,000 posts are in) a third of a percent kept them at one search a second
/// each while the posts were appended, 120 ms of Waypoint's 450 ms. The price: on such a page,
/// where a search for something missing takes 11-33 ms, what renders late is found within
/// 11-33 s, not 4-10 s; on pages where a search costs under a millisecond (the fixtures, most
/// real pages), still within a second. A composer the agent clicks into is known at once.
const LOOK_COST_FACTOR: f64 = 1000.0;

/// Whether a search of the whole page made at `at` (ms) that cost `cost` ms may be made again
/// at `now`. The page-level fields and the composer both follow it.
pub fn look_again(at: f64, cost: f64, now: f64) -> bool {
    now - at >= LOOK_EVERY_MS.max(cost * LOOK_COST_FACTOR)
}

impl Seen {
    pub fn new() -> Seen {
        Seen {
            map: js_sys::WeakMap::new(),
            ids: Vec::new(),
            numbers: std::collections::BTreeMap::new(),
            page: RefCell::new(None),
        }
    }

    /// Whether a page-level field the profile names was missing when last read, long enough
    /// ago to look again (the caller then re-reads though no message changed).
    pub fn page_due(&self, now: f64) -> bool {
        self.page
            .borrow()
            .as_ref()
            .is_some_and(|p| (!p.complete || p.owed) && !p.fresh_at(now))
    }

    /// Has the page-level fields looked at again once due, though nothing in the
    /// conversation changed (the agent moved to another reply box).
    pub fn look_again(&self) {
        if let Some(p) = self.page.borrow_mut().as_mut() {
            p.owed = true;
        }
    }

    /// Reads the page-level fields again (when [`Seen::page_due`]) and says whether they
    /// changed: only then must the conversation be read again.
    pub fn page_changed(&self, doc: &Document, profile: &'static SurfaceProfile) -> bool {
        let now = js_sys::Date::now();
        let Ok(fields) = gatherer(profile).and_then(|g| page_fields(doc, profile, &g)) else {
            return false;
        };
        let mut page = self.page.borrow_mut();
        let (identity, partner, complete) = fields;
        let changed = page
            .as_ref()
            .is_none_or(|p| p.identity != identity || p.partner != partner);
        *page = Some(PageFields {
            at: now,
            cost: js_sys::Date::now() - now,
            complete,
            owed: false,
            identity,
            partner,
        });
        changed
    }

    /// The weak map, for the observer that forgets changed elements ([`watch`]).
    pub fn map(&self) -> &js_sys::WeakMap {
        &self.map
    }

    /// The number of a message id, given on first sight (an element read again after a
    /// change keeps its id's number).
    fn number(&mut self, id: &str) -> u32 {
        // One search for a new id, not one to look and one to add.
        match self.numbers.entry(id.to_owned()) {
            std::collections::btree_map::Entry::Occupied(o) => *o.get(),
            std::collections::btree_map::Entry::Vacant(v) => {
                let n = self.ids.len() as u32;
                self.ids.push(id.to_owned());
                *v.insert(n)
            }
        }
    }

    /// Remembers the elements `read` read afresh under the ids their messages got.
    pub fn remember(&mut self, read: &Read, entries: &[Entry]) {
        let numbers: Vec<u32> = read
            .fresh
            .iter()
            .map(|&i| match entries.get(i) {
                Some(Entry::Fresh { message, .. }) => self.number(&message.id),
                _ => u32::MAX,
            })
            .collect();
        if !numbers.is_empty() {
            read.gatherer.remember(&self.map, &numbers);
        }
    }
}

impl Default for Seen {
    fn default() -> Seen {
        Seen::new()
    }
}

/// The profile's field lists, in the order the gatherer reads them: five per message (id,
/// author name, author handle, time, text), then four from the whole page (our handle, our
/// name, the other party's name and handle).
fn field_lists(profile: &SurfaceProfile) -> [&'static [Field]; 9] {
    [
        profile.id,
        profile.author_name,
        profile.author_handle,
        profile.time,
        profile.text,
        profile.self_handle,
        profile.self_name,
        profile.partner_name,
        profile.partner_handle,
    ]
}

/// Where the page's lists start in [`field_lists`].
const PAGE_LISTS: usize = 5;
/// The message's author-name list in [`field_lists`].
const AUTHOR_NAME_LIST: usize = 1;
/// The most self-text parts a profile may name (one has two; tests/web.rs holds every profile
/// to it).
pub const MAX_SELF_TEXTS: usize = 8;
/// The most fields a gathered message has: two per message field list, the label, the two
/// marks, and the self-text parts.
const MAX_PARTS: usize = 2 * PAGE_LISTS + 3 + MAX_SELF_TEXTS;
/// The message's time list: read, like the page's, without the profile's dropped parts.
const TIME_LIST: usize = 3;

fn reads_labels(profile: &SurfaceProfile) -> bool {
    field_lists(profile)[..PAGE_LISTS]
        .iter()
        .flat_map(|fields| fields.iter())
        .any(|f| {
            matches!(
                f.then,
                Then::LabelTime | Then::LabelSender | Then::LabelText
            )
        })
}

/// What the gatherer is told to read: the profile's per-message part as data, in sections
/// separated by RS, their items by US (neither occurs in a selector): the excluded parts, the
/// dropped parts, whether labels are read, the self markers, the self-text parts, the focus
/// markers, the marks of a message not sent, the reply boxes that name only us ([`SurfaceProfile::answering`]), the messages
/// they answer ([`SurfaceProfile::answered`], else the message selectors), what every message
/// is ([`SurfaceProfile::every`]), the message selectors, then the nine
/// [`field_lists`] (each "p" for plain reading or "h", then per
/// alternative its selector and attribute, "" = the text).
fn plan(profile: &SurfaceProfile) -> String {
    let mut out = String::new();
    let mut first = true;
    let mut section = |items: &mut dyn Iterator<Item = &str>| {
        if !std::mem::take(&mut first) {
            out.push('\u{1e}');
        }
        for (i, item) in items.enumerate() {
            if i > 0 {
                out.push('\u{1f}');
            }
            out.push_str(item);
        }
    };
    section(&mut profile.exclude.iter().copied());
    section(&mut profile.drop.iter().copied());
    section(&mut std::iter::once(if reads_labels(profile) {
        "1"
    } else {
        "0"
    }));
    section(&mut profile.self_marker.iter().copied());
    section(&mut profile.self_text.iter().map(|&(sel, _)| sel));
    section(&mut profile.focused.iter().copied());
    section(&mut profile.unsent.iter().copied());
    section(&mut profile.answering.iter().copied());
    let answered = if profile.answered.is_empty() {
        profile.messages
    } else {
        profile.answered
    };
    section(&mut answered.iter().copied());
    section(&mut std::iter::once(profile.every));
    section(&mut profile.messages.iter().copied());
    for (k, fields) in field_lists(profile).iter().enumerate() {
        let how = if k == TIME_LIST || k >= PAGE_LISTS {
            "p"
        } else {
            "h"
        };
        section(
            &mut std::iter::once(how).chain(fields.iter().flat_map(|f| match f.pick {
                Pick::Text(sel) => [sel, ""],
                Pick::Attr(sel, name) => [sel, name],
            })),
        );
    }
    out
}

thread_local! {
    /// One gatherer per surface profile (profiles are statics: known by address).
    static GATHERERS: RefCell<Vec<(usize, Gatherer)>> = const { RefCell::new(Vec::new()) };
}

fn gatherer(profile: &'static SurfaceProfile) -> Result<Gatherer, Unread> {
    let key = profile as *const SurfaceProfile as usize;
    GATHERERS.with(|g| {
        if let Some((_, found)) = g.borrow().iter().find(|(k, _)| *k == key) {
            return Ok(found.clone());
        }
        let made = Gatherer::new(&plan(profile)).map_err(failed)?;
        g.borrow_mut().push((key, made.clone()));
        Ok(made)
    })
}

/// A JS exception as the reason a read failed.
fn failed(e: JsValue) -> Unread {
    Unread::Failed(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "an unknown error".to_owned()),
    )
}

/// Undoes gather.js's escapes (ESC + a letter for ESC, RS and US in page text).
fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('\u{1b}') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('r') => out.push('\u{1e}'),
            Some('u') => out.push('\u{1f}'),
            _ => out.push('\u{1b}'),
        }
    }
    Cow::Owned(out)
}

/// A readable text as gather.js returns it, finished: each line and the whole trimmed at the
/// end, the whole at the start (a one-line text without a copy).
fn finish_text(raw: Cow<'_, str>) -> Cow<'_, str> {
    if !raw.contains('\n') {
        return match raw {
            Cow::Borrowed(b) => Cow::Borrowed(crate::core::reading::trim(b)),
            Cow::Owned(o) => Cow::Owned(crate::core::reading::trimmed(o)),
        };
    }
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.trim_end());
    }
    Cow::Owned(crate::core::reading::trimmed(out))
}

/// The value of a field list: `found` is what the gatherer found first (the alternative's
/// index, "" for none, and its raw value); when that value means nothing (`Then` refuses it),
/// `next(from)` asks the gatherer for the next alternative that finds something.
fn field_value(
    fields: &[Field],
    found: (&str, &str),
    mut next: impl FnMut(u32) -> Option<String>,
) -> Option<String> {
    let mut asked: String;
    let (mut used, mut raw) = found;
    loop {
        let i: usize = used.parse().ok()?;
        let field = fields.get(i)?;
        let value = match field.pick {
            Pick::Text(_) => finish_text(unescape(raw)),
            Pick::Attr(..) => unescape(raw),
        };
        if let Some(v) = apply(field.then, value) {
            return Some(v);
        }
        if i + 1 >= fields.len() {
            return None;
        }
        asked = next(i as u32 + 1)?;
        (used, raw) = split_value(&asked)?;
    }
}

/// `US index US value` (as `Gatherer.value` returns it) → (index, value).
fn split_value(s: &str) -> Option<(&str, &str)> {
    s.strip_prefix('\u{1f}')?.split_once('\u{1f}')
}

/// One gathered fresh message (`parts`: after the leading "+" and index). `next(list, from)`
/// asks for a field list's next alternative.
fn gathered_message(
    profile: &SurfaceProfile,
    parts: &[&str],
    mut next: impl FnMut(u32, u32) -> Option<String>,
) -> Option<RawMessage> {
    let lists = field_lists(profile);
    let mut values: [Option<String>; PAGE_LISTS] = Default::default();
    for (k, value) in values.iter_mut().enumerate() {
        let found = (*parts.get(2 * k)?, *parts.get(2 * k + 1)?);
        *value = field_value(lists[k], found, |from| next(k as u32, from));
    }
    let [label, marker, focused, unsent, self_texts @ ..] = parts.get(2 * PAGE_LISTS..)? else {
        return None;
    };
    let label_self =
        !label.is_empty() && parse_message_label(&unescape(label)).is_some_and(|l| l.is_self);
    let text_self = profile
        .self_text
        .iter()
        .zip(self_texts)
        .any(|(&(_, texts), raw)| {
            let t = finish_text(unescape(raw));
            texts.iter().any(|p| t.starts_with(p))
        });
    let [id, author_name, author_handle, time, text] = values;
    Some(RawMessage {
        id,
        author_name,
        author_handle,
        time,
        text: text.unwrap_or_default(),
        marked_self: label_self || *marker == "1" || text_self,
        focused: *focused == "1",
        unsent: *unsent == "1",
        known_id: None,
    })
}

/// Reads the conversation inside `container` with the surface's profile. Elements found in
/// `seen` (kept by the caller, and cleared for elements that changed) are not read again:
/// those next to an element read afresh come back as anchors (`known_id`), to place it; the
/// others are left out. At most `limit` elements are read afresh, in page order (with a
/// `seen`: the next read goes on where this one stopped, and [`Read::more`] says there is more).
pub fn read_thread(
    doc: &Document,
    container: &Element,
    route: &Route,
    profile: &'static SurfaceProfile,
    seen: Option<&Seen>,
    limit: u32,
    left: Option<&js_sys::WeakMap>,
) -> Result<Read, Unread> {
    let gatherer = gatherer(profile)?;
    // No messages yet, or only those of the conversation `left` (the page not redrawn yet).
    if gatherer.find(container).map_err(failed)? == 0 || left.is_some_and(|m| gatherer.all_in(m)) {
        return Err(Unread::NoMessages(profile.messages));
    }
    // The gatherer's output not as written: a bug, said as such rather than as markup.
    let broken = || Unread::Failed("the gatherer's output could not be read".to_owned());
    let map = seen.map_or(JsValue::NULL, |s| s.map.clone().into());
    let limit = if seen.is_some() { limit } else { u32::MAX };
    let out = gatherer.read(&map, limit).map_err(failed)?;
    // As many as the gatherer returned (a re-read of a long thread returns a few records, not
    // one per element).
    let records = out.split('\u{1e}').filter(|r| !r.is_empty());
    let mut messages = Vec::with_capacity(records.clone().count());
    let mut fresh = Vec::new();
    let mut more = false;
    for record in records {
        if record == "!" {
            more = true;
            continue;
        }
        if let Some(n) = record.strip_prefix('#') {
            let id = n
                .parse::<usize>()
                .ok()
                .and_then(|n| seen?.ids.get(n).cloned())
                .ok_or_else(broken)?;
            messages.push(RawMessage {
                known_id: Some(id),
                ..RawMessage::default()
            });
            continue;
        }
        let mut parts = record.strip_prefix('+').ok_or_else(broken)?.split('\u{1f}');
        let index: u32 = parts
            .next()
            .and_then(|i| i.parse().ok())
            .ok_or_else(broken)?;
        // The fields in place (no list made for each message of a long thread).
        let mut fields = [""; MAX_PARTS];
        let mut n = 0;
        for part in parts {
            *fields.get_mut(n).ok_or_else(broken)? = part;
            n += 1;
        }
        let message = gathered_message(profile, &fields[..n], |list, from| {
            let el = gatherer.element(index)?;
            gatherer.value(&el, list, from, true).ok()
        })
        .ok_or_else(broken)?;
        fresh.push(messages.len());
        messages.push(message);
    }
    let now = js_sys::Date::now();
    let cached = seen.and_then(|s| {
        let mut page = s.page.borrow_mut();
        let p = page.as_mut().filter(|p| p.fresh_at(now))?;
        p.owed = true;
        Some((p.identity.clone(), p.partner.clone()))
    });
    let (identity, partner) = match cached {
        Some(fields) => fields,
        None => {
            let (identity, partner, complete) = page_fields(doc, profile, &gatherer)?;
            if let Some(s) = seen {
                *s.page.borrow_mut() = Some(PageFields {
                    at: now,
                    cost: js_sys::Date::now() - now,
                    complete,
                    owed: false,
                    identity: identity.clone(),
                    partner: partner.clone(),
                });
            }
            (identity, partner)
        }
    };
    Ok(Read {
        raw: RawThread {
            site: route.site,
            surface: profile.surface,
            thread: route.thread.clone(),
            messages,
            partner,
            identity,
        },
        gatherer,
        fresh,
        more,
    })
}

/// Who we are and who the other party is, as the whole page shows them, and whether every
/// field the profile names was found.
fn page_fields(
    doc: &Document,
    profile: &SurfaceProfile,
    gatherer: &Gatherer,
) -> Result<(Identity, Option<Author>, bool), Unread> {
    let root = doc
        .document_element()
        .ok_or_else(|| Unread::Failed("the page has no root element".to_owned()))?;
    let lists = field_lists(profile);
    let mut complete = true;
    let mut page = |k: usize| {
        let found = (|| {
            let first = gatherer.value(&root, k as u32, 0, false).ok()?;
            field_value(lists[k], split_value(&first)?, |from| {
                gatherer.value(&root, k as u32, from, false).ok()
            })
        })();
        complete &= found.is_some() || lists[k].is_empty();
        found
    };
    let identity = Identity {
        handles: page(PAGE_LISTS).into_iter().collect(),
        names: page(PAGE_LISTS + 1).into_iter().collect(),
        automatic: Vec::new(),
    };
    // Where a post's comments have reply boxes (the surfaces naming `answering`), the box the
    // agent last focused answers someone first: by its label ("Reply to Jane Doe"), or, when
    // it names only us ("Reply as Acme Coffee"), by the comment it sits under; only then the
    // page's first box. Not in chat popups: the focused one may not be the conversation read.
    let focused = if profile.answering.is_empty() {
        None
    } else {
        from_focused(lists[PAGE_LISTS + 2])
            .map(|name| Author { name, handle: None })
            .or_else(|| {
                let focused = focused_composer(profile.answering)?;
                answered(&root, profile, gatherer, &identity, Some(focused))
            })
    };
    if focused.is_some() {
        return Ok((identity, focused, complete));
    }
    let partner_name = page(PAGE_LISTS + 2);
    let partner_handle = page(PAGE_LISTS + 3);
    let partner = (partner_name.is_some() || partner_handle.is_some())
        .then(|| Author {
            name: partner_name
                .or_else(|| partner_handle.clone())
                .unwrap_or_default(),
            handle: partner_handle,
        })
        .or_else(|| answered(&root, profile, gatherer, &identity, None));
    Ok((identity, partner, complete))
}

/// A page-level field read from the composer the agent last focused, when it is the element
/// one of the field's alternatives names by attribute and the value means something.
fn from_focused(fields: &[Field]) -> Option<String> {
    let composer = FOCUSED_COMPOSER
        .with(|f| f.borrow().clone())
        .filter(|c| c.is_connected())?;
    fields.iter().find_map(|f| match f.pick {
        Pick::Attr(sel, name) if !sel.is_empty() && composer.matches(sel).unwrap_or(false) => {
            composer
                .get_attribute(name)
                .and_then(|v| apply(f.then, Cow::Owned(v)))
        }
        _ => None,
    })
}

/// The commenter an open reply box that names only us sits under ([`SurfaceProfile::answering`];
/// `focused`, else the page's first): the nearest author before it, of the messages such a box
/// answers, who is not us.
fn answered(
    root: &Element,
    profile: &SurfaceProfile,
    gatherer: &Gatherer,
    identity: &Identity,
    focused: Option<Element>,
) -> Option<Author> {
    if profile.answering.is_empty() {
        return None;
    }
    let found = gatherer.answered(root, focused).ok()?;
    let lists = field_lists(profile);
    let names = found.split('\u{1e}').enumerate().map(|(i, raw)| {
        split_value(raw).and_then(|first| {
            field_value(lists[AUTHOR_NAME_LIST], first, |from| {
                let el = gatherer.preceding(i as u32)?;
                gatherer
                    .value(&el, AUTHOR_NAME_LIST as u32, from, true)
                    .ok()
            })
        })
    });
    let answered = nearest_other(names, identity);
    // The comments looked at are let go: a page left keeps none of its elements alive here.
    gatherer.forget_preceding();
    answered
}
