//! What can be wrong with a field ([`ErrorCode`]), said in both languages, and an error keyed by
//! its field ([`FieldError`]).

use crate::complaint::Field;

use crate::problem::Lang;
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
