//! `/quality`: every problem found in the data — the build's and those met while reading the
//! county chunks in the browser — with file, line, field and what is wrong.

use crate::components::{with_data, ProblemTable};
use crate::move_tr;
use leptos::prelude::*;

#[component]
pub fn QualityPage() -> impl IntoView {
    crate::components::page_title(|| crate::tr!("quality-title"));
    view! {
        <section class="page quality" data-testid="quality-page">
            <h1>{move_tr!("quality-title")}</h1>
            <p class="muted">{move_tr!("quality-intro")}</p>
            {with_data(|data| {
                let (problems, unreadable) = data.problems();
                // "No problems found" would contradict the alert: only the table, if any.
                let table = (unreadable.is_none() || !problems.is_empty())
                    .then(|| view! { <ProblemTable problems /> });
                view! {
                    {unreadable
                        .map(|detail| {
                            view! {
                                <p class="error" role="alert" data-testid="problems-unreadable">
                                    {move_tr!("quality-unreadable", { "detail" => detail.clone() })}
                                </p>
                            }
                        })}
                    {table}
                }
            })}
        </section>
    }
}
