//! X (x.com, twitter.com). Nearly everything has a `data-testid`, which is not localized.

use super::{attr, button, text, Field, Profile, SendKey, SurfaceProfile, Then};
use crate::core::conversation::{Site, Surface};

const AVATAR: &[&str] = &["UserAvatar-Container-"];

static SELF_HANDLE: [Field; 2] = [
    // §3.1 self handle: the account switcher's avatar test id suffix, then the profile tab.
    attr(
        r#"[data-testid="SideNav_AccountSwitcher_Button"] [data-testid^="UserAvatar-Container-"]"#,
        "data-testid",
        Then::StripPrefix(AVATAR),
    ),
    attr(
        r#"a[data-testid="AppTabBar_Profile_Link"]"#,
        "href",
        Then::HandleFromHref,
    ),
];

pub static PROFILE: Profile = Profile {
    site: Site::X,
    surfaces: &[
        SurfaceProfile {
            surface: Surface::Post,
            containers: &[
                // §3.1: the primary column's timeline region (the label is localized: second).
                r#"[data-testid="primaryColumn"] section[role="region"]"#,
                r#"div[aria-label="Timeline: Conversation"]"#,
                r#"div[aria-label="Cronología: Conversación"]"#,
                r#"div[aria-label="Timeline: Unterhaltung"]"#,
                r#"[data-testid="primaryColumn"]"#,
            ],
            // §3.1: tweet container, high confidence; the role is the fallback.
            messages: &[
                r#"article[data-testid="tweet"]"#,
                r#"[data-testid="cellInnerDiv"] article[role="article"]"#,
            ],
            // §3.1: a quoted post is a div[role="link"] inside the article.
            every: "",
            exclude: &[r#"div[role="link"]"#],
            drop: &[],
            id: &[attr(r#"a[href*="/status/"]"#, "href", Then::StatusId)],
            author_name: &[
                text(r#"[data-testid="User-Name"] a[href^="/"]:not([tabindex="-1"])"#),
                text(r#"[data-testid="User-Name"] span"#),
            ],
            author_handle: &[
                attr(
                    r#"[data-testid^="UserAvatar-Container-"]"#,
                    "data-testid",
                    Then::StripPrefix(AVATAR),
                ),
                attr(
                    r#"[data-testid="User-Name"] a[href^="/"]"#,
                    "href",
                    Then::HandleFromHref,
                ),
            ],
            time: &[attr("time[datetime]", "datetime", Then::Keep), text("time")],
            text: &[
                text(r#"[data-testid="tweetText"]"#),
                text(r#"div[lang][dir="auto"]"#),
            ],
            self_marker: &[],
            self_text: &[],
            unsent: &[],
            focused: &[r#"[tabindex="-1"]"#],
            self_handle: &SELF_HANDLE,
            self_name: &[],
            partner_name: &[],
            partner_handle: &[],
            answering: &[],
            answered: &[],
            // §3.1: Draft.js reply composer, then the mobile textarea.
            composer: &[
                r#"[data-testid="tweetTextarea_0"]"#,
                r#"div[data-testid^="tweetTextarea"] textarea"#,
            ],
            // §3.1: inline reply and modal post buttons; Ctrl/Cmd+Enter posts (§7).
            send: &[
                button(r#"[data-testid="tweetButtonInline"]"#),
                button(r#"[data-testid="tweetButton"]"#),
            ],
            send_key: SendKey::ModEnter,
        },
        SurfaceProfile {
            surface: Surface::Dm,
            containers: &[
                // §3.2: X Chat message list, then the legacy DM viewport.
                r#"[data-testid="dm-message-list"]"#,
                r#"[data-testid="DmActivityViewport"]"#,
            ],
            messages: &[
                r#"[data-testid^="message-"]:not([data-testid^="message-text-"]):not([data-testid^="message-list"]):not([data-testid$="-container"])"#,
                r#"[data-testid="messageEntry"]"#,
            ],
            every: "",
            exclude: &[],
            // §3.2: the time text inside the bubble is aria-hidden.
            drop: &[r#"[aria-hidden="true"]"#],
            id: &[attr("", "data-testid", Then::StripPrefix(&["message-"]))],
            author_name: &[],
            author_handle: &[],
            time: &[
                text(r#"[aria-hidden="true"]"#),
                attr("time[datetime]", "datetime", Then::Keep),
            ],
            text: &[
                text(r#"[data-testid^="message-text-"] span[dir="auto"]"#),
                text(r#"[data-testid^="message-text-"]"#),
            ],
            // §3.2: our messages are aligned to the end (Tailwind class), the customer's to
            // the start; a message with neither class (classes renamed) is ours when its
            // bubble is pushed to the end of the row (computed style, gather.js `END`).
            self_marker: &[
                ".justify-end",
                "@theirs .justify-start",
                r#"@flex-end [data-testid^="message-text-"]"#,
            ],
            self_text: &[],
            // §3.2: a message that failed to send carries "Failed, Try Again".
            unsent: &[r#"[data-testid="dm-message-failed"]"#],
            focused: &[],
            self_handle: &SELF_HANDLE,
            self_name: &[],
            partner_name: &[text(r#"[data-testid="dm-conversation-username"]"#)],
            partner_handle: &[attr(
                r#"[data-testid="dm-conversation-header"] a[href]"#,
                "href",
                Then::HandleFromHref,
            )],
            composer: &[
                r#"textarea[data-testid="dm-composer-textarea"]"#,
                r#"[data-testid="dmComposerTextInput"]"#,
            ],
            answering: &[],
            answered: &[],
            // §3.2: the send button (rendered once the draft is not empty); Enter sends.
            send: &[
                button(r#"[data-testid="dm-composer-send-button"]"#),
                button(r#"[data-testid="dmComposerSendButton"]"#),
            ],
            send_key: SendKey::Enter,
        },
    ],
    post_dialog: &[],
    dm_popup: &[],
};
