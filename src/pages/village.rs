//! `/village/:code`: how one village is served — the point that serves it and how far it is, how
//! often parcels come and go against the once-a-day standard, how they reach the villagers, and
//! the nearest other points open for business.

use crate::components::near_me::CentreWay;
use crate::components::open_state::days_text;
use crate::components::want::{want_text, WantChoice};
use crate::components::{
    plain_fields, with_data, AreaPath, Directions, Missing, NearRow, NotFoundView, OpenState,
    SearchBox,
};
use crate::i18n::{self, text};
use crate::store::Data;
use crate::{move_tr, tr};
use cundi_core::brand::Want;
use cundi_core::nearest::{serving_point, Near, NEARBY_KM};
use cundi_core::{Station, Village, DAILY_DELIVERIES_PER_WEEK};
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
    let want = crate::url::use_want();
    // A new village starts at the top; another brand chosen on the page stays where it is.
    let shown = StoredValue::new(String::new());
    with_data(move |data| {
        let code = code.get();
        let want = want.get();
        if shown.get_value() != code {
            shown.set_value(code.clone());
            crate::pages::scroll_to_top();
        }
        if let Some(village) = data.dataset().village(&code).cloned() {
            return Either::Left(view! { <VillageView data village want /> });
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
fn VillageView(data: Arc<Data>, village: Village, want: Want) -> impl IntoView {
    let frequency = data.frequency(&village);
    let serving =
        serving_point(data.dataset(), village.code.as_str()).map(|s| (s.station.clone(), s.km));
    let ds = data.dataset();
    let station = |n: Near| (ds.stations[n.station].clone(), n.km);
    let alternatives: Vec<(Station, f64)> = data
        .near()
        .alternatives(ds, village.code.as_str(), ALTERNATIVES, &want)
        .into_iter()
        .map(station)
        .collect();
    // For a brand or service: does the serving point handle it, and if no point nearby does,
    // the way to the county centre.
    let serving_wanted = serving.as_ref().is_some_and(|(s, km)| {
        want.accepts(s) && s.is_operating() && km.is_none_or(|km| km <= NEARBY_KM)
    });
    let none_near = alternatives.first().is_none_or(|(_, km)| *km > NEARBY_KM);
    let centre = match (village.lon, village.lat) {
        (Some(lon), Some(lat)) if !want.is_any() && !serving_wanted && none_near => data
            .near()
            .county_centre(lon, lat)
            .map(station)
            .filter(|(c, _)| !alternatives.iter().any(|(s, _)| s.id == c.id)),
        _ => None,
    };
    let what = want_text(&want);
    let brands: Vec<String> = cundi_core::brand::brands(
        village
            .township_code
            .county()
            .map_or_else(Vec::new, |county| {
                ds.stations
                    .iter()
                    .filter(|s| s.county_code() == Some(county.clone()))
                    .collect()
            }),
    )
    .into_iter()
    .map(|(b, _)| b)
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

    let what_title = what.clone();
    let serving_view = match serving {
        Some((station, km)) => {
            let unlisted = (!want.is_any() && !want.accepts(&station)).then(|| {
                let what = what.clone();
                view! {
                    <p class="muted" data-testid="serving-not-wanted">
                        {text(move || tr!("serving-not-wanted", { "what" => what.clone() }))}
                    </p>
                }
            });
            Either::Left(view! { <ServingPoint station km /> {unlisted} })
        }
        None => Either::Right(view! {
            <p class="muted" data-testid="serving-none">
                {text(move || match &named {
                    Some(id) => tr!("serving-missing", { "id" => id.clone() }),
                    None => tr!("serving-none"),
                })}
            </p>
        }),
    };

    let title = match path.last() {
        Some((_, township)) => format!("{} · {township}", village.name),
        None => village.name.clone(),
    };
    crate::components::page_title(move || title.clone());
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
            <h1 id="entity-name">
                {village.name.clone()}
                <crate::components::Reading key=village.code.to_string() />
            </h1>
            <crate::components::ShareLink title=village.name.clone() />
            <p class=format!("badge freq freq-{}", frequency.as_str()) data-testid="frequency">
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
                <h2 id="alternatives-title">
                    {text(move || {
                        if what_title.is_empty() {
                            tr!("alternatives-title")
                        } else {
                            tr!("alternatives-title-want", { "what" => what_title.clone() })
                        }
                    })}
                </h2>
                <WantChoice brands />
                // With a brand chosen and the county centre shown, that card says why.
                {(alternatives.is_empty() && centre.is_none())
                    .then(|| view! { <p class="muted">{move_tr!("alternatives-none")}</p> })}
                <ul class="near-list" data-testid="alternatives">
                    {alternatives
                        .into_iter()
                        .map(|(station, km)| view! { <NearRow station km /> })
                        .collect_view()}
                </ul>
                {centre.map(|(station, km)| view! { <CentreWay station km want=want.clone() /> })}
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
