//! Graph journeys: every node kind, the cart-abandonment path, journey settings
//! (re-entry, one live run, rate limit, goal, stop), step history, stats, validation
//! and simulation.

use std::sync::{Arc, Mutex};

use omni_common::convert::json_to_struct;
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::Code;

use crate::support::*;

const HOUR: i64 = 3600;

fn dur(seconds: i64) -> Option<prost_types::Duration> {
    Some(prost_types::Duration { seconds, nanos: 0 })
}

fn send(channel: DeliveryChannel, template: &str) -> Kind {
    Kind::Send(pb::SendNode {
        channel: channel as i32,
        template_id: template.into(),
        ..Default::default()
    })
}

fn wait_for(
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
fn cart_journey() -> pb::Journey {
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
        h.sends_to("c_open"),
        vec![
            (email, "tpl_cart_email".into()),
            (sms, "tpl_cart_sms".into())
        ]
    );
    assert_eq!(
        h.sends_to("c_silent"),
        vec![
            (email, "tpl_cart_email".into()),
            (push, "tpl_cart_push".into()),
            (sms, "tpl_cart_sms".into())
        ]
    );
    assert_eq!(
        h.sends_to("c_buyer"),
        vec![(email, "tpl_cart_email".into())]
    );

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
    assert!(open_run.steps[1].message_id.starts_with("msg_"));
    assert!(open_run.steps[6].decision_id.starts_with("dec_"));
    assert!(open_run.steps[7].message_id.starts_with("msg_"));
    assert_eq!(open_run.steps[7].decision_id, open_run.steps[6].decision_id);
    assert!(open_run.steps.iter().all(|s| s.time.is_some()));
    let silent = h.get_run(&h.run_of(&id, "c_silent").await?.run_id).await?;
    assert!(triples(&silent.steps).contains(&t("opened", "completed", "timeout")));

    // Journey facts went to identity with deterministic ids.
    let buyer_events = h.identity.for_run(&buyer.run_id);
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
            customer_id: customer.into(),
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
    Ok(())
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
                        branch("vip", "'seg_vip' in segments", "exp"),
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
                    experiment_id: "exp_1".into(),
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
    let profiles = h.profiles().await?;
    for c in ["c_vip", "c_vip_hold", "c_rich", "c_plain"] {
        h.seed_traits(c, json!({"timezone": "Asia/Seoul"})).await?;
    }
    for c in ["c_vip", "c_vip_hold"] {
        profiles
            .set_membership("default", c, "seg_vip", true, START_MS)
            .await?;
    }
    profiles
        .set_computed(
            "default",
            "c_rich",
            &std::collections::BTreeMap::from([("ltv".to_owned(), json!(500.0))]),
            &[],
        )
        .await?;
    let mut client = h.client()?;
    for c in ["c_vip", "c_vip_hold", "c_rich", "c_plain"] {
        client
            .enroll_customer(pb::EnrollCustomerRequest {
                journey_id: id.clone(),
                customer_id: c.into(),
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
    assert!(h.sends_to("c_vip_hold").is_empty());
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
    assert_eq!(posted["customer_id"], json!("c_rich"));

    // The VIP got the best channel (push), then waits for 09:00 in Seoul.
    let vip = h
        .wait_run_of(&id, "c_vip", "waiting for 9:00", |r| {
            state(r) == pb::RunState::Waiting && r.current_node_id == "morning"
        })
        .await?;
    assert_eq!(
        h.sends_to("c_vip"),
        vec![(DeliveryChannel::Push as i32, "tpl_vip".to_owned())]
    );
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
    let updates: Vec<_> = h
        .identity
        .events
        .lock()
        .expect("lock")
        .iter()
        .filter(|e| e.r#type == "journey.profile_updated")
        .cloned()
        .collect();
    assert_eq!(updates.len(), 4);
    assert!(
        updates
            .iter()
            .any(|e| e.event_id == format!("run:{}:node:upd", vip.run_id))
    );
    let traits = omni_common::convert::struct_to_json(updates[0].traits.as_ref().expect("traits"));
    assert_eq!(traits.get("journey_tier"), Some(&json!("gold")));
    assert_eq!(
        h.identity.for_run(&hold.run_id).last().map(|e| e.0.clone()),
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
    Ok(())
}

fn enrol(id: &str, customer: &str, key: &str) -> pb::EnrollCustomerRequest {
    pb::EnrollCustomerRequest {
        journey_id: id.into(),
        customer_id: customer.into(),
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
    client.enroll_customer(enrol(&once, "c1", "k1")).await?;
    let dup = client
        .enroll_customer(enrol(&once, "c1", "k1"))
        .await?
        .into_inner();
    assert!(dup.duplicate);
    refused(
        client.enroll_customer(enrol(&once, "c1", "k2")).await,
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
    client.enroll_customer(enrol(&always, "c1", "k1")).await?;
    refused(
        client.enroll_customer(enrol(&always, "c1", "k2")).await,
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
    client.enroll_customer(enrol(&daily, "c2", "k1")).await?;
    refused(
        client.enroll_customer(enrol(&daily, "c2", "k2")).await,
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
    client.enroll_customer(enrol(&limited, "c1", "k1")).await?;
    client.enroll_customer(enrol(&limited, "c2", "k1")).await?;
    refused(
        client.enroll_customer(enrol(&limited, "c3", "k1")).await,
        "rate_limited",
    );

    // A day later: the waits are over; the live-run and period limits allow again.
    h.clock.advance_ms(25 * HOUR * 1000);
    h.wait_run_of(&always, "c1", "completed", |r| {
        state(r) == pb::RunState::Completed
    })
    .await?;
    client.enroll_customer(enrol(&always, "c1", "k2")).await?;
    client.enroll_customer(enrol(&daily, "c2", "k2")).await?;
    client.enroll_customer(enrol(&limited, "c3", "k1")).await?;
    refused(
        client.enroll_customer(enrol(&once, "c1", "k3")).await,
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
        .enroll_customer(enrol(&always, "c2", "k9"))
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
        !h.channel
            .calls
            .lock()
            .expect("lock")
            .iter()
            .any(|(_, r)| r.run_id == live.run_id)
    );
    Ok(())
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
    client.enroll_customer(enrol(&id, "c1", "k1")).await?;
    // v2 sends another template; the draft is replaced by creating... the journey's
    // draft is its definition, so v2 is published from an updated definition.
    let db = omni_storage::connect(&h.settings.journey.database_url).await?;
    let mut v2 = waiting_journey();
    v2.nodes[2].kind = Some(send(DeliveryChannel::Sms, "tpl_v2"));
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
    client.enroll_customer(enrol(&id, "c2", "k1")).await?;
    h.clock.advance_ms(2 * HOUR * 1000);
    for c in ["c1", "c2"] {
        h.wait_run_of(&id, c, "completed", |r| state(r) == pb::RunState::Completed)
            .await?;
    }
    assert_eq!(h.run_of(&id, "c1").await?.journey_version, 1);
    assert_eq!(h.run_of(&id, "c2").await?.journey_version, 2);
    assert_eq!(
        h.sends_to("c1"),
        vec![(DeliveryChannel::Email as i32, "tpl_w".to_owned())]
    );
    assert_eq!(
        h.sends_to("c2"),
        vec![(DeliveryChannel::Sms as i32, "tpl_v2".to_owned())]
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn validate_journey_reports_every_problem_with_its_node() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client()?;
    let mut j = cart_journey();
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
            journey: Some(cart_journey()),
        })
        .await?
        .into_inner();
    assert!(ok.valid, "{:#?}", ok.problems);
    Ok(())
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
        client.enroll_customer(enrol(&id, &c, "k")).await?;
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
    let calls = h.channel.calls.lock().expect("lock").clone();
    assert_eq!(calls.len(), 30, "each timer fired exactly once");
    let keys: std::collections::BTreeSet<_> = calls
        .iter()
        .map(|(_, r)| r.idempotency_key.clone())
        .collect();
    assert_eq!(keys.len(), 30);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn segment_entry_filtered_event_entry_and_exit_on_leaving() -> anyhow::Result<()> {
    use omni_proto::common::v1::MembershipChanged;
    let h = Harness::start().await?;
    for c in ["c_in", "c_kr", "c_us"] {
        h.seed_traits(c, json!({"country": if c == "c_us" { "US" } else { "KR" }}))
            .await?;
    }
    // Entered on joining `seg_new`; exits on leaving `seg_new`.
    let seg = pb::Journey {
        display_name: "Segment".into(),
        nodes: vec![
            node(
                "in",
                "w",
                Kind::Entry(pb::EntryNode {
                    segment_id: "seg_new".into(),
                    ..Default::default()
                }),
            ),
            node("w", "s", wait(HOUR)),
            node("s", "", send(DeliveryChannel::Email, "tpl_seg")),
        ],
        settings: Some(pb::JourneySettings {
            exit_segment_id: "seg_new".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let seg_id = h.create_published(seg).await?;
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

    let change = |entered: bool| MembershipChanged {
        workspace_id: "default".into(),
        customer_id: "c_in".into(),
        segment_id: "seg_new".into(),
        entered,
        segment_version: 1,
        time: Some(omni_common::convert::to_timestamp(START_MS)),
        cause_event_id: String::new(),
    };
    h.bus
        .publish(omni_bus::Topic::MembershipChanged, &change(true))
        .await?;
    h.wait_run_of(&seg_id, "c_in", "waiting", |r| {
        state(r) == pb::RunState::Waiting
    })
    .await?;
    h.bus
        .publish(omni_bus::Topic::MembershipChanged, &change(false))
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
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(h.sends_to("c_in").is_empty());
    Ok(())
}
