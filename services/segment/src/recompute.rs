//! Recomputes: re-evaluating one segment (and the segments reading it) for every
//! customer known to the workspace, in the background, with progress kept in SQL.
//!
//! A recompute walks the workspace's known-customer set and evaluates each customer
//! through the same engine as the event stream, under the same per-customer lock, so
//! it is safe to run while events arrive: each customer's evaluations are serialised
//! and membership writes are idempotent, so no transition is lost or doubled.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt as _;
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use tokio::sync::mpsc;

use crate::engine::{Engine, Trigger};
use crate::error::Error;
use crate::segment::{Segment, SegmentId};

omni_common::id_type!(
    /// A recompute, e.g. `rc_0190...`.
    RecomputeId,
    "rc"
);

/// Customers fetched per page of the known set.
const PAGE: usize = 1_000;
/// Customers evaluated concurrently.
const CONCURRENCY: usize = 16;
/// How often progress is written while running.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

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
}

/// Starts recomputes and runs them one after another in the background.
pub struct Recomputer {
    engine: Arc<Engine>,
    jobs: mpsc::UnboundedSender<(WorkspaceId, Recompute)>,
}

impl Recomputer {
    /// A recomputer over the engine, and the receiving end its worker ([`run`]) reads.
    pub fn new(engine: Arc<Engine>) -> (Self, mpsc::UnboundedReceiver<(WorkspaceId, Recompute)>) {
        let (jobs, rx) = mpsc::unbounded_channel();
        (Self { engine, jobs }, rx)
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

/// Runs queued recomputes until `shutdown`.
pub async fn run(
    engine: Arc<Engine>,
    mut jobs: mpsc::UnboundedReceiver<(WorkspaceId, Recompute)>,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    loop {
        let job = tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            job = jobs.recv() => job,
        };
        let Some((ws, mut r)) = job else {
            return Ok(());
        };
        let result = execute(&engine, &ws, &mut r, &shutdown).await;
        r.finish_ms = Some(engine.clock().now_ms());
        match result {
            Ok(()) => r.state = RecomputeState::Succeeded,
            Err(e) => {
                tracing::warn!(workspace = %ws, recompute = %r.id, error = %e, "recompute failed");
                r.state = RecomputeState::Failed;
                r.error = e.to_string();
            }
        }
        engine.catalog().store().update_recompute(&ws, &r).await?;
        tracing::info!(workspace = %ws, recompute = %r.id, segment = %r.segment_id,
            processed = r.processed, entered = r.entered, exited = r.exited, "recompute finished");
    }
}

/// Evaluates every known customer of `ws` for the recompute's segment.
pub async fn execute(
    engine: &Engine,
    ws: &WorkspaceId,
    r: &mut Recompute,
    shutdown: &CancellationToken,
) -> Result<(), Error> {
    let mut cursor = 0u64;
    let mut last_progress = Instant::now();
    loop {
        if shutdown.is_cancelled() {
            return Err(Error::FailedPrecondition {
                subject: "recompute",
                message: "interrupted by shutdown".into(),
            });
        }
        let (next, customers) = engine.state().scan_known(ws.as_str(), cursor, PAGE).await?;
        let segment_id = r.segment_id.clone();
        let mut outcomes = futures::stream::iter(customers)
            .map(|customer| {
                let segment_id = &segment_id;
                async move {
                    engine
                        .evaluate(ws, &customer, Trigger::recompute(segment_id))
                        .await
                }
            })
            .buffer_unordered(CONCURRENCY);
        while let Some(outcome) = outcomes.next().await {
            let outcome = outcome?;
            r.processed += 1;
            r.entered += outcome
                .entered
                .iter()
                .filter(|s| s.as_str() == r.segment_id.as_str())
                .count() as i64;
            r.exited += outcome
                .exited
                .iter()
                .filter(|s| s.as_str() == r.segment_id.as_str())
                .count() as i64;
        }
        if last_progress.elapsed() >= PROGRESS_EVERY {
            engine.catalog().store().update_recompute(ws, r).await?;
            last_progress = Instant::now();
        }
        if next == 0 {
            return Ok(());
        }
        cursor = next;
    }
}
