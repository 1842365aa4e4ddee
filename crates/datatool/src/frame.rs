//! The first paint (docs/FIRST-VISIT.md): `cundi-data csp` fills in the frame that
//! `index.html` draws before the site's code runs, so that what it shows comes from the same
//! sources as what the site shows afterwards:
//! - the texts, from the interface's message files (`locales/*/*.ftl`): an element with
//!   `data-t="id"` gets the Chinese text and, in `data-en`, the English one that the boot script
//!   swaps in when English was chosen (`data-t-aria-label` and `data-t-placeholder` likewise for
//!   those attributes); `data-tz` and `data-te` take one language only (the fallback shows both);
//! - from the bundle's summary, the notice that the data is illustrative, the authorities'
//!   appeal lines and the published files (`<cundi-fill name="…">` elements);
//! - the boot script (`boot.js`), written inline so that it runs before the first paint (the
//!   policy allows it by its hash), with the data's timeout and the map's files on `<html>`.
//!
//! Every value is escaped, never pasted in as HTML: the texts and attributes by the HTML
//! rewriter (lol_html), the filled-in blocks by [`escape`]; a hostile package's notice shows as
//! text here too.

use crate::error::Error;
use cundi_core::bundle::{file_url, Summary, SUMMARY_FILE};
use lol_html::html_content::{ContentType, Element};
use lol_html::{element, rewrite_str, HandlerTypes, RewriteStrSettings};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The boot script's file in the built site (from `public/`), inlined and then removed.
pub const BOOT_FILE: &str = "boot.js";
/// Where the built site keeps Leaflet, which the boot script asks for early on the map.
pub const LEAFLET_FILES: [&str; 2] = ["vendor/leaflet/leaflet.css", "vendor/leaflet/leaflet.js"];
/// At most this many appeal lines are listed; a larger bundle says "area code + 12305".
const MAX_APPEAL_LINES: usize = 12;

/// The interface's plain messages (no arguments) in Chinese and English, by id.
#[derive(Debug, Default)]
pub struct Catalogue {
    zh: BTreeMap<String, String>,
    en: BTreeMap<String, String>,
}

impl Catalogue {
    /// Reads each language's messages: the site's (`dir/zh-CN/*.ftl`, `dir/en/*.ftl`) and the
    /// frame's own (`dir/frame.zh-CN.ftl`, `dir/frame.en.ftl`).
    pub fn read(dir: &Path) -> Result<Catalogue, Error> {
        let read = |lang: &str| -> Result<BTreeMap<String, String>, Error> {
            let folder = dir.join(lang);
            let mut files =
                cundi_messages::build::ftl_files(&folder).map_err(|e| Error::io(&folder, e))?;
            let frame = dir.join(format!("frame.{lang}.ftl"));
            if frame.is_file() {
                files.push(frame);
            }
            cundi_messages::build::plain_messages(&files).map_err(Error::Input)
        };
        Ok(Catalogue {
            zh: read("zh-CN")?,
            en: read("en")?,
        })
    }

    fn get(&self, id: &str, en: bool) -> Result<&str, String> {
        let (map, lang) = if en {
            (&self.en, "en")
        } else {
            (&self.zh, "zh-CN")
        };
        map.get(id)
            .map(String::as_str)
            .ok_or_else(|| format!("no plain message `{id}` in locales/{lang}"))
    }
}

/// What the frame is filled in with besides the texts.
#[derive(Debug, Default)]
pub struct Inputs {
    pub summary: Option<Summary>,
    /// The data's timeout (`config.json`'s `timeout_ms`), after which the frame says the code
    /// has stalled.
    pub timeout_ms: u32,
    /// The boot script's text, to write inline.
    pub boot: Option<String>,
    /// The files the map needs beyond the first load (Leaflet, the map's wasm chunk), asked for
    /// at once on the map.
    pub map_files: Vec<String>,
    /// The bundle's folder as the page reaches it (`config.json`'s `data`).
    pub data: String,
}

/// `html` with its frame filled in. Filling filled HTML changes nothing.
pub fn fill(html: &str, catalogue: &Catalogue, inputs: &Inputs) -> Result<String, String> {
    let error = std::cell::RefCell::new(None::<String>);
    let fail = |e: String| {
        error.borrow_mut().get_or_insert(e);
    };
    let text = |el: &mut Element<'_, '_, _>, attr: &str, en: bool| -> Result<String, String> {
        let id = el.get_attribute(attr).unwrap_or_default();
        el.remove_attribute(attr);
        catalogue.get(&id, en).map(str::to_string)
    };
    let notice = notice_html(inputs.summary.as_ref(), catalogue)?;
    let appeal = appeal_html(inputs.summary.as_ref());
    let files = files_html(inputs.summary.as_ref(), &inputs.data);
    let out = rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("html", |el| {
                set(el, "data-timeout", &inputs.timeout_ms.to_string());
                if !inputs.map_files.is_empty() {
                    set(el, "data-map-files", &inputs.map_files.join(" "));
                }
                Ok(())
            }))
            .append_element_content_handler(element!("[data-t]", |el| {
                let id = el.get_attribute("data-t").unwrap_or_default();
                el.remove_attribute("data-t");
                match (catalogue.get(&id, false), catalogue.get(&id, true)) {
                    (Ok(zh), Ok(en)) => {
                        el.set_inner_content(zh, ContentType::Text);
                        set(el, "data-en", en);
                    }
                    (Err(e), _) | (_, Err(e)) => fail(e),
                }
                Ok(())
            }))
            .append_element_content_handler(element!("[data-tz]", |el| {
                match text(el, "data-tz", false) {
                    Ok(zh) => el.set_inner_content(&zh, ContentType::Text),
                    Err(e) => fail(e),
                }
                Ok(())
            }))
            .append_element_content_handler(element!("[data-te]", |el| {
                match text(el, "data-te", true) {
                    Ok(en) => el.set_inner_content(&en, ContentType::Text),
                    Err(e) => fail(e),
                }
                Ok(())
            }))
            .append_element_content_handler(element!("[data-t-aria-label]", |el| {
                translate_attribute(el, "aria-label", catalogue).unwrap_or_else(&fail);
                Ok(())
            }))
            .append_element_content_handler(element!("[data-t-placeholder]", |el| {
                translate_attribute(el, "placeholder", catalogue).unwrap_or_else(&fail);
                Ok(())
            }))
            .append_element_content_handler(element!("cundi-fill", |el| {
                let name = el.get_attribute("name").unwrap_or_default();
                let with = match name.as_str() {
                    "notice" => &notice,
                    "appeal-lines" => &appeal,
                    "files" => &files,
                    other => {
                        fail(format!(
                            "<cundi-fill name=\"{other}\">: nothing to fill it with"
                        ));
                        return Ok(());
                    }
                };
                el.replace(with, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!(
                &format!("script[src=\"{BOOT_FILE}\"]"),
                |el| {
                    match &inputs.boot {
                        Some(script) => {
                            el.remove_attribute("src");
                            el.set_inner_content(script, ContentType::Html);
                        }
                        None => fail(format!("index.html loads {BOOT_FILE}, which is missing")),
                    }
                    Ok(())
                }
            )),
    )
    .map_err(|e| e.to_string())?;
    match error.into_inner() {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn set<H: HandlerTypes>(el: &mut Element<'_, '_, H>, name: &str, value: &str) {
    // The names are the frame's own, always valid.
    let _ = el.set_attribute(name, value);
}

fn translate_attribute<H: HandlerTypes>(
    el: &mut Element<'_, '_, H>,
    attr: &str,
    catalogue: &Catalogue,
) -> Result<(), String> {
    let marker = format!("data-t-{attr}");
    let id = el.get_attribute(&marker).unwrap_or_default();
    el.remove_attribute(&marker);
    set(el, attr, catalogue.get(&id, false)?);
    set(el, &format!("data-en-{attr}"), catalogue.get(&id, true)?);
    Ok(())
}

/// Escapes text for HTML (content or a quoted attribute).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The notice above every page when the data is illustrative, as the site draws it
/// (`DataNotice` in src/lib.rs), its button inert until the code arrives. Whole until it has
/// been read, with "Got it"; one line afterwards, with "More": the button holds both words and the
/// boot script's `data-notice` on `<html>` says which shows (style/main.css), as in the site.
fn notice_html(summary: Option<&Summary>, catalogue: &Catalogue) -> Result<String, String> {
    let Some(package) = summary.map(|s| &s.package).filter(|p| p.illustrative) else {
        return Ok(String::new());
    };
    let (zh, en) = match &package.notice {
        Some(n) => (n.zh.clone(), n.en.clone()),
        None => (
            catalogue.get("notice-illustrative", false)?.to_string(),
            catalogue.get("notice-illustrative", true)?.to_string(),
        ),
    };
    Ok(format!(
        "<aside class=\"notice\" data-prerender aria-label=\"{label}\" data-en-aria-label=\"{label_en}\">\
         <p class=\"notice-text\" data-en=\"{en}\">{zh}</p>\
         <button type=\"button\" class=\"button\" disabled>\
         <span class=\"if-unread\" data-en=\"{got_en}\">{got}</span>\
         <span class=\"if-read\" data-en=\"{more_en}\">{more}</span></button></aside>",
        label = escape(catalogue.get("notice-label", false)?),
        label_en = escape(catalogue.get("notice-label", true)?),
        en = escape(&en),
        zh = escape(&zh),
        more = escape(catalogue.get("notice-more", false)?),
        more_en = escape(catalogue.get("notice-more", true)?),
        got = escape(catalogue.get("notice-got-it", false)?),
        got_en = escape(catalogue.get("notice-got-it", true)?),
    ))
}

/// The authorities' appeal lines, as telephone links (a bundle of the whole country lists none:
/// the fallback's text says how to dial them).
fn appeal_html(summary: Option<&Summary>) -> String {
    let lines: Vec<String> = summary
        .map(|s| s.authorities.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|a| {
            let phone = a.phone.as_deref()?.trim();
            let dial: String = phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            (!dial.is_empty()).then(|| {
                format!(
                    "<li>{} <a href=\"tel:{}\">{}</a></li>",
                    escape(&a.name),
                    escape(&dial),
                    escape(phone)
                )
            })
        })
        .collect();
    if lines.is_empty() || lines.len() > MAX_APPEAL_LINES {
        return String::new();
    }
    format!("<ul class=\"appeal-lines\">{}</ul>", lines.concat())
}

/// The published CSV files of the package, as links into the bundle.
fn files_html(summary: Option<&Summary>, data: &str) -> String {
    let links: Vec<String> = summary
        .map(|s| s.files.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|f| f.path.ends_with(".csv"))
        .map(|f| {
            let name = f.path.rsplit('/').next().unwrap_or(&f.path);
            format!(
                "<li><a href=\"{}\" download>{}</a></li>",
                escape(&file_url(data, &f.path)),
                escape(name)
            )
        })
        .collect();
    if links.is_empty() {
        return String::new();
    }
    format!("<ul class=\"files\">{}</ul>", links.concat())
}

#[derive(Deserialize)]
struct Config {
    #[serde(default)]
    data: Option<String>,
    #[serde(default)]
    timeout_ms: Option<u32>,
}

/// The data's timeout when `config.json` sets none (the site's `DATA_TIMEOUT_MS`).
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// What the built site in `dist` fills its frame with: its `config.json`, the summary of the
/// bundle it names, the boot script, Leaflet and the map's chunk.
pub fn inputs(dist: &Path) -> Result<Inputs, Error> {
    let config_path = dist.join("config.json");
    let config = if config_path.is_file() {
        let text = std::fs::read_to_string(&config_path).map_err(|e| Error::io(&config_path, e))?;
        serde_json::from_str::<Config>(&text)
            .map_err(|e| Error::Input(format!("{}: {e}", config_path.display())))?
    } else {
        Config {
            data: None,
            timeout_ms: None,
        }
    };
    let data = config.data.unwrap_or_else(|| "data/".to_string());
    let summary_path = dist.join(file_url(&data, SUMMARY_FILE));
    let summary = if summary_path.is_file() {
        let text =
            std::fs::read_to_string(&summary_path).map_err(|e| Error::io(&summary_path, e))?;
        Some(
            Summary::parse(&text)
                .map_err(|e| Error::Input(format!("{}: {e}", summary_path.display())))?,
        )
    } else {
        None
    };
    let boot_path = dist.join(BOOT_FILE);
    let boot = if boot_path.is_file() {
        Some(std::fs::read_to_string(&boot_path).map_err(|e| Error::io(&boot_path, e))?)
    } else {
        None
    };
    let mut map_files: Vec<String> = LEAFLET_FILES
        .iter()
        .filter(|f| dist.join(f).is_file())
        .map(|f| f.to_string())
        .collect();
    map_files.extend(map_chunk(dist)?);
    Ok(Inputs {
        summary,
        timeout_ms: config.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
        boot,
        map_files,
        data,
    })
}

/// The files of the map's wasm chunk (`scripts/wasm` lists each group's in `pkg-…/chunks.txt`),
/// if the build split one.
fn map_chunk(dist: &Path) -> Result<Vec<String>, Error> {
    let Ok(entries) = std::fs::read_dir(dist) else {
        return Ok(Vec::new());
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().to_string();
        let list = entry.path().join("chunks.txt");
        if !name.starts_with("pkg-") || !list.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&list).map_err(|e| Error::io(&list, e))?;
        for line in text.lines() {
            if let Some(files) = line.strip_prefix("map ") {
                return Ok(files
                    .split_whitespace()
                    .map(|file| format!("{name}/{file}"))
                    .collect());
            }
        }
    }
    Ok(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        let mut c = Catalogue::default();
        for (id, zh, en) in [
            ("nav-map", "地图", "Map"),
            ("search-placeholder", "搜索村镇", "Village…"),
            ("fallback-title", "无法打开", "Cannot open"),
            ("notice-label", "数据说明", "About this data"),
            ("notice-more", "展开", "More"),
            ("notice-got-it", "知道了", "Got it"),
            ("notice-illustrative", "示意数据", "Illustrative data"),
        ] {
            c.zh.insert(id.into(), zh.into());
            c.en.insert(id.into(), en.into());
        }
        c
    }

    #[test]
    fn texts_come_from_the_catalogue_in_both_languages() {
        let html = r#"<html><body><a data-t="nav-map"></a><input data-t-placeholder="search-placeholder"><p data-tz="fallback-title"></p><p data-te="fallback-title"></p></body></html>"#;
        let out = fill(html, &catalogue(), &Inputs::default()).unwrap();
        assert!(out.contains(r#"<a data-en="Map">地图</a>"#), "{out}");
        assert!(
            out.contains(r#"placeholder="搜索村镇" data-en-placeholder="Village…""#),
            "{out}"
        );
        assert!(out.contains("<p>无法打开</p><p>Cannot open</p>"), "{out}");
        for marker in ["data-t=", "data-tz=", "data-te=", "data-t-"] {
            assert!(!out.contains(marker), "{out}");
        }
        // Filled again: nothing left to fill, nothing changes.
        assert_eq!(fill(&out, &catalogue(), &Inputs::default()).unwrap(), out);
    }

    #[test]
    fn a_missing_message_is_an_error_naming_it() {
        let err = fill(r#"<b data-t="nope"></b>"#, &catalogue(), &Inputs::default()).unwrap_err();
        assert!(err.contains("nope"), "{err}");
    }

    #[test]
    fn the_notice_and_the_files_are_escaped_text() {
        let mut summary = min_summary();
        summary.package.illustrative = true;
        summary.package.notice = Some(cundi_core::package::Notice {
            zh: "<script>alert(1)</script>示意".into(),
            en: "\"><img src=x onerror=alert(1)>".into(),
        });
        summary.files.push(cundi_core::bundle::FileRef {
            path: "package/stations.csv".into(),
            bytes: 1,
            sha256: String::new(),
            rows: None,
        });
        let inputs = Inputs {
            summary: Some(summary),
            data: "data/".into(),
            ..Inputs::default()
        };
        let html = r#"<body><cundi-fill name="notice"></cundi-fill><cundi-fill name="files"></cundi-fill></body>"#;
        let out = fill(html, &catalogue(), &inputs).unwrap();
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;示意"),
            "{out}"
        );
        assert!(!out.contains("<img"), "{out}");
        assert!(
            out.contains(r#"<a href="data/package/stations.csv" download>stations.csv</a>"#),
            "{out}"
        );
        assert!(!out.contains("cundi-fill"), "{out}");
    }

    fn min_summary() -> Summary {
        serde_json::from_value(serde_json::json!({
            "format": cundi_core::bundle::FORMAT_VERSION,
            "package": {"name": "t", "title": null, "version": null, "created": null,
                "publisher": null, "licenses": [], "sources": [], "crs": "wgs84",
                "illustrative": false, "notice": null},
            "areas": [], "targets": [], "authorities": [], "problems": [], "files": []
        }))
        .expect("a minimal summary")
    }
}
