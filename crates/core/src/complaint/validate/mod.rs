//! Turns a [`Draft`] into a [`Complaint`], or into the list of what is wrong, each error keyed by
//! the [`Field`] it belongs next to. The rules depend on the category (what it needs), on the
//! channel (what the receiving end needs, and whether personal data leaves the device), and on
//! the context: the dataset (the station and the village must exist) and today's date in China,
//! since core has no clock.
//!
//! In pieces: the rules are here; `errors` holds what can be wrong with a field and says it in
//! both languages; `input` reads what people type (full-width digits, phone numbers, dates,
//! amounts).

mod errors;
mod input;

pub use errors::*;
pub use input::*;

use super::{Answer, Attribute, Category, Complaint, Datatype, Draft, Field, Need, Yuan};
use crate::code::{Code, Level};
use crate::dataset::Dataset;
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// How long a one-line or short text field may be, in characters.
fn max_chars(field: Field) -> usize {
    match field {
        Field::Brand | Field::Name => 50,
        Field::WhoCharged => 100,
        Field::WhereLeft | Field::Address => 200,
        Field::Email => 254,
        Field::WhatIsWrong => 1_000,
        Field::CompanyAnswer => 2_000,
        _ => MAX_DESCRIPTION_CHARS,
    }
}

/// What validation needs to know about the world.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Today in China (UTC+8), from the browser's clock.
    pub today: NaiveDate,
    /// The stations, villages and authorities loaded so far: the county of the complaint's
    /// station or village must be among them.
    pub dataset: &'a Dataset,
}

impl<'a> Context<'a> {
    pub fn new(today: NaiveDate, dataset: &'a Dataset) -> Context<'a> {
        Context { today, dataset }
    }
}

/// What an Open311 endpoint requires of the complainant, from the site configuration (the
/// standard has no way to say it). The default requires nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelNeeds {
    pub name: bool,
    pub email: bool,
    pub phone: bool,
    /// An e-mail address or a phone number, either will do.
    pub email_or_phone: bool,
    /// The categories the endpoint accepts (from its `services.json`); `None` = all.
    pub categories: Option<Vec<Category>>,
    /// The questions of the category's service (its definition's attributes), once read.
    #[serde(skip)]
    pub attributes: Vec<Attribute>,
}

/// The way a complaint leaves the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// POSTed to an Open311 GeoReport v2 endpoint: sends the personal data (with consent).
    Open311(ChannelNeeds),
    /// A `mailto:` link to the county's authority, which needs its e-mail address. The link
    /// leaves name, phone and e-mail out (see `mailto`), so it needs no consent.
    Email,
    /// The printable letter and the .txt / .json download: the citizen carries it themselves.
    Letter,
}

impl Channel {
    /// Whether the channel sends the complainant's name, phone and e-mail off the device.
    pub fn sends_personal_data(&self) -> bool {
        matches!(self, Channel::Open311(_))
    }
}

/// Checks a draft for a channel. On success the complaint holds normalised values (phone without
/// `+86`, waybill without spaces, amount in fen) and only the fields its category uses; on failure
/// every error is returned at once, in form order, so the form can mark them all.
pub fn validate(
    draft: &Draft,
    channel: &Channel,
    ctx: &Context,
) -> Result<Complaint, Vec<FieldError>> {
    let mut v = Validator {
        errors: Vec::new(),
        category: draft.category,
    };
    let ds = ctx.dataset;

    let client_request_id = v.request_id(&draft.client_request_id);
    match (draft.category, channel) {
        (None, _) => v.error(Field::Category, ErrorCode::Required),
        (Some(c), Channel::Open311(needs))
            if needs.categories.as_ref().is_some_and(|cs| !cs.contains(&c)) =>
        {
            v.error(Field::Category, ErrorCode::CategoryNotAccepted);
        }
        _ => {}
    }

    // The place.
    let station = v.uses(Field::Station).then(|| {
        let id = draft.station_id.trim();
        let found = (!id.is_empty()).then(|| ds.station(id)).flatten();
        if !id.is_empty() && found.is_none() {
            v.error(Field::Station, ErrorCode::UnknownStation);
        }
        (id, found)
    });
    let village = v.uses(Field::Village).then(|| {
        let raw = draft.village_code.trim();
        if raw.is_empty() {
            return (raw, None);
        }
        match Code::parse_at(raw, Level::Village) {
            Err(_) => {
                v.error(Field::Village, ErrorCode::NotAVillageCode);
                (raw, None)
            }
            Ok(code) => match ds.village(code.as_str()) {
                Some(_) => (raw, Some(code)),
                None => {
                    v.error(Field::Village, ErrorCode::UnknownVillage);
                    (raw, None)
                }
            },
        }
    });
    let address = v.line(Field::Address, &draft.address);
    let station_given = station.is_some_and(|(id, _)| !id.is_empty());
    let village_given = village.as_ref().is_some_and(|(raw, _)| !raw.is_empty());
    for (field, given) in [
        (Field::Station, station_given),
        (Field::Village, village_given),
    ] {
        if v.need(field) == Some(Need::Required) && !given {
            v.error(field, ErrorCode::Required);
        }
    }
    let address_given = !draft.address.trim().is_empty();
    if v.need(Field::Station) == Some(Need::Either)
        && !station_given
        && !village_given
        && !address_given
    {
        v.error(Field::Station, ErrorCode::StationOrVillageRequired);
    }
    let station_id = station.and_then(|(_, s)| s).map(|s| s.id.clone());
    let village_code = village.and_then(|(_, c)| c);

    // When.
    let date = v.date(Field::Date, &draft.date, ctx.today);
    let time = v.time(&draft.time);

    // The category's own facts.
    let brand = v.line(Field::Brand, &draft.brand);
    let waybill = v.waybill(&draft.waybill);
    let where_left = v.line(Field::WhereLeft, &draft.where_left);
    let amount = v.amount(&draft.amount);
    let who_charged = v.line(Field::WhoCharged, &draft.who_charged);
    let receipt = draft.receipt.filter(|_| v.uses(Field::Receipt));
    let actual_days_per_week = v.days_per_week(&draft.actual_days_per_week);
    let what_is_wrong = v.text(Field::WhatIsWrong, &draft.what_is_wrong);
    let description = v.text(Field::Description, &draft.description);

    // What was done first. The date and the answer only mean something once contacted.
    let company_contacted = draft.company_contacted;
    let (contacted_on, company_answer) = if company_contacted == Some(true) {
        let on = v.date(Field::ContactedOn, &draft.contacted_on, ctx.today);
        if let (Some(on), Some(date)) = (on, date) {
            if on < date {
                v.error(Field::ContactedOn, ErrorCode::ContactedBeforeIncident);
            }
        }
        (on, v.text(Field::CompanyAnswer, &draft.company_answer))
    } else {
        (None, None)
    };

    // Who complains.
    let name = v.line(Field::Name, &draft.name);
    let phone = v.phone(&draft.phone);
    let email = v.email(&draft.email);
    if let Channel::Open311(needs) = channel {
        for (field, needed, given) in [
            (Field::Name, needs.name, !draft.name.trim().is_empty()),
            (Field::Phone, needs.phone, !draft.phone.trim().is_empty()),
            (Field::Email, needs.email, !draft.email.trim().is_empty()),
        ] {
            if needed && !given {
                v.error(field, ErrorCode::NeededByChannel);
            }
        }
        if needs.email_or_phone && draft.phone.trim().is_empty() && draft.email.trim().is_empty() {
            v.error(Field::Phone, ErrorCode::EmailOrPhoneNeeded);
            v.error(Field::Email, ErrorCode::EmailOrPhoneNeeded);
        }
    }
    if channel.sends_personal_data() && draft.has_personal_data() && !draft.consent {
        v.error(Field::Consent, ErrorCode::ConsentRequired);
    }

    // The receiver's own questions.
    let mut attributes = Vec::new();
    if let (Channel::Open311(needs), Some(_)) = (channel, draft.category) {
        for a in needs.attributes.iter().filter(|a| a.variable) {
            let raw = draft.attributes.get(&a.code).map_or(&[][..], Vec::as_slice);
            match a.check(raw) {
                Ok(values) if values.is_empty() => {}
                Ok(values) => attributes.push(Answer {
                    code: a.code.clone(),
                    values,
                    multi: a.datatype == Datatype::Multivaluelist,
                }),
                Err(code) => v.errors.push(FieldError::attribute(&a.code, code)),
            }
        }
    }

    // Where it goes.
    if *channel == Channel::Email {
        let code = station_id
            .as_deref()
            .and_then(|id| ds.station(id))
            .map(|s| s.admin_code.clone())
            .or_else(|| village_code.clone());
        if let Some(code) = code {
            let email = super::authority_for(ds, &code).and_then(|a| a.email.as_deref());
            if email.is_none_or(|e| e.trim().is_empty()) {
                v.error(Field::Channel, ErrorCode::NoAuthorityEmail);
            }
        }
    }

    let (Some(category), Some(client_request_id), true) =
        (draft.category, client_request_id, v.errors.is_empty())
    else {
        v.errors.sort_by_key(|e| form_order(e.field));
        return Err(v.errors);
    };
    Ok(Complaint {
        client_request_id,
        category,
        station_id,
        village_code,
        address,
        date,
        time: date.and(time),
        brand,
        waybill,
        where_left,
        amount,
        who_charged,
        receipt,
        actual_days_per_week,
        what_is_wrong,
        description: description.unwrap_or_default(),
        company_contacted,
        contacted_on,
        company_answer,
        name,
        phone,
        email,
        consent: draft.consent,
        attributes,
    })
}

/// Position of a field on the form: the request id, not on the form, goes last.
fn form_order(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

struct Validator {
    errors: Vec<FieldError>,
    category: Option<Category>,
}

impl Validator {
    fn error(&mut self, field: Field, code: ErrorCode) {
        self.errors.push(FieldError::new(field, code));
    }

    /// How the chosen category needs a field. With no category chosen yet, every field is checked
    /// as optional, so that its errors show before the category is picked.
    fn need(&self, field: Field) -> Option<Need> {
        match self.category {
            Some(c) => c.need(field),
            None => Some(Need::Optional),
        }
    }

    fn uses(&self, field: Field) -> bool {
        self.need(field).is_some()
    }

    /// The trimmed text of a field the category uses, or `None` after reporting it missing.
    fn present<'s>(&mut self, field: Field, raw: &'s str) -> Option<&'s str> {
        let need = self.need(field)?;
        let s = raw.trim();
        if s.is_empty() {
            if need == Need::Required {
                self.error(field, ErrorCode::Required);
            }
            return None;
        }
        Some(s)
    }

    fn within_limit(&mut self, field: Field, s: String) -> Option<String> {
        let (len, max) = (s.chars().count(), max_chars(field));
        if len > max {
            self.error(field, ErrorCode::TooLong { max, len });
            return None;
        }
        Some(s)
    }

    /// A one-line text: runs of spaces and line breaks become one space.
    fn line(&mut self, field: Field, raw: &str) -> Option<String> {
        let s = self.present(field, raw)?;
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        self.within_limit(field, s)
    }

    /// A multi-line text, with `\n` line breaks whatever the browser sent.
    fn text(&mut self, field: Field, raw: &str) -> Option<String> {
        let s = self.present(field, raw)?;
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        self.within_limit(field, s)
    }

    fn request_id(&mut self, raw: &str) -> Option<String> {
        let s = raw.trim();
        if s.is_empty() {
            self.error(Field::ClientRequestId, ErrorCode::Required);
            return None;
        }
        let ok = (MIN_REQUEST_ID_CHARS..=MAX_REQUEST_ID_CHARS).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            self.error(Field::ClientRequestId, ErrorCode::BadRequestId);
            return None;
        }
        Some(s.to_string())
    }

    fn date(&mut self, field: Field, raw: &str, today: NaiveDate) -> Option<NaiveDate> {
        let s = self.present(field, raw)?;
        let Some(date) = parse_date_loosely(s) else {
            self.error(field, ErrorCode::BadDate);
            return None;
        };
        if date.year() < EARLIEST_YEAR {
            self.error(field, ErrorCode::DateTooEarly);
            return None;
        }
        if date > today {
            self.error(field, ErrorCode::DateInFuture);
            return None;
        }
        Some(date)
    }

    fn time(&mut self, raw: &str) -> Option<NaiveTime> {
        let s = self.present(Field::Time, raw)?;
        let t = parse_time(s);
        if t.is_none() {
            self.error(Field::Time, ErrorCode::BadTime);
        }
        t
    }

    fn waybill(&mut self, raw: &str) -> Option<String> {
        let s = self.present(Field::Waybill, raw)?;
        match read_waybill(s) {
            Ok(w) => Some(w),
            Err(code) => {
                self.error(Field::Waybill, code);
                None
            }
        }
    }

    fn amount(&mut self, raw: &str) -> Option<Yuan> {
        let s = self.present(Field::Amount, raw)?;
        match parse_yuan(s) {
            Err(code) => {
                self.error(Field::Amount, code);
                None
            }
            Ok(y) if y.fen() == 0 => {
                self.error(Field::Amount, ErrorCode::NotPositive);
                None
            }
            Ok(y) if y.fen() > MAX_AMOUNT_YUAN * 100 => {
                self.error(
                    Field::Amount,
                    ErrorCode::AmountTooLarge {
                        max_yuan: MAX_AMOUNT_YUAN,
                    },
                );
                None
            }
            Ok(y) => Some(y),
        }
    }

    fn days_per_week(&mut self, raw: &str) -> Option<u8> {
        let field = Field::ActualDaysPerWeek;
        let s = self.present(field, raw)?;
        let s = halfwidth(s);
        let s = s.trim_end_matches(['天', '日', '次']).trim();
        let code = match s.parse::<f64>() {
            Ok(x) if !x.is_finite() => ErrorCode::NotANumber,
            Ok(x) if x.fract() != 0.0 => ErrorCode::NotWholeNumber,
            Ok(x) if (0.0..=7.0).contains(&x) => return Some(x as u8),
            Ok(_) => ErrorCode::OutOfRange { min: 0, max: 7 },
            Err(_) => ErrorCode::NotANumber,
        };
        self.error(field, code);
        None
    }

    fn phone(&mut self, raw: &str) -> Option<String> {
        let s = self.present(Field::Phone, raw)?;
        let normal = normalise_mobile(s);
        if normal.is_none() {
            self.error(Field::Phone, ErrorCode::BadPhone);
        }
        normal
    }

    fn email(&mut self, raw: &str) -> Option<String> {
        let s = self.present(Field::Email, raw)?;
        let s = halfwidth(s).trim().to_string();
        if !plausible_email(&s) {
            self.error(Field::Email, ErrorCode::BadEmail);
            return None;
        }
        Some(s)
    }
}
