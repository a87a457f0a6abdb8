//! The vocabulary every feature shares: which site and surface a conversation is on.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A supported social site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Site {
    X,
    Facebook,
    Instagram,
}

impl Site {
    /// Every supported site, in a stable order.
    pub const ALL: [Site; 3] = [Site::X, Site::Facebook, Site::Instagram];

    /// The value of the page contract's `data-site` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Site::X => "x",
            Site::Facebook => "facebook",
            Site::Instagram => "instagram",
        }
    }

    /// The name people know the site by.
    pub fn display_name(self) -> &'static str {
        match self {
            Site::X => "X",
            Site::Facebook => "Facebook",
            Site::Instagram => "Instagram",
        }
    }

    /// Whether the site's own Content-Security-Policy is known to forbid WebAssembly in content
    /// scripts (x.com's `script-src` has no `'wasm-unsafe-eval'`), so the JS translation is used
    /// there without first trying, and failing, a wasm compile that the site would be told about.
    pub fn blocks_wasm(self) -> bool {
        matches!(self, Site::X)
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// Where on a site a conversation happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    /// A public thread: a post with its replies or comments.
    Post,
    /// A private conversation: direct messages or chat.
    Dm,
}

impl Surface {
    /// The value of the page contract's `data-surface` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Post => "post",
            Surface::Dm => "dm",
        }
    }

    /// How the panel names the surface to the agent.
    pub fn label(self) -> &'static str {
        match self {
            Surface::Post => "public thread",
            Surface::Dm => "direct messages",
        }
    }
}

impl fmt::Display for Surface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How far Waypoint got in reading the page: the page contract's `data-state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadState {
    /// The open conversation was read.
    Ready,
    /// No conversation is open (a feed, a profile, an inbox list, a locked chat).
    NoConversation,
    /// A conversation should be open, but its markup was not understood.
    Unrecognized,
}

impl ReadState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadState::Ready => "ready",
            ReadState::NoConversation => "no-conversation",
            ReadState::Unrecognized => "unrecognized",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_values_are_stable() {
        let sites: Vec<_> = Site::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(sites, ["x", "facebook", "instagram"]);
        assert_eq!(Surface::Post.as_str(), "post");
        assert_eq!(Surface::Dm.as_str(), "dm");
        let states = [
            ReadState::Ready,
            ReadState::NoConversation,
            ReadState::Unrecognized,
        ];
        let states: Vec<_> = states.iter().map(|s| s.as_str()).collect();
        assert_eq!(states, ["ready", "no-conversation", "unrecognized"]);
        assert_eq!(
            serde_json::to_string(&ReadState::NoConversation).unwrap(),
            "\"no-conversation\""
        );
    }

    #[test]
    fn serde_uses_contract_values() {
        assert_eq!(
            serde_json::to_string(&Site::Facebook).unwrap(),
            "\"facebook\""
        );
        assert_eq!(serde_json::to_string(&Surface::Dm).unwrap(), "\"dm\"");
        let s: Site = serde_json::from_str("\"instagram\"").unwrap();
        assert_eq!(s, Site::Instagram);
    }

    #[test]
    fn only_x_is_known_to_block_wasm() {
        assert!(Site::X.blocks_wasm());
        assert!(!Site::Facebook.blocks_wasm());
        assert!(!Site::Instagram.blocks_wasm());
    }
}
