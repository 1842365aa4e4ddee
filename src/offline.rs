//! Offline use: registers the service worker (`public/sw.js`, filled in by `cundi-data csp`),
//! which keeps the shell and the data viewed so that after one visit the site, the last data
//! viewed and the complaint form work with no network. Where the browser has no service workers
//! (an insecure origin, or one that blocks them), the site works as before, online only.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The worker's script, relative to the page's base URL (its folder is its scope: the site).
pub const WORKER: &str = "sw.js";

thread_local! {
    /// Set when the browser refused the worker: nothing is then gathered for it.
    static REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Data files that arrived before the worker took the page over, so not through it.
    static UNKEPT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    available.then(|| navigator.service_worker())
}

/// Registers the worker (once the page has its first data, see `Site`); a refusal changes
/// nothing for the page.
pub fn register() {
    let Some(container) = container() else {
        return;
    };
    // The first visit loads its data before the worker takes over: when it does, it is handed
    // the files that came past it, so that those are kept too.
    let taken_over = Closure::<dyn FnMut()>::new(hand_over);
    container.set_oncontrollerchange(Some(taken_over.as_ref().unchecked_ref()));
    taken_over.forget();
    let promise = container.register(WORKER);
    // A refusal (a browser or a test that blocks workers) drops what was gathered for it; and
    // without a handler it would be an "uncaught (in promise)" error in the console.
    let refused = Closure::<dyn FnMut(JsValue)>::new(|_| {
        REFUSED.set(true);
        UNKEPT.with_borrow_mut(Vec::clear);
    });
    let _ = promise.catch(&refused);
    refused.forget();
}

/// Whether a request made now passes through the worker.
pub fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// A data file (URL relative to the page) that arrived while no worker controlled the page: the
/// worker is handed it now, or when it takes over.
pub fn arrived_past_worker(url: &str) {
    if !REFUSED.get() && container().is_some() {
        UNKEPT.with_borrow_mut(|urls| urls.push(url.to_string()));
        hand_over();
    }
}

fn hand_over() {
    let Some(worker) = container().and_then(|c| c.controller()) else {
        return;
    };
    let urls: js_sys::Array = UNKEPT
        .with_borrow_mut(std::mem::take)
        .iter()
        .map(|url| JsValue::from_str(url))
        .collect();
    if urls.length() > 0 {
        let _ = worker.post_message(&urls);
    }
}
