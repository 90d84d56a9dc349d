//! The outbox of journey facts: `journey.entered`, `.converted`, `.exited` and
//! `.profile_updated` events for identity.
//!
//! A fact is written to `journey_outbox` in the same transaction as the run change that
//! produced it (the run insert, or the persist of a step), so a crash can no longer lose
//! it between the commit and the call to identity. Delivery is at least once: right after
//! the commit the runner tries once, and the outbox worker ([`deliver`]) retries what is
//! still pending with exponential backoff. A delivery is claimed by a conditional update
//! (so replicas do not send one fact at the same time), and each fact carries a
//! deterministic `event_id` that identity deduplicates, so a redelivery after a crash is
//! harmless. A fact that keeps failing for [`MAX_ATTEMPTS`] deliveries is marked `DEAD`
//! and logged; delivered facts are purged after [`KEEP_DELIVERED_MS`].

use std::sync::Arc;
use std::time::Duration;

use omni_common::ids::{CustomerId, WorkspaceId};
use omni_common::shutdown::CancellationToken;
use sea_orm::{ConnectionTrait, QueryResult, Value};
use serde_json::{Map, Value as Json};

use crate::error::Error;
use crate::model::Fact;
use crate::runner::Runner;
use crate::store::Store;

/// The migration that creates the outbox (applied by `store::MIGRATIONS`).
pub const MIGRATION_SQL: &str = "
CREATE TABLE journey_outbox (
    workspace_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    properties TEXT NOT NULL,
    traits TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_ms BIGINT NOT NULL,
    error TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    delivered_ms BIGINT,
    PRIMARY KEY (workspace_id, event_id)
);
CREATE INDEX journey_outbox_due ON journey_outbox (state, next_ms);
CREATE INDEX journey_outbox_customer ON journey_outbox (workspace_id, customer_id)
";

/// Deliveries of one fact after which it is marked `DEAD` (about two hours of
/// backoff at 1 s doubling up to 5 min).
pub const MAX_ATTEMPTS: i64 = 30;
/// How long delivered facts are kept (for inspection) before being purged, in ms.
pub const KEEP_DELIVERED_MS: i64 = 7 * 24 * 3_600_000;
/// How long a claimed delivery holds the fact before another worker may retry it, in ms.
const CLAIM_MS: i64 = 30_000;
/// Most facts read per poll.
const BATCH: usize = 100;
/// How often delivered facts are purged.
const PURGE_EVERY: Duration = Duration::from_secs(600);

/// A fact read back from the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingFact {
    /// Workspace of the run.
    pub workspace: WorkspaceId,
    /// The customer the fact is about.
    pub customer_id: CustomerId,
    /// When the fact happened, unix ms.
    pub time_ms: i64,
    /// Deliveries tried so far.
    pub attempts: i64,
    /// The event.
    pub fact: Fact,
}

/// Writes `facts` of `customer` to the outbox on `db` (a transaction of the caller);
/// a fact already there (same event id) is left as it is.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    customer: &CustomerId,
    facts: &[Fact],
    now_ms: i64,
) -> Result<(), Error> {
    for fact in facts {
        db.execute_raw(stmt(
            db,
            "INSERT INTO journey_outbox (workspace_id, event_id, customer_id, event_type, \
             properties, traits, time_ms, state, attempts, next_ms, error, create_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING', 0, $8, '', $9) ON CONFLICT DO NOTHING",
            [
                ws.as_str().into(),
                fact.event_id.clone().into(),
                customer.as_str().into(),
                fact.event_type.clone().into(),
                encode(&fact.properties)?.into(),
                encode(&fact.traits)?.into(),
                now_ms.into(),
                now_ms.into(),
                now_ms.into(),
            ],
        ))
        .await?;
    }
    Ok(())
}

/// Up to `limit` pending facts due at `now_ms`, across workspaces, oldest first.
pub async fn due(store: &Store, now_ms: i64, limit: usize) -> Result<Vec<PendingFact>, Error> {
    let db = store.db();
    let rows = db
        .query_all_raw(stmt(
            db,
            "SELECT workspace_id, event_id, customer_id, event_type, properties, traits, \
             time_ms, attempts FROM journey_outbox WHERE state = 'PENDING' AND next_ms <= $1 \
             ORDER BY next_ms LIMIT $2",
            [
                now_ms.into(),
                i64::try_from(limit).unwrap_or(i64::MAX).into(),
            ],
        ))
        .await?;
    rows.iter().map(pending_from_row).collect()
}

/// Claims a pending fact that is due at `now_ms` for one delivery attempt (counting it);
/// `false` when it was delivered, is dead, or another worker claimed it first.
async fn claim(store: &Store, f: &PendingFact, now_ms: i64) -> Result<bool, Error> {
    let db = store.db();
    let result = db
        .execute_raw(stmt(
            db,
            "UPDATE journey_outbox SET next_ms = $1, attempts = attempts + 1 \
             WHERE workspace_id = $2 AND event_id = $3 AND state = 'PENDING' AND next_ms <= $4",
            [
                now_ms.saturating_add(CLAIM_MS).into(),
                f.workspace.as_str().into(),
                f.fact.event_id.clone().into(),
                now_ms.into(),
            ],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Records the result of a delivery attempt: delivered, or pending until `next_ms`
/// (`None`: dead) with the error.
async fn settle(
    store: &Store,
    f: &PendingFact,
    now_ms: i64,
    result: Result<(), (Option<i64>, String)>,
) -> Result<(), Error> {
    let db = store.db();
    let (sql, values): (&str, Vec<Value>) = match result {
        Ok(()) => (
            "UPDATE journey_outbox SET state = 'DELIVERED', delivered_ms = $1, error = '' \
             WHERE workspace_id = $2 AND event_id = $3",
            vec![
                now_ms.into(),
                f.workspace.as_str().into(),
                f.fact.event_id.clone().into(),
            ],
        ),
        Err((next, error)) => (
            "UPDATE journey_outbox SET state = $1, next_ms = $2, error = $3 \
             WHERE workspace_id = $4 AND event_id = $5 AND state = 'PENDING'",
            vec![
                if next.is_some() { "PENDING" } else { "DEAD" }.into(),
                next.unwrap_or(now_ms).into(),
                error.into(),
                f.workspace.as_str().into(),
                f.fact.event_id.clone().into(),
            ],
        ),
    };
    db.execute_raw(stmt(db, sql, values)).await?;
    Ok(())
}

/// Claims and delivers one fact through identity `Track`, then records the outcome.
/// Returns whether this call delivered it.
pub async fn deliver_one(runner: &Runner, f: &PendingFact) -> Result<bool, Error> {
    let now = runner.now_ms();
    if !claim(runner.store(), f, now).await? {
        return Ok(false);
    }
    let attempts = f.attempts + 1;
    let outcome = runner.track_fact(f).await;
    let now = runner.now_ms();
    let result = match outcome {
        Ok(()) => {
            tracing::debug!(workspace = %f.workspace, event_id = %f.fact.event_id, attempts, "journey fact delivered");
            Ok(())
        }
        Err(status) => {
            let error = format!("identity: {:?}: {}", status.code(), status.message());
            if attempts >= MAX_ATTEMPTS {
                tracing::error!(workspace = %f.workspace, event_id = %f.fact.event_id, attempts, %error, "journey fact undeliverable; marked dead");
                Err((None, error))
            } else {
                let next = now.saturating_add(runner.backoff_ms(attempts));
                tracing::warn!(workspace = %f.workspace, event_id = %f.fact.event_id, attempts, next, %error, "journey fact delivery failed; will retry");
                Err((Some(next), error))
            }
        }
    };
    let delivered = result.is_ok();
    settle(runner.store(), f, now, result).await?;
    Ok(delivered)
}

/// Tries to deliver facts just committed by a run change at once (the worker retries
/// whatever this leaves pending). Errors are logged, never returned: the facts are safe
/// in the outbox.
pub async fn deliver_now(runner: &Runner, ws: &WorkspaceId, customer: &CustomerId, facts: &[Fact]) {
    let now = runner.now_ms();
    for fact in facts {
        let pending = PendingFact {
            workspace: ws.clone(),
            customer_id: customer.clone(),
            time_ms: now,
            attempts: 0,
            fact: fact.clone(),
        };
        if let Err(e) = deliver_one(runner, &pending).await {
            tracing::warn!(event_id = %fact.event_id, error = %e, "immediate fact delivery failed; the outbox worker will retry");
        }
    }
}

/// One pass: delivers the facts due now. Returns how many were due.
pub async fn deliver_once(runner: &Runner) -> Result<usize, Error> {
    let due = due(runner.store(), runner.now_ms(), BATCH).await?;
    let n = due.len();
    for f in &due {
        if let Err(e) = deliver_one(runner, f).await {
            tracing::warn!(event_id = %f.fact.event_id, error = %e, "fact delivery failed");
        }
    }
    Ok(n)
}

/// Deletes delivered facts older than `before_ms`; returns how many.
pub async fn purge_delivered(store: &Store, before_ms: i64) -> Result<u64, Error> {
    let db = store.db();
    let result = db
        .execute_raw(stmt(
            db,
            "DELETE FROM journey_outbox WHERE state = 'DELIVERED' AND delivered_ms < $1",
            [before_ms.into()],
        ))
        .await?;
    Ok(result.rows_affected())
}

/// The outbox worker: delivers due facts every `interval` until `shutdown`.
pub async fn deliver(
    runner: Arc<Runner>,
    interval: Duration,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_purge: Option<std::time::Instant> = None;
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            _ = tick.tick() => {}
        }
        if last_purge.is_none_or(|t| t.elapsed() >= PURGE_EVERY) {
            last_purge = Some(std::time::Instant::now());
            let before = runner.now_ms().saturating_sub(KEEP_DELIVERED_MS);
            match purge_delivered(runner.store(), before).await {
                Ok(n) if n > 0 => tracing::info!(purged = n, "delivered journey facts purged"),
                Ok(_) => {}
                Err(e) => tracing::debug!(error = %e, "purging delivered facts failed"),
            }
        }
        loop {
            match deliver_once(&runner).await {
                Ok(n) if n == BATCH && !shutdown.is_cancelled() => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "outbox poll failed; retrying next tick");
                    break;
                }
            }
        }
    }
}

fn stmt<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> sea_orm::Statement {
    omni_storage::stmt(db.get_database_backend(), sql, values)
}

fn encode(map: &Map<String, Json>) -> Result<String, Error> {
    serde_json::to_string(map).map_err(|e| Error::Corrupt(format!("encode fact: {e}")))
}

fn decode(text: &str) -> Result<Map<String, Json>, Error> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt(format!("outbox fact: {e}")))
}

fn pending_from_row(row: &QueryResult) -> Result<PendingFact, Error> {
    Ok(PendingFact {
        workspace: WorkspaceId::new(row.try_get::<String>("", "workspace_id")?),
        customer_id: CustomerId::new(row.try_get::<String>("", "customer_id")?),
        time_ms: row.try_get("", "time_ms")?,
        attempts: row.try_get("", "attempts")?,
        fact: Fact {
            event_id: row.try_get("", "event_id")?,
            event_type: row.try_get("", "event_type")?,
            properties: decode(&row.try_get::<String>("", "properties")?)?,
            traits: decode(&row.try_get::<String>("", "traits")?)?,
        },
    })
}
