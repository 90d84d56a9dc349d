//! Consent per channel and purpose, and the global unsubscribe, as identity keeps them
//! in Redis for every sender to read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The delivery channels whose effective marketing consent is mirrored in
/// [`crate::StoredProfile::consents`].
pub const CHANNELS: [&str; 4] = ["email", "push", "sms", "store"];

/// The marketing purpose.
pub const MARKETING: &str = "marketing";
/// The transactional purpose.
pub const TRANSACTIONAL: &str = "transactional";

/// One consent decision for a channel and purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurposeConsent {
    /// Whether the customer agreed.
    pub granted: bool,
    /// When it was decided (unix ms).
    pub updated_ms: i64,
    /// Where it was captured (e.g. `web:preferences`).
    #[serde(default)]
    pub source: String,
    /// Proof text.
    #[serde(default)]
    pub proof: String,
}

/// The global unsubscribe: no marketing on any channel while set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalUnsubscribe {
    /// Whether the customer is unsubscribed.
    pub unsubscribed: bool,
    /// When it was decided (unix ms).
    pub updated_ms: i64,
    /// Where it was captured.
    #[serde(default)]
    pub source: String,
    /// Proof text.
    #[serde(default)]
    pub proof: String,
}

/// Every consent decision of a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsentSnapshot {
    /// Decisions keyed by `(channel, purpose)`.
    pub decisions: BTreeMap<(String, String), PurposeConsent>,
    /// The global unsubscribe, if ever recorded.
    pub global_unsubscribe: Option<GlobalUnsubscribe>,
}

impl ConsentSnapshot {
    /// True when the customer is globally unsubscribed.
    pub fn is_unsubscribed(&self) -> bool {
        self.global_unsubscribe
            .as_ref()
            .is_some_and(|g| g.unsubscribed)
    }

    /// May a message for `purpose` go out on `channel`? Consent is opt-out: allowed
    /// unless the customer said no for that channel and purpose; marketing is also
    /// refused while globally unsubscribed. Transactional messages ignore the global
    /// unsubscribe.
    pub fn allows(&self, channel: &str, purpose: &str) -> bool {
        if purpose == MARKETING && self.is_unsubscribed() {
            return false;
        }
        self.decisions
            .get(&(channel.to_owned(), purpose.to_owned()))
            .is_none_or(|d| d.granted)
    }

    /// The effective marketing decision per channel (what
    /// [`crate::StoredProfile::consents`] holds): the channel's marketing decision,
    /// forced to "not granted" while globally unsubscribed.
    pub fn effective_marketing(&self) -> BTreeMap<String, crate::ConsentState> {
        let mut out = BTreeMap::new();
        for ((channel, purpose), d) in &self.decisions {
            if purpose == MARKETING {
                out.insert(
                    channel.clone(),
                    crate::ConsentState {
                        granted: d.granted,
                        updated_ms: d.updated_ms,
                    },
                );
            }
        }
        if let Some(g) = self.global_unsubscribe.as_ref().filter(|g| g.unsubscribed) {
            for channel in CHANNELS {
                let updated_ms = out
                    .get(channel)
                    .map_or(g.updated_ms, |c| c.updated_ms.max(g.updated_ms));
                out.insert(
                    channel.to_owned(),
                    crate::ConsentState {
                        granted: false,
                        updated_ms,
                    },
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(granted: bool, ms: i64) -> PurposeConsent {
        PurposeConsent {
            granted,
            updated_ms: ms,
            source: "test".into(),
            proof: String::new(),
        }
    }

    #[test]
    fn global_unsubscribe_blocks_marketing_only() {
        let mut s = ConsentSnapshot::default();
        assert!(s.allows("email", MARKETING), "opt-out by default");
        s.decisions
            .insert(("email".into(), MARKETING.into()), decision(true, 10));
        s.decisions
            .insert(("sms".into(), TRANSACTIONAL.into()), decision(false, 10));
        assert!(s.allows("email", MARKETING));
        assert!(!s.allows("sms", TRANSACTIONAL));
        assert!(s.effective_marketing()["email"].granted);
        s.global_unsubscribe = Some(GlobalUnsubscribe {
            unsubscribed: true,
            updated_ms: 20,
            source: "web".into(),
            proof: "clicked unsubscribe all".into(),
        });
        assert!(!s.allows("email", MARKETING));
        assert!(s.allows("email", TRANSACTIONAL));
        let eff = s.effective_marketing();
        assert_eq!(eff.len(), 4);
        assert!(eff.values().all(|c| !c.granted && c.updated_ms == 20));
    }
}
