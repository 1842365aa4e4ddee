//! Tables: every filter, sorting by every column both ways, paging, the URL round trip and the
//! downloads, on six stations and six villages chosen so each filter keeps a different set.
//!
//! Stations (index: id, tier, where, model, filed, status, lon, pickup fee), each run by
//! 中国邮政集团有限公司 unless said otherwise:
//! 0: vp-b  village point    北关村 140522100202  direct        filed  operating  112.40  0
//! 1: ts-1  township station 凤城镇 140522100     post_express  —      operating  112.41  —
//! 2: vp-a  village point    东关村 140522100201  —             filed  suspended  112.39  2
//! 3: cc    county centre    阳城县 140522        express_pool  filed  operating  112.38  0
//! 4: ts-2  township station 北留镇 140522101     express_pool  —      planned    112.45  1
//! 5: ts-lz township station 临淄 370305001       direct        filed  operating  118.30  —
//!
//! Villages: 0 东关村 served by vp-a (suspended ⇒ unserved); 1 北关村 by vp-b 7×/week (daily);
//! 2 南关社区 by ts-1 3×/week (below daily); 3 西关村 by vp-b, frequency unknown; 4 上庄村 no
//! service; 5 临淄村 by ts-lz 7×/week. Below daily or unserved: villages 0, 2, 4, so stations
//! vp-a and ts-1.

mod common;

use chrono::NaiveDate;
use common::{code, station, village};
use cundi_core::model::{CoopModel, Division, Status, Tier, Village};
use cundi_core::package::{FieldType, STATIONS, VILLAGES};
use cundi_core::read::{read_stations, read_villages};
use cundi_core::table::{
    self, station_columns, station_rows, stations, stations_csv, stations_json, village_columns,
    village_rows, villages, villages_csv, villages_json, Query, Sort, DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE, UTF8_BOM,
};
use cundi_core::{Dataset, Parts, Station};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[allow(clippy::too_many_arguments)]
fn st(
    id: &str,
    tier: Tier,
    name: &str,
    admin: &str,
    model: Option<CoopModel>,
    filed: bool,
    status: Status,
    lon: f64,
    fee: Option<f64>,
) -> Station {
    let mut s = station(id, tier, name, admin, lon, 35.5);
    s.model = model;
    s.filing_no = filed.then(|| format!("晋快备-{id}"));
    s.status = status;
    s.pickup_fee = fee;
    s
}

fn dataset() -> Dataset {
    use CoopModel::*;
    use Tier::*;
    let mut s = vec![
        st(
            "vp-b",
            VillagePoint,
            "北关村服务点",
            "140522100202",
            Some(Direct),
            true,
            Status::Operating,
            112.40,
            Some(0.0),
        ),
        st(
            "ts-1",
            TownshipStation,
            "凤城镇快递综合服务站",
            "140522100",
            Some(PostExpress),
            false,
            Status::Operating,
            112.41,
            None,
        ),
        st(
            "vp-a",
            VillagePoint,
            "东关村邮站",
            "140522100201",
            None,
            true,
            Status::Suspended,
            112.39,
            Some(2.0),
        ),
        st(
            "cc",
            CountyCenter,
            "阳城县仓配中心",
            "140522",
            Some(ExpressPool),
            true,
            Status::Operating,
            112.38,
            Some(0.0),
        ),
        st(
            "ts-2",
            TownshipStation,
            "北留镇快递站",
            "140522101",
            Some(ExpressPool),
            false,
            Status::Planned,
            112.45,
            Some(1.0),
        ),
        st(
            "ts-lz",
            TownshipStation,
            "临淄镇站",
            "370305001",
            Some(Direct),
            true,
            Status::Operating,
            118.30,
            None,
        ),
    ];
    s[0].address = Some("凤城镇北关".into());
    s[0].standardized = Some(true);
    s[0].opened = Some(day("2022-03-01"));
    s[1].operator = "阳城邮政分公司".into();
    s[1].standardized = Some(false);
    s[1].opened = Some(day("2021-05-01"));
    s[2].operator = "China Post Yangcheng".into();
    s[2].brands = vec![];
    s[3].standardized = Some(true);
    s[3].opened = Some(day("2022-11-18"));
    s[3].extra = vec![("note".into(), "b".into())];
    s[5].extra = vec![("note".into(), "a".into())];
    s[5].opened = Some(day("2023-01-01"));
    let mut v = vec![
        village("140522100201", "东关村", Some("vp-a"), Some(7)),
        village("140522100202", "北关村", Some("vp-b"), Some(7)),
        village("140522100203", "南关社区", Some("ts-1"), Some(3)),
        village("140522100204", "西关村", Some("vp-b"), None),
        village("140522101201", "上庄村", None, None),
        village("370305001201", "临淄村", Some("ts-lz"), Some(7)),
    ];
    v[0].population = Some(1200);
    v[1].population = Some(800);
    v[2].population = Some(3000);
    v[5].population = Some(800);
    let divisions = [
        ("14", "山西省"),
        ("1405", "晋城市"),
        ("140522", "阳城县"),
        ("140522100", "凤城镇"),
        ("140522101", "北留镇"),
        ("37", "山东省"),
        ("3703", "淄博市"),
        ("370305", "临淄区"),
        ("370305001", "临淄镇"),
    ]
    .into_iter()
    .map(|(c, n)| Division::new(code(c), n))
    .collect();
    Dataset::new(Parts {
        divisions,
        stations: s,
        villages: v,
        ..Parts::default()
    })
}

fn all() -> Query {
    Query {
        page_size: MAX_PAGE_SIZE,
        ..Query::default()
    }
}

fn sorted(column: &str, descending: bool) -> Query {
    Query {
        sort: Some(Sort {
            column: column.into(),
            descending,
        }),
        ..all()
    }
}

#[test]
fn no_filter_is_every_row_in_file_order() {
    let ds = dataset();
    assert_eq!(station_rows(&ds, &Query::default()), [0, 1, 2, 3, 4, 5]);
    assert_eq!(village_rows(&ds, &Query::default()), [0, 1, 2, 3, 4, 5]);
}

#[test]
fn each_filter_keeps_its_rows() {
    let ds = dataset();
    let q = |f: &dyn Fn(&mut Query)| {
        let mut q = all();
        f(&mut q);
        q
    };
    let cases: Vec<(Query, Vec<usize>, Vec<usize>)> = vec![
        (
            q(&|q| q.area = Some(code("140522100"))),
            vec![0, 1, 2],
            vec![0, 1, 2, 3],
        ),
        (q(&|q| q.area = Some(code("37"))), vec![5], vec![5]),
        (
            q(&|q| q.area = Some(code("14"))),
            vec![0, 1, 2, 3, 4],
            vec![0, 1, 2, 3, 4],
        ),
        (
            q(&|q| q.area = Some(code("140522100202"))),
            vec![0],
            vec![1],
        ),
        // Station-only filters leave villages alone.
        (
            q(&|q| q.tier = Some(Tier::TownshipStation)),
            vec![1, 4, 5],
            vec![0, 1, 2, 3, 4, 5],
        ),
        (
            q(&|q| q.status = Some(Status::Operating)),
            vec![0, 1, 3, 5],
            vec![0, 1, 2, 3, 4, 5],
        ),
        (
            q(&|q| q.status = Some(Status::Closed)),
            vec![],
            vec![0, 1, 2, 3, 4, 5],
        ),
        (
            q(&|q| q.model = Some(CoopModel::ExpressPool)),
            vec![3, 4],
            vec![0, 1, 2, 3, 4, 5],
        ),
        (
            q(&|q| q.model = Some(CoopModel::Direct)),
            vec![0, 5],
            vec![0, 1, 2, 3, 4, 5],
        ),
        (
            q(&|q| q.filed = Some(true)),
            vec![0, 2, 3, 5],
            vec![0, 1, 2, 3, 4, 5],
        ),
        (
            q(&|q| q.filed = Some(false)),
            vec![1, 4],
            vec![0, 1, 2, 3, 4, 5],
        ),
        // Below daily: village 0 is "served" by a suspended point, 2 three times a week, 4 not at
        // all; 3's frequency is unknown, so it is not shown to fall short.
        (q(&|q| q.below_daily = true), vec![1, 2], vec![0, 2, 4]),
        (
            q(&|q| {
                q.tier = Some(Tier::TownshipStation);
                q.area = Some(code("14"));
            }),
            vec![1, 4],
            vec![0, 1, 2, 3, 4],
        ),
        (
            q(&|q| {
                q.below_daily = true;
                q.area = Some(code("140522101"));
            }),
            vec![],
            vec![4],
        ),
    ];
    for (query, want_stations, want_villages) in cases {
        assert_eq!(
            station_rows(&ds, &query),
            want_stations,
            "stations {query:?}"
        );
        assert_eq!(
            village_rows(&ds, &query),
            want_villages,
            "villages {query:?}"
        );
    }
}

#[test]
fn text_search_looks_in_name_id_code_address_and_operator() {
    let ds = dataset();
    let find = |text: &str| {
        let q = Query {
            text: text.into(),
            ..all()
        };
        (station_rows(&ds, &q), village_rows(&ds, &q))
    };
    assert_eq!(find("凤城").0, [0, 1], "address 凤城镇北关, name 凤城镇…");
    assert_eq!(find("阳城邮政").0, [1], "operator");
    assert_eq!(find("china").0, [2], "Latin letters in either case");
    assert_eq!(find("CHINA yangCHENG").0, [2], "every word");
    assert_eq!(find("china 凤城").0, Vec::<usize>::new());
    assert_eq!(find("VP-").0, [0, 2], "id");
    assert_eq!(find("140522101").0, [4], "code");
    assert_eq!(find("140522101"), (vec![4], vec![4]));
    assert_eq!(find("东关").1, [0]);
    assert_eq!(find("  ").0, [0, 1, 2, 3, 4, 5], "blank is no filter");
    assert_eq!(find("关村").1, [0, 1, 3]);
    assert_eq!(find("nowhere"), (vec![], vec![]));
}

fn ids(ds: &Dataset, rows: &[usize]) -> Vec<String> {
    rows.iter().map(|&i| ds.stations[i].id.clone()).collect()
}

#[test]
fn sorting_numbers_text_dates_and_missing_values() {
    let ds = dataset();
    let by = |col: &str, desc: bool| station_rows(&ds, &sorted(col, desc));
    assert_eq!(by("lon", false), [3, 2, 0, 1, 4, 5]);
    assert_eq!(by("lon", true), [5, 4, 1, 0, 2, 3]);
    // Equal fees (cc, vp-b) go by id; missing fees (ts-1, ts-lz) last either way, by id.
    assert_eq!(by("pickup_fee", false), [3, 0, 4, 2, 1, 5]);
    assert_eq!(by("pickup_fee", true), [2, 4, 3, 0, 1, 5]);
    assert_eq!(by("opened", false), [1, 0, 3, 5, 4, 2]);
    assert_eq!(by("opened", true), [5, 3, 0, 1, 4, 2]);
    // false before true, missing last.
    assert_eq!(by("standardized", false), [1, 3, 0, 4, 5, 2]);
    assert_eq!(by("standardized", true), [3, 0, 1, 4, 5, 2]);
    // Words as written: direct < express_pool < post_express; vp-a has none.
    assert_eq!(
        ids(&ds, &by("model", false)),
        ["ts-lz", "vp-b", "cc", "ts-2", "ts-1", "vp-a"]
    );
    assert_eq!(by("id", false), [3, 1, 4, 5, 2, 0]);
    assert_eq!(by("id", true), [0, 2, 5, 4, 1, 3]);
    // Codes as codes: the county before what lies inside it.
    assert_eq!(by("admin_code", false), [3, 1, 2, 0, 4, 5]);
    // A publisher's own column; rows without it last.
    assert_eq!(by("note", false), [5, 3, 1, 4, 2, 0]);
    assert_eq!(by("note", true), [3, 5, 1, 4, 2, 0]);
    // A column that does not exist leaves file order.
    assert_eq!(by("nonsense", true), [0, 1, 2, 3, 4, 5]);

    let vby = |col: &str, desc: bool| village_rows(&ds, &sorted(col, desc));
    assert_eq!(vby("population", false), [1, 5, 0, 2, 3, 4]);
    assert_eq!(vby("population", true), [2, 0, 1, 5, 3, 4]);
    assert_eq!(vby("deliveries_per_week", false), [2, 0, 1, 5, 3, 4]);
    assert_eq!(vby("code", true), [5, 4, 3, 2, 1, 0]);

    // Sorting works on the filtered rows only.
    let q = Query {
        tier: Some(Tier::TownshipStation),
        ..sorted("lon", true)
    };
    assert_eq!(station_rows(&ds, &q), [5, 4, 1]);
}

/// Sorted by any column, the downloaded file's column reads in order: values first, then the
/// empty cells; numbers numerically, the rest as text; equal values by id.
#[test]
fn every_column_sorts_both_ways_as_the_file_reads() {
    let ds = dataset();
    fn check(
        header: &[&str],
        csv: &[u8],
        column: &str,
        numeric: bool,
        descending: bool,
        id_col: usize,
    ) {
        let mut reader = csv::Reader::from_reader(&csv[UTF8_BOM.len()..]);
        let col = header.iter().position(|h| *h == column).unwrap();
        let rows: Vec<(String, String)> = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[col].to_string(), r[id_col].to_string())
            })
            .collect();
        let first_empty = rows
            .iter()
            .position(|(v, _)| v.is_empty())
            .unwrap_or(rows.len());
        assert!(
            rows[first_empty..].iter().all(|(v, _)| v.is_empty()),
            "{column}: missing values last: {rows:?}"
        );
        assert!(
            rows[first_empty..].windows(2).all(|w| w[0].1 < w[1].1),
            "{column}: missing values by id: {rows:?}"
        );
        for w in rows[..first_empty].windows(2) {
            let ((a, ida), (b, idb)) = (&w[0], &w[1]);
            let ord = if numeric {
                a.parse::<f64>()
                    .unwrap()
                    .total_cmp(&b.parse::<f64>().unwrap())
            } else {
                a.cmp(b)
            };
            let ord = if descending { ord.reverse() } else { ord };
            assert!(
                ord.is_lt() || (ord.is_eq() && ida < idb),
                "{column} {}: {a} ({ida}) before {b} ({idb})",
                if descending { "desc" } else { "asc" }
            );
        }
    }
    let header = station_columns(&ds);
    assert_eq!(
        header.len(),
        STATIONS.fields.len() + 1,
        "the extra column too"
    );
    for (i, column) in header.iter().enumerate() {
        let numeric = STATIONS
            .fields
            .get(i)
            .is_some_and(|f| matches!(f.ty, FieldType::Number | FieldType::Integer));
        for descending in [false, true] {
            let rows = station_rows(&ds, &sorted(column, descending));
            assert_eq!(rows.len(), 6);
            check(
                &header,
                &stations_csv(&ds, &rows),
                column,
                numeric,
                descending,
                0,
            );
        }
    }
    let header = village_columns(&ds);
    assert_eq!(header.len(), VILLAGES.fields.len());
    for (i, column) in header.iter().enumerate() {
        let numeric = matches!(
            VILLAGES.fields[i].ty,
            FieldType::Number | FieldType::Integer
        );
        for descending in [false, true] {
            let rows = village_rows(&ds, &sorted(column, descending));
            check(
                &header,
                &villages_csv(&ds, &rows),
                column,
                numeric,
                descending,
                0,
            );
        }
    }
}

#[test]
fn pages_split_the_rows_and_stay_in_bounds() {
    let ds = dataset();
    let q = |page: usize, page_size: usize| Query {
        page,
        page_size,
        ..Query::default()
    };
    let p = stations(&ds, &q(0, 4));
    assert_eq!((p.total, p.page, p.pages, p.page_size), (6, 0, 2, 4));
    assert_eq!(p.indices, [0, 1, 2, 3]);
    let p = stations(&ds, &q(1, 4));
    assert_eq!((p.page, p.indices), (1, vec![4, 5]));
    // Past the end: the last page.
    let p = stations(&ds, &q(9, 4));
    assert_eq!((p.page, p.indices), (1, vec![4, 5]));
    // Exactly full pages.
    let p = stations(&ds, &q(2, 2));
    assert_eq!((p.pages, p.indices), (3, vec![4, 5]));
    // 0 is the default size.
    let p = stations(&ds, &q(0, 0));
    assert_eq!((p.page_size, p.indices.len()), (DEFAULT_PAGE_SIZE, 6));
    // Nothing matches: one empty page.
    let none = Query {
        text: "nowhere".into(),
        page: 3,
        ..Query::default()
    };
    let p = stations(&ds, &none);
    assert_eq!((p.total, p.page, p.pages, p.indices.len()), (0, 0, 1, 0));
    let p = villages(&ds, &q(1, 5));
    assert_eq!((p.total, p.pages, p.indices), (6, 2, vec![5]));
    // Sorted, then paged.
    let p = stations(
        &ds,
        &Query {
            page: 1,
            page_size: 4,
            ..sorted("lon", false)
        },
    );
    assert_eq!(p.indices, [4, 5]);
}

#[test]
fn the_url_reopens_the_same_view() {
    assert!(
        Query::default().to_pairs().is_empty(),
        "a plain table has a plain URL"
    );
    let q = Query {
        area: Some(code("140522")),
        tier: Some(Tier::VillagePoint),
        status: Some(Status::Suspended),
        model: Some(CoopModel::PostExpress),
        filed: Some(false),
        below_daily: true,
        text: "东关 china".into(),
        sort: Some(Sort {
            column: "pickup_fee".into(),
            descending: true,
        }),
        page: 2,
        page_size: 100,
    };
    let pairs = q.to_pairs();
    let as_strs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        as_strs,
        [
            ("area", "140522"),
            ("tier", "village_point"),
            ("status", "suspended"),
            ("model", "post_express"),
            ("filed", "false"),
            ("below_daily", "true"),
            ("q", "东关 china"),
            ("sort", "-pickup_fee"),
            ("page", "3"),
            ("size", "100"),
        ]
    );
    assert_eq!(Query::from_pairs(pairs.clone()), q);
    // Each parameter alone round-trips too.
    for pair in pairs {
        let one = Query::from_pairs([pair.clone()]);
        assert_eq!(one.to_pairs(), [pair]);
    }
    let asc = Query {
        sort: Some(Sort {
            column: "name".into(),
            descending: false,
        }),
        filed: Some(true),
        ..Query::default()
    };
    assert_eq!(Query::from_pairs(asc.to_pairs()), asc);
}

#[test]
fn a_mangled_url_keeps_what_it_can() {
    let q = Query::from_pairs([
        ("area", "14x"),
        ("tier", "hub"),
        ("status", "operating"),
        ("model", ""),
        ("filed", "maybe"),
        ("below_daily", "是"),
        ("sort", "-"),
        ("page", "0"),
        ("size", "100000"),
        ("utm_source", "wechat"),
    ]);
    assert_eq!(
        q,
        Query {
            status: Some(Status::Operating),
            below_daily: true,
            ..Query::default()
        }
    );
    let q = Query::from_pairs([
        ("page", "x"),
        ("size", "0"),
        ("filed", "1"),
        ("tier", "county_center"),
    ]);
    assert_eq!(
        (q.page, q.page_size, q.filed, q.tier),
        (0, DEFAULT_PAGE_SIZE, Some(true), Some(Tier::CountyCenter))
    );
    // The last of a repeated parameter counts; a bad one does not undo a good one.
    let q = Query::from_pairs([
        ("tier", "village_point"),
        ("tier", "county_center"),
        ("tier", "hub"),
    ]);
    assert_eq!(q.tier, Some(Tier::CountyCenter));
    let q = Query::from_pairs(vec![("q".to_string(), "  凤城 ".to_string())]);
    assert_eq!(q.text, "凤城");
}

/// Drops extra columns with no value: written under a header another row gave, they read back
/// as empty cells.
fn without_empty_extras<T: Clone>(
    rows: &[T],
    extra: impl Fn(&mut T) -> &mut Vec<(String, String)>,
) -> Vec<T> {
    rows.iter()
        .cloned()
        .map(|mut r| {
            extra(&mut r).retain(|(_, v)| !v.is_empty());
            r
        })
        .collect()
}

#[test]
fn csv_downloads_are_the_rows_on_screen_in_the_package_format() {
    let ds = dataset();
    let page = stations(
        &ds,
        &Query {
            page_size: 3,
            ..sorted("lon", true)
        },
    );
    assert_eq!(page.indices, [5, 4, 1]);
    let bytes = stations_csv(&ds, &page.indices);
    assert!(bytes.starts_with(UTF8_BOM), "a BOM for Excel");
    let text = std::str::from_utf8(&bytes[UTF8_BOM.len()..]).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        station_columns(&ds).join(","),
        "the package's header"
    );
    assert_eq!(text.lines().count(), 4);

    let (rows, problems) = read_stations("download.csv", &bytes);
    assert!(problems.is_empty(), "{problems:?}");
    let want: Vec<Station> = page
        .indices
        .iter()
        .map(|&i| ds.stations[i].clone())
        .collect();
    assert_eq!(
        without_empty_extras(&rows, |s| &mut s.extra),
        without_empty_extras(&want, |s| &mut s.extra)
    );
    // The same bytes as the writer of stations.csv, after the BOM.
    let (all_rows, _) = read_stations("all.csv", &stations_csv(&ds, &[0, 1, 2, 3, 4, 5]));
    assert_eq!(
        &bytes[UTF8_BOM.len()..],
        &cundi_core::write::write_selected(&all_rows, &[5, 4, 1], &[])[..]
    );

    let rows_v = village_rows(
        &ds,
        &Query {
            below_daily: true,
            ..all()
        },
    );
    let bytes = villages_csv(&ds, &rows_v);
    assert!(bytes.starts_with(UTF8_BOM));
    let (back, problems) = read_villages("v.csv", &bytes);
    assert!(problems.is_empty(), "{problems:?}");
    let want: Vec<Village> = rows_v.iter().map(|&i| ds.villages[i].clone()).collect();
    assert_eq!(back, want);
    // Nothing on screen: the header alone.
    let empty = villages_csv(&ds, &[]);
    assert_eq!(
        &empty[UTF8_BOM.len()..],
        format!("{}\n", village_columns(&ds).join(",")).as_bytes()
    );
}

#[test]
fn json_downloads_are_objects_keyed_by_the_csv_header() {
    let ds = dataset();
    let bytes = stations_json(&ds, &[3, 2]);
    let text = std::str::from_utf8(&bytes).unwrap();
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let array = v.as_array().unwrap();
    assert_eq!(array.len(), 2);
    let header = station_columns(&ds);
    for object in array {
        let keys: Vec<&str> = object
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut want = header.clone();
        want.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, want);
    }
    // Keys in header order in the text.
    let first = text.lines().nth(1).unwrap();
    let positions: Vec<usize> = header
        .iter()
        .map(|h| first.find(&format!("\"{h}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first}");

    let cc = &array[0];
    assert_eq!(cc["id"], "cc");
    assert_eq!(cc["admin_code"], "140522", "codes stay strings");
    assert_eq!(cc["lon"], 112.38);
    assert_eq!(cc["standardized"], true);
    assert_eq!(cc["pickup_fee"], 0.0);
    assert_eq!(cc["brands"], serde_json::json!(["中通", "圆通"]));
    assert_eq!(cc["opened"], "2022-11-18");
    assert_eq!(cc["note"], "b");
    let vp = &array[1];
    assert_eq!(vp["id"], "vp-a");
    assert!(vp["model"].is_null() && vp["brands"].is_null() && vp["note"].is_null());
    assert_eq!(vp["pickup_fee"], 2.0);

    let v: serde_json::Value = serde_json::from_slice(&villages_json(&ds, &[2])).unwrap();
    assert_eq!(v[0]["population"], 3000);
    assert_eq!(v[0]["deliveries_per_week"], 3);
    assert_eq!(v[0]["code"], "140522100203");
    let empty: serde_json::Value = serde_json::from_slice(&villages_json(&ds, &[])).unwrap();
    assert_eq!(empty, serde_json::json!([]));
}

/// National scale: 700,000 villages filter and sort by any column in reasonable time. Not a
/// benchmark (the figure is in `bench/`); this only guards against a quadratic slip.
#[test]
#[ignore = "slow in debug builds; run with --release --ignored"]
fn a_national_table_sorts_quickly() {
    let mut ds = dataset();
    let base = ds.villages[0].clone();
    let mut villages = Vec::with_capacity(700_000);
    for i in 0..700_000u32 {
        let mut v = base.clone();
        v.code = code(&format!("140522100{:03}", i % 1000));
        v.name = format!("村{}", i.wrapping_mul(2_654_435_761) % 100_000);
        v.population = (i % 7 != 0).then_some(i % 5000);
        villages.push(v);
    }
    ds.villages = villages;
    ds.reindex();
    let t = std::time::Instant::now();
    for column in ["name", "population", "code"] {
        let rows = village_rows(&ds, &sorted(column, true));
        assert_eq!(rows.len(), 700_000);
    }
    let page = table::villages(
        &ds,
        &Query {
            text: "村99".into(),
            ..Query::default()
        },
    );
    assert!(page.total > 0);
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
}

#[test]
fn geojson_downloads_are_wgs84_points_with_every_column_as_properties() {
    let ds = dataset();
    let bytes = table::stations_geojson(&ds, &[3, 2]);
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 2, "exactly the rows asked for");
    let json: serde_json::Value = serde_json::from_slice(&stations_json(&ds, &[3, 2])).unwrap();
    for (f, (row, &i)) in features
        .iter()
        .zip(json.as_array().unwrap().iter().zip(&[3, 2]))
    {
        assert_eq!(f["type"], "Feature");
        assert_eq!(
            &f["properties"], row,
            "the same typed columns as the JSON download"
        );
        let s = &ds.stations[i];
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(
            f["geometry"]["coordinates"],
            serde_json::json!([s.lon, s.lat]),
            "[lon, lat], as RFC 7946 orders them"
        );
    }
    // A village without a published position has no geometry, and is still there.
    let all: Vec<usize> = (0..ds.villages.len()).collect();
    let v: serde_json::Value = serde_json::from_slice(&table::villages_geojson(&ds, &all)).unwrap();
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), ds.villages.len());
    for (f, village) in features.iter().zip(&ds.villages) {
        match (village.lon, village.lat) {
            (Some(lon), Some(lat)) => {
                assert_eq!(f["geometry"]["coordinates"], serde_json::json!([lon, lat]))
            }
            _ => assert!(f["geometry"].is_null()),
        }
    }
    let empty: serde_json::Value =
        serde_json::from_slice(&table::stations_geojson(&ds, &[])).unwrap();
    assert_eq!(empty["features"], serde_json::json!([]));
}

/// Names sort by their pinyin, as a Chinese index orders them, not by code point: 北关村 (bei) …
/// 西关村 (xi). Syllable by syllable: `xi an` before `xian`. A name without a reading goes last
/// either way, and the sort keeps the filters' rows.
#[test]
fn names_sort_by_their_pinyin() {
    let ds = dataset();
    let readings = [
        ("140522100201", "dong guan cun"),
        ("140522100202", "bei guan cun"),
        ("140522100203", "nan guan she qu"),
        ("140522100204", "xi guan cun"),
        ("370305001201", "lin zi cun"),
    ];
    let reading =
        |code: &str| -> Option<&str> { readings.iter().find(|(c, _)| *c == code).map(|(_, r)| *r) };
    let names = |rows: &[usize]| -> Vec<&str> {
        rows.iter().map(|&i| ds.villages[i].name.as_str()).collect()
    };
    let mut rows = village_rows(&ds, &all());
    table::sort_villages_by_reading(&ds, &mut rows, false, &reading);
    // 上庄村 has no reading here: last.
    assert_eq!(
        names(&rows),
        ["北关村", "东关村", "临淄村", "南关社区", "西关村", "上庄村"]
    );
    table::sort_villages_by_reading(&ds, &mut rows, true, &reading);
    assert_eq!(
        names(&rows),
        ["西关村", "南关社区", "临淄村", "东关村", "北关村", "上庄村"]
    );
    // Code-point order would put 上 (U+4E0A) first and 西 before 临: not the reader's order.
    let by_chars = village_rows(&ds, &sorted("name", false));
    assert_eq!(names(&by_chars)[0], "上庄村");

    // Syllable by syllable, then by the characters, then by id.
    let st = |s: &[(&str, &str)]| -> Vec<String> {
        let ds = dataset();
        let mut rows = station_rows(&ds, &all());
        let r = |id: &str| s.iter().find(|(i, _)| *i == id).map(|(_, r)| *r);
        table::sort_stations_by_reading(&ds, &mut rows, false, &r);
        ids(&ds, &rows)
    };
    let order = st(&[
        ("vp-b", "xian"),
        ("ts-1", "xi an"),
        ("cc", "xi an"),
        ("vp-a", "a"),
    ]);
    // cc's name (阳城县…) and ts-1's (凤城镇…) read alike: by their characters, 凤 < 阳.
    assert_eq!(&order[..4], ["vp-a", "ts-1", "cc", "vp-b"]);
    // Stations without a reading after, by id.
    assert_eq!(&order[4..], ["ts-2", "ts-lz"]);
}
