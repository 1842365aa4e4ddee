//! The pages that are not the map, each group in a wasm chunk of its own, fetched the first time
//! one of its pages opens. The first load carries only the map (BUDGETS.md: the app shell
//! ≤ 300 KB); a resident who never opens the complaint form or the journalists' tables never
//! downloads them.
//!
//! Each function below is a split point (`wasm_split`, the crate Leptos's `#[lazy]` is built on):
//! on wasm its body goes into the chunk named first, and calling it fetches that chunk, then
//! runs the body. `scripts/wasm` splits the module after `cargo build` (`wasm_split_cli`) and
//! before `wasm-bindgen`. Off wasm (native tests, clippy) the body is called directly.
//!
//! Loading is `fallible`: a chunk that fails to arrive (a weak connection, a server error) gives
//! an error, shown with a Retry button, instead of the panic that would stop the whole site. After
//! the first visit the service worker keeps every chunk, so the pages also open offline.

use crate::complaints::use_complaints;
use crate::components::{Loading, NearPanel, PageCodeError, ViewList};
use crate::near::{NearEngine, NearResult};
use crate::pages::map::{DetailsPanel, MapBody, MapPanels, MapState};
use crate::pages::{
    AreaPage, AreasPage, ChangesPage, ComplaintPage, LetterPage, MyComplaintsPage, NoticePage,
    ProvenancePage, QualityPage, StationPage, TablePage, TargetsPage, VillagePage,
};
use crate::store::{use_store, Data, LoadState, SearchEngine};
use cundi_core::geo::BBox;
use futures::future::LocalBoxFuture;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// What a chunk's page gives: the page, or why its code could not be fetched.
pub type Page = Result<AnyView, SplitLoaderError>;

/// How long a page whose code has arrived waits for the data before it shows anyway.
pub const SETTLE_MS: u64 = 2000;

/// The page (or panel) `load` builds once its chunk is there: meanwhile the spinner, and if the
/// chunk fails, the error with Retry. The task stops if the user leaves before it ends.
///
/// The page also waits for the data's first load (the summary, and the counties loaded up front
/// when there are few) or its failure, at most [`SETTLE_MS`] from when the page was asked for:
/// what the data brings — the notice above every page that the data is illustrative, the station
/// a complaint is about, the ways to send it — would otherwise appear above or among the page's
/// controls after they are drawn, and move them under a finger about to tap one. The page is
/// built meanwhile, so its effects run before it is shown.
pub fn deferred<Fut>(load: impl Fn() -> Fut + Clone + Send + Sync + 'static) -> impl IntoView
where
    Fut: Future<Output = Page> + 'static,
{
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
    move || match phase.get() {
        Phase::Loading => EitherOf3::A(view! { <Loading /> }),
        Phase::Ready if !settled.get() => EitherOf3::A(view! { <Loading /> }),
        Phase::Failed => {
            let start = start.clone();
            let on_retry = Callback::new(move |()| start());
            EitherOf3::B(view! { <PageCodeError on_retry /> })
        }
        Phase::Ready => EitherOf3::C(page.try_update_value(Option::take).flatten()),
    }
}

// The map: the Leaflet map, its legend and panels (the toolbar above it is in the first load,
// see `pages::map`). Only the map's page loads this chunk, and Leaflet with it.

#[wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn map_body(data: Signal<Arc<Data>>, state: MapState) -> Page {
    Ok(view! { <MapBody data state /> }.into_any())
}

/// Asks for the map's chunk without drawing anything (the map page, as it opens, so that the
/// chunk downloads beside the data).
#[wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn map_code() -> Result<(), SplitLoaderError> {
    Ok(())
}

// The search: reading the search files and finding in them, fetched when the user first
// searches (see `store::SearchEngine`). The box itself is drawn with the map.

#[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn search_engine() -> Result<SearchEngine, SplitLoaderError> {
    Ok(SearchEngine::HERE)
}

/// The site's [`crate::store::SearchLoader`].
pub fn load_search_engine() -> LocalBoxFuture<'static, Option<SearchEngine>> {
    Box::pin(async { search_engine().await.ok() })
}

// "Near me": the nearest-point index and the search around a position (see `near::NearEngine`).

#[wasm_split(near, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn near_engine() -> Result<NearEngine, SplitLoaderError> {
    Ok(NearEngine::HERE)
}

// Residents: a station's page, its printable notice, a village's page.

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn station_page() -> Page {
    Ok(view! { <StationPage /> }.into_any())
}

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn notice_page() -> Page {
    Ok(view! { <NoticePage /> }.into_any())
}

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn village_page() -> Page {
    Ok(view! { <VillagePage /> }.into_any())
}

// The map's panels (a tapped station, the points near the user, the map as a list): with the
// residents' pages, which share the station's details. The map draws without them.

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn details_panel(data: Arc<Data>, id: String, on_close: Callback<()>) -> Page {
    Ok(view! { <DetailsPanel data id on_close /> }.into_any())
}

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn near_panel(result: Box<NearResult>) -> Page {
    Ok(view! { <NearPanel result /> }.into_any())
}

/// The map's panels, as the map page hands them to the map (`pages::map::MapPanels`).
pub const MAP_PANELS: MapPanels = MapPanels {
    details: |data, id, on_close| Box::pin(details_panel(data, id, on_close)),
    near: |result| Box::pin(near_panel(result)),
    list: |data, bounds, on_select, on_close| {
        Box::pin(list_panel(data, bounds, on_select, on_close))
    },
};

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn list_panel(
    data: Signal<Arc<Data>>,
    bounds: Signal<Option<BBox>>,
    on_select: Callback<String>,
    on_close: Callback<()>,
) -> Page {
    Ok(view! {
        <aside class="panel">
            <ViewList data bounds on_select on_close />
        </aside>
    }
    .into_any())
}

// Citizens: the complaint form, the letter it makes, the complaints sent from this device.

// Each starts the outbox first: its code is in this chunk too (`complaints`).

#[wasm_split(complaint, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn complaint_page() -> Page {
    use_complaints().start();
    Ok(view! { <ComplaintPage /> }.into_any())
}

#[wasm_split(complaint, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn letter_page() -> Page {
    use_complaints().start();
    Ok(view! { <LetterPage /> }.into_any())
}

#[wasm_split(complaint, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn my_complaints_page() -> Page {
    use_complaints().start();
    Ok(view! { <MyComplaintsPage /> }.into_any())
}

/// The outbox's events, from the first load's listeners (`complaints::provide_complaints`).
#[wasm_split(complaint, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn wake_outbox(online: bool) -> Result<(), SplitLoaderError> {
    use_complaints().wake(online);
    Ok(())
}

// Journalists. Coverage by area has a chunk of its own: an area page is what a shared link or a
// QR code on a county's notice opens, and alone it is 65 KB less to download (bench/RESULTS.md,
// "The first visit on 2026-12-07"). A chunk per page was tried and cost more than it saved: code
// the pages share is cut into one file per set of groups using it, each compressed on its own.

#[wasm_split(areas, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn areas_page() -> Page {
    Ok(view! { <AreasPage /> }.into_any())
}

#[wasm_split(areas, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn area_page() -> Page {
    Ok(view! { <AreaPage /> }.into_any())
}

// Targets, tables, changes, data quality and provenance.

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn targets_page() -> Page {
    Ok(view! { <TargetsPage /> }.into_any())
}

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn table_page() -> Page {
    Ok(view! { <TablePage /> }.into_any())
}

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn changes_page() -> Page {
    Ok(view! { <ChangesPage /> }.into_any())
}

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn quality_page() -> Page {
    Ok(view! { <QualityPage /> }.into_any())
}

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn provenance_page() -> Page {
    Ok(view! { <ProvenancePage /> }.into_any())
}
