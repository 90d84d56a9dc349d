//! SQL storage for templates and messages (SQLite or Postgres through omni-storage).
//!
//! Every query is scoped by workspace, except the re-drive scan, which looks for stuck
//! messages across all workspaces because one worker serves them all.
//!
//! A message row is also its delivery lease: whoever moves `attempts` from n to n+1
//! (a compare-and-set) owns the next provider call, and only the owner of the current
//! attempt may record the outcome. That is what keeps a live call and the re-drive
//! worker (or two gateway replicas) from both driving one message.

use omni_common::ids::WorkspaceId;
use omni_storage::{Db, Migration};
use sea_orm::{ConnectionTrait, QueryResult, Value};
use serde_json::{Map, Value as Json};

use crate::error::Error;
use crate::records::{
    Channel, Message, MessageId, MessageStatus, Offer, SuppressionReason, Template, TemplateId,
};

/// The gateway's schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[Migration {
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
}];

const TEMPLATE_COLUMNS: &str = "template_id, display_name, channel, subject, body, create_ms";

const MESSAGE_COLUMNS: &str = "workspace_id, message_id, idempotency_key, customer_id, channel, \
     template_id, status, suppression_reason, recipient, subject, body, error, journey_id, run_id, \
     offer_json, variables_json, create_ms, update_ms, attempts";

/// What inserting a message did.
#[derive(Debug)]
pub enum Inserted {
    /// The row is new; the caller owns its delivery.
    New,
    /// A message with the same idempotency key already exists.
    Existing(Box<Message>),
}

/// The rendered parts of a message.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// Address.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
}

/// A final outcome for a pending message.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// `Sent`, `Suppressed` or `Failed`.
    pub status: MessageStatus,
    /// Set for `Suppressed`.
    pub suppression_reason: Option<SuppressionReason>,
    /// Set for `Suppressed` when an address is known (the rendered one otherwise stays).
    pub recipient: Option<String>,
    /// Set for `Failed`.
    pub error: String,
}

/// Templates and messages in SQL.
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

    /// Inserts `template`; with an idempotency key already used in the workspace, returns
    /// the template created first instead.
    pub async fn insert_template(
        &self,
        ws: &WorkspaceId,
        template: &Template,
        idempotency_key: Option<&str>,
    ) -> Result<Template, Error> {
        let res = self
            .db
            .execute_raw(self.stmt(
                "INSERT INTO templates (workspace_id, template_id, display_name, channel, subject, \
                 body, create_ms, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
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

    /// Inserts a new pending message unless its idempotency key is taken.
    pub async fn insert_message(&self, ws: &WorkspaceId, m: &Message) -> Result<Inserted, Error> {
        let offer_json = m
            .offer
            .as_ref()
            .map(|o| serde_json::to_string(o).map_err(|e| Error::Corrupt(e.to_string())))
            .transpose()?;
        let variables_json = Json::Object(m.variables.clone()).to_string();
        let res = self
            .db
            .execute_raw(self.stmt(
                &format!(
                    "INSERT INTO messages ({MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, \
                     $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) \
                     ON CONFLICT (workspace_id, idempotency_key) DO NOTHING"
                ),
                [
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
                ],
            ))
            .await?;
        if res.rows_affected() == 1 {
            return Ok(Inserted::New);
        }
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
    /// message id `after`.
    pub async fn list_messages(
        &self,
        ws: &WorkspaceId,
        customer_id: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Message>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                &format!(
                    "SELECT {MESSAGE_COLUMNS} FROM messages \
                     WHERE workspace_id = $1 AND customer_id = $2 AND message_id > $3 \
                     ORDER BY message_id LIMIT $4"
                ),
                [
                    ws.as_str().into(),
                    customer_id.into(),
                    after.unwrap_or_default().into(),
                    i64::from(limit).into(),
                ],
            ))
            .await?;
        rows.iter().map(message_from_row).collect()
    }

    /// Records the rendered parts of a pending message this caller owns at `attempts`.
    pub async fn save_rendered(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        rendered: &Rendered,
        now_ms: i64,
    ) -> Result<bool, Error> {
        let res = self
            .db
            .execute_raw(self.stmt(
                "UPDATE messages SET recipient = $1, subject = $2, body = $3, update_ms = $4 \
                 WHERE workspace_id = $5 AND message_id = $6 AND status = 'pending' \
                 AND attempts = $7",
                [
                    rendered.recipient.clone().into(),
                    rendered.subject.clone().into(),
                    rendered.body.clone().into(),
                    now_ms.into(),
                    ws.as_str().into(),
                    m.message_id.as_str().into(),
                    m.attempts.into(),
                ],
            ))
            .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Takes over a message seen pending with this `update_ms` and `attempts` (a
    /// compare-and-set); false when someone else touched it first.
    pub async fn take_over(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        now_ms: i64,
    ) -> Result<bool, Error> {
        let res = self
            .db
            .execute_raw(self.stmt(
                "UPDATE messages SET update_ms = $1 \
                 WHERE workspace_id = $2 AND message_id = $3 AND status = 'pending' \
                 AND attempts = $4 AND update_ms = $5",
                [
                    now_ms.into(),
                    ws.as_str().into(),
                    m.message_id.as_str().into(),
                    m.attempts.into(),
                    m.update_ms.into(),
                ],
            ))
            .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Claims the next provider call: moves `attempts` from `m.attempts` to one more.
    /// False when another driver claimed it or the message is no longer pending.
    pub async fn claim_attempt(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        now_ms: i64,
    ) -> Result<bool, Error> {
        let res = self
            .db
            .execute_raw(self.stmt(
                "UPDATE messages SET attempts = attempts + 1, update_ms = $1 \
                 WHERE workspace_id = $2 AND message_id = $3 AND status = 'pending' \
                 AND attempts = $4",
                [
                    now_ms.into(),
                    ws.as_str().into(),
                    m.message_id.as_str().into(),
                    m.attempts.into(),
                ],
            ))
            .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Records the outcome of a pending message this caller owns at `m.attempts`.
    pub async fn finish(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        outcome: &Outcome,
        now_ms: i64,
    ) -> Result<bool, Error> {
        let res = self
            .db
            .execute_raw(
                self.stmt(
                    "UPDATE messages SET status = $1, suppression_reason = $2, \
                 recipient = COALESCE($3, recipient), error = $4, update_ms = $5 \
                 WHERE workspace_id = $6 AND message_id = $7 AND status = 'pending' \
                 AND attempts = $8",
                    [
                        outcome.status.as_str().into(),
                        outcome
                            .suppression_reason
                            .map(|r| r.as_str().to_owned())
                            .into(),
                        outcome.recipient.clone().into(),
                        outcome.error.clone().into(),
                        now_ms.into(),
                        ws.as_str().into(),
                        m.message_id.as_str().into(),
                        m.attempts.into(),
                    ],
                ),
            )
            .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Pending messages untouched since before `older_than_ms`, oldest first, in every
    /// workspace.
    pub async fn stale_pending(
        &self,
        older_than_ms: i64,
        limit: u32,
    ) -> Result<Vec<(WorkspaceId, Message)>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                &format!(
                    "SELECT {MESSAGE_COLUMNS} FROM messages \
                     WHERE status = 'pending' AND update_ms < $1 ORDER BY update_ms LIMIT $2"
                ),
                [older_than_ms.into(), i64::from(limit).into()],
            ))
            .await?;
        rows.iter()
            .map(|row| {
                let ws: String = row.try_get("", "workspace_id")?;
                Ok((WorkspaceId::new(ws), message_from_row(row)?))
            })
            .collect()
    }
}

fn template_from_row(row: &QueryResult) -> Result<Template, Error> {
    let channel: String = row.try_get("", "channel")?;
    Ok(Template {
        template_id: TemplateId::new(row.try_get::<String>("", "template_id")?),
        display_name: row.try_get("", "display_name")?,
        channel: Channel::parse(&channel)
            .ok_or_else(|| Error::Corrupt(format!("template channel `{channel}`")))?,
        subject: row.try_get("", "subject")?,
        body: row.try_get("", "body")?,
        create_ms: row.try_get("", "create_ms")?,
    })
}

fn message_from_row(row: &QueryResult) -> Result<Message, Error> {
    let channel: String = row.try_get("", "channel")?;
    let status: String = row.try_get("", "status")?;
    let reason: Option<String> = row.try_get("", "suppression_reason")?;
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
        channel: Channel::parse(&channel)
            .ok_or_else(|| Error::Corrupt(format!("message channel `{channel}`")))?,
        template_id: TemplateId::new(row.try_get::<String>("", "template_id")?),
        status: MessageStatus::parse(&status)
            .ok_or_else(|| Error::Corrupt(format!("message status `{status}`")))?,
        suppression_reason: reason
            .map(|r| {
                SuppressionReason::parse(&r)
                    .ok_or_else(|| Error::Corrupt(format!("suppression reason `{r}`")))
            })
            .transpose()?,
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
            recipient: String::new(),
            subject: String::new(),
            body: String::new(),
            error: String::new(),
            journey_id: String::new(),
            run_id: String::new(),
            offer: None,
            variables: Map::new(),
            create_ms: 1_000,
            update_ms: 1_000,
            attempts: 0,
        }
    }

    #[tokio::test]
    async fn idempotency_keys_are_per_workspace_and_return_the_first_row() {
        let s = store().await;
        let ws = WorkspaceId::new("w1");
        let first = message("k");
        assert!(matches!(
            s.insert_message(&ws, &first).await.expect("insert"),
            Inserted::New
        ));
        match s.insert_message(&ws, &message("k")).await.expect("insert") {
            Inserted::Existing(m) => assert_eq!(*m, first),
            Inserted::New => panic!("duplicate key inserted"),
        }
        let other_ws = WorkspaceId::new("w2");
        assert!(matches!(
            s.insert_message(&other_ws, &message("k"))
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
    async fn only_one_driver_claims_each_attempt_and_records_the_outcome() {
        let s = store().await;
        let ws = WorkspaceId::new("w1");
        let m = message("k");
        s.insert_message(&ws, &m).await.expect("insert");

        // Two drivers that both saw attempts = 0: one wins.
        assert!(s.claim_attempt(&ws, &m, 2_000).await.expect("claim"));
        assert!(!s.claim_attempt(&ws, &m, 2_000).await.expect("claim"));

        // The loser cannot record an outcome; the winner can, once.
        let sent = Outcome {
            status: MessageStatus::Sent,
            suppression_reason: None,
            recipient: None,
            error: String::new(),
        };
        assert!(!s.finish(&ws, &m, &sent, 3_000).await.expect("finish"));
        let mut owner = m.clone();
        owner.attempts = 1;
        assert!(s.finish(&ws, &owner, &sent, 3_000).await.expect("finish"));
        assert!(!s.finish(&ws, &owner, &sent, 3_000).await.expect("finish"));
        let stored = s
            .get_message(&ws, m.message_id.as_str())
            .await
            .expect("get")
            .expect("row");
        assert_eq!(stored.status, MessageStatus::Sent);
        assert_eq!(stored.attempts, 1);
        assert!(
            s.stale_pending(i64::MAX, 10)
                .await
                .expect("scan")
                .is_empty()
        );
    }

    #[tokio::test]
    async fn stale_pending_messages_are_taken_over_once() {
        let s = store().await;
        let ws = WorkspaceId::new("w1");
        let m = message("k");
        s.insert_message(&ws, &m).await.expect("insert");
        assert!(
            s.stale_pending(1_000, 10).await.expect("scan").is_empty(),
            "not yet stale"
        );
        let stale = s.stale_pending(5_000, 10).await.expect("scan");
        assert_eq!(stale.len(), 1);
        let (seen_ws, seen) = &stale[0];
        assert_eq!(seen_ws, &ws);
        assert!(s.take_over(&ws, seen, 6_000).await.expect("take"));
        assert!(
            !s.take_over(&ws, seen, 6_001).await.expect("take"),
            "second replica loses"
        );
    }
}
