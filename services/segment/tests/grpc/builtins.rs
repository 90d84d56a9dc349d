//! Built-ins (lifecycle stage and RFM on a hand-computed data set) and recompute
//! take-over after a crash, over gRPC with a real Redis and database.

use std::collections::BTreeMap;
use std::sync::Arc;

use omni_common::clock::ManualClock;
use omni_profile_store::{ActivityUpdate, Purchase};
use omni_proto::segment::v1::{LifecycleStage, RecomputeState};

use super::*;

const DAY_MS: i64 = 24 * 3_600_000;
/// 2026-01-01T00:00:00Z.
const NOW_MS: i64 = 1_767_225_600_000;

/// One customer of the data set: first seen, orders, total revenue, last purchase
/// (days before now), and the expected stage and (R, F, M) with default settings.
struct Row {
    id: &'static str,
    first_seen_days: i64,
    orders: i64,
    revenue: i64,
    last_days: i64,
    stage: LifecycleStage,
    rfm: Option<(i32, i32, i32)>,
}

/// Ten buyers and three non-buyers. With n = 10 buyers a score is
/// 1 + floor(5·c/10) where c counts buyers with a strictly smaller value (an older
/// last purchase, fewer orders, less revenue):
///
/// | recency (days ago) | 365 200 170 100 95 60 30 10 2 1 | R 1 1 2 2 3 3 4 4 5 5 |
/// | orders             | 1 1 2 2 3 3 4 5 6 8              | F 1 1 2 2 3 3 4 4 5 5 |
///
/// (cut-offs: the 2nd, 4th, 6th and 8th smallest values),
/// | revenue            | 10 20 40 50 80 120 250 300 600 900 | M 1 1 2 2 3 3 4 4 5 5 |
///
/// Stages (new 30 d, active 90 d, dormant 180 d, loyal 5 orders): first seen ≤ 30 d
/// with ≤ 1 order is new; last purchase ≤ 90 d active, loyal with ≥ 5 orders; else
/// ≤ 180 d since the last purchase (or first sighting, never having bought) at risk;
/// else dormant.
fn data_set() -> Vec<Row> {
    use LifecycleStage::{Active, AtRisk, Dormant, Loyal, New};
    let row = |id, first_seen_days, orders, revenue, last_days, stage, rfm| Row {
        id,
        first_seen_days,
        orders,
        revenue,
        last_days,
        stage,
        rfm,
    };
    vec![
        row("c_new0", 10, 0, 0, 0, New, None),
        row("c_new1", 5, 1, 20, 2, New, Some((5, 1, 1))),
        row("c_active", 400, 2, 50, 10, Active, Some((4, 2, 2))),
        row("c_loyal", 500, 6, 600, 30, Loyal, Some((4, 5, 5))),
        row("c_loyal2", 300, 8, 900, 1, Loyal, Some((5, 5, 5))),
        row("c_mid1", 200, 5, 250, 60, Loyal, Some((3, 4, 4))),
        row("c_mid2", 250, 3, 80, 95, AtRisk, Some((3, 3, 3))),
        row("c_risk", 400, 3, 120, 100, AtRisk, Some((2, 3, 3))),
        row("c_risk2", 600, 4, 300, 170, AtRisk, Some((2, 4, 4))),
        row("c_dormant", 700, 1, 10, 200, Dormant, Some((1, 1, 1))),
        row("c_dormant2", 900, 2, 40, 365, Dormant, Some((1, 2, 2))),
        row("c_browse", 100, 0, 0, 0, AtRisk, None),
        row("c_ghost", 400, 0, 0, 0, Dormant, None),
    ]
}

impl Harness {
    /// Writes a customer's history as identity would (a signup at first sight, then
    /// the purchases, the last one carrying the revenue), then publishes the last
    /// event.
    async fn seed(&self, r: &Row) -> anyhow::Result<()> {
        let first = NOW_MS - r.first_seen_days * DAY_MS;
        let mut events = vec![("signup", first, None)];
        for k in 0..r.orders {
            let last = k == r.orders - 1;
            let time = if last {
                NOW_MS - r.last_days * DAY_MS
            } else {
                first + k
            };
            let revenue = if last { r.revenue * 1_000_000 } else { 0 };
            events.push(("purchase", time, Some(revenue)));
        }
        let mut last_event = None;
        for (n, (kind, time, revenue)) in events.into_iter().enumerate() {
            self.profiles
                .apply_with_activity(
                    WS,
                    r.id,
                    &ProfileUpdate {
                        traits: serde_json::Map::new(),
                        identifiers: vec![("user_id".into(), r.id.into())],
                        event_type: Some(kind.into()),
                        time_ms: time,
                    },
                    &ActivityUpdate {
                        purchase: revenue.map(|revenue_micros| Purchase {
                            revenue_micros,
                            time_ms: time,
                            product_ids: Vec::new(),
                        }),
                        ..ActivityUpdate::default()
                    },
                )
                .await?;
            last_event = Some(Event {
                event_id: format!("{}-{n}", r.id),
                r#type: kind.into(),
                time: Some(omni_common::convert::to_timestamp(time)),
                ..Default::default()
            });
        }
        let msg = EventIngested {
            workspace_id: WS.into(),
            customer_id: r.id.into(),
            event: last_event,
            merged_customer_ids: Vec::new(),
        };
        self.bus.publish(Topic::EventIngested, &msg).await?;
        Ok(())
    }

    async fn builtins(&mut self, customer: &str) -> Result<pb::CustomerBuiltins, Status> {
        Ok(self
            .client
            .get_customer_builtins(pb::GetCustomerBuiltinsRequest {
                customer_id: customer.into(),
            })
            .await?
            .into_inner()
            .builtins
            .expect("builtins in response"))
    }

    async fn members_of(&self, segment_id: &str) -> anyhow::Result<Vec<String>> {
        let mut stream = self
            .client
            .clone()
            .list_members(pb::ListMembersRequest {
                segment_id: segment_id.into(),
                batch_size: 0,
            })
            .await?
            .into_inner();
        let mut ids = Vec::new();
        while let Some(batch) = stream.message().await? {
            ids.extend(batch.members.into_iter().map(|m| m.customer_id));
        }
        ids.sort();
        Ok(ids)
    }

    /// Waits until the segment's members are exactly `expected`.
    async fn wait_members(&self, segment_id: &str, expected: &[&str]) -> anyhow::Result<()> {
        let mut expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        expected.sort();
        let last = std::sync::Mutex::new(Vec::new());
        let result = eventually(WAIT, || async {
            let got = self.members_of(segment_id).await?;
            let done = got == expected;
            *last.lock().expect("lock") = got;
            anyhow::Ok(done.then_some(()))
        })
        .await;
        result.with_context(|| {
            format!(
                "members of {segment_id}: expected {expected:?}, last saw {:?}",
                last.lock().expect("lock")
            )
        })
    }
}

#[tokio::test]
async fn lifecycle_and_rfm_on_a_known_data_set() -> anyhow::Result<()> {
    let clock = Arc::new(ManualClock::new(NOW_MS));
    let mut h = Harness::start_with_clock(clock.clone()).await?;
    let at_risk = h
        .create("At risk", "builtins.lifecycle == 'at_risk'", "")
        .await?;
    let champions = h
        .create(
            "Champions",
            "has(builtins.rfm) && builtins.rfm.r >= 4 && builtins.rfm.f >= 4",
            "",
        )
        .await?;
    let data = data_set();
    for r in &data {
        h.seed(r).await?;
    }
    // Every customer evaluated (known) before the model is computed.
    h.wait_members(
        &at_risk.segment_id,
        &["c_mid2", "c_risk", "c_risk2", "c_browse"],
    )
    .await?;
    eventually(WAIT, || {
        let mut client = h.client.clone();
        async move {
            let p = client
                .preview_segment(pb::PreviewSegmentRequest {
                    expression: "true".into(),
                    sample_size: 0,
                })
                .await?
                .into_inner();
            anyhow::Ok((p.evaluated_count == 13).then_some(()))
        }
    })
    .await?;

    let refreshed = h
        .client
        .refresh_rfm(pb::RefreshRfmRequest {})
        .await?
        .into_inner();
    let model = refreshed.model.context("model")?;
    assert_eq!(model.customer_count, 10);
    assert_eq!(model.frequency_cutoffs, [1, 2, 3, 5]);
    assert_eq!(model.monetary_cutoffs, [20.0, 50.0, 120.0, 300.0]);
    let recency: Vec<i64> = model
        .recency_cutoffs
        .iter()
        .map(|t| (NOW_MS - omni_common::convert::from_timestamp(t)) / DAY_MS)
        .collect();
    assert_eq!(recency, [200, 100, 60, 10]);
    assert_eq!(
        refreshed
            .recomputes
            .iter()
            .map(|r| r.segment_id.as_str())
            .collect::<Vec<_>>(),
        [champions.segment_id.as_str()]
    );

    let mut seen = BTreeMap::new();
    for r in &data {
        let b = h.builtins(r.id).await?;
        let rfm = b.rfm.map(|s| (s.recency, s.frequency, s.monetary));
        seen.insert(r.id, (b.lifecycle_stage, rfm));
        assert_eq!(b.orders, r.orders, "{}", r.id);
        assert_eq!(b.revenue, r.revenue as f64, "{}", r.id);
    }
    let expected: BTreeMap<_, _> = data
        .iter()
        .map(|r| (r.id, (r.stage as i32, r.rfm)))
        .collect();
    assert_eq!(seen, expected);
    h.wait_members(&champions.segment_id, &["c_loyal", "c_loyal2"])
        .await?;

    // 61 days pass with no event: stages move on their own (scheduled re-evaluation).
    clock.set_ms(NOW_MS + 61 * DAY_MS);
    h.wait_members(
        &at_risk.segment_id,
        &[
            "c_browse", "c_loyal", "c_mid1", "c_mid2", "c_new0", "c_risk",
        ],
    )
    .await?;
    assert_eq!(
        h.builtins("c_new1").await?.lifecycle_stage,
        LifecycleStage::Active as i32
    );
    assert_eq!(
        h.builtins("c_risk2").await?.lifecycle_stage,
        LifecycleStage::Dormant as i32
    );
    // The RFM refresh interval (a day) has passed too: the schedule recomputes it.
    eventually(WAIT, || {
        let mut client = h.client.clone();
        async move {
            let m = client
                .get_rfm_model(pb::GetRfmModelRequest {})
                .await?
                .into_inner()
                .model
                .context("model")?;
            let at = m
                .compute_time
                .as_ref()
                .map(omni_common::convert::from_timestamp);
            anyhow::Ok((at == Some(NOW_MS + 61 * DAY_MS)).then_some(()))
        }
    })
    .await?;

    // Thresholds are per workspace: a longer active window brings c_loyal (last
    // purchase 91 days ago) back, and the segments reading the stage are recomputed.
    let err = h
        .client
        .update_lifecycle_settings(pb::UpdateLifecycleSettingsRequest {
            settings: Some(pb::LifecycleSettings {
                active_days: 200,
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["active_days".into()],
            }),
        })
        .await
        .expect_err("active beyond dormant");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().starts_with("settings.dormant_days:"),
        "{}",
        err.message()
    );
    let updated = h
        .client
        .update_lifecycle_settings(pb::UpdateLifecycleSettingsRequest {
            settings: Some(pb::LifecycleSettings {
                active_days: 120,
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["active_days".into()],
            }),
        })
        .await?
        .into_inner();
    let settings = updated.settings.context("settings")?;
    assert_eq!(
        (
            settings.new_days,
            settings.active_days,
            settings.dormant_days,
            settings.loyal_min_orders
        ),
        (30, 120, 180, 5)
    );
    assert_eq!(updated.recomputes.len(), 1);
    assert_eq!(updated.recomputes[0].segment_id, at_risk.segment_id);
    h.wait_members(
        &at_risk.segment_id,
        &["c_browse", "c_mid1", "c_mid2", "c_new0", "c_risk"],
    )
    .await?;
    let got = h
        .client
        .get_lifecycle_settings(pb::GetLifecycleSettingsRequest {})
        .await?
        .into_inner()
        .settings
        .context("settings")?;
    assert_eq!(got.active_days, 120);
    assert!(got.update_time.is_some());

    // Bad references to built-ins are rejected at save.
    let err = h
        .create("Typo", "builtins.lifecylce == 'new'", "")
        .await
        .expect_err("unknown built-in");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message()
            .contains("line 1, column 1: unknown built-in `lifecylce`"),
        "{}",
        err.message()
    );
    let err = h
        .create("Opaque", "size(builtins) > 1", "")
        .await
        .expect_err("opaque use");
    assert!(
        err.message().contains("may only be read by name"),
        "{}",
        err.message()
    );
    let err = h.builtins("c_nobody").await.expect_err("unknown customer");
    assert_eq!(err.code(), Code::NotFound);
    h.stop().await
}

#[tokio::test]
async fn a_recompute_left_running_by_a_crash_is_taken_over_and_completes() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let seg = h.create("Gold", "traits.tier == 'gold'", "").await?;
    for (i, tier) in ["gold", "silver", "silver", "gold"].iter().enumerate() {
        h.track(
            &format!("c_{i}"),
            &format!("e{i}"),
            "signup",
            json!({"tier": tier}),
            &[],
        )
        .await?;
    }
    for _ in 0..2 {
        assert!(next_change(&mut changes).await?.entered);
    }
    drop(changes);

    // The process "crashes" right after storing version 2 and its recompute: the
    // record says RUNNING, a quarter done, by an owner that is gone.
    let segment_id = seg.segment_id.clone();
    let mut h = h
        .restart_with(|url| async move {
            let db = omni_storage::connect(&url).await?;
            let backend = db.get_database_backend();
            let exec = |sql: &str, values: Vec<sea_orm::Value>| {
                db.execute_raw(omni_storage::stmt(backend, sql, values))
            };
            exec(
                "UPDATE segments SET expression = $3, version = 2, update_ms = 1
                 WHERE workspace_id = $1 AND segment_id = $2",
                vec![
                    WS.into(),
                    segment_id.as_str().into(),
                    "traits.tier == 'silver'".into(),
                ],
            )
            .await?;
            exec(
                "INSERT INTO segment_versions (workspace_id, segment_id, version, display_name,
                     expression, create_ms, update_ms)
                 VALUES ($1, $2, 2, 'Gold', $3, 1, 1)",
                vec![
                    WS.into(),
                    segment_id.as_str().into(),
                    "traits.tier == 'silver'".into(),
                ],
            )
            .await?;
            exec(
                "INSERT INTO recomputes (workspace_id, recompute_id, segment_id, segment_version,
                     state, total, processed, entered, exited, start_ms, finish_ms, error,
                     owner, heartbeat_ms)
                 VALUES ($1, 'rc_crashed', $2, 2, 'running', 4, 1, 0, 0, 1, NULL, '',
                         'segment-crashed-pod', 1)",
                vec![WS.into(), segment_id.as_str().into()],
            )
            .await?;
            Ok(())
        })
        .await?;

    let done = h.wait_recompute("rc_crashed").await?;
    assert_eq!(done.state, RecomputeState::Succeeded as i32, "{done:?}");
    assert_eq!(
        (done.total, done.processed, done.entered, done.exited),
        (4, 4, 2, 2),
        "{done:?}"
    );
    assert!(done.finish_time.is_some());
    for (i, member) in [false, true, true, false].iter().enumerate() {
        let ids = h.member_ids(&format!("c_{i}")).await?;
        assert_eq!(!ids.is_empty(), *member, "c_{i}: {ids:?}");
    }
    h.stop().await
}
