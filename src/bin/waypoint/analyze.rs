//! `waypoint analyze FILE.csv`: what each customer tweet of a twcs CSV file is about (scenario,
//! emotions, sentiment, urgency, questions, language) and the templates Waypoint would suggest,
//! with the customer's earlier tweets in the thread as context (and the brand's question they
//! answer, as the page reads it); optionally scored against a labelled set.

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;
use waypoint::core::analysis::{analyze_conversation, rank, Analysis, Emotion, LangGuess, Signal};
use waypoint::core::conversation::{Conversation, Lang, Party, Surface};
use waypoint::core::scenario::Scenario;
use waypoint::twcs;

/// How to use the command (also part of the main usage).
pub const USAGE: &str = "\
USAGE:
    waypoint analyze FILE.csv [--labels LABELS.csv [--held-out HELD.csv] [--second SECOND.csv]]
                     [--table]

    For every customer tweet of a twcs-format CSV file, with the customer's earlier tweets in
    the same thread as context (and the brand's replies before it, read as the page reads
    our replies): the scenarios (top 3, with score and the words that triggered
    them), emotions, sentiment (-1..1), urgency, questions, language, the top 3 suggested
    templates and the scenario each was suggested for, one JSON object per line; then a
    summary of counts per scenario, emotion and language.

    --labels LABELS.csv  score against labels (columns tweet_id,scenario,emotion,lang,note;
                         scenario a scenario id, emotion an emotion id or none): how often
                         the first suggested template, or one of the three, answers the
                         labelled scenario, main-emotion accuracy and a confusion table
                         (the rules are tuned on these labels)
    --held-out HELD.csv  labels of other tweets (same columns), never used for tuning: the
                         same scores on them, reported apart; a tweet in both files is an
                         error
    --second SECOND.csv  a second reader's labels of some of the same tweets (same columns,
                         and an optional column also: a second scenario that fits as well):
                         how often the two readers agree, and the scores against each reader
                         and on the tweets both give the same scenario
    --table              one readable line per tweet instead of JSON
";

struct Options {
    file: String,
    labels: Option<String>,
    held_out: Option<String>,
    second: Option<String>,
    table: bool,
}

/// A usage problem (exit 2) or a problem with the input (exit 1).
enum Failure {
    Usage(String),
    Input(String),
}

fn parse_args(args: &[String]) -> Result<Options, Failure> {
    let usage = |m: String| Failure::Usage(m);
    let mut file = None;
    let (mut labels, mut held_out, mut second) = (None, None, None);
    let mut table = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--table" => table = true,
            "--labels" | "--held-out" | "--second" => {
                let value = it
                    .next()
                    .cloned()
                    .ok_or_else(|| usage(format!("{arg} needs a value")))?;
                *match arg.as_str() {
                    "--labels" => &mut labels,
                    "--held-out" => &mut held_out,
                    _ => &mut second,
                } = Some(value);
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(usage(format!("unknown option {s:?}")))
            }
            s if file.is_none() => file = Some(s.to_owned()),
            s => return Err(usage(format!("unexpected argument {s:?} (one FILE only)"))),
        }
    }
    let file = file.ok_or_else(|| usage("no FILE.csv given".into()))?;
    if labels.is_none() {
        if second.is_some() {
            return Err(usage("--second needs --labels".into()));
        }
        if held_out.is_some() {
            return Err(usage("--held-out needs --labels".into()));
        }
    }
    Ok(Options {
        file,
        labels,
        held_out,
        second,
        table,
    })
}

/// Runs `waypoint analyze` with the arguments after `analyze`.
pub fn run(args: &[String]) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("waypoint analyze: {m}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(m)) => {
            eprintln!("waypoint analyze: {m}");
            ExitCode::FAILURE
        }
    }
}

/// How many of the customer's latest messages, and of our replies, are read (as in the page).
const READ_MESSAGES: usize = 5;

/// One analysed customer tweet.
struct Row {
    id: u64,
    text: String,
    analysis: Analysis,
    templates: Vec<&'static str>,
    /// The scenario each suggested template was chosen for, in the panel's order.
    shown: Vec<Scenario>,
}

/// Every customer tweet analysed as the panel would when it is the latest message of the
/// thread: the same customer's earlier tweets in the thread as context, and the brand's
/// replies in the exchange before it as weaker evidence; in the file's thread order.
fn analyse_all(tweets: &[twcs::Tweet]) -> Vec<Row> {
    let mut rows = Vec::new();
    for thread in twcs::threads(tweets) {
        let msgs = &thread.conversation.messages;
        for (k, m) in msgs.iter().enumerate() {
            if m.party != Party::Customer {
                continue;
            }
            let c = &thread.conversation;
            let seen = Conversation {
                site: c.site,
                surface: c.surface,
                thread: None,
                customer: Some(m.author.clone()),
                messages: msgs[..=k].to_vec().into(),
            };
            let analysis = analyze_conversation(&seen, READ_MESSAGES);
            let lang = match analysis.lang {
                Some(g) if g.code == "es" => Lang::Es,
                _ => Lang::En,
            };
            let ranked = rank(&analysis, Surface::Post, lang, &[], 3);
            let templates = ranked.iter().map(|r| r.suggestion.template.id).collect();
            let shown = ranked.iter().map(|r| r.suggestion.scenario).collect();
            rows.push(Row {
                id: m.id.parse().unwrap_or(0),
                text: m.text.clone(),
                analysis,
                templates,
                shown,
            });
        }
    }
    rows
}

fn round(v: f32) -> f64 {
    (f64::from(v) * 1000.0).round() / 1000.0
}

/// A finding in the JSON output.
#[derive(Serialize)]
struct Found<'a> {
    id: &'static str,
    score: f64,
    triggers: &'a [String],
}

impl<'a> Found<'a> {
    fn new(id: &'static str, s: &'a Signal) -> Found<'a> {
        Found {
            id,
            score: round(s.score),
            triggers: &s.triggers,
        }
    }
}

/// One JSON line, fields in this order.
#[derive(Serialize)]
struct Line<'a> {
    tweet_id: String,
    scenario: Option<&'static str>,
    scenarios: Vec<Found<'a>>,
    emotions: Vec<Found<'a>>,
    sentiment: f64,
    urgency: Option<Found<'a>>,
    question: Option<&'a [String]>,
    lang: Option<LangGuess>,
    templates: &'a [&'static str],
    suggested: Vec<&'static str>,
}

fn json_line(r: &Row) -> String {
    let a = &r.analysis;
    let line = Line {
        tweet_id: r.id.to_string(),
        scenario: a.scenarios.first().map(|(s, _)| s.id()),
        scenarios: a
            .scenarios
            .iter()
            .take(3)
            .map(|(s, sig)| Found::new(s.id(), sig))
            .collect(),
        emotions: a
            .emotions
            .iter()
            .map(|(e, sig)| Found::new(e.id(), sig))
            .collect(),
        sentiment: round(a.sentiment),
        urgency: a.urgency.as_ref().map(|u| Found::new("urgency", u)),
        question: a.question.as_ref().map(|q| q.triggers.as_slice()),
        lang: a.lang,
        templates: &r.templates,
        suggested: r.shown.iter().map(|s| s.id()).collect(),
    };
    serde_json::to_string(&line).expect("the line serializes")
}

fn table_line(out: &mut String, r: &Row) {
    let a = &r.analysis;
    let scenario = a.scenarios.first().map_or("-", |(s, _)| s.id());
    let emotion = a.emotions.first().map_or("-", |(e, _)| e.id());
    let lang = a.lang.map_or("-".to_owned(), |g| {
        format!("{}{}", g.code, if g.confident { "" } else { "?" })
    });
    let text: String = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text: String = text.chars().take(70).collect();
    let _ = writeln!(
        out,
        "{:<20} {:<11} {:<15} {:>6.2} {:<4} {:<3} {}",
        r.id,
        scenario,
        emotion,
        a.sentiment,
        lang,
        if a.question.is_some() { "?" } else { "" },
        text
    );
}

fn write_summary(out: &mut String, rows: &[Row]) {
    let mut scenarios: BTreeMap<&str, usize> = BTreeMap::new();
    let mut emotions: BTreeMap<&str, usize> = BTreeMap::new();
    let mut langs: BTreeMap<String, usize> = BTreeMap::new();
    for r in rows {
        let a = &r.analysis;
        *scenarios
            .entry(a.scenarios.first().map_or("none", |(s, _)| s.id()))
            .or_default() += 1;
        *emotions
            .entry(a.emotions.first().map_or("none", |(e, _)| e.id()))
            .or_default() += 1;
        let lang = a.lang.map_or("none".to_owned(), |g| {
            format!("{}{}", g.code, if g.confident { "" } else { " (unsure)" })
        });
        *langs.entry(lang).or_default() += 1;
    }
    let _ = writeln!(out, "Summary: {} customer tweets", rows.len());
    let mut block = |name: &str, counts: Vec<(String, usize)>| {
        let mut counts = counts;
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let cells: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = writeln!(out, "  {name:<10} {}", cells.join(", "));
    };
    block(
        "scenario",
        scenarios
            .into_iter()
            .map(|(k, n)| (k.to_owned(), n))
            .collect(),
    );
    block(
        "emotion",
        emotions
            .into_iter()
            .map(|(k, n)| (k.to_owned(), n))
            .collect(),
    );
    block("language", langs.into_iter().collect());
}

/// One label row.
struct Label {
    /// The line of the labels file it starts on.
    line: usize,
    tweet: u64,
    scenario: Scenario,
    /// A second scenario that fits as well (a second reader's optional `also` column).
    also: Option<Scenario>,
    emotion: Option<Emotion>,
    lang: String,
}

fn parse_labels(path: &str, text: &str) -> Result<Vec<Label>, Failure> {
    let bad = |line: usize, m: String| Failure::Input(format!("{path}: line {line}: {m}"));
    let records = twcs::csv_records(text).map_err(|e| Failure::Input(format!("{path}: {e}")))?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err(bad(1, "the file is empty".into()));
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| {
                bad(
                    1,
                    format!(
                        "the header has no column {name:?} (expected tweet_id,scenario,emotion,lang,note)"
                    ),
                )
            })
    };
    let (ci, cs, ce) = (col("tweet_id")?, col("scenario")?, col("emotion")?);
    let cl = header.iter().position(|h| h.trim() == "lang");
    let ca = header.iter().position(|h| h.trim() == "also");
    let mut out = Vec::new();
    for (line, row) in rows {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| row.get(i).map_or("", |s| s.trim());
        let tweet = get(ci)
            .parse()
            .map_err(|_| bad(*line, format!("tweet_id {:?} is not a number", get(ci))))?;
        let scenario = Scenario::from_id(get(cs)).ok_or_else(|| {
            bad(
                *line,
                format!(
                    "scenario {:?} is not one of {}",
                    get(cs),
                    Scenario::ALL.map(Scenario::id).join(", ")
                ),
            )
        })?;
        let also = match ca.map_or("", get) {
            "" => None,
            id => Some(
                Scenario::from_id(id)
                    .ok_or_else(|| bad(*line, format!("also {id:?} is not a scenario id")))?,
            ),
        };
        let emotion = match get(ce) {
            "none" | "" => None,
            e => Some(Emotion::from_id(e).ok_or_else(|| {
                bad(
                    *line,
                    format!(
                        "emotion {e:?} is not none or one of {}",
                        Emotion::ALL.map(Emotion::id).join(", ")
                    ),
                )
            })?),
        };
        out.push(Label {
            line: *line,
            tweet,
            scenario,
            also,
            emotion,
            lang: cl.map_or("", get).to_owned(),
        });
    }
    if out.is_empty() {
        return Err(bad(2, "no labelled rows".into()));
    }
    Ok(out)
}

/// Accuracy counts for one slice of the labels.
#[derive(Default)]
struct Score {
    n: usize,
    top1: usize,
    top3: usize,
    emotion: usize,
    lang_n: usize,
    lang: usize,
}

impl Score {
    /// `shown`: the scenarios of the suggested templates, in the panel's order.
    fn add(&mut self, l: &Label, a: &Analysis, shown: &[Scenario]) {
        self.n += 1;
        let pos = shown.iter().position(|s| *s == l.scenario);
        self.top1 += usize::from(pos == Some(0));
        self.top3 += usize::from(pos.is_some_and(|p| p < 3));
        self.emotion += usize::from(a.emotions.first().map(|(e, _)| *e) == l.emotion);
        if !l.lang.is_empty() {
            self.lang_n += 1;
            self.lang += usize::from(a.lang.map(|g| g.code) == Some(l.lang.as_str()));
        }
    }

    fn line(&self, name: &str) -> String {
        let pct = |k: usize, n: usize| {
            if n == 0 {
                0.0
            } else {
                k as f64 * 100.0 / n as f64
            }
        };
        format!(
            "{name:<24} n={:<4} scenario top-1 {:5.1}%  top-3 {:5.1}%  emotion {:5.1}%  language {:5.1}%",
            self.n,
            pct(self.top1, self.n),
            pct(self.top3, self.n),
            pct(self.emotion, self.n),
            pct(self.lang, self.lang_n),
        )
    }
}

/// Short column names for the confusion table.
fn short(s: Option<Scenario>) -> &'static str {
    match s {
        None => "none",
        Some(s) => match s {
            Scenario::Waiting => "wait",
            Scenario::Outage => "outg",
            Scenario::Billing => "bill",
            Scenario::Refund => "rfnd",
            Scenario::OrderLate => "ordr",
            Scenario::Faulty => "flty",
            Scenario::Account => "acct",
            Scenario::Complaint => "cmpl",
            Scenario::Praise => "prai",
            Scenario::HowTo => "how",
            Scenario::Feedback => "fdbk",
            Scenario::Safety => "sfty",
            Scenario::MoveToDm => "dm",
            Scenario::FollowUp => "fllw",
        },
    }
}

/// The scores on `labels` and their confusion of scenarios (labelled, first suggested).
type Scored = (Score, BTreeMap<(Scenario, Option<Scenario>), usize>);

fn score_labels(path: &str, labels: &[Label], rows: &[Row]) -> Result<Scored, Failure> {
    let by_id: HashMap<u64, &Row> = rows.iter().map(|r| (r.id, r)).collect();
    let mut all = Score::default();
    let mut confusion: BTreeMap<(Scenario, Option<Scenario>), usize> = BTreeMap::new();
    for l in labels {
        let r = by_id.get(&l.tweet).ok_or_else(|| {
            Failure::Input(format!(
                "{path}: line {}: tweet {} is not a customer tweet of the data file",
                l.line, l.tweet
            ))
        })?;
        all.add(l, &r.analysis, &r.shown);
        *confusion
            .entry((l.scenario, r.shown.first().copied()))
            .or_default() += 1;
    }
    Ok((all, confusion))
}

fn write_evaluation(
    out: &mut String,
    (path, labels): (&str, &[Label]),
    held_out: Option<(&str, &[Label])>,
    rows: &[Row],
) -> Result<(), Failure> {
    let (all, confusion) = score_labels(path, labels, rows)?;
    let held = match held_out {
        Some((held_path, held)) => {
            let tuned: HashMap<u64, &Label> = labels.iter().map(|l| (l.tweet, l)).collect();
            if let Some(l) = held.iter().find(|l| tuned.contains_key(&l.tweet)) {
                return Err(Failure::Input(format!(
                    "{held_path}: line {}: tweet {} is also labelled in {path}: a held-out tweet \
                     must not be one the rules are tuned on",
                    l.line, l.tweet
                )));
            }
            Some((held_path, score_labels(held_path, held, rows)?))
        }
        None => None,
    };
    let _ = writeln!(out, "\nEvaluation against {path}");
    let _ = writeln!(out, "{}", all.line("tuning labels"));
    if let Some((held_path, (score, _))) = &held {
        let _ = writeln!(out, "{}", score.line("held out"));
        let _ = writeln!(out, "(held out: {held_path}, never used for tuning)");
    }
    write_confusion(out, "tuning labels", &confusion);
    if let Some((_, (_, confusion))) = &held {
        write_confusion(out, "held out", confusion);
    }
    Ok(())
}

fn write_confusion(
    out: &mut String,
    name: &str,
    confusion: &BTreeMap<(Scenario, Option<Scenario>), usize>,
) {
    let _ = writeln!(
        out,
        "\nConfusion, {name} (rows: labelled scenario; columns: the first suggestion's scenario)"
    );
    let columns: Vec<Option<Scenario>> =
        Scenario::ALL.into_iter().map(Some).chain([None]).collect();
    let mut head = format!("{:<11}", "");
    for c in &columns {
        let _ = write!(head, "{:>5}", short(*c));
    }
    let _ = writeln!(out, "{head}  total");
    for s in Scenario::ALL {
        let total: usize = columns
            .iter()
            .map(|c| confusion.get(&(s, *c)).copied().unwrap_or(0))
            .sum();
        if total == 0 {
            continue;
        }
        let mut line = format!("{:<11}", s.id());
        for c in &columns {
            match confusion.get(&(s, *c)).copied().unwrap_or(0) {
                0 => line.push_str("    ."),
                n => {
                    let _ = write!(line, "{n:>5}");
                }
            }
        }
        let _ = writeln!(out, "{line}  {total:>5}");
    }
}

/// How a second reader's labels compare with the first reader's, and Waypoint's scores on the
/// tweets both labelled: against each reader, and on the tweets they give the same scenario.
fn write_agreement(
    out: &mut String,
    path: &str,
    first: &[Label],
    second: &[Label],
    rows: &[Row],
) -> Result<(), Failure> {
    let firsts: HashMap<u64, &Label> = first.iter().map(|l| (l.tweet, l)).collect();
    let by_id: HashMap<u64, &Row> = rows.iter().map(|r| (r.id, r)).collect();
    let (mut n, mut same, mut either, mut emotion) = (0, 0, 0, 0);
    let (mut by_first, mut by_second, mut agreed) =
        (Score::default(), Score::default(), Score::default());
    for l in second {
        let f = firsts.get(&l.tweet).ok_or_else(|| {
            Failure::Input(format!(
                "{path}: line {}: tweet {} has no label in the first file",
                l.line, l.tweet
            ))
        })?;
        let r = by_id[&l.tweet];
        n += 1;
        same += usize::from(f.scenario == l.scenario);
        either += usize::from(
            f.scenario == l.scenario || f.also == Some(l.scenario) || l.also == Some(f.scenario),
        );
        emotion += usize::from(f.emotion == l.emotion);
        by_first.add(f, &r.analysis, &r.shown);
        by_second.add(l, &r.analysis, &r.shown);
        if f.scenario == l.scenario {
            agreed.add(l, &r.analysis, &r.shown);
        }
    }
    let pct = |k: usize| k as f64 * 100.0 / n.max(1) as f64;
    let _ = writeln!(out, "\nAgreement with a second reader ({path}, n={n})");
    let _ = writeln!(
        out,
        "the two readers            scenario {:5.1}%  (either reader's second scenario counted {:5.1}%)  emotion {:5.1}%",
        pct(same),
        pct(either),
        pct(emotion)
    );
    let _ = writeln!(out, "{}", by_first.line("by the first reader"));
    let _ = writeln!(out, "{}", by_second.line("by the second reader"));
    let _ = writeln!(out, "{}", agreed.line("where both agree"));
    Ok(())
}

fn run_inner(args: &[String]) -> Result<(), Failure> {
    let o = parse_args(args)?;
    let text = std::fs::read_to_string(&o.file)
        .map_err(|e| Failure::Input(format!("cannot read {}: {e}", o.file)))?;
    let tweets = twcs::parse(&text).map_err(|e| Failure::Input(format!("{}: {e}", o.file)))?;
    let read_labels = |path: &Option<String>| match path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))?;
            parse_labels(path, &text).map(|l| Some((path.clone(), l)))
        }
        None => Ok(None),
    };
    let labels = read_labels(&o.labels)?;
    let held_out = read_labels(&o.held_out)?;
    let second = read_labels(&o.second)?;
    let rows = analyse_all(&tweets);
    let mut out = String::new();
    for r in &rows {
        if o.table {
            table_line(&mut out, r);
        } else {
            let _ = writeln!(out, "{}", json_line(r));
        }
    }
    out.push('\n');
    write_summary(&mut out, &rows);
    if let Some((path, labels)) = &labels {
        let held = held_out.as_ref().map(|(p, l)| (p.as_str(), l.as_slice()));
        write_evaluation(&mut out, (path, labels), held, &rows)?;
        if let Some((second_path, second)) = &second {
            write_agreement(&mut out, second_path, labels, second, &rows)?;
        }
    }
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}
