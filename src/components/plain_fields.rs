//! The plain columns (`cundi_core::cell`) that a details view does not show by a rule of its
//! own, each labelled by its `column-<name>` message (`i18n::column`) and shown as text: a new
//! plain column in the data reaches the station and village pages with no code here
//! (docs/DATA.md, "Adding a column").

use crate::i18n::{self, text};
use crate::tr;
use cundi_core::cell::{Cell, CellRef, PlainColumns};
use leptos::prelude::*;

/// `<dt>`/`<dd>` pairs, for a `<dl>`, of `row`'s plain columns but those in `shown`.
pub fn plain_fields<T: PlainColumns>(row: &T, shown: &[&str]) -> impl IntoView {
    T::PLAIN
        .iter()
        .filter(|column| !shown.contains(column))
        .map(|&column| {
            let value = row.plain(column).flatten().map(CellRef::to_owned);
            view! {
                <dt>{text(move || i18n::column(column))}</dt>
                <dd data-column=column>{text(move || cell_text(value.as_ref()))}</dd>
            }
        })
        .collect_view()
}

fn cell_text(value: Option<&Cell>) -> String {
    match value {
        None => tr!("value-unknown"),
        Some(Cell::Boolean(b)) => i18n::yes_no(Some(*b)),
        Some(Cell::Text(s)) => s.clone(),
        Some(Cell::Integer(n)) => n.to_string(),
        Some(Cell::Number(n)) => n.to_string(),
        Some(Cell::Date(d)) => d.to_string(),
    }
}
