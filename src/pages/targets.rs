//! `/targets`: promises against reality — every row of `targets.csv` with the figure the data
//! gives, the target, the deadline, the status as of the dataset's date, and the document that
//! set it (number, title, issuer, date). The core decides every status and every reason a target
//! cannot be measured (`cundi_core::targets`); this page never invents a figure. The table and
//! the sections an area's page shares with it are in `components::targets`.

use crate::components::chart::{Bar, BarChart};
use crate::components::with_data;
use crate::i18n::{self, lang};
use crate::url::area_href;
use crate::{move_tr, tr};
use cundi_core::targets::{assess_all, Status};
use leptos::prelude::*;

use crate::components::targets::{as_of, figure, SummaryUnreadable, TargetTable};

#[component]
pub fn TargetsPage() -> impl IntoView {
    with_data(move |data| {
        crate::pages::scroll_to_top();
        let date = as_of(&data);
        let (targets, unreadable) = match data.targets() {
            Ok(targets) => (targets, None),
            Err(detail) => (&[][..], Some(detail.to_string())),
        };
        let all = assess_all(&data.summary, targets, date);
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
        // Each bar names its target: the area and the indicator, then the target, its deadline
        // and where it stands.
        let bars = all
            .iter()
            .filter_map(|a| {
                let v = a.value?;
                let t = a.target.target;
                let indicator = a.target.indicator;
                let standing = if a.met_after_deadline() {
                    tr!("targets-met-as-of", { "date" => date.to_string() })
                } else {
                    a.status.label(lang())
                };
                (t > 0.0).then(|| Bar {
                    label: format!(
                        "{} · {}\n{}",
                        data.dataset()
                            .name_of(a.target.jurisdiction_code.as_str())
                            .unwrap_or_default(),
                        i18n::indicator(indicator),
                        tr!("targets-bar-goal", {
                            "target" => figure(indicator, t),
                            "deadline" => a.target.deadline.to_string(),
                        }),
                    ),
                    value: Some(v * 100.0 / t),
                    text: format!("{} · {}", figure(indicator, v), standing),
                    href: Some(area_href(&a.target.jurisdiction_code)),
                    mark: a.expected_by_now.map(|e| e * 100.0 / t),
                })
            })
            .collect::<Vec<_>>();
        crate::components::page_title(|| crate::tr!("targets-title"));
        view! {
            <article class="page targets" data-testid="targets-page" aria-labelledby="targets-title">
                <h1 id="targets-title">{move_tr!("targets-title")}</h1>
                <p class="muted">
                    {move_tr!("targets-intro", { "date" => date.to_string() })}
                </p>
                {unreadable.map(|detail| view! { <SummaryUnreadable detail /> })}
                <ul class="target-counts plain">{counts}</ul>
                <TargetTable data=data.clone() rows=all.iter().cloned().enumerate().collect() />
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
