//! The hand-over from the frame `index.html` paints before the site's code runs
//! (docs/FIRST-VISIT.md). `main` reads the frame ([`Frame::read`]), mounts the site, then lets
//! the frame go ([`Frame::hand_over`]) in the next animation frame, before that frame is painted,
//! so the browser never paints the two together nor the page without either. What the visitor started in the frame carries over: the
//! text typed in the map's search box (with the focus and the cursor), which the site's search
//! box takes as its first text ([`take_typed`]); and the notice that the data is illustrative,
//! shown from the frame's copy until the data's own arrives ([`notice`]).

use cundi_core::package::Notice;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The frame's elements: everything the site replaces is marked with this attribute.
const PRERENDER: &str = "[data-prerender]";
/// The fallback for browsers that cannot run the site (shown by the boot script otherwise).
const FALLBACK: &str = "fallback";

/// Text typed in the frame's search box, for the site's box with the same id.
#[derive(Debug, Clone, PartialEq)]
struct Typed {
    id: String,
    text: String,
}

thread_local! {
    static TYPED: RefCell<Option<Typed>> = const { RefCell::new(None) };
    static NOTICE: RefCell<Option<Notice>> = const { RefCell::new(None) };
}

/// What the frame held when the site's code started.
#[derive(Debug, Default)]
pub struct Frame {
    /// The search box that had the focus, with its cursor.
    focused: Option<(String, Option<u32>, Option<u32>)>,
}

impl Frame {
    /// Reads what the visitor did in the frame, before the site is mounted.
    pub fn read() -> Frame {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return Frame::default();
        };
        let mut frame = Frame::default();
        let active = document.active_element();
        if let Ok(inputs) = document.query_selector_all(&format!("{PRERENDER} input[id]")) {
            for i in 0..inputs.length() {
                let Some(input) = inputs
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
                else {
                    continue;
                };
                let id = input.id();
                let text = input.value();
                if active.as_ref() == Some(input.unchecked_ref()) {
                    let start = input.selection_start().ok().flatten();
                    let end = input.selection_end().ok().flatten();
                    frame.focused = Some((id.clone(), start, end));
                }
                if !text.is_empty() {
                    TYPED.set(Some(Typed { id, text }));
                }
            }
        }
        if let Ok(Some(text)) = document.query_selector(&format!("{PRERENDER} .notice-text")) {
            // The boot script keeps the Chinese in `data-zh` when it shows the English.
            let shown = text.text_content().unwrap_or_default();
            let zh = text
                .get_attribute("data-zh")
                .unwrap_or_else(|| shown.clone());
            let en = text.get_attribute("data-en").unwrap_or(shown);
            NOTICE.set(Some(Notice { zh, en }));
        }
        frame
    }

    /// Once the site is mounted: removes the frame and the fallback, marks the code running
    /// (the boot script's stall timer then stands down), and gives the focus back to the box it
    /// was in, cursor and all.
    pub fn hand_over(self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(frame) = document.query_selector_all(PRERENDER) {
            for i in 0..frame.length() {
                if let Some(el) = frame
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    el.remove();
                }
            }
        }
        if let Some(fallback) = document.get_element_by_id(FALLBACK) {
            fallback.remove();
        }
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-code", "running");
        }
        let Some((id, start, end)) = self.focused else {
            return;
        };
        if let Some(input) = document
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.focus();
            if let (Some(start), Some(end)) = (start, end) {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
}

/// The text typed in the frame's search box with this id, once: the site's box starts with it.
pub fn take_typed(id: &str) -> Option<String> {
    TYPED.with_borrow_mut(|typed| {
        if typed.as_ref().is_some_and(|t| t.id == id) {
            typed.take().map(|t| t.text)
        } else {
            None
        }
    })
}

/// The frame's notice that the data is illustrative (from the same bundle, written by the
/// build), shown until the data's own has arrived.
pub fn notice() -> Option<Notice> {
    NOTICE.with_borrow(Clone::clone)
}
