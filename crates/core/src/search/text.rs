//! A query or a name as the search compares it: lower-cased, half-width, without spaces, and as
//! tone-less pinyin letters when it can be pinyin.

/// Whether a query has nothing to look for (empty, or only spaces): every search answers it with
/// no hits, so a caller need not build or load an index for it.
pub fn is_blank(query: &str) -> bool {
    query.chars().map(half_width).all(is_dropped)
}

/// Lower-cases, folds full-width ASCII (what a Chinese input method types) to half-width, and drops
/// spaces and control characters.
pub(super) fn normalize_into(s: &str, out: &mut String) {
    for c in s.chars().map(half_width) {
        if !is_dropped(c) {
            out.push(fold_case(c));
        }
    }
}

/// What a query or a name loses when normalized: spaces (full-width too) and control characters.
pub(super) fn is_dropped(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// `s` through [`fold_case`].
pub(super) fn lowercase(s: &str) -> String {
    s.chars().map(fold_case).collect()
}

/// Lower-cases ASCII and the non-ASCII capitals of pinyin (Latin-1's accented letters, the macron,
/// caron and other tone-marked vowels, `Ü`, `Ń`, `Ň`, `Ǹ`, `Ḿ`). Other scripts are left as they
/// are: names are Chinese, keys are codes and ids, and this keeps the Unicode case tables out of
/// the wasm.
pub(super) fn fold_case(c: char) -> char {
    let lower = match c {
        'A'..='Z' => c as u32 + 0x20,
        // Latin-1 capitals À..Þ, except ×.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => c as u32 + 0x20,
        'Ā' | 'Ē' | 'Ě' | 'Ī' | 'Ń' | 'Ň' | 'Ō' | 'Ū' | 'Ǹ' | 'Ḿ' => c as u32 + 1,
        // Ǎ Ǐ Ǒ Ǔ Ǖ Ǘ Ǚ Ǜ: capitals at odd code points, each followed by its small letter.
        '\u{1CD}'..='\u{1DB}' if c as u32 % 2 == 1 => c as u32 + 1,
        _ => return c,
    };
    char::from_u32(lower).unwrap_or(c)
}

pub(super) fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A normalized query as pinyin letters: tone marks and tone numbers dropped, `ü` and `v` read as
/// `u` (keys are folded the same way), apostrophes and hyphens between syllables ignored. `None`
/// when the query has anything else (Chinese characters, or digits that are not tone numbers).
pub(super) fn pinyin_form(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    for c in text.chars() {
        if let Some(letter) = fold_latin(c) {
            out.push(letter);
            after_letter = true;
            continue;
        }
        match c {
            '1'..='5' if after_letter => after_letter = false,
            '\'' | '’' | '-' | '·' => after_letter = false,
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A Latin letter, tone marks removed and `ü`/`v` read as `u`; `None` for anything else.
pub(super) fn fold_latin(c: char) -> Option<char> {
    Some(match c.to_ascii_lowercase() {
        c @ ('a'..='u' | 'w'..='z') => c,
        'v' | 'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ń' | 'ň' | 'ǹ' => 'n',
        'ḿ' => 'm',
        _ => return None,
    })
}
