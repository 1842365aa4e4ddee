//! What the citizen should know before and after complaining: complain to the company first; if
//! it does not answer within 7 days, or the answer does not satisfy, appeal to the postal
//! administration (12305, sswz.spb.gov.cn, WeChat yz12305); and, for a parcel put in a locker or
//! station, what the Express Market Measures say.

use super::Category;
use crate::model::Authority;
use crate::problem::Lang;

/// The postal administration's appeal line; dialled with the local area code from a mobile.
pub const APPEAL_PHONE: &str = "12305";
/// The State Post Bureau's appeal website (国家邮政局邮政业用户申诉).
pub const APPEAL_WEBSITE: &str = "sswz.spb.gov.cn";
/// The WeChat account that takes appeals.
pub const APPEAL_WECHAT: &str = "yz12305";
/// How long the company has to answer before an appeal.
pub const COMPANY_ANSWER_DAYS: i64 = 7;

/// The area code of an authority's phone (`0356` from `0356-12305`, `(0356)12305` or
/// `035612305`), so that "12305" can be given with it.
pub fn area_code(authority: &Authority) -> Option<String> {
    let phone = authority.phone.as_deref()?.trim();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let is_area = |s: &str| s.starts_with('0') && (3..=4).contains(&s.len());
    if let Some(area) = digits.strip_suffix(APPEAL_PHONE) {
        if is_area(area) {
            return Some(area.to_string());
        }
    }
    let first: String = phone
        .trim_start_matches(['(', '（'])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let separated =
        phone[phone.find(first.as_str())? + first.len()..].starts_with(['-', ' ', ')', '）']);
    (is_area(&first) && separated).then_some(first)
}

/// The appeal line as the citizen should dial it: `0356-12305` when the area code is known.
pub fn appeal_phone(authority: Option<&Authority>) -> Option<String> {
    authority
        .and_then(area_code)
        .map(|a| format!("{a}-{APPEAL_PHONE}"))
}

/// The guidance, one sentence per line, for the form and the letter. `category` adds what
/// concerns it (the locker rule for a parcel not delivered); `None` (no category chosen yet)
/// gives everything.
pub fn guidance(
    lang: Lang,
    authority: Option<&Authority>,
    category: Option<Category>,
) -> Vec<String> {
    let phone = appeal_phone(authority);
    let days = COMPANY_ANSWER_DAYS;
    let mut lines = vec![
        msg!(lang, "guidance-company-first"),
        msg!(lang, "guidance-days", { "days" => days }),
        match &phone {
            Some(p) => msg!(lang, "guidance-call", { "phone" => p }),
            None => msg!(lang, "guidance-call-area-code", { "phone" => APPEAL_PHONE }),
        },
        msg!(lang, "guidance-website", { "website" => APPEAL_WEBSITE }),
        msg!(lang, "guidance-wechat", { "wechat" => APPEAL_WECHAT }),
        msg!(lang, "guidance-needs"),
    ];
    if matches!(category, None | Some(Category::NonDelivery)) {
        lines.push(msg!(lang, "guidance-lockers"));
    }
    if let Some(a) = authority {
        lines.push(authority_line(a, lang));
    }
    lines
}

/// The rules a station's notice states above anything the data records about the station
/// (docs/COMPLAINTS.md, "Station notice"): parcels go to the agreed address, illegal fees are
/// investigated (as the provincial and county plans in the data's sources write it), and no
/// locker or parcel station without the recipient's consent.
pub fn rules(lang: Lang) -> Vec<String> {
    vec![
        msg!(lang, "guidance-rule-address"),
        msg!(lang, "guidance-lockers"),
    ]
}

/// "本地受理机构：…（电话 …；电子邮箱 …）" with whatever contacts the authority has.
pub fn authority_line(a: &Authority, lang: Lang) -> String {
    let contacts = authority_contacts(a, lang);
    if contacts.is_empty() {
        msg!(lang, "guidance-authority", { "name" => &a.name })
    } else {
        let contacts = contacts.join(&msg!(lang, "guidance-contacts-sep"));
        msg!(lang, "guidance-authority-contacts", { "name" => &a.name, "contacts" => contacts })
    }
}

/// The authority's contacts, each as "电话 0356-12305" / "phone 0356-12305".
pub fn authority_contacts(a: &Authority, lang: Lang) -> Vec<String> {
    fn contact(v: &Option<String>) -> Option<&str> {
        let v = v.as_deref()?.trim();
        (!v.is_empty()).then_some(v)
    }
    [
        contact(&a.phone).map(|v| msg!(lang, "contact-phone", { "v" => v })),
        contact(&a.email).map(|v| msg!(lang, "contact-email", { "v" => v })),
        contact(&a.website).map(|v| msg!(lang, "contact-website", { "v" => v })),
        contact(&a.address).map(|v| msg!(lang, "contact-address", { "v" => v })),
        contact(&a.office_hours).map(|v| msg!(lang, "contact-office-hours", { "v" => v })),
    ]
    .into_iter()
    .flatten()
    .collect()
}
