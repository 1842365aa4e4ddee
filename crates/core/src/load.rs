//! Loading a data package: its files read (`read`), the rows made a [`Dataset`], and the checks
//! across files run on it (`validate`), which leave out the rows they find wrong. What the CLI,
//! the tests and the fuzzers call; the site reads a bundle instead (`bundle`).

use crate::dataset::Dataset;
use crate::problem::Problem;
use crate::read::{read_parts, Loaded, ReadOptions};

/// Reads a package through `load`, which returns a file's bytes given its path relative to the
/// package root (the CLI reads the disk, the site fetches, tests read memory).
///
/// `load` cannot say "absent" apart from "unreadable", so an optional resource or outline that
/// fails to load is taken to be absent (see [`read_parts`]). Rows found wrong by the checks across files (see
/// `validate`) are removed, so the returned dataset holds only rows that passed every check; the
/// problems say what was left out and why.
pub fn read_package(
    load: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
) -> (Dataset, Vec<Problem>) {
    read_package_with(load, &ReadOptions::default())
}

/// As [`read_package`], with what the publisher states beyond the descriptor.
pub fn read_package_with(
    load: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
    options: &ReadOptions,
) -> (Dataset, Vec<Problem>) {
    let (ds, problems, _) = read_package_keeping(load, options);
    (ds, problems)
}

/// As [`read_package_with`], handing back every file read, by its path, so that a caller who
/// needs the bytes too (the CLI copies them into the bundle) need not keep a copy of its own.
pub fn read_package_keeping(
    load: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
    options: &ReadOptions,
) -> (Dataset, Vec<Problem>, Vec<Loaded>) {
    let (parts, mut problems, kept) = read_parts(load, options);
    let mut ds = Dataset::new(parts);
    let checked = crate::validate::check(&ds);
    checked.drop_rows(&mut ds);
    problems.extend(checked.problems);
    (ds, problems, kept)
}
