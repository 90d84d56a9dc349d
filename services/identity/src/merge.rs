//! Merges by hand (`MergeCustomers`) and their undoing (`Unmerge`).
//!
//! Unmerge of a merge M (survivor S absorbed X) in one SQL transaction:
//! 1. the X side is X plus every customer merged into X before M (following the merge
//!    records that still stand); the S side is the rest of the cluster;
//! 2. identifiers go back to the side of the customer whose event first brought them;
//! 3. events accepted since M on the S side (M's own event included) are replayed in
//!    acceptance order: each goes to the side of its highest-priority identifier whose
//!    side is known, and identifiers it brought follow it;
//! 4. X is live again (customers merged into it point at it), M is marked undone with
//!    who and when, and the pair is kept apart: automatic resolution never joins them
//!    again (only MergeCustomers may);
//! 5. each side's consent is recomputed from the consent history recorded for it.
//!
//! After commit both Redis profiles are rebuilt from SQL (see `rebuild`).

use std::collections::{BTreeMap, BTreeSet};

use omni_common::ids::CustomerId;
use omni_profile_store::ProfileStore;
use omni_storage::Db;
use sea_orm::{DatabaseTransaction, TransactionTrait};

use crate::Error;
use crate::consent::{live_customer, recompute_from_history};
use crate::crypto::IdCrypto;
use crate::normalise::Identifier;
use crate::outbox::Outbox;
use crate::rebuild::rebuild_customer;
use crate::resolve::{Holdings, MergeId};
use crate::rules::Rules;
use crate::store::{self, MergeRecord};

/// The rule recorded on merges made with MergeCustomers.
pub const MANUAL_RULE: &str = "manual";
/// How many times a merge/unmerge transaction is attempted under contention.
const MAX_ATTEMPTS: usize = 3;

/// One MergeCustomers call.
#[derive(Clone, Debug)]
pub struct ManualMerge<'a> {
    /// Workspace.
    pub workspace: &'a str,
    /// The keys protecting email and phone identifiers in SQL.
    pub crypto: &'a IdCrypto,
    /// The survivor as sent.
    pub customer: CustomerId,
    /// The customer to merge into it, as sent.
    pub merged: CustomerId,
    /// Why.
    pub reason: &'a str,
    /// Optional idempotency key.
    pub idempotency_key: &'a str,
    /// API key id of the caller.
    pub actor: &'a str,
    /// Now (unix ms).
    pub now_ms: i64,
    /// The workspace's rules.
    pub rules: &'a Rules,
}

/// Merges two customers by hand if the rules allow it; returns the merge record.
pub async fn merge_customers(
    db: &Db,
    profiles: &ProfileStore,
    req: &ManualMerge<'_>,
) -> Result<MergeRecord, Error> {
    let ws = req.workspace;
    let fingerprint = format!("{}\n{}\n{}", req.customer, req.merged, req.reason);
    if !req.idempotency_key.is_empty()
        && let Some((request, merge_id)) = store::merge_request(db, ws, req.idempotency_key).await?
    {
        if request != fingerprint {
            return Err(Error::IdempotencyKeyReused {
                key: req.idempotency_key.to_owned(),
            });
        }
        return store::merge_by_id(db, req.crypto, ws, &merge_id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "merge",
                id: merge_id,
            });
    }
    let mut attempt = 1;
    let record = loop {
        let txn = db.begin().await?;
        match merge_in(&txn, req, &fingerprint).await {
            Ok(r) => {
                txn.commit().await?;
                break r;
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
    rebuild_customer(db, req.crypto, profiles, ws, &record.customer_id).await?;
    Ok(record)
}

async fn merge_in(
    txn: &DatabaseTransaction,
    req: &ManualMerge<'_>,
    fingerprint: &str,
) -> Result<MergeRecord, Error> {
    let ws = req.workspace;
    store::begin_write(txn).await?;
    let survivor = live_customer(txn, ws, &req.customer).await?;
    let merged = live_customer(txn, ws, &req.merged).await?;
    if survivor == merged {
        return Err(Error::Rule {
            rule: "already-merged".into(),
            reason: format!(
                "{} and {} are already one customer",
                req.customer, req.merged
            ),
        });
    }
    let mut pair = [survivor.clone(), merged.clone()];
    pair.sort();
    for c in &pair {
        if !store::lock_customer(txn, ws, c, req.now_ms).await? {
            return Err(Error::Contention);
        }
    }
    let holdings = Holdings::load(txn, req.crypto, ws, &pair).await?;
    if let Some(v) = holdings.violation(req.rules, 1) {
        return Err(Error::Rule {
            rule: v.rule,
            reason: v.reason,
        });
    }
    let moved = store::identifiers_of(txn, req.crypto, ws, &merged).await?;
    let survivor_cluster = store::cluster_of(txn, ws, &survivor).await?;
    let merged_cluster = store::cluster_of(txn, ws, &merged).await?;
    store::delete_separations(txn, ws, &survivor_cluster, &merged_cluster).await?;
    store::merge_customer(txn, ws, &survivor, &merged, req.now_ms).await?;
    let record = MergeRecord {
        merge_id: MergeId::generate().into_inner(),
        customer_id: survivor,
        merged_customer_id: merged,
        rule: MANUAL_RULE.to_owned(),
        event_id: String::new(),
        identifiers: moved,
        create_ms: req.now_ms,
        actor: req.actor.to_owned(),
        reason: req.reason.to_owned(),
        unmerge_ms: None,
        unmerge_actor: String::new(),
    };
    store::insert_merge(txn, req.crypto, ws, &record).await?;
    if !req.idempotency_key.is_empty() {
        store::insert_merge_request(txn, ws, req.idempotency_key, fingerprint, &record.merge_id)
            .await?;
    }
    Ok(record)
}

/// What Unmerge did.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmerged {
    /// The merge, now marked undone.
    pub merge: MergeRecord,
    /// Identifiers that went back to the merged-away side.
    pub restored_identifiers: Vec<Identifier>,
    /// Events that went back to the merged-away side.
    pub restored_events: usize,
}

/// Undoes a merge (see the module docs). A merge already undone is returned unchanged.
pub async fn unmerge(
    outbox: &Outbox,
    ws: &str,
    merge_id: &str,
    rules: &Rules,
    actor: &str,
    now_ms: i64,
) -> Result<Unmerged, Error> {
    let (db, crypto) = (&outbox.db, &outbox.crypto);
    let mut attempt = 1;
    let done = loop {
        let txn = db.begin().await?;
        match unmerge_in(&txn, crypto, ws, merge_id, rules, actor, now_ms).await {
            Ok(r) => {
                txn.commit().await?;
                break r;
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
    let (unmerged, sides) = done;
    for live in sides {
        rebuild_customer(db, crypto, &outbox.profiles, ws, &live).await?;
    }
    Ok(unmerged)
}

type UnmergeDone = (Unmerged, Vec<CustomerId>);

async fn unmerge_in(
    txn: &DatabaseTransaction,
    crypto: &IdCrypto,
    ws: &str,
    merge_id: &str,
    rules: &Rules,
    actor: &str,
    now_ms: i64,
) -> Result<UnmergeDone, Error> {
    store::begin_write(txn).await?;
    let m = store::merge_by_id(txn, crypto, ws, merge_id)
        .await?
        .ok_or_else(|| Error::NotFound {
            kind: "merge",
            id: merge_id.to_owned(),
        })?;
    if m.unmerge_ms.is_some() {
        return Ok((
            Unmerged {
                merge: m,
                restored_identifiers: Vec::new(),
                restored_events: 0,
            },
            Vec::new(),
        ));
    }
    let live = live_customer(txn, ws, &m.customer_id).await?;
    if !store::lock_customer(txn, ws, &live, now_ms).await? {
        return Err(Error::Contention);
    }
    let x = m.merged_customer_id.clone();
    let cluster: BTreeSet<CustomerId> = store::cluster_of(txn, ws, &live)
        .await?
        .into_iter()
        .collect();
    if !cluster.contains(&x) {
        return Err(Error::Corrupt(format!(
            "merge {merge_id}: {x} is not in the cluster of {live}"
        )));
    }
    // 1. The sides.
    let mut x_side: BTreeSet<CustomerId> = BTreeSet::from([x.clone()]);
    let mut frontier = vec![x.clone()];
    while let Some(c) = frontier.pop() {
        for mr in store::active_merges_by_survivor(txn, crypto, ws, &c).await? {
            if cluster.contains(&mr.merged_customer_id)
                && x_side.insert(mr.merged_customer_id.clone())
            {
                frontier.push(mr.merged_customer_id);
            }
        }
    }
    let s_side: Vec<CustomerId> = cluster.difference(&x_side).cloned().collect();
    let x_members: Vec<CustomerId> = x_side.iter().cloned().collect();

    // 2. Identifiers by the side of the event that brought them.
    let events = store::events_of(
        txn,
        crypto,
        ws,
        &cluster.iter().cloned().collect::<Vec<_>>(),
    )
    .await?;
    let event_customer: BTreeMap<&str, &CustomerId> = events
        .iter()
        .map(|e| (e.event.event_id.as_str(), &e.customer_id))
        .collect();
    let replayed: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            !x_side.contains(&e.customer_id)
                && (e.received_ms > m.create_ms
                    || (e.received_ms == m.create_ms && e.event.event_id >= m.event_id)
                    || e.event.event_id == m.event_id)
        })
        .map(|(i, _)| i)
        .collect();
    let replayed_ids: BTreeSet<&str> = replayed
        .iter()
        .map(|i| events[*i].event.event_id.as_str())
        .collect();
    let sources = store::identifier_sources(txn, crypto, ws, &live).await?;
    let mut on_x: BTreeMap<Identifier, bool> = BTreeMap::new();
    let mut brought_by: BTreeMap<&str, Vec<Identifier>> = BTreeMap::new();
    for (id, event_id) in &sources {
        if replayed_ids.contains(event_id.as_str()) {
            brought_by
                .entry(event_id.as_str())
                .or_default()
                .push(id.clone());
            continue;
        }
        let side_x = event_customer
            .get(event_id.as_str())
            .is_some_and(|c| x_side.contains(*c));
        on_x.insert(id.clone(), side_x);
    }

    // 3. Replay the events since the merge.
    let mut moved_events = Vec::new();
    for i in replayed {
        let e = &events[i];
        let to_x = e
            .event
            .identifiers
            .iter()
            .filter_map(|id| {
                on_x.get(id)
                    .map(|side| (rules.priority(id.kind.as_str()), *side))
            })
            .min_by_key(|(p, _)| *p)
            .is_some_and(|(_, side)| side);
        for id in brought_by
            .remove(e.event.event_id.as_str())
            .unwrap_or_default()
        {
            on_x.insert(id, to_x);
        }
        if to_x {
            moved_events.push(e.event.event_id.clone());
        }
    }
    for event_id in &moved_events {
        store::set_event_customer(txn, ws, event_id, &x).await?;
    }
    let restored_identifiers: Vec<Identifier> = on_x
        .into_iter()
        .filter(|(_, side_x)| *side_x)
        .map(|(id, _)| id)
        .collect();
    for id in &restored_identifiers {
        store::set_identifier_customer(txn, crypto, ws, id, &x).await?;
    }

    // 4. Customers, the merge record, the separation.
    store::set_merged_into(txn, ws, &x, None, now_ms).await?;
    for y in x_side.iter().filter(|y| **y != x) {
        store::set_merged_into(txn, ws, y, Some(&x), now_ms).await?;
    }
    store::mark_unmerged(txn, ws, merge_id, now_ms, actor).await?;
    store::insert_separation(txn, ws, &live, &x, merge_id, now_ms).await?;

    // 5. Consent per side, from history.
    recompute_from_history(txn, ws, &live, &s_side).await?;
    recompute_from_history(txn, ws, &x, &x_members).await?;

    let restored_events = events
        .iter()
        .filter(|e| x_side.contains(&e.customer_id))
        .count()
        + moved_events.len();
    let merge = store::merge_by_id(txn, crypto, ws, merge_id)
        .await?
        .ok_or(Error::Contention)?;
    Ok((
        Unmerged {
            merge,
            restored_identifiers,
            restored_events,
        },
        vec![live, x],
    ))
}
