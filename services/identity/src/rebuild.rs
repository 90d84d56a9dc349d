//! Rebuilding Redis profiles from SQL: the event log gives traits, counts and first/last
//! seen, with Identify calls (`trait_updates`) interleaved in acceptance order; the
//! identity graph gives identifiers; the consent tables give consent; the
//! `contact_preferences` table gives quiet hours and snoozes. Used by
//! unmerge and manual merges, and by [`rebuild_workspace`] (`omni rebuild-profiles`).

use omni_common::ids::CustomerId;
use omni_profile_store::{ProfileActivity, ProfileStore, StoredProfile};
use omni_storage::Db;
use sea_orm::ConnectionTrait;
use serde_json::Value;

use crate::Error;
use crate::activity::activity_of;
use crate::consent::{snapshot, sync_consent};
use crate::crypto::IdCrypto;
use crate::identify::TraitChange;
use crate::store;

/// The profile of a live customer as its SQL record says it should be: traits set by
/// its cluster's events and Identify calls in acceptance order (a JSON `null` removes
/// a trait), every identifier it holds, counts per event type, first/last seen from
/// event (and Identify) times, and the effective marketing consent per channel.
pub async fn profile_from_log(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    live: &CustomerId,
) -> Result<StoredProfile, Error> {
    Ok(full_profile_from_log(conn, crypto, ws, live).await?.0)
}

/// [`profile_from_log`] and the activity part of the profile (declared trait types,
/// purchases, last store, engagement, push tokens).
pub async fn full_profile_from_log(
    conn: &impl ConnectionTrait,
    crypto: &IdCrypto,
    ws: &str,
    live: &CustomerId,
) -> Result<(StoredProfile, ProfileActivity), Error> {
    let cluster = store::cluster_of(conn, ws, live).await?;
    let events = store::events_of(conn, crypto, ws, &cluster).await?;
    let identifies = store::trait_updates_of(conn, crypto, ws, &cluster).await?;
    let mut p = StoredProfile {
        customer_id: live.as_str().to_owned(),
        ..StoredProfile::default()
    };
    let mut activity = ProfileActivity::default();
    let widen = |p: &mut StoredProfile, t: i64| {
        if p.first_seen_ms == 0 || t < p.first_seen_ms {
            p.first_seen_ms = t;
        }
        p.last_seen_ms = p.last_seen_ms.max(t);
    };
    let set_traits = |p: &mut StoredProfile, traits: &serde_json::Map<String, Value>| {
        for (k, v) in traits {
            if v.is_null() {
                p.traits.remove(k);
            } else {
                p.traits.insert(k.clone(), v.clone());
            }
        }
    };
    // Events and Identify calls, merged in acceptance order.
    let mut calls = identifies.iter().peekable();
    let apply_call = |p: &mut StoredProfile,
                      activity: &mut ProfileActivity,
                      row: &store::TraitUpdateRow|
     -> Result<(), Error> {
        let change: TraitChange = serde_json::from_str(&row.payload)
            .map_err(|e| Error::Corrupt(format!("trait_updates.payload: {e}")))?;
        let (update, act) = change.updates();
        set_traits(p, &update.traits);
        activity.apply(&act);
        widen(p, update.time_ms);
        Ok(())
    };
    for e in &events {
        while let Some(row) = calls.next_if(|r| {
            (r.received_ms, 1, r.update_id.as_str()) < (e.received_ms, 0, e.event.event_id.as_str())
        }) {
            apply_call(&mut p, &mut activity, row)?;
        }
        set_traits(&mut p, &e.event.traits);
        activity.apply(&activity_of(&e.event));
        *p.event_counts
            .entry(e.event.event_type.clone())
            .or_insert(0) += 1;
        widen(&mut p, e.event.time_ms);
    }
    for row in calls {
        apply_call(&mut p, &mut activity, row)?;
    }
    p.identifiers = store::identifiers_of(conn, crypto, ws, live)
        .await?
        .into_iter()
        .map(|i| (i.kind.as_str().to_owned(), i.value))
        .collect();
    p.identifiers.sort();
    p.consents = snapshot(conn, ws, live).await?.effective_marketing();
    Ok((p, activity))
}

/// Rewrites one live customer's Redis profile (and consent) from SQL, and points every
/// other id of its cluster at it.
pub async fn rebuild_customer(
    db: &Db,
    crypto: &IdCrypto,
    profiles: &ProfileStore,
    ws: &str,
    live: &CustomerId,
) -> Result<StoredProfile, Error> {
    let (profile, activity) = full_profile_from_log(db, crypto, ws, live).await?;
    let aliases: Vec<String> = store::cluster_of(db, ws, live)
        .await?
        .into_iter()
        .filter(|c| c != live)
        .map(CustomerId::into_inner)
        .collect();
    profiles
        .replace_with_activity(ws, &profile, &activity, &aliases)
        .await?;
    sync_consent(db, profiles, ws, live).await?;
    crate::preferences::sync(db, profiles, ws, live).await?;
    Ok(profile)
}

/// Rebuilds every live customer of a workspace; returns how many.
pub async fn rebuild_workspace(
    db: &Db,
    crypto: &IdCrypto,
    profiles: &ProfileStore,
    ws: &str,
) -> Result<u64, Error> {
    let mut n = 0;
    for live in store::live_customers(db, ws).await? {
        rebuild_customer(db, crypto, profiles, ws, &live).await?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use omni_bus::Bus;
    use serde_json::json;

    use super::*;
    use crate::event::TrackedEvent;
    use crate::normalise::Identifier;
    use crate::outbox::Outbox;
    use crate::resolve::{TrackContext, track};
    use crate::rules::Rules;

    const WS: &str = "ws-rebuild";

    /// Profiles rebuilt from SQL after Redis lost everything equal the live ones,
    /// merges and trait removals included.
    #[tokio::test]
    async fn rebuild_equals_live() -> anyhow::Result<()> {
        let redis = omni_testkit::RedisServer::start().await?;
        let conn = omni_common::redis::connect(&redis.url).await?;
        let db = omni_storage::connect(&omni_testkit::database_url("identity").await?).await?;
        omni_storage::migrate(&db, store::SERVICE, store::MIGRATIONS).await?;
        crate::preferences::migrate(&db).await?;
        let outbox = Outbox {
            db: db.clone(),
            profiles: ProfileStore::new(conn.clone()),
            bus: Bus::new(conn.clone()),
            crypto: IdCrypto::from_secret("test"),
        };
        let rules = Rules::default();
        let script: Vec<(&str, &str, Vec<Identifier>, serde_json::Value)> = vec![
            (
                "r1",
                "signup",
                vec![Identifier::new("email", "a@example.com")],
                json!({"name": "Ann", "tier": "gold"}),
            ),
            (
                "r2",
                "view",
                vec![Identifier::new("phone", "+14155552671")],
                json!({"city": "Oslo"}),
            ),
            (
                "r3",
                "view",
                vec![Identifier::new("anonymous_id", "z")],
                json!({}),
            ),
            (
                "r4",
                "purchase",
                vec![
                    Identifier::new("email", "a@example.com"),
                    Identifier::new("phone", "+14155552671"),
                ],
                json!({"tier": null}),
            ),
            (
                "r5",
                "view",
                vec![Identifier::new("anonymous_id", "z")],
                json!({"name": "Zed"}),
            ),
            (
                "r6",
                "purchase",
                vec![Identifier::new("anonymous_id", "z")],
                json!({}),
            ),
            (
                "r7",
                "message.opened",
                vec![Identifier::new("email", "a@example.com")],
                json!({}),
            ),
            (
                "r8",
                "push_token.registered",
                vec![Identifier::new("phone", "+14155552671")],
                json!({}),
            ),
        ];
        let props = |kind: &str| match kind {
            "purchase" => json!({"revenue": 12.5, "product_id": "p1", "store_id": "s1"}),
            "message.opened" => json!({"channel": "email"}),
            "push_token.registered" => json!({"token": "t1", "app_id": "a", "platform": "ios"}),
            _ => json!({"store_id": "s0"}),
        };
        for (i, (id, kind, ids, traits)) in script.into_iter().enumerate() {
            if i == 5 {
                // An Identify call between events, with a declared type.
                let change = TraitChange {
                    set: vec![crate::identify::TraitSet {
                        name: "born".into(),
                        ty: Some("date".into()),
                        value: json!("1990-01-02"),
                    }],
                    unset: vec!["city".into()],
                    time_ms: 1_700_000_000_000 + i as i64,
                };
                crate::identify::identify(
                    &db,
                    &outbox.profiles,
                    &crate::identify::IdentifyCall {
                        workspace: WS,
                        crypto: &outbox.crypto,
                        target: crate::identify::Target::Identifier(Identifier::new(
                            "email",
                            "a@example.com",
                        )),
                        change,
                        time_given: true,
                        idempotency_key: "",
                        actor: "t",
                        now_ms: 1_700_000_000_000 + i as i64,
                    },
                )
                .await?;
            }
            let event = TrackedEvent {
                event_id: id.into(),
                event_type: kind.into(),
                time_ms: 1_700_000_000_000 + i as i64,
                identifiers: ids,
                properties: props(kind).as_object().cloned().unwrap_or_default(),
                traits: traits.as_object().cloned().unwrap_or_default(),
                source: "web".into(),
                blocked_identifiers: Vec::new(),
            };
            let ctx = TrackContext {
                workspace: WS,
                crypto: &outbox.crypto,
                actor: "t",
                now_ms: 1_700_000_000_000 + i as i64,
                lease_until_ms: 0,
                rules: &rules,
            };
            let tracked = track(&db, &ctx, &event).await?;
            outbox.deliver(WS, &event, &tracked.outcome, false).await?;
        }
        let live_ids = store::live_customers(&db, WS).await?;
        assert_eq!(live_ids.len(), 2);
        let mut live = Vec::new();
        for c in &live_ids {
            live.push((
                outbox.profiles.get(WS, c.as_str()).await?,
                outbox.profiles.activity(WS, c.as_str()).await?,
            ));
        }
        assert!(
            live.iter()
                .any(|(_, a)| a.orders == 1 && a.trait_types.contains_key("born")),
            "the script exercises activity and Identify: {live:?}"
        );
        let mut redis_conn = conn.clone();
        redis::cmd("FLUSHALL")
            .query_async::<()>(&mut redis_conn)
            .await?;
        assert_eq!(
            rebuild_workspace(&db, &outbox.crypto, &outbox.profiles, WS).await?,
            2
        );
        for (c, before) in live_ids.iter().zip(live) {
            let after = (
                outbox.profiles.get(WS, c.as_str()).await?,
                outbox.profiles.activity(WS, c.as_str()).await?,
            );
            assert_eq!(after, before, "{c}");
        }
        Ok(())
    }
}
