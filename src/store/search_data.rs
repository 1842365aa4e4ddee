//! The search's data: the areas' entries, each loaded county's, and (on demand) the name
//! shards; its code, fetched when the user first searches; and the index over what is loaded.

use super::*;
use cundi_core::search::{self, Hit, HitKind, SearchEntry, SearchIndex};
use cundi_core::sort;
use cundi_core::Code;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

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
pub(super) type CountySearch = BTreeMap<Code, Arc<CountyEntries>>;

/// A county's search entries as fetched, read the first time a search needs them: reading them
/// (hundreds of kilobytes of JSON) would otherwise hold up every county opened, and the frames
/// while panning.
#[derive(Debug)]
pub(super) struct CountyEntries(std::sync::Mutex<Entries>);

#[derive(Debug)]
pub(super) enum Entries {
    Fetched(String),
    Read(Arc<Vec<SearchEntry>>),
}

impl CountyEntries {
    pub(super) fn new(text: String) -> CountyEntries {
        CountyEntries(std::sync::Mutex::new(Entries::Fetched(text)))
    }

    /// The entries; a file that does not parse has none, and the search goes on without it.
    pub(super) fn entries(&self) -> Arc<Vec<SearchEntry>> {
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
pub(super) type IndexVersion = (u64, u64, u64);

/// Name shards kept (the most recently used); a query needs one to three.
pub const KEEP_NAME_SHARDS: usize = 8;

/// The name shards fetched, by key, with the least recently used first.
pub(super) type NameShardMap = Vec<(String, Arc<Vec<SearchEntry>>)>;

/// The search: reading the search files and finding in them. On the site its code is a chunk of
/// its own (`chunks::search_engine`), fetched when the user first searches: the first load
/// neither downloads nor compiles it (the service worker keeps it afterwards, with the other
/// chunks, in the background). [`Store::ready`] (component tests) holds it from the start.
#[derive(Debug, Clone, Copy)]
pub struct SearchEngine {
    find: fn(&Store, &str, usize, &[HitKind]) -> Vec<Hit>,
    follow: fn(&Store, &Arc<Data>),
    /// The names' readings (`readings.rs`), made from the same entries: a page that shows none
    /// (every page in Chinese) carries none of this code.
    pub(super) readings: fn(&Store) -> Arc<Readings>,
}

impl SearchEngine {
    /// The search's code, wherever this is compiled.
    pub const HERE: SearchEngine = SearchEngine {
        find: Store::find,
        follow: Store::follow_search,
        readings: Store::build_readings,
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

impl Store {
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
    pub(super) fn find(&self, query: &str, limit: usize, kinds: &[HitKind]) -> Vec<Hit> {
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

    /// Once the search's code is here: the search files this data needs are fetched.
    pub(super) fn search_follows(&self, data: &Arc<Data>) {
        if let Some(EngineState::Ready(engine)) = self.engine.try_get_untracked() {
            (engine.follow)(self, data);
        }
    }

    /// Fetches the areas' and the loaded counties' search entries, once the user has begun to
    /// search (in the search's chunk, see [`SearchEngine`]).
    pub(super) fn follow_search(&self, data: &Arc<Data>) {
        self.load_area_search(data);
        self.load_county_search(data);
    }

    /// Fetches the areas' search entries (the summary's search file, with their pinyin) once
    /// the user has begun to search, once per load. The national one is 7 MB of JSON, which a
    /// visit that never searches neither downloads nor reads.
    pub(super) fn load_area_search(&self, data: &Arc<Data>) {
        let attempt = self.attempt.get_value();
        // For the readings alone, only a bundle loaded whole: a national one's areas' file is
        // megabytes, fetched when the user searches.
        let wanted =
            self.search_wanted.get_value() || (self.readings_wanted.get_value() && !data.on_demand);
        if !wanted || self.area_search_asked.get_value() == attempt {
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
    pub(super) fn fetch_names(&self, data: &Arc<Data>, query: &str) {
        let Some(spec) = data.name_shards() else {
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

    pub(super) fn start_search(&self) {
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
    pub(super) fn load_county_search(&self, data: &Arc<Data>) {
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
        let wanted = self.search_wanted.get_value() || self.readings_wanted.get_value();
        if missing.is_empty() || !wanted {
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
}
