//! Real-time membership: consumes `EventIngested`, re-evaluates the customer's
//! segments against the live profile and publishes `MembershipChanged` for each entry
//! or exit.
//!
//! Delivery is at least once, so handling is idempotent: a membership is written with
//! `set_membership`, and a change is published only when that write changed something.
//! A redelivered event therefore publishes nothing twice.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions, Delivery, Topic};
use omni_common::clock::SharedClock;
use omni_common::convert::to_timestamp;
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, StoredProfile};
use omni_proto::common::v1::{CustomerErased, EventIngested, MembershipChanged};
use omni_rules::{Evaluator, value};

use crate::catalog::{Catalog, WorkspaceSegments};
use crate::error::Error;

/// Consumer group of the membership worker on [`Topic::EventIngested`].
pub const GROUP: &str = "segment";

/// Evaluates segments for customers and records membership changes.
pub struct Membership {
    catalog: Arc<Catalog>,
    profiles: ProfileStore,
    bus: Bus,
    evaluator: Evaluator,
    clock: SharedClock,
}

/// One decided change for a customer.
struct Change {
    segment_id: String,
    version: i64,
    entered: bool,
}

impl Membership {
    /// A membership evaluator over the shared catalog, profiles and bus.
    pub fn new(
        catalog: Arc<Catalog>,
        profiles: ProfileStore,
        bus: Bus,
        clock: SharedClock,
    ) -> Self {
        Self {
            catalog,
            profiles,
            bus,
            evaluator: Evaluator::new(),
            clock,
        }
    }

    /// Handles one bus delivery of `EventIngested`.
    pub async fn handle(&self, delivery: Delivery) -> Result<(), Error> {
        let msg: EventIngested = delivery.decode()?;
        if msg.workspace_id.is_empty() || msg.customer_id.is_empty() {
            tracing::warn!(entry = %delivery.id, "EventIngested without workspace or customer; skipped");
            return Ok(());
        }
        self.on_event(&msg).await
    }

    /// Handles one bus delivery of `CustomerErased`: every membership of the erased
    /// customer and of the ids merged into it is removed (with an exit published, so
    /// journeys waiting on the segment see the customer leave).
    pub async fn handle_erasure(&self, delivery: Delivery) -> Result<(), Error> {
        let msg: CustomerErased = delivery.decode()?;
        if msg.workspace_id.is_empty() || msg.customer_id.is_empty() {
            tracing::warn!(entry = %delivery.id, "CustomerErased without workspace or customer; skipped");
            return Ok(());
        }
        let ws = WorkspaceId::new(msg.workspace_id.as_str());
        let cause = format!("erasure:{}", msg.erasure_id);
        for customer in std::iter::once(&msg.customer_id).chain(&msg.merged_customer_ids) {
            self.clear(&ws, customer, &cause).await?;
        }
        Ok(())
    }

    /// Re-evaluates the customer of `msg` (and drops the memberships of customers
    /// merged into it).
    pub async fn on_event(&self, msg: &EventIngested) -> Result<(), Error> {
        let ws = WorkspaceId::new(msg.workspace_id.as_str());
        let cause = msg
            .event
            .as_ref()
            .map(|e| e.event_id.as_str())
            .unwrap_or_default();
        for merged in &msg.merged_customer_ids {
            self.clear(&ws, merged, cause).await?;
        }
        let Some(profile) = self.profiles.get(ws.as_str(), &msg.customer_id).await? else {
            tracing::debug!(workspace = %ws, customer = %msg.customer_id, "no profile; nothing to evaluate");
            return Ok(());
        };
        self.evaluate(&ws, &profile, cause).await
    }

    /// Evaluates every segment of the workspace for `profile` and applies the changes.
    pub async fn evaluate(
        &self,
        ws: &WorkspaceId,
        profile: &StoredProfile,
        cause_event_id: &str,
    ) -> Result<(), Error> {
        let current = self
            .profiles
            .memberships(ws.as_str(), &profile.customer_id)
            .await?;
        let segments = self.catalog.compiled_with(ws, current.keys()).await?;
        let changes = self.decide(ws, profile, &segments, &current);
        for change in changes {
            self.apply(ws, &profile.customer_id, change, cause_event_id)
                .await?;
        }
        Ok(())
    }

    /// Pure part of [`Membership::evaluate`]: which memberships change.
    fn decide(
        &self,
        ws: &WorkspaceId,
        profile: &StoredProfile,
        segments: &WorkspaceSegments,
        current: &BTreeMap<String, i64>,
    ) -> Vec<Change> {
        let vars = [
            ("traits", value::from_json_map(&profile.traits)),
            ("events", value::counts(&profile.event_counts)),
            ("now", value::timestamp(self.clock.now())),
        ];
        let scope = match self.evaluator.scope(&vars) {
            Ok(scope) => scope,
            Err(e) => {
                tracing::error!(workspace = %ws, customer = %profile.customer_id, error = %e,
                    "profile cannot be bound for evaluation");
                return Vec::new();
            }
        };
        segments
            .segments
            .iter()
            .filter_map(|s| {
                let member = scope.eval_bool(&s.expression).unwrap_or_else(|e| {
                    // A rule that cannot be evaluated for this profile (e.g. a missing
                    // trait) does not match.
                    tracing::debug!(workspace = %ws, segment = %s.segment.id, error = %e,
                        "segment not evaluable for customer; not a member");
                    false
                });
                let was = current.contains_key(s.segment.id.as_str());
                (member != was).then(|| Change {
                    segment_id: s.segment.id.to_string(),
                    version: s.segment.version,
                    entered: member,
                })
            })
            .collect()
    }

    /// Removes every membership of a customer (merged away into another, or erased).
    async fn clear(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        cause_event_id: &str,
    ) -> Result<(), Error> {
        let current = self.profiles.memberships(ws.as_str(), customer).await?;
        if current.is_empty() {
            return Ok(());
        }
        let segments = self.catalog.compiled_with(ws, current.keys()).await?;
        for segment_id in current.into_keys() {
            let version = segments.get(&segment_id).map_or(0, |s| s.segment.version);
            let change = Change {
                segment_id,
                version,
                entered: false,
            };
            self.apply(ws, customer, change, cause_event_id).await?;
        }
        Ok(())
    }

    async fn apply(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        change: Change,
        cause_event_id: &str,
    ) -> Result<(), Error> {
        let now_ms = self.clock.now_ms();
        let changed = self
            .profiles
            .set_membership(
                ws.as_str(),
                customer,
                &change.segment_id,
                change.entered,
                now_ms,
            )
            .await?;
        if !changed {
            return Ok(());
        }
        tracing::debug!(workspace = %ws, customer, segment = %change.segment_id,
            entered = change.entered, "membership changed");
        let msg = MembershipChanged {
            workspace_id: ws.to_string(),
            customer_id: customer.to_owned(),
            segment_id: change.segment_id,
            entered: change.entered,
            segment_version: change.version,
            time: Some(to_timestamp(now_ms)),
            cause_event_id: cause_event_id.to_owned(),
        };
        self.bus.publish(Topic::MembershipChanged, &msg).await?;
        Ok(())
    }
}

/// Consumes `topic` ([`Topic::EventIngested`] or [`Topic::CustomerErased`]) as group
/// [`GROUP`] until `shutdown`, restarting the consumer after a pause if the bus fails.
pub async fn run(
    membership: Arc<Membership>,
    bus: Bus,
    topic: Topic,
    options: ConsumerOptions,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    loop {
        let m = Arc::clone(&membership);
        let handler = move |delivery: Delivery| {
            let m = Arc::clone(&m);
            async move {
                if topic == Topic::CustomerErased {
                    m.handle_erasure(delivery).await
                } else {
                    m.handle(delivery).await
                }
            }
        };
        let result = omni_bus::consume(
            bus.clone(),
            topic,
            options.clone(),
            shutdown.clone(),
            handler,
        )
        .await;
        match result {
            Ok(()) => return Ok(()),
            Err(e) => {
                tracing::warn!(error = %e, %topic, "segment consumer failed; restarting");
                tokio::select! {
                    () = shutdown.cancelled() => return Ok(()),
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
    }
}
