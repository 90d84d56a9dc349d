//! Graph journeys on the real suite: every node kind, the cart-abandonment path, step
//! history, stats and simulation.

use std::sync::{Arc, Mutex};

use omni_common::convert::json_to_struct;
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::decisioning::v1 as dec;
use omni_proto::identity::v1 as idp;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;
use omni_proto::segment::v1 as seg;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::*;

/// An hour in seconds.
pub const HOUR: i64 = 3600;

/// A duration of `seconds`.
pub fn dur(seconds: i64) -> Option<prost_types::Duration> {
    Some(prost_types::Duration { seconds, nanos: 0 })
}

/// A send node kind on `channel` with template (by name).
pub fn send(channel: DeliveryChannel, template: &str) -> Kind {
    Kind::Send(pb::SendNode {
        channel: channel as i32,
        template_id: template.into(),
        ..Default::default()
    })
}

/// A wait-for-event node kind.
pub fn wait_for(
    event_type: &str,
    filter: &str,
    timeout_s: i64,
    on_event: &str,
    on_timeout: &str,
) -> Kind {
    Kind::WaitForEvent(pb::WaitForEventNode {
        event: Some(pb::EventCriterion {
            event_type: event_type.into(),
            filter: filter.into(),
        }),
        timeout: dur(timeout_s),
        event_next_node_id: on_event.into(),
        timeout_next_node_id: on_timeout.into(),
    })
}

/// Cart abandonment: email → (opened within 4 h? wait 20 h : push, wait 20 h) → decide a
/// coupon → SMS; the goal `purchase` ends the run as converted (exit on purchase).
pub fn cart_journey() -> pb::Journey {
    pb::Journey {
        display_name: "Cart abandonment".into(),
        nodes: vec![
            node("in", "email", entry("cart_abandoned")),
            node(
                "email",
                "opened",
                send(DeliveryChannel::Email, "tpl_cart_email"),
            ),
            node(
                "opened",
                "",
                wait_for(
                    "message.opened",
                    "has(event.properties.run_id) && event.properties.run_id == context.run_id",
                    4 * HOUR,
                    "after_open",
                    "push",
                ),
            ),
            node("after_open", "coupon", wait(20 * HOUR)),
            node(
                "push",
                "after_push",
                send(DeliveryChannel::Push, "tpl_cart_push"),
            ),
            node("after_push", "coupon", wait(20 * HOUR)),
            node("coupon", "sms", decide()),
            node("sms", "", send(DeliveryChannel::Sms, "tpl_cart_sms")),
        ],
        settings: Some(pb::JourneySettings {
            goal: Some(pb::Goal {
                event: Some(pb::EventCriterion {
                    event_type: "purchase".into(),
                    filter: String::new(),
                }),
                conversion_window: dur(7 * 24 * HOUR),
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn triples(steps: &[pb::RunStep]) -> Vec<(String, String, String)> {
    steps
        .iter()
        .map(|s| (s.node_id.clone(), s.outcome.clone(), s.branch.clone()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn cart_abandonment_for_opened_silent_and_buying_customers() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let id = h.create_published(cart_journey()).await?;
    for c in ["c_open", "c_silent", "c_buyer"] {
        h.seed_profile(c).await?;
        h.ingest(c, &format!("cart-{c}"), "cart_abandoned").await?;
    }
    let waiting = |r: &pb::Run| state(r) == pb::RunState::Waiting && r.current_node_id == "opened";
    let open_run = h
        .wait_run_of(&id, "c_open", "waiting for the open", waiting)
        .await?;
    h.wait_run_of(&id, "c_silent", "waiting for the open", waiting)
        .await?;
    h.wait_run_of(&id, "c_buyer", "waiting for the open", waiting)
        .await?;

    // c_open opens the email (an open of another run does not count); c_buyer buys.
    // Opens reach identity as events, as the gateway reports them.
    h.ingest_with(
        "c_open",
        "open-other",
        "message.opened",
        json!({"run_id": "run_other"}),
    )
    .await?;
    h.ingest_with(
        "c_open",
        "open-1",
        "message.opened",
        json!({"run_id": open_run.run_id}),
    )
    .await?;
    h.ingest_with("c_buyer", "buy-1", "purchase", json!({"revenue": 42.0}))
        .await?;
    h.wait_run_of(&id, "c_open", "waiting after the open", |r| {
        state(r) == pb::RunState::Waiting && r.current_node_id == "after_open"
    })
    .await?;
    let buyer = h
        .wait_run_of(&id, "c_buyer", "converted", |r| {
            state(r) == pb::RunState::Converted
        })
        .await?;
    assert_eq!(buyer.end_reason, "purchase");

    // 4 h later the silent customer gets the push.
    h.clock.advance_ms(4 * HOUR * 1000 + 1000);
    h.wait_run_of(&id, "c_silent", "waiting after the push", |r| {
        state(r) == pb::RunState::Waiting && r.current_node_id == "after_push"
    })
    .await?;
    // 24 h after entry both remaining customers got their SMS coupon.
    h.clock.advance_ms(20 * HOUR * 1000 + 1000);
    for c in ["c_open", "c_silent"] {
        h.wait_run_of(&id, c, "completed", |r| state(r) == pb::RunState::Completed)
            .await?;
    }
    let email = DeliveryChannel::Email as i32;
    let push = DeliveryChannel::Push as i32;
    let sms = DeliveryChannel::Sms as i32;
    assert_eq!(
        h.sends_to("c_open").await?,
        vec![
            (email, "tpl_cart_email".into()),
            (sms, "tpl_cart_sms".into())
        ]
    );
    assert_eq!(
        h.sends_to("c_silent").await?,
        vec![
            (email, "tpl_cart_email".into()),
            (push, "tpl_cart_push".into()),
            (sms, "tpl_cart_sms".into())
        ]
    );
    assert_eq!(
        h.sends_to("c_buyer").await?,
        vec![(email, "tpl_cart_email".into())]
    );
    // Each went out through its provider: SMTP, FCM, Twilio.
    h.inner.smtp.wait_for(3, PATIENCE).await?;
    let pushes = h.fcm.wait_for(1, PATIENCE).await?;
    assert_eq!(pushes.len(), 1, "{pushes:#?}");
    let sms = h.twilio.wait_for(2, PATIENCE).await?;
    assert_eq!(sms.len(), 2, "{sms:#?}");

    // GetRun shows every step with its time, branch, decision id and message id.
    let open_run = h.get_run(&h.run_of(&id, "c_open").await?.run_id).await?;
    let t = |n: &str, o: &str, b: &str| (n.to_owned(), o.to_owned(), b.to_owned());
    assert_eq!(
        triples(&open_run.steps),
        vec![
            t("in", "completed", ""),
            t("email", "completed", ""),
            t("opened", "waiting", ""),
            t("opened", "completed", "event"),
            t("after_open", "waiting", ""),
            t("after_open", "completed", ""),
            t("coupon", "completed", ""),
            t("sms", "completed", ""),
        ]
    );
    let open_msgs = h.messages("c_open").await?;
    assert_eq!(open_run.steps[1].message_id, open_msgs[0].message_id);
    let decision = h.decision(&open_run.steps[6].decision_id).await?;
    assert_eq!(decision.customer_id, h.id("c_open"));
    assert_eq!(open_run.steps[7].message_id, open_msgs[1].message_id);
    assert_eq!(open_run.steps[7].decision_id, open_run.steps[6].decision_id);
    assert!(open_run.steps.iter().all(|s| s.time.is_some()));
    let silent = h.get_run(&h.run_of(&id, "c_silent").await?.run_id).await?;
    assert!(triples(&silent.steps).contains(&t("opened", "completed", "timeout")));

    // Journey facts went to identity with deterministic ids.
    let buyer_events = omni_testkit::eventually(PATIENCE, || async {
        let facts = h.facts_of_run("c_buyer", &buyer.run_id).await?;
        Ok((facts.len() >= 2).then_some(facts))
    })
    .await?;
    assert_eq!(
        buyer_events,
        vec![
            (
                "journey.entered".to_owned(),
                format!("run:{}:entered", buyer.run_id)
            ),
            (
                "journey.converted".to_owned(),
                format!("run:{}:converted", buyer.run_id)
            ),
        ]
    );

    // Per-node counts and conversions per branch.
    let stats = h
        .client()?
        .get_journey_stats(pb::GetJourneyStatsRequest {
            journey_id: id.clone(),
            version: 0,
        })
        .await?
        .into_inner();
    assert_eq!(stats.runs, 3);
    assert_eq!(stats.conversions, 1);
    let node = |n: &str| {
        stats
            .nodes
            .iter()
            .find(|s| s.node_id == n)
            .cloned()
            .expect(n)
    };
    assert_eq!(node("email").entered, 3);
    assert_eq!(node("email").completed, 3);
    assert_eq!(node("opened").entered, 3);
    assert_eq!(node("opened").exited, 1);
    assert_eq!(node("push").completed, 1);
    assert_eq!(node("sms").completed, 2);
    let branch = |b: &str| {
        stats
            .branches
            .iter()
            .find(|s| s.node_id == "opened" && s.branch == b)
            .cloned()
            .expect(b)
    };
    assert_eq!((branch("event").runs, branch("event").conversions), (1, 0));
    assert_eq!(
        (branch("timeout").runs, branch("timeout").conversions),
        (1, 0)
    );

    // Simulation of the same inputs takes the same path as the real runs.
    let simulate = |customer: &str, events: Vec<pb::ScriptedEvent>| pb::SimulateJourneyRequest {
        journey_id: id.clone(),
        version: 1,
        profile: Some(pb::SimulatedProfile {
            customer_id: h.id(customer),
            ..Default::default()
        }),
        events,
        ..Default::default()
    };
    let sim = h
        .client()?
        .simulate_journey(simulate("c_silent", Vec::new()))
        .await?
        .into_inner();
    assert_eq!(triples(&sim.steps), triples(&silent.steps));
    assert_eq!(sim.state, pb::RunState::Completed as i32);
    assert_eq!(sim.messages.len(), 3);
    assert_eq!(sim.decisions, vec!["coupon".to_owned()]);
    let opened = pb::ScriptedEvent {
        after: dur(HOUR),
        r#type: "message.opened".into(),
        properties: json!({"run_id": "sim"}).as_object().map(json_to_struct),
    };
    let sim = h
        .client()?
        .simulate_journey(simulate("c_open", vec![opened]))
        .await?
        .into_inner();
    assert_eq!(triples(&sim.steps), triples(&open_run.steps));
    let bought = pb::ScriptedEvent {
        after: dur(60),
        r#type: "purchase".into(),
        properties: None,
    };
    let sim = h
        .client()?
        .simulate_journey(simulate("c_buyer", vec![bought]))
        .await?
        .into_inner();
    let real_buyer = h.get_run(&buyer.run_id).await?;
    assert_eq!(triples(&sim.steps), triples(&real_buyer.steps));
    assert_eq!(sim.state, pb::RunState::Converted as i32);
    assert_eq!(sim.end_reason, "purchase");
    h.stop().await
}

/// A one-shot HTTP server recording each request (headers lower-cased, body).
type Requests = Arc<Mutex<Vec<(Vec<(String, String)>, Vec<u8>)>>>;

async fn webhook_server() -> anyhow::Result<(String, Requests)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    let seen: Requests = Arc::default();
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let record = record.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    let Ok(n) = sock.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                        continue;
                    };
                    let head = String::from_utf8_lossy(&buf[..end]).to_string();
                    let headers: Vec<(String, String)> = head
                        .lines()
                        .skip(1)
                        .filter_map(|l| l.split_once(':'))
                        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
                        .collect();
                    let len: usize = headers
                        .iter()
                        .find(|(k, _)| k == "content-length")
                        .and_then(|(_, v)| v.parse().ok())
                        .unwrap_or(0);
                    if buf.len() < end + 4 + len {
                        continue;
                    }
                    let body = buf[end + 4..end + 4 + len].to_vec();
                    record.lock().expect("lock").push((headers, body));
                    let _ = sock
                        .write_all(
                            b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                        )
                        .await;
                    return;
                }
            });
        }
    });
    Ok((url, seen))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_node_kind_runs() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let (hook_url, hooks) = webhook_server().await?;
    let mut clients = h.clients();
    // The VIP segment, lifetime value and a holdout experiment, in the real services.
    let vip_segment = clients
        .segment
        .create_segment(seg::CreateSegmentRequest {
            segment: Some(seg::Segment {
                display_name: "VIP".into(),
                expression: "has(traits.vip) && traits.vip == true".into(),
                ..Default::default()
            }),
            idempotency_key: "seg-vip".into(),
        })
        .await?
        .into_inner()
        .segment
        .expect("segment")
        .segment_id;
    clients
        .segment
        .create_computed_trait(seg::CreateComputedTraitRequest {
            computed_trait: Some(seg::ComputedTrait {
                name: "ltv".into(),
                aggregation: seg::Aggregation::Sum as i32,
                event_type: "purchase".into(),
                property: "revenue".into(),
                ..Default::default()
            }),
            idempotency_key: "ct-ltv".into(),
        })
        .await?;
    let experiment = clients
        .decisioning
        .create_experiment(dec::CreateExperimentRequest {
            experiment: Some(dec::Experiment {
                display_name: "VIP holdout".into(),
                arms: vec![
                    dec::ExperimentArm {
                        arm_id: "treatment".into(),
                        weight: 1.0,
                        control: true,
                        ..Default::default()
                    },
                    dec::ExperimentArm {
                        arm_id: "holdout".into(),
                        weight: 1.0,
                        holdout: true,
                        ..Default::default()
                    },
                ],
                ..Default::default()
            }),
            idempotency_key: "exp-vip".into(),
        })
        .await?
        .into_inner()
        .experiment
        .expect("experiment")
        .experiment_id;
    let branch = |name: &str, expression: &str, next: &str| pb::ConditionBranch {
        name: name.into(),
        expression: expression.into(),
        next_node_id: next.into(),
    };
    let arm = |name: &str, next: &str| pb::SplitArm {
        name: name.into(),
        weight: 0,
        next_node_id: next.into(),
    };
    let journey = pb::Journey {
        display_name: "Every node".into(),
        nodes: vec![
            node("in", "upd", entry("signup")),
            node(
                "upd",
                "route",
                Kind::UpdateProfile(pb::UpdateProfileNode {
                    traits: json!({"journey_tier": "gold"})
                        .as_object()
                        .map(json_to_struct),
                }),
            ),
            node(
                "route",
                "",
                Kind::Condition(pb::ConditionNode {
                    branches: vec![
                        branch("vip", &format!("'{vip_segment}' in segments"), "exp"),
                        branch("rich", "has(computed.ltv) && computed.ltv > 100.0", "hook"),
                    ],
                    default_next_node_id: "bye".into(),
                }),
            ),
            node(
                "exp",
                "",
                Kind::Split(pb::SplitNode {
                    arms: vec![arm("treatment", "best"), arm("holdout", "")],
                    experiment_id: experiment.clone(),
                    holdout_arm: "holdout".into(),
                }),
            ),
            node(
                "best",
                "morning",
                Kind::Send(pb::SendNode {
                    template_id: "tpl_vip".into(),
                    best_channel: true,
                    ..Default::default()
                }),
            ),
            node(
                "morning",
                "won",
                Kind::WaitUntil(pb::WaitUntilNode {
                    hour: 9,
                    minute: 0,
                    weekdays: Vec::new(),
                }),
            ),
            node(
                "won",
                "",
                Kind::Goal(pb::GoalNode {
                    name: "vip_engaged".into(),
                }),
            ),
            node(
                "hook",
                "won",
                Kind::Webhook(pb::WebhookNode {
                    url: hook_url,
                    secret: "s3cret".into(),
                }),
            ),
            node(
                "bye",
                "",
                Kind::Exit(pb::ExitNode {
                    reason: "not_targeted".into(),
                }),
            ),
        ],
        settings: Some(pb::JourneySettings {
            reentry: pb::ReentryPolicy::Always as i32,
            ..Default::default()
        }),
        ..Default::default()
    };
    let id = h.create_published(journey).await?;
    // c_vip has only the app (push is its one reachable channel) and lands in the
    // treatment arm; c_vip_hold lands in the holdout; c_rich has spent 500.
    let seoul = json!({"timezone": "Asia/Seoul", "vip": true});
    seed_in_arm(&h, "c_vip", &experiment, "treatment", true, seoul.clone()).await?;
    seed_in_arm(&h, "c_vip_hold", &experiment, "holdout", false, seoul).await?;
    for c in ["c_rich", "c_plain"] {
        h.seed_traits(c, json!({"timezone": "Asia/Seoul"})).await?;
    }
    h.ingest_with("c_rich", "buy-rich", "purchase", json!({"revenue": 500.0}))
        .await?;
    // The segment service has evaluated them before they are enrolled.
    for c in ["c_vip", "c_vip_hold"] {
        omni_testkit::eventually(PATIENCE, || async {
            let m = h
                .clients()
                .segment
                .get_memberships(seg::GetMembershipsRequest {
                    customer_id: h.id(c),
                })
                .await?
                .into_inner()
                .memberships;
            Ok(m.iter().any(|m| m.segment_id == vip_segment).then_some(()))
        })
        .await?;
    }
    omni_testkit::eventually(PATIENCE, || async {
        let values = h
            .clients()
            .segment
            .get_computed_trait_values(seg::GetComputedTraitValuesRequest {
                customer_id: h.id("c_rich"),
            })
            .await?
            .into_inner()
            .values
            .as_ref()
            .map(omni_common::convert::struct_to_json)
            .unwrap_or_default();
        Ok((values.get("ltv").and_then(|v| v.as_f64()) == Some(500.0)).then_some(()))
    })
    .await?;
    let mut client = h.client()?;
    for c in ["c_vip", "c_vip_hold", "c_rich", "c_plain"] {
        client
            .enroll_customer(pb::EnrollCustomerRequest {
                journey_id: id.clone(),
                customer_id: h.id(c),
                idempotency_key: format!("k-{c}"),
                context: None,
            })
            .await?;
    }
    let plain = h
        .wait_run_of(&id, "c_plain", "exited", |r| {
            state(r) == pb::RunState::Exited
        })
        .await?;
    assert_eq!(plain.end_reason, "not_targeted");
    let hold = h
        .wait_run_of(&id, "c_vip_hold", "holdout", |r| {
            state(r) == pb::RunState::Exited
        })
        .await?;
    assert_eq!(hold.end_reason, "holdout");
    assert_eq!(ctx(&hold, "arm"), json!("holdout"));
    assert!(h.sends_to("c_vip_hold").await?.is_empty());
    let rich = h
        .wait_run_of(&id, "c_rich", "converted", |r| {
            state(r) == pb::RunState::Converted
        })
        .await?;
    assert_eq!(rich.end_reason, "vip_engaged");

    // The webhook got a signed POST with the step's idempotency key.
    let (headers, body) = hooks
        .lock()
        .expect("lock")
        .first()
        .cloned()
        .expect("webhook call");
    let header = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    assert_eq!(
        header("idempotency-key"),
        Some(format!("run:{}:node:hook", rich.run_id))
    );
    assert_eq!(
        header("x-omni-signature"),
        Some(omni_journey::logic::sign("s3cret", &body))
    );
    let posted: serde_json::Value = serde_json::from_slice(&body)?;
    assert_eq!(posted["customer_id"], json!(h.id("c_rich")));

    // The VIP got the best channel (push), then waits for 09:00 in Seoul.
    let vip = h
        .wait_run_of(&id, "c_vip", "waiting for 9:00", |r| {
            state(r) == pb::RunState::Waiting && r.current_node_id == "morning"
        })
        .await?;
    assert_eq!(
        h.sends_to("c_vip").await?,
        vec![(DeliveryChannel::Push as i32, "tpl_vip".to_owned())],
        "{:#?}",
        h.get_run(&vip.run_id).await?.steps
    );
    let pushed = h.fcm.wait_for(1, PATIENCE).await?;
    assert_eq!(pushed.len(), 1, "{pushed:#?}");
    let wake = omni_common::convert::from_timestamp(vip.wake_time.as_ref().expect("wake"));
    assert_eq!(
        wake,
        omni_journey::logic::next_local_time(START_MS, "Asia/Seoul", 9, 0, &[])
    );
    h.clock.set_ms(wake + 1);
    let vip = h
        .wait_run_of(&id, "c_vip", "converted", |r| {
            state(r) == pb::RunState::Converted
        })
        .await?;
    let steps = h.get_run(&vip.run_id).await?.steps;
    assert!(
        steps
            .iter()
            .any(|s| s.node_id == "exp" && s.branch == "treatment")
    );
    assert!(
        steps
            .iter()
            .any(|s| s.node_id == "route" && s.branch == "vip")
    );
    assert!(
        steps
            .iter()
            .any(|s| s.node_id == "best" && s.detail.contains("push"))
    );

    // The profile update went through identity, idempotently keyed by run and node.
    let mut updates = Vec::new();
    for c in ["c_vip", "c_vip_hold", "c_rich", "c_plain"] {
        let events = h.events_of(c).await?;
        updates.extend(
            events
                .into_iter()
                .filter(|e| e.r#type == "journey.profile_updated"),
        );
        wait_profile(&h, c, |p| {
            p.traits
                .as_ref()
                .map(omni_common::convert::struct_to_json)
                .and_then(|m| m.get("journey_tier").cloned())
                == Some(json!("gold"))
        })
        .await?;
    }
    assert_eq!(updates.len(), 4);
    assert!(
        updates
            .iter()
            .any(|e| e.event_id == format!("run:{}:node:upd", vip.run_id))
    );
    let traits = omni_common::convert::struct_to_json(updates[0].traits.as_ref().expect("traits"));
    assert_eq!(traits.get("journey_tier"), Some(&json!("gold")));
    let hold_facts = omni_testkit::eventually(PATIENCE, || async {
        let facts = h.facts_of_run("c_vip_hold", &hold.run_id).await?;
        Ok(facts
            .iter()
            .any(|f| f.0 == "journey.exited")
            .then_some(facts))
    })
    .await?;
    assert_eq!(
        hold_facts.last().map(|e| e.0.clone()),
        Some("journey.exited".to_owned())
    );

    // Stats: conversions per experiment arm.
    let stats = client
        .get_journey_stats(pb::GetJourneyStatsRequest {
            journey_id: id.clone(),
            version: 1,
        })
        .await?
        .into_inner();
    let arm_stats = |b: &str| {
        stats
            .branches
            .iter()
            .find(|s| s.node_id == "exp" && s.branch == b)
            .cloned()
            .expect(b)
    };
    assert_eq!(
        (
            arm_stats("treatment").runs,
            arm_stats("treatment").conversions
        ),
        (1, 1)
    );
    assert_eq!(
        (arm_stats("holdout").runs, arm_stats("holdout").conversions),
        (1, 0)
    );
    assert_eq!(stats.conversions, 2);
    h.stop().await
}

/// Seeds `name` (retrying with fresh identities) until the experiment puts it in `arm`.
async fn seed_in_arm(
    h: &Harness,
    name: &str,
    experiment: &str,
    arm: &str,
    app_only: bool,
    traits: serde_json::Value,
) -> anyhow::Result<()> {
    let mut decisioning = h.clients().decisioning;
    for i in 0..64 {
        let candidate = format!("{name}_{i}");
        let id = if app_only {
            h.seed_app_only(&candidate, traits.clone()).await?
        } else {
            h.seed_traits(&candidate, traits.clone()).await?
        };
        let got = decisioning
            .assign_variant(dec::AssignVariantRequest {
                experiment_id: experiment.into(),
                customer_id: id.clone(),
            })
            .await?
            .into_inner()
            .arm
            .unwrap_or_default();
        if got.arm_id == arm {
            h.alias(name, &id);
            return Ok(());
        }
    }
    anyhow::bail!("no customer landed in arm {arm}")
}

/// Waits until identity's profile of `name` satisfies `pred`.
pub async fn wait_profile(
    h: &Harness,
    name: &str,
    pred: impl Fn(&idp::Profile) -> bool,
) -> anyhow::Result<()> {
    let pred = &pred;
    omni_testkit::eventually(PATIENCE, || async move {
        let p = h
            .clients()
            .identity
            .get_profile(idp::GetProfileRequest {
                customer_id: h.id(name),
                ..Default::default()
            })
            .await?
            .into_inner()
            .profile
            .unwrap_or_default();
        Ok(pred(&p).then_some(()))
    })
    .await
}
