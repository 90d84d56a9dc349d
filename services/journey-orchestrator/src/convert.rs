//! Conversions between the `omni.journey.v1` contract and the domain types, done once at
//! the service edge.

use omni_common::convert::{json_to_struct, struct_to_json, to_timestamp};
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;

use crate::error::Error;
use crate::model::{Channel, Graph, Journey, JourneyState, Node, NodeKind, Run, RunState};

/// A protobuf duration in milliseconds, rounded up so any positive duration stays
/// positive; `None` when the duration is malformed (nanos out of range or of the
/// opposite sign to seconds) or does not fit.
pub fn duration_ms(d: &prost_types::Duration) -> Option<i64> {
    if d.nanos <= -1_000_000_000 || d.nanos >= 1_000_000_000 {
        return None;
    }
    if (d.seconds > 0 && d.nanos < 0) || (d.seconds < 0 && d.nanos > 0) {
        return None;
    }
    let nanos = i128::from(d.seconds) * 1_000_000_000 + i128::from(d.nanos);
    let ms = if nanos > 0 {
        (nanos + 999_999) / 1_000_000
    } else {
        nanos / 1_000_000
    };
    i64::try_from(ms).ok()
}

/// Milliseconds to a protobuf duration.
pub fn to_duration(ms: i64) -> prost_types::Duration {
    prost_types::Duration {
        seconds: ms.div_euclid(1000),
        nanos: i32::try_from(ms.rem_euclid(1000) * 1_000_000).unwrap_or_default(),
    }
}

/// The domain channel of a proto channel (`None` for unspecified/unknown).
pub fn channel_from_proto(channel: i32) -> Option<Channel> {
    match DeliveryChannel::try_from(channel).ok()? {
        DeliveryChannel::Unspecified => None,
        DeliveryChannel::Email => Some(Channel::Email),
        DeliveryChannel::Push => Some(Channel::Push),
        DeliveryChannel::Sms => Some(Channel::Sms),
        DeliveryChannel::Store => Some(Channel::Store),
    }
}

/// The proto channel of a domain channel.
pub fn channel_to_proto(channel: Channel) -> DeliveryChannel {
    match channel {
        Channel::Email => DeliveryChannel::Email,
        Channel::Push => DeliveryChannel::Push,
        Channel::Sms => DeliveryChannel::Sms,
        Channel::Store => DeliveryChannel::Store,
    }
}

/// The domain graph of a journey that passed [`crate::validate::journey`]. Shape errors
/// are still reported (with their field path) rather than assumed away.
pub fn graph_from_proto(journey: &pb::Journey) -> Result<Graph, Error> {
    let nodes = journey
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let path = format!("journey.nodes[{i}]");
            let kind = match &n.kind {
                None => return Err(Error::invalid(format!("{path}.kind"), "must be set")),
                Some(Kind::Entry(e)) => NodeKind::Entry {
                    event_type: e.event_type.clone(),
                },
                Some(Kind::Wait(w)) => NodeKind::Wait {
                    duration_ms: w
                        .duration
                        .as_ref()
                        .and_then(duration_ms)
                        .filter(|ms| *ms > 0)
                        .ok_or_else(|| {
                            Error::invalid(format!("{path}.wait.duration"), "must be positive")
                        })?,
                },
                Some(Kind::Decide(d)) => NodeKind::Decide {
                    context: d.context.as_ref().map(struct_to_json).unwrap_or_default(),
                },
                Some(Kind::Send(s)) => NodeKind::Send {
                    channel: channel_from_proto(s.channel).ok_or_else(|| {
                        Error::invalid(format!("{path}.send.channel"), "must be specified")
                    })?,
                    template_id: s.template_id.clone(),
                },
            };
            Ok(Node {
                node_id: n.node_id.clone(),
                next_node_id: n.next_node_id.clone(),
                kind,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Graph { nodes })
}

/// The proto node of a domain node.
fn node_to_proto(node: &Node) -> pb::Node {
    let kind = match &node.kind {
        NodeKind::Entry { event_type } => Kind::Entry(pb::EntryNode {
            event_type: event_type.clone(),
        }),
        NodeKind::Wait { duration_ms } => Kind::Wait(pb::WaitNode {
            duration: Some(to_duration(*duration_ms)),
        }),
        NodeKind::Decide { context } => Kind::Decide(pb::DecideNode {
            context: (!context.is_empty()).then(|| json_to_struct(context)),
        }),
        NodeKind::Send {
            channel,
            template_id,
        } => Kind::Send(pb::SendNode {
            channel: channel_to_proto(*channel) as i32,
            template_id: template_id.clone(),
        }),
    };
    pb::Node {
        node_id: node.node_id.clone(),
        next_node_id: node.next_node_id.clone(),
        kind: Some(kind),
    }
}

/// The proto journey of a stored journey.
pub fn journey_to_proto(j: &Journey) -> pb::Journey {
    pb::Journey {
        journey_id: j.journey_id.to_string(),
        display_name: j.display_name.clone(),
        nodes: j.graph.nodes.iter().map(node_to_proto).collect(),
        state: match j.state {
            JourneyState::Draft => pb::JourneyState::Draft,
            JourneyState::Published => pb::JourneyState::Published,
            JourneyState::Paused => pb::JourneyState::Paused,
        } as i32,
        published_version: j.published_version,
        create_time: Some(to_timestamp(j.create_ms)),
    }
}

/// The proto run of a stored run.
pub fn run_to_proto(r: &Run) -> pb::Run {
    pb::Run {
        run_id: r.run_id.to_string(),
        journey_id: r.journey_id.to_string(),
        journey_version: r.journey_version,
        customer_id: r.customer_id.to_string(),
        state: match r.state {
            RunState::Active => pb::RunState::Active,
            RunState::Waiting => pb::RunState::Waiting,
            RunState::Completed => pb::RunState::Completed,
            RunState::Failed => pb::RunState::Failed,
        } as i32,
        current_node_id: r.current_node_id.clone(),
        context: Some(json_to_struct(&r.context)),
        wake_time: r.wake_ms.map(to_timestamp),
        error: r.error.clone(),
        entry_event_id: r.entry_event_id.clone(),
        create_time: Some(to_timestamp(r.create_ms)),
        update_time: Some(to_timestamp(r.update_ms)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_up_to_milliseconds() {
        let d = |seconds, nanos| prost_types::Duration { seconds, nanos };
        assert_eq!(duration_ms(&d(1, 0)), Some(1000));
        assert_eq!(duration_ms(&d(0, 1)), Some(1));
        assert_eq!(duration_ms(&d(0, 1_500_000)), Some(2));
        assert_eq!(duration_ms(&d(0, 0)), Some(0));
        assert_eq!(duration_ms(&d(-1, 0)), Some(-1000));
        assert_eq!(duration_ms(&d(1, -1)), None);
        assert_eq!(duration_ms(&d(0, 1_000_000_000)), None);
        assert_eq!(duration_ms(&d(i64::MAX, 0)), None);
        assert_eq!(duration_ms(&to_duration(90_061)), Some(90_061));
    }

    #[test]
    fn graphs_round_trip_through_the_proto() {
        let j = pb::Journey {
            display_name: "x".into(),
            nodes: vec![
                pb::Node {
                    node_id: "in".into(),
                    next_node_id: "d".into(),
                    kind: Some(Kind::Entry(pb::EntryNode {
                        event_type: "e".into(),
                    })),
                },
                pb::Node {
                    node_id: "d".into(),
                    next_node_id: "s".into(),
                    kind: Some(Kind::Decide(pb::DecideNode {
                        context: Some(json_to_struct(
                            serde_json::json!({"placement": "home"})
                                .as_object()
                                .expect("object"),
                        )),
                    })),
                },
                pb::Node {
                    node_id: "s".into(),
                    next_node_id: String::new(),
                    kind: Some(Kind::Send(pb::SendNode {
                        channel: DeliveryChannel::Push as i32,
                        template_id: "t".into(),
                    })),
                },
            ],
            ..Default::default()
        };
        let g = graph_from_proto(&j).expect("convert");
        let back: Vec<pb::Node> = g.nodes.iter().map(node_to_proto).collect();
        assert_eq!(back, j.nodes);
    }
}
