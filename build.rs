//! Compiles the interface's messages (`locales/zh-CN/*.ftl`, `locales/en/*.ftl`, Fluent syntax)
//! into one static a message for `src/i18n.rs` (docs/FIRST-VISIT.md, "The wasm's size"): each
//! piece of the site's wasm carries the texts it uses, in both languages, and a small formatter,
//! not a Fluent runtime that parses the files in the browser. The core and the CLI compile their own catalogues the same way
//! (`cundi_messages`).

fn main() {
    cundi_messages::build::compile(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        "$crate::i18n::catalogue",
    );
}
