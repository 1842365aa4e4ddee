//! One module per route.

pub mod area;
pub mod changes;
pub mod complaint;
pub mod dictionary;
pub mod document;
pub mod embed;
pub mod letter;
pub mod map;
pub mod mine;
pub mod notice;
pub mod provenance;
pub mod quality;
pub mod station;
pub mod tables;
pub mod targets;
pub mod village;

pub use area::{AreaPage, AreasPage};
pub use changes::ChangesPage;
pub use complaint::ComplaintPage;
pub use dictionary::DictionaryPage;
pub use document::DocumentPage;
pub use embed::EmbedPage;
pub use letter::LetterPage;
pub use map::MapPage;
pub use mine::MyComplaintsPage;
pub use notice::NoticePage;
pub use provenance::ProvenancePage;
pub use quality::QualityPage;
pub use station::StationPage;
pub use tables::TablePage;
pub use targets::TargetsPage;
pub use village::VillagePage;

/// Pages scroll inside `<main>`, which outlives them: a new page starts at its top.
pub fn scroll_to_top() {
    if let Some(main) = document().get_element_by_id("main") {
        main.set_scroll_top(0);
    }
}

use crate::components::{with_data, LoadErrorView, Loading, Missing, NotFoundView};
use crate::store::{use_store, Data};
use cundi_core::{Code, Station};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// A page about the station the route's `:id` names: `page` with the data and the station, or
/// "not found" (with the search) when the data has no such station.
pub fn station_route<V: IntoView + 'static>(
    page: impl Fn(Arc<Data>, Station) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    with_data(move |data| {
        let id = id.get();
        scroll_to_top();
        if let Some(station) = data.station(&id).cloned() {
            return Either::Left(page(data, station));
        }
        match awaiting_county(&data, data.summary.county_in_id(&id)) {
            Some(wait) => Either::Right(wait),
            None => Either::Right(view! { <NotFoundView what=Missing::Station(id) /> }.into_any()),
        }
    })
}

/// `county`, when it is one of the summary's and not loaded (counties load on demand, or the
/// first page loaded only its own).
pub fn county_to_load(data: &Data, county: Option<Code>) -> Option<Code> {
    county.filter(|c| !data.has_county(c) && data.summary.area(c.as_str()).is_some())
}

/// When `county` is not loaded: asks for it, and gives what to show
/// meanwhile — the spinner, or why it failed with Retry. `None` when there is nothing to wait for.
pub fn awaiting_county(data: &Data, county: Option<Code>) -> Option<AnyView> {
    let county = county_to_load(data, county)?;
    let store = use_store();
    Some(match store.county_error() {
        Some(error) => {
            let on_retry = Callback::new(move |()| store.retry_counties());
            view! { <LoadErrorView error on_retry /> }.into_any()
        }
        None => {
            store.want(vec![county]);
            view! { <Loading /> }.into_any()
        }
    })
}
