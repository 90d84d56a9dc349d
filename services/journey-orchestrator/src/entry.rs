//! The entry worker: consumes `EventIngested` from the bus (group `journey`) and starts a
//! run of every journey whose latest published version enters on the event's type.
//!
//! Delivery is at least once: the run's unique key (journey, entry event, customer)
//! makes a redelivered event a no-op. A new run is inserted `ACTIVE` at the entry node
//! under a lease held by this worker and advanced at once; if this worker dies first,
//! the timer poller reclaims it when the lease expires.

use std::sync::Arc;

use omni_bus::{Bus, ConsumerOptions, Delivery, Topic};
use omni_common::convert::struct_to_json;
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::EventIngested;
use serde_json::{Map, Value as Json, json};

use crate::error::Error;
use crate::model::{Run, RunId, RunState};
use crate::runner::Runner;
use crate::store::EntryVersion;

/// Consumer group of the entry worker.
pub const GROUP: &str = "journey";

/// Consumes until `shutdown` is cancelled.
pub async fn consume(
    bus: Bus,
    runner: Arc<Runner>,
    options: ConsumerOptions,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    omni_bus::consume(
        bus,
        Topic::EventIngested,
        options,
        shutdown,
        move |delivery| {
            let runner = runner.clone();
            async move { handle(&runner, delivery).await }
        },
    )
    .await?;
    Ok(())
}

/// Handles one delivery (inside the bus's `bus.deliver` span, which continues the
/// publisher's trace). Malformed messages are logged and acknowledged (retrying cannot
/// fix them); database errors leave the message pending for redelivery.
pub async fn handle(runner: &Runner, delivery: Delivery) -> Result<(), Error> {
    let msg: EventIngested = match delivery.decode() {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(bus_id = %delivery.id, error = %e, "undecodable EventIngested; dropped");
            return Ok(());
        }
    };
    start_runs(runner, msg).await
}

/// Starts (and advances) the runs an ingested event enrols its customer in.
pub async fn start_runs(runner: &Runner, msg: EventIngested) -> Result<(), Error> {
    let Some(event) = msg.event else {
        tracing::warn!("EventIngested without an event; dropped");
        return Ok(());
    };
    if msg.workspace_id.is_empty()
        || msg.customer_id.is_empty()
        || event.event_id.is_empty()
        || event.r#type.is_empty()
    {
        tracing::warn!(
            workspace = %msg.workspace_id,
            customer_id = %msg.customer_id,
            event_id = %event.event_id,
            "EventIngested missing workspace, customer, event id or type; dropped"
        );
        return Ok(());
    }
    let ws = WorkspaceId::new(msg.workspace_id);
    let versions = runner.store().entry_versions(&ws, &event.r#type).await?;
    if versions.is_empty() {
        return Ok(());
    }
    let mut event_json = Map::new();
    event_json.insert("event_id".into(), json!(event.event_id));
    event_json.insert("type".into(), json!(event.r#type));
    if let Some(p) = &event.properties {
        event_json.insert("properties".into(), Json::Object(struct_to_json(p)));
    }
    for version in versions {
        let context = Map::from_iter([("event".to_owned(), Json::Object(event_json.clone()))]);
        start_run(
            runner,
            &ws,
            &version,
            CustomerId::new(msg.customer_id.clone()),
            event.event_id.clone(),
            context,
        )
        .await?;
    }
    Ok(())
}

/// Starts a run of `version` for `customer_id`, keyed by `entry_event_id`, with the
/// initial `context`, and advances it at once. Returns the new run, or `None` when a
/// run with the same (journey, entry event, customer) already exists.
pub async fn start_run(
    runner: &Runner,
    ws: &WorkspaceId,
    version: &EntryVersion,
    customer_id: CustomerId,
    entry_event_id: String,
    context: Map<String, Json>,
) -> Result<Option<Run>, Error> {
    let Some(entry) = version.graph.entry() else {
        return Ok(None);
    };
    let token = Runner::new_token();
    let now = runner.now_ms();
    let run = Run {
        run_id: RunId::generate(),
        journey_id: version.journey_id.clone(),
        journey_version: version.version,
        customer_id,
        entry_event_id,
        state: RunState::Active,
        current_node_id: entry.node_id.clone(),
        context,
        wake_ms: None,
        lease_owner: Some(token.clone()),
        lease_until_ms: Some(runner.lease_until()),
        attempts: 0,
        error: String::new(),
        create_ms: now,
        update_ms: now,
        traceparent: omni_common::telemetry::current_traceparent().unwrap_or_default(),
    };
    if !runner.store().insert_run(ws, &run).await? {
        tracing::debug!(journey_id = %version.journey_id, entry_event_id = %run.entry_event_id, "run already exists");
        return Ok(None);
    }
    tracing::info!(journey_id = %version.journey_id, version = version.version, run_id = %run.run_id, customer_id = %run.customer_id, "run started");
    // The run is stored: a failure from here on is the poller's to recover, not a reason
    // to redeliver the event or fail the enrolment.
    if let Err(e) = runner.advance(ws, &run.run_id, &token).await {
        tracing::warn!(run_id = %run.run_id, error = %e, "advancing new run failed; the poller will resume it");
    }
    Ok(Some(run))
}
