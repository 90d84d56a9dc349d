//! The journey's priority and no-slot action travel with every send: the real gateway's
//! frequency rules arbitrate between journeys by them.

use omni_proto::channel::v1 as ch;
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_testkit::eventually;

use crate::support::*;

fn send_only(name: &str, event: &str, settings: Option<pb::JourneySettings>) -> pb::Journey {
    pb::Journey {
        display_name: name.into(),
        nodes: vec![
            node("in", "send", entry(event)),
            node("send", "", send_email("tpl_welcome")),
        ],
        settings,
        ..Default::default()
    }
}

fn with_priority(priority: i32, on_no_slot: pb::NoSlotAction) -> Option<pb::JourneySettings> {
    Some(pb::JourneySettings {
        priority,
        on_no_slot: on_no_slot as i32,
        ..Default::default()
    })
}

/// The customer's message from `journey`, once `pred` holds for it.
async fn message_of(
    h: &Harness,
    name: &str,
    journey: &str,
    what: &str,
    pred: impl Fn(&ch::Message) -> bool,
) -> anyhow::Result<ch::Message> {
    let pred = &pred;
    eventually(PATIENCE, || async move {
        let m = h
            .messages(name)
            .await?
            .into_iter()
            .find(|m| m.journey_id == journey);
        match m {
            Some(m) if pred(&m) => Ok(Some(m)),
            other => Err(anyhow::anyhow!("{name}: waiting for {what}: {other:#?}")),
        }
    })
    .await
}

fn status(m: &ch::Message) -> ch::MessageStatus {
    ch::MessageStatus::try_from(m.status).unwrap_or(ch::MessageStatus::Unspecified)
}

#[tokio::test(flavor = "multi_thread")]
async fn priority_and_on_no_slot_travel_with_every_send() -> anyhow::Result<()> {
    use pb::NoSlotAction::{Defer, Skip};
    let h = Harness::start().await?;
    // At most one marketing email per customer a day; a send holds its slot
    // tentatively for 4 s (room for the test to see it), displaceable by a higher
    // priority.
    h.clients()
        .channel
        .update_send_policy(ch::UpdateSendPolicyRequest {
            policy: Some(ch::SendPolicy {
                frequency_rules: vec![ch::FrequencyRule {
                    channels: vec![DeliveryChannel::Email as i32],
                    max: 1,
                    period: ch::CapWindow::Day as i32,
                }],
                arbitration_window_ms: 4_000,
                ..Default::default()
            }),
        })
        .await?;
    let urgent = h
        .create_published(send_only("Urgent", "pickup_ready", with_priority(90, Skip)))
        .await?;
    let plain = h
        .create_published(send_only("Plain", "order_placed", None))
        .await?;
    let low = h
        .create_published(send_only("Low", "browse", with_priority(49, Defer)))
        .await?;
    let high = h
        .create_published(send_only("High", "wishlist", with_priority(51, Defer)))
        .await?;
    let tentative = |m: &ch::Message| status(m) == ch::MessageStatus::Pending;
    let deferred = |m: &ch::Message| status(m) == ch::MessageStatus::Scheduled;

    // c_1: the plain journey holds the slot; the urgent one (90) displaces it, and the
    // plain send (no settings: DEFER) waits for the next window.
    // c_3: a priority-49 send holds it; the plain one displaces it (plain > 49).
    // c_4: the plain send holds it; a priority-51 send displaces it (plain < 51).
    // c_2: the plain send goes out first (its slot is then final).
    let firsts = [
        ("c_1", "order_placed"),
        ("c_2", "order_placed"),
        ("c_3", "browse"),
        ("c_4", "order_placed"),
    ];
    for (c, _) in firsts {
        h.seed_profile(c).await?;
    }
    for (c, first) in firsts {
        h.ingest(c, &format!("{c}-first"), first).await?;
    }
    message_of(&h, "c_1", &plain, "tentative", tentative).await?;
    message_of(&h, "c_3", &low, "tentative", tentative).await?;
    message_of(&h, "c_4", &plain, "tentative", tentative).await?;
    h.ingest("c_1", "c_1-second", "pickup_ready").await?;
    h.ingest("c_3", "c_3-second", "order_placed").await?;
    h.ingest("c_4", "c_4-second", "wishlist").await?;
    let sent = |m: &ch::Message| status(m) == ch::MessageStatus::Sent;
    message_of(&h, "c_1", &urgent, "urgent sent", sent).await?;
    let displaced = message_of(&h, "c_1", &plain, "plain deferred", deferred).await?;
    assert!(
        displaced.error.contains(&urgent),
        "displaced by the urgent journey: {displaced:#?}"
    );
    message_of(&h, "c_3", &plain, "plain sent", sent).await?;
    message_of(&h, "c_3", &low, "low deferred", deferred).await?;
    message_of(&h, "c_4", &high, "high sent", sent).await?;
    let displaced = message_of(&h, "c_4", &plain, "plain deferred", deferred).await?;
    assert!(displaced.error.contains(&high), "{displaced:#?}");

    // c_2: the plain send went out (its slot is final); the urgent journey finds no
    // slot and, with SKIP, drops its message instead of deferring it.
    message_of(&h, "c_2", &plain, "plain sent", sent).await?;
    h.ingest("c_2", "c_2-second", "pickup_ready").await?;
    let skipped = message_of(&h, "c_2", &urgent, "urgent skipped", |m| {
        status(m) == ch::MessageStatus::Suppressed
    })
    .await?;
    assert_eq!(
        skipped.suppression_reason,
        ch::SuppressionReason::FrequencyRule as i32,
        "{skipped:#?}"
    );

    let stored = h
        .client()?
        .get_journey(pb::GetJourneyRequest {
            journey_id: urgent.clone(),
        })
        .await?
        .into_inner()
        .journey
        .unwrap_or_default()
        .settings
        .unwrap_or_default();
    assert_eq!(stored.priority, 90);
    assert_eq!(stored.on_no_slot, pb::NoSlotAction::Skip as i32);
    h.stop().await
}
