//! Request validation. Every error names the exact field path, e.g.
//! `journey.nodes[2].wait.duration`.
//!
//! Journeys are linear for now: one entry node, each node has at most one `next_node_id`,
//! every node is reachable from the entry and no path loops.

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
/// Default `page_size` of `ListRuns`.
pub const DEFAULT_PAGE_SIZE: usize = 100;
/// Largest `page_size` of `ListRuns`; larger values are reduced to it.
pub const MAX_PAGE_SIZE: usize = 1000;

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

/// Checks a journey graph (see the module docs for the rules).
pub fn journey(journey: Option<&pb::Journey>) -> Result<(), Error> {
    let j = journey.ok_or_else(|| Error::invalid("journey", "is required"))?;
    if j.display_name.trim().is_empty() {
        return Err(Error::invalid("journey.display_name", "must not be empty"));
    }
    if j.display_name.chars().count() > MAX_DISPLAY_NAME {
        return Err(Error::invalid(
            "journey.display_name",
            format!("must be at most {MAX_DISPLAY_NAME} characters"),
        ));
    }
    if j.nodes.is_empty() {
        return Err(Error::invalid(
            "journey.nodes",
            "must contain exactly one entry node",
        ));
    }
    if j.nodes.len() > MAX_NODES {
        return Err(Error::invalid(
            "journey.nodes",
            format!("must have at most {MAX_NODES} nodes"),
        ));
    }

    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut entries = Vec::new();
    for (i, node) in j.nodes.iter().enumerate() {
        let path = format!("journey.nodes[{i}]");
        check_id(&format!("{path}.node_id"), &node.node_id)?;
        if let Some(first) = index.insert(node.node_id.as_str(), i) {
            return Err(Error::invalid(
                format!("{path}.node_id"),
                format!(
                    "`{}` is already used by journey.nodes[{first}]",
                    node.node_id
                ),
            ));
        }
        match &node.kind {
            None => {
                return Err(Error::invalid(
                    format!("{path}.kind"),
                    "must be set (entry, wait, decide or send)",
                ));
            }
            Some(Kind::Entry(e)) => {
                check_id(&format!("{path}.entry.event_type"), &e.event_type)?;
                entries.push(i);
            }
            Some(Kind::Wait(w)) => {
                let field = format!("{path}.wait.duration");
                let d = w
                    .duration
                    .as_ref()
                    .ok_or_else(|| Error::invalid(&field, "is required"))?;
                match convert::duration_ms(d) {
                    None => return Err(Error::invalid(&field, "is not a valid duration")),
                    Some(ms) if ms <= 0 => return Err(Error::invalid(&field, "must be positive")),
                    Some(ms) if ms > MAX_WAIT_MS => {
                        return Err(Error::invalid(&field, "must be at most 3650 days"));
                    }
                    Some(_) => {}
                }
            }
            Some(Kind::Decide(_)) => {}
            Some(Kind::Send(s)) => {
                match DeliveryChannel::try_from(s.channel) {
                    Ok(DeliveryChannel::Unspecified) | Err(_) => {
                        return Err(Error::invalid(
                            format!("{path}.send.channel"),
                            "must be specified (email, push, sms or store)",
                        ));
                    }
                    Ok(_) => {}
                }
                check_id(&format!("{path}.send.template_id"), &s.template_id)?;
            }
        }
    }

    let entry = match entries.as_slice() {
        [] => {
            return Err(Error::invalid(
                "journey.nodes",
                "must contain exactly one entry node",
            ));
        }
        [only] => *only,
        [_, second, ..] => {
            return Err(Error::invalid(
                format!("journey.nodes[{second}].entry"),
                "a journey has exactly one entry node",
            ));
        }
    };

    for (i, node) in j.nodes.iter().enumerate() {
        if !node.next_node_id.is_empty() && !index.contains_key(node.next_node_id.as_str()) {
            return Err(Error::invalid(
                format!("journey.nodes[{i}].next_node_id"),
                format!("refers to unknown node `{}`", node.next_node_id),
            ));
        }
    }

    // Walk the single path from the entry: it must end (no loop) and visit every node.
    let mut visited = vec![false; j.nodes.len()];
    visited[entry] = true;
    let mut current = entry;
    while let Some(&next) = index.get(j.nodes[current].next_node_id.as_str()) {
        if visited[next] {
            return Err(Error::invalid(
                format!("journey.nodes[{current}].next_node_id"),
                format!("creates a cycle back to `{}`", j.nodes[next].node_id),
            ));
        }
        visited[next] = true;
        current = next;
    }
    if let Some(unreachable) = visited.iter().position(|v| !v) {
        return Err(Error::invalid(
            format!("journey.nodes[{unreachable}]"),
            "is not reachable from the entry node",
        ));
    }
    Ok(())
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
        })
    }

    fn wait(seconds: i64) -> Kind {
        Kind::Wait(WaitNode {
            duration: Some(prost_types::Duration { seconds, nanos: 0 }),
        })
    }

    fn send(channel: DeliveryChannel, template: &str) -> Kind {
        Kind::Send(SendNode {
            channel: channel as i32,
            template_id: template.into(),
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
        j.nodes[1].kind = Some(Kind::Wait(WaitNode { duration: None }));
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
        let mut j = valid();
        j.nodes[3].next_node_id = "w".into();
        assert_eq!(field_of(&j), "journey.nodes[3].next_node_id");
        let mut j = valid();
        j.nodes[3].next_node_id = "s".into();
        assert_eq!(field_of(&j), "journey.nodes[3].next_node_id");
        let mut j = valid();
        j.nodes[1].next_node_id = "s".into();
        assert_eq!(field_of(&j), "journey.nodes[2]");
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
