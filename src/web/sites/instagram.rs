//! Instagram (www.instagram.com): Meta React app; Lexical DM composer, `<textarea>` comments.

use super::{Profile, SurfaceProfile};
use crate::core::conversation::{Site, Surface};

pub static PROFILE: Profile = Profile {
    site: Site::Instagram,
    surfaces: &[
        SurfaceProfile {
            surface: Surface::Post,
            containers: &[
                // sites.md §5.2: the post dialog's article, then the post page's article.
                r#"div[role="dialog"] article"#,
                "main article",
                "article",
            ],
            // sites.md §5.2: comment items carry a permalink time.
            messages: &["ul li:has(time[datetime])"],
        },
        SurfaceProfile {
            surface: Surface::Dm,
            containers: &[
                // sites.md §5.1: 2025 grid, then the 2026 conversation wrapper.
                r#"div[role="grid"][aria-label^="Messages in conversation with "]"#,
                r#"[aria-label^="Conversation with "]"#,
            ],
            messages: &[
                r#"div[role="gridcell"][data-scope="messages_table"]"#,
                r#"[role="row"]"#,
            ],
        },
    ],
};
