//! Scheduled entry: audience sends at a local time of day in each customer's time zone.
//!
//! A journey whose entry node has a [`Schedule`] gets one row in `journey_schedules`
//! holding its next **occurrence** (a local date) and when to expand it. The scheduler
//! ([`run`]) works in three durable steps, each safe to repeat and to run on several
//! replicas:
//!
//! 1. **reconcile**: every published schedule version without a row (or with a row of
//!    an older version) gets one, with its first occurrence after now;
//! 2. **expand**: at the occurrence's earliest instant (the local time in UTC+14, the
//!    first zone to reach it), one replica claims the row under a lease, lists the
//!    audience (segment `ListMembers`, or the explicit list), computes each customer's
//!    fire time (the local time in the customer's `timezone` trait, else the schedule's
//!    default zone, else UTC) and stores one `schedule_targets` row per customer; then
//!    moves the row to the next occurrence;
//! 3. **fire**: due targets start a run through the normal entry path with the entry
//!    key `schedule:<date>`, so the runs' unique key makes an occurrence fire once per
//!    customer whatever the replicas and retries, and the re-entry rules apply.
//!
//! A target whose local time had passed more than [`LATE_GRACE_MS`] before expansion
//! (or before the schedule was published) is skipped for that occurrence. A target due
//! while the journey is paused or stopped is dropped (a paused journey takes no entry).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{Datelike, Duration as ChronoDuration, NaiveDate, NaiveTime, Utc};
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_common::shutdown::CancellationToken;
use omni_proto::journey::v1 as pb;
use omni_proto::segment::v1::ListMembersRequest;
use sea_orm::{ConnectionTrait, TransactionTrait, Value};
use serde_json::{Map, Value as Json, json};
use tonic::Code;

use crate::entry;
use crate::error::Error;
use crate::logic;
use crate::model::{
    Graph, JourneyId, JourneyState, NodeKind, Recurrence, SCHEDULE_ENTRY_KEY, Schedule,
};
use crate::runner::Runner;
use crate::store::{EntryVersion, Store};

/// The migration that creates the scheduler's tables (applied by `store::MIGRATIONS`).
pub const MIGRATION_SQL: &str = "
CREATE TABLE journey_schedules (
    workspace_id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    occurrence TEXT NOT NULL,
    due_ms BIGINT NOT NULL,
    not_before_ms BIGINT NOT NULL,
    lease_until_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, journey_id)
);
CREATE TABLE schedule_targets (
    workspace_id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    fire_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, journey_id, occurrence, customer_id)
);
CREATE INDEX schedule_targets_due ON schedule_targets (fire_ms)
";

/// A target whose local time passed longer ago than this when its occurrence was
/// expanded is skipped (a missed slot is not sent hours late).
pub const LATE_GRACE_MS: i64 = 3_600_000;
/// Most customers in an explicit audience.
pub const MAX_CUSTOMER_IDS: usize = 10_000;
/// How long a replica holds a schedule while expanding it.
const LEASE_MS: i64 = 300_000;
/// Most targets fired per pass.
const BATCH: usize = 500;
/// Targets inserted per transaction while expanding.
const INSERT_CHUNK: usize = 500;
/// Offsets of the first and last zones to reach a local time (UTC+14, UTC-12), in hours.
const EARLIEST_OFFSET_H: i64 = 14;
const LATEST_OFFSET_H: i64 = 12;

/// The problems of a schedule as (sub-field, message) pairs.
pub fn check(s: &pb::ScheduleEntry) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |f: &str, m: &str| out.push((f.to_owned(), m.to_owned()));
    let recurrence = pb::ScheduleRecurrence::try_from(s.recurrence)
        .unwrap_or(pb::ScheduleRecurrence::Unspecified);
    match recurrence {
        pb::ScheduleRecurrence::Unspecified => add("recurrence", "must be ONCE, DAILY or WEEKLY"),
        pb::ScheduleRecurrence::Once if NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").is_err() => {
            add("date", "must be a date YYYY-MM-DD");
        }
        pb::ScheduleRecurrence::Weekly if s.weekdays.is_empty() => {
            add("weekdays", "must name at least one weekday (1-7)");
        }
        _ => {}
    }
    if recurrence != pb::ScheduleRecurrence::Once && !s.date.is_empty() {
        add("date", "must be empty unless the recurrence is ONCE");
    }
    if s.hour > 23 {
        add("hour", "must be 0-23");
    }
    if s.minute > 59 {
        add("minute", "must be 0-59");
    }
    for (i, d) in s.weekdays.iter().enumerate() {
        if !(1..=7).contains(d) {
            out.push((
                format!("weekdays[{i}]"),
                "must be 1 (Monday) to 7 (Sunday)".into(),
            ));
        }
    }
    let mut add = |f: &str, m: &str| out.push((f.to_owned(), m.to_owned()));
    match (s.segment_id.is_empty(), s.customer_ids.is_empty()) {
        (true, true) => add(
            "segment_id",
            "an audience is required: segment_id or customer_ids",
        ),
        (false, false) => add("customer_ids", "must be empty when segment_id is set"),
        _ => {}
    }
    if s.customer_ids.len() > MAX_CUSTOMER_IDS {
        add("customer_ids", "must list at most 10000 customers");
    }
    if let Some(i) = s.customer_ids.iter().position(|c| c.is_empty()) {
        out.push((format!("customer_ids[{i}]"), "must not be empty".into()));
    }
    if !s.default_time_zone.is_empty() && s.default_time_zone.parse::<chrono_tz::Tz>().is_err() {
        out.push((
            "default_time_zone".into(),
            "must be an IANA time zone".into(),
        ));
    }
    out
}

fn time_of(s: &Schedule) -> NaiveTime {
    NaiveTime::from_hms_opt(s.hour.min(23), s.minute.min(59), 0).unwrap_or(NaiveTime::MIN)
}

fn occurs_on(s: &Schedule, date: NaiveDate) -> bool {
    match s.recurrence {
        Recurrence::Once => s.date == date.format("%Y-%m-%d").to_string(),
        Recurrence::Daily => true,
        Recurrence::Weekly => s.weekdays.contains(&date.weekday().number_from_monday()),
    }
}

/// When the first zone (UTC+14) reaches the schedule's time on `date`, unix ms.
pub fn earliest_ms(s: &Schedule, date: NaiveDate) -> i64 {
    (date.and_time(time_of(s)) - ChronoDuration::hours(EARLIEST_OFFSET_H))
        .and_utc()
        .timestamp_millis()
}

/// When the last zone (UTC-12) reaches the schedule's time on `date`, unix ms.
fn latest_ms(s: &Schedule, date: NaiveDate) -> i64 {
    (date.and_time(time_of(s)) + ChronoDuration::hours(LATEST_OFFSET_H))
        .and_utc()
        .timestamp_millis()
}

/// The first occurrence some customer can still get at `now_ms` (`None`: none left).
pub fn first_occurrence(s: &Schedule, now_ms: i64) -> Option<NaiveDate> {
    if s.recurrence == Recurrence::Once {
        let date = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()?;
        return (latest_ms(s, date) > now_ms).then_some(date);
    }
    let today = chrono::DateTime::<Utc>::from_timestamp_millis(now_ms)?.date_naive();
    (-1..=8)
        .map(|d| today + ChronoDuration::days(d))
        .find(|d| occurs_on(s, *d) && latest_ms(s, *d) > now_ms)
}

/// The occurrence after `date` (`None` for a one-off).
pub fn next_occurrence(s: &Schedule, date: NaiveDate) -> Option<NaiveDate> {
    if s.recurrence == Recurrence::Once {
        return None;
    }
    (1..=7)
        .map(|d| date + ChronoDuration::days(d))
        .find(|d| occurs_on(s, *d))
}

/// When a customer in `zone` gets the occurrence `date`, unix ms.
pub fn fire_ms(s: &Schedule, date: NaiveDate, zone: chrono_tz::Tz) -> i64 {
    let naive = date.and_time(time_of(s));
    logic::local_instant(naive, zone).unwrap_or_else(|| naive.and_utc().timestamp_millis())
}

/// The schedule of a graph's entry node, if it has one.
pub fn schedule_of(graph: &Graph) -> Option<&Schedule> {
    match graph.entry().map(|n| &n.kind) {
        Some(NodeKind::Entry {
            schedule: Some(s), ..
        }) => Some(s),
        _ => None,
    }
}

/// The scheduler: reconciles, expands and fires every `interval` until `shutdown`.
pub async fn run(
    runner: Arc<Runner>,
    interval: Duration,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            _ = tick.tick() => {}
        }
        if let Err(e) = tick_once(&runner).await {
            tracing::warn!(error = %e, "scheduler pass failed; retrying next tick");
        }
    }
}

/// One pass of the scheduler. Returns how many runs were started.
pub async fn tick_once(runner: &Runner) -> Result<usize, Error> {
    reconcile(runner.store(), runner.now_ms()).await?;
    expand_due(runner).await?;
    let mut started = 0;
    loop {
        let (due, n) = fire_due(runner).await?;
        started += n;
        if due < BATCH {
            return Ok(started);
        }
    }
}

/// Gives every published schedule version without an up-to-date row its first
/// occurrence.
async fn reconcile(store: &Store, now_ms: i64) -> Result<(), Error> {
    let db = store.db();
    let rows = db
        .query_all_raw(stmt(
            db,
            "SELECT v.workspace_id AS workspace_id, v.journey_id AS journey_id, \
             v.version AS version, v.definition AS definition \
             FROM journey_versions v JOIN journeys j ON j.workspace_id = v.workspace_id \
             AND j.journey_id = v.journey_id AND j.published_version = v.version \
             WHERE v.entry_event_type = $1 AND NOT EXISTS (SELECT 1 FROM journey_schedules s \
             WHERE s.workspace_id = v.workspace_id AND s.journey_id = v.journey_id \
             AND s.version = v.version)",
            [SCHEDULE_ENTRY_KEY.into()],
        ))
        .await?;
    for row in rows {
        let definition: String = row.try_get("", "definition")?;
        let graph: Graph = serde_json::from_str(&definition)
            .map_err(|e| Error::Corrupt(format!("journey definition: {e}")))?;
        let Some(schedule) = schedule_of(&graph) else {
            continue;
        };
        let first = first_occurrence(schedule, now_ms);
        let journey_id: String = row.try_get("", "journey_id")?;
        db.execute_raw(stmt(
            db,
            "INSERT INTO journey_schedules (workspace_id, journey_id, version, occurrence, \
             due_ms, not_before_ms, lease_until_ms) VALUES ($1, $2, $3, $4, $5, $6, 0) \
             ON CONFLICT (workspace_id, journey_id) DO UPDATE SET version = excluded.version, \
             occurrence = excluded.occurrence, due_ms = excluded.due_ms, \
             not_before_ms = excluded.not_before_ms, lease_until_ms = 0",
            [
                row.try_get::<String>("", "workspace_id")?.into(),
                journey_id.clone().into(),
                row.try_get::<i64>("", "version")?.into(),
                first.map(|d| d.to_string()).unwrap_or_default().into(),
                first.map_or(i64::MAX, |d| earliest_ms(schedule, d)).into(),
                now_ms.into(),
            ],
        ))
        .await?;
        tracing::info!(journey_id, occurrence = ?first, "schedule registered");
    }
    Ok(())
}

/// Expands every schedule whose occurrence is due, one claim at a time.
async fn expand_due(runner: &Runner) -> Result<(), Error> {
    let store = runner.store();
    let db = store.db();
    let now = runner.now_ms();
    let rows = db
        .query_all_raw(stmt(
            db,
            "SELECT s.workspace_id AS workspace_id, s.journey_id AS journey_id, \
             s.version AS version, s.occurrence AS occurrence, s.not_before_ms AS not_before_ms \
             FROM journey_schedules s JOIN journeys j ON j.workspace_id = s.workspace_id \
             AND j.journey_id = s.journey_id AND j.published_version = s.version \
             AND j.state = 'PUBLISHED' \
             WHERE s.occurrence <> '' AND s.due_ms <= $1 AND s.lease_until_ms <= $2",
            [now.into(), now.into()],
        ))
        .await?;
    for row in rows {
        let ws = WorkspaceId::new(row.try_get::<String>("", "workspace_id")?);
        let journey_id = JourneyId::new(row.try_get::<String>("", "journey_id")?);
        let version: i64 = row.try_get("", "version")?;
        let occurrence: String = row.try_get("", "occurrence")?;
        let not_before: i64 = row.try_get("", "not_before_ms")?;
        let claimed = db
            .execute_raw(stmt(
                db,
                "UPDATE journey_schedules SET lease_until_ms = $1 WHERE workspace_id = $2 \
                 AND journey_id = $3 AND version = $4 AND occurrence = $5 AND lease_until_ms <= $6",
                [
                    now.saturating_add(LEASE_MS).into(),
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    version.into(),
                    occurrence.clone().into(),
                    now.into(),
                ],
            ))
            .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        let Some(graph) = runner.graph(&ws, &journey_id, version).await? else {
            continue;
        };
        let Some(schedule) = schedule_of(&graph) else {
            continue;
        };
        let date = NaiveDate::parse_from_str(&occurrence, "%Y-%m-%d")
            .map_err(|e| Error::Corrupt(format!("schedule occurrence `{occurrence}`: {e}")))?;
        let skip_before = not_before.max(now.saturating_sub(LATE_GRACE_MS));
        match expand(runner, &ws, &journey_id, schedule, date, skip_before).await {
            Ok(n) => {
                tracing::info!(journey_id = %journey_id, occurrence, targets = n, "schedule occurrence expanded")
            }
            Err(e) if e.code() == Some(Code::NotFound) => {
                tracing::warn!(journey_id = %journey_id, occurrence, error = %e, "schedule audience not found; occurrence skipped");
            }
            Err(e) => {
                // Keep the occurrence; another pass retries when the lease expires.
                tracing::warn!(journey_id = %journey_id, occurrence, error = %e, "expanding schedule failed; will retry");
                continue;
            }
        }
        let next = next_occurrence(schedule, date);
        db.execute_raw(stmt(
            db,
            "UPDATE journey_schedules SET occurrence = $1, due_ms = $2, not_before_ms = 0, \
             lease_until_ms = 0 WHERE workspace_id = $3 AND journey_id = $4 AND version = $5 \
             AND occurrence = $6",
            [
                next.map(|d| d.to_string()).unwrap_or_default().into(),
                next.map_or(i64::MAX, |d| earliest_ms(schedule, d)).into(),
                ws.as_str().into(),
                journey_id.as_str().into(),
                version.into(),
                occurrence.into(),
            ],
        ))
        .await?;
    }
    Ok(())
}

/// Why an expansion failed.
#[derive(Debug, thiserror::Error)]
enum ExpandError {
    /// The segment service answered with an error.
    #[error("segment: {0}")]
    Segment(#[from] tonic::Status),
    /// Our own storage failed.
    #[error(transparent)]
    Own(#[from] Error),
}

impl ExpandError {
    fn code(&self) -> Option<Code> {
        match self {
            Self::Segment(s) => Some(s.code()),
            Self::Own(_) => None,
        }
    }
}

/// Stores the targets of one occurrence; returns how many customers it had.
async fn expand(
    runner: &Runner,
    ws: &WorkspaceId,
    journey_id: &JourneyId,
    schedule: &Schedule,
    date: NaiveDate,
    skip_before: i64,
) -> Result<usize, ExpandError> {
    let audience: Vec<String> = if schedule.segment_id.is_empty() {
        schedule.customer_ids.clone()
    } else {
        let mut stream = runner
            .clients()
            .segment(ws)
            .list_members(ListMembersRequest {
                segment_id: schedule.segment_id.clone(),
                batch_size: 1000,
            })
            .await?
            .into_inner();
        let mut out = Vec::new();
        while let Some(batch) = stream.message().await? {
            out.extend(batch.members.into_iter().map(|m| m.customer_id));
        }
        out
    };
    let default_zone: chrono_tz::Tz = schedule.default_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let occurrence = date.to_string();
    let db = runner.store().db();
    for chunk in audience.chunks(INSERT_CHUNK) {
        let txn = db.begin().await.map_err(Error::from)?;
        for customer in chunk {
            let zone = runner
                .profiles()
                .get(ws.as_str(), customer)
                .await
                .map_err(Error::from)?
                .and_then(|p| {
                    p.traits
                        .get("timezone")
                        .and_then(Json::as_str)
                        .map(str::to_owned)
                })
                .and_then(|tz| tz.parse::<chrono_tz::Tz>().ok())
                .unwrap_or(default_zone);
            let fire = fire_ms(schedule, date, zone);
            if fire < skip_before {
                tracing::debug!(customer_id = %customer, occurrence, "local time already passed; skipped");
                continue;
            }
            txn.execute_raw(stmt(
                &txn,
                "INSERT INTO schedule_targets (workspace_id, journey_id, occurrence, customer_id, \
                 fire_ms) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                [
                    ws.as_str().into(),
                    journey_id.as_str().into(),
                    occurrence.clone().into(),
                    customer.clone().into(),
                    fire.into(),
                ],
            ))
            .await
            .map_err(Error::from)?;
        }
        txn.commit().await.map_err(Error::from)?;
    }
    Ok(audience.len())
}

/// Fires due targets. Returns (targets read, runs started).
async fn fire_due(runner: &Runner) -> Result<(usize, usize), Error> {
    let store = runner.store();
    let db = store.db();
    let rows = db
        .query_all_raw(stmt(
            db,
            "SELECT workspace_id, journey_id, occurrence, customer_id FROM schedule_targets \
             WHERE fire_ms <= $1 ORDER BY fire_ms LIMIT $2",
            [
                runner.now_ms().into(),
                i64::try_from(BATCH).unwrap_or(i64::MAX).into(),
            ],
        ))
        .await?;
    let mut journeys: HashMap<(String, String), Option<EntryVersion>> = HashMap::new();
    let mut started = 0;
    for row in &rows {
        let ws: String = row.try_get("", "workspace_id")?;
        let journey: String = row.try_get("", "journey_id")?;
        let occurrence: String = row.try_get("", "occurrence")?;
        let customer: String = row.try_get("", "customer_id")?;
        let wsid = WorkspaceId::new(ws.clone());
        let key = (ws.clone(), journey.clone());
        if !journeys.contains_key(&key) {
            let jid = JourneyId::new(journey.clone());
            let live = store
                .get_journey(&wsid, &jid)
                .await?
                .is_some_and(|j| j.state == JourneyState::Published);
            let version = if live {
                store.published_version(&wsid, &jid).await?
            } else {
                None
            };
            journeys.insert(key.clone(), version);
        }
        if let Some(Some(version)) = journeys.get(&key) {
            let context =
                Map::from_iter([("schedule".to_owned(), json!({"occurrence": occurrence}))]);
            let outcome = entry::start_run(
                runner,
                &wsid,
                version,
                CustomerId::new(customer.clone()),
                format!("{SCHEDULE_ENTRY_KEY}{occurrence}"),
                context,
            )
            .await?;
            if matches!(outcome, entry::Started::Run(_)) {
                started += 1;
            } else {
                tracing::debug!(journey_id = %journey, customer_id = %customer, ?outcome, "scheduled entry not started");
            }
        } else {
            tracing::info!(journey_id = %journey, customer_id = %customer, "journey not taking entries; scheduled entry dropped");
        }
        db.execute_raw(stmt(
            db,
            "DELETE FROM schedule_targets WHERE workspace_id = $1 AND journey_id = $2 \
             AND occurrence = $3 AND customer_id = $4",
            [
                ws.into(),
                journey.into(),
                occurrence.into(),
                customer.into(),
            ],
        ))
        .await?;
    }
    Ok((rows.len(), started))
}

fn stmt<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> sea_orm::Statement {
    omni_storage::stmt(db.get_database_backend(), sql, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn daily(hour: u32) -> Schedule {
        Schedule {
            recurrence: Recurrence::Daily,
            date: String::new(),
            hour,
            minute: 0,
            weekdays: Vec::new(),
            segment_id: String::new(),
            customer_ids: vec!["c".into()],
            default_time_zone: String::new(),
        }
    }

    fn ms(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s)
            .expect("time")
            .timestamp_millis()
    }

    #[test]
    fn occurrences_cover_every_zone_and_recur() {
        let s = daily(9);
        // 2026-03-10 09:00 in UTC+14 is 2026-03-09 19:00 UTC.
        let d = NaiveDate::from_ymd_opt(2026, 3, 10).expect("date");
        assert_eq!(earliest_ms(&s, d), ms("2026-03-09T19:00:00Z"));
        // At 20:00 UTC on the 10th, the 10th is still to come in UTC-12 (21:00 UTC).
        assert_eq!(first_occurrence(&s, ms("2026-03-10T20:00:00Z")), Some(d));
        assert_eq!(
            first_occurrence(&s, ms("2026-03-10T21:00:00Z")),
            NaiveDate::from_ymd_opt(2026, 3, 11)
        );
        let weekly = Schedule {
            recurrence: Recurrence::Weekly,
            weekdays: vec![1, 5],
            ..daily(9)
        };
        // 2026-03-10 is a Tuesday: next Friday 13th, then Monday 16th.
        assert_eq!(
            next_occurrence(&weekly, d),
            NaiveDate::from_ymd_opt(2026, 3, 13)
        );
        assert_eq!(
            next_occurrence(&weekly, NaiveDate::from_ymd_opt(2026, 3, 13).expect("date")),
            NaiveDate::from_ymd_opt(2026, 3, 16)
        );
        let once = Schedule {
            recurrence: Recurrence::Once,
            date: "2026-03-10".into(),
            ..daily(9)
        };
        assert_eq!(next_occurrence(&once, d), None);
        assert_eq!(first_occurrence(&once, ms("2026-03-11T00:00:00Z")), None);
    }

    #[test]
    fn each_zone_fires_at_its_own_local_time() {
        let s = daily(9);
        let d = NaiveDate::from_ymd_opt(2026, 7, 1).expect("date");
        assert_eq!(
            fire_ms(&s, d, chrono_tz::Asia::Seoul),
            ms("2026-07-01T00:00:00Z")
        );
        assert_eq!(
            fire_ms(&s, d, chrono_tz::Europe::Paris),
            ms("2026-07-01T07:00:00Z")
        );
        assert_eq!(fire_ms(&s, d, chrono_tz::UTC), ms("2026-07-01T09:00:00Z"));
    }

    #[test]
    fn bad_schedules_name_their_field() {
        let fields = |s: pb::ScheduleEntry| -> Vec<String> {
            check(&s).into_iter().map(|(f, _)| f).collect()
        };
        let ok = pb::ScheduleEntry {
            recurrence: pb::ScheduleRecurrence::Daily as i32,
            hour: 9,
            segment_id: "seg".into(),
            ..Default::default()
        };
        assert!(fields(ok.clone()).is_empty());
        assert_eq!(
            fields(pb::ScheduleEntry {
                hour: 24,
                ..ok.clone()
            }),
            ["hour"]
        );
        assert_eq!(
            fields(pb::ScheduleEntry {
                minute: 60,
                ..ok.clone()
            }),
            ["minute"]
        );
        assert_eq!(
            fields(pb::ScheduleEntry {
                recurrence: pb::ScheduleRecurrence::Weekly as i32,
                ..ok.clone()
            }),
            ["weekdays"]
        );
        assert_eq!(
            fields(pb::ScheduleEntry {
                recurrence: pb::ScheduleRecurrence::Once as i32,
                date: "2026-02-30".into(),
                ..ok.clone()
            }),
            ["date"]
        );
        assert_eq!(
            fields(pb::ScheduleEntry {
                segment_id: String::new(),
                ..ok.clone()
            }),
            ["segment_id"]
        );
        assert_eq!(
            fields(pb::ScheduleEntry {
                default_time_zone: "Mars/Olympus".into(),
                ..ok
            }),
            ["default_time_zone"]
        );
    }
}
