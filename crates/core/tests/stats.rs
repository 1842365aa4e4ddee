//! Coverage figures on the valid fixture, computed by hand from its rows:
//!
//! 凤城镇 140522100 — villages 东关村 (pop 3000, own point P1, served by P1 7×/week),
//! 西关村 (1200, own point P2, P2 3×/week), 南关社区 (2600, no point, P1, frequency unknown),
//! 北关村 (900, no point, P1, 0×/week ⇒ unserved). Stations T1 (operating, standardized,
//! locker, post_express), P1 (operating, filed, standardized, locker, direct), P2 (operating, not
//! filed, not standardized, no locker, no model).
//! 北留镇 140522101 — 上庄村 (P3 closed), 下庄村 (T2 suspended; P4 planned stands there),
//! 西坡村 (no service). Stations T2 suspended, P3 closed, P4 planned.
//! 润城镇 140522102 — no villages, no stations.
//! County: plus C1 (operating county centre, no locker, no model).

mod common;

use common::{code, read_fixture};
use cundi_core::model::{Frequency, Indicator};
use cundi_core::stats::{area_stats, area_stats_where, effective_frequency, pct, AreaStats};
use std::collections::BTreeMap;

fn counts(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn fengcheng() -> AreaStats {
    AreaStats {
        townships: 1,
        townships_with_station: 1,
        villages: 4,
        villages_with_point: 2,
        villages_served: 3,
        villages_daily: 1,
        large_villages: 2,
        large_villages_with_point: 1,
        villages_with_locker: 2,
        county_centers: 0,
        township_stations: 1,
        township_stations_standardized: 1,
        village_points: 2,
        village_points_standardized: 1,
        village_points_filed: 1,
        lockers: 2,
        by_status: counts(&[("operating", 3)]),
        by_model: counts(&[("direct", 1), ("post_express", 1), ("unknown", 1)]),
    }
}

fn beiliu() -> AreaStats {
    AreaStats {
        townships: 1,
        villages: 3,
        by_status: counts(&[("closed", 1), ("planned", 1), ("suspended", 1)]),
        by_model: counts(&[("direct", 1), ("express_pool", 1), ("unknown", 1)]),
        ..AreaStats::default()
    }
}

fn yangcheng() -> AreaStats {
    AreaStats {
        townships: 3,
        townships_with_station: 1,
        villages: 7,
        villages_with_point: 2,
        villages_served: 3,
        villages_daily: 1,
        large_villages: 2,
        large_villages_with_point: 1,
        villages_with_locker: 2,
        county_centers: 1,
        township_stations: 1,
        township_stations_standardized: 1,
        village_points: 2,
        village_points_standardized: 1,
        village_points_filed: 1,
        lockers: 2,
        by_status: counts(&[
            ("closed", 1),
            ("operating", 4),
            ("planned", 1),
            ("suspended", 1),
        ]),
        by_model: counts(&[
            ("direct", 2),
            ("express_pool", 1),
            ("post_express", 1),
            ("unknown", 3),
        ]),
    }
}

#[test]
fn township_figures_match_the_hand_count() {
    let (ds, _) = read_fixture("valid");
    let stats = area_stats(&ds);
    assert_eq!(stats[&code("140522100")], fengcheng());
    assert_eq!(stats[&code("140522101")], beiliu());
}

#[test]
fn an_area_with_no_villages_has_zero_counts_and_no_shares() {
    let (ds, _) = read_fixture("valid");
    let stats = area_stats(&ds);
    let runcheng = &stats[&code("140522102")];
    assert_eq!(
        runcheng,
        &AreaStats {
            townships: 1,
            ..AreaStats::default()
        }
    );
    assert_eq!(runcheng.village_point_coverage_pct(), None);
    assert_eq!(runcheng.daily_service_pct(), None);
    assert_eq!(runcheng.township_station_coverage_pct(), Some(0.0));
}

#[test]
fn county_city_and_province_sum_their_townships_and_add_the_county_centre() {
    let (ds, _) = read_fixture("valid");
    let stats = area_stats(&ds);
    assert_eq!(stats[&code("140522")], yangcheng());
    assert_eq!(stats[&code("1405")], yangcheng());
    assert_eq!(stats[&code("14")], yangcheng());
    assert_eq!(stats.len(), 6, "one entry per division, none for villages");
}

#[test]
fn shares_and_indicators_are_derived_from_the_counts() {
    let (ds, _) = read_fixture("valid");
    let county = &area_stats(&ds)[&code("140522")];
    assert_eq!(county.village_point_coverage_pct(), pct(2, 7));
    assert_eq!(county.daily_service_pct(), pct(1, 7));
    assert_eq!(county.served_pct(), pct(3, 7));
    assert_eq!(county.large_village_point_coverage_pct(), Some(50.0));
    assert_eq!(county.township_station_coverage_pct(), pct(1, 3));
    assert_eq!(county.standardized_township_stations_pct(), Some(100.0));
    assert_eq!(
        county.indicator_value(Indicator::DailyServicePct),
        pct(1, 7)
    );
    assert_eq!(
        county.indicator_value(Indicator::CountyCenterBuilt),
        Some(1.0)
    );
    assert_eq!(
        county.indicator_value(Indicator::FiledVillagePoints),
        Some(1.0)
    );
    assert_eq!(county.indicator_value(Indicator::DemoCountyCount), None);
}

#[test]
fn pct_is_none_for_an_empty_whole() {
    assert_eq!(pct(0, 0), None);
    assert_eq!(pct(1, 4), Some(25.0));
    assert_eq!(pct(3, 3), Some(100.0));
}

#[test]
fn effective_frequency_looks_at_the_serving_station() {
    let (ds, _) = read_fixture("valid");
    let f = |c: &str| effective_frequency(&ds, ds.village(c).unwrap());
    assert_eq!(f("140522100201"), Frequency::Daily);
    assert_eq!(f("140522100202"), Frequency::BelowDaily);
    assert_eq!(f("140522100203"), Frequency::Unknown);
    assert_eq!(
        f("140522100204"),
        Frequency::Unserved,
        "0 deliveries a week"
    );
    assert_eq!(
        f("140522101201"),
        Frequency::Unserved,
        "its station is closed"
    );
    assert_eq!(
        f("140522101202"),
        Frequency::Unserved,
        "its station is suspended"
    );
    assert_eq!(f("140522101203"), Frequency::Unserved, "no served_by");
    // The row alone would say daily: that is what effective_frequency corrects.
    assert_eq!(
        ds.village("140522101201").unwrap().frequency(),
        Frequency::Daily
    );
}

#[test]
fn figures_for_one_brand_are_the_figures_of_the_stations_listing_it() {
    let ds = common::read_demo();
    let brands = cundi_core::brand::brands(&ds.stations);
    assert!(brands.len() >= 8, "{brands:?}");
    for (brand, stations) in brands
        .iter()
        .map(|(b, n)| (b.as_str(), *n))
        .chain([("德邦", 0)])
    {
        let want = cundi_core::brand::Want::new(Some(brand), None);
        let only = area_stats_where(&ds, |s| want.accepts(s));
        // The same figures from a dataset holding only the stations listing the brand.
        let mut kept = ds.clone();
        kept.stations
            .retain(|s| s.brands.iter().any(|b| b == brand));
        assert_eq!(kept.stations.len(), stations, "{brand}");
        kept.reindex();
        assert_eq!(only, area_stats(&kept), "{brand}");
        let county = &only[&code("140522")];
        let every = &area_stats(&ds)[&code("140522")];
        assert!(county.villages_served <= every.villages_served);
        assert_eq!(
            county.villages, every.villages,
            "the villages stay the whole"
        );
        if stations == 0 {
            assert_eq!((county.villages_served, county.village_points), (0, 0));
        }
    }
}

#[test]
fn completeness_counts_the_gaps_per_county() {
    use cundi_core::completeness::{gaps, vague_address};
    let mut ds = common::read_demo();
    let counties: Vec<Option<cundi_core::Code>> = gaps(&ds).into_iter().map(|g| g.county).collect();
    assert_eq!(
        counties,
        [
            Some(code("140522")),
            Some(code("370305")),
            Some(code("411721"))
        ]
    );
    for g in gaps(&ds) {
        let county = g.county.clone().unwrap();
        let mine: Vec<usize> = (0..ds.stations.len())
            .filter(|&i| ds.stations[i].county_code() == Some(county.clone()))
            .collect();
        assert_eq!(g.stations, mine.len());
        let hours: Vec<usize> = mine
            .iter()
            .copied()
            .filter(|&i| ds.stations[i].hours.is_none())
            .collect();
        assert_eq!(g.no_hours, hours);
        assert_eq!(
            g.no_phone.len(),
            mine.iter()
                .filter(|&&i| ds.stations[i].phone.is_none())
                .count()
        );
    }
    // The township station at 凤城镇 is addressed "阳城县凤城镇": no more than its area.
    let i = ds
        .stations
        .iter()
        .position(|s| s.id == "ts-140522100")
        .unwrap();
    assert_eq!(ds.stations[i].address.as_deref(), Some("阳城县凤城镇"));
    assert!(vague_address(&ds, &ds.stations[i]));
    for (address, vague) in [
        ("山西省 阳城县，凤城镇", true),
        ("", true),
        ("阳城县凤城镇东关街 12 号", false),
        ("凤城镇西关社区", false),
    ] {
        ds.stations[i].address = (!address.is_empty()).then(|| address.to_string());
        assert_eq!(vague_address(&ds, &ds.stations[i]), vague, "{address}");
    }
}
