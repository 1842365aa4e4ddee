//! What changed between two versions of a package: the stations and villages added, removed and
//! changed, field by field, with a count per county. `cundi-data diff` prints it; `cundi-data build
//! --previous` ships it in the bundle as `changes.json` so the site can show readers what changed
//! since the version before (the changelog the FCC's map lacks).
//!
//! Values are compared as the writer writes them (`write::ToRow`), not as the publisher typed
//! them: `112.4230` and `112.423`, `是` and `true`, `中通; 韵达` and `中通;韵达` read to the same
//! value and write the same text, so re-saving a file in a spreadsheet never shows as a change.
//! Stations are matched by `id` and villages by `code`, the keys the schema promises are stable.
//!
//! # `changes.json`
//!
//! [`Changes`] serialized with `serde_json`, compact. Empty lists, zero counts and unknown
//! versions are left out. Each row carries its county so the site can show one county's changes
//! without loading any chunk:
//!
//! ```json
//! {"old_version":"0.1.0","old_created":"2025-01-15",
//!  "new_version":"0.2.0","new_created":"2025-03-01",
//!  "counties":[{"code":"140522","stations":{"added":1,"removed":1,"changed":2},
//!               "villages":{"changed":1}}],
//!  "stations":{
//!    "added":[{"key":"P5","name":"南坡村快递点","county":"140522",
//!              "cells":[["id","P5"],["tier","village_point"],…]}],
//!    "removed":[{"key":"P4","name":"下庄村快递点","county":"140522","cells":[…]}],
//!    "changed":[{"key":"P2","name":"西关村快递点","county":"140522",
//!                "fields":[["phone","","0356-4225678"],["status","operating","closed"]]}]},
//!  "villages":{"changed":[{"key":"140522100202","name":"西关村","county":"140522",
//!                          "fields":[["deliveries_per_week","3","7"]]}]}}
//! ```
//!
//! A row's `cells` are its non-empty fields as the package's CSV would hold them (schema columns
//! in schema order, then the publisher's own columns), so a row can be shown as it was published
//! or turned back into a `Station` or `Village` with `read::convert_row`. A change is
//! `[field, old text, new text]`, where `""` is an empty field.

use crate::code::Code;
use crate::dataset::Dataset;
use crate::model::{Station, Village};
use crate::problem::Lang;
use crate::write::ToRow;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything that changed from one version of a package to the next: the format of the
/// bundle's `changes.json` (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    /// `version` of the old package's `datapackage.json`, when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_version: Option<String>,
    /// `created` of the old package's `datapackage.json`, as written there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_created: Option<String>,
    /// Every county with at least one change, by code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counties: Vec<CountyCount>,
    #[serde(default, skip_serializing_if = "TableChanges::is_empty")]
    pub stations: TableChanges,
    #[serde(default, skip_serializing_if = "TableChanges::is_empty")]
    pub villages: TableChanges,
}

/// The changes to one resource, each list sorted by key (station id, village code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableChanges {
    /// Rows only the new version has, as the new version has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<Row>,
    /// Rows only the old version has, as the old version had them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Row>,
    /// Rows in both whose written text differs in at least one field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<Changed>,
}

/// A whole row that was added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The station's `id` or the village's `code`.
    pub key: String,
    pub name: String,
    /// The county it stands in, from its code; the site filters by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<Code>,
    /// The non-empty fields, as written, in the order of the CSV header.
    pub cells: Vec<(String, String)>,
}

impl Row {
    /// The text of a field, `""` when empty.
    pub fn get(&self, field: &str) -> &str {
        self.cells
            .iter()
            .find(|(f, _)| f == field)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A row in both versions, with the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changed {
    pub key: String,
    /// The new name (a rename is also among `fields`).
    pub name: String,
    /// The county it stands in now: a station moved to another county is counted under the new
    /// one, and its `admin_code` change says where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<Code>,
    /// Schema columns in schema order, then the publisher's own columns.
    pub fields: Vec<FieldChange>,
}

/// One field whose written text differs. Serialized as `[field, old, new]` to keep
/// `changes.json` small; `""` is an empty field (or a column the version does not have).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(String, String, String)", into = "(String, String, String)")]
pub struct FieldChange {
    /// The column's name in the package's CSV.
    pub field: String,
    pub old: String,
    pub new: String,
}

impl From<(String, String, String)> for FieldChange {
    fn from((field, old, new): (String, String, String)) -> FieldChange {
        FieldChange { field, old, new }
    }
}

impl From<FieldChange> for (String, String, String) {
    fn from(c: FieldChange) -> (String, String, String) {
        (c.field, c.old, c.new)
    }
}

/// How many rows of one resource were added, removed and changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    #[serde(default, skip_serializing_if = "crate::is_zero")]
    pub added: u32,
    #[serde(default, skip_serializing_if = "crate::is_zero")]
    pub removed: u32,
    #[serde(default, skip_serializing_if = "crate::is_zero")]
    pub changed: u32,
}

/// One county's counts: what the site shows as "阳城县: 3 added, 1 removed, 12 changed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountyCount {
    pub code: Code,
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub stations: Counts,
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub villages: Counts,
}

impl CountyCount {
    /// Stations and villages together.
    pub fn total(&self) -> Counts {
        self.stations.plus(self.villages)
    }
}

/// Compares two versions of a package. Rows are matched by station `id` and village `code`;
/// where a key occurs twice in one version (possible only in a dataset built in code, since the
/// reader drops duplicates), the first row counts, as in the dataset's lookups.
pub fn diff(old: &Dataset, new: &Dataset) -> Changes {
    let stations = diff_table(&old.stations, &new.stations, station_key, station_county);
    let villages = diff_table(&old.villages, &new.villages, village_key, village_county);

    let mut counties: BTreeMap<Code, CountyCount> = BTreeMap::new();
    let mut tally = |table: &TableChanges, pick: fn(&mut CountyCount) -> &mut Counts| {
        let mut bump = |county: &Option<Code>, which: fn(&mut Counts) -> &mut u32| {
            if let Some(code) = county {
                let entry = counties.entry(code.clone()).or_insert_with(|| CountyCount {
                    code: code.clone(),
                    stations: Counts::default(),
                    villages: Counts::default(),
                });
                *which(pick(entry)) += 1;
            }
        };
        for r in &table.added {
            bump(&r.county, |c| &mut c.added);
        }
        for r in &table.removed {
            bump(&r.county, |c| &mut c.removed);
        }
        for r in &table.changed {
            bump(&r.county, |c| &mut c.changed);
        }
    };
    tally(&stations, |c| &mut c.stations);
    tally(&villages, |c| &mut c.villages);

    let info = |ds: &Dataset| {
        ds.descriptor
            .as_ref()
            .map_or((None, None), |d| (d.version.clone(), d.created.clone()))
    };
    let (old_version, old_created) = info(old);
    let (new_version, new_created) = info(new);
    Changes {
        old_version,
        old_created,
        new_version,
        new_created,
        counties: counties.into_values().collect(),
        stations,
        villages,
    }
}

fn station_key(s: &Station) -> (&str, &str) {
    (&s.id, &s.name)
}

fn station_county(s: &Station) -> Option<Code> {
    s.county_code()
}

fn village_key(v: &Village) -> (&str, &str) {
    (v.code.as_str(), &v.name)
}

fn village_county(v: &Village) -> Option<Code> {
    v.county_code()
}

/// The changes to one resource: a merge of the two versions' rows sorted by key.
fn diff_table<T: ToRow + PartialEq>(
    old: &[T],
    new: &[T],
    key: fn(&T) -> (&str, &str),
    county: fn(&T) -> Option<Code>,
) -> TableChanges {
    fn by_key<T>(rows: &[T], key: fn(&T) -> (&str, &str)) -> BTreeMap<&str, &T> {
        let mut map = BTreeMap::new();
        for r in rows {
            map.entry(key(r).0).or_insert(r);
        }
        map
    }
    let old_rows = by_key(old, key);
    let new_rows = by_key(new, key);
    let row = |r: &T| {
        let (k, name) = key(r);
        Row {
            key: k.to_string(),
            name: name.to_string(),
            county: county(r),
            cells: cells(r)
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        }
    };

    let mut out = TableChanges::default();
    for (k, n) in &new_rows {
        match old_rows.get(k) {
            None => out.added.push(row(n)),
            // Equal values write equal text, so only rows that differ need writing out.
            Some(o) if *o == *n => {}
            Some(o) => {
                let fields = field_changes(*o, *n);
                if !fields.is_empty() {
                    out.changed.push(Changed {
                        key: k.to_string(),
                        name: key(n).1.to_string(),
                        county: county(n),
                        fields,
                    });
                }
            }
        }
    }
    for (k, o) in &old_rows {
        if !new_rows.contains_key(k) {
            out.removed.push(row(o));
        }
    }
    out
}

/// A row's fields as the writer writes them: the schema columns, then its own columns.
fn cells<T: ToRow>(row: &T) -> Vec<(String, String)> {
    T::SPEC
        .fields
        .iter()
        .map(|f| f.name.to_string())
        .zip(row.cells())
        .chain(row.extra().iter().cloned())
        .collect()
}

/// The publisher's own columns keyed by (name, occurrence), since a column can repeat: the n-th
/// `note` of the old row is compared with the n-th `note` of the new one, as the writer pairs
/// them with the header.
fn numbered(extra: &[(String, String)]) -> Vec<((&str, usize), &str)> {
    let mut out: Vec<((&str, usize), &str)> = Vec::with_capacity(extra.len());
    for (name, value) in extra {
        let nth = out.iter().filter(|((n, _), _)| n == name).count();
        out.push(((name.as_str(), nth), value.as_str()));
    }
    out
}

/// The value of the column `k` in a `numbered` list, `""` when the row has no such column.
fn find<'a>(list: &[((&str, usize), &'a str)], k: (&str, usize)) -> &'a str {
    list.iter().find(|(x, _)| *x == k).map_or("", |(_, v)| *v)
}

fn field_changes<T: ToRow>(old: &T, new: &T) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |field: &str, o: &str, n: &str| {
        if o != n {
            out.push(FieldChange {
                field: field.to_string(),
                old: o.to_string(),
                new: n.to_string(),
            });
        }
    };
    for ((spec, o), n) in T::SPEC.fields.iter().zip(old.cells()).zip(new.cells()) {
        push(spec.name, &o, &n);
    }
    let (old_extra, new_extra) = (numbered(old.extra()), numbered(new.extra()));
    // Columns the new row has, in its order; then those only the old row had.
    for (k, n) in &new_extra {
        push(k.0, find(&old_extra, *k), n);
    }
    for (k, o) in &old_extra {
        if !new_extra.iter().any(|(x, _)| x == k) {
            push(k.0, o, "");
        }
    }
    out
}

impl TableChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    pub fn counts(&self) -> Counts {
        Counts {
            added: self.added.len() as u32,
            removed: self.removed.len() as u32,
            changed: self.changed.len() as u32,
        }
    }
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }

    pub fn plus(self, other: Counts) -> Counts {
        Counts {
            added: self.added + other.added,
            removed: self.removed + other.removed,
            changed: self.changed + other.changed,
        }
    }

    /// "3 added, 1 removed, 12 changed" / "新增 3，删除 1，变更 12".
    pub fn describe(&self, lang: Lang) -> String {
        let Counts {
            added,
            removed,
            changed,
        } = self;
        msg!(lang, "changes-counts", {
            "added" => *added, "removed" => *removed, "changed" => *changed
        })
    }
}

/// A value for a line of text: a quoted newline (an address, say) would break the report's lines.
fn one_line(value: &str) -> String {
    value.replace("\r\n", "\n").replace(['\n', '\r'], "↵")
}

impl FieldChange {
    /// `status: “operating” → “closed”` / `status：“operating”→“closed”`; an empty side reads
    /// "(empty)" / "（空）".
    pub fn describe(&self, lang: Lang) -> String {
        let side = |v: &str| match v.is_empty() {
            true => msg!(lang, "changes-empty-value"),
            false => format!("“{}”", one_line(v)),
        };
        let (old, new) = (side(&self.old), side(&self.new));
        msg!(lang, "changes-field", { "field" => &self.field, "old" => old, "new" => new })
    }
}

impl Changes {
    /// True when no station or village was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.stations.is_empty() && self.villages.is_empty()
    }

    /// "Old: version 0.1.0, created 2025-01-15" and the like, for the report's first lines.
    pub fn describe_versions(&self, lang: Lang) -> [String; 2] {
        let label = |version: &Option<String>, created: &Option<String>, old: bool| {
            let version = match version {
                Some(v) => msg!(lang, "changes-version", { "v" => v }),
                None => msg!(lang, "changes-version-unknown"),
            };
            let created = match created {
                Some(c) => msg!(lang, "changes-created", { "date" => c }),
                None => String::new(),
            };
            match old {
                true => msg!(lang, "changes-old", { "version" => version, "created" => created }),
                false => msg!(lang, "changes-new", { "version" => version, "created" => created }),
            }
        };
        [
            label(&self.old_version, &self.old_created, true),
            label(&self.new_version, &self.new_created, false),
        ]
    }

    /// The whole report as text, for the CLI: the versions, the counts (overall, then per county),
    /// then every station and village with its fields — all of them for an added or removed row,
    /// the ones that differ for a changed row. `county_name` names a county code (from either
    /// version's divisions); without a name the code alone is shown.
    pub fn report(&self, lang: Lang, county_name: &dyn Fn(&Code) -> Option<String>) -> String {
        let mut out = String::new();
        let mut line = |indent: usize, text: &str| {
            out.push_str(&"  ".repeat(indent));
            out.push_str(text);
            out.push('\n');
        };
        let sep = msg!(lang, "changes-sep");
        for v in self.describe_versions(lang) {
            line(0, &v);
        }
        let (stations, villages) = (
            msg!(lang, "changes-stations"),
            msg!(lang, "changes-villages"),
        );
        line(
            0,
            &format!("{stations}{sep}{}", self.stations.counts().describe(lang)),
        );
        line(
            0,
            &format!("{villages}{sep}{}", self.villages.counts().describe(lang)),
        );
        if self.is_empty() {
            line(0, &msg!(lang, "changes-none"));
            return out;
        }
        let county_label = |code: &Code| match county_name(code) {
            Some(name) => msg!(lang, "changes-county", { "name" => name, "code" => code.as_str() }),
            None => code.to_string(),
        };
        line(0, &msg!(lang, "changes-by-county"));
        for c in &self.counties {
            let part = |label: &str, counts: &Counts| {
                (!counts.is_empty()).then(|| format!("{label} {}", counts.describe(lang)))
            };
            let parts: Vec<String> = [
                part(&stations.to_lowercase(), &c.stations),
                part(&villages.to_lowercase(), &c.villages),
            ]
            .into_iter()
            .flatten()
            .collect();
            let join = msg!(lang, "changes-join");
            line(
                1,
                &format!("{}{sep}{}", county_label(&c.code), parts.join(&join)),
            );
        }

        let heading = |key: &str, name: &str, county: &Option<Code>| {
            let place = county.as_ref().map(|c| {
                let place = county_name(c).unwrap_or_else(|| c.to_string());
                msg!(lang, "changes-place", { "place" => place })
            });
            format!("{key} {name}{}", place.unwrap_or_default())
        };
        for (table, which) in [(&self.stations, &stations), (&self.villages, &villages)] {
            if !table.added.is_empty() {
                line(0, &msg!(lang, "changes-added", { "which" => which }));
                for r in &table.added {
                    line(1, &heading(&r.key, &r.name, &r.county));
                    for (f, v) in &r.cells {
                        line(2, &format!("{f}{sep}{}", one_line(v)));
                    }
                }
            }
            if !table.removed.is_empty() {
                line(0, &msg!(lang, "changes-removed", { "which" => which }));
                for r in &table.removed {
                    line(1, &heading(&r.key, &r.name, &r.county));
                    for (f, v) in &r.cells {
                        line(2, &format!("{f}{sep}{}", one_line(v)));
                    }
                }
            }
            if !table.changed.is_empty() {
                line(0, &msg!(lang, "changes-changed", { "which" => which }));
                for c in &table.changed {
                    line(1, &heading(&c.key, &c.name, &c.county));
                    for f in &c.fields {
                        line(2, &f.describe(lang));
                    }
                }
            }
        }
        out
    }

    /// Parses `changes.json`.
    pub fn parse(text: &str) -> Result<Changes, serde_json::Error> {
        serde_json::from_str(text)
    }
}
