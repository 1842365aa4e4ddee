//! Loads the site configuration and the data bundle that `cundi-data build` wrote — the summary,
//! then the county chunks, then (without holding up the map) the search entries with their
//! pinyin — and shares the result through context as one `Copy` handle, `Store`. A file that fails
//! to load or parse becomes a `LoadError` naming the file: the views show it with a retry (the
//! search says it works by characters only), never a blank page and never a silent `None`.

use cundi_core::bundle::{Area, Summary, SUMMARY_FILE};
use cundi_core::geo::BBox;
use cundi_core::nearest::NearIndex;
use cundi_core::search::{self, Hit, HitKind, PinyinKeys, SearchEntry, SearchIndex};
use cundi_core::{Code, Dataset, Frequency, Parts, Problem, Station, Village};
use gloo_net::http::Request;
use leptos::prelude::*;
use serde::Deserialize;
use std::sync::Arc;

/// Where the site configuration lives, relative to the page's base URL.
pub const CONFIG_FILE: &str = "config.json";

/// `config.json`: where the bundle is and which background tiles to draw.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SiteConfig {
    /// The bundle directory, relative to the page (e.g. `data/`).
    pub data: String,
    /// `null` draws no tiles: the county outlines alone make the base map.
    #[serde(default)]
    pub tiles: Option<TileConfig>,
    /// An Open311 GeoReport v2 endpoint for complaints everywhere the authorities publish none.
    #[serde(default)]
    pub open311: Option<Open311Config>,
}

/// A deployment's Open311 receiver (COMPLAINTS.md, "Channels").
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Open311Config {
    /// The base URL; the site POSTs to `{endpoint}/requests.json`.
    pub endpoint: String,
    /// What the receiver requires of the complainant (the standard cannot say it).
    #[serde(default)]
    pub needs: cundi_core::complaint::ChannelNeeds,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TileConfig {
    /// `{z}/{x}/{y}` URL template.
    pub url: String,
    #[serde(default)]
    pub attribution: String,
    #[serde(default = "default_max_zoom")]
    pub max_zoom: u8,
}

fn default_max_zoom() -> u8 {
    18
}

impl SiteConfig {
    /// The URL of a file inside the bundle.
    pub fn data_url(&self, path: &str) -> String {
        if self.data.is_empty() || self.data.ends_with('/') {
            format!("{}{path}", self.data)
        } else {
            format!("{}/{path}", self.data)
        }
    }
}

/// What went wrong with one file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    /// The request itself failed (offline, DNS, CORS, aborted…).
    Network(String),
    /// The server answered with a status other than 2xx.
    Http(u16),
    /// The file arrived but is not what it should be (bad JSON, wrong format version…).
    Parse(String),
}

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file's URL as requested, relative to the page (e.g. `data/summary.json`).
    pub file: String,
    pub failure: LoadFailure,
}

/// One county's rows, as read from its chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct County {
    pub code: Code,
    pub stations: Vec<Station>,
    pub villages: Vec<Village>,
    /// The outline as GeoJSON text, handed to the map as it is.
    pub boundary: Option<String>,
}

/// Everything loaded: the configuration, the summary, the rows of the loaded counties as a core
/// `Dataset` (with its lookups), the nearest-point index and a search index by characters over
/// them (the one with pinyin follows, see [`Store::search`]), the county
/// outlines, and every problem.
#[derive(Debug, Clone)]
pub struct Data {
    pub config: SiteConfig,
    pub summary: Summary,
    pub dataset: Dataset,
    pub search: SearchIndex,
    pub near: NearIndex,
    /// (county code, GeoJSON text) of each loaded county that has an outline.
    pub boundaries: Vec<(Code, String)>,
    /// The codes of the loaded counties.
    pub counties: Vec<Code>,
    /// The summary's problems followed by those found while reading the chunks.
    pub problems: Vec<Problem>,
}

impl Data {
    pub fn new(
        config: SiteConfig,
        summary: Summary,
        counties: Vec<County>,
        chunk_problems: Vec<Problem>,
    ) -> Data {
        let mut problems = summary.problems.clone();
        problems.extend(chunk_problems);
        let mut dataset = Dataset::new(Parts {
            divisions: summary.areas.iter().map(|a| a.division.clone()).collect(),
            targets: summary.targets.clone(),
            authorities: summary.authorities.clone(),
            county_bboxes: summary
                .counties()
                .filter_map(|a| Some((a.division.code.clone(), a.bbox?)))
                .collect(),
            ..Parts::default()
        });
        let mut data = Data {
            config,
            summary,
            dataset: Dataset::default(),
            search: SearchIndex::default(),
            near: NearIndex::new(&Dataset::default()),
            boundaries: Vec::new(),
            counties: Vec::new(),
            problems,
        };
        let mut parts = Parts::default();
        for county in counties {
            data.counties.push(county.code.clone());
            if let Some(boundary) = county.boundary {
                data.boundaries.push((county.code, boundary));
            }
            parts.stations.extend(county.stations);
            parts.villages.extend(county.villages);
        }
        dataset.extend(parts);
        data.near = NearIndex::new(&dataset);
        // Names and codes only: pinyin comes with the bundle's search file, loaded afterwards.
        data.search = SearchIndex::build(search::dataset_entries(&dataset, &[], &mut |_| {
            PinyinKeys::default()
        }));
        data.dataset = dataset;
        data
    }

    pub fn stations(&self) -> impl Iterator<Item = &Station> {
        self.dataset.stations.iter()
    }

    pub fn villages(&self) -> impl Iterator<Item = &Village> {
        self.dataset.villages.iter()
    }

    pub fn station(&self, id: &str) -> Option<&Station> {
        self.dataset.station(id)
    }

    /// How often a village really gets parcels: a village "served" by a station that is not
    /// operating gets none.
    pub fn frequency(&self, village: &Village) -> Frequency {
        cundi_core::stats::effective_frequency(&self.dataset, village)
    }

    /// The names of the divisions a code lies in, from the province down to the code itself
    /// (a village's own name included); divisions missing from the data are left out.
    pub fn area_names(&self, code: &Code) -> Vec<String> {
        let mut names: Vec<String> = self
            .dataset
            .ancestors(code.as_str())
            .into_iter()
            .map(|d| d.name.clone())
            .collect();
        names.extend(self.dataset.name_of(code.as_str()).map(str::to_string));
        names
    }

    /// The areas a code lies in, as (code, name), from the province down to the code itself
    /// when it is a division (a village is not an area the map can show).
    pub fn area_path(&self, code: &Code) -> Vec<(Code, String)> {
        let mut path: Vec<(Code, String)> = self
            .dataset
            .ancestors(code.as_str())
            .into_iter()
            .map(|d| (d.code.clone(), d.name.clone()))
            .collect();
        if let Some(d) = self.dataset.division(code.as_str()) {
            path.push((d.code.clone(), d.name.clone()));
        }
        path
    }

    /// The box to show first: the loaded counties' boxes, or else the stations' positions.
    pub fn bbox(&self) -> Option<BBox> {
        let from_areas = self
            .counties
            .iter()
            .filter_map(|c| self.summary.area(c.as_str()).and_then(|a| a.bbox))
            .reduce(BBox::union);
        from_areas.or_else(|| BBox::around(self.stations().map(|s| (s.lon, s.lat))))
    }
}

/// Where loading stands.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Data>),
    Failed(LoadError),
}

/// Where the search index with pinyin stands. It loads after the map's data, which does not wait
/// for it; until then names and codes are still found.
#[derive(Debug, Clone)]
pub enum SearchState {
    Loading,
    Ready(Arc<SearchIndex>),
    /// The bundle has no search file.
    Absent,
    Failed(LoadError),
}

/// The shared handle on the loaded data: cheap to copy into any view or closure.
#[derive(Debug, Clone, Copy)]
pub struct Store {
    state: RwSignal<LoadState>,
    search: RwSignal<SearchState>,
    /// Bumped on every (re)load so that an older attempt finishing late is ignored.
    attempt: StoredValue<u64>,
    config_url: StoredValue<String>,
}

impl Store {
    /// A store that loads from `config_url` (normally `config.json`) as soon as it is created.
    pub fn new(config_url: &str) -> Store {
        let store = Store {
            state: RwSignal::new(LoadState::Loading),
            search: RwSignal::new(SearchState::Loading),
            attempt: StoredValue::new(0),
            config_url: StoredValue::new(config_url.to_string()),
        };
        store.reload();
        store
    }

    /// A store holding data that is already loaded, and its search index (component tests).
    pub fn ready(data: Arc<Data>, search: SearchIndex) -> Store {
        Store {
            state: RwSignal::new(LoadState::Ready(data)),
            search: RwSignal::new(SearchState::Ready(Arc::new(search))),
            attempt: StoredValue::new(0),
            config_url: StoredValue::new(String::new()),
        }
    }

    /// Where the search index with pinyin stands (tracked).
    pub fn search_state(&self) -> SearchState {
        self.search.get()
    }

    /// The best hits for a query: from the index with pinyin once it is loaded, by names and
    /// codes until then (tracked).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_kinds(query, limit, &[])
    }

    /// As [`Store::search`], finding only these kinds (all when empty).
    pub fn search_kinds(&self, query: &str, limit: usize, kinds: &[HitKind]) -> Vec<Hit> {
        match (self.search.get(), self.data()) {
            (SearchState::Ready(index), _) => index.search_kinds(query, limit, kinds),
            (_, Some(data)) => data.search.search_kinds(query, limit, kinds),
            (_, None) => Vec::new(),
        }
    }

    /// The current state (tracked).
    pub fn state(&self) -> LoadState {
        self.state.get()
    }

    /// The data once loaded (tracked).
    pub fn data(&self) -> Option<Arc<Data>> {
        match self.state.get() {
            LoadState::Ready(data) => Some(data),
            _ => None,
        }
    }

    /// The data once loaded, without tracking (event handlers and tasks).
    pub fn data_untracked(&self) -> Option<Arc<Data>> {
        match self.state.get_untracked() {
            LoadState::Ready(data) => Some(data),
            _ => None,
        }
    }

    /// Starts loading again from the configuration on (what the Retry button does).
    pub fn reload(&self) {
        let attempt = self.attempt.get_value() + 1;
        self.attempt.set_value(attempt);
        self.state.set(LoadState::Loading);
        self.search.set(SearchState::Loading);
        let store = *self;
        let config_url = self.config_url.get_value();
        leptos::task::spawn_local(async move {
            let result = load_all(&config_url).await;
            // The store may be gone (its view unmounted) or reloading again by now.
            let current = || store.attempt.try_get_value() == Some(attempt);
            if !current() {
                return;
            }
            let data = match result {
                Ok(data) => Arc::new(data),
                Err(error) => {
                    store.state.try_set(LoadState::Failed(error));
                    return;
                }
            };
            store.state.try_set(LoadState::Ready(data.clone()));
            let search = match load_search(&data.config, &data.summary).await {
                Ok(Some(entries)) => SearchState::Ready(Arc::new(SearchIndex::build(entries))),
                Ok(None) => SearchState::Absent,
                Err(error) => SearchState::Failed(error),
            };
            if current() {
                store.search.try_set(search);
            }
        });
    }
}

/// Creates the store, starts loading, and provides it to the views below.
pub fn provide_store(config_url: &str) -> Store {
    let store = Store::new(config_url);
    provide_context(store);
    store
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let fail = |failure| LoadError {
        file: url.to_string(),
        failure,
    };
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| fail(LoadFailure::Network(e.to_string())))?;
    if !response.ok() {
        return Err(fail(LoadFailure::Http(response.status())));
    }
    response
        .binary()
        .await
        .map_err(|e| fail(LoadFailure::Network(e.to_string())))
}

pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let bytes = fetch_bytes(url).await?;
    String::from_utf8(bytes).map_err(|e| LoadError {
        file: url.to_string(),
        failure: LoadFailure::Parse(e.to_string()),
    })
}

fn parse_error(url: &str, e: impl ToString) -> LoadError {
    LoadError {
        file: url.to_string(),
        failure: LoadFailure::Parse(e.to_string()),
    }
}

pub async fn load_config(url: &str) -> Result<SiteConfig, LoadError> {
    let text = fetch_text(url).await?;
    serde_json::from_str(&text).map_err(|e| parse_error(url, e))
}

pub async fn load_summary(config: &SiteConfig) -> Result<Summary, LoadError> {
    let url = config.data_url(SUMMARY_FILE);
    let text = fetch_text(&url).await?;
    let summary = Summary::parse(&text).map_err(|e| parse_error(&url, e))?;
    if summary.format != cundi_core::bundle::FORMAT_VERSION {
        return Err(parse_error(
            &url,
            format!(
                "bundle format {} (this site reads format {})",
                summary.format,
                cundi_core::bundle::FORMAT_VERSION
            ),
        ));
    }
    Ok(summary)
}

/// Loads one county's chunk. Rows with problems are reported, not fatal: the valid rows are
/// kept and the problems join the others on the data-quality page.
pub async fn load_county(
    config: &SiteConfig,
    area: &Area,
) -> Result<(County, Vec<Problem>), LoadError> {
    let Some(chunk) = &area.chunk else {
        return Err(parse_error(
            &config.data_url(SUMMARY_FILE),
            format!("area {} has no chunk", area.division.code),
        ));
    };
    let stations_url = config.data_url(&chunk.stations.path);
    let villages_url = config.data_url(&chunk.villages.path);
    let boundary_url = chunk.boundary.as_ref().map(|b| config.data_url(&b.path));
    let (stations, villages, boundary) = futures::join!(
        fetch_bytes(&stations_url),
        fetch_bytes(&villages_url),
        async {
            match &boundary_url {
                Some(url) => fetch_text(url).await.map(Some),
                None => Ok(None),
            }
        }
    );
    let (stations, mut problems) =
        cundi_core::read::read_stations(&chunk.stations.path, &stations?);
    let (villages, village_problems) =
        cundi_core::read::read_villages(&chunk.villages.path, &villages?);
    problems.extend(village_problems);
    let boundary = boundary?;
    if let (Some(text), Some(url)) = (&boundary, &boundary_url) {
        cundi_core::geo::boundary_bbox(text).map_err(|e| parse_error(url, e))?;
    }
    let county = County {
        code: area.division.code.clone(),
        stations,
        villages,
        boundary,
    };
    Ok((county, problems))
}

/// Loads the search entries (with the pinyin the build computed) the summary names, if any.
pub async fn load_search(
    config: &SiteConfig,
    summary: &Summary,
) -> Result<Option<Vec<SearchEntry>>, LoadError> {
    let Some(file) = &summary.search else {
        return Ok(None);
    };
    let url = config.data_url(&file.path);
    let text = fetch_text(&url).await?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| parse_error(&url, e))
}

/// Loads the configuration, the summary and every county chunk the summary lists.
pub async fn load_all(config_url: &str) -> Result<Data, LoadError> {
    let config = load_config(config_url).await?;
    let summary = load_summary(&config).await?;
    let loaded =
        futures::future::try_join_all(summary.counties().map(|a| load_county(&config, a))).await?;
    let mut counties = Vec::with_capacity(loaded.len());
    let mut problems = Vec::new();
    for (county, p) in loaded {
        counties.push(county);
        problems.extend(p);
    }
    Ok(Data::new(config, summary, counties, problems))
}
