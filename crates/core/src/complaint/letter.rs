//! The complaint letter (申诉书): what an appeal to the postal administration needs — the company,
//! the waybill number, the problem, the request and the facts — laid out as titled sections, for
//! the printable page, the .txt download and the e-mail body; and the complaint as JSON.

use super::guidance::{authority_contacts, guidance, APPEAL_PHONE, APPEAL_WEBSITE};
use super::place::complaint_authority;
use super::validate::Context;
use super::{hh_mm, Category, Complaint, Field};
use crate::dataset::Dataset;
use crate::problem::Lang;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What a section of the letter is, so a view can style it and the e-mail can leave one out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    To,
    Complainant,
    Company,
    Problem,
    Facts,
    Request,
    FirstContact,
    Guidance,
    Date,
}

impl SectionKind {
    /// The kind as its serialized word (`first_contact`), for a view's class names.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::To => "to",
            SectionKind::Complainant => "complainant",
            SectionKind::Company => "company",
            SectionKind::Problem => "problem",
            SectionKind::Facts => "facts",
            SectionKind::Request => "request",
            SectionKind::FirstContact => "first_contact",
            SectionKind::Guidance => "guidance",
            SectionKind::Date => "date",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    /// Plain text; lines separated by `\n`.
    pub body: String,
}

/// A complaint letter in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub lang: Lang,
    pub title: String,
    pub sections: Vec<Section>,
}

impl Letter {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The letter as plain text: the title, then each heading and its body, a blank line
    /// between sections; `\n` line breaks, ending with one.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}\n", self.title);
        for s in &self.sections {
            out.push('\n');
            out.push_str(&self.section_text(s));
            out.push('\n');
        }
        out
    }

    /// One section as text: its heading (`【申诉人】` in Chinese) on a line, then its body.
    pub fn section_text(&self, s: &Section) -> String {
        match self.lang {
            Lang::Zh => format!("【{}】\n{}", s.heading, s.body),
            Lang::En => format!("{}\n{}", s.heading, s.body),
        }
    }
}

/// The complaint as pretty JSON, fields in the order [`Complaint`] declares them, every field
/// present (`null` when not given) so that every file has the same shape.
pub fn to_json(complaint: &Complaint) -> String {
    serde_json::to_string_pretty(complaint).expect("a complaint has only string keys")
}

/// Writes the letter. It is addressed to the authority for the place's county (`authorities.csv`),
/// else to the postal administration's appeal line, and names the complainant with only what
/// they gave. The letter is the citizen's own document, so it includes their personal data
/// whatever their consent to send it; the e-mail channel removes it (see `mailto`).
pub fn letter(complaint: &Complaint, ctx: &Context, lang: Lang) -> Letter {
    let ds = ctx.dataset;
    let c = complaint;
    let authority = complaint_authority(c, ds);
    let zh = lang == Lang::Zh;
    let t = |zh_text: &str, en_text: &str| if zh { zh_text } else { en_text }.to_string();

    let to = match authority {
        Some(a) => {
            let mut lines = vec![a.name.clone()];
            lines.extend(authority_contacts(a, lang));
            lines.join("\n")
        }
        None => match lang {
            Lang::Zh => format!(
                "所在地邮政管理部门（邮政业用户申诉电话 {APPEAL_PHONE}，网站 {APPEAL_WEBSITE}）"
            ),
            Lang::En => format!(
                "The local postal administration (postal users' appeal line {APPEAL_PHONE}, website {APPEAL_WEBSITE})"
            ),
        },
    };

    let mut sections = vec![
        Section {
            kind: SectionKind::To,
            heading: t("致", "To"),
            body: to,
        },
        Section {
            kind: SectionKind::Complainant,
            heading: t("申诉人", "Complainant"),
            body: complainant(c, lang),
        },
        Section {
            kind: SectionKind::Company,
            heading: t("被申诉企业与快件", "Company and parcel"),
            body: company(c, ds, lang),
        },
        Section {
            kind: SectionKind::Problem,
            heading: t("申诉事项", "The problem"),
            body: problem(c, ds, lang),
        },
        Section {
            kind: SectionKind::Facts,
            heading: t("事实与经过", "The facts"),
            body: if c.description.is_empty() {
                t("（未填写）", "(not given)")
            } else {
                c.description.clone()
            },
        },
        Section {
            kind: SectionKind::Request,
            heading: t("申诉请求", "The request"),
            body: request(c, lang),
        },
        Section {
            kind: SectionKind::FirstContact,
            heading: t("已与企业协商的情况", "What was done first"),
            body: first_contact(c, ctx.today, lang),
        },
        Section {
            kind: SectionKind::Guidance,
            heading: t("申诉须知", "What happens next"),
            body: guidance(lang, authority, Some(c.category)).join("\n"),
        },
    ];
    sections.push(Section {
        kind: SectionKind::Date,
        heading: t("日期", "Date"),
        body: match lang {
            Lang::Zh => format!("申诉日期：{}\n申诉人（签名）：", zh_date(ctx.today)),
            Lang::En => format!("Date: {}\nSignature:", ctx.today),
        },
    });

    let title = match lang {
        Lang::Zh => format!("邮政业用户申诉书（{}）", c.category.label(lang)),
        Lang::En => format!(
            "Complaint to the postal administration: {}",
            c.category.label(lang)
        ),
    };
    Letter {
        lang,
        title,
        sections,
    }
}

/// `2026年5月10日`.
pub fn zh_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// "label：value" / "label: value".
fn labelled(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Zh => format!("{label}：{value}"),
        Lang::En => format!("{label}: {value}"),
    }
}

fn complainant(c: &Complaint, lang: Lang) -> String {
    let lines: Vec<String> = [
        (Field::Name, &c.name),
        (Field::Phone, &c.phone),
        (Field::Email, &c.email),
    ]
    .into_iter()
    .filter_map(|(f, v)| Some(labelled(lang, f.label(lang), v.as_deref()?)))
    .collect();
    if lines.is_empty() {
        match lang {
            Lang::Zh => "（未填写）".into(),
            Lang::En => "(not given)".into(),
        }
    } else {
        lines.join("\n")
    }
}

fn company(c: &Complaint, ds: &Dataset, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut lines = Vec::new();
    if let Some(b) = &c.brand {
        lines.push(labelled(lang, Field::Brand.label(lang), b));
    }
    if let Some(w) = &c.waybill {
        lines.push(labelled(lang, Field::Waybill.label(lang), w));
    }
    let station = c.station_id.as_deref().and_then(|id| ds.station(id));
    if let Some(s) = station {
        let name = if zh {
            format!("{}（编号 {}）", s.name, s.id)
        } else {
            format!("{} (id {})", s.name, s.id)
        };
        lines.push(labelled(lang, Field::Station.label(lang), &name));
        if let Some(a) = &s.address {
            lines.push(labelled(
                lang,
                if zh {
                    "站点地址"
                } else {
                    "Station address"
                },
                a,
            ));
        }
        if !s.operator.trim().is_empty() {
            lines.push(labelled(
                lang,
                if zh { "运营单位" } else { "Operated by" },
                &s.operator,
            ));
        }
    }
    if let Some(v) = c
        .village_code
        .as_ref()
        .and_then(|code| ds.village(code.as_str()))
    {
        let name = if zh {
            format!("{}（{}）", v.name, v.code)
        } else {
            format!("{} ({})", v.name, v.code)
        };
        lines.push(labelled(lang, Field::Village.label(lang), &name));
    }
    let area = station
        .map(|s| s.admin_code.clone())
        .or_else(|| c.village_code.clone());
    if let Some(area) = area {
        let names: Vec<&str> = ds
            .ancestors(area.as_str())
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        let own = ds.name_of(area.as_str());
        let all: Vec<&str> = names.into_iter().chain(own).collect();
        if !all.is_empty() {
            let joined = if zh { all.concat() } else { all.join(", ") };
            lines.push(labelled(
                lang,
                if zh { "所在地区" } else { "Area" },
                &joined,
            ));
        }
    }
    if lines.is_empty() {
        match lang {
            Lang::Zh => "（未填写）".into(),
            Lang::En => "(not given)".into(),
        }
    } else {
        lines.join("\n")
    }
}

/// The problem in one or two sentences, without the facts: what the category means, filled in
/// with the category's fields. Also the Open311 description when the citizen wrote none.
pub fn problem_sentence(c: &Complaint, published_per_week: Option<u8>, lang: Lang) -> String {
    use Category::*;
    let zh = lang == Lang::Zh;
    match c.category {
        NonDelivery => match (&c.where_left, zh) {
            (Some(w), true) => format!("快件未按运单地址投递，而是被放在：{w}，事先未征得本人同意。"),
            (None, true) => "快件未按运单地址投递，事先未征得本人同意。".into(),
            (Some(w), false) => format!(
                "The parcel was not delivered to the address on the waybill; it was left at: {w}, without my consent."
            ),
            (None, false) => {
                "The parcel was not delivered to the address on the waybill, and I did not consent.".into()
            }
        },
        IllegalFee => {
            let amount = c.amount.map(|a| a.to_string()).unwrap_or_default();
            let mut s = match (&c.who_charged, zh) {
                (Some(w), true) => format!("取件时被收取费用 {amount} 元（收费方：{w}）。"),
                (None, true) => format!("取件时被收取费用 {amount} 元。"),
                (Some(w), false) => {
                    format!("I was charged {amount} yuan to collect the parcel (charged by: {w}).")
                }
                (None, false) => format!("I was charged {amount} yuan to collect the parcel."),
            };
            match (c.receipt, zh) {
                (Some(true), true) => s.push_str("有收据。"),
                (Some(false), true) => s.push_str("没有收据。"),
                (Some(true), false) => s.push_str(" I have a receipt."),
                (Some(false), false) => s.push_str(" I was given no receipt."),
                (None, _) => {}
            }
            s
        }
        FrequencyShortfall => {
            let n = c.actual_days_per_week.unwrap_or(0);
            match (published_per_week, zh) {
                (Some(p), true) => format!(
                    "本村实际每周只有 {n} 天有快递服务（公布为每周 {p} 次），未达到每天至少一次的标准。"
                ),
                (None, true) => {
                    format!("本村实际每周只有 {n} 天有快递服务，未达到每天至少一次的标准。")
                }
                (Some(p), false) => format!(
                    "The village actually gets parcels on only {n} days a week (published: {p} times a week), short of the standard of at least once a day."
                ),
                (None, false) => format!(
                    "The village actually gets parcels on only {n} days a week, short of the standard of at least once a day."
                ),
            }
        }
        StationNotOperating => {
            let what = c.what_is_wrong.as_deref().unwrap_or_default();
            if zh {
                format!("公布的站点信息与实际不符：{what}")
            } else {
                format!("The published station does not match reality: {what}")
            }
        }
        LostDamaged if zh => "快件丢失、短少或损毁。".into(),
        LostDamaged => "The parcel was lost, arrived short, or was damaged.".into(),
        Delay if zh => "快件延误，未在承诺时限内送达。".into(),
        Delay => "The parcel arrived late.".into(),
        ServiceAttitude if zh => "工作人员服务态度恶劣或行为不当。".into(),
        ServiceAttitude => "Staff behaved badly.".into(),
        Other if zh => "见事实与经过。".into(),
        Other => "See the facts.".into(),
    }
}

fn problem(c: &Complaint, ds: &Dataset, lang: Lang) -> String {
    let published = c
        .village_code
        .as_ref()
        .and_then(|code| ds.village(code.as_str()))
        .and_then(|v| v.deliveries_per_week);
    let mut lines = vec![
        labelled(lang, Field::Category.label(lang), c.category.label(lang)),
        problem_sentence(c, published, lang),
    ];
    if let Some(d) = c.date {
        let when = match c.time {
            Some(t) => format!("{d} {}", hh_mm::format(t)),
            None => d.to_string(),
        };
        let label = match lang {
            Lang::Zh => "发生时间",
            Lang::En => "When",
        };
        lines.push(labelled(lang, label, &when));
    }
    lines.join("\n")
}

fn request(c: &Complaint, lang: Lang) -> String {
    use Category::*;
    let amount = c.amount.map(|a| a.to_string()).unwrap_or_default();
    match (lang, c.category) {
        (Lang::Zh, NonDelivery) => "请责成快递企业按运单地址投递，并依法处理未经同意将快件投放到快递柜或快递服务站的行为。".into(),
        (Lang::Zh, IllegalFee) => format!("请责成有关方面退还违规收取的费用 {amount} 元，并依法查处违规收费行为。"),
        (Lang::Zh, FrequencyShortfall) => "请督促有关企业按公布的标准提供每天至少一次的快递服务。".into(),
        (Lang::Zh, StationNotOperating) => "请核实该站点的实际情况，并更正公布的信息。".into(),
        (Lang::Zh, LostDamaged) => "请责成快递企业依法依约赔偿。".into(),
        (Lang::Zh, Delay) => "请责成快递企业说明延误原因，并依约赔偿。".into(),
        (Lang::Zh, ServiceAttitude) => "请责成快递企业调查处理，改进服务。".into(),
        (Lang::Zh, Other) => "请依法调查处理。".into(),
        (Lang::En, NonDelivery) => "Please have the company deliver to the address on the waybill, and deal with parcels put in lockers or parcel stations without consent.".into(),
        (Lang::En, IllegalFee) => format!("Please have the {amount} yuan charged refunded, and deal with the illegal fee."),
        (Lang::En, FrequencyShortfall) => "Please have the companies deliver at least once a day, as published.".into(),
        (Lang::En, StationNotOperating) => "Please check the station and correct the published information.".into(),
        (Lang::En, LostDamaged) => "Please have the company pay compensation as the law and the contract require.".into(),
        (Lang::En, Delay) => "Please have the company explain the delay and pay compensation as the contract requires.".into(),
        (Lang::En, ServiceAttitude) => "Please have the company look into it and improve its service.".into(),
        (Lang::En, Other) => "Please look into it and deal with it according to the law.".into(),
    }
}

fn first_contact(c: &Complaint, today: NaiveDate, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match c.company_contacted {
        Some(true) => {
            let mut lines = Vec::new();
            match (c.contacted_on, zh) {
                (Some(on), true) => {
                    let days = (today - on).num_days();
                    lines.push(format!("已于 {on} 向快递企业投诉（距今 {days} 日）。"));
                }
                (Some(on), false) => {
                    let days = (today - on).num_days();
                    lines.push(format!(
                        "I complained to the company on {on} ({days} days ago)."
                    ));
                }
                (None, true) => lines.push("已向快递企业投诉。".into()),
                (None, false) => lines.push("I complained to the company.".into()),
            }
            lines.push(match (&c.company_answer, zh) {
                (Some(a), true) => format!("企业答复：{a}"),
                (None, true) => "企业未答复。".into(),
                (Some(a), false) => format!("Its answer: {a}"),
                (None, false) => "It has not answered.".into(),
            });
            lines.join("\n")
        }
        Some(false) if zh => "尚未向快递企业投诉。".into(),
        Some(false) => "I have not complained to the company yet.".into(),
        None if zh => "未说明。".into(),
        None => "Not stated.".into(),
    }
}
