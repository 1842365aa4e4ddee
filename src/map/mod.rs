//! The map: the only module that touches Leaflet and JavaScript. One canvas renderer draws the
//! county outlines (the base map when there are no tiles), one circle marker per station and, on
//! request, one per village coloured by delivery frequency. Tapping a marker selects the station;
//! the details are a Leptos panel, not a Leaflet popup.
//!
//! The view follows the URL: the page passes the view (`map=`) and the area (`area=`) the URL
//! names, and the map moves when they change (Back, Forward, a search); after every move it
//! reports its view, which the page writes back. "Near me" draws the device's position and fits
//! the points found around it; that view is not reported as anything special — the page decides
//! not to write it (a position is personal).
//!
//! Hooks for browser tests: the container has `data-testid="map"` and, once every station marker
//! is on the map, `data-stations-drawn="<count>"`; each station marker's options carry `cundiId`
//! (the station id) and each village marker's `cundiVillage` (the village code). The tests reach the
//! Leaflet map through Leaflet's own `Map.addInitHook`, so the site exposes nothing else for them.

pub mod style;

use crate::store::Data;
use crate::url::MapView;
use cundi_core::geo::BBox;
use cundi_core::share::Share;
use cundi_core::{Code, Station};
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

/// A device's position and the points found near it, for the map to show.
#[derive(Debug, Clone, PartialEq)]
pub struct NearFocus {
    pub lon: f64,
    pub lat: f64,
    /// (lon, lat) of the points listed, all of which are brought into view.
    pub points: Vec<(f64, f64)>,
}

/// How the map opens.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Start {
    View(MapView),
    Fit(BBox),
    /// The loaded counties; a station selected by the link is zoomed to.
    Default,
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
    /// The share the counties are coloured by, if any.
    #[prop(into)]
    shade: Signal<Option<Share>>,
    /// Accessible name of the map region.
    #[prop(into)]
    label: Signal<String>,
    /// The view the URL names; the map moves to it whenever it changes.
    #[prop(into)]
    view: Signal<Option<MapView>>,
    /// An area to fit, when the URL names no view.
    #[prop(into)]
    area: Signal<Option<BBox>>,
    /// The device's position and the points near it.
    #[prop(into)]
    near: Signal<Option<NearFocus>>,
    /// Called with the view after every move.
    on_view: Callback<MapView>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let drawn = RwSignal::new(None::<usize>);
    // Why the map could not be drawn (Leaflet missing, say): shown instead of a blank area.
    let failed = RwSignal::new(None::<String>);
    let handle = StoredValue::new_local(None::<MapHandle>);
    // The view last reported or moved to: a URL naming it again is not a reason to move.
    let last = StoredValue::new(None::<MapView>);

    {
        let data = data.clone();
        node.on_load(move |el| {
            let start = match (view.get_untracked(), area.get_untracked()) {
                (Some(v), _) => Start::View(v),
                (None, Some(b)) => Start::Fit(b),
                (None, None) => Start::Default,
            };
            let on_move = move |v: MapView| {
                if last.get_value() != Some(v) {
                    last.set_value(Some(v));
                    on_view.run(v);
                }
            };
            match MapHandle::create(&el, &data, start, on_select, on_move) {
                Ok(h) => {
                    let count = h.station_count;
                    last.set_value(Some(h.view()));
                    handle.set_value(Some(h));
                    drawn.set(Some(count));
                }
                Err(e) => failed.set(Some(js_error_text(&e))),
            }
        });
    }

    {
        let data = data.clone();
        Effect::new(move |_| {
            let show = show_villages.get();
            when_drawn(drawn, handle, |h| h.show_villages(show, &data));
        });
    }

    {
        let data = data.clone();
        Effect::new(move |_| {
            let share = shade.get();
            when_drawn(drawn, handle, |h| h.shade(share, &data));
        });
    }

    {
        let data = data.clone();
        Effect::new(move |before: Option<(Option<MapView>, Option<BBox>)>| {
            let now = (view.get(), area.get());
            // The first run, and the one when the map is drawn, find the view it opened with.
            if drawn.get().is_none() || before.is_none_or(|b| b == now) {
                return now;
            }
            handle.update_value(|h| {
                let Some(h) = h else { return };
                match now {
                    (Some(v), _) if last.get_value() == Some(v) => {}
                    (Some(v), _) => {
                        last.set_value(Some(v));
                        h.set_view(v);
                    }
                    (None, Some(b)) => h.fit(b),
                    (None, None) => h.fit_default(&data),
                }
            });
            now
        });
    }

    Effect::new(move |_| {
        let focus = near.get();
        when_drawn(drawn, handle, |h| h.show_near(focus.as_ref()));
    });

    Effect::new(move |_| {
        let id = selected.get();
        let station = id.as_deref().and_then(|id| data.station(id));
        when_drawn(drawn, handle, |h| h.highlight(station));
    });

    on_cleanup(move || {
        if let Some(h) = handle.try_update_value(|h| h.take()).flatten() {
            h.destroy();
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

/// Runs `f` on the map once it is drawn. It reads `drawn`, so an effect calling it runs again
/// when the map appears and applies what was asked before.
fn when_drawn(
    drawn: RwSignal<Option<usize>>,
    handle: StoredValue<Option<MapHandle>, LocalStorage>,
    f: impl FnOnce(&mut MapHandle),
) {
    if drawn.get().is_none() {
        return;
    }
    handle.update_value(|h| {
        if let Some(h) = h {
            f(h);
        }
    });
}

/// The Leaflet objects behind one map, kept for the map's lifetime.
struct MapHandle {
    map: Map,
    renderer: Canvas,
    station_count: usize,
    villages: Option<FeatureGroup>,
    ring: Option<CircleMarker>,
    /// The device's position, while "near me" shows it.
    you: Option<FeatureGroup>,
    selection_seen: bool,
    /// Whether a station selected as the map opens is zoomed to (not when the URL names a view).
    zoom_to_selection: bool,
    /// The county outlines, to colour by a share.
    outlines: Vec<(Code, GeoJson)>,
    /// Kept alive as long as the layers and the map that call them.
    on_click: Closure<dyn Fn(JsValue)>,
    _on_move: Closure<dyn Fn(JsValue)>,
}

impl MapHandle {
    fn create(
        el: &web_sys::HtmlDivElement,
        data: &Data,
        start: Start,
        on_select: Callback<String>,
        on_move: impl Fn(MapView) + 'static,
    ) -> Result<MapHandle, JsValue> {
        let options = MapOptions::new();
        options.set_prefer_canvas(true);
        options.set_zoom_snap(0.25);
        let map = Map::new_with_element(el, &options)?;

        match start {
            Start::View(v) => {
                map.set_view(&LatLng::new(v.lat, v.lon), v.zoom);
            }
            Start::Fit(b) => fit_bbox(&map, b, 24.0),
            Start::Default => match data.bbox() {
                Some(b) => fit_bbox(&map, b, 24.0),
                None => {
                    map.set_view(&LatLng::new(35.0, 105.0), 4.0);
                }
            },
        }

        if let Some(tiles) = &data.config.tiles {
            let o = TileLayerOptions::new();
            o.set_attribution(tiles.attribution.clone());
            o.set_max_zoom(f64::from(tiles.max_zoom));
            TileLayer::new_options(&tiles.url, &o).add_to(&map);
        }

        let renderer = Canvas::new();

        let mut outlines = Vec::new();
        for (code, text) in &data.boundaries {
            // The store has already checked that the outline is GeoJSON.
            let Ok(json) = js_sys::JSON::parse(text) else {
                continue;
            };
            let style = outline_style(None);
            style.set_renderer(renderer.clone().into());
            let options = Object::new();
            Reflect::set(&options, &"style".into(), &style)?;
            Reflect::set(&options, &"interactive".into(), &false.into())?;
            Reflect::set(&options, &"cundiArea".into(), &code.as_str().into())?;
            let layer = geo_json(&json, &options);
            layer.add_to(&map);
            outlines.push((code.clone(), layer));
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

        let on_move = {
            let map = map.clone();
            Closure::<dyn Fn(JsValue)>::new(move |_| on_move(view_of(&map)))
        };
        map.on("moveend", on_move.as_ref());

        Ok(MapHandle {
            map,
            renderer,
            station_count,
            villages: None,
            ring: None,
            you: None,
            selection_seen: false,
            zoom_to_selection: start == Start::Default,
            outlines,
            on_click,
            _on_move: on_move,
        })
    }

    /// Removes the map. The markers go first, and the map (with its canvas) a frame later:
    /// removing a marker asks the canvas to redraw on the next frame, and Leaflet does not
    /// always cancel that request when the canvas goes, which then fails on a canvas that is gone.
    fn destroy(self) {
        self.map.off_all();
        let layers = std::cell::RefCell::new(Vec::new());
        self.map
            .each_layer(&|layer| layers.borrow_mut().push(layer));
        for layer in layers.into_inner() {
            let layer_value: &JsValue = layer.as_ref();
            if layer_value != self.renderer.as_ref() as &JsValue {
                self.map.remove_layer(&layer);
            }
        }
        let map = self.map;
        request_animation_frame(move || {
            map.remove();
        });
    }

    /// Where the map looks now, rounded as the URL writes it.
    fn view(&self) -> MapView {
        view_of(&self.map)
    }

    fn set_view(&self, v: MapView) {
        let options = Object::new();
        let _ = Reflect::set(&options, &"animate".into(), &false.into());
        self.map
            .set_view_with_options(&LatLng::new(v.lat, v.lon), v.zoom, &options);
    }

    fn fit(&self, b: BBox) {
        fit_bbox(&self.map, b, 24.0);
    }

    fn fit_default(&self, data: &Data) {
        if let Some(b) = data.bbox() {
            self.fit(b);
        }
    }

    /// Draws the device's position and brings it and the points near it into the part of the
    /// map the results panel leaves free; `None` removes it.
    fn show_near(&mut self, focus: Option<&NearFocus>) {
        if let Some(you) = self.you.take() {
            you.remove();
        }
        let Some(focus) = focus else {
            return;
        };
        let group = FeatureGroup::new();
        let here = LatLng::new(focus.lat, focus.lon);
        for (radius, style) in [(14.0, style::YOU_HALO), (7.0, style::YOU)] {
            let o = CircleOptions::new();
            o.set_radius(radius);
            o.set_color("#ffffff".to_string());
            o.set_weight(if radius > 10.0 { 0.0 } else { 3.0 });
            o.set_fill(true);
            o.set_fill_color(style.0.to_string());
            o.set_fill_opacity(style.1);
            o.set_interactive(false);
            o.set_renderer(self.renderer.clone().into());
            group.add_layer(&CircleMarker::new_with_options(&here, &o));
        }
        group.add_to(&self.map);
        self.you = Some(group);

        let b = focus.points.iter().fold(
            BBox([focus.lon, focus.lat, focus.lon, focus.lat]),
            |b, &(lon, lat)| b.extend(lon, lat),
        );
        let size = self.map.get_size();
        let (right, bottom) = if size.x() >= PANEL_SIDE_FROM_PX {
            (PANEL_SIDE_WIDTH_PX + 30.0, 30.0)
        } else {
            (30.0, size.y() * PANEL_SHEET_SHARE + 30.0)
        };
        let options = Object::new();
        let _ = Reflect::set(
            &options,
            &"paddingTopLeft".into(),
            &js_sys::Array::of2(&30.into(), &TOOLBAR_PX.into()),
        );
        let _ = Reflect::set(
            &options,
            &"paddingBottomRight".into(),
            &js_sys::Array::of2(&right.into(), &bottom.into()),
        );
        let _ = Reflect::set(&options, &"maxZoom".into(), &16.into());
        let _ = Reflect::set(&options, &"animate".into(), &false.into());
        self.map
            .fit_bounds_with_options(&latlng_bounds(b), &options);
    }

    /// Colours each county by a share of its figures, or back to a plain outline.
    fn shade(&self, share: Option<Share>, data: &Data) {
        for (code, layer) in &self.outlines {
            let pct = share.and_then(|s| s.pct(&data.summary.area(code.as_str())?.stats));
            let style = outline_style(share.map(|_| pct));
            layer.set_style(&style);
        }
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

        if first && self.zoom_to_selection {
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
            &js_sys::Array::of2(&30.into(), &TOOLBAR_PX.into()),
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

/// The height the search and layer toolbar takes at the top of the map (see `.map-toolbar`).
const TOOLBAR_PX: f64 = 120.0;
/// The zoom a shared link to a station opens at (or closer).
const SELECTION_ZOOM: f64 = 13.0;
/// From this map width the details are a side panel of this width; below it, a bottom sheet
/// taking this share of the height. Keep in step with `.panel` in style/main.css.
const PANEL_SIDE_FROM_PX: f64 = 720.0;
const PANEL_SIDE_WIDTH_PX: f64 = 400.0;
const PANEL_SHEET_SHARE: f64 = 0.62;

/// A county outline: faint when plain; filled by the share's class when the map colours areas
/// (`Some(pct)`, `Some(None)` for an area with nothing to share).
fn outline_style(shaded: Option<Option<f64>>) -> PathOptions {
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

fn latlng_bounds(b: BBox) -> LatLngBounds {
    LatLngBounds::new(
        &LatLng::new(b.south(), b.west()),
        &LatLng::new(b.north(), b.east()),
    )
}

fn fit_bbox(map: &Map, b: BBox, padding: f64) {
    let options = Object::new();
    let padding = js_sys::Array::of2(&padding.into(), &padding.into());
    let _ = Reflect::set(&options, &"padding".into(), &padding);
    let _ = Reflect::set(&options, &"animate".into(), &false.into());
    map.fit_bounds_with_options(&latlng_bounds(b), &options);
}

fn view_of(map: &Map) -> MapView {
    let c = map.get_center();
    MapView {
        zoom: map.get_zoom(),
        lat: c.lat(),
        lon: c.lng(),
    }
    .rounded()
}

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
