//! Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), the client side: what the site sends to
//! a receiver and how it reads every answer the standard describes. The HTTP itself is the
//! site's; docs/COMPLAINTS.md, "Open311", says what a deployment configures.
//!
//! In pieces:
//! - `receiver`: a deployment's receiver — its endpoint, `api_key`, `jurisdiction_id` and the map
//!   from the site's categories to its own `service_code`s — and the URL of every call;
//! - `request`: a complaint as the form-encoded body of `POST requests.json`;
//! - `services`: `services.json` (which categories the receiver takes) and a service's
//!   definition (`services/{code}.json`: the extra questions it asks), with the check of an
//!   answer to each question;
//! - `answers`: the answers to a POST (a `service_request_id`, a batch `token`, a
//!   `service_notice`, an error array), to `tokens/{token}.json` and to
//!   `requests/{id}.json` (the request's status, notes and agency).
//!
//! Every reader here is lenient where real servers differ from the standard's examples (numbers
//! for strings, a single object for an array of one, `"true"` for `true`) and strict where it
//! matters: an answer that is not JSON, has the wrong shape or is larger than
//! [`MAX_ANSWER_BYTES`] is a [`ResponseError::Malformed`], never a panic.

mod answers;
mod receiver;
mod request;
mod services;

pub use answers::*;
pub use receiver::*;
pub use request::*;
pub use services::*;

use serde_json::{Map, Value};

/// The largest answer read: far above any service list, definition or status a receiver sends,
/// low enough that a misconfigured endpoint returning a whole page of data is refused rather
/// than parsed on a cheap phone.
pub const MAX_ANSWER_BYTES: usize = 1 << 20;

/// The body as JSON, or why it is not.
fn parse_value(body: &str) -> Result<Value, ResponseError> {
    if body.len() > MAX_ANSWER_BYTES {
        return Err(ResponseError::Malformed(format!(
            "the answer is too large ({} bytes)",
            body.len()
        )));
    }
    serde_json::from_str(body.trim_start_matches('\u{feff}'))
        .map_err(|e| ResponseError::Malformed(format!("not JSON: {e}")))
}

/// The body as a list of values: an array, or a single object taken as a list of one. An
/// object `{"errors": [...]}`, another shape seen in the wild, is its error array.
fn parse_array(body: &str) -> Result<Vec<Value>, ResponseError> {
    match parse_value(body)? {
        Value::Array(items) => Ok(items),
        Value::Object(o) => match o.get("errors") {
            Some(Value::Array(items)) => Ok(items.clone()),
            _ => Ok(vec![Value::Object(o)]),
        },
        _ => Err(ResponseError::Malformed(
            "expected a JSON array or object".into(),
        )),
    }
}

/// The items as an error array: each has a `code` (and usually a `description`), and none
/// carries a success's fields.
fn as_errors(items: &[Value]) -> Option<Vec<RemoteError>> {
    if items.is_empty() {
        return None;
    }
    items
        .iter()
        .map(|item| {
            let o = item.as_object()?;
            let success = [
                "service_request_id",
                "token",
                "service_code",
                "status",
                "attributes",
            ]
            .iter()
            .any(|k| o.contains_key(*k));
            if success || !o.contains_key("code") {
                return None;
            }
            Some(RemoteError {
                code: text(o, "code"),
                description: text(o, "description").unwrap_or_default(),
            })
        })
        .collect()
}

/// The body read as a list, with an error array turned into [`ResponseError::Rejected`].
fn parse_items(body: &str) -> Result<Vec<Value>, ResponseError> {
    let items = parse_array(body)?;
    match as_errors(&items) {
        Some(errors) => Err(ResponseError::Rejected(errors)),
        None => Ok(items),
    }
}

/// A string or number field as text; absent, `null` and empty count as absent.
fn text(o: &Map<String, Value>, key: &str) -> Option<String> {
    o.get(key).and_then(scalar)
}

fn scalar(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A boolean as the standard writes it (`true`), or as some servers do (`"true"`, `1`).
fn flag(o: &Map<String, Value>, key: &str) -> bool {
    match o.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => {
            let s = s.trim();
            s.eq_ignore_ascii_case("true") || s == "1"
        }
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    }
}
