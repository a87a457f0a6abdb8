//! Status, window and report tests with injected time: conversations built by hand, `now`
//! passed in.

use super::*;
use crate::core::conversation::{
    Author, Conversation, Message, Party, Precision, SentAt, Site, Surface,
};
use crate::core::time::{utc_ms, Date, HOUR_MS, MINUTE_MS};

const M: i64 = MINUTE_MS;
const H: i64 = HOUR_MS;
/// Tuesday 2025-11-18 10:00 UTC, an arbitrary origin for calendar-time tests.
const T0: i64 = 1_763_460_000_000;

/// A message's time: exact, coarse with a first-seen time, first-seen only, or unknown.
#[derive(Clone, Copy)]
enum At {
    Exact(i64),
    /// An exact time, read again after a reload (first seen later).
    ExactSeen {
        sent: i64,
        seen: i64,
    },
    Hour {
        sent: i64,
        seen: i64,
    },
    Seen(i64),
    Unknown,
}

fn message(i: usize, party: Party, at: At) -> Message {
    let (sent, first_seen_ms) = match at {
        At::Exact(t) => (Some(SentAt::exact(t)), None),
        At::ExactSeen { sent, seen } => (Some(SentAt::exact(sent)), Some(seen)),
        At::Hour { sent, seen } => (
            Some(SentAt {
                ms: sent,
                precision: Precision::Hour,
            }),
            Some(seen),
        ),
        At::Seen(t) => (None, Some(t)),
        At::Unknown => (None, None),
    };
    Message {
        id: format!("m{i}"),
        author: Author::default(),
        party,
        sent,
        first_seen_ms,
        text: String::new(),
    }
}

fn conv(site: Site, surface: Surface, msgs: &[(Party, At)]) -> Conversation {
    Conversation {
        site,
        surface,
        thread: None,
        customer: None,
        messages: msgs
            .iter()
            .enumerate()
            .map(|(i, (p, at))| message(i, *p, *at))
            .collect::<Vec<_>>()
            .into(),
    }
}

fn x_post(msgs: &[(Party, At)]) -> Conversation {
    conv(Site::X, Surface::Post, msgs)
}

use At::Exact;
use Party::{Brand as B, Customer as C};

fn calendar_policy() -> ValidPolicy {
    Policy::default().validate().unwrap()
}

#[test]
fn first_response_next_reply_and_answered() {
    let p = calendar_policy();
    let active = AgentStates::default();
    // (messages, minutes after T0 for now, state, clock, started (min), remaining (min))
    type Case = (
        Vec<(Party, At)>,
        i64,
        State,
        Option<ClockKind>,
        Option<i64>,
        Option<i64>,
    );
    use ClockKind::*;
    let t = |min: i64| Exact(T0 + min * M);
    let cases: Vec<Case> = vec![
        (vec![], 0, State::None, None, None, None),
        (vec![(B, t(0))], 5, State::None, None, None, None),
        (
            vec![(C, t(0))],
            10,
            State::Ok,
            Some(FirstResponse),
            Some(0),
            Some(50),
        ),
        // The oldest unanswered message starts the clock.
        (
            vec![(C, t(0)), (C, t(5))],
            10,
            State::Ok,
            Some(FirstResponse),
            Some(0),
            Some(50),
        ),
        // A reply stops it; remaining is what was left at the reply.
        (
            vec![(C, t(0)), (B, t(20))],
            500,
            State::Answered,
            Some(FirstResponse),
            Some(0),
            Some(40),
        ),
        (
            vec![(C, t(0)), (B, t(70))],
            500,
            State::Answered,
            Some(FirstResponse),
            Some(0),
            Some(-10),
        ),
        // The next customer message starts a next-reply clock.
        (
            vec![(C, t(0)), (B, t(20)), (C, t(30)), (C, t(35))],
            40,
            State::Ok,
            Some(NextReply),
            Some(30),
            Some(50),
        ),
        (
            vec![(C, t(0)), (B, t(20)), (C, t(30)), (B, t(45)), (B, t(50))],
            60,
            State::Answered,
            Some(NextReply),
            Some(30),
            Some(45),
        ),
        // Our own post opens the thread: it answers nobody, so a comment under it starts a
        // first-response clock.
        (
            vec![(B, t(0)), (C, t(10))],
            20,
            State::Ok,
            Some(FirstResponse),
            Some(10),
            Some(50),
        ),
        // Once we replied under it, the next comment starts a next-reply one.
        (
            vec![(B, t(0)), (C, t(10)), (B, t(15)), (C, t(20))],
            30,
            State::Ok,
            Some(NextReply),
            Some(20),
            Some(50),
        ),
    ];
    for (i, (msgs, now, state, clock, started, remaining)) in cases.into_iter().enumerate() {
        let s = status(&x_post(&msgs), &p, &active, T0 + now * M);
        assert_eq!(s.state, state, "case {i}: {s:?}");
        assert_eq!(s.clock, clock, "case {i}");
        assert_eq!(s.started_ms, started.map(|m| T0 + m * M), "case {i}");
        assert_eq!(s.remaining_ms, remaining.map(|m| m * M), "case {i}");
    }
    assert_eq!(
        SlaStatus::no_conversation().state.as_str(),
        "none",
        "no conversation"
    );
}

/// An automatic message of ours (an instant reply, an away message) answers no one: it stops
/// no clock, starts none, and the interval it follows ends at the first real reply.
#[test]
fn automatic_messages_stop_no_clock() {
    let p = calendar_policy();
    let active = AgentStates::default();
    let t = |min: i64| Exact(T0 + min * M);
    let a = Party::Automatic;
    // The instant reply a second after the message: the first-response clock runs on.
    let s = status(&x_post(&[(C, t(0)), (a, t(0))]), &p, &active, T0 + 10 * M);
    assert_eq!(s.state, State::Ok, "{s:?}");
    assert_eq!(s.clock, Some(ClockKind::FirstResponse));
    assert_eq!(s.started_ms, Some(T0));
    assert_eq!(s.remaining_ms, Some(50 * M));
    assert!(
        s.explanation
            .ends_with(" Our automatic message is not counted as a reply."),
        "{}",
        s.explanation
    );
    // ... and breaches as if it were not there.
    let s = status(&x_post(&[(C, t(0)), (a, t(0))]), &p, &active, T0 + 70 * M);
    assert_eq!(s.state, State::Breached, "{s:?}");
    // After a real reply, a new message and an away message: a next-reply clock from it.
    let msgs = [(C, t(0)), (B, t(20)), (C, t(30)), (a, t(31))];
    let s = status(&x_post(&msgs), &p, &active, T0 + 40 * M);
    assert_eq!(s.clock, Some(ClockKind::NextReply), "{s:?}");
    assert_eq!(s.started_ms, Some(T0 + 30 * M));
    // An automatic message after the agent paused for the customer ("Are you still there?")
    // does not start the clock again.
    let paused: AgentStates = AgentState::Paused {
        since_ms: T0 + 5 * M,
    }
    .into();
    let s = status(&x_post(&[(C, t(0)), (a, t(10))]), &p, &paused, T0 + 20 * M);
    assert_eq!(s.state, State::Paused, "{s:?}");
    // An automatic message alone starts nothing.
    let s = status(&x_post(&[(a, t(0))]), &p, &active, T0 + 5 * M);
    assert_eq!(s.state, State::None, "{s:?}");
    // The report: the interval ends at the real reply (45 min), not the instant one.
    let spans = intervals(&x_post(&[(C, t(0)), (a, t(0)), (B, t(45))]), &p);
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(spans[0].reply.as_deref(), Some("m2"));
    assert_eq!(spans[0].calendar_ms, Some(45 * M));
}

#[test]
fn due_soon_then_breached_counting_up() {
    let fraction = calendar_policy();
    let minutes = Policy {
        due_soon: DueSoon::Minutes(5.0),
        ..Policy::default()
    }
    .validate()
    .unwrap();
    let c = x_post(&[(C, Exact(T0))]);
    // (policy, minutes since the message, state, remaining minutes)
    let cases = [
        (&fraction, 44, State::Ok, 16),
        (&fraction, 45, State::DueSoon, 15),
        (&fraction, 59, State::DueSoon, 1),
        (&fraction, 60, State::Breached, 0),
        (&fraction, 75, State::Breached, -15),
        (&fraction, 24 * 60, State::Breached, -23 * 60),
        (&minutes, 54, State::Ok, 6),
        (&minutes, 55, State::DueSoon, 5),
    ];
    for (p, min, state, remaining) in cases {
        let s = status(&c, p, &AgentStates::default(), T0 + min * M);
        assert_eq!(s.state, state, "{min} min");
        assert_eq!(s.remaining_ms, Some(remaining * M), "{min} min");
        assert_eq!(s.elapsed_calendar_ms, Some(min * M));
        assert_eq!(s.deadline_ms, Some(T0 + 60 * M));
        assert_eq!(s.elapsed_business_ms, None, "no business hours set");
    }
}

#[test]
fn pause_and_no_reply_needed_stop_the_clock_until_the_customer_writes() {
    let p = calendar_policy();
    let t = |min: i64| T0 + min * M;
    let paused = AgentState::Paused { since_ms: t(10) };
    let no_reply = AgentState::NoReplyNeeded { since_ms: t(10) };
    // (messages, agent state, now, state, started)
    let cases = [
        (vec![(C, Exact(t(0)))], paused, t(500), State::Paused, None),
        (vec![(C, Exact(t(0)))], no_reply, t(500), State::None, None),
        // A new message after the pause restarts the clock from that message.
        (
            vec![(C, Exact(t(0))), (C, Exact(t(20)))],
            paused,
            t(30),
            State::Ok,
            Some(t(20)),
        ),
        (
            vec![(C, Exact(t(0))), (C, Exact(t(20)))],
            no_reply,
            t(30),
            State::Ok,
            Some(t(20)),
        ),
        // A coarse message ("1h" ago) that may have been sent after the pause and was seen
        // only after it: restarts, but not before the pause began.
        (
            vec![
                (C, Exact(t(0))),
                (
                    C,
                    At::Hour {
                        sent: t(-40),
                        seen: t(20),
                    },
                ),
            ],
            paused,
            t(30),
            State::Ok,
            Some(t(10)),
        ),
        // A coarse message that was certainly sent before the pause does not end it, even
        // when first seen after it.
        (
            vec![
                (C, Exact(t(0))),
                (
                    C,
                    At::Hour {
                        sent: t(-70),
                        seen: t(20),
                    },
                ),
            ],
            paused,
            t(30),
            State::Paused,
            None,
        ),
        // A page reload re-reads old messages as first seen now: the pause holds.
        (
            vec![(
                C,
                At::ExactSeen {
                    sent: t(0),
                    seen: t(20),
                },
            )],
            paused,
            t(30),
            State::Paused,
            None,
        ),
        // A pause set before our reply does not hide later messages.
        (
            vec![(C, Exact(t(0))), (B, Exact(t(15))), (C, Exact(t(40)))],
            paused,
            t(50),
            State::Ok,
            Some(t(40)),
        ),
        // Once we have replied, the stored pause does not matter.
        (
            vec![(C, Exact(t(0))), (B, Exact(t(15)))],
            paused,
            t(50),
            State::Answered,
            Some(t(0)),
        ),
    ];
    for (i, (msgs, agent, now, state, started)) in cases.into_iter().enumerate() {
        let s = status(&x_post(&msgs), &p, &agent.into(), now);
        assert_eq!(s.state, state, "case {i}: {s:?}");
        assert_eq!(s.started_ms, started, "case {i}");
    }
    let s = status(&x_post(&[(C, Exact(t(0)))]), &p, &paused.into(), t(500));
    assert_eq!(s.stopped_ms, Some(t(10)));
    assert_eq!(s.remaining_ms, None, "a paused clock does not run");
    assert!(s.explanation.contains("waiting on the customer"), "{s:?}");
}

#[test]
fn coarse_and_unknown_times() {
    let p = calendar_policy();
    let t = |min: i64| T0 + min * M;
    // (message times, now, state, started, untimed)
    let cases = [
        // The earliest possible send time starts the clock, not the time first seen.
        (
            vec![At::Hour {
                sent: t(0),
                seen: t(30),
            }],
            t(50),
            State::DueSoon,
            Some(t(0)),
            0,
        ),
        (vec![At::Seen(t(30))], t(50), State::Ok, Some(t(30)), 0),
        (vec![At::Unknown], t(50), State::None, None, 1),
        (
            vec![At::Unknown, Exact(t(10)), At::Unknown],
            t(20),
            State::Ok,
            Some(t(10)),
            2,
        ),
    ];
    for (i, (times, now, state, started, untimed)) in cases.into_iter().enumerate() {
        // The first message with a time has only the time Waypoint first saw it.
        let by_seen = times
            .iter()
            .find(|at| !matches!(at, At::Unknown))
            .is_some_and(|at| matches!(at, At::Seen(_)));
        let msgs: Vec<_> = times.into_iter().map(|at| (C, at)).collect();
        let s = status(&x_post(&msgs), &p, &AgentStates::default(), now);
        assert_eq!(s.state, state, "case {i}: {s:?}");
        assert_eq!(s.started_ms, started, "case {i}");
        assert_eq!(s.untimed_messages, untimed, "case {i}");
        if untimed > 0 {
            assert!(s.explanation.contains("no known time"), "{s:?}");
        }
        // A clock started when Waypoint first saw the message says so.
        assert_eq!(
            s.explanation
                .contains("counted from when Waypoint first saw it"),
            by_seen,
            "case {i}: {s:?}"
        );
    }
}

fn madrid_business(counted_in: Basis) -> ValidPolicy {
    Policy {
        counted_in,
        business_hours: Some(BusinessHours {
            zone: "Europe/Madrid".into(),
            week: Week::office(),
            holidays: vec![Date::parse_iso("2025-12-25").unwrap()],
        }),
        ..Policy::default()
    }
    .validate()
    .unwrap()
}

/// A Madrid wall-clock time in winter (UTC+1).
fn madrid_winter(month: u8, day: u8, h: u8, mi: u8) -> i64 {
    utc_ms(
        Date {
            year: 2025,
            month,
            day,
        },
        h,
        mi,
        0,
    ) - H
}

#[test]
fn business_hours_friday_evening_and_explanation() {
    let business = madrid_business(Basis::Business);
    let calendar = madrid_business(Basis::Calendar);
    // Friday 2025-11-21 16:50 to Monday 09:10, Instagram DM with a prior reply (next reply).
    let c = conv(
        Site::Instagram,
        Surface::Dm,
        &[
            (C, Exact(madrid_winter(11, 21, 16, 0))),
            (B, Exact(madrid_winter(11, 21, 16, 5))),
            (C, Exact(madrid_winter(11, 21, 16, 50))),
        ],
    );
    let now = madrid_winter(11, 24, 9, 10);
    let s = status(&c, &business, &AgentStates::default(), now);
    assert_eq!(s.clock, Some(ClockKind::NextReply));
    assert_eq!(s.elapsed_business_ms, Some(20 * M));
    assert_eq!(
        s.elapsed_calendar_ms,
        Some(now - madrid_winter(11, 21, 16, 50))
    );
    assert_eq!(s.remaining_ms, Some(-5 * M));
    assert_eq!(s.state, State::Breached);
    assert_eq!(s.deadline_ms, Some(madrid_winter(11, 24, 9, 5)));
    assert_eq!(
        s.explanation,
        "Next reply: 15 min target for Instagram direct messages, counted in business hours \
         (Mon–Fri 09:00–17:00 Europe/Madrid, 1 holiday)."
    );
    // Saturday morning: 10 of 15 business minutes used, the clock stands still.
    let saturday = status(
        &c,
        &business,
        &AgentStates::default(),
        madrid_winter(11, 22, 11, 0),
    );
    assert_eq!(saturday.remaining_ms, Some(5 * M));
    assert_eq!(
        saturday.state,
        State::Ok,
        "5 min left is more than a quarter of 15"
    );
    // It says why it stands still, and until when (in Madrid: Monday 09:00).
    assert_eq!(saturday.closed_until.as_deref(), Some("Monday 09:00"));
    assert!(
        saturday
            .explanation
            .contains(". Outside business hours: the clock stands still until Monday 09:00."),
        "{saturday:?}"
    );
    assert_eq!(s.closed_until, None, "Monday 09:10 is open");
    let at = |m, d, h, mi| {
        status(
            &c,
            &business,
            &AgentStates::default(),
            madrid_winter(m, d, h, mi),
        )
        .closed_until
    };
    // Friday evening, a night, the early morning, a holiday and the week after it.
    assert_eq!(at(11, 21, 17, 0).as_deref(), Some("Monday 09:00"));
    assert_eq!(at(11, 25, 18, 30).as_deref(), Some("09:00 tomorrow"));
    assert_eq!(at(11, 26, 7, 45).as_deref(), Some("09:00"));
    assert_eq!(at(12, 25, 10, 0).as_deref(), Some("09:00 tomorrow"));
    assert_eq!(at(12, 26, 12, 0), None);
    // In calendar time the clock never stands still.
    let closed = |p: &ValidPolicy| {
        status(&c, p, &AgentStates::default(), madrid_winter(11, 22, 11, 0)).closed_until
    };
    assert_eq!(closed(&calendar), None);
    // The same conversation in calendar time is long breached; business time is still shown.
    let s = status(&c, &calendar, &AgentStates::default(), now);
    assert_eq!(s.state, State::Breached);
    assert_eq!(
        s.remaining_ms,
        Some(15 * M - (now - madrid_winter(11, 21, 16, 50)))
    );
    assert_eq!(s.elapsed_business_ms, Some(20 * M));
    assert!(
        s.explanation.ends_with("counted in calendar time."),
        "{s:?}"
    );
}

#[test]
fn a_reply_the_site_could_not_send_answers_no_one() {
    let t = |m: i64| T0 + m * M;
    let c = conv(
        Site::X,
        Surface::Dm,
        &[(C, Exact(t(0))), (Party::Unsent, Exact(t(5)))],
    );
    let s = status(&c, &calendar_policy(), &AgentStates::default(), t(10));
    assert_eq!(s.state, State::Ok, "{s:?}");
    assert_eq!(s.started_ms, Some(t(0)));
    assert!(
        s.explanation
            .ends_with(" Our message the site shows as not sent is not counted as a reply."),
        "{s:?}"
    );
    // Sent after all (the site's "Try again"): answered.
    let c = conv(Site::X, Surface::Dm, &[(C, Exact(t(0))), (B, Exact(t(5)))]);
    let s = status(&c, &calendar_policy(), &AgentStates::default(), t(10));
    assert_eq!(s.state, State::Answered);
}

#[test]
fn meta_messaging_window() {
    let t = |h: i64| T0 + h * H;
    let msgs = [(C, Exact(t(0))), (B, Exact(t(1)))];
    // (site, surface, now, expected remaining hours; None = no window)
    let cases = [
        (Site::Facebook, Surface::Dm, t(23), Some(1)),
        (Site::Instagram, Surface::Dm, t(23), Some(1)),
        (Site::Facebook, Surface::Dm, t(25), Some(-1)),
        (Site::Instagram, Surface::Dm, t(24), Some(0)),
        (Site::X, Surface::Dm, t(1), None),
        (Site::Facebook, Surface::Post, t(1), None),
        (Site::Instagram, Surface::Post, t(1), None),
    ];
    for (site, surface, now, want) in cases {
        let c = conv(site, surface, &msgs);
        let w = messaging_window(&c, now);
        assert_eq!(
            w.map(|w| w.remaining_ms),
            want.map(|h| h * H),
            "{site} {surface}"
        );
        if let Some(w) = w {
            assert_eq!(w.open, w.remaining_ms > 0);
            assert_eq!(w.closes_ms, t(24));
        }
        // The status carries it, whatever the SLA state (here: answered).
        let s = status(&c, &calendar_policy(), &AgentStates::default(), now);
        assert_eq!(s.window, w);
        assert_eq!(s.state, State::Answered);
    }
    // Counted from the customer's last message with a known time.
    let c = conv(
        Site::Facebook,
        Surface::Dm,
        &[(C, Exact(t(0))), (C, Exact(t(5))), (C, At::Unknown)],
    );
    let w = messaging_window(&c, t(6)).unwrap();
    assert_eq!(w.closes_ms, t(29));
    assert!(!w.seen_only, "the page gives that message's time");
    // A last message the page gives no time for: counted from when Waypoint first saw it,
    // and said (the window may close sooner).
    let c = conv(
        Site::Instagram,
        Surface::Dm,
        &[(C, Exact(t(0))), (C, At::Seen(t(5)))],
    );
    let w = messaging_window(&c, t(6)).unwrap();
    assert_eq!((w.closes_ms, w.seen_only), (t(29), true));
    let none = conv(Site::Facebook, Surface::Dm, &[(B, Exact(t(0)))]);
    assert_eq!(messaging_window(&none, t(1)), None);
}

#[test]
fn serde_contract_values() {
    let states = [
        (State::Ok, "ok"),
        (State::DueSoon, "due-soon"),
        (State::Breached, "breached"),
        (State::Answered, "answered"),
        (State::Paused, "paused"),
        (State::None, "none"),
    ];
    for (s, name) in states {
        assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{name}\""));
        assert_eq!(s.as_str(), name);
    }
    assert_eq!(
        serde_json::to_string(&ClockKind::FirstResponse).unwrap(),
        "\"first-response\""
    );
    assert_eq!(ClockKind::NextReply.as_str(), "next-reply");
    let a: AgentState = serde_json::from_str(r#"{"paused":{"since_ms":5}}"#).unwrap();
    assert_eq!(a, AgentState::Paused { since_ms: 5 });
    let a: AgentState = serde_json::from_str(r#"{"no-reply-needed":{"since_ms":7}}"#).unwrap();
    assert_eq!(a, AgentState::NoReplyNeeded { since_ms: 7 });
    let a: AgentState = serde_json::from_str(r#""active""#).unwrap();
    assert_eq!(a, AgentState::Active);
    assert_eq!(
        serde_json::to_string(&AgentState::Paused { since_ms: 5 }).unwrap(),
        r#"{"paused":{"since_ms":5}}"#
    );
}

#[test]
fn reply_intervals_and_summary() {
    let p = calendar_policy();
    let t = |min: i64| Exact(T0 + min * M);
    let c = x_post(&[
        (C, t(0)),
        (C, t(3)),
        (B, t(20)),
        (B, t(21)),
        (C, t(30)),
        (B, t(100)),
        (C, t(200)),
    ]);
    let iv = intervals(&c, &p);
    let got: Vec<_> = iv
        .iter()
        .map(|i| (i.clock, i.start_ms - T0, i.calendar_ms, i.met))
        .collect();
    assert_eq!(
        got,
        vec![
            (ClockKind::FirstResponse, 0, Some(20 * M), Some(true)),
            (ClockKind::NextReply, 30 * M, Some(70 * M), Some(false)),
            (ClockKind::NextReply, 200 * M, None, None),
        ]
    );
    let s = summarize(&[iv]);
    assert_eq!(s.first_response.count, 1);
    assert_eq!(s.next_reply.count, 1);
    assert_eq!(s.next_reply.share_within_target, 0.0);
    assert_eq!(s.unanswered, 1);
    // Nearest-rank percentiles.
    let v: Vec<i64> = (1..=10).collect();
    assert_eq!(report::percentile(&v, 50), Some(5));
    assert_eq!(report::percentile(&v, 90), Some(9));
    assert_eq!(report::percentile(&[7], 90), Some(7));
    assert_eq!(report::percentile(&[1, 2, 3], 50), Some(2));
    assert_eq!(report::percentile(&[], 50), None);
}

#[test]
fn business_hours_over_new_york_spring_forward() {
    let p = Policy {
        counted_in: Basis::Business,
        business_hours: Some(BusinessHours {
            zone: "America/New_York".into(),
            week: Week::office(),
            holidays: vec![],
        }),
        ..Policy::default()
    }
    .validate()
    .unwrap();
    let utc = |d: u8, h: u8, mi: u8| {
        utc_ms(
            Date {
                year: 2025,
                month: 3,
                day: d,
            },
            h,
            mi,
            0,
        )
    };
    // Friday 2025-03-07 16:30 EST (21:30 UTC); the clocks go forward on Sunday the 9th.
    let c = x_post(&[(C, Exact(utc(7, 21, 30)))]);
    // Monday 09:20 EDT (13:20 UTC): 30 + 20 business minutes used.
    let s = status(&c, &p, &AgentStates::default(), utc(10, 13, 20));
    assert_eq!(s.elapsed_business_ms, Some(50 * M));
    assert_eq!(s.remaining_ms, Some(10 * M));
    assert_eq!(s.state, State::DueSoon);
    assert_eq!(s.deadline_ms, Some(utc(10, 13, 30)), "Monday 09:30 EDT");
    assert_eq!(s.clock, Some(ClockKind::FirstResponse));
    let s = status(&c, &p, &AgentStates::default(), utc(10, 14, 30));
    assert_eq!((s.state, s.remaining_ms), (State::Breached, Some(-60 * M)));
}

#[test]
fn zone_names_are_listed() {
    let names: Vec<_> = tz::zone_names().collect();
    assert!(names.contains(&"Europe/Madrid") && names.contains(&"America/New_York"));
}

/// The site's clock and this computer's disagree by a few minutes.
#[test]
fn clock_skew_neither_undoes_a_pause_nor_freezes_the_countdown() {
    let p = calendar_policy();
    // The computer is 2 minutes behind the site: the message the agent saw, then paused on,
    // carries a time after the pause. It was on the screen before: the pause holds.
    let msg = At::ExactSeen {
        sent: T0,
        seen: T0 - 2 * M,
    };
    let paused = AgentState::Paused { since_ms: T0 - M }.into();
    let s = status(&x_post(&[(C, msg)]), &p, &paused, T0 + 30 * M);
    assert_eq!(s.state, State::Paused, "{s:?}");
    // A message stamped 10 minutes ahead, first seen now: the clock runs from now, not from
    // 10 minutes on (it stood at "60 min left" until then).
    let ahead = At::ExactSeen {
        sent: T0 + 10 * M,
        seen: T0,
    };
    let active = AgentStates::default();
    let s = status(&x_post(&[(C, ahead)]), &p, &active, T0 + 5 * M);
    assert_eq!(s.remaining_ms, Some(55 * M), "{s:?}");
}

#[test]
fn on_a_public_post_the_panel_names_who_waited_and_the_reply_is_checked_against_its_customer() {
    let p = calendar_policy();
    let person = |name: &str| Author {
        name: name.into(),
        handle: None,
    };
    let mut c = conv(
        Site::Facebook,
        Surface::Post,
        &[(B, Exact(T0)), (C, Exact(T0 + M)), (C, Exact(T0 + 2 * H))],
    );
    let mut messages = (*c.messages).clone();
    messages[1].author = person("Jane Doe");
    messages[2].author = person("Priya Raman");
    c.messages = messages.into();
    c.customer = Some(person("Priya Raman"));
    let now = T0 + 3 * H;
    let whole = status(&c, &p, &AgentStates::default(), now);
    assert_eq!(whole.started_ms, Some(T0 + M));
    assert_eq!(whole.waiting.as_deref(), Some("Jane Doe"));
    let hers = status_for_customer(&c, &p, &AgentStates::default(), now);
    assert_eq!(hers.started_ms, Some(T0 + 2 * H));
    assert_eq!(hers.elapsed_calendar_ms, Some(H));
    assert_eq!(hers.waiting, None);
    // Jane is the customer answered: her wait, and no one else named.
    c.customer = Some(person("Jane Doe"));
    let jane = status(&c, &p, &AgentStates::default(), now);
    assert_eq!(jane.waiting, None);
    assert_eq!(
        status_for_customer(&c, &p, &AgentStates::default(), now),
        jane
    );
    // With no customer known, nobody is named.
    c.customer = None;
    assert_eq!(status(&c, &p, &AgentStates::default(), now).waiting, None);
}

#[test]
fn messages_with_no_author_are_nobody_else_s_wait() {
    // X Chat names no author on its messages; the customer comes from the header.
    let p = calendar_policy();
    let mut c = conv(Site::X, Surface::Dm, &[(C, Exact(T0))]);
    c.customer = Some(Author {
        name: "Jane Doe".into(),
        handle: Some("janedoe".into()),
    });
    let now = T0 + H;
    let whole = status(&c, &p, &AgentStates::default(), now);
    assert_eq!(whole.state, State::Breached);
    assert_eq!(whole.waiting, None);
    assert_eq!(
        status_for_customer(&c, &p, &AgentStates::default(), now),
        whole
    );
    assert!(
        customer_conversation(&c).is_none(),
        "a direct message has one customer"
    );
    // On a post too, and a named other customer in a direct message is no other commenter.
    c.surface = Surface::Post;
    assert_eq!(status(&c, &p, &AgentStates::default(), now).waiting, None);
    let mut messages = (*c.messages).clone();
    messages[0].author.name = "Someone Else".into();
    c.messages = messages.into();
    c.surface = Surface::Dm;
    assert_eq!(status(&c, &p, &AgentStates::default(), now).waiting, None);
    // On a post whose customer wrote nothing the page shows, the whole wait is checked.
    c.surface = Surface::Post;
    let post = status(&c, &p, &AgentStates::default(), now);
    assert_eq!(post.waiting.as_deref(), Some("Someone Else"));
    assert_eq!(
        status_for_customer(&c, &p, &AgentStates::default(), now).started_ms,
        post.started_ms
    );
}

#[test]
fn a_start_the_page_gives_by_the_hour_is_a_range() {
    // "3h" on Facebook: sent between 4 and 3 hours before Waypoint saw it.
    let p = calendar_policy();
    let now = T0 + 10 * H;
    let seen = now - 5 * M;
    let comment = |sent: i64| {
        conv(
            Site::Facebook,
            Surface::Post,
            &[(C, At::Hour { sent, seen })],
        )
    };
    let s = status(&comment(seen - 4 * H), &p, &AgentStates::default(), now);
    assert_eq!(s.started_ms, Some(seen - 4 * H));
    assert_eq!(s.started_latest_ms, Some(seen - 3 * H - 1));
    // Seen before the hour was out: no later than that.
    assert_eq!(
        status(&comment(seen - 30 * M), &p, &AgentStates::default(), now).started_latest_ms,
        Some(seen)
    );
    // An exact time, or one to the minute, is no range.
    let c = x_post(&[(C, Exact(T0))]);
    assert_eq!(
        status(&c, &p, &AgentStates::default(), now).started_latest_ms,
        None
    );
}

#[test]
fn on_a_public_post_a_pause_or_mark_for_one_commenter_leaves_the_others_clocks_running() {
    let p = calendar_policy();
    let person = |name: &str| Author {
        name: name.into(),
        handle: None,
    };
    let (jane, priya) = (person("Jane Doe"), person("Priya Raman"));
    // Jane's complaint three hours ago, Priya's praise two; the panel answers Priya.
    let post = |extra: &[(Author, i64)]| {
        let mut msgs = vec![(C, Exact(T0)), (C, Exact(T0 + H))];
        msgs.extend(extra.iter().map(|(_, t)| (C, Exact(*t))));
        let mut c = conv(Site::Facebook, Surface::Post, &msgs);
        let mut messages = (*c.messages).clone();
        messages[0].author = jane.clone();
        messages[1].author = priya.clone();
        for (i, (who, _)) in extra.iter().enumerate() {
            messages[2 + i].author = who.clone();
        }
        c.messages = messages.into();
        c.customer = Some(priya.clone());
        c
    };
    let now = T0 + 3 * H;
    let mut agent = AgentStates::default();
    agent.set(
        Some(&priya),
        AgentState::NoReplyNeeded {
            since_ms: T0 + 2 * H,
        },
    );
    // Jane still waits, three hours: her clock is not Priya's.
    let whole = status(&post(&[]), &p, &agent, now);
    assert_eq!(whole.state, State::Breached, "{whole:?}");
    assert_eq!(whole.started_ms, Some(T0));
    assert_eq!(whole.waiting.as_deref(), Some("Jane Doe"));
    // Priya's own: nothing to answer, and the explanation names her.
    let hers = status_for_customer(&post(&[]), &p, &agent, now);
    assert_eq!(hers.state, State::None, "{hers:?}");
    assert!(
        hers.explanation
            .starts_with("\u{2068}Priya Raman\u{2069}: marked as needing no reply"),
        "{}",
        hers.explanation
    );
    // Priya writes again: her clock starts from that message; Jane's still leads.
    let again = post(&[(priya.clone(), T0 + 2 * H + 30 * M)]);
    let hers = status_for_customer(&again, &p, &agent, now);
    assert_eq!(hers.started_ms, Some(T0 + 2 * H + 30 * M), "{hers:?}");
    assert_eq!(status(&again, &p, &agent, now).started_ms, Some(T0));
    // Jane paused too: the post's clock is Priya's new message, and it is hers.
    agent.set(
        Some(&jane),
        AgentState::Paused {
            since_ms: T0 + 2 * H + 40 * M,
        },
    );
    let whole = status(&again, &p, &agent, now);
    assert_eq!(whole.started_ms, Some(T0 + 2 * H + 30 * M), "{whole:?}");
    assert_eq!(whole.waiting, None);
    // Both held, Jane paused and Priya marked: paused, waiting on Jane.
    let whole = status(&post(&[]), &p, &agent, now);
    assert_eq!(whole.state, State::Paused, "{whole:?}");
    assert_eq!(whole.stopped_ms, Some(T0 + 2 * H + 40 * M));
    assert!(
        whole
            .explanation
            .contains("waiting on \u{2068}Jane Doe\u{2069}"),
        "{}",
        whole.explanation
    );
    // Only Jane's messages on the post, her pause holding them: named.
    let mut only_jane = post(&[]);
    only_jane.messages = vec![only_jane.messages[0].clone()].into();
    let s = status(&only_jane, &p, &agent, now);
    assert_eq!(s.state, State::Paused);
    assert!(
        s.explanation
            .contains("waiting on \u{2068}Jane Doe\u{2069}"),
        "{}",
        s.explanation
    );
    // Resumed for Jane: her clock runs again from her message.
    agent.set(Some(&jane), AgentState::Active);
    assert_eq!(agent.people.len(), 1, "{agent:?}");
    assert_eq!(status(&post(&[]), &p, &agent, now).started_ms, Some(T0));
}

#[test]
fn a_state_for_the_whole_conversation_holds_as_before_and_one_person_can_be_resumed_over_it() {
    let p = calendar_policy();
    let person = |name: &str, handle: Option<&str>| Author {
        name: name.into(),
        handle: handle.map(Into::into),
    };
    let mut c = conv(
        Site::Instagram,
        Surface::Post,
        &[(C, Exact(T0)), (C, Exact(T0 + M))],
    );
    let mut messages = (*c.messages).clone();
    messages[0].author = person("Jane", Some("jane.doe"));
    messages[1].author = person("Sam", Some("sam_k"));
    c.messages = messages.into();
    c.customer = Some(person("Jane", Some("jane.doe")));
    let now = T0 + 2 * H;
    // As stored by an older Waypoint: for everyone.
    let mut agent: AgentStates = AgentState::NoReplyNeeded { since_ms: T0 + H }.into();
    assert_eq!(status(&c, &p, &agent, now).state, State::None);
    // Sam resumed (by handle, in any case): his clock runs; Jane's stays held.
    agent.set(Some(&person("", Some("SAM_K"))), AgentState::Active);
    let s = status(&c, &p, &agent, now);
    assert_eq!(s.started_ms, Some(T0 + M), "{s:?}");
    assert_eq!(s.waiting.as_deref(), Some("Sam"));
    // Set for the whole conversation again: every single person's state goes.
    agent.set(None, AgentState::Active);
    assert!(agent.is_empty());
    assert_eq!(status(&c, &p, &agent, now).started_ms, Some(T0));
    // In a direct message a person's state is not read: one customer, one clock.
    let mut dm = c.clone();
    dm.surface = Surface::Dm;
    agent.set(
        Some(&person("Jane", Some("jane.doe"))),
        AgentState::Paused { since_ms: T0 + H },
    );
    assert_eq!(status(&dm, &p, &agent, now).started_ms, Some(T0));
    assert_eq!(status(&c, &p, &agent, now).started_ms, Some(T0 + M));
    // A person the page names not at all is never stored alone.
    agent.set(
        Some(&Author::default()),
        AgentState::Paused { since_ms: T0 },
    );
    assert_eq!(agent.all, AgentState::Paused { since_ms: T0 });
    assert!(agent.people.is_empty());
}

#[test]
fn agent_states_are_stored_as_small_json() {
    let mut agent = AgentStates::default();
    assert_eq!(
        serde_json::to_string(&agent).unwrap(),
        r#"{"all":"active"}"#
    );
    agent.set(
        Some(&Author {
            name: "Priya Raman".into(),
            handle: None,
        }),
        AgentState::NoReplyNeeded { since_ms: 5 },
    );
    let json = serde_json::to_string(&agent).unwrap();
    assert_eq!(
        json,
        r#"{"all":"active","people":[[{"name":"Priya Raman"},{"no-reply-needed":{"since_ms":5}}]]}"#
    );
    assert_eq!(serde_json::from_str::<AgentStates>(&json).unwrap(), agent);
}

#[test]
fn on_a_public_post_a_reply_addressed_to_one_commenter_answers_only_them() {
    let p = calendar_policy();
    let person = |name: &str, handle: Option<&str>| Author {
        name: name.into(),
        handle: handle.map(Into::into),
    };
    let (jane, priya) = (person("Jane Doe", None), person("Priya Raman", None));
    // Jane's complaint at T0, Priya's praise an hour later, then our comment `ours` at 2 h.
    let post = |ours: &str, customer: &Author| {
        let mut c = conv(
            Site::Facebook,
            Surface::Post,
            &[(C, Exact(T0)), (C, Exact(T0 + H)), (B, Exact(T0 + 2 * H))],
        );
        let mut messages = (*c.messages).clone();
        messages[0].author = jane.clone();
        messages[1].author = priya.clone();
        messages[2].text = ours.into();
        c.messages = messages.into();
        c.customer = Some(customer.clone());
        c
    };
    let now = T0 + 3 * H;
    let none = AgentStates::default();
    // "Thanks Priya, enjoy!" answers Priya: Jane's three hours still run, and she is named.
    let c = post("Thanks Priya, enjoy!", &priya);
    let s = status(&c, &p, &none, now);
    assert_eq!(s.state, State::Breached, "{s:?}");
    assert_eq!(s.started_ms, Some(T0));
    assert_eq!(s.clock, Some(ClockKind::FirstResponse));
    assert_eq!(s.waiting.as_deref(), Some("Jane Doe"));
    // Priya's own is answered, by that reply.
    let hers = status_for_customer(&c, &p, &none, now);
    assert_eq!(hers.state, State::Answered, "{hers:?}");
    assert_eq!(hers.stopped_ms, Some(T0 + 2 * H));
    assert_eq!(hers.elapsed_calendar_ms, Some(H));
    // Answering Jane in her reply box: her wait, nobody else named.
    let c = post("Thanks Priya, enjoy!", &jane);
    let s = status_for_customer(&c, &p, &none, now);
    assert_eq!(
        (s.state, s.started_ms, s.waiting),
        (State::Breached, Some(T0), None)
    );
    // A reply addressing nobody, or somebody not in the thread, answers everyone.
    for ours in ["Thanks everyone!", "Hi Sam, glad you like it!"] {
        let s = status(&post(ours, &priya), &p, &none, now);
        assert_eq!(s.state, State::Answered, "{ours}: {s:?}");
    }
    // Addressed by handle where the site shows handles (Instagram's "@marco.trails").
    let mut c = post("@marco.trails Enjoy the Dolomites!", &priya);
    let mut messages = (*c.messages).clone();
    messages[0].author = person("lena.k", Some("lena.k"));
    messages[1].author = person("marco.trails", Some("marco.trails"));
    c.messages = messages.into();
    c.site = Site::Instagram;
    c.customer = Some(person("marco.trails", Some("marco.trails")));
    let s = status(&c, &p, &none, now);
    assert_eq!(
        (s.state, s.started_ms),
        (State::Breached, Some(T0)),
        "{s:?}"
    );
    assert_eq!(s.waiting.as_deref(), Some("lena.k"));
    // Priya writes again: her clock is a next-reply one from then; Jane's still leads.
    let mut c = post("Thanks Priya, enjoy!", &priya);
    let mut messages = (*c.messages).clone();
    let mut again = messages[1].clone();
    again.id = "m3".into();
    again.sent = Some(SentAt::exact(T0 + 2 * H + 30 * M));
    messages.push(again);
    c.messages = messages.into();
    let hers = status_for_customer(&c, &p, &none, now);
    assert_eq!(hers.clock, Some(ClockKind::NextReply), "{hers:?}");
    assert_eq!(hers.started_ms, Some(T0 + 2 * H + 30 * M));
    assert_eq!(status(&c, &p, &none, now).started_ms, Some(T0));
    // In a direct message every reply answers the customer, whatever name it begins with.
    let mut dm = post("Thanks Priya, enjoy!", &priya);
    dm.surface = Surface::Dm;
    assert_eq!(status(&dm, &p, &none, now).state, State::Answered);
}

#[test]
fn on_a_public_post_a_reply_addressed_to_several_commenters_answers_each_of_them() {
    let p = calendar_policy();
    let person = |name: &str, handle: Option<&str>| Author {
        name: name.into(),
        handle: handle.map(Into::into),
    };
    // Jane at T0, Tom at T0 + 1 h, Sam at T0 + 90 min, our reply at T0 + 2 h.
    let post = |site: Site, people: [Author; 3], ours: &str| {
        let mut c = conv(
            site,
            Surface::Post,
            &[
                (C, Exact(T0)),
                (C, Exact(T0 + H)),
                (C, Exact(T0 + 90 * M)),
                (B, Exact(T0 + 2 * H)),
            ],
        );
        let mut messages = (*c.messages).clone();
        for (m, who) in messages.iter_mut().zip(people) {
            m.author = who;
        }
        messages[3].text = ours.into();
        c.customer = Some(messages[0].author.clone());
        c.messages = messages.into();
        c
    };
    let now = T0 + 3 * H;
    let none = AgentStates::default();
    let x = || {
        [
            person("Jane Doe", Some("jane_d")),
            person("Tom Wells", Some("tom_w")),
            person("Sam Lee", Some("samlee")),
        ]
    };
    let fb = || {
        [
            person("Jane Doe", None),
            person("Tom Wells", None),
            person("Sam Lee", None),
        ]
    };
    // X's reply prefix names Tom and Jane: both answered, Sam waits from T0 + 90 min.
    for ours in [
        "@tom_w @jane_d thanks both, we're on it",
        "@Jane_D, @tom_w: sorry about this",
    ] {
        let s = status(&post(Site::X, x(), ours), &p, &none, now);
        assert_eq!(
            (s.state, s.started_ms, s.waiting.as_deref()),
            (State::Breached, Some(T0 + 90 * M), Some("Sam Lee")),
            "{ours}: {s:?}"
        );
    }
    // Greeting two by name does the same where the site shows no handles.
    let s = status(
        &post(Site::Facebook, fb(), "Hi Jane and Tom, so sorry"),
        &p,
        &none,
        now,
    );
    assert_eq!(
        (s.started_ms, s.waiting.as_deref()),
        (Some(T0 + 90 * M), Some("Sam Lee")),
        "{s:?}"
    );
    // Each named one's own conversation is answered by it.
    let mut c = post(Site::X, x(), "@tom_w @jane_d thanks both");
    c.customer = Some(c.messages[1].author.clone());
    assert_eq!(
        status_for_customer(&c, &p, &none, now).state,
        State::Answered
    );
    // Naming all three answers the post; naming only people not in the thread answers
    // everyone, as one addressing nobody does.
    for ours in [
        "@tom_w @jane_d @samlee thanks all",
        "@acme @support thanks all",
    ] {
        let s = status(&post(Site::X, x(), ours), &p, &none, now);
        assert_eq!(s.state, State::Answered, "{ours}: {s:?}");
    }
    // A handle of the thread among others not in it answers that one alone: Jane, first,
    // still waits (named to Sam's reply box).
    let mut c = post(Site::X, x(), "@acme @samlee thanks");
    c.customer = Some(c.messages[2].author.clone());
    let s = status(&c, &p, &none, now);
    assert_eq!(
        (s.started_ms, s.waiting.as_deref()),
        (Some(T0), Some("Jane Doe")),
        "{s:?}"
    );
}

/// Where our post opens a public thread, a comment under it is the commenter's first contact:
/// the first-response target applies, not the next-reply one (a team may set them apart). In
/// a direct message we wrote first in, the customer's answer is a next reply.
#[test]
fn a_comment_under_our_own_post_starts_a_first_response_clock() {
    let mut policy = Policy::default();
    policy.targets.facebook.post.next_reply_minutes = Some(20.0);
    policy.targets.facebook.dm.next_reply_minutes = Some(5.0);
    let p = policy.validate().unwrap();
    let none = AgentStates::default();
    let t = |min: i64| Exact(T0 + min * M);
    let post = conv(Site::Facebook, Surface::Post, &[(B, t(0)), (C, t(10))]);
    let s = status(&post, &p, &none, T0 + 40 * M);
    assert_eq!(
        (s.state, s.clock, s.remaining_ms),
        (State::Ok, Some(ClockKind::FirstResponse), Some(30 * M)),
        "{s:?}"
    );
    // Answered: the interval it closed is a first response too.
    let post = conv(
        Site::Facebook,
        Surface::Post,
        &[(B, t(0)), (C, t(10)), (B, t(25))],
    );
    let s = status(&post, &p, &none, T0 + 40 * M);
    assert_eq!(
        (s.state, s.clock, s.remaining_ms),
        (
            State::Answered,
            Some(ClockKind::FirstResponse),
            Some(45 * M)
        ),
        "{s:?}"
    );
    let dm = conv(Site::Facebook, Surface::Dm, &[(B, t(0)), (C, t(10))]);
    let s = status(&dm, &p, &none, T0 + 12 * M);
    assert_eq!(
        (s.clock, s.remaining_ms),
        (Some(ClockKind::NextReply), Some(3 * M)),
        "{s:?}"
    );
}
