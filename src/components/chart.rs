//! A horizontal bar chart as SVG that a screen reader can read: the SVG is labelled by the
//! figure's caption and described by its `<desc>`, every bar its label and its figure written
//! out, and the same numbers follow as a table. Labels sit above their bars, on as many lines as
//! they need (a `\n` starts one, and a line too long for the chart's width wraps), so the chart
//! stays legible at phone width and no label is cut; a figure that does not fit beside its bar
//! goes below it. A bar may carry a mark (a target) drawn as a line across it.

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
/// A line of label or figure text (12 units of type, style/main.css `.chart-svg`).
const LINE: f64 = 15.0;
const BAR_H: f64 = 14.0;
/// Space below a bar before the next label.
const GAP: f64 = 12.0;
/// Room on the right of the longest bar for its figure.
const BAR_MAX: f64 = 230.0;

/// How wide a text is drawn, in chart units, a little over rather than under: a CJK or other
/// wide character is one em (12 units), anything else at most 7.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 7.0 } else { 12.0 })
        .sum()
}

/// A label as the lines it is drawn on: each `\n` starts a line, and a line wider than the chart
/// breaks at a space (or, with no space, between characters, which is where Chinese breaks).
fn lines(label: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in label.split('\n') {
        let mut line = String::new();
        for word in para.split_inclusive(' ') {
            if text_width(&line) + text_width(word.trim_end()) <= WIDTH {
                line.push_str(word);
                continue;
            }
            if !line.trim().is_empty() {
                out.push(line.trim_end().to_string());
                line = String::new();
            }
            for c in word.chars() {
                if text_width(&line) + text_width(&c.to_string()) > WIDTH {
                    out.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        out.push(line.trim_end().to_string());
    }
    out
}

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
    let scale = move |v: f64| (v.max(0.0) / max.max(f64::MIN_POSITIVE)).min(1.0) * BAR_MAX;
    let mut y = 0.0;
    let rows = bars
        .iter()
        .map(|bar| {
            let len = bar.value.map(scale).unwrap_or(0.0);
            let label = lines(&bar.label);
            let top = y;
            let bar_y = top + label.len() as f64 * LINE + 5.0;
            // The figure beside its bar when it fits (11 units of type), else below it.
            let beside = len + 6.0 + text_width(&bar.text) * 11.0 / 12.0 <= WIDTH;
            let (value_x, value_y) = if beside {
                (len + 6.0, bar_y + BAR_H - 2.0)
            } else {
                (0.0, bar_y + BAR_H + LINE - 2.0)
            };
            y = value_y.max(bar_y + BAR_H) + GAP;
            let label = label
                .into_iter()
                .enumerate()
                .map(|(k, line)| {
                    view! { <tspan x="0" y=top + 12.0 + k as f64 * LINE>{line}</tspan> }
                })
                .collect_view();
            let mark = bar.mark.map(|m| {
                let x = scale(m);
                view! {
                    <line
                        x1=x
                        x2=x
                        y1=bar_y - 4.0
                        y2=bar_y + BAR_H + 4.0
                        class="chart-mark"
                    />
                }
            });
            view! {
                <g role="listitem">
                    <text class="chart-label">{label}</text>
                    <rect x="0" y=bar_y width=BAR_MAX height=BAR_H class="chart-track" />
                    <rect x="0" y=bar_y width=len height=BAR_H class="chart-bar" />
                    {mark}
                    <text x=value_x y=value_y class="chart-value">
                        {bar.text.clone()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let height = y.max(LINE + BAR_H + GAP);
    let table_rows = bars
        .into_iter()
        .map(|bar| {
            let label = match bar.href {
                Some(href) => view! { <a href=href>{bar.label}</a> }.into_any(),
                None => bar.label.into_any(),
            };
            view! {
                <tr>
                    <th scope="row" class="chart-row-label">{label}</th>
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
