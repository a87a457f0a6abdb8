//! Site profiles: what Waypoint knows of each site's markup, kept as data.
//!
//! Every field lists ways to read it in order of preference (stable `data-testid`, roles and
//! `data-*` attributes first, localized labels next with their English, Spanish and German
//! variants, structure last); the first that yields a value wins. The extractor
//! (`web/extract.rs`) is generic: when a site changes its markup, its profile changes, not the
//! code. The facts behind the selectors are in `research/sites.md`, cited per entry.

pub mod facebook;
pub mod instagram;
pub mod x;

use crate::core::conversation::{Site, Surface};

/// Where a value is taken from, relative to a message element (or to the document for
/// page-level fields). An empty selector means the element itself.
#[derive(Clone, Copy, Debug)]
pub enum Pick {
    /// The readable text of the first match (emoji images as their `alt`, line breaks kept,
    /// hidden text dropped).
    Text(&'static str),
    /// An attribute of the first match.
    Attr(&'static str, &'static str),
}

/// What to do with the picked string (small pure helpers in `core::reading`).
#[derive(Clone, Copy, Debug)]
pub enum Then {
    Keep,
    /// `/jack/status/20` → `20`.
    StatusId,
    /// `/kai.ng/` → `kai.ng`.
    HandleFromHref,
    /// A query parameter of a link (`comment_id`).
    Query(&'static str),
    /// Strip the first of these prefixes (a `data-testid` like `UserAvatar-Container-jack`, a
    /// localized label like `Comment by Jane Doe 3 hours ago`); no match → nothing.
    StripPrefix(&'static [&'static str]),
    /// Like `StripPrefix`, then keep the text before the first of these separators
    /// (`Comment by Jane Doe 3 hours ago` → `Jane Doe` needs the time cut off).
    Between(&'static [&'static str], &'static [&'static str]),
    /// Parts of a Messenger message label ("At 9:12 AM, Jane Doe: Hi").
    LabelTime,
    LabelSender,
    LabelText,
}

/// One way to read a field.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub pick: Pick,
    pub then: Then,
}

/// Shorthands for profile tables.
pub const fn text(sel: &'static str) -> Field {
    Field {
        pick: Pick::Text(sel),
        then: Then::Keep,
    }
}

pub const fn attr(sel: &'static str, name: &'static str, then: Then) -> Field {
    Field {
        pick: Pick::Attr(sel, name),
        then,
    }
}

/// What Waypoint reads on one surface of a site.
#[derive(Debug)]
pub struct SurfaceProfile {
    pub surface: Surface,
    /// The element holding the open conversation (watched by one observer).
    pub containers: &'static [&'static str],
    /// One message (post, comment, reply or chat message) inside the container.
    pub messages: &'static [&'static str],
    /// What every message is, whatever else marks it ("" = not known): an alternative of
    /// `messages` that leaves out an element of the container matching this (one not inside a
    /// message it found) is passed over for the next that does not, so that a label changed
    /// on some messages (comments, not the post) does not read a thread as the few left.
    pub every: &'static str,
    /// Parts of a message element that belong to something else (a quoted post, a nested
    /// reply): fields are never read from inside them.
    pub exclude: &'static [&'static str],
    /// Inside a message's text: accessibility text and labels to drop.
    pub drop: &'static [&'static str],
    pub id: &'static [Field],
    pub author_name: &'static [Field],
    pub author_handle: &'static [Field],
    pub time: &'static [Field],
    pub text: &'static [Field],
    /// A message is ours when it matches (or contains) one of these, or its label sender is
    /// "You". Tried in order; `@theirs <selector>` marks the other party's (no later marker is
    /// tried), `@flex-end <content>` is a computed style (see gather.js).
    pub self_marker: &'static [&'static str],
    /// A message is ours when the text of the selector inside it starts with one of these
    /// (Instagram's hidden "You sent" label), per UI language.
    pub self_text: &'static [(&'static str, &'static [&'static str])],
    /// A message holding one of these is one of ours the site could not send.
    pub unsent: &'static [&'static str],
    /// The message the page is focused on matches this.
    pub focused: &'static [&'static str],
    /// Page-level: who we are (handles / names), read from the document.
    pub self_handle: &'static [Field],
    pub self_name: &'static [Field],
    /// Page-level: the other party, where the page names them (DM headers).
    pub partner_name: &'static [Field],
    pub partner_handle: &'static [Field],
    /// Page-level: reply boxes whose label names only us ("Reply as <Page>"). When one is open
    /// and the page names no other party, the customer is the nearest author before the box
    /// who is not us: the commenter the box sits under.
    pub answering: &'static [&'static str],
    /// The messages such a box answers, each a list of alternatives (top-level comments: a
    /// box under a comment's replies answers the comment, not the last reply); empty = any
    /// message.
    pub answered: &'static [&'static str],
    /// The composer that replies to this conversation.
    pub composer: &'static [&'static str],
    /// The site's own send or post buttons for that composer.
    pub send: &'static [SendButton],
    /// The key that sends from the composer.
    pub send_key: SendKey,
}

/// A send button: a selector, and when the selector is loose, the button texts that make it
/// one (per UI language; empty = any).
#[derive(Debug)]
pub struct SendButton {
    pub sel: &'static str,
    pub text: &'static [&'static str],
}

pub const fn button(sel: &'static str) -> SendButton {
    SendButton { sel, text: &[] }
}

/// How the keyboard sends from a composer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendKey {
    /// Enter sends (Shift+Enter is a new line): chats and comments.
    Enter,
    /// Ctrl+Enter or Cmd+Enter sends (Enter is a new line): X posts.
    ModEnter,
}

/// A site's profile: one entry per surface.
#[derive(Debug)]
pub struct Profile {
    pub site: Site,
    pub surfaces: &'static [SurfaceProfile],
    /// A post opened as a dialog over a page whose URL names no conversation (a feed): when
    /// this matches, the page is read as that post's public thread.
    pub post_dialog: &'static [&'static str],
    /// A chat popup over a page whose URL names no conversation: when this matches, the page
    /// is read as that chat (direct messages, same markup as the full thread).
    pub dm_popup: &'static [&'static str],
}

impl Profile {
    pub fn surface(&self, surface: Surface) -> Option<&'static SurfaceProfile> {
        self.surfaces.iter().find(|s| s.surface == surface)
    }
}

/// The profile of a supported site.
pub fn profile(site: Site) -> &'static Profile {
    match site {
        Site::X => &x::PROFILE,
        Site::Facebook => &facebook::PROFILE,
        Site::Instagram => &instagram::PROFILE,
    }
}
