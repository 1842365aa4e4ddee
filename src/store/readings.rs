//! The names' pinyin readings, for the English interface, which shows them beside the Chinese
//! (`components::Reading`) and sorts tables of names by them. They are made from the search
//! entries the bundle already carries (`cundi_core::search::reading`, the rules there): the
//! loaded counties' villages and stations, and the areas' (fetched for this only when the whole
//! bundle is loaded at once; a national bundle's areas come with the first search). Nothing is
//! fetched until a view asks ([`Store::want_readings`]).

use super::*;
use cundi_core::search::{reading, SearchEntry};
use std::collections::HashMap;

/// A name's reading, and the key it sorts by (its syllables, lower case, a space between).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub shown: String,
    pub sort: String,
}

/// Readings by key: a division or village code, a station id.
pub type Readings = HashMap<String, Reading>;

impl Store {
    /// Says a view shows readings: the search entries they are made from are fetched from now
    /// on (the loaded counties', and the areas' for a bundle loaded whole).
    pub fn want_readings(&self) {
        if self.readings_wanted.get_value() {
            return;
        }
        self.readings_wanted.set_value(true);
        if let Some(data) = self.data_untracked() {
            self.readings_follow(&data);
        }
    }

    /// Fetches what the readings of this data are made from.
    pub(super) fn readings_follow(&self, data: &Arc<Data>) {
        self.load_area_search(data);
        self.load_county_search(data);
    }

    /// The readings of the names loaded (tracked: more come as search entries arrive). Built
    /// once for each set of entries.
    pub fn readings(&self) -> Arc<Readings> {
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
        let mut built = Readings::new();
        for e in areas
            .iter()
            .flat_map(|a| a.iter())
            .chain(counties.iter().flat_map(|c| c.iter()))
        {
            if let (Some(shown), Some(sort)) = (
                reading(&e.name, &e.pinyin),
                e.pinyin.full().into_iter().next(),
            ) {
                built.insert(e.key.clone(), Reading { shown, sort });
            }
        }
        let built = Arc::new(built);
        self.readings.set_value(Some((version, built.clone())));
        built
    }
}
