//! Where a complaint is about, as the channels need it: a WGS-84 position and an address for
//! Open311, the names for the letter, and the authority that receives complaints there.

use super::Complaint;
use crate::code::{Code, Level};
use crate::dataset::Dataset;
use crate::model::{Authority, Station, Village};

/// The complaint's station or village, resolved against the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// WGS-84 degrees: the station's position, else the village committee's when published.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// From the most specific to the most general unit, as Open311 asks: station, its address,
    /// village, township, county, city, province.
    pub address: String,
    /// The division the place lies in (the station's `admin_code`, else the village's code).
    pub code: Option<Code>,
}

/// Resolves the complaint's station and village.
pub fn place(complaint: &Complaint, ds: &Dataset) -> Place {
    let station = complaint
        .station_id
        .as_deref()
        .and_then(|id| ds.station(id));
    let village = complaint
        .village_code
        .as_ref()
        .and_then(|c| ds.village(c.as_str()));
    let (lat, lon) = match (station, village) {
        (Some(s), _) => (Some(s.lat), Some(s.lon)),
        (None, Some(v)) if v.lat.is_some() && v.lon.is_some() => (v.lat, v.lon),
        _ => (None, None),
    };
    let code = station
        .map(|s| s.admin_code.clone())
        .or_else(|| village.map(|v| v.code.clone()));
    Place {
        lat,
        lon,
        address: address(ds, station, village, code.as_ref()),
        code,
    }
}

fn address(
    ds: &Dataset,
    station: Option<&Station>,
    village: Option<&Village>,
    code: Option<&Code>,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && !parts.iter().any(|p| p == s) {
            parts.push(s.to_string());
        }
    };
    if let Some(s) = station {
        push(&s.name);
        if let Some(a) = &s.address {
            push(a);
        }
    }
    if let Some(v) = village {
        push(&v.name);
    }
    // The divisions the place lies in, the most specific first. A village's code reaches the
    // township through its parent; a station's admin code may itself be a division.
    let area = village.map(|v| v.code.clone()).or_else(|| code.cloned());
    if let Some(area) = area {
        if area.level() == Level::Village {
            if let Some(v) = ds.village(area.as_str()) {
                push(&v.name);
            }
        } else if let Some(d) = ds.division(area.as_str()) {
            push(&d.name);
        }
        for d in ds.ancestors(area.as_str()).iter().rev() {
            push(&d.name);
        }
    }
    parts.join(", ")
}

/// The body that receives complaints for a division: the one for the division itself, else for
/// the nearest division above it (a county's, else its city's, else its province's).
pub fn authority_for<'a>(ds: &'a Dataset, code: &Code) -> Option<&'a Authority> {
    Level::ALL
        .into_iter()
        .rev()
        .filter(|&l| l <= code.level())
        .filter_map(|l| code.ancestor(l))
        .find_map(|c| ds.authorities.iter().find(|a| a.jurisdiction_code == c))
}

/// The authority for a complaint's place, if the place and an authority for it are known.
pub fn complaint_authority<'a>(complaint: &Complaint, ds: &'a Dataset) -> Option<&'a Authority> {
    authority_for(ds, place(complaint, ds).code.as_ref()?)
}
