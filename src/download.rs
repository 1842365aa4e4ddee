//! Files the site hands to the user — the complaint letter, table rows — saved through a `blob:`
//! URL, which holds no data in the address itself (a `data:` URL would carry the content); and
//! text put on the clipboard (the letter, to paste into the 12305 appeal site).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Saves bytes as a file through a `blob:` URL.
pub fn save(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            let _ = document().body().map(|b| b.append_child(&a));
            a.click();
            a.remove();
        }
    }
    // Revoked once the browser has started the download.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

/// Puts text on the clipboard (the asynchronous Clipboard API, reached through `Reflect` so as
/// to need no further web-sys feature). Gives whether it worked: a browser without the API, or
/// a page not served over HTTPS, cannot.
pub async fn copy_text(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    let navigator = window().navigator();
    let Ok(clipboard) = Reflect::get(&navigator, &"clipboard".into()) else {
        return false;
    };
    let Ok(write) = Reflect::get(&clipboard, &"writeText".into()) else {
        return false;
    };
    let Ok(write) = write.dyn_into::<Function>() else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    match promise.dyn_into::<Promise>() {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
        Err(_) => false,
    }
}
