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

use crate::complaints::{self, use_complaints};
use crate::components::{focus_now, LoadErrorView, SearchBox};
use crate::i18n::{self, lang};
use crate::pages::county_to_load;

use crate::components::open_state::today;
use crate::store::{use_store, Data, LoadState};
use crate::url::{self, letter_href, use_query_param};
use crate::{move_tr, tr};
use cundi_core::complaint::outbox::{Route, State};
use cundi_core::complaint::{
    self, validate, Category, Channel, ChannelNeeds, Context, Draft, Field, FieldError, Need,
};
use cundi_core::search::{Hit, HitKind};
use cundi_core::{Authority, Code};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Common express brands, offered as suggestions (any brand may be typed).
const BRANDS: &[&str] = &[
    "中国邮政",
    "EMS",
    "顺丰速运",
    "京东物流",
    "中通快递",
    "圆通速递",
    "申通快递",
    "韵达快递",
    "极兔速递",
    "德邦快递",
];

/// Query keys that prefill the form (ids and codes only: nothing personal).
const VILLAGE: &str = "village";
const CATEGORY: &str = "category";

/// How the complaint leaves the device, as the citizen chooses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Open311,
    Email,
    Letter,
}

/// What the deployment offers for the complaint's place: an Open311 endpoint (the county
/// authority's, else the site's) and the authority's e-mail address.
#[derive(Debug, Clone, Default, PartialEq)]
struct Ways {
    authority: Option<Authority>,
    open311: Option<String>,
    email: Option<String>,
}

impl Ways {
    fn of(data: &Data, draft: &Draft) -> Ways {
        let code = data
            .station(draft.station_id.trim())
            .map(|s| s.admin_code.clone())
            .or_else(|| Code::parse(draft.village_code.trim()).ok());
        let authority = code
            .and_then(|c| complaint::authority_for(data.dataset(), &c))
            .cloned();
        let open311 = authority
            .as_ref()
            .and_then(|a| a.open311_endpoint.clone())
            .or_else(|| data.config.open311.as_ref().map(|o| o.endpoint.clone()))
            .filter(|e| !e.trim().is_empty());
        let email = authority.as_ref().and_then(|a| a.email.clone());
        Ways {
            authority,
            open311,
            email,
        }
    }

    fn offers(&self, way: Way) -> bool {
        match way {
            Way::Open311 => self.open311.is_some(),
            Way::Email => self.email.is_some(),
            Way::Letter => true,
        }
    }

    /// The best way offered: online when possible.
    fn best(&self) -> Way {
        [Way::Open311, Way::Email, Way::Letter]
            .into_iter()
            .find(|w| self.offers(*w))
            .unwrap_or(Way::Letter)
    }
}

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
    let ways = Memo::new(move |_| {
        let data = data.get();
        draft.with(|d| data.map(|data| Ways::of(&data, d)).unwrap_or_default())
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
    let services = complaints::use_services(Signal::derive(move || ways.get().open311));

    let channel = move || match way.get() {
        Way::Open311 => Channel::Open311(ChannelNeeds {
            categories: services.get(),
            ..data
                .get()
                .and_then(|d| d.config.open311.as_ref().map(|o| o.needs.clone()))
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
            (Way::Open311, Some(endpoint), _) => Route::open311(
                endpoint,
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
                <ErrorSummary errors />
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

/// The id of a field's control, for labels, error links and focus.
fn control_id(field: Field) -> String {
    format!("f-{}", field.as_str())
}

fn error_of(errors: Memo<Vec<FieldError>>, field: Field) -> Option<String> {
    errors.with(|es| {
        es.iter()
            .find(|e| e.field == field)
            .map(|e| e.message(lang()))
    })
}

/// Every error at the top, each a link to its field (GOV.UK's error summary).
#[component]
fn ErrorSummary(errors: Memo<Vec<FieldError>>) -> impl IntoView {
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
                            let target = control_id(e.field);
                            let field = e.field;
                            view! {
                                <li>
                                    <a
                                        href=format!("#{target}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_now(&target);
                                        }
                                    >
                                        {move || format!("{}：{}", field.label(lang()), e.message(lang()))}
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

/// The guidance: the company first, then the postal administration, with the county's line.
#[component]
fn Guidance(ways: Memo<Ways>) -> impl IntoView {
    view! {
        <details class="guidance" data-testid="complaint-guidance">
            <summary>{move_tr!("complaint-guidance-title")}</summary>
            <ol class="steps">
                {move || {
                    let ways = ways.get();
                    complaint::guidance(lang(), ways.authority.as_ref(), None)
                        .into_iter()
                        .map(|line| view! { <li>{line}</li> })
                        .collect_view()
                }}
            </ol>
            {move || {
                ways.get()
                    .authority
                    .map(|a| {
                        let lines = complaint::guidance::authority_contacts(&a, lang());
                        view! {
                            <p class="authority" data-testid="complaint-authority">
                                <strong>{a.name.clone()}</strong>
                                {lines.into_iter().map(|l| view! { <br /> {l} }).collect_view()}
                            </p>
                        }
                    })
            }}
        </details>
    }
}

#[component]
fn CategoryChoice(draft: RwSignal<Draft>, errors: Memo<Vec<FieldError>>) -> impl IntoView {
    let error = move || error_of(errors, Field::Category);
    view! {
        <fieldset
            class="field categories"
            id=control_id(Field::Category)
            tabindex="-1"
            aria-invalid=move || error().is_some().to_string()
        >
            <legend>{move || Field::Category.label(lang())}</legend>
            {Category::ALL
                .iter()
                .map(|&c| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name="category"
                                value=c.as_str()
                                prop:checked=move || draft.with(|d| d.category == Some(c))
                                on:change=move |_| draft.update(|d| d.category = Some(c))
                            />
                            <span>{move || c.label(lang())}</span>
                        </label>
                    }
                })
                .collect_view()}
            <FieldError field=Field::Category errors />
        </fieldset>
    }
}

#[component]
fn FieldError(field: Field, errors: Memo<Vec<FieldError>>) -> impl IntoView {
    view! {
        <p
            class="field-error"
            id=format!("{}-error", control_id(field))
            data-testid=format!("error-{}", field.as_str())
            hidden=move || error_of(errors, field).is_none()
        >
            {move || error_of(errors, field)}
        </p>
    }
}

/// The fields the category needs, in the core's order, and who complains.
#[component]
fn CategoryFields(
    category: Category,
    draft: RwSignal<Draft>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
    let fields = category.fields();
    let personal_at = fields.iter().position(|(f, _)| *f == Field::Name);
    fields
        .into_iter()
        .enumerate()
        .filter(|(_, (f, _))| *f != Field::Category)
        .map(|(i, (field, need))| {
            let heading = (Some(i) == personal_at).then(|| {
                view! {
                    <h2 class="form-section">{move_tr!("complaint-you-title")}</h2>
                    <p class="muted">{move_tr!("complaint-you-intro")}</p>
                }
            });
            view! {
                {heading}
                <FieldRow field need draft errors />
            }
        })
        .collect_view()
}

/// One field: its label (with "required"), hint, control and error.
#[component]
fn FieldRow(
    field: Field,
    need: Need,
    draft: RwSignal<Draft>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
    // The company's answer matters only once the company was asked.
    let way = use_context::<Memo<Way>>();
    let shown = move || match field {
        Field::ContactedOn | Field::CompanyAnswer => {
            draft.with(|d| d.company_contacted == Some(true))
        }
        Field::Consent => way.is_some_and(|w| w.get() == Way::Open311),
        _ => true,
    };
    let id = control_id(field);
    let described = format!("{id}-hint {id}-error");
    let invalid = move || error_of(errors, field).is_some().to_string();
    let control = match field {
        Field::Station | Field::Village => {
            Either::Left(view! { <PlacePicker field draft /> }.into_any())
        }
        _ => Either::Right(control(
            field,
            draft,
            id.clone(),
            described.clone(),
            invalid,
        )),
    };
    let required = need == Need::Required;
    view! {
        <div class="field" data-field=field.as_str() hidden=move || !shown()>
            {(!matches!(field, Field::Receipt | Field::CompanyContacted | Field::Consent))
                .then(|| {
                    view! {
                        <label for=id.clone() class="field-label">
                            {move || field.label(lang())}
                            {required.then(|| view! { <span class="required">{move_tr!("field-required")}</span> })}
                        </label>
                    }
                })}
            <p class="hint" id=format!("{id}-hint")>
                {move || hint(field, need)}
            </p>
            {control}
            <FieldError field errors />
        </div>
    }
}

/// A short hint under a label, in the current language.
fn hint(field: Field, need: Need) -> Option<String> {
    let h = match field {
        Field::Station if need == Need::Either => tr!("hint-station-or-village"),
        Field::Waybill => tr!("hint-waybill"),
        Field::Amount => tr!("hint-amount"),
        Field::ActualDaysPerWeek => tr!("hint-days"),
        Field::Description => tr!("hint-description"),
        Field::Phone => tr!("hint-phone"),
        Field::WhatIsWrong => tr!("hint-what-is-wrong"),
        _ => return None,
    };
    Some(h)
}

/// The input for a field, bound to the draft.
fn control(
    field: Field,
    draft: RwSignal<Draft>,
    id: String,
    described: String,
    invalid: impl Fn() -> String + Send + Sync + Copy + 'static,
) -> AnyView {
    match field {
        Field::Receipt | Field::CompanyContacted => {
            let get = move |d: &Draft| match field {
                Field::Receipt => d.receipt,
                _ => d.company_contacted,
            };
            let set = move |v: bool| {
                draft.update(|d| match field {
                    Field::Receipt => d.receipt = Some(v),
                    _ => d.company_contacted = Some(v),
                })
            };
            view! {
                <fieldset class="yes-no" id=id aria-describedby=described aria-invalid=invalid>
                    <legend>{move || field.label(lang())}</legend>
                    {[true, false]
                        .into_iter()
                        .map(|v| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name=field.as_str()
                                        prop:checked=move || draft.with(|d| get(d) == Some(v))
                                        on:change=move |_| set(v)
                                    />
                                    <span>{move || i18n::yes_no(Some(v))}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
            .into_any()
        }
        Field::Consent => view! {
            <label class="choice consent">
                <input
                    type="checkbox"
                    id=id
                    aria-describedby=described
                    aria-invalid=invalid
                    data-testid="f-consent"
                    prop:checked=move || draft.with(|d| d.consent)
                    on:change=move |ev| draft.update(|d| d.consent = event_target_checked(&ev))
                />
                <span>{move_tr!("consent-text")}</span>
            </label>
        }
        .into_any(),
        Field::Description | Field::WhatIsWrong | Field::CompanyAnswer => {
            let max = complaint::validate::MAX_DESCRIPTION_CHARS;
            let count = move || draft.with(|d| d.text(field).map_or(0, |t| t.chars().count()));
            view! {
                <textarea
                    id=id
                    name=field.as_str()
                    data-testid=format!("f-{}", field.as_str())
                    rows=if field == Field::Description { 6 } else { 3 }
                    aria-describedby=described
                    aria-invalid=invalid
                    prop:value=move || draft.with(|d| d.text(field).unwrap_or_default().to_string())
                    on:input=move |ev| set_text(draft, field, event_target_value(&ev))
                ></textarea>
                {(field == Field::Description)
                    .then(|| {
                        view! {
                            <p class="counter" class:over=move || { count() > max } aria-live="polite">
                                {move || format!("{} / {max}", count())}
                            </p>
                        }
                    })}
            }
            .into_any()
        }
        _ => {
            let (kind, mode, auto) = match field {
                Field::Date | Field::ContactedOn => ("date", "", ""),
                Field::Time => ("time", "", ""),
                Field::Amount => ("text", "decimal", "off"),
                Field::ActualDaysPerWeek => ("text", "numeric", "off"),
                Field::Phone => ("tel", "tel", "tel"),
                Field::Email => ("email", "email", "email"),
                Field::Name => ("text", "", "name"),
                _ => ("text", "", "off"),
            };
            let max =
                matches!(field, Field::Date | Field::ContactedOn).then(|| today().to_string());
            view! {
                <input
                    type=kind
                    id=id
                    name=field.as_str()
                    data-testid=format!("f-{}", field.as_str())
                    inputmode=(!mode.is_empty()).then_some(mode)
                    autocomplete=(!auto.is_empty()).then_some(auto)
                    list=(field == Field::Brand).then_some("brands")
                    max=max
                    aria-describedby=described
                    aria-invalid=invalid
                    prop:value=move || draft.with(|d| d.text(field).unwrap_or_default().to_string())
                    on:input=move |ev| set_text(draft, field, event_target_value(&ev))
                />
                {(field == Field::Brand)
                    .then(|| {
                        view! {
                            <datalist id="brands">
                                {BRANDS.iter().map(|b| view! { <option value=*b></option> }).collect_view()}
                            </datalist>
                        }
                    })}
            }
            .into_any()
        }
    }
}

fn set_text(draft: RwSignal<Draft>, field: Field, value: String) {
    draft.update(|d| {
        if let Some(t) = d.text_mut(field) {
            *t = value;
        }
    });
}

/// The station or the village: what is chosen, by name, and a search to choose another. A
/// station's villages are offered as a shortcut for the village.
#[component]
fn PlacePicker(field: Field, draft: RwSignal<Draft>) -> impl IntoView {
    let store = use_store();
    let is_station = field == Field::Station;
    let value = move || {
        draft.with(|d| {
            if is_station {
                d.station_id.trim().to_string()
            } else {
                d.village_code.trim().to_string()
            }
        })
    };
    let set = move |v: String| {
        draft.update(|d| {
            if is_station {
                d.station_id = v;
            } else {
                d.village_code = v;
            }
        })
    };
    let name = move || {
        let v = value();
        if v.is_empty() {
            return None;
        }
        let data = store.data();
        let found = data.as_ref().and_then(|data| {
            if is_station {
                data.station(&v).map(|s| s.name.clone())
            } else {
                Some(data.area_names(&Code::parse(&v).ok()?).join(" ")).filter(|n| !n.is_empty())
            }
        });
        Some(found.unwrap_or(v))
    };
    let served = move || {
        if is_station {
            return Vec::new();
        }
        let station = draft.with(|d| d.station_id.trim().to_string());
        store
            .data()
            .map(|data| {
                data.dataset()
                    .villages_served_by(&station)
                    .into_iter()
                    .map(|v| (v.code.to_string(), v.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let kinds: &'static [HitKind] = if is_station {
        &[HitKind::Station]
    } else {
        &[HitKind::Village]
    };
    let id = control_id(field);
    view! {
        <p class="picked" data-testid=format!("picked-{}", field.as_str()) hidden=move || name().is_none()>
            <strong>{name}</strong>
            " "
            <button type="button" class="link-button" on:click=move |_| set(String::new())>
                {move_tr!("complaint-clear-place")}
            </button>
        </p>
        {move || {
            let served: Vec<(String, String)> = served();
            (!served.is_empty() && value().is_empty())
                .then(|| {
                    view! {
                        <select
                            class="served-select"
                            data-testid="served-village-select"
                            aria-label=move_tr!("complaint-served-villages")
                            on:change=move |ev| set(event_target_value(&ev))
                        >
                            <option value="">{move_tr!("complaint-served-villages")}</option>
                            {served
                                .into_iter()
                                .map(|(code, name)| view! { <option value=code>{name}</option> })
                                .collect_view()}
                        </select>
                    }
                })
        }}
        <div hidden=move || name().is_some()>
        <SearchBox
            id=id
            kinds
            label=Signal::derive(move || {
                if is_station { tr!("complaint-find-station") } else { tr!("complaint-find-village") }
            })
            on_pick=Callback::new(move |hit: Hit| set(hit.key))
        />
        </div>
    }
}

/// The ways the deployment offers, to choose from.
#[component]
fn WayChoice(ways: Memo<Ways>, way: Memo<Way>, chosen: RwSignal<Option<Way>>) -> impl IntoView {
    let option = move |w: Way, value: &'static str| {
        view! {
            <label class="choice" hidden=move || !ways.with(|ws| ws.offers(w))>
                <input
                    type="radio"
                    name="way"
                    value=value
                    data-testid=format!("way-{value}")
                    prop:checked=move || way.get() == w
                    on:change=move |_| chosen.set(Some(w))
                />
                <span>
                    {move || match w {
                        Way::Open311 => tr!("way-open311"),
                        Way::Email => {
                            let to = ways.with(|ws| ws.authority.as_ref().map(|a| a.name.clone()));
                            tr!("way-email", { "to" => to.unwrap_or_default() })
                        }
                        Way::Letter => tr!("way-letter"),
                    }}
                </span>
            </label>
        }
    };
    view! {
        <fieldset class="field ways" id=control_id(Field::Channel)>
            <legend>{move || Field::Channel.label(lang())}</legend>
            {option(Way::Open311, "open311")}
            {option(Way::Email, "email")}
            {option(Way::Letter, "letter")}
        </fieldset>
    }
}

/// After sending: where the complaint is (sent with its reference, or waiting to be retried),
/// the e-mail link, and the letter.
#[component]
fn SentPanel(id: String, way: Way, on_new: Callback<()>) -> impl IntoView {
    let complaints = use_complaints();
    let store = use_store();
    let record = {
        let id = id.clone();
        move || complaints.outbox().with(|o| o.get(&id).cloned())
    };
    let status = move || {
        record().map(|r| match r.state {
            State::Delivered { reference, .. } => {
                let reference = reference.unwrap_or_else(|| tr!("reference-none"));
                tr!("sent-delivered", { "reference" => reference })
            }
            State::Queued | State::Sending { .. } if r.attempts == 0 => tr!("sent-sending"),
            State::Queued | State::Sending { .. } => tr!("sent-queued"),
            State::Rejected { message, .. } => tr!("sent-rejected", { "message" => message }),
            State::Handed { .. } => tr!("sent-email-ready"),
        })
    };
    let mailto = {
        let id = id.clone();
        move || {
            let r = complaints.outbox().with(|o| o.get(&id).cloned())?;
            let Route::Email { to } = &r.route else {
                return None;
            };
            let data = store.data()?;
            let ctx = Context::new(today(), data.dataset());
            Some(complaint::mailto(&r.complaint, &ctx, to, lang()))
        }
    };
    let letter = letter_href(&id);
    view! {
        <section
            id="complaint-sent"
            class="sent-panel"
            tabindex="-1"
            role="status"
            data-testid="complaint-sent"
        >
            <h2>
                {move || match way {
                    Way::Email => tr!("sent-email-title"),
                    _ => tr!("sent-title"),
                }}
            </h2>
            <p data-testid="sent-status">{status}</p>
            {move || {
                mailto()
                    .map(|href| {
                        let id = id.clone();
                        view! {
                            <p>
                                <a
                                    class="button primary"
                                    href=href
                                    data-testid="mailto-link"
                                    on:click=move |_| complaints.handed(&id)
                                >
                                    {move_tr!("sent-open-email")}
                                </a>
                            </p>
                            <p class="muted">{move_tr!("sent-email-personal")}</p>
                        }
                    })
            }}
            <p class="actions">
                <a class="button" href=letter data-testid="sent-letter-link">
                    {move_tr!("sent-letter")}
                </a>
                <a class="button" href="/complaints">
                    {move_tr!("my-complaints-title")}
                </a>
                <button
                    type="button"
                    class="button"
                    data-testid="complaint-new"
                    on:click=move |_| on_new.run(())
                >
                    {move_tr!("complaint-new")}
                </button>
            </p>
        </section>
    }
}
