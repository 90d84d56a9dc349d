//! SQL persistence: the facts insights keeps (events for funnels, messages with their
//! first engagement times, conversions, journey entries, segment membership intervals),
//! the hourly KPI aggregates, costs, spend and alerts. Every query is scoped by
//! workspace.
//!
//! Ingestion is idempotent: `seen_events` records every event id applied (and is kept
//! when a customer is erased), so a redelivered bus message changes nothing; a message
//! counts each kind (opened, clicked, ...) once however many events report it.

use omni_common::ids::{CustomerId, WorkspaceId};
use omni_storage::{Db, Migration, stmt};
use sea_orm::{ConnectionTrait, DbBackend, TransactionTrait};

use crate::error::Error;
use crate::fact::Fact;

/// Milliseconds in one hour (the KPI aggregate bucket).
pub const HOUR_MS: i64 = 3_600_000;
/// Milliseconds in one day.
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// The insights schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
    version: 1,
    name: "facts_aggregates_alerts",
    sql: "CREATE TABLE seen_events (
            workspace_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY (workspace_id, event_id));
          CREATE TABLE events (
            workspace_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            time_ms BIGINT NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (workspace_id, event_id));
          CREATE INDEX events_type_time ON events (workspace_id, event_type, time_ms);
          CREATE INDEX events_customer ON events (workspace_id, customer_id);
          CREATE TABLE messages (
            workspace_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            node_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            template_id TEXT NOT NULL,
            offer_id TEXT NOT NULL,
            campaign TEXT NOT NULL,
            bucket_ms BIGINT NOT NULL,
            first_ms BIGINT NOT NULL,
            cost DOUBLE PRECISION,
            sent_at BIGINT,
            delivered_at BIGINT,
            opened_at BIGINT,
            clicked_at BIGINT,
            unsubscribed_at BIGINT,
            bounced_at BIGINT,
            complained_at BIGINT,
            failed_at BIGINT,
            converted BIGINT NOT NULL DEFAULT 0,
            revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
            PRIMARY KEY (workspace_id, message_id));
          CREATE INDEX messages_customer_time ON messages (workspace_id, customer_id, first_ms);
          CREATE INDEX messages_bucket ON messages (workspace_id, bucket_ms);
          CREATE TABLE conversions (
            workspace_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            time_ms BIGINT NOT NULL,
            revenue DOUBLE PRECISION NOT NULL,
            order_id TEXT,
            message_id TEXT,
            PRIMARY KEY (workspace_id, event_id));
          CREATE UNIQUE INDEX conversions_order ON conversions (workspace_id, order_id)
            WHERE order_id IS NOT NULL;
          CREATE INDEX conversions_time ON conversions (workspace_id, time_ms);
          CREATE INDEX conversions_customer ON conversions (workspace_id, customer_id);
          CREATE TABLE journey_entries (
            workspace_id TEXT NOT NULL,
            run_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            arm TEXT NOT NULL,
            experiment_id TEXT NOT NULL,
            time_ms BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, run_id));
          CREATE INDEX journey_entries_journey ON journey_entries (workspace_id, journey_id, time_ms);
          CREATE INDEX journey_entries_customer ON journey_entries (workspace_id, customer_id);
          CREATE TABLE memberships (
            workspace_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            segment_id TEXT NOT NULL,
            enter_ms BIGINT NOT NULL,
            exit_ms BIGINT,
            PRIMARY KEY (workspace_id, customer_id, segment_id, enter_ms));
          CREATE TABLE kpi_hourly (
            workspace_id TEXT NOT NULL,
            hour_ms BIGINT NOT NULL,
            journey_id TEXT NOT NULL,
            node_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            template_id TEXT NOT NULL,
            offer_id TEXT NOT NULL,
            campaign TEXT NOT NULL,
            sent BIGINT NOT NULL DEFAULT 0,
            delivered BIGINT NOT NULL DEFAULT 0,
            opened BIGINT NOT NULL DEFAULT 0,
            clicked BIGINT NOT NULL DEFAULT 0,
            unsubscribed BIGINT NOT NULL DEFAULT 0,
            bounced BIGINT NOT NULL DEFAULT 0,
            complained BIGINT NOT NULL DEFAULT 0,
            failed BIGINT NOT NULL DEFAULT 0,
            converted BIGINT NOT NULL DEFAULT 0,
            revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
            cost DOUBLE PRECISION NOT NULL DEFAULT 0,
            uncosted BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (workspace_id, hour_ms, journey_id, node_id, channel, template_id,
                         offer_id, campaign));
          CREATE INDEX kpi_hourly_journey ON kpi_hourly (workspace_id, journey_id, hour_ms);
          CREATE TABLE channel_costs (
            workspace_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            cost_per_message DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (workspace_id, channel));
          CREATE TABLE campaign_spend (
            workspace_id TEXT NOT NULL,
            campaign TEXT NOT NULL,
            day_ms BIGINT NOT NULL,
            amount DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (workspace_id, campaign, day_ms));
          CREATE TABLE alerts (
            workspace_id TEXT NOT NULL,
            alert_id TEXT NOT NULL,
            kpi TEXT NOT NULL,
            granularity TEXT NOT NULL,
            channel TEXT NOT NULL,
            period_ms BIGINT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            baseline DOUBLE PRECISION NOT NULL,
            change DOUBLE PRECISION NOT NULL,
            create_ms BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, alert_id));
          CREATE INDEX alerts_period ON alerts (workspace_id, period_ms)",
    },
    Migration {
        version: 2,
        name: "segment exits that arrived before their entry",
        sql: "
          CREATE TABLE membership_early_exits (
            workspace_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            segment_id TEXT NOT NULL,
            exit_ms BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, customer_id, segment_id, exit_ms))",
    },
];

/// The customer-level tables erasure clears (aggregates and `seen_events` stay).
const CUSTOMER_TABLES: [&str; 6] = [
    "events",
    "messages",
    "conversions",
    "journey_entries",
    "memberships",
    "membership_early_exits",
];

/// The store.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

/// `CAST(COALESCE(SUM(expr), 0) AS BIGINT)`: an integer sum on both backends.
pub fn int_sum(expr: &str) -> String {
    format!("CAST(COALESCE(SUM({expr}), 0) AS BIGINT)")
}

/// `CAST(COALESCE(SUM(expr), 0) AS DOUBLE PRECISION)`: a float sum on both backends.
pub fn real_sum(expr: &str) -> String {
    format!("CAST(COALESCE(SUM({expr}), 0) AS DOUBLE PRECISION)")
}

impl Store {
    /// A store over `db` (migrated with [`MIGRATIONS`]).
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The connection, for the query modules.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The backend, for building statements.
    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    /// Applies one fact in one transaction; `lookback_ms` bounds how old the last
    /// message credited with a conversion may be. Returns false (and changes nothing)
    /// when the event id was applied before.
    pub async fn apply(&self, fact: &Fact, lookback_ms: i64) -> Result<bool, Error> {
        Ok(self
            .apply_batch(std::slice::from_ref(fact), lookback_ms)
            .await?
            == 1)
    }

    /// Applies facts, in order, in one transaction (each deduplicated on its event
    /// id, also within the batch); returns how many were new.
    pub async fn apply_batch(&self, facts: &[Fact], lookback_ms: i64) -> Result<usize, Error> {
        if facts.is_empty() {
            return Ok(0);
        }
        let txn = self.db.begin().await?;
        let applied = crate::apply::apply_batch(&txn, facts, lookback_ms).await?;
        txn.commit().await?;
        Ok(applied)
    }

    /// Records a segment entry (opening an interval unless one is open) or exit
    /// (closing the open interval). Redelivery changes nothing, and neither does
    /// arrival order: an exit that overtakes its entry (the entry's first delivery
    /// failed and is redelivered later) is kept in `membership_early_exits` and closes
    /// the interval when the entry arrives.
    pub async fn membership(
        &self,
        ws: &WorkspaceId,
        customer: &CustomerId,
        segment_id: &str,
        entered: bool,
        time_ms: i64,
    ) -> Result<(), Error> {
        let b = self.backend();
        let txn = self.db.begin().await?;
        let open = txn
            .query_one_raw(stmt(
                b,
                "SELECT enter_ms FROM memberships WHERE workspace_id = $1 AND customer_id = $2
                   AND segment_id = $3 AND exit_ms IS NULL",
                [
                    ws.as_str().into(),
                    customer.as_str().into(),
                    segment_id.into(),
                ],
            ))
            .await?;
        match (entered, open) {
            (true, None) => {
                // An exit already seen for a later time (it overtook this entry, e.g.
                // after this entry's first delivery failed) closes the interval.
                let keys = [
                    ws.as_str().into(),
                    customer.as_str().into(),
                    segment_id.into(),
                    time_ms.into(),
                ];
                let early = txn
                    .query_one_raw(stmt(
                        b,
                        "SELECT MIN(exit_ms) AS exit_ms FROM membership_early_exits
                          WHERE workspace_id = $1 AND customer_id = $2 AND segment_id = $3
                            AND exit_ms >= $4",
                        keys.clone(),
                    ))
                    .await?
                    .and_then(|row| row.try_get::<Option<i64>>("", "exit_ms").ok().flatten());
                txn.execute_raw(stmt(
                    b,
                    "INSERT INTO memberships (workspace_id, customer_id, segment_id, enter_ms, exit_ms)
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                    [
                        ws.as_str().into(),
                        customer.as_str().into(),
                        segment_id.into(),
                        time_ms.into(),
                        early.into(),
                    ],
                ))
                .await?;
                if let Some(exit_ms) = early {
                    txn.execute_raw(stmt(
                        b,
                        "DELETE FROM membership_early_exits WHERE workspace_id = $1
                           AND customer_id = $2 AND segment_id = $3 AND exit_ms = $4",
                        [
                            ws.as_str().into(),
                            customer.as_str().into(),
                            segment_id.into(),
                            exit_ms.into(),
                        ],
                    ))
                    .await?;
                }
            }
            (false, Some(row)) => {
                let enter_ms: i64 = row.try_get("", "enter_ms")?;
                txn.execute_raw(stmt(
                    b,
                    "UPDATE memberships SET exit_ms = $5 WHERE workspace_id = $1
                       AND customer_id = $2 AND segment_id = $3 AND enter_ms = $4",
                    [
                        ws.as_str().into(),
                        customer.as_str().into(),
                        segment_id.into(),
                        enter_ms.into(),
                        time_ms.max(enter_ms).into(),
                    ],
                ))
                .await?;
            }
            (false, None) => {
                // No open interval: either a redelivered exit (its interval is already
                // closed at this time) or an exit that overtook its entry — kept until
                // the entry arrives.
                let closed = txn
                    .query_one_raw(stmt(
                        b,
                        "SELECT 1 AS one FROM memberships WHERE workspace_id = $1
                           AND customer_id = $2 AND segment_id = $3 AND exit_ms = $4",
                        [
                            ws.as_str().into(),
                            customer.as_str().into(),
                            segment_id.into(),
                            time_ms.into(),
                        ],
                    ))
                    .await?;
                if closed.is_none() {
                    txn.execute_raw(stmt(
                        b,
                        "INSERT INTO membership_early_exits
                           (workspace_id, customer_id, segment_id, exit_ms)
                         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                        [
                            ws.as_str().into(),
                            customer.as_str().into(),
                            segment_id.into(),
                            time_ms.into(),
                        ],
                    ))
                    .await?;
                }
            }
            _ => {}
        }
        txn.commit().await?;
        Ok(())
    }

    /// Deletes every customer-level row of `customers` (aggregates stay, and so do the
    /// ids of the events already applied, so a redelivery cannot bring them back).
    pub async fn erase(&self, ws: &WorkspaceId, customers: &[CustomerId]) -> Result<u64, Error> {
        let b = self.backend();
        let txn = self.db.begin().await?;
        let mut deleted = 0;
        for customer in customers {
            for table in CUSTOMER_TABLES {
                deleted += txn
                    .execute_raw(stmt(
                        b,
                        &format!(
                            "DELETE FROM {table} WHERE workspace_id = $1 AND customer_id = $2"
                        ),
                        [ws.as_str().into(), customer.as_str().into()],
                    ))
                    .await?
                    .rows_affected();
            }
        }
        txn.commit().await?;
        Ok(deleted)
    }

    /// Sets the cost per message of `channel`.
    pub async fn set_channel_cost(
        &self,
        ws: &WorkspaceId,
        channel: &str,
        cost: f64,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(stmt(
                self.backend(),
                "INSERT INTO channel_costs (workspace_id, channel, cost_per_message)
                 VALUES ($1, $2, $3)
                 ON CONFLICT (workspace_id, channel)
                 DO UPDATE SET cost_per_message = excluded.cost_per_message",
                [ws.as_str().into(), channel.into(), cost.into()],
            ))
            .await?;
        Ok(())
    }

    /// Records `amount` spent on `campaign` on the UTC day starting at `day_ms`.
    pub async fn set_campaign_spend(
        &self,
        ws: &WorkspaceId,
        campaign: &str,
        day_ms: i64,
        amount: f64,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(stmt(
                self.backend(),
                "INSERT INTO campaign_spend (workspace_id, campaign, day_ms, amount)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (workspace_id, campaign, day_ms)
                 DO UPDATE SET amount = excluded.amount",
                [
                    ws.as_str().into(),
                    campaign.into(),
                    day_ms.into(),
                    amount.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Workspaces with KPI aggregates since `since_ms`.
    pub async fn active_workspaces(&self, since_ms: i64) -> Result<Vec<WorkspaceId>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                self.backend(),
                "SELECT DISTINCT workspace_id FROM kpi_hourly WHERE hour_ms >= $1",
                [since_ms.into()],
            ))
            .await?;
        rows.iter()
            .map(|r| Ok(WorkspaceId::new(r.try_get::<String>("", "workspace_id")?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use omni_common::ids::{CustomerId, WorkspaceId};
    use sea_orm::ConnectionTrait as _;

    use super::{MIGRATIONS, Store};

    async fn open_intervals(store: &Store) -> anyhow::Result<Vec<(i64, Option<i64>)>> {
        let rows = store
            .db
            .query_all_raw(omni_storage::stmt(
                store.backend(),
                "SELECT enter_ms, exit_ms FROM memberships ORDER BY enter_ms",
                [],
            ))
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r.try_get::<i64>("", "enter_ms").unwrap_or_default(),
                    r.try_get::<Option<i64>>("", "exit_ms").unwrap_or_default(),
                )
            })
            .collect())
    }

    /// An exit delivered before its entry (the entry's first delivery failed) must
    /// still close the interval; redelivering either changes nothing.
    #[tokio::test]
    async fn an_exit_that_overtakes_its_entry_still_closes_the_interval() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}/insights.db?mode=rwc", dir.path().display());
        let db = omni_storage::connect(&url).await?;
        omni_storage::migrate(&db, "insights", MIGRATIONS).await?;
        let store = Store::new(db);
        let (ws, c) = (WorkspaceId::new("ws"), CustomerId::new("c"));
        store.membership(&ws, &c, "vip", false, 2_000).await?;
        assert!(open_intervals(&store).await?.is_empty());
        store.membership(&ws, &c, "vip", true, 1_000).await?;
        assert_eq!(open_intervals(&store).await?, [(1_000, Some(2_000))]);
        // Redeliveries, in either order.
        store.membership(&ws, &c, "vip", false, 2_000).await?;
        store.membership(&ws, &c, "vip", true, 1_000).await?;
        assert_eq!(open_intervals(&store).await?, [(1_000, Some(2_000))]);
        // In order still works: a later entry opens a new interval, its exit closes it.
        store.membership(&ws, &c, "vip", true, 3_000).await?;
        store.membership(&ws, &c, "vip", false, 4_000).await?;
        assert_eq!(
            open_intervals(&store).await?,
            [(1_000, Some(2_000)), (3_000, Some(4_000))]
        );
        Ok(())
    }
}
