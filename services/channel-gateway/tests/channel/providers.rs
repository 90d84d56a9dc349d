//! Providers through their local servers: SMS encoding and segments, push with a dead
//! token, the signed store webhook, timeouts, and provider configs (secrets by reference).

use std::time::Duration;

use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::providers::{Fault, FcmServer, StoreWebhookServer, TwilioServer};
use serde_json::json;
use tonic::Code;

use crate::support::{Harness, event_types, field_violation, send_on};

#[tokio::test]
async fn sms_reports_encoding_and_segments_and_goes_out_form_encoded() -> anyhow::Result<()> {
    let h = Harness::start_with(|s| {
        s.delivery.secrets.insert("sms".into(), "tok".into());
    })
    .await?;
    let twilio = TwilioServer::start("AC1", "tok").await?;
    h.provider(pb::ProviderConfig {
        channel: DeliveryChannel::Sms as i32,
        kind: pb::ProviderKind::Twilio as i32,
        base_url: twilio.base_url(),
        account_id: "AC1".into(),
        sender: "MG0001".into(),
        secret_ref: "config:sms".into(),
        ..Default::default()
    })
    .await?;
    let tid = h
        .template(pb::Template {
            display_name: "Korean".into(),
            channel: DeliveryChannel::Sms as i32,
            body: "{{ profile.first_name }}님, 주문하신 상품이 준비되었습니다. {{ vars.extra }}"
                .into(),
            ..Default::default()
        })
        .await?;
    let cid = h
        .customer(json!({"first_name": "민지"}), &[("phone", "+821012345678")])
        .await?;
    let mut req = send_on(DeliveryChannel::Sms, &cid, &tid);
    req.purpose = pb::MessagePurpose::Transactional as i32;
    req.variables = Some(omni_common::convert::json_to_struct(
        json!({"extra": "가".repeat(60)})
            .as_object()
            .cloned()
            .as_ref()
            .unwrap_or(&Default::default()),
    ));
    let m = h.send(req).await?;
    assert_eq!(m.sms_encoding, pb::SmsEncoding::Ucs2 as i32);
    assert_eq!(
        m.sms_segments,
        2,
        "{} UTF-16 units",
        m.body.encode_utf16().count()
    );
    let done = h.settled(&m.message_id).await?;
    assert_eq!(done.status, pb::MessageStatus::Sent as i32, "{done:?}");
    let sent = twilio.wait_for(1, Duration::from_secs(5)).await?;
    assert_eq!(
        sent[0].from, "MG0001",
        "a messaging service SID goes as MessagingServiceSid"
    );
    assert_eq!(sent[0].body, done.body);

    // Too long for an SMS: failed with the limit named, never sent.
    let mut long = send_on(DeliveryChannel::Sms, &cid, &tid);
    long.variables = Some(omni_common::convert::json_to_struct(
        json!({"extra": "a".repeat(1_700)})
            .as_object()
            .cloned()
            .as_ref()
            .unwrap_or(&Default::default()),
    ));
    let m = h.send(long).await?;
    assert_eq!(m.status, pb::MessageStatus::Failed as i32, "{m:?}");
    assert!(m.error.contains("1600"), "{}", m.error);
    assert_eq!(twilio.requests().len(), 1);
    h.stop().await
}

#[tokio::test]
async fn an_unregistered_push_token_is_retired_and_the_next_token_used() -> anyhow::Result<()> {
    let h = Harness::start_with(|s| {
        s.delivery.secrets.insert("fcm".into(), "bearer-1".into());
    })
    .await?;
    let fcm = FcmServer::start("omni-demo", "bearer-1").await?;
    let config = h
        .provider(pb::ProviderConfig {
            channel: DeliveryChannel::Push as i32,
            kind: pb::ProviderKind::Fcm as i32,
            base_url: fcm.base_url(),
            account_id: "omni-demo".into(),
            secret_ref: "config:fcm".into(),
            timeout: Some(prost_types::Duration {
                seconds: 0,
                nanos: 150_000_000,
            }),
            ..Default::default()
        })
        .await?;
    assert!(config.secret_resolved);
    let tid = h
        .template(pb::Template {
            display_name: "Push".into(),
            channel: DeliveryChannel::Push as i32,
            subject: "Hi {{ profile.first_name }}".into(),
            body: "Your size is back in stock".into(),
            ..Default::default()
        })
        .await?;
    let cid = h
        .customer(
            json!({"first_name": "Ann"}),
            &[("push_token", "tok-a"), ("push_token", "tok-b")],
        )
        .await?;
    fcm.unregister("tok-a");

    let m = h.send(send_on(DeliveryChannel::Push, &cid, &tid)).await?;
    assert_eq!(m.recipient, "tok-a");
    let done = h.settled(&m.message_id).await?;
    assert_eq!(done.status, pb::MessageStatus::Failed as i32, "{done:?}");
    assert!(
        done.error.contains("UNREGISTERED") || done.error.contains("NOT_FOUND"),
        "{}",
        done.error
    );
    let types = event_types(&h.events(&m.message_id).await?);
    assert!(
        types.contains(&pb::DeliveryEventType::TokenInvalidated),
        "{types:?}"
    );

    // The dead token is never used again; a slow first answer is retried.
    fcm.fail_next(1, Fault::Delay(Duration::from_millis(600)));
    let m = h.send(send_on(DeliveryChannel::Push, &cid, &tid)).await?;
    assert_eq!(m.recipient, "tok-b");
    let done = h.settled(&m.message_id).await?;
    assert_eq!(done.status, pb::MessageStatus::Sent as i32, "{done:?}");
    assert_eq!(done.attempts, 2);
    let events = h.events(&m.message_id).await?;
    assert!(events[1].error.contains("timed out"), "{:?}", events[1]);
    let pushed = fcm.messages();
    assert_eq!(pushed.len(), 1);
    assert_eq!(pushed[0].token, "tok-b");
    assert_eq!(pushed[0].title, "Hi Ann");
    assert_eq!(pushed[0].data["omni_message_id"], m.message_id);

    // Only dead tokens left: suppressed for want of an address.
    fcm.unregister("tok-b");
    let m = h.send(send_on(DeliveryChannel::Push, &cid, &tid)).await?;
    h.settled(&m.message_id).await?;
    let m = h.send(send_on(DeliveryChannel::Push, &cid, &tid)).await?;
    assert_eq!(m.status, pb::MessageStatus::Suppressed as i32, "{m:?}");
    assert_eq!(
        m.suppression_reason,
        pb::SuppressionReason::NoAddress as i32
    );
    h.stop().await
}

#[tokio::test]
async fn store_tasks_go_to_a_signed_webhook() -> anyhow::Result<()> {
    let h = Harness::start_with(|s| {
        s.delivery
            .secrets
            .insert("store_hook".into(), "whsec-test".into());
    })
    .await?;
    let hook = StoreWebhookServer::start("whsec-test").await?;
    h.provider(pb::ProviderConfig {
        channel: DeliveryChannel::Store as i32,
        kind: pb::ProviderKind::StoreWebhook as i32,
        base_url: hook.url(),
        secret_ref: "config:store_hook".into(),
        ..Default::default()
    })
    .await?;
    let tid = h
        .template(pb::Template {
            display_name: "Pickup ready".into(),
            channel: DeliveryChannel::Store as i32,
            subject: "Pickup for {{ profile.first_name }}".into(),
            body: "Order {{ vars.order_id }} is ready at the counter".into(),
            ..Default::default()
        })
        .await?;
    let cid = h
        .customer(
            json!({"first_name": "Ann", "home_store": "store-gangnam"}),
            &[],
        )
        .await?;
    let mut req = send_on(DeliveryChannel::Store, &cid, &tid);
    req.purpose = pb::MessagePurpose::Transactional as i32;
    req.variables = Some(omni_common::convert::json_to_struct(
        json!({"task": "pickup_ready", "order_id": "A-1001"})
            .as_object()
            .cloned()
            .as_ref()
            .unwrap_or(&Default::default()),
    ));
    let m = h.send(req).await?;
    let done = h.settled(&m.message_id).await?;
    assert_eq!(done.status, pb::MessageStatus::Sent as i32, "{done:?}");
    let calls = hook.wait_for(1, Duration::from_secs(5)).await?;
    let p = &calls[0].payload;
    assert_eq!(p["task"], "pickup_ready");
    assert_eq!(p["store_id"], "store-gangnam");
    assert_eq!(p["customer_id"], cid.as_str());
    assert_eq!(p["text"], "Order A-1001 is ready at the counter");
    assert_eq!(done.provider_message_id, calls[0].receipt_id);

    // A wrong secret is refused by the store (401) and retried until dead-lettered.
    h.provider(pb::ProviderConfig {
        channel: DeliveryChannel::Store as i32,
        kind: pb::ProviderKind::StoreWebhook as i32,
        base_url: hook.url(),
        secret_ref: "env:OMNI_TEST_NOT_THE_SECRET".into(),
        ..Default::default()
    })
    .await?;
    let mut req = send_on(DeliveryChannel::Store, &cid, &tid);
    req.variables = Some(omni_common::convert::json_to_struct(
        json!({"order_id": "A-1002"})
            .as_object()
            .cloned()
            .as_ref()
            .unwrap_or(&Default::default()),
    ));
    let m = h.send(req).await?;
    let done = h.settled(&m.message_id).await?;
    assert_eq!(
        done.status,
        pb::MessageStatus::DeadLetter as i32,
        "{done:?}"
    );
    assert!(done.error.contains("not set"), "{}", done.error);
    h.stop().await
}

#[tokio::test]
async fn provider_configs_keep_secrets_by_reference_and_validate_fields() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client.clone();
    let base = pb::ProviderConfig {
        channel: DeliveryChannel::Sms as i32,
        kind: pb::ProviderKind::Twilio as i32,
        base_url: "https://api.twilio.com".into(),
        account_id: "AC123".into(),
        sender: "+15550001111".into(),
        secret_ref: "env:OMNI_TEST_UNSET_TWILIO_TOKEN".into(),
        rate_per_second: 50.0,
        burst: 10,
        ..Default::default()
    };
    let stored = h.provider(base.clone()).await?;
    assert_eq!(stored.secret_ref, base.secret_ref);
    assert!(!stored.secret_resolved);
    let got = client
        .get_provider_config(pb::GetProviderConfigRequest {
            channel: DeliveryChannel::Sms as i32,
            provider_id: String::new(),
        })
        .await?
        .into_inner()
        .provider_config
        .unwrap_or_default();
    assert_eq!(got, stored);

    type Mutation = Box<dyn Fn(&mut pb::ProviderConfig)>;
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "provider_config.channel",
            Box::new(|c| c.channel = DeliveryChannel::Email as i32),
        ),
        (
            "provider_config.kind",
            Box::new(|c| c.kind = pb::ProviderKind::Fcm as i32),
        ),
        (
            "provider_config.base_url",
            Box::new(|c| c.base_url = "ftp://x".into()),
        ),
        (
            "provider_config.account_id",
            Box::new(|c| c.account_id = "../etc".into()),
        ),
        ("provider_config.sender", Box::new(|c| c.sender.clear())),
        (
            "provider_config.secret_ref",
            Box::new(|c| c.secret_ref = "hunter2".into()),
        ),
        (
            "provider_config.rate_per_second",
            Box::new(|c| c.rate_per_second = -1.0),
        ),
    ];
    for (field, mutate) in cases {
        let mut bad = base.clone();
        mutate(&mut bad);
        let err = h.provider(bad).await.expect_err(field);
        assert_eq!(err.code(), Code::InvalidArgument, "{field}");
        assert_eq!(field_violation(&err).as_deref(), Some(field));
    }
    let err = client
        .get_provider_config(pb::GetProviderConfigRequest {
            channel: DeliveryChannel::Push as i32,
            provider_id: String::new(),
        })
        .await
        .expect_err("none for push");
    assert_eq!(err.code(), Code::NotFound);
    h.stop().await
}
