//! The map legend, in HTML: what the circle sizes (tiers), their styles (statuses) and the village
//! colours (delivery frequency) mean. It draws each symbol from the same styles the map uses.

use crate::i18n::{self, text};
use crate::map::style::{self, MarkerStyle, FREQUENCIES};
use crate::move_tr;
use cundi_core::{Status, Tier};
use leptos::prelude::*;

#[component]
pub fn Legend(
    /// Open at first (on wide screens); closed leaves the map to phones.
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let tiers = Tier::ALL
        .iter()
        .map(|&t| {
            view! {
                <li>
                    <Symbol style=style::station_style(t, Status::Operating) />
                    <span>{text(move || i18n::tier(t))}</span>
                </li>
            }
        })
        .collect_view();
    let statuses = Status::ALL
        .iter()
        .map(|&s| {
            view! {
                <li>
                    <Symbol style=style::station_style(Tier::TownshipStation, s) />
                    <span>{text(move || i18n::status(s))}</span>
                </li>
            }
        })
        .collect_view();
    let frequencies = FREQUENCIES
        .iter()
        .map(|&f| {
            view! {
                <li>
                    <Symbol style=style::village_style(f) />
                    <span>
                        <span class="legend-term">{text(move || i18n::frequency(f))}</span>
                        <span class="legend-desc">{text(move || i18n::frequency_description(f))}</span>
                    </span>
                </li>
            }
        })
        .collect_view();

    view! {
        <details class="legend sheet" data-testid="legend" open=open>
            <summary>{move_tr!("legend-title")}</summary>
            <div class="legend-body">
                <crate::components::SheetHandle />
                <h3>{move_tr!("legend-tiers")}</h3>
                <ul data-testid="legend-tiers">{tiers}</ul>
                <h3>{move_tr!("legend-status")}</h3>
                <ul data-testid="legend-status">{statuses}</ul>
                <h3>{move_tr!("legend-frequency")}</h3>
                <ul data-testid="legend-frequency">{frequencies}</ul>
            </div>
        </details>
    }
}

/// One map symbol, drawn in SVG the way the canvas draws it.
#[component]
fn Symbol(style: MarkerStyle) -> impl IntoView {
    let size = 26.0;
    let c = size / 2.0;
    view! {
        <svg
            class="symbol"
            width=size
            height=size
            viewBox=format!("0 0 {size} {size}")
            aria-hidden="true"
        >
            <circle
                cx=c
                cy=c
                r=style.radius
                stroke=if style.color == "#ffffff" { "#64748b" } else { style.color }
                stroke-width=style.weight
                stroke-dasharray=style.dash
                fill=style.fill.unwrap_or("none")
                fill-opacity=style.fill_opacity
            ></circle>
        </svg>
    }
}
