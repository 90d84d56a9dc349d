//! In-store coupons: a single-use code issued to one customer (optionally for an offer
//! and until an expiry), shown in a message (`coupon.code` in templates) and redeemed
//! once at the point of sale with `RedeemCoupon`.
//!
//! Codes are 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn
//! from the OS random source: about 2^58 codes, so guessing one is hopeless and a
//! collision (retried with a new code) is rare. Redemption is atomic in SQL (see
//! `store/coupons.rs`); it emits `coupon.redeemed` to identity in the same transaction.

use omni_common::ids::WorkspaceId;
use rand::Rng as _;
use serde_json::{Map, Value};

use crate::delivery::Gateway;
use crate::error::Error;
use crate::store::{PendingEvent, Redeemed};

/// Characters of a code.
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Length of a code.
const CODE_LEN: usize = 12;

/// A coupon as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coupon {
    /// The code.
    pub code: String,
    /// The customer it belongs to.
    pub customer_id: String,
    /// Offer it is for (may be empty).
    pub offer_id: String,
    /// The message that carried it (may be empty).
    pub message_id: String,
    /// Not redeemable from this time (unix ms).
    pub expire_ms: Option<i64>,
    /// Issued at (unix ms).
    pub create_ms: i64,
    /// Redeemed at (unix ms).
    pub redeem_ms: Option<i64>,
    /// The store that redeemed it.
    pub redeem_store_id: String,
}

impl Coupon {
    /// Why it cannot be redeemed at `now_ms` by `customer_id` (empty: anyone), if so.
    pub fn refusal(&self, now_ms: i64, customer_id: &str) -> Option<String> {
        if let Some(at) = self.redeem_ms {
            let store = if self.redeem_store_id.is_empty() {
                String::new()
            } else {
                format!(" in store `{}`", self.redeem_store_id)
            };
            return Some(format!(
                "coupon `{}` was already redeemed at {}{store}",
                self.code,
                rfc3339(at)
            ));
        }
        if let Some(at) = self.expire_ms
            && at <= now_ms
        {
            return Some(format!("coupon `{}` expired at {}", self.code, rfc3339(at)));
        }
        if !customer_id.is_empty() && customer_id != self.customer_id {
            return Some(format!(
                "coupon `{}` belongs to another customer",
                self.code
            ));
        }
        None
    }
}

fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| ms.to_string())
}

/// A fresh random code.
pub fn new_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LEN)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// The coupon a `Send` asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CouponSpec {
    /// Offer (empty: the send's offer, if any).
    pub offer_id: String,
    /// Expiry (unix ms).
    pub expire_ms: Option<i64>,
}

/// What to issue.
#[derive(Clone, Debug, Default)]
pub struct NewCoupon {
    /// The customer.
    pub customer_id: String,
    /// Offer it is for.
    pub offer_id: String,
    /// Expiry (unix ms).
    pub expire_ms: Option<i64>,
    /// The carrying message.
    pub message_id: String,
}

impl Gateway {
    /// Issues a coupon under `issue_key` (a repeat returns the first coupon).
    pub async fn issue_coupon(
        &self,
        ws: &WorkspaceId,
        new: NewCoupon,
        issue_key: &str,
    ) -> Result<Coupon, Error> {
        let now = self.clock.now_ms();
        for _ in 0..5 {
            let coupon = Coupon {
                code: new_code(),
                customer_id: new.customer_id.clone(),
                offer_id: new.offer_id.clone(),
                message_id: new.message_id.clone(),
                expire_ms: new.expire_ms,
                create_ms: now,
                redeem_ms: None,
                redeem_store_id: String::new(),
            };
            if let Some(stored) = self.store.insert_coupon(ws, &coupon, issue_key).await? {
                return Ok(stored);
            }
        }
        Err(Error::Corrupt(
            "five coupon codes in a row collided".to_owned(),
        ))
    }

    /// Reads a coupon.
    pub async fn get_coupon(&self, ws: &WorkspaceId, code: &str) -> Result<Coupon, Error> {
        self.store
            .get_coupon(ws, code)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "coupon",
                id: code.to_owned(),
            })
    }

    /// Redeems a coupon once; a second redemption is `FailedPrecondition` naming why.
    pub async fn redeem_coupon(
        &self,
        ws: &WorkspaceId,
        code: &str,
        store_id: &str,
        redeem_key: &str,
        customer_id: &str,
    ) -> Result<Coupon, Error> {
        let now = self.clock.now_ms();
        let event = |c: &Coupon| {
            let mut p = Map::new();
            for (k, v) in [
                ("code", c.code.as_str()),
                ("offer_id", c.offer_id.as_str()),
                ("store_id", store_id),
                ("message_id", c.message_id.as_str()),
                ("channel", "store"),
            ] {
                if !v.is_empty() {
                    p.insert(k.to_owned(), Value::String(v.to_owned()));
                }
            }
            PendingEvent {
                event_id: format!("coupon:{}:redeemed", c.code),
                event_type: "coupon.redeemed".into(),
                customer_id: c.customer_id.clone(),
                time_ms: now,
                properties: p,
                attempts: 0,
            }
        };
        match self
            .store
            .redeem_coupon(ws, code, store_id, redeem_key, customer_id, now, event)
            .await?
        {
            Redeemed::Now(c) => {
                self.report_wake.notify_one();
                Ok(c)
            }
            Redeemed::Again(c) => Ok(c),
            Redeemed::Refused(c) => Err(Error::FailedPrecondition {
                field: "code",
                message: c
                    .refusal(now, customer_id)
                    .unwrap_or_else(|| format!("coupon `{code}` cannot be redeemed")),
            }),
            Redeemed::Unknown => Err(Error::NotFound {
                kind: "coupon",
                id: code.to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_unambiguous_and_refusals_say_why() {
        let a = new_code();
        assert_eq!(a.len(), CODE_LEN);
        assert!(a.bytes().all(|b| ALPHABET.contains(&b)));
        assert_ne!(a, new_code());
        let mut c = Coupon {
            code: "ABC".into(),
            customer_id: "c1".into(),
            offer_id: String::new(),
            message_id: String::new(),
            expire_ms: Some(2_000),
            create_ms: 0,
            redeem_ms: None,
            redeem_store_id: String::new(),
        };
        assert_eq!(c.refusal(1_000, "c1"), None);
        assert!(
            c.refusal(1_000, "c2")
                .expect("other")
                .contains("another customer")
        );
        assert!(c.refusal(2_000, "").expect("expired").contains("expired"));
        c.redeem_ms = Some(1_500);
        c.redeem_store_id = "oslo-1".into();
        assert!(
            c.refusal(1_600, "")
                .expect("again")
                .contains("already redeemed")
        );
    }
}
