//! `/village/:code`: how one village is served — the point that serves it and how far it is, how
//! often parcels come and go against the once-a-day standard, how they reach the villagers, and
//! the nearest other points open for business.

use crate::components::open_state::days_text;
use crate::components::{
    plain_fields, with_data, AreaPath, Directions, Missing, NearRow, NotFoundView, OpenState,
    SearchBox,
};
use crate::i18n::{self, text};
use crate::store::Data;
use crate::{move_tr, tr};
use cundi_core::nearest::serving_point;
use cundi_core::{Frequency, Station, Village, DAILY_DELIVERIES_PER_WEEK};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// How many other points the page lists.
const ALTERNATIVES: usize = 3;

#[component]
pub fn VillagePage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code")).unwrap_or_default());
    with_data(move |data| {
        let code = code.get();
        crate::pages::scroll_to_top();
        if let Some(village) = data.dataset().village(&code).cloned() {
            return Either::Left(view! { <VillageView data village /> });
        }
        let county = cundi_core::Code::parse(&code).ok().and_then(|c| c.county());
        match crate::pages::awaiting_county(&data, county) {
            Some(wait) => Either::Right(wait),
            None => {
                Either::Right(view! { <NotFoundView what=Missing::Village(code) /> }.into_any())
            }
        }
    })
}

#[component]
fn VillageView(data: Arc<Data>, village: Village) -> impl IntoView {
    let frequency = data.frequency(&village);
    let serving =
        serving_point(data.dataset(), village.code.as_str()).map(|s| (s.station.clone(), s.km));
    let alternatives: Vec<(Station, f64)> = data
        .near()
        .alternatives(data.dataset(), village.code.as_str(), ALTERNATIVES)
        .into_iter()
        .map(|n| (data.dataset().stations[n.station].clone(), n.km))
        .collect();
    let mut path = data.area_path(&village.township_code);
    if path.is_empty() {
        path = data.area_path(&village.code);
    }
    let kind = village.kind;
    let population = village.population;
    let per_week = village.deliveries_per_week;
    let pickups = village.pickups_per_week;
    let mode = village.delivery_mode;
    let days = village.delivery_days.clone();
    // Every plain column but those the page shows with a rule of its own.
    let plain = plain_fields(&village, &["served_by", "delivery_days", "updated"]);
    let named = village.served_by.clone();
    // The complaint form opens about this village and, when one serves it, its point.
    let complaint = crate::url::href(
        "/complaint",
        &[
            ("village", Some(village.code.to_string())),
            (
                crate::url::STATION,
                serving.as_ref().map(|(s, _)| s.id.clone()),
            ),
        ],
    );
    let on_map = village.lon.zip(village.lat).map(|(lon, lat)| {
        let view = crate::url::MapView {
            zoom: 15.0,
            lat,
            lon,
        };
        crate::url::href("/", &[(crate::url::MAP, Some(view.to_string()))])
    });

    let serving_view = match serving {
        Some((station, km)) => Either::Left(view! { <ServingPoint station km /> }),
        None => Either::Right(view! {
            <p class="muted" data-testid="serving-none">
                {text(move || match &named {
                    Some(id) => tr!("serving-missing", { "id" => id.clone() }),
                    None => tr!("serving-none"),
                })}
            </p>
        }),
    };

    view! {
        <article class="page entity" data-testid="village-page" aria-labelledby="entity-name">
            <SearchBox id="page-search" />
            <AreaPath path />
            <p class="kicker">
                {text(move || {
                    let mut s = i18n::village_kind(kind);
                    if let Some(p) = population {
                        s.push_str(" · ");
                        s.push_str(&tr!("population", { "n" => p }));
                    }
                    s
                })}
            </p>
            <h1 id="entity-name">{village.name.clone()}</h1>
            <p class=format!("badge freq freq-{}", frequency_class(frequency)) data-testid="frequency">
                {text(move || i18n::frequency(frequency))}
            </p>
            {on_map
                .map(|href| {
                    view! {
                        <p class="page-link">
                            <a href=href>{move_tr!("show-on-map")}</a>
                        </p>
                    }
                })}

            <section aria-labelledby="serving-title">
                <h2 id="serving-title">{move_tr!("serving-title")}</h2>
                {serving_view}
            </section>

            <section aria-labelledby="service-title">
                <h2 id="service-title">{move_tr!("service-title")}</h2>
                <dl class="fields">
                    <dt>{move_tr!("field-deliveries")}</dt>
                    <dd data-testid="deliveries">
                        <PerWeek n=per_week />
                    </dd>
                    <dt>{move_tr!("field-pickups")}</dt>
                    <dd data-testid="pickups">
                        <PerWeek n=pickups />
                    </dd>
                    <dt>{move_tr!("column-delivery_days")}</dt>
                    <dd>
                        {text(move || {
                            days.as_deref().map(days_text).unwrap_or_else(|| tr!("value-unknown"))
                        })}
                    </dd>
                    <dt>{move_tr!("field-delivery-mode")}</dt>
                    <dd>
                        {text(move || mode.map(i18n::delivery_mode).unwrap_or_else(|| tr!("value-unknown")))}
                    </dd>
                    <dt>{move_tr!("column-updated")}</dt>
                    <dd>
                        {village
                            .updated
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| tr!("value-unknown"))}
                    </dd>
                    {plain}
                    <dt>{move_tr!("field-code")}</dt>
                    <dd>
                        <code>{village.code.to_string()}</code>
                    </dd>
                </dl>
                <p class="muted">
                    {move_tr!("standard-note", { "n" => DAILY_DELIVERIES_PER_WEEK })}
                </p>
            </section>

            <section aria-labelledby="alternatives-title">
                <h2 id="alternatives-title">{move_tr!("alternatives-title")}</h2>
                {alternatives.is_empty().then(|| view! { <p class="muted">{move_tr!("alternatives-none")}</p> })}
                <ul class="near-list" data-testid="alternatives">
                    {alternatives
                        .into_iter()
                        .map(|(station, km)| view! { <NearRow station km /> })
                        .collect_view()}
                </ul>
            </section>

            <section class="complain" aria-labelledby="complain-title">
                <h2 id="complain-title">{move_tr!("complain-title")}</h2>
                <p>{move_tr!("complain-intro")}</p>
                <a href=complaint class="button" data-testid="complain-link">
                    {move_tr!("complain-village-link")}
                </a>
            </section>
        </article>
    }
}

fn frequency_class(f: Frequency) -> &'static str {
    match f {
        Frequency::Daily => "daily",
        Frequency::BelowDaily => "below",
        Frequency::Unserved => "unserved",
        Frequency::Unknown => "unknown",
    }
}

/// "14 a week — meets the once-a-day standard", or "3 a week — below it".
#[component]
fn PerWeek(n: Option<u8>) -> impl IntoView {
    let meets = n.map(|n| n >= DAILY_DELIVERIES_PER_WEEK);
    let class = match meets {
        Some(true) => "served-std meets",
        Some(false) => "served-std below",
        None => "served-std",
    };
    view! {
        <span>
            {text(move || match n {
                Some(n) => tr!("served-per-week", { "n" => n }),
                None => tr!("value-unknown"),
            })}
        </span>
        {meets
            .map(|m| {
                view! {
                    " "
                    <span class=class>
                        {text(move || if m { tr!("std-meets") } else { tr!("std-below") })}
                    </span>
                }
            })}
    }
}

/// The point serving the village: name, tier, status, open now, distance.
#[component]
fn ServingPoint(station: Station, km: Option<f64>) -> impl IntoView {
    let tier = station.tier;
    let link = format!("/station/{}", crate::url::encode_segment(&station.id));
    view! {
        <div class="card" data-testid="serving-point">
            <a class="card-link card-title" href=link>
                {station.name.clone()}
            </a>
            <p class="muted">
                {text(move || {
                    let mut s = i18n::tier(tier);
                    if let Some(km) = km {
                        s.push_str(" · ");
                        s.push_str(&tr!("distance-from-village", { "km" => i18n::km(km) }));
                    }
                    s
                })}
            </p>
            <OpenState status=station.status hours=station.hours.clone() />
            <Directions name=station.name.clone() lon=station.lon lat=station.lat />
        </div>
    }
}
