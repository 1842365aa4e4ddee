//! Files on disk: writing, checksums and the `FileRef`s that cite them, and putting a finished
//! output directory in place so a failed run never leaves a half-written one behind.

use crate::error::Error;
use cundi_core::bundle::FileRef;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Writes `bytes` to `path`, creating its parent directories.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

/// Writes `bytes` at `rel` under `root` and returns its citation.
pub fn write_ref(
    root: &Path,
    rel: &str,
    bytes: &[u8],
    rows: Option<u64>,
) -> Result<FileRef, Error> {
    write_file(&root.join(rel), bytes)?;
    Ok(file_ref(rel, bytes, rows))
}

pub fn file_ref(rel: &str, bytes: &[u8], rows: Option<u64>) -> FileRef {
    FileRef {
        path: rel.to_string(),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(bytes),
        rows,
    }
}

/// Data rows of a CSV (records after the header), or `None` when it cannot be parsed.
pub fn csv_rows(bytes: &[u8]) -> Option<u64> {
    // One record reused, as bytes: the package's tables were read as text already, and here
    // only the records are counted (the national package's 248 MB went through this).
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut record).ok()? {
        n += 1;
    }
    Some(n)
}

/// A directory being filled beside `target` (same parent, so the final rename stays on one file
/// system), moved into place by `commit` and removed if dropped before that.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    pub fn new(target: &Path) -> Result<Staging, Error> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = target
            .file_name()
            .ok_or_else(|| Error::OutputNameless(target.to_path_buf()))?
            .to_string_lossy()
            .into_owned();
        let dir = parent.join(format!(".{name}.building-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Replaces `target` by the staged directory: the old one is renamed aside first and removed
    /// only once the new one is in place.
    pub fn commit(mut self) -> Result<(), Error> {
        let old = PathBuf::from(format!("{}.old", self.dir.display()));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Every file under `dir`, as `/`-separated paths relative to it, sorted.
pub fn list_files(dir: &Path) -> Result<Vec<String>, Error> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), Error> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let path = entry.path();
            let ty = entry.file_type().map_err(|e| Error::io(&path, e))?;
            if ty.is_dir() {
                walk(root, &path, out)?;
            } else if ty.is_file() {
                let rel = path.strip_prefix(root).expect("walked from root");
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    if dir.is_dir() {
        walk(dir, dir, &mut out)?;
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn rows_skip_the_header() {
        assert_eq!(csv_rows(b"a,b\n1,2\n3,4\n"), Some(2));
        assert_eq!(csv_rows(b"a,b\n"), Some(0));
    }

    #[test]
    fn staging_replaces_and_cleans_up() {
        let base = std::env::temp_dir().join(format!("cundi-staging-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let target = base.join("out");
        write_file(&target.join("old.txt"), b"old").unwrap();

        let s = Staging::new(&target).unwrap();
        write_file(&s.path().join("new.txt"), b"new").unwrap();
        drop(s);
        assert!(
            target.join("old.txt").exists(),
            "a dropped staging leaves the target alone"
        );

        let s = Staging::new(&target).unwrap();
        write_file(&s.path().join("new.txt"), b"new").unwrap();
        s.commit().unwrap();
        assert!(target.join("new.txt").exists());
        assert!(!target.join("old.txt").exists());
        assert_eq!(std::fs::read_dir(&base).unwrap().count(), 1, "no leftovers");
        std::fs::remove_dir_all(&base).unwrap();
    }
}
