//! Every column of a row parsed by its [`FieldSpec`]: one generic layer for every resource, so
//! "not a number" or "not a date" reads the same whatever the file.

use super::records::Columns;
use crate::cell::{Cell, PlainColumns};
use crate::code::Code;
use crate::geo::BBox;
use crate::model::{parse_date, Extra, Month, Word};
use crate::package::{self, FieldSpec, FieldType, ResourceSpec};
use crate::problem::{Problem, ProblemKind};
use chrono::NaiveDate;

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

pub(super) fn check_word(allowed: &'static [&'static str], raw: &str) -> Result<(), BadValue> {
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
    pub(super) spec: &'a ResourceSpec,
    pub(super) file: &'a str,
    pub(super) columns: &'a Columns,
    pub(super) line: u64,
    pub(super) values: &'a [&'a str],
    pub(super) parsed: Vec<Option<Value>>,
    pub(super) problems: Vec<Problem>,
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

    /// Every plain column of `row` (`cell::PlainColumns`), handed over.
    pub fn plain<T: PlainColumns>(&mut self, row: &mut T) {
        for &column in T::PLAIN {
            let cell = self.take(column).map(|value| match value {
                Value::Text(s) => Cell::Text(s),
                Value::Integer(n) => Cell::Integer(n),
                Value::Number(n) => Cell::Number(n),
                Value::Boolean(b) => Cell::Boolean(b),
                Value::Date(d) => Cell::Date(d),
                other => unreachable!("{column} is not a plain column: {other:?}"),
            });
            row.set_plain(column, cell);
        }
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

pub(super) fn unknown_value<W: Word>() -> ProblemKind {
    ProblemKind::UnknownValue {
        allowed: W::words().into_iter().map(str::to_string).collect(),
    }
}
