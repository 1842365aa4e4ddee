//! What the CLI says, in Chinese and English: a catalogue keyed by id in
//! `crates/datatool/locales/`, compiled by `build.rs` as the site's and the core's are
//! (`cundi_messages`). `msg!(lang, "id")` or `msg!(lang, "id", { "name" => value, … })`; an id no
//! language has does not compile, and one language without a message does not build. The
//! generators and `csp`, developers' tools run by the build, speak English only.

include!(concat!(env!("OUT_DIR"), "/msg_id.rs"));

mod catalogue {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub use catalogue::message;
#[cfg(test)]
use catalogue::{EN, IDS, ZH};

/// A message of the CLI's catalogue in a language, as a `String`.
macro_rules! msg {
    ($lang:expr, $id:tt $(,)?) => {
        $crate::messages::message($lang, msg_id!($id), &[])
    };
    ($lang:expr, $id:tt, { $($name:literal => $value:expr),* $(,)? } $(,)?) => {
        $crate::messages::message(
            $lang,
            msg_id!($id),
            &[$(($name, ::cundi_messages::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use cundi_core::Lang;

    /// The catalogue is complete in both languages: every message has a text in each.
    #[test]
    fn every_message_is_in_both_languages() {
        assert_eq!(ZH.len(), IDS.len());
        assert_eq!(EN.len(), IDS.len());
        for (i, id) in IDS.iter().enumerate() {
            for lang in [Lang::Zh, Lang::En] {
                let text = message(lang, i, &[]);
                assert!(!text.trim().is_empty(), "{id} is empty in {lang:?}");
            }
        }
    }
}
