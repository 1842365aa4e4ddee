//! Reading a package from disk and reporting on it: the problems, errors first, one per line, and
//! a summary of rows per file. Shared by `validate` and `build`.

use crate::error::Error;
use crate::inputs::{self, EncodingArg};
use cundi_core::dataset::Dataset;
use cundi_core::load::read_package_keeping;
use cundi_core::model::Crs;
use cundi_core::package::DESCRIPTOR_FILE;
use cundi_core::package::RESOURCES;
use cundi_core::read::ReadOptions;
use cundi_core::{Lang, Problem, ProblemKind, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A package as read: the dataset, its problems (errors first, then by file and line), and the
/// bytes of every file the reader asked for, by path relative to the package root.
pub struct Checked {
    pub dir: PathBuf,
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    pub loaded: BTreeMap<String, Vec<u8>>,
    /// What was done to read the files as they are (an encoding other than UTF-8, a workbook in
    /// place of a CSV), one line each.
    pub notes: Vec<Note>,
    /// The coordinate system the files' coordinates were in (`ReadOptions::source_crs`); the
    /// dataset holds them converted to WGS-84.
    pub source_crs: Crs,
    /// Files that are there but could not be read (each has its error among the problems).
    pub unreadable: BTreeSet<String>,
}

/// What the publisher states about the files on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inputs {
    pub encoding: Option<EncodingArg>,
    pub crs: Option<Crs>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// Reads the package in `dir`. Fails only when `dir` is not a readable directory; everything wrong
/// inside it is a problem.
pub fn read(dir: &Path) -> Result<Checked, Error> {
    read_with(dir, Inputs::default())
}

/// Reads a package as the publisher has it: CSVs in UTF-8, GBK or GB18030, or `.xlsx` workbooks
/// in their place; headers in Chinese or English; coordinates in any of the three systems.
pub fn read_with(dir: &Path, inputs: Inputs) -> Result<Checked, Error> {
    let meta = std::fs::metadata(dir).map_err(|e| Error::io(dir, e))?;
    if !meta.is_dir() {
        return Err(Error::NotAPackage(dir.to_path_buf()));
    }
    std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;

    // Reading is mostly the size of the files: the bar counts their bytes as they are read.
    let total: u64 = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let bar = crate::progress::bar(total, "reading");
    let mut notes = Vec::new();
    // CSV files read from a workbook, by their own name: the workbook's name and sheet.
    let mut from_sheets: BTreeMap<String, String> = BTreeMap::new();
    // Files that are there but cannot be read as a table (bytes that are not text, a workbook
    // that is not one): their own problem, in place of the reader's "cannot be read", which it
    // gives only for the files a package must have (for the others it cannot tell "unreadable"
    // from "absent").
    let mut unreadable: BTreeMap<String, Problem> = BTreeMap::new();
    let mut load = |rel: &str| -> Result<Vec<u8>, String> {
        // The descriptor names the files; never let it reach outside the package.
        if !is_safe_relative(rel) {
            return Err(format!("{rel}: not a path inside the package"));
        }
        let path = dir.join(rel);
        let workbook = path.with_extension("xlsx");
        let mut cannot_read = |reason: String| {
            let kind = ProblemKind::MissingFile {
                reason: reason.clone(),
            };
            unreadable.insert(rel.to_string(), Problem::error(rel, None, None, kind));
            reason
        };
        let bytes = if !path.exists() && rel.ends_with(".csv") && workbook.is_file() {
            let name = workbook
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (bytes, sheet) = inputs::xlsx_as_csv(&workbook)
                .map_err(|reason| cannot_read(format!("{name}: {reason}")))?;
            notes.push(Note::Sheet {
                file: rel.to_string(),
                workbook: name.clone(),
                sheet: sheet.clone(),
            });
            from_sheets.insert(rel.to_string(), format!("{name} [{sheet}]"));
            bytes
        } else {
            let bytes = std::fs::read(&path).map_err(|e| match path.exists() {
                true => cannot_read(e.to_string()),
                false => e.to_string(),
            })?;
            if rel.ends_with(".csv") {
                let (bytes, used) = inputs::decode(bytes, inputs.encoding).map_err(|e| {
                    let problem = e.problem(rel);
                    let reason = problem.describe(Lang::En);
                    unreadable.insert(rel.to_string(), problem);
                    reason
                })?;
                if let Some(used) = used {
                    notes.push(Note::Encoding {
                        file: rel.to_string(),
                        encoding: used.to_string(),
                    });
                }
                bytes
            } else {
                bytes
            }
        };
        if !rel.starts_with("boundaries/") {
            bar.inc(bytes.len() as u64);
        }
        Ok(bytes)
    };
    let options = ReadOptions { crs: inputs.crs };
    // The reader hands back what it read: the bundle's copy of the package is written from it.
    let (dataset, mut problems, kept) = read_package_keeping(&mut load, &options);
    let loaded: BTreeMap<String, Vec<u8>> = kept.into_iter().collect();
    bar.finish_and_clear();
    problems.retain(|p| {
        !(matches!(p.kind, ProblemKind::MissingFile { .. }) && unreadable.contains_key(&p.file))
    });
    let unreadable: BTreeSet<String> = unreadable
        .into_iter()
        .map(|(file, problem)| {
            problems.push(problem);
            file
        })
        .collect();
    // A problem in a workbook names the workbook and its sheet.
    for p in &mut problems {
        if let Some(sheet) = from_sheets.get(&p.file) {
            p.file = sheet.clone();
        }
    }
    sort_problems(&mut problems, &dataset);
    let source_crs = options.source_crs(dataset.descriptor.as_ref());
    Ok(Checked {
        dir: dir.to_path_buf(),
        dataset,
        problems,
        loaded,
        notes,
        source_crs,
        unreadable,
    })
}

/// Prints the notes on how the files were read.
pub fn print_notes(out: &mut impl Write, checked: &Checked, lang: Lang) -> std::io::Result<()> {
    for note in &checked.notes {
        writeln!(
            out,
            "{}",
            msg!(lang, "note", { "note" => note.message(lang) })
        )?;
    }
    Ok(())
}

/// How a file was read, when not as UTF-8 CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Read from a workbook's sheet in place of the CSV.
    Sheet {
        file: String,
        workbook: String,
        sheet: String,
    },
    /// Read in an encoding other than UTF-8.
    Encoding { file: String, encoding: String },
}

impl Note {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Note::Sheet {
                file,
                workbook,
                sheet,
            } => msg!(lang, "note-sheet", { "file" => file, "name" => workbook, "sheet" => sheet }),
            Note::Encoding { file, encoding } => {
                msg!(lang, "note-encoding", { "file" => file, "encoding" => encoding })
            }
        }
    }
}

/// A `/`-separated relative path with no `..`, no root and no empty parts.
pub fn is_safe_relative(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.starts_with('/')
        && !rel.contains('\\')
        && rel
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && !rel.contains(':')
}

/// Errors first, then warnings; each group by file (the descriptor, then the resources in
/// package order, then the rest by name) and line.
fn sort_problems(problems: &mut [Problem], ds: &Dataset) {
    let mut files: Vec<String> = vec![DESCRIPTOR_FILE.to_string()];
    files.extend(RESOURCES.iter().map(|spec| ds.file_of(spec)));
    problems.sort_by(|a, b| {
        let rank = |p: &Problem| {
            (
                p.severity != Severity::Error,
                files
                    .iter()
                    .position(|f| *f == p.file)
                    .unwrap_or(files.len()),
            )
        };
        rank(a)
            .cmp(&rank(b))
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.line.unwrap_or(0).cmp(&b.line.unwrap_or(0)))
    });
}

/// The language for messages: `--lang` if given, else Chinese when the locale is Chinese.
pub fn lang_from_env() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Prints the problems, one per line; warnings only when `warnings` is set.
pub fn print_problems(
    out: &mut impl Write,
    checked: &Checked,
    lang: Lang,
    warnings: bool,
) -> std::io::Result<()> {
    for p in &checked.problems {
        if p.is_error() || warnings {
            let message = p.message(lang);
            let line = match p.severity {
                Severity::Error => msg!(lang, "line-error", { "message" => message }),
                Severity::Warning => msg!(lang, "line-warning", { "message" => message }),
            };
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Rows per file: how many were valid and how many were left out for errors, then the totals.
pub fn print_summary(out: &mut impl Write, checked: &Checked, lang: Lang) -> std::io::Result<()> {
    let ds = &checked.dataset;
    let kept = [
        ds.divisions.len(),
        ds.stations.len(),
        ds.villages.len(),
        ds.targets.len(),
        ds.authorities.len(),
        ds.complaint_stats.len(),
    ];
    for (spec, kept) in RESOURCES.iter().zip(kept) {
        let file = ds.file_of(spec);
        if !checked.loaded.contains_key(&file) {
            let line = match checked.unreadable.contains(&file) {
                false => msg!(lang, "summary-absent", { "file" => &file }),
                true => msg!(lang, "summary-unread", { "file" => &file }),
            };
            writeln!(out, "  {line}")?;
            continue;
        }
        let left_out = checked
            .problems
            .iter()
            .filter(|p| p.is_error() && p.file == file)
            .filter_map(|p| p.line)
            .collect::<BTreeSet<_>>()
            .len();
        let read = kept + left_out;
        let line = msg!(lang, "summary-rows", {
            "file" => &file, "read" => read, "kept" => kept, "left" => left_out
        });
        writeln!(out, "  {line}")?;
    }
    let outlines = ds.county_bboxes.len();
    let (errors, warnings) = (checked.errors(), checked.warnings());
    writeln!(
        out,
        "  {}",
        msg!(lang, "summary-outlines", { "n" => outlines })
    )?;
    let dir = checked.dir.display().to_string();
    let total = msg!(lang, "summary-total", {
        "dir" => dir, "errors" => errors, "warnings" => warnings
    });
    writeln!(out, "{total}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_package() {
        assert!(is_safe_relative("stations.csv"));
        assert!(is_safe_relative("boundaries/140522.geojson"));
        assert!(!is_safe_relative("../secret.csv"));
        assert!(!is_safe_relative("/etc/passwd"));
        assert!(!is_safe_relative("a//b.csv"));
        assert!(!is_safe_relative("C:\\x.csv"));
        assert!(!is_safe_relative(""));
    }
}
