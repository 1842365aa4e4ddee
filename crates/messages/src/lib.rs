//! One way to say a thing in two languages, for the site, the core and the CLI alike
//! (docs/ARCHITECTURE.md, "Messages").
//!
//! Each crate keeps its messages in Fluent files, `<crate>/locales/zh-CN/*.ftl` and
//! `<crate>/locales/en/*.ftl`, a catalogue keyed by id. Its `build.rs` calls
//! [`compile`](build::compile), which refuses a message in one language only (and any Fluent the
//! formatter below does not handle) and writes two files into `$OUT_DIR`:
//!
//! - `msg_id.rs`: the macro `msg_id!("id")`, the message's [`Message`], and a compile error for
//!   an id neither language has, so a misspelt id does not build; and `msg!(lang, "id", { … })`,
//!   the message as a `String`;
//! - `messages.rs`: each message as a static [`Message`] of [`Piece`]s (one a message, so that a
//!   program, and each wasm chunk of the site, links the messages it uses and no others); `ALL`;
//!   `COLUMNS`, the messages named `column-<name>` by their column's name; and `ABOUT`, those
//!   named `about-<file>-<column>` by file and column.
//!
//! The crate includes both and formats a message with [`format`]: texts, `{ $arg }`, and
//! `{ $arg -> [0] … [one] … *[other] … }` selections on a number.

use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

#[cfg(feature = "build")]
pub mod build;

/// The language a message is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

/// A message in both languages, as [`build::compile`] writes it: one static a message, which
/// `msg_id!("id")` names.
#[derive(Debug)]
pub struct Message {
    pub id: &'static str,
    pub zh: &'static [Piece],
    pub en: &'static [Piece],
}

impl Message {
    /// The message in `lang`, with its arguments.
    pub fn format(&self, lang: Lang, args: &[(&str, Arg)]) -> String {
        let pieces = match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        };
        format(pieces, args, lang)
    }
}

/// A piece of a message, as [`build::compile`] writes the tables.
#[derive(Debug)]
pub enum Piece {
    Text(&'static str),
    /// `{ $name }`.
    Arg(&'static str),
    /// `{ $name -> [key] … *[default] … }`: the argument, the variants, the default's index.
    Select(&'static str, &'static [(Key, &'static [Piece])], usize),
}

/// A variant's key: a number, or a plural category.
#[derive(Debug)]
pub enum Key {
    Exact(i64),
    One,
    Other,
}

/// A message's argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
arg_from_number!(u8, u16, u32, u64, usize, i32, i64, f64);

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<Option<String>> for Arg {
    fn from(s: Option<String>) -> Arg {
        Arg::Text(s.unwrap_or_default())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

/// A message's pieces with their arguments, in `lang` (whose plural rules choose the variants).
pub fn format(pieces: &[Piece], args: &[(&str, Arg)], lang: Lang) -> String {
    let mut out = String::new();
    write_pieces(&mut out, pieces, args, lang);
    out
}

fn write_pieces(out: &mut String, pieces: &[Piece], args: &[(&str, Arg)], lang: Lang) {
    let find = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, a)| a);
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Arg(name) => match find(name) {
                Some(Arg::Text(t)) => out.push_str(t),
                Some(Arg::Number(n)) => write_number(out, *n),
                // As Fluent writes a missing argument.
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Select(name, variants, default) => {
                let n = match find(name) {
                    Some(Arg::Number(n)) => Some(*n),
                    _ => None,
                };
                let chosen = n
                    .and_then(|n| {
                        variants
                            .iter()
                            .position(|(k, _)| matches!(k, Key::Exact(x) if *x as f64 == n))
                            .or_else(|| {
                                // English has one and other; Chinese, other alone.
                                let one = lang == Lang::En && n == 1.0;
                                variants.iter().position(|(k, _)| match k {
                                    Key::One => one,
                                    Key::Other => !one,
                                    Key::Exact(_) => false,
                                })
                            })
                    })
                    .unwrap_or(*default);
                write_pieces(out, variants[chosen].1, args, lang);
            }
        }
    }
}

/// A number as Fluent writes it by default: whole numbers without a fraction.
fn write_number(out: &mut String, n: f64) {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let _ = write!(out, "{}", n as i64);
    } else {
        let _ = write!(out, "{n}");
    }
}

/// The ids of a catalogue's messages that have no text in one of the languages (a separator,
/// an id ending in `-sep`, may be empty: Chinese joins some lists with nothing). `all` is the
/// catalogue's `ALL`; each crate's test asserts this is empty.
pub fn incomplete(all: &[&Message]) -> Vec<&'static str> {
    let mut missing = Vec::new();
    for m in all {
        for lang in [Lang::Zh, Lang::En] {
            if !m.id.ends_with("-sep") && m.format(lang, &[]).trim().is_empty() {
                missing.push(m.id);
            }
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    static PLURAL: &[Piece] = &[
        Piece::Arg("n"),
        Piece::Select(
            "n",
            &[
                (Key::Exact(0), &[Piece::Text(" none")]),
                (Key::One, &[Piece::Text(" station")]),
                (Key::Other, &[Piece::Text(" stations")]),
            ],
            2,
        ),
    ];

    #[test]
    fn numbers_choose_the_variant_by_the_language_s_plural_rules() {
        let n = |n: u32, lang| format(PLURAL, &[("n", Arg::from(n))], lang);
        assert_eq!(n(0, Lang::En), "0 none");
        assert_eq!(n(1, Lang::En), "1 station");
        assert_eq!(n(2, Lang::En), "2 stations");
        // Chinese has no "one": every number but an exact key takes "other".
        assert_eq!(n(1, Lang::Zh), "1 stations");
        assert_eq!(
            format(PLURAL, &[("n", Arg::from(1.5))], Lang::En),
            "1.5 stations"
        );
        // A missing argument is written as Fluent writes it, never a panic.
        assert_eq!(format(&[Piece::Arg("x")], &[], Lang::En), "{x}");
    }
}
