//! Checks across files: parents of codes, duplicate keys, `served_by` references, coordinates
//! against the county, the areas complaint figures and `cundi:complete` name.
//!
//! The checks run in the order rows depend on each other — divisions (parents before children),
//! then villages, then stations, then the `served_by` references — and each sees only the rows
//! that passed the checks before it. So a township left out for a missing county also leaves out
//! its villages, each reported, and what `read_package` keeps is consistent: every kept row's
//! parent is kept too. Where a key occurs twice, the first row is kept and the second reported.

use crate::code::{Code, Level};
use crate::dataset::Dataset;
use crate::package::DESCRIPTOR_FILE;
use crate::package::{self, ResourceSpec};
use crate::problem::{Problem, ProblemKind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// A point more than this far outside its county's outline box is misplaced. The box already
/// over-covers the outline, and the margin absorbs GCJ-02/BD-09 offsets (well under 1 km) and
/// points that legitimately stand just across a border.
pub const FAR_OUTSIDE_COUNTY_KM: f64 = 20.0;

/// Every problem found across the files of a dataset, sorted by file (in package order) and line.
pub fn validate(ds: &Dataset) -> Vec<Problem> {
    check(ds).problems
}

/// The problems, and which rows they rule out.
pub(crate) struct Checked {
    pub problems: Vec<Problem>,
    divisions: HashSet<usize>,
    stations: HashSet<usize>,
    villages: HashSet<usize>,
    authorities: HashSet<usize>,
    complaint_stats: HashSet<usize>,
}

impl Checked {
    /// Removes the rows ruled out from the dataset and rebuilds its indexes.
    pub fn drop_rows(&self, ds: &mut Dataset) {
        let none = self.divisions.is_empty()
            && self.stations.is_empty()
            && self.villages.is_empty()
            && self.authorities.is_empty()
            && self.complaint_stats.is_empty();
        if none {
            return;
        }
        retain(&mut ds.divisions, &mut ds.lines.divisions, &self.divisions);
        retain(&mut ds.stations, &mut ds.lines.stations, &self.stations);
        retain(&mut ds.villages, &mut ds.lines.villages, &self.villages);
        retain(
            &mut ds.authorities,
            &mut ds.lines.authorities,
            &self.authorities,
        );
        retain(
            &mut ds.complaint_stats,
            &mut ds.lines.complaint_stats,
            &self.complaint_stats,
        );
        ds.reindex();
    }
}

fn retain<T>(items: &mut Vec<T>, lines: &mut Vec<u64>, drop: &HashSet<usize>) {
    if drop.is_empty() {
        return;
    }
    if lines.len() == items.len() {
        let mut i = 0;
        lines.retain(|_| {
            i += 1;
            !drop.contains(&(i - 1))
        });
    }
    let mut i = 0;
    items.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

struct Table<'a> {
    file: String,
    lines: &'a [u64],
}

impl Table<'_> {
    fn new<'a>(ds: &Dataset, spec: &ResourceSpec, lines: &'a [u64]) -> Table<'a> {
        Table {
            file: ds.file_of(spec),
            lines,
        }
    }

    fn line(&self, i: usize) -> Option<u64> {
        self.lines.get(i).copied()
    }

    fn error(&self, i: usize, field: &str, kind: ProblemKind, value: &str) -> Problem {
        Problem::error(&self.file, self.line(i), Some(field), kind).with_value(value)
    }
}

/// Reports the second and later rows with a key already seen, and returns their indexes.
fn duplicates<'k>(
    table: &Table,
    field: &str,
    keys: impl Iterator<Item = &'k str>,
    problems: &mut Vec<Problem>,
) -> HashSet<usize> {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(keys.size_hint().0);
    let mut dups = HashSet::new();
    for (i, key) in keys.enumerate() {
        match first.get(key) {
            Some(&j) => {
                let first_line = table.line(j).unwrap_or(0);
                problems.push(table.error(i, field, ProblemKind::Duplicate { first_line }, key));
                dups.insert(i);
            }
            None => {
                first.insert(key, i);
            }
        }
    }
    dups
}

/// How far a point lies outside its county's outline box, when that is too far. The field named
/// is the coordinate that lies outside the box (longitude first).
fn far_outside(ds: &Dataset, code: &Code, lon: f64, lat: f64) -> Option<(&'static str, f64)> {
    let bbox = ds.county_bboxes.get(&code.county()?)?;
    let km = bbox.distance_km(lon, lat);
    if km <= FAR_OUTSIDE_COUNTY_KM {
        return None;
    }
    let field = if lon < bbox.west() || lon > bbox.east() {
        "lon"
    } else {
        "lat"
    };
    Some((field, (km * 10.0).round() / 10.0))
}

pub(crate) fn check(ds: &Dataset) -> Checked {
    let mut problems = Vec::new();

    // The duplicates among villages and among stations, the largest tables, on two cores where
    // there are two; their problems go in below in the order they always had.
    let village_table = Table::new(ds, &package::VILLAGES, &ds.lines.villages);
    let station_table = Table::new(ds, &package::STATIONS, &ds.lines.stations);
    let (village_dups, station_dups) = crate::par::both(
        || {
            let mut found = Vec::new();
            let codes = ds.villages.iter().map(|v| v.code.as_str());
            (duplicates(&village_table, "code", codes, &mut found), found)
        },
        || {
            let mut found = Vec::new();
            let ids = ds.stations.iter().map(|s| s.id.as_str());
            (duplicates(&station_table, "id", ids, &mut found), found)
        },
    );

    // Divisions: duplicates, then parents from the top down, so a parent's fate is known before
    // its children are looked at.
    let t = Table::new(ds, &package::DIVISIONS, &ds.lines.divisions);
    let mut drop_divisions = duplicates(
        &t,
        "code",
        ds.divisions.iter().map(|d| d.code.as_str()),
        &mut problems,
    );
    let mut order: Vec<usize> = (0..ds.divisions.len())
        .filter(|i| !drop_divisions.contains(i))
        .collect();
    order.sort_by_key(|&i| (ds.divisions[i].level(), i));
    let mut divisions: HashSet<&Code> = HashSet::new();
    for i in order {
        let d = &ds.divisions[i];
        match d.code.parent() {
            Some(parent) if !divisions.contains(&parent) => {
                problems.push(t.error(
                    i,
                    "code",
                    ProblemKind::MissingParent {
                        parent: parent.to_string(),
                    },
                    d.code.as_str(),
                ));
                drop_divisions.insert(i);
            }
            _ => {
                divisions.insert(&d.code);
            }
        }
    }

    // Villages: duplicates, their township, their location.
    let t = village_table;
    let (mut drop_villages, mut found) = village_dups;
    problems.append(&mut found);
    for (i, v) in ds.villages.iter().enumerate() {
        if drop_villages.contains(&i) {
            continue;
        }
        if !divisions.contains(&v.township_code) {
            problems.push(t.error(
                i,
                "township_code",
                ProblemKind::MissingParent {
                    parent: v.township_code.to_string(),
                },
                v.township_code.as_str(),
            ));
            drop_villages.insert(i);
        }
        if let (Some(lon), Some(lat)) = (v.lon, v.lat) {
            if let Some((field, km)) = far_outside(ds, &v.code, lon, lat) {
                problems.push(t.error(
                    i,
                    field,
                    ProblemKind::FarOutsideCounty { km },
                    &format!("{lon}, {lat}"),
                ));
                drop_villages.insert(i);
            }
        }
    }
    let mut villages: HashSet<&Code> = HashSet::with_capacity(ds.villages.len());
    villages.extend(
        ds.villages
            .iter()
            .enumerate()
            .filter(|(i, _)| !drop_villages.contains(i))
            .map(|(_, v)| &v.code),
    );

    // Stations: duplicates, the division or village they stand in, their location.
    let t = station_table;
    let (mut drop_stations, mut found) = station_dups;
    problems.append(&mut found);
    for (i, s) in ds.stations.iter().enumerate() {
        if drop_stations.contains(&i) {
            continue;
        }
        let known = if s.admin_code.level() == Level::Village {
            villages.contains(&s.admin_code)
        } else {
            divisions.contains(&s.admin_code)
        };
        if !known {
            problems.push(t.error(
                i,
                "admin_code",
                ProblemKind::MissingParent {
                    parent: s.admin_code.to_string(),
                },
                s.admin_code.as_str(),
            ));
            drop_stations.insert(i);
        }
        if let Some((field, km)) = far_outside(ds, &s.admin_code, s.lon, s.lat) {
            problems.push(t.error(
                i,
                field,
                ProblemKind::FarOutsideCounty { km },
                &format!("{}, {}", s.lon, s.lat),
            ));
            drop_stations.insert(i);
        }
    }
    let mut stations: HashSet<&str> = HashSet::with_capacity(ds.stations.len());
    stations.extend(
        ds.stations
            .iter()
            .enumerate()
            .filter(|(i, _)| !drop_stations.contains(i))
            .map(|(_, s)| s.id.as_str()),
    );

    // `served_by` naming no station is a warning, not an error: the village row itself is valid
    // and worth showing, and leaving it out would hide exactly the village that needs attention.
    // It counts as unserved (see `stats::effective_frequency`).
    let t = Table::new(ds, &package::VILLAGES, &ds.lines.villages);
    for (i, v) in ds.villages.iter().enumerate() {
        if drop_villages.contains(&i) {
            continue;
        }
        if let Some(id) = &v.served_by {
            if !stations.contains(id.as_str()) {
                problems.push(
                    Problem::warning(
                        &t.file,
                        t.line(i),
                        Some("served_by"),
                        ProblemKind::UnknownStation { id: id.clone() },
                    )
                    .with_value(id),
                );
            }
        }
    }

    // Authorities are keyed by jurisdiction: two bodies for one county would make the complaint
    // form guess.
    let t = Table::new(ds, &package::AUTHORITIES, &ds.lines.authorities);
    let drop_authorities = duplicates(
        &t,
        "jurisdiction_code",
        ds.authorities.iter().map(|a| a.jurisdiction_code.as_str()),
        &mut problems,
    );
    // A receiver's codes that do not read are a warning: the row's phone and address still
    // serve, and the site falls back to the categories' own words (docs/COMPLAINTS.md).
    for (i, a) in ds.authorities.iter().enumerate() {
        let Some(codes) = a.open311_service_codes.as_deref() else {
            continue;
        };
        if crate::complaint::open311::parse_service_codes(codes).is_err() {
            let allowed = crate::model::Category::ALL
                .iter()
                .map(|c| format!("{}=…", c.as_str()))
                .collect();
            problems.push(
                Problem::warning(
                    &t.file,
                    t.line(i),
                    Some("open311_service_codes"),
                    ProblemKind::UnknownValue { allowed },
                )
                .with_value(codes),
            );
        }
    }

    // Complaint figures: for an area the package holds, each (area, month, category) once — a
    // repeat would be added twice into every total above it.
    let t = Table::new(ds, &package::COMPLAINT_STATS, &ds.lines.complaint_stats);
    let keys: Vec<String> = ds
        .complaint_stats
        .iter()
        .map(|c| format!("{} {} {}", c.jurisdiction_code, c.month, c.category))
        .collect();
    let mut drop_complaint_stats = duplicates(
        &t,
        "jurisdiction_code",
        keys.iter().map(String::as_str),
        &mut problems,
    );
    for (i, c) in ds.complaint_stats.iter().enumerate() {
        if !drop_complaint_stats.contains(&i) && !divisions.contains(&c.jurisdiction_code) {
            problems.push(t.error(
                i,
                "jurisdiction_code",
                ProblemKind::UnknownDivision,
                c.jurisdiction_code.as_str(),
            ));
            drop_complaint_stats.insert(i);
        }
    }

    // `cundi:complete` only widens what targets are measured against, so an entry that is not a
    // division of the package is ignored with a warning rather than failing the package.
    if let Some(d) = &ds.descriptor {
        for raw in &d.complete {
            let kind = match Code::parse(raw) {
                Err(_) => ProblemKind::BadCode { digits: vec![2, 4] },
                Ok(code) if !divisions.contains(&code) => ProblemKind::UnknownDivision,
                Ok(_) => continue,
            };
            problems.push(
                Problem::warning(
                    DESCRIPTOR_FILE,
                    None,
                    Some(package::COMPLETE_PROPERTY),
                    kind,
                )
                .with_value(raw),
            );
        }
    }

    let order: HashMap<String, usize> = package::RESOURCES
        .iter()
        .enumerate()
        .map(|(i, spec)| (ds.file_of(spec), i))
        .collect();
    problems.sort_by_cached_key(|p| (order.get(&p.file).copied(), p.line));

    Checked {
        problems,
        divisions: drop_divisions,
        stations: drop_stations,
        villages: drop_villages,
        authorities: drop_authorities,
        complaint_stats: drop_complaint_stats,
    }
}
