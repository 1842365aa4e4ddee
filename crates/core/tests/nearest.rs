//! "Near me" on the demo data: the R-tree's nearest stations equal a brute-force scan of every
//! station at random positions, the serving point of a village is the one it names, and a position
//! is placed in a village, near none, or outside the data (issue 3).

mod common;

use common::read_demo;
use cundi_core::brand::Want;
use cundi_core::dataset::Dataset;
use cundi_core::geo::{haversine_km, BBox};
use cundi_core::model::{Service, Status, Tier};
use cundi_core::nearest::{
    in_view, serving_point, Filter, Near, NearIndex, Whereabouts, OUTSIDE_KM, VILLAGE_RADIUS_KM,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Every station passing the filter, by distance then station order: what the index must match.
fn brute_force(ds: &Dataset, lon: f64, lat: f64, n: usize, filter: Filter) -> Vec<Near> {
    let mut all: Vec<Near> = ds
        .stations
        .iter()
        .enumerate()
        .filter(|(_, s)| filter.accepts(s))
        .map(|(i, s)| Near {
            station: i,
            km: haversine_km(lon, lat, s.lon, s.lat),
        })
        .collect();
    all.sort_by(|a, b| a.km.total_cmp(&b.km).then(a.station.cmp(&b.station)));
    all.truncate(n);
    all
}

#[test]
fn nearest_equals_brute_force_at_random_positions() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);
    let bbox = BBox::around(ds.stations.iter().map(|s| (s.lon, s.lat))).unwrap();
    let mut rng = StdRng::seed_from_u64(20260301);
    let filters = [
        Filter::ANY,
        Filter::OPERATING,
        Filter::OPERATING.tiers(&[Tier::TownshipStation, Tier::CountyCenter]),
        Filter::ANY.statuses(&[Status::Closed, Status::Suspended]),
    ];
    for round in 0..400 {
        // Mostly over the three counties, some far outside them (the three are 600 km apart).
        let margin = if round % 10 == 0 { 3.0 } else { 0.1 };
        let lon = rng.random_range(bbox.west() - margin..bbox.east() + margin);
        let lat = rng.random_range(bbox.south() - margin..bbox.north() + margin);
        let n = [1, 3, 10][round % 3];
        let filter = filters[round % filters.len()];
        assert_eq!(
            index.nearest(lon, lat, n, filter),
            brute_force(&ds, lon, lat, n, filter),
            "round {round} at {lon},{lat}"
        );
    }
}

#[test]
fn nearest_from_a_station_is_that_station_and_ties_go_in_station_order() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);
    for (i, s) in ds.stations.iter().enumerate().step_by(37) {
        let near = index.nearest(s.lon, s.lat, 1, Filter::ANY);
        let first = brute_force(&ds, s.lon, s.lat, 1, Filter::ANY);
        assert_eq!(near, first);
        assert_eq!(near[0].km, 0.0);
        assert!(
            near[0].station <= i,
            "an earlier station at the same spot wins"
        );
    }
}

#[test]
fn nothing_is_asked_nothing_is_found() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);
    assert!(index.nearest(112.4, 35.5, 0, Filter::ANY).is_empty());
    assert!(index.nearest(f64::NAN, 35.5, 3, Filter::ANY).is_empty());
    let none = Filter::ANY.tiers(&[]);
    assert!(index.nearest(112.4, 35.5, 3, none).is_empty());
    let empty = NearIndex::new(&Dataset::default());
    assert!(empty.nearest(112.4, 35.5, 3, Filter::ANY).is_empty());
    assert_eq!(empty.locate(112.4, 35.5), Whereabouts::Outside);
}

#[test]
fn the_serving_point_is_the_station_a_village_names() {
    let ds = read_demo();
    let village = ds.village("140522100001").unwrap();
    let serving = serving_point(&ds, "140522100001").unwrap();
    assert_eq!(
        Some(serving.station.id.as_str()),
        village.served_by.as_deref()
    );
    let km = haversine_km(
        village.lon.unwrap(),
        village.lat.unwrap(),
        serving.station.lon,
        serving.station.lat,
    );
    assert_eq!(serving.km, Some(km));
    assert!(serving_point(&ds, "999999999999").is_none());
    if let Some(unserved) = ds.villages.iter().find(|v| v.served_by.is_none()) {
        assert!(serving_point(&ds, unserved.code.as_str()).is_none());
    }
}

#[test]
fn alternatives_are_the_nearest_other_operating_points() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);
    let village = ds
        .villages
        .iter()
        .find(|v| v.served_by.is_some() && v.lon.is_some())
        .unwrap();
    let alternatives = index.alternatives(&ds, village.code.as_str(), 3, &Default::default());
    assert_eq!(alternatives.len(), 3);
    let expected: Vec<Near> = brute_force(
        &ds,
        village.lon.unwrap(),
        village.lat.unwrap(),
        4,
        Filter::OPERATING,
    )
    .into_iter()
    .filter(|n| Some(ds.stations[n.station].id.as_str()) != village.served_by.as_deref())
    .take(3)
    .collect();
    assert_eq!(alternatives, expected);
}

#[test]
fn a_position_is_in_a_village_near_none_or_outside() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);

    // At a village committee, and a few hundred metres from it.
    let (i, v) = ds
        .villages
        .iter()
        .enumerate()
        .find(|(_, v)| v.lon.is_some())
        .unwrap();
    let (lon, lat) = (v.lon.unwrap(), v.lat.unwrap());
    assert_eq!(
        index.locate(lon, lat),
        Whereabouts::InVillage {
            village: i,
            km: 0.0
        }
    );
    let (found, km) = index.village_at(&ds, lon + 0.002, lat).unwrap();
    assert!(km < 1.0);
    assert_eq!(
        Some((found.code.as_str(), km)),
        index
            .nearest_village(lon + 0.002, lat)
            .map(|(j, km)| (ds.villages[j].code.as_str(), km))
    );

    // Beijing, Shanghai and the sea are far outside three counties in Shanxi, Shandong and Henan.
    for (lon, lat) in [(116.3975, 39.9087), (121.49, 31.24), (125.0, 30.0)] {
        assert!(index.is_outside(lon, lat));
        assert_eq!(index.locate(lon, lat), Whereabouts::Outside);
        assert!(index.village_at(&ds, lon, lat).is_none());
    }

    // Inside the area but farther than the village radius from every committee: find such a
    // spot on a grid over the counties' boxes.
    let mut near_none = None;
    'grid: for bbox in ds.county_bboxes.values() {
        for a in 0..40 {
            for b in 0..40 {
                let lon = bbox.west() + (bbox.east() - bbox.west()) * f64::from(a) / 40.0;
                let lat = bbox.south() + (bbox.north() - bbox.south()) * f64::from(b) / 40.0;
                let village_far = index
                    .nearest_village(lon, lat)
                    .is_none_or(|(_, km)| km > VILLAGE_RADIUS_KM);
                let station_near = index
                    .nearest(lon, lat, 1, Filter::ANY)
                    .first()
                    .is_some_and(|n| n.km <= OUTSIDE_KM);
                if village_far && station_near {
                    near_none = Some((lon, lat));
                    break 'grid;
                }
            }
        }
    }
    let (lon, lat) = near_none.expect("the demo counties have land over 5 km from any committee");
    assert_eq!(index.locate(lon, lat), Whereabouts::NoVillageNear);
    assert!(index.village_at(&ds, lon, lat).is_none());
}

/// Near-me with counties loaded on demand (the national bundle): loading only what
/// `counties_to_load` asks for, round after round, gives the same stations at the same distances
/// as the whole dataset — also at positions near the borders between counties.
#[test]
fn loading_counties_on_demand_finds_what_the_whole_dataset_finds() {
    use cundi_core::dataset::Parts;
    use cundi_core::nearest::{counties_to_load, reach};
    use cundi_core::Code;
    let ds = read_demo();
    let full = NearIndex::new(&ds);
    let boxes: Vec<(Code, BBox)> = ds
        .county_bboxes
        .iter()
        .map(|(c, b)| (c.clone(), *b))
        .collect();
    let with_counties = |loaded: &[Code]| {
        let inside = |code: &Code| loaded.iter().any(|c| c.contains(code));
        Dataset::new(Parts {
            stations: ds
                .stations
                .iter()
                .filter(|s| inside(&s.admin_code))
                .cloned()
                .collect(),
            villages: ds
                .villages
                .iter()
                .filter(|v| inside(&v.code))
                .cloned()
                .collect(),
            county_bboxes: ds.county_bboxes.clone(),
            ..Parts::default()
        })
    };
    let mut rng = StdRng::seed_from_u64(20261122);
    let all = BBox::around(
        boxes
            .iter()
            .flat_map(|(_, b)| [(b.west(), b.south()), (b.east(), b.north())]),
    )
    .unwrap();
    let mut rounds_seen = 0;
    let mut compared = 0;
    for round in 0..300 {
        // Half the positions at the edge of a county's box, where the nearest may lie next door.
        let (lon, lat) = if round % 2 == 0 {
            let b = boxes[round % boxes.len()].1;
            (
                b.east() + rng.random_range(-0.05..0.05),
                rng.random_range(b.south()..b.north()),
            )
        } else {
            (
                rng.random_range(all.west()..all.east()),
                rng.random_range(all.south()..all.north()),
            )
        };
        let n = 5;
        let mut loaded: Vec<Code> = Vec::new();
        let mut km = VILLAGE_RADIUS_KM;
        let mut rounds = 0;
        let answer = loop {
            let more = counties_to_load(
                boxes.iter().map(|(c, b)| (c, *b)),
                |c| loaded.contains(c),
                lon,
                lat,
                km,
            );
            if more.is_empty() && rounds > 0 {
                break with_counties(&loaded);
            }
            loaded.extend(more);
            rounds += 1;
            let part = with_counties(&loaded);
            let found = NearIndex::new(&part).nearest(lon, lat, n, Filter::OPERATING);
            km = reach(&found, n);
        };
        rounds_seen = rounds_seen.max(rounds);
        // Nothing farther than OUTSIDE_KM is sought: within it the answer is exact.
        let mut part = NearIndex::new(&answer).nearest(lon, lat, n, Filter::OPERATING);
        let mut whole = full.nearest(lon, lat, n, Filter::OPERATING);
        part.retain(|x| x.km <= OUTSIDE_KM);
        whole.retain(|x| x.km <= OUTSIDE_KM);
        compared += usize::from(!whole.is_empty());
        let ids = |ds: &Dataset, near: &[Near]| -> Vec<(String, String)> {
            near.iter()
                .map(|n| (ds.stations[n.station].id.clone(), format!("{:.9}", n.km)))
                .collect()
        };
        assert_eq!(
            ids(&answer, &part),
            ids(&ds, &whole),
            "round {round} at {lon},{lat}"
        );
    }
    assert!(
        rounds_seen >= 2,
        "no position needed a second round: the test proves nothing"
    );
    assert!(
        compared >= 150,
        "only {compared} positions had a station within reach"
    );
}

#[test]
fn the_list_of_a_view_is_every_station_inside_nearest_the_centre_first() {
    let ds = read_demo();
    let mut rng = StdRng::seed_from_u64(20261122);
    let mut crowded = 0;
    for _ in 0..50 {
        // A view somewhere around a station, of a random size.
        let at = &ds.stations[rng.random_range(0..ds.stations.len())];
        let (w, s) = (
            at.lon - rng.random_range(0.0..0.3),
            at.lat - rng.random_range(0.0..0.2),
        );
        let view = BBox([
            w,
            s,
            w + rng.random_range(0.01..0.5),
            s + rng.random_range(0.01..0.4),
        ]);
        let (lon, lat) = view.center();
        let mut expected: Vec<(f64, usize)> = ds
            .stations
            .iter()
            .enumerate()
            .filter(|(_, st)| {
                st.lon >= view.west()
                    && st.lon <= view.east()
                    && st.lat >= view.south()
                    && st.lat <= view.north()
            })
            .map(|(i, st)| (haversine_km(lon, lat, st.lon, st.lat), i))
            .collect();
        expected.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        crowded += usize::from(expected.len() > 7);
        for limit in [0, 1, 7, 100, usize::MAX] {
            let (listed, total) = in_view(&ds.stations, &view, limit);
            assert_eq!(total, expected.len());
            let ids: Vec<&str> = listed.iter().map(|s| s.id.as_str()).collect();
            let want: Vec<&str> = expected
                .iter()
                .take(limit)
                .map(|&(_, i)| ds.stations[i].id.as_str())
                .collect();
            assert_eq!(ids, want, "view {view:?}, limit {limit}");
        }
    }
    // Enough views hold more stations than the smaller limits, so the cut is tested.
    assert!(crowded >= 10, "{crowded} crowded views");
}

/// Every operating station listing the brand (as written in `stations.csv`, compared by the
/// brand's own name) and offering the service, by distance then station order; for a brand or
/// a service, none farther than `OUTSIDE_KM`.
fn brute_force_brand(
    ds: &Dataset,
    lon: f64,
    lat: f64,
    n: usize,
    brand: Option<&str>,
    service: Option<Service>,
) -> Vec<Near> {
    let mut all: Vec<Near> = ds
        .stations
        .iter()
        .enumerate()
        .filter(|(_, s)| s.status == Status::Operating)
        .filter(|(_, s)| brand.is_none_or(|b| s.brands.iter().any(|x| x == b)))
        .filter(|(_, s)| service.is_none_or(|v| s.services.contains(&v)))
        .map(|(i, s)| Near {
            station: i,
            km: haversine_km(lon, lat, s.lon, s.lat),
        })
        // For a brand or service, nothing beyond 30 km.
        .filter(|n| (brand.is_none() && service.is_none()) || n.km <= OUTSIDE_KM)
        .collect();
    all.sort_by(|a, b| a.km.total_cmp(&b.km).then(a.station.cmp(&b.station)));
    all.truncate(n);
    all
}

#[test]
fn nearest_for_a_brand_equals_a_scan_of_the_stations_listing_it() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);
    let bbox = BBox::around(ds.stations.iter().map(|s| (s.lon, s.lat))).unwrap();
    let mut rng = StdRng::seed_from_u64(20261207);
    // Common brands, the rare ones (12 and 4 stations), one no station lists, and services.
    let wants: [(Option<&str>, Option<Service>); 7] = [
        (Some("中通"), None),
        (Some("京东"), None),
        (Some("顺丰"), None),
        (Some("德邦"), None),
        (None, Some(Service::Sending)),
        (Some("邮政"), Some(Service::PickupProduce)),
        (None, None),
    ];
    let mut found_rare = 0;
    for round in 0..300 {
        let lon = rng.random_range(bbox.west() - 0.1..bbox.east() + 0.1);
        let lat = rng.random_range(bbox.south() - 0.1..bbox.north() + 0.1);
        let (brand, service) = wants[round % wants.len()];
        let want = Want::new(brand, service);
        let got = index.nearest_wanted(&ds, lon, lat, 5, Filter::OPERATING, &want);
        assert_eq!(
            got,
            brute_force_brand(&ds, lon, lat, 5, brand, service),
            "round {round}: {brand:?} {service:?} at {lon},{lat}"
        );
        if brand == Some("顺丰") {
            found_rare += got.len();
        }
    }
    assert!(found_rare > 0, "the rare brand was found somewhere");
}

#[test]
fn a_brand_written_another_way_is_the_same_brand() {
    let mut ds = read_demo();
    let i = ds.stations.iter().position(|s| s.is_operating()).unwrap();
    ds.stations[i].brands = vec!["中通快递".into(), "中国邮政".into()];
    let (lon, lat) = (ds.stations[i].lon, ds.stations[i].lat);
    let index = NearIndex::new(&ds);
    for brand in ["中通", "ZTO", "邮政", "EMS"] {
        let near = index.nearest_wanted(
            &ds,
            lon,
            lat,
            1,
            Filter::OPERATING,
            &Want::new(Some(brand), None),
        );
        assert_eq!(near[0].station, i, "{brand}");
    }
}

#[test]
fn the_county_centre_is_the_nearest_operating_one() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);
    // Beside 阳城县's centre and 600 km away beside 西平县's.
    for id in ["cc-140522", "cc-411721"] {
        let centre = ds.stations.iter().position(|s| s.id == id).unwrap();
        let s = &ds.stations[centre];
        let found = index.county_centre(s.lon + 0.05, s.lat + 0.05).unwrap();
        assert_eq!(found.station, centre);
        assert!(found.km > 5.0 && found.km < 10.0, "{}", found.km);
    }
}

#[test]
fn alternatives_for_a_brand_handle_it() {
    let ds = read_demo();
    let index = NearIndex::new(&ds);
    let village = ds.villages.iter().find(|v| v.lon.is_some()).unwrap();
    let want = Want::new(Some("京东"), None);
    let alternatives = index.alternatives(&ds, village.code.as_str(), 3, &want);
    assert!(!alternatives.is_empty());
    for n in &alternatives {
        let s = &ds.stations[n.station];
        assert!(
            s.brands.iter().any(|b| b == "京东") && s.is_operating(),
            "{}",
            s.id
        );
    }
}

#[test]
fn brands_are_counted_once_per_station_most_listed_first() {
    let station = |brands: &[&str]| {
        let mut s = common::station(
            "vp-1",
            Tier::VillagePoint,
            "点",
            "140522100001",
            112.4,
            35.5,
        );
        s.brands = brands.iter().map(|b| b.to_string()).collect();
        s
    };
    let list = cundi_core::brand::brands(&[
        station(&["中通", "中通快递", "邮政"]),
        station(&["EMS", "中通"]),
        station(&["顺丰", ""]),
    ]);
    assert_eq!(
        list,
        vec![("中通".into(), 2), ("邮政".into(), 2), ("顺丰".into(), 1)]
    );
    // Over the demo: as many as the stations that list each, as written there.
    let ds = read_demo();
    for (brand, n) in cundi_core::brand::brands(&ds.stations) {
        let listed = ds
            .stations
            .iter()
            .filter(|s| s.brands.contains(&brand))
            .count();
        assert_eq!(n, listed, "{brand}");
    }
}
