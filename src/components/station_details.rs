//! The details of one station, with the villages it serves: on the map, a side panel on wide
//! screens and a bottom sheet on phones (`DetailsPanel`), linking to the station's own page; the
//! same fields and list make up that page. Every value is rendered as text.

use crate::components::open_state::{days_text, week_text};
use crate::components::{plain_fields, OpenState};
use crate::i18n::{self, text};
use crate::map::style::frequency_color;
use crate::store::Data;
use crate::{move_tr, tr};
use cundi_core::{Frequency, Station, Village};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// A village the station serves, with how often it really gets parcels.
#[derive(Debug, Clone, PartialEq)]
pub struct ServedVillage {
    pub village: Village,
    pub frequency: Frequency,
}

/// The villages the station serves, each with how often it really gets parcels (for the details
/// panel and the station's page alike).
pub fn served_villages(data: &Data, station_id: &str) -> Vec<ServedVillage> {
    data.dataset()
        .villages_served_by(station_id)
        .into_iter()
        .map(|v| ServedVillage {
            village: v.clone(),
            frequency: data.frequency(v),
        })
        .collect()
}

#[component]
pub fn StationDetails(
    station: Station,
    /// The division names it stands in, province first.
    area: Vec<String>,
    served: Vec<ServedVillage>,
    on_close: Callback<()>,
) -> impl IntoView {
    let (tier, status) = (station.tier, station.status);
    let page = format!("/station/{}", crate::url::encode_segment(&station.id));
    let complain = crate::url::href(
        "/complaint",
        &[(crate::url::STATION, Some(station.id.clone()))],
    );
    view! {
        <section
            class="details"
            data-testid="station-details"
            aria-labelledby="station-details-name"
        >
            <header class="details-head">
                <div class="details-title">
                    <p class="details-kicker">{text(move || i18n::tier(tier))}</p>
                    <h2 id="station-details-name">
                        {station.name.clone()}
                        <crate::components::Reading key=station.id.clone() />
                    </h2>
                    <p class=format!("badge status-{}", status.as_str())>
                        {text(move || i18n::status(status))}
                    </p>
                    <OpenState status hours=station.hours.clone() />
                </div>
                <button
                    type="button"
                    class="button close"
                    data-testid="details-close"
                    on:click=move |_| on_close.run(())
                >
                    {move_tr!("details-close")}
                </button>
            </header>
            <p class="details-more">
                <a href=page class="button primary" data-testid="station-page-link">
                    {move_tr!("details-page-link")}
                </a>
                <a href=complain class="button" data-testid="details-complain-link">
                    {move_tr!("complain-link")}
                </a>
            </p>
            <StationFields station area />
            <ServedList served />
        </section>
    }
}

/// The details of the station with this id, or a note that there is none.
#[component]
pub fn DetailsPanel(data: Arc<Data>, id: String, on_close: Callback<()>) -> impl IntoView {
    let content = match data.station(&id) {
        Some(station) => {
            let served = served_villages(&data, &id);
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
    view! {
        <aside class="panel sheet">
            <crate::components::SheetHandle />
            {content}
        </aside>
    }
}

/// Everything published about a station, as a list of labelled values.
#[component]
pub fn StationFields(
    station: Station,
    /// The division names it stands in, province first.
    area: Vec<String>,
) -> impl IntoView {
    let s = station;
    // Every plain column but those shown above with a rule of their own.
    let plain = plain_fields(
        &s,
        &[
            "hours",
            "address",
            "phone",
            "filing_no",
            "standardized",
            "locker",
            "opened",
            "verified",
        ],
    );
    let (model, standardized, locker, pickup_fee) =
        (s.model, s.standardized, s.locker, s.pickup_fee);
    let filing_no = s.filing_no.clone();
    let hours = s.hours.clone();
    let services: Vec<_> = s
        .services
        .iter()
        .map(|&service| text(move || i18n::service(service)))
        .collect();
    let phone_href = s.phone.as_deref().map(crate::url::tel_href);
    view! {
        <dl class="fields" data-testid="station-fields">
            <dt>{move_tr!("field-operator")}</dt>
            <dd>{s.operator}</dd>
            <dt>{move_tr!("field-brands")}</dt>
            <dd>
                <Tags items=s.brands.into_iter().map(Signal::from).collect() />
            </dd>
            <dt>{move_tr!("field-model")}</dt>
            <dd>{or_unknown(move || model.map(i18n::model))}</dd>
            <dt>{move_tr!("field-services")}</dt>
            <dd>
                <Tags items=services />
            </dd>
            <dt>{move_tr!("column-hours")}</dt>
            <dd data-testid="field-hours">{text(move || hours_text(hours.as_deref()))}</dd>
            <dt>{move_tr!("column-address")}</dt>
            <dd>{or_unknown_value(s.address)}</dd>
            <dt>{move_tr!("column-phone")}</dt>
            <dd data-testid="field-phone">
                {phone_href.map(|href| view! { <a href=href class="tel">{s.phone.clone()}</a> })}
                {s.phone.is_none().then(|| move_tr!("value-unknown"))}
            </dd>
            <dt>{move_tr!("column-filing_no")}</dt>
            <dd>{text(move || filing_no.clone().unwrap_or_else(|| tr!("not-filed")))}</dd>
            <dt>{move_tr!("column-standardized")}</dt>
            <dd>{text(move || i18n::yes_no(standardized))}</dd>
            <dt>{move_tr!("column-locker")}</dt>
            <dd>{text(move || i18n::yes_no(locker))}</dd>
            <dt>{move_tr!("field-pickup-fee")}</dt>
            <dd class:warn=pickup_fee.is_some_and(|f| f > 0.0) data-testid="field-pickup-fee">
                {text(move || i18n::pickup_fee(pickup_fee))}
            </dd>
            <dt>{move_tr!("column-opened")}</dt>
            <dd>{or_unknown_value(s.opened.map(|d| d.to_string()))}</dd>
            <dt>{move_tr!("column-verified")}</dt>
            <dd>{or_unknown_value(s.verified.map(|d| d.to_string()))}</dd>
            {plain}
            <dt>{move_tr!("field-area")}</dt>
            <dd>{area.join(" / ")}</dd>
            <dt>{move_tr!("field-coordinates")}</dt>
            <dd>{format!("{:.5}°N {:.5}°E", s.lat, s.lon)}</dd>
            <dt>{move_tr!("field-id")}</dt>
            <dd>
                <code>{s.id}</code>
            </dd>
            {s
                .extra
                .into_iter()
                .map(|(k, v)| {
                    view! {
                        <dt>{k}</dt>
                        <dd>{v}</dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// The villages a station serves, each with how often parcels come and a link to its page.
#[component]
pub fn ServedList(
    served: Vec<ServedVillage>,
    /// A section of a page (an `h2`), rather than of the details panel (an `h3`).
    #[prop(optional)]
    page: bool,
) -> impl IntoView {
    let served_count = served.len();
    let title = move_tr!("served-title", { "n" => served_count });
    view! {
        {page.then(|| view! { <h2>{title}</h2> })}
        {(!page).then(|| view! { <h3>{title}</h3> })}
        {served.is_empty().then(|| view! { <p class="muted">{move_tr!("served-none")}</p> })}
        {(!served.is_empty())
            .then(|| {
                view! {
                    <ul class="served" data-testid="served-villages">
                        {served.into_iter().map(|sv| view! { <ServedRow sv /> }).collect_view()}
                    </ul>
                }
            })}
    }
}

/// The week's hours in words, or the value as published when the core cannot read it. Shared
/// with the printed station notice, so that the page and the sheet on the wall say the same.
pub fn hours_text(hours: Option<&str>) -> String {
    let Some(h) = hours else {
        return tr!("value-unknown");
    };
    cundi_core::hours::Hours::parse(h)
        .ok()
        .and_then(|parsed| week_text(&parsed))
        .unwrap_or_else(|| h.to_string())
}

/// A value that may be unpublished, in the current language.
fn or_unknown(value: impl Fn() -> Option<String> + Send + Sync + 'static) -> Signal<String> {
    text(move || value().unwrap_or_else(|| tr!("value-unknown")))
}

fn or_unknown_value(value: Option<String>) -> Signal<String> {
    or_unknown(move || value.clone())
}

/// A list shown as tags, or "not published" when empty.
#[component]
fn Tags(items: Vec<Signal<String>>) -> impl IntoView {
    let empty = items.is_empty();
    view! {
        {empty.then(|| move_tr!("value-unknown"))}
        {(!empty)
            .then(|| {
                view! {
                    <ul class="tags">
                        {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                    </ul>
                }
            })}
    }
}

#[component]
fn ServedRow(sv: ServedVillage) -> impl IntoView {
    let frequency = sv.frequency;
    let per_week = sv.village.deliveries_per_week;
    let mode = sv.village.delivery_mode;
    let days = sv.village.delivery_days.clone();
    let standard = (frequency != Frequency::Unknown).then(|| {
        let class = if frequency == Frequency::Daily {
            "served-std meets"
        } else {
            "served-std below"
        };
        let label = text(move || match frequency {
            Frequency::Daily => tr!("served-meets"),
            Frequency::BelowDaily => tr!("served-below"),
            _ => i18n::frequency(frequency),
        });
        view! { <span class=class>{label}</span> }
    });
    view! {
        <li data-village=sv.village.code.to_string()>
            <a class="served-row" href=format!("/village/{}", sv.village.code)>
            <svg class="dot" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                <circle cx="6" cy="6" r="5" fill=frequency_color(frequency)></circle>
            </svg>
            <span class="served-name">{sv.village.name}</span>
            <span class="served-freq">
                {text(move || {
                    let mut s = match per_week {
                        Some(n) => tr!("served-per-week", { "n" => n }),
                        None => tr!("served-unknown"),
                    };
                    if let Some(d) = &days {
                        s.push_str(" · ");
                        s.push_str(&days_text(d));
                    }
                    if let Some(m) = mode {
                        s.push_str(" · ");
                        s.push_str(&i18n::delivery_mode(m));
                    }
                    s
                })}
            </span>
            {standard}
            </a>
        </li>
    }
}
