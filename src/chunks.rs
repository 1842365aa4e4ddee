//! The code fetched when first needed, each group in a wasm chunk of its own: the map, the search,
//! "near me", the outbox and the pages. The first load carries none of it (docs/FIRST-VISIT.md);
//! a resident who never opens the complaint form or the journalists' tables never downloads
//! them.
//!
//! This is the top floor of the site: it names the pages, and nothing below it names a chunk.
//! The modules that need a chunk's code get its loader handed in — the store its search
//! (`load_search_engine`), "near me" its engine (`load_near_engine`), the outbox its events
//! (`wake_outbox_loaded`), the map page the map and its panels (`MAP_CODE`) — so that the
//! component tests' build of the library, which has no chunks, can hand in the code itself.
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
use crate::components::deferred::Page;
use crate::components::DetailsPanel;
use crate::components::{NearPanel, ViewList};
use crate::near::{NearEngine, NearResult};
use crate::pages::map::{MapBody, MapCode, MapPanels, MapState};
use crate::pages::{
    AreaPage, AreasPage, ChangesPage, ComplaintPage, DictionaryPage, DocumentPage, LetterPage,
    MyComplaintsPage, NoticePage, ProvenancePage, QualityPage, StationPage, TablePage, TargetsPage,
    VillagePage,
};
use crate::store::{Data, SearchEngine};
use cundi_core::brand::Want;
use cundi_core::geo::BBox;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::sync::Arc;

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

/// The site's [`crate::near::NearLoader`].
pub fn load_near_engine() -> LocalBoxFuture<'static, Option<NearEngine>> {
    Box::pin(async { near_engine().await.ok() })
}

// Residents: a station's page, its printable notice, a village's page.

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn station_page() -> Page {
    Ok(view! { <StationPage /> }.into_any())
}

// The printable notice stays with the station's page, though its QR code and print layout are a
// quarter of the chunk's own code: as a chunk of its own it took 11 KB off the station page's
// first visit but put 8 KB on the map's and the journalists' pages, whose shared code was cut
// into more files (bench/RESULTS.md, "Less in every first load").

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

/// The map's code, as the site hands it to the map page (`pages::map::MapCode`).
pub const MAP_CODE: MapCode = MapCode {
    body: |data, state| Box::pin(map_body(data, state)),
    prefetch: || {
        Box::pin(async {
            let _ = map_code().await;
        })
    },
    panels: MAP_PANELS,
};

/// The map's panels, as the map page hands them to the map (`pages::map::MapPanels`).
const MAP_PANELS: MapPanels = MapPanels {
    details: |data, id, on_close| Box::pin(details_panel(data, id, on_close)),
    near: |result| Box::pin(near_panel(result)),
    list: |data, bounds, want, on_select, on_close| {
        Box::pin(list_panel(data, bounds, want, on_select, on_close))
    },
};

#[wasm_split(station, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn list_panel(
    data: Signal<Arc<Data>>,
    bounds: Signal<Option<BBox>>,
    want: Signal<Want>,
    on_select: Callback<String>,
    on_close: Callback<()>,
) -> Page {
    Ok(view! {
        <aside class="panel sheet">
            <crate::components::SheetHandle />
            <ViewList data bounds want on_select on_close />
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

// The letter and "my complaints" stay with the form, for the same reason: as a chunk of their own
// they took 10 KB off the form but put 4–7 KB on every other page (bench/RESULTS.md, "Less in
// every first load").

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

/// The site's [`crate::complaints::OutboxWaker`]: a chunk that does not arrive (offline on a first
/// visit) is tried again at the next event.
pub fn wake_outbox_loaded(online: bool) -> LocalBoxFuture<'static, ()> {
    Box::pin(async move {
        let _ = wake_outbox(online).await;
    })
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

// A document's text and the data dictionary go with the journalists' pages: a chunk of their own
// cut the code the other pages share with them into more, smaller files, and made a station's
// page 10 KB heavier (bench/RESULTS.md).

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn document_page() -> Page {
    Ok(view! { <DocumentPage /> }.into_any())
}

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn dictionary_page() -> Page {
    Ok(view! { <DictionaryPage /> }.into_any())
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
