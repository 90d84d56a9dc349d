//! Identity resolution: which customer an event belongs to, and which profiles it
//! merges. Everything happens in one SQL transaction, whose commit is the point at
//! which the event is accepted.
//!
//! Rules (the workspace's [`Rules`], see docs/identity.md):
//! - each normalised identifier is looked up in `identifiers` (blocked values were
//!   dropped before, in `convert`);
//! - no match: a new customer; one or more customers: they are merged into the oldest
//!   (`customers.create_ms`, ties by id) under the rule `shared-identifier` and the new
//!   identifiers attached, *if the result keeps every limit*: per-type maximum per
//!   profile, identifiers per profile, merges per profile, and no pair that was
//!   explicitly unmerged. Otherwise nothing is merged and a `conflicts` row names the
//!   broken rule;
//! - on a conflict the event goes to the customer of its highest-priority matched
//!   identifier, except that when the event's highest-priority identifier is new and
//!   of a one-per-profile type (a user_id by default) it starts a new customer: a
//!   different user_id is a different person. New identifiers are attached to the
//!   chosen customer while they fit its limits; the rest are ignored and listed on
//!   the conflict.
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
use crate::crypto::IdCrypto;
use crate::event::{Outcome, TrackedEvent};
use crate::normalise::Identifier;
use crate::rules::Rules;
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
    /// The keys protecting email and phone identifiers in SQL.
    pub crypto: &'a IdCrypto,
    /// API key id of the caller (the merge actor).
    pub actor: &'a str,
    /// Receive time (unix ms).
    pub now_ms: i64,
    /// Until when the caller owns the event's outbox work.
    pub lease_until_ms: i64,
    /// The workspace's identity rules.
    pub rules: &'a Rules,
}

/// Resolves and stores one event; idempotent by `event.event_id`.
pub async fn track(
    db: &Db,
    ctx: &TrackContext<'_>,
    event: &TrackedEvent,
) -> Result<Tracked, Error> {
    // Cheap path for retries: no transaction, no write lock.
    if let Some(outcome) =
        store::event_outcome(db, ctx.crypto, ctx.workspace, &event.event_id).await?
    {
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
                let outcome = store::event_outcome(db, ctx.crypto, ctx.workspace, &event.event_id)
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

/// Resolves and stores a batch of events in one SQL transaction, in order; idempotent
/// by event id like [`track`]. One commit for the whole batch, and multi-row
/// statements for the events that need no merge decision (`crate::batch`), are what
/// make `TrackBatch` fast.
///
/// On Postgres, the customers the batch's identifiers already point at are row-locked
/// up front in id order, so two concurrent batches rarely deadlock on them. If anything
/// in the batch transaction fails (an event's error, a deadlock over new identifiers
/// with another batch, the commit), it is rolled back and each event is tracked on its
/// own with [`track`] instead: the same answers, per event, as one-by-one Track.
pub async fn track_many(
    db: &Db,
    ctx: &TrackContext<'_>,
    events: &[&TrackedEvent],
) -> Vec<Result<Tracked, Error>> {
    match crate::batch::track_many_in_one(db, ctx, events).await {
        Ok(results) => results,
        Err(e) => {
            tracing::debug!(error = %e, events = events.len(), "batch transaction failed; tracking one by one");
            let mut out = Vec::with_capacity(events.len());
            for event in events {
                out.push(track(db, ctx, event).await);
            }
            out
        }
    }
}

/// A limit a merge or an attachment would break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Rule name, e.g. `max_per_profile:user_id`.
    pub rule: String,
    /// A sentence explaining it.
    pub reason: String,
}

/// What the customers `members` would hold once merged (plus `extra` new identifiers).
#[derive(Clone, Debug, Default)]
pub struct Holdings {
    /// Identifiers held.
    pub identifiers: BTreeSet<Identifier>,
    /// Merges already made into these customers.
    pub merges: u64,
}

impl Holdings {
    /// Loads what `customers` hold now.
    pub async fn load(
        conn: &impl sea_orm::ConnectionTrait,
        crypto: &IdCrypto,
        ws: &str,
        customers: &[CustomerId],
    ) -> Result<Self, Error> {
        let mut h = Self::default();
        for c in customers {
            h.identifiers
                .extend(store::identifiers_of(conn, crypto, ws, c).await?);
            h.merges += store::merge_count(conn, ws, c).await?;
        }
        Ok(h)
    }

    /// The first limit broken by holding `identifiers` after `new_merges` more merges.
    pub fn violation(&self, rules: &Rules, new_merges: u64) -> Option<Violation> {
        let mut per_type: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
        for i in &self.identifiers {
            per_type
                .entry(i.kind.as_str())
                .or_default()
                .push(i.value.as_str());
        }
        for t in &rules.types {
            let held = per_type.get(t.name.as_str()).map_or(0, Vec::len);
            if t.max_per_profile > 0 && held > t.max_per_profile as usize {
                let values = per_type
                    .get(t.name.as_str())
                    .map(|v| v.join(", "))
                    .unwrap_or_default();
                return Some(Violation {
                    rule: format!("max_per_profile:{}", t.name),
                    reason: format!(
                        "one profile would hold {held} {} identifiers ({values}); the limit is {}",
                        t.name, t.max_per_profile
                    ),
                });
            }
        }
        let total = self.identifiers.len();
        if total > rules.max_identifiers_per_profile as usize {
            return Some(Violation {
                rule: "max_identifiers_per_profile".into(),
                reason: format!(
                    "one profile would hold {total} identifiers; the guardrail is {}",
                    rules.max_identifiers_per_profile
                ),
            });
        }
        let merges = self.merges + new_merges;
        if merges > u64::from(rules.max_merges_per_profile) {
            return Some(Violation {
                rule: "max_merges_per_profile".into(),
                reason: format!(
                    "one profile would result from {merges} merges; the guardrail is {}",
                    rules.max_merges_per_profile
                ),
            });
        }
        None
    }
}

/// The rule `unmerged`, when two of `customers` were explicitly separated by Unmerge.
pub async fn separation_violation(
    conn: &impl sea_orm::ConnectionTrait,
    ws: &str,
    customers: &[CustomerId],
) -> Result<Option<Violation>, Error> {
    if customers.len() < 2 {
        return Ok(None);
    }
    let pairs = store::separations_among(conn, ws, customers).await?;
    Ok(pairs.into_iter().next().map(|(a, b)| Violation {
        rule: "unmerged".into(),
        reason: format!("{a} and {b} were unmerged; only MergeCustomers may join them again"),
    }))
}

/// One attempt; `None` when the event id is already taken (a duplicate).
pub(crate) async fn resolve_in(
    txn: &DatabaseTransaction,
    ctx: &TrackContext<'_>,
    event: &TrackedEvent,
) -> Result<Option<Outcome>, Error> {
    let ws = ctx.workspace;
    let rules = ctx.rules;
    if !store::claim_event(txn, ctx.crypto, ws, event, ctx.now_ms, ctx.lease_until_ms).await? {
        return Ok(None);
    }

    let mut matches: Vec<(Identifier, Option<CustomerId>)> =
        Vec::with_capacity(event.identifiers.len());
    for id in &event.identifiers {
        matches.push((
            id.clone(),
            store::lookup_identifier(txn, ctx.crypto, ws, id).await?,
        ));
    }
    let candidates: BTreeSet<CustomerId> = matches.iter().filter_map(|(_, c)| c.clone()).collect();
    // Lock in a fixed order so concurrent merges cannot deadlock.
    for c in &candidates {
        if !store::lock_customer(txn, ws, c, ctx.now_ms).await? {
            return Err(Error::Contention);
        }
    }
    let mut by_age: Vec<(i64, CustomerId)> = Vec::with_capacity(candidates.len());
    for c in &candidates {
        let create_ms = store::customer_create_ms(txn, ws, c)
            .await?
            .ok_or(Error::Contention)?;
        by_age.push((create_ms, c.clone()));
    }
    by_age.sort();
    let all: Vec<CustomerId> = by_age.iter().map(|(_, c)| c.clone()).collect();
    let fresh_ids: Vec<Identifier> = matches
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(i, _)| i.clone())
        .collect();

    let mut together = Holdings::load(txn, ctx.crypto, ws, &all).await?;
    together.identifiers.extend(fresh_ids.iter().cloned());
    let new_merges = all.len().saturating_sub(1) as u64;
    let violation = match together.violation(rules, new_merges) {
        Some(v) => Some(v),
        None => separation_violation(txn, ws, &all).await?,
    };

    let mut created = false;
    let mut merged: Vec<CustomerId> = Vec::new();
    let target = match &violation {
        None => {
            let mut oldest_first = all.iter().cloned();
            let survivor = oldest_first.next();
            merged.extend(oldest_first);
            survivor
        }
        Some(_) => conflict_target(&matches, rules),
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
            ctx.crypto,
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
                reason: String::new(),
                unmerge_ms: None,
                unmerge_actor: String::new(),
            },
        )
        .await?;
        aliased.push(m.clone());
        aliased.extend(earlier);
    }

    // Attach new identifiers: all of them after a merge (the check above covered
    // them); on a conflict, in priority order while they fit the target's limits.
    let mut attach: Vec<Identifier> = Vec::new();
    let mut ignored: Vec<Identifier> = Vec::new();
    if violation.is_none() {
        attach = fresh_ids;
    } else {
        let mut held = Holdings::load(txn, ctx.crypto, ws, std::slice::from_ref(&target)).await?;
        let mut ordered = fresh_ids;
        ordered.sort_by_key(|i| rules.priority(i.kind.as_str()));
        for id in ordered {
            held.identifiers.insert(id.clone());
            if held.violation(rules, 0).is_some() {
                held.identifiers.remove(&id);
                ignored.push(id);
            } else {
                attach.push(id);
            }
        }
    }
    for id in &attach {
        store::insert_identifier(
            txn,
            ctx.crypto,
            ws,
            &target,
            id,
            &event.event_id,
            ctx.now_ms,
        )
        .await?;
    }

    let mut conflict_id = None;
    if let Some(v) = &violation {
        let others: Vec<CustomerId> = candidates
            .iter()
            .filter(|c| **c != target)
            .cloned()
            .collect();
        let id = ConflictId::generate().into_inner();
        store::insert_conflict(
            txn,
            ctx.crypto,
            ws,
            &ConflictRecord {
                conflict_id: id.clone(),
                event_id: event.event_id.clone(),
                customer_id: target.clone(),
                other_customer_ids: others,
                identifiers: event.identifiers.clone(),
                rule: v.rule.clone(),
                reason: v.reason.clone(),
                ignored_identifiers: ignored.clone(),
                create_ms: ctx.now_ms,
            },
        )
        .await?;
        conflict_id = Some(id);
    }

    let profile_identifiers: Vec<Identifier> = matches
        .iter()
        .filter(|(id, owner)| match owner {
            None => attach.contains(id),
            Some(owner) => *owner == target || merged.contains(owner),
        })
        .map(|(id, _)| id.clone())
        .collect();
    ignored.extend(event.blocked_identifiers.iter().cloned());

    let outcome = Outcome {
        customer_id: target,
        created,
        merged_customer_ids: merged,
        aliased_customer_ids: aliased,
        profile_identifiers,
        conflict: violation.is_some(),
        conflict_id,
        ignored_identifiers: ignored,
    };
    store::finish_event(txn, ctx.crypto, ws, &event.event_id, &outcome).await?;
    Ok(Some(outcome))
}

/// Where an event goes when merging is not allowed (see the module docs); `None`
/// means a new customer.
fn conflict_target(
    matches: &[(Identifier, Option<CustomerId>)],
    rules: &Rules,
) -> Option<CustomerId> {
    let by_priority = |(i, _): &&(Identifier, Option<CustomerId>)| rules.priority(i.kind.as_str());
    let top = matches.iter().min_by_key(by_priority)?;
    if let Some(owner) = &top.1 {
        return Some(owner.clone());
    }
    if rules.max_per_profile(top.0.kind.as_str()) == 1 {
        return None;
    }
    matches
        .iter()
        .filter(|(_, c)| c.is_some())
        .min_by_key(by_priority)
        .and_then(|(_, c)| c.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(kind: &str, v: &str) -> Identifier {
        Identifier::new(kind, v)
    }

    #[test]
    fn conflict_target_prefers_the_strongest_identifier() {
        let rules = Rules::default();
        let a = CustomerId::new("c_a");
        let b = CustomerId::new("c_b");
        let matches = vec![
            (id("anonymous_id", "anon"), Some(a.clone())),
            (id("email", "x@example.com"), Some(b.clone())),
        ];
        assert_eq!(conflict_target(&matches, &rules), Some(b.clone()));

        let uid = id("user_id", "u2");
        let mut with_new_uid = matches.clone();
        with_new_uid.push((uid.clone(), None));
        assert_eq!(
            conflict_target(&with_new_uid, &rules),
            None,
            "a new user_id starts a new customer"
        );

        let mut with_known_uid = matches.clone();
        with_known_uid.push((uid, Some(a.clone())));
        assert_eq!(conflict_target(&with_known_uid, &rules), Some(a.clone()));

        let mut with_new_email = vec![(id("email", "new@example.com"), None)];
        with_new_email.push((id("anonymous_id", "anon"), Some(a.clone())));
        assert_eq!(
            conflict_target(&with_new_email, &rules),
            Some(a),
            "a new email (several allowed) goes with the best match"
        );
    }

    #[test]
    fn holdings_report_the_broken_limit() {
        let rules = Rules::default();
        let mut h = Holdings::default();
        h.identifiers.insert(id("user_id", "u1"));
        h.identifiers.insert(id("email", "a@example.com"));
        assert_eq!(h.violation(&rules, 0), None);
        h.identifiers.insert(id("user_id", "u2"));
        let v = h.violation(&rules, 0).expect("two user_ids");
        assert_eq!(v.rule, "max_per_profile:user_id");
        assert!(v.reason.contains("u1, u2"), "{}", v.reason);
        h.identifiers.remove(&id("user_id", "u2"));
        for n in 0..60 {
            h.identifiers.insert(id("anonymous_id", &format!("a{n}")));
        }
        assert_eq!(
            h.violation(&rules, 0).map(|v| v.rule),
            Some("max_identifiers_per_profile".into())
        );
        let h = Holdings {
            merges: 100,
            ..Holdings::default()
        };
        assert_eq!(h.violation(&rules, 0), None);
        assert_eq!(
            h.violation(&rules, 1).map(|v| v.rule),
            Some("max_merges_per_profile".into())
        );
    }
}
