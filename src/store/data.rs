//! The data as loaded: the summary, the counties loaded so far, and what the views ask of them.

use super::*;
use cundi_core::bundle::{Area, Summary, Unparsed};
use cundi_core::documents::Document;
use cundi_core::geo::BBox;
use cundi_core::nearest::NearIndex;
use cundi_core::search::NameShards;
use cundi_core::search::{self, PinyinKeys, SearchIndex};
use cundi_core::sort;
use cundi_core::{
    Code, ComplaintStat, Dataset, Frequency, Parts, Problem, Station, Target, Village,
};
use std::sync::Arc;

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
    pub(super) dataset: std::sync::OnceLock<Dataset>,
    /// By names and codes, over the loaded areas, stations and villages; built on first use
    /// (the index with pinyin usually arrives first, and a county opening should not wait).
    pub(super) search: std::sync::OnceLock<SearchIndex>,
    /// The nearest-point index, built on first use ("near me", a village's page): the map is
    /// drawn without it.
    pub(super) near: std::sync::OnceLock<NearIndex>,
    /// The parts of the summary kept as text (`bundle::Unparsed`), parsed when a page first
    /// asks ([`Data::targets`], [`Data::complaint_stats`], [`Data::documents`],
    /// [`Data::name_shards`]).
    targets: std::sync::OnceLock<Result<Vec<Target>, String>>,
    complaint_stats: std::sync::OnceLock<Result<Vec<ComplaintStat>, String>>,
    documents: std::sync::OnceLock<Result<Vec<Document>, String>>,
    name_shards: std::sync::OnceLock<Option<Result<NameShards, String>>>,
    /// The codes of the loaded counties.
    pub counties: Vec<Code>,
    /// Whether counties load on demand (more than `config.eager_counties`).
    pub on_demand: bool,
    /// The loaded counties: their rows as the map reads them (`stations`, `villages`), and kept
    /// to build the next `Data` without fetching them again.
    pub(super) loaded: Vec<Arc<County>>,
    /// The loaded counties' townships, by code.
    pub(super) townships: Vec<Area>,
    /// Counts the `Data` built, so that what is derived from one (the search index with
    /// pinyin) is rebuilt only for a new one.
    pub generation: u64,
}

impl Data {
    /// The Open311 receiver a complaint made for `endpoint` goes to now: the county's or the
    /// deployment's with that endpoint, with its current key and jurisdiction (put right after a
    /// refusal, say). `None` when no receiver has that endpoint any more.
    pub fn current_receiver(&self, endpoint: &str) -> Option<cundi_core::complaint::Receiver> {
        let endpoint = endpoint.trim();
        self.summary
            .authorities
            .iter()
            .filter_map(cundi_core::complaint::Receiver::of_authority)
            .chain(self.config.open311().map(|o| o.receiver()))
            .find(|r| r.endpoint.trim() == endpoint)
    }

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
            targets: std::sync::OnceLock::new(),
            complaint_stats: std::sync::OnceLock::new(),
            documents: std::sync::OnceLock::new(),
            name_shards: std::sync::OnceLock::new(),
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
            Err(e) => (Vec::new(), Some(unreadable(e))),
        };
        for county in &self.loaded {
            problems.extend(county.problems.iter().cloned());
        }
        (problems, unreadable)
    }

    /// The summary's targets, in file order, parsed the first time a page asks: only the
    /// journalists' pages and an area's page show them, so that the code reading them is in
    /// those pages' chunks (`bundle::Unparsed`). Why not, when they cannot be read.
    pub fn targets(&self) -> Result<&[Target], &str> {
        parsed(&self.targets, &self.summary.targets).map(Vec::as_slice)
    }

    /// The complaint figures the package ships, parsed the first time a page asks, as the
    /// targets are.
    pub fn complaint_stats(&self) -> Result<&[ComplaintStat], &str> {
        parsed(&self.complaint_stats, &self.summary.complaint_stats).map(Vec::as_slice)
    }

    /// The policy documents the package ships as text, parsed the first time a page asks, as the
    /// targets are.
    pub fn documents(&self) -> Result<&[Document], &str> {
        parsed(&self.documents, &self.summary.package.documents).map(Vec::as_slice)
    }

    /// The name shards of a national bundle (`search::NameShards`), parsed the first time the
    /// search asks; `None` without them. Shards that cannot be read leave the search to the
    /// loaded counties, as one that fails to download does.
    pub fn name_shards(&self) -> Option<&NameShards> {
        self.name_shards
            .get_or_init(|| {
                let names = self.summary.names.as_ref()?;
                Some(names.parse().map_err(unreadable))
            })
            .as_ref()?
            .as_ref()
            .ok()
    }

    /// The loaded rows with the summary's areas, authorities and county boxes, and the
    /// lookups over them (built the first time a view asks). Not the targets: the site asks the
    /// core nothing about them that needs the rows (`Data::targets`).
    pub fn dataset(&self) -> &Dataset {
        self.dataset.get_or_init(|| {
            let summary = &self.summary;
            let mut parts = Parts {
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

    /// A division's name, or its code when the data does not name it.
    pub fn name_or_code(&self, code: &Code) -> String {
        self.dataset()
            .name_of(code.as_str())
            .map_or_else(|| code.to_string(), str::to_string)
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

/// A part of the summary kept as text (`bundle::Unparsed`), parsed the first time it is asked
/// for and kept with this `Data`; why not, when it cannot be read.
fn parsed<'a, T: serde::de::DeserializeOwned>(
    kept: &'a std::sync::OnceLock<Result<T, String>>,
    part: &Unparsed<T>,
) -> Result<&'a T, &'a str> {
    kept.get_or_init(|| part.parse().map_err(unreadable))
        .as_ref()
        .map_err(String::as_str)
}

/// Why a part of the summary kept as text (`bundle::Unparsed`) could not be read: serde's words
/// without its "at line 1 column …", which counts from the start of that part, not of
/// summary.json, and would send a publisher to the wrong place; and without the list of every
/// word it would have taken ("unknown variant `x`, expected one of …" names each indicator, a
/// phone's whole screen of them): the word it did not take is what the publisher looks for.
fn unreadable(e: serde_json::Error) -> String {
    let e = e.to_string();
    let what = e
        .rsplit_once(" at line ")
        .map_or(e.as_str(), |(what, _)| what);
    what.split_once(", expected one of ")
        .map_or(what, |(what, _)| what)
        .to_string()
}
