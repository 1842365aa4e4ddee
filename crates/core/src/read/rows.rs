//! Rows to domain values: the [`FromRow`] trait, and reading a whole table with it, in pieces on
//! every core when the file is large.

use super::fields::Fields;
use super::records::{scan, scan_quoting, Columns, RawRow, BOM};
use crate::model::{Authority, ComplaintStat, Division, Station, Target, Village};
use crate::package::ResourceSpec;
use crate::par::each;
use crate::problem::Problem;

/// A domain type read from one row of a resource.
pub trait FromRow: Sized + Send {
    const SPEC: ResourceSpec;
    /// Builds the value, reporting through `f` whatever is wrong. Returning `None` without an
    /// error reported is a bug; a value returned alongside an error is discarded.
    fn from_fields(f: &mut Fields<'_>) -> Option<Self>;
}

/// The rows of one resource that passed, the line each came from, and the problems.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows<T> {
    pub items: Vec<T>,
    /// Source line of each item, parallel to `items`.
    pub lines: Vec<u64>,
    pub problems: Vec<Problem>,
}

/// Reads one CSV resource with a conversion from parsed fields; rows with an error are left out.
/// Stable, so that problems on one line keep the order they were found in.
pub(super) fn sort_by_line(problems: &mut [Problem]) {
    crate::sort::sort_by_key(problems, |p| p.line);
}

pub fn read_resource<T: Send>(
    spec: &ResourceSpec,
    file: &str,
    bytes: &[u8],
    convert: fn(&mut Fields<'_>) -> Option<T>,
) -> Rows<T> {
    if cfg!(feature = "parallel") && bytes.len() >= 2 * PIECE_BYTES {
        if let Some(rows) = read_in_pieces(spec, file, bytes, convert, PIECE_BYTES) {
            return rows;
        }
    }
    read_piece(spec, file, bytes, None, 0, convert).1
}

/// The size of the pieces a large file is read in, on every core, with the `parallel` feature.
pub(super) const PIECE_BYTES: usize = 4 << 20;

/// Reads a file, or a piece of one that starts on a line of its own (`header` and `lines_before`
/// as for [`scan`]). Returns the header's columns with the rows.
pub(super) fn read_piece<T>(
    spec: &ResourceSpec,
    file: &str,
    bytes: &[u8],
    header: Option<&Columns>,
    lines_before: u64,
    convert: fn(&mut Fields<'_>) -> Option<T>,
) -> (Option<Columns>, Rows<T>) {
    let mut items = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let mut row_problems = Vec::new();
    let on_row = |columns: &Columns, line, values: &[&str]| {
        let (item, mut found) = convert_values(spec, file, columns, line, values, convert);
        row_problems.append(&mut found);
        if let Some(item) = item {
            items.push(item);
            lines.push(line);
        }
    };
    let columns = scan(
        spec,
        file,
        bytes,
        header,
        lines_before,
        &mut problems,
        on_row,
    );
    // Rows are converted as the file is walked, so their problems arrive after the file-level
    // ones found on the way; putting them back in line order reads better.
    problems.append(&mut row_problems);
    sort_by_line(&mut problems);
    let rows = Rows {
        items,
        lines,
        problems,
    };
    (columns, rows)
}

/// Reads a file in pieces of about `piece` bytes split at line breaks, each on a core of its own
/// where there are several, with the same rows, lines and problems as reading it whole.
///
/// That holds only when every record is one line: a line break inside a quoted field (or an
/// unclosed quote) would put a piece's start in the middle of a record. Those files, and those
/// that do not start with their header on the first line, give `None`, to be read whole.
pub fn read_in_pieces<T: Send>(
    spec: &ResourceSpec,
    file: &str,
    bytes: &[u8],
    convert: fn(&mut Fields<'_>) -> Option<T>,
    piece: usize,
) -> Option<Rows<T>> {
    let data = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if matches!(data.first(), None | Some(b'\n' | b'\r')) {
        return None;
    }
    let header_end = memchr::memchr(b'\n', data)? + 1;
    let mut pieces = Vec::new();
    let mut start = header_end;
    while start < data.len() {
        let end = match memchr::memchr(b'\n', data.get(start + piece..).unwrap_or_default()) {
            Some(i) => start + piece + i + 1,
            None => data.len(),
        };
        pieces.push(&data[start..end]);
        start = end;
    }
    let whole = [&data[..header_end]]
        .into_iter()
        .chain(pieces.iter().copied());
    let checks: Vec<bool> = each(&whole.collect::<Vec<_>>(), |p| lines_self_contained(p));
    if checks.contains(&false) {
        return None;
    }
    let (columns, mut rows) = read_piece(spec, file, &data[..header_end], None, 0, convert);
    let Some(columns) = columns else {
        // The header is missing a column: the file has no rows to read.
        return Some(rows);
    };
    let breaks = each(&pieces, |p| memchr::memchr_iter(b'\n', p).count() as u64);
    let mut before = 1;
    let starts: Vec<(&[u8], u64)> = pieces
        .iter()
        .zip(breaks)
        .map(|(p, n)| {
            let at = (*p, before);
            before += n;
            at
        })
        .collect();
    let parts = each(&starts, |(p, before)| {
        read_piece(spec, file, p, Some(&columns), *before, convert).1
    });
    for part in parts {
        rows.items.extend(part.items);
        rows.lines.extend(part.lines);
        rows.problems.extend(part.problems);
    }
    Some(rows)
}

/// Whether no line break in `text` falls inside a quoted field, so that every line is a record
/// of its own (or a blank line). Only the lines that hold a quote need the walk by field.
pub(super) fn lines_self_contained(text: &[u8]) -> bool {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'"', &text[from..]) {
        let quote = from + i;
        let start = memchr::memrchr(b'\n', &text[..quote]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &text[quote..]).map_or(text.len(), |i| quote + i);
        if scan_quoting(&text[start..end]).unclosed {
            return false;
        }
        from = end;
    }
    true
}

/// One row through the conversion: the value, unless a problem ruled it out, and the problems.
pub(super) fn convert_values<T>(
    spec: &ResourceSpec,
    file: &str,
    columns: &Columns,
    line: u64,
    values: &[&str],
    convert: fn(&mut Fields<'_>) -> Option<T>,
) -> (Option<T>, Vec<Problem>) {
    let mut fields = Fields::parse(spec, file, columns, line, values);
    let item = convert(&mut fields);
    let dropped = fields.has_errors();
    debug_assert!(
        item.is_some() || dropped,
        "{file} line {line}: row left out without a problem"
    );
    (item.filter(|_| !dropped), fields.problems)
}

/// Converts one raw row (from [`read_rows`]) into its domain type.
pub fn convert_row<T: FromRow>(file: &str, row: &RawRow) -> (Option<T>, Vec<Problem>) {
    let columns = Columns::new(
        &T::SPEC,
        row.values.iter().map(|(n, _)| n.clone()).collect(),
    );
    let values: Vec<&str> = row.values.iter().map(|(_, v)| v.as_str()).collect();
    convert_values(&T::SPEC, file, &columns, row.line, &values, T::from_fields)
}

/// Reads one CSV resource into its domain type.
pub fn read_table<T: FromRow>(file: &str, bytes: &[u8]) -> Rows<T> {
    read_resource(&T::SPEC, file, bytes, T::from_fields)
}

pub fn read_divisions(file: &str, bytes: &[u8]) -> (Vec<Division>, Vec<Problem>) {
    let rows = read_table(file, bytes);
    (rows.items, rows.problems)
}

pub fn read_stations(file: &str, bytes: &[u8]) -> (Vec<Station>, Vec<Problem>) {
    let rows = read_table(file, bytes);
    (rows.items, rows.problems)
}

pub fn read_villages(file: &str, bytes: &[u8]) -> (Vec<Village>, Vec<Problem>) {
    let rows = read_table(file, bytes);
    (rows.items, rows.problems)
}

pub fn read_targets(file: &str, bytes: &[u8]) -> (Vec<Target>, Vec<Problem>) {
    let rows = read_table(file, bytes);
    (rows.items, rows.problems)
}

pub fn read_authorities(file: &str, bytes: &[u8]) -> (Vec<Authority>, Vec<Problem>) {
    let rows = read_table(file, bytes);
    (rows.items, rows.problems)
}

pub fn read_complaint_stats(file: &str, bytes: &[u8]) -> (Vec<ComplaintStat>, Vec<Problem>) {
    let rows = read_table(file, bytes);
    (rows.items, rows.problems)
}
