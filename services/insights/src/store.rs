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
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, TransactionTrait, Value};

use crate::error::Error;
use crate::fact::{Detail, Fact, MessageDims, MessageFact, MessageKind};

/// Milliseconds in one hour (the KPI aggregate bucket).
pub const HOUR_MS: i64 = 3_600_000;
/// Milliseconds in one day.
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// The insights schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[Migration {
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
}];

/// The customer-level tables erasure clears (aggregates and `seen_events` stay).
const CUSTOMER_TABLES: [&str; 5] = [
    "events",
    "messages",
    "conversions",
    "journey_entries",
    "memberships",
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
        let txn = self.db.begin().await?;
        let applied = apply_in(&txn, fact, lookback_ms).await?;
        txn.commit().await?;
        Ok(applied)
    }

    /// Applies facts in one transaction (each deduplicated on its own); returns how
    /// many were new.
    pub async fn apply_batch(&self, facts: &[Fact], lookback_ms: i64) -> Result<usize, Error> {
        let txn = self.db.begin().await?;
        let mut applied = 0;
        for fact in facts {
            if apply_in(&txn, fact, lookback_ms).await? {
                applied += 1;
            }
        }
        txn.commit().await?;
        Ok(applied)
    }

    /// Records a segment entry (opening an interval unless one is open) or exit
    /// (closing the open interval). Redelivery changes nothing.
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
                txn.execute_raw(stmt(
                    b,
                    "INSERT INTO memberships (workspace_id, customer_id, segment_id, enter_ms)
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

async fn apply_in(txn: &DatabaseTransaction, fact: &Fact, lookback_ms: i64) -> Result<bool, Error> {
    let b = txn.get_database_backend();
    let ws = fact.workspace.as_str();
    let seen = txn
        .execute_raw(stmt(
            b,
            "INSERT INTO seen_events (workspace_id, event_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING",
            [ws.into(), fact.event_id.as_str().into()],
        ))
        .await?;
    if seen.rows_affected() == 0 {
        return Ok(false);
    }
    for merged in &fact.merged {
        merge_customer(txn, ws, merged.as_str(), fact.customer.as_str()).await?;
    }
    txn.execute_raw(stmt(
        b,
        "INSERT INTO events (workspace_id, event_id, customer_id, event_type, time_ms, source)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        [
            ws.into(),
            fact.event_id.as_str().into(),
            fact.customer.as_str().into(),
            fact.event_type.as_str().into(),
            fact.time_ms.into(),
            fact.source.as_str().into(),
        ],
    ))
    .await?;
    match &fact.detail {
        Detail::Message(m) => apply_message(txn, fact, m).await?,
        Detail::Conversion { revenue, order_id } => {
            apply_conversion(txn, fact, *revenue, order_id.as_deref(), lookback_ms).await?;
        }
        Detail::JourneyEntry {
            run_id,
            journey_id,
            arm,
            experiment_id,
        } => {
            txn.execute_raw(stmt(
                b,
                "INSERT INTO journey_entries (workspace_id, run_id, customer_id, journey_id, arm,
                                              experiment_id, time_ms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                [
                    ws.into(),
                    run_id.as_str().into(),
                    fact.customer.as_str().into(),
                    journey_id.as_str().into(),
                    arm.as_str().into(),
                    experiment_id.as_str().into(),
                    fact.time_ms.into(),
                ],
            ))
            .await?;
        }
        Detail::Other => {}
    }
    Ok(true)
}

/// Moves the rows of a merged customer to the surviving one; memberships of the
/// merged id are dropped (segment publishes the survivor's own).
async fn merge_customer(
    txn: &DatabaseTransaction,
    ws: &str,
    from: &str,
    to: &str,
) -> Result<(), Error> {
    let b = txn.get_database_backend();
    for table in ["events", "messages", "conversions", "journey_entries"] {
        txn.execute_raw(stmt(
            b,
            &format!(
                "UPDATE {table} SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2"
            ),
            [ws.into(), from.into(), to.into()],
        ))
        .await?;
    }
    txn.execute_raw(stmt(
        b,
        "DELETE FROM memberships WHERE workspace_id = $1 AND customer_id = $2",
        [ws.into(), from.into()],
    ))
    .await?;
    Ok(())
}

/// Per-kind KPI deltas for one hourly aggregate row.
#[derive(Default)]
struct Deltas {
    counts: [i64; 8],
    converted: i64,
    revenue: f64,
    cost: f64,
    uncosted: i64,
}

async fn apply_message(
    txn: &DatabaseTransaction,
    fact: &Fact,
    m: &MessageFact,
) -> Result<(), Error> {
    let b = txn.get_database_backend();
    let ws = fact.workspace.as_str();
    let bucket = fact.time_ms.div_euclid(HOUR_MS) * HOUR_MS;
    let d = &m.dims;
    txn.execute_raw(stmt(
        b,
        "INSERT INTO messages (workspace_id, message_id, customer_id, journey_id, node_id,
                               channel, template_id, offer_id, campaign, bucket_ms, first_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING",
        [
            ws.into(),
            m.message_id.0.as_str().into(),
            fact.customer.as_str().into(),
            d.journey_id.as_str().into(),
            d.node_id.as_str().into(),
            d.channel.as_str().into(),
            d.template_id.as_str().into(),
            d.offer_id.as_str().into(),
            d.campaign.as_str().into(),
            bucket.into(),
            fact.time_ms.into(),
        ],
    ))
    .await?;
    let col = m.kind.column();
    let changed = txn
        .execute_raw(stmt(
            b,
            &format!(
                "UPDATE messages SET {col}_at = $3
                 WHERE workspace_id = $1 AND message_id = $2 AND {col}_at IS NULL"
            ),
            [
                ws.into(),
                m.message_id.0.as_str().into(),
                fact.time_ms.into(),
            ],
        ))
        .await?
        .rows_affected();
    if changed == 0 {
        return Ok(());
    }
    let mut deltas = Deltas::default();
    let index = MessageKind::ALL
        .iter()
        .position(|k| *k == m.kind)
        .unwrap_or_default();
    deltas.counts[index] = 1;
    if m.kind == MessageKind::Sent {
        match m.cost {
            Some(cost) => {
                deltas.cost = cost;
                txn.execute_raw(stmt(
                    b,
                    "UPDATE messages SET cost = $3 WHERE workspace_id = $1 AND message_id = $2",
                    [ws.into(), m.message_id.0.as_str().into(), cost.into()],
                ))
                .await?;
            }
            None => deltas.uncosted = 1,
        }
    }
    let (dims, bucket) = message_dims(txn, ws, &m.message_id.0).await?;
    bump(txn, ws, bucket, &dims, &deltas).await
}

/// The dimensions and aggregate bucket a stored message was first recorded with.
async fn message_dims(
    txn: &DatabaseTransaction,
    ws: &str,
    message_id: &str,
) -> Result<(MessageDims, i64), Error> {
    let row = txn
        .query_one_raw(stmt(
            txn.get_database_backend(),
            "SELECT journey_id, node_id, channel, template_id, offer_id, campaign, bucket_ms
             FROM messages WHERE workspace_id = $1 AND message_id = $2",
            [ws.into(), message_id.into()],
        ))
        .await?
        .ok_or_else(|| Error::Corrupt(format!("message {message_id} vanished")))?;
    Ok((
        MessageDims {
            journey_id: row.try_get("", "journey_id")?,
            node_id: row.try_get("", "node_id")?,
            channel: row.try_get("", "channel")?,
            template_id: row.try_get("", "template_id")?,
            offer_id: row.try_get("", "offer_id")?,
            campaign: row.try_get("", "campaign")?,
        },
        row.try_get("", "bucket_ms")?,
    ))
}

async fn bump(
    txn: &DatabaseTransaction,
    ws: &str,
    bucket: i64,
    d: &MessageDims,
    deltas: &Deltas,
) -> Result<(), Error> {
    let mut values: Vec<Value> = vec![
        ws.into(),
        bucket.into(),
        d.journey_id.as_str().into(),
        d.node_id.as_str().into(),
        d.channel.as_str().into(),
        d.template_id.as_str().into(),
        d.offer_id.as_str().into(),
        d.campaign.as_str().into(),
    ];
    values.extend(deltas.counts.iter().map(|c| Value::from(*c)));
    values.push(deltas.converted.into());
    values.push(deltas.revenue.into());
    values.push(deltas.cost.into());
    values.push(deltas.uncosted.into());
    txn.execute_raw(stmt(
        txn.get_database_backend(),
        "INSERT INTO kpi_hourly (workspace_id, hour_ms, journey_id, node_id, channel,
                                 template_id, offer_id, campaign, sent, delivered, opened,
                                 clicked, unsubscribed, bounced, complained, failed,
                                 converted, revenue, cost, uncosted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $19, $20)
         ON CONFLICT (workspace_id, hour_ms, journey_id, node_id, channel, template_id,
                      offer_id, campaign)
         DO UPDATE SET sent = kpi_hourly.sent + excluded.sent,
                       delivered = kpi_hourly.delivered + excluded.delivered,
                       opened = kpi_hourly.opened + excluded.opened,
                       clicked = kpi_hourly.clicked + excluded.clicked,
                       unsubscribed = kpi_hourly.unsubscribed + excluded.unsubscribed,
                       bounced = kpi_hourly.bounced + excluded.bounced,
                       complained = kpi_hourly.complained + excluded.complained,
                       failed = kpi_hourly.failed + excluded.failed,
                       converted = kpi_hourly.converted + excluded.converted,
                       revenue = kpi_hourly.revenue + excluded.revenue,
                       cost = kpi_hourly.cost + excluded.cost,
                       uncosted = kpi_hourly.uncosted + excluded.uncosted",
        values,
    ))
    .await?;
    Ok(())
}

async fn apply_conversion(
    txn: &DatabaseTransaction,
    fact: &Fact,
    revenue: f64,
    order_id: Option<&str>,
    lookback_ms: i64,
) -> Result<(), Error> {
    let b = txn.get_database_backend();
    let ws = fact.workspace.as_str();
    // Last touch: the latest message sent to the customer within the lookback.
    let touch = txn
        .query_one_raw(stmt(
            b,
            "SELECT message_id FROM messages
             WHERE workspace_id = $1 AND customer_id = $2 AND sent_at IS NOT NULL
               AND sent_at <= $3 AND sent_at >= $4
             ORDER BY sent_at DESC, message_id DESC LIMIT 1",
            [
                ws.into(),
                fact.customer.as_str().into(),
                fact.time_ms.into(),
                (fact.time_ms - lookback_ms).into(),
            ],
        ))
        .await?;
    let message_id: Option<String> = touch
        .map(|r| r.try_get::<String>("", "message_id"))
        .transpose()?;
    let inserted = txn
        .execute_raw(stmt(
            b,
            "INSERT INTO conversions (workspace_id, event_id, customer_id, time_ms, revenue,
                                      order_id, message_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
            [
                ws.into(),
                fact.event_id.as_str().into(),
                fact.customer.as_str().into(),
                fact.time_ms.into(),
                revenue.into(),
                Value::from(order_id.map(str::to_owned)),
                Value::from(message_id.clone()),
            ],
        ))
        .await?
        .rows_affected();
    // A second event for an already counted order is not a second conversion.
    let (1, Some(message_id)) = (inserted, message_id) else {
        return Ok(());
    };
    txn.execute_raw(stmt(
        b,
        "UPDATE messages SET converted = converted + 1, revenue = revenue + $3
         WHERE workspace_id = $1 AND message_id = $2",
        [ws.into(), message_id.as_str().into(), revenue.into()],
    ))
    .await?;
    let (dims, bucket) = message_dims(txn, ws, &message_id).await?;
    let deltas = Deltas {
        converted: 1,
        revenue,
        ..Deltas::default()
    };
    bump(txn, ws, bucket, &dims, &deltas).await
}
