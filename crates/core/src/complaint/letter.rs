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
        let heading = msg!(self.lang, "letter-section", { "heading" => &s.heading });
        format!("{heading}\n{}", s.body)
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
    let to = match authority {
        Some(a) => {
            let mut lines = vec![a.name.clone()];
            lines.extend(authority_contacts(a, lang));
            lines.join("\n")
        }
        None => msg!(lang, "letter-to-default", {
            "phone" => APPEAL_PHONE, "website" => APPEAL_WEBSITE
        }),
    };

    let mut sections = vec![
        Section {
            kind: SectionKind::To,
            heading: msg!(lang, "letter-heading-to"),
            body: to,
        },
        Section {
            kind: SectionKind::Complainant,
            heading: msg!(lang, "letter-heading-complainant"),
            body: complainant(c, lang),
        },
        Section {
            kind: SectionKind::Company,
            heading: msg!(lang, "letter-heading-company"),
            body: company(c, ds, lang),
        },
        Section {
            kind: SectionKind::Problem,
            heading: msg!(lang, "letter-heading-problem"),
            body: problem(c, ds, lang),
        },
        Section {
            kind: SectionKind::Facts,
            heading: msg!(lang, "letter-heading-facts"),
            body: if c.description.is_empty() {
                msg!(lang, "letter-not-given")
            } else {
                c.description.clone()
            },
        },
        Section {
            kind: SectionKind::Request,
            heading: msg!(lang, "letter-heading-request"),
            body: request(c, lang),
        },
        Section {
            kind: SectionKind::FirstContact,
            heading: msg!(lang, "letter-heading-first-contact"),
            body: first_contact(c, ctx.today, lang),
        },
        Section {
            kind: SectionKind::Guidance,
            heading: msg!(lang, "letter-heading-guidance"),
            body: guidance(lang, authority, Some(c.category)).join("\n"),
        },
    ];
    sections.push(Section {
        kind: SectionKind::Date,
        heading: msg!(lang, "letter-heading-date"),
        body: match lang {
            Lang::Zh => msg!(lang, "letter-date", { "date" => zh_date(ctx.today) }),
            Lang::En => msg!(lang, "letter-date", { "date" => ctx.today.to_string() }),
        },
    });

    let title = msg!(lang, "letter-title", { "category" => c.category.label(lang) });
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
    msg!(lang, "letter-labelled", { "label" => label, "value" => value })
}

fn complainant(c: &Complaint, lang: Lang) -> String {
    let lines: Vec<String> = [
        (Field::Name, &c.name),
        (Field::Phone, &c.phone),
        (Field::Email, &c.email),
    ]
    .into_iter()
    .filter_map(|(f, v)| Some(labelled(lang, &f.label(lang), v.as_deref()?)))
    .collect();
    if lines.is_empty() {
        msg!(lang, "letter-not-given")
    } else {
        lines.join("\n")
    }
}

fn company(c: &Complaint, ds: &Dataset, lang: Lang) -> String {
    let mut lines = Vec::new();
    if let Some(b) = &c.brand {
        lines.push(labelled(lang, &Field::Brand.label(lang), b));
    }
    if let Some(w) = &c.waybill {
        lines.push(labelled(lang, &Field::Waybill.label(lang), w));
    }
    let station = c.station_id.as_deref().and_then(|id| ds.station(id));
    if let Some(s) = station {
        let name = msg!(lang, "letter-station", { "name" => &s.name, "id" => &s.id });
        lines.push(labelled(lang, &Field::Station.label(lang), &name));
        if let Some(a) = &s.address {
            lines.push(labelled(lang, &msg!(lang, "letter-station-address"), a));
        }
        if !s.operator.trim().is_empty() {
            lines.push(labelled(lang, &msg!(lang, "letter-operator"), &s.operator));
        }
    }
    if let Some(v) = c
        .village_code
        .as_ref()
        .and_then(|code| ds.village(code.as_str()))
    {
        let name = msg!(lang, "letter-village", { "name" => &v.name, "code" => v.code.as_str() });
        lines.push(labelled(lang, &Field::Village.label(lang), &name));
    }
    if let Some(a) = &c.address {
        lines.push(labelled(lang, &Field::Address.label(lang), a));
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
            let joined = all.join(&msg!(lang, "letter-area-sep"));
            lines.push(labelled(lang, &msg!(lang, "letter-area"), &joined));
        }
    }
    if lines.is_empty() {
        msg!(lang, "letter-not-given")
    } else {
        lines.join("\n")
    }
}

/// The problem in one or two sentences, without the facts: what the category means, filled in
/// with the category's fields. Also the Open311 description when the citizen wrote none.
pub fn problem_sentence(c: &Complaint, published_per_week: Option<u8>, lang: Lang) -> String {
    use Category::*;
    match c.category {
        NonDelivery => match &c.where_left {
            Some(w) => msg!(lang, "letter-non-delivery-where", { "where" => w }),
            None => msg!(lang, "letter-non-delivery"),
        },
        IllegalFee => {
            let amount = c.amount.map(|a| a.to_string()).unwrap_or_default();
            let mut s = match &c.who_charged {
                Some(w) => msg!(lang, "letter-fee-who", { "amount" => &amount, "who" => w }),
                None => msg!(lang, "letter-fee", { "amount" => amount }),
            };
            match c.receipt {
                Some(true) => s.push_str(&msg!(lang, "letter-receipt")),
                Some(false) => s.push_str(&msg!(lang, "letter-no-receipt")),
                None => {}
            }
            s
        }
        FrequencyShortfall => {
            let n = c.actual_days_per_week.unwrap_or(0);
            match published_per_week {
                Some(p) => {
                    msg!(lang, "letter-frequency-published", { "n" => n, "published" => p })
                }
                None => msg!(lang, "letter-frequency", { "n" => n }),
            }
        }
        StationNotOperating => {
            let what = c.what_is_wrong.as_deref().unwrap_or_default();
            msg!(lang, "letter-station-wrong", { "what" => what })
        }
        LostDamaged => msg!(lang, "letter-lost-damaged"),
        Delay => msg!(lang, "letter-delay"),
        ServiceAttitude => msg!(lang, "letter-service-attitude"),
        Other => msg!(lang, "letter-other"),
    }
}

fn problem(c: &Complaint, ds: &Dataset, lang: Lang) -> String {
    let published = c
        .village_code
        .as_ref()
        .and_then(|code| ds.village(code.as_str()))
        .and_then(|v| v.deliveries_per_week);
    let mut lines = vec![
        labelled(lang, &Field::Category.label(lang), &c.category.label(lang)),
        problem_sentence(c, published, lang),
    ];
    if let Some(d) = c.date {
        let when = match c.time {
            Some(t) => format!("{d} {}", hh_mm::format(t)),
            None => d.to_string(),
        };
        lines.push(labelled(lang, &msg!(lang, "letter-when"), &when));
    }
    lines.join("\n")
}

fn request(c: &Complaint, lang: Lang) -> String {
    use Category::*;
    match c.category {
        NonDelivery => msg!(lang, "letter-request-non-delivery"),
        IllegalFee => {
            let amount = c.amount.map(|a| a.to_string()).unwrap_or_default();
            msg!(lang, "letter-request-illegal-fee", { "amount" => amount })
        }
        FrequencyShortfall => msg!(lang, "letter-request-frequency-shortfall"),
        StationNotOperating => msg!(lang, "letter-request-station-not-operating"),
        LostDamaged => msg!(lang, "letter-request-lost-damaged"),
        Delay => msg!(lang, "letter-request-delay"),
        ServiceAttitude => msg!(lang, "letter-request-service-attitude"),
        Other => msg!(lang, "letter-request-other"),
    }
}

fn first_contact(c: &Complaint, today: NaiveDate, lang: Lang) -> String {
    match c.company_contacted {
        Some(true) => {
            let contacted = match c.contacted_on {
                Some(on) => msg!(lang, "letter-contacted-on", {
                    "date" => on.to_string(), "days" => (today - on).num_days()
                }),
                None => msg!(lang, "letter-contacted"),
            };
            let answer = match &c.company_answer {
                Some(a) => msg!(lang, "letter-answer", { "answer" => a }),
                None => msg!(lang, "letter-no-answer"),
            };
            format!("{contacted}\n{answer}")
        }
        Some(false) => msg!(lang, "letter-not-contacted"),
        None => msg!(lang, "letter-contact-not-stated"),
    }
}
