//! Meta's messaging window: on Facebook and Instagram direct messages a business can reply
//! for 24 hours after the customer's last message (longer windows, such as the human-agent
//! tag's 7 days, are not assumed). Not used for X or for public posts.

use super::bounds::best_known_ms;
use crate::core::conversation::{Conversation, Party, Site, Surface};
use crate::core::time::HOUR_MS;
use serde::{Deserialize, Serialize};

/// How long the standard window stays open after the customer's last message.
pub const META_WINDOW_MS: i64 = 24 * HOUR_MS;

/// The state of the reply window of a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagingWindow {
    /// The customer's last message the window is counted from.
    pub last_customer_ms: i64,
    /// When the brand can no longer reply there.
    pub closes_ms: i64,
    /// Time left before it closes; negative once closed (how long ago it closed).
    pub remaining_ms: i64,
    /// Whether the brand can still reply.
    pub open: bool,
    /// The page shows no time for that message: the window is counted from when Waypoint
    /// first saw it, and may close (or have closed) sooner than said.
    #[serde(default)]
    pub seen_only: bool,
}

/// The window of a Facebook or Instagram direct-message conversation, counted from the
/// customer's last message with a known time (its earliest possible send time, so the window
/// is never reported open when it may have closed). `None` elsewhere, or when no customer
/// message has a known time.
pub fn messaging_window(conversation: &Conversation, now: i64) -> Option<MessagingWindow> {
    let meta = matches!(conversation.site, Site::Facebook | Site::Instagram);
    if !meta || conversation.surface != Surface::Dm {
        return None;
    }
    let (last, seen_only) = conversation
        .messages
        .iter()
        .rev()
        .filter(|m| m.party == Party::Customer)
        .find_map(|m| Some((best_known_ms(m)?, m.sent.is_none())))?;
    let closes_ms = last + META_WINDOW_MS;
    Some(MessagingWindow {
        last_customer_ms: last,
        closes_ms,
        remaining_ms: closes_ms - now,
        open: now < closes_ms,
        seen_only,
    })
}
