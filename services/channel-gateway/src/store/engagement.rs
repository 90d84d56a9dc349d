//! The identity outbox: engagement and send outcomes waiting to be reported to identity
//! as events (`message.sent`, `message.clicked`, `coupon.redeemed`, ...).
//!
//! A row is written in the same transaction as the fact it reports (the message's new
//! state, the callback's delivery event, the redemption), keyed by the event's
//! deterministic id, so a repeated callback or click inserts nothing twice. The emitter
//! claims due rows with a lease, calls identity's `TrackBatch`, and deletes what identity
//! accepted: delivery to identity is at least once, and identity drops repeats by id.

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::{Map, Value as Json};

use super::messages::{MESSAGE_COLUMNS, message_from_row};
use super::{Store, corrupt};
use crate::error::Error;
use crate::records::{DeliveryEvent, Message, SuppressionEntry};

/// An identity event waiting in the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingEvent {
    /// Deterministic event id (`msg:<message_id>:<kind>`).
    pub event_id: String,
    /// Event type (`message.delivered`, ...).
    pub event_type: String,
    /// The customer it is about (identifiers are looked up when it is reported).
    pub customer_id: String,
    /// When it happened, unix ms.
    pub time_ms: i64,
    /// Event properties.
    pub properties: Map<String, Json>,
    /// Failed reports so far.
    pub attempts: i64,
}

/// One engagement fact: its delivery event, its identity event and, for hard bounces,
/// complaints and unsubscribes, the suppression it adds.
#[derive(Clone, Debug)]
pub struct Engagement {
    /// Stored (and streamed) as a delivery event of the message.
    pub delivery: DeliveryEvent,
    /// Reported to identity.
    pub identity: PendingEvent,
    /// Added to the suppression list.
    pub suppression: Option<SuppressionEntry>,
}

impl Store {
    pub(super) fn insert_pending_stmt(
        &self,
        ws: &WorkspaceId,
        e: &PendingEvent,
    ) -> Result<sea_orm::Statement, Error> {
        let props = serde_json::to_string(&e.properties).map_err(corrupt)?;
        Ok(self.stmt(
            "INSERT INTO identity_outbox (workspace_id, event_id, customer_id, event_type, \
             time_ms, properties_json, attempts, next_attempt_ms, lease_until_ms, claim_token, \
             last_error) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, 0, '', '') \
             ON CONFLICT (workspace_id, event_id) DO NOTHING",
            [
                ws.as_str().into(),
                e.event_id.clone().into(),
                e.customer_id.clone().into(),
                e.event_type.clone().into(),
                e.time_ms.into(),
                props.into(),
                e.time_ms.into(),
            ],
        ))
    }

    /// Records an engagement fact in one transaction. False (nothing written) when its
    /// identity event id was recorded before: a repeated callback or click.
    pub async fn record_engagement(&self, ws: &WorkspaceId, e: &Engagement) -> Result<bool, Error> {
        let txn = self.db.begin().await?;
        let res = txn
            .execute_raw(self.insert_pending_stmt(ws, &e.identity)?)
            .await?;
        if res.rows_affected() != 1 {
            txn.rollback().await?;
            return Ok(false);
        }
        txn.execute_raw(self.insert_event_stmt(ws, &e.delivery))
            .await?;
        if let Some(s) = &e.suppression {
            txn.execute_raw(self.stmt(
                "INSERT INTO suppressions (workspace_id, channel, address, reason, note, \
                 create_ms) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (workspace_id, channel, address) DO NOTHING",
                [
                    ws.as_str().into(),
                    s.channel.as_str().into(),
                    s.address.clone().into(),
                    s.reason.as_str().into(),
                    s.note.clone().into(),
                    s.create_ms.into(),
                ],
            ))
            .await?;
        }
        txn.commit().await?;
        Ok(true)
    }

    /// Adds identity events on their own (ignoring ids recorded before).
    pub async fn insert_pending(
        &self,
        ws: &WorkspaceId,
        events: &[PendingEvent],
    ) -> Result<(), Error> {
        for e in events {
            self.db
                .execute_raw(self.insert_pending_stmt(ws, e)?)
                .await?;
        }
        Ok(())
    }

    /// Claims up to `limit` due identity events (any workspace) for `lease_ms`.
    pub async fn claim_pending(
        &self,
        now_ms: i64,
        lease_ms: i64,
        token: &str,
        limit: u32,
    ) -> Result<Vec<(WorkspaceId, PendingEvent)>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                "UPDATE identity_outbox SET lease_until_ms = $1, claim_token = $2 \
                 WHERE (workspace_id, event_id) IN ( \
                     SELECT workspace_id, event_id FROM identity_outbox \
                     WHERE next_attempt_ms <= $3 AND lease_until_ms <= $3 \
                     ORDER BY next_attempt_ms LIMIT $4) \
                 AND lease_until_ms <= $3 \
                 RETURNING workspace_id, event_id, customer_id, event_type, time_ms, \
                 properties_json, attempts",
                [
                    now_ms.saturating_add(lease_ms).into(),
                    token.into(),
                    now_ms.into(),
                    i64::from(limit).into(),
                ],
            ))
            .await?;
        rows.iter()
            .map(|row| {
                let ws: String = row.try_get("", "workspace_id")?;
                let props: String = row.try_get("", "properties_json")?;
                Ok((
                    WorkspaceId::new(ws),
                    PendingEvent {
                        event_id: row.try_get("", "event_id")?,
                        event_type: row.try_get("", "event_type")?,
                        customer_id: row.try_get("", "customer_id")?,
                        time_ms: row.try_get("", "time_ms")?,
                        properties: serde_json::from_str(&props).map_err(corrupt)?,
                        attempts: row.try_get("", "attempts")?,
                    },
                ))
            })
            .collect()
    }

    /// Removes reported (or unreportable) identity events.
    pub async fn delete_pending(&self, ws: &WorkspaceId, event_id: &str) -> Result<(), Error> {
        self.db
            .execute_raw(self.stmt(
                "DELETE FROM identity_outbox WHERE workspace_id = $1 AND event_id = $2",
                [ws.as_str().into(), event_id.into()],
            ))
            .await?;
        Ok(())
    }

    /// Schedules another report of an identity event after a failure.
    pub async fn retry_pending(
        &self,
        ws: &WorkspaceId,
        event_id: &str,
        attempts: i64,
        next_attempt_ms: i64,
        error: &str,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(self.stmt(
                "UPDATE identity_outbox SET attempts = $1, next_attempt_ms = $2, \
                 lease_until_ms = 0, claim_token = '', last_error = $3 \
                 WHERE workspace_id = $4 AND event_id = $5",
                [
                    attempts.into(),
                    next_attempt_ms.into(),
                    error.into(),
                    ws.as_str().into(),
                    event_id.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// The message a provider knows as `provider_message_id`.
    pub async fn message_by_provider_id(
        &self,
        ws: &WorkspaceId,
        provider_message_id: &str,
    ) -> Result<Option<Message>, Error> {
        if provider_message_id.is_empty() {
            return Ok(None);
        }
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {MESSAGE_COLUMNS} FROM messages \
                     WHERE workspace_id = $1 AND provider_message_id = $2"
                ),
                [ws.as_str().into(), provider_message_id.into()],
            ))
            .await?;
        row.as_ref().map(message_from_row).transpose()
    }
}
