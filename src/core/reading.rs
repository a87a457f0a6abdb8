//! From what the page shows to a [`Conversation`]: the pure half of reading a thread.
//!
//! The web extractor fills a [`RawThread`] with strings taken from the DOM by the site's
//! profile; everything that needs judgement happens here, natively tested: ids, handles from
//! links, who is us, the customer, times, and merging what a virtualized list shows over time
//! into one store that neither loses nor duplicates messages.

use crate::core::conversation::{Author, Conversation, Message, Party, Precision, Site, Surface};
use crate::core::when;
// A BTreeMap, not a HashMap: SipHash's 64-bit arithmetic is slow in the wasm2js translation
// that runs on x.com, and string comparisons are not.
use std::collections::btree_map::Entry as Slot;
use std::collections::BTreeMap;
use std::rc::Rc;

/// One message as read from the page, before interpretation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawMessage {
    /// The site's id, when the markup has one (tweet id, `message-<uuid>`, `comment_id`).
    pub id: Option<String>,
    pub author_name: Option<String>,
    pub author_handle: Option<String>,
    /// The time as the page gives it: ISO `datetime`, or relative / clock text.
    pub time: Option<String>,
    pub text: String,
    /// A sign on the message itself that it is ours: "You" as the sender, "You sent", or the
    /// bubble aligned to the end.
    pub marked_self: bool,
    /// The page's focused message (X's status page: the post the URL names).
    pub focused: bool,
    /// The site shows it as not sent ("Failed, Try Again"): if ours, [`Party::Unsent`].
    pub unsent: bool,
    /// Set when this element was read before and has not changed since: it stands for the
    /// message with this id (an anchor for ordering) and its other fields are not read.
    pub known_id: Option<String>,
}

/// Who "we" are on this page: the logged-in account, the Page commented as, and the brand
/// accounts configured in settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub handles: Vec<String>,
    pub names: Vec<String>,
    /// How the team's automatic messages begin (instant replies, away messages: from
    /// settings, as [`parse_automatic`] gives them): a message of ours that begins so is
    /// [`Party::Automatic`].
    pub automatic: Vec<String>,
}

impl Identity {
    /// Who we are, compared as [`Ours`] compares: built once per read, not per message.
    fn ours(&self) -> Ours {
        // Each list normalised, with what normalises to nothing left out.
        let normalised = |list: &[String], f: fn(&str) -> String| -> Vec<String> {
            list.iter()
                .map(|x| f(x))
                .filter(|x| !x.is_empty())
                .collect()
        };
        let automatic = normalised(&self.automatic, automatic_key);
        Ours {
            handles: normalised(&self.handles, normalise_handle),
            names: normalised(&self.names, |n| n.trim().to_lowercase()),
            longest_automatic: automatic.iter().map(String::len).max().unwrap_or(0),
            automatic,
        }
    }
}

/// An [`Identity`] normalised for comparison: handles as [`normalise_handle`] gives them,
/// names trimmed and lower-cased.
struct Ours {
    handles: Vec<String>,
    names: Vec<String>,
    /// The starts of automatic messages, as [`automatic_key`] gives them, and the longest's
    /// length in bytes.
    automatic: Vec<String>,
    longest_automatic: usize,
}

impl Ours {
    fn has_handle(&self, handle: &str) -> bool {
        if self.handles.is_empty() {
            return false;
        }
        // A bare handle (the common case) compares as it is, without a lower-cased copy.
        if is_bare_handle(handle) {
            return self.handles.iter().any(|h| h.eq_ignore_ascii_case(handle));
        }
        let h = normalise_handle(handle);
        self.handles.contains(&h)
    }

    fn has_name(&self, name: &str) -> bool {
        if self.names.is_empty() {
            return false;
        }
        let name = name.trim();
        if name.is_ascii() {
            return self.names.iter().any(|n| n.eq_ignore_ascii_case(name));
        }
        let n = name.to_lowercase();
        self.names.contains(&n)
    }

    fn party(&self, raw: &RawMessage) -> Party {
        // Where the page shows the author's handle and we know ours, the handle decides:
        // a display name is anyone's to copy ("AcmeHelp" writing as @AcmeHelp_Desk is not us).
        let handle = raw
            .author_handle
            .as_deref()
            .filter(|h| !self.handles.is_empty() && !trim(h).trim_start_matches('@').is_empty());
        let ours = raw.marked_self
            || match handle {
                Some(h) => self.has_handle(h),
                None => raw.author_name.as_deref().is_some_and(|n| self.has_name(n)),
            };
        if !ours {
            Party::Customer
        } else if raw.unsent {
            Party::Unsent
        } else if self.is_automatic(&raw.text) {
            Party::Automatic
        } else {
            Party::Brand
        }
    }

    /// Whether a message of ours begins as one of the team's automatic messages.
    fn is_automatic(&self, text: &str) -> bool {
        if self.automatic.is_empty() {
            return false;
        }
        // Folded only as far as the longest start reaches, not the whole of a long message.
        let text = fold_automatic(text, self.longest_automatic);
        self.automatic.iter().any(|a| text.starts_with(a.as_str()))
    }
}

/// A text as automatic messages are compared: lower case, curly quotes straight, each run of
/// white space one space, trimmed (a text pasted into settings from the site's own setup page
/// still matches the message as the page shows it).
pub fn automatic_key(s: &str) -> String {
    fold_automatic(s, usize::MAX)
}

/// [`automatic_key`] of `s`, stopped once it holds `limit` bytes or more.
fn fold_automatic(s: &str, limit: usize) -> String {
    let mut out = String::with_capacity(s.len().min(limit.saturating_add(4)));
    let mut space = false;
    for c in s.trim().chars() {
        if out.len() >= limit {
            break;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201C}' | '\u{201D}' => out.push('"'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The fewest characters an automatic message's start may have: a shorter one ("Hi", "Thanks")
/// would take ordinary replies for automatic ones.
pub const AUTOMATIC_MIN_CHARS: usize = 12;
/// The most: an automatic message is recognised by its start, and settings stay small.
pub const AUTOMATIC_MAX_CHARS: usize = 500;

/// The settings' list of automatic messages (one start per line, blank lines and repeats
/// dropped), or what is wrong with it, naming the line.
pub fn parse_automatic(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let key = automatic_key(line);
        let chars = key.chars().count();
        if chars < AUTOMATIC_MIN_CHARS {
            return Err(format!(
                "Automatic messages, line {}: {chars} characters; give at least {AUTOMATIC_MIN_CHARS} of how the message begins, so that an ordinary reply is not taken for it",
                n + 1
            ));
        }
        if chars > AUTOMATIC_MAX_CHARS {
            return Err(format!(
                "Automatic messages, line {}: longer than {AUTOMATIC_MAX_CHARS} characters; how the message begins is enough",
                n + 1
            ));
        }
        if !keys.contains(&key) {
            keys.push(key);
            out.push(line.to_owned());
        }
    }
    Ok(out)
}

/// A thread as read from the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawThread {
    pub site: Site,
    pub surface: Surface,
    pub thread: Option<String>,
    pub messages: Vec<RawMessage>,
    /// The other party named by the page itself (a DM header, "Write to Jane"), if any.
    pub partner: Option<Author>,
    pub identity: Identity,
}

/// `@Name`, `＠Name`, `/name`, `https://x.com/name/`, `x.com/name` → `name` (lower-cased for
/// comparison).
pub fn normalise_handle(h: &str) -> String {
    // A bare handle (the common case) is its own reading.
    if is_bare_handle(h) {
        return h.to_ascii_lowercase();
    }
    let h = h.trim();
    // A link written without its scheme ("x.com/name"): the part before the first "/" is a host.
    let link = h
        .split_once('/')
        .filter(|(host, path)| host.contains('.') && !path.is_empty() && find(h, "://").is_none())
        .and_then(|(host, _)| handle_from_href(&h[host.len()..]))
        .or_else(|| handle_from_href(h));
    link.unwrap_or_else(|| h.trim_start_matches(['@', '＠']).to_owned())
        .to_lowercase()
}

fn is_bare_handle(h: &str) -> bool {
    h.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// The handle in a profile link: `/mariagarcia`, `/kai.ng/`, `https://x.com/jack`,
/// `https://www.instagram.com/kai.ng/`. `None` for links that are not a bare profile path.
pub fn handle_from_href(href: &str) -> Option<String> {
    let path = match find(href, "://") {
        Some(i) => {
            let after = &href[i + 3..];
            &after[after.find('/')?..]
        }
        None => href,
    };
    let path = path.split(['?', '#']).next()?;
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segs.as_slice() {
        [one]
            if one
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
                && !matches!(
                    *one,
                    "home" | "explore" | "messages" | "notifications" | "i"
                ) =>
        {
            Some((*one).to_owned())
        }
        _ => None,
    }
}

/// The number after `/status/` in a link (a tweet id).
pub fn status_id_from_href(href: &str) -> Option<String> {
    let after = &href[find(href, "/status/")? + "/status/".len()..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| after[..digits].to_owned())
}

/// Where `needle` first occurs in `hay`, as `str::find` says: a plain search, for the short
/// links and labels of every message a read parses (std's prepares a Two-Way searcher at each
/// call, slow in the module's JS translation).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    let last = h.len().checked_sub(n.len())?;
    // A match begins at a character boundary: `first` begins a character of the needle, and
    // no byte that begins a character continues one.
    (0..=last).find(|&i| h[i] == first && &h[i..i + n.len()] == n)
}

/// The value of `name` in a link's query (`comment_id`, `reply_comment_id`).
pub fn query_value(href: &str, name: &str) -> Option<String> {
    let query = href.split_once('?')?.1.split('#').next()?;
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

/// A stable id for a message the site gives no id to: a hash of what identifies it.
pub fn content_id(author: &str, time: &str, text: &str) -> String {
    // FNV-1a, 64 bits: stable across runs and builds, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in author
        .bytes()
        .chain([0])
        .chain(time.bytes())
        .chain([0])
        .chain(text.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("h{h:016x}")
}

/// Whether a message is ours: a self marker on it, or its author is one of our identities.
pub fn party(raw: &RawMessage, identity: &Identity) -> Party {
    identity.ours().party(raw)
}

/// `s.trim()`, answered at once for the common value that begins and ends with a visible ASCII
/// character (std's trim runs a char searcher from each end, which is slow in the module's JS
/// translation, for every field of every message of a read).
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// `s` trimmed, reusing it when there is nothing to trim (the common case).
pub fn trimmed(s: String) -> String {
    let t = trim(&s);
    if t.len() == s.len() {
        s
    } else {
        t.to_owned()
    }
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(trimmed).filter(|v| !v.is_empty())
}

/// One message of a read, for [`ThreadStore::merge`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A message read before and unchanged: only its place in the page matters.
    Anchor(String),
    /// A message read now. `content`: its id is its [`content_id`] (the page gives none).
    Fresh {
        message: Message,
        focused: bool,
        content: bool,
    },
}

/// Interprets the messages of a raw thread (taken: their strings move into the entries, so a
/// long thread is not copied again). `identity` says who is us; `now` and `utc_offset_min`
/// read relative and clock times.
pub fn interpret(
    messages: Vec<RawMessage>,
    identity: &Identity,
    now: i64,
    utc_offset_min: i32,
) -> Vec<Entry> {
    let ours = identity.ours();
    messages
        .into_iter()
        .map(|m| {
            if let Some(id) = m.known_id {
                return Entry::Anchor(id);
            }
            let party = ours.party(&m);
            let name = clean(m.author_name);
            let handle = clean(m.author_handle).map(|h| match h.strip_prefix('@') {
                Some(_) => h.trim_start_matches('@').to_owned(),
                None => h,
            });
            let time = clean(m.time);
            let site_id = clean(m.id);
            let content = site_id.is_none();
            let id = site_id.unwrap_or_else(|| {
                content_id(
                    name.as_deref().or(handle.as_deref()).unwrap_or(""),
                    time.as_deref().unwrap_or(""),
                    &m.text,
                )
            });
            Entry::Fresh {
                message: Message {
                    id,
                    author: Author {
                        name: name.or_else(|| handle.clone()).unwrap_or_default(),
                        handle,
                    },
                    party,
                    sent: time.and_then(|t| when::parse(&t, now, utc_offset_min)),
                    first_seen_ms: None,
                    text: trimmed(m.text),
                },
                focused: m.focused,
                content,
            }
        })
        .collect()
}

/// The customer of a conversation: the other party the page names (DM header, a reply box's
/// "Reply to <Name>"), else the person the agent's draft begins by addressing (`addressed`, a
/// handle: [`addressed_handle`]) when they wrote in the thread, else the author of the focused
/// post when it is not ours, else the latest customer message's author.
pub fn customer(
    messages: &[Message],
    focused: Option<&str>,
    partner: Option<&Author>,
    addressed: Option<&str>,
) -> Option<Author> {
    if let Some(p) = partner.filter(|p| !p.name.is_empty() || p.handle.is_some()) {
        return Some(p.clone());
    }
    let named = addressed.and_then(|a| {
        let fold = crate::core::check::people::fold;
        let folded = fold(a);
        messages
            .iter()
            .rev()
            .filter(|m| m.party == Party::Customer)
            .find(|m| match (a.strip_prefix('@'), &m.author.handle) {
                (Some(h), Some(mine)) => mine.eq_ignore_ascii_case(h),
                // Where the site shows no handles (Facebook), a first name: "Jane, so
                // sorry…" answers Jane Doe (the latest to write, should two go by it).
                (None, None) => m
                    .author
                    .name
                    .split_whitespace()
                    .next()
                    .is_some_and(|f| fold(f) == folded),
                _ => false,
            })
            .map(|m| m.author.clone())
    });
    if named.is_some() {
        return named;
    }
    let focused = focused.and_then(|id| {
        messages
            .iter()
            .find(|m| m.id == id && m.party == Party::Customer)
            .map(|m| m.author.clone())
    });
    focused.or_else(|| {
        messages
            .iter()
            .rev()
            .find(|m| m.party == Party::Customer && !m.author.name.is_empty())
            .map(|m| m.author.clone())
    })
}

/// The first of `names` (the authors before a reply box, nearest first; `None` where a
/// message named none) that is not us: the person the box answers. Our own earlier reply under
/// the comment is passed over.
pub fn nearest_other(
    names: impl IntoIterator<Item = Option<String>>,
    identity: &Identity,
) -> Option<Author> {
    let ours = identity.ours();
    names
        .into_iter()
        .flatten()
        .map(|n| n.trim().to_owned())
        .find(|n| !n.is_empty() && !ours.has_name(n))
        .map(|name| Author { name, handle: None })
}

/// Whom a draft begins by addressing: "@" and a handle ([`addressed_handle`]: "@lena.k"), else
/// a name followed by a comma or "!", after a greeting or not ("Jane, so sorry…", "Hi, Jane!",
/// "Jane Doe, …"): its first word ("Jane"). The first of [`addressees`].
pub fn addressed(draft: &str) -> Option<&str> {
    addressees(draft).into_iter().next()
}

/// Everyone a draft begins by addressing, as [`addressed`] reads each: the handles of X's
/// reply prefix ("@tom_w @mariagarcia thanks both", also with commas or "and" between them),
/// or the names joined by "and" or "&" (or Spanish "y", "e") after a greeting or thanks ("Hi
/// Tom and Maria,", "Thanks Tom & Maria!"). Empty when it addresses nobody.
pub fn addressees(draft: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = draft.trim_start();
    while let Some(h) = addressed_handle(rest) {
        out.push(&rest[..h.len() + 1]);
        rest = rest[h.len() + 1..].trim_start_matches([',', '&', ' ', '\n', '\t']);
        for and in ["and ", "y ", "e "] {
            rest = rest.strip_prefix(and).unwrap_or(rest);
        }
        rest = rest.trim_start();
    }
    if out.is_empty() {
        addressed_names(draft, &mut out);
    }
    out
}

/// The names part of [`addressees`].
fn addressed_names<'a>(draft: &'a str, out: &mut Vec<&'a str>) {
    const ENDS: [char; 5] = [',', '!', '،', '、', '，'];
    const AND: [&str; 4] = ["and", "&", "y", "e"];
    let mut words = draft.split_whitespace().peekable();
    let greeting = |w: &str| {
        let w = w.trim_end_matches(ENDS).to_lowercase();
        crate::core::check::wrong_name::GREETINGS.contains(&w)
    };
    let mut greeted = false;
    if words.peek().is_some_and(|w| greeting(w)) {
        words.next();
        greeted = true;
    }
    // Thanks or an apology before the name address it as a greeting does ("Thanks Maria!",
    // "Thank you, Maria, …").
    let lower = |w: &str| w.trim_end_matches(ENDS).to_lowercase();
    match words.peek().map(|w| lower(w)).as_deref() {
        Some(w) if crate::core::check::wrong_name::THANKS.contains(w) => {
            words.next();
            greeted = true;
        }
        Some("thank") => {
            words.next();
            greeted = true;
            if words.peek().is_some_and(|w| lower(w) == "you") {
                words.next();
            }
        }
        _ => {}
    }
    // The names before the last one, each ended by "and" (only after a greeting or thanks:
    // "Tom and Maria, …" alone may be a sentence about them).
    let mut before = Vec::new();
    let mut first = None;
    let mut taken = 0;
    let mut ended = false;
    for w in words {
        // After a greeting or thanks, an emoji or a full stop ends the name as a comma does
        // ("Thanks Jane 😊 we'll…", "Hi Jane. So sorry"); without one, "Jane 😊" may begin a
        // sentence about Jane.
        if greeted && first.is_some() && !w.chars().any(char::is_alphanumeric) && w != "&" {
            ended = true;
            break;
        }
        if greeted && AND.contains(&w) && before.len() < 4 {
            match first.take() {
                Some(name) => before.push(name),
                None => return,
            }
            taken = 0;
            continue;
        }
        taken += 1;
        if taken > 3 {
            return;
        }
        let stop = greeted && w.ends_with('.');
        let name = w.trim_end_matches(ENDS);
        let name = if stop {
            name.trim_end_matches('.')
        } else {
            name
        };
        let letters = name
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        let lower = name.chars().next().is_some_and(char::is_lowercase);
        if !letters || lower || name.chars().count() < 2 {
            return;
        }
        first = first.or(Some(name));
        if w.ends_with(ENDS) || stop {
            ended = true;
            break;
        }
    }
    if let Some(last) = first.filter(|_| ended) {
        out.extend(before);
        out.push(last);
    }
}

/// The handle a draft begins by addressing ("@lena.k thanks…" → `lena.k`; Instagram's
/// "Reply" under a comment starts the draft so), once it is typed out: followed by a space or
/// punctuation, not at the end of the draft (while the agent is still typing it).
pub fn addressed_handle(draft: &str) -> Option<&str> {
    let rest = draft.trim_start().strip_prefix('@')?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .filter(|&end| end > 0)?;
    // A sentence's full stop is not part of the handle ("@lena. Thanks").
    Some(rest[..end].trim_end_matches('.')).filter(|h| !h.is_empty())
}

/// Messages of one conversation, merged across reads of a virtualized list.
#[derive(Clone, Debug, Default)]
pub struct ThreadStore {
    key: Option<String>,
    /// Shared with the conversations handed out ([`ThreadStore::conversation`]): copied only
    /// when one of them is still held when the store changes.
    messages: Rc<Vec<Message>>,
    index: BTreeMap<String, usize>,
    focused: Option<String>,
    /// The handle the agent's draft begins by addressing ([`ThreadStore::set_addressed`]).
    addressed: Option<String>,
    /// When messages of this conversation were first seen on earlier visits (by id).
    remembered: BTreeMap<String, i64>,
    /// Counts the changes to what [`ThreadStore::conversation`] holds: equal versions, equal
    /// messages (a caller keeps the conversation it built until the version moves).
    version: u64,
}

impl ThreadStore {
    pub fn new() -> ThreadStore {
        ThreadStore::default()
    }

    /// Starts over when the conversation changes (another thread, another surface).
    /// Returns whether it reset.
    pub fn open(&mut self, key: &str) -> bool {
        if self.key.as_deref() == Some(key) {
            return false;
        }
        *self = ThreadStore {
            key: Some(key.to_owned()),
            version: self.version + 1,
            ..ThreadStore::default()
        };
        true
    }

    /// Sets the handle the agent's draft begins by addressing (see [`customer`]); returns
    /// whether it changed (the conversation's customer may have).
    pub fn set_addressed(&mut self, handle: Option<&str>) -> bool {
        if self.addressed.as_deref() == handle {
            return false;
        }
        self.addressed = handle.map(str::to_owned);
        self.version += 1;
        true
    }

    /// See the `version` field: it moves whenever the messages or the focused one change.
    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// Gives the messages of `batch` that the page knows only by their words ([`content_id`])
    /// an id of their own when their words repeat another message's: the customer who writes
    /// "hello?" twice, or sends two photos, wrote two messages, and the second must neither
    /// be taken for an update of the first (and vanish) nor be placed where the first is.
    /// A repeat is a content id already given in this batch, or one the store has before the
    /// message this one follows on the page; it becomes `id~2` (then `~3`, …), the first such
    /// id that is neither. The same page read afresh gives the same ids. Call it before the
    /// ids are remembered and before [`ThreadStore::merge`].
    pub fn settle_repeats(&self, batch: &mut [Entry]) {
        if !batch
            .iter()
            .any(|e| matches!(e, Entry::Fresh { content: true, .. }))
        {
            return;
        }
        // The content ids given in this batch (the store's own map type: no other code).
        let mut given: BTreeMap<String, usize> = BTreeMap::new();
        // Where in the store the message the page shows before this one is (just after it).
        let mut after: Option<usize> = None;
        for entry in batch.iter_mut() {
            let (message, content) = match entry {
                Entry::Anchor(id) => {
                    after = self.index.get(id.as_str()).map(|p| p + 1).or(after);
                    continue;
                }
                Entry::Fresh {
                    message, content, ..
                } => (message, *content),
            };
            if !content {
                after = self.index.get(&message.id).map(|p| p + 1).or(after);
                continue;
            }
            let base = message.id.clone();
            let mut k = 1;
            loop {
                if k > 1 {
                    message.id = format!("{base}~{k}");
                }
                k += 1;
                let known = self.index.get(&message.id).copied();
                if given.contains_key(&message.id)
                    || known.is_some_and(|p| after.is_some_and(|a| p < a))
                {
                    continue;
                }
                after = known.map(|p| p + 1).or(after);
                break;
            }
            given.insert(message.id.clone(), 0);
        }
    }

    /// Merges what the page shows now (in page order). Known messages are updated in place
    /// (an edit, a time that got more precise); new ones go after the nearest known message
    /// before them in `batch`, or before the nearest known one after them; a batch with no
    /// known message goes where its times put it. New messages get `first_seen_ms = now`.
    /// Returns whether anything changed.
    pub fn merge(&mut self, batch: Vec<Entry>, now: i64) -> bool {
        let mut changed = false;
        fn id_of(e: &Entry) -> &str {
            match e {
                Entry::Anchor(id) => id,
                Entry::Fresh { message, .. } => &message.id,
            }
        }
        // A thread's first read finds nothing known: no search per message then.
        let known: Vec<Option<usize>> = if self.index.is_empty() {
            vec![None; batch.len()]
        } else {
            batch
                .iter()
                .map(|e| self.index.get(id_of(e)).copied())
                .collect()
        };
        let any_known = known.iter().any(Option::is_some);
        // The id of the entry after each: the message the page shows right after it.
        let next: Vec<Option<String>> = if any_known {
            (0..batch.len())
                .map(|i| batch.get(i + 1).map(|e| id_of(e).to_owned()))
                .collect()
        } else {
            Vec::new()
        };
        let new = known.iter().filter(|k| k.is_none()).count();
        if new > 0 {
            Rc::make_mut(&mut self.messages).reserve(new);
        }
        // Where the next new message goes.
        let mut cursor: Option<usize> = None;
        for (i, entry) in batch.into_iter().enumerate() {
            let (mut m, focused) = match entry {
                Entry::Anchor(id) => {
                    if let Some(&pos) = self.index.get(&id) {
                        cursor = Some(pos + 1);
                    }
                    continue;
                }
                Entry::Fresh {
                    message, focused, ..
                } => (message, focused),
            };
            if focused && self.focused.as_deref() != Some(m.id.as_str()) {
                self.focused = Some(m.id.clone());
                changed = true;
            }
            // Known before this batch (one search then), or read twice in it (the entry below
            // finds it): a new message costs one search here, not one to look and one to add.
            let known_at = if known[i].is_some() {
                self.index.get(&m.id).copied()
            } else {
                None
            };
            let at = match cursor {
                Some(c) => self.after_gone(c, &m, next.get(i).and_then(Option::as_deref)),
                None if any_known => known[i..]
                    .iter()
                    .flatten()
                    .next()
                    .copied()
                    .unwrap_or(self.messages.len()),
                None => self.position_by_time(&m),
            };
            let pos = match known_at {
                Some(pos) => Some(pos),
                None => match self.index.entry(m.id.clone()) {
                    Slot::Occupied(o) => Some(*o.get()),
                    Slot::Vacant(v) => {
                        v.insert(at);
                        None
                    }
                },
            };
            if let Some(pos) = pos {
                let old = &self.messages[pos];
                m.first_seen_ms = old.first_seen_ms;
                if m.sent.is_none()
                    || old
                        .sent
                        .is_some_and(|o| m.sent.is_some_and(|n| n.precision > o.precision))
                {
                    m.sent = old.sent;
                }
                if *old != m {
                    Rc::make_mut(&mut self.messages)[pos] = m;
                    changed = true;
                }
                cursor = Some(pos + 1);
                continue;
            }
            m.first_seen_ms = Some(
                self.remembered
                    .get(&m.id)
                    .copied()
                    .map_or(now, |t| t.min(now)),
            );
            Rc::make_mut(&mut self.messages).insert(at, m);
            self.reindex(at + 1);
            cursor = Some(at + 1);
            changed = true;
        }
        self.version += u64::from(changed);
        changed
    }

    /// Takes in first-seen times remembered from earlier visits: known messages get the earlier
    /// of the two, messages not read yet get it when they are. Returns whether anything changed.
    pub fn remember_first_seen(&mut self, seen: &BTreeMap<String, i64>) -> bool {
        let mut changed = false;
        for (id, &t) in seen {
            let slot = self.remembered.entry(id.clone()).or_insert(t);
            *slot = (*slot).min(t);
            if let Some(&pos) = self.index.get(id) {
                if self.messages[pos].first_seen_ms.is_none_or(|f| t < f) {
                    Rc::make_mut(&mut self.messages)[pos].first_seen_ms = Some(t);
                    changed = true;
                }
            }
        }
        self.version += u64::from(changed);
        changed
    }

    /// First-seen times worth remembering for later visits: those of messages whose send time
    /// the page gives only coarsely ("2h", "3d") or not at all. Exact and to-the-minute times
    /// need no bound.
    pub fn first_seen(&self) -> BTreeMap<String, i64> {
        let worth = self
            .messages
            .iter()
            .filter(|m| m.sent.is_none_or(|s| s.precision > Precision::Minute))
            // Words that repeat ("hello?" twice) are told apart by their order among the rows
            // read, which another visit that loads more or less of the thread can change: their
            // times are not remembered, rather than given to the wrong one.
            .filter(|m| !m.id.contains('~') && !self.index.contains_key(&format!("{}~2", m.id)))
            .filter_map(|m| Some((m.id.clone(), m.first_seen_ms?)));
        // Inserted one by one (a later id replacing an earlier, as `collect` does): `collect`
        // into a B-tree sorts first, with the standard library's stable sort compiled for this
        // one type (4 kB of the page module).
        let mut seen = BTreeMap::new();
        for (id, t) in worth {
            seen.insert(id, t);
        }
        seen
    }

    /// Where new message `m`, read right after the message before `at`, goes: at `at`, or after
    /// the kept messages there that were sent before it (by their times, surely) and that the
    /// page no longer shows next to it (`next` is the one it shows). A message that left the
    /// page (one the customer unsent) stays in the store, as one scrolled out of a
    /// virtualized list does; a reply read after its neighbour goes after it, not before, or
    /// the customer would seem unanswered. A message scrolled back into view is older than
    /// those kept after it, and goes at `at`.
    fn after_gone(&self, mut at: usize, m: &Message, next: Option<&str>) -> usize {
        let Some(sent) = m.sent else {
            return at;
        };
        while let Some(kept) = self.messages.get(at) {
            let before = kept.sent.is_some_and(|k| k.latest_ms() < sent.ms);
            if !before || next == Some(kept.id.as_str()) {
                break;
            }
            at += 1;
        }
        at
    }

    fn position_by_time(&self, m: &Message) -> usize {
        match m.sent {
            Some(s) => self
                .messages
                .iter()
                .position(|o| o.sent.is_some_and(|t| t.ms > s.ms))
                .unwrap_or(self.messages.len()),
            None => self.messages.len(),
        }
    }

    fn reindex(&mut self, from: usize) {
        for (i, m) in self.messages.iter().enumerate().skip(from) {
            match self.index.get_mut(&m.id) {
                Some(slot) => *slot = i,
                None => {
                    self.index.insert(m.id.clone(), i);
                }
            }
        }
    }

    /// The conversation as it stands; `partner` is the other party the page names, if any.
    /// The focused message is the one the page marks, else the one the URL names (an X status
    /// page names its post: should the focus mark change, the post answered is still known).
    pub fn conversation(&self, raw: &RawThread) -> Conversation {
        Conversation {
            site: raw.site,
            surface: raw.surface,
            thread: raw.thread.clone(),
            customer: customer(
                &self.messages,
                self.focused.as_deref().or(raw.thread.as_deref()),
                raw.partner.as_ref(),
                self.addressed.as_deref(),
            ),
            messages: Rc::clone(&self.messages),
        }
    }
}

/// What a Meta message label says: "At 9:12 AM, Jane Doe: Hi there".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageLabel {
    pub time: String,
    pub sender: String,
    pub text: String,
    /// The sender is the viewer ("You", "Tú", "Du").
    pub is_self: bool,
}

/// Senders that mean "us" in the labels, per UI language.
const SELF_SENDERS: [&str; 5] = ["You", "Tú", "Usted", "Du", "Sie"];

/// Parses Messenger's message labels (research/sites.md §4.2), in English, and in the Spanish
/// and German forms Waypoint also accepts (those two are inferred, not seen on the live site):
/// `At <time>, <Sender>: <text>`, `Message sent <time> by <Sender>: <text>`,
/// `A las <time>, <Sender>: <text>`, `Um <time>, <Sender>: <text>`.
pub fn parse_message_label(label: &str) -> Option<MessageLabel> {
    let label = label.trim();
    let (time, rest) = if let Some(r) = label.strip_prefix("Message sent ") {
        let (time, rest) = r.split_once(" by ")?;
        (time, rest)
    } else {
        let r = ["At ", "A las ", "A la ", "Um "]
            .iter()
            .find_map(|p| label.strip_prefix(p))?;
        // The time may itself hold a comma ("November 20, 2026, 9:12 AM"): the sender starts
        // after the last ", " that comes before the first ": ".
        let colon = r.find(": ")?;
        let comma = r[..colon].rfind(", ")?;
        (&r[..comma], &r[comma + 2..])
    };
    let (sender, text) = rest.split_once(": ")?;
    let sender = sender.trim();
    Some(MessageLabel {
        time: time.trim().to_owned(),
        sender: sender.to_owned(),
        text: text.trim().to_owned(),
        is_self: SELF_SENDERS.contains(&sender),
    })
}

/// Strips the first of `prefixes` that `label` starts with ("Comment as Acme" → "Acme").
pub fn strip_any_prefix<'a>(label: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes
        .iter()
        .find_map(|p| label.strip_prefix(p))
        .map(trim)
        .filter(|s| !s.is_empty())
}

/// The name in a label like "Comment by Jane Doe 3 hours ago": after the first of `prefixes`,
/// before the time that ends the label, which starts at one of `ends`. An end that starts with
/// a digit must start a relative time that reads ("Comment by Forever 21 3 hours ago" is
/// Forever 21's); the first end that fits cuts, and failing that the first end found.
pub fn name_before_time(label: &str, prefixes: &[&str], ends: &[&str]) -> Option<String> {
    let rest = strip_any_prefix(label, prefixes)?;
    let mut first = None;
    let mut cut = None;
    'scan: for at in (0..rest.len()).filter(|&at| rest.is_char_boundary(at)) {
        for end in ends.iter().filter(|e| rest[at..].starts_with(*e)) {
            first = first.or(Some(at));
            if !end.trim_start().starts_with(|c: char| c.is_ascii_digit())
                || crate::core::when::parse_relative(&rest[at..].trim().to_lowercase(), 0).is_some()
            {
                cut = Some(at);
                break 'scan;
            }
        }
    }
    let cut = cut.or(first).unwrap_or(rest.len());
    Some(rest[..cut].trim().to_owned()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_cut_where_its_time_begins_even_with_digits_in_it() {
        const BY: &[&str] = &["Comment by ", "Comentario de "];
        const ENDS: &[&str] = &[" about ", " an hour", " hace ", " 1", " 2", " 3"];
        for (label, want) in [
            ("Comment by Jane Doe 3 hours ago", Some("Jane Doe")),
            ("Comment by Forever 21 3 hours ago", Some("Forever 21")),
            ("Comment by Forever 21 2h", Some("Forever 21")),
            ("Comment by Studio 1 21 hours ago", Some("Studio 1")),
            ("Comment by Jane Doe about an hour ago", Some("Jane Doe")),
            ("Comment by Jane Doe an hour ago", Some("Jane Doe")),
            ("Comentario de Forever 21 hace 3 horas", Some("Forever 21")),
            // A time that does not read: the first end found, as before.
            ("Comment by Jane Doe 3 fortnights ago", Some("Jane Doe")),
            ("Comment by Jane Doe", Some("Jane Doe")),
            ("Reply by Jane Doe 3h", None),
        ] {
            assert_eq!(
                name_before_time(label, BY, ENDS).as_deref(),
                want,
                "{label}"
            );
        }
    }
    use crate::core::conversation::{Precision, SentAt};

    fn raw(id: &str, name: &str, handle: Option<&str>, text: &str) -> RawMessage {
        RawMessage {
            id: Some(id.into()),
            author_name: Some(name.into()),
            author_handle: handle.map(Into::into),
            time: None,
            text: text.into(),
            marked_self: false,
            focused: false,
            unsent: false,
            known_id: None,
        }
    }

    #[test]
    fn a_message_of_ours_the_site_could_not_send_is_unsent() {
        let me = Identity {
            handles: vec!["AcmeHelp".into()],
            ..Identity::default()
        };
        let mut failed = raw("2", "Acme", Some("AcmeHelp"), "Refunded!");
        failed.unsent = true;
        assert_eq!(party(&failed, &me), Party::Unsent);
        failed.unsent = false;
        assert_eq!(party(&failed, &me), Party::Brand);
        // A customer's message is theirs, whatever the page marks on it.
        let mut theirs = raw("3", "Sam", Some("sam"), "Hi?");
        theirs.unsent = true;
        assert_eq!(party(&theirs, &me), Party::Customer);
    }

    #[test]
    fn find_agrees_with_std() {
        let hays = [
            "",
            "/",
            "/u0/status/1000000",
            "https://x.com/a/status/12?s=20",
            "/status/",
            "/statu/status/9",
            "ñ/status/1",
            "📦📦/status/7📦",
            "aaab",
        ];
        let needles = ["", "/status/", "://", "ab", "📦/", "ñ", "x"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
            }
        }
        assert_eq!(
            status_id_from_href("/u0/status/1000000/photo/1").as_deref(),
            Some("1000000")
        );
        assert_eq!(
            status_id_from_href("/statu/status/9x").as_deref(),
            Some("9")
        );
        assert_eq!(status_id_from_href("/u0/status/abc"), None);
        assert_eq!(status_id_from_href("/u0/likes"), None);
    }

    #[test]
    fn trim_agrees_with_std_on_every_edge() {
        // The quick answer must never differ from std's: visible ASCII at both ends, and every
        // other edge (spaces, line breaks, NBSP, ideographic space, NEL, emoji, one character).
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "@x",
            "x.",
            "\u{a0}a",
            "a\u{3000}",
            "\u{85}a",
            "📦",
            "a 📦",
            "📦 a",
            "\t\na\r\n",
            "/u0/status/1",
            "é",
            " é ",
            "\u{200b}a",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trimmed(s.to_owned()), s.trim(), "{s:?}");
        }
    }

    fn thread(messages: Vec<RawMessage>, identity: Identity) -> RawThread {
        RawThread {
            site: Site::X,
            surface: Surface::Post,
            thread: Some("1".into()),
            messages,
            partner: None,
            identity,
        }
    }

    fn message(id: &str, ms: Option<i64>) -> Message {
        Message {
            id: id.into(),
            author: Author::default(),
            party: Party::Customer,
            sent: ms.map(SentAt::exact),
            first_seen_ms: None,
            text: id.into(),
        }
    }

    fn msg(id: &str, ms: Option<i64>) -> Entry {
        Entry::Fresh {
            message: message(id, ms),
            focused: false,
            content: false,
        }
    }

    fn messages(entries: Vec<Entry>) -> Vec<Message> {
        entries
            .into_iter()
            .filter_map(|e| match e {
                Entry::Fresh { message, .. } => Some(message),
                Entry::Anchor(_) => None,
            })
            .collect()
    }

    fn ids(s: &ThreadStore) -> Vec<&str> {
        s.messages().iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn links_give_handles_and_ids() {
        assert_eq!(
            handle_from_href("/mariagarcia").as_deref(),
            Some("mariagarcia")
        );
        assert_eq!(handle_from_href("/kai.ng/").as_deref(), Some("kai.ng"));
        assert_eq!(
            handle_from_href("https://x.com/jack?s=1").as_deref(),
            Some("jack")
        );
        assert_eq!(handle_from_href("/jack/status/20"), None);
        assert_eq!(handle_from_href("/home"), None);
        assert_eq!(
            status_id_from_href("/jack/status/20?x").as_deref(),
            Some("20")
        );
        assert_eq!(status_id_from_href("/jack"), None);
        assert_eq!(
            query_value("/p/posts/1?comment_id=Y29t&x=1", "comment_id").as_deref(),
            Some("Y29t")
        );
        assert_eq!(normalise_handle("@AcmeHelp"), "acmehelp");
        // Bare handles take the short way; reserved words and links the long one, alike.
        for (h, want) in [
            ("AcmeHelp", "acmehelp"),
            ("kai.ng", "kai.ng"),
            ("home", "home"),
            ("", ""),
            ("/Kai.Ng/", "kai.ng"),
            ("https://x.com/Jack?s=20", "jack"),
            (" @Jack ", "jack"),
            ("Zoë", "zoë"),
            // As agents paste them: a link without its scheme, a full-width at sign.
            ("x.com/Tom_W", "tom_w"),
            ("www.instagram.com/kai.ng/", "kai.ng"),
            ("kai.ng/", "kai.ng"),
            ("＠tom_w", "tom_w"),
        ] {
            assert_eq!(normalise_handle(h), want, "{h:?}");
        }
    }

    #[test]
    fn who_is_us() {
        let me = Identity {
            handles: vec!["@AcmeHelp".into()],
            names: vec!["Acme Coffee".into()],
            automatic: vec![],
        };
        let table = [
            (raw("1", "Acme Help", Some("acmehelp"), ""), Party::Brand),
            (raw("2", "acme coffee", None, ""), Party::Brand),
            (raw("3", "Maria", Some("maria"), ""), Party::Customer),
            (
                RawMessage {
                    marked_self: true,
                    ..raw("4", "Jane", None, "")
                },
                Party::Brand,
            ),
            (raw("5", "", Some(""), ""), Party::Customer),
            // Compared without regard to case, with and without the `@`, and by a link.
            (raw("7", "Someone", Some("ACMEHELP"), ""), Party::Brand),
            (raw("8", "Someone", Some("@AcmeHelp"), ""), Party::Brand),
            (raw("9", "Someone", Some("/acmehelp"), ""), Party::Brand),
            (raw("10", "  ACME COFFEE ", None, ""), Party::Brand),
            (raw("11", "Acme Coffeé", None, ""), Party::Customer),
            (raw("12", "Someone", Some("acmehelp2"), ""), Party::Customer),
            // A display name copies ours, the handle is another's: an impersonator, not us.
            (
                raw("13", "Acme Coffee", Some("AcmeCoffee_Desk"), ""),
                Party::Customer,
            ),
            (
                raw("14", "Acme Coffee", Some("@acmehelp"), ""),
                Party::Brand,
            ),
        ];
        for (m, want) in table {
            assert_eq!(party(&m, &me), want, "{m:?}");
        }
        assert_eq!(
            party(&raw("6", "", None, ""), &Identity::default()),
            Party::Customer
        );
        // With no handle of ours known, a message's handle cannot decide: the name does.
        let named = Identity {
            names: vec!["Acme Coffee".into()],
            ..Identity::default()
        };
        assert_eq!(
            party(&raw("15", "Acme Coffee", Some("acme"), ""), &named),
            Party::Brand
        );
    }

    #[test]
    fn automatic_messages_of_ours_are_recognised_by_how_they_begin() {
        let me = Identity {
            handles: vec!["@AcmeHelp".into()],
            names: vec![],
            automatic: vec!["Thanks for messaging Acme! We’ll reply".into()],
        };
        let ours = |text: &str| raw("1", "Acme", Some("acmehelp"), text);
        let table = [
            (
                ours("Thanks for messaging Acme! We'll reply within the hour."),
                Party::Automatic,
            ),
            // Case, runs of white space and straight or curly quotes do not matter.
            (
                ours("  THANKS for  messaging\nAcme! We’ll REPLY soon"),
                Party::Automatic,
            ),
            // Ours, but not how the automatic message begins.
            (
                ours("Hi Maria, thanks for messaging Acme! We'll reply by DM."),
                Party::Brand,
            ),
            (ours("Thanks for messaging Acme!"), Party::Brand),
            // The customer quoting it is still the customer.
            (
                raw(
                    "2",
                    "Maria",
                    Some("maria"),
                    "Thanks for messaging Acme! We'll reply... when?",
                ),
                Party::Customer,
            ),
        ];
        for (m, want) in table {
            assert_eq!(party(&m, &me), want, "{m:?}");
        }
        // Without the setting, nothing of ours is automatic.
        let plain = Identity {
            automatic: vec![],
            ..me
        };
        assert_eq!(
            party(&ours("Thanks for messaging Acme! We'll reply soon"), &plain),
            Party::Brand
        );
    }

    #[test]
    fn the_automatic_messages_setting_names_what_is_wrong() {
        assert_eq!(
            parse_automatic(
                "Thanks for messaging us!\n\n  thanks FOR messaging us! \nWe are away until Monday"
            ),
            Ok(vec![
                "Thanks for messaging us!".to_owned(),
                "We are away until Monday".to_owned()
            ])
        );
        assert_eq!(parse_automatic("  \n"), Ok(vec![]));
        let short = parse_automatic("We are away until Monday\nThanks!").unwrap_err();
        assert!(
            short.starts_with("Automatic messages, line 2: 7 characters"),
            "{short}"
        );
        assert!(short.contains("at least 12"), "{short}");
        let long = parse_automatic(&"a".repeat(501)).unwrap_err();
        assert!(
            long.starts_with("Automatic messages, line 1: longer than 500"),
            "{long}"
        );
    }

    #[test]
    fn content_ids_are_stable_and_distinct() {
        let a = content_id("Jane", "9:12 AM", "Hi");
        assert_eq!(a, content_id("Jane", "9:12 AM", "Hi"));
        assert_ne!(a, content_id("Jane", "9:13 AM", "Hi"));
        assert_ne!(content_id("ab", "", "c"), content_id("a", "b", "c"));
        assert!(a.starts_with('h') && a.len() == 17);
    }

    #[test]
    fn interpret_reads_times_and_falls_back_to_content_ids() {
        let mut m = raw("", " Jane Doe ", None, " Hello\nthere ");
        m.id = None;
        m.time = Some("2026-11-22T08:41:00Z".into());
        let t = thread(vec![m], Identity::default());
        let out = messages(interpret(t.messages.clone(), &t.identity, 0, 0));
        assert_eq!(out[0].author.name, "Jane Doe");
        assert_eq!(out[0].text, "Hello\nthere");
        assert!(out[0].id.starts_with('h'));
        assert_eq!(out[0].sent.unwrap().precision, Precision::Exact);
    }

    #[test]
    fn the_customer_is_the_partner_then_the_focused_post_then_the_latest() {
        let me = Identity {
            handles: vec!["AcmeHelp".into()],
            names: vec![],
            automatic: vec![],
        };
        let mut focused = raw("2", "Maria", Some("maria"), "");
        focused.focused = true;
        let t = thread(
            vec![
                raw("1", "Acme", Some("AcmeHelp"), ""),
                focused,
                raw("3", "Tom", Some("tom"), ""),
            ],
            me.clone(),
        );
        let mut store = ThreadStore::new();
        store.open("x");
        store.merge(interpret(t.messages.clone(), &t.identity, 0, 0), 0);
        assert_eq!(store.conversation(&t).customer.unwrap().name, "Maria");
        // No element marked as focused (the mark changed): the post the URL names is.
        let mut unmarked = t.clone();
        unmarked.messages[1].focused = false;
        unmarked.thread = Some("2".into());
        let mut by_url = ThreadStore::new();
        by_url.open("x");
        by_url.merge(interpret(unmarked.messages.clone(), &t.identity, 0, 0), 0);
        assert_eq!(
            by_url.conversation(&unmarked).customer.unwrap().name,
            "Maria"
        );
        unmarked.thread = Some("9".into());
        assert_eq!(by_url.conversation(&unmarked).customer.unwrap().name, "Tom");
        let ms = messages(interpret(t.messages.clone(), &t.identity, 0, 0));
        assert_eq!(customer(&ms, None, None, None).unwrap().name, "Tom");
        let sam = Author {
            name: "Sam Lee".into(),
            handle: None,
        };
        assert_eq!(
            customer(&ms, Some("2"), Some(&sam), Some("@tom"))
                .unwrap()
                .name,
            "Sam Lee"
        );
        assert_eq!(
            customer(&ms, Some("1"), None, None).unwrap().name,
            "Tom",
            "a focused post of ours is not the customer"
        );
        // A draft addressing someone who wrote in the thread answers them (before the
        // focused post); a handle of ours, or of no one here, changes nothing.
        assert_eq!(
            customer(&ms, Some("2"), None, Some("@TOM")).unwrap().name,
            "Tom"
        );
        assert_eq!(
            customer(&ms, None, None, Some("@maria")).unwrap().name,
            "Maria"
        );
        assert_eq!(
            customer(&ms, Some("2"), None, Some("@AcmeHelp"))
                .unwrap()
                .name,
            "Maria"
        );
        assert_eq!(
            customer(&ms, Some("2"), None, Some("@nobody"))
                .unwrap()
                .name,
            "Maria"
        );
        // Through the store: setting it moves the version, setting it again does not.
        let v = store.version();
        assert!(store.set_addressed(Some("@tom")));
        assert!(store.version() > v);
        assert!(!store.set_addressed(Some("@tom")));
        assert_eq!(store.conversation(&t).customer.unwrap().name, "Tom");
        assert!(store.set_addressed(None));
        assert_eq!(store.conversation(&t).customer.unwrap().name, "Maria");
    }

    #[test]
    fn a_draft_begins_by_addressing_a_first_name_where_there_are_no_handles() {
        for (draft, want) in [
            ("Jane, so sorry your bag arrived torn", Some("Jane")),
            ("Hi Jane! Sorry", Some("Jane")),
            ("Hi, Jane! Sorry", Some("Jane")),
            ("hola María, lo siento", Some("María")),
            ("Bonjour Marie, désolé", Some("Marie")),
            ("Hi\nJane, sorry", Some("Jane")),
            ("Jane Doe, sorry", Some("Jane")),
            ("محمد، نعتذر", Some("محمد")),
            ("@lena.k thanks", Some("@lena.k")),
            ("Thanks Maria! We're on it", Some("Maria")),
            ("Thank you, Maria, and sorry", Some("Maria")),
            ("Sorry Jane, the order is late", Some("Jane")),
            ("Gracias, María, lo vemos", Some("María")),
            ("Thanks, we're on it", None),
            ("Thanks Jane 😊 Enjoy the blend", Some("Jane")),
            ("Thanks Jane Doe 🙏", Some("Jane")),
            ("Hi Jane. So sorry", Some("Jane")),
            ("Thank you Maria ❤️", Some("Maria")),
            ("Hi Jane :) sorry", Some("Jane")),
            // Not addressing: no comma after it, still being typed, not a name.
            ("Jane Doe we are sorry", None),
            ("Jane", None),
            ("Thanks so much", None),
            ("sorry, Jane", None),
            ("J, hi", None),
            ("Hi there, sorry", None),
            // No greeting or thanks: an emoji or a full stop after a capitalised word is not
            // an address ("Jane" may be the subject); nor a name still being typed.
            ("Jane 😊 sorry", None),
            ("Jane. Sorry", None),
            ("Thanks 😊", None),
            ("Thanks Jane", None),
            ("Thanks So much 😊", None),
        ] {
            assert_eq!(addressed(draft), want, "{draft:?}");
        }
        let author = |name: &str| Author {
            name: name.into(),
            handle: None,
        };
        let comment = |id: &str, a: Author| Message {
            author: a,
            ..message(id, None)
        };
        let ms = vec![
            comment("1", author("Jane Doe")),
            comment("2", author("Priya Raman")),
        ];
        let answers = |ms: &[Message], a: &str| customer(ms, None, None, Some(a)).unwrap().name;
        assert_eq!(answers(&ms, "jane"), "Jane Doe");
        assert_eq!(customer(&ms, None, None, None).unwrap().name, "Priya Raman");
        // Accents aside, as the checks compare names.
        let mut maria = ms.clone();
        maria[0].author.name = "María López".into();
        assert_eq!(answers(&maria, "Maria"), "María López");
        // Two commenters called Jane: the latest of them.
        let mut two = ms.clone();
        two.push(comment("3", author("Jane Roe")));
        two.push(comment("4", author("Priya Raman")));
        assert_eq!(answers(&two, "Jane"), "Jane Roe");
        // Where authors have handles, a name is no handle, and a handle no name.
        let mut x = ms.clone();
        x[0].author.handle = Some("jane".into());
        assert_eq!(answers(&x, "Jane"), "Priya Raman");
        assert_eq!(answers(&x, "@jane"), "Jane Doe");
        assert_eq!(answers(&ms, "@jane"), "Priya Raman");
    }

    #[test]
    fn everyone_a_draft_begins_by_addressing() {
        for (draft, want) in [
            // X's reply prefix: every handle before the text.
            (
                "@tom_w @mariagarcia thanks both",
                vec!["@tom_w", "@mariagarcia"],
            ),
            (
                "@tom_w, @mariagarcia: thanks",
                vec!["@tom_w", "@mariagarcia"],
            ),
            ("@tom_w and @maria_g thanks", vec!["@tom_w", "@maria_g"]),
            ("@tom_w\n@maria_g\nthanks", vec!["@tom_w", "@maria_g"]),
            ("@tom_w thanks, and @maria_g too", vec!["@tom_w"]),
            // Names joined by "and" after a greeting or thanks.
            ("Hi Tom and Maria, sorry", vec!["Tom", "Maria"]),
            ("Thanks Tom & Maria!", vec!["Tom", "Maria"]),
            ("Hola Tom y María, lo siento", vec!["Tom", "María"]),
            ("Hi Tom Wells and Maria Garcia, sorry", vec!["Tom", "Maria"]),
            ("Thanks Tom and Maria 🙏", vec!["Tom", "Maria"]),
            ("Hi Tom, and sorry", vec!["Tom"]),
            // Not a list of names: no greeting, not ended, or not a name after "and".
            ("Tom and Maria, sorry", vec![]),
            ("Hi Tom and Maria", vec![]),
            ("Hi Tom and sorry, Maria", vec![]),
            ("Hi and sorry, Maria", vec![]),
            ("Thanks and sorry", vec![]),
        ] {
            assert_eq!(addressees(draft), want, "{draft:?}");
        }
    }

    #[test]
    fn the_handle_a_draft_begins_by_addressing() {
        for (draft, want) in [
            ("@lena.k thanks for telling us", Some("lena.k")),
            ("  @Uber_Support, hi", Some("Uber_Support")),
            ("@lena. Thanks", Some("lena")),
            ("@lena.k\nHi", Some("lena.k")),
            // Still being typed, or not a handle at the start.
            ("@lena", None),
            ("@", None),
            ("@ hi", None),
            ("Hi @lena.k", None),
            ("", None),
        ] {
            assert_eq!(addressed_handle(draft), want, "{draft:?}");
        }
    }

    #[test]
    fn scrolling_back_and_forth_neither_loses_nor_duplicates() {
        let mut s = ThreadStore::new();
        s.open("x:1");
        assert!(s.merge(vec![msg("3", None), msg("4", None), msg("5", None)], 10));
        // Scrolled up: older ones appear, some overlap.
        assert!(s.merge(vec![msg("1", None), msg("2", None), msg("3", None)], 20));
        assert_eq!(ids(&s), ["1", "2", "3", "4", "5"]);
        // Scrolled down past the end: new ones after the overlap.
        assert!(s.merge(vec![msg("5", None), msg("6", None)], 30));
        // The same window again changes nothing.
        assert!(!s.merge(vec![msg("5", None), msg("6", None)], 40));
        assert_eq!(ids(&s), ["1", "2", "3", "4", "5", "6"]);
        assert_eq!(s.messages()[0].first_seen_ms, Some(20));
        assert_eq!(s.messages()[5].first_seen_ms, Some(30));
    }

    #[test]
    fn a_new_message_goes_after_kept_ones_sent_before_it_that_left_the_page() {
        let mut s = ThreadStore::new();
        s.open("x:1");
        assert!(s.merge(vec![msg("a", Some(1_000)), msg("d", Some(2_000))], 10));
        // "d" left the page (unsent); our reply "r" is read after "a", its neighbour now.
        assert!(s.merge(vec![Entry::Anchor("a".into()), msg("r", Some(3_000))], 20));
        assert_eq!(ids(&s), ["a", "d", "r"]);
        // A message scrolled back into view, older than those kept after it, goes by its
        // neighbour.
        let mut s = ThreadStore::new();
        s.open("x:2");
        assert!(s.merge(vec![msg("1", Some(1_000)), msg("3", Some(3_000))], 10));
        assert!(s.merge(vec![Entry::Anchor("1".into()), msg("2", Some(2_000))], 20));
        assert_eq!(ids(&s), ["1", "2", "3"]);
        // The page shows the kept message right after the new one: the page's order wins.
        let mut s = ThreadStore::new();
        s.open("x:3");
        assert!(s.merge(vec![msg("a", Some(1_000)), msg("d", Some(2_000))], 10));
        let batch = vec![
            Entry::Anchor("a".into()),
            msg("r", Some(3_000)),
            Entry::Anchor("d".into()),
        ];
        assert!(s.merge(batch, 20));
        assert_eq!(ids(&s), ["a", "r", "d"]);
        // With no time to go by, by its neighbour.
        let mut s = ThreadStore::new();
        s.open("x:4");
        assert!(s.merge(vec![msg("a", Some(1_000)), msg("d", Some(2_000))], 10));
        assert!(s.merge(vec![Entry::Anchor("a".into()), msg("r", None)], 20));
        assert_eq!(ids(&s), ["a", "r", "d"]);
    }

    #[test]
    fn a_message_read_twice_in_one_read_is_one_message() {
        let mut s = ThreadStore::new();
        s.open("x:1");
        let mut again = message("2", Some(5));
        again.text = "edited".into();
        let batch = vec![
            msg("1", None),
            msg("2", None),
            Entry::Fresh {
                message: again,
                focused: false,
                content: false,
            },
            msg("3", None),
        ];
        assert!(s.merge(batch, 10));
        assert_eq!(ids(&s), ["1", "2", "3"]);
        assert_eq!(s.messages()[1].text, "edited");
        // And the index still finds each where it is: a known window adds after it.
        assert!(s.merge(vec![msg("3", None), msg("4", None)], 20));
        assert!(s.merge(vec![msg("0", None), msg("1", None)], 30));
        assert_eq!(ids(&s), ["0", "1", "2", "3", "4"]);
    }

    /// A DM row as Instagram and Messenger show it: no id, no time; ours when `us`.
    fn dm(name: &str, text: &str, us: bool) -> RawMessage {
        RawMessage {
            id: None,
            marked_self: us,
            ..raw("", name, None, text)
        }
    }

    fn read_into(s: &mut ThreadStore, batch: Vec<RawMessage>, anchors: &[(usize, &str)]) {
        let mut entries = interpret(batch, &Identity::default(), 0, 0);
        for &(at, id) in anchors {
            entries.insert(at, Entry::Anchor(id.to_owned()));
        }
        s.settle_repeats(&mut entries);
        s.merge(entries, 0);
    }

    fn texts(s: &ThreadStore) -> Vec<(&str, Party)> {
        s.messages()
            .iter()
            .map(|m| (m.text.as_str(), m.party))
            .collect()
    }

    #[test]
    fn repeated_words_without_a_page_id_are_messages_of_their_own() {
        use Party::{Brand as B, Customer as C};
        let page = || {
            vec![
                dm("Jane", "hello?", false),
                dm("You sent", "Hi Jane, how can we help?", true),
                dm("Jane", "hello?", false),
                dm("Jane", "anyone there?", false),
            ]
        };
        let mut s = ThreadStore::new();
        s.open("instagram:dm:1");
        // One read: "hello?" twice, around our reply, and nothing moves above our reply.
        read_into(&mut s, page(), &[]);
        let want = [
            ("hello?", C),
            ("Hi Jane, how can we help?", B),
            ("hello?", C),
            ("anyone there?", C),
        ];
        assert_eq!(texts(&s), want);
        let ids: Vec<String> = s.messages().iter().map(|m| m.id.clone()).collect();
        assert_eq!(ids[2], format!("{}~2", ids[0]));

        // The same page read afresh (another visit) gives the same ids.
        let mut again = ThreadStore::new();
        again.open("instagram:dm:1");
        read_into(&mut again, page(), &[]);
        let again_ids: Vec<String> = again.messages().iter().map(|m| m.id.clone()).collect();
        assert_eq!(again_ids, ids);

        // Live: the customer writes "hello?" once more, after our reply's neighbours.
        read_into(&mut s, vec![dm("Jane", "hello?", false)], &[(0, &ids[3])]);
        assert_eq!(s.len(), 5, "{:?}", texts(&s));
        assert_eq!(s.messages()[4].id, format!("{}~3", ids[0]));
        assert_eq!(s.messages()[4].party, C);

        // A virtualized list draws the rows again (new elements, same words): nothing is
        // added, the first and the second "hello?" keep their places.
        read_into(&mut s, vec![dm("Jane", "hello?", false)], &[(1, &ids[1])]);
        read_into(&mut s, vec![dm("Jane", "hello?", false)], &[(0, &ids[1])]);
        assert_eq!(s.len(), 5, "{:?}", texts(&s));
        assert_eq!(
            s.messages()
                .iter()
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()[..4],
            ids[..]
        );
        // Their first-seen times are not remembered: another visit that loads less of the
        // thread would number them otherwise and give one's time to the other.
        let kept = s.first_seen();
        assert!(kept.keys().all(|id| !id.starts_with(&ids[0])), "{kept:?}");
        assert!(kept.contains_key(&ids[3]), "{kept:?}");
    }

    #[test]
    fn two_photos_in_a_row_are_two_messages() {
        let mut s = ThreadStore::new();
        s.open("messenger:1");
        read_into(
            &mut s,
            vec![dm("Jane", "", false), dm("Jane", "", false)],
            &[],
        );
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn a_window_with_nothing_known_goes_where_its_times_put_it() {
        let mut s = ThreadStore::new();
        s.open("k");
        s.merge(vec![msg("c", Some(300)), msg("d", Some(400))], 0);
        s.merge(vec![msg("a", Some(100)), msg("b", Some(200))], 0);
        assert_eq!(ids(&s), ["a", "b", "c", "d"]);
        s.merge(vec![msg("e", Some(500))], 0);
        assert_eq!(ids(&s), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn edits_update_in_place_and_precision_only_improves() {
        let mut s = ThreadStore::new();
        s.open("k");
        let mut m = message("1", None);
        m.sent = Some(SentAt {
            ms: 1000,
            precision: Precision::Exact,
        });
        let fresh = |message: Message| Entry::Fresh {
            message,
            focused: false,
            content: false,
        };
        s.merge(vec![fresh(m.clone())], 0);
        let mut coarse = m.clone();
        coarse.sent = Some(SentAt {
            ms: 0,
            precision: Precision::Hour,
        });
        coarse.text = "edited".into();
        assert!(s.merge(vec![fresh(coarse)], 5));
        assert_eq!(s.messages()[0].text, "edited");
        assert_eq!(
            s.messages()[0].sent,
            m.sent,
            "an exact time is not replaced by a coarse one"
        );
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn anchors_place_new_messages_without_rereading_old_ones() {
        let mut s = ThreadStore::new();
        s.open("k");
        s.merge(vec![msg("1", None), msg("2", None), msg("3", None)], 0);
        let batch = vec![
            Entry::Anchor("1".into()),
            msg("1b", None),
            Entry::Anchor("2".into()),
            Entry::Anchor("3".into()),
            msg("4", None),
        ];
        assert!(s.merge(batch, 1));
        assert_eq!(ids(&s), ["1", "1b", "2", "3", "4"]);
        assert!(!s.merge(
            vec![Entry::Anchor("3".into()), Entry::Anchor("gone".into())],
            2
        ));
    }

    #[test]
    fn the_version_moves_with_every_change_and_only_then() {
        let mut s = ThreadStore::new();
        s.open("k");
        let v0 = s.version();
        s.merge(vec![msg("1", None), msg("2", None)], 0);
        let v1 = s.version();
        assert!(v1 > v0, "new messages");
        s.merge(vec![Entry::Anchor("1".into()), msg("2", None)], 1);
        assert_eq!(s.version(), v1, "the same again");
        s.merge(vec![Entry::Anchor("2".into()), msg("3", None)], 2);
        let v2 = s.version();
        assert!(v2 > v1, "one more");
        s.merge(vec![msg("3", Some(1_000))], 3);
        let v3 = s.version();
        assert!(v3 > v2, "a message changed");
        let earlier: BTreeMap<String, i64> = [("1".to_owned(), -5)].into();
        assert!(s.remember_first_seen(&earlier));
        assert!(s.version() > v3, "first seen earlier");
        let v4 = s.version();
        assert!(!s.remember_first_seen(&earlier));
        assert_eq!(s.version(), v4);
        s.open("other");
        assert!(s.version() > v4, "another thread");
    }

    #[test]
    fn opening_another_thread_starts_over() {
        let mut s = ThreadStore::new();
        assert!(s.open("a"));
        s.merge(vec![msg("1", None)], 0);
        assert!(!s.open("a"));
        assert_eq!(s.len(), 1);
        assert!(s.open("b"));
        assert!(s.is_empty());
    }

    #[test]
    fn messenger_labels() {
        let l = parse_message_label("At 9:12 AM, Jane Doe: Hi, my grinder: broken").unwrap();
        assert_eq!(
            (l.time.as_str(), l.sender.as_str(), l.text.as_str()),
            ("9:12 AM", "Jane Doe", "Hi, my grinder: broken")
        );
        assert!(!l.is_self);
        let l =
            parse_message_label("At November 20, 2026, 9:12 AM, You: Sorry to hear that").unwrap();
        assert_eq!(
            (l.time.as_str(), l.sender.as_str()),
            ("November 20, 2026, 9:12 AM", "You")
        );
        assert!(l.is_self);
        // And that time reads, to the minute (it did not: the SLA took such a message as
        // just seen).
        let sent = when::parse(&l.time, 1_795_344_060_000, 0).unwrap();
        assert_eq!(
            sent,
            SentAt {
                ms: crate::core::time::utc_ms(
                    crate::core::time::Date {
                        year: 2026,
                        month: 11,
                        day: 20
                    },
                    9,
                    12,
                    0
                ),
                precision: Precision::Minute
            }
        );
        let l =
            parse_message_label("Message sent 3:04 PM by Ana Ruiz: ¿Sigue disponible?").unwrap();
        assert_eq!(
            (l.sender.as_str(), l.text.as_str()),
            ("Ana Ruiz", "¿Sigue disponible?")
        );
        assert!(parse_message_label("A las 9:12, Tú: Hola").unwrap().is_self);
        assert!(parse_message_label("Um 9:12, Du: Hallo").unwrap().is_self);
        for bad in ["", "Hello", "At 9:12 AM Jane Doe Hi", "At 9:12 AM, Jane"] {
            assert_eq!(parse_message_label(bad), None, "{bad}");
        }
        assert_eq!(
            strip_any_prefix("Comment as Acme Coffee", &["Reply as ", "Comment as "]),
            Some("Acme Coffee")
        );
        assert_eq!(strip_any_prefix("Comment as ", &["Comment as "]), None);
    }

    #[test]
    fn first_seen_times_survive_a_new_visit() {
        let mut earlier = ThreadStore::new();
        earlier.open("k");
        earlier.merge(vec![msg("1", None), msg("2", None)], 100);
        earlier.merge(vec![msg("exact", Some(50))], 100);
        let saved = earlier.first_seen();
        assert_eq!(saved.get("1"), Some(&100));
        assert_eq!(
            saved.get("exact"),
            None,
            "an exact send time needs no first-seen bound"
        );

        // A later visit: one message read before the memory loads, one after.
        let mut later = ThreadStore::new();
        later.open("k");
        later.merge(vec![msg("1", None)], 500);
        assert!(later.remember_first_seen(&saved));
        later.merge(vec![msg("1", None), msg("2", None), msg("3", None)], 600);
        let seen: Vec<_> = later.messages().iter().map(|m| m.first_seen_ms).collect();
        assert_eq!(seen, [Some(100), Some(100), Some(600)]);
        assert!(
            !later.remember_first_seen(&saved),
            "nothing new the second time"
        );
    }

    #[test]
    fn a_reply_box_answers_the_nearest_author_who_is_not_us() {
        let us = Identity {
            handles: vec![],
            names: vec!["Acme Coffee".into()],
            automatic: vec![],
        };
        let names = |v: &[Option<&str>]| -> Vec<Option<String>> {
            v.iter().map(|n| n.map(str::to_owned)).collect()
        };
        // Our own earlier reply under the comment (any case), and a message with no author
        // read, are passed over.
        let found = nearest_other(
            names(&[Some(" acme coffee "), None, Some("Jane Doe"), Some("Priya")]),
            &us,
        );
        assert_eq!(found.map(|a| a.name).as_deref(), Some("Jane Doe"));
        // Only us, or nothing, before the box: no one is answered.
        assert_eq!(nearest_other(names(&[Some("Acme Coffee")]), &us), None);
        assert_eq!(nearest_other(names(&[Some("  ")]), &us), None);
        // Knowing nobody as us, the nearest author is answered.
        let nobody = Identity::default();
        let found = nearest_other(names(&[Some("Acme Coffee"), Some("Jane")]), &nobody);
        assert_eq!(found.map(|a| a.name).as_deref(), Some("Acme Coffee"));
    }
}
