//! Problems found in a data package: each carries the file, line and field it was found at, and
//! reads as a sentence in Chinese or English ("stations.csv line 12, field lat: …").

use serde::{Deserialize, Serialize};
use std::fmt;

/// The language a message is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

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
        match lang {
            Lang::En => {
                if let Some(l) = self.line {
                    s.push_str(&format!(" line {l}"));
                }
                if let Some(f) = &self.field {
                    s.push_str(&format!(", field {f}"));
                }
            }
            Lang::Zh => {
                if let Some(l) = self.line {
                    s.push_str(&format!(" 第 {l} 行"));
                }
                if let Some(f) = &self.field {
                    s.push_str(&format!("，字段 {f}"));
                }
            }
        }
        s
    }

    /// What is wrong, in words, without the location.
    pub fn describe(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let v = self.value.as_deref().unwrap_or("");
        match (lang, &self.kind) {
            (Lang::En, MissingFile { reason }) => format!("the file cannot be read: {reason}"),
            (Lang::Zh, MissingFile { reason }) => format!("无法读取文件：{reason}"),
            (Lang::En, BadDescriptor { reason }) => {
                format!("datapackage.json is not valid: {reason}")
            }
            (Lang::Zh, BadDescriptor { reason }) => format!("datapackage.json 无效：{reason}"),
            (Lang::En, MissingColumn) => "this required column is missing from the header".into(),
            (Lang::Zh, MissingColumn) => "表头缺少这一必填列".into(),
            (Lang::En, BrokenQuoting) => {
                "broken quoting: a quoted field is not closed, so the row cannot be read".into()
            }
            (Lang::Zh, BrokenQuoting) => "引号不配对：带引号的字段没有闭合，这一行无法读取".into(),
            (Lang::En, FieldCount { expected, found }) => {
                format!("the row has {found} fields but the header has {expected}")
            }
            (Lang::Zh, FieldCount { expected, found }) => {
                format!("这一行有 {found} 个字段，表头有 {expected} 个")
            }
            (Lang::En, Required) => "this field is required but empty".into(),
            (Lang::Zh, Required) => "必填字段为空".into(),
            (Lang::En, BadCode { digits }) => {
                let expected = one_of(digits, ", ", " or ");
                format!("“{v}” is not a division code: expected {expected} digits")
            }
            (Lang::Zh, BadCode { digits }) => {
                let expected = one_of(digits, "、", "或");
                format!("“{v}”不是有效的区划代码：应为 {expected} 位数字")
            }
            (Lang::En, MissingParent { parent }) => {
                format!("“{v}” belongs to division {parent}, which is not in the package")
            }
            (Lang::Zh, MissingParent { parent }) => {
                format!("“{v}”的上级区划 {parent} 不在数据包中")
            }
            (Lang::En, UnknownDivision) => {
                format!("“{v}” is not a division in the package (divisions.csv)")
            }
            (Lang::Zh, UnknownDivision) => format!("“{v}”不是数据包中的区划（divisions.csv）"),
            (Lang::En, CodeMismatch { expected_prefix }) => {
                format!("“{v}” should begin with {expected_prefix}")
            }
            (Lang::Zh, CodeMismatch { expected_prefix }) => {
                format!("“{v}”应以 {expected_prefix} 开头")
            }
            (Lang::En, NotANumber) => format!("“{v}” is not a number"),
            (Lang::Zh, NotANumber) => format!("“{v}”不是数字"),
            (Lang::En, OutOfRange { min, max }) => {
                format!("{v} is outside the allowed range {min}–{max}")
            }
            (Lang::Zh, OutOfRange { min, max }) => format!("{v} 超出允许范围 {min}–{max}"),
            (Lang::En, BadDate) => format!("“{v}” is not a date (YYYY-MM-DD)"),
            (Lang::Zh, BadDate) => format!("“{v}”不是日期（应为 YYYY-MM-DD）"),
            (Lang::En, BadMonth) => format!("“{v}” is not a month (YYYY-MM)"),
            (Lang::Zh, BadMonth) => format!("“{v}”不是月份（应为 YYYY-MM）"),
            (Lang::En, UnknownValue { allowed }) => {
                format!("“{v}” is not one of: {}", allowed.join(", "))
            }
            (Lang::Zh, UnknownValue { allowed }) => {
                format!("“{v}”不是允许的取值：{}", allowed.join("、"))
            }
            (Lang::En, NotABoolean) => format!("“{v}” is not true or false"),
            (Lang::Zh, NotABoolean) => format!("“{v}”不是“是/否”（true/false）"),
            (Lang::En, OutsideChina) => format!("{v} lies outside China"),
            (Lang::Zh, OutsideChina) => format!("{v} 位于中国境外"),
            (Lang::En, FarOutsideCounty { km }) => {
                format!("{v} lies {km:.0} km outside its county")
            }
            (Lang::Zh, FarOutsideCounty { km }) => format!("{v} 位于所属县域之外 {km:.0} 公里"),
            (Lang::En, Duplicate { first_line }) => {
                format!("“{v}” appears twice; first on line {first_line}")
            }
            (Lang::Zh, Duplicate { first_line }) => {
                format!("“{v}”重复出现；首次出现在第 {first_line} 行")
            }
            (Lang::En, UnknownStation { id }) => {
                format!("no station with id “{id}” is in stations.csv")
            }
            (Lang::Zh, UnknownStation { id }) => format!("stations.csv 中没有编号为“{id}”的站点"),
            (Lang::En, TierLevelMismatch { digits }) => {
                format!("“{v}” does not fit the station's tier: expected a {digits}-digit code")
            }
            (Lang::Zh, TierLevelMismatch { digits }) => {
                format!("“{v}”与站点层级不符：应为 {digits} 位区划代码")
            }
            (Lang::En, CrsConverted { crs, rows }) => {
                format!("coordinates are in {crs}: those of {rows} rows were converted to WGS-84")
            }
            (Lang::Zh, CrsConverted { crs, rows }) => {
                format!("坐标系为 {crs}：已将 {rows} 行的坐标转换为 WGS-84")
            }
            (Lang::En, NotText { stated: false, .. }) => {
                "neither UTF-8 nor GB18030 (GBK) text: state the encoding with --encoding".into()
            }
            (Lang::Zh, NotText { stated: false, .. }) => {
                "既不是 UTF-8 也不是 GB18030（GBK）文本：请用 --encoding 说明编码".into()
            }
            (Lang::En, NotText { encoding, .. }) if encoding.eq_ignore_ascii_case("utf-8") => {
                "not valid UTF-8 text (if it is GBK or GB18030, say so with --encoding gbk or gb18030)"
                    .into()
            }
            (Lang::Zh, NotText { encoding, .. }) if encoding.eq_ignore_ascii_case("utf-8") => {
                "不是有效的 UTF-8 文本（若为 GBK 或 GB18030，请用 --encoding gbk 或 gb18030 说明）"
                    .into()
            }
            (Lang::En, NotText { encoding, .. }) => format!("not valid {encoding} text"),
            (Lang::Zh, NotText { encoding, .. }) => format!("不是有效的 {encoding} 文本"),
        }
    }

    /// The whole sentence: location, then what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::En => ": ",
            Lang::Zh => "：",
        };
        format!("{}{sep}{}", self.location(lang), self.describe(lang))
    }
}

/// "6, 9 or 12" / "6、9或12".
fn one_of(items: &[u8], sep: &str, last_sep: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(u8::to_string).collect();
            format!("{}{last_sep}{last}", rest.join(sep))
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
