//! The names' pinyin readings, for the English interface, which shows them beside the Chinese
//! (`components::Reading`) and sorts tables of names by them. They are made from the search
//! entries the bundle already carries (`cundi_core::search::reading`, the rules there): the
//! loaded counties' villages and stations, and the areas' (fetched for this only when the whole
//! bundle is loaded at once; a national bundle's areas come with the first search). Nothing is
//! fetched until a view asks ([`Store::readings`]), and the code that makes them is the search's
//! chunk (`SearchEngine`), fetched then: a page in Chinese carries none of it.

use super::*;
use cundi_core::search::{reading, SearchEntry};

/// A name's reading, and the key it sorts by (its syllables, lower case, a space between).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub shown: String,
    pub sort: String,
}

/// Readings by key (a division or village code, a station id), sorted by key: a plain vector,
/// so the first load, which holds the (empty) readings, carries no hash map's code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readings(Vec<(String, Reading)>);

impl Readings {
    pub fn get(&self, key: &str) -> Option<&Reading> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(&self.0[at].1)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Store {
    /// Says a view shows readings: the search's code is fetched, and then, by it, the search
    /// entries the readings are made from (the loaded counties', and the areas' for a bundle
    /// loaded whole; `Store::follow_search`). The first load holds none of that code.
    fn want_readings(&self) {
        if self.readings_wanted.get_value() {
            return;
        }
        self.readings_wanted.set_value(true);
        self.start_search();
    }

    /// The readings of the names loaded (tracked: more come as the search's code and entries
    /// arrive); none until then. Asking is what fetches them.
    pub fn readings(&self) -> Arc<Readings> {
        self.want_readings();
        match self.engine.get() {
            EngineState::Ready(engine) => (engine.readings)(self),
            _ => Arc::default(),
        }
    }

    /// The readings, built once for each set of entries (in the search's chunk).
    pub(super) fn build_readings(&self) -> Arc<Readings> {
        let Some(data) = self.data() else {
            return Arc::default();
        };
        let areas = match self.search.get() {
            SearchState::Ready(areas) => Some(areas),
            _ => None,
        };
        let version = (
            data.generation,
            self.county_search.with(|(n, _)| *n),
            u64::from(areas.is_some()),
        );
        if let Some((v, built)) = self.readings.with_value(|r| r.clone()) {
            if v == version {
                return built;
            }
        }
        let counties: Vec<Arc<Vec<SearchEntry>>> = self.county_search.with(|(_, by_county)| {
            data.counties
                .iter()
                .filter_map(|c| by_county.get(c))
                .map(|e| e.entries())
                .collect()
        });
        let mut built: Vec<(String, Reading)> = Vec::new();
        for e in areas
            .iter()
            .flat_map(|a| a.iter())
            .chain(counties.iter().flat_map(|c| c.iter()))
        {
            if let (Some(shown), Some(sort)) = (
                reading(&e.name, &e.pinyin),
                e.pinyin.full().into_iter().next(),
            ) {
                built.push((e.key.clone(), Reading { shown, sort }));
            }
        }
        // The first of two entries with one key is kept (the areas' before the counties').
        built.sort_by(|a, b| a.0.cmp(&b.0));
        built.dedup_by(|b, a| a.0 == b.0);
        let built = Arc::new(Readings(built));
        self.readings.set_value(Some((version, built.clone())));
        built
    }
}
