//! The map as a list: the stations in the map's view, nearest its centre first, each a button
//! that selects it as tapping its mark does. What the map shows, for a screen reader and for the
//! keyboard (issue 7); it follows the view as the map moves.

use crate::components::focus_now;
use crate::i18n::{self, text};
use crate::store::Data;
use crate::{move_tr, tr};
use cundi_core::brand::Want;
use cundi_core::geo::BBox;
use cundi_core::nearest::in_view;
use cundi_core::{Status, Tier};
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many stations are listed; zooming in lists the rest.
pub const LIST_MAX: usize = 100;

/// The id of the list's heading (focused when the list opens).
const HEADING_ID: &str = "view-list-heading";

#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    tier: Tier,
    status: Status,
    area: String,
}

#[component]
pub fn ViewList(
    data: Signal<Arc<Data>>,
    bounds: Signal<Option<BBox>>,
    /// Only the stations that are what the resident looks for (a brand, a service).
    want: Signal<Want>,
    on_select: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let listed = Memo::new(move |_| {
        let view = bounds.get()?;
        let want = want.get();
        Some(data.with(|d| {
            let wanted = d.stations().filter(|s| want.accepts(s));
            let (stations, total) = in_view(wanted, &view, LIST_MAX);
            let rows: Vec<Row> = stations
                .into_iter()
                .map(|s| Row {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    tier: s.tier,
                    status: s.status,
                    area: d
                        .area_names(&s.admin_code)
                        .last()
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect();
            (rows, total)
        }))
    });
    request_animation_frame(|| {
        focus_now(HEADING_ID);
    });
    let total = move || listed.with(|l| l.as_ref().map_or(0, |(_, t)| *t));
    let shown = move || listed.with(|l| l.as_ref().map_or(0, |(r, _)| r.len()));
    let items = move || {
        listed
            .with(|l| l.as_ref().map_or_else(Vec::new, |(rows, _)| rows.clone()))
            .into_iter()
            .map(|row| {
                let Row {
                    id,
                    name,
                    tier,
                    status,
                    area,
                } = row;
                view! {
                    <li>
                        <button
                            type="button"
                            class="view-list-item"
                            data-testid="view-list-item"
                            data-id=id.clone()
                            on:click=move |_| on_select.run(id.clone())
                        >
                            <span class="view-list-name">{name}</span>
                            <span class="view-list-meta">
                                {text(move || i18n::tier(tier))}
                                " · "
                                <span class=format!("status-text status-{}", status.as_str())>
                                    {text(move || i18n::status(status))}
                                </span>
                                {(!area.is_empty()).then(|| format!(" · {area}"))}
                            </span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="details view-list" data-testid="view-list" aria-labelledby=HEADING_ID>
            <header class="details-head">
                <div class="details-title">
                    <h2 id=HEADING_ID tabindex="-1">{move_tr!("list-heading")}</h2>
                    <p class="muted" data-testid="view-list-count" aria-live="polite">
                        {move || {
                            if total() == 0 {
                                tr!("list-empty")
                            } else if total() > shown() {
                                tr!("list-count-cut", { "n" => total(), "shown" => shown() })
                            } else {
                                tr!("list-count", { "n" => total() })
                            }
                        }}
                    </p>
                </div>
                <button
                    type="button"
                    class="button close"
                    data-testid="view-list-close"
                    on:click=move |_| on_close.run(())
                >
                    {move_tr!("list-close")}
                </button>
            </header>
            <ol class="view-list-items">{items}</ol>
            <p class="view-list-more">
                <a href="/tables/stations">{move_tr!("list-table")}</a>
            </p>
        </section>
    }
}
