//! The catalogue compiler, for build scripts: `cundi_messages::build::compile(dir)` in a crate's
//! `build.rs` (see the crate's documentation for what it writes); and the plain messages of a
//! catalogue's files, for the CLI that fills in the page painted before the wasm.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const LANGS: [&str; 2] = ["zh-CN", "en"];

/// The `.ftl` files of a folder, in name order.
pub fn ftl_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    Ok(files)
}

/// The messages of `files` that are plain text, by id (a message with an argument, a selection
/// or a literal is left out): for a page painted before any formatter runs (`cundi-data csp`).
pub fn plain_messages(files: &[PathBuf]) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let resource = fluent_syntax::parser::parse(text.as_str())
            .map_err(|(_, errors)| format!("{}: {errors:?}", path.display()))?;
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = message.value else {
                continue;
            };
            let mut plain = String::new();
            let all_text = pattern.elements.iter().all(|e| match e {
                PatternElement::TextElement { value } => {
                    plain.push_str(value);
                    true
                }
                PatternElement::Placeable { .. } => false,
            });
            if all_text {
                out.insert(message.id.name.to_string(), plain);
            }
        }
    }
    Ok(out)
}

/// Compiles `locales/zh-CN/*.ftl` and `locales/en/*.ftl` under `dir` (the crate's folder) into
/// `$OUT_DIR/msg_id.rs` and `$OUT_DIR/messages.rs`; panics, failing the build, on a message in one
/// language only or Fluent the formatter does not handle. `module` is the path of the module that
/// includes `messages.rs` (`$crate::messages::catalogue`), which `msg_id!` names.
pub fn compile(dir: &Path, module: &str) {
    let locales = dir.join("locales");
    println!("cargo::rerun-if-changed={}", locales.display());
    let mut by_lang: Vec<BTreeMap<String, String>> = Vec::new();
    for lang in LANGS {
        let dir = locales.join(lang);
        println!("cargo::rerun-if-changed={}", dir.display());
        let files = ftl_files(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let mut messages = BTreeMap::new();
        for path in files {
            println!("cargo::rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", path.display()));
            for entry in resource.body {
                match entry {
                    Entry::Message(m) => {
                        let id = m.id.name.to_string();
                        let value = m
                            .value
                            .unwrap_or_else(|| panic!("{}: {id} has no value", path.display()));
                        if !m.attributes.is_empty() {
                            panic!("{}: {id}: attributes are not supported", path.display());
                        }
                        let code = pattern(&value, &format!("{}: {id}", path.display()));
                        if messages.insert(id.clone(), code).is_some() {
                            panic!("{}: {id} is defined twice", path.display());
                        }
                    }
                    Entry::Term(t) => panic!(
                        "{}: terms are not supported (-{})",
                        path.display(),
                        t.id.name
                    ),
                    _ => {}
                }
            }
        }
        by_lang.push(messages);
    }
    let (zh, en) = (&by_lang[0], &by_lang[1]);
    let missing: Vec<_> = zh
        .keys()
        .filter(|k| !en.contains_key(*k))
        .map(|k| format!("{k} (not in en)"))
        .chain(
            en.keys()
                .filter(|k| !zh.contains_key(*k))
                .map(|k| format!("{k} (not in zh-CN)")),
        )
        .collect();
    assert!(
        missing.is_empty(),
        "messages in one language only: {missing:?}"
    );

    let static_name = |id: &str| format!("M_{}", id.to_uppercase().replace('-', "_"));
    let mut names = std::collections::BTreeSet::new();
    for id in zh.keys() {
        assert!(
            names.insert(static_name(id)),
            "{id}: another id differs from it only by - and _"
        );
    }

    let mut ids = String::from(
        "// Generated by cundi_messages::build::compile from locales/*/*.ftl. Do not edit.\n\n",
    );
    ids.push_str("macro_rules! msg_id {\n");
    for id in zh.keys() {
        writeln!(ids, "    ({id:?}) => {{ &{module}::{} }};", static_name(id)).unwrap();
    }
    ids.push_str(
        "    ($other:literal) => { compile_error!(concat!(\"no message \", $other, \" in locales/\")) };\n}\n",
    );
    // `msg!(lang, "id")`, `msg!(lang, "id", { "name" => value, … })`: the message as a String
    // (the core's and the CLI's; the site has `tr!`, in the language the reader chose).
    ids.push_str(
        "\n#[allow(unused_macros)]\nmacro_rules! msg {\n\
         \x20   ($lang:expr, $id:tt $(,)?) => {\n\
         \x20       ::cundi_messages::Message::format(msg_id!($id), $lang, &[])\n\
         \x20   };\n\
         \x20   ($lang:expr, $id:tt, { $($name:literal => $value:expr),* $(,)? } $(,)?) => {\n\
         \x20       ::cundi_messages::Message::format(\n\
         \x20           msg_id!($id),\n\
         \x20           $lang,\n\
         \x20           &[$(($name, ::cundi_messages::Arg::from($value))),*],\n\
         \x20       )\n\
         \x20   };\n\
         }\n",
    );
    // One static a message, so that a program links the messages it uses and no others.
    let mut out = String::from(
        "// Generated by cundi_messages::build::compile from locales/*/*.ftl. Do not edit.\n\n",
    );
    for (id, zh_code) in zh {
        writeln!(
            out,
            "pub static {}: ::cundi_messages::Message = ::cundi_messages::Message {{ id: {id:?}, zh: {zh_code}, en: {} }};",
            static_name(id),
            en[id]
        )
        .unwrap();
    }
    out.push_str("\n/// Every message, for the test that each has a text in both languages.\n#[allow(dead_code)]\npub static ALL: &[&::cundi_messages::Message] = &[\n");
    for id in zh.keys() {
        writeln!(out, "    &{},", static_name(id)).unwrap();
    }
    out.push_str("];\n\n");
    // The test that the catalogue is complete, in every crate that compiles one (natively).
    out.push_str(
        "/// Every message of the catalogue has a text in both languages.\n\
         #[cfg(all(test, not(target_arch = \"wasm32\")))]\n\
         #[test]\n\
         fn every_message_is_in_both_languages() {\n\
         \x20   let missing = ::cundi_messages::incomplete(ALL);\n\
         \x20   assert!(missing.is_empty(), \"no text in one language: {missing:?}\");\n\
         }\n\n",
    );
    // The labels of the data's columns (`column-<name>`), found by the column's name at run
    // time: a plain column (`cundi_core::cell`) is shown by its name alone.
    out.push_str(
        "#[allow(dead_code)]\npub static COLUMNS: &[(&str, &::cundi_messages::Message)] = &[\n",
    );
    for id in zh.keys() {
        if let Some(column) = id.strip_prefix("column-") {
            writeln!(out, "    ({column:?}, &{}),", static_name(id)).unwrap();
        }
    }
    out.push_str("];\n");
    // What each column of a file means (`about-<file>-<column>`), for the data dictionary.
    out.push_str(
        "#[allow(dead_code)]\npub static ABOUT: &[(&str, &str, &::cundi_messages::Message)] = &[\n",
    );
    for id in zh.keys() {
        if let Some((file, column)) = id.strip_prefix("about-").and_then(|r| r.split_once('-')) {
            writeln!(out, "    ({file:?}, {column:?}, &{}),", static_name(id)).unwrap();
        }
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&dir).join("messages.rs"), out).unwrap();
    std::fs::write(Path::new(&dir).join("msg_id.rs"), ids).unwrap();
}

/// A pattern as a `&[Piece]` expression.
fn pattern(p: &Pattern<&str>, at: &str) -> String {
    let mut pieces = Vec::new();
    for element in &p.elements {
        match element {
            PatternElement::TextElement { value } => {
                pieces.push(format!("::cundi_messages::Piece::Text({value:?})"))
            }
            PatternElement::Placeable { expression } => pieces.push(placeable(expression, at)),
        }
    }
    format!("&[{}]", pieces.join(", "))
}

fn placeable(e: &Expression<&str>, at: &str) -> String {
    match e {
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            format!("::cundi_messages::Piece::Arg({:?})", id.name)
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            format!("::cundi_messages::Piece::Text({value:?})")
        }
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                panic!("{at}: a selection must be on a variable");
            };
            let mut default = None;
            let mut arms = Vec::new();
            for (i, v) in variants.iter().enumerate() {
                if v.default {
                    default = Some(i);
                }
                let key = match &v.key {
                    VariantKey::NumberLiteral { value } => format!(
                        "::cundi_messages::Key::Exact({})",
                        value
                            .parse::<i64>()
                            .unwrap_or_else(|_| panic!("{at}: [{value}] is not a whole number"))
                    ),
                    VariantKey::Identifier { name } => match *name {
                        "one" => "::cundi_messages::Key::One".to_string(),
                        "other" => "::cundi_messages::Key::Other".to_string(),
                        other => panic!("{at}: plural category [{other}] is not supported"),
                    },
                };
                arms.push(format!("({key}, {})", pattern(&v.value, at)));
            }
            format!(
                "::cundi_messages::Piece::Select({:?}, &[{}], {})",
                id.name,
                arms.join(", "),
                default.unwrap_or_else(|| panic!("{at}: a selection without a *default"))
            )
        }
        other => panic!("{at}: unsupported placeable {other:?}"),
    }
}
