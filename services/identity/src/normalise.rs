//! Identifier normalisation: the one place that decides what an identifier looks like
//! once stored, so matching is exact string equality.
//!
//! - email: trimmed and lower-cased, then checked for a plausible `local@domain.tld`
//!   shape (no IDN/quoted-local-part support; a mail provider is the final judge).
//! - phone: parsed with the `phonenumber` crate (Google's libphonenumber metadata),
//!   checked valid for its region and written in E.164. A number without `+` and a
//!   country code is read in the workspace's default region, and rejected when the
//!   workspace has none.
//! - other types: trimmed (and lower-cased when the type's rule says so); must be
//!   non-empty, at most 256 characters and free of control characters. Case is kept by
//!   default (backends' ids are case-sensitive).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The longest accepted user id or anonymous id, in characters.
pub const MAX_ID_LEN: usize = 256;
/// The longest accepted email address (RFC 5321 path limit).
const MAX_EMAIL_LEN: usize = 254;
/// The longest accepted email local part.
const MAX_LOCAL_LEN: usize = 64;
/// The longest identifier type name.
const MAX_TYPE_NAME: usize = 64;

/// The name of an identifier type: a built-in (`user_id`, `email`, `phone`,
/// `anonymous_id`, `device_id`, `loyalty_id`) or a workspace-defined one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdType(String);

impl IdType {
    /// The user_id type.
    pub const USER_ID: &'static str = "user_id";
    /// The email type.
    pub const EMAIL: &'static str = "email";
    /// The phone type.
    pub const PHONE: &'static str = "phone";
    /// The anonymous_id type.
    pub const ANONYMOUS_ID: &'static str = "anonymous_id";
    /// The device_id type.
    pub const DEVICE_ID: &'static str = "device_id";
    /// The loyalty_id type.
    pub const LOYALTY_ID: &'static str = "loyalty_id";

    /// A type name (not validated; see [`IdType::is_valid_name`]).
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into())
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the six built-in types.
    pub fn is_built_in(name: &str) -> bool {
        matches!(
            name,
            Self::USER_ID
                | Self::EMAIL
                | Self::PHONE
                | Self::ANONYMOUS_ID
                | Self::DEVICE_ID
                | Self::LOYALTY_ID
        )
    }

    /// 1-64 characters of `[a-z0-9_]`, starting with a letter.
    pub fn is_valid_name(name: &str) -> bool {
        !name.is_empty()
            && name.len() <= MAX_TYPE_NAME
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }
}

impl fmt::Display for IdType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How an identifier type's values are normalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalization {
    /// Trimmed, case kept.
    Trim,
    /// Trimmed and lower-cased.
    Lowercase,
    /// Trimmed, lower-cased, checked as an email.
    Email,
    /// Parsed as a phone number, written as E.164.
    Phone,
}

impl Normalization {
    /// Normalises `raw`; the error says why it is not valid.
    pub fn apply(self, raw: &str, default_region: Option<&str>) -> Result<String, String> {
        match self {
            Self::Email => normalise_email(raw).map_err(str::to_owned),
            Self::Phone => normalise_phone(raw, default_region),
            Self::Trim => normalise_id(raw).map_err(str::to_owned),
            Self::Lowercase => normalise_id(raw)
                .map(|v| v.to_lowercase())
                .map_err(str::to_owned),
        }
    }

    /// Best-effort normalisation for configured values (blocked lists): the valid form
    /// when there is one, otherwise the trimmed (lower-cased for emails) text; `None`
    /// when nothing is left.
    pub fn apply_lenient(self, raw: &str, default_region: Option<&str>) -> Option<String> {
        if let Ok(v) = self.apply(raw, default_region) {
            return Some(v);
        }
        let t = raw.trim();
        let t = match self {
            Self::Email | Self::Lowercase => t.to_lowercase(),
            Self::Phone | Self::Trim => t.to_owned(),
        };
        (!t.is_empty()).then_some(t)
    }
}

/// A normalised identifier: what is matched and stored.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Identifier {
    /// The type.
    #[serde(rename = "type")]
    pub kind: IdType,
    /// The normalised value.
    pub value: String,
}

impl Identifier {
    /// An identifier from already-normalised parts.
    pub fn new(kind: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            kind: IdType::new(kind),
            value: value.into(),
        }
    }
}

/// Trims and lower-cases an email and checks its shape.
pub fn normalise_email(raw: &str) -> Result<String, &'static str> {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err("must not be empty");
    }
    if email.len() > MAX_EMAIL_LEN {
        return Err("is longer than 254 characters");
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Err("is not a valid email address: missing `@`");
    };
    if local.is_empty() || local.len() > MAX_LOCAL_LEN {
        return Err("is not a valid email address: bad local part");
    }
    const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~.-";
    if !local
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c))
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return Err("is not a valid email address: bad local part");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err("is not a valid email address: domain needs a dot");
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !labels.iter().all(|l| label_ok(l)) {
        return Err("is not a valid email address: bad domain");
    }
    let tld = labels.last().copied().unwrap_or_default();
    if tld.len() < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
        return Err("is not a valid email address: bad top-level domain");
    }
    Ok(email)
}

/// Normalises a phone number to E.164 (see module docs).
pub fn normalise_phone(raw: &str, default_region: Option<&str>) -> Result<String, String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("must not be empty".into());
    }
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
    {
        return Err(
            "is not a phone number: only digits, spaces, `-`, `.`, `(`, `)` and a leading `+` are allowed"
                .into(),
        );
    }
    let international = trimmed.starts_with('+');
    let region = match (international, default_region) {
        (true, _) => None,
        (false, Some(r)) => Some(
            phonenumber::country::Id::from_str(r)
                .map_err(|_| format!("default phone region `{r}` is unknown"))?,
        ),
        (false, None) => {
            return Err(
                "is not an E.164 phone number: must start with `+` and the country code (the workspace has no default phone region)"
                    .into(),
            );
        }
    };
    let number =
        phonenumber::parse(region, trimmed).map_err(|e| format!("is not a phone number: {e}"))?;
    if !number.is_valid() {
        return Err("is not a valid phone number for its country".into());
    }
    Ok(number.format().mode(phonenumber::Mode::E164).to_string())
}

/// Trims a user id or anonymous id and checks its length and characters.
pub fn normalise_id(raw: &str) -> Result<String, &'static str> {
    let id = raw.trim();
    if id.is_empty() {
        return Err("must not be empty");
    }
    if id.chars().count() > MAX_ID_LEN {
        return Err("is longer than 256 characters");
    }
    if id.chars().any(char::is_control) {
        return Err("must not contain control characters");
    }
    Ok(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_checked() {
        assert_eq!(
            normalise_email("  Ann@Example.COM ").as_deref(),
            Ok("ann@example.com")
        );
        assert_eq!(
            normalise_email("a.b+tag@mail.example.co.uk").as_deref(),
            Ok("a.b+tag@mail.example.co.uk")
        );
        for bad in [
            "",
            "   ",
            "ann",
            "ann@",
            "@example.com",
            "ann@example",
            "ann@@example.com",
            "ann@exa mple.com",
            ".ann@example.com",
            "an..n@example.com",
            "ann@-example.com",
            "ann@example.c",
            "ann@example..com",
            "ann@1.23",
        ] {
            assert!(normalise_email(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn phones_become_e164() {
        let p = |raw: &str, region: Option<&str>| normalise_phone(raw, region);
        assert_eq!(p("+44 20 7946-0958", None).as_deref(), Ok("+442079460958"));
        assert_eq!(
            p(" +1 (415) 555.2671 ", None).as_deref(),
            Ok("+14155552671")
        );
        assert_eq!(
            p("020 7946 0958", Some("GB")).as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(
            p("(415) 555-2671", Some("US")).as_deref(),
            Ok("+14155552671")
        );
        assert_eq!(
            p("+33 6 12 34 56 78", Some("US")).as_deref(),
            Ok("+33612345678")
        );
        for bad in [
            "",
            "4155552671",
            "+1234567",
            "+1234567890123456",
            "+0441234567",
            "+44a2079460958",
            "++442079460958",
            "+44 1",
        ] {
            assert!(p(bad, None).is_err(), "{bad:?} should be rejected");
        }
        assert!(p("12", Some("GB")).is_err());
    }

    #[test]
    fn ids_are_trimmed_and_bounded() {
        assert_eq!(normalise_id("  u-1 ").as_deref(), Ok("u-1"));
        assert_eq!(normalise_id("CaseKept").as_deref(), Ok("CaseKept"));
        assert!(normalise_id("  ").is_err());
        assert!(normalise_id(&"x".repeat(257)).is_err());
        assert!(normalise_id(&"x".repeat(256)).is_ok());
        assert!(normalise_id("a\nb").is_err());
        assert_eq!(
            Normalization::Lowercase.apply(" AbC ", None).as_deref(),
            Ok("abc")
        );
    }

    #[test]
    fn type_names() {
        for ok in ["email", "member_no", "x1"] {
            assert!(IdType::is_valid_name(ok), "{ok}");
        }
        for bad in ["", "1x", "Email", "a-b", "a:b", &"x".repeat(65)] {
            assert!(!IdType::is_valid_name(bad), "{bad}");
        }
        assert!(IdType::is_built_in("loyalty_id") && !IdType::is_built_in("member_no"));
    }
}
