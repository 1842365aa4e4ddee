//! `/quality`: every problem found in the data — the build's and those met while reading the
//! county chunks in the browser — with file, line, field and what is wrong; and how complete the
//! valid rows are, county by county (`completeness::gaps`): stations with no phone, no hours, or
//! an address that names only their area.

use crate::components::{with_data, ProblemTable};
use crate::store::Data;
use crate::{move_tr, tr};
use cundi_core::completeness::{gaps, Gaps};
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many rows are listed under a count; the stations table has them all.
const LISTED: usize = 50;

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
                    <Completeness data=data.clone() />
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

/// Per county: stations, and how many lack a phone, hours, or an address that finds the door.
#[component]
fn Completeness(data: Arc<Data>) -> impl IntoView {
    let ds = data.dataset();
    let list = gaps(ds);
    let cell = |rows: &[usize], what: &'static str| {
        let names: Vec<(String, String)> = rows
            .iter()
            .take(LISTED)
            .map(|&i| (ds.stations[i].id.clone(), ds.stations[i].name.clone()))
            .collect();
        let more = rows.len().saturating_sub(LISTED);
        let n = rows.len();
        view! {
            <td data-testid=what data-count=n.to_string()>
                {if n == 0 {
                    view! { <span>"0"</span> }.into_any()
                } else {
                    view! {
                        <details>
                            <summary>{n}</summary>
                            <ul class="gap-rows">
                                {names
                                    .into_iter()
                                    .map(|(id, name)| {
                                        let href = format!("/station/{}", crate::url::encode_segment(&id));
                                        view! { <li><a href=href>{name}</a></li> }
                                    })
                                    .collect_view()}
                                {(more > 0).then(|| view! { <li class="muted">{move_tr!("quality-more", { "n" => more })}</li> })}
                            </ul>
                        </details>
                    }
                    .into_any()
                }}
            </td>
        }
    };
    let rows = list
        .iter()
        .map(|g: &Gaps| {
            let name = g
                .county
                .as_ref()
                .and_then(|c| data.area(c.as_str()).map(|a| a.division.name.clone()))
                .unwrap_or_else(|| tr!("value-unknown"));
            let code = g.county.as_ref().map(|c| c.to_string()).unwrap_or_default();
            view! {
                <tr data-county=code>
                    <th scope="row">{name}</th>
                    <td data-testid="gap-stations">{g.stations}</td>
                    {cell(&g.no_phone, "gap-no-phone")}
                    {cell(&g.no_hours, "gap-no-hours")}
                    {cell(&g.vague_address, "gap-vague-address")}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="completeness-title">
            <h2 id="completeness-title">{move_tr!("quality-completeness-title")}</h2>
            <p class="muted">{move_tr!("quality-completeness-intro")}</p>
            <div class="table-wrap">
                <table class="data-table" data-testid="completeness">
                    <thead>
                        <tr>
                            <th scope="col">{move_tr!("quality-county")}</th>
                            <th scope="col">{move_tr!("quality-stations")}</th>
                            <th scope="col">{move_tr!("quality-no-phone")}</th>
                            <th scope="col">{move_tr!("quality-no-hours")}</th>
                            <th scope="col">{move_tr!("quality-vague-address")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
        <h2>{move_tr!("quality-problems-title")}</h2>
    }
}
