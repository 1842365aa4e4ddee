//! The bundle's lookups for loading counties on demand: an area by code, the counties in a view,
//! and the county a station id carries.

use cundi_core::bundle::{Area, PackageInfo, Summary, Unparsed, FORMAT_VERSION};
use cundi_core::geo::BBox;
use cundi_core::stats::AreaStats;
use cundi_core::{Code, Division};

fn area(code: &str, bbox: Option<BBox>, county: bool) -> Area {
    let file = |p: &str| cundi_core::bundle::ChunkFile {
        path: p.into(),
        bytes: 0,
        rows: None,
    };
    Area {
        division: Division::new(Code::parse(code).unwrap(), code),
        stats: AreaStats::default(),
        bbox,
        chunk: county.then(|| cundi_core::bundle::Chunk {
            stations: file("s"),
            stations_geojson: None,
            villages: file("v"),
            boundary: None,
            areas: file("a"),
            search: file("q"),
        }),
    }
}

fn summary() -> Summary {
    let json = serde_json::to_string(&Summary {
        format: FORMAT_VERSION,
        package: PackageInfo {
            name: "t".into(),
            title: None,
            version: None,
            created: None,
            publisher: None,
            licenses: vec![],
            sources: vec![],
            documents: Unparsed::default(),
            crs: Default::default(),
            illustrative: false,
            notice: None,
            complete: vec![],
        },
        // Out of order on purpose: reading sorts them.
        areas: vec![
            area("140522", Some(BBox([112.0, 35.2, 112.9, 35.7])), true),
            area("14", None, false),
            area("140521", Some(BBox([111.8, 35.2, 112.1, 35.9])), true),
            area("1405", None, false),
            area("411721", Some(BBox([113.8, 33.2, 114.2, 33.6])), true),
        ],
        targets: Unparsed::default(),
        authorities: vec![],
        complaint_stats: Unparsed::default(),
        problems: Unparsed::new(&vec![]),
        files: vec![],
        outlines: 0,
        search: None,
        names: None,
        changes: None,
    })
    .unwrap();
    Summary::parse(&json).unwrap()
}

#[test]
fn an_area_is_found_by_code_whatever_the_order_written() {
    let s = summary();
    for code in ["14", "1405", "140521", "140522", "411721"] {
        assert_eq!(s.area(code).unwrap().division.code.as_str(), code);
    }
    assert!(s.area("140523").is_none());
    assert!(s.area("").is_none());
}

#[test]
fn a_view_opens_the_counties_it_overlaps_nearest_its_middle_first() {
    let s = summary();
    let code = |c: &[Code]| c.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    // A view over 阳城县 that also touches its western neighbour.
    let view = BBox([112.05, 35.3, 112.6, 35.6]);
    assert_eq!(code(&s.counties_in(view, 10)), ["140522", "140521"]);
    assert_eq!(code(&s.counties_in(view, 1)), ["140522"]);
    assert!(s
        .counties_in(BBox([100.0, 20.0, 101.0, 21.0]), 10)
        .is_empty());
}

#[test]
fn of_the_boxes_holding_the_middle_the_county_the_view_was_fitted_to_comes_first() {
    // A small county whose box lies inside a large neighbour's (boxes overlap where outlines
    // do not): the middle of either box lies in both.
    let mut s = summary();
    let large = BBox([111.0, 35.0, 113.0, 36.0]);
    let small = BBox([112.0, 35.2, 112.9, 35.7]);
    s.areas = vec![
        area("140521", Some(large), true),
        area("140522", Some(small), true),
    ];
    let first = |view: BBox| s.counties_in(view, 2)[0].to_string();
    // Each view fitted to one county puts that county first, whatever the order of the codes.
    assert_eq!(first(small), "140522");
    assert_eq!(first(large), "140521");
    // A view whose middle lies in both: the box whose middle is nearer.
    assert_eq!(first(BBox([112.6, 35.3, 112.8, 35.5])), "140522");
    assert_eq!(first(BBox([111.2, 35.2, 112.1, 35.8])), "140521");
}

#[test]
fn a_station_id_carrying_a_county_code_names_the_county() {
    let s = summary();
    let county = |id: &str| s.county_in_id(id).map(|c| c.to_string());
    assert_eq!(county("vp-140522100001").as_deref(), Some("140522"));
    assert_eq!(county("ts-140522100").as_deref(), Some("140522"));
    assert_eq!(county("cc-411721").as_deref(), Some("411721"));
    // A short run of digits first, then the county.
    assert_eq!(county("x12-140521-3").as_deref(), Some("140521"));
    // Six digits that are no county here, or too few digits.
    assert_eq!(county("station-999999"), None);
    assert_eq!(county("s-14052"), None);
    assert_eq!(county("城关站"), None);
}

#[test]
fn a_close_view_or_one_with_few_counties_opens_them_and_a_wide_one_does_not() {
    let s = summary();
    let code = |c: Vec<Code>| c.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let view = BBox([112.05, 35.3, 112.6, 35.6]);
    // Two counties in view: opened whatever the zoom.
    assert_eq!(
        code(s.counties_to_open(view, 5.0).unwrap()),
        ["140522", "140521"]
    );
    assert_eq!(
        code(s.counties_to_open(view, 9.0).unwrap()),
        ["140522", "140521"]
    );
    // Nothing in view opens nothing, but is not "too wide" either.
    assert_eq!(
        s.counties_to_open(BBox([100.0, 20.0, 101.0, 21.0]), 4.0),
        Some(vec![])
    );
}

#[test]
fn a_wide_view_of_many_counties_opens_none_until_zoomed_in() {
    // Twenty counties side by side, each a tenth of a degree wide.
    let mut areas = Vec::new();
    for i in 0..20 {
        let w = 110.0 + f64::from(i) * 0.1;
        areas.push(area(
            &format!("1405{:02}", i + 1),
            Some(BBox([w, 35.0, w + 0.1, 35.5])),
            true,
        ));
    }
    let mut s = summary();
    s.areas = areas;
    let all = BBox([109.9, 34.9, 112.1, 35.6]);
    assert_eq!(s.counties_to_open(all, 6.0), None);
    let opened = s.counties_to_open(all, 8.0).unwrap();
    assert_eq!(opened.len(), cundi_core::bundle::OPEN_MAX);
}

#[test]
fn the_summary_s_target_dates_are_read_as_written_and_other_shapes_are_refused() {
    use cundi_core::{Indicator, Target};
    let target = |deadline: &str, issued_on: &str| {
        format!(
            r#"{{"jurisdiction_code":"140522","indicator":"village_point_coverage_pct","target":100.0,
                "deadline":"{deadline}","doc_no":"晋政办发〔2021〕1号","doc_title":"t","issued_by":"b",
                "issued_on":{issued_on},"note":null}}"#
        )
    };
    let t: Target = serde_json::from_str(&target("2025-12-31", r#""2021-03-05""#)).unwrap();
    assert_eq!(t.indicator, Indicator::VillagePointCoveragePct);
    assert_eq!(t.deadline.to_string(), "2025-12-31");
    assert_eq!(t.issued_on.unwrap().to_string(), "2021-03-05");
    // Written back, the same text.
    let again: Target = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
    assert_eq!(again, t);
    // No issue date, written as null or left out.
    let none: Target = serde_json::from_str(&target("2025-12-31", "null")).unwrap();
    assert_eq!(none.issued_on, None);
    let left_out = target("2025-12-31", "null").replace(r#""issued_on":null,"#, "");
    assert!(!left_out.contains("issued_on"));
    assert_eq!(
        serde_json::from_str::<Target>(&left_out).unwrap().issued_on,
        None
    );
    // Shapes the schema does not allow, and dates that do not exist, are refused by name.
    for bad in ["2025-1-5", "2025/12/31", "2025-02-30", "31.12.2025"] {
        let e = serde_json::from_str::<Target>(&target(bad, "null")).unwrap_err();
        assert!(
            e.to_string()
                .contains(&format!("not a date as YYYY-MM-DD: \"{bad}\"")),
            "{e}"
        );
    }
    let e = serde_json::from_str::<Target>(&target("2025-12-31", r#""2021-3-5""#)).unwrap_err();
    assert!(e.to_string().contains("2021-3-5"), "{e}");
}

/// The summary's problems are kept as written and read when asked: a summary whose problems are
/// not a list of problems still reads (the map needs none of them), and says so when they are.
#[test]
fn the_summary_s_problems_are_read_when_asked_and_written_back_as_they_came() {
    use cundi_core::problem::{Problem, ProblemKind};
    let problems = vec![
        Problem::error(
            "stations.csv",
            Some(3),
            Some("lat"),
            ProblemKind::BrokenQuoting,
        ),
        Problem::warning(
            "villages.csv",
            None,
            None,
            ProblemKind::FieldCount {
                expected: 9,
                found: 7,
            },
        ),
    ];
    let mut s = summary();
    s.problems = Unparsed::new(&problems);
    let json = serde_json::to_string(&s).unwrap();
    // Written as a list inside the summary, not as a string of JSON.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["problems"][0]["file"], "stations.csv");
    assert_eq!(value["problems"][1]["kind"]["field_count"]["found"], 7);
    let back = Summary::parse(&json).unwrap();
    assert_eq!(back.problems.parse().unwrap(), problems);
    assert_eq!(
        back,
        Summary::parse(&serde_json::to_string(&back).unwrap()).unwrap()
    );

    let odd = json.replacen(
        &serde_json::to_string(&problems).unwrap(),
        r#"{"not": ["a", "list"]}"#,
        1,
    );
    assert_ne!(odd, json);
    let read = Summary::parse(&odd).unwrap();
    assert_eq!(read.areas.len(), s.areas.len());
    assert!(read.problems.parse().is_err());
    // Text that is not JSON at all still fails the summary.
    assert!(Summary::parse(&json.replacen(r#""problems":["#, r#""problems":[}"#, 1)).is_err());
}

/// The targets and the complaint figures are kept as text too: written as lists inside the
/// summary, read when asked; a summary without complaint figures (none published, or an older
/// bundle) reads them as none, and writes none.
#[test]
fn the_summary_s_targets_and_complaint_figures_are_read_when_asked() {
    use cundi_core::{Category, ComplaintStat, Indicator, Target};
    let target: Target = serde_json::from_str(
        r#"{"jurisdiction_code":"140522","indicator":"village_point_coverage_pct","target":100.0,
            "deadline":"2025-12-31","doc_no":"n","doc_title":"t","issued_by":"b","issued_on":null,
            "note":null}"#,
    )
    .unwrap();
    let mut s = summary();
    s.targets = Unparsed::new(&vec![target.clone()]);
    let json = serde_json::to_string(&s).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["targets"][0]["indicator"],
        "village_point_coverage_pct"
    );
    assert!(
        value.get("complaint_stats").is_none(),
        "no figures, none written"
    );
    let back = Summary::parse(&json).unwrap();
    let targets = back.targets.parse().unwrap();
    assert_eq!(targets, [target]);
    assert_eq!(targets[0].indicator, Indicator::VillagePointCoveragePct);
    assert!(back.complaint_stats.is_empty_list());
    assert_eq!(
        back.complaint_stats.parse().unwrap(),
        Vec::<ComplaintStat>::new()
    );

    let stat: ComplaintStat = serde_json::from_str(
        r#"{"jurisdiction_code":"140522","month":"2026-05","category":"illegal_fee",
            "received":4,"resolved":3,"source":null}"#,
    )
    .unwrap();
    assert_eq!(stat.category, Category::IllegalFee);
    s.complaint_stats = Unparsed::new(&vec![stat.clone()]);
    let back = Summary::parse(&serde_json::to_string(&s).unwrap()).unwrap();
    assert!(!back.complaint_stats.is_empty_list());
    assert_eq!(back.complaint_stats.parse().unwrap(), [stat]);

    // The documents, in the package's part of the summary, the same way.
    let doc = cundi_core::documents::Document {
        title: "阳城县人民政府办公室关于…的通知".into(),
        path: "documents/yangcheng-2022-45.txt".into(),
    };
    assert!(
        value["package"].get("documents").is_none(),
        "none, none written"
    );
    s.package.documents = Unparsed::new(&vec![doc.clone()]);
    let json_with_doc = serde_json::to_string(&s).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json_with_doc).unwrap();
    assert_eq!(
        value["package"]["documents"][0]["path"],
        "documents/yangcheng-2022-45.txt"
    );
    let back = Summary::parse(&json_with_doc).unwrap();
    assert_eq!(back.package.documents.parse().unwrap(), [doc]);

    // Targets that are not a list of targets: the summary reads, the targets say so when asked.
    let odd = json.replacen(
        r#""indicator":"village_point_coverage_pct""#,
        r#""indicator":"no_such""#,
        1,
    );
    assert_ne!(odd, json);
    let read = Summary::parse(&odd).unwrap();
    assert_eq!(read.areas.len(), s.areas.len());
    assert!(read.targets.parse().is_err());
}
