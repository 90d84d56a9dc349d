//! The outbox of journey facts: `journey.entered`, `.converted`, `.exited` and
//! `.profile_updated` events for identity.
//!
//! A fact is written to `journey_outbox` in the same transaction as the run change that
//! produced it (the run insert, or the persist of a step), so a crash can no longer lose
//! it between the commit and the call to identity. Delivery is at least once: the commit
//! wakes the outbox worker ([`deliver`]), which sends the due facts in batches (one
//! identity `TrackBatch` per workspace) and retries what failed with exponential
//! backoff; no call to identity is on the commit path of an enrolment or a step. A
//! delivery is claimed by a conditional update
//! (so replicas do not send one fact at the same time), and each fact carries a
//! deterministic `event_id` that identity deduplicates, so a redelivery after a crash is
//! harmless. A fact that keeps failing for [`MAX_ATTEMPTS`] deliveries is marked `DEAD`
//! and logged; delivered facts are purged after [`KEEP_DELIVERED_MS`].

use std::collections::{BTreeMap, HashSet};
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
/// Most facts read per poll (delivered with one `TrackBatch` per workspace).
const BATCH: usize = 500;
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

/// One fact to write with [`insert_many`].
#[derive(Clone, Copy, Debug)]
pub struct FactRow<'a> {
    /// Workspace of the run.
    pub ws: &'a WorkspaceId,
    /// The customer the fact is about.
    pub customer: &'a CustomerId,
    /// The fact.
    pub fact: &'a Fact,
    /// When it happened, unix ms.
    pub time_ms: i64,
}

/// [`insert`] for the facts of many runs, with multi-row statements.
pub async fn insert_many<C: ConnectionTrait>(db: &C, rows: &[FactRow<'_>]) -> Result<(), Error> {
    const COLS: usize = 7;
    let mut values: Vec<Value> = Vec::new();
    let (mut n, mut bytes) = (0, 0);
    for (i, r) in rows.iter().enumerate() {
        let props = encode(&r.fact.properties)?;
        let traits = encode(&r.fact.traits)?;
        bytes += 100 + props.len() + traits.len() + r.fact.event_id.len();
        values.extend([
            r.ws.as_str().into(),
            r.fact.event_id.clone().into(),
            r.customer.as_str().into(),
            r.fact.event_type.clone().into(),
            props.into(),
            traits.into(),
            r.time_ms.into(),
        ]);
        n += 1;
        if i + 1 == rows.len()
            || n >= crate::enrol::MAX_ROWS
            || bytes >= crate::enrol::MAX_STATEMENT_BYTES
        {
            let rows_sql = (0..n)
                .map(|k| {
                    let b = k * COLS;
                    format!(
                        "(${}, ${}, ${}, ${}, ${}, ${}, ${}, 'PENDING', 0, ${}, '', ${})",
                        b + 1,
                        b + 2,
                        b + 3,
                        b + 4,
                        b + 5,
                        b + 6,
                        b + 7,
                        b + 7,
                        b + 7
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            db.execute_raw(stmt(
                db,
                &format!(
                    "INSERT INTO journey_outbox (workspace_id, event_id, customer_id, event_type, \
                     properties, traits, time_ms, state, attempts, next_ms, error, create_ms) \
                     VALUES {rows_sql} ON CONFLICT DO NOTHING"
                ),
                std::mem::take(&mut values),
            ))
            .await?;
            (n, bytes) = (0, 0);
        }
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

/// Claims the due facts `facts` (all of workspace `ws`) for one delivery attempt each
/// (counting it); returns the event ids claimed (not those delivered, dead, or claimed
/// by another worker first).
async fn claim<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    facts: &[&PendingFact],
    now_ms: i64,
) -> Result<HashSet<String>, Error> {
    let mut claimed = HashSet::new();
    for chunk in facts.chunks(crate::enrol::MAX_ROWS) {
        let mut values: Vec<Value> = vec![
            now_ms.saturating_add(CLAIM_MS).into(),
            ws.as_str().into(),
            now_ms.into(),
        ];
        values.extend(chunk.iter().map(|f| Value::from(f.fact.event_id.clone())));
        let rows = db
            .query_all_raw(stmt(
                db,
                &format!(
                    "UPDATE journey_outbox SET next_ms = $1, attempts = attempts + 1 \
                     WHERE workspace_id = $2 AND state = 'PENDING' AND next_ms <= $3 \
                     AND event_id IN ({}) RETURNING event_id",
                    crate::enrol::placeholders(4, chunk.len())
                ),
                values,
            ))
            .await?;
        for r in &rows {
            claimed.insert(r.try_get::<String>("", "event_id")?);
        }
    }
    Ok(claimed)
}

/// Marks the facts `event_ids` of `ws` delivered.
async fn settle_delivered<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    event_ids: &[String],
    now_ms: i64,
) -> Result<(), Error> {
    for chunk in event_ids.chunks(crate::enrol::MAX_ROWS) {
        let mut values: Vec<Value> = vec![now_ms.into(), ws.as_str().into()];
        values.extend(chunk.iter().map(|e| Value::from(e.clone())));
        db.execute_raw(stmt(
            db,
            &format!(
                "UPDATE journey_outbox SET state = 'DELIVERED', delivered_ms = $1, error = '' \
                 WHERE workspace_id = $2 AND event_id IN ({})",
                crate::enrol::placeholders(3, chunk.len())
            ),
            values,
        ))
        .await?;
    }
    Ok(())
}

/// Records a failed delivery attempt: pending until `next_ms` (`None`: dead) with the
/// error.
async fn settle_failed(
    store: &Store,
    f: &PendingFact,
    now_ms: i64,
    next: Option<i64>,
    error: String,
) -> Result<(), Error> {
    let db = store.db();
    db.execute_raw(stmt(
        db,
        "UPDATE journey_outbox SET state = $1, next_ms = $2, error = $3 \
         WHERE workspace_id = $4 AND event_id = $5 AND state = 'PENDING'",
        [
            if next.is_some() { "PENDING" } else { "DEAD" }.into(),
            next.unwrap_or(now_ms).into(),
            error.into(),
            f.workspace.as_str().into(),
            f.fact.event_id.clone().into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Claims and delivers facts of one workspace through identity's `TrackBatch`, then
/// records each outcome. Returns how many this call delivered.
pub async fn deliver_batch(
    runner: &Runner,
    ws: &WorkspaceId,
    facts: &[&PendingFact],
) -> Result<usize, Error> {
    let store = runner.store();
    let claimed = claim(store.db(), ws, facts, runner.now_ms()).await?;
    let facts: Vec<&PendingFact> = facts
        .iter()
        .copied()
        .filter(|f| claimed.contains(&f.fact.event_id))
        .collect();
    if facts.is_empty() {
        return Ok(0);
    }
    let mut results: Vec<Result<(), tonic::Status>> = Vec::with_capacity(facts.len());
    let mut events = Vec::new();
    let mut slots = Vec::new();
    let mut built = Vec::with_capacity(facts.len());
    for chunk in facts.chunks(32) {
        let reads: Vec<_> = chunk.iter().map(|f| runner.fact_event(f)).collect();
        built.extend(futures::future::join_all(reads).await);
    }
    for (i, e) in built.into_iter().enumerate() {
        match e {
            Ok(event) => {
                events.push(event);
                slots.push(i);
                results.push(Ok(()));
            }
            Err(status) => results.push(Err(status)),
        }
    }
    if !events.is_empty() {
        match runner.track_batch(ws, events).await {
            Ok(answers) => {
                for (slot, answer) in slots.into_iter().zip(answers) {
                    results[slot] = answer;
                }
            }
            Err(status) => {
                for slot in slots {
                    results[slot] = Err(status.clone());
                }
            }
        }
    }
    let now = runner.now_ms();
    let mut delivered = Vec::new();
    for (f, result) in facts.iter().zip(results) {
        let attempts = f.attempts + 1;
        match result {
            Ok(()) => {
                tracing::debug!(workspace = %f.workspace, event_id = %f.fact.event_id, attempts, "journey fact delivered");
                delivered.push(f.fact.event_id.clone());
            }
            Err(status) => {
                let error = format!("identity: {:?}: {}", status.code(), status.message());
                let next = if attempts >= MAX_ATTEMPTS {
                    tracing::error!(workspace = %f.workspace, event_id = %f.fact.event_id, attempts, %error, "journey fact undeliverable; marked dead");
                    None
                } else {
                    let next = now.saturating_add(runner.backoff_ms(attempts));
                    tracing::warn!(workspace = %f.workspace, event_id = %f.fact.event_id, attempts, next, %error, "journey fact delivery failed; will retry");
                    Some(next)
                };
                settle_failed(store, f, now, next, error).await?;
            }
        }
    }
    settle_delivered(store.db(), ws, &delivered, now).await?;
    Ok(delivered.len())
}

/// One pass: delivers the facts due now, grouped by workspace. Returns how many were
/// due.
pub async fn deliver_once(runner: &Runner) -> Result<usize, Error> {
    let due = due(runner.store(), runner.now_ms(), BATCH).await?;
    let n = due.len();
    let mut by_ws: BTreeMap<&str, Vec<&PendingFact>> = BTreeMap::new();
    for f in &due {
        by_ws.entry(f.workspace.as_str()).or_default().push(f);
    }
    for facts in by_ws.values() {
        let ws = facts[0].workspace.clone();
        if let Err(e) = deliver_batch(runner, &ws, facts).await {
            tracing::warn!(workspace = %ws, error = %e, "fact delivery failed");
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
            () = runner.outbox_wake().notified() => {}
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
