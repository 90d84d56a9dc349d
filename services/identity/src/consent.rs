//! Consent per delivery channel and purpose, and the global unsubscribe: SQL is the
//! record (current state plus an append-only history with source and proof), Redis the
//! copy every service reads through `omni-profile-store`.
//!
//! A call with an idempotency key is remembered; a retry with the same key returns the
//! consent first stored (re-writing Redis from SQL if it is still the current decision,
//! so a retry after a Redis failure heals the copy) and a reuse of the key for a
//! different request is refused.

use omni_common::ids::CustomerId;
use omni_profile_store::{ConsentSnapshot, GlobalUnsubscribe, ProfileStore, PurposeConsent};
use omni_storage::Db;
use sea_orm::{ConnectionTrait, DatabaseTransaction, TransactionTrait};

use crate::Error;
use crate::store::{self, ConsentDetail, ConsentHistoryRecord, ConsentRequest, Unsubscribe};

omni_common::id_type!(
    /// A consent history record id.
    ConsentRecordId,
    "cns"
);

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
    /// Purpose name (`marketing`, `transactional`).
    pub purpose: &'a str,
    /// The decision.
    pub granted: bool,
    /// Where it was captured.
    pub source: &'a str,
    /// Proof text.
    pub proof: &'a str,
    /// Optional idempotency key (empty: none).
    pub idempotency_key: &'a str,
    /// API key id of the caller.
    pub actor: &'a str,
    /// Now (unix ms).
    pub now_ms: i64,
}

/// Records a consent decision in SQL and Redis; returns the stored decision.
pub async fn update_consent(
    db: &Db,
    profiles: &ProfileStore,
    change: &ConsentChange<'_>,
) -> Result<ConsentDetail, Error> {
    let ws = change.workspace;
    let mut attempt = 1;
    let (stored_for, record) = loop {
        if let Some(earlier) = remembered(db, change).await? {
            let current = store::consent_details_of(db, ws, &earlier.stored_customer_id)
                .await?
                .into_iter()
                .find(|c| c.channel == earlier.channel && c.purpose == earlier.purpose);
            let same = current
                .as_ref()
                .is_some_and(|c| c.granted == earlier.granted && c.update_ms == earlier.update_ms);
            let record = current.filter(|_| same).unwrap_or(ConsentDetail {
                channel: earlier.channel,
                purpose: earlier.purpose,
                granted: earlier.granted,
                source: change.source.to_owned(),
                proof: change.proof.to_owned(),
                update_ms: earlier.update_ms,
            });
            if !same {
                // A newer decision (or a merge) superseded it; nothing to heal.
                return Ok(record);
            }
            break (earlier.stored_customer_id, record);
        }
        let live = live_customer(db, ws, &change.customer).await?;
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
    sync_consent(db, profiles, ws, &stored_for).await?;
    Ok(record)
}

/// One UpdateGlobalUnsubscribe call.
#[derive(Clone, Debug)]
pub struct UnsubscribeChange<'a> {
    /// Workspace.
    pub workspace: &'a str,
    /// The customer as sent.
    pub customer: CustomerId,
    /// Unsubscribe (true) or lift it (false).
    pub unsubscribed: bool,
    /// Where it was captured.
    pub source: &'a str,
    /// Proof text.
    pub proof: &'a str,
    /// API key id of the caller.
    pub actor: &'a str,
    /// Now (unix ms).
    pub now_ms: i64,
}

/// Records a global unsubscribe decision in SQL and Redis.
pub async fn update_unsubscribe(
    db: &Db,
    profiles: &ProfileStore,
    change: &UnsubscribeChange<'_>,
) -> Result<Unsubscribe, Error> {
    let ws = change.workspace;
    let mut attempt = 1;
    let (live, stored) = loop {
        let live = live_customer(db, ws, &change.customer).await?;
        let txn = db.begin().await?;
        let result = async {
            if !store::lock_customer(&txn, ws, &live, change.now_ms).await? {
                return Err(Error::Contention);
            }
            let u = Unsubscribe {
                unsubscribed: change.unsubscribed,
                source: change.source.to_owned(),
                proof: change.proof.to_owned(),
                update_ms: change.now_ms,
            };
            store::upsert_unsubscribe(&txn, ws, &live, &u).await?;
            store::insert_consent_history(
                &txn,
                ws,
                &ConsentHistoryRecord {
                    record_id: ConsentRecordId::generate().into_inner(),
                    customer_id: live.as_str().to_owned(),
                    channel: String::new(),
                    purpose: String::new(),
                    granted: change.unsubscribed,
                    global: true,
                    source: change.source.to_owned(),
                    proof: change.proof.to_owned(),
                    create_ms: change.now_ms,
                    actor: change.actor.to_owned(),
                },
            )
            .await?;
            Ok(u)
        }
        .await;
        match result {
            Ok(u) => {
                txn.commit().await?;
                break (live, u);
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
    sync_consent(db, profiles, ws, &live).await?;
    Ok(stored)
}

/// The live customer an id stands for, or NOT_FOUND.
pub async fn live_customer(
    conn: &impl ConnectionTrait,
    ws: &str,
    customer: &CustomerId,
) -> Result<CustomerId, Error> {
    store::resolve_customer(conn, ws, customer)
        .await?
        .ok_or_else(|| Error::NotFound {
            kind: "customer",
            id: customer.as_str().to_owned(),
        })
}

/// The consent state of a live customer as SQL holds it.
pub async fn snapshot(
    conn: &impl ConnectionTrait,
    ws: &str,
    live: &CustomerId,
) -> Result<ConsentSnapshot, Error> {
    let mut snap = ConsentSnapshot::default();
    for d in store::consent_details_of(conn, ws, live).await? {
        snap.decisions.insert(
            (d.channel, d.purpose),
            PurposeConsent {
                granted: d.granted,
                updated_ms: d.update_ms,
                source: d.source,
                proof: d.proof,
            },
        );
    }
    snap.global_unsubscribe =
        store::unsubscribe_of(conn, ws, live)
            .await?
            .map(|u| GlobalUnsubscribe {
                unsubscribed: u.unsubscribed,
                updated_ms: u.update_ms,
                source: u.source,
                proof: u.proof,
            });
    Ok(snap)
}

/// Writes a live customer's consent state from SQL to Redis.
pub async fn sync_consent(
    db: &Db,
    profiles: &ProfileStore,
    ws: &str,
    live: &CustomerId,
) -> Result<(), Error> {
    let snap = snapshot(db, ws, live).await?;
    profiles.write_consent(ws, live.as_str(), &snap).await?;
    Ok(())
}

/// Recomputes a live customer's current consent state from the history rows recorded
/// for the given customers (after an unmerge split them).
pub async fn recompute_from_history(
    conn: &impl ConnectionTrait,
    ws: &str,
    live: &CustomerId,
    members: &[CustomerId],
) -> Result<(), Error> {
    store::clear_consent_state(conn, ws, live).await?;
    let mut history = store::consent_history(conn, ws, members, None, u64::MAX >> 2).await?;
    history.reverse(); // oldest first; later rows win
    for h in history {
        if h.global {
            store::upsert_unsubscribe(
                conn,
                ws,
                live,
                &Unsubscribe {
                    unsubscribed: h.granted,
                    source: h.source,
                    proof: h.proof,
                    update_ms: h.create_ms,
                },
            )
            .await?;
        } else {
            if h.purpose == omni_profile_store::MARKETING {
                store::upsert_consent(conn, ws, live, &h.channel, h.granted, h.create_ms).await?;
            }
            store::upsert_consent_detail(
                conn,
                ws,
                live,
                &ConsentDetail {
                    channel: h.channel,
                    purpose: h.purpose,
                    granted: h.granted,
                    source: h.source,
                    proof: h.proof,
                    update_ms: h.create_ms,
                },
            )
            .await?;
        }
    }
    Ok(())
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
        || earlier.purpose != change.purpose
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
) -> Result<(CustomerId, ConsentDetail), Error> {
    let ws = change.workspace;
    // First statement is a write: it takes SQLite's write lock before anything is read,
    // and row-locks the customer on Postgres so a concurrent merge cannot strand this
    // consent. The customer may have been merged away since it was resolved: retry.
    if !store::lock_customer(txn, ws, &live, change.now_ms).await? {
        return Err(Error::Contention);
    }
    if change.purpose == omni_profile_store::MARKETING {
        // The per-channel table keeps the marketing decision, as before purposes.
        store::upsert_consent(
            txn,
            ws,
            &live,
            change.channel,
            change.granted,
            change.now_ms,
        )
        .await?;
    }
    let detail = ConsentDetail {
        channel: change.channel.to_owned(),
        purpose: change.purpose.to_owned(),
        granted: change.granted,
        source: change.source.to_owned(),
        proof: change.proof.to_owned(),
        update_ms: change.now_ms,
    };
    store::upsert_consent_detail(txn, ws, &live, &detail).await?;
    store::insert_consent_history(
        txn,
        ws,
        &ConsentHistoryRecord {
            record_id: ConsentRecordId::generate().into_inner(),
            customer_id: live.as_str().to_owned(),
            channel: change.channel.to_owned(),
            purpose: change.purpose.to_owned(),
            granted: change.granted,
            global: false,
            source: change.source.to_owned(),
            proof: change.proof.to_owned(),
            create_ms: change.now_ms,
            actor: change.actor.to_owned(),
        },
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
                purpose: change.purpose.to_owned(),
                granted: change.granted,
                stored_customer_id: live.clone(),
                update_ms: change.now_ms,
            },
        )
        .await?;
    }
    Ok((live, detail))
}
