//! What a page shows while the data loads, and when a file fails: the file's name, what went
//! wrong, in the current language, and a Retry button.

use crate::i18n::text;
use crate::store::{use_store, Data, LoadError, LoadFailure, LoadState};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use std::sync::Arc;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="loading" data-testid="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span>{move_tr!("loading")}</span>
        </div>
    }
}

#[component]
pub fn LoadErrorView(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    let file = error.file.clone();
    let failure = error.failure.clone();
    let reason = text(move || match &failure {
        LoadFailure::Http(status) => tr!("load-error-http", { "status" => *status }),
        LoadFailure::Network(detail) => tr!("load-error-network", { "detail" => detail.clone() }),
        LoadFailure::Parse(detail) => tr!("load-error-parse", { "detail" => detail.clone() }),
    });
    view! {
        <div class="load-error" data-testid="load-error" role="alert">
            <h2>{move_tr!("load-error-title")}</h2>
            <p class="load-error-file">
                {
                    let file = file.clone();
                    move_tr!("load-error-file", { "file" => file.clone() })
                }
            </p>
            <p class="load-error-reason" data-testid="load-error-reason">
                {reason}
            </p>
            <p class="muted">{move_tr!("load-error-hint")}</p>
            <button
                type="button"
                class="button primary"
                data-testid="retry"
                on:click=move |_| on_retry.run(())
            >
                {move_tr!("retry")}
            </button>
        </div>
    }
}

/// Shows `view` with the loaded data; while loading, a spinner; on failure, the error and Retry.
pub fn with_data<V>(view: impl Fn(Arc<Data>) -> V + Send + Sync + 'static) -> impl IntoView
where
    V: IntoView + 'static,
{
    let store = use_store();
    move || match store.state() {
        LoadState::Loading => EitherOf3::A(view! { <Loading /> }),
        LoadState::Failed(error) => {
            let on_retry = Callback::new(move |()| store.reload());
            EitherOf3::B(view! { <LoadErrorView error on_retry /> })
        }
        LoadState::Ready(data) => EitherOf3::C(view(data)),
    }
}
