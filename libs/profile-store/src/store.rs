//! [`ProfileStore`]: typed reads and atomic writes of profiles in Redis.

use std::collections::{BTreeMap, HashMap};

use redis::AsyncCommands as _;
use redis::aio::ConnectionManager;
use serde_json::Value;

use crate::Error;
use crate::consent::{ConsentSnapshot, GlobalUnsubscribe, PurposeConsent};
use crate::keys::{CustomerKeys, FIRST_SEEN, GLOBAL_UNSUBSCRIBE, LAST_SEEN};
use crate::profile::{ConsentState, ProfileUpdate, StoredProfile, identifier_member};

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

    /// Forgets `customer_id` (erasure): its profile, its memberships and its own
    /// alias. Aliases of ids merged into it are left; they resolve to nothing.
    pub async fn delete(&self, workspace: &str, customer_id: &str) -> Result<(), Error> {
        let keys = CustomerKeys::new(workspace, customer_id);
        let mut all: Vec<&str> = keys.profile().to_vec();
        all.extend([
            keys.memberships.as_str(),
            keys.alias.as_str(),
            keys.consent_purposes.as_str(),
        ]);
        let _: i64 = self.conn.clone().del(&all).await?;
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
