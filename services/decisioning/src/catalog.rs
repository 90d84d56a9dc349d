//! The offer catalogue: creation, lookup, and a per-workspace cache of offers with
//! compiled eligibility used by `Decide`.
//!
//! The cache is per process. A create on this replica invalidates the workspace's
//! entry; entries older than [`CACHE_TTL_MS`] are reloaded from SQL so offers created on
//! other replicas are picked up within that time.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_rules::Expression;

use crate::error::Error;
use crate::offer::{NewOffer, Offer, OfferId, VARIABLES};
use crate::store::Store;

/// How long a workspace's compiled offers are used before being reloaded from SQL.
pub const CACHE_TTL_MS: i64 = 5_000;

/// An offer with its compiled eligibility (`None`: always eligible).
#[derive(Clone, Debug)]
pub struct CompiledOffer {
    /// The offer.
    pub offer: Offer,
    /// Its eligibility expression, compiled; `None` when empty.
    pub eligibility: Option<Expression>,
}

/// Every offer of one workspace, compiled.
#[derive(Debug, Default)]
pub struct WorkspaceOffers {
    /// The offers, oldest first.
    pub offers: Vec<CompiledOffer>,
    loaded_ms: i64,
}

/// Compiles an eligibility expression; empty (or blank) means always eligible.
pub fn compile_eligibility(src: &str) -> Result<Option<Expression>, Error> {
    if src.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(Expression::compile(src, VARIABLES)?))
}

/// The offer catalogue and its cache.
pub struct Catalog {
    store: Store,
    clock: SharedClock,
    cache: RwLock<HashMap<WorkspaceId, Arc<WorkspaceOffers>>>,
}

impl Catalog {
    /// A catalogue over `store`, timing cache entries with `clock`.
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self {
            store,
            clock,
            cache: RwLock::new(HashMap::new()),
        }
    }

    /// Compiles and stores a new offer. With an idempotency key used before in the
    /// workspace, returns the offer first created with it and stores nothing.
    pub async fn create(
        &self,
        ws: &WorkspaceId,
        new: NewOffer,
        idempotency_key: Option<&str>,
    ) -> Result<Offer, Error> {
        compile_eligibility(&new.eligibility)?;
        if let Some(key) = idempotency_key
            && let Some(first) = self.store.offer_by_idempotency_key(ws, key).await?
        {
            return Ok(first);
        }
        let offer = Offer {
            id: OfferId::generate(),
            display_name: new.display_name,
            eligibility: new.eligibility,
            value: new.value,
            weight: new.weight,
            content: new.content,
            create_ms: self.clock.now_ms(),
        };
        let stored = self.store.insert_offer(ws, &offer, idempotency_key).await?;
        self.invalidate(ws);
        if stored.id == offer.id {
            tracing::info!(workspace = %ws, offer = %stored.id, "offer created");
        }
        Ok(stored)
    }

    /// One offer, or [`Error::NotFound`].
    pub async fn get(&self, ws: &WorkspaceId, id: &OfferId) -> Result<Offer, Error> {
        self.store
            .offer(ws, id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "offer",
                id: id.to_string(),
            })
    }

    /// The workspace's offers with compiled eligibility, from the cache while fresh.
    pub async fn compiled(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceOffers>, Error> {
        let cached = self
            .cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(ws)
            .cloned();
        if let Some(c) = cached
            && self.clock.now_ms() - c.loaded_ms < CACHE_TTL_MS
        {
            return Ok(c);
        }
        self.reload(ws).await
    }

    /// Loads and compiles the workspace's offers from SQL and caches them.
    pub async fn reload(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceOffers>, Error> {
        let loaded_ms = self.clock.now_ms();
        let offers = self
            .store
            .offers(ws)
            .await?
            .into_iter()
            .filter_map(|offer| match compile_eligibility(&offer.eligibility) {
                Ok(eligibility) => Some(CompiledOffer { offer, eligibility }),
                Err(e) => {
                    tracing::error!(workspace = %ws, offer = %offer.id, error = %e,
                        "stored offer eligibility does not compile; offer skipped");
                    None
                }
            })
            .collect();
        let fresh = Arc::new(WorkspaceOffers { offers, loaded_ms });
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
