//! The sample workspace `omni demo` loads and the signup it tracks. The cross-service
//! tests drive the same sample so the demo can never silently rot.

use std::time::Duration;

use anyhow::Context as _;
use omni_common::convert::json_to_struct;
use omni_proto::channel::v1 as channel;
use omni_proto::common::v1::{DeliveryChannel, Event, Identifier, IdentifierType, SourceChannel};
use omni_proto::decisioning::v1 as decisioning;
use omni_proto::identity::v1 as identity;
use omni_proto::journey::v1 as journey;
use omni_proto::segment::v1 as segment;
use serde_json::json;

use crate::clients::Clients;

/// Ids of what [`load_sample`] created.
#[derive(Clone, Debug)]
pub struct Sample {
    /// The "Newcomers" segment.
    pub segment_id: String,
    /// The welcome offer.
    pub offer_id: String,
    /// A lower-value offer only for customers from KR (ineligible for the demo customer).
    pub other_offer_id: String,
    /// The welcome email template.
    pub template_id: String,
    /// The welcome journey.
    pub journey_id: String,
}

fn object(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// Creates the sample segment, offers, template and a welcome journey (entry on
/// `signup`, wait `wait`, decide, send email) and publishes it.
pub async fn load_sample(clients: &mut Clients, wait: Duration) -> anyhow::Result<Sample> {
    let seg = clients
        .segment
        .create_segment(segment::CreateSegmentRequest {
            segment: Some(segment::Segment {
                display_name: "Newcomers".into(),
                expression: "has(events.signup) && events.signup >= 1".into(),
                ..Default::default()
            }),
            idempotency_key: "demo-segment-newcomers".into(),
        })
        .await
        .context("CreateSegment")?
        .into_inner()
        .segment
        .context("segment in response")?;
    let offer = clients
        .decisioning
        .create_offer(decisioning::CreateOfferRequest {
            offer: Some(decisioning::Offer {
                display_name: "10% off your first order".into(),
                eligibility: "has(traits.first_name)".into(),
                value: 10.0,
                weight: 1.0,
                content: Some(json_to_struct(&object(json!({"code": "WELCOME10"})))),
                ..Default::default()
            }),
            idempotency_key: "demo-offer-welcome".into(),
        })
        .await
        .context("CreateOffer")?
        .into_inner()
        .offer
        .context("offer in response")?;
    let other = clients
        .decisioning
        .create_offer(decisioning::CreateOfferRequest {
            offer: Some(decisioning::Offer {
                display_name: "Free shipping in Korea".into(),
                eligibility: "has(traits.country) && traits.country == 'KR'".into(),
                value: 50.0,
                weight: 1.0,
                ..Default::default()
            }),
            idempotency_key: "demo-offer-kr".into(),
        })
        .await
        .context("CreateOffer (KR)")?
        .into_inner()
        .offer
        .context("offer in response")?;
    let template = clients
        .channel
        .create_template(channel::CreateTemplateRequest {
            template: Some(channel::Template {
                display_name: "Welcome email".into(),
                channel: DeliveryChannel::Email as i32,
                subject: "Welcome to Omni Outfitters, {{ profile.first_name }}!".into(),
                body: "Hi {{ profile.first_name }},\n\nThanks for signing up. Here is {{ offer.display_name }}: use code {{ offer.content.code }} at checkout.\n\nOmni Outfitters\n".into(),
                ..Default::default()
            }),
            idempotency_key: "demo-template-welcome".into(),
        })
        .await
        .context("CreateTemplate")?
        .into_inner()
        .template
        .context("template in response")?;
    let node = |id: &str, next: &str, kind: journey::node::Kind| journey::Node {
        node_id: id.into(),
        next_node_id: next.into(),
        kind: Some(kind),
    };
    let created = clients
        .journey
        .create_journey(journey::CreateJourneyRequest {
            journey: Some(journey::Journey {
                display_name: "Welcome".into(),
                nodes: vec![
                    node(
                        "entry",
                        "wait",
                        journey::node::Kind::Entry(journey::EntryNode {
                            event_type: "signup".into(),
                            ..Default::default()
                        }),
                    ),
                    node(
                        "wait",
                        "decide",
                        journey::node::Kind::Wait(journey::WaitNode {
                            duration: Some(prost_types::Duration {
                                seconds: wait.as_secs() as i64,
                                nanos: wait.subsec_nanos() as i32,
                            }),
                            ..Default::default()
                        }),
                    ),
                    node(
                        "decide",
                        "send",
                        journey::node::Kind::Decide(journey::DecideNode {
                            context: Some(json_to_struct(&object(
                                json!({"placement": "email_hero"}),
                            ))),
                        }),
                    ),
                    node(
                        "send",
                        "",
                        journey::node::Kind::Send(journey::SendNode {
                            channel: DeliveryChannel::Email as i32,
                            template_id: template.template_id.clone(),
                            ..Default::default()
                        }),
                    ),
                ],
                ..Default::default()
            }),
            idempotency_key: "demo-journey-welcome".into(),
        })
        .await
        .context("CreateJourney")?
        .into_inner()
        .journey
        .context("journey in response")?;
    clients
        .journey
        .publish_journey(journey::PublishJourneyRequest {
            journey_id: created.journey_id.clone(),
        })
        .await
        .context("PublishJourney")?;
    Ok(Sample {
        segment_id: seg.segment_id,
        offer_id: offer.offer_id,
        other_offer_id: other.offer_id,
        template_id: template.template_id,
        journey_id: created.journey_id,
    })
}

/// Tracks a web signup for `email` with a first name; returns the customer id.
pub async fn track_signup(
    clients: &mut Clients,
    event_id: &str,
    email: &str,
    first_name: &str,
) -> anyhow::Result<identity::TrackResponse> {
    Ok(clients
        .identity
        .track(identity::TrackRequest {
            event: Some(signup_event(event_id, email, first_name)),
        })
        .await
        .context("Track")?
        .into_inner())
}

/// The signup event [`track_signup`] sends.
pub fn signup_event(event_id: &str, email: &str, first_name: &str) -> Event {
    Event {
        event_id: event_id.into(),
        r#type: "signup".into(),
        identifiers: vec![Identifier {
            r#type: IdentifierType::Email as i32,
            value: email.into(),
            custom_type: String::new(),
        }],
        traits: Some(json_to_struct(&object(json!({"first_name": first_name})))),
        properties: Some(json_to_struct(&object(json!({"plan": "free"})))),
        source: SourceChannel::Web as i32,
        time: None,
    }
}
