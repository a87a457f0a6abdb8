//! The vocabulary every feature shares: which site and surface a conversation is on.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::rc::Rc;

/// A supported social site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Site {
    X,
    Facebook,
    Instagram,
}

impl Site {
    /// Every supported site, in a stable order.
    pub const ALL: [Site; 3] = [Site::X, Site::Facebook, Site::Instagram];

    /// The value of the page contract's `data-site` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Site::X => "x",
            Site::Facebook => "facebook",
            Site::Instagram => "instagram",
        }
    }

    /// The name people know the site by.
    pub fn display_name(self) -> &'static str {
        match self {
            Site::X => "X",
            Site::Facebook => "Facebook",
            Site::Instagram => "Instagram",
        }
    }

    /// Whether the site's own Content-Security-Policy is known to forbid WebAssembly in content
    /// scripts (x.com's `script-src` has no `'wasm-unsafe-eval'`), so the JS translation is used
    /// there without first trying, and failing, a wasm compile that the site would be told about.
    pub fn blocks_wasm(self) -> bool {
        matches!(self, Site::X)
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// Where on a site a conversation happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    /// A public thread: a post with its replies or comments.
    Post,
    /// A private conversation: direct messages or chat.
    Dm,
}

impl Surface {
    /// The value of the page contract's `data-surface` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Post => "post",
            Surface::Dm => "dm",
        }
    }

    /// How the panel names the surface to the agent.
    pub fn label(self) -> &'static str {
        match self {
            Surface::Post => "public thread",
            Surface::Dm => "direct messages",
        }
    }
}

impl fmt::Display for Surface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How far Waypoint got in reading the page: the page contract's `data-state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadState {
    /// The open conversation was read.
    Ready,
    /// No conversation is open (a feed, a profile, an inbox list, a locked chat).
    NoConversation,
    /// A conversation should be open, but its markup was not understood.
    Unrecognized,
}

impl ReadState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadState::Ready => "ready",
            ReadState::NoConversation => "no-conversation",
            ReadState::Unrecognized => "unrecognized",
        }
    }
}

/// Who wrote a message, as the agent sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    /// The person being helped (or anyone else who is not us).
    Customer,
    /// Us: the brand account or the agent replying for it.
    Brand,
    /// An automatic message of ours (an instant reply, an away message: a text the team listed
    /// in settings). It answers no one: it neither stops an SLA clock nor counts as having
    /// written to the customer, and it asks nothing.
    Automatic,
    /// A message of ours the site shows as not sent (X Chat's "Failed, Try Again"): the
    /// customer never got it, so it answers no one either.
    Unsent,
}

/// The author of a message as the page shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Author {
    /// The display name ("Maria Garcia").
    pub name: String,
    /// The handle without `@` ("mariagarcia"), where the site shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
}

impl Author {
    /// Whether `other` is the same person: by handle where both have one, else by name.
    pub fn same_person(&self, other: &Author) -> bool {
        match (&self.handle, &other.handle) {
            (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
            _ => self.name == other.name,
        }
    }

    /// Whether the page gave neither a name nor a handle (X Chat's messages name no author).
    pub fn is_unknown(&self) -> bool {
        self.name.trim().is_empty() && self.handle.is_none()
    }

    /// How the panel names them: the display name, else "@handle".
    pub fn shown(&self) -> String {
        match &self.handle {
            Some(h) if self.name.trim().is_empty() => format!("@{h}"),
            _ => self.name.clone(),
        }
    }
}

/// How precisely the page gave a message's time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// To the second or better (`time[datetime]`, a data export).
    Exact,
    /// To the minute ("10:02 AM", "At 9:12 AM").
    Minute,
    /// To the hour ("2h").
    Hour,
    /// To the day ("3d", "Nov 20").
    Day,
    /// To the week or worse ("2w").
    Week,
}

impl Precision {
    /// The width of the interval the true time lies in, in milliseconds.
    pub fn width_ms(self) -> i64 {
        match self {
            Precision::Exact => 1_000,
            Precision::Minute => 60_000,
            Precision::Hour => 3_600_000,
            Precision::Day => 86_400_000,
            Precision::Week => 7 * 86_400_000,
        }
    }
}

/// When a message was sent: the true time lies in `[ms, ms + precision.width_ms())`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SentAt {
    /// Milliseconds since the Unix epoch (the earliest the message can have been sent).
    pub ms: i64,
    pub precision: Precision,
}

impl SentAt {
    pub fn exact(ms: i64) -> SentAt {
        SentAt {
            ms,
            precision: Precision::Exact,
        }
    }

    /// The latest the message can have been sent.
    pub fn latest_ms(self) -> i64 {
        self.ms + self.precision.width_ms() - 1
    }
}

/// One message of a conversation: a post, a reply, a comment or a chat message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Stable across re-renders: the site's id where it has one, else a hash of its content.
    pub id: String,
    pub author: Author,
    pub party: Party,
    /// When it was sent, where the page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<SentAt>,
    /// When Waypoint first saw it (ms since the epoch), a bound for coarse or missing times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen_ms: Option<i64>,
    /// The text as a person reads it: emoji and line breaks kept, hidden text dropped.
    pub text: String,
}

/// An open conversation: what every feature (SLA, suggestions, checklist) reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    pub site: Site,
    pub surface: Surface,
    /// The site's id of the thread (post id, chat id), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<String>,
    /// The customer this conversation is with (for a public thread: the author of the post
    /// the agent is answering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Author>,
    /// Oldest first. Shared: the content script keeps the conversation it last read, and the
    /// thread store hands out the same messages without copying thousands of them per read.
    pub messages: Rc<Vec<Message>>,
}

impl Conversation {
    /// Messages from the customer side, oldest first.
    pub fn customer_messages(&self) -> impl Iterator<Item = &Message> {
        self.messages.iter().filter(|m| m.party == Party::Customer)
    }

    /// The messages since our last reply (all of them if we never replied): the customer's,
    /// and any automatic message of ours among them.
    pub fn unanswered(&self) -> &[Message] {
        let start = self
            .messages
            .iter()
            .rposition(|m| m.party == Party::Brand)
            .map_or(0, |i| i + 1);
        &self.messages[start..]
    }
}

/// A language Waypoint writes replies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_values_are_stable() {
        let sites: Vec<_> = Site::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(sites, ["x", "facebook", "instagram"]);
        assert_eq!(Surface::Post.as_str(), "post");
        assert_eq!(Surface::Dm.as_str(), "dm");
        let states = [
            ReadState::Ready,
            ReadState::NoConversation,
            ReadState::Unrecognized,
        ];
        let states: Vec<_> = states.iter().map(|s| s.as_str()).collect();
        assert_eq!(states, ["ready", "no-conversation", "unrecognized"]);
        assert_eq!(
            serde_json::to_string(&ReadState::NoConversation).unwrap(),
            "\"no-conversation\""
        );
    }

    #[test]
    fn serde_uses_contract_values() {
        assert_eq!(
            serde_json::to_string(&Site::Facebook).unwrap(),
            "\"facebook\""
        );
        assert_eq!(serde_json::to_string(&Surface::Dm).unwrap(), "\"dm\"");
        let s: Site = serde_json::from_str("\"instagram\"").unwrap();
        assert_eq!(s, Site::Instagram);
    }

    #[test]
    fn only_x_is_known_to_block_wasm() {
        assert!(Site::X.blocks_wasm());
        assert!(!Site::Facebook.blocks_wasm());
        assert!(!Site::Instagram.blocks_wasm());
    }

    fn msg(id: &str, party: Party) -> Message {
        Message {
            id: id.into(),
            author: Author::default(),
            party,
            sent: None,
            first_seen_ms: None,
            text: String::new(),
        }
    }

    #[test]
    fn unanswered_is_what_came_after_our_last_reply() {
        use Party::*;
        let mut c = Conversation {
            site: Site::X,
            surface: Surface::Post,
            thread: None,
            customer: None,
            messages: vec![
                msg("1", Customer),
                msg("2", Brand),
                msg("3", Customer),
                msg("4", Customer),
            ]
            .into(),
        };
        let ids: Vec<_> = c.unanswered().iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["3", "4"]);
        Rc::make_mut(&mut c.messages).push(msg("5", Brand));
        assert!(c.unanswered().is_empty());
        Rc::make_mut(&mut c.messages).retain(|m| m.party == Customer);
        assert_eq!(c.unanswered().len(), 3);
        assert_eq!(c.customer_messages().count(), 3);
    }

    #[test]
    fn sent_at_bounds_follow_precision() {
        let s = SentAt {
            ms: 3_600_000,
            precision: Precision::Hour,
        };
        assert_eq!(s.latest_ms(), 7_199_999);
        assert_eq!(SentAt::exact(5).latest_ms(), 1_004);
        assert!(Precision::Exact < Precision::Day);
    }
}
