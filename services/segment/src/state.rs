//! The segment service's own Redis state (next to the profile keys of
//! `omni-profile-store`, which holds memberships and computed values):
//!
//! | key | type | content |
//! |---|---|---|
//! | `ct:{ws:cid}:<computed trait id>` | hash | time-bucketed aggregation state: `<bucket>:c` count, `:n` numeric count, `:s` sum, `:lo`/`:hi` min/max, `:f`/`:l` `<ms>\|<json>` first/last, `:d:<json>` distinct values |
//! | `ct:{ws:cid}:seen` | sorted set | ids of the customer's last events already counted (redelivery guard) |
//! | `seg:{ws:cid}:ver` | hash | segment id -> version last evaluated for the customer |
//! | `seg:{ws}:known` | set | every customer the service has seen (recompute and preview scan it) |
//! | `seg:{ws}:members:<segment id>` | set | the segment's members |
//! | `seg:{ws}:size:<segment id>` | hash | `YYYY-MM-DD` -> size after the day's last change |
//! | `seg:{ws}:changes` | stream | membership transitions (WatchMembership), about the last 100,000 |
//! | `seg:due` | sorted set | `<ws>\t<cid>` -> when a computed trait window or lifecycle stage next expires (ms) |
//! | `seg:workspaces` | set | every workspace with a known customer (the RFM schedule walks it) |
//! | `seg:{ws}:rfm:lock` | string | held (with expiry) by the replica computing the workspace's RFM model |

use std::collections::{BTreeMap, HashMap};

use redis::AsyncCommands as _;
use redis::aio::ConnectionManager;
use serde_json::Value;

use crate::computed::{Bucket, ComputedTrait};
use crate::error::Error;

/// The global due-time sorted set of scheduled re-evaluations.
pub const DUE_KEY: &str = "seg:due";
/// The set of workspaces with known customers.
pub const WORKSPACES_KEY: &str = "seg:workspaces";
/// How many recent event ids per customer are remembered against redelivery.
pub const SEEN_KEEP: i64 = 256;
/// Approximate length the transition stream is trimmed to.
pub const CHANGES_MAX_LEN: usize = 100_000;

/// Adds one event to the bucket state of every matching trait, unless the event id was
/// already counted. KEYS[1] is the seen set; KEYS[2..] the trait state hashes. ARGV:
/// event id, event time, seen-keep, then per trait: bucket, prune-before (or ''), ops,
/// number (or ''), JSON value (or '').
const RECORD_EVENT: &str = r"
local id = ARGV[1]
if id ~= '' then
  if redis.call('ZADD', KEYS[1], 'NX', ARGV[2], id) == 0 then return 0 end
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
end
local t = tonumber(ARGV[2])
for i = 2, #KEYS do
  local base = 4 + (i - 2) * 5
  local k = KEYS[i]
  local b = ARGV[base]
  local prune = ARGV[base + 1]
  local ops = ARGV[base + 2]
  local num = ARGV[base + 3]
  local json = ARGV[base + 4]
  if prune ~= '' then
    local p = tonumber(prune)
    for _, f in ipairs(redis.call('HKEYS', k)) do
      local fb = tonumber(string.match(f, '^(%-?%d+):'))
      if fb ~= nil and fb < p then redis.call('HDEL', k, f) end
    end
  end
  redis.call('HINCRBY', k, b .. ':c', 1)
  if string.find(ops, 'n', 1, true) and num ~= '' then
    local v = tonumber(num)
    redis.call('HINCRBY', k, b .. ':n', 1)
    redis.call('HINCRBYFLOAT', k, b .. ':s', num)
    local lo = tonumber(redis.call('HGET', k, b .. ':lo'))
    if lo == nil or v < lo then redis.call('HSET', k, b .. ':lo', num) end
    local hi = tonumber(redis.call('HGET', k, b .. ':hi'))
    if hi == nil or v > hi then redis.call('HSET', k, b .. ':hi', num) end
  end
  if json ~= '' then
    if string.find(ops, 'f', 1, true) then
      local cur = redis.call('HGET', k, b .. ':f')
      if not cur or t < tonumber(string.match(cur, '^(%-?%d+)|')) then
        redis.call('HSET', k, b .. ':f', ARGV[2] .. '|' .. json)
      end
    end
    if string.find(ops, 'l', 1, true) then
      local cur = redis.call('HGET', k, b .. ':l')
      if not cur or t >= tonumber(string.match(cur, '^(%-?%d+)|')) then
        redis.call('HSET', k, b .. ':l', ARGV[2] .. '|' .. json)
      end
    end
    if string.find(ops, 'd', 1, true) then
      redis.call('HSET', k, b .. ':d:' .. json, 1)
    end
  end
end
return 1
";

/// Adds (ARGV[1] = '1') or removes a member of a segment's member set (KEYS[1]) and,
/// when that changed the set, records its size for the day ARGV[3] in KEYS[2].
const INDEX_MEMBER: &str = r"
local changed
if ARGV[1] == '1' then changed = redis.call('SADD', KEYS[1], ARGV[2])
else changed = redis.call('SREM', KEYS[1], ARGV[2]) end
if changed == 1 then
  redis.call('HSET', KEYS[2], ARGV[3], redis.call('SCARD', KEYS[1]))
end
return changed
";

/// One trait's part of an event update.
#[derive(Debug, Clone)]
pub struct TraitUpdate<'a> {
    /// The trait.
    pub def: &'a ComputedTrait,
    /// Start of the bucket the event falls in.
    pub bucket: i64,
    /// Buckets starting before this are dropped.
    pub prune_before: Option<i64>,
    /// The numeric property, for numeric aggregations.
    pub number: Option<f64>,
    /// The property as JSON text, for first/last/distinct.
    pub json: Option<String>,
}

/// A membership transition as kept on the changes stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The customer.
    pub customer_id: String,
    /// The segment.
    pub segment_id: String,
    /// Entered or exited.
    pub entered: bool,
    /// Why, as [`crate::engine::Reason`] code.
    pub reason: i32,
    /// Segment version evaluated.
    pub version: i64,
    /// When (unix ms).
    pub time_ms: i64,
    /// Causing event or erasure id.
    pub cause: String,
}

fn tag(ws: &str, cid: &str) -> String {
    format!("{{{ws}:{cid}}}")
}

/// Key of one trait's bucket state for one customer.
pub fn trait_key(ws: &str, cid: &str, trait_id: &str) -> String {
    format!("ct:{}:{trait_id}", tag(ws, cid))
}

fn seen_key(ws: &str, cid: &str) -> String {
    format!("ct:{}:seen", tag(ws, cid))
}

fn versions_key(ws: &str, cid: &str) -> String {
    format!("seg:{}:ver", tag(ws, cid))
}

fn known_key(ws: &str) -> String {
    format!("seg:{{{ws}}}:known")
}

fn members_key(ws: &str, segment: &str) -> String {
    format!("seg:{{{ws}}}:members:{segment}")
}

fn sizes_key(ws: &str, segment: &str) -> String {
    format!("seg:{{{ws}}}:size:{segment}")
}

/// Key of the workspace's transition stream.
pub fn changes_key(ws: &str) -> String {
    format!("seg:{{{ws}}}:changes")
}

fn due_member(ws: &str, cid: &str) -> String {
    format!("{ws}\t{cid}")
}

/// Deletes KEYS[1] if it still holds ARGV[1] (releases a lock this holder took).
const UNLOCK: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
";

fn rfm_lock_key(ws: &str) -> String {
    format!("seg:{{{ws}}}:rfm:lock")
}

/// Typed access to the segment service's Redis state; cheap to clone.
#[derive(Clone)]
pub struct State {
    conn: ConnectionManager,
    client: redis::Client,
    record_event: redis::Script,
    index_member: redis::Script,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State").finish_non_exhaustive()
    }
}

impl State {
    /// State over a shared connection; `client` opens dedicated connections for
    /// blocking stream reads.
    pub fn new(conn: ConnectionManager, client: redis::Client) -> Self {
        Self {
            conn,
            client,
            record_event: redis::Script::new(RECORD_EVENT),
            index_member: redis::Script::new(INDEX_MEMBER),
        }
    }

    /// Counts one event into the matching traits' buckets; false when the event id was
    /// counted before (a redelivery) and nothing changed.
    pub async fn record_event(
        &self,
        ws: &str,
        cid: &str,
        event_id: &str,
        time_ms: i64,
        updates: &[TraitUpdate<'_>],
    ) -> Result<bool, Error> {
        if updates.is_empty() {
            return Ok(false);
        }
        let mut inv = self.record_event.prepare_invoke();
        inv.key(seen_key(ws, cid));
        inv.arg(event_id).arg(time_ms).arg(SEEN_KEEP);
        for u in updates {
            inv.key(trait_key(ws, cid, u.def.id.as_str()));
            inv.arg(u.bucket)
                .arg(u.prune_before.map(|p| p.to_string()).unwrap_or_default())
                .arg(u.def.aggregation.ops())
                .arg(u.number.map(|n| n.to_string()).unwrap_or_default())
                .arg(u.json.as_deref().unwrap_or_default());
        }
        let counted: i64 = inv.invoke_async(&mut self.conn.clone()).await?;
        Ok(counted == 1)
    }

    /// The bucket state of each of `traits` for the customer, in the same order.
    pub async fn read_traits(
        &self,
        ws: &str,
        cid: &str,
        traits: &[&ComputedTrait],
    ) -> Result<Vec<BTreeMap<i64, Bucket>>, Error> {
        if traits.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for t in traits {
            pipe.hgetall(trait_key(ws, cid, t.id.as_str()));
        }
        let raw: Vec<HashMap<String, String>> = pipe.query_async(&mut self.conn.clone()).await?;
        Ok(raw.into_iter().map(parse_buckets).collect())
    }

    /// Segment id -> the version last evaluated for the customer.
    pub async fn versions(&self, ws: &str, cid: &str) -> Result<HashMap<String, i64>, Error> {
        Ok(self.conn.clone().hgetall(versions_key(ws, cid)).await?)
    }

    /// The version of `segment` last evaluated for each of `cids`, in one pipeline.
    pub async fn versions_of(
        &self,
        ws: &str,
        cids: &[String],
        segment: &str,
    ) -> Result<Vec<Option<i64>>, Error> {
        if cids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for cid in cids {
            pipe.hget(versions_key(ws, cid), segment);
        }
        Ok(pipe.query_async(&mut self.conn.clone()).await?)
    }

    /// Records `version` of `segment` as evaluated for each of `cids`, in one pipeline.
    pub async fn set_version_many(
        &self,
        ws: &str,
        cids: &[&str],
        segment: &str,
        version: i64,
    ) -> Result<(), Error> {
        if cids.is_empty() {
            return Ok(());
        }
        let mut pipe = redis::pipe();
        for cid in cids {
            pipe.hset(versions_key(ws, cid), segment, version).ignore();
        }
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }

    /// [`State::index_member`] for many customers of one segment, in one pipeline.
    pub async fn index_members(
        &self,
        ws: &str,
        segment: &str,
        changes: &[(&str, bool)],
        day: &str,
    ) -> Result<(), Error> {
        if changes.is_empty() {
            return Ok(());
        }
        let mut conn = self.conn.clone();
        // Pipelined EVALSHA needs the script loaded.
        self.index_member.load_async(&mut conn).await?;
        let mut pipe = redis::pipe();
        for (cid, entered) in changes {
            pipe.invoke_script(
                self.index_member
                    .key(members_key(ws, segment))
                    .key(sizes_key(ws, segment))
                    .arg(if *entered { "1" } else { "0" })
                    .arg(*cid)
                    .arg(day),
            )
            .ignore();
        }
        pipe.query_async::<()>(&mut conn).await?;
        Ok(())
    }

    /// Records the versions evaluated for the customer.
    pub async fn set_versions(
        &self,
        ws: &str,
        cid: &str,
        versions: &[(String, i64)],
    ) -> Result<(), Error> {
        if versions.is_empty() {
            return Ok(());
        }
        let _: () = self
            .conn
            .clone()
            .hset_multiple(versions_key(ws, cid), versions)
            .await?;
        Ok(())
    }

    /// Remembers a customer as known to the workspace (and the workspace as known).
    pub async fn add_known(&self, ws: &str, cid: &str) -> Result<(), Error> {
        let added: i64 = self.conn.clone().sadd(known_key(ws), cid).await?;
        if added == 1 {
            let _: i64 = self.conn.clone().sadd(WORKSPACES_KEY, ws).await?;
        }
        Ok(())
    }

    /// Every workspace with a known customer.
    pub async fn workspaces(&self) -> Result<Vec<String>, Error> {
        Ok(self.conn.clone().smembers(WORKSPACES_KEY).await?)
    }

    /// Takes the workspace's RFM lock for `ttl_ms` with `token`; false when another
    /// holder has it.
    pub async fn try_lock_rfm(&self, ws: &str, token: &str, ttl_ms: u64) -> Result<bool, Error> {
        let set: Option<String> = redis::cmd("SET")
            .arg(rfm_lock_key(ws))
            .arg(token)
            .arg("NX")
            .arg("PX")
            .arg(ttl_ms)
            .query_async(&mut self.conn.clone())
            .await?;
        Ok(set.is_some())
    }

    /// Releases the workspace's RFM lock if `token` still holds it.
    pub async fn unlock_rfm(&self, ws: &str, token: &str) -> Result<(), Error> {
        let _: i64 = redis::Script::new(UNLOCK)
            .key(rfm_lock_key(ws))
            .arg(token)
            .invoke_async(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    /// How many customers the workspace has.
    pub async fn known_count(&self, ws: &str) -> Result<i64, Error> {
        Ok(self.conn.clone().scard(known_key(ws)).await?)
    }

    /// One page of known customers from `cursor` (0 starts; a returned 0 ends).
    pub async fn scan_known(
        &self,
        ws: &str,
        cursor: u64,
        count: usize,
    ) -> Result<(u64, Vec<String>), Error> {
        let (next, ids): (u64, Vec<String>) = redis::cmd("SSCAN")
            .arg(known_key(ws))
            .arg(cursor)
            .arg("COUNT")
            .arg(count)
            .query_async(&mut self.conn.clone())
            .await?;
        Ok((next, ids))
    }

    /// One page of a segment's members from `cursor` (0 starts; a returned 0 ends).
    pub async fn scan_members(
        &self,
        ws: &str,
        segment: &str,
        cursor: u64,
        count: usize,
    ) -> Result<(u64, Vec<String>), Error> {
        let (next, ids): (u64, Vec<String>) = redis::cmd("SSCAN")
            .arg(members_key(ws, segment))
            .arg(cursor)
            .arg("COUNT")
            .arg(count)
            .query_async(&mut self.conn.clone())
            .await?;
        Ok((next, ids))
    }

    /// Adds or removes the customer in the segment's member set, recording the day's
    /// size when that changed it.
    pub async fn index_member(
        &self,
        ws: &str,
        segment: &str,
        cid: &str,
        entered: bool,
        day: &str,
    ) -> Result<(), Error> {
        let _: i64 = self
            .index_member
            .key(members_key(ws, segment))
            .key(sizes_key(ws, segment))
            .arg(if entered { "1" } else { "0" })
            .arg(cid)
            .arg(day)
            .invoke_async(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    /// The segment's current size.
    pub async fn member_count(&self, ws: &str, segment: &str) -> Result<i64, Error> {
        Ok(self.conn.clone().scard(members_key(ws, segment)).await?)
    }

    /// Day (`YYYY-MM-DD`) -> size after that day's last change.
    pub async fn size_history(
        &self,
        ws: &str,
        segment: &str,
    ) -> Result<BTreeMap<String, i64>, Error> {
        let raw: HashMap<String, i64> = self.conn.clone().hgetall(sizes_key(ws, segment)).await?;
        Ok(raw.into_iter().collect())
    }

    /// Appends a transition to the workspace's changes stream.
    pub async fn record_transition(&self, ws: &str, t: &Transition) -> Result<(), Error> {
        let fields: [(&str, String); 7] = [
            ("c", t.customer_id.clone()),
            ("s", t.segment_id.clone()),
            ("e", if t.entered { "1" } else { "0" }.to_owned()),
            ("r", t.reason.to_string()),
            ("v", t.version.to_string()),
            ("t", t.time_ms.to_string()),
            ("x", t.cause.clone()),
        ];
        let _: String = self
            .conn
            .clone()
            .xadd_maxlen(
                changes_key(ws),
                redis::streams::StreamMaxlen::Approx(CHANGES_MAX_LEN),
                "*",
                &fields,
            )
            .await?;
        Ok(())
    }

    /// The id of the newest transition (`0-0` when none), to start watching after.
    pub async fn last_transition_id(&self, ws: &str) -> Result<String, Error> {
        let reply: redis::streams::StreamRangeReply = self
            .conn
            .clone()
            .xrevrange_count(changes_key(ws), "+", "-", 1)
            .await?;
        Ok(reply
            .ids
            .first()
            .map_or_else(|| "0-0".to_owned(), |e| e.id.clone()))
    }

    /// A dedicated connection for blocking reads of the changes stream.
    pub async fn dedicated(&self) -> Result<redis::aio::MultiplexedConnection, Error> {
        // Blocking reads wait longer than the default response timeout.
        let config = redis::AsyncConnectionConfig::new()
            .set_response_timeout(Some(std::time::Duration::from_secs(30)))
            .set_connection_timeout(Some(std::time::Duration::from_secs(5)));
        Ok(self
            .client
            .get_multiplexed_async_connection_with_config(&config)
            .await?)
    }

    /// Schedules the customer's re-evaluation at `due_ms`, or unschedules it.
    pub async fn schedule(&self, ws: &str, cid: &str, due_ms: Option<i64>) -> Result<(), Error> {
        let mut conn = self.conn.clone();
        match due_ms {
            Some(due) => {
                let _: i64 = conn.zadd(DUE_KEY, due_member(ws, cid), due).await?;
            }
            None => {
                let _: i64 = conn.zrem(DUE_KEY, due_member(ws, cid)).await?;
            }
        }
        Ok(())
    }

    /// When the customer's re-evaluation is scheduled, if it is.
    pub async fn scheduled(&self, ws: &str, cid: &str) -> Result<Option<i64>, Error> {
        Ok(self
            .conn
            .clone()
            .zscore(DUE_KEY, due_member(ws, cid))
            .await?)
    }

    /// Claims up to `limit` re-evaluations due at `now_ms`: each is removed from the
    /// schedule, so exactly one replica takes it. Returns `(workspace, customer)`.
    pub async fn claim_due(
        &self,
        now_ms: i64,
        limit: usize,
    ) -> Result<Vec<(String, String)>, Error> {
        let mut conn = self.conn.clone();
        let due: Vec<String> = conn
            .zrangebyscore_limit(DUE_KEY, "-inf", now_ms, 0, limit as isize)
            .await?;
        let mut claimed = Vec::new();
        for member in due {
            let removed: i64 = conn.zrem(DUE_KEY, &member).await?;
            if removed == 1
                && let Some((ws, cid)) = member.split_once('\t')
            {
                claimed.push((ws.to_owned(), cid.to_owned()));
            }
        }
        Ok(claimed)
    }

    /// Forgets everything kept about a customer (erased, or merged into another):
    /// trait state of `trait_ids`, seen events, evaluated versions, schedule, and the
    /// known set. Member sets are cleaned by the exits the caller applies first.
    pub async fn forget(&self, ws: &str, cid: &str, trait_ids: &[String]) -> Result<(), Error> {
        let mut keys: Vec<String> = trait_ids.iter().map(|id| trait_key(ws, cid, id)).collect();
        keys.push(seen_key(ws, cid));
        keys.push(versions_key(ws, cid));
        let mut pipe = redis::pipe();
        pipe.del(&keys)
            .ignore()
            .srem(known_key(ws), cid)
            .ignore()
            .zrem(DUE_KEY, due_member(ws, cid))
            .ignore();
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }
}

/// Parses a trait state hash into buckets.
fn parse_buckets(raw: HashMap<String, String>) -> BTreeMap<i64, Bucket> {
    let mut buckets: BTreeMap<i64, Bucket> = BTreeMap::new();
    for (field, value) in raw {
        let Some((start, op)) = field.split_once(':') else {
            continue;
        };
        let Ok(start) = start.parse::<i64>() else {
            continue;
        };
        let b = buckets.entry(start).or_default();
        match op {
            "c" => b.count = value.parse().unwrap_or_default(),
            "n" => b.numeric = value.parse().unwrap_or_default(),
            "s" => b.sum = value.parse().unwrap_or_default(),
            "lo" => b.min = value.parse().ok(),
            "hi" => b.max = value.parse().ok(),
            "f" | "l" => {
                let parsed = value.split_once('|').and_then(|(t, json)| {
                    Some((
                        t.parse::<i64>().ok()?,
                        serde_json::from_str::<Value>(json).ok()?,
                    ))
                });
                if op == "f" {
                    b.first = parsed;
                } else {
                    b.last = parsed;
                }
            }
            _ => {
                if let Some(json) = op.strip_prefix("d:") {
                    b.distinct.insert(json.to_owned());
                }
            }
        }
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_fields_parse() {
        let raw: HashMap<String, String> = [
            ("60000:c", "3"),
            ("60000:n", "2"),
            ("60000:s", "7.5"),
            ("60000:lo", "2.5"),
            ("60000:hi", "5"),
            ("60000:f", "61000|\"a\""),
            ("60000:l", "62000|{\"x\":1}"),
            ("60000:d:\"a\"", "1"),
            ("60000:d:\"b\"", "1"),
            ("garbage", "1"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let buckets = parse_buckets(raw);
        let b = &buckets[&60_000];
        assert_eq!((b.count, b.numeric, b.sum), (3, 2, 7.5));
        assert_eq!((b.min, b.max), (Some(2.5), Some(5.0)));
        assert_eq!(b.first, Some((61_000, serde_json::json!("a"))));
        assert_eq!(b.last, Some((62_000, serde_json::json!({"x": 1}))));
        assert_eq!(b.distinct.len(), 2);
        assert_eq!(buckets.len(), 1);
    }
}
