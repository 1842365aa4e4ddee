//! What the address bar holds, so that any view can be shared and reopened: the map's view
//! (`map=zoom/lat/lon`, as OpenStreetMap writes it), the selected station (`station=`), the area
//! zoomed to (`area=`), the search text (`q=`), the share the counties are coloured by
//! (`shade=`) and the brand and service looked for (`brand=`, `service=`). Only these go in a
//! URL; a device's location never does (see `near`).

use cundi_core::brand::Want;
use cundi_core::search::{Hit, HitKind};
use cundi_core::Code;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// Query keys.
pub const MAP: &str = "map";
pub const STATION: &str = "station";
pub const AREA: &str = "area";
pub const QUERY: &str = "q";
/// The share the map colours counties by (`shade=daily`).
pub const SHADE: &str = "shade";
/// The brand a resident looks for (`brand=中通`) and the service (`service=sending`): the map,
/// its list, "near me", a village's page and the area figures answer for them (`brand::Want`).
pub const BRAND: &str = "brand";
pub const SERVICE: &str = "service";
/// The village frequency layer shown over the map (`layer=frequency`).
pub const LAYER: &str = "layer";
/// The one value of [`LAYER`].
pub const LAYER_FREQUENCY: &str = "frequency";

/// A page about one place, read off the address: a first visit there loads that place's county
/// alone (`store::load_all`, docs/FIRST-VISIT.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `/station/<id>` and its notice.
    Station(String),
    /// `/area/<code>` of a county or a township.
    Area(String),
}

impl Place {
    /// The place a path (from the site's base, with its leading `/`) is about, if one.
    pub fn of_path(path: &str) -> Option<Place> {
        let mut parts = path.trim_start_matches('/').split('/');
        let decode = |s: &str| {
            js_sys::decode_uri_component(s)
                .ok()
                .map(String::from)
                .filter(|s| !s.is_empty())
        };
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("station"), Some(id), None | Some("notice"), None) => {
                decode(id).map(Place::Station)
            }
            (Some("area"), Some(code), None, None) => {
                decode(code).filter(|c| c.len() >= 6).map(Place::Area)
            }
            _ => None,
        }
    }

    /// The place the page's address is about, if one.
    pub fn of_location() -> Option<Place> {
        let window = web_sys::window()?;
        let path = window.location().pathname().ok()?;
        let base = window
            .document()?
            .base_uri()
            .ok()
            .flatten()
            .and_then(|b| web_sys::Url::new(&b).ok())
            .map(|u| u.pathname())
            .unwrap_or_else(|| "/".into());
        let from_base = path
            .strip_prefix(base.trim_end_matches('/'))
            .unwrap_or(&path);
        Place::of_path(from_base)
    }

    /// The county the place lies in, when the summary has it.
    pub fn county(&self, summary: &cundi_core::bundle::Summary) -> Option<cundi_core::Code> {
        let county = match self {
            Place::Station(id) => summary.county_in_id(id),
            Place::Area(code) => cundi_core::Code::parse(code).ok()?.county(),
        }?;
        summary.area(county.as_str()).map(|_| county)
    }
}

/// Where the map looks: the centre in WGS-84 degrees and Leaflet's zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub zoom: f64,
    pub lat: f64,
    pub lon: f64,
}

impl MapView {
    /// Reads `zoom/lat/lon`; `None` unless all three are numbers in range.
    pub fn parse(s: &str) -> Option<MapView> {
        let mut parts = s.split('/').map(|p| p.trim().parse::<f64>().ok());
        let (zoom, lat, lon) = (parts.next()??, parts.next()??, parts.next()??);
        let ok = parts.next().is_none()
            && (0.0..=22.0).contains(&zoom)
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        ok.then_some(MapView { zoom, lat, lon })
    }

    /// Rounded as written to the URL: zoom to 0.01, position to 5 decimals (about a metre), so
    /// a view read back from the URL compares equal with the one written.
    pub fn rounded(self) -> MapView {
        let round = |x: f64, d: f64| (x * d).round() / d;
        MapView {
            zoom: round(self.zoom, 100.0),
            lat: round(self.lat, 1e5),
            lon: round(self.lon, 1e5),
        }
    }
}

impl std::fmt::Display for MapView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.rounded();
        write!(f, "{}/{}/{}", v.zoom, v.lat, v.lon)
    }
}

/// A query-string value, percent-encoded; the `/` of a map view is left readable.
fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value)).replace("%2F", "/")
}

/// `path` with these query parameters (in this order, empty values left out).
pub fn href(path: &str, params: &[(&str, Option<String>)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter_map(|(k, v)| {
            v.as_deref()
                .filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", encode(v)))
        })
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

type Navigate = dyn Fn(&str, NavigateOptions) + Send + Sync;

/// Changes query parameters of the current page, keeping the others. `push` adds a history
/// entry (a new selection: Back returns to the one before); otherwise the entry is replaced
/// (the map being panned, a letter typed), so Back is not filled with every step.
#[derive(Clone)]
pub struct QueryUpdate {
    navigate: std::sync::Arc<Navigate>,
    location: leptos_router::location::Location,
}

impl QueryUpdate {
    pub fn set(&self, changes: &[(&str, Option<String>)], push: bool) {
        let current = self.location.query.get_untracked();
        let unchanged = changes.iter().all(|(k, v)| {
            current.get(k).filter(|c| !c.is_empty()) == v.clone().filter(|v| !v.is_empty())
        });
        if unchanged {
            return;
        }
        let mut params: Vec<(&str, Option<String>)> =
            [MAP, AREA, STATION, QUERY, SHADE, BRAND, SERVICE, LAYER]
                .into_iter()
                .map(|k| (k, current.get(k)))
                .collect();
        for (key, value) in changes {
            match params.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value.clone(),
                None => params.push((key, value.clone())),
            }
        }
        let url = href(&self.location.pathname.get_untracked(), &params);
        (self.navigate)(
            &url,
            NavigateOptions {
                replace: !push,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    }
}

/// A handle for [`QueryUpdate::set`]; call inside the router.
pub fn use_query_update() -> QueryUpdate {
    let navigate = use_navigate();
    QueryUpdate {
        navigate: std::sync::Arc::new(navigate),
        location: use_location(),
    }
}

/// One query parameter of the current URL (tracked).
pub fn use_query_param(key: &'static str) -> Memo<Option<String>> {
    let query = use_location().query;
    Memo::new(move |_| query.with(|q| q.get(key)).filter(|v| !v.is_empty()))
}

/// The brand and service the URL names (tracked).
pub fn use_want() -> Memo<Want> {
    let query = use_location().query;
    Memo::new(move |_| query.with(|q| Want::of_query(q.get_str(BRAND), q.get_str(SERVICE))))
}

/// The choice of brand and service as query parameters, for a link that keeps it.
pub fn want_params(want: &Want) -> [(&'static str, Option<String>); 2] {
    [
        (BRAND, want.brand().map(str::to_string)),
        (SERVICE, want.service.map(|s| s.as_str().to_string())),
    ]
}

/// A path segment (a station id), percent-encoded.
pub fn encode_segment(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

// Links to the site's pages and to the phone.

/// A county's, city's, province's or township's coverage page.
pub fn area_href(code: &Code) -> String {
    format!("/area/{code}")
}

/// A complaint's letter, by the complaint's id on this device.
pub fn letter_href(id: &str) -> String {
    format!("/complaint/letter/{}", encode_segment(id))
}

/// Where a hit leads: its page, or the map showing the area.
pub fn hit_href(hit: &Hit) -> String {
    match hit.kind {
        HitKind::Station => format!("/station/{}", encode_segment(&hit.key)),
        HitKind::Village => format!("/village/{}", encode_segment(&hit.key)),
        _ => href("/", &[(AREA, Some(hit.key.clone()))]),
    }
}

/// A `tel:` link for a published number (spaces and dashes dropped).
pub fn tel_href(phone: &str) -> String {
    format!("tel:{}", phone.replace([' ', '-'], ""))
}

/// A policy document's text with a target's quote marked (`target`: the target's place in
/// `targets.csv`), when the package ships it.
pub fn document_href(
    documents: &[cundi_core::documents::Document],
    targets: &[cundi_core::Target],
    target: usize,
) -> Option<String> {
    let doc = cundi_core::documents::for_target(documents, targets.get(target)?)?;
    Some(format!("/documents/{}?target={target}", doc.slug()))
}
