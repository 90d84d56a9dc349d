//! Workspace frequency rules and journey priority, checked in Redis together with the
//! fatigue caps by one Lua script, so concurrent sends can never overshoot either.
//!
//! A marketing send under a frequency rule first *holds* its slot: it is counted in
//! every cap and rule (sorted sets scored by send time, as the caps are) and marked
//! tentative. For the arbitration window the holder may be displaced by a send of a
//! higher priority that finds a rule full; the displaced member is removed from every
//! counter and remembered with the displacer's journey. When the worker hands the
//! message to the provider it *confirms* the slot in the same script: a confirmed slot
//! can no longer be displaced; a displaced one is deferred to the rule's next window
//! (trying for a slot again) or skipped, as its send asked. Equal priorities never
//! displace each other: first come, first served.
//!
//! Keys (one customer hash tag, as the script needs): `ch:{<ws>:<customer>}:rule:<channels|all>:<day|week>`
//! per rule, plus `:tent` (tentative holders), `:meta` (priority, action and keys of
//! each holder) and `:disp` (displaced holder → displacing journey).

use crate::caps::{Caps, cap_key};
use crate::records::{Cap, Channel, FrequencyRule, NoSlot, SendPolicy};

/// Holds (`hold`) or confirms (`confirm`) a slot in every counter; see the module doc.
/// Returns `{code, index, next_ms, displacer}`: code 0 fits, 1 cap `index` full, 2 rule
/// `index` full until `next_ms` (index 0: displaced and skipped).
pub(crate) const RESERVE: &str = r"
local now = tonumber(ARGV[1])
local member = ARGV[2]
local prio = tonumber(ARGV[3])
local action = ARGV[4]
local journey = ARGV[5]
local mode = ARGV[6]
local ttl = tonumber(ARGV[7])
local tent, meta, disp = KEYS[1], KEYS[2], KEYS[3]
local n = #KEYS - 3
local function arg(j, k) return ARGV[7 + 3 * (j - 1) + k] end
local displacer = ''
local mine = redis.call('HGET', meta, member)
if mode == 'confirm' and mine then
  local m = cjson.decode(mine)
  prio, action = m.p, m.a
end
if mode == 'confirm' then
  local d = redis.call('HGET', disp, member)
  if d then
    redis.call('HDEL', disp, member)
    displacer = d
    if action == 's' then return {2, 0, 0, displacer} end
  end
end
for j = 1, n do
  if redis.call('ZSCORE', KEYS[3 + j], member) then
    if mode == 'confirm' then redis.call('SREM', tent, member) end
    return {0, 0, 0, displacer}
  end
end
local full = {}
local has_rule = false
for j = 1, n do
  local key = KEYS[3 + j]
  if arg(j, 3) == '1' then has_rule = true end
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - tonumber(arg(j, 1)))
  if redis.call('ZCARD', key) >= tonumber(arg(j, 2)) then full[#full + 1] = j end
end
if #full > 0 then
  -- the lowest-priority tentative holder below this send's priority that sits in
  -- every full counter (the newest among equals); a cap full only because of such a
  -- holder is freed with it, any other full cap stops the send
  local victim, vprio = nil, prio
  local members = redis.call('ZRANGE', KEYS[3 + full[1]], 0, -1)
  for _, cand in ipairs(members) do
    if redis.call('SISMEMBER', tent, cand) == 1 then
      local m = redis.call('HGET', meta, cand)
      local p = 0
      if m then p = cjson.decode(m).p end
      if p < vprio or (victim and p == vprio) then
        local everywhere = true
        for k = 2, #full do
          if not redis.call('ZSCORE', KEYS[3 + full[k]], cand) then everywhere = false break end
        end
        if everywhere then victim, vprio = cand, p end
      end
    end
  end
  if not victim then
    -- a displaced message waits for every full counter (its reason is the
    -- displacement); any other send stopped by a full cap is a fatigue-cap stop
    for _, j in ipairs(full) do
      if arg(j, 3) == '0' and displacer == '' then return {1, j, 0, displacer} end
    end
    local next_ms = 0
    for _, j in ipairs(full) do
      local oldest = redis.call('ZRANGE', KEYS[3 + j], 0, 0, 'WITHSCORES')
      local at = tonumber(oldest[2]) + tonumber(arg(j, 1))
      if at > next_ms then next_ms = at end
    end
    if not mine then
      redis.call('HSET', meta, member, cjson.encode({p = prio, a = action, k = {}}))
      redis.call('PEXPIRE', meta, ttl)
    end
    return {2, full[1], next_ms, displacer}
  end
  local vm = redis.call('HGET', meta, victim)
  if vm then
    for _, key in ipairs(cjson.decode(vm).k) do redis.call('ZREM', key, victim) end
  end
  for _, j in ipairs(full) do redis.call('ZREM', KEYS[3 + j], victim) end
  redis.call('SREM', tent, victim)
  redis.call('HSET', disp, victim, journey)
end
local keys = {}
for j = 1, n do
  local key = KEYS[3 + j]
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, tonumber(arg(j, 1)))
  keys[j] = key
end
redis.call('HSET', meta, member, cjson.encode({p = prio, a = action, k = keys}))
if mode == 'hold' and has_rule then redis.call('SADD', tent, member) end
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ttl) end
return {0, 0, 0, displacer}
";

/// One counter the script checks: a fatigue cap or a frequency rule.
#[derive(Clone, Debug)]
struct Counter {
    key: String,
    window_ms: i64,
    limit: u32,
    rule: Option<FrequencyRule>,
    cap: Option<Cap>,
}

/// Whether the script takes a tentative slot at `Send` or confirms it at delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// At `Send`: take a tentative, displaceable slot.
    Hold,
    /// At delivery: make the slot final (taking one if the message holds none).
    Confirm,
}

/// What the script decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// The message has its slot in every cap and rule.
    Granted {
        /// Whether a frequency rule applies (so the slot is tentative after a hold).
        ruled: bool,
    },
    /// A fatigue cap is full.
    CapFull(Cap),
    /// A frequency rule has no slot for the message.
    Full {
        /// The full rule (`None` when the message was displaced and skips).
        rule: Option<FrequencyRule>,
        /// When the rule has room again, unix ms (0 when skipped after displacement).
        next_ms: i64,
        /// The journey that displaced this message, when it was displaced.
        displaced_by: Option<String>,
    },
}

impl Slot {
    /// The reason recorded on a message that got no slot.
    pub fn reason(&self) -> String {
        match self {
            Self::Full {
                displaced_by: Some(j),
                ..
            } => format!("frequency_rule: displaced by higher priority journey {j}"),
            Self::Full { rule: Some(r), .. } => {
                format!("frequency_rule: {} reached", describe(r))
            }
            Self::Full { .. } => "frequency_rule: no slot".to_owned(),
            Self::CapFull(_) => "fatigue_cap".to_owned(),
            Self::Granted { .. } => String::new(),
        }
    }
}

/// "at most 1 email+sms per week".
pub fn describe(r: &FrequencyRule) -> String {
    let channels = if r.channels.is_empty() {
        "message".to_owned()
    } else {
        r.channels
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join("+")
    };
    format!("at most {} {channels} per {}", r.max, r.period.as_str())
}

/// The Redis key of one frequency rule for one customer.
pub fn rule_key(workspace: &str, customer_id: &str, rule: &FrequencyRule) -> String {
    let mut names: Vec<&str> = rule.channels.iter().map(|c| c.as_str()).collect();
    names.sort_unstable();
    let scope = if names.is_empty() {
        "all".to_owned()
    } else {
        names.join("+")
    };
    format!(
        "ch:{{{workspace}:{customer_id}}}:rule:{scope}:{}",
        rule.period.as_str()
    )
}

fn counters(ws: &str, customer_id: &str, channel: Channel, policy: &SendPolicy) -> Vec<Counter> {
    let caps = policy
        .caps
        .iter()
        .filter(|c| c.channel.is_none_or(|ch| ch == channel))
        .map(|c| Counter {
            key: cap_key(ws, customer_id, c),
            window_ms: c.window.millis(),
            limit: c.limit,
            rule: None,
            cap: Some(c.clone()),
        });
    let rules = policy
        .frequency_rules
        .iter()
        .filter(|r| r.applies_to(channel))
        .map(|r| Counter {
            key: rule_key(ws, customer_id, r),
            window_ms: r.period.millis(),
            limit: r.max,
            rule: Some(r.clone()),
            cap: None,
        });
    caps.chain(rules).collect()
}

/// Whether any frequency rule of `policy` counts a `channel` message.
pub fn ruled(policy: &SendPolicy, channel: Channel) -> bool {
    policy.frequency_rules.iter().any(|r| r.applies_to(channel))
}

/// One marketing message asking for its slot.
#[derive(Clone, Copy, Debug)]
pub struct Claim<'a> {
    /// Workspace.
    pub workspace: &'a str,
    /// Customer.
    pub customer_id: &'a str,
    /// Channel.
    pub channel: Channel,
    /// The message's idempotency key (the member in every counter).
    pub member: &'a str,
    /// The sending journey's priority.
    pub priority: i32,
    /// What to do without a slot.
    pub on_no_slot: NoSlot,
    /// The sending journey (recorded on the messages it displaces).
    pub journey_id: &'a str,
    /// Send time, unix ms.
    pub now_ms: i64,
}

impl Caps {
    /// Checks every cap and frequency rule that applies to the message and takes its
    /// slot in all of them or none, atomically; see the module doc.
    pub async fn reserve(
        &self,
        policy: &SendPolicy,
        claim: Claim<'_>,
        mode: Mode,
    ) -> Result<Slot, redis::RedisError> {
        let counters = counters(claim.workspace, claim.customer_id, claim.channel, policy);
        let ruled = counters.iter().any(|c| c.rule.is_some());
        if counters.is_empty() {
            return Ok(Slot::Granted { ruled });
        }
        let base = format!("ch:{{{}:{}}}:rule", claim.workspace, claim.customer_id);
        let ttl = counters.iter().map(|c| c.window_ms).max().unwrap_or(0) + 86_400_000;
        let mut invocation = self.reserve.prepare_invoke();
        invocation
            .key(format!("{base}:tent"))
            .key(format!("{base}:meta"))
            .key(format!("{base}:disp"));
        for c in &counters {
            invocation.key(&c.key);
        }
        invocation
            .arg(claim.now_ms)
            .arg(claim.member)
            .arg(claim.priority)
            .arg(match claim.on_no_slot {
                NoSlot::Defer => "d",
                NoSlot::Skip => "s",
            })
            .arg(claim.journey_id)
            .arg(match mode {
                Mode::Hold => "hold",
                Mode::Confirm => "confirm",
            })
            .arg(ttl);
        for c in &counters {
            invocation
                .arg(c.window_ms)
                .arg(c.limit)
                .arg(if c.rule.is_some() { "1" } else { "0" });
        }
        let (code, index, next_ms, displacer): (i64, usize, i64, String) =
            invocation.invoke_async(&mut self.conn.clone()).await?;
        let at = |i: usize| i.checked_sub(1).and_then(|i| counters.get(i));
        Ok(match code {
            0 => Slot::Granted { ruled },
            1 => match at(index).and_then(|c| c.cap.clone()) {
                Some(cap) => Slot::CapFull(cap),
                None => Slot::Granted { ruled },
            },
            _ => Slot::Full {
                rule: at(index).and_then(|c| c.rule.clone()),
                next_ms,
                displaced_by: (!displacer.is_empty()).then_some(displacer),
            },
        })
    }

    /// Gives back every cap and rule slot `member` holds (the message will not be sent).
    pub async fn release_all(
        &self,
        policy: &SendPolicy,
        workspace: &str,
        customer_id: &str,
        channel: Channel,
        member: &str,
    ) -> Result<(), redis::RedisError> {
        let counters = counters(workspace, customer_id, channel, policy);
        if counters.is_empty() {
            return Ok(());
        }
        let base = format!("ch:{{{workspace}:{customer_id}}}:rule");
        let mut pipe = redis::pipe();
        for c in &counters {
            pipe.zrem(&c.key, member).ignore();
        }
        if counters.iter().any(|c| c.rule.is_some()) {
            pipe.srem(format!("{base}:tent"), member).ignore();
            pipe.hdel(format!("{base}:meta"), member).ignore();
        }
        let () = pipe.query_async(&mut self.conn.clone()).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::records::CapWindow;

    use super::*;

    #[test]
    fn rule_keys_are_stable_and_share_the_customer_hash_tag() {
        let r = FrequencyRule {
            channels: vec![Channel::Sms, Channel::Email],
            max: 1,
            period: CapWindow::Week,
        };
        assert_eq!(rule_key("ws", "c1", &r), "ch:{ws:c1}:rule:email+sms:week");
        let all = FrequencyRule {
            channels: vec![],
            max: 3,
            period: CapWindow::Day,
        };
        assert_eq!(rule_key("ws", "c1", &all), "ch:{ws:c1}:rule:all:day");
        assert_eq!(describe(&all), "at most 3 message per day");
    }
}
