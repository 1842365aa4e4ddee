//! What a receiver takes: its services (`GET services.json`), which of the site's categories
//! they cover, and a service's definition (`GET services/{code}.json`) — the extra questions it
//! asks, each an [`Attribute`] the form shows and [`Attribute::check`] checks.

use super::{as_errors, flag, parse_items, parse_value, scalar, text, Receiver, ResponseError};
use crate::complaint::validate::{halfwidth, parse_date_loosely, parse_time, ErrorCode};
use crate::model::Category;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

/// Reads `services.json`. Entries without a `service_code` are skipped. Codes may be numbers
/// (the standard's own example writes `001`, which JSON does not allow, so real servers send
/// `"001"` or `1`).
pub fn parse_services(body: &str) -> Result<Vec<Service>, ResponseError> {
    let items = parse_items(body)?;
    Ok(items
        .iter()
        .filter_map(|item| {
            let o = item.as_object()?;
            Some(Service {
                service_code: text(o, "service_code")?,
                service_name: text(o, "service_name"),
                description: text(o, "description"),
                metadata: flag(o, "metadata"),
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

impl Receiver {
    /// The receiver's service for a category: the one whose code is the category's
    /// ([`Receiver::service_code`]); `None` when the receiver does not take the category.
    pub fn service_for<'a>(
        &self,
        category: Category,
        services: &'a [Service],
    ) -> Option<&'a Service> {
        let code = self.service_code(category);
        services.iter().find(|s| s.service_code == code)
    }

    /// The categories the receiver takes, in the order of [`Category::ALL`].
    pub fn accepted_categories(&self, services: &[Service]) -> Vec<Category> {
        Category::ALL
            .iter()
            .copied()
            .filter(|c| self.service_for(*c, services).is_some())
            .collect()
    }
}

/// The kinds of answer a service's question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Datatype {
    /// One line of text.
    String,
    Number,
    /// A date and time; sent in ISO 8601 with China's offset (`2026-12-01T14:30:00+08:00`).
    Datetime,
    /// Several lines of text.
    Text,
    /// One of the listed values.
    Singlevaluelist,
    /// Any number of the listed values.
    Multivaluelist,
}

impl Datatype {
    /// The standard's word; an unknown word is read as one line of text.
    pub fn parse(word: &str) -> Datatype {
        match word.trim().to_ascii_lowercase().as_str() {
            "number" => Datatype::Number,
            "datetime" => Datatype::Datetime,
            "text" => Datatype::Text,
            "singlevaluelist" => Datatype::Singlevaluelist,
            "multivaluelist" => Datatype::Multivaluelist,
            _ => Datatype::String,
        }
    }

    /// Whether the answer is chosen from the attribute's values.
    pub fn is_list(self) -> bool {
        matches!(self, Datatype::Singlevaluelist | Datatype::Multivaluelist)
    }
}

/// One of a list's values: the `key` sent, the `name` shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListValue {
    pub key: String,
    pub name: String,
}

/// One question of a service's definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    pub code: String,
    /// `false`: not a question, only information shown to the citizen (its `description`).
    pub variable: bool,
    pub datatype: Datatype,
    pub required: bool,
    /// What to type, as the receiver says it (`"Enter the plate number"`).
    pub datatype_description: Option<String>,
    pub order: i64,
    /// The question.
    pub description: String,
    pub values: Vec<ListValue>,
}

/// A service's definition: its questions, in the order the receiver wants them asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDefinition {
    pub service_code: String,
    pub attributes: Vec<Attribute>,
}

impl ServiceDefinition {
    /// The questions the citizen answers (`variable` ones).
    pub fn questions(&self) -> impl Iterator<Item = &Attribute> {
        self.attributes.iter().filter(|a| a.variable)
    }
}

/// Reads `services/{service_code}.json`: `{"service_code": …, "attributes": [...]}` (an array
/// of one such object is read too). Attributes without a `code` are skipped; the rest are
/// sorted by `order` (those without one last, in the receiver's order).
pub fn parse_service_definition(body: &str) -> Result<ServiceDefinition, ResponseError> {
    let value = match parse_value(body)? {
        Value::Array(items) => {
            if let Some(errors) = as_errors(&items) {
                return Err(ResponseError::Rejected(errors));
            }
            match <[Value; 1]>::try_from(items) {
                Ok([one]) => one,
                Err(_) => {
                    return Err(ResponseError::Malformed(
                        "expected one service definition".into(),
                    ))
                }
            }
        }
        Value::Object(o) => {
            // `{"code": 404, "description": …}` or `{"errors": [...]}`: an error said as one
            // object.
            let errors = match o.get("errors") {
                Some(Value::Array(items)) => as_errors(items),
                _ => as_errors(std::slice::from_ref(&Value::Object(o.clone()))),
            };
            if let Some(errors) = errors {
                return Err(ResponseError::Rejected(errors));
            }
            Value::Object(o)
        }
        _ => {
            return Err(ResponseError::Malformed(
                "expected a service definition object".into(),
            ))
        }
    };
    let Some(o) = value.as_object() else {
        return Err(ResponseError::Malformed(
            "expected a service definition object".into(),
        ));
    };
    let attributes = match o.get("attributes") {
        Some(Value::Array(a)) => a,
        None | Some(Value::Null) => &Vec::new(),
        Some(_) => {
            return Err(ResponseError::Malformed(
                "the definition's attributes are not a list".into(),
            ))
        }
    };
    let mut attributes: Vec<Attribute> = attributes
        .iter()
        .filter_map(|a| {
            let a = a.as_object()?;
            let values = match a.get("values") {
                Some(Value::Array(vs)) => vs
                    .iter()
                    .filter_map(|v| {
                        let v = v.as_object()?;
                        let key = text(v, "key")?;
                        let name = text(v, "name").unwrap_or_else(|| key.clone());
                        Some(ListValue { key, name })
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Some(Attribute {
                code: text(a, "code")?,
                variable: flag(a, "variable"),
                datatype: Datatype::parse(&text(a, "datatype").unwrap_or_default()),
                required: flag(a, "required"),
                datatype_description: text(a, "datatype_description"),
                order: text(a, "order")
                    .and_then(|o| o.parse::<f64>().ok())
                    .map_or(i64::MAX, |o| o as i64),
                description: text(a, "description").unwrap_or_default(),
                values,
            })
        })
        .collect();
    attributes.sort_by_key(|a| a.order);
    Ok(ServiceDefinition {
        service_code: text(o, "service_code").unwrap_or_default(),
        attributes,
    })
}

/// How long an answer of one line may be, and of several.
pub const MAX_ANSWER_LINE_CHARS: usize = 1_000;
pub const MAX_ANSWER_TEXT_CHARS: usize = super::super::validate::MAX_DESCRIPTION_CHARS;

impl Attribute {
    /// Checks the citizen's answer (the values as typed or chosen; one for every datatype but
    /// a multivaluelist) and returns it as it is sent: trimmed, a number in half-width digits,
    /// a date and time in ISO 8601 with China's offset, list keys in the list's order. An
    /// empty answer to an optional question is `Ok(vec![])`.
    pub fn check(&self, raw: &[String]) -> Result<Vec<String>, ErrorCode> {
        let given: Vec<&str> = raw
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        if given.is_empty() {
            return if self.required {
                Err(ErrorCode::Required)
            } else {
                Ok(Vec::new())
            };
        }
        let one = given[0];
        match self.datatype {
            Datatype::String | Datatype::Text => {
                let max = if self.datatype == Datatype::Text {
                    MAX_ANSWER_TEXT_CHARS
                } else {
                    MAX_ANSWER_LINE_CHARS
                };
                let len = one.chars().count();
                if len > max {
                    return Err(ErrorCode::TooLong { max, len });
                }
                Ok(vec![one.to_string()])
            }
            Datatype::Number => {
                let n = halfwidth(one).replace([',', ' '], "");
                match n.parse::<f64>() {
                    Ok(x) if x.is_finite() => Ok(vec![n]),
                    _ => Err(ErrorCode::NotANumber),
                }
            }
            Datatype::Datetime => {
                let s = halfwidth(one);
                let (date, time) = match s.split_once(['T', ' ']) {
                    Some((d, t)) => (d, Some(t)),
                    None => (s.as_str(), None),
                };
                let date = parse_date_loosely(date).ok_or(ErrorCode::BadDate)?;
                let time = match time.map(str::trim).filter(|t| !t.is_empty()) {
                    Some(t) => parse_time(t.get(..5).unwrap_or(t)).ok_or(ErrorCode::BadTime)?,
                    None => chrono::NaiveTime::MIN,
                };
                Ok(vec![format!(
                    "{date}T{}:00+08:00",
                    super::super::hh_mm::format(time)
                )])
            }
            Datatype::Singlevaluelist | Datatype::Multivaluelist => {
                if given
                    .iter()
                    .any(|v| !self.values.iter().any(|lv| lv.key == *v))
                {
                    return Err(ErrorCode::NotAnOption);
                }
                if self.datatype == Datatype::Singlevaluelist && given.len() > 1 {
                    return Err(ErrorCode::NotAnOption);
                }
                Ok(self
                    .values
                    .iter()
                    .filter(|lv| given.contains(&lv.key.as_str()))
                    .map(|lv| lv.key.clone())
                    .collect())
            }
        }
    }

    /// The name a list's key stands for, to show an answer as the citizen chose it.
    pub fn value_name(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|v| v.key == key)
            .map(|v| v.name.as_str())
    }
}

/// The citizen's answer to one of a service's questions, as checked ([`Attribute::check`]) and
/// kept with the complaint: sent as `attribute[code]`, or `attribute[code][]` once a value for
/// a multivaluelist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub code: String,
    pub values: Vec<String>,
    #[serde(default)]
    pub multi: bool,
}
