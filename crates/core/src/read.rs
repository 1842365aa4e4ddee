//! Reading a data package into a `Dataset`: raw CSV rows become validated domain values; every
//! problem comes back with file, line and field, and every valid row is kept.
//!
//! Three layers, each knowing less than the one above it:
//!
//! 1. The CSV layer turns bytes into rows of trimmed text under a header ([`read_rows`] hands
//!    them out as [`RawRow`]s, header name → text). It knows CSV and nothing about the schema
//!    beyond which columns are required; it is where broken quoting is caught and recovered from.
//! 2. [`Fields`] parses every column of a row by its [`FieldSpec`] — one generic layer for every
//!    resource, so "not a number" or "not a date" reads the same whatever the file.
//! 3. [`FromRow`] impls build the domain type from the parsed fields and add the checks that
//!    need more than one field (tier against code level, village code against its township).
//!
//! A row with any error is left out; warnings keep it. Checks across files live in `validate`.

use crate::code::{Code, Level};
use crate::dataset::Parts;
use crate::geo::{self, BBox};
use crate::model::{
    parse_date, Authority, ComplaintStat, Crs, Division, Extra, Indicator, Month, Station, Target,
    Tier, Village, Word, MAX_DELIVERIES_PER_WEEK,
};
use crate::package::DESCRIPTOR_FILE;
use crate::package::{self, Descriptor, FieldSpec, FieldType, ResourceSpec, RESOURCES};
use crate::par::{both, each};
use crate::problem::{Problem, ProblemKind};
use chrono::NaiveDate;
use std::borrow::Cow;

/// A fee above this is a typo (a phone number in the wrong column, say), not a policy.
pub const MAX_PICKUP_FEE: f64 = 1000.0;

/// The most residents a village-level unit can plausibly have; the largest urban communities have
/// a few hundred thousand.
pub const MAX_POPULATION: i64 = 1_000_000;

/// The path of a county's outline inside a package.
pub fn boundary_path(county: &Code) -> String {
    format!("boundaries/{county}.geojson")
}

// ---------------------------------------------------------------------------------------------
// Layer 1: CSV bytes → raw rows

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

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where each schema column sits in a file's header, worked out once per file rather than
/// looked up by name in every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    header: Vec<String>,
    /// For each field of the spec, its index in the header (the first, if repeated).
    fields: Vec<Option<usize>>,
    /// Header indexes the schema does not know, or that repeat a known column, in header order.
    extra: Vec<usize>,
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
fn scan(
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
fn next_line_start(data: &[u8], from: usize) -> Option<usize> {
    let i = data.get(from..)?.iter().position(|&b| b == b'\n')?;
    Some(from + i + 1).filter(|&n| n < data.len())
}

/// The csv reader gives a record the position where the previous one ended, which is before any
/// empty lines it skips; step over them so the line is where the record's text begins.
fn skip_blank_lines(segment: &[u8], mut byte: usize, mut line: u64) -> (usize, u64) {
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

fn trim_terminator(mut raw: &[u8]) -> &[u8] {
    while let [rest @ .., b'\n' | b'\r'] = raw {
        raw = rest;
    }
    raw
}

fn first_line(raw: &[u8]) -> &str {
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
struct Quoting {
    /// The text ends inside an open quote: the quote was never closed.
    unclosed: bool,
    /// A closing quote is followed by text (`"abc"def`). `csv` tolerates it, but across lines it
    /// is the mark of two stray quotes pairing up with each other over the rows between them.
    irregular: bool,
}

fn scan_quoting(raw: &[u8]) -> Quoting {
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

// ---------------------------------------------------------------------------------------------
// Layer 2: raw text → typed values, driven by FieldSpec

/// A field's value once parsed by its type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    Date(NaiveDate),
    Month(Month),
    Code(Code),
    List(Vec<String>),
}

/// Why a field's text cannot be parsed, and the part of it at fault (for a list, the bad item).
#[derive(Debug, Clone, PartialEq)]
pub struct BadValue {
    pub kind: ProblemKind,
    pub value: String,
}

/// Parses one field's text by its spec: `Ok(None)` for an empty optional field. Also usable on
/// its own, e.g. to check a form field against the schema.
pub fn parse_value(
    resource: &ResourceSpec,
    field: &FieldSpec,
    raw: &str,
) -> Result<Option<Value>, BadValue> {
    let raw = raw.trim();
    let bad = |kind| BadValue {
        kind,
        value: raw.to_string(),
    };
    if raw.is_empty() {
        return if field.required {
            Err(bad(ProblemKind::Required))
        } else {
            Ok(None)
        };
    }
    let value = match field.ty {
        FieldType::String => {
            if let Some(words) = field.vocabulary {
                check_word(words, raw)?;
            }
            Value::Text(raw.to_string())
        }
        FieldType::Integer => Value::Integer(
            raw.parse::<i64>()
                .map_err(|_| bad(ProblemKind::NotANumber))?,
        ),
        FieldType::Number => Value::Number(
            // Rust also reads "NaN" and "inf"; neither is a coordinate or a fee.
            raw.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| bad(ProblemKind::NotANumber))?,
        ),
        FieldType::Boolean => {
            Value::Boolean(parse_bool(raw).ok_or_else(|| bad(ProblemKind::NotABoolean))?)
        }
        FieldType::Date => Value::Date(parse_date(raw).ok_or_else(|| bad(ProblemKind::BadDate))?),
        FieldType::YearMonth => {
            Value::Month(Month::parse(raw).ok_or_else(|| bad(ProblemKind::BadMonth))?)
        }
        FieldType::Code => {
            let levels = package::code_levels(resource, field.name);
            Value::Code(
                Code::parse(raw)
                    .ok()
                    .filter(|c| levels.contains(&c.level()))
                    .ok_or_else(|| {
                        bad(ProblemKind::BadCode {
                            digits: levels.iter().map(|l| l.digits() as u8).collect(),
                        })
                    })?,
            )
        }
        FieldType::List => {
            let items = split_list(raw);
            if items.is_empty() {
                return if field.required {
                    Err(bad(ProblemKind::Required))
                } else {
                    Ok(None)
                };
            }
            if let Some(words) = field.vocabulary {
                for item in &items {
                    check_word(words, item)?;
                }
            }
            Value::List(items)
        }
    };
    Ok(Some(value))
}

fn check_word(allowed: &'static [&'static str], raw: &str) -> Result<(), BadValue> {
    if allowed.contains(&raw) {
        Ok(())
    } else {
        Err(BadValue {
            kind: ProblemKind::UnknownValue {
                allowed: allowed.iter().map(|w| w.to_string()).collect(),
            },
            value: raw.to_string(),
        })
    }
}

/// Items of a `;`-list, trimmed, empty ones dropped. The full-width `；` is accepted too, since it
/// is what a Chinese input method types.
pub fn split_list(raw: &str) -> Vec<String> {
    raw.split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `true`/`false`, `1`/`0`, `yes`/`no` (any case) and `是`/`否`: what spreadsheets and people write.
pub fn parse_bool(raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "是" => Some(true),
        "false" | "0" | "no" | "否" => Some(false),
        _ => None,
    }
}

/// A row with every schema column parsed by its spec, plus the problems found so far. The typed
/// getters hand out what parsed; whatever did not is already reported.
pub struct Fields<'a> {
    spec: &'a ResourceSpec,
    file: &'a str,
    columns: &'a Columns,
    line: u64,
    values: &'a [&'a str],
    parsed: Vec<Option<Value>>,
    problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    /// Parses every column of the spec in one row (`values` in header order).
    pub fn parse(
        spec: &'a ResourceSpec,
        file: &'a str,
        columns: &'a Columns,
        line: u64,
        values: &'a [&'a str],
    ) -> Fields<'a> {
        let mut problems = Vec::new();
        let parsed = spec
            .fields
            .iter()
            .zip(&columns.fields)
            .map(|(field, col)| {
                let raw = col.and_then(|i| values.get(i)).copied().unwrap_or("");
                match parse_value(spec, field, raw) {
                    Ok(v) => v,
                    Err(bad) => {
                        problems.push(
                            Problem::error(file, Some(line), Some(field.name), bad.kind)
                                .with_value(&bad.value),
                        );
                        None
                    }
                }
            })
            .collect();
        Fields {
            spec,
            file,
            columns,
            line,
            values,
            parsed,
            problems,
        }
    }

    pub fn line(&self) -> u64 {
        self.line
    }

    fn index(&self, name: &str) -> Option<usize> {
        let i = self.spec.fields.iter().position(|f| f.name == name);
        debug_assert!(i.is_some(), "{} has no column {name}", self.spec.name);
        i
    }

    /// The trimmed text of a column as found.
    pub fn raw(&self, name: &str) -> &str {
        self.index(name)
            .and_then(|i| self.columns.fields[i])
            .and_then(|c| self.values.get(c))
            .copied()
            .unwrap_or("")
    }

    /// Reports an error on a column, quoting its text.
    pub fn error(&mut self, field: &str, kind: ProblemKind) {
        let value = self.raw(field).to_string();
        self.error_with(field, kind, &value);
    }

    /// Reports an error on a column with a value other than its own text.
    pub fn error_with(&mut self, field: &str, kind: ProblemKind, value: &str) {
        self.problems
            .push(Problem::error(self.file, Some(self.line), Some(field), kind).with_value(value));
    }

    /// Reports a warning on a column, quoting its text; the row is kept.
    pub fn warn(&mut self, field: &str, kind: ProblemKind) {
        let value = self.raw(field).to_string();
        self.problems.push(
            Problem::warning(self.file, Some(self.line), Some(field), kind).with_value(&value),
        );
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    fn value(&self, name: &str) -> Option<&Value> {
        self.parsed.get(self.index(name)?)?.as_ref()
    }

    /// Hands over a column's value: each column is read once, so texts are moved, not copied.
    fn take(&mut self, name: &str) -> Option<Value> {
        let i = self.index(name)?;
        self.parsed.get_mut(i)?.take()
    }

    /// A text column (handed over: read each column once).
    pub fn string(&mut self, name: &str) -> Option<String> {
        match self.take(name)? {
            Value::Text(s) => Some(s),
            other => unreachable!("{name} is not a string: {other:?}"),
        }
    }

    pub fn number(&self, name: &str) -> Option<f64> {
        match self.value(name)? {
            Value::Number(n) => Some(*n),
            other => unreachable!("{name} is not a number: {other:?}"),
        }
    }

    pub fn integer(&self, name: &str) -> Option<i64> {
        match self.value(name)? {
            Value::Integer(n) => Some(*n),
            other => unreachable!("{name} is not an integer: {other:?}"),
        }
    }

    pub fn boolean(&self, name: &str) -> Option<bool> {
        match self.value(name)? {
            Value::Boolean(b) => Some(*b),
            other => unreachable!("{name} is not a boolean: {other:?}"),
        }
    }

    pub fn date(&self, name: &str) -> Option<NaiveDate> {
        match self.value(name)? {
            Value::Date(d) => Some(*d),
            other => unreachable!("{name} is not a date: {other:?}"),
        }
    }

    pub fn month(&self, name: &str) -> Option<Month> {
        match self.value(name)? {
            Value::Month(m) => Some(*m),
            other => unreachable!("{name} is not a month: {other:?}"),
        }
    }

    /// A code column (handed over: read each column once).
    pub fn code(&mut self, name: &str) -> Option<Code> {
        match self.take(name)? {
            Value::Code(c) => Some(c),
            other => unreachable!("{name} is not a code: {other:?}"),
        }
    }

    /// A list column (handed over: read each column once).
    pub fn list(&mut self, name: &str) -> Vec<String> {
        match self.take(name) {
            None => Vec::new(),
            Some(Value::List(items)) => items,
            Some(other) => unreachable!("{name} is not a list: {other:?}"),
        }
    }

    /// A vocabulary column as its enum. The word was checked against the spec's vocabulary; if the
    /// spec and the enum ever disagree, that is reported rather than ignored.
    pub fn word<W: Word>(&mut self, name: &str) -> Option<W> {
        let text = self.string(name)?;
        let word = W::parse_word(&text);
        if word.is_none() {
            self.error(name, unknown_value::<W>());
        }
        word
    }

    /// A list column whose items are words of a vocabulary.
    pub fn words<W: Word>(&mut self, name: &str) -> Vec<W> {
        let mut out = Vec::new();
        for item in self.list(name) {
            match W::parse_word(&item) {
                Some(w) => out.push(w),
                None => self.error_with(name, unknown_value::<W>(), &item),
            }
        }
        out
    }

    /// A number column that must lie in `min..=max`.
    pub fn number_in(&mut self, name: &str, min: f64, max: f64) -> Option<f64> {
        let n = self.number(name)?;
        if n < min || n > max {
            self.error(name, ProblemKind::OutOfRange { min, max });
            return None;
        }
        Some(n)
    }

    /// An integer column that must lie in `min..=max`.
    pub fn integer_in(&mut self, name: &str, min: i64, max: i64) -> Option<i64> {
        let n = self.integer(name)?;
        if n < min || n > max {
            self.error(
                name,
                ProblemKind::OutOfRange {
                    min: min as f64,
                    max: max as f64,
                },
            );
            return None;
        }
        Some(n)
    }

    /// A longitude/latitude pair: each within its range, then the pair inside China. The
    /// `OutsideChina` problem names the coordinate that is off, with the pair as its value.
    pub fn coordinates(&mut self, lon: &str, lat: &str) -> (Option<f64>, Option<f64>) {
        let x = self.number_in(lon, -180.0, 180.0);
        let y = self.number_in(lat, -90.0, 90.0);
        if let (Some(x), Some(y)) = (x, y) {
            if !BBox::CHINA.contains(x, y) {
                let field = if x < BBox::CHINA.west() || x > BBox::CHINA.east() {
                    lon
                } else {
                    lat
                };
                self.error_with(field, ProblemKind::OutsideChina, &format!("{x}, {y}"));
            }
        }
        (x, y)
    }

    /// The columns the schema does not know, in header order. A repeated known column is kept
    /// here too, so nothing the publisher wrote is lost.
    pub fn extra(&self) -> Extra {
        self.columns
            .extra
            .iter()
            .map(|&i| {
                let value = self
                    .values
                    .get(i)
                    .map_or_else(String::new, |v| v.to_string());
                (self.columns.header[i].clone(), value)
            })
            .collect()
    }
}

fn unknown_value<W: Word>() -> ProblemKind {
    ProblemKind::UnknownValue {
        allowed: W::words().into_iter().map(str::to_string).collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Layer 3: parsed fields → domain values

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
fn sort_by_line(problems: &mut [Problem]) {
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
const PIECE_BYTES: usize = 4 << 20;

/// Reads a file, or a piece of one that starts on a line of its own (`header` and `lines_before`
/// as for [`scan`]). Returns the header's columns with the rows.
fn read_piece<T>(
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
fn lines_self_contained(text: &[u8]) -> bool {
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
fn convert_values<T>(
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

/// The level a station's `admin_code` has for its tier.
pub fn tier_level(tier: Tier) -> Level {
    match tier {
        Tier::CountyCenter => Level::County,
        Tier::TownshipStation => Level::Township,
        Tier::VillagePoint => Level::Village,
    }
}

impl FromRow for Division {
    const SPEC: ResourceSpec = package::DIVISIONS;
    fn from_fields(f: &mut Fields<'_>) -> Option<Division> {
        Some(Division {
            code: f.code("code")?,
            name: f.string("name")?,
            extra: f.extra(),
        })
    }
}

impl FromRow for Station {
    const SPEC: ResourceSpec = package::STATIONS;
    fn from_fields(f: &mut Fields<'_>) -> Option<Station> {
        let tier = f.word::<Tier>("tier");
        let admin_code = f.code("admin_code");
        if let (Some(tier), Some(code)) = (tier, &admin_code) {
            let level = tier_level(tier);
            if code.level() != level {
                f.error(
                    "admin_code",
                    ProblemKind::TierLevelMismatch {
                        digits: level.digits() as u8,
                    },
                );
            }
        }
        let (lon, lat) = f.coordinates("lon", "lat");
        let pickup_fee = f.number_in("pickup_fee", 0.0, MAX_PICKUP_FEE);
        let model = f.word("model");
        let services = f.words("services");
        let status = f.word("status");
        Some(Station {
            id: f.string("id")?,
            tier: tier?,
            name: f.string("name")?,
            admin_code: admin_code?,
            lon: lon?,
            lat: lat?,
            address: f.string("address"),
            phone: f.string("phone"),
            operator: f.string("operator")?,
            brands: f.list("brands"),
            model,
            services,
            hours: f.string("hours"),
            filing_no: f.string("filing_no"),
            standardized: f.boolean("standardized"),
            locker: f.boolean("locker"),
            pickup_fee,
            status: status?,
            opened: f.date("opened"),
            verified: f.date("verified"),
            extra: f.extra(),
        })
    }
}

impl FromRow for Village {
    const SPEC: ResourceSpec = package::VILLAGES;
    fn from_fields(f: &mut Fields<'_>) -> Option<Village> {
        let code = f.code("code");
        let township_code = f.code("township_code");
        if let (Some(code), Some(township)) = (&code, &township_code) {
            if !township.contains(code) {
                f.error(
                    "code",
                    ProblemKind::CodeMismatch {
                        expected_prefix: township.to_string(),
                    },
                );
            }
        }
        let (mut lon, mut lat) = f.coordinates("lon", "lat");
        // Half a location is no location; the village itself is still worth keeping.
        let half = match (f.raw("lon").is_empty(), f.raw("lat").is_empty()) {
            (false, true) => Some("lat"),
            (true, false) => Some("lon"),
            _ => None,
        };
        if let Some(missing) = half {
            f.warn(missing, ProblemKind::Required);
            (lon, lat) = (None, None);
        }
        let population = f.integer_in("population", 0, MAX_POPULATION);
        let max = i64::from(MAX_DELIVERIES_PER_WEEK);
        let deliveries = f.integer_in("deliveries_per_week", 0, max);
        let pickups = f.integer_in("pickups_per_week", 0, max);
        let kind = f.word("kind");
        let delivery_mode = f.word("delivery_mode");
        Some(Village {
            code: code?,
            name: f.string("name")?,
            township_code: township_code?,
            kind,
            population: population.and_then(|n| u32::try_from(n).ok()),
            lon,
            lat,
            served_by: f.string("served_by"),
            deliveries_per_week: deliveries.and_then(|n| u8::try_from(n).ok()),
            delivery_days: f.string("delivery_days"),
            pickups_per_week: pickups.and_then(|n| u8::try_from(n).ok()),
            delivery_mode,
            updated: f.date("updated"),
            extra: f.extra(),
        })
    }
}

/// Whether an indicator is a percentage, so that a target above 100 is a typo.
pub fn is_percentage(indicator: Indicator) -> bool {
    indicator.as_str().ends_with("_pct")
}

impl FromRow for Target {
    const SPEC: ResourceSpec = package::TARGETS;
    fn from_fields(f: &mut Fields<'_>) -> Option<Target> {
        let indicator = f.word::<Indicator>("indicator");
        let max = match indicator {
            Some(i) if is_percentage(i) => 100.0,
            _ => f64::from(u32::MAX),
        };
        let target = f.number_in("target", 0.0, max);
        Some(Target {
            jurisdiction_code: f.code("jurisdiction_code")?,
            indicator: indicator?,
            target: target?,
            deadline: f.date("deadline")?,
            doc_no: f.string("doc_no")?,
            doc_title: f.string("doc_title")?,
            issued_by: f.string("issued_by")?,
            issued_on: f.date("issued_on"),
            note: f.string("note"),
            extra: f.extra(),
        })
    }
}

impl FromRow for Authority {
    const SPEC: ResourceSpec = package::AUTHORITIES;
    fn from_fields(f: &mut Fields<'_>) -> Option<Authority> {
        Some(Authority {
            jurisdiction_code: f.code("jurisdiction_code")?,
            name: f.string("name")?,
            phone: f.string("phone"),
            email: f.string("email"),
            website: f.string("website"),
            address: f.string("address"),
            open311_endpoint: f.string("open311_endpoint"),
            office_hours: f.string("office_hours"),
            extra: f.extra(),
        })
    }
}

/// The most complaints one row can count: far above any county's month, low enough that a
/// pasted phone number or a sum over the wrong column is caught.
pub const MAX_COMPLAINTS: i64 = 10_000_000;

impl FromRow for ComplaintStat {
    const SPEC: ResourceSpec = package::COMPLAINT_STATS;
    fn from_fields(f: &mut Fields<'_>) -> Option<ComplaintStat> {
        let category = f.word("category");
        let received = f.integer_in("received", 0, MAX_COMPLAINTS);
        // More resolved than received is a typo in one of the two; either way neither can be
        // shown, so the row is left out with the bound it broke.
        let resolved = match received {
            Some(max) => f.integer_in("resolved", 0, max),
            None => f.integer_in("resolved", 0, MAX_COMPLAINTS),
        };
        Some(ComplaintStat {
            jurisdiction_code: f.code("jurisdiction_code")?,
            month: f.month("month")?,
            category: category?,
            received: received.and_then(|n| u32::try_from(n).ok())?,
            resolved: resolved.and_then(|n| u32::try_from(n).ok()),
            source: f.string("source"),
            extra: f.extra(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The whole package

/// What the publisher states about a package beyond its descriptor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The coordinate system of the files, when the descriptor does not say (or says wrong).
    pub crs: Option<Crs>,
}

impl ReadOptions {
    /// The coordinate system the files' coordinates are in: as the publisher states it on the
    /// command line, else as the descriptor says, else WGS-84. The reader converts from it;
    /// everything the site and the bundle use is WGS-84.
    pub fn source_crs(&self, descriptor: Option<&Descriptor>) -> Crs {
        self.crs.or(descriptor.map(|d| d.crs)).unwrap_or_default()
    }
}

/// Converts every station's and village's coordinates from `crs` to WGS-84; gives the rows
/// converted.
fn to_wgs84(crs: Crs, parts: &mut Parts) -> u64 {
    let mut rows = 0;
    for s in &mut parts.stations {
        if s.lon.is_finite() && s.lat.is_finite() {
            (s.lon, s.lat) = crate::coords::convert(crs, Crs::Wgs84, s.lon, s.lat);
            rows += 1;
        }
    }
    for v in &mut parts.villages {
        if let (Some(lon), Some(lat)) = (v.lon, v.lat) {
            let (lon, lat) = crate::coords::convert(crs, Crs::Wgs84, lon, lat);
            (v.lon, v.lat) = (Some(lon), Some(lat));
            rows += 1;
        }
    }
    rows
}

/// A file as read: its path in the package and its bytes.
pub type Loaded = (String, Vec<u8>);

/// Reads every file of a package through `load` (a file's bytes given its path relative to the
/// package root: the CLI reads the disk, the site fetches, tests read memory) into the parts of a
/// dataset, with the problems of each file and every file read, by its path. Each row is checked
/// on its own here; the checks across files are `validate`'s, and `load` runs both.
///
/// `load` cannot say "absent" apart from "unreadable", so an optional resource or outline that
/// fails to load is taken to be absent.
pub fn read_parts(
    load: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
    options: &ReadOptions,
) -> (Parts, Vec<Problem>, Vec<Loaded>) {
    let mut problems = Vec::new();
    let mut kept = Vec::new();
    let descriptor = match load(DESCRIPTOR_FILE) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            kept.push((DESCRIPTOR_FILE.to_string(), bytes));
            match Descriptor::parse(text.trim_start_matches('\u{feff}')) {
                Ok(d) => Some(d),
                Err(e) => {
                    problems.push(Problem::error(
                        DESCRIPTOR_FILE,
                        None,
                        None,
                        ProblemKind::BadDescriptor {
                            reason: e.to_string(),
                        },
                    ));
                    None
                }
            }
        }
        // A folder of CSVs without a descriptor is still readable with the default file names.
        Err(reason) => {
            problems.push(Problem::warning(
                DESCRIPTOR_FILE,
                None,
                None,
                ProblemKind::MissingFile { reason },
            ));
            None
        }
    };
    let crs = options.source_crs(descriptor.as_ref());
    let mut parts = Parts {
        descriptor,
        ..Parts::default()
    };
    // Every file first (loading is sequential), then the tables parsed — stations, the largest,
    // on a thread of its own where there are threads.
    let mut files: Vec<(&'static str, String, Vec<u8>)> = Vec::new();
    for spec in &RESOURCES {
        let file = match &parts.descriptor {
            Some(d) => d.resource_path(spec),
            None => spec.path.to_string(),
        };
        match load(&file) {
            Ok(bytes) => files.push((spec.name, file, bytes)),
            Err(reason) => {
                if spec.required {
                    problems.push(Problem::error(
                        &file,
                        None,
                        None,
                        ProblemKind::MissingFile { reason },
                    ));
                }
            }
        }
    }
    let table = |name: &str| files.iter().find(|(n, _, _)| *n == name);
    let (stations, rest) = both(
        || table("stations").map(|(_, f, b)| read_table::<Station>(f, b)),
        || {
            (
                table("divisions").map(|(_, f, b)| read_table::<Division>(f, b)),
                table("villages").map(|(_, f, b)| read_table::<Village>(f, b)),
                table("targets").map(|(_, f, b)| read_table::<Target>(f, b)),
                table("authorities").map(|(_, f, b)| read_table::<Authority>(f, b)),
                table("complaint_stats").map(|(_, f, b)| read_table::<ComplaintStat>(f, b)),
            )
        },
    );
    let (divisions, villages, targets, authorities, complaint_stats) = rest;
    // Problems in the order of RESOURCES, as the files were read.
    take(
        divisions,
        &mut parts.divisions,
        &mut parts.lines.divisions,
        &mut problems,
    );
    take(
        stations,
        &mut parts.stations,
        &mut parts.lines.stations,
        &mut problems,
    );
    take(
        villages,
        &mut parts.villages,
        &mut parts.lines.villages,
        &mut problems,
    );
    take(
        targets,
        &mut parts.targets,
        &mut parts.lines.targets,
        &mut problems,
    );
    take(
        authorities,
        &mut parts.authorities,
        &mut parts.lines.authorities,
        &mut problems,
    );
    take(
        complaint_stats,
        &mut parts.complaint_stats,
        &mut parts.lines.complaint_stats,
        &mut problems,
    );
    kept.extend(files.into_iter().map(|(_, file, bytes)| (file, bytes)));
    if crs != Crs::Wgs84 {
        let rows = to_wgs84(crs, &mut parts);
        let name = serde_json::to_value(crs)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        problems.push(Problem::warning(
            DESCRIPTOR_FILE,
            None,
            Some("crs"),
            ProblemKind::CrsConverted { crs: name, rows },
        ));
    }

    let counties: Vec<Code> = parts
        .divisions
        .iter()
        .filter(|d| d.level() == Level::County)
        .map(|d| d.code.clone())
        .collect();
    for county in counties {
        let path = boundary_path(&county);
        // An outline is optional: without one the map has no base and the distance check is
        // skipped for that county.
        let Ok(bytes) = load(&path) else { continue };
        let outline = geo::boundary_bbox(&String::from_utf8_lossy(&bytes));
        kept.push((path.clone(), bytes));
        match outline {
            Ok(bbox) => {
                parts.county_bboxes.insert(county, bbox);
            }
            Err(reason) => problems.push(Problem::warning(
                &path,
                None,
                None,
                ProblemKind::MissingFile { reason },
            )),
        }
    }

    (parts, problems, kept)
}

/// A table's rows, lines and problems, where the parts keep them (`None`: the file was absent).
fn take<T>(
    rows: Option<Rows<T>>,
    items: &mut Vec<T>,
    lines: &mut Vec<u64>,
    problems: &mut Vec<Problem>,
) {
    if let Some(rows) = rows {
        *items = rows.items;
        *lines = rows.lines;
        problems.extend(rows.problems);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_scan_follows_csv_core() {
        let closed = Quoting::default();
        assert_eq!(scan_quoting(b"a,\"b,c\",d"), closed);
        assert!(scan_quoting(b"a,\"b,c,d").unclosed);
        assert_eq!(scan_quoting(b"a,\"say \"\"hi\"\"\",d"), closed);
        assert_eq!(
            scan_quoting(b"a,b\"c,d"),
            closed,
            "a quote inside a field is text"
        );
        assert!(scan_quoting(b"a,\"b\n\nc").unclosed);
        assert_eq!(scan_quoting(b"a,\"b\"\nc,d"), closed);
        let q = scan_quoting(b"a,\"b\nc,\"d");
        assert!(q.irregular && !q.unclosed);
    }

    #[test]
    fn dates_are_strictly_iso() {
        assert_eq!(
            parse_date("2024-03-01"),
            NaiveDate::from_ymd_opt(2024, 3, 1)
        );
        assert_eq!(parse_date("2024-3-1"), None);
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("2024/03/01"), None);
    }

    #[test]
    fn booleans_in_every_accepted_spelling() {
        for t in ["true", "TRUE", "1", "Yes", "是"] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for f in ["false", "False", "0", "NO", "否"] {
            assert_eq!(parse_bool(f), Some(false), "{f}");
        }
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn lists_split_on_both_semicolons() {
        assert_eq!(split_list("邮政; 中通；圆通;;"), ["邮政", "中通", "圆通"]);
    }
}
