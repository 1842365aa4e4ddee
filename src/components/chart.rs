//! A horizontal bar chart as SVG that a screen reader can read: the SVG is labelled by the
//! figure's caption and described by its `<desc>`, every bar its label and its figure written out, and the same numbers follow as a
//! table. Labels sit above their bars, so the chart stays legible at phone width. A bar may carry
//! a mark (a target) drawn as a line across it.

use crate::move_tr;
use leptos::prelude::*;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The bar's length in the chart's unit; `None` draws no bar ("no figure").
    pub value: Option<f64>,
    /// The figure as written next to the bar and in the table ("271 / 341 · 79.5 %").
    pub text: String,
    /// Where the label leads (an area's page), if anywhere: a link in the table of numbers.
    pub href: Option<String>,
    /// A mark across the bar, e.g. the target, in the same unit.
    pub mark: Option<f64>,
}

const WIDTH: f64 = 360.0;
const ROW: f64 = 42.0;
const BAR_Y: f64 = 20.0;
const BAR_H: f64 = 14.0;
/// Room on the right of the longest bar for its figure.
const BAR_MAX: f64 = 230.0;

#[component]
pub fn BarChart(
    /// The chart's id, for its title and description.
    id: &'static str,
    title: Signal<String>,
    /// What the bars measure, e.g. "share of villages, %".
    description: Signal<String>,
    /// The value of a full-length bar (100 for percentages).
    max: f64,
    bars: Vec<Bar>,
) -> impl IntoView {
    let height = (bars.len() as f64 * ROW).max(ROW);
    let scale = move |v: f64| (v.max(0.0) / max.max(f64::MIN_POSITIVE)).min(1.0) * BAR_MAX;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i as f64 * ROW;
            let len = bar.value.map(scale).unwrap_or(0.0);
            let label = bar.label.clone();
            let mark = bar.mark.map(|m| {
                let x = scale(m);
                view! {
                    <line
                        x1=x
                        x2=x
                        y1=y + BAR_Y - 4.0
                        y2=y + BAR_Y + BAR_H + 4.0
                        class="chart-mark"
                    />
                }
            });
            view! {
                <g role="listitem">
                    <text x="0" y=y + 14.0 class="chart-label">{label}</text>
                    <rect x="0" y=y + BAR_Y width=BAR_MAX height=BAR_H class="chart-track" />
                    <rect x="0" y=y + BAR_Y width=len height=BAR_H class="chart-bar" />
                    {mark}
                    <text x=len + 6.0 y=y + BAR_Y + BAR_H - 2.0 class="chart-value">
                        {bar.text.clone()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let table_rows = bars
        .into_iter()
        .map(|bar| {
            let label = match bar.href {
                Some(href) => view! { <a href=href>{bar.label}</a> }.into_any(),
                None => bar.label.into_any(),
            };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{bar.text}</td>
                </tr>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let described_by = desc_id.clone();
    view! {
        <figure class="chart" data-testid=id>
            <figcaption id=title_id.clone()>{title}</figcaption>
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby=title_id
                aria-describedby=described_by
                class="chart-svg"
            >
                <desc id=desc_id>{description}</desc>
                <g role="list">{rows}</g>
            </svg>
            <details class="chart-numbers">
                <summary>{move_tr!("chart-numbers")}</summary>
                <table class="data-table">
                    <caption>{title}</caption>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
