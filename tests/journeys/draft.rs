//! Editing drafts, and waiting until the best send time.

use omni_proto::decisioning::v1 as dec;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;
use tonic::Code;

use crate::HOUR_MS;
use crate::support::*;

#[tokio::test(flavor = "multi_thread")]
async fn drafts_can_be_replaced_until_published() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let created = client
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(h.resolved(welcome_journey()).await?),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    let update = |j: pb::Journey| pb::UpdateJourneyDraftRequest { journey: Some(j) };

    // A new graph and name replace the draft's.
    let mut edited = h.resolved(welcome_journey()).await?;
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
        .update_journey_draft(update(pb::Journey {
            journey_id: created.journey_id.clone(),
            ..h.resolved(welcome_journey()).await?
        }))
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
    h.stop().await
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

fn ms(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .expect("time")
        .timestamp_millis()
}

/// Teaches decisioning that `customer` engages at `at` (a click on a decided offer).
async fn engaged_at(h: &Harness, customer: &str, at: i64) -> anyhow::Result<()> {
    let mut decisioning = h.clients().decisioning;
    let decision = decisioning
        .decide(dec::DecideRequest {
            customer_id: customer.into(),
            ..Default::default()
        })
        .await?
        .into_inner();
    decisioning
        .record_outcome(dec::RecordOutcomeRequest {
            decision_id: decision.decision_id,
            offer_id: h.offer_id.clone(),
            kind: dec::OutcomeKind::Click as i32,
            occur_time: Some(omni_common::convert::to_timestamp(at)),
        })
        .await?;
    Ok(())
}

/// Decisioning's best send time for `customer` in [START_MS, START_MS + window_ms).
async fn best_time(h: &Harness, customer: &str, window_ms: i64) -> anyhow::Result<i64> {
    let resp = h
        .clients()
        .decisioning
        .best_send_time(dec::BestSendTimeRequest {
            customer_id: customer.into(),
            window_start: Some(omni_common::convert::to_timestamp(START_MS)),
            window_end: Some(omni_common::convert::to_timestamp(START_MS + window_ms)),
            time_zone: String::new(),
        })
        .await?
        .into_inner();
    Ok(omni_common::convert::from_timestamp(
        resp.send_time.as_ref().expect("send_time"),
    ))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_best_send_time_wait_follows_decisioning_and_falls_back() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let id = h.create_published(best_time_journey()).await?;
    let enrol = |customer: String| pb::EnrollCustomerRequest {
        journey_id: id.clone(),
        idempotency_key: format!("k-{customer}"),
        customer_id: customer,
        context: None,
    };
    let wake = |run: &pb::Run| {
        run.wake_time
            .as_ref()
            .map(omni_common::convert::from_timestamp)
    };

    // c_best engages on Wednesdays at 03:00 UTC (about 5 h after the clock's start);
    // c_late on Thursdays at 23:00 UTC, past the 24 h max_wait.
    let best = h.seed_profile("c_best").await?;
    let late = h.seed_profile("c_late").await?;
    let down = h.seed_profile("c_down").await?;
    engaged_at(&h, &best, ms("2023-11-15T03:10:00Z")).await?;
    engaged_at(&h, &late, ms("2023-11-16T23:10:00Z")).await?;
    assert_eq!(
        best_time(&h, &best, 7 * 24 * HOUR_MS).await?,
        ms("2023-11-15T03:00:00Z")
    );

    // Decisioning says Wednesday 03:00: the run waits exactly until then.
    h.client()?.enroll_customer(enrol(best.clone())).await?;
    let run = h
        .wait_run_of(&id, "c_best", "waiting", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    assert_eq!(wake(&run), Some(ms("2023-11-15T03:00:00Z")));

    // The best time overall is past max_wait: the run waits no longer than max_wait,
    // until the best time decisioning finds within it.
    assert_eq!(
        best_time(&h, &late, 7 * 24 * HOUR_MS).await?,
        ms("2023-11-16T23:00:00Z")
    );
    h.client()?.enroll_customer(enrol(late.clone())).await?;
    let run = h
        .wait_run_of(&id, "c_late", "waiting", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    let late_wake = wake(&run).expect("wake");
    assert!(late_wake <= START_MS + 24 * HOUR_MS, "{run:#?}");
    assert_eq!(late_wake, best_time(&h, &late, 24 * HOUR_MS).await?);

    // Decisioning down: the fallback duration (2 h), not a failed run.
    h.inner.suite.stop("decisioning").await?;
    h.client()?.enroll_customer(enrol(down.clone())).await?;
    let run = h
        .wait_run_of(&id, "c_down", "waiting", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    assert_eq!(wake(&run), Some(START_MS + 2 * HOUR_MS));
    h.inner.suite.restart("decisioning").await?;

    // Each sends when its own time comes.
    h.clock.set_ms(START_MS + 2 * HOUR_MS);
    h.wait_run_of(&id, "c_down", "completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    assert!(h.sends_to("c_best").await?.is_empty());
    h.clock.set_ms(ms("2023-11-15T03:00:00Z"));
    h.wait_run_of(&id, "c_best", "completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    assert_eq!(h.sends_to("c_best").await?.len(), 1);
    if late_wake > ms("2023-11-15T03:00:00Z") {
        assert!(h.sends_to("c_late").await?.is_empty());
    }

    // A zero or absent max_wait is refused.
    let mut bad = h.resolved(best_time_journey()).await?;
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
    h.stop().await
}
