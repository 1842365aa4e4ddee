//! The imperative side of the map: the Leaflet map, what is drawn on it, and what it is asked to
//! do (show data, select a station, fit a place, colour the counties).

use super::bindings::{
    bounds_of, clicked_station, draw_in, fit_bbox, latlng_bounds, padding_options, to_map, view_of,
    zoom_into_mark, COUNTY_KEY, FIT_KEY, TOOLBAR_PX,
};
use super::layers::{
    add_mark, cluster_marker, expanding_cluster, outline_layer, outline_style, station_marker,
    village_layer,
};
use super::style;
use crate::store::Data;
use crate::url::MapView;
use cundi_core::brand::Want;
use cundi_core::cluster::{Clusters, Mark};
use cundi_core::geo::BBox;
use cundi_core::share::Share;
use cundi_core::{Code, Station};
use js_sys::{Object, Reflect};
use leaflet::{
    Canvas, CircleMarker, CircleOptions, FeatureGroup, GeoJson, LatLng, Layer, Map, MapOptions,
    TileLayer, TileLayerOptions,
};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Above this many loaded stations, stations are drawn in clusters (never for a county or a
/// province's data; always for a wide view of many counties).
pub const CLUSTER_ABOVE: usize = 3000;

/// The stations drawn: those that are what is `want`ed.
fn shown<'a>(data: &'a Data, want: &'a Want) -> impl Iterator<Item = &'a Station> + 'a {
    data.stations().filter(move |s| want.accepts(s))
}

/// The stations' clusters, when there are so many that they are drawn in clusters per view.
fn clusters_of(data: &Data, want: &Want) -> Option<Clusters> {
    (shown(data, want).count() > CLUSTER_ABOVE)
        .then(|| Clusters::new(shown(data, want).map(|s| (s.lon, s.lat))))
}

/// The country view's counties: their marks (by their index or cluster id: the counties never
/// change), their clusters, and each county's code and box.
pub(super) type CountyMarks = (KeptMarks<(bool, usize)>, Clusters, Vec<(Code, BBox)>);

/// What a station mark looks like, so that a mark still wanted after the data changed (a county
/// loaded or let go: the clusters are built again) is kept: a station by its id and position, a
/// cluster by its position, count and the zoom a tap leads to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum StationMark {
    Point(String, u64, u64),
    Cluster(u64, u64, usize, u8),
}

/// The marks drawn for a view, kept by what they show, so that a move redraws only what changed:
/// a pan at the same zoom keeps most of them, and every mark drawn or removed costs Leaflet work
/// (a canvas path, and for a cluster a DOM label with its count). Until 2026-12-03 every move
/// and every county loaded cleared them all and drew them again: 50–140 ms at each pan's end in
/// an opened national county, with a few thousand stations loaded.
pub(super) struct KeptMarks<K> {
    group: FeatureGroup,
    /// Each mark's and its label's layers.
    drawn: HashMap<K, Vec<Layer>>,
}

impl<K: std::hash::Hash + Eq> KeptMarks<K> {
    pub(super) fn new() -> KeptMarks<K> {
        KeptMarks {
            group: FeatureGroup::new(),
            drawn: HashMap::new(),
        }
    }

    /// Removes every mark.
    pub(super) fn clear(&mut self) {
        self.group.clear_layers();
        self.drawn.clear();
    }

    /// Shows these marks: keeps those already drawn (by `key`), draws the others with `make`,
    /// removes the rest. Gives how many marks are drawn and how many points they stand for.
    pub(super) fn show(
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
pub(super) struct MapHandle {
    pub(super) map: Map,
    pub(super) renderer: Canvas,
    pub(super) data: Option<Arc<Data>>,
    /// The station markers (or their clusters), redrawn when the data changes.
    pub(super) stations: FeatureGroup,
    /// Each loaded county's station markers, inside `stations`.
    pub(super) county_stations: Vec<(Code, FeatureGroup)>,
    /// The marks of clustered stations for the view, inside `stations`.
    pub(super) station_marks: KeptMarks<StationMark>,
    /// Set when there are so many stations that they are drawn in clusters per view.
    pub(super) station_clusters: Option<Clusters>,
    pub(super) stations_drawn: usize,
    /// The country's counties, one mark each, in clusters; when counties load on demand.
    pub(super) counties: Option<CountyMarks>,
    pub(super) counties_drawn: Option<usize>,
    pub(super) villages: Option<FeatureGroup>,
    pub(super) villages_shown: bool,
    pub(super) ring: Option<CircleMarker>,
    /// The device's position, while "near me" shows it.
    pub(super) you: Option<FeatureGroup>,
    pub(super) selection_seen: bool,
    /// Whether a station selected as the map opens is zoomed to (not when the URL names a view).
    pub(super) zoom_to_selection: bool,
    /// The county outlines, to colour by a share.
    pub(super) outlines: Vec<(Code, GeoJson)>,
    pub(super) share: Option<Share>,
    /// The brand and service looked for: only the stations that are that are drawn.
    pub(super) want: Want,
    /// Kept alive as long as the layers and the map that call them.
    pub(super) on_click: Closure<dyn Fn(JsValue)>,
    pub(super) on_mark_click: Closure<dyn Fn(JsValue)>,
    pub(super) _on_move: Closure<dyn Fn(JsValue)>,
    pub(super) _on_move_start: Closure<dyn Fn(JsValue)>,
}

impl MapHandle {
    pub(super) fn create(
        el: &web_sys::HtmlDivElement,
        data: &Data,
        start: Start,
        on_select: Callback<String>,
        on_move_start: impl Fn() + 'static,
        on_move: impl Fn(MapView, BBox) + 'static,
    ) -> Result<MapHandle, JsValue> {
        // Drawn in the tiles' system from the first position on (docs/PUBLISHING.md, "Base maps").
        let base_map = data.config.tiles();
        draw_in(match &base_map {
            Some(Ok(b)) => b.crs,
            _ => cundi_core::Crs::Wgs84,
        });
        let options = MapOptions::new();
        options.set_prefer_canvas(true);
        options.set_zoom_snap(0.25);
        let map = Map::new_with_element(el, &options)?;

        match start {
            Start::View(v) => {
                map.set_view(&to_map(v.lat, v.lon), v.zoom);
            }
            Start::Fit(b) => fit_bbox(&map, b),
            Start::Default => match data.bbox() {
                Some(b) => fit_bbox(&map, b),
                None => {
                    map.set_view(&to_map(35.0, 105.0), 4.0);
                }
            },
        }

        add_base_map(&map, base_map);

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
            want: Want::default(),
            on_click,
            on_mark_click,
            _on_move: on_move,
            _on_move_start: on_move_start,
        })
    }

    /// Shows this data: the outlines of the loaded counties, their stations (in clusters when
    /// there are many) and, when counties load on demand, the country's counties.
    pub(super) fn set_data(&mut self, data: Arc<Data>) {
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
        self.station_clusters = clusters_of(&data, &self.want);
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
    pub(super) fn draw_stations(&mut self) {
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
        for station in shown(&data, &self.want) {
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
        self.stations_drawn = shown(&data, &self.want).count();
    }

    /// Draws only the stations that are what the resident looks for (a brand, a service).
    pub(super) fn set_want(&mut self, want: Want) {
        if self.want == want {
            return;
        }
        self.want = want;
        let Some(data) = self.data.clone() else {
            return;
        };
        self.station_clusters = clusters_of(&data, &self.want);
        for (_, group) in self.county_stations.drain(..) {
            self.stations.remove_layer(&group);
        }
        self.station_marks.clear();
        self.draw_stations();
        self.draw_view();
    }

    /// Whether this is the data on the map.
    pub(super) fn shows(&self, data: &Arc<Data>) -> bool {
        self.data.as_ref().is_some_and(|d| Arc::ptr_eq(d, data))
    }

    /// Redraws what depends on the view: the clusters of stations, and the country's counties
    /// (shown only for a view too wide to open counties, `Summary::counties_to_open`).
    pub(super) fn draw_view(&mut self) {
        let Some(data) = self.data.clone() else {
            return;
        };
        let bounds = self.bounds();
        let zoom = self.map.get_zoom();
        if let Some(clusters) = &self.station_clusters {
            let stations: Vec<&Station> = shown(&data, &self.want).collect();
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
    pub(super) fn destroy(self) {
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
    pub(super) fn view(&self) -> MapView {
        view_of(&self.map)
    }

    /// The box in view.
    pub(super) fn bounds(&self) -> BBox {
        bounds_of(&self.map)
    }

    pub(super) fn set_view(&self, v: MapView) {
        let options = Object::new();
        let _ = Reflect::set(&options, &"animate".into(), &false.into());
        self.map
            .set_view_with_options(&to_map(v.lat, v.lon), v.zoom, &options);
    }

    pub(super) fn fit(&self, b: BBox) {
        fit_bbox(&self.map, b);
    }

    pub(super) fn fit_default(&self) {
        if let Some(b) = self.data.as_ref().and_then(|d| d.bbox()) {
            self.fit(b);
        }
    }

    /// Draws the device's position and brings it and the points near it into the part of the
    /// map the results panel leaves free; `None` removes it.
    pub(super) fn show_near(&mut self, focus: Option<&NearFocus>) {
        if let Some(you) = self.you.take() {
            you.remove();
        }
        let Some(focus) = focus else {
            return;
        };
        let group = FeatureGroup::new();
        let here = to_map(focus.lat, focus.lon);
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
        let options = self.clear_of_panel();
        let _ = Reflect::set(&options, &"maxZoom".into(), &16.into());
        self.map
            .fit_bounds_with_options(&latlng_bounds(b), &options);
    }

    /// Colours each county by a share of its figures, or back to a plain outline.
    pub(super) fn shade(&mut self, share: Option<Share>) {
        self.share = share;
        let Some(data) = &self.data else { return };
        for (code, layer) in &self.outlines {
            let pct = share.and_then(|s| s.pct(&data.area(code.as_str())?.stats));
            let style = outline_style(share.map(|_| pct));
            layer.set_style(&style);
        }
    }

    pub(super) fn show_villages(&mut self, show: bool) {
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
    pub(super) fn highlight(&mut self, station: Option<&Station>) {
        let first = !self.selection_seen;
        self.selection_seen = true;
        if let Some(ring) = self.ring.take() {
            ring.remove();
        }
        let Some(station) = station else {
            return;
        };
        let latlng = to_map(station.lat, station.lon);
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
        self.pan_clear_of_panel(&latlng);
    }

    /// Pans the point out from under the details panel.
    fn pan_clear_of_panel(&self, latlng: &LatLng) {
        self.map
            .pan_inside_with_options(latlng, &self.clear_of_panel());
    }

    /// The padding that keeps what is shown clear of the toolbar and the details panel: a side
    /// panel on wide maps, a bottom sheet on narrow ones (the sizes mirror `.panel` in
    /// style/main.css).
    fn clear_of_panel(&self) -> Object {
        const MARGIN: f64 = 30.0;
        let size = self.map.get_size();
        let bottom_right = if size.x() >= PANEL_SIDE_FROM_PX {
            (PANEL_SIDE_WIDTH_PX + MARGIN, MARGIN)
        } else {
            (MARGIN, size.y() * PANEL_SHEET_SHARE + MARGIN)
        };
        padding_options((MARGIN, TOOLBAR_PX), bottom_right)
    }
}

/// The zoom a shared link to a station opens at (or closer).
pub(super) const SELECTION_ZOOM: f64 = 13.0;

/// From this map width the details are a side panel of this width; below it, a bottom sheet
/// whose peek takes at most this share of the map's height (21 % of the screen, at most 200 px,
/// is about a quarter of the map below the header). Keep in step with `.panel` and
/// `--sheet-peek` in style/main.css.
pub(super) const PANEL_SIDE_FROM_PX: f64 = 720.0;

pub(super) const PANEL_SIDE_WIDTH_PX: f64 = 400.0;

pub(super) const PANEL_SHEET_SHARE: f64 = 0.3;

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
pub(super) enum Start {
    View(MapView),
    Fit(BBox),
    /// The loaded counties; a station selected by the link is zoomed to.
    Default,
}

/// The base map's layers, bottom first (an annotation layer on top), with the provider's credit
/// and the approval number (审图号) in the map's corner. A configuration that cannot be drawn
/// (which `cundi-data csp` refuses at build) draws the outlines alone.
fn add_base_map(map: &Map, base_map: Option<Result<cundi_core::tiles::BaseMap, String>>) {
    let base_map = match base_map {
        None => return,
        Some(Err(why)) => {
            leptos::logging::warn!("tiles: {why}");
            return;
        }
        Some(Ok(b)) => b,
    };
    // Leaflet writes the attribution as HTML: the deployment's text goes in as text.
    let credit = escape_html(&base_map.credit());
    for (i, layer) in base_map.layers.iter().enumerate() {
        let o = TileLayerOptions::new();
        if i == 0 {
            o.set_attribution(credit.clone());
        }
        o.set_max_zoom(f64::from(base_map.max_zoom));
        if !layer.subdomains.is_empty() {
            let _ =
                js_sys::Reflect::set(&o, &"subdomains".into(), &layer.subdomains.as_str().into());
        }
        TileLayer::new_options(&layer.url, &o).add_to(map);
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
