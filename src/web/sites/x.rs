//! X (x.com, twitter.com). Nearly everything has a `data-testid`, which is not localized.

use super::{Profile, SurfaceProfile};
use crate::core::conversation::{Site, Surface};

pub static PROFILE: Profile = Profile {
    site: Site::X,
    surfaces: &[
        SurfaceProfile {
            surface: Surface::Post,
            containers: &[
                // sites.md §3.1: the conversation timeline (label is localized, so it is not first).
                r#"[data-testid="primaryColumn"] section[role="region"]"#,
                r#"div[aria-label="Timeline: Conversation"]"#,
                r#"[data-testid="primaryColumn"]"#,
            ],
            // sites.md §3.1: tweet container, high confidence.
            messages: &[r#"article[data-testid="tweet"]"#],
        },
        SurfaceProfile {
            surface: Surface::Dm,
            containers: &[
                // sites.md §3.2: X Chat message list, then the legacy DM viewport.
                r#"[data-testid="dm-message-list"]"#,
                r#"[data-testid="DmActivityViewport"]"#,
            ],
            messages: &[
                r#"[data-testid^="message-"]:not([data-testid^="message-text-"]):not([data-testid^="message-list"])"#,
                r#"[data-testid="messageEntry"]"#,
            ],
        },
    ],
};
