//! Compiles the core's messages (`locales/zh-CN/*.ftl`, `locales/en/*.ftl`) into one static a message
//! for `src/messages.rs`, as the site and the CLI compile theirs (`cundi_messages`).

fn main() {
    cundi_messages::build::compile(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        "$crate::messages::catalogue",
    );
}
