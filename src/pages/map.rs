//! `/`: the map of every station, the village frequency layer, the legend, and the details of the
//! station named by `?station=ID` (so a link reopens it).

use crate::components::{with_data, Legend, ServedVillage, StationDetails};
use crate::map::StationMap;
use crate::store::Data;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::query_signal;
use std::sync::Arc;

/// Screens at least this wide show the legend open and the details as a side panel.
const WIDE_PX: f64 = 720.0;

#[component]
pub fn MapPage() -> impl IntoView {
    with_data(|data| view! { <MapView data /> })
}

#[component]
fn MapView(data: Arc<Data>) -> impl IntoView {
    let (station, set_station) = query_signal::<String>("station");
    let show_villages = RwSignal::new(false);
    let on_select = Callback::new(move |id: String| set_station.set(Some(id)));
    let on_close = Callback::new(move |()| set_station.set(None));
    let count = data.stations().count();
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= WIDE_PX);

    let panel = {
        let data = data.clone();
        move || {
            station
                .get()
                .map(|id| view! { <DetailsPanel data=data.clone() id on_close /> })
        }
    };

    view! {
        <div class="map-page">
            <StationMap
                data=data.clone()
                selected=station
                on_select
                show_villages
                label=move_tr!("map-label")
            />
            <div class="map-toolbar">
                <label class="toggle">
                    <input
                        type="checkbox"
                        data-testid="layer-frequency"
                        prop:checked=move || show_villages.get()
                        on:change=move |ev| show_villages.set(event_target_checked(&ev))
                    />
                    <span>
                        <span class="toggle-label">{move_tr!("layer-frequency")}</span>
                        <span class="toggle-hint">{move_tr!("layer-frequency-hint")}</span>
                    </span>
                </label>
                <span class="count" data-testid="station-count">
                    {move_tr!("map-stations-count", { "n" => count })}
                </span>
            </div>
            <Legend open=wide />
            {panel}
        </div>
    }
}

/// The details of the station with this id, or a note that there is none.
#[component]
fn DetailsPanel(data: Arc<Data>, id: String, on_close: Callback<()>) -> impl IntoView {
    let content = match data.station(&id) {
        Some(station) => {
            let served = data
                .dataset
                .villages_served_by(&id)
                .into_iter()
                .map(|v| ServedVillage {
                    village: v.clone(),
                    frequency: data.frequency(v),
                })
                .collect();
            let area = data.area_names(&station.admin_code);
            Either::Left(view! { <StationDetails station=station.clone() area served on_close /> })
        }
        None => Either::Right(view! {
            <div class="details" data-testid="station-missing" role="alert">
                <p>{move_tr!("station-not-found", { "id" => id.clone() })}</p>
                <button type="button" class="button close" on:click=move |_| on_close.run(())>
                    {move_tr!("details-close")}
                </button>
            </div>
        }),
    };
    view! { <aside class="panel">{content}</aside> }
}
