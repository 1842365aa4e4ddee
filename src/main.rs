//! Mounts the site; everything else is in the library.
fn main() {
    // Readable panics in the console in debug builds; release builds leave the hook (and the
    // panic-message formatting it pulls in) out of the wasm.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cundi::App);
}
