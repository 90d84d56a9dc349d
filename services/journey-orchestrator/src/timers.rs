//! The durable-timer poller: claims runs that are due (a wait that ended, a retry whose
//! time came, or an active run whose lease expired because its worker died) and
//! advances them.
//!
//! A poll claims a batch of due runs with one conditional update (`FOR UPDATE SKIP
//! LOCKED` on Postgres), so any number of replicas can poll the same database: a run is
//! claimed by one of them only, and only that one advances it. The claimed runs are
//! advanced concurrently; their saves are group-committed (see [`crate::steps`]).

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use omni_common::shutdown::CancellationToken;
use tracing::Instrument as _;

use omni_common::ids::WorkspaceId;

use crate::error::Error;
use crate::model::Run;
use crate::runner::Runner;

/// Most runs claimed per poll (one statement); their lease covers the whole batch.
const BATCH: usize = 512;
/// How often the timer backlog metric is refreshed.
const BACKLOG_EVERY: Duration = Duration::from_secs(5);
/// Most runs advanced at once (their calls are I/O: Redis, channel-gateway, and the
/// group-committed save).
const CONCURRENCY: usize = 128;

/// Polls every `interval` until `shutdown` is cancelled. Runs already being advanced
/// when shutdown starts are finished (their calls are bounded by timeouts).
pub async fn poll(
    runner: Arc<Runner>,
    interval: Duration,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_backlog: Option<std::time::Instant> = None;
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            _ = tick.tick() => {}
        }
        if last_backlog.is_none_or(|t| t.elapsed() >= BACKLOG_EVERY) {
            last_backlog = Some(std::time::Instant::now());
            match runner.store().count_due(runner.now_ms()).await {
                Ok(due) => omni_common::metrics::instruments().timer_backlog(due),
                Err(e) => tracing::debug!(error = %e, "counting due timers failed"),
            }
        }
        // Keep going while batches come back full, so a backlog drains quickly.
        loop {
            match poll_once(&runner).await {
                Ok(n) if n == BATCH && !shutdown.is_cancelled() => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "timer poll failed; retrying next tick");
                    break;
                }
            }
        }
    }
}

/// One poll: claims a batch of the runs due now with one statement and advances them,
/// [`CONCURRENCY`] at a time. Returns how many were claimed.
pub async fn poll_once(runner: &Runner) -> Result<usize, Error> {
    let token = Runner::new_token();
    let claimed = runner
        .store()
        .claim_due(runner.now_ms(), BATCH, &token, runner.lease_until())
        .await?;
    let n = claimed.len();
    let token = token.as_str();
    futures::stream::iter(claimed)
        .for_each_concurrent(CONCURRENCY, |(ws, run)| async move {
            let run_id = run.run_id.clone();
            if let Err(e) = advance(runner, &ws, run, token).await {
                tracing::warn!(workspace = %ws, run_id = %run_id, error = %e, "advancing run failed");
            }
        })
        .await;
    Ok(n)
}

/// Advances one claimed run inside a `timer.fire` span that continues the trace the run
/// started in, so a customer's event stays one trace across waits.
async fn advance(runner: &Runner, ws: &WorkspaceId, run: Run, token: &str) -> Result<(), Error> {
    let span = tracing::info_span!("timer.fire", workspace = %ws, run_id = %run.run_id);
    if !run.traceparent.is_empty() {
        omni_common::telemetry::set_parent_from_traceparent(&span, &run.traceparent);
    }
    runner
        .advance_loaded(ws, run, token)
        .instrument(span)
        .await?;
    Ok(())
}
