//! The handle of a bottom sheet: on a phone the map's panels (near me, a station's details, the
//! list, the legend) rise from the bottom to a peek height and leave the map above them
//! (issue 24, point 1). The handle is a button: tapped or pressed, it collapses the sheet to its
//! title row and opens it again (`aria-expanded`); dragged (pointer events), it sets the sheet's
//! height. Everything else is CSS (`.sheet` in style/main.css): on a wide screen the handle is
//! hidden and the panels stay where they were.

use crate::move_tr;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, PointerEvent};

/// The CSS property the drag sets on the sheet: its height in px.
const HEIGHT: &str = "--sheet-h";
/// Dragged below this height, the sheet collapses to its title row.
const COLLAPSE_PX: i32 = 96;
/// A drag is a pointer that moved this far; less is a tap.
const DRAG_PX: i32 = 6;

/// The sheet around the handle (its closest `.sheet`).
fn sheet_of(ev: &PointerEvent) -> Option<HtmlElement> {
    let handle = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    handle.closest(".sheet").ok()??.dyn_into().ok()
}

#[component]
pub fn SheetHandle() -> impl IntoView {
    let collapsed = RwSignal::new(false);
    // Where a drag started: the pointer's y and the sheet's height then; and whether it moved.
    let start = StoredValue::new(None::<(i32, i32)>);
    let dragged = StoredValue::new(false);
    let set_collapsed = move |sheet: &HtmlElement, on: bool| {
        let _ = sheet.class_list().toggle_with_force("collapsed", on);
        if on {
            let _ = sheet.style().remove_property(HEIGHT);
        }
        collapsed.set(on);
    };
    let on_down = move |ev: PointerEvent| {
        let Some(sheet) = sheet_of(&ev) else { return };
        if let Some(handle) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = handle.set_pointer_capture(ev.pointer_id());
        }
        start.set_value(Some((ev.client_y(), sheet.offset_height())));
        dragged.set_value(false);
    };
    let on_move = move |ev: PointerEvent| {
        let Some((y, height)) = start.get_value() else {
            return;
        };
        let dy = y - ev.client_y();
        if !dragged.get_value() && dy.abs() < DRAG_PX {
            return;
        }
        let Some(sheet) = sheet_of(&ev) else { return };
        dragged.set_value(true);
        // No taller than the map, less the search box's row above it.
        let room = sheet
            .offset_parent()
            .and_then(|p| p.dyn_into::<HtmlElement>().ok())
            .map_or(i32::MAX, |p| p.offset_height() - 64);
        let to = (height + dy).clamp(COLLAPSE_PX / 2, room.max(COLLAPSE_PX));
        if collapsed.get_untracked() {
            set_collapsed(&sheet, false);
        }
        let _ = sheet.style().set_property(HEIGHT, &format!("{to}px"));
    };
    let on_up = move |ev: PointerEvent| {
        let Some((y, height)) = start.get_value() else {
            return;
        };
        start.set_value(None);
        if dragged.get_value() && height + y - ev.client_y() < COLLAPSE_PX {
            if let Some(sheet) = sheet_of(&ev) {
                set_collapsed(&sheet, true);
            }
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // The click that ends a drag is not a tap.
        if dragged.get_value() {
            dragged.set_value(false);
            return;
        }
        let sheet = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|h| h.closest(".sheet").ok().flatten())
            .and_then(|s| s.dyn_into::<HtmlElement>().ok());
        if let Some(sheet) = sheet {
            let _ = sheet.style().remove_property(HEIGHT);
            set_collapsed(&sheet, !collapsed.get_untracked());
        }
    };
    view! {
        <button
            type="button"
            class="sheet-handle"
            data-testid="sheet-handle"
            aria-label=move_tr!("sheet-handle")
            aria-expanded=move || (!collapsed.get()).to_string()
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=move |_| start.set_value(None)
            on:click=on_click
        >
            <span class="sheet-grip" aria-hidden="true"></span>
        </button>
    }
}
