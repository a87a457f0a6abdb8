//! Facebook (www.facebook.com): Meta's "Comet" React app. No test ids: roles, `data-*`
//! semantic attributes and (localized) ARIA labels.

use super::{Profile, SurfaceProfile};
use crate::core::conversation::{Site, Surface};

pub static PROFILE: Profile = Profile {
    site: Site::Facebook,
    surfaces: &[
        SurfaceProfile {
            surface: Surface::Post,
            containers: &[
                // sites.md §4.1: a post opened as a dialog, then the post page's main region.
                r#"div[role="dialog"][aria-labelledby]"#,
                r#"div[role="main"]"#,
            ],
            messages: &[
                // sites.md §4.1: post text, then comments and replies (labels localized).
                r#"[data-ad-rendering-role="story_message"], [role="article"][aria-label^="Comment by "], [role="article"][aria-label^="Reply by "]"#,
            ],
        },
        SurfaceProfile {
            surface: Surface::Dm,
            containers: &[
                // sites.md §4.2: 2026 Messenger log, then the older grid.
                r#"div[role="log"][aria-label^="Messages in conversation"]"#,
                r#"div[role="grid"][aria-label^="Messages in conversation"]"#,
                r#"div[role="main"] div[role="log"]"#,
            ],
            messages: &[r#"[aria-roledescription="message"]"#],
        },
    ],
};
