//! Reading runs and their steps, leases, signals and per-journey figures.

use omni_common::ids::{CustomerId, WorkspaceId};
use sea_orm::{ConnectionTrait, TransactionTrait, Value};
use serde_json::Value as Json;

use super::{RUN_COLUMNS, Store, run_from_row, stmt};
use crate::error::Error;
use crate::model::{JourneyId, Run, RunId, RunState, StepRecord};

impl Store {
    /// Reads a run.
    pub async fn get_run(&self, ws: &WorkspaceId, run_id: &RunId) -> Result<Option<Run>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                &format!("SELECT {RUN_COLUMNS} FROM runs WHERE workspace_id = $1 AND run_id = $2"),
                [ws.as_str().into(), run_id.as_str().into()],
            ))
            .await?;
        row.as_ref().map(run_from_row).transpose()
    }

    /// Up to `limit` runs of a journey (optionally of one customer, in one state) with ids after
    /// `after`, oldest first (run ids are time-ordered).
    pub async fn list_runs(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        customer_id: Option<&CustomerId>,
        state: Option<RunState>,
        after: Option<&RunId>,
        limit: usize,
    ) -> Result<Vec<Run>, Error> {
        let mut sql =
            format!("SELECT {RUN_COLUMNS} FROM runs WHERE workspace_id = $1 AND journey_id = $2");
        let mut values: Vec<Value> = vec![ws.as_str().into(), journey_id.as_str().into()];
        if let Some(c) = customer_id {
            values.push(c.as_str().into());
            sql.push_str(&format!(" AND customer_id = ${}", values.len()));
        }
        if let Some(st) = state {
            values.push(st.as_str().into());
            sql.push_str(&format!(" AND state = ${}", values.len()));
        }
        if let Some(a) = after {
            values.push(a.as_str().into());
            sql.push_str(&format!(" AND run_id > ${}", values.len()));
        }
        values.push(i64::try_from(limit).unwrap_or(i64::MAX).into());
        sql.push_str(&format!(" ORDER BY run_id LIMIT ${}", values.len()));
        let rows = self.db.query_all_raw(stmt(&self.db, &sql, values)).await?;
        rows.iter().map(run_from_row).collect()
    }

    /// How many runs are due at `now_ms` (the timer backlog), across workspaces.
    pub async fn count_due(&self, now_ms: i64) -> Result<i64, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                "SELECT COUNT(*) AS n FROM runs \
                 WHERE state IN ('ACTIVE', 'WAITING') AND COALESCE(lease_until_ms, 0) <= $1 \
                 AND (state = 'ACTIVE' OR wake_ms <= $2)",
                [now_ms.into(), now_ms.into()],
            ))
            .await?;
        Ok(row
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0))
    }

    /// Claims a due run (see [`Store::claim_due`]) for `token` until `lease_until_ms`.
    /// The update is conditional, so of concurrent claimers exactly one gets `true`.
    pub async fn claim(
        &self,
        ws: &WorkspaceId,
        run_id: &RunId,
        token: &str,
        now_ms: i64,
        lease_until_ms: i64,
    ) -> Result<bool, Error> {
        let result = self
            .db
            .execute_raw(stmt(
                &self.db,
                "UPDATE runs SET lease_owner = $1, lease_until_ms = $2 \
                 WHERE workspace_id = $3 AND run_id = $4 \
                 AND state IN ('ACTIVE', 'WAITING') AND COALESCE(lease_until_ms, 0) <= $5 \
                 AND (state = 'ACTIVE' OR wake_ms <= $6 OR signals <> '') \
                 AND NOT EXISTS (SELECT 1 FROM journeys j WHERE j.workspace_id = runs.workspace_id \
                 AND j.journey_id = runs.journey_id AND j.state = 'PAUSED')",
                [
                    token.into(),
                    lease_until_ms.into(),
                    ws.as_str().into(),
                    run_id.as_str().into(),
                    now_ms.into(),
                    now_ms.into(),
                ],
            ))
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Persists a run's progress (and its new steps, in the same transaction) if `token`
    /// still holds its lease. Signals the run had when loaded (`seen_signals`) are
    /// cleared; signals added since are kept. Returns `false` when the lease was lost.
    pub async fn save_run(
        &self,
        ws: &WorkspaceId,
        run: &Run,
        token: &str,
        seen_signals: &str,
    ) -> Result<bool, Error> {
        let txn = self.db.begin().await?;
        if !crate::steps::update_run(&txn, ws, run, token, seen_signals).await? {
            txn.rollback().await?;
            return Ok(false);
        }
        crate::steps::insert_steps(&txn, &[(ws, run)]).await?;
        crate::outbox::insert(&txn, ws, &run.customer_id, &run.new_facts, run.update_ms).await?;
        txn.commit().await?;
        Ok(true)
    }

    /// The steps of a run, oldest first.
    pub async fn steps(&self, ws: &WorkspaceId, run_id: &RunId) -> Result<Vec<StepRecord>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                &self.db,
                "SELECT node_id, time_ms, outcome, branch, decision_id, message_id, detail \
                 FROM run_steps WHERE workspace_id = $1 AND run_id = $2 ORDER BY seq",
                [ws.as_str().into(), run_id.as_str().into()],
            ))
            .await?;
        rows.iter()
            .map(|r| {
                Ok(StepRecord {
                    node_id: r.try_get("", "node_id")?,
                    time_ms: r.try_get("", "time_ms")?,
                    outcome: r.try_get("", "outcome")?,
                    branch: r.try_get("", "branch")?,
                    decision_id: r.try_get("", "decision_id")?,
                    message_id: r.try_get("", "message_id")?,
                    detail: r.try_get("", "detail")?,
                })
            })
            .collect()
    }

    /// Appends `signal` (a JSON object) to a live run's pending signals; the run's next
    /// advance (by the poller, which treats a signalled run as due) handles it. Returns
    /// `false` when the run is no longer live.
    pub async fn add_signal(
        &self,
        ws: &WorkspaceId,
        run_id: &RunId,
        signal: &Json,
    ) -> Result<bool, Error> {
        for _ in 0..16 {
            let row = self
                .db
                .query_one_raw(stmt(
                    &self.db,
                    "SELECT signals, state FROM runs WHERE workspace_id = $1 AND run_id = $2",
                    [ws.as_str().into(), run_id.as_str().into()],
                ))
                .await?;
            let Some(row) = row else { return Ok(false) };
            let state: String = row.try_get("", "state")?;
            if !RunState::parse(&state).is_some_and(RunState::is_live) {
                return Ok(false);
            }
            let old: String = row.try_get("", "signals")?;
            let mut list: Vec<Json> = if old.is_empty() {
                Vec::new()
            } else {
                serde_json::from_str(&old)
                    .map_err(|e| Error::Corrupt(format!("run signals: {e}")))?
            };
            list.push(signal.clone());
            let new = serde_json::to_string(&list)
                .map_err(|e| Error::Corrupt(format!("encode signals: {e}")))?;
            let updated = self
                .db
                .execute_raw(stmt(
                    &self.db,
                    "UPDATE runs SET signals = $1 WHERE workspace_id = $2 AND run_id = $3 \
                     AND signals = $4 AND state IN ('ACTIVE', 'WAITING')",
                    [
                        new.into(),
                        ws.as_str().into(),
                        run_id.as_str().into(),
                        old.into(),
                    ],
                ))
                .await?;
            if updated.rows_affected() == 1 {
                return Ok(true);
            }
        }
        Err(Error::Conflict(format!("signals of run {run_id}")))
    }

    /// The live runs of a customer, across journeys.
    pub async fn live_runs_of(
        &self,
        ws: &WorkspaceId,
        customer_id: &CustomerId,
    ) -> Result<Vec<Run>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                &self.db,
                &format!(
                    "SELECT {RUN_COLUMNS} FROM runs WHERE workspace_id = $1 AND customer_id = $2 \
                     AND state IN ('ACTIVE', 'WAITING') ORDER BY run_id"
                ),
                [ws.as_str().into(), customer_id.as_str().into()],
            ))
            .await?;
        rows.iter().map(run_from_row).collect()
    }

    /// Ids of the live runs of a journey.
    pub async fn live_run_ids(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
    ) -> Result<Vec<RunId>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                &self.db,
                "SELECT run_id FROM runs WHERE workspace_id = $1 AND journey_id = $2 \
                 AND state IN ('ACTIVE', 'WAITING')",
                [ws.as_str().into(), journey_id.as_str().into()],
            ))
            .await?;
        rows.iter()
            .map(|r| Ok(RunId::new(r.try_get::<String>("", "run_id")?)))
            .collect()
    }

    /// Creation time of the customer's latest run of the journey (any version/state).
    pub async fn last_entry_ms(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        customer_id: &CustomerId,
    ) -> Result<Option<i64>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                "SELECT MAX(create_ms) AS last FROM runs WHERE workspace_id = $1 \
                 AND journey_id = $2 AND customer_id = $3",
                [
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    customer_id.as_str().into(),
                ],
            ))
            .await?;
        Ok(row
            .map(|r| r.try_get::<Option<i64>>("", "last"))
            .transpose()?
            .flatten())
    }

    /// How many runs of the journey were created at or after `since_ms`.
    pub async fn entries_since(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        since_ms: i64,
    ) -> Result<i64, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &self.db,
                "SELECT COUNT(*) AS n FROM runs WHERE workspace_id = $1 AND journey_id = $2 \
                 AND create_ms >= $3",
                [
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    since_ms.into(),
                ],
            ))
            .await?;
        Ok(row
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0))
    }

    /// Per-node and per-branch figures of a journey (`version` 0: all versions).
    pub async fn stats(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        version: i64,
    ) -> Result<RawStats, Error> {
        let mut out = RawStats::default();
        let v = " AND ($3 = 0 OR journey_version = $3)";
        let base = || -> Vec<Value> {
            vec![
                ws.as_str().into(),
                journey_id.as_str().into(),
                version.into(),
            ]
        };
        let rows = self
            .db
            .query_all_raw(stmt(
                &self.db,
                &format!(
                    "SELECT node_id, COUNT(DISTINCT run_id) AS entered, \
                     SUM(CASE WHEN outcome = 'completed' THEN 1 ELSE 0 END) AS completed, \
                     SUM(CASE WHEN outcome IN ('retrying', 'failed') THEN 1 ELSE 0 END) AS errored \
                     FROM run_steps WHERE workspace_id = $1 AND journey_id = $2{v} GROUP BY node_id"
                ),
                base(),
            ))
            .await?;
        for r in &rows {
            let node: String = r.try_get("", "node_id")?;
            let e = out.nodes.entry(node).or_default();
            e.entered = r.try_get("", "entered")?;
            e.completed = r.try_get::<Option<i64>>("", "completed")?.unwrap_or(0);
            e.errored = r.try_get::<Option<i64>>("", "errored")?.unwrap_or(0);
        }
        let rows = self
            .db
            .query_all_raw(stmt(
                &self.db,
                &format!(
                    "SELECT current_node_id, state, COUNT(*) AS n FROM runs \
                     WHERE workspace_id = $1 AND journey_id = $2{v} \
                     GROUP BY current_node_id, state"
                ),
                base(),
            ))
            .await?;
        for r in &rows {
            let node: String = r.try_get("", "current_node_id")?;
            let state: String = r.try_get("", "state")?;
            let n: i64 = r.try_get("", "n")?;
            out.runs += n;
            let e = out.nodes.entry(node).or_default();
            match state.as_str() {
                "WAITING" => e.waiting += n,
                "EXITED" => e.exited += n,
                "CONVERTED" => {
                    e.exited += n;
                    out.conversions += n;
                }
                _ => {}
            }
        }
        let rows = self
            .db
            .query_all_raw(stmt(
                &self.db,
                "SELECT s.node_id AS node_id, s.branch AS branch, \
                 COUNT(DISTINCT s.run_id) AS runs, \
                 COUNT(DISTINCT CASE WHEN r.state = 'CONVERTED' THEN s.run_id END) AS conv \
                 FROM run_steps s JOIN runs r ON r.workspace_id = s.workspace_id \
                 AND r.run_id = s.run_id \
                 WHERE s.workspace_id = $1 AND s.journey_id = $2 \
                 AND ($3 = 0 OR s.journey_version = $3) AND s.branch <> '' \
                 GROUP BY s.node_id, s.branch ORDER BY s.node_id, s.branch",
                base(),
            ))
            .await?;
        for r in &rows {
            out.branches.push((
                r.try_get("", "node_id")?,
                r.try_get("", "branch")?,
                r.try_get("", "runs")?,
                r.try_get("", "conv")?,
            ));
        }
        Ok(out)
    }
}

/// Counts of one node, as read by [`Store::stats`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawNodeStats {
    /// Distinct runs with a step at the node.
    pub entered: i64,
    /// Runs waiting at it now.
    pub waiting: i64,
    /// Completed executions.
    pub completed: i64,
    /// Errored executions.
    pub errored: i64,
    /// Runs that ended exited or converted at it.
    pub exited: i64,
}

/// Figures of a journey, as read by [`Store::stats`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawStats {
    /// Per node.
    pub nodes: std::collections::BTreeMap<String, RawNodeStats>,
    /// (node, branch, runs, conversions).
    pub branches: Vec<(String, String, i64, i64)>,
    /// Runs in all.
    pub runs: i64,
    /// Converted runs.
    pub conversions: i64,
}
