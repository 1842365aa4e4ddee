//! Loads the site configuration and the data bundle that `cundi-data build` wrote — the summary,
//! then the county chunks, then (without holding up the map) the search entries with their
//! pinyin — and shares the result through context as one `Copy` handle, `Store`. A file that fails
//! to load or parse becomes a `LoadError` naming the file: the views show it with a retry (the
//! search says it works by characters only), never a blank page and never a silent `None`.
//!
//! In pieces: the configuration (`config`), fetching and reading each file (`fetch`), the data
//! as loaded (`data`), which counties are fetched and kept (`counties`), the search's data
//! (`search_data`), and the names' pinyin readings made from it (`readings`).

mod config;
mod counties;
mod data;
mod fetch;
mod readings;
mod search_data;

pub use config::*;
pub use data::*;
pub use fetch::*;
pub use readings::*;
pub use search_data::*;

use cundi_core::search::{SearchEntry, SearchIndex};
use cundi_core::Code;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where loading stands.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Data>),
    Failed(LoadError),
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
    /// Whether a view wants the names' pinyin readings (the English interface shows them): the
    /// loaded counties' search entries are fetched then, search or not (see `readings`).
    readings_wanted: StoredValue<bool>,
    /// The readings built, with the `IndexVersion` they were built from.
    readings: StoredValue<Option<(IndexVersion, Arc<Readings>)>>,
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
    pub(super) fn with_state(
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
            readings_wanted: StoredValue::new(false),
            readings: StoredValue::new(None),
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

    pub(super) fn next_generation(&self) -> u64 {
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
