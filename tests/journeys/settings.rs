//! Journey settings on the real suite: re-entry, one live run, rate limit, stop,
//! versions, validation against the gateway's templates, two replicas and segment
//! entry and exit.

use std::sync::Arc;

use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;
use omni_proto::segment::v1 as seg;
use serde_json::json;
use tonic::Code;

use crate::graph::{HOUR, cart_journey, dur, send, wait_for};
use crate::support::*;

fn enrol(h: &Harness, id: &str, customer: &str, key: &str) -> pb::EnrollCustomerRequest {
    pb::EnrollCustomerRequest {
        journey_id: id.into(),
        customer_id: h.id(customer),
        idempotency_key: key.into(),
        context: None,
    }
}

fn with_settings(mut j: pb::Journey, settings: pb::JourneySettings) -> pb::Journey {
    j.settings = Some(settings);
    j
}

/// entry → wait 1 h → send.
fn waiting_journey() -> pb::Journey {
    pb::Journey {
        display_name: "Wait".into(),
        nodes: vec![
            node("in", "w", entry("never_happens")),
            node("w", "s", wait(HOUR)),
            node("s", "", send(DeliveryChannel::Email, "tpl_w")),
        ],
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn reentry_one_live_run_rate_limit_and_stop() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    for c in ["c1", "c2", "c3"] {
        h.seed_profile(c).await?;
    }
    let mut client = h.client()?;
    let refused = |r: Result<tonic::Response<pb::EnrollCustomerResponse>, tonic::Status>,
                   why: &str| {
        let err = r.expect_err(why);
        assert_eq!(err.code(), Code::FailedPrecondition, "{err:?}");
        assert!(err.message().contains(why), "{err:?}");
    };

    // Once (the default): a second entry is refused even after the first run ended;
    // the same idempotency key is still a duplicate, not a refusal.
    let once = h.create_published(waiting_journey()).await?;
    client.enroll_customer(enrol(&h, &once, "c1", "k1")).await?;
    let dup = client
        .enroll_customer(enrol(&h, &once, "c1", "k1"))
        .await?
        .into_inner();
    assert!(dup.duplicate);
    refused(
        client.enroll_customer(enrol(&h, &once, "c1", "k2")).await,
        "already_entered",
    );

    // Always, but one live run at a time.
    let always = h
        .create_published(with_settings(
            waiting_journey(),
            pb::JourneySettings {
                reentry: pb::ReentryPolicy::Always as i32,
                ..Default::default()
            },
        ))
        .await?;
    client
        .enroll_customer(enrol(&h, &always, "c1", "k1"))
        .await?;
    refused(
        client.enroll_customer(enrol(&h, &always, "c1", "k2")).await,
        "already_active",
    );

    // Once per day.
    let daily = h
        .create_published(with_settings(
            waiting_journey(),
            pb::JourneySettings {
                reentry: pb::ReentryPolicy::OncePerPeriod as i32,
                reentry_period: dur(24 * HOUR),
                allow_concurrent_runs: true,
                ..Default::default()
            },
        ))
        .await?;
    client
        .enroll_customer(enrol(&h, &daily, "c2", "k1"))
        .await?;
    refused(
        client.enroll_customer(enrol(&h, &daily, "c2", "k2")).await,
        "reentry_period",
    );

    // Rate limit: 2 entries per minute.
    let limited = h
        .create_published(with_settings(
            waiting_journey(),
            pb::JourneySettings {
                reentry: pb::ReentryPolicy::Always as i32,
                allow_concurrent_runs: true,
                max_entries_per_minute: 2,
                ..Default::default()
            },
        ))
        .await?;
    client
        .enroll_customer(enrol(&h, &limited, "c1", "k1"))
        .await?;
    client
        .enroll_customer(enrol(&h, &limited, "c2", "k1"))
        .await?;
    refused(
        client
            .enroll_customer(enrol(&h, &limited, "c3", "k1"))
            .await,
        "rate_limited",
    );

    // A day later: the waits are over; the live-run and period limits allow again.
    h.clock.advance_ms(25 * HOUR * 1000);
    h.wait_run_of(&always, "c1", "completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    client
        .enroll_customer(enrol(&h, &always, "c1", "k2"))
        .await?;
    client
        .enroll_customer(enrol(&h, &daily, "c2", "k2"))
        .await?;
    client
        .enroll_customer(enrol(&h, &limited, "c3", "k1"))
        .await?;
    refused(
        client.enroll_customer(enrol(&h, &once, "c1", "k3")).await,
        "already_entered",
    );

    // Stop: live runs exit, no more entries, no publish.
    let stopped = client
        .stop_journey(pb::StopJourneyRequest {
            journey_id: always.clone(),
        })
        .await?
        .into_inner();
    assert_eq!(stopped.exited_runs, 1);
    assert_eq!(
        stopped.journey.expect("journey").state,
        pb::JourneyState::Stopped as i32
    );
    let runs = h.runs(&always).await?;
    let live = runs
        .iter()
        .find(|r| r.entry_event_id == "enrol:k2")
        .expect("run");
    omni_testkit::eventually(PATIENCE, || async {
        let r = h.get_run(&live.run_id).await?;
        Ok((state(&r) == pb::RunState::Exited && r.end_reason == "stopped").then_some(()))
    })
    .await?;
    let err = client
        .enroll_customer(enrol(&h, &always, "c2", "k9"))
        .await
        .expect_err("stopped");
    assert_eq!(err.code(), Code::FailedPrecondition);
    let err = client
        .publish_journey(pb::PublishJourneyRequest {
            journey_id: always.clone(),
        })
        .await
        .expect_err("stopped");
    assert_eq!(err.code(), Code::FailedPrecondition);
    // The stopped run never sends.
    h.clock.advance_ms(2 * HOUR * 1000);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !h.messages("c1")
            .await?
            .iter()
            .any(|m| m.run_id == live.run_id)
    );
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn publishing_v2_leaves_running_v1_runs_on_v1() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    h.seed_profile("c1").await?;
    h.seed_profile("c2").await?;
    let id = h
        .create_published(with_settings(
            waiting_journey(),
            pb::JourneySettings {
                reentry: pb::ReentryPolicy::Always as i32,
                ..Default::default()
            },
        ))
        .await?;
    let mut client = h.client()?;
    client.enroll_customer(enrol(&h, &id, "c1", "k1")).await?;
    // v2 sends another template; the draft is replaced by creating... the journey's
    // draft is its definition, so v2 is published from an updated definition.
    let db = omni_storage::connect(&h.settings.journey.database_url).await?;
    let mut v2 = waiting_journey();
    v2.nodes[2].kind = Some(send(DeliveryChannel::Sms, "tpl_v2"));
    let v2 = h.resolved(v2).await?;
    let graph = omni_journey::convert::graph_from_proto(&v2)?;
    use sea_orm::ConnectionTrait;
    db.execute_raw(omni_storage::stmt(
        db.get_database_backend(),
        "UPDATE journeys SET definition = $1 WHERE journey_id = $2",
        [serde_json::to_string(&graph)?.into(), id.clone().into()],
    ))
    .await?;
    let published = client
        .publish_journey(pb::PublishJourneyRequest {
            journey_id: id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .expect("journey");
    assert_eq!(published.published_version, 2);
    client.enroll_customer(enrol(&h, &id, "c2", "k1")).await?;
    h.clock.advance_ms(2 * HOUR * 1000);
    for c in ["c1", "c2"] {
        h.wait_run_of(&id, c, "completed", |r| state(r) == pb::RunState::Completed)
            .await?;
    }
    assert_eq!(h.run_of(&id, "c1").await?.journey_version, 1);
    assert_eq!(h.run_of(&id, "c2").await?.journey_version, 2);
    assert_eq!(
        h.sends_to("c1").await?,
        vec![(DeliveryChannel::Email as i32, "tpl_w".to_owned())]
    );
    assert_eq!(
        h.sends_to("c2").await?,
        vec![(DeliveryChannel::Sms as i32, "tpl_v2".to_owned())]
    );
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn validate_journey_reports_every_problem_with_its_node() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let mut j = h.resolved(cart_journey()).await?;
    j.nodes[4].kind = Some(send(DeliveryChannel::Push, "tpl_missing_push"));
    j.nodes[2].kind = Some(wait_for(
        "message.opened",
        "event.properties.run_id ==",
        60,
        "after_open",
        "ghost",
    ));
    j.nodes.push(node("island", "sms", wait(60)));
    let resp = client
        .validate_journey(pb::ValidateJourneyRequest {
            journey: Some(j.clone()),
        })
        .await?
        .into_inner();
    assert!(!resp.valid);
    let at = |node: &str, field: &str| {
        resp.problems
            .iter()
            .find(|p| p.node_id == node && p.field == field)
            .cloned()
            .unwrap_or_else(|| panic!("no problem at {node} {field}: {:#?}", resp.problems))
    };
    let cel = at("opened", "journey.nodes[2].wait_for_event.event.filter");
    assert!(cel.line == 1 && cel.column > 0, "{cel:?}");
    at(
        "opened",
        "journey.nodes[2].wait_for_event.timeout_next_node_id",
    );
    at("island", "journey.nodes[8]");
    at("push", "journey.nodes[4].send.template_id");
    // Create rejects it with the first problem and nothing is stored.
    let err = client
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(j),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("invalid");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().contains("more problems"), "{err:?}");
    let ok = client
        .validate_journey(pb::ValidateJourneyRequest {
            journey: Some(h.resolved(cart_journey()).await?),
        })
        .await?
        .into_inner();
    assert!(ok.valid, "{:#?}", ok.problems);
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn two_replicas_never_fire_one_timer_twice() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let id = h
        .create_published(with_settings(
            waiting_journey(),
            pb::JourneySettings {
                reentry: pb::ReentryPolicy::Always as i32,
                ..Default::default()
            },
        ))
        .await?;
    let mut client = h.client()?;
    for i in 0..30 {
        let c = format!("c{i}");
        h.seed_profile(&c).await?;
        client.enroll_customer(enrol(&h, &id, &c, "k")).await?;
    }
    // Two more engines on the same database race the service's own poller.
    let make = || async {
        let db = omni_storage::connect(&h.settings.journey.database_url).await?;
        let redis = omni_common::redis::connect(&h.settings.redis.url).await?;
        anyhow::Ok(Arc::new(omni_journey::runner::Runner::new(
            omni_journey::store::Store::new(db),
            omni_journey::runner::Clients::new(&h.settings)?,
            h.clock.clone(),
            omni_journey::runner::RunnerConfig::from_settings(&h.settings.worker),
            omni_profile_store::ProfileStore::new(redis),
        )?))
    };
    let (a, b) = (make().await?, make().await?);
    h.clock.advance_ms(2 * HOUR * 1000);
    let (ra, rb) = tokio::join!(
        omni_journey::timers::poll_once(&a),
        omni_journey::timers::poll_once(&b)
    );
    ra?;
    rb?;
    omni_testkit::eventually(PATIENCE, || async {
        let runs = h.runs(&id).await?;
        Ok(runs
            .iter()
            .all(|r| state(r) == pb::RunState::Completed)
            .then_some(()))
    })
    .await?;
    let mut calls = Vec::new();
    for i in 0..30 {
        calls.extend(h.messages(&format!("c{i}")).await?);
    }
    assert_eq!(calls.len(), 30, "each timer fired exactly once");
    let keys: std::collections::BTreeSet<_> =
        calls.iter().map(|m| m.idempotency_key.clone()).collect();
    assert_eq!(keys.len(), 30);
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn segment_entry_filtered_event_entry_and_exit_on_leaving() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    for c in ["c_in", "c_kr", "c_us"] {
        h.seed_traits(c, json!({"country": if c == "c_us" { "US" } else { "KR" }}))
            .await?;
    }
    // Newcomers, in the real segment service: customers with the `newcomer` trait.
    let seg_new = h
        .clients()
        .segment
        .create_segment(seg::CreateSegmentRequest {
            segment: Some(seg::Segment {
                display_name: "Newcomers".into(),
                expression: "has(traits.newcomer) && traits.newcomer == true".into(),
                ..Default::default()
            }),
            idempotency_key: "seg-new".into(),
        })
        .await?
        .into_inner()
        .segment
        .expect("segment")
        .segment_id;
    // Entered on joining the segment; exits on leaving it.
    let journey = pb::Journey {
        display_name: "Segment".into(),
        nodes: vec![
            node(
                "in",
                "w",
                Kind::Entry(pb::EntryNode {
                    segment_id: seg_new.clone(),
                    ..Default::default()
                }),
            ),
            node("w", "s", wait(HOUR)),
            node("s", "", send(DeliveryChannel::Email, "tpl_seg")),
        ],
        settings: Some(pb::JourneySettings {
            exit_segment_id: seg_new.clone(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let seg_id = h.create_published(journey).await?;
    // Entered on `browse` events, only for Korean customers viewing shoes.
    let filtered = pb::Journey {
        display_name: "Filtered".into(),
        nodes: vec![
            node(
                "in",
                "s",
                Kind::Entry(pb::EntryNode {
                    event_type: "browse".into(),
                    filter: "traits.country == 'KR' && event.properties.category == 'shoes'".into(),
                    ..Default::default()
                }),
            ),
            node("s", "", send(DeliveryChannel::Email, "tpl_browse")),
        ],
        ..Default::default()
    };
    let filtered_id = h.create_published(filtered).await?;

    // c_in becomes a newcomer: the segment service enters it, the journey starts.
    h.set_traits("c_in", "new-1", json!({"newcomer": true}))
        .await?;
    h.wait_run_of(&seg_id, "c_in", "waiting", |r| {
        state(r) == pb::RunState::Waiting
    })
    .await?;
    // And stops being one: it leaves the segment and the run exits.
    h.set_traits("c_in", "new-2", json!({"newcomer": false}))
        .await?;
    let run = h
        .wait_run_of(&seg_id, "c_in", "exited", |r| {
            state(r) == pb::RunState::Exited
        })
        .await?;
    assert_eq!(run.end_reason, "left_segment");

    h.ingest_with("c_kr", "b1", "browse", json!({"category": "hats"}))
        .await?;
    h.ingest_with("c_us", "b2", "browse", json!({"category": "shoes"}))
        .await?;
    h.ingest_with("c_kr", "b3", "browse", json!({"category": "shoes"}))
        .await?;
    let kr = h
        .wait_run_of(&filtered_id, "c_kr", "completed", |r| {
            state(r) == pb::RunState::Completed
        })
        .await?;
    assert_eq!(kr.entry_event_id, "b3");
    assert_eq!(h.runs(&filtered_id).await?.len(), 1);
    // The exited run never sends, even after its wait would have ended.
    h.clock.advance_ms(2 * HOUR * 1000);
    tokio::time::sleep(QUIET).await;
    assert!(h.sends_to("c_in").await?.is_empty());
    h.stop().await
}
