//! "Share this page": a link to the station, village or area on screen, handed to the phone's
//! own share sheet where there is one (the Web Share API: WeChat, the system browser), else put
//! on the clipboard. The page's address holds no personal data (`url`), and its title names what
//! it shows (`page_title`), so the link says what it is (issue 24, point 12).

use crate::move_tr;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ShareLink(
    /// What the link shows, for the share sheet: the station's or the area's name.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let on_click = move |_| {
        let url = window().location().href().unwrap_or_default();
        let title = title.clone();
        leptos::task::spawn_local(async move {
            if !share_sheet(&title, &url).await {
                copied.set(Some(crate::download::copy_text(&url).await));
            }
        });
    };
    view! {
        <span class="share-link">
            <button type="button" class="button" data-testid="share-link" on:click=on_click>
                {move_tr!("share-link")}
            </button>
            <span role="status" data-testid="share-link-status">
                {move || match copied.get() {
                    Some(true) => move_tr!("share-link-copied").into_any(),
                    Some(false) => move_tr!("share-link-failed").into_any(),
                    None => ().into_any(),
                }}
            </span>
        </span>
    }
}

/// The phone's share sheet (`navigator.share`), reached through `Reflect`; whether it was shown.
/// A user who closes the sheet has still been offered it.
async fn share_sheet(title: &str, url: &str) -> bool {
    use js_sys::{Function, Object, Promise, Reflect};
    let navigator = window().navigator();
    let Some(share) = Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    match share
        .call1(&navigator, &data)
        .map(|p| p.dyn_into::<Promise>())
    {
        Ok(Ok(p)) => {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            true
        }
        _ => false,
    }
}
