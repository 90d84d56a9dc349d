//! Audit records: every service publishes one [`AuditEvent`] per committed change to
//! the resources the audit log covers (rules, keys, segments, offers, templates,
//! providers, journeys); identity keeps them and serves `ListAuditLog`.
//!
//! Call [`Change::publish`] after the change committed. A failed publish is logged and
//! never undoes or fails the change it describes.

use std::sync::OnceLock;

use omni_common::auth::Caller;
use omni_proto::common::v1::AuditEvent;
use prost_reflect::{DescriptorPool, DynamicMessage};
use serde_json::Value;

use crate::{Bus, Topic};

/// The descriptors of every contract, decoded once.
fn pool() -> Option<&'static DescriptorPool> {
    static POOL: OnceLock<Option<DescriptorPool>> = OnceLock::new();
    POOL.get_or_init(|| match DescriptorPool::decode(omni_proto::FILE_DESCRIPTOR_SET) {
        Ok(pool) => Some(pool),
        Err(e) => {
            tracing::error!(error = %e, "contract descriptors do not decode; audit JSON is empty");
            None
        }
    })
    .as_ref()
}

/// The protobuf full name of a generated message type (`omni_proto::segment::v1::Segment`
/// → `omni.segment.v1.Segment`; nested modules `foo_bar::Baz` → `FooBar.Baz`).
fn proto_name<M>() -> Option<String> {
    let rust = std::any::type_name::<M>();
    let rest = rust.strip_prefix("omni_proto::")?;
    let mut parts: Vec<String> = Vec::new();
    let mut past_version = false;
    for part in rest.split("::") {
        if past_version && part.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            // A module for nested types, named after the parent message in snake case.
            parts.push(
                part.split('_')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                            .unwrap_or_default()
                    })
                    .collect(),
            );
        } else {
            parts.push(part.to_owned());
        }
        if part == "v1" {
            past_version = true;
        }
    }
    Some(format!("omni.{}", parts.join(".")))
}

/// `msg` as canonical proto3 JSON (field names in lowerCamelCase, as every gRPC JSON
/// tool shows them), or `null` when its type is not one of the contracts' messages.
pub fn proto_json<M: prost::Message>(msg: &M) -> Value {
    let converted = proto_name::<M>().and_then(|name| {
        let descriptor = pool()?.get_message_by_name(&name)?;
        let dynamic = DynamicMessage::decode(descriptor, msg.encode_to_vec().as_slice()).ok()?;
        serde_json::to_value(&dynamic).ok()
    });
    converted.unwrap_or_else(|| {
        tracing::warn!(
            rust_type = std::any::type_name::<M>(),
            "not a contract message; audit JSON is null"
        );
        Value::Null
    })
}

/// One committed change, described for the audit log.
#[derive(Clone, Debug)]
pub struct Change {
    service: &'static str,
    action: String,
    resource_type: &'static str,
    resource_id: String,
    before: Option<Value>,
    after: Option<Value>,
}

impl Change {
    /// `service` (`segment`) did `action` (`segment.updated`) to the `resource_type`
    /// (`segment`) with id `resource_id`.
    pub fn new(
        service: &'static str,
        action: impl Into<String>,
        resource_type: &'static str,
        resource_id: impl Into<String>,
    ) -> Self {
        Self {
            service,
            action: action.into(),
            resource_type,
            resource_id: resource_id.into(),
            before: None,
            after: None,
        }
    }

    /// The resource before the change (as JSON).
    pub fn before(mut self, value: Value) -> Self {
        self.before = Some(value);
        self
    }

    /// The resource after the change (as JSON).
    pub fn after(mut self, value: Value) -> Self {
        self.after = Some(value);
        self
    }

    /// The contract message before the change.
    pub fn before_proto<M: prost::Message>(self, msg: &M) -> Self {
        self.before(proto_json(msg))
    }

    /// The contract message after the change.
    pub fn after_proto<M: prost::Message>(self, msg: &M) -> Self {
        self.after(proto_json(msg))
    }

    /// The bus message recording this change made by `caller` at `time_ms`.
    pub fn event(&self, caller: &Caller, time_ms: i64) -> AuditEvent {
        let json = |v: &Option<Value>| v.as_ref().map(Value::to_string).unwrap_or_default();
        AuditEvent {
            audit_id: uuid::Uuid::now_v7().to_string(),
            workspace_id: caller.workspace.as_str().to_owned(),
            actor_key_id: caller.key_id.clone(),
            actor_role: caller.role.as_str().to_owned(),
            action: self.action.clone(),
            resource_type: self.resource_type.to_owned(),
            resource_id: self.resource_id.clone(),
            before_json: json(&self.before),
            after_json: json(&self.after),
            time: Some(omni_common::convert::to_timestamp(time_ms)),
            service: self.service.to_owned(),
        }
    }

    /// Publishes the change on [`Topic::Audit`], stamped now. Never fails the caller:
    /// the change already committed, so a bus error is logged instead.
    pub async fn publish(self, bus: &Bus, caller: &Caller) {
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        let event = self.event(caller, now_ms);
        if let Err(e) = bus.publish(Topic::Audit, &event).await {
            tracing::error!(
                error = %e,
                action = %event.action,
                resource_id = %event.resource_id,
                "audit event not published"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use omni_common::access::Role;
    use omni_common::ids::WorkspaceId;
    use omni_proto::common::v1::CustomerErased;

    use super::*;

    #[test]
    fn contract_messages_become_proto_json() {
        let msg = CustomerErased {
            workspace_id: "ws".into(),
            customer_id: "c1".into(),
            merged_customer_ids: vec!["c2".into()],
            ..Default::default()
        };
        assert_eq!(
            proto_name::<CustomerErased>().as_deref(),
            Some("omni.common.v1.CustomerErased")
        );
        let json = proto_json(&msg);
        assert_eq!(json["customerId"], "c1");
        assert_eq!(json["mergedCustomerIds"][0], "c2");
    }

    #[test]
    fn nested_type_names_follow_the_parent_message() {
        assert_eq!(
            proto_name::<omni_proto::journey::v1::node::Kind>().as_deref(),
            Some("omni.journey.v1.Node.Kind")
        );
    }

    #[test]
    fn events_carry_the_caller_and_the_change() {
        let caller = Caller {
            workspace: WorkspaceId::new("ws"),
            key_id: "key1".into(),
            role: Role::Marketer,
        };
        let e = Change::new("segment", "segment.updated", "segment", "s1")
            .before(serde_json::json!({"v": 1}))
            .after(serde_json::json!({"v": 2}))
            .event(&caller, 1_700_000_000_000);
        assert_eq!(e.workspace_id, "ws");
        assert_eq!(e.actor_key_id, "key1");
        assert_eq!(e.actor_role, "marketer");
        assert_eq!(e.before_json, r#"{"v":1}"#);
        assert_eq!(e.after_json, r#"{"v":2}"#);
        assert_eq!(e.resource_type, "segment");
        assert!(!e.audit_id.is_empty());
    }
}
