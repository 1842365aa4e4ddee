//! A deployment's Open311 receiver (docs/COMPLAINTS.md, "Open311"): where it is, what it needs
//! with every call, and which of its services takes each of the site's categories.

use crate::model::{Authority, Category};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An Open311 GeoReport v2 receiver, from `config.json`'s `open311` or a county's row in
/// `authorities.csv`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receiver {
    /// The base URL: `{endpoint}/services.json`, `{endpoint}/requests.json`, …
    pub endpoint: String,
    /// Sent with every POST. A public client key (it is in the page for anyone to read), as the
    /// standard's keys are: it identifies the site to the receiver, it is not a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    /// Sent with every call when set, for a receiver that serves several jurisdictions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction_id: Option<String>,
    /// The receiver's own `service_code` for each of the site's categories, by the category's
    /// word (`illegal_fee` → `"002"`). A category not in the map is matched by its own word.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub service_codes: BTreeMap<String, String>,
}

impl From<&str> for Receiver {
    fn from(endpoint: &str) -> Receiver {
        Receiver::new(endpoint)
    }
}

impl Receiver {
    /// A county's or province's receiver, from its row in `authorities.csv`, when it has an
    /// endpoint. Service codes that do not read (a warning when the package is checked) are
    /// left out: each category then goes by its own word.
    pub fn of_authority(a: &Authority) -> Option<Receiver> {
        let endpoint = a.open311_endpoint.as_deref()?.trim();
        if endpoint.is_empty() {
            return None;
        }
        let service_codes = a
            .open311_service_codes
            .as_deref()
            .and_then(|t| parse_service_codes(t).ok())
            .unwrap_or_default();
        Some(Receiver {
            endpoint: endpoint.to_string(),
            api_key: a.open311_api_key.clone(),
            jurisdiction_id: a.open311_jurisdiction_id.clone(),
            service_codes,
        })
    }

    /// A receiver that needs no key, serves one jurisdiction and uses the site's words as codes.
    pub fn new(endpoint: impl Into<String>) -> Receiver {
        Receiver {
            endpoint: endpoint.into(),
            ..Receiver::default()
        }
    }

    /// The receiver's `service_code` for a category: the mapped code, else the category's word.
    pub fn service_code(&self, category: Category) -> String {
        self.service_codes
            .get(category.as_str())
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| category.as_str().to_string())
    }

    /// The keys of `service_codes` that are not a category's word: a configuration mistake, for
    /// the CLI and the docs' checks to name.
    pub fn unknown_categories(&self) -> Vec<&str> {
        self.service_codes
            .keys()
            .map(String::as_str)
            .filter(|k| Category::parse(k).is_none())
            .collect()
    }

    /// `{endpoint}/{path}`, with `?jurisdiction_id=…` when the receiver has one: a GET's URL.
    pub fn get_url(&self, path: &str) -> String {
        let mut url = format!("{}/{path}", self.endpoint.trim().trim_end_matches('/'));
        if let Some(j) = self.jurisdiction() {
            url.push_str("?jurisdiction_id=");
            url.extend(form_urlencoded::byte_serialize(j.as_bytes()));
        }
        url
    }

    /// `GET services.json`: the services (request types) the receiver takes.
    pub fn services_url(&self) -> String {
        self.get_url("services.json")
    }

    /// `GET services/{service_code}.json`: a service's definition.
    pub fn definition_url(&self, service_code: &str) -> String {
        self.get_url(&format!("services/{}.json", segment(service_code)))
    }

    /// `GET tokens/{token}.json`: a batch request's id, once the receiver has made it.
    pub fn token_url(&self, token: &str) -> String {
        self.get_url(&format!("tokens/{}.json", segment(token)))
    }

    /// `GET requests/{service_request_id}.json`: the request's status.
    pub fn request_url(&self, service_request_id: &str) -> String {
        self.get_url(&format!("requests/{}.json", segment(service_request_id)))
    }

    /// `POST requests.json`'s URL; the jurisdiction and the key go in the body.
    pub fn post_url(&self) -> String {
        format!(
            "{}/requests.json",
            self.endpoint.trim().trim_end_matches('/')
        )
    }

    /// The POST's body: `jurisdiction_id` and `api_key` when set, then the complaint's form
    /// ([`super::open311_form`]), `application/x-www-form-urlencoded`.
    pub fn post_body(&self, form: &[(String, String)]) -> String {
        let mut pairs: Vec<(String, String)> = Vec::with_capacity(form.len() + 2);
        if let Some(j) = self.jurisdiction() {
            pairs.push(("jurisdiction_id".into(), j.to_string()));
        }
        if let Some(k) = self
            .api_key
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            pairs.push(("api_key".into(), k.to_string()));
        }
        pairs.extend(form.iter().cloned());
        super::form_urlencode(&pairs)
    }

    fn jurisdiction(&self) -> Option<&str> {
        self.jurisdiction_id
            .as_deref()
            .map(str::trim)
            .filter(|j| !j.is_empty())
    }

    /// The same receiver for calling: its endpoint, key and jurisdiction, without the codes
    /// (which matter only when the request is made), to keep with a complaint.
    pub fn credentials(&self) -> Receiver {
        Receiver {
            service_codes: BTreeMap::new(),
            ..self.clone()
        }
    }
}

/// A path segment, percent-encoded: a code or a token is the receiver's text and may hold `/`.
fn segment(s: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s.trim(), KEEP).to_string()
}

/// Reads `authorities.csv`'s `open311_service_codes`: `category=code` pairs separated by `;`
/// (or `,`, or a line break), e.g. `non_delivery=001; illegal_fee=002`. An unknown category's
/// word or a pair without `=` is an error naming it; an empty text is an empty map.
pub fn parse_service_codes(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut map = BTreeMap::new();
    for pair in text
        .split([';', ',', '\n', '；', '，'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let Some((word, code)) = pair.split_once(['=', '＝']) else {
            return Err(format!("“{pair}” is not category=code"));
        };
        let (word, code) = (word.trim(), code.trim());
        if Category::parse(word).is_none() {
            return Err(format!("“{word}” is not a complaint category"));
        }
        if code.is_empty() {
            return Err(format!("“{word}” has no service code"));
        }
        map.insert(word.to_string(), code.to_string());
    }
    Ok(map)
}

impl From<&Receiver> for Receiver {
    fn from(receiver: &Receiver) -> Receiver {
        receiver.clone()
    }
}
