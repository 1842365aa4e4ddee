//! Coverage figures for an area: how many villages have a point, are served, are served daily;
//! stations by tier, status and model. Computed once by the build and shown by the site.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Counts for one area (province, city, county or township). Shares are derived, never stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaStats {
    /// Township-level units in the area (for a township: 1).
    pub townships: u32,
    /// Townships with an operating township station.
    pub townships_with_station: u32,
    /// Administrative village-level units.
    pub villages: u32,
    /// Villages with an operating village point of their own (standing in the village).
    pub villages_with_point: u32,
    /// Villages served by an operating station at least once a week.
    pub villages_served: u32,
    /// Villages served by an operating station at least 7 times a week.
    pub villages_daily: u32,
    /// Villages with 2,500 or more residents, and those of them with a point of their own.
    pub large_villages: u32,
    pub large_villages_with_point: u32,
    /// Villages whose serving point has a smart locker.
    pub villages_with_locker: u32,
    pub county_centers: u32,
    pub township_stations: u32,
    pub township_stations_standardized: u32,
    pub village_points: u32,
    pub village_points_standardized: u32,
    pub village_points_filed: u32,
    pub lockers: u32,
    /// Every station in the area, by status word (`operating`, …).
    pub by_status: BTreeMap<String, u32>,
    /// Every station in the area, by cooperation model word (`direct`, …; `unknown` when empty).
    pub by_model: BTreeMap<String, u32>,
}
