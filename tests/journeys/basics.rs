//! Creating, validating and running journeys end to end: wait, decide, send, restarts
//! and dependency failures.

use omni_proto::common::v1::{DeliveryChannel, Event, EventIngested};
use omni_proto::journey::v1 as pb;
use omni_testkit::eventually;
use tonic::Code;

use crate::support::*;
use crate::{HOUR_MS, count_rows, invalid_field, steps};

/// Breaks a valid journey in one place.
type Mutation = fn(&mut pb::Journey);

#[tokio::test(flavor = "multi_thread")]
async fn invalid_graphs_name_the_node_path_and_store_nothing() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let welcome = h.resolved(welcome_journey()).await?;
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
            if let Some(pb::node::Kind::Send(s)) = j.nodes[3].kind.as_mut() {
                s.channel = DeliveryChannel::Unspecified as i32;
            }
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
        let mut j = welcome.clone();
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
        .create_journey(create(Some(welcome.clone())))
        .await?
        .into_inner()
        .journey
        .expect("journey");
    let mut renamed = welcome.clone();
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
    assert_eq!(got.nodes, welcome.nodes);
    h.stop().await
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
    assert_eq!(run.customer_id, h.id("c_1"));
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
    // Decisioning was not asked yet: no decide step, no offer.
    let waiting = h.get_run(&run.run_id).await?;
    assert!(
        !waiting.steps.iter().any(|s| s.node_id == "pick"),
        "{waiting:#?}"
    );
    assert_eq!(ctx(&run, "offer"), serde_json::Value::Null);

    // Not due yet: nothing moves.
    h.clock.advance_ms(HOUR_MS - 1);
    tokio::time::sleep(QUIET).await;
    assert!(h.messages("c_1").await?.is_empty());

    h.clock.advance_ms(1);
    let done = h
        .wait_for_run(&journey_id, "a completed run", |r| {
            state(r) == pb::RunState::Completed
        })
        .await?;
    assert_eq!(done.run_id, run.run_id);
    assert_eq!(done.current_node_id, "send");
    assert!(done.error.is_empty());

    let got = h.get_run(&run.run_id).await?;
    // Decisioning logged one decision, for this customer, with the node's context.
    let decision_id = got.steps[3].decision_id.clone();
    assert!(!decision_id.is_empty(), "{got:#?}");
    let decision = h.decision(&decision_id).await?;
    assert_eq!(decision.customer_id, h.id("c_1"));
    assert_eq!(decision.offer_ids, vec![h.offer_id.clone()]);

    // The gateway holds exactly one message, keyed by run and node, with the offer.
    let sends = h.messages("c_1").await?;
    assert_eq!(sends.len(), 1, "{sends:#?}");
    let send = &sends[0];
    assert_eq!(
        send.idempotency_key,
        format!("run:{}:node:send", run.run_id)
    );
    assert_eq!(send.customer_id, h.id("c_1"));
    assert_eq!(send.channel, DeliveryChannel::Email as i32);
    assert_eq!(send.template_id, h.template("tpl_welcome").await?);
    assert_eq!(send.journey_id, journey_id);
    assert_eq!(send.run_id, run.run_id);
    assert_eq!(
        send.body,
        format!(
            "tpl_welcome: offer={}|10% off|10.0|{decision_id}|WELCOME10",
            h.offer_id
        ),
        "the offer and its decision were sent with the message"
    );
    // And the email reached the customer.
    let mail = h.inner.smtp.wait_for(1, PATIENCE).await?;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, vec!["c_1@example.com".to_owned()]);

    assert_eq!(ctx(&done, "offer")["offer_id"], h.offer_id.as_str());
    assert_eq!(ctx(&done, "offer")["content"]["code"], "WELCOME10");
    assert_eq!(ctx(&done, "message_id"), send.message_id.as_str());
    assert_eq!(
        ctx(&done, "message_status"),
        "pending",
        "the gateway accepted the message for delivery"
    );

    // GetRun adds the step history that ListRuns leaves out; the rest is the same.
    assert_eq!(
        steps(&got),
        [
            ("in", "completed"),
            ("wait", "waiting"),
            ("wait", "completed"),
            ("pick", "completed"),
            ("send", "completed"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    assert_eq!(got.steps[4].message_id, send.message_id);
    let mut without_steps = got.clone();
    without_steps.steps.clear();
    assert_eq!(without_steps, done);
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_redelivered_event_never_starts_a_second_run() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let journey_id = h.create_published(welcome_journey()).await?;
    h.ingest("c_1", "e1", "order_placed").await?;
    // A retried Track is a duplicate at identity; a redelivery on the bus (at least
    // once) reaches the journey service again.
    h.ingest("c_1", "e1", "order_placed").await?;
    let bus = omni_bus::Bus::new(omni_common::redis::connect(&h.settings.redis.url).await?);
    let copy = EventIngested {
        workspace_id: "default".into(),
        customer_id: h.id("c_1"),
        event: Some(Event {
            event_id: "e1".into(),
            r#type: "order_placed".into(),
            properties: serde_json::json!({"sku": "SKU-1"})
                .as_object()
                .map(omni_common::convert::json_to_struct),
            ..Default::default()
        }),
        merged_customer_ids: Vec::new(),
    };
    bus.publish(omni_bus::Topic::EventIngested, &copy).await?;
    // Entries are handled in order: once e2's run exists, every copy of e1 was seen.
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
            customer_id: h.id("c_2"),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(only_c2.runs.len(), 1);
    assert_eq!(only_c2.runs[0].customer_id, h.id("c_2"));
    h.stop().await
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

    h.inner.suite.stop("journey").await?;
    h.clock.advance_ms(HOUR_MS);
    h.inner.suite.restart("journey").await?;

    h.wait_for_run(&journey_id, "a completed run", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    let sends = h.messages("c_1").await?;
    assert_eq!(sends.len(), 1, "{sends:#?}");
    assert_eq!(
        sends[0].idempotency_key,
        format!("run:{}:node:send", run.run_id)
    );
    let mail = h.inner.smtp.wait_for(1, PATIENCE).await?;
    tokio::time::sleep(QUIET).await;
    assert_eq!(h.inner.smtp.messages().len(), 1, "{mail:#?}");
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_after_the_provider_accepted_never_sends_twice() -> anyhow::Result<()> {
    let mut h = Harness::start_with_channel_proxy().await?;
    let journey_id = h.create_published(instant(DeliveryChannel::Email)).await?;
    // From now on the gateway's answers are lost on the way back to the orchestrator.
    let proxy = h.channel_proxy.as_ref().expect("proxy");
    proxy.hold_answers(true);
    h.ingest("c_1", "e1", "order_placed").await?;

    // The gateway accepted the message, but the orchestrator dies before hearing back.
    let accepted = eventually(PATIENCE, || async {
        let messages = h.messages("c_1").await?;
        Ok((!messages.is_empty()).then_some(messages))
    })
    .await?;
    assert_eq!(accepted.len(), 1);
    let running = h.runs(&journey_id).await?;
    assert!(
        running.iter().all(|r| state(r) != pb::RunState::Completed),
        "{running:#?}"
    );
    h.inner.suite.crash("journey").await;
    h.channel_proxy.as_ref().expect("proxy").hold_answers(false);
    h.inner.suite.restart("journey").await?;
    let orphan = h
        .wait_for_run(&journey_id, "an orphaned run", |r| {
            state(r) == pb::RunState::Active
        })
        .await?;
    assert_eq!(orphan.current_node_id, "send");

    // Its lease expires; the poller takes it over and retries the send with the same
    // key: the gateway answers with the message it already accepted.
    h.clock
        .advance_ms(i64::try_from(h.settings.worker.lease_ms)? + 1);
    let done = h
        .wait_for_run(&journey_id, "a completed run", |r| {
            state(r) == pb::RunState::Completed
        })
        .await?;
    let key = format!("run:{}:node:send", done.run_id);
    let messages = h.messages("c_1").await?;
    assert_eq!(messages.len(), 1, "delivered once: {messages:#?}");
    assert_eq!(messages[0].idempotency_key, key);
    assert_eq!(messages[0].message_id, accepted[0].message_id);
    assert_eq!(ctx(&done, "message_id"), accepted[0].message_id.as_str());
    h.inner.smtp.wait_for(1, PATIENCE).await?;
    tokio::time::sleep(QUIET).await;
    assert_eq!(h.inner.smtp.messages().len(), 1, "one email");
    h.stop().await
}

fn instant(channel: DeliveryChannel) -> pb::Journey {
    pb::Journey {
        display_name: "Instant".into(),
        nodes: vec![
            node("in", "pick", entry("order_placed")),
            node("pick", "send", decide()),
            node(
                "send",
                "",
                pb::node::Kind::Send(pb::SendNode {
                    channel: channel as i32,
                    template_id: "tpl_welcome".into(),
                    ..Default::default()
                }),
            ),
        ],
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dependency_errors_retry_when_transient_and_fail_when_permanent() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let journey_id = h.create_published(instant(DeliveryChannel::Email)).await?;

    // Decisioning is down when the run reaches the decide node: the step is retried.
    h.inner.suite.stop("decisioning").await?;
    h.ingest("c_1", "e1", "order_placed").await?;
    let retrying = h
        .wait_for_run(&journey_id, "a run retrying", |r| {
            state(r) == pb::RunState::Active && !r.error.is_empty()
        })
        .await?;
    assert_eq!(retrying.current_node_id, "pick");
    assert!(retrying.error.contains("decisioning"), "{}", retrying.error);
    assert_eq!(
        retrying
            .wake_time
            .as_ref()
            .map(omni_common::convert::from_timestamp),
        Some(START_MS + 1_000),
        "first retry after 1 s"
    );
    h.inner.suite.restart("decisioning").await?;
    h.clock.advance_ms(1_000);
    let done = h
        .wait_for_run(&journey_id, "a completed run", |r| {
            state(r) == pb::RunState::Completed
        })
        .await?;
    assert!(done.error.is_empty());
    let got = h.get_run(&done.run_id).await?;
    let picks: Vec<_> = got.steps.iter().filter(|s| s.node_id == "pick").collect();
    let decided = picks.last().expect("pick step");
    assert_eq!(decided.outcome, "completed");
    let decision = h.decision(&decided.decision_id).await?;
    assert_eq!(decision.customer_id, h.id("c_1"));
    assert_eq!(h.messages("c_1").await?.len(), 1);

    // The gateway refuses a send on a channel without a provider: the run fails.
    let store = h.create_published(instant(DeliveryChannel::Store)).await?;
    h.ingest("c_2", "e2", "order_placed").await?;
    let failed = eventually(PATIENCE, || async {
        let runs = h.runs(&store).await?;
        Ok(runs
            .into_iter()
            .find(|r| r.customer_id == h.id("c_2") && state(r) == pb::RunState::Failed))
    })
    .await?;
    assert_eq!(failed.current_node_id, "send");
    assert!(
        failed.error.contains("channel not configured"),
        "{}",
        failed.error
    );
    assert!(failed.error.contains("`send`"), "{}", failed.error);
    h.stop().await
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
    h.stop().await
}
