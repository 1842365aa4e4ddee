//! How each kind of point looks: radius by tier, colour and fill by status, colour by delivery
//! frequency. Plain data, so the map draws with it and the legend explains the very same styles.

use cundi_core::{Frequency, Status, Tier};

/// The look of one circle marker, in Leaflet's path-option terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerStyle {
    /// Pixels.
    pub radius: f64,
    /// Stroke colour.
    pub color: &'static str,
    /// Stroke width in pixels.
    pub weight: f64,
    /// `None` draws the circle hollow.
    pub fill: Option<&'static str>,
    pub fill_opacity: f64,
    /// SVG/canvas dash pattern for the stroke, e.g. `"3 3"`.
    pub dash: Option<&'static str>,
}

pub const OPERATING: &str = "#1d4ed8";
pub const SUSPENDED: &str = "#d97706";
pub const CLOSED: &str = "#6b7280";
pub const PLANNED: &str = "#1d4ed8";

pub const FREQ_DAILY: &str = "#15803d";
pub const FREQ_BELOW_DAILY: &str = "#ea580c";
pub const FREQ_UNSERVED: &str = "#dc2626";
pub const FREQ_UNKNOWN: &str = "#9ca3af";

/// County outlines.
pub const BOUNDARY: &str = "#475569";
/// The ring drawn around the selected station.
pub const SELECTED: &str = "#111827";
/// The device's position ("near me"): a dot in a halo, (colour, fill opacity).
pub const YOU: (&str, f64) = ("#0ea5e9", 1.0);
pub const YOU_HALO: (&str, f64) = ("#0ea5e9", 0.25);

pub fn tier_radius(tier: Tier) -> f64 {
    match tier {
        Tier::CountyCenter => 11.0,
        Tier::TownshipStation => 8.0,
        Tier::VillagePoint => 5.5,
    }
}

pub fn station_style(tier: Tier, status: Status) -> MarkerStyle {
    let radius = tier_radius(tier);
    let weight = match tier {
        Tier::CountyCenter => 2.5,
        _ => 1.5,
    };
    match status {
        Status::Operating => MarkerStyle {
            radius,
            color: "#ffffff",
            weight,
            fill: Some(OPERATING),
            fill_opacity: 0.9,
            dash: None,
        },
        Status::Suspended => MarkerStyle {
            radius,
            color: "#7c2d12",
            weight,
            fill: Some(SUSPENDED),
            fill_opacity: 0.9,
            dash: None,
        },
        Status::Closed => MarkerStyle {
            radius,
            color: CLOSED,
            weight: weight + 0.5,
            fill: None,
            fill_opacity: 0.0,
            dash: Some("3 3"),
        },
        Status::Planned => MarkerStyle {
            radius,
            color: PLANNED,
            weight: weight + 0.5,
            fill: None,
            fill_opacity: 0.0,
            dash: Some("1 3"),
        },
    }
}

pub fn frequency_color(f: Frequency) -> &'static str {
    match f {
        Frequency::Daily => FREQ_DAILY,
        Frequency::BelowDaily => FREQ_BELOW_DAILY,
        Frequency::Unserved => FREQ_UNSERVED,
        Frequency::Unknown => FREQ_UNKNOWN,
    }
}

pub fn village_style(f: Frequency) -> MarkerStyle {
    // 12 px across with a 2 px white ring: readable on a phone, apart from the stations' blue.
    MarkerStyle {
        radius: 6.0,
        color: "#ffffff",
        weight: 2.0,
        fill: Some(frequency_color(f)),
        fill_opacity: 0.95,
        dash: None,
    }
}

/// The order in which the legend lists frequencies: best first.
pub const FREQUENCIES: [Frequency; 4] = [
    Frequency::Daily,
    Frequency::BelowDaily,
    Frequency::Unserved,
    Frequency::Unknown,
];

/// Counties coloured by a share (the map's "colour areas by"): five classes of 20 points each,
/// light to dark blue, and grey for an area with nothing to share. (upper bound %, colour).
pub const SHARE_CLASSES: [(f64, &str); 5] = [
    (20.0, "#eff3ff"),
    (40.0, "#bdd7e7"),
    (60.0, "#6baed6"),
    (80.0, "#3182bd"),
    (100.0, "#08519c"),
];
pub const SHARE_NONE: &str = "#e5e7eb";

/// The fill of an area whose share is `pct` (0–100), or `None` when it has none.
pub fn share_fill(pct: Option<f64>) -> &'static str {
    match pct {
        None => SHARE_NONE,
        Some(p) => SHARE_CLASSES
            .iter()
            .find(|(upper, _)| p < *upper)
            .map_or(SHARE_CLASSES[4].1, |(_, c)| c),
    }
}

/// Clusters of stations, and the country view's counties.
pub const CLUSTER: &str = "#334155";

/// A cluster of `count` points (a county in the country view is a cluster of one): its area
/// grows with the logarithm of the count, so a cluster of 10,000 is not a hundred times a
/// cluster of 100.
pub fn cluster_style(count: usize) -> MarkerStyle {
    let radius = 7.0 + 4.0 * (count.max(1) as f64).log10();
    MarkerStyle {
        radius,
        color: "#ffffff",
        weight: 2.0,
        fill: Some(CLUSTER),
        fill_opacity: 0.75,
        dash: None,
    }
}
