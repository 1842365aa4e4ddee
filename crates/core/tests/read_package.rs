//! `read_package` on in-memory packages: what happens when the descriptor or a file is missing or
//! wrong, and how the descriptor's paths and coordinate system are honoured.

mod common;

use common::{at, fixture_bytes, kind};
use cundi_core::load::read_package;
use cundi_core::{Dataset, Problem, Severity};
use std::collections::BTreeMap;

/// The valid fixture package in memory, so tests can take files away or change them.
fn valid_files() -> BTreeMap<String, Vec<u8>> {
    [
        "datapackage.json",
        "divisions.csv",
        "stations.csv",
        "villages.csv",
        "targets.csv",
        "authorities.csv",
        "boundaries/140522.geojson",
    ]
    .into_iter()
    .map(|f| (f.to_string(), fixture_bytes("valid", f)))
    .collect()
}

fn read(files: &BTreeMap<String, Vec<u8>>) -> (Dataset, Vec<Problem>) {
    read_package(&mut |path: &str| {
        files
            .get(path)
            .cloned()
            .ok_or_else(|| format!("{path}: not found"))
    })
}

#[test]
fn without_a_descriptor_default_paths_are_read_with_a_warning() {
    let mut files = valid_files();
    files.remove("datapackage.json");
    let (ds, problems) = read(&files);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].file, "datapackage.json");
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(kind(&problems[0]), "missing_file");
    assert!(ds.descriptor.is_none());
    assert_eq!(ds.stations.len(), 7);
}

#[test]
fn an_invalid_descriptor_is_an_error_and_default_paths_are_read() {
    let mut files = valid_files();
    files.insert("datapackage.json".into(), b"{\"title\": 1".to_vec());
    let (ds, problems) = read(&files);
    assert_eq!(
        problems.iter().map(at).collect::<Vec<_>>(),
        [(
            "datapackage.json".into(),
            None,
            None,
            "bad_descriptor".into()
        )]
    );
    assert!(problems[0].is_error());
    assert_eq!(ds.villages.len(), 7);
}

#[test]
fn a_missing_required_file_is_an_error_and_optional_files_may_be_absent() {
    let mut files = valid_files();
    files.remove("stations.csv");
    files.remove("targets.csv");
    files.remove("authorities.csv");
    files.remove("boundaries/140522.geojson");
    let (ds, problems) = read(&files);
    let found: Vec<_> = problems.iter().map(at).collect();
    assert_eq!(
        found[0],
        ("stations.csv".into(), None, None, "missing_file".into())
    );
    assert!(problems[0].is_error());
    // Without stations every served_by names nothing: warnings, villages kept.
    assert!(problems[1..].iter().all(|p| kind(p) == "unknown_station"));
    assert_eq!(problems.len(), 1 + 6);
    assert_eq!(ds.villages.len(), 7);
    assert!(
        ds.county_bboxes.is_empty(),
        "a missing outline is no problem"
    );
}

#[test]
fn resource_paths_come_from_the_descriptor() {
    let mut files = valid_files();
    let mut desc: serde_json::Value = serde_json::from_slice(&files["datapackage.json"]).unwrap();
    desc["resources"][1]["path"] = "data/网点.csv".into();
    files.insert(
        "datapackage.json".into(),
        serde_json::to_vec(&desc).unwrap(),
    );
    let mut stations = files.remove("stations.csv").unwrap();
    stations.extend_from_slice(
        b"P1,village_point,dup,140522100201,112.42,35.49,,,x,,,,,,,,,operating,,,\n",
    );
    files.insert("data/网点.csv".into(), stations);
    let (ds, problems) = read(&files);
    assert_eq!(ds.stations.len(), 7);
    // Line 10: the valid file has 9 lines, since P1's address spans two.
    assert_eq!(
        problems.iter().map(at).collect::<Vec<_>>(),
        [(
            "data/网点.csv".into(),
            Some(10),
            Some("id".into()),
            "duplicate".into()
        )],
        "problems name the file as the descriptor does"
    );
}

#[test]
fn a_gcj02_package_is_converted_to_wgs84_with_one_warning() {
    let mut files = valid_files();
    let mut desc: serde_json::Value = serde_json::from_slice(&files["datapackage.json"]).unwrap();
    desc["crs"] = "gcj02".into();
    files.insert(
        "datapackage.json".into(),
        serde_json::to_vec(&desc).unwrap(),
    );
    let (wgs, _) = read(&valid_files());
    let (ds, problems) = read(&files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, "datapackage.json");
    assert_eq!(problems[0].field.as_deref(), Some("crs"));
    assert_eq!(problems[0].severity, Severity::Warning);
    let rows =
        (wgs.stations.len() + wgs.villages.iter().filter(|v| v.lon.is_some()).count()) as u64;
    assert_eq!(
        problems[0].kind,
        cundi_core::ProblemKind::CrsConverted {
            crs: "gcj02".into(),
            rows
        }
    );
    assert!(problems[0].to_string().contains("gcj02"), "{}", problems[0]);
    // Each point moved by the GCJ-02 offset (a few hundred metres), back to where WGS-84 puts
    // the published numbers once converted the other way.
    let (before, after) = (wgs.station("P1").unwrap(), ds.station("P1").unwrap());
    let km = cundi_core::geo::haversine_km(before.lon, before.lat, after.lon, after.lat);
    assert!((0.1..1.0).contains(&km), "{km} km");
    let (lon, lat) = cundi_core::coords::convert(
        cundi_core::model::Crs::Wgs84,
        cundi_core::model::Crs::Gcj02,
        after.lon,
        after.lat,
    );
    assert!(cundi_core::geo::haversine_km(lon, lat, before.lon, before.lat) < 0.001);
}

#[test]
fn an_unreadable_outline_is_a_warning_on_that_file() {
    let mut files = valid_files();
    files.insert("boundaries/140522.geojson".into(), b"<html>".to_vec());
    let (ds, problems) = read(&files);
    assert_eq!(
        problems.iter().map(at).collect::<Vec<_>>(),
        [(
            "boundaries/140522.geojson".into(),
            None,
            None,
            "missing_file".into()
        )]
    );
    assert_eq!(problems[0].severity, Severity::Warning);
    assert!(ds.county_bboxes.is_empty());
}
