//! The thin path end to end: signup -> segment -> journey wait -> decide -> email.

use std::time::Duration;

use omni::demo;
use omni_proto::channel::v1::{ListMessagesRequest, MessageStatus};
use omni_proto::identity::v1::GetProfileRequest;
use omni_proto::journey::v1::RunState;
use omni_proto::segment::v1::GetMembershipsRequest;
use omni_tests::{Harness, PATIENCE};

use crate::support::{all_ended, runs_until};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signup_becomes_a_rendered_welcome_email() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let sample = demo::load_sample(&mut h.clients, Duration::from_secs(1)).await?;
    let tracked = demo::track_signup(
        &mut h.clients,
        "evt-signup-1",
        "  Ann.Lee@Example.COM ",
        "Ann",
    )
    .await?;
    assert!(tracked.created && !tracked.duplicate);

    let mail = h.smtp.wait_for(1, PATIENCE).await?;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, vec!["ann.lee@example.com".to_owned()]);
    let body = mail[0].decoded_body();
    assert!(body.contains("Hi Ann,"), "name rendered: {body}");
    assert!(
        body.contains("10% off your first order"),
        "offer rendered: {body}"
    );
    assert!(body.contains("WELCOME10"), "offer content rendered: {body}");
    assert!(
        mail[0].data.contains("Welcome to Omni Outfitters, Ann!"),
        "subject rendered"
    );

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
    let ctx = omni_common::convert::struct_to_json(runs[0].context.as_ref().expect("context"));
    assert_eq!(
        ctx["offer"]["offer_id"],
        sample.offer_id.as_str(),
        "the eligible offer wins over the higher-value ineligible one"
    );

    // Delivery is asynchronous: the email can arrive a moment before SENT is recorded.
    let channel = h.clients.channel.clone();
    let customer_id = tracked.customer_id.clone();
    let messages = omni_testkit::eventually(PATIENCE, || {
        let mut channel = channel.clone();
        let customer_id = customer_id.clone();
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
                "waiting for one SENT message: {messages:?}"
            );
            Ok(Some(messages))
        }
    })
    .await?;
    assert_eq!(messages[0].run_id, runs[0].run_id);

    let memberships = h
        .clients
        .segment
        .get_memberships(GetMembershipsRequest {
            customer_id: tracked.customer_id.clone(),
        })
        .await?
        .into_inner()
        .memberships;
    assert!(
        memberships
            .iter()
            .any(|m| m.segment_id == sample.segment_id),
        "{memberships:?}"
    );

    let profile = h
        .clients
        .identity
        .get_profile(GetProfileRequest {
            customer_id: tracked.customer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .profile
        .expect("profile");
    assert_eq!(profile.event_counts.get("signup"), Some(&1));
    h.stop().await
}
