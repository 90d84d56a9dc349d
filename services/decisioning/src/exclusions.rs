//! What a customer already redeemed or bought, as learned from recorded conversions.
//!
//! The live profile (libs/profile-store) holds traits, identifiers, event counts and
//! consent, but no purchase lines, so decisioning keeps its own two sets per customer,
//! hash-tagged with the profile: `dec:{<ws>:<customer>}:redeemed` (offer ids) and
//! `dec:{<ws>:<customer>}:purchased` (product ids). A conversion adds the offer and its
//! products; `Decide` callers add what they know from elsewhere (order history) in the
//! request.

use std::collections::HashSet;

use redis::aio::ConnectionManager;

use crate::error::Error;

/// A customer's exclusions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Exclusions {
    /// Offer ids already redeemed.
    pub redeemed: HashSet<String>,
    /// Product ids already bought.
    pub purchased: HashSet<String>,
}

/// The redeemed/purchased sets in Redis.
#[derive(Clone)]
pub struct ExclusionStore {
    conn: ConnectionManager,
}

impl std::fmt::Debug for ExclusionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExclusionStore").finish_non_exhaustive()
    }
}

fn keys(ws: &str, customer: &str) -> (String, String) {
    (
        format!("dec:{{{ws}:{customer}}}:redeemed"),
        format!("dec:{{{ws}:{customer}}}:purchased"),
    )
}

impl ExclusionStore {
    /// Exclusions over a shared Redis connection.
    pub fn new(conn: ConnectionManager) -> Self {
        Self { conn }
    }

    /// The customer's recorded exclusions, in one round trip.
    pub async fn load(&self, ws: &str, customer: &str) -> Result<Exclusions, Error> {
        let (r, p) = keys(ws, customer);
        let (redeemed, purchased): (HashSet<String>, HashSet<String>) = redis::pipe()
            .smembers(r)
            .smembers(p)
            .query_async(&mut self.conn.clone())
            .await?;
        Ok(Exclusions {
            redeemed,
            purchased,
        })
    }

    /// Records that `customer` redeemed `offer` and so bought `products`.
    pub async fn record_conversion(
        &self,
        ws: &str,
        customer: &str,
        offer: &str,
        products: &[String],
    ) -> Result<(), Error> {
        let (r, p) = keys(ws, customer);
        let mut pipe = redis::pipe();
        pipe.atomic().sadd(r, offer).ignore();
        if !products.is_empty() {
            pipe.sadd(p, products).ignore();
        }
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }
}
