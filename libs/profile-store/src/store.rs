//! [`ProfileStore`]: typed reads and atomic writes of profiles in Redis.

use std::collections::{BTreeMap, HashMap};

use redis::AsyncCommands as _;
use redis::aio::ConnectionManager;
use serde_json::Value;

use crate::Error;
use crate::activity::{
    ActivityUpdate, MAX_PRODUCTS, ProfileActivity, PurchaseSummary, PushTokenState,
};
use crate::consent::{ConsentSnapshot, GlobalUnsubscribe, PurposeConsent};
use crate::keys::{CustomerKeys, FIRST_SEEN, GLOBAL_UNSUBSCRIBE, LAST_SEEN};
use crate::preferences::ContactPreferences;
use crate::profile::{
    ConsentState, ProfileParts, ProfileUpdate, ReadParts, StoredProfile, identifier_member,
};

/// Longest chain of merges followed by [`ProfileStore::resolve_alias`].
const MAX_ALIAS_HOPS: usize = 64;

/// Widens `first_seen_ms`/`last_seen_ms` of `KEYS[1]` to include `ARGV[1]`. Runs
/// inside the update's MULTI so the whole update stays atomic.
const TOUCH_META: &str = r"
local t = tonumber(ARGV[1])
local first = tonumber(redis.call('HGET', KEYS[1], 'first_seen_ms'))
if first == nil or t < first then redis.call('HSET', KEYS[1], 'first_seen_ms', ARGV[1]) end
local last = tonumber(redis.call('HGET', KEYS[1], 'last_seen_ms'))
if last == nil or t > last then redis.call('HSET', KEYS[1], 'last_seen_ms', ARGV[1]) end
return 0
";

/// Typed access to real-time profiles and segment memberships; cheap to clone.
///
/// Workspace and customer ids are passed as plain strings (`WorkspaceId::as_str()`).
#[derive(Clone)]
pub struct ProfileStore {
    conn: ConnectionManager,
}

impl std::fmt::Debug for ProfileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileStore").finish_non_exhaustive()
    }
}

impl ProfileStore {
    /// A store over a shared Redis connection.
    pub fn new(conn: ConnectionManager) -> Self {
        Self { conn }
    }

    /// The profile of `customer_id`, following merge aliases to the surviving
    /// customer; `None` when nothing is stored for it.
    pub async fn get(
        &self,
        workspace: &str,
        customer_id: &str,
    ) -> Result<Option<StoredProfile>, Error> {
        let customer_id = self.resolve_alias(workspace, customer_id).await?;
        let keys = CustomerKeys::new(workspace, &customer_id);
        type Raw = (
            HashMap<String, String>,
            Vec<String>,
            HashMap<String, i64>,
            HashMap<String, String>,
            HashMap<String, i64>,
        );
        let (traits, ids, counts, consent, meta): Raw = redis::pipe()
            .atomic()
            .hgetall(&keys.traits)
            .smembers(&keys.ids)
            .hgetall(&keys.counts)
            .hgetall(&keys.consent)
            .hgetall(&keys.meta)
            .query_async(&mut self.conn.clone())
            .await?;
        if traits.is_empty()
            && ids.is_empty()
            && counts.is_empty()
            && consent.is_empty()
            && meta.is_empty()
        {
            return Ok(None);
        }

        let traits = traits
            .into_iter()
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .map(|(name, json)| {
                Ok((
                    name.clone(),
                    parse_json::<Value>(&keys.traits, &name, &json)?,
                ))
            })
            .collect::<Result<serde_json::Map<_, _>, Error>>()?;
        let mut identifiers = ids
            .iter()
            .map(|member| {
                member
                    .split_once(':')
                    .map(|(kind, value)| (kind.to_owned(), value.to_owned()))
                    .ok_or_else(|| Error::Corrupt {
                        key: keys.ids.clone(),
                        detail: format!("identifier {member:?} is not type:value"),
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        identifiers.sort();
        let consents = consent
            .into_iter()
            .map(|(channel, json)| {
                Ok((channel.clone(), parse_json(&keys.consent, &channel, &json)?))
            })
            .collect::<Result<BTreeMap<_, ConsentState>, Error>>()?;
        Ok(Some(StoredProfile {
            customer_id,
            traits,
            identifiers,
            event_counts: counts.into_iter().collect(),
            consents,
            first_seen_ms: meta.get(FIRST_SEEN).copied().unwrap_or_default(),
            last_seen_ms: meta.get(LAST_SEEN).copied().unwrap_or_default(),
        }))
    }

    /// The customer `customer_id` ended up in after merges (itself if never merged away).
    pub async fn resolve_alias(&self, workspace: &str, customer_id: &str) -> Result<String, Error> {
        let mut conn = self.conn.clone();
        let mut current = customer_id.to_owned();
        for _ in 0..MAX_ALIAS_HOPS {
            let next: Option<String> = conn
                .get(CustomerKeys::new(workspace, &current).alias)
                .await?;
            match next {
                Some(next) if next != current => current = next,
                _ => return Ok(current),
            }
        }
        Err(Error::AliasCycle {
            customer_id: customer_id.to_owned(),
        })
    }

    /// Applies one event or identify call to `customer_id` in one transaction: sets
    /// (or, for JSON `null`, removes) traits, adds identifiers, counts the event type
    /// and widens first/last seen to `time_ms`. `customer_id` must be a surviving id
    /// (see [`ProfileStore::resolve_alias`]).
    pub async fn apply(
        &self,
        workspace: &str,
        customer_id: &str,
        update: &ProfileUpdate,
    ) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let mut pipe = redis::pipe();
        pipe.atomic();
        add_update(&mut pipe, &keys, update)?;
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }

    /// [`ProfileStore::apply`] plus an [`ActivityUpdate`] (declared trait types,
    /// purchase, store visit, engagement, push tokens), all in one transaction.
    pub async fn apply_with_activity(
        &self,
        workspace: &str,
        customer_id: &str,
        update: &ProfileUpdate,
        activity: &ActivityUpdate,
    ) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let mut pipe = redis::pipe();
        pipe.atomic();
        add_update(&mut pipe, &keys, update)?;
        add_activity(&mut pipe, &keys, activity);
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }

    /// The activity part of `customer_id`'s profile (following merge aliases); empty
    /// when nothing is recorded.
    pub async fn activity(
        &self,
        workspace: &str,
        customer_id: &str,
    ) -> Result<ProfileActivity, Error> {
        let customer_id = self.resolve_alias(workspace, customer_id).await?;
        let keys = CustomerKeys::new(workspace, &customer_id);
        type Raw = (
            HashMap<String, String>,
            HashMap<String, String>,
            Vec<(String, f64)>,
            HashMap<String, String>,
        );
        let (types, act, products, push): Raw = redis::pipe()
            .atomic()
            .hgetall(&keys.trait_types)
            .hgetall(&keys.activity)
            .cmd("ZRANGE")
            .arg(&keys.products)
            .arg(0)
            .arg(-1)
            .arg("REV")
            .arg("WITHSCORES")
            .hgetall(&keys.push)
            .query_async(&mut self.conn.clone())
            .await?;
        let num = |field: &str| -> Result<i64, Error> {
            act.get(field).map_or(Ok(0), |v| {
                v.parse::<i64>().map_err(|e| Error::Corrupt {
                    key: format!("{} {field}", keys.activity),
                    detail: e.to_string(),
                })
            })
        };
        let mut out = ProfileActivity {
            trait_types: types.into_iter().collect(),
            orders: num("orders")?,
            revenue_micros: num("revenue_micros")?,
            last_purchase_ms: num("last_purchase_ms")?,
            // Scores are unix ms, exact in a double.
            #[allow(clippy::cast_possible_truncation)]
            products: products.into_iter().map(|(id, t)| (id, t as i64)).collect(),
            last_store: None,
            engagement: BTreeMap::new(),
            push_tokens: BTreeMap::new(),
        };
        if let Some(id) = act.get("store_id") {
            out.last_store = Some((id.clone(), num("store_ms")?));
        }
        for field in act.keys() {
            let Some((kind, channel)) = field.split_once(':') else {
                continue;
            };
            let n = num(field)?;
            let e = out.engagement.entry(channel.to_owned()).or_default();
            match kind {
                "open" => e.last_open_ms = n,
                "click" => e.last_click_ms = n,
                "opens" => e.opens = n,
                "clicks" => e.clicks = n,
                _ => {}
            }
        }
        for (field, value) in push {
            let corrupt = |detail: &str| Error::Corrupt {
                key: format!("{} {field:?}", keys.push),
                detail: detail.to_owned(),
            };
            let mut parts = field.splitn(3, '\t');
            let (Some(app), Some(platform), Some(token)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err(corrupt("field is not app, platform, token"));
            };
            let (registered, ms) = value
                .split_once(':')
                .ok_or_else(|| corrupt("value is not <0|1>:<ms>"))?;
            let updated_ms = ms.parse().map_err(|_| corrupt("bad time"))?;
            out.push_tokens.insert(
                (app.to_owned(), platform.to_owned(), token.to_owned()),
                PushTokenState {
                    registered: registered == "1",
                    updated_ms,
                },
            );
        }
        Ok(out)
    }

    /// Reads the parts of many profiles a batch evaluation needs, in one pipeline:
    /// for each of exactly `customer_ids` (no alias following), in the same order,
    /// whether a profile exists, its traits and event counts when asked for, and its
    /// segment memberships.
    pub async fn read_many(
        &self,
        workspace: &str,
        customer_ids: &[String],
        parts: ReadParts,
    ) -> Result<Vec<ProfileParts>, Error> {
        if customer_ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        let keys: Vec<CustomerKeys> = customer_ids
            .iter()
            .map(|id| CustomerKeys::new(workspace, id))
            .collect();
        for k in &keys {
            pipe.cmd("EXISTS").arg(&k.profile());
            if parts.traits {
                pipe.hgetall(&k.traits);
            }
            if parts.event_counts {
                pipe.hgetall(&k.counts);
            }
            pipe.hgetall(&k.memberships);
        }
        let mut replies: Vec<redis::Value> = pipe.query_async(&mut self.conn.clone()).await?;
        let per = 2 + usize::from(parts.traits) + usize::from(parts.event_counts);
        if replies.len() != per * keys.len() {
            return Err(Error::Corrupt {
                key: "read_many".into(),
                detail: format!("{} replies for {} reads", replies.len(), per * keys.len()),
            });
        }
        let mut out = Vec::with_capacity(keys.len());
        let mut it = replies.drain(..);
        for k in &keys {
            let mut next = || it.next().unwrap_or(redis::Value::Nil);
            let exists: i64 = redis::from_redis_value(next()).map_err(redis::RedisError::from)?;
            let mut p = ProfileParts {
                exists: exists > 0,
                ..ProfileParts::default()
            };
            if parts.traits {
                let raw: Vec<(String, String)> =
                    redis::from_redis_value(next()).map_err(redis::RedisError::from)?;
                for (name, json) in raw {
                    let v = parse_json::<Value>(&k.traits, &name, &json)?;
                    p.traits.insert(name, v);
                }
            }
            if parts.event_counts {
                let raw: Vec<(String, i64)> =
                    redis::from_redis_value(next()).map_err(redis::RedisError::from)?;
                p.event_counts = raw.into_iter().collect();
            }
            let raw: Vec<(String, i64)> =
                redis::from_redis_value(next()).map_err(redis::RedisError::from)?;
            p.memberships = raw.into_iter().collect();
            out.push(p);
        }
        Ok(out)
    }

    /// The purchase summary of exactly each of `customer_ids` (no alias following), in
    /// the same order, read in one pipeline; zeros for a customer who never bought.
    pub async fn purchase_summaries(
        &self,
        workspace: &str,
        customer_ids: &[String],
    ) -> Result<Vec<PurchaseSummary>, Error> {
        if customer_ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for customer_id in customer_ids {
            pipe.cmd("HMGET")
                .arg(CustomerKeys::new(workspace, customer_id).activity)
                .arg(&["orders", "revenue_micros", "last_purchase_ms"]);
        }
        let raw: Vec<(Option<i64>, Option<i64>, Option<i64>)> =
            pipe.query_async(&mut self.conn.clone()).await?;
        Ok(raw
            .into_iter()
            .map(|(orders, revenue, last)| PurchaseSummary {
                orders: orders.unwrap_or_default(),
                revenue_micros: revenue.unwrap_or_default(),
                last_purchase_ms: last.unwrap_or_default(),
            })
            .collect())
    }

    /// [`ProfileStore::replace`] that also writes `activity` as the complete activity
    /// of the survivor and drops the activity of every id in `merged_away`, in one
    /// transaction.
    pub async fn replace_with_activity(
        &self,
        workspace: &str,
        profile: &StoredProfile,
        activity: &ProfileActivity,
        merged_away: &[String],
    ) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, &profile.customer_id);
        let mut pipe = redis::pipe();
        pipe.atomic();
        add_replace(&mut pipe, &keys, workspace, profile, merged_away)?;
        pipe.del(&keys.activity_keys()).ignore();
        for old in merged_away
            .iter()
            .filter(|old| **old != profile.customer_id)
        {
            pipe.del(&CustomerKeys::new(workspace, old).activity_keys())
                .ignore();
        }
        if !activity.trait_types.is_empty() {
            let types: Vec<(&str, &str)> = activity
                .trait_types
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            pipe.hset_multiple(&keys.trait_types, &types).ignore();
        }
        let mut act: Vec<(String, String)> = Vec::new();
        if activity.orders != 0 || activity.revenue_micros != 0 || activity.last_purchase_ms != 0 {
            act.push(("orders".into(), activity.orders.to_string()));
            act.push(("revenue_micros".into(), activity.revenue_micros.to_string()));
            act.push((
                "last_purchase_ms".into(),
                activity.last_purchase_ms.to_string(),
            ));
        }
        if let Some((id, ms)) = &activity.last_store {
            act.push(("store_id".into(), id.clone()));
            act.push(("store_ms".into(), ms.to_string()));
        }
        for (channel, e) in &activity.engagement {
            if e.opens > 0 || e.last_open_ms > 0 {
                act.push((format!("open:{channel}"), e.last_open_ms.to_string()));
                act.push((format!("opens:{channel}"), e.opens.to_string()));
            }
            if e.clicks > 0 || e.last_click_ms > 0 {
                act.push((format!("click:{channel}"), e.last_click_ms.to_string()));
                act.push((format!("clicks:{channel}"), e.clicks.to_string()));
            }
        }
        if !act.is_empty() {
            pipe.hset_multiple(&keys.activity, &act).ignore();
        }
        if !activity.products.is_empty() {
            let members: Vec<(i64, &str)> = activity
                .products
                .iter()
                .map(|(id, t)| (*t, id.as_str()))
                .collect();
            pipe.zadd_multiple(&keys.products, &members).ignore();
        }
        if !activity.push_tokens.is_empty() {
            let tokens: Vec<(String, String)> = activity
                .push_tokens
                .iter()
                .map(|((app, platform, token), st)| {
                    (
                        format!("{app}\t{platform}\t{token}"),
                        format!("{}:{}", u8::from(st.registered), st.updated_ms),
                    )
                })
                .collect();
            pipe.hset_multiple(&keys.push, &tokens).ignore();
        }
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }

    /// Writes `profile` as the complete state of `profile.customer_id` (after a merge
    /// or an unmerge) in one transaction: its old state is dropped (and any alias it
    /// had removed), every id in `merged_away` loses its profile keys and becomes an
    /// alias of the survivor. Segment memberships of merged-away ids are left for
    /// the segment service to exit.
    pub async fn replace(
        &self,
        workspace: &str,
        profile: &StoredProfile,
        merged_away: &[String],
    ) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, &profile.customer_id);
        let mut pipe = redis::pipe();
        pipe.atomic();
        add_replace(&mut pipe, &keys, workspace, profile, merged_away)?;
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }

    /// Records consent for `channel` (`email`, `push`, `sms`, `store`), replacing what
    /// was stored for it.
    pub async fn set_consent(
        &self,
        workspace: &str,
        customer_id: &str,
        channel: &str,
        granted: bool,
        time_ms: i64,
    ) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let state = serde_json::to_string(&ConsentState {
            granted,
            updated_ms: time_ms,
        })?;
        let _: i64 = self
            .conn
            .clone()
            .hset(&keys.consent, channel, state)
            .await?;
        Ok(())
    }

    /// The segments `customer_id` is in, with the time (unix ms) it entered each.
    /// Reads exactly this id (no alias following).
    pub async fn memberships(
        &self,
        workspace: &str,
        customer_id: &str,
    ) -> Result<BTreeMap<String, i64>, Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let members: HashMap<String, i64> = self.conn.clone().hgetall(&keys.memberships).await?;
        Ok(members.into_iter().collect())
    }

    /// When each of `customer_ids` entered `segment_id` (`None` when not a member),
    /// in the same order, read in one pipeline.
    pub async fn entered_at(
        &self,
        workspace: &str,
        segment_id: &str,
        customer_ids: &[String],
    ) -> Result<Vec<Option<i64>>, Error> {
        if customer_ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for customer_id in customer_ids {
            pipe.hget(
                CustomerKeys::new(workspace, customer_id).memberships,
                segment_id,
            );
        }
        Ok(pipe.query_async(&mut self.conn.clone()).await?)
    }

    /// Marks `customer_id` as in (`entered`) or out of `segment_id`; returns whether
    /// that changed anything. Entering keeps the original entry time when already in.
    pub async fn set_membership(
        &self,
        workspace: &str,
        customer_id: &str,
        segment_id: &str,
        entered: bool,
        time_ms: i64,
    ) -> Result<bool, Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let mut conn = self.conn.clone();
        let changed: bool = if entered {
            conn.hset_nx(&keys.memberships, segment_id, time_ms).await?
        } else {
            let removed: i64 = conn.hdel(&keys.memberships, segment_id).await?;
            removed > 0
        };
        Ok(changed)
    }

    /// The computed trait values of exactly `customer_id` (no alias following), as the
    /// segment service last wrote them: name -> JSON value.
    pub async fn computed(
        &self,
        workspace: &str,
        customer_id: &str,
    ) -> Result<BTreeMap<String, Value>, Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let raw: HashMap<String, String> = self.conn.clone().hgetall(&keys.computed).await?;
        raw.into_iter()
            .map(|(name, json)| Ok((name.clone(), parse_json(&keys.computed, &name, &json)?)))
            .collect()
    }

    /// Updates computed trait values of `customer_id` in one transaction: sets each
    /// `set` entry and removes each name in `remove` (a value that no longer exists).
    pub async fn set_computed(
        &self,
        workspace: &str,
        customer_id: &str,
        set: &BTreeMap<String, Value>,
        remove: &[String],
    ) -> Result<(), Error> {
        if set.is_empty() && remove.is_empty() {
            return Ok(());
        }
        let keys = CustomerKeys::new(workspace, customer_id);
        let mut pipe = redis::pipe();
        pipe.atomic();
        if !set.is_empty() {
            let fields = set
                .iter()
                .map(|(k, v)| Ok((k.as_str(), serde_json::to_string(v)?)))
                .collect::<Result<Vec<_>, Error>>()?;
            pipe.hset_multiple(&keys.computed, &fields).ignore();
        }
        if !remove.is_empty() {
            pipe.hdel(&keys.computed, remove).ignore();
        }
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }

    /// Forgets `customer_id` (erasure): its profile, its memberships and its own
    /// alias. Aliases of ids merged into it are left; they resolve to nothing.
    pub async fn delete(&self, workspace: &str, customer_id: &str) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let mut all: Vec<&str> = keys.profile().to_vec();
        all.extend([
            keys.memberships.as_str(),
            keys.alias.as_str(),
            keys.consent_purposes.as_str(),
            keys.computed.as_str(),
            keys.preferences.as_str(),
        ]);
        all.extend(keys.activity_keys());
        let _: i64 = self.conn.clone().del(&all).await?;
        Ok(())
    }

    /// The do-not-disturb preferences of `customer_id` (following merge aliases);
    /// `None` when none are stored.
    pub async fn contact_preferences(
        &self,
        workspace: &str,
        customer_id: &str,
    ) -> Result<Option<ContactPreferences>, Error> {
        let customer_id = self.resolve_alias(workspace, customer_id).await?;
        let keys = CustomerKeys::new(workspace, &customer_id);
        let raw: Option<String> = self.conn.clone().get(&keys.preferences).await?;
        raw.map(|json| parse_json(&keys.preferences, "", &json))
            .transpose()
    }

    /// Writes (or, with `None` or empty preferences, removes) the do-not-disturb
    /// preferences of `customer_id` (a surviving id).
    pub async fn write_contact_preferences(
        &self,
        workspace: &str,
        customer_id: &str,
        preferences: Option<&ContactPreferences>,
    ) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        match preferences.filter(|p| !p.is_empty()) {
            Some(p) => {
                let json = serde_json::to_string(p)?;
                let () = self.conn.clone().set(&keys.preferences, json).await?;
            }
            None => {
                let _: i64 = self.conn.clone().del(&keys.preferences).await?;
            }
        }
        Ok(())
    }

    /// Every consent decision of `customer_id` (following merge aliases).
    pub async fn consent(
        &self,
        workspace: &str,
        customer_id: &str,
    ) -> Result<ConsentSnapshot, Error> {
        let customer_id = self.resolve_alias(workspace, customer_id).await?;
        let keys = CustomerKeys::new(workspace, &customer_id);
        let raw: HashMap<String, String> =
            self.conn.clone().hgetall(&keys.consent_purposes).await?;
        let mut snapshot = ConsentSnapshot::default();
        for (field, json) in raw {
            if field == GLOBAL_UNSUBSCRIBE {
                snapshot.global_unsubscribe = Some(parse_json::<GlobalUnsubscribe>(
                    &keys.consent_purposes,
                    &field,
                    &json,
                )?);
                continue;
            }
            let Some((channel, purpose)) = field.split_once(':') else {
                return Err(Error::Corrupt {
                    key: keys.consent_purposes.clone(),
                    detail: format!("field {field:?} is not channel:purpose"),
                });
            };
            let d: PurposeConsent = parse_json(&keys.consent_purposes, &field, &json)?;
            snapshot
                .decisions
                .insert((channel.to_owned(), purpose.to_owned()), d);
        }
        Ok(snapshot)
    }

    /// Writes `snapshot` as the complete consent state of `customer_id` (a surviving
    /// id) in one transaction: the per-purpose hash, and the per-channel effective
    /// marketing consent read through [`StoredProfile::consents`].
    pub async fn write_consent(
        &self,
        workspace: &str,
        customer_id: &str,
        snapshot: &ConsentSnapshot,
    ) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let mut fields: Vec<(String, String)> = Vec::new();
        for ((channel, purpose), d) in &snapshot.decisions {
            fields.push((format!("{channel}:{purpose}"), serde_json::to_string(d)?));
        }
        if let Some(g) = &snapshot.global_unsubscribe {
            fields.push((GLOBAL_UNSUBSCRIBE.to_owned(), serde_json::to_string(g)?));
        }
        let legacy = snapshot
            .effective_marketing()
            .into_iter()
            .map(|(channel, state)| Ok((channel, serde_json::to_string(&state)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        let mut pipe = redis::pipe();
        pipe.atomic();
        pipe.del(&keys.consent_purposes).ignore();
        pipe.del(&keys.consent).ignore();
        if !fields.is_empty() {
            pipe.hset_multiple(&keys.consent_purposes, &fields).ignore();
        }
        if !legacy.is_empty() {
            pipe.hset_multiple(&keys.consent, &legacy).ignore();
        }
        pipe.query_async::<()>(&mut self.conn.clone()).await?;
        Ok(())
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(
    key: &str,
    field: &str,
    json: &str,
) -> Result<T, Error> {
    serde_json::from_str(json).map_err(|e| Error::Corrupt {
        key: format!("{key} {field}"),
        detail: e.to_string(),
    })
}

/// Adds the commands of [`ProfileStore::apply`] to `pipe`.
fn add_update(
    pipe: &mut redis::Pipeline,
    keys: &CustomerKeys,
    update: &ProfileUpdate,
) -> Result<(), Error> {
    for (name, value) in &update.traits {
        if value.is_null() {
            pipe.hdel(&keys.traits, name).ignore();
        } else {
            pipe.hset(&keys.traits, name, serde_json::to_string(value)?)
                .ignore();
        }
    }
    if !update.identifiers.is_empty() {
        let members: Vec<String> = update.identifiers.iter().map(identifier_member).collect();
        pipe.sadd(&keys.ids, members).ignore();
    }
    if let Some(event_type) = &update.event_type {
        pipe.hincr(&keys.counts, event_type, 1).ignore();
    }
    pipe.cmd("EVAL")
        .arg(TOUCH_META)
        .arg(1)
        .arg(&keys.meta)
        .arg(update.time_ms)
        .ignore();
    Ok(())
}

/// Adds the commands of [`ProfileStore::replace`] to `pipe`.
fn add_replace(
    pipe: &mut redis::Pipeline,
    keys: &CustomerKeys,
    workspace: &str,
    profile: &StoredProfile,
    merged_away: &[String],
) -> Result<(), Error> {
    pipe.del(&keys.profile()).ignore().del(&keys.alias).ignore();
    if !profile.traits.is_empty() {
        let traits = profile
            .traits
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| Ok((k.as_str(), serde_json::to_string(v)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        if !traits.is_empty() {
            pipe.hset_multiple(&keys.traits, &traits).ignore();
        }
    }
    if !profile.identifiers.is_empty() {
        let members: Vec<String> = profile.identifiers.iter().map(identifier_member).collect();
        pipe.sadd(&keys.ids, members).ignore();
    }
    if !profile.event_counts.is_empty() {
        let counts: Vec<(&str, i64)> = profile
            .event_counts
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        pipe.hset_multiple(&keys.counts, &counts).ignore();
    }
    if !profile.consents.is_empty() {
        let consents = profile
            .consents
            .iter()
            .map(|(k, v)| Ok((k.as_str(), serde_json::to_string(v)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        pipe.hset_multiple(&keys.consent, &consents).ignore();
    }
    pipe.hset_multiple(
        &keys.meta,
        &[
            (FIRST_SEEN, profile.first_seen_ms),
            (LAST_SEEN, profile.last_seen_ms),
        ],
    )
    .ignore();
    for old in merged_away
        .iter()
        .filter(|old| **old != profile.customer_id)
    {
        let old_keys = CustomerKeys::new(workspace, old);
        pipe.del(&old_keys.profile())
            .ignore()
            .del(&old_keys.consent_purposes)
            .ignore()
            .set(&old_keys.alias, &profile.customer_id)
            .ignore();
    }
    Ok(())
}

/// Applies an [`ActivityUpdate`] to the activity keys of `KEYS`; `ARGV[1]` is the
/// update as JSON (numbers as strings). Mirrors [`ProfileActivity::apply`].
const APPLY_ACTIVITY: &str = r"
local u = cjson.decode(ARGV[1])
local act, products, push = KEYS[1], KEYS[2], KEYS[3]
local function raise(field, t)
  local cur = tonumber(redis.call('HGET', act, field))
  if cur == nil or tonumber(t) > cur then redis.call('HSET', act, field, t) end
end
if u.p then
  redis.call('HINCRBY', act, 'orders', 1)
  redis.call('HINCRBY', act, 'revenue_micros', u.p.r)
  raise('last_purchase_ms', u.p.t)
  local t = tonumber(u.p.t)
  for _, id in ipairs(u.p.ids) do
    local cur = tonumber(redis.call('ZSCORE', products, id))
    if cur == nil or t > cur then redis.call('ZADD', products, u.p.t, id) end
  end
  redis.call('ZREMRANGEBYRANK', products, 0, -(tonumber(u.p.max) + 1))
end
if u.s then
  local t = tonumber(u.s.t)
  local cur_t = tonumber(redis.call('HGET', act, 'store_ms'))
  local cur_id = redis.call('HGET', act, 'store_id')
  if cur_t == nil or t > cur_t or (t == cur_t and u.s.id > cur_id) then
    redis.call('HSET', act, 'store_id', u.s.id, 'store_ms', u.s.t)
  end
end
if u.o then
  redis.call('HINCRBY', act, 'opens:' .. u.o.c, 1)
  raise('open:' .. u.o.c, u.o.t)
end
if u.c then
  redis.call('HINCRBY', act, 'clicks:' .. u.c.c, 1)
  raise('click:' .. u.c.c, u.c.t)
end
for _, k in ipairs(u.k or {}) do
  local cur = redis.call('HGET', push, k.f)
  local write = true
  if cur then
    local reg, ms = string.match(cur, '^(%d):(%-?%d+)$')
    ms = tonumber(ms)
    local t = tonumber(k.t)
    if ms > t or (ms == t and reg == '0') then write = false end
  end
  if write then redis.call('HSET', push, k.f, k.r .. ':' .. k.t) end
end
return 0
";

/// Adds the commands of an [`ActivityUpdate`] to `pipe`.
fn add_activity(pipe: &mut redis::Pipeline, keys: &CustomerKeys, u: &ActivityUpdate) {
    for (name, ty) in &u.trait_types {
        match ty {
            Some(ty) => pipe.hset(&keys.trait_types, name, ty).ignore(),
            None => pipe.hdel(&keys.trait_types, name).ignore(),
        };
    }
    if !u.has_counters() {
        return;
    }
    let mut arg = serde_json::Map::new();
    if let Some(p) = &u.purchase {
        arg.insert(
            "p".into(),
            serde_json::json!({
                "r": p.revenue_micros.to_string(),
                "t": p.time_ms.to_string(),
                "ids": p.product_ids,
                "max": MAX_PRODUCTS.to_string(),
            }),
        );
    }
    if let Some((id, t)) = &u.store_visit {
        arg.insert(
            "s".into(),
            serde_json::json!({"id": id, "t": t.to_string()}),
        );
    }
    if let Some((c, t)) = &u.open {
        arg.insert("o".into(), serde_json::json!({"c": c, "t": t.to_string()}));
    }
    if let Some((c, t)) = &u.click {
        arg.insert("c".into(), serde_json::json!({"c": c, "t": t.to_string()}));
    }
    if !u.push_tokens.is_empty() {
        let tokens: Vec<Value> = u
            .push_tokens
            .iter()
            .map(|k| {
                let (app, platform, token) = &k.key;
                serde_json::json!({
                    "f": format!("{app}\t{platform}\t{token}"),
                    "r": if k.registered { "1" } else { "0" },
                    "t": k.time_ms.to_string(),
                })
            })
            .collect();
        arg.insert("k".into(), Value::Array(tokens));
    }
    pipe.cmd("EVAL")
        .arg(APPLY_ACTIVITY)
        .arg(3)
        .arg(&keys.activity)
        .arg(&keys.products)
        .arg(&keys.push)
        .arg(Value::Object(arg).to_string())
        .ignore();
}
