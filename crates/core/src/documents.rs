//! The policy documents the targets quote, shipped in the package as text (`documents/*.txt`,
//! each a `sources` entry of `datapackage.json` with its `path`), so that a reader can check a
//! target against the sentence that set it.
//!
//! The rules (docs/DATA.md, "The documents' text"):
//! - **Which document a target cites**: the source whose title holds the target's `doc_title`
//!   in 《》 (without a note in brackets at its end, `（附件2）`) — the descriptor names each
//!   document as `文号《题目》` — or, failing that, its `doc_no`. A target whose document is not shipped has no link.
//! - **The quote** is the target's `note`. The text comes from the published document as it
//!   was extracted, with line breaks where the page broke, so the quote is looked for with all
//!   whitespace ignored. Each part between `；` is looked for whole; a part that is not there
//!   whole (the note joins two places, or adds a figure in brackets) is looked for as its
//!   pieces between commas, colons and brackets, each of at least [`MIN_PIECE`] characters.
//!   What is found is marked; the page says when some of the quote is not in the text
//!   verbatim, rather than marking something else.

use crate::model::Target;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A document shipped with the package: its title as the descriptor gives it, and its path
/// inside the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    pub path: String,
}

impl Document {
    /// The name a page's URL uses: the file's name without its folder and extension
    /// (`documents/yangcheng-2022-45.txt` is `yangcheng-2022-45`).
    pub fn slug(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.strip_suffix(".txt").unwrap_or(name)
    }
}

/// Whether a source's `path` is a text file inside the package (not a URL, not outside it):
/// those are the documents the bundle copies and the site shows.
pub fn is_document_path(path: &str) -> bool {
    path.ends_with(".txt")
        && !path.contains("://")
        && !path.starts_with('/')
        && !path.split('/').any(|p| p == ".." || p.is_empty())
}

/// The document a target cites, among those shipped (see the module's rules).
pub fn for_target<'a>(documents: &'a [Document], target: &Target) -> Option<&'a Document> {
    let title = target.doc_title.trim();
    // `方案（附件2）` is cited as `《方案》（附件2）`: a note in brackets after the title is not
    // part of it.
    let bare = match title.rfind('（') {
        Some(i) if title.ends_with('）') && i > 0 => &title[..i],
        _ => title,
    };
    documents
        .iter()
        .find(|d| !bare.is_empty() && d.title.contains(&format!("《{bare}》")))
        .or_else(|| {
            let no = target.doc_no.trim();
            documents
                .iter()
                .find(|d| !no.is_empty() && !no.starts_with('（') && d.title.contains(no))
        })
}

/// The shortest piece of a quote marked on its own: shorter ones ("11月") occur everywhere.
pub const MIN_PIECE: usize = 4;

/// Where a quote stands in a document's text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// Byte ranges of the text to mark, in order, not overlapping.
    pub ranges: Vec<Range<usize>>,
    /// Whether every part of the quote was found whole.
    pub whole: bool,
}

/// Finds a quote in a text, whitespace ignored (see the module's rules).
pub fn find_quote(text: &str, quote: &str) -> Found {
    find_quotes(text, &[quote])
}

/// Finds several quotes in a text at once (a document's page marks every target citing it):
/// the marks of all of them, each byte once; `whole` when every quote was found whole.
pub fn find_quotes(text: &str, quotes: &[&str]) -> Found {
    // The text's characters without whitespace, each with its byte range in the text.
    let chars: Vec<(char, Range<usize>)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (c, i..i + c.len_utf8()))
        .collect();
    let find = |piece: &[char]| -> Option<Range<usize>> {
        if piece.is_empty() || piece.len() > chars.len() {
            return None;
        }
        (0..=chars.len() - piece.len())
            .find(|&start| {
                chars[start..start + piece.len()]
                    .iter()
                    .zip(piece)
                    .all(|((c, _), p)| c == p)
            })
            .map(|start| chars[start].1.start..chars[start + piece.len() - 1].1.end)
    };
    let stripped = |s: &str| -> Vec<char> { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let mut ranges = Vec::new();
    let mut whole = true;
    let mut any = false;
    for part in quotes.iter().flat_map(|q| q.split(['；', ';'])) {
        let part = stripped(part);
        if part.is_empty() {
            continue;
        }
        any = true;
        if let Some(r) = find(&part) {
            ranges.push(r);
            continue;
        }
        whole = false;
        let pieces = part.split(|c| "，,。：:（）()、".contains(*c));
        ranges.extend(pieces.filter(|p| p.len() >= MIN_PIECE).filter_map(&find));
    }
    ranges.sort_by_key(|r| r.start);
    // Two parts (or two quotes) may find the same words: keep each byte marked once.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    Found {
        ranges: merged,
        whole: whole && any,
    }
}

/// A text cut into runs, each marked or not, in order: what a page shows.
pub fn runs<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、目标\n6月底，至少60%的乡（镇）、行政村完成标准化\n\n站点的建设。9月底实现基本全覆盖。\n时限：2022年9月底前";

    fn marked(text: &str, found: &Found) -> Vec<String> {
        found
            .ranges
            .iter()
            .map(|r| {
                text[r.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_quote_broken_across_lines_is_found_whole() {
        let f = find_quote(TEXT, "6月底，至少60%的乡（镇）、行政村完成标准化站点的建设");
        assert!(f.whole);
        assert_eq!(
            marked(TEXT, &f),
            ["6月底，至少60%的乡（镇）、行政村完成标准化站点的建设"]
        );
        // The range covers the line break it spans, and runs give the text back whole.
        let all: String = runs(TEXT, &f.ranges).iter().map(|(s, _)| *s).collect();
        assert_eq!(all, TEXT);
        assert_eq!(runs(TEXT, &f.ranges).iter().filter(|(_, m)| *m).count(), 1);
    }

    #[test]
    fn each_part_is_found_and_a_missing_part_is_said() {
        let f = find_quote(TEXT, "9月底实现基本全覆盖；时限：2022年9月底前");
        assert!(f.whole);
        assert_eq!(
            marked(TEXT, &f),
            ["9月底实现基本全覆盖", "时限：2022年9月底前"]
        );

        // A part not there whole: its long enough pieces are marked, and the quote is not whole.
        let f = find_quote(TEXT, "至少60%的乡（镇）、行政村完成全部；11月全面完成");
        assert!(!f.whole);
        assert_eq!(marked(TEXT, &f), ["至少60%的乡"]);

        let f = find_quote(TEXT, "无中生有的句子");
        assert!(!f.whole);
        assert!(f.ranges.is_empty());
        assert!(!find_quote(TEXT, " ").whole);
    }

    #[test]
    fn several_quotes_are_marked_together_each_byte_once() {
        let f = find_quotes(
            TEXT,
            &["9月底实现基本全覆盖", "实现基本全覆盖；时限：2022年9月底前"],
        );
        assert!(f.whole);
        assert_eq!(
            marked(TEXT, &f),
            ["9月底实现基本全覆盖", "时限：2022年9月底前"]
        );
        let f = find_quotes(TEXT, &["9月底实现基本全覆盖", "无中生有的句子"]);
        assert!(!f.whole, "one quote not found");
        assert_eq!(marked(TEXT, &f), ["9月底实现基本全覆盖"]);
        assert!(!find_quotes(TEXT, &[]).whole);
    }

    #[test]
    fn overlapping_finds_are_marked_once() {
        let f = find_quote(TEXT, "9月底实现基本全覆盖；实现基本全覆盖");
        assert_eq!(marked(TEXT, &f), ["9月底实现基本全覆盖"]);
    }

    #[test]
    fn document_paths_stay_in_the_package() {
        assert!(is_document_path("documents/yangcheng-2022-45.txt"));
        for bad in [
            "https://example.org/a.txt",
            "/etc/passwd.txt",
            "../a.txt",
            "documents//a.txt",
            "documents/a.pdf",
        ] {
            assert!(!is_document_path(bad), "{bad}");
        }
        let d = Document {
            title: String::new(),
            path: "documents/yangcheng-2022-45.txt".into(),
        };
        assert_eq!(d.slug(), "yangcheng-2022-45");
    }
}
