//! Consumer groups: reading, acknowledging, reclaiming and dead-lettering entries.

use std::collections::HashMap;
use std::fmt::Display;
use std::future::Future;
use std::time::{Duration, Instant};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::streams::{
    StreamAutoClaimOptions, StreamAutoClaimReply, StreamId, StreamMaxlen, StreamPendingCountReply,
    StreamReadOptions, StreamReadReply,
};
use redis::{AsyncCommands, Value};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::publish::{FIELD_PAYLOAD, FIELD_TRACEPARENT};
use crate::{Bus, Error, Topic};

/// How often a bus built with [`Bus::new`] (no dedicated connection) polls an idle stream.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
/// First and largest pause after a Redis error in the consumer loop.
const BACKOFF_MIN: Duration = Duration::from_millis(100);
const BACKOFF_MAX: Duration = Duration::from_secs(5);
/// The `XAUTOCLAIM` cursor meaning "start of the pending list" / "full pass done".
const CURSOR_START: &str = "0-0";

/// How one consumer reads a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsumerOptions {
    /// Consumer group name: every group receives every entry once; the consumers of a
    /// group share its entries.
    pub group: String,
    /// This consumer's name within the group; keep it stable across restarts of the
    /// same process so its pending entries are re-read on start.
    pub consumer: String,
    /// Maximum entries fetched per read or reclaim.
    pub batch: usize,
    /// How long one blocking read waits for new entries.
    pub block: Duration,
    /// Entries left unacknowledged (by a failed handler or a dead consumer) for this
    /// long are reclaimed and delivered again.
    pub reclaim_idle: Duration,
    /// Deliveries after which a still-failing entry is moved to the topic's
    /// dead-letter stream and acknowledged.
    pub max_deliveries: u64,
}

impl ConsumerOptions {
    /// Options for `consumer` in `group` with defaults: batch 64, block 1s, reclaim
    /// after 30s idle, 10 deliveries at most.
    pub fn new(group: impl Into<String>, consumer: impl Into<String>) -> Self {
        Self {
            group: group.into(),
            consumer: consumer.into(),
            batch: 64,
            block: Duration::from_secs(1),
            reclaim_idle: Duration::from_secs(30),
            max_deliveries: 10,
        }
    }
}

/// The `bus.deliver` span of one delivery of `topic` to `group`, continuing the
/// publisher's trace: [`consume`] runs each handler call in it, and a
/// [`consume_batch`] handler that processes entries one by one can enter it per entry
/// so each event stays one trace across services.
pub fn delivery_span(topic: Topic, group: &str, delivery: &Delivery) -> tracing::Span {
    let span = tracing::info_span!(
        "bus.deliver",
        topic = %topic,
        group = %group,
        entry_id = %delivery.id,
        deliveries = delivery.deliveries
    );
    if let Some(tp) = delivery.traceparent.as_deref() {
        omni_common::telemetry::set_parent_from_traceparent(&span, tp);
    }
    span
}

/// One entry handed to a consumer's handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The stream entry id (`<ms>-<seq>`).
    pub id: String,
    /// The encoded protobuf message.
    pub payload: Vec<u8>,
    /// The publisher's W3C `traceparent`, when it published inside a trace.
    pub traceparent: Option<String>,
    /// How many times this entry has been delivered, this delivery included.
    pub deliveries: u64,
}

impl Delivery {
    /// Decodes the payload as `M`.
    pub fn decode<M: prost::Message + Default>(&self) -> Result<M, Error> {
        Ok(M::decode(self.payload.as_slice())?)
    }
}

/// Consumes `topic` as `options.consumer` of `options.group` until `shutdown` is
/// cancelled, calling `handler` for each entry, one at a time.
///
/// The group is created from the start of the stream if missing, so entries
/// published before any consumer existed are delivered. On start the consumer first
/// re-reads its own unacknowledged entries, then loops: reclaims entries idle for
/// longer than `reclaim_idle` (from crashed consumers, or whose handler failed) and
/// reads new entries. `Ok` acknowledges the entry; `Err` is logged and leaves it
/// pending, so it is delivered again after `reclaim_idle`. An entry whose handler
/// failed on its `max_deliveries`-th delivery, or that is delivered more often than
/// that (its consumers crashed), is copied to [`Topic::dead_letter_stream`] and
/// acknowledged. Delivery is at least once: handlers must be idempotent.
///
/// Each handler call runs in a `bus.deliver` span continuing the publisher's trace.
/// Redis errors inside the loop are logged and retried with backoff; only a failure
/// to create the group at start is returned.
pub async fn consume<F, Fut, E>(
    bus: Bus,
    topic: Topic,
    options: ConsumerOptions,
    shutdown: CancellationToken,
    handler: F,
) -> Result<(), Error>
where
    F: Fn(Delivery) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let consumer = Consumer::open(&bus, topic, options).await?;
    run(consumer, Single(handler), shutdown).await
}

/// Consumes `topic` like [`consume`], but hands `handler` up to `options.batch`
/// entries at once (in stream order) and acknowledges a handled batch with one `XACK`.
///
/// Each read (`XREADGROUP COUNT batch`), reclaim or history pass becomes one handler
/// call with the usable entries of that read; trimmed, payload-less and
/// over-delivered entries are acknowledged or dead-lettered first, exactly as
/// [`consume`] does. `Ok` acknowledges the whole batch. When the handler fails on a
/// batch of several entries, each entry is handed over again alone (a batch of one),
/// so one poison entry cannot hold back or dead-letter its neighbours; an entry that
/// fails alone stays pending (or is dead-lettered on its `max_deliveries`-th
/// delivery) as with [`consume`]. Delivery is at least once: a batch may be delivered
/// again as a whole (a crash before the `XACK`), so handlers must be idempotent.
///
/// Each handler call runs in a `bus.deliver_batch` span (entries of a batch may come
/// from different traces, so it does not continue any of them).
pub async fn consume_batch<F, Fut, E>(
    bus: Bus,
    topic: Topic,
    options: ConsumerOptions,
    shutdown: CancellationToken,
    handler: F,
) -> Result<(), Error>
where
    F: Fn(Vec<Delivery>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let consumer = Consumer::open(&bus, topic, options).await?;
    run(consumer, Batched(handler), shutdown).await
}

/// The consumer loop shared by [`consume`], [`consume_batch`] and
/// [`consume_lanes`](crate::consume_lanes).
pub(crate) async fn run<S: Sink>(
    mut consumer: Consumer,
    sink: S,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let topic = consumer.topic;
    consumer.ensure_group().await?;
    tracing::debug!(
        topic = %topic,
        group = %consumer.options.group,
        consumer = %consumer.options.consumer,
        "bus consumer started"
    );

    let mut backoff = BACKOFF_MIN;
    let mut history_done = false;
    while !shutdown.is_cancelled() {
        let result = if history_done {
            consumer.step(&sink, &shutdown).await
        } else {
            consumer.drain_history(&sink, &shutdown).await
        };
        consumer.record_lag().await;
        match result {
            Ok(()) => {
                history_done = true;
                backoff = BACKOFF_MIN;
            }
            Err(err) => {
                tracing::warn!(topic = %topic, group = %consumer.options.group, error = %err, retry_in = ?backoff, "bus consumer error");
                if let Error::Redis(e) = &err
                    && e.code() == Some("NOGROUP")
                    && let Err(e) = consumer.ensure_group().await
                {
                    tracing::warn!(topic = %topic, error = %e, "recreating consumer group failed");
                }
                tokio::select! {
                    () = shutdown.cancelled() => break,
                    () = tokio::time::sleep(backoff) => {}
                }
                backoff = (backoff * 2).min(BACKOFF_MAX);
            }
        }
    }
    tracing::debug!(topic = %topic, group = %consumer.options.group, "bus consumer stopped");
    Ok(())
}

/// What a consumer does with the entries of one read: one handler call per entry
/// ([`consume`]), per read ([`consume_batch`]), or queue them on lanes
/// ([`consume_lanes`](crate::consume_lanes)).
pub(crate) trait Sink {
    /// How many entries the next read may fetch (at most `batch`), waiting for room
    /// when the sink holds too many; 0 (on shutdown) skips the read.
    async fn room(&self, batch: usize, _shutdown: &CancellationToken) -> usize {
        batch.max(1)
    }

    /// Handles `entries` (each with its delivery count), in order, stopping early when
    /// `shutdown` is cancelled (unhandled entries stay pending).
    async fn handle(
        &self,
        consumer: &mut Consumer,
        entries: Vec<(StreamId, u64)>,
        shutdown: &CancellationToken,
    ) -> Result<(), Error>;
}

/// One handler call per entry.
struct Single<F>(F);

impl<F, Fut, E> Sink for Single<F>
where
    F: Fn(Delivery) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    async fn handle(
        &self,
        consumer: &mut Consumer,
        entries: Vec<(StreamId, u64)>,
        shutdown: &CancellationToken,
    ) -> Result<(), Error> {
        for (entry, deliveries) in entries {
            if shutdown.is_cancelled() {
                // Unprocessed entries stay pending and are re-read or reclaimed later.
                return Ok(());
            }
            let Some(delivery) = consumer.admit(&entry, deliveries).await? else {
                continue;
            };
            let span = consumer.deliver_span(&delivery);
            match (self.0)(delivery).instrument(span).await {
                Ok(()) => consumer.ack(&[entry.id.as_str()]).await?,
                Err(err) => {
                    consumer
                        .failed(&entry, deliveries, &err.to_string())
                        .await?;
                }
            }
        }
        Ok(())
    }
}

/// One handler call per read, falling back to one call per entry when it fails.
struct Batched<F>(F);

impl<F, Fut, E> Sink for Batched<F>
where
    F: Fn(Vec<Delivery>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    async fn handle(
        &self,
        consumer: &mut Consumer,
        entries: Vec<(StreamId, u64)>,
        shutdown: &CancellationToken,
    ) -> Result<(), Error> {
        let mut admitted = Vec::with_capacity(entries.len());
        let mut batch = Vec::with_capacity(entries.len());
        for (entry, deliveries) in entries {
            if let Some(delivery) = consumer.admit(&entry, deliveries).await? {
                batch.push(delivery);
                admitted.push((entry, deliveries));
            }
        }
        if batch.is_empty() || shutdown.is_cancelled() {
            return Ok(());
        }
        let span = consumer.batch_span(batch.len());
        let result = (self.0)(batch).instrument(span).await;
        let err = match result {
            Ok(()) => {
                let ids: Vec<&str> = admitted.iter().map(|(e, _)| e.id.as_str()).collect();
                return consumer.ack(&ids).await;
            }
            Err(err) => err.to_string(),
        };
        if let [(entry, deliveries)] = admitted.as_slice() {
            return consumer.failed(entry, *deliveries, &err).await;
        }
        tracing::warn!(
            topic = %consumer.topic,
            group = %consumer.options.group,
            entries = admitted.len(),
            error = %err,
            "bus batch handler failed; retrying its entries one by one"
        );
        let mut handled: Vec<&str> = Vec::new();
        for (entry, deliveries) in &admitted {
            if shutdown.is_cancelled() {
                break;
            }
            let Some(delivery) = delivery_of(entry, *deliveries) else {
                continue;
            };
            let span = consumer.batch_span(1);
            match (self.0)(vec![delivery]).instrument(span).await {
                Ok(()) => handled.push(entry.id.as_str()),
                Err(err) => {
                    consumer
                        .failed(entry, *deliveries, &err.to_string())
                        .await?;
                }
            }
        }
        if handled.is_empty() {
            return Ok(());
        }
        consumer.ack(&handled).await
    }
}

/// Where new entries are read from.
enum Reader {
    /// A dedicated connection that may block in `XREADGROUP BLOCK`.
    Blocking(ConnectionManager),
    /// Only the shared connection: read without blocking, sleep when idle.
    Polling,
}

impl Reader {
    async fn open(bus: &Bus, options: &ConsumerOptions) -> Result<Self, Error> {
        let Some(client) = &bus.client else {
            return Ok(Reader::Polling);
        };
        // The response timeout must outlast the server-side block.
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(5)))
            .set_response_timeout(Some(options.block + Duration::from_secs(5)))
            .set_number_of_retries(5);
        Ok(Reader::Blocking(
            ConnectionManager::new_with_config(client.clone(), config).await?,
        ))
    }
}

/// One member of a consumer group: reads, admits, acknowledges and dead-letters.
pub(crate) struct Consumer {
    reader: Reader,
    /// Shared connection for short commands (ack, claim, pending, dead-letter).
    conn: ConnectionManager,
    max_len: usize,
    pub(crate) topic: Topic,
    options: ConsumerOptions,
    claim_cursor: String,
    last_claim: Option<Instant>,
    last_metrics: Option<Instant>,
}

/// How often a consumer reports its group's lag and pending count.
const METRICS_EVERY: Duration = Duration::from_secs(5);

impl Consumer {
    pub(crate) async fn open(
        bus: &Bus,
        topic: Topic,
        options: ConsumerOptions,
    ) -> Result<Self, Error> {
        Ok(Consumer {
            reader: Reader::open(bus, &options).await?,
            conn: bus.conn.clone(),
            max_len: bus.max_len,
            topic,
            options,
            claim_cursor: CURSOR_START.to_owned(),
            last_claim: None,
            last_metrics: None,
        })
    }

    /// Records the group's lag (entries not yet delivered) and pending count as
    /// metrics, at most every [`METRICS_EVERY`]. Failures are only logged.
    async fn record_lag(&mut self) {
        if self
            .last_metrics
            .is_some_and(|t| t.elapsed() < METRICS_EVERY)
        {
            return;
        }
        self.last_metrics = Some(Instant::now());
        let reply: Result<redis::streams::StreamInfoGroupsReply, _> =
            self.conn.xinfo_groups(self.topic.stream()).await;
        match reply {
            Ok(reply) => {
                if let Some(g) = reply.groups.iter().find(|g| g.name == self.options.group) {
                    let lag = g.lag.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
                    let pending = i64::try_from(g.pending).unwrap_or(i64::MAX);
                    omni_common::metrics::instruments().bus_consumer(
                        self.topic.stream(),
                        &self.options.group,
                        lag,
                        pending,
                    );
                }
            }
            Err(e) => tracing::debug!(topic = %self.topic, error = %e, "XINFO GROUPS failed"),
        }
    }

    fn stream(&self) -> &'static str {
        self.topic.stream()
    }

    /// `XGROUP CREATE <stream> <group> 0 MKSTREAM`, tolerating an existing group.
    async fn ensure_group(&mut self) -> Result<(), Error> {
        let created: Result<(), redis::RedisError> = self
            .conn
            .xgroup_create_mkstream(self.stream(), &self.options.group, "0")
            .await;
        match created {
            Ok(()) => Ok(()),
            Err(e) if e.code() == Some("BUSYGROUP") => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    fn group_read_options(&self, count: usize) -> StreamReadOptions {
        StreamReadOptions::default()
            .group(&self.options.group, &self.options.consumer)
            .count(count.max(1))
    }

    /// Re-reads this consumer's own pending entries (left by a previous run).
    async fn drain_history<S: Sink>(
        &mut self,
        sink: &S,
        shutdown: &CancellationToken,
    ) -> Result<(), Error> {
        let mut cursor = "0".to_owned();
        loop {
            let room = sink.room(self.options.batch, shutdown).await;
            if room == 0 {
                return Ok(());
            }
            let opts = self.group_read_options(room);
            let reply: Option<StreamReadReply> = self
                .conn
                .xread_options(&[self.stream()], &[cursor.as_str()], &opts)
                .await?;
            let entries = flatten(reply);
            let Some(last) = entries.last() else {
                return Ok(());
            };
            cursor = last.id.clone();
            let counts = self.delivery_counts(&entries).await?;
            let entries = with_counts(entries, &counts);
            sink.handle(self, entries, shutdown).await?;
            if shutdown.is_cancelled() {
                return Ok(());
            }
        }
    }

    /// One loop turn: reclaim idle entries when due, then read new ones.
    async fn step<S: Sink>(&mut self, sink: &S, shutdown: &CancellationToken) -> Result<(), Error> {
        if self.claim_due() {
            self.reclaim(sink, shutdown).await?;
        }
        let room = sink.room(self.options.batch, shutdown).await;
        if room == 0 {
            return Ok(());
        }
        let entries = self.read_new(room, shutdown).await?;
        if entries.is_empty() {
            return Ok(());
        }
        let entries = entries.into_iter().map(|e| (e, 1)).collect();
        sink.handle(self, entries, shutdown).await
    }

    fn claim_due(&self) -> bool {
        let interval = (self.options.reclaim_idle / 2)
            .clamp(Duration::from_millis(10), Duration::from_secs(5));
        self.claim_cursor != CURSOR_START
            || self.last_claim.is_none_or(|at| at.elapsed() >= interval)
    }

    /// `XAUTOCLAIM` entries idle longer than `reclaim_idle`, whoever owns them.
    async fn reclaim<S: Sink>(
        &mut self,
        sink: &S,
        shutdown: &CancellationToken,
    ) -> Result<(), Error> {
        let room = sink.room(self.options.batch, shutdown).await;
        if room == 0 {
            return Ok(());
        }
        let min_idle = millis(self.options.reclaim_idle);
        let opts = StreamAutoClaimOptions::default().count(room);
        let reply: StreamAutoClaimReply = self
            .conn
            .xautoclaim_options(
                self.stream(),
                &self.options.group,
                &self.options.consumer,
                min_idle,
                self.claim_cursor.as_str(),
                opts,
            )
            .await?;
        self.claim_cursor = reply.next_stream_id;
        if self.claim_cursor == CURSOR_START {
            self.last_claim = Some(Instant::now());
        }
        if reply.claimed.is_empty() {
            return Ok(());
        }
        tracing::debug!(topic = %self.topic, claimed = reply.claimed.len(), "reclaimed idle bus entries");
        let counts = self.delivery_counts(&reply.claimed).await?;
        let entries = with_counts(reply.claimed, &counts);
        sink.handle(self, entries, shutdown).await
    }

    /// `XREADGROUP ... >`: entries never delivered to this group.
    async fn read_new(
        &mut self,
        count: usize,
        shutdown: &CancellationToken,
    ) -> Result<Vec<StreamId>, Error> {
        let stream = self.stream();
        let opts = self.group_read_options(count);
        match &mut self.reader {
            Reader::Blocking(conn) => {
                let opts = opts.block(millis(self.options.block).max(1));
                let keys = [stream];
                let ids = [">"];
                tokio::select! {
                    () = shutdown.cancelled() => Ok(Vec::new()),
                    reply = conn.xread_options::<_, _, Option<StreamReadReply>>(&keys, &ids, &opts) => Ok(flatten(reply?)),
                }
            }
            Reader::Polling => {
                let reply: Option<StreamReadReply> =
                    self.conn.xread_options(&[stream], &[">"], &opts).await?;
                let entries = flatten(reply);
                if entries.is_empty() {
                    tokio::select! {
                        () = shutdown.cancelled() => {}
                        () = tokio::time::sleep(POLL_INTERVAL.min(self.options.block)) => {}
                    }
                }
                Ok(entries)
            }
        }
    }

    /// Delivery counts (`XPENDING <stream> <group> <id> <id> 1`) of `entries`.
    async fn delivery_counts(
        &mut self,
        entries: &[StreamId],
    ) -> Result<HashMap<String, u64>, Error> {
        let mut pipe = redis::pipe();
        for entry in entries {
            pipe.xpending_count(self.stream(), &self.options.group, &entry.id, &entry.id, 1);
        }
        let replies: Vec<StreamPendingCountReply> = pipe.query_async(&mut self.conn).await?;
        Ok(replies
            .into_iter()
            .flat_map(|r| r.ids)
            .map(|p| (p.id, u64::try_from(p.times_delivered).unwrap_or(u64::MAX)))
            .collect())
    }

    /// Checks an entry before it is handed over: acknowledges one trimmed from the
    /// stream while pending, dead-letters one without payload or delivered more than
    /// `max_deliveries` times, and returns the delivery of any other.
    pub(crate) async fn admit(
        &mut self,
        entry: &StreamId,
        deliveries: u64,
    ) -> Result<Option<Delivery>, Error> {
        if entry.map.is_empty() {
            // Trimmed from the stream while pending: nothing left to deliver.
            tracing::warn!(topic = %self.topic, entry_id = %entry.id, "pending bus entry was trimmed before it was handled");
            self.ack(&[entry.id.as_str()]).await?;
            return Ok(None);
        }
        if field_bytes(entry, FIELD_PAYLOAD).is_none() {
            self.dead_letter(entry, deliveries, "entry has no payload field")
                .await?;
            return Ok(None);
        }
        if deliveries > self.options.max_deliveries {
            self.dead_letter(
                entry,
                deliveries,
                "delivered more than max_deliveries times",
            )
            .await?;
            return Ok(None);
        }
        Ok(delivery_of(entry, deliveries))
    }

    /// The `bus.deliver` span of one delivery, continuing the publisher's trace.
    fn deliver_span(&self, delivery: &Delivery) -> tracing::Span {
        delivery_span(self.topic, &self.options.group, delivery)
    }

    /// The `bus.deliver_batch` span of one batch handler call.
    fn batch_span(&self, entries: usize) -> tracing::Span {
        tracing::info_span!(
            "bus.deliver_batch",
            topic = %self.topic,
            group = %self.options.group,
            entries
        )
    }

    /// After the handler failed on `entry`: leaves it pending, or dead-letters it on
    /// its `max_deliveries`-th delivery.
    async fn failed(&mut self, entry: &StreamId, deliveries: u64, err: &str) -> Result<(), Error> {
        tracing::warn!(
            topic = %self.topic,
            group = %self.options.group,
            entry_id = %entry.id,
            deliveries,
            max_deliveries = self.options.max_deliveries,
            error = %err,
            "bus handler failed; entry left pending"
        );
        if deliveries >= self.options.max_deliveries {
            self.dead_letter(entry, deliveries, err).await
        } else {
            Ok(())
        }
    }

    /// Acknowledges `ids` in one `XACK`.
    async fn ack(&mut self, ids: &[&str]) -> Result<(), Error> {
        let _: usize = self
            .conn
            .xack(self.stream(), &self.options.group, ids)
            .await?;
        Ok(())
    }

    /// Copies the entry to the dead-letter stream and acknowledges it, atomically.
    async fn dead_letter(
        &mut self,
        entry: &StreamId,
        deliveries: u64,
        reason: &str,
    ) -> Result<(), Error> {
        dead_letter(
            &mut self.conn,
            self.topic,
            self.max_len,
            &self.options,
            &entry.id,
            deliveries,
            field_bytes(entry, FIELD_PAYLOAD),
            field_bytes(entry, FIELD_TRACEPARENT),
            reason,
        )
        .await
    }
}

/// Copies entry `id` (its payload and trace context, when present) to `topic`'s
/// dead-letter stream with why and by whom, and acknowledges it, atomically.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn dead_letter(
    conn: &mut ConnectionManager,
    topic: Topic,
    max_len: usize,
    options: &ConsumerOptions,
    id: &str,
    deliveries: u64,
    payload: Option<Vec<u8>>,
    traceparent: Option<Vec<u8>>,
    reason: &str,
) -> Result<(), Error> {
    tracing::error!(
        topic = %topic,
        group = %options.group,
        entry_id = %id,
        deliveries,
        reason,
        "moving bus entry to the dead-letter stream"
    );
    let deliveries = deliveries.to_string();
    let mut fields: Vec<(&str, Vec<u8>)> = Vec::new();
    for (name, value) in [(FIELD_PAYLOAD, payload), (FIELD_TRACEPARENT, traceparent)] {
        if let Some(value) = value {
            fields.push((name, value));
        }
    }
    fields.extend([
        ("source_id", id.as_bytes().to_vec()),
        ("group", options.group.clone().into_bytes()),
        ("consumer", options.consumer.clone().into_bytes()),
        ("deliveries", deliveries.into_bytes()),
        ("reason", reason.as_bytes().to_vec()),
    ]);
    let mut pipe = redis::pipe();
    pipe.atomic()
        .xadd_maxlen(
            topic.dead_letter_stream(),
            StreamMaxlen::Approx(max_len),
            "*",
            &fields,
        )
        .ignore()
        .xack(topic.stream(), &options.group, &[id])
        .ignore();
    pipe.query_async::<()>(conn).await?;
    Ok(())
}

/// The delivery of a stream entry, when it has a payload.
fn delivery_of(entry: &StreamId, deliveries: u64) -> Option<Delivery> {
    let payload = field_bytes(entry, FIELD_PAYLOAD)?;
    let traceparent = field_bytes(entry, FIELD_TRACEPARENT).and_then(|b| String::from_utf8(b).ok());
    Some(Delivery {
        id: entry.id.clone(),
        payload,
        traceparent,
        deliveries,
    })
}

/// Pairs entries with their delivery counts (1 when unknown).
fn with_counts(entries: Vec<StreamId>, counts: &HashMap<String, u64>) -> Vec<(StreamId, u64)> {
    entries
        .into_iter()
        .map(|e| {
            let n = counts.get(&e.id).copied().unwrap_or(1);
            (e, n)
        })
        .collect()
}

fn flatten(reply: Option<StreamReadReply>) -> Vec<StreamId> {
    reply
        .map(|r| r.keys.into_iter().flat_map(|k| k.ids).collect())
        .unwrap_or_default()
}

fn field_bytes(entry: &StreamId, name: &str) -> Option<Vec<u8>> {
    match entry.map.get(name)? {
        Value::BulkString(bytes) => Some(bytes.clone()),
        Value::SimpleString(s) => Some(s.clone().into_bytes()),
        _ => None,
    }
}

fn millis(d: Duration) -> usize {
    usize::try_from(d.as_millis()).unwrap_or(usize::MAX)
}
