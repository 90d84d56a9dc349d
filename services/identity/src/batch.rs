//! The TrackBatch fast path: a batch resolved in one SQL transaction with a handful of
//! statements for the common events, and `resolve`'s per-event path for the rest.
//!
//! One query finds which event ids were accepted before, one finds the customer of
//! every identifier of the batch, and one per concern reads (and on Postgres locks, in
//! id order) those customers: live or merged, identifiers held per type, merges. Then
//! the events are classified in arrival order against that picture, kept up to date as
//! the batch goes:
//! - **known**: every identifier is known and points at one live customer that keeps
//!   every limit, and nothing is new: the event goes to that customer (what
//!   `resolve::resolve_in` decides in that case, without writing anything but the
//!   event row and the customer's `update_ms`);
//! - **new**: no identifier is known and together they keep the limits: a new
//!   customer holding all of them (its identifiers are then known to later events);
//! - **duplicate**: the event id was accepted before, or earlier in the batch;
//! - **slow**: anything else (new identifiers for a known customer, merges, conflicts,
//!   a customer over a limit), and every later event touching an identifier or a
//!   customer a slow event touched. Slow events run `resolve_in` in the same
//!   transaction, in arrival order: the known/new events before one are written first
//!   (multi-row inserts), so each slow event sees exactly what one-by-one Track would.
//!
//! Known and new events change nothing that resolution reads except the identifiers
//! and customers they create, so the result equals tracking the events one by one.
//! Anything failing in the transaction makes `resolve::track_many` fall back to
//! per-event Track, as before.

use std::collections::{BTreeSet, HashMap, HashSet};

use omni_common::ids::CustomerId;
use omni_storage::Db;
use sea_orm::{ConnectionTrait as _, DatabaseBackend, DatabaseTransaction, TransactionTrait};

use crate::Error;
use crate::batch_store::{self as bulk, Held, NewIdentifier};
use crate::event::{Outcome, TrackedEvent};
use crate::normalise::Identifier;
use crate::resolve::{Holdings, TrackContext, Tracked, resolve_in};
use crate::rules::Rules;
use crate::store;

/// How one event of a batch is handled.
enum Plan {
    /// Resolved here; written with the next flush.
    Fast(Outcome),
    /// Resolved by `resolve_in`: `None` when it turned out to be a duplicate.
    Resolved(Option<Outcome>),
    /// Accepted before (or earlier in this batch): its stored outcome is returned.
    Duplicate,
}

/// Known/new events not yet written.
#[derive(Default)]
struct Pending<'e> {
    customers: Vec<CustomerId>,
    identifiers: Vec<NewIdentifier<'e>>,
    events: Vec<(&'e TrackedEvent, Outcome)>,
    touched: BTreeSet<CustomerId>,
}

impl Pending<'_> {
    fn is_empty(&self) -> bool {
        self.customers.is_empty() && self.events.is_empty() && self.touched.is_empty()
    }

    /// Writes everything pending with one statement per table.
    async fn flush(
        &mut self,
        txn: &DatabaseTransaction,
        ctx: &TrackContext<'_>,
    ) -> Result<(), Error> {
        let ws = ctx.workspace;
        if !self.customers.is_empty() {
            bulk::insert_customers(txn, ws, &self.customers, ctx.now_ms).await?;
        }
        if !self.identifiers.is_empty() {
            bulk::insert_identifiers(txn, ctx.crypto, ws, &self.identifiers, ctx.now_ms).await?;
        }
        if !self.touched.is_empty() {
            bulk::touch_customers(txn, ws, &self.touched, ctx.now_ms).await?;
        }
        if !self.events.is_empty() {
            let rows: Vec<(&TrackedEvent, &Outcome)> =
                self.events.iter().map(|(e, o)| (*e, o)).collect();
            bulk::insert_events(txn, ctx.crypto, ws, &rows, ctx.now_ms, ctx.lease_until_ms).await?;
        }
        self.customers.clear();
        self.identifiers.clear();
        self.events.clear();
        self.touched.clear();
        Ok(())
    }
}

/// True when a customer holding `held` keeps every limit of `rules` (the count form of
/// [`Holdings::violation`] with no new merge).
pub fn within_limits(rules: &Rules, held: &Held) -> bool {
    for t in &rules.types {
        let n = held.per_type.get(t.name.as_str()).copied().unwrap_or(0);
        if t.max_per_profile > 0 && n > t.max_per_profile as usize {
            return false;
        }
    }
    held.total <= rules.max_identifiers_per_profile as usize
        && held.merges <= u64::from(rules.max_merges_per_profile)
}

/// How the events of a batch were handled (for logs and tests).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paths {
    /// Events of known customers, written in bulk.
    pub known: usize,
    /// Events starting a new customer, written in bulk.
    pub new: usize,
    /// Events resolved one by one (`resolve_in`).
    pub slow: usize,
    /// Event ids accepted before or earlier in the batch.
    pub duplicate: usize,
}

/// Resolves `events` in one transaction (see the module docs). Any error abandons the
/// transaction; the caller then tracks the events one by one.
pub async fn track_many_in_one(
    db: &Db,
    ctx: &TrackContext<'_>,
    events: &[&TrackedEvent],
) -> Result<Vec<Result<Tracked, Error>>, Error> {
    let (out, paths) = track_many_counted(db, ctx, events).await?;
    tracing::debug!(?paths, "batch resolved");
    Ok(out)
}

/// [`track_many_in_one`], also saying which path each event took.
pub async fn track_many_counted(
    db: &Db,
    ctx: &TrackContext<'_>,
    events: &[&TrackedEvent],
) -> Result<(Vec<Result<Tracked, Error>>, Paths), Error> {
    let ws = ctx.workspace;
    let txn = db.begin().await?;
    let pg = txn.get_database_backend() == DatabaseBackend::Postgres;
    if !pg {
        // Take SQLite's write lock before reading anything.
        store::begin_write(&txn).await?;
    }
    let event_ids: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
    let accepted_before = bulk::existing_events(&txn, ws, &event_ids).await?;
    let all_ids: BTreeSet<&Identifier> = events.iter().flat_map(|e| &e.identifiers).collect();
    let mut owner = bulk::lookup_identifiers(&txn, ctx.crypto, ws, &all_ids).await?;
    let known: BTreeSet<CustomerId> = owner.values().cloned().collect();
    let mut held = bulk::holdings(&txn, ws, &known).await?;
    if pg && !known.is_empty() {
        // Read again under the row locks: an identifier that moved between the first
        // read and the locks (a concurrent merge or unmerge) would be misplaced.
        let again = bulk::lookup_identifiers(&txn, ctx.crypto, ws, &all_ids).await?;
        if again != owner {
            return Err(Error::Contention);
        }
    }

    let mut plans: Vec<Plan> = Vec::with_capacity(events.len());
    let mut seen: HashSet<&str> = HashSet::with_capacity(events.len());
    let mut tainted_ids: HashSet<&Identifier> = HashSet::new();
    let mut tainted_customers: HashSet<CustomerId> = HashSet::new();
    let mut pending = Pending::default();
    let mut paths = Paths::default();
    for event in events {
        if accepted_before.contains(&event.event_id) || !seen.insert(&event.event_id) {
            paths.duplicate += 1;
            plans.push(Plan::Duplicate);
            continue;
        }
        let touches_slow = event.identifiers.iter().any(|id| {
            tainted_ids.contains(id) || owner.get(id).is_some_and(|c| tainted_customers.contains(c))
        });
        let fast = if touches_slow {
            None
        } else {
            classify(ctx.rules, event, &mut owner, &mut held, &mut pending)
        };
        match fast {
            Some(outcome) => {
                if outcome.created {
                    paths.new += 1;
                } else {
                    paths.known += 1;
                }
                pending.events.push((event, outcome.clone()));
                plans.push(Plan::Fast(outcome));
            }
            None => {
                paths.slow += 1;
                if !pending.is_empty() {
                    pending.flush(&txn, ctx).await?;
                }
                for id in &event.identifiers {
                    tainted_ids.insert(id);
                    if let Some(c) = owner.get(id) {
                        tainted_customers.insert(c.clone());
                    }
                }
                let outcome = resolve_in(&txn, ctx, event).await?;
                if let Some(o) = &outcome {
                    tainted_customers.insert(o.customer_id.clone());
                    tainted_customers.extend(o.aliased_customer_ids.iter().cloned());
                }
                plans.push(Plan::Resolved(outcome));
            }
        }
    }
    if !pending.is_empty() {
        pending.flush(&txn, ctx).await?;
    }
    txn.commit().await?;

    let mut out = Vec::with_capacity(events.len());
    for (event, plan) in events.iter().zip(plans) {
        out.push(match plan {
            Plan::Fast(outcome) | Plan::Resolved(Some(outcome)) => Ok(Tracked {
                outcome,
                duplicate: false,
            }),
            Plan::Resolved(None) | Plan::Duplicate => {
                store::event_outcome(db, ctx.crypto, ws, &event.event_id)
                    .await
                    .and_then(|o| o.ok_or(Error::Contention))
                    .map(|outcome| Tracked {
                        outcome,
                        duplicate: true,
                    })
            }
        });
    }
    Ok((out, paths))
}

/// The outcome of a known or new event (recording what it creates in `owner`, `held`
/// and `pending`), or `None` when it needs the per-event path.
fn classify<'e>(
    rules: &Rules,
    event: &'e TrackedEvent,
    owner: &mut HashMap<Identifier, CustomerId>,
    held: &mut HashMap<CustomerId, Held>,
    pending: &mut Pending<'e>,
) -> Option<Outcome> {
    let first = event.identifiers.first()?;
    let customer = match owner.get(first) {
        Some(c) => {
            if !event.identifiers.iter().all(|id| owner.get(id) == Some(c)) {
                return None;
            }
            let h = held.get(c)?;
            if !h.live || !within_limits(rules, h) {
                return None;
            }
            pending.touched.insert(c.clone());
            c.clone()
        }
        None => {
            if event.identifiers.iter().any(|id| owner.contains_key(id)) {
                return None;
            }
            let together = Holdings {
                identifiers: event.identifiers.iter().cloned().collect(),
                merges: 0,
            };
            if together.violation(rules, 0).is_some() {
                return None;
            }
            let fresh = CustomerId::generate();
            let mut h = Held {
                live: true,
                ..Held::default()
            };
            for id in &event.identifiers {
                owner.insert(id.clone(), fresh.clone());
                *h.per_type.entry(id.kind.as_str().to_owned()).or_default() += 1;
                h.total += 1;
                pending.identifiers.push(NewIdentifier {
                    customer: fresh.clone(),
                    id,
                    event_id: &event.event_id,
                });
            }
            held.insert(fresh.clone(), h);
            pending.customers.push(fresh.clone());
            return Some(Outcome {
                customer_id: fresh,
                created: true,
                merged_customer_ids: Vec::new(),
                aliased_customer_ids: Vec::new(),
                profile_identifiers: event.identifiers.clone(),
                conflict: false,
                conflict_id: None,
                ignored_identifiers: event.blocked_identifiers.clone(),
            });
        }
    };
    Some(Outcome {
        customer_id: customer,
        created: false,
        merged_customer_ids: Vec::new(),
        aliased_customer_ids: Vec::new(),
        profile_identifiers: event.identifiers.clone(),
        conflict: false,
        conflict_id: None,
        ignored_identifiers: event.blocked_identifiers.clone(),
    })
}
