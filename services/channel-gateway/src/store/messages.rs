//! The outbox: messages (insert, claim with a lease, save by the claim holder, read,
//! list) and their delivery events.

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, QueryResult, TransactionTrait, Value};
use serde_json::{Map, Value as Json};

use crate::error::Error;
use crate::records::{
    Channel, DeferReason, DeliveryEvent, EventId, EventKind, Message, MessageId, MessageStatus,
    Offer, ProviderKind, Purpose, SmsEncoding, SuppressionReason, TemplateId,
};

use super::engagement::PendingEvent;
use super::{Store, corrupt, parse, parse_opt};

pub(super) const MESSAGE_COLUMNS: &str = "workspace_id, message_id, idempotency_key, customer_id, channel, \
     template_id, status, suppression_reason, recipient, subject, body, error, journey_id, run_id, \
     offer_json, variables_json, create_ms, update_ms, attempts, purpose, locale, expire_ms, \
     next_attempt_ms, provider_message_id, html_body, campaign, sms_encoding, sms_segments, provider, \
     provider_id, provider_attempts, skipped_providers, defer_reason";

const EVENT_COLUMNS: &str = "workspace_id, event_id, message_id, customer_id, channel, kind, \
     status, attempt, error, create_ms, next_attempt_ms, suppression_reason, provider_message_id, provider_id";

/// What inserting a message did.
#[derive(Debug)]
pub enum Inserted {
    /// The row is new.
    New,
    /// A message with the same idempotency key already exists.
    Existing(Box<Message>),
}

/// A message a worker claimed, with the token that proves it.
#[derive(Clone, Debug)]
pub struct Claimed {
    /// Its workspace.
    pub workspace: WorkspaceId,
    /// The message as claimed.
    pub message: Message,
    /// The claim token; outcome writes must present it.
    pub token: String,
}

/// Filters of `ListMessages`.
#[derive(Clone, Debug, Default)]
pub struct MessageFilter {
    /// Only these statuses (empty: all).
    pub statuses: Vec<MessageStatus>,
    /// Only this channel.
    pub channel: Option<Channel>,
}

impl Store {
    // ---- the outbox ------------------------------------------------------------------

    /// Inserts a new message and its first event in one transaction, unless the
    /// idempotency key is taken (then nothing is written and the first message returned).
    #[cfg(test)]
    pub async fn insert_message(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        event: Option<&DeliveryEvent>,
    ) -> Result<Inserted, Error> {
        self.insert_message_with(ws, m, event, &[]).await
    }

    /// [`Store::insert_message`], also recording `identity` events in the transaction.
    pub async fn insert_message_with(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        event: Option<&DeliveryEvent>,
        identity: &[PendingEvent],
    ) -> Result<Inserted, Error> {
        let txn = self.db.begin().await?;
        let res = txn
            .execute_raw(self.stmt(
                &format!(
                    "INSERT INTO messages ({MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, \
                     $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
                     $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33) \
                     ON CONFLICT (workspace_id, idempotency_key) DO NOTHING"
                ),
                message_values(ws, m)?,
            ))
            .await?;
        if res.rows_affected() == 1 {
            if let Some(event) = event {
                txn.execute_raw(self.insert_event_stmt(ws, event)).await?;
            }
            for e in identity {
                txn.execute_raw(self.insert_pending_stmt(ws, e)?).await?;
            }
            txn.commit().await?;
            return Ok(Inserted::New);
        }
        txn.rollback().await?;
        let existing = self
            .message_by_key(ws, &m.idempotency_key)
            .await?
            .ok_or_else(|| {
                Error::Corrupt(format!(
                    "message insert for key `{}` conflicted with nothing",
                    m.idempotency_key
                ))
            })?;
        Ok(Inserted::Existing(Box::new(existing)))
    }

    /// Claims up to `limit` due messages of `channel` (open, due, lease lapsed) for
    /// `lease_ms`, marking them with `token`; returns what was claimed, oldest due first.
    pub async fn claim_due(
        &self,
        channel: Channel,
        now_ms: i64,
        lease_ms: i64,
        token: &str,
        limit: u32,
    ) -> Result<Vec<Claimed>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                &format!(
                    "UPDATE messages SET lease_until_ms = $1, claim_token = $2 \
                     WHERE (workspace_id, message_id) IN ( \
                         SELECT workspace_id, message_id FROM messages \
                         WHERE channel = $3 AND status IN ('pending', 'scheduled') \
                         AND next_attempt_ms <= $4 AND lease_until_ms <= $4 \
                         ORDER BY next_attempt_ms LIMIT $5) \
                     AND status IN ('pending', 'scheduled') AND lease_until_ms <= $4 \
                     RETURNING {MESSAGE_COLUMNS}"
                ),
                [
                    now_ms.saturating_add(lease_ms).into(),
                    token.into(),
                    channel.as_str().into(),
                    now_ms.into(),
                    i64::from(limit).into(),
                ],
            ))
            .await?;
        let mut claimed = rows
            .iter()
            .map(|row| {
                let ws: String = row.try_get("", "workspace_id")?;
                Ok(Claimed {
                    workspace: WorkspaceId::new(ws),
                    message: message_from_row(row)?,
                    token: token.to_owned(),
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        claimed.sort_by_key(|c| c.message.next_attempt_ms);
        Ok(claimed)
    }

    /// Writes the new state of a claimed message (every mutable column) and `event`, in
    /// one transaction, if `claim.token` still holds the claim. `release` clears the claim
    /// (the message is due again at `next_attempt_ms`). False when the claim was lost.
    #[cfg(test)]
    pub async fn save_claimed(
        &self,
        claim: &Claimed,
        m: &Message,
        event: Option<&DeliveryEvent>,
        now_ms: i64,
    ) -> Result<bool, Error> {
        self.save_claimed_with(claim, m, event, &[], now_ms).await
    }

    /// [`Store::save_claimed`], also recording `identity` events in the transaction.
    pub async fn save_claimed_with(
        &self,
        claim: &Claimed,
        m: &Message,
        event: Option<&DeliveryEvent>,
        identity: &[PendingEvent],
        now_ms: i64,
    ) -> Result<bool, Error> {
        let ws = &claim.workspace;
        let txn = self.db.begin().await?;
        let res = txn
            .execute_raw(self.stmt(
                "UPDATE messages SET status = $1, suppression_reason = $2, recipient = $3, \
                 subject = $4, body = $5, html_body = $6, error = $7, attempts = $8, \
                 next_attempt_ms = $9, lease_until_ms = 0, claim_token = '', \
                 provider_message_id = $10, locale = $11, sms_encoding = $12, sms_segments = $13, \
                 provider = $14, update_ms = $15, provider_id = $16, provider_attempts = $17, \
                 skipped_providers = $18, defer_reason = $22 \
                 WHERE workspace_id = $19 AND message_id = $20 AND claim_token = $21 \
                 AND status IN ('pending', 'scheduled')",
                [
                    m.status.as_str().into(),
                    m.suppression_reason.map(|r| r.as_str().to_owned()).into(),
                    m.recipient.clone().into(),
                    m.subject.clone().into(),
                    m.body.clone().into(),
                    m.html_body.clone().into(),
                    m.error.clone().into(),
                    m.attempts.into(),
                    m.next_attempt_ms.into(),
                    m.provider_message_id.clone().into(),
                    m.locale.clone().into(),
                    m.sms_encoding.map(|e| e.as_str().to_owned()).into(),
                    m.sms_segments.into(),
                    m.provider.map(|p| p.as_str().to_owned()).into(),
                    now_ms.into(),
                    m.provider_id.clone().into(),
                    m.provider_attempts.into(),
                    m.skipped_providers.join(",").into(),
                    ws.as_str().into(),
                    m.message_id.as_str().into(),
                    claim.token.clone().into(),
                    m.defer_reason.map(|r| r.as_str().to_owned()).into(),
                ],
            ))
            .await?;
        if res.rows_affected() != 1 {
            txn.rollback().await?;
            return Ok(false);
        }
        if let Some(event) = event {
            txn.execute_raw(self.insert_event_stmt(ws, event)).await?;
        }
        for e in identity {
            txn.execute_raw(self.insert_pending_stmt(ws, e)?).await?;
        }
        txn.commit().await?;
        Ok(true)
    }

    /// The message recorded under an idempotency key.
    pub async fn message_by_key(
        &self,
        ws: &WorkspaceId,
        key: &str,
    ) -> Result<Option<Message>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {MESSAGE_COLUMNS} FROM messages \
                     WHERE workspace_id = $1 AND idempotency_key = $2"
                ),
                [ws.as_str().into(), key.into()],
            ))
            .await?;
        row.as_ref().map(message_from_row).transpose()
    }

    /// Reads a message.
    pub async fn get_message(&self, ws: &WorkspaceId, id: &str) -> Result<Option<Message>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {MESSAGE_COLUMNS} FROM messages \
                     WHERE workspace_id = $1 AND message_id = $2"
                ),
                [ws.as_str().into(), id.into()],
            ))
            .await?;
        row.as_ref().map(message_from_row).transpose()
    }

    /// A customer's messages, oldest first (message ids are time-ordered), after the
    /// message id `after`, optionally only in `statuses` and on `channel`.
    pub async fn list_messages(
        &self,
        ws: &WorkspaceId,
        customer_id: &str,
        filter: &MessageFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Message>, Error> {
        let mut sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages \
             WHERE workspace_id = $1 AND customer_id = $2 AND message_id > $3 \
             AND ($4 = '' OR channel = $4)"
        );
        if !filter.statuses.is_empty() {
            // Stored names are fixed identifiers, never caller text.
            let names: Vec<String> = filter
                .statuses
                .iter()
                .map(|s| format!("'{}'", s.as_str()))
                .collect();
            sql.push_str(&format!(" AND status IN ({})", names.join(", ")));
        }
        sql.push_str(" ORDER BY message_id LIMIT $5");
        let rows = self
            .db
            .query_all_raw(
                self.stmt(
                    &sql,
                    [
                        ws.as_str().into(),
                        customer_id.into(),
                        after.unwrap_or_default().into(),
                        filter
                            .channel
                            .map(|c| c.as_str())
                            .unwrap_or_default()
                            .into(),
                        i64::from(limit).into(),
                    ],
                ),
            )
            .await?;
        rows.iter().map(message_from_row).collect()
    }

    // ---- delivery events -------------------------------------------------------------

    pub(super) fn insert_event_stmt(
        &self,
        ws: &WorkspaceId,
        e: &DeliveryEvent,
    ) -> sea_orm::Statement {
        self.stmt(
            &format!(
                "INSERT INTO delivery_events ({EVENT_COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
            ),
            [
                ws.as_str().into(),
                e.event_id.as_str().into(),
                e.message_id.as_str().into(),
                e.customer_id.clone().into(),
                e.channel.as_str().into(),
                e.kind.as_str().into(),
                e.status.as_str().into(),
                e.attempt.into(),
                e.error.clone().into(),
                e.create_ms.into(),
                e.next_attempt_ms.into(),
                e.suppression_reason.map(|r| r.as_str().to_owned()).into(),
                e.provider_message_id.clone().into(),
                e.provider_id.clone().into(),
            ],
        )
    }

    /// Records an event outside any message transition.
    pub async fn insert_event(&self, ws: &WorkspaceId, e: &DeliveryEvent) -> Result<(), Error> {
        self.db.execute_raw(self.insert_event_stmt(ws, e)).await?;
        Ok(())
    }

    /// Stored events after `after` (event id), oldest first, for one customer and/or one
    /// message (empty matches any).
    pub async fn list_events(
        &self,
        ws: &WorkspaceId,
        customer_id: &str,
        message_id: &str,
        after: &str,
        limit: u32,
    ) -> Result<Vec<DeliveryEvent>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                &format!(
                    "SELECT {EVENT_COLUMNS} FROM delivery_events WHERE workspace_id = $1 \
                     AND ($2 = '' OR customer_id = $2) AND ($3 = '' OR message_id = $3) \
                     AND event_id > $4 ORDER BY event_id LIMIT $5"
                ),
                [
                    ws.as_str().into(),
                    customer_id.into(),
                    message_id.into(),
                    after.into(),
                    i64::from(limit).into(),
                ],
            ))
            .await?;
        rows.iter().map(event_from_row).collect()
    }
}

pub(super) fn message_values(ws: &WorkspaceId, m: &Message) -> Result<Vec<Value>, Error> {
    let offer_json = m
        .offer
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(corrupt)?;
    let variables_json = Json::Object(m.variables.clone()).to_string();
    Ok(vec![
        ws.as_str().into(),
        m.message_id.as_str().into(),
        m.idempotency_key.clone().into(),
        m.customer_id.clone().into(),
        m.channel.as_str().into(),
        m.template_id.as_str().into(),
        m.status.as_str().into(),
        m.suppression_reason.map(|r| r.as_str().to_owned()).into(),
        m.recipient.clone().into(),
        m.subject.clone().into(),
        m.body.clone().into(),
        m.error.clone().into(),
        m.journey_id.clone().into(),
        m.run_id.clone().into(),
        offer_json.into(),
        variables_json.into(),
        m.create_ms.into(),
        m.update_ms.into(),
        m.attempts.into(),
        m.purpose.as_str().into(),
        m.locale.clone().into(),
        m.expire_ms.into(),
        m.next_attempt_ms.into(),
        m.provider_message_id.clone().into(),
        m.html_body.clone().into(),
        m.campaign.clone().into(),
        m.sms_encoding.map(|e| e.as_str().to_owned()).into(),
        m.sms_segments.into(),
        m.provider.map(|p| p.as_str().to_owned()).into(),
        m.provider_id.clone().into(),
        m.provider_attempts.into(),
        m.skipped_providers.join(",").into(),
        m.defer_reason.map(|r| r.as_str().to_owned()).into(),
    ])
}

pub(super) fn message_from_row(row: &QueryResult) -> Result<Message, Error> {
    let channel: String = row.try_get("", "channel")?;
    let status: String = row.try_get("", "status")?;
    let purpose: String = row.try_get("", "purpose")?;
    let offer_json: Option<String> = row.try_get("", "offer_json")?;
    let variables_json: String = row.try_get("", "variables_json")?;
    let offer = offer_json
        .map(|s| serde_json::from_str::<Offer>(&s))
        .transpose()
        .map_err(|e| Error::Corrupt(format!("message offer_json: {e}")))?;
    let variables = match serde_json::from_str::<Json>(&variables_json) {
        Ok(Json::Object(m)) => m,
        Ok(_) => Map::new(),
        Err(e) => return Err(Error::Corrupt(format!("message variables_json: {e}"))),
    };
    Ok(Message {
        message_id: MessageId::new(row.try_get::<String>("", "message_id")?),
        idempotency_key: row.try_get("", "idempotency_key")?,
        customer_id: row.try_get("", "customer_id")?,
        channel: parse("message channel", &channel, Channel::parse)?,
        template_id: TemplateId::new(row.try_get::<String>("", "template_id")?),
        status: parse("message status", &status, MessageStatus::parse)?,
        suppression_reason: parse_opt(
            "suppression reason",
            row.try_get("", "suppression_reason")?,
            SuppressionReason::parse,
        )?,
        recipient: row.try_get("", "recipient")?,
        subject: row.try_get("", "subject")?,
        body: row.try_get("", "body")?,
        error: row.try_get("", "error")?,
        journey_id: row.try_get("", "journey_id")?,
        run_id: row.try_get("", "run_id")?,
        offer,
        variables,
        create_ms: row.try_get("", "create_ms")?,
        update_ms: row.try_get("", "update_ms")?,
        attempts: row.try_get("", "attempts")?,
        purpose: parse("message purpose", &purpose, Purpose::parse)?,
        locale: row.try_get("", "locale")?,
        expire_ms: row.try_get("", "expire_ms")?,
        next_attempt_ms: row.try_get("", "next_attempt_ms")?,
        provider_message_id: row.try_get("", "provider_message_id")?,
        html_body: row.try_get("", "html_body")?,
        campaign: row.try_get("", "campaign")?,
        sms_encoding: parse_opt(
            "sms encoding",
            row.try_get("", "sms_encoding")?,
            SmsEncoding::parse,
        )?,
        sms_segments: row.try_get("", "sms_segments")?,
        provider: parse_opt(
            "provider",
            row.try_get("", "provider")?,
            ProviderKind::parse,
        )?,
        provider_id: row.try_get("", "provider_id")?,
        provider_attempts: row.try_get("", "provider_attempts")?,
        skipped_providers: row
            .try_get::<String>("", "skipped_providers")?
            .split(',')
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect(),
        defer_reason: parse_opt(
            "defer_reason",
            row.try_get("", "defer_reason")?,
            DeferReason::parse,
        )?,
    })
}

pub(super) fn event_from_row(row: &QueryResult) -> Result<DeliveryEvent, Error> {
    let channel: String = row.try_get("", "channel")?;
    let kind: String = row.try_get("", "kind")?;
    let status: String = row.try_get("", "status")?;
    Ok(DeliveryEvent {
        event_id: EventId::new(row.try_get::<String>("", "event_id")?),
        message_id: MessageId::new(row.try_get::<String>("", "message_id")?),
        customer_id: row.try_get("", "customer_id")?,
        channel: parse("event channel", &channel, Channel::parse)?,
        kind: parse("event kind", &kind, EventKind::parse)?,
        status: parse("event status", &status, MessageStatus::parse)?,
        attempt: row.try_get("", "attempt")?,
        error: row.try_get("", "error")?,
        create_ms: row.try_get("", "create_ms")?,
        next_attempt_ms: row.try_get("", "next_attempt_ms")?,
        suppression_reason: parse_opt(
            "suppression reason",
            row.try_get("", "suppression_reason")?,
            SuppressionReason::parse,
        )?,
        provider_message_id: row.try_get("", "provider_message_id")?,
        provider_id: row.try_get("", "provider_id")?,
    })
}
