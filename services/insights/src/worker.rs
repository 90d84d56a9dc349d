//! Background work: the bus consumers (`EventIngested`, `MembershipChanged`,
//! `CustomerErased`) that feed the store, and the anomaly detector loop.
//!
//! Delivery is at least once; the store deduplicates on event id, membership
//! intervals are opened and closed idempotently, and erasure is a delete.

use std::sync::Arc;
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions, Delivery, Topic};
use omni_common::clock::SharedClock;
use omni_common::convert::{from_timestamp, to_timestamp};
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{CustomerErased, EventIngested, MembershipChanged};

use crate::alerts::{self, AlertSettings};
use crate::convert;
use crate::error::Error;
use crate::fact::Fact;
use crate::store::{DAY_MS, Store};

/// Consumer group of the insights workers.
pub const GROUP: &str = "insights";

/// `EventIngested` entries read, applied in one transaction and acknowledged at once.
pub const EVENT_BATCH: usize = 500;

/// Applies bus deliveries to the store.
pub struct Ingest {
    store: Store,
    clock: SharedClock,
    lookback_ms: i64,
}

impl Ingest {
    /// An ingester crediting conversions to messages sent up to `lookback_ms` before.
    pub fn new(store: Store, clock: SharedClock, lookback_ms: i64) -> Self {
        Self {
            store,
            clock,
            lookback_ms,
        }
    }

    /// Handles one delivery of `topic`.
    pub async fn handle(&self, topic: Topic, delivery: Delivery) -> Result<(), Error> {
        match topic {
            Topic::EventIngested => {
                let msg: EventIngested = delivery.decode()?;
                self.on_event(&msg).await.map(|_| ())
            }
            Topic::MembershipChanged => {
                let msg: MembershipChanged = delivery.decode()?;
                self.on_membership(&msg).await
            }
            Topic::CustomerErased => {
                let msg: CustomerErased = delivery.decode()?;
                self.on_erasure(&msg).await
            }
            Topic::InsightsAlert | Topic::Audit => Ok(()),
        }
    }

    /// Applies a batch of `EventIngested` deliveries in one store transaction; returns
    /// how many were new. An undecodable delivery fails the whole batch (the bus then
    /// retries its entries one by one, so only that one ends up dead-lettered).
    pub async fn handle_events(&self, batch: Vec<Delivery>) -> Result<usize, Error> {
        let now = self.clock.now_ms();
        let mut facts = Vec::with_capacity(batch.len());
        for delivery in &batch {
            let msg: EventIngested = delivery.decode()?;
            match Fact::from_bus(&msg, now) {
                Some(fact) => facts.push(fact),
                None => tracing::warn!(
                    entry_id = %delivery.id,
                    "EventIngested without workspace, customer or event id; skipped"
                ),
            }
        }
        self.store.apply_batch(&facts, self.lookback_ms).await
    }

    /// Applies one `EventIngested`; false when it was applied before or is unusable.
    pub async fn on_event(&self, msg: &EventIngested) -> Result<bool, Error> {
        let Some(fact) = Fact::from_bus(msg, self.clock.now_ms()) else {
            tracing::warn!("EventIngested without workspace, customer or event id; skipped");
            return Ok(false);
        };
        self.store.apply(&fact, self.lookback_ms).await
    }

    /// Records one membership change.
    pub async fn on_membership(&self, msg: &MembershipChanged) -> Result<(), Error> {
        if msg.workspace_id.is_empty() || msg.customer_id.is_empty() || msg.segment_id.is_empty() {
            tracing::warn!("MembershipChanged without workspace, customer or segment; skipped");
            return Ok(());
        }
        let at = msg
            .time
            .as_ref()
            .map_or_else(|| self.clock.now_ms(), from_timestamp);
        self.store
            .membership(
                &WorkspaceId::new(msg.workspace_id.as_str()),
                &CustomerId::new(msg.customer_id.as_str()),
                &msg.segment_id,
                msg.entered,
                at,
            )
            .await
    }

    /// Deletes the erased customer's rows (and those of the ids merged into it).
    pub async fn on_erasure(&self, msg: &CustomerErased) -> Result<(), Error> {
        if msg.workspace_id.is_empty() || msg.customer_id.is_empty() {
            tracing::warn!("CustomerErased without workspace or customer; skipped");
            return Ok(());
        }
        let customers: Vec<CustomerId> = std::iter::once(&msg.customer_id)
            .chain(&msg.merged_customer_ids)
            .filter(|c| !c.is_empty())
            .map(|c| CustomerId::new(c.as_str()))
            .collect();
        let deleted = self
            .store
            .erase(&WorkspaceId::new(msg.workspace_id.as_str()), &customers)
            .await?;
        tracing::info!(erasure = %msg.erasure_id, rows = deleted, "customer rows erased");
        Ok(())
    }
}

/// Consumes `topic` as group [`GROUP`] until `shutdown`, restarting the consumer after
/// a pause if the bus fails.
pub async fn run(
    ingest: Arc<Ingest>,
    bus: Bus,
    topic: Topic,
    options: ConsumerOptions,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    loop {
        let i = Arc::clone(&ingest);
        let result = if topic == Topic::EventIngested {
            // Events are applied a read at a time, in one transaction per batch.
            let handler = move |batch: Vec<Delivery>| {
                let i = Arc::clone(&i);
                async move { i.handle_events(batch).await.map(|_| ()) }
            };
            omni_bus::consume_batch(
                bus.clone(),
                topic,
                options.clone(),
                shutdown.clone(),
                handler,
            )
            .await
        } else {
            let handler = move |delivery: Delivery| {
                let i = Arc::clone(&i);
                async move { i.handle(topic, delivery).await }
            };
            omni_bus::consume(
                bus.clone(),
                topic,
                options.clone(),
                shutdown.clone(),
                handler,
            )
            .await
        };
        match result {
            Ok(()) => return Ok(()),
            Err(e) => {
                tracing::warn!(error = %e, %topic, "insights consumer failed; restarting");
                tokio::select! {
                    () = shutdown.cancelled() => return Ok(()),
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
    }
}

/// Scans every active workspace for anomalies once; publishes and returns the new
/// alerts.
pub async fn detect_once(
    store: &Store,
    bus: &Bus,
    clock: &SharedClock,
    settings: &AlertSettings,
) -> Result<Vec<alerts::Alert>, Error> {
    let now = clock.now_ms();
    let since = now - (settings.baseline_days + settings.scan_days + 1) * DAY_MS;
    let mut raised = Vec::new();
    for ws in store.active_workspaces(since).await? {
        for alert in alerts::scan(store, &ws, now, settings).await? {
            let mut msg = convert::alert_to_proto(&alert);
            msg.create_time = Some(to_timestamp(alert.create_ms));
            bus.publish(Topic::InsightsAlert, &msg).await?;
            tracing::info!(workspace = %ws, kpi = %alert.kpi, change = alert.change, "KPI anomaly");
            raised.push(alert);
        }
    }
    Ok(raised)
}

/// Runs [`detect_once`] every `interval` until `shutdown`.
pub async fn run_detector(
    store: Store,
    bus: Bus,
    clock: SharedClock,
    settings: AlertSettings,
    interval: Duration,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    loop {
        if let Err(e) = detect_once(&store, &bus, &clock, &settings).await {
            tracing::warn!(error = %e, "anomaly scan failed");
        }
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            () = tokio::time::sleep(interval) => {}
        }
    }
}
