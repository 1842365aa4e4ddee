//! Reusable views: the search box, "near me", the station details and fields, the plain columns of any row, opening state,
//! directions links, the legend, the bottom sheet's handle, the problem table, the not-found
//! view, a name's pinyin reading, and what pages show
//! while the data loads or when it fails.

pub mod area_path;
pub mod chart;
pub mod deferred;
pub mod directions;
pub mod legend;
pub mod load;
pub mod near_me;
pub mod near_row;
pub mod not_found;
pub mod open_state;
pub mod plain_fields;
pub mod problems;
pub mod reading;
pub mod search;
pub mod share_link;
pub mod sheet;
pub mod station_details;
pub mod targets;
pub mod view_list;
pub mod want;

pub use area_path::AreaPath;
pub use directions::Directions;
pub use legend::Legend;
pub use load::{with_data, with_data_signal, CountyError, LoadErrorView, Loading, PageCodeError};
pub use near_me::{NearMeButton, NearMessage, NearPanel};
pub use near_row::NearRow;
pub use not_found::{Missing, NotFoundView};
pub use open_state::OpenState;
pub use plain_fields::plain_fields;
pub use problems::ProblemTable;
pub use reading::Reading;
pub use search::SearchBox;
pub use share_link::ShareLink;
pub use sheet::SheetHandle;
pub use station_details::{
    served_villages, DetailsPanel, ServedList, ServedVillage, StationDetails, StationFields,
};
pub use view_list::ViewList;

/// The document's title while this page is shown: "<what it shows> · 村递 Cundi", in the
/// reader's language, so that a tab, a bookmark, the history and a shared link's preview name
/// the station, the village or the area (issue 24, point 12). The map's page names the site
/// and what it is.
pub fn page_title(what: impl Fn() -> String + Send + Sync + 'static) {
    leptos::prelude::Effect::new(move |_| {
        let what = what();
        let site = format!(
            "{} {}",
            crate::tr!("app-title"),
            crate::tr!("app-title-latin")
        );
        let title = if what.is_empty() {
            format!("{site} · {}", crate::tr!("app-tagline"))
        } else {
            format!("{what} · {site}")
        };
        leptos::prelude::document().set_title(&title);
    });
}

/// Moves the keyboard focus to the element with this id, if there is one.
/// Gives whether the element is there and now has focus.
pub fn focus_now(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let Some(el) = document.get_element_by_id(id) else {
        return false;
    };
    if let Ok(el) = el.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
    document.active_element().is_some_and(|active| active == el)
}
