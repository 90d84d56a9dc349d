//! Per-key lanes over a consumer group ([`consume_lanes`]): entries with the same key
//! are handled in stream order, different keys side by side, and a busy key never
//! holds back the others.
//!
//! Two parts run together in one task. The reader is the ordinary consumer loop
//! (own pending entries first, then reclaims and new reads) whose entries, once
//! admitted, are forwarded to the scheduler; it reads only while fewer than
//! [`LaneOptions::max_in_flight`] entries are held (back-pressure). The scheduler
//! queues each entry on its key's lane, hands the head of a free lane (up to
//! [`LaneOptions::chunk`] entries) to the handler, at most
//! [`LaneOptions::concurrency`] lanes at once, round robin, and acknowledges each entry
//! once handled. Entries read but not yet handled stay pending in Redis, and their idle
//! time is reset while they wait, so no other consumer reclaims them: a crash loses
//! nothing (they are re-read on restart, or reclaimed by another consumer).

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::StreamExt as _;
use futures::stream::FuturesUnordered;
use redis::AsyncCommands as _;
use redis::aio::ConnectionManager;
use redis::streams::StreamClaimOptions;
use tokio::sync::{Semaphore, mpsc};
use tokio_util::sync::CancellationToken;
use tracing::Instrument as _;

use crate::consumer::{Consumer, Sink, dead_letter, run};
use crate::{Bus, ConsumerOptions, Delivery, Error, Topic};

/// How many ids one `XCLAIM ... JUSTID` refreshing waiting entries carries.
const REFRESH_CHUNK: usize = 500;
/// Pause before retrying a failed `XACK`.
const ACK_RETRY: Duration = Duration::from_millis(200);

/// Which lane an entry of [`consume_lanes`] belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Lane {
    /// Entries with the same key are handled one after another, in stream order.
    Key(String),
    /// An entry concerning several keys (e.g. a merge of customers): it is handled
    /// alone once every earlier entry of each of its keys is done, and later entries
    /// of those keys wait for it.
    Joint(Vec<String>),
}

/// How [`consume_lanes`] schedules its lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaneOptions {
    /// Lanes handled at the same time.
    pub concurrency: usize,
    /// Most entries read and not yet acknowledged, over all lanes; reading pauses at
    /// this bound until handled entries make room (the memory bound).
    pub max_in_flight: usize,
    /// Most entries of one lane handed to one handler call.
    pub chunk: usize,
}

impl LaneOptions {
    /// `concurrency` lanes at once, 10,000 entries in flight, chunks of 64.
    pub fn new(concurrency: usize) -> Self {
        Self {
            concurrency,
            max_in_flight: 10_000,
            chunk: 64,
        }
    }
}

/// Consumes `topic` like [`consume_batch`](crate::consume_batch), but spreads the
/// entries over per-key lanes (`lane_of` names each entry's lane) so that one busy
/// key (a customer sending thousands of events) delays no other key.
///
/// - Entries of one lane reach `handler` in stream order, up to
///   [`LaneOptions::chunk`] at a time and never two calls of one lane at once;
///   different lanes are handled concurrently (at most
///   [`LaneOptions::concurrency`]), taking turns, and new entries are read while a
///   long lane is still draining.
/// - At most [`LaneOptions::max_in_flight`] entries are held at once; reading waits
///   for room (back-pressure).
/// - An entry is acknowledged only after `handler` returned `Ok` for it. A failed
///   call of several entries is retried entry by entry, in order; an entry failing
///   alone stays pending (reclaimed after `reclaim_idle`) or is dead-lettered on its
///   `max_deliveries`-th delivery, as with [`consume`](crate::consume).
/// - Entries waiting in memory have their pending idle time reset (`XCLAIM ...
///   JUSTID`, which does not count a delivery) every third of `reclaim_idle`, so a
///   long lane is not reclaimed by another consumer; after a crash they are re-read
///   (same consumer name) or reclaimed, as today. Delivery is at least once.
/// - On shutdown, running calls finish and are acknowledged; queued entries stay
///   pending.
pub async fn consume_lanes<K, F, Fut, E>(
    bus: Bus,
    topic: Topic,
    options: ConsumerOptions,
    lanes: LaneOptions,
    shutdown: CancellationToken,
    lane_of: K,
    handler: F,
) -> Result<(), Error>
where
    K: Fn(&Delivery) -> Lane,
    F: Fn(Vec<Delivery>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let consumer = Consumer::open(&bus, topic, options.clone()).await?;
    let budget = Arc::new(Semaphore::new(
        lanes.max_in_flight.clamp(1, Semaphore::MAX_PERMITS),
    ));
    let (tx, rx) = mpsc::unbounded_channel();
    let forward = Forward {
        tx,
        budget: Arc::clone(&budget),
        reserved: AtomicUsize::new(0),
    };
    let scheduler = Scheduler {
        conn: bus.conn.clone(),
        max_len: bus.max_len,
        topic,
        options,
        lanes,
        budget,
        lane_of,
        queues: HashMap::new(),
        joints: HashMap::new(),
        next_joint: 0,
        ready: VecDeque::new(),
        in_ready: HashSet::new(),
        held: HashSet::new(),
        to_ack: Vec::new(),
        to_fail: Vec::new(),
    };
    let (read, ()) = tokio::join!(
        run(consumer, forward, shutdown.clone()),
        scheduler.run(rx, &handler, shutdown)
    );
    read
}

/// The reader's sink: admits entries and forwards them to the scheduler, within the
/// in-flight budget.
struct Forward {
    tx: mpsc::UnboundedSender<Vec<Delivery>>,
    budget: Arc<Semaphore>,
    /// Permits taken for the next read and not yet used.
    reserved: AtomicUsize,
}

impl Sink for Forward {
    async fn room(&self, batch: usize, shutdown: &CancellationToken) -> usize {
        let mut have = self.reserved.load(Ordering::Acquire);
        if have == 0 {
            let permit = tokio::select! {
                () = shutdown.cancelled() => return 0,
                permit = self.budget.acquire() => permit,
            };
            let Ok(permit) = permit else { return 0 };
            permit.forget();
            have = 1;
        }
        let extra = batch
            .max(1)
            .saturating_sub(have)
            .min(self.budget.available_permits());
        if extra > 0
            && let Ok(permits) = self
                .budget
                .try_acquire_many(u32::try_from(extra).unwrap_or(u32::MAX))
        {
            have += permits.num_permits();
            permits.forget();
        }
        self.reserved.store(have, Ordering::Release);
        have
    }

    async fn handle(
        &self,
        consumer: &mut Consumer,
        entries: Vec<(redis::streams::StreamId, u64)>,
        _shutdown: &CancellationToken,
    ) -> Result<(), Error> {
        let mut batch = Vec::with_capacity(entries.len());
        for (entry, deliveries) in entries {
            if let Some(delivery) = consumer.admit(&entry, deliveries).await? {
                batch.push(delivery);
            }
        }
        let reserved = self.reserved.swap(0, Ordering::AcqRel);
        self.budget
            .add_permits(reserved.saturating_sub(batch.len()));
        if !batch.is_empty() && self.tx.send(batch).is_err() {
            // The scheduler is gone (shutting down): the entries stay pending.
            tracing::debug!(topic = %consumer.topic, "lane scheduler stopped; entries left pending");
        }
        Ok(())
    }
}

/// One queued position of a lane.
enum Slot {
    /// An entry of this lane only.
    One(Delivery),
    /// A joint entry (index into `Scheduler::joints`), queued on each of its lanes.
    Joint(u64),
}

/// One lane: its queue and whether a handler call of it is running.
#[derive(Default)]
struct Queue {
    slots: VecDeque<Slot>,
    busy: bool,
}

/// A joint entry and the lanes it waits on.
struct JointEntry {
    delivery: Delivery,
    keys: Vec<String>,
}

/// What one handler call (of one lane, or one joint entry) came to.
struct Done {
    keys: Vec<String>,
    handled: Vec<String>,
    failed: Vec<(Delivery, String)>,
}

struct Scheduler<K> {
    conn: ConnectionManager,
    max_len: usize,
    topic: Topic,
    options: ConsumerOptions,
    lanes: LaneOptions,
    budget: Arc<Semaphore>,
    lane_of: K,
    queues: HashMap<String, Queue>,
    joints: HashMap<u64, JointEntry>,
    next_joint: u64,
    /// Lanes that may be able to start, in turn order.
    ready: VecDeque<String>,
    in_ready: HashSet<String>,
    /// Ids of every entry held (queued, running or awaiting its ack).
    held: HashSet<String>,
    to_ack: Vec<String>,
    to_fail: Vec<(Delivery, String)>,
}

impl<K: Fn(&Delivery) -> Lane> Scheduler<K> {
    async fn run<F, Fut, E>(
        mut self,
        mut rx: mpsc::UnboundedReceiver<Vec<Delivery>>,
        handler: &F,
        shutdown: CancellationToken,
    ) where
        F: Fn(Vec<Delivery>) -> Fut,
        Fut: Future<Output = Result<(), E>>,
        E: Display,
    {
        let mut running = FuturesUnordered::new();
        let mut closed = false;
        let refresh_every = (self.options.reclaim_idle / 3)
            .clamp(Duration::from_millis(10), Duration::from_secs(10));
        let mut refresh = tokio::time::interval(refresh_every);
        refresh.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            self.settle().await;
            if !shutdown.is_cancelled() {
                let concurrency = self.lanes.concurrency.max(1);
                while running.len() < concurrency {
                    let Some((keys, chunk)) = self.next_chunk() else {
                        break;
                    };
                    let span = tracing::info_span!(
                        "bus.deliver_batch",
                        topic = %self.topic,
                        group = %self.options.group,
                        entries = chunk.len()
                    );
                    running.push(call(handler, keys, chunk).instrument(span));
                }
            }
            if closed && running.is_empty() && self.to_ack.is_empty() {
                return;
            }
            tokio::select! {
                Some(done) = running.next(), if !running.is_empty() => self.finish(done),
                batch = rx.recv(), if !closed => match batch {
                    Some(batch) => self.enqueue(batch),
                    None => closed = true,
                },
                _ = refresh.tick() => self.refresh().await,
            }
        }
    }

    /// Queues `batch` on its lanes.
    fn enqueue(&mut self, batch: Vec<Delivery>) {
        for delivery in batch {
            if !self.held.insert(delivery.id.clone()) {
                // Already held here (reclaimed while waiting): one copy is enough.
                self.budget.add_permits(1);
                continue;
            }
            let keys = match (self.lane_of)(&delivery) {
                Lane::Key(key) => vec![key],
                Lane::Joint(mut keys) => {
                    keys.sort();
                    keys.dedup();
                    if keys.is_empty() {
                        keys.push(String::new());
                    }
                    keys
                }
            };
            if let [key] = keys.as_slice() {
                let key = key.clone();
                self.queues
                    .entry(key.clone())
                    .or_default()
                    .slots
                    .push_back(Slot::One(delivery));
                self.mark_ready(&key);
                continue;
            }
            let joint = self.next_joint;
            self.next_joint += 1;
            for key in &keys {
                self.queues
                    .entry(key.clone())
                    .or_default()
                    .slots
                    .push_back(Slot::Joint(joint));
                self.mark_ready(key);
            }
            self.joints.insert(joint, JointEntry { delivery, keys });
        }
    }

    /// Puts `key` in line to start, unless it is running or already in line.
    fn mark_ready(&mut self, key: &str) {
        let idle = self.queues.get(key).is_some_and(|q| !q.busy);
        if idle && !self.in_ready.contains(key) {
            self.in_ready.insert(key.to_owned());
            self.ready.push_back(key.to_owned());
        }
    }

    /// The next lane (or joint entry) able to start, taken off its queues and marked
    /// busy.
    fn next_chunk(&mut self) -> Option<(Vec<String>, Vec<Delivery>)> {
        while let Some(key) = self.ready.pop_front() {
            self.in_ready.remove(&key);
            let Some(queue) = self.queues.get_mut(&key) else {
                continue;
            };
            if queue.busy {
                continue;
            }
            match queue.slots.front() {
                None => {
                    self.queues.remove(&key);
                }
                Some(Slot::One(_)) => {
                    let mut chunk = Vec::new();
                    while chunk.len() < self.lanes.chunk.max(1)
                        && matches!(queue.slots.front(), Some(Slot::One(_)))
                    {
                        if let Some(Slot::One(d)) = queue.slots.pop_front() {
                            chunk.push(d);
                        }
                    }
                    queue.busy = true;
                    return Some((vec![key], chunk));
                }
                Some(Slot::Joint(joint)) => {
                    let joint = *joint;
                    let Some(entry) = self.joints.get(&joint) else {
                        queue.slots.pop_front();
                        self.mark_ready(&key);
                        continue;
                    };
                    let startable = entry.keys.iter().all(|k| {
                        self.queues.get(k).is_some_and(|q| {
                            !q.busy
                                && matches!(q.slots.front(), Some(Slot::Joint(j)) if *j == joint)
                        })
                    });
                    if !startable {
                        // The last of its lanes to get there starts it.
                        continue;
                    }
                    let entry = self.joints.remove(&joint)?;
                    for k in &entry.keys {
                        if let Some(q) = self.queues.get_mut(k) {
                            q.slots.pop_front();
                            q.busy = true;
                        }
                    }
                    return Some((entry.keys, vec![entry.delivery]));
                }
            }
        }
        None
    }

    /// Frees the lanes of a finished call and notes what to acknowledge.
    fn finish(&mut self, done: Done) {
        for key in &done.keys {
            if let Some(q) = self.queues.get_mut(key) {
                q.busy = false;
                if q.slots.is_empty() {
                    self.queues.remove(key);
                } else {
                    self.mark_ready(key);
                }
            }
        }
        self.to_ack.extend(done.handled);
        self.to_fail.extend(done.failed);
    }

    /// Acknowledges handled entries (one `XACK`), records failed ones, and gives
    /// their room back to the reader.
    async fn settle(&mut self) {
        if !self.to_ack.is_empty() {
            let ids: Vec<&str> = self.to_ack.iter().map(String::as_str).collect();
            let acked: Result<usize, redis::RedisError> = self
                .conn
                .xack(self.topic.stream(), &self.options.group, &ids)
                .await;
            match acked {
                Ok(_) => {
                    let n = self.to_ack.len();
                    for id in self.to_ack.drain(..) {
                        self.held.remove(&id);
                    }
                    self.budget.add_permits(n);
                }
                Err(e) => {
                    tracing::warn!(topic = %self.topic, group = %self.options.group, error = %e, retry_in = ?ACK_RETRY, "bus XACK failed");
                    tokio::time::sleep(ACK_RETRY).await;
                }
            }
        }
        for (delivery, err) in std::mem::take(&mut self.to_fail) {
            tracing::warn!(
                topic = %self.topic,
                group = %self.options.group,
                entry_id = %delivery.id,
                deliveries = delivery.deliveries,
                max_deliveries = self.options.max_deliveries,
                error = %err,
                "bus handler failed; entry left pending"
            );
            if delivery.deliveries >= self.options.max_deliveries
                && let Err(e) = dead_letter(
                    &mut self.conn,
                    self.topic,
                    self.max_len,
                    &self.options,
                    &delivery.id,
                    delivery.deliveries,
                    Some(delivery.payload.clone()),
                    delivery
                        .traceparent
                        .as_deref()
                        .map(|t| t.as_bytes().to_vec()),
                    &err,
                )
                .await
            {
                tracing::warn!(topic = %self.topic, entry_id = %delivery.id, error = %e, "dead-lettering failed; entry left pending");
            }
            self.held.remove(&delivery.id);
            self.budget.add_permits(1);
        }
    }

    /// Resets the idle time of every held entry (`XCLAIM ... JUSTID` to this consumer,
    /// which does not count a delivery), so none is reclaimed while it waits its turn.
    async fn refresh(&mut self) {
        if self.held.is_empty() {
            return;
        }
        let ids: Vec<&String> = self.held.iter().collect();
        for chunk in ids.chunks(REFRESH_CHUNK) {
            let claimed: Result<Vec<String>, redis::RedisError> = self
                .conn
                .clone()
                .xclaim_options(
                    self.topic.stream(),
                    &self.options.group,
                    &self.options.consumer,
                    0,
                    chunk,
                    StreamClaimOptions::default().with_justid(),
                )
                .await;
            if let Err(e) = claimed {
                tracing::warn!(topic = %self.topic, group = %self.options.group, error = %e, "refreshing waiting bus entries failed");
                return;
            }
        }
    }
}

/// Calls `handler` with one lane's chunk (in order); when it fails on several entries,
/// hands each over again alone, in order.
async fn call<F, Fut, E>(handler: &F, keys: Vec<String>, chunk: Vec<Delivery>) -> Done
where
    F: Fn(Vec<Delivery>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let err = match handler(chunk.clone()).await {
        Ok(()) => {
            return Done {
                keys,
                handled: chunk.into_iter().map(|d| d.id).collect(),
                failed: Vec::new(),
            };
        }
        Err(err) => err.to_string(),
    };
    if chunk.len() == 1 {
        return Done {
            keys,
            handled: Vec::new(),
            failed: chunk.into_iter().map(|d| (d, err.clone())).collect(),
        };
    }
    let mut handled = Vec::new();
    let mut failed = Vec::new();
    for delivery in chunk {
        match handler(vec![delivery.clone()]).await {
            Ok(()) => handled.push(delivery.id),
            Err(err) => failed.push((delivery, err.to_string())),
        }
    }
    Done {
        keys,
        handled,
        failed,
    }
}
