//! `/`: the map of every station, the search box and "near me" above it, the village frequency
//! layer, the legend, and a panel with the details of the selected station or the points near the
//! user. The URL holds the view (`map=`), the selected station (`station=`), the area chosen in a
//! search (`area=`) and the search text (`q=`), so a link reopens the same map and Back and
//! Forward step through what was looked at. The user's position is never written to it.

use crate::components::deferred::{deferred, Page};
use crate::components::want::WantChoice;
use crate::components::{
    with_data_signal, CountyError, Legend, Loading, NearMeButton, NearMessage, SearchBox,
};
use crate::i18n;
use crate::map::{NearFocus, StationMap};
use crate::near::{use_near_me, NearResult, NearState};
use crate::store::{use_store, Data};
use crate::url::{self, use_query_param, use_query_update, MapView};
use crate::{move_tr, tr};
use cundi_core::brand::Want;
use cundi_core::geo::BBox;
use cundi_core::share::Share;
use futures::future::LocalBoxFuture;
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;
use std::sync::Arc;

/// Screens at least this wide show the legend open and the details as a side panel.
const WIDE_PX: f64 = 720.0;

/// The id of the map page's search box.
pub const SEARCH_ID: &str = "map-search";

/// A panel's code, fetched when it first opens.
type PanelCode = LocalBoxFuture<'static, Page>;

/// The list panel's code: the data, the box in view, what choosing and closing do.
type ListPanel = fn(
    Signal<Arc<Data>>,
    Signal<Option<BBox>>,
    Signal<Want>,
    Callback<String>,
    Callback<()>,
) -> PanelCode;

/// How the map gets its panels' code (in the station chunk): handed in by the map page rather
/// than called from the map's own chunk, so that code which reaches the map (the component
/// tests' build of the library) never reaches another chunk's loader (`crate::chunks`).
#[derive(Clone, Copy)]
pub struct MapPanels {
    pub details: fn(Arc<Data>, String, Callback<()>) -> PanelCode,
    pub near: fn(Box<NearResult>) -> PanelCode,
    pub list: ListPanel,
}

/// How the map page gets the map's code: the map with its legend and panels (`body`, in the
/// map's chunk), asking for that chunk ahead (`prefetch`), and the panels'. Handed in by the site
/// (`crate::chunks::MAP_CODE`), so that no page reaches a chunk itself.
#[derive(Clone, Copy)]
pub struct MapCode {
    pub body: fn(Signal<Arc<Data>>, MapState) -> PanelCode,
    pub prefetch: fn() -> LocalBoxFuture<'static, ()>,
    pub panels: MapPanels,
}

/// What the toolbar (drawn at once, in the first load) and the map (in the map's chunk, drawn
/// once the data and its code are there) share.
#[derive(Clone, Copy)]
pub struct MapState {
    /// The panels' code.
    pub panels: MapPanels,
    /// Whether the village frequency layer is shown.
    pub show_villages: RwSignal<bool>,
    /// The map as a list, for screen readers and the keyboard; it follows the view.
    pub list_open: RwSignal<bool>,
    /// The box in view.
    pub bounds: RwSignal<Option<BBox>>,
    /// The switches and filters under the search box ([`MapLayers`]): set by the map's body, so
    /// that their code is in the map's chunk, not in every page's first load.
    pub layers: RwSignal<Option<ViewFn>>,
}

/// The map page. Its toolbar's search box and "near me" are drawn at once, where the frame
/// index.html painted them first (crate::boot), so what is typed before the data arrives is
/// kept; the map itself, the legend and the panels are in the map's chunk (`code.body`), with
/// Leaflet, which no other page loads.
#[component]
pub fn MapPage(
    code: MapCode,
    /// The list open from the start (`/embed/<county>`).
    #[prop(optional)]
    list: bool,
) -> impl IntoView {
    let state = MapState {
        panels: code.panels,
        // Kept in the URL (`layer=frequency`), so a shared link shows it too.
        show_villages: RwSignal::new(
            use_query_param(url::LAYER).get_untracked().as_deref() == Some(url::LAYER_FREQUENCY),
        ),
        list_open: RwSignal::new(list),
        bounds: RwSignal::new(None),
        layers: RwSignal::new(None),
    };
    crate::components::page_title(String::new);
    // The map's code is asked for now, beside the data, not once the data is in.
    leptos::task::spawn_local((code.prefetch)());
    let store = use_store();
    // The map shows every county of a package that loads them at once: after a first visit to
    // one place (which loaded its county alone), it waits for the others (`LoadsForRoute`).
    let complete = Memo::new(move |_| store.data().is_none_or(|d| d.on_demand || d.complete()));
    let body = move || {
        if complete.get() {
            Either::Left(with_data_signal(move |data| {
                deferred(move || (code.body)(data, state))
            }))
        } else {
            Either::Right(view! { <Loading /> })
        }
    };
    let layers = move || state.layers.get().map(|layers| layers.run());
    view! {
        <div class="map-page">
            <div class="map-toolbar">
                <div class="map-search">
                    <SearchBox id=SEARCH_ID />
                    <NearMeButton search_id=SEARCH_ID />
                </div>
                <NearMessage />
                {layers}
            </div>
            {body}
        </div>
    }
}

/// The map's switches and figures, under the search box once the map is there.
#[component]
fn MapLayers(state: MapState) -> impl IntoView {
    let store = use_store();
    let update = use_query_update();
    let shade_param = use_query_param(url::SHADE);
    let shade = Signal::derive(move || shade_param.get().as_deref().and_then(Share::parse));
    let want = url::use_want();
    let count = move || {
        want.with(|w| {
            store
                .data()
                .map_or(0, |d| d.stations().filter(|s| w.accepts(s)).count())
        })
    };
    let total = move || store.data().map_or(0, |d| d.stations().count());
    let on_demand = move || store.data().is_some_and(|d| d.on_demand);
    // The brands of the stations loaded, most listed first.
    let brands = Memo::new(move |_| {
        store.data().map_or_else(Vec::new, |d| {
            cundi_core::brand::brands(d.stations())
                .into_iter()
                .map(|(b, _)| b)
                .collect()
        })
    });
    // The switches are behind one button, so that the map stays in view (on a phone most of
    // all); the button names what is chosen.
    let chosen = move || {
        let mut parts = Vec::new();
        if state.show_villages.get() {
            parts.push(tr!("layer-frequency-short"));
        }
        if let Some(s) = shade.get() {
            parts.push(i18n::share(s));
        }
        let what = want.with(crate::components::want::want_text);
        if !what.is_empty() {
            parts.push(what);
        }
        parts.join(" · ")
    };
    // The frequency layer in the URL, as the toggle sets it.
    let frequency_update = update.clone();
    Effect::new(move |_| {
        let on = state.show_villages.get();
        frequency_update.set(
            &[(url::LAYER, on.then(|| url::LAYER_FREQUENCY.to_string()))],
            false,
        );
    });
    // The list is a panel of its own: the card closes as it opens.
    let options = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        if state.list_open.get() {
            if let Some(details) = options.get_untracked() {
                let _ = details.remove_attribute("open");
            }
        }
    });
    view! {
        <div class="map-layers">
            <details class="map-options" data-testid="map-options" node_ref=options>
                <summary class="map-options-button">
                    <span>{move_tr!("map-options")}</span>
                    <span class="map-options-chosen" data-testid="map-options-chosen">{chosen}</span>
                </summary>
                <div class="map-options-body">
                    <Toggle
                        on=state.show_villages
                        testid="layer-frequency"
                        label=move_tr!("layer-frequency")
                        hint=move_tr!("layer-frequency-hint")
                    />
                    <Toggle on=state.list_open testid="list-toggle" label=move_tr!("list-toggle") />
                    <ShadeChoice shade update />
                    {move || view! { <WantChoice brands=brands.get() /> }}
                </div>
            </details>
            <ShadeLegend shade />
            {move || state.show_villages.get().then(|| view! { <FrequencyLegend /> })}
            <span
                class="count"
                data-testid="station-count"
                data-pending=move || store.pending().to_string()
            >
                {move || {
                    if !want.with(|w| w.is_any()) {
                        let what = want.with(crate::components::want::want_text);
                        tr!("map-stations-want", { "n" => count(), "total" => total(), "what" => what })
                    } else if on_demand() {
                        tr!("map-stations-on-demand", { "n" => count(), "pending" => store.pending() })
                    } else {
                        tr!("map-stations-count", { "n" => count() })
                    }
                }}
            </span>
            {move || store.county_error().map(|error| {
                let on_retry = Callback::new(move |()| store.retry_counties());
                view! { <CountyError error on_retry /> }
            })}
        </div>
    }
}

/// The map with its legend and panels (in the map's chunk, `crate::chunks::map_body`).
#[component]
pub fn MapBody(data: Signal<Arc<Data>>, state: MapState) -> impl IntoView {
    let MapState {
        panels,
        show_villages,
        list_open,
        bounds,
        layers,
    } = state;
    // Drawn once, not again for each county that joins the data.
    if layers.get_untracked().is_none() {
        layers.set(Some(ViewFn::from(move || view! { <MapLayers state /> })));
    }
    let station = use_query_param(url::STATION);
    let view_param = use_query_param(url::MAP);
    let area_param = use_query_param(url::AREA);
    let update = use_query_update();
    let near = use_near_me();
    let shade_param = use_query_param(url::SHADE);
    let shade = Signal::derive(move || shade_param.get().as_deref().and_then(Share::parse));
    let want = url::use_want();
    let store = use_store();
    // "Near me" answers again for another brand, at the position it has.
    Effect::new(move |_| {
        let want = want.get();
        near.refine(store, want);
    });

    let view = Signal::derive(move || view_param.get().and_then(|v| MapView::parse(&v)));
    let area = Signal::derive(move || {
        let code = area_param.get()?;
        data.with(|d| d.area(&code)?.bbox)
    });
    let near_focus = Signal::derive(move || match near.state() {
        NearState::Found(r) => Some(NearFocus {
            lon: r.lon,
            lat: r.lat,
            points: r.nearest.iter().map(|(s, _)| (s.lon, s.lat)).collect(),
        }),
        _ => None,
    });
    let on_select = {
        let update = update.clone();
        Callback::new(move |id: String| update.set(&[(url::STATION, Some(id))], true))
    };
    let on_close = {
        let update = update.clone();
        Callback::new(move |()| update.set(&[(url::STATION, None)], true))
    };
    let path = leptos_router::hooks::use_location().pathname;
    let on_view = Callback::new(move |v: MapView| {
        // While "near me" shows its results, the view would give the user's position away; and
        // a move that ends after the user has left the map belongs to no page.
        if !near.is_showing_untracked() && path.get_untracked() == "/" {
            update.set(&[(url::MAP, Some(v.to_string()))], false);
        }
    });
    // When counties load on demand, a view close enough opens the counties in it.
    let on_bounds = Callback::new(move |(view, zoom): (BBox, f64)| {
        bounds.set(Some(view));
        let bounds = view;
        let data = data.get_untracked();
        if !data.on_demand {
            return;
        }
        if let Some(mut counties) = data.summary.counties_to_open(bounds, zoom) {
            // The county in the middle first, on its own, so it is drawn without waiting for
            // the others in view; they are fetched once it is in.
            let rest = counties.split_off(counties.len().min(1));
            store.want_in_turn(vec![counties, rest]);
        }
    });
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= WIDE_PX);

    let close_list = Callback::new(move |()| list_open.set(false));
    // The panels' code is in the station chunk, fetched the first time one opens.
    let panel = {
        move || match (station.get(), near.state()) {
            (Some(id), _) => {
                let data = data.get();
                EitherOf4::A(deferred(move || {
                    (panels.details)(data.clone(), id.clone(), on_close)
                }))
            }
            (None, NearState::Found(result)) => {
                EitherOf4::B(deferred(move || (panels.near)(result.clone())))
            }
            _ if list_open.get() => EitherOf4::C(deferred(move || {
                (panels.list)(data, bounds.into(), want.into(), on_select, close_list)
            })),
            _ => EitherOf4::D(()),
        }
    };

    view! {
        <StationMap
            data
            selected=station
            on_select
            show_villages
            want
            shade
            label=move_tr!("map-label")
            view
            area
            near=near_focus
            on_view
            on_bounds
            on_moving=Callback::new(move |moving| store.set_moving(moving))
        />
        <Legend open=wide />
        <div class="panel-slot">{panel}</div>
    }
}

/// A switch on the map's toolbar: a checkbox in a pill, its label and an optional hint.
#[component]
fn Toggle(
    on: RwSignal<bool>,
    testid: &'static str,
    label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || on.get()
                on:change=move |ev| on.set(event_target_checked(&ev))
            />
            <span>
                <span class="toggle-label">{label}</span>
                {hint.map(|h| view! { <span class="toggle-hint">{h}</span> })}
            </span>
        </label>
    }
}

/// The village frequency layer's four colours, beside the options button while the layer is on,
/// so that its legend is in view on a phone too (the full legend is folded there).
#[component]
fn FrequencyLegend() -> impl IntoView {
    let items = crate::map::style::FREQUENCIES
        .iter()
        .map(|&f| {
            view! {
                <li>
                    <span class="swatch round" style:background=crate::map::style::frequency_color(f)></span>
                    {move || i18n::frequency(f)}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="shade-legend" data-testid="frequency-legend">
            {items}
        </ul>
    }
}

/// "Colour counties by": none, or one of the shares; kept in the URL so the view can be shared.
#[component]
fn ShadeChoice(shade: Signal<Option<Share>>, update: crate::url::QueryUpdate) -> impl IntoView {
    let options = Share::ALL
        .iter()
        .map(|&s| {
            view! {
                <option value=s.as_str() selected=move || shade.get() == Some(s)>
                    {move || i18n::share(s)}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="shade">
            <span class="toggle-label">{move_tr!("shade-label")}</span>
            <select
                data-testid="layer-share"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update.set(&[(url::SHADE, (!v.is_empty()).then_some(v))], false);
                }
            >
                <option value="" selected=move || shade.get().is_none()>
                    {move_tr!("shade-off")}
                </option>
                {options}
            </select>
        </label>
    }
}

/// The five classes of the share the counties are coloured by, beside the options button (so
/// that it stays in view while the options are closed).
#[component]
fn ShadeLegend(shade: Signal<Option<Share>>) -> impl IntoView {
    move || {
        shade.get().map(|_| {
            let mut lower = 0.0;
            let steps = crate::map::style::SHARE_CLASSES
                .iter()
                .map(|&(upper, colour)| {
                    let label = format!("{lower:.0}–{upper:.0} %");
                    lower = upper;
                    view! {
                        <li>
                            <span class="swatch" style:background=colour></span>
                            {label}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="shade-legend" data-testid="shade-legend">
                    {steps}
                    <li>
                        <span class="swatch" style:background=crate::map::style::SHARE_NONE></span>
                        {move_tr!("shade-none-figure")}
                    </li>
                </ul>
            }
        })
    }
}
