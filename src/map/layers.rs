//! The layers the map draws: a station's marker, a cluster, a count, a county outline, the
//! villages coloured by delivery frequency.

use super::bindings::{
    div_icon, geo_json, geo_json_options, to_map, SERVED_BY_KEY, STATION_ID_KEY, VILLAGE_CODE_KEY,
    ZOOM_KEY,
};
use super::style;
use crate::store::Data;
use cundi_core::cluster::{Clusters, Mark};
use cundi_core::{Code, Station};
use js_sys::{Object, Reflect};
use leaflet::{
    Canvas, CircleMarker, CircleOptions, FeatureGroup, GeoJson, Layer, Marker, MarkerOptions,
    PathOptions,
};
use leptos::prelude::*;
use style::MarkerStyle;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A county outline: faint when plain; filled by the share's class when the map colours areas
/// (`Some(pct)`, `Some(None)` for an area with nothing to share).
pub(super) fn outline_style(shaded: Option<Option<f64>>) -> PathOptions {
    let style = PathOptions::new();
    style.set_color(style::BOUNDARY.to_string());
    style.set_weight(1.5);
    style.set_fill(true);
    style.set_interactive(false);
    match shaded {
        None => {
            style.set_fill_color(style::BOUNDARY.to_string());
            style.set_fill_opacity(0.04);
        }
        Some(pct) => {
            style.set_fill_color(style::share_fill(pct).to_string());
            style.set_fill_opacity(0.6);
        }
    }
    style
}

pub(super) fn station_marker(
    station: &Station,
    renderer: &Canvas,
) -> Result<CircleMarker, JsValue> {
    circle(
        station.lat,
        station.lon,
        style::station_style(station.tier, station.status),
        renderer,
        &[(STATION_ID_KEY, &station.id)],
    )
}

/// A cluster (or, with a count of 1, a county in the country view): bigger for more points.
pub(super) fn cluster_marker(
    lat: f64,
    lon: f64,
    count: usize,
    renderer: &Canvas,
    keys: &[(&str, &str)],
) -> Result<CircleMarker, JsValue> {
    circle(lat, lon, style::cluster_style(count), renderer, keys)
}

/// A cluster's mark; tapped, it zooms in to where the cluster splits.
pub(super) fn expanding_cluster(
    clusters: &Clusters,
    mark: Mark,
    renderer: &Canvas,
) -> Result<CircleMarker, JsValue> {
    let Mark::Cluster {
        id,
        count,
        lon,
        lat,
    } = mark
    else {
        return Err(JsValue::from_str("not a cluster"));
    };
    let zoom = clusters.expansion_zoom(id).to_string();
    cluster_marker(lat, lon, count, renderer, &[(ZOOM_KEY, &zoom)])
}

/// Adds a mark to the group and, for a cluster, its count written over it.
/// Gives the layers added.
pub(super) fn add_mark(group: &FeatureGroup, marker: &CircleMarker, mark: Mark) -> Vec<Layer> {
    group.add_layer(marker);
    let mut layers = vec![marker.unchecked_ref::<Layer>().clone()];
    if let Mark::Cluster {
        count, lon, lat, ..
    } = mark
    {
        match count_label(lat, lon, count) {
            Ok(label) => {
                group.add_layer(&label);
                layers.push(label.unchecked_into());
            }
            Err(e) => leptos::logging::error!("a cluster's count could not be written: {e:?}"),
        }
    }
    layers
}

/// A cluster's count, centred on its mark: a marker holding a text node (never HTML) that taps
/// pass through to the mark below. (A Leaflet tooltip measures itself as it is placed, which
/// forced a layout for every cluster drawn.)
pub(super) fn count_label(lat: f64, lon: f64, count: usize) -> Result<Marker, JsValue> {
    let label = document().create_element("span")?;
    label.set_text_content(Some(&count.to_string()));
    let icon = Object::new();
    Reflect::set(&icon, &"html".into(), &label)?;
    Reflect::set(&icon, &"className".into(), &"cluster-count".into())?;
    // No size: the label is centred by its style, whatever the count's width.
    Reflect::set(&icon, &"iconSize".into(), &JsValue::NULL)?;
    let options = MarkerOptions::new();
    options.set_icon(div_icon(&icon));
    options.set_interactive(false);
    options.set_keyboard(false);
    Ok(Marker::new_with_options(&to_map(lat, lon), &options))
}

/// A county's outline as a GeoJSON layer, not interactive.
pub(super) fn outline_layer(
    code: &Code,
    text: &str,
    renderer: &Canvas,
) -> Result<GeoJson, JsValue> {
    // Leaflet throws on an object that is not GeoJSON: check it first (the store does not, see
    // `store::load_county`).
    cundi_core::geo::boundary_bbox(text).map_err(|e| JsValue::from_str(&e))?;
    let json = js_sys::JSON::parse(text)?;
    let style = outline_style(None);
    style.set_renderer(renderer.clone().into());
    let options = geo_json_options();
    Reflect::set(&options, &"style".into(), &style)?;
    Reflect::set(&options, &"interactive".into(), &false.into())?;
    Reflect::set(&options, &"cundiArea".into(), &code.as_str().into())?;
    Ok(geo_json(&json, &options))
}

pub(super) fn village_layer(data: &Data, renderer: &Canvas) -> Result<FeatureGroup, JsValue> {
    let group = FeatureGroup::new();
    for village in data.villages() {
        let (Some(lon), Some(lat)) = (village.lon, village.lat) else {
            continue;
        };
        let mut keys = vec![(VILLAGE_CODE_KEY, village.code.as_str())];
        if let Some(station) = &village.served_by {
            keys.push((SERVED_BY_KEY, station.as_str()));
        }
        let marker = circle(
            lat,
            lon,
            style::village_style(data.frequency(village)),
            renderer,
            &keys,
        )?;
        group.add_layer(&marker);
    }
    Ok(group)
}

pub(super) fn circle(
    lat: f64,
    lon: f64,
    style: MarkerStyle,
    renderer: &Canvas,
    keys: &[(&str, &str)],
) -> Result<CircleMarker, JsValue> {
    let o = CircleOptions::new();
    o.set_radius(style.radius);
    o.set_color(style.color.to_string());
    o.set_weight(style.weight);
    match style.fill {
        Some(fill) => {
            o.set_fill(true);
            o.set_fill_color(fill.to_string());
            o.set_fill_opacity(style.fill_opacity);
        }
        None => o.set_fill(false),
    }
    if let Some(dash) = style.dash {
        o.set_dash_array(dash.to_string());
    }
    o.set_renderer(renderer.clone().into());
    for (key, value) in keys {
        Reflect::set(&o, &(*key).into(), &(*value).into())?;
    }
    Ok(CircleMarker::new_with_options(&to_map(lat, lon), &o))
}
