//! What publishers actually have, turned into what the core reads: CSV in UTF-8 (with or without
//! a BOM), GBK or GB18030 — detected, or as stated with `--encoding` — and `.xlsx` workbooks in
//! place of a CSV (`stations.xlsx` for `stations.csv`, its first sheet, one row a line). Headers
//! in Chinese are the core's business (`package::HEADER_ALIASES`), and so are coordinates in
//! GCJ-02 or BD-09 (`read::ReadOptions`).

use calamine::{open_workbook_auto, Data, Reader};
use cundi_core::{Problem, ProblemKind};
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8};
use std::path::Path;

/// The encodings `--encoding` can state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf-8")]
    Utf8,
    Gbk,
    Gb18030,
}

impl EncodingArg {
    fn encoding(self) -> &'static Encoding {
        match self {
            EncodingArg::Utf8 => UTF_8,
            EncodingArg::Gbk => GBK,
            EncodingArg::Gb18030 => GB18030,
        }
    }
}

/// Bytes that are not text in the encoding they were read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText {
    /// The encoding's name as encoding_rs gives it (`UTF-8`, `GBK`, `gb18030`).
    pub encoding: &'static str,
    /// The line (from 1) of the first byte that is not.
    pub line: u64,
    /// Whether the publisher stated the encoding; if not, the bytes were neither UTF-8 nor
    /// GB18030.
    pub stated: bool,
}

impl NotText {
    /// The problem it is, at its line of `file`.
    pub fn problem(&self, file: &str) -> Problem {
        let kind = ProblemKind::NotText {
            encoding: self.encoding.to_string(),
            stated: self.stated,
        };
        Problem::error(file, Some(self.line), None, kind)
    }
}

/// A CSV's bytes as UTF-8, and the encoding they were read in when it was not UTF-8. Without a
/// stated encoding, bytes that are valid UTF-8 are UTF-8 and any others are read as GB18030
/// (which contains GBK). Bytes that are not valid in the encoding used are an error naming the
/// line.
pub fn decode(
    bytes: Vec<u8>,
    stated: Option<EncodingArg>,
) -> Result<(Vec<u8>, Option<&'static str>), NotText> {
    let encoding = match stated {
        Some(e) => e.encoding(),
        None if std::str::from_utf8(&bytes).is_ok() => UTF_8,
        None => GB18030,
    };
    let not_text = |at: usize| NotText {
        encoding: encoding.name(),
        line: line_at(&bytes, at),
        stated: stated.is_some(),
    };
    if encoding == UTF_8 {
        return match std::str::from_utf8(&bytes) {
            Ok(_) => Ok((bytes, None)),
            Err(e) => Err(not_text(e.valid_up_to())),
        };
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    // At most 3 bytes of UTF-8 for each 2 of GBK: the text always fits.
    let mut text = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(&bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok((text.into_bytes(), Some(encoding.name()))),
        DecoderResult::Malformed(..) | DecoderResult::OutputFull => Err(not_text(read)),
    }
}

/// The line (from 1) that byte offset `at` lies on.
fn line_at(bytes: &[u8], at: usize) -> u64 {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

/// The first sheet of a workbook as CSV text, one sheet row a record, and the sheet's name. A
/// problem's line is the sheet's row, unless a cell above it holds a line break (kept, as it
/// is part of the text). Numbers that are whole (codes, counts) are written
/// without a decimal point, dates as YYYY-MM-DD, true and false as such.
pub fn xlsx_as_csv(path: &Path) -> Result<(Vec<u8>, String), String> {
    let mut workbook = open_workbook_auto(path).map_err(|e| e.to_string())?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or("the workbook has no sheet")?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| format!("sheet {sheet}: {e}"))?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in range.rows() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        out.write_record(&cells).map_err(|e| e.to_string())?;
    }
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    Ok((bytes, sheet))
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_stays_as_it_is_and_gbk_is_detected() {
        let text = "code,name\n140522,阳城县\n";
        assert_eq!(
            decode(text.as_bytes().to_vec(), None).unwrap(),
            (text.as_bytes().to_vec(), None)
        );
        let (gbk, _, _) = GBK.encode(text);
        let (bytes, used) = decode(gbk.to_vec(), None).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), text);
        assert_eq!(used, Some("gb18030"));
        let (bytes, used) = decode(gbk.to_vec(), Some(EncodingArg::Gbk)).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), text);
        assert_eq!(used, Some("GBK"));
    }

    #[test]
    fn bytes_invalid_in_the_encoding_are_an_error_naming_the_line() {
        let mut bytes = b"code,name\n140522,ok\n140523,".to_vec();
        bytes.extend([0xFF, 0xFF, b'\n']);
        let e = decode(bytes.clone(), Some(EncodingArg::Utf8)).unwrap_err();
        assert_eq!((e.encoding, e.line, e.stated), ("UTF-8", 3, true));
        let e = decode(bytes.clone(), Some(EncodingArg::Gbk)).unwrap_err();
        assert_eq!((e.encoding, e.line, e.stated), ("GBK", 3, true));
        let e = decode(bytes, None).unwrap_err();
        assert_eq!((e.encoding, e.line, e.stated), ("gb18030", 3, false));
    }
}
