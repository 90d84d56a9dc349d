//! Identifier normalisation: the one place that decides what an email, phone, user id
//! or anonymous id looks like once stored, so matching is exact string equality.
//!
//! - email: trimmed and lower-cased, then checked for a plausible `local@domain.tld`
//!   shape (no IDN/quoted-local-part support; a mail provider is the final judge).
//! - phone: strict E.164 without a phone-number database: after removing spaces,
//!   dashes, dots and parentheses the value must be `+` followed by 8 to 15 digits, the
//!   first not `0`. National formats (no `+`) are rejected rather than guessed.
//! - user_id / anonymous_id: trimmed; must be non-empty, at most 256 characters and
//!   free of control characters. Case is preserved (backends' ids are case-sensitive).

use std::fmt;

/// The longest accepted user id or anonymous id, in characters.
pub const MAX_ID_LEN: usize = 256;
/// The longest accepted email address (RFC 5321 path limit).
const MAX_EMAIL_LEN: usize = 254;
/// The longest accepted email local part.
const MAX_LOCAL_LEN: usize = 64;

/// The kind of a customer identifier, in priority order (highest first).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    /// A backend's own stable user id: the strongest identifier.
    UserId,
    /// An email address.
    Email,
    /// A phone number (E.164).
    Phone,
    /// An anonymous (cookie or install) id: the weakest identifier.
    AnonymousId,
}

impl IdentifierKind {
    /// The stored name (`user_id`, `email`, `phone`, `anonymous_id`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UserId => "user_id",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::AnonymousId => "anonymous_id",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "user_id" => Some(Self::UserId),
            "email" => Some(Self::Email),
            "phone" => Some(Self::Phone),
            "anonymous_id" => Some(Self::AnonymousId),
            _ => None,
        }
    }

    /// Resolution priority: lower is stronger (user_id > email > phone > anonymous_id).
    pub fn priority(self) -> u8 {
        match self {
            Self::UserId => 0,
            Self::Email => 1,
            Self::Phone => 2,
            Self::AnonymousId => 3,
        }
    }
}

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A normalised identifier: what is matched and stored.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Identifier {
    /// The kind.
    #[serde(rename = "type")]
    pub kind: IdentifierKind,
    /// The normalised value.
    pub value: String,
}

impl Identifier {
    /// Normalises `raw` as an identifier of `kind`; the error says why it is not valid.
    pub fn normalise(kind: IdentifierKind, raw: &str) -> Result<Self, &'static str> {
        let value = match kind {
            IdentifierKind::Email => normalise_email(raw)?,
            IdentifierKind::Phone => normalise_phone(raw)?,
            IdentifierKind::UserId | IdentifierKind::AnonymousId => normalise_id(raw)?,
        };
        Ok(Self { kind, value })
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

/// Normalises a phone number to strict E.164 (`+` and 8–15 digits, see module docs).
pub fn normalise_phone(raw: &str) -> Result<String, &'static str> {
    let compact: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    if compact.is_empty() {
        return Err("must not be empty");
    }
    let Some(digits) = compact.strip_prefix('+') else {
        return Err("is not an E.164 phone number: must start with `+` and the country code");
    };
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err("is not an E.164 phone number: only digits may follow `+`");
    }
    if !(8..=15).contains(&digits.len()) {
        return Err("is not an E.164 phone number: needs 8 to 15 digits");
    }
    if digits.starts_with('0') {
        return Err("is not an E.164 phone number: country codes do not start with 0");
    }
    Ok(compact)
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
    fn phones_must_be_e164() {
        assert_eq!(
            normalise_phone("+44 20 7946-0958").as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(
            normalise_phone(" +1 (415) 555.2671 ").as_deref(),
            Ok("+14155552671")
        );
        for bad in [
            "",
            "4155552671",
            "+1234567",
            "+1234567890123456",
            "+0441234567",
            "+44a2079460958",
            "++442079460958",
        ] {
            assert!(normalise_phone(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn ids_are_trimmed_and_bounded() {
        assert_eq!(normalise_id("  u-1 ").as_deref(), Ok("u-1"));
        assert_eq!(normalise_id("CaseKept").as_deref(), Ok("CaseKept"));
        assert!(normalise_id("  ").is_err());
        assert!(normalise_id(&"x".repeat(257)).is_err());
        assert!(normalise_id(&"x".repeat(256)).is_ok());
        assert!(normalise_id("a\nb").is_err());
    }

    #[test]
    fn priority_orders_user_id_first() {
        let mut kinds = [
            IdentifierKind::AnonymousId,
            IdentifierKind::Phone,
            IdentifierKind::UserId,
            IdentifierKind::Email,
        ];
        kinds.sort_by_key(|k| k.priority());
        assert_eq!(
            kinds,
            [
                IdentifierKind::UserId,
                IdentifierKind::Email,
                IdentifierKind::Phone,
                IdentifierKind::AnonymousId
            ]
        );
        for k in kinds {
            assert_eq!(IdentifierKind::parse(k.as_str()), Some(k));
        }
    }
}
