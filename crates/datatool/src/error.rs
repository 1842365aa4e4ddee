//! The CLI's one error type: a command that could not do its work (as opposed to a package with
//! problems, which is a result, not an error). Every variant names the path it concerns, and
//! says what is wrong in Chinese or English ([`Error::message`], from the CLI's catalogue;
//! `Display` is the English).

use cundi_core::{Lang, Problem};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum Error {
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    Csv {
        path: PathBuf,
        cause: csv::Error,
    },
    /// An input of a generator (or of `csp`, run by the site's build) is missing or not what it
    /// should be. These are the developers' tools: English only.
    Input(String),
    /// The package is not a directory.
    NotAPackage(PathBuf),
    /// A version `diff` compares lacks a file it cannot do without.
    CannotCompare {
        dir: PathBuf,
        problem: Box<Problem>,
    },
    /// The output exists and is not a directory.
    OutputNotADirectory(PathBuf),
    /// The output exists and holds something other than a bundle.
    OutputNotABundle(PathBuf),
    /// The output path names no directory (`/`, `..`).
    OutputNameless(PathBuf),
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            cause: source,
        }
    }

    pub fn io_csv(path: &Path, source: csv::Error) -> Error {
        Error::Csv {
            path: path.to_path_buf(),
            cause: source,
        }
    }

    /// What went wrong, in `lang`. The system's own words for an I/O error (English) follow.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Io { path, cause } => {
                let what = match cause.kind() {
                    ErrorKind::NotFound => msg!(lang, "io-not-found"),
                    ErrorKind::PermissionDenied => msg!(lang, "io-permission-denied"),
                    ErrorKind::AlreadyExists => msg!(lang, "io-already-exists"),
                    ErrorKind::NotADirectory => msg!(lang, "io-not-a-directory"),
                    ErrorKind::IsADirectory => msg!(lang, "io-is-a-directory"),
                    ErrorKind::StorageFull => msg!(lang, "io-storage-full"),
                    _ => msg!(lang, "io-other"),
                };
                msg!(lang, "error-io", {
                    "path" => path.display().to_string(), "what" => what, "cause" => cause.to_string()
                })
            }
            Error::Csv { path, cause } => msg!(lang, "error-csv", {
                "path" => path.display().to_string(), "cause" => cause.to_string()
            }),
            Error::Input(message) => message.clone(),
            Error::NotAPackage(path) => {
                msg!(lang, "error-not-a-package", { "path" => path.display().to_string() })
            }
            Error::CannotCompare { dir, problem } => msg!(lang, "error-cannot-compare", {
                "dir" => dir.display().to_string(), "problem" => problem.message(lang)
            }),
            Error::OutputNotADirectory(path) => {
                msg!(lang, "error-output-not-directory", { "path" => path.display().to_string() })
            }
            Error::OutputNotABundle(path) => {
                msg!(lang, "error-output-not-bundle", { "path" => path.display().to_string() })
            }
            Error::OutputNameless(path) => {
                msg!(lang, "error-output-nameless", { "path" => path.display().to_string() })
            }
        }
    }
}

/// In English, as `anyhow` prints it when no language was chosen.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

// The cause is part of the message rather than a `source`, so `{:#}` does not print it twice.
impl std::error::Error for Error {}
