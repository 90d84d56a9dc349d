//! Fatigue caps in Redis: one sorted set per customer, cap channel and window, scored by
//! send time, trimmed to the window. One Lua script checks every applicable cap and
//! records the send in all of them, or in none, atomically, so concurrent sends can
//! never overshoot a cap. The member is the message's idempotency key: a retried `Send`
//! is counted once.
//!
//! Keys: `ch:{<workspace>:<customer>}:cap:<channel|all>:<day|week>`; the hash tag keeps
//! one customer's keys in one cluster slot, as the script needs.

use redis::Script;
use redis::aio::ConnectionManager;

use crate::records::{Cap, Channel};

/// Returns 0 and records the send when every cap has room (or the member was already
/// counted), else the 1-based index of the first full cap.
const CHECK_AND_COUNT: &str = r"
local now = tonumber(ARGV[1])
local member = ARGV[2]
for i, key in ipairs(KEYS) do
  if redis.call('ZSCORE', key, member) then return 0 end
end
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[1 + 2 * i])
  local limit = tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= limit then return i end
end
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[1 + 2 * i])
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
end
return 0
";

/// The fatigue-cap counter.
#[derive(Clone)]
pub struct Caps {
    conn: ConnectionManager,
    script: Script,
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
            script: Script::new(CHECK_AND_COUNT),
        }
    }

    /// Checks the caps that apply to a `channel` message and counts it under `member`
    /// at `now_ms`. `Ok(None)` when it fits, `Ok(Some(cap))` naming the full cap.
    pub async fn try_count(
        &self,
        workspace: &str,
        customer_id: &str,
        channel: Channel,
        caps: &[Cap],
        member: &str,
        now_ms: i64,
    ) -> Result<Option<Cap>, redis::RedisError> {
        let applicable: Vec<&Cap> = caps
            .iter()
            .filter(|c| c.channel.is_none_or(|ch| ch == channel))
            .collect();
        if applicable.is_empty() {
            return Ok(None);
        }
        let mut invocation = self.script.prepare_invoke();
        for cap in &applicable {
            invocation.key(cap_key(workspace, customer_id, cap));
        }
        invocation.arg(now_ms).arg(member);
        for cap in &applicable {
            invocation.arg(cap.window.millis()).arg(cap.limit);
        }
        let full: i64 = invocation.invoke_async(&mut self.conn.clone()).await?;
        Ok(usize::try_from(full)
            .ok()
            .filter(|i| *i > 0)
            .and_then(|i| applicable.get(i - 1))
            .map(|c| (*c).clone()))
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
