//! Any bytes, read as each of the package's tables: problems, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    use cundi_core::read;
    let _ = read::read_divisions("divisions.csv", data);
    let _ = read::read_stations("stations.csv", data);
    let _ = read::read_villages("villages.csv", data);
    let _ = read::read_targets("targets.csv", data);
    let _ = read::read_authorities("authorities.csv", data);
    let _ = read::read_complaint_stats("complaint_stats.csv", data);
});
