//! A complaint as the form-encoded body of `POST {endpoint}/requests.json`.
//!
//! The request id the site generated travels as `attribute[client_request_id]`, so a receiver can
//! recognise a retried submission; the complaint's other fields travel as `attribute[<field>]`
//! under the same names as in the form and the JSON, and the answers to the service's own
//! questions as `attribute[<code>]` (`attribute[<code>][]`, repeated, for a multivaluelist, as
//! the standard writes it). Name, phone and e-mail are sent only when given and consented to.
//! `jurisdiction_id` and `api_key` are the receiver's to prepend ([`super::Receiver::post_body`]).

use crate::complaint::letter::problem_sentence;
use crate::complaint::place::Place;
use crate::complaint::{hh_mm, Complaint, Field};
use crate::problem::Lang;

/// The form fields of `POST requests.json`, in a fixed order, for the receiver's service
/// `service_code` ([`super::Receiver::service_code`]).
///
/// The location, as the standard wants it: `lat`/`long` in WGS-84 (the data's coordinates are
/// WGS-84 once read, whatever the package's `crs`) of the station, else of the village; and
/// `address_string`, the address the citizen typed, else the place's names from the station
/// to the province.
pub fn open311_form(
    complaint: &Complaint,
    place: &Place,
    service_code: &str,
) -> Vec<(String, String)> {
    let c = complaint;
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: String| pairs.push((k.to_string(), v));

    push("service_code", service_code.to_string());
    if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
        push("lat", lat.to_string());
        push("long", lon.to_string());
    }
    match c
        .address
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        Some(typed) => push("address_string", typed.to_string()),
        None if !place.address.is_empty() => push("address_string", place.address.clone()),
        None => {}
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

    // The service's own questions first; a code that is also one of the site's field names
    // is the receiver's question, answered by the citizen, and the site's value is left out.
    for answer in &c.attributes {
        let key = if answer.multi {
            format!("attribute[{}][]", answer.code)
        } else {
            format!("attribute[{}]", answer.code)
        };
        for v in &answer.values {
            pairs.push((key.clone(), v.clone()));
        }
    }
    let asked = |f: Field| c.attributes.iter().any(|a| a.code == f.as_str());
    let mut attr = |f: Field, v: Option<String>| {
        if let Some(v) = v.filter(|_| !asked(f) || f == Field::ClientRequestId) {
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
