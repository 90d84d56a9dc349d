//! BestSendTime over gRPC: clicks recorded by RecordOutcome feed the histogram, read
//! in the customer's time zone, with the workspace prior for customers without history.

use chrono::{TimeZone, Utc};
use omni_common::convert::{from_timestamp, to_timestamp};
use omni_proto::decisioning::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::{Harness, offer};

fn ms(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid time")
        .timestamp_millis()
}

#[tokio::test]
async fn clicks_teach_the_best_send_time_in_local_time() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_seoul", json!({"timezone": "Asia/Seoul"}))
        .await?;
    h.profile("c_new", json!({})).await?;
    let o = h.create(offer("o", "", 1.0, 1.0), "").await?;
    // Four clicks on Wednesdays at 20:xx Seoul time (11:xx UTC), over four weeks.
    for week in 0..4 {
        let d = h
            .decide(pb::DecideRequest {
                customer_id: "c_seoul".into(),
                ..Default::default()
            })
            .await?;
        h.client
            .record_outcome(pb::RecordOutcomeRequest {
                decision_id: d.decision_id,
                offer_id: o.offer_id.clone(),
                kind: pb::OutcomeKind::Click.into(),
                occur_time: Some(to_timestamp(ms(2024, 3, 6 + 7 * week, 11, 15))),
            })
            .await?;
    }
    let window_start = ms(2024, 4, 1, 0, 0); // Monday 09:00 in Seoul
    let best = h
        .client
        .best_send_time(pb::BestSendTimeRequest {
            customer_id: "c_seoul".into(),
            window_start: Some(to_timestamp(window_start)),
            window_end: Some(to_timestamp(window_start + 7 * 86_400_000)),
            time_zone: String::new(),
        })
        .await?
        .into_inner();
    assert_eq!(best.time_zone, "Asia/Seoul");
    assert_eq!(best.local_hour_of_week, 2 * 24 + 20);
    assert_eq!(best.customer_engagements, 4);
    // Wednesday 2024-04-03 20:00 KST = 11:00 UTC.
    assert_eq!(
        best.send_time.as_ref().map(from_timestamp),
        Some(ms(2024, 4, 3, 11, 0))
    );

    // A customer with no history gets the workspace prior (built from the same clicks),
    // read in the zone asked for.
    let cold = h
        .client
        .best_send_time(pb::BestSendTimeRequest {
            customer_id: "c_new".into(),
            window_start: Some(to_timestamp(window_start)),
            window_end: Some(to_timestamp(window_start + 7 * 86_400_000)),
            time_zone: "Asia/Seoul".into(),
        })
        .await?
        .into_inner();
    assert_eq!(cold.customer_engagements, 0);
    assert_eq!(cold.local_hour_of_week, 2 * 24 + 20);
    assert!(cold.reason.contains("weight 0%"), "{}", cold.reason);

    let err = h
        .client
        .best_send_time(pb::BestSendTimeRequest {
            customer_id: "c_new".into(),
            time_zone: "Mars/Olympus".into(),
            ..Default::default()
        })
        .await
        .expect_err("bad zone");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("time_zone"), "{}", err.message());
    let err = h
        .client
        .best_send_time(pb::BestSendTimeRequest {
            customer_id: "c_new".into(),
            window_start: Some(to_timestamp(window_start)),
            window_end: Some(to_timestamp(window_start + 30 * 86_400_000)),
            ..Default::default()
        })
        .await
        .expect_err("window too long");
    assert!(err.message().starts_with("window_end"), "{}", err.message());
    let err = h
        .client
        .best_send_time(pb::BestSendTimeRequest {
            customer_id: "c_nobody".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown customer");
    assert_eq!(err.code(), Code::NotFound);
    h.stop().await
}
