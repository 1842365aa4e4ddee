//! The CLI reads what publishers have (issue 6): CSV in GBK with Chinese headers and GCJ-02 or
//! BD-09 coordinates, `.xlsx` sheets in place of CSV, and files with bad bytes or bad cells —
//! each checked against the core's own valid fixture.

use cundi_core::coords;
use cundi_core::geo::haversine_km;
use cundi_core::model::Crs;
use std::path::{Path, PathBuf};

mod common;
use common::{run, text};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/valid")
}

/// Copies these files of the core's valid fixture into `dir`.
fn copy_fixture(dir: &Path, files: &[&str]) {
    for file in files {
        std::fs::copy(fixture().join(file), dir.join(file)).unwrap();
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        let dir = std::env::temp_dir().join(format!("cundi-inputs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("boundaries")).unwrap();
        Tmp(dir)
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// (header, rows) of a CSV.
fn table(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn csv_text(header: &[String], rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The fixture as a county office might keep it: Chinese headers, GBK bytes, coordinates in
/// `crs`, no datapackage.json.
fn publisher_package(dir: &Path, crs: Crs) {
    let zh = |h: &str| -> String {
        match h {
            "id" => "网点编号",
            "tier" => "层级",
            "name" => "名称",
            "admin_code" => "所在区划代码",
            "lon" => "经度",
            "lat" => "纬度",
            "operator" => "运营主体",
            "status" => "状态",
            "code" => "代码",
            "township_code" => "乡镇代码",
            "served_by" => "服务网点",
            other => other,
        }
        .to_string()
    };
    for file in ["divisions.csv", "stations.csv", "villages.csv"] {
        let (header, mut rows) = table(&std::fs::read(fixture().join(file)).unwrap());
        let (lon, lat) = (
            header.iter().position(|h| h == "lon"),
            header.iter().position(|h| h == "lat"),
        );
        if let (Some(lon), Some(lat)) = (lon, lat) {
            for row in &mut rows {
                if let (Ok(x), Ok(y)) = (row[lon].parse::<f64>(), row[lat].parse::<f64>()) {
                    let (x, y) = coords::convert(Crs::Wgs84, crs, x, y);
                    row[lon] = format!("{x:.7}");
                    row[lat] = format!("{y:.7}");
                }
            }
        }
        let header: Vec<String> = header.iter().map(|h| zh(h)).collect();
        let utf8 = csv_text(&header, &rows);
        let (gbk, _, bad) = encoding_rs::GBK.encode(&utf8);
        assert!(!bad);
        std::fs::write(dir.join(file), gbk).unwrap();
    }
    std::fs::copy(
        fixture().join("boundaries/140522.geojson"),
        dir.join("boundaries/140522.geojson"),
    )
    .unwrap();
}

#[test]
fn a_gbk_package_with_chinese_headers_in_gcj02_or_bd09_converts_to_the_clean_package() {
    // The reference: the fixture itself (UTF-8, WGS-84) through `convert`, which writes each
    // value in its one canonical form (否 → false, 0.0 → 0).
    let reference = Tmp::new("reference");
    let done = run(&["convert", s(&fixture()), s(&reference.0.join("out"))]);
    assert_eq!(done.status.code(), Some(0), "{}", text(&done));
    let (header, original) = table(&std::fs::read(reference.0.join("out/stations.csv")).unwrap());
    let (lon, lat) = (
        header.iter().position(|h| h == "lon").unwrap(),
        header.iter().position(|h| h == "lat").unwrap(),
    );
    for (crs, flag) in [(Crs::Gcj02, "gcj02"), (Crs::Bd09, "bd09")] {
        let tmp = Tmp::new(flag);
        let input = tmp.0.join("in");
        let out = tmp.0.join("out");
        std::fs::create_dir_all(input.join("boundaries")).unwrap();
        publisher_package(&input, crs);
        let result = run(&["convert", s(&input), s(&out), "--crs", flag, "--lang", "en"]);
        let t = text(&result);
        assert_eq!(result.status.code(), Some(0), "{t}");
        assert!(t.contains("stations.csv: read as gb18030"), "{t}");
        assert!(t.contains(&format!("coordinates are in {flag}")), "{t}");

        let (h, rows) = table(&std::fs::read(out.join("stations.csv")).unwrap());
        assert_eq!(h, header, "the columns' own names, the extra column kept");
        assert_eq!(rows.len(), original.len());
        for (row, want) in rows.iter().zip(&original) {
            for (i, (got, want)) in row.iter().zip(want).enumerate() {
                if i != lon && i != lat {
                    assert_eq!(got, want, "{}", h[i]);
                }
            }
            let km = haversine_km(
                row[lon].parse().unwrap(),
                row[lat].parse().unwrap(),
                want[lon].parse().unwrap(),
                want[lat].parse().unwrap(),
            );
            assert!(
                km < 0.001,
                "{}: {:.2} m from the WGS-84 reference",
                row[0],
                km * 1000.0
            );
        }
        let bytes = std::fs::read(out.join("villages.csv")).unwrap();
        assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 without a BOM");
        assert!(std::str::from_utf8(&bytes).is_ok());
        let d: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
        assert_eq!(d["crs"], "wgs84");
        assert_eq!(d["cundi:source_crs"], flag);
        // The clean package is valid as it is.
        let again = run(&["validate", s(&out), "--lang", "en"]);
        assert_eq!(again.status.code(), Some(0), "{}", text(&again));
        assert!(text(&again).contains("0 errors"), "{}", text(&again));
    }
}

/// (id, lon, lat) of every row of a stations.csv.
fn positions(bytes: &[u8]) -> Vec<(String, f64, f64)> {
    let (header, rows) = table(bytes);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, lon, lat) = (at("id"), at("lon"), at("lat"));
    rows.iter()
        .filter_map(|r| Some((r[id].clone(), r[lon].parse().ok()?, r[lat].parse().ok()?)))
        .collect()
}

#[test]
fn build_reads_the_publisher_files_as_they_are_and_says_which_system_their_coordinates_are_in() {
    let reference = positions(&std::fs::read(fixture().join("stations.csv")).unwrap());
    assert!(reference.len() >= 5);
    let tmp = Tmp::new("build-bd09");
    let input = tmp.0.join("in");
    std::fs::create_dir_all(input.join("boundaries")).unwrap();
    publisher_package(&input, Crs::Bd09);
    // The map's chunks nearest to the reference with the flag; hundreds of metres off without.
    for (flag, within) in [(Some("bd09"), true), (None, false)] {
        let out = tmp.0.join(format!("out-{}", flag.unwrap_or("none")));
        let mut args = vec!["build", s(&input), s(&out), "--lang", "en"];
        args.extend(flag.map(|f| ["--crs", f]).into_iter().flatten());
        let result = run(&args);
        assert_eq!(result.status.code(), Some(0), "{}", text(&result));
        let chunk = positions(&std::fs::read(out.join("chunks/140522/stations.csv")).unwrap());
        assert_eq!(chunk.len(), reference.len());
        let worst = chunk
            .iter()
            .map(|(id, lon, lat)| {
                let (_, x, y) = reference.iter().find(|r| &r.0 == id).unwrap();
                haversine_km(*lon, *lat, *x, *y) * 1000.0
            })
            .fold(0.0, f64::max);
        assert_eq!(worst < 1.0, within, "{flag:?}: worst {worst:.1} m");
        let summary: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
        // The data page says which system the published files (the bundle's `package/`) use.
        assert_eq!(summary["package"]["crs"], flag.unwrap_or("wgs84"));
    }
}

#[test]
fn an_xlsx_sheet_reads_as_its_csv_and_a_bad_cell_is_named_by_sheet_row_and_field() {
    let tmp = Tmp::new("xlsx");
    let (csv_dir, xlsx_dir) = (tmp.0.join("csv"), tmp.0.join("xlsx"));
    for dir in [&csv_dir, &xlsx_dir] {
        std::fs::create_dir_all(dir.join("boundaries")).unwrap();
        for file in ["divisions.csv", "villages.csv", "boundaries/140522.geojson"] {
            std::fs::copy(fixture().join(file), dir.join(file)).unwrap();
        }
    }
    std::fs::copy(fixture().join("stations.csv"), csv_dir.join("stations.csv")).unwrap();
    let (header, rows) = table(&std::fs::read(fixture().join("stations.csv")).unwrap());
    let workbook = |rows: &[Vec<String>], path: &Path| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet().set_name("网点").unwrap();
        for (c, h) in header.iter().enumerate() {
            sheet.write_string(0, c as u16, h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                // Numbers as a spreadsheet holds them: codes, coordinates, fees.
                match (header[c as usize].as_str(), cell.parse::<f64>()) {
                    ("admin_code" | "lon" | "lat" | "pickup_fee", Ok(n)) => {
                        sheet.write_number(r, c, n).unwrap();
                    }
                    _ if !cell.is_empty() => {
                        sheet.write_string(r, c, cell).unwrap();
                    }
                    _ => {}
                }
            }
        }
        book.save(path).unwrap();
    };
    workbook(&rows, &xlsx_dir.join("stations.xlsx"));

    let result = run(&["validate", s(&xlsx_dir), "--lang", "en"]);
    let t = text(&result);
    assert_eq!(result.status.code(), Some(0), "{t}");
    assert!(
        t.contains("stations.csv: read from stations.xlsx, sheet 网点"),
        "{t}"
    );
    let (a, b) = (tmp.0.join("a"), tmp.0.join("b"));
    assert_eq!(run(&["convert", s(&csv_dir), s(&a)]).status.code(), Some(0));
    assert_eq!(
        run(&["convert", s(&xlsx_dir), s(&b)]).status.code(),
        Some(0)
    );
    assert_eq!(
        std::fs::read(a.join("stations.csv")).unwrap(),
        std::fs::read(b.join("stations.csv")).unwrap(),
        "the sheet reads as the CSV it was made from"
    );

    // A code that is no code, in the sheet's third row.
    let mut bad = rows.clone();
    let at = header.iter().position(|h| h == "admin_code").unwrap();
    bad[1][at] = "14052X".into();
    workbook(&bad, &xlsx_dir.join("stations.xlsx"));
    for (lang, words) in [("en", "line 3"), ("zh", "第 3 行")] {
        let result = run(&["validate", s(&xlsx_dir), "--lang", lang]);
        let t = text(&result);
        assert_eq!(result.status.code(), Some(1), "{t}");
        let line = t
            .lines()
            .find(|l| l.contains("stations.xlsx [网点]") && l.contains("admin_code"))
            .unwrap_or_else(|| panic!("no problem naming the sheet and field:\n{t}"));
        assert!(line.contains(words), "{line}");
    }
}

#[test]
fn bytes_that_are_no_text_in_the_stated_encoding_are_an_error_naming_file_and_line() {
    let tmp = Tmp::new("bytes");
    copy_fixture(
        &tmp.0,
        &[
            "divisions.csv",
            "villages.csv",
            "stations.csv",
            "targets.csv",
            "boundaries/140522.geojson",
        ],
    );
    // Bytes that are no UTF-8 at the start of a line: line 4 of a file the package must have,
    // line 2 of one it may have.
    for (file, line) in [("stations.csv", 4), ("targets.csv", 2)] {
        let mut bytes = std::fs::read(tmp.0.join(file)).unwrap();
        let at = bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .unwrap()
            .0;
        bytes.splice(at + 1..at + 1, [0xFF, 0xFE, 0xFF]);
        std::fs::write(tmp.0.join(file), bytes).unwrap();
    }
    for (lang, stations, targets, words) in [
        (
            "en",
            "stations.csv line 4",
            "targets.csv line 2",
            "not valid UTF-8 text",
        ),
        (
            "zh",
            "stations.csv 第 4 行",
            "targets.csv 第 2 行",
            "不是有效的 UTF-8 文本",
        ),
    ] {
        let result = run(&["validate", s(&tmp.0), "--encoding", "utf-8", "--lang", lang]);
        let t = text(&result);
        assert_eq!(result.status.code(), Some(1), "{t}");
        for at in [stations, targets] {
            let line = t.lines().find(|l| l.contains(at)).unwrap_or_default();
            assert!(line.contains(words), "{at}: {t}");
        }
        assert!(!t.contains("stations.csv: absent"), "{t}");
        assert!(
            t.contains("stations.csv: not read") || t.contains("stations.csv：未能读取"),
            "{t}"
        );
    }
}

#[test]
fn an_optional_file_that_is_there_but_cannot_be_read_is_an_error_not_an_absence() {
    let tmp = Tmp::new("unreadable");
    copy_fixture(
        &tmp.0,
        &[
            "divisions.csv",
            "villages.csv",
            "stations.csv",
            "boundaries/140522.geojson",
        ],
    );
    let valid = run(&["validate", s(&tmp.0), "--lang", "en"]);
    assert_eq!(valid.status.code(), Some(0), "{}", text(&valid));
    assert!(
        text(&valid).contains("targets.csv: absent"),
        "{}",
        text(&valid)
    );
    // A workbook that is no workbook, in place of targets.csv; then a folder named like the file.
    std::fs::write(tmp.0.join("targets.xlsx"), b"not a zip").unwrap();
    let t = text(&run(&["validate", s(&tmp.0), "--lang", "en"]));
    let line = t
        .lines()
        .find(|l| l.contains("targets.csv"))
        .unwrap_or_default();
    assert!(
        line.starts_with("error:") && line.contains("cannot be read: targets.xlsx"),
        "{t}"
    );
    std::fs::remove_file(tmp.0.join("targets.xlsx")).unwrap();
    std::fs::create_dir(tmp.0.join("targets.csv")).unwrap();
    let result = run(&["validate", s(&tmp.0), "--lang", "zh"]);
    let t = text(&result);
    assert_eq!(result.status.code(), Some(1), "{t}");
    assert!(t.contains("错误：targets.csv：无法读取文件"), "{t}");
    assert!(t.contains("targets.csv：未能读取"), "{t}");
}
