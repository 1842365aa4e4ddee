//! Turns a [`Draft`] into a [`Complaint`], or into the list of what is wrong, each error keyed by
//! the [`Field`] it belongs next to. The rules depend on the category (what it needs), on the
//! channel (what the receiving end needs, and whether personal data leaves the device), and on
//! the context: the dataset (the station and the village must exist) and today's date in China,
//! since core has no clock.

use super::{Category, Complaint, Draft, Field, Need, Yuan};
use crate::code::{Code, Level};
use crate::dataset::Dataset;
use crate::problem::Lang;
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Open311 limits descriptions to 4,000 characters; the form uses the same limit everywhere.
pub const MAX_DESCRIPTION_CHARS: usize = 4_000;
/// Above this a "fee" is not a collection fee but a dispute for a court.
pub const MAX_AMOUNT_YUAN: u64 = 10_000;
pub const MIN_WAYBILL_CHARS: usize = 6;
pub const MAX_WAYBILL_CHARS: usize = 40;
pub const MIN_REQUEST_ID_CHARS: usize = 16;
pub const MAX_REQUEST_ID_CHARS: usize = 64;
/// Parcels older than this are not what the form is for, and the year is most likely a typo.
pub const EARLIEST_YEAR: i32 = 2000;

/// How long a one-line or short text field may be, in characters.
fn max_chars(field: Field) -> usize {
    match field {
        Field::Brand | Field::Name => 50,
        Field::WhoCharged => 100,
        Field::WhereLeft => 200,
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

/// Why a field's value is not accepted. The view shows [`ErrorCode::message`] next to the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Required,
    /// Neither a station nor a village was chosen, and the category needs one of them.
    StationOrVillageRequired,
    UnknownStation,
    UnknownVillage,
    NotAVillageCode,
    BadRequestId,
    BadWaybill,
    NotANumber,
    NotPositive,
    AmountTooLarge {
        max_yuan: u64,
    },
    TooManyDecimals,
    NotWholeNumber,
    OutOfRange {
        min: u32,
        max: u32,
    },
    TooLong {
        max: usize,
        len: usize,
    },
    BadPhone,
    BadEmail,
    BadDate,
    DateInFuture,
    DateTooEarly,
    /// The company was contacted before the thing happened.
    ContactedBeforeIncident,
    BadTime,
    /// Personal data would leave the device without the citizen's consent.
    ConsentRequired,
    /// The channel chosen requires this field.
    NeededByChannel,
    /// The channel chosen requires an e-mail address or a phone number.
    EmailOrPhoneNeeded,
    /// The e-mail channel was chosen, but the authority has no e-mail address.
    NoAuthorityEmail,
    /// The Open311 endpoint does not accept this category.
    CategoryNotAccepted,
}

impl ErrorCode {
    /// A stable name, as in the JSON (`required`, `bad_phone`, …).
    pub fn code(&self) -> &'static str {
        use ErrorCode::*;
        match self {
            Required => "required",
            StationOrVillageRequired => "station_or_village_required",
            UnknownStation => "unknown_station",
            UnknownVillage => "unknown_village",
            NotAVillageCode => "not_a_village_code",
            BadRequestId => "bad_request_id",
            BadWaybill => "bad_waybill",
            NotANumber => "not_a_number",
            NotPositive => "not_positive",
            AmountTooLarge { .. } => "amount_too_large",
            TooManyDecimals => "too_many_decimals",
            NotWholeNumber => "not_whole_number",
            OutOfRange { .. } => "out_of_range",
            TooLong { .. } => "too_long",
            BadPhone => "bad_phone",
            BadEmail => "bad_email",
            BadDate => "bad_date",
            DateInFuture => "date_in_future",
            DateTooEarly => "date_too_early",
            ContactedBeforeIncident => "contacted_before_incident",
            BadTime => "bad_time",
            ConsentRequired => "consent_required",
            NeededByChannel => "needed_by_channel",
            EmailOrPhoneNeeded => "email_or_phone_needed",
            NoAuthorityEmail => "no_authority_email",
            CategoryNotAccepted => "category_not_accepted",
        }
    }

    /// What is wrong and how to put it right, in one sentence.
    pub fn message(&self, lang: Lang) -> String {
        use ErrorCode::*;
        match (lang, self) {
            (Lang::Zh, Required) => "此项必填".into(),
            (Lang::En, Required) => "This is required".into(),
            (Lang::Zh, StationOrVillageRequired) => "请选择站点或村（至少一项）".into(),
            (Lang::En, StationOrVillageRequired) => "Choose the station or the village".into(),
            (Lang::Zh, UnknownStation) => "数据中没有这个站点，请从地图或搜索中选择".into(),
            (Lang::En, UnknownStation) => {
                "This station is not in the data; pick it on the map or from search".into()
            }
            (Lang::Zh, UnknownVillage) => "数据中没有这个村，请从地图或搜索中选择".into(),
            (Lang::En, UnknownVillage) => {
                "This village is not in the data; pick it on the map or from search".into()
            }
            (Lang::Zh, NotAVillageCode) => "村级区划代码应为 12 位数字".into(),
            (Lang::En, NotAVillageCode) => "A village code has 12 digits".into(),
            (Lang::Zh, BadRequestId) => format!(
                "提交编号无效（应为 {MIN_REQUEST_ID_CHARS}–{MAX_REQUEST_ID_CHARS} 位字母、数字、- 或 _），请刷新页面后重试"
            ),
            (Lang::En, BadRequestId) => format!(
                "The submission id is invalid ({MIN_REQUEST_ID_CHARS}–{MAX_REQUEST_ID_CHARS} letters, digits, - or _); reload the page and try again"
            ),
            (Lang::Zh, BadWaybill) => format!(
                "运单号应为 {MIN_WAYBILL_CHARS}–{MAX_WAYBILL_CHARS} 位字母或数字（可含 -）"
            ),
            (Lang::En, BadWaybill) => format!(
                "A waybill number has {MIN_WAYBILL_CHARS}–{MAX_WAYBILL_CHARS} letters or digits (and -)"
            ),
            (Lang::Zh, NotANumber) => "请填写数字，如 5 或 2.50".into(),
            (Lang::En, NotANumber) => "Enter a number, such as 5 or 2.50".into(),
            (Lang::Zh, NotPositive) => "金额应大于 0".into(),
            (Lang::En, NotPositive) => "The amount must be more than 0".into(),
            (Lang::Zh, AmountTooLarge { max_yuan }) => format!("金额不能超过 {max_yuan} 元"),
            (Lang::En, AmountTooLarge { max_yuan }) => {
                format!("The amount cannot be more than {max_yuan} yuan")
            }
            (Lang::Zh, TooManyDecimals) => "金额最多两位小数（精确到分）".into(),
            (Lang::En, TooManyDecimals) => "At most two decimals (to the fen)".into(),
            (Lang::Zh, NotWholeNumber) => "请填写整数".into(),
            (Lang::En, NotWholeNumber) => "Enter a whole number".into(),
            (Lang::Zh, OutOfRange { min, max }) => format!("应在 {min} 到 {max} 之间"),
            (Lang::En, OutOfRange { min, max }) => format!("Enter a number from {min} to {max}"),
            (Lang::Zh, TooLong { max, len }) => format!("最多 {max} 个字，现有 {len} 个"),
            (Lang::En, TooLong { max, len }) => {
                format!("At most {max} characters; this has {len}")
            }
            (Lang::Zh, BadPhone) => "请填写 11 位手机号码，以 13–19 开头（可加 +86）".into(),
            (Lang::En, BadPhone) => {
                "Enter a mainland mobile number: 11 digits starting 13–19 (+86 allowed)".into()
            }
            (Lang::Zh, BadEmail) => "电子邮箱格式不正确，例如 name@example.com".into(),
            (Lang::En, BadEmail) => {
                "This does not look like an e-mail address, such as name@example.com".into()
            }
            (Lang::Zh, BadDate) => "日期格式应为 YYYY-MM-DD".into(),
            (Lang::En, BadDate) => "Enter a date as YYYY-MM-DD".into(),
            (Lang::Zh, DateInFuture) => "日期不能晚于今天".into(),
            (Lang::En, DateInFuture) => "The date cannot be after today".into(),
            (Lang::Zh, DateTooEarly) => format!("日期不能早于 {EARLIEST_YEAR} 年"),
            (Lang::En, DateTooEarly) => format!("The date cannot be before {EARLIEST_YEAR}"),
            (Lang::Zh, ContactedBeforeIncident) => "向企业投诉的日期不能早于事情发生的日期".into(),
            (Lang::En, ContactedBeforeIncident) => {
                "You cannot have complained to the company before it happened".into()
            }
            (Lang::Zh, BadTime) => "时间格式应为 HH:MM，如 14:30".into(),
            (Lang::En, BadTime) => "Enter a time as HH:MM, such as 14:30".into(),
            (Lang::Zh, ConsentRequired) => {
                "发送姓名、电话或电子邮箱前，请勾选同意发送给受理机构，或删除这些信息".into()
            }
            (Lang::En, ConsentRequired) => {
                "To send your name, phone or e-mail, agree to send them to the receiving body, or remove them".into()
            }
            (Lang::Zh, NeededByChannel) => "所选提交方式要求填写此项".into(),
            (Lang::En, NeededByChannel) => "The way of sending you chose needs this".into(),
            (Lang::Zh, EmailOrPhoneNeeded) => {
                "所选提交方式要求填写电子邮箱或手机号码（至少一项）".into()
            }
            (Lang::En, EmailOrPhoneNeeded) => {
                "The way of sending you chose needs an e-mail address or a phone number".into()
            }
            (Lang::Zh, NoAuthorityEmail) => {
                "当地受理机构没有公布电子邮箱，请选择其他提交方式".into()
            }
            (Lang::En, NoAuthorityEmail) => {
                "The local authority has no published e-mail address; choose another way to send"
                    .into()
            }
            (Lang::Zh, CategoryNotAccepted) => {
                "受理机构的系统不接收这一类投诉，请选择其他提交方式".into()
            }
            (Lang::En, CategoryNotAccepted) => {
                "The receiving system does not take this kind of complaint; choose another way to send"
                    .into()
            }
        }
    }
}

/// One thing wrong with the form, and the field to show it next to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub code: ErrorCode,
}

impl FieldError {
    pub fn new(field: Field, code: ErrorCode) -> FieldError {
        FieldError { field, code }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.code.message(lang)
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
    if v.need(Field::Station) == Some(Need::Either) && !station_given && !village_given {
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
        let s: String = halfwidth(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let ok = (MIN_WAYBILL_CHARS..=MAX_WAYBILL_CHARS).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && s.bytes().any(|b| b.is_ascii_alphanumeric());
        if !ok {
            self.error(Field::Waybill, ErrorCode::BadWaybill);
            return None;
        }
        Some(s)
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

/// Full-width forms (what a Chinese input method types: `１２３`, `＠`, `．`, `：`, the ideographic
/// space) as their ASCII equivalents.
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '。' => '.',
            _ => c,
        })
        .collect()
}

/// A mainland mobile number as eleven digits (`1[3-9]` and nine more), from what people type:
/// spaces, dashes, brackets, a `+86`, `0086` or `86` prefix, full-width digits.
pub fn normalise_mobile(raw: &str) -> Option<String> {
    let s: String = halfwidth(raw)
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '(' | ')')))
        .collect();
    let s = if let Some(rest) = s.strip_prefix("+86") {
        rest
    } else if let Some(rest) = s.strip_prefix("0086") {
        rest
    } else if s.len() == 13 && s.starts_with("86") {
        &s[2..]
    } else {
        &s
    };
    let b = s.as_bytes();
    let ok = b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1]);
    ok.then(|| s.to_string())
}

/// Whether a string could be an e-mail address: one `@`, something before it, and a domain of at
/// least two labels. Deliberately loose; the mail server is the real test.
pub fn plausible_email(s: &str) -> bool {
    if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    const FORBIDDEN: &[char] = &['@', '<', '>', '(', ')', '[', ']', '\\', ',', ';', ':', '"'];
    if local.is_empty() || local.len() > 64 || local.contains(FORBIDDEN) {
        return false;
    }
    if domain.contains(FORBIDDEN) {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()))
}

/// A date as people write it: `2024-05-03`, `2024-5-3`, `2024/5/3`, `2024.5.3`, `2024年5月3日`,
/// full-width digits too.
pub fn parse_date_loosely(raw: &str) -> Option<NaiveDate> {
    let s = halfwidth(raw.trim());
    let s = s.trim_end_matches('日').trim_end_matches('号');
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `HH:MM` or `HH:MM:SS` (seconds dropped), full-width colon too.
pub fn parse_time(raw: &str) -> Option<NaiveTime> {
    let s = halfwidth(raw.trim());
    let parts: Vec<&str> = s.split(':').collect();
    let (h, m) = match parts.as_slice() {
        [h, m] | [h, m, _] => (*h, *m),
        _ => return None,
    };
    let ok =
        |p: &str, n: usize| (1..=n).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    if !(ok(h, 2) && m.len() == 2 && ok(m, 2)) {
        return None;
    }
    if let [_, _, sec] = parts.as_slice() {
        if !(sec.len() == 2 && ok(sec, 2) && sec.parse::<u32>().is_ok_and(|s| s < 60)) {
            return None;
        }
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// An amount in yuan as people write it (`12`, `2.5`, `2.50`, `¥3`, `3元`, `３块`), in fen. Zero
/// parses (the caller decides it is not a fee); a sign, a third decimal or anything else does not.
pub fn parse_yuan(raw: &str) -> Result<Yuan, ErrorCode> {
    let s = halfwidth(raw.trim());
    let s = s
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches(['元', '块'])
        .trim();
    if let Some(rest) = s.strip_prefix('-') {
        return match parse_yuan(rest) {
            Ok(_) => Err(ErrorCode::NotPositive),
            Err(e) => Err(e),
        };
    }
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return Err(ErrorCode::NotANumber);
    }
    if frac.len() > 2 {
        return Err(ErrorCode::TooManyDecimals);
    }
    // More than 12 digits of yuan is no fee; saying "too large" beats overflowing.
    if whole.len() > 12 {
        return Err(ErrorCode::AmountTooLarge {
            max_yuan: MAX_AMOUNT_YUAN,
        });
    }
    let yuan: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| ErrorCode::NotANumber)?
    };
    let fen: u64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<u64>().map_err(|_| ErrorCode::NotANumber)? * 10,
        _ => frac.parse().map_err(|_| ErrorCode::NotANumber)?,
    };
    Ok(Yuan::from_fen(yuan * 100 + fen))
}
