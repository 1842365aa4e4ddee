//! What the search finds: an entry (a place or a station, with its pinyin keys) and a hit, and
//! the entries of a dataset.

use super::keys::PinyinKeys;

use crate::code::{Code, Level};
use crate::dataset::Dataset;
use crate::model::Division;
use serde::{Deserialize, Serialize};

/// What a hit is. The order is the ranking's tie-break: the larger area first, stations last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Province,
    City,
    County,
    Township,
    Village,
    Station,
}

impl HitKind {
    pub const ALL: [HitKind; 6] = [
        HitKind::Province,
        HitKind::City,
        HitKind::County,
        HitKind::Township,
        HitKind::Village,
        HitKind::Station,
    ];

    /// The kind of a division or village at `level`.
    pub fn of_level(level: Level) -> HitKind {
        match level {
            Level::Province => HitKind::Province,
            Level::City => HitKind::City,
            Level::County => HitKind::County,
            Level::Township => HitKind::Township,
            Level::Village => HitKind::Village,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Province => "province",
            HitKind::City => "city",
            HitKind::County => "county",
            HitKind::Township => "township",
            HitKind::Village => "village",
            HitKind::Station => "station",
        }
    }
}

/// How well a query matched: the first level of the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchClass {
    /// The whole name (or key) is the query.
    Exact,
    /// The name begins with the query.
    Prefix,
    /// The query is inside the name (for pinyin: from a syllable start).
    Substring,
}

/// What the query matched: the second level of the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchField {
    /// The name as written (Chinese characters).
    Name,
    /// The full pinyin, tone-less (`fengchengzhen`).
    Pinyin,
    /// The pinyin initials (`fcz`).
    Initials,
    /// The division code or station id.
    Key,
}

/// One thing that can be found. The build step can write these (with their pinyin) into the
/// bundle, and the site build an index from them without computing pinyin itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchEntry {
    pub kind: HitKind,
    /// The division or village code, or the station id.
    pub key: String,
    pub name: String,
    /// The code of the division or village it lies in, which gives a hit its context (a station's
    /// `admin_code`, a village's township, a division's parent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "PinyinKeys::is_empty")]
    pub pinyin: PinyinKeys,
}

impl SearchEntry {
    /// An entry without pinyin keys (found only by characters and key until some are given).
    pub fn new(
        kind: HitKind,
        key: impl Into<String>,
        name: impl Into<String>,
        parent: Option<String>,
    ) -> SearchEntry {
        SearchEntry {
            kind,
            key: key.into(),
            name: name.into(),
            parent,
            pinyin: PinyinKeys::default(),
        }
    }
}

/// Entries for everything in a dataset: its divisions, the divisions in `extra` it lacks (the
/// summary's areas, when only some counties' rows are loaded), its villages and its stations.
/// `keys` gives each name's pinyin: [`keys_for`], or a lookup in keys the build precomputed.
pub fn dataset_entries(
    ds: &Dataset,
    extra: &[Division],
    keys: &mut dyn FnMut(&str) -> PinyinKeys,
) -> Vec<SearchEntry> {
    let mut entries = Vec::with_capacity(
        ds.divisions.len() + extra.len() + ds.villages.len() + ds.stations.len(),
    );
    let mut entry = |kind, key: &str, name: &str, parent: Option<&str>| SearchEntry {
        kind,
        key: key.to_string(),
        name: name.to_string(),
        parent: parent.map(str::to_string),
        pinyin: keys(name),
    };
    for d in ds.divisions.iter().chain(
        extra
            .iter()
            .filter(|d| ds.division(d.code.as_str()).is_none()),
    ) {
        if d.level() == Level::Village {
            continue;
        }
        let parent = d.code.parent();
        entries.push(entry(
            HitKind::of_level(d.level()),
            d.code.as_str(),
            &d.name,
            parent.as_ref().map(Code::as_str),
        ));
    }
    for v in &ds.villages {
        entries.push(entry(
            HitKind::Village,
            v.code.as_str(),
            &v.name,
            Some(v.township_code.as_str()),
        ));
    }
    for s in &ds.stations {
        entries.push(entry(
            HitKind::Station,
            &s.id,
            &s.name,
            Some(s.admin_code.as_str()),
        ));
    }
    entries
}

/// A hit, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: HitKind,
    /// The division or village code, or the station id: what the hit's page is keyed by.
    pub key: String,
    pub name: String,
    /// Names of the areas it lies in, the largest first (省 … 乡镇, and the village for a village
    /// point), to tell apart places with the same name.
    pub context: Vec<String>,
    pub class: MatchClass,
    pub field: MatchField,
}

// ---------------------------------------------------------------------------------------------
// National name search: the villages and stations of every county, in shards the site fetches by
// a query's first letters, so that a name is found before its county is loaded.
