//! Journey-orchestrator integration tests: the real service on a real Redis and database,
//! with in-test fakes of decisioning and channel-gateway.

mod draft;
mod fake_segment;
mod graph;
mod outbox;
mod review;
mod schedule;
mod support;

use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_testkit::eventually;
use sea_orm::ConnectionTrait;
use support::*;
use tonic::{Code, Status};

const HOUR_MS: i64 = 3_600_000;

/// Breaks a valid journey in one place.
type Mutation = fn(&mut pb::Journey);

fn invalid_field(status: &Status) -> String {
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    status.message().to_owned()
}

async fn count_rows(h: &Harness, table: &str) -> anyhow::Result<i64> {
    let db = omni_storage::connect(&h.settings.journey.database_url).await?;
    let row = db
        .query_one_raw(omni_storage::stmt(
            db.get_database_backend(),
            &format!("SELECT COUNT(*) AS n FROM {table} WHERE workspace_id = $1"),
            ["default".into()],
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no count row"))?;
    Ok(row.try_get::<i64>("", "n")?)
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_graphs_name_the_node_path_and_store_nothing() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let create = |journey: Option<pb::Journey>| pb::CreateJourneyRequest {
        journey,
        idempotency_key: "k1".into(),
    };

    let err = client
        .create_journey(create(None))
        .await
        .expect_err("no journey");
    assert!(invalid_field(&err).starts_with("journey:"), "{err:?}");

    let cases: Vec<(&str, Mutation)> = vec![
        ("journey.display_name", |j| j.display_name.clear()),
        ("journey.nodes[2].wait.duration", |j| {
            j.nodes.insert(2, node("w2", "pick", wait(0)));
            j.nodes[1].next_node_id = "w2".into();
        }),
        ("journey.nodes[1].node_id", |j| j.nodes[1].node_id.clear()),
        ("journey.nodes[3].node_id", |j| {
            j.nodes[3].node_id = "wait".into();
        }),
        ("journey.nodes[2].kind", |j| j.nodes[2].kind = None),
        ("journey.nodes[3].send.channel", |j| {
            j.nodes[3].kind = Some(pb::node::Kind::Send(pb::SendNode {
                channel: DeliveryChannel::Unspecified as i32,
                template_id: "t".into(),
                ..Default::default()
            }));
        }),
        ("journey.nodes[3].send.template_id", |j| {
            j.nodes[3].kind = Some(send_email(""));
        }),
        ("journey.nodes[0].entry.event_type", |j| {
            j.nodes[0].kind = Some(entry(""));
        }),
        ("journey.nodes[2].entry", |j| {
            j.nodes[2].kind = Some(entry("other"));
        }),
        ("journey.nodes", |j| j.nodes[0].kind = Some(wait(5))),
        ("journey.nodes[1].next_node_id", |j| {
            j.nodes[1].next_node_id = "nowhere".into();
        }),
        // A cycle with no wait in it (send -> pick -> send); loops through a wait are
        // allowed since journeys became graphs.
        ("journey.nodes[3].next_node_id", |j| {
            j.nodes[3].next_node_id = "pick".into();
        }),
        ("journey.nodes[2]", |j| {
            j.nodes[1].next_node_id = "send".into()
        }),
    ];
    for (path, mutate) in cases {
        let mut j = welcome_journey();
        mutate(&mut j);
        let err = client
            .create_journey(create(Some(j)))
            .await
            .expect_err(path);
        let message = invalid_field(&err);
        assert!(
            message.starts_with(&format!("{path}:")),
            "expected `{path}`, got `{message}`"
        );
    }
    assert_eq!(count_rows(&h, "journeys").await?, 0);

    // The key of the rejected calls is still free; a retry returns the first result.
    let first = client
        .create_journey(create(Some(welcome_journey())))
        .await?
        .into_inner()
        .journey
        .expect("journey");
    let mut renamed = welcome_journey();
    renamed.display_name = "Other".into();
    let again = client
        .create_journey(create(Some(renamed)))
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(again.journey_id, first.journey_id);
    assert_eq!(again.display_name, "Welcome");
    assert_eq!(count_rows(&h, "journeys").await?, 1);

    let got = client
        .get_journey(pb::GetJourneyRequest {
            journey_id: first.journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(got, first);
    assert_eq!(got.state, pb::JourneyState::Draft as i32);
    assert_eq!(got.nodes, welcome_journey().nodes);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_runs_the_journey_wait_decide_send_to_completion() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let journey_id = h.create_published(welcome_journey()).await?;
    let journey = h
        .client()?
        .get_journey(pb::GetJourneyRequest {
            journey_id: journey_id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(journey.state, pb::JourneyState::Published as i32);
    assert_eq!(journey.published_version, 1);

    h.ingest("c_other", "e0", "page_viewed").await?;
    h.ingest("c_1", "e1", "order_placed").await?;
    let run = h
        .wait_for_run(&journey_id, "a waiting run", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;
    assert_eq!(run.customer_id, "c_1");
    assert_eq!(run.entry_event_id, "e1");
    assert_eq!(run.journey_version, 1);
    assert_eq!(run.current_node_id, "wait");
    assert_eq!(
        run.wake_time
            .as_ref()
            .map(omni_common::convert::from_timestamp),
        Some(START_MS + HOUR_MS)
    );
    assert_eq!(ctx(&run, "event")["properties"]["sku"], "SKU-1");
    assert!(h.decisioning.calls.lock().expect("lock").is_empty());

    // Not due yet: nothing moves.
    h.clock.advance_ms(HOUR_MS - 1);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(h.channel.calls.lock().expect("lock").is_empty());

    h.clock.advance_ms(1);
    let done = h
        .wait_for_run(&journey_id, "a completed run", |r| {
            state(r) == pb::RunState::Completed
        })
        .await?;
    assert_eq!(done.run_id, run.run_id);
    assert_eq!(done.current_node_id, "send");
    assert!(done.error.is_empty());

    let decides = h.decisioning.calls.lock().expect("lock").clone();
    assert_eq!(decides.len(), 1);
    assert_eq!(decides[0].customer_id, "c_1");
    assert_eq!(decides[0].workspace, "default");
    assert_eq!(decides[0].context["placement"], "email");

    let sends = h.channel.calls.lock().expect("lock").clone();
    assert_eq!(sends.len(), 1);
    let (workspace, send) = &sends[0];
    assert_eq!(workspace, "default");
    assert_eq!(
        send.idempotency_key,
        format!("run:{}:node:send", run.run_id)
    );
    assert_eq!(send.customer_id, "c_1");
    assert_eq!(send.channel, DeliveryChannel::Email as i32);
    assert_eq!(send.template_id, "tpl_welcome");
    assert_eq!(send.journey_id, journey_id);
    assert_eq!(send.run_id, run.run_id);
    let offer = send.offer.clone().expect("offer sent");
    assert_eq!(offer.offer_id, "o_welcome");
    assert_eq!(offer.display_name, "10% off");
    assert_eq!(offer.value, 10.0);
    assert_eq!(offer.decision_id, "dec_1");

    assert_eq!(ctx(&done, "offer")["offer_id"], "o_welcome");
    assert_eq!(ctx(&done, "offer")["content"]["code"], "WELCOME10");
    assert_eq!(ctx(&done, "message_id"), "msg_1");
    assert_eq!(ctx(&done, "message_status"), "sent");

    let got = h
        .client()?
        .get_run(pb::GetRunRequest {
            run_id: run.run_id.clone(),
        })
        .await?
        .into_inner()
        .run
        .expect("run");
    // GetRun adds the step history that ListRuns leaves out; the rest is the same.
    let nodes: Vec<(&str, &str)> = got
        .steps
        .iter()
        .map(|s| (s.node_id.as_str(), s.outcome.as_str()))
        .collect();
    assert_eq!(
        nodes,
        vec![
            ("in", "completed"),
            ("wait", "waiting"),
            ("wait", "completed"),
            ("pick", "completed"),
            ("send", "completed"),
        ]
    );
    assert_eq!(got.steps[4].message_id, "msg_1");
    let mut without_steps = got.clone();
    without_steps.steps.clear();
    assert_eq!(without_steps, done);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_redelivered_event_never_starts_a_second_run() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let journey_id = h.create_published(welcome_journey()).await?;
    h.ingest("c_1", "e1", "order_placed").await?;
    h.ingest("c_1", "e1", "order_placed").await?;
    // Entries are handled in order: once e2's run exists, both copies of e1 were seen.
    h.ingest("c_2", "e2", "order_placed").await?;
    let runs = eventually(PATIENCE, || async {
        let runs = h.runs(&journey_id).await?;
        Ok(runs
            .iter()
            .any(|r| r.entry_event_id == "e2")
            .then_some(runs))
    })
    .await?;
    assert_eq!(runs.len(), 2, "{runs:#?}");
    assert_eq!(runs.iter().filter(|r| r.entry_event_id == "e1").count(), 1);
    assert_eq!(count_rows(&h, "runs").await?, 2);

    // Paging and the customer filter.
    let mut client = h.client()?;
    let page1 = client
        .list_runs(pb::ListRunsRequest {
            journey_id: journey_id.clone(),
            page_size: 1,
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(page1.runs.len(), 1);
    assert!(!page1.next_page_token.is_empty());
    let page2 = client
        .list_runs(pb::ListRunsRequest {
            journey_id: journey_id.clone(),
            page_size: 1,
            page_token: page1.next_page_token.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(page2.runs.len(), 1);
    assert_ne!(page2.runs[0].run_id, page1.runs[0].run_id);
    assert_eq!(page1.runs[0].entry_event_id, "e1", "oldest first");
    assert!(page2.next_page_token.is_empty());
    let only_c2 = client
        .list_runs(pb::ListRunsRequest {
            journey_id: journey_id.clone(),
            customer_id: "c_2".into(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(only_c2.runs.len(), 1);
    assert_eq!(only_c2.runs[0].customer_id, "c_2");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restart_during_the_wait_sends_exactly_once() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let journey_id = h.create_published(welcome_journey()).await?;
    h.ingest("c_1", "e1", "order_placed").await?;
    let run = h
        .wait_for_run(&journey_id, "a waiting run", |r| {
            state(r) == pb::RunState::Waiting
        })
        .await?;

    h.stop_service().await?;
    h.clock.advance_ms(HOUR_MS);
    h.start_service().await?;

    h.wait_for_run(&journey_id, "a completed run", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    let sends = h.channel.calls.lock().expect("lock").clone();
    assert_eq!(sends.len(), 1, "{sends:#?}");
    assert_eq!(
        sends[0].1.idempotency_key,
        format!("run:{}:node:send", run.run_id)
    );
    assert_eq!(h.channel.accepted.lock().expect("lock").len(), 1);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_after_the_provider_accepted_never_sends_twice() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    *h.channel.hang_first_send.lock().expect("lock") = true;
    let journey = pb::Journey {
        display_name: "Instant".into(),
        nodes: vec![
            node("in", "pick", entry("order_placed")),
            node("pick", "send", decide()),
            node("send", "", send_email("tpl_welcome")),
        ],
        ..Default::default()
    };
    let journey_id = h.create_published(journey).await?;
    h.ingest("c_1", "e1", "order_placed").await?;

    // The gateway accepted the message, but the orchestrator dies before hearing back.
    eventually(PATIENCE, || async {
        Ok((!h.channel.calls.lock().expect("lock").is_empty()).then_some(()))
    })
    .await?;
    h.kill_service().await?;
    let orphan = {
        h.start_service().await?;
        h.wait_for_run(&journey_id, "an orphaned run", |r| {
            state(r) == pb::RunState::Active
        })
        .await?
    };
    assert_eq!(orphan.current_node_id, "send");

    // Its lease expires; the poller takes it over and retries the send with the same key.
    h.clock
        .advance_ms(i64::try_from(h.settings.worker.lease_ms)? + 1);
    let done = h
        .wait_for_run(&journey_id, "a completed run", |r| {
            state(r) == pb::RunState::Completed
        })
        .await?;
    let calls = h.channel.calls.lock().expect("lock").clone();
    assert_eq!(calls.len(), 2, "retried once");
    let key = format!("run:{}:node:send", done.run_id);
    assert!(calls.iter().all(|(_, c)| c.idempotency_key == key));
    let accepted = h.channel.accepted.lock().expect("lock").clone();
    assert_eq!(accepted.len(), 1, "delivered once");
    assert_eq!(ctx(&done, "message_id"), accepted[&key].message_id.as_str());
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn dependency_errors_retry_when_transient_and_fail_when_permanent() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let journey = pb::Journey {
        display_name: "Instant".into(),
        nodes: vec![
            node("in", "pick", entry("order_placed")),
            node("pick", "send", decide()),
            node("send", "", send_email("tpl_welcome")),
        ],
        ..Default::default()
    };
    let journey_id = h.create_published(journey).await?;

    h.decisioning
        .failures
        .lock()
        .expect("lock")
        .push_back(Status::unavailable("decisioning restarting"));
    h.ingest("c_1", "e1", "order_placed").await?;
    let retrying = h
        .wait_for_run(&journey_id, "a run retrying", |r| {
            state(r) == pb::RunState::Active && !r.error.is_empty()
        })
        .await?;
    assert_eq!(retrying.current_node_id, "pick");
    assert!(
        retrying.error.contains("decisioning restarting"),
        "{}",
        retrying.error
    );
    assert_eq!(
        retrying
            .wake_time
            .as_ref()
            .map(omni_common::convert::from_timestamp),
        Some(START_MS + 1_000),
        "first retry after 1 s"
    );
    h.clock.advance_ms(1_000);
    let done = h
        .wait_for_run(&journey_id, "a completed run", |r| {
            state(r) == pb::RunState::Completed
        })
        .await?;
    assert!(done.error.is_empty());
    assert_eq!(h.decisioning.calls.lock().expect("lock").len(), 2);

    h.channel
        .failures
        .lock()
        .expect("lock")
        .push_back(Status::failed_precondition(
            "template tpl_welcome is disabled",
        ));
    h.ingest("c_2", "e2", "order_placed").await?;
    let failed = eventually(PATIENCE, || async {
        let runs = h.runs(&journey_id).await?;
        Ok(runs
            .into_iter()
            .find(|r| r.customer_id == "c_2" && state(r) == pb::RunState::Failed))
    })
    .await?;
    assert_eq!(failed.current_node_id, "send");
    assert!(
        failed.error.contains("template tpl_welcome is disabled"),
        "{}",
        failed.error
    );
    assert!(failed.error.contains("`send`"), "{}", failed.error);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_resources_are_not_found_and_keys_are_required() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let err = client
        .get_journey(pb::GetJourneyRequest {
            journey_id: "j_missing".into(),
        })
        .await
        .expect_err("unknown");
    assert_eq!(err.code(), Code::NotFound);
    assert!(err.message().contains("journey"), "{err:?}");
    let err = client
        .publish_journey(pb::PublishJourneyRequest {
            journey_id: "j_missing".into(),
        })
        .await
        .expect_err("unknown");
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(count_rows(&h, "journey_versions").await?, 0);
    let err = client
        .get_run(pb::GetRunRequest {
            run_id: "run_missing".into(),
        })
        .await
        .expect_err("unknown");
    assert_eq!(err.code(), Code::NotFound);
    let err = client
        .list_runs(pb::ListRunsRequest::default())
        .await
        .expect_err("journey_id required");
    assert!(invalid_field(&err).starts_with("journey_id:"));

    let err = h
        .anonymous_client()?
        .get_journey(pb::GetJourneyRequest {
            journey_id: "j_missing".into(),
        })
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);

    // Publishing twice does not mint a second identical version.
    let journey_id = h.create_published(welcome_journey()).await?;
    let again = client
        .publish_journey(pb::PublishJourneyRequest { journey_id })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(again.published_version, 1);
    assert_eq!(count_rows(&h, "journey_versions").await?, 1);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn enroll_customer_starts_one_run_per_key_and_rejects_bad_requests() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let journey_id = h.create_published(welcome_journey()).await?;
    h.seed_profile("c_ann").await?;
    let request = |key: &str| pb::EnrollCustomerRequest {
        journey_id: journey_id.clone(),
        customer_id: "c_ann".into(),
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
    assert_eq!(run.customer_id, "c_ann");
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
            journey: Some(welcome_journey()),
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
    Ok(())
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

    let erased = omni_proto::common::v1::CustomerErased {
        workspace_id: "default".into(),
        customer_id: "c_gone".into(),
        erasure_id: "er_1".into(),
        ..Default::default()
    };
    h.bus
        .publish(omni_bus::Topic::CustomerErased, &erased)
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
    assert_eq!(left[0].customer_id, "c_kept");

    // The kept customer's wait ends and sends; the erased one never does.
    h.clock.advance_ms(2 * HOUR_MS);
    h.wait_for_run(&journey_id, "kept run completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    let sends = h.channel.calls.lock().expect("lock").clone();
    assert_eq!(sends.len(), 1, "{sends:#?}");
    assert_eq!(sends[0].1.customer_id, "c_kept");
    Ok(())
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
    h.seed_profile("c_3").await?;
    let err = client
        .enroll_customer(pb::EnrollCustomerRequest {
            journey_id: journey_id.clone(),
            customer_id: "c_3".into(),
            idempotency_key: "k".into(),
            context: None,
        })
        .await
        .expect_err("paused journey takes no enrolment");
    assert_eq!(err.code(), Code::FailedPrecondition, "{err:?}");

    // The wait ends while paused: the timer holds.
    h.clock.advance_ms(HOUR_MS + 1);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let runs = h.runs(&journey_id).await?;
    assert_eq!(runs.len(), 1, "no entry while paused: {runs:#?}");
    assert_eq!(state(&runs[0]), pb::RunState::Waiting);
    assert!(h.channel.calls.lock().expect("lock").is_empty());

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
    assert_eq!(h.channel.calls.lock().expect("lock").len(), 1);

    // Lifecycle calls on the wrong state or an unknown journey name the problem.
    let draft = client
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(welcome_journey()),
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
    Ok(())
}
