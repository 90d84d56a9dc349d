//! Scheduled entry: a segment audience (from the real segment service) at 09:00 in each
//! customer's own time zone.

use std::sync::Arc;

use omni_proto::identity::v1 as idp;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;
use omni_proto::segment::v1 as seg;
use sea_orm::ConnectionTrait;

use crate::support::*;

/// A segment of customers with the `vip` trait, in the segment service.
async fn vip_segment(h: &Harness) -> anyhow::Result<String> {
    Ok(h.clients()
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
        .segment_id)
}

/// The occurrence a journey's schedule expands next.
async fn next_occurrence(h: &Harness, journey_id: &str) -> anyhow::Result<String> {
    let db = omni_storage::connect(&h.settings.journey.database_url).await?;
    let row = db
        .query_one_raw(omni_storage::stmt(
            db.get_database_backend(),
            "SELECT occurrence FROM journey_schedules WHERE workspace_id = $1 \
             AND journey_id = $2",
            ["default".into(), journey_id.into()],
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no schedule row"))?;
    Ok(row.try_get::<String>("", "occurrence")?)
}

fn ms(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .expect("time")
        .timestamp_millis()
}

fn schedule_entry(s: pb::ScheduleEntry) -> Kind {
    Kind::Entry(pb::EntryNode {
        schedule: Some(s),
        ..Default::default()
    })
}

fn daily_nine(segment: &str) -> pb::ScheduleEntry {
    pb::ScheduleEntry {
        recurrence: pb::ScheduleRecurrence::Daily as i32,
        hour: 9,
        segment_id: segment.into(),
        default_time_zone: "America/New_York".into(),
        ..Default::default()
    }
}

async fn targets(h: &Harness) -> anyhow::Result<i64> {
    let db = omni_storage::connect(&h.settings.journey.database_url).await?;
    let row = db
        .query_one_raw(omni_storage::stmt(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM schedule_targets WHERE workspace_id = $1",
            ["default".into()],
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no count row"))?;
    Ok(row.try_get::<i64>("", "n")?)
}

async fn runs_of(h: &Harness, journey_id: &str, customer: &str) -> anyhow::Result<Vec<pb::Run>> {
    Ok(h.client()?
        .list_runs(pb::ListRunsRequest {
            journey_id: journey_id.into(),
            customer_id: customer.into(),
            page_size: 10,
            ..Default::default()
        })
        .await?
        .into_inner()
        .runs)
}

/// Waits until each customer has exactly the given number of completed runs.
async fn expect_runs(h: &Harness, journey_id: &str, want: &[(&str, usize)]) -> anyhow::Result<()> {
    omni_testkit::eventually(PATIENCE, || async {
        for (customer, n) in want {
            let runs = runs_of(h, journey_id, &h.id(customer)).await?;
            if runs.len() != *n || runs.iter().any(|r| state(r) != pb::RunState::Completed) {
                return Err(anyhow::anyhow!(
                    "{customer}: want {n} completed runs, got {runs:#?}"
                ));
            }
        }
        Ok(Some(()))
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_daily_schedule_enters_each_customer_at_their_local_time_once() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    // The manual clock starts on Tuesday 2023-11-14 22:13 UTC.
    let seg_vip = vip_segment(&h).await?;
    h.seed_traits(
        "c_seoul",
        serde_json::json!({"timezone": "Asia/Seoul", "vip": true}),
    )
    .await?;
    h.seed_traits(
        "c_paris",
        serde_json::json!({"timezone": "Europe/Paris", "vip": true}),
    )
    .await?;
    // No timezone: the schedule's default (New York).
    h.seed_traits("c_ny", serde_json::json!({"vip": true}))
        .await?;
    let members = [h.id("c_seoul"), h.id("c_paris"), h.id("c_ny")];
    omni_testkit::eventually(PATIENCE, || async {
        let mut found = Vec::new();
        for c in &members {
            let m = h
                .clients()
                .segment
                .get_memberships(seg::GetMembershipsRequest {
                    customer_id: c.clone(),
                })
                .await?
                .into_inner()
                .memberships;
            found.push(m.iter().any(|m| m.segment_id == seg_vip));
        }
        Ok(found.iter().all(|f| *f).then_some(()))
    })
    .await?;
    let journey = pb::Journey {
        display_name: "Daily digest".into(),
        nodes: vec![
            node("in", "send", schedule_entry(daily_nine(&seg_vip))),
            node("send", "", send_email("tpl_digest")),
        ],
        settings: Some(pb::JourneySettings {
            reentry: pb::ReentryPolicy::Always as i32,
            ..Default::default()
        }),
        ..Default::default()
    };
    let id = h.create_published(journey).await?;

    // 09:00 on the 15th has already begun in UTC+14: the occurrence is expanded at once.
    omni_testkit::eventually(PATIENCE, || async {
        Ok((targets(&h).await? == 3).then_some(()))
    })
    .await?;
    // Expanded once: the schedule moved on to the next day's occurrence.
    assert_eq!(next_occurrence(&h, &id).await?, "2023-11-16");
    assert!(h.runs(&id).await?.is_empty(), "nobody's 09:00 has come yet");

    // 09:00 in Seoul is 00:00 UTC: only the Seoul customer enters.
    h.clock.set_ms(ms("2023-11-15T00:00:00Z"));
    expect_runs(&h, &id, &[("c_seoul", 1), ("c_paris", 0), ("c_ny", 0)]).await?;
    let run = &runs_of(&h, &id, &h.id("c_seoul")).await?[0];
    assert_eq!(run.entry_event_id, "schedule:2023-11-15");
    assert_eq!(ctx(run, "schedule")["occurrence"], "2023-11-15");

    // The pending targets survive a crash.
    h.inner.suite.crash("journey").await;
    h.inner.suite.restart("journey").await?;
    h.clock.set_ms(ms("2023-11-15T08:00:00Z")); // 09:00 CET
    expect_runs(&h, &id, &[("c_seoul", 1), ("c_paris", 1), ("c_ny", 0)]).await?;

    // Two more replicas race the service for New York's 09:00 (14:00 UTC): one run.
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
    h.clock.set_ms(ms("2023-11-15T14:00:00Z"));
    let (ra, rb) = tokio::join!(
        omni_journey::schedule::tick_once(&a),
        omni_journey::schedule::tick_once(&b)
    );
    ra?;
    rb?;
    expect_runs(&h, &id, &[("c_seoul", 1), ("c_paris", 1), ("c_ny", 1)]).await?;
    assert_eq!(targets(&h).await?, 0);

    // The next day's occurrence is expanded when UTC+14 reaches it, once.
    h.clock.set_ms(ms("2023-11-15T19:00:00Z"));
    omni_testkit::eventually(PATIENCE, || async {
        Ok((targets(&h).await? == 3).then_some(()))
    })
    .await?;
    assert_eq!(next_occurrence(&h, &id).await?, "2023-11-17");
    h.clock.set_ms(ms("2023-11-16T00:00:00Z"));
    expect_runs(&h, &id, &[("c_seoul", 2), ("c_paris", 1), ("c_ny", 1)]).await?;
    let keys: Vec<String> = runs_of(&h, &id, &h.id("c_seoul"))
        .await?
        .into_iter()
        .map(|r| r.entry_event_id)
        .collect();
    assert_eq!(keys, ["schedule:2023-11-15", "schedule:2023-11-16"]);
    // Every entry sent exactly one message.
    assert_eq!(h.sends_to("c_seoul").await?.len(), 2);
    assert_eq!(h.sends_to("c_paris").await?.len(), 1);
    assert_eq!(h.sends_to("c_ny").await?.len(), 1);
    h.inner.smtp.wait_for(4, PATIENCE).await?;
    tokio::time::sleep(QUIET).await;
    assert_eq!(h.inner.smtp.messages().len(), 4);
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn validate_journey_checks_schedules() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let seg_vip = vip_segment(&h).await?;
    let tpl = h.template("tpl_digest").await?;
    let journey = |s: pb::ScheduleEntry| pb::Journey {
        display_name: "Scheduled".into(),
        nodes: vec![
            node("in", "send", schedule_entry(s)),
            node("send", "", send_email(&tpl)),
        ],
        ..Default::default()
    };
    let problems = |s: pb::ScheduleEntry| {
        let h = &h;
        async move {
            let resp = h
                .client()?
                .validate_journey(pb::ValidateJourneyRequest {
                    journey: Some(journey(s)),
                })
                .await?
                .into_inner();
            anyhow::Ok(
                resp.problems
                    .into_iter()
                    .map(|p| (p.node_id, p.field))
                    .collect::<Vec<_>>(),
            )
        }
    };
    let field = |f: &str| {
        vec![(
            "in".to_owned(),
            format!("journey.nodes[0].entry.schedule.{f}"),
        )]
    };
    assert_eq!(problems(daily_nine(&seg_vip)).await?, vec![]);
    assert_eq!(
        problems(pb::ScheduleEntry {
            hour: 24,
            ..daily_nine(&seg_vip)
        })
        .await?,
        field("hour")
    );
    assert_eq!(
        problems(pb::ScheduleEntry {
            recurrence: pb::ScheduleRecurrence::Weekly as i32,
            ..daily_nine(&seg_vip)
        })
        .await?,
        field("weekdays")
    );
    assert_eq!(
        problems(daily_nine("seg_missing_1")).await?,
        field("segment_id")
    );

    // CreateJourney refuses the same, naming the field and the node.
    let err = h
        .client()?
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(journey(pb::ScheduleEntry {
                recurrence: pb::ScheduleRecurrence::Once as i32,
                date: "2023-13-01".into(),
                ..daily_nine(&seg_vip)
            })),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("bad date");
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    assert!(
        err.message()
            .starts_with("journey.nodes[0].entry.schedule.date:"),
        "{err:?}"
    );
    assert!(err.message().contains("node `in`"), "{err:?}");
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_one_off_list_send_skips_erased_customers() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let c_a = h.seed_profile("c_a").await?;
    let c_b = h.seed_profile("c_b").await?;
    let journey = pb::Journey {
        display_name: "One-off".into(),
        nodes: vec![
            node(
                "in",
                "send",
                schedule_entry(pb::ScheduleEntry {
                    recurrence: pb::ScheduleRecurrence::Once as i32,
                    date: "2023-11-15".into(),
                    hour: 9,
                    customer_ids: vec![c_a.clone(), c_b],
                    ..Default::default()
                }),
            ),
            node("send", "", send_email("tpl_once")),
        ],
        ..Default::default()
    };
    let id = h.create_published(journey).await?;
    omni_testkit::eventually(PATIENCE, || async {
        Ok((targets(&h).await? == 2).then_some(()))
    })
    .await?;

    // Identity forgets c_a and tells every service.
    h.clients()
        .identity
        .erase_customer(idp::EraseCustomerRequest { customer_id: c_a })
        .await?;
    omni_testkit::eventually(PATIENCE, || async {
        Ok((targets(&h).await? == 1).then_some(()))
    })
    .await?;

    // 09:00 UTC (no zone known: UTC): only the remaining customer enters, and the
    // one-off schedule is done.
    h.clock.set_ms(ms("2023-11-15T09:00:00Z"));
    expect_runs(&h, &id, &[("c_b", 1), ("c_a", 0)]).await?;
    assert_eq!(targets(&h).await?, 0);
    h.clock.set_ms(ms("2023-11-16T09:00:00Z"));
    assert_eq!(h.runs(&id).await?.len(), 1);
    assert_eq!(h.sends_to("c_b").await?.len(), 1);
    h.stop().await
}
