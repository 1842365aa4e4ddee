//! `/complaint/letter/:id`: the complaint letter (申诉书) of a complaint kept on this device, laid
//! out for a phone screen and for A4 paper, with Print, the .txt and .json downloads, and the
//! e-mail link when the county's authority publishes an address. The id in the path is the
//! complaint's random request id; the letter itself (with the complainant's name and phone) is
//! read from the device's storage and never leaves it unless the citizen sends or prints it.

use crate::complaints::use_complaints;
use crate::components::open_state::today;
use crate::components::with_data;
use crate::i18n::lang;
use crate::move_tr;
use cundi_core::complaint::{self, Context};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LetterPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let complaints = use_complaints();
    with_data(move |data| {
        let id = id.get();
        let record = complaints.outbox().with(|o| o.get(&id).cloned());
        let Some(record) = record else {
            return view! {
                <article class="page" data-testid="letter-missing">
                    <h1>{move_tr!("letter-missing-title")}</h1>
                    <p>{move_tr!("letter-missing")}</p>
                    <p>
                        <a href="/complaints">{move_tr!("my-complaints-title")}</a>
                    </p>
                </article>
            }
            .into_any();
        };
        let data2 = data.clone();
        let complaint_for_letter = record.complaint.clone();
        let letter = Memo::new(move |_| {
            let ctx = Context::new(today(), data2.dataset());
            complaint::letter(&complaint_for_letter, &ctx, lang())
        });
        let authority_email = complaint::complaint_authority(&record.complaint, data.dataset())
            .and_then(|a| a.email.clone());
        let mailto = {
            let data = data.clone();
            let c = record.complaint.clone();
            move || {
                let to = authority_email.clone()?;
                let ctx = Context::new(today(), data.dataset());
                Some(complaint::mailto(&c, &ctx, &to, lang()))
            }
        };
        let file_stem = format!(
            "{}-{}",
            record
                .complaint
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| today().to_string()),
            record
                .complaint
                .client_request_id
                .get(..8)
                .unwrap_or("letter")
        );
        let json = complaint::to_json(&record.complaint);
        let (id_txt, id_json, id_print) = (id.clone(), id.clone(), id.clone());
        let stem_json = file_stem.clone();
        view! {
            <article class="page letter-page" data-testid="letter-page">
                <div class="letter-actions no-print">
                    <button
                        type="button"
                        class="button primary"
                        data-testid="letter-print"
                        on:click=move |_| {
                            complaints.handed(&id_print);
                            let _ = window().print();
                        }
                    >
                        {move_tr!("letter-print")}
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-testid="letter-download-txt"
                        on:click=move |_| {
                            complaints.handed(&id_txt);
                            let text = letter.with_untracked(|l| l.to_text());
                            crate::download::save(
                                &format!("{file_stem}.txt"),
                                "text/plain;charset=utf-8",
                                text.as_bytes(),
                            );
                        }
                    >
                        {move_tr!("letter-download-txt")}
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-testid="letter-download-json"
                        on:click=move |_| {
                            complaints.handed(&id_json);
                            crate::download::save(
                                &format!("{stem_json}.json"),
                                "application/json",
                                json.as_bytes(),
                            );
                        }
                    >
                        {move_tr!("letter-download-json")}
                    </button>
                    {move || {
                        mailto()
                            .map(|href| {
                                view! {
                                    <a class="button" href=href data-testid="letter-mailto">
                                        {move_tr!("sent-open-email")}
                                    </a>
                                }
                            })
                    }}
                </div>
                <div class="letter" data-testid="letter">
                    <h1 class="letter-title">{move || letter.with(|l| l.title.clone())}</h1>
                    {move || {
                        letter
                            .get()
                            .sections
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <section class=format!("letter-section letter-{}", s.kind.as_str())>
                                        <h2>{s.heading}</h2>
                                        <p class="letter-body">{s.body}</p>
                                    </section>
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <p class="muted no-print">{move_tr!("letter-where")}</p>
            </article>
        }
        .into_any()
    })
}
