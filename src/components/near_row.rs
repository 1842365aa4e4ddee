//! One nearby service point in a list: its name (a link to its page; in English with its
//! reading), how far it is, its tier.

use crate::i18n::{self, text};
use cundi_core::Station;
use leptos::prelude::*;

/// One nearby point: name, distance and tier, the whole row a link to its page (a big target).
#[component]
pub fn NearRow(station: Station, km: f64) -> impl IntoView {
    let tier = station.tier;
    let link = format!("/station/{}", crate::url::encode_segment(&station.id));
    view! {
        <li data-station=station.id.clone()>
            <a href=link class="near-row">
                <span class="near-name">
                    {station.name.clone()}
                    <crate::components::Reading key=station.id.clone() />
                </span>
                <span class="near-km" data-testid="near-km">
                    {text(move || i18n::km(km))}
                </span>
                <span class="near-tier">{text(move || i18n::tier(tier))}</span>
            </a>
        </li>
    }
}
