//! Facebook (www.facebook.com): Meta's "Comet" React app. No test ids: roles, `data-*`
//! semantic attributes and localized ARIA labels (English, Spanish, German variants; the
//! Spanish and German strings are inferred from Meta's translations and marked so).

use super::{attr, button, text, Profile, SendKey, SurfaceProfile, Then};
use crate::core::conversation::{Site, Surface};

/// "Comment by <Name> <time>" / "Reply by …" (§4.1), with es/de variants (inferred).
const COMMENT_BY: &[&str] = &[
    "Comment by ",
    "Reply by ",
    "Comentario de ",
    "Respuesta de ",
    "Kommentar von ",
    "Antwort von ",
];
/// What follows the name in those labels: a relative time.
const AFTER_NAME: &[&str] = &[
    " a few ", " an hour", " a day", " about ", " hace ", " vor ", " 1", " 2", " 3", " 4", " 5",
    " 6", " 7", " 8", " 9",
];
/// The composer says who we comment as (§4.1): "Comment as <Page>".
const COMMENT_AS: &[&str] = &[
    "Comment as ",
    "Reply as ",
    "Comentar como ",
    "Responder como ",
    "Kommentieren als ",
    "Antworten als ",
];
/// A comment's reply composer names the person answered (§4.1): "Reply to <Name>", with es/de
/// variants (inferred).
const REPLY_TO: &[&str] = &["Reply to ", "Responder a ", "Antworten an "];
/// The reply composers, by those labels.
const REPLY_COMPOSER: &str = r#"[contenteditable="true"][role="textbox"][aria-label^="Reply to "], [contenteditable="true"][role="textbox"][aria-label^="Responder a "], [contenteditable="true"][role="textbox"][aria-label^="Antworten an "]"#;
/// A comment's reply composer when we reply as a Page (§4.1: "Reply as <Actor>"; es/de
/// inferred): it names us, not the person answered.
const REPLY_AS_COMPOSER: &str = r#"[contenteditable="true"][role="textbox"][aria-label^="Reply as "], [contenteditable="true"][role="textbox"][aria-label^="Responder como "], [contenteditable="true"][role="textbox"][aria-label^="Antworten als "]"#;
/// The composers labelled with who we comment as ([`COMMENT_AS`]): a reply composer open above
/// them ("Reply to <Name>") does not hide who we are.
const OUR_COMPOSER: &str = r#"[contenteditable="true"][role="textbox"][aria-label^="Comment as "], [contenteditable="true"][role="textbox"][aria-label^="Reply as "], [contenteditable="true"][role="textbox"][aria-label^="Comentar como "], [contenteditable="true"][role="textbox"][aria-label^="Responder como "], [contenteditable="true"][role="textbox"][aria-label^="Kommentieren als "], [contenteditable="true"][role="textbox"][aria-label^="Antworten als "]"#;
/// The Messenger composer names the other party (§4.2): "Write to <Name>".
const WRITE_TO: &[&str] = &[
    "Write to ",
    "Escribe a ",
    "Escribir a ",
    "Schreib an ",
    "Schreibe an ",
];
/// The message log names the other party (§4.2).
const LOG_WITH: &[&str] = &[
    "Messages in conversation with ",
    "Mensajes de la conversación con ",
    "Nachrichten in der Unterhaltung mit ",
];

pub static PROFILE: Profile = Profile {
    site: Site::Facebook,
    surfaces: &[
        SurfaceProfile {
            surface: Surface::Post,
            containers: &[
                // §4.1: a post opened as a dialog, then the post page's main region.
                r#"div[role="dialog"][aria-labelledby]"#,
                r#"div[role="main"]"#,
            ],
            messages: &[
                // §4.1: the post (the article holding the story message), then comments and
                // replies (labels localized).
                r#"[role="article"]:has([data-ad-rendering-role="story_message"]), [role="article"][aria-label^="Comment by "], [role="article"][aria-label^="Reply by "], [role="article"][aria-label^="Comentario de "], [role="article"][aria-label^="Respuesta de "], [role="article"][aria-label^="Kommentar von "], [role="article"][aria-label^="Antwort von "]"#,
                // Structure only: the post and any labelled article (comments labelled in a
                // language not listed), then any article (comment labels gone).
                r#"[role="article"]:has([data-ad-rendering-role="story_message"]), [role="article"][aria-label]"#,
                r#"[role="article"]"#,
            ],
            // Each message is an article (§4.1): a list that leaves one out is passed over.
            every: r#"[role="article"]"#,
            // A comment's replies are articles of their own.
            exclude: &[r#"[role="article"]"#],
            drop: &[r#"[aria-hidden="true"]"#],
            id: &[
                attr(
                    r#"a[href*="reply_comment_id="]"#,
                    "href",
                    Then::Query("reply_comment_id"),
                ),
                attr(
                    r#"a[href*="comment_id="]"#,
                    "href",
                    Then::Query("comment_id"),
                ),
            ],
            author_name: &[
                attr("", "aria-label", Then::Between(COMMENT_BY, AFTER_NAME)),
                text(r#"[data-ad-rendering-role="profile_name"] strong"#),
                text(r#"a[href^="/"] span"#),
            ],
            // Facebook people are known by name; profile slugs are not shown to the agent.
            author_handle: &[],
            time: &[text(r#"a[href*="comment_id="]"#)],
            text: &[
                text(r#"[data-ad-rendering-role="story_message"]"#),
                text(r#"div[dir="auto"]"#),
            ],
            self_marker: &[],
            self_text: &[],
            unsent: &[],
            focused: &[],
            self_handle: &[],
            self_name: &[attr(
                OUR_COMPOSER,
                "aria-label",
                Then::StripPrefix(COMMENT_AS),
            )],
            // Several people comment on a post. Once the agent opens the reply box under one
            // comment ("Reply to Jane Doe"), its author is the customer answered: the
            // suggestions read their words and address them. Without one, the latest
            // commenter is.
            partner_name: &[attr(
                REPLY_COMPOSER,
                "aria-label",
                Then::StripPrefix(REPLY_TO),
            )],
            partner_handle: &[],
            // Commenting as a Page, the reply box names the Page, not the person ("Reply as
            // Acme Coffee"): the customer is then the commenter the box sits under.
            answering: &[REPLY_AS_COMPOSER],
            // §4.1: top-level comments ("Comment by <Name>"; es/de inferred). The box sits
            // below the comment's replies, and answers the comment.
            answered: &[
                r#"[role="article"][aria-label^="Comment by "], [role="article"][aria-label^="Comentario de "], [role="article"][aria-label^="Kommentar von "]"#,
            ],
            // §4.1: the reply box the agent opened under a comment, then the Lexical comment
            // composer.
            composer: &[
                REPLY_COMPOSER,
                REPLY_AS_COMPOSER,
                r#"form[role="presentation"] [contenteditable="true"][role="textbox"]"#,
                r#"[contenteditable="true"][role="textbox"][data-lexical-editor="true"]"#,
            ],
            // §4.1: Enter submits a comment; the 2026 button is labelled "Post comment".
            send: &[
                button(r#"[role="button"][aria-label="Post comment"]"#),
                button(r#"[role="button"][aria-label="Comment"]"#),
                button(r#"[role="button"][aria-label="Publicar comentario"]"#),
                button(r#"[role="button"][aria-label="Kommentar posten"]"#),
            ],
            send_key: SendKey::Enter,
        },
        SurfaceProfile {
            surface: Surface::Dm,
            containers: &[
                // §4.2: 2026 Messenger log, then the older grid; English, then es/de (inferred).
                r#"div[role="log"][aria-label^="Messages in conversation"]"#,
                r#"div[role="log"][aria-label^="Mensajes de la conversación"]"#,
                r#"div[role="log"][aria-label^="Nachrichten in der Unterhaltung"]"#,
                r#"div[role="grid"][aria-label^="Messages in conversation"]"#,
                r#"div[role="main"] div[role="log"]"#,
            ],
            messages: &[r#"[aria-roledescription="message"]"#],
            every: "",
            exclude: &[],
            drop: &[r#"[aria-hidden="true"]"#],
            id: &[],
            author_name: &[
                attr("", "aria-label", Then::LabelSender),
                attr("img[alt]", "alt", Then::Keep),
            ],
            author_handle: &[],
            time: &[attr("", "aria-label", Then::LabelTime)],
            text: &[
                text(r#"div[dir="auto"]"#),
                attr("", "aria-label", Then::LabelText),
            ],
            self_marker: &[],
            self_text: &[],
            unsent: &[],
            focused: &[],
            self_handle: &[],
            self_name: &[],
            partner_name: &[
                attr(
                    r#"[contenteditable="true"][role="textbox"][aria-label]"#,
                    "aria-label",
                    Then::StripPrefix(WRITE_TO),
                ),
                attr(
                    r#"div[role="log"][aria-label]"#,
                    "aria-label",
                    Then::StripPrefix(LOG_WITH),
                ),
            ],
            partner_handle: &[],
            answering: &[],
            answered: &[],
            // §4.2: the Lexical composer "Write to <Name>".
            composer: &[
                // "Write to <Name>" first: over a feed, other Lexical boxes exist (the post
                // composer), and the chat's is the one labelled for the other party.
                r#"[contenteditable="true"][role="textbox"][aria-label^="Write to "]"#,
                r#"[contenteditable="true"][role="textbox"][aria-label^="Escribe a "]"#,
                r#"[contenteditable="true"][role="textbox"][aria-label^="Escribir a "]"#,
                r#"[contenteditable="true"][role="textbox"][aria-label^="Schreib"]"#,
                r#"[contenteditable="true"][role="textbox"][data-lexical-editor="true"]"#,
                r#"[contenteditable="true"][role="textbox"]"#,
            ],
            // §4.2: Enter is the usual way to send; older layouts had a labelled button.
            send: &[
                button(r#"[role="button"][aria-label="Press Enter to send"]"#),
                button(r#"[role="button"][aria-label="Press enter to send"]"#),
                button(r#"[role="button"][aria-label="Send"]"#),
                button(r#"[role="button"][aria-label="Enviar"]"#),
                button(r#"[role="button"][aria-label="Senden"]"#),
            ],
            send_key: SendKey::Enter,
        },
    ],
    post_dialog: &[
        // §4.1: a post opened as a dialog (role=dialog, labelled) holding a story message.
        r#"div[role="dialog"][aria-labelledby]:has([data-ad-rendering-role="story_message"])"#,
    ],
    dm_popup: &[
        // §4.2: an open mini-chat has "Close chat" (es/de labels inferred) and shares the
        // thread's message log.
        r#"[aria-label="Close chat"]"#,
        r#"[aria-label="Cerrar chat"]"#,
        r#"[aria-label="Chat schließen"]"#,
    ],
};
