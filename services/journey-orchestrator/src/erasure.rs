//! The erasure worker: consumes `CustomerErased` (group `journey`) and deletes every run
//! of the erased customer and of the ids merged into it, with their contexts (which can
//! hold event properties and decided offers). A run being advanced at that moment loses
//! its row, so its next save fails and nothing more is done for it.

use omni_bus::{Bus, ConsumerOptions, Delivery, Topic};
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::CustomerErased;

use crate::error::Error;
use crate::store::Store;

/// Consumes until `shutdown` is cancelled.
pub async fn consume(
    bus: Bus,
    store: Store,
    options: ConsumerOptions,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    omni_bus::consume(
        bus,
        Topic::CustomerErased,
        options,
        shutdown,
        move |delivery| {
            let store = store.clone();
            async move { handle(&store, delivery).await }
        },
    )
    .await?;
    Ok(())
}

/// Handles one delivery. Malformed messages are logged and acknowledged; database errors
/// leave the message pending for redelivery (deleting again is harmless).
pub async fn handle(store: &Store, delivery: Delivery) -> Result<(), Error> {
    let msg: CustomerErased = match delivery.decode() {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(bus_id = %delivery.id, error = %e, "undecodable CustomerErased; dropped");
            return Ok(());
        }
    };
    if msg.workspace_id.is_empty() || msg.customer_id.is_empty() {
        tracing::warn!(bus_id = %delivery.id, "CustomerErased without workspace or customer; dropped");
        return Ok(());
    }
    let ws = WorkspaceId::new(msg.workspace_id);
    let customers: Vec<CustomerId> = std::iter::once(msg.customer_id)
        .chain(msg.merged_customer_ids)
        .filter(|c| !c.is_empty())
        .map(CustomerId::new)
        .collect();
    let deleted = store.delete_customer_runs(&ws, &customers).await?;
    tracing::info!(workspace = %ws, erasure_id = %msg.erasure_id, deleted, "erased customer's runs deleted");
    Ok(())
}
