//! `/complaint?station=ID`: where "complain about this station" leads. The complaint form is not
//! built yet, so the page says so plainly — no form that pretends to send — and tells the
//! resident what they can do today, in the words of `cundi_core::complaint::guidance` (the same
//! text the complaint form and letter will use): complain to the company first, then appeal to
//! the postal administration (12305) if it does not answer within 7 days, with the county's
//! appeal line when the data publishes one.

use crate::components::with_data;
use crate::i18n::lang;
use crate::url::{self, use_query_param};
use cundi_core::complaint;
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn ComplaintPage() -> impl IntoView {
    let station_id = use_query_param(url::STATION);
    view! {
        <article class="page entity" data-testid="complaint-page" aria-labelledby="complaint-title">
            <h1 id="complaint-title">{move_tr!("complaint-title")}</h1>
            <p class="notice-box" role="status" data-testid="complaint-coming">
                {move_tr!("complaint-coming")}
            </p>
            {with_data(move |data| {
                let station = station_id.get().and_then(|id| data.station(&id).cloned());
                let authority = station
                    .as_ref()
                    .and_then(|s| complaint::authority_for(&data.dataset, &s.admin_code))
                    .cloned();
                let steps = complaint::guidance(lang(), authority.as_ref(), None);
                view! {
                    {station
                        .map(|s| {
                            let link = format!("/station/{}", url::encode_segment(&s.id));
                            view! {
                                <p>
                                    {move_tr!("complaint-about")} " "
                                    <a href=link data-testid="complaint-station">
                                        {s.name.clone()}
                                    </a>
                                </p>
                            }
                        })}
                    <h2>{move_tr!("complaint-now-title")}</h2>
                    <ol class="steps" data-testid="complaint-guidance">
                        {steps.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ol>
                    {authority
                        .map(|a| {
                            let phone = a.phone.clone();
                            view! {
                                <p data-testid="complaint-authority">
                                    {a.name.clone()}
                                    {phone
                                        .map(|p| {
                                            let tel = crate::pages::station::tel_href(&p);
                                            view! {
                                                " · "
                                                <a href=tel>{p}</a>
                                            }
                                        })}
                                </p>
                            }
                        })}
                }
            })}
        </article>
    }
}
