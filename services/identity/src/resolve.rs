//! Identity resolution: which customer an event belongs to, and which profiles it
//! merges. Everything happens in one SQL transaction, whose commit is the point at
//! which the event is accepted.
//!
//! Rules:
//! - each normalised identifier is looked up in `identifiers`;
//! - no match: a new customer; one customer: that one;
//! - several customers: they are merged into the oldest (`customers.create_ms`, ties
//!   by id) under the rule `shared-identifier`, unless the result would hold two
//!   different user_id values. Then nothing is merged, a `conflicts` row is written and
//!   the event goes to the customer of its highest-priority identifier
//!   (user_id > email > phone > anonymous_id). When that identifier is a user_id seen
//!   for the first time, it starts a new customer: a user_id is never attached to a
//!   profile that already has a different one (the same holds with a single match);
//! - identifiers seen for the first time are attached to the chosen customer.
//!
//! Concurrency: the event row is inserted first (claiming the event id and, on
//! SQLite, the write lock); matched customers are row-locked in id order and must
//! still be live; a unique violation on a new identifier means a concurrent Track won
//! the race. In those cases the whole transaction is retried, up to [`MAX_ATTEMPTS`].

use std::collections::BTreeSet;

use omni_common::ids::CustomerId;
use omni_storage::Db;
use sea_orm::{DatabaseTransaction, TransactionTrait};

use crate::Error;
use crate::event::{Outcome, TrackedEvent};
use crate::normalise::{Identifier, IdentifierKind};
use crate::store::{self, ConflictRecord, MergeRecord};

omni_common::id_type!(
    /// A merge record id.
    MergeId,
    "mrg"
);
omni_common::id_type!(
    /// A conflict record id.
    ConflictId,
    "cfl"
);

/// The rule recorded on merges caused by an event sharing identifiers of two profiles.
pub const SHARED_IDENTIFIER_RULE: &str = "shared-identifier";
/// How many times a Track transaction is attempted under contention.
pub const MAX_ATTEMPTS: usize = 3;

/// What Track did.
#[derive(Clone, Debug, PartialEq)]
pub struct Tracked {
    /// The (first) resolution of the event.
    pub outcome: Outcome,
    /// True when the event id had been accepted before and nothing changed.
    pub duplicate: bool,
}

/// Who asked and when: recorded on merges and event rows.
#[derive(Clone, Debug)]
pub struct TrackContext<'a> {
    /// Workspace.
    pub workspace: &'a str,
    /// API key id of the caller (the merge actor).
    pub actor: &'a str,
    /// Receive time (unix ms).
    pub now_ms: i64,
    /// Until when the caller owns the event's outbox work.
    pub lease_until_ms: i64,
}

/// Resolves and stores one event; idempotent by `event.event_id`.
pub async fn track(
    db: &Db,
    ctx: &TrackContext<'_>,
    event: &TrackedEvent,
) -> Result<Tracked, Error> {
    // Cheap path for retries: no transaction, no write lock.
    if let Some(outcome) = store::event_outcome(db, ctx.workspace, &event.event_id).await? {
        return Ok(Tracked {
            outcome,
            duplicate: true,
        });
    }
    let mut attempt = 1;
    loop {
        let txn = db.begin().await?;
        match resolve_in(&txn, ctx, event).await {
            Ok(Some(outcome)) => {
                txn.commit().await?;
                return Ok(Tracked {
                    outcome,
                    duplicate: false,
                });
            }
            Ok(None) => {
                txn.rollback().await?;
                let outcome = store::event_outcome(db, ctx.workspace, &event.event_id)
                    .await?
                    .ok_or(Error::Contention)?;
                return Ok(Tracked {
                    outcome,
                    duplicate: true,
                });
            }
            Err(e) => {
                if let Err(rb) = txn.rollback().await {
                    tracing::warn!(error = %rb, "rollback failed");
                }
                if !e.is_retryable() || attempt >= MAX_ATTEMPTS {
                    return Err(e);
                }
                tracing::debug!(error = %e, attempt, event_id = %event.event_id, "retrying Track transaction");
                attempt += 1;
            }
        }
    }
}

/// One attempt; `None` when the event id is already taken (a duplicate).
async fn resolve_in(
    txn: &DatabaseTransaction,
    ctx: &TrackContext<'_>,
    event: &TrackedEvent,
) -> Result<Option<Outcome>, Error> {
    let ws = ctx.workspace;
    if !store::claim_event(txn, ws, event, ctx.now_ms, ctx.lease_until_ms).await? {
        return Ok(None);
    }

    let mut matches: Vec<(Identifier, Option<CustomerId>)> =
        Vec::with_capacity(event.identifiers.len());
    for id in &event.identifiers {
        matches.push((id.clone(), store::lookup_identifier(txn, ws, id).await?));
    }
    let candidates: BTreeSet<CustomerId> = matches.iter().filter_map(|(_, c)| c.clone()).collect();
    // Lock in a fixed order so concurrent merges cannot deadlock.
    for c in &candidates {
        if !store::lock_customer(txn, ws, c, ctx.now_ms).await? {
            return Err(Error::Contention);
        }
    }

    let event_user_id = event
        .identifiers
        .iter()
        .find(|i| i.kind == IdentifierKind::UserId);
    let mut user_ids: BTreeSet<String> = event_user_id.iter().map(|i| i.value.clone()).collect();
    let mut by_age: Vec<(i64, CustomerId)> = Vec::with_capacity(candidates.len());
    for c in &candidates {
        user_ids.extend(store::user_ids_of(txn, ws, c).await?);
        let create_ms = store::customer_create_ms(txn, ws, c)
            .await?
            .ok_or(Error::Contention)?;
        by_age.push((create_ms, c.clone()));
    }
    by_age.sort();
    let conflict = user_ids.len() > 1;

    let mut created = false;
    let mut merged: Vec<CustomerId> = Vec::new();
    let target = if conflict {
        conflict_target(&matches, event_user_id)
    } else {
        let mut oldest_first = by_age.into_iter().map(|(_, c)| c);
        let survivor = oldest_first.next();
        merged.extend(oldest_first);
        survivor
    };
    let target = match target {
        Some(t) => t,
        None => {
            let fresh = CustomerId::generate();
            store::insert_customer(txn, ws, &fresh, ctx.now_ms).await?;
            created = true;
            fresh
        }
    };

    let mut aliased = Vec::new();
    for m in &merged {
        let earlier = store::merge_customer(txn, ws, &target, m, ctx.now_ms).await?;
        let linking: Vec<Identifier> = matches
            .iter()
            .filter(|(_, c)| c.as_ref() == Some(m) || c.as_ref() == Some(&target))
            .map(|(i, _)| i.clone())
            .collect();
        store::insert_merge(
            txn,
            ws,
            &MergeRecord {
                merge_id: MergeId::generate().into_inner(),
                customer_id: target.clone(),
                merged_customer_id: m.clone(),
                rule: SHARED_IDENTIFIER_RULE.to_owned(),
                event_id: event.event_id.clone(),
                identifiers: linking,
                create_ms: ctx.now_ms,
                actor: ctx.actor.to_owned(),
            },
        )
        .await?;
        aliased.push(m.clone());
        aliased.extend(earlier);
    }

    if conflict {
        let others: Vec<CustomerId> = candidates
            .iter()
            .filter(|c| **c != target)
            .cloned()
            .collect();
        store::insert_conflict(
            txn,
            ws,
            &ConflictRecord {
                conflict_id: ConflictId::generate().into_inner(),
                event_id: event.event_id.clone(),
                customer_id: target.clone(),
                other_customer_ids: others,
                identifiers: event.identifiers.clone(),
                reason: format!(
                    "merge would give one customer several user_ids ({})",
                    user_ids.into_iter().collect::<Vec<_>>().join(", ")
                ),
                create_ms: ctx.now_ms,
            },
        )
        .await?;
    }

    let mut profile_identifiers = Vec::with_capacity(matches.len());
    for (id, owner) in &matches {
        match owner {
            None => {
                store::insert_identifier(txn, ws, &target, id, &event.event_id, ctx.now_ms).await?;
                profile_identifiers.push(id.clone());
            }
            Some(owner) if *owner == target || merged.contains(owner) => {
                profile_identifiers.push(id.clone())
            }
            Some(_) => {}
        }
    }

    let outcome = Outcome {
        customer_id: target,
        created,
        merged_customer_ids: merged,
        aliased_customer_ids: aliased,
        profile_identifiers,
        conflict,
    };
    store::finish_event(txn, ws, &event.event_id, &outcome).await?;
    Ok(Some(outcome))
}

/// Where an event goes when merging is not allowed: the customer of its highest-priority
/// identifier; `None` (a new customer) when that is a user_id not seen before.
fn conflict_target(
    matches: &[(Identifier, Option<CustomerId>)],
    event_user_id: Option<&Identifier>,
) -> Option<CustomerId> {
    if let Some(uid) = event_user_id {
        return matches
            .iter()
            .find(|(i, _)| i == uid)
            .and_then(|(_, c)| c.clone());
    }
    matches
        .iter()
        .filter_map(|(i, c)| c.as_ref().map(|c| (i.kind.priority(), c)))
        .min_by_key(|(p, _)| *p)
        .map(|(_, c)| c.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(kind: IdentifierKind, v: &str) -> Identifier {
        Identifier {
            kind,
            value: v.into(),
        }
    }

    #[test]
    fn conflict_target_prefers_the_strongest_identifier() {
        let a = CustomerId::new("c_a");
        let b = CustomerId::new("c_b");
        let matches = vec![
            (id(IdentifierKind::AnonymousId, "anon"), Some(a.clone())),
            (id(IdentifierKind::Email, "x@example.com"), Some(b.clone())),
        ];
        assert_eq!(conflict_target(&matches, None), Some(b.clone()));

        let uid = id(IdentifierKind::UserId, "u2");
        let mut with_new_uid = matches.clone();
        with_new_uid.push((uid.clone(), None));
        assert_eq!(
            conflict_target(&with_new_uid, Some(&uid)),
            None,
            "a new user_id starts a new customer"
        );

        let mut with_known_uid = matches;
        with_known_uid.push((uid.clone(), Some(a.clone())));
        assert_eq!(conflict_target(&with_known_uid, Some(&uid)), Some(a));
    }
}
