//! `/complaints`: "My complaints" — every complaint kept on this device, newest first, with its
//! category, place, time, channel and state (sent with the reference the receiver returned,
//! waiting to be retried and why, refused, or handed to the citizen as a letter or an e-mail),
//! and what can be done with it. At the bottom, one button erases everything the site stored.

use crate::complaints::use_complaints;
use crate::i18n::{lang, text};
use crate::store::use_store;
use crate::url::letter_href;
use crate::{move_tr, tr};
use cundi_core::complaint::outbox::{
    refusal_words, Record, Remote, Route, State, FOLLOW_UP_EVERY_MS,
};
use cundi_core::complaint::RequestState;
use leptos::prelude::*;

/// A time from the outbox's clock, in China time, as `2026-11-22 15:04`.
pub fn china_time(ms: i64) -> String {
    use chrono::{Datelike, Timelike};
    let t = chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&cundi_core::hours::china());
    // Written out rather than with `format`, whose strftime parser would add to the download.
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[component]
pub fn MyComplaintsPage() -> impl IntoView {
    let complaints = use_complaints();
    let records = move || complaints.outbox().with(|o| o.records().to_vec());
    // What the receivers say: asked on opening, and every 15 minutes while the page stays open
    // (docs/COMPLAINTS.md, "Answers come back"). What was new is not new once the citizen has
    // been here: it is marked seen on leaving.
    complaints.follow_up(0);
    let every = set_interval_with_handle(
        move || complaints.follow_up(FOLLOW_UP_EVERY_MS),
        std::time::Duration::from_millis(FOLLOW_UP_EVERY_MS as u64),
    )
    .ok();
    on_cleanup(move || {
        if let Some(handle) = every {
            handle.clear();
        }
        complaints.mark_seen();
    });
    crate::components::page_title(|| crate::tr!("my-complaints-title"));
    view! {
        <article class="page mine" data-testid="my-complaints" aria-labelledby="mine-title">
            <h1 id="mine-title">{move_tr!("my-complaints-title")}</h1>
            <p class="muted">{move_tr!("my-complaints-intro")}</p>
            {move || {
                complaints
                    .unsaved()
                    .then(|| {
                        view! {
                            <p class="notice-box" role="alert">
                                {move_tr!("storage-failed")}
                            </p>
                        }
                    })
            }}
            <p hidden=move || !records().is_empty() data-testid="my-complaints-empty">
                {move_tr!("my-complaints-empty")} " "
                <a href="/complaint">{move_tr!("complaint-new")}</a>
            </p>
            <ul class="records">
                {move || {
                    records()
                        .into_iter()
                        .map(|r| view! { <RecordItem record=r /> })
                        .collect_view()
                }}
            </ul>
            <EraseAll />
        </article>
    }
}

#[component]
fn RecordItem(record: Record) -> impl IntoView {
    let complaints = use_complaints();
    let store = use_store();
    let c = &record.complaint;
    let id = c.client_request_id.clone();
    let category = c.category;
    let place = {
        let (station, village) = (c.station_id.clone(), c.village_code.clone());
        move || {
            let data = store.data()?;
            station
                .as_deref()
                .and_then(|s| data.station(s).map(|s| s.name.clone()))
                .or_else(|| {
                    let v = village.as_ref()?;
                    data.dataset().village(v.as_str()).map(|v| v.name.clone())
                })
        }
    };
    let route = record.route.clone();
    let channel = text(move || match &route {
        Route::Open311 { .. } => tr!("way-open311-short"),
        Route::Email { .. } => tr!("way-email-short"),
        Route::Letter => tr!("way-letter-short"),
    });
    let state = record.state.clone();
    let reference = record.reference().map(str::to_string);
    let (attempts, last_error, next) = (
        record.attempts,
        record.last_error.clone().unwrap_or_default(),
        record.next_attempt_ms,
    );
    let status = text(move || match &state {
        State::Delivered { at_ms, .. } => tr!("state-delivered", {
            "reference" => reference.clone().unwrap_or_else(|| tr!("reference-none")),
            "time" => china_time(*at_ms),
        }),
        State::Queued => tr!("state-queued", {
            "attempts" => attempts,
            "error" => last_error.clone(),
            "time" => next.map(china_time).unwrap_or_default(),
        }),
        State::Sending { .. } => tr!("state-sending"),
        State::Rejected {
            message, status, ..
        } => refusal_words(*status, message, lang()),
        State::Handed { at_ms } => tr!("state-handed", { "time" => china_time(*at_ms) }),
    });
    let remote = record.remote.clone();
    let notice = match &record.state {
        State::Delivered { notice, .. } => notice.clone(),
        _ => None,
    };
    let waiting = record.remote.is_none()
        && matches!(
            &record.state,
            State::Delivered {
                reference: None,
                token: Some(_),
                ..
            }
        );
    let retryable = matches!(record.state, State::Queued | State::Rejected { .. })
        && matches!(record.route, Route::Open311 { .. });
    let (id_retry, id_delete) = (id.clone(), id.clone());
    view! {
        <li class="record" data-testid="complaint-record" data-id=id.clone() data-state=state_word(&record.state)>
            <h2>{move || category.label(lang())}</h2>
            <p class="record-place">{place}</p>
            <dl class="record-facts">
                <dt>{move_tr!("record-created")}</dt>
                <dd>{china_time(record.created_ms)}</dd>
                <dt>{move_tr!("record-channel")}</dt>
                <dd>{channel}</dd>
                <dt>{move_tr!("record-state")}</dt>
                <dd data-testid="record-status">{status}</dd>
            </dl>
            {notice.map(|n| view! { <p class="service-notice" data-testid="service-notice">{move || tr!("service-notice", { "notice" => n.clone() })}</p> })}
            {waiting.then(|| view! { <p class="muted" data-testid="record-waiting">{move_tr!("remote-waiting")}</p> })}
            {remote.map(|r| view! { <RemoteStatus remote=r /> })}
            <p class="actions">
                <a class="button" href=letter_href(&id)>
                    {move_tr!("sent-letter")}
                </a>
                {retryable
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                data-testid="record-retry"
                                on:click=move |_| complaints.retry(&id_retry)
                            >
                                {move_tr!("record-retry")}
                            </button>
                        }
                    })}
                <Confirm
                    testid="record-delete"
                    label=move_tr!("record-delete")
                    question=move_tr!("record-delete-confirm")
                    yes=move_tr!("record-delete")
                    on_yes=Callback::new(move |()| complaints.remove(&id_delete))
                />
            </p>
        </li>
    }
}

fn state_word(s: &State) -> &'static str {
    match s {
        State::Queued => "queued",
        State::Sending { .. } => "sending",
        State::Delivered { .. } => "delivered",
        State::Rejected { .. } => "rejected",
        State::Handed { .. } => "handed",
    }
}

/// Erases every complaint, the draft and the language choice from this device, after a
/// confirmation that says what will go.
#[component]
fn EraseAll() -> impl IntoView {
    let complaints = use_complaints();
    let done = RwSignal::new(false);
    view! {
        <section class="erase" aria-labelledby="erase-title">
            <h2 id="erase-title">{move_tr!("erase-title")}</h2>
            <p>{move_tr!("erase-intro")}</p>
            <Confirm
                testid="erase-all"
                label=move_tr!("erase-button")
                question=move_tr!("erase-confirm")
                yes=move_tr!("erase-yes")
                on_yes=Callback::new(move |()| {
                    complaints.erase_all();
                    done.set(true);
                })
            />
            <p role="status" data-testid="erase-done">
                {move || done.get().then(|| tr!("erase-done"))}
            </p>
        </section>
    }
}

/// A button that asks before it acts: "Delete" → "Delete this complaint? [Delete] [Cancel]".
/// The buttons' test ids are `{testid}` and `{testid}-yes`.
#[component]
fn Confirm(
    testid: &'static str,
    label: Signal<String>,
    question: Signal<String>,
    yes: Signal<String>,
    on_yes: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="button danger"
            data-testid=testid
            hidden=move || asking.get()
            on:click=move |_| asking.set(true)
        >
            {label}
        </button>
        <span hidden=move || !asking.get() class="confirm" role="group">
            <strong>{question}</strong>
            " "
            <button
                type="button"
                class="button danger"
                data-testid=format!("{testid}-yes")
                on:click=move |_| {
                    asking.set(false);
                    on_yes.run(());
                }
            >
                {yes}
            </button>
            <button type="button" class="button" on:click=move |_| asking.set(false)>
                {move_tr!("cancel")}
            </button>
        </span>
    }
}

/// What the receiving office last said about a delivered complaint: open or closed, its notes,
/// who handles it and when it was updated, marked "new" when it changed since the last visit.
#[component]
fn RemoteStatus(remote: Remote) -> impl IntoView {
    let Remote {
        status,
        status_notes,
        agency_responsible,
        updated_datetime,
        unseen,
        ..
    } = remote;
    let word = match &status {
        RequestState::Open => "open",
        RequestState::Closed => "closed",
        RequestState::Other(_) => "other",
    };
    let status = text(move || match &status {
        RequestState::Open => tr!("remote-open"),
        RequestState::Closed => tr!("remote-closed"),
        RequestState::Other(w) => w.clone(),
    });
    let updated = updated_datetime.map(|t| {
        chrono::DateTime::parse_from_rfc3339(t.trim())
            .map(|d| china_time(d.timestamp_millis()))
            .unwrap_or(t)
    });
    view! {
        <section class="remote" data-testid="record-remote" data-status=word>
            <h3>
                {move_tr!("remote-title")} "："
                <strong data-testid="remote-status">{status}</strong>
                {unseen.then(|| view! { <span class="badge new" data-testid="remote-new">{move_tr!("remote-new")}</span> })}
            </h3>
            {status_notes.map(|n| view! { <p class="remote-notes" data-testid="remote-notes">{n}</p> })}
            {agency_responsible.map(|a| view! { <p class="muted">{move || tr!("remote-agency", { "agency" => a.clone() })}</p> })}
            {updated.map(|t| view! { <p class="muted" data-testid="remote-updated">{move || tr!("remote-updated", { "time" => t.clone() })}</p> })}
        </section>
    }
}
