//! The SLA policy as the team sets it (serde settings with defaults), its validation, and the
//! validated form the engine computes with.

use super::business::BusinessCalendar;
use super::hours::BusinessHours;
use super::tz::Zone;
use crate::core::conversation::{Site, Surface};
use crate::core::decimal;
use crate::core::time::MINUTE_MS;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The shortest target allowed: 15 seconds.
pub const MIN_TARGET_MINUTES: f64 = 0.25;
/// The longest target allowed: 30 days.
pub const MAX_TARGET_MINUTES: f64 = 30.0 * 24.0 * 60.0;

/// Reply targets for one site and surface, in minutes (fractions allowed, down to 15 s).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Until the first reply, while we have never replied in the conversation.
    pub first_response_minutes: f64,
    /// Until each later reply; the first-response target when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_reply_minutes: Option<f64>,
}

impl Target {
    /// A target with the same minutes for first response and next reply.
    pub fn minutes(m: f64) -> Target {
        Target {
            first_response_minutes: m,
            next_reply_minutes: None,
        }
    }

    /// The next-reply target in minutes (the first-response one when not set).
    pub fn next_reply(&self) -> f64 {
        self.next_reply_minutes
            .unwrap_or(self.first_response_minutes)
    }
}

/// Targets for public posts and direct messages on one site.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteTargets {
    pub post: Target,
    pub dm: Target,
}

impl Default for SiteTargets {
    /// 60 minutes for public posts, 15 minutes for direct messages.
    fn default() -> SiteTargets {
        SiteTargets {
            post: Target::minutes(60.0),
            dm: Target::minutes(15.0),
        }
    }
}

/// Targets per site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    pub x: SiteTargets,
    pub facebook: SiteTargets,
    pub instagram: SiteTargets,
}

impl Targets {
    /// The targets for a site and surface.
    pub fn get(&self, site: Site, surface: Surface) -> &Target {
        let s = match site {
            Site::X => &self.x,
            Site::Facebook => &self.facebook,
            Site::Instagram => &self.instagram,
        };
        match surface {
            Surface::Post => &s.post,
            Surface::Dm => &s.dm,
        }
    }

    /// The target for a site and surface, to set.
    pub fn get_mut(&mut self, site: Site, surface: Surface) -> &mut Target {
        let s = match site {
            Site::X => &mut self.x,
            Site::Facebook => &mut self.facebook,
            Site::Instagram => &mut self.instagram,
        };
        match surface {
            Surface::Post => &mut s.post,
            Surface::Dm => &mut s.dm,
        }
    }

    /// Sets the same target (first response and next reply) everywhere.
    pub fn all(minutes: f64) -> Targets {
        let s = SiteTargets {
            post: Target::minutes(minutes),
            dm: Target::minutes(minutes),
        };
        Targets {
            x: s,
            facebook: s,
            instagram: s,
        }
    }
}

/// When a running clock turns "due soon".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DueSoon {
    /// When at most this fraction (0–1) of the target is left: `{"fraction": 0.25}`.
    Fraction(f64),
    /// When at most this many minutes are left (capped at the target): `{"minutes": 10}`.
    Minutes(f64),
}

impl Default for DueSoon {
    /// A quarter of the target left.
    fn default() -> DueSoon {
        DueSoon::Fraction(0.25)
    }
}

impl DueSoon {
    /// The remaining time (ms) at or below which a clock with this target is due soon.
    pub fn threshold_ms(self, target_ms: i64) -> i64 {
        let ms = match self {
            DueSoon::Fraction(f) => target_ms as f64 * f,
            DueSoon::Minutes(m) => m * MINUTE_MS as f64,
        };
        (ms.round() as i64).clamp(0, target_ms)
    }
}

/// Which time the targets are counted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Every hour of every day.
    #[default]
    Calendar,
    /// Only the open periods of [`Policy::business_hours`].
    Business,
}

/// The team's SLA settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    pub targets: Targets,
    pub due_soon: DueSoon,
    /// Calendar (default) or business time; business needs `business_hours`.
    pub counted_in: Basis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_hours: Option<BusinessHours>,
}

/// What is wrong with a policy: the setting's path and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError {
    /// Like `targets.instagram.dm.first_response_minutes`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for PolicyError {}

impl PolicyError {
    /// The setting as the settings page names it ("targets.x.post.first_response_minutes" →
    /// "X public, first response"), or its path when the page has no name for it.
    pub fn name(&self) -> String {
        let parts: Vec<&str> = self.field.split('.').collect();
        match parts.as_slice() {
            ["targets", site, surface, which] => {
                let site = Site::ALL.into_iter().find(|s| s.as_str() == *site);
                let words = match *surface {
                    "post" => Some("public"),
                    "dm" => Some("direct messages"),
                    _ => None,
                };
                let which = if which.starts_with("first") {
                    "first response"
                } else {
                    "next reply"
                };
                match site.zip(words) {
                    Some((site, words)) => format!("{} {words}, {which}", site.display_name()),
                    None => self.field.clone(),
                }
            }
            ["due_soon", ..] => "Due soon".into(),
            ["business_hours", "zone"] => "Time zone".into(),
            ["business_hours", ..] => "Business hours".into(),
            ["counted_in"] => "Count the targets in".into(),
            _ => self.field.clone(),
        }
    }
}

/// A checked policy, with its business hours prepared.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidPolicy {
    pub policy: Policy,
    /// Present when the policy has business hours (whatever it counts in), so business time
    /// can always be reported alongside calendar time.
    pub calendar: Option<BusinessCalendar>,
}

impl Policy {
    /// Checks every setting and prepares the business hours.
    pub fn validate(&self) -> Result<ValidPolicy, PolicyError> {
        let err = |field: String, message: String| PolicyError { field, message };
        for site in Site::ALL {
            for surface in [Surface::Post, Surface::Dm] {
                let t = self.targets.get(site, surface);
                let path = format!("targets.{}.{}", site.as_str(), surface.as_str());
                let values = [
                    ("first_response_minutes", Some(t.first_response_minutes)),
                    ("next_reply_minutes", t.next_reply_minutes),
                ];
                for (name, value) in values {
                    let Some(v) = value else { continue };
                    if !(MIN_TARGET_MINUTES..=MAX_TARGET_MINUTES).contains(&v) {
                        return Err(err(
                            format!("{path}.{name}"),
                            format!(
                                "{} minutes is not a target between {} (15 seconds) and {} \
                                 (30 days)",
                                decimal::format(v),
                                decimal::format(MIN_TARGET_MINUTES),
                                decimal::format(MAX_TARGET_MINUTES)
                            ),
                        ));
                    }
                }
            }
        }
        match self.due_soon {
            DueSoon::Fraction(f) if !(0.0..=1.0).contains(&f) => {
                return Err(err(
                    "due_soon.fraction".into(),
                    format!("{} is not a fraction between 0 and 1", decimal::format(f)),
                ))
            }
            DueSoon::Minutes(m) if !(0.0..=MAX_TARGET_MINUTES).contains(&m) => {
                return Err(err(
                    "due_soon.minutes".into(),
                    format!(
                        "{} is not a number of minutes between 0 and {}",
                        decimal::format(m),
                        decimal::format(MAX_TARGET_MINUTES)
                    ),
                ))
            }
            _ => {}
        }
        let calendar = match &self.business_hours {
            Some(h) => {
                // The zone's fault named as the zone's, the hours' as theirs.
                let zone = Zone::named(&h.zone)
                    .map_err(|e| err("business_hours.zone".into(), e.message))?;
                Some(
                    BusinessCalendar::in_zone(zone, h)
                        .map_err(|m| err("business_hours.week".into(), m))?,
                )
            }
            None if self.counted_in == Basis::Business => {
                return Err(err(
                    "counted_in".into(),
                    "targets are counted in business time but no business hours are set".into(),
                ))
            }
            None => None,
        };
        Ok(ValidPolicy {
            policy: self.clone(),
            calendar,
        })
    }
}

impl ValidPolicy {
    /// The target in milliseconds for a site and surface, first response or next reply.
    pub fn target_ms(&self, site: Site, surface: Surface, first_response: bool) -> i64 {
        let t = self.policy.targets.get(site, surface);
        let minutes = if first_response {
            t.first_response_minutes
        } else {
            t.next_reply()
        };
        (minutes * MINUTE_MS as f64).round() as i64
    }

    /// The business calendar when the targets are counted in business time.
    pub fn counting_calendar(&self) -> Option<&BusinessCalendar> {
        match self.policy.counted_in {
            Basis::Business => self.calendar.as_ref(),
            Basis::Calendar => None,
        }
    }

    /// Time in `[from, to)` in the basis the targets are counted in (negative when reversed).
    pub fn counted_ms(&self, from: i64, to: i64) -> i64 {
        match self.counting_calendar() {
            Some(c) => c.business_ms(from, to),
            None => to - from,
        }
    }

    /// When a target of `target_ms`, counted from `from`, runs out.
    pub fn deadline(&self, from: i64, target_ms: i64) -> i64 {
        match self.counting_calendar() {
            Some(c) => c.add_business(from, target_ms),
            None => from.saturating_add(target_ms),
        }
    }

    /// When the clock starts counting again, said as the business hours' zone tells it
    /// ("Monday 09:00"), if targets are counted in business time and `now` is outside it.
    pub fn closed_until(&self, now: i64) -> Option<String> {
        let c = self.counting_calendar()?;
        c.closed_until(now).map(|at| c.when(at, now))
    }

    /// Open time in `[from, to)` when business hours are set, whatever the basis.
    pub fn business_ms(&self, from: i64, to: i64) -> Option<i64> {
        self.calendar.as_ref().map(|c| c.business_ms(from, to))
    }

    /// "counted in business hours (Mon–Fri 09:00–17:00 Europe/Madrid)" or "counted in
    /// calendar time".
    pub fn describe_basis(&self) -> String {
        match self.counting_calendar() {
            Some(c) => format!("counted in business hours ({})", c.describe()),
            None => "counted in calendar time".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sla::hours::Week;

    #[test]
    fn defaults() {
        let p = Policy::default().validate().unwrap();
        let cases = [
            (Site::X, Surface::Post, true, 60),
            (Site::X, Surface::Post, false, 60),
            (Site::Facebook, Surface::Dm, true, 15),
            (Site::Instagram, Surface::Dm, false, 15),
            (Site::Instagram, Surface::Post, true, 60),
        ];
        for (site, surface, first, minutes) in cases {
            assert_eq!(
                p.target_ms(site, surface, first),
                minutes * MINUTE_MS,
                "{site} {surface} {first}"
            );
        }
        assert_eq!(
            p.policy.due_soon.threshold_ms(60 * MINUTE_MS),
            15 * MINUTE_MS
        );
        assert_eq!(p.describe_basis(), "counted in calendar time");
    }

    #[test]
    fn partial_json_keeps_the_other_defaults() {
        let json = r#"{"targets":{"instagram":{"dm":{"first_response_minutes":10,
                       "next_reply_minutes":5}}},"due_soon":{"minutes":3}}"#;
        let p: Policy = serde_json::from_str(json).unwrap();
        let p = p.validate().unwrap();
        assert_eq!(
            p.target_ms(Site::Instagram, Surface::Dm, true),
            10 * MINUTE_MS
        );
        assert_eq!(
            p.target_ms(Site::Instagram, Surface::Dm, false),
            5 * MINUTE_MS
        );
        assert_eq!(
            p.target_ms(Site::Instagram, Surface::Post, true),
            60 * MINUTE_MS
        );
        assert_eq!(
            p.target_ms(Site::Facebook, Surface::Dm, true),
            15 * MINUTE_MS
        );
        assert_eq!(p.policy.due_soon, DueSoon::Minutes(3.0));
        // Minutes are capped at the target.
        assert_eq!(
            DueSoon::Minutes(30.0).threshold_ms(10 * MINUTE_MS),
            10 * MINUTE_MS
        );
        let round = serde_json::to_string(&p.policy).unwrap();
        assert_eq!(serde_json::from_str::<Policy>(&round).unwrap(), p.policy);
    }

    #[test]
    fn invalid_settings_name_the_field() {
        let mut bad_target = Policy::default();
        bad_target.targets.facebook.dm.next_reply_minutes = Some(0.1);
        let bad_fraction = Policy {
            due_soon: DueSoon::Fraction(1.5),
            ..Policy::default()
        };
        let no_hours = Policy {
            counted_in: Basis::Business,
            ..Policy::default()
        };
        let bad_zone = Policy {
            business_hours: Some(BusinessHours {
                zone: "Nowhere/Else".into(),
                week: Week::office(),
                holidays: vec![],
            }),
            ..Policy::default()
        };
        let cases = [
            (
                bad_target,
                "targets.facebook.dm.next_reply_minutes",
                "0.1 minutes is not a target between 0.25 (15 seconds) and 43200 (30 days)",
            ),
            (
                bad_fraction,
                "due_soon.fraction",
                "1.5 is not a fraction between 0 and 1",
            ),
            (no_hours, "counted_in", "no business hours"),
            (bad_zone, "business_hours.zone", "unknown time zone"),
        ];
        for (p, field, message) in cases {
            let e = p.validate().unwrap_err();
            assert_eq!(e.field, field);
            assert!(e.message.contains(message), "{e}");
        }
    }
}
