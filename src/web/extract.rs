//! The generic extractor: a site profile + the DOM → a [`RawThread`]. Everything that needs
//! judgement (ids, times, who is us, the customer) happens in `core::reading`.

use crate::core::conversation::{Author, Site};
use crate::core::reading::{
    handle_from_href, parse_message_label, query_value, status_id_from_href, strip_any_prefix,
    Entry, Identity, RawMessage, RawThread,
};
use crate::core::route::Route;
use crate::web::sites::{Field, Pick, SurfaceProfile, Then};
use js_sys::JsString;
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, NodeList};

// DOM calls that take their selector or attribute name as a JS string made once. A Rust `&str`
// argument is copied into JS on every call (or, interned, hashed with 64-bit SipHash, which the
// module's JavaScript translation emulates slowly: two fifths of a 2,000-message read); a
// profile's strings are `'static`, so each crosses once and is kept here.
#[wasm_bindgen]
extern "C" {
    /// An element or the document, as these calls see it.
    type Scope;
    #[wasm_bindgen(method, catch, js_name = querySelector)]
    fn query_js(this: &Scope, selectors: &JsString) -> Result<Option<Element>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = querySelectorAll)]
    fn query_all_js(this: &Scope, selectors: &JsString) -> Result<NodeList, JsValue>;
    #[wasm_bindgen(method, catch, js_name = matches)]
    fn matches_js(this: &Scope, selectors: &JsString) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = closest)]
    fn closest_js(this: &Scope, selectors: &JsString) -> Result<Option<Element>, JsValue>;
    #[wasm_bindgen(method, js_name = getAttribute)]
    fn attr_js(this: &Scope, name: &JsString) -> Option<String>;
}

// The thread's fields gathered on the JS side in one call (see gather.js for why).
#[wasm_bindgen(module = "/src/web/gather.js")]
extern "C" {
    #[derive(Clone)]
    type Gatherer;
    #[wasm_bindgen(constructor, catch)]
    fn new(plan: &str) -> Result<Gatherer, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn read(this: &Gatherer, list: &NodeList, seen: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(method)]
    fn element(this: &Gatherer, index: u32) -> Option<Element>;
    #[wasm_bindgen(method)]
    fn remember(this: &Gatherer, seen: &js_sys::WeakMap, numbers: &[u32]);
}

fn scope<T: JsCast>(x: &T) -> &Scope {
    x.unchecked_ref()
}

thread_local! {
    /// The `'static` strings that crossed, by address and length (sorted).
    static CROSSED: RefCell<Vec<(usize, usize, JsString)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with `s` as a JS string, made on first use and kept.
fn with_js<T>(s: &'static str, f: impl FnOnce(&JsString) -> T) -> T {
    CROSSED.with(|c| {
        let key = (s.as_ptr() as usize, s.len());
        let at = {
            let mut list = c.borrow_mut();
            match list.binary_search_by(|(p, l, _)| (*p, *l).cmp(&key)) {
                Ok(at) => at,
                Err(at) => {
                    list.insert(at, (key.0, key.1, JsString::from(s)));
                    at
                }
            }
        };
        f(&c.borrow()[at].2)
    })
}

/// A selector or name: `'static` (crossed once, kept) or made for this read (crossed once).
#[derive(Clone, Copy)]
enum Js<'a> {
    Static(&'static str),
    Made(&'a JsString),
}

impl Js<'_> {
    fn with<T>(self, f: impl FnOnce(&JsString) -> T) -> T {
        match self {
            Js::Static(s) => with_js(s, f),
            Js::Made(j) => f(j),
        }
    }
}

fn query(el: &Element, sel: Js) -> Option<Element> {
    sel.with(|j| scope(el).query_js(j)).ok().flatten()
}

fn query_all(el: &Element, sel: Js) -> Option<NodeList> {
    sel.with(|j| scope(el).query_all_js(j)).ok()
}

fn matches(el: &Element, sel: &'static str) -> bool {
    with_js(sel, |j| scope(el).matches_js(j)).unwrap_or(false)
}

fn attr(el: &Element, name: &'static str) -> Option<String> {
    with_js(name, |j| scope(el).attr_js(j))
}

/// Why a thread could not be read: the profile and the selectors that found nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    NoContainer(&'static [&'static str]),
    NoMessages(&'static [&'static str]),
}

impl Unread {
    /// The one warning logged for it.
    pub fn warning(&self, site: Site, profile: &SurfaceProfile) -> String {
        let (what, tried) = match self {
            Unread::NoContainer(t) => ("conversation container", t),
            Unread::NoMessages(t) => ("messages", t),
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
pub fn first_match(doc: &Document, selectors: &[&'static str]) -> Option<Element> {
    selectors
        .iter()
        .find_map(|&sel| with_js(sel, |j| scope(doc).query_js(j)).ok().flatten())
}

/// Whether `node` lies inside an element of `el` that belongs to something else.
fn excluded(el: &Element, candidate: &Element, exclude: &[&'static str]) -> bool {
    exclude.iter().any(|&ex| {
        with_js(ex, |j| scope(candidate).closest_js(j))
            .ok()
            .flatten()
            .is_some_and(|anc| anc != *el && el.contains(Some(&anc)))
    })
}

/// The first match of `sel` in `el` that is not inside an excluded part ("" = `el` itself).
/// `exclude` is empty when the message holds no excluded part (the common case: one query).
fn scoped(el: &Element, sel: &'static str, exclude: &[&'static str]) -> Option<Element> {
    if sel.is_empty() {
        return Some(el.clone());
    }
    if exclude.is_empty() {
        return query(el, Js::Static(sel));
    }
    let list = query_all(el, Js::Static(sel))?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .find(|c| !excluded(el, c, exclude))
}

/// Elements that need more than their text: with none inside, the text is the element's
/// `textContent`.
const SPECIAL: &str = "img, br, div, p, li, script, style, template, svg, [hidden]";

/// [`SPECIAL`] and the profile's dropped parts as one selector, so that the common case costs
/// one query.
fn special_selector(drop: &[&str]) -> String {
    let mut sel = SPECIAL.to_owned();
    for d in drop {
        sel.push_str(", ");
        sel.push_str(d);
    }
    sel
}

/// The text a person reads: text nodes, emoji images as their `alt`, `<br>` and blocks as line
/// breaks; scripts, styles, hidden and `drop`ped parts left out.
pub fn readable_text(el: &Element, drop: &[&'static str]) -> String {
    let special = JsString::from(special_selector(drop).as_str());
    readable_text_with(el, drop, Js::Made(&special))
}

/// [`readable_text`] with `special` = [`special_selector`]`(drop)`, made once per read.
fn readable_text_with(el: &Element, drop: &[&'static str], special: Js) -> String {
    // Fast path: nothing inside needs more than its text.
    if query(el, special).is_none() {
        return el.text_content().unwrap_or_default().trim().to_owned();
    }
    let mut out = String::new();
    walk(el.as_ref(), drop, &mut out, true);
    out.split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

fn walk(node: &Node, drop: &[&'static str], out: &mut String, root: bool) {
    match node.node_type() {
        Node::TEXT_NODE => out.push_str(&node.text_content().unwrap_or_default()),
        Node::ELEMENT_NODE => {
            let Some(el) = node.dyn_ref::<Element>() else {
                return;
            };
            let tag = el.tag_name().to_ascii_lowercase();
            if matches!(tag.as_str(), "script" | "style" | "template" | "svg")
                || el.has_attribute("hidden")
                || (!root && drop.iter().any(|&d| matches(el, d)))
            {
                return;
            }
            match tag.as_str() {
                "br" => out.push('\n'),
                "img" => out.push_str(&el.get_attribute("alt").unwrap_or_default()),
                _ => {
                    let block = matches!(tag.as_str(), "p" | "div" | "li");
                    if block && !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    let children = node.child_nodes();
                    for i in 0..children.length() {
                        if let Some(c) = children.item(i) {
                            walk(&c, drop, out, false);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

fn apply(then: Then, s: String) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match then {
        Then::Keep => Some(s.to_owned()),
        Then::StatusId => status_id_from_href(s),
        Then::HandleFromHref => handle_from_href(s),
        Then::Query(name) => query_value(s, name),
        Then::StripPrefix(prefixes) => strip_any_prefix(s, prefixes).map(str::to_owned),
        Then::Between(prefixes, ends) => {
            let rest = strip_any_prefix(s, prefixes)?;
            let cut = ends
                .iter()
                .filter_map(|e| rest.find(e))
                .min()
                .unwrap_or(rest.len());
            Some(rest[..cut].trim().to_owned()).filter(|v| !v.is_empty())
        }
        Then::LabelTime => parse_message_label(s).map(|l| l.time),
        Then::LabelSender => parse_message_label(s).map(|l| l.sender),
        Then::LabelText => parse_message_label(s).map(|l| l.text),
    }
}

/// How to read text inside a message: the parts to drop and [`special_selector`] of them.
#[derive(Clone, Copy)]
struct Reading<'a> {
    drop: &'a [&'static str],
    special: Js<'a>,
}

/// The first value the fields yield, reading inside `el`.
fn read_field(
    el: &Element,
    fields: &[Field],
    exclude: &[&'static str],
    how: Reading,
) -> Option<String> {
    fields.iter().find_map(|f| {
        let value = match f.pick {
            Pick::Text(sel) => {
                readable_text_with(&scoped(el, sel, exclude)?, how.drop, how.special)
            }
            Pick::Attr(sel, name) => attr(&scoped(el, sel, exclude)?, name)?,
        };
        apply(f.then, value)
    })
}

/// The first value the fields yield, reading from the whole document.
fn read_page(doc: &Document, fields: &[Field]) -> Option<String> {
    let root = doc.document_element()?;
    read_field(
        &root,
        fields,
        &[],
        Reading {
            drop: &[],
            special: Js::Static(SPECIAL),
        },
    )
}

/// A read: the thread, and what the caller needs to remember the messages read afresh once
/// their ids are known ([`Seen::remember`]).
pub struct Read {
    pub raw: RawThread,
    fresh: Fresh,
}

impl Read {
    /// Whether the gatherer read the thread (in one call), not the per-element reader.
    pub fn gathered(&self) -> bool {
        matches!(self.fresh, Fresh::Gathered(..))
    }
}

/// The messages read afresh (indexes into `raw.messages`, in page order).
enum Fresh {
    /// Gathered in one call: the gatherer knows their elements.
    Gathered(Gatherer, Vec<usize>),
    /// Read element by element.
    Elements(Vec<(usize, Element)>),
}

/// The message elements already read, with their messages' ids: a weak map from element to
/// a number (a number crosses from JS for free; a string is copied, and a re-read of a long
/// thread asks for every element), and the ids by number.
pub struct Seen {
    map: js_sys::WeakMap,
    ids: Vec<String>,
    numbers: std::collections::BTreeMap<String, u32>,
}

impl Seen {
    pub fn new() -> Seen {
        Seen {
            map: js_sys::WeakMap::new(),
            ids: Vec::new(),
            numbers: std::collections::BTreeMap::new(),
        }
    }

    /// The weak map, for the observer that forgets changed elements ([`forget_changed`]).
    pub fn map(&self) -> &js_sys::WeakMap {
        &self.map
    }

    fn get(&self, el: &Element) -> Option<String> {
        let n = self.map.get(el).as_f64()?;
        self.ids.get(n as usize).cloned()
    }

    /// The number of a message id, given on first sight (an element read again after a
    /// change keeps its id's number).
    fn number(&mut self, id: &str) -> u32 {
        match self.numbers.get(id) {
            Some(&n) => n,
            None => {
                let n = self.ids.len() as u32;
                self.ids.push(id.to_owned());
                self.numbers.insert(id.to_owned(), n);
                n
            }
        }
    }

    /// Remembers the elements `read` read afresh under the ids their messages got.
    pub fn remember(&mut self, read: &Read, entries: &[Entry]) {
        let fresh_id = |i: usize| match entries.get(i) {
            Some(Entry::Fresh { message, .. }) => Some(message.id.as_str()),
            _ => None,
        };
        match &read.fresh {
            Fresh::Gathered(gatherer, fresh) => {
                let numbers: Vec<u32> = fresh
                    .iter()
                    .map(|&i| fresh_id(i).map_or(u32::MAX, |id| self.number(id)))
                    .collect();
                if !numbers.is_empty() {
                    gatherer.remember(&self.map, &numbers);
                }
            }
            Fresh::Elements(fresh) => {
                for (i, el) in fresh {
                    if let Some(id) = fresh_id(*i) {
                        let n = self.number(id);
                        self.map.set(el, &JsValue::from_f64(f64::from(n)));
                    }
                }
            }
        }
    }
}

impl Default for Seen {
    fn default() -> Seen {
        Seen::new()
    }
}

/// What one surface profile reads inside a message element, with its strings made once.
struct Reader<'p> {
    profile: &'p SurfaceProfile,
    exclude_any: JsString,
    how: Reading<'p>,
    plain: Reading<'p>,
    /// Whether a field reads the message's label (only Messenger's labels say who sent it).
    reads_labels: bool,
}

/// The profile's five per-message field lists, in the order the gatherer reads them.
fn field_lists(profile: &SurfaceProfile) -> [&'static [Field]; 5] {
    [
        profile.id,
        profile.author_name,
        profile.author_handle,
        profile.time,
        profile.text,
    ]
}

/// Which of [`field_lists`] is read without the profile's dropped parts.
const PLAIN_FIELD: usize = 3;

fn reads_labels(profile: &SurfaceProfile) -> bool {
    field_lists(profile)
        .iter()
        .flat_map(|fields| fields.iter())
        .any(|f| {
            matches!(
                f.then,
                Then::LabelTime | Then::LabelSender | Then::LabelText
            )
        })
}

impl Reader<'_> {
    /// Reads one message element (the reference reader; [`gather`] does the same for a whole
    /// thread in one call).
    fn message(&self, el: &Element) -> RawMessage {
        let profile = self.profile;
        // Exclusion checks only where the message holds an excluded part.
        let ex: &[&'static str] =
            if !profile.exclude.is_empty() && query(el, Js::Made(&self.exclude_any)).is_some() {
                profile.exclude
            } else {
                &[]
            };
        let label_self = self.reads_labels
            && attr(el, "aria-label")
                .and_then(|l| parse_message_label(&l))
                .is_some_and(|l| l.is_self);
        let marker_self = profile
            .self_marker
            .iter()
            .any(|&sel| matches(el, sel) || scoped(el, sel, ex).is_some());
        let text_self = profile.self_text.iter().any(|&(sel, texts)| {
            scoped(el, sel, ex)
                .map(|e| readable_text_with(&e, &[], Js::Static(SPECIAL)))
                .is_some_and(|t| texts.iter().any(|p| t.starts_with(p)))
        });
        RawMessage {
            id: read_field(el, profile.id, ex, self.how),
            author_name: read_field(el, profile.author_name, ex, self.how),
            author_handle: read_field(el, profile.author_handle, ex, self.how),
            time: read_field(el, profile.time, ex, self.plain),
            text: read_field(el, profile.text, ex, self.how).unwrap_or_default(),
            marked_self: label_self || marker_self || text_self,
            focused: profile.focused.iter().any(|&sel| matches(el, sel)),
            known_id: None,
        }
    }
}

/// What the gatherer is told to read: the profile's per-message part as data, in sections
/// separated by RS, their items by US (neither occurs in a selector): the excluded parts, the
/// dropped parts, whether labels are read, the self markers, the self-text parts, the focus markers, then the five field lists (each "p"
/// for plain reading or "h", then per alternative its selector and attribute, "" = the text).
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
    for (k, fields) in field_lists(profile).iter().enumerate() {
        let how = if k == PLAIN_FIELD { "p" } else { "h" };
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

fn gatherer(profile: &'static SurfaceProfile) -> Option<Gatherer> {
    let key = profile as *const SurfaceProfile as usize;
    GATHERERS.with(|g| {
        if let Some((_, found)) = g.borrow().iter().find(|(k, _)| *k == key) {
            return Some(found.clone());
        }
        let made = Gatherer::new(&plan(profile)).ok()?;
        g.borrow_mut().push((key, made.clone()));
        Some(made)
    })
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

/// A readable text as gather.js returns it ("t" + the element's text, or "w" + the walked
/// text), finished the way [`readable_text_with`] finishes it.
fn finish_text(raw: &str) -> String {
    match raw.strip_prefix('w') {
        Some(walked) => walked
            .split('\n')
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned(),
        None => raw.strip_prefix('t').unwrap_or(raw).trim().to_owned(),
    }
}

/// Why a gathered message must be read again element by element.
struct Reread;

/// One gathered fresh message (`parts` after the leading "+" and index).
fn gathered_message(profile: &SurfaceProfile, parts: &[&str]) -> Result<RawMessage, Reread> {
    let lists = field_lists(profile);
    let mut values: [Option<String>; 5] = Default::default();
    for (k, fields) in lists.iter().enumerate() {
        let (used, raw) = (
            parts.get(2 * k).ok_or(Reread)?,
            parts.get(2 * k + 1).ok_or(Reread)?,
        );
        if used.is_empty() {
            continue;
        }
        let i: usize = used.parse().map_err(|_| Reread)?;
        let field = fields.get(i).ok_or(Reread)?;
        let raw = unescape(raw);
        let value = match field.pick {
            Pick::Text(_) => finish_text(&raw),
            Pick::Attr(..) => raw.into_owned(),
        };
        values[k] = apply(field.then, value);
        if values[k].is_none() && i + 1 < fields.len() {
            // The first value found is unusable: the per-element reader tries the others.
            return Err(Reread);
        }
    }
    let rest = &parts[10.min(parts.len())..];
    let [label, marker, focused, self_texts @ ..] = rest else {
        return Err(Reread);
    };
    let label_self =
        !label.is_empty() && parse_message_label(&unescape(label)).is_some_and(|l| l.is_self);
    let text_self = profile
        .self_text
        .iter()
        .zip(self_texts)
        .any(|(&(_, texts), raw)| {
            let t = finish_text(&unescape(raw));
            !raw.is_empty() && texts.iter().any(|p| t.starts_with(p))
        });
    let [id, author_name, author_handle, time, text] = values;
    Ok(RawMessage {
        id,
        author_name,
        author_handle,
        time,
        text: text.unwrap_or_default(),
        marked_self: label_self || *marker == "1" || text_self,
        focused: *focused == "1",
        known_id: None,
    })
}

/// Reads `list` with the gatherer: `None` when it cannot run (the per-element reader then
/// reads the whole list).
fn gather(
    profile: &'static SurfaceProfile,
    reader: &Reader,
    list: &NodeList,
    seen: Option<&Seen>,
) -> Option<(Vec<RawMessage>, Fresh)> {
    let gatherer = gatherer(profile)?;
    let map = seen.map_or(JsValue::NULL, |s| s.map.clone().into());
    let out = gatherer.read(list, &map).ok()?;
    let mut messages = Vec::with_capacity(list.length() as usize);
    let mut fresh = Vec::new();
    if out.is_empty() {
        return Some((messages, Fresh::Gathered(gatherer, fresh)));
    }
    for record in out.split('\u{1e}') {
        if let Some(n) = record.strip_prefix('#') {
            let id = n
                .parse::<usize>()
                .ok()
                .and_then(|n| seen?.ids.get(n).cloned())?;
            messages.push(RawMessage {
                known_id: Some(id),
                ..RawMessage::default()
            });
            continue;
        }
        let mut parts = record.strip_prefix('+')?.split('\u{1f}');
        let index: u32 = parts.next()?.parse().ok()?;
        let parts: Vec<&str> = parts.collect();
        let message = match gathered_message(profile, &parts) {
            Ok(m) => m,
            Err(Reread) => reader.message(&gatherer.element(index)?),
        };
        fresh.push(messages.len());
        messages.push(message);
    }
    Some((messages, Fresh::Gathered(gatherer, fresh)))
}

/// Reads the conversation inside `container` with the surface's profile. Elements found in
/// `seen` (kept by the caller, and cleared for elements that changed) are not read again:
/// those next to an element read afresh come back as anchors (`known_id`), to place it; the
/// others are left out (the per-element reader returns them all).
pub fn read_thread(
    doc: &Document,
    container: &Element,
    route: &Route,
    profile: &'static SurfaceProfile,
    seen: Option<&Seen>,
) -> Result<Read, Unread> {
    read_thread_with(doc, container, route, profile, seen, true)
}

/// [`read_thread`] element by element, never with the gatherer: the reference the gatherer is
/// tested against.
pub fn read_thread_by_element(
    doc: &Document,
    container: &Element,
    route: &Route,
    profile: &'static SurfaceProfile,
) -> Result<Read, Unread> {
    read_thread_with(doc, container, route, profile, None, false)
}

fn read_thread_with(
    doc: &Document,
    container: &Element,
    route: &Route,
    profile: &'static SurfaceProfile,
    seen: Option<&Seen>,
    gathered: bool,
) -> Result<Read, Unread> {
    let list = profile
        .messages
        .iter()
        .filter_map(|&sel| query_all(container, Js::Static(sel)))
        .find(|l| l.length() > 0)
        .ok_or(Unread::NoMessages(profile.messages))?;
    let special = JsString::from(special_selector(profile.drop).as_str());
    let reader = Reader {
        profile,
        exclude_any: JsString::from(profile.exclude.join(", ").as_str()),
        how: Reading {
            drop: profile.drop,
            special: Js::Made(&special),
        },
        plain: Reading {
            drop: &[],
            special: Js::Static(SPECIAL),
        },
        reads_labels: reads_labels(profile),
    };
    let (messages, fresh) = match gathered
        .then(|| gather(profile, &reader, &list, seen))
        .flatten()
    {
        Some(read) => read,
        None => {
            let mut messages = Vec::with_capacity(list.length() as usize);
            let mut fresh = Vec::new();
            for i in 0..list.length() {
                let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                if let Some(id) = seen.and_then(|s| s.get(&el)) {
                    messages.push(RawMessage {
                        known_id: Some(id),
                        ..RawMessage::default()
                    });
                    continue;
                }
                fresh.push((messages.len(), el.clone()));
                messages.push(reader.message(&el));
            }
            (messages, Fresh::Elements(fresh))
        }
    };
    let identity = Identity {
        handles: read_page(doc, profile.self_handle).into_iter().collect(),
        names: read_page(doc, profile.self_name).into_iter().collect(),
    };
    let partner_name = read_page(doc, profile.partner_name);
    let partner_handle = read_page(doc, profile.partner_handle);
    let partner = (partner_name.is_some() || partner_handle.is_some()).then(|| Author {
        name: partner_name
            .or_else(|| partner_handle.clone())
            .unwrap_or_default(),
        handle: partner_handle,
    });
    Ok(Read {
        raw: RawThread {
            site: route.site,
            surface: profile.surface,
            thread: route.thread.clone(),
            messages,
            partner,
            identity,
        },
        fresh,
    })
}

/// Forgets the messages that mutation `records` touched, so they are read again.
pub fn forget_changed(
    seen: &js_sys::WeakMap,
    records: &js_sys::Array,
    messages_selector: &JsString,
) {
    for record in records.iter() {
        let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else {
            continue;
        };
        let Some(target) = record.target() else {
            continue;
        };
        let el = match target.dyn_ref::<Element>() {
            Some(e) => Some(e.clone()),
            None => target.parent_element(),
        };
        if let Some(message) =
            el.and_then(|e| scope(&e).closest_js(messages_selector).ok().flatten())
        {
            seen.delete(&message);
        }
    }
}
