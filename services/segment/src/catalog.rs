//! Segment definitions: creation, lookup, and a per-workspace cache of compiled
//! expressions used by the evaluation worker.
//!
//! The cache is per process. A create on this replica invalidates the workspace's
//! entry; entries older than [`CACHE_TTL`] are reloaded from SQL so segments created on
//! other replicas are picked up, and callers reload at once when they meet a segment
//! id the cache does not know (see [`Catalog::compiled_with`]).

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_rules::Expression;

use crate::error::Error;
use crate::segment::{NewSegment, Segment, SegmentId, VARIABLES};
use crate::store::SegmentStore;

/// How long a workspace's compiled segments are used before being reloaded from SQL.
pub const CACHE_TTL_MS: i64 = 5_000;

/// A segment with its compiled expression.
#[derive(Clone, Debug)]
pub struct CompiledSegment {
    /// The definition.
    pub segment: Segment,
    /// Its expression, compiled.
    pub expression: Expression,
}

/// Every segment of one workspace, compiled.
#[derive(Debug, Default)]
pub struct WorkspaceSegments {
    /// The segments, oldest first.
    pub segments: Vec<CompiledSegment>,
    loaded_ms: i64,
}

impl WorkspaceSegments {
    /// The segment with `id`, if loaded.
    pub fn get(&self, id: &str) -> Option<&CompiledSegment> {
        self.segments.iter().find(|s| s.segment.id.as_str() == id)
    }
}

/// Segment definitions and the compiled-segment cache.
pub struct Catalog {
    store: SegmentStore,
    clock: SharedClock,
    cache: RwLock<HashMap<WorkspaceId, Arc<WorkspaceSegments>>>,
}

impl Catalog {
    /// A catalog over `store`, timing cache entries with `clock`.
    pub fn new(store: SegmentStore, clock: SharedClock) -> Self {
        Self {
            store,
            clock,
            cache: RwLock::new(HashMap::new()),
        }
    }

    /// Compiles and stores a new segment. With an idempotency key used before in the
    /// workspace, returns the segment first created with it and stores nothing.
    pub async fn create(
        &self,
        ws: &WorkspaceId,
        new: NewSegment,
        idempotency_key: Option<&str>,
    ) -> Result<Segment, Error> {
        Expression::compile(&new.expression, VARIABLES)?;
        if let Some(key) = idempotency_key
            && let Some(first) = self.store.by_idempotency_key(ws, key).await?
        {
            return Ok(first);
        }
        let segment = Segment {
            id: SegmentId::generate(),
            display_name: new.display_name,
            expression: new.expression,
            version: 1,
            create_ms: self.clock.now_ms(),
        };
        let stored = self.store.insert(ws, &segment, idempotency_key).await?;
        self.invalidate(ws);
        if stored.id == segment.id {
            tracing::info!(workspace = %ws, segment = %stored.id, "segment created");
        }
        Ok(stored)
    }

    /// One segment, or [`Error::NotFound`].
    pub async fn get(&self, ws: &WorkspaceId, id: &SegmentId) -> Result<Segment, Error> {
        self.store
            .get(ws, id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "segment",
                id: id.to_string(),
            })
    }

    /// The workspace's compiled segments, from the cache while fresh.
    pub async fn compiled(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceSegments>, Error> {
        let cached = self
            .cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(ws)
            .cloned();
        match cached {
            Some(c) if self.clock.now_ms() - c.loaded_ms < CACHE_TTL_MS => Ok(c),
            _ => self.reload(ws).await,
        }
    }

    /// Like [`Catalog::compiled`], but reloads from SQL when any of `ids` is unknown to
    /// the cache (e.g. a segment created on another replica).
    pub async fn compiled_with<'a>(
        &self,
        ws: &WorkspaceId,
        ids: impl IntoIterator<Item = &'a String>,
    ) -> Result<Arc<WorkspaceSegments>, Error> {
        let compiled = self.compiled(ws).await?;
        if ids.into_iter().all(|id| compiled.get(id).is_some()) {
            return Ok(compiled);
        }
        self.reload(ws).await
    }

    /// Loads and compiles the workspace's segments from SQL and caches them.
    pub async fn reload(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceSegments>, Error> {
        let loaded_ms = self.clock.now_ms();
        let segments = self
            .store
            .list(ws)
            .await?
            .into_iter()
            .filter_map(
                |segment| match Expression::compile(&segment.expression, VARIABLES) {
                    Ok(expression) => Some(CompiledSegment {
                        segment,
                        expression,
                    }),
                    Err(e) => {
                        tracing::error!(workspace = %ws, segment = %segment.id, error = %e,
                        "stored segment expression does not compile; skipped");
                        None
                    }
                },
            )
            .collect();
        let fresh = Arc::new(WorkspaceSegments {
            segments,
            loaded_ms,
        });
        self.cache
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(ws.clone(), Arc::clone(&fresh));
        Ok(fresh)
    }

    fn invalidate(&self, ws: &WorkspaceId) {
        self.cache
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(ws);
    }
}
