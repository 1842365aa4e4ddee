//! Problems found in a data package: each carries the file, line and field it was found at, and
//! reads as a sentence in Chinese or English ("stations.csv line 12, field lat: …").

use serde::{Deserialize, Serialize};
use std::fmt;

/// The language a message is written in (one for the site, the core and the CLI).
pub use cundi_messages::Lang;

/// An error drops the row (or the file); a warning keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// What is wrong. The variants carry what a reader needs to fix it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A file the package names could not be read.
    MissingFile { reason: String },
    /// `datapackage.json` is not valid JSON or lacks what it must have.
    BadDescriptor { reason: String },
    /// A required column is absent from the header.
    MissingColumn,
    /// The CSV itself is malformed: a quote opened and never closed, or the like.
    BrokenQuoting,
    /// A row has a different number of fields from the header.
    FieldCount { expected: usize, found: usize },
    /// A required field is empty.
    Required,
    /// A division code of the wrong form; `digits` lists the lengths the field accepts.
    BadCode { digits: Vec<u8> },
    /// A code whose parent division is not in the package.
    MissingParent { parent: String },
    /// A code that names no division in the package (complaint figures for an area the package
    /// does not hold, or a `cundi:complete` entry).
    UnknownDivision,
    /// A village whose code does not lie under the township it names, or the like.
    CodeMismatch { expected_prefix: String },
    /// Not a number, or a number of the wrong kind.
    NotANumber,
    /// A number outside the allowed range.
    OutOfRange { min: f64, max: f64 },
    /// Not an ISO date (YYYY-MM-DD).
    BadDate,
    /// Not a month (YYYY-MM).
    BadMonth,
    /// Not one of the words of a fixed vocabulary.
    UnknownValue { allowed: Vec<String> },
    /// Not `true`/`false` (or 是/否, yes/no, 1/0).
    NotABoolean,
    /// Coordinates outside China.
    OutsideChina,
    /// Coordinates well outside the county the row's code names.
    FarOutsideCounty { km: f64 },
    /// The same id (or code) twice.
    Duplicate { first_line: u64 },
    /// `served_by` names no station in the package.
    UnknownStation { id: String },
    /// A station whose tier does not match its code's level; `digits` is what the tier needs.
    TierLevelMismatch { digits: u8 },
    /// The package's coordinates were in another system (`gcj02`, `bd09`) and have been
    /// converted to WGS-84 on reading.
    CrsConverted { crs: String, rows: u64 },
    /// The file's bytes are not text in the encoding it was read in. `stated`: the publisher
    /// named the encoding (`--encoding`); if not, the bytes were neither UTF-8 nor GB18030.
    NotText { encoding: String, stated: bool },
}

impl ProblemKind {
    /// A stable name for the kind (`bad_code`, `duplicate`, …), as in the bundle's JSON.
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            MissingFile { .. } => "missing_file",
            BadDescriptor { .. } => "bad_descriptor",
            CrsConverted { .. } => "crs_converted",
            NotText { .. } => "not_text",
            MissingColumn => "missing_column",
            BrokenQuoting => "broken_quoting",
            FieldCount { .. } => "field_count",
            Required => "required",
            BadCode { .. } => "bad_code",
            MissingParent { .. } => "missing_parent",
            UnknownDivision => "unknown_division",
            CodeMismatch { .. } => "code_mismatch",
            NotANumber => "not_a_number",
            OutOfRange { .. } => "out_of_range",
            BadDate => "bad_date",
            BadMonth => "bad_month",
            UnknownValue { .. } => "unknown_value",
            NotABoolean => "not_a_boolean",
            OutsideChina => "outside_china",
            FarOutsideCounty { .. } => "far_outside_county",
            Duplicate { .. } => "duplicate",
            UnknownStation { .. } => "unknown_station",
            TierLevelMismatch { .. } => "tier_level_mismatch",
        }
    }
}

/// One problem, where it was found, and the offending value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub file: String,
    /// 1-based line in the file (the header is line 1); `None` for a whole-file problem.
    pub line: Option<u64>,
    pub field: Option<String>,
    /// The value as found (truncated to a readable length).
    pub value: Option<String>,
    pub severity: Severity,
    /// Externally tagged (`{"bad_code": {"digits": [12]}}`): an internally tagged, flattened enum
    /// made serde buffer every value and cost the site about 30 KB of wasm.
    pub kind: ProblemKind,
}

const MAX_VALUE_CHARS: usize = 80;

impl Problem {
    pub fn error(file: &str, line: Option<u64>, field: Option<&str>, kind: ProblemKind) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            value: None,
            severity: Severity::Error,
            kind,
        }
    }

    pub fn warning(
        file: &str,
        line: Option<u64>,
        field: Option<&str>,
        kind: ProblemKind,
    ) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, line, field, kind)
        }
    }

    /// Records the offending value, cut to a readable length.
    pub fn with_value(mut self, value: &str) -> Problem {
        let mut v: String = value.chars().take(MAX_VALUE_CHARS).collect();
        if value.chars().count() > MAX_VALUE_CHARS {
            v.push('…');
        }
        self.value = Some(v);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Where it was found: "stations.csv line 12, field lat" / "stations.csv 第 12 行，字段 lat".
    pub fn location(&self, lang: Lang) -> String {
        let mut s = self.file.clone();
        if let Some(line) = self.line {
            s.push_str(&msg!(lang, "problem-at-line", { "line" => line }));
        }
        if let Some(field) = &self.field {
            s.push_str(&msg!(lang, "problem-field", { "field" => field }));
        }
        s
    }

    /// What is wrong, in words, without the location.
    pub fn describe(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let v = self.value.as_deref().unwrap_or("");
        match &self.kind {
            MissingFile { reason } => msg!(lang, "problem-missing-file", { "reason" => reason }),
            BadDescriptor { reason } => {
                msg!(lang, "problem-bad-descriptor", { "reason" => reason })
            }
            MissingColumn => msg!(lang, "problem-missing-column"),
            BrokenQuoting => msg!(lang, "problem-broken-quoting"),
            FieldCount { expected, found } => {
                msg!(lang, "problem-field-count", { "expected" => *expected, "found" => *found })
            }
            Required => msg!(lang, "problem-required"),
            BadCode { digits } => {
                let expected = one_of(digits, lang);
                msg!(lang, "problem-bad-code", { "v" => v, "expected" => expected })
            }
            MissingParent { parent } => {
                msg!(lang, "problem-missing-parent", { "v" => v, "parent" => parent })
            }
            UnknownDivision => msg!(lang, "problem-unknown-division", { "v" => v }),
            CodeMismatch { expected_prefix } => {
                msg!(lang, "problem-code-mismatch", { "v" => v, "prefix" => expected_prefix })
            }
            NotANumber => msg!(lang, "problem-not-a-number", { "v" => v }),
            OutOfRange { min, max } => msg!(lang, "problem-out-of-range", {
                "v" => v, "min" => min.to_string(), "max" => max.to_string()
            }),
            BadDate => msg!(lang, "problem-bad-date", { "v" => v }),
            BadMonth => msg!(lang, "problem-bad-month", { "v" => v }),
            UnknownValue { allowed } => {
                let sep = msg!(lang, "list-sep");
                msg!(lang, "problem-unknown-value", { "v" => v, "allowed" => allowed.join(&sep) })
            }
            NotABoolean => msg!(lang, "problem-not-a-boolean", { "v" => v }),
            OutsideChina => msg!(lang, "problem-outside-china", { "v" => v }),
            FarOutsideCounty { km } => {
                msg!(lang, "problem-far-outside-county", { "v" => v, "km" => format!("{km:.0}") })
            }
            Duplicate { first_line } => {
                msg!(lang, "problem-duplicate", { "v" => v, "line" => *first_line })
            }
            UnknownStation { id } => msg!(lang, "problem-unknown-station", { "id" => id }),
            TierLevelMismatch { digits } => {
                msg!(lang, "problem-tier-level", { "v" => v, "digits" => *digits })
            }
            CrsConverted { crs, rows } => {
                msg!(lang, "problem-crs-converted", { "crs" => crs, "rows" => *rows })
            }
            NotText { stated: false, .. } => msg!(lang, "problem-not-text-unstated"),
            NotText { encoding, .. } if encoding.eq_ignore_ascii_case("utf-8") => {
                msg!(lang, "problem-not-utf8")
            }
            NotText { encoding, .. } => msg!(lang, "problem-not-text", { "encoding" => encoding }),
        }
    }

    /// The whole sentence: location, then what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}{}{}",
            self.location(lang),
            msg!(lang, "problem-sep"),
            self.describe(lang)
        )
    }
}

/// "6, 9 or 12" / "6、9或12".
fn one_of(items: &[u8], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(u8::to_string).collect();
            let (sep, last_sep) = (msg!(lang, "list-sep"), msg!(lang, "list-last-sep"));
            format!("{}{last_sep}{last}", rest.join(&sep))
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_file_line_field() {
        let p = Problem::error(
            "stations.csv",
            Some(12),
            Some("lat"),
            ProblemKind::NotANumber,
        )
        .with_value("abc");
        assert_eq!(
            p.message(Lang::En),
            "stations.csv line 12, field lat: “abc” is not a number"
        );
        assert_eq!(
            p.message(Lang::Zh),
            "stations.csv 第 12 行，字段 lat：“abc”不是数字"
        );
    }

    #[test]
    fn bad_code_reads_in_both_languages() {
        let p = Problem::error(
            "stations.csv",
            Some(9),
            Some("admin_code"),
            ProblemKind::BadCode {
                digits: vec![6, 9, 12],
            },
        )
        .with_value("14052210021X");
        assert_eq!(
            p.describe(Lang::En),
            "“14052210021X” is not a division code: expected 6, 9 or 12 digits"
        );
        assert_eq!(
            p.describe(Lang::Zh),
            "“14052210021X”不是有效的区划代码：应为 6、9或12 位数字"
        );
    }

    #[test]
    fn kind_codes_are_the_json_tags() {
        for kind in [
            ProblemKind::MissingColumn,
            ProblemKind::BadCode { digits: vec![12] },
            ProblemKind::Duplicate { first_line: 3 },
        ] {
            let json = serde_json::to_value(&kind).unwrap();
            let tag = json
                .as_str()
                .map(str::to_string)
                .or_else(|| json.as_object().and_then(|o| o.keys().next().cloned()));
            assert_eq!(tag.as_deref(), Some(kind.code()));
        }
    }

    #[test]
    fn long_values_are_cut() {
        let p =
            Problem::error("a.csv", None, None, ProblemKind::Required).with_value(&"x".repeat(500));
        assert_eq!(p.value.unwrap().chars().count(), MAX_VALUE_CHARS + 1);
    }
}
