//! Coverage figures for an area: how many villages have a point, are served, are served daily;
//! stations by tier, status and model. Computed once by the build and shown by the site.
//!
//! Definitions, in one place so the site, the CLI and the targets page agree:
//! - a village is *served* when `served_by` names an operating station and its deliveries per
//!   week are not published as 0;
//! - *daily* when served and at least 7 deliveries a week are published (unknown frequency is
//!   served, not daily: the standard cannot be shown to be met);
//! - *with a point* when an operating village point stands in it (`admin_code` = its code);
//! - a *large* village has 2,500 or more residents.
//!
//! Station counts by tier, and the standardized/filed/locker counts, are of operating stations
//! only: a planned, suspended or closed station does not count toward a target. `by_status`
//! and `by_model` count every station, so the rest can be shown too.
//!
//! Complaint figures (`complaint_stats.csv`) are summed by [`complaint_totals`].

use crate::code::{Code, Level};
use crate::complaint::Category;
use crate::dataset::Dataset;
use crate::model::{
    ComplaintStat, Frequency, Indicator, Month, Station, Status, Tier, Village,
    DAILY_DELIVERIES_PER_WEEK,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Residents from which a village counts as large (the documents' 2,500).
pub const LARGE_VILLAGE_POPULATION: u32 = 2500;

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
    /// Operating stations by tier (a planned or closed one counts toward no target).
    pub county_centers: u32,
    pub township_stations: u32,
    /// Operating township stations meeting the provincial standard.
    pub township_stations_standardized: u32,
    pub village_points: u32,
    pub village_points_standardized: u32,
    /// Operating village points with an end-outlet filing number.
    pub village_points_filed: u32,
    /// Operating stations of any tier with a smart locker.
    pub lockers: u32,
    /// Every station in the area, by status word (`operating`, …).
    pub by_status: BTreeMap<String, u32>,
    /// Every station in the area, by cooperation model word (`direct`, …; `unknown` when empty).
    pub by_model: BTreeMap<String, u32>,
}

/// A share in percent; `None` when there is nothing to share (an area with no villages has no
/// coverage, not 0 % or 100 %).
pub fn pct(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

/// A share as the pages write it: "271 / 341 · 79.5 %", or "0 / 0" with no percentage when there
/// is nothing to share.
pub fn share_text(part: u32, whole: u32) -> String {
    match pct(part, whole) {
        Some(p) => format!("{part} / {whole} · {p:.1} %"),
        None => format!("{part} / {whole}"),
    }
}

impl AreaStats {
    /// Villages with a point of their own, in percent of villages.
    pub fn village_point_coverage_pct(&self) -> Option<f64> {
        pct(self.villages_with_point, self.villages)
    }

    pub fn large_village_point_coverage_pct(&self) -> Option<f64> {
        pct(self.large_villages_with_point, self.large_villages)
    }

    pub fn served_pct(&self) -> Option<f64> {
        pct(self.villages_served, self.villages)
    }

    /// Villages served at least daily, in percent of all villages (not of served ones: an
    /// unserved village is the furthest from the standard).
    pub fn daily_service_pct(&self) -> Option<f64> {
        pct(self.villages_daily, self.villages)
    }

    pub fn township_station_coverage_pct(&self) -> Option<f64> {
        pct(self.townships_with_station, self.townships)
    }

    pub fn standardized_township_stations_pct(&self) -> Option<f64> {
        pct(self.township_stations_standardized, self.township_stations)
    }

    pub fn locker_village_pct(&self) -> Option<f64> {
        pct(self.villages_with_locker, self.villages)
    }

    /// The figure a target's indicator is measured by, or `None` when the data cannot tell (the
    /// demonstration-project counts are decided by ministries, not visible in station rows) or
    /// there is nothing to measure (a share of zero villages).
    pub fn indicator_value(&self, indicator: Indicator) -> Option<f64> {
        use Indicator::*;
        let count = |n: u32| Some(f64::from(n));
        match indicator {
            VillagePointCoveragePct => self.village_point_coverage_pct(),
            LargeVillagePointCoveragePct => self.large_village_point_coverage_pct(),
            DailyServicePct => self.daily_service_pct(),
            TownshipStationCoveragePct => self.township_station_coverage_pct(),
            TownshipStationCount => count(self.township_stations),
            StandardizedTownshipStations => count(self.township_stations_standardized),
            StandardizedTownshipStationsPct => self.standardized_township_stations_pct(),
            VillagePointCount => count(self.village_points),
            StandardizedVillagePoints => count(self.village_points_standardized),
            FiledVillagePoints => count(self.village_points_filed),
            LockerVillagePct => self.locker_village_pct(),
            CountyCenterBuilt => count(self.county_centers),
            DemoCountyCount
            | DemoProjectCount
            | DemoTownshipCenterCount
            | DemoVillageStationCount => None,
        }
    }
}

/// The operating station serving a village, if any.
fn serving_station<'a>(ds: &'a Dataset, village: &Village) -> Option<&'a Station> {
    ds.station(village.served_by.as_deref()?)
        .filter(|s| s.status == Status::Operating)
}

/// A village's frequency as the map should show it. Unlike `Village::frequency`, which reads the
/// row alone, this looks at the serving station: a village "served" by a closed, suspended,
/// planned or missing station gets no parcels, so it is unserved.
pub fn effective_frequency(ds: &Dataset, village: &Village) -> Frequency {
    if serving_station(ds, village).is_none() {
        return Frequency::Unserved;
    }
    village.frequency()
}

/// Figures for every province, city, county and township in the dataset's divisions.
///
/// One pass over villages and stations, each adding to the areas above it, so the whole country
/// costs the same as summing it once rather than once per area.
pub fn area_stats(ds: &Dataset) -> BTreeMap<Code, AreaStats> {
    area_stats_where(ds, |_| true)
}

/// As [`area_stats`], counting only the stations `counted` accepts — those that handle one
/// brand, say (`brand::Want::accepts`): the others are as if absent, so a village whose serving
/// point does not handle the brand is not served for it.
pub fn area_stats_where(
    ds: &Dataset,
    counted: impl Fn(&Station) -> bool,
) -> BTreeMap<Code, AreaStats> {
    let mut stats: BTreeMap<Code, AreaStats> = ds
        .divisions
        .iter()
        .filter(|d| d.level() < Level::Village)
        .map(|d| (d.code.clone(), AreaStats::default()))
        .collect();
    // Each area's figures, found by code through a hash index: a village or station adds to
    // up to four areas, and the national dataset has 1.15 million of them.
    let mut slots: Vec<&mut AreaStats> = Vec::with_capacity(stats.len());
    let mut index: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    index.reserve(stats.len());
    let mut townships: Vec<&str> = Vec::new();
    for (code, s) in stats.iter_mut() {
        if code.level() == Level::Township {
            townships.push(code.as_str());
        }
        index.insert(code.as_str(), slots.len());
        slots.push(s);
    }
    // Each area containing `code` that is in the map (the code itself included). Prefixes are
    // looked up as `&str`, so a village costs no allocation per level.
    fn areas(
        index: &foldhash::HashMap<&str, usize>,
        slots: &mut [&mut AreaStats],
        code: &str,
        mut add: impl FnMut(&mut AreaStats),
    ) {
        for level in [Level::Province, Level::City, Level::County, Level::Township] {
            let Some(prefix) = code.get(..level.digits()) else {
                break;
            };
            if let Some(&i) = index.get(prefix) {
                add(slots[i]);
            }
        }
    }

    for t in townships {
        areas(&index, &mut slots, t, |s| s.townships += 1);
    }

    let operating = |s: &&Station| s.status == Status::Operating && counted(s);
    let mut with_township_station: Vec<&Code> = ds
        .stations
        .iter()
        .filter(operating)
        .filter(|s| s.tier == Tier::TownshipStation)
        .map(|s| &s.admin_code)
        .collect();
    sort_dedup(&mut with_township_station);
    for t in with_township_station {
        if index.contains_key(t.as_str()) {
            areas(&index, &mut slots, t.as_str(), |s| {
                s.townships_with_station += 1
            });
        }
    }

    let mut with_point: Vec<&Code> = ds
        .stations
        .iter()
        .filter(operating)
        .filter(|s| s.tier == Tier::VillagePoint)
        .map(|s| &s.admin_code)
        .collect();
    sort_dedup(&mut with_point);

    for v in &ds.villages {
        let point = with_point.binary_search(&&v.code).is_ok();
        let large = v.population.is_some_and(|p| p >= LARGE_VILLAGE_POPULATION);
        let station = serving_station(ds, v).filter(|s| counted(s));
        let frequency = match station {
            Some(_) => v.frequency(),
            None => Frequency::Unserved,
        };
        let served = matches!(
            frequency,
            Frequency::Unknown | Frequency::BelowDaily | Frequency::Daily
        );
        let daily = frequency == Frequency::Daily;
        debug_assert!(!daily || v.deliveries_per_week >= Some(DAILY_DELIVERIES_PER_WEEK));
        let locker = served && station.is_some_and(|s| s.locker == Some(true));
        areas(&index, &mut slots, v.code.as_str(), |s| {
            s.villages += 1;
            s.villages_with_point += u32::from(point);
            s.villages_served += u32::from(served);
            s.villages_daily += u32::from(daily);
            s.large_villages += u32::from(large);
            s.large_villages_with_point += u32::from(large && point);
            s.villages_with_locker += u32::from(locker);
        });
    }

    for st in ds.stations.iter().filter(|s| counted(s)) {
        let on = st.status == Status::Operating;
        let standardized = on && st.standardized == Some(true);
        let filed = on && st.is_filed();
        let locker = on && st.locker == Some(true);
        let status = st.status.as_str();
        let model = st.model.map_or("unknown", |m| m.as_str());
        areas(&index, &mut slots, st.admin_code.as_str(), |s| {
            match st.tier {
                Tier::CountyCenter => s.county_centers += u32::from(on),
                Tier::TownshipStation => {
                    s.township_stations += u32::from(on);
                    s.township_stations_standardized += u32::from(standardized);
                }
                Tier::VillagePoint => {
                    s.village_points += u32::from(on);
                    s.village_points_standardized += u32::from(standardized);
                    s.village_points_filed += u32::from(filed);
                }
            }
            s.lockers += u32::from(locker);
            count(&mut s.by_status, status);
            count(&mut s.by_model, model);
        });
    }
    stats
}

/// Adds one to `key`'s count, copying the key only the first time it is counted.
fn count(counts: &mut BTreeMap<String, u32>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// Sorts and drops repeats. Equal codes are the same value, so an unstable sort gives the one result.
fn sort_dedup(codes: &mut Vec<&Code>) {
    codes.sort_unstable();
    codes.dedup();
}

/// Complaint figures added up. `resolved` is summed only over rows that publish it, and
/// `received_with_resolved` is what those rows received, so the resolution rate compares like
/// with like instead of counting an unpublished figure as "none resolved".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Rows added.
    pub rows: u32,
    pub received: u64,
    pub resolved: u64,
    pub received_with_resolved: u64,
}

impl Tally {
    fn add(&mut self, row: &ComplaintStat) {
        self.rows += 1;
        self.received += u64::from(row.received);
        if let Some(r) = row.resolved {
            self.resolved += u64::from(r);
            self.received_with_resolved += u64::from(row.received);
        }
    }

    /// Resolved in percent of received, over the rows that publish both; `None` when none does
    /// or they received nothing.
    pub fn resolved_pct(&self) -> Option<f64> {
        (self.received_with_resolved > 0)
            .then(|| self.resolved as f64 * 100.0 / self.received_with_resolved as f64)
    }
}

/// An area's complaint figures by month, by category, and by both. Only months and categories
/// with rows appear: a month without a row was not published, which is not the same as zero
/// complaints, so a chart should show it as a gap.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComplaintTotals {
    pub total: Tally,
    pub by_month: BTreeMap<Month, Tally>,
    pub by_category: BTreeMap<Category, Tally>,
    pub by_month_category: BTreeMap<(Month, Category), Tally>,
}

/// Sums the rows inside `area` (the area's own rows and those of every county or township in
/// it). Rows never overlap (a county row counts what no township row counts; see
/// `ComplaintStat`), so adding them gives the area's figure. One pass over the rows: the file is
/// small, a few rows per township and month.
pub fn complaint_totals(rows: &[ComplaintStat], area: &Code) -> ComplaintTotals {
    let mut t = ComplaintTotals::default();
    for row in rows.iter().filter(|r| area.contains(&r.jurisdiction_code)) {
        t.total.add(row);
        t.by_month.entry(row.month).or_default().add(row);
        t.by_category.entry(row.category).or_default().add(row);
        t.by_month_category
            .entry((row.month, row.category))
            .or_default()
            .add(row);
    }
    t
}

#[cfg(test)]
mod tests {
    #[test]
    fn share_text_gives_the_percentage_only_when_there_is_a_whole() {
        assert_eq!(super::share_text(271, 341), "271 / 341 · 79.5 %");
        assert_eq!(super::share_text(0, 0), "0 / 0");
        assert_eq!(super::share_text(3, 3), "3 / 3 · 100.0 %");
    }
}
