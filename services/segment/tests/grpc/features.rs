//! Computed traits, segments of segments, versions and recomputes, the membership
//! API and preview, over gRPC with a real Redis and database (and a manual clock where
//! time matters).

use std::sync::Arc;

use futures::StreamExt as _;
use omni_common::clock::{Clock as _, ManualClock};
use omni_common::convert::{json_to_struct, struct_to_json};
use omni_proto::segment::v1::{Aggregation, MembershipChangeReason, RecomputeState};

use super::*;

const DAY_MS: i64 = 24 * 3_600_000;
/// 2024-03-01T00:00:00Z.
const START_MS: i64 = 1_709_251_200_000;

fn window_days(days: i64) -> Option<prost_types::Duration> {
    Some(prost_types::Duration {
        seconds: days * 86_400,
        nanos: 0,
    })
}

fn ct(
    name: &str,
    aggregation: Aggregation,
    event_type: &str,
    property: &str,
    window: Option<prost_types::Duration>,
) -> pb::ComputedTrait {
    pb::ComputedTrait {
        name: name.into(),
        aggregation: aggregation.into(),
        event_type: event_type.into(),
        property: property.into(),
        window,
        ..Default::default()
    }
}

impl Harness {
    async fn create_trait(&mut self, t: pb::ComputedTrait) -> Result<pb::ComputedTrait, Status> {
        Ok(self
            .client
            .create_computed_trait(pb::CreateComputedTraitRequest {
                computed_trait: Some(t),
                idempotency_key: String::new(),
            })
            .await?
            .into_inner()
            .computed_trait
            .expect("computed trait in response"))
    }

    /// Writes the profile as identity would (at `time_ms`), then publishes
    /// `EventIngested` with `properties`.
    async fn track_at(
        &self,
        customer: &str,
        event_id: &str,
        event_type: &str,
        traits: serde_json::Value,
        properties: serde_json::Value,
        time_ms: i64,
    ) -> anyhow::Result<EventIngested> {
        let (serde_json::Value::Object(traits), serde_json::Value::Object(properties)) =
            (traits, properties)
        else {
            anyhow::bail!("traits and properties must be objects")
        };
        self.profiles
            .apply(
                WS,
                customer,
                &ProfileUpdate {
                    traits: traits.clone(),
                    identifiers: vec![("user_id".into(), customer.into())],
                    event_type: Some(event_type.into()),
                    time_ms,
                },
            )
            .await?;
        let msg = EventIngested {
            workspace_id: WS.into(),
            customer_id: customer.into(),
            event: Some(Event {
                event_id: event_id.into(),
                r#type: event_type.into(),
                time: Some(omni_common::convert::to_timestamp(time_ms)),
                properties: Some(json_to_struct(&properties)),
                traits: (!traits.is_empty()).then(|| json_to_struct(&traits)),
                ..Default::default()
            }),
            merged_customer_ids: Vec::new(),
        };
        self.bus.publish(Topic::EventIngested, &msg).await?;
        Ok(msg)
    }

    async fn values(&mut self, customer: &str) -> anyhow::Result<serde_json::Value> {
        let values = self
            .client
            .get_computed_trait_values(pb::GetComputedTraitValuesRequest {
                customer_id: customer.into(),
            })
            .await?
            .into_inner()
            .values
            .unwrap_or_default();
        Ok(serde_json::Value::Object(struct_to_json(&values)))
    }

    pub(super) async fn member_ids(&mut self, customer: &str) -> anyhow::Result<Vec<String>> {
        let mut ids: Vec<String> = self
            .memberships(customer)
            .await?
            .into_iter()
            .map(|m| m.segment_id)
            .collect();
        ids.sort();
        Ok(ids)
    }

    async fn update(
        &mut self,
        id: &str,
        expression: &str,
        expected_version: i64,
    ) -> Result<pb::UpdateSegmentResponse, Status> {
        Ok(self
            .client
            .update_segment(pb::UpdateSegmentRequest {
                segment: Some(pb::Segment {
                    segment_id: id.into(),
                    expression: expression.into(),
                    ..Default::default()
                }),
                expected_version,
            })
            .await?
            .into_inner())
    }

    pub(super) async fn wait_recompute(&self, id: &str) -> anyhow::Result<pb::Recompute> {
        eventually(WAIT, || {
            let mut client = self.client.clone();
            let id = id.to_owned();
            async move {
                let r = client
                    .get_recompute(pb::GetRecomputeRequest { recompute_id: id })
                    .await?
                    .into_inner()
                    .recompute
                    .context("recompute")?;
                anyhow::Ok((r.state != RecomputeState::Running as i32).then_some(r))
            }
        })
        .await
    }
}

fn assert_invalid(err: &Status, field: &str, text: &str) {
    assert_eq!(err.code(), Code::InvalidArgument, "{err:?}");
    assert!(
        err.message().starts_with(&format!("{field}: ")),
        "{}",
        err.message()
    );
    assert!(err.message().contains(text), "{}", err.message());
    let details = tonic_types::StatusExt::get_error_details(err);
    let bad = details.bad_request().expect("bad request details");
    assert_eq!(bad.field_violations[0].field, field);
}

#[tokio::test]
async fn computed_traits_are_validated_stored_and_listed() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let created = h
        .create_trait(ct(
            "purchases_30d",
            Aggregation::Count,
            "purchase",
            "",
            window_days(30),
        ))
        .await?;
    assert!(created.computed_trait_id.starts_with("ct_"));
    assert_eq!(created.window, window_days(30));
    let got = h
        .client
        .get_computed_trait(pb::GetComputedTraitRequest {
            computed_trait_id: created.computed_trait_id.clone(),
        })
        .await?
        .into_inner()
        .computed_trait;
    assert_eq!(got.as_ref(), Some(&created));

    let bad = [
        (
            ct("30d", Aggregation::Count, "", "", None),
            "computed_trait.name",
            "lower-case",
        ),
        (
            ct("x", Aggregation::Unspecified, "", "", None),
            "computed_trait.aggregation",
            "required",
        ),
        (
            ct("x", Aggregation::Sum, "purchase", "", None),
            "computed_trait.property",
            "required for sum",
        ),
        (
            ct(
                "x",
                Aggregation::Count,
                "",
                "",
                Some(prost_types::Duration {
                    seconds: 90,
                    nanos: 0,
                }),
            ),
            "computed_trait.window",
            "whole",
        ),
        (
            pb::ComputedTrait {
                filter: "properties.amount >".into(),
                ..ct("x", Aggregation::Count, "", "", None)
            },
            "computed_trait.filter",
            "line 1, column",
        ),
        (
            pb::ComputedTrait {
                filter: "traits.vip".into(),
                ..ct("x", Aggregation::Count, "", "", None)
            },
            "computed_trait.filter",
            "unknown variable `traits`",
        ),
    ];
    for (t, field, text) in bad {
        let err = h.create_trait(t).await.expect_err("invalid trait");
        assert_invalid(&err, field, text);
    }
    let dup = h
        .create_trait(ct("purchases_30d", Aggregation::Exists, "", "", None))
        .await
        .expect_err("duplicate name");
    assert_eq!(dup.code(), Code::AlreadyExists);

    let listed = h
        .client
        .list_computed_traits(pb::ListComputedTraitsRequest {})
        .await?
        .into_inner()
        .computed_traits;
    assert_eq!(listed, [created]);
    h.stop().await
}

#[tokio::test]
async fn computed_traits_update_on_each_event_and_drive_segments() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    h.create_trait(ct(
        "purchases_30d",
        Aggregation::Count,
        "purchase",
        "",
        window_days(30),
    ))
    .await?;
    h.create_trait(pb::ComputedTrait {
        filter: "properties.currency == 'EUR'".into(),
        ..ct(
            "eur_spend",
            Aggregation::Sum,
            "purchase",
            "order.amount",
            None,
        )
    })
    .await?;
    h.create_trait(ct(
        "avg_amount",
        Aggregation::Avg,
        "purchase",
        "order.amount",
        None,
    ))
    .await?;
    h.create_trait(ct(
        "min_amount",
        Aggregation::Min,
        "purchase",
        "order.amount",
        None,
    ))
    .await?;
    h.create_trait(ct(
        "max_amount",
        Aggregation::Max,
        "purchase",
        "order.amount",
        None,
    ))
    .await?;
    h.create_trait(ct("first_sku", Aggregation::First, "purchase", "sku", None))
        .await?;
    h.create_trait(ct("last_sku", Aggregation::Last, "purchase", "sku", None))
        .await?;
    h.create_trait(ct(
        "skus",
        Aggregation::DistinctCount,
        "purchase",
        "sku",
        None,
    ))
    .await?;
    h.create_trait(ct(
        "ever_viewed",
        Aggregation::Exists,
        "page_view",
        "",
        None,
    ))
    .await?;
    let twice = h
        .create("Bought twice in 30 days", "computed.purchases_30d >= 2", "")
        .await?;
    assert_eq!(twice.depends_on_computed_traits, ["purchases_30d"]);

    let now = chrono::Utc::now().timestamp_millis();
    let c = "c_buyer";
    h.track_at(
        c,
        "p1",
        "purchase",
        json!({}),
        json!({"order": {"amount": 10}, "currency": "EUR", "sku": "A"}),
        now - 2_000,
    )
    .await?;
    h.track_at(c, "v1", "page_view", json!({}), json!({}), now - 1_500)
        .await?;
    let second = h
        .track_at(
            c,
            "p2",
            "purchase",
            json!({}),
            json!({"order": {"amount": 30.5}, "currency": "USD", "sku": "B"}),
            now - 1_000,
        )
        .await?;
    let entered = next_change(&mut changes).await?;
    assert_eq!(
        (
            entered.segment_id.as_str(),
            entered.entered,
            entered.cause_event_id.as_str()
        ),
        (twice.segment_id.as_str(), true, "p2")
    );
    // (A protobuf Struct carries whole doubles as integers.)
    let expected = json!({
        "purchases_30d": 2, "eur_spend": 10, "avg_amount": 20.25, "min_amount": 10,
        "max_amount": 30.5, "first_sku": "A", "last_sku": "B", "skus": 2, "ever_viewed": true,
    });
    assert_eq!(h.values(c).await?, expected);
    // Written where other services read the profile.
    let stored = h.profiles.computed(WS, c).await?;
    assert_eq!(stored.len(), 9);
    assert_eq!(stored["eur_spend"].as_f64(), Some(10.0));
    assert_eq!(stored["avg_amount"], json!(20.25));
    assert_eq!(stored["purchases_30d"], json!(2));
    assert_eq!(stored["last_sku"], json!("B"));

    // A redelivered event is not counted twice.
    h.bus.publish(Topic::EventIngested, &second).await?;
    h.track_at(
        c,
        "p3",
        "purchase",
        json!({}),
        json!({"order": {"amount": 1}, "currency": "EUR", "sku": "A"}),
        now,
    )
    .await?;
    let values = eventually(WAIT, || {
        let mut client = h.client.clone();
        async move {
            let v = client
                .get_computed_trait_values(pb::GetComputedTraitValuesRequest {
                    customer_id: c.into(),
                })
                .await?
                .into_inner()
                .values
                .unwrap_or_default();
            let v = serde_json::Value::Object(struct_to_json(&v));
            anyhow::Ok((v["last_sku"] == json!("A")).then_some(v))
        }
    })
    .await?;
    assert_eq!(values["purchases_30d"], json!(3));
    assert_eq!(values["eur_spend"], json!(11));
    assert_eq!(values["skus"], json!(2));
    assert_eq!(values["min_amount"], json!(1));
    h.stop().await
}

#[tokio::test]
async fn a_window_expiring_without_events_changes_membership() -> anyhow::Result<()> {
    let clock = Arc::new(ManualClock::new(START_MS));
    let mut h = Harness::start_with_clock(clock.clone()).await?;
    let mut changes = h.watch_changes();
    h.create_trait(ct(
        "purchases_30d",
        Aggregation::Count,
        "purchase",
        "",
        window_days(30),
    ))
    .await?;
    let lapsed = h
        .create(
            "No purchase in 30 days",
            "has(events.purchase) && computed.purchases_30d == 0",
            "",
        )
        .await?;
    let recent = h
        .create("Recent buyers", "computed.purchases_30d >= 1", "")
        .await?;
    let mut watch = h
        .client
        .watch_membership(pb::WatchMembershipRequest {
            segment_id: lapsed.segment_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();

    h.track_at("c_lapse", "p1", "purchase", json!({}), json!({}), START_MS)
        .await?;
    let first = next_change(&mut changes).await?;
    assert_eq!(
        (first.segment_id.as_str(), first.entered),
        (recent.segment_id.as_str(), true)
    );

    // Day 29: still within the window; the schedule fires nothing.
    clock.set_ms(START_MS + 29 * DAY_MS);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        h.member_ids("c_lapse").await?,
        std::slice::from_ref(&recent.segment_id)
    );

    // Day 31, no event: the scheduled re-evaluation moves the customer.
    clock.set_ms(START_MS + 31 * DAY_MS);
    let mut seen = [
        next_change(&mut changes).await?,
        next_change(&mut changes).await?,
    ];
    seen.sort_by_key(|c| c.entered);
    assert_eq!(
        (seen[0].segment_id.as_str(), seen[0].entered),
        (recent.segment_id.as_str(), false)
    );
    assert_eq!(
        (seen[1].segment_id.as_str(), seen[1].entered),
        (lapsed.segment_id.as_str(), true)
    );
    assert!(seen.iter().all(|c| c.cause_event_id.is_empty()));
    assert_eq!(
        seen[1]
            .time
            .as_ref()
            .map(omni_common::convert::from_timestamp),
        Some(START_MS + 31 * DAY_MS)
    );
    let transition = tokio::time::timeout(WAIT, watch.next())
        .await?
        .context("watch ended")??
        .transition
        .context("transition")?;
    assert_eq!(
        transition.reason,
        MembershipChangeReason::WindowExpired as i32
    );
    assert!(transition.entered);
    assert_eq!(h.values("c_lapse").await?["purchases_30d"], json!(0));
    assert_eq!(
        h.member_ids("c_lapse").await?,
        std::slice::from_ref(&lapsed.segment_id)
    );

    // A new purchase brings the customer back at once.
    h.track_at(
        "c_lapse",
        "p2",
        "purchase",
        json!({}),
        json!({}),
        clock.now_ms(),
    )
    .await?;
    let mut back = [
        next_change(&mut changes).await?,
        next_change(&mut changes).await?,
    ];
    back.sort_by_key(|c| c.entered);
    assert_eq!(
        (back[0].segment_id.as_str(), back[0].cause_event_id.as_str()),
        (lapsed.segment_id.as_str(), "p2")
    );
    assert_eq!(back[1].segment_id, recent.segment_id);
    h.stop().await
}

#[tokio::test]
async fn segments_of_segments_follow_in_order_and_bad_references_are_rejected() -> anyhow::Result<()>
{
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let gold = h.create("Gold", "traits.tier == 'gold'", "").await?;
    let korean_gold = h
        .create(
            "Korean gold",
            &format!(
                "'{}' in segments && traits.country == 'KR'",
                gold.segment_id
            ),
            "",
        )
        .await?;
    assert_eq!(
        korean_gold.depends_on_segment_ids,
        std::slice::from_ref(&gold.segment_id)
    );
    let not_gold = h
        .create(
            "Not gold",
            &format!("!('{}' in segments)", gold.segment_id),
            "",
        )
        .await?;

    h.track(
        "c_kr",
        "e1",
        "signup",
        json!({"tier": "silver", "country": "KR"}),
        &[],
    )
    .await?;
    let first = next_change(&mut changes).await?;
    assert_eq!(
        (first.segment_id.as_str(), first.entered),
        (not_gold.segment_id.as_str(), true)
    );
    h.track("c_kr", "e2", "upgrade", json!({"tier": "gold"}), &[])
        .await?;
    let order: Vec<(String, bool)> = vec![
        next_change(&mut changes).await?,
        next_change(&mut changes).await?,
        next_change(&mut changes).await?,
    ]
    .into_iter()
    .map(|c| (c.segment_id, c.entered))
    .collect();
    assert_eq!(
        order,
        [
            (gold.segment_id.clone(), true),
            (korean_gold.segment_id.clone(), true),
            (not_gold.segment_id.clone(), false)
        ]
    );

    let err = h
        .create("Bad", "'seg_nope' in segments", "")
        .await
        .expect_err("unknown segment");
    assert_invalid(
        &err,
        "segment.expression",
        "line 1, column 1: unknown segment `seg_nope`",
    );
    let err = h
        .create("Bad", "traits.a == 1 && computed.nope > 1", "")
        .await
        .expect_err("unknown computed trait");
    assert_invalid(
        &err,
        "segment.expression",
        "column 18: unknown computed trait `nope`",
    );
    let err = h
        .create("Bad", "size(segments) > 1", "")
        .await
        .expect_err("opaque use of segments");
    assert_invalid(&err, "segment.expression", "may only be read as");
    let err = h
        .update(
            &gold.segment_id,
            &format!("'{}' in segments", korean_gold.segment_id),
            0,
        )
        .await
        .expect_err("cycle");
    assert_invalid(&err, "segment.expression", "depend on itself");
    assert_eq!(h.count_segments_named("Bad").await?, 0);
    h.stop().await
}

#[tokio::test]
async fn an_edit_keeps_versions_and_recomputes_everyone() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let seg = h.create("Tier", "traits.tier == 'gold'", "").await?;
    h.track("c_gold", "e1", "signup", json!({"tier": "gold"}), &[])
        .await?;
    h.track("c_silver", "e2", "signup", json!({"tier": "silver"}), &[])
        .await?;
    let first = next_change(&mut changes).await?;
    assert_eq!(
        (first.customer_id.as_str(), first.entered),
        ("c_gold", true)
    );
    // Both events handled (the worker takes them in order) before the edit.
    h.track("c_marker", "e3", "signup", json!({"tier": "gold"}), &[])
        .await?;
    assert_eq!(next_change(&mut changes).await?.customer_id, "c_marker");

    let stale = h
        .update(&seg.segment_id, "traits.tier == 'silver'", 7)
        .await
        .expect_err("stale version");
    assert_eq!(stale.code(), Code::FailedPrecondition);
    let err = h
        .update(&seg.segment_id, "traits.tier ==", 0)
        .await
        .expect_err("bad CEL");
    assert_invalid(&err, "segment.expression", "line 1");

    let updated = h
        .update(&seg.segment_id, "traits.tier == 'silver'", 1)
        .await?;
    let segment = updated.segment.context("segment")?;
    assert_eq!(
        (segment.version, segment.display_name.as_str()),
        (2, "Tier")
    );
    let recompute = updated.recompute.context("recompute")?;
    assert_eq!(recompute.segment_version, 2);
    let done = h.wait_recompute(&recompute.recompute_id).await?;
    assert_eq!(done.state, RecomputeState::Succeeded as i32, "{done:?}");
    assert_eq!(
        (done.total, done.processed, done.entered, done.exited),
        (3, 3, 1, 2)
    );
    assert!(done.finish_time.is_some());
    assert_eq!(
        h.member_ids("c_silver").await?,
        std::slice::from_ref(&seg.segment_id)
    );
    assert!(h.member_ids("c_gold").await?.is_empty());

    let mut moved: Vec<(String, bool, i64)> = Vec::new();
    for _ in 0..3 {
        let c = next_change(&mut changes).await?;
        moved.push((c.customer_id, c.entered, c.segment_version));
    }
    moved.sort();
    assert_eq!(
        moved,
        [
            ("c_gold".to_owned(), false, 2),
            ("c_marker".to_owned(), false, 2),
            ("c_silver".to_owned(), true, 2)
        ]
    );

    let v1 = h
        .client
        .get_segment(pb::GetSegmentRequest {
            segment_id: seg.segment_id.clone(),
            version: 1,
        })
        .await?
        .into_inner()
        .segment
        .context("v1")?;
    assert_eq!(v1.expression, "traits.tier == 'gold'");
    let versions = h
        .client
        .list_segment_versions(pb::ListSegmentVersionsRequest {
            segment_id: seg.segment_id.clone(),
        })
        .await?
        .into_inner()
        .versions;
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [1, 2]
    );
    let listed = h
        .client
        .list_segments(pb::ListSegmentsRequest {})
        .await?
        .into_inner()
        .segments;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].version, 2);

    // A recompute on request changes nothing more.
    let again = h
        .client
        .recompute_segment(pb::RecomputeSegmentRequest {
            segment_id: seg.segment_id.clone(),
        })
        .await?
        .into_inner()
        .recompute
        .context("recompute")?;
    let again = h.wait_recompute(&again.recompute_id).await?;
    assert_eq!((again.processed, again.entered, again.exited), (3, 0, 0));
    let missing = h
        .client
        .get_recompute(pb::GetRecomputeRequest {
            recompute_id: "rc_missing".into(),
        })
        .await
        .expect_err("unknown recompute");
    assert_eq!(missing.code(), Code::NotFound);
    h.stop().await
}

#[tokio::test]
async fn members_stream_watch_reports_reasons_and_sizes_are_kept_per_day() -> anyhow::Result<()> {
    let clock = Arc::new(ManualClock::new(START_MS + 12 * 3_600_000));
    let mut h = Harness::start_with_clock(clock.clone()).await?;
    let mut changes = h.watch_changes();
    let seg = h.create("Gold", "traits.tier == 'gold'", "").await?;
    let mut watch = h
        .client
        .watch_membership(pb::WatchMembershipRequest {
            customer_id: "c_2".into(),
            ..Default::default()
        })
        .await?
        .into_inner();
    for i in 1..=3 {
        h.track_at(
            &format!("c_{i}"),
            &format!("e{i}"),
            "signup",
            json!({"tier": "gold"}),
            json!({}),
            clock.now_ms(),
        )
        .await?;
        next_change(&mut changes).await?;
    }
    let mut streamed = h
        .client
        .list_members(pb::ListMembersRequest {
            segment_id: seg.segment_id.clone(),
            batch_size: 1,
        })
        .await?
        .into_inner();
    let mut members = Vec::new();
    while let Some(batch) = streamed.next().await {
        members.extend(batch?.members);
    }
    let mut ids: Vec<_> = members.iter().map(|m| m.customer_id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["c_1", "c_2", "c_3"]);
    assert!(members.iter().all(|m| {
        m.enter_time
            .as_ref()
            .map(omni_common::convert::from_timestamp)
            == Some(clock.now_ms())
    }));

    let w = tokio::time::timeout(WAIT, watch.next())
        .await?
        .context("watch")??;
    let t = w.transition.context("transition")?;
    assert_eq!(
        (t.customer_id.as_str(), t.entered, t.cause_event_id.as_str()),
        ("c_2", true, "e2")
    );
    assert_eq!(t.reason, MembershipChangeReason::Event as i32);
    assert!(!w.cursor.is_empty());

    // Next day, one customer leaves.
    clock.advance_ms(DAY_MS);
    h.track_at(
        "c_1",
        "e4",
        "downgrade",
        json!({"tier": "silver"}),
        json!({}),
        clock.now_ms(),
    )
    .await?;
    assert!(!next_change(&mut changes).await?.entered);
    let sizes = h
        .client
        .get_segment_size_history(pb::GetSegmentSizeHistoryRequest {
            segment_id: seg.segment_id.clone(),
            days: 7,
        })
        .await?
        .into_inner()
        .sizes;
    let sizes: Vec<(&str, i64)> = sizes.iter().map(|s| (s.date.as_str(), s.size)).collect();
    assert_eq!(sizes, [("2024-03-01", 3), ("2024-03-02", 2)]);

    // Resuming after the first cursor replays the later transitions of c_2 only.
    let mut resumed = h
        .client
        .watch_membership(pb::WatchMembershipRequest {
            after_cursor: "0-0".into(),
            segment_id: seg.segment_id.clone(),
            customer_id: "c_1".into(),
        })
        .await?
        .into_inner();
    let mut c1 = Vec::new();
    for _ in 0..2 {
        let t = tokio::time::timeout(WAIT, resumed.next())
            .await?
            .context("watch")??;
        c1.push(t.transition.context("transition")?.entered);
    }
    assert_eq!(c1, [true, false]);

    let bad_cursor = h
        .client
        .watch_membership(pb::WatchMembershipRequest {
            after_cursor: "yesterday".into(),
            ..Default::default()
        })
        .await
        .expect_err("bad cursor");
    assert_invalid(&bad_cursor, "after_cursor", "cursor");
    let bad_days = h
        .client
        .get_segment_size_history(pb::GetSegmentSizeHistoryRequest {
            segment_id: seg.segment_id.clone(),
            days: 1000,
        })
        .await
        .expect_err("too many days");
    assert_invalid(&bad_days, "days", "between");
    let missing = h
        .client
        .list_members(pb::ListMembersRequest {
            segment_id: "seg_missing".into(),
            batch_size: 0,
        })
        .await
        .expect_err("unknown segment");
    assert_eq!(missing.code(), Code::NotFound);
    h.stop().await
}

#[tokio::test]
async fn preview_counts_and_samples_an_unsaved_expression() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    h.create_trait(ct("purchases", Aggregation::Count, "purchase", "", None))
        .await?;
    let marker = h.create("Everyone", "true", "").await?;
    for (i, country) in ["KR", "KR", "FR"].iter().enumerate() {
        h.track_at(
            &format!("c_{i}"),
            &format!("e{i}"),
            "purchase",
            json!({"country": country}),
            json!({}),
            chrono::Utc::now().timestamp_millis(),
        )
        .await?;
        assert_eq!(
            next_change(&mut changes).await?.segment_id,
            marker.segment_id
        );
    }
    let preview = |expression: &str, sample_size: i32| {
        let mut client = h.client.clone();
        let expression = expression.to_owned();
        async move {
            client
                .preview_segment(pb::PreviewSegmentRequest {
                    expression,
                    sample_size,
                })
                .await
                .map(tonic::Response::into_inner)
        }
    };
    let kr = preview("traits.country == 'KR' && computed.purchases >= 1", 1).await?;
    assert_eq!(
        (kr.member_count, kr.evaluated_count, kr.error_count),
        (2, 3, 0)
    );
    assert_eq!(kr.sample_customer_ids.len(), 1);
    assert!(["c_0", "c_1"].contains(&kr.sample_customer_ids[0].as_str()));
    let all = preview(&format!("'{}' in segments", marker.segment_id), 0).await?;
    assert_eq!(all.sample_customer_ids, ["c_0", "c_1", "c_2"]);
    let missing_trait = preview("traits.age > 1", 0).await?;
    assert_eq!(
        (missing_trait.member_count, missing_trait.error_count),
        (0, 3)
    );

    let err = preview("traits.country ==", 0).await.expect_err("bad CEL");
    assert_invalid(&err, "expression", "line 1");
    let err = preview("computed.nope == 1", 0)
        .await
        .expect_err("unknown trait");
    assert_invalid(&err, "expression", "unknown computed trait `nope`");
    let err = preview("true", 500).await.expect_err("sample too large");
    assert_invalid(&err, "sample_size", "between");
    h.stop().await
}

#[tokio::test]
async fn a_recompute_racing_the_event_stream_ends_like_a_serial_run() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let seg = h.create("High score", "traits.score >= 50", "").await?;
    const N: i64 = 40;
    for i in 0..N {
        h.track(
            &format!("c_{i}"),
            &format!("a{i}"),
            "score",
            json!({"score": i * 2}),
            &[],
        )
        .await?;
    }
    // The edit's recompute runs while a second wave of events changes every score.
    let updated = h.update(&seg.segment_id, "traits.score >= 30", 0).await?;
    for i in 0..N {
        h.track(
            &format!("c_{i}"),
            &format!("b{i}"),
            "score",
            json!({"score": 100 - i * 3}),
            &[],
        )
        .await?;
    }
    let recompute = h
        .wait_recompute(&updated.recompute.context("recompute")?.recompute_id)
        .await?;
    assert_eq!(recompute.state, RecomputeState::Succeeded as i32);

    let expected: Vec<bool> = (0..N).map(|i| 100 - i * 3 >= 30).collect();
    let final_state = eventually(WAIT, || {
        let client = h.client.clone();
        let expected = expected.clone();
        async move {
            let mut state = Vec::new();
            for i in 0..N {
                let m = client
                    .clone()
                    .get_memberships(pb::GetMembershipsRequest {
                        customer_id: format!("c_{i}"),
                    })
                    .await?
                    .into_inner()
                    .memberships;
                state.push(!m.is_empty());
            }
            anyhow::Ok((state == expected).then_some(state))
        }
    })
    .await?;
    assert_eq!(final_state, expected);

    // No transition was lost or doubled: each customer's stream alternates and ends in
    // its final state.
    let mut per_customer: std::collections::BTreeMap<String, Vec<bool>> = Default::default();
    while let Ok(Some(c)) = tokio::time::timeout(Duration::from_millis(500), changes.recv()).await {
        per_customer
            .entry(c.customer_id)
            .or_default()
            .push(c.entered);
    }
    for i in 0..N {
        let seq = per_customer.remove(&format!("c_{i}")).unwrap_or_default();
        for (k, entered) in seq.iter().enumerate() {
            assert_eq!(*entered, k % 2 == 0, "c_{i}: {seq:?}");
        }
        assert_eq!(
            seq.last().copied().unwrap_or(false),
            expected[i as usize],
            "c_{i}: {seq:?}"
        );
    }
    h.stop().await
}

/// Many customers' events published back to back reach the worker in batches; each
/// customer's events must still be applied in order, once each, while customers are
/// evaluated concurrently: the final membership follows each customer's last event,
/// and every customer's transitions alternate enter/exit with none doubled.
#[tokio::test]
async fn batched_events_of_many_customers_apply_in_order_per_customer() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    h.create_trait(ct("last_sku", Aggregation::Last, "purchase", "sku", None))
        .await?;
    let seg = h
        .create("Last bought B", "computed.last_sku == 'B'", "")
        .await?;
    let customers = 40;
    let rounds = 6;
    let now = chrono::Utc::now().timestamp_millis();
    // Round r: sku B on even rounds, A on odd; the last round (odd) leaves odd
    // customers on A, and even customers get one extra B at the end.
    for r in 0..rounds {
        for c in 0..customers {
            let sku = if r % 2 == 0 { "B" } else { "A" };
            h.track_at(
                &format!("c_batch_{c}"),
                &format!("e_{c}_{r}"),
                "purchase",
                json!({}),
                json!({ "sku": sku }),
                now - 10_000 + (r * 100) as i64,
            )
            .await?;
        }
    }
    for c in (0..customers).step_by(2) {
        h.track_at(
            &format!("c_batch_{c}"),
            &format!("e_{c}_last"),
            "purchase",
            json!({}),
            json!({ "sku": "B" }),
            now - 1_000,
        )
        .await?;
    }
    // Every customer entered on round 0 and left on round 1, ..., so the expected
    // transitions are: rounds (6) changes each, plus one more enter for even customers.
    let expected_total = customers * rounds + customers / 2;
    let mut per_customer: std::collections::HashMap<String, Vec<bool>> = Default::default();
    for _ in 0..expected_total {
        let change = next_change(&mut changes).await?;
        assert_eq!(change.segment_id, seg.segment_id);
        per_customer
            .entry(change.customer_id)
            .or_default()
            .push(change.entered);
    }
    for c in 0..customers {
        let id = format!("c_batch_{c}");
        let seen = per_customer.get(&id).cloned().unwrap_or_default();
        let want: Vec<bool> = (0..rounds + usize::from(c % 2 == 0))
            .map(|i| i % 2 == 0)
            .collect();
        assert_eq!(seen, want, "transitions of {id}");
        let member = h
            .memberships(&id)
            .await?
            .iter()
            .any(|m| m.segment_id == seg.segment_id);
        assert_eq!(member, c % 2 == 0, "final membership of {id}");
    }
    Ok(())
}
