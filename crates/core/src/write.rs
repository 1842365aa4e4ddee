//! Writing domain values back to CSV, the inverse of `read`: the CLI's build writes county chunks
//! with it and the demo generator writes the package with it, so whatever is written reads back
//! to the same values (`read(write(x)) == x`).
//!
//! The header is the schema's columns in schema order, then every `extra` column any row has, in
//! the order first met, so a publisher's own columns survive a round trip through the tools.

use crate::cell::{CellRef, PlainColumns};
use crate::model::{Authority, ComplaintStat, Division, Station, Target, Village, Word};
use crate::package::{self, ResourceSpec};
use chrono::NaiveDate;

/// A domain type written as one row of a resource.
pub trait ToRow {
    const SPEC: ResourceSpec;
    /// The schema columns' text, in `SPEC.fields` order; empty for `None`.
    fn cells(&self) -> Vec<String>;
    /// The columns the schema does not know, as read.
    fn extra(&self) -> &[(String, String)];
}

/// Rows held by reference write as the rows themselves (a county's stations picked out of the
/// dataset without copying them).
impl<T: ToRow> ToRow for &T {
    const SPEC: ResourceSpec = T::SPEC;
    fn cells(&self) -> Vec<String> {
        (**self).cells()
    }
    fn extra(&self) -> &[(String, String)] {
        (**self).extra()
    }
}

/// Writes rows as CSV: UTF-8 without a BOM, `\n` line ends, quotes only where needed.
pub fn write_resource<T: ToRow>(rows: &[T]) -> Vec<u8> {
    write_rows(rows, rows.iter(), Vec::new())
}

/// Writes the rows at `indices` (in that order, unknown ones skipped) with the header the whole
/// of `all` would have, so a selection (the rows a table shows) reads like the package's own
/// file. `prefix` goes first: a BOM, for a download meant for Excel.
pub fn write_selected<T: ToRow>(all: &[T], indices: &[usize], prefix: &[u8]) -> Vec<u8> {
    write_rows(
        all,
        indices.iter().filter_map(|&i| all.get(i)),
        prefix.to_vec(),
    )
}

/// The header's extra columns: every `extra` name of `all`, in the order first met.
fn extra_names<T: ToRow>(all: &[T]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for row in all {
        for (name, _) in row.extra() {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
    }
    names
}

/// The header of `all` as written: the schema's columns, then the extra ones.
pub fn header<T: ToRow>(all: &[T]) -> Vec<&str> {
    T::SPEC
        .header()
        .into_iter()
        .chain(extra_names(all))
        .collect()
}

/// One row's cells under `header`: the schema's, then the extra columns matched by name.
pub fn row_cells<T: ToRow>(row: &T, extra_names: &[&str]) -> Vec<String> {
    let mut cells = row.cells();
    debug_assert_eq!(cells.len(), T::SPEC.fields.len());
    let extra = row.extra();
    // A name can occur twice in `extra` (a repeated column); each occurrence is matched to
    // its own header column by counting.
    let mut used = vec![false; extra.len()];
    for name in extra_names {
        let found = extra
            .iter()
            .enumerate()
            .find(|(i, (n, _))| !used[*i] && n == name);
        cells.push(match found {
            Some((i, (_, v))) => {
                used[i] = true;
                v.clone()
            }
            None => String::new(),
        });
    }
    cells
}

fn write_rows<'a, T: ToRow + 'a>(
    all: &[T],
    rows: impl Iterator<Item = &'a T>,
    prefix: Vec<u8>,
) -> Vec<u8> {
    let header = header(all);
    let extra_names = &header[T::SPEC.fields.len()..];
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(prefix);
    writer
        .write_record(&header)
        .expect("writing to memory cannot fail");
    for row in rows {
        writer
            .write_record(row_cells(row, extra_names))
            .expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}

pub fn write_divisions(divisions: &[Division]) -> Vec<u8> {
    write_resource(divisions)
}

pub fn write_stations(stations: &[Station]) -> Vec<u8> {
    write_resource(stations)
}

pub fn write_villages(villages: &[Village]) -> Vec<u8> {
    write_resource(villages)
}

pub fn write_targets(targets: &[Target]) -> Vec<u8> {
    write_resource(targets)
}

pub fn write_authorities(authorities: &[Authority]) -> Vec<u8> {
    write_resource(authorities)
}

pub fn write_complaint_stats(stats: &[ComplaintStat]) -> Vec<u8> {
    write_resource(stats)
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

fn word<W: Word>(w: Option<W>) -> String {
    w.map(|w| w.word().to_string()).unwrap_or_default()
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

impl ToRow for Division {
    const SPEC: ResourceSpec = package::DIVISIONS;
    fn cells(&self) -> Vec<String> {
        vec![self.code.to_string(), self.name.clone()]
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
}

impl ToRow for Station {
    const SPEC: ResourceSpec = package::STATIONS;
    fn cells(&self) -> Vec<String> {
        cells_with_plain(self, |s, column| match column {
            "id" => s.id.clone(),
            "tier" => s.tier.word().to_string(),
            "name" => s.name.clone(),
            "admin_code" => s.admin_code.to_string(),
            "lon" => s.lon.to_string(),
            "lat" => s.lat.to_string(),
            "operator" => s.operator.clone(),
            "brands" => s.brands.join(";"),
            "model" => word(s.model),
            "services" => s
                .services
                .iter()
                .map(|s| s.word())
                .collect::<Vec<_>>()
                .join(";"),
            "pickup_fee" => opt(&s.pickup_fee),
            "status" => s.status.word().to_string(),
            other => unreachable!("stations.csv: {other} is neither plain nor written by a rule"),
        })
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
}

impl ToRow for Village {
    const SPEC: ResourceSpec = package::VILLAGES;
    fn cells(&self) -> Vec<String> {
        cells_with_plain(self, |v, column| match column {
            "code" => v.code.to_string(),
            "name" => v.name.clone(),
            "township_code" => v.township_code.to_string(),
            "kind" => word(v.kind),
            "population" => opt(&v.population),
            "lon" => opt(&v.lon),
            "lat" => opt(&v.lat),
            "deliveries_per_week" => opt(&v.deliveries_per_week),
            "pickups_per_week" => opt(&v.pickups_per_week),
            "delivery_mode" => word(v.delivery_mode),
            other => unreachable!("villages.csv: {other} is neither plain nor written by a rule"),
        })
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
}

/// A row's schema cells in schema order: a plain column's as `cell` writes it, every other
/// column's by `own`, the type's rule for it.
fn cells_with_plain<T: ToRow + PlainColumns>(
    row: &T,
    own: impl Fn(&T, &str) -> String,
) -> Vec<String> {
    T::SPEC
        .fields
        .iter()
        .map(|f| match row.plain(f.name) {
            Some(cell) => cell.map(CellRef::to_text).unwrap_or_default(),
            None => own(row, f.name),
        })
        .collect()
}

impl ToRow for Target {
    const SPEC: ResourceSpec = package::TARGETS;
    fn cells(&self) -> Vec<String> {
        vec![
            self.jurisdiction_code.to_string(),
            self.indicator.word().to_string(),
            self.target.to_string(),
            date(Some(self.deadline)),
            self.doc_no.clone(),
            self.doc_title.clone(),
            self.issued_by.clone(),
            date(self.issued_on),
            opt(&self.note),
        ]
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
}

impl ToRow for Authority {
    const SPEC: ResourceSpec = package::AUTHORITIES;
    fn cells(&self) -> Vec<String> {
        vec![
            self.jurisdiction_code.to_string(),
            self.name.clone(),
            opt(&self.phone),
            opt(&self.email),
            opt(&self.website),
            opt(&self.address),
            opt(&self.open311_endpoint),
            opt(&self.office_hours),
            opt(&self.open311_jurisdiction_id),
            opt(&self.open311_api_key),
            opt(&self.open311_service_codes),
        ]
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
}

impl ToRow for ComplaintStat {
    const SPEC: ResourceSpec = package::COMPLAINT_STATS;
    fn cells(&self) -> Vec<String> {
        vec![
            self.jurisdiction_code.to_string(),
            self.month.to_string(),
            self.category.word().to_string(),
            self.received.to_string(),
            opt(&self.resolved),
            opt(&self.source),
        ]
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
}
