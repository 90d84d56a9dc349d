//! Per-customer and global caps, enforced atomically in Redis.
//!
//! A grant first reserves the per-customer counters (one Lua script over the
//! customer's hash-tagged keys: check every limit, then increment every counter), then
//! the offer's global counter (a second script over the offer's key). When the global
//! reservation fails the customer reservation is released. Each script runs atomically,
//! so concurrent decisions never push a counter past its limit; the release only ever
//! lowers a counter, so the worst a race can do is refuse a grant that a later retry
//! would get (never over-grant). The two scripts touch keys of different hash tags, so
//! this also works on Redis Cluster.

use chrono::{DateTime, Datelike, Utc};
use redis::Script;
use redis::aio::ConnectionManager;

use crate::error::Error;
use crate::offer::{CustomerCap, GlobalCap, OfferId};

/// Checks the three counters in KEYS against ARGV[1..3] (0: no limit) and, when all
/// are under their limit, increments the limited ones; ARGV[4], ARGV[5] are the TTLs
/// (seconds) of the day and week counters. Returns 0, or the 1-based index of the
/// first limit reached.
const RESERVE_CUSTOMER: &str = r"
for i = 1, 3 do
  local limit = tonumber(ARGV[i])
  if limit > 0 and tonumber(redis.call('GET', KEYS[i]) or '0') >= limit then
    return i
  end
end
for i = 1, 3 do
  if tonumber(ARGV[i]) > 0 then
    redis.call('INCR', KEYS[i])
    if i < 3 then redis.call('EXPIRE', KEYS[i], ARGV[i + 3]) end
  end
end
return 0
";

/// Undoes a customer reservation: decrements the limited counters of KEYS.
const RELEASE_CUSTOMER: &str = r"
for i = 1, 3 do
  if tonumber(ARGV[i]) > 0 then
    if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
  end
end
return 0
";

/// Reserves one grant of the offer's global cap in hash KEYS[1]: ARGV[1] = max grants
/// (0: none), ARGV[2] = budget (micros, 0: none), ARGV[3] = cost per grant (micros).
/// Returns 0 when granted, 1 when the inventory is gone, 2 when the budget is.
const RESERVE_GLOBAL: &str = r"
local grants = tonumber(redis.call('HGET', KEYS[1], 'grants') or '0')
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
local max_grants = tonumber(ARGV[1])
local budget = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
if max_grants > 0 and grants >= max_grants then return 1 end
if budget > 0 and spent + cost > budget then return 2 end
redis.call('HINCRBY', KEYS[1], 'grants', 1)
redis.call('HINCRBY', KEYS[1], 'spent', cost)
return 0
";

const DAY_MS: i64 = 86_400_000;

/// The result of trying to grant an offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reservation {
    /// The grant was counted against every cap.
    Granted,
    /// A cap was reached; the text names it.
    Capped(String),
}

/// Atomic cap counters in Redis.
#[derive(Clone)]
pub struct Caps {
    conn: ConnectionManager,
    reserve_customer: Script,
    release_customer: Script,
    reserve_global: Script,
}

impl std::fmt::Debug for Caps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caps").finish_non_exhaustive()
    }
}

/// The three per-customer counter keys of an offer at `now` (day, ISO week, lifetime).
fn customer_keys(ws: &str, customer: &str, offer: &OfferId, now: DateTime<Utc>) -> [String; 3] {
    let base = format!("dec:{{{ws}:{customer}}}:cap:{offer}");
    let day = now.timestamp_millis().div_euclid(DAY_MS);
    let week = now.iso_week();
    [
        format!("{base}:d:{day}"),
        format!("{base}:w:{}-{}", week.year(), week.week()),
        format!("{base}:life"),
    ]
}

/// The global counter key of an offer.
fn global_key(ws: &str, offer: &OfferId) -> String {
    format!("dec:{{{ws}:{offer}}}:global")
}

impl Caps {
    /// Caps over a shared Redis connection.
    pub fn new(conn: ConnectionManager) -> Self {
        Self {
            conn,
            reserve_customer: Script::new(RESERVE_CUSTOMER),
            release_customer: Script::new(RELEASE_CUSTOMER),
            reserve_global: Script::new(RESERVE_GLOBAL),
        }
    }

    /// Counts one grant of `offer` to `customer` against its caps, or says which cap
    /// was reached (and counts nothing).
    pub async fn reserve(
        &self,
        ws: &str,
        customer: &str,
        offer: &OfferId,
        customer_cap: &CustomerCap,
        global_cap: &GlobalCap,
        now: DateTime<Utc>,
    ) -> Result<Reservation, Error> {
        let mut conn = self.conn.clone();
        let keys = customer_keys(ws, customer, offer, now);
        let limits = [
            customer_cap.max_per_day,
            customer_cap.max_per_week,
            customer_cap.max_lifetime,
        ];
        if customer_cap.is_set() {
            let hit: i64 = self
                .reserve_customer
                .key(&keys[0])
                .key(&keys[1])
                .key(&keys[2])
                .arg(limits[0])
                .arg(limits[1])
                .arg(limits[2])
                .arg(2 * DAY_MS / 1000)
                .arg(8 * DAY_MS / 1000)
                .invoke_async(&mut conn)
                .await?;
            if hit > 0 {
                let (what, limit) = match hit {
                    1 => ("per-day", limits[0]),
                    2 => ("per-week", limits[1]),
                    _ => ("lifetime", limits[2]),
                };
                return Ok(Reservation::Capped(format!(
                    "{what} customer cap of {limit} reached"
                )));
            }
        }
        if global_cap.is_set() {
            let hit: i64 = self
                .reserve_global
                .key(global_key(ws, offer))
                .arg(global_cap.max_grants)
                .arg(global_cap.budget_micros)
                .arg(global_cap.cost_micros)
                .invoke_async(&mut conn)
                .await?;
            if hit > 0 {
                if customer_cap.is_set() {
                    let _: i64 = self
                        .release_customer
                        .key(&keys[0])
                        .key(&keys[1])
                        .key(&keys[2])
                        .arg(limits[0])
                        .arg(limits[1])
                        .arg(limits[2])
                        .invoke_async(&mut conn)
                        .await?;
                }
                let why = if hit == 1 {
                    format!(
                        "global inventory of {} grants used up",
                        global_cap.max_grants
                    )
                } else {
                    format!(
                        "global budget of {} used up (cost per grant {})",
                        global_cap.budget_micros as f64 / 1e6,
                        global_cap.cost_micros as f64 / 1e6
                    )
                };
                return Ok(Reservation::Capped(why));
            }
        }
        Ok(Reservation::Granted)
    }

    /// Grants and budget spent (micros) so far against the offer's global cap.
    pub async fn global_usage(&self, ws: &str, offer: &OfferId) -> Result<(i64, i64), Error> {
        let (grants, spent): (Option<i64>, Option<i64>) = redis::cmd("HMGET")
            .arg(global_key(ws, offer))
            .arg("grants")
            .arg("spent")
            .query_async(&mut self.conn.clone())
            .await?;
        Ok((grants.unwrap_or(0), spent.unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn day_and_week_counters_roll_over_in_utc() {
        let offer = OfferId::new("offer_1");
        // Sunday 2024-03-10 23:59 UTC and Monday 2024-03-11 00:01 UTC.
        let sunday = Utc.with_ymd_and_hms(2024, 3, 10, 23, 59, 0).unwrap();
        let monday = Utc.with_ymd_and_hms(2024, 3, 11, 0, 1, 0).unwrap();
        let a = customer_keys("ws", "c", &offer, sunday);
        let b = customer_keys("ws", "c", &offer, monday);
        assert_ne!(a[0], b[0], "new day");
        assert_ne!(a[1], b[1], "new ISO week starts on Monday");
        assert_eq!(a[2], b[2], "lifetime never rolls");
        assert!(a[0].starts_with("dec:{ws:c}:cap:offer_1:d:"), "{}", a[0]);
    }
}
