//! The CLI's one error type: a command that could not do its work (as opposed to a package with
//! problems, which is a result, not an error). Every variant names the path it concerns.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    // The cause is part of the message rather than a `source`, so `{:#}` does not print it twice.
    #[error("{}: {cause}", path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}: {cause}", path.display())]
    Csv { path: PathBuf, cause: csv::Error },
    /// An input of a generator is missing or not what it should be.
    #[error("{0}")]
    Input(String),
    /// The package directory cannot be used at all.
    #[error("{0}")]
    Package(String),
    /// The output directory cannot be written safely.
    #[error("{0}")]
    Output(String),
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
}
