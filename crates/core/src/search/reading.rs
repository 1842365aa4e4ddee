//! A name's reading in pinyin as an English reader sees it beside the Chinese: `凤城镇` is
//! *Fengcheng Zhen*, `西关社区居民委员会` *Xiguan Shequ Jumin Weiyuanhui*. Made from the
//! [`PinyinKeys`] the bundle already carries for search (its most common reading), so the site
//! needs no pinyin table of its own.
//!
//! The rules, after the national rules for writing place names in pinyin (GB/T 16159, and the
//! place-name rules it follows), as far as they can be applied without a dictionary of proper
//! names:
//! - The generic words of names in this data — the administrative terms (县, 镇, 村委会, 社区,
//!   居民, 委员会…) and the words of station names (快递, 综合, 服务站, 寄递, 物流…), listed in
//!   [`GENERIC`] — are words of their own; what comes before or between them is the proper name,
//!   written as one word: *Fengcheng* for 凤城.
//! - A one-character generic word (村, 镇, 县…) counts only after a proper name of two
//!   characters or more, or at the start: 东村村委会 is *Dongcun Cunweihui*, not *Dong Cun …*.
//! - Each word begins with a capital; tones are not written (the keys carry none); within a
//!   word, a syllable beginning with a, o or e after another takes an apostrophe (*Xi'an*).
//! - Latin letters and digits in a name are kept as they are; punctuation is left out.
//! - When the keys do not line up with the name's characters (a character the pinyin table
//!   lacks), the syllables are written one by one, each capitalised, rather than misjoined.
//! - The reading is the most common one of each character: for the few place names read
//!   otherwise (六安, *Lu'an*) it is what the search's keys say, not the local reading.

use super::PinyinKeys;

/// The generic words, longest first where one begins another.
pub const GENERIC: &[&str] = &[
    // Administrative terms.
    "委员会",
    "村委会",
    "居委会",
    "社区",
    "居民",
    "村民",
    "街道办事处",
    "街道",
    "办事处",
    "自治县",
    "自治州",
    "自治区",
    "开发区",
    "管委会",
    // Station names.
    "县级",
    "乡级",
    "镇级",
    "村级",
    "区级",
    "市级",
    "乡镇",
    "寄递",
    "物流",
    "快递",
    "快件",
    "综合",
    "服务站",
    "服务点",
    "服务中心",
    "服务",
    "便民",
    "仓配",
    "共配",
    "配送",
    "集散",
    "中心",
    "驿站",
    "邮政",
    "邮局",
    "网点",
    "有限公司",
    "公司",
    // One character.
    "省",
    "市",
    "县",
    "区",
    "乡",
    "镇",
    "村",
    "站",
    "点",
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// One piece of a name: a Chinese character with its syllable, or a run of Latin letters and
/// digits kept as written.
struct Unit {
    han: Option<char>,
    text: String,
}

/// The name's reading (see the module's rules); `None` when the keys have none.
pub fn reading(name: &str, keys: &PinyinKeys) -> Option<String> {
    let first = keys.full().into_iter().next()?;
    let syllables: Vec<&str> = first.split(' ').filter(|s| !s.is_empty()).collect();
    if syllables.is_empty() {
        return None;
    }
    // The name's pieces, as the keys were made (`keys_for`): a Latin run is one token.
    let mut units: Vec<Unit> = Vec::new();
    let mut run = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            units.push(Unit {
                han: None,
                text: std::mem::take(&mut run),
            });
        }
        if is_han(c) {
            units.push(Unit {
                han: Some(c),
                text: String::new(),
            });
        }
    }
    if !run.is_empty() {
        units.push(Unit {
            han: None,
            text: run,
        });
    }
    if units.len() != syllables.len() {
        return Some(
            syllables
                .iter()
                .map(|s| capitalised(s))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    for (u, s) in units.iter_mut().zip(&syllables) {
        if u.han.is_some() {
            u.text = s.to_string();
        }
    }

    // Words: runs of units, a generic word alone.
    let chars: Vec<Option<char>> = units.iter().map(|u| u.han).collect();
    let generic_at = |i: usize| -> Option<usize> {
        GENERIC
            .iter()
            .map(|w| w.chars().collect::<Vec<_>>())
            .filter(|w| {
                i + w.len() <= chars.len() && w.iter().zip(&chars[i..]).all(|(a, b)| Some(*a) == *b)
            })
            .map(|w| w.len())
            .max()
    };
    let mut words: Vec<Vec<&Unit>> = Vec::new();
    let mut proper: Vec<&Unit> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if units[i].han.is_none() {
            // Letters and digits stand alone.
            if !proper.is_empty() {
                words.push(std::mem::take(&mut proper));
            }
            words.push(vec![&units[i]]);
            i += 1;
            continue;
        }
        match generic_at(i) {
            Some(n) if n > 1 || proper.is_empty() || proper.len() >= 2 => {
                if !proper.is_empty() {
                    words.push(std::mem::take(&mut proper));
                }
                words.push(units[i..i + n].iter().collect());
                i += n;
            }
            _ => {
                proper.push(&units[i]);
                i += 1;
            }
        }
    }
    if !proper.is_empty() {
        words.push(proper);
    }
    Some(
        words
            .iter()
            .map(|w| word(w))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Syllables joined into a word, capitalised, with an apostrophe before a syllable that begins
/// with a vowel (a, o, e) after another.
fn word(units: &[&Unit]) -> String {
    let mut out = String::new();
    for (k, u) in units.iter().enumerate() {
        if u.han.is_none() {
            out.push_str(&u.text);
            continue;
        }
        if k > 0 && u.text.starts_with(['a', 'o', 'e']) {
            out.push('\'');
        }
        out.push_str(&u.text);
    }
    capitalised(&out)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> PinyinKeys {
        PinyinKeys::try_from(s.to_string()).unwrap()
    }

    #[test]
    fn place_names_read_as_proper_name_and_generic_words() {
        let cases = [
            ("凤城镇", "feng cheng zhen", "Fengcheng Zhen"),
            ("阳城县", "yang cheng xian", "Yangcheng Xian"),
            (
                "西关社区居民委员会",
                "xi guan she qu ju min wei yuan hui|3=ou",
                "Xiguan Shequ Jumin Weiyuanhui",
            ),
            ("卧庄村委会", "wo zhuang cun wei hui", "Wozhuang Cunweihui"),
            ("东村村委会", "dong cun cun wei hui", "Dongcun Cunweihui"),
            ("西关村", "xi guan cun", "Xiguan Cun"),
            (
                "阳城县县级寄递物流仓配中心",
                "yang cheng xian xian ji ji di wu liu cang pei zhong xin",
                "Yangcheng Xian Xianji Jidi Wuliu Cangpei Zhongxin",
            ),
            (
                "凤城镇快递综合服务站",
                "feng cheng zhen kuai di zong he fu wu zhan|5=zeng",
                "Fengcheng Zhen Kuaidi Zonghe Fuwuzhan",
            ),
            ("西安村", "xi an cun", "Xi'an Cun"),
            ("山西省", "shan xi sheng", "Shanxi Sheng"),
        ];
        for (name, k, want) in cases {
            assert_eq!(reading(name, &keys(k)).as_deref(), Some(want), "{name}");
        }
    }

    #[test]
    fn letters_digits_and_punctuation() {
        // Letters and digits as written; brackets have no reading.
        assert_eq!(
            reading("中通快递（3号）", &keys("zhong tong kuai di 3 hao")).as_deref(),
            Some("Zhongtong Kuaidi 3 Hao")
        );
        assert_eq!(
            reading("EMS网点", &keys("ems wang dian")).as_deref(),
            Some("EMS Wangdian")
        );
    }

    #[test]
    fn keys_that_do_not_line_up_are_written_syllable_by_syllable() {
        // A character the table lacks has no syllable: no guess at which is which.
        assert_eq!(
            reading("凤𬌗城", &keys("feng cheng")).as_deref(),
            Some("Feng Cheng")
        );
        assert_eq!(reading("凤城", &PinyinKeys::default()), None);
    }
}
