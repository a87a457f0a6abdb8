//! Where Waypoint's panel goes so that it never covers the site's composer or send button:
//! pure geometry, so that it is tested natively.

/// The site's composer and send button, as one box in viewport coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zone {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Zone {
    /// The smallest box holding both.
    pub fn union(self, other: Zone) -> Zone {
        Zone {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }
}

/// The panel's distance from the viewport's edge (as in panel.css) and from the zone.
pub const MARGIN: f64 = 16.0;
const GAP: f64 = 8.0;
/// Less room than this for the body and the panel shows only its header there.
const MIN_BODY: f64 = 48.0;

#[derive(Debug, PartialEq)]
pub struct Plan {
    /// Anchored to the top edge (else the bottom edge).
    pub top: bool,
    /// The body's height limit, when it does not fit.
    pub body_max: Option<f64>,
}

/// Where the panel goes so that it does not cover `zone`: `None` when its usual bottom corner
/// is clear. `left`/`right` are the card's horizontal extent, `natural` its full height and
/// `header` the height of its header, `vh` the viewport's height.
pub fn dodge_plan(
    zone: Zone,
    left: f64,
    right: f64,
    natural: f64,
    header: f64,
    vh: f64,
) -> Option<Plan> {
    let beside = right <= zone.left || left >= zone.right;
    let usual_top = vh - MARGIN - natural;
    let clear = zone.bottom <= usual_top - GAP || zone.top >= vh - MARGIN || zone.bottom <= 0.0;
    if beside || clear {
        return None;
    }
    let above = zone.top - MARGIN - GAP;
    let below = vh - zone.bottom - MARGIN - GAP;
    if above >= natural {
        return Some(Plan {
            top: true,
            body_max: None,
        });
    }
    let top = above >= below;
    let room = if top { above } else { below };
    Some(Plan {
        top,
        body_max: Some(if room - header < MIN_BODY {
            0.0
        } else {
            room - header
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const Z: Zone = Zone {
        left: 480.0,
        top: 285.0,
        right: 1080.0,
        bottom: 350.0,
    };

    #[test]
    fn a_clear_corner_stays_put() {
        // The composer is left of the panel.
        let z = Zone { right: 900.0, ..Z };
        assert_eq!(dodge_plan(z, 944.0, 1264.0, 480.0, 40.0, 800.0), None);
        // The composer is well above the panel.
        assert_eq!(dodge_plan(Z, 944.0, 1264.0, 300.0, 40.0, 800.0), None);
    }

    #[test]
    fn a_covered_composer_moves_the_panel_to_the_side_with_more_room() {
        // 480 px tall over a composer at 285–350 in an 800 px viewport: below has 426 px.
        let p = dodge_plan(Z, 944.0, 1264.0, 480.0, 40.0, 800.0).unwrap();
        assert_eq!(
            p,
            Plan {
                top: false,
                body_max: Some(386.0)
            }
        );
        // A composer low on the page sends the panel to the top, where it fits whole.
        let low = Zone {
            top: 700.0,
            bottom: 760.0,
            ..Z
        };
        let p = dodge_plan(low, 944.0, 1264.0, 480.0, 40.0, 800.0).unwrap();
        assert_eq!(
            p,
            Plan {
                top: true,
                body_max: None
            }
        );
    }

    #[test]
    fn no_room_leaves_only_the_header() {
        // A 300 px viewport with the composer in its middle: 76 px above, 76 below.
        let mid = Zone {
            top: 100.0,
            bottom: 200.0,
            ..Z
        };
        let p = dodge_plan(mid, 944.0, 1264.0, 900.0, 40.0, 300.0).unwrap();
        assert_eq!(p.body_max, Some(0.0));
    }
}
