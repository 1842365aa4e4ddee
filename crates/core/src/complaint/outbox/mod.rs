//! Every complaint kept on the device, and where each one is on its way out: the outbox and the
//! "my complaints" list are one list of [`Record`]s (docs/COMPLAINTS.md, "Never lose a complaint").
//!
//! The site keeps the [`Outbox`] as JSON in `localStorage` and does the HTTP itself; this module
//! is the logic in between, so its rules are tested natively:
//!
//! - a complaint is kept from the moment it is submitted until the citizen deletes it — a
//!   delivered one stays as the record of what was sent, when, how, and the reference returned;
//! - a submission that fails for a reason that may pass (offline, timeout, 5xx, 408, 429, an
//!   answer that cannot be read) stays queued and is retried with a growing delay
//!   ([`retry_delay_ms`]), always with the complaint's own client request id, which the receiver
//!   uses to recognise a submission it already has;
//! - a submission is sent only from [`Outbox::begin`], which moves the record to
//!   [`State::Sending`] and refuses a record that is already sending or delivered: pressing
//!   submit twice, or a timer and the `online` event firing together, sends it once;
//! - a submission the endpoint refused (4xx, an Open311 error array) is not retried on its own,
//!   since the same request would be refused again; the citizen edits it, retries or deletes it.
//!
//! Core has no clock: every time is passed in as milliseconds since the Unix epoch, as
//! JavaScript's `Date.now()` gives them. The site should read the store, call a method and write
//! the store back in one synchronous step (in particular [`Outbox::begin`] before the request
//! goes out), so that another tab reading the store sees the record as sending.
//!
//! Erasing everything is the site's job: it deletes the storage key.

mod classify;
mod follow_up;

pub use classify::*;
pub use follow_up::*;

use super::open311::{open311_form, Receiver};
use super::place::Place;
use super::{Complaint, Submitted};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The delays before the retries after the first failures: 5 s, 15 s, 1 min and 5 min; after
/// that every [`MAX_RETRY_DELAY_MS`]. Short at first because most failures are a moment without
/// signal; never longer than a quarter of an hour, so a complaint queued on a village's flaky
/// connection goes out soon after the signal comes back even if no `online` event fires.
pub const RETRY_DELAYS_MS: [i64; 4] = [5_000, 15_000, 60_000, 300_000];

/// The longest wait between two attempts: 15 minutes.
pub const MAX_RETRY_DELAY_MS: i64 = 15 * 60_000;

/// A request in flight for this long is taken as lost (the tab was frozen, the request never
/// returned) and the record is due again. The site should give up on its own request well
/// before this (30 s, say), so that a request still under way is never taken for a lost one.
/// Resending a request that did arrive after all is safe: it carries the same client request id.
pub const LOST_AFTER_MS: i64 = 2 * 60_000;

/// How long to wait after the `failed_attempts`-th failed attempt (1 after the first one).
pub fn retry_delay_ms(failed_attempts: u32) -> i64 {
    let i = failed_attempts.saturating_sub(1) as usize;
    RETRY_DELAYS_MS
        .get(i)
        .copied()
        .unwrap_or(MAX_RETRY_DELAY_MS)
}

/// How a complaint left the device, or will leave it. Stored with the record, so "my complaints"
/// can say which channel was used and to whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Route {
    /// POSTed to an Open311 GeoReport v2 endpoint (`{endpoint}/requests.json`) by the site.
    Open311 {
        endpoint: String,
        /// The receiver's key and jurisdiction when the complaint was made; the site sends the
        /// deployment's current ones when it still has them (a key put right after a refusal).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        api_key: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        jurisdiction_id: Option<String>,
        /// The form fields ([`open311_form`]), computed once when the complaint is submitted: a
        /// retry after a reload then needs no station data loaded, and every attempt sends the
        /// same fields. Empty only in a store written without them; the site then builds them
        /// from the complaint again.
        #[serde(default)]
        form: Vec<(String, String)>,
    },
    /// A `mailto:` link opened for the citizen to send from their own mail program.
    Email { to: String },
    /// The letter printed or downloaded, for the citizen to hand over, post or paste.
    Letter,
}

impl Route {
    /// The Open311 route of a complaint, with its form fields for the receiver's service.
    pub fn open311(receiver: impl Into<Receiver>, complaint: &Complaint, place: &Place) -> Route {
        let receiver = receiver.into();
        let code = receiver.service_code(complaint.category);
        Route::Open311 {
            form: open311_form(complaint, place, &code),
            endpoint: receiver.endpoint,
            api_key: receiver.api_key,
            jurisdiction_id: receiver.jurisdiction_id,
        }
    }

    /// The receiver an Open311 route goes to, with the key and jurisdiction it was made with.
    pub fn receiver(&self) -> Option<Receiver> {
        match self {
            Route::Open311 {
                endpoint,
                api_key,
                jurisdiction_id,
                ..
            } => Some(Receiver {
                endpoint: endpoint.clone(),
                api_key: api_key.clone(),
                jurisdiction_id: jurisdiction_id.clone(),
                ..Receiver::default()
            }),
            _ => None,
        }
    }

    /// Whether the site sends the complaint (Open311), rather than the citizen carrying it.
    pub fn is_sent_by_site(&self) -> bool {
        matches!(self, Route::Open311 { .. })
    }
}

/// Where a record is on its way out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum State {
    /// Waiting to be sent, at [`Record::next_attempt_ms`] (Open311 only).
    Queued,
    /// A request is in flight since then (Open311 only).
    Sending { since_ms: i64 },
    /// The endpoint took it (Open311 only). Final: nothing moves a record out of it but deletion.
    Delivered {
        at_ms: i64,
        /// The `service_request_id`, to show and to quote to the receiving body.
        #[serde(default)]
        reference: Option<String>,
        /// A batch service's token, to exchange later for the id.
        #[serde(default)]
        token: Option<String>,
        /// The endpoint's `service_notice`, to show as it is.
        #[serde(default)]
        notice: Option<String>,
    },
    /// The endpoint refused it (4xx, an error array): sending the same request again would be
    /// refused again, so it is not retried on its own. The citizen edits it ([`Outbox::edit`]),
    /// retries it ([`Outbox::retry_now`]) or deletes it. `message` is what the endpoint said;
    /// [`refusal_words`] says it to the citizen with the `status`.
    Rejected {
        at_ms: i64,
        message: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<u16>,
    },
    /// Handed to the citizen (e-mail opened, letter printed or downloaded), last at this time:
    /// the citizen carries it, and the site cannot know whether it arrived.
    Handed { at_ms: i64 },
}

/// One complaint kept on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Its `client_request_id` is the record's id.
    pub complaint: Complaint,
    pub route: Route,
    /// When the citizen submitted it.
    pub created_ms: i64,
    pub state: State,
    /// Requests begun so far (Open311).
    #[serde(default)]
    pub attempts: u32,
    /// When a queued record is due; `None` in every other state.
    #[serde(default)]
    pub next_attempt_ms: Option<i64>,
    /// Why the last attempt failed, kept after a later success too, for the citizen to see why
    /// it took long.
    #[serde(default)]
    pub last_error: Option<String>,
    /// What the receiver last said about the request (`GET requests/{id}.json`), once delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<Remote>,
}

impl Record {
    /// The complaint's client request id.
    pub fn id(&self) -> &str {
        &self.complaint.client_request_id
    }

    /// What to show as the reference: the request id, else the batch token.
    pub fn reference(&self) -> Option<&str> {
        match &self.state {
            State::Delivered {
                reference, token, ..
            } => reference.as_deref().or(token.as_deref()),
            _ => None,
        }
    }

    /// Queued or sending: the site still has to deliver it.
    pub fn is_pending(&self) -> bool {
        self.route.is_sent_by_site() && matches!(self.state, State::Queued | State::Sending { .. })
    }

    /// Whether [`Outbox::begin`] would start an attempt now: queued and due, or sending for so
    /// long that the request is taken as lost. A due time further ahead than the longest delay
    /// means the clock was set back, and counts as due.
    fn is_due(&self, now: i64) -> bool {
        self.due_at(now).is_some_and(|t| t <= now)
    }

    /// When the record is next due, as [`Record::is_due`] sees it; `None` when it never will be
    /// without the citizen.
    fn due_at(&self, now: i64) -> Option<i64> {
        if !self.route.is_sent_by_site() {
            return None;
        }
        match self.state {
            State::Queued => {
                let t = self.next_attempt_ms.unwrap_or(now);
                Some(if t > now + MAX_RETRY_DELAY_MS { now } else { t })
            }
            State::Sending { since_ms } => {
                let lost = since_ms + LOST_AFTER_MS;
                Some(if since_ms > now + LOST_AFTER_MS {
                    now
                } else {
                    lost
                })
            }
            _ => None,
        }
    }

    /// The state a newly submitted complaint starts in: an Open311 one queued and due now, an
    /// e-mail or letter handed to the citizen.
    fn start(&mut self, now: i64) {
        self.attempts = 0;
        self.last_error = None;
        if self.route.is_sent_by_site() {
            self.state = State::Queued;
            self.next_attempt_ms = Some(now);
        } else {
            self.state = State::Handed { at_ms: now };
            self.next_attempt_ms = None;
        }
    }

    fn queue(&mut self, at: i64) {
        self.state = State::Queued;
        self.next_attempt_ms = Some(at);
    }
}

/// What [`Outbox::add`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New,
    /// A record with the complaint's client request id was already there, and was left as it
    /// was: a second press of "submit" does not make a second complaint.
    AlreadyThere,
}

/// One request to make: what [`Outbox::begin`] returns. The site POSTs the form to
/// `{endpoint}/requests.json`, then reports the answer with [`Outbox::succeeded`] or
/// [`Outbox::failed`], passing the attempt back.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// The record's id, the complaint's client request id.
    pub id: String,
    /// 1 for the first request, counting every request begun, so an answer that comes back after
    /// a newer attempt has begun is recognised.
    pub number: u32,
    /// Where it goes, with the key and jurisdiction it was made with (the site may put the
    /// deployment's current ones in their place before sending).
    pub receiver: Receiver,
    /// The form fields, `attribute[client_request_id]` among them; `jurisdiction_id` and
    /// `api_key` are the receiver's to prepend ([`Attempt::body`]).
    pub form: Vec<(String, String)>,
    pub complaint: Complaint,
}

impl Attempt {
    /// The POST's `application/x-www-form-urlencoded` body: the receiver's jurisdiction and
    /// key, then the form.
    pub fn body(&self) -> String {
        self.receiver.post_body(&self.form)
    }
}

/// The complaints kept on the device, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outbox {
    records: Vec<Record>,
    /// Stored entries that are not records this version can read (corrupt, or written by a later
    /// version), kept as they were and written back, so that loading and saving never loses them.
    unreadable: Vec<Value>,
}

impl Outbox {
    pub fn new() -> Outbox {
        Outbox::default()
    }

    /// Reads the stored JSON (an array of records), leniently, since a complaint must not be lost
    /// with its neighbour: every entry that reads as a record is kept; the others are kept aside
    /// as they were ([`Outbox::unreadable`]) and written back by [`Outbox::to_json`]. A store that
    /// is not a JSON array at all is kept aside whole, as one unreadable string. An empty store
    /// (no key, `""`, `null`) is an empty outbox. Two records with the same id (the store was
    /// edited by hand, or by two tabs at once) become one, the delivered one if either is.
    pub fn from_json(s: &str) -> Outbox {
        let mut outbox = Outbox::new();
        let text = s.trim().trim_start_matches('\u{feff}');
        if text.is_empty() {
            return outbox;
        }
        let entries = match serde_json::from_str::<Value>(text) {
            Ok(Value::Null) => return outbox,
            Ok(Value::Array(entries)) => entries,
            _ => {
                outbox.unreadable.push(Value::String(s.to_string()));
                return outbox;
            }
        };
        for entry in entries {
            match serde_json::from_value::<Record>(entry.clone()) {
                Ok(record) => outbox.keep(record),
                Err(_) => outbox.unreadable.push(entry),
            }
        }
        outbox
            .records
            .sort_by_key(|r| std::cmp::Reverse(r.created_ms));
        outbox
    }

    fn keep(&mut self, record: Record) {
        match self.records.iter_mut().find(|r| r.id() == record.id()) {
            None => self.records.push(record),
            Some(kept) => {
                let delivered = |r: &Record| matches!(r.state, State::Delivered { .. });
                if delivered(&record) && !delivered(kept) {
                    *kept = record;
                }
            }
        }
    }

    /// The store: a compact JSON array of the records, newest first, then the unreadable entries.
    pub fn to_json(&self) -> String {
        let mut entries: Vec<Value> = self
            .records
            .iter()
            .map(|r| serde_json::to_value(r).expect("a record has only string keys"))
            .collect();
        entries.extend(self.unreadable.iter().cloned());
        Value::Array(entries).to_string()
    }

    /// Every record, newest first: the "my complaints" list.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn get(&self, id: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.id() == id)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Record> {
        self.records.iter_mut().find(|r| r.id() == id)
    }

    /// The stored entries that could not be read as records, for the site to offer as a
    /// download rather than show.
    pub fn unreadable(&self) -> &[Value] {
        &self.unreadable
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.unreadable.is_empty()
    }

    /// Keeps a submitted complaint: an Open311 one queued and due now (the site then calls
    /// [`Outbox::begin`]), an e-mail or letter as handed to the citizen. A complaint whose client
    /// request id is already there is not added again ([`Added::AlreadyThere`]); to change it,
    /// see [`Outbox::edit`].
    pub fn add(&mut self, complaint: Complaint, route: Route, now: i64) -> Added {
        if self.get(&complaint.client_request_id).is_some() {
            return Added::AlreadyThere;
        }
        let mut record = Record {
            complaint,
            route,
            created_ms: now,
            state: State::Queued,
            attempts: 0,
            next_attempt_ms: None,
            last_error: None,
            remote: None,
        };
        record.start(now);
        self.records.insert(0, record);
        Added::New
    }

    /// Replaces a kept complaint by its edited version (same client request id), possibly with
    /// another route, and starts it again as [`Outbox::add`] would. Allowed only while the
    /// receiver cannot hold the old version: a rejected record, an e-mail or letter, or a queued
    /// one never attempted. Refused (`false`) for a record sending or delivered, or queued after
    /// a failed attempt — that attempt may have reached the receiver, which would take the
    /// edited version, under the same id, for the one it has; such a record is delivered or
    /// deleted, and the edit submitted as a new complaint.
    pub fn edit(&mut self, complaint: Complaint, route: Route, now: i64) -> bool {
        let Some(record) = self.get_mut(&complaint.client_request_id) else {
            return false;
        };
        let editable = match record.state {
            State::Rejected { .. } | State::Handed { .. } => true,
            State::Queued => record.attempts == 0,
            State::Sending { .. } | State::Delivered { .. } => false,
        };
        if !editable {
            return false;
        }
        record.complaint = complaint;
        record.route = route;
        record.start(now);
        true
    }

    /// The ids of the records to send now, oldest first: queued ones that are due, and sending
    /// ones taken as lost ([`LOST_AFTER_MS`]).
    pub fn due(&self, now: i64) -> Vec<String> {
        self.records
            .iter()
            .rev()
            .filter(|r| r.is_due(now))
            .map(|r| r.id().to_string())
            .collect()
    }

    /// When the site should next look at the outbox (a time, possibly already past); `None`
    /// when nothing is waiting. Needs `now` only to see through a clock set back.
    pub fn next_due_ms(&self, now: i64) -> Option<i64> {
        self.records.iter().filter_map(|r| r.due_at(now)).min()
    }

    /// Starts an attempt: a due record (see [`Outbox::due`]) becomes [`State::Sending`] and its
    /// attempt is counted. `None` for a record that is not due — already sending, delivered,
    /// rejected, handed, waiting for its retry, or absent — which is what makes a double submit,
    /// or a timer and the `online` event racing, send once.
    pub fn begin(&mut self, id: &str, now: i64) -> Option<Attempt> {
        let record = self.get_mut(id)?;
        if !record.is_due(now) {
            return None;
        }
        let (Some(receiver), Route::Open311 { form, .. }) =
            (record.route.receiver(), &record.route)
        else {
            return None;
        };
        let form = form.clone();
        record.state = State::Sending { since_ms: now };
        record.next_attempt_ms = None;
        record.attempts += 1;
        Some(Attempt {
            id: id.to_string(),
            number: record.attempts,
            receiver,
            form,
            complaint: record.complaint.clone(),
        })
    }

    /// The endpoint took the attempt's request: the record is delivered, with the reference.
    /// Accepted whatever the record's state (but delivered, which stays as it first was): a
    /// success is the truth even when it comes back after the request was taken as lost, or
    /// after a later attempt failed. `false` when the record is gone or already delivered.
    pub fn succeeded(&mut self, attempt: &Attempt, submitted: &Submitted, now: i64) -> bool {
        let Some(record) = self.get_mut(&attempt.id) else {
            return false;
        };
        if !record.route.is_sent_by_site() || matches!(record.state, State::Delivered { .. }) {
            return false;
        }
        let (reference, token, notice) = match submitted {
            Submitted::Created {
                service_request_id,
                service_notice,
            } => (Some(service_request_id), None, service_notice),
            Submitted::Token {
                token,
                service_notice,
            } => (None, Some(token), service_notice),
            Submitted::Accepted { service_notice } => (None, None, service_notice),
        };
        record.state = State::Delivered {
            at_ms: now,
            reference: reference.cloned(),
            token: token.cloned(),
            notice: notice.clone(),
        };
        record.next_attempt_ms = None;
        true
    }

    /// The attempt failed: a retryable failure queues the record again after
    /// [`retry_delay_ms`]; a rejection leaves it [`State::Rejected`], not retried on its own.
    /// The message is kept as `last_error` either way. Ignored (`false`) unless the record is
    /// still sending this very attempt: a failure that comes back after a newer attempt has
    /// begun, or after a success, says nothing about the record.
    pub fn failed(&mut self, attempt: &Attempt, failure: Failure, now: i64) -> bool {
        let Some(record) = self.get_mut(&attempt.id) else {
            return false;
        };
        if !matches!(record.state, State::Sending { .. }) || record.attempts != attempt.number {
            return false;
        }
        match failure {
            Failure::Retryable(message) => {
                record.queue(now + retry_delay_ms(record.attempts));
                record.last_error = Some(message);
            }
            Failure::Rejected { status, message } => {
                record.state = State::Rejected {
                    at_ms: now,
                    message: message.clone(),
                    status: Some(status),
                };
                record.next_attempt_ms = None;
                record.last_error = Some(message);
            }
        }
        true
    }

    /// The citizen pressed "retry now": a queued or rejected record is due now. `false` for any
    /// other state (a record sending is not sent twice).
    pub fn retry_now(&mut self, id: &str, now: i64) -> bool {
        let Some(record) = self.get_mut(id) else {
            return false;
        };
        if !record.route.is_sent_by_site()
            || !matches!(record.state, State::Queued | State::Rejected { .. })
        {
            return false;
        }
        record.queue(now);
        true
    }

    /// The network is back (the browser's `online` event): every queued record is due now,
    /// without waiting out its delay. Rejected records stay rejected. Returns how many are due.
    pub fn online(&mut self, now: i64) -> usize {
        let mut n = 0;
        for r in &mut self.records {
            if r.route.is_sent_by_site() && r.state == State::Queued {
                r.queue(now);
                n += 1;
            }
        }
        n
    }

    /// On page load: a record left sending (the page closed or crashed mid-request) is queued
    /// again, due now, and resent with the same client request id, which the receiver recognises
    /// if the request had reached it. Returns how many were recovered. (Another tab with the
    /// request still in flight would have it sent a second time, harmlessly for the same reason.)
    pub fn recover(&mut self, now: i64) -> usize {
        let mut n = 0;
        for r in &mut self.records {
            if r.route.is_sent_by_site() && matches!(r.state, State::Sending { .. }) {
                r.queue(now);
                n += 1;
            }
        }
        n
    }

    /// The e-mail was opened or the letter printed or downloaded again: updates the time.
    /// `false` for an Open311 record or an unknown id.
    pub fn handed(&mut self, id: &str, now: i64) -> bool {
        match self.get_mut(id) {
            Some(record) if !record.route.is_sent_by_site() => {
                record.state = State::Handed { at_ms: now };
                true
            }
            _ => false,
        }
    }

    /// Deletes a record, whatever its state. A request in flight cannot be called back: the
    /// receiver may still get it, and its answer is then ignored.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.records.len();
        self.records.retain(|r| r.id() != id);
        self.records.len() != before
    }

    /// How many records the site still has to deliver (queued or sending).
    pub fn pending(&self) -> usize {
        self.records.iter().filter(|r| r.is_pending()).count()
    }
}
