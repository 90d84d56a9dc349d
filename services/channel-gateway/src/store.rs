//! SQL storage (SQLite or Postgres through omni-storage): templates, the message outbox
//! with its delivery events, provider configs, the suppression list, send policies and
//! invalidated push tokens.
//!
//! Every query is scoped by workspace, except the outbox claim, which takes due messages
//! of one channel across all workspaces because one worker per channel serves them all.
//!
//! The outbox: a message row is committed (with its `queued` event, in one transaction)
//! before any provider call. A worker claims due rows by setting `lease_until_ms` and a
//! fresh `claim_token` in one statement; only the holder of the token may record the
//! outcome, and a row whose lease lapsed (its worker died) is claimable again.

use omni_common::ids::{CustomerId, WorkspaceId};
use omni_storage::{Db, Migration};
use sea_orm::{ConnectionTrait, QueryResult, TransactionTrait, Value};
use serde_json::{Map, Value as Json};

mod coupons;
mod engagement;

pub use coupons::Redeemed;
pub use engagement::{Engagement, PendingEvent};

use crate::error::Error;
use crate::records::{
    Channel, DeliveryEvent, EventId, EventKind, ListReason, Message, MessageId, MessageStatus,
    Offer, ProviderConfig, ProviderKind, Purpose, Sample, SendPolicy, SmsEncoding,
    SuppressionEntry, SuppressionReason, Template, TemplateId, Variant,
};

/// The gateway's schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "templates and messages",
        sql: "
CREATE TABLE IF NOT EXISTS templates (
    workspace_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    channel TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    idempotency_key TEXT,
    PRIMARY KEY (workspace_id, template_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS templates_idempotency_key
    ON templates (workspace_id, idempotency_key);
CREATE TABLE IF NOT EXISTS messages (
    workspace_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    template_id TEXT NOT NULL,
    status TEXT NOT NULL,
    suppression_reason TEXT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    error TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    offer_json TEXT,
    variables_json TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, message_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_idempotency_key
    ON messages (workspace_id, idempotency_key);
CREATE INDEX IF NOT EXISTS messages_customer
    ON messages (workspace_id, customer_id, message_id);
CREATE INDEX IF NOT EXISTS messages_status_update
    ON messages (status, update_ms)
",
    },
    Migration {
        version: 2,
        name: "outbox, events, providers, suppressions, policies, variants",
        sql: "
ALTER TABLE messages ADD COLUMN purpose TEXT NOT NULL DEFAULT 'marketing';
ALTER TABLE messages ADD COLUMN locale TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN expire_ms BIGINT;
ALTER TABLE messages ADD COLUMN next_attempt_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN lease_until_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN claim_token TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN provider_message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN html_body TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN sms_encoding TEXT;
ALTER TABLE messages ADD COLUMN sms_segments BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN provider TEXT;
CREATE INDEX IF NOT EXISTS messages_due
    ON messages (channel, status, next_attempt_ms);
ALTER TABLE templates ADD COLUMN html_body TEXT NOT NULL DEFAULT '';
ALTER TABLE templates ADD COLUMN variants_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE templates ADD COLUMN sample_json TEXT;
CREATE TABLE IF NOT EXISTS delivery_events (
    workspace_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    attempt BIGINT NOT NULL,
    error TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    next_attempt_ms BIGINT,
    suppression_reason TEXT,
    provider_message_id TEXT NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
);
CREATE INDEX IF NOT EXISTS delivery_events_customer
    ON delivery_events (workspace_id, customer_id, event_id);
CREATE INDEX IF NOT EXISTS delivery_events_message
    ON delivery_events (workspace_id, message_id, event_id);
CREATE TABLE IF NOT EXISTS provider_configs (
    workspace_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    base_url TEXT NOT NULL,
    account_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    secret_ref TEXT NOT NULL,
    rate_per_second DOUBLE PRECISION NOT NULL,
    burst BIGINT NOT NULL,
    max_attempts BIGINT NOT NULL,
    timeout_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, channel)
);
CREATE TABLE IF NOT EXISTS suppressions (
    workspace_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, channel, address)
);
CREATE TABLE IF NOT EXISTS send_policies (
    workspace_id TEXT NOT NULL PRIMARY KEY,
    policy_json TEXT NOT NULL,
    update_ms BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS invalid_push_tokens (
    workspace_id TEXT NOT NULL,
    token TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, token)
)
",
    },
    Migration {
        version: 3,
        name: "identity outbox, coupons, apns, provider message ids",
        sql: "
ALTER TABLE provider_configs ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE provider_configs ADD COLUMN topic TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS messages_provider_message_id
    ON messages (workspace_id, provider_message_id);
CREATE TABLE IF NOT EXISTS identity_outbox (
    workspace_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    properties_json TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_ms BIGINT NOT NULL,
    lease_until_ms BIGINT NOT NULL,
    claim_token TEXT NOT NULL,
    last_error TEXT NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
);
CREATE INDEX IF NOT EXISTS identity_outbox_due ON identity_outbox (next_attempt_ms);
CREATE TABLE IF NOT EXISTS coupons (
    workspace_id TEXT NOT NULL,
    code TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    issue_key TEXT NOT NULL,
    expire_ms BIGINT,
    create_ms BIGINT NOT NULL,
    redeem_ms BIGINT,
    redeem_store_id TEXT NOT NULL,
    redeem_key TEXT NOT NULL,
    PRIMARY KEY (workspace_id, code)
);
CREATE UNIQUE INDEX IF NOT EXISTS coupons_issue_key ON coupons (workspace_id, issue_key);
CREATE INDEX IF NOT EXISTS coupons_customer ON coupons (workspace_id, customer_id)
",
    },
];

const TEMPLATE_COLUMNS: &str = "template_id, display_name, channel, subject, body, create_ms, \
     html_body, variants_json, sample_json";

const MESSAGE_COLUMNS: &str = "workspace_id, message_id, idempotency_key, customer_id, channel, \
     template_id, status, suppression_reason, recipient, subject, body, error, journey_id, run_id, \
     offer_json, variables_json, create_ms, update_ms, attempts, purpose, locale, expire_ms, \
     next_attempt_ms, provider_message_id, html_body, campaign, sms_encoding, sms_segments, provider";

const EVENT_COLUMNS: &str = "workspace_id, event_id, message_id, customer_id, channel, kind, \
     status, attempt, error, create_ms, next_attempt_ms, suppression_reason, provider_message_id";

const PROVIDER_COLUMNS: &str = "kind, base_url, account_id, sender, secret_ref, rate_per_second, \
     burst, max_attempts, timeout_ms, update_ms, key_id, topic";

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

/// Templates, the outbox and the gateway's settings in SQL.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

impl Store {
    /// Connects to `url` and applies the migrations.
    pub async fn connect(url: &str) -> Result<Self, Error> {
        let db = omni_storage::connect(url).await?;
        omni_storage::migrate(&db, "channel", MIGRATIONS).await?;
        Ok(Self { db })
    }

    fn stmt(&self, sql: &str, values: impl IntoIterator<Item = Value>) -> sea_orm::Statement {
        omni_storage::stmt(self.db.get_database_backend(), sql, values)
    }

    // ---- erasure ---------------------------------------------------------------------

    /// Forgets `customers` (erasure): their messages keep only delivery metadata (id,
    /// channel, template, status, times, idempotency key) under the customer id
    /// [`crate::erasure::ERASED`]; undelivered ones are failed so they are never sent;
    /// their delivery events are deleted. Returns how many messages were anonymised.
    pub async fn erase_customers(
        &self,
        ws: &WorkspaceId,
        customers: &[CustomerId],
    ) -> Result<u64, Error> {
        let mut erased = 0;
        for customer in customers {
            let txn = self.db.begin().await?;
            let updated = txn
                .execute_raw(self.stmt(
                    "UPDATE messages SET \
                     status = CASE WHEN status IN ('pending', 'scheduled') THEN 'failed' \
                     ELSE status END, \
                     error = CASE WHEN status IN ('pending', 'scheduled') \
                     THEN 'customer erased before delivery' ELSE error END, \
                     customer_id = $1, recipient = '', subject = '', body = '', html_body = '', \
                     variables_json = '{}', offer_json = NULL \
                     WHERE workspace_id = $2 AND customer_id = $3",
                    [
                        crate::erasure::ERASED.into(),
                        ws.as_str().into(),
                        customer.as_str().into(),
                    ],
                ))
                .await?;
            txn.execute_raw(self.stmt(
                "DELETE FROM delivery_events WHERE workspace_id = $1 AND customer_id = $2",
                [ws.as_str().into(), customer.as_str().into()],
            ))
            .await?;
            // Engagement not yet reported to identity is about a customer who is gone.
            txn.execute_raw(self.stmt(
                "DELETE FROM identity_outbox WHERE workspace_id = $1 AND customer_id = $2",
                [ws.as_str().into(), customer.as_str().into()],
            ))
            .await?;
            // Coupons stay (a till may still present one) but no longer name the person.
            txn.execute_raw(self.stmt(
                "UPDATE coupons SET customer_id = $1 WHERE workspace_id = $2 AND customer_id = $3",
                [
                    crate::erasure::ERASED.into(),
                    ws.as_str().into(),
                    customer.as_str().into(),
                ],
            ))
            .await?;
            txn.commit().await?;
            erased += updated.rows_affected();
        }
        Ok(erased)
    }

    // ---- templates -------------------------------------------------------------------

    /// Inserts `template`; with an idempotency key already used in the workspace, returns
    /// the template created first instead.
    pub async fn insert_template(
        &self,
        ws: &WorkspaceId,
        template: &Template,
        idempotency_key: Option<&str>,
    ) -> Result<Template, Error> {
        let variants = serde_json::to_string(&template.variants).map_err(corrupt)?;
        let sample = template
            .sample
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(corrupt)?;
        let res = self
            .db
            .execute_raw(self.stmt(
                "INSERT INTO templates (workspace_id, template_id, display_name, channel, subject, \
                 body, create_ms, idempotency_key, html_body, variants_json, sample_json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT (workspace_id, idempotency_key) DO NOTHING",
                [
                    ws.as_str().into(),
                    template.template_id.as_str().into(),
                    template.display_name.clone().into(),
                    template.channel.as_str().into(),
                    template.subject.clone().into(),
                    template.body.clone().into(),
                    template.create_ms.into(),
                    idempotency_key.map(str::to_owned).into(),
                    template.html_body.clone().into(),
                    variants.into(),
                    sample.into(),
                ],
            ))
            .await?;
        if res.rows_affected() == 1 {
            return Ok(template.clone());
        }
        let key = idempotency_key.unwrap_or_default();
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {TEMPLATE_COLUMNS} FROM templates \
                     WHERE workspace_id = $1 AND idempotency_key = $2"
                ),
                [ws.as_str().into(), key.into()],
            ))
            .await?
            .ok_or_else(|| {
                Error::Corrupt(format!(
                    "template insert for key `{key}` conflicted with nothing"
                ))
            })?;
        template_from_row(&row)
    }

    /// Reads a template.
    pub async fn get_template(
        &self,
        ws: &WorkspaceId,
        id: &str,
    ) -> Result<Option<Template>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {TEMPLATE_COLUMNS} FROM templates \
                     WHERE workspace_id = $1 AND template_id = $2"
                ),
                [ws.as_str().into(), id.into()],
            ))
            .await?;
        row.as_ref().map(template_from_row).transpose()
    }

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
                     $23, $24, $25, $26, $27, $28, $29) \
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
                 provider = $14, update_ms = $15 \
                 WHERE workspace_id = $16 AND message_id = $17 AND claim_token = $18 \
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
                    ws.as_str().into(),
                    m.message_id.as_str().into(),
                    claim.token.clone().into(),
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

    fn insert_event_stmt(&self, ws: &WorkspaceId, e: &DeliveryEvent) -> sea_orm::Statement {
        self.stmt(
            &format!(
                "INSERT INTO delivery_events ({EVENT_COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
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

    // ---- provider configs ------------------------------------------------------------

    /// Creates or replaces the workspace's provider for the config's channel.
    pub async fn upsert_provider(&self, ws: &WorkspaceId, c: &ProviderConfig) -> Result<(), Error> {
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO provider_configs (workspace_id, channel, kind, base_url, account_id, \
                 sender, secret_ref, rate_per_second, burst, max_attempts, timeout_ms, update_ms, \
                 key_id, topic) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
                 ON CONFLICT (workspace_id, channel) DO UPDATE SET kind = excluded.kind, \
                 base_url = excluded.base_url, account_id = excluded.account_id, \
                 sender = excluded.sender, secret_ref = excluded.secret_ref, \
                 rate_per_second = excluded.rate_per_second, burst = excluded.burst, \
                 max_attempts = excluded.max_attempts, timeout_ms = excluded.timeout_ms, \
                 update_ms = excluded.update_ms, key_id = excluded.key_id, topic = excluded.topic",
                [
                    ws.as_str().into(),
                    c.kind.channel().as_str().into(),
                    c.kind.as_str().into(),
                    c.base_url.clone().into(),
                    c.account_id.clone().into(),
                    c.sender.clone().into(),
                    c.secret_ref.clone().into(),
                    c.rate_per_second.into(),
                    c.burst.into(),
                    c.max_attempts.into(),
                    c.timeout_ms.into(),
                    c.update_ms.into(),
                    c.key_id.clone().into(),
                    c.topic.clone().into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// The workspace's provider for `channel`.
    pub async fn get_provider(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<Option<ProviderConfig>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {PROVIDER_COLUMNS} FROM provider_configs \
                     WHERE workspace_id = $1 AND channel = $2"
                ),
                [ws.as_str().into(), channel.as_str().into()],
            ))
            .await?;
        row.as_ref().map(provider_from_row).transpose()
    }

    // ---- suppression list ------------------------------------------------------------

    /// Adds an entry unless the address is listed already; returns the stored entry.
    pub async fn add_suppression(
        &self,
        ws: &WorkspaceId,
        e: &SuppressionEntry,
    ) -> Result<SuppressionEntry, Error> {
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO suppressions (workspace_id, channel, address, reason, note, create_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (workspace_id, channel, address) DO NOTHING",
                [
                    ws.as_str().into(),
                    e.channel.as_str().into(),
                    e.address.clone().into(),
                    e.reason.as_str().into(),
                    e.note.clone().into(),
                    e.create_ms.into(),
                ],
            ))
            .await?;
        self.get_suppression(ws, e.channel, &e.address)
            .await?
            .ok_or_else(|| Error::Corrupt("suppression vanished after insert".into()))
    }

    /// The entry for an address, if listed.
    pub async fn get_suppression(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        address: &str,
    ) -> Result<Option<SuppressionEntry>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT channel, address, reason, note, create_ms FROM suppressions \
                 WHERE workspace_id = $1 AND channel = $2 AND address = $3",
                [ws.as_str().into(), channel.as_str().into(), address.into()],
            ))
            .await?;
        row.as_ref().map(suppression_from_row).transpose()
    }

    /// Entries ordered by channel and address, after `(channel, address)`.
    pub async fn list_suppressions(
        &self,
        ws: &WorkspaceId,
        channel: Option<Channel>,
        after: Option<(String, String)>,
        limit: u32,
    ) -> Result<Vec<SuppressionEntry>, Error> {
        let (after_channel, after_address) = after.unwrap_or_default();
        let rows = self
            .db
            .query_all_raw(self.stmt(
                "SELECT channel, address, reason, note, create_ms FROM suppressions \
                 WHERE workspace_id = $1 AND ($2 = '' OR channel = $2) \
                 AND (channel > $3 OR (channel = $3 AND address > $4)) \
                 ORDER BY channel, address LIMIT $5",
                [
                    ws.as_str().into(),
                    channel.map(|c| c.as_str()).unwrap_or_default().into(),
                    after_channel.into(),
                    after_address.into(),
                    i64::from(limit).into(),
                ],
            ))
            .await?;
        rows.iter().map(suppression_from_row).collect()
    }

    /// Removes an entry; false when it was not listed.
    pub async fn delete_suppression(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        address: &str,
    ) -> Result<bool, Error> {
        let res = self
            .db
            .execute_raw(self.stmt(
                "DELETE FROM suppressions WHERE workspace_id = $1 AND channel = $2 AND address = $3",
                [ws.as_str().into(), channel.as_str().into(), address.into()],
            ))
            .await?;
        Ok(res.rows_affected() == 1)
    }

    // ---- send policy -----------------------------------------------------------------

    /// The workspace's send policy, if one was ever set.
    pub async fn get_policy(&self, ws: &WorkspaceId) -> Result<Option<SendPolicy>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT policy_json, update_ms FROM send_policies WHERE workspace_id = $1",
                [ws.as_str().into()],
            ))
            .await?;
        let Some(row) = row else { return Ok(None) };
        let json: String = row.try_get("", "policy_json")?;
        let mut policy: SendPolicy = serde_json::from_str(&json)
            .map_err(|e| Error::Corrupt(format!("send policy json: {e}")))?;
        policy.update_ms = row.try_get("", "update_ms")?;
        Ok(Some(policy))
    }

    /// Replaces the workspace's send policy.
    pub async fn put_policy(&self, ws: &WorkspaceId, policy: &SendPolicy) -> Result<(), Error> {
        let json = serde_json::to_string(policy).map_err(corrupt)?;
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO send_policies (workspace_id, policy_json, update_ms) \
                 VALUES ($1, $2, $3) ON CONFLICT (workspace_id) DO UPDATE SET \
                 policy_json = excluded.policy_json, update_ms = excluded.update_ms",
                [ws.as_str().into(), json.into(), policy.update_ms.into()],
            ))
            .await?;
        Ok(())
    }

    // ---- push tokens -----------------------------------------------------------------

    /// Records that the provider reported `token` invalid.
    pub async fn invalidate_token(
        &self,
        ws: &WorkspaceId,
        token: &str,
        customer_id: &str,
        message_id: &MessageId,
        now_ms: i64,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO invalid_push_tokens (workspace_id, token, customer_id, message_id, \
                 create_ms) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (workspace_id, token) DO NOTHING",
                [
                    ws.as_str().into(),
                    token.into(),
                    customer_id.into(),
                    message_id.as_str().into(),
                    now_ms.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Whether `token` was reported invalid.
    pub async fn is_token_invalid(&self, ws: &WorkspaceId, token: &str) -> Result<bool, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT token FROM invalid_push_tokens WHERE workspace_id = $1 AND token = $2",
                [ws.as_str().into(), token.into()],
            ))
            .await?;
        Ok(row.is_some())
    }
}

/// Filters of `ListMessages`.
#[derive(Clone, Debug, Default)]
pub struct MessageFilter {
    /// Only these statuses (empty: all).
    pub statuses: Vec<MessageStatus>,
    /// Only this channel.
    pub channel: Option<Channel>,
}

fn corrupt(e: serde_json::Error) -> Error {
    Error::Corrupt(e.to_string())
}

fn message_values(ws: &WorkspaceId, m: &Message) -> Result<Vec<Value>, Error> {
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
    ])
}

fn parse<T>(what: &str, value: &str, f: impl Fn(&str) -> Option<T>) -> Result<T, Error> {
    f(value).ok_or_else(|| Error::Corrupt(format!("{what} `{value}`")))
}

fn parse_opt<T>(
    what: &str,
    value: Option<String>,
    f: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, Error> {
    value.map(|v| parse(what, &v, &f)).transpose()
}

fn template_from_row(row: &QueryResult) -> Result<Template, Error> {
    let channel: String = row.try_get("", "channel")?;
    let variants_json: String = row.try_get("", "variants_json")?;
    let sample_json: Option<String> = row.try_get("", "sample_json")?;
    let variants: Vec<Variant> = serde_json::from_str(&variants_json)
        .map_err(|e| Error::Corrupt(format!("template variants_json: {e}")))?;
    let sample: Option<Sample> = sample_json
        .map(|s| serde_json::from_str(&s))
        .transpose()
        .map_err(|e| Error::Corrupt(format!("template sample_json: {e}")))?;
    Ok(Template {
        template_id: TemplateId::new(row.try_get::<String>("", "template_id")?),
        display_name: row.try_get("", "display_name")?,
        channel: parse("template channel", &channel, Channel::parse)?,
        subject: row.try_get("", "subject")?,
        body: row.try_get("", "body")?,
        html_body: row.try_get("", "html_body")?,
        variants,
        sample,
        create_ms: row.try_get("", "create_ms")?,
    })
}

fn message_from_row(row: &QueryResult) -> Result<Message, Error> {
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
    })
}

fn event_from_row(row: &QueryResult) -> Result<DeliveryEvent, Error> {
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
    })
}

fn provider_from_row(row: &QueryResult) -> Result<ProviderConfig, Error> {
    let kind: String = row.try_get("", "kind")?;
    Ok(ProviderConfig {
        kind: parse("provider kind", &kind, ProviderKind::parse)?,
        base_url: row.try_get("", "base_url")?,
        account_id: row.try_get("", "account_id")?,
        sender: row.try_get("", "sender")?,
        secret_ref: row.try_get("", "secret_ref")?,
        rate_per_second: row.try_get("", "rate_per_second")?,
        burst: row.try_get("", "burst")?,
        max_attempts: row.try_get("", "max_attempts")?,
        timeout_ms: row.try_get("", "timeout_ms")?,
        update_ms: row.try_get("", "update_ms")?,
        key_id: row.try_get("", "key_id")?,
        topic: row.try_get("", "topic")?,
    })
}

fn suppression_from_row(row: &QueryResult) -> Result<SuppressionEntry, Error> {
    let channel: String = row.try_get("", "channel")?;
    let reason: String = row.try_get("", "reason")?;
    Ok(SuppressionEntry {
        channel: parse("suppression channel", &channel, Channel::parse)?,
        address: row.try_get("", "address")?,
        reason: parse("suppression reason", &reason, ListReason::parse)?,
        note: row.try_get("", "note")?,
        create_ms: row.try_get("", "create_ms")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh database (SQLite, or Postgres when `OMNI_TEST_DATABASE_URL` is set).
    async fn store() -> Store {
        let url = omni_testkit::database_url("channel")
            .await
            .expect("database url");
        Store::connect(&url).await.expect("store")
    }

    fn message(key: &str) -> Message {
        Message {
            message_id: MessageId::generate(),
            idempotency_key: key.into(),
            customer_id: "c_1".into(),
            channel: Channel::Email,
            template_id: TemplateId::new("tpl_1"),
            status: MessageStatus::Pending,
            suppression_reason: None,
            recipient: "a@example.com".into(),
            subject: "s".into(),
            body: "b".into(),
            error: String::new(),
            journey_id: String::new(),
            run_id: String::new(),
            offer: None,
            variables: Map::new(),
            create_ms: 1_000,
            update_ms: 1_000,
            attempts: 0,
            purpose: Purpose::Marketing,
            locale: String::new(),
            expire_ms: None,
            next_attempt_ms: 1_000,
            provider_message_id: String::new(),
            html_body: String::new(),
            campaign: String::new(),
            sms_encoding: None,
            sms_segments: 0,
            provider: Some(ProviderKind::Smtp),
        }
    }

    #[tokio::test]
    async fn idempotency_keys_are_per_workspace_and_return_the_first_row() {
        let s = store().await;
        let ws = WorkspaceId::new("w1");
        let first = message("k");
        assert!(matches!(
            s.insert_message(&ws, &first, None).await.expect("insert"),
            Inserted::New
        ));
        match s
            .insert_message(&ws, &message("k"), None)
            .await
            .expect("insert")
        {
            Inserted::Existing(m) => assert_eq!(*m, first),
            Inserted::New => panic!("duplicate key inserted"),
        }
        let other_ws = WorkspaceId::new("w2");
        assert!(matches!(
            s.insert_message(&other_ws, &message("k"), None)
                .await
                .expect("insert"),
            Inserted::New
        ));
        assert!(
            s.get_message(&other_ws, first.message_id.as_str())
                .await
                .expect("get")
                .is_none()
        );
    }

    #[tokio::test]
    async fn only_one_worker_claims_a_message_and_only_it_records_the_outcome() {
        let s = store().await;
        let ws = WorkspaceId::new("w1");
        let m = message("k");
        s.insert_message(&ws, &m, None).await.expect("insert");

        assert!(
            s.claim_due(Channel::Email, 999, 100, "early", 10)
                .await
                .expect("claim")
                .is_empty(),
            "not due yet"
        );
        assert!(
            s.claim_due(Channel::Sms, 2_000, 100, "sms", 10)
                .await
                .expect("claim")
                .is_empty(),
            "other channel"
        );
        let first = s
            .claim_due(Channel::Email, 2_000, 100, "a", 10)
            .await
            .expect("claim");
        assert_eq!(first.len(), 1);
        assert!(
            s.claim_due(Channel::Email, 2_050, 100, "b", 10)
                .await
                .expect("claim")
                .is_empty(),
            "leased"
        );
        // The lease lapses (worker a died): b takes it over; a can no longer record.
        let second = s
            .claim_due(Channel::Email, 2_200, 100, "b", 10)
            .await
            .expect("claim");
        assert_eq!(second.len(), 1);
        let mut sent = m.clone();
        sent.status = MessageStatus::Sent;
        sent.attempts = 1;
        assert!(
            !s.save_claimed(&first[0], &sent, None, 2_300)
                .await
                .expect("save")
        );
        assert!(
            s.save_claimed(&second[0], &sent, None, 2_300)
                .await
                .expect("save")
        );
        assert!(
            !s.save_claimed(&second[0], &sent, None, 2_300)
                .await
                .expect("save"),
            "closed messages are final"
        );
        let stored = s
            .get_message(&ws, m.message_id.as_str())
            .await
            .expect("get")
            .expect("row");
        assert_eq!(stored.status, MessageStatus::Sent);
        assert_eq!(stored.attempts, 1);
        assert!(
            s.claim_due(Channel::Email, i64::MAX / 2, 100, "c", 10)
                .await
                .expect("claim")
                .is_empty()
        );
    }

    #[tokio::test]
    async fn suppressions_providers_and_policies_round_trip() {
        let s = store().await;
        let ws = WorkspaceId::new("w1");
        let entry = SuppressionEntry {
            channel: Channel::Email,
            address: "a@example.com".into(),
            reason: ListReason::HardBounce,
            note: "bounced".into(),
            create_ms: 5,
        };
        assert_eq!(s.add_suppression(&ws, &entry).await.expect("add"), entry);
        let mut again = entry.clone();
        again.reason = ListReason::Manual;
        assert_eq!(
            s.add_suppression(&ws, &again).await.expect("add"),
            entry,
            "first entry kept"
        );
        let listed = s
            .list_suppressions(&ws, Some(Channel::Email), None, 10)
            .await
            .expect("list");
        assert_eq!(listed, vec![entry.clone()]);
        assert!(
            s.delete_suppression(&ws, Channel::Email, "a@example.com")
                .await
                .expect("delete")
        );
        assert!(
            s.get_suppression(&ws, Channel::Email, "a@example.com")
                .await
                .expect("get")
                .is_none()
        );

        let config = ProviderConfig {
            kind: ProviderKind::Twilio,
            base_url: "http://127.0.0.1:1".into(),
            account_id: "AC1".into(),
            sender: "+15550001111".into(),
            secret_ref: "env:X".into(),
            rate_per_second: 12.5,
            burst: 3,
            max_attempts: 4,
            timeout_ms: 500,
            update_ms: 9,
            key_id: "K1".into(),
            topic: "com.example".into(),
        };
        s.upsert_provider(&ws, &config).await.expect("upsert");
        let mut changed = config.clone();
        changed.burst = 7;
        s.upsert_provider(&ws, &changed).await.expect("upsert");
        assert_eq!(
            s.get_provider(&ws, Channel::Sms).await.expect("get"),
            Some(changed)
        );
        assert_eq!(s.get_policy(&ws).await.expect("policy"), None);
    }
}
