//! Deterministic fuzzing of every core entry point that reads text from a web page (message
//! text, names, handles, labels, times, links) or the agent's draft. A panic in the wasm build
//! aborts the whole module (`panic = "abort"`), so none of these may panic on any input.
//!
//! Inputs are built by a fixed-seed xorshift generator from a pool of pieces chosen to break
//! byte-index arithmetic: multi-byte characters, characters whose lower case has another byte
//! length ('İ', 'ẞ', 'Ⱥ'), invisible and bidi controls, combining marks, emoji sequences, and
//! the punctuation the parsers look for, and realistic labels, links and drafts mutated.
//! Every failing entry point is reported with a shrunk input. A debug build also catches
//! arithmetic overflow (which the release module wraps instead). For a longer hunt:
//! `FUZZ_SCALE=50 FUZZ_TIMES=1 cargo test --release --lib fuzz_tests -- --nocapture`.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::Once;

use crate::core::analysis::{self, cues, sentiment, text as atext, Analysis};
use crate::core::check::{self, Context as CheckContext, Settings, SignaturePolicy};
use crate::core::conversation::{
    Author, Conversation, Lang, Message, Party, SentAt, Site, Surface,
};
use crate::core::library::{self, own, Scope};
use crate::core::reading::{self, Entry, Identity, RawMessage, RawThread, ThreadStore};
use crate::core::sla::{self, AgentStates, Policy, TimeOfDay, Week, Zone};
use crate::core::template::{self, Var};
use crate::core::{decimal, route, shared, textlen, time, when};

/// Pieces random strings are made of.
const PIECES: &[&str] = &[
    // ASCII.
    "a",
    "Z",
    "x",
    "Jane",
    "maria",
    "Tom",
    "0",
    "1",
    "9",
    "12",
    "2026",
    "45",
    " ",
    "  ",
    ":",
    "-",
    "+",
    "@",
    "#",
    "{",
    "}",
    "/",
    ".",
    ",",
    "!",
    "?",
    "'",
    "\"",
    "|",
    "*",
    "=",
    "&",
    "_",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\t",
    "\r\n",
    "%",
    "^",
    "~",
    "\\",
    "<",
    ">",
    ";",
    "$",
    // Words the parsers look for.
    "am",
    "pm",
    " AM",
    " PM",
    "h",
    "m",
    "d",
    "w",
    "y",
    "min",
    "hr",
    "mins",
    " ago",
    "ago",
    "now",
    "yesterday",
    "today",
    "at ",
    "hace ",
    "vor ",
    "Std.",
    "jan",
    "Nov ",
    "dec",
    "mayo",
    "T",
    "Z",
    "2026-11-22",
    "08:41",
    "T08:41:00.000Z",
    "+01:00",
    "https://",
    "http://",
    "x.com",
    "www.",
    "/status/",
    "?comment_id=",
    "&reply_comment_id=",
    "=",
    "Hi ",
    "Hello ",
    "Thanks ",
    "Thank you",
    " and ",
    " y ",
    "&",
    "At ",
    "Message sent ",
    " by ",
    ": ",
    ", ",
    "You",
    "Comment by ",
    "{customer_name}",
    "{first_name}",
    "{agent_name|",
    "{{",
    "}}",
    "{field:order",
    "[[",
    "]]",
    "sorry",
    "refund",
    "ORDER",
    "WHERE IS MY",
    "not",
    "never",
    "!!!",
    "???",
    "...",
    "…",
    "—",
    "–",
    "^AB",
    "-Sam",
    "DM",
    "email",
    "call us",
    "@AcmeHelp",
    "@mariag",
    "ES91 2100 0418 4502 0005 1332",
    "4111 1111 1111 1111",
    "a@b.co",
    "+34 600 000 000",
    "#123456",
    "Mon-Fri 09:00-17:00",
    "Europe/Madrid",
    "UTC",
    "CET-1CEST,M3.5.0,M10.5.0/3",
    "/r",
    "/refund",
    "1.5",
    "1,5",
    "e5",
    "-0",
    "999999999",
    "2147483647",
    "18446744073709551616",
    "00",
    "-1",
    "<",
    "M3.5.0",
    "DM:\n",
    "# ",
    "[how-to]",
    // Spaces and invisible characters.
    "\u{00A0}",
    "\u{202F}",
    "\u{2009}",
    "\u{3000}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{2028}",
    "\u{2029}",
    "\u{0085}",
    // Combining marks and letters whose case changes byte length.
    "\u{0301}",
    "\u{0303}",
    "\u{0308}",
    "é",
    "É",
    "e\u{0301}",
    "ß",
    "ẞ",
    "İ",
    "ı",
    "ﬁ",
    "ŉ",
    "Ⱥ",
    "ȿ",
    "ǅ",
    "Σ",
    "ς",
    "ÿ",
    "Ÿ",
    "K",
    "Å",
    "ñ",
    "Ñ",
    "ç",
    "ü",
    "Ö",
    "á",
    // Other scripts.
    "مرحبا",
    "،",
    "؟",
    "٣",
    "שלום",
    "午前",
    "午後",
    "9時",
    "年",
    "、",
    "，",
    "。",
    "！",
    "？",
    "中文",
    "ありがとう",
    "한국어",
    "Привет",
    "ДА",
    "ελληνικά",
    "१२",
    "๑",
    "０",
    "１２",
    "：",
    "＠",
    "／",
    "＃",
    // Emoji.
    "😀",
    "👍🏽",
    "👨\u{200D}👩\u{200D}👧",
    "🏳\u{FE0F}\u{200D}🌈",
    "❤\u{FE0F}",
    "🇪🇸",
    "1\u{FE0F}\u{20E3}",
    // Replacement, NUL and controls.
    "\u{FFFD}",
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{1B}",
    "\u{7F}",
    "\u{9F}",
    "\u{10FFFF}",
    "\u{E000}",
];

/// Realistic inputs, mutated by [`Rng::text`] to reach past the first checks of a parser.
const SEEDS: &[&str] = &[
    // Time labels.
    "10:02 AM",
    "10:02\u{202f}AM",
    "12:05 AM",
    "11:30",
    "2h",
    "2 hours ago",
    "an hour ago",
    "hace 5 min",
    "hace un minuto",
    "vor 2 Std.",
    "vor einer Stunde",
    "2 mo",
    "1w",
    "Just now",
    "Yesterday at 9:12 AM",
    "Yesterday, 9:41 PM",
    "ayer a las 21:05",
    "Gestern um 9:12",
    "At 9:12 AM",
    "Nov 20",
    "Nov 20 at 9:12 AM",
    "November 20, 2026, 9:12 AM",
    "20 de noviembre de 2026, 21:05",
    "20. November 2026 um 9:12",
    "12. März 2025",
    "9 Mai",
    "Mar 3, 2024",
    "2026-11-22",
    "2026-11-22T08:41:00.000Z",
    "2026-11-22T09:41:00+01:00",
    "2026-11-22T03:41:00-0500",
    "2026-11-22T08:41:07.5Z",
    "2026-11-22 08:41:00",
    "\u{200f}9:45 AM",
    "午前9:45",
    "9:45 午後",
    // Labels and links.
    "At 9:12 AM, Jane Doe: Hi there",
    "At November 20, 2026, 9:12 AM, Jane: hi",
    "Message sent 9:12 AM by You: ok",
    "A las 9:12, Tú: hola",
    "Um 9:12, Sie: hallo",
    "Comment by Jane Doe 3 hours ago",
    "Comment by Forever 21 2h",
    "Comentario de Ana hace 3 horas",
    "https://x.com/jack/status/1234567890?s=20",
    "https://www.instagram.com/kai.ng/",
    "/mariagarcia",
    "x.com/name",
    "https://www.facebook.com/photo?fbid=1&comment_id=12&reply_comment_id=3#x",
    "https://x.com/messages/123-456",
    "https://www.facebook.com/messages/t/100",
    "@AcmeHelp",
    "＠Name",
    // Names.
    "Maria Garcia",
    "MARIA",
    "jean-luc",
    "O'Brien-Smith",
    "Dr. Jane Doe",
    "The Coffee Lover",
    "[BOT] Sam",
    "<img src=x>Maria",
    "😀 Ana",
    "J.R.R. Tolkien",
    "山田 太郎",
    "İlker Şahin",
    "ẞtefan",
    // Drafts.
    "@lena.k thanks for waiting!",
    "@tom_w @mariagarcia thanks both",
    "Hi Tom and Maria, so sorry",
    "Thanks Jane 😊 we'll look",
    "Hi, Jane! Sorry about that. ^AB",
    "Jane Doe, we are on it -Sam",
    "Please DM us your order number and email so we can check. ^SR",
    "Call us on +34 600 000 000 or email help@acme.com",
    "Your IBAN ES91 2100 0418 4502 0005 1332?",
    "Card 4111 1111 1111 1111",
    "Hi [NAME], your order {{order}} is INSERT DATE HERE. TBD",
    "We apologize if you feel upset. It's not our fault, calm down.",
    "PLEASE CALM DOWN!!!",
    "See https://acme.com/help?x=1 for more.",
    "I'm sorry you waited 10 minutes, María.",
    "Hola Ana, lo siento mucho. Te escribimos por DM.",
    "Hi {first_name|there}, thanks! {agent_initials}",
    // Customer messages.
    "@AcmeHelp where is my order #123456??? It's been 2 weeks!!!",
    "I want my MONEY BACK, the blender arrived broken",
    "hello? anyone?",
    "¿Dónde está mi pedido?",
    "Wo ist meine Bestellung?",
    "my account was hacked, please help asap",
    // Settings texts.
    "Mon-Fri 09:00-17:00",
    "Mon 9-17, Sat 10:00-14:00",
    "Europe/Madrid",
    "America/New_York",
    "CET-1CEST,M3.5.0,M10.5.0/3",
    "EST5EDT,M3.2.0,M11.1.0",
    "<+0330>-3:30",
    "# Opening hours [how-to]\nWe're open 9 to 5, {customer.first_name|there}.\nDM:\nHi!\n",
    "# Refund [refund, order late]\nSorry {customer_name}! ^{agent.initials}\n",
    "{\"brand_name\": \"Acme\", \"x\": [1, 2]}",
    "1.5",
    "-2e3",
    "1,234.5",
];

/// Fixed-seed xorshift64*.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn piece(&mut self) -> &'static str {
        PIECES[self.below(PIECES.len())]
    }

    /// A random string: half the time a seed mutated, else pieces.
    fn text(&mut self) -> String {
        if self.below(2) == 0 {
            return self.mutated();
        }
        self.pieces()
    }

    /// A seed with a few pieces inserted, characters dropped or replaced, or parts swapped.
    fn mutated(&mut self) -> String {
        let mut chars: Vec<char> = SEEDS[self.below(SEEDS.len())].chars().collect();
        for _ in 0..1 + self.below(4) {
            let at = self.below(chars.len() + 1);
            match self.below(5) {
                0 | 1 => {
                    let p: Vec<char> = self.piece().chars().collect();
                    chars.splice(at..at, p);
                }
                2 if at < chars.len() => {
                    let n = 1 + self.below(3);
                    chars.drain(at..(at + n).min(chars.len()));
                }
                3 if at < chars.len() => {
                    let p: Vec<char> = self.piece().chars().collect();
                    chars.splice(at..at + 1, p);
                }
                _ => {
                    // Another seed's tail.
                    let other: Vec<char> = SEEDS[self.below(SEEDS.len())].chars().collect();
                    let from = self.below(other.len() + 1);
                    chars.truncate(at);
                    chars.extend_from_slice(&other[from..]);
                }
            }
        }
        chars.into_iter().collect()
    }

    /// Pieces: usually a few, sometimes a long run of one piece.
    fn pieces(&mut self) -> String {
        let mut s = String::new();
        let n = match self.below(20) {
            0 => 0,
            1 => 1,
            2 => 40 + self.below(80),
            _ => 2 + self.below(10),
        };
        for _ in 0..n {
            let p = self.piece();
            if self.below(40) == 0 {
                s.push_str(&p.repeat(50 + self.below(300)));
            } else {
                s.push_str(p);
            }
        }
        s
    }
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once) a panic hook that stays silent while this thread probes an input.
fn quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                prev(info);
            }
        }));
    });
}

fn panics(f: &dyn Fn(&[String]), inputs: &[String]) -> Option<String> {
    QUIET.with(|q| q.set(true));
    let r = catch_unwind(AssertUnwindSafe(|| f(inputs)));
    QUIET.with(|q| q.set(false));
    r.err().map(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default()
    })
}

/// Shrinks failing inputs: drops chunks of characters while it still panics.
fn shrink(f: &dyn Fn(&[String]), mut inputs: Vec<String>) -> Vec<String> {
    for k in 0..inputs.len() {
        let mut chunk = inputs[k].chars().count().max(1);
        while chunk >= 1 {
            let mut i = 0;
            loop {
                let chars: Vec<char> = inputs[k].chars().collect();
                if i >= chars.len() {
                    break;
                }
                let cut: String = chars[..i]
                    .iter()
                    .chain(chars[(i + chunk).min(chars.len())..].iter())
                    .collect();
                let mut trial = inputs.clone();
                trial[k] = cut;
                if panics(f, &trial).is_some() {
                    inputs = trial;
                } else {
                    i += chunk;
                }
            }
            if chunk == 1 {
                break;
            }
            chunk /= 2;
        }
    }
    inputs
}

/// A call of an entry point on random strings.
type Call = Box<dyn Fn(&[String])>;

/// One entry point: a name, how many random strings it takes, its rounds, and the call.
type Target = (&'static str, usize, usize, Call);

fn message(
    i: usize,
    party: Party,
    name: &str,
    handle: Option<&str>,
    text: &str,
    ms: i64,
) -> Message {
    Message {
        id: i.to_string(),
        author: Author {
            name: name.to_owned(),
            handle: handle.map(str::to_owned),
        },
        party,
        sent: Some(SentAt::exact(ms)),
        first_seen_ms: None,
        text: text.to_owned(),
    }
}

/// A conversation built from random strings: the customer's name, handle and messages,
/// another commenter's, and ours.
fn conversation(site: Site, surface: Surface, s: &[String]) -> Conversation {
    let customer = Author {
        name: s[0].clone(),
        handle: Some(s[1].clone()),
    };
    let messages = vec![
        message(0, Party::Customer, &s[0], Some(&s[1]), &s[2], 1_000),
        message(1, Party::Customer, &s[3], Some(&s[4]), &s[5], 61_000),
        message(
            2,
            Party::Brand,
            "Acme Support",
            Some("AcmeHelp"),
            &s[6],
            121_000,
        ),
        message(3, Party::Customer, &s[0], Some(&s[1]), &s[7], 181_000),
        message(
            4,
            Party::Automatic,
            "Acme Support",
            Some("AcmeHelp"),
            &s[2],
            200_000,
        ),
        message(5, Party::Customer, &s[3], None, &s[1], 241_000),
    ];
    Conversation {
        site,
        surface,
        thread: Some(s[8].clone()),
        customer: Some(customer),
        messages: Rc::new(messages),
    }
}

const NOW: i64 = 1_795_000_000_000; // 2026-11-18
const NOWS: [i64; 3] = [NOW, 0, 86_400_000 * 59];
const OFFSETS: [i32; 4] = [0, 60, -720, 840];

fn targets() -> Vec<Target> {
    let mut t: Vec<Target> = Vec::new();
    // Rounds per entry point: a few thousand where a call is cheap, fewer for the whole
    // analysis, checklist and library search (milliseconds each in a debug build).
    let mut add = |name: &'static str, n: usize, f: Call| {
        let rounds = match name {
            "library::search" => 120,
            "check::run" => 160,
            "analysis::analyze+rank" => 200,
            "template::render" => 150,
            "reading::interpret+ThreadStore" => 600,
            "sla::texts" | "when::parse" | "library::own" | "library::own_file" => 1000,
            _ => 3000,
        };
        t.push((name, n, rounds, f))
    };

    // when.rs and time.rs: time labels.
    add(
        "when::parse",
        1,
        Box::new(|s| {
            for now in NOWS {
                for off in OFFSETS {
                    if let Some(at) = when::parse(&s[0], now, off) {
                        let _ = at.latest_ms();
                    }
                }
            }
        }),
    );
    add(
        "when::parse_iso",
        1,
        Box::new(|s| {
            let _ = when::parse_iso(&s[0]);
            let _ = when::parse_iso(&s[0].to_lowercase());
        }),
    );
    add(
        "when::parse_relative",
        1,
        Box::new(|s| {
            for now in NOWS {
                let _ = when::parse_relative(&s[0], now);
                let _ = when::parse_relative(&s[0].to_lowercase(), now);
            }
        }),
    );
    add(
        "when::parse_clock_day",
        1,
        Box::new(|s| {
            for off in OFFSETS {
                let _ = when::parse_clock_day(&s[0], NOW, off);
                let _ = when::parse_clock_day(&s[0].to_lowercase(), NOW, off);
            }
        }),
    );
    add(
        "when::parse_month_day",
        1,
        Box::new(|s| {
            for off in OFFSETS {
                let _ = when::parse_month_day(&s[0], NOW, off);
                let _ = when::parse_month_day(&s[0].to_lowercase(), NOW, off);
            }
        }),
    );
    add(
        "time::Date::parse_iso/month_from_name",
        1,
        Box::new(|s| {
            let _ = time::Date::parse_iso(&s[0]);
            let _ = time::month_from_name(&s[0]);
        }),
    );

    // reading.rs: names, handles, links, labels, the thread store.
    add(
        "reading::handles_and_links",
        2,
        Box::new(|s| {
            let _ = reading::automatic_key(&s[0]);
            let _ = reading::parse_automatic(&s[0]);
            let _ = reading::normalise_handle(&s[0]);
            let _ = reading::handle_from_href(&s[0]);
            let _ = reading::status_id_from_href(&s[0]);
            assert_eq!(reading::find(&s[0], &s[1]), s[0].find(s[1].as_str()));
            let _ = reading::query_value(&s[0], "comment_id");
            let _ = reading::query_value(&s[0], &s[1]);
            let _ = reading::content_id(&s[0], &s[1], &s[0]);
            assert_eq!(reading::trim(&s[0]), s[0].trim());
            let _ = reading::trimmed(s[0].clone());
        }),
    );
    add(
        "reading::addressees",
        1,
        Box::new(|s| {
            let _ = reading::addressed(&s[0]);
            let _ = reading::addressed_handle(&s[0]);
            for a in reading::addressees(&s[0]) {
                // Each addressee is a piece of the draft.
                assert!(a.as_ptr() >= s[0].as_ptr());
            }
        }),
    );
    add(
        "reading::labels",
        3,
        Box::new(|s| {
            let _ = reading::parse_message_label(&s[0]);
            let prefixes = ["Comment by ", "Comentario de ", s[1].as_str()];
            let ends = [
                " about ",
                " an hour",
                " hace ",
                " 1",
                " 2",
                " 3",
                s[2].as_str(),
            ];
            let _ = reading::strip_any_prefix(&s[0], &prefixes);
            let _ = reading::name_before_time(&s[0], &prefixes, &ends);
            let joined = format!("Comment by {}", s[0]);
            let _ = reading::name_before_time(&joined, &prefixes, &ends);
        }),
    );
    add(
        "reading::interpret+ThreadStore",
        8,
        Box::new(|s| {
            let identity = Identity {
                handles: vec![s[0].clone(), "AcmeHelp".into()],
                names: vec![s[1].clone(), "Acme Support".into()],
                automatic: vec![s[2].clone(), "Thanks for your message, we will".into()],
            };
            let raw = |i: usize, id: Option<&String>| RawMessage {
                id: id.cloned(),
                author_name: Some(s[i % 8].clone()),
                author_handle: Some(s[(i + 1) % 8].clone()),
                time: Some(s[(i + 2) % 8].clone()),
                text: s[(i + 3) % 8].clone(),
                marked_self: i == 2,
                focused: i == 1,
                unsent: i == 3,
                known_id: None,
            };
            let batch: Vec<RawMessage> = (0..6)
                .map(|i| raw(i, if i % 2 == 0 { None } else { Some(&s[i]) }))
                .collect();
            for m in &batch {
                let _ = reading::party(m, &identity);
            }
            let _ = reading::nearest_other(s.iter().cloned().map(Some), &identity);
            let mut store = ThreadStore::new();
            store.open(&s[4]);
            for now in [NOW, NOW + 60_000] {
                let mut entries: Vec<Entry> = reading::interpret(batch.clone(), &identity, now, 60);
                store.settle_repeats(&mut entries);
                store.merge(entries, now);
            }
            // A later read: some rows known (anchors, one unknown to the store), some new.
            let ids: Vec<String> = store.messages().iter().map(|m| m.id.clone()).collect();
            let mut later: Vec<RawMessage> = batch.iter().rev().cloned().collect();
            for (k, m) in later.iter_mut().enumerate() {
                m.known_id = match k % 3 {
                    0 => ids.get(k).cloned(),
                    1 if k == 1 => Some(s[7].clone()),
                    _ => None,
                };
            }
            let mut entries = reading::interpret(later, &identity, NOW + 120_000, -300);
            store.settle_repeats(&mut entries);
            store.merge(entries, NOW + 120_000);
            store.set_addressed(reading::addressed_handle(&s[5]));
            let thread = RawThread {
                site: Site::X,
                surface: Surface::Post,
                thread: Some(s[6].clone()),
                messages: Vec::new(),
                partner: None,
                identity: identity.clone(),
            };
            let c = store.conversation(&thread);
            let _ = reading::customer(&c.messages, Some(&s[1]), None, reading::addressed(&s[7]));
            let seen = store.first_seen();
            store.remember_first_seen(&seen);
        }),
    );

    // route.rs, decimal.rs, shared.rs.
    add(
        "route+decimal+shared",
        1,
        Box::new(|s| {
            let _ = route::classify(&s[0]);
            let _ = route::is_practice(&s[0]);
            let _ = Site::from_host(&s[0]);
            let _ = decimal::parse(&s[0]);
            let _ = shared::direction_control(&s[0]);
            let _ = shared::check_brand_name(&s[0]);
            let _ = shared::read(&s[0]);
        }),
    );

    // textlen.rs.
    add(
        "textlen",
        1,
        Box::new(|s| {
            for site in Site::ALL {
                for surface in [Surface::Post, Surface::Dm] {
                    let _ = textlen::measure(&s[0], site, surface);
                }
            }
            let _ = textlen::char_len(&s[0]);
            let _ = textlen::x_weighted_len(&s[0]);
        }),
    );

    // analysis: the customer's messages.
    add(
        "analysis::text",
        2,
        Box::new(|s| {
            let _ = atext::clip(&s[0], 7);
            let _ = atext::clip(&s[0], s[1].len());
            let f = atext::Folded::new(&s[0]);
            if let Some((a, b)) = f.find(&s[1].to_lowercase()) {
                let _ = f.original_span(a, b);
            }
            let _ = f.find_pattern(&atext::Pattern::new(&format!("{}*", s[1])));
            let _ = f.trigger("sorry");
            let _ = f.trigger(&s[1]);
            let _ = cues::questions(&f);
            let _ = atext::tenths(&s[0]);
            let _ = atext::parse_rule_file(&s[0]);
            let _ = sentiment::parse_lexicon(&s[0]);
            let _ = sentiment::compound(&s[0]);
            let _ = sentiment::valence(&s[0]);
            let _ = analysis::detect_language(&s[0]);
            let _ = analysis::clearly_not_in(&s[0], "en");
            let _ = analysis::clearly_not_in(&s[0], "es");
        }),
    );
    add(
        "analysis::analyze+rank",
        9,
        Box::new(|s| {
            let texts: Vec<&str> = s[..3].iter().map(String::as_str).collect();
            let ours: Vec<&str> = s[3..5].iter().map(String::as_str).collect();
            let a = analysis::analyze(&texts);
            let _ = analysis::analyze_thread(&texts, &ours);
            let c = conversation(Site::Facebook, Surface::Post, s);
            let b = analysis::analyze_conversation(&c, 50);
            let _ = analysis::read_texts(&c, 3);
            let _ = sla::customer_conversation(&c);
            for x in [&a, &b] {
                let _ = analysis::scenario_scores(x);
                let _ = analysis::rank(x, Surface::Post, Lang::En, &[], 5);
                let _ = analysis::rank_at(x, Surface::Dm, Lang::Es, 5, true, &[]);
            }
        }),
    );

    // check: the checklist on a draft against a conversation.
    add(
        "check::run",
        10,
        Box::new(|s| {
            let settings = Settings {
                signature: Some(SignaturePolicy {
                    accepted: vec![s[8].clone()],
                }),
                jargon: vec![s[8].clone(), "RMA".into()],
                ..Settings::default()
            };
            let valid = settings.validate().unwrap_or_default();
            let mut all_on = valid.clone();
            for id in check::CheckId::ALL {
                if all_on.level(id) == check::Level::Off {
                    all_on.set_level(id, check::Level::Warn);
                }
            }
            let (site, surface) =
                [(Site::X, Surface::Post), (Site::Instagram, Surface::Dm)][s[9].len() % 2];
            {
                let c = conversation(site, surface, s);
                let texts: Vec<&str> = c.messages.iter().map(|m| m.text.as_str()).collect();
                let customer = analysis::analyze(&texts);
                let draft_lang = analysis::detect_language(&s[9]);
                let recent = vec![s[6].clone(), s[9].clone()];
                let sla = sla::status(
                    &c,
                    &Policy::default().validate().unwrap(),
                    &AgentStates::default(),
                    NOW,
                );
                for customer in [&customer, &Analysis::default()] {
                    for settings in [&all_on] {
                        let ctx = CheckContext {
                            draft: &s[9],
                            conversation: &c,
                            customer,
                            draft_lang,
                            sla: Some(&sla),
                            recent_replies: &recent,
                        };
                        let prepared = check::prepare(&c, &recent);
                        let report = check::run_prepared(&ctx, &prepared, settings);
                        let _ = check::needs_acknowledging(customer);
                        for o in &report.outcomes {
                            for &span in &o.spans {
                                assert!(
                                    span.0 < span.1
                                        && s[9].is_char_boundary(span.0)
                                        && s[9].is_char_boundary(span.1),
                                    "{}: bad span {span:?}",
                                    o.id.id()
                                );
                                let _ = check::utf16_span(&s[9], span);
                            }
                            let _ = check::text::excerpt_parts(&s[9], &o.spans, 30);
                        }
                    }
                }
            }
        }),
    );
    add(
        "check::text+people",
        2,
        Box::new(|s| {
            let t = check::Text::new(&s[0]);
            let _ = t.has_url();
            let _ = check::text::url_spans(&s[0]);
            let _ = check::text::quote(&s[0]);
            let _ = check::text::phrase_words(&s[1]);
            // Sorted, separate spans on character boundaries, chosen by the other string's bytes.
            let bounds: Vec<usize> = s[0]
                .char_indices()
                .map(|(i, _)| i)
                .chain([s[0].len()])
                .collect();
            let mut spans = Vec::new();
            let mut k = 0;
            for b in s[1].bytes() {
                let a = k + usize::from(b % 5);
                let e = a + 1 + usize::from(b % 3);
                if e >= bounds.len() {
                    break;
                }
                spans.push((bounds[a], bounds[e]));
                k = e + 1;
            }
            for context in [0, 3, 40] {
                for (a, b) in check::text::excerpt_parts(&s[0], &spans, context) {
                    assert!(a <= b && s[0].get(a..b).is_some(), "part {a}..{b}");
                }
            }
            let _ = check::people::fold(&s[0]);
            let _ = check::people::mentions(&s[0]).count();
        }),
    );

    // template: rendering with page names, parsing the team's text.
    add(
        "template::parse",
        1,
        Box::new(|s| {
            if let Ok(t) = template::parse(&s[0]) {
                let _ = t.plain_text();
                let _ = t.variables();
                let _ = t.rotations();
                let ctx = template::Context::new(Lang::En).with_field("order", &s[0]);
                let _ = t.render(&ctx, 7);
                let _ = t.missing_fields(&ctx);
            }
        }),
    );
    add(
        "template::render",
        4,
        Box::new(|s| {
            for lang in Lang::ALL {
                let mut ctx = template::Context::new(lang)
                    .with_field("order", &s[2])
                    .with_field(&s[3], &s[2]);
                ctx.customer = Some(Author {
                    name: s[0].clone(),
                    handle: Some(s[1].clone()),
                });
                ctx.agent_name = Some(s[3].clone());
                ctx.brand_name = Some(s[2].clone());
                ctx.site = Some(Site::X);
                ctx.wait_minutes = Some(s[0].len() as u32 * 37);
                for v in Var::ALL {
                    let _ = ctx.value(v);
                }
                let src = "Hi {first_name|there}, {customer_name|you}! {field:order} \
                       {{a|b}} — {agent_name} {agent_initials} {brand_name} {wait}";
                if let Ok(t) = template::parse(src) {
                    let _ = t.render(&ctx, 3);
                    let _ = t.choose(&ctx, 3, &|x: &str| x.len() < 280);
                    let _ = t.missing_fields(&ctx);
                }
                for lt in library::all().skip(s[1].len() % 40).take(4) {
                    if let Some(Ok(t)) = lt.template(lang, Surface::Post) {
                        let _ = t.render(&ctx, 1);
                        for overdue in [false, true] {
                            let choices = check::phrasing(&t, &ctx, 2, check::Mood::Upset, overdue);
                            let _ = t.render_with_choices(&ctx, &choices);
                        }
                    }
                }
            }
        }),
    );

    // library: search, slash queries, the team's own replies.
    add(
        "library::search",
        1,
        Box::new(|s| {
            let lang = Lang::ALL[s[0].len() % 2];
            let _ = library::search_on(&s[0], lang, Surface::Dm, Scope::Everything);
        }),
    );
    add(
        "library::slash+normalize",
        1,
        Box::new(|s| {
            let _ = library::normalize(&s[0]);
            if let Some((q, units)) = library::slash_trigger(&s[0]) {
                assert!(units <= s[0].encode_utf16().count() && q.len() < s[0].len());
            }
            let _ = library::search(&s[0][..0], Lang::En);
        }),
    );
    add(
        "library::own",
        2,
        Box::new(|s| {
            let _ = own::parse(&s[0]);
            let (replies, _) = own::usable(&s[0]);
            let _ = own::too_long_for_x(&replies);
            let words = own::key_words(&s[1], 8);
            let _ = own::fit(&words, &[s[0].to_lowercase()]);
            let said = vec![s[1].clone()];
            let _ = library::suggest_fitting(
                &[],
                &words,
                &said,
                &said,
                Surface::Post,
                Lang::En,
                &[s[0].as_str()],
                5,
            );
        }),
    );
    add(
        "library::own_file",
        6,
        Box::new(|s| {
            // A team's replies file with random titles, tags and texts.
            let file = format!(
                "# {}\nscenarios: {}\n{}\n---\n{}\n\n# {}\n{}\n",
                s[0], s[1], s[2], s[3], s[4], s[5]
            );
            let (replies, _) = own::usable(&file);
            let _ = own::too_long_for_x(&replies);
            let _ = own::parse(&file);
        }),
    );

    // sla: texts from settings and the page.
    add(
        "sla::texts",
        1,
        Box::new(|s| {
            let _ = TimeOfDay::parse(&s[0]);
            let _ = Week::parse(&s[0]);
            let _ = Zone::named(&s[0]);
            let _ = sla::tz::PosixTz::parse(&s[0]);
            let _ = sla::tz::check_zones(&s[0]);
            let _ = sla::tz::posix_rule_of(&s[0]);
        }),
    );
    add(
        "sla::status",
        9,
        Box::new(|s| {
            let p = Policy::default().validate().unwrap();
            for (site, surface) in [(Site::X, Surface::Post), (Site::Facebook, Surface::Dm)] {
                let c = conversation(site, surface, s);
                let st = sla::status(&c, &p, &AgentStates::default(), NOW);
                let _ = sla::status_for_customer(&c, &p, &AgentStates::default(), NOW);
                let _ = sla::messaging_window(&c, NOW);
                let iv = sla::intervals(&c, &p);
                let _ = sla::summarize(&[iv]);
                let _ = st;
            }
        }),
    );
    t
}

#[test]
fn no_page_text_makes_the_core_panic() {
    quiet_hook();
    let mut failures: BTreeMap<&'static str, (Vec<String>, String)> = BTreeMap::new();
    let targets = targets();
    // Fixed inputs first: the ones known to have broken something.
    let fixed: Vec<String> = [
        "\u{200f}9:45 AM",
        "İ",
        "İ:",
        "İ 9:45",
        "9:45 İ",
        "nov İ9",
        "@İ",
        "/İ",
        "Hi İ,",
        "{İ}",
        "x.com/İ",
        "https://İ",
        "",
        " ",
        "\0",
        "2026-11-22",
        "2026-1İ-22",
        "At İ, You: x",
        // A year past 292 million overflows the milliseconds (when.rs parse_iso → utc_ms).
        "2147483647-01-01",
        // An offset of 10^16 hours (sla/tz.rs Cursor::hms).
        "EST9999999999999999",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    // FUZZ_SCALE=20 runs twenty times the rounds (for a longer hunt, in release mode).
    let scale: usize = std::env::var("FUZZ_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut spent: BTreeMap<&'static str, std::time::Duration> = BTreeMap::new();
    for (name, n, rounds, f) in &targets {
        // Each entry point its own sequence: adding one changes no other's inputs.
        let seed = name.bytes().fold(0x9E37_79B9_7F4A_7C15_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let mut rng = Rng(seed | 1);
        let t0 = std::time::Instant::now();
        for round in 0..fixed.len() + rounds * scale {
            let inputs: Vec<String> = if round < fixed.len() {
                vec![fixed[round].clone(); *n]
            } else {
                (0..*n).map(|_| rng.text()).collect()
            };
            if panics(f.as_ref(), &inputs).is_some() {
                let small = shrink(f.as_ref(), inputs);
                let msg = panics(f.as_ref(), &small).unwrap_or_default();
                failures.insert(name, (small, msg));
                break;
            }
        }
        spent.insert(name, t0.elapsed());
    }
    if std::env::var("FUZZ_TIMES").is_ok() {
        for (name, d) in &spent {
            eprintln!("{name}: {d:?}");
        }
    }
    let report: Vec<String> = failures
        .iter()
        .map(|(name, (inputs, msg))| format!("{name}: {inputs:?}\n    {msg}"))
        .collect();
    assert!(report.is_empty(), "panics:\n{}", report.join("\n"));
}
