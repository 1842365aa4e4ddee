//! "Which point takes my parcel": the choice of an express brand and a service, kept in the URL
//! (`brand=`, `service=`), so that a reload or a shared link answers for the same brand. The map,
//! its list, "near me", a village's page and the area figures read it with `url::use_want`.

use crate::i18n;
use crate::url::{self, use_query_update, use_want};
use crate::{move_tr, tr};
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

/// Two choices, a brand (of those `brands` the loaded stations list, most listed first) and a
/// service.
#[component]
pub fn WantChoice(brands: Vec<String>) -> impl IntoView {
    let want = use_want();
    let update = use_query_update();
    // Both lists in one closure each, with the chosen option marked: one piece of view code
    // for every option.
    let brand_options = move || {
        let chosen = want.with(|w| w.brand().map(str::to_string));
        let mut list = brands.clone();
        // A brand named in a link but listed by no station loaded is still shown as chosen.
        if let Some(b) = chosen.as_ref().filter(|b| !list.contains(b)) {
            list.push(b.clone());
        }
        let any = (String::new(), tr!("want-brand-any"));
        std::iter::once(any)
            .chain(list.into_iter().map(|b| (b.clone(), b)))
            .map(|(value, label)| option(chosen.as_deref().unwrap_or("") == value, value, label))
            .collect_view()
    };
    let service_options = move || {
        let chosen = want.with(|w| w.service);
        std::iter::once((None, tr!("want-service-any")))
            .chain(Service::ALL.iter().map(|&s| (Some(s), i18n::service(s))))
            .map(|(s, label)| {
                let value = s.map_or("", |s| s.as_str()).to_string();
                option(chosen == s, value, label)
            })
            .collect_view()
    };
    let set = move |key: &'static str, value: String| {
        update.set(&[(key, (!value.is_empty()).then_some(value))], false)
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
                    {brand_options}
                </select>
            </label>
            <label class="shade">
                <span class="toggle-label">{move_tr!("want-service-label")}</span>
                <select
                    data-testid="want-service"
                    on:change=move |ev| set(url::SERVICE, event_target_value(&ev))
                >
                    {service_options}
                </select>
            </label>
        </div>
    }
}

fn option(selected: bool, value: String, label: String) -> impl IntoView {
    view! { <option value=value selected=selected>{label}</option> }
}
