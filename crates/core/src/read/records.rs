//! The CSV layer: bytes become rows of trimmed text under a header ([`RawRow`]), with the
//! byte-order mark, blank lines and broken quoting (caught and recovered from) dealt with. It knows
//! CSV and nothing of the schema beyond which columns are required.

use crate::package::{self, ResourceSpec};
use crate::problem::{Problem, ProblemKind};
use std::borrow::Cow;

/// One data row as found: each header name with its trimmed value, in header order. Columns the
/// schema does not know are here too; they end up in the domain value's `extra`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// 1-based line where the row starts (the header is line 1).
    pub line: u64,
    pub values: Vec<(String, String)>,
}

impl RawRow {
    /// The value of the first column with this name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where each schema column sits in a file's header, worked out once per file rather than
/// looked up by name in every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub(super) header: Vec<String>,
    /// For each field of the spec, its index in the header (the first, if repeated).
    pub(super) fields: Vec<Option<usize>>,
    /// Header indexes the schema does not know, or that repeat a known column, in header order.
    pub(super) extra: Vec<usize>,
}

impl Columns {
    pub fn new(spec: &ResourceSpec, header: Vec<String>) -> Columns {
        let fields: Vec<Option<usize>> = spec
            .fields
            .iter()
            .map(|f| {
                header
                    .iter()
                    .position(|h| h == f.name)
                    .or_else(|| header.iter().position(|h| package::header_names(f.name, h)))
            })
            .collect();
        let extra = (0..header.len())
            .filter(|i| !fields.contains(&Some(*i)))
            .collect();
        // A column found by an alias goes by its own name from here on.
        let mut header = header;
        for (f, i) in spec.fields.iter().zip(&fields) {
            if let Some(i) = i {
                header[*i] = f.name.to_string();
            }
        }
        Columns {
            header,
            fields,
            extra,
        }
    }

    pub fn header(&self) -> &[String] {
        &self.header
    }
}

/// Splits a CSV file into raw rows, checking the header against the resource's required columns.
/// The readers below do the same without building a `RawRow` per row; this is for callers who
/// want the rows as found, before any schema type is applied.
pub fn read_rows(spec: &ResourceSpec, file: &str, bytes: &[u8]) -> (Vec<RawRow>, Vec<Problem>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    scan(
        spec,
        file,
        bytes,
        None,
        0,
        &mut problems,
        |columns, line, values| {
            rows.push(RawRow {
                line,
                values: columns
                    .header
                    .iter()
                    .cloned()
                    .zip(values.iter().map(|v| v.to_string()))
                    .collect(),
            })
        },
    );
    (rows, problems)
}

/// Walks a CSV file, handing each well-formed data row to `on_row` with its line.
///
/// A missing required column makes every row meaningless, so it yields one `MissingColumn` per
/// absent column and no rows. A row with the wrong number of fields is reported and left out.
///
/// Broken quoting needs care: when a quote is never closed, the `csv` crate reads the rest of the
/// file into one field, so a single stray `"` would silently swallow every row after it. A record
/// is treated as broken when it ends inside an open quote, or when it spans several lines and has
/// the wrong number of fields or a closing quote followed by text (a record spanning lines that
/// passes both is a legitimate quoted newline, e.g. in an address). It is reported at the line
/// where it started, and reading starts again on the next line with the same header, so the rows
/// after it are kept.
///
/// `header` and `lines_before` are for a piece of a file (see [`read_in_pieces`]): the columns
/// the file's header gave, and the number of lines before the piece. Returns the columns.
pub(super) fn scan(
    spec: &ResourceSpec,
    file: &str,
    bytes: &[u8],
    header: Option<&Columns>,
    lines_before: u64,
    problems: &mut Vec<Problem>,
    mut on_row: impl FnMut(&Columns, u64, &[&str]),
) -> Option<Columns> {
    let data = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut columns: Option<Columns> = header.cloned();
    // Where the current reader starts, and the number of lines before that point.
    let mut offset = 0usize;
    let mut line_base = lines_before;
    'segments: loop {
        let segment = &data[offset..];
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(segment);
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break 'segments,
                // Reading from memory with flexible records leaves little that can fail; whatever
                // does is treated as broken quoting at the reader's position and skipped past.
                Err(_) => {
                    let pos = reader.position();
                    let line = line_base + pos.line();
                    problems.push(Problem::error(
                        file,
                        Some(line),
                        None,
                        ProblemKind::BrokenQuoting,
                    ));
                    // Broken before the header was read: nothing after it can be read.
                    columns.as_ref()?;
                    match next_line_start(data, offset + pos.byte() as usize) {
                        Some(next) if next > offset => {
                            offset = next;
                            line_base = line;
                            continue 'segments;
                        }
                        _ => break 'segments,
                    }
                }
            }
            let pos = record.position().expect("csv records carry their position");
            let (start, seg_line) = skip_blank_lines(segment, pos.byte() as usize, pos.line());
            let end = (reader.position().byte() as usize).max(start);
            let raw = trim_terminator(&segment[start..end]);
            let line = line_base + seg_line;
            let multiline = raw.iter().any(|&b| b == b'\n' || b == b'\r');
            let quoting = scan_quoting(raw);
            // Borrowed from the record: a field is copied only when it is not valid UTF-8.
            let fields: Vec<Cow<str>> = record
                .iter()
                .map(|f| match String::from_utf8_lossy(f) {
                    Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
                    Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
                })
                .collect();

            let Some(cols) = &columns else {
                if quoting.unclosed {
                    problems.push(
                        Problem::error(file, Some(line), None, ProblemKind::BrokenQuoting)
                            .with_value(first_line(raw)),
                    );
                    return None;
                }
                let missing: Vec<_> = spec
                    .fields
                    .iter()
                    .filter(|f| {
                        f.required && !fields.iter().any(|h| package::header_names(f.name, h))
                    })
                    .map(|f| {
                        Problem::error(file, Some(line), Some(f.name), ProblemKind::MissingColumn)
                    })
                    .collect();
                if !missing.is_empty() {
                    problems.extend(missing);
                    return None;
                }
                columns = Some(Columns::new(
                    spec,
                    fields.into_iter().map(Cow::into_owned).collect(),
                ));
                continue;
            };
            // Spreadsheets export trailing rows of bare commas; a row with nothing in it says
            // nothing, so it is skipped rather than reported field by field.
            if fields.iter().all(|f| f.is_empty()) {
                continue;
            }

            let expected = cols.header.len();
            let broken =
                quoting.unclosed || (multiline && (fields.len() != expected || quoting.irregular));
            if broken {
                problems.push(
                    Problem::error(file, Some(line), None, ProblemKind::BrokenQuoting)
                        .with_value(first_line(raw)),
                );
                match next_line_start(data, offset + start) {
                    Some(next) => {
                        offset = next;
                        line_base = line;
                        continue 'segments;
                    }
                    None => break 'segments,
                }
            }
            if fields.len() != expected {
                problems.push(
                    Problem::error(
                        file,
                        Some(line),
                        None,
                        ProblemKind::FieldCount {
                            expected,
                            found: fields.len(),
                        },
                    )
                    .with_value(first_line(raw)),
                );
                continue;
            }
            let values: Vec<&str> = fields.iter().map(|f| f.as_ref()).collect();
            on_row(cols, line, &values);
        }
    }
    if columns.is_none() {
        // An empty file has no header at all: every required column is missing.
        problems.extend(
            spec.fields
                .iter()
                .filter(|f| f.required)
                .map(|f| Problem::error(file, Some(1), Some(f.name), ProblemKind::MissingColumn)),
        );
    }
    columns
}

/// The byte just after the next `\n` at or after `from`.
pub(super) fn next_line_start(data: &[u8], from: usize) -> Option<usize> {
    let i = data.get(from..)?.iter().position(|&b| b == b'\n')?;
    Some(from + i + 1).filter(|&n| n < data.len())
}

/// The csv reader gives a record the position where the previous one ended, which is before any
/// empty lines it skips; step over them so the line is where the record's text begins.
pub(super) fn skip_blank_lines(segment: &[u8], mut byte: usize, mut line: u64) -> (usize, u64) {
    while let Some(&b) = segment.get(byte) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
        byte += 1;
    }
    (byte, line)
}

pub(super) fn trim_terminator(mut raw: &[u8]) -> &[u8] {
    while let [rest @ .., b'\n' | b'\r'] = raw {
        raw = rest;
    }
    raw
}

pub(super) fn first_line(raw: &[u8]) -> &str {
    let end = raw
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(raw.len());
    std::str::from_utf8(&raw[..end]).unwrap_or("")
}

/// What a record's quoting looks like, following the same rules as `csv-core`: a quote opens a
/// field only as its first byte, `""` inside quotes is an escaped quote, and a closing quote
/// followed by other text turns the rest of the field into plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Quoting {
    /// The text ends inside an open quote: the quote was never closed.
    pub(super) unclosed: bool,
    /// A closing quote is followed by text (`"abc"def`). `csv` tolerates it, but across lines it
    /// is the mark of two stray quotes pairing up with each other over the rows between them.
    pub(super) irregular: bool,
}

pub(super) fn scan_quoting(raw: &[u8]) -> Quoting {
    // Most records have no quote at all: one fast search instead of a walk byte by byte.
    if memchr::memchr(b'"', raw).is_none() {
        return Quoting::default();
    }
    #[derive(PartialEq)]
    enum S {
        FieldStart,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let mut s = S::FieldStart;
    let mut irregular = false;
    for &b in raw {
        s = match (s, b) {
            (S::FieldStart | S::Plain | S::QuoteInQuoted, b',') => S::FieldStart,
            (S::FieldStart, b'"') => S::Quoted,
            (S::FieldStart, b'\n' | b'\r') => S::FieldStart,
            (S::Quoted, b'"') => S::QuoteInQuoted,
            (S::Quoted, _) => S::Quoted,
            (S::QuoteInQuoted, b'"') => S::Quoted,
            (S::QuoteInQuoted, b'\n' | b'\r') => S::FieldStart,
            (S::QuoteInQuoted, _) => {
                irregular = true;
                S::Plain
            }
            (S::FieldStart | S::Plain, _) => S::Plain,
        };
    }
    Quoting {
        unclosed: s == S::Quoted,
        irregular,
    }
}
