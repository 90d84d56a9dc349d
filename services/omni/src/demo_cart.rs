//! The cart-abandonment journey `omni demo` seeds beside the welcome journey: entry on
//! `cart.abandoned`, a wait, a "purchased?" condition on the profile, and a reminder
//! email for those who did not buy (those who did reach the journey's goal).

use std::time::Duration;

use anyhow::Context as _;
use omni_common::convert::json_to_struct;
use omni_proto::channel::v1 as channel;
use omni_proto::common::v1::{DeliveryChannel, Event, Identifier, IdentifierType, SourceChannel};
use omni_proto::identity::v1 as identity;
use omni_proto::journey::v1 as journey;
use omni_proto::journey::v1::node::Kind;
use serde_json::json;

use crate::clients::Clients;

fn object(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

fn node(id: &str, next: &str, kind: Kind) -> journey::Node {
    journey::Node {
        node_id: id.into(),
        next_node_id: next.into(),
        kind: Some(kind),
    }
}

/// Creates the reminder template and the cart-abandonment journey (entry on
/// `cart.abandoned`, wait `wait`, condition `has(traits.last_order_id)`: purchased →
/// goal, otherwise the reminder email) and publishes it; returns the journey id.
pub async fn load_cart_journey(clients: &mut Clients, wait: Duration) -> anyhow::Result<String> {
    let template = clients
        .channel
        .create_template(channel::CreateTemplateRequest {
            template: Some(channel::Template {
                display_name: "Cart reminder".into(),
                channel: DeliveryChannel::Email as i32,
                subject: "You left something in your cart, {{ profile.first_name }}".into(),
                body: "Hi {{ profile.first_name }},\n\nYour cart is still waiting for you. Complete your order before it sells out.\n\nOmni Outfitters\n".into(),
                ..Default::default()
            }),
            idempotency_key: "demo-template-cart".into(),
        })
        .await
        .context("CreateTemplate (cart)")?
        .into_inner()
        .template
        .context("template in response")?;
    let wait = prost_types::Duration {
        seconds: i64::try_from(wait.as_secs()).unwrap_or(i64::MAX),
        nanos: i32::try_from(wait.subsec_nanos()).unwrap_or(0),
    };
    let created = clients
        .journey
        .create_journey(journey::CreateJourneyRequest {
            journey: Some(journey::Journey {
                display_name: "Cart abandonment".into(),
                nodes: vec![
                    node(
                        "abandoned",
                        "wait",
                        Kind::Entry(journey::EntryNode {
                            event_type: "cart.abandoned".into(),
                            ..Default::default()
                        }),
                    ),
                    node(
                        "wait",
                        "purchased",
                        Kind::Wait(journey::WaitNode {
                            duration: Some(wait),
                            ..Default::default()
                        }),
                    ),
                    node(
                        "purchased",
                        "",
                        Kind::Condition(journey::ConditionNode {
                            branches: vec![journey::ConditionBranch {
                                name: "purchased".into(),
                                expression: "has(traits.last_order_id)".into(),
                                next_node_id: "bought".into(),
                            }],
                            default_next_node_id: "remind".into(),
                        }),
                    ),
                    node(
                        "bought",
                        "",
                        Kind::Goal(journey::GoalNode {
                            name: "purchased".into(),
                        }),
                    ),
                    node(
                        "remind",
                        "",
                        Kind::Send(journey::SendNode {
                            channel: DeliveryChannel::Email as i32,
                            template_id: template.template_id.clone(),
                            ..Default::default()
                        }),
                    ),
                ],
                settings: Some(journey::JourneySettings {
                    reentry: journey::ReentryPolicy::OncePerPeriod as i32,
                    reentry_period: Some(prost_types::Duration {
                        seconds: 7 * 86_400,
                        nanos: 0,
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            idempotency_key: "demo-journey-cart".into(),
        })
        .await
        .context("CreateJourney (cart)")?
        .into_inner()
        .journey
        .context("journey in response")?;
    clients
        .journey
        .publish_journey(journey::PublishJourneyRequest {
            journey_id: created.journey_id.clone(),
        })
        .await
        .context("PublishJourney (cart)")?;
    Ok(created.journey_id)
}

/// Tracks one event for the customer with `email`, with optional traits.
pub async fn track(
    clients: &mut Clients,
    event_id: &str,
    event_type: &str,
    email: &str,
    traits: serde_json::Value,
) -> anyhow::Result<identity::TrackResponse> {
    let traits = object(traits);
    Ok(clients
        .identity
        .track(identity::TrackRequest {
            event: Some(Event {
                event_id: event_id.into(),
                r#type: event_type.into(),
                identifiers: vec![Identifier {
                    r#type: IdentifierType::Email as i32,
                    value: email.into(),
                    custom_type: String::new(),
                }],
                traits: (!traits.is_empty()).then(|| json_to_struct(&traits)),
                properties: Some(json_to_struct(&object(json!({"cart_value": 89.0})))),
                source: SourceChannel::Web as i32,
                time: None,
            }),
        })
        .await
        .with_context(|| format!("Track {event_type}"))?
        .into_inner())
}

/// Waits (up to `patience`) until every run of the journey has ended, then prints each
/// one: customer, final state and the path with branches.
pub async fn print_runs(
    clients: &mut Clients,
    journey_id: &str,
    name: &str,
    patience: Duration,
) -> anyhow::Result<()> {
    let live = [
        journey::RunState::Active as i32,
        journey::RunState::Waiting as i32,
    ];
    let deadline = tokio::time::Instant::now() + patience;
    let runs = loop {
        let runs = clients
            .journey
            .list_runs(journey::ListRunsRequest {
                journey_id: journey_id.into(),
                page_size: 100,
                ..Default::default()
            })
            .await?
            .into_inner()
            .runs;
        if runs.iter().all(|r| !live.contains(&r.state)) || tokio::time::Instant::now() >= deadline
        {
            break runs;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    for r in runs {
        let run = clients
            .journey
            .get_run(journey::GetRunRequest {
                run_id: r.run_id.clone(),
            })
            .await?
            .into_inner()
            .run
            .context("run")?;
        let state = journey::RunState::try_from(run.state)
            .map(|s| s.as_str_name().trim_start_matches("RUN_STATE_"))
            .unwrap_or("UNKNOWN");
        let path: Vec<String> = run
            .steps
            .iter()
            .filter(|s| s.outcome != "waiting")
            .map(|s| {
                if s.branch.is_empty() {
                    s.node_id.clone()
                } else {
                    format!("{}[{}]", s.node_id, s.branch)
                }
            })
            .collect();
        println!(
            "{name}: customer {} {state} via {}",
            run.customer_id,
            path.join(" -> ")
        );
    }
    Ok(())
}
