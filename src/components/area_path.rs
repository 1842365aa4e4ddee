//! The areas a place lies in, province first, each a link that shows that area on the map.

use crate::move_tr;
use crate::url::{self, href};
use cundi_core::Code;
use leptos::prelude::*;

#[component]
pub fn AreaPath(
    /// (code, name) of each area, the largest first.
    path: Vec<(Code, String)>,
) -> impl IntoView {
    let items = path
        .into_iter()
        .map(|(code, name)| {
            let link = href("/", &[(url::AREA, Some(code.to_string()))]);
            view! {
                <li>
                    <a href=link>{name}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="area-path" aria-label=move_tr!("area-path-label")>
            <ol>{items}</ol>
        </nav>
    }
}
