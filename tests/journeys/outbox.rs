//! The outbox of journey facts: written with the run change, delivered to the real
//! identity service with retry, across identity being down and a journey crash.

use omni_proto::journey::v1 as pb;
use sea_orm::ConnectionTrait;

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

/// Waits until the fact's first delivery has failed and been put back to wait for its
/// backoff. A claimed attempt already counts in `attempts` while the call to identity
/// is still in flight, so the error is what shows the attempt is over (the clock must
/// not move before that, or the retry is scheduled from the moved clock).
async fn failed_once(h: &Harness, event_id: &str) -> anyhow::Result<String> {
    let row = omni_testkit::eventually(PATIENCE, || async {
        let row = outbox_row(h, event_id).await?;
        Ok(row.filter(|r| !r.2.is_empty()))
    })
    .await?;
    anyhow::ensure!(row.0 == "PENDING" && row.1 == 1, "{event_id}: {row:?}");
    Ok(row.2)
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
    let customer = h.seed_profile("c_out").await?;
    // Identity is down when the run starts.
    h.inner.suite.stop("identity").await?;

    let run = h
        .client()?
        .enroll_customer(pb::EnrollCustomerRequest {
            journey_id: journey_id.clone(),
            customer_id: customer,
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
    let error = failed_once(&h, &entered).await?;
    assert!(error.contains("identity"), "{error}");

    // A crash now loses nothing: after a restart (identity back too) the worker
    // delivers it once the backoff (1 s) has passed.
    h.inner.suite.crash("journey").await;
    h.inner.suite.restart("identity").await?;
    h.inner.suite.restart("journey").await?;
    assert!(h.facts_of_run("c_out", &run.run_id).await?.is_empty());
    h.clock.advance_ms(1_500);
    let facts = omni_testkit::eventually(PATIENCE, || async {
        let facts = h.facts_of_run("c_out", &run.run_id).await?;
        Ok((!facts.is_empty()).then_some(facts))
    })
    .await?;
    assert_eq!(facts, vec![("journey.entered".to_owned(), entered.clone())]);
    delivered_after(&h, &entered, 2).await?;

    // The conversion's fact is committed with the converted run even while identity
    // is down, then delivered by the worker.
    h.inner.suite.stop("identity").await?;
    h.clock.advance_ms(3_600_000);
    h.wait_for_run(&journey_id, "a converted run", |r| {
        state(r) == pb::RunState::Converted
    })
    .await?;
    let converted = format!("run:{}:converted", run.run_id);
    let error = failed_once(&h, &converted).await?;
    assert!(error.contains("identity"), "{error}");
    h.inner.suite.restart("identity").await?;
    h.clock.advance_ms(1_500);
    let facts = omni_testkit::eventually(PATIENCE, || async {
        let facts = h.facts_of_run("c_out", &run.run_id).await?;
        Ok((facts.len() >= 2).then_some(facts))
    })
    .await?;
    assert_eq!(
        facts,
        vec![
            ("journey.entered".to_owned(), entered.clone()),
            ("journey.converted".to_owned(), converted.clone()),
        ]
    );
    // One failed call and one successful delivery per fact: nothing sent twice.
    delivered_after(&h, &entered, 2).await?;
    delivered_after(&h, &converted, 2).await?;
    h.stop().await
}
