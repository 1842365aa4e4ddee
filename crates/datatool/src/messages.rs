//! What the CLI says, in Chinese and English: a catalogue keyed by id in
//! `crates/datatool/locales/`, compiled by `build.rs` as the site's and the core's are
//! (`cundi_messages`). `msg!(lang, "id")` or `msg!(lang, "id", { "name" => value, … })`; an id no
//! language has does not compile, and one language without a message does not build;
//! the catalogue's generated test, `every_message_is_in_both_languages`, checks each has a text
//! in both. The
//! generators and `csp`, developers' tools run by the build, speak English only.

include!(concat!(env!("OUT_DIR"), "/msg_id.rs"));

pub(crate) mod catalogue {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}
