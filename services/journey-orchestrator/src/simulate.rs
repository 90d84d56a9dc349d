//! `SimulateJourney`: a dry run of one journey version for a given profile and scripted
//! events under a virtual clock. It follows the same rules as the runner (the shared
//! [`crate::logic`]) and records the same steps, but calls nothing: no decision is
//! made, no message sent, no webhook called, no profile updated.
//!
//! Differences from a real run, by design: decide nodes record that they would decide
//! (the run context gets no offer); a best-channel send reports no channel; an
//! experiment split follows the arms' weights by the deterministic hash instead of
//! asking decisioning for an assignment.

use serde_json::{Map, Value as Json, json};

use crate::logic::{self, Bindings, Rules};
use crate::model::{Channel, Graph, NodeKind, RunState, StepRecord};
use crate::runner::send_key;

/// Most steps a simulation takes.
pub const MAX_STEPS: usize = 10_000;
/// Longest simulated span, in ms (400 days).
pub const MAX_HORIZON_MS: i64 = 400 * 86_400_000;

/// A scripted event.
#[derive(Clone, Debug, PartialEq)]
pub struct ScriptedEvent {
    /// Offset from the entry time, ms.
    pub after_ms: i64,
    /// Event type.
    pub event_type: String,
    /// Properties.
    pub properties: Map<String, Json>,
}

/// What to simulate.
#[derive(Clone, Debug)]
pub struct SimInput {
    /// Workspace (split hashing).
    pub workspace: String,
    /// Journey id (split hashing).
    pub journey_id: String,
    /// The graph.
    pub graph: Graph,
    /// The customer (split hashing).
    pub customer_id: String,
    /// Condition inputs.
    pub bindings: Bindings,
    /// Initial run context.
    pub context: Map<String, Json>,
    /// Events, any order.
    pub events: Vec<ScriptedEvent>,
    /// Entry time, unix ms.
    pub start_ms: i64,
    /// Longest span, ms.
    pub horizon_ms: i64,
}

/// A message the run would send.
#[derive(Clone, Debug, PartialEq)]
pub struct SimMessage {
    /// Sending node.
    pub node_id: String,
    /// Channel, `None` when best-channel decides at run time.
    pub channel: Option<Channel>,
    /// Template.
    pub template_id: String,
    /// Idempotency key a real run `sim` would use.
    pub idempotency_key: String,
    /// Send time, unix ms.
    pub time_ms: i64,
}

/// The result.
#[derive(Clone, Debug, PartialEq)]
pub struct SimOutput {
    /// Steps as `GetRun` would show them.
    pub steps: Vec<StepRecord>,
    /// Nodes in the order visited.
    pub path: Vec<String>,
    /// Final state (`Waiting` when the horizon ended first).
    pub state: RunState,
    /// Messages that would be sent.
    pub messages: Vec<SimMessage>,
    /// Decide nodes that would ask for an offer.
    pub decisions: Vec<String>,
    /// Exit reason or goal.
    pub end_reason: String,
}

struct Sim<'a> {
    rules: &'a Rules,
    input: &'a SimInput,
    now: i64,
    out: SimOutput,
    context: Map<String, Json>,
}

impl Sim<'_> {
    fn record(&mut self, node: &str, outcome: &str, branch: &str, detail: String) {
        self.out.steps.push(StepRecord {
            time_ms: self.now,
            node_id: node.to_owned(),
            outcome: outcome.to_owned(),
            branch: branch.to_owned(),
            decision_id: String::new(),
            message_id: String::new(),
            detail,
        });
    }

    fn end(&mut self, node: &str, state: RunState, reason: &str, branch: &str) {
        let outcome = if state == RunState::Converted {
            "converted"
        } else {
            "exited"
        };
        self.record(node, outcome, branch, reason.to_owned());
        self.out.state = state;
        self.out.end_reason = reason.to_owned();
    }

    fn event_json(e: &ScriptedEvent, i: usize) -> Map<String, Json> {
        Map::from_iter([
            ("event_id".to_owned(), json!(format!("sim-event-{i}"))),
            ("type".to_owned(), json!(e.event_type)),
            ("properties".to_owned(), Json::Object(e.properties.clone())),
        ])
    }

    fn matches(&self, c: &crate::model::Criterion, event: &Map<String, Json>) -> bool {
        let mut context = self.context.clone();
        context.insert("run_id".into(), json!("sim"));
        context.insert("journey_id".into(), json!(self.input.journey_id));
        self.rules.matches(c, event, &context).unwrap_or(false)
    }

    /// Runs the simulation.
    fn run(mut self, events: &[(i64, Map<String, Json>)]) -> SimOutput {
        let graph = &self.input.graph;
        let Some(entry) = graph.entry() else {
            self.out.state = RunState::Failed;
            self.out.end_reason = "no entry node".into();
            return self.out;
        };
        let end_ms = self.input.start_ms.saturating_add(self.input.horizon_ms);
        let mut next_event = 0usize;
        let mut current = entry.node_id.clone();
        for _ in 0..MAX_STEPS {
            let Some(node) = graph.node(&current).cloned() else {
                self.record(&current, "failed", "", "unknown node".into());
                self.out.state = RunState::Failed;
                return self.out;
            };
            self.out.path.push(node.node_id.clone());
            let mut wait_until: Option<i64> = None;
            let mut goto: Option<(String, String, String)> = None;
            match &node.kind {
                NodeKind::Entry { .. } => {
                    goto = Some((node.next_node_id.clone(), String::new(), String::new()));
                }
                // A best-send-time wait simulates its fallback (decisioning is not asked).
                NodeKind::Wait { duration_ms, .. } => wait_until = Some(self.now + duration_ms),
                NodeKind::WaitForEvent { timeout_ms, .. } => {
                    wait_until = Some(self.now + timeout_ms);
                }
                NodeKind::WaitUntil {
                    hour,
                    minute,
                    weekdays,
                } => {
                    let tz = self
                        .input
                        .bindings
                        .traits
                        .get("timezone")
                        .and_then(Json::as_str)
                        .unwrap_or("UTC");
                    wait_until = Some(logic::next_local_time(
                        self.now, tz, *hour, *minute, weekdays,
                    ));
                }
                NodeKind::Decide { .. } => {
                    self.out.decisions.push(node.node_id.clone());
                    goto = Some((
                        node.next_node_id.clone(),
                        String::new(),
                        "simulated: no decision made".into(),
                    ));
                }
                NodeKind::Send {
                    channel,
                    template_id,
                    best_channel,
                    ..
                } => {
                    let key = send_key(&crate::model::RunId::new("sim"), &node.node_id);
                    self.out.messages.push(SimMessage {
                        node_id: node.node_id.clone(),
                        channel: (!best_channel).then_some(*channel),
                        template_id: template_id.clone(),
                        idempotency_key: key,
                        time_ms: self.now,
                    });
                    goto = Some((
                        node.next_node_id.clone(),
                        String::new(),
                        "simulated: not sent".into(),
                    ));
                }
                NodeKind::Condition {
                    branches,
                    default_next_node_id,
                } => match logic::choose_branch(
                    self.rules,
                    branches,
                    default_next_node_id,
                    &self.input.bindings,
                    &self.context,
                    self.now,
                ) {
                    Ok((name, next)) => goto = Some((next, name, String::new())),
                    Err(e) => {
                        self.record(&node.node_id, "failed", "", e.clone());
                        self.out.state = RunState::Failed;
                        self.out.end_reason = e;
                        return self.out;
                    }
                },
                NodeKind::Split {
                    arms, holdout_arm, ..
                } => {
                    let key = format!(
                        "{}/{}/{}/{}",
                        self.input.workspace,
                        self.input.journey_id,
                        self.input.customer_id,
                        node.node_id
                    );
                    let Some(arm) = logic::weighted_arm(&key, arms).or(arms.first()).cloned()
                    else {
                        self.record(&node.node_id, "failed", "", "split has no arm".into());
                        self.out.state = RunState::Failed;
                        return self.out;
                    };
                    self.context.insert("arm".into(), json!(arm.name));
                    if !holdout_arm.is_empty() && arm.name == *holdout_arm {
                        self.end(&node.node_id, RunState::Exited, "holdout", &arm.name);
                        return self.out;
                    }
                    goto = Some((arm.next_node_id.clone(), arm.name.clone(), String::new()));
                }
                NodeKind::Goal { name } => {
                    let reason = if name.is_empty() { "goal" } else { name };
                    self.end(&node.node_id, RunState::Converted, reason, "");
                    return self.out;
                }
                NodeKind::Exit { reason } => {
                    let reason = if reason.is_empty() {
                        "exit_node"
                    } else {
                        reason
                    };
                    self.end(&node.node_id, RunState::Exited, reason, "");
                    return self.out;
                }
                NodeKind::UpdateProfile { .. } => {
                    goto = Some((
                        node.next_node_id.clone(),
                        String::new(),
                        "simulated: profile not updated".into(),
                    ));
                }
                NodeKind::Webhook { .. } => {
                    goto = Some((
                        node.next_node_id.clone(),
                        String::new(),
                        "simulated: webhook not called".into(),
                    ));
                }
            }
            if let Some((next, branch, detail)) = goto {
                self.record(&node.node_id, "completed", &branch, detail);
                if next.is_empty() {
                    self.out.state = RunState::Completed;
                    return self.out;
                }
                current = next;
                continue;
            }
            let Some(wake) = wait_until else {
                continue;
            };
            self.record(&node.node_id, "waiting", "", format!("until {wake}"));
            let wait_start = self.now;
            // Events until the wake time, in order: goal, exit criteria, awaited event.
            let mut woken: Option<Map<String, Json>> = None;
            while next_event < events.len() && events[next_event].0 <= wake.min(end_ms) {
                let (at, ev) = &events[next_event];
                next_event += 1;
                self.now = (*at).max(wait_start);
                let settings = &graph.settings;
                if let Some(goal) = &settings.goal
                    && self.matches(&goal.event, ev)
                    && goal
                        .window_ms
                        .is_none_or(|w| *at <= self.input.start_ms.saturating_add(w))
                {
                    let reason = goal.event.event_type.clone();
                    self.end(&node.node_id, RunState::Converted, &reason, "");
                    return self.out;
                }
                if let Some(exit) = &settings.exit_event
                    && self.matches(exit, ev)
                {
                    self.end(&node.node_id, RunState::Exited, "exit_event", "");
                    return self.out;
                }
                if let NodeKind::WaitForEvent { event, .. } = &node.kind
                    && *at >= wait_start
                    && self.matches(event, ev)
                {
                    woken = Some(ev.clone());
                    break;
                }
            }
            if wake > end_ms && woken.is_none() {
                self.now = end_ms;
                self.out.state = RunState::Waiting;
                return self.out;
            }
            let (next, branch, detail) = match (&node.kind, woken) {
                (
                    NodeKind::WaitForEvent {
                        event_next_node_id, ..
                    },
                    Some(ev),
                ) => {
                    let id = ev
                        .get("event_id")
                        .and_then(Json::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    let events = self
                        .context
                        .entry("events")
                        .or_insert_with(|| Json::Object(Map::new()));
                    if let Json::Object(m) = events {
                        m.insert(node.node_id.clone(), Json::Object(ev));
                    }
                    (event_next_node_id.clone(), "event".to_owned(), id)
                }
                (
                    NodeKind::WaitForEvent {
                        timeout_next_node_id,
                        ..
                    },
                    None,
                ) => {
                    self.now = wake;
                    (
                        timeout_next_node_id.clone(),
                        "timeout".to_owned(),
                        String::new(),
                    )
                }
                _ => {
                    self.now = wake;
                    (node.next_node_id.clone(), String::new(), String::new())
                }
            };
            self.record(&node.node_id, "completed", &branch, detail);
            if next.is_empty() {
                self.out.state = RunState::Completed;
                return self.out;
            }
            current = next;
        }
        self.out.state = RunState::Failed;
        self.out.end_reason = format!("more than {MAX_STEPS} steps");
        self.out
    }
}

/// Simulates `input` (see the module docs).
pub fn simulate(rules: &Rules, input: &SimInput) -> SimOutput {
    let mut events: Vec<(i64, Map<String, Json>)> = input
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                input.start_ms.saturating_add(e.after_ms),
                Sim::event_json(e, i),
            )
        })
        .collect();
    events.sort_by_key(|(at, _)| *at);
    let sim = Sim {
        rules,
        input,
        now: input.start_ms,
        out: SimOutput {
            steps: Vec::new(),
            path: Vec::new(),
            state: RunState::Active,
            messages: Vec::new(),
            decisions: Vec::new(),
            end_reason: String::new(),
        },
        context: input.context.clone(),
    };
    sim.run(&events)
}
