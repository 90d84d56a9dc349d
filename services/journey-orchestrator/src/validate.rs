//! Request validation. Every error names the exact field path, e.g.
//! `journey.nodes[2].wait.duration`.
//!
//! [`problems`] checks a whole journey and reports every problem with its node: field
//! errors, bad CEL (with line and column), references to unknown nodes, unreachable
//! nodes, dead ends (a wait, decide, split or condition that leads nowhere) and cycles
//! that do not pass through a wait. [`journey`] rejects a journey with any problem,
//! naming the first.

use std::collections::HashMap;

use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;

use crate::convert;
use crate::error::Error;

/// Most nodes a journey may have.
pub const MAX_NODES: usize = 200;
/// Longest display name, in characters.
pub const MAX_DISPLAY_NAME: usize = 200;
/// Longest node id, template id, event type or idempotency key, in bytes.
pub const MAX_ID_LEN: usize = 128;
/// Longest wait: ten years.
pub const MAX_WAIT_MS: i64 = 3650 * 24 * 3600 * 1000;
/// Longest best-send-time window (decisioning's `BestSendTime` limit): 14 days.
pub const MAX_BEST_SEND_WAIT_MS: i64 = 14 * 24 * 3600 * 1000;
/// Default `page_size` of `ListRuns`.
pub const DEFAULT_PAGE_SIZE: usize = 100;
/// Largest `page_size` of `ListRuns`; larger values are reduced to it.
pub const MAX_PAGE_SIZE: usize = 1000;
/// Longest CEL expression, in bytes.
pub const MAX_EXPRESSION_LEN: usize = 4096;

/// Variables of an entry filter.
pub const ENTRY_VARS: &[&str] = &["event", "traits"];
/// Variables of a condition branch.
pub const CONDITION_VARS: &[&str] = &["traits", "computed", "segments", "context", "now"];
/// Variables of an event criterion filter (wait for event, exit, goal).
pub const CRITERION_VARS: &[&str] = &["event", "context"];

/// One problem of a journey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The node at fault (empty for journey-level problems).
    pub node_id: String,
    /// Field path.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// 1-based CEL line (0: n/a).
    pub line: u32,
    /// 1-based CEL column (0: n/a).
    pub column: u32,
}

impl Problem {
    /// The proto form.
    pub fn to_proto(&self) -> pb::ValidationProblem {
        pb::ValidationProblem {
            node_id: self.node_id.clone(),
            field: self.field.clone(),
            message: self.message.clone(),
            line: i32::try_from(self.line).unwrap_or(0),
            column: i32::try_from(self.column).unwrap_or(0),
        }
    }
}

/// Checks a `CreateJourneyRequest`.
pub fn create_journey(req: &pb::CreateJourneyRequest) -> Result<(), Error> {
    if req.idempotency_key.len() > MAX_ID_LEN {
        return Err(Error::invalid(
            "idempotency_key",
            format!("must be at most {MAX_ID_LEN} bytes"),
        ));
    }
    journey(req.journey.as_ref())
}

/// Rejects a journey with any problem (see [`problems`]), naming the first one and
/// how many others there are.
pub fn journey(journey: Option<&pb::Journey>) -> Result<(), Error> {
    let j = journey.ok_or_else(|| Error::invalid("journey", "is required"))?;
    let found = problems(j);
    match found.first() {
        None => Ok(()),
        Some(first) => {
            let mut message = first.message.clone();
            if !first.node_id.is_empty() {
                message.push_str(&format!(" (node `{}`)", first.node_id));
            }
            if found.len() > 1 {
                message.push_str(&format!(
                    " (and {} more problems; see ValidateJourney)",
                    found.len() - 1
                ));
            }
            Err(Error::invalid(first.field.clone(), message))
        }
    }
}

/// Collects problems.
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, node: &str, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            node_id: node.to_owned(),
            field: field.into(),
            message: message.into(),
            line: 0,
            column: 0,
        });
    }

    fn id(&mut self, node: &str, field: &str, value: &str) {
        if let Err(Error::InvalidArgument { field, message }) = check_id(field, value) {
            self.add(node, field, message);
        }
    }

    fn cel(&mut self, node: &str, field: &str, source: &str, vars: &[&str], required: bool) {
        if source.trim().is_empty() {
            if required {
                self.add(node, field, "must not be empty");
            }
            return;
        }
        if source.len() > MAX_EXPRESSION_LEN {
            self.add(
                node,
                field,
                format!("must be at most {MAX_EXPRESSION_LEN} bytes"),
            );
            return;
        }
        if let Err(e) = omni_rules::Expression::compile(source, vars) {
            self.0.push(Problem {
                node_id: node.to_owned(),
                field: field.to_owned(),
                message: format!("invalid CEL: {e}"),
                line: e.line.unwrap_or(0),
                column: e.column.unwrap_or(0),
            });
        }
    }

    fn duration(&mut self, node: &str, field: &str, d: Option<&prost_types::Duration>) {
        match d.map(convert::duration_ms) {
            None => self.add(node, field, "is required"),
            Some(None) => self.add(node, field, "is not a valid duration"),
            Some(Some(ms)) if ms <= 0 => self.add(node, field, "must be positive"),
            Some(Some(ms)) if ms > MAX_WAIT_MS => {
                self.add(node, field, "must be at most 3650 days");
            }
            Some(Some(_)) => {}
        }
    }

    fn criterion(&mut self, node: &str, field: &str, c: Option<&pb::EventCriterion>) {
        match c {
            None => self.add(node, field, "is required"),
            Some(c) => {
                self.id(node, &format!("{field}.event_type"), &c.event_type);
                self.cel(
                    node,
                    &format!("{field}.filter"),
                    &c.filter,
                    CRITERION_VARS,
                    false,
                );
            }
        }
    }
}

/// Outgoing edges of a proto node: (field path suffix, target id), non-empty targets.
fn edges(node: &pb::Node) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    match &node.kind {
        Some(Kind::Condition(c)) => {
            for (b, branch) in c.branches.iter().enumerate() {
                out.push((
                    format!("condition.branches[{b}].next_node_id"),
                    &branch.next_node_id,
                ));
            }
            out.push((
                "condition.default_next_node_id".into(),
                &c.default_next_node_id,
            ));
        }
        Some(Kind::Split(s)) => {
            for (a, arm) in s.arms.iter().enumerate() {
                out.push((format!("split.arms[{a}].next_node_id"), &arm.next_node_id));
            }
        }
        Some(Kind::WaitForEvent(w)) => {
            out.push((
                "wait_for_event.event_next_node_id".into(),
                &w.event_next_node_id,
            ));
            out.push((
                "wait_for_event.timeout_next_node_id".into(),
                &w.timeout_next_node_id,
            ));
        }
        Some(Kind::Goal(_) | Kind::Exit(_)) | None => {}
        Some(_) => out.push(("next_node_id".into(), &node.next_node_id)),
    }
    out.retain(|(_, t)| !t.is_empty());
    out
}

fn waits(node: &pb::Node) -> bool {
    matches!(
        node.kind,
        Some(Kind::Wait(_) | Kind::WaitUntil(_) | Kind::WaitForEvent(_))
    )
}

/// Every problem of a journey (empty when it is valid).
pub fn problems(j: &pb::Journey) -> Vec<Problem> {
    let mut p = Problems(Vec::new());
    if j.display_name.trim().is_empty() {
        p.add("", "journey.display_name", "must not be empty");
    }
    if j.display_name.chars().count() > MAX_DISPLAY_NAME {
        p.add(
            "",
            "journey.display_name",
            format!("must be at most {MAX_DISPLAY_NAME} characters"),
        );
    }
    if j.nodes.is_empty() {
        p.add("", "journey.nodes", "must contain exactly one entry node");
        return p.0;
    }
    if j.nodes.len() > MAX_NODES {
        p.add(
            "",
            "journey.nodes",
            format!("must have at most {MAX_NODES} nodes"),
        );
        return p.0;
    }
    settings(&mut p, j.settings.as_ref());

    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut entries = Vec::new();
    for (i, node) in j.nodes.iter().enumerate() {
        let path = format!("journey.nodes[{i}]");
        let id = node.node_id.as_str();
        p.id(id, &format!("{path}.node_id"), id);
        if let Some(first) = index.insert(id, i) {
            p.add(
                id,
                format!("{path}.node_id"),
                format!("`{id}` is already used by journey.nodes[{first}]"),
            );
            index.insert(id, first);
        }
        match &node.kind {
            None => p.add(
                id,
                format!("{path}.kind"),
                "must be set (entry, wait, decide, send, condition, split, wait_until, \
                 wait_for_event, goal, exit, update_profile or webhook)",
            ),
            Some(Kind::Entry(e)) => {
                entries.push(i);
                if let Some(schedule) = &e.schedule {
                    for (field, message) in crate::schedule::check(schedule) {
                        p.add(id, format!("{path}.entry.schedule.{field}"), message);
                    }
                    if !e.event_type.is_empty() || !e.segment_id.is_empty() {
                        p.add(
                            id,
                            format!("{path}.entry.schedule"),
                            "event_type and segment_id must be empty with a schedule",
                        );
                    }
                } else if e.segment_id.is_empty() {
                    p.id(id, &format!("{path}.entry.event_type"), &e.event_type);
                } else {
                    p.id(id, &format!("{path}.entry.segment_id"), &e.segment_id);
                    if !e.event_type.is_empty() {
                        p.add(
                            id,
                            format!("{path}.entry.event_type"),
                            "must be empty when segment_id is set",
                        );
                    }
                }
                p.cel(
                    id,
                    &format!("{path}.entry.filter"),
                    &e.filter,
                    ENTRY_VARS,
                    false,
                );
            }
            Some(Kind::Wait(w)) => match &w.best_send_time {
                // The duration is the fallback when decisioning cannot answer: may be
                // zero or absent.
                Some(b) => {
                    p.duration(
                        id,
                        &format!("{path}.wait.best_send_time.max_wait"),
                        b.max_wait.as_ref(),
                    );
                    if b.max_wait
                        .as_ref()
                        .and_then(convert::duration_ms)
                        .is_some_and(|ms| ms > MAX_BEST_SEND_WAIT_MS)
                    {
                        p.add(
                            id,
                            format!("{path}.wait.best_send_time.max_wait"),
                            "must be at most 14 days",
                        );
                    }
                    if let Some(ms) = w.duration.as_ref().map(convert::duration_ms)
                        && !ms.is_some_and(|ms| (0..=MAX_WAIT_MS).contains(&ms))
                    {
                        p.add(
                            id,
                            format!("{path}.wait.duration"),
                            "must be a duration of 0 to 3650 days",
                        );
                    }
                }
                None => p.duration(id, &format!("{path}.wait.duration"), w.duration.as_ref()),
            },
            Some(Kind::Decide(_)) => {}
            Some(Kind::Send(s)) => {
                if !s.best_channel {
                    match DeliveryChannel::try_from(s.channel) {
                        Ok(DeliveryChannel::Unspecified) | Err(_) => p.add(
                            id,
                            format!("{path}.send.channel"),
                            "must be specified (email, push, sms or store)",
                        ),
                        Ok(_) => {}
                    }
                }
                for (c, ch) in s.candidates.iter().enumerate() {
                    if convert::channel_from_proto(*ch).is_none() {
                        p.add(
                            id,
                            format!("{path}.send.candidates[{c}]"),
                            "must be a channel",
                        );
                    }
                }
                p.id(id, &format!("{path}.send.template_id"), &s.template_id);
            }
            Some(Kind::Condition(c)) => {
                if c.branches.is_empty() {
                    p.add(
                        id,
                        format!("{path}.condition.branches"),
                        "must have at least one branch",
                    );
                }
                for (b, branch) in c.branches.iter().enumerate() {
                    let bp = format!("{path}.condition.branches[{b}]");
                    p.id(id, &format!("{bp}.name"), &branch.name);
                    p.cel(
                        id,
                        &format!("{bp}.expression"),
                        &branch.expression,
                        CONDITION_VARS,
                        true,
                    );
                }
            }
            Some(Kind::Split(s)) => {
                if s.arms.is_empty() {
                    p.add(
                        id,
                        format!("{path}.split.arms"),
                        "must have at least one arm",
                    );
                }
                for (a, arm) in s.arms.iter().enumerate() {
                    p.id(id, &format!("{path}.split.arms[{a}].name"), &arm.name);
                    if s.experiment_id.is_empty() && arm.weight == 0 {
                        p.add(
                            id,
                            format!("{path}.split.arms[{a}].weight"),
                            "must be positive in a random split",
                        );
                    }
                }
                if !s.experiment_id.is_empty() {
                    p.id(id, &format!("{path}.split.experiment_id"), &s.experiment_id);
                }
                if !s.holdout_arm.is_empty() && !s.arms.iter().any(|a| a.name == s.holdout_arm) {
                    p.add(
                        id,
                        format!("{path}.split.holdout_arm"),
                        format!("names no arm (`{}`)", s.holdout_arm),
                    );
                }
            }
            Some(Kind::WaitUntil(w)) => {
                if w.hour > 23 {
                    p.add(id, format!("{path}.wait_until.hour"), "must be 0-23");
                }
                if w.minute > 59 {
                    p.add(id, format!("{path}.wait_until.minute"), "must be 0-59");
                }
                for (d, day) in w.weekdays.iter().enumerate() {
                    if !(1..=7).contains(day) {
                        p.add(
                            id,
                            format!("{path}.wait_until.weekdays[{d}]"),
                            "must be 1 (Monday) to 7 (Sunday)",
                        );
                    }
                }
            }
            Some(Kind::WaitForEvent(w)) => {
                p.criterion(
                    id,
                    &format!("{path}.wait_for_event.event"),
                    w.event.as_ref(),
                );
                p.duration(
                    id,
                    &format!("{path}.wait_for_event.timeout"),
                    w.timeout.as_ref(),
                );
                if w.event_next_node_id.is_empty() {
                    p.add(
                        id,
                        format!("{path}.wait_for_event.event_next_node_id"),
                        "dead end: the event exit leads nowhere",
                    );
                }
            }
            Some(Kind::Goal(_) | Kind::Exit(_)) => {}
            Some(Kind::UpdateProfile(u)) => {
                if u.traits.as_ref().is_none_or(|t| t.fields.is_empty()) {
                    p.add(
                        id,
                        format!("{path}.update_profile.traits"),
                        "must set at least one trait",
                    );
                }
            }
            Some(Kind::Webhook(w)) => {
                if !(w.url.starts_with("http://") || w.url.starts_with("https://"))
                    || w.url.len() > 2048
                {
                    p.add(
                        id,
                        format!("{path}.webhook.url"),
                        "must be an http(s) URL of at most 2048 bytes",
                    );
                }
            }
        }
    }

    let entry = match entries.as_slice() {
        [] => {
            p.add("", "journey.nodes", "must contain exactly one entry node");
            None
        }
        [only] => Some(*only),
        [first, rest @ ..] => {
            for i in rest {
                p.add(
                    &j.nodes[*i].node_id,
                    format!("journey.nodes[{i}].entry"),
                    "a journey has exactly one entry node",
                );
            }
            Some(*first)
        }
    };

    // References.
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); j.nodes.len()];
    for (i, node) in j.nodes.iter().enumerate() {
        for (suffix, target) in edges(node) {
            match index.get(target) {
                Some(t) => adjacency[i].push(*t),
                None => p.add(
                    &node.node_id,
                    format!("journey.nodes[{i}].{suffix}"),
                    format!("refers to unknown node `{target}`"),
                ),
            }
        }
        if matches!(node.kind, Some(Kind::Entry(_))) && adjacency[i].is_empty() {
            p.add(
                &node.node_id,
                format!("journey.nodes[{i}].next_node_id"),
                "dead end: the entry leads nowhere",
            );
        }
        let dead_end = matches!(
            node.kind,
            Some(
                Kind::Wait(_)
                    | Kind::WaitUntil(_)
                    | Kind::Decide(_)
                    | Kind::Condition(_)
                    | Kind::Split(_)
            )
        ) && edges(node).is_empty();
        if dead_end {
            p.add(
                &node.node_id,
                format!("journey.nodes[{i}].next_node_id"),
                "dead end: the node does nothing for the customer and leads nowhere",
            );
        }
    }

    // Cycles that do not pass through a wait: a cycle in the graph of edges between
    // non-waiting nodes.
    let mut color = vec![0u8; j.nodes.len()];
    for start in 0..j.nodes.len() {
        if color[start] != 0 || waits(&j.nodes[start]) {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        color[start] = 1;
        while let Some((n, k)) = stack.pop() {
            if k < adjacency[n].len() {
                stack.push((n, k + 1));
                let t = adjacency[n][k];
                if waits(&j.nodes[t]) {
                    continue;
                }
                match color[t] {
                    0 => {
                        color[t] = 1;
                        stack.push((t, 0));
                    }
                    1 => p.add(
                        &j.nodes[n].node_id,
                        format!("journey.nodes[{n}].next_node_id"),
                        format!(
                            "creates a cycle back to `{}` without a wait",
                            j.nodes[t].node_id
                        ),
                    ),
                    _ => {}
                }
            } else {
                color[n] = 2;
            }
        }
    }

    // Reachability from the entry.
    if let Some(entry) = entry {
        let mut visited = vec![false; j.nodes.len()];
        let mut queue = vec![entry];
        visited[entry] = true;
        while let Some(n) = queue.pop() {
            for t in &adjacency[n] {
                if !visited[*t] {
                    visited[*t] = true;
                    queue.push(*t);
                }
            }
        }
        for (i, seen) in visited.iter().enumerate() {
            if !seen {
                p.add(
                    &j.nodes[i].node_id,
                    format!("journey.nodes[{i}]"),
                    "is not reachable from the entry node",
                );
            }
        }
    }
    p.0
}

fn settings(p: &mut Problems, s: Option<&pb::JourneySettings>) {
    let Some(s) = s else { return };
    match pb::ReentryPolicy::try_from(s.reentry) {
        Err(_) => p.add("", "journey.settings.reentry", "is not a known policy"),
        Ok(pb::ReentryPolicy::OncePerPeriod) => p.duration(
            "",
            "journey.settings.reentry_period",
            s.reentry_period.as_ref(),
        ),
        Ok(_) => {}
    }
    if let Some(c) = &s.exit_event {
        p.criterion("", "journey.settings.exit_event", Some(c));
    }
    if !s.exit_segment_id.is_empty() {
        p.id("", "journey.settings.exit_segment_id", &s.exit_segment_id);
    }
    if let Some(g) = &s.goal {
        p.criterion("", "journey.settings.goal.event", g.event.as_ref());
        if g.conversion_window.is_some() {
            p.duration(
                "",
                "journey.settings.goal.conversion_window",
                g.conversion_window.as_ref(),
            );
        }
    }
    if s.max_entries_per_minute < 0 {
        p.add(
            "",
            "journey.settings.max_entries_per_minute",
            "must not be negative",
        );
    }
    if !(0..=crate::model::MAX_PRIORITY as i32).contains(&s.priority) {
        p.add(
            "",
            "journey.settings.priority",
            "must be between 0 (default) and 100",
        );
    }
    if pb::NoSlotAction::try_from(s.on_no_slot).is_err() {
        p.add("", "journey.settings.on_no_slot", "is not a known action");
    }
}

/// Checks a required id-like field: non-empty, at most [`MAX_ID_LEN`] bytes, and made
/// of ASCII letters, digits, `_`, `-` and `.` (node ids appear in idempotency keys).
fn check_id(field: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.len() > MAX_ID_LEN {
        return Err(Error::invalid(
            field,
            format!("must be at most {MAX_ID_LEN} bytes"),
        ));
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    {
        return Err(Error::invalid(
            field,
            "may contain only ASCII letters, digits, `_`, `-` and `.`",
        ));
    }
    Ok(())
}

/// Checks a required resource id (`journey_id`, `run_id`) in a request.
pub fn required(field: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.len() > MAX_ID_LEN {
        return Err(Error::invalid(
            field,
            format!("must be at most {MAX_ID_LEN} bytes"),
        ));
    }
    Ok(())
}

/// Checks a `ListRunsRequest` and returns the effective page size.
pub fn list_runs(req: &pb::ListRunsRequest) -> Result<usize, Error> {
    required("journey_id", &req.journey_id)?;
    if req.customer_id.len() > MAX_ID_LEN {
        return Err(Error::invalid(
            "customer_id",
            format!("must be at most {MAX_ID_LEN} bytes"),
        ));
    }
    let size = match usize::try_from(req.page_size) {
        Err(_) => return Err(Error::invalid("page_size", "must not be negative")),
        Ok(0) => DEFAULT_PAGE_SIZE,
        Ok(n) => n.min(MAX_PAGE_SIZE),
    };
    if !req.page_token.is_empty() && !req.page_token.starts_with("run_") {
        return Err(Error::invalid(
            "page_token",
            "is not a token returned by ListRuns",
        ));
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use omni_proto::journey::v1::{DecideNode, EntryNode, SendNode, WaitNode};

    fn node(id: &str, next: &str, kind: Kind) -> pb::Node {
        pb::Node {
            node_id: id.into(),
            next_node_id: next.into(),
            kind: Some(kind),
        }
    }

    fn entry(event_type: &str) -> Kind {
        Kind::Entry(EntryNode {
            event_type: event_type.into(),
            ..Default::default()
        })
    }

    fn wait(seconds: i64) -> Kind {
        Kind::Wait(WaitNode {
            duration: Some(prost_types::Duration { seconds, nanos: 0 }),
            ..Default::default()
        })
    }

    fn send(channel: DeliveryChannel, template: &str) -> Kind {
        Kind::Send(SendNode {
            channel: channel as i32,
            template_id: template.into(),
            ..Default::default()
        })
    }

    fn valid() -> pb::Journey {
        pb::Journey {
            display_name: "Welcome".into(),
            nodes: vec![
                node("in", "w", entry("signed_up")),
                node("w", "d", wait(60)),
                node("d", "s", Kind::Decide(DecideNode::default())),
                node("s", "", send(DeliveryChannel::Email, "welcome")),
            ],
            ..Default::default()
        }
    }

    fn field_of(j: &pb::Journey) -> String {
        match journey(Some(j)) {
            Err(Error::InvalidArgument { field, .. }) => field,
            other => panic!("expected invalid argument, got {other:?}"),
        }
    }

    #[test]
    fn a_linear_journey_is_valid() {
        journey(Some(&valid())).expect("valid");
    }

    #[test]
    fn missing_journey_and_name() {
        assert!(matches!(
            journey(None),
            Err(Error::InvalidArgument { field, .. }) if field == "journey"
        ));
        let mut j = valid();
        j.display_name = "  ".into();
        assert_eq!(field_of(&j), "journey.display_name");
    }

    #[test]
    fn node_ids_must_be_present_and_unique() {
        let mut j = valid();
        j.nodes[1].node_id = String::new();
        assert_eq!(field_of(&j), "journey.nodes[1].node_id");
        let mut j = valid();
        j.nodes[2].node_id = "w".into();
        assert_eq!(field_of(&j), "journey.nodes[2].node_id");
        let mut j = valid();
        j.nodes[2].node_id = "a:b".into();
        assert_eq!(field_of(&j), "journey.nodes[2].node_id");
    }

    #[test]
    fn node_kinds_and_their_fields() {
        let mut j = valid();
        j.nodes[2].kind = None;
        assert_eq!(field_of(&j), "journey.nodes[2].kind");
        let mut j = valid();
        j.nodes[1].kind = Some(wait(0));
        assert_eq!(field_of(&j), "journey.nodes[1].wait.duration");
        let mut j = valid();
        j.nodes[1].kind = Some(wait(-5));
        assert_eq!(field_of(&j), "journey.nodes[1].wait.duration");
        let mut j = valid();
        j.nodes[1].kind = Some(Kind::Wait(WaitNode::default()));
        assert_eq!(field_of(&j), "journey.nodes[1].wait.duration");
        let mut j = valid();
        j.nodes[3].kind = Some(send(DeliveryChannel::Unspecified, "t"));
        assert_eq!(field_of(&j), "journey.nodes[3].send.channel");
        let mut j = valid();
        j.nodes[3].kind = Some(send(DeliveryChannel::Sms, ""));
        assert_eq!(field_of(&j), "journey.nodes[3].send.template_id");
        let mut j = valid();
        j.nodes[0].kind = Some(entry(""));
        assert_eq!(field_of(&j), "journey.nodes[0].entry.event_type");
    }

    #[test]
    fn exactly_one_entry() {
        let mut j = valid();
        j.nodes[0].kind = Some(wait(1));
        assert_eq!(field_of(&j), "journey.nodes");
        let mut j = valid();
        j.nodes[2].kind = Some(entry("other"));
        assert_eq!(field_of(&j), "journey.nodes[2].entry");
    }

    #[test]
    fn references_reachability_and_cycles() {
        let mut j = valid();
        j.nodes[1].next_node_id = "nope".into();
        assert_eq!(field_of(&j), "journey.nodes[1].next_node_id");
        // A cycle that passes through no wait (s -> d -> s) is rejected ...
        let mut j = valid();
        j.nodes[3].next_node_id = "d".into();
        assert_eq!(field_of(&j), "journey.nodes[3].next_node_id");
        // ... while a cycle through a wait is a legitimate loop (s -> w -> d -> s).
        let mut j = valid();
        j.nodes[3].next_node_id = "w".into();
        journey(Some(&j)).expect("a loop through a wait is valid");
        let mut j = valid();
        j.nodes[3].next_node_id = "s".into();
        assert_eq!(field_of(&j), "journey.nodes[3].next_node_id");
        let mut j = valid();
        j.nodes[1].next_node_id = "s".into();
        assert_eq!(field_of(&j), "journey.nodes[2]");
    }

    #[test]
    fn every_problem_is_reported_with_its_node_and_cel_position() {
        use omni_proto::journey::v1::{ConditionBranch, ConditionNode, SplitArm, SplitNode};
        let mut j = valid();
        j.nodes[2].kind = Some(Kind::Condition(ConditionNode {
            branches: vec![ConditionBranch {
                name: "vip".into(),
                expression: "traits.tier == 'gold' &&".into(),
                next_node_id: "s".into(),
            }],
            default_next_node_id: "ghost".into(),
        }));
        j.nodes
            .push(node("orphan", "", Kind::Decide(DecideNode::default())));
        j.nodes.push(node(
            "split",
            "",
            Kind::Split(SplitNode {
                arms: vec![SplitArm {
                    name: "a".into(),
                    weight: 0,
                    next_node_id: "s".into(),
                }],
                experiment_id: String::new(),
                holdout_arm: "nobody".into(),
            }),
        ));
        let found = problems(&j);
        let at = |node: &str, field: &str| {
            found
                .iter()
                .find(|p| p.node_id == node && p.field == field)
                .unwrap_or_else(|| panic!("no problem at {node} {field}: {found:#?}"))
                .clone()
        };
        let cel = at("d", "journey.nodes[2].condition.branches[0].expression");
        assert!(cel.message.contains("invalid CEL"), "{cel:?}");
        assert_eq!(cel.line, 1);
        assert!(cel.column > 0, "{cel:?}");
        at("d", "journey.nodes[2].condition.default_next_node_id");
        at("orphan", "journey.nodes[4]");
        at("orphan", "journey.nodes[4].next_node_id");
        at("split", "journey.nodes[5].split.arms[0].weight");
        at("split", "journey.nodes[5].split.holdout_arm");
        at("split", "journey.nodes[5]");
        let unknown_var = {
            let mut j = valid();
            j.nodes[0].kind = Some(Kind::Entry(EntryNode {
                event_type: "signed_up".into(),
                filter: "profile.age > 3".into(),
                ..Default::default()
            }));
            problems(&j)
        };
        assert_eq!(unknown_var.len(), 1, "{unknown_var:#?}");
        assert_eq!(unknown_var[0].field, "journey.nodes[0].entry.filter");
        assert!(unknown_var[0].message.contains("profile"));
        assert!(problems(&valid()).is_empty());
    }

    #[test]
    fn list_runs_page_size() {
        let mut req = pb::ListRunsRequest {
            journey_id: "j_1".into(),
            ..Default::default()
        };
        assert_eq!(list_runs(&req).expect("ok"), DEFAULT_PAGE_SIZE);
        req.page_size = 5000;
        assert_eq!(list_runs(&req).expect("ok"), MAX_PAGE_SIZE);
        req.page_size = -1;
        assert!(list_runs(&req).is_err());
        req.page_size = 1;
        req.page_token = "garbage".into();
        assert!(list_runs(&req).is_err());
        req.journey_id = String::new();
        assert!(list_runs(&req).is_err());
    }
}
