//! The core's words in Chinese and English: a catalogue keyed by id in `crates/core/locales/`
//! (problems in a package, the complaint form's words and letter, targets' statuses, what
//! changed), compiled by `build.rs` as the site's and the CLI's are (`cundi_messages`). A
//! message is `msg!(lang, "id")` or `msg!(lang, "id", { "name" => value, … })`; an id no
//! language has does not compile, and one language without a message does not build.

include!(concat!(env!("OUT_DIR"), "/msg_id.rs"));

mod catalogue {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub(crate) use catalogue::message;
#[cfg(test)]
use catalogue::{EN, IDS, ZH};

/// A message of the core's catalogue in a language, as a `String`.
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
    use cundi_messages::Lang;

    /// The catalogue is complete in both languages: every message has a text in each (a
    /// separator, `…-sep`, may be empty: Chinese joins some lists with nothing).
    #[test]
    fn every_message_is_in_both_languages() {
        assert_eq!(ZH.len(), IDS.len());
        assert_eq!(EN.len(), IDS.len());
        for (i, id) in IDS.iter().enumerate() {
            for lang in [Lang::Zh, Lang::En] {
                let text = message(lang, i, &[]);
                assert!(
                    id.ends_with("-sep") || !text.trim().is_empty(),
                    "{id} is empty in {lang:?}"
                );
            }
        }
    }
}
