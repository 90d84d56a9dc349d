//! Rebuilding Redis profiles from SQL: the event log gives traits, counts and first/last
//! seen; the identity graph gives identifiers; the consent tables give consent. Used by
//! unmerge and manual merges, and by [`rebuild_workspace`] (`omni rebuild-profiles`).

use omni_common::ids::CustomerId;
use omni_profile_store::{ProfileStore, StoredProfile};
use omni_storage::Db;
use sea_orm::ConnectionTrait;

use crate::Error;
use crate::consent::{snapshot, sync_consent};
use crate::store;

/// The profile of a live customer as its SQL record says it should be: traits set by
/// its cluster's events in acceptance order (a JSON `null` removes a trait), every
/// identifier it holds, counts per event type, first/last seen from event times, and
/// the effective marketing consent per channel.
pub async fn profile_from_log(
    conn: &impl ConnectionTrait,
    ws: &str,
    live: &CustomerId,
) -> Result<StoredProfile, Error> {
    let cluster = store::cluster_of(conn, ws, live).await?;
    let events = store::events_of(conn, ws, &cluster).await?;
    let mut p = StoredProfile {
        customer_id: live.as_str().to_owned(),
        ..StoredProfile::default()
    };
    for e in &events {
        for (k, v) in &e.event.traits {
            if v.is_null() {
                p.traits.remove(k);
            } else {
                p.traits.insert(k.clone(), v.clone());
            }
        }
        *p.event_counts
            .entry(e.event.event_type.clone())
            .or_insert(0) += 1;
        let t = e.event.time_ms;
        if p.first_seen_ms == 0 || t < p.first_seen_ms {
            p.first_seen_ms = t;
        }
        p.last_seen_ms = p.last_seen_ms.max(t);
    }
    p.identifiers = store::identifiers_of(conn, ws, live)
        .await?
        .into_iter()
        .map(|i| (i.kind.as_str().to_owned(), i.value))
        .collect();
    p.identifiers.sort();
    p.consents = snapshot(conn, ws, live).await?.effective_marketing();
    Ok(p)
}

/// Rewrites one live customer's Redis profile (and consent) from SQL, and points every
/// other id of its cluster at it.
pub async fn rebuild_customer(
    db: &Db,
    profiles: &ProfileStore,
    ws: &str,
    live: &CustomerId,
) -> Result<StoredProfile, Error> {
    let profile = profile_from_log(db, ws, live).await?;
    let aliases: Vec<String> = store::cluster_of(db, ws, live)
        .await?
        .into_iter()
        .filter(|c| c != live)
        .map(CustomerId::into_inner)
        .collect();
    profiles.replace(ws, &profile, &aliases).await?;
    sync_consent(db, profiles, ws, live).await?;
    Ok(profile)
}

/// Rebuilds every live customer of a workspace; returns how many.
pub async fn rebuild_workspace(db: &Db, profiles: &ProfileStore, ws: &str) -> Result<u64, Error> {
    let mut n = 0;
    for live in store::live_customers(db, ws).await? {
        rebuild_customer(db, profiles, ws, &live).await?;
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
        let outbox = Outbox {
            db: db.clone(),
            profiles: ProfileStore::new(conn.clone()),
            bus: Bus::new(conn.clone()),
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
        ];
        for (i, (id, kind, ids, traits)) in script.into_iter().enumerate() {
            let event = TrackedEvent {
                event_id: id.into(),
                event_type: kind.into(),
                time_ms: 1_700_000_000_000 + i as i64,
                identifiers: ids,
                properties: Default::default(),
                traits: traits.as_object().cloned().unwrap_or_default(),
                source: "web".into(),
                blocked_identifiers: Vec::new(),
            };
            let ctx = TrackContext {
                workspace: WS,
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
            live.push(outbox.profiles.get(WS, c.as_str()).await?);
        }
        let mut redis_conn = conn.clone();
        redis::cmd("FLUSHALL")
            .query_async::<()>(&mut redis_conn)
            .await?;
        assert_eq!(rebuild_workspace(&db, &outbox.profiles, WS).await?, 2);
        for (c, before) in live_ids.iter().zip(live) {
            let after = outbox.profiles.get(WS, c.as_str()).await?;
            assert_eq!(after, before, "{c}");
        }
        Ok(())
    }
}
