//! The profile as stored in Redis, and the changes written to it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A customer's real-time profile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredProfile {
    /// The (surviving) customer id.
    pub customer_id: String,
    /// Traits by name.
    pub traits: serde_json::Map<String, Value>,
    /// `(type, value)` identifiers, e.g. `("email", "ada@example.com")`, sorted.
    pub identifiers: Vec<(String, String)>,
    /// How many events of each type were seen.
    pub event_counts: BTreeMap<String, i64>,
    /// Consent by channel (`email`, `push`, `sms`, `store`).
    pub consents: BTreeMap<String, ConsentState>,
    /// Earliest event or update time (unix ms).
    pub first_seen_ms: i64,
    /// Latest event or update time (unix ms).
    pub last_seen_ms: i64,
}

/// What [`crate::ProfileStore::read_many`] reads besides existence and memberships.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadParts {
    /// Read the traits.
    pub traits: bool,
    /// Read the event counts.
    pub event_counts: bool,
}

/// Parts of one profile read by [`crate::ProfileStore::read_many`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileParts {
    /// Whether any profile state exists.
    pub exists: bool,
    /// Traits by name (empty when not asked for).
    pub traits: serde_json::Map<String, Value>,
    /// Event counts by type (empty when not asked for).
    pub event_counts: BTreeMap<String, i64>,
    /// Segment id -> entered at (ms).
    pub memberships: BTreeMap<String, i64>,
}

/// Consent for one channel; stored as JSON `{"granted": .., "updated_ms": ..}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentState {
    /// Whether the customer agreed to be contacted on the channel.
    pub granted: bool,
    /// When the consent was last changed (unix ms).
    pub updated_ms: i64,
}

/// What one event or identify call adds to a profile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileUpdate {
    /// Traits to set; a JSON `null` removes the trait.
    pub traits: serde_json::Map<String, Value>,
    /// `(type, value)` identifiers to add.
    pub identifiers: Vec<(String, String)>,
    /// The event type to count, if this update comes from an event.
    pub event_type: Option<String>,
    /// When it happened (unix ms); widens `first_seen_ms`/`last_seen_ms`.
    pub time_ms: i64,
}

/// `type:value`, the member stored in the identifiers set.
pub(crate) fn identifier_member((kind, value): &(String, String)) -> String {
    format!("{kind}:{value}")
}
