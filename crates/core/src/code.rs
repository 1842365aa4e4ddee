//! Statistical division codes (统计用区划代码): always strings of digits, whose length gives the level
//! and whose prefix gives the parent.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The level of an administrative division, from the province down to the village.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    County,
    Township,
    Village,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Province,
        Level::City,
        Level::County,
        Level::Township,
        Level::Village,
    ];

    /// Number of digits of a code at this level.
    pub fn digits(self) -> usize {
        match self {
            Level::Province => 2,
            Level::City => 4,
            Level::County => 6,
            Level::Township => 9,
            Level::Village => 12,
        }
    }

    pub fn from_digits(n: usize) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.digits() == n)
    }

    pub fn parent(self) -> Option<Level> {
        match self {
            Level::Province => None,
            Level::City => Some(Level::Province),
            Level::County => Some(Level::City),
            Level::Township => Some(Level::County),
            Level::Village => Some(Level::Township),
        }
    }

    pub fn child(self) -> Option<Level> {
        match self {
            Level::Province => Some(Level::City),
            Level::City => Some(Level::County),
            Level::County => Some(Level::Township),
            Level::Township => Some(Level::Village),
            Level::Village => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::Township => "township",
            Level::Village => "village",
        }
    }
}

/// A division code that has been checked to be 2, 4, 6, 9 or 12 ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Code(String);

/// Why a string is not a division code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a division code has only digits")]
    NotDigits,
    #[error("a division code has 2, 4, 6, 9 or 12 digits, not {0}")]
    BadLength(usize),
}

impl Code {
    pub fn parse(s: &str) -> Result<Code, CodeError> {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotDigits);
        }
        if Level::from_digits(s.len()).is_none() {
            return Err(CodeError::BadLength(s.len()));
        }
        Ok(Code(s.to_string()))
    }

    /// Parses and also requires a given level.
    pub fn parse_at(s: &str, level: Level) -> Result<Code, CodeError> {
        let code = Code::parse(s)?;
        if code.level() != level {
            return Err(CodeError::BadLength(code.0.len()));
        }
        Ok(code)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn level(&self) -> Level {
        Level::from_digits(self.0.len()).expect("checked on construction")
    }

    pub fn parent(&self) -> Option<Code> {
        self.level()
            .parent()
            .map(|l| Code(self.0[..l.digits()].to_string()))
    }

    /// The code of the division at `level` that contains this one (itself if at that level).
    pub fn ancestor(&self, level: Level) -> Option<Code> {
        (level <= self.level()).then(|| Code(self.0[..level.digits()].to_string()))
    }

    /// Whether `other` lies inside this division (or is it).
    pub fn contains(&self, other: &Code) -> bool {
        other.0.starts_with(&self.0)
    }

    pub fn county(&self) -> Option<Code> {
        self.ancestor(Level::County)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lets maps keyed by `Code` be looked up with a `&str` (a code from a URL, say) without first
/// parsing it. Sound because `Code`'s `Eq`, `Ord` and `Hash` are exactly its string's.
impl std::borrow::Borrow<str> for Code {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Code {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Code::parse(&s)
    }
}

impl From<Code> for String {
    fn from(c: Code) -> String {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_parents() {
        let v = Code::parse("140522100201").unwrap();
        assert_eq!(v.level(), Level::Village);
        assert_eq!(v.parent().unwrap().as_str(), "140522100");
        assert_eq!(v.county().unwrap().as_str(), "140522");
        assert_eq!(v.ancestor(Level::Province).unwrap().as_str(), "14");
        assert!(Code::parse("1405").unwrap().contains(&v));
        assert!(!Code::parse("1406").unwrap().contains(&v));
        assert_eq!(Code::parse("14").unwrap().parent(), None);
    }

    #[test]
    fn rejects_bad_codes() {
        assert_eq!(Code::parse("14052"), Err(CodeError::BadLength(5)));
        assert_eq!(Code::parse("14a522"), Err(CodeError::NotDigits));
        assert_eq!(Code::parse(""), Err(CodeError::NotDigits));
        assert_eq!(
            Code::parse_at("140522", Level::Township),
            Err(CodeError::BadLength(6))
        );
    }
}
