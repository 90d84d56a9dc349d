//! Journey-orchestrator benchmark: customers enrolled over gRPC into a published
//! wait → condition → send journey, with the real services the journey calls.
//!
//! ```sh
//! CARGO_TARGET_DIR=/root/.cache/omni-target-rel \
//!   cargo run --release -p omni-tests --example bench_journey -- --postgres
//! # options: --customers N (default 20000), --concurrency C (default 64),
//! #          --wait-ms W (default 1000), --postgres (also Postgres, at
//! #          OMNI_TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres, in fresh
//! #          databases), --plaintext (also Postgres with sslmode=disable),
//! #          --no-sqlite (skip the SQLite run)
//! ```
//!
//! For each database it starts a real `redis-server` (`omni_testkit::RedisServer`), the
//! local Twilio-style SMS server, and identity, channel-gateway and the journey service
//! in-process through their `run` functions (as `omni up` serves them), each on its own
//! database. It seeds N profiles (a phone, a `tier` trait), creates an SMS template and
//! provider in channel-gateway, and publishes `entry → wait W → condition (tier == "gold")
//! → send SMS (gold template | standard template)`. Then C concurrent callers
//! `EnrollCustomer` every customer once, and the benchmark waits until every run has
//! sent its message. It prints:
//!
//! - entries/s: accepted `EnrollCustomer` calls per second (each stores the run, its
//!   entry and wait steps, the durable timer and the `journey.entered` outbox fact);
//! - timer-driven steps/s: the steps executed once the waits fire (the wait's completion,
//!   the condition and the send: three per run), from the `run_steps` table (each send
//!   step is a `Send` to channel-gateway); waits fire while enrolment still runs, so the
//!   rate after the last enrolment is printed too;
//! - a same-run baseline: raw single-row `INSERT`+`COMMIT` into the journey's database
//!   from this process at the same concurrency;
//! - on Postgres, commits and rows written per customer from `pg_stat_database`.
//!
//! The 1-minute load average is printed with each figure.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use omni_common::config::Settings;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, ProfileUpdate};
use omni_proto::channel::v1 as ch;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::journey_service_client::JourneyServiceClient;
use omni_proto::journey::v1::node::Kind;
use omni_testkit::RedisServer;
use omni_testkit::providers::TwilioServer;
use sea_orm::{ConnectionTrait as _, TransactionTrait as _};
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tonic::Request;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

/// Command-line options.
struct Args {
    customers: usize,
    concurrency: usize,
    wait_ms: u64,
    postgres: bool,
    plaintext: bool,
    sqlite: bool,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        customers: 20_000,
        concurrency: 64,
        wait_ms: 1_000,
        postgres: false,
        plaintext: false,
        sqlite: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> anyhow::Result<u64> {
            it.next()
                .with_context(|| format!("{name} needs a value"))?
                .parse()
                .with_context(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--customers" => args.customers = usize::try_from(value("--customers")?)?,
            "--concurrency" => args.concurrency = usize::try_from(value("--concurrency")?)?,
            "--wait-ms" => args.wait_ms = value("--wait-ms")?,
            "--postgres" => args.postgres = true,
            "--plaintext" => args.plaintext = true,
            "--no-sqlite" => args.sqlite = false,
            other => anyhow::bail!("unknown option `{other}`"),
        }
    }
    Ok(args)
}

/// The 1-minute load average.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

#[allow(clippy::cast_precision_loss)]
fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

fn now_ms() -> i64 {
    omni_common::clock::system().now_ms()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    println!(
        "journey bench: {} customers, {} concurrent EnrollCustomer callers, wait {} ms, load {}",
        args.customers,
        args.concurrency,
        args.wait_ms,
        load()
    );
    let dir = tempfile::tempdir()?;
    if args.sqlite {
        let urls = ["identity", "channel", "journey"]
            .map(|s| format!("sqlite://{}/{s}.db?mode=rwc", dir.path().display()));
        bench(&args, "SQLite", urls).await?;
    }
    if args.postgres || args.plaintext {
        let admin = std::env::var(omni_testkit::TEST_DATABASE_URL_ENV)
            .ok()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        if args.postgres {
            let urls = fresh_databases(&admin, "tls", "").await?;
            bench(&args, "Postgres (sslmode default)", urls).await?;
        }
        if args.plaintext {
            let urls = fresh_databases(&admin, "plain", "?sslmode=disable").await?;
            bench(&args, "Postgres (sslmode=disable)", urls).await?;
        }
    }
    Ok(())
}

/// Creates empty databases for identity, channel and journey on the server of `admin`
/// and returns their URLs (with `suffix` appended).
async fn fresh_databases(admin: &str, tag: &str, suffix: &str) -> anyhow::Result<[String; 3]> {
    let db = sea_orm::Database::connect(admin)
        .await
        .context("connecting to Postgres")?;
    let (base, _) = admin
        .rsplit_once('/')
        .context("Postgres URL without a database")?;
    let mut urls = Vec::new();
    for svc in ["identity", "channel", "journey"] {
        let name = format!("omni_bench_journey_{tag}_{svc}_{}", std::process::id());
        db.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\""))
            .await?;
        db.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await?;
        urls.push(format!("{base}/{name}{suffix}"));
    }
    db.close().await?;
    urls.try_into()
        .map_err(|_| anyhow::anyhow!("three database URLs"))
}

type Authed = InterceptedService<Channel, fn(Request<()>) -> Result<Request<()>, tonic::Status>>;

fn admin_auth(mut req: Request<()>) -> Result<Request<()>, tonic::Status> {
    if let Ok(v) = "Bearer test-admin-key".parse() {
        req.metadata_mut().insert("authorization", v);
    }
    Ok(req)
}

async fn connect(url: String) -> anyhow::Result<Channel> {
    omni_testkit::eventually(Duration::from_secs(60), || {
        let url = url.clone();
        async move {
            Ok(tonic::transport::Endpoint::from_shared(url)?
                .connect()
                .await
                .ok())
        }
    })
    .await
}

fn node(id: &str, next: &str, kind: Kind) -> pb::Node {
    pb::Node {
        node_id: id.into(),
        next_node_id: next.into(),
        kind: Some(kind),
    }
}

fn send(template_id: &str) -> Kind {
    Kind::Send(pb::SendNode {
        channel: DeliveryChannel::Sms as i32,
        template_id: template_id.into(),
        ..Default::default()
    })
}

/// One benchmark run on the three databases `urls` (identity, channel, journey).
#[allow(clippy::too_many_lines)]
async fn bench(args: &Args, label: &str, urls: [String; 3]) -> anyhow::Result<()> {
    let [identity_db, channel_db, journey_db] = urls;
    println!("\n== {label} ==");
    let redis = RedisServer::start().await?;
    let twilio = TwilioServer::start("AC1", "tok").await?;
    let mut settings = Settings::for_tests(&redis.url);
    settings.identity.database_url = identity_db;
    settings.channel.database_url = channel_db;
    settings.journey.database_url = journey_db.clone();
    settings.delivery.secrets.insert("sms".into(), "tok".into());
    settings.delivery.batch_size = 500;
    settings.delivery.concurrency = 256;
    settings.delivery.poll_interval_ms = 20;
    let mut listeners = Vec::new();
    for svc in ["identity", "channel", "journey"] {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let s = settings.service_mut(svc);
        s.listen = addr;
        s.url = format!("http://{addr}");
        listeners.push(listener);
    }
    let shutdown = CancellationToken::new();
    let mut services: JoinSet<anyhow::Result<()>> = JoinSet::new();
    let mut listeners = listeners.into_iter();
    let (l_identity, l_channel, l_journey) = (
        listeners.next().context("listener")?,
        listeners.next().context("listener")?,
        listeners.next().context("listener")?,
    );
    services.spawn(omni_run(omni_identity::run(
        settings.clone(),
        l_identity,
        shutdown.clone(),
    )));
    services.spawn(omni_run(omni_channel::run(
        settings.clone(),
        l_channel,
        shutdown.clone(),
    )));
    services.spawn(omni_run(omni_journey::run(
        settings.clone(),
        l_journey,
        shutdown.clone(),
    )));
    let channel: ChannelServiceClient<Authed> = ChannelServiceClient::with_interceptor(
        connect(settings.channel.url.clone()).await?,
        admin_auth,
    );
    let journey_conn = connect(settings.journey.url.clone()).await?;
    let journey: JourneyServiceClient<Authed> =
        JourneyServiceClient::with_interceptor(journey_conn, admin_auth);

    // Profiles: a phone and a tier (half gold).
    let profiles = ProfileStore::new(omni_common::redis::connect(&redis.url).await?);
    let t = now_ms();
    for i in 0..args.customers {
        let mut traits = serde_json::Map::new();
        traits.insert("first_name".into(), "Ann".into());
        traits.insert(
            "tier".into(),
            if i % 2 == 0 { "gold" } else { "standard" }.into(),
        );
        profiles
            .apply(
                "default",
                &format!("c_{i}"),
                &ProfileUpdate {
                    traits,
                    identifiers: vec![("phone".into(), format!("+1555{i:07}"))],
                    event_type: None,
                    time_ms: t,
                },
            )
            .await?;
    }
    let mut c = channel.clone();
    c.update_provider_config(ch::UpdateProviderConfigRequest {
        provider_config: Some(ch::ProviderConfig {
            channel: DeliveryChannel::Sms as i32,
            kind: ch::ProviderKind::Twilio as i32,
            base_url: twilio.base_url(),
            account_id: "AC1".into(),
            sender: "+15550000000".into(),
            secret_ref: "config:sms".into(),
            ..Default::default()
        }),
    })
    .await?;
    let mut templates = Vec::new();
    for body in [
        "Hi {{ profile.first_name }}, gold members get 20% off today",
        "Hi {{ profile.first_name }}, 10% off today",
    ] {
        let id = c
            .create_template(ch::CreateTemplateRequest {
                template: Some(ch::Template {
                    display_name: "bench".into(),
                    channel: DeliveryChannel::Sms as i32,
                    body: body.into(),
                    ..Default::default()
                }),
                idempotency_key: String::new(),
            })
            .await?
            .into_inner()
            .template
            .context("template")?
            .template_id;
        templates.push(id);
    }

    let mut j = journey.clone();
    let wait_s = i64::try_from(args.wait_ms / 1_000)?;
    let wait_ns = i32::try_from((args.wait_ms % 1_000) * 1_000_000)?;
    let created = j
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(pb::Journey {
                display_name: "bench: wait → condition → send".into(),
                nodes: vec![
                    node(
                        "in",
                        "w",
                        Kind::Entry(pb::EntryNode {
                            event_type: "bench_never_sent".into(),
                            ..Default::default()
                        }),
                    ),
                    node(
                        "w",
                        "c",
                        Kind::Wait(pb::WaitNode {
                            duration: Some(prost_types::Duration {
                                seconds: wait_s,
                                nanos: wait_ns,
                            }),
                            best_send_time: None,
                        }),
                    ),
                    node(
                        "c",
                        "",
                        Kind::Condition(pb::ConditionNode {
                            branches: vec![pb::ConditionBranch {
                                name: "gold".into(),
                                expression: "traits.tier == \"gold\"".into(),
                                next_node_id: "s_gold".into(),
                            }],
                            default_next_node_id: "s_std".into(),
                        }),
                    ),
                    node("s_gold", "", send(&templates[0])),
                    node("s_std", "", send(&templates[1])),
                ],
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .journey
        .context("journey")?;
    let journey_id = created.journey_id;
    j.publish_journey(pb::PublishJourneyRequest {
        journey_id: journey_id.clone(),
    })
    .await?;

    let stats_db = omni_storage::connect(&journey_db).await?;
    let pg_name = journey_db
        .starts_with("postgres")
        .then(|| {
            journey_db
                .rsplit_once('/')
                .map(|(_, n)| n.split('?').next().unwrap_or(n).to_owned())
        })
        .flatten();
    let pg0 = pg_counters(&stats_db, pg_name.as_deref()).await?;

    // Enrol every customer once, `concurrency` callers.
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut callers = JoinSet::new();
    for _ in 0..args.concurrency {
        let mut j = journey.clone();
        let next = next.clone();
        let errors = errors.clone();
        let journey_id = journey_id.clone();
        let total = args.customers;
        callers.spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let r = j
                    .enroll_customer(pb::EnrollCustomerRequest {
                        journey_id: journey_id.clone(),
                        customer_id: format!("c_{i}"),
                        idempotency_key: format!("bench-{i}"),
                        context: None,
                    })
                    .await;
                if let Err(e) = r
                    && errors.fetch_add(1, Ordering::Relaxed) < 3
                {
                    eprintln!("EnrollCustomer failed: {e}");
                }
            }
        });
    }
    while let Some(r) = callers.join_next().await {
        r?;
    }
    let enrol_took = started.elapsed();
    let enrol_end_ms = now_ms();
    let errors = errors.load(Ordering::Relaxed);
    let accepted = args.customers - errors;
    println!(
        "entries: {accepted} accepted ({errors} errors) in {:.2}s = {:.0} entries/s (load {})",
        enrol_took.as_secs_f64(),
        rate(accepted, enrol_took),
        load()
    );
    let pg1 = pg_counters(&stats_db, pg_name.as_deref()).await?;

    // Wait until every run has executed its send step.
    let deadline = Instant::now() + Duration::from_secs(900);
    let mut sent_steps = 0;
    while Instant::now() < deadline {
        sent_steps = count(
            &stats_db,
            "SELECT COUNT(*) FROM run_steps WHERE node_id IN ('s_gold', 's_std')",
        )
        .await?;
        if sent_steps >= accepted {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let done_load = load();
    let pg2 = pg_counters(&stats_db, pg_name.as_deref()).await?;
    let rows = stats_db
        .query_all_raw(omni_storage::stmt(
            stats_db.get_database_backend(),
            "SELECT node_id, outcome, COUNT(*) AS n, MIN(time_ms) AS first_ms, MAX(time_ms) AS last_ms \
             FROM run_steps GROUP BY node_id, outcome ORDER BY node_id, outcome",
            [],
        ))
        .await?;
    let (mut timer_steps, mut first_ms, mut last_ms) = (0usize, i64::MAX, 0i64);
    let mut after_enrol = 0usize;
    for r in &rows {
        let node: String = r.try_get("", "node_id")?;
        let outcome: String = r.try_get("", "outcome")?;
        let n: i64 = r.try_get("", "n")?;
        let f: i64 = r.try_get("", "first_ms")?;
        let l: i64 = r.try_get("", "last_ms")?;
        println!("  run_steps: node {node:7} {outcome:12} {n:7} rows");
        if node != "in" && !(node == "w" && outcome == "waiting") {
            timer_steps += usize::try_from(n)?;
            first_ms = first_ms.min(f);
            last_ms = last_ms.max(l);
        }
    }
    if timer_steps > 0 {
        after_enrol = count(
                &stats_db,
                &format!(
                    "SELECT COUNT(*) FROM run_steps WHERE node_id <> 'in' AND NOT (node_id = 'w' AND outcome = 'waiting') AND time_ms >= {enrol_end_ms}"
                ),
            )
            .await?;
    }
    let window = Duration::from_millis(u64::try_from((last_ms - first_ms).max(1))?);
    println!(
        "timer-driven steps (wait fired + condition + send): {timer_steps} in {:.2}s from the first to the last = {:.0} steps/s ({:.0} runs finished/s) (load {done_load})",
        window.as_secs_f64(),
        rate(timer_steps, window),
        rate(timer_steps / 3, window),
    );
    if last_ms > enrol_end_ms && after_enrol > 0 {
        let tail = Duration::from_millis(u64::try_from(last_ms - enrol_end_ms)?);
        println!(
            "  of which after enrolment ended (no entries competing): {after_enrol} in {:.2}s = {:.0} steps/s",
            tail.as_secs_f64(),
            rate(after_enrol, tail)
        );
    }
    println!(
        "  first timer due {} ms after enrolment began; send steps {sent_steps}/{accepted}; messages at the SMS server so far: {}",
        args.wait_ms,
        twilio.messages().len()
    );
    if let (Some(a), Some(b), Some(c)) = (pg0, pg1, pg2) {
        #[allow(clippy::cast_precision_loss)]
        let per = |x: i64, n: usize| x as f64 / n.max(1) as f64;
        println!(
            "  journey db, whole run (entry and steps, idle polls included) per customer: {:.1} commits, {:.1} rows inserted, {:.1} updated, {:.1} deleted; during enrolment per entry: {:.1} commits",
            per(c.0 - a.0, accepted),
            per(c.1 - a.1, accepted),
            per(c.2 - a.2, accepted),
            per(c.3 - a.3, accepted),
            per(b.0 - a.0, accepted),
        );
    }

    shutdown.cancel();
    while let Some(r) = tokio::time::timeout(Duration::from_secs(30), services.join_next())
        .await
        .ok()
        .flatten()
    {
        if let Ok(Err(e)) = r {
            eprintln!("service stopped with an error: {e:#}");
        }
    }

    baseline(&journey_db, args.concurrency, accepted.clamp(1_000, 20_000)).await?;
    Ok(())
}

async fn omni_run<E: std::error::Error + Send + Sync + 'static>(
    fut: impl std::future::Future<Output = Result<(), E>>,
) -> anyhow::Result<()> {
    Ok(fut.await?)
}

async fn count(db: &omni_storage::Db, sql: &str) -> anyhow::Result<usize> {
    let row = db
        .query_one_raw(omni_storage::stmt(db.get_database_backend(), sql, []))
        .await?
        .context("count row")?;
    let n: i64 = row.try_get_by_index(0)?;
    Ok(usize::try_from(n)?)
}

/// `pg_stat_database` commits, inserted, updated and deleted rows of database `name`
/// (after giving the statistics a moment to be flushed).
async fn pg_counters(
    db: &omni_storage::Db,
    name: Option<&str>,
) -> anyhow::Result<Option<(i64, i64, i64, i64)>> {
    let Some(name) = name else { return Ok(None) };
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let row = db
        .query_one_raw(omni_storage::stmt(
            db.get_database_backend(),
            "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = $1",
            [name.into()],
        ))
        .await?
        .context("pg_stat_database row")?;
    Ok(Some((
        row.try_get_by_index(0)?,
        row.try_get_by_index(1)?,
        row.try_get_by_index(2)?,
        row.try_get_by_index(3)?,
    )))
}

/// Raw single-row `INSERT`+`COMMIT` rate into `url` at `concurrency`.
async fn baseline(url: &str, concurrency: usize, rows: usize) -> anyhow::Result<()> {
    let db = omni_storage::connect(url).await?;
    db.execute_unprepared(
        "CREATE TABLE IF NOT EXISTS bench_baseline (id TEXT PRIMARY KEY, body TEXT NOT NULL)",
    )
    .await?;
    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let mut writers = JoinSet::new();
    for _ in 0..concurrency {
        let db = db.clone();
        let next = next.clone();
        writers.spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= rows {
                    break;
                }
                let txn = db.begin().await?;
                txn.execute_raw(omni_storage::stmt(
                    txn.get_database_backend(),
                    "INSERT INTO bench_baseline (id, body) VALUES ($1, $2)",
                    [format!("row-{i}").into(), "x".repeat(200).into()],
                ))
                .await?;
                txn.commit().await?;
            }
            Ok::<_, sea_orm::DbErr>(())
        });
    }
    while let Some(r) = writers.join_next().await {
        r??;
    }
    let took = started.elapsed();
    println!(
        "baseline: raw INSERT+COMMIT, one row per transaction, same database, {concurrency} callers: {rows} rows in {:.2}s = {:.0} rows/s (load {})",
        took.as_secs_f64(),
        rate(rows, took),
        load()
    );
    Ok(())
}
