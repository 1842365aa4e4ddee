//! `/complaint?station=ID&village=CODE&category=WORD`: the complaint form.
//!
//! The core decides everything about a complaint — which fields a category needs
//! (`Category::fields`), what is wrong with what was typed (`validate`, errors keyed by field, in
//! both languages), where it goes (`authority_for`, `guidance`) and what is sent (`open311_form`,
//! `mailto`, `letter`). This page binds inputs to a `Draft` that is saved to the device on every
//! keystroke and restored on the next visit, shows each error next to its field and in a summary
//! at the top, and hands the checked complaint to the outbox (`crate::complaints`).
//!
//! The form works before and without the data: typing is never blocked by a slow or failed
//! download, and only sending waits for the stations to be known. Nothing typed goes into the URL:
//! the form has no action and is never submitted by the browser.

//!
//! In pieces: this file is the page and its state; `fields` the form's fields, the way to send
//! among them; `sending` the ways the complaint can leave, and what is shown once it has.

mod fields;
mod sending;

use crate::complaints::{self, use_complaints};
use crate::components::{focus_now, LoadErrorView};
use crate::i18n::lang;
use crate::pages::county_to_load;

use crate::components::open_state::today;
use crate::store::{use_store, LoadState};
use crate::url::{self, letter_href, use_query_param};
use crate::{move_tr, tr};
use cundi_core::complaint::outbox::Route;
use cundi_core::complaint::{
    self, validate, Attribute, Category, Channel, ChannelNeeds, Context, Draft, FieldError,
};
use cundi_core::Code;
use fields::*;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
pub use sending::Way;
use sending::*;

/// Query keys that prefill the form (ids and codes only: nothing personal).
const VILLAGE: &str = "village";
const CATEGORY: &str = "category";

#[component]
pub fn ComplaintPage() -> impl IntoView {
    let store = use_store();
    let complaints = use_complaints();
    let navigate = use_navigate();
    let draft = RwSignal::new(complaints::load_draft());
    let (p_station, p_village, p_category) = (
        use_query_param(url::STATION),
        use_query_param(VILLAGE),
        use_query_param(CATEGORY),
    );
    // A prefill (from a station page, a village page or a QR code) fills an empty field; it never
    // replaces what a saved draft already says — the page offers to switch instead.
    let other_station = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let (s, v, c) = (p_station.get(), p_village.get(), p_category.get());
        draft.update(|d| {
            match s {
                Some(s) if d.station_id.trim().is_empty() => d.station_id = s,
                Some(s) if d.station_id.trim() != s => other_station.set(Some(s)),
                _ => {}
            }
            if let Some(v) = v.filter(|_| d.village_code.trim().is_empty()) {
                d.village_code = v;
            }
            if d.category.is_none() {
                d.category = c.as_deref().and_then(Category::parse);
            }
        });
    });
    let saved = RwSignal::new(true);
    Effect::new(move |_| draft.with(|d| saved.set(complaints::save_draft(d))));

    let data = Signal::derive(move || store.data());
    // With counties loaded on demand (a national bundle), the counties of the station and the
    // village the complaint is about are asked for: the form names them, and checks the
    // complaint against their rows. Asked again only when the place changes.
    let places = Memo::new(move |_| {
        draft.with(|d| {
            (
                d.station_id.trim().to_string(),
                d.village_code.trim().to_string(),
            )
        })
    });
    Effect::new(move |_| {
        let (station, village) = places.get();
        let Some(data) = data.get() else {
            return;
        };
        let village = Code::parse(&village).ok().and_then(|c| c.county());
        let mut wanted: Vec<Code> = [data.summary.county_in_id(&station), village]
            .into_iter()
            .filter_map(|c| county_to_load(&data, c))
            .collect();
        wanted.dedup();
        if !wanted.is_empty() {
            store.want(wanted);
        }
    });
    // The receiver for the place (the county's, else the deployment's), its services, and the
    // ways offered once they are known: a category the receiver does not take goes by e-mail or
    // letter.
    let receiver = Memo::new(move |_| {
        let data = data.get();
        draft.with(|d| data.and_then(|data| Ways::of(&data, d).open311))
    });
    let services = complaints::use_services(receiver.into());
    let category = Memo::new(move |_| draft.with(|d| d.category));
    let ways = Memo::new(move |_| {
        let data = data.get();
        let base = draft.with(|d| data.map(|data| Ways::of(&data, d)).unwrap_or_default());
        services.with(|s| base.for_services(category.get(), s.as_deref()))
    });
    let chosen = RwSignal::new(None::<Way>);
    let way = Memo::new(move |_| {
        let ways = ways.get();
        chosen
            .get()
            .filter(|w| ways.offers(*w))
            .unwrap_or(ways.best())
    });
    // The consent question only matters where personal data leaves the device (Open311).
    provide_context(way);
    // The receiver's service for the category, and its questions when it has some.
    let service = Memo::new(move |_| {
        let receiver = receiver.get()?;
        let category = category.get()?;
        services.with(|s| {
            let service = receiver.service_for(category, s.as_deref()?)?.clone();
            Some((receiver.clone(), service))
        })
    });
    let definition = complaints::use_definition(service.into());
    let questions = Memo::new(move |_| match definition.get() {
        complaints::Definition::Ready(d) if way.get() == Way::Open311 => d.attributes,
        _ => Vec::new(),
    });

    let channel = move || match way.get() {
        Way::Open311 => Channel::Open311(ChannelNeeds {
            categories: services.with(|s| {
                let r = receiver.get()?;
                Some(r.accepted_categories(s.as_deref()?))
            }),
            attributes: questions.get(),
            ..data
                .get()
                .and_then(|d| d.config.open311().map(|o| o.needs))
                .unwrap_or_default()
        }),
        Way::Email => Channel::Email,
        Way::Letter => Channel::Letter,
    };
    let tried = RwSignal::new(false);
    let sent = RwSignal::new(None::<(String, Way)>);
    // Once the citizen has tried to send, errors follow the form as it is corrected.
    let errors = Memo::new(move |_| {
        if !tried.get() {
            return Vec::new();
        }
        let Some(data) = data.get() else {
            return Vec::new();
        };
        let ctx = Context::new(today(), data.dataset());
        draft.with(|d| validate(d, &channel(), &ctx).err().unwrap_or_default())
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sent.get_untracked().is_some() {
            return;
        }
        tried.set(true);
        let Some(data) = data.get_untracked() else {
            return;
        };
        let ctx = Context::new(today(), data.dataset());
        let checked = draft.with_untracked(|d| validate(d, &channel(), &ctx));
        let complaint = match checked {
            Ok(c) => c,
            Err(_) => {
                focus("complaint-errors");
                return;
            }
        };
        let way = way.get_untracked();
        let ways = ways.get_untracked();
        let route = match (way, ways.open311, ways.email) {
            (Way::Open311, Some(receiver), _) => Route::open311(
                receiver,
                &complaint,
                &complaint::place(&complaint, data.dataset()),
            ),
            (Way::Email, _, Some(to)) => Route::Email { to },
            _ => Route::Letter,
        };
        let id = complaint.client_request_id.clone();
        complaints.add(complaint, route);
        // The complaint is in the outbox now: the next one starts from a clean form.
        let fresh = Draft::new(complaints::new_request_id());
        complaints::save_draft(&fresh);
        tried.set(false);
        if way == Way::Letter {
            navigate(&letter_href(&id), Default::default());
        } else {
            sent.set(Some((id, way)));
            focus("complaint-sent");
        }
        draft.set(fresh);
    };

    crate::components::page_title(|| crate::tr!("complaint-title"));
    view! {
        <article class="page complaint" data-testid="complaint-page" aria-labelledby="complaint-title">
            <div class="title-row">
                <h1 id="complaint-title">{move_tr!("complaint-title")}</h1>
                <a href="/complaints" class="button" data-testid="my-complaints-link">
                    {move_tr!("my-complaints-title")}
                    <crate::PendingBadge />
                </a>
            </div>
            {move || match store.state() {
                LoadState::Failed(error) => {
                    let on_retry = Callback::new(move |()| store.reload());
                    Some(view! { <LoadErrorView error on_retry /> })
                }
                _ => None,
            }}
            {move || {
                sent.get()
                    .map(|(id, way)| {
                        view! {
                            <SentPanel
                                id
                                way
                                on_new=Callback::new(move |()| sent.set(None))
                            />
                        }
                    })
            }}
            <Guidance ways />
            <form
                class="complaint-form"
                data-testid="complaint-form"
                novalidate=true
                autocomplete="on"
                hidden=move || sent.get().is_some()
                on:submit=on_submit
            >
                <ErrorSummary errors questions />
                {move || {
                    other_station
                        .get()
                        .map(|id| {
                            view! {
                                <p class="notice-box" data-testid="draft-other-station">
                                    {move_tr!("complaint-draft-other")} " "
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| {
                                            draft.update(|d| d.station_id = id.clone());
                                            other_station.set(None);
                                        }
                                    >
                                        {move_tr!("complaint-use-this-station")}
                                    </button>
                                </p>
                            }
                        })
                }}
                // The line stands while the data or the station's county loads, so that the
                // choices below do not move under the citizen's finger when the name arrives.
                {move || {
                    let id = draft.with(|d| d.station_id.trim().to_string());
                    if id.is_empty() {
                        return None;
                    }
                    let pending = || {
                        EitherOf3::A(view! {
                            <span class="pending" data-testid="complaint-station-pending">
                                {move_tr!("loading")}
                            </span>
                        })
                    };
                    let name = match data.get() {
                        None if matches!(store.state(), LoadState::Failed(_)) => return None,
                        None => pending(),
                        Some(data) => match data.station(&id) {
                            Some(station) => {
                                let link = format!("/station/{}", url::encode_segment(&station.id));
                                let name = station.name.clone();
                                EitherOf3::B(view! {
                                    <a href=link data-testid="complaint-station">{name}</a>
                                })
                            }
                            None if store.county_error().is_none()
                                && county_to_load(&data, data.summary.county_in_id(&id))
                                    .is_some() => pending(),
                            // An id the data does not have: shown as given.
                            None => EitherOf3::C(view! { <span>{id}</span> }),
                        },
                    };
                    Some(view! {
                        <p class="about">{move_tr!("complaint-about")} " " {name}</p>
                    })
                }}
                <CategoryChoice draft errors />
                {move || {
                    draft
                        .with(|d| d.category)
                        .map(|category| {
                            view! { <CategoryFields category draft errors /> }
                        })
                }}
                <WayChoice ways way chosen />
                <ServiceQuestions draft errors questions definition />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="complaint-submit">
                        {move || match way.get() {
                            Way::Open311 => tr!("complaint-send-online"),
                            Way::Email => tr!("complaint-make-email"),
                            Way::Letter => tr!("complaint-make-letter"),
                        }}
                    </button>
                    <p class="muted" data-testid="draft-status" aria-live="polite">
                        {move || {
                            if saved.get() {
                                tr!("complaint-draft-saved")
                            } else {
                                tr!("complaint-draft-not-saved")
                            }
                        }}
                    </p>
                </div>
            </form>
        </article>
    }
}

/// Moves focus (and the screen reader) to an element after the view has drawn it. On a busy
/// phone the element may be drawn a frame or two later, so it tries again for a few frames.
fn focus(id: &'static str) {
    focus_within(id, 10);
}

fn focus_within(id: &'static str, frames: u32) {
    request_animation_frame(move || {
        if !focus_now(id) && frames > 1 {
            focus_within(id, frames - 1);
        }
    });
}

/// Every error at the top, each a link to its field (GOV.UK's error summary).
#[component]
fn ErrorSummary(errors: Memo<Vec<FieldError>>, questions: Memo<Vec<Attribute>>) -> impl IntoView {
    view! {
        <div
            id="complaint-errors"
            class="error-summary"
            role="alert"
            tabindex="-1"
            data-testid="complaint-errors"
            hidden=move || errors.with(Vec::is_empty)
        >
            <h2>{move_tr!("complaint-errors-title")}</h2>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|e| {
                            let target = match &e.attribute {
                                Some(code) => question_id(code),
                                None => control_id(e.field),
                            };
                            let field = e.field;
                            let label = e.attribute.as_ref().and_then(|code| {
                                questions.with_untracked(|qs| {
                                    qs.iter().find(|q| &q.code == code).map(|q| q.description.clone())
                                })
                            });
                            view! {
                                <li>
                                    <a
                                        href=format!("#{target}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_now(&target);
                                        }
                                    >
                                        {move || {
                                            let label = label.clone().unwrap_or_else(|| field.label(lang()));
                                            format!("{label}：{}", e.message(lang()))
                                        }}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
