//! Health and reflection are open on every service; one Track is one trace.

use omni_common::config::SERVICES;
use omni_proto::identity::v1::TrackRequest;
use omni_tests::Harness;
use redis::AsyncCommands;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_reflection_answer_without_a_key_on_every_service() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    for name in SERVICES {
        let url = h.suite.url(name);
        let channel = tonic::transport::Endpoint::from_shared(url)?
            .connect()
            .await?;
        let mut health = HealthClient::new(channel.clone());
        let status = health
            .check(HealthCheckRequest {
                service: String::new(),
            })
            .await?
            .into_inner()
            .status;
        assert_eq!(status, ServingStatus::Serving as i32, "{name} health");

        let mut reflection = ServerReflectionClient::new(channel);
        let req = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let mut stream = reflection
            .server_reflection_info(tokio_stream_once(req))
            .await?
            .into_inner();
        let resp = stream.message().await?.expect("reflection response");
        let Some(MessageResponse::ListServicesResponse(list)) = resp.message_response else {
            panic!("unexpected reflection answer on {name}");
        };
        let names: Vec<_> = list.service.iter().map(|s| s.name.as_str()).collect();
        assert!(
            names.iter().any(|n| n.starts_with("omni.")),
            "{name} lists {names:?}"
        );
    }
    h.stop().await
}

fn tokio_stream_once<T: Send + 'static>(item: T) -> impl tonic::IntoStreamingRequest<Message = T> {
    tokio_stream::once(item)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tracked_event_carries_the_callers_trace_onto_the_bus() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let mut req = tonic::Request::new(TrackRequest {
        event: Some(omni::demo::signup_event(
            "evt-trace-1",
            "gus@example.com",
            "Gus",
        )),
    });
    req.metadata_mut().insert(
        "traceparent",
        format!("00-{trace_id}-00f067aa0ba902b7-01").parse()?,
    );
    let mut identity = h.clients.identity.clone();
    identity.track(req).await?;

    let mut redis = omni_common::redis::connect(&h.redis.url).await?;
    let entries: redis::streams::StreamRangeReply = redis.xrange_all("bus:event-ingested").await?;
    let tp = entries
        .ids
        .iter()
        .find_map(|e| e.get::<String>("tp"))
        .expect("bus entry carries a traceparent");
    assert_eq!(
        omni_common::telemetry::trace_id_of(&tp),
        Some(trace_id),
        "{tp}"
    );
    h.stop().await
}
