//! Reply intervals over whole conversations, and their summary: what the CLI and the stats
//! page report (count, median, p90 and share within target, per clock).
//!
//! Walking a conversation in order, a customer message with a known time starts a clock if
//! none runs (first-response until our first reply, next-reply after it); our next reply stops
//! it. Later customer messages while a clock runs do not restart it (the oldest unanswered
//! message counts). A clock still running at the end is reported with no end and left out of
//! the summary.

use super::bounds::best_known_ms;
use super::policy::ValidPolicy;
use super::status::ClockKind;
use crate::core::conversation::{Conversation, Party};
use serde::{Deserialize, Serialize};

/// One customer wait: from the oldest unanswered customer message to our reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub clock: ClockKind,
    /// The id of the message that started the clock.
    pub message: String,
    pub start_ms: i64,
    /// Our reply, or `None` when the conversation ends unanswered (or the reply has no time).
    pub end_ms: Option<i64>,
    /// The id of our reply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    pub calendar_ms: Option<i64>,
    /// Present when the policy has business hours.
    pub business_ms: Option<i64>,
    /// The time counted against the target (business or calendar, per the policy).
    pub counted_ms: Option<i64>,
    pub target_ms: i64,
    /// Whether the reply came within the target.
    pub met: Option<bool>,
}

/// Every reply interval of a conversation, in order.
pub fn intervals(conversation: &Conversation, policy: &ValidPolicy) -> Vec<Interval> {
    let (site, surface) = (conversation.site, conversation.surface);
    let mut out = Vec::new();
    let mut replied = false;
    let mut open: Option<Interval> = None;
    for m in conversation.messages.iter() {
        match m.party {
            Party::Customer if open.is_none() => {
                let Some(start_ms) = best_known_ms(m) else {
                    continue;
                };
                let clock = if replied {
                    ClockKind::NextReply
                } else {
                    ClockKind::FirstResponse
                };
                open = Some(Interval {
                    clock,
                    message: m.id.clone(),
                    start_ms,
                    end_ms: None,
                    reply: None,
                    calendar_ms: None,
                    business_ms: None,
                    counted_ms: None,
                    target_ms: policy.target_ms(site, surface, !replied),
                    met: None,
                });
            }
            Party::Customer | Party::Automatic | Party::Unsent => {}
            Party::Brand => {
                replied = true;
                let Some(mut i) = open.take() else { continue };
                i.reply = Some(m.id.clone());
                if let Some(end) = best_known_ms(m) {
                    let end = end.max(i.start_ms);
                    let counted = policy.counted_ms(i.start_ms, end);
                    i.end_ms = Some(end);
                    i.calendar_ms = Some(end - i.start_ms);
                    i.business_ms = policy.business_ms(i.start_ms, end);
                    i.counted_ms = Some(counted);
                    i.met = Some(counted <= i.target_ms);
                }
                out.push(i);
            }
        }
    }
    out.extend(open);
    out
}

/// Statistics of the answered intervals of one clock, in the time the targets are counted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClockSummary {
    /// Answered intervals.
    pub count: usize,
    /// The nearest-rank median (the lower middle value for an even count).
    pub median_ms: Option<i64>,
    /// The nearest-rank 90th percentile.
    pub p90_ms: Option<i64>,
    pub within_target: usize,
    /// `within_target / count` (0 when there are none).
    pub share_within_target: f64,
}

/// The summary of a set of conversations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub conversations: usize,
    pub first_response: ClockSummary,
    pub next_reply: ClockSummary,
    /// Clocks still running at the end of their conversation.
    pub unanswered: usize,
}

/// The nearest-rank percentile `p` (0–100] of sorted values: the smallest value with at least
/// `p`% of the values at or below it.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (sorted.len() * p as usize).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

fn clock_summary<'a>(intervals: impl Iterator<Item = &'a Interval>) -> ClockSummary {
    let mut counted = Vec::new();
    let mut within = 0;
    for i in intervals {
        if let (Some(c), Some(met)) = (i.counted_ms, i.met) {
            counted.push(c);
            within += usize::from(met);
        }
    }
    counted.sort_unstable();
    ClockSummary {
        count: counted.len(),
        median_ms: percentile(&counted, 50),
        p90_ms: percentile(&counted, 90),
        within_target: within,
        share_within_target: if counted.is_empty() {
            0.0
        } else {
            within as f64 / counted.len() as f64
        },
    }
}

/// Summarises the intervals of each conversation.
pub fn summarize(per_conversation: &[Vec<Interval>]) -> Summary {
    let all = || per_conversation.iter().flatten();
    Summary {
        conversations: per_conversation.len(),
        first_response: clock_summary(all().filter(|i| i.clock == ClockKind::FirstResponse)),
        next_reply: clock_summary(all().filter(|i| i.clock == ClockKind::NextReply)),
        unanswered: all().filter(|i| i.end_ms.is_none()).count(),
    }
}
