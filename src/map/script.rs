//! Leaflet, loaded by the map when it is first drawn rather than by every page: a station page,
//! the complaint form and the journalists' pages never download it (docs/FIRST-VISIT.md). On the
//! map's own address the boot script has already asked for both files, so this finds them on
//! their way or arrived.

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Leaflet's files in the built site (index.html copies them from npm's `leaflet`), relative to
/// the page's base URL.
const SCRIPT: &str = "vendor/leaflet/leaflet.js";
const STYLE: &str = "vendor/leaflet/leaflet.css";

/// Resolves once Leaflet's script has run and its stylesheet applies; fails with what went wrong
/// (the map says so, with the rest of the page working).
pub async fn ensure_leaflet() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let style = loaded(&document, "link", "href", STYLE, |el| {
        el.unchecked_ref::<web_sys::HtmlLinkElement>()
            .sheet()
            .is_some()
    })?;
    let script = if has_leaflet(&window) {
        None
    } else {
        loaded(&document, "script", "src", SCRIPT, |_| false)?
    };
    for promise in [style, script].into_iter().flatten() {
        JsFuture::from(promise).await?;
    }
    if has_leaflet(&window) {
        Ok(())
    } else {
        Err(JsValue::from_str("Leaflet did not load"))
    }
}

/// Whether Leaflet's global `L` is there (its value: a page may define the property first, as the
/// browser tests do to reach the map).
fn has_leaflet(window: &web_sys::Window) -> bool {
    Reflect::get(window, &"L".into()).is_ok_and(|l| l.is_object())
}

/// The element that loads `url` (a `<link>` or `<script>`), added to the head if none does yet:
/// `None` when it has already loaded, else a promise of its load (or failure).
fn loaded(
    document: &web_sys::Document,
    tag: &str,
    attr: &str,
    url: &str,
    done: impl Fn(&web_sys::Element) -> bool,
) -> Result<Option<Promise>, JsValue> {
    let selector = format!("{tag}[{attr}$=\"{url}\"]");
    // One that failed (the boot script marks its own) is replaced by a new attempt.
    let found = document
        .query_selector(&selector)?
        .filter(|el| el.get_attribute("data-failed").is_none());
    let el = match found {
        Some(el) => {
            if done(&el) || el.get_attribute("data-loaded").is_some() {
                return Ok(None);
            }
            el
        }
        None => {
            let el = document.create_element(tag)?;
            if tag == "link" {
                el.set_attribute("rel", "stylesheet")?;
            }
            el.set_attribute(attr, url)?;
            document.head().ok_or("no head")?.append_child(&el)?;
            el
        }
    };
    let target = el.clone();
    Ok(Some(Promise::new(&mut |resolve, reject| {
        let marked = target.clone();
        let on_load = Closure::once_into_js(move |_: JsValue| {
            let _ = marked.set_attribute("data-loaded", "");
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = target.clone();
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let _ = failed.set_attribute("data-failed", "");
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("Leaflet could not be downloaded"),
            );
        });
        let _ = target.add_event_listener_with_callback("load", on_load.unchecked_ref());
        let _ = target.add_event_listener_with_callback("error", on_error.unchecked_ref());
    })))
}
