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
    /// A character a waybill number cannot hold (the brand, before or after it, is allowed).
    WaybillChar {
        ch: String,
    },
    /// Words in a waybill that are not an express brand's name.
    WaybillText {
        text: String,
    },
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
    /// Not one of the values the receiver's question lists.
    NotAnOption,
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
            WaybillChar { .. } => "waybill_char",
            WaybillText { .. } => "waybill_text",
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
            NotAnOption => "not_an_option",
        }
    }

    /// What is wrong and how to put it right, in one sentence.
    pub fn message(&self, lang: Lang) -> String {
        use ErrorCode::*;
        match *self {
            Required => msg!(lang, "error-required"),
            StationOrVillageRequired => msg!(lang, "error-station-or-village"),
            UnknownStation => msg!(lang, "error-unknown-station"),
            UnknownVillage => msg!(lang, "error-unknown-village"),
            NotAVillageCode => msg!(lang, "error-not-a-village-code"),
            BadRequestId => msg!(lang, "error-bad-request-id", {
                "min" => MIN_REQUEST_ID_CHARS, "max" => MAX_REQUEST_ID_CHARS
            }),
            BadWaybill => msg!(lang, "error-bad-waybill", {
                "min" => MIN_WAYBILL_CHARS, "max" => MAX_WAYBILL_CHARS
            }),
            WaybillChar { ref ch } => msg!(lang, "error-waybill-char", { "ch" => ch }),
            WaybillText { ref text } => msg!(lang, "error-waybill-text", { "text" => text }),
            NotANumber => msg!(lang, "error-not-a-number"),
            NotPositive => msg!(lang, "error-not-positive"),
            AmountTooLarge { max_yuan } => {
                msg!(lang, "error-amount-too-large", { "max" => max_yuan })
            }
            TooManyDecimals => msg!(lang, "error-too-many-decimals"),
            NotWholeNumber => msg!(lang, "error-not-whole"),
            OutOfRange { min, max } => {
                msg!(lang, "error-out-of-range", { "min" => min, "max" => max })
            }
            TooLong { max, len } => msg!(lang, "error-too-long", { "max" => max, "len" => len }),
            BadPhone => msg!(lang, "error-bad-phone"),
            BadEmail => msg!(lang, "error-bad-email"),
            BadDate => msg!(lang, "error-bad-date"),
            DateInFuture => msg!(lang, "error-date-in-future"),
            DateTooEarly => msg!(lang, "error-date-too-early", { "year" => EARLIEST_YEAR }),
            ContactedBeforeIncident => msg!(lang, "error-contacted-before"),
            BadTime => msg!(lang, "error-bad-time"),
            ConsentRequired => msg!(lang, "error-consent"),
            NeededByChannel => msg!(lang, "error-needed-by-channel"),
            EmailOrPhoneNeeded => msg!(lang, "error-email-or-phone"),
            NoAuthorityEmail => msg!(lang, "error-no-authority-email"),
            CategoryNotAccepted => msg!(lang, "error-category-not-accepted"),
            NotAnOption => msg!(lang, "error-not-an-option"),
        }
    }
}

/// One thing wrong with the form, and the field to show it next to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub code: ErrorCode,
    /// For [`Field::Attributes`]: the code of the receiver's question the error is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
}

impl FieldError {
    pub fn new(field: Field, code: ErrorCode) -> FieldError {
        FieldError {
            field,
            code,
            attribute: None,
        }
    }

    /// An error in the answer to the receiver's question `attribute`.
    pub fn attribute(attribute: &str, code: ErrorCode) -> FieldError {
        FieldError {
            field: Field::Attributes,
            code,
            attribute: Some(attribute.to_string()),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.code.message(lang)
    }
}
