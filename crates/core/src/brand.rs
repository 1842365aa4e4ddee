//! Which point takes my parcel: the express brands a station handles (its `brands` column) and
//! the services it offers, and the choice a resident makes of them (docs/DATA.md, "Brands").
//!
//! Brands are free text in the data, and a county writes them as it knows them: 中通 or
//! 中通快递, 邮政 or 中国邮政 or EMS. [`canonical`] reads each as the one name residents use,
//! so that a choice of 中通 finds a station listing 中通快递. The data shown keeps what was
//! published.

use crate::model::{Service, Station};

/// Other ways the data writes a brand, and the name it is known by. Compared after
/// [`canonical`] has trimmed the text, dropped a trailing 快递 / 速递 / 速运 / 快运 / 物流 and
/// folded ASCII letters to lower case.
const ALIASES: &[(&str, &str)] = &[
    ("中国邮政", "邮政"),
    ("邮政ems", "邮政"),
    ("ems", "邮政"),
    ("邮政包裹", "邮政"),
    ("zto", "中通"),
    ("yto", "圆通"),
    ("sto", "申通"),
    ("yunda", "韵达"),
    ("j&t", "极兔"),
    ("j&t express", "极兔"),
    ("sf", "顺丰"),
    ("sf express", "顺丰"),
    ("jd", "京东"),
];

/// The express brands a resident may name, by the name they are known by: a waybill typed as
/// "中通 7531 2345 6789" names one of these before its number.
pub const KNOWN: &[&str] = &[
    "邮政",
    "中通",
    "圆通",
    "申通",
    "韵达",
    "极兔",
    "顺丰",
    "京东",
    "德邦",
    "丰网",
    "百世",
    "宅急送",
    "跨越",
    "安能",
    "优速",
    "菜鸟",
    "天天",
];

/// The known brand (by [`canonical`] name) this text names, if any: 中通快递 is 中通.
pub fn known(name: &str) -> Option<&'static str> {
    let name = canonical(name);
    KNOWN.iter().copied().find(|k| *k == name)
}

/// Endings the data adds to a brand's name.
const SUFFIXES: &[&str] = &["快递", "速递", "速运", "快运", "物流"];

/// The name a brand is known by: 中通快递 and ZTO are 中通, 中国邮政 and EMS are 邮政. An
/// unknown brand is kept as written (trimmed); an empty one is empty.
pub fn canonical(name: &str) -> String {
    let mut s = name.trim();
    for suffix in SUFFIXES {
        if let Some(stem) = s.strip_suffix(suffix).map(str::trim_end) {
            if !stem.is_empty() {
                s = stem;
                break;
            }
        }
    }
    // The aliases are ASCII: no Unicode case tables in the first load.
    let folded = s.to_ascii_lowercase();
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == folded)
        .map_or_else(|| s.to_string(), |(_, name)| name.to_string())
}

/// Whether a station lists this brand (by [`canonical`] name).
pub fn handles(station: &Station, brand: &str) -> bool {
    let brand = canonical(brand);
    station.brands.iter().any(|b| canonical(b) == brand)
}

/// The brands the stations list, by [`canonical`] name, with how many stations list each: the
/// most common first, then by name.
pub fn brands<'a>(stations: impl IntoIterator<Item = &'a Station>) -> Vec<(String, usize)> {
    // Each station's brands once, then runs of equal names counted: a sort, not a map, for
    // less code in the pages that offer the choice.
    let mut all: Vec<String> = Vec::new();
    for station in stations {
        let first = all.len();
        all.extend(
            station
                .brands
                .iter()
                .map(|b| canonical(b))
                .filter(|b| !b.is_empty()),
        );
        all[first..].sort_unstable();
        let mut seen = first;
        for i in first..all.len() {
            if i == first || all[i] != all[seen - 1] {
                all.swap(seen, i);
                seen += 1;
            }
        }
        all.truncate(seen);
    }
    all.sort_unstable();
    let mut list: Vec<(String, usize)> = Vec::new();
    for b in all {
        match list.last_mut() {
            Some((last, n)) if *last == b => *n += 1,
            _ => list.push((b, 1)),
        }
    }
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

/// What the resident is looking for: a point that handles one brand, offers one service, or
/// both. The default wants nothing in particular: every station.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Want {
    /// A [`canonical`] brand name.
    brand: Option<String>,
    pub service: Option<Service>,
}

impl Want {
    /// A choice of brand (any text; empty for none) and service.
    pub fn new(brand: Option<&str>, service: Option<Service>) -> Want {
        Want {
            brand: brand.map(canonical).filter(|b| !b.is_empty()),
            service,
        }
    }

    /// The choice a page's URL holds (`brand=`, `service=`); an unknown service word is no
    /// choice.
    pub fn of_query(brand: Option<&str>, service: Option<&str>) -> Want {
        Want::new(brand, service.and_then(Service::parse))
    }

    /// The brand chosen, by its [`canonical`] name.
    pub fn brand(&self) -> Option<&str> {
        self.brand.as_deref()
    }

    /// Whether nothing in particular is wanted.
    pub fn is_any(&self) -> bool {
        self.brand.is_none() && self.service.is_none()
    }

    /// Whether a station handles the brand and offers the service chosen.
    pub fn accepts(&self, station: &Station) -> bool {
        self.service.is_none_or(|s| station.services.contains(&s))
            && self.brand.as_deref().is_none_or(|b| {
                // Already canonical: only the station's side is read.
                station.brands.iter().any(|x| canonical(x) == b)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_a_county_writes_are_the_brand_residents_know() {
        assert_eq!(canonical(" 中通快递 "), "中通");
        assert_eq!(canonical("中国邮政"), "邮政");
        assert_eq!(canonical("EMS"), "邮政");
        assert_eq!(canonical("京东物流"), "京东");
        assert_eq!(canonical("顺丰速运"), "顺丰");
        assert_eq!(canonical("J&T"), "极兔");
        assert_eq!(canonical("极兔速递"), "极兔");
        // Unknown brands are kept; a bare suffix is not emptied.
        assert_eq!(canonical("丰网"), "丰网");
        assert_eq!(canonical("物流"), "物流");
        assert_eq!(canonical("  "), "");
    }
}
