//! The erasure worker: consumes `CustomerErased` (group `channel`) and forgets the
//! customer in the message log. Messages are kept as anonymous rows (their idempotency
//! keys must keep stopping a retried send) but lose their recipient, content, variables
//! and offer, and their customer id becomes [`ERASED`]; a message not yet delivered is
//! failed so it is never sent. The customer's delivery events are deleted.

use std::sync::Arc;

use omni_bus::{Bus, ConsumerOptions, Delivery, Topic};
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::CustomerErased;

use crate::delivery::Gateway;
use crate::error::Error;
use crate::store::Store;

/// Consumer group of the erasure worker.
pub const GROUP: &str = "channel";
/// Customer id left on the messages of an erased customer.
pub const ERASED: &str = "erased";

/// Consumes until `shutdown` is cancelled.
pub async fn consume(
    bus: Bus,
    gateway: Arc<Gateway>,
    options: ConsumerOptions,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    omni_bus::consume(
        bus,
        Topic::CustomerErased,
        options,
        shutdown,
        move |delivery| {
            let gateway = gateway.clone();
            async move { handle(gateway.store(), delivery).await }
        },
    )
    .await?;
    Ok(())
}

/// Handles one delivery. Malformed messages are logged and acknowledged; database
/// errors leave the message pending for redelivery (erasing again is harmless).
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
    let erased = store.erase_customers(&ws, &customers).await?;
    tracing::info!(workspace = %ws, erasure_id = %msg.erasure_id, messages = erased, "erased customer's messages anonymised");
    Ok(())
}
