//! `cundi-data diff` and `build --previous`: reading the two versions of a package and writing
//! what changed between them, as a report for the publisher or as the bundle's `changes.json`.
//! The comparison itself is `cundi_core::diff`, so the CLI and the site agree on what changed.

use crate::check::{self, Checked};
use crate::error::Error;
use cundi_core::diff::Changes;
use cundi_core::package::{STATIONS, VILLAGES};
use cundi_core::{Code, Lang, ProblemKind};
use std::io::Write;
use std::path::Path;

/// Reads one version for a comparison. Problems inside it do not stop the comparison (they are
/// the caller's to report as warnings), but a version whose stations or villages cannot be read
/// at all fails: compared with an empty file, every row would show as added or removed.
pub fn read_version(dir: &Path) -> Result<Checked, Error> {
    let checked = check::read(dir)?;
    let files = [
        checked.dataset.file_of(&STATIONS),
        checked.dataset.file_of(&VILLAGES),
    ];
    let unreadable = checked.problems.iter().find(|p| {
        p.is_error()
            && files.contains(&p.file)
            && matches!(
                p.kind,
                ProblemKind::MissingFile { .. } | ProblemKind::MissingColumn
            )
    });
    match unreadable {
        Some(p) => Err(Error::CannotCompare {
            dir: checked.dir.clone(),
            problem: Box::new(p.clone()),
        }),
        None => Ok(checked),
    }
}

/// `changes.json`: compact, with a final newline, as `summary.json` is written. `diff --json`
/// prints exactly these bytes, so what a publisher inspects is what the site will download.
pub fn changes_json(changes: &Changes) -> Vec<u8> {
    let mut json = serde_json::to_vec(changes).expect("changes serialize");
    json.push(b'\n');
    json
}

/// The name of a county in either version (the new one first), for the report.
pub fn county_name<'a>(
    new: &'a Checked,
    old: &'a Checked,
) -> impl Fn(&Code) -> Option<String> + 'a {
    move |code: &Code| {
        new.dataset
            .name_of(code.as_str())
            .or_else(|| old.dataset.name_of(code.as_str()))
            .map(str::to_string)
    }
}

/// Every problem of one version, as a warning: the comparison goes on without the rows they
/// name, which is worth knowing since such a row then shows as added or removed.
pub fn print_warnings(out: &mut impl Write, checked: &Checked, lang: Lang) -> std::io::Result<()> {
    let dir = checked.dir.display().to_string();
    for p in &checked.problems {
        let line = msg!(lang, "line-warning-in", { "dir" => &dir, "message" => p.message(lang) });
        writeln!(out, "{line}")?;
    }
    if checked.errors() > 0 {
        writeln!(out, "{}", msg!(lang, "rows-left-out", { "dir" => &dir }))?;
    }
    Ok(())
}
