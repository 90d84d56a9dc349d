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
use omni_storage::Db;
use sea_orm::{ConnectionTrait, TransactionTrait, Value};

mod coupons;
mod engagement;
mod messages;
pub(crate) mod review;
mod schema;
mod settings;
mod templates;

pub use coupons::Redeemed;
pub use engagement::{Engagement, PendingEvent};
pub use messages::{Claimed, Inserted, MessageFilter};
pub use schema::MIGRATIONS;

use crate::error::Error;

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
        // Do-not-disturb columns: their own series, applied after the main one.
        omni_storage::migrate(&db, "channel-dnd", schema::DND_MIGRATIONS).await?;
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
}

fn corrupt(e: serde_json::Error) -> Error {
    Error::Corrupt(e.to_string())
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

#[cfg(test)]
mod tests;
