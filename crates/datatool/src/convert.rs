//! `cundi-data convert IN OUT`: a clean package from what a publisher has. The files are read as
//! `validate` reads them (any of the encodings, workbooks, Chinese headers, any of the three
//! coordinate systems) and written as the package's own format: UTF-8 CSV without a BOM, the
//! columns' own names, WGS-84 coordinates, and a `datapackage.json` that says so and records
//! the system the coordinates came in (`cundi:source_crs`). Rows with errors are reported and
//! left out, as `build --allow-errors` leaves them out.

use crate::check::{self, Inputs};
use crate::files::write_file;
use crate::{EXIT_OK, EXIT_PACKAGE_ERRORS};
use cundi_core::dataset::Dataset;
use cundi_core::model::Crs;
use cundi_core::package::DESCRIPTOR_FILE;
use cundi_core::package::{self, Descriptor, Resource, RESOURCES};
use cundi_core::write;
use cundi_core::Lang;
use serde_json::json;
use std::io::Write;
use std::path::Path;

pub fn convert(input: &Path, out: &Path, lang: Lang, inputs: Inputs) -> anyhow::Result<u8> {
    let checked = check::read_with(input, inputs)?;
    {
        let mut err = std::io::stderr().lock();
        check::print_notes(&mut err, &checked, lang)?;
        check::print_problems(&mut err, &checked, lang, true)?;
    }
    std::fs::create_dir_all(out)?;
    let ds = &checked.dataset;
    let mut written = Vec::new();
    for spec in &RESOURCES {
        let Some(bytes) = resource_bytes(spec.name, ds) else {
            continue;
        };
        // Optional resources the package does not have are not written.
        let had = ds
            .descriptor
            .as_ref()
            .map_or(spec.path.to_string(), |d| d.resource_path(spec));
        if !spec.required && !checked.loaded.contains_key(&had) {
            continue;
        }
        write_file(&out.join(spec.path), &bytes)?;
        written.push(*spec);
    }
    for (rel, bytes) in &checked.loaded {
        if rel.starts_with("boundaries/") {
            std::fs::create_dir_all(out.join("boundaries"))?;
            write_file(&out.join(rel), bytes)?;
        }
    }
    let descriptor = descriptor(ds, input, &written, checked.source_crs);
    let mut text = serde_json::to_string_pretty(&descriptor)?;
    text.push('\n');
    write_file(&out.join(DESCRIPTOR_FILE), text.as_bytes())?;

    let errors = checked.errors();
    let mut stdout = std::io::stdout().lock();
    let line = msg!(lang, "convert-wrote", {
        "out" => out.display().to_string(),
        "divisions" => ds.divisions.len(),
        "stations" => ds.stations.len(),
        "villages" => ds.villages.len(),
        "errors" => errors,
        "warnings" => checked.warnings(),
    });
    writeln!(stdout, "{line}")?;
    Ok(if errors > 0 {
        EXIT_PACKAGE_ERRORS
    } else {
        EXIT_OK
    })
}

/// A resource's rows in the package's own format.
fn resource_bytes(name: &str, ds: &Dataset) -> Option<Vec<u8>> {
    Some(match name {
        "divisions" => write::write_divisions(&ds.divisions),
        "stations" => write::write_stations(&ds.stations),
        "villages" => write::write_villages(&ds.villages),
        "targets" => write::write_targets(&ds.targets),
        "authorities" => write::write_authorities(&ds.authorities),
        "complaint_stats" => write::write_complaint_stats(&ds.complaint_stats),
        _ => return None,
    })
}

/// The input's descriptor (or a minimal one) describing the clean files: their own paths, UTF-8,
/// WGS-84, and the system the coordinates came in.
fn descriptor(
    ds: &Dataset,
    input: &Path,
    written: &[package::ResourceSpec],
    source: Crs,
) -> Descriptor {
    let mut d = ds.descriptor.clone().unwrap_or_else(|| {
        let name = input
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "package".into());
        serde_json::from_value(json!({ "name": name, "resources": [] }))
            .expect("a minimal descriptor")
    });
    for spec in written {
        match d.resources.iter_mut().find(|r| r.name == spec.name) {
            Some(r) => r.path = spec.path.to_string(),
            None => d.resources.push(Resource {
                name: spec.name.to_string(),
                path: spec.path.to_string(),
                other: serde_json::Map::new(),
            }),
        }
        if let Some(r) = d.resources.iter_mut().find(|r| r.name == spec.name) {
            r.other.insert("format".into(), json!("csv"));
            r.other.insert("encoding".into(), json!("utf-8"));
        }
    }
    d.crs = Crs::Wgs84;
    d.created = d.created.as_deref().map(package::created_rfc3339);
    if source != Crs::Wgs84 {
        d.other.insert(
            "cundi:source_crs".into(),
            serde_json::to_value(source).unwrap_or_default(),
        );
    }
    d
}
