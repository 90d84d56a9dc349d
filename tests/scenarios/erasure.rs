//! Right to be forgotten, end to end: after `EraseCustomer`, every service forgets the
//! person — identity's profile, segment memberships, journey runs and message content.

use std::time::Duration;

use omni::demo;
use omni_proto::channel::v1::{GetMessageRequest, ListMessagesRequest, MessageStatus};
use omni_proto::identity::v1::{EraseCustomerRequest, GetProfileRequest};
use omni_proto::journey::v1::ListRunsRequest;
use omni_proto::segment::v1::GetMembershipsRequest;
use omni_tests::{Harness, PATIENCE};
use tonic::Code;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erased_customer_is_forgotten_by_every_service() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let sample = demo::load_sample(&mut h.clients, Duration::from_secs(1)).await?;
    let gone = demo::track_signup(&mut h.clients, "evt-gone", "gone@example.com", "Gus").await?;
    let kept = demo::track_signup(&mut h.clients, "evt-kept", "kept@example.com", "Kim").await?;
    h.smtp.wait_for(2, PATIENCE).await?;
    let sent = omni_testkit::eventually(PATIENCE, || {
        let mut channel = h.clients.channel.clone();
        let customer_id = gone.customer_id.clone();
        async move {
            let messages = channel
                .list_messages(ListMessagesRequest {
                    customer_id,
                    ..Default::default()
                })
                .await?
                .into_inner()
                .messages;
            anyhow::ensure!(
                messages.len() == 1 && messages[0].status == MessageStatus::Sent as i32,
                "waiting for the welcome email: {messages:?}"
            );
            Ok(Some(messages[0].clone()))
        }
    })
    .await?;

    let erased = h
        .clients
        .identity
        .erase_customer(EraseCustomerRequest {
            customer_id: gone.customer_id.clone(),
        })
        .await?
        .into_inner();
    assert!(erased.customer_ids.contains(&gone.customer_id));

    // Identity answers NOT_FOUND at once.
    let err = h
        .clients
        .identity
        .get_profile(GetProfileRequest {
            customer_id: gone.customer_id.clone(),
            ..Default::default()
        })
        .await
        .expect_err("erased profile");
    assert_eq!(err.code(), Code::NotFound, "{err:?}");

    // The other services honour the erasure event.
    omni_testkit::eventually(PATIENCE, || {
        let mut clients = h.clients.clone();
        let customer_id = gone.customer_id.clone();
        let journey_id = sample.journey_id.clone();
        let message_id = sent.message_id.clone();
        async move {
            let memberships = clients
                .segment
                .get_memberships(GetMembershipsRequest {
                    customer_id: customer_id.clone(),
                })
                .await?
                .into_inner()
                .memberships;
            anyhow::ensure!(memberships.is_empty(), "memberships left: {memberships:?}");
            let runs = clients
                .journey
                .list_runs(ListRunsRequest {
                    journey_id,
                    customer_id: customer_id.clone(),
                    ..Default::default()
                })
                .await?
                .into_inner()
                .runs;
            anyhow::ensure!(runs.is_empty(), "runs left: {runs:?}");
            let listed = clients
                .channel
                .list_messages(ListMessagesRequest {
                    customer_id,
                    ..Default::default()
                })
                .await?
                .into_inner()
                .messages;
            anyhow::ensure!(listed.is_empty(), "messages still listed: {listed:?}");
            let message = clients
                .channel
                .get_message(GetMessageRequest { message_id })
                .await?
                .into_inner()
                .message
                .ok_or_else(|| anyhow::anyhow!("message"))?;
            anyhow::ensure!(
                message.recipient.is_empty() && message.body.is_empty(),
                "message content kept: {message:?}"
            );
            Ok(Some(()))
        }
    })
    .await?;

    // The other customer is untouched.
    let profile = h
        .clients
        .identity
        .get_profile(GetProfileRequest {
            customer_id: kept.customer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert!(profile.profile.is_some());
    let runs = h
        .clients
        .journey
        .list_runs(ListRunsRequest {
            journey_id: sample.journey_id.clone(),
            customer_id: kept.customer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .runs;
    assert_eq!(runs.len(), 1);
    h.stop().await
}
