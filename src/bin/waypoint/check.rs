//! `waypoint check FILE.csv [--labels LABELS.csv]`: the pre-send checklist run on every brand
//! reply of a twcs CSV file, as JSON lines, then how often each check fires; with labels, each
//! check's precision and recall (all rows, odd rows used for tuning, even rows held out) and the
//! blocking findings on replies labelled good.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;
use waypoint::check_eval::{check_all, evaluate, parse_labels, Checked, Engine};
use waypoint::core::check::{CheckId, Level, ValidSettings};
use waypoint::twcs;

/// How to use the command (also part of the main usage).
pub const USAGE: &str = "\
USAGE:
    waypoint check FILE.csv [--labels LABELS.csv] [--quiet]

    Runs the pre-send checklist on every brand reply (inbound False) of a twcs-format CSV
    file: the conversation is the reply's thread up to the reply, the reply's time is \"now\"
    for the SLA checks (default policy), default settings (signature off).

    Prints one JSON line per reply: {\"tweet_id\", \"findings\": [{\"check\", \"status\",
    \"detail\", \"excerpt\"}]}, then a table of how often each check fires.

    --labels LABELS.csv   score against hand labels (columns tweet_id,expected,good,note;
                          expected = ;-separated check ids): precision and recall per check,
                          the same on the odd data rows (used for tuning) and on the
                          even rows (held out), and the blocking findings on replies
                          labelled good
    --quiet               leave out the JSON lines
";

enum Failure {
    Usage(String),
    Input(String),
}

struct Options {
    file: String,
    labels: Option<String>,
    quiet: bool,
}

fn parse_args(args: &[String]) -> Result<Options, Failure> {
    let mut file = None;
    let mut labels = None;
    let mut quiet = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--labels" => {
                labels = Some(
                    it.next()
                        .cloned()
                        .ok_or_else(|| Failure::Usage("--labels needs a file".into()))?,
                )
            }
            "--quiet" => quiet = true,
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(Failure::Usage(format!("unknown option {s:?}")))
            }
            s if file.is_none() => file = Some(s.to_owned()),
            s => {
                return Err(Failure::Usage(format!(
                    "unexpected argument {s:?} (one FILE only)"
                )))
            }
        }
    }
    Ok(Options {
        file: file.ok_or_else(|| Failure::Usage("no FILE.csv given".into()))?,
        labels,
        quiet,
    })
}

/// Runs `waypoint check` with the arguments after `check`.
pub fn run(args: &[String]) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("waypoint check: {m}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(m)) => {
            eprintln!("waypoint check: {m}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{:.0}%", v * 100.0))
}

fn run_inner(args: &[String]) -> Result<(), Failure> {
    let o = parse_args(args)?;
    let tweets =
        twcs::parse(&read(&o.file)?).map_err(|e| Failure::Input(format!("{}: {e}", o.file)))?;
    let labels = match &o.labels {
        Some(path) => {
            Some(parse_labels(&read(path)?).map_err(|e| Failure::Input(format!("{path}: {e}")))?)
        }
        None => None,
    };
    let settings = ValidSettings::default();
    let checked = check_all(&tweets, &settings, &Engine);
    let mut out = String::new();
    if !o.quiet {
        for c in &checked {
            let findings: Vec<serde_json::Value> = c
                .findings()
                .map(|f| {
                    serde_json::json!({
                        "check": f.id.id(),
                        "status": f.status.as_str(),
                        "detail": f.detail,
                        "excerpt": c.excerpt(f),
                    })
                })
                .collect();
            let line = serde_json::json!({
                "tweet_id": c.tweet_id.to_string(),
                "findings": findings,
            });
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    write_rates(&mut out, &checked, &settings);
    if let Some(labels) = labels {
        let e = evaluate(&checked, &labels);
        let _ = writeln!(
            out,
            "\nAgainst {} labelled replies ({} label ids not found among the brand replies):",
            e.labelled,
            e.missing.len()
        );
        let _ = writeln!(
            out,
            "{:<22}{:<7}{:>6}{:>9}{:>6}{:>11}{:>8}",
            "check", "level", "fired", "expected", "agree", "precision", "recall"
        );
        for s in &e.scores {
            let _ = writeln!(
                out,
                "{:<22}{:<7}{:>6}{:>9}{:>6}{:>11}{:>8}",
                s.id.id(),
                level(settings.level(s.id)),
                s.fired,
                s.expected,
                s.true_positives,
                pct(s.precision()),
                pct(s.recall())
            );
        }
        // The checks are tuned on the odd data rows; the even rows are held out.
        let half = |odd: bool| {
            let part: Vec<_> = labels
                .iter()
                .enumerate()
                .filter(|(i, _)| (i % 2 == 0) == odd)
                .map(|(_, l)| l.clone())
                .collect();
            evaluate(&checked, &part).scores
        };
        let (odd, even) = (half(true), half(false));
        let _ = writeln!(
            out,
            "\nOdd rows (tuning) and even rows (held out), agree/fired/expected:"
        );
        for (o, v) in odd.iter().zip(&even) {
            if o.fired + o.expected + v.fired + v.expected == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{:<22}odd {:>3}/{:<3}/{:<3} P {:>4} R {:>4}   held out {:>3}/{:<3}/{:<3} P {:>4} R {:>4}",
                o.id.id(),
                o.true_positives,
                o.fired,
                o.expected,
                pct(o.precision()),
                pct(o.recall()),
                v.true_positives,
                v.fired,
                v.expected,
                pct(v.precision()),
                pct(v.recall())
            );
        }
        let _ = writeln!(
            out,
            "\nBlocking findings on replies labelled good: {}",
            e.blocked_good.len()
        );
        for (id, f) in &e.blocked_good {
            let _ = writeln!(out, "  {id}  {}  {}", f.id.id(), f.detail);
        }
    }
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

fn level(l: Level) -> &'static str {
    match l {
        Level::Block => "block",
        Level::Warn => "warn",
        Level::Off => "off",
    }
}

fn write_rates(out: &mut String, checked: &[Checked], settings: &ValidSettings) {
    let n = checked.len();
    let _ = writeln!(out, "Firing rates over {n} brand replies:");
    let _ = writeln!(
        out,
        "{:<22}{:<7}{:>7}{:>8}",
        "check", "level", "fired", "rate"
    );
    for id in CheckId::ALL {
        let fired = checked.iter().filter(|c| c.fired(id)).count();
        let rate = if n == 0 {
            0.0
        } else {
            fired as f64 * 100.0 / n as f64
        };
        let _ = writeln!(
            out,
            "{:<22}{:<7}{:>7}{:>7.1}%",
            id.id(),
            level(settings.level(id)),
            fired,
            rate
        );
    }
}
