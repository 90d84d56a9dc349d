//! Fatigue caps in Redis: one sorted set per customer, cap channel and window, scored by
//! send time, trimmed to the window. One Lua script (`arbitration::RESERVE`, shared with
//! the frequency rules) checks every applicable cap and rule and records the send in all
//! of them, or in none, atomically, so concurrent sends can
//! never overshoot a cap. The member is the message's idempotency key: a retried `Send`
//! is counted once. A message that fails for good (or is stopped before sending) gives
//! its slot back, so caps count messages that went out or still may.
//!
//! Keys: `ch:{<workspace>:<customer>}:cap:<channel|all>:<day|week>`; the hash tag keeps
//! one customer's keys in one cluster slot, as the script needs.

use redis::Script;
use redis::aio::ConnectionManager;

use crate::records::{Cap, Channel};

/// Takes the next free send slot of a throttled journey: returns `max(now, next)` and
/// moves `next` one interval on, so concurrent sends get evenly spaced slots.
const THROTTLE_SLOT: &str = r"
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nxt)
redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 60000)
return slot
";

/// The fatigue-cap counter.
#[derive(Clone)]
pub struct Caps {
    pub(crate) conn: ConnectionManager,
    pub(crate) reserve: Script,
    throttle: Script,
}

impl std::fmt::Debug for Caps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caps").finish_non_exhaustive()
    }
}

/// The Redis key of one cap for one customer.
pub fn cap_key(workspace: &str, customer_id: &str, cap: &Cap) -> String {
    let scope = cap.channel.map(Channel::as_str).unwrap_or("all");
    format!(
        "ch:{{{workspace}:{customer_id}}}:cap:{scope}:{}",
        cap.window.as_str()
    )
}

impl Caps {
    /// Caps over a shared Redis connection.
    pub fn new(conn: ConnectionManager) -> Self {
        Self {
            conn,
            reserve: Script::new(crate::arbitration::RESERVE),
            throttle: Script::new(THROTTLE_SLOT),
        }
    }
}

impl Caps {
    /// The send time (unix ms, at or after `now_ms`) of the next message of a journey
    /// throttled to `per_minute`. Key: `ch:{<workspace>}:throttle:<journey>`.
    pub async fn throttle_slot(
        &self,
        workspace: &str,
        journey_id: &str,
        per_minute: u32,
        now_ms: i64,
    ) -> Result<i64, redis::RedisError> {
        let interval = 60_000_u64.div_ceil(u64::from(per_minute.max(1)));
        self.throttle
            .key(format!("ch:{{{workspace}}}:throttle:{journey_id}"))
            .arg(now_ms)
            .arg(interval)
            .invoke_async(&mut self.conn.clone())
            .await
    }
}

#[cfg(test)]
mod tests {
    use crate::records::CapWindow;

    use super::*;

    #[test]
    fn keys_share_the_customer_hash_tag() {
        let day = Cap {
            channel: Some(Channel::Sms),
            window: CapWindow::Day,
            limit: 1,
        };
        let week = Cap {
            channel: None,
            window: CapWindow::Week,
            limit: 5,
        };
        assert_eq!(cap_key("ws", "c1", &day), "ch:{ws:c1}:cap:sms:day");
        assert_eq!(cap_key("ws", "c1", &week), "ch:{ws:c1}:cap:all:week");
    }
}
