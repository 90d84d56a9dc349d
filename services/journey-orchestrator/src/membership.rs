//! The membership worker: consumes `MembershipChanged` (group `journey`). A customer
//! entering a segment enrols in every published journey entered on that segment; a
//! customer leaving one exits the live runs of journeys whose exit criterion is
//! leaving it.

use std::sync::Arc;

use omni_bus::{Bus, ConsumerOptions, Delivery, Topic};
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::MembershipChanged;
use serde_json::{Map, Value as Json, json};

use crate::entry;
use crate::error::Error;
use crate::model::segment_entry_key;
use crate::runner::{Runner, Signal};

/// Consumes until `shutdown` is cancelled.
pub async fn consume(
    bus: Bus,
    runner: Arc<Runner>,
    options: ConsumerOptions,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    omni_bus::consume(
        bus,
        Topic::MembershipChanged,
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

/// Handles one delivery; malformed messages are logged and acknowledged.
pub async fn handle(runner: &Runner, delivery: Delivery) -> Result<(), Error> {
    let msg: MembershipChanged = match delivery.decode() {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(bus_id = %delivery.id, error = %e, "undecodable MembershipChanged; dropped");
            return Ok(());
        }
    };
    membership_changed(runner, msg).await
}

/// Applies one membership change.
pub async fn membership_changed(runner: &Runner, msg: MembershipChanged) -> Result<(), Error> {
    if msg.workspace_id.is_empty() || msg.customer_id.is_empty() || msg.segment_id.is_empty() {
        tracing::warn!("MembershipChanged missing workspace, customer or segment; dropped");
        return Ok(());
    }
    let ws = WorkspaceId::new(msg.workspace_id.clone());
    let customer = CustomerId::new(msg.customer_id.clone());
    let time_ms = msg
        .time
        .as_ref()
        .map_or_else(|| runner.now_ms(), omni_common::convert::from_timestamp);
    if !msg.entered {
        for run in runner.store().live_runs_of(&ws, &customer).await? {
            let Some(graph) = runner
                .graph(&ws, &run.journey_id, run.journey_version)
                .await?
            else {
                continue;
            };
            if graph.settings.exit_segment_id == msg.segment_id {
                let signal = Signal {
                    kind: "exit".into(),
                    reason: "left_segment".into(),
                    node_id: String::new(),
                    seq: 0,
                    event: Json::Null,
                };
                entry::deliver(runner, &ws, &run.run_id, &signal).await?;
            }
        }
        return Ok(());
    }
    let versions = runner
        .store()
        .entry_versions(&ws, &segment_entry_key(&msg.segment_id))
        .await?;
    if versions.is_empty() {
        return Ok(());
    }
    let event = Map::from_iter([
        (
            "event_id".to_owned(),
            json!(format!("segment:{}:{time_ms}", msg.segment_id)),
        ),
        ("type".to_owned(), json!("segment.entered")),
        (
            "properties".to_owned(),
            json!({"segment_id": msg.segment_id, "segment_version": msg.segment_version}),
        ),
    ]);
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
            let empty = Map::new();
            if !runner
                .rules()
                .entry_filter(filter, &event, traits.as_ref().unwrap_or(&empty))
                .unwrap_or(false)
            {
                continue;
            }
        }
        let context = Map::from_iter([("event".to_owned(), Json::Object(event.clone()))]);
        entry::start_run(
            runner,
            &ws,
            &version,
            customer.clone(),
            format!("segment:{}:{time_ms}", msg.segment_id),
            context,
        )
        .await?;
    }
    Ok(())
}
