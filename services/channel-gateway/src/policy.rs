//! Send-time policy: may this customer be reached on this channel, and at which
//! address. Pure functions of the profile, so every send path checks the same way.

use omni_profile_store::StoredProfile;

use crate::records::{Channel, SuppressionReason};

/// The policy's answer for one message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Deliver to this address.
    Deliver {
        /// The address for the channel.
        recipient: String,
    },
    /// Record the message without sending it.
    Suppress {
        /// Why.
        reason: SuppressionReason,
        /// The address the message would have gone to, if any (kept for audit).
        recipient: String,
    },
}

/// Checks consent, then the address. Consent is opt-out: a channel without a recorded
/// consent is allowed; one recorded as not granted suppresses the message.
pub fn check(channel: Channel, profile: &StoredProfile) -> Verdict {
    let recipient = address(channel, profile).unwrap_or_default();
    if profile
        .consents
        .get(channel.as_str())
        .is_some_and(|c| !c.granted)
    {
        return Verdict::Suppress {
            reason: SuppressionReason::NoConsent,
            recipient,
        };
    }
    if recipient.is_empty() {
        return Verdict::Suppress {
            reason: SuppressionReason::NoAddress,
            recipient,
        };
    }
    Verdict::Deliver { recipient }
}

/// The customer's address for `channel`: the identifier of the channel's type (the
/// smallest one, so the choice is stable when a profile holds several), else the
/// trait of the same name. Push and store addressing comes with their providers.
fn address(channel: Channel, profile: &StoredProfile) -> Option<String> {
    let kind = match channel {
        Channel::Email => "email",
        Channel::Sms => "phone",
        Channel::Push | Channel::Store => return None,
    };
    profile
        .identifiers
        .iter()
        .filter(|(t, v)| t == kind && !v.trim().is_empty())
        .map(|(_, v)| v.trim())
        .min()
        .map(str::to_owned)
        .or_else(|| {
            profile
                .traits
                .get(kind)
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use omni_profile_store::ConsentState;
    use serde_json::json;

    use super::*;

    fn profile() -> StoredProfile {
        StoredProfile {
            customer_id: "c_1".into(),
            traits: serde_json::Map::new(),
            identifiers: Vec::new(),
            event_counts: BTreeMap::new(),
            consents: BTreeMap::new(),
            first_seen_ms: 0,
            last_seen_ms: 0,
        }
    }

    #[test]
    fn identifier_wins_over_trait_and_consent_defaults_to_allowed() {
        let mut p = profile();
        p.traits.insert("email".into(), json!("trait@example.com"));
        assert_eq!(
            check(Channel::Email, &p),
            Verdict::Deliver {
                recipient: "trait@example.com".into()
            }
        );
        p.identifiers
            .push(("email".into(), "id@example.com".into()));
        assert_eq!(
            check(Channel::Email, &p),
            Verdict::Deliver {
                recipient: "id@example.com".into()
            }
        );
    }

    #[test]
    fn revoked_consent_and_missing_address_suppress() {
        let mut p = profile();
        assert_eq!(
            check(Channel::Email, &p),
            Verdict::Suppress {
                reason: SuppressionReason::NoAddress,
                recipient: String::new()
            }
        );
        p.identifiers.push(("email".into(), "a@example.com".into()));
        p.consents.insert(
            "email".into(),
            ConsentState {
                granted: false,
                updated_ms: 1,
            },
        );
        assert_eq!(
            check(Channel::Email, &p),
            Verdict::Suppress {
                reason: SuppressionReason::NoConsent,
                recipient: "a@example.com".into()
            }
        );
    }
}
