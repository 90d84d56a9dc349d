//! The offer catalogue: creation, versioned updates, archiving, lookup, listing, and a
//! per-workspace cache of active offers with compiled eligibility used by `Decide`.
//!
//! The cache is per process. A change on this replica invalidates the workspace's
//! entry; entries older than [`CACHE_TTL_MS`] are reloaded from SQL so changes made on
//! other replicas are picked up within that time.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_rules::Expression;

use crate::error::Error;
use crate::offer::{Offer, OfferId, OfferSpec, OfferState, Placement, VARIABLES};
use crate::store::Store;

/// How long a workspace's compiled offers are used before being reloaded from SQL.
pub const CACHE_TTL_MS: i64 = 5_000;
/// Default and largest `ListOffers` page.
pub const PAGE_SIZE: (usize, usize) = (100, 1000);

/// An offer with its compiled eligibility (`None`: always eligible).
#[derive(Clone, Debug)]
pub struct CompiledOffer {
    /// The offer.
    pub offer: Offer,
    /// Its eligibility expression, compiled; `None` when empty.
    pub eligibility: Option<Expression>,
}

/// Every active offer of one workspace, compiled.
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

/// One page of `ListOffers`.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The offers.
    pub offers: Vec<Offer>,
    /// Token for the next page; empty when done.
    pub next_token: String,
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

    /// Compiles and stores a new offer at version 1. With an idempotency key used
    /// before in the workspace, returns the offer first created with it and stores
    /// nothing.
    pub async fn create(
        &self,
        ws: &WorkspaceId,
        spec: OfferSpec,
        idempotency_key: Option<&str>,
    ) -> Result<Offer, Error> {
        compile_eligibility(&spec.eligibility)?;
        if let Some(key) = idempotency_key
            && let Some(first) = self.store.offer_by_idempotency_key(ws, key).await?
        {
            return Ok(first);
        }
        let now = self.clock.now_ms();
        let offer = Offer {
            id: OfferId::generate(),
            version: 1,
            state: OfferState::Active,
            spec,
            create_ms: now,
            update_ms: now,
        };
        let stored = self.store.insert_offer(ws, &offer, idempotency_key).await?;
        self.invalidate(ws);
        if stored.id == offer.id {
            tracing::info!(workspace = %ws, offer = %stored.id, "offer created");
        }
        Ok(stored)
    }

    /// Stores a new version of offer `id` built by `build` from the current one.
    /// Archived offers cannot change. With an idempotency key used before for this
    /// offer, returns the version it created and stores nothing.
    pub async fn update(
        &self,
        ws: &WorkspaceId,
        id: &OfferId,
        idempotency_key: Option<&str>,
        build: impl Fn(&Offer) -> Result<OfferSpec, Error>,
    ) -> Result<Offer, Error> {
        if let Some(key) = idempotency_key
            && let Some(first) = self.store.version_by_idempotency_key(ws, id, key).await?
        {
            return Ok(first);
        }
        // Retry when another update wins the race to the next version number.
        for _ in 0..5 {
            let current = self.get(ws, id, None).await?;
            if current.state == OfferState::Archived {
                return Err(Error::FailedPrecondition {
                    subject: format!("offer {id}"),
                    message: "is archived and cannot change".into(),
                });
            }
            let spec = build(&current)?;
            compile_eligibility(&spec.eligibility)?;
            let next = Offer {
                version: current.version + 1,
                spec,
                update_ms: self.clock.now_ms(),
                ..current.clone()
            };
            if self
                .store
                .insert_version(ws, &next, current.version, idempotency_key)
                .await?
            {
                self.invalidate(ws);
                tracing::info!(workspace = %ws, offer = %id, version = next.version, "offer updated");
                return Ok(next);
            }
            if let Some(key) = idempotency_key
                && let Some(first) = self.store.version_by_idempotency_key(ws, id, key).await?
            {
                return Ok(first);
            }
        }
        Err(Error::FailedPrecondition {
            subject: format!("offer {id}"),
            message: "is being updated concurrently; retry".into(),
        })
    }

    /// Archives offer `id` (idempotent) and returns it.
    pub async fn archive(&self, ws: &WorkspaceId, id: &OfferId) -> Result<Offer, Error> {
        if !self.store.set_state(ws, id, OfferState::Archived).await? {
            return Err(not_found(id));
        }
        self.invalidate(ws);
        self.get(ws, id, None).await
    }

    /// One offer at its current version (or `version`), or [`Error::NotFound`].
    pub async fn get(
        &self,
        ws: &WorkspaceId,
        id: &OfferId,
        version: Option<i64>,
    ) -> Result<Offer, Error> {
        self.store
            .offer(ws, id, version)
            .await?
            .ok_or_else(|| match version {
                Some(v) => Error::NotFound {
                    kind: "offer version",
                    id: format!("{id}@{v}"),
                },
                None => not_found(id),
            })
    }

    /// One page of the workspace's offers, oldest first. The token is the id of the
    /// last offer returned.
    pub async fn list(
        &self,
        ws: &WorkspaceId,
        show_archived: bool,
        placement: Option<Placement>,
        page_size: usize,
        page_token: Option<&str>,
    ) -> Result<Page, Error> {
        let all = self.store.offers(ws, show_archived).await?;
        let start = match page_token {
            None => 0,
            Some(t) => {
                all.iter()
                    .position(|o| o.id.as_str() == t)
                    .ok_or_else(|| Error::invalid("page_token", "is not a token from this list"))?
                    + 1
            }
        };
        let mut offers: Vec<Offer> = all[start..]
            .iter()
            .filter(|o| o.spec.serves(placement))
            .take(page_size + 1)
            .cloned()
            .collect();
        let next_token = if offers.len() > page_size {
            offers.truncate(page_size);
            offers.last().map(|o| o.id.to_string()).unwrap_or_default()
        } else {
            String::new()
        };
        Ok(Page { offers, next_token })
    }

    /// The workspace's active offers with compiled eligibility, from the cache while
    /// fresh.
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

    /// Loads and compiles the workspace's active offers from SQL and caches them.
    pub async fn reload(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceOffers>, Error> {
        let loaded_ms = self.clock.now_ms();
        let offers = self
            .store
            .offers(ws, false)
            .await?
            .into_iter()
            .filter_map(|offer| match compile_eligibility(&offer.spec.eligibility) {
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

fn not_found(id: &OfferId) -> Error {
    Error::NotFound {
        kind: "offer",
        id: id.to_string(),
    }
}
