//! Building contexts for the checks' table tests.

use super::{run, CheckId, Context, Level, Report, Status, ValidSettings};
use crate::core::analysis::{Analysis, Emotion, LangGuess, Signal};
use crate::core::conversation::{Author, Conversation, Message, Party, SentAt, Site, Surface};
use crate::core::sla::SlaStatus;

/// A conversation on `site`/`surface` with the customer "Maria Garcia" (@mariag) writing
/// `customer` messages, one a minute from t = 0, brand replies where a text starts with
/// "BRAND:", and automatic messages of ours where it starts with "AUTO:".
pub fn conv(site: Site, surface: Surface, texts: &[&str]) -> Conversation {
    let customer = Author {
        name: "Maria Garcia".into(),
        handle: Some("mariag".into()),
    };
    let brand = Author {
        name: "Acme Support".into(),
        handle: Some("AcmeHelp".into()),
    };
    let messages = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (party, author, text) = match (t.strip_prefix("BRAND:"), t.strip_prefix("AUTO:")) {
                (Some(rest), _) => (Party::Brand, brand.clone(), rest.trim()),
                (_, Some(rest)) => (Party::Automatic, brand.clone(), rest.trim()),
                _ => (Party::Customer, customer.clone(), *t),
            };
            Message {
                id: i.to_string(),
                author,
                party,
                sent: Some(SentAt::exact(i as i64 * 60_000)),
                first_seen_ms: None,
                text: text.to_owned(),
            }
        })
        .collect::<Vec<_>>();
    Conversation {
        site,
        surface,
        thread: None,
        customer: Some(customer),
        messages: messages.into(),
    }
}

/// Everything a test may vary, with neutral defaults: a public X thread where the customer
/// wrote "My order has not arrived".
pub struct Case {
    pub conversation: Conversation,
    pub analysis: Analysis,
    pub draft_lang: Option<LangGuess>,
    pub sla: Option<SlaStatus>,
    pub recent: Vec<String>,
    pub settings: ValidSettings,
}

impl Case {
    pub fn new() -> Case {
        Case::on(Site::X, Surface::Post, &["My order has not arrived"])
    }

    pub fn on(site: Site, surface: Surface, texts: &[&str]) -> Case {
        Case {
            conversation: conv(site, surface, texts),
            analysis: Analysis::default(),
            draft_lang: None,
            sla: None,
            recent: Vec::new(),
            settings: ValidSettings::default(),
        }
    }

    /// The customer renamed: `name` (@`handle`) wrote every customer message.
    pub fn named(mut self, name: &str, handle: &str) -> Case {
        let author = Author {
            name: name.into(),
            handle: Some(handle.into()),
        };
        for m in std::rc::Rc::make_mut(&mut self.conversation.messages) {
            if m.party == Party::Customer {
                m.author = author.clone();
            }
        }
        self.conversation.customer = Some(author);
        self
    }

    pub fn dm(mut self) -> Case {
        self.conversation.surface = Surface::Dm;
        self
    }

    pub fn upset(mut self) -> Case {
        self.analysis.emotions = vec![(
            Emotion::Frustration,
            Signal {
                score: 1.0,
                triggers: vec!["ridiculous".into()],
            },
        )];
        self
    }

    pub fn question(mut self) -> Case {
        self.analysis.question = Some(Signal {
            score: 1.0,
            triggers: vec!["where is my order?".into()],
        });
        self
    }

    pub fn report(&self, draft: &str) -> Report {
        let ctx = Context {
            draft,
            conversation: &self.conversation,
            customer: &self.analysis,
            draft_lang: self.draft_lang,
            sla: self.sla.as_ref(),
            recent_replies: &self.recent,
        };
        let report = run(&ctx, &self.settings);
        for o in &report.outcomes {
            for &(s, e) in &o.spans {
                assert!(
                    s < e && draft.is_char_boundary(s) && draft.is_char_boundary(e),
                    "{}: bad span {s}..{e} in {draft:?}",
                    o.id.id()
                );
            }
        }
        report
    }

    /// Whether `id` fires on `draft` (at any level), with its detail.
    pub fn fires(&self, id: CheckId, draft: &str) -> Option<String> {
        let mut me = Case {
            conversation: self.conversation.clone(),
            analysis: self.analysis.clone(),
            draft_lang: self.draft_lang,
            sla: self.sla.clone(),
            recent: self.recent.clone(),
            settings: self.settings.clone(),
        };
        if me.settings.level(id) == Level::Off {
            me.settings.set_level(id, Level::Warn);
        }
        let r = me.report(draft);
        let o = r.get(id).expect("every check has an outcome");
        match o.status {
            Status::Fail | Status::Warn => Some(o.detail.clone()),
            _ => None,
        }
    }

    /// The highlighted parts of the draft for `id`.
    pub fn spans<'d>(&self, id: CheckId, draft: &'d str) -> Vec<&'d str> {
        let r = self.report(draft);
        r.get(id)
            .unwrap()
            .spans
            .iter()
            .map(|&(s, e)| &draft[s..e])
            .collect()
    }
}

/// Asserts each (draft, should fire) row.
pub fn table(case: &Case, id: CheckId, rows: &[(&str, bool)]) {
    for &(draft, want) in rows {
        let got = case.fires(id, draft);
        assert_eq!(
            got.is_some(),
            want,
            "{}: {draft:?} (detail: {got:?})",
            id.id()
        );
        if let Some(d) = got {
            assert!(!d.is_empty(), "{}: a finding has a detail", id.id());
        }
    }
}
