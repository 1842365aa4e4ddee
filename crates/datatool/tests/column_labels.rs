//! The site shows a plain column (`cundi_core::cell`) of a station or a village under its label,
//! the message `column-<name>` in `locales/<lang>/*.ftl`: every plain column has one in both
//! languages (the site's build fails on a message in one language only; this fails on a column
//! in none).

use cundi_core::{PlainColumns, Station, Village};

fn messages(lang: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/").to_string() + lang;
    let mut all = String::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "ftl") {
            all.push_str(&std::fs::read_to_string(path).unwrap());
            all.push('\n');
        }
    }
    all
}

#[test]
fn every_plain_column_has_a_label_in_both_languages() {
    for lang in ["zh-CN", "en"] {
        let text = messages(lang);
        let missing: Vec<&str> = Station::PLAIN
            .iter()
            .chain(Village::PLAIN)
            .filter(|column| {
                !text
                    .lines()
                    .any(|l| l.starts_with(&format!("column-{column} =")))
            })
            .copied()
            .collect();
        assert!(
            missing.is_empty(),
            "locales/{lang}: no label for {missing:?}; add `column-<name> = …`"
        );
    }
}
