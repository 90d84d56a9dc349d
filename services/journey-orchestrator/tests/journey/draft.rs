//! Editing drafts, and waiting until the best send time.

use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;
use tonic::Code;

use crate::support::*;

const HOUR_MS: i64 = 3_600_000;

#[tokio::test(flavor = "multi_thread")]
async fn drafts_can_be_replaced_until_published() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let created = client
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(welcome_journey()),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    let update = |j: pb::Journey| pb::UpdateJourneyDraftRequest { journey: Some(j) };

    // A new graph and name replace the draft's.
    let mut edited = welcome_journey();
    edited.journey_id = created.journey_id.clone();
    edited.display_name = "Welcome v2".into();
    edited.nodes[1].kind = Some(wait(7200));
    let updated = client
        .update_journey_draft(update(edited.clone()))
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(updated.display_name, "Welcome v2");
    assert_eq!(updated.nodes, edited.nodes);
    let got = client
        .get_journey(pb::GetJourneyRequest {
            journey_id: created.journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(got.nodes, edited.nodes);
    assert_eq!(got.state, pb::JourneyState::Draft as i32);

    // An invalid graph is refused naming the field and node, and changes nothing.
    let mut broken = edited.clone();
    broken.nodes[2].next_node_id = "nowhere".into();
    let err = client
        .update_journey_draft(update(broken))
        .await
        .expect_err("invalid graph");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().starts_with("journey.nodes[2].next_node_id:"),
        "{err:?}"
    );
    assert!(err.message().contains("node `pick`"), "{err:?}");
    let err = client
        .update_journey_draft(update(pb::Journey {
            journey_id: String::new(),
            ..edited.clone()
        }))
        .await
        .expect_err("no id");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("journey.journey_id:"), "{err:?}");
    let err = client
        .update_journey_draft(update(pb::Journey {
            journey_id: "jny_unknown".into(),
            ..edited.clone()
        }))
        .await
        .expect_err("unknown");
    assert_eq!(err.code(), Code::NotFound);
    let got = client
        .get_journey(pb::GetJourneyRequest {
            journey_id: created.journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(got.nodes, edited.nodes);

    // Once published, the journey is immutable.
    client
        .publish_journey(pb::PublishJourneyRequest {
            journey_id: created.journey_id.clone(),
        })
        .await?;
    let err = client
        .update_journey_draft(update(welcome_journey_with_id(&created.journey_id)))
        .await
        .expect_err("published");
    assert_eq!(err.code(), Code::FailedPrecondition, "{err:?}");
    let got = client
        .get_journey(pb::GetJourneyRequest {
            journey_id: created.journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(got.nodes, edited.nodes);
    assert_eq!(got.published_version, 1);
    Ok(())
}

fn welcome_journey_with_id(id: &str) -> pb::Journey {
    pb::Journey {
        journey_id: id.into(),
        ..welcome_journey()
    }
}

/// entry → wait until the best send time (max 24 h, fallback 2 h) → send.
fn best_time_journey() -> pb::Journey {
    pb::Journey {
        display_name: "Best time".into(),
        nodes: vec![
            node("in", "best", entry("order_placed")),
            node(
                "best",
                "send",
                Kind::Wait(pb::WaitNode {
                    duration: Some(prost_types::Duration {
                        seconds: 7200,
                        nanos: 0,
                    }),
                    best_send_time: Some(pb::BestSendTimeWait {
                        max_wait: Some(prost_types::Duration {
                            seconds: 86_400,
                            nanos: 0,
                        }),
                    }),
                }),
            ),
            node("send", "", send_email("tpl_best")),
        ],
        settings: Some(pb::JourneySettings {
            reentry: pb::ReentryPolicy::Always as i32,
            allow_concurrent_runs: true,
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_best_send_time_wait_follows_decisioning_and_falls_back() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let id = h.create_published(best_time_journey()).await?;
    let enrol = |customer: &str| pb::EnrollCustomerRequest {
        journey_id: id.clone(),
        customer_id: customer.into(),
        idempotency_key: format!("k-{customer}"),
        context: None,
    };
    let wake = |run: &pb::Run| {
        run.wake_time
            .as_ref()
            .map(omni_common::convert::from_timestamp)
    };

    // Decisioning says 5 h from now: the run waits exactly until then.
    *h.decisioning.best_send_offset_ms.lock().expect("lock") = Some(5 * HOUR_MS);
    h.seed_profile("c_best").await?;
    h.client()?.enroll_customer(enrol("c_best")).await?;
    let run = h
        .wait_run_of(&id, "c_best", "waiting", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    assert_eq!(wake(&run), Some(START_MS + 5 * HOUR_MS));

    // A time past max_wait is capped at it.
    *h.decisioning.best_send_offset_ms.lock().expect("lock") = Some(40 * HOUR_MS);
    h.seed_profile("c_late").await?;
    h.client()?.enroll_customer(enrol("c_late")).await?;
    let run = h
        .wait_run_of(&id, "c_late", "waiting", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    assert_eq!(wake(&run), Some(START_MS + 24 * HOUR_MS));

    // Decisioning down: the fallback duration (2 h), not a failed run.
    *h.decisioning.best_send_offset_ms.lock().expect("lock") = None;
    h.seed_profile("c_down").await?;
    h.client()?.enroll_customer(enrol("c_down")).await?;
    let run = h
        .wait_run_of(&id, "c_down", "waiting", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    assert_eq!(wake(&run), Some(START_MS + 2 * HOUR_MS));

    // Each sends when its own time comes.
    h.clock.advance_ms(2 * HOUR_MS);
    h.wait_run_of(&id, "c_down", "completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    assert!(h.sends_to("c_best").is_empty());
    h.clock.advance_ms(3 * HOUR_MS);
    h.wait_run_of(&id, "c_best", "completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    assert!(h.sends_to("c_late").is_empty());
    assert_eq!(h.sends_to("c_best").len(), 1);

    // A zero or absent max_wait is refused.
    let mut bad = best_time_journey();
    if let Some(Kind::Wait(w)) = bad.nodes[1].kind.as_mut() {
        w.best_send_time = Some(pb::BestSendTimeWait { max_wait: None });
    }
    let err = h
        .client()?
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(bad),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("no max_wait");
    assert!(
        err.message()
            .starts_with("journey.nodes[1].wait.best_send_time.max_wait:"),
        "{err:?}"
    );
    Ok(())
}
