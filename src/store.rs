//! Loads the site configuration and the data bundle that `cundi-data build` wrote — the summary,
//! then the county chunks, then (without holding up the map) the search entries with their
//! pinyin — and shares the result through context as one `Copy` handle, `Store`. A file that fails
//! to load or parse becomes a `LoadError` naming the file: the views show it with a retry (the
//! search says it works by characters only), never a blank page and never a silent `None`.

use cundi_core::bundle::{Area, Summary, SUMMARY_FILE};
use cundi_core::geo::BBox;
use cundi_core::nearest::NearIndex;
use cundi_core::search::{self, Hit, HitKind, PinyinKeys, SearchEntry, SearchIndex};
use cundi_core::sort;
use cundi_core::{Code, Dataset, Frequency, Parts, Problem, Station, Village};
use gloo_net::http::Request;
use leptos::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;
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
    /// Up to this many counties every chunk loads at once; above it counties load on demand
    /// (default [`EAGER_COUNTIES`]; 0 always loads on demand).
    #[serde(default = "default_eager_counties")]
    pub eager_counties: usize,
    /// How long a data file may take to arrive before the page says so and offers a retry
    /// (a weak rural connection can stall without failing).
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: u32,
}

/// The default of `SiteConfig::timeout_ms`, also used for `config.json` itself.
pub const DATA_TIMEOUT_MS: u32 = 30_000;

fn default_timeout_ms() -> u32 {
    DATA_TIMEOUT_MS
}

fn default_eager_counties() -> usize {
    EAGER_COUNTIES
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
        cundi_core::bundle::file_url(&self.data, path)
    }
}

/// What went wrong with one file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    /// The request itself failed (offline, DNS, CORS, aborted…).
    Network(String),
    /// The server answered with a status other than 2xx.
    Http(u16),
    /// Nothing (or not all of it) arrived within this many milliseconds.
    Timeout(u32),
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

/// By default, a bundle with more counties than this loads counties on demand: the country view
/// needs only the summary, and a county's rows come when a view needs them (the national bundle
/// has about 2,900 counties). Below it, every county loads at once, as a county or province
/// publishes. `config.json` may say otherwise (`eager_counties`).
pub const EAGER_COUNTIES: usize = 40;

/// When counties load on demand, at most this many stay loaded: the least recently wanted go
/// first, so memory stays bounded however far the user wanders.
pub const KEEP_COUNTIES: usize = 24;

/// Counties that arrive while the map moves wait at most this long (from their arrival) for it
/// to stop (see [`Store::set_moving`]), so that a long drag still shows them.
pub const MOVING_HOLD_MS: u64 = 1500;

/// One county's rows, as read from its chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct County {
    pub code: Code,
    pub stations: Vec<Station>,
    pub villages: Vec<Village>,
    /// The outline as GeoJSON text, handed to the map as it is.
    pub boundary: Option<String>,
    /// Its townships with their figures.
    pub townships: Vec<Area>,
    /// Problems found while reading its rows.
    pub problems: Vec<Problem>,
}

/// Everything loaded: the configuration, the summary, the rows of the loaded counties (and, once
/// a view asks, a core `Dataset` of them with its lookups), the nearest-point index and a search
/// index over them (the one with the areas' pinyin follows, see [`Store::search`]), the county
/// outlines, and every problem. A new `Data` replaces the old whenever counties load or are let go.
#[derive(Debug, Clone)]
pub struct Data {
    pub config: SiteConfig,
    pub summary: Arc<Summary>,
    /// The summary's areas, targets, authorities and county boxes with the loaded counties'
    /// rows, built on first use
    /// ([`Data::dataset`]): a county's arrival on the map needs only its rows, and copying every
    /// loaded county's rows into one `Dataset` and indexing them is most of what an arrival cost.
    dataset: std::sync::OnceLock<Dataset>,
    /// By names and codes, over the loaded areas, stations and villages; built on first use
    /// (the index with pinyin usually arrives first, and a county opening should not wait).
    search: std::sync::OnceLock<SearchIndex>,
    /// The nearest-point index, built on first use ("near me", a village's page): the map is
    /// drawn without it.
    near: std::sync::OnceLock<NearIndex>,
    /// The codes of the loaded counties.
    pub counties: Vec<Code>,
    /// Whether counties load on demand (more than `config.eager_counties`).
    pub on_demand: bool,
    /// The loaded counties: their rows as the map reads them (`stations`, `villages`), and kept
    /// to build the next `Data` without fetching them again.
    loaded: Vec<Arc<County>>,
    /// The loaded counties' townships, by code.
    townships: Vec<Area>,
    /// Counts the `Data` built, so that what is derived from one (the search index with
    /// pinyin) is rebuilt only for a new one.
    pub generation: u64,
}

impl Data {
    pub fn new(
        config: SiteConfig,
        summary: Arc<Summary>,
        counties: Vec<Arc<County>>,
        generation: u64,
    ) -> Data {
        let mut townships: Vec<Area> = Vec::new();
        for county in &counties {
            townships.extend(county.townships.iter().cloned());
        }
        sort::sort_by(&mut townships, |a, b| a.division.code.cmp(&b.division.code));
        Data {
            dataset: std::sync::OnceLock::new(),
            near: std::sync::OnceLock::new(),
            search: std::sync::OnceLock::new(),
            on_demand: summary.counties().count() > config.eager_counties,
            counties: counties.iter().map(|c| c.code.clone()).collect(),
            config,
            summary,
            loaded: counties,
            townships,
            generation,
        }
    }

    /// Every problem: the summary's (parsed only now, see `bundle::Unparsed`) followed by those
    /// found while reading the loaded chunks; and, when the summary's cannot be read, why.
    pub fn problems(&self) -> (Vec<Problem>, Option<String>) {
        let (mut problems, unreadable) = match self.summary.problems.parse() {
            Ok(problems) => (problems, None),
            // Without serde's "at line 1 column …": it counts from the start of the list, not
            // of summary.json, and would send a publisher to the wrong place.
            Err(e) => {
                let e = e.to_string();
                let what = e.rsplit_once(" at line ").map_or(e.as_str(), |(w, _)| w);
                (Vec::new(), Some(what.to_string()))
            }
        };
        for county in &self.loaded {
            problems.extend(county.problems.iter().cloned());
        }
        (problems, unreadable)
    }

    /// The loaded rows with the summary's areas, targets, authorities and county boxes, and the
    /// lookups over them (built the first time a view asks).
    pub fn dataset(&self) -> &Dataset {
        self.dataset.get_or_init(|| {
            let summary = &self.summary;
            let mut parts = Parts {
                targets: summary.targets.clone(),
                authorities: summary.authorities.clone(),
                ..Parts::default()
            };
            // Inserted one by one (in order: the summary's areas are sorted): collecting into the
            // map would sort them with a copy of the standard sort of their own (see core::sort).
            for county in summary.counties() {
                if let Some(bbox) = county.bbox {
                    parts
                        .county_bboxes
                        .insert(county.division.code.clone(), bbox);
                }
            }
            parts.stations = self.stations().cloned().collect();
            parts.villages = self.villages().cloned().collect();
            parts.divisions = summary
                .areas
                .iter()
                .chain(&self.townships)
                .map(|a| a.division.clone())
                .collect();
            Dataset::new(parts)
        })
    }

    /// The province, city or county from the summary, or a township of a loaded county.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.summary.area(code).or_else(|| {
            self.townships
                .binary_search_by(|a| a.division.code.as_str().cmp(code))
                .ok()
                .map(|i| &self.townships[i])
        })
    }

    /// The areas directly inside `code` that are known: from the summary, or the townships of
    /// a loaded county.
    pub fn children(&self, code: &Code) -> Vec<Area> {
        self.summary
            .areas
            .iter()
            .chain(&self.townships)
            .filter(|a| a.division.code.parent().as_ref() == Some(code))
            .cloned()
            .collect()
    }

    /// Whether this county's rows are loaded.
    pub fn has_county(&self, code: &Code) -> bool {
        self.counties.contains(code)
    }

    /// Whether every county of the summary with a chunk is loaded.
    pub fn complete(&self) -> bool {
        self.summary
            .counties()
            .filter(|a| a.chunk.is_some())
            .all(|a| self.has_county(&a.division.code))
    }

    /// The nearest-point index over the loaded stations and villages.
    pub fn near(&self) -> &NearIndex {
        self.near.get_or_init(|| NearIndex::new(self.dataset()))
    }

    /// The index by names and codes (see `search`).
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| {
            SearchIndex::build(search::dataset_entries(self.dataset(), &[], &mut |_| {
                PinyinKeys::default()
            }))
        })
    }

    /// (county code, GeoJSON text) of each loaded county that has an outline.
    pub fn boundaries(&self) -> impl Iterator<Item = (&Code, &str)> {
        self.loaded
            .iter()
            .filter_map(|c| Some((&c.code, c.boundary.as_deref()?)))
    }

    /// The loaded counties' stations, county by county (in the order of the dataset's).
    pub fn stations(&self) -> impl Iterator<Item = &Station> {
        self.loaded.iter().flat_map(|c| c.stations.iter())
    }

    /// The loaded counties' villages, county by county (in the order of the dataset's).
    pub fn villages(&self) -> impl Iterator<Item = &Village> {
        self.loaded.iter().flat_map(|c| c.villages.iter())
    }

    /// The station with this id (the first, if two have it, as in the dataset), found without
    /// building the dataset: the map asks for the selected one with every new `Data`.
    pub fn station(&self, id: &str) -> Option<&Station> {
        match self.dataset.get() {
            Some(dataset) => dataset.station(id),
            None => self.stations().find(|s| s.id == id),
        }
    }

    /// How often a village really gets parcels: a village "served" by a station that is not
    /// operating gets none.
    pub fn frequency(&self, village: &Village) -> Frequency {
        cundi_core::stats::effective_frequency(self.dataset(), village)
    }

    /// The names of the divisions a code lies in, from the province down to the code itself
    /// (a village's own name included); divisions missing from the data are left out.
    pub fn area_names(&self, code: &Code) -> Vec<String> {
        let mut names: Vec<String> = self
            .dataset()
            .ancestors(code.as_str())
            .into_iter()
            .map(|d| d.name.clone())
            .collect();
        names.extend(self.dataset().name_of(code.as_str()).map(str::to_string));
        names
    }

    /// The areas a code lies in, as (code, name), from the province down to the code itself
    /// when it is a division (a village is not an area the map can show).
    pub fn area_path(&self, code: &Code) -> Vec<(Code, String)> {
        let mut path: Vec<(Code, String)> = self
            .dataset()
            .ancestors(code.as_str())
            .into_iter()
            .map(|d| (d.code.clone(), d.name.clone()))
            .collect();
        if let Some(d) = self.dataset().division(code.as_str()) {
            path.push((d.code.clone(), d.name.clone()));
        }
        path
    }

    /// The box to show first: the loaded counties' boxes (every county's when they load on
    /// demand: the country view), or else the stations' positions.
    pub fn bbox(&self) -> Option<BBox> {
        let from_areas = if self.on_demand {
            self.summary
                .counties()
                .filter_map(|a| a.bbox)
                .reduce(BBox::union)
        } else {
            self.counties
                .iter()
                .filter_map(|c| self.summary.area(c.as_str()).and_then(|a| a.bbox))
                .reduce(BBox::union)
        };
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
    /// The areas' entries with their pinyin, from the bundle's search file.
    Ready(Arc<Vec<SearchEntry>>),
    /// The bundle has no search file.
    Absent,
    Failed(LoadError),
}

/// Each loaded county's search entries with pinyin.
type CountySearch = BTreeMap<Code, Arc<CountyEntries>>;

/// A county's search entries as fetched, read the first time a search needs them: reading them
/// (hundreds of kilobytes of JSON) would otherwise hold up every county opened, and the frames
/// while panning.
#[derive(Debug)]
struct CountyEntries(std::sync::Mutex<Entries>);

#[derive(Debug)]
enum Entries {
    Fetched(String),
    Read(Arc<Vec<SearchEntry>>),
}

impl CountyEntries {
    fn new(text: String) -> CountyEntries {
        CountyEntries(std::sync::Mutex::new(Entries::Fetched(text)))
    }

    /// The entries; a file that does not parse has none, and the search goes on without it.
    fn entries(&self) -> Arc<Vec<SearchEntry>> {
        let mut kept = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Entries::Fetched(text) = &*kept {
            *kept = Entries::Read(Arc::new(serde_json::from_str(text).unwrap_or_default()));
        }
        match &*kept {
            Entries::Read(entries) => entries.clone(),
            Entries::Fetched(_) => Arc::default(),
        }
    }
}

/// What a search index was built from: the `Data::generation` and the counts of changes to the
/// counties' search entries and to the name shards.
type IndexVersion = (u64, u64, u64);

/// Name shards kept (the most recently used); a query needs one to three.
pub const KEEP_NAME_SHARDS: usize = 8;

/// The name shards fetched, by key, with the least recently used first.
type NameShardMap = Vec<(String, Arc<Vec<SearchEntry>>)>;

/// The search: reading the search files and finding in them. On the site its code is a chunk of
/// its own (`chunks::search_engine`), fetched when the user first searches: the first load
/// neither downloads nor compiles it (the service worker keeps it afterwards, with the other
/// chunks, in the background). [`Store::ready`] (component tests) holds it from the start.
#[derive(Debug, Clone, Copy)]
pub struct SearchEngine {
    find: fn(&Store, &str, usize, &[HitKind]) -> Vec<Hit>,
    follow: fn(&Store, &Arc<Data>),
}

impl SearchEngine {
    /// The search's code, wherever this is compiled.
    pub const HERE: SearchEngine = SearchEngine {
        find: Store::find,
        follow: Store::follow_search,
    };
}

/// How the store gets the search's code (the site: `chunks::load_search_engine`).
pub type SearchLoader = fn() -> futures::future::LocalBoxFuture<'static, Option<SearchEngine>>;

/// Where the search's code stands.
#[derive(Debug, Clone, Copy)]
pub enum EngineState {
    /// Not asked for yet, or nothing to get it with.
    Absent,
    Loading,
    Ready(SearchEngine),
    /// Its chunk did not arrive, or not within the data's `timeout_ms`; typing in the search
    /// box or focusing it asks again.
    Failed,
}

/// The shared handle on the loaded data: cheap to copy into any view or closure.
#[derive(Debug, Clone, Copy)]
pub struct Store {
    state: RwSignal<LoadState>,
    search: RwSignal<SearchState>,
    /// The search's code, and how to get it.
    engine: RwSignal<EngineState>,
    engine_loader: StoredValue<Option<SearchLoader>>,
    /// Bumped by every request for the search's code, so that a late failure of an earlier one
    /// does not undo a later one.
    engine_attempt: StoredValue<u64>,
    /// The search entries with pinyin of each county's stations and villages, fetched from its
    /// chunk after its rows (the map does not wait for them), with a count of changes.
    county_search: RwSignal<(u64, CountySearch)>,
    /// When counties load on demand: the name shards fetched for queries (villages and stations
    /// of every county, `search::NameShards`), with a count of changes, and those on their way.
    names: RwSignal<(u64, NameShardMap)>,
    names_pending: StoredValue<Vec<String>>,
    /// The index over the areas' entries and the loaded counties' (built on the first search
    /// after either changes), with the `Data::generation` and `county_search` count it was built
    /// for.
    index: StoredValue<Option<(IndexVersion, Arc<SearchIndex>)>>,
    /// How many counties are being fetched on demand, and the last that failed to load.
    pending: RwSignal<usize>,
    county_error: RwSignal<Option<LoadError>>,
    /// The counties wanted, the most recent last: the first to go are at the front.
    recent: StoredValue<Vec<Code>>,
    /// The counties being fetched now (a county twice if two calls fetch it).
    fetching: StoredValue<Vec<Code>>,
    /// Bumped on every (re)load so that an older attempt finishing late is ignored.
    attempt: StoredValue<u64>,
    /// Bumped by every `want_in_turn`, so that the groups of a view left behind are not fetched.
    turn: StoredValue<u64>,
    /// Whether the user has begun to search: until then neither the areas' search entries nor
    /// any county's are fetched.
    search_wanted: StoredValue<bool>,
    /// The `attempt` whose areas' search entries have been asked for.
    area_search_asked: StoredValue<u64>,
    /// The counties whose search entries are on their way, so a `Data` made meanwhile does not
    /// ask for them again.
    county_search_pending: StoredValue<Vec<Code>>,
    /// Whether the map is moving (`set_moving`), the calls waiting for it to stop, the counties
    /// read meanwhile (they join the data together, `commit_arrived`), and the counties those
    /// calls asked for (none of them is let go then).
    moving: StoredValue<bool>,
    still: StoredValue<Vec<futures::channel::oneshot::Sender<()>>>,
    arrived: StoredValue<Vec<Arc<County>>>,
    asked: StoredValue<Vec<Code>>,
    generation: StoredValue<u64>,
    config_url: StoredValue<String>,
}

impl Store {
    fn with_state(
        config_url: &str,
        state: LoadState,
        search: SearchState,
        engine: EngineState,
    ) -> Store {
        Store {
            state: RwSignal::new(state),
            search: RwSignal::new(search),
            engine: RwSignal::new(engine),
            engine_loader: StoredValue::new(None),
            engine_attempt: StoredValue::new(0),
            county_search: RwSignal::new((0, BTreeMap::new())),
            names: RwSignal::new((0, Vec::new())),
            names_pending: StoredValue::new(Vec::new()),
            index: StoredValue::new(None),
            pending: RwSignal::new(0),
            county_error: RwSignal::new(None),
            recent: StoredValue::new(Vec::new()),
            fetching: StoredValue::new(Vec::new()),
            attempt: StoredValue::new(0),
            turn: StoredValue::new(0),
            search_wanted: StoredValue::new(false),
            area_search_asked: StoredValue::new(0),
            county_search_pending: StoredValue::new(Vec::new()),
            moving: StoredValue::new(false),
            still: StoredValue::new(Vec::new()),
            arrived: StoredValue::new(Vec::new()),
            asked: StoredValue::new(Vec::new()),
            generation: StoredValue::new(0),
            config_url: StoredValue::new(config_url.to_string()),
        }
    }

    /// A store that loads from `config_url` (normally `config.json`) as soon as it is created.
    pub fn new(config_url: &str) -> Store {
        let store = Store::with_state(
            config_url,
            LoadState::Loading,
            SearchState::Loading,
            EngineState::Absent,
        );
        store.reload();
        store
    }

    /// A store holding data that is already loaded, and the areas' search entries with their
    /// pinyin (component tests).
    pub fn ready(data: Arc<Data>, areas: Vec<SearchEntry>) -> Store {
        Store::with_state(
            "",
            LoadState::Ready(data),
            SearchState::Ready(Arc::new(areas)),
            EngineState::Ready(SearchEngine::HERE),
        )
    }

    /// Says how to get the search's code: until then (and in a store without it) nothing is
    /// found.
    pub fn set_search_loader(&self, loader: SearchLoader) {
        self.engine_loader.set_value(Some(loader));
    }

    /// Where the search's code stands (tracked).
    pub fn engine_state(&self) -> EngineState {
        self.engine.get()
    }

    /// Where the search index with pinyin stands (tracked).
    pub fn search_state(&self) -> SearchState {
        self.search.get()
    }

    /// The best hits for a query (tracked): none until the search's code has arrived, then by
    /// names and codes, and with pinyin once the areas' search file has.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_kinds(query, limit, &[])
    }

    /// As [`Store::search`], finding only these kinds (all when empty). Nothing, until the
    /// search's code has arrived (tracked: the hits come when it does).
    pub fn search_kinds(&self, query: &str, limit: usize, kinds: &[HitKind]) -> Vec<Hit> {
        // The box is empty at start, and this runs again for every county opened: no index is
        // built for nothing to find.
        if search::is_blank(query) {
            return Vec::new();
        }
        self.want_search();
        match self.engine.get() {
            EngineState::Ready(engine) => (engine.find)(self, query, limit, kinds),
            _ => Vec::new(),
        }
    }

    /// The search itself (in the search's chunk, see [`SearchEngine`]).
    fn find(&self, query: &str, limit: usize, kinds: &[HitKind]) -> Vec<Hit> {
        let Some(data) = self.data() else {
            return Vec::new();
        };
        let SearchState::Ready(areas) = self.search.get() else {
            return data.search_index().search_kinds(query, limit, kinds);
        };
        if data.on_demand {
            self.fetch_names(&data, query);
        }
        let version = (
            data.generation,
            self.county_search.with(|(n, _)| *n),
            self.names.with(|(n, _)| *n),
        );
        let built = self
            .index
            .with_value(|i| i.as_ref().filter(|(v, _)| *v == version).cloned());
        let index = match built {
            Some((_, index)) => index,
            None => {
                // The areas first (of two entries with the same key the first is kept), then the
                // loaded counties' entries that have arrived, then the name shards'.
                let counties: Vec<Arc<Vec<SearchEntry>>> =
                    self.county_search.with(|(_, by_county)| {
                        data.counties
                            .iter()
                            .filter_map(|c| by_county.get(c))
                            .map(|e| e.entries())
                            .collect()
                    });
                let entries = self.names.with(|(_, shards)| {
                    areas
                        .iter()
                        .chain(counties.iter().flat_map(|e| e.iter()))
                        .chain(shards.iter().flat_map(|(_, e)| e.iter()))
                        .cloned()
                        .collect()
                });
                let index = Arc::new(SearchIndex::build(entries));
                self.index.set_value(Some((version, index.clone())));
                index
            }
        };
        index.search_kinds(query, limit, kinds)
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

    /// How many counties are being fetched on demand (tracked).
    pub fn pending(&self) -> usize {
        self.pending.get()
    }

    /// The last county chunk that failed to load on demand, until one loads (tracked).
    pub fn county_error(&self) -> Option<LoadError> {
        self.county_error.get()
    }

    fn next_generation(&self) -> u64 {
        let g = self.generation.get_value() + 1;
        self.generation.set_value(g);
        g
    }

    /// Starts loading again from the configuration on (what the Retry button does).
    pub fn reload(&self) {
        let attempt = self.attempt.get_value() + 1;
        self.attempt.set_value(attempt);
        self.state.set(LoadState::Loading);
        self.search.set(SearchState::Loading);
        self.county_error.set(None);
        self.arrived.set_value(Vec::new());
        self.asked.set_value(Vec::new());
        let store = *self;
        let config_url = self.config_url.get_value();
        let generation = self.next_generation();
        let first = crate::url::Place::of_location();
        leptos::task::spawn_local(async move {
            let result = load_all(&config_url, generation, first).await;
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
            store.search_follows(&data);
        });
    }

    /// Once the search's code is here: the search files this data needs are fetched.
    fn search_follows(&self, data: &Arc<Data>) {
        if let Some(EngineState::Ready(engine)) = self.engine.try_get_untracked() {
            (engine.follow)(self, data);
        }
    }

    /// Fetches the areas' and the loaded counties' search entries, once the user has begun to
    /// search (in the search's chunk, see [`SearchEngine`]).
    fn follow_search(&self, data: &Arc<Data>) {
        self.load_area_search(data);
        self.load_county_search(data);
    }

    /// Fetches the areas' search entries (the summary's search file, with their pinyin) once
    /// the user has begun to search, once per load. The national one is 7 MB of JSON, which a
    /// visit that never searches neither downloads nor reads.
    fn load_area_search(&self, data: &Arc<Data>) {
        let attempt = self.attempt.get_value();
        if !self.search_wanted.get_value() || self.area_search_asked.get_value() == attempt {
            return;
        }
        self.area_search_asked.set_value(attempt);
        let store = *self;
        let data = data.clone();
        leptos::task::spawn_local(async move {
            let search = match load_search(&data.config, &data.summary).await {
                Ok(Some(entries)) => SearchState::Ready(Arc::new(entries)),
                Ok(None) => SearchState::Absent,
                Err(error) => SearchState::Failed(error),
            };
            // Not if the data has been loaded again meanwhile.
            if store.attempt.try_get_value() == Some(attempt) {
                store.search.try_set(search);
            }
        });
    }

    /// Fetches, in the background, the name shards a query needs that are neither kept nor on
    /// their way, and marks those kept as just used; the least recently used go beyond
    /// [`KEEP_NAME_SHARDS`]. A shard that fails leaves the search to the loaded counties.
    fn fetch_names(&self, data: &Arc<Data>, query: &str) {
        let Some(spec) = &data.summary.names else {
            return;
        };
        let keys = spec.keys_for_query(query);
        if keys.is_empty() {
            return;
        }
        // Those kept move to the back, the last to go (no change to what the index holds).
        self.names.update_untracked(|(_, shards)| {
            sort::sort_by_key(shards, |(k, _)| keys.contains(k));
        });
        let missing: Vec<String> = self.names.with_untracked(|(_, shards)| {
            keys.iter()
                .filter(|k| !shards.iter().any(|(s, _)| s == *k))
                .filter(|k| !self.names_pending.with_value(|p| p.contains(k)))
                .cloned()
                .collect()
        });
        if missing.is_empty() {
            return;
        }
        self.names_pending
            .update_value(|p| p.extend(missing.iter().cloned()));
        let store = *self;
        let urls: Vec<(String, String)> = missing
            .into_iter()
            .map(|k| {
                let url = data.config.data_url(&spec.file(&k));
                (k, url)
            })
            .collect();
        let timeout_ms = data.config.timeout_ms;
        leptos::task::spawn_local(async move {
            let fetched = fetch_entries(urls, timeout_ms).await;
            store.names_pending.try_update_value(|p| {
                p.retain(|k| !fetched.iter().any(|(f, _)| f == k));
            });
            // Only shards that arrived change the index (a failed one is asked for again by
            // the next query).
            let arrived: Vec<(String, Vec<SearchEntry>)> = fetched
                .into_iter()
                .filter_map(|(key, entries)| Some((key, entries?)))
                .collect();
            if arrived.is_empty() {
                return;
            }
            store.names.try_update(|(n, shards)| {
                for (key, entries) in arrived {
                    shards.retain(|(k, _)| *k != key);
                    shards.push((key, Arc::new(entries)));
                }
                let over = shards.len().saturating_sub(KEEP_NAME_SHARDS);
                shards.drain(..over);
                *n += 1;
            });
        });
    }

    /// Says the user has begun to search (a search box was focused, or a query typed): from now
    /// on the search's code and the areas' and the loaded counties' search entries are fetched.
    /// Until then a visit that never searches downloads none of them (about 200 KB of JSON for
    /// each demo county).
    pub fn want_search(&self) {
        if self.search_wanted.get_value() {
            return;
        }
        self.search_wanted.set_value(true);
        self.start_search();
    }

    /// Asks again for a search chunk that failed to arrive (the user typed or came back to the
    /// box); nothing otherwise.
    pub fn retry_search(&self) {
        if matches!(self.engine.get_untracked(), EngineState::Failed) {
            self.start_search();
        }
    }

    fn start_search(&self) {
        let loader = match self.engine.get_untracked() {
            EngineState::Absent | EngineState::Failed => self.engine_loader.get_value(),
            EngineState::Ready(_) | EngineState::Loading => None,
        };
        // Only a new request counts: one still loading keeps its own timeout and failure.
        let attempt = self.engine_attempt.get_value() + u64::from(loader.is_some());
        self.engine_attempt.set_value(attempt);
        let timeout_ms = self
            .data_untracked()
            .map_or(DATA_TIMEOUT_MS, |d| d.config.timeout_ms);
        // Outside whatever reactive computation asked (a query's results), which the arrivals
        // update.
        let store = *self;
        leptos::task::spawn_local(async move {
            if let Some(load) = loader {
                store.engine.try_set(EngineState::Loading);
                // A download that stalls is a failure the user can retry, not a search that
                // says "loading" for ever.
                set_timeout(
                    move || {
                        let current = store.engine_attempt.try_get_value() == Some(attempt);
                        if current
                            && matches!(
                                store.engine.try_get_untracked(),
                                Some(EngineState::Loading)
                            )
                        {
                            store.engine.try_set(EngineState::Failed);
                        }
                    },
                    std::time::Duration::from_millis(timeout_ms.into()),
                );
                match load().await {
                    // Even late: the code is here.
                    Some(engine) => {
                        store.engine.try_set(EngineState::Ready(engine));
                    }
                    None if store.engine_attempt.try_get_value() == Some(attempt) => {
                        store.engine.try_set(EngineState::Failed);
                    }
                    None => {}
                }
            }
            if let Some(data) = store.data_untracked() {
                store.search_follows(&data);
            }
        });
    }

    /// Fetches, in the background, the search entries of the loaded counties that have none yet,
    /// once the user has begun to search (and forgets those of counties let go). A county whose
    /// file fails is searched by names and codes only.
    fn load_county_search(&self, data: &Arc<Data>) {
        let pending = self.county_search_pending.get_value();
        let missing: Vec<(Code, String)> = self.county_search.with_untracked(|(_, by_county)| {
            data.counties
                .iter()
                .filter(|c| !by_county.contains_key(*c) && !pending.contains(c))
                .filter_map(|c| {
                    let chunk = data.summary.area(c.as_str())?.chunk.as_ref()?;
                    Some((c.clone(), data.config.data_url(&chunk.search.path)))
                })
                .collect()
        });
        let keep = data.counties.clone();
        self.county_search.update(|(n, by_county)| {
            let before = by_county.len();
            by_county.retain(|c, _| keep.contains(c));
            if by_county.len() != before {
                *n += 1;
            }
        });
        if missing.is_empty() || !self.search_wanted.get_value() {
            return;
        }
        self.county_search_pending
            .update_value(|p| p.extend(missing.iter().map(|(c, _)| c.clone())));
        let store = *self;
        let timeout_ms = data.config.timeout_ms;
        leptos::task::spawn_local(async move {
            let fetched = fetch_texts(missing, timeout_ms).await;
            // One that failed is asked for again with the next `Data`.
            store
                .county_search_pending
                .try_update_value(|p| p.retain(|c| !fetched.iter().any(|(f, _)| f == c)));
            store.county_search.try_update(|(n, by_county)| {
                for (code, text) in fetched {
                    if let Some(text) = text {
                        by_county.insert(code, Arc::new(CountyEntries::new(text)));
                    }
                }
                *n += 1;
            });
        });
    }

    /// The map says when it starts and stops moving (a pan, a zoom, a drag). Counties that
    /// arrive meanwhile are read as they come, but join the data only when it stops, or after
    /// [`MOVING_HOLD_MS`] at most: a new `Data` and its drawing are the long part of an arrival.
    pub fn set_moving(&self, moving: bool) {
        if self.moving.try_get_value() == Some(moving) {
            return;
        }
        self.moving.try_set_value(moving);
        if !moving {
            self.commit_arrived();
            self.release_still();
        }
    }

    fn release_still(&self) {
        for waiting in self
            .still
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            let _ = waiting.send(());
        }
    }

    /// Resolves once the map is not moving, or [`MOVING_HOLD_MS`] from now.
    async fn until_still(&self) {
        if self.moving.try_get_value() != Some(true) {
            return;
        }
        let (send, still) = futures::channel::oneshot::channel();
        self.still.update_value(|s| {
            // Waiters whose time ran out.
            s.retain(|w| !w.is_canceled());
            s.push(send);
        });
        let (send, late) = futures::channel::oneshot::channel::<()>();
        set_timeout(
            move || {
                let _ = send.send(());
            },
            std::time::Duration::from_millis(MOVING_HOLD_MS),
        );
        futures::future::select(still, late).await;
    }

    /// Tries again the counties wanted most recently (after one failed to load).
    pub fn retry_counties(&self) {
        self.want(self.recent.get_value());
    }

    /// When the package has few counties (they are not loaded on demand) and the first page
    /// loaded only its own: every county, for a page that shows them all.
    pub fn want_all(&self) {
        let Some(data) = self.data_untracked() else {
            return;
        };
        if data.on_demand || data.complete() {
            return;
        }
        let all = data
            .summary
            .counties()
            .filter(|a| a.chunk.is_some())
            .map(|a| a.division.code.clone())
            .collect();
        self.want(all);
    }

    /// Asks for these counties' rows, unless they are loaded; the views show them when they
    /// arrive.
    pub fn want(&self, counties: Vec<Code>) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let _ = store.load_counties(counties).await;
        });
    }

    /// Asks for the counties of a view, group by group: each group is fetched once the one
    /// before it has arrived (or failed), so the first is drawn without sharing the network and
    /// the main thread with the others. (While the map moves, a group that has arrived waits
    /// to join the data, see [`Store::set_moving`]; the next is fetched meanwhile.) A view asked
    /// for later drops the groups of this one not yet begun: the user has moved on, and the new
    /// view asks for what it shows.
    pub fn want_in_turn(&self, groups: Vec<Vec<Code>>) {
        let store = *self;
        let turn = self.turn.get_value() + 1;
        self.turn.set_value(turn);
        leptos::task::spawn_local(async move {
            for (i, counties) in groups.into_iter().enumerate() {
                if i > 0 && store.turn.try_get_value() != Some(turn) {
                    return;
                }
                if counties.is_empty() {
                    continue;
                }
                if let Ok(Fetch::Fetched(fetched)) = store.fetch_counties(counties).await {
                    leptos::task::spawn_local(async move {
                        let _ = store.settle(fetched).await;
                    });
                }
            }
        });
    }

    /// Loads these counties' rows if they are not loaded yet, and gives the data with them. The
    /// least recently wanted others are let go beyond [`KEEP_COUNTIES`]; those asked for here
    /// never are.
    pub async fn load_counties(&self, counties: Vec<Code>) -> Result<Arc<Data>, LoadError> {
        match self.fetch_counties(counties).await? {
            Fetch::Loaded(data) => Ok(data),
            Fetch::Fetched(fetched) => self.settle(fetched).await,
        }
    }

    fn not_ready(&self) -> LoadError {
        LoadError {
            file: self.config_url.get_value(),
            failure: LoadFailure::Network("the data is not loaded".into()),
        }
    }

    /// Fetches and reads those of these counties that are neither loaded nor read already
    /// (waiting to join the data), and puts them with the counties read (`arrived`).
    async fn fetch_counties(&self, counties: Vec<Code>) -> Result<Fetch, LoadError> {
        let data = self.data_untracked().ok_or_else(|| self.not_ready())?;
        if !data.on_demand && data.complete() {
            return Ok(Fetch::Loaded(data));
        }
        let mut counties: Vec<Code> = counties
            .into_iter()
            .filter(|c| {
                data.summary
                    .area(c.as_str())
                    .is_some_and(|a| a.chunk.is_some())
            })
            .collect();
        counties.dedup();
        self.recent.update_value(|recent| {
            recent.retain(|c| !counties.contains(c));
            recent.extend(counties.iter().cloned());
        });
        let arrived = |c: &Code| {
            self.arrived
                .try_with_value(|a| a.iter().any(|county| &county.code == c))
                .unwrap_or(false)
        };
        let waiting = counties.iter().any(&arrived);
        let missing: Vec<(&Code, &Area)> = counties
            .iter()
            .filter(|c| !data.has_county(c) && !arrived(c))
            .filter_map(|c| Some((c, data.summary.area(c.as_str())?)))
            .collect();
        if missing.is_empty() && !waiting {
            return Ok(Fetch::Loaded(data));
        }
        let attempt = self.attempt.get_value();
        self.pending.update(|n| *n += missing.len());
        self.fetching
            .update_value(|f| f.extend(missing.iter().map(|(c, _)| (*c).clone())));
        let results = futures::future::join_all(
            missing
                .iter()
                .map(|(_, area)| load_county(&data.config, area)),
        )
        .await;
        self.fetching.try_update_value(|f| {
            for (c, _) in &missing {
                if let Some(i) = f.iter().position(|x| x == *c) {
                    f.swap_remove(i);
                }
            }
        });
        let mut fetched = Fetched {
            attempt,
            fetched: missing.len(),
            added: waiting,
            failed: None,
        };
        if self.attempt.try_get_value() == Some(attempt) {
            for result in results {
                match result {
                    Ok(county) => {
                        self.arrived.try_update_value(|a| a.push(Arc::new(county)));
                        fetched.added = true;
                    }
                    Err(e) => fetched.failed = Some(e),
                }
            }
            self.asked
                .try_update_value(|a| a.extend(counties.iter().cloned()));
        }
        Ok(Fetch::Fetched(fetched))
    }

    /// Brings the counties read into the data (with those other calls read meanwhile): at once,
    /// or when the map stops moving ([`Store::set_moving`]), since making a new `Data` and
    /// drawing it would hold up the frames of the move.
    async fn settle(&self, fetched: Fetched) -> Result<Arc<Data>, LoadError> {
        if fetched.added {
            self.until_still().await;
        }
        self.pending
            .try_update(|n| *n = n.saturating_sub(fetched.fetched));
        if self.attempt.try_get_value() != Some(fetched.attempt) {
            return Err(self.not_ready());
        }
        self.county_error.try_set(fetched.failed.clone());
        // Unless another call (or the map stopping) has brought them in already.
        let next = self
            .commit_arrived()
            .or_else(|| self.data_untracked())
            .ok_or_else(|| self.not_ready())?;
        match fetched.failed {
            Some(e) => Err(e),
            None => Ok(next),
        }
    }

    /// Makes the data with the counties read and not yet in it, if any: the data now (whatever
    /// loaded meanwhile stays) with them added. Beyond [`KEEP_COUNTIES`] the least recently
    /// wanted are let go, never one asked for by the calls that read them.
    fn commit_arrived(&self) -> Option<Arc<Data>> {
        let now = self.data_untracked()?;
        let mut fresh = self
            .arrived
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut asked = self
            .asked
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if fresh.is_empty() {
            return None;
        }
        sort::sort_by(&mut asked, Ord::cmp);
        asked.dedup();
        // Two calls may have fetched the same county.
        sort::sort_by(&mut fresh, |a, b| a.code.cmp(&b.code));
        fresh.dedup_by(|a, b| a.code == b.code);
        let mut all: Vec<Arc<County>> = now.loaded.clone();
        all.retain(|c| !fresh.iter().any(|f| f.code == c.code));
        all.extend(fresh);
        let recent = self.recent.get_value();
        let rank = |c: &Code| {
            if asked.binary_search(c).is_ok() {
                usize::MAX
            } else {
                recent.iter().position(|r| r == c).map_or(0, |i| i + 1)
            }
        };
        sort::sort_by_key(&mut all, |c| std::cmp::Reverse(rank(&c.code)));
        // A package of few counties keeps them all (they load at once when a page shows them).
        if now.on_demand {
            all.truncate(KEEP_COUNTIES.max(asked.len()));
        }
        sort::sort_by(&mut all, |a, b| a.code.cmp(&b.code));
        // Those let go leave the list; one that failed stays, for Retry, and one still on its
        // way, wanted after those here (dropped from the list, it would be the first to go).
        let fetching = self.fetching.get_value();
        self.recent.update_value(|recent| {
            recent.retain(|c| {
                all.iter().any(|k| &k.code == c) || asked.contains(c) || fetching.contains(c)
            })
        });
        let next = Arc::new(Data::new(
            now.config.clone(),
            now.summary.clone(),
            all,
            self.next_generation(),
        ));
        self.state.try_set(LoadState::Ready(next.clone()));
        self.search_follows(&next);
        Some(next)
    }
}

/// What [`Store::fetch_counties`] found: the data already holds the counties, or some were
/// fetched (and read, unless they failed) and wait to join it ([`Store::settle`]).
enum Fetch {
    Loaded(Arc<Data>),
    Fetched(Fetched),
}

struct Fetched {
    /// The load attempt they were fetched for (a reload since makes them stale).
    attempt: u64,
    /// How many counties were fetched (counted in `pending` until they settle).
    fetched: usize,
    /// Whether any of the counties asked for is among those read and waiting.
    added: bool,
    /// The last county that failed to load.
    failed: Option<LoadError>,
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

/// A signal that aborts a request after `ms` milliseconds. (`AbortSignal.timeout` would do,
/// but Safari has it only from 16 and Chromium from 103: this keeps the site running on the
/// browsers its wasm runs on, docs/FIRST-VISIT.md.)
pub fn abort_after(ms: u32) -> web_sys::AbortSignal {
    let controller = web_sys::AbortController::new().expect("AbortController");
    let signal = controller.signal();
    set_timeout(
        move || controller.abort(),
        std::time::Duration::from_millis(ms.into()),
    );
    signal
}

async fn fetch_bytes(url: &str, timeout_ms: u32) -> Result<Vec<u8>, LoadError> {
    let fail = |failure| LoadError {
        file: url.to_string(),
        failure,
    };
    // The whole file within the time, body included: a stalled download counts.
    let signal = abort_after(timeout_ms);
    let failed = |e: gloo_net::Error| {
        if signal.aborted() {
            fail(LoadFailure::Timeout(timeout_ms))
        } else {
            fail(LoadFailure::Network(e.to_string()))
        }
    };
    let past_worker = !crate::offline::controlled();
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(fail(LoadFailure::Http(response.status())));
    }
    let bytes = response.binary().await.map_err(failed)?;
    if past_worker {
        crate::offline::arrived_past_worker(url);
    }
    Ok(bytes)
}

/// A text file of the site or the bundle, within `timeout_ms`.
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, LoadError> {
    let bytes = fetch_bytes(url, timeout_ms).await?;
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
    let text = fetch_text(url, DATA_TIMEOUT_MS).await?;
    serde_json::from_str(&text).map_err(|e| parse_error(url, e))
}

pub async fn load_summary(config: &SiteConfig) -> Result<Summary, LoadError> {
    let url = config.data_url(SUMMARY_FILE);
    let text = fetch_text(&url, config.timeout_ms).await?;
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
pub async fn load_county(config: &SiteConfig, area: &Area) -> Result<County, LoadError> {
    let Some(chunk) = &area.chunk else {
        return Err(parse_error(
            &config.data_url(SUMMARY_FILE),
            format!("area {} has no chunk", area.division.code),
        ));
    };
    let stations_url = config.data_url(&chunk.stations.path);
    let villages_url = config.data_url(&chunk.villages.path);
    let areas_url = config.data_url(&chunk.areas.path);
    let boundary_url = chunk.boundary.as_ref().map(|b| config.data_url(&b.path));
    let (stations, villages, areas, boundary) = futures::join!(
        fetch_bytes(&stations_url, config.timeout_ms),
        fetch_bytes(&villages_url, config.timeout_ms),
        fetch_text(&areas_url, config.timeout_ms),
        async {
            match &boundary_url {
                Some(url) => fetch_text(url, config.timeout_ms).await.map(Some),
                None => Ok(None),
            }
        }
    );
    let (stations, mut problems) =
        cundi_core::read::read_stations(&chunk.stations.path, &stations?);
    let (villages, village_problems) =
        cundi_core::read::read_villages(&chunk.villages.path, &villages?);
    problems.extend(village_problems);
    let townships: Vec<Area> =
        serde_json::from_str(&areas?).map_err(|e| parse_error(&areas_url, e))?;
    // An outline is checked where it is drawn (`map::outline_layer`), so that pages without a
    // map do not carry a GeoJSON reader; one that is not GeoJSON is left off the map, as
    // `cundi-data build` already listed it as a warning.
    let boundary = boundary?;
    Ok(County {
        code: area.division.code.clone(),
        stations,
        villages,
        boundary,
        townships,
        problems,
    })
}

/// Fetches files at once, each named by a key; one that fails comes back as `None`.
async fn fetch_texts<K>(files: Vec<(K, String)>, timeout_ms: u32) -> Vec<(K, Option<String>)> {
    futures::future::join_all(
        files
            .into_iter()
            .map(|(key, url)| async move { (key, fetch_text(&url, timeout_ms).await.ok()) }),
    )
    .await
}

/// Fetches files of search entries at once, each named by a key; one that fails or does not parse
/// comes back as `None`, and the search goes on without it.
async fn fetch_entries<K>(
    files: Vec<(K, String)>,
    timeout_ms: u32,
) -> Vec<(K, Option<Vec<SearchEntry>>)> {
    fetch_texts(files, timeout_ms)
        .await
        .into_iter()
        .map(|(key, text)| (key, text.and_then(|t| serde_json::from_str(&t).ok())))
        .collect()
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
    let text = fetch_text(&url, config.timeout_ms).await?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| parse_error(&url, e))
}

/// Loads the configuration, the summary and, unless counties load on demand, every county chunk
/// the summary lists — or, when the first page is about one place (`first`: a station's page or
/// notice, a county's or a township's page), only that place's county: the others come when a
/// page that shows them opens ([`Store::want_all`]), so a visit from a station's QR code fetches
/// one county (docs/FIRST-VISIT.md).
pub async fn load_all(
    config_url: &str,
    generation: u64,
    first: Option<crate::url::Place>,
) -> Result<Data, LoadError> {
    let config = load_config(config_url).await?;
    let summary = Arc::new(load_summary(&config).await?);
    let one = first.and_then(|place| place.county(&summary));
    let counties = if summary.counties().count() > config.eager_counties {
        Vec::new()
    } else {
        futures::future::try_join_all(
            summary
                .counties()
                .filter(|a| one.as_ref().is_none_or(|c| *c == a.division.code))
                .map(|a| load_county(&config, a)),
        )
        .await?
        .into_iter()
        .map(Arc::new)
        .collect()
    };
    Ok(Data::new(config, summary, counties, generation))
}
