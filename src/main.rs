//! Mounts the site; everything else is in the library but the benchmarks' entry points (`bench`),
//! which are here so that only the site's wasm exports them: the library's browser tests are
//! built without the site's chunks, which an export would reach (`bench_near_code`).

mod bench;

fn main() {
    // Readable panics in the console in debug builds; release builds leave the hook (and the
    // panic-message formatting it pulls in) out of the wasm.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The frame index.html painted first is read, the site mounted beside it, and the frame let
    // go just before the next paint (an animation frame, once the routes have drawn their page
    // in the tasks the mount queued): the browser paints the site next, never both or neither.
    let frame = cundi::boot::Frame::read();
    leptos::mount::mount_to_body(cundi::App);
    leptos::prelude::request_animation_frame(move || frame.hand_over());
}
