//! Entry points for the benchmarks in `bench/`, called from the page through Trunk's
//! `window.wasmBindings`: the core's own clustering, CSV reading and nearest-point search on input
//! the benchmark hands over, so each can be timed against the JavaScript library doing the same
//! job on the same input in the same page. They touch no state of the site and nothing personal.

use cundi_core::cluster::Clusters;
use cundi_core::geo::BBox;
use cundi_core::nearest::{Filter, NearIndex};
use cundi_core::{Dataset, Parts};
use wasm_bindgen::prelude::*;

/// The whole world, as the benchmark asks the JS library for it.
const WORLD: BBox = BBox([-180.0, -85.0, 180.0, 85.0]);

/// Clusters the points (`[lon, lat, lon, lat, …]`) and draws the world at each zoom from 0 to
/// `max_zoom`; returns the number of marks, so nothing is optimised away and the count can be
/// compared with the library's.
#[wasm_bindgen]
pub fn bench_cluster(lonlat: &[f64], max_zoom: u8) -> usize {
    let clusters = Clusters::new(lonlat.chunks_exact(2).map(|p| (p[0], p[1])));
    (0..=max_zoom)
        .map(|z| clusters.marks(WORLD, f64::from(z)).len())
        .sum()
}

/// Reads a chunk's `stations.csv` as the site does (typed and checked); returns the rows read.
#[wasm_bindgen]
pub fn bench_read_stations(text: &str) -> usize {
    cundi_core::read::read_stations("stations.csv", text.as_bytes())
        .0
        .len()
}

/// The nearest-point index over a `stations.csv`, for timing queries.
#[wasm_bindgen]
pub struct BenchNear {
    index: NearIndex,
}

#[wasm_bindgen]
impl BenchNear {
    #[wasm_bindgen(constructor)]
    pub fn new(stations_csv: &str) -> BenchNear {
        let (stations, _) =
            cundi_core::read::read_stations("stations.csv", stations_csv.as_bytes());
        let ds = Dataset::new(Parts {
            stations,
            ..Parts::default()
        });
        BenchNear {
            index: NearIndex::new(&ds),
        }
    }

    /// The five nearest operating points to each position (`[lon, lat, …]`), as "near me" asks;
    /// returns how many were found in all.
    pub fn nearest(&self, lonlat: &[f64]) -> usize {
        lonlat
            .chunks_exact(2)
            .map(|p| {
                self.index
                    .nearest(p[0], p[1], crate::near::NEAREST, Filter::OPERATING)
                    .len()
            })
            .sum()
    }
}
