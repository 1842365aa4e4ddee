//! `cundi-data csp DIST`: seals a built site with a Content-Security-Policy that allows no inline
//! script or style and no `eval` — only `'wasm-unsafe-eval'`, which compiling the wasm needs — and
//! lets the page reach only its own origin, the tile server `config.json` names and the Open311
//! receivers that `config.json` and the bundle's authorities name.
//!
//! The wasm loader is an inline module script (as Trunk writes one; `scripts/wasm` writes the
//! site's); sealing moves it into a file of its own (named by its SHA-256, so a new build gets a
//! new name) and writes the policy right after the charset, before anything it governs. Run it
//! after every build (Trunk's `post_build` hook does); running it again
//! changes nothing. Servers should send the same policy as a header too (docs/PUBLISHING.md), which
//! also covers `frame-ancestors`, a directive a `<meta>` cannot carry.

use crate::error::Error;
use cundi_core::bundle::{Summary, SUMMARY_FILE};
pub use cundi_core::tiles::origin;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

const META_START: &str = r#"<meta http-equiv="Content-Security-Policy" content=""#;

/// What the policy lets the page reach beyond its own origin, and the inline scripts it runs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sources {
    /// `'sha256-…'` of each inline classic script (the boot script, `crate::frame`).
    pub scripts: BTreeSet<String>,
    /// Origins of background tiles (`img-src`).
    pub tiles: BTreeSet<String>,
    /// How many bytes of those tiles the service worker keeps (`crate::worker`).
    pub tile_cache_bytes: u64,
    /// The sites that may frame the site (`frame-ancestors`, a header only): `config.json`'s
    /// `frame_ancestors`, none by default.
    pub frame_ancestors: Vec<String>,
    /// Origins of Open311 receivers (`connect-src`).
    pub open311: BTreeSet<String>,
}

/// The policy, one directive after another.
pub fn policy(sources: &Sources) -> String {
    let with = |base: &str, extra: &BTreeSet<String>| {
        extra
            .iter()
            .fold(base.to_string(), |acc, o| format!("{acc} {o}"))
    };
    [
        "default-src 'self'".to_string(),
        with("script-src 'self' 'wasm-unsafe-eval'", &sources.scripts),
        "style-src 'self'".to_string(),
        with("img-src 'self' data:", &sources.tiles),
        with("connect-src 'self'", &sources.open311),
        "font-src 'self'".to_string(),
        "worker-src 'self'".to_string(),
        "manifest-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
    ]
    .join("; ")
}

#[derive(Deserialize)]
struct Config {
    #[serde(default)]
    tiles: Option<cundi_core::tiles::TileConfig>,
    #[serde(default)]
    open311: Option<cundi_core::complaint::Receiver>,
    #[serde(default)]
    frame_ancestors: Vec<String>,
}

/// What the built site in `dist` may reach: from `config.json` and the bundle's authorities.
pub fn sources(dist: &Path) -> Result<Sources, Error> {
    let mut sources = Sources::default();
    let config_path = dist.join("config.json");
    if config_path.is_file() {
        let text = std::fs::read_to_string(&config_path).map_err(|e| Error::io(&config_path, e))?;
        let config: Config = serde_json::from_str(&text)
            .map_err(|e| Error::Input(format!("{}: {e}", config_path.display())))?;
        // A mistyped category would quietly send that category by its own word: said at build.
        if let Some(unknown) = config.open311.as_ref().map(|o| o.unknown_categories()) {
            if let Some(word) = unknown.first() {
                let words: Vec<&str> = cundi_core::Category::ALL
                    .iter()
                    .map(|c| c.as_str())
                    .collect();
                return Err(Error::Input(format!(
                    "{}: open311.service_codes names “{word}”, which is not a complaint category ({})",
                    config_path.display(),
                    words.join(", ")
                )));
            }
        }
        // The base map's hosts, exactly (every subdomain spelled out); a base map that cannot
        // be drawn is said at build, not found by a visitor.
        if let Some(tiles) = &config.tiles {
            let base_map = tiles
                .resolve()
                .map_err(|why| Error::Input(format!("{}: {why}", config_path.display())))?;
            sources.tiles.extend(base_map.origins());
            sources.tile_cache_bytes = base_map.cache_bytes;
        }
        sources
            .open311
            .extend(config.open311.and_then(|o| origin(&o.endpoint)));
        for site in &config.frame_ancestors {
            let o = origin(site).ok_or_else(|| {
                Error::Input(format!(
                    "{}: frame_ancestors “{site}” is not an http(s) origin",
                    config_path.display()
                ))
            })?;
            sources.frame_ancestors.push(o);
        }
    }
    let summary_path = dist.join("data").join(SUMMARY_FILE);
    if summary_path.is_file() {
        let text =
            std::fs::read_to_string(&summary_path).map_err(|e| Error::io(&summary_path, e))?;
        let summary = Summary::parse(&text)
            .map_err(|e| Error::Input(format!("{}: {e}", summary_path.display())))?;
        sources.open311.extend(
            summary
                .authorities
                .iter()
                .filter_map(|a| origin(a.open311_endpoint.as_deref()?)),
        );
    }
    Ok(sources)
}

/// Deletes the precompressed copies of a file just rewritten (scripts/compress.mjs), which a
/// server would otherwise send in its place; the server then compresses the file as it sends it.
pub fn drop_compressed(file: &Path) -> Result<(), Error> {
    for ext in ["br", "gz"] {
        let mut copy = file.as_os_str().to_owned();
        copy.push(".");
        copy.push(ext);
        let copy = std::path::PathBuf::from(copy);
        if copy.is_file() {
            std::fs::remove_file(&copy).map_err(|e| Error::io(&copy, e))?;
        }
    }
    Ok(())
}

/// The file nginx includes for the policy as a header (deploy/nginx/cundi.conf), beside the
/// built site: the page's policy and `frame-ancestors`, which a `<meta>` cannot carry.
pub const NGINX_HEADER_FILE: &str = "nginx-csp.conf";

/// The policy as an HTTP header: the page's, and which sites may frame it.
pub fn header_policy(policy: &str, sources: &Sources) -> String {
    let ancestors = if sources.frame_ancestors.is_empty() {
        "'none'".to_string()
    } else {
        sources.frame_ancestors.join(" ")
    };
    format!("{policy}; frame-ancestors {ancestors}")
}

/// Writes [`NGINX_HEADER_FILE`] into `dist`.
pub fn write_nginx_header(dist: &Path, policy: &str, sources: &Sources) -> Result<(), Error> {
    let path = dist.join(NGINX_HEADER_FILE);
    let line = format!(
        "# Written by `cundi-data csp`: the Content-Security-Policy as a header (docs/PUBLISHING.md).\nadd_header Content-Security-Policy \"{}\" always;\n",
        header_policy(policy, sources)
    );
    std::fs::write(&path, line).map_err(|e| Error::io(&path, e))
}

/// `index.html` sealed: the inline module script moved to `(file name, its text)`, and the policy
/// in a `<meta>` first in `<head>`. Already sealed HTML gets the policy replaced and nothing else.
pub fn seal_html(html: &str, policy: &str) -> Result<(String, Option<(String, String)>), String> {
    let mut html = html.to_string();
    let mut moved = None;
    if let Some(start) = html.find("<script type=\"module\">") {
        let body_start = start + "<script type=\"module\">".len();
        let end = html[body_start..]
            .find("</script>")
            .map(|i| body_start + i)
            .ok_or("an inline module script that never ends")?;
        let script = html[body_start..end].trim().to_string() + "\n";
        let hash: String = Sha256::digest(script.as_bytes())
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let name = format!("init-{hash}.js");
        let tag = format!("<script type=\"module\" src=\"/{name}\"></script>");
        html.replace_range(start..end + "</script>".len(), &tag);
        moved = Some((name, script));
    }
    if html.contains("<script type=\"module\">")
        || inline_scripts(&html)
            .iter()
            .any(|hash| !policy.contains(hash.as_str()))
    {
        return Err("an inline script is left that the policy would block".into());
    }
    if let Some(found) = html.find(META_START) {
        // With the line break and indent written before it.
        let start = html[..found].trim_end_matches(' ').len();
        let start = start - usize::from(html[..start].ends_with('\n'));
        let end = html[found..]
            .find("\" />")
            .map(|i| found + i + "\" />".len())
            .ok_or("a policy <meta> that never ends")?;
        html.replace_range(start..end, "");
    }
    // After the charset, which must come within the first bytes (as Trunk writes it, or
    // minified); else first in <head>.
    let charset = ["<meta charset=\"utf-8\" />", "<meta charset=utf-8>"]
        .iter()
        .find_map(|tag| html.find(tag).map(|i| i + tag.len()));
    let at = match charset {
        Some(at) => at,
        None => html.find("<head>").ok_or("no <head>")? + "<head>".len(),
    };
    let meta = format!("\n    {META_START}{policy}\" />");
    html.insert_str(at, &meta);
    Ok((html, moved))
}

/// `'sha256-…'` of each inline classic script (`<script>…</script>`, as written by
/// `crate::frame` or minified), as a policy allows it.
pub fn inline_scripts(html: &str) -> Vec<String> {
    use base64::Engine;
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<script>") {
        let body = &rest[at + "<script>".len()..];
        let Some(end) = body.find("</script>") else {
            break;
        };
        let digest = Sha256::digest(&body.as_bytes()[..end]);
        hashes.push(format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ));
        rest = &body[end..];
    }
    hashes
}

/// Seals `dist/index.html` in place: its frame filled in (`crate::frame`, texts from
/// `locales`), the loader moved, the policy written. Gives the policy.
pub fn seal(dist: &Path, locales: &Path) -> Result<String, Error> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| Error::io(&index, e))?;
    let catalogue = if locales.is_dir() {
        crate::frame::Catalogue::read(locales)?
    } else {
        crate::frame::Catalogue::default()
    };
    let html = crate::frame::fill(&html, &catalogue, &crate::frame::inputs(dist)?)
        .map_err(|e| Error::Input(format!("{}: {e}", index.display())))?;
    let boot = dist.join(crate::frame::BOOT_FILE);
    if boot.is_file() {
        std::fs::remove_file(&boot).map_err(|e| Error::io(&boot, e))?;
    }
    let mut sources = sources(dist)?;
    sources.scripts.extend(inline_scripts(&html));
    let policy = policy(&sources);
    let (sealed, moved) =
        seal_html(&html, &policy).map_err(|e| Error::Input(format!("{}: {e}", index.display())))?;
    if let Some((name, script)) = moved {
        let path = dist.join(name);
        std::fs::write(&path, script).map_err(|e| Error::io(&path, e))?;
    }
    std::fs::write(&index, sealed).map_err(|e| Error::io(&index, e))?;
    drop_compressed(&index)?;
    Ok(policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <link rel="stylesheet" href="/main-1.css" integrity="sha384-x"/>
    <script src="vendor/leaflet/leaflet.js"></script>
<script type="module">
import init, * as bindings from '/cundi-ec5d.js';
const wasm = await init({ module_or_path: '/cundi-ec5d_bg.wasm' });
window.wasmBindings = bindings;
</script>
  </head>
  <body></body>
</html>"#;

    #[test]
    fn the_inline_loader_moves_to_a_file_and_the_policy_comes_first() {
        let (html, moved) = seal_html(TRUNK, "default-src 'self'").unwrap();
        let (name, script) = moved.unwrap();
        assert!(name.starts_with("init-") && name.ends_with(".js"), "{name}");
        assert!(script.starts_with("import init, * as bindings from '/cundi-ec5d.js';"));
        assert!(html.contains(&format!(
            "<script type=\"module\" src=\"/{name}\"></script>"
        )));
        assert!(!html.contains("import init"));
        let meta = html.find(META_START).unwrap();
        let charset = html.find("<meta charset").unwrap();
        assert!(meta > charset && meta < html.find("<link").unwrap());
        assert!(html.contains("content=\"default-src 'self'\" />"));
        // The classic script with a src stays.
        assert!(html.contains(r#"<script src="vendor/leaflet/leaflet.js"></script>"#));
    }

    #[test]
    fn sealing_twice_changes_nothing_and_a_new_policy_replaces_the_old() {
        let (once, _) = seal_html(TRUNK, "default-src 'self'").unwrap();
        let (twice, moved) = seal_html(&once, "default-src 'self'").unwrap();
        assert_eq!(once, twice);
        assert!(moved.is_none());
        let (other, _) = seal_html(&once, "default-src 'none'").unwrap();
        assert_eq!(other.matches(META_START).count(), 1);
        assert!(other.contains("default-src 'none'"));
    }

    #[test]
    fn a_minified_page_gets_its_policy_right_after_the_charset_too() {
        let minified = "<!doctype html><html lang=zh-CN><meta charset=utf-8><title>村递</title>\
            <link href=/main-1.css rel=stylesheet><script src=vendor/leaflet/leaflet.js></script>\
            </head><body></body></html>";
        let (html, moved) = seal_html(minified, "default-src 'self'").unwrap();
        assert!(moved.is_none());
        let at = html.find(META_START).unwrap();
        assert_eq!(
            &html[..at].trim_end(),
            &"<!doctype html><html lang=zh-CN><meta charset=utf-8>"
        );
        let (twice, _) = seal_html(&html, "default-src 'self'").unwrap();
        assert_eq!(html, twice);
    }

    #[test]
    fn an_inline_classic_script_is_refused() {
        let html = TRUNK.replace("<body></body>", "<body><script>alert(1)</script></body>");
        assert!(seal_html(&html, "x").is_err());
    }

    #[test]
    fn the_policy_allows_nothing_inline_and_only_the_configured_origins() {
        let mut sources = Sources::default();
        sources
            .tiles
            .extend(origin("https://a.tile.example.org/{z}/{x}/{y}.png"));
        sources
            .open311
            .extend(origin("https://311.example.gov.cn:8443/georeport/v2"));
        let p = policy(&sources);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval';"), "{p}");
        assert!(
            !p.contains("unsafe-inline") && !p.contains("'unsafe-eval'"),
            "{p}"
        );
        assert!(
            p.contains("img-src 'self' data: https://a.tile.example.org;"),
            "{p}"
        );
        assert!(
            p.contains("connect-src 'self' https://311.example.gov.cn:8443;"),
            "{p}"
        );
        assert!(p.contains("style-src 'self';"), "{p}");
    }

    #[test]
    fn the_header_adds_who_may_frame_the_site_none_by_default() {
        let mut sources = Sources::default();
        assert_eq!(
            header_policy("default-src 'self'", &sources),
            "default-src 'self'; frame-ancestors 'none'"
        );
        sources
            .frame_ancestors
            .push("https://www.yangcheng.gov.cn".into());
        assert_eq!(
            header_policy("default-src 'self'", &sources),
            "default-src 'self'; frame-ancestors https://www.yangcheng.gov.cn"
        );
    }

    #[test]
    fn only_absolute_http_urls_have_an_origin() {
        assert_eq!(
            origin("https://Tile.OpenStreetMap.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://tile.openstreetmap.org")
        );
        assert_eq!(
            origin("http://127.0.0.1:4999").as_deref(),
            Some("http://127.0.0.1:4999")
        );
        assert_eq!(origin("/open311"), None);
        assert_eq!(origin("javascript:alert(1)"), None);
        assert_eq!(origin("https://evil.example'; script-src *"), None);
    }
}
