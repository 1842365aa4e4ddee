//! Reading what people type: full-width digits and letters, mobile numbers with or without +86,
//! e-mail addresses, dates and times in the forms people write them, amounts in yuan.

use super::errors::{ErrorCode, MAX_AMOUNT_YUAN, MAX_WAYBILL_CHARS, MIN_WAYBILL_CHARS};
use super::Yuan;

use chrono::{NaiveDate, NaiveTime};

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

/// A waybill number as people copy it from a parcel or an app: spaces and full-width forms
/// ignored, a label (运单号：) dropped, and a brand written before or after it ("中通 7531 2345
/// 6789", "75312345 6789 中通快递") kept in front as its known name: `中通 753123456789`.
/// The number itself is 6 to 40 letters, digits and dashes; anything else is named in the error.
pub fn read_waybill(raw: &str) -> Result<String, ErrorCode> {
    let s: String = halfwidth(raw)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut s = s.as_str();
    for label in ["快递单号", "运单号码", "运单号", "快递单", "单号"] {
        if let Some(rest) = s.strip_prefix(label) {
            s = rest.trim_start_matches([':', '：']);
            break;
        }
    }
    // A brand is written in characters, before or after the number.
    let head = s.find(|c: char| c.is_ascii()).unwrap_or(s.len());
    let tail = s.rfind(|c: char| c.is_ascii()).map_or(0, |i| i + 1);
    let (brand, number) = if head > 0 {
        (&s[..head], &s[head..])
    } else if tail < s.len() {
        (&s[tail..], &s[..tail])
    } else {
        ("", s)
    };
    // "中通：7531…": the colon after a brand is not part of the number.
    let number = number.trim_matches(':');
    let brand = match brand {
        "" => None,
        b => match crate::brand::known(b) {
            Some(known) => Some(known),
            None => return Err(ErrorCode::WaybillText { text: b.into() }),
        },
    };
    if let Some(c) = number
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '-'))
    {
        return Err(ErrorCode::WaybillChar { ch: c.to_string() });
    }
    let ok = (MIN_WAYBILL_CHARS..=MAX_WAYBILL_CHARS).contains(&number.len())
        && number.bytes().any(|b| b.is_ascii_alphanumeric());
    if !ok {
        return Err(ErrorCode::BadWaybill);
    }
    Ok(match brand {
        Some(b) => format!("{b} {number}"),
        None => number.to_string(),
    })
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
