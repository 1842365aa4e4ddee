//! Clusters of map points, for views with more points than a cheap phone can draw: the
//! `supercluster-rs` crate (a port of Mapbox's supercluster, the library web maps use, on flat
//! k-d trees) builds the hierarchy once per set of points, and each view then asks only for the
//! clusters and single points inside its box at its zoom.

use crate::geo::BBox;
use supercluster_rs::{ClusterId, Supercluster, SuperclusterBuilder, SuperclusterOptions};

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
    /// `None` for no points.
    index: Option<Supercluster>,
    /// Index into the caller's list of each point clustered (those with a finite position).
    source: Vec<usize>,
    points: Vec<(f64, f64)>,
}

impl std::fmt::Debug for Clusters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clusters")
            .field("len", &self.len())
            .finish()
    }
}

impl Clusters {
    /// Clusters `points` (longitude, latitude in WGS-84 degrees); a point that is not a finite
    /// position is left out, and the others keep their index.
    pub fn new(points: impl IntoIterator<Item = (f64, f64)>) -> Clusters {
        let (source, points): (Vec<usize>, Vec<(f64, f64)>) = points
            .into_iter()
            .enumerate()
            .filter(|(_, (lon, lat))| lon.is_finite() && lat.is_finite())
            .unzip();
        if points.is_empty() {
            return Clusters {
                index: None,
                source,
                points,
            };
        }
        let options = SuperclusterOptions::new()
            .with_radius(RADIUS)
            .with_extent(EXTENT)
            .with_min_points(2)
            .with_max_zoom(usize::from(MAX_ZOOM));
        let mut builder = SuperclusterBuilder::new_with_options(points.len(), options);
        for &(lon, lat) in &points {
            builder.add(lon, lat);
        }
        Clusters {
            index: Some(builder.finish()),
            source,
            points,
        }
    }

    /// Number of points clustered.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// What to draw inside `bbox` at `zoom` (Leaflet's zoom; fractions round down).
    pub fn marks(&self, bbox: BBox, zoom: f64) -> Vec<Mark> {
        let Some(index) = &self.index else {
            return Vec::new();
        };
        let zoom = zoom.floor().clamp(0.0, f64::from(u8::MAX)) as usize;
        index
            .get_clusters(bbox.west(), bbox.south(), bbox.east(), bbox.north(), zoom)
            .iter()
            .filter_map(|c| {
                let id = c.id().as_usize();
                if c.is_cluster() {
                    Some(Mark::Cluster {
                        id,
                        count: c.count(),
                        lon: c.x(),
                        lat: c.y(),
                    })
                } else {
                    // A single point: its own position, from the list it came from.
                    let (lon, lat) = *self.points.get(id)?;
                    Some(Mark::Point {
                        index: self.source[id],
                        lon,
                        lat,
                    })
                }
            })
            .collect()
    }

    /// The zoom at which a cluster splits into several marks (to zoom to when it is tapped).
    pub fn expansion_zoom(&self, id: usize) -> u8 {
        self.index
            .as_ref()
            .and_then(|index| {
                index
                    .get_cluster_expansion_zoom(ClusterId::new_source_id(id))
                    .ok()
            })
            .and_then(|z| u8::try_from(z).ok())
            .unwrap_or(MAX_ZOOM + 1)
            .min(MAX_ZOOM + 1)
    }
}
