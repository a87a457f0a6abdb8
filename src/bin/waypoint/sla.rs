//! `waypoint sla FILE.csv`: reply times of every thread of a twcs CSV file against the SLA
//! targets (the X public-post targets, since twcs threads are public tweets), with a summary.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;
use waypoint::core::sla::format::duration;
use waypoint::core::sla::{
    intervals, summarize, Basis, BusinessHours, ClockSummary, Interval, Policy, Summary, Target,
    ValidPolicy, Week, Zone,
};
use waypoint::core::time::{civil_from_days, DAY_MS};
use waypoint::twcs;

/// How to use the command (also part of the main usage).
pub const USAGE: &str = "\
USAGE:
    waypoint sla FILE.csv [--json] [--tz ZONE] [--hours SPEC] [--target-minutes N]

    Reply times of every thread of a twcs-format CSV file against the X public-post SLA
    target (default 60 min), per first response and next reply, and a summary.

    --json               one JSON object per thread per line, then a summary object
    --tz ZONE            IANA time zone for the times shown and for --hours (default UTC)
    --hours SPEC         count in business hours, e.g. \"mon-fri 09:00-12:30,13:30-17:30; sat 10:00-14:00\"
    --target-minutes N   the target in minutes (first response and next reply)
";

/// Command-line options.
struct Options {
    file: String,
    json: bool,
    zone: Zone,
    policy: ValidPolicy,
}

/// A usage problem (exit 2) or a problem with the input (exit 1).
enum Failure {
    Usage(String),
    Input(String),
}

fn parse_args(args: &[String]) -> Result<Options, Failure> {
    let usage = |m: String| Failure::Usage(m);
    let mut file = None;
    let mut json = false;
    let mut tz = None;
    let mut hours = None;
    let mut target = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--json" => json = true,
            "--tz" => tz = Some(value("--tz")?),
            "--hours" => hours = Some(value("--hours")?),
            "--target-minutes" => {
                let v = value("--target-minutes")?;
                let n: f64 = v.trim().parse().map_err(|_| {
                    usage(format!(
                        "--target-minutes: {v:?} is not a number of minutes"
                    ))
                })?;
                target = Some(n);
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(usage(format!("unknown option {s:?}")))
            }
            s if file.is_none() => file = Some(s.to_owned()),
            s => return Err(usage(format!("unexpected argument {s:?} (one FILE only)"))),
        }
    }
    let file = file.ok_or_else(|| usage("no FILE.csv given".into()))?;
    let zone_name = tz.unwrap_or_else(|| "UTC".into());
    let zone = Zone::named(&zone_name).map_err(|e| usage(format!("--tz: {e}")))?;
    let mut policy = Policy::default();
    if let Some(spec) = hours {
        let week = Week::parse(&spec).map_err(|e| usage(format!("--hours {spec:?}: {e}")))?;
        policy.business_hours = Some(BusinessHours {
            zone: zone_name,
            week,
            holidays: Vec::new(),
        });
        policy.counted_in = Basis::Business;
    }
    if let Some(n) = target {
        policy.targets.x.post = Target::minutes(n);
    }
    let policy = policy.validate().map_err(|e| {
        usage(if e.field.starts_with("targets") {
            format!("--target-minutes: {}", e.message)
        } else {
            e.to_string()
        })
    })?;
    Ok(Options {
        file,
        json,
        zone,
        policy,
    })
}

/// `YYYY-MM-DD HH:MM` in the zone.
fn local_time(zone: &Zone, ms: i64) -> String {
    let local = zone.rule.to_local(ms);
    let d = civil_from_days(local.div_euclid(DAY_MS));
    let minutes = local.rem_euclid(DAY_MS) / 60_000;
    format!("{d} {:02}:{:02}", minutes / 60, minutes % 60)
}

/// Runs `waypoint sla` with the arguments after `sla`.
pub fn run(args: &[String]) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("waypoint sla: {m}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(m)) => {
            eprintln!("waypoint sla: {m}");
            ExitCode::FAILURE
        }
    }
}

fn run_inner(args: &[String]) -> Result<(), Failure> {
    let o = parse_args(args)?;
    let text = std::fs::read_to_string(&o.file)
        .map_err(|e| Failure::Input(format!("cannot read {}: {e}", o.file)))?;
    let tweets = twcs::parse(&text).map_err(|e| Failure::Input(format!("{}: {e}", o.file)))?;
    let threads = twcs::threads(&tweets);
    let per_thread: Vec<(u64, Vec<Interval>)> = threads
        .iter()
        .map(|t| (t.root, intervals(&t.conversation, &o.policy)))
        .collect();
    let all: Vec<Vec<Interval>> = per_thread.iter().map(|(_, i)| i.clone()).collect();
    let summary = summarize(&all);
    let basis = o.policy.describe_basis();
    let mut out = String::new();
    if o.json {
        for (root, iv) in &per_thread {
            let line = serde_json::json!({ "thread": root.to_string(), "intervals": iv });
            let _ = writeln!(out, "{line}");
        }
        let line = serde_json::json!({ "summary": summary, "basis": basis });
        let _ = writeln!(out, "{line}");
    } else {
        write_table(&mut out, &o, &per_thread);
        write_summary(&mut out, &summary, &basis);
    }
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

fn write_table(out: &mut String, o: &Options, per_thread: &[(u64, Vec<Interval>)]) {
    let header = [
        "thread", "clock", "customer", "reply", "calendar", "business", "target", "met",
    ];
    let mut rows: Vec<[String; 8]> = Vec::new();
    for (root, iv) in per_thread {
        for i in iv {
            let opt = |v: Option<i64>| v.map_or_else(|| "-".to_owned(), duration);
            rows.push([
                root.to_string(),
                i.clock.as_str().to_owned(),
                local_time(&o.zone, i.start_ms),
                i.end_ms
                    .map_or_else(|| "(no reply)".into(), |e| local_time(&o.zone, e)),
                opt(i.calendar_ms),
                opt(i.business_ms),
                duration(i.target_ms),
                match i.met {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => "open".into(),
                },
            ]);
        }
    }
    let mut widths = header.map(str::len);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        let _ = writeln!(out, "{}", padded.join("  ").trim_end());
    };
    line(&header.map(str::to_owned));
    for r in &rows {
        line(r);
    }
    out.push('\n');
}

fn write_summary(out: &mut String, s: &Summary, basis: &str) {
    let _ = writeln!(
        out,
        "Summary: {} threads, {} intervals still unanswered; times {basis}",
        s.conversations, s.unanswered
    );
    let _ = writeln!(
        out,
        "{:<16}{:>7}  {:<12}{:<12}within target",
        "clock", "count", "median", "p90"
    );
    let mut row = |name: &str, c: &ClockSummary| {
        let opt = |v: Option<i64>| v.map_or_else(|| "-".to_owned(), duration);
        let _ = writeln!(
            out,
            "{name:<16}{:>7}  {:<12}{:<12}{} ({:.1}%)",
            c.count,
            opt(c.median_ms),
            opt(c.p90_ms),
            c.within_target,
            c.share_within_target * 100.0
        );
    };
    row("first-response", &s.first_response);
    row("next-reply", &s.next_reply);
}
