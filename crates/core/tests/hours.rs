//! The opening-hours subset read by `cundi_core::hours` agrees with the reference implementation
//! (the `opening-hours` crate, a dev-dependency only) on every `hours` value in the demo data and
//! on the harder cases, at instants every 23 minutes over two weeks: open or closed, and when that
//! changes (issue 3).

mod common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use common::read_demo;
use cundi_core::hours::{china, state_at, OpeningState};
use opening_hours::OpeningHours;
use std::collections::BTreeSet;

const CASES: [&str; 14] = [
    "Mo-Sa 08:30-18:00",
    "Mo-Su 07:30-12:00,14:00-19:00",
    "Mo-Fr 22:00-02:00",
    "Fr,Sa 18:00-02:00; Su off",
    "Fr 18:00-24:00; Sa 00:00-26:00",
    "Sa-Mo 10:00-16:00",
    "24/7",
    "24/7; Su off",
    "Mo-Fr 08:00-12:00, We 14:00-18:00",
    "Mo-Su 08:00-18:00; We off",
    "Mo-Fr 09:00-17:00; PH off",
    "Mo-Fr",
    "off",
    "08:00-18:00; Su 10:00-12:00",
];

/// Compares the two at one instant; `None` when they agree.
fn disagreement(
    value: &str,
    reference: &OpeningHours,
    at: DateTime<FixedOffset>,
) -> Option<String> {
    let local: NaiveDateTime = at.naive_local();
    let ours = state_at(value, at).unwrap();
    let open = reference.is_open(local);
    let change = reference.next_change(local);
    // "Never" in ours is "not within a week" in a weekly schedule; the reference may name a change
    // at the end of its calendar or none.
    let same_change = |ours: Option<NaiveDateTime>| match ours {
        Some(t) => change == Some(t),
        None => change.is_none_or(|c| c - local > Duration::days(7)),
    };
    let agree = match ours {
        OpeningState::Open { closes_at } => open && same_change(closes_at),
        OpeningState::Closed { opens_at } => !open && same_change(opens_at),
        OpeningState::Unknown => false,
    };
    (!agree).then(|| {
        format!("{value:?} at {local}: ours {ours:?}, reference open={open} next change {change:?}")
    })
}

#[test]
fn agrees_with_the_reference_implementation() {
    let mut values: BTreeSet<String> = read_demo()
        .stations
        .iter()
        .filter_map(|s| s.hours.clone())
        .collect();
    assert!(values.len() >= 5, "{values:?}");
    values.extend(CASES.iter().map(|c| c.to_string()));

    // Monday 2 March 2026, 00:00 in China.
    let start = china()
        .from_local_datetime(
            &NaiveDate::from_ymd_opt(2026, 3, 2)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        )
        .unwrap();
    let mut checked = 0;
    for value in &values {
        let reference: OpeningHours = value.parse().unwrap_or_else(|e| panic!("{value}: {e}"));
        for step in 0..(14 * 24 * 60 / 23) {
            let at = start + Duration::minutes(23 * step);
            if let Some(d) = disagreement(value, &reference, at) {
                panic!("{d}");
            }
            checked += 1;
        }
        // And at every opening and closing minute of the first week, and the minute before.
        let mut at = start;
        while at < start + Duration::days(7) {
            let Some(change) = reference.next_change(at.naive_local()) else {
                break;
            };
            let change = china().from_local_datetime(&change).unwrap();
            for t in [change - Duration::minutes(1), change] {
                if let Some(d) = disagreement(value, &reference, t) {
                    panic!("{d}");
                }
                checked += 1;
            }
            at = change;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn every_demo_value_is_understood() {
    let at = china().with_ymd_and_hms(2026, 3, 4, 10, 0, 0).unwrap();
    for s in read_demo().stations {
        if let Some(h) = &s.hours {
            assert_ne!(state_at(h, at), Ok(OpeningState::Unknown), "{} {h}", s.id);
        }
    }
}
