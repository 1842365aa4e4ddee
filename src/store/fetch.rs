//! Fetching the bundle's files, each with the configured timeout, and reading them: a file
//! that fails to arrive or to parse becomes a [`LoadError`] naming it.

use super::*;
use cundi_core::bundle::{Area, Summary, SUMMARY_FILE};
use cundi_core::search::SearchEntry;
use gloo_net::http::Request;
use leptos::prelude::*;
use std::sync::Arc;

/// What went wrong with one file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    /// The request itself failed (offline, DNS, CORS, aborted…).
    Network(String),
    /// The server answered with a status other than 2xx.
    Http(u16),
    /// Nothing (or not all of it) arrived within this many milliseconds.
    Timeout(u32),
    /// The file arrived but is not what it should be (bad JSON, wrong format version…).
    Parse(String),
}

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file's URL as requested, relative to the page (e.g. `data/summary.json`).
    pub file: String,
    pub failure: LoadFailure,
}

/// A signal that aborts a request after `ms` milliseconds. (`AbortSignal.timeout` would do,
/// but Safari has it only from 16 and Chromium from 103: this keeps the site running on the
/// browsers its wasm runs on, docs/FIRST-VISIT.md.)
pub fn abort_after(ms: u32) -> web_sys::AbortSignal {
    let controller = web_sys::AbortController::new().expect("AbortController");
    let signal = controller.signal();
    set_timeout(
        move || controller.abort(),
        std::time::Duration::from_millis(ms.into()),
    );
    signal
}

pub(super) async fn fetch_bytes(url: &str, timeout_ms: u32) -> Result<Vec<u8>, LoadError> {
    let fail = |failure| LoadError {
        file: url.to_string(),
        failure,
    };
    // The whole file within the time, body included: a stalled download counts.
    let signal = abort_after(timeout_ms);
    let failed = |e: gloo_net::Error| {
        if signal.aborted() {
            fail(LoadFailure::Timeout(timeout_ms))
        } else {
            fail(LoadFailure::Network(e.to_string()))
        }
    };
    let past_worker = !crate::offline::controlled();
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(fail(LoadFailure::Http(response.status())));
    }
    let bytes = response.binary().await.map_err(failed)?;
    if past_worker {
        crate::offline::arrived_past_worker(url);
    }
    Ok(bytes)
}

/// A text file of the site or the bundle, within `timeout_ms`.
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, LoadError> {
    let bytes = fetch_bytes(url, timeout_ms).await?;
    String::from_utf8(bytes).map_err(|e| LoadError {
        file: url.to_string(),
        failure: LoadFailure::Parse(e.to_string()),
    })
}

pub(super) fn parse_error(url: &str, e: impl ToString) -> LoadError {
    LoadError {
        file: url.to_string(),
        failure: LoadFailure::Parse(e.to_string()),
    }
}

pub async fn load_config(url: &str) -> Result<SiteConfig, LoadError> {
    let text = fetch_text(url, DATA_TIMEOUT_MS).await?;
    serde_json::from_str(&text).map_err(|e| parse_error(url, e))
}

pub async fn load_summary(config: &SiteConfig) -> Result<Summary, LoadError> {
    let url = config.data_url(SUMMARY_FILE);
    let text = fetch_text(&url, config.timeout_ms).await?;
    let summary = Summary::parse(&text).map_err(|e| parse_error(&url, e))?;
    if summary.format != cundi_core::bundle::FORMAT_VERSION {
        return Err(parse_error(
            &url,
            format!(
                "bundle format {} (this site reads format {})",
                summary.format,
                cundi_core::bundle::FORMAT_VERSION
            ),
        ));
    }
    Ok(summary)
}

/// Loads one county's chunk. Rows with problems are reported, not fatal: the valid rows are
/// kept and the problems join the others on the data-quality page.
pub async fn load_county(config: &SiteConfig, area: &Area) -> Result<County, LoadError> {
    let Some(chunk) = &area.chunk else {
        return Err(parse_error(
            &config.data_url(SUMMARY_FILE),
            format!("area {} has no chunk", area.division.code),
        ));
    };
    let stations_url = config.data_url(&chunk.stations.path);
    let villages_url = config.data_url(&chunk.villages.path);
    let areas_url = config.data_url(&chunk.areas.path);
    let boundary_url = chunk.boundary.as_ref().map(|b| config.data_url(&b.path));
    let (stations, villages, areas, boundary) = futures::join!(
        fetch_bytes(&stations_url, config.timeout_ms),
        fetch_bytes(&villages_url, config.timeout_ms),
        fetch_text(&areas_url, config.timeout_ms),
        async {
            match &boundary_url {
                Some(url) => fetch_text(url, config.timeout_ms).await.map(Some),
                None => Ok(None),
            }
        }
    );
    let (stations, mut problems) =
        cundi_core::read::read_stations(&chunk.stations.path, &stations?);
    let (villages, village_problems) =
        cundi_core::read::read_villages(&chunk.villages.path, &villages?);
    problems.extend(village_problems);
    let townships: Vec<Area> =
        serde_json::from_str(&areas?).map_err(|e| parse_error(&areas_url, e))?;
    // An outline is checked where it is drawn (`map::outline_layer`), so that pages without a
    // map do not carry a GeoJSON reader; one that is not GeoJSON is left off the map, as
    // `cundi-data build` already listed it as a warning.
    let boundary = boundary?;
    Ok(County {
        code: area.division.code.clone(),
        stations,
        villages,
        boundary,
        townships,
        problems,
    })
}

/// Fetches files at once, each named by a key; one that fails comes back as `None`.
pub(super) async fn fetch_texts<K>(
    files: Vec<(K, String)>,
    timeout_ms: u32,
) -> Vec<(K, Option<String>)> {
    futures::future::join_all(
        files
            .into_iter()
            .map(|(key, url)| async move { (key, fetch_text(&url, timeout_ms).await.ok()) }),
    )
    .await
}

/// Fetches files of search entries at once, each named by a key; one that fails or does not parse
/// comes back as `None`, and the search goes on without it.
pub(super) async fn fetch_entries<K>(
    files: Vec<(K, String)>,
    timeout_ms: u32,
) -> Vec<(K, Option<Vec<SearchEntry>>)> {
    fetch_texts(files, timeout_ms)
        .await
        .into_iter()
        .map(|(key, text)| (key, text.and_then(|t| serde_json::from_str(&t).ok())))
        .collect()
}

/// Loads the search entries (with the pinyin the build computed) the summary names, if any.
pub async fn load_search(
    config: &SiteConfig,
    summary: &Summary,
) -> Result<Option<Vec<SearchEntry>>, LoadError> {
    let Some(file) = &summary.search else {
        return Ok(None);
    };
    let url = config.data_url(&file.path);
    let text = fetch_text(&url, config.timeout_ms).await?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| parse_error(&url, e))
}

/// Loads the configuration, the summary and, unless counties load on demand, every county chunk
/// the summary lists — or, when the first page is about one place (`first`: a station's page or
/// notice, a county's or a township's page), only that place's county: the others come when a
/// page that shows them opens ([`Store::want_all`]), so a visit from a station's QR code fetches
/// one county (docs/FIRST-VISIT.md).
pub async fn load_all(
    config_url: &str,
    generation: u64,
    first: Option<crate::url::Place>,
) -> Result<Data, LoadError> {
    let config = load_config(config_url).await?;
    let summary = Arc::new(load_summary(&config).await?);
    let one = first.and_then(|place| place.county(&summary));
    let counties = if summary.counties().count() > config.eager_counties {
        Vec::new()
    } else {
        futures::future::try_join_all(
            summary
                .counties()
                .filter(|a| one.as_ref().is_none_or(|c| *c == a.division.code))
                .map(|a| load_county(&config, a)),
        )
        .await?
        .into_iter()
        .map(Arc::new)
        .collect()
    };
    Ok(Data::new(config, summary, counties, generation))
}
