//! A whole package from any bytes: the first byte picks the file the rest becomes (the others are
//! the core's valid fixture), so the descriptor, an outline and every table meet hostile input,
//! and the checks across tables run on whatever was read.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

const FILES: [(&str, &[u8]); 6] = [
    (
        "datapackage.json",
        include_bytes!("../../crates/core/tests/fixtures/valid/datapackage.json"),
    ),
    (
        "divisions.csv",
        include_bytes!("../../crates/core/tests/fixtures/valid/divisions.csv"),
    ),
    (
        "stations.csv",
        include_bytes!("../../crates/core/tests/fixtures/valid/stations.csv"),
    ),
    (
        "villages.csv",
        include_bytes!("../../crates/core/tests/fixtures/valid/villages.csv"),
    ),
    (
        "targets.csv",
        include_bytes!("../../crates/core/tests/fixtures/valid/targets.csv"),
    ),
    (
        "boundaries/140522.geojson",
        include_bytes!("../../crates/core/tests/fixtures/valid/boundaries/140522.geojson"),
    ),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let mut files: BTreeMap<&str, Vec<u8>> = FILES.iter().map(|(n, b)| (*n, b.to_vec())).collect();
    files.insert(FILES[usize::from(pick) % FILES.len()].0, rest.to_vec());
    let mut load = |path: &str| files.get(path).cloned().ok_or_else(|| "absent".to_string());
    let (ds, _problems) = cundi_core::load::read_package(&mut load);
    let _ = cundi_core::stats::area_stats(&ds);
});
