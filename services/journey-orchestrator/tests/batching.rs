//! Group-committed enrolment (`omni_journey::enrol`) and batched timer steps
//! (`omni_journey::steps`) against a real database (SQLite, or Postgres when
//! `OMNI_TEST_DATABASE_URL` is set) and a real `redis-server`; no other service is
//! needed: the journey waits an hour after entry, so nothing calls out.

use std::sync::Arc;

use omni_common::config::Settings;
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_journey::batch::Batcher;
use omni_journey::enrol::{EntryPolicy, NewRun, Started};
use omni_journey::entry;
use omni_journey::model::{Reentry, Run, RunId, RunState};
use omni_journey::runner::{Clients, Runner, RunnerConfig};
use omni_journey::store::{EntryVersion, MIGRATIONS, Store};
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::node::Kind;
use omni_testkit::RedisServer;
use sea_orm::{ConnectionTrait as _, TransactionTrait as _};
use serde_json::Map;

const HOUR_S: i64 = 3_600;

struct Env {
    runner: Arc<Runner>,
    store: Store,
    url: String,
    _redis: RedisServer,
}

async fn env() -> anyhow::Result<Env> {
    let redis = RedisServer::start().await?;
    let url = omni_testkit::database_url("journey").await?;
    let db = omni_storage::connect(&url).await?;
    omni_storage::migrate(&db, "journey", MIGRATIONS).await?;
    let settings = Settings::for_tests(&redis.url);
    let store = Store::new(db);
    let runner = Arc::new(Runner::new(
        store.clone(),
        Clients::new(&settings)?,
        omni_common::clock::system(),
        RunnerConfig::from_settings(&settings.worker),
        omni_profile_store::ProfileStore::new(omni_common::redis::connect(&redis.url).await?),
    )?);
    Ok(Env {
        runner,
        store,
        url,
        _redis: redis,
    })
}

fn node(id: &str, next: &str, kind: Kind) -> pb::Node {
    pb::Node {
        node_id: id.into(),
        next_node_id: next.into(),
        kind: Some(kind),
    }
}

/// `entry → wait 1 h → send SMS`, with the given re-entry policy.
fn version(reentry: pb::ReentryPolicy, allow_concurrent: bool) -> anyhow::Result<EntryVersion> {
    let journey = pb::Journey {
        display_name: "batching".into(),
        nodes: vec![
            node(
                "in",
                "w",
                Kind::Entry(pb::EntryNode {
                    event_type: "signup".into(),
                    ..Default::default()
                }),
            ),
            node(
                "w",
                "s",
                Kind::Wait(pb::WaitNode {
                    duration: Some(prost_types::Duration {
                        seconds: HOUR_S,
                        nanos: 0,
                    }),
                    best_send_time: None,
                }),
            ),
            node(
                "s",
                "",
                Kind::Send(pb::SendNode {
                    channel: omni_proto::common::v1::DeliveryChannel::Sms as i32,
                    template_id: "tpl".into(),
                    ..Default::default()
                }),
            ),
        ],
        settings: Some(pb::JourneySettings {
            reentry: reentry as i32,
            allow_concurrent_runs: allow_concurrent,
            ..Default::default()
        }),
        ..Default::default()
    };
    Ok(EntryVersion {
        journey_id: omni_journey::model::JourneyId::new("j_batching"),
        version: 1,
        graph: omni_journey::convert::graph_from_proto(&journey)?,
    })
}

async fn count(url: &str, sql: &str) -> anyhow::Result<i64> {
    // A separate connection: what another reader sees is what was committed.
    let db = omni_storage::connect(url).await?;
    let row = db
        .query_one_raw(omni_storage::stmt(db.get_database_backend(), sql, []))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no count row"))?;
    let n: i64 = row.try_get_by_index(0)?;
    db.close().await?;
    Ok(n)
}

fn ws() -> WorkspaceId {
    WorkspaceId::new("default")
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_enrolments_with_one_key_make_one_run() -> anyhow::Result<()> {
    let env = env().await?;
    let v = Arc::new(version(pb::ReentryPolicy::Always, true)?);
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (runner, v) = (env.runner.clone(), v.clone());
        calls.spawn(async move {
            entry::start_run(
                &runner,
                &ws(),
                &v,
                CustomerId::new("c1"),
                "enrol:same-key".into(),
                Map::new(),
            )
            .await
        });
    }
    let (mut runs, mut duplicates) = (0, 0);
    while let Some(r) = calls.join_next().await {
        match r?? {
            Started::Run(_) => runs += 1,
            Started::Duplicate => duplicates += 1,
            Started::Refused(why) => anyhow::bail!("refused: {why}"),
        }
    }
    assert_eq!((runs, duplicates), (1, 39));
    assert_eq!(count(&env.url, "SELECT COUNT(*) FROM runs").await?, 1);
    assert_eq!(
        count(&env.url, "SELECT COUNT(*) FROM journey_outbox").await?,
        1,
        "one journey.entered fact"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn many_concurrent_enrolments_are_all_committed_waiting() -> anyhow::Result<()> {
    let env = env().await?;
    let v = Arc::new(version(pb::ReentryPolicy::Once, false)?);
    let n = 600;
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..n {
        let (runner, v) = (env.runner.clone(), v.clone());
        calls.spawn(async move {
            let started = entry::start_run(
                &runner,
                &ws(),
                &v,
                CustomerId::new(format!("c{i}")),
                format!("enrol:k{i}"),
                Map::new(),
            )
            .await?;
            anyhow::Ok((i, started))
        });
    }
    let mut ids = Vec::new();
    while let Some(r) = calls.join_next().await {
        let (i, started) = r??;
        let Started::Run(run) = started else {
            anyhow::bail!("customer {i} not enrolled: {started:?}");
        };
        // Answered after the commit: the run is there, already waiting at its timer.
        assert_eq!(run.state, RunState::Waiting);
        assert_eq!(run.current_node_id, "w");
        ids.push(run.run_id.clone());
    }
    assert_eq!(ids.len(), n);
    assert_eq!(
        count(
            &env.url,
            "SELECT COUNT(*) FROM runs WHERE state = 'WAITING'"
        )
        .await?,
        i64::try_from(n)?
    );
    // Entry completed and wait started: two steps per run, numbered 1 and 2.
    assert_eq!(
        count(&env.url, "SELECT COUNT(*) FROM run_steps").await?,
        i64::try_from(2 * n)?
    );
    assert_eq!(
        count(&env.url, "SELECT COUNT(*) FROM runs WHERE step_seq <> 2").await?,
        0
    );
    let steps = env.store.steps(&ws(), &ids[0]).await?;
    let got: Vec<(&str, &str)> = steps
        .iter()
        .map(|s| (s.node_id.as_str(), s.outcome.as_str()))
        .collect();
    assert_eq!(got, [("in", "completed"), ("w", "waiting")]);
    assert_eq!(
        count(
            &env.url,
            "SELECT COUNT(*) FROM journey_outbox WHERE event_type = 'journey.entered'"
        )
        .await?,
        i64::try_from(n)?
    );

    // Enrolling everyone again: `Once` refuses every customer, nothing is written.
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..n {
        let (runner, v) = (env.runner.clone(), v.clone());
        calls.spawn(async move {
            entry::start_run(
                &runner,
                &ws(),
                &v,
                CustomerId::new(format!("c{i}")),
                format!("enrol:again{i}"),
                Map::new(),
            )
            .await
        });
    }
    while let Some(r) = calls.join_next().await {
        assert_eq!(r??, Started::Refused("already_entered"));
    }
    assert_eq!(
        count(&env.url, "SELECT COUNT(*) FROM runs").await?,
        i64::try_from(n)?
    );
    Ok(())
}

/// A run as `entry::start_run` builds it, for the store-level tests.
fn new_run(env: &Env, v: &EntryVersion, customer: &str, key: &str) -> NewRun {
    let now = env.runner.now_ms();
    let mut run = Run {
        run_id: RunId::generate(),
        journey_id: v.journey_id.clone(),
        journey_version: v.version,
        customer_id: CustomerId::new(customer),
        entry_event_id: key.into(),
        state: RunState::Active,
        current_node_id: "in".into(),
        context: Map::new(),
        wake_ms: None,
        lease_owner: Some(Runner::new_token()),
        lease_until_ms: Some(env.runner.lease_until()),
        attempts: 0,
        error: String::new(),
        create_ms: now,
        update_ms: now,
        traceparent: String::new(),
        signals: String::new(),
        end_reason: String::new(),
        step_seq: 0,
        new_steps: Vec::new(),
        new_facts: Vec::new(),
    };
    run.new_facts
        .push(Runner::fact(&run, "entered", Map::new()));
    env.runner.pre_advance(&v.graph, &mut run);
    NewRun {
        ws: ws(),
        run,
        policy: EntryPolicy::of(&v.graph.settings),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_before_the_commit_loses_no_answered_enrolment() -> anyhow::Result<()> {
    let env = env().await?;
    let v = version(pb::ReentryPolicy::Once, false)?;
    assert_eq!(EntryPolicy::of(&v.graph.settings).reentry, Reentry::Once);
    let items: Vec<NewRun> = (0..50)
        .map(|i| new_run(&env, &v, &format!("c{i}"), &format!("enrol:k{i}")))
        .collect();

    // The batch is collected and written, then the process dies before the commit:
    // nothing of it is visible, and no caller was answered (answers follow the commit).
    {
        let db = omni_storage::connect(&env.url).await?;
        let txn = db.begin().await?;
        let answers = omni_journey::enrol::enrol_in(&txn, items.clone()).await?;
        assert!(answers.iter().all(|a| matches!(a, Ok(Started::Run(_)))));
        drop(txn);
        db.close().await?;
    }
    assert_eq!(count(&env.url, "SELECT COUNT(*) FROM runs").await?, 0);
    assert_eq!(count(&env.url, "SELECT COUNT(*) FROM run_steps").await?, 0);
    assert_eq!(
        count(&env.url, "SELECT COUNT(*) FROM journey_outbox").await?,
        0
    );

    // A batch writer that dies between collecting and committing: every caller of the
    // batch gets an error (so retries), none is told its run exists.
    let db = omni_storage::connect(&env.url).await?;
    let dying: Batcher<NewRun, Started> = Batcher::spawn("dying", 64, 1, move |items| {
        let db = db.clone();
        async move {
            let txn = db.begin().await?;
            let _ = omni_journey::enrol::enrol_in(&txn, items).await?;
            panic!("simulated crash before the commit");
        }
    });
    let mut calls = tokio::task::JoinSet::new();
    for item in items.iter().take(10).cloned() {
        let dying = dying.clone();
        calls.spawn(async move { dying.submit(item).await });
    }
    while let Some(r) = calls.join_next().await {
        assert!(r?.is_err(), "no answer without a commit");
    }
    assert_eq!(count(&env.url, "SELECT COUNT(*) FROM runs").await?, 0);

    // The callers retry: each enrolment is stored exactly once, and a second retry
    // finds it.
    let answers = env.store.enrol(items.clone()).await?;
    assert!(answers.iter().all(|a| matches!(a, Ok(Started::Run(_)))));
    assert_eq!(count(&env.url, "SELECT COUNT(*) FROM runs").await?, 50);
    let answers = env.store.enrol(items).await?;
    assert!(answers.iter().all(|a| matches!(a, Ok(Started::Duplicate))));
    assert_eq!(count(&env.url, "SELECT COUNT(*) FROM runs").await?, 50);
    assert_eq!(
        count(&env.url, "SELECT COUNT(*) FROM journey_outbox").await?,
        50
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn one_batch_applies_reentry_and_live_rules_in_arrival_order() -> anyhow::Result<()> {
    let env = env().await?;
    // One live run per customer, re-entry always allowed.
    let v = version(pb::ReentryPolicy::Always, false)?;
    let items = vec![
        new_run(&env, &v, "c1", "enrol:a"),
        new_run(&env, &v, "c1", "enrol:a"),
        new_run(&env, &v, "c1", "enrol:b"),
        new_run(&env, &v, "c2", "enrol:a"),
    ];
    let answers: Vec<Started> = env
        .store
        .enrol(items)
        .await?
        .into_iter()
        .collect::<Result<_, _>>()?;
    assert!(matches!(answers[0], Started::Run(_)));
    assert_eq!(answers[1], Started::Duplicate);
    assert_eq!(answers[2], Started::Refused("already_active"));
    assert!(matches!(answers[3], Started::Run(_)));
    assert_eq!(count(&env.url, "SELECT COUNT(*) FROM runs").await?, 2);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn due_runs_are_claimed_once_by_racing_claimers() -> anyhow::Result<()> {
    let env = env().await?;
    let v = version(pb::ReentryPolicy::Always, true)?;
    let mut items: Vec<NewRun> = (0..300)
        .map(|i| new_run(&env, &v, &format!("c{i}"), &format!("enrol:k{i}")))
        .collect();
    for item in &mut items {
        // Due now.
        item.run.wake_ms = Some(item.run.create_ms - 1);
    }
    env.store.enrol(items).await?;
    let now = env.runner.now_ms();
    let claim = |token: &'static str| {
        let store = env.store.clone();
        async move {
            let mut got = Vec::new();
            loop {
                let batch = store.claim_due(now, 37, token, now + 60_000).await?;
                if batch.is_empty() {
                    return anyhow::Ok(got);
                }
                for (_, run) in batch {
                    assert_eq!(run.lease_owner.as_deref(), Some(token));
                    got.push(run.run_id.to_string());
                }
            }
        }
    };
    let (a, b, c) = tokio::try_join!(claim("ta"), claim("tb"), claim("tc"))?;
    let mut all: Vec<String> = a.into_iter().chain(b).chain(c).collect();
    assert_eq!(all.len(), 300, "every due run claimed");
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 300, "no run claimed twice");
    Ok(())
}
