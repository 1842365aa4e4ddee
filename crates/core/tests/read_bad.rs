//! The bad fixture package holds one row per kind of problem, between valid rows. Each problem
//! must name the exact file, line and field, and every valid row must survive — including the
//! rows after a quote that is never closed.

mod common;

use common::{at, kind, read_fixture};
use cundi_core::model::Frequency;
use cundi_core::stats::effective_frequency;
use cundi_core::{ProblemKind, Severity};

type At = (String, Option<u64>, Option<String>, String);

fn p(file: &str, line: u64, field: Option<&str>, kind: &str) -> At {
    (
        file.to_string(),
        Some(line),
        field.map(str::to_string),
        kind.to_string(),
    )
}

#[test]
fn every_problem_is_reported_at_its_file_line_and_field() {
    let (_, problems) = read_fixture("bad");
    let mut found: Vec<At> = problems.iter().map(at).collect();
    let d = "divisions.csv";
    let s = "stations.csv";
    let v = "villages.csv";
    let mut expected = vec![
        p(d, 7, Some("code"), "bad_code"),
        p(d, 8, Some("code"), "missing_parent"),
        p(d, 9, Some("code"), "missing_parent"),
        p(d, 10, Some("code"), "duplicate"),
        p(s, 5, Some("admin_code"), "bad_code"),
        p(s, 6, Some("admin_code"), "tier_level_mismatch"),
        p(s, 7, Some("admin_code"), "missing_parent"),
        p(s, 8, Some("lon"), "outside_china"),
        p(s, 9, Some("lon"), "far_outside_county"),
        p(s, 10, Some("id"), "duplicate"),
        p(s, 11, Some("status"), "unknown_value"),
        p(s, 12, Some("operator"), "required"),
        p(s, 13, Some("opened"), "bad_date"),
        p(s, 14, None, "field_count"),
        p(s, 15, None, "broken_quoting"),
        p(s, 18, Some("pickup_fee"), "out_of_range"),
        p(s, 19, Some("standardized"), "not_a_boolean"),
        p(s, 20, Some("lat"), "not_a_number"),
        p(s, 21, Some("services"), "unknown_value"),
        p(v, 4, Some("code"), "bad_code"),
        p(v, 5, Some("township_code"), "missing_parent"),
        p(v, 6, Some("served_by"), "unknown_station"),
        p(v, 7, Some("deliveries_per_week"), "out_of_range"),
        p(v, 8, Some("kind"), "unknown_value"),
        p(v, 9, Some("code"), "code_mismatch"),
        p(v, 10, Some("lon"), "far_outside_county"),
        p(v, 11, Some("code"), "duplicate"),
        p(v, 12, Some("updated"), "bad_date"),
        p("targets.csv", 1, Some("deadline"), "missing_column"),
        p("authorities.csv", 3, Some("jurisdiction_code"), "duplicate"),
    ];
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn every_valid_row_of_the_bad_package_is_kept() {
    let (ds, _) = read_fixture("bad");
    let codes: Vec<&str> = ds.divisions.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "14",
            "1405",
            "140522",
            "140522100",
            "140522101",
            "140522102"
        ]
    );
    let ids: Vec<&str> = ds.stations.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["C1", "T1", "P1", "P2", "P3"]);
    let villages: Vec<&str> = ds.villages.iter().map(|v| v.code.as_str()).collect();
    assert_eq!(
        villages,
        [
            "140522100201",
            "140522100202",
            "140522100203",
            "140522101202"
        ]
    );
    assert!(
        ds.targets.is_empty(),
        "a missing required column drops the file's rows"
    );
    assert_eq!(ds.authorities.len(), 1);
    assert_eq!(
        ds.authorities[0].name, "晋城市邮政管理局",
        "the first of two is kept"
    );
}

#[test]
fn lines_stay_aligned_with_rows_after_dropping() {
    let (ds, _) = read_fixture("bad");
    assert_eq!(ds.lines.stations, [2, 3, 4, 16, 17]);
    assert_eq!(ds.lines.villages, [2, 3, 6, 13]);
    assert_eq!(ds.lines.divisions, [2, 3, 4, 5, 6, 11]);
}

#[test]
fn rows_after_broken_quoting_survive_and_are_referenced() {
    let (ds, problems) = read_fixture("bad");
    assert_eq!(
        ds.station("P2").unwrap().admin_code.as_str(),
        "140522100202"
    );
    assert!(ds.station("X10").is_none());
    // 西关村 is served by P2, which follows the broken row: no UnknownStation for it.
    assert!(!problems
        .iter()
        .any(|p| p.file == "villages.csv" && p.line == Some(3)));
    let broken = problems
        .iter()
        .find(|p| kind(p) == "broken_quoting")
        .unwrap();
    assert!(broken
        .value
        .as_deref()
        .unwrap()
        .starts_with("X10,village_point,\"没有闭合的引号"));
}

#[test]
fn unknown_station_is_a_warning_and_the_village_counts_as_unserved() {
    let (ds, problems) = read_fixture("bad");
    let w = problems
        .iter()
        .find(|p| kind(p) == "unknown_station")
        .unwrap();
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(
        w.kind,
        ProblemKind::UnknownStation {
            id: "NOSUCH".into()
        }
    );
    assert_eq!(w.value.as_deref(), Some("NOSUCH"));
    let v = ds.village("140522100203").expect("the row itself is kept");
    assert_eq!(effective_frequency(&ds, v), Frequency::Unserved);
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count(),
        1,
        "every other problem in the bad package is an error"
    );
}

#[test]
fn problem_payloads_say_what_was_expected() {
    let (_, problems) = read_fixture("bad");
    let get = |file: &str, line: u64| {
        problems
            .iter()
            .find(|p| p.file == file && p.line == Some(line))
            .unwrap_or_else(|| panic!("{file}:{line}"))
    };
    assert_eq!(
        get("divisions.csv", 7).kind,
        ProblemKind::BadCode {
            digits: vec![2, 4, 6, 9]
        }
    );
    assert_eq!(
        get("divisions.csv", 8).kind,
        ProblemKind::MissingParent {
            parent: "1406".into()
        }
    );
    assert_eq!(
        get("divisions.csv", 9).kind,
        ProblemKind::MissingParent {
            parent: "140621".into()
        },
        "a township under a county that was left out is left out too"
    );
    assert_eq!(
        get("divisions.csv", 10).kind,
        ProblemKind::Duplicate { first_line: 5 }
    );
    assert_eq!(
        get("stations.csv", 5).kind,
        ProblemKind::BadCode {
            digits: vec![6, 9, 12]
        }
    );
    assert_eq!(
        get("stations.csv", 5).value.as_deref(),
        Some("14052210020A")
    );
    assert_eq!(
        get("stations.csv", 6).kind,
        ProblemKind::TierLevelMismatch { digits: 9 }
    );
    assert_eq!(
        get("stations.csv", 7).kind,
        ProblemKind::MissingParent {
            parent: "140522100299".into()
        }
    );
    assert_eq!(get("stations.csv", 8).value.as_deref(), Some("2.35, 48.85"));
    match get("stations.csv", 9).kind {
        ProblemKind::FarOutsideCounty { km } => assert!((70.0..75.0).contains(&km), "{km}"),
        ref other => panic!("{other:?}"),
    }
    assert_eq!(
        get("stations.csv", 10).kind,
        ProblemKind::Duplicate { first_line: 4 }
    );
    assert_eq!(
        get("stations.csv", 14).kind,
        ProblemKind::FieldCount {
            expected: 20,
            found: 6
        }
    );
    assert_eq!(
        get("stations.csv", 18).kind,
        ProblemKind::OutOfRange {
            min: 0.0,
            max: 1000.0
        }
    );
    assert_eq!(get("stations.csv", 21).value.as_deref(), Some("teleport"));
    assert_eq!(
        get("villages.csv", 4).kind,
        ProblemKind::BadCode { digits: vec![12] }
    );
    assert_eq!(
        get("villages.csv", 7).kind,
        ProblemKind::OutOfRange {
            min: 0.0,
            max: 21.0
        }
    );
    assert_eq!(
        get("villages.csv", 9).kind,
        ProblemKind::CodeMismatch {
            expected_prefix: "140522100".into()
        }
    );
    assert_eq!(
        get("villages.csv", 11).kind,
        ProblemKind::Duplicate { first_line: 2 }
    );
    match &get("villages.csv", 8).kind {
        ProblemKind::UnknownValue { allowed } => assert_eq!(allowed, &["village", "community"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn messages_read_as_sentences_with_location() {
    let (_, problems) = read_fixture("bad");
    let p = problems
        .iter()
        .find(|p| p.file == "stations.csv" && p.line == Some(13))
        .unwrap();
    assert_eq!(
        p.to_string(),
        "stations.csv line 13, field opened: “2024/05/01” is not a date (YYYY-MM-DD)"
    );
}

#[test]
fn bom_is_stripped_before_the_header() {
    let (ds, problems) = read_fixture("bad");
    // divisions.csv starts with a UTF-8 BOM: the header's first column is still `code`.
    assert!(!problems
        .iter()
        .any(|p| p.file == "divisions.csv" && kind(p) == "missing_column"));
    assert_eq!(ds.division("14").unwrap().name, "山西省");
}

#[test]
fn validate_alone_reports_nothing_on_what_read_package_kept() {
    let (ds, _) = read_fixture("bad");
    let again = cundi_core::validate::validate(&ds);
    let errors: Vec<_> = again.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(again.len(), 1, "only the unknown-station warning remains");
    assert_eq!(kind(&again[0]), "unknown_station");
}
