//! What changed between two versions of a package, on two small versions kept as fixtures:
//! `versions/v1` is the valid fixture (阳城县) and `versions/v2` is it edited by hand —
//!
//! - station P5 added (西坡村), P4 removed (下庄村);
//! - P2: phone filled in, status operating → closed;
//! - T1: its own `wechat` column changed; its coordinates written `112.415,35.483000` instead of
//!   `112.4150,35.4830` (equal, so no change);
//! - T2: `否`/`0` written `false`/`no` (equal); C1 moved to another line of the file (no change);
//! - 西关村: deliveries_per_week 3 → 7; 北关村: its own `survey` column changed;
//!   东关村: `112.4230,35.4901` written `112.423,35.49010` (equal);
//! - datapackage.json: version 0.1.0 → 0.2.0, created 2025-01-15 → 2025-03-01.

mod common;

use common::{read_fixture, station};
use cundi_core::dataset::{Dataset, Parts};
use cundi_core::diff::{diff, Changed, Changes, Counts, CountyCount, FieldChange, Row};
use cundi_core::{Code, Lang, Tier};

fn versions() -> (Dataset, Dataset) {
    let (old, p) = read_fixture("versions/v1");
    assert!(p.is_empty(), "{p:#?}");
    let (new, p) = read_fixture("versions/v2");
    assert!(p.is_empty(), "{p:#?}");
    (old, new)
}

fn code(c: &str) -> Option<Code> {
    Some(Code::parse(c).unwrap())
}

fn change(field: &str, old: &str, new: &str) -> FieldChange {
    FieldChange {
        field: field.into(),
        old: old.into(),
        new: new.into(),
    }
}

fn cells(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_diff_on_two_small_versions() {
    let (old, new) = versions();
    let changes = diff(&old, &new);

    assert_eq!(changes.old_version.as_deref(), Some("0.1.0"));
    assert_eq!(changes.old_created.as_deref(), Some("2025-01-15"));
    assert_eq!(changes.new_version.as_deref(), Some("0.2.0"));
    assert_eq!(changes.new_created.as_deref(), Some("2025-03-01"));

    assert_eq!(
        changes.stations.added,
        [Row {
            key: "P5".into(),
            name: "西坡村快递点".into(),
            county: code("140522"),
            // Every non-empty field as the writer writes it: `112.5100` is `112.51`.
            cells: cells(&[
                ("id", "P5"),
                ("tier", "village_point"),
                ("name", "西坡村快递点"),
                ("admin_code", "140522101203"),
                ("lon", "112.51"),
                ("lat", "35.565"),
                ("operator", "阳城县北留镇供销社"),
                ("brands", "极兔"),
                ("model", "other"),
                ("services", "delivery;pickup_produce"),
                ("hours", "Mo-Fr 09:00-17:00"),
                ("pickup_fee", "0"),
                ("status", "operating"),
                ("opened", "2025-02-10"),
                ("wechat", "xipo_point"),
            ]),
        }]
    );
    assert_eq!(
        changes.stations.removed,
        [Row {
            key: "P4".into(),
            name: "下庄村快递点".into(),
            county: code("140522"),
            cells: cells(&[
                ("id", "P4"),
                ("tier", "village_point"),
                ("name", "下庄村快递点"),
                ("admin_code", "140522101202"),
                ("lon", "112.53"),
                ("lat", "35.58"),
                ("operator", "阳城县北留镇供销社"),
                ("status", "planned"),
            ]),
        }]
    );
    // Sorted by id; C1, P1, P3 and T2 are unchanged, however their text was written.
    assert_eq!(
        changes.stations.changed,
        [
            Changed {
                key: "P2".into(),
                name: "西关村快递点".into(),
                county: code("140522"),
                fields: vec![
                    change("phone", "", "0356-4225678"),
                    change("status", "operating", "closed"),
                ],
            },
            Changed {
                key: "T1".into(),
                name: "凤城镇综合服务站".into(),
                county: code("140522"),
                fields: vec![change("wechat", "fengcheng_post", "fengcheng_ems")],
            },
        ]
    );

    assert!(changes.villages.added.is_empty());
    assert!(changes.villages.removed.is_empty());
    assert_eq!(
        changes.villages.changed,
        [
            Changed {
                key: "140522100202".into(),
                name: "西关村".into(),
                county: code("140522"),
                fields: vec![change("deliveries_per_week", "3", "7")],
            },
            Changed {
                key: "140522100204".into(),
                name: "北关村".into(),
                county: code("140522"),
                fields: vec![change("survey", "2024年入户", "2025年复核")],
            },
        ]
    );

    assert_eq!(
        changes.counties,
        [CountyCount {
            code: Code::parse("140522").unwrap(),
            stations: Counts {
                added: 1,
                removed: 1,
                changed: 2
            },
            villages: Counts {
                added: 0,
                removed: 0,
                changed: 2
            },
        }]
    );
    assert_eq!(
        changes.counties[0].total().describe(Lang::En),
        "1 added, 1 removed, 4 changed"
    );
    assert_eq!(
        changes.counties[0].total().describe(Lang::Zh),
        "新增 1，删除 1，变更 4"
    );
}

#[test]
fn a_version_compared_with_itself_has_no_changes() {
    let (old, _) = versions();
    let changes = diff(&old, &old);
    assert!(changes.is_empty());
    assert!(changes.counties.is_empty());
    assert_eq!(changes.old_version, changes.new_version);
    // Only the versions are left in the JSON.
    assert_eq!(
        serde_json::to_string(&changes).unwrap(),
        r#"{"old_version":"0.1.0","old_created":"2025-01-15","new_version":"0.1.0","new_created":"2025-01-15"}"#
    );
}

#[test]
fn changes_json_is_compact_and_reads_back() {
    let (old, new) = versions();
    let changes = diff(&old, &new);
    let json = serde_json::to_string(&changes).unwrap();
    assert_eq!(Changes::parse(&json).unwrap(), changes);
    // A change is a [field, old, new] triple; zero counts and empty lists are left out.
    assert!(
        json.contains(r#""fields":[["phone","","0356-4225678"],["status","operating","closed"]]"#),
        "{json}"
    );
    assert!(
        json.contains(
            r#"{"code":"140522","stations":{"added":1,"removed":1,"changed":2},"villages":{"changed":2}}"#
        ),
        "{json}"
    );
    assert!(!json.contains(r#""added":[]"#), "{json}");
    // Without versions in either descriptor, the JSON says nothing about them.
    let bare =
        Changes::parse(r#"{"stations":{"removed":[{"key":"X","name":"x","cells":[]}]}}"#).unwrap();
    assert_eq!(bare.old_version, None);
    assert_eq!(bare.stations.removed[0].county, None);
    assert_eq!(bare.stations.counts().removed, 1);
}

#[test]
fn the_report_names_every_change_in_both_languages() {
    let (old, new) = versions();
    let changes = diff(&old, &new);
    let name = |c: &Code| new.name_of(c.as_str()).map(str::to_string);
    let en = changes.report(Lang::En, &name);
    let zh = changes.report(Lang::Zh, &name);
    for expected in [
        "Old: version 0.1.0, created 2025-01-15",
        "New: version 0.2.0, created 2025-03-01",
        "Stations: 1 added, 1 removed, 2 changed",
        "Villages: 0 added, 0 removed, 2 changed",
        "  阳城县 (140522): stations 1 added, 1 removed, 2 changed; villages 0 added, 0 removed, 2 changed",
        "Stations added:\n  P5 西坡村快递点 (阳城县)\n    id: P5\n",
        "Stations removed:\n  P4 下庄村快递点 (阳城县)\n",
        "  P2 西关村快递点 (阳城县)\n    phone: (empty) → “0356-4225678”\n    status: “operating” → “closed”\n",
        "    wechat: “fengcheng_post” → “fengcheng_ems”",
        "Villages changed:\n  140522100202 西关村 (阳城县)\n    deliveries_per_week: “3” → “7”\n",
        "    survey: “2024年入户” → “2025年复核”",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in:\n{en}");
    }
    for expected in [
        "旧版：版本 0.1.0，创建于 2025-01-15",
        "新版：版本 0.2.0，创建于 2025-03-01",
        "站点：新增 1，删除 1，变更 2",
        "村：新增 0，删除 0，变更 2",
        "  阳城县（140522）：站点 新增 1，删除 1，变更 2；村 新增 0，删除 0，变更 2",
        "新增的站点：\n  P5 西坡村快递点（阳城县）\n",
        "删除的站点：\n  P4 下庄村快递点（阳城县）\n",
        "    phone：（空）→“0356-4225678”\n    status：“operating”→“closed”\n",
        "变更的村：\n  140522100202 西关村（阳城县）\n    deliveries_per_week：“3”→“7”\n",
    ] {
        assert!(zh.contains(expected), "missing {expected:?} in:\n{zh}");
    }
    assert!(
        !en.contains("T2") && !en.contains("C1 ") && !en.contains("东关村 "),
        "{en}"
    );

    let same = diff(&old, &old);
    assert!(same
        .report(Lang::En, &name)
        .ends_with("No station or village changed.\n"));
    assert!(same
        .report(Lang::Zh, &name)
        .ends_with("站点和村均无变化。\n"));
}

fn dataset(stations: Vec<cundi_core::Station>) -> Dataset {
    Dataset::new(Parts {
        stations,
        ..Parts::default()
    })
}

#[test]
fn own_columns_are_compared_by_name_and_occurrence() {
    let mut a = station(
        "S1",
        Tier::VillagePoint,
        "一号点",
        "140522100201",
        112.4,
        35.4,
    );
    let mut b = a.clone();
    a.extra = vec![
        ("note".into(), "a".into()),
        ("note".into(), "b".into()),
        ("gone".into(), "x".into()),
    ];
    // The second `note` changes, `gone` disappears, `new` appears, and the order of the columns
    // does not matter.
    b.extra = vec![
        ("new".into(), "y".into()),
        ("note".into(), "a".into()),
        ("note".into(), "c".into()),
    ];
    let changes = diff(&dataset(vec![a]), &dataset(vec![b]));
    assert_eq!(
        changes.stations.changed[0].fields,
        [
            change("new", "", "y"),
            change("note", "b", "c"),
            change("gone", "x", ""),
        ]
    );
}

#[test]
fn a_moved_station_counts_under_its_new_county_and_equal_numbers_are_no_change() {
    let a = station(
        "S1",
        Tier::VillagePoint,
        "一号点",
        "140522100201",
        112.4,
        35.4,
    );
    let mut b = a.clone();
    b.admin_code = Code::parse("370305001201").unwrap();
    // -0 and 0 are the same fee.
    let mut c = station(
        "S2",
        Tier::VillagePoint,
        "二号点",
        "140522100202",
        1.0,
        35.0,
    );
    c.pickup_fee = Some(-0.0);
    let mut d = c.clone();
    d.pickup_fee = Some(0.0);
    // A key repeated in one version: the first row counts.
    let mut dup = c.clone();
    dup.name = "重复".into();
    let changes = diff(&dataset(vec![a, c]), &dataset(vec![b, d, dup]));
    assert_eq!(changes.stations.changed.len(), 1, "{changes:#?}");
    let moved = &changes.stations.changed[0];
    assert_eq!(moved.county, code("370305"));
    assert_eq!(
        moved.fields,
        [change("admin_code", "140522100201", "370305001201")]
    );
    assert_eq!(
        changes
            .counties
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        ["370305"]
    );
}
