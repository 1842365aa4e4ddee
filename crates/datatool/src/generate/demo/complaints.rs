//! The illustrative complaint figures: by county and month for every category, and for a couple
//! of towns a few categories of their own.

use super::code;
use crate::generate::sources::{Divisions, NamedCode};
use cundi_core::complaint::Category;
use cundi_core::{ComplaintStat, Month};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

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

/// Illustrative monthly complaint figures for each county: a county row for every category (the
/// complaints not attributed to a township) and, for a couple of towns, rows of their own for a
/// few categories. The latest month's resolutions are not yet published.
pub(super) fn complaint_stats(divisions: &Divisions) -> Vec<ComplaintStat> {
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
