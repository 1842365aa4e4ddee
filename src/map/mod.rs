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
//!
//! In pieces: this file is the component (`StationMap`), which keeps the map in step with the
//! page; `handle` the imperative map, what is drawn on it and what it is asked to do; `layers`
//! the markers, clusters and outlines it draws; `bindings` what it says to Leaflet and JavaScript
//! beyond leaflet-rs; `script` loads Leaflet; `style` the markers' colours and sizes.

mod bindings;
mod handle;
mod layers;
pub mod script;
pub mod style;

use bindings::*;
pub use bindings::{
    COUNTY_KEY, FIT_KEY, SERVED_BY_KEY, STATION_ID_KEY, VILLAGE_CODE_KEY, ZOOM_KEY,
};
pub use handle::NearFocus;
use handle::*;

use crate::move_tr;
use crate::store::Data;
use crate::url::MapView;
use cundi_core::brand::Want;
use cundi_core::geo::BBox;
use cundi_core::share::Share;
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::Arc;

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
    /// The brand and service looked for: only the stations that are are drawn.
    #[prop(into)]
    want: Signal<Want>,
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
            // Drawn as first chosen; a later choice by the effect below.
            if h.data.is_none() {
                h.want = want.get_untracked();
            }
            h.set_data(data);
            generation.set(Some(current));
            stations_drawn.set(Some(h.stations_drawn));
            counties_drawn.set(h.counties_drawn);
        });
    });

    Effect::new(move |_| {
        let want = want.get();
        when_drawn(drawn, handle, |h| {
            h.set_want(want);
            stations_drawn.set(Some(h.stations_drawn));
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
