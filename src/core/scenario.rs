//! The customer-care scenarios Waypoint recognises and writes replies for. Analysis finds them
//! in what the customer said; the template library is organised by them.

use serde::{Deserialize, Serialize};

/// What the conversation is about, from the customer's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    /// Waiting for an answer or a fix; delays in general.
    Waiting,
    /// The service is down or not working for many people.
    Outage,
    /// A bill, an unexpected or double charge.
    Billing,
    /// Wants money back or to return something.
    Refund,
    /// An order or delivery that is late or missing.
    OrderLate,
    /// A product that is broken, damaged or faulty.
    Faulty,
    /// Cannot log in, locked out, account problems.
    Account,
    /// A complaint about staff or about an experience.
    Complaint,
    /// Praise and thanks.
    Praise,
    /// How do I…? A question about using the product or service.
    HowTo,
    /// Feedback or a feature request.
    Feedback,
    /// Safety, legal threats, crisis: a holding reply and escalation.
    Safety,
    /// Taking the conversation to direct messages safely.
    MoveToDm,
    /// Following up on, or closing, a conversation.
    FollowUp,
}

impl Scenario {
    pub const ALL: [Scenario; 14] = [
        Scenario::Waiting,
        Scenario::Outage,
        Scenario::Billing,
        Scenario::Refund,
        Scenario::OrderLate,
        Scenario::Faulty,
        Scenario::Account,
        Scenario::Complaint,
        Scenario::Praise,
        Scenario::HowTo,
        Scenario::Feedback,
        Scenario::Safety,
        Scenario::MoveToDm,
        Scenario::FollowUp,
    ];

    /// The stable id (kebab-case), used in template ids, labels and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Scenario::Waiting => "waiting",
            Scenario::Outage => "outage",
            Scenario::Billing => "billing",
            Scenario::Refund => "refund",
            Scenario::OrderLate => "order-late",
            Scenario::Faulty => "faulty",
            Scenario::Account => "account",
            Scenario::Complaint => "complaint",
            Scenario::Praise => "praise",
            Scenario::HowTo => "how-to",
            Scenario::Feedback => "feedback",
            Scenario::Safety => "safety",
            Scenario::MoveToDm => "move-to-dm",
            Scenario::FollowUp => "follow-up",
        }
    }

    pub fn from_id(id: &str) -> Option<Scenario> {
        Scenario::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Whether the customer is reporting something wrong (a delay, an outage, a charge, a
    /// refund, a late order, a fault, account trouble or a complaint).
    pub fn is_problem(self) -> bool {
        matches!(
            self,
            Scenario::Waiting
                | Scenario::Outage
                | Scenario::Billing
                | Scenario::Refund
                | Scenario::OrderLate
                | Scenario::Faulty
                | Scenario::Account
                | Scenario::Complaint
        )
    }

    /// How the panel names it.
    pub fn label(self) -> &'static str {
        match self {
            Scenario::Waiting => "waiting or delay",
            Scenario::Outage => "service outage",
            Scenario::Billing => "billing or unexpected charge",
            Scenario::Refund => "refund or return",
            Scenario::OrderLate => "order late or missing",
            Scenario::Faulty => "faulty product",
            Scenario::Account => "account or login trouble",
            Scenario::Complaint => "complaint about staff or experience",
            Scenario::Praise => "praise and thanks",
            Scenario::HowTo => "how-to question",
            Scenario::Feedback => "feedback or feature request",
            Scenario::Safety => "safety, legal or crisis",
            Scenario::MoveToDm => "taking it to direct messages",
            Scenario::FollowUp => "follow-up and closing",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for s in Scenario::ALL {
            assert_eq!(Scenario::from_id(s.id()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.id())
            );
        }
        assert_eq!(Scenario::from_id("nope"), None);
    }
}
