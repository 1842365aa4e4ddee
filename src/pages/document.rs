//! `/documents/:slug`: a policy document's text as the package ships it, with the sentences the
//! targets quote marked, so a reader checks a target against its source. `?target=N` (the
//! target's place in `targets.csv`) marks that target's quote and scrolls to it; without it
//! every target citing the document is marked. Which document a target cites and where its quote
//! stands are the core's (`cundi_core::documents`, docs/DATA.md "The documents' text"); when some
//! of a quote is not in the text verbatim, the page says so.

use crate::components::targets::{figure, SummaryUnreadable};
use crate::components::{with_data, LoadErrorView, Loading, Missing, NotFoundView};
use crate::i18n::{self, text};
use crate::move_tr;
use crate::store::{fetch_text, Data};
use crate::url::area_href;
use cundi_core::documents::{find_quotes, for_target, runs, Document, Found};
use cundi_core::Target;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::sync::Arc;

#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug")).unwrap_or_default());
    let chosen = Memo::new(move |_| {
        query
            .with(|q| q.get("target"))
            .and_then(|t| t.parse::<usize>().ok())
    });
    with_data(move |data| {
        let slug = slug.get();
        let documents = match data.documents() {
            Ok(documents) => documents,
            Err(detail) => {
                let detail = detail.to_string();
                return view! { <SummaryUnreadable detail /> }.into_any();
            }
        };
        let doc = documents.iter().find(|d| d.slug() == slug).cloned();
        match doc {
            Some(doc) => view! { <DocumentLoaded data doc chosen /> }.into_any(),
            None => view! { <NotFoundView what=Missing::Page /> }.into_any(),
        }
    })
}

#[component]
fn DocumentLoaded(data: Arc<Data>, doc: Document, chosen: Memo<Option<usize>>) -> impl IntoView {
    crate::pages::scroll_to_top();
    let title = doc.title.clone();
    crate::components::page_title(move || title.clone());
    let attempt = RwSignal::new(0u32);
    let url = data.config.data_url(&format!("package/{}", doc.path));
    let timeout_ms = data.config.timeout_ms;
    let file = url.clone();
    let loaded = LocalResource::new(move || {
        attempt.track();
        let url = file.clone();
        async move { fetch_text(&url, timeout_ms).await }
    });
    // The targets citing this document, with their place in the file (the `?target=` number).
    let citing: Vec<(usize, Target)> = data
        .targets()
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            for_target(data.documents().unwrap_or_default(), t).is_some_and(|d| d.path == doc.path)
        })
        .map(|(i, t)| (i, t.clone()))
        .collect();
    let first = citing.first().map(|(_, t)| t.clone());
    let heading = doc.title.clone();
    let issued = first.map(|t| {
        let date = t.issued_on.map(|d| d.to_string()).unwrap_or_default();
        format!("{} {date}", t.issued_by)
    });
    let list = {
        let data = data.clone();
        citing
            .iter()
            .map(|(i, t)| {
                let area = data.name_or_code(&t.jurisdiction_code);
                let indicator = t.indicator;
                let n = *i;
                let goal = format!("{} · {}", figure(indicator, t.target), t.deadline);
                let code = t.jurisdiction_code.clone();
                view! {
                    <li data-target=n aria-current=move || (chosen.get() == Some(n)).then_some("true")>
                        <a href=area_href(&code)>{area}</a>
                        " · "
                        {text(move || i18n::indicator(indicator))}
                        " · "
                        {goal}
                        " · "
                        <a href=format!("?target={n}") data-testid="document-quote-link">
                            {move_tr!("document-show-quote")}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let body = move || match loaded.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            let on_retry = Callback::new(move |()| attempt.update(|n| *n += 1));
            view! { <LoadErrorView error on_retry /> }.into_any()
        }
        Some(Ok(full)) => {
            let quotes: Vec<&str> = citing
                .iter()
                .filter(|(i, _)| chosen.get().is_none_or(|c| c == *i))
                .filter_map(|(_, t)| t.note.as_deref())
                .collect();
            let Found { ranges, whole } = find_quotes(&full, &quotes);
            let none = ranges.is_empty();
            let mut first_mark = true;
            let parts = runs(&full, &ranges)
                .into_iter()
                .map(|(s, marked)| {
                    let s = s.to_string();
                    if marked {
                        let id = std::mem::take(&mut first_mark).then_some("quote");
                        view! { <mark id=id>{s}</mark> }.into_any()
                    } else {
                        s.into_any()
                    }
                })
                .collect_view();
            let chosen_note = chosen.get().and_then(|c| {
                citing
                    .iter()
                    .find(|(i, _)| *i == c)
                    .and_then(|(_, t)| t.note.clone())
            });
            // The chosen quote in view once the text is there.
            if chosen.get().is_some() && !none {
                request_animation_frame(|| {
                    if let Some(mark) = document().get_element_by_id("quote") {
                        mark.scroll_into_view();
                    }
                });
            }
            view! {
                {chosen_note.map(|n| view! {
                    <p class="document-quote" data-testid="document-quote">
                        {move_tr!("document-quote")} " “" {n} "”"
                    </p>
                })}
                {(!whole || none).then(|| view! {
                    <p class="muted" data-testid="document-not-verbatim">
                        {move_tr!("document-not-verbatim")}
                    </p>
                })}
                <pre class="document-text" data-testid="document-text" lang="zh-CN">{parts}</pre>
            }
            .into_any()
        }
    };
    view! {
        <article class="page document" data-testid="document-page" aria-labelledby="document-title">
            <h1 id="document-title" lang="zh-CN">{heading}</h1>
            {issued.map(|i| view! { <p class="muted" lang="zh-CN">{i}</p> })}
            <p>
                <a class="button" href=url.clone() download="">{move_tr!("document-download")}</a>
                " "
                <a class="button" href="/targets">{move_tr!("targets-title")}</a>
            </p>
            <section aria-labelledby="document-targets-title">
                <h2 id="document-targets-title">{move_tr!("document-targets")}</h2>
                <ul data-testid="document-targets">{list}</ul>
            </section>
            <section aria-labelledby="document-text-title">
                <h2 id="document-text-title">{move_tr!("document-text")}</h2>
                <p class="muted">{move_tr!("document-text-note")}</p>
                {body}
            </section>
        </article>
    }
}
