//! What insights keeps of a bus message: an [`EventIngested`] parsed into a [`Fact`]
//! following the shared event contract (message.* from channel-gateway, journey.* from
//! the orchestrator, purchases from anyone).

use omni_common::ids::{CustomerId, WorkspaceId};
use omni_proto::common::v1::{EventIngested, SourceChannel};
use prost_types::value::Kind;

/// A message id assigned by channel-gateway.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MessageId(pub String);

/// What happened to a message (the suffix of a `message.*` event type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// Handed to the provider.
    Sent,
    /// Accepted by the recipient's server or device.
    Delivered,
    /// Opened (first open counts).
    Opened,
    /// A link was clicked (first click counts).
    Clicked,
    /// The recipient unsubscribed through it.
    Unsubscribed,
    /// Bounced.
    Bounced,
    /// Marked as spam.
    Complained,
    /// Could not be sent.
    Failed,
}

impl MessageKind {
    /// Every kind, in column order.
    pub const ALL: [MessageKind; 8] = [
        MessageKind::Sent,
        MessageKind::Delivered,
        MessageKind::Opened,
        MessageKind::Clicked,
        MessageKind::Unsubscribed,
        MessageKind::Bounced,
        MessageKind::Complained,
        MessageKind::Failed,
    ];

    /// Parses the event type `message.<kind>`.
    pub fn from_event_type(event_type: &str) -> Option<Self> {
        Some(match event_type.strip_prefix("message.")? {
            "sent" => MessageKind::Sent,
            "delivered" => MessageKind::Delivered,
            "opened" => MessageKind::Opened,
            "clicked" => MessageKind::Clicked,
            "unsubscribed" => MessageKind::Unsubscribed,
            "bounced" => MessageKind::Bounced,
            "complained" => MessageKind::Complained,
            "failed" => MessageKind::Failed,
            _ => return None,
        })
    }

    /// The KPI counter (`kpi_hourly` column) and the first-time column of `messages`
    /// without its `_at` suffix.
    pub fn column(self) -> &'static str {
        match self {
            MessageKind::Sent => "sent",
            MessageKind::Delivered => "delivered",
            MessageKind::Opened => "opened",
            MessageKind::Clicked => "clicked",
            MessageKind::Unsubscribed => "unsubscribed",
            MessageKind::Bounced => "bounced",
            MessageKind::Complained => "complained",
            MessageKind::Failed => "failed",
        }
    }
}

/// The attributes a message's KPIs are grouped by; empty when unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MessageDims {
    /// Journey the message was sent from.
    pub journey_id: String,
    /// Journey node that sent it.
    pub node_id: String,
    /// Delivery channel.
    pub channel: String,
    /// Template rendered.
    pub template_id: String,
    /// Offer carried.
    pub offer_id: String,
    /// Campaign.
    pub campaign: String,
}

/// A `message.*` event.
#[derive(Clone, Debug, PartialEq)]
pub struct MessageFact {
    /// The message.
    pub message_id: MessageId,
    /// What happened.
    pub kind: MessageKind,
    /// Its attributes.
    pub dims: MessageDims,
    /// Recorded cost of the message (sent events), when configured.
    pub cost: Option<f64>,
}

/// What kind of event a fact is, with the parts insights keeps.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// Engagement with a message.
    Message(MessageFact),
    /// A purchase (`purchase` / `order_completed`).
    Conversion {
        /// `revenue` (or `total`) property; 0 when absent.
        revenue: f64,
        /// `order_id`, deduplicating the same order reported twice.
        order_id: Option<String>,
    },
    /// A customer entered a journey run (`journey.entered`).
    JourneyEntry {
        /// The run.
        run_id: String,
        /// The journey.
        journey_id: String,
        /// Split or experiment arm; "holdout" for the holdout.
        arm: String,
        /// Experiment assigning the arm, when any.
        experiment_id: String,
    },
    /// Any other event (kept for funnels only).
    Other,
}

/// One ingested event, as insights stores it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Workspace.
    pub workspace: WorkspaceId,
    /// The resolved customer.
    pub customer: CustomerId,
    /// Customers merged into `customer` by this event.
    pub merged: Vec<CustomerId>,
    /// The event id (deduplication key).
    pub event_id: String,
    /// Event type.
    pub event_type: String,
    /// Event time, unix ms.
    pub time_ms: i64,
    /// Source channel of the event (`web`, `app`, ...; empty when unspecified).
    pub source: String,
    /// Type-specific parts.
    pub detail: Detail,
}

/// Event types counted as conversions.
pub const CONVERSION_TYPES: [&str; 2] = ["purchase", "order_completed"];

impl Fact {
    /// Parses a bus message; `None` when it names no workspace, customer or event id.
    /// `received_ms` is used when the event carries no time.
    pub fn from_bus(msg: &EventIngested, received_ms: i64) -> Option<Self> {
        let event = msg.event.as_ref()?;
        if msg.workspace_id.is_empty() || msg.customer_id.is_empty() || event.event_id.is_empty() {
            return None;
        }
        let time_ms = event
            .time
            .as_ref()
            .map_or(received_ms, omni_common::convert::from_timestamp);
        let props = event.properties.as_ref();
        let text = |name: &str| prop_text(props, name).unwrap_or_default();
        let detail = if let Some(kind) = MessageKind::from_event_type(&event.r#type) {
            match prop_text(props, "message_id") {
                Some(id) => Detail::Message(MessageFact {
                    message_id: MessageId(id),
                    kind,
                    dims: MessageDims {
                        journey_id: text("journey_id"),
                        node_id: text("node_id"),
                        channel: text("channel"),
                        template_id: text("template_id"),
                        offer_id: text("offer_id"),
                        campaign: text("campaign"),
                    },
                    cost: prop_number(props, "cost").filter(|c| c.is_finite() && *c >= 0.0),
                }),
                None => Detail::Other,
            }
        } else if CONVERSION_TYPES.contains(&event.r#type.as_str()) {
            Detail::Conversion {
                revenue: prop_number(props, "revenue")
                    .or_else(|| prop_number(props, "total"))
                    .filter(|r| r.is_finite())
                    .unwrap_or(0.0),
                order_id: prop_text(props, "order_id"),
            }
        } else if event.r#type == "journey.entered" {
            Detail::JourneyEntry {
                run_id: prop_text(props, "run_id").unwrap_or_else(|| event.event_id.clone()),
                journey_id: text("journey_id"),
                arm: text("arm"),
                experiment_id: text("experiment_id"),
            }
        } else {
            Detail::Other
        };
        Some(Fact {
            workspace: WorkspaceId::new(msg.workspace_id.as_str()),
            customer: CustomerId::new(msg.customer_id.as_str()),
            merged: msg
                .merged_customer_ids
                .iter()
                .filter(|m| !m.is_empty() && **m != msg.customer_id)
                .map(|m| CustomerId::new(m.as_str()))
                .collect(),
            event_id: event.event_id.clone(),
            event_type: event.r#type.clone(),
            time_ms,
            source: source_name(event.source),
            detail,
        })
    }
}

/// `SOURCE_CHANNEL_WEB` → `web`; empty for unspecified or unknown values.
fn source_name(source: i32) -> String {
    match SourceChannel::try_from(source) {
        Ok(SourceChannel::Unspecified) | Err(_) => String::new(),
        Ok(s) => s
            .as_str_name()
            .trim_start_matches("SOURCE_CHANNEL_")
            .to_ascii_lowercase(),
    }
}

fn prop<'a>(props: Option<&'a prost_types::Struct>, name: &str) -> Option<&'a Kind> {
    props?.fields.get(name)?.kind.as_ref()
}

/// A property as text: strings as they are, numbers without a trailing `.0`.
fn prop_text(props: Option<&prost_types::Struct>, name: &str) -> Option<String> {
    match prop(props, name)? {
        Kind::StringValue(s) if !s.is_empty() => Some(s.clone()),
        Kind::NumberValue(n) if n.is_finite() => Some(if n.fract() == 0.0 {
            format!("{}", *n as i64)
        } else {
            n.to_string()
        }),
        _ => None,
    }
}

/// A numeric property (numbers, or strings holding a number).
fn prop_number(props: Option<&prost_types::Struct>, name: &str) -> Option<f64> {
    match prop(props, name)? {
        Kind::NumberValue(n) => Some(*n),
        Kind::StringValue(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use omni_proto::common::v1::Event;
    use prost_types::{Struct, Value};

    use super::*;

    fn props(pairs: &[(&str, Kind)]) -> Struct {
        Struct {
            fields: pairs
                .iter()
                .map(|(k, v)| {
                    (
                        (*k).to_owned(),
                        Value {
                            kind: Some(v.clone()),
                        },
                    )
                })
                .collect::<BTreeMap<_, _>>(),
        }
    }

    fn ingested(event_type: &str, p: Struct) -> EventIngested {
        EventIngested {
            workspace_id: "ws".into(),
            customer_id: "c1".into(),
            event: Some(Event {
                event_id: "e1".into(),
                r#type: event_type.into(),
                time: Some(omni_common::convert::to_timestamp(1_000)),
                properties: Some(p),
                source: SourceChannel::Web as i32,
                ..Default::default()
            }),
            merged_customer_ids: vec!["c0".into(), "c1".into()],
        }
    }

    #[test]
    fn message_events_carry_their_dimensions_and_cost() {
        let msg = ingested(
            "message.clicked",
            props(&[
                ("message_id", Kind::StringValue("m1".into())),
                ("channel", Kind::StringValue("email".into())),
                ("journey_id", Kind::StringValue("j1".into())),
                ("journey_version", Kind::NumberValue(3.0)),
                ("cost", Kind::NumberValue(0.25)),
            ]),
        );
        let fact = Fact::from_bus(&msg, 0).expect("fact");
        assert_eq!(fact.time_ms, 1_000);
        assert_eq!(fact.source, "web");
        assert_eq!(fact.merged, vec![CustomerId::new("c0")]);
        let Detail::Message(m) = fact.detail else {
            panic!("not a message fact: {:?}", fact.detail)
        };
        assert_eq!(m.kind, MessageKind::Clicked);
        assert_eq!(m.message_id, MessageId("m1".into()));
        assert_eq!(m.dims.channel, "email");
        assert_eq!(m.dims.journey_id, "j1");
        assert_eq!(m.cost, Some(0.25));
    }

    #[test]
    fn purchases_read_revenue_or_total() {
        let fact = Fact::from_bus(
            &ingested(
                "order_completed",
                props(&[
                    ("total", Kind::StringValue("19.5".into())),
                    ("order_id", Kind::NumberValue(42.0)),
                ]),
            ),
            0,
        )
        .expect("fact");
        assert_eq!(
            fact.detail,
            Detail::Conversion {
                revenue: 19.5,
                order_id: Some("42".into())
            }
        );
    }

    #[test]
    fn message_event_without_message_id_is_kept_as_other() {
        let fact = Fact::from_bus(&ingested("message.opened", props(&[])), 0).expect("fact");
        assert_eq!(fact.detail, Detail::Other);
    }
}
