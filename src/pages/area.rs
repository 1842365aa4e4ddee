//! `/areas` and `/area/:code`: coverage by area for the journalist — every province, city, county
//! and township in the data, with breadcrumbs up and a table of the areas inside to drill down.
//! The figures are the build's (`AreaStats`, in `summary.json`), the shares the core's
//! (`share::Share`), so this page, the map's colouring and the targets page say the same thing.

use crate::components::chart::{Bar, BarChart};
use crate::components::want::{want_text, WantChoice};
use crate::components::with_data;
use crate::i18n::{self, text};
use crate::store::Data;
use crate::url::{self, area_href, href};
use crate::{move_tr, tr};
use cundi_core::brand::{self, Want};
use cundi_core::bundle::Area;
use cundi_core::share::{self, Share};
use cundi_core::stats::{area_stats_where as stats_where, share_text, AreaStats};
use cundi_core::{Code, CoopModel, Level, Status};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// The shares shown for every area, in this order.
const SHARES: [Share; 6] = [
    Share::VillagePoint,
    Share::Served,
    Share::Daily,
    Share::TownshipStation,
    Share::StandardizedTownshipStation,
    Share::LockerVillage,
];

#[component]
pub fn AreasPage() -> impl IntoView {
    with_data(move |data| {
        crate::pages::scroll_to_top();
        let top: Vec<Area> = data
            .summary
            .areas
            .iter()
            .filter(|a| a.division.code.level() == Level::Province)
            .cloned()
            .collect();
        let totals = total(&top);
        crate::components::page_title(|| tr!("areas-title"));
        view! {
            <article class="page areas" data-testid="areas-page" aria-labelledby="area-title">
                <h1 id="area-title">{move_tr!("areas-title")}</h1>
                <p class="muted">{move_tr!("areas-intro")}</p>
                <p class="page-links">
                    <a class="button" href="/targets">{move_tr!("targets-title")}</a>
                    <a class="button" href="/data">{move_tr!("data-title")}</a>
                </p>
                <Figures stats=totals />
                <Children data=data.clone() children=top />
                <DeliveriesChart data area=None />
            </article>
        }
    })
}

fn total(areas: &[Area]) -> AreaStats {
    let mut t = AreaStats::default();
    for a in areas {
        let s = &a.stats;
        t.townships += s.townships;
        t.townships_with_station += s.townships_with_station;
        t.villages += s.villages;
        t.villages_with_point += s.villages_with_point;
        t.villages_served += s.villages_served;
        t.villages_daily += s.villages_daily;
        t.large_villages += s.large_villages;
        t.large_villages_with_point += s.large_villages_with_point;
        t.villages_with_locker += s.villages_with_locker;
        t.county_centers += s.county_centers;
        t.township_stations += s.township_stations;
        t.township_stations_standardized += s.township_stations_standardized;
        t.village_points += s.village_points;
        t.village_points_standardized += s.village_points_standardized;
        t.village_points_filed += s.village_points_filed;
        t.lockers += s.lockers;
        for (k, v) in &s.by_status {
            *t.by_status.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &s.by_model {
            *t.by_model.entry(k.clone()).or_default() += v;
        }
    }
    t
}

#[component]
pub fn AreaPage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code")).unwrap_or_default());
    let want = crate::url::use_want();
    // A new area starts at the top; another brand chosen on the page stays where it is.
    let shown = StoredValue::new(String::new());
    with_data(move |data| {
        let code = code.get();
        let want = want.get();
        if shown.get_value() != code {
            shown.set_value(code.clone());
            crate::pages::scroll_to_top();
        }
        // A county's page lists its townships, which come with its chunk.
        let county = cundi_core::Code::parse(&code).ok().and_then(|c| c.county());
        if let Some(wait) = crate::pages::awaiting_county(&data, county) {
            return wait;
        }
        match data.area(&code).cloned() {
            Some(area) => view! { <AreaView data area want /> }.into_any(),
            None => view! {
                <crate::components::NotFoundView what=crate::components::Missing::Area(code) />
            }
            .into_any(),
        }
    })
}

#[component]
fn AreaView(data: Arc<Data>, area: Area, want: Want) -> impl IntoView {
    let code = area.division.code.clone();
    let (area, children, note) = for_want(&data, area, data.children(&code), &want);
    let code_text = code.to_string();
    let level = code.level();
    let mut path = data.area_path(&code);
    path.pop();
    let mut map_params = vec![(url::AREA, Some(code.to_string()))];
    map_params.extend(url::want_params(&want));
    let on_map = href("/", &map_params);
    let brands: Vec<String> = brand::brands(
        data.stations()
            .filter(|s| s.admin_code.as_str().starts_with(code.as_str())),
    )
    .into_iter()
    .map(|(b, _)| b)
    .collect();
    let stations = href("/tables/stations", &[("area", Some(code.to_string()))]);
    let villages = href("/tables/villages", &[("area", Some(code.to_string()))]);
    let name = area.division.name.clone();
    crate::components::page_title(move || name.clone());
    view! {
        <article class="page areas" data-testid="area-page" data-code=code_text aria-labelledby="area-title">
            <nav class="area-path" aria-label=move_tr!("area-path-label")>
                <ol>
                    <li>
                        <a href="/areas">{move_tr!("areas-all")}</a>
                    </li>
                    {path
                        .into_iter()
                        .map(|(c, name)| view! { <li><a href=area_href(&c)>{name}</a></li> })
                        .collect_view()}
                </ol>
            </nav>
            <p class="kicker">{text(move || i18n::level(level))}</p>
            <h1 id="area-title">
                {area.division.name.clone()}
                <crate::components::Reading key=area.division.code.to_string() />
            </h1>
            <p class="page-links">
                <a class="button" href=on_map>{move_tr!("show-on-map")}</a>
                <a class="button" href=stations data-testid="area-stations-link">{move_tr!("table-stations-title")}</a>
                <a class="button" href=villages data-testid="area-villages-link">{move_tr!("table-villages-title")}</a>
                <crate::components::ShareLink title=area.division.name.clone() />
            </p>
            <WantChoice brands />
            {note}
            <Figures stats=area.stats.clone() />
            <Children data=data.clone() children />
            {(level == Level::Township).then(|| view! { <TownshipVillages data=data.clone() code=code.clone() /> })}
            <crate::components::targets::AreaTargets code=code.clone() />
            <DeliveriesChart data=data.clone() area=Some(code.clone()) />
            <crate::components::targets::AreaComplaints code />
        </article>
    }
}

/// The area and the areas inside with their figures for one brand or service (the stations that
/// are not what is wanted counted as absent, `stats::area_stats_where`), and a line that says
/// so. Figures for a brand are counted from the stations, so every county in the area must be
/// loaded; when they load on demand and are not, the figures stay the whole network's and the
/// line says to open a county.
fn for_want(
    data: &Data,
    mut area: Area,
    mut children: Vec<Area>,
    want: &Want,
) -> (Area, Vec<Area>, Option<AnyView>) {
    if want.is_any() {
        return (area, children, None);
    }
    let what = want_text(want);
    let code = area.division.code.clone();
    let loaded = !data.on_demand
        || data
            .summary
            .counties()
            .filter(|a| a.division.code.as_str().starts_with(code.as_str()))
            .all(|a| data.has_county(&a.division.code));
    if !loaded {
        let note = view! {
            <p class="notice" data-testid="want-figures-unloaded">
                {text(move || tr!("want-figures-unloaded", { "what" => what.clone() }))}
            </p>
        };
        return (area, children, Some(note.into_any()));
    }
    let mut stats = stats_where(data.dataset(), |s| want.accepts(s));
    for a in std::iter::once(&mut area).chain(children.iter_mut()) {
        if let Some(s) = stats.remove(&a.division.code) {
            a.stats = s;
        }
    }
    let note = view! {
        <p class="notice" data-testid="want-figures">
            {text(move || tr!("want-figures", { "what" => what.clone() }))}
        </p>
    };
    (area, children, Some(note.into_any()))
}

/// A township's villages (issue 24, point 10): each with how often parcels come (as the map's
/// frequency layer reads it, `Data::frequency`), deliveries a week, and the point serving it.
#[component]
fn TownshipVillages(data: Arc<Data>, code: Code) -> impl IntoView {
    let ds = data.dataset();
    let rows = ds
        .villages_in(code.as_str())
        .into_iter()
        .map(|v| {
            let frequency = data.frequency(v);
            let serving = v.served_by.as_deref().map(|id| (id.to_string(), ds.station(id).map(|s| (s.name.clone(), s.status))));
            let per_week = v.deliveries_per_week;
            let link = format!("/village/{}", v.code);
            let serving = match serving {
                Some((id, Some((name, status)))) => {
                    let href = format!("/station/{}", url::encode_segment(&id));
                    view! {
                        <a href=href>{name}</a>
                        {(status != Status::Operating).then(|| view! {
                            " " <span class=format!("status-text status-{}", status.as_str())>{text(move || i18n::status(status))}</span>
                        })}
                    }
                    .into_any()
                }
                Some((id, None)) => view! { <span>{id}</span> }.into_any(),
                None => view! { <span>{move_tr!("serving-none-short")}</span> }.into_any(),
            };
            view! {
                // The serving point under the village's name: three columns fit a phone.
                <tr data-code=v.code.to_string()>
                    <th scope="row">
                        <a href=link>{v.name.clone()}</a>
                        <crate::components::Reading key=v.code.to_string() />
                        <span class="row-sub" data-testid="village-serving">{serving}</span>
                    </th>
                    <td data-frequency=frequency.as_str()>{text(move || i18n::frequency(frequency))}</td>
                    <td>{per_week.map(|n| n.to_string()).unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="villages-title">
            <h2 id="villages-title">{move_tr!("township-villages-title")}</h2>
            <div class="table-wrap">
                <table class="data-table wrap-names" data-testid="township-villages">
                    <thead>
                        <tr>
                            <th scope="col">{move_tr!("township-villages-name")}</th>
                            <th scope="col">{move_tr!("township-villages-frequency")}</th>
                            <th scope="col">{move_tr!("field-deliveries")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The area's figures: the shares, then counts of stations.
#[component]
fn Figures(stats: AreaStats) -> impl IntoView {
    let s = stats;
    let shares = SHARES
        .into_iter()
        .map(|share| {
            let (part, whole) = share.parts(&s);
            view! {
                <tr data-share=share.as_str()>
                    <th scope="row">{text(move || i18n::share(share))}</th>
                    <td data-testid=format!("share-{}", share.as_str())>{share_text(part, whole)}</td>
                </tr>
            }
        })
        .collect_view();
    let count = |label: Signal<String>, key: &'static str, n: u32| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td data-testid=key>{n}</td>
            </tr>
        }
    };
    let by_status = Status::ALL
        .iter()
        .map(|&st| {
            let n = s.by_status.get(st.as_str()).copied().unwrap_or(0);
            view! {
                <tr>
                    <th scope="row">{text(move || i18n::status(st))}</th>
                    <td data-testid=format!("status-{}", st.as_str())>{n}</td>
                </tr>
            }
        })
        .collect_view();
    let mut models: Vec<(String, u32)> = s.by_model.iter().map(|(k, v)| (k.clone(), *v)).collect();
    models.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let by_model = models
        .into_iter()
        .map(|(word, n)| {
            let model = CoopModel::parse(&word);
            view! {
                <tr>
                    <th scope="row">
                        {text(move || model.map(i18n::model).unwrap_or_else(|| tr!("value-unknown")))}
                    </th>
                    <td>{n}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="figures-title">
            <h2 id="figures-title">{move_tr!("figures-title")}</h2>
            <table class="data-table figures" data-testid="area-figures">
                <tbody>
                    {count(move_tr!("count-villages"), "count-villages", s.villages)}
                    {shares}
                    {count(move_tr!("count-township-stations"), "count-township-stations", s.township_stations)}
                    {count(move_tr!("count-village-points"), "count-village-points", s.village_points)}
                    {count(move_tr!("count-village-points-filed"), "count-village-points-filed", s.village_points_filed)}
                    {count(move_tr!("count-village-points-standardized"), "count-village-points-standardized", s.village_points_standardized)}
                    {count(move_tr!("count-county-centers"), "count-county-centers", s.county_centers)}
                    {count(move_tr!("count-lockers"), "count-lockers", s.lockers)}
                </tbody>
            </table>
            <div class="two-tables">
                <table class="data-table">
                    <caption>{move_tr!("by-status")}</caption>
                    <tbody>{by_status}</tbody>
                </table>
                <table class="data-table">
                    <caption>{move_tr!("by-model")}</caption>
                    <tbody>{by_model}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The areas inside, each a row to drill into, and a chart of the chosen share across them.
#[component]
fn Children(data: Arc<Data>, children: Vec<Area>) -> impl IntoView {
    if children.is_empty() {
        return None;
    }
    let chosen = RwSignal::new(Share::VillagePoint);
    let rows = children
        .iter()
        .map(|a| {
            let s = &a.stats;
            let cells = SHARES
                .into_iter()
                .map(|share| {
                    let (part, whole) = share.parts(s);
                    view! { <td>{share_text(part, whole)}</td> }
                })
                .collect_view();
            view! {
                <tr data-code=a.division.code.to_string()>
                    <th scope="row">
                        <a href=area_href(&a.division.code)>{a.division.name.clone()}</a>
                        <crate::components::Reading key=a.division.code.to_string() />
                    </th>
                    <td>{s.villages}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let heads = SHARES
        .into_iter()
        .map(|share| view! { <th scope="col">{text(move || i18n::share(share))}</th> })
        .collect_view();
    let options = SHARES
        .into_iter()
        .map(|share| {
            view! {
                <option value=share.as_str() selected=move || chosen.get() == share>
                    {text(move || i18n::share(share))}
                </option>
            }
        })
        .collect_view();
    let level = children[0].division.code.level();
    let _ = data;
    Some(view! {
        <section aria-labelledby="children-title">
            <h2 id="children-title">{text(move || tr!("children-title", { "level" => i18n::level(level) }))}</h2>
            <div class="table-wrap">
                <table class="data-table" data-testid="area-children">
                    <thead>
                        <tr>
                            <th scope="col">{text(move || i18n::level(level))}</th>
                            <th scope="col">{move_tr!("count-villages")}</th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <label class="field-label" for="chart-share">{move_tr!("chart-share-label")}</label>
            <select
                id="chart-share"
                data-testid="chart-share"
                on:change=move |ev| {
                    if let Some(s) = Share::parse(&event_target_value(&ev)) {
                        chosen.set(s);
                    }
                }
            >
                {options}
            </select>
            {move || {
                let share = chosen.get();
                let bars = children
                    .iter()
                    .map(|a| {
                        let (part, whole) = share.parts(&a.stats);
                        Bar {
                            label: a.division.name.clone(),
                            value: share.pct(&a.stats),
                            text: share_text(part, whole),
                            href: Some(area_href(&a.division.code)),
                            mark: None,
                        }
                    })
                    .collect();
                view! {
                    <BarChart
                        id="chart-children"
                        title=Signal::derive(move || tr!("chart-children-title", { "share" => i18n::share(share) }))
                        description=Signal::derive(move || tr!("chart-pct-desc"))
                        max=100.0
                        bars
                    />
                }
            }}
        </section>
    })
}

/// How often the area's villages get parcels, from the villages loaded.
#[component]
fn DeliveriesChart(data: Arc<Data>, area: Option<Code>) -> impl IntoView {
    let d = share::deliveries(data.dataset(), area.as_ref());
    let total = d.total();
    if total == 0 {
        return None;
    }
    let bars = move || {
        let row = |label: String, n: u32| Bar {
            label,
            value: Some(f64::from(n)),
            text: share_text(n, total),
            href: None,
            mark: None,
        };
        let mut bars = vec![row(tr!("deliveries-unserved"), d.unserved)];
        for (n, &count) in d.per_week.iter().enumerate() {
            if count > 0 {
                bars.push(row(tr!("deliveries-per-week", { "n" => n }), count));
            }
        }
        if d.unknown > 0 {
            bars.push(row(tr!("deliveries-unknown"), d.unknown));
        }
        let max = bars.iter().filter_map(|b| b.value).fold(1.0, f64::max);
        view! {
            <BarChart
                id="chart-deliveries"
                title=Signal::derive(move || tr!("deliveries-title"))
                description=Signal::derive(move || tr!("chart-count-desc"))
                max
                bars
            />
        }
    };
    Some(view! {
        <section aria-labelledby="deliveries-title">
            <h2 id="deliveries-title">{move_tr!("deliveries-title")}</h2>
            <p class="muted">{move_tr!("deliveries-intro")}</p>
            {bars}
        </section>
    })
}
