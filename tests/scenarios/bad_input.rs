//! Bad input gets the right status naming the problem, and changes nothing.

use std::time::Duration;

use omni::demo;
use omni_proto::decisioning::v1::{CreateOfferRequest, Offer};
use omni_proto::identity::v1::TrackRequest;
use omni_proto::journey::v1::{GetJourneyRequest, PublishJourneyRequest};
use omni_proto::segment::v1::{CreateSegmentRequest, Segment};
use omni_tests::Harness;
use tonic::Code;

fn assert_invalid(status: &tonic::Status, field: &str) {
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(
        status.message().contains(field),
        "`{}` should name `{field}`",
        status.message()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_events_are_rejected_by_field_and_store_nothing() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut no_id = demo::signup_event("", "eve@example.com", "Eve");
    no_id.event_id.clear();
    let err = h
        .clients
        .identity
        .track(TrackRequest { event: Some(no_id) })
        .await
        .expect_err("no event_id");
    assert_invalid(&err, "event.event_id");

    let bad_email = demo::signup_event("evt-bad-email", "not-an-email", "Eve");
    let err = h
        .clients
        .identity
        .track(TrackRequest {
            event: Some(bad_email),
        })
        .await
        .expect_err("bad email");
    assert_invalid(&err, "event.identifiers[0].value");

    // Nothing was stored: the same email now creates a fresh customer, and the rejected
    // event id is still free.
    let ok = demo::track_signup(&mut h.clients, "evt-bad-email", "eve@example.com", "Eve").await?;
    assert!(ok.created, "no customer existed before");
    assert!(!ok.duplicate, "the rejected event id was not recorded");
    h.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cel_that_does_not_compile_is_rejected_with_its_position() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let err = h
        .clients
        .segment
        .create_segment(CreateSegmentRequest {
            segment: Some(Segment {
                display_name: "Broken".into(),
                expression: "traits.age >".into(),
                ..Default::default()
            }),
            idempotency_key: "seg-key-1".into(),
        })
        .await
        .expect_err("bad CEL");
    assert_invalid(&err, "segment.expression");
    assert!(
        err.message().contains("column"),
        "position given: {}",
        err.message()
    );

    // The rejected request stored nothing: its idempotency key creates a new segment now.
    let created = h
        .clients
        .segment
        .create_segment(CreateSegmentRequest {
            segment: Some(Segment {
                display_name: "Adults".into(),
                expression: "has(traits.age) && traits.age >= 18".into(),
                ..Default::default()
            }),
            idempotency_key: "seg-key-1".into(),
        })
        .await?
        .into_inner()
        .segment
        .expect("segment");
    assert_eq!(created.display_name, "Adults");

    let err = h
        .clients
        .decisioning
        .create_offer(CreateOfferRequest {
            offer: Some(Offer {
                display_name: "Broken".into(),
                eligibility: "traits.country ==".into(),
                value: 1.0,
                ..Default::default()
            }),
            idempotency_key: "offer-key-1".into(),
        })
        .await
        .expect_err("bad CEL");
    assert_invalid(&err, "offer.eligibility");
    h.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_journey_is_not_found() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let err = h
        .clients
        .journey
        .get_journey(GetJourneyRequest {
            journey_id: "j_missing".into(),
        })
        .await
        .expect_err("unknown journey");
    assert_eq!(err.code(), Code::NotFound, "{err:?}");
    assert!(err.message().contains("j_missing"));
    let err = h
        .clients
        .journey
        .publish_journey(PublishJourneyRequest {
            journey_id: "j_missing".into(),
        })
        .await
        .expect_err("unknown journey");
    assert_eq!(err.code(), Code::NotFound, "{err:?}");
    h.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_or_invalid_api_keys_are_unauthenticated_and_change_nothing() -> anyhow::Result<()>
{
    let h = Harness::start().await?;
    for key in ["", "not-a-real-key"] {
        let mut c = h.clients_with_key(key)?;
        let err = demo::track_signup(&mut c, "evt-noauth", "fay@example.com", "Fay")
            .await
            .expect_err("rejected");
        let status = err.downcast_ref::<tonic::Status>().expect("grpc status");
        assert_eq!(
            status.code(),
            Code::Unauthenticated,
            "key {key:?}: {status:?}"
        );
        let err = c
            .journey
            .get_journey(GetJourneyRequest {
                journey_id: "j_x".into(),
            })
            .await
            .expect_err("rejected");
        assert_eq!(err.code(), Code::Unauthenticated);
    }
    let mut c = h.clients.clone();
    let ok = demo::track_signup(&mut c, "evt-noauth", "fay@example.com", "Fay").await?;
    assert!(
        ok.created && !ok.duplicate,
        "the rejected calls stored nothing"
    );
    let _ = demo::load_sample(&mut c, Duration::from_secs(1)).await?;
    h.stop().await
}
