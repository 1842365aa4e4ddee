//! Targets against the data, on a dataset small enough to count by hand:
//!
//! 阳城县 140522 (in 晋城市 1405, 山西省 14) has county centre C1 (operating) and three towns.
//! 凤城镇 140522100 — township station T1 (operating, standardized, no locker) and villages
//! V1 (pop 3000, own point P1, served by P1 7×/week), V2 (pop 1200, own point P2, served by P2
//! 3×/week), V3 (pop 2600, no point, served by P1, frequency unknown), V4 (no population, no
//! point, served by T1 7×/week). P1: operating, filed, standardized, locker. P2: operating, not
//! filed, `standardized` and `locker` empty.
//! 北留镇 140522101 — township station T2 planned (standardized, but not operating); village V5
//! with no service.
//! 润城镇 140522102 — nothing.
//! 辽宁省 21 is a division with no counties; 15 is no division at all.
//!
//! So 阳城县: 3 townships, 1 with a station; 5 villages, 2 with a point, 4 served, 2 daily (V1,
//! V4); 2 large villages (V1, V3), 1 with a point; 2 served from a locker (V1, V3); 1 county
//! centre; 1 township station, 1 standardized; 2 village points, 1 standardized, 1 filed.

mod common;

use chrono::NaiveDate;
use common::{code, read_demo, station};
use cundi_core::bundle::{Area, PackageInfo, Summary, Unparsed, FORMAT_VERSION};
use cundi_core::model::{Division, Indicator, Status as StationStatus, Target, Tier, Village};
use cundi_core::stats::{area_stats, AreaStats};
use cundi_core::targets::{
    assess, assess_all, assess_dataset, expected_by_now, in_data, Assessment, Coverage, Status,
    Unmeasurable,
};
use cundi_core::{Code, Dataset, Lang, Parts};
use std::collections::BTreeMap;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn village(
    c: &str,
    population: Option<u32>,
    served_by: Option<&str>,
    per_week: Option<u8>,
) -> Village {
    Village {
        population,
        ..common::village(c, &format!("村{c}"), served_by, per_week)
    }
}

fn dataset() -> Dataset {
    let divisions = [
        ("14", "山西省"),
        ("1405", "晋城市"),
        ("140522", "阳城县"),
        ("140522100", "凤城镇"),
        ("140522101", "北留镇"),
        ("140522102", "润城镇"),
        ("21", "辽宁省"),
    ]
    .into_iter()
    .map(|(c, n)| Division::new(code(c), n))
    .collect();
    let mut c1 = station(
        "C1",
        Tier::CountyCenter,
        "阳城县仓配中心",
        "140522",
        112.4,
        35.5,
    );
    c1.locker = Some(false);
    let mut t1 = station(
        "T1",
        Tier::TownshipStation,
        "凤城镇站",
        "140522100",
        112.4,
        35.5,
    );
    t1.standardized = Some(true);
    t1.locker = Some(false);
    let mut t2 = station(
        "T2",
        Tier::TownshipStation,
        "北留镇站",
        "140522101",
        112.4,
        35.5,
    );
    t2.standardized = Some(true);
    t2.status = StationStatus::Planned;
    let mut p1 = station(
        "P1",
        Tier::VillagePoint,
        "东关点",
        "140522100201",
        112.4,
        35.5,
    );
    p1.filing_no = Some("晋快备-1".into());
    p1.standardized = Some(true);
    p1.locker = Some(true);
    let p2 = station(
        "P2",
        Tier::VillagePoint,
        "西关点",
        "140522100202",
        112.4,
        35.5,
    );
    assert_eq!(
        (p2.standardized, p2.locker, p2.filing_no.as_ref()),
        (None, None, None)
    );
    let villages = vec![
        village("140522100201", Some(3000), Some("P1"), Some(7)),
        village("140522100202", Some(1200), Some("P2"), Some(3)),
        village("140522100203", Some(2600), Some("P1"), None),
        village("140522100204", None, Some("T1"), Some(7)),
        village("140522101201", Some(800), None, None),
    ];
    Dataset::new(Parts {
        divisions,
        stations: vec![c1, t1, t2, p1, p2],
        villages,
        ..Parts::default()
    })
}

fn target(at: &str, indicator: Indicator, value: f64, deadline: &str) -> Target {
    Target {
        jurisdiction_code: code(at),
        indicator,
        target: value,
        deadline: day(deadline),
        doc_no: "阳政办发〔2022〕45号".into(),
        doc_title: "阳城县农村寄递物流服务全覆盖实施方案".into(),
        issued_by: "阳城县人民政府办公室".into(),
        issued_on: None,
        note: None,
        extra: vec![],
    }
}

/// Assesses against the fixture with the given provinces and cities declared complete.
fn check(t: &Target, complete: &[&str], as_of: &str) -> Assessment {
    let ds = dataset();
    let stats = area_stats(&ds);
    let complete: Vec<Code> = complete.iter().map(|c| code(c)).collect();
    assess(t, &Coverage::new(&stats, &complete), day(as_of))
}

const AFTER: &str = "2026-01-01";

/// The hand-counted figure of every indicator the data shows, for 阳城县.
fn yangcheng_figures() -> Vec<(Indicator, f64)> {
    use Indicator::*;
    vec![
        (VillagePointCoveragePct, 40.0),
        (LargeVillagePointCoveragePct, 50.0),
        (DailyServicePct, 40.0),
        (TownshipStationCoveragePct, 100.0 / 3.0),
        (TownshipStationCount, 1.0),
        (StandardizedTownshipStations, 1.0),
        (StandardizedTownshipStationsPct, 100.0),
        (VillagePointCount, 2.0),
        (StandardizedVillagePoints, 1.0),
        (FiledVillagePoints, 1.0),
        (LockerVillagePct, 40.0),
        (CountyCenterBuilt, 1.0),
    ]
}

#[test]
fn every_indicator_in_the_data_is_measured_as_counted_by_hand() {
    let figures = yangcheng_figures();
    let measurable: Vec<Indicator> = Indicator::ALL
        .iter()
        .copied()
        .filter(|&i| in_data(i))
        .collect();
    assert_eq!(
        figures.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        measurable,
        "every indicator the data shows has a hand-counted figure"
    );
    for (indicator, value) in figures {
        // Exactly the figure: met, whatever the date.
        let t = target("140522", indicator, value, "2022-06-30");
        let a = check(&t, &[], AFTER);
        assert_eq!(a.status, Status::Met, "{indicator}: {a:?}");
        assert_eq!(a.unmeasurable, None);
        let v = a.value.unwrap();
        assert!((v - value).abs() < 1e-9, "{indicator}: {v} ≠ {value}");

        // One more than the figure, after the deadline: missed, with the figure still shown.
        let t = target("140522", indicator, value + 1.0, "2022-06-30");
        let a = check(&t, &[], AFTER);
        assert_eq!(a.status, Status::Missed, "{indicator}: {a:?}");
        assert!((a.value.unwrap() - value).abs() < 1e-9);
    }
}

#[test]
fn percentages_compare_as_percentages_and_counts_as_counts() {
    // 40 %, not 0.4: a target of 0.5 (meant as a share) would be met, 50 is not.
    let a = check(
        &target(
            "140522",
            Indicator::VillagePointCoveragePct,
            50.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!((a.value, a.status), (Some(40.0), Status::Missed));
    let a = check(
        &target(
            "140522",
            Indicator::VillagePointCoveragePct,
            40.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!(a.status, Status::Met);
    // A county centre "built" is at least one operating centre.
    let a = check(
        &target("140522", Indicator::CountyCenterBuilt, 1.0, "2022-11-30"),
        &[],
        AFTER,
    );
    assert_eq!((a.value, a.status), (Some(1.0), Status::Met));
    let a = check(
        &target("140522101", Indicator::CountyCenterBuilt, 1.0, "2022-11-30"),
        &[],
        AFTER,
    );
    assert_eq!((a.value, a.status), (Some(0.0), Status::Missed));
}

#[test]
fn planned_stations_and_empty_fields_do_not_count() {
    // 北留镇: its township station is planned, so no station, no standardized station.
    let a = check(
        &target(
            "140522101",
            Indicator::TownshipStationCount,
            1.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!(a.value, Some(0.0));
    let a = check(
        &target(
            "140522101",
            Indicator::StandardizedTownshipStations,
            1.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!(a.value, Some(0.0));
    // Its share of standardized stations is of no operating station: nothing to measure.
    let a = check(
        &target(
            "140522101",
            Indicator::StandardizedTownshipStationsPct,
            100.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!(a.status, Status::NotMeasurable);
    assert_eq!(a.unmeasurable, Some(Unmeasurable::NothingToMeasure));
    // P2's empty `standardized` and filing number count as neither.
    let a = check(
        &target(
            "140522100",
            Indicator::StandardizedVillagePoints,
            2.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!((a.value, a.status), (Some(1.0), Status::Missed));
    // V4 has no population: not a large village, but still a village.
    let a = check(
        &target(
            "140522100",
            Indicator::LargeVillagePointCoveragePct,
            50.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!(a.value, Some(50.0));
}

#[test]
fn shares_of_an_area_with_no_villages_are_not_measurable_but_counts_are() {
    for indicator in [
        Indicator::VillagePointCoveragePct,
        Indicator::LargeVillagePointCoveragePct,
        Indicator::DailyServicePct,
        Indicator::LockerVillagePct,
        Indicator::StandardizedTownshipStationsPct,
    ] {
        let a = check(
            &target("140522102", indicator, 100.0, "2022-06-30"),
            &[],
            AFTER,
        );
        assert_eq!(a.status, Status::NotMeasurable, "{indicator}");
        assert_eq!(
            a.unmeasurable,
            Some(Unmeasurable::NothingToMeasure),
            "{indicator}"
        );
        assert_eq!(a.value, None);
    }
    // A township's coverage of townships is itself: 0 of 1.
    let a = check(
        &target(
            "140522102",
            Indicator::TownshipStationCoveragePct,
            100.0,
            "2022-06-30",
        ),
        &[],
        AFTER,
    );
    assert_eq!((a.value, a.status), (Some(0.0), Status::Missed));
    let a = check(
        &target("140522102", Indicator::VillagePointCount, 1.0, "2022-06-30"),
        &[],
        AFTER,
    );
    assert_eq!((a.value, a.status), (Some(0.0), Status::Missed));
}

#[test]
fn status_before_at_and_after_the_deadline() {
    let short = target(
        "140522",
        Indicator::VillagePointCoveragePct,
        60.0,
        "2022-06-30",
    );
    let reached = target(
        "140522",
        Indicator::VillagePointCoveragePct,
        40.0,
        "2022-06-30",
    );
    for (as_of, short_status) in [
        ("2022-01-01", Status::OnTrack),
        ("2022-06-29", Status::OnTrack),
        // The deadline day itself is still "deadline ahead".
        ("2022-06-30", Status::OnTrack),
        ("2022-07-01", Status::Missed),
        ("2030-01-01", Status::Missed),
    ] {
        assert_eq!(check(&short, &[], as_of).status, short_status, "{as_of}");
        assert_eq!(check(&reached, &[], as_of).status, Status::Met, "{as_of}");
    }
    assert_eq!(
        cundi_core::targets::status(59.99, 60.0, day("2022-06-30"), day("2022-06-30")),
        Status::OnTrack
    );
    // A share computed a hair under its exact value is not "short".
    assert_eq!(
        cundi_core::targets::status(60.0 - 1e-12, 60.0, day("2022-06-30"), day("2023-01-01")),
        Status::Met
    );
}

#[test]
fn expected_by_now_is_the_pro_rata_share_and_leaves_the_status_alone() {
    let mut t = target(
        "140522",
        Indicator::VillagePointCoveragePct,
        100.0,
        "2022-12-31",
    );
    assert_eq!(
        expected_by_now(&t, day("2022-07-01")),
        None,
        "no date of issue"
    );
    t.issued_on = Some(day("2022-01-01"));
    // 364 days from issue to deadline; 182 gone by 2 July.
    assert_eq!(expected_by_now(&t, day("2022-07-02")), Some(50.0));
    assert_eq!(
        expected_by_now(&t, day("2021-06-01")),
        Some(0.0),
        "before issue"
    );
    assert_eq!(expected_by_now(&t, day("2022-12-31")), Some(100.0));
    assert_eq!(
        expected_by_now(&t, day("2024-01-01")),
        None,
        "after the deadline there is no pace, only the target"
    );

    let a = check(&t, &[], "2022-07-02");
    assert_eq!(a.status, Status::OnTrack, "40 % of 100 %, deadline ahead");
    assert_eq!(a.expected_by_now, Some(50.0));
    assert_eq!(a.behind_pace(), Some(true), "40 % where 50 % was due");
    let a = check(&t, &[], "2022-03-01");
    assert_eq!(a.status, Status::OnTrack);
    assert_eq!(a.behind_pace(), Some(false));

    // A deadline on or before the day of issue has no pace to keep.
    t.issued_on = Some(day("2022-12-31"));
    assert_eq!(expected_by_now(&t, day("2022-12-31")), None);
    // Not measurable still says what was due.
    let mut demo = target("140522", Indicator::DemoCountyCount, 20.0, "2023-11-30");
    demo.issued_on = Some(day("2023-02-27"));
    let a = check(&demo, &[], "2023-11-30");
    assert_eq!(a.expected_by_now, Some(20.0));
    assert_eq!(a.behind_pace(), None);
}

/// A target reached by the data's date but past its deadline is met *as of* that date: the data
/// cannot show it was met in time. On the deadline itself it is simply met.
#[test]
fn met_after_the_deadline_is_told_apart_from_met_in_time() {
    let mut t = target(
        "140522",
        Indicator::VillagePointCoveragePct,
        10.0,
        "2022-12-31",
    );
    t.issued_on = Some(day("2022-01-01"));
    let on_time = check(&t, &[], "2022-12-31");
    assert_eq!(on_time.status, Status::Met);
    assert!(!on_time.past_deadline);
    assert!(!on_time.met_after_deadline());
    let late = check(&t, &[], "2023-01-01");
    assert_eq!(late.status, Status::Met);
    assert!(late.past_deadline);
    assert!(late.met_after_deadline());
    assert_eq!(late.expected_by_now, None);
    // Missed is missed, not "met after".
    t.target = 100.0;
    let missed = check(&t, &[], "2023-01-01");
    assert_eq!(missed.status, Status::Missed);
    assert!(missed.past_deadline && !missed.met_after_deadline());
}

#[test]
fn a_province_or_city_is_measured_only_when_declared_complete() {
    let province = target("14", Indicator::VillagePointCount, 2.0, "2022-06-30");
    let city = target("1405", Indicator::VillagePointCount, 2.0, "2022-06-30");

    for t in [&province, &city] {
        let a = check(t, &[], AFTER);
        assert_eq!(a.status, Status::NotMeasurable);
        assert_eq!(
            a.unmeasurable,
            Some(Unmeasurable::PartialCoverage {
                counties_in_data: 1
            })
        );
        assert_eq!(a.value, None);
    }
    // The province declared: it and the city inside it are measured.
    for t in [&province, &city] {
        let a = check(t, &["14"], AFTER);
        assert_eq!((a.value, a.status), (Some(2.0), Status::Met), "{a:?}");
    }
    // Only the city declared: the province is still a sample.
    assert_eq!(check(&city, &["1405"], AFTER).status, Status::Met);
    assert_eq!(
        check(&province, &["1405"], AFTER).status,
        Status::NotMeasurable
    );

    // 辽宁省 is a division with none of its counties in the data.
    let liaoning = target(
        "21",
        Indicator::VillagePointCoveragePct,
        100.0,
        "2025-12-31",
    );
    assert_eq!(
        check(&liaoning, &[], AFTER).unmeasurable,
        Some(Unmeasurable::PartialCoverage {
            counties_in_data: 0
        })
    );
    // Declared complete, it is measured: nothing to share of no villages.
    assert_eq!(
        check(&liaoning, &["21"], AFTER).unmeasurable,
        Some(Unmeasurable::NothingToMeasure)
    );
    // A code that is no area of the data at all.
    for at in ["15", "140523", "140522199"] {
        let a = check(
            &target(at, Indicator::VillagePointCount, 1.0, "2022-06-30"),
            &["14", "15"],
            AFTER,
        );
        assert_eq!(
            a.unmeasurable,
            Some(Unmeasurable::JurisdictionNotInData),
            "{at}"
        );
    }
}

#[test]
fn demonstration_indicators_are_never_measurable() {
    for indicator in [
        Indicator::DemoCountyCount,
        Indicator::DemoProjectCount,
        Indicator::DemoTownshipCenterCount,
        Indicator::DemoVillageStationCount,
    ] {
        assert!(!in_data(indicator));
        for at in ["140522", "14", "21"] {
            let a = check(
                &target(at, indicator, 1.0, "2022-06-30"),
                &["14", "21"],
                AFTER,
            );
            assert_eq!(a.status, Status::NotMeasurable);
            assert_eq!(
                a.unmeasurable,
                Some(Unmeasurable::IndicatorNotInData),
                "{indicator} {at}"
            );
        }
    }
}

#[test]
fn coverage_counts_counties_and_knows_what_is_whole() {
    let ds = dataset();
    let stats = area_stats(&ds);
    let coverage = Coverage::new(&stats, &[code("21")]);
    assert_eq!(coverage.counties_in(&code("14")), 1);
    assert_eq!(coverage.counties_in(&code("1405")), 1);
    assert_eq!(coverage.counties_in(&code("140522")), 1);
    assert_eq!(coverage.counties_in(&code("21")), 0);
    assert!(coverage.is_complete(&code("140522")));
    assert!(coverage.is_complete(&code("140522100")));
    assert!(!coverage.is_complete(&code("14")));
    assert!(coverage.is_complete(&code("21")));
    assert!(
        coverage.is_complete(&code("2101")),
        "a city of a declared province"
    );
}

#[test]
fn statuses_and_reasons_read_in_both_languages() {
    let mut seen = Vec::new();
    for s in Status::ALL {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!s.label(lang).is_empty());
            seen.push(s.label(lang));
        }
        assert_eq!(Status::parse(s.as_str()), Some(*s));
    }
    assert_eq!(
        Status::OnTrack.label(Lang::En),
        "Not met yet, deadline ahead"
    );
    let reasons = [
        Unmeasurable::IndicatorNotInData,
        Unmeasurable::JurisdictionNotInData,
        Unmeasurable::PartialCoverage {
            counties_in_data: 3,
        },
        Unmeasurable::NothingToMeasure,
    ];
    for r in reasons {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!r.label(lang).is_empty());
            seen.push(r.label(lang));
        }
    }
    let n = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), n, "every label is its own");
    assert_eq!(
        Unmeasurable::PartialCoverage {
            counties_in_data: 3
        }
        .describe(Lang::En),
        "The data holds only 3 of this area's counties, not the whole area"
    );
    assert_eq!(
        Unmeasurable::PartialCoverage {
            counties_in_data: 3
        }
        .describe(Lang::Zh),
        "数据只含该地区的 3 个县，不能代表全域"
    );
    let json = serde_json::to_value(Unmeasurable::PartialCoverage {
        counties_in_data: 3,
    })
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!({"partial_coverage": {"counties_in_data": 3}})
    );
    assert_eq!(serde_json::to_value(Status::OnTrack).unwrap(), "on_track");
}

/// The bundle's summary gives the same assessments as the dataset it was built from.
#[test]
fn a_summary_assesses_like_its_dataset() {
    let ds = dataset();
    let stats = area_stats(&ds);
    let summary = Summary {
        format: FORMAT_VERSION,
        package: PackageInfo {
            name: "t".into(),
            title: None,
            version: None,
            created: Some("2022-07-02T08:00:00Z".into()),
            publisher: None,
            licenses: vec![],
            sources: vec![],
            documents: Unparsed::default(),
            crs: Default::default(),
            illustrative: false,
            notice: None,
            complete: vec![code("14")],
        },
        areas: ds
            .divisions
            .iter()
            .map(|d| Area {
                division: d.clone(),
                stats: stats
                    .get(&d.code)
                    .cloned()
                    .unwrap_or_else(AreaStats::default),
                bbox: None,
                chunk: None,
            })
            .collect(),
        targets: Unparsed::new(
            &yangcheng_figures()
                .into_iter()
                .flat_map(|(i, v)| {
                    [
                        target("140522", i, v, "2022-06-30"),
                        target("14", i, v + 1.0, "2022-12-31"),
                        target("21", i, v, "2022-12-31"),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        authorities: vec![],
        complaint_stats: Unparsed::default(),
        problems: Unparsed::new(&vec![]),
        files: vec![],
        outlines: 0,
        search: None,
        names: None,
        changes: None,
    };
    let as_of = summary.package.as_of().unwrap();
    assert_eq!(as_of, day("2022-07-02"));
    let targets = summary.targets.parse().unwrap();
    let from_summary = assess_all(&summary, &targets, as_of);
    assert_eq!(from_summary.len(), targets.len());
    let mut ds = ds;
    ds.targets = targets;
    ds.descriptor = Some(
        cundi_core::package::Descriptor::parse(r#"{"name": "t", "cundi:complete": ["14"]}"#)
            .unwrap(),
    );
    assert_eq!(assess_dataset(&ds, as_of), from_summary);
    // The province is declared, so it is measured; its deadline is ahead.
    assert!(from_summary
        .iter()
        .filter(|a| a.target.jurisdiction_code.as_str() == "14")
        .all(|a| a.status == Status::OnTrack || a.status == Status::NotMeasurable));
    // A summary written before `complete` existed reads with none declared.
    let mut json = serde_json::to_value(&summary).unwrap();
    json["package"].as_object_mut().unwrap().remove("complete");
    let old: Summary = serde_json::from_value(json).unwrap();
    assert!(old.package.complete.is_empty());
}

/// The committed demo: every one of the 31 targets gets a status as of the package's date, and
/// every `demo_*` one a reason.
#[test]
fn the_demo_targets_all_have_a_status() {
    let ds = read_demo();
    // `created` is RFC 3339; targets are assessed as of its day.
    let created = ds.descriptor.as_ref().unwrap().created.clone().unwrap();
    assert_eq!(created, "2026-11-22T00:00:00+08:00");
    let as_of = day(&created[..10]);
    let all = assess_dataset(&ds, as_of);
    assert_eq!(all.len(), 31);
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &all {
        let t = &a.target;
        *by_status.entry(a.status.as_str()).or_default() += 1;
        assert_eq!(
            a.unmeasurable.is_some(),
            a.status == Status::NotMeasurable,
            "{a:?}"
        );
        assert_eq!(
            a.value.is_some(),
            a.status != Status::NotMeasurable,
            "{a:?}"
        );
        if !in_data(t.indicator) {
            assert_eq!(
                a.unmeasurable,
                Some(Unmeasurable::IndicatorNotInData),
                "{t:?}"
            );
            continue;
        }
        match t.jurisdiction_code.as_str() {
            // Shanxi: the demo holds 阳城县 only; Liaoning: none of its counties.
            "14" => assert_eq!(
                a.unmeasurable,
                Some(Unmeasurable::PartialCoverage {
                    counties_in_data: 1
                }),
                "{t:?}"
            ),
            "21" => assert_eq!(
                a.unmeasurable,
                Some(Unmeasurable::PartialCoverage {
                    counties_in_data: 0
                }),
                "{t:?}"
            ),
            // The three counties are whole, and every deadline (2025-12-31 at the latest) is
            // before the package's date.
            "140522" | "370305" | "411721" => {
                assert!(
                    matches!(a.status, Status::Met | Status::Missed),
                    "{t:?}: {a:?}"
                );
                let v = a.value.unwrap();
                assert_eq!(a.status == Status::Met, v >= t.target, "{t:?}: {v}");
            }
            other => panic!("a target for {other}"),
        }
        assert_eq!(a.expected_by_now, None, "past the deadline: no pace");
        assert!(a.past_deadline);
    }
    // Each county has a county centre in the demo.
    for a in all
        .iter()
        .filter(|a| a.target.indicator == Indicator::CountyCenterBuilt)
    {
        assert_eq!(a.status, Status::Met, "{a:?}");
    }
    assert!(
        by_status.contains_key("met") && by_status.contains_key("missed"),
        "{by_status:?}"
    );
    let demo = all.iter().filter(|a| !in_data(a.target.indicator)).count();
    assert_eq!(demo, 5);
    // 5 demonstration targets and the 8 others of the two provinces; the 18 county targets each
    // met or missed.
    assert_eq!(by_status["not_measurable"], 13, "{by_status:?}");
    assert_eq!(by_status["met"] + by_status["missed"], 18, "{by_status:?}");
}

/// Every demo target's document is shipped, and its quote is found in the text: the marks are
/// words of the quote (never something else), and all but one quote (which summarises) are
/// marked at least in part.
#[test]
fn the_demo_targets_quote_the_documents_shipped() {
    use cundi_core::documents::{find_quote, for_target, is_document_path, Document};
    let ds = read_demo();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let docs: Vec<Document> = ds
        .descriptor
        .as_ref()
        .unwrap()
        .sources
        .iter()
        .filter_map(|s| {
            let path = s.path.clone()?;
            is_document_path(&path).then(|| Document {
                title: s.title.clone(),
                path,
            })
        })
        .collect();
    assert_eq!(docs.len(), 5, "the five policy documents");
    let strip = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let mut marked = 0;
    let mut whole = 0;
    for t in &ds.targets {
        let doc = for_target(&docs, t).unwrap_or_else(|| panic!("no document for {t:?}"));
        let text = std::fs::read_to_string(root.join(&doc.path)).unwrap();
        assert!(
            doc.title.contains(t.doc_title.split('（').next().unwrap()),
            "{} cites {}",
            t.doc_title,
            doc.title
        );
        let note = t.note.clone().unwrap();
        let found = find_quote(&text, &note);
        for r in &found.ranges {
            let words = strip(&text[r.clone()]);
            assert!(
                strip(&note).contains(&words),
                "{words:?} marked for {note:?}"
            );
        }
        marked += usize::from(!found.ranges.is_empty());
        whole += usize::from(found.whole);
    }
    assert_eq!(ds.targets.len(), 31);
    assert_eq!(marked, 30, "one quote summarises");
    assert!(whole >= 15, "{whole} quotes found whole");
}
