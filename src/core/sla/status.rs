//! The live SLA status of one conversation: which clock runs, since when, against which
//! target, and how much time is left.
//!
//! The rules (in line with Zendesk's reply metrics):
//!
//! - The clock starts at the oldest customer message not yet answered, that is, after our last
//!   Brand reply (message order decides who answered what; times may be coarse).
//! - A Brand reply stops it. The next customer message starts a *next-reply* clock; the
//!   *first-response* clock applies only while we have never replied in the conversation.
//! - The agent can pause the clock ("waiting on customer") or mark the conversation as needing
//!   no reply; on a public post, for one commenter (the one answered), whose messages alone it
//!   stops: the others' clocks run on. Either stops the clock for the messages (all, or that
//!   person's) that came before it was set. A customer
//!   message that came after (its best known time, or the time Waypoint first saw it, is later
//!   than the moment it was set) ends the pause: the clock starts again from that message, and
//!   never earlier than the moment the pause began.
//! - Message times follow [`super::bounds`]: the earliest possible send time, else the time
//!   first seen; messages with neither are counted in `untimed_messages` and start no clock.

use super::bounds::best_known_ms;
use super::format::duration;
use super::policy::ValidPolicy;
use super::window::{messaging_window, MessagingWindow};
use crate::core::conversation::{Author, Conversation, Message, Party, Surface};
use crate::core::said::said;
use serde::{Deserialize, Serialize};

/// What the agent set for this conversation (stored locally by the web layer). Stored with
/// serde's default (external) tagging, `"active"` or `{"paused":{"since_ms":…}}`: reading an
/// internally tagged enum buffers the whole object and took 17 KB of the page module.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgentState {
    /// Nothing set: the clock runs.
    #[default]
    Active,
    /// "Waiting on customer" since this instant (ms since the epoch).
    Paused { since_ms: i64 },
    /// "No reply needed" (praise, spam) since this instant.
    NoReplyNeeded { since_ms: i64 },
}

impl AgentState {
    fn since(self) -> Option<i64> {
        match self {
            AgentState::Active => None,
            AgentState::Paused { since_ms } | AgentState::NoReplyNeeded { since_ms } => {
                Some(since_ms)
            }
        }
    }
}

/// What the agent set for a conversation: for all of it, and on a public post for single
/// commenters ("no reply needed" for one person's praise leaves another's complaint waiting).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentStates {
    /// For every message without a state of its author's own (direct messages, and what an
    /// older Waypoint set on a post).
    pub all: AgentState,
    /// By commenter, on a public post: what holds for their messages instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<(Author, AgentState)>,
}

impl From<AgentState> for AgentStates {
    fn from(all: AgentState) -> AgentStates {
        AgentStates {
            all,
            people: Vec::new(),
        }
    }
}

impl AgentStates {
    /// What holds for `who`'s messages: their own state, else the conversation's.
    pub fn of(&self, who: &Author) -> AgentState {
        self.own(who).unwrap_or(self.all)
    }

    /// The state set for `who` alone, if any.
    pub fn own(&self, who: &Author) -> Option<AgentState> {
        if who.is_unknown() {
            return None;
        }
        self.people
            .iter()
            .find(|(a, _)| a.same_person(who))
            .map(|(_, s)| *s)
    }

    /// Sets `state` for `who`'s messages, or for the whole conversation (`None`, which also
    /// forgets every single person's state). Resuming one person over a conversation-wide
    /// pause keeps an explicit `Active` for them.
    pub fn set(&mut self, who: Option<&Author>, state: AgentState) {
        let Some(who) = who.filter(|w| !w.is_unknown()) else {
            self.all = state;
            self.people.clear();
            return;
        };
        self.people.retain(|(a, _)| !a.same_person(who));
        if state != self.all {
            self.people.push((who.clone(), state));
        }
    }

    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.all == AgentState::Active && self.people.is_empty()
    }

    /// What holds for message `m` of `conversation`: its author's state on a public post.
    fn for_message(&self, conversation: &Conversation, m: &Message) -> AgentState {
        match conversation.surface {
            Surface::Post => self.of(&m.author),
            Surface::Dm => self.all,
        }
    }
}

/// The badge state (the page contract's `data-sla`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// A clock runs with more than the due-soon threshold left.
    Ok,
    /// A clock runs with the due-soon threshold or less left.
    DueSoon,
    /// The target has passed with no reply.
    Breached,
    /// Our reply is the latest word.
    Answered,
    /// The agent is waiting on the customer.
    Paused,
    /// Nothing to answer (no conversation, no customer message, marked "no reply needed", or
    /// no message with a known time).
    None,
}

impl State {
    /// The contract value: `ok`, `due-soon`, `breached`, `answered`, `paused` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::DueSoon => "due-soon",
            State::Breached => "breached",
            State::Answered => "answered",
            State::Paused => "paused",
            State::None => "none",
        }
    }
}

/// Which reply clock is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockKind {
    /// Until our first reply in the conversation.
    FirstResponse,
    /// Until our reply to customer messages that came after an earlier reply.
    NextReply,
}

impl ClockKind {
    /// `first-response` or `next-reply`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClockKind::FirstResponse => "first-response",
            ClockKind::NextReply => "next-reply",
        }
    }

    /// "First response" or "Next reply".
    pub fn label(self) -> &'static str {
        match self {
            ClockKind::FirstResponse => "First response",
            ClockKind::NextReply => "Next reply",
        }
    }
}

/// The SLA status of a conversation at an instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaStatus {
    pub state: State,
    /// The clock measured (running, answered or paused).
    pub clock: Option<ClockKind>,
    /// When the clock started.
    pub started_ms: Option<i64>,
    /// When it stopped: our reply (answered) or the pause (paused).
    pub stopped_ms: Option<i64>,
    /// The target, in the time it is counted in.
    pub target_ms: Option<i64>,
    /// When the target runs out.
    pub deadline_ms: Option<i64>,
    /// Target minus the time counted so far (business or calendar, per the policy), up to now
    /// or to the stop; negative once breached, growing more negative as time passes.
    pub remaining_ms: Option<i64>,
    /// Calendar time since the clock started (to now or to the stop).
    pub elapsed_calendar_ms: Option<i64>,
    /// Business time over the same span, when the policy has business hours.
    pub elapsed_business_ms: Option<i64>,
    /// Customer messages to answer that have no known time and so start no clock.
    pub untimed_messages: usize,
    /// Meta's reply window (Facebook and Instagram direct messages only).
    pub window: Option<MessagingWindow>,
    /// Whose message started the running clock, when it is not the conversation's customer's
    /// (on a public post, another commenter waited longest): as the panel names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<String>,
    /// The latest the running clock may have started, when the page gives the first message's
    /// time coarsely (Facebook's "3h": sent between 3 and 4 hours ago); `started_ms` is the
    /// earliest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_latest_ms: Option<i64>,
    /// While a running clock stands still outside business hours: when it counts again, as
    /// the hours' zone tells it ("Monday 09:00").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_until: Option<String>,
    /// One or two sentences for the tooltip: what is measured against which target.
    pub explanation: String,
}

impl SlaStatus {
    fn empty(state: State, explanation: String, window: Option<MessagingWindow>) -> SlaStatus {
        SlaStatus {
            state,
            clock: None,
            started_ms: None,
            stopped_ms: None,
            target_ms: None,
            deadline_ms: None,
            remaining_ms: None,
            elapsed_calendar_ms: None,
            elapsed_business_ms: None,
            untimed_messages: 0,
            window,
            waiting: None,
            started_latest_ms: None,
            closed_until: None,
            explanation,
        }
    }

    /// The status when no conversation is open.
    pub fn no_conversation() -> SlaStatus {
        SlaStatus::empty(State::None, "No conversation is open.".into(), None)
    }
}

/// How a surface is named in explanations.
fn surface_words(surface: Surface) -> &'static str {
    match surface {
        Surface::Post => "public posts",
        Surface::Dm => "direct messages",
    }
}

fn untimed_note(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " 1 message to answer has no known time and is not counted.".into(),
        n => format!(" {n} messages to answer have no known time and are not counted."),
    }
}

/// A clock measured from `start` to `end`, against the target for `kind`.
struct Measured {
    target_ms: i64,
    deadline_ms: i64,
    remaining_ms: i64,
    elapsed_calendar_ms: i64,
    elapsed_business_ms: Option<i64>,
    what: String,
}

fn measure(
    conversation: &Conversation,
    policy: &ValidPolicy,
    kind: ClockKind,
    start: i64,
    end: i64,
) -> Measured {
    let (site, surface) = (conversation.site, conversation.surface);
    let target_ms = policy.target_ms(site, surface, kind == ClockKind::FirstResponse);
    let end = end.max(start);
    Measured {
        target_ms,
        deadline_ms: policy.deadline(start, target_ms),
        remaining_ms: target_ms - policy.counted_ms(start, end),
        elapsed_calendar_ms: end - start,
        elapsed_business_ms: policy.business_ms(start, end),
        what: format!(
            "{} target for {} {}, {}",
            duration(target_ms),
            site.display_name(),
            surface_words(surface),
            policy.describe_basis()
        ),
    }
}

/// The SLA status of `conversation` at `now` (ms since the epoch) under `policy`, given what
/// the agent set for it.
pub fn status(
    conversation: &Conversation,
    policy: &ValidPolicy,
    agent: &AgentStates,
    now: i64,
) -> SlaStatus {
    let window = messaging_window(conversation, now);
    let msgs = &conversation.messages;
    let Some(last_customer) = msgs.iter().rposition(|m| m.party == Party::Customer) else {
        return SlaStatus::empty(State::None, "No customer message to answer.".into(), window);
    };
    let replies = Replies::new(conversation);
    let pending = replies.unanswered();
    if pending.is_empty() {
        return answered(conversation, &replies, last_customer, policy, window);
    }
    running(conversation, &replies, &pending, policy, agent, now, window)
}

/// Whom our replies answer. In a direct message, each answers everything before it. On a
/// public post, a reply that begins by addressing one commenter ("Thanks Priya, enjoy!",
/// "@marco.trails …", [`crate::core::reading::addressees`]) answers that commenter only, one
/// addressing several ("@tom_w @mariagarcia …", "Hi Tom and Maria,") each of them: the
/// others' clocks run on. One addressing no commenter of the thread answers everyone.
struct Replies<'a> {
    conversation: &'a Conversation,
    /// On a post: the commenters' handles (lower case) and folded first names, to tell a
    /// reply addressed to one of them. Empty elsewhere.
    keys: std::rc::Rc<Vec<String>>,
}

/// [`Replies::keys`] of the messages last asked about: the messages' address and length, the
/// first and last ids, and the keys.
type CachedKeys = (usize, usize, String, String, std::rc::Rc<Vec<String>>);

thread_local! {
    /// The badge asks every second of a thread that has not changed: without this, every
    /// commenter's name (5,000 on a long post) would be folded and sorted each second. Several
    /// kept, most recent first: the badge asks of the whole post and of its customer's own
    /// conversation in turn.
    static KEYS: std::cell::RefCell<Vec<CachedKeys>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many messages' keys [`KEYS`] keeps.
const KEYS_KEPT: usize = 4;

/// Whom a reply addresses: a handle or a folded first name.
enum Addressee {
    Handle(String),
    Name(String),
}

impl Addressee {
    fn is(&self, who: &Author) -> bool {
        match self {
            Addressee::Handle(h) => who
                .handle
                .as_ref()
                .is_some_and(|x| x.eq_ignore_ascii_case(h)),
            Addressee::Name(n) => first_name(who).as_ref() == Some(n),
        }
    }
}

fn first_name(who: &Author) -> Option<String> {
    who.name
        .split_whitespace()
        .next()
        .map(crate::core::check::people::fold)
}

impl<'a> Replies<'a> {
    fn new(conversation: &'a Conversation) -> Replies<'a> {
        let msgs = &conversation.messages;
        if conversation.surface != Surface::Post {
            return Replies {
                conversation,
                keys: Default::default(),
            };
        }
        let id = |m: Option<&Message>| m.map_or(String::new(), |m| m.id.clone());
        let (first, last) = (id(msgs.first()), id(msgs.last()));
        let at = std::rc::Rc::as_ptr(msgs) as usize;
        let cached = KEYS.with(|k| {
            k.borrow()
                .iter()
                .find(|c| c.0 == at && c.1 == msgs.len() && c.2 == first && c.3 == last)
                .map(|c| c.4.clone())
        });
        let keys = cached.unwrap_or_else(|| {
            let mut keys = Vec::new();
            if msgs.iter().any(|m| {
                m.party == Party::Brand && crate::core::reading::addressed(&m.text).is_some()
            }) {
                for m in conversation.customer_messages() {
                    keys.extend(m.author.handle.as_ref().map(|h| h.to_lowercase()));
                    keys.extend(first_name(&m.author));
                }
                crate::core::sort::sort_by(&mut keys, |a, b| a.cmp(b));
                keys.dedup();
            }
            let keys = std::rc::Rc::new(keys);
            KEYS.with(|k| {
                let mut k = k.borrow_mut();
                k.insert(0, (at, msgs.len(), first, last, keys.clone()));
                k.truncate(KEYS_KEPT);
            });
            keys
        });
        Replies { conversation, keys }
    }

    /// The commenters of the thread our message `m` addresses (X's reply prefix may name
    /// several: "@tom_w @mariagarcia thanks both"); `None` when it addresses none of them.
    fn addressees(&self, m: &Message) -> Option<Vec<Addressee>> {
        if self.keys.is_empty() {
            return None;
        }
        let found = crate::core::reading::addressees(&m.text)
            .into_iter()
            .filter_map(|a| {
                let (key, made): (String, fn(String) -> Addressee) = match a.strip_prefix('@') {
                    Some(h) => (h.to_lowercase(), Addressee::Handle),
                    None => (crate::core::check::people::fold(a), Addressee::Name),
                };
                self.keys.binary_search(&key).is_ok().then(|| made(key))
            })
            .collect::<Vec<_>>();
        (!found.is_empty()).then_some(found)
    }

    /// Whether our message `m` answers `who`'s messages before it.
    fn answers(&self, m: &Message, who: &Author) -> bool {
        m.party == Party::Brand
            && !self.is_our_post(m)
            && self
                .addressees(m)
                .is_none_or(|a| a.iter().any(|a| a.is(who)))
    }

    /// Whether `m` is our own post opening a public thread: it answers nobody, so a comment
    /// under it starts a first-response clock (a team may give next replies another target).
    fn is_our_post(&self, m: &Message) -> bool {
        self.conversation.surface == Surface::Post
            && m.party == Party::Brand
            && self
                .conversation
                .messages
                .first()
                .is_some_and(|first| std::ptr::eq(first, m))
    }

    /// The customer messages no reply of ours after them answers, in order.
    fn unanswered(&self) -> Vec<&'a Message> {
        let msgs = &self.conversation.messages;
        let mut out = Vec::new();
        // Going back from the end: who the replies after each message answered.
        let mut answered: Vec<Addressee> = Vec::new();
        for m in msgs.iter().rev() {
            match m.party {
                Party::Brand => match self.addressees(m) {
                    Some(a) => answered.extend(a),
                    // Everyone before it is answered.
                    None => break,
                },
                Party::Customer if !answered.iter().any(|a| a.is(&m.author)) => out.push(m),
                _ => {}
            }
        }
        out.reverse();
        out
    }

    /// Whether a reply of ours before message `at` (an index) answered `who`: the clock of
    /// their message is then a next-reply one.
    fn replied_before(&self, at: usize, who: &Author) -> bool {
        self.conversation.messages[..at]
            .iter()
            .any(|m| self.answers(m, who))
    }

    /// The index of message `m` (one of the conversation's).
    fn index(&self, m: &Message) -> usize {
        self.conversation
            .messages
            .iter()
            .position(|x| std::ptr::eq(x, m))
            .unwrap_or(0)
    }
}

/// The status a reply to the conversation's customer is checked against: their own wait when
/// another customer's message started the clock (on a public post, the one who waited longest
/// may not be the one answered). The panel shows [`status`], which names that other person.
pub fn status_for_customer(
    conversation: &Conversation,
    policy: &ValidPolicy,
    agent: &AgentStates,
    now: i64,
) -> SlaStatus {
    let whole = status(conversation, policy, agent, now);
    match whole.waiting {
        Some(_) => customer_conversation(conversation)
            .map_or(whole, |theirs| status(&theirs, policy, agent, now)),
        None => whole,
    }
}

/// On a public post, the conversation as its customer has it (their messages and our replies
/// that answer them),
/// whose status is theirs when another commenter's message runs the clock (a copy of the
/// messages: the caller keeps it while the conversation stands). `None` elsewhere, and for a
/// customer with no message of their own (the whole conversation is theirs then).
pub fn customer_conversation(conversation: &Conversation) -> Option<Conversation> {
    let customer = commenter(conversation)?;
    // Our replies addressed to other commenters are not theirs (told with every commenter's
    // names, which their conversation alone would not hold).
    let replies = Replies::new(conversation);
    let messages = conversation
        .messages
        .iter()
        .filter(|m| match m.party {
            Party::Customer => m.author.same_person(customer),
            Party::Brand => replies.answers(m, customer),
            _ => true,
        })
        .cloned()
        .collect::<Vec<_>>();
    Some(Conversation {
        site: conversation.site,
        surface: conversation.surface,
        thread: conversation.thread.clone(),
        customer: conversation.customer.clone(),
        messages: messages.into(),
    })
}

/// On a public post, the customer answered when they wrote something the page shows: the
/// one person the agent's "waiting on" or "no reply needed" is for ([`AgentStates::set`]).
/// `None` elsewhere: what the agent sets is for the whole conversation.
pub fn commenter(conversation: &Conversation) -> Option<&Author> {
    let customer = conversation.customer.as_ref()?;
    (conversation.surface == Surface::Post
        && !customer.is_unknown()
        && conversation
            .customer_messages()
            .any(|m| m.author.same_person(customer)))
    .then_some(customer)
}

/// Our reply is the latest word: report the cycle it closed (the latest customer's, on a post).
fn answered(
    conversation: &Conversation,
    replies: &Replies,
    last_customer: usize,
    policy: &ValidPolicy,
    window: Option<MessagingWindow>,
) -> SlaStatus {
    let msgs = &conversation.messages;
    let who = &msgs[last_customer].author;
    let cycle_start = msgs[..last_customer]
        .iter()
        .rposition(|m| replies.answers(m, who))
        .map_or(0, |i| i + 1);
    let kind = if cycle_start == 0 {
        ClockKind::FirstResponse
    } else {
        ClockKind::NextReply
    };
    let reply = msgs[last_customer..]
        .iter()
        .find(|m| replies.answers(m, who))
        .and_then(best_known_ms);
    let start = msgs[cycle_start..=last_customer]
        .iter()
        .filter(|m| m.party == Party::Customer && m.author.same_person(who))
        .find_map(best_known_ms);
    let (Some(start), Some(reply)) = (start, reply) else {
        let mut s = SlaStatus::empty(
            State::Answered,
            format!(
                "{}: answered (the times are not known, so it is not measured).",
                kind.label()
            ),
            window,
        );
        s.clock = Some(kind);
        return s;
    };
    let m = measure(conversation, policy, kind, start, reply);
    let verdict = if m.remaining_ms >= 0 {
        "within"
    } else {
        "over"
    };
    SlaStatus {
        state: State::Answered,
        clock: Some(kind),
        started_ms: Some(start),
        stopped_ms: Some(reply),
        target_ms: Some(m.target_ms),
        deadline_ms: Some(m.deadline_ms),
        remaining_ms: Some(m.remaining_ms),
        elapsed_calendar_ms: Some(m.elapsed_calendar_ms),
        elapsed_business_ms: m.elapsed_business_ms,
        untimed_messages: 0,
        window,
        waiting: None,
        started_latest_ms: None,
        closed_until: None,
        explanation: format!(
            "{}: answered after {}, {verdict} the {}.",
            kind.label(),
            duration(m.elapsed_calendar_ms),
            m.what
        ),
    }
}

/// Whether a message came after the agent's pause or mark. Its send time decides when the page
/// gives one precise enough; when that time is coarse (it may lie on either side) or absent,
/// when Waypoint first saw it decides. A page reload re-reads old messages as "first seen now",
/// so a first-seen time never overrules a send time that is known to be earlier.
fn came_after(m: &Message, since: i64) -> bool {
    // On the screen before the agent paused: not after, whatever time the site's clock gave
    // it (a site's clock ahead of this computer's).
    if m.first_seen_ms.is_some_and(|t| t <= since) {
        return false;
    }
    let seen_after = m.first_seen_ms.is_some_and(|t| t > since);
    match m.sent {
        Some(s) => s.ms > since || (s.latest_ms() > since && seen_after),
        None => best_known_ms(m).is_some_and(|t| t > since) || seen_after,
    }
}

/// Every customer message still to answer is held by what the agent set: paused (waiting on
/// someone) or marked as needing no reply. A pause among them makes the badge paused; the
/// explanation names the commenter when one person's state holds them all.
fn held(
    conversation: &Conversation,
    agent: &AgentStates,
    kind: ClockKind,
    waiting: &[&Message],
    window: Option<MessagingWindow>,
) -> SlaStatus {
    let customers = || waiting.iter().copied();
    let states = || customers().map(|m| agent.for_message(conversation, m));
    let paused = states()
        .filter_map(|s| match s {
            AgentState::Paused { since_ms } => Some(since_ms),
            _ => None,
        })
        .max();
    // The one person whose own state holds the messages said (the paused ones, when a
    // pause is among them: the person waited on), on a post.
    let said = |m: &&Message| {
        paused.is_none()
            || matches!(
                agent.for_message(conversation, m),
                AgentState::Paused { .. }
            )
    };
    let mut authors = customers().filter(said).map(|m| &m.author);
    let one = authors.next().filter(|first| {
        conversation.surface == Surface::Post
            && agent.own(first).is_some()
            && authors.all(|a| a.same_person(first))
    });
    let whose = one.map(|a| format!("\u{2068}{}\u{2069}", a.shown()));
    match paused {
        Some(since_ms) => {
            let mut s = SlaStatus::empty(
                State::Paused,
                match &whose {
                    Some(who) => format!(
                        "{}: paused, waiting on {who}. Their next message starts the clock \
                         again.",
                        kind.label()
                    ),
                    None => format!(
                        "{}: paused, waiting on the customer. Their next message starts the \
                         clock again.",
                        kind.label()
                    ),
                },
                window,
            );
            s.clock = Some(kind);
            s.stopped_ms = Some(since_ms);
            s
        }
        None => SlaStatus::empty(
            State::None,
            match &whose {
                Some(who) => format!(
                    "{who}: marked as needing no reply. A new message from them starts the \
                     clock again."
                ),
                None => "Marked as needing no reply. A new customer message starts the clock \
                         again."
                    .into(),
            },
            window,
        ),
    }
}

/// Customer messages (`pending`, in order, at least one) wait for a reply.
fn running(
    conversation: &Conversation,
    replies: &Replies,
    pending: &[&Message],
    policy: &ValidPolicy,
    agent: &AgentStates,
    now: i64,
    window: Option<MessagingWindow>,
) -> SlaStatus {
    // What came since the first message waiting: an automatic message of ours among it asks
    // nothing, and is said.
    let waiting = &conversation.messages[replies.index(pending[0])..];
    // The clock of a message from someone we answered before is a next-reply one.
    let kind_for = |m: &Message| {
        if replies.replied_before(replies.index(m), &m.author) {
            ClockKind::NextReply
        } else {
            ClockKind::FirstResponse
        }
    };
    // The customer's messages still to answer, each with the moment before which the agent's
    // pause or mark holds it.
    let live: Vec<(&Message, Option<i64>)> = pending
        .iter()
        .map(|m| (*m, agent.for_message(conversation, m).since()))
        .filter(|(m, since)| since.is_none_or(|s| came_after(m, s)))
        .collect();
    if live.is_empty() {
        let kind = kind_for(pending[pending.len() - 1]);
        return held(conversation, agent, kind, pending, window);
    }
    let untimed = live
        .iter()
        .filter(|(m, _)| best_known_ms(m).is_none())
        .count();
    // The message that starts the clock: the earliest, each counted from no earlier than the
    // pause it came after (the first of equals).
    let Some((starter, start, first)) = live
        .iter()
        .filter_map(|(m, since)| {
            let t = best_known_ms(m)?;
            Some((*m, since.map_or(t, |s| t.max(s)), t))
        })
        .reduce(|a, b| if b.1 < a.1 { b } else { a })
    else {
        let mut s = SlaStatus::empty(
            State::None,
            format!("{}:{}", kind_for(live[0].0).label(), untimed_note(untimed)),
            window,
        );
        s.untimed_messages = untimed;
        return s;
    };
    let kind = kind_for(starter);
    // Only public posts have many customers; a message whose author the page does not give
    // (X Chat's) is nobody else's.
    let waiting_other = Some(starter)
        .filter(|m| conversation.surface == Surface::Post && !m.author.is_unknown())
        .filter(|m| {
            conversation
                .customer
                .as_ref()
                .is_some_and(|c| !m.author.same_person(c))
        })
        .map(|m| m.author.shown());
    // The page gave no time for the message that starts the clock: its start is when
    // Waypoint first saw it, which the agent is told (the wait may be longer).
    let seen_only = start == first && starter.sent.is_none();
    // How coarse the start is: the starting message's latest possible time (never after
    // Waypoint first saw it), unless a pause moved the start.
    let latest = starter
        .sent
        .map(|sent| {
            let l = sent.latest_ms();
            starter.first_seen_ms.map_or(l, |seen| l.min(seen))
        })
        .filter(|&l| start == first && l - start >= 60_000);
    let m = measure(conversation, policy, kind, start, now);
    let closed_until = policy.closed_until(now);
    let threshold = policy.policy.due_soon.threshold_ms(m.target_ms);
    let state = if m.remaining_ms <= 0 {
        State::Breached
    } else if m.remaining_ms <= threshold {
        State::DueSoon
    } else {
        State::Ok
    };
    SlaStatus {
        state,
        clock: Some(kind),
        started_ms: Some(start),
        stopped_ms: None,
        target_ms: Some(m.target_ms),
        deadline_ms: Some(m.deadline_ms),
        remaining_ms: Some(m.remaining_ms),
        elapsed_calendar_ms: Some(m.elapsed_calendar_ms),
        elapsed_business_ms: m.elapsed_business_ms,
        untimed_messages: untimed,
        window,
        waiting: waiting_other,
        started_latest_ms: latest,
        closed_until: closed_until.clone(),
        explanation: format!(
            "{}: {}.{}{}{}{}{}",
            kind.label(),
            m.what,
            closed_until.as_ref().map_or(String::new(), |at| format!(
                " Outside business hours: the clock stands still until {at}."
            )),
            untimed_note(untimed),
            if seen_only { said("seen-only") } else { "" },
            // Said, so that a clock running after a message of ours is not taken for a fault.
            if waiting.iter().any(|m| m.party == Party::Automatic) {
                said("automatic")
            } else {
                ""
            },
            if waiting.iter().any(|m| m.party == Party::Unsent) {
                said("unsent")
            } else {
                ""
            }
        ),
    }
}
