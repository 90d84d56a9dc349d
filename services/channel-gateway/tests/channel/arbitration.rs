//! Workspace frequency rules and journey priority: journeys competing for one weekly
//! email slot under concurrent sends, displacement of an unconfirmed lower-priority
//! slot, defer versus skip, the transactional bypass, and bad rules refused by field.

use std::time::Duration;

use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use tonic::Code;

use crate::support::{Harness, field_violation, now_ms, send_on};

const WEEK_MS: i64 = 7 * 86_400_000;

async fn policy(h: &Harness, p: pb::SendPolicy) -> Result<pb::SendPolicy, tonic::Status> {
    h.client
        .clone()
        .update_send_policy(pb::UpdateSendPolicyRequest { policy: Some(p) })
        .await
        .map(|r| r.into_inner().policy.unwrap_or_default())
}

/// One email per customer per week; a 3 s arbitration window (all 50 racing sends
/// arrive within it even on a busy machine).
fn weekly_email_rule() -> pb::SendPolicy {
    pb::SendPolicy {
        frequency_rules: vec![pb::FrequencyRule {
            channels: vec![DeliveryChannel::Email as i32],
            max: 1,
            period: pb::CapWindow::Week as i32,
        }],
        arbitration_window_ms: 3_000,
        ..Default::default()
    }
}

fn journey_send(
    cid: &str,
    tid: &str,
    journey: &str,
    priority: i32,
    on_no_slot: pb::NoSlotAction,
) -> pb::SendRequest {
    pb::SendRequest {
        journey_id: journey.into(),
        priority,
        on_no_slot: on_no_slot as i32,
        ..send_on(DeliveryChannel::Email, cid, tid)
    }
}

fn status(m: &pb::Message) -> pb::MessageStatus {
    pb::MessageStatus::try_from(m.status).unwrap_or_default()
}

fn send_ms(m: &pb::Message) -> i64 {
    m.send_time
        .as_ref()
        .map(|t| t.seconds * 1_000 + i64::from(t.nanos) / 1_000_000)
        .unwrap_or_default()
}

/// Waits until no message of the list is PENDING any more (the worker has confirmed or
/// moved every tentative slot) and returns them as they are then.
async fn after_arbitration(h: &Harness, ids: &[String]) -> anyhow::Result<Vec<pb::Message>> {
    omni_testkit::eventually(Duration::from_secs(20), || async move {
        let mut all = Vec::with_capacity(ids.len());
        for id in ids {
            let m = h.get(id).await?;
            if status(&m) == pb::MessageStatus::Pending {
                return Ok(None);
            }
            all.push(m);
        }
        Ok(Some(all))
    })
    .await
}

/// 25 sends of a low-priority journey and 25 of a high-priority one race for one
/// customer's single weekly email slot. Exactly one email goes out, and it is the
/// high-priority journey's; the low journey's messages wait for the next window with
/// the reason recorded (those displaced name the journey that took the slot); the other
/// high sends are skipped. A receipt still goes out.
async fn compete(low_action: pb::NoSlotAction) -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;
    policy(&h, weekly_email_rule()).await?;
    let cid = h.ann().await?;
    let started = now_ms();
    let sends = (0..50).map(|i| {
        // Interleaved so low-priority sends arrive before, between and after the high.
        let req = if i % 2 == 0 {
            journey_send(&cid, &tid, "j-low", 1, low_action)
        } else {
            journey_send(&cid, &tid, "j-high", 9, pb::NoSlotAction::Skip)
        };
        let h = &h;
        async move { h.send(req).await }
    });
    let sent: Vec<pb::Message> = futures_util::future::join_all(sends)
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    let ids: Vec<String> = sent.iter().map(|m| m.message_id.clone()).collect();
    let all = after_arbitration(&h, &ids).await?;
    let winners: Vec<&pb::Message> = all
        .iter()
        .filter(|m| status(m) == pb::MessageStatus::Sent)
        .collect();
    assert_eq!(winners.len(), 1, "one email a week, exactly: {all:#?}");
    assert_eq!(winners[0].journey_id, "j-high", "the higher priority wins");
    for m in all.iter().filter(|m| m.journey_id == "j-high") {
        if status(m) != pb::MessageStatus::Sent {
            assert_eq!(status(m), pb::MessageStatus::Suppressed, "{m:?}");
            assert_eq!(
                m.suppression_reason,
                pb::SuppressionReason::FrequencyRule as i32
            );
            assert!(m.error.starts_with("frequency_rule:"), "{}", m.error);
        }
    }
    let low: Vec<&pb::Message> = all.iter().filter(|m| m.journey_id == "j-low").collect();
    assert_eq!(low.len(), 25);
    for m in &low {
        assert!(m.error.starts_with("frequency_rule:"), "{m:?}");
        match low_action {
            pb::NoSlotAction::Skip => {
                assert_eq!(status(m), pb::MessageStatus::Suppressed, "{m:?}");
                assert_eq!(
                    m.suppression_reason,
                    pb::SuppressionReason::FrequencyRule as i32
                );
            }
            _ => {
                assert_eq!(status(m), pb::MessageStatus::Scheduled, "{m:?}");
                // The next window: a week after the slot was taken.
                assert!(send_ms(m) >= started + WEEK_MS - 60_000, "{m:?}");
            }
        }
    }
    // Every low send that held the slot at `Send` was displaced, and says by whom.
    for held in sent
        .iter()
        .filter(|m| m.journey_id == "j-low" && status(m) == pb::MessageStatus::Pending)
    {
        let m = all
            .iter()
            .find(|m| m.message_id == held.message_id)
            .expect("listed");
        assert_eq!(
            m.error, "frequency_rule: displaced by higher priority journey j-high",
            "{m:?}"
        );
    }
    let mails = h.sink.wait_for(1, Duration::from_secs(10)).await?;
    assert_eq!(mails.len(), 1);

    // Transactional messages bypass the rule (consent still applies, tested elsewhere).
    let receipt = h
        .send(pb::SendRequest {
            purpose: pb::MessagePurpose::Transactional as i32,
            ..journey_send(&cid, &tid, "j-receipts", 0, pb::NoSlotAction::Skip)
        })
        .await?;
    let receipt = h.settled(&receipt.message_id).await?;
    assert_eq!(status(&receipt), pb::MessageStatus::Sent, "{receipt:?}");
    assert_eq!(h.sink.wait_for(2, Duration::from_secs(10)).await?.len(), 2);
    h.stop().await
}

#[tokio::test]
async fn priority_wins_the_weekly_slot_and_the_loser_is_deferred() -> anyhow::Result<()> {
    // Unspecified means defer.
    compete(pb::NoSlotAction::Unspecified).await
}

#[tokio::test]
async fn priority_wins_the_weekly_slot_and_the_loser_is_skipped() -> anyhow::Result<()> {
    compete(pb::NoSlotAction::Skip).await
}

/// A lower-priority send that holds the slot is displaced by a later higher-priority
/// one within the arbitration window, and the displaced message records why.
#[tokio::test]
async fn a_later_higher_priority_send_displaces_a_tentative_slot() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h.email_template("Hi", "Hi").await?;
    policy(&h, weekly_email_rule()).await?;
    let cid = h.ann().await?;
    let low = h
        .send(journey_send(&cid, &tid, "j-low", 1, pb::NoSlotAction::Skip))
        .await?;
    assert_eq!(status(&low), pb::MessageStatus::Pending, "holds the slot");
    assert!(low.error.is_empty());
    let high = h
        .send(journey_send(
            &cid,
            &tid,
            "j-high",
            5,
            pb::NoSlotAction::Skip,
        ))
        .await?;
    assert_eq!(status(&high), pb::MessageStatus::Pending, "took the slot");
    let low = h.settled(&low.message_id).await?;
    assert_eq!(status(&low), pb::MessageStatus::Suppressed);
    assert_eq!(
        low.suppression_reason,
        pb::SuppressionReason::FrequencyRule as i32
    );
    assert_eq!(
        low.error,
        "frequency_rule: displaced by higher priority journey j-high"
    );
    let high = h.settled(&high.message_id).await?;
    assert_eq!(status(&high), pb::MessageStatus::Sent);
    // A confirmed slot is final: an even higher priority cannot take it back.
    let top = h
        .send(journey_send(
            &cid,
            &tid,
            "j-top",
            99,
            pb::NoSlotAction::Defer,
        ))
        .await?;
    assert_eq!(status(&top), pb::MessageStatus::Scheduled, "{top:?}");
    assert_eq!(
        top.error,
        "frequency_rule: at most 1 email per week reached"
    );
    // Equal priority never displaces: first come, first served.
    let cid2 = h.ann().await?;
    let first = h
        .send(journey_send(&cid2, &tid, "j-a", 3, pb::NoSlotAction::Skip))
        .await?;
    let second = h
        .send(journey_send(&cid2, &tid, "j-b", 3, pb::NoSlotAction::Skip))
        .await?;
    assert_eq!(status(&second), pb::MessageStatus::Suppressed);
    assert_eq!(
        status(&h.settled(&first.message_id).await?),
        pb::MessageStatus::Sent
    );
    h.stop().await
}

/// "At most 3 messages a day across channels" is one rule; rules and fatigue caps are
/// checked together (the tighter one decides, and its reason is recorded).
#[tokio::test]
async fn rules_and_caps_are_checked_together() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h.email_template("Hi", "Hi").await?;
    policy(
        &h,
        pb::SendPolicy {
            caps: vec![pb::FatigueCap {
                channel: DeliveryChannel::Email as i32,
                window: pb::CapWindow::Day as i32,
                limit: 2,
            }],
            frequency_rules: vec![pb::FrequencyRule {
                channels: vec![],
                max: 3,
                period: pb::CapWindow::Day as i32,
            }],
            arbitration_window_ms: 10,
            ..Default::default()
        },
    )
    .await?;
    let cid = h.ann().await?;
    let sends = (0..10).map(|_| {
        let req = journey_send(&cid, &tid, "j", 0, pb::NoSlotAction::Skip);
        let h = &h;
        async move { h.send(req).await }
    });
    let all: Vec<pb::Message> = futures_util::future::join_all(sends)
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    let open = all
        .iter()
        .filter(|m| status(m) == pb::MessageStatus::Pending)
        .count();
    let capped = all
        .iter()
        .filter(|m| m.suppression_reason == pb::SuppressionReason::FatigueCap as i32)
        .count();
    assert_eq!(
        (open, capped),
        (2, 8),
        "the email cap is tighter than the rule"
    );
    h.stop().await
}

/// A cap full only because of a tentative lower-priority holder does not stop a
/// higher-priority send: the holder is displaced from the cap and the rule together.
#[tokio::test]
async fn displacement_frees_the_caps_the_holder_took() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h.email_template("Hi", "Hi").await?;
    let mut p = weekly_email_rule();
    p.caps = vec![pb::FatigueCap {
        channel: DeliveryChannel::Email as i32,
        window: pb::CapWindow::Day as i32,
        limit: 1,
    }];
    policy(&h, p).await?;
    let cid = h.ann().await?;
    let low = h
        .send(journey_send(
            &cid,
            &tid,
            "j-low",
            0,
            pb::NoSlotAction::Defer,
        ))
        .await?;
    assert_eq!(status(&low), pb::MessageStatus::Pending);
    let high = h
        .send(journey_send(
            &cid,
            &tid,
            "j-high",
            1,
            pb::NoSlotAction::Defer,
        ))
        .await?;
    assert_eq!(status(&high), pb::MessageStatus::Pending, "{high:?}");
    assert_eq!(
        status(&h.settled(&high.message_id).await?),
        pb::MessageStatus::Sent
    );
    let low = omni_testkit::eventually(Duration::from_secs(20), || async {
        let m = h.get(&low.message_id).await?;
        Ok((status(&m) == pb::MessageStatus::Scheduled).then_some(m))
    })
    .await?;
    assert_eq!(
        low.error,
        "frequency_rule: displaced by higher priority journey j-high"
    );
    // An equal-priority newcomer finds the cap full (the confirmed slot is final).
    let third = h
        .send(journey_send(
            &cid,
            &tid,
            "j-high",
            1,
            pb::NoSlotAction::Defer,
        ))
        .await?;
    assert_eq!(
        third.suppression_reason,
        pb::SuppressionReason::FatigueCap as i32
    );
    h.stop().await
}

#[tokio::test]
async fn bad_rules_and_actions_are_refused_by_field() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut bad = weekly_email_rule();
    bad.frequency_rules[0].max = 0;
    let err = policy(&h, bad).await.expect_err("max 0");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(
        field_violation(&err).as_deref(),
        Some("policy.frequency_rules[0].max")
    );
    let mut bad = weekly_email_rule();
    bad.frequency_rules[0].period = 7;
    let err = policy(&h, bad).await.expect_err("unknown period");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(
        field_violation(&err).as_deref(),
        Some("policy.frequency_rules[0].period")
    );
    let mut bad = weekly_email_rule();
    bad.frequency_rules[0].channels = vec![42];
    let err = policy(&h, bad).await.expect_err("unknown channel");
    assert_eq!(
        field_violation(&err).as_deref(),
        Some("policy.frequency_rules[0].channels[0]")
    );
    // Nothing changed.
    let stored = h
        .client
        .clone()
        .get_send_policy(pb::GetSendPolicyRequest {})
        .await?
        .into_inner()
        .policy
        .unwrap_or_default();
    assert!(stored.frequency_rules.is_empty());
    let tid = h.email_template("Hi", "Hi").await?;
    let cid = h.ann().await?;
    let err = h
        .send(pb::SendRequest {
            on_no_slot: 9,
            ..send_on(DeliveryChannel::Email, &cid, &tid)
        })
        .await
        .expect_err("unknown action");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err).as_deref(), Some("on_no_slot"));
    h.stop().await
}
