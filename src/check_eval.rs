//! The checklist run over twcs brand replies, and scored against hand labels: shared by
//! `waypoint check` and the `check_eval` test (feature `cli`, not shipped).
//!
//! For every brand reply, the conversation is its thread up to (not including) the reply, the
//! reply's time is "now" for the SLA and window checks (default SLA policy, measured on the
//! messages between the brand and the customer the reply answers), the customer's analysis
//! comes from that customer's messages in the thread, and "recent replies" are the same brand
//! account's previous 50 replies in the file, in other threads.

use crate::core::analysis::{self, Analysis, LangGuess};
use crate::core::check::{run, CheckId, Context, Outcome, Report, Status, ValidSettings};
use crate::core::conversation::{Conversation, Party};
use crate::core::sla::{status, AgentStates, Policy, ValidPolicy};
use crate::twcs::{self, Tweet};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many of the brand's earlier replies `repeated-reply` compares with.
pub const RECENT: usize = 50;

/// One brand reply, checked.
#[derive(Clone, Debug)]
pub struct Checked {
    pub tweet_id: u64,
    pub draft: String,
    pub report: Report,
}

impl Checked {
    /// The outcomes that fired (fail or warn).
    pub fn findings(&self) -> impl Iterator<Item = &Outcome> {
        self.report
            .outcomes
            .iter()
            .filter(|o| matches!(o.status, Status::Fail | Status::Warn))
    }

    /// Whether `id` fired.
    pub fn fired(&self, id: CheckId) -> bool {
        self.findings().any(|o| o.id == id)
    }

    /// The draft text of an outcome's first span (empty when it has none).
    pub fn excerpt(&self, o: &Outcome) -> String {
        o.spans
            .first()
            .map(|&(s, e)| self.draft[s..e].to_owned())
            .unwrap_or_default()
    }
}

/// The analysis of the customer's messages and the draft's language, as the extension
/// computes them.
pub trait Analyzer {
    fn analyze(&self, customer: &[&str]) -> Analysis;
    fn language(&self, draft: &str) -> Option<LangGuess>;
}

/// The extension's own analysis: [`analysis::analyze`] and [`analysis::detect_language`].
pub struct Engine;

impl Analyzer for Engine {
    fn analyze(&self, customer: &[&str]) -> Analysis {
        analysis::analyze(customer)
    }

    fn language(&self, draft: &str) -> Option<LangGuess> {
        // Leading @handles say nothing about the language.
        let body = draft
            .split_whitespace()
            .skip_while(|w| w.starts_with('@'))
            .collect::<Vec<_>>()
            .join(" ");
        analysis::detect_language(&body)
    }
}

/// Runs the checklist on every brand reply of `tweets`, in file order.
pub fn check_all(
    tweets: &[Tweet],
    settings: &ValidSettings,
    analyzer: &dyn Analyzer,
) -> Vec<Checked> {
    let policy: ValidPolicy = Policy::default()
        .validate()
        .expect("the default SLA policy is valid");
    let threads = twcs::threads(tweets);
    // Each brand reply's place: (thread index, message index).
    let mut place: HashMap<u64, (usize, usize)> = HashMap::new();
    for (ti, t) in threads.iter().enumerate() {
        for (mi, m) in t.conversation.messages.iter().enumerate() {
            if let Ok(id) = m.id.parse() {
                place.insert(id, (ti, mi));
            }
        }
    }
    let by_id: HashMap<u64, &Tweet> = tweets.iter().map(|t| (t.id, t)).collect();
    // Each brand's replies in time order, for "recent replies".
    let mut by_brand: BTreeMap<&str, Vec<&Tweet>> = BTreeMap::new();
    for t in tweets.iter().filter(|t| !t.inbound) {
        by_brand.entry(t.author.as_str()).or_default().push(t);
    }
    for v in by_brand.values_mut() {
        v.sort_by_key(|t| (t.created_ms, t.id));
    }
    let mut out = Vec::new();
    for reply in tweets.iter().filter(|t| !t.inbound) {
        let Some(&(ti, mi)) = place.get(&reply.id) else {
            continue;
        };
        let thread = &threads[ti];
        let conversation = Conversation {
            messages: thread.conversation.messages[..mi].to_vec().into(),
            ..thread.conversation.clone()
        };
        let mut conversation = conversation;
        // The customer is whoever the reply answers, when that is a customer.
        if let Some(parent) = reply.in_response_to {
            if let Some(m) = conversation
                .messages
                .iter()
                .find(|m| m.id == parent.to_string() && m.party == Party::Customer)
            {
                conversation.customer = Some(m.author.clone());
            }
        }
        // The customer's messages in this thread (the analysis weighs the latest most), and
        // the SLA over the conversation between them and the brand: other people's posts in
        // the thread (a promotion the customer replied to, a friend's remark) start no clock.
        let customer = conversation.customer.clone();
        let theirs = |m: &&crate::core::conversation::Message| {
            m.party == Party::Customer && Some(&m.author) == customer.as_ref()
        };
        let customer_texts: Vec<&str> = conversation
            .messages
            .iter()
            .filter(theirs)
            .map(|m| m.text.as_str())
            .collect();
        let analysis = analyzer.analyze(&customer_texts);
        let draft_lang = analyzer.language(&reply.text);
        // Our replies to this customer, and our post they answered (a brand's promotion
        // collects replies from many customers in one thread).
        let their_ids: BTreeSet<u64> = conversation
            .messages
            .iter()
            .filter(theirs)
            .filter_map(|m| m.id.parse().ok())
            .collect();
        let ours_to_them = |m: &&crate::core::conversation::Message| {
            m.party == Party::Brand
                && m.author.name == reply.author
                && m.id
                    .parse()
                    .ok()
                    .and_then(|id: u64| by_id.get(&id))
                    .is_some_and(|t| t.in_response_to.is_none_or(|p| their_ids.contains(&p)))
        };
        let between = Conversation {
            messages: conversation
                .messages
                .iter()
                .filter(|m| theirs(m) || ours_to_them(m))
                .cloned()
                .collect::<Vec<_>>()
                .into(),
            ..conversation.clone()
        };
        let sla = status(&between, &policy, &AgentStates::default(), reply.created_ms);
        let in_thread: BTreeSet<String> =
            conversation.messages.iter().map(|m| m.id.clone()).collect();
        let recent: Vec<String> = by_brand
            .get(reply.author.as_str())
            .map(|v| {
                v.iter()
                    .rev()
                    .filter(|t| {
                        (t.created_ms, t.id) < (reply.created_ms, reply.id)
                            && !in_thread.contains(&t.id.to_string())
                    })
                    .take(RECENT)
                    .map(|t| t.text.clone())
                    .collect()
            })
            .unwrap_or_default();
        let ctx = Context {
            draft: &reply.text,
            conversation: &conversation,
            customer: &analysis,
            draft_lang,
            sla: Some(&sla),
            recent_replies: &recent,
        };
        let report = run(&ctx, settings);
        out.push(Checked {
            tweet_id: reply.id,
            draft: reply.text.clone(),
            report,
        });
    }
    out
}

/// A hand label of one brand reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub tweet_id: u64,
    /// Checks that should fire.
    pub expected: BTreeSet<CheckId>,
    /// Whether the reply is a good one (nothing should block it).
    pub good: bool,
    pub note: String,
}

/// Parses `tweet_id,expected,good,note` (expected: `;`-separated check ids; good: yes/no).
pub fn parse_labels(text: &str) -> Result<Vec<Label>, String> {
    let records = twcs::csv_records(text).map_err(|e| e.to_string())?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err("the labels file is empty".into());
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| format!("the labels header has no column {name:?}"))
    };
    let (id_c, exp_c, good_c) = (col("tweet_id")?, col("expected")?, col("good")?);
    let note_c = col("note").ok();
    let mut out = Vec::new();
    for (line, row) in rows {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| row.get(i).map_or("", |s| s.trim());
        let tweet_id = get(id_c)
            .parse()
            .map_err(|_| format!("line {line}: tweet_id {:?} is not a number", get(id_c)))?;
        let mut expected = BTreeSet::new();
        for id in get(exp_c)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let c = CheckId::from_id(id)
                .ok_or_else(|| format!("line {line}: unknown check id {id:?}"))?;
            expected.insert(c);
        }
        let good = match get(good_c).to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => true,
            "no" | "n" | "false" | "0" => false,
            other => return Err(format!("line {line}: good {other:?} is not yes or no")),
        };
        out.push(Label {
            tweet_id,
            expected,
            good,
            note: note_c.map_or("", get).to_owned(),
        });
    }
    Ok(out)
}

/// One check's agreement with the labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub id: CheckId,
    /// Labelled replies it fired on.
    pub fired: usize,
    pub true_positives: usize,
    /// Labelled replies it should have fired on.
    pub expected: usize,
}

impl Score {
    pub fn precision(&self) -> Option<f64> {
        (self.fired > 0).then(|| self.true_positives as f64 / self.fired as f64)
    }
    pub fn recall(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.true_positives as f64 / self.expected as f64)
    }
}

/// The evaluation against labels.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// Labelled replies found among the checked ones.
    pub labelled: usize,
    /// Label tweet ids that are not brand replies of the file.
    pub missing: Vec<u64>,
    pub scores: Vec<Score>,
    /// Blocking findings on replies labelled good: (tweet id, outcome).
    pub blocked_good: Vec<(u64, Outcome)>,
    /// Disagreements, per check: (tweet id, fired?) where the check and the label differ.
    pub disagreements: Vec<(CheckId, u64, bool)>,
}

pub fn evaluate(checked: &[Checked], labels: &[Label]) -> Evaluation {
    let by_id: HashMap<u64, &Checked> = checked.iter().map(|c| (c.tweet_id, c)).collect();
    let mut scores: Vec<Score> = CheckId::ALL
        .iter()
        .map(|&id| Score {
            id,
            fired: 0,
            true_positives: 0,
            expected: 0,
        })
        .collect();
    let mut e = Evaluation {
        labelled: 0,
        missing: Vec::new(),
        scores: Vec::new(),
        blocked_good: Vec::new(),
        disagreements: Vec::new(),
    };
    for l in labels {
        let Some(c) = by_id.get(&l.tweet_id) else {
            e.missing.push(l.tweet_id);
            continue;
        };
        e.labelled += 1;
        for s in scores.iter_mut() {
            let fired = c.fired(s.id);
            let want = l.expected.contains(&s.id);
            s.fired += usize::from(fired);
            s.expected += usize::from(want);
            s.true_positives += usize::from(fired && want);
            if fired != want {
                e.disagreements.push((s.id, l.tweet_id, fired));
            }
        }
        if l.good {
            for o in c.report.blocking() {
                e.blocked_good.push((l.tweet_id, o.clone()));
            }
        }
    }
    e.scores = scores;
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::{run, Context, ValidSettings};
    use crate::core::conversation::{Site, Surface};

    fn checked(id: u64, draft: &str) -> Checked {
        let conversation = Conversation {
            site: Site::X,
            surface: Surface::Post,
            thread: None,
            customer: None,
            messages: Default::default(),
        };
        let analysis = Analysis::default();
        let ctx = Context {
            draft,
            conversation: &conversation,
            customer: &analysis,
            draft_lang: None,
            sla: None,
            recent_replies: &[],
        };
        Checked {
            tweet_id: id,
            draft: draft.into(),
            report: run(&ctx, &ValidSettings::default()),
        }
    }

    #[test]
    fn scores_count_agreement_and_blocked_good_replies() {
        let labels = parse_labels(
            "tweet_id,expected,good,note\n1,placeholder,no,\n2,,yes,\"ok, fine\"\n3,placeholder;shouting,no,\n9,,yes,\n",
        )
        .unwrap();
        assert_eq!(labels[2].expected.len(), 2);
        assert_eq!(labels[1].note, "ok, fine");
        let c = [
            checked(1, "Hi {name}"),
            checked(2, "Hi [NAME]"),
            checked(3, "Thanks"),
        ];
        let e = evaluate(&c, &labels);
        assert_eq!(e.labelled, 3);
        assert_eq!(e.missing, [9]);
        let p = e
            .scores
            .iter()
            .find(|s| s.id == CheckId::Placeholder)
            .unwrap();
        assert_eq!((p.fired, p.true_positives, p.expected), (2, 1, 2));
        assert_eq!(p.precision(), Some(0.5));
        assert_eq!(p.recall(), Some(0.5));
        assert_eq!(e.blocked_good.len(), 1);
        assert_eq!(e.blocked_good[0].0, 2);
        assert!(parse_labels("tweet_id,expected,good\n1,nope,yes\n")
            .unwrap_err()
            .contains("unknown check id \"nope\""));
        assert!(parse_labels("tweet_id,expected,good\n1,,maybe\n")
            .unwrap_err()
            .contains("not yes or no"));
    }
}
