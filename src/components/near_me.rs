//! The "near me" button, what it says while locating or when it cannot help, and the panel of
//! results: the village the user stands in with the point serving it, then the nearest points
//! open for business, with distances. When there is no result, the message says why and the
//! focus goes to the search box, the other way to find one's point.

use crate::components::want::want_text;
use crate::components::{NearRow, SheetHandle};
use crate::i18n::text;
use crate::near::{use_near_me, NearFailure, NearResult, NearState};
use crate::store::use_store;
use crate::{move_tr, tr};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn NearMeButton(
    /// The id of the search box that takes the focus when there is no result.
    #[prop(into)]
    search_id: String,
) -> impl IntoView {
    let near = use_near_me();
    let store = use_store();
    let update = crate::url::use_query_update();
    let want = crate::url::use_want();
    let locating = move || near.state() == NearState::Locating;
    // A failure moves the focus to the search — when it happens, not when the page is shown
    // again with the message still there.
    Effect::new(move |was_failed: Option<bool>| {
        let failed = matches!(near.state(), NearState::Failed(_));
        if failed && was_failed == Some(false) {
            if let Some(el) = document().get_element_by_id(&search_id) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
        failed
    });
    view! {
        <button
            type="button"
            class="button near-button"
            data-testid="near-me"
            aria-busy=move || locating().to_string()
            disabled=move || store.data().is_none()
            on:click=move |_| {
                if store.data_untracked().is_some() {
                    update.set(&[(crate::url::STATION, None)], true);
                    near.locate(store, want.get_untracked());
                }
            }
        >
            <svg class="icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
                <circle cx="10" cy="10" r="4" fill="currentColor"></circle>
                <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2"></circle>
            </svg>
            <span>{move_tr!("near-me")}</span>
        </button>
    }
}

/// While locating, or when there is no result: one line under the search box.
#[component]
pub fn NearMessage() -> impl IntoView {
    let near = use_near_me();
    move || match near.state() {
        NearState::Locating => Some(Either::Left(view! {
            <p class="near-message" role="status" data-testid="near-locating">
                {move_tr!("near-locating")}
            </p>
        })),
        NearState::Failed(failure) => Some(Either::Right(view! {
            <p class="near-message near-failed" role="alert" data-testid="near-message">
                {text(move || match failure {
                    NearFailure::Denied => tr!("near-denied"),
                    NearFailure::Unavailable => tr!("near-unavailable"),
                    NearFailure::Timeout => tr!("near-timeout"),
                    NearFailure::Unsupported => tr!("near-unsupported"),
                    NearFailure::Outside => tr!("near-outside"),
                    NearFailure::NotLoaded => tr!("near-not-loaded"),
                    NearFailure::CodeNotLoaded => tr!("near-code-failed"),
                })}
                " "
                <button type="button" class="link-button" on:click=move |_| near.clear()>
                    {move_tr!("details-close")}
                </button>
            </p>
        })),
        _ => None,
    }
}

/// The results, as a panel over the map.
#[component]
pub fn NearPanel(result: Box<NearResult>) -> impl IntoView {
    let near = use_near_me();
    let NearResult {
        village,
        nearest,
        want,
        centre,
        ..
    } = *result;
    let what = want_text(&want);
    let village = village.map(|(village, km, serving)| {
        let name = village.name.clone();
        // The village's page answers for the same brand.
        let village_link = crate::url::href(
            &format!("/village/{}", village.code),
            &crate::url::want_params(&want),
        );
        let serving = serving.map(|s| {
            let link = format!("/station/{}", crate::url::encode_segment(&s.id));
            view! {
                <p class="muted">{move_tr!("near-served-by")}</p>
                <a
                    href=link
                    class="card-link"
                    data-testid="near-serving"
                    data-station=s.id.clone()
                >
                    {s.name.clone()}
                </a>
            }
        });
        let distance = crate::i18n::km(km);
        view! {
            <div class="card" data-testid="near-village">
                <p class="muted">{move_tr!("near-in-village", { "km" => distance.clone() })}</p>
                <a href=village_link class="card-link card-title">
                    {name}
                </a>
                {serving}
            </div>
        }
    });
    view! {
        <aside class="panel sheet" data-testid="near-panel" aria-labelledby="near-title">
            <SheetHandle />
            <section class="details">
                <header class="details-head">
                    <div class="details-title">
                        <h2 id="near-title" data-testid="near-title">
                            {text(move || {
                                if what.is_empty() {
                                    tr!("near-title")
                                } else {
                                    tr!("near-title-want", { "what" => what.clone() })
                                }
                            })}
                        </h2>
                    </div>
                    <button
                        type="button"
                        class="button close"
                        data-testid="near-close"
                        on:click=move |_| near.clear()
                    >
                        {move_tr!("details-close")}
                    </button>
                </header>
                {village}
                <ul class="near-list" data-testid="near-list">
                    {nearest
                        .into_iter()
                        .map(|(station, km)| view! { <NearRow station km /> })
                        .collect_view()}
                </ul>
                {centre.map(|(station, km)| view! { <CentreWay station km want=want.clone() /> })}
                <p class="muted small">{move_tr!("near-privacy")}</p>
            </section>
        </aside>
    }
}

/// When no point within `nearest::NEARBY_KM` is what the resident wants: the county centre,
/// where parcels of every brand are sorted, and the way there (shared by "near me" and a
/// village's page).
#[component]
pub fn CentreWay(
    station: cundi_core::Station,
    km: f64,
    want: cundi_core::brand::Want,
) -> impl IntoView {
    let what = want_text(&want);
    let listed = want.accepts(&station);
    let nearby = crate::i18n::km(cundi_core::nearest::NEARBY_KM);
    let what_unlisted = what.clone();
    let (id, name, lon, lat) = (
        station.id.clone(),
        station.name.clone(),
        station.lon,
        station.lat,
    );
    view! {
        <div class="card" data-testid="near-centre" data-station=id>
            <p>{text(move || tr!("near-none-wanted", { "what" => what.clone(), "km" => nearby.clone() }))}</p>
            <ul class="near-list">
                <NearRow station km />
            </ul>
            <crate::components::Directions name lon lat />
            {(!listed).then(|| view! {
                <p class="muted" data-testid="centre-unlisted">
                    {text(move || tr!("centre-unlisted", { "what" => what_unlisted.clone() }))}
                </p>
            })}
        </div>
    }
}
