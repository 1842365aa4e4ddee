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
//! is on the map, `data-stations-drawn="<count>"` (and `data-counties-drawn` for the country view's
//! marks, `data-generation` for the data drawn); each station marker's options carry `cundiId`
//! (the station id) and each village marker's `cundiVillage` (the village code). The tests reach the
//! Leaflet map through Leaflet's own `Map.addInitHook`, so the site exposes nothing else for them.

pub mod script;
pub mod style;

use crate::move_tr;
use crate::store::Data;
use crate::url::MapView;
use cundi_core::cluster::{Clusters, Mark};
use cundi_core::geo::BBox;
use cundi_core::share::Share;
use cundi_core::{Code, Station};
use js_sys::{Object, Reflect};
use leaflet::{
    Canvas, CircleMarker, CircleOptions, FeatureGroup, GeoJson, Icon, LatLng, LatLngBounds, Layer,
    Map, MapOptions, Marker, MarkerOptions, PathOptions, TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};
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
    // leaflet-rs's `DivIcon::new` calls `L.Icon`'s constructor.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &Object) -> Icon;
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

/// The map of every loaded station; when counties load on demand, the country's counties (in
/// clusters) until the view is close enough to open them.
#[component]
pub fn StationMap(
    data: Signal<Arc<Data>>,
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
    /// Called after every move with the box in view and the zoom (to load the counties in it).
    on_bounds: Callback<(BBox, f64)>,
    /// Called with `true` when a move (a pan, a zoom, a drag) begins and `false` when it ends.
    #[prop(optional)]
    on_moving: Option<Callback<bool>>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    // Whether the Leaflet map exists; the effects below wait for it.
    let drawn = RwSignal::new(false);
    // Station markers drawn (the hook for tests), once the data is on the map.
    let stations_drawn = RwSignal::new(None::<usize>);
    // County marks drawn in the country view, when counties load on demand.
    let counties_drawn = RwSignal::new(None::<usize>);
    // The `Data::generation` on the map, once drawn (a hook for the benchmarks).
    let generation = RwSignal::new(None::<u64>);
    // Why the map could not be drawn (Leaflet missing, say): shown instead of a blank area.
    let failed = RwSignal::new(None::<String>);
    let handle = HandleCell::new();
    // The view last reported or moved to: a URL naming it again is not a reason to move.
    let last = StoredValue::new(None::<MapView>);

    let create = move |el: web_sys::HtmlDivElement| {
        let first = data.get_untracked();
        let start = match (view.get_untracked(), area.get_untracked()) {
            (Some(v), _) => Start::View(v),
            (None, Some(b)) => Start::Fit(b),
            (None, None) => Start::Default,
        };
        // A move redraws the marks for the new view at once, in the frame the move ends in (one
        // late frame, not two), or on the next frame when Leaflet reports it while the handle is
        // in use (a `set_view` from an effect). Data made as the move ended is drawn by the
        // effect below, with the marks for the view.
        let on_move = move |v: MapView, bounds: BBox| {
            if let Some(f) = on_moving {
                f.try_run(false);
            }
            let draw = move || {
                handle.with(|h| {
                    if data.with_untracked(|d| h.shows(d)) {
                        h.draw_view();
                        stations_drawn.set(Some(h.stations_drawn));
                        counties_drawn.set(h.counties_drawn);
                    }
                })
            };
            if handle.busy() {
                request_animation_frame(draw);
            } else {
                draw();
            }
            on_bounds.run((bounds, v.zoom));
            if last.get_value() != Some(v) {
                last.set_value(Some(v));
                on_view.run(v);
            }
        };
        let on_move_start = move || {
            if let Some(f) = on_moving {
                f.try_run(true);
            }
        };
        match MapHandle::create(&el, &first, start, on_select, on_move_start, on_move) {
            Ok(h) => {
                last.set_value(Some(h.view()));
                on_bounds.run((h.bounds(), h.view().zoom));
                handle.set(h);
                drawn.set(true);
            }
            Err(e) => failed.set(Some(js_error_text(&e))),
        }
    };

    node.on_load(move |el| {
        // Leaflet first: only the map loads it (script.rs).
        leptos::task::spawn_local(async move {
            if let Err(e) = script::ensure_leaflet().await {
                failed.try_set(Some(js_error_text(&e)));
                return;
            }
            // Not if the map left the page meanwhile.
            if drawn.try_get_untracked().is_some() {
                create(el);
            }
        });
    });

    // The data first (counties arrive and go when they load on demand), then what is drawn over it.
    Effect::new(move |_| {
        let data = data.get();
        let current = data.generation;
        when_drawn(drawn, handle, |h| {
            h.set_data(data);
            generation.set(Some(current));
            stations_drawn.set(Some(h.stations_drawn));
            counties_drawn.set(h.counties_drawn);
        });
    });

    Effect::new(move |_| {
        let show = show_villages.get();
        data.track();
        when_drawn(drawn, handle, |h| h.show_villages(show));
    });

    Effect::new(move |_| {
        let share = shade.get();
        data.track();
        when_drawn(drawn, handle, |h| h.shade(share));
    });

    Effect::new(move |before: Option<(Option<MapView>, Option<BBox>)>| {
        let now = (view.get(), area.get());
        // The first run, and the one when the map is drawn, find the view it opened with.
        if !drawn.get() || before.is_none_or(|b| b == now) {
            return now;
        }
        handle.with(|h| match now {
            (Some(v), _) if last.get_value() == Some(v) => {}
            (Some(v), _) => {
                last.set_value(Some(v));
                h.set_view(v);
            }
            (None, Some(b)) => h.fit(b),
            (None, None) => h.fit_default(),
        });
        now
    });

    Effect::new(move |_| {
        let focus = near.get();
        when_drawn(drawn, handle, |h| h.show_near(focus.as_ref()));
    });

    Effect::new(move |_| {
        let id = selected.get();
        let data = data.get();
        let station = id.as_deref().and_then(|id| data.station(id));
        when_drawn(drawn, handle, |h| h.highlight(station));
    });

    on_cleanup(move || {
        if let Some(h) = handle.take() {
            h.destroy();
        }
        // A map removed while it moved never ends that move.
        if let Some(f) = on_moving {
            f.try_run(false);
        }
    });

    view! {
        <div
            node_ref=node
            class="map"
            data-testid="map"
            role="region"
            aria-label=move || label.get()
            data-stations-drawn=move || stations_drawn.get().map(|n| n.to_string())
            data-counties-drawn=move || counties_drawn.get().map(|n| n.to_string())
            data-generation=move || generation.get().map(|n| n.to_string())
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
fn when_drawn(drawn: RwSignal<bool>, handle: HandleCell, f: impl FnOnce(&mut MapHandle)) {
    if !drawn.get() {
        return;
    }
    handle.with(f);
}

/// The map's handle once the map exists, and whether it is in use: Leaflet reports some moves
/// while it is (a `set_view` from an effect), and those cannot use it again.
#[derive(Clone, Copy)]
struct HandleCell {
    handle: StoredValue<Option<MapHandle>, LocalStorage>,
    busy: StoredValue<bool>,
}

impl HandleCell {
    fn new() -> HandleCell {
        HandleCell {
            handle: StoredValue::new_local(None),
            busy: StoredValue::new(false),
        }
    }

    fn set(&self, h: MapHandle) {
        self.handle.set_value(Some(h));
    }

    fn take(&self) -> Option<MapHandle> {
        self.handle.try_update_value(Option::take).flatten()
    }

    fn busy(&self) -> bool {
        self.busy.try_get_value().unwrap_or(true)
    }

    /// Runs `f` on the handle, if the map exists (and the component is still there).
    fn with(&self, f: impl FnOnce(&mut MapHandle)) {
        let before = self.busy();
        self.busy.try_set_value(true);
        self.handle.try_update_value(|h| {
            if let Some(h) = h {
                f(h);
            }
        });
        self.busy.try_set_value(before);
    }
}

/// Above this many loaded stations, stations are drawn in clusters (never for a county or a
/// province's data; always for a wide view of many counties).
pub const CLUSTER_ABOVE: usize = 3000;

/// The country view's counties: their marks (by their index or cluster id: the counties never
/// change), their clusters, and each county's code and box.
type CountyMarks = (KeptMarks<(bool, usize)>, Clusters, Vec<(Code, BBox)>);

/// What a station mark looks like, so that a mark still wanted after the data changed (a county
/// loaded or let go: the clusters are built again) is kept: a station by its id and position, a
/// cluster by its position, count and the zoom a tap leads to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum StationMark {
    Point(String, u64, u64),
    Cluster(u64, u64, usize, u8),
}

/// The marks drawn for a view, kept by what they show, so that a move redraws only what changed:
/// a pan at the same zoom keeps most of them, and every mark drawn or removed costs Leaflet work
/// (a canvas path, and for a cluster a DOM label with its count). Until 2026-12-03 every move
/// and every county loaded cleared them all and drew them again: 50–140 ms at each pan's end in
/// an opened national county, with a few thousand stations loaded.
struct KeptMarks<K> {
    group: FeatureGroup,
    /// Each mark's and its label's layers.
    drawn: HashMap<K, Vec<Layer>>,
}

impl<K: std::hash::Hash + Eq> KeptMarks<K> {
    fn new() -> KeptMarks<K> {
        KeptMarks {
            group: FeatureGroup::new(),
            drawn: HashMap::new(),
        }
    }

    /// Removes every mark.
    fn clear(&mut self) {
        self.group.clear_layers();
        self.drawn.clear();
    }

    /// Shows these marks: keeps those already drawn (by `key`), draws the others with `make`,
    /// removes the rest. Gives how many marks are drawn and how many points they stand for.
    fn show(
        &mut self,
        marks: &[Mark],
        key: impl Fn(Mark) -> K,
        mut make: impl FnMut(Mark) -> Result<CircleMarker, JsValue>,
    ) -> (usize, usize) {
        let mut next = HashMap::with_capacity(marks.len());
        let (mut drawn, mut points) = (0, 0);
        for &mark in marks {
            let key = key(mark);
            // Two marks that look the same are drawn once (the second would leave the first's
            // layers behind, never removed).
            if next.contains_key(&key) {
                continue;
            }
            let layers = match self.drawn.remove(&key) {
                Some(layers) => layers,
                None => match make(mark) {
                    Ok(marker) => add_mark(&self.group, &marker, mark),
                    Err(_) => continue,
                },
            };
            next.insert(key, layers);
            drawn += 1;
            points += mark.count();
        }
        for layer in self.drawn.drain().flat_map(|(_, layers)| layers) {
            self.group.remove_layer(&layer);
        }
        self.drawn = next;
        (drawn, points)
    }
}

/// The Leaflet objects behind one map, kept for the map's lifetime.
struct MapHandle {
    map: Map,
    renderer: Canvas,
    data: Option<Arc<Data>>,
    /// The station markers (or their clusters), redrawn when the data changes.
    stations: FeatureGroup,
    /// Each loaded county's station markers, inside `stations`.
    county_stations: Vec<(Code, FeatureGroup)>,
    /// The marks of clustered stations for the view, inside `stations`.
    station_marks: KeptMarks<StationMark>,
    /// Set when there are so many stations that they are drawn in clusters per view.
    station_clusters: Option<Clusters>,
    stations_drawn: usize,
    /// The country's counties, one mark each, in clusters; when counties load on demand.
    counties: Option<CountyMarks>,
    counties_drawn: Option<usize>,
    villages: Option<FeatureGroup>,
    villages_shown: bool,
    ring: Option<CircleMarker>,
    /// The device's position, while "near me" shows it.
    you: Option<FeatureGroup>,
    selection_seen: bool,
    /// Whether a station selected as the map opens is zoomed to (not when the URL names a view).
    zoom_to_selection: bool,
    /// The county outlines, to colour by a share.
    outlines: Vec<(Code, GeoJson)>,
    share: Option<Share>,
    /// Kept alive as long as the layers and the map that call them.
    on_click: Closure<dyn Fn(JsValue)>,
    on_mark_click: Closure<dyn Fn(JsValue)>,
    _on_move: Closure<dyn Fn(JsValue)>,
    _on_move_start: Closure<dyn Fn(JsValue)>,
}

impl MapHandle {
    fn create(
        el: &web_sys::HtmlDivElement,
        data: &Data,
        start: Start,
        on_select: Callback<String>,
        on_move_start: impl Fn() + 'static,
        on_move: impl Fn(MapView, BBox) + 'static,
    ) -> Result<MapHandle, JsValue> {
        let options = MapOptions::new();
        options.set_prefer_canvas(true);
        options.set_zoom_snap(0.25);
        let map = Map::new_with_element(el, &options)?;

        match start {
            Start::View(v) => {
                map.set_view(&LatLng::new(v.lat, v.lon), v.zoom);
            }
            Start::Fit(b) => fit_bbox(&map, b),
            Start::Default => match data.bbox() {
                Some(b) => fit_bbox(&map, b),
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

        let on_click = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            if let Some(id) = clicked_station(&event) {
                on_select.run(id);
            }
        });
        let on_mark_click = {
            let map = map.clone();
            Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| zoom_into_mark(&map, &event))
        };
        let stations = FeatureGroup::new();
        let station_marks = KeptMarks::new();
        stations.add_layer(&station_marks.group);
        stations.on("click", on_click.as_ref());
        stations.on("click", on_mark_click.as_ref());
        stations.add_to(&map);

        let on_move = {
            let map = map.clone();
            Closure::<dyn Fn(JsValue)>::new(move |_| on_move(view_of(&map), bounds_of(&map)))
        };
        map.on("moveend", on_move.as_ref());
        let on_move_start = Closure::<dyn Fn(JsValue)>::new(move |_| on_move_start());
        map.on("movestart", on_move_start.as_ref());

        Ok(MapHandle {
            map,
            renderer: Canvas::new(),
            data: None,
            stations,
            county_stations: Vec::new(),
            station_marks,
            station_clusters: None,
            stations_drawn: 0,
            counties: None,
            counties_drawn: None,
            villages: None,
            villages_shown: false,
            ring: None,
            you: None,
            selection_seen: false,
            zoom_to_selection: start == Start::Default,
            outlines: Vec::new(),
            share: None,
            on_click,
            on_mark_click,
            _on_move: on_move,
            _on_move_start: on_move_start,
        })
    }

    /// Shows this data: the outlines of the loaded counties, their stations (in clusters when
    /// there are many) and, when counties load on demand, the country's counties.
    fn set_data(&mut self, data: Arc<Data>) {
        if self.shows(&data) {
            return;
        }
        // Outlines: keep those still loaded, add the new ones.
        self.outlines.retain(|(code, layer)| {
            let keep = data.has_county(code);
            if !keep {
                layer.remove();
            }
            keep
        });
        for (code, text) in data.boundaries() {
            if self.outlines.iter().any(|(c, _)| c == code) {
                continue;
            }
            match outline_layer(code, text, &self.renderer) {
                Ok(layer) => {
                    layer.add_to(&self.map);
                    layer.unchecked_ref::<FeatureGroup>().bring_to_back();
                    self.outlines.push((code.clone(), layer));
                }
                Err(e) => leptos::logging::error!("an outline could not be drawn: {e:?}"),
            }
        }
        let count = data.stations().count();
        self.station_clusters =
            (count > CLUSTER_ABOVE).then(|| Clusters::new(data.stations().map(|s| (s.lon, s.lat))));
        if data.on_demand && self.counties.is_none() {
            let boxes: Vec<(Code, BBox)> = data
                .summary
                .counties()
                .filter_map(|a| Some((a.division.code.clone(), a.bbox?)))
                .collect();
            let clusters = Clusters::new(boxes.iter().map(|(_, b)| b.center()));
            let marks = KeptMarks::new();
            marks.group.on("click", self.on_mark_click.as_ref());
            self.counties = Some((marks, clusters, boxes));
        }
        if let Some(villages) = self.villages.take() {
            villages.remove();
        }
        // The data let go is freed in a task of its own: once a view has asked for its
        // `Dataset` (a search, near me), freeing that takes milliseconds, which the frame that
        // draws the new data need not wait for.
        if let Some(old) = self.data.replace(data) {
            set_timeout(move || drop(old), std::time::Duration::ZERO);
        }
        self.draw_stations();
        self.draw_view();
        self.show_villages(self.villages_shown);
        self.shade(self.share);
    }

    /// Draws every loaded station, unless they are drawn in clusters per view.
    fn draw_stations(&mut self) {
        let Some(data) = self.data.clone() else {
            return;
        };
        if self.station_clusters.is_some() {
            // Drawn per view by `draw_view`.
            for (_, group) in self.county_stations.drain(..) {
                self.stations.remove_layer(&group);
            }
            return;
        }
        // One layer per county: a county that stays is not drawn again, one let go is removed,
        // so opening a county draws only its own stations.
        let mut by_county: BTreeMap<Code, Vec<&Station>> = BTreeMap::new();
        for station in data.stations() {
            if let Some(county) = station.admin_code.county() {
                by_county.entry(county).or_default().push(station);
            }
        }
        let stations = &self.stations;
        self.county_stations.retain(|(code, group)| {
            let keep = by_county.contains_key(code);
            if !keep {
                stations.remove_layer(group);
            }
            keep
        });
        // Cluster marks drawn before, when there were more stations.
        self.station_marks.clear();
        for (code, list) in by_county {
            if self.county_stations.iter().any(|(c, _)| *c == code) {
                continue;
            }
            let group = FeatureGroup::new();
            for station in list {
                match station_marker(station, &self.renderer) {
                    Ok(marker) => {
                        group.add_layer(&marker);
                    }
                    Err(e) => leptos::logging::error!("a station could not be drawn: {e:?}"),
                }
            }
            self.stations.add_layer(&group);
            self.county_stations.push((code, group));
        }
        self.stations_drawn = data.stations().count();
    }

    /// Whether this is the data on the map.
    fn shows(&self, data: &Arc<Data>) -> bool {
        self.data.as_ref().is_some_and(|d| Arc::ptr_eq(d, data))
    }

    /// Redraws what depends on the view: the clusters of stations, and the country's counties
    /// (shown only for a view too wide to open counties, `Summary::counties_to_open`).
    fn draw_view(&mut self) {
        let Some(data) = self.data.clone() else {
            return;
        };
        let bounds = self.bounds();
        let zoom = self.map.get_zoom();
        if let Some(clusters) = &self.station_clusters {
            let stations: Vec<&Station> = data.stations().collect();
            let renderer = &self.renderer;
            let key = |mark| match mark {
                Mark::Point { index, lon, lat } => {
                    StationMark::Point(stations[index].id.clone(), lon.to_bits(), lat.to_bits())
                }
                Mark::Cluster {
                    id,
                    count,
                    lon,
                    lat,
                } => StationMark::Cluster(
                    lon.to_bits(),
                    lat.to_bits(),
                    count,
                    clusters.expansion_zoom(id),
                ),
            };
            let (_, points) = self
                .station_marks
                .show(&clusters.marks(bounds, zoom), key, |mark| match mark {
                    Mark::Point { index, .. } => station_marker(stations[index], renderer),
                    Mark::Cluster { .. } => expanding_cluster(clusters, mark, renderer),
                });
            self.stations_drawn = points;
        }
        if let Some((marks, clusters, boxes)) = &mut self.counties {
            // The same rule the page opens counties by.
            let shown = data.summary.counties_to_open(bounds, zoom).is_none();
            let mut drawn = 0;
            if !shown {
                marks.clear();
            } else {
                let renderer = &self.renderer;
                let key = |mark| match mark {
                    Mark::Point { index, .. } => (false, index),
                    Mark::Cluster { id, .. } => (true, id),
                };
                (drawn, _) = marks.show(&clusters.marks(bounds, zoom), key, |mark| match mark {
                    Mark::Point { index, lat, lon } => {
                        let (code, b) = &boxes[index];
                        let fit = format!("{},{},{},{}", b.west(), b.south(), b.east(), b.north());
                        // Sized by its stations, as a cluster is by its counties.
                        let stations = data.area(code.as_str()).map_or(1, |a| {
                            let s = &a.stats;
                            (s.county_centers + s.township_stations + s.village_points) as usize
                        });
                        cluster_marker(
                            lat,
                            lon,
                            stations.max(1),
                            renderer,
                            &[(FIT_KEY, &fit), (COUNTY_KEY, code.as_str())],
                        )
                    }
                    Mark::Cluster { .. } => expanding_cluster(clusters, mark, renderer),
                });
            }
            let group = &marks.group;
            let on_map = self.map.has_layer(group);
            if shown && !on_map {
                group.add_to(&self.map);
            } else if !shown && on_map {
                self.map.remove_layer(group);
            }
            let stations_on_map = self.map.has_layer(&self.stations);
            if shown && stations_on_map {
                self.map.remove_layer(&self.stations);
            } else if !shown && !stations_on_map {
                self.stations.add_to(&self.map);
            }
            self.counties_drawn = Some(drawn);
        }
        if let Some(ring) = &self.ring {
            ring.bring_to_front();
        }
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

    /// The box in view.
    fn bounds(&self) -> BBox {
        bounds_of(&self.map)
    }

    fn set_view(&self, v: MapView) {
        let options = Object::new();
        let _ = Reflect::set(&options, &"animate".into(), &false.into());
        self.map
            .set_view_with_options(&LatLng::new(v.lat, v.lon), v.zoom, &options);
    }

    fn fit(&self, b: BBox) {
        fit_bbox(&self.map, b);
    }

    fn fit_default(&self) {
        if let Some(b) = self.data.as_ref().and_then(|d| d.bbox()) {
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
    fn shade(&mut self, share: Option<Share>) {
        self.share = share;
        let Some(data) = &self.data else { return };
        for (code, layer) in &self.outlines {
            let pct = share.and_then(|s| s.pct(&data.area(code.as_str())?.stats));
            let style = outline_style(share.map(|_| pct));
            layer.set_style(&style);
        }
    }

    fn show_villages(&mut self, show: bool) {
        self.villages_shown = show;
        let Some(data) = &self.data else { return };
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

/// Fits the box in the part of the map the toolbar leaves free.
fn fit_bbox(map: &Map, b: BBox) {
    const PADDING: f64 = 24.0;
    let options = Object::new();
    let top_left = js_sys::Array::of2(&PADDING.into(), &TOOLBAR_PX.into());
    let bottom_right = js_sys::Array::of2(&PADDING.into(), &PADDING.into());
    let _ = Reflect::set(&options, &"paddingTopLeft".into(), &top_left);
    let _ = Reflect::set(&options, &"paddingBottomRight".into(), &bottom_right);
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

/// The option key that carries the zoom a cluster mark opens to.
pub const ZOOM_KEY: &str = "cundiZoom";
/// The option key that carries the box (`w,s,e,n`) a county mark fits.
pub const FIT_KEY: &str = "cundiFit";
/// The option key that carries a county mark's code.
pub const COUNTY_KEY: &str = "cundiCounty";

fn station_marker(station: &Station, renderer: &Canvas) -> Result<CircleMarker, JsValue> {
    circle(
        station.lat,
        station.lon,
        style::station_style(station.tier, station.status),
        renderer,
        &[(STATION_ID_KEY, &station.id)],
    )
}

/// A cluster (or, with a count of 1, a county in the country view): bigger for more points.
fn cluster_marker(
    lat: f64,
    lon: f64,
    count: usize,
    renderer: &Canvas,
    keys: &[(&str, &str)],
) -> Result<CircleMarker, JsValue> {
    circle(lat, lon, style::cluster_style(count), renderer, keys)
}

/// A cluster's mark; tapped, it zooms in to where the cluster splits.
fn expanding_cluster(
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
fn add_mark(group: &FeatureGroup, marker: &CircleMarker, mark: Mark) -> Vec<Layer> {
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
fn count_label(lat: f64, lon: f64, count: usize) -> Result<Marker, JsValue> {
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
    Ok(Marker::new_with_options(&LatLng::new(lat, lon), &options))
}

/// A county's outline as a GeoJSON layer, not interactive.
fn outline_layer(code: &Code, text: &str, renderer: &Canvas) -> Result<GeoJson, JsValue> {
    // Leaflet throws on an object that is not GeoJSON: check it first (the store does not, see
    // `store::load_county`).
    cundi_core::geo::boundary_bbox(text).map_err(|e| JsValue::from_str(&e))?;
    let json = js_sys::JSON::parse(text)?;
    let style = outline_style(None);
    style.set_renderer(renderer.clone().into());
    let options = Object::new();
    Reflect::set(&options, &"style".into(), &style)?;
    Reflect::set(&options, &"interactive".into(), &false.into())?;
    Reflect::set(&options, &"cundiArea".into(), &code.as_str().into())?;
    Ok(geo_json(&json, &options))
}

/// A tap on a cluster zooms in to where it splits; on a county in the country view, fits the
/// county (which opens it).
fn zoom_into_mark(map: &Map, event: &JsValue) {
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

fn bounds_of(map: &Map) -> BBox {
    let b = map.get_bounds();
    let (sw, ne) = (b.get_south_west(), b.get_north_east());
    BBox([sw.lng(), sw.lat(), ne.lng(), ne.lat()])
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
