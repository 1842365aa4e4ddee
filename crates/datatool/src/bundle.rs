//! `cundi-data build`: turns a checked package into the web bundle the site reads — a summary of
//! every jurisdiction, one chunk of rows per county, and a copy of the package itself — written
//! into a staging directory and moved into place whole, so the output is either the old bundle or
//! the complete new one. Output is sorted and carries no timestamps: two builds are identical.
//! Given the changes since the previous version, it also writes them as `changes.json`.

use crate::check::{is_safe_relative, Checked};
use crate::error::Error;
use crate::files::{csv_rows, list_files, write_ref, Staging};
use cundi_core::bundle::{
    Area, Chunk, FileRef, PackageInfo, Summary, CHANGES_FILE, FORMAT_VERSION, SEARCH_FILE,
    SUMMARY_FILE,
};
use cundi_core::diff::Changes;
use cundi_core::geo::BBox;
use cundi_core::read::{boundary_path, Dataset};
use cundi_core::search;
use cundi_core::stats::area_stats;
use cundi_core::{Code, Level, Station, Village};
use std::collections::BTreeMap;
use std::path::Path;

/// Where the package's own files go inside the bundle.
pub const PACKAGE_DIR: &str = "package";
/// Where the county chunks go inside the bundle.
pub const CHUNKS_DIR: &str = "chunks";

/// What a build wrote, for the one-line report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Built {
    pub counties: usize,
    pub stations: usize,
    pub villages: usize,
    pub files: usize,
}

/// Writes the bundle for `checked` into `out`, replacing a previous bundle there; with `changes`
/// (the diff from the previous version), also `changes.json`, cited in the summary.
pub fn build(checked: &Checked, out: &Path, changes: Option<&Changes>) -> Result<Built, Error> {
    guard_output(out)?;
    let staging = Staging::new(out)?;
    let root = staging.path();
    let ds = &checked.dataset;

    let files = copy_package(checked, root)?;

    let stats = area_stats(ds);
    let mut divisions: Vec<_> = ds.divisions.iter().collect();
    divisions.sort_by(|a, b| a.code.cmp(&b.code));
    divisions.dedup_by(|a, b| a.code == b.code);

    // One pass over the rows, keeping file order within each county: the national dataset has
    // hundreds of thousands of rows and thousands of counties.
    let mut county_stations: BTreeMap<Code, Vec<Station>> = BTreeMap::new();
    for s in &ds.stations {
        if let Some(c) = s.admin_code.county() {
            county_stations.entry(c).or_default().push(s.clone());
        }
    }
    let mut county_villages: BTreeMap<Code, Vec<Village>> = BTreeMap::new();
    for v in &ds.villages {
        if let Some(c) = v.code.county() {
            county_villages.entry(c).or_default().push(v.clone());
        }
    }

    let mut bboxes: BTreeMap<Code, BBox> = BTreeMap::new();
    let mut chunks: BTreeMap<Code, Chunk> = BTreeMap::new();
    let (mut stations, mut villages) = (0, 0);
    for d in divisions.iter().filter(|d| d.level() == Level::County) {
        let chunk = write_chunk(
            root,
            &d.code,
            county_stations.get(&d.code).map_or(&[][..], Vec::as_slice),
            county_villages.get(&d.code).map_or(&[][..], Vec::as_slice),
            checked,
        )?;
        stations += chunk.stations.rows.unwrap_or(0) as usize;
        villages += chunk.villages.rows.unwrap_or(0) as usize;
        chunks.insert(d.code.clone(), chunk);
        if let Some(b) = ds
            .county_bboxes
            .get(&d.code)
            .copied()
            .or_else(|| points_bbox(ds, &d.code))
        {
            bboxes.insert(d.code.clone(), b);
        }
    }

    let areas = divisions
        .iter()
        .map(|d| {
            let bbox = match d.level() {
                Level::County => bboxes.get(&d.code).copied(),
                Level::Township => points_bbox(ds, &d.code),
                _ => bboxes
                    .iter()
                    .filter(|(c, _)| d.code.contains(c))
                    .map(|(_, b)| *b)
                    .reduce(BBox::union)
                    .or_else(|| points_bbox(ds, &d.code)),
            };
            Area {
                division: (*d).clone(),
                stats: stats.get(&d.code).cloned().unwrap_or_default(),
                bbox,
                chunk: chunks.get(&d.code).cloned(),
            }
        })
        .collect();

    // Pinyin is computed here, once, so the site's wasm carries no pinyin table.
    let entries = search::dataset_entries(ds, &[], &mut search::keys_for);
    let mut search_json = serde_json::to_vec(&entries).expect("search entries serialize");
    search_json.push(b'\n');
    let search = write_ref(root, SEARCH_FILE, &search_json, Some(entries.len() as u64))?;

    let changes = changes
        .map(|c| write_ref(root, CHANGES_FILE, &crate::diff::changes_json(c), None))
        .transpose()?;

    let summary = Summary {
        format: FORMAT_VERSION,
        package: package_info(ds, &checked.dir),
        areas,
        targets: ds.targets.clone(),
        authorities: ds.authorities.clone(),
        complaint_stats: ds.complaint_stats.clone(),
        problems: checked.problems.clone(),
        files: files.clone(),
        search: Some(search),
        changes,
    };
    let mut json = serde_json::to_vec(&summary).expect("a summary serializes");
    json.push(b'\n');
    // Last, so a staging directory with a summary in it is always complete.
    write_ref(root, SUMMARY_FILE, &json, None)?;
    staging.commit()?;
    Ok(Built {
        counties: chunks.len(),
        stations,
        villages,
        files: files.len(),
    })
}

/// Refuses to replace a directory that is not a bundle: `OUT` must be absent, empty, or hold a
/// `summary.json` from an earlier build.
fn guard_output(out: &Path) -> Result<(), Error> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(Error::Output(format!(
            "{}: exists and is not a directory",
            out.display()
        )));
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| Error::io(out, e))?
        .next()
        .is_none();
    if empty || out.join(SUMMARY_FILE).is_file() {
        Ok(())
    } else {
        Err(Error::Output(format!(
            "{}: exists and does not hold a bundle ({SUMMARY_FILE} is missing); a build replaces the whole directory, so choose an empty or new one",
            out.display()
        )))
    }
}

/// Copies the package's files byte for byte under `package/`: what the reader read (so the copy
/// is exactly what was checked), plus any other resource the descriptor names and every outline.
fn copy_package(checked: &Checked, root: &Path) -> Result<Vec<FileRef>, Error> {
    let mut paths: BTreeMap<String, Vec<u8>> = checked.loaded.clone();
    let extra = checked
        .dataset
        .descriptor
        .iter()
        .flat_map(|d| d.resources.iter().map(|r| r.path.clone()))
        .chain(
            list_files(&checked.dir.join("boundaries"))?
                .into_iter()
                .map(|p| format!("boundaries/{p}")),
        );
    for rel in extra {
        if paths.contains_key(&rel) || !is_safe_relative(&rel) {
            continue;
        }
        let path = checked.dir.join(&rel);
        if path.is_file() {
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            paths.insert(rel, bytes);
        }
    }
    paths
        .iter()
        .map(|(rel, bytes)| {
            let rows = rel.ends_with(".csv").then(|| csv_rows(bytes)).flatten();
            write_ref(root, &format!("{PACKAGE_DIR}/{rel}"), bytes, rows)
        })
        .collect()
}

fn write_chunk(
    root: &Path,
    county: &Code,
    stations: &[Station],
    villages: &[Village],
    checked: &Checked,
) -> Result<Chunk, Error> {
    let ds = &checked.dataset;
    let dir = format!("{CHUNKS_DIR}/{county}");
    let stations_ref = write_ref(
        root,
        &format!("{dir}/stations.csv"),
        &cundi_core::write::write_stations(stations),
        Some(stations.len() as u64),
    )?;
    let villages_ref = write_ref(
        root,
        &format!("{dir}/villages.csv"),
        &cundi_core::write::write_villages(villages),
        Some(villages.len() as u64),
    )?;
    let boundary = match checked.loaded.get(&boundary_path(county)) {
        // Only an outline the reader could use: a broken one was reported and is left out.
        Some(bytes) if ds.county_bboxes.contains_key(county) => Some(write_ref(
            root,
            &format!("{dir}/boundary.geojson"),
            bytes,
            None,
        )?),
        _ => None,
    };
    Ok(Chunk {
        stations: stations_ref,
        villages: villages_ref,
        boundary,
    })
}

/// The box around the stations and villages (those with coordinates) inside `code`.
fn points_bbox(ds: &Dataset, code: &Code) -> Option<BBox> {
    let stations = ds
        .stations_in(code.as_str())
        .into_iter()
        .map(|s| (s.lon, s.lat));
    let villages = ds
        .villages_in(code.as_str())
        .into_iter()
        .filter_map(|v| Some((v.lon?, v.lat?)));
    BBox::around(stations.chain(villages))
}

fn package_info(ds: &Dataset, dir: &Path) -> PackageInfo {
    let fallback_name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "package".to_string());
    match &ds.descriptor {
        Some(d) => PackageInfo {
            name: d.name.clone(),
            title: d.title.clone(),
            version: d.version.clone(),
            created: d.created.clone(),
            publisher: d.publisher().map(|c| c.title.clone()),
            licenses: d.licenses.iter().map(|l| l.name.clone()).collect(),
            sources: d.sources.iter().map(|s| s.title.clone()).collect(),
            crs: d.crs,
            illustrative: d.illustrative,
            notice: d.notice.clone(),
            complete: d.complete_codes(),
        },
        None => PackageInfo {
            name: fallback_name,
            title: None,
            version: None,
            created: None,
            publisher: None,
            licenses: Vec::new(),
            sources: Vec::new(),
            crs: Default::default(),
            illustrative: false,
            notice: None,
            complete: Vec::new(),
        },
    }
}
