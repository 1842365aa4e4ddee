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

//!
//! One file per layer: `records` (1), `fields` (2), `rows` and `tables` (3); `whole` reads a
//! whole package with them.

mod fields;
mod records;
mod rows;
mod tables;
mod whole;

pub use fields::*;
pub use records::*;
pub use rows::*;
pub use tables::*;
pub use whole::*;

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
