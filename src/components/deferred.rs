//! A page whose code is a chunk of its own (`crate::chunks`): the spinner while the chunk and
//! the first data arrive, the page once both are there, and the error with Retry when the chunk
//! does not come.

use crate::components::{Loading, PageCodeError};
use crate::store::{use_store, LoadState};
use futures::future::LocalBoxFuture;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// What a chunk's page gives: the page, or why its code could not be fetched.
pub type Page = Result<AnyView, SplitLoaderError>;

/// How long a page whose code has arrived waits for the data before it shows anyway.
pub const SETTLE_MS: u64 = 2000;

/// How a page's chunk is fetched and the page built, boxed: one copy of [`deferred`]'s code
/// serves every page (a copy per page, with its view types, was about 2 KB of the first load's
/// wasm each).
type PageLoader = Arc<dyn Fn() -> LocalBoxFuture<'static, Page> + Send + Sync>;

/// The page (or panel) `load` builds once its chunk is there: meanwhile the spinner, and if the
/// chunk fails, the error with Retry. The task stops if the user leaves before it ends.
///
/// The page also waits for the data's first load (the summary, and the counties loaded up front
/// when there are few) or its failure, at most [`SETTLE_MS`] from when the page was asked for:
/// what the data brings — the notice above every page that the data is illustrative, the station
/// a complaint is about, the ways to send it — would otherwise appear above or among the page's
/// controls after they are drawn, and move them under a finger about to tap one. The page is
/// built meanwhile, so its effects run before it is shown.
pub fn deferred<Fut>(load: impl Fn() -> Fut + Send + Sync + 'static) -> AnyView
where
    Fut: Future<Output = Page> + 'static,
{
    deferred_boxed(Arc::new(move || Box::pin(load())))
}

#[inline(never)]
fn deferred_boxed(load: PageLoader) -> AnyView {
    let store = use_store();
    let waited = RwSignal::new(false);
    set_timeout(
        move || {
            waited.try_set(true);
        },
        Duration::from_millis(SETTLE_MS),
    );
    // Once settled, always: a later reload of the data does not take the page away.
    let settled = Memo::new(move |before: Option<&bool>| {
        before == Some(&true) || waited.get() || !matches!(store.state(), LoadState::Loading)
    });
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Phase {
        Loading,
        Failed,
        Ready,
    }
    let phase = RwSignal::new(Phase::Loading);
    let page = StoredValue::new_local(None::<AnyView>);
    // Every attempt runs under the route's owner: the page is built there, and the task ends
    // with the route. (Retry is clicked in the error view, which the attempt itself replaces;
    // a task owned by that view would be cancelled as soon as it started.)
    let owner = Owner::current().unwrap_or_default();
    let start = move || {
        phase.set(Phase::Loading);
        let load = load.clone();
        owner.with(|| {
            spawn_local_scoped_with_cancellation(async move {
                match load().await {
                    Ok(view) => {
                        page.set_value(Some(view));
                        phase.set(Phase::Ready);
                    }
                    Err(_) => phase.set(Phase::Failed),
                }
            })
        });
    };
    start();
    (move || match phase.get() {
        Phase::Loading => EitherOf3::A(view! { <Loading /> }),
        Phase::Ready if !settled.get() => EitherOf3::A(view! { <Loading /> }),
        Phase::Failed => {
            let start = start.clone();
            let on_retry = Callback::new(move |()| start());
            EitherOf3::B(view! { <PageCodeError on_retry /> })
        }
        Phase::Ready => EitherOf3::C(page.try_update_value(Option::take).flatten()),
    })
    .into_any()
}
