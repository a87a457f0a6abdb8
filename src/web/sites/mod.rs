//! Site profiles: what Waypoint knows of each site's markup, kept as data.
//!
//! Each surface lists selectors in order of preference (stable `data-testid` and roles first,
//! localized labels next, structure last); the first that matches wins. When a site changes its
//! markup, the profile changes, not the code that reads it. The facts behind every selector are
//! in the shared research notes (`research/sites.md`), cited per line.

pub mod facebook;
pub mod instagram;
pub mod x;

use crate::core::conversation::{Site, Surface};

/// What Waypoint looks for on one surface of a site.
#[derive(Debug)]
pub struct SurfaceProfile {
    pub surface: Surface,
    /// The element holding the open conversation, in order of preference.
    pub containers: &'static [&'static str],
    /// One message (post, comment, reply or chat message) inside the container.
    pub messages: &'static [&'static str],
}

/// A site's profile: one entry per surface.
#[derive(Debug)]
pub struct Profile {
    pub site: Site,
    pub surfaces: &'static [SurfaceProfile],
}

impl Profile {
    pub fn surface(&self, surface: Surface) -> Option<&'static SurfaceProfile> {
        self.surfaces.iter().find(|s| s.surface == surface)
    }
}

/// The profile of a supported site.
pub fn profile(site: Site) -> &'static Profile {
    match site {
        Site::X => &x::PROFILE,
        Site::Facebook => &facebook::PROFILE,
        Site::Instagram => &instagram::PROFILE,
    }
}
