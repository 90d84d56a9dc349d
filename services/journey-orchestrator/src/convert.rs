//! Conversions between the `omni.journey.v1` contract and the domain types, done once at
//! the service edge.

use omni_common::convert::{json_to_struct, struct_to_json, to_timestamp};
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;

use crate::error::Error;
use crate::model::{
    Arm, Branch, Channel, Criterion, GoalSetting, Graph, Journey, JourneyState, NoSlot, Node,
    NodeKind, Recurrence, Reentry, Run, RunState, Schedule, Settings, StepRecord,
};

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

/// The domain graph of a journey. Shape errors are reported with their field path;
/// graph-level problems are [`crate::validate`]'s.
pub fn graph_from_proto(journey: &pb::Journey) -> Result<Graph, Error> {
    let nodes = journey
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let path = format!("journey.nodes[{i}]");
            let kind = match &n.kind {
                None => return Err(Error::invalid(format!("{path}.kind"), "must be set")),
                Some(k) => kind_from_proto(&path, k)?,
            };
            Ok(Node {
                node_id: n.node_id.clone(),
                next_node_id: n.next_node_id.clone(),
                kind,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Graph {
        nodes,
        settings: settings_from_proto(journey.settings.as_ref())?,
    })
}

fn positive_ms(field: &str, d: Option<&prost_types::Duration>) -> Result<i64, Error> {
    d.and_then(duration_ms)
        .filter(|ms| *ms > 0)
        .ok_or_else(|| Error::invalid(field, "must be a positive duration"))
}

fn schedule_from_proto(path: &str, s: &pb::ScheduleEntry) -> Result<Schedule, Error> {
    let recurrence = match pb::ScheduleRecurrence::try_from(s.recurrence) {
        Ok(pb::ScheduleRecurrence::Once) => Recurrence::Once,
        Ok(pb::ScheduleRecurrence::Daily) => Recurrence::Daily,
        Ok(pb::ScheduleRecurrence::Weekly) => Recurrence::Weekly,
        Ok(pb::ScheduleRecurrence::Unspecified) | Err(_) => {
            return Err(Error::invalid(
                format!("{path}.recurrence"),
                "must be ONCE, DAILY or WEEKLY",
            ));
        }
    };
    Ok(Schedule {
        recurrence,
        date: s.date.clone(),
        hour: s.hour,
        minute: s.minute,
        weekdays: s.weekdays.clone(),
        segment_id: s.segment_id.clone(),
        customer_ids: s.customer_ids.clone(),
        default_time_zone: s.default_time_zone.clone(),
    })
}

fn schedule_to_proto(s: &Schedule) -> pb::ScheduleEntry {
    pb::ScheduleEntry {
        recurrence: match s.recurrence {
            Recurrence::Once => pb::ScheduleRecurrence::Once,
            Recurrence::Daily => pb::ScheduleRecurrence::Daily,
            Recurrence::Weekly => pb::ScheduleRecurrence::Weekly,
        } as i32,
        date: s.date.clone(),
        hour: s.hour,
        minute: s.minute,
        weekdays: s.weekdays.clone(),
        segment_id: s.segment_id.clone(),
        customer_ids: s.customer_ids.clone(),
        default_time_zone: s.default_time_zone.clone(),
    }
}

fn criterion_from_proto(c: &pb::EventCriterion) -> Criterion {
    Criterion {
        event_type: c.event_type.clone(),
        filter: c.filter.clone(),
    }
}

fn criterion_to_proto(c: &Criterion) -> pb::EventCriterion {
    pb::EventCriterion {
        event_type: c.event_type.clone(),
        filter: c.filter.clone(),
    }
}

fn settings_from_proto(s: Option<&pb::JourneySettings>) -> Result<Settings, Error> {
    let Some(s) = s else {
        return Ok(Settings::default());
    };
    let reentry = match pb::ReentryPolicy::try_from(s.reentry) {
        Ok(pb::ReentryPolicy::Unspecified | pb::ReentryPolicy::Once) => Reentry::Once,
        Ok(pb::ReentryPolicy::OncePerPeriod) => Reentry::OncePerPeriod,
        Ok(pb::ReentryPolicy::Always) => Reentry::Always,
        Err(_) => {
            return Err(Error::invalid(
                "journey.settings.reentry",
                "is not a known policy",
            ));
        }
    };
    let reentry_period_ms = if reentry == Reentry::OncePerPeriod {
        positive_ms("journey.settings.reentry_period", s.reentry_period.as_ref())?
    } else {
        0
    };
    let goal = match &s.goal {
        None => None,
        Some(g) => Some(GoalSetting {
            event: g
                .event
                .as_ref()
                .map(criterion_from_proto)
                .unwrap_or_default(),
            window_ms: match &g.conversion_window {
                None => None,
                Some(w) => Some(positive_ms(
                    "journey.settings.goal.conversion_window",
                    Some(w),
                )?),
            },
        }),
    };
    Ok(Settings {
        reentry,
        reentry_period_ms,
        allow_concurrent_runs: s.allow_concurrent_runs,
        exit_event: s.exit_event.as_ref().map(criterion_from_proto),
        exit_segment_id: s.exit_segment_id.clone(),
        goal,
        max_entries_per_minute: u32::try_from(s.max_entries_per_minute).map_err(|_| {
            Error::invalid(
                "journey.settings.max_entries_per_minute",
                "must not be negative",
            )
        })?,
        priority: u32::try_from(s.priority)
            .ok()
            .filter(|p| *p <= crate::model::MAX_PRIORITY)
            .ok_or_else(|| {
                Error::invalid(
                    "journey.settings.priority",
                    "must be between 0 (default) and 100",
                )
            })?,
        on_no_slot: match pb::NoSlotAction::try_from(s.on_no_slot) {
            Ok(pb::NoSlotAction::Unspecified | pb::NoSlotAction::Defer) => NoSlot::Defer,
            Ok(pb::NoSlotAction::Skip) => NoSlot::Skip,
            Err(_) => {
                return Err(Error::invalid(
                    "journey.settings.on_no_slot",
                    "is not a known action",
                ));
            }
        },
    })
}

/// The channel contract's on-no-slot action for a journey's setting.
pub fn no_slot_to_channel(n: NoSlot) -> omni_proto::channel::v1::NoSlotAction {
    match n {
        NoSlot::Defer => omni_proto::channel::v1::NoSlotAction::Defer,
        NoSlot::Skip => omni_proto::channel::v1::NoSlotAction::Skip,
    }
}

fn settings_to_proto(s: &Settings) -> pb::JourneySettings {
    pb::JourneySettings {
        reentry: match s.reentry {
            Reentry::Once => pb::ReentryPolicy::Once,
            Reentry::OncePerPeriod => pb::ReentryPolicy::OncePerPeriod,
            Reentry::Always => pb::ReentryPolicy::Always,
        } as i32,
        reentry_period: (s.reentry_period_ms > 0).then(|| to_duration(s.reentry_period_ms)),
        allow_concurrent_runs: s.allow_concurrent_runs,
        exit_event: s.exit_event.as_ref().map(criterion_to_proto),
        exit_segment_id: s.exit_segment_id.clone(),
        goal: s.goal.as_ref().map(|g| pb::Goal {
            event: Some(criterion_to_proto(&g.event)),
            conversion_window: g.window_ms.map(to_duration),
        }),
        max_entries_per_minute: i32::try_from(s.max_entries_per_minute).unwrap_or(i32::MAX),
        priority: i32::try_from(s.priority).unwrap_or(i32::MAX),
        on_no_slot: match s.on_no_slot {
            NoSlot::Defer => pb::NoSlotAction::Defer,
            NoSlot::Skip => pb::NoSlotAction::Skip,
        } as i32,
    }
}

fn kind_from_proto(path: &str, kind: &Kind) -> Result<NodeKind, Error> {
    Ok(match kind {
        Kind::Entry(e) => NodeKind::Entry {
            event_type: e.event_type.clone(),
            filter: e.filter.clone(),
            segment_id: e.segment_id.clone(),
            schedule: match &e.schedule {
                Some(sc) => Some(schedule_from_proto(&format!("{path}.entry.schedule"), sc)?),
                None => None,
            },
        },
        Kind::Wait(w) => match &w.best_send_time {
            Some(b) => NodeKind::Wait {
                duration_ms: w
                    .duration
                    .as_ref()
                    .and_then(duration_ms)
                    .unwrap_or(0)
                    .max(0),
                best_send_max_ms: Some(positive_ms(
                    &format!("{path}.wait.best_send_time.max_wait"),
                    b.max_wait.as_ref(),
                )?),
            },
            None => NodeKind::Wait {
                duration_ms: positive_ms(&format!("{path}.wait.duration"), w.duration.as_ref())?,
                best_send_max_ms: None,
            },
        },
        Kind::Decide(d) => NodeKind::Decide {
            context: d.context.as_ref().map(struct_to_json).unwrap_or_default(),
        },
        Kind::Send(s) => NodeKind::Send {
            channel: match channel_from_proto(s.channel) {
                Some(c) => c,
                None if s.best_channel => Channel::Email,
                None => {
                    return Err(Error::invalid(
                        format!("{path}.send.channel"),
                        "must be specified",
                    ));
                }
            },
            template_id: s.template_id.clone(),
            best_channel: s.best_channel,
            candidates: s
                .candidates
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    channel_from_proto(*c).ok_or_else(|| {
                        Error::invalid(format!("{path}.send.candidates[{i}]"), "must be a channel")
                    })
                })
                .collect::<Result<_, _>>()?,
        },
        Kind::Condition(c) => NodeKind::Condition {
            branches: c
                .branches
                .iter()
                .map(|b| Branch {
                    name: b.name.clone(),
                    expression: b.expression.clone(),
                    next_node_id: b.next_node_id.clone(),
                })
                .collect(),
            default_next_node_id: c.default_next_node_id.clone(),
        },
        Kind::Split(s) => NodeKind::Split {
            arms: s
                .arms
                .iter()
                .map(|a| Arm {
                    name: a.name.clone(),
                    weight: a.weight,
                    next_node_id: a.next_node_id.clone(),
                })
                .collect(),
            experiment_id: s.experiment_id.clone(),
            holdout_arm: s.holdout_arm.clone(),
        },
        Kind::WaitUntil(w) => NodeKind::WaitUntil {
            hour: w.hour,
            minute: w.minute,
            weekdays: w.weekdays.clone(),
        },
        Kind::WaitForEvent(w) => NodeKind::WaitForEvent {
            event: w
                .event
                .as_ref()
                .map(criterion_from_proto)
                .unwrap_or_default(),
            timeout_ms: positive_ms(
                &format!("{path}.wait_for_event.timeout"),
                w.timeout.as_ref(),
            )?,
            event_next_node_id: w.event_next_node_id.clone(),
            timeout_next_node_id: w.timeout_next_node_id.clone(),
        },
        Kind::Goal(g) => NodeKind::Goal {
            name: g.name.clone(),
        },
        Kind::Exit(e) => NodeKind::Exit {
            reason: e.reason.clone(),
        },
        Kind::UpdateProfile(u) => NodeKind::UpdateProfile {
            traits: u.traits.as_ref().map(struct_to_json).unwrap_or_default(),
        },
        Kind::Webhook(w) => NodeKind::Webhook {
            url: w.url.clone(),
            secret: w.secret.clone(),
        },
    })
}

/// The proto node of a domain node.
fn node_to_proto(node: &Node) -> pb::Node {
    let kind = match &node.kind {
        NodeKind::Entry {
            event_type,
            filter,
            segment_id,
            schedule,
        } => Kind::Entry(pb::EntryNode {
            event_type: event_type.clone(),
            filter: filter.clone(),
            segment_id: segment_id.clone(),
            schedule: schedule.as_ref().map(schedule_to_proto),
        }),
        NodeKind::Wait {
            duration_ms,
            best_send_max_ms,
        } => Kind::Wait(pb::WaitNode {
            duration: Some(to_duration(*duration_ms)),
            best_send_time: best_send_max_ms.map(|ms| pb::BestSendTimeWait {
                max_wait: Some(to_duration(ms)),
            }),
        }),
        NodeKind::Decide { context } => Kind::Decide(pb::DecideNode {
            context: (!context.is_empty()).then(|| json_to_struct(context)),
        }),
        NodeKind::Send {
            channel,
            template_id,
            best_channel,
            candidates,
        } => Kind::Send(pb::SendNode {
            channel: channel_to_proto(*channel) as i32,
            template_id: template_id.clone(),
            best_channel: *best_channel,
            candidates: candidates
                .iter()
                .map(|c| channel_to_proto(*c) as i32)
                .collect(),
        }),
        NodeKind::Condition {
            branches,
            default_next_node_id,
        } => Kind::Condition(pb::ConditionNode {
            branches: branches
                .iter()
                .map(|b| pb::ConditionBranch {
                    name: b.name.clone(),
                    expression: b.expression.clone(),
                    next_node_id: b.next_node_id.clone(),
                })
                .collect(),
            default_next_node_id: default_next_node_id.clone(),
        }),
        NodeKind::Split {
            arms,
            experiment_id,
            holdout_arm,
        } => Kind::Split(pb::SplitNode {
            arms: arms
                .iter()
                .map(|a| pb::SplitArm {
                    name: a.name.clone(),
                    weight: a.weight,
                    next_node_id: a.next_node_id.clone(),
                })
                .collect(),
            experiment_id: experiment_id.clone(),
            holdout_arm: holdout_arm.clone(),
        }),
        NodeKind::WaitUntil {
            hour,
            minute,
            weekdays,
        } => Kind::WaitUntil(pb::WaitUntilNode {
            hour: *hour,
            minute: *minute,
            weekdays: weekdays.clone(),
        }),
        NodeKind::WaitForEvent {
            event,
            timeout_ms,
            event_next_node_id,
            timeout_next_node_id,
        } => Kind::WaitForEvent(pb::WaitForEventNode {
            event: Some(criterion_to_proto(event)),
            timeout: Some(to_duration(*timeout_ms)),
            event_next_node_id: event_next_node_id.clone(),
            timeout_next_node_id: timeout_next_node_id.clone(),
        }),
        NodeKind::Goal { name } => Kind::Goal(pb::GoalNode { name: name.clone() }),
        NodeKind::Exit { reason } => Kind::Exit(pb::ExitNode {
            reason: reason.clone(),
        }),
        NodeKind::UpdateProfile { traits } => Kind::UpdateProfile(pb::UpdateProfileNode {
            traits: Some(json_to_struct(traits)),
        }),
        NodeKind::Webhook { url, secret } => Kind::Webhook(pb::WebhookNode {
            url: url.clone(),
            secret: secret.clone(),
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
            JourneyState::Stopped => pb::JourneyState::Stopped,
        } as i32,
        published_version: j.published_version,
        create_time: Some(to_timestamp(j.create_ms)),
        settings: Some(settings_to_proto(&j.graph.settings)),
        review_state: review_state_to_proto(j.review_state) as i32,
        generated: j.generated,
    }
}

/// The proto review state of a domain review state.
pub fn review_state_to_proto(s: crate::review::ReviewState) -> pb::JourneyReviewState {
    use crate::review::ReviewState as R;
    match s {
        R::Draft => pb::JourneyReviewState::Draft,
        R::InReview => pb::JourneyReviewState::InReview,
        R::Approved => pb::JourneyReviewState::Approved,
        R::Published => pb::JourneyReviewState::Published,
    }
}

/// The proto state of a run state.
pub fn run_state_to_proto(s: RunState) -> pb::RunState {
    match s {
        RunState::Active => pb::RunState::Active,
        RunState::Waiting => pb::RunState::Waiting,
        RunState::Completed => pb::RunState::Completed,
        RunState::Failed => pb::RunState::Failed,
        RunState::Converted => pb::RunState::Converted,
        RunState::Exited => pb::RunState::Exited,
    }
}

/// The domain state of a proto run state (`None` for unspecified/unknown).
pub fn run_state_from_proto(s: i32) -> Option<RunState> {
    match pb::RunState::try_from(s).ok()? {
        pb::RunState::Unspecified => None,
        pb::RunState::Active => Some(RunState::Active),
        pb::RunState::Waiting => Some(RunState::Waiting),
        pb::RunState::Completed => Some(RunState::Completed),
        pb::RunState::Failed => Some(RunState::Failed),
        pb::RunState::Converted => Some(RunState::Converted),
        pb::RunState::Exited => Some(RunState::Exited),
    }
}

/// The proto step of a step record.
pub fn step_to_proto(s: &StepRecord) -> pb::RunStep {
    pb::RunStep {
        time: Some(to_timestamp(s.time_ms)),
        node_id: s.node_id.clone(),
        outcome: s.outcome.clone(),
        branch: s.branch.clone(),
        decision_id: s.decision_id.clone(),
        message_id: s.message_id.clone(),
        detail: s.detail.clone(),
    }
}

/// The proto run of a stored run.
pub fn run_to_proto(r: &Run) -> pb::Run {
    pb::Run {
        run_id: r.run_id.to_string(),
        journey_id: r.journey_id.to_string(),
        journey_version: r.journey_version,
        customer_id: r.customer_id.to_string(),
        state: run_state_to_proto(r.state) as i32,
        current_node_id: r.current_node_id.clone(),
        context: Some(json_to_struct(&r.context)),
        wake_time: r.wake_ms.map(to_timestamp),
        error: r.error.clone(),
        entry_event_id: r.entry_event_id.clone(),
        create_time: Some(to_timestamp(r.create_ms)),
        update_time: Some(to_timestamp(r.update_ms)),
        steps: Vec::new(),
        end_reason: r.end_reason.clone(),
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
                        ..Default::default()
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
                        ..Default::default()
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
