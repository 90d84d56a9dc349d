//! Consent per delivery channel: SQL is the record, Redis the copy every service reads.
//!
//! A call with an idempotency key is remembered; a retry with the same key returns the
//! consent first stored (re-writing it to Redis if it is still the current decision, so
//! a retry after a Redis failure heals the copy) and a reuse of the key for a different
//! request is refused.

use omni_common::ids::CustomerId;
use omni_profile_store::ProfileStore;
use omni_storage::Db;
use sea_orm::{DatabaseTransaction, TransactionTrait};

use crate::Error;
use crate::store::{self, ConsentRecord, ConsentRequest};

/// How many times the consent transaction is attempted under contention.
const MAX_ATTEMPTS: usize = 3;

/// One UpdateConsent call.
#[derive(Clone, Debug)]
pub struct ConsentChange<'a> {
    /// Workspace.
    pub workspace: &'a str,
    /// The customer as sent (may be a merged-away id).
    pub customer: CustomerId,
    /// Channel name (`email`, `push`, `sms`, `store`).
    pub channel: &'a str,
    /// The decision.
    pub granted: bool,
    /// Optional idempotency key (empty: none).
    pub idempotency_key: &'a str,
    /// Now (unix ms).
    pub now_ms: i64,
}

/// Records a consent decision in SQL and Redis; returns the stored decision.
pub async fn update_consent(
    db: &Db,
    profiles: &ProfileStore,
    change: &ConsentChange<'_>,
) -> Result<ConsentRecord, Error> {
    let ws = change.workspace;
    let mut attempt = 1;
    let (stored_for, record) = loop {
        if let Some(earlier) = remembered(db, change).await? {
            let current = store::consents_of(db, ws, &earlier.stored_customer_id)
                .await?
                .into_iter()
                .find(|c| c.channel == earlier.channel);
            let record = ConsentRecord {
                channel: earlier.channel,
                granted: earlier.granted,
                update_ms: earlier.update_ms,
            };
            if current.as_ref() != Some(&record) {
                // A newer decision (or a merge) superseded it; nothing to heal.
                return Ok(record);
            }
            break (earlier.stored_customer_id, record);
        }
        let live = store::resolve_customer(db, ws, &change.customer)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "customer",
                id: change.customer.as_str().to_owned(),
            })?;
        let txn = db.begin().await?;
        match store_in(&txn, change, live).await {
            Ok(done) => {
                txn.commit().await?;
                break done;
            }
            Err(e) => {
                if let Err(rb) = txn.rollback().await {
                    tracing::warn!(error = %rb, "rollback failed");
                }
                if !e.is_retryable() || attempt >= MAX_ATTEMPTS {
                    return Err(e);
                }
                attempt += 1;
            }
        }
    };
    profiles
        .set_consent(
            ws,
            stored_for.as_str(),
            &record.channel,
            record.granted,
            record.update_ms,
        )
        .await?;
    Ok(record)
}

/// The earlier call with the same idempotency key; an error when it asked for
/// something else.
async fn remembered(db: &Db, change: &ConsentChange<'_>) -> Result<Option<ConsentRequest>, Error> {
    if change.idempotency_key.is_empty() {
        return Ok(None);
    }
    let Some(earlier) =
        store::consent_request(db, change.workspace, change.idempotency_key).await?
    else {
        return Ok(None);
    };
    if earlier.customer_id != change.customer
        || earlier.channel != change.channel
        || earlier.granted != change.granted
    {
        return Err(Error::IdempotencyKeyReused {
            key: change.idempotency_key.to_owned(),
        });
    }
    Ok(Some(earlier))
}

async fn store_in(
    txn: &DatabaseTransaction,
    change: &ConsentChange<'_>,
    live: CustomerId,
) -> Result<(CustomerId, ConsentRecord), Error> {
    let ws = change.workspace;
    // First statement is a write: it takes SQLite's write lock before anything is read,
    // and row-locks the customer on Postgres so a concurrent merge cannot strand this
    // consent. The customer may have been merged away since it was resolved: retry.
    if !store::lock_customer(txn, ws, &live, change.now_ms).await? {
        return Err(Error::Contention);
    }
    store::upsert_consent(
        txn,
        ws,
        &live,
        change.channel,
        change.granted,
        change.now_ms,
    )
    .await?;
    if !change.idempotency_key.is_empty() {
        store::insert_consent_request(
            txn,
            ws,
            change.idempotency_key,
            &ConsentRequest {
                customer_id: change.customer.clone(),
                channel: change.channel.to_owned(),
                granted: change.granted,
                stored_customer_id: live.clone(),
                update_ms: change.now_ms,
            },
        )
        .await?;
    }
    let record = ConsentRecord {
        channel: change.channel.to_owned(),
        granted: change.granted,
        update_ms: change.now_ms,
    };
    Ok((live, record))
}
