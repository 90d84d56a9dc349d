//! Restarts, duplicates and opt-outs: exactly one email, or none with a reason.

use std::time::Duration;

use omni::demo;
use omni_proto::channel::v1::{ListMessagesRequest, MessageStatus, SuppressionReason};
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::identity::v1::{TrackRequest, UpdateConsentRequest};
use omni_proto::journey::v1::RunState;
use omni_tests::{Harness, PATIENCE};

use crate::support::{all_ended, runs_until};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orchestrator_crash_during_the_wait_still_sends_exactly_once() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let sample = demo::load_sample(&mut h.clients, Duration::from_secs(2)).await?;
    let tracked = demo::track_signup(&mut h.clients, "evt-crash-1", "bo@example.com", "Bo").await?;
    runs_until(
        &h.clients,
        &sample.journey_id,
        &tracked.customer_id,
        |runs| runs.iter().any(|r| r.state == RunState::Waiting as i32),
    )
    .await?;

    h.suite.crash("journey").await;
    h.suite.restart("journey").await?;

    let runs = runs_until(
        &h.clients,
        &sample.journey_id,
        &tracked.customer_id,
        all_ended,
    )
    .await?;
    assert_eq!(runs.len(), 1);
    assert_eq!(
        runs[0].state,
        RunState::Completed as i32,
        "run: {:?}",
        runs[0]
    );
    let mail = h.smtp.wait_for(1, PATIENCE).await?;
    assert_eq!(mail.len(), 1, "exactly one email after the restart");
    assert_eq!(h.smtp.messages().len(), 1);
    h.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_event_twice_makes_one_run_and_one_email() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let sample = demo::load_sample(&mut h.clients, Duration::from_millis(500)).await?;
    let first = demo::track_signup(&mut h.clients, "evt-dup-1", "cy@example.com", "Cy").await?;
    let second = demo::track_signup(&mut h.clients, "evt-dup-1", "cy@example.com", "Cy").await?;
    assert!(!first.duplicate);
    assert!(second.duplicate, "a retried event is recognised");
    assert_eq!(first.customer_id, second.customer_id);

    let runs = runs_until(
        &h.clients,
        &sample.journey_id,
        &first.customer_id,
        all_ended,
    )
    .await?;
    assert_eq!(runs.len(), 1, "one run for one event");
    h.smtp.wait_for(1, PATIENCE).await?;
    let messages = h
        .clients
        .channel
        .list_messages(ListMessagesRequest {
            customer_id: first.customer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .messages;
    assert_eq!(messages.len(), 1);
    assert_eq!(h.smtp.messages().len(), 1, "one email");
    h.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_opted_out_customer_gets_no_email_and_a_suppressed_message() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let sample = demo::load_sample(&mut h.clients, Duration::from_millis(300)).await?;
    // The customer exists (a page view) and opts out of email before signing up.
    let mut view = demo::signup_event("evt-view-1", "dee@example.com", "Dee");
    view.r#type = "page_view".into();
    let created = h
        .clients
        .identity
        .track(TrackRequest { event: Some(view) })
        .await?
        .into_inner();
    h.clients
        .identity
        .update_consent(UpdateConsentRequest {
            customer_id: created.customer_id.clone(),
            channel: DeliveryChannel::Email as i32,
            granted: false,
            idempotency_key: "optout-dee".into(),
            ..Default::default()
        })
        .await?;
    let tracked =
        demo::track_signup(&mut h.clients, "evt-optout-1", "dee@example.com", "Dee").await?;
    assert_eq!(tracked.customer_id, created.customer_id);

    let runs = runs_until(
        &h.clients,
        &sample.journey_id,
        &tracked.customer_id,
        all_ended,
    )
    .await?;
    assert_eq!(
        runs[0].state,
        RunState::Completed as i32,
        "run: {:?}",
        runs[0]
    );
    let messages = h
        .clients
        .channel
        .list_messages(ListMessagesRequest {
            customer_id: tracked.customer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .messages;
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].status, MessageStatus::Suppressed as i32);
    assert_eq!(
        messages[0].suppression_reason,
        SuppressionReason::NoConsent as i32
    );
    assert!(
        h.smtp.messages().is_empty(),
        "no email to an opted-out customer"
    );
    h.stop().await
}
