//! The plain columns (`cundi_core::cell`) that a details view does not show by a rule of its
//! own, each labelled by its `column-<name>` message (`i18n::column`) and shown as text: a new
//! plain column in the data reaches the station and village pages with no code here
//! (docs/DATA.md, "Adding a column").

use crate::i18n::{self, text};
use crate::tr;
use cundi_core::cell::{CellRef, PlainColumns};
use leptos::prelude::*;

/// `<dt>`/`<dd>` pairs, for a `<dl>`, of `row`'s plain columns but those in `shown`: a yes/no in
/// the reader's language, anything else as the package writes it.
pub fn plain_fields<T: PlainColumns>(row: &T, shown: &[&str]) -> impl IntoView {
    T::PLAIN
        .iter()
        .filter(|column| !shown.contains(column))
        .map(|&column| {
            let value = row.plain(column).flatten();
            let yes_no = match value {
                Some(CellRef::Boolean(b)) => Some(b),
                _ => None,
            };
            let written = value.map(CellRef::to_text);
            view! {
                <dt>{text(move || i18n::column(column))}</dt>
                <dd data-column=column>
                    {text(move || match (yes_no, &written) {
                        (Some(b), _) => i18n::yes_no(Some(b)),
                        (None, Some(w)) => w.clone(),
                        (None, None) => tr!("value-unknown"),
                    })}
                </dd>
            }
        })
        .collect_view()
}
