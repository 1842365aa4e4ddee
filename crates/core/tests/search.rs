//! Search on the demo data (阳城县, 临淄区, 西平县): characters, pinyin and initials find the
//! place a resident types, ranked exact before prefix before substring and the place before the
//! things in it (issue 3).

// Computes pinyin itself; without the feature, the site reads keys the build wrote.
#![cfg(feature = "pinyin")]

mod common;

use common::read_demo;
use cundi_core::search::{
    dataset_entries, keys_for, name_shards, HitKind, MatchClass, MatchField, SearchEntry,
    SearchIndex, HAN_BUCKETS, SHARD_SYLLABLES,
};
use std::time::Instant;

fn demo_index() -> SearchIndex {
    SearchIndex::from_dataset(&read_demo(), &[])
}

fn names(index: &SearchIndex, query: &str, n: usize) -> Vec<String> {
    index.search(query, n).into_iter().map(|h| h.name).collect()
}

#[test]
fn fcz_finds_fengchengzhen_first() {
    let index = demo_index();
    let hits = index.search("fcz", 10);
    let first = &hits[0];
    assert_eq!(first.name, "凤城镇");
    assert_eq!(first.key, "140522100");
    assert_eq!(first.kind, HitKind::Township);
    assert_eq!(
        (first.class, first.field),
        (MatchClass::Exact, MatchField::Initials)
    );
    assert_eq!(first.context, ["山西省", "晋城市", "阳城县"]);
    // The stations named after the township follow it.
    assert!(hits[1..]
        .iter()
        .any(|h| h.kind == HitKind::Station && h.name.starts_with("凤城镇")));
}

#[test]
fn full_pinyin_spaced_or_not_any_case_and_tones_find_fengchengzhen() {
    let index = demo_index();
    for q in [
        "fengchengzhen",
        "feng cheng zhen",
        "FengCheng",
        "feng cheng",
        "fēng chéng",
        "FCZ",
        "ＦＣＺ",
        "凤城",
        "凤城镇",
    ] {
        assert_eq!(names(&index, q, 1), ["凤城镇"], "{q}");
    }
}

#[test]
fn exact_before_prefix_before_substring() {
    let index = demo_index();
    let hits = index.search("凤城镇", 50);
    assert_eq!(
        (hits[0].name.as_str(), hits[0].class),
        ("凤城镇", MatchClass::Exact)
    );
    assert_eq!(
        (hits[1].name.as_str(), hits[1].class),
        ("凤城镇快递综合服务站", MatchClass::Prefix)
    );
    // Over many hits of every class, the classes never go back up.
    let classes: Vec<MatchClass> = index.search("dong", 200).iter().map(|h| h.class).collect();
    let mut sorted = classes.clone();
    sorted.sort();
    assert_eq!(classes, sorted);
    assert!(classes.contains(&MatchClass::Prefix) && classes.contains(&MatchClass::Substring));

    // A substring: 城镇 is inside 凤城镇, not at its start.
    let hit = index
        .search("城镇", 100)
        .into_iter()
        .find(|h| h.name == "凤城镇")
        .expect("凤城镇 contains 城镇");
    assert_eq!(hit.class, MatchClass::Substring);
}

#[test]
fn the_place_comes_before_the_things_in_it() {
    let index = demo_index();
    // 阳城县 (county) before the county centre named 阳城县…中心 and anything else starting 阳城.
    let hits = index.search("阳城", 5);
    assert_eq!(hits[0].name, "阳城县");
    assert_eq!(hits[0].kind, HitKind::County);
    assert_eq!(hits[0].context, ["山西省", "晋城市"]);
    let hits = index.search("yangcheng", 5);
    assert_eq!(hits[0].name, "阳城县");
    // Within a class and field, kinds come in order.
    let kinds: Vec<HitKind> = index
        .search("fengcheng", 30)
        .into_iter()
        .filter(|h| h.class == MatchClass::Prefix && h.field == MatchField::Pinyin)
        .map(|h| h.kind)
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
}

#[test]
fn villages_and_stations_are_found_with_their_context() {
    let ds = read_demo();
    let index = SearchIndex::from_dataset(&ds, &[]);
    let village = &ds.villages[0];
    let hit = &index.search(&village.name, 5)[0];
    assert_eq!(hit.name, village.name);
    assert_eq!(hit.kind, HitKind::Village);
    assert_eq!(
        hit.context.last().map(String::as_str),
        ds.name_of(village.township_code.as_str())
    );

    let station = ds.station("ts-140522100").unwrap();
    let hit = &index.search("ts-140522100", 5)[0];
    assert_eq!(
        (hit.kind, hit.key.as_str()),
        (HitKind::Station, "ts-140522100")
    );
    assert_eq!(hit.field, MatchField::Key);
    assert_eq!(hit.name, station.name);
    assert_eq!(hit.context, ["山西省", "晋城市", "阳城县", "凤城镇"]);
}

#[test]
fn codes_find_the_division_first_then_what_is_inside() {
    let index = demo_index();
    let hits = index.search("140522", 5);
    assert_eq!(
        (hits[0].key.as_str(), hits[0].class),
        ("140522", MatchClass::Exact)
    );
    assert!(hits[1..].iter().all(|h| h.class != MatchClass::Exact));
}

#[test]
fn every_hit_is_distinct_and_the_limit_holds() {
    let index = demo_index();
    for q in ["c", "cun", "村", "zhen", "z", "14"] {
        let hits = index.search(q, 40);
        assert_eq!(hits.len(), 40, "{q}");
        let mut keys: Vec<(HitKind, &str)> =
            hits.iter().map(|h| (h.kind, h.key.as_str())).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 40, "{q}");
    }
    assert!(index.search("没有这个地方", 10).is_empty());
    assert!(index.search("xyzxyz", 10).is_empty());
}

#[test]
fn precomputed_keys_give_the_same_results() {
    // The build can write the entries (with their pinyin) to JSON and the site read them back
    // without computing pinyin itself.
    let ds = read_demo();
    let entries = dataset_entries(&ds, &[], &mut |name| keys_for(name));
    let json = serde_json::to_string(&entries).unwrap();
    let read: Vec<SearchEntry> = serde_json::from_str(&json).unwrap();
    let a = SearchIndex::build(entries);
    let b = SearchIndex::build(read);
    for q in ["fcz", "fengcheng", "凤城", "140522", "cun", "xiping"] {
        assert_eq!(a.search(q, 20), b.search(q, 20), "{q}");
    }
}

#[test]
fn search_is_instant_on_the_demo_data() {
    let index = demo_index();
    assert!(index.len() > 2000, "{}", index.len());
    let start = Instant::now();
    let queries = [
        "f", "fc", "fcz", "feng", "凤", "凤城", "cun", "村", "14", "xiping",
    ];
    for q in queries {
        assert!(!index.search(q, 20).is_empty(), "{q}");
    }
    let per_query = start.elapsed() / queries.len() as u32;
    // Generous, for unoptimized test builds on a busy machine; a release build takes microseconds.
    assert!(per_query.as_millis() < 50, "{per_query:?} per query");
}

/// About the size of the national index (41,000 townships, 620,000 villages, their stations).
/// Run with `cargo test -p cundi-core --release --test search -- --ignored --nocapture`.
#[test]
#[ignore = "slow in debug builds; a scale check, run in release"]
fn national_scale_index_answers_in_milliseconds() {
    let chars: Vec<char> = "东西南北中上下前后大小新老王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤山河沟坡岭庄屯堡寨营湾洼坪峪桥井泉塘湖".chars().collect();
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let started = Instant::now();
    let mut entries = Vec::with_capacity(700_000);
    for t in 0..41_000u64 {
        let township = format!("{:09}", 110_000_000 + t);
        let name: String = (0..2)
            .map(|_| chars[next(chars.len())])
            .chain(['镇'])
            .collect();
        let mut e = SearchEntry::new(HitKind::Township, &township, &name, None);
        e.pinyin = keys_for(&name);
        entries.push(e);
        for v in 0..15u64 {
            let code = format!("{township}{:03}", v);
            let name: String = (0..2)
                .map(|_| chars[next(chars.len())])
                .chain(['村'])
                .collect();
            let mut e = SearchEntry::new(HitKind::Village, &code, &name, Some(township.clone()));
            e.pinyin = keys_for(&name);
            entries.push(e);
        }
    }
    let entries_built = started.elapsed();
    let index = SearchIndex::build(entries);
    println!(
        "{} entries: keys in {entries_built:?}, index in {:?}",
        index.len(),
        started.elapsed() - entries_built
    );
    for q in [
        "fc",
        "f",
        "f",
        "fcz",
        "feng",
        "wangjia",
        "wjc",
        "王家",
        "村",
        "c",
        "110000042",
    ] {
        let start = Instant::now();
        let hits = index.search(q, 20);
        println!("{q:>10}: {:>3} hits in {:?}", hits.len(), start.elapsed());
        assert!(start.elapsed().as_millis() < 500, "{q}");
    }
}

#[test]
fn a_kind_filter_finds_only_those_kinds_in_the_same_order() {
    let index = demo_index();
    // "凤城" names a township first; the station picker must skip it and list the stations.
    let all = index.search("凤城", 200);
    let stations = index.search_kinds("凤城", 5, &[HitKind::Station]);
    assert!(!stations.is_empty());
    assert!(stations.iter().all(|h| h.kind == HitKind::Station));
    let expected: Vec<_> = all
        .iter()
        .filter(|h| h.kind == HitKind::Station)
        .take(5)
        .map(|h| h.key.clone())
        .collect();
    let got: Vec<_> = stations.iter().map(|h| h.key.clone()).collect();
    assert_eq!(got, expected);
    // Several kinds at once, and none (= all).
    let places = index.search_kinds("fcz", 10, &[HitKind::Village, HitKind::Township]);
    assert_eq!(places[0].name, "凤城镇");
    assert!(places
        .iter()
        .all(|h| matches!(h.kind, HitKind::Village | HitKind::Township)));
    assert_eq!(index.search_kinds("fcz", 10, &[]), index.search("fcz", 10));
}

/// National name search: for every village and station, the queries a resident types from the
/// start of its name — one or two characters, the initials, the full pinyin from the second
/// syllable on — name shards the entry is in, and an index over those shards finds it.
#[test]
fn name_shards_hold_every_entry_its_prefix_queries_need() {
    let ds = read_demo();
    let entries: Vec<SearchEntry> = dataset_entries(&ds, &[], &mut keys_for)
        .into_iter()
        .filter(|e| matches!(e.kind, HitKind::Village | HitKind::Station))
        .collect();
    let (spec, written) = name_shards(&entries, HAN_BUCKETS);
    // Read back as the site reads them: each shard's JSON as a list of search entries.
    let shards: std::collections::BTreeMap<String, Vec<SearchEntry>> = written
        .iter()
        .map(|(k, v)| {
            let json = serde_json::to_string(v).unwrap();
            (k.clone(), serde_json::from_str(&json).unwrap())
        })
        .collect();
    assert!(
        spec.syllables.iter().any(|s| s == "feng") && spec.syllables.iter().any(|s| s == "zhen")
    );
    assert_eq!(spec.keys, shards.keys().cloned().collect::<Vec<_>>());
    // Han shards carry no pinyin; every entry is in one of them.
    let han: usize = shards
        .iter()
        .filter(|(k, _)| k.starts_with('h'))
        .map(|(_, v)| {
            assert!(v.iter().all(|e| e.pinyin.is_empty()));
            v.len()
        })
        .sum();
    assert_eq!(han, entries.len());

    let mut checked = 0;
    for entry in entries.iter().step_by(7) {
        let chars: Vec<char> = entry.name.chars().collect();
        let reading = &entry.pinyin.full()[0];
        let full = reading.replace(' ', "");
        let first_syllable = reading.split(' ').next().unwrap().len();
        let mut queries = vec![
            chars[..1].iter().collect::<String>(),
            chars[..2.min(chars.len())].iter().collect(),
        ];
        // Stations by characters only.
        if entry.kind == HitKind::Village {
            queries.push(
                entry.pinyin.initials()[0]
                    .chars()
                    .take(SHARD_SYLLABLES)
                    .collect(),
            );
        }
        if entry.kind == HitKind::Village && full.len() > first_syllable {
            queries.push(full[..first_syllable + 1].to_string());
            // Up to the syllables a shard keeps.
            let kept: String = reading.split(' ').take(SHARD_SYLLABLES).collect();
            queries.push(kept);
        }
        for query in queries.iter().filter(|q| q.chars().count() >= 1) {
            if query.is_ascii() && query.len() < 2 {
                continue;
            }
            let keys = spec.keys_for_query(query);
            let found: Vec<SearchEntry> = keys
                .iter()
                .flat_map(|k| shards[k].iter().cloned())
                .collect();
            let index = SearchIndex::build(found);
            let hits = index.search_kinds(query, usize::MAX, &[entry.kind]);
            assert!(
                hits.iter().any(|h| h.key == entry.key),
                "{} ({}) not found by {query:?} in shards {keys:?}",
                entry.name,
                entry.key
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} queries");
    // A query of one Latin letter needs no pinyin shard, and only shards written are named.
    assert!(spec.keys_for_query("f").iter().all(|k| k.starts_with('h')));
    assert!(spec
        .keys_for_query("xqzv")
        .iter()
        .all(|k| spec.keys.contains(k)));
}

#[test]
fn a_place_within_a_place_is_found_as_addresses_are_written() {
    let index = demo_index();
    // 卧庄 in 凤城镇 (阳城县): by the township, the county's beginning, spaced or not, in pinyin.
    for query in [
        "凤城镇卧庄",
        "凤城镇 卧庄",
        "阳城 卧庄",
        "阳城县凤城镇卧庄",
        "山西 阳城 卧庄",
        "yangcheng wozhuang",
    ] {
        let hits = index.search(query, 5);
        assert_eq!(
            hits.first().map(|h| h.key.as_str()),
            Some("140522100236"),
            "{query}: {hits:?}"
        );
    }
    // 东关 is in three counties: the place before it chooses.
    let keys =
        |q: &str| -> Vec<String> { index.search(q, 10).into_iter().map(|h| h.key).collect() };
    assert_eq!(keys("临淄 东关")[0], "370305100210");
    let in_linzi = index.search("临淄 东关", 10);
    assert!(in_linzi.len() > 1);
    assert!(
        in_linzi
            .iter()
            .all(|h| h.context.iter().any(|c| c == "临淄区")),
        "{in_linzi:?}"
    );
    assert_eq!(keys("西平县东关")[0], "411721001006");
    // A place that does not hold it finds nothing; a query found as it stands is unchanged.
    assert!(index.search("西平 卧庄", 5).is_empty());
    assert_eq!(names(&index, "卧庄", 1), ["卧庄村委会"]);
    // Letters are split only where the query has spaces: "yczwz" is not cut into places.
    assert!(index.search("xyzxyz", 5).is_empty());
}
