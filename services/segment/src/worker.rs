//! Background work: the bus consumers (`EventIngested`, `CustomerErased`) and the
//! poller of scheduled re-evaluations (computed trait windows that expire with no
//! event).
//!
//! Delivery is at least once, so handling is idempotent: an event is counted into
//! computed traits once per event id, and a membership change is published only when
//! the membership write changed something.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures::{StreamExt as _, TryStreamExt as _};
use tracing::Instrument as _;

use omni_bus::{Bus, ConsumerOptions, Delivery, Lane, LaneOptions, Topic};
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{CustomerErased, EventIngested};

use crate::engine::{Engine, Reason, Trigger};
use crate::error::Error;

/// Consumer group of the segment workers.
pub const GROUP: &str = "segment";

/// How often the schedule of due re-evaluations is polled.
pub const DUE_POLL: Duration = Duration::from_millis(200);
/// Customers whose events are evaluated at the same time.
pub const EVENT_CONCURRENCY: usize = 32;
/// Most `EventIngested` entries read and not yet handled; reading pauses at this bound
/// (a hot customer may run this far ahead of the others).
pub const EVENTS_IN_FLIGHT: usize = 10_000;
/// Most re-evaluations claimed per poll.
pub const DUE_BATCH: usize = 200;
/// How long a failed scheduled re-evaluation waits before it is retried.
pub const DUE_RETRY_MS: i64 = 5_000;

/// Handles bus deliveries with the engine.
pub struct Membership {
    engine: Arc<Engine>,
}

impl Membership {
    /// A handler over the shared engine.
    pub fn new(engine: Arc<Engine>) -> Self {
        Self { engine }
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

    /// Drops the memberships of customers merged into the event's customer, then
    /// evaluates the customer for the event.
    pub async fn on_event(&self, msg: &EventIngested) -> Result<(), Error> {
        let ws = WorkspaceId::new(msg.workspace_id.as_str());
        let default_event = Default::default();
        let event = msg.event.as_ref().unwrap_or(&default_event);
        for merged in &msg.merged_customer_ids {
            self.engine
                .clear(&ws, merged, Reason::Merged, &event.event_id)
                .await?;
        }
        let trigger = Trigger::event(event, !msg.merged_customer_ids.is_empty());
        self.engine.evaluate(&ws, &msg.customer_id, trigger).await?;
        Ok(())
    }

    /// Handles a batch of `EventIngested` deliveries (in stream order): the events of
    /// one customer one after another, in order, and different customers
    /// concurrently (at most [`EVENT_CONCURRENCY`] at once), each in its own
    /// `bus.deliver` span continuing the event's trace. An event that merged customers
    /// is a barrier: what precedes it finishes first, it runs alone, then the rest —
    /// so the events of a merged-away id never race its clearing. Fails if any event
    /// failed (the bus then hands each entry over again alone; handling is
    /// idempotent).
    pub async fn handle_batch(&self, deliveries: Vec<Delivery>) -> Result<(), Error> {
        let mut run: Vec<(Delivery, EventIngested)> = Vec::new();
        for delivery in deliveries {
            let msg: EventIngested = delivery.decode()?;
            if msg.workspace_id.is_empty() || msg.customer_id.is_empty() {
                tracing::warn!(entry = %delivery.id, "EventIngested without workspace or customer; skipped");
                continue;
            }
            if msg.merged_customer_ids.is_empty() {
                run.push((delivery, msg));
                continue;
            }
            self.handle_concurrently(std::mem::take(&mut run)).await?;
            self.on_event_in_span(&delivery, &msg).await?;
        }
        self.handle_concurrently(run).await
    }

    /// Handles `events` (none of which merged customers): per customer in order,
    /// customers concurrently.
    async fn handle_concurrently(
        &self,
        events: Vec<(Delivery, EventIngested)>,
    ) -> Result<(), Error> {
        let mut by_customer: Vec<Vec<(Delivery, EventIngested)>> = Vec::new();
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        for (delivery, msg) in events {
            let key = (msg.workspace_id.clone(), msg.customer_id.clone());
            let at = *index.entry(key).or_insert_with(|| {
                by_customer.push(Vec::new());
                by_customer.len() - 1
            });
            by_customer[at].push((delivery, msg));
        }
        futures::stream::iter(by_customer)
            .map(|events| async move {
                for (delivery, msg) in &events {
                    self.on_event_in_span(delivery, msg).await?;
                }
                Ok::<(), Error>(())
            })
            .buffer_unordered(EVENT_CONCURRENCY)
            .try_collect::<()>()
            .await
    }

    async fn on_event_in_span(
        &self,
        delivery: &Delivery,
        msg: &EventIngested,
    ) -> Result<(), Error> {
        let span = omni_bus::delivery_span(Topic::EventIngested, GROUP, delivery);
        self.on_event(msg).instrument(span).await
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
            self.engine
                .clear(&ws, customer, Reason::Erased, &cause)
                .await?;
        }
        Ok(())
    }
}

/// The lane of an `EventIngested` delivery: its customer; an event that merged
/// customers waits for (and holds back) the lanes of every customer it names.
/// Undecodable entries share one lane (the handler skips them).
pub fn lane_of(delivery: &Delivery) -> Lane {
    let Ok(msg) = delivery.decode::<EventIngested>() else {
        return Lane::Key(String::new());
    };
    let key = |customer: &str| format!("{}/{customer}", msg.workspace_id);
    if msg.merged_customer_ids.is_empty() {
        return Lane::Key(key(&msg.customer_id));
    }
    Lane::Joint(
        std::iter::once(&msg.customer_id)
            .chain(&msg.merged_customer_ids)
            .map(|c| key(c))
            .collect(),
    )
}

/// Consumes [`Topic::EventIngested`] as group [`GROUP`] until `shutdown`, on per-customer
/// lanes ([`omni_bus::consume_lanes`], [`lane_of`]): each customer's events in order,
/// [`EVENT_CONCURRENCY`] customers at once, so a customer with a long backlog delays no
/// other. Restarts the consumer after a pause if the bus fails.
pub async fn run_events(
    membership: Arc<Membership>,
    bus: Bus,
    options: ConsumerOptions,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    loop {
        let m = Arc::clone(&membership);
        let handler = move |deliveries: Vec<Delivery>| {
            let m = Arc::clone(&m);
            async move { m.handle_batch(deliveries).await }
        };
        let lanes = LaneOptions {
            max_in_flight: EVENTS_IN_FLIGHT,
            chunk: options.batch,
            ..LaneOptions::new(EVENT_CONCURRENCY)
        };
        let result = omni_bus::consume_lanes(
            bus.clone(),
            Topic::EventIngested,
            options.clone(),
            lanes,
            shutdown.clone(),
            lane_of,
            handler,
        )
        .await;
        match result {
            Ok(()) => return Ok(()),
            Err(e) => {
                tracing::warn!(error = %e, "segment event consumer failed; restarting");
                tokio::select! {
                    () = shutdown.cancelled() => return Ok(()),
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
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

/// Re-evaluates every customer whose scheduled time (a computed trait window
/// expiring) has passed on the engine's clock; returns how many were evaluated.
pub async fn run_due_once(engine: &Engine) -> Result<usize, Error> {
    let now_ms = engine.clock().now_ms();
    let due = engine.state().claim_due(now_ms, DUE_BATCH).await?;
    let mut done = 0;
    for (ws, customer) in due {
        let ws = WorkspaceId::new(ws);
        match engine
            .evaluate(&ws, &customer, Trigger::window_expired())
            .await
        {
            Ok(_) => done += 1,
            Err(e) => {
                tracing::warn!(workspace = %ws, customer, error = %e,
                    "scheduled re-evaluation failed; retrying later");
                engine
                    .state()
                    .schedule(ws.as_str(), &customer, Some(now_ms + DUE_RETRY_MS))
                    .await?;
            }
        }
    }
    Ok(done)
}

/// Polls the schedule every [`DUE_POLL`] until `shutdown`.
pub async fn run_due(engine: Arc<Engine>, shutdown: CancellationToken) -> Result<(), Error> {
    loop {
        loop {
            match run_due_once(&engine).await {
                Ok(n) if n >= DUE_BATCH => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "polling scheduled re-evaluations failed");
                    break;
                }
            }
        }
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            () = tokio::time::sleep(DUE_POLL) => {}
        }
    }
}
