//! Data-subject rights: erasure (forget a person everywhere identity keeps them, then
//! tell every other service) and export (everything identity holds, as JSON).

use omni_bus::{Bus, Topic};
use omni_common::convert::to_timestamp;
use omni_common::ids::CustomerId;
use omni_profile_store::ProfileStore;
use omni_proto::common::v1::CustomerErased;
use omni_storage::Db;
use sea_orm::TransactionTrait;
use serde_json::{Value, json};

use crate::Error;
use crate::consent::{live_customer, snapshot};
use crate::crypto::IdCrypto;
use crate::store;

omni_common::id_type!(
    /// An erasure record id.
    ErasureId,
    "era"
);

/// What EraseCustomer did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Erased {
    /// The erasure record id.
    pub erasure_id: String,
    /// Every customer id erased (the live one first).
    pub customer_ids: Vec<CustomerId>,
}

/// Erases the person `customer` belongs to. In one SQL transaction the rows are
/// deleted; before it commits, the Redis profile keys of every id are deleted and
/// `CustomerErased` is published, so a failure leaves the SQL record (and a retry
/// finishes the job) rather than a forgotten person other services still hold.
pub async fn erase_customer(
    db: &Db,
    profiles: &ProfileStore,
    bus: &Bus,
    ws: &str,
    customer: &CustomerId,
    actor: &str,
    now_ms: i64,
) -> Result<Erased, Error> {
    let txn = db.begin().await?;
    let result = async {
        store::begin_write(&txn).await?;
        let live = live_customer(&txn, ws, customer).await?;
        let mut ids = vec![live.clone()];
        ids.extend(
            store::cluster_of(&txn, ws, &live)
                .await?
                .into_iter()
                .filter(|c| *c != live),
        );
        let erasure_id = ErasureId::generate().into_inner();
        store::erase(&txn, ws, &ids, &erasure_id, now_ms, actor).await?;
        crate::preferences::erase(&txn, ws, &ids).await?;
        for c in &ids {
            profiles.delete(ws, c.as_str()).await?;
        }
        let msg = CustomerErased {
            workspace_id: ws.to_owned(),
            customer_id: live.as_str().to_owned(),
            merged_customer_ids: ids[1..].iter().map(|c| c.as_str().to_owned()).collect(),
            erasure_id: erasure_id.clone(),
            time: Some(to_timestamp(now_ms)),
        };
        bus.publish(Topic::CustomerErased, &msg).await?;
        Ok(Erased {
            erasure_id,
            customer_ids: ids,
        })
    }
    .await;
    match result {
        Ok(erased) => {
            txn.commit().await?;
            Ok(erased)
        }
        Err(e) => {
            if let Err(rb) = txn.rollback().await {
                tracing::warn!(error = %rb, "rollback failed");
            }
            Err(e)
        }
    }
}

/// Everything identity holds about the person `customer` belongs to, as one JSON
/// document (see docs/identity.md for its shape).
pub async fn export_customer(
    db: &Db,
    crypto: &IdCrypto,
    profiles: &ProfileStore,
    ws: &str,
    customer: &CustomerId,
    now_ms: i64,
) -> Result<Value, Error> {
    let live = live_customer(db, ws, customer).await?;
    let cluster = store::cluster_of(db, ws, &live).await?;
    let identifiers = store::identifiers_of(db, crypto, ws, &live).await?;
    let events = store::events_of(db, crypto, ws, &cluster).await?;
    let merges = store::merges_into(db, crypto, ws, &live).await?;
    let conflicts = store::list_conflicts(db, crypto, ws, Some(&live), None, u64::MAX >> 2).await?;
    let consent = snapshot(db, ws, &live).await?;
    let history = store::consent_history(db, ws, &cluster, None, u64::MAX >> 2).await?;
    let profile = profiles.get(ws, live.as_str()).await?;
    let contact_preferences = crate::preferences::load(db, ws, &live).await?;
    let consents: Vec<Value> = consent
        .decisions
        .iter()
        .map(|((channel, purpose), d)| {
            json!({
                "channel": channel, "purpose": purpose, "granted": d.granted,
                "source": d.source, "proof": d.proof, "updated_ms": d.updated_ms,
            })
        })
        .collect();
    Ok(json!({
        "export_version": 1,
        "exported_ms": now_ms,
        "workspace_id": ws,
        "customer_id": live.as_str(),
        "customer_ids": cluster.iter().map(CustomerId::as_str).collect::<Vec<_>>(),
        "identifiers": identifiers,
        "profile": profile.map(|p| json!({
            "traits": p.traits,
            "identifiers": p.identifiers,
            "event_counts": p.event_counts,
            "first_seen_ms": p.first_seen_ms,
            "last_seen_ms": p.last_seen_ms,
        })),
        "consents": consents,
        "global_unsubscribe": consent.global_unsubscribe,
        "consent_history": history,
        "contact_preferences": contact_preferences,
        "events": events.iter().map(|e| json!({
            "event": e.event,
            "customer_id": e.customer_id.as_str(),
            "received_ms": e.received_ms,
        })).collect::<Vec<_>>(),
        "merges": merges.iter().map(|m| json!({
            "merge_id": m.merge_id,
            "customer_id": m.customer_id.as_str(),
            "merged_customer_id": m.merged_customer_id.as_str(),
            "rule": m.rule,
            "event_id": m.event_id,
            "identifiers": m.identifiers,
            "create_ms": m.create_ms,
            "actor": m.actor,
            "reason": m.reason,
            "unmerge_ms": m.unmerge_ms,
        })).collect::<Vec<_>>(),
        "conflicts": conflicts.iter().map(|c| json!({
            "conflict_id": c.conflict_id,
            "event_id": c.event_id,
            "rule": c.rule,
            "reason": c.reason,
            "identifiers": c.identifiers,
            "create_ms": c.create_ms,
        })).collect::<Vec<_>>(),
    }))
}
