//! The coordinate systems Chinese maps use — WGS-84 (GPS, OpenStreetMap, and this project's data),
//! GCJ-02 (AMap/Gaode, Tencent) and BD-09 (Baidu) — converted both ways, and the links that open a
//! point in each app with the coordinates it expects.
//!
//! The formulas are the published ones (GCJ-02: offsets on the Krasovsky ellipsoid; BD-09: GCJ-02
//! turned by the 0.0065/0.006 and `x_pi` formulas), taken from the `coordtransform` crate: it has
//! no dependencies, forbids `unsafe`, and inverts GCJ-02 and BD-09 numerically (refined against the
//! forward formula to ~1e-9°, where the common one-step inverse is off by up to a couple of metres).
//!
//! Where the offset applies is decided here, not by the crate: its region test is an outline of the
//! mainland simplified "approximately near borders", which could leave a village near the
//! Myanmar or Kazakh border unshifted and its AMap pin hundreds of metres off. Every point in this
//! project's data is in China, and the data is checked to lie in [`BBox::CHINA`], so the offset
//! applies to every point in that box and nowhere else — the rule the widely copied
//! `eviltransform` code uses too. (The crate's `*_in_mainland` functions skip its region test, so its
//! OpenStreetMap-derived outline is not even linked in.)

use crate::geo::BBox;
use crate::model::Crs;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Whether the GCJ-02 (and so BD-09) offset applies at a position; outside China the Chinese
/// apps use WGS-84 as it is.
pub fn in_offset_region(lon: f64, lat: f64) -> bool {
    BBox::CHINA.contains(lon, lat)
}

pub fn wgs84_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    if !in_offset_region(lon, lat) {
        return (lon, lat);
    }
    coordtransform::wgs84_to_gcj02_in_mainland(lon, lat)
}

/// The inverse of [`wgs84_to_gcj02`], to within 1e-8° inside China.
pub fn gcj02_to_wgs84(lon: f64, lat: f64) -> (f64, f64) {
    // GCJ-02 is at most ~700 m from WGS-84, so testing the region on the GCJ-02 position decides
    // the same for every point not within metres of the box's edge (open sea or empty land).
    if !in_offset_region(lon, lat) {
        return (lon, lat);
    }
    coordtransform::gcj02_to_wgs84_in_mainland(lon, lat)
}

/// Baidu's turn of GCJ-02. Applied everywhere: BD-09 is only ever derived from GCJ-02.
pub fn gcj02_to_bd09(lon: f64, lat: f64) -> (f64, f64) {
    coordtransform::gcj02_to_bd09(lon, lat)
}

/// The inverse of [`gcj02_to_bd09`], refined to within 1e-9°.
pub fn bd09_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    coordtransform::bd09_to_gcj02(lon, lat)
}

pub fn wgs84_to_bd09(lon: f64, lat: f64) -> (f64, f64) {
    if !in_offset_region(lon, lat) {
        return (lon, lat);
    }
    let (lon, lat) = wgs84_to_gcj02(lon, lat);
    gcj02_to_bd09(lon, lat)
}

pub fn bd09_to_wgs84(lon: f64, lat: f64) -> (f64, f64) {
    if !in_offset_region(lon, lat) {
        return (lon, lat);
    }
    let (lon, lat) = bd09_to_gcj02(lon, lat);
    gcj02_to_wgs84(lon, lat)
}

/// Converts a position between any two of the systems a data package may be published in.
pub fn convert(from: Crs, to: Crs, lon: f64, lat: f64) -> (f64, f64) {
    let (lon, lat) = match from {
        Crs::Wgs84 => (lon, lat),
        Crs::Gcj02 => gcj02_to_wgs84(lon, lat),
        Crs::Bd09 => bd09_to_wgs84(lon, lat),
    };
    match to {
        Crs::Wgs84 => (lon, lat),
        Crs::Gcj02 => wgs84_to_gcj02(lon, lat),
        Crs::Bd09 => wgs84_to_bd09(lon, lat),
    }
}

/// Links that open a point in the map apps residents use, each in that app's coordinate system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directions {
    /// AMap (Gaode) URI API marker, GCJ-02.
    pub amap: String,
    /// Baidu Maps URI API marker, BD-09.
    pub baidu: String,
    /// OpenStreetMap, WGS-84.
    pub osm: String,
}

/// What the URI APIs ask to be told about the calling site (Baidu's rule:
/// `webapp.<company>.<app>`).
const AMAP_SRC: &str = "cundi";
const BAIDU_SRC: &str = "webapp.cundi.cundi";

/// RFC 3986 unreserved characters stay; everything else, Chinese included, is percent-encoded as
/// UTF-8, which both URI APIs decode.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The three directions links for a point named `name` at a WGS-84 position. Coordinates are
/// written with 6 decimals (about 0.1 m).
///
/// - AMap: `https://uri.amap.com/marker?position=LON,LAT&name=…&src=…&coordinate=gaode&callnative=1`
///   (`coordinate=gaode` says the position is GCJ-02; `callnative=1` opens the app when installed).
/// - Baidu: `https://api.map.baidu.com/marker?location=LAT,LON&title=…&content=…&output=html&coord_type=bd09ll&src=…`
///   (latitude first; `bd09ll` says BD-09 degrees).
/// - OpenStreetMap: `https://www.openstreetmap.org/?mlat=LAT&mlon=LON#map=17/LAT/LON`.
pub fn directions_urls(name: &str, lon: f64, lat: f64) -> Directions {
    let name = utf8_percent_encode(name.trim(), QUERY_VALUE).to_string();
    let (glon, glat) = wgs84_to_gcj02(lon, lat);
    let (blon, blat) = wgs84_to_bd09(lon, lat);
    Directions {
        amap: format!(
            "https://uri.amap.com/marker?position={glon:.6},{glat:.6}&name={name}&src={AMAP_SRC}&coordinate=gaode&callnative=1"
        ),
        baidu: format!(
            "https://api.map.baidu.com/marker?location={blat:.6},{blon:.6}&title={name}&content={name}&output=html&coord_type=bd09ll&src={BAIDU_SRC}"
        ),
        osm: format!(
            "https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lon:.6}#map=17/{lat:.6}/{lon:.6}"
        ),
    }
}
