//! Coordinate conversions against published reference pairs, in both directions, round trips
//! over China, and the directions links (issue 3).

mod common;

use common::read_demo;
use cundi_core::coords::{
    bd09_to_gcj02, bd09_to_wgs84, convert, directions_urls, gcj02_to_bd09, gcj02_to_wgs84,
    in_offset_region, wgs84_to_bd09, wgs84_to_gcj02,
};
use cundi_core::model::Crs;

fn close(got: (f64, f64), want: (f64, f64), tolerance: f64) -> bool {
    (got.0 - want.0).abs() < tolerance && (got.1 - want.1).abs() < tolerance
}

#[track_caller]
fn assert_close(got: (f64, f64), want: (f64, f64), tolerance: f64) {
    assert!(
        close(got, want, tolerance),
        "got {got:?}, want {want:?} (± {tolerance})"
    );
}

/// (WGS-84, GCJ-02) as (lon, lat), from the test vectors of googollee/eviltransform, the
/// multi-language GCJ-02 library (`python/test.py`, `go/transform_test.go`, `javascript/test.js`:
/// "wgsLat, wgsLng, gcjLat, gcjLng" for Shanghai, Shenzhen and Beijing; reordered here to lon, lat).
const EVILTRANSFORM: [((f64, f64), (f64, f64)); 3] = [
    (
        (121.5272106, 31.1774276),
        (121.531541859215, 31.17530398364597),
    ),
    (
        (113.912316, 22.543847),
        (113.9171764808363, 22.540796131694766),
    ),
    (
        (116.377817, 39.911954),
        (116.38404722455657, 39.91334545536069),
    ),
];

#[test]
fn wgs84_and_gcj02_match_eviltransform_both_ways() {
    for (wgs, gcj) in EVILTRANSFORM {
        assert_close(wgs84_to_gcj02(wgs.0, wgs.1), gcj, 1e-6);
        // eviltransform's own exact inverse is only asked to land within 0.5 m; this one lands
        // on the published WGS-84 value.
        assert_close(gcj02_to_wgs84(gcj.0, gcj.1), wgs, 1e-6);
    }
}

/// The example of Alibaba Cloud's address-purification API, action TransferCoord ("坐标系转换",
/// help.aliyun.com/zh/address-purification/addrpapi/developer-reference/coordinate-system-conversion):
/// the GCJ-02 point 120.026268,30.279164 (Hangzhou) is returned as BD09 120.032768,30.285238 and
/// WGS84 120.021519,30.281543, rounded to 6 decimals.
const ALIYUN_GCJ02: (f64, f64) = (120.026268, 30.279164);
const ALIYUN_BD09: (f64, f64) = (120.032768, 30.285238);
const ALIYUN_WGS84: (f64, f64) = (120.021519, 30.281543);

#[test]
fn gcj02_and_bd09_match_the_aliyun_example_both_ways() {
    // Within the 6-decimal rounding of the published values.
    assert_close(
        gcj02_to_bd09(ALIYUN_GCJ02.0, ALIYUN_GCJ02.1),
        ALIYUN_BD09,
        1e-6,
    );
    assert_close(
        bd09_to_gcj02(ALIYUN_BD09.0, ALIYUN_BD09.1),
        ALIYUN_GCJ02,
        1e-6,
    );
}

#[test]
fn gcj02_to_wgs84_is_within_two_metres_of_the_aliyun_example_and_exact_on_the_way_back() {
    // The service's WGS-84 is the common one-step inverse (GCJ-02 minus the offset computed at the
    // GCJ-02 point), about 1.5 m from the exact one; ours is exact, so it differs by that much...
    let wgs = gcj02_to_wgs84(ALIYUN_GCJ02.0, ALIYUN_GCJ02.1);
    assert_close(wgs, ALIYUN_WGS84, 2e-5);
    assert!(!close(wgs, ALIYUN_WGS84, 1e-6));
    // ...and maps back onto the published GCJ-02 point, which the service's value does not.
    assert_close(wgs84_to_gcj02(wgs.0, wgs.1), ALIYUN_GCJ02, 1e-9);
    assert_close(
        bd09_to_wgs84(ALIYUN_BD09.0, ALIYUN_BD09.1),
        ALIYUN_WGS84,
        2e-5,
    );
    assert_close(
        wgs84_to_bd09(ALIYUN_WGS84.0, ALIYUN_WGS84.1),
        ALIYUN_BD09,
        3e-5,
    );
}

/// wyxloading/coordtransform-rs, `tests/tests.rs`: conversions of 116.404, 39.915 (Beijing).
#[test]
fn matches_coordtransform_rs_at_tiananmen() {
    assert_close(
        wgs84_to_gcj02(116.404, 39.915),
        (116.41024449916938, 39.91640428150164),
        1e-9,
    );
    assert_close(
        gcj02_to_bd09(116.404, 39.915),
        (116.41036949371029, 39.92133699351021),
        1e-9,
    );
    assert_close(
        wgs84_to_bd09(116.404, 39.915),
        (116.41662724378733, 39.922699552216216),
        1e-9,
    );
    // The other directions: back from those outputs to the input.
    assert_close(
        gcj02_to_wgs84(116.41024449916938, 39.91640428150164),
        (116.404, 39.915),
        1e-8,
    );
    assert_close(
        bd09_to_gcj02(116.41036949371029, 39.92133699351021),
        (116.404, 39.915),
        1e-8,
    );
    assert_close(
        bd09_to_wgs84(116.41662724378733, 39.922699552216216),
        (116.404, 39.915),
        1e-8,
    );
    // Their BD-09 → GCJ-02 is the one-step inverse; the refined one differs by under 0.1 m.
    assert_close(
        bd09_to_gcj02(116.404, 39.915),
        (116.39762729119315, 39.90865673957631),
        1e-6,
    );
}

#[test]
fn round_trips_over_china_are_within_a_metre() {
    // A grid over the whole box, and every demo station.
    let mut points = Vec::new();
    for i in 0..=30 {
        for j in 0..=24 {
            points.push((74.0 + 2.0 * f64::from(i), 4.0 + 2.0 * f64::from(j)));
        }
    }
    points.extend(read_demo().stations.iter().map(|s| (s.lon, s.lat)));
    for (lon, lat) in points {
        let g = wgs84_to_gcj02(lon, lat);
        assert_close(gcj02_to_wgs84(g.0, g.1), (lon, lat), 1e-7);
        let b = wgs84_to_bd09(lon, lat);
        assert_close(bd09_to_wgs84(b.0, b.1), (lon, lat), 1e-7);
        let b = gcj02_to_bd09(lon, lat);
        assert_close(bd09_to_gcj02(b.0, b.1), (lon, lat), 1e-7);
        // The offset is a few hundred metres, never nothing inside China.
        assert!(!close(g, (lon, lat), 1e-4), "{lon},{lat}");
        for (from, to) in [
            (Crs::Wgs84, Crs::Gcj02),
            (Crs::Gcj02, Crs::Bd09),
            (Crs::Bd09, Crs::Wgs84),
        ] {
            let there = convert(from, to, lon, lat);
            assert_close(convert(to, from, there.0, there.1), (lon, lat), 1e-7);
        }
    }
}

#[test]
fn no_offset_outside_china() {
    for (lon, lat) in [(2.3522, 48.8566), (-74.006, 40.7128), (151.2093, -33.8688)] {
        assert!(!in_offset_region(lon, lat));
        assert_eq!(wgs84_to_gcj02(lon, lat), (lon, lat));
        assert_eq!(gcj02_to_wgs84(lon, lat), (lon, lat));
        assert_eq!(wgs84_to_bd09(lon, lat), (lon, lat));
        assert_eq!(bd09_to_wgs84(lon, lat), (lon, lat));
    }
    assert_eq!(convert(Crs::Wgs84, Crs::Wgs84, 112.4, 35.5), (112.4, 35.5));
}

#[test]
fn directions_links_carry_each_apps_coordinates() {
    let ds = read_demo();
    let station = ds.station("ts-140522100").unwrap();
    let d = directions_urls(&station.name, station.lon, station.lat);
    let (glon, glat) = wgs84_to_gcj02(station.lon, station.lat);
    let (blon, blat) = wgs84_to_bd09(station.lon, station.lat);
    let name = "%E5%87%A4%E5%9F%8E%E9%95%87%E5%BF%AB%E9%80%92%E7%BB%BC%E5%90%88%E6%9C%8D%E5%8A%A1%E7%AB%99";
    assert_eq!(
        d.amap,
        format!(
            "https://uri.amap.com/marker?position={glon:.6},{glat:.6}&name={name}&src=cundi&coordinate=gaode&callnative=1"
        )
    );
    assert_eq!(
        d.baidu,
        format!(
            "https://api.map.baidu.com/marker?location={blat:.6},{blon:.6}&title={name}&content={name}&output=html&coord_type=bd09ll&src=webapp.cundi.cundi"
        )
    );
    assert_eq!(
        d.osm,
        "https://www.openstreetmap.org/?mlat=35.489870&mlon=112.416187#map=17/35.489870/112.416187"
    );
    // The three positions differ: each app gets its own system.
    assert!(!close((glon, glat), (station.lon, station.lat), 1e-4));
    assert!(!close((blon, blat), (glon, glat), 1e-4));
}

#[test]
fn names_are_percent_encoded_whole() {
    let d = directions_urls(" A&B 站#1/2?x=y ", 112.4, 35.5);
    assert!(
        d.amap
            .contains("&name=A%26B%20%E7%AB%99%231%2F2%3Fx%3Dy&src="),
        "{}",
        d.amap
    );
    assert!(d
        .baidu
        .contains("&title=A%26B%20%E7%AB%99%231%2F2%3Fx%3Dy&content="));
}
