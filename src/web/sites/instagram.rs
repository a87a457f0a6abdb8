//! Instagram (www.instagram.com): Meta React app; Lexical DM composer, `<textarea>` comments.

use super::{attr, button, text, Profile, SendButton, SendKey, SurfaceProfile, Then};
use crate::core::conversation::{Site, Surface};

/// The conversation is labelled with the other party (§5.1), en/es/de (es/de inferred).
const CONVERSATION_WITH: &[&str] = &[
    "Messages in conversation with ",
    "Conversation with ",
    "Mensajes de la conversación con ",
    "Conversación con ",
    "Nachrichten in der Unterhaltung mit ",
    "Unterhaltung mit ",
];

pub static PROFILE: Profile = Profile {
    site: Site::Instagram,
    surfaces: &[
        SurfaceProfile {
            surface: Surface::Post,
            containers: &[
                // §5.2: the post dialog's article, then the post page's article.
                r#"div[role="dialog"] article"#,
                "main article",
                "article",
            ],
            // §5.2: comment items (the first is the caption) carry a permalink time.
            messages: &["ul li:has(time[datetime])", "ul > li"],
            every: "",
            exclude: &["ul ul"],
            drop: &[],
            id: &[
                attr(r#"a[href*="/c/"]"#, "href", Then::Keep),
                attr("a:has(time)", "href", Then::Keep),
            ],
            author_name: &[text("h3 a"), text("h2 a"), text(r#"a[href^="/"]"#)],
            author_handle: &[
                attr("h3 a", "href", Then::HandleFromHref),
                attr("h2 a", "href", Then::HandleFromHref),
                attr(r#"a[href^="/"]"#, "href", Then::HandleFromHref),
            ],
            time: &[attr("time[datetime]", "datetime", Then::Keep)],
            text: &[text(r#"span[dir="auto"]"#)],
            self_marker: &[],
            self_text: &[],
            unsent: &[],
            focused: &[],
            // §5.1: the nav's profile link (the signed-in account).
            self_handle: &[attr(
                r#"nav a[href^="/"]:has(img[alt$="profile picture"])"#,
                "href",
                Then::HandleFromHref,
            )],
            self_name: &[],
            partner_name: &[],
            partner_handle: &[],
            answering: &[],
            answered: &[],
            // §5.2: the React comment textarea (label localized).
            composer: &[
                r#"textarea[aria-label="Add a comment…"]"#,
                r#"textarea[aria-label="Añade un comentario…"]"#,
                r#"textarea[aria-label="Kommentieren …"]"#,
                "form textarea",
            ],
            // §5.2: the button in the comment form whose text is exactly "Post" (not
            // "Repost" in the action bar), or a submit button; Enter also posts.
            send: &[
                SendButton {
                    sel: r#"form [role="button"]"#,
                    text: &["Post", "Publicar", "Posten", "Teilen"],
                },
                button(r#"form button[type="submit"]"#),
            ],
            send_key: SendKey::Enter,
        },
        SurfaceProfile {
            surface: Surface::Dm,
            containers: &[
                // §5.1: 2025 grid, then the 2026 conversation wrapper (labels localized).
                r#"div[role="grid"][aria-label^="Messages in conversation with "]"#,
                r#"div[role="grid"][aria-label^="Mensajes de la conversación con "]"#,
                r#"div[role="grid"][aria-label^="Nachrichten in der Unterhaltung mit "]"#,
                r#"[aria-label^="Conversation with "]"#,
                r#"[aria-label^="Conversación con "]"#,
                r#"[aria-label^="Unterhaltung mit "]"#,
            ],
            messages: &[
                r#"div[role="gridcell"][data-scope="messages_table"]"#,
                r#"[role="row"]"#,
                // §5.1, 2026: no grid and no row roles. The rows are the children of the
                // element with most children just inside the scroller; a message's content is
                // marked `role=none` or `role=presentation` (gather.js, `ROWS`).
                r#"@rows [role="none"], [role="presentation"]"#,
            ],
            every: "",
            exclude: &[],
            // §5.1: the visually hidden h6 sender label ("You sent").
            drop: &["h6", "h5", r#"[aria-hidden="true"]"#],
            id: &[],
            author_name: &[text("h6")],
            author_handle: &[],
            time: &[attr("time[datetime]", "datetime", Then::Keep)],
            text: &[text(r#"div[dir="auto"]"#)],
            // §5.1: "You sent" label; our bubbles are aligned to the end (computed
            // `justify-content: flex-end` on the content or its ancestors in the row;
            // gather.js, `END`), the only sign left in 2026.
            self_marker: &[r#"@flex-end [role="none"], [role="presentation"]"#],
            self_text: &[(
                "h6",
                &["You sent", "Enviaste", "Has enviado", "Du hast gesendet"],
            )],
            unsent: &[],
            focused: &[],
            self_handle: &[],
            self_name: &[],
            // The name the header's profile link shows in its h2 ("Kai Ng"), else the
            // conversation's label, which may name the handle ("Conversation with kai.ng"): a
            // reply greets Kai, not kai.ng. The inbox beside the thread links to other people's
            // profiles too, never with an h2 (public code, 2026).
            partner_name: &[
                text(r#"a[aria-label^="Open the profile page of "] h2"#),
                attr(
                    r#"[aria-label^="Conversation with "], [aria-label^="Messages in conversation with "], [aria-label^="Conversación con "], [aria-label^="Mensajes de la conversación con "], [aria-label^="Unterhaltung mit "], [aria-label^="Nachrichten in der Unterhaltung mit "]"#,
                    "aria-label",
                    Then::StripPrefix(CONVERSATION_WITH),
                ),
            ],
            // The header's profile link, else one inside the conversation (its avatars): not
            // the first in the page, which may be the inbox's link to another person.
            partner_handle: &[
                attr(
                    r#"a[aria-label^="Open the profile page of "]:has(h2)"#,
                    "href",
                    Then::HandleFromHref,
                ),
                attr(
                    r#"[aria-label^="Conversation with "] a[aria-label^="Open the profile page of "]"#,
                    "href",
                    Then::HandleFromHref,
                ),
            ],
            // §5.1: the Lexical DM composer.
            composer: &[
                r#"[contenteditable="true"][role="textbox"][data-lexical-editor="true"]"#,
                r#"textarea[placeholder*="Message"]"#,
            ],
            answering: &[],
            answered: &[],
            // §5.1: Enter sends; a "Send" button appears once the draft is not empty.
            send: &[
                button(r#"[role="button"][aria-label="Send"]"#),
                SendButton {
                    sel: r#"[role="button"]"#,
                    text: &["Send", "Enviar", "Senden"],
                },
            ],
            send_key: SendKey::Enter,
        },
    ],
    post_dialog: &[
        // §5.2: the post dialog's article.
        r#"div[role="dialog"] article:has(time[datetime])"#,
    ],
    dm_popup: &[],
};
