//! `Identify`: set and unset typed traits of a known customer without an event.
//!
//! The call is validated at the edge (`convert_identify` in the service), stored in SQL
//! (`trait_updates`, the record rebuilds replay) and then written to Redis. A retry
//! with the same idempotency key returns the first result; if the first call's Redis
//! write did not happen (`applied = 0`), the retry performs it.

use omni_common::ids::CustomerId;
use omni_profile_store::{ActivityUpdate, ProfileStore, ProfileUpdate};
use omni_storage::Db;
use sea_orm::{DatabaseTransaction, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Error;
use crate::consent::live_customer;
use crate::crypto::IdCrypto;
use crate::normalise::Identifier;
use crate::store::{self, TraitUpdateRow};

omni_common::id_type!(
    /// A trait update (Identify call) id.
    TraitUpdateId,
    "tru"
);

/// How many times the Identify transaction is attempted under contention.
const MAX_ATTEMPTS: usize = 3;

/// One trait set by Identify, with its declared type (`None`: inferred).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraitSet {
    /// Trait name.
    pub name: String,
    /// Declared type name (`timestamp`, `integer`, ...), or `None` to infer it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ty: Option<String>,
    /// The (normalised) value.
    pub value: Value,
}

/// What an Identify call changes; stored as `trait_updates.payload`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TraitChange {
    /// Traits set.
    pub set: Vec<TraitSet>,
    /// Traits removed.
    pub unset: Vec<String>,
    /// When the traits were captured (unix ms).
    pub time_ms: i64,
}

impl TraitChange {
    /// The Redis writes for this change.
    pub fn updates(&self) -> (ProfileUpdate, ActivityUpdate) {
        let mut traits = serde_json::Map::new();
        let mut types = Vec::new();
        for t in &self.set {
            traits.insert(t.name.clone(), t.value.clone());
            types.push((t.name.clone(), t.ty.clone()));
        }
        for name in &self.unset {
            traits.insert(name.clone(), Value::Null);
            types.push((name.clone(), None));
        }
        (
            ProfileUpdate {
                traits,
                identifiers: Vec::new(),
                event_type: None,
                time_ms: self.time_ms,
            },
            ActivityUpdate {
                trait_types: types,
                ..ActivityUpdate::default()
            },
        )
    }
}

/// Whom an Identify call is for.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A customer id (merged-away ids resolve to the survivor).
    Customer(CustomerId),
    /// A normalised identifier the customer holds.
    Identifier(Identifier),
}

/// One validated Identify call.
#[derive(Clone, Debug)]
pub struct IdentifyCall<'a> {
    /// Workspace.
    pub workspace: &'a str,
    /// The keys protecting email and phone identifiers in SQL.
    pub crypto: &'a IdCrypto,
    /// Whom.
    pub target: Target,
    /// What.
    pub change: TraitChange,
    /// Whether the caller gave the time (else it is the receive time, and a retry
    /// with the same key may carry a different one).
    pub time_given: bool,
    /// Optional idempotency key.
    pub idempotency_key: &'a str,
    /// API key id of the caller.
    pub actor: &'a str,
    /// Receive time (unix ms).
    pub now_ms: i64,
}

/// What Identify did.
#[derive(Clone, Debug, PartialEq)]
pub struct Identified {
    /// The live customer written to.
    pub customer_id: CustomerId,
    /// True for a retry of an earlier call with the same key.
    pub duplicate: bool,
    /// The change (the first call's, for a duplicate).
    pub change: TraitChange,
}

/// Runs an Identify call (see the module docs).
pub async fn identify(
    db: &Db,
    profiles: &ProfileStore,
    call: &IdentifyCall<'_>,
) -> Result<Identified, Error> {
    let ws = call.workspace;
    let target = match &call.target {
        Target::Customer(c) => format!("customer:{c}"),
        Target::Identifier(i) => format!("identifier:{}:{}", i.kind.as_str(), i.value),
    };
    let c = &call.change;
    let fingerprint = serde_json::to_string(&(
        target,
        &c.set,
        &c.unset,
        call.time_given.then_some(c.time_ms),
    ))?;
    let mut attempt = 1;
    loop {
        if !call.idempotency_key.is_empty()
            && let Some(row) =
                store::trait_update_by_key(db, call.crypto, ws, call.idempotency_key).await?
        {
            return replay(db, profiles, ws, call.idempotency_key, &fingerprint, row).await;
        }
        let txn = db.begin().await?;
        match store_in(&txn, call, &fingerprint).await {
            Ok(row) => {
                txn.commit().await?;
                let (update, activity) = call.change.updates();
                profiles
                    .apply_with_activity(ws, row.customer_id.as_str(), &update, &activity)
                    .await?;
                store::mark_trait_update_applied(db, ws, &row.update_id).await?;
                return Ok(Identified {
                    customer_id: row.customer_id,
                    duplicate: false,
                    change: call.change.clone(),
                });
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
    }
}

/// A retry: same request required; finishes the Redis write if the first call could not.
async fn replay(
    db: &Db,
    profiles: &ProfileStore,
    ws: &str,
    key: &str,
    fingerprint: &str,
    row: TraitUpdateRow,
) -> Result<Identified, Error> {
    if row.request != fingerprint {
        return Err(Error::IdempotencyKeyReused {
            key: key.to_owned(),
        });
    }
    let change: TraitChange = serde_json::from_str(&row.payload)
        .map_err(|e| Error::Corrupt(format!("trait_updates.payload: {e}")))?;
    let live = store::resolve_customer(db, ws, &row.customer_id)
        .await?
        .unwrap_or_else(|| row.customer_id.clone());
    if !row.applied {
        let (update, activity) = change.updates();
        profiles
            .apply_with_activity(ws, live.as_str(), &update, &activity)
            .await?;
        store::mark_trait_update_applied(db, ws, &row.update_id).await?;
    }
    Ok(Identified {
        customer_id: live,
        duplicate: true,
        change,
    })
}

async fn store_in(
    txn: &DatabaseTransaction,
    call: &IdentifyCall<'_>,
    fingerprint: &str,
) -> Result<TraitUpdateRow, Error> {
    let ws = call.workspace;
    store::begin_write(txn).await?;
    let live = match &call.target {
        Target::Customer(c) => live_customer(txn, ws, c).await?,
        Target::Identifier(i) => {
            let owner = store::lookup_identifier(txn, call.crypto, ws, i)
                .await?
                .ok_or_else(|| Error::NotFound {
                    kind: "identifier",
                    id: format!("{}:{}", i.kind.as_str(), i.value),
                })?;
            live_customer(txn, ws, &owner).await?
        }
    };
    // Row-locks the customer on Postgres so a concurrent merge waits (or we retry).
    if !store::lock_customer(txn, ws, &live, call.now_ms).await? {
        return Err(Error::Contention);
    }
    let row = TraitUpdateRow {
        update_id: TraitUpdateId::generate().into_inner(),
        customer_id: live,
        idempotency_key: call.idempotency_key.to_owned(),
        request: fingerprint.to_owned(),
        payload: serde_json::to_string(&call.change)?,
        time_ms: call.change.time_ms,
        received_ms: call.now_ms,
        applied: false,
        actor: call.actor.to_owned(),
    };
    store::insert_trait_update(txn, call.crypto, ws, &row).await?;
    Ok(row)
}
