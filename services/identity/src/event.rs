//! Domain types of an accepted event and of its resolution, as stored in the event log
//! (`events.payload` and `events.result`, both JSON).

use omni_common::ids::CustomerId;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::normalise::Identifier;

/// A validated event with normalised, de-duplicated identifiers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackedEvent {
    /// Caller-chosen unique id (per workspace).
    pub event_id: String,
    /// Event type, e.g. `purchase`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// When it happened (unix ms); the receive time when the caller gave none.
    pub time_ms: i64,
    /// Normalised identifiers, de-duplicated, in the order sent.
    pub identifiers: Vec<Identifier>,
    /// Free-form properties.
    #[serde(default)]
    pub properties: Map<String, Value>,
    /// Traits to set on the profile.
    #[serde(default)]
    pub traits: Map<String, Value>,
    /// Source channel name (`web`, `app`, `pos`, `store`, `server`, `messaging` or
    /// `unspecified`).
    pub source: String,
    /// Identifiers sent with the event whose value the workspace blocks; never matched
    /// nor stored on a customer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocked_identifiers: Vec<Identifier>,
}

/// What resolution decided for one event; stored with the event so a retried Track
/// returns it unchanged and the outbox can finish the Redis/bus work after a crash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The customer the event resolved to.
    pub customer_id: CustomerId,
    /// True when the event created this customer.
    pub created: bool,
    /// Customers merged into `customer_id` by this event.
    pub merged_customer_ids: Vec<CustomerId>,
    /// `merged_customer_ids` plus every customer previously merged into them: the ids
    /// whose Redis profile keys become aliases of `customer_id`.
    pub aliased_customer_ids: Vec<CustomerId>,
    /// The event's identifiers that now belong to `customer_id` (all of them, unless a
    /// user-id conflict left some with other customers).
    pub profile_identifiers: Vec<Identifier>,
    /// True when the identity rules prevented a merge or an identifier (a `conflicts`
    /// row was written).
    pub conflict: bool,
    /// The conflict row's id, when one was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_id: Option<String>,
    /// Identifiers of the event attached to no customer: blocked values and
    /// identifiers over a limit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_identifiers: Vec<Identifier>,
}
