//! The targets as a table, and the two sections of an area's page that come from the same
//! places: the targets set for that area, and the complaint figures the publisher ships
//! (`complaint_stats.csv`). Used by `/targets` and by an area's page.

use crate::components::chart::{Bar, BarChart};
use crate::components::open_state::today;
use crate::i18n::{self, lang, text};
use crate::store::{use_store, Data};
use crate::url::{area_href, document_href};
use crate::{move_tr, tr};
use cundi_core::stats::complaint_totals;
use cundi_core::stats::share_text;
use cundi_core::targets::{assess_all, Assessment};
use cundi_core::{Code, Indicator};
use leptos::prelude::*;
use std::sync::Arc;

/// The date targets are judged at: the dataset's, else today (a package without a date).
pub fn as_of(data: &Data) -> chrono::NaiveDate {
    data.summary.package.as_of().unwrap_or_else(today)
}

/// A figure in its indicator's unit: "85.0 %" or "15".
pub fn figure(indicator: Indicator, v: f64) -> String {
    if is_pct(indicator) {
        format!("{v:.1} %")
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

pub fn is_pct(indicator: Indicator) -> bool {
    indicator.as_str().ends_with("_pct")
}

/// Targets as rows: area, indicator, figure against target, deadline, status, document (with a
/// link to its text, the quote marked, when the package ships it). `rows`: each target's place
/// in `targets.csv`, and how it stands.
#[component]
pub fn TargetTable(data: Arc<Data>, rows: Vec<(usize, Assessment)>) -> impl IntoView {
    let date = as_of(&data);
    let body = rows
        .into_iter()
        .map(|(index, a)| {
            let doc_href = document_href(
                data.documents().unwrap_or_default(),
                data.targets().unwrap_or_default(),
                index,
            );
            // Met as of the data's date, past the deadline: the badge says "as of", and why.
            let met_late = a.met_after_deadline();
            let standing = a.status;
            let day = date.to_string();
            let badge = move || {
                if met_late {
                    tr!("targets-met-as-of", { "date" => day.clone() })
                } else {
                    standing.label(lang())
                }
            };
            let late = met_late.then(|| {
                let deadline = a.target.deadline.to_string();
                view! {
                    <br />
                    <small data-testid="target-met-late">
                        {move_tr!("targets-met-late", { "deadline" => deadline.clone() })}
                    </small>
                }
            });
            let t = a.target.clone();
            let area = data.name_or_code(&t.jurisdiction_code);
            let indicator = t.indicator;
            let value = a.value.map(|v| figure(indicator, v));
            // Pace only means something beside a figure.
            let expected = a
                .expected_by_now
                .filter(|_| a.value.is_some())
                .map(|e| figure(indicator, e));
            let status = a.status;
            let reason = a.unmeasurable;
            let issued = t.issued_on.map(|d| d.to_string()).unwrap_or_default();
            view! {
                <tr data-status=status.as_str() data-doc=t.doc_no.clone()>
                    <td data-label=move_tr!("targets-area")>
                        <a href=area_href(&t.jurisdiction_code)>{area}</a>
                    </td>
                    <td data-label=move_tr!("targets-indicator")>
                        {text(move || i18n::indicator(indicator))}
                    </td>
                    <td class="num" data-testid="target-value" data-label=move_tr!("targets-value")>
                        {value.unwrap_or_else(|| "—".to_string())}
                    </td>
                    <td class="num" data-label=move_tr!("targets-target")>
                        {figure(indicator, t.target)}
                    </td>
                    <td data-label=move_tr!("targets-deadline")>{t.deadline.to_string()}</td>
                    <td data-label=move_tr!("targets-status")>
                        <div>
                        <span class=format!("badge target-{}", status.as_str()) data-testid="target-status">
                            {badge}
                        </span>
                        {late}
                        {move || reason.map(|r| view! { <br /> <small>{r.describe(lang())}</small> })}
                        {expected
                            .clone()
                            .map(|e| {
                                view! {
                                    <br />
                                    <small>{move_tr!("targets-expected", { "n" => e.clone() })}</small>
                                }
                            })}
                        </div>
                    </td>
                    <td class="doc" data-testid="target-doc" data-label=move_tr!("targets-document")>
                        <div>
                        <strong>{t.doc_no.clone()}</strong>
                        <br />
                        {format!("《{}》", t.doc_title)}
                        <br />
                        <small>{t.issued_by.clone()} " " {issued}</small>
                        {t.note.clone().map(|n| view! { <br /> <small class="muted">"“" {n} "”"</small> })}
                        {doc_href.map(|href| view! {
                            <br />
                            <a href=href data-testid="target-doc-text">{move_tr!("targets-read-text")}</a>
                        })}
                        </div>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table target-table" data-testid="targets-table">
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("targets-area")}</th>
                        <th scope="col">{move_tr!("targets-indicator")}</th>
                        <th scope="col">{move_tr!("targets-value")}</th>
                        <th scope="col">{move_tr!("targets-target")}</th>
                        <th scope="col">{move_tr!("targets-deadline")}</th>
                        <th scope="col">{move_tr!("targets-status")}</th>
                        <th scope="col">{move_tr!("targets-document")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The targets set for an area itself, on its page.
#[component]
pub fn AreaTargets(code: Code) -> impl IntoView {
    let store = use_store();
    move || {
        let data = store.data()?;
        let targets = match data.targets() {
            Ok(targets) => targets,
            Err(detail) => {
                let detail = detail.to_string();
                return Some(view! { <SummaryUnreadable detail /> }.into_any());
            }
        };
        let rows: Vec<(usize, Assessment)> = assess_all(&data.summary, targets, as_of(&data))
            .into_iter()
            .enumerate()
            .filter(|(_, a)| a.target.jurisdiction_code == code)
            .collect();
        (!rows.is_empty()).then(|| {
            view! {
                <section aria-labelledby="area-targets-title">
                    <h2 id="area-targets-title">{move_tr!("targets-title")}</h2>
                    <TargetTable data rows />
                </section>
            }
            .into_any()
        })
    }
}

/// A part of the summary kept as text (the targets, the complaint figures, the documents) that
/// could not be read when a page asked for it, and why; the rest of the page is shown.
#[component]
pub fn SummaryUnreadable(detail: String) -> impl IntoView {
    view! {
        <p class="error" role="alert" data-testid="summary-unreadable">
            {move_tr!("summary-unreadable", { "detail" => detail.clone() })}
        </p>
    }
}

/// The complaint figures the publisher ships for the area, by category and by month.
#[component]
pub fn AreaComplaints(code: Code) -> impl IntoView {
    let store = use_store();
    move || {
        let data = store.data()?;
        let stats = match data.complaint_stats() {
            Ok(stats) => stats,
            Err(detail) => {
                let detail = detail.to_string();
                return Some(view! { <SummaryUnreadable detail /> }.into_any());
            }
        };
        let totals = complaint_totals(stats, &code);
        if totals.total.rows == 0 {
            return None;
        }
        let received = totals.total.received as u32;
        let max = totals
            .by_category
            .values()
            .map(|t| t.received as f64)
            .fold(1.0, f64::max);
        let by_category = move || {
            totals
                .by_category
                .iter()
                .map(|(c, t)| Bar {
                    label: c.label(lang()).to_string(),
                    value: Some(t.received as f64),
                    text: share_text(t.received as u32, received),
                    href: None,
                    mark: None,
                })
                .collect::<Vec<_>>()
        };
        let months = totals
            .by_month
            .iter()
            .map(|(m, t)| {
                let resolved = t
                    .resolved_pct()
                    .map(|p| format!("{p:.1} %"))
                    .unwrap_or_else(|| "—".to_string());
                view! {
                    <tr>
                        <th scope="row">{m.to_string()}</th>
                        <td class="num">{t.received}</td>
                        <td class="num">{resolved}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(
            view! {
                <section aria-labelledby="complaint-stats-title" data-testid="complaint-stats">
                    <h2 id="complaint-stats-title">{move_tr!("complaint-stats-title")}</h2>
                    <p class="muted">
                        {move_tr!("complaint-stats-intro", { "n" => received })}
                    </p>
                    {move || {
                        view! {
                            <BarChart
                                id="chart-complaints"
                                title=move_tr!("complaint-stats-by-category")
                                description=move_tr!("chart-count-desc")
                                max
                                bars=by_category()
                            />
                        }
                    }}
                    <div class="table-wrap">
                        <table class="data-table" data-testid="complaint-stats-months">
                            <caption>{move_tr!("complaint-stats-by-month")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move_tr!("complaint-stats-month")}</th>
                                    <th scope="col">{move_tr!("complaint-stats-received")}</th>
                                    <th scope="col">{move_tr!("complaint-stats-resolved")}</th>
                                </tr>
                            </thead>
                            <tbody>{months}</tbody>
                        </table>
                    </div>
                </section>
            }
            .into_any(),
        )
    }
}
