//! Batched SQL of the timer-driven path: claiming many due runs with one statement, and
//! saving the progress of many runs (each fenced on its lease token) with their steps
//! and facts in one transaction.

use std::collections::HashSet;

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, TransactionTrait, Value};

use crate::enrol::{MAX_ROWS, MAX_STATEMENT_BYTES, row_placeholders};
use crate::error::Error;
use crate::model::Run;
use crate::store::{RUN_COLUMNS, Store, encode_context, run_from_row, stmt};

/// Most run saves per batch (one transaction).
pub const MAX_SAVE_BATCH: usize = 256;

/// One run's progress to save, fenced on `token` (see [`Store::save_run`]).
#[derive(Clone, Debug)]
pub struct Save {
    /// Workspace of the run.
    pub ws: WorkspaceId,
    /// The run row to write, with the steps and facts taken since it was loaded.
    pub row: Run,
    /// The lease token the write is fenced on.
    pub token: String,
    /// The signals the run had when loaded (cleared by the write).
    pub seen_signals: String,
}

/// The condition of a run that may be claimed at `$1` (see [`Store::claim_due`]).
const DUE: &str = "state IN ('ACTIVE', 'WAITING') AND COALESCE(lease_until_ms, 0) <= $1 \
     AND (state = 'ACTIVE' OR wake_ms <= $1 OR signals <> '') \
     AND NOT EXISTS (SELECT 1 FROM journeys j WHERE j.workspace_id = runs.workspace_id \
     AND j.journey_id = runs.journey_id AND j.state = 'PAUSED')";

impl Store {
    /// Claims up to `limit` runs due at `now_ms` (earliest wake first) for `token` until
    /// `lease_until_ms`, with one statement, and returns them as claimed. On Postgres the
    /// candidates are locked with `FOR UPDATE SKIP LOCKED`, so replicas claiming at once
    /// take disjoint runs without waiting for each other; on SQLite the single writer
    /// serialises claims. The claim re-checks the due condition, so a run is claimed by
    /// one claimer only.
    pub async fn claim_due(
        &self,
        now_ms: i64,
        limit: usize,
        token: &str,
        lease_until_ms: i64,
    ) -> Result<Vec<(WorkspaceId, Run)>, Error> {
        let db = self.db();
        let lock = if db.get_database_backend() == sea_orm::DbBackend::Postgres {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let rows = db
            .query_all_raw(stmt(
                db,
                &format!(
                    "UPDATE runs SET lease_owner = $2, lease_until_ms = $3 \
                     WHERE (workspace_id, run_id) IN (SELECT workspace_id, run_id FROM runs \
                     WHERE {DUE} ORDER BY COALESCE(wake_ms, 0) LIMIT $4{lock}) AND {DUE} \
                     RETURNING workspace_id, {RUN_COLUMNS}"
                ),
                [
                    now_ms.into(),
                    token.into(),
                    lease_until_ms.into(),
                    i64::try_from(limit).unwrap_or(i64::MAX).into(),
                ],
            ))
            .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    WorkspaceId::new(r.try_get::<String>("", "workspace_id")?),
                    run_from_row(r)?,
                ))
            })
            .collect()
    }

    /// Saves many runs' progress in one transaction: each run is updated only if its
    /// token still holds its lease (`false` for it otherwise, and none of its steps or
    /// facts are written); the steps and outbox facts of the saved runs are written with
    /// multi-row statements. One answer per item, in order.
    pub async fn save_runs(&self, items: Vec<Save>) -> Result<Vec<Result<bool, Error>>, Error> {
        let txn = self.db().begin().await?;
        // A fixed lock order, so two batches never wait on each other in a cycle.
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            items[a]
                .row
                .run_id
                .as_str()
                .cmp(items[b].row.run_id.as_str())
        });
        let mut saved = vec![false; items.len()];
        let mut done: HashSet<(String, String)> = HashSet::new();
        for &i in &order {
            let s = &items[i];
            if !done.insert((s.ws.to_string(), s.row.run_id.to_string())) {
                // The same run twice in one batch: only its first save can hold the
                // lease it was written with; a second is a stale writer's.
                continue;
            }
            saved[i] = update_run(&txn, &s.ws, &s.row, &s.token, &s.seen_signals).await?;
        }
        let runs: Vec<(&WorkspaceId, &Run)> = (0..items.len())
            .filter(|&i| saved[i])
            .map(|i| (&items[i].ws, &items[i].row))
            .collect();
        insert_steps(&txn, &runs).await?;
        let facts: Vec<crate::outbox::FactRow<'_>> = runs
            .iter()
            .flat_map(|(ws, run)| {
                run.new_facts.iter().map(|f| crate::outbox::FactRow {
                    ws,
                    customer: &run.customer_id,
                    fact: f,
                    time_ms: run.update_ms,
                })
            })
            .collect();
        crate::outbox::insert_many(&txn, &facts).await?;
        txn.commit().await?;
        Ok(saved.into_iter().map(Ok).collect())
    }
}

/// The fenced update of one run (see [`Store::save_run`]); whether the token held.
pub async fn update_run<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    run: &Run,
    token: &str,
    seen_signals: &str,
) -> Result<bool, Error> {
    let live_key: Option<String> = None;
    let step_seq = run.step_seq + i64::try_from(run.new_steps.len()).unwrap_or(0);
    let result = db
        .execute_raw(stmt(
            db,
            "UPDATE runs SET state = $1, current_node_id = $2, context = $3, wake_ms = $4, \
             lease_owner = $5, lease_until_ms = $6, attempts = $7, error = $8, update_ms = $9, \
             end_reason = $10, step_seq = $11, \
             signals = CASE WHEN signals = $12 THEN '' ELSE signals END, \
             live_key = CASE WHEN $13 THEN live_key ELSE $14 END \
             WHERE workspace_id = $15 AND run_id = $16 AND lease_owner = $17",
            [
                run.state.as_str().into(),
                run.current_node_id.clone().into(),
                encode_context(&run.context)?.into(),
                run.wake_ms.into(),
                run.lease_owner.clone().into(),
                run.lease_until_ms.into(),
                run.attempts.into(),
                run.error.clone().into(),
                run.update_ms.into(),
                run.end_reason.clone().into(),
                step_seq.into(),
                seen_signals.into(),
                run.state.is_live().into(),
                live_key.into(),
                ws.as_str().into(),
                run.run_id.as_str().into(),
                token.into(),
            ],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Writes the new steps of `runs` (numbered after each run's `step_seq`) with
/// multi-row statements.
pub async fn insert_steps<C: ConnectionTrait>(
    db: &C,
    runs: &[(&WorkspaceId, &Run)],
) -> Result<(), Error> {
    const COLS: usize = 12;
    let total: usize = runs.iter().map(|(_, r)| r.new_steps.len()).sum();
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let (mut bytes, mut n) = (0, 0);
    for (ws, run) in runs {
        for (i, step) in run.new_steps.iter().enumerate() {
            n += 1;
            let seq = run.step_seq + 1 + i64::try_from(i).unwrap_or(0);
            bytes += 200 + step.detail.len() + step.branch.len();
            rows.push(vec![
                ws.as_str().into(),
                run.run_id.as_str().into(),
                seq.into(),
                run.journey_id.as_str().into(),
                run.journey_version.into(),
                step.node_id.clone().into(),
                step.time_ms.into(),
                step.outcome.clone().into(),
                step.branch.clone().into(),
                step.decision_id.clone().into(),
                step.message_id.clone().into(),
                step.detail.clone().into(),
            ]);
            if n == total || rows.len() >= MAX_ROWS || bytes >= MAX_STATEMENT_BYTES {
                let sql = format!(
                    "INSERT INTO run_steps (workspace_id, run_id, seq, journey_id, \
                     journey_version, node_id, time_ms, outcome, branch, decision_id, \
                     message_id, detail) VALUES {}",
                    row_placeholders(rows.len(), COLS)
                );
                let values: Vec<Value> = rows.drain(..).flatten().collect();
                bytes = 0;
                db.execute_raw(stmt(db, &sql, values)).await?;
            }
        }
    }
    Ok(())
}
