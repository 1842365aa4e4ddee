//! `/targets`: promises against reality — every row of `targets.csv` with the figure the data
//! gives, the target, the deadline, the status as of the dataset's date, and the document that
//! set it (number, title, issuer, date). The core decides every status and every reason a target
//! cannot be measured (`cundi_core::targets`); this page never invents a figure.
//!
//! Also the two sections of an area's page that come from the same places: the targets set for
//! that area, and the complaint figures the publisher ships (`complaint_stats.csv`).

use crate::components::chart::{Bar, BarChart};
use crate::components::with_data;
use crate::i18n::{self, lang, text};
use crate::move_tr;
use crate::pages::area::{area_href, share_text};
use crate::pages::complaint::today;
use crate::store::{use_store, Data};
use cundi_core::stats::complaint_totals;
use cundi_core::targets::{assess_all, Assessment, Status};
use cundi_core::{Code, Indicator};
use leptos::prelude::*;
use std::sync::Arc;

/// The date targets are judged at: the dataset's, else today (a package without a date).
fn as_of(data: &Data) -> chrono::NaiveDate {
    data.summary.package.as_of().unwrap_or_else(today)
}

/// A figure in its indicator's unit: "85.0 %" or "15".
fn figure(indicator: Indicator, v: f64) -> String {
    if is_pct(indicator) {
        format!("{v:.1} %")
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn is_pct(indicator: Indicator) -> bool {
    indicator.as_str().ends_with("_pct")
}

#[component]
pub fn TargetsPage() -> impl IntoView {
    with_data(move |data| {
        crate::pages::scroll_to_top();
        let date = as_of(&data);
        let all = assess_all(&data.summary, date);
        let counts = Status::ALL
            .iter()
            .map(|&s| {
                let n = all.iter().filter(|a| a.status == s).count();
                view! {
                    <li>
                        <span class=format!("badge target-{}", s.as_str())>{move || s.label(lang())}</span>
                        " "
                        <span data-testid=format!("targets-{}", s.as_str())>{n}</span>
                    </li>
                }
            })
            .collect_view();
        let bars = all
            .iter()
            .filter_map(|a| {
                let v = a.value?;
                let t = a.target.target;
                (t > 0.0).then(|| Bar {
                    label: format!(
                        "{} · {}",
                        data.dataset()
                            .name_of(a.target.jurisdiction_code.as_str())
                            .unwrap_or_default(),
                        a.target.deadline
                    ),
                    value: Some(v * 100.0 / t),
                    text: format!(
                        "{} / {} · {}",
                        figure(a.target.indicator, v),
                        figure(a.target.indicator, t),
                        a.status.label(lang())
                    ),
                    href: Some(area_href(&a.target.jurisdiction_code)),
                    mark: a.expected_by_now.map(|e| e * 100.0 / t),
                })
            })
            .collect::<Vec<_>>();
        view! {
            <article class="page targets" data-testid="targets-page" aria-labelledby="targets-title">
                <h1 id="targets-title">{move_tr!("targets-title")}</h1>
                <p class="muted">
                    {move_tr!("targets-intro", { "date" => date.to_string() })}
                </p>
                <ul class="target-counts plain">{counts}</ul>
                <TargetTable data=data.clone() rows=all />
                <section aria-labelledby="progress-title">
                    <h2 id="progress-title">{move_tr!("targets-progress-title")}</h2>
                    <BarChart
                        id="chart-targets"
                        title=move_tr!("targets-progress-title")
                        description=move_tr!("targets-progress-desc")
                        max=100.0
                        bars
                    />
                </section>
            </article>
        }
    })
}

/// Targets as rows: area, indicator, figure against target, deadline, status, document.
#[component]
fn TargetTable(data: Arc<Data>, rows: Vec<Assessment>) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|a| {
            let t = a.target.clone();
            let area = data
                .dataset()
                .name_of(t.jurisdiction_code.as_str())
                .map(str::to_string)
                .unwrap_or_else(|| t.jurisdiction_code.to_string());
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
                            {move || status.label(lang())}
                        </span>
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
                        {t.note.clone().map(|n| view! { <br /> <small class="muted">{n}</small> })}
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
        let rows: Vec<Assessment> = assess_all(&data.summary, as_of(&data))
            .into_iter()
            .filter(|a| a.target.jurisdiction_code == code)
            .collect();
        (!rows.is_empty()).then(|| {
            view! {
                <section aria-labelledby="area-targets-title">
                    <h2 id="area-targets-title">{move_tr!("targets-title")}</h2>
                    <TargetTable data rows />
                </section>
            }
        })
    }
}

/// The complaint figures the publisher ships for the area, by category and by month.
#[component]
pub fn AreaComplaints(code: Code) -> impl IntoView {
    let store = use_store();
    move || {
        let data = store.data()?;
        let totals = complaint_totals(&data.summary.complaint_stats, &code);
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
        Some(view! {
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
        })
    }
}
