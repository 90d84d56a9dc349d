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

/// The customer's redeemed and purchased set keys.
pub(crate) fn keys(ws: &str, customer: &str) -> (String, String) {
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
        Ok(self.load_with(ws, customer, None).await?.0)
    }

    /// The customer's recorded exclusions and, in the same round trip, the values of
    /// `hash_fields` = (key, fields) read with HMGET (empty when not asked or when
    /// there are no fields). `Decide` reads the bandit posteriors this way.
    pub async fn load_with(
        &self,
        ws: &str,
        customer: &str,
        hash_fields: Option<(&str, &[String])>,
    ) -> Result<(Exclusions, Vec<Option<i64>>), Error> {
        let (r, p) = keys(ws, customer);
        let mut pipe = redis::pipe();
        pipe.smembers(r).smembers(p);
        let (redeemed, purchased, values) = match hash_fields {
            Some((key, fields)) if !fields.is_empty() => {
                pipe.cmd("HMGET").arg(key).arg(fields);
                let (r, p, v): (HashSet<String>, HashSet<String>, Vec<Option<i64>>) =
                    pipe.query_async(&mut self.conn.clone()).await?;
                (r, p, v)
            }
            _ => {
                let (r, p): (HashSet<String>, HashSet<String>) =
                    pipe.query_async(&mut self.conn.clone()).await?;
                (r, p, Vec::new())
            }
        };
        Ok((
            Exclusions {
                redeemed,
                purchased,
            },
            values,
        ))
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
