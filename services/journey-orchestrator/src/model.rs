//! Domain types: journeys as graphs of nodes, and runs stepping through them.
//!
//! A journey definition is stored in SQL as the JSON of [`Graph`] (not the proto): it is
//! readable with any SQL client, and the proto stays a wire format only. Conversions
//! to and from the proto live in `convert.rs`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

omni_common::id_type!(
    /// A journey.
    JourneyId,
    "j"
);
omni_common::id_type!(
    /// One customer's pass through one journey version.
    RunId,
    "run"
);

/// A validated journey graph: nodes linked by `next_node_id`, one entry node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    /// Nodes in the order the author gave them.
    pub nodes: Vec<Node>,
}

impl Graph {
    /// The node with id `node_id`.
    pub fn node(&self, node_id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.node_id == node_id)
    }

    /// The entry node (validation guarantees exactly one).
    pub fn entry(&self) -> Option<&Node> {
        self.nodes
            .iter()
            .find(|n| matches!(n.kind, NodeKind::Entry { .. }))
    }

    /// The event type that enrols customers, if the graph has an entry node.
    pub fn entry_event_type(&self) -> Option<&str> {
        self.entry().and_then(|n| match &n.kind {
            NodeKind::Entry { event_type } => Some(event_type.as_str()),
            _ => None,
        })
    }
}

/// One node of a journey graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Unique within the journey.
    pub node_id: String,
    /// Node that follows; empty ends the run.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_node_id: String,
    /// What the node does.
    pub kind: NodeKind,
}

/// What a node does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum NodeKind {
    /// Customers enter on an event of this type.
    Entry {
        /// Event type that enrols the customer.
        event_type: String,
    },
    /// A durable timer.
    Wait {
        /// How long to wait, in milliseconds (> 0).
        duration_ms: i64,
    },
    /// Ask decisioning for the next best offer.
    Decide {
        /// Extra context passed to `Decide`.
        #[serde(default)]
        context: Map<String, Value>,
    },
    /// Ask channel-gateway to send a message.
    Send {
        /// The delivery channel.
        channel: Channel,
        /// The channel-gateway template id.
        template_id: String,
    },
}

/// A delivery channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Email.
    Email,
    /// Mobile push.
    Push,
    /// SMS.
    Sms,
    /// Store / point of sale.
    Store,
}

/// Lifecycle state of a journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JourneyState {
    /// Never published.
    Draft,
    /// At least one version is published and takes entries.
    Published,
    /// Published but paused: no entries, timers hold.
    Paused,
}

impl JourneyState {
    /// The SQL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "DRAFT",
            Self::Published => "PUBLISHED",
            Self::Paused => "PAUSED",
        }
    }

    /// Parses the SQL spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "DRAFT" => Some(Self::Draft),
            "PUBLISHED" => Some(Self::Published),
            "PAUSED" => Some(Self::Paused),
            _ => None,
        }
    }
}

/// A journey as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Journey {
    /// Id.
    pub journey_id: JourneyId,
    /// Human-readable name.
    pub display_name: String,
    /// The current (draft) definition.
    pub graph: Graph,
    /// Lifecycle state.
    pub state: JourneyState,
    /// Latest published version, 0 when never published.
    pub published_version: i64,
    /// Creation time, unix ms.
    pub create_ms: i64,
}

/// State of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    /// `current_node_id` is the next node to execute (or being executed under a lease).
    Active,
    /// `current_node_id` is a wait node whose timer is running until `wake_ms`.
    Waiting,
    /// Reached the end.
    Completed,
    /// Stopped by an error.
    Failed,
}

impl RunState {
    /// The SQL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Waiting => "WAITING",
            Self::Completed => "COMPLETED",
            Self::Failed => "FAILED",
        }
    }

    /// Parses the SQL spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ACTIVE" => Some(Self::Active),
            "WAITING" => Some(Self::Waiting),
            "COMPLETED" => Some(Self::Completed),
            "FAILED" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// A run as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Id.
    pub run_id: RunId,
    /// Journey.
    pub journey_id: JourneyId,
    /// Journey version the run follows.
    pub journey_version: i64,
    /// The customer.
    pub customer_id: omni_common::ids::CustomerId,
    /// Event that started the run.
    pub entry_event_id: String,
    /// State.
    pub state: RunState,
    /// See [`RunState`] for what it means in each state.
    pub current_node_id: String,
    /// Run context (`event`, `offer`, `message_id`, `sends`).
    pub context: Map<String, Value>,
    /// When a waiting run wakes, or when an active run retries after a transient error.
    pub wake_ms: Option<i64>,
    /// Holder of the lease (a per-claim token), if any.
    pub lease_owner: Option<String>,
    /// Until when the lease holds; an `Active` run is reclaimable once it has passed
    /// (also used as the retry time after a transient error).
    pub lease_until_ms: Option<i64>,
    /// Transient failures of the current node so far.
    pub attempts: i64,
    /// Why a failed run failed (or the last transient error while retrying).
    pub error: String,
    /// Creation time, unix ms.
    pub create_ms: i64,
    /// Last update time, unix ms.
    pub update_ms: i64,
    /// W3C `traceparent` of the event or call that started the run (empty when none),
    /// so steps taken later by the timer poller continue the same trace.
    pub traceparent: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_json_is_readable_and_round_trips() {
        let g = Graph {
            nodes: vec![
                Node {
                    node_id: "in".into(),
                    next_node_id: "w".into(),
                    kind: NodeKind::Entry {
                        event_type: "order_placed".into(),
                    },
                },
                Node {
                    node_id: "w".into(),
                    next_node_id: String::new(),
                    kind: NodeKind::Wait { duration_ms: 1000 },
                },
            ],
        };
        let json = serde_json::to_string(&g).expect("encode");
        assert!(json.contains(r#""type":"entry""#), "{json}");
        assert_eq!(serde_json::from_str::<Graph>(&json).expect("decode"), g);
        assert_eq!(g.entry_event_type(), Some("order_placed"));
    }

    #[test]
    fn states_round_trip_their_sql_spelling() {
        for s in [
            RunState::Active,
            RunState::Waiting,
            RunState::Completed,
            RunState::Failed,
        ] {
            assert_eq!(RunState::parse(s.as_str()), Some(s));
        }
        for s in [
            JourneyState::Draft,
            JourneyState::Published,
            JourneyState::Paused,
        ] {
            assert_eq!(JourneyState::parse(s.as_str()), Some(s));
        }
    }
}
