//! The map: the only module that touches Leaflet and JavaScript. One canvas renderer draws the
//! county outlines (the base map when there are no tiles), one circle marker per station and, on
//! request, one per village coloured by delivery frequency. Tapping a marker selects the station;
//! the details are a Leptos panel, not a Leaflet popup.
//!
//! Hooks for browser tests: the container has `data-testid="map"` and, once every station marker
//! is on the map, `data-stations-drawn="<count>"`; each station marker's options carry `cundiId`
//! (the station id) and each village marker's `cundiVillage` (the village code). The tests reach the
//! Leaflet map through Leaflet's own `Map.addInitHook`, so the site exposes nothing else for them.

pub mod style;

use crate::store::Data;
use cundi_core::Station;
use js_sys::{Object, Reflect};
use leaflet::{
    Canvas, CircleMarker, CircleOptions, FeatureGroup, GeoJson, LatLng, LatLngBounds, Map,
    MapOptions, PathOptions, TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use std::sync::Arc;
use style::MarkerStyle;
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
    fn geo_json(data: &JsValue, options: &JsValue) -> GeoJson;
}

/// The map of every loaded station.
#[component]
pub fn StationMap(
    data: Arc<Data>,
    /// The selected station's id; it gets a ring and is panned into view.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with a station id when a station (or a village it serves) is tapped.
    on_select: Callback<String>,
    /// Whether the village frequency layer is shown.
    #[prop(into)]
    show_villages: Signal<bool>,
    /// Accessible name of the map region.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let drawn = RwSignal::new(None::<usize>);
    // Why the map could not be drawn (Leaflet missing, say): shown instead of a blank area.
    let failed = RwSignal::new(None::<String>);
    let handle = StoredValue::new_local(None::<MapHandle>);

    {
        let data = data.clone();
        node.on_load(move |el| match MapHandle::create(&el, &data, on_select) {
            Ok(h) => {
                let count = h.station_count;
                handle.set_value(Some(h));
                drawn.set(Some(count));
            }
            Err(e) => failed.set(Some(js_error_text(&e))),
        });
    }

    {
        let data = data.clone();
        Effect::new(move |_| {
            let show = show_villages.get();
            if drawn.get().is_none() {
                return;
            }
            handle.update_value(|h| {
                if let Some(h) = h {
                    h.show_villages(show, &data);
                }
            });
        });
    }

    Effect::new(move |_| {
        let id = selected.get();
        if drawn.get().is_none() {
            return;
        }
        let station = id.as_deref().and_then(|id| data.station(id));
        handle.update_value(|h| {
            if let Some(h) = h {
                h.highlight(station);
            }
        });
    });

    on_cleanup(move || {
        if let Some(h) = handle.try_update_value(|h| h.take()).flatten() {
            h.map.remove();
        }
    });

    view! {
        <div
            node_ref=node
            class="map"
            data-testid="map"
            role="region"
            aria-label=move || label.get()
            data-stations-drawn=move || drawn.get().map(|n| n.to_string())
        ></div>
        {move || {
            failed
                .get()
                .map(|detail| {
                    view! {
                        <p class="map-error" role="alert" data-testid="map-error">
                            {move_tr!("map-error", { "detail" => detail.clone() })}
                        </p>
                    }
                })
        }}
    }
}

/// The Leaflet objects behind one map, kept for the map's lifetime.
struct MapHandle {
    map: Map,
    renderer: Canvas,
    station_count: usize,
    villages: Option<FeatureGroup>,
    ring: Option<CircleMarker>,
    selection_seen: bool,
    /// Kept alive as long as the layers that call it.
    on_click: Closure<dyn Fn(JsValue)>,
}

impl MapHandle {
    fn create(
        el: &web_sys::HtmlDivElement,
        data: &Data,
        on_select: Callback<String>,
    ) -> Result<MapHandle, JsValue> {
        let options = MapOptions::new();
        options.set_prefer_canvas(true);
        options.set_zoom_snap(0.25);
        let map = Map::new_with_element(el, &options)?;

        match data.bbox() {
            Some(b) => {
                let padding = js_sys::Array::of2(&24.into(), &24.into());
                let options = Object::new();
                Reflect::set(&options, &"padding".into(), &padding)?;
                map.fit_bounds_with_options(
                    &LatLngBounds::new(
                        &LatLng::new(b.south(), b.west()),
                        &LatLng::new(b.north(), b.east()),
                    ),
                    &options,
                );
            }
            None => {
                map.set_view(&LatLng::new(35.0, 105.0), 4.0);
            }
        }

        if let Some(tiles) = &data.config.tiles {
            let o = TileLayerOptions::new();
            o.set_attribution(tiles.attribution.clone());
            o.set_max_zoom(f64::from(tiles.max_zoom));
            TileLayer::new_options(&tiles.url, &o).add_to(&map);
        }

        let renderer = Canvas::new();

        for (_, text) in &data.boundaries {
            // The store has already checked that the outline is GeoJSON.
            let Ok(json) = js_sys::JSON::parse(text) else {
                continue;
            };
            let style = PathOptions::new();
            style.set_color(style::BOUNDARY.to_string());
            style.set_weight(1.5);
            style.set_fill(true);
            style.set_fill_color(style::BOUNDARY.to_string());
            style.set_fill_opacity(0.04);
            style.set_interactive(false);
            style.set_renderer(renderer.clone().into());
            let options = Object::new();
            Reflect::set(&options, &"style".into(), &style)?;
            Reflect::set(&options, &"interactive".into(), &false.into())?;
            geo_json(&json, &options).add_to(&map);
        }

        let on_click = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            if let Some(id) = clicked_station(&event) {
                on_select.run(id);
            }
        });

        let stations = FeatureGroup::new();
        let mut station_count = 0;
        for station in data.stations() {
            let marker = circle(
                station.lat,
                station.lon,
                style::station_style(station.tier, station.status),
                &renderer,
                &[(STATION_ID_KEY, &station.id)],
            )?;
            stations.add_layer(&marker);
            station_count += 1;
        }
        stations.on("click", on_click.as_ref());
        stations.add_to(&map);

        Ok(MapHandle {
            map,
            renderer,
            station_count,
            villages: None,
            ring: None,
            selection_seen: false,
            on_click,
        })
    }

    fn show_villages(&mut self, show: bool, data: &Data) {
        if show && self.villages.is_none() {
            match village_layer(data, &self.renderer) {
                Ok(group) => {
                    group.on("click", self.on_click.as_ref());
                    self.villages = Some(group);
                }
                Err(e) => leptos::logging::error!("the village layer could not be drawn: {e:?}"),
            }
        }
        let Some(villages) = &self.villages else {
            return;
        };
        let on_map = self.map.has_layer(villages);
        if show && !on_map {
            villages.add_to(&self.map);
        } else if !show && on_map {
            self.map.remove_layer(villages);
        }
        // Whatever is shown last is drawn on top; the ring must stay visible.
        if let Some(ring) = &self.ring {
            ring.bring_to_front();
        }
    }

    /// Rings the selected station and brings it into the part of the map the details panel
    /// leaves free. A station selected when the map opens (a shared link) is also zoomed to.
    fn highlight(&mut self, station: Option<&Station>) {
        let first = !self.selection_seen;
        self.selection_seen = true;
        if let Some(ring) = self.ring.take() {
            ring.remove();
        }
        let Some(station) = station else {
            return;
        };
        let latlng = LatLng::new(station.lat, station.lon);
        let o = CircleOptions::new();
        o.set_radius(style::tier_radius(station.tier) + 5.0);
        o.set_color(style::SELECTED.to_string());
        o.set_weight(3.0);
        o.set_fill(false);
        o.set_interactive(false);
        o.set_renderer(self.renderer.clone().into());
        let ring = CircleMarker::new_with_options(&latlng, &o);
        ring.add_to(&self.map);
        self.ring = Some(ring);

        if first {
            let zoom = self.map.get_zoom().max(SELECTION_ZOOM);
            let options = Object::new();
            let _ = Reflect::set(&options, &"animate".into(), &false.into());
            self.map.set_view_with_options(&latlng, zoom, &options);
        }
        let _ = self.pan_clear_of_panel(&latlng);
    }

    /// Pans the point out from under the details panel: a side panel on wide maps, a bottom
    /// sheet on narrow ones (the sizes mirror `.panel` in style/main.css).
    fn pan_clear_of_panel(&self, latlng: &LatLng) -> Result<(), JsValue> {
        let size = self.map.get_size();
        let (right, bottom) = if size.x() >= PANEL_SIDE_FROM_PX {
            (PANEL_SIDE_WIDTH_PX + 30.0, 30.0)
        } else {
            (30.0, size.y() * PANEL_SHEET_SHARE + 30.0)
        };
        let options = Object::new();
        Reflect::set(
            &options,
            &"paddingTopLeft".into(),
            &js_sys::Array::of2(&30.into(), &80.into()),
        )?;
        Reflect::set(
            &options,
            &"paddingBottomRight".into(),
            &js_sys::Array::of2(&right.into(), &bottom.into()),
        )?;
        self.map.pan_inside_with_options(latlng, &options);
        Ok(())
    }
}

/// The zoom a shared link to a station opens at (or closer).
const SELECTION_ZOOM: f64 = 13.0;
/// From this map width the details are a side panel of this width; below it, a bottom sheet
/// taking this share of the height. Keep in step with `.panel` in style/main.css.
const PANEL_SIDE_FROM_PX: f64 = 720.0;
const PANEL_SIDE_WIDTH_PX: f64 = 400.0;
const PANEL_SHEET_SHARE: f64 = 0.62;

fn village_layer(data: &Data, renderer: &Canvas) -> Result<FeatureGroup, JsValue> {
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

fn circle(
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
    Ok(CircleMarker::new_with_options(&LatLng::new(lat, lon), &o))
}

/// The message of a JavaScript exception, whatever was thrown.
fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .and_then(|e| e.message().as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The station a click event points at: a station marker's own id, or the station that serves
/// a tapped village.
fn clicked_station(event: &JsValue) -> Option<String> {
    let layer = Reflect::get(event, &"layer".into()).ok()?;
    let options = Reflect::get(&layer, &"options".into()).ok()?;
    let options: &Object = options.dyn_ref()?;
    [STATION_ID_KEY, SERVED_BY_KEY]
        .iter()
        .find_map(|key| Reflect::get(options, &(*key).into()).ok()?.as_string())
}
