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
    let mut lines: Vec<String> = Vec::new();
    match lang {
        Lang::Zh => {
            lines.push(
                "先向快递企业投诉：拨打快递品牌的客服电话或通过其官方渠道，记下运单号和投诉时间。"
                    .into(),
            );
            lines.push(format!(
                "企业应在 {days} 日内答复。{days} 日内未答复或对答复不满意的，可向邮政管理部门申诉："
            ));
            lines.push(match &phone {
                Some(p) => format!("拨打邮政业用户申诉电话 {p}；"),
                None => format!(
                    "拨打邮政业用户申诉电话 {APPEAL_PHONE}（用手机拨打时请先加拨当地区号）；"
                ),
            });
            lines.push(format!("登录申诉网站 {APPEAL_WEBSITE}；"));
            lines.push(format!("或关注微信公众号 {APPEAL_WECHAT}。"));
            lines.push("申诉时请提供：快递企业名称、运单号、申诉内容、申诉请求和事实经过。".into());
        }
        Lang::En => {
            lines.push(
                "First complain to the express company: call the brand's customer service or use its official channels, and note the waybill number and when you complained."
                    .into(),
            );
            lines.push(format!(
                "The company must answer within {days} days. If it does not, or its answer does not satisfy you, appeal to the postal administration:"
            ));
            lines.push(match &phone {
                Some(p) => format!("call the postal users' appeal line {p};"),
                None => format!(
                    "call the postal users' appeal line {APPEAL_PHONE} (from a mobile, dial the local area code first);"
                ),
            });
            lines.push(format!("use the appeal website {APPEAL_WEBSITE};"));
            lines.push(format!("or follow the WeChat account {APPEAL_WECHAT}."));
            lines.push(
                "An appeal needs the company's name, the waybill number, the problem, what you ask for, and the facts."
                    .into(),
            );
        }
    }
    if matches!(category, None | Some(Category::NonDelivery)) {
        lines.push(match lang {
            Lang::Zh => "自 2024 年 3 月 1 日起施行的《快递市场管理办法》规定：未经收件人同意，不得将快件投放到智能快件箱或快递服务站。".into(),
            Lang::En => "Since 1 March 2024 the Express Market Measures (快递市场管理办法) forbid putting a parcel in a locker or a parcel station without the recipient's consent.".into(),
        });
    }
    if let Some(a) = authority {
        lines.push(authority_line(a, lang));
    }
    lines
}

/// "本地受理机构：…（电话 …；电子邮箱 …）" with whatever contacts the authority has.
pub fn authority_line(a: &Authority, lang: Lang) -> String {
    let contacts = authority_contacts(a, lang);
    let (intro, open, sep, close) = match lang {
        Lang::Zh => ("本地受理机构：", "（", "；", "）"),
        Lang::En => ("Your local authority: ", " (", "; ", ")"),
    };
    if contacts.is_empty() {
        format!("{intro}{}", a.name)
    } else {
        format!("{intro}{}{open}{}{close}", a.name, contacts.join(sep))
    }
}

/// The authority's contacts, each as "电话 0356-12305" / "phone 0356-12305".
pub fn authority_contacts(a: &Authority, lang: Lang) -> Vec<String> {
    let labels: [(&str, &str, &Option<String>); 5] = [
        ("电话", "phone", &a.phone),
        ("电子邮箱", "e-mail", &a.email),
        ("网站", "website", &a.website),
        ("地址", "address", &a.address),
        ("办公时间", "office hours", &a.office_hours),
    ];
    labels
        .iter()
        .filter_map(|(zh, en, v)| {
            let v = v.as_deref()?.trim();
            (!v.is_empty()).then(|| match lang {
                Lang::Zh => format!("{zh} {v}"),
                Lang::En => format!("{en} {v}"),
            })
        })
        .collect()
}
