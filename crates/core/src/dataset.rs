//! A data package in memory: every valid row of each table ([`Dataset`]), with the indexes the
//! views' lookups read, and the [`Parts`] one is built from. The reader (`read`) makes the parts
//! from CSV files; `validate` checks a dataset across files; `load` does both for a package.

use crate::code::{Code, Level};
use crate::geo::BBox;
use crate::model::{Authority, ComplaintStat, Division, Station, Target, Village};
use crate::package::{Descriptor, ResourceSpec};
use crate::par::both;
use foldhash::HashMap;
use std::collections::BTreeMap;

/// The source line of each row, parallel to the dataset's vectors, so that checks made after
/// reading can still say where a row came from. Empty when the rows did not come from files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceLines {
    pub divisions: Vec<u64>,
    pub stations: Vec<u64>,
    pub villages: Vec<u64>,
    pub targets: Vec<u64>,
    pub authorities: Vec<u64>,
    pub complaint_stats: Vec<u64>,
}

/// The pieces of a dataset, for building one with `Dataset::new`.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub descriptor: Option<Descriptor>,
    pub divisions: Vec<Division>,
    pub stations: Vec<Station>,
    pub villages: Vec<Village>,
    pub targets: Vec<Target>,
    pub authorities: Vec<Authority>,
    pub complaint_stats: Vec<ComplaintStat>,
    pub county_bboxes: BTreeMap<Code, BBox>,
    pub lines: SourceLines,
}

/// Lookups into the vectors. Where a key occurs twice, the first row wins, as in validation.
#[derive(Debug, Clone, Default)]
struct Index {
    station_by_id: HashMap<String, usize>,
    /// (code, village index), sorted by code, the first row of each code: a sorted list builds
    /// several times faster than a tree over 620,000 villages, and ranges read the same.
    village_by_code: Vec<(Code, usize)>,
    division_by_code: BTreeMap<Code, usize>,
    /// (admin_code, station index), sorted, so an area's stations are one contiguous range.
    stations_by_admin: Vec<(Code, usize)>,
    villages_by_station: HashMap<String, Vec<usize>>,
}

/// A data package in memory: every valid row, with indexes for the lookups views need.
///
/// The vectors are public so the CLI and the site can build and edit datasets; after changing
/// them, call [`Dataset::reindex`], since the lookups read the indexes.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub descriptor: Option<Descriptor>,
    pub divisions: Vec<Division>,
    pub stations: Vec<Station>,
    pub villages: Vec<Village>,
    pub targets: Vec<Target>,
    pub authorities: Vec<Authority>,
    /// Complaint figures (`complaint_stats.csv`), when the package publishes them.
    pub complaint_stats: Vec<ComplaintStat>,
    /// Bounding box of each county outline found under `boundaries/`.
    pub county_bboxes: BTreeMap<Code, BBox>,
    pub lines: SourceLines,
    index: Index,
}

impl From<Parts> for Dataset {
    fn from(parts: Parts) -> Dataset {
        Dataset::new(parts)
    }
}

impl Dataset {
    pub fn new(parts: Parts) -> Dataset {
        let mut ds = Dataset {
            descriptor: parts.descriptor,
            divisions: parts.divisions,
            stations: parts.stations,
            villages: parts.villages,
            targets: parts.targets,
            authorities: parts.authorities,
            complaint_stats: parts.complaint_stats,
            county_bboxes: parts.county_bboxes,
            lines: parts.lines,
            index: Index::default(),
        };
        ds.reindex();
        ds
    }

    /// Adds rows (a county chunk, say) and rebuilds the indexes. Source lines are kept only while
    /// every piece has them, since lines from different files cannot be told apart afterwards.
    pub fn extend(&mut self, parts: Parts) {
        fn lines(mine: &mut Vec<u64>, n: usize, theirs: Vec<u64>, m: usize) {
            if mine.len() == n && theirs.len() == m {
                mine.extend(theirs);
            } else {
                mine.clear();
            }
        }
        let l = parts.lines;
        lines(
            &mut self.lines.divisions,
            self.divisions.len(),
            l.divisions,
            parts.divisions.len(),
        );
        lines(
            &mut self.lines.stations,
            self.stations.len(),
            l.stations,
            parts.stations.len(),
        );
        lines(
            &mut self.lines.villages,
            self.villages.len(),
            l.villages,
            parts.villages.len(),
        );
        lines(
            &mut self.lines.targets,
            self.targets.len(),
            l.targets,
            parts.targets.len(),
        );
        lines(
            &mut self.lines.authorities,
            self.authorities.len(),
            l.authorities,
            parts.authorities.len(),
        );
        lines(
            &mut self.lines.complaint_stats,
            self.complaint_stats.len(),
            l.complaint_stats,
            parts.complaint_stats.len(),
        );
        if self.descriptor.is_none() {
            self.descriptor = parts.descriptor;
        }
        self.divisions.extend(parts.divisions);
        self.stations.extend(parts.stations);
        self.villages.extend(parts.villages);
        self.targets.extend(parts.targets);
        self.authorities.extend(parts.authorities);
        self.complaint_stats.extend(parts.complaint_stats);
        self.county_bboxes.extend(parts.county_bboxes);
        self.reindex();
    }

    /// Rebuilds the lookups from the vectors.
    pub fn reindex(&mut self) {
        let (stations, villages) = (&self.stations, &self.villages);
        // Stations and villages side by side where there are cores to spare (the CLI).
        let ((station_by_id, stations_by_admin), (village_by_code, villages_by_station)) = both(
            || {
                let mut by_id =
                    HashMap::with_capacity_and_hasher(stations.len(), Default::default());
                let mut by_admin = Vec::with_capacity(stations.len());
                for (i, s) in stations.iter().enumerate() {
                    by_id.entry(s.id.clone()).or_insert(i);
                    by_admin.push((s.admin_code.clone(), i));
                }
                // The pairs are distinct (each index once), so an unstable sort gives the one order.
                by_admin.sort_unstable();
                (by_id, by_admin)
            },
            || {
                let mut by_code: Vec<(Code, usize)> = villages
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (v.code.clone(), i))
                    .collect();
                // By code, then row: the first row of a repeated code is the one kept.
                by_code.sort_unstable();
                by_code.dedup_by(|b, a| a.0 == b.0);
                let mut by_station: HashMap<String, Vec<usize>> = HashMap::default();
                for (i, v) in villages.iter().enumerate() {
                    if let Some(id) = &v.served_by {
                        by_station.entry(id.clone()).or_default().push(i);
                    }
                }
                (by_code, by_station)
            },
        );
        let mut division_by_code = BTreeMap::new();
        for (i, d) in self.divisions.iter().enumerate() {
            division_by_code.entry(d.code.clone()).or_insert(i);
        }
        self.index = Index {
            station_by_id,
            village_by_code,
            division_by_code,
            stations_by_admin,
            villages_by_station,
        };
    }

    /// The file a resource was read from: the descriptor's path, or the default.
    pub fn file_of(&self, spec: &ResourceSpec) -> String {
        match &self.descriptor {
            Some(d) => d.resource_path(spec),
            None => spec.path.to_string(),
        }
    }

    pub fn station(&self, id: &str) -> Option<&Station> {
        self.stations.get(*self.index.station_by_id.get(id)?)
    }

    pub fn village(&self, code: &str) -> Option<&Village> {
        let list = &self.index.village_by_code;
        let at = list
            .binary_search_by(|(c, _)| c.as_str().cmp(code.trim()))
            .ok()?;
        self.villages.get(list[at].1)
    }

    pub fn division(&self, code: &str) -> Option<&Division> {
        let i = self.index.division_by_code.get(code.trim())?;
        self.divisions.get(*i)
    }

    /// The name of a division or a village.
    pub fn name_of(&self, code: &str) -> Option<&str> {
        self.division(code)
            .map(|d| d.name.as_str())
            .or_else(|| self.village(code).map(|v| v.name.as_str()))
    }

    /// The divisions one level below, sorted by code (a township has none: its villages are in
    /// [`Dataset::villages_in`]).
    pub fn children(&self, code: &str) -> Vec<&Division> {
        let Ok(parent) = Code::parse(code) else {
            return Vec::new();
        };
        self.index
            .division_by_code
            .range(parent.clone()..)
            .take_while(|(c, _)| parent.contains(c))
            .filter(|(c, _)| c.parent().as_ref() == Some(&parent))
            .filter_map(|(_, &i)| self.divisions.get(i))
            .collect()
    }

    /// Villages inside a division (or the village itself), sorted by code.
    pub fn villages_in(&self, code: &str) -> Vec<&Village> {
        let Ok(area) = Code::parse(code) else {
            return Vec::new();
        };
        let list = &self.index.village_by_code;
        let start = list.partition_point(|(c, _)| c < &area);
        list[start..]
            .iter()
            .take_while(|(c, _)| area.contains(c))
            .filter_map(|(_, i)| self.villages.get(*i))
            .collect()
    }

    /// Stations whose `admin_code` lies inside a division, sorted by `admin_code`, then file order.
    pub fn stations_in(&self, code: &str) -> Vec<&Station> {
        let Ok(area) = Code::parse(code) else {
            return Vec::new();
        };
        let list = &self.index.stations_by_admin;
        let start = list.partition_point(|(c, _)| c < &area);
        list[start..]
            .iter()
            .take_while(|(c, _)| area.contains(c))
            .filter_map(|(_, i)| self.stations.get(*i))
            .collect()
    }

    /// Villages whose `served_by` names this station, in file order.
    pub fn villages_served_by(&self, station_id: &str) -> Vec<&Village> {
        self.index
            .villages_by_station
            .get(station_id)
            .map(|is| is.iter().filter_map(|&i| self.villages.get(i)).collect())
            .unwrap_or_default()
    }

    /// The divisions above a code that are in the package, province first; the code itself is
    /// not included.
    pub fn ancestors(&self, code: &str) -> Vec<&Division> {
        let Ok(code) = Code::parse(code) else {
            return Vec::new();
        };
        Level::ALL
            .into_iter()
            .filter(|&l| l < code.level())
            .filter_map(|l| code.ancestor(l))
            .filter_map(|c| self.division(c.as_str()))
            .collect()
    }

    /// Divisions at one level, sorted by code.
    pub fn divisions_at(&self, level: Level) -> Vec<&Division> {
        self.index
            .division_by_code
            .iter()
            .filter(|(c, _)| c.level() == level)
            .filter_map(|(_, &i)| self.divisions.get(i))
            .collect()
    }
}
