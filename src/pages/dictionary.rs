//! `/data/dictionary`: what every column of the stations and villages tables means, the word the
//! table pages show for it, its type, and every code of a coded column with its word. The
//! columns, types and codes are the core's schema (`cundi_core::package`); the meanings are
//! `about-<file>-<column>` in locales/, so the page says the same as the tables in both
//! languages. Downloads keep the raw codes this page explains.

use crate::i18n::{self, text};
use crate::move_tr;
use cundi_core::package::{FieldType, ResourceSpec, STATIONS, VILLAGES};
use leptos::prelude::*;

#[component]
pub fn DictionaryPage() -> impl IntoView {
    crate::pages::scroll_to_top();
    crate::components::page_title(|| crate::tr!("dictionary-title"));
    view! {
        <article class="page dictionary" data-testid="dictionary-page" aria-labelledby="dictionary-title">
            <h1 id="dictionary-title">{move_tr!("dictionary-title")}</h1>
            <p>{move_tr!("dictionary-intro")}</p>
            <p class="page-links">
                <a class="button" href="/tables/stations">{move_tr!("table-stations-title")}</a>
                <a class="button" href="/tables/villages">{move_tr!("table-villages-title")}</a>
                <a class="button" href="/data">{move_tr!("data-title")}</a>
            </p>
            <File spec=STATIONS title=move_tr!("table-stations-title") />
            <File spec=VILLAGES title=move_tr!("table-villages-title") />
            <p class="muted">{move_tr!("dictionary-extra")}</p>
        </article>
    }
}

fn type_name(ty: FieldType) -> &'static str {
    match ty {
        FieldType::String => "string",
        FieldType::Integer => "integer",
        FieldType::Number => "number",
        FieldType::Boolean => "boolean",
        FieldType::Date => "date",
        FieldType::YearMonth => "yearmonth",
        FieldType::List => "list",
        FieldType::Code => "code",
    }
}

#[component]
fn File(spec: ResourceSpec, title: Signal<String>) -> impl IntoView {
    let file = spec.name;
    let id = format!("dictionary-{file}");
    let rows = spec
        .fields
        .iter()
        .map(|f| {
            let (name, ty, required) = (f.name, f.ty, f.required);
            let codes = f.vocabulary.map(|words| {
                let items = words
                    .iter()
                    .map(|&code| {
                        view! {
                            <li>
                                <code>{code}</code>
                                " — "
                                {text(move || i18n::cell(name, Some(ty), code))}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="codes plain" data-testid="dictionary-codes">{items}</ul> }
            });
            let meaning = move || i18n::about(file, name).unwrap_or_else(|| f.description.to_string());
            view! {
                <tr data-column=name>
                    <th scope="row"><code>{name}</code></th>
                    <td data-label=move_tr!("dictionary-word")>{text(move || i18n::column(name))}</td>
                    <td data-label=move_tr!("dictionary-type")>
                        <div>
                            {type_name(ty)}
                            {required.then(|| view! { <br /> <small>{move_tr!("dictionary-required")}</small> })}
                        </div>
                    </td>
                    <td data-label=move_tr!("dictionary-meaning")>
                        <div>{text(meaning)} {codes}</div>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let labelled = id.clone();
    view! {
        <section aria-labelledby=labelled data-testid=format!("dictionary-{file}")>
            <h2 id=id>{title} " · " <code>{spec.path}</code></h2>
            <div class="table-wrap">
                <table class="data-table dictionary-table">
                    <thead>
                        <tr>
                            <th scope="col">{move_tr!("dictionary-column")}</th>
                            <th scope="col">{move_tr!("dictionary-word")}</th>
                            <th scope="col">{move_tr!("dictionary-type")}</th>
                            <th scope="col">{move_tr!("dictionary-meaning")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
