//! The durable-timer poller: claims runs that are due (a wait that ended, a retry whose
//! time came, or an active run whose lease expired because its worker died) and
//! advances them.
//!
//! Claims are conditional updates, so any number of replicas can poll the same
//! database: only the one whose update changed the row advances the run.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use omni_common::shutdown::CancellationToken;
use tracing::Instrument as _;

use crate::error::Error;
use crate::runner::Runner;
use crate::store::DueRun;

/// Most runs read per poll.
const BATCH: usize = 100;
/// How often the timer backlog metric is refreshed.
const BACKLOG_EVERY: Duration = Duration::from_secs(5);
/// Most runs advanced at once.
const CONCURRENCY: usize = 16;

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

/// One poll: claims and advances the runs due now. Returns how many were due.
pub async fn poll_once(runner: &Runner) -> Result<usize, Error> {
    let due = runner.store().due_runs(runner.now_ms(), BATCH).await?;
    let n = due.len();
    futures::stream::iter(due)
        .for_each_concurrent(CONCURRENCY, |run| async move {
            if let Err(e) = claim_and_advance(runner, &run).await {
                tracing::warn!(workspace = %run.workspace, run_id = %run.run_id, error = %e, "advancing run failed");
            }
        })
        .await;
    Ok(n)
}

/// Claims and advances one run inside a `timer.fire` span that continues the trace the
/// run started in, so a customer's event stays one trace across waits.
async fn claim_and_advance(runner: &Runner, run: &DueRun) -> Result<(), Error> {
    let span = tracing::info_span!("timer.fire", workspace = %run.workspace, run_id = %run.run_id);
    if !run.traceparent.is_empty() {
        omni_common::telemetry::set_parent_from_traceparent(&span, &run.traceparent);
    }
    async {
        if let Some(token) = runner.claim(&run.workspace, &run.run_id).await? {
            runner.advance(&run.workspace, &run.run_id, &token).await?;
        }
        Ok(())
    }
    .instrument(span)
    .await
}
