//! `/tables/stations` and `/tables/villages`: every column of the published CSV, filtered by area,
//! tier, status, model, filing, "below the daily standard" and free text, sorted by any column,
//! paged, and downloadable as every row the filters keep, in the order shown (CSV with a BOM for
//! Excel, JSON or GeoJSON). The URL is the view: the core's `table::Query` reads and writes it,
//! so a shared link reopens the same rows in the same order.
//!
//! On screen the table speaks the reader's language: each column by its word (`column-<name>`,
//! with the CSV's name beneath), codes and yes/no as words; the download keeps the raw codes,
//! and `/data/dictionary` explains every column and code. The name and id stay in view while the
//! other columns scroll (one frozen column holding both).

use crate::components::with_data;
use crate::i18n::{self, text};
use crate::store::{use_store, Data};
use crate::url::href;
use crate::{move_tr, tr};
use cundi_core::package::FieldType;
use cundi_core::table::{self, param, Query, Sort};
use cundi_core::write::{self, ToRow};
use cundi_core::{CoopModel, Level, Station, Status, Tier, Village};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Stations,
    Villages,
}

impl Kind {
    fn path(self) -> &'static str {
        match self {
            Kind::Stations => "/tables/stations",
            Kind::Villages => "/tables/villages",
        }
    }

    fn word(self) -> &'static str {
        match self {
            Kind::Stations => "stations",
            Kind::Villages => "villages",
        }
    }

    /// The column naming a row: station id, village code.
    fn key(self) -> &'static str {
        match self {
            Kind::Stations => "id",
            Kind::Villages => "code",
        }
    }

    fn field_type(self, column: &str) -> Option<FieldType> {
        let fields = match self {
            Kind::Stations => Station::SPEC.fields,
            Kind::Villages => Village::SPEC.fields,
        };
        fields.iter().find(|f| f.name == column).map(|f| f.ty)
    }
}

const PARAMS: [&str; 10] = [
    param::AREA,
    param::TIER,
    param::STATUS,
    param::MODEL,
    param::FILED,
    param::BELOW_DAILY,
    param::TEXT,
    param::SORT,
    param::PAGE,
    param::SIZE,
];

const PAGE_SIZES: [usize; 4] = [25, 50, 100, 500];

/// How a filter reads its value from a query, and writes one into it.
type GetFilter = Box<dyn Fn(&Query) -> String + Send + Sync>;
type SetFilter = Box<dyn Fn(&mut Query, &str) + Send + Sync>;

#[component]
pub fn TablePage() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let kind = Memo::new(move |_| match params.with(|p| p.get("kind")).as_deref() {
        Some("villages") => Some(Kind::Villages),
        Some("stations") => Some(Kind::Stations),
        _ => None,
    });
    let query = Memo::new(move |_| {
        location
            .query
            .with(|q| Query::from_pairs(PARAMS.iter().filter_map(|k| q.get(k).map(|v| (*k, v)))))
    });
    with_data(move |data| match kind.get() {
        Some(kind) => view! { <Table data kind query /> }.into_any(),
        None => view! { <crate::components::NotFoundView what=crate::components::Missing::Page /> }
            .into_any(),
    })
}

/// The table's rows on this page and their cells, the header, and the totals.
struct Shown {
    header: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
    indices: Vec<usize>,
    total: usize,
    page: usize,
    pages: usize,
}

fn shown(data: &Data, kind: Kind, rows: &[usize], q: &Query) -> Shown {
    fn cells<T: ToRow>(all: &[T], indices: &[usize], id: impl Fn(&T) -> String) -> Shown {
        let header: Vec<String> = write::header(all).into_iter().map(str::to_string).collect();
        let known = T::SPEC.fields.len();
        let extra: Vec<&str> = header[known..].iter().map(String::as_str).collect();
        let rows = indices
            .iter()
            .filter_map(|&i| all.get(i))
            .map(|row| (id(row), write::row_cells(row, &extra)))
            .collect();
        Shown {
            header,
            rows,
            indices: indices.to_vec(),
            total: 0,
            page: 0,
            pages: 1,
        }
    }
    let ds = data.dataset();
    let page = table::page_of(rows, q);
    let mut s = match kind {
        Kind::Stations => cells(&ds.stations, &page.indices, |st: &Station| st.id.clone()),
        Kind::Villages => cells(&ds.villages, &page.indices, |v: &Village| {
            v.code.to_string()
        }),
    };
    s.total = page.total;
    s.page = page.page;
    s.pages = page.pages;
    s
}

#[component]
fn Table(data: Arc<Data>, kind: Kind, query: Memo<Query>) -> impl IntoView {
    let navigate = use_navigate();
    // Every change of the view is a new URL: filters and sorting add a history entry, so Back
    // undoes them; typed text replaces it.
    let go = Callback::new(move |(q, push): (Query, bool)| {
        let pairs: Vec<(&str, Option<String>)> = q
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k, Some(v)))
            .collect();
        navigate(
            &href(kind.path(), &pairs),
            NavigateOptions {
                replace: !push,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    let change = move |f: Box<dyn FnOnce(&mut Query)>| {
        let mut q = query.get_untracked();
        f(&mut q);
        q.page = 0;
        go.run((q, true));
    };
    // Filtering and sorting happen when they change, not on every page flip: on a national
    // dataset the sort is the expensive part.
    let data2 = data.clone();
    let filters = Memo::new(move |_| {
        let mut q = query.get();
        q.page = 0;
        q.page_size = 0;
        q
    });
    // Names sort by their pinyin, as a Chinese index orders them, once the readings are here
    // (until then by their characters); the bool says which.
    let store = use_store();
    let sorted = Memo::new(move |_| {
        filters.with(|q| {
            let ds = data2.dataset();
            let mut rows = match kind {
                Kind::Stations => table::station_rows(ds, q),
                Kind::Villages => table::village_rows(ds, q),
            };
            let Some(sort) = q.sort.as_ref().filter(|s| s.column == "name") else {
                return (rows, false);
            };
            let readings = store.readings();
            if readings.is_empty() {
                return (rows, false);
            }
            let reading = |key: &str| readings.get(key).map(|r| r.sort.as_str());
            match kind {
                Kind::Stations => {
                    table::sort_stations_by_reading(ds, &mut rows, sort.descending, &reading)
                }
                Kind::Villages => {
                    table::sort_villages_by_reading(ds, &mut rows, sort.descending, &reading)
                }
            }
            (rows, true)
        })
    });
    let rows = Memo::new(move |_| sorted.with(|(rows, _)| rows.clone()));
    let data3 = data.clone();
    let result = Memo::new(move |_| {
        let s = rows.with(|r| shown(&data3, kind, r, &query.get()));
        (s.header, s.rows, s.indices, s.total, s.page, s.pages)
    });

    let areas: Vec<(String, String)> = data
        .summary
        .areas
        .iter()
        .map(|a| {
            let depth = match a.division.code.level() {
                Level::Province => 0,
                Level::City => 1,
                Level::County => 2,
                _ => 3,
            };
            (
                a.division.code.to_string(),
                format!("{}{}", "\u{3000}".repeat(depth), a.division.name),
            )
        })
        .collect();

    let select = move |label: Signal<String>,
                       testid: &'static str,
                       options: Vec<(String, Signal<String>)>,
                       current: GetFilter,
                       set: SetFilter| {
        let current = std::sync::Arc::new(current);
        let set = std::sync::Arc::new(set);
        let opts = options
            .into_iter()
            .map(|(value, label)| {
                let current = current.clone();
                let v = value.clone();
                view! {
                    <option value=value selected=move || query.with(|q| current(q) == v)>
                        {label}
                    </option>
                }
            })
            .collect_view();
        view! {
            <label class="filter">
                <span>{label}</span>
                <select
                    data-testid=testid
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let set = set.clone();
                        change(Box::new(move |q| set(q, &v)));
                    }
                >
                    <option value="">{move_tr!("table-any")}</option>
                    {opts}
                </select>
            </label>
        }
    };
    let words = |all: &'static [&'static str], label: fn(&str) -> String| {
        all.iter()
            .map(|w| {
                let w = *w;
                (w.to_string(), Signal::derive(move || label(w)))
            })
            .collect::<Vec<_>>()
    };
    let area_options: Vec<(String, Signal<String>)> = areas
        .into_iter()
        .map(|(c, n)| (c, Signal::derive(move || n.clone())))
        .collect();
    let station_filters = (kind == Kind::Stations).then(|| {
        view! {
            {select(
                move_tr!("table-tier"),
                "filter-tier",
                words(&["county_center", "township_station", "village_point"], |w| {
                    Tier::parse(w).map(i18n::tier).unwrap_or_default()
                }),
                Box::new(|q| q.tier.map(|t| t.as_str().to_string()).unwrap_or_default()),
                Box::new(|q, v| q.tier = Tier::parse(v)),
            )}
            {select(
                move_tr!("table-status"),
                "filter-status",
                words(&["operating", "suspended", "closed", "planned"], |w| {
                    Status::parse(w).map(i18n::status).unwrap_or_default()
                }),
                Box::new(|q| q.status.map(|t| t.as_str().to_string()).unwrap_or_default()),
                Box::new(|q, v| q.status = Status::parse(v)),
            )}
            {select(
                move_tr!("table-model"),
                "filter-model",
                CoopModel::ALL
                    .iter()
                    .map(|&m| (m.as_str().to_string(), Signal::derive(move || i18n::model(m))))
                    .collect(),
                Box::new(|q| q.model.map(|t| t.as_str().to_string()).unwrap_or_default()),
                Box::new(|q, v| q.model = CoopModel::parse(v)),
            )}
            {select(
                move_tr!("table-filed"),
                "filter-filed",
                vec![
                    ("true".to_string(), Signal::derive(|| tr!("value-yes"))),
                    ("false".to_string(), Signal::derive(|| tr!("value-no"))),
                ],
                Box::new(|q| q.filed.map(|b| b.to_string()).unwrap_or_default()),
                Box::new(|q, v| q.filed = v.parse().ok()),
            )}
        }
    });

    // Every row the filters keep, in the order shown, as CSV, JSON or GeoJSON (points in WGS-84
    // with every column, for QGIS and uMap), with the raw codes as published.
    let download = Callback::new(move |format: &'static str| {
        let indices = rows.get_untracked();
        let ds = data.dataset();
        let (bytes, mime) = match (kind, format) {
            (Kind::Stations, "csv") => {
                (table::stations_csv(ds, &indices), "text/csv;charset=utf-8")
            }
            (Kind::Villages, "csv") => {
                (table::villages_csv(ds, &indices), "text/csv;charset=utf-8")
            }
            (Kind::Stations, "json") => (table::stations_json(ds, &indices), "application/json"),
            (Kind::Villages, "json") => (table::villages_json(ds, &indices), "application/json"),
            (Kind::Stations, _) => (
                table::stations_geojson(ds, &indices),
                "application/geo+json",
            ),
            (Kind::Villages, _) => (
                table::villages_geojson(ds, &indices),
                "application/geo+json",
            ),
        };
        let name = format!(
            "{}{}-{}.{}",
            kind.word(),
            query
                .get_untracked()
                .area
                .map(|a| format!("-{a}"))
                .unwrap_or_default(),
            indices.len(),
            format
        );
        crate::download::save(&name, mime, &bytes);
    });

    // One sort button per column: its word, and the CSV's name beneath.
    let sort_button = move |col: String| {
        let c = col.clone();
        let sorted = move || {
            query.with(|q| {
                q.sort
                    .as_ref()
                    .filter(|s| s.column == c)
                    .map(|s| s.descending)
            })
        };
        let c = col.clone();
        let word = col.clone();
        view! {
            <button
                type="button"
                class="sort"
                data-column=col.clone()
                on:click=move |_| {
                    let c = c.clone();
                    change(Box::new(move |q| {
                        let descending = q
                            .sort
                            .as_ref()
                            .is_some_and(|s| s.column == c && !s.descending);
                        q.sort = Some(Sort { column: c, descending });
                    }))
                }
            >
                {text(move || i18n::column(&word))}
                {move || match sorted() {
                    Some(true) => " ▼",
                    Some(false) => " ▲",
                    None => "",
                }}
                <small class="column-code" lang="en">{col.clone()}</small>
            </button>
        }
    };
    let aria_sort = move |cols: &'static [&'static str], extra: Option<String>| {
        move || {
            query.with(|q| match &q.sort {
                Some(s)
                    if cols.contains(&s.column.as_str()) || extra.as_ref() == Some(&s.column) =>
                {
                    if s.descending {
                        "descending"
                    } else {
                        "ascending"
                    }
                }
                _ => "none",
            })
        }
    };
    let header = move || {
        let (header, ..) = result.get();
        // The frozen column: the name, and the id (code) under it.
        let head = view! {
            <th scope="col" class="frozen" aria-sort=aria_sort(&["name", "id", "code"], None)>
                {sort_button("name".to_string())}
                {sort_button(kind.key().to_string())}
            </th>
        };
        let rest = header
            .into_iter()
            .filter(|c| c != "name" && c != kind.key())
            .map(|col| {
                let sort = aria_sort(&[], Some(col.clone()));
                view! {
                    <th scope="col" aria-sort=sort>
                        {sort_button(col)}
                    </th>
                }
            })
            .collect_view();
        view! { {head} {rest} }
    };
    let body = move || {
        let (header, rows, ..) = result.get();
        let name_at = header.iter().position(|c| c == "name");
        rows.into_iter()
            .map(|(id, cells)| {
                let link = match kind {
                    Kind::Stations => format!("/station/{}", crate::url::encode_segment(&id)),
                    Kind::Villages => format!("/village/{id}"),
                };
                let name = name_at
                    .and_then(|i| cells.get(i).cloned())
                    .unwrap_or_default();
                let rest = header
                    .iter()
                    .zip(cells)
                    .filter(|(c, _)| *c != "name" && *c != kind.key())
                    .map(|(c, cell)| {
                        let shown = i18n::cell(c, kind.field_type(c), &cell);
                        // The published code stays at hand for the one who reads the download.
                        let code = (shown != cell).then_some(cell);
                        view! { <td title=code>{shown}</td> }
                    })
                    .collect_view();
                let row_id = id.clone();
                view! {
                    <tr data-id=row_id>
                        <th scope="row" class="frozen">
                            <a href=link>{name}</a>
                            <crate::components::Reading key=id.clone() />
                            <small class="row-id">{id}</small>
                        </th>
                        {rest}
                    </tr>
                }
            })
            .collect_view()
    };
    let status = move || {
        let (_, rows, _, total, page, pages) = result.get();
        tr!("table-status-line", {
            "total" => total,
            "page" => page + 1,
            "pages" => pages,
            "shown" => rows.len(),
        })
    };
    let step = move |delta: isize| {
        let (.., page, pages) = result.get_untracked();
        let next = (page as isize + delta).clamp(0, pages as isize - 1) as usize;
        let mut q = query.get_untracked();
        q.page = next;
        go.run((q, true));
    };
    let typed = RwSignal::new(query.get_untracked().text);
    Effect::new(move |_| typed.set(query.with(|q| q.text.clone())));

    crate::components::page_title(move || match kind {
        Kind::Stations => tr!("table-stations-title"),
        Kind::Villages => tr!("table-villages-title"),
    });
    view! {
        <article class="page table-page" data-testid="table-page" data-kind=kind.word()>
            <h1>
                {move || match kind {
                    Kind::Stations => tr!("table-stations-title"),
                    Kind::Villages => tr!("table-villages-title"),
                }}
            </h1>
            <p class="page-links">
                <a class="button" href=if kind == Kind::Stations { "/tables/villages" } else { "/tables/stations" }>
                    {move || match kind {
                        Kind::Stations => tr!("table-villages-title"),
                        Kind::Villages => tr!("table-stations-title"),
                    }}
                </a>
                <a class="button" href="/data/dictionary" data-testid="dictionary-link">{move_tr!("dictionary-link")}</a>
            </p>
            <form class="filters" role="search" on:submit=move |ev| {
                ev.prevent_default();
                let t = typed.get_untracked();
                change(Box::new(move |q| q.text = t));
            }>
                <label class="filter wide">
                    <span>{move_tr!("table-text")}</span>
                    <input
                        type="search"
                        data-testid="filter-text"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        on:change=move |ev| {
                            let t = event_target_value(&ev);
                            change(Box::new(move |q| q.text = t));
                        }
                    />
                </label>
                {select(
                    move_tr!("table-area"),
                    "filter-area",
                    area_options,
                    Box::new(|q| q.area.as_ref().map(|a| a.to_string()).unwrap_or_default()),
                    Box::new(|q, v| q.area = cundi_core::Code::parse(v).ok()),
                )}
                {station_filters}
                <label class="filter check">
                    <input
                        type="checkbox"
                        data-testid="filter-below-daily"
                        prop:checked=move || query.with(|q| q.below_daily)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            change(Box::new(move |q| q.below_daily = on));
                        }
                    />
                    <span>{move_tr!("table-below-daily")}</span>
                </label>
                <label class="filter">
                    <span>{move_tr!("table-page-size")}</span>
                    <select
                        data-testid="page-size"
                        on:change=move |ev| {
                            let n = event_target_value(&ev).parse().unwrap_or(table::DEFAULT_PAGE_SIZE);
                            change(Box::new(move |q| q.page_size = n));
                        }
                    >
                        {PAGE_SIZES
                            .into_iter()
                            .map(|n| {
                                view! {
                                    <option value=n.to_string() selected=move || query.with(|q| q.page_size == n)>
                                        {n}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </form>
            <p class="table-status" role="status" data-testid="table-status">{status}</p>
            <p class="downloads" data-testid="downloads">
                <button type="button" class="button" data-testid="download-csv" on:click=move |_| download.run("csv")>
                    {move_tr!("table-download-csv", { "n" => result.with(|r| r.3) })}
                </button>
                <button type="button" class="button" data-testid="download-json" on:click=move |_| download.run("json")>
                    {move_tr!("table-download-json", { "n" => result.with(|r| r.3) })}
                </button>
                <button type="button" class="button" data-testid="download-geojson" on:click=move |_| download.run("geojson")>
                    {move_tr!("table-download-geojson", { "n" => result.with(|r| r.3) })}
                </button>
            </p>
            <div class="table-wrap">
                <table
                    class="data-table rows"
                    data-testid="rows"
                    data-name-order=move || if sorted.with(|(_, by_reading)| *by_reading) { "pinyin" } else { "characters" }
                >
                    <thead>
                        <tr>{header}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <nav class="pager" aria-label=move_tr!("table-pages")>
                <button type="button" class="button" data-testid="page-prev" on:click=move |_| step(-1)
                    disabled=move || result.with(|r| r.4 == 0)>
                    {move_tr!("table-prev")}
                </button>
                <span>{text(move || { let r = result.get(); format!("{} / {}", r.4 + 1, r.5) })}</span>
                <button type="button" class="button" data-testid="page-next" on:click=move |_| step(1)
                    disabled=move || result.with(|r| r.4 + 1 >= r.5)>
                    {move_tr!("table-next")}
                </button>
            </nav>
        </article>
    }
}
