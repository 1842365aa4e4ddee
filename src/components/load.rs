//! What a page shows while the data loads, and when a file fails: the file's name, what went
//! wrong, in the current language, and a Retry button.

use crate::i18n::text;
use crate::store::{use_store, Data, LoadError, LoadFailure, LoadState};
use crate::{move_tr, tr};
use leptos::either::EitherOf3;
use leptos::prelude::*;
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

/// What went wrong, in the current language.
fn reason(failure: LoadFailure) -> Signal<String> {
    text(move || match &failure {
        LoadFailure::Http(status) => tr!("load-error-http", { "status" => *status }),
        LoadFailure::Timeout(ms) => tr!("load-error-timeout", { "seconds" => *ms / 1000 }),
        LoadFailure::Network(detail) => tr!("load-error-network", { "detail" => detail.clone() }),
        LoadFailure::Parse(detail) => tr!("load-error-parse", { "detail" => detail.clone() }),
    })
}

#[component]
pub fn LoadErrorView(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    let file = error.file.clone();
    let reason = reason(error.failure.clone());
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
            <RetryButton on_retry />
        </div>
    }
}

/// The Retry of a page that could not be shown.
#[component]
fn RetryButton(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button primary"
            data-testid="retry"
            on:click=move |_| on_retry.run(())
        >
            {move_tr!("retry")}
        </button>
    }
}

/// A page whose code (its wasm chunk, `crate::chunks`) could not be fetched, with Retry.
#[component]
pub fn PageCodeError(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="load-error" data-testid="page-code-error" role="alert">
            <h2>{move_tr!("page-code-error-title")}</h2>
            <p class="muted">{move_tr!("page-code-error-hint")}</p>
            <RetryButton on_retry />
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

/// As [`with_data`], for a view that stays mounted while the data changes (counties loading on
/// demand, the map above all): it gets the data as a signal, and is built again only when the
/// data loads again from the start.
pub fn with_data_signal<V>(
    view: impl Fn(Signal<Arc<Data>>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Phase {
        Loading,
        Failed,
        Ready,
    }
    let store = use_store();
    let phase = Memo::new(move |_| match store.state() {
        LoadState::Loading => Phase::Loading,
        LoadState::Failed(_) => Phase::Failed,
        LoadState::Ready(_) => Phase::Ready,
    });
    move || match phase.get() {
        Phase::Loading => EitherOf3::A(view! { <Loading /> }),
        Phase::Failed | Phase::Ready => match untrack(|| store.state()) {
            LoadState::Ready(first) => {
                let data = Memo::new_with_compare(
                    move |before: Option<&Arc<Data>>| {
                        store
                            .data()
                            .or_else(|| before.cloned())
                            .unwrap_or_else(|| first.clone())
                    },
                    |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
                );
                EitherOf3::C(view(data.into()))
            }
            LoadState::Failed(error) => {
                let on_retry = Callback::new(move |()| store.reload());
                EitherOf3::B(view! { <LoadErrorView error on_retry /> })
            }
            LoadState::Loading => EitherOf3::A(view! { <Loading /> }),
        },
    }
}

/// A county that failed to load on demand: one line with the file, why, and Retry (the rest of
/// the map keeps working).
#[component]
pub fn CountyError(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    let file = error.file.clone();
    view! {
        <p class="county-error" data-testid="county-error" role="alert">
            <span>{move_tr!("county-error", { "file" => file.clone() })}</span>
            " "
            <span>{reason(error.failure.clone())}</span>
            " "
            <button type="button" class="button" data-testid="county-retry" on:click=move |_| on_retry.run(())>
                {move_tr!("retry")}
            </button>
        </p>
    }
}
