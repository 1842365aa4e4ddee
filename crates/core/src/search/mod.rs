//! One search over provinces, cities, counties, townships, villages and stations: Chinese
//! characters, partial names, full pinyin and pinyin initials (`fengchengzhen`, `feng cheng`,
//! `fcz` → 凤城镇), ranked exact before prefix before substring, and the place before the things
//! in it.
//!
//! How it is built, and why:
//! - Pinyin is not computed here at query time. Each [`SearchEntry`] carries its [`PinyinKeys`];
//!   [`keys_for`] (the `pinyin` feature, on by default) computes them with the `pinyin` crate, so
//!   the CLI can write them into the bundle and the site can either call it or read them. A query
//!   is only ever compared with keys, never converted itself: a query with Chinese characters is
//!   matched against names, one in Latin letters against pinyin.
//! - Every field of every entry is packed into one byte string per field, segments separated by
//!   a NUL. A query is one substring scan (`memchr::memmem`) per field over that string; a match's
//!   class is read off the bytes around it, and only a match that can still make the list is
//!   mapped back to its entry (a forward search from the previous match). No allocation or
//!   searcher set-up per entry, which is what keeps a national index (about 620,000 names) usable:
//!   a few milliseconds a query natively, a few tens for one letter found in every village's
//!   name (`c`: *cun*). The site holds only the counties it has loaded.
//! - Ranks are packed into a `u64` so that sorting them is the whole ranking: class (exact, prefix,
//!   substring), then the field matched (characters, full pinyin, initials, code), then the kind
//!   (a province before a city … before a village, and stations last, so a township comes before
//!   the stations named after it), then the name's length, then the code (entries are stored
//!   sorted by kind and code, so the entry number is the code order).
//! - Heteronyms (多音字): the `pinyin` crate's first reading is often not the place-name one (长治
//!   is *chang*zhi, the crate says *zhang*), so a name also gets keys with one character switched
//!   to each of its other readings, a few per name, most common characters first.
//! - Full pinyin found inside a name counts only from a syllable start (`chengzhen` finds 凤城镇,
//!   `engch` does not); initials are a letter a syllable, so any position is one.
//!
//! In pieces: the entries and hits are here; `keys` makes the pinyin keys, `reading` the
//! reading an English reader sees beside a name, `text` normalizes a
//! query or a name, `index` packs the entries and ranks the matches, and `shards` cuts the
//! national names into the files the site fetches by a query's first letters.

mod entry;
mod index;
mod keys;
mod reading;
mod shards;
mod text;

pub use entry::*;
pub use index::*;
pub use keys::*;
pub use reading::*;
pub use shards::*;
pub use text::*;

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: HitKind, key: &str, name: &str, parent: Option<&str>) -> SearchEntry {
        let e = SearchEntry::new(kind, key, name, parent.map(str::to_string));
        #[cfg(feature = "pinyin")]
        let e = SearchEntry {
            pinyin: keys_for(name),
            ..e
        };
        e
    }

    #[test]
    fn a_blank_query_is_one_that_normalizes_to_nothing() {
        for q in ["", " ", "\u{3000}\u{3000}", "\t\n"] {
            assert!(is_blank(q), "{q:?}");
            assert!(Query::new(q).text.is_empty());
        }
        for q in ["a", " 凤 ", "\u{3000}ｆ", "0"] {
            assert!(!is_blank(q), "{q:?}");
            assert!(!Query::new(q).text.is_empty());
        }
    }

    #[test]
    fn queries_normalize_to_text_and_pinyin() {
        let q = Query::new(" Feng Cheng ");
        assert_eq!(q.text, "fengcheng");
        assert_eq!(q.pinyin.as_deref(), Some("fengcheng"));
        assert_eq!(
            Query::new("fēng chéng").pinyin.as_deref(),
            Some("fengcheng")
        );
        assert_eq!(
            Query::new("feng1cheng2").pinyin.as_deref(),
            Some("fengcheng")
        );
        assert_eq!(Query::new("xi'an").pinyin.as_deref(), Some("xian"));
        assert_eq!(Query::new("ＦＣＺ").pinyin.as_deref(), Some("fcz"));
        assert_eq!(Query::new("lv").pinyin.as_deref(), Some("lu"));
        assert_eq!(Query::new("lü").pinyin.as_deref(), Some("lu"));
        assert_eq!(Query::new("凤城").pinyin, None);
        assert_eq!(Query::new("140522").pinyin, None);
        assert_eq!(Query::new("g107").pinyin, None, "0 is not a tone number");
    }

    #[test]
    fn ranks_compare_class_then_field_then_kind_then_length_then_entry() {
        use HitKind::*;
        use MatchClass::*;
        use MatchField::*;
        let r = |c, f, k, n, e| rank(c, f, k, n, e);
        assert!(r(Exact, Key, Station, 99, 9) < r(Prefix, Name, Province, 1, 0));
        assert!(r(Prefix, Name, Station, 2, 0) < r(Prefix, Pinyin, Province, 2, 0));
        assert!(r(Prefix, Pinyin, Township, 9, 9) < r(Prefix, Pinyin, Village, 2, 0));
        assert!(r(Prefix, Pinyin, Township, 3, 9) < r(Prefix, Pinyin, Township, 4, 0));
        assert!(r(Prefix, Pinyin, Township, 3, 1) < r(Prefix, Pinyin, Township, 3, 2));
        let packed = r(Substring, Initials, Village, 300, 123_456);
        assert_eq!(unpack(packed), (Substring, Initials, 123_456));
    }

    #[test]
    fn an_index_without_pinyin_still_finds_characters_and_keys() {
        let index = SearchIndex::build(vec![
            SearchEntry::new(HitKind::Township, "140522100", "凤城镇", None),
            SearchEntry::new(HitKind::Station, "ts-1", "凤城镇快递服务站", None),
        ]);
        let hits = index.search("凤城", 10);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].key, "140522100");
        assert!(index.search("fcz", 10).is_empty());
        assert_eq!(index.search("TS-1", 10)[0].key, "ts-1");
        assert!(index.search("", 10).is_empty());
        assert!(index.search("凤城", 0).is_empty());
    }

    #[test]
    fn duplicate_keys_are_kept_once() {
        let index = SearchIndex::build(vec![
            entry(HitKind::Village, "140522100201", "东关村", None),
            entry(HitKind::Village, "140522100201", "东关村（重复）", None),
        ]);
        assert_eq!(index.len(), 1);
        assert_eq!(index.search("东关", 10)[0].name, "东关村");
    }

    #[test]
    fn pinyin_inside_a_name_matches_only_from_a_syllable_start() {
        // Keys as the build would precompute them: no pinyin crate needed.
        let mut e = SearchEntry::new(HitKind::Township, "140522100", "凤城镇", None);
        e.pinyin = PinyinKeys::new(&["feng cheng zhen"], &["fcz"]);
        let index = SearchIndex::build(vec![e]);
        assert_eq!(index.search("fcz", 5)[0].class, MatchClass::Exact);
        assert_eq!(index.search("Feng Cheng", 5)[0].class, MatchClass::Prefix);
        let hit = &index.search("chengzhen", 5)[0];
        assert_eq!(
            (hit.class, hit.field),
            (MatchClass::Substring, MatchField::Pinyin)
        );
        assert!(index.search("engch", 5).is_empty());
        // Initials are one letter a syllable, so any position is a syllable start.
        assert_eq!(index.search("cz", 5)[0].field, MatchField::Initials);
    }

    #[test]
    fn the_limit_keeps_the_best_distinct_entries() {
        // More entries than the compaction threshold, so `Ranked::compact` runs mid-scan.
        let mut entries: Vec<SearchEntry> = (0..3000)
            .map(|i| {
                SearchEntry::new(
                    HitKind::Village,
                    format!("14052210{:04}", i),
                    format!("东{i}村"),
                    None,
                )
            })
            .collect();
        entries.push(SearchEntry::new(HitKind::Township, "140522101", "东", None));
        let index = SearchIndex::build(entries);
        let hits = index.search("东", 7);
        assert_eq!(hits.len(), 7);
        assert_eq!(
            (hits[0].name.as_str(), hits[0].class),
            ("东", MatchClass::Exact)
        );
        let mut keys: Vec<&str> = hits.iter().map(|h| h.key.as_str()).collect();
        keys.dedup();
        assert_eq!(keys.len(), 7);
        // Same class, field and kind: shorter names first, then code order.
        assert_eq!(hits[1].name, "东0村");
        assert_eq!(hits[2].name, "东1村");
    }

    #[test]
    fn keys_are_one_string_that_gives_back_every_reading_and_initial() {
        let full = [
            "nan lang jia yuan",
            "na lang jia yuan",
            "nan lang gu yuan",
            "nan lang jia wan",
            "g107 xian",
        ];
        let initials = ["nljy", "nlgy", "nljw", "g107x"];
        let k = PinyinKeys::new(&full, &initials);
        // Readings that change a syllable or two are written as the change.
        assert_eq!(
            k.as_str(),
            "nan lang jia yuan|0=na|2=gu|3=wan|g107 xian",
            "initials of the readings themselves are not written"
        );
        assert_eq!(k.full(), full);
        assert_eq!(k.initials(), initials);
        // Initials that are not the readings' own are written after a `#`.
        let cut = PinyinKeys::new(&["feng cheng zhen"], &["fczh", "fc"]);
        assert_eq!(cut.as_str(), "feng cheng zhen#fczh|fc");
        assert_eq!(cut.initials(), ["fczh", "fc"]);
        let only_initials = PinyinKeys::new(&[] as &[&str], &["fcz"]);
        assert!(only_initials.full().is_empty());
        assert_eq!(only_initials.initials(), ["fcz"]);
        assert!(PinyinKeys::new(&[] as &[&str], &[]).is_empty());
        // Readings without initials (a shard's pair the initials do not begin with).
        let no_initials = PinyinKeys::new(&["feng cheng"], &[]);
        assert_eq!(no_initials.as_str(), "feng cheng#");
        assert_eq!(
            no_initials.lists(),
            (vec!["feng cheng".to_string()], vec![])
        );
        // In JSON, a string; read back the same, or refused when a change names no syllable.
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, format!("{:?}", k.as_str()));
        assert_eq!(serde_json::from_str::<PinyinKeys>(&json).unwrap(), k);
        let many = format!("{:?}", vec!["a"; MAX_KEPT_READINGS + 1].join("|"));
        for bad in [
            r#""feng cheng|3=zhen""#,
            r#""feng|x=a""#,
            r#""feng|0=""#,
            r#""feng|+0=a""#,
            r#""feng|0=a=b""#,
            r#""f=g|0=a""#,
            &many,
        ] {
            assert!(serde_json::from_str::<PinyinKeys>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn merged_keys_hold_the_readings_of_both_once() {
        let mut a = PinyinKeys::new(&["chang zhi"], &["cz"]);
        a.merge(&PinyinKeys::new(&["zhang zhi", "chang zhi"], &["zz", "cz"]));
        assert_eq!(a.full(), ["chang zhi", "zhang zhi"]);
        assert_eq!(a.initials(), ["cz", "zz"]);
        assert_eq!(a.as_str(), "chang zhi|0=zhang");
    }

    #[cfg(feature = "pinyin")]
    #[test]
    fn keys_cover_common_readings_heteronyms_letters_and_digits() {
        let k = keys_for("凤城镇");
        assert_eq!(k.full(), ["feng cheng zhen"]);
        assert_eq!(k.initials(), ["fcz"]);
        let k = keys_for("长治市");
        assert!(k.full().contains(&"chang zhi shi".to_string()), "{k:?}");
        assert!(k.initials().contains(&"czs".to_string()), "{k:?}");
        assert!(k.full().len() <= MAX_READINGS);
        let k = keys_for("G107线3号服务点（东）");
        assert_eq!(k.full()[0], "g107 xian 3 hao fu wu dian dong");
        assert_eq!(k.initials()[0], "g107x3hfwdd");
        assert_eq!(keys_for("绿村").full()[0], "lu cun", "ü is folded to u");
        assert!(keys_for("（）").is_empty());
    }

    #[cfg(feature = "pinyin")]
    #[test]
    fn heteronym_readings_find_place_names() {
        let index = SearchIndex::build(vec![
            entry(HitKind::City, "1404", "长治市", Some("14")),
            entry(HitKind::City, "5001", "重庆市", None),
            entry(HitKind::City, "3502", "厦门市", None),
            entry(HitKind::Province, "14", "山西省", None),
        ]);
        assert_eq!(index.search("changzhi", 3)[0].name, "长治市");
        assert_eq!(index.search("chongqing", 3)[0].name, "重庆市");
        assert_eq!(index.search("xiamen", 3)[0].name, "厦门市");
        assert_eq!(index.search("czs", 3)[0].name, "长治市");
        assert_eq!(index.search("changzhi", 3)[0].context, ["山西省"]);
    }
}
