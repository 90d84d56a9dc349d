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

pub use crate::enrol::Started;
use crate::enrol::{EntryPolicy, NewRun};
use crate::error::Error;
use crate::model::{NodeKind, Run, RunId, RunState};
use crate::runner::{Runner, Signal};
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

/// Handles an ingested event: first signals the customer's live runs it concerns
/// (journey goal, exit criteria, an awaited event), then starts the runs it enrols the
/// customer in (so a run is never signalled by its own entry event).
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
    let customer = CustomerId::new(msg.customer_id.clone());
    let mut event_json = Map::new();
    event_json.insert("event_id".into(), json!(event.event_id));
    event_json.insert("type".into(), json!(event.r#type));
    event_json.insert(
        "properties".into(),
        Json::Object(
            event
                .properties
                .as_ref()
                .map(struct_to_json)
                .unwrap_or_default(),
        ),
    );
    let event_ms = event
        .time
        .as_ref()
        .map_or_else(|| runner.now_ms(), omni_common::convert::from_timestamp);
    signal_runs(runner, &ws, &customer, &event_json, event_ms).await?;

    let versions = runner.store().entry_versions(&ws, &event.r#type).await?;
    if versions.is_empty() {
        return Ok(());
    }
    let mut traits: Option<Map<String, Json>> = None;
    for version in versions {
        let filter = version.graph.entry_filter();
        if !filter.is_empty() {
            if traits.is_none() {
                traits = Some(
                    runner
                        .profiles()
                        .get(ws.as_str(), customer.as_str())
                        .await?
                        .map(|p| p.traits)
                        .unwrap_or_default(),
                );
            }
            match runner.rules().entry_filter(
                filter,
                &event_json,
                traits.as_ref().unwrap_or(&Map::new()),
            ) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    tracing::info!(journey_id = %version.journey_id, error = %e, "entry filter could not be evaluated; not entered");
                    continue;
                }
            }
        }
        let context = Map::from_iter([("event".to_owned(), Json::Object(event_json.clone()))]);
        start_run(
            runner,
            &ws,
            &version,
            customer.clone(),
            event.event_id.clone(),
            context,
        )
        .await?;
    }
    Ok(())
}

/// Signals the live runs of `customer` that `event` concerns: the journey goal
/// (within its conversion window), the exit criteria, or the event awaited by a
/// wait-for-event node the run waits at; then advances each signalled run at once if
/// it is free (otherwise the poller or the current lease holder handles the signal).
pub async fn signal_runs(
    runner: &Runner,
    ws: &WorkspaceId,
    customer: &CustomerId,
    event: &Map<String, Json>,
    event_ms: i64,
) -> Result<(), Error> {
    let runs = runner.store().live_runs_of(ws, customer).await?;
    for run in runs {
        let Some(graph) = runner
            .graph(ws, &run.journey_id, run.journey_version)
            .await?
        else {
            continue;
        };
        let mut context = run.context.clone();
        context.insert("run_id".into(), json!(run.run_id.as_str()));
        context.insert("journey_id".into(), json!(run.journey_id.as_str()));
        let matches = |c: &crate::model::Criterion| match runner.rules().matches(c, event, &context)
        {
            Ok(m) => m,
            Err(e) => {
                tracing::info!(run_id = %run.run_id, error = %e, "criterion could not be evaluated; no match");
                false
            }
        };
        let settings = &graph.settings;
        let mut signal: Option<Signal> = None;
        if let Some(goal) = &settings.goal
            && matches(&goal.event)
            && goal
                .window_ms
                .is_none_or(|w| event_ms <= run.create_ms.saturating_add(w))
        {
            signal = Some(Signal {
                kind: "convert".into(),
                reason: goal.event.event_type.clone(),
                node_id: String::new(),
                seq: 0,
                event: Json::Null,
            });
        } else if let Some(exit) = &settings.exit_event
            && matches(exit)
        {
            signal = Some(Signal {
                kind: "exit".into(),
                reason: "exit_event".into(),
                node_id: String::new(),
                seq: 0,
                event: Json::Null,
            });
        } else if run.state == RunState::Waiting
            && let Some(node) = graph.node(&run.current_node_id)
            && let NodeKind::WaitForEvent { event: wanted, .. } = &node.kind
            && matches(wanted)
        {
            signal = Some(Signal {
                kind: "event".into(),
                reason: String::new(),
                node_id: node.node_id.clone(),
                seq: run.step_seq,
                event: Json::Object(event.clone()),
            });
        }
        if let Some(signal) = signal {
            deliver(runner, ws, &run.run_id, &signal).await?;
        }
    }
    Ok(())
}

/// Stores a signal for a run and advances the run at once when it is free.
pub async fn deliver(
    runner: &Runner,
    ws: &WorkspaceId,
    run_id: &RunId,
    signal: &Signal,
) -> Result<bool, Error> {
    let encoded =
        serde_json::to_value(signal).map_err(|e| Error::Corrupt(format!("encode signal: {e}")))?;
    if !runner.store().add_signal(ws, run_id, &encoded).await? {
        return Ok(false);
    }
    tracing::debug!(run_id = %run_id, kind = %signal.kind, "run signalled");
    if let Some(token) = runner.claim(ws, run_id).await?
        && let Err(e) = runner.advance(ws, run_id, &token).await
    {
        tracing::warn!(run_id = %run_id, error = %e, "advancing signalled run failed; the poller will");
    }
    Ok(true)
}

/// Starts a run of `version` for `customer_id`, keyed by `entry_event_id`, with the
/// initial `context`, after applying the journey's re-entry policy, its
/// one-live-run-per-customer rule and its entry rate limit. The run's first steps up to
/// its first wait are taken in memory and stored with it, group-committed with other
/// concurrent enrolments ([`crate::enrol`]); this returns after that commit. A run that
/// stopped at a node with a side effect is then advanced at once.
pub async fn start_run(
    runner: &Runner,
    ws: &WorkspaceId,
    version: &EntryVersion,
    customer_id: CustomerId,
    entry_event_id: String,
    context: Map<String, Json>,
) -> Result<Started, Error> {
    let Some(entry) = version.graph.entry() else {
        return Ok(Started::Refused("no_entry"));
    };
    let now = runner.now_ms();
    let token = Runner::new_token();
    let mut run = Run {
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
        signals: String::new(),
        end_reason: String::new(),
        step_seq: 0,
        new_steps: Vec::new(),
        new_facts: Vec::new(),
    };
    run.new_facts
        .push(Runner::fact(&run, "entered", Map::new()));
    runner.pre_advance(&version.graph, &mut run);
    let item = NewRun {
        ws: ws.clone(),
        run,
        policy: EntryPolicy::of(&version.graph.settings),
    };
    let started = runner.enroller().submit(item).await?;
    let Started::Run(mut run) = started else {
        return Ok(started);
    };
    // `journey.entered` was committed to the outbox with the run.
    runner.outbox_wake().notify_one();
    run.step_seq += i64::try_from(run.new_steps.len()).unwrap_or(0);
    run.new_steps.clear();
    run.new_facts.clear();
    if run.state == RunState::Active && run.lease_owner.as_deref() == Some(token.as_str()) {
        // The run is stored: a failure from here on is the poller's to recover, not a
        // reason to redeliver the event or fail the enrolment.
        if let Err(e) = runner.advance(ws, &run.run_id, &token).await {
            tracing::warn!(run_id = %run.run_id, error = %e, "advancing new run failed; the poller will resume it");
        }
    }
    Ok(Started::Run(run))
}
