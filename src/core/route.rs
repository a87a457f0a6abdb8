//! Which page am I on? Pure predicates over a URL, one place for all three sites.
//!
//! The content script only runs on the hosts of [`Site::from_host`]; within a site the path
//! says whether a conversation can be open and on which [`Surface`]. A post opened as a dialog
//! over a feed is recognised from the page itself, not from here.

use crate::core::conversation::{Site, Surface};
use serde::Serialize;

/// What the URL alone says about the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route {
    pub site: Site,
    /// `None` where no conversation is open (a feed, a profile, the inbox list).
    pub surface: Option<Surface>,
    /// The site's id for the conversation (post id, shortcode or thread id) when the URL has one.
    pub thread: Option<String>,
    /// X Chat asks for a passcode before anything can be read.
    pub locked: bool,
}

impl Site {
    /// The site served at `host`, if Waypoint supports it. Only the hosts the manifest's content
    /// scripts match are accepted: `mobile.x.com` or `business.facebook.com` are different apps.
    pub fn from_host(host: &str) -> Option<Site> {
        match host.to_ascii_lowercase().trim_end_matches('.') {
            "x.com" | "twitter.com" => Some(Site::X),
            "www.facebook.com" => Some(Site::Facebook),
            "www.instagram.com" => Some(Site::Instagram),
            _ => None,
        }
    }
}

/// Splits an absolute `https://host/path?query#fragment` URL into host, path and query.
fn split_url(url: &str) -> Option<(&str, &str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let rest = rest.split('#').next().unwrap_or("");
    let (authority, path_and_query) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, q),
        None => (path_and_query, ""),
    };
    Some((host, path, query))
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

fn is_x_handle(s: &str) -> bool {
    (1..=15).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Classifies a page URL. Returns `None` for hosts Waypoint does not run on.
pub fn classify(url: &str) -> Option<Route> {
    if let Some(rest) = url.strip_prefix("chrome-extension://") {
        return practice(rest);
    }
    let (host, path, query) = split_url(url)?;
    let site = Site::from_host(host)?;
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut route = Route {
        site,
        surface: None,
        thread: None,
        locked: false,
    };
    let (surface, thread) = match (site, segs.as_slice()) {
        // x.com/<handle>/status/<id>[/photo/1…]
        (Site::X, [user, "status", id, ..]) if is_x_handle(user) && is_digits(id) => {
            (Some(Surface::Post), Some(*id))
        }
        (Site::X, ["i", "web", "status", id, ..]) if is_digits(id) => {
            (Some(Surface::Post), Some(*id))
        }
        // X Chat: /i/chat/<conversation>; /i/chat/pin/… is the passcode gate.
        (Site::X, ["i", "chat", "pin", ..]) => {
            route.locked = true;
            (Some(Surface::Dm), None)
        }
        (Site::X, ["i", "chat", id, ..]) => (Some(Surface::Dm), Some(*id)),
        // Legacy DMs, kept as a fallback while they still answer.
        (Site::X, ["messages", id, ..]) if *id != "compose" => (Some(Surface::Dm), Some(*id)),
        (Site::Facebook, ["messages", "t", id, ..])
        | (Site::Facebook, ["messages", "e2ee", "t", id, ..]) => (Some(Surface::Dm), Some(*id)),
        (Site::Facebook, [_, "posts", id, ..])
        | (Site::Facebook, ["groups", _, "posts", id, ..])
        | (Site::Facebook, ["groups", _, "permalink", id, ..])
        | (Site::Facebook, [_, "videos", id, ..]) => (Some(Surface::Post), Some(*id)),
        (Site::Facebook, ["permalink.php"]) | (Site::Facebook, ["story.php"]) => {
            (Some(Surface::Post), query_param(query, "story_fbid"))
        }
        (Site::Facebook, ["photo"]) | (Site::Facebook, ["photo.php"]) => {
            (Some(Surface::Post), query_param(query, "fbid"))
        }
        (Site::Instagram, ["direct", "t", id, ..]) => (Some(Surface::Dm), Some(*id)),
        (Site::Instagram, ["p", code, ..]) | (Site::Instagram, ["reel", code, ..]) => {
            (Some(Surface::Post), Some(*code))
        }
        (Site::Instagram, [_, "p", code, ..]) | (Site::Instagram, [_, "reel", code, ..]) => {
            (Some(Surface::Post), Some(*code))
        }
        _ => (None, None),
    };
    route.surface = surface;
    // Kept to a length no site's id comes near: conversations are remembered by it, and a
    // page could make its URL as long as it likes.
    route.thread = thread.map(|t| t.chars().take(MAX_THREAD).collect());
    Some(route)
}

/// The most characters of a conversation's id that are kept (real ones are under 80).
pub const MAX_THREAD: usize = 200;

/// Whether `url` is the extension's practice page (where nothing the agent sends is real).
pub fn is_practice(url: &str) -> bool {
    url.strip_prefix("chrome-extension://")
        .and_then(practice)
        .is_some()
}

/// The extension's practice page (`<id>/practice.html?c=<conversation>`): an X Chat
/// conversation of its own making (`extension/practice.js`), read as X Chat is.
fn practice(rest: &str) -> Option<Route> {
    let rest = rest.split('#').next()?;
    let (_, page) = rest.split_once('/')?;
    let (path, query) = page.split_once('?').unwrap_or((page, ""));
    (path == "practice.html").then(|| Route {
        site: Site::X,
        surface: Some(Surface::Dm),
        thread: Some(query_param(query, "c").unwrap_or("billing").to_owned()),
        locked: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(url: &str) -> Option<(Site, Option<Surface>, Option<String>)> {
        classify(url).map(|r| (r.site, r.surface, r.thread))
    }

    #[test]
    fn unsupported_hosts_get_nothing() {
        for url in [
            "https://example.com/",
            "https://mobile.x.com/jack/status/20",
            "https://business.facebook.com/latest/inbox",
            "https://facebook.com.evil.example/messages/t/1",
            "https://x.com.evil.example/jack/status/20",
            "chrome-extension://abc/options.html",
            "chrome-extension://abc/sub/practice.html",
            "not a url",
        ] {
            assert_eq!(classify(url), None, "{url}");
        }
    }

    #[test]
    fn x_routes() {
        use Surface::*;
        let post = |id: &str| Some((Site::X, Some(Post), Some(id.to_owned())));
        assert_eq!(
            c("https://x.com/AcmeHelp/status/1850000000000000001"),
            post("1850000000000000001")
        );
        assert_eq!(
            c("https://twitter.com/a_b/status/42/photo/1?s=20"),
            post("42")
        );
        assert_eq!(c("https://x.com/i/web/status/77"), post("77"));
        assert_eq!(c("https://X.COM/jack/status/20#reply"), post("20"));
        assert_eq!(
            c("https://x.com/i/chat/123-456"),
            Some((Site::X, Some(Dm), Some("123-456".into())))
        );
        assert_eq!(c("https://x.com/home"), Some((Site::X, None, None)));
        assert_eq!(c("https://x.com/jack"), Some((Site::X, None, None)));
        assert_eq!(c("https://x.com/i/chat"), Some((Site::X, None, None)));
        assert_eq!(
            c("https://x.com/this_handle_is_too_long/status/1"),
            Some((Site::X, None, None))
        );
        assert_eq!(
            c("https://x.com/jack/status/notanid"),
            Some((Site::X, None, None))
        );
    }

    #[test]
    fn only_the_practice_page_is_practice() {
        assert!(is_practice("chrome-extension://abc/practice.html?c=late"));
        assert!(!is_practice("chrome-extension://abc/options.html"));
        assert!(!is_practice("https://x.com/i/chat/123"));
        assert!(!is_practice("https://x.com/practice.html"));
    }

    #[test]
    fn the_practice_page_is_an_x_chat_conversation_named_by_its_query() {
        let dm = |id: &str| Some((Site::X, Some(Surface::Dm), Some(id.to_owned())));
        assert_eq!(c("chrome-extension://abc/practice.html"), dm("billing"));
        assert_eq!(
            c("chrome-extension://abc/practice.html?c=late#top"),
            dm("late")
        );
        assert_eq!(c("chrome-extension://abc/practice.html?x=1&c=es"), dm("es"));
    }

    #[test]
    fn an_overlong_conversation_id_is_cut_to_a_bound() {
        let id = "7".repeat(100_000);
        let r = classify(&format!("https://x.com/i/chat/{id}")).unwrap();
        assert_eq!(r.thread.as_deref().map(str::len), Some(MAX_THREAD));
        // Letters beyond ASCII are cut between characters.
        let r = classify(&format!(
            "https://www.instagram.com/direct/t/{}",
            "é".repeat(300)
        ))
        .unwrap();
        assert_eq!(r.thread.unwrap().chars().count(), MAX_THREAD);
        let r = classify("https://x.com/i/chat/123-456").unwrap();
        assert_eq!(r.thread.as_deref(), Some("123-456"));
    }

    #[test]
    fn x_chat_passcode_gate_is_locked() {
        let r = classify("https://x.com/i/chat/pin/recovery").unwrap();
        assert_eq!(r.surface, Some(Surface::Dm));
        assert!(r.locked);
        assert!(!classify("https://x.com/i/chat/9").unwrap().locked);
    }

    #[test]
    fn facebook_routes() {
        use Surface::*;
        let fb = |s, id: &str| Some((Site::Facebook, Some(s), Some(id.to_owned())));
        assert_eq!(
            c("https://www.facebook.com/messages/t/100012345"),
            fb(Dm, "100012345")
        );
        assert_eq!(
            c("https://www.facebook.com/messages/e2ee/t/99"),
            fb(Dm, "99")
        );
        assert_eq!(
            c("https://www.facebook.com/AcmeCo/posts/pfbid02abc"),
            fb(Post, "pfbid02abc")
        );
        assert_eq!(
            c("https://www.facebook.com/groups/7/posts/8/"),
            fb(Post, "8")
        );
        assert_eq!(
            c("https://www.facebook.com/permalink.php?story_fbid=55&id=4"),
            fb(Post, "55")
        );
        assert_eq!(
            c("https://www.facebook.com/photo/?fbid=12&set=a.1"),
            fb(Post, "12")
        );
        assert_eq!(
            c("https://www.facebook.com/"),
            Some((Site::Facebook, None, None))
        );
        assert_eq!(
            c("https://www.facebook.com/permalink.php?id=4"),
            Some((Site::Facebook, Some(Post), None))
        );
    }

    #[test]
    fn instagram_routes() {
        use Surface::*;
        let ig = |s, id: &str| Some((Site::Instagram, Some(s), Some(id.to_owned())));
        assert_eq!(
            c("https://www.instagram.com/direct/t/3401/"),
            ig(Dm, "3401")
        );
        assert_eq!(
            c("https://www.instagram.com/p/Cx1_abc/"),
            ig(Post, "Cx1_abc")
        );
        assert_eq!(
            c("https://www.instagram.com/reel/Dz9/?igsh=1"),
            ig(Post, "Dz9")
        );
        assert_eq!(c("https://www.instagram.com/acme/p/Cx1/"), ig(Post, "Cx1"));
        assert_eq!(
            c("https://www.instagram.com/direct/inbox/"),
            Some((Site::Instagram, None, None))
        );
        assert_eq!(
            c("https://www.instagram.com/acme/"),
            Some((Site::Instagram, None, None))
        );
    }
}
