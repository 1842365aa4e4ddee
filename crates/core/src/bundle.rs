//! The web bundle that `cundi-data build` writes and the site reads: a summary of every province,
//! city and county (counts, coverage, bounding box, chunk files with checksums) and, per county, a
//! chunk: the package's own CSV rows for that county, its townships with their figures, and the
//! search entries of its stations and villages. The site loads the summary first and only the
//! chunks a view needs, so the same layout serves three counties or the whole country: the
//! national summary holds about 3,300 areas, where with its 41,000 townships and 620,000 villages
//! it would be tens of megabytes.

use crate::code::Code;
use crate::geo::BBox;
use crate::model::Crs;
use crate::model::{Authority, ComplaintStat, Division, Extra, Target};
use crate::package::Notice;
use crate::problem::Problem;
use crate::stats::AreaStats;
use serde::{Deserialize, Serialize};

/// Bumped when the bundle layout changes incompatibly.
/// Format 2 moved townships and the search entries of stations and villages into the chunks.
/// Format 3 moved the chunk files' checksums out of the summary into [`CHECKSUMS_FILE`].
/// Format 4 writes a search entry's pinyin as one string (see `search::PinyinKeys`).
pub const FORMAT_VERSION: u32 = 4;

/// A file of the bundle as a page reaches it: `path` (relative to the bundle) under the bundle's
/// folder as `config.json` names it (`data/`, `data`, or empty for the page's own folder). The
/// site fetches by it and `cundi-data csp` writes the first paint's links by it.
pub fn file_url(dir: &str, path: &str) -> String {
    if dir.is_empty() || dir.ends_with('/') {
        format!("{dir}{path}")
    } else {
        format!("{dir}/{path}")
    }
}

/// The summary's file name inside the bundle directory.
pub const SUMMARY_FILE: &str = "summary.json";

/// The search index's file name: every province, city, county and township with its pinyin keys
/// (`Vec<search::SearchEntry>` as JSON), precomputed so the site needs no pinyin table. A chunk's
/// own file of that name holds its county's stations and villages.
pub const SEARCH_FILE: &str = "search.json";

/// A chunk's townships with their figures (`Vec<Area>` as JSON).
pub const AREAS_FILE: &str = "areas.json";

/// The SHA-256 of every file in the bundle but this one and the summary, one line each in the
/// format `sha256sum` writes and checks (`<hex>  <path>`), sorted by path. The summary cites
/// the package's files with their checksums, and the chunks' files by path and size only: their
/// checksums were half of a national summary's compressed bytes, and the site never reads them.
pub const CHECKSUMS_FILE: &str = "SHA256SUMS";

/// What changed since the previous version (`diff::Changes` as JSON), when the build was given
/// one (`cundi-data build --previous`).
pub const CHANGES_FILE: &str = "changes.json";

/// A map view at this zoom or closer opens the counties in it (see [`Summary::counties_to_open`]).
pub const OPEN_ZOOM: f64 = 8.0;
/// A view with at most this many counties in it opens them, at any zoom.
pub const OPEN_MAX: usize = 12;

/// A file in the bundle (or the package), with what is needed to cite and check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    /// Relative to the bundle directory, with `/` separators.
    pub path: String,
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// Data rows (not counting the header), for CSV files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
}

/// A file of a county's chunk: where it is and its size (its checksum is in [`CHECKSUMS_FILE`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkFile {
    /// Relative to the bundle directory, with `/` separators.
    pub path: String,
    pub bytes: u64,
    /// Data rows (not counting the header) of a CSV file, items of a JSON list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
}

impl From<&FileRef> for ChunkFile {
    fn from(f: &FileRef) -> ChunkFile {
        ChunkFile {
            path: f.path.clone(),
            bytes: f.bytes,
            rows: f.rows,
        }
    }
}

/// The files holding one county's rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub stations: ChunkFile,
    /// The same stations as GeoJSON points (WGS-84, every column a property), for GIS users;
    /// the site lists it on the data page and never reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stations_geojson: Option<ChunkFile>,
    pub villages: ChunkFile,
    /// The county outline (GeoJSON, WGS-84), when the package has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundary: Option<ChunkFile>,
    /// The county's townships with their figures ([`AREAS_FILE`]).
    pub areas: ChunkFile,
    /// The search entries of the county's stations and villages ([`SEARCH_FILE`]).
    pub search: ChunkFile,
}

/// One province, city, county or township with its figures.
///
/// Written with the division's fields beside the others (`flatten`); read through
/// [`AreaFields`], the same object as a plain struct. serde reads a flattened field by first
/// buffering the whole object into a tree of its own and then reading that tree: for the 3,351
/// areas of the national summary that is every value read twice, and in the site's first load
/// the buffering's code (docs/FIRST-VISIT.md, section 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "AreaFields")]
pub struct Area {
    #[serde(flatten)]
    pub division: Division,
    pub stats: AreaStats,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    /// Counties only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chunk: Option<Chunk>,
}

/// An [`Area`] as summary.json writes it, read without `flatten`.
#[derive(Deserialize)]
struct AreaFields {
    code: Code,
    name: String,
    #[serde(default)]
    extra: Extra,
    stats: AreaStats,
    #[serde(default)]
    bbox: Option<BBox>,
    #[serde(default)]
    chunk: Option<Chunk>,
}

impl From<AreaFields> for Area {
    fn from(f: AreaFields) -> Area {
        Area {
            division: Division {
                code: f.code,
                name: f.name,
                extra: f.extra,
            },
            stats: f.stats,
            bbox: f.bbox,
            chunk: f.chunk,
        }
    }
}

/// What the site needs to know about the package it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageInfo {
    pub name: String,
    pub title: Option<String>,
    pub version: Option<String>,
    pub created: Option<String>,
    pub publisher: Option<String>,
    pub licenses: Vec<String>,
    pub sources: Vec<String>,
    /// The sources shipped as text in the package (`documents`): the policy documents the
    /// targets quote.
    /// Read as text and parsed by the pages that link to them (see [`Unparsed`]).
    #[serde(default, skip_serializing_if = "Unparsed::is_empty_list")]
    pub documents: Unparsed<Vec<crate::documents::Document>>,
    /// The coordinate system the publisher used (the bundle itself is always WGS-84).
    pub crs: Crs,
    pub illustrative: bool,
    pub notice: Option<Notice>,
    /// Provinces and cities the package declares it holds whole (`cundi:complete` in
    /// `datapackage.json`): only for these is a target above the county measured (see `targets`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complete: Vec<Code>,
}

impl PackageInfo {
    /// The date the data describes: `created`, read as a date (a full timestamp such as
    /// `2026-11-22T08:00:00Z` counts by its day). Targets are assessed as of this date, not as
    /// of the reader's clock, so an old dataset is not blamed for deadlines after it was made.
    pub fn as_of(&self) -> Option<chrono::NaiveDate> {
        let created = self.created.as_deref()?.trim();
        crate::model::parse_date(created.get(..10)?)
    }
}

/// `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub format: u32,
    pub package: PackageInfo,
    /// Every province, city and county, parents before children (townships are in their
    /// county's chunk).
    pub areas: Vec<Area>,
    /// `targets.csv`, read as text and parsed by the pages that show them (see [`Unparsed`]).
    pub targets: Unparsed<Vec<Target>>,
    pub authorities: Vec<Authority>,
    /// `complaint_stats.csv`, when the package has it: small (a few rows per township and
    /// month), so carried whole rather than chunked; read as text and parsed by the pages that
    /// show them, as the targets are.
    #[serde(default, skip_serializing_if = "Unparsed::is_empty_list")]
    pub complaint_stats: Unparsed<Vec<ComplaintStat>>,
    /// Every problem the build found; the rows they name are left out of the chunks. Read as
    /// text and parsed when asked (see [`Unparsed`]).
    pub problems: Unparsed<Vec<Problem>>,
    /// The package's own files (datapackage.json, the CSVs and any other resource), copied under
    /// `package/`; not its county outlines, which are counted in `outlines`.
    pub files: Vec<FileRef>,
    /// How many county outlines the package has, copied under `package/boundaries/` and listed
    /// with their checksums in [`CHECKSUMS_FILE`] only: the national package has 2,846, which
    /// cited here were a quarter of the summary's compressed bytes.
    #[serde(default, skip_serializing_if = "crate::is_zero")]
    pub outlines: u64,
    /// The search index (`SEARCH_FILE`), when the build wrote one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<FileRef>,
    /// The villages' and stations' names of every county in shards, for a search that finds them
    /// before their county is loaded (`search::NameShards`); absent from older bundles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Read as text and parsed by the search (see [`Unparsed`]).
    pub names: Option<Unparsed<crate::search::NameShards>>,
    /// The changes since the previous version (`CHANGES_FILE`), when the publisher shipped them.
    /// Absent from older bundles and from builds without `--previous`, which stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<FileRef>,
}

/// A part of a JSON file kept as its text when the file is read, and parsed when it is asked for.
/// The site reads the summary's problems only on its data-quality page: parsing them there keeps
/// the code that reads every kind of problem (a fifth of the core's code in the site's first load)
/// in that page's chunk. The targets, the complaint figures and the documents, which only the
/// journalists' pages and an area's page show, and the name shards, which only the search reads,
/// are read the same way (docs/FIRST-VISIT.md). Any JSON value reads;
/// whether it is a `T` is known only when parsed.
/// Two are equal when their text is: the same values written with other spacing are not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unparsed<T> {
    json: Box<str>,
    of: std::marker::PhantomData<fn() -> T>,
}

impl<T: Serialize> Unparsed<T> {
    pub fn new(value: &T) -> Unparsed<T> {
        let json = serde_json::to_string(value).expect("a value of the bundle serializes");
        Unparsed {
            json: json.into(),
            of: std::marker::PhantomData,
        }
    }
}

impl<T> Unparsed<Vec<T>> {
    /// Whether the text is the empty list, as [`Unparsed::default`] and `Unparsed::new(&vec![])`
    /// write it.
    pub fn is_empty_list(&self) -> bool {
        &*self.json == "[]"
    }
}

impl<T> Default for Unparsed<Vec<T>> {
    fn default() -> Self {
        Unparsed {
            json: "[]".into(),
            of: std::marker::PhantomData,
        }
    }
}

impl<T: serde::de::DeserializeOwned> Unparsed<T> {
    pub fn parse(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(&self.json)
    }
}

impl<T> Serialize for Unparsed<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw: &serde_json::value::RawValue =
            serde_json::from_str(&self.json).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de, T> Deserialize<'de> for Unparsed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        Ok(Unparsed {
            json: raw.into(),
            of: std::marker::PhantomData,
        })
    }
}

impl Summary {
    /// Reads `summary.json`; the areas end up sorted by code (as the build writes them), which
    /// [`Summary::area`] relies on.
    pub fn parse(text: &str) -> Result<Summary, serde_json::Error> {
        let mut summary: Summary = serde_json::from_str(text)?;
        crate::sort::sort_by(&mut summary.areas, |a, b| {
            a.division.code.cmp(&b.division.code)
        });
        Ok(summary)
    }

    /// The province, city or county with this code (a binary search: the areas are sorted by
    /// code, see [`Summary::parse`]).
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas
            .binary_search_by(|a| a.division.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.areas[i])
    }

    pub fn counties(&self) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(|a| a.chunk.is_some())
    }

    /// The county a station id names, if it carries a county's code: its first run of six or
    /// more digits whose first six are a county in the summary (`vp-140522100001` → 140522). Ids are the publisher's, so this
    /// is a hint for loading on demand, never an answer: the station must still be found.
    pub fn county_in_id(&self, id: &str) -> Option<Code> {
        let bytes = id.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start < 6 {
                continue;
            }
            let county = Code::parse(&id[start..start + 6]).ok();
            if let Some(code) = county.filter(|c| self.area(c.as_str()).is_some()) {
                return Some(code);
            }
        }
        None
    }

    /// When counties load on demand, the counties a map view opens — those its box overlaps,
    /// nearest its middle first — or `None` for a view too wide to open any, which shows the
    /// country's counties instead: one farther out than [`OPEN_ZOOM`] with more than
    /// [`OPEN_MAX`] counties in it. (A county of Xinjiang or Tibet fills the screen before that
    /// zoom.)
    pub fn counties_to_open(&self, view: BBox, zoom: f64) -> Option<Vec<Code>> {
        let counties = self.counties_in(view, OPEN_MAX + 1);
        (zoom >= OPEN_ZOOM || counties.len() <= OPEN_MAX).then(|| {
            let mut counties = counties;
            counties.truncate(OPEN_MAX);
            counties
        })
    }

    /// The counties whose box overlaps `view`, those nearest its middle first, at most `limit`.
    /// Boxes overlap, so several may hold the middle: of those, the one whose own middle is
    /// nearest comes first (a view fitted to a county puts that county first).
    pub fn counties_in(&self, view: BBox, limit: usize) -> Vec<Code> {
        let (lon, lat) = view.center();
        let mut near: Vec<((f64, f64), &Code)> = self
            .counties()
            .filter_map(|a| {
                let b = a.bbox?;
                b.intersects(&view).then(|| {
                    let (clon, clat) = b.center();
                    let to_middle = crate::geo::haversine_km(lon, lat, clon, clat);
                    ((b.distance_km(lon, lat), to_middle), &a.division.code)
                })
            })
            .collect();
        crate::sort::sort_by(&mut near, |a, b| {
            (a.0 .0.total_cmp(&b.0 .0))
                .then_with(|| a.0 .1.total_cmp(&b.0 .1))
                .then_with(|| a.1.cmp(b.1))
        });
        near.into_iter()
            .take(limit)
            .map(|(_, c)| c.clone())
            .collect()
    }
}
