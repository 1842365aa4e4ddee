//! The web bundle that `cundi-data build` writes and the site reads: a summary of every
//! jurisdiction (counts, coverage, bounding box, chunk files with checksums) and, per county, the
//! package's own CSV rows for that county. The site loads the summary first and only the chunks a
//! view needs, so the same layout serves three counties or the whole country.

use crate::code::Code;
use crate::geo::BBox;
use crate::model::{Authority, ComplaintStat, Division, Target};
use crate::package::{Crs, Notice};
use crate::problem::Problem;
use crate::stats::AreaStats;
use serde::{Deserialize, Serialize};

/// Bumped when the bundle layout changes incompatibly.
pub const FORMAT_VERSION: u32 = 1;

/// The summary's file name inside the bundle directory.
pub const SUMMARY_FILE: &str = "summary.json";

/// The search index's file name: every area, village and station with its pinyin keys
/// (`Vec<search::SearchEntry>` as JSON), precomputed so the site needs no pinyin table.
pub const SEARCH_FILE: &str = "search.json";

/// What changed since the previous version (`diff::Changes` as JSON), when the build was given
/// one (`cundi-data build --previous`).
pub const CHANGES_FILE: &str = "changes.json";

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

/// The files holding one county's rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub stations: FileRef,
    pub villages: FileRef,
    /// The county outline (GeoJSON, WGS-84), when the package has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundary: Option<FileRef>,
}

/// One province, city, county or township with its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
        crate::read::parse_date(created.get(..10)?)
    }
}

/// `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub format: u32,
    pub package: PackageInfo,
    /// Every province, city, county and township, parents before children.
    pub areas: Vec<Area>,
    pub targets: Vec<Target>,
    pub authorities: Vec<Authority>,
    /// `complaint_stats.csv`, when the package has it: small (a few rows per township and
    /// month), so carried whole rather than chunked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaint_stats: Vec<ComplaintStat>,
    /// Every problem the build found; the rows they name are left out of the chunks.
    pub problems: Vec<Problem>,
    /// The package's own files (datapackage.json and the CSVs), copied under `package/`.
    pub files: Vec<FileRef>,
    /// The search index (`SEARCH_FILE`), when the build wrote one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<FileRef>,
    /// The changes since the previous version (`CHANGES_FILE`), when the publisher shipped them.
    /// Absent from older bundles and from builds without `--previous`, which stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<FileRef>,
}

impl Summary {
    pub fn parse(text: &str) -> Result<Summary, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.division.code.as_str() == code)
    }

    pub fn counties(&self) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(|a| a.chunk.is_some())
    }
}
