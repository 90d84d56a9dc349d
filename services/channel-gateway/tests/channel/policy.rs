//! Send policy at send time: every suppression reason, purpose-aware consent and
//! unsubscribes, quiet-hours deferral across time zones, fatigue caps under
//! concurrent sends, expiry and idempotency.

use chrono::{Timelike, Utc};
use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use serde_json::json;
use tonic::Code;

use crate::support::{Harness, WORKSPACE, field_violation, now_ms, send_on};

fn reason(m: &pb::Message) -> pb::SuppressionReason {
    pb::SuppressionReason::try_from(m.suppression_reason).unwrap_or_default()
}

async fn policy(h: &Harness, p: pb::SendPolicy) -> Result<pb::SendPolicy, tonic::Status> {
    h.client
        .clone()
        .update_send_policy(pb::UpdateSendPolicyRequest { policy: Some(p) })
        .await
        .map(|r| r.into_inner().policy.unwrap_or_default())
}

#[tokio::test]
async fn every_policy_reason_is_reported() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;
    let email = |cid: &str, purpose: pb::MessagePurpose| {
        let mut r = send_on(DeliveryChannel::Email, cid, &tid);
        r.purpose = purpose as i32;
        r
    };
    use pb::MessagePurpose::{Marketing, Transactional};

    // Consent: the channel opt-out stops marketing, not receipts; a purpose record wins.
    let ann = h.ann().await?;
    h.profiles
        .set_consent(WORKSPACE, &ann, "email", false, now_ms())
        .await?;
    let m = h.send(email(&ann, Marketing)).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::NoConsent);
    let m = h.send(email(&ann, Transactional)).await?;
    assert_eq!(m.status, pb::MessageStatus::Pending as i32, "{m:?}");
    h.profiles
        .set_consent(WORKSPACE, &ann, "email:transactional", false, now_ms())
        .await?;
    let m = h.send(email(&ann, Transactional)).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::NoConsent);

    // No address.
    let nobody = h
        .customer(json!({"first_name": "No"}), &[("user_id", "u1")])
        .await?;
    let m = h.send(email(&nobody, Transactional)).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::NoAddress);

    // Suppression list: an unsubscribe stops marketing only; a hard bounce everything.
    let bo = h
        .customer(json!({"first_name": "Bo"}), &[("email", "bo@example.com")])
        .await?;
    let mut client = h.client.clone();
    let add = |address: &str, reason: pb::SuppressionListReason| pb::CreateSuppressionRequest {
        suppression: Some(pb::Suppression {
            channel: DeliveryChannel::Email as i32,
            address: address.into(),
            reason: reason as i32,
            note: "test".into(),
            create_time: None,
        }),
    };
    client
        .create_suppression(add(
            "BO@example.com",
            pb::SuppressionListReason::Unsubscribe,
        ))
        .await?;
    let m = h.send(email(&bo, Marketing)).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::SuppressionList);
    let m = h.send(email(&bo, Transactional)).await?;
    assert_eq!(m.status, pb::MessageStatus::Pending as i32);
    client
        .delete_suppression(pb::DeleteSuppressionRequest {
            channel: DeliveryChannel::Email as i32,
            address: "bo@example.com".into(),
        })
        .await?;
    client
        .create_suppression(add("bo@example.com", pb::SuppressionListReason::HardBounce))
        .await?;
    let m = h.send(email(&bo, Transactional)).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::SuppressionList);
    let listed = client
        .list_suppressions(pb::ListSuppressionsRequest::default())
        .await?
        .into_inner()
        .suppressions;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].address, "bo@example.com");
    assert_eq!(
        listed[0].reason,
        pb::SuppressionListReason::HardBounce as i32
    );
    let err = client
        .create_suppression(add("x@example.com", pb::SuppressionListReason::Unspecified))
        .await
        .expect_err("reason");
    assert_eq!(field_violation(&err).as_deref(), Some("suppression.reason"));
    let err = client
        .delete_suppression(pb::DeleteSuppressionRequest {
            channel: DeliveryChannel::Email as i32,
            address: "nobody@example.com".into(),
        })
        .await
        .expect_err("not listed");
    assert_eq!(err.code(), Code::NotFound);

    // Expiry: a stale message is never sent.
    let cy = h
        .customer(json!({"first_name": "Cy"}), &[("email", "cy@example.com")])
        .await?;
    let mut stale = email(&cy, Marketing);
    stale.expire_time = Some(omni_common::convert::to_timestamp(now_ms() - 1));
    let m = h.send(stale).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::Expired);

    // Fatigue cap: one marketing email a day.
    policy(
        &h,
        pb::SendPolicy {
            caps: vec![pb::FatigueCap {
                channel: DeliveryChannel::Email as i32,
                window: pb::CapWindow::Day as i32,
                limit: 1,
            }],
            ..Default::default()
        },
    )
    .await?;
    let first = h.send(email(&cy, Marketing)).await?;
    assert_eq!(first.status, pb::MessageStatus::Pending as i32);
    let m = h.send(email(&cy, Marketing)).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::FatigueCap);
    // Receipts are not capped.
    let m = h.send(email(&cy, Transactional)).await?;
    assert_eq!(m.status, pb::MessageStatus::Pending as i32);

    // Idempotency: the same key is the same message and counts once against the cap.
    let mut again = email(&cy, Marketing);
    again.idempotency_key = h.get(&first.message_id).await?.idempotency_key;
    let m = h.send(again).await?;
    assert_eq!(m.message_id, first.message_id);
    h.stop().await
}

#[tokio::test]
async fn quiet_hours_defer_by_the_customers_time_zone() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;
    // A two-hour quiet window around the current time in Seoul. At this instant New
    // York is 13-14 hours behind, outside the window.
    let seoul_now = Utc::now().with_timezone(&chrono_tz::Asia::Seoul);
    let minute = (seoul_now.hour() * 60 + seoul_now.minute()) as i32;
    let start = (minute - 60).rem_euclid(1440);
    let end = (minute + 60).rem_euclid(1440);
    policy(
        &h,
        pb::SendPolicy {
            quiet_hours: Some(pb::QuietHours {
                enabled: true,
                start_minute: start,
                end_minute: end,
                default_time_zone: "UTC".into(),
                include_transactional: false,
            }),
            ..Default::default()
        },
    )
    .await?;
    let seoul = h
        .customer(
            json!({"first_name": "Min", "timezone": "Asia/Seoul"}),
            &[("email", "min@example.com")],
        )
        .await?;
    let ny = h
        .customer(
            json!({"first_name": "Joe", "timezone": "America/New_York"}),
            &[("email", "joe@example.com")],
        )
        .await?;

    let deferred = h
        .send(send_on(DeliveryChannel::Email, &seoul, &tid))
        .await?;
    assert_eq!(
        deferred.status,
        pb::MessageStatus::Scheduled as i32,
        "{deferred:?}"
    );
    let send_at =
        omni_common::convert::from_timestamp(deferred.send_time.as_ref().expect("send_time"));
    // The end of the window in Seoul, about an hour from now (never dropped).
    let wait_min = (send_at - now_ms()) as f64 / 60_000.0;
    assert!((58.0..=61.0).contains(&wait_min), "{wait_min} minutes");
    let local_end = chrono::DateTime::from_timestamp_millis(send_at)
        .expect("time")
        .with_timezone(&chrono_tz::Asia::Seoul);
    assert_eq!((local_end.hour() * 60 + local_end.minute()) as i32, end);

    let now = h.send(send_on(DeliveryChannel::Email, &ny, &tid)).await?;
    assert_eq!(now.status, pb::MessageStatus::Pending as i32);
    let sent = h.settled(&now.message_id).await?;
    assert_eq!(sent.status, pb::MessageStatus::Sent as i32);

    // Transactional messages are not deferred unless the policy says so.
    let mut receipt = send_on(DeliveryChannel::Email, &seoul, &tid);
    receipt.purpose = pb::MessagePurpose::Transactional as i32;
    assert_eq!(
        h.send(receipt).await?.status,
        pb::MessageStatus::Pending as i32
    );
    // An expiry before the window ends means it would be stale: expired, not deferred.
    let mut short = send_on(DeliveryChannel::Email, &seoul, &tid);
    short.expire_time = Some(omni_common::convert::to_timestamp(now_ms() + 60_000));
    let m = h.send(short).await?;
    assert_eq!(reason(&m), pb::SuppressionReason::Expired);
    // Still scheduled: the deferred message waits for its time.
    assert_eq!(
        h.get(&deferred.message_id).await?.status,
        pb::MessageStatus::Scheduled as i32
    );

    let err = policy(
        &h,
        pb::SendPolicy {
            quiet_hours: Some(pb::QuietHours {
                enabled: true,
                start_minute: 1440,
                end_minute: 0,
                ..Default::default()
            }),
            ..Default::default()
        },
    )
    .await
    .expect_err("bad minute");
    assert_eq!(
        field_violation(&err).as_deref(),
        Some("policy.quiet_hours.start_minute")
    );
    h.stop().await
}

#[tokio::test]
async fn caps_hold_under_concurrent_sends() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;
    policy(
        &h,
        pb::SendPolicy {
            caps: vec![
                pb::FatigueCap {
                    channel: DeliveryChannel::Unspecified as i32,
                    window: pb::CapWindow::Week as i32,
                    limit: 5,
                },
                pb::FatigueCap {
                    channel: DeliveryChannel::Email as i32,
                    window: pb::CapWindow::Day as i32,
                    limit: 3,
                },
            ],
            ..Default::default()
        },
    )
    .await?;
    let stored = h
        .client
        .clone()
        .get_send_policy(pb::GetSendPolicyRequest {})
        .await?
        .into_inner()
        .policy
        .unwrap_or_default();
    assert_eq!(stored.caps.len(), 2);
    let cid = h.ann().await?;
    let sends = (0..20).map(|_| {
        let req = send_on(DeliveryChannel::Email, &cid, &tid);
        let h = &h;
        async move { h.send(req).await }
    });
    let results = futures_util::future::join_all(sends).await;
    let mut allowed = 0;
    let mut capped = 0;
    for r in results {
        let m = r?;
        if m.status == pb::MessageStatus::Suppressed as i32 {
            assert_eq!(reason(&m), pb::SuppressionReason::FatigueCap);
            capped += 1;
        } else {
            allowed += 1;
        }
    }
    assert_eq!((allowed, capped), (3, 17), "the daily email cap, exactly");
    h.stop().await
}

#[tokio::test]
async fn caps_count_only_messages_that_went_out_or_still_may() -> anyhow::Result<()> {
    let h = Harness::start_with(|s| {
        s.delivery.secrets.insert("sms".into(), "tok".into());
    })
    .await?;
    let twilio = omni_testkit::providers::TwilioServer::start("AC1", "tok").await?;
    h.provider(pb::ProviderConfig {
        channel: DeliveryChannel::Sms as i32,
        kind: pb::ProviderKind::Twilio as i32,
        base_url: twilio.base_url(),
        account_id: "AC1".into(),
        sender: "+15005550006".into(),
        secret_ref: "config:sms".into(),
        ..Default::default()
    })
    .await?;
    policy(
        &h,
        pb::SendPolicy {
            caps: vec![pb::FatigueCap {
                channel: DeliveryChannel::Sms as i32,
                window: pb::CapWindow::Day as i32,
                limit: 1,
            }],
            ..Default::default()
        },
    )
    .await?;
    let tid = h
        .template(pb::Template {
            display_name: "Offer".into(),
            channel: DeliveryChannel::Sms as i32,
            body: "Your code {{ vars.code }}".into(),
            ..Default::default()
        })
        .await?;
    let cid = h.customer(json!({}), &[("phone", "+14155550100")]).await?;
    let with_code = |code: &str| {
        let mut req = send_on(DeliveryChannel::Sms, &cid, &tid);
        req.variables = Some(omni_common::convert::json_to_struct(
            json!({ "code": code }).as_object().expect("object"),
        ));
        req
    };

    // Fails to render at send (no `vars.code`): its cap slot is given back.
    let m = h.send(send_on(DeliveryChannel::Sms, &cid, &tid)).await?;
    assert_eq!(m.status, pb::MessageStatus::Failed as i32, "{m:?}");

    // Refused for good by the provider (400): the slot is given back too.
    twilio.fail_next(1, omni_testkit::providers::Fault::Status(400));
    let m = h.send(with_code("A1")).await?;
    assert_eq!(m.status, pb::MessageStatus::Pending as i32, "{m:?}");
    let m = h.settled(&m.message_id).await?;
    assert_eq!(m.status, pb::MessageStatus::Failed as i32, "{m:?}");

    // So the one message a day still goes out, and then the cap holds.
    let m = h.send(with_code("B2")).await?;
    assert_eq!(m.status, pb::MessageStatus::Pending as i32, "{m:?}");
    let m = h.settled(&m.message_id).await?;
    assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
    let m = h.send(with_code("C3")).await?;
    assert_eq!(m.status, pb::MessageStatus::Suppressed as i32, "{m:?}");
    assert_eq!(reason(&m), pb::SuppressionReason::FatigueCap);
    assert_eq!(twilio.messages().len(), 1);
    h.stop().await
}

#[tokio::test]
async fn a_journey_throttle_spreads_sends_without_dropping_any() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;
    // The workspace throttles one journey to 600 a minute (one every 100 ms).
    policy(
        &h,
        pb::SendPolicy {
            journey_throttles: vec![pb::JourneyThrottle {
                journey_id: "spring-sale".into(),
                messages_per_minute: 600,
            }],
            ..Default::default()
        },
    )
    .await?;
    let mut customers = Vec::new();
    for i in 0..10 {
        customers.push(
            h.customer(
                json!({"first_name": "Ann"}),
                &[("email", &format!("c{i}@example.com"))],
            )
            .await?,
        );
    }
    let sends = customers.iter().map(|cid| {
        let mut req = send_on(DeliveryChannel::Email, cid, &tid);
        req.journey_id = "spring-sale".into();
        let h = &h;
        async move { h.send(req).await }
    });
    let mut times = Vec::new();
    for r in futures_util::future::join_all(sends).await {
        let m = r?;
        let at = m
            .send_time
            .as_ref()
            .map(|t| t.seconds * 1000 + i64::from(t.nanos) / 1_000_000);
        times.push((at.unwrap_or_default(), m.message_id));
    }
    times.sort();
    // Spaced at least one interval (100 ms) apart, so ten sends take 900 ms or more.
    for pair in times.windows(2) {
        assert!(pair[1].0 - pair[0].0 >= 100, "{times:?}");
    }
    // Deferred, not dropped: every one goes out, and not before its slot.
    for (at, id) in &times {
        let m = h.settled(id).await?;
        assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
        let sent = m
            .update_time
            .as_ref()
            .map(|t| t.seconds * 1000 + i64::from(t.nanos) / 1_000_000);
        assert!(
            sent.unwrap_or_default() >= *at,
            "sent before its slot: {m:?}"
        );
    }

    // A rate carried on the Send wins over the workspace's, and needs a journey.
    let mut req = send_on(DeliveryChannel::Email, &customers[0], &tid);
    req.throttle_per_minute = 5;
    let err = h.send(req).await.expect_err("throttle without a journey");
    assert_eq!(
        field_violation(&err).as_deref(),
        Some("throttle_per_minute")
    );
    let mut spread = Vec::new();
    for cid in &customers[..3] {
        let mut req = send_on(DeliveryChannel::Email, cid, &tid);
        req.journey_id = "winback".into();
        req.throttle_per_minute = 5;
        let m = h.send(req).await?;
        spread.push((m.status, m.send_time.map(|t| t.seconds).unwrap_or_default()));
    }
    assert_eq!(spread[0].0, pb::MessageStatus::Pending as i32);
    assert_eq!(spread[1].0, pb::MessageStatus::Scheduled as i32);
    assert_eq!(
        spread[2].1 - spread[0].1,
        24,
        "12 s apart at 5 a minute: {spread:?}"
    );
    h.stop().await
}
