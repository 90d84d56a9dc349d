//! Recomputes: re-evaluating one segment (and the segments reading it) for every
//! customer known to the workspace, in the background, with progress kept in SQL.
//!
//! A recompute walks the workspace's known-customer set and evaluates each customer
//! through the same engine as the event stream, under the same per-customer lock, so
//! it is safe to run while events arrive: each customer's evaluations are serialised
//! and membership writes are idempotent, so no transition is lost or doubled.
//!
//! A running recompute carries its owner (the replica's consumer name) and a heartbeat
//! written with its progress. If the process stops, the recompute is taken over and
//! run again from the start (evaluations are idempotent, so customers already done
//! change nothing): by the same replica when it starts again, or by any replica once
//! the heartbeat is older than [`STALE_AFTER`].

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt as _;
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use tokio::sync::mpsc;

use omni_profile_store::ReadParts;
use omni_rules::value;

use crate::catalog::WorkspaceCatalog;
use crate::engine::{Engine, Reason, Trigger, day_of};
use crate::error::Error;
use crate::segment::{Segment, SegmentId};

omni_common::id_type!(
    /// A recompute, e.g. `rc_0190...`.
    RecomputeId,
    "rc"
);

/// Customers fetched per page of the known set.
const PAGE: usize = 500;
/// Pages evaluated at once.
const PAGES_IN_FLIGHT: usize = 2;
/// Customers evaluated concurrently on the one-at-a-time path.
const CONCURRENCY: usize = 16;
/// How often progress (and the heartbeat) is written while running.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);
/// A running recompute whose heartbeat is older than this is taken over.
pub const STALE_AFTER: Duration = Duration::from_secs(30);
/// How often orphaned recomputes are looked for.
pub const SWEEP_EVERY: Duration = Duration::from_secs(5);

/// State of a recompute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecomputeState {
    /// Re-evaluating customers.
    Running,
    /// Done.
    Succeeded,
    /// Stopped by an error.
    Failed,
}

impl RecomputeState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            RecomputeState::Running => "running",
            RecomputeState::Succeeded => "succeeded",
            RecomputeState::Failed => "failed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "running" => Some(RecomputeState::Running),
            "succeeded" => Some(RecomputeState::Succeeded),
            "failed" => Some(RecomputeState::Failed),
            _ => None,
        }
    }
}

/// A recompute and its progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recompute {
    /// Server-assigned id.
    pub id: RecomputeId,
    /// The segment.
    pub segment_id: SegmentId,
    /// The version applied.
    pub segment_version: i64,
    /// State.
    pub state: RecomputeState,
    /// Known customers at the start.
    pub total: i64,
    /// Customers evaluated so far.
    pub processed: i64,
    /// Customers who entered the segment.
    pub entered: i64,
    /// Customers who exited the segment.
    pub exited: i64,
    /// Start time (unix ms).
    pub start_ms: i64,
    /// Finish time (unix ms), once finished.
    pub finish_ms: Option<i64>,
    /// Why it failed.
    pub error: String,
    /// The replica running it (its consumer name).
    pub owner: String,
    /// When the owner last wrote progress (unix ms, wall clock).
    pub heartbeat_ms: i64,
}

/// Wall-clock milliseconds, for heartbeats (process liveness is wall-clock business,
/// whatever clock the service's logic runs on).
fn wall_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Starts recomputes and runs them one after another in the background.
pub struct Recomputer {
    engine: Arc<Engine>,
    owner: String,
    jobs: mpsc::UnboundedSender<(WorkspaceId, Recompute)>,
}

impl Recomputer {
    /// A recomputer over the engine whose recomputes are owned by `owner` (this
    /// replica's stable name), and the receiving end its worker ([`run`]) reads.
    pub fn new(
        engine: Arc<Engine>,
        owner: impl Into<String>,
    ) -> (Self, mpsc::UnboundedReceiver<(WorkspaceId, Recompute)>) {
        let (jobs, rx) = mpsc::unbounded_channel();
        (
            Self {
                engine,
                owner: owner.into(),
                jobs,
            },
            rx,
        )
    }

    /// Starts a recompute of each segment of the workspace that reads `builtins.<key>`
    /// for any of `keys`.
    pub async fn start_reading_builtins(
        &self,
        ws: &WorkspaceId,
        keys: &[&str],
    ) -> Result<Vec<Recompute>, Error> {
        let catalog = self.engine.catalog().reload(ws).await?;
        let mut started = Vec::new();
        for s in &catalog.segments {
            if keys.iter().any(|k| s.deps.builtins.contains(*k)) {
                started.push(self.start(ws, &s.segment).await?);
            }
        }
        Ok(started)
    }

    /// Records and queues a recompute of `segment` (its latest version).
    pub async fn start(&self, ws: &WorkspaceId, segment: &Segment) -> Result<Recompute, Error> {
        let r = Recompute {
            id: RecomputeId::generate(),
            segment_id: segment.id.clone(),
            segment_version: segment.version,
            state: RecomputeState::Running,
            total: self.engine.state().known_count(ws.as_str()).await?,
            processed: 0,
            entered: 0,
            exited: 0,
            start_ms: self.engine.clock().now_ms(),
            finish_ms: None,
            error: String::new(),
            owner: self.owner.clone(),
            heartbeat_ms: wall_ms(),
        };
        self.engine
            .catalog()
            .store()
            .insert_recompute(ws, &r)
            .await?;
        if self.jobs.send((ws.clone(), r.clone())).is_err() {
            return Err(Error::FailedPrecondition {
                subject: "recompute",
                message: "the service is shutting down".into(),
            });
        }
        Ok(r)
    }

    /// One recompute, or [`Error::NotFound`].
    pub async fn get(&self, ws: &WorkspaceId, id: &RecomputeId) -> Result<Recompute, Error> {
        self.engine
            .catalog()
            .store()
            .get_recompute(ws, id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "recompute",
                id: id.to_string(),
            })
    }
}

/// Finds running recomputes left by a stopped process and claims them for `owner`:
/// those `owner` itself left (on `startup`) and those with a stale heartbeat. Skips
/// the ids in `local` (queued or running here).
async fn claim_orphans(
    engine: &Engine,
    owner: &str,
    startup: bool,
    local: &HashSet<String>,
) -> Result<Vec<(WorkspaceId, Recompute)>, Error> {
    let store = engine.catalog().store();
    // Outside start-up, only stale heartbeats.
    let own = startup.then_some(owner);
    let stale_before = wall_ms() - STALE_AFTER.as_millis() as i64;
    let mut claimed = Vec::new();
    for (ws, mut r) in store.orphaned_recomputes(own, stale_before).await? {
        if local.contains(r.id.as_str()) {
            continue;
        }
        let now = wall_ms();
        if !store.claim_recompute(&ws, &r, owner, now).await? {
            continue;
        }
        tracing::warn!(workspace = %ws, recompute = %r.id, segment = %r.segment_id,
            previous_owner = %r.owner, processed = r.processed,
            "taking over an interrupted recompute; running it again from the start");
        r.owner = owner.to_owned();
        r.heartbeat_ms = now;
        r.processed = 0;
        r.total = engine.state().known_count(ws.as_str()).await?;
        claimed.push((ws, r));
    }
    Ok(claimed)
}

/// Runs queued recomputes until `shutdown`, and takes over the recomputes of stopped
/// processes (at start-up, then every [`SWEEP_EVERY`]).
pub async fn run(
    engine: Arc<Engine>,
    owner: String,
    mut jobs: mpsc::UnboundedReceiver<(WorkspaceId, Recompute)>,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let mut queue: VecDeque<(WorkspaceId, Recompute)> = VecDeque::new();
    let mut sweep = tokio::time::interval(SWEEP_EVERY);
    sweep.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut startup = true;
    loop {
        let job = match queue.pop_front() {
            Some(job) => job,
            None => {
                tokio::select! {
                    () = shutdown.cancelled() => return Ok(()),
                    job = jobs.recv() => match job {
                        Some(job) => job,
                        None => return Ok(()),
                    },
                    _ = sweep.tick() => {
                        while let Ok(job) = jobs.try_recv() {
                            queue.push_back(job);
                        }
                        let local: HashSet<String> =
                            queue.iter().map(|(_, r)| r.id.to_string()).collect();
                        match claim_orphans(&engine, &owner, startup, &local).await {
                            Ok(claimed) => {
                                startup = false;
                                queue.extend(claimed);
                            }
                            Err(e) => tracing::warn!(error = %e, "looking for interrupted recomputes failed"),
                        }
                        continue;
                    }
                }
            }
        };
        let (ws, mut r) = job;
        let result = execute(&engine, &ws, &mut r, &shutdown).await;
        if shutdown.is_cancelled() && result.is_err() {
            // Left running for this replica (or another) to take over.
            tracing::info!(workspace = %ws, recompute = %r.id, "recompute interrupted by shutdown");
            return Ok(());
        }
        r.finish_ms = Some(engine.clock().now_ms());
        match result {
            Ok(()) => r.state = RecomputeState::Succeeded,
            Err(e) => {
                tracing::warn!(workspace = %ws, recompute = %r.id, error = %e, "recompute failed");
                r.state = RecomputeState::Failed;
                r.error = e.to_string();
            }
        }
        r.heartbeat_ms = wall_ms();
        engine.catalog().store().update_recompute(&ws, &r).await?;
        tracing::info!(workspace = %ws, recompute = %r.id, segment = %r.segment_id,
            processed = r.processed, entered = r.entered, exited = r.exited, "recompute finished");
    }
}

/// Evaluates every known customer of `ws` for the recompute's segment: in batches
/// ([`batch_page`]) when the segment allows it, otherwise one customer at a time
/// through [`Engine::evaluate`].
pub async fn execute(
    engine: &Engine,
    ws: &WorkspaceId,
    r: &mut Recompute,
    shutdown: &CancellationToken,
) -> Result<(), Error> {
    let mut cursor = 0u64;
    let mut last_progress = Instant::now();
    let mut pages = futures::stream::FuturesOrdered::new();
    let mut scan_done = false;
    loop {
        if shutdown.is_cancelled() {
            return Err(Error::FailedPrecondition {
                subject: "recompute",
                message: "interrupted by shutdown".into(),
            });
        }
        // Keep a few pages in flight: Redis works on one while this process evaluates
        // another.
        while !scan_done && pages.len() < PAGES_IN_FLIGHT {
            let (next, customers) = engine.state().scan_known(ws.as_str(), cursor, PAGE).await?;
            scan_done = next == 0;
            cursor = next;
            let segment_id = r.segment_id.clone();
            pages.push_back(async move { page(engine, ws, &segment_id, customers).await });
        }
        let Some(done) = pages.next().await else {
            return Ok(());
        };
        let (processed, entered, exited) = done?;
        r.processed += processed;
        r.entered += entered;
        r.exited += exited;
        if last_progress.elapsed() >= PROGRESS_EVERY {
            r.heartbeat_ms = wall_ms();
            engine.catalog().store().update_recompute(ws, r).await?;
            last_progress = Instant::now();
        }
    }
}

/// Evaluates one page of customers for `segment_id`; returns (processed, entered,
/// exited) for that segment.
async fn page(
    engine: &Engine,
    ws: &WorkspaceId,
    segment_id: &SegmentId,
    customers: Vec<String>,
) -> Result<(i64, i64, i64), Error> {
    let catalog = engine.catalog().compiled(ws).await?;
    let batchable = catalog.get(segment_id.as_str()).is_some_and(|s| {
        s.deps.computed.is_empty()
            && s.deps.builtins.is_empty()
            && !catalog
                .segments
                .iter()
                .any(|o| o.deps.segments.contains(segment_id))
    });
    if batchable {
        return batch_page(engine, ws, &catalog, segment_id, customers).await;
    }
    let mut counts = (0, 0, 0);
    let mut outcomes = futures::stream::iter(customers)
        .map(|customer| async move {
            engine
                .evaluate(ws, &customer, Trigger::recompute(segment_id))
                .await
        })
        .buffer_unordered(CONCURRENCY);
    while let Some(outcome) = outcomes.next().await {
        let outcome = outcome?;
        counts.0 += 1;
        counts.1 += outcome
            .entered
            .iter()
            .filter(|s| s.as_str() == segment_id.as_str())
            .count() as i64;
        counts.2 += outcome
            .exited
            .iter()
            .filter(|s| s.as_str() == segment_id.as_str())
            .count() as i64;
    }
    Ok(counts)
}

/// The batch path, for a segment that reads no computed trait and no built-in and
/// that no other segment reads (so re-evaluating it changes nothing else): under the
/// locks of the whole page, reads every customer's traits, event counts, memberships
/// and evaluated version in two pipelines, evaluates, and writes the changes in
/// pipelines (member set and daily size, then the membership compare-and-set, then
/// the transitions and `MembershipChanged` of the changes that took, then the
/// evaluated versions) — the same writes, in the same order, as
/// [`Engine::evaluate`] makes, so a customer's state never depends on which path
/// evaluated it.
async fn batch_page(
    engine: &Engine,
    ws: &WorkspaceId,
    catalog: &WorkspaceCatalog,
    segment_id: &SegmentId,
    mut customers: Vec<String>,
) -> Result<(i64, i64, i64), Error> {
    let Some(seg) = catalog.get(segment_id.as_str()) else {
        return Ok((0, 0, 0));
    };
    customers.sort_unstable();
    customers.dedup();
    let (guards, customers, busy) = engine.try_lock_many(ws, customers);
    let mut counts = batch_locked(engine, ws, seg, &customers).await?;
    drop(guards);
    // Customers whose lock was held (by an event, or by another page in flight): now
    // holding nothing, wait for their locks (in stripe order) and batch them too.
    if !busy.is_empty() {
        let guards = engine.lock_all(ws, &busy).await;
        let more = batch_locked(engine, ws, seg, &busy).await?;
        drop(guards);
        counts = (counts.0 + more.0, counts.1 + more.1, counts.2 + more.2);
    }
    Ok(counts)
}

/// [`batch_page`] for customers whose locks are held.
async fn batch_locked(
    engine: &Engine,
    ws: &WorkspaceId,
    seg: &crate::catalog::CompiledSegment,
    customers: &[String],
) -> Result<(i64, i64, i64), Error> {
    let segment_id = &seg.segment.id;
    let parts = ReadParts {
        traits: seg.deps.traits,
        event_counts: seg.deps.events,
    };
    let (profiles, versions) = futures::try_join!(
        async {
            engine
                .profiles()
                .read_many(ws.as_str(), customers, parts)
                .await
                .map_err(Error::from)
        },
        engine
            .state()
            .versions_of(ws.as_str(), customers, segment_id.as_str()),
    )?;
    let now_ms = engine.clock().now_ms();
    let empty_map = value::from_json_map(&serde_json::Map::new());
    let now = value::timestamp_ms(now_ms);
    let processed = customers.len() as i64;
    let mut changes: Vec<(&str, bool)> = Vec::new();
    let mut stale: Vec<&str> = Vec::new();
    for ((customer, p), version) in customers.iter().zip(&profiles).zip(&versions) {
        if !p.exists {
            continue;
        }
        let vars = [
            ("traits", value::from_json_map(&p.traits)),
            ("events", value::counts(&p.event_counts)),
            ("computed", empty_map.clone()),
            ("now", now.clone()),
            ("builtins", empty_map.clone()),
            (
                "segments",
                value::string_list(p.memberships.keys().cloned()),
            ),
        ];
        let is_member = engine
            .evaluator()
            .eval_bool(&seg.expression, &vars)
            .unwrap_or(false);
        if is_member != p.memberships.contains_key(segment_id.as_str()) {
            changes.push((customer.as_str(), is_member));
        }
        if *version != Some(seg.segment.version) {
            stale.push(customer.as_str());
        }
    }
    let (mut entered, mut exited) = (0, 0);
    if !changes.is_empty() {
        let state = engine.state();
        state
            .index_members(ws.as_str(), segment_id.as_str(), &changes, &day_of(now_ms))
            .await?;
        let took = futures::future::try_join_all(changes.iter().map(|(c, e)| {
            engine
                .profiles()
                .set_membership(ws.as_str(), c, segment_id.as_str(), *e, now_ms)
        }))
        .await?;
        let applied: Vec<(&str, bool)> = changes
            .iter()
            .zip(took)
            .filter(|(_, took)| *took)
            .map(|(c, _)| *c)
            .collect();
        futures::future::try_join_all(applied.iter().map(|(customer, is_member)| async move {
            engine
                .record_change(
                    ws,
                    customer,
                    segment_id.as_str(),
                    seg.segment.version,
                    *is_member,
                    Reason::Recompute,
                    "",
                    now_ms,
                )
                .await
        }))
        .await?;
        entered = applied.iter().filter(|(_, e)| *e).count() as i64;
        exited = applied.len() as i64 - entered;
    }
    engine
        .state()
        .set_version_many(
            ws.as_str(),
            &stale,
            segment_id.as_str(),
            seg.segment.version,
        )
        .await?;
    Ok((processed, entered, exited))
}
