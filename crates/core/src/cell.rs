//! Plain columns: the columns of `stations.csv` and `villages.csv` that are read, written, sorted
//! and shown by their schema type alone — a text, a number, a yes/no, a date — with no rule of
//! their own. A row type lists them in its [`row_type!`] declaration; the reader
//! (`read::tables`), the writer (`write`), the tables' sorting (`table`) and the site's details
//! views handle every one of them through [`PlainColumns`], so a new plain column is its schema
//! line in `package::RESOURCES`, its field here and its two labels (docs/DATA.md, "Adding a
//! column").
//!
//! The other columns (codes, vocabulary words, coordinates, ranges, lists) each have a rule and
//! are read and written by hand.

use chrono::NaiveDate;

/// A plain column's value as read from its cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    Date(NaiveDate),
}

/// A plain column's value as a row holds it, for writing, sorting and showing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellRef<'a> {
    Text(&'a str),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    Date(NaiveDate),
}

impl CellRef<'_> {
    /// The cell's text as the writer writes it (and the reader reads back to the same value).
    pub fn to_text(self) -> String {
        match self {
            CellRef::Text(s) => s.to_string(),
            CellRef::Integer(n) => n.to_string(),
            CellRef::Number(n) => n.to_string(),
            CellRef::Boolean(b) => b.to_string(),
            // `YYYY-MM-DD`, as `%Y-%m-%d` writes it, without chrono's formatter (a dozen KB of wasm).
            CellRef::Date(d) => d.to_string(),
        }
    }
}

/// A type a plain column can have: an optional text, integer, number, boolean or date.
pub trait PlainValue: Default {
    /// `None` for an empty cell.
    fn get(&self) -> Option<CellRef<'_>>;
    /// The value of a cell the reader parsed by the column's schema type; `None` (an empty cell,
    /// or a type that does not fit, which `cell::tests` and the reader's tests rule out) is empty.
    fn from_cell(cell: Option<Cell>) -> Self;
}

impl PlainValue for Option<String> {
    fn get(&self) -> Option<CellRef<'_>> {
        self.as_deref().map(CellRef::Text)
    }
    fn from_cell(cell: Option<Cell>) -> Self {
        match cell? {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }
}

impl PlainValue for Option<i64> {
    fn get(&self) -> Option<CellRef<'_>> {
        self.map(CellRef::Integer)
    }
    fn from_cell(cell: Option<Cell>) -> Self {
        match cell? {
            Cell::Integer(n) => Some(n),
            _ => None,
        }
    }
}

impl PlainValue for Option<f64> {
    fn get(&self) -> Option<CellRef<'_>> {
        self.map(CellRef::Number)
    }
    fn from_cell(cell: Option<Cell>) -> Self {
        match cell? {
            Cell::Number(n) => Some(n),
            Cell::Integer(n) => Some(n as f64),
            _ => None,
        }
    }
}

impl PlainValue for Option<bool> {
    fn get(&self) -> Option<CellRef<'_>> {
        self.map(CellRef::Boolean)
    }
    fn from_cell(cell: Option<Cell>) -> Self {
        match cell? {
            Cell::Boolean(b) => Some(b),
            _ => None,
        }
    }
}

impl PlainValue for Option<NaiveDate> {
    fn get(&self) -> Option<CellRef<'_>> {
        self.map(CellRef::Date)
    }
    fn from_cell(cell: Option<Cell>) -> Self {
        match cell? {
            Cell::Date(d) => Some(d),
            _ => None,
        }
    }
}

/// A row type's plain columns, by their schema names.
pub trait PlainColumns {
    /// The plain columns, in the order the type declares them.
    const PLAIN: &'static [&'static str];
    /// `None` when `column` is not one of [`Self::PLAIN`]; `Some(None)` when its cell is empty.
    fn plain(&self, column: &str) -> Option<Option<CellRef<'_>>>;
    /// Sets a plain column from its parsed cell; `false` when `column` is not one of them.
    fn set_plain(&mut self, column: &str, cell: Option<Cell>) -> bool;
}

/// Declares a row type: its own fields (each read and written by a rule of its own), then, under
/// `plain`, its plain columns, each named as its schema column. Declares beside it `$base`, the
/// type without its plain columns, from which the type is made with every plain column empty
/// (`From`), so that code making rows (the reader, the demo generator, tests) names only the
/// fields with rules.
macro_rules! row_type {
    (
        $(#[$meta:meta])*
        pub struct $name:ident, base $base:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $fty:ty, )*
        }
        plain {
            $( $(#[$pmeta:meta])* pub $plain:ident : $pty:ty, )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
            $( $(#[$pmeta])* #[serde(default)] pub $plain: $pty, )*
        }

        #[doc = concat!("A [`", stringify!($name), "`] without its plain columns.")]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $base {
            $( pub $field: $fty, )*
        }

        impl From<$base> for $name {
            fn from(base: $base) -> $name {
                $name {
                    $( $field: base.$field, )*
                    $( $plain: Default::default(), )*
                }
            }
        }

        impl $crate::cell::PlainColumns for $name {
            const PLAIN: &'static [&'static str] = &[$( stringify!($plain) ),*];

            fn plain(&self, column: &str) -> Option<Option<$crate::cell::CellRef<'_>>> {
                match column {
                    $( stringify!($plain) => Some($crate::cell::PlainValue::get(&self.$plain)), )*
                    _ => None,
                }
            }

            fn set_plain(&mut self, column: &str, cell: Option<$crate::cell::Cell>) -> bool {
                match column {
                    $( stringify!($plain) => {
                        self.$plain = $crate::cell::PlainValue::from_cell(cell);
                        true
                    } )*
                    _ => false,
                }
            }
        }
    };
}
pub(crate) use row_type;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_reads_back_to_the_value_it_was_written_from() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(Option::<NaiveDate>::from_cell(Some(Cell::Date(d))), Some(d));
        assert_eq!(
            Some(d).get().map(CellRef::to_text).as_deref(),
            Some("2026-03-01")
        );
        assert_eq!(
            Some(1.5f64).get().map(CellRef::to_text).as_deref(),
            Some("1.5")
        );
        assert_eq!(
            Some(true).get().map(CellRef::to_text).as_deref(),
            Some("true")
        );
        assert_eq!(Option::<f64>::from_cell(Some(Cell::Integer(3))), Some(3.0));
        assert_eq!(Option::<String>::from_cell(None), None);
        // A value of another type is empty, never a panic.
        assert_eq!(
            Option::<bool>::from_cell(Some(Cell::Text("x".into()))),
            None
        );
    }
}
