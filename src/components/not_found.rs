//! What a page shows when its URL names nothing in the data — a station id or village code that
//! is wrong, or gone from a newer version — or no page at all: a plain message, the search box to
//! find the right one, and the way back to the map. Never a blank page or a crash.

use crate::components::SearchBox;
use crate::move_tr;
use leptos::prelude::*;

/// What was asked for and not found.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    Station(String),
    Village(String),
    Area(String),
    Page,
}

#[component]
pub fn NotFoundView(what: Missing) -> impl IntoView {
    let message = match what {
        Missing::Station(id) => move_tr!("station-not-found", { "id" => id.clone() }),
        Missing::Village(code) => move_tr!("village-not-found", { "code" => code.clone() }),
        Missing::Area(code) => move_tr!("area-not-found", { "code" => code.clone() }),
        Missing::Page => move_tr!("page-not-found"),
    };
    crate::components::page_title(|| crate::tr!("not-found-title"));
    view! {
        <section class="page not-found" data-testid="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{move_tr!("not-found-title")}</h1>
            <p role="alert">{message}</p>
            <p>{move_tr!("not-found-search")}</p>
            <SearchBox id="not-found-search" autofocus=true />
            <p>
                <a href="/">{move_tr!("not-found-link")}</a>
            </p>
        </section>
    }
}
