use omni_common::ids::WorkspaceId;
use serde_json::Map;

use super::*;
use crate::records::{
    Channel, ListReason, Message, MessageId, MessageStatus, ProviderConfig, ProviderKind, Purpose,
    SmsPrice, SuppressionEntry, TemplateId,
};

/// A fresh database (SQLite, or Postgres when `OMNI_TEST_DATABASE_URL` is set).
async fn store() -> Store {
    let url = omni_testkit::database_url("channel")
        .await
        .expect("database url");
    Store::connect(&url).await.expect("store")
}

fn message(key: &str) -> Message {
    Message {
        message_id: MessageId::generate(),
        idempotency_key: key.into(),
        customer_id: "c_1".into(),
        channel: Channel::Email,
        template_id: TemplateId::new("tpl_1"),
        status: MessageStatus::Pending,
        suppression_reason: None,
        recipient: "a@example.com".into(),
        subject: "s".into(),
        body: "b".into(),
        error: String::new(),
        journey_id: String::new(),
        run_id: String::new(),
        offer: None,
        variables: Map::new(),
        create_ms: 1_000,
        update_ms: 1_000,
        attempts: 0,
        purpose: Purpose::Marketing,
        locale: String::new(),
        expire_ms: None,
        next_attempt_ms: 1_000,
        provider_message_id: String::new(),
        html_body: String::new(),
        campaign: String::new(),
        sms_encoding: None,
        sms_segments: 0,
        provider: Some(ProviderKind::Smtp),
        provider_id: String::new(),
        provider_attempts: 0,
        skipped_providers: Vec::new(),
        defer_reason: None,
    }
}

#[tokio::test]
async fn idempotency_keys_are_per_workspace_and_return_the_first_row() {
    let s = store().await;
    let ws = WorkspaceId::new("w1");
    let first = message("k");
    assert!(matches!(
        s.insert_message(&ws, &first, None).await.expect("insert"),
        Inserted::New
    ));
    match s
        .insert_message(&ws, &message("k"), None)
        .await
        .expect("insert")
    {
        Inserted::Existing(m) => assert_eq!(*m, first),
        Inserted::New => panic!("duplicate key inserted"),
    }
    let other_ws = WorkspaceId::new("w2");
    assert!(matches!(
        s.insert_message(&other_ws, &message("k"), None)
            .await
            .expect("insert"),
        Inserted::New
    ));
    assert!(
        s.get_message(&other_ws, first.message_id.as_str())
            .await
            .expect("get")
            .is_none()
    );
}

#[tokio::test]
async fn only_one_worker_claims_a_message_and_only_it_records_the_outcome() {
    let s = store().await;
    let ws = WorkspaceId::new("w1");
    let m = message("k");
    s.insert_message(&ws, &m, None).await.expect("insert");

    assert!(
        s.claim_due(Channel::Email, 999, 100, "early", 10)
            .await
            .expect("claim")
            .is_empty(),
        "not due yet"
    );
    assert!(
        s.claim_due(Channel::Sms, 2_000, 100, "sms", 10)
            .await
            .expect("claim")
            .is_empty(),
        "other channel"
    );
    let first = s
        .claim_due(Channel::Email, 2_000, 100, "a", 10)
        .await
        .expect("claim");
    assert_eq!(first.len(), 1);
    assert!(
        s.claim_due(Channel::Email, 2_050, 100, "b", 10)
            .await
            .expect("claim")
            .is_empty(),
        "leased"
    );
    // The lease lapses (worker a died): b takes it over; a can no longer record.
    let second = s
        .claim_due(Channel::Email, 2_200, 100, "b", 10)
        .await
        .expect("claim");
    assert_eq!(second.len(), 1);
    let mut sent = m.clone();
    sent.status = MessageStatus::Sent;
    sent.attempts = 1;
    assert!(
        !s.save_claimed(&first[0], &sent, None, 2_300)
            .await
            .expect("save")
    );
    assert!(
        s.save_claimed(&second[0], &sent, None, 2_300)
            .await
            .expect("save")
    );
    assert!(
        !s.save_claimed(&second[0], &sent, None, 2_300)
            .await
            .expect("save"),
        "closed messages are final"
    );
    let stored = s
        .get_message(&ws, m.message_id.as_str())
        .await
        .expect("get")
        .expect("row");
    assert_eq!(stored.status, MessageStatus::Sent);
    assert_eq!(stored.attempts, 1);
    assert!(
        s.claim_due(Channel::Email, i64::MAX / 2, 100, "c", 10)
            .await
            .expect("claim")
            .is_empty()
    );
}

#[tokio::test]
async fn suppressions_providers_and_policies_round_trip() {
    let s = store().await;
    let ws = WorkspaceId::new("w1");
    let entry = SuppressionEntry {
        channel: Channel::Email,
        address: "a@example.com".into(),
        reason: ListReason::HardBounce,
        note: "bounced".into(),
        create_ms: 5,
    };
    assert_eq!(s.add_suppression(&ws, &entry).await.expect("add"), entry);
    let mut again = entry.clone();
    again.reason = ListReason::Manual;
    assert_eq!(
        s.add_suppression(&ws, &again).await.expect("add"),
        entry,
        "first entry kept"
    );
    let listed = s
        .list_suppressions(&ws, Some(Channel::Email), None, 10)
        .await
        .expect("list");
    assert_eq!(listed, vec![entry.clone()]);
    assert!(
        s.delete_suppression(&ws, Channel::Email, "a@example.com")
            .await
            .expect("delete")
    );
    assert!(
        s.get_suppression(&ws, Channel::Email, "a@example.com")
            .await
            .expect("get")
            .is_none()
    );

    let config = ProviderConfig {
        kind: ProviderKind::Twilio,
        base_url: "http://127.0.0.1:1".into(),
        account_id: "AC1".into(),
        sender: "+15550001111".into(),
        secret_ref: "env:X".into(),
        rate_per_second: 12.5,
        burst: 3,
        max_attempts: 4,
        timeout_ms: 500,
        update_ms: 9,
        key_id: "K1".into(),
        topic: "com.example".into(),
        provider_id: "default".into(),
        priority: 0,
        weight: 1,
        sms_prices: vec![SmsPrice {
            prefix: "+82".into(),
            price: 0.02,
        }],
    };
    s.upsert_provider(&ws, &config).await.expect("upsert");
    let mut changed = config.clone();
    changed.burst = 7;
    s.upsert_provider(&ws, &changed).await.expect("upsert");
    assert_eq!(
        s.get_provider(&ws, Channel::Sms, "").await.expect("get"),
        Some(changed.clone())
    );
    // A second provider of the channel sits beside it, ordered by priority.
    let mut backup = changed.clone();
    backup.provider_id = "backup".into();
    backup.priority = -1;
    s.upsert_provider(&ws, &backup).await.expect("upsert");
    let ids: Vec<String> = s
        .list_providers(&ws, Channel::Sms)
        .await
        .expect("list")
        .into_iter()
        .map(|c| c.provider_id)
        .collect();
    assert_eq!(ids, ["backup", "default"]);
    assert_eq!(
        s.get_provider(&ws, Channel::Sms, "default")
            .await
            .expect("get"),
        Some(changed)
    );
    assert_eq!(s.get_policy(&ws).await.expect("policy"), None);
}
