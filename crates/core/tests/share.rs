//! The shares areas are compared by, and the distribution of deliveries per week (issue 5), on the
//! demo data: each share is the part of the whole the area's figures give, and the distribution
//! accounts for every village exactly once, agreeing with the served and daily counts.

mod common;

use common::read_demo;
use cundi_core::model::DAILY_DELIVERIES_PER_WEEK;
use cundi_core::share::{deliveries, Share};
use cundi_core::stats::area_stats;
use cundi_core::Code;

#[test]
fn each_share_is_its_part_of_its_whole() {
    let ds = read_demo();
    let stats = area_stats(&ds);
    let county = &stats[&Code::parse("140522").unwrap()];
    assert_eq!(
        Share::VillagePoint.parts(county),
        (county.villages_with_point, county.villages)
    );
    assert_eq!(
        Share::Daily.parts(county),
        (county.villages_daily, county.villages)
    );
    let pct = Share::Daily.pct(county).unwrap();
    let expected = f64::from(county.villages_daily) * 100.0 / f64::from(county.villages);
    assert!((pct - expected).abs() < 1e-9);
    for share in Share::ALL {
        let (part, whole) = share.parts(county);
        assert!(part <= whole, "{share}: {part} of {whole}");
        assert_eq!(Share::parse(share.as_str()), Some(*share));
    }
}

#[test]
fn nothing_to_share_is_no_figure_not_zero() {
    let empty = cundi_core::stats::AreaStats::default();
    for share in Share::ALL {
        assert_eq!(share.pct(&empty), None, "{share}");
    }
}

#[test]
fn the_distribution_counts_every_village_once_and_agrees_with_the_area_figures() {
    let ds = read_demo();
    let stats = area_stats(&ds);
    for county in ["140522", "370305", "411721"] {
        let code = Code::parse(county).unwrap();
        let d = deliveries(&ds, Some(&code));
        let s = &stats[&code];
        assert_eq!(d.total(), s.villages, "{county}");
        let daily: u32 = d.per_week[usize::from(DAILY_DELIVERIES_PER_WEEK)..]
            .iter()
            .sum();
        assert_eq!(daily, s.villages_daily, "{county}: served 7+ a week");
        assert_eq!(
            d.total() - d.unserved,
            s.villages_served,
            "{county}: everything but the unserved is served"
        );
    }
    // The whole dataset is the sum of its counties.
    let all = deliveries(&ds, None);
    assert_eq!(all.total() as usize, ds.villages.len());
    assert!(all.unserved > 0 && all.per_week[7] > 0);
}
