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
use cundi_core::complaint::{self, Context, Letter};
use cundi_core::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LetterPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let complaints = use_complaints();
    // Outside the page's view, which is drawn again when the outbox changes (a copy marks the
    // complaint handed over): the "copied" line stays.
    let copied = RwSignal::new(None::<bool>);
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
        // A letter to a Chinese authority is written in Chinese, whatever the page's language;
        // in English the page shows a reading beside it, for the citizen only.
        crate::pages::scroll_to_top();
        let ctx = Context::new(today(), data.dataset());
        let letter = complaint::letter(&record.complaint, &ctx, Lang::Zh);
        let reading = complaint::letter(&record.complaint, &ctx, Lang::En);
        let text = letter.to_text();
        let anonymous = record.complaint.name.is_none();
        let authority_email = complaint::complaint_authority(&record.complaint, data.dataset())
            .and_then(|a| a.email.clone());
        let mailto = {
            let data = data.clone();
            let c = record.complaint.clone();
            move || {
                let to = authority_email.clone()?;
                let ctx = Context::new(today(), data.dataset());
                Some(complaint::mailto(&c, &ctx, &to, Lang::Zh))
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
        let (id_txt, id_json, id_print, id_copy) = (id.clone(), id.clone(), id.clone(), id.clone());
        let text_txt = text.clone();
        let stem_json = file_stem.clone();
        crate::components::page_title(|| crate::tr!("letter-ready"));
        view! {
            <article class="page letter-page" data-testid="letter-page">
                <div class="letter-ready no-print" role="status" data-testid="letter-ready">
                    <h1>{move_tr!("letter-ready")}</h1>
                    <p>{move_tr!("letter-ready-next")}</p>
                    {anonymous
                        .then(|| {
                            view! {
                                <p class="letter-anonymous" data-testid="letter-anonymous">
                                    {move_tr!("letter-anonymous")}
                                </p>
                            }
                        })}
                </div>
                <div class="letter-actions no-print">
                    <button
                        type="button"
                        class="button primary"
                        data-testid="letter-copy"
                        on:click=move |_| {
                            complaints.handed(&id_copy);
                            let text = text.clone();
                            leptos::task::spawn_local(async move {
                                copied.set(Some(crate::download::copy_text(&text).await));
                            });
                        }
                    >
                        {move_tr!("letter-copy")}
                    </button>
                    <button
                        type="button"
                        class="button"
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
                            crate::download::save(
                                &format!("{file_stem}.txt"),
                                "text/plain;charset=utf-8",
                                text_txt.as_bytes(),
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
                <p class="letter-copied no-print" role="status" data-testid="letter-copied">
                    {move || match copied.get() {
                        Some(true) => move_tr!("letter-copied").into_any(),
                        Some(false) => move_tr!("letter-copy-failed").into_any(),
                        None => ().into_any(),
                    }}
                </p>
                <LetterText letter testid="letter" lang="zh-CN" />
                {move || {
                    (lang() != Lang::Zh)
                        .then(|| {
                            let reading = reading.clone();
                            view! {
                                <details class="letter-reading no-print" data-testid="letter-reading">
                                    <summary>{move_tr!("letter-reading")}</summary>
                                    <LetterText letter=reading testid="letter-en" lang="en" />
                                </details>
                            }
                        })
                }}
                <p class="muted no-print">{move_tr!("letter-where")}</p>
            </article>
        }
        .into_any()
    })
}

/// The letter's title and sections, as written in one language.
#[component]
fn LetterText(letter: Letter, testid: &'static str, lang: &'static str) -> impl IntoView {
    view! {
        <div class="letter" data-testid=testid lang=lang>
            <h2 class="letter-title">{letter.title}</h2>
            {letter
                .sections
                .into_iter()
                .map(|s| {
                    view! {
                        <section class=format!("letter-section letter-{}", s.kind.as_str())>
                            <h3>{s.heading}</h3>
                            <p class="letter-body">{s.body}</p>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}
