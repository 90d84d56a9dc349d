//! The profile store against a real redis-server.

use std::collections::BTreeMap;

use omni_profile_store::{ConsentState, Error, ProfileStore, ProfileUpdate, StoredProfile};
use omni_testkit::RedisServer;
use redis::AsyncCommands as _;
use redis::aio::ConnectionManager;
use serde_json::json;

const WS: &str = "ws_test";

struct Harness {
    _server: RedisServer,
    store: ProfileStore,
    conn: ConnectionManager,
}

async fn harness() -> anyhow::Result<Harness> {
    let server = RedisServer::start().await?;
    let conn = ConnectionManager::new(redis::Client::open(server.url.as_str())?).await?;
    Ok(Harness {
        _server: server,
        store: ProfileStore::new(conn.clone()),
        conn,
    })
}

fn traits(value: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}

fn id(kind: &str, value: &str) -> (String, String) {
    (kind.to_owned(), value.to_owned())
}

fn event(event_type: &str, time_ms: i64) -> ProfileUpdate {
    ProfileUpdate {
        event_type: Some(event_type.to_owned()),
        time_ms,
        ..ProfileUpdate::default()
    }
}

#[tokio::test]
async fn get_returns_none_for_an_unknown_customer() -> anyhow::Result<()> {
    let h = harness().await?;
    assert_eq!(h.store.get(WS, "c_unknown").await?, None);
    Ok(())
}

#[tokio::test]
async fn apply_accumulates_traits_identifiers_counts_and_seen_times() -> anyhow::Result<()> {
    let h = harness().await?;
    h.store
        .apply(
            WS,
            "c_1",
            &ProfileUpdate {
                traits: traits(
                    json!({"name": "Ada", "tier": "gold", "tags": ["a", 1], "nested": {"x": 1.5}}),
                ),
                identifiers: vec![id("email", "ada@example.com"), id("user_id", "u:1")],
                event_type: Some("order_completed".into()),
                time_ms: 2_000,
            },
        )
        .await?;
    h.store
        .apply(
            WS,
            "c_1",
            &ProfileUpdate {
                traits: traits(json!({"tier": "platinum", "name": null})),
                identifiers: vec![id("email", "ada@example.com"), id("phone", "+33612345678")],
                event_type: Some("order_completed".into()),
                time_ms: 3_000,
            },
        )
        .await?;
    // A late event widens first_seen but not last_seen.
    h.store
        .apply(WS, "c_1", &event("page_viewed", 1_000))
        .await?;

    let profile = h
        .store
        .get(WS, "c_1")
        .await?
        .ok_or_else(|| anyhow::anyhow!("missing"))?;
    assert_eq!(
        profile,
        StoredProfile {
            customer_id: "c_1".into(),
            traits: traits(json!({"tier": "platinum", "tags": ["a", 1], "nested": {"x": 1.5}})),
            identifiers: vec![
                id("email", "ada@example.com"),
                id("phone", "+33612345678"),
                id("user_id", "u:1"),
            ],
            event_counts: BTreeMap::from([
                ("order_completed".into(), 2),
                ("page_viewed".into(), 1)
            ]),
            consents: BTreeMap::new(),
            first_seen_ms: 1_000,
            last_seen_ms: 3_000,
        }
    );
    // Traits are stored as one JSON document per field, keys hash-tagged by customer.
    let tier: String = h
        .conn
        .clone()
        .hget("p:{ws_test:c_1}:traits", "tier")
        .await?;
    assert_eq!(tier, "\"platinum\"");
    // Workspaces are isolated.
    assert_eq!(h.store.get("ws_other", "c_1").await?, None);
    Ok(())
}

#[tokio::test]
async fn readers_never_see_half_an_update() -> anyhow::Result<()> {
    let h = harness().await?;
    let mut writers = Vec::new();
    for w in 0..4 {
        // Own connections, so Redis can interleave their commands with the reader's.
        let store = ProfileStore::new(
            ConnectionManager::new(redis::Client::open(h._server.url.as_str())?).await?,
        );
        writers.push(tokio::spawn(async move {
            for i in 0..100 {
                let update = ProfileUpdate {
                    traits: traits(json!({ "last": format!("{w}-{i}") })),
                    identifiers: vec![id("tick", &format!("{w}-{i}"))],
                    event_type: Some("tick".into()),
                    time_ms: i,
                };
                store.apply(WS, "c_1", &update).await?;
            }
            Ok::<_, Error>(())
        }));
    }
    let mut observed = 0;
    while writers.iter().any(|w| !w.is_finished()) {
        if let Some(profile) = h.store.get(WS, "c_1").await? {
            let ticks = profile
                .event_counts
                .get("tick")
                .copied()
                .unwrap_or_default();
            assert_eq!(
                usize::try_from(ticks)?,
                profile.identifiers.len(),
                "count and identifiers disagree"
            );
            let last = profile
                .traits
                .get("last")
                .and_then(|v| v.as_str())
                .map(|s| id("tick", s));
            assert!(
                last.is_some_and(|l| profile.identifiers.contains(&l)),
                "trait written without its identifier"
            );
            observed += 1;
        }
    }
    for writer in writers {
        writer.await??;
    }
    assert!(observed > 0);
    let profile = h
        .store
        .get(WS, "c_1")
        .await?
        .ok_or_else(|| anyhow::anyhow!("missing"))?;
    assert_eq!(profile.event_counts.get("tick"), Some(&400));
    assert_eq!(profile.identifiers.len(), 400);
    Ok(())
}

#[tokio::test]
async fn consent_is_stored_per_channel() -> anyhow::Result<()> {
    let h = harness().await?;
    h.store.set_consent(WS, "c_1", "email", true, 10).await?;
    h.store.set_consent(WS, "c_1", "sms", true, 11).await?;
    h.store.set_consent(WS, "c_1", "sms", false, 12).await?;
    let profile = h
        .store
        .get(WS, "c_1")
        .await?
        .ok_or_else(|| anyhow::anyhow!("missing"))?;
    assert_eq!(
        profile.consents,
        BTreeMap::from([
            (
                "email".into(),
                ConsentState {
                    granted: true,
                    updated_ms: 10
                }
            ),
            (
                "sms".into(),
                ConsentState {
                    granted: false,
                    updated_ms: 12
                }
            ),
        ])
    );
    let raw: String = h
        .conn
        .clone()
        .hget("p:{ws_test:c_1}:consent", "sms")
        .await?;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&raw)?,
        json!({"granted": false, "updated_ms": 12})
    );
    Ok(())
}

#[tokio::test]
async fn replace_merges_profiles_and_get_follows_aliases() -> anyhow::Result<()> {
    let h = harness().await?;
    h.store
        .apply(
            WS,
            "c_old",
            &ProfileUpdate {
                traits: traits(json!({"city": "Lyon"})),
                identifiers: vec![id("anonymous_id", "anon-1")],
                event_type: Some("page_viewed".into()),
                time_ms: 100,
            },
        )
        .await?;
    h.store.set_consent(WS, "c_old", "push", true, 100).await?;
    h.store
        .apply(
            WS,
            "c_keep",
            &ProfileUpdate {
                traits: traits(json!({"name": "Ada", "stale": true})),
                identifiers: vec![id("email", "ada@example.com")],
                event_type: Some("signed_up".into()),
                time_ms: 200,
            },
        )
        .await?;

    let merged = StoredProfile {
        customer_id: "c_keep".into(),
        traits: traits(json!({"name": "Ada", "city": "Lyon"})),
        identifiers: vec![id("anonymous_id", "anon-1"), id("email", "ada@example.com")],
        event_counts: BTreeMap::from([("page_viewed".into(), 1), ("signed_up".into(), 1)]),
        consents: BTreeMap::from([(
            "push".into(),
            ConsentState {
                granted: true,
                updated_ms: 100,
            },
        )]),
        first_seen_ms: 100,
        last_seen_ms: 200,
    };
    h.store.replace(WS, &merged, &["c_old".to_owned()]).await?;

    assert_eq!(
        h.store.get(WS, "c_keep").await?.as_ref(),
        Some(&merged),
        "old state fully replaced"
    );
    assert_eq!(h.store.resolve_alias(WS, "c_old").await?, "c_keep");
    assert_eq!(h.store.resolve_alias(WS, "c_keep").await?, "c_keep");
    assert_eq!(h.store.get(WS, "c_old").await?.as_ref(), Some(&merged));
    let old_traits: bool = h.conn.clone().exists("p:{ws_test:c_old}:traits").await?;
    assert!(!old_traits, "merged-away keys are deleted");

    // A second merge chains aliases: c_old -> c_keep -> c_final.
    let mut final_profile = merged.clone();
    final_profile.customer_id = "c_final".into();
    h.store
        .replace(WS, &final_profile, &["c_keep".to_owned()])
        .await?;
    assert_eq!(h.store.resolve_alias(WS, "c_old").await?, "c_final");
    assert_eq!(
        h.store
            .get(WS, "c_old")
            .await?
            .map(|p| p.customer_id)
            .as_deref(),
        Some("c_final")
    );

    // Unmerge: writing c_old's own state again removes its alias.
    let mut split = StoredProfile {
        customer_id: "c_old".into(),
        first_seen_ms: 100,
        last_seen_ms: 100,
        ..StoredProfile::default()
    };
    split.identifiers = vec![id("anonymous_id", "anon-1")];
    h.store.replace(WS, &split, &[]).await?;
    assert_eq!(h.store.resolve_alias(WS, "c_old").await?, "c_old");
    assert_eq!(h.store.get(WS, "c_old").await?, Some(split));
    Ok(())
}

#[tokio::test]
async fn alias_cycles_are_reported() -> anyhow::Result<()> {
    let h = harness().await?;
    let _: () = h.conn.clone().set("p:ws_test:alias:c_a", "c_b").await?;
    let _: () = h.conn.clone().set("p:ws_test:alias:c_b", "c_a").await?;
    assert!(matches!(
        h.store.resolve_alias(WS, "c_a").await,
        Err(Error::AliasCycle { customer_id }) if customer_id == "c_a"
    ));
    Ok(())
}

#[tokio::test]
async fn membership_changes_are_detected() -> anyhow::Result<()> {
    let h = harness().await?;
    assert!(h.store.memberships(WS, "c_1").await?.is_empty());
    assert!(
        h.store
            .set_membership(WS, "c_1", "seg_vip", true, 10)
            .await?
    );
    assert!(
        !h.store
            .set_membership(WS, "c_1", "seg_vip", true, 20)
            .await?,
        "already in"
    );
    assert!(
        h.store
            .set_membership(WS, "c_1", "seg_new", true, 30)
            .await?
    );
    assert_eq!(
        h.store.memberships(WS, "c_1").await?,
        BTreeMap::from([("seg_new".into(), 30), ("seg_vip".into(), 10)]),
        "entering again keeps the first entry time"
    );
    assert!(
        h.store
            .set_membership(WS, "c_1", "seg_vip", false, 40)
            .await?
    );
    assert!(
        !h.store
            .set_membership(WS, "c_1", "seg_vip", false, 50)
            .await?,
        "already out"
    );
    assert!(
        !h.store
            .set_membership(WS, "c_1", "seg_never", false, 50)
            .await?
    );
    assert_eq!(
        h.store.memberships(WS, "c_1").await?,
        BTreeMap::from([("seg_new".into(), 30)])
    );
    let raw: Option<i64> = h
        .conn
        .clone()
        .hget("seg:{ws_test:c_1}:m", "seg_new")
        .await?;
    assert_eq!(raw, Some(30));
    // Membership alone is not a profile.
    assert_eq!(h.store.get(WS, "c_1").await?, None);
    Ok(())
}

#[tokio::test]
async fn delete_forgets_a_customer() -> anyhow::Result<()> {
    let h = harness().await?;
    h.store.apply(WS, "c_1", &event("signed_up", 1)).await?;
    h.store.set_consent(WS, "c_1", "email", true, 1).await?;
    h.store
        .set_membership(WS, "c_1", "seg_vip", true, 1)
        .await?;
    h.store.apply(WS, "c_2", &event("signed_up", 1)).await?;
    h.store.delete(WS, "c_1").await?;
    assert_eq!(h.store.get(WS, "c_1").await?, None);
    assert!(h.store.memberships(WS, "c_1").await?.is_empty());
    assert!(h.store.get(WS, "c_2").await?.is_some());
    Ok(())
}

#[tokio::test]
async fn corrupt_values_are_reported_with_their_key() -> anyhow::Result<()> {
    let h = harness().await?;
    let _: () = h
        .conn
        .clone()
        .hset("p:{ws_test:c_1}:traits", "name", "{not json")
        .await?;
    match h.store.get(WS, "c_1").await {
        Err(Error::Corrupt { key, .. }) => assert_eq!(key, "p:{ws_test:c_1}:traits name"),
        other => anyhow::bail!("expected Corrupt, got {other:?}"),
    }
    Ok(())
}
