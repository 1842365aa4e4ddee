//! "Which point takes my parcel": the choice of an express brand and a service, kept in the URL
//! (`brand=`, `service=`), so that a reload or a shared link answers for the same brand. The map,
//! its list, "near me", a village's page and the area figures read it with `url::use_want`.

use crate::i18n;
use crate::move_tr;
use crate::url::{self, use_query_update, use_want};
use cundi_core::brand::Want;
use cundi_core::Service;
use leptos::prelude::*;

/// The words for what is wanted: "中通", "寄件" or "中通 · 寄件"; empty for nothing in particular.
pub fn want_text(want: &Want) -> String {
    let service = want.service.map(i18n::service);
    match (want.brand(), service) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(b), None) => b.to_string(),
        (None, Some(s)) => s,
        (None, None) => String::new(),
    }
}

/// Two choices, a brand (of those `brands` the loaded stations list) and a service.
#[component]
pub fn WantChoice(
    /// The brands to offer, most listed first.
    #[prop(into)]
    brands: Signal<Vec<String>>,
) -> impl IntoView {
    let want = use_want();
    let update = use_query_update();
    let brand_options = move || {
        let chosen = want.with(|w| w.brand().map(str::to_string));
        let mut list = brands.get();
        // A brand named in a link but listed by no station loaded is still shown as chosen.
        if let Some(b) = &chosen {
            if !list.contains(b) {
                list.push(b.clone());
            }
        }
        list.into_iter()
            .map(|b| {
                let selected = chosen.as_deref() == Some(b.as_str());
                view! { <option value=b.clone() selected=selected>{b.clone()}</option> }
            })
            .collect_view()
    };
    let service_options = Service::ALL
        .iter()
        .map(|&s| {
            view! {
                <option value=s.as_str() selected=move || want.with(|w| w.service == Some(s))>
                    {move || i18n::service(s)}
                </option>
            }
        })
        .collect_view();
    let set = {
        let update = update.clone();
        move |key: &'static str, value: String| {
            update.set(&[(key, (!value.is_empty()).then_some(value))], false)
        }
    };
    let set_brand = set.clone();
    view! {
        <div class="want" data-testid="want">
            <label class="shade">
                <span class="toggle-label">{move_tr!("want-brand-label")}</span>
                <select
                    data-testid="want-brand"
                    on:change=move |ev| set_brand(url::BRAND, event_target_value(&ev))
                >
                    <option value="" selected=move || want.with(|w| w.brand().is_none())>
                        {move_tr!("want-brand-any")}
                    </option>
                    {brand_options}
                </select>
            </label>
            <label class="shade">
                <span class="toggle-label">{move_tr!("want-service-label")}</span>
                <select
                    data-testid="want-service"
                    on:change=move |ev| set(url::SERVICE, event_target_value(&ev))
                >
                    <option value="" selected=move || want.with(|w| w.service.is_none())>
                        {move_tr!("want-service-any")}
                    </option>
                    {service_options}
                </select>
            </label>
        </div>
    }
}
