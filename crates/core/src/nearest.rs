//! Nearness on the Earth: the stations nearest a position ("near me"), the point that serves a
//! village and its nearest alternatives, and the village a position lies in — or that it lies
//! outside the data.
//!
//! An R-tree over longitude and latitude degrees would rank wrongly: a degree of longitude is
//! shorter than one of latitude, and more so the further north (at 40° N by a quarter). So points
//! are indexed as 3-D unit vectors. The straight-line (chord) distance between two unit vectors
//! grows strictly with the great-circle distance, so the R-tree's nearest-neighbour order *is* the
//! great-circle order; distances are then computed with [`geo::haversine_km`], the same function a
//! brute-force scan uses, and ties are broken by station order, so the two agree exactly.

use crate::brand::Want;
use crate::dataset::Dataset;
use crate::geo::{self, BBox};
use crate::model::{Station, Status, Tier, Village};
use rstar::primitives::GeomWithData;
use rstar::RTree;

/// A village committee farther than this from a position is not "the village you are in".
pub const VILLAGE_RADIUS_KM: f64 = 5.0;

/// A position farther than this from every station is outside the data.
pub const OUTSIDE_KM: f64 = 30.0;

/// A point farther than this does not count as "nearby" for a brand: "near me" and a village's
/// page then also give the way to the county centre (docs/DATA.md, "Brands").
pub const NEARBY_KM: f64 = 10.0;

/// A position this far outside every county's bounding box is outside the data (the margin
/// allows for a GPS fix's error at the edge of a county).
pub const BBOX_MARGIN_KM: f64 = 2.0;

type Node = GeomWithData<[f64; 3], u32>;

/// The unit vector of a WGS-84 position (on a sphere, which is what `haversine_km` assumes too).
fn unit_vector(lon: f64, lat: f64) -> [f64; 3] {
    let (lon, lat) = (lon.to_radians(), lat.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn finite(lon: f64, lat: f64) -> bool {
    lon.is_finite() && lat.is_finite()
}

/// Which stations a query considers, by tier and status. Checked while walking the tree, so one
/// index serves every filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Filter {
    tiers: u8,
    statuses: u8,
}

impl Filter {
    /// Every station.
    pub const ANY: Filter = Filter {
        tiers: 0b111,
        statuses: 0b1111,
    };

    /// Stations open for business, of any tier: what "near me" shows.
    pub const OPERATING: Filter = Filter {
        tiers: 0b111,
        statuses: 1 << Status::Operating as u8,
    };

    /// The same filter, limited to these tiers.
    pub fn tiers(self, tiers: &[Tier]) -> Filter {
        Filter {
            tiers: tiers.iter().fold(0, |m, &t| m | 1 << t as u8),
            ..self
        }
    }

    /// The same filter, limited to these statuses.
    pub fn statuses(self, statuses: &[Status]) -> Filter {
        Filter {
            statuses: statuses.iter().fold(0, |m, &s| m | 1 << s as u8),
            ..self
        }
    }

    pub fn accepts(self, station: &Station) -> bool {
        self.accepts_kind(station.tier, station.status)
    }

    fn accepts_kind(self, tier: Tier, status: Status) -> bool {
        self.tiers & (1 << tier as u8) != 0 && self.statuses & (1 << status as u8) != 0
    }
}

/// A station and how far it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    /// Index into the dataset's `stations`.
    pub station: usize,
    pub km: f64,
}

/// Where a position is, as far as the data can tell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Whereabouts {
    /// Within [`VILLAGE_RADIUS_KM`] of a village committee: taken to be in that village (index into
    /// the dataset's `villages`).
    InVillage { village: usize, km: f64 },
    /// Inside the data's area, but no village committee with published coordinates is near.
    NoVillageNear,
    /// Farther than [`OUTSIDE_KM`] from every station, or outside every county's box.
    Outside,
}

#[derive(Debug, Clone, Copy)]
struct StationPoint {
    lon: f64,
    lat: f64,
    tier: Tier,
    status: Status,
}

/// Spatial indexes over a dataset's stations and village committees. Indices refer to the
/// dataset's vectors, so build a new one when the dataset changes (a county chunk is added).
#[derive(Debug, Clone)]
pub struct NearIndex {
    stations: RTree<Node>,
    station_points: Vec<StationPoint>,
    villages: RTree<Node>,
    village_points: Vec<(f64, f64)>,
    county_bboxes: Vec<BBox>,
}

impl NearIndex {
    pub fn new(ds: &Dataset) -> NearIndex {
        let station_points: Vec<StationPoint> = ds
            .stations
            .iter()
            .map(|s| StationPoint {
                lon: s.lon,
                lat: s.lat,
                tier: s.tier,
                status: s.status,
            })
            .collect();
        let stations = RTree::bulk_load(
            station_points
                .iter()
                .enumerate()
                .filter(|(_, p)| finite(p.lon, p.lat))
                .map(|(i, p)| Node::new(unit_vector(p.lon, p.lat), i as u32))
                .collect(),
        );
        let village_points: Vec<(f64, f64)> = ds
            .villages
            .iter()
            .map(|v| (v.lon.unwrap_or(f64::NAN), v.lat.unwrap_or(f64::NAN)))
            .collect();
        let villages = RTree::bulk_load(
            village_points
                .iter()
                .enumerate()
                .filter(|(_, &(lon, lat))| finite(lon, lat))
                .map(|(i, &(lon, lat))| Node::new(unit_vector(lon, lat), i as u32))
                .collect(),
        );
        NearIndex {
            stations,
            station_points,
            villages,
            village_points,
            county_bboxes: ds.county_bboxes.values().copied().collect(),
        }
    }

    /// The `n` stations nearest a position that pass `filter`, nearest first (equal distances in
    /// station order).
    pub fn nearest(&self, lon: f64, lat: f64, n: usize, filter: Filter) -> Vec<Near> {
        self.nearest_where(lon, lat, n, |i| {
            let p = &self.station_points[i];
            filter.accepts_kind(p.tier, p.status)
        })
    }

    /// As [`NearIndex::nearest`], among the stations that are also what the resident wants (a
    /// brand, a service). With nothing in particular wanted, the same as `nearest`.
    pub fn nearest_wanted(
        &self,
        ds: &Dataset,
        lon: f64,
        lat: f64,
        n: usize,
        filter: Filter,
        want: &Want,
    ) -> Vec<Near> {
        if want.is_any() {
            return self.nearest(lon, lat, n, filter);
        }
        let mut near = self.nearest_where_within(lon, lat, n, OUTSIDE_KM, |i| {
            let p = &self.station_points[i];
            filter.accepts_kind(p.tier, p.status)
                && ds.stations.get(i).is_some_and(|s| want.accepts(s))
        });
        near.retain(|n| n.km <= OUTSIDE_KM);
        near
    }

    /// The operating county centre nearest a position: where every brand's parcels pass, and
    /// the way to go when no point nearby handles the one wanted.
    pub fn county_centre(&self, lon: f64, lat: f64) -> Option<Near> {
        let centres = Filter::OPERATING.tiers(&[Tier::CountyCenter]);
        self.nearest(lon, lat, 1, centres).into_iter().next()
    }

    fn nearest_where(
        &self,
        lon: f64,
        lat: f64,
        n: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Vec<Near> {
        self.nearest_where_within(lon, lat, n, f64::INFINITY, accept)
    }

    /// As `nearest_where`, not walking the tree beyond about `max_km` (the caller drops what
    /// lies just beyond, by [`geo::haversine_km`]): a brand no station near lists does not
    /// visit every station.
    fn nearest_where_within(
        &self,
        lon: f64,
        lat: f64,
        n: usize,
        max_km: f64,
        accept: impl Fn(usize) -> bool,
    ) -> Vec<Near> {
        if n == 0 || !finite(lon, lat) {
            return Vec::new();
        }
        let mut found: Vec<usize> = Vec::with_capacity(n);
        // The chord of the unit sphere that `max_km` subtends, squared, with room for rounding.
        let chord = 2.0 * (max_km / (2.0 * geo::EARTH_RADIUS_KM)).min(1.0).sin();
        let mut cutoff = if max_km.is_finite() {
            chord * chord * (1.0 + 1e-6) + 1e-12
        } else {
            f64::INFINITY
        };
        for (node, d2) in self
            .stations
            .nearest_neighbor_iter_with_distance_2(unit_vector(lon, lat))
        {
            if d2 > cutoff {
                break;
            }
            let i = node.data as usize;
            if !accept(i) {
                continue;
            }
            found.push(i);
            if found.len() == n {
                // Keep collecting what is as near as the n-th (to rounding), so that ties are
                // settled by station order below rather than by the tree's layout.
                cutoff = d2 * (1.0 + 1e-9) + 1e-18;
            }
        }
        let mut near: Vec<Near> = found
            .into_iter()
            .map(|i| {
                let p = &self.station_points[i];
                Near {
                    station: i,
                    km: geo::haversine_km(lon, lat, p.lon, p.lat),
                }
            })
            .collect();
        // Station indices are distinct, so an unstable sort gives the one order.
        near.sort_unstable_by(|a, b| a.km.total_cmp(&b.km).then(a.station.cmp(&b.station)));
        near.truncate(n);
        near
    }

    /// The village committee nearest a position, at any distance, with its distance.
    pub fn nearest_village(&self, lon: f64, lat: f64) -> Option<(usize, f64)> {
        if !finite(lon, lat) {
            return None;
        }
        let mut best: Option<(usize, f64)> = None;
        let mut cutoff = f64::INFINITY;
        // As in `nearest`: take every committee tied with the nearest, then the first of them.
        for (node, d2) in self
            .villages
            .nearest_neighbor_iter_with_distance_2(unit_vector(lon, lat))
        {
            if d2 > cutoff {
                break;
            }
            cutoff = cutoff.min(d2 * (1.0 + 1e-9) + 1e-18);
            let i = node.data as usize;
            let (vlon, vlat) = self.village_points[i];
            let km = geo::haversine_km(lon, lat, vlon, vlat);
            if best.is_none_or(|(b, bkm)| (km, i) < (bkm, b)) {
                best = Some((i, km));
            }
        }
        best
    }

    /// Whether a position lies outside the data: farther than [`OUTSIDE_KM`] from every station,
    /// or (when county outlines were published) more than [`BBOX_MARGIN_KM`] outside every
    /// county's bounding box.
    pub fn is_outside(&self, lon: f64, lat: f64) -> bool {
        if !finite(lon, lat) {
            return true;
        }
        let far_from_stations = self
            .nearest(lon, lat, 1, Filter::ANY)
            .first()
            .is_none_or(|n| n.km > OUTSIDE_KM);
        let outside_counties = !self.county_bboxes.is_empty()
            && self
                .county_bboxes
                .iter()
                .all(|b| b.distance_km(lon, lat) > BBOX_MARGIN_KM);
        far_from_stations || outside_counties
    }

    /// Where a position is: in a village, in the data's area but near no village, or outside.
    pub fn locate(&self, lon: f64, lat: f64) -> Whereabouts {
        if self.is_outside(lon, lat) {
            return Whereabouts::Outside;
        }
        match self.nearest_village(lon, lat) {
            Some((village, km)) if km <= VILLAGE_RADIUS_KM => {
                Whereabouts::InVillage { village, km }
            }
            _ => Whereabouts::NoVillageNear,
        }
    }

    /// The village a position lies in (see [`NearIndex::locate`]), with the distance to its
    /// committee.
    pub fn village_at<'a>(
        &self,
        ds: &'a Dataset,
        lon: f64,
        lat: f64,
    ) -> Option<(&'a Village, f64)> {
        match self.locate(lon, lat) {
            Whereabouts::InVillage { village, km } => ds.villages.get(village).map(|v| (v, km)),
            _ => None,
        }
    }

    /// The `n` operating stations nearest a village's committee, other than the one serving it:
    /// where to go when the serving point is closed or far. Empty when the village's location is
    /// not published.
    /// With a brand or service `want`ed, only the points that are what the resident wants,
    /// within [`OUTSIDE_KM`].
    pub fn alternatives(
        &self,
        ds: &Dataset,
        village_code: &str,
        n: usize,
        want: &Want,
    ) -> Vec<Near> {
        let Some(village) = ds.village(village_code) else {
            return Vec::new();
        };
        let (Some(lon), Some(lat)) = (village.lon, village.lat) else {
            return Vec::new();
        };
        let serving = village.served_by.as_deref();
        // For a brand or service, as in `nearest_wanted`: nothing beyond OUTSIDE_KM.
        let max_km = if want.is_any() {
            f64::INFINITY
        } else {
            OUTSIDE_KM
        };
        let mut near = self.nearest_where_within(lon, lat, n, max_km, |i| {
            let p = &self.station_points[i];
            Filter::OPERATING.accepts_kind(p.tier, p.status)
                && Some(ds.stations[i].id.as_str()) != serving
                && want.accepts(&ds.stations[i])
        });
        near.retain(|n| n.km <= max_km);
        near
    }
}

/// The station a village names as serving it, whatever its status (a closed one is shown as
/// closed, not hidden), and how far it is from the village committee.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Serving<'a> {
    pub station: &'a Station,
    /// `None` when the village's location is not published.
    pub km: Option<f64>,
}

/// The point that serves a village; `None` when the village is unknown, names no station, or
/// names one that is not in the data.
pub fn serving_point<'a>(ds: &'a Dataset, village_code: &str) -> Option<Serving<'a>> {
    let village = ds.village(village_code)?;
    let station = ds.station(village.served_by.as_deref()?)?;
    let km = match (village.lon, village.lat) {
        (Some(lon), Some(lat)) => Some(geo::haversine_km(lon, lat, station.lon, station.lat)),
        _ => None,
    };
    Some(Serving { station, km })
}

/// When counties load on demand (the national bundle), the counties that "near me" still needs
/// before its answer is sure: those not yet `loaded` whose box lies within `km` of the position,
/// nearest first. With `km` the distance of the farthest result found so far (or
/// [`OUTSIDE_KM`] while fewer than wanted are found), no closer station can lie in a county
/// left out, so loading these and asking again until none are left gives exactly the answer of
/// the whole dataset. The first round asks with [`VILLAGE_RADIUS_KM`], which also brings the
/// village the position lies in.
pub fn counties_to_load<'a>(
    boxes: impl IntoIterator<Item = (&'a crate::Code, BBox)>,
    loaded: impl Fn(&crate::Code) -> bool,
    lon: f64,
    lat: f64,
    km: f64,
) -> Vec<crate::Code> {
    let mut near: Vec<(f64, &crate::Code)> = boxes
        .into_iter()
        .filter(|(code, _)| !loaded(code))
        .map(|(code, b)| (b.distance_km(lon, lat), code))
        .filter(|(d, _)| *d <= km)
        .collect();
    crate::sort::sort_by(&mut near, |a, b| {
        a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1))
    });
    near.into_iter().map(|(_, c)| c.clone()).collect()
}

/// Which loaded counties to keep, and so which to evict (let go), when counties load on demand
/// and memory is bounded: every county just asked for, then the most recently wanted, `keep` in
/// all but never fewer than were asked for. `loaded` is in the order the counties are held (ties
/// keep it), `recent` oldest first. A county evicted is fetched again when it is wanted. Gives
/// the codes to keep, sorted. (The site's store applies it, with `keep` = 24.)
pub fn counties_to_keep(
    loaded: &[crate::Code],
    asked: &[crate::Code],
    recent: &[crate::Code],
    keep: usize,
) -> Vec<crate::Code> {
    let rank = |c: &crate::Code| {
        if asked.contains(c) {
            usize::MAX
        } else {
            recent.iter().position(|r| r == c).map_or(0, |i| i + 1)
        }
    };
    let mut ranked: Vec<(usize, &crate::Code)> = loaded.iter().map(|c| (rank(c), c)).collect();
    crate::sort::sort_by_key(&mut ranked, |(r, _)| std::cmp::Reverse(*r));
    ranked.truncate(keep.max(asked.len()));
    let mut kept: Vec<crate::Code> = ranked.into_iter().map(|(_, c)| c.clone()).collect();
    crate::sort::sort_by(&mut kept, Ord::cmp);
    kept
}

/// How far [`counties_to_load`] must look after a round that found `found` of `wanted`
/// stations: to the farthest of them, but never beyond [`OUTSIDE_KM`] — nothing farther is
/// sought, so a sparse area never loads half the country. The answer is exact for every station
/// within that distance.
pub fn reach(found: &[Near], wanted: usize) -> f64 {
    match found.get(wanted.saturating_sub(1)) {
        Some(last) if wanted > 0 => last.km.min(OUTSIDE_KM),
        _ => OUTSIDE_KM,
    }
}

/// The map as a list: the stations inside `view`, nearest its centre first (ties by station
/// order), at most `limit` of them, and how many are inside in all. What the map draws, as text
/// that a screen reader reads and a keyboard walks.
pub fn in_view<'a>(
    stations: impl IntoIterator<Item = &'a Station>,
    view: &BBox,
    limit: usize,
) -> (Vec<&'a Station>, usize) {
    let (lon, lat) = view.center();
    let mut inside: Vec<(f64, usize, &Station)> = stations
        .into_iter()
        .enumerate()
        .filter(|(_, s)| view.contains(s.lon, s.lat))
        .map(|(i, s)| (geo::haversine_km(lon, lat, s.lon, s.lat), i, s))
        .collect();
    let total = inside.len();
    let by_distance = |a: &(f64, usize, &Station), b: &(f64, usize, &Station)| {
        a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
    };
    if limit < total {
        inside.select_nth_unstable_by(limit, by_distance);
        inside.truncate(limit);
    }
    crate::sort::sort_by(&mut inside, by_distance);
    (inside.into_iter().map(|(_, _, s)| s).collect(), total)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counties_to_keep_evicts_the_least_recently_wanted_first() {
        let code = |s: &str| crate::Code::parse(s).unwrap();
        let loaded: Vec<_> = ["140522", "370305", "411721", "130102", "510104"]
            .iter()
            .map(|s| code(s))
            .collect();
        // 411721 was wanted last, 370305 before it; 130102 and 510104 not lately.
        let recent = [code("370305"), code("411721")];
        let asked = [code("510104")];
        assert_eq!(
            counties_to_keep(&loaded, &asked, &recent, 3),
            vec![code("370305"), code("411721"), code("510104")],
        );
        // Never fewer than those asked for, even over `keep`.
        let asked_all: Vec<_> = loaded.clone();
        assert_eq!(counties_to_keep(&loaded, &asked_all, &[], 2).len(), 5);
        // Under the bound, nothing is evicted.
        assert_eq!(counties_to_keep(&loaded, &[], &[], 24).len(), 5);
        // With nothing recent or asked, the order held decides (ties keep it).
        assert_eq!(
            counties_to_keep(&loaded, &[], &[], 2),
            vec![code("140522"), code("370305")]
        );
    }

    use super::*;

    #[test]
    fn chord_order_is_great_circle_order() {
        // At 40° N a degree of longitude is ~85 km and one of latitude ~111 km: in degrees the
        // east point is "farther", on the ground it is nearer.
        let (lon, lat) = (112.0, 40.0);
        let east = (112.0 + 1.2, 40.0);
        let north = (112.0, 40.0 + 1.0);
        let chord = |p: (f64, f64)| {
            let (a, b) = (unit_vector(lon, lat), unit_vector(p.0, p.1));
            (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f64>()
        };
        assert!(
            geo::haversine_km(lon, lat, east.0, east.1)
                < geo::haversine_km(lon, lat, north.0, north.1)
        );
        assert!(chord(east) < chord(north));
    }

    #[test]
    fn filters_combine_tiers_and_statuses() {
        let f = Filter::OPERATING.tiers(&[Tier::TownshipStation]);
        assert!(f.accepts_kind(Tier::TownshipStation, Status::Operating));
        assert!(!f.accepts_kind(Tier::VillagePoint, Status::Operating));
        assert!(!f.accepts_kind(Tier::TownshipStation, Status::Closed));
        let g = Filter::ANY.statuses(&[Status::Planned, Status::Suspended]);
        assert!(g.accepts_kind(Tier::CountyCenter, Status::Planned));
        assert!(!g.accepts_kind(Tier::CountyCenter, Status::Operating));
        for &t in Tier::ALL {
            for &s in Status::ALL {
                assert!(Filter::ANY.accepts_kind(t, s));
            }
        }
    }
}
