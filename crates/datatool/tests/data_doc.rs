//! docs/DATA.md's tables of every column are the package's schema in words; this keeps the two
//! equal. On failure it prints the tables to paste into docs/DATA.md.

use cundi_core::package::{FieldType, RESOURCES};

fn schema_tables() -> String {
    let mut out = String::new();
    for spec in RESOURCES {
        let optional = if spec.required { "" } else { " (optional)" };
        out.push_str(&format!(
            "### `{}` — {}{optional}\n\n",
            spec.path, spec.title
        ));
        out.push_str("| field | type | required | meaning |\n| --- | --- | --- | --- |\n");
        for f in spec.fields {
            let ty = match f.ty {
                FieldType::String => "text",
                FieldType::Integer => "integer",
                FieldType::Number => "number",
                FieldType::Boolean => "boolean",
                FieldType::Date => "date",
                FieldType::YearMonth => "month (`YYYY-MM`)",
                FieldType::Code => "division code",
                FieldType::List => "`;` list",
            };
            let ty = match f.vocabulary {
                Some(words) => {
                    let words: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
                    format!("{ty}: {}", words.join(", "))
                }
                None => ty.to_string(),
            };
            let required = if f.required { "yes" } else { "" };
            out.push_str(&format!(
                "| `{}` | {ty} | {required} | {} |\n",
                f.name,
                f.description.replace('|', "\\|")
            ));
        }
        out.push('\n');
    }
    out
}

#[test]
fn docs_document_every_column_of_every_resource() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/DATA.md"))
        .expect("docs/DATA.md in the repository");
    let tables = schema_tables();
    assert!(
        doc.contains(tables.trim()),
        "docs/DATA.md's tables differ from cundi_core::package::RESOURCES; paste this:\n\n{tables}"
    );
}
