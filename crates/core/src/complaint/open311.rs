//! Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): a complaint as the form-encoded body of
//! `POST {endpoint}/requests.json`, and the endpoint's answers — `services.json` (which categories
//! it takes) and the POST response (a `service_request_id`, a `token`, or an error array) — as
//! typed results. The HTTP itself is the site's.
//!
//! The request id the site generated travels as `attribute[client_request_id]`, so a receiver can
//! recognise a retried submission; the complaint's other fields travel as `attribute[<field>]`
//! under the same names as in the form and the JSON. Name, phone and e-mail are sent only when
//! given and consented to. `jurisdiction_id` and `api_key`, when a deployment needs them, are
//! the site configuration's to prepend.

use super::letter::problem_sentence;
use super::place::Place;
use super::{hh_mm, Category, Complaint, Field};
use crate::problem::Lang;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The form fields of `POST requests.json`, in a fixed order.
pub fn open311_form(complaint: &Complaint, place: &Place) -> Vec<(String, String)> {
    let c = complaint;
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: String| pairs.push((k.to_string(), v));

    push("service_code", c.category.as_str().to_string());
    if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
        push("lat", lat.to_string());
        push("long", lon.to_string());
    }
    if !place.address.is_empty() {
        push("address_string", place.address.clone());
    }
    // Some receivers refuse a request without a description; the category's sentence says what
    // the attributes mean in words the staff read.
    let description = if c.description.is_empty() {
        problem_sentence(c, None, Lang::Zh)
    } else {
        c.description.clone()
    };
    push("description", description);
    if c.consent {
        if let Some(name) = &c.name {
            let (first, last) = split_name(name);
            if let Some(first) = first {
                push("first_name", first.to_string());
            }
            push("last_name", last.to_string());
        }
        if let Some(p) = &c.phone {
            push("phone", p.clone());
        }
        if let Some(e) = &c.email {
            push("email", e.clone());
        }
    }

    let mut attr = |f: Field, v: Option<String>| {
        if let Some(v) = v {
            pairs.push((format!("attribute[{}]", f.as_str()), v));
        }
    };
    attr(Field::ClientRequestId, Some(c.client_request_id.clone()));
    attr(Field::Station, c.station_id.clone());
    attr(
        Field::Village,
        c.village_code.as_ref().map(|v| v.to_string()),
    );
    attr(Field::Date, c.date.map(|d| d.to_string()));
    attr(Field::Time, c.time.map(hh_mm::format));
    attr(Field::Brand, c.brand.clone());
    attr(Field::Waybill, c.waybill.clone());
    attr(Field::WhereLeft, c.where_left.clone());
    attr(Field::Amount, c.amount.map(|a| a.to_string()));
    attr(Field::WhoCharged, c.who_charged.clone());
    attr(Field::Receipt, c.receipt.map(|b| b.to_string()));
    attr(
        Field::ActualDaysPerWeek,
        c.actual_days_per_week.map(|n| n.to_string()),
    );
    attr(Field::WhatIsWrong, c.what_is_wrong.clone());
    attr(
        Field::CompanyContacted,
        c.company_contacted.map(|b| b.to_string()),
    );
    attr(Field::ContactedOn, c.contacted_on.map(|d| d.to_string()));
    attr(Field::CompanyAnswer, c.company_answer.clone());
    pairs
}

/// Open311 has a given and a family name; a Chinese name is written family name first with no
/// space, and splitting it by guesswork would mangle compound surnames (欧阳), so a name without a
/// space goes whole into `last_name`. A name with spaces is split at the last one ("John Smith").
fn split_name(name: &str) -> (Option<&str>, &str) {
    match name.trim().rsplit_once(' ') {
        Some((first, last)) if !first.trim().is_empty() => (Some(first.trim()), last),
        _ => (None, name.trim()),
    }
}

/// `application/x-www-form-urlencoded`: UTF-8, spaces as `+`, everything but `*-._` and ASCII
/// letters and digits percent-encoded — newlines become `%0A`, `&` `%26`, `=` `%3D`, brackets
/// `%5B`/`%5D` (which receivers decode back to `attribute[…]`).
pub fn form_urlencode(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// A service (a request type) an endpoint offers, from `GET services.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub service_code: String,
    pub service_name: Option<String>,
    pub description: Option<String>,
    /// Whether the service has a definition with attributes of its own.
    pub metadata: bool,
    /// `realtime`, `batch` (answers with a token) or `blackbox` (answers with nothing).
    pub kind: Option<String>,
    pub keywords: Vec<String>,
    pub group: Option<String>,
}

impl Service {
    /// The complaint category this service takes, if its code is one of ours.
    pub fn category(&self) -> Option<Category> {
        Category::parse(&self.service_code)
    }
}

/// The categories an endpoint takes, in the order of [`Category::ALL`].
pub fn accepted_categories(services: &[Service]) -> Vec<Category> {
    Category::ALL
        .iter()
        .copied()
        .filter(|c| services.iter().any(|s| s.category() == Some(*c)))
        .collect()
}

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
    /// Not JSON, or not the shape the standard describes; says what was wrong.
    Malformed(String),
}

/// Reads `services.json`. Entries without a `service_code` are skipped. Codes may be numbers
/// (the standard's own example writes `001`, which JSON does not allow, so real servers send
/// `"001"` or `1`).
pub fn parse_services(body: &str) -> Result<Vec<Service>, ResponseError> {
    let items = parse_array(body)?;
    if let Some(errors) = as_errors(&items) {
        return Err(ResponseError::Rejected(errors));
    }
    Ok(items
        .iter()
        .filter_map(|item| {
            let o = item.as_object()?;
            Some(Service {
                service_code: text(o, "service_code")?,
                service_name: text(o, "service_name"),
                description: text(o, "description"),
                metadata: match o.get("metadata") {
                    Some(Value::Bool(b)) => *b,
                    Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
                    _ => false,
                },
                kind: text(o, "type"),
                keywords: match o.get("keywords") {
                    Some(Value::Array(a)) => a.iter().filter_map(scalar).collect(),
                    Some(Value::String(s)) => s
                        .split(',')
                        .map(str::trim)
                        .filter(|k| !k.is_empty())
                        .map(str::to_string)
                        .collect(),
                    _ => Vec::new(),
                },
                group: text(o, "group"),
            })
        })
        .collect())
}

/// Reads the response to `POST requests.json`: `[{"service_request_id": …}]`,
/// `[{"token": …}]`, `[]` or `[{"service_notice": …}]` (blackbox), or an error array. A single
/// object instead of an array is accepted too, as some servers send one.
pub fn parse_post_response(body: &str) -> Result<Submitted, ResponseError> {
    let items = parse_array(body)?;
    if let Some(errors) = as_errors(&items) {
        return Err(ResponseError::Rejected(errors));
    }
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

/// The body as a list of values: an array, or a single object taken as a list of one.
fn parse_array(body: &str) -> Result<Vec<Value>, ResponseError> {
    let value: Value = serde_json::from_str(body.trim_start_matches('\u{feff}'))
        .map_err(|e| ResponseError::Malformed(format!("not JSON: {e}")))?;
    match value {
        Value::Array(items) => Ok(items),
        Value::Object(o) => match o.get("errors") {
            // `{"errors": [...]}`, another shape seen in the wild.
            Some(Value::Array(items)) => Ok(items.clone()),
            _ => Ok(vec![Value::Object(o)]),
        },
        _ => Err(ResponseError::Malformed(
            "expected a JSON array or object".into(),
        )),
    }
}

/// The items as an error array: each has a `description` and a `code`, and none carries a
/// success's fields.
fn as_errors(items: &[Value]) -> Option<Vec<RemoteError>> {
    if items.is_empty() {
        return None;
    }
    items
        .iter()
        .map(|item| {
            let o = item.as_object()?;
            let success = ["service_request_id", "token", "service_code"]
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
