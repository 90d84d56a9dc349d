//! Group-committed enrolment: the new runs of many concurrent enrolments (API
//! `EnrollCustomer`, bus entry events, segment entries, scheduled entries) are checked
//! and written in one transaction with multi-row statements, and each caller is
//! answered only after that commit (see [`crate::batch`]).
//!
//! Per batch and journey it reads the existing runs of the batch's customers once (for
//! the idempotency key, the re-entry policy and the one-live-run rule) and counts the
//! last minute's entries once (for the entry rate limit); then it decides every item in
//! arrival order, as if they had come one by one, so two enrolments with the same key in
//! one batch make one run (the second is a duplicate) and a customer entered by an item
//! is "already entered" / "already active" for the items after it. The insert itself
//! keeps `ON CONFLICT DO NOTHING` on the unique keys (entry key, live key), so another
//! replica writing the same customer at the same moment is still caught by the database.
//! Each new run is written with its first steps (already taken in memory up to its first
//! wait or side effect) and its `journey.entered` fact in the outbox.

use std::collections::{HashMap, HashSet};

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, TransactionTrait, Value};

use crate::error::Error;
use crate::model::{JourneyId, Reentry, Run, Settings};
use crate::store::{RUN_COLUMNS, Store, encode_context, stmt};

/// Most enrolments per batch (one transaction).
pub const MAX_BATCH: usize = 512;
/// Most bytes of parameters in one multi-row statement (Postgres over TLS stalls on
/// statements spanning many TLS records; see docs/PERFORMANCE.md).
pub const MAX_STATEMENT_BYTES: usize = 12_000;
/// Most rows in one multi-row statement.
pub const MAX_ROWS: usize = 200;

/// One enrolment: a run built in memory (with its first steps and facts) and the
/// journey's entry rules to check it against.
#[derive(Clone, Debug)]
pub struct NewRun {
    /// Workspace of the run.
    pub ws: WorkspaceId,
    /// The run as it will be stored (`create_ms` is the enrolment time).
    pub run: Run,
    /// Entry rules of the run's journey version.
    pub policy: EntryPolicy,
}

/// The entry rules of a journey version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryPolicy {
    /// Re-entry policy.
    pub reentry: Reentry,
    /// Period of `OncePerPeriod`, ms.
    pub reentry_period_ms: i64,
    /// Most entries per minute (0: unlimited).
    pub max_entries_per_minute: u32,
    /// At most one live run per customer.
    pub single_live: bool,
}

impl EntryPolicy {
    /// The entry rules of a version's settings.
    pub fn of(settings: &Settings) -> Self {
        Self {
            reentry: settings.reentry,
            reentry_period_ms: settings.reentry_period_ms,
            max_entries_per_minute: settings.max_entries_per_minute,
            single_live: !settings.allow_concurrent_runs,
        }
    }
}

/// Whether an entry started a run.
#[derive(Clone, Debug, PartialEq)]
pub enum Started {
    /// A new run (as stored by the enrolment).
    Run(Box<Run>),
    /// A run with the same (journey, entry key, customer) exists already.
    Duplicate,
    /// The journey's settings refused the entry (`already_entered`, `reentry_period`,
    /// `already_active`, `rate_limited`).
    Refused(&'static str),
}

/// What the batch knows of one customer of one journey.
#[derive(Default)]
struct Known {
    keys: HashSet<String>,
    last_ms: Option<i64>,
    live: bool,
}

/// What was decided for one item before the insert.
enum Decision {
    Insert,
    Answer(Started),
    /// Same key as an earlier item of the batch: answered like that item.
    Follow(usize),
}

impl Store {
    /// Checks and writes a batch of enrolments in one transaction; one answer per item,
    /// in order.
    pub async fn enrol(&self, items: Vec<NewRun>) -> Result<Vec<Result<Started, Error>>, Error> {
        let txn = self.db().begin().await?;
        if txn.get_database_backend() == sea_orm::DbBackend::Sqlite {
            // Take SQLite's write lock first (waiting for it with the busy timeout): a
            // transaction that reads first and writes later fails at once with "database
            // is locked" when another connection wrote in between.
            txn.execute_raw(stmt(
                &txn,
                "UPDATE runs SET step_seq = step_seq WHERE 1 = 0",
                [],
            ))
            .await?;
        }
        let answers = enrol_in(&txn, items).await?;
        txn.commit().await?;
        Ok(answers)
    }
}

/// [`Store::enrol`] inside the caller's transaction `db` (not committed here).
pub async fn enrol_in<C: ConnectionTrait>(
    db: &C,
    items: Vec<NewRun>,
) -> Result<Vec<Result<Started, Error>>, Error> {
    let mut groups: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        groups
            .entry((item.ws.to_string(), item.run.journey_id.to_string()))
            .or_default()
            .push(i);
    }
    let mut decisions: Vec<Decision> = items.iter().map(|_| Decision::Insert).collect();
    for ((ws, journey), idx) in &groups {
        let ws = WorkspaceId::new(ws.clone());
        let journey = JourneyId::new(journey.clone());
        let customers: Vec<String> = idx
            .iter()
            .map(|&i| items[i].run.customer_id.to_string())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let mut known = known_runs(db, &ws, &journey, &customers).await?;
        let first = &items[idx[0]];
        let limit = first.policy.max_entries_per_minute;
        let mut budget = if limit > 0 {
            let since = first.run.create_ms - 60_000;
            i64::from(limit) - entries_since(db, &ws, &journey, since).await?
        } else {
            i64::MAX
        };
        let mut leaders: HashMap<(String, String), usize> = HashMap::new();
        for &i in idx {
            let NewRun { run, policy, .. } = &items[i];
            let key = (run.customer_id.to_string(), run.entry_event_id.clone());
            let k = known.entry(key.0.clone()).or_default();
            if k.keys.contains(&run.entry_event_id) {
                decisions[i] = match leaders.get(&key) {
                    Some(&l) => Decision::Follow(l),
                    None => Decision::Answer(Started::Duplicate),
                };
                continue;
            }
            if let Some(reason) = refusal(policy, k, run.create_ms) {
                decisions[i] = Decision::Answer(Started::Refused(reason));
                continue;
            }
            if budget <= 0 {
                tracing::info!(journey_id = %journey, "entry rate limit reached; entry dropped");
                decisions[i] = Decision::Answer(Started::Refused("rate_limited"));
                continue;
            }
            if policy.single_live && k.live {
                tracing::debug!(journey_id = %journey, customer_id = %run.customer_id, "customer has a live run; not entered");
                decisions[i] = Decision::Answer(Started::Refused("already_active"));
                continue;
            }
            budget -= 1;
            k.keys.insert(run.entry_event_id.clone());
            k.last_ms = Some(k.last_ms.map_or(run.create_ms, |l| l.max(run.create_ms)));
            k.live |= run.state.is_live();
            leaders.insert(key, i);
        }
    }

    let to_insert: Vec<usize> = (0..items.len())
        .filter(|&i| matches!(decisions[i], Decision::Insert))
        .collect();
    let inserted = insert_runs(db, &items, &to_insert).await?;
    let mut answers: Vec<Option<Result<Started, Error>>> = items.iter().map(|_| None).collect();
    let mut written: Vec<usize> = Vec::new();
    for &i in &to_insert {
        if inserted.contains(items[i].run.run_id.as_str()) {
            written.push(i);
        } else {
            // Another replica wrote this key or a live run of the customer meanwhile.
            let run = &items[i].run;
            let exists = db
                .query_one_raw(stmt(
                    db,
                    "SELECT 1 AS one FROM runs WHERE workspace_id = $1 AND journey_id = $2 \
                     AND entry_event_id = $3 AND customer_id = $4",
                    [
                        items[i].ws.as_str().into(),
                        run.journey_id.as_str().into(),
                        run.entry_event_id.clone().into(),
                        run.customer_id.as_str().into(),
                    ],
                ))
                .await?
                .is_some();
            answers[i] = Some(Ok(if exists {
                Started::Duplicate
            } else {
                tracing::debug!(journey_id = %run.journey_id, customer_id = %run.customer_id, "customer has a live run; not entered");
                Started::Refused("already_active")
            }));
        }
    }
    let runs: Vec<(&WorkspaceId, &Run)> = written
        .iter()
        .map(|&i| (&items[i].ws, &items[i].run))
        .collect();
    crate::steps::insert_steps(db, &runs).await?;
    let facts: Vec<crate::outbox::FactRow<'_>> = runs
        .iter()
        .flat_map(|(ws, run)| {
            run.new_facts.iter().map(|f| crate::outbox::FactRow {
                ws,
                customer: &run.customer_id,
                fact: f,
                time_ms: run.create_ms,
            })
        })
        .collect();
    crate::outbox::insert_many(db, &facts).await?;

    let mut items: Vec<Option<NewRun>> = items.into_iter().map(Some).collect();
    for &i in &written {
        if let Some(item) = items[i].take() {
            tracing::info!(journey_id = %item.run.journey_id, version = item.run.journey_version, run_id = %item.run.run_id, customer_id = %item.run.customer_id, "run started");
            answers[i] = Some(Ok(Started::Run(Box::new(item.run))));
        }
    }
    for (i, d) in decisions.into_iter().enumerate() {
        match d {
            Decision::Insert => {}
            Decision::Answer(s) => answers[i] = Some(Ok(s)),
            Decision::Follow(leader) => {
                answers[i] = Some(Ok(match &answers[leader] {
                    Some(Ok(Started::Refused(r))) => Started::Refused(r),
                    _ => Started::Duplicate,
                }));
            }
        }
    }
    Ok(answers
        .into_iter()
        .map(|a| a.unwrap_or_else(|| Err(Error::Batch("enrolment left unanswered".into()))))
        .collect())
}

/// Why the re-entry policy refuses a new entry of a customer the batch knows as `k` at
/// `now_ms`.
fn refusal(policy: &EntryPolicy, k: &Known, now_ms: i64) -> Option<&'static str> {
    match policy.reentry {
        Reentry::Always => {}
        Reentry::Once | Reentry::OncePerPeriod => {
            if let Some(last) = k.last_ms {
                if policy.reentry == Reentry::Once {
                    return Some("already_entered");
                }
                if now_ms < last.saturating_add(policy.reentry_period_ms) {
                    return Some("reentry_period");
                }
            }
        }
    }
    None
}

/// Entry keys, latest entry and liveness of the given customers' runs of a journey.
async fn known_runs<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    journey: &JourneyId,
    customers: &[String],
) -> Result<HashMap<String, Known>, Error> {
    let mut known: HashMap<String, Known> = HashMap::new();
    for chunk in customers.chunks(MAX_ROWS) {
        let list = placeholders(3, chunk.len());
        let mut values: Vec<Value> = vec![ws.as_str().into(), journey.as_str().into()];
        values.extend(chunk.iter().map(|c| Value::from(c.clone())));
        let rows = db
            .query_all_raw(stmt(
                db,
                &format!(
                    "SELECT customer_id, entry_event_id, create_ms, state FROM runs \
                     WHERE workspace_id = $1 AND journey_id = $2 AND customer_id IN ({list})"
                ),
                values,
            ))
            .await?;
        for r in &rows {
            let customer: String = r.try_get("", "customer_id")?;
            let k = known.entry(customer).or_default();
            k.keys.insert(r.try_get("", "entry_event_id")?);
            let at: i64 = r.try_get("", "create_ms")?;
            k.last_ms = Some(k.last_ms.map_or(at, |l| l.max(at)));
            let state: String = r.try_get("", "state")?;
            k.live |= matches!(state.as_str(), "ACTIVE" | "WAITING");
        }
    }
    Ok(known)
}

async fn entries_since<C: ConnectionTrait>(
    db: &C,
    ws: &WorkspaceId,
    journey: &JourneyId,
    since_ms: i64,
) -> Result<i64, Error> {
    let row = db
        .query_one_raw(stmt(
            db,
            "SELECT COUNT(*) AS n FROM runs WHERE workspace_id = $1 AND journey_id = $2 \
             AND create_ms >= $3",
            [ws.as_str().into(), journey.as_str().into(), since_ms.into()],
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0))
}

/// Inserts the runs `idx` of `items` with multi-row statements; returns the ids of the
/// runs actually inserted (the others hit a unique key).
async fn insert_runs<C: ConnectionTrait>(
    db: &C,
    items: &[NewRun],
    idx: &[usize],
) -> Result<HashSet<String>, Error> {
    const COLS: usize = 21;
    let mut inserted = HashSet::new();
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut bytes = 0;
    for (n, &i) in idx.iter().enumerate() {
        let NewRun { ws, run, policy } = &items[i];
        let live_key =
            (policy.single_live && run.state.is_live()).then(|| run.customer_id.to_string());
        let context = encode_context(&run.context)?;
        bytes += context.len() + 256;
        rows.push(vec![
            ws.as_str().into(),
            run.run_id.as_str().into(),
            run.journey_id.as_str().into(),
            run.journey_version.into(),
            run.customer_id.as_str().into(),
            run.entry_event_id.clone().into(),
            run.state.as_str().into(),
            run.current_node_id.clone().into(),
            context.into(),
            run.wake_ms.into(),
            run.lease_owner.clone().into(),
            run.lease_until_ms.into(),
            run.attempts.into(),
            run.error.clone().into(),
            run.create_ms.into(),
            run.update_ms.into(),
            run.traceparent.clone().into(),
            run.signals.clone().into(),
            run.end_reason.clone().into(),
            // The steps written with the run are counted in its stored `step_seq`.
            (run.step_seq + i64::try_from(run.new_steps.len()).unwrap_or(0)).into(),
            live_key.into(),
        ]);
        let last = n + 1 == idx.len();
        if last || rows.len() >= MAX_ROWS || bytes >= MAX_STATEMENT_BYTES {
            let sql = format!(
                "INSERT INTO runs (workspace_id, {RUN_COLUMNS}, live_key) VALUES {} \
                 ON CONFLICT DO NOTHING RETURNING run_id",
                row_placeholders(rows.len(), COLS)
            );
            let values: Vec<Value> = rows.drain(..).flatten().collect();
            bytes = 0;
            for r in db.query_all_raw(stmt(db, &sql, values)).await? {
                inserted.insert(r.try_get::<String>("", "run_id")?);
            }
        }
    }
    Ok(inserted)
}

/// `$start, $start+1, ...` for `n` values.
pub fn placeholders(start: usize, n: usize) -> String {
    (start..start + n)
        .map(|k| format!("${k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `($1, ..., $cols), ($cols+1, ...), ...` for `rows` rows.
pub fn row_placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| format!("({})", placeholders(r * cols + 1, cols)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_rows_consecutively() {
        assert_eq!(placeholders(3, 2), "$3, $4");
        assert_eq!(row_placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }

    #[test]
    fn refusals_follow_the_policy() {
        let p = |reentry, single_live| EntryPolicy {
            reentry,
            reentry_period_ms: 1_000,
            max_entries_per_minute: 0,
            single_live,
        };
        let fresh = Known::default();
        let entered = Known {
            keys: HashSet::new(),
            last_ms: Some(10_000),
            live: true,
        };
        assert_eq!(refusal(&p(Reentry::Once, true), &fresh, 0), None);
        assert_eq!(
            refusal(&p(Reentry::Once, false), &entered, 20_000),
            Some("already_entered")
        );
        assert_eq!(
            refusal(&p(Reentry::OncePerPeriod, false), &entered, 10_500),
            Some("reentry_period")
        );
        assert_eq!(
            refusal(&p(Reentry::OncePerPeriod, false), &entered, 11_000),
            None
        );
        assert_eq!(refusal(&p(Reentry::Always, true), &entered, 11_000), None);
    }
}
