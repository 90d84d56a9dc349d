//! The outbox of journey facts: written with the run change, delivered with retry.

use omni_proto::journey::v1 as pb;
use sea_orm::ConnectionTrait;
use tonic::Status;

use crate::support::*;

/// One outbox row: (state, attempts, error).
async fn outbox_row(h: &Harness, event_id: &str) -> anyhow::Result<Option<(String, i64, String)>> {
    let db = omni_storage::connect(&h.settings.journey.database_url).await?;
    let row = db
        .query_one_raw(omni_storage::stmt(
            db.get_database_backend(),
            "SELECT state, attempts, error FROM journey_outbox \
             WHERE workspace_id = $1 AND event_id = $2",
            ["default".into(), event_id.into()],
        ))
        .await?;
    Ok(match row {
        Some(r) => Some((
            r.try_get("", "state")?,
            r.try_get("", "attempts")?,
            r.try_get("", "error")?,
        )),
        None => None,
    })
}

/// Waits until the fact's first delivery has failed with `error` and been put back
/// to wait for its backoff: (attempts, error). A claimed attempt already counts in
/// `attempts` while the call to identity is still in flight, so the error is what
/// shows the attempt is over (the clock must not move before that, or the retry is
/// scheduled from the moved clock).
async fn failed_once(h: &Harness, event_id: &str, error: &str) -> anyhow::Result<()> {
    let row = omni_testkit::eventually(PATIENCE, || async {
        let row = outbox_row(h, event_id).await?;
        Ok(row.filter(|r| !r.2.is_empty()))
    })
    .await?;
    anyhow::ensure!(
        row.0 == "PENDING" && row.1 == 1 && row.2.contains(error),
        "{event_id}: {row:?}"
    );
    Ok(())
}

/// Waits until the fact is marked delivered (identity answers before the row is
/// updated), then checks it took `attempts` deliveries.
async fn delivered_after(h: &Harness, event_id: &str, attempts: i64) -> anyhow::Result<()> {
    let row = omni_testkit::eventually(PATIENCE, || async {
        let row = outbox_row(h, event_id).await?;
        Ok(row.filter(|r| r.0 == "DELIVERED"))
    })
    .await?;
    anyhow::ensure!(row.1 == attempts, "{event_id}: {row:?}");
    Ok(())
}

fn goal_journey() -> pb::Journey {
    pb::Journey {
        display_name: "Goal after an hour".into(),
        nodes: vec![
            node("in", "wait", entry("order_placed")),
            node("wait", "won", wait(3600)),
            node(
                "won",
                "",
                pb::node::Kind::Goal(pb::GoalNode { name: "won".into() }),
            ),
        ],
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn journey_facts_survive_a_failed_delivery_and_a_crash() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let journey_id = h.create_published(goal_journey()).await?;
    h.seed_profile("c_out").await?;
    h.identity
        .failures
        .lock()
        .expect("lock")
        .push_back(Status::unavailable("identity down"));

    let run = h
        .client()?
        .enroll_customer(pb::EnrollCustomerRequest {
            journey_id: journey_id.clone(),
            customer_id: "c_out".into(),
            idempotency_key: "k-out".into(),
            context: None,
        })
        .await?
        .into_inner()
        .run
        .expect("run");
    h.wait_for_run(&journey_id, "a waiting run", |r| {
        state(r) == pb::RunState::Waiting
    })
    .await?;
    // The fact was committed with the run; its first delivery failed and is kept.
    let entered = format!("run:{}:entered", run.run_id);
    failed_once(&h, &entered, "identity down").await?;
    assert!(h.identity.for_run(&run.run_id).is_empty());

    // A crash now loses nothing: after a restart the worker delivers it once the
    // backoff (1 s) has passed.
    h.kill_service().await?;
    h.start_service().await?;
    h.clock.advance_ms(1_500);
    let for_run = |h: &Harness| h.identity.for_run(&run.run_id);
    omni_testkit::eventually(PATIENCE, || async {
        Ok((for_run(&h).len() == 1).then_some(()))
    })
    .await?;
    assert_eq!(
        for_run(&h),
        vec![("journey.entered".to_owned(), entered.clone())]
    );
    delivered_after(&h, &entered, 2).await?;

    // The conversion's fact is committed with the converted run even while identity
    // fails, then delivered by the worker.
    h.identity
        .failures
        .lock()
        .expect("lock")
        .push_back(Status::unavailable("identity down again"));
    h.clock.advance_ms(3_600_000);
    h.wait_for_run(&journey_id, "a converted run", |r| {
        state(r) == pb::RunState::Converted
    })
    .await?;
    let converted = format!("run:{}:converted", run.run_id);
    failed_once(&h, &converted, "identity down again").await?;
    h.clock.advance_ms(1_500);
    omni_testkit::eventually(PATIENCE, || async {
        Ok((for_run(&h).len() == 2).then_some(()))
    })
    .await?;
    assert_eq!(
        for_run(&h),
        vec![
            ("journey.entered".to_owned(), entered),
            ("journey.converted".to_owned(), converted.clone()),
        ]
    );
    delivered_after(&h, &converted, 2).await?;
    // Two failed calls and one successful delivery per fact: nothing sent twice.
    assert_eq!(*h.identity.calls.lock().expect("lock"), 4);
    Ok(())
}
