//! The table of problems found in the data: file, line, field, value, what is wrong, severity.

use crate::i18n::{self, text};
use crate::move_tr;
use cundi_core::{Problem, Severity};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn ProblemTable(problems: Vec<Problem>) -> impl IntoView {
    let total = problems.len();
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = total - errors;
    if problems.is_empty() {
        return Either::Left(view! {
            <p class="empty" data-testid="problems-empty">
                {move_tr!("quality-empty")}
            </p>
        });
    }
    let rows = problems
        .into_iter()
        .map(|p| {
            let severity = p.severity;
            let class = match severity {
                Severity::Error => "sev sev-error",
                Severity::Warning => "sev sev-warning",
            };
            let line = p.line.map(|l| l.to_string()).unwrap_or_default();
            let field = p.field.clone().unwrap_or_default();
            let value = p.value.clone().unwrap_or_default();
            let file = p.file.clone();
            view! {
                <tr>
                    <td data-label=move_tr!("col-file")>
                        <code>{file}</code>
                    </td>
                    <td class="num" data-label=move_tr!("col-line")>
                        {line}
                    </td>
                    <td data-label=move_tr!("col-field")>
                        <code>{field}</code>
                    </td>
                    <td class="value" data-label=move_tr!("col-value")>
                        {value}
                    </td>
                    <td class="message" data-label=move_tr!("col-message")>
                        {text(move || p.describe(i18n::lang()))}
                    </td>
                    <td data-label=move_tr!("col-severity")>
                        <span class=class>{text(move || i18n::severity(severity))}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <p class="count" data-testid="problems-count">
            {move_tr!(
                "quality-count", {
                "n" => total,
                "errors" => errors,
                "warnings" => warnings,
            }
            )}
        </p>
        <div class="table-wrap">
            <table class="problems" data-testid="problems">
                <caption class="visually-hidden">{move_tr!("quality-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("col-file")}</th>
                        <th scope="col">{move_tr!("col-line")}</th>
                        <th scope="col">{move_tr!("col-field")}</th>
                        <th scope="col">{move_tr!("col-value")}</th>
                        <th scope="col">{move_tr!("col-message")}</th>
                        <th scope="col">{move_tr!("col-severity")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}
