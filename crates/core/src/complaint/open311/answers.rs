//! The receiver's answers: to `POST requests.json` ([`parse_post_response`]), to
//! `GET tokens/{token}.json` ([`parse_token_response`]) and to `GET requests/{id}.json`
//! ([`parse_request_status`]).

use super::{parse_items, text};
use serde::{Deserialize, Serialize};

/// What a successful POST returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Submitted {
    /// A realtime service: the request's id, to show and keep.
    Created {
        service_request_id: String,
        service_notice: Option<String>,
    },
    /// A batch service: a token to exchange later (`GET tokens/{token}.json`) for the id.
    Token {
        token: String,
        service_notice: Option<String>,
    },
    /// A blackbox service: received, with no reference.
    Accepted { service_notice: Option<String> },
}

impl Submitted {
    /// What to show and keep as the reference: the request id, else the token.
    pub fn reference(&self) -> Option<&str> {
        match self {
            Submitted::Created {
                service_request_id, ..
            } => Some(service_request_id),
            Submitted::Token { token, .. } => Some(token),
            Submitted::Accepted { .. } => None,
        }
    }
}

/// One error from an Open311 error array (`[{"code": 403, "description": "…"}]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteError {
    /// Usually the HTTP status, as a number or a string.
    pub code: Option<String>,
    pub description: String,
}

/// Why a response is not a success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseError {
    /// The endpoint answered with its error array.
    Rejected(Vec<RemoteError>),
    /// Not JSON, too large, or not the shape the standard describes; says what was wrong.
    Malformed(String),
}

/// Reads the response to `POST requests.json`: `[{"service_request_id": …}]`,
/// `[{"token": …}]`, `[]` or `[{"service_notice": …}]` (blackbox), or an error array. A single
/// object instead of an array is accepted too, as some servers send one.
pub fn parse_post_response(body: &str) -> Result<Submitted, ResponseError> {
    let items = parse_items(body)?;
    let Some(first) = items.first() else {
        return Ok(Submitted::Accepted {
            service_notice: None,
        });
    };
    let Some(o) = first.as_object() else {
        return Err(ResponseError::Malformed(
            "the response's first item is not an object".into(),
        ));
    };
    let service_notice = text(o, "service_notice");
    if let Some(id) = text(o, "service_request_id") {
        return Ok(Submitted::Created {
            service_request_id: id,
            service_notice,
        });
    }
    if let Some(token) = text(o, "token") {
        return Ok(Submitted::Token {
            token,
            service_notice,
        });
    }
    let known = ["service_notice", "account_id"];
    if o.keys().all(|k| known.contains(&k.as_str())) {
        return Ok(Submitted::Accepted { service_notice });
    }
    Err(ResponseError::Malformed(
        "the response has neither a service_request_id nor a token".into(),
    ))
}

/// Reads the response to `GET tokens/{token}.json`, `[{"service_request_id": 638344, "token":
/// 12345}]`: the request's id once the receiver has made the request, `None` while it has not
/// (an item without an id, or an empty array).
pub fn parse_token_response(body: &str) -> Result<Option<String>, ResponseError> {
    let items = parse_items(body)?;
    let mut ids = items
        .iter()
        .filter_map(|item| item.as_object())
        .map(|o| text(o, "service_request_id"));
    match ids.next() {
        Some(id) => Ok(id),
        None if items.is_empty() => Ok(None),
        None => Err(ResponseError::Malformed(
            "the token's answer is not a list of objects".into(),
        )),
    }
}

/// Whether the receiver is still working on a request. The standard has two words; anything
/// else a receiver writes is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    Open,
    Closed,
    Other(String),
}

impl RequestState {
    pub fn parse(word: &str) -> RequestState {
        match word.trim().to_ascii_lowercase().as_str() {
            "open" => RequestState::Open,
            "closed" => RequestState::Closed,
            _ => RequestState::Other(word.trim().to_string()),
        }
    }
}

/// A service request as the receiver describes it (`GET requests/{id}.json`): the fields a
/// citizen wants to see. Times are kept as the receiver wrote them (ISO 8601 with an offset).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestStatus {
    pub service_request_id: String,
    pub status: RequestState,
    #[serde(default)]
    pub status_notes: Option<String>,
    #[serde(default)]
    pub agency_responsible: Option<String>,
    #[serde(default)]
    pub service_notice: Option<String>,
    #[serde(default)]
    pub requested_datetime: Option<String>,
    #[serde(default)]
    pub updated_datetime: Option<String>,
    #[serde(default)]
    pub expected_datetime: Option<String>,
}

/// Reads the response to `GET requests/{id}.json`: a list of requests, of which the one with
/// the id asked for (or the only one) is taken. A request without a `status` is malformed: the
/// status is what the citizen asked for.
pub fn parse_request_status(body: &str, id: &str) -> Result<RequestStatus, ResponseError> {
    let items = parse_items(body)?;
    let objects: Vec<_> = items.iter().filter_map(|i| i.as_object()).collect();
    let o = objects
        .iter()
        .find(|o| text(o, "service_request_id").as_deref() == Some(id))
        .or_else(|| (objects.len() == 1).then(|| &objects[0]))
        .ok_or_else(|| {
            ResponseError::Malformed(format!("the answer does not describe request {id}"))
        })?;
    let status = text(o, "status")
        .ok_or_else(|| ResponseError::Malformed("the request has no status".into()))?;
    Ok(RequestStatus {
        service_request_id: text(o, "service_request_id").unwrap_or_else(|| id.to_string()),
        status: RequestState::parse(&status),
        status_notes: text(o, "status_notes"),
        agency_responsible: text(o, "agency_responsible"),
        service_notice: text(o, "service_notice"),
        requested_datetime: text(o, "requested_datetime"),
        updated_datetime: text(o, "updated_datetime"),
        expected_datetime: text(o, "expected_datetime"),
    })
}
