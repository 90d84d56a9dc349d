//! Computing a workspace's RFM model over its known customers, on request and on the
//! schedule of its lifecycle settings, then recomputing the segments that read
//! `builtins.rfm` so memberships follow the new quintiles.
//!
//! One replica computes a workspace's model at a time (a Redis lock with expiry); the
//! model is stored in SQL and picked up by every replica's catalog.

use std::sync::Arc;
use std::time::Duration;

use futures::{StreamExt as _, TryStreamExt as _};
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::PurchaseSummary;

use crate::builtins::RfmModel;
use crate::engine::Engine;
use crate::error::Error;
use crate::recompute::{Recompute, Recomputer};

/// How often workspaces are checked for a due RFM refresh.
pub const POLL: Duration = Duration::from_secs(1);
/// How long the RFM lock is held at most.
const LOCK_TTL_MS: u64 = 10 * 60_000;
/// How long an on-demand refresh waits for a running one to finish.
const LOCK_WAIT: Duration = Duration::from_secs(60);
/// Customers read per pipeline.
const PAGE: usize = 2_000;
/// Pipelines in flight.
const IN_FLIGHT: usize = 4;

/// Computes and stores the workspace's model. With `wait`, waits for a refresh
/// running elsewhere to finish first; without, returns `None` when one is running.
/// With `min_age_ms`, returns `None` when the stored model is younger than that (a
/// scheduled refresh another replica just did).
pub async fn refresh(
    engine: &Engine,
    ws: &WorkspaceId,
    wait: bool,
    min_age_ms: Option<i64>,
) -> Result<Option<RfmModel>, Error> {
    let token = crate::recompute::RecomputeId::generate().to_string();
    let deadline = tokio::time::Instant::now() + LOCK_WAIT;
    loop {
        if engine
            .state()
            .try_lock_rfm(ws.as_str(), &token, LOCK_TTL_MS)
            .await?
        {
            break;
        }
        if !wait || tokio::time::Instant::now() >= deadline {
            if wait {
                return Err(Error::FailedPrecondition {
                    subject: "rfm",
                    message: "another RFM refresh is still running".into(),
                });
            }
            return Ok(None);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if let Some(min_age) = min_age_ms {
        let stored = engine.catalog().store().rfm_model(ws).await;
        let fresh = match &stored {
            Ok(m) => m
                .as_ref()
                .is_some_and(|m| engine.clock().now_ms() - m.compute_ms < min_age),
            Err(_) => false,
        };
        if fresh || stored.is_err() {
            engine.state().unlock_rfm(ws.as_str(), &token).await?;
            return stored.map(|_| None);
        }
    }
    let result = compute(engine, ws).await;
    engine.state().unlock_rfm(ws.as_str(), &token).await?;
    let model = result?;
    engine.catalog().put_rfm_model(ws, &model).await?;
    tracing::info!(workspace = %ws, buyers = model.customer_count, "RFM model refreshed");
    Ok(Some(model))
}

/// Reads the purchase summary of every known customer (pipelined pages) and folds
/// them into a model.
async fn compute(engine: &Engine, ws: &WorkspaceId) -> Result<RfmModel, Error> {
    let now_ms = engine.clock().now_ms();
    let mut pages = Vec::new();
    let mut cursor = 0u64;
    loop {
        let (next, ids) = engine.state().scan_known(ws.as_str(), cursor, PAGE).await?;
        if !ids.is_empty() {
            pages.push(ids);
        }
        if next == 0 {
            break;
        }
        cursor = next;
    }
    // SSCAN may return an id twice; count each customer once.
    let mut seen = std::collections::HashSet::new();
    for page in &mut pages {
        page.retain(|id| seen.insert(id.clone()));
    }
    drop(seen);
    let summaries: Vec<Vec<PurchaseSummary>> = futures::stream::iter(pages)
        .map(|page| async move {
            engine
                .profiles()
                .purchase_summaries(ws.as_str(), &page)
                .await
                .map_err(Error::from)
        })
        .buffered(IN_FLIGHT)
        .try_collect()
        .await?;
    Ok(RfmModel::compute(summaries.into_iter().flatten(), now_ms))
}

/// Refreshes the model and recomputes the segments reading `builtins.rfm`.
pub async fn refresh_and_recompute(
    engine: &Engine,
    recomputer: &Recomputer,
    ws: &WorkspaceId,
    wait: bool,
    min_age_ms: Option<i64>,
) -> Result<Option<(RfmModel, Vec<Recompute>)>, Error> {
    let Some(model) = refresh(engine, ws, wait, min_age_ms).await? else {
        return Ok(None);
    };
    let recomputes = recomputer.start_reading_builtins(ws, &["rfm"]).await?;
    Ok(Some((model, recomputes)))
}

/// Refreshes every workspace whose model is older than its settings' interval (or
/// missing), every [`POLL`], until `shutdown`.
pub async fn run_schedule(
    engine: Arc<Engine>,
    recomputer: Arc<Recomputer>,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    loop {
        if let Err(e) = refresh_due(&engine, &recomputer).await {
            tracing::warn!(error = %e, "scheduled RFM refresh failed");
        }
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

async fn refresh_due(engine: &Engine, recomputer: &Recomputer) -> Result<(), Error> {
    let now_ms = engine.clock().now_ms();
    for ws in engine.state().workspaces().await? {
        let ws = WorkspaceId::new(ws);
        let catalog = engine.catalog().compiled(&ws).await?;
        let due = catalog
            .rfm
            .as_ref()
            .is_none_or(|m| now_ms - m.compute_ms >= catalog.settings.rfm_refresh_ms);
        if due {
            let every = catalog.settings.rfm_refresh_ms;
            refresh_and_recompute(engine, recomputer, &ws, false, Some(every)).await?;
        }
    }
    Ok(())
}
