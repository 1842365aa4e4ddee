//! Clusters of map points, for views with more points than a cheap phone can draw: the
//! `supercluster` crate (a port of Mapbox's supercluster, the library web maps use) builds the
//! hierarchy once per set of points, and each view then asks only for the clusters and single
//! points inside its box at its zoom.

use crate::geo::BBox;
use geojson::feature::Id;
use geojson::{Feature, Geometry, Value};
use supercluster::{CoordinateSystem, Supercluster};

/// Above this zoom every point is drawn on its own.
pub const MAX_ZOOM: u8 = 14;

/// Cluster radius in pixels (of a 512-pixel tile): about a finger's width on a phone map.
const RADIUS: f64 = 48.0;
const EXTENT: f64 = 512.0;

/// One thing to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A single point: its position in the list the clusters were built from.
    Point { index: usize, lon: f64, lat: f64 },
    /// Several points drawn as one, at their centre.
    Cluster {
        id: usize,
        count: usize,
        lon: f64,
        lat: f64,
    },
}

impl Mark {
    /// How many points it stands for.
    pub fn count(&self) -> usize {
        match self {
            Mark::Point { .. } => 1,
            Mark::Cluster { count, .. } => *count,
        }
    }
}

/// The cluster hierarchy of a list of points.
pub struct Clusters {
    /// `None` for no points (the crate's tree cannot be built empty).
    index: Option<Supercluster>,
    len: usize,
}

impl std::fmt::Debug for Clusters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clusters").field("len", &self.len).finish()
    }
}

impl Clusters {
    /// Clusters `points` (longitude, latitude in WGS-84 degrees); a point that is not a finite
    /// position is left out, and the others keep their index.
    pub fn new(points: impl IntoIterator<Item = (f64, f64)>) -> Clusters {
        let features: Vec<Feature> = points
            .into_iter()
            .enumerate()
            .filter(|(_, (lon, lat))| lon.is_finite() && lat.is_finite())
            .map(|(i, (lon, lat))| Feature {
                id: Some(Id::Number(i.into())),
                geometry: Some(Geometry::new(Value::Point(vec![lon, lat]))),
                bbox: None,
                properties: None,
                foreign_members: None,
            })
            .collect();
        let len = features.len();
        if len == 0 {
            return Clusters { index: None, len };
        }
        let options = Supercluster::builder()
            .radius(RADIUS)
            .extent(EXTENT)
            .min_points(2)
            .max_zoom(MAX_ZOOM)
            .coordinate_system(CoordinateSystem::LatLng)
            .build();
        let mut index = Supercluster::new(options);
        // Loading fails only on an internal inconsistency: then nothing is drawn clustered.
        let index = index.load(features).is_ok().then_some(index);
        Clusters { index, len }
    }

    /// Number of points clustered.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// What to draw inside `bbox` at `zoom` (Leaflet's zoom; fractions round down).
    pub fn marks(&self, bbox: BBox, zoom: f64) -> Vec<Mark> {
        let zoom = zoom.floor().clamp(0.0, f64::from(u8::MAX)) as u8;
        let Some(Ok(features)) = self.index.as_ref().map(|i| i.get_clusters(bbox.0, zoom)) else {
            return Vec::new();
        };
        features.iter().filter_map(mark).collect()
    }

    /// The zoom at which a cluster splits into several marks (to zoom to when it is tapped).
    pub fn expansion_zoom(&self, id: usize) -> u8 {
        let Some(index) = &self.index else {
            return MAX_ZOOM + 1;
        };
        let zoom = index.get_cluster_expansion_zoom(id);
        u8::try_from(zoom).unwrap_or(MAX_ZOOM).min(MAX_ZOOM + 1)
    }
}

fn mark(f: &Feature) -> Option<Mark> {
    let Some(Value::Point(p)) = f.geometry.as_ref().map(|g| &g.value) else {
        return None;
    };
    let (lon, lat) = (*p.first()?, *p.get(1)?);
    let count = f.property("point_count").and_then(|c| c.as_u64());
    match (count, &f.id) {
        (Some(count), _) => Some(Mark::Cluster {
            id: f.property("cluster_id")?.as_u64()? as usize,
            count: count as usize,
            lon,
            lat,
        }),
        (None, Some(Id::Number(n))) => Some(Mark::Point {
            index: n.as_u64()? as usize,
            lon,
            lat,
        }),
        _ => None,
    }
}
