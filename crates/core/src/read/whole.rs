//! A whole package read into the parts of a dataset: the descriptor, every table, the county
//! outlines, the coordinates converted to WGS-84.

use super::rows::{read_table, Rows};
use crate::code::{Code, Level};
use crate::dataset::Parts;
use crate::geo::{self};
use crate::model::{Authority, ComplaintStat, Crs, Division, Station, Target, Village};
use crate::package::DESCRIPTOR_FILE;
use crate::package::{Descriptor, RESOURCES};
use crate::par::both;
use crate::problem::{Problem, ProblemKind};

/// What the publisher states about a package beyond its descriptor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The coordinate system of the files, when the descriptor does not say (or says wrong).
    pub crs: Option<Crs>,
}

impl ReadOptions {
    /// The coordinate system the files' coordinates are in: as the publisher states it on the
    /// command line, else as the descriptor says, else WGS-84. The reader converts from it;
    /// everything the site and the bundle use is WGS-84.
    pub fn source_crs(&self, descriptor: Option<&Descriptor>) -> Crs {
        self.crs.or(descriptor.map(|d| d.crs)).unwrap_or_default()
    }
}

/// Converts every station's and village's coordinates from `crs` to WGS-84; gives the rows
/// converted.
pub(super) fn to_wgs84(crs: Crs, parts: &mut Parts) -> u64 {
    let mut rows = 0;
    for s in &mut parts.stations {
        if s.lon.is_finite() && s.lat.is_finite() {
            (s.lon, s.lat) = crate::coords::convert(crs, Crs::Wgs84, s.lon, s.lat);
            rows += 1;
        }
    }
    for v in &mut parts.villages {
        if let (Some(lon), Some(lat)) = (v.lon, v.lat) {
            let (lon, lat) = crate::coords::convert(crs, Crs::Wgs84, lon, lat);
            (v.lon, v.lat) = (Some(lon), Some(lat));
            rows += 1;
        }
    }
    rows
}

/// A file as read: its path in the package and its bytes.
pub type Loaded = (String, Vec<u8>);

/// Reads every file of a package through `load` (a file's bytes given its path relative to the
/// package root: the CLI reads the disk, the site fetches, tests read memory) into the parts of a
/// dataset, with the problems of each file and every file read, by its path. Each row is checked
/// on its own here; the checks across files are `validate`'s, and `load` runs both.
///
/// `load` cannot say "absent" apart from "unreadable", so an optional resource or outline that
/// fails to load is taken to be absent.
pub fn read_parts(
    load: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
    options: &ReadOptions,
) -> (Parts, Vec<Problem>, Vec<Loaded>) {
    let mut problems = Vec::new();
    let mut kept = Vec::new();
    let descriptor = match load(DESCRIPTOR_FILE) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            kept.push((DESCRIPTOR_FILE.to_string(), bytes));
            match Descriptor::parse(text.trim_start_matches('\u{feff}')) {
                Ok(d) => Some(d),
                Err(e) => {
                    problems.push(Problem::error(
                        DESCRIPTOR_FILE,
                        None,
                        None,
                        ProblemKind::BadDescriptor {
                            reason: e.to_string(),
                        },
                    ));
                    None
                }
            }
        }
        // A folder of CSVs without a descriptor is still readable with the default file names.
        Err(reason) => {
            problems.push(Problem::warning(
                DESCRIPTOR_FILE,
                None,
                None,
                ProblemKind::MissingFile { reason },
            ));
            None
        }
    };
    let crs = options.source_crs(descriptor.as_ref());
    let mut parts = Parts {
        descriptor,
        ..Parts::default()
    };
    // Every file first (loading is sequential), then the tables parsed — stations, the largest,
    // on a thread of its own where there are threads.
    let mut files: Vec<(&'static str, String, Vec<u8>)> = Vec::new();
    for spec in &RESOURCES {
        let file = match &parts.descriptor {
            Some(d) => d.resource_path(spec),
            None => spec.path.to_string(),
        };
        match load(&file) {
            Ok(bytes) => files.push((spec.name, file, bytes)),
            Err(reason) => {
                if spec.required {
                    problems.push(Problem::error(
                        &file,
                        None,
                        None,
                        ProblemKind::MissingFile { reason },
                    ));
                }
            }
        }
    }
    let table = |name: &str| files.iter().find(|(n, _, _)| *n == name);
    let (stations, rest) = both(
        || table("stations").map(|(_, f, b)| read_table::<Station>(f, b)),
        || {
            (
                table("divisions").map(|(_, f, b)| read_table::<Division>(f, b)),
                table("villages").map(|(_, f, b)| read_table::<Village>(f, b)),
                table("targets").map(|(_, f, b)| read_table::<Target>(f, b)),
                table("authorities").map(|(_, f, b)| read_table::<Authority>(f, b)),
                table("complaint_stats").map(|(_, f, b)| read_table::<ComplaintStat>(f, b)),
            )
        },
    );
    let (divisions, villages, targets, authorities, complaint_stats) = rest;
    // Problems in the order of RESOURCES, as the files were read.
    take(
        divisions,
        &mut parts.divisions,
        &mut parts.lines.divisions,
        &mut problems,
    );
    take(
        stations,
        &mut parts.stations,
        &mut parts.lines.stations,
        &mut problems,
    );
    take(
        villages,
        &mut parts.villages,
        &mut parts.lines.villages,
        &mut problems,
    );
    take(
        targets,
        &mut parts.targets,
        &mut parts.lines.targets,
        &mut problems,
    );
    take(
        authorities,
        &mut parts.authorities,
        &mut parts.lines.authorities,
        &mut problems,
    );
    take(
        complaint_stats,
        &mut parts.complaint_stats,
        &mut parts.lines.complaint_stats,
        &mut problems,
    );
    kept.extend(files.into_iter().map(|(_, file, bytes)| (file, bytes)));
    if crs != Crs::Wgs84 {
        let rows = to_wgs84(crs, &mut parts);
        let name = serde_json::to_value(crs)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        problems.push(Problem::warning(
            DESCRIPTOR_FILE,
            None,
            Some("crs"),
            ProblemKind::CrsConverted { crs: name, rows },
        ));
    }

    let counties: Vec<Code> = parts
        .divisions
        .iter()
        .filter(|d| d.level() == Level::County)
        .map(|d| d.code.clone())
        .collect();
    for county in counties {
        let path = boundary_path(&county);
        // An outline is optional: without one the map has no base and the distance check is
        // skipped for that county.
        let Ok(bytes) = load(&path) else { continue };
        let outline = geo::boundary_bbox(&String::from_utf8_lossy(&bytes));
        kept.push((path.clone(), bytes));
        match outline {
            Ok(bbox) => {
                parts.county_bboxes.insert(county, bbox);
            }
            Err(reason) => problems.push(Problem::warning(
                &path,
                None,
                None,
                ProblemKind::MissingFile { reason },
            )),
        }
    }

    (parts, problems, kept)
}

/// A table's rows, lines and problems, where the parts keep them (`None`: the file was absent).
pub(super) fn take<T>(
    rows: Option<Rows<T>>,
    items: &mut Vec<T>,
    lines: &mut Vec<u64>,
    problems: &mut Vec<Problem>,
) {
    if let Some(rows) = rows {
        *items = rows.items;
        *lines = rows.lines;
        problems.extend(rows.problems);
    }
}

/// The path of a county's outline inside a package.
pub fn boundary_path(county: &Code) -> String {
    format!("boundaries/{county}.geojson")
}
