//! Applying facts to the store, a batch per transaction.
//!
//! A batch costs a fixed number of multi-row statements (the dedupe rows, the event
//! rows, the hourly aggregate upserts) plus the per-fact statements whose outcome the
//! next fact may depend on (a message's first-time columns, the last-touch lookup of a
//! conversion). Facts are applied in order, so a batch gives exactly the result of
//! applying its facts one by one; an event id already applied (in an earlier batch or
//! earlier in the same one) is skipped, so a redelivered batch changes nothing.

use std::collections::{HashMap, HashSet};

use omni_storage::stmt;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, Value};

use crate::error::Error;
use crate::fact::{Detail, Fact, MessageDims, MessageFact, MessageKind};
use crate::store::HOUR_MS;

/// Rows per multi-row statement (keeps every statement under 2,500 parameters).
const CHUNK: usize = 100;

/// Per-kind KPI deltas for one hourly aggregate row.
#[derive(Default)]
struct Deltas {
    counts: [i64; 8],
    converted: i64,
    revenue: f64,
    cost: f64,
    uncosted: i64,
}

impl Deltas {
    fn add(&mut self, other: &Deltas) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        self.converted += other.converted;
        self.revenue += other.revenue;
        self.cost += other.cost;
        self.uncosted += other.uncosted;
    }
}

/// An hourly aggregate row: workspace, hour bucket, dimensions.
type AggKey = (String, i64, MessageDims);

/// Applies `facts` in order inside `txn`; returns how many were new.
pub(crate) async fn apply_batch(
    txn: &DatabaseTransaction,
    facts: &[Fact],
    lookback_ms: i64,
) -> Result<usize, Error> {
    let mut unique = Vec::with_capacity(facts.len());
    let mut keys = HashSet::with_capacity(facts.len());
    for fact in facts {
        if keys.insert((fact.workspace.as_str(), fact.event_id.as_str())) {
            unique.push(fact);
        }
    }
    let fresh = claim_event_ids(txn, &unique).await?;
    let mut batch = Batch {
        txn,
        backend: txn.get_database_backend(),
        lookback_ms,
        events: Vec::new(),
        dims: HashMap::new(),
        deltas: HashMap::new(),
    };
    let mut applied = 0;
    for fact in unique {
        if !fresh.contains(&(fact.workspace.as_str().to_owned(), fact.event_id.clone())) {
            continue;
        }
        batch.apply(fact).await?;
        applied += 1;
    }
    batch.flush_events().await?;
    batch.flush_deltas().await?;
    Ok(applied)
}

/// `(1, 2, ...), (n+1, ...)`: the placeholders of `rows` rows of `cols` values.
fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let row: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Records the facts' event ids as applied; returns those not applied before.
async fn claim_event_ids(
    txn: &DatabaseTransaction,
    facts: &[&Fact],
) -> Result<HashSet<(String, String)>, Error> {
    let mut fresh = HashSet::with_capacity(facts.len());
    for chunk in facts.chunks(CHUNK * 4) {
        let values: Vec<Value> = chunk
            .iter()
            .flat_map(|f| [f.workspace.as_str().into(), f.event_id.as_str().into()])
            .collect();
        let sql = format!(
            "INSERT INTO seen_events (workspace_id, event_id) VALUES {}
             ON CONFLICT DO NOTHING RETURNING workspace_id, event_id",
            placeholders(chunk.len(), 2)
        );
        let rows = txn
            .query_all_raw(stmt(txn.get_database_backend(), &sql, values))
            .await?;
        for row in rows {
            fresh.insert((
                row.try_get::<String>("", "workspace_id")?,
                row.try_get::<String>("", "event_id")?,
            ));
        }
    }
    Ok(fresh)
}

/// The state of one batch being applied.
struct Batch<'a> {
    txn: &'a DatabaseTransaction,
    backend: DbBackend,
    lookback_ms: i64,
    /// Event rows not written yet (written before a merge, and at the end).
    events: Vec<&'a Fact>,
    /// Dimensions and bucket of the messages this batch has seen, by (workspace, id).
    dims: HashMap<(String, String), (MessageDims, i64)>,
    /// Aggregate deltas, written at the end.
    deltas: HashMap<AggKey, Deltas>,
}

impl<'a> Batch<'a> {
    async fn apply(&mut self, fact: &'a Fact) -> Result<(), Error> {
        if !fact.merged.is_empty() {
            // The merge rewrites the stored rows of the merged ids: earlier events of
            // this batch must be stored first.
            self.flush_events().await?;
            for merged in &fact.merged {
                self.merge_customer(
                    fact.workspace.as_str(),
                    merged.as_str(),
                    fact.customer.as_str(),
                )
                .await?;
            }
        }
        self.events.push(fact);
        match &fact.detail {
            Detail::Message(m) => self.message(fact, m).await,
            Detail::Conversion { revenue, order_id } => {
                self.conversion(fact, *revenue, order_id.as_deref()).await
            }
            Detail::JourneyEntry {
                run_id,
                journey_id,
                arm,
                experiment_id,
            } => {
                self.txn
                    .execute_raw(stmt(
                        self.backend,
                        "INSERT INTO journey_entries (workspace_id, run_id, customer_id,
                                                      journey_id, arm, experiment_id, time_ms)
                         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                        [
                            fact.workspace.as_str().into(),
                            run_id.as_str().into(),
                            fact.customer.as_str().into(),
                            journey_id.as_str().into(),
                            arm.as_str().into(),
                            experiment_id.as_str().into(),
                            fact.time_ms.into(),
                        ],
                    ))
                    .await?;
                Ok(())
            }
            Detail::Other => Ok(()),
        }
    }

    /// Writes the pending event rows, a chunk per statement.
    async fn flush_events(&mut self) -> Result<(), Error> {
        for chunk in self.events.chunks(CHUNK) {
            let values: Vec<Value> = chunk
                .iter()
                .flat_map(|f| {
                    [
                        f.workspace.as_str().into(),
                        f.event_id.as_str().into(),
                        f.customer.as_str().into(),
                        f.event_type.as_str().into(),
                        f.time_ms.into(),
                        f.source.as_str().into(),
                    ]
                })
                .collect();
            let sql = format!(
                "INSERT INTO events (workspace_id, event_id, customer_id, event_type, time_ms,
                                     source)
                 VALUES {} ON CONFLICT DO NOTHING",
                placeholders(chunk.len(), 6)
            );
            self.txn
                .execute_raw(stmt(self.backend, &sql, values))
                .await?;
        }
        self.events.clear();
        Ok(())
    }

    /// Adds the aggregate deltas to `kpi_hourly`, a chunk of rows per upsert.
    async fn flush_deltas(&mut self) -> Result<(), Error> {
        let rows: Vec<(AggKey, Deltas)> = self.deltas.drain().collect();
        for chunk in rows.chunks(CHUNK) {
            let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 20);
            for ((ws, bucket, d), deltas) in chunk {
                values.extend([
                    Value::from(ws.as_str()),
                    (*bucket).into(),
                    d.journey_id.as_str().into(),
                    d.node_id.as_str().into(),
                    d.channel.as_str().into(),
                    d.template_id.as_str().into(),
                    d.offer_id.as_str().into(),
                    d.campaign.as_str().into(),
                ]);
                values.extend(deltas.counts.iter().map(|c| Value::from(*c)));
                values.extend([
                    Value::from(deltas.converted),
                    deltas.revenue.into(),
                    deltas.cost.into(),
                    deltas.uncosted.into(),
                ]);
            }
            let sql = format!(
                "INSERT INTO kpi_hourly (workspace_id, hour_ms, journey_id, node_id, channel,
                                         template_id, offer_id, campaign, sent, delivered,
                                         opened, clicked, unsubscribed, bounced, complained,
                                         failed, converted, revenue, cost, uncosted)
                 VALUES {}
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
                placeholders(chunk.len(), 20)
            );
            self.txn
                .execute_raw(stmt(self.backend, &sql, values))
                .await?;
        }
        Ok(())
    }

    fn bump(&mut self, ws: &str, bucket: i64, dims: MessageDims, deltas: &Deltas) {
        self.deltas
            .entry((ws.to_owned(), bucket, dims))
            .or_default()
            .add(deltas);
    }

    /// Moves the rows of a merged customer to the surviving one; memberships of the
    /// merged id are dropped (segment publishes the survivor's own).
    async fn merge_customer(&self, ws: &str, from: &str, to: &str) -> Result<(), Error> {
        for table in ["events", "messages", "conversions", "journey_entries"] {
            self.txn
                .execute_raw(stmt(
                    self.backend,
                    &format!(
                        "UPDATE {table} SET customer_id = $3
                         WHERE workspace_id = $1 AND customer_id = $2"
                    ),
                    [ws.into(), from.into(), to.into()],
                ))
                .await?;
        }
        for table in ["memberships", "membership_early_exits"] {
            self.txn
                .execute_raw(stmt(
                    self.backend,
                    &format!("DELETE FROM {table} WHERE workspace_id = $1 AND customer_id = $2"),
                    [ws.into(), from.into()],
                ))
                .await?;
        }
        Ok(())
    }

    async fn message(&mut self, fact: &Fact, m: &MessageFact) -> Result<(), Error> {
        let ws = fact.workspace.as_str();
        let key = (ws.to_owned(), m.message_id.0.clone());
        if !self.dims.contains_key(&key) {
            let bucket = fact.time_ms.div_euclid(HOUR_MS) * HOUR_MS;
            let d = &m.dims;
            let inserted = self
                .txn
                .execute_raw(stmt(
                    self.backend,
                    "INSERT INTO messages (workspace_id, message_id, customer_id, journey_id,
                                           node_id, channel, template_id, offer_id, campaign,
                                           bucket_ms, first_ms)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                     ON CONFLICT DO NOTHING",
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
                .await?
                .rows_affected();
            if inserted == 1 {
                self.dims.insert(key.clone(), (m.dims.clone(), bucket));
            }
        }
        let col = m.kind.column();
        let cost = m.cost.filter(|_| m.kind == MessageKind::Sent);
        let mut values: Vec<Value> = vec![
            ws.into(),
            m.message_id.0.as_str().into(),
            fact.time_ms.into(),
        ];
        let set_cost = match cost {
            Some(cost) => {
                values.push(cost.into());
                ", cost = $4"
            }
            None => "",
        };
        let changed = self
            .txn
            .execute_raw(stmt(
                self.backend,
                &format!(
                    "UPDATE messages SET {col}_at = $3{set_cost}
                     WHERE workspace_id = $1 AND message_id = $2 AND {col}_at IS NULL"
                ),
                values,
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
            match cost {
                Some(cost) => deltas.cost = cost,
                None => deltas.uncosted = 1,
            }
        }
        let (dims, bucket) = self.message_dims(ws, &m.message_id.0).await?;
        self.bump(ws, bucket, dims, &deltas);
        Ok(())
    }

    /// The dimensions and aggregate bucket a stored message was first recorded with.
    async fn message_dims(
        &mut self,
        ws: &str,
        message_id: &str,
    ) -> Result<(MessageDims, i64), Error> {
        let key = (ws.to_owned(), message_id.to_owned());
        if let Some(known) = self.dims.get(&key) {
            return Ok(known.clone());
        }
        let row = self
            .txn
            .query_one_raw(stmt(
                self.backend,
                "SELECT journey_id, node_id, channel, template_id, offer_id, campaign, bucket_ms
                 FROM messages WHERE workspace_id = $1 AND message_id = $2",
                [ws.into(), message_id.into()],
            ))
            .await?
            .ok_or_else(|| Error::Corrupt(format!("message {message_id} vanished")))?;
        let known = (
            MessageDims {
                journey_id: row.try_get("", "journey_id")?,
                node_id: row.try_get("", "node_id")?,
                channel: row.try_get("", "channel")?,
                template_id: row.try_get("", "template_id")?,
                offer_id: row.try_get("", "offer_id")?,
                campaign: row.try_get("", "campaign")?,
            },
            row.try_get("", "bucket_ms")?,
        );
        self.dims.insert(key, known.clone());
        Ok(known)
    }

    async fn conversion(
        &mut self,
        fact: &Fact,
        revenue: f64,
        order_id: Option<&str>,
    ) -> Result<(), Error> {
        let ws = fact.workspace.as_str();
        // Last touch: the latest message sent to the customer within the lookback.
        let touch = self
            .txn
            .query_one_raw(stmt(
                self.backend,
                "SELECT message_id FROM messages
                 WHERE workspace_id = $1 AND customer_id = $2 AND sent_at IS NOT NULL
                   AND sent_at <= $3 AND sent_at >= $4
                 ORDER BY sent_at DESC, message_id DESC LIMIT 1",
                [
                    ws.into(),
                    fact.customer.as_str().into(),
                    fact.time_ms.into(),
                    (fact.time_ms - self.lookback_ms).into(),
                ],
            ))
            .await?;
        let message_id: Option<String> = touch
            .map(|r| r.try_get::<String>("", "message_id"))
            .transpose()?;
        let inserted = self
            .txn
            .execute_raw(stmt(
                self.backend,
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
        self.txn
            .execute_raw(stmt(
                self.backend,
                "UPDATE messages SET converted = converted + 1, revenue = revenue + $3
                 WHERE workspace_id = $1 AND message_id = $2",
                [ws.into(), message_id.as_str().into(), revenue.into()],
            ))
            .await?;
        let (dims, bucket) = self.message_dims(ws, &message_id).await?;
        let deltas = Deltas {
            converted: 1,
            revenue,
            ..Deltas::default()
        };
        self.bump(ws, bucket, dims, &deltas);
        Ok(())
    }
}
