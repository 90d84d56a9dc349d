//! The Redis side of an accepted event: fold merged profiles into the survivor, then
//! apply the event's traits, identifiers and count.
//!
//! Merging is idempotent (a customer whose Redis alias already exists was folded in
//! before and is skipped), so the outbox may redo it after a crash. Applying the
//! event is not (counts are increments); the `events.applied` flag guards it.

use omni_common::ids::CustomerId;
use omni_profile_store::{ProfileActivity, ProfileStore, ProfileUpdate, StoredProfile};

use crate::Error;
use crate::activity::activity_of;
use crate::event::{Outcome, TrackedEvent};

/// Folds the customers merged by `outcome` into `survivor` (if not done yet) and
/// applies `event` to `survivor`'s profile.
pub async fn apply_event(
    profiles: &ProfileStore,
    ws: &str,
    survivor: &CustomerId,
    event: &TrackedEvent,
    outcome: &Outcome,
) -> Result<(), Error> {
    if !outcome.aliased_customer_ids.is_empty() {
        fold_merged(profiles, ws, survivor, &outcome.aliased_customer_ids).await?;
    }
    let update = ProfileUpdate {
        traits: event.traits.clone(),
        identifiers: outcome
            .profile_identifiers
            .iter()
            .map(|i| (i.kind.as_str().to_owned(), i.value.clone()))
            .collect(),
        event_type: Some(event.event_type.clone()),
        time_ms: event.time_ms,
    };
    let mut activity = activity_of(event);
    if activity
        .push_tokens
        .iter()
        .any(|c| !c.registered && (c.key.0.is_empty() || c.key.1.is_empty()))
    {
        // A removal naming only the token (a provider's dead-token answer) removes it
        // under every app it is registered for.
        let current = profiles.activity(ws, survivor.as_str()).await?;
        activity.push_tokens = current.expand_token_removals(&activity.push_tokens);
    }
    profiles
        .apply_with_activity(ws, survivor.as_str(), &update, &activity)
        .await?;
    Ok(())
}

/// Replaces `survivor`'s profile with the merge of it and the not-yet-folded profiles
/// of `merged`, and aliases every id in `merged` to `survivor`.
async fn fold_merged(
    profiles: &ProfileStore,
    ws: &str,
    survivor: &CustomerId,
    merged: &[CustomerId],
) -> Result<(), Error> {
    let mut parts = Vec::with_capacity(merged.len() + 1);
    let mut away = Vec::with_capacity(merged.len());
    for m in merged {
        if profiles.resolve_alias(ws, m.as_str()).await? != m.as_str() {
            continue; // folded in by an earlier run (or a later merge)
        }
        let activity = profiles.activity(ws, m.as_str()).await?;
        if let Some(p) = profiles.get(ws, m.as_str()).await? {
            parts.push((p, activity));
        } else if !activity.is_empty() {
            parts.push((StoredProfile::default(), activity));
        }
        away.push(m.as_str().to_owned());
    }
    if away.is_empty() {
        return Ok(());
    }
    let survivor_activity = profiles.activity(ws, survivor.as_str()).await?;
    if let Some(p) = profiles.get(ws, survivor.as_str()).await? {
        parts.push((p, survivor_activity));
    } else {
        parts.push((StoredProfile::default(), survivor_activity));
    }
    // Oldest last-seen first, as merge_profiles does, so declared trait types of the
    // most recent profile win like its trait values.
    parts.sort_by_key(|(p, _)| p.last_seen_ms);
    let mut activity = ProfileActivity::default();
    let mut stored = Vec::with_capacity(parts.len());
    for (p, a) in parts {
        activity.fold(a);
        stored.push(p);
    }
    let folded = merge_profiles(survivor, stored);
    profiles
        .replace_with_activity(ws, &folded, &activity, &away)
        .await?;
    Ok(())
}

/// Merges profiles into one for `survivor`: per trait the value from the profile seen
/// most recently wins; identifiers are united; counts summed; first seen is the
/// earliest, last seen the latest; per channel the most recent consent wins.
pub fn merge_profiles(survivor: &CustomerId, mut parts: Vec<StoredProfile>) -> StoredProfile {
    // Oldest last-seen first, so later inserts (more recent profiles) overwrite.
    parts.sort_by_key(|p| p.last_seen_ms);
    let mut out = StoredProfile {
        customer_id: survivor.as_str().to_owned(),
        traits: serde_json::Map::new(),
        identifiers: Vec::new(),
        event_counts: Default::default(),
        consents: Default::default(),
        first_seen_ms: 0,
        last_seen_ms: 0,
    };
    for p in parts {
        out.traits.extend(p.traits);
        out.identifiers.extend(p.identifiers);
        for (k, n) in p.event_counts {
            *out.event_counts.entry(k).or_insert(0) += n;
        }
        for (channel, state) in p.consents {
            match out.consents.get(&channel) {
                Some(existing) if existing.updated_ms > state.updated_ms => {}
                _ => {
                    out.consents.insert(channel, state);
                }
            }
        }
        if p.first_seen_ms > 0 && (out.first_seen_ms == 0 || p.first_seen_ms < out.first_seen_ms) {
            out.first_seen_ms = p.first_seen_ms;
        }
        out.last_seen_ms = out.last_seen_ms.max(p.last_seen_ms);
    }
    out.identifiers.sort();
    out.identifiers.dedup();
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use omni_profile_store::ConsentState;
    use serde_json::json;

    use super::*;

    fn profile(id: &str, first: i64, last: i64, traits: serde_json::Value) -> StoredProfile {
        StoredProfile {
            customer_id: id.into(),
            traits: traits.as_object().cloned().unwrap_or_default(),
            identifiers: vec![
                ("email".into(), format!("{id}@example.com")),
                ("phone".into(), "+4412345678".into()),
            ],
            event_counts: BTreeMap::from([("view".to_owned(), 2), (format!("only_{id}"), 1)]),
            consents: BTreeMap::from([(
                "email".to_owned(),
                ConsentState {
                    granted: id == "a",
                    updated_ms: if id == "a" { 50 } else { 40 },
                },
            )]),
            first_seen_ms: first,
            last_seen_ms: last,
        }
    }

    #[test]
    fn merge_rules() {
        let a = profile("a", 10, 100, json!({"name": "Ann", "tier": "gold"}));
        let b = profile("b", 5, 200, json!({"name": "Annie", "city": "Oslo"}));
        let m = merge_profiles(&CustomerId::new("a"), vec![b, a]);
        assert_eq!(m.customer_id, "a");
        assert_eq!(
            m.traits.get("name"),
            Some(&json!("Annie")),
            "newer last_seen wins"
        );
        assert_eq!(m.traits.get("tier"), Some(&json!("gold")));
        assert_eq!(m.traits.get("city"), Some(&json!("Oslo")));
        assert_eq!(
            m.identifiers.len(),
            3,
            "union without duplicates: {:?}",
            m.identifiers
        );
        assert_eq!(m.event_counts.get("view"), Some(&4));
        assert_eq!(m.event_counts.get("only_a"), Some(&1));
        assert_eq!(m.event_counts.get("only_b"), Some(&1));
        assert_eq!((m.first_seen_ms, m.last_seen_ms), (5, 200));
        let c = m.consents.get("email").expect("consent");
        assert!(c.granted, "the latest consent (a, at 50) wins");
        assert_eq!(c.updated_ms, 50);
    }
}
