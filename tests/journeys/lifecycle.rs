//! Enrolment by API, erasure, pause and resume.

use omni_proto::identity::v1 as idp;
use omni_proto::journey::v1 as pb;
use tonic::Code;

use crate::support::*;
use crate::{HOUR_MS, invalid_field};

#[tokio::test(flavor = "multi_thread")]
async fn enroll_customer_starts_one_run_per_key_and_rejects_bad_requests() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let journey_id = h.create_published(welcome_journey()).await?;
    let ann = h.seed_profile("c_ann").await?;
    let request = |key: &str| pb::EnrollCustomerRequest {
        journey_id: journey_id.clone(),
        customer_id: ann.clone(),
        idempotency_key: key.into(),
        context: serde_json::json!({"campaign": "spring"})
            .as_object()
            .map(omni_common::convert::json_to_struct),
    };

    let first = client
        .enroll_customer(request("enrol-1"))
        .await?
        .into_inner();
    assert!(!first.duplicate);
    let run = first.run.expect("run");
    assert_eq!(run.customer_id, ann);
    assert_eq!(run.journey_version, 1);
    assert_eq!(ctx(&run, "enrolment")["campaign"], "spring");
    // The run advanced from the entry to the hour-long wait.
    let waiting = h
        .wait_for_run(&journey_id, "enrolled run waiting", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    assert_eq!(waiting.run_id, run.run_id);

    // The same key again: the same run, nothing new.
    let again = client
        .enroll_customer(request("enrol-1"))
        .await?
        .into_inner();
    assert!(again.duplicate);
    assert_eq!(again.run.expect("run").run_id, run.run_id);
    assert_eq!(h.runs(&journey_id).await?.len(), 1);

    // Bad requests name the problem and start nothing.
    let missing_key = client
        .enroll_customer(request(""))
        .await
        .expect_err("no idempotency key");
    assert!(
        invalid_field(&missing_key).starts_with("idempotency_key"),
        "{missing_key:?}"
    );
    let mut unknown_customer = request("enrol-2");
    unknown_customer.customer_id = "c_nobody".into();
    let err = client
        .enroll_customer(unknown_customer)
        .await
        .expect_err("unknown customer");
    assert_eq!(err.code(), Code::NotFound, "{err:?}");
    let mut unknown_journey = request("enrol-3");
    unknown_journey.journey_id = "j_missing".into();
    let err = client
        .enroll_customer(unknown_journey)
        .await
        .expect_err("unknown journey");
    assert_eq!(err.code(), Code::NotFound, "{err:?}");
    let draft = client
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(h.resolved(welcome_journey()).await?),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    let mut unpublished = request("enrol-4");
    unpublished.journey_id = draft.journey_id.clone();
    let err = client
        .enroll_customer(unpublished)
        .await
        .expect_err("draft journey");
    assert_eq!(err.code(), Code::FailedPrecondition, "{err:?}");
    assert!(err.message().contains("journey_id"), "{err:?}");
    assert_eq!(h.runs(&journey_id).await?.len(), 1);
    assert!(h.runs(&draft.journey_id).await?.is_empty());
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn customer_erased_deletes_runs_and_their_timers_never_send() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let journey_id = h.create_published(welcome_journey()).await?;
    h.ingest("c_gone", "evt-gone", "order_placed").await?;
    h.ingest("c_kept", "evt-kept", "order_placed").await?;
    omni_testkit::eventually(PATIENCE, || async {
        let runs = h.runs(&journey_id).await?;
        anyhow::ensure!(
            runs.len() == 2 && runs.iter().all(|r| state(r) == pb::RunState::Waiting),
            "waiting for two waiting runs: {runs:#?}"
        );
        Ok(Some(()))
    })
    .await?;

    // Identity forgets the customer and tells every service.
    h.clients()
        .identity
        .erase_customer(idp::EraseCustomerRequest {
            customer_id: h.id("c_gone"),
        })
        .await?;
    let left = omni_testkit::eventually(PATIENCE, || async {
        let runs = h.runs(&journey_id).await?;
        anyhow::ensure!(
            runs.len() == 1,
            "waiting for the erased run to go: {runs:#?}"
        );
        Ok(Some(runs))
    })
    .await?;
    assert_eq!(left[0].customer_id, h.id("c_kept"));

    // The kept customer's wait ends and sends; the erased one never does.
    h.clock.advance_ms(2 * HOUR_MS);
    h.wait_for_run(&journey_id, "kept run completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    assert_eq!(h.messages("c_kept").await?.len(), 1);
    assert!(h.messages("c_gone").await?.is_empty());
    h.inner.smtp.wait_for(1, PATIENCE).await?;
    tokio::time::sleep(QUIET).await;
    let mail = h.inner.smtp.messages();
    assert_eq!(mail.len(), 1, "{mail:#?}");
    assert_eq!(mail[0].to, vec!["c_kept@example.com".to_owned()]);
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_paused_journey_takes_no_entries_and_holds_timers_until_resumed() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let journey_id = h.create_published(welcome_journey()).await?;
    h.ingest("c_1", "evt-1", "order_placed").await?;
    h.wait_for_run(&journey_id, "first run waiting", |r| {
        state(r) == pb::RunState::Waiting
    })
    .await?;

    let paused = client
        .pause_journey(pb::PauseJourneyRequest {
            journey_id: journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(paused.state(), pb::JourneyState::Paused);
    // Pausing again is a no-op; publishing a new version keeps it paused.
    client
        .pause_journey(pb::PauseJourneyRequest {
            journey_id: journey_id.clone(),
        })
        .await?;
    let republished = client
        .publish_journey(pb::PublishJourneyRequest {
            journey_id: journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(republished.state(), pb::JourneyState::Paused);

    // No entries while paused, by event or by API.
    h.ingest("c_2", "evt-2", "order_placed").await?;
    let c3 = h.seed_profile("c_3").await?;
    let err = client
        .enroll_customer(pb::EnrollCustomerRequest {
            journey_id: journey_id.clone(),
            customer_id: c3,
            idempotency_key: "k".into(),
            context: None,
        })
        .await
        .expect_err("paused journey takes no enrolment");
    assert_eq!(err.code(), Code::FailedPrecondition, "{err:?}");

    // The wait ends while paused: the timer holds.
    h.clock.advance_ms(HOUR_MS + 1);
    tokio::time::sleep(QUIET).await;
    let runs = h.runs(&journey_id).await?;
    assert_eq!(runs.len(), 1, "no entry while paused: {runs:#?}");
    assert_eq!(state(&runs[0]), pb::RunState::Waiting);
    assert!(h.messages("c_1").await?.is_empty());

    // Resume: the held timer fires and the run completes.
    let resumed = client
        .resume_journey(pb::ResumeJourneyRequest {
            journey_id: journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(resumed.state(), pb::JourneyState::Published);
    h.wait_for_run(&journey_id, "run completed after resume", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    assert_eq!(h.messages("c_1").await?.len(), 1);
    assert!(h.messages("c_2").await?.is_empty());

    // Lifecycle calls on the wrong state or an unknown journey name the problem.
    let draft = client
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(h.resolved(welcome_journey()).await?),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    let err = client
        .pause_journey(pb::PauseJourneyRequest {
            journey_id: draft.journey_id.clone(),
        })
        .await
        .expect_err("a draft cannot be paused");
    assert_eq!(err.code(), Code::FailedPrecondition, "{err:?}");
    let err = client
        .resume_journey(pb::ResumeJourneyRequest {
            journey_id: "j_missing".into(),
        })
        .await
        .expect_err("unknown journey");
    assert_eq!(err.code(), Code::NotFound, "{err:?}");
    let err = client
        .pause_journey(pb::PauseJourneyRequest {
            journey_id: String::new(),
        })
        .await
        .expect_err("no id");
    assert!(invalid_field(&err).starts_with("journey_id"), "{err:?}");
    h.stop().await
}
