//! How complete the published rows are, beyond being valid (issue 24, point 11): stations with no
//! phone, no opening hours, or an address that names only the area they stand in ("阳城县凤城镇"
//! finds no door). Counted per county, with the rows, for the data-quality page.

use crate::code::Code;
use crate::dataset::Dataset;
use crate::model::Station;

/// One county's gaps: indices into the dataset's `stations`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gaps {
    pub county: Option<Code>,
    /// Stations counted.
    pub stations: usize,
    pub no_phone: Vec<usize>,
    pub no_hours: Vec<usize>,
    /// No address, or one that names only divisions the station lies in.
    pub vague_address: Vec<usize>,
}

/// Whether an address says no more than the names of the divisions a station lies in (any of
/// them, in any order, with or without spaces and the usual punctuation): "阳城县凤城镇",
/// "山西省 阳城县", or nothing at all.
pub fn vague_address(ds: &Dataset, station: &Station) -> bool {
    let Some(address) = station.address.as_deref() else {
        return true;
    };
    let mut rest: String = address
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '、' | '-' | '—'))
        .collect();
    // Longest names first, so that 凤城镇 goes before a shorter name inside it.
    // The divisions above, and the place itself (a township, or a village for a village point).
    let code = station.admin_code.as_str();
    let mut names: Vec<&str> = ds
        .ancestors(code)
        .into_iter()
        .chain(ds.division(code))
        .map(|d| d.name.as_str())
        .chain(ds.village(code).map(|v| v.name.as_str()))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    for name in names {
        rest = rest.replace(name, "");
    }
    rest.is_empty()
}

/// The gaps of every county with stations, in code order (stations whose code has no county
/// last, under `None`).
pub fn gaps(ds: &Dataset) -> Vec<Gaps> {
    let mut by_county: std::collections::BTreeMap<Option<Code>, Gaps> = Default::default();
    for (i, s) in ds.stations.iter().enumerate() {
        let county = s.county_code();
        let g = by_county.entry(county.clone()).or_insert_with(|| Gaps {
            county,
            ..Gaps::default()
        });
        g.stations += 1;
        if s.phone.is_none() {
            g.no_phone.push(i);
        }
        if s.hours.is_none() {
            g.no_hours.push(i);
        }
        if vague_address(ds, s) {
            g.vague_address.push(i);
        }
    }
    let mut list: Vec<Gaps> = by_county.into_values().collect();
    // `None` sorts first in a map; it belongs last.
    let unplaced = usize::from(list.first().is_some_and(|g| g.county.is_none()));
    list.rotate_left(unplaced);
    list
}
