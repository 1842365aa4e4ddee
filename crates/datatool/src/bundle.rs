//! `cundi-data build`: turns a checked package into the web bundle the site reads — a summary of
//! every province, city and county, one chunk per county (its rows, its townships, the search
//! entries of its stations and villages), and a copy of the package itself — written
//! into a staging directory and moved into place whole, so the output is either the old bundle or
//! the complete new one. Output is sorted and carries no timestamps: two builds are identical.
//! Every file but the summary is listed with its SHA-256 in `SHA256SUMS` (`sha256sum -c` checks
//! a copy).
//! Given the changes since the previous version, it also writes them as `changes.json`.

use crate::check::{is_safe_relative, Checked};
use crate::error::Error;
use crate::files::{csv_rows, list_files, write_file, write_ref, Staging};
use cundi_core::bundle::{
    Area, Chunk, ChunkFile, FileRef, PackageInfo, Summary, Unparsed, AREAS_FILE, CHANGES_FILE,
    CHECKSUMS_FILE, FORMAT_VERSION, SEARCH_FILE, SUMMARY_FILE,
};
use cundi_core::dataset::Dataset;
use cundi_core::diff::Changes;
use cundi_core::documents::{is_document_path, Document};
use cundi_core::geo::BBox;
use cundi_core::model::Crs;
use cundi_core::read::boundary_path;
use cundi_core::search::{self, HitKind, SearchEntry, HAN_BUCKETS};
use cundi_core::stats::area_stats;
use cundi_core::{Code, Division, Level, Station, Village};
use rayon::prelude::*;
use std::borrow::Cow;
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

/// The pinyin keys of every entry's name, in entry order, computed once per distinct name: names
/// repeat across the country (two thirds of the national dataset's 1.15 million are distinct), and
/// a reading costs far more than a copy.
fn readings_once(entries: &[SearchEntry]) -> Vec<search::PinyinKeys> {
    let mut first: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    first.reserve(entries.len());
    let mut distinct: Vec<&str> = Vec::new();
    let slot: Vec<usize> = entries
        .iter()
        .map(|e| {
            *first.entry(e.name.as_str()).or_insert_with(|| {
                distinct.push(e.name.as_str());
                distinct.len() - 1
            })
        })
        .collect();
    let mut keys: Vec<search::PinyinKeys> =
        distinct.par_iter().map(|n| search::keys_for(n)).collect();
    // Each reading moves to the last entry that has it; the entries before get copies.
    let mut left = vec![0u32; keys.len()];
    for &i in &slot {
        left[i] += 1;
    }
    slot.iter()
        .map(|&i| {
            left[i] -= 1;
            if left[i] == 0 {
                std::mem::take(&mut keys[i])
            } else {
                keys[i].clone()
            }
        })
        .collect()
}

/// Writes the bundle for `checked` into `out`, replacing a previous bundle there; with `changes`
/// (the diff from the previous version), also `changes.json`, cited in the summary.
pub fn build(checked: &Checked, out: &Path, changes: Option<&Changes>) -> Result<Built, Error> {
    guard_output(out)?;
    let staging = Staging::new(out)?;
    let root = staging.path();
    let ds = &checked.dataset;

    // The copy is mostly the file system's work and hashing; the figures, one pass on one core,
    // are added up beside it.
    let (files, stats) = rayon::join(|| copy_package(checked, root), || area_stats(ds));
    let files = files?;
    let mut divisions: Vec<_> = ds.divisions.iter().collect();
    divisions.sort_by(|a, b| a.code.cmp(&b.code));
    divisions.dedup_by(|a, b| a.code == b.code);

    // One pass over the rows, keeping file order within each county: the national dataset has
    // hundreds of thousands of rows and thousands of counties.
    let mut county_stations: BTreeMap<Code, Vec<&Station>> = BTreeMap::new();
    for s in &ds.stations {
        if let Some(c) = s.admin_code.county() {
            county_stations.entry(c).or_default().push(s);
        }
    }
    let mut county_villages: BTreeMap<Code, Vec<&Village>> = BTreeMap::new();
    for v in &ds.villages {
        if let Some(c) = v.code.county() {
            county_villages.entry(c).or_default().push(v);
        }
    }

    // Pinyin is computed here, once, so the site's wasm carries no pinyin table. Areas go in the
    // bundle's search file; stations and villages in their county's chunk.
    // The readings of 1.15 million names for the national dataset: on every core.
    let mut entries = search::dataset_entries(ds, &[], &mut |_| search::PinyinKeys::default());
    let pinyin = readings_once(&entries);
    entries
        .par_iter_mut()
        .zip(pinyin)
        .for_each(|(e, keys)| e.pinyin = keys);
    let mut area_entries = Vec::new();
    let mut county_entries: BTreeMap<Code, Vec<SearchEntry>> = BTreeMap::new();
    for entry in entries {
        let county = match entry.kind {
            HitKind::Village | HitKind::Station => entry
                .parent
                .as_deref()
                .and_then(|p| Code::parse(p).ok())
                .and_then(|p| p.county()),
            _ => None,
        };
        match county {
            Some(c) => county_entries.entry(c).or_default().push(entry),
            None => area_entries.push(entry),
        }
    }

    let area_of = |d: &Division, bbox: Option<BBox>, chunk: Option<Chunk>| Area {
        division: d.clone(),
        stats: stats.get(&d.code).cloned().unwrap_or_default(),
        bbox,
        chunk,
    };
    // The townships' boxes, on every core (41,352 of them in the national dataset).
    let townships: Vec<(Code, Area)> = divisions
        .par_iter()
        .filter(|d| d.level() == Level::Township)
        .filter_map(|d| Some((d.code.county()?, area_of(d, points_bbox(ds, &d.code), None))))
        .collect();
    let mut county_townships: BTreeMap<Code, Vec<Area>> = BTreeMap::new();
    for (county, area) in townships {
        county_townships.entry(county).or_default().push(area);
    }

    let counties: Vec<&Division> = divisions
        .iter()
        .copied()
        .filter(|d| d.level() == Level::County)
        .collect();
    let bar = crate::progress::bar(counties.len() as u64, "chunks");
    // Each county's chunk on its own: written on every core, gathered in code order.
    let written: Vec<(Chunk, Vec<FileRef>)> = counties
        .par_iter()
        .map(|d| {
            bar.inc(1);
            let rows = ChunkRows {
                stations: county_stations.get(&d.code).map_or(&[][..], Vec::as_slice),
                villages: county_villages.get(&d.code).map_or(&[][..], Vec::as_slice),
                townships: county_townships.get(&d.code).map_or(&[][..], Vec::as_slice),
                search: county_entries.get(&d.code).map_or(&[][..], Vec::as_slice),
            };
            write_chunk(root, &d.code, rows, checked)
        })
        .collect::<Result<_, _>>()?;
    let mut bboxes: BTreeMap<Code, BBox> = BTreeMap::new();
    let mut chunks: BTreeMap<Code, Chunk> = BTreeMap::new();
    let (mut stations, mut villages) = (0, 0);
    // Every file written but the summary, for SHA256SUMS.
    let mut written_refs: Vec<FileRef> = files.clone();
    // The outlines are counted in the summary and listed in SHA256SUMS alone.
    let outline_dir = format!("{PACKAGE_DIR}/boundaries/");
    let (outlines, files): (Vec<FileRef>, Vec<FileRef>) = files
        .into_iter()
        .partition(|f| f.path.starts_with(&outline_dir));
    for (d, (chunk, refs)) in counties.iter().zip(written) {
        written_refs.extend(refs);
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

    bar.finish_and_clear();

    // Provinces, cities and counties: townships are in their county's chunk.
    let areas = divisions
        .iter()
        .filter(|d| d.level() < Level::Township)
        .map(|d| {
            let bbox = match d.level() {
                Level::County => bboxes.get(&d.code).copied(),
                _ => bboxes
                    .iter()
                    .filter(|(c, _)| d.code.contains(c))
                    .map(|(_, b)| *b)
                    .reduce(BBox::union)
                    .or_else(|| points_bbox(ds, &d.code)),
            };
            area_of(d, bbox, chunks.get(&d.code).cloned())
        })
        .collect();

    let search = write_json(root, SEARCH_FILE, &area_entries)?;
    // Every village and station name again, in shards by first letters: the site fetches the
    // few a query needs and finds names in counties it has not loaded.
    let (names, shards) = search::name_shards(county_entries.values().flatten(), HAN_BUCKETS);
    let shard_refs: Vec<FileRef> = shards
        .par_iter()
        .map(|(key, entries)| write_json(root, &names.file(key), entries))
        .collect::<Result<_, _>>()?;
    written_refs.extend(shard_refs);
    // The search entries hold millions of strings: freed on a thread of their own (2.5 s for
    // the national dataset) while the summary is written and the bundle moved in. The shards
    // borrow theirs, and go first.
    drop(shards);
    std::thread::spawn(move || drop(county_entries));

    let changes = changes
        .map(|c| write_ref(root, CHANGES_FILE, &crate::diff::changes_json(c), None))
        .transpose()?;
    written_refs.push(search.clone());
    written_refs.extend(changes.iter().cloned());
    write_checksums(root, written_refs)?;

    let summary = Summary {
        format: FORMAT_VERSION,
        package: package_info(ds, &checked.dir, checked.source_crs),
        areas,
        targets: Unparsed::new(&ds.targets),
        authorities: ds.authorities.clone(),
        complaint_stats: Unparsed::new(&ds.complaint_stats),
        problems: Unparsed::new(&checked.problems),
        files: files.clone(),
        outlines: outlines.len() as u64,
        search: Some(search),
        names: Some(Unparsed::new(&names)),
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
        files: files.len() + outlines.len(),
    })
}

/// Refuses to replace a directory that is not a bundle: `OUT` must be absent, empty, or hold a
/// `summary.json` from an earlier build.
fn guard_output(out: &Path) -> Result<(), Error> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(Error::OutputNotADirectory(out.to_path_buf()));
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| Error::io(out, e))?
        .next()
        .is_none();
    if empty || out.join(SUMMARY_FILE).is_file() {
        Ok(())
    } else {
        Err(Error::OutputNotABundle(out.to_path_buf()))
    }
}

/// Copies the package's files byte for byte under `package/`: what the reader read (so the copy
/// is exactly what was checked), plus any other resource the descriptor names and every outline.
fn copy_package(checked: &Checked, root: &Path) -> Result<Vec<FileRef>, Error> {
    // What was read is written from memory as it is, not copied first.
    let mut paths: BTreeMap<String, Cow<[u8]>> = checked
        .loaded
        .iter()
        .map(|(rel, bytes)| (rel.clone(), Cow::Borrowed(bytes.as_slice())))
        .collect();
    let extra = checked
        .dataset
        .descriptor
        .iter()
        .flat_map(|d| {
            d.resources.iter().map(|r| r.path.clone()).chain(
                d.sources
                    .iter()
                    .filter_map(|s| s.path.clone())
                    .filter(|p| is_document_path(p)),
            )
        })
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
            paths.insert(rel, Cow::Owned(bytes));
        }
    }
    paths
        .par_iter()
        .map(|(rel, bytes)| {
            let rows = rel.ends_with(".csv").then(|| csv_rows(bytes)).flatten();
            write_ref(root, &format!("{PACKAGE_DIR}/{rel}"), bytes, rows)
        })
        .collect()
}

/// What goes into one county's chunk.
struct ChunkRows<'a> {
    stations: &'a [&'a Station],
    villages: &'a [&'a Village],
    townships: &'a [Area],
    search: &'a [SearchEntry],
}

/// Writes a county's chunk; gives what the summary says of it, and every file it wrote.
fn write_chunk(
    root: &Path,
    county: &Code,
    rows: ChunkRows<'_>,
    checked: &Checked,
) -> Result<(Chunk, Vec<FileRef>), Error> {
    let ds = &checked.dataset;
    let dir = format!("{CHUNKS_DIR}/{county}");
    let stations_ref = write_ref(
        root,
        &format!("{dir}/stations.csv"),
        &cundi_core::write::write_resource(rows.stations),
        Some(rows.stations.len() as u64),
    )?;
    let villages_ref = write_ref(
        root,
        &format!("{dir}/villages.csv"),
        &cundi_core::write::write_resource(rows.villages),
        Some(rows.villages.len() as u64),
    )?;
    // The same stations as GeoJSON points (WGS-84, every column a property), for QGIS and uMap.
    let all: Vec<usize> = (0..rows.stations.len()).collect();
    let geojson_ref = write_ref(
        root,
        &format!("{dir}/stations.geojson"),
        &cundi_core::table::to_geojson(rows.stations, &all),
        Some(rows.stations.len() as u64),
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
    let areas = write_json(root, &format!("{dir}/{AREAS_FILE}"), rows.townships)?;
    let search = write_json(root, &format!("{dir}/{SEARCH_FILE}"), rows.search)?;
    let chunk = Chunk {
        stations: ChunkFile::from(&stations_ref),
        stations_geojson: Some(ChunkFile::from(&geojson_ref)),
        villages: ChunkFile::from(&villages_ref),
        boundary: boundary.as_ref().map(ChunkFile::from),
        areas: ChunkFile::from(&areas),
        search: ChunkFile::from(&search),
    };
    let refs = [stations_ref, geojson_ref, villages_ref, areas, search]
        .into_iter()
        .chain(boundary)
        .collect();
    Ok((chunk, refs))
}

/// Writes [`CHECKSUMS_FILE`]: one `<sha256>  <path>` line per file, sorted by path, as
/// `sha256sum` writes them.
fn write_checksums(root: &Path, mut refs: Vec<FileRef>) -> Result<(), Error> {
    refs.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    let mut text = String::with_capacity(refs.len() * 120);
    for f in &refs {
        text.push_str(&f.sha256);
        text.push_str("  ");
        text.push_str(&f.path);
        text.push('\n');
    }
    write_file(&root.join(CHECKSUMS_FILE), text.as_bytes())
}

/// Writes a list as JSON (one line), citing its length as the rows.
fn write_json<T: serde::Serialize>(root: &Path, rel: &str, items: &[T]) -> Result<FileRef, Error> {
    let mut json = serde_json::to_vec(items).expect("bundle JSON serializes");
    json.push(b'\n');
    write_ref(root, rel, &json, Some(items.len() as u64))
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

/// What the site says of the package. `crs` is the system the published files' coordinates are
/// in (the bundle's `package/` copy holds them as published), which the command line may state
/// when the descriptor does not.
fn package_info(ds: &Dataset, dir: &Path, crs: Crs) -> PackageInfo {
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
            documents: Unparsed::new(
                &d.sources
                    .iter()
                    .filter_map(|s| {
                        let path = s.path.as_deref()?;
                        (is_document_path(path) && dir.join(path).is_file()).then(|| Document {
                            title: s.title.clone(),
                            path: path.to_string(),
                        })
                    })
                    .collect::<Vec<_>>(),
            ),
            crs,
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
            documents: Unparsed::default(),
            crs,
            illustrative: false,
            notice: None,
            complete: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_are_computed_once_per_name_and_given_to_every_entry_in_order() {
        let names = [
            "凤城镇",
            "西关村",
            "凤城镇",
            "长治市",
            "西关村",
            "G107线3号服务点",
        ];
        let entries: Vec<SearchEntry> = names
            .iter()
            .enumerate()
            .map(|(i, n)| SearchEntry::new(HitKind::Village, i.to_string(), *n, None))
            .collect();
        let keys = readings_once(&entries);
        assert_eq!(keys.len(), names.len());
        for (name, keys) in names.iter().zip(&keys) {
            assert_eq!(keys, &search::keys_for(name), "{name}");
            assert!(!keys.is_empty(), "{name}");
        }
        assert_eq!(keys[0].full()[0], "feng cheng zhen");
        assert_ne!(keys[0], keys[1]);
    }
}
