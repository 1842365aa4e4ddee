//! The CLI's one error type: a command that could not do its work (as opposed to a package with
//! problems, which is a result, not an error). Every variant names the path it concerns, and
//! says what is wrong in Chinese or English ([`Error::message`]; `Display` is the English).

use cundi_core::{Lang, Problem};
use std::io::ErrorKind;
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
    /// An input of a generator (or of `csp`, run by the site's build) is missing or not what it
    /// should be. These are the developers' tools: English only.
    #[error("{0}")]
    Input(String),
    /// The package is not a directory.
    #[error("{}: not a directory (a data package is a folder with datapackage.json and CSV files)", .0.display())]
    NotAPackage(PathBuf),
    /// A version `diff` compares lacks a file it cannot do without.
    #[error("{}: {}; cannot compare a version without it", dir.display(), problem.message(Lang::En))]
    CannotCompare { dir: PathBuf, problem: Box<Problem> },
    /// The output exists and is not a directory.
    #[error("{}: exists and is not a directory", .0.display())]
    OutputNotADirectory(PathBuf),
    /// The output exists and holds something other than a bundle.
    #[error("{}: exists and does not hold a bundle (summary.json is missing); a build replaces the whole directory, so choose an empty or new one", .0.display())]
    OutputNotABundle(PathBuf),
    /// The output path names no directory (`/`, `..`).
    #[error("{}: not a directory name", .0.display())]
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

    /// What went wrong, in `lang`. The system's own words for an I/O error (English) follow a
    /// Chinese one in brackets.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Error::Io { path, cause } => {
                let what = match cause.kind() {
                    ErrorKind::NotFound => "找不到该文件或文件夹",
                    ErrorKind::PermissionDenied => "没有访问权限",
                    ErrorKind::AlreadyExists => "已存在",
                    ErrorKind::NotADirectory => "不是文件夹",
                    ErrorKind::IsADirectory => "是文件夹，不是文件",
                    ErrorKind::StorageFull => "磁盘空间不足",
                    _ => "无法读取或写入",
                };
                format!("{}：{what}（{cause}）", path.display())
            }
            Error::Csv { path, cause } => format!("{}：无法写出 CSV（{cause}）", path.display()),
            Error::Input(message) => message.clone(),
            Error::NotAPackage(path) => format!(
                "{}：不是文件夹（数据包是一个包含 datapackage.json 和 CSV 文件的文件夹）",
                path.display()
            ),
            Error::CannotCompare { dir, problem } => format!(
                "{}：{}；缺少它无法比较两个版本",
                dir.display(),
                problem.message(Lang::Zh)
            ),
            Error::OutputNotADirectory(path) => {
                format!("{}：已存在，且不是文件夹", path.display())
            }
            Error::OutputNotABundle(path) => format!(
                "{}：已存在，但不是构建好的数据（缺少 summary.json）；构建会替换整个文件夹，请选择一个空的或新的文件夹",
                path.display()
            ),
            Error::OutputNameless(path) => format!("{}：不是文件夹名", path.display()),
        }
    }
}
