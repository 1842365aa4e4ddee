//! `/data`: where every figure came from — the package's title, publisher, licence, version and
//! date, its sources, the coordinate system the publisher used, the illustrative-data notice, and
//! every published file with its size and SHA-256, each downloadable at a stable URL (the bundle's
//! `package/` folder holds the files byte for byte) — the county outlines only counted, as a
//! national package has thousands — and a link to `SHA256SUMS`, which lists every file. Links to
//! the tables, the targets, the data-quality report and, when the publisher shipped one, what
//! changed since the last version.

use crate::components::with_data;
use crate::i18n::lang;
use crate::{move_tr, tr};
use cundi_core::bundle::CHECKSUMS_FILE;
use cundi_core::model::Crs;
use cundi_core::Lang;
use leptos::prelude::*;

#[component]
pub fn ProvenancePage() -> impl IntoView {
    with_data(move |data| {
        crate::pages::scroll_to_top();
        let p = data.summary.package.clone();
        let notice = p.notice.clone();
        let crs = p.crs;
        let checksums = data.config.data_url(CHECKSUMS_FILE);
        let outlines = data.summary.outlines;
        let files = data
            .summary
            .files
            .iter()
            .map(|f| {
                let url = data.config.data_url(&f.path);
                let name = f
                    .path
                    .strip_prefix("package/")
                    .unwrap_or(&f.path)
                    .to_string();
                view! {
                    <tr data-path=name.clone()>
                        <th scope="row">
                            <a href=url download=name.clone() data-testid="file-link">
                                {name.clone()}
                            </a>
                        </th>
                        <td class="num" data-testid="file-bytes">{f.bytes}</td>
                        <td class="num">{f.rows.map(|r| r.to_string()).unwrap_or_default()}</td>
                        <td>
                            <code class="sha" data-testid="file-sha256">{f.sha256.clone()}</code>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        // Each county's stations as GeoJSON (docs/DATA.md, the bundle), for GIS users.
        let geojson: Vec<(String, String, u64)> = data
            .summary
            .areas
            .iter()
            .filter_map(|a| {
                let f = a.chunk.as_ref()?.stations_geojson.as_ref()?;
                Some((
                    format!("{} {}", a.division.code, a.division.name),
                    data.config.data_url(&f.path),
                    f.rows.unwrap_or_default(),
                ))
            })
            .collect();
        let few = geojson.len() <= 10;
        let geojson = (!geojson.is_empty()).then(|| {
            let items = geojson
                .into_iter()
                .map(|(name, url, n)| {
                    let file = format!("{}.geojson", name.replace(' ', "-"));
                    view! {
                        <li>
                            <a href=url download=file data-testid="geojson-link">{name}</a>
                            " "
                            <span class="muted">{move || tr!("data-geojson-count", { "n" => n })}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="geojson" open=few data-testid="geojson-files">
                    <summary>{move_tr!("data-geojson")}</summary>
                    <ul class="plain">{items}</ul>
                </details>
            }
        });
        let list = |items: Vec<String>| {
            items
                .into_iter()
                .map(|s| view! { <li>{s}</li> })
                .collect_view()
        };
        let unknown = move || tr!("value-unknown");
        crate::components::page_title(|| crate::tr!("data-title"));
        view! {
            <article class="page provenance" data-testid="data-page" aria-labelledby="data-title">
                <h1 id="data-title">{move_tr!("data-title")}</h1>
                <p class="page-links">
                    <a class="button" href="/areas">{move_tr!("areas-title")}</a>
                    <a class="button" href="/targets">{move_tr!("targets-title")}</a>
                    <a class="button" href="/tables/stations">{move_tr!("table-stations-title")}</a>
                    <a class="button" href="/tables/villages">{move_tr!("table-villages-title")}</a>
                    <a class="button" href="/data/dictionary">{move_tr!("dictionary-title")}</a>
                    <a class="button" href="/quality">{move_tr!("nav-quality")}</a>
                    <a class="button" href="/changes" data-testid="changes-link">{move_tr!("changes-title")}</a>
                </p>
                {p.illustrative
                    .then(|| {
                        view! {
                            <p class="notice-box" data-testid="data-illustrative">
                                {move || match (&notice, lang()) {
                                    (Some(n), Lang::Zh) => n.zh.clone(),
                                    (Some(n), Lang::En) => n.en.clone(),
                                    (None, _) => tr!("notice-illustrative"),
                                }}
                            </p>
                        }
                    })}
                <dl class="facts" data-testid="package-facts">
                    <dt>{move_tr!("data-package-title")}</dt>
                    <dd>{p.title.clone().unwrap_or_else(|| p.name.clone())}</dd>
                    <dt>{move_tr!("data-publisher")}</dt>
                    <dd>{p.publisher.clone().unwrap_or_else(unknown)}</dd>
                    <dt>{move_tr!("data-version")}</dt>
                    <dd data-testid="package-version">{p.version.clone().unwrap_or_else(unknown)}</dd>
                    <dt>{move_tr!("data-created")}</dt>
                    <dd data-testid="package-created">
                        {p.as_of().map(|d| d.to_string()).or_else(|| p.created.clone()).unwrap_or_else(unknown)}
                    </dd>
                    <dt>{move_tr!("data-licences")}</dt>
                    <dd>
                        <ul class="plain">{list(p.licenses.clone())}</ul>
                    </dd>
                    <dt>{move_tr!("data-crs")}</dt>
                    <dd data-testid="package-crs">
                        {move || match crs {
                            Crs::Wgs84 => tr!("crs-wgs84"),
                            Crs::Gcj02 => tr!("crs-gcj02"),
                            Crs::Bd09 => tr!("crs-bd09"),
                        }}
                    </dd>
                </dl>
                <section aria-labelledby="sources-title">
                    <h2 id="sources-title">{move_tr!("data-sources")}</h2>
                    <ul data-testid="package-sources">{list(p.sources.clone())}</ul>
                </section>
                <section aria-labelledby="files-title">
                    <h2 id="files-title">{move_tr!("data-files")}</h2>
                    <p class="muted">{move_tr!("data-files-intro")}</p>
                    <div class="table-wrap">
                        <table class="data-table" data-testid="package-files">
                            <thead>
                                <tr>
                                    <th scope="col">{move_tr!("data-file")}</th>
                                    <th scope="col">{move_tr!("data-bytes")}</th>
                                    <th scope="col">{move_tr!("data-rows")}</th>
                                    <th scope="col">"SHA-256"</th>
                                </tr>
                            </thead>
                            <tbody>{files}</tbody>
                        </table>
                    </div>
                    {(outlines > 0)
                        .then(|| {
                            view! {
                                <p class="muted" data-testid="package-outlines">
                                    {move || tr!("data-outlines", { "n" => outlines })}
                                </p>
                            }
                        })}
                    {geojson}
                    <p class="muted">
                        {move_tr!("data-checksums")}
                        " "
                        <a href=checksums download=CHECKSUMS_FILE data-testid="checksums-link">
                            {CHECKSUMS_FILE}
                        </a>
                    </p>
                </section>
            </article>
        }
    })
}
