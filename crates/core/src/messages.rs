//! The core's words in Chinese and English: a catalogue keyed by id in `crates/core/locales/`
//! (problems in a package, the complaint form's words and letter, targets' statuses, what
//! changed), compiled by `build.rs` as the site's and the CLI's are (`cundi_messages`). A
//! message is `msg!(lang, "id")` or `msg!(lang, "id", { "name" => value, … })`; an id no
//! language has does not compile, and one language without a message does not build;
//! the catalogue's generated test, `every_message_is_in_both_languages`, checks each has a text
//! in both.

include!(concat!(env!("OUT_DIR"), "/msg_id.rs"));

pub(crate) mod catalogue {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}
