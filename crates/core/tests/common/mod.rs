//! Helpers shared by the integration tests: reading fixture packages from disk and describing
//! problems compactly enough to compare whole lists.

#![allow(dead_code)]

use cundi_core::dataset::Dataset;
use cundi_core::load::read_package;
use cundi_core::{Code, Problem, Station, StationBase, Status, Tier, Village, VillageBase};
use std::path::PathBuf;

/// A division code the test writes by hand.
pub fn code(s: &str) -> Code {
    Code::parse(s).unwrap()
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture_bytes(package: &str, file: &str) -> Vec<u8> {
    std::fs::read(fixture(package).join(file)).expect("fixture exists")
}

/// Reads a fixture package from disk, as the CLI would.
pub fn read_fixture(name: &str) -> (Dataset, Vec<Problem>) {
    let dir = fixture(name);
    read_package(&mut |path: &str| std::fs::read(dir.join(path)).map_err(|e| e.to_string()))
}

/// The `kind` tag a problem serializes with (`bad_code`, `duplicate`, …).
pub fn kind(p: &Problem) -> String {
    p.kind.code().to_string()
}

/// (file, line, field, kind) of a problem: what a publisher needs to find and fix it.
pub fn at(p: &Problem) -> (String, Option<u64>, Option<String>, String) {
    (p.file.clone(), p.line, p.field.clone(), kind(p))
}

/// The demo package the site serves (`data/` at the workspace root), read from disk.
pub fn read_demo() -> Dataset {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let (ds, problems) =
        read_package(&mut |path: &str| std::fs::read(dir.join(path)).map_err(|e| e.to_string()));
    assert!(
        problems
            .iter()
            .all(|p| p.severity != cundi_core::Severity::Error),
        "{problems:#?}"
    );
    ds
}

/// A station with the fields the complaint tests need; the rest empty.
pub fn station(id: &str, tier: Tier, name: &str, admin: &str, lon: f64, lat: f64) -> Station {
    Station::from(StationBase {
        id: id.into(),
        tier,
        name: name.into(),
        admin_code: Code::parse(admin).unwrap(),
        lon,
        lat,
        operator: "中国邮政集团有限公司".into(),
        brands: vec!["中通".into(), "圆通".into()],
        model: None,
        services: vec![],
        pickup_fee: Some(0.0),
        status: Status::Operating,
        extra: vec![],
    })
}

/// A village in its township (the code's first nine digits), with what coverage tests vary.
pub fn village(code: &str, name: &str, served_by: Option<&str>, per_week: Option<u8>) -> Village {
    Village {
        served_by: served_by.map(str::to_string),
        ..Village::from(VillageBase {
            code: Code::parse(code).unwrap(),
            name: name.into(),
            township_code: Code::parse(&code[..9]).unwrap(),
            kind: None,
            population: None,
            lon: None,
            lat: None,
            deliveries_per_week: per_week,
            pickups_per_week: None,
            delivery_mode: None,
            extra: vec![],
        })
    }
}
