//! `/station/:id`: one service point, for the resident who needs it — whether it is open now,
//! what collecting a parcel costs, how to get there, how to call, the villages it serves and how
//! to complain about it — followed by everything else published about it.

use crate::components::{
    served_villages, AreaPath, Directions, OpenState, SearchBox, ServedList, StationFields,
};
use crate::i18n::{self, text};
use crate::move_tr;
use crate::store::Data;
use crate::url::{self, href};
use cundi_core::Station;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn StationPage() -> impl IntoView {
    crate::pages::station_route(|data, station| view! { <StationView data station /> })
}

#[component]
fn StationView(data: Arc<Data>, station: Station) -> impl IntoView {
    let served = served_villages(&data, &station.id);
    let area = data.area_names(&station.admin_code);
    let path = data.area_path(&station.admin_code);
    let (tier, status, fee) = (station.tier, station.status, station.pickup_fee);
    let complaint = href("/complaint", &[(url::STATION, Some(station.id.clone()))]);
    let on_map = href("/", &[(url::STATION, Some(station.id.clone()))]);
    // For whoever runs the station: the sheet for its wall, with the same facts and routes.
    let notice = format!("/station/{}/notice", url::encode_segment(&station.id));
    let fee_class = match fee {
        Some(f) if f > 0.0 => "fee fee-charged",
        Some(_) => "fee fee-free",
        None => "fee",
    };
    let name = station.name.clone();
    crate::components::page_title(move || name.clone());
    view! {
        <article class="page entity" data-testid="station-page" aria-labelledby="entity-name">
            <SearchBox id="page-search" />
            <AreaPath path />
            <p class="kicker">{text(move || i18n::tier(tier))}</p>
            <h1 id="entity-name">
                {station.name.clone()}
                <crate::components::Reading key=station.id.clone() />
            </h1>
            <div class="entity-status">
                <span class=format!("badge status-{}", status.as_str()) data-testid="status">
                    {text(move || i18n::status(status))}
                </span>
                <OpenState status hours=station.hours.clone() />
            </div>
            <p class=fee_class data-testid="pickup-fee">
                {text(move || i18n::pickup_fee(fee))}
            </p>
            <p class="phone" data-testid="phone">
                {move_tr!("phone-label")}
                {match station.phone.clone() {
                    Some(phone) => {
                        let href = url::tel_href(&phone);
                        Either::Left(
                            view! {
                                <a href=href class="button">
                                    {phone}
                                </a>
                            },
                        )
                    }
                    None => Either::Right(move_tr!("value-unknown")),
                }}
            </p>

            <section aria-labelledby="directions-title">
                <h2 id="directions-title">{move_tr!("directions-title")}</h2>
                {station.address.clone().map(|a| view! { <p class="address">{a}</p> })}
                <Directions name=station.name.clone() lon=station.lon lat=station.lat />
                <p class="page-link">
                    <a href=on_map>{move_tr!("show-on-map")}</a>
                </p>
                // Below what the frame painted before the wasm (its name, status and fee), so
                // that nothing it painted moves when the page takes over.
                <crate::components::ShareLink title=station.name.clone() />
            </section>

            <section aria-labelledby="details-title">
                <h2 id="details-title">{move_tr!("station-details-title")}</h2>
                <StationFields station=station.clone() area />
            </section>

            <section class="served-section">
                <ServedList served page=true />
            </section>

            <section class="complain" aria-labelledby="complain-title">
                <h2 id="complain-title">{move_tr!("complain-title")}</h2>
                <p>{move_tr!("complain-intro")}</p>
                <a href=complaint class="button" data-testid="complain-link">
                    {move_tr!("complain-link")}
                </a>
                <p class="page-link">
                    <a href=notice data-testid="notice-link">
                        {move_tr!("notice-link")}
                    </a>
                </p>
            </section>
        </article>
    }
}
