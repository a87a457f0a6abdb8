//! The SLA engine on real customer-care tweets (`tests/data/twcs/twcs-dev.csv`), checked
//! against a plain, independent computation of the same numbers written here, and the CLI run
//! on the same file.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashMap};
use std::process::Command;
use waypoint::core::sla::{
    intervals, summarize, Basis, BusinessHours, ClockSummary, Policy, Summary, Week,
};
use waypoint::twcs::{self, Tweet};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/twcs/twcs-dev.csv");
const TARGET_MS: i64 = 60 * 60_000;
const DAY: i64 = 86_400_000;

fn tweets() -> Vec<Tweet> {
    let text = std::fs::read_to_string(FILE).expect("the corpus file is in the repository");
    twcs::parse(&text).expect("the corpus parses")
}

/// A customer wait: (first unanswered customer tweet, brand reply), ms since the epoch.
type Gap = (i64, i64);

/// Reply gaps computed directly: group tweets by the first tweet of their reply chain, sort
/// each group by time, and measure from the first customer tweet after a brand tweet (or the
/// start) to the next brand tweet. Returns (first-response gaps, next-reply gaps) as
/// (start, end) pairs.
fn independent_gaps(tweets: &[Tweet]) -> (Vec<Gap>, Vec<Gap>) {
    let parent: HashMap<u64, Option<u64>> =
        tweets.iter().map(|t| (t.id, t.in_response_to)).collect();
    let mut groups: BTreeMap<u64, Vec<&Tweet>> = BTreeMap::new();
    for t in tweets {
        let mut root = t.id;
        for _ in 0..tweets.len() {
            match parent.get(&root) {
                Some(Some(p)) if parent.contains_key(p) => root = *p,
                _ => break,
            }
        }
        groups.entry(root).or_default().push(t);
    }
    let (mut first, mut next) = (Vec::new(), Vec::new());
    for group in groups.values_mut() {
        group.sort_by_key(|t| (t.created_ms, t.id));
        let mut brand_has_spoken = false;
        let mut waiting_since: Option<i64> = None;
        for t in group.iter() {
            if t.inbound {
                if waiting_since.is_none() {
                    waiting_since = Some(t.created_ms);
                }
            } else {
                if let Some(start) = waiting_since.take() {
                    let gap = (start, t.created_ms);
                    if brand_has_spoken {
                        next.push(gap);
                    } else {
                        first.push(gap);
                    }
                }
                brand_has_spoken = true;
            }
        }
    }
    (first, next)
}

/// Business time in UTC, Monday to Friday 09:00–17:00, day by day.
fn office_hours_utc(start: i64, end: i64) -> i64 {
    let mut total = 0;
    let mut day = start.div_euclid(DAY);
    while day * DAY < end {
        // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
        if (day + 3).rem_euclid(7) < 5 {
            let (open, close) = (day * DAY + 9 * 3_600_000, day * DAY + 17 * 3_600_000);
            total += (close.min(end) - open.max(start)).max(0);
        }
        day += 1;
    }
    total
}

/// Count, nearest-rank median and p90, and the number within the target.
fn stats(mut values: Vec<i64>) -> (usize, Option<i64>, Option<i64>, usize) {
    values.sort();
    let n = values.len();
    let rank = |p: f64| {
        let r = (p * n as f64).ceil() as usize;
        values.get(r.max(1) - 1).copied()
    };
    let within = values.iter().filter(|v| **v <= TARGET_MS).count();
    (n, rank(0.5), rank(0.9), within)
}

fn assert_clock(name: &str, engine: &ClockSummary, values: Vec<i64>) {
    let (count, median, p90, within) = stats(values);
    assert_eq!(engine.count, count, "{name}: count");
    assert_eq!(engine.median_ms, median, "{name}: median");
    assert_eq!(engine.p90_ms, p90, "{name}: p90");
    assert_eq!(engine.within_target, within, "{name}: within target");
    let share = within as f64 / count as f64;
    assert!(
        (engine.share_within_target - share).abs() < 1e-12,
        "{name}: share"
    );
}

fn engine_summary(policy: &Policy) -> Summary {
    let policy = policy.validate().expect("the policy is valid");
    let per_thread: Vec<_> = twcs::threads(&tweets())
        .iter()
        .map(|t| intervals(&t.conversation, &policy))
        .collect();
    summarize(&per_thread)
}

#[test]
fn calendar_summary_matches_a_direct_computation() {
    let engine = engine_summary(&Policy::default());
    let (first, next) = independent_gaps(&tweets());
    // The corpus has both kinds of intervals in numbers (guards against an empty walk).
    assert!(
        first.len() > 500 && next.len() > 300,
        "{} {}",
        first.len(),
        next.len()
    );
    assert_clock(
        "first response",
        &engine.first_response,
        first.iter().map(|(a, b)| b - a).collect(),
    );
    assert_clock(
        "next reply",
        &engine.next_reply,
        next.iter().map(|(a, b)| b - a).collect(),
    );
}

#[test]
fn business_hours_summary_matches_a_direct_computation() {
    let policy = Policy {
        counted_in: Basis::Business,
        business_hours: Some(BusinessHours {
            zone: "UTC".into(),
            week: Week::parse("mon-fri 09:00-17:00").expect("valid hours"),
            holidays: Vec::new(),
        }),
        ..Policy::default()
    };
    let engine = engine_summary(&policy);
    let (first, next) = independent_gaps(&tweets());
    let business = |gaps: &[Gap]| {
        gaps.iter()
            .map(|(a, b)| office_hours_utc(*a, *b))
            .collect::<Vec<_>>()
    };
    assert_clock(
        "first response (business)",
        &engine.first_response,
        business(&first),
    );
    assert_clock("next reply (business)", &engine.next_reply, business(&next));
}

#[test]
fn the_cli_prints_the_summary() {
    let engine = engine_summary(&Policy::default());
    let bin = env!("CARGO_BIN_EXE_waypoint");
    let out = Command::new(bin)
        .args(["sla", FILE])
        .output()
        .expect("the CLI runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("thread"), "a table with a header");
    assert!(
        stdout.contains(&format!("Summary: {} threads", engine.conversations)),
        "{stdout}"
    );
    let first_row = stdout
        .lines()
        .find(|l| l.starts_with("first-response "))
        .expect("a first-response summary row");
    assert!(
        first_row.contains(&format!(" {} ", engine.first_response.count)),
        "{first_row}"
    );

    let out = Command::new(bin)
        .args(["sla", FILE, "--json"])
        .output()
        .expect("the CLI runs");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        engine.conversations + 1,
        "one line per thread, then the summary"
    );
    let last: serde_json::Value = serde_json::from_str(lines[lines.len() - 1]).expect("JSON");
    assert_eq!(
        last["summary"]["next_reply"]["count"],
        serde_json::json!(engine.next_reply.count)
    );
    let thread: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert!(thread["intervals"].is_array());
}

#[test]
fn the_cli_names_what_is_wrong() {
    let bin = env!("CARGO_BIN_EXE_waypoint");
    // (arguments, exit code, text the error must contain)
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &["sla", "no-such-file.csv"],
            1,
            "cannot read no-such-file.csv",
        ),
        (
            &["sla", FILE, "--tz", "Mars/Base"],
            2,
            "unknown time zone \"Mars/Base\"",
        ),
        (&["sla", FILE, "--hours", "mon-fri 9-5"], 2, "--hours"),
        (
            &["sla", FILE, "--target-minutes", "soon"],
            2,
            "--target-minutes",
        ),
        (&["sla"], 2, "no FILE.csv given"),
    ];
    for (args, code, text) in cases {
        let out = Command::new(bin).args(args).output().expect("the CLI runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(text), "{args:?}: {stderr}");
    }
    let bad = std::env::temp_dir().join(format!("waypoint-sla-bad-{}.csv", std::process::id()));
    std::fs::write(
        &bad,
        "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n\
         1,a,True,not a date,hi,,\n",
    )
    .expect("a temporary file");
    let out = Command::new(bin)
        .arg("sla")
        .arg(&bad)
        .output()
        .expect("the CLI runs");
    let _ = std::fs::remove_file(&bad);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("line 2: created_at"), "{stderr}");
}
