//! The form's fields: the category, each field the category needs (with its hint, its error
//! and its control), and the picker of the point or village the complaint is about. Every input
//! writes the draft (`Draft`), which `crate::complaints` saves to the device.

use super::sending::{Way, Ways};
use crate::components::SearchBox;
use crate::i18n::{self, lang};

use crate::complaints::Definition;
use crate::components::open_state::today;
use crate::store::use_store;
use crate::{move_tr, tr};
use cundi_core::complaint::{self, Attribute, Category, Datatype, Draft, Field, FieldError, Need};
use cundi_core::search::{Hit, HitKind};
use cundi_core::Code;
use leptos::either::Either;
use leptos::prelude::*;

/// Common express brands, offered as suggestions (any brand may be typed).
pub(super) const BRANDS: &[&str] = &[
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

/// The id of a field's control, for labels, error links and focus.
pub(super) fn control_id(field: Field) -> String {
    format!("f-{}", field.as_str())
}

pub(super) fn error_of(errors: Memo<Vec<FieldError>>, field: Field) -> Option<String> {
    errors.with(|es| {
        es.iter()
            .find(|e| e.field == field)
            .map(|e| e.message(lang()))
    })
}

#[component]
pub(super) fn FieldError(field: Field, errors: Memo<Vec<FieldError>>) -> impl IntoView {
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

#[component]
pub(super) fn CategoryChoice(
    draft: RwSignal<Draft>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
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

/// The fields the category needs, in the core's order, and who complains.
#[component]
pub(super) fn CategoryFields(
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
pub(super) fn FieldRow(
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
pub(super) fn hint(field: Field, need: Need) -> Option<String> {
    let h = match field {
        Field::Station if need == Need::Either => tr!("hint-station-or-village"),
        Field::Waybill => tr!("hint-waybill"),
        Field::Amount => tr!("hint-amount"),
        Field::ActualDaysPerWeek => tr!("hint-days"),
        Field::Description => tr!("hint-description"),
        Field::Phone => tr!("hint-phone"),
        Field::WhatIsWrong => tr!("hint-what-is-wrong"),
        Field::Address => tr!("hint-address"),
        _ => return None,
    };
    Some(h)
}

/// The input for a field, bound to the draft.
pub(super) fn control(
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

pub(super) fn set_text(draft: RwSignal<Draft>, field: Field, value: String) {
    draft.update(|d| {
        if let Some(t) = d.text_mut(field) {
            *t = value;
        }
    });
}

/// The station or the village: what is chosen, by name, and a search to choose another. A
/// station's villages are offered as a shortcut for the village.
#[component]
pub(super) fn PlacePicker(field: Field, draft: RwSignal<Draft>) -> impl IntoView {
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
pub(super) fn WayChoice(
    ways: Memo<Ways>,
    way: Memo<Way>,
    chosen: RwSignal<Option<Way>>,
) -> impl IntoView {
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
            {move || {
                ways.with(|w| w.not_taken)
                    .map(|c| {
                        view! {
                            <p class="notice-box" data-testid="way-not-taken">
                                {move || tr!("way-not-taken", { "category" => c.label(lang()) })}
                            </p>
                        }
                    })
            }}
            {option(Way::Open311, "open311")}
            {option(Way::Email, "email")}
            {option(Way::Letter, "letter")}
        </fieldset>
    }
}

/// The id of the control of a receiver's question: its code, with anything but letters, digits,
/// `-` and `_` written as `_xx` (a code is the receiver's text).
pub(super) fn question_id(code: &str) -> String {
    let mut id = String::from("q-");
    for c in code.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            id.push(c);
        } else {
            id.push_str(&format!("_{:x}", c as u32));
        }
    }
    id
}

/// The receiver's own questions for the service the complaint goes to (its definition's
/// attributes, docs/COMPLAINTS.md, "Open311"), under the way of sending; kept in the draft by
/// the question's code, checked with the form, and sent as `attribute[code]`.
#[component]
pub(super) fn ServiceQuestions(
    draft: RwSignal<Draft>,
    errors: Memo<Vec<FieldError>>,
    questions: Memo<Vec<Attribute>>,
    definition: Signal<Definition>,
) -> impl IntoView {
    view! {
        <p
            class="notice-box"
            data-testid="questions-failed"
            hidden=move || definition.get() != Definition::Failed
        >
            {move_tr!("questions-failed")}
        </p>
        <section
            class="questions"
            data-testid="service-questions"
            hidden=move || questions.with(Vec::is_empty)
        >
            <h2 class="form-section">{move_tr!("questions-title")}</h2>
            <p class="muted">{move_tr!("questions-intro")}</p>
            {move || {
                questions
                    .get()
                    .into_iter()
                    .map(|question| view! { <Question question draft errors /> })
                    .collect_view()
            }}
        </section>
    }
}

/// One of the receiver's questions: its description as the label, its datatype's control.
#[component]
fn Question(
    question: Attribute,
    draft: RwSignal<Draft>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
    if !question.variable {
        return view! { <p class="question-info">{question.description}</p> }.into_any();
    }
    let id = question_id(&question.code);
    let code = question.code.clone();
    let error = {
        let code = code.clone();
        move || {
            errors.with(|es| {
                es.iter()
                    .find(|e| e.attribute.as_deref() == Some(code.as_str()))
                    .map(|e| e.message(lang()))
            })
        }
    };
    let values = {
        let code = code.clone();
        move || draft.with(|d| d.attributes.get(&code).cloned().unwrap_or_default())
    };
    let first = {
        let values = values.clone();
        move || values().into_iter().next().unwrap_or_default()
    };
    let set = {
        let code = code.clone();
        move |v: Vec<String>| {
            draft.update(|d| {
                d.attributes.insert(code.clone(), v);
            })
        }
    };
    let described = format!("{id}-hint {id}-error");
    let invalid = {
        let error = error.clone();
        move || error().is_some().to_string()
    };
    let control = match question.datatype {
        Datatype::Singlevaluelist => {
            let set = set.clone();
            view! {
                <select
                    id=id.clone()
                    data-testid=id.clone()
                    aria-describedby=described.clone()
                    aria-invalid=invalid.clone()
                    prop:value=first.clone()
                    on:change=move |ev| set(vec![event_target_value(&ev)])
                >
                    <option value="">{move_tr!("questions-choose")}</option>
                    {question
                        .values
                        .iter()
                        .map(|v| {
                            let (key, first) = (v.key.clone(), first.clone());
                            view! {
                                <option value=v.key.clone() selected=move || first() == key>
                                    {v.name.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        Datatype::Multivaluelist => view! {
            <div class="choices" id=id.clone() aria-describedby=described.clone() role="group">
                {question
                    .values
                    .iter()
                    .map(|v| {
                        let key = v.key.clone();
                        let (values, set) = (values.clone(), set.clone());
                        let checked = {
                            let (key, values) = (key.clone(), values.clone());
                            move || values().contains(&key)
                        };
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    data-testid=format!("{id}-{key}")
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let mut now = values();
                                        now.retain(|k| *k != key);
                                        if event_target_checked(&ev) {
                                            now.push(key.clone());
                                        }
                                        set(now);
                                    }
                                />
                                <span>{v.name.clone()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        }
        .into_any(),
        Datatype::Text => view! {
            <textarea
                id=id.clone()
                data-testid=id.clone()
                rows="3"
                aria-describedby=described.clone()
                aria-invalid=invalid.clone()
                prop:value=first.clone()
                on:input=move |ev| set(vec![event_target_value(&ev)])
            ></textarea>
        }
        .into_any(),
        kind => {
            let (ty, mode) = match kind {
                Datatype::Number => ("text", Some("decimal")),
                Datatype::Datetime => ("datetime-local", None),
                _ => ("text", None),
            };
            view! {
                <input
                    type=ty
                    id=id.clone()
                    data-testid=id.clone()
                    inputmode=mode
                    aria-describedby=described.clone()
                    aria-invalid=invalid.clone()
                    prop:value=first.clone()
                    on:input=move |ev| set(vec![event_target_value(&ev)])
                />
            }
            .into_any()
        }
    };
    let required = question.required;
    let label_for = (!matches!(question.datatype, Datatype::Multivaluelist)).then(|| id.clone());
    view! {
        <div class="field question" data-question=code>
            <label for=label_for class="field-label">
                {question.description.clone()}
                {required.then(|| view! { <span class="required">{move_tr!("field-required")}</span> })}
            </label>
            <p class="hint" id=format!("{id}-hint")>{question.datatype_description.clone()}</p>
            {control}
            <p class="field-error" id=format!("{id}-error") hidden=move || error().is_none()>
                {error.clone()}
            </p>
        </div>
    }
    .into_any()
}
