//! Complaints kept on the device: the draft as it is typed and the outbox of every complaint
//! made — in localStorage, nowhere else — and the loop that delivers the Open311 ones.
//!
//! The rules (what is due, what a failure means, that a complaint is sent once) are the core's
//! `complaint::outbox`; this module does the I/O. Every change is written to storage at once, so a
//! reload or a crash loses nothing; a complaint left "sending" when the page closed is sent again
//! with the same client request id, which lets the receiver recognise it. Queued complaints are
//! retried on a timer, when the browser comes back online, and when any page of the site loads.
//! Nothing here logs, and nothing goes into a URL but the request id, which is random.
//!
//! The outbox's code is in the complaint chunk (`crate::chunks`), not in the first load: the
//! map's start-up only looks whether this device holds an outbox at all, and fetches the chunk
//! to start it if so — or when another tab makes one, or when a complaint page opens.

use crate::store::Store;
use cundi_core::complaint::open311::MAX_ANSWER_BYTES;
use cundi_core::complaint::outbox::{classify_http, Attempt, Failure, FollowUp, Outbox, Route};
use cundi_core::complaint::{
    parse_request_status, parse_service_definition, parse_services, parse_token_response,
    Complaint, Draft, Receiver, ResponseError, Service, ServiceDefinition, Submitted,
};
use gloo_net::http::Request;
use leptos::prelude::*;
use std::time::Duration;

/// localStorage keys. Everything the site stores starts with `cundi-`.
pub const DRAFT_KEY: &str = "cundi-complaint-draft";
pub const OUTBOX_KEY: &str = "cundi-complaints";

/// What a failed request records as its reason: the browser says no more (offline, refused,
/// CORS and timeouts look alike to a page).
const NO_ANSWER: &str = "no answer (offline or timed out)";

/// How long one Open311 request may take before it counts as failed (and is retried).
const REQUEST_TIMEOUT_MS: u32 = 30_000;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a value; `false` when the browser refuses (storage full, or disabled).
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Milliseconds since the epoch, the outbox's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A random id for a new complaint (UUID v4 form) from the browser's cryptographic generator,
/// which unlike `crypto.randomUUID` also works on plain-http deployments.
pub fn new_request_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = window()
        .crypto()
        .ok()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No crypto at all (very old browsers): Math.random is enough to tell drafts apart.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The draft saved on this device, or a new one.
pub fn load_draft() -> Draft {
    load(DRAFT_KEY)
        .and_then(|s| serde_json::from_str::<Draft>(&s).ok())
        .filter(|d| !d.client_request_id.is_empty())
        .unwrap_or_else(|| Draft::new(new_request_id()))
}

/// Saves the draft; an empty one is not kept (opening the form stores nothing).
pub fn save_draft(draft: &Draft) -> bool {
    if *draft == Draft::new(draft.client_request_id.clone()) {
        remove(DRAFT_KEY);
        return true;
    }
    serde_json::to_string(draft).is_ok_and(|json| save(DRAFT_KEY, &json))
}

/// The shared handle on the outbox: cheap to copy into any view.
#[derive(Debug, Clone, Copy)]
pub struct Complaints {
    outbox: RwSignal<Outbox>,
    /// Whether the last write to storage failed (shown, since then a reload would lose data).
    unsaved: RwSignal<bool>,
    /// The earliest wake-up already scheduled, so timers do not pile up.
    timer_at: StoredValue<Option<i64>>,
    /// Whether the outbox has been read from storage and its sending loop started.
    started: StoredValue<bool>,
    /// The data, for the receivers' current keys (`Data::current_receiver`).
    store: Option<Store>,
}

impl Complaints {
    /// The outbox (tracked).
    pub fn outbox(&self) -> ReadSignal<Outbox> {
        self.outbox.read_only()
    }

    pub fn unsaved(&self) -> bool {
        self.unsaved.get()
    }

    /// Applies a change to the outbox as stored (another tab may have changed it), writes it back
    /// and publishes it.
    fn change<T>(&self, f: impl FnOnce(&mut Outbox) -> T) -> T {
        let stored = load(OUTBOX_KEY);
        let mut outbox = stored.as_deref().map(Outbox::from_json).unwrap_or_default();
        let result = f(&mut outbox);
        // Write only a change: looking at the outbox must not store anything on the device.
        let json = outbox.to_json();
        let unchanged = match &stored {
            Some(s) => *s == json,
            None => outbox.is_empty(),
        };
        if !unchanged {
            self.unsaved.set(!save(OUTBOX_KEY, &json));
        }
        self.outbox.set(outbox);
        result
    }

    /// Keeps a checked complaint. Open311 complaints are sent at once; the others are handed to
    /// the citizen (e-mail, letter) by the page that called this.
    pub fn add(&self, complaint: Complaint, route: Route) {
        self.change(|o| o.add(complaint, route, now_ms()));
        self.pump();
    }

    pub fn retry(&self, id: &str) {
        self.change(|o| o.retry_now(id, now_ms()));
        self.pump();
    }

    pub fn handed(&self, id: &str) {
        self.change(|o| o.handed(id, now_ms()));
    }

    pub fn remove(&self, id: &str) {
        self.change(|o| o.remove(id));
    }

    /// Erases everything the site stored on this device — complaints, the draft, the language
    /// choice — and forgets them in memory too.
    pub fn erase_all(&self) {
        if let Some(s) = storage() {
            let _ = s.clear();
        }
        if let Ok(Some(s)) = window().session_storage() {
            let _ = s.clear();
        }
        self.outbox.set(Outbox::default());
        self.unsaved.set(false);
    }

    /// Sends every complaint that is due, and schedules the next wake-up.
    pub fn pump(&self) {
        let now = now_ms();
        let due = self.change(|o| o.due(now));
        for id in due {
            let Some(mut attempt) = self.change(|o| o.begin(&id, now)) else {
                continue;
            };
            // The deployment's key and jurisdiction as they are now, if it still has this
            // receiver: a key put right after a refusal reaches the complaints made before.
            let current = self
                .store
                .and_then(|s| s.data())
                .and_then(|d| d.current_receiver(&attempt.receiver.endpoint));
            if let Some(current) = current {
                attempt.receiver = current.credentials();
            }
            let this = *self;
            leptos::task::spawn_local(async move {
                let result = post(&attempt).await;
                this.change(|o| match result {
                    Ok(submitted) => o.succeeded(&attempt, &submitted, now_ms()),
                    Err(failure) => o.failed(&attempt, failure, now_ms()),
                });
                this.schedule();
            });
        }
        self.schedule();
    }

    /// The browser is back online: everything queued is due now.
    fn online(&self) {
        self.change(|o| o.online(now_ms()));
        self.pump();
    }

    /// Wakes the pump when the next queued complaint is due.
    fn schedule(&self) {
        let Some(at) = self.outbox.with_untracked(|o| o.next_due_ms(now_ms())) else {
            return;
        };
        if self.timer_at.get_value().is_some_and(|t| t <= at) {
            return;
        }
        self.timer_at.set_value(Some(at));
        let this = *self;
        let wait = (at - now_ms()).clamp(0, i64::from(i32::MAX)) as u64;
        set_timeout(
            move || {
                this.timer_at.set_value(None);
                this.pump();
            },
            Duration::from_millis(wait),
        );
    }
}

/// A receiver's services, from its `services.json`; `None` while unknown (no receiver, not
/// loaded yet, or unreadable — then the receiver's answer to the complaint will tell).
pub fn use_services(receiver: Signal<Option<Receiver>>) -> Signal<Option<Vec<Service>>> {
    let services = RwSignal::new(None::<Vec<Service>>);
    Effect::new(move |previous: Option<Option<String>>| {
        let url = receiver.with(|r| r.as_ref().map(Receiver::services_url));
        if previous.as_ref() == Some(&url) {
            return url;
        }
        services.set(None);
        if let Some(url) = url.clone() {
            leptos::task::spawn_local(async move {
                if let Ok(body) = get(&url).await {
                    if let Ok(list) = parse_services(&body) {
                        services.try_set(Some(list));
                    }
                }
            });
        }
        url
    });
    services.into()
}

/// A service's definition, as far as the form knows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Definition {
    /// The service has none (`metadata: false`), or there is no service.
    None,
    Loading,
    Ready(ServiceDefinition),
    /// It could not be read: the form says so, and the receiver will judge the complaint.
    Failed,
}

/// The definition of the service a complaint goes to (`services/{code}.json`), read when the
/// service says it has one.
pub fn use_definition(service: Signal<Option<(Receiver, Service)>>) -> Signal<Definition> {
    let definition = RwSignal::new(Definition::None);
    Effect::new(move |previous: Option<Option<String>>| {
        let url = service.with(|s| {
            s.as_ref()
                .filter(|(_, service)| service.metadata)
                .map(|(r, service)| r.definition_url(&service.service_code))
        });
        if previous.as_ref() == Some(&url) {
            return url;
        }
        match url.clone() {
            None => definition.set(Definition::None),
            Some(url) => {
                definition.set(Definition::Loading);
                leptos::task::spawn_local(async move {
                    let read = get(&url)
                        .await
                        .ok()
                        .and_then(|body| parse_service_definition(&body).ok());
                    definition.try_set(read.map_or(Definition::Failed, Definition::Ready));
                });
            }
        }
        url
    });
    definition.into()
}

/// `GET` a receiver's URL: the body of a 2xx no larger than the core reads, else why not.
async fn get(url: &str) -> Result<String, String> {
    let signal = crate::store::abort_after(REQUEST_TIMEOUT_MS);
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| NO_ANSWER.to_string())?;
    if too_large(&response) {
        return Err("the answer is too large".into());
    }
    let body = response.text().await.map_err(|_| NO_ANSWER.to_string())?;
    if response.ok() {
        Ok(body)
    } else {
        Err(format!("HTTP {}", response.status()))
    }
}

/// Whether the answer says it is larger than the core reads (`MAX_ANSWER_BYTES`), so that it is
/// not downloaded into a cheap phone's memory at all.
fn too_large(response: &gloo_net::http::Response) -> bool {
    response
        .headers()
        .get("content-length")
        .and_then(|n| n.trim().parse::<usize>().ok())
        .is_some_and(|n| n > MAX_ANSWER_BYTES)
}

/// The outbox as stored. Entries the core cannot read are kept in it as they were (see
/// `Outbox::from_json`), so a bug or an older version never destroys what the citizen made.
fn read_outbox() -> Outbox {
    load(OUTBOX_KEY)
        .map(|raw| Outbox::from_json(&raw))
        .unwrap_or_default()
}

/// `POST {endpoint}/requests.json`, form-encoded, as GeoReport v2 asks. The answer is the core's
/// to judge; a request that fails or times out is retryable.
async fn post(attempt: &Attempt) -> Result<Submitted, Failure> {
    let url = attempt.receiver.post_url();
    let signal = crate::store::abort_after(REQUEST_TIMEOUT_MS);
    let response = Request::post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .abort_signal(Some(&signal))
        .body(attempt.body())
        .map_err(|e| Failure::Retryable(e.to_string()))?
        .send()
        .await
        .map_err(|_| Failure::Retryable(NO_ANSWER.to_string()))?;
    let status = response.status();
    if too_large(&response) {
        return Err(Failure::Retryable(format!(
            "HTTP {status}, but the answer is too large to read"
        )));
    }
    let text = response.text().await.unwrap_or_default();
    classify_http(status, &text)
}

/// How the outbox hears of an event: `true` when the browser has just come back online.
pub type OutboxWaker = fn(bool) -> futures::future::LocalBoxFuture<'static, ()>;

/// Provides the (still empty) outbox to every page, and starts it at once if this device holds
/// complaints. Its code arrives with the complaint chunk, so a device that never made a
/// complaint does not download it.
///
/// `wake_outbox` hands an event to the outbox in the complaint chunk, fetching it first if need
/// be (the site: `chunks::wake_outbox_loaded`); it is handed in so that this module never
/// reaches a chunk itself.
pub fn provide_complaints(wake_outbox: OutboxWaker, store: Store) -> Complaints {
    let complaints = Complaints {
        outbox: RwSignal::new(Outbox::default()),
        unsaved: RwSignal::new(false),
        timer_at: StoredValue::new(None),
        started: StoredValue::new(false),
        store: Some(store),
    };
    provide_context(complaints);
    let owner = Owner::current().unwrap_or_default();
    // Hands the event to the outbox in the complaint chunk, fetching it first if need be. A
    // chunk that does not arrive (offline on a first visit) is tried again at the next event.
    let wake = move |online: bool| {
        if !complaints.started.get_value() && load(OUTBOX_KEY).is_none() {
            return;
        }
        owner.with(|| {
            leptos::task::spawn_local_scoped(async move {
                wake_outbox(online).await;
            })
        });
    };
    wake(false);
    let on_online = window_event_listener(leptos::ev::online, {
        let wake = wake.clone();
        move |_| wake(true)
    });
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|k| k == OUTBOX_KEY) {
            wake(false);
        }
    });
    on_cleanup(move || {
        on_online.remove();
        on_storage.remove();
    });
    complaints
}

impl Complaints {
    /// Reads the outbox from storage, recovers complaints left mid-send and sends what is due;
    /// `false` if that was done before. Every complaint page calls it (they are all in the
    /// complaint chunk, with this code).
    pub fn start(&self) -> bool {
        if self.started.get_value() {
            return false;
        }
        self.started.set_value(true);
        // Through `change`, so that what is recovered is stored: the pump reads the outbox from
        // storage, and would otherwise leave the complaint waiting as if still on its way.
        self.change(|o| o.recover(now_ms()));
        self.pump();
        true
    }

    /// The browser came back online (`online`), or storage changed (another tab, or this
    /// device's first complaint): starts the outbox, or brings it up to date.
    pub fn wake(&self, online: bool) {
        let started_now = self.start();
        if online {
            self.online();
        } else if !started_now {
            self.outbox.set(read_outbox());
        }
    }
}

pub fn use_complaints() -> Complaints {
    expect_context::<Complaints>()
}

impl Complaints {
    /// Asks the receivers what became of the delivered complaints: exchanges the batch tokens
    /// for ids, then reads each request's status (docs/COMPLAINTS.md, "Answers come back").
    /// `min_age_ms` leaves out statuses read more recently than that. A question that fails is
    /// asked again next time; nothing of it is shown but the answers.
    pub fn follow_up(&self, min_age_ms: i64) {
        let asks = self
            .outbox
            .with_untracked(|o| o.follow_ups(now_ms(), min_age_ms));
        for ask in asks {
            let this = *self;
            leptos::task::spawn_local(async move {
                let Ok(body) = get(&ask.url()).await else {
                    return;
                };
                match &ask {
                    FollowUp::Token { id, .. } => {
                        if let Ok(Some(request_id)) = parse_token_response(&body) {
                            if this.change(|o| o.token_answered(id, Some(request_id))) {
                                // The id is known now: its status next.
                                this.follow_up(min_age_ms);
                            }
                        }
                    }
                    FollowUp::Status {
                        id,
                        service_request_id,
                        ..
                    } => match parse_request_status(&body, service_request_id) {
                        Ok(status) => {
                            this.change(|o| o.status_answered(id, &status, now_ms()));
                        }
                        Err(ResponseError::Rejected(_) | ResponseError::Malformed(_)) => {}
                    },
                }
            });
        }
    }

    /// The citizen has seen "my complaints": no news is new any more.
    pub fn mark_seen(&self) {
        if self.outbox.with_untracked(|o| o.unseen() > 0) {
            self.change(|o| o.mark_seen());
        }
    }
}
