//! The e-mail channel: a `mailto:` link (RFC 6068) to the county's authority with the subject and
//! the letter as the body.
//!
//! Personal data never goes into a URL, and a `mailto:` link is one: the body is the letter of the
//! complaint *without* name, phone and e-mail, and asks the citizen to add them in their mail
//! program if they want an answer. The body starts with the problem: the subject carries the
//! title, the address the addressee, and the guidance is written for the citizen.
//!
//! Some mail programs (Outlook among them) and older browsers refuse or cut `mailto:` links longer
//! than about 2,000 characters, and a Chinese character takes nine once percent-encoded
//! (`%E5%85%AC`), so a long body is cut at a line break with a note pointing to the downloaded
//! letter.

use super::letter::{letter, Section, SectionKind};
use super::validate::Context;
use super::Complaint;
use crate::problem::Lang;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The longest link [`mailto`] makes, in characters (all ASCII once encoded).
pub const MAILTO_MAX_LEN: usize = 2_000;

/// RFC 3986 unreserved characters stay; everything else is percent-encoded, so a space is `%20`
/// (not `+`, which mail programs show as a plus) and a line break `%0D%0A`.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The address part may keep its `@`.
const ADDRESS: &AsciiSet = &QUERY.remove(b'@');

/// A `mailto:` link of at most [`MAILTO_MAX_LEN`] characters.
pub fn mailto(complaint: &Complaint, ctx: &Context, to: &str, lang: Lang) -> String {
    mailto_with_limit(complaint, ctx, to, lang, MAILTO_MAX_LEN)
}

/// A `mailto:` link of at most `max_len` characters (unless the address and the subject alone
/// are longer: they are never cut).
pub fn mailto_with_limit(
    complaint: &Complaint,
    ctx: &Context,
    to: &str,
    lang: Lang,
    max_len: usize,
) -> String {
    let head = format!(
        "mailto:{}?subject={}&body=",
        utf8_percent_encode(to.trim(), ADDRESS),
        utf8_percent_encode(&subject(complaint, lang), QUERY),
    );
    let body = body(complaint, ctx, lang);
    let budget = max_len.saturating_sub(head.len());
    format!("{head}{}", encode_within(&body, budget, &cut_note(lang)))
}

/// "邮政业用户申诉：违规收费（运单号 YT123…）": the category, and the waybill number, which is no
/// personal data and lets the authority match the mail to the parcel.
pub fn subject(complaint: &Complaint, lang: Lang) -> String {
    let label = complaint.category.label(lang);
    match &complaint.waybill {
        Some(w) => msg!(lang, "mail-subject-waybill", { "category" => label, "waybill" => w }),
        None => msg!(lang, "mail-subject", { "category" => label }),
    }
}

/// What the mail body holds, the most important first, since a long body is cut: the subject
/// already carries the title and the address the addressee; the guidance is for the citizen; and
/// a mail is dated and signed by its sender.
const MAIL_SECTIONS: [SectionKind; 6] = [
    SectionKind::Problem,
    SectionKind::Company,
    SectionKind::Facts,
    SectionKind::Request,
    SectionKind::FirstContact,
    SectionKind::Complainant,
];

/// The letter's sections without personal data, lines joined by CRLF as RFC 6068 asks for line
/// breaks in a body.
fn body(complaint: &Complaint, ctx: &Context, lang: Lang) -> String {
    let l = letter(&complaint.without_personal_data(), ctx, lang);
    let sections: Vec<String> = MAIL_SECTIONS
        .iter()
        .filter_map(|kind| l.section(*kind))
        .map(|s| {
            if s.kind == SectionKind::Complainant {
                l.section_text(&Section {
                    body: msg!(lang, "mail-no-personal-data"),
                    ..s.clone()
                })
            } else {
                l.section_text(s)
            }
        })
        .collect();
    sections.join("\n\n").replace('\n', "\r\n")
}

/// Short, since every character of it is taken from the body's share of the link.
fn cut_note(lang: Lang) -> String {
    format!("\r\n\r\n{}", msg!(lang, "mail-cut"))
}

/// How long a character is once percent-encoded by [`QUERY`].
fn encoded_len(c: char) -> usize {
    if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') {
        1
    } else {
        3 * c.len_utf8()
    }
}

/// The body encoded whole if it fits in `budget`, else its longest start that fits together with
/// the note. The cut falls between sections, else after a sentence, when one lies in the last
/// quarter of what fits (so a section's heading is not left without its text); else between two
/// characters.
fn encode_within(body: &str, budget: usize, note: &str) -> String {
    let full: usize = body.chars().map(encoded_len).sum();
    if full <= budget {
        return utf8_percent_encode(body, QUERY).to_string();
    }
    let note_len: usize = note.chars().map(encoded_len).sum();
    let room = budget.saturating_sub(note_len);
    let (mut end, mut used) = (0, 0);
    let (mut section_end, mut sentence_end) = (None, None);
    for (i, c) in body.char_indices() {
        let n = encoded_len(c);
        if used + n > room {
            break;
        }
        used += n;
        end = i + c.len_utf8();
        match c {
            '\n' if body[..i].ends_with("\r\n\r") => section_end = Some((i - 3, used)),
            '。' | '！' | '？' | '；' | '.' | '!' | '?' | ';' => {
                sentence_end = Some((end, used))
            }
            _ => {}
        }
    }
    let late = |at: Option<(usize, usize)>| at.filter(|(_, u)| u * 4 >= used * 3).map(|(e, _)| e);
    let end = late(section_end).or(late(sentence_end)).unwrap_or(end);
    let mut out = utf8_percent_encode(body[..end].trim_end(), QUERY).to_string();
    if out.len() + note_len <= budget {
        out.push_str(&utf8_percent_encode(note, QUERY).to_string());
    }
    out
}
