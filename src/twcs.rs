//! Reading conversations in the format of the "Customer Support on Twitter" dataset (twcs):
//! a CSV of tweets with the columns `tweet_id, author_id, inbound, created_at, text,
//! response_tweet_id, in_response_to_tweet_id`. Used by the CLI and by the corpus tests; it is
//! not part of the extension (feature `cli`).

use crate::core::conversation::{Author, Conversation, Message, Party, SentAt, Site, Surface};
use crate::core::time::{month_from_name, utc_ms, Date};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// One row of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tweet {
    pub id: u64,
    pub author: String,
    pub inbound: bool,
    pub created_ms: i64,
    pub text: String,
    pub in_response_to: Option<u64>,
}

/// A problem with the input, naming the line (1-based, of the record's start) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for Error {}

/// Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks) into
/// records, each with the line it starts on.
pub fn csv_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, Error> {
    let mut records = Vec::new();
    let mut field = String::new();
    let mut record = Vec::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
                any = false;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(Error {
            line: start,
            message: "a quoted field is not closed before the end of the file".into(),
        });
    }
    if any {
        record.push(field);
        records.push((start, record));
    }
    Ok(records)
}

/// Parses `Tue Oct 31 22:10:47 +0000 2017` to milliseconds since the epoch.
pub fn parse_created_at(s: &str) -> Option<i64> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [_, month, day, time, offset, year] = parts.as_slice() else {
        return None;
    };
    let month = month_from_name(month)?;
    let day: u8 = day.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    let mut hms = time.split(':').map(|p| p.parse::<u8>().ok());
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if offset.len() != 5 || h > 23 || m > 59 || sec > 60 || day == 0 || day > 31 {
        return None;
    }
    let sign = match &offset[..1] {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    let oh: i64 = offset[1..3].parse().ok()?;
    let om: i64 = offset[3..5].parse().ok()?;
    let local = utc_ms(Date { year, month, day }, h, m, sec);
    Some(local - sign * (oh * 60 + om) * 60_000)
}

const COLUMNS: [&str; 7] = [
    "tweet_id",
    "author_id",
    "inbound",
    "created_at",
    "text",
    "response_tweet_id",
    "in_response_to_tweet_id",
];

/// Parses a twcs CSV file (with its header row).
pub fn parse(text: &str) -> Result<Vec<Tweet>, Error> {
    let records = csv_records(text)?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err(Error {
            line: 1,
            message: "the file is empty".into(),
        });
    };
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let idx: Vec<usize> = COLUMNS
        .iter()
        .map(|c| {
            col(c).ok_or_else(|| Error {
                line: 1,
                message: format!(
                    "the header has no column {c:?} (expected {})",
                    COLUMNS.join(",")
                ),
            })
        })
        .collect::<Result<_, _>>()?;
    let mut tweets = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        if row.len() == 1 && row[0].trim().is_empty() {
            continue;
        }
        let get = |i: usize| row.get(idx[i]).map(String::as_str).unwrap_or("");
        let bad = |message: String| Error {
            line: *line,
            message,
        };
        let id = get(0)
            .trim()
            .parse()
            .map_err(|_| bad(format!("tweet_id {:?} is not a number", get(0))))?;
        let inbound = match get(2).trim() {
            "True" | "true" | "TRUE" => true,
            "False" | "false" | "FALSE" => false,
            other => return Err(bad(format!("inbound {other:?} is not True or False"))),
        };
        let created_ms = parse_created_at(get(3)).ok_or_else(|| {
            bad(format!(
                "created_at {:?} is not like \"Tue Oct 31 22:10:47 +0000 2017\"",
                get(3)
            ))
        })?;
        let in_response_to = match get(6).trim() {
            "" => None,
            s => Some(
                s.parse()
                    .map_err(|_| bad(format!("in_response_to_tweet_id {s:?} is not a number")))?,
            ),
        };
        tweets.push(Tweet {
            id,
            author: get(1).trim().to_owned(),
            inbound,
            created_ms,
            text: get(4).to_owned(),
            in_response_to,
        });
    }
    Ok(tweets)
}

/// A thread of tweets rebuilt from the reply links, as a conversation on X.
#[derive(Clone, Debug)]
pub struct Thread {
    /// The id of the thread's first tweet.
    pub root: u64,
    pub conversation: Conversation,
}

/// Groups tweets into threads (following `in_response_to_tweet_id` to the first tweet whose
/// parent is absent), each sorted by time, then id. Threads come in order of their root id.
pub fn threads(tweets: &[Tweet]) -> Vec<Thread> {
    let by_id: HashMap<u64, &Tweet> = tweets.iter().map(|t| (t.id, t)).collect();
    let root_of = |start: &Tweet| {
        let mut t = start;
        let mut steps = 0;
        while let Some(parent) = t.in_response_to.and_then(|p| by_id.get(&p).copied()) {
            t = parent;
            steps += 1;
            if steps > tweets.len() {
                break; // a cycle in broken data
            }
        }
        t.id
    };
    let mut groups: BTreeMap<u64, Vec<&Tweet>> = BTreeMap::new();
    for t in tweets {
        groups.entry(root_of(t)).or_default().push(t);
    }
    groups
        .into_iter()
        .map(|(root, mut ts)| {
            ts.sort_by_key(|t| (t.created_ms, t.id));
            let customer = ts.iter().find(|t| t.inbound).map(|t| Author {
                name: t.author.clone(),
                handle: Some(t.author.clone()),
            });
            let messages = ts
                .iter()
                .map(|t| Message {
                    id: t.id.to_string(),
                    author: Author {
                        name: t.author.clone(),
                        handle: Some(t.author.clone()),
                    },
                    party: if t.inbound {
                        Party::Customer
                    } else {
                        Party::Brand
                    },
                    sent: Some(SentAt::exact(t.created_ms)),
                    first_seen_ms: None,
                    text: t.text.clone(),
                })
                .collect::<Vec<_>>();
            Thread {
                root,
                conversation: Conversation {
                    site: Site::X,
                    surface: Surface::Post,
                    thread: Some(root.to_string()),
                    customer,
                    messages: messages.into(),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,\"@115712 I understand, truly.\",2,3
2,115712,True,Tue Oct 31 22:11:45 +0000 2017,\"@sprintcare and \"\"how\"\"
do you propose that\",,1
3,115712,True,Tue Oct 31 22:08:27 +0000 2017,@sprintcare nobody answers,1,
9,42,True,Wed Nov 01 09:00:00 +0100 2017,@AppleSupport help,,
";

    #[test]
    fn parses_quotes_commas_and_line_breaks() {
        let t = parse(SAMPLE).unwrap();
        assert_eq!(t.len(), 4);
        assert_eq!(t[0].text, "@115712 I understand, truly.");
        assert_eq!(t[1].text, "@sprintcare and \"how\"\ndo you propose that");
        assert_eq!(t[1].in_response_to, Some(1));
        assert!(!t[0].inbound && t[1].inbound);
        assert_eq!(t[0].created_ms, 1_509_487_847_000);
        assert_eq!(
            t[3].created_ms,
            parse_created_at("Wed Nov 01 08:00:00 +0000 2017").unwrap()
        );
    }

    #[test]
    fn rebuilds_threads_in_time_order() {
        let th = threads(&parse(SAMPLE).unwrap());
        assert_eq!(th.len(), 2);
        let c = &th[0].conversation;
        assert_eq!(th[0].root, 3);
        let ids: Vec<_> = c.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["3", "1", "2"]);
        assert_eq!(c.messages[1].party, Party::Brand);
        assert_eq!(c.customer.as_ref().unwrap().name, "115712");
    }

    #[test]
    fn bad_input_names_the_line_and_the_problem() {
        let e = parse("tweet_id,author_id\n1,a\n").unwrap_err();
        assert!(e.message.contains("no column \"inbound\""), "{e}");
        let e = parse(&SAMPLE.replace("Wed Nov 01", "Someday")).unwrap_err();
        assert_eq!(e.line, 6);
        assert!(e.message.contains("created_at"), "{e}");
        let e = parse("tweet_id\n\"open").unwrap_err();
        assert!(e.message.contains("not closed"), "{e}");
        assert!(parse("").unwrap_err().message.contains("empty"));
    }
}
