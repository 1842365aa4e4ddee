//! What the map says to Leaflet and JavaScript beyond leaflet-rs: the two functions it does not
//! export, the option keys the markers carry (the browser tests read them), and reading and
//! setting the view and the events' targets.
//!
//! Every position passes here on its way to and from Leaflet: the data and the URL are WGS-84,
//! the map is drawn in its tiles' system (GCJ-02 for AMap and Tencent, `cundi_core::tiles`), so
//! [`to_map`] shifts a position into it and [`from_map`] back, and a marker sits on its building.

use crate::url::MapView;
use cundi_core::coords::convert;
use cundi_core::geo::BBox;
use cundi_core::Crs;
use js_sys::{Object, Reflect};
use leaflet::{GeoJson, Icon, LatLng, LatLngBounds, Map};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The option key that carries a station marker's id.
pub const STATION_ID_KEY: &str = "cundiId";

/// The option key that carries a village marker's code.
pub const VILLAGE_CODE_KEY: &str = "cundiVillage";

/// The option key that carries the id of the station serving a village marker's village.
pub const SERVED_BY_KEY: &str = "cundiServedBy";

#[wasm_bindgen]
extern "C" {
    // leaflet-rs declares `L.geoJSON` but does not export it.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    pub(super) fn geo_json(data: &JsValue, options: &JsValue) -> GeoJson;
    // leaflet-rs's `DivIcon::new` calls `L.Icon`'s constructor.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub(super) fn div_icon(options: &Object) -> Icon;
}

/// The option key that carries the zoom a cluster mark opens to.
pub const ZOOM_KEY: &str = "cundiZoom";

/// The option key that carries the box (`w,s,e,n`) a county mark fits.
pub const FIT_KEY: &str = "cundiFit";

/// The option key that carries a county mark's code.
pub const COUNTY_KEY: &str = "cundiCounty";

thread_local! {
    /// The system the map is drawn in: its tiles'.
    static DRAWN_IN: Cell<Crs> = const { Cell::new(Crs::Wgs84) };
}

/// The map is drawn in this system from now on (set when it is made, from the base map).
pub(super) fn draw_in(crs: Crs) {
    DRAWN_IN.with(|d| d.set(crs));
}

/// A WGS-84 position as the map draws it.
pub(super) fn to_map(lat: f64, lon: f64) -> LatLng {
    let (lon, lat) = convert(Crs::Wgs84, DRAWN_IN.with(Cell::get), lon, lat);
    LatLng::new(lat, lon)
}

/// A position on the map as WGS-84 `(lat, lon)`.
pub(super) fn from_map(p: &LatLng) -> (f64, f64) {
    let (lon, lat) = convert(DRAWN_IN.with(Cell::get), Crs::Wgs84, p.lng(), p.lat());
    (lat, lon)
}

/// Options for `L.geoJSON` whose coordinates (WGS-84, `[lon, lat]`) are drawn in the map's
/// system; one function for every outline, made once. On WGS-84 tiles Leaflet's own reading is
/// kept: a call into the wasm for every vertex of every outline would slow the map's drawing.
pub(super) fn geo_json_options() -> Object {
    if DRAWN_IN.with(Cell::get) == Crs::Wgs84 {
        return Object::new();
    }
    thread_local! {
        static COORDS: JsValue = Closure::<dyn Fn(js_sys::Array) -> LatLng>::new(|c: js_sys::Array| {
            let n = |i| c.get(i).as_f64().unwrap_or(0.0);
            to_map(n(1), n(0))
        })
        .into_js_value();
    }
    let options = Object::new();
    COORDS.with(|f| {
        let _ = Reflect::set(&options, &"coordsToLatLng".into(), f);
    });
    options
}

pub(super) fn latlng_bounds(b: BBox) -> LatLngBounds {
    LatLngBounds::new(&to_map(b.south(), b.west()), &to_map(b.north(), b.east()))
}

/// Leaflet's options for fitting or panning into the part of the map that leaves
/// `(left, top)` and `(right, bottom)` pixels free, without animation.
pub(super) fn padding_options(top_left: (f64, f64), bottom_right: (f64, f64)) -> Object {
    let options = Object::new();
    let pair = |(x, y): (f64, f64)| js_sys::Array::of2(&x.into(), &y.into());
    let _ = Reflect::set(&options, &"paddingTopLeft".into(), &pair(top_left));
    let _ = Reflect::set(&options, &"paddingBottomRight".into(), &pair(bottom_right));
    let _ = Reflect::set(&options, &"animate".into(), &false.into());
    options
}

/// Fits the box in the part of the map the toolbar leaves free.
pub(super) fn fit_bbox(map: &Map, b: BBox) {
    const PADDING: f64 = 24.0;
    let options = padding_options((PADDING, TOOLBAR_PX), (PADDING, PADDING));
    map.fit_bounds_with_options(&latlng_bounds(b), &options);
}

/// The view as the URL keeps it: WGS-84, whatever the map is drawn in.
pub(super) fn view_of(map: &Map) -> MapView {
    let (lat, lon) = from_map(&map.get_center());
    MapView {
        zoom: map.get_zoom(),
        lat,
        lon,
    }
    .rounded()
}

/// A tap on a cluster zooms in to where it splits; on a county in the country view, fits the
/// county (which opens it).
pub(super) fn zoom_into_mark(map: &Map, event: &JsValue) {
    let Some(options) = Reflect::get(event, &"layer".into())
        .ok()
        .and_then(|l| Reflect::get(&l, &"options".into()).ok())
    else {
        return;
    };
    let text = |key: &str| Reflect::get(&options, &key.into()).ok()?.as_string();
    if let Some(fit) = text(FIT_KEY) {
        let n: Vec<f64> = fit.split(',').filter_map(|x| x.parse().ok()).collect();
        if let [w, s, e, n] = n[..] {
            fit_bbox(map, BBox([w, s, e, n]));
        }
    } else if let Some(zoom) = text(ZOOM_KEY).and_then(|z| z.parse::<f64>().ok()) {
        let Some(latlng) = Reflect::get(event, &"latlng".into())
            .ok()
            .and_then(|l| l.dyn_into::<LatLng>().ok())
        else {
            return;
        };
        let options = Object::new();
        let _ = Reflect::set(&options, &"animate".into(), &false.into());
        map.set_view_with_options(&latlng, zoom.max(map.get_zoom() + 1.0), &options);
    }
}

pub(super) fn bounds_of(map: &Map) -> BBox {
    let b = map.get_bounds();
    let ((s, w), (n, e)) = (from_map(&b.get_south_west()), from_map(&b.get_north_east()));
    BBox([w, s, e, n])
}

/// The message of a JavaScript exception, whatever was thrown.
pub(super) fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .and_then(|e| e.message().as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The station a click event points at: a station marker's own id, or the station that serves
/// a tapped village.
pub(super) fn clicked_station(event: &JsValue) -> Option<String> {
    let layer = Reflect::get(event, &"layer".into()).ok()?;
    let options = Reflect::get(&layer, &"options".into()).ok()?;
    let options: &Object = options.dyn_ref()?;
    [STATION_ID_KEY, SERVED_BY_KEY]
        .iter()
        .find_map(|key| Reflect::get(options, &(*key).into()).ok()?.as_string())
}

/// The height the search and layer toolbar takes at the top of the map (see `.map-toolbar`).
pub(super) const TOOLBAR_PX: f64 = 120.0;
