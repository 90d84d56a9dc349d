//! Provider failover and routing: several SMS providers per workspace, each a real local
//! Twilio-style server. A message moves to the next provider on 5xx once its retries are
//! used, on an account error at once, and past an open circuit without an attempt; it is
//! accepted exactly once, under one idempotency key. SMS goes to the cheapest healthy
//! provider for the destination country.

use std::time::Duration;

use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::providers::{Fault, TwilioServer};
use serde_json::json;

use crate::support::{Harness, event_types, send_on};

/// A harness whose circuits stay open long enough to observe (a minute).
async fn harness() -> anyhow::Result<Harness> {
    Harness::start_with(|s| {
        for name in ["sms_a", "sms_b", "sms_c"] {
            s.delivery
                .secrets
                .insert(name.into(), format!("tok-{name}"));
        }
        s.delivery
            .secrets
            .insert("sms_wrong".into(), "not-the-token".into());
        s.delivery.circuit_open_ms = 60_000;
    })
    .await
}

fn twilio(
    id: &str,
    server: &TwilioServer,
    secret: &str,
    priority: i32,
    prices: &[(&str, f64)],
) -> pb::ProviderConfig {
    pb::ProviderConfig {
        channel: DeliveryChannel::Sms as i32,
        kind: pb::ProviderKind::Twilio as i32,
        base_url: server.base_url(),
        account_id: server.account_sid.clone(),
        sender: "+15005550006".into(),
        secret_ref: format!("config:{secret}"),
        provider_id: id.into(),
        priority,
        sms_prices: prices
            .iter()
            .map(|(prefix, price)| pb::SmsPrice {
                prefix: (*prefix).into(),
                price: *price,
            })
            .collect(),
        ..Default::default()
    }
}

async fn sms_template(h: &Harness) -> anyhow::Result<String> {
    Ok(h.template(pb::Template {
        display_name: "Pickup".into(),
        channel: DeliveryChannel::Sms as i32,
        body: "Your order is ready".into(),
        ..Default::default()
    })
    .await?)
}

async fn sms(h: &Harness, tid: &str, phone: &str) -> anyhow::Result<pb::Message> {
    let cid = h.customer(json!({}), &[("phone", phone)]).await?;
    let mut req = send_on(DeliveryChannel::Sms, &cid, tid);
    req.purpose = pb::MessagePurpose::Transactional as i32;
    let m = h.send(req).await?;
    h.settled(&m.message_id).await
}

fn keys(server: &TwilioServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter_map(|r| r.header("idempotency-key").map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn failover_on_5xx_and_past_an_open_circuit_delivers_once() -> anyhow::Result<()> {
    let h = harness().await?;
    let a = TwilioServer::start("ACa", "tok-sms_a").await?;
    let b = TwilioServer::start("ACb", "tok-sms_b").await?;
    a.fail_always(Some(Fault::Status(503)));
    h.provider(twilio("primary", &a, "sms_a", 0, &[])).await?;
    h.provider(twilio("backup", &b, "sms_b", 1, &[])).await?;
    let listed = h
        .client
        .clone()
        .list_provider_configs(pb::ListProviderConfigsRequest {
            channel: DeliveryChannel::Sms as i32,
        })
        .await?
        .into_inner()
        .provider_configs;
    let ids: Vec<&str> = listed.iter().map(|c| c.provider_id.as_str()).collect();
    assert_eq!(ids, ["primary", "backup"]);
    let tid = sms_template(&h).await?;

    // 5xx on the primary: its three attempts are used, then the backup takes it.
    let m = sms(&h, &tid, "+14155550100").await?;
    assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
    assert_eq!(m.provider_id, "backup");
    assert_eq!(m.attempts, 4);
    assert_eq!(a.requests().len(), 3);
    assert!(a.messages().is_empty());
    assert_eq!(b.messages().len(), 1, "accepted exactly once");
    // One idempotency key (the message id) across both providers.
    let all_keys: Vec<String> = keys(&a).into_iter().chain(keys(&b)).collect();
    assert_eq!(all_keys.len(), 4);
    assert!(all_keys.iter().all(|k| *k == m.message_id), "{all_keys:?}");
    // Each attempt is recorded with the provider it used.
    let events = h.events(&m.message_id).await?;
    let attempts: Vec<(pb::DeliveryEventType, String)> = events
        .iter()
        .zip(event_types(&events))
        .filter(|(_, t)| {
            matches!(
                t,
                pb::DeliveryEventType::AttemptFailed | pb::DeliveryEventType::Sent
            )
        })
        .map(|(e, t)| (t, e.provider_id.clone()))
        .collect();
    assert_eq!(
        attempts,
        [
            (pb::DeliveryEventType::AttemptFailed, "primary".to_owned()),
            (pb::DeliveryEventType::AttemptFailed, "primary".to_owned()),
            (pb::DeliveryEventType::AttemptFailed, "primary".to_owned()),
            (pb::DeliveryEventType::Sent, "backup".to_owned()),
        ]
    );

    // The primary's circuit is open now: the next message goes straight to the backup,
    // no call to the primary and no attempt spent on it.
    let m2 = sms(&h, &tid, "+14155550101").await?;
    assert_eq!(m2.status, pb::MessageStatus::Sent as i32, "{m2:?}");
    assert_eq!(m2.provider_id, "backup");
    assert_eq!(m2.attempts, 1);
    assert_eq!(a.requests().len(), 3, "an open circuit is not called");
    let delivered = b.wait_for(2, Duration::from_secs(5)).await?;
    assert_eq!(delivered.len(), 2);
    assert!(a.messages().is_empty());
    h.stop().await
}

#[tokio::test]
async fn an_account_error_moves_the_message_at_once() -> anyhow::Result<()> {
    let h = harness().await?;
    let a = TwilioServer::start("ACa", "tok-sms_a").await?;
    let b = TwilioServer::start("ACb", "tok-sms_b").await?;
    // The primary's secret is wrong: Twilio answers 401 (code 20003).
    h.provider(twilio("primary", &a, "sms_wrong", 0, &[]))
        .await?;
    h.provider(twilio("backup", &b, "sms_b", 1, &[])).await?;
    let tid = sms_template(&h).await?;
    let m = sms(&h, &tid, "+14155550100").await?;
    assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
    assert_eq!(m.provider_id, "backup");
    assert_eq!(m.attempts, 2, "one refused call, then the backup");
    assert_eq!(a.requests().len(), 1);
    assert_eq!(a.requests()[0].status, 401);
    assert_eq!(b.messages().len(), 1);
    h.stop().await
}

#[tokio::test]
async fn sms_goes_to_the_cheapest_healthy_provider_for_the_country() -> anyhow::Result<()> {
    let h = harness().await?;
    let a = TwilioServer::start("ACa", "tok-sms_a").await?;
    let b = TwilioServer::start("ACb", "tok-sms_b").await?;
    let c = TwilioServer::start("ACc", "tok-sms_c").await?;
    // Korea: b cheapest, then c, then a. The US: a cheapest.
    h.provider(twilio("a", &a, "sms_a", 0, &[("+82", 0.09), ("+1", 0.01)]))
        .await?;
    h.provider(twilio("b", &b, "sms_b", 0, &[("+82", 0.02), ("+1", 0.05)]))
        .await?;
    h.provider(twilio("c", &c, "sms_c", 0, &[("+82", 0.04), ("+1", 0.05)]))
        .await?;
    let tid = sms_template(&h).await?;

    let kr = sms(&h, &tid, "+821012345678").await?;
    assert_eq!(kr.provider_id, "b", "{kr:?}");
    let us = sms(&h, &tid, "+14155550100").await?;
    assert_eq!(us.provider_id, "a", "{us:?}");
    assert_eq!(
        (a.messages().len(), b.messages().len(), c.messages().len()),
        (1, 1, 0)
    );

    // b goes down: its retries are used, the message moves to the next cheapest (c),
    // and with b's circuit open the next Korean message goes to c directly.
    b.fail_always(Some(Fault::Status(500)));
    let kr2 = sms(&h, &tid, "+821012345679").await?;
    assert_eq!(kr2.status, pb::MessageStatus::Sent as i32, "{kr2:?}");
    assert_eq!(kr2.provider_id, "c");
    let b_calls = b.requests().len();
    let kr3 = sms(&h, &tid, "+821012345670").await?;
    assert_eq!(kr3.provider_id, "c");
    assert_eq!(kr3.attempts, 1);
    assert_eq!(
        b.requests().len(),
        b_calls,
        "the unhealthy provider is skipped"
    );
    assert_eq!(
        (a.messages().len(), b.messages().len(), c.messages().len()),
        (1, 1, 2)
    );
    h.stop().await
}
