//! The delivery engine: retries with backoff, dead letters, the circuit breaker, the
//! event stream, and a crash between commit and send.

use std::time::Duration;

use futures_util::StreamExt as _;
use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::providers::{Fault, TwilioServer};
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::support::{Harness, PATIENCE, WORKSPACE, event_types, key, now_ms, send_on};

const SID: &str = "AC0123456789abcdef";
const TOKEN: &str = "twilio-test-token";

/// A harness with an SMS provider (Twilio-style local server) and an SMS template.
async fn sms_setup(max_attempts: i32) -> anyhow::Result<(Harness, TwilioServer, String, String)> {
    let h = Harness::start_with(|s| {
        s.delivery.secrets.insert("twilio".into(), TOKEN.into());
    })
    .await?;
    let twilio = TwilioServer::start(SID, TOKEN).await?;
    h.provider(pb::ProviderConfig {
        channel: DeliveryChannel::Sms as i32,
        kind: pb::ProviderKind::Twilio as i32,
        base_url: twilio.base_url(),
        account_id: SID.into(),
        sender: "+15550001111".into(),
        secret_ref: "config:twilio".into(),
        max_attempts,
        ..Default::default()
    })
    .await?;
    let tid = h
        .template(pb::Template {
            display_name: "Pickup".into(),
            channel: DeliveryChannel::Sms as i32,
            body: "Hi {{ profile.first_name }}, your order is ready.".into(),
            ..Default::default()
        })
        .await?;
    let cid = h
        .customer(json!({"first_name": "Ann"}), &[("phone", "+821012345678")])
        .await?;
    Ok((h, twilio, tid, cid))
}

#[tokio::test]
async fn retryable_failures_are_retried_with_backoff_then_succeed() -> anyhow::Result<()> {
    let (h, twilio, tid, cid) = sms_setup(0).await?;
    twilio.fail_next(1, Fault::Status(503));
    twilio.fail_next(
        1,
        Fault::TooManyRequests {
            retry_after_secs: 7,
        },
    );
    let m = h.send(send_on(DeliveryChannel::Sms, &cid, &tid)).await?;
    assert_eq!(
        m.status,
        pb::MessageStatus::Pending as i32,
        "committed first: {m:?}"
    );
    let done = h.settled(&m.message_id).await?;
    assert_eq!(done.status, pb::MessageStatus::Sent as i32, "{done:?}");
    assert_eq!(done.attempts, 3);
    let sms = twilio.messages();
    assert_eq!(sms.len(), 1);
    assert_eq!(done.provider_message_id, sms[0].sid);
    assert_eq!(sms[0].to, "+821012345678");
    assert_eq!(sms[0].body, "Hi Ann, your order is ready.");
    // Every attempt carried the same idempotency key: the message id.
    let requests = twilio.requests();
    assert_eq!(requests.len(), 3);
    assert!(
        requests
            .iter()
            .all(|r| r.header("idempotency-key") == Some(m.message_id.as_str()))
    );

    let events = h.events(&m.message_id).await?;
    use pb::DeliveryEventType as T;
    assert_eq!(
        event_types(&events),
        vec![T::Queued, T::AttemptFailed, T::AttemptFailed, T::Sent]
    );
    assert!(events[1].error.contains("HTTP 503"), "{:?}", events[1]);
    // The 429's Retry-After (7 s) is honoured up to delivery.max_retry_after_ms (30 ms).
    let at = |ts: &Option<prost_types::Timestamp>| {
        ts.as_ref()
            .map(omni_common::convert::from_timestamp)
            .unwrap_or_default()
    };
    assert_eq!(
        at(&events[2].next_attempt_time) - at(&events[2].create_time),
        30
    );
    // The first retry waited between half and all of the 5 ms initial backoff.
    let first_wait = at(&events[1].next_attempt_time) - at(&events[1].create_time);
    assert!((2..=5).contains(&first_wait), "{first_wait}");
    h.stop().await
}

#[tokio::test]
async fn a_message_is_dead_lettered_with_its_last_error_after_n_attempts() -> anyhow::Result<()> {
    let (h, twilio, tid, cid) = sms_setup(0).await?;
    twilio.fail_always(Some(Fault::Status(500)));
    let m = h.send(send_on(DeliveryChannel::Sms, &cid, &tid)).await?;
    let done = h.settled(&m.message_id).await?;
    assert_eq!(
        done.status,
        pb::MessageStatus::DeadLetter as i32,
        "{done:?}"
    );
    assert_eq!(done.attempts, 3, "delivery.max_attempts");
    assert!(done.error.contains("HTTP 500"), "{}", done.error);
    assert!(done.error.contains("after 3 attempts"), "{}", done.error);
    assert_eq!(twilio.requests().len(), 3);
    assert!(twilio.messages().is_empty());
    let events = h.events(&m.message_id).await?;
    assert_eq!(
        event_types(&events).last(),
        Some(&pb::DeliveryEventType::DeadLettered)
    );

    // Dead letters are listed by status.
    let dead = h
        .client
        .clone()
        .list_messages(pb::ListMessagesRequest {
            customer_id: cid.clone(),
            statuses: vec![pb::MessageStatus::DeadLetter as i32],
            ..Default::default()
        })
        .await?
        .into_inner()
        .messages;
    assert_eq!(dead.len(), 1);
    let none = h
        .client
        .clone()
        .list_messages(pb::ListMessagesRequest {
            customer_id: cid,
            statuses: vec![pb::MessageStatus::Sent as i32],
            channel: DeliveryChannel::Sms as i32,
            ..Default::default()
        })
        .await?
        .into_inner()
        .messages;
    assert!(none.is_empty());
    h.stop().await
}

#[tokio::test]
async fn the_circuit_opens_stops_calls_and_recovers_through_a_trial() -> anyhow::Result<()> {
    // Twenty attempts allowed, so the message outlives the open circuit.
    let (h, twilio, tid, cid) = sms_setup(20).await?;
    twilio.fail_always(Some(Fault::Status(503)));
    let m = h.send(send_on(DeliveryChannel::Sms, &cid, &tid)).await?;

    // Watch live: three failures open the circuit; the next attempt is delayed.
    let mut stream = h
        .client
        .clone()
        .watch_deliveries(pb::WatchDeliveriesRequest {
            message_id: m.message_id.clone(),
            include_history: true,
            ..Default::default()
        })
        .await?
        .into_inner();
    let mut seen = Vec::new();
    let delayed = tokio::time::timeout(PATIENCE, async {
        while let Some(item) = stream.next().await {
            let e = item?.event.unwrap_or_default();
            seen.push(e.r#type);
            if e.r#type == pb::DeliveryEventType::Delayed as i32 {
                return anyhow::Ok(e);
            }
        }
        anyhow::bail!("stream ended")
    })
    .await??;
    assert_eq!(twilio.requests().len(), 3, "threshold 3, then no calls");
    assert_eq!(delayed.attempt, 3);
    assert!(delayed.error.contains("circuit open"), "{delayed:?}");

    // The provider recovers; after circuit_open_ms one trial call goes out and succeeds.
    twilio.fail_always(None);
    let done = h.settled(&m.message_id).await?;
    assert_eq!(done.status, pb::MessageStatus::Sent as i32, "{done:?}");
    assert_eq!(done.attempts, 4);
    assert_eq!(
        twilio.requests().len(),
        4,
        "no call while the circuit was open: three failures and one trial"
    );

    // Closed again: the next message goes straight through.
    let next = h.send(send_on(DeliveryChannel::Sms, &cid, &tid)).await?;
    let next = h.settled(&next.message_id).await?;
    assert_eq!(next.attempts, 1);
    h.stop().await
}

#[tokio::test]
async fn a_crash_between_commit_and_send_still_sends_once_after_restart() -> anyhow::Result<()> {
    let (mut h, twilio, tid, cid) = sms_setup(0).await?;
    h.halt().await?;

    // What a gateway that died leaves behind: (a) committed, never attempted; (b)
    // claimed and already handed to the provider, the outcome never recorded.
    let db = omni_storage::connect(&h.database_url).await?;
    let insert = |id: &str, lease_until: i64| {
        omni_storage::stmt(
            db.get_database_backend(),
            "INSERT INTO messages (workspace_id, message_id, idempotency_key, customer_id, channel, \
             template_id, status, suppression_reason, recipient, subject, body, error, journey_id, \
             run_id, offer_json, variables_json, create_ms, update_ms, attempts, purpose, \
             next_attempt_ms, lease_until_ms, claim_token, provider) VALUES \
             ($1, $2, $3, $4, 'sms', $5, 'pending', NULL, '+821012345678', '', $6, '', '', '', \
             NULL, '{}', $7, $7, 0, 'marketing', $7, $8, 'dead-worker', 'twilio')",
            [
                WORKSPACE.into(),
                id.into(),
                key().into(),
                cid.clone().into(),
                tid.clone().into(),
                format!("body of {id}").into(),
                now_ms().into(),
                lease_until.into(),
            ],
        )
    };
    let never_tried = format!("msg_{}", uuid::Uuid::now_v7().simple());
    let in_flight = format!("msg_{}", uuid::Uuid::now_v7().simple());
    db.execute_raw(insert(&never_tried, 0)).await?;
    db.execute_raw(insert(&in_flight, now_ms() + 300)).await?;
    // The dead worker's call for `in_flight` reached the provider.
    let first = crate::support::http_client()?
        .post(format!(
            "{}/2010-04-01/Accounts/{SID}/Messages.json",
            twilio.base_url()
        ))
        .basic_auth(SID, Some(TOKEN))
        .header("Idempotency-Key", in_flight.as_str())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "To=%2B821012345678&From=%2B15550001111&Body=body+of+{in_flight}"
        ))
        .send()
        .await?;
    assert_eq!(first.status().as_u16(), 201);
    assert_eq!(twilio.messages().len(), 1);

    h.restart().await?;
    let a = h.settled(&never_tried).await?;
    let b = h.settled(&in_flight).await?;
    assert_eq!(a.status, pb::MessageStatus::Sent as i32, "{a:?}");
    assert_eq!(b.status, pb::MessageStatus::Sent as i32, "{b:?}");
    // The provider saw the in-flight message twice with one key and delivered it once.
    let delivered = twilio.messages();
    assert_eq!(delivered.len(), 2, "{delivered:?}");
    assert_eq!(
        delivered
            .iter()
            .filter(|m| m.idempotency_key.as_deref() == Some(in_flight.as_str()))
            .count(),
        1
    );
    assert_eq!(
        b.provider_message_id,
        delivered
            .iter()
            .find(|m| m.idempotency_key.as_deref() == Some(in_flight.as_str()))
            .map(|m| m.sid.clone())
            .unwrap_or_default()
    );
    assert_eq!(twilio.requests().len(), 3);
    // Nothing more arrives later.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(twilio.messages().len(), 2);
    h.stop().await
}

#[tokio::test]
async fn watch_streams_live_events_for_a_customer() -> anyhow::Result<()> {
    let (h, _twilio, tid, cid) = sms_setup(0).await?;
    let mut stream = h
        .client
        .clone()
        .watch_deliveries(pb::WatchDeliveriesRequest {
            customer_id: cid.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    // A message for someone else is not streamed.
    let other = h
        .customer(json!({"first_name": "Bo"}), &[("phone", "+821099998888")])
        .await?;
    h.send(send_on(DeliveryChannel::Sms, &other, &tid)).await?;
    let m = h.send(send_on(DeliveryChannel::Sms, &cid, &tid)).await?;
    let mut types = Vec::new();
    while types.last() != Some(&(pb::DeliveryEventType::Sent as i32)) {
        let e = tokio::time::timeout(PATIENCE, stream.next())
            .await?
            .ok_or_else(|| anyhow::anyhow!("stream ended"))??
            .event
            .unwrap_or_default();
        assert_eq!(e.customer_id, cid);
        assert_eq!(e.message_id, m.message_id);
        types.push(e.r#type);
    }
    assert_eq!(
        types,
        vec![
            pb::DeliveryEventType::Queued as i32,
            pb::DeliveryEventType::Sent as i32
        ]
    );
    let err = h
        .client
        .clone()
        .watch_deliveries(pb::WatchDeliveriesRequest {
            include_history: true,
            ..Default::default()
        })
        .await
        .expect_err("history needs a filter");
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    h.stop().await
}
