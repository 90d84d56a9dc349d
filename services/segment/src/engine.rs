//! The evaluation engine: for one customer, counts an event into the computed traits,
//! recomputes their values, re-evaluates the segments whose inputs changed (in
//! dependency order, so a segment reading another sees its new membership) and
//! applies the membership changes.
//!
//! Which segments are evaluated: those reading `now`; those reading `traits` when the
//! trigger changed traits; those reading `events` on an event; those reading a computed
//! trait whose value changed; those reading a segment whose membership just changed;
//! and any segment whose current version was never evaluated for the customer (a new
//! or edited segment catches up at the customer's next trigger). One customer is
//! evaluated by one task at a time in this process (striped locks), so a recompute and
//! the event stream never interleave their reads and writes for the same customer.
//!
//! Applying a change writes the segment's member set (and daily size), then the
//! customer's membership; only when that write changed something is the transition
//! appended to the changes stream and `MembershipChanged` published, so a redelivered
//! trigger publishes nothing twice.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use futures::future::try_join_all;
use omni_bus::{Bus, Topic};
use omni_common::clock::SharedClock;
use omni_common::convert::{struct_to_json, to_timestamp};
use omni_common::ids::WorkspaceId;
use omni_profile_store::{ProfileStore, StoredProfile};
use omni_proto::common::v1::{Event, MembershipChanged};
use omni_rules::{Evaluator, Expression, value};
use serde_json::Value;
use tokio::sync::Mutex;

use crate::builtins::Builtins;
use crate::catalog::{Catalog, WorkspaceCatalog};
use crate::computed::ComputedTrait;
use crate::error::Error;
use crate::segment::SegmentId;
use crate::state::{State, TraitUpdate, Transition};

/// Field of the evaluated-versions hash holding the fingerprint of the traits last
/// evaluated (segment ids never start with `~`).
const TRAITS_FINGERPRINT: &str = "~traits";

/// Prefix of the evaluated-versions hash fields holding the code of each built-in
/// last evaluated (`~b:lifecycle`, ...).
const BUILTIN_PREFIX: &str = "~b:";

/// Number of per-customer lock stripes (many, so that a batch recompute holding the
/// stripes of a page of customers rarely blocks an unrelated event).
const LOCK_STRIPES: usize = 16_384;

/// Why an evaluation runs (the codes are `MembershipChangeReason` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// An event arrived.
    Event = 1,
    /// A computed trait window expired (scheduled re-evaluation).
    WindowExpired = 2,
    /// A recompute (after an edit, or on request).
    Recompute = 3,
    /// The customer was merged into another.
    Merged = 4,
    /// The customer was erased.
    Erased = 5,
}

/// What triggers one evaluation.
#[derive(Clone, Copy, Debug)]
pub struct Trigger<'a> {
    /// Why.
    pub reason: Reason,
    /// The causing event (or erasure) id, if any.
    pub cause: &'a str,
    /// The event to count into computed traits, if any.
    pub event: Option<&'a Event>,
    /// Whether the customer's traits may have changed.
    pub traits_changed: bool,
    /// Evaluate every segment, whatever changed.
    pub all: bool,
    /// Evaluate this segment whatever changed.
    pub force: Option<&'a SegmentId>,
}

impl<'a> Trigger<'a> {
    /// A trigger for an arriving event.
    pub fn event(event: &'a Event, merged: bool) -> Self {
        Self {
            reason: Reason::Event,
            cause: &event.event_id,
            event: Some(event),
            traits_changed: merged || event.traits.as_ref().is_some_and(|t| !t.fields.is_empty()),
            all: merged,
            force: None,
        }
    }

    /// A trigger for a scheduled window expiry.
    pub fn window_expired() -> Self {
        Self {
            reason: Reason::WindowExpired,
            cause: "",
            event: None,
            traits_changed: false,
            all: false,
            force: None,
        }
    }

    /// A trigger for a recompute of `segment`.
    pub fn recompute(segment: &'a SegmentId) -> Self {
        Self {
            reason: Reason::Recompute,
            cause: "",
            event: None,
            traits_changed: false,
            all: false,
            force: Some(segment),
        }
    }
}

/// Membership changes made by one evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Segments entered.
    pub entered: Vec<String>,
    /// Segments exited.
    pub exited: Vec<String>,
}

/// Everything a segment expression is evaluated against, for one customer.
#[derive(Debug)]
pub struct Inputs {
    /// The live profile.
    pub profile: StoredProfile,
    /// Computed trait values by name (absent when a trait has none).
    pub computed: BTreeMap<String, Value>,
    /// When a computed window next expires, if one will.
    pub next_due_ms: Option<i64>,
    /// Current memberships: segment id -> entered at.
    pub memberships: BTreeMap<String, i64>,
}

/// One decided change.
struct Change {
    segment_id: String,
    version: i64,
    entered: bool,
}

/// Evaluates customers and applies membership changes.
pub struct Engine {
    catalog: Arc<Catalog>,
    profiles: ProfileStore,
    state: State,
    bus: Bus,
    evaluator: Evaluator,
    clock: SharedClock,
    locks: Vec<Mutex<()>>,
}

impl Engine {
    /// An engine over the shared catalog, profiles, state and bus.
    pub fn new(
        catalog: Arc<Catalog>,
        profiles: ProfileStore,
        state: State,
        bus: Bus,
        clock: SharedClock,
    ) -> Self {
        Self {
            catalog,
            profiles,
            state,
            bus,
            evaluator: Evaluator::new(),
            clock,
            locks: (0..LOCK_STRIPES).map(|_| Mutex::new(())).collect(),
        }
    }

    /// The shared catalog.
    pub fn catalog(&self) -> &Arc<Catalog> {
        &self.catalog
    }

    /// The segment service's Redis state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The live profile store.
    pub fn profiles(&self) -> &ProfileStore {
        &self.profiles
    }

    /// The clock.
    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    fn stripe(ws: &WorkspaceId, customer: &str) -> usize {
        let mut h = DefaultHasher::new();
        ws.as_str().hash(&mut h);
        customer.hash(&mut h);
        (h.finish() as usize) % LOCK_STRIPES
    }

    fn lock_for(&self, ws: &WorkspaceId, customer: &str) -> &Mutex<()> {
        &self.locks[Self::stripe(ws, customer)]
    }

    /// Takes, without waiting, the per-customer locks of as many of `customers` as
    /// are free, for a batch evaluation: returns the guards, the customers now locked
    /// (several may share a stripe), and those whose lock another task holds (to be
    /// evaluated one at a time with [`Engine::evaluate`], which waits). Never waiting
    /// while holding locks, batches cannot deadlock each other or the event path.
    pub fn try_lock_many(
        &self,
        ws: &WorkspaceId,
        customers: Vec<String>,
    ) -> (
        Vec<tokio::sync::MutexGuard<'_, ()>>,
        Vec<String>,
        Vec<String>,
    ) {
        let mut held = HashSet::new();
        let mut guards = Vec::new();
        let (mut locked, mut busy) = (Vec::with_capacity(customers.len()), Vec::new());
        for c in customers {
            let stripe = Self::stripe(ws, &c);
            if held.contains(&stripe) {
                locked.push(c);
                continue;
            }
            match self.locks[stripe].try_lock() {
                Ok(guard) => {
                    held.insert(stripe);
                    guards.push(guard);
                    locked.push(c);
                }
                Err(_) => busy.push(c),
            }
        }
        (guards, locked, busy)
    }

    /// Takes the per-customer locks of all of `customers`, waiting, each stripe once
    /// and in stripe order (so callers waiting this way never deadlock each other;
    /// [`Engine::try_lock_many`] and the event path never wait while holding a lock).
    pub async fn lock_all(
        &self,
        ws: &WorkspaceId,
        customers: &[String],
    ) -> Vec<tokio::sync::MutexGuard<'_, ()>> {
        let mut stripes: Vec<usize> = customers.iter().map(|c| Self::stripe(ws, c)).collect();
        stripes.sort_unstable();
        stripes.dedup();
        let mut guards = Vec::with_capacity(stripes.len());
        for s in stripes {
            guards.push(self.locks[s].lock().await);
        }
        guards
    }

    /// The event bus.
    pub fn bus(&self) -> &Bus {
        &self.bus
    }

    /// The CEL evaluator.
    pub fn evaluator(&self) -> &Evaluator {
        &self.evaluator
    }

    /// Evaluates `customer` (following merge aliases) for `trigger` and applies the
    /// changes. A customer without a profile is not evaluated.
    pub async fn evaluate(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        trigger: Trigger<'_>,
    ) -> Result<Outcome, Error> {
        let customer = self.profiles.resolve_alias(ws.as_str(), customer).await?;
        let _guard = self.lock_for(ws, &customer).lock().await;
        let memberships = self.profiles.memberships(ws.as_str(), &customer).await?;
        let catalog = self.catalog.compiled_with(ws, memberships.keys()).await?;
        let now_ms = self.clock.now_ms();
        let Some(profile) = self.profiles.get(ws.as_str(), &customer).await? else {
            tracing::debug!(workspace = %ws, customer, "no profile; nothing to evaluate");
            return Ok(Outcome::default());
        };
        if let Some(event) = trigger.event {
            self.record_event(ws, &customer, &catalog, event, now_ms)
                .await?;
        }
        let (computed, mut next_due_ms) = self
            .computed_values(ws, &customer, &catalog, now_ms)
            .await?;
        let builtins = if catalog.reads_builtins() {
            let b = self
                .builtins_of(ws, &customer, &catalog, profile.first_seen_ms, now_ms)
                .await?;
            if catalog.reads_builtin("lifecycle")
                && let Some(at) = b.stage_changes_ms
            {
                next_due_ms = Some(next_due_ms.map_or(at, |d| d.min(at)));
            }
            Some(b)
        } else {
            None
        };
        let inputs = Inputs {
            profile,
            computed,
            next_due_ms,
            memberships,
        };
        let old = self.profiles.computed(ws.as_str(), &customer).await?;
        let changed_computed = self
            .store_computed(ws, &customer, &old, &inputs.computed)
            .await?;
        if catalog.traits.iter().any(|t| t.def.window_ms > 0) || catalog.reads_builtin("lifecycle")
        {
            self.state
                .schedule(ws.as_str(), &customer, inputs.next_due_ms)
                .await?;
        }
        if trigger.event.is_some() {
            self.state.add_known(ws.as_str(), &customer).await?;
        }
        let versions = self.state.versions(ws.as_str(), &customer).await?;
        let mut evaluated_versions = Vec::new();
        // Traits may change without the event saying so (identify, merges): compare a
        // fingerprint of the traits last evaluated.
        let traits_fp = fingerprint(&inputs.profile.traits);
        let traits_changed =
            trigger.traits_changed || versions.get(TRAITS_FINGERPRINT) != Some(&traits_fp);
        if versions.get(TRAITS_FINGERPRINT) != Some(&traits_fp) {
            evaluated_versions.push((TRAITS_FINGERPRINT.to_owned(), traits_fp));
        }
        // Built-ins change with purchases and with time: compare each key's code with
        // the one last evaluated.
        let mut changed_builtins: HashSet<&str> = HashSet::new();
        if let Some(b) = &builtins {
            for (key, code) in b.codes() {
                let field = format!("{BUILTIN_PREFIX}{key}");
                if versions.get(&field) != Some(&code) {
                    changed_builtins.insert(key);
                    evaluated_versions.push((field, code));
                }
            }
        }

        let mut member: BTreeSet<String> = inputs.memberships.keys().cloned().collect();
        let base = [
            ("traits", value::from_json_map(&inputs.profile.traits)),
            ("events", value::counts(&inputs.profile.event_counts)),
            ("computed", computed_value(&inputs.computed)),
            ("now", value::timestamp_ms(now_ms)),
            ("builtins", builtins_value(builtins.as_ref())),
        ];
        let mut scope = self.scope(&base, &member)?;
        let mut changed_segments: HashSet<&str> = HashSet::new();
        let mut changes = Vec::new();
        for s in &catalog.segments {
            let id = s.segment.id.as_str();
            let stale = versions.get(id) != Some(&s.segment.version);
            let due = trigger.all
                || stale
                || trigger.force.is_some_and(|f| f == &s.segment.id)
                || s.deps.now
                || (s.deps.traits && traits_changed)
                || (s.deps.events && trigger.event.is_some())
                || s.deps.computed.iter().any(|n| changed_computed.contains(n))
                || s.deps
                    .builtins
                    .iter()
                    .any(|k| changed_builtins.contains(k.as_str()))
                || s.deps
                    .segments
                    .iter()
                    .any(|d| changed_segments.contains(d.as_str()));
            if !due {
                continue;
            }
            let is_member = scope.eval_bool(&s.expression).unwrap_or_else(|e| {
                // A rule that cannot be evaluated for this profile (e.g. a missing
                // trait) does not match.
                tracing::debug!(workspace = %ws, segment = %id, error = %e,
                    "segment not evaluable for customer; not a member");
                false
            });
            if stale {
                evaluated_versions.push((id.to_owned(), s.segment.version));
            }
            if is_member != member.contains(id) {
                if is_member {
                    member.insert(id.to_owned());
                } else {
                    member.remove(id);
                }
                changed_segments.insert(id);
                changes.push(Change {
                    segment_id: id.to_owned(),
                    version: s.segment.version,
                    entered: is_member,
                });
                if catalog
                    .segments
                    .iter()
                    .any(|o| o.deps.segments.contains(&s.segment.id))
                {
                    scope = self.scope(&base, &member)?;
                }
            }
        }
        drop(scope);
        let mut outcome = Outcome::default();
        self.apply(ws, &customer, changes, trigger, &mut outcome)
            .await?;
        self.state
            .set_versions(ws.as_str(), &customer, &evaluated_versions)
            .await?;
        Ok(outcome)
    }

    fn scope(
        &self,
        base: &[(&'static str, omni_rules::Value); 5],
        member: &BTreeSet<String>,
    ) -> Result<omni_rules::Scope<'_>, Error> {
        let mut vars: Vec<(&str, omni_rules::Value)> = base.to_vec();
        vars.push(("segments", value::string_list(member.iter().cloned())));
        self.evaluator
            .scope(&vars)
            .map_err(|e| Error::Corrupt(format!("profile cannot be bound for evaluation: {e}")))
    }

    /// Reads what segment expressions see for `customer` at `now_ms`: the profile, the
    /// computed trait values (folded from their buckets) and the memberships.
    pub async fn inputs(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        catalog: &WorkspaceCatalog,
        now_ms: i64,
        memberships: BTreeMap<String, i64>,
    ) -> Result<Option<Inputs>, Error> {
        let Some(profile) = self.profiles.get(ws.as_str(), customer).await? else {
            return Ok(None);
        };
        let (computed, next_due_ms) = self.computed_values(ws, customer, catalog, now_ms).await?;
        Ok(Some(Inputs {
            profile,
            computed,
            next_due_ms,
            memberships,
        }))
    }

    /// The built-ins of exactly `customer` (no alias following) at `now_ms`, given
    /// when the customer was first seen.
    pub async fn builtins_of(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        catalog: &WorkspaceCatalog,
        first_seen_ms: i64,
        now_ms: i64,
    ) -> Result<Builtins, Error> {
        let summary = self
            .profiles
            .purchase_summaries(ws.as_str(), &[customer.to_owned()])
            .await?
            .pop()
            .unwrap_or_default();
        Ok(Builtins::of(
            &catalog.settings,
            catalog.rfm.as_ref(),
            summary,
            first_seen_ms,
            now_ms,
        ))
    }

    /// The customer's computed trait values at `now_ms`, and when one next expires.
    pub async fn computed_values(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        catalog: &WorkspaceCatalog,
        now_ms: i64,
    ) -> Result<(BTreeMap<String, Value>, Option<i64>), Error> {
        let defs: Vec<&ComputedTrait> = catalog.traits.iter().map(|t| &t.def).collect();
        let states = self.state.read_traits(ws.as_str(), customer, &defs).await?;
        let mut values = BTreeMap::new();
        let mut next_due: Option<i64> = None;
        for (def, buckets) in defs.iter().zip(&states) {
            let evaluated = def.evaluate(buckets, now_ms);
            if let Some(v) = evaluated.value {
                values.insert(def.name.clone(), v);
            }
            if let Some(at) = evaluated.next_change_ms {
                next_due = Some(next_due.map_or(at, |d| d.min(at)));
            }
        }
        Ok((values, next_due))
    }

    /// Counts `event` into every computed trait it matches (once per event id).
    async fn record_event(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        catalog: &WorkspaceCatalog,
        event: &Event,
        now_ms: i64,
    ) -> Result<(), Error> {
        if catalog.traits.is_empty() {
            return Ok(());
        }
        let time_ms = event
            .time
            .as_ref()
            .map_or(now_ms, omni_common::convert::from_timestamp);
        let properties = event
            .properties
            .as_ref()
            .map(struct_to_json)
            .unwrap_or_default();
        let mut filter_scope = None;
        let mut updates = Vec::new();
        for t in &catalog.traits {
            let def = &t.def;
            if def
                .event_type
                .as_deref()
                .is_some_and(|ty| ty != event.r#type)
            {
                continue;
            }
            let bucket = def.bucket_of(time_ms);
            if !def.live(bucket, now_ms) {
                continue;
            }
            if let Some(filter) = &t.filter {
                if filter_scope.is_none() {
                    filter_scope = Some(
                        self.evaluator
                            .scope(&[
                                ("properties", value::from_json_map(&properties)),
                                (
                                    "event_type",
                                    value::from_json(&Value::from(event.r#type.as_str())),
                                ),
                            ])
                            .map_err(|e| Error::Corrupt(format!("event properties: {e}")))?,
                    );
                }
                if !passes(filter_scope.as_ref(), filter) {
                    continue;
                }
            }
            let (mut number, mut json) = (None, None);
            if def.aggregation.needs_property() {
                let Some(v) = def.property_of(&properties) else {
                    continue;
                };
                if def.aggregation.numeric() {
                    let Some(n) = v.as_f64() else { continue };
                    number = Some(n);
                } else {
                    json =
                        Some(serde_json::to_string(v).map_err(|e| Error::Corrupt(e.to_string()))?);
                }
            }
            updates.push(TraitUpdate {
                def,
                bucket,
                prune_before: def.prune_before(now_ms),
                number,
                json,
            });
        }
        let counted = self
            .state
            .record_event(ws.as_str(), customer, &event.event_id, time_ms, &updates)
            .await?;
        if !counted && !updates.is_empty() {
            tracing::debug!(workspace = %ws, customer, event = %event.event_id,
                "event already counted into computed traits");
        }
        Ok(())
    }

    /// Writes the values that changed to the profile's computed hash; returns the
    /// names whose value changed.
    async fn store_computed(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        old: &BTreeMap<String, Value>,
        new: &BTreeMap<String, Value>,
    ) -> Result<HashSet<String>, Error> {
        let set: BTreeMap<String, Value> = new
            .iter()
            .filter(|(k, v)| old.get(*k) != Some(*v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let remove: Vec<String> = old
            .keys()
            .filter(|k| !new.contains_key(*k))
            .cloned()
            .collect();
        self.profiles
            .set_computed(ws.as_str(), customer, &set, &remove)
            .await?;
        Ok(set.into_keys().chain(remove).collect())
    }

    /// Applies one evaluation's membership changes of `customer`, each step for all
    /// changes at once (the commands go out back to back on the multiplexed
    /// connections, in the changes' order, instead of one round trip per change):
    /// member sets and daily sizes, then the membership compare-and-set, then, for
    /// the changes that took, the transitions and then the `MembershipChanged`
    /// messages — the same writes, in the same order per change, as one by one.
    async fn apply(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        changes: Vec<Change>,
        trigger: Trigger<'_>,
        outcome: &mut Outcome,
    ) -> Result<(), Error> {
        if changes.is_empty() {
            return Ok(());
        }
        let now_ms = self.clock.now_ms();
        let day = day_of(now_ms);
        try_join_all(changes.iter().map(|c| {
            self.state
                .index_member(ws.as_str(), &c.segment_id, customer, c.entered, &day)
        }))
        .await?;
        let took = try_join_all(changes.iter().map(|c| {
            self.profiles
                .set_membership(ws.as_str(), customer, &c.segment_id, c.entered, now_ms)
        }))
        .await?;
        let applied: Vec<Change> = changes
            .into_iter()
            .zip(took)
            .filter_map(|(c, took)| took.then_some(c))
            .collect();
        try_join_all(applied.iter().map(|c| {
            tracing::debug!(workspace = %ws, customer, segment = %c.segment_id,
                entered = c.entered, reason = ?trigger.reason, "membership changed");
            let t = transition(
                customer,
                &c.segment_id,
                c.version,
                c.entered,
                trigger.reason,
                trigger.cause,
                now_ms,
            );
            async move { self.state.record_transition(ws.as_str(), &t).await }
        }))
        .await?;
        try_join_all(applied.iter().map(|c| {
            let msg = membership_changed(
                ws,
                customer,
                &c.segment_id,
                c.version,
                c.entered,
                trigger.cause,
                now_ms,
            );
            async move { self.bus.publish(Topic::MembershipChanged, &msg).await }
        }))
        .await?;
        for c in applied {
            if c.entered {
                outcome.entered.push(c.segment_id);
            } else {
                outcome.exited.push(c.segment_id);
            }
        }
        Ok(())
    }

    /// Records a membership change that took (the membership write changed
    /// something): appends the transition to the changes stream and publishes
    /// `MembershipChanged`.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_change(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        segment_id: &str,
        version: i64,
        entered: bool,
        reason: Reason,
        cause: &str,
        now_ms: i64,
    ) -> Result<(), Error> {
        tracing::debug!(workspace = %ws, customer, segment = %segment_id,
            entered, ?reason, "membership changed");
        self.state
            .record_transition(
                ws.as_str(),
                &transition(
                    customer, segment_id, version, entered, reason, cause, now_ms,
                ),
            )
            .await?;
        let msg = membership_changed(ws, customer, segment_id, version, entered, cause, now_ms);
        self.bus.publish(Topic::MembershipChanged, &msg).await?;
        Ok(())
    }

    /// Removes every membership of exactly `customer` (merged away into another, or
    /// erased), publishing the exits, and forgets the service's state about it.
    pub async fn clear(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        reason: Reason,
        cause: &str,
    ) -> Result<(), Error> {
        let _guard = self.lock_for(ws, customer).lock().await;
        let current = self.profiles.memberships(ws.as_str(), customer).await?;
        let catalog = self.catalog.compiled_with(ws, current.keys()).await?;
        let trigger = Trigger {
            reason,
            cause,
            event: None,
            traits_changed: false,
            all: false,
            force: None,
        };
        let mut outcome = Outcome::default();
        let changes = current
            .into_keys()
            .map(|segment_id| Change {
                version: catalog.get(&segment_id).map_or(0, |s| s.segment.version),
                segment_id,
                entered: false,
            })
            .collect();
        self.apply(ws, customer, changes, trigger, &mut outcome)
            .await?;
        let trait_ids: Vec<String> = catalog
            .traits
            .iter()
            .map(|t| t.def.id.to_string())
            .collect();
        self.state.forget(ws.as_str(), customer, &trait_ids).await?;
        let stale: Vec<String> = self
            .profiles
            .computed(ws.as_str(), customer)
            .await?
            .into_keys()
            .collect();
        self.profiles
            .set_computed(ws.as_str(), customer, &BTreeMap::new(), &stale)
            .await?;
        Ok(())
    }

    /// Evaluates an unsaved, already checked expression for one customer, without
    /// changing anything; `None` when the customer has no profile.
    pub async fn preview_one(
        &self,
        ws: &WorkspaceId,
        customer: &str,
        catalog: &WorkspaceCatalog,
        expression: &Expression,
        now_ms: i64,
    ) -> Result<Option<Result<bool, omni_rules::EvalError>>, Error> {
        let memberships = self.profiles.memberships(ws.as_str(), customer).await?;
        let Some(inputs) = self
            .inputs(ws, customer, catalog, now_ms, memberships)
            .await?
        else {
            return Ok(None);
        };
        let builtins = if expression.variables().iter().any(|v| v == "builtins") {
            Some(
                self.builtins_of(ws, customer, catalog, inputs.profile.first_seen_ms, now_ms)
                    .await?,
            )
        } else {
            None
        };
        let vars = [
            ("traits", value::from_json_map(&inputs.profile.traits)),
            ("events", value::counts(&inputs.profile.event_counts)),
            ("computed", computed_value(&inputs.computed)),
            ("now", value::timestamp_ms(now_ms)),
            (
                "segments",
                value::string_list(inputs.memberships.into_keys()),
            ),
            ("builtins", builtins_value(builtins.as_ref())),
        ];
        Ok(Some(self.evaluator.eval_bool(expression, &vars)))
    }
}

/// The changes-stream record of one membership change.
fn transition(
    customer: &str,
    segment_id: &str,
    version: i64,
    entered: bool,
    reason: Reason,
    cause: &str,
    now_ms: i64,
) -> Transition {
    Transition {
        customer_id: customer.to_owned(),
        segment_id: segment_id.to_owned(),
        entered,
        reason: reason as i32,
        version,
        time_ms: now_ms,
        cause: cause.to_owned(),
    }
}

/// The bus message of one membership change.
fn membership_changed(
    ws: &WorkspaceId,
    customer: &str,
    segment_id: &str,
    version: i64,
    entered: bool,
    cause: &str,
    now_ms: i64,
) -> MembershipChanged {
    MembershipChanged {
        workspace_id: ws.to_string(),
        customer_id: customer.to_owned(),
        segment_id: segment_id.to_owned(),
        entered,
        segment_version: version,
        time: Some(to_timestamp(now_ms)),
        cause_event_id: cause.to_owned(),
    }
}

fn passes(scope: Option<&omni_rules::Scope<'_>>, filter: &Expression) -> bool {
    scope.is_some_and(|s| s.eval_bool(filter).unwrap_or(false))
}

/// A stable fingerprint of a customer's traits.
fn fingerprint(traits: &serde_json::Map<String, Value>) -> i64 {
    let mut h = DefaultHasher::new();
    for (k, v) in traits {
        k.hash(&mut h);
        v.to_string().hash(&mut h);
    }
    h.finish() as i64
}

/// Built-ins as the CEL `builtins` map (empty when no segment reads it).
fn builtins_value(b: Option<&Builtins>) -> omni_rules::Value {
    value::from_json_map(&b.map(Builtins::to_json).unwrap_or_default())
}

/// Computed values as the CEL `computed` map.
fn computed_value(values: &BTreeMap<String, Value>) -> omni_rules::Value {
    let map: serde_json::Map<String, Value> = values.clone().into_iter().collect();
    value::from_json_map(&map)
}

/// The UTC day `YYYY-MM-DD` of `ms`.
pub fn day_of(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}
