//! The service worker's shell (`public/sw.js`, copied by Trunk): after every build, `cundi-data
//! csp` lists the files the worker keeps on install — everything built except the data bundle,
//! `config.json` and the worker itself — and names them by one SHA-256 of their paths and bytes.
//! A new build thus changes `sw.js`, which is how a browser learns there is a new shell. Running
//! it again on the same files writes the same lines.

use crate::csp::Sources;
use crate::error::Error;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The worker's file, relative to the built site.
pub const WORKER_FILE: &str = "sw.js";

/// The shell's files, relative to `dist` with `/` separators, sorted.
pub fn shell_files(dist: &Path) -> Result<Vec<String>, Error> {
    let mut files = Vec::new();
    let mut dirs = vec![dist.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let path = entry.path();
            let relative = path
                .strip_prefix(dist)
                .expect("under dist")
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            // Neither the data, the config, the worker, the server's header file nor the
            // precompressed copies (the browser asks for the file; the server picks the copy).
            if matches!(
                relative.as_str(),
                "data" | "config.json" | WORKER_FILE | crate::csp::NGINX_HEADER_FILE
            ) || relative.ends_with(".br")
                || relative.ends_with(".gz")
            {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(relative);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The worker's text with its `const SHELL` and `const VERSION` lines filled in, and its
/// `const TILES` line with the base map's origins and how many bytes of their tiles to keep
/// (docs/PUBLISHING.md, "Offline"); `None` when it lacks the first two (not the site's worker).
pub fn fill(worker: &str, files: &[String], version: &str, tiles: &Sources) -> Option<String> {
    let shell = serde_json::to_string(files).expect("strings serialise");
    let origins = serde_json::to_string(&tiles.tiles).expect("strings serialise");
    let mut found = (false, false);
    let lines: Vec<String> = worker
        .lines()
        .map(|line| {
            if line.starts_with("const SHELL = ") {
                found.0 = true;
                format!("const SHELL = {shell};")
            } else if line.starts_with("const VERSION = ") {
                found.1 = true;
                format!("const VERSION = '{version}';")
            } else if line.starts_with("const TILES = ") {
                format!(
                    "const TILES = {{ origins: {origins}, bytes: {} }};",
                    tiles.tile_cache_bytes
                )
            } else {
                line.to_string()
            }
        })
        .collect();
    (found == (true, true)).then(|| lines.join("\n") + "\n")
}

/// Fills in `dist/sw.js`, if the site has one; gives how many files the shell holds.
pub fn write(dist: &Path, sources: &Sources) -> Result<Option<usize>, Error> {
    let path = dist.join(WORKER_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let files = shell_files(dist)?;
    let mut hash = Sha256::new();
    for file in &files {
        let full = dist.join(file);
        hash.update(file.as_bytes());
        hash.update([0]);
        hash.update(std::fs::read(&full).map_err(|e| Error::io(&full, e))?);
    }
    let version: String = hash
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let filled = fill(&text, &files, &version, sources).ok_or_else(|| {
        Error::Input(format!(
            "{}: no `const SHELL = …;` and `const VERSION = …;` lines to fill in",
            path.display()
        ))
    })?;
    std::fs::write(&path, filled).map_err(|e| Error::io(&path, e))?;
    crate::csp::drop_compressed(&path)?;
    Ok(Some(files.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_lists_the_built_files_but_not_the_data_the_config_or_the_worker() {
        let dir = std::env::temp_dir().join(format!("cundi-worker-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "index.html",
            "cundi-1.js",
            "vendor/leaflet/images/marker.png",
            "data/summary.json",
            "config.json",
            "sw.js",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, file).unwrap();
        }
        std::fs::write(
            dir.join("sw.js"),
            "const SHELL = [];\nconst VERSION = 'dev';\nconst TILES = { origins: [], bytes: 0 };\nrest\n",
        )
        .unwrap();
        let none = Sources::default();
        assert_eq!(
            shell_files(&dir).unwrap(),
            [
                "cundi-1.js",
                "index.html",
                "vendor/leaflet/images/marker.png"
            ]
        );
        assert_eq!(write(&dir, &none).unwrap(), Some(3));
        let once = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(once.starts_with(
            "const SHELL = [\"cundi-1.js\",\"index.html\",\"vendor/leaflet/images/marker.png\"];\nconst VERSION = '"
        ), "{once}");
        assert!(!once.contains("'dev'") && once.ends_with("rest\n"));
        assert!(
            once.contains("\nconst TILES = { origins: [], bytes: 0 };\n"),
            "{once}"
        );
        // The base map's hosts and how much of their tiles to keep.
        let mut tiles = Sources::default();
        tiles.tiles.insert("https://t0.tianditu.gov.cn".into());
        tiles.tile_cache_bytes = 1_048_576;
        write(&dir, &tiles).unwrap();
        assert!(std::fs::read_to_string(dir.join("sw.js"))
            .unwrap()
            .contains(
                "\nconst TILES = { origins: [\"https://t0.tianditu.gov.cn\"], bytes: 1048576 };\n"
            ));
        // Again on the same files: the same text. A changed file: a new version.
        write(&dir, &none).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("sw.js")).unwrap(), once);
        std::fs::write(dir.join("cundi-1.js"), "changed").unwrap();
        write(&dir, &none).unwrap();
        let changed = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert_ne!(changed, once);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_without_the_lines_is_not_filled() {
        assert_eq!(
            fill(
                "self.addEventListener('fetch', f);\n",
                &[],
                "1",
                &Sources::default()
            ),
            None
        );
    }
}
