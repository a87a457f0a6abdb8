//! `reply-window`: on Facebook and Instagram direct messages, Meta's 24-hour window after the
//! customer's last message is closed (fires at the check's level) or closes within the hour
//! (a warning).

use super::{Finding, Input};
use crate::core::sla::format::duration;
use crate::core::time::HOUR_MS;

// Not inlined: the JavaScript translation keeps functions small enough for the engine to optimise.
#[inline(never)]
pub fn check(input: &Input) -> Option<Finding> {
    let w = input.ctx.sla?.window?;
    if !w.open || w.remaining_ms <= 0 {
        return Some(Finding::new(
            format!(
                "Meta's 24-hour reply window closed {} ago: this message may not be delivered",
                duration(-w.remaining_ms)
            ),
            Vec::new(),
        ));
    }
    // Counted from when Waypoint first saw the message (the page gives no time): a bound.
    let bound = if w.seen_only { "at most " } else { "" };
    (w.remaining_ms <= HOUR_MS).then(|| Finding {
        detail: format!(
            "Meta's 24-hour reply window closes in {bound}{}",
            duration(w.remaining_ms)
        ),
        spans: Vec::new(),
        soft: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Case;
    use super::super::{CheckId, Status};
    use crate::core::conversation::{Site, Surface};
    use crate::core::sla::window::MessagingWindow;
    use crate::core::sla::SlaStatus;

    fn with_window(remaining_min: i64) -> Case {
        let mut c = Case::on(Site::Instagram, Surface::Dm, &["hola?"]);
        let mut s = SlaStatus::no_conversation();
        s.window = Some(MessagingWindow {
            last_customer_ms: 0,
            closes_ms: 24 * 3_600_000,
            remaining_ms: remaining_min * 60_000,
            open: remaining_min > 0,
            seen_only: false,
        });
        c.sla = Some(s);
        c
    }

    #[test]
    fn closed_blocks_closing_soon_warns() {
        let status = |m| {
            with_window(m)
                .report("Hola Maria")
                .get(CheckId::ReplyWindow)
                .unwrap()
                .status
        };
        assert_eq!(status(-30), Status::Fail);
        assert_eq!(status(0), Status::Fail);
        assert_eq!(status(59), Status::Warn);
        assert_eq!(status(60), Status::Warn);
        assert_eq!(status(61), Status::Pass);
        assert_eq!(status(600), Status::Pass);
        // No window (X, or a public post): nothing to say.
        assert_eq!(
            Case::new()
                .report("")
                .get(CheckId::ReplyWindow)
                .unwrap()
                .status,
            Status::Pass
        );
        let d = with_window(-90).fires(CheckId::ReplyWindow, "").unwrap();
        assert!(d.contains("closed"), "{d}");
        let d = with_window(40).fires(CheckId::ReplyWindow, "").unwrap();
        assert!(d.ends_with("closes in 40 min"), "{d}");
        // Counted from when Waypoint first saw the message: said as a bound.
        let mut c = with_window(40);
        if let Some(w) = c.sla.as_mut().and_then(|s| s.window.as_mut()) {
            w.seen_only = true;
        }
        let d = c.fires(CheckId::ReplyWindow, "").unwrap();
        assert!(d.ends_with("closes in at most 40 min"), "{d}");
    }
}
