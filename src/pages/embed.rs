//! `/embed/<county code>`: one county's map and list for a county government's own page, in an
//! iframe — no header, the illustrative notice kept, and a link to the whole site. Which sites
//! may frame it is `config.json`'s `frame_ancestors`, none by default (a header:
//! docs/PUBLISHING.md, "Hosting").

use crate::move_tr;
use crate::pages::map::MapCode;
use crate::pages::MapPage;
use crate::url::{self, use_query_param};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn EmbedPage(code: MapCode) -> impl IntoView {
    let map_code = code;
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let area = use_query_param(url::AREA);
    let navigate = use_navigate();
    // The county framed: the map opens on it (the URL's `area`, as on the map page).
    Effect::new(move |_| {
        let code = code();
        if area.get().is_none() && !code.is_empty() {
            navigate(
                &format!(
                    "/embed/{}?{}={}",
                    url::encode_segment(&code),
                    url::AREA,
                    url::encode_segment(&code)
                ),
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let full = move || format!("/area/{}", url::encode_segment(&code()));
    // No site header: the county's own page has its own (style/main.css, `html.embedded`).
    let root = document().document_element();
    if let Some(root) = &root {
        let _ = root.class_list().add_1("embedded");
    }
    on_cleanup(move || {
        if let Some(root) = root {
            let _ = root.class_list().remove_1("embedded");
        }
    });
    view! {
        <div class="embed" data-testid="embed">
            <p class="embed-credit">
                <a href=full target="_blank" rel="noopener">
                    {move_tr!("embed-open-site")}
                </a>
            </p>
            <MapPage code=map_code list=true />
        </div>
    }
}
