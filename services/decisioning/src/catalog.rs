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

use crate::bandit;
use crate::error::Error;
use crate::offer::{Offer, OfferId, OfferSpec, OfferState, Placement, PropensityModel, VARIABLES};
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

/// Every active offer of one workspace, compiled, with what `Decide` needs per
/// placement worked out once at load: which offers serve it, and the bandit hash
/// fields of its learning offers.
#[derive(Debug, Default)]
pub struct WorkspaceOffers {
    /// The offers, oldest first.
    pub offers: Vec<CompiledOffer>,
    /// Per [`slot`]: indices into `offers` of the offers serving that placement.
    serving: [Vec<usize>; SLOTS],
    /// Per [`slot`]: the learning (Thompson, non-fallback) offers serving it, as
    /// indices into `offers`, and their bandit fields (`n`, `s` per offer, in order).
    learners: [(Vec<usize>, Vec<String>); SLOTS],
    loaded_ms: i64,
}

/// Placement slots: "any placement" and one per [`Placement`].
const SLOTS: usize = 6;

/// The slot of a placement asked for (`None`: any).
fn slot(p: Option<Placement>) -> usize {
    match p {
        None => 0,
        Some(Placement::EmailHero) => 1,
        Some(Placement::Push) => 2,
        Some(Placement::Sms) => 3,
        Some(Placement::StoreCoupon) => 4,
        Some(Placement::AppBanner) => 5,
    }
}

impl WorkspaceOffers {
    /// Indexes `offers` by placement.
    pub fn new(offers: Vec<CompiledOffer>, loaded_ms: i64) -> Self {
        let asked = [
            None,
            Some(Placement::EmailHero),
            Some(Placement::Push),
            Some(Placement::Sms),
            Some(Placement::StoreCoupon),
            Some(Placement::AppBanner),
        ];
        let serving = asked.map(|p| {
            (0..offers.len())
                .filter(|&i| offers[i].offer.spec.serves(p))
                .collect::<Vec<_>>()
        });
        let learners = asked.map(|p| {
            let idx: Vec<usize> = serving[slot(p)]
                .iter()
                .copied()
                .filter(|&i| {
                    let spec = &offers[i].offer.spec;
                    spec.propensity_model == PropensityModel::Thompson && !spec.fallback
                })
                .collect();
            let fields = idx
                .iter()
                .flat_map(|&i| bandit::fields(&bandit::arm(&offers[i].offer.id, p)))
                .collect();
            (idx, fields)
        });
        Self {
            offers,
            serving,
            learners,
            loaded_ms,
        }
    }

    /// The offers serving `placement` (`None`: any), catalogue order.
    pub fn serving(&self, placement: Option<Placement>) -> impl Iterator<Item = &CompiledOffer> {
        self.serving[slot(placement)]
            .iter()
            .map(|&i| &self.offers[i])
    }

    /// The learning offers serving `placement` (indices into `offers`) and their
    /// bandit hash fields, two per offer.
    pub fn learners(&self, placement: Option<Placement>) -> (&[usize], &[String]) {
        let (idx, fields) = &self.learners[slot(placement)];
        (idx, fields)
    }
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

    /// Loads the workspace's active offers from SQL, compiles their eligibility (or
    /// reuses what the previous load compiled for the same offer version: versions
    /// are immutable) and caches them.
    pub async fn reload(&self, ws: &WorkspaceId) -> Result<Arc<WorkspaceOffers>, Error> {
        let loaded_ms = self.clock.now_ms();
        let previous = self
            .cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(ws)
            .cloned();
        let compiled: HashMap<(&str, i64), &Option<Expression>> = previous
            .iter()
            .flat_map(|p| p.offers.iter())
            .map(|o| ((o.offer.id.as_str(), o.offer.version), &o.eligibility))
            .collect();
        let offers = self
            .store
            .offers(ws, false)
            .await?
            .into_iter()
            .filter_map(|offer| {
                if let Some(&e) = compiled.get(&(offer.id.as_str(), offer.version)) {
                    return Some(CompiledOffer {
                        eligibility: e.clone(),
                        offer,
                    });
                }
                match compile_eligibility(&offer.spec.eligibility) {
                    Ok(eligibility) => Some(CompiledOffer { offer, eligibility }),
                    Err(e) => {
                        tracing::error!(workspace = %ws, offer = %offer.id, error = %e,
                            "stored offer eligibility does not compile; offer skipped");
                        None
                    }
                }
            })
            .collect();
        let fresh = Arc::new(WorkspaceOffers::new(offers, loaded_ms));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offer::PlacementContent;

    fn compiled(
        id: &str,
        placements: &[Placement],
        thompson: bool,
        fallback: bool,
    ) -> CompiledOffer {
        CompiledOffer {
            eligibility: None,
            offer: Offer {
                id: OfferId::new(id),
                version: 1,
                state: OfferState::Active,
                spec: OfferSpec {
                    display_name: id.to_owned(),
                    placements: placements
                        .iter()
                        .map(|&placement| PlacementContent {
                            placement,
                            content_ref: String::new(),
                            content: serde_json::Map::new(),
                        })
                        .collect(),
                    propensity_model: if thompson {
                        PropensityModel::Thompson
                    } else {
                        PropensityModel::Fixed
                    },
                    fallback,
                    ..Default::default()
                },
                create_ms: 0,
                update_ms: 0,
            },
        }
    }

    #[test]
    fn offers_are_indexed_by_placement_with_their_bandit_fields() {
        let offers = WorkspaceOffers::new(
            vec![
                compiled("o_any", &[], true, false),
                compiled("o_push", &[Placement::Push], false, false),
                compiled("o_sms_fb", &[Placement::Sms], true, true),
                compiled("o_both", &[Placement::Push, Placement::Sms], true, false),
            ],
            0,
        );
        let ids = |p| {
            offers
                .serving(p)
                .map(|o| o.offer.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(None), ["o_any", "o_push", "o_sms_fb", "o_both"]);
        assert_eq!(ids(Some(Placement::Push)), ["o_any", "o_push", "o_both"]);
        assert_eq!(ids(Some(Placement::Sms)), ["o_any", "o_sms_fb", "o_both"]);
        assert_eq!(ids(Some(Placement::EmailHero)), ["o_any"]);

        // Learners: Thompson and not a fallback, with the arm of the placement asked.
        let (idx, fields) = offers.learners(Some(Placement::Sms));
        assert_eq!(idx, [0, 3]);
        assert_eq!(
            fields,
            ["o_any|sms|n", "o_any|sms|s", "o_both|sms|n", "o_both|sms|s"]
        );
        let (idx, fields) = offers.learners(None);
        assert_eq!(idx, [0, 3]);
        assert_eq!(fields[0], "o_any|any|n");
    }
}
