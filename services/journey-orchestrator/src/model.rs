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

/// A validated journey graph: nodes linked by `next_node_id` (and branch targets), one
/// entry node, plus the journey-level settings (versioned with the graph).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    /// Nodes in the order the author gave them.
    pub nodes: Vec<Node>,
    /// Journey-level settings.
    #[serde(default)]
    pub settings: Settings,
}

/// Whether and when a customer may enter a journey again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reentry {
    /// At most once, ever.
    #[default]
    Once,
    /// At most once per `reentry_period_ms`.
    OncePerPeriod,
    /// Every time.
    Always,
}

/// An event type with an optional CEL filter over `event` and `context`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Event type that matches.
    pub event_type: String,
    /// CEL boolean; empty matches every event of the type.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub filter: String,
}

/// The journey goal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSetting {
    /// The converting event.
    pub event: Criterion,
    /// How long after entry a conversion counts; `None` means as long as the run lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_ms: Option<i64>,
}

/// Journey-level settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Re-entry policy.
    #[serde(default)]
    pub reentry: Reentry,
    /// Period of [`Reentry::OncePerPeriod`], in ms.
    #[serde(default)]
    pub reentry_period_ms: i64,
    /// Whether a customer may have several live runs at once.
    #[serde(default)]
    pub allow_concurrent_runs: bool,
    /// Exit on a matching event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_event: Option<Criterion>,
    /// Exit when the customer leaves this segment (empty: none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exit_segment_id: String,
    /// The goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<GoalSetting>,
    /// Most new runs per minute (0: unlimited).
    #[serde(default)]
    pub max_entries_per_minute: u32,
    /// Send priority against other journeys, 1..=100 (0: [`DEFAULT_PRIORITY`]).
    /// Omitted from the stored JSON when 0, so definitions stored before priorities
    /// existed compare equal.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub priority: u32,
    /// What a send does when a frequency rule has no slot (omitted when the default).
    #[serde(default, skip_serializing_if = "NoSlot::is_default")]
    pub on_no_slot: NoSlot,
}

/// What a journey's send does when a workspace frequency rule has no slot for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoSlot {
    /// Wait for the rule's next window.
    #[default]
    Defer,
    /// Drop the message.
    Skip,
}

impl NoSlot {
    fn is_default(&self) -> bool {
        *self == Self::Defer
    }
}

/// The priority of a journey that sets none.
pub const DEFAULT_PRIORITY: u32 = 50;
/// The highest priority a journey may set.
pub const MAX_PRIORITY: u32 = 100;

fn is_zero(v: &u32) -> bool {
    *v == 0
}

impl Settings {
    /// The journey's send priority (the default when unset).
    pub fn effective_priority(&self) -> u32 {
        if self.priority == 0 {
            DEFAULT_PRIORITY
        } else {
            self.priority
        }
    }
}

/// One branch of a condition node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// Name.
    pub name: String,
    /// CEL boolean over `traits`, `computed`, `segments`, `context`.
    pub expression: String,
    /// Target node (empty ends the run).
    #[serde(default)]
    pub next_node_id: String,
}

/// One arm of a split node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arm {
    /// Name (experiment arm id for experiment splits).
    pub name: String,
    /// Relative weight (random splits).
    #[serde(default)]
    pub weight: u32,
    /// Target node (empty ends the run).
    #[serde(default)]
    pub next_node_id: String,
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

    /// The entry key stored with a published version: the event type, or
    /// `segment:<id>` for a segment-entered journey (event types never hold `:`).
    pub fn entry_event_type(&self) -> Option<String> {
        self.entry().and_then(|n| match &n.kind {
            NodeKind::Entry {
                schedule: Some(_), ..
            } => Some(SCHEDULE_ENTRY_KEY.to_owned()),
            NodeKind::Entry { segment_id, .. } if !segment_id.is_empty() => {
                Some(segment_entry_key(segment_id))
            }
            NodeKind::Entry { event_type, .. } => Some(event_type.clone()),
            _ => None,
        })
    }

    /// The entry node's CEL filter (empty when none).
    pub fn entry_filter(&self) -> &str {
        match self.entry().map(|n| &n.kind) {
            Some(NodeKind::Entry { filter, .. }) => filter,
            _ => "",
        }
    }
}

/// The entry key of journeys entered on a schedule.
pub const SCHEDULE_ENTRY_KEY: &str = "schedule:";

/// How a scheduled entry repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// Once, on the schedule's date.
    Once,
    /// Every day.
    Daily,
    /// On the schedule's weekdays.
    Weekly,
}

/// An audience enrolled at a local time of day in each customer's time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Once, daily or weekly.
    pub recurrence: Recurrence,
    /// For `Once`: the local date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Local hour, 0-23.
    pub hour: u32,
    /// Local minute, 0-59.
    pub minute: u32,
    /// For `Weekly`: ISO weekdays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<u32>,
    /// Audience segment (empty: `customer_ids`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub segment_id: String,
    /// Explicit audience.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customer_ids: Vec<String>,
    /// Time zone of customers without a valid `timezone` trait (empty: UTC).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub default_time_zone: String,
}

/// The entry key of journeys entered on joining `segment_id`.
pub fn segment_entry_key(segment_id: &str) -> String {
    format!("segment:{segment_id}")
}

impl Node {
    /// Every node this node can lead to (non-empty targets), in declaration order.
    pub fn targets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        match &self.kind {
            NodeKind::Condition {
                branches,
                default_next_node_id,
            } => {
                out.extend(branches.iter().map(|b| b.next_node_id.as_str()));
                out.push(default_next_node_id);
            }
            NodeKind::Split { arms, .. } => {
                out.extend(arms.iter().map(|a| a.next_node_id.as_str()));
            }
            NodeKind::WaitForEvent {
                event_next_node_id,
                timeout_next_node_id,
                ..
            } => {
                out.push(event_next_node_id);
                out.push(timeout_next_node_id);
            }
            NodeKind::Goal { .. } | NodeKind::Exit { .. } => {}
            _ => out.push(&self.next_node_id),
        }
        out.retain(|t| !t.is_empty());
        out
    }

    /// Whether the node waits (durably) before moving on: a cycle through it is fine.
    pub fn waits(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::Wait { .. } | NodeKind::WaitUntil { .. } | NodeKind::WaitForEvent { .. }
        )
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
    /// Customers enter on an event of this type, or on entering a segment.
    Entry {
        /// Event type that enrols the customer (empty for a segment entry).
        #[serde(default)]
        event_type: String,
        /// CEL boolean over `event` and `traits` (empty: none).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        filter: String,
        /// Segment whose entrants enrol (empty: event entry).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        segment_id: String,
        /// An audience enrolled on a schedule (event type and segment empty).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        schedule: Option<Schedule>,
    },
    /// A durable timer.
    Wait {
        /// How long to wait, in milliseconds (> 0); with `best_send_max_ms`, the
        /// fallback wait when decisioning cannot answer (may be 0).
        duration_ms: i64,
        /// Wait until decisioning's best send time, at most this long (ms).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        best_send_max_ms: Option<i64>,
    },
    /// Ask decisioning for the next best offer.
    Decide {
        /// Extra context passed to `Decide`.
        #[serde(default)]
        context: Map<String, Value>,
    },
    /// Ask channel-gateway to send a message.
    Send {
        /// The delivery channel (the fallback when `best_channel`).
        channel: Channel,
        /// The channel-gateway template id.
        template_id: String,
        /// Let decisioning's `ChooseChannel` pick the channel.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        best_channel: bool,
        /// Channels `ChooseChannel` may pick from (empty: all).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        candidates: Vec<Channel>,
    },
    /// Ordered CEL branches.
    Condition {
        /// Branches in order; the first true one is taken.
        branches: Vec<Branch>,
        /// Taken when no branch matches (empty ends the run).
        #[serde(default)]
        default_next_node_id: String,
    },
    /// Random or experiment split.
    Split {
        /// Arms.
        arms: Vec<Arm>,
        /// Decisioning experiment (empty: random by weight).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        experiment_id: String,
        /// Arm that sends nothing: the run exits (reason `holdout`).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        holdout_arm: String,
    },
    /// Wait until a local time of day (and weekday) in the customer's time zone.
    WaitUntil {
        /// Hour 0-23.
        hour: u32,
        /// Minute 0-59.
        minute: u32,
        /// ISO weekdays 1-7 (empty: any).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        weekdays: Vec<u32>,
    },
    /// Wait for an event or a timeout.
    WaitForEvent {
        /// The awaited event.
        event: Criterion,
        /// Timeout, ms.
        timeout_ms: i64,
        /// Taken when the event arrives.
        #[serde(default)]
        event_next_node_id: String,
        /// Taken on timeout (empty ends the run).
        #[serde(default)]
        timeout_next_node_id: String,
    },
    /// Reach the goal: the run ends converted.
    Goal {
        /// Goal name.
        #[serde(default)]
        name: String,
    },
    /// End the run as exited.
    Exit {
        /// Reason.
        #[serde(default)]
        reason: String,
    },
    /// Set profile traits through identity.
    UpdateProfile {
        /// Traits to set.
        traits: Map<String, Value>,
    },
    /// POST to a webhook.
    Webhook {
        /// URL.
        url: String,
        /// HMAC secret (empty: unsigned).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        secret: String,
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
    /// Stopped for good.
    Stopped,
}

impl JourneyState {
    /// The SQL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "DRAFT",
            Self::Published => "PUBLISHED",
            Self::Paused => "PAUSED",
            Self::Stopped => "STOPPED",
        }
    }

    /// Parses the SQL spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "DRAFT" => Some(Self::Draft),
            "PUBLISHED" => Some(Self::Published),
            "PAUSED" => Some(Self::Paused),
            "STOPPED" => Some(Self::Stopped),
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
    /// Where the draft is in review.
    pub review_state: crate::review::ReviewState,
    /// The draft's content was generated (always needs an approved review).
    pub generated: bool,
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
    /// Reached the goal.
    Converted,
    /// Ended by an exit criterion, exit node, holdout or stop.
    Exited,
}

impl RunState {
    /// The SQL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Waiting => "WAITING",
            Self::Completed => "COMPLETED",
            Self::Failed => "FAILED",
            Self::Converted => "CONVERTED",
            Self::Exited => "EXITED",
        }
    }

    /// Parses the SQL spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ACTIVE" => Some(Self::Active),
            "WAITING" => Some(Self::Waiting),
            "COMPLETED" => Some(Self::Completed),
            "FAILED" => Some(Self::Failed),
            "CONVERTED" => Some(Self::Converted),
            "EXITED" => Some(Self::Exited),
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
    /// Pending signals (a JSON array, empty when none); see `Store::add_signal`.
    pub signals: String,
    /// Why an exited run exited, or the goal a converted run reached.
    pub end_reason: String,
    /// Steps persisted so far (the next step's sequence number).
    pub step_seq: i64,
    /// Steps taken since the run was loaded, written with the next persist.
    pub new_steps: Vec<StepRecord>,
    /// Facts for identity produced since the run was loaded, written to the outbox in
    /// the same transaction as the next persist (see `crate::outbox`).
    pub new_facts: Vec<Fact>,
}

/// One event for identity (`journey.entered`, `.converted`, `.exited`,
/// `.profile_updated`) waiting in the outbox; `event_id` is deterministic so a
/// redelivery is deduplicated by identity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fact {
    /// Deterministic event id (`run:<run_id>:entered`, `run:<run_id>:node:<node_id>`, ...).
    pub event_id: String,
    /// Event type.
    pub event_type: String,
    /// Event properties.
    pub properties: Map<String, Value>,
    /// Traits to set (profile updates only).
    pub traits: Map<String, Value>,
}

impl RunState {
    /// Whether the run is still live (may advance).
    pub fn is_live(self) -> bool {
        matches!(self, Self::Active | Self::Waiting)
    }
}

/// One step of a run, as shown by `GetRun`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRecord {
    /// When, unix ms.
    pub time_ms: i64,
    /// The node.
    pub node_id: String,
    /// `completed`, `waiting`, `woken`, `timed_out`, `retrying`, `failed`, `converted`,
    /// `exited`.
    pub outcome: String,
    /// Branch or arm taken.
    pub branch: String,
    /// Decision id.
    pub decision_id: String,
    /// Message id.
    pub message_id: String,
    /// Details.
    pub detail: String,
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
                        filter: String::new(),
                        segment_id: String::new(),
                        schedule: None,
                    },
                },
                Node {
                    node_id: "w".into(),
                    next_node_id: String::new(),
                    kind: NodeKind::Wait {
                        duration_ms: 1000,
                        best_send_max_ms: None,
                    },
                },
            ],
            settings: Settings::default(),
        };
        let json = serde_json::to_string(&g).expect("encode");
        assert!(json.contains(r#""type":"entry""#), "{json}");
        assert_eq!(serde_json::from_str::<Graph>(&json).expect("decode"), g);
        assert_eq!(g.entry_event_type().as_deref(), Some("order_placed"));
        // A definition stored before settings existed still decodes.
        let old = r#"{"nodes":[{"node_id":"in","kind":{"type":"entry","event_type":"x"}}]}"#;
        let g: Graph = serde_json::from_str(old).expect("old decode");
        assert_eq!(g.settings, Settings::default());
    }

    #[test]
    fn states_round_trip_their_sql_spelling() {
        for s in [
            RunState::Active,
            RunState::Waiting,
            RunState::Completed,
            RunState::Failed,
            RunState::Converted,
            RunState::Exited,
        ] {
            assert_eq!(RunState::parse(s.as_str()), Some(s));
        }
        for s in [
            JourneyState::Draft,
            JourneyState::Published,
            JourneyState::Paused,
            JourneyState::Stopped,
        ] {
            assert_eq!(JourneyState::parse(s.as_str()), Some(s));
        }
    }
}
