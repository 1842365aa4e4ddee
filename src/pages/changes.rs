//! `/changes`: what changed between the previous version of the dataset and the one served —
//! stations and villages added, removed and changed field by field, counted per county — when the
//! publisher shipped `changes.json` (`cundi-data build --previous`). The diff is the core's; this
//! page loads and lays it out, and says plainly when there is none.

use crate::components::{with_data, LoadErrorView, Loading};
use crate::i18n::lang;
use crate::store::{fetch_text, Data, LoadError, LoadFailure};
use crate::url::area_href;
use crate::{move_tr, tr};
use cundi_core::diff::{Changes, TableChanges};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows listed per kind of change before the page points to the file instead (a national
/// version can change tens of thousands of rows).
const LISTED: usize = 300;

#[component]
pub fn ChangesPage() -> impl IntoView {
    crate::components::page_title(|| tr!("changes-title"));
    with_data(move |data| {
        crate::pages::scroll_to_top();
        match data.summary.changes.clone() {
            None => view! {
                <article class="page" data-testid="changes-page">
                    <h1>{move_tr!("changes-title")}</h1>
                    <p data-testid="changes-none">{move_tr!("changes-none")}</p>
                </article>
            }
            .into_any(),
            Some(file) => {
                let url = data.config.data_url(&file.path);
                view! { <ChangesLoaded data url /> }.into_any()
            }
        }
    })
}

#[component]
fn ChangesLoaded(data: Arc<Data>, url: String) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let file = url.clone();
    let timeout_ms = data.config.timeout_ms;
    let loaded = LocalResource::new(move || {
        attempt.track();
        let url = file.clone();
        async move {
            let text = fetch_text(&url, timeout_ms).await?;
            serde_json::from_str::<Changes>(&text).map_err(|e| LoadError {
                file: url.clone(),
                failure: LoadFailure::Parse(e.to_string()),
            })
        }
    });
    move || match loaded.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            let on_retry = Callback::new(move |()| attempt.update(|n| *n += 1));
            view! { <LoadErrorView error on_retry /> }.into_any()
        }
        Some(Ok(changes)) => {
            view! { <ChangesView data=data.clone() changes url=url.clone() /> }.into_any()
        }
    }
}

#[component]
fn ChangesView(data: Arc<Data>, changes: Changes, url: String) -> impl IntoView {
    let versions = format!(
        "{} ({}) → {} ({})",
        changes.old_version.clone().unwrap_or_else(|| "?".into()),
        changes.old_created.clone().unwrap_or_default(),
        changes.new_version.clone().unwrap_or_else(|| "?".into()),
        changes.new_created.clone().unwrap_or_default(),
    );
    let counties = changes
        .counties
        .iter()
        .map(|c| {
            let name = data.name_or_code(&c.code);
            let (s, v) = (c.stations, c.villages);
            view! {
                <tr data-code=c.code.to_string()>
                    <th scope="row"><a href=area_href(&c.code)>{name}</a></th>
                    <td>{move || s.describe(lang())}</td>
                    <td>{move || v.describe(lang())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="page changes" data-testid="changes-page">
            <h1>{move_tr!("changes-title")}</h1>
            <p data-testid="changes-versions">{versions}</p>
            <p>
                <a class="button" href=url download="changes.json">{move_tr!("changes-download")}</a>
            </p>
            <div class="table-wrap">
                <table class="data-table" data-testid="changes-counties">
                    <thead>
                        <tr>
                            <th scope="col">{move_tr!("targets-area")}</th>
                            <th scope="col">{move_tr!("changes-stations")}</th>
                            <th scope="col">{move_tr!("changes-villages")}</th>
                        </tr>
                    </thead>
                    <tbody>{counties}</tbody>
                </table>
            </div>
            <Section title=move_tr!("changes-stations") table=changes.stations kind="stations" />
            <Section title=move_tr!("changes-villages") table=changes.villages kind="villages" />
        </article>
    }
}

#[component]
fn Section(title: Signal<String>, table: TableChanges, kind: &'static str) -> impl IntoView {
    let link = move |key: &str| match kind {
        "stations" => format!("/station/{}", crate::url::encode_segment(key)),
        _ => format!("/village/{key}"),
    };
    let more = move |n: usize| {
        (n > LISTED).then(
            || view! { <p class="muted">{move_tr!("changes-more", { "n" => n - LISTED })}</p> },
        )
    };
    let (added_n, removed_n, changed_n) =
        (table.added.len(), table.removed.len(), table.changed.len());
    let added = table
        .added
        .iter()
        .take(LISTED)
        .map(|r| view! { <li><a href=link(&r.key)>{r.name.clone()}</a> " " <code>{r.key.clone()}</code></li> })
        .collect_view();
    let removed = table
        .removed
        .iter()
        .take(LISTED)
        .map(|r| view! { <li>{r.name.clone()} " " <code>{r.key.clone()}</code></li> })
        .collect_view();
    let changed = table
        .changed
        .iter()
        .take(LISTED)
        .map(|c| {
            let fields = c.fields.clone();
            view! {
                <li data-key=c.key.clone()>
                    <a href=link(&c.key)>{c.name.clone()}</a>
                    " "
                    <code>{c.key.clone()}</code>
                    <ul>
                        {move || {
                            fields
                                .iter()
                                .map(|f| view! { <li>{f.describe(lang())}</li> })
                                .collect_view()
                        }}
                    </ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section data-testid=format!("changes-{kind}")>
            <h2>{title}</h2>
            <h3>{move || tr!("changes-added", { "n" => added_n })}</h3>
            <ul data-testid=format!("{kind}-added")>{added}</ul>
            {more(added_n)}
            <h3>{move || tr!("changes-removed", { "n" => removed_n })}</h3>
            <ul data-testid=format!("{kind}-removed")>{removed}</ul>
            {more(removed_n)}
            <h3>{move || tr!("changes-changed", { "n" => changed_n })}</h3>
            <ul data-testid=format!("{kind}-changed")>{changed}</ul>
            {more(changed_n)}
        </section>
    }
}
