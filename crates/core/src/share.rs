//! The shares a journalist compares areas by — villages with a point of their own, served at all,
//! served daily, townships with a station, standardised township stations, villages whose point
//! has a locker, large villages with a point — each as a part of a whole from [`AreaStats`], so a
//! page can print "271 of 341 (79.5 %)" and the map can colour areas by the same figure. One list,
//! so the area page, its table of sub-areas, the charts and the map cannot disagree.
//!
//! Also the distribution of deliveries per week over an area's villages, for the chart of how
//! often villages are served.

use crate::code::Code;
use crate::dataset::Dataset;
use crate::model::{vocabulary, Frequency, MAX_DELIVERIES_PER_WEEK};
use crate::stats::{effective_frequency, pct, AreaStats};
use serde::{Deserialize, Serialize};

vocabulary! {
    /// A share of an area's villages, townships or stations. The word is what the URL and the map
    /// selector carry.
    Share {
        VillagePoint = "village_point",
        Served = "served",
        Daily = "daily",
        TownshipStation = "township_station",
        StandardizedTownshipStation = "standardized_township_station",
        LockerVillage = "locker_village",
        LargeVillagePoint = "large_village_point",
    }
}

impl Share {
    /// (part, whole) for an area; the whole is 0 when there is nothing to share.
    pub fn parts(self, s: &AreaStats) -> (u32, u32) {
        match self {
            Share::VillagePoint => (s.villages_with_point, s.villages),
            Share::Served => (s.villages_served, s.villages),
            Share::Daily => (s.villages_daily, s.villages),
            Share::TownshipStation => (s.townships_with_station, s.townships),
            Share::StandardizedTownshipStation => {
                (s.township_stations_standardized, s.township_stations)
            }
            Share::LockerVillage => (s.villages_with_locker, s.villages),
            Share::LargeVillagePoint => (s.large_villages_with_point, s.large_villages),
        }
    }

    /// The share in percent; `None` when the whole is 0 (no villages is no coverage, not 0 %).
    pub fn pct(self, s: &AreaStats) -> Option<f64> {
        let (part, whole) = self.parts(s);
        pct(part, whole)
    }
}

/// How many of an area's villages get parcels how often: `per_week[n]` villages are served `n`
/// times a week (0–21), plus those served at an unpublished frequency and those not served at
/// all (no operating station, or 0 a week). Frequencies are effective ones, as the map shows them
/// ([`effective_frequency`]): a village named as served by a closed station is unserved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliveries {
    pub per_week: Vec<u32>,
    pub unknown: u32,
    pub unserved: u32,
}

impl Deliveries {
    pub fn total(&self) -> u32 {
        self.per_week.iter().sum::<u32>() + self.unknown + self.unserved
    }
}

/// The distribution for the villages whose code lies in `area` (every village when `None`).
pub fn deliveries(ds: &Dataset, area: Option<&Code>) -> Deliveries {
    let mut d = Deliveries {
        per_week: vec![0; usize::from(MAX_DELIVERIES_PER_WEEK) + 1],
        ..Deliveries::default()
    };
    let inside = |c: &Code| area.is_none_or(|a| c.as_str().starts_with(a.as_str()));
    for v in ds.villages.iter().filter(|v| inside(&v.code)) {
        match (effective_frequency(ds, v), v.deliveries_per_week) {
            (Frequency::Unserved, _) => d.unserved += 1,
            (_, Some(n)) => d.per_week[usize::from(n.min(MAX_DELIVERIES_PER_WEEK))] += 1,
            (_, None) => d.unknown += 1,
        }
    }
    d
}
