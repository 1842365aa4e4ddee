//! Entry points for the benchmarks in `bench/`, called from the page through Trunk's
//! `window.wasmBindings`: the core's own clustering, CSV reading and nearest-point search on input
//! the benchmark hands over, so each can be timed against the JavaScript library doing the same
//! job on the same input in the same page. They touch no state of the site and nothing personal.

use cundi::near::NearEngine;
use cundi_core::cluster::Clusters;
use cundi_core::geo::BBox;
use cundi_core::nearest::NearIndex;
use cundi_core::{Dataset, Parts};
use wasm_bindgen::prelude::*;

/// The whole world, as the benchmark asks the JS library for it.
const WORLD: BBox = BBox([-180.0, -85.0, 180.0, 85.0]);

/// Clusters the points (`[lon, lat, lon, lat, …]`) and draws the world at each zoom from 0 to
/// `max_zoom`; returns the number of marks, so nothing is optimised away and the count can be
/// compared with the library's. After `bench_map_code()`: the clustering is the map's code, in
/// the map's chunk, and an export of its own here would put it into every page's first load.
#[wasm_bindgen]
pub fn bench_cluster(lonlat: &[f64], max_zoom: u8) -> Result<usize, JsValue> {
    let count = CLUSTER
        .with(|c| c.get())
        .ok_or_else(|| JsValue::from_str("call bench_map_code() first"))?;
    Ok(count(lonlat, max_zoom))
}

type CountMarks = fn(&[f64], u8) -> usize;

thread_local! {
    static CLUSTER: std::cell::Cell<Option<CountMarks>> = const { std::cell::Cell::new(None) };
}

/// Fetches the map's chunk, where the clustering is; `bench_cluster` needs it.
#[wasm_bindgen]
pub async fn bench_map_code() -> Result<(), JsValue> {
    let count = cluster_code()
        .await
        .map_err(|_| JsValue::from_str("the map's chunk did not load"))?;
    CLUSTER.with(|c| c.set(Some(count)));
    Ok(())
}

#[leptos::wasm_split::wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible)]
fn cluster_code() -> Result<CountMarks, leptos::wasm_split::SplitLoaderError> {
    Ok(count_marks)
}

fn count_marks(lonlat: &[f64], max_zoom: u8) -> usize {
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

thread_local! {
    static NEAR: std::cell::Cell<Option<NearEngine>> = const { std::cell::Cell::new(None) };
}

/// Fetches "near me"'s code (a chunk of its own, as on the site); `BenchNear` needs it.
#[wasm_bindgen]
pub async fn bench_near_code() -> Result<(), JsValue> {
    let engine = cundi::chunks::near_engine()
        .await
        .map_err(|_| JsValue::from_str("the near-me chunk did not load"))?;
    NEAR.with(|n| n.set(Some(engine)));
    Ok(())
}

fn near_engine() -> Result<NearEngine, JsValue> {
    NEAR.with(|n| n.get())
        .ok_or_else(|| JsValue::from_str("call bench_near_code() first"))
}

/// The nearest-point index over a `stations.csv`, for timing queries (after
/// `bench_near_code()`).
#[wasm_bindgen]
pub struct BenchNear {
    index: NearIndex,
    engine: NearEngine,
}

#[wasm_bindgen]
impl BenchNear {
    #[wasm_bindgen(constructor)]
    pub fn new(stations_csv: &str) -> Result<BenchNear, JsValue> {
        let engine = near_engine()?;
        let (stations, _) =
            cundi_core::read::read_stations("stations.csv", stations_csv.as_bytes());
        let ds = Dataset::new(Parts {
            stations,
            ..Parts::default()
        });
        Ok(BenchNear {
            index: (engine.index)(&ds),
            engine,
        })
    }

    /// The five nearest operating points to each position (`[lon, lat, …]`), as "near me" asks;
    /// returns how many were found in all.
    pub fn nearest(&self, lonlat: &[f64]) -> usize {
        lonlat
            .chunks_exact(2)
            .map(|p| (self.engine.count_nearest)(&self.index, p[0], p[1]))
            .sum()
    }
}
