//! Compiles the interface's messages (`locales/zh-CN/*.ftl`, `locales/en/*.ftl`, Fluent syntax)
//! into static tables for `src/i18n.rs` (docs/FIRST-VISIT.md, "The wasm's size"): the site
//! carries the two languages' texts and a small formatter, not a Fluent runtime that parses the
//! files in the browser. The core and the CLI compile their own catalogues the same way
//! (`cundi_messages`).

fn main() {
    cundi_messages::build::compile(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
}
