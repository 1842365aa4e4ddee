//! The [`FromRow`] of each table: the domain type built from the parsed fields, with the checks
//! that need more than one field (tier against code level, village code against its township).

use super::fields::Fields;
use super::rows::FromRow;
use crate::code::Level;
use crate::model::{
    Authority, ComplaintStat, Division, Indicator, Station, StationBase, Target, Tier, Village,
    VillageBase, MAX_DELIVERIES_PER_WEEK,
};
use crate::package::{self, ResourceSpec};
use crate::problem::ProblemKind;

/// The level a station's `admin_code` has for its tier.
pub fn tier_level(tier: Tier) -> Level {
    match tier {
        Tier::CountyCenter => Level::County,
        Tier::TownshipStation => Level::Township,
        Tier::VillagePoint => Level::Village,
    }
}

impl FromRow for Division {
    const SPEC: ResourceSpec = package::DIVISIONS;
    fn from_fields(f: &mut Fields<'_>) -> Option<Division> {
        Some(Division {
            code: f.code("code")?,
            name: f.string("name")?,
            extra: f.extra(),
        })
    }
}

impl FromRow for Station {
    const SPEC: ResourceSpec = package::STATIONS;
    fn from_fields(f: &mut Fields<'_>) -> Option<Station> {
        let tier = f.word::<Tier>("tier");
        let admin_code = f.code("admin_code");
        if let (Some(tier), Some(code)) = (tier, &admin_code) {
            let level = tier_level(tier);
            if code.level() != level {
                f.error(
                    "admin_code",
                    ProblemKind::TierLevelMismatch {
                        digits: level.digits() as u8,
                    },
                );
            }
        }
        let (lon, lat) = f.coordinates("lon", "lat");
        let pickup_fee = f.number_in("pickup_fee", 0.0, MAX_PICKUP_FEE);
        let model = f.word("model");
        let services = f.words("services");
        let status = f.word("status");
        let mut station = Station::from(StationBase {
            id: f.string("id")?,
            tier: tier?,
            name: f.string("name")?,
            admin_code: admin_code?,
            lon: lon?,
            lat: lat?,
            operator: f.string("operator")?,
            brands: f.list("brands"),
            model,
            services,
            pickup_fee,
            status: status?,
            extra: f.extra(),
        });
        f.plain(&mut station);
        Some(station)
    }
}

impl FromRow for Village {
    const SPEC: ResourceSpec = package::VILLAGES;
    fn from_fields(f: &mut Fields<'_>) -> Option<Village> {
        let code = f.code("code");
        let township_code = f.code("township_code");
        if let (Some(code), Some(township)) = (&code, &township_code) {
            if !township.contains(code) {
                f.error(
                    "code",
                    ProblemKind::CodeMismatch {
                        expected_prefix: township.to_string(),
                    },
                );
            }
        }
        let (mut lon, mut lat) = f.coordinates("lon", "lat");
        // Half a location is no location; the village itself is still worth keeping.
        let half = match (f.raw("lon").is_empty(), f.raw("lat").is_empty()) {
            (false, true) => Some("lat"),
            (true, false) => Some("lon"),
            _ => None,
        };
        if let Some(missing) = half {
            f.warn(missing, ProblemKind::Required);
            (lon, lat) = (None, None);
        }
        let population = f.integer_in("population", 0, MAX_POPULATION);
        let max = i64::from(MAX_DELIVERIES_PER_WEEK);
        let deliveries = f.integer_in("deliveries_per_week", 0, max);
        let pickups = f.integer_in("pickups_per_week", 0, max);
        let kind = f.word("kind");
        let delivery_mode = f.word("delivery_mode");
        let mut village = Village::from(VillageBase {
            code: code?,
            name: f.string("name")?,
            township_code: township_code?,
            kind,
            population: population.and_then(|n| u32::try_from(n).ok()),
            lon,
            lat,
            deliveries_per_week: deliveries.and_then(|n| u8::try_from(n).ok()),
            pickups_per_week: pickups.and_then(|n| u8::try_from(n).ok()),
            delivery_mode,
            extra: f.extra(),
        });
        f.plain(&mut village);
        Some(village)
    }
}

/// Whether an indicator is a percentage, so that a target above 100 is a typo.
pub fn is_percentage(indicator: Indicator) -> bool {
    indicator.as_str().ends_with("_pct")
}

impl FromRow for Target {
    const SPEC: ResourceSpec = package::TARGETS;
    fn from_fields(f: &mut Fields<'_>) -> Option<Target> {
        let indicator = f.word::<Indicator>("indicator");
        let max = match indicator {
            Some(i) if is_percentage(i) => 100.0,
            _ => f64::from(u32::MAX),
        };
        let target = f.number_in("target", 0.0, max);
        Some(Target {
            jurisdiction_code: f.code("jurisdiction_code")?,
            indicator: indicator?,
            target: target?,
            deadline: f.date("deadline")?,
            doc_no: f.string("doc_no")?,
            doc_title: f.string("doc_title")?,
            issued_by: f.string("issued_by")?,
            issued_on: f.date("issued_on"),
            note: f.string("note"),
            extra: f.extra(),
        })
    }
}

impl FromRow for Authority {
    const SPEC: ResourceSpec = package::AUTHORITIES;
    fn from_fields(f: &mut Fields<'_>) -> Option<Authority> {
        Some(Authority {
            jurisdiction_code: f.code("jurisdiction_code")?,
            name: f.string("name")?,
            phone: f.string("phone"),
            email: f.string("email"),
            website: f.string("website"),
            address: f.string("address"),
            open311_endpoint: f.string("open311_endpoint"),
            office_hours: f.string("office_hours"),
            open311_jurisdiction_id: f.string("open311_jurisdiction_id"),
            open311_api_key: f.string("open311_api_key"),
            open311_service_codes: f.string("open311_service_codes"),
            extra: f.extra(),
        })
    }
}

/// The most complaints one row can count: far above any county's month, low enough that a
/// pasted phone number or a sum over the wrong column is caught.
pub const MAX_COMPLAINTS: i64 = 10_000_000;

impl FromRow for ComplaintStat {
    const SPEC: ResourceSpec = package::COMPLAINT_STATS;
    fn from_fields(f: &mut Fields<'_>) -> Option<ComplaintStat> {
        let category = f.word("category");
        let received = f.integer_in("received", 0, MAX_COMPLAINTS);
        // More resolved than received is a typo in one of the two; either way neither can be
        // shown, so the row is left out with the bound it broke.
        let resolved = match received {
            Some(max) => f.integer_in("resolved", 0, max),
            None => f.integer_in("resolved", 0, MAX_COMPLAINTS),
        };
        Some(ComplaintStat {
            jurisdiction_code: f.code("jurisdiction_code")?,
            month: f.month("month")?,
            category: category?,
            received: received.and_then(|n| u32::try_from(n).ok())?,
            resolved: resolved.and_then(|n| u32::try_from(n).ok()),
            source: f.string("source"),
            extra: f.extra(),
        })
    }
}

/// A fee above this is a typo (a phone number in the wrong column, say), not a policy.
pub const MAX_PICKUP_FEE: f64 = 1000.0;

/// The most residents a village-level unit can plausibly have; the largest urban communities have
/// a few hundred thousand.
pub const MAX_POPULATION: i64 = 1_000_000;
