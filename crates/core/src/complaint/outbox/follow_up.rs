//! After delivery: what the receiver has done with the complaint. A batch service's token is
//! exchanged for the request's id (`GET tokens/{token}.json`), and a request's status is read
//! (`GET requests/{id}.json`) when "my complaints" opens and every [`FOLLOW_UP_EVERY_MS`] while it
//! stays open (docs/COMPLAINTS.md, "Answers come back"). Nothing of this needs an account: the
//! ids are on the device. A status that changed since the citizen last looked is marked unseen.

use super::{Outbox, Route, State};
use crate::complaint::open311::{Receiver, RequestState, RequestStatus};
use serde::{Deserialize, Serialize};

/// How often an open "my complaints" asks the receivers again.
pub const FOLLOW_UP_EVERY_MS: i64 = 15 * 60_000;

/// What the receiver last said about a delivered request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remote {
    pub status: RequestState,
    #[serde(default)]
    pub status_notes: Option<String>,
    #[serde(default)]
    pub agency_responsible: Option<String>,
    /// As the receiver wrote it (ISO 8601 with an offset).
    #[serde(default)]
    pub updated_datetime: Option<String>,
    /// When the site read it.
    pub checked_ms: i64,
    /// It changed since the citizen last saw the list ([`Outbox::mark_seen`]).
    #[serde(default)]
    pub unseen: bool,
}

impl Remote {
    /// The same news: what the citizen would see is unchanged.
    fn says_the_same(&self, status: &RequestStatus) -> bool {
        self.status == status.status
            && self.status_notes == status.status_notes
            && self.agency_responsible == status.agency_responsible
            && self.updated_datetime == status.updated_datetime
    }
}

/// A question to put to a receiver about a delivered complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUp {
    /// A batch service's token, to exchange for the request's id.
    Token {
        id: String,
        receiver: Receiver,
        token: String,
    },
    /// The request's status.
    Status {
        id: String,
        receiver: Receiver,
        service_request_id: String,
    },
}

impl FollowUp {
    /// The record's id (the complaint's client request id).
    pub fn id(&self) -> &str {
        match self {
            FollowUp::Token { id, .. } | FollowUp::Status { id, .. } => id,
        }
    }

    /// The GET's URL, with the receiver's jurisdiction.
    pub fn url(&self) -> String {
        match self {
            FollowUp::Token {
                receiver, token, ..
            } => receiver.token_url(token),
            FollowUp::Status {
                receiver,
                service_request_id,
                ..
            } => receiver.request_url(service_request_id),
        }
    }
}

impl Outbox {
    /// What to ask the receivers now, oldest complaint first: every token not yet exchanged,
    /// and the status of every delivered request not read in the last `min_age_ms` (0 when
    /// "my complaints" opens, [`FOLLOW_UP_EVERY_MS`] on its timer).
    pub fn follow_ups(&self, now: i64, min_age_ms: i64) -> Vec<FollowUp> {
        self.records
            .iter()
            .rev()
            .filter_map(|r| {
                let State::Delivered {
                    reference, token, ..
                } = &r.state
                else {
                    return None;
                };
                let receiver = r.route.receiver()?;
                let id = r.id().to_string();
                match (reference, token) {
                    (Some(service_request_id), _) => {
                        let fresh = r.remote.as_ref().is_some_and(|m| {
                            now - m.checked_ms < min_age_ms && m.checked_ms <= now
                        });
                        (!fresh).then(|| FollowUp::Status {
                            id,
                            receiver,
                            service_request_id: service_request_id.clone(),
                        })
                    }
                    (None, Some(token)) => Some(FollowUp::Token {
                        id,
                        receiver,
                        token: token.clone(),
                    }),
                    (None, None) => None,
                }
            })
            .collect()
    }

    /// The token was exchanged: with an id, the record has its reference now (and its status
    /// is asked next). `false` when nothing changed.
    pub fn token_answered(&mut self, id: &str, service_request_id: Option<String>) -> bool {
        let Some(record) = self.get_mut(id) else {
            return false;
        };
        match (&mut record.state, service_request_id) {
            (State::Delivered { reference, .. }, Some(sr)) if reference.is_none() => {
                *reference = Some(sr);
                true
            }
            _ => false,
        }
    }

    /// The receiver's answer about a request: kept, and marked unseen when it says something
    /// new — a change from what was kept, or a first answer that is not just "open". Returns
    /// whether it was new.
    pub fn status_answered(&mut self, id: &str, status: &RequestStatus, now: i64) -> bool {
        let Some(record) = self.get_mut(id) else {
            return false;
        };
        if !matches!(record.route, Route::Open311 { .. })
            || !matches!(record.state, State::Delivered { .. })
        {
            return false;
        }
        let news = match &record.remote {
            Some(kept) => !kept.says_the_same(status),
            None => status.status != RequestState::Open || status.status_notes.is_some(),
        };
        let unseen = news || record.remote.as_ref().is_some_and(|r| r.unseen);
        record.remote = Some(Remote {
            status: status.status.clone(),
            status_notes: status.status_notes.clone(),
            agency_responsible: status.agency_responsible.clone(),
            updated_datetime: status.updated_datetime.clone(),
            checked_ms: now,
            unseen,
        });
        news
    }

    /// The citizen has seen the list: nothing is new any more. Returns how many were.
    pub fn mark_seen(&mut self) -> usize {
        let mut n = 0;
        for r in &mut self.records {
            if let Some(remote) = r.remote.as_mut().filter(|m| m.unseen) {
                remote.unseen = false;
                n += 1;
            }
        }
        n
    }

    /// How many records have news the citizen has not seen.
    pub fn unseen(&self) -> usize {
        self.records
            .iter()
            .filter(|r| r.remote.as_ref().is_some_and(|m| m.unseen))
            .count()
    }
}
