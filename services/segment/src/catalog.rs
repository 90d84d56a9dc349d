//! Definitions (segments and computed traits): creation, change, lookup, and a
//! per-workspace cache of compiled definitions used by the evaluation engine.
//!
//! A segment is compiled at save time: CEL syntax, the variables it reads, and its
//! references — every `computed.<name>` must name a computed trait of the workspace and
//! every `'<id>' in segments` a segment of it, with no cycle through segments. The
//! cache keeps segments in dependency order (a segment after the segments it reads).
//!
//! The cache is per process. A change on this replica invalidates the workspace's
//! entry; entries older than [`CACHE_TTL_MS`] are reloaded from SQL so changes made on
//! other replicas are picked up, and callers reload at once when they meet a segment
//! id the cache does not know (see [`Catalog::compiled_with`]).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_rules::{Expression, RuleError};

use crate::builtins::{KEYS as BUILTIN_KEYS, LifecycleSettings, RfmModel};
use crate::computed::{ComputedTrait, ComputedTraitId, FILTER_VARIABLES, NewComputedTrait};
use crate::error::Error;
use crate::segment::{Dependencies, NewSegment, Segment, SegmentId, SegmentUpdate, VARIABLES};
use crate::store::{SegmentStore, UpdateOutcome};

/// How long a workspace's compiled definitions are used before being reloaded from SQL.
pub const CACHE_TTL_MS: i64 = 5_000;

/// A segment with its compiled expression and what it reads.
#[derive(Clone, Debug)]
pub struct CompiledSegment {
    /// The definition (latest version).
    pub segment: Segment,
    /// Its expression, compiled.
    pub expression: Expression,
    /// What the expression reads.
    pub deps: Dependencies,
}

/// A computed trait with its compiled filter.
#[derive(Clone, Debug)]
pub struct CompiledTrait {
    /// The definition.
    pub def: ComputedTrait,
    /// Its filter, compiled.
    pub filter: Option<Expression>,
}

/// Every definition of one workspace, compiled.
#[derive(Debug, Default)]
pub struct WorkspaceCatalog {
    /// The segments, each after the segments it reads (otherwise oldest first).
    pub segments: Vec<CompiledSegment>,
    /// The computed traits, oldest first.
    pub traits: Vec<CompiledTrait>,
    /// The lifecycle settings in force.
    pub settings: LifecycleSettings,
    /// The RFM model, once one was computed.
    pub rfm: Option<RfmModel>,
    loaded_ms: i64,
}

impl WorkspaceCatalog {
    /// The segment with `id`, if loaded.
    pub fn get(&self, id: &str) -> Option<&CompiledSegment> {
        self.segments.iter().find(|s| s.segment.id.as_str() == id)
    }

    /// Whether any segment reads `builtins.<key>`.
    pub fn reads_builtin(&self, key: &str) -> bool {
        self.segments.iter().any(|s| s.deps.builtins.contains(key))
    }

    /// Whether any segment reads `builtins`.
    pub fn reads_builtins(&self) -> bool {
        self.segments.iter().any(|s| !s.deps.builtins.is_empty())
    }

    /// The computed trait named `name`, if loaded.
    pub fn trait_named(&self, name: &str) -> Option<&CompiledTrait> {
        self.traits.iter().find(|t| t.def.name == name)
    }

    /// Compiles a segment expression against this workspace's definitions: syntax,
    /// variables, and every computed trait and segment it reads must exist. `this` is
    /// the segment being changed, if any: reading it, directly or through other
    /// segments, is a cycle.
    pub fn check(
        &self,
        source: &str,
        this: Option<&SegmentId>,
    ) -> Result<(Expression, Dependencies), RuleError> {
        let expression = Expression::compile(source, VARIABLES)?;
        let vars = expression.variables();
        let mut deps = Dependencies {
            traits: vars.iter().any(|v| v == "traits"),
            events: vars.iter().any(|v| v == "events"),
            now: vars.iter().any(|v| v == "now"),
            ..Dependencies::default()
        };
        let computed = expression.uses_of("computed");
        if let Some((line, column)) = computed.other {
            return Err(RuleError {
                message: "`computed` may only be read by name, as computed.<name>".into(),
                line,
                column,
            });
        }
        for key in computed.keys {
            if self.trait_named(&key.key).is_none() {
                return Err(RuleError {
                    message: format!("unknown computed trait `{}`", key.key),
                    line: key.line,
                    column: key.column,
                });
            }
            deps.computed.insert(key.key);
        }
        let builtins = expression.uses_of("builtins");
        if let Some((line, column)) = builtins.other {
            return Err(RuleError {
                message: "`builtins` may only be read by name, as builtins.<name>".into(),
                line,
                column,
            });
        }
        for key in builtins.keys {
            if !BUILTIN_KEYS.contains(&key.key.as_str()) {
                return Err(RuleError {
                    message: format!(
                        "unknown built-in `{}`; expected one of {}",
                        key.key,
                        BUILTIN_KEYS.join(", ")
                    ),
                    line: key.line,
                    column: key.column,
                });
            }
            deps.builtins.insert(key.key);
        }
        let segments = expression.uses_of("segments");
        if let Some((line, column)) = segments.other {
            return Err(RuleError {
                message: "`segments` may only be read as '<segment id>' in segments".into(),
                line,
                column,
            });
        }
        for key in segments.keys {
            if self.get(&key.key).is_none() {
                return Err(RuleError {
                    message: format!("unknown segment `{}`", key.key),
                    line: key.line,
                    column: key.column,
                });
            }
            if let Some(this) = this
                && (key.key == this.as_str() || self.reaches(&key.key, this))
            {
                return Err(RuleError {
                    message: format!(
                        "reading segment `{}` would make `{this}` depend on itself",
                        key.key
                    ),
                    line: key.line,
                    column: key.column,
                });
            }
            deps.segments.insert(SegmentId::new(key.key));
        }
        Ok((expression, deps))
    }

    /// Whether segment `from` reads `target`, directly or through other segments.
    fn reaches(&self, from: &str, target: &SegmentId) -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(id) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            let Some(s) = self.get(&id) else { continue };
            for dep in &s.deps.segments {
                if dep == target {
                    return true;
                }
                stack.push(dep.to_string());
            }
        }
        false
    }
}

/// Definitions and the compiled-definition cache.
pub struct Catalog {
    store: SegmentStore,
    clock: SharedClock,
    cache: RwLock<HashMap<WorkspaceId, Arc<WorkspaceCatalog>>>,
    /// Bumped (under the cache's write lock) by every invalidation: a reload that read
    /// SQL before a change was committed must not cache what it read after the change
    /// invalidated the entry.
    invalidations: AtomicU64,
}

impl Catalog {
    /// A catalog over `store`, timing cache entries with `clock`.
    pub fn new(store: SegmentStore, clock: SharedClock) -> Self {
        Self {
            store,
            clock,
            cache: RwLock::new(HashMap::new()),
            invalidations: AtomicU64::new(0),
        }
    }

    /// The SQL store.
    pub fn store(&self) -> &SegmentStore {
        &self.store
    }

    /// Compiles, checks and stores a new segment; the flag says whether it was
    /// created now. With an idempotency key used before in the workspace, returns the
    /// segment first created with it (flag false) and stores nothing.
    pub async fn create(
        &self,
        ws: &WorkspaceId,
        new: NewSegment,
        idempotency_key: Option<&str>,
    ) -> Result<(Segment, bool), Error> {
        let fresh = self.reload(ws).await?;
        fresh.check(&new.expression, None)?;
        if let Some(key) = idempotency_key
            && let Some(first) = self.store.by_idempotency_key(ws, key).await?
        {
            return Ok((first, false));
        }
        let now = self.clock.now_ms();
        let segment = Segment {
            id: SegmentId::generate(),
            display_name: new.display_name,
            expression: new.expression,
            version: 1,
            create_ms: now,
            update_ms: now,
        };
        let stored = self.store.insert(ws, &segment, idempotency_key).await?;
        self.invalidate(ws);
        let created = stored.id == segment.id;
        if created {
            tracing::info!(workspace = %ws, segment = %stored.id, "segment created");
        }
        Ok((stored, created))
    }

    /// Checks and stores a new version of a segment.
    pub async fn update(&self, ws: &WorkspaceId, update: SegmentUpdate) -> Result<Segment, Error> {
        let current = self.get(ws, &update.id).await?;
        if let Some(expected) = update.expected_version
            && expected != current.version
        {
            return Err(Error::FailedPrecondition {
                subject: "expected_version",
                message: format!("latest version is {}, not {expected}", current.version),
            });
        }
        let fresh = self.reload(ws).await?;
        fresh.check(&update.expression, Some(&update.id))?;
        let next = Segment {
            display_name: update.display_name.unwrap_or(current.display_name),
            expression: update.expression,
            version: current.version + 1,
            update_ms: self.clock.now_ms(),
            ..current
        };
        match self.store.update(ws, &next).await? {
            UpdateOutcome::Updated(s) => {
                self.invalidate(ws);
                tracing::info!(workspace = %ws, segment = %s.id, version = s.version, "segment updated");
                Ok(s)
            }
            UpdateOutcome::Conflict { current } => Err(Error::FailedPrecondition {
                subject: "segment",
                message: format!("changed concurrently; latest version is {current}"),
            }),
        }
    }

    /// The latest version of a segment, or [`Error::NotFound`].
    pub async fn get(&self, ws: &WorkspaceId, id: &SegmentId) -> Result<Segment, Error> {
        self.store
            .get(ws, id)
            .await?
            .ok_or_else(|| not_found("segment", id.as_str()))
    }

    /// One version of a segment, or [`Error::NotFound`].
    pub async fn get_version(
        &self,
        ws: &WorkspaceId,
        id: &SegmentId,
        version: i64,
    ) -> Result<Segment, Error> {
        self.store
            .get_version(ws, id, version)
            .await?
            .ok_or_else(|| not_found("segment version", &format!("{id}@{version}")))
    }

    /// Validates and stores a computed trait (the filter compiled first). With an
    /// idempotency key used before, returns the trait first created with it.
    pub async fn create_trait(
        &self,
        ws: &WorkspaceId,
        new: NewComputedTrait,
        idempotency_key: Option<&str>,
    ) -> Result<ComputedTrait, Error> {
        if let Some(filter) = &new.filter {
            Expression::compile(filter, FILTER_VARIABLES).map_err(|source| Error::InvalidRule {
                field: "computed_trait.filter",
                source,
            })?;
        }
        if let Some(key) = idempotency_key
            && let Some(first) = self.store.trait_by_idempotency_key(ws, key).await?
        {
            return Ok(first);
        }
        let def = ComputedTrait {
            id: ComputedTraitId::generate(),
            name: new.name,
            aggregation: new.aggregation,
            event_type: new.event_type,
            property: new.property,
            filter: new.filter,
            window_ms: new.window_ms,
            create_ms: self.clock.now_ms(),
        };
        let stored = self
            .store
            .insert_trait(ws, &def, idempotency_key)
            .await?
            .ok_or_else(|| Error::AlreadyExists {
                kind: "computed trait",
                id: def.name.clone(),
            })?;
        self.invalidate(ws);
        Ok(stored)
    }

    /// One computed trait, or [`Error::NotFound`].
    pub async fn get_trait(
        &self,
        ws: &WorkspaceId,
        id: &ComputedTraitId,
    ) -> Result<ComputedTrait, Error> {
        self.store
            .get_trait(ws, id)
            .await?
            .ok_or_else(|| not_found("computed trait", id.as_str()))
    }

    /// The workspace's compiled definitions, from the cache while fresh.
    pub async fn compiled(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceCatalog>, Error> {
        let cached = self
            .cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(ws)
            .cloned();
        match cached {
            Some(c) if (self.clock.now_ms() - c.loaded_ms).abs() < CACHE_TTL_MS => Ok(c),
            _ => self.reload(ws).await,
        }
    }

    /// Like [`Catalog::compiled`], but reloads from SQL when any of `ids` is unknown to
    /// the cache (e.g. a segment created on another replica).
    pub async fn compiled_with<'a>(
        &self,
        ws: &WorkspaceId,
        ids: impl IntoIterator<Item = &'a String>,
    ) -> Result<Arc<WorkspaceCatalog>, Error> {
        let compiled = self.compiled(ws).await?;
        if ids.into_iter().all(|id| compiled.get(id).is_some()) {
            return Ok(compiled);
        }
        self.reload(ws).await
    }

    /// Loads and compiles the workspace's definitions from SQL and caches them.
    pub async fn reload(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceCatalog>, Error> {
        let generation = self.invalidations.load(Ordering::Acquire);
        let fresh = Arc::new(self.load(ws).await?);
        self.cache_if_current(ws, generation, &fresh);
        Ok(fresh)
    }

    /// Caches `loaded` unless a change invalidated the workspace since `generation` was
    /// read (before the SQL reads began): what such a reload read may predate the
    /// change, and caching it would hide the change until the entry expires. The
    /// caller still uses what it read — it asked before that change was saved.
    fn cache_if_current(&self, ws: &WorkspaceId, generation: u64, loaded: &Arc<WorkspaceCatalog>) {
        let mut cache = self.cache.write().unwrap_or_else(PoisonError::into_inner);
        if self.invalidations.load(Ordering::Acquire) == generation {
            cache.insert(ws.clone(), Arc::clone(loaded));
        }
    }

    /// Reads and compiles the workspace's definitions from SQL.
    async fn load(&self, ws: &WorkspaceId) -> Result<WorkspaceCatalog, Error> {
        let loaded_ms = self.clock.now_ms();
        let traits = self
            .store
            .list_traits(ws)
            .await?
            .into_iter()
            .filter_map(|def| {
                let filter = match def
                    .filter
                    .as_deref()
                    .map(|f| Expression::compile(f, FILTER_VARIABLES))
                {
                    None => None,
                    Some(Ok(f)) => Some(f),
                    Some(Err(e)) => {
                        tracing::error!(workspace = %ws, computed_trait = %def.id, error = %e,
                            "stored computed trait filter does not compile; skipped");
                        return None;
                    }
                };
                Some(CompiledTrait { def, filter })
            })
            .collect();
        let settings = self.store.lifecycle_settings(ws).await?.unwrap_or_default();
        let rfm = self.store.rfm_model(ws).await?;
        let mut catalog = WorkspaceCatalog {
            segments: Vec::new(),
            traits,
            settings,
            rfm,
            loaded_ms,
        };
        // Compile against the full set of ids first (references to segments later in
        // creation order are allowed), then order by dependency.
        let stored = self.store.list(ws).await?;
        catalog.segments = stored
            .iter()
            .map(|s| CompiledSegment {
                segment: s.clone(),
                expression: Expression::compile("false", &[]).unwrap_or_else(|_| unreachable!()),
                deps: Dependencies::default(),
            })
            .collect();
        let mut compiled = Vec::with_capacity(stored.len());
        for segment in stored {
            match catalog.check(&segment.expression, None) {
                Ok((expression, deps)) => compiled.push(CompiledSegment {
                    segment,
                    expression,
                    deps,
                }),
                Err(e) => {
                    tracing::error!(workspace = %ws, segment = %segment.id, error = %e,
                        "stored segment expression does not compile; skipped");
                }
            }
        }
        catalog.segments = dependency_order(compiled);
        Ok(catalog)
    }

    /// Stores the workspace's lifecycle settings (validated first).
    pub async fn update_lifecycle_settings(
        &self,
        ws: &WorkspaceId,
        mut settings: LifecycleSettings,
    ) -> Result<LifecycleSettings, Error> {
        settings
            .validate()
            .map_err(|(field, message)| Error::InvalidArgument { field, message })?;
        settings.update_ms = Some(self.clock.now_ms());
        self.store.put_lifecycle_settings(ws, &settings).await?;
        self.invalidate(ws);
        tracing::info!(workspace = %ws, ?settings, "lifecycle settings updated");
        Ok(settings)
    }

    /// Stores the workspace's new RFM model.
    pub async fn put_rfm_model(&self, ws: &WorkspaceId, model: &RfmModel) -> Result<(), Error> {
        self.store.put_rfm_model(ws, model).await?;
        self.invalidate(ws);
        Ok(())
    }

    fn invalidate(&self, ws: &WorkspaceId) {
        let mut cache = self.cache.write().unwrap_or_else(PoisonError::into_inner);
        self.invalidations.fetch_add(1, Ordering::AcqRel);
        cache.remove(ws);
    }
}

fn not_found(kind: &'static str, id: &str) -> Error {
    Error::NotFound {
        kind,
        id: id.to_owned(),
    }
}

/// Orders segments so each comes after the segments it reads (stable: otherwise in
/// the given order). Segments in a cycle (never stored, as saves reject them) go last.
fn dependency_order(segments: Vec<CompiledSegment>) -> Vec<CompiledSegment> {
    let ids: HashSet<String> = segments.iter().map(|s| s.segment.id.to_string()).collect();
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut remaining = segments;
    let mut ordered = Vec::with_capacity(remaining.len());
    loop {
        let before = remaining.len();
        let mut next = Vec::new();
        for s in remaining {
            let ready = s
                .deps
                .segments
                .iter()
                .all(|d| placed.contains(d.as_str()) || !ids.contains(d.as_str()));
            if ready {
                placed.insert(s.segment.id.to_string());
                ordered.push(s);
            } else {
                next.push(s);
            }
        }
        remaining = next;
        if remaining.is_empty() || remaining.len() == before {
            break;
        }
    }
    for s in &remaining {
        tracing::error!(segment = %s.segment.id, "segment is part of a dependency cycle");
    }
    ordered.extend(remaining);
    ordered
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use omni_common::clock::SharedClock;
    use omni_common::ids::WorkspaceId;

    use super::Catalog;
    use crate::segment::NewSegment;
    use crate::store::SegmentStore;

    fn segment(name: &str, expression: &str) -> NewSegment {
        NewSegment {
            display_name: name.to_owned(),
            expression: expression.to_owned(),
        }
    }

    /// A reload whose SQL reads began before a segment was created, and that finishes
    /// after, must not put its stale view in the cache: the segment would be ignored
    /// by every evaluation until the entry expired (forever under a frozen clock).
    #[tokio::test]
    async fn a_reload_overtaken_by_a_change_is_not_cached() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}/seg.db?mode=rwc", dir.path().display());
        let db = omni_storage::connect(&url).await?;
        omni_storage::migrate(&db, "segment", crate::store::MIGRATIONS).await?;
        let store = SegmentStore::new(db);
        let clock: SharedClock = Arc::new(omni_common::clock::ManualClock::new(1_000_000));
        let catalog = Catalog::new(store, clock.clone());
        let ws = WorkspaceId::new("ws_race");

        // The slow reload reads before the change and caches after it.
        let generation = catalog
            .invalidations
            .load(std::sync::atomic::Ordering::Acquire);
        let before = Arc::new(catalog.load(&ws).await?);
        let (created, _) = catalog
            .create(&ws, segment("Gold", "traits.tier == 'gold'"), None)
            .await?;
        catalog.cache_if_current(&ws, generation, &before);

        let seen = catalog.compiled(&ws).await?;
        assert!(
            seen.get(created.id.as_str()).is_some(),
            "the catalog must include the segment created after the slow reload began"
        );
        assert_eq!(
            clock.now_ms(),
            1_000_000,
            "the entry did not expire by time"
        );
        Ok(())
    }
}
