//! `complaint_stats.csv`: read with row-level problems at file, line and field; checked against
//! the divisions; written back unchanged; summed by area, month and category. And the
//! descriptor's `cundi:complete`, read and checked.

mod common;

use common::{at, code, read_demo};
use cundi_core::complaint::Category;
use cundi_core::load::read_package;
use cundi_core::model::{ComplaintStat, Month};
use cundi_core::read::read_complaint_stats;
use cundi_core::stats::{complaint_totals, Tally};
use cundi_core::write::write_complaint_stats;
use cundi_core::{Lang, Problem, Severity};
use std::collections::BTreeMap;

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

const FILE: &str = "complaint_stats.csv";

type At = (String, Option<u64>, Option<String>, String);

fn p(line: u64, field: Option<&str>, kind: &str) -> At {
    (
        FILE.to_string(),
        Some(line),
        field.map(str::to_string),
        kind.to_string(),
    )
}

#[test]
fn months_are_strictly_yyyy_mm() {
    assert_eq!(month("2026-03").to_string(), "2026-03");
    assert_eq!(month(" 2026-12 ").month(), 12);
    for bad in [
        "2026-3",
        "2026-13",
        "2026-00",
        "2026/03",
        "26-03",
        "2026-03-01",
        "",
    ] {
        assert_eq!(Month::parse(bad), None, "{bad}");
    }
    assert!(month("2025-12") < month("2026-01"));
    assert_eq!(
        Month::of(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
        month("2026-11")
    );
    assert_eq!(serde_json::to_value(month("2026-03")).unwrap(), "2026-03");
    assert!(serde_json::from_value::<Month>(serde_json::json!("2026-3")).is_err());
}

#[test]
fn each_bad_row_is_reported_at_its_line_and_field() {
    let csv = "\
jurisdiction_code,month,category,received,resolved,source,note
140522,2026-05,non_delivery,12,10,晋城市邮政管理局,x
140522,2026-5,delay,3,,,
140522,2026-06,late,3,,,
140522,2026-06,delay,-1,,,
140522,2026-06,lost_damaged,4,5,,
14,2026-06,other,1,,,
140522100201,2026-06,other,1,,,
140522,2026-06,illegal_fee,,,,
140522100,2026-06,illegal_fee,2,abc,,
140522100,2026-07,service_attitude,0,0,,
";
    let (rows, problems) = read_complaint_stats(FILE, csv.as_bytes());
    let found: Vec<At> = problems.iter().map(at).collect();
    assert_eq!(
        found,
        [
            p(3, Some("month"), "bad_month"),
            p(4, Some("category"), "unknown_value"),
            p(5, Some("received"), "out_of_range"),
            // More resolved than received.
            p(6, Some("resolved"), "out_of_range"),
            // A province or a village is not where complaint figures are published.
            p(7, Some("jurisdiction_code"), "bad_code"),
            p(8, Some("jurisdiction_code"), "bad_code"),
            p(9, Some("received"), "required"),
            p(10, Some("resolved"), "not_a_number"),
        ]
    );
    assert!(problems.iter().all(Problem::is_error));
    assert_eq!(
        problems[0].message(Lang::En),
        "complaint_stats.csv line 3, field month: “2026-5” is not a month (YYYY-MM)"
    );
    assert_eq!(
        problems[0].message(Lang::Zh),
        "complaint_stats.csv 第 3 行，字段 month：“2026-5”不是月份（应为 YYYY-MM）"
    );
    assert_eq!(
        problems[3].describe(Lang::En),
        "5 is outside the allowed range 0–4"
    );
    assert_eq!(
        problems[4].describe(Lang::En),
        "“14” is not a division code: expected 6 or 9 digits"
    );

    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0],
        ComplaintStat {
            jurisdiction_code: code("140522"),
            month: month("2026-05"),
            category: Category::NonDelivery,
            received: 12,
            resolved: Some(10),
            source: Some("晋城市邮政管理局".into()),
            extra: vec![("note".into(), "x".into())],
        }
    );
    assert_eq!((rows[1].received, rows[1].resolved), (0, Some(0)));
}

#[test]
fn complaint_figures_round_trip_through_the_writer() {
    let csv = "\
jurisdiction_code,month,category,received,resolved,source,备注
140522,2026-05,non_delivery,12,10,\"晋城市邮政管理局, 12305\",第一
140522100,2026-06,delay,3,,,
";
    let (rows, problems) = read_complaint_stats(FILE, csv.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    let written = write_complaint_stats(&rows);
    assert_eq!(String::from_utf8(written.clone()).unwrap(), csv);
    let (again, problems) = read_complaint_stats(FILE, &written);
    assert!(problems.is_empty());
    assert_eq!(again, rows);
    // And as the summary carries them.
    let json = serde_json::to_string(&rows).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<ComplaintStat>>(&json).unwrap(),
        rows
    );
}

fn package(files: &[(&str, &str)]) -> (cundi_core::Dataset, Vec<Problem>) {
    let files: BTreeMap<String, Vec<u8>> = files
        .iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect();
    read_package(&mut |path: &str| files.get(path).cloned().ok_or_else(|| "absent".into()))
}

const DIVISIONS: &str =
    "code,name\n14,山西省\n1405,晋城市\n140522,阳城县\n140522100,凤城镇\n21,辽宁省\n";
const STATIONS: &str = "id,tier,name,admin_code,lon,lat,operator,status\n";
const VILLAGES: &str = "code,name,township_code\n";

#[test]
fn figures_for_an_area_not_in_the_package_or_twice_are_left_out() {
    let stats = "\
jurisdiction_code,month,category,received
140522,2026-05,non_delivery,12
140522101,2026-05,non_delivery,1
370305,2026-05,delay,2
140522,2026-05,non_delivery,7
140522,2026-05,delay,7
";
    let (ds, problems) = package(&[
        (
            "datapackage.json",
            r#"{"name": "t", "cundi:complete": ["14", "15", "1x"]}"#,
        ),
        ("divisions.csv", DIVISIONS),
        ("stations.csv", STATIONS),
        ("villages.csv", VILLAGES),
        ("complaint_stats.csv", stats),
    ]);
    let found: Vec<At> = problems.iter().map(at).collect();
    let d = |kind: &str| {
        (
            "datapackage.json".to_string(),
            None,
            Some("cundi:complete".to_string()),
            kind.to_string(),
        )
    };
    assert_eq!(
        found,
        [
            d("unknown_division"),
            d("bad_code"),
            p(3, Some("jurisdiction_code"), "unknown_division"),
            p(4, Some("jurisdiction_code"), "unknown_division"),
            p(5, Some("jurisdiction_code"), "duplicate"),
        ]
    );
    assert_eq!(
        problems.iter().map(|p| p.severity).collect::<Vec<_>>(),
        [
            Severity::Warning,
            Severity::Warning,
            Severity::Error,
            Severity::Error,
            Severity::Error
        ]
    );
    assert_eq!(
        problems[2].message(Lang::En),
        "complaint_stats.csv line 3, field jurisdiction_code: “140522101” is not a division in the package (divisions.csv)"
    );
    assert_eq!(
        problems[4].describe(Lang::En),
        "“140522 2026-05 non_delivery” appears twice; first on line 2"
    );
    assert_eq!(
        ds.complaint_stats
            .iter()
            .map(|c| (c.jurisdiction_code.as_str(), c.received))
            .collect::<Vec<_>>(),
        [("140522", 12), ("140522", 7)]
    );
    assert_eq!(ds.lines.complaint_stats, [2, 6]);
    // Only the codes that are codes; validation said which are not divisions.
    let descriptor = ds.descriptor.as_ref().unwrap();
    assert_eq!(descriptor.complete_codes(), [code("14"), code("15")]);
}

#[test]
fn a_package_without_complaint_figures_is_fine() {
    let (ds, problems) = package(&[
        ("datapackage.json", r#"{"name": "t"}"#),
        ("divisions.csv", DIVISIONS),
        ("stations.csv", STATIONS),
        ("villages.csv", VILLAGES),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(ds.complaint_stats.is_empty());
    assert!(ds.descriptor.unwrap().complete.is_empty());
    // A descriptor written without `cundi:complete` stays without it.
    let d = cundi_core::package::Descriptor::parse(r#"{"name": "t"}"#).unwrap();
    assert!(!serde_json::to_string(&d)
        .unwrap()
        .contains("cundi:complete"));
}

fn row(
    at: &str,
    m: &str,
    category: Category,
    received: u32,
    resolved: Option<u32>,
) -> ComplaintStat {
    ComplaintStat {
        jurisdiction_code: code(at),
        month: month(m),
        category,
        received,
        resolved,
        source: None,
        extra: vec![],
    }
}

fn tally(rows: u32, received: u64, resolved: u64, received_with_resolved: u64) -> Tally {
    Tally {
        rows,
        received,
        resolved,
        received_with_resolved,
    }
}

#[test]
fn totals_add_every_row_inside_the_area() {
    use Category::*;
    let rows = vec![
        row("140522", "2026-05", NonDelivery, 10, Some(8)),
        row("140522", "2026-05", Delay, 4, None),
        row("140522100", "2026-05", NonDelivery, 2, Some(2)),
        row("140522100", "2026-06", IllegalFee, 3, Some(1)),
        row("140522101", "2026-06", NonDelivery, 0, Some(0)),
        row("370305", "2026-05", NonDelivery, 50, Some(50)),
    ];

    let county = complaint_totals(&rows, &code("140522"));
    assert_eq!(county.total, tally(5, 19, 11, 15));
    assert_eq!(county.total.resolved_pct(), Some(11.0 * 100.0 / 15.0));
    assert_eq!(
        county.by_month.into_iter().collect::<Vec<_>>(),
        [
            (month("2026-05"), tally(3, 16, 10, 12)),
            (month("2026-06"), tally(2, 3, 1, 3)),
        ]
    );
    assert_eq!(
        county.by_category.into_iter().collect::<Vec<_>>(),
        [
            (NonDelivery, tally(3, 12, 10, 12)),
            (IllegalFee, tally(1, 3, 1, 3)),
            (Delay, tally(1, 4, 0, 0)),
        ]
    );
    assert_eq!(county.by_month_category.len(), 4);
    assert_eq!(
        county.by_month_category[&(month("2026-05"), NonDelivery)],
        tally(2, 12, 10, 12)
    );
    // Delay's resolutions are not published: no rate, not 0 %.
    assert_eq!(
        county.by_month_category[&(month("2026-05"), Delay)].resolved_pct(),
        None
    );

    let town = complaint_totals(&rows, &code("140522100"));
    assert_eq!(town.total, tally(2, 5, 3, 5));
    assert_eq!(town.by_month.len(), 2);

    let province = complaint_totals(&rows, &code("37"));
    assert_eq!(province.total, tally(1, 50, 50, 50));
    let all_shanxi = complaint_totals(&rows, &code("14"));
    assert_eq!(all_shanxi.total.received, 19);

    let nowhere = complaint_totals(&rows, &code("21"));
    assert_eq!(nowhere.total, Tally::default());
    assert!(nowhere.by_month.is_empty() && nowhere.by_category.is_empty());
    // A township with a published zero: a row, not a gap.
    let zero = complaint_totals(&rows, &code("140522101"));
    assert_eq!(zero.total.rows, 1);
    assert_eq!(zero.total.resolved_pct(), None, "0 received: no rate");
}

#[test]
fn the_demo_publishes_figures_for_its_three_counties() {
    let ds = read_demo();
    assert!(!ds.complaint_stats.is_empty());
    for county in ["140522", "370305", "411721"] {
        let t = complaint_totals(&ds.complaint_stats, &code(county));
        assert!(t.total.received > 0, "{county}");
        assert!(t.by_month.len() >= 3, "{county}: a few months");
        assert!(t.by_category.len() >= 3, "{county}: a few categories");
        // Some townships have figures of their own.
        assert!(ds
            .complaint_stats
            .iter()
            .any(|c| c.jurisdiction_code.as_str().len() == 9
                && c.jurisdiction_code.as_str().starts_with(county)));
    }
    assert!(ds
        .complaint_stats
        .iter()
        .all(|c| c.resolved.is_none_or(|r| r <= c.received)));
    assert!(ds.complaint_stats.iter().any(|c| c.resolved.is_none()));
}
