//! Ingest and query benchmark of the insights service.
//!
//! ```text
//! cargo run --release -p omni-insights --example bench -- --events 200000
//! cargo run --release -p omni-insights --example bench -- --events 200000 --postgres
//! ```
//!
//! Starts a real Redis (`omni_testkit::RedisServer`) and writes `--events` engagement
//! events (message.sent / delivered / opened / clicked and purchases, 10 journeys, 4
//! channels, spread over 90 days) to the `EventIngested` stream as identity would.
//! Then, in the same run:
//!
//! 1. **baseline**: a bare bus consumer group (omni-bus `consume`, decode only) reads
//!    the whole stream — the ceiling of one consumer on this machine; then the same
//!    with `consume_batch` (500 entries per read and per `XACK`);
//!    **before**: the store path insights used before batching (`consume` and one
//!    transaction per event), on the first `--per-event` entries;
//! 2. **insights**: the service starts as `omni up` runs it (SQLite, or Postgres with
//!    `--postgres`, in a fresh database on the server `OMNI_TEST_DATABASE_URL` names)
//!    and its group consumes the stream; events/s is measured until its lag and
//!    pending count reach 0;
//! 3. **queries**: `GetKpis` over 90 days for one journey grouped by day, `--queries`
//!    times, reporting p50/p99, next to a `grpc.health.v1` check on the same server.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::Parser;
use omni_bus::{Bus, ConsumerOptions, Delivery, Topic};
use omni_common::config::Settings;
use omni_common::convert::to_timestamp;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{Event, EventIngested};
use omni_proto::insights::v1 as pb;
use omni_proto::insights::v1::insights_service_client::InsightsServiceClient;
use omni_testkit::RedisServer;
use prost::Message as _;
use prost_types::value::Kind;
use redis::AsyncCommands as _;
use tonic::Request;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

const WS: &str = "default";
const DAY: i64 = 86_400_000;
/// Monday 2026-08-24 00:00 UTC: 90 days before 2026-11-22.
const START: i64 = 1_787_529_600_000;
const CHANNELS: [&str; 4] = ["email", "push", "sms", "store"];

/// Insights benchmark.
#[derive(Parser, Debug)]
struct Args {
    /// Events written to the bus and consumed.
    #[arg(long, default_value_t = 200_000)]
    events: u64,
    /// GetKpis calls measured.
    #[arg(long, default_value_t = 200)]
    queries: usize,
    /// Use Postgres instead of SQLite for the service's database.
    #[arg(long)]
    postgres: bool,
    /// Entries applied by the per-event path (one transaction and one XACK per
    /// event, as insights ingested before batching) before it is stopped.
    #[arg(long, default_value_t = 20_000)]
    per_event: u64,
}

/// A fresh database for one phase: a SQLite file in `dir`, or a new Postgres database.
async fn fresh_database(args: &Args, dir: &std::path::Path, name: &str) -> anyhow::Result<String> {
    Ok(if args.postgres {
        anyhow::ensure!(
            std::env::var(omni_testkit::TEST_DATABASE_URL_ENV).is_ok(),
            "--postgres needs {} (an admin Postgres URL)",
            omni_testkit::TEST_DATABASE_URL_ENV
        );
        omni_testkit::database_url(name).await?
    } else {
        format!("sqlite://{}/{name}.db?mode=rwc", dir.display())
    })
}

fn text(v: &str) -> prost_types::Value {
    prost_types::Value {
        kind: Some(Kind::StringValue(v.into())),
    }
}

/// The `n`-th generated event: messages take 4 slots (sent, delivered, opened 1 in
/// 4, clicked 1 in 20 — otherwise another send), every 50th slot is a purchase.
fn generated(n: u64, total: u64) -> EventIngested {
    let at = START
        + (i64::try_from(n).unwrap_or(0) * 90 * DAY) / i64::try_from(total.max(1)).unwrap_or(1);
    let customer = format!("c{}", (n / 4) % 50_000);
    let mut props = std::collections::BTreeMap::new();
    let (kind, id) = if n % 50 == 49 {
        props.insert(
            "revenue".to_owned(),
            prost_types::Value {
                kind: Some(Kind::NumberValue(((n % 7) * 10 + 5) as f64)),
            },
        );
        ("purchase".to_owned(), format!("p{n}"))
    } else {
        let message = n / 4;
        let kind = match n % 4 {
            0 => "sent",
            1 => "delivered",
            2 if message.is_multiple_of(4) => "opened",
            3 if message.is_multiple_of(20) => "clicked",
            _ => "delivered",
        };
        let journey = format!("j{}", message % 10);
        props.insert("message_id".into(), text(&format!("m{message}")));
        props.insert("channel".into(), text(CHANNELS[(message % 4) as usize]));
        props.insert("journey_id".into(), text(&journey));
        props.insert("node_id".into(), text(&format!("n{}", message % 3)));
        props.insert("template_id".into(), text(&format!("t{}", message % 6)));
        (format!("message.{kind}"), format!("msg:m{message}:{kind}"))
    };
    EventIngested {
        workspace_id: WS.into(),
        customer_id: customer,
        event: Some(Event {
            event_id: id,
            r#type: kind,
            time: Some(to_timestamp(at)),
            properties: Some(prost_types::Struct { fields: props }),
            ..Default::default()
        }),
        merged_customer_ids: Vec::new(),
    }
}

async fn fill(redis: &mut redis::aio::ConnectionManager, total: u64) -> anyhow::Result<()> {
    let mut n = 0;
    while n < total {
        let mut pipe = redis::pipe();
        for i in n..(n + 2_000).min(total) {
            pipe.xadd(
                Topic::EventIngested.stream(),
                "*",
                &[("p", generated(i, total).encode_to_vec())],
            )
            .ignore();
        }
        pipe.query_async::<()>(redis).await?;
        n = (n + 2_000).min(total);
    }
    Ok(())
}

/// Waits until `group` has consumed and acknowledged the whole stream.
async fn drained(redis: &mut redis::aio::ConnectionManager, group: &str) -> anyhow::Result<()> {
    loop {
        let reply: redis::streams::StreamInfoGroupsReply =
            redis.xinfo_groups(Topic::EventIngested.stream()).await?;
        if let Some(g) = reply.groups.iter().find(|g| g.name == group)
            && g.lag == Some(0)
            && g.pending == 0
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let redis_server = RedisServer::start().await?;
    let mut redis = omni_common::redis::connect(&redis_server.url).await?;
    let t = Instant::now();
    fill(&mut redis, args.events).await?;
    println!(
        "wrote {} events to the bus in {:.1}s",
        args.events,
        t.elapsed().as_secs_f64()
    );

    // 1. Baseline: a bare consumer group decoding every entry.
    let bus = Bus::new(redis.clone());
    let stop = CancellationToken::new();
    let seen = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&seen);
    let t = Instant::now();
    let baseline = tokio::spawn(omni_bus::consume(
        bus,
        Topic::EventIngested,
        ConsumerOptions::new("bench-baseline", "bench-1"),
        stop.clone(),
        move |d: Delivery| {
            let counter = Arc::clone(&counter);
            async move {
                d.decode::<EventIngested>()?;
                counter.fetch_add(1, Ordering::Relaxed);
                Ok::<(), omni_bus::Error>(())
            }
        },
    ));
    drained(&mut redis, "bench-baseline").await?;
    let base_secs = t.elapsed().as_secs_f64();
    stop.cancel();
    baseline.await??;
    println!(
        "baseline  bare bus consumer: {:>9.0} events/s ({} in {:.1}s)",
        seen.load(Ordering::Relaxed) as f64 / base_secs,
        seen.load(Ordering::Relaxed),
        base_secs
    );

    // 1b. Baseline: a bare batched consumer group (500 entries per read and XACK).
    let stop = CancellationToken::new();
    let seen = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&seen);
    let t = Instant::now();
    let mut options = ConsumerOptions::new("bench-batch-baseline", "bench-1");
    options.batch = omni_insights::worker::EVENT_BATCH;
    let baseline = tokio::spawn(omni_bus::consume_batch(
        Bus::new(redis.clone()),
        Topic::EventIngested,
        options,
        stop.clone(),
        move |batch: Vec<Delivery>| {
            let counter = Arc::clone(&counter);
            async move {
                for d in &batch {
                    d.decode::<EventIngested>()?;
                }
                counter.fetch_add(batch.len() as u64, Ordering::Relaxed);
                Ok::<(), omni_bus::Error>(())
            }
        },
    ));
    drained(&mut redis, "bench-batch-baseline").await?;
    let secs = t.elapsed().as_secs_f64();
    stop.cancel();
    baseline.await??;
    println!(
        "baseline  bare batched consumer: {:>9.0} events/s ({} in {:.1}s)",
        seen.load(Ordering::Relaxed) as f64 / secs,
        seen.load(Ordering::Relaxed),
        secs
    );

    // 1c. Before batching: the insights store applying one event per transaction,
    //     consumed with `consume` (one XACK per entry), on the first --per-event entries.
    let dir = tempfile::tempdir()?;
    let db =
        omni_storage::connect(&fresh_database(&args, dir.path(), "insights_single").await?).await?;
    omni_storage::migrate(&db, "insights", omni_insights::store::MIGRATIONS).await?;
    let ingest = Arc::new(omni_insights::worker::Ingest::new(
        omni_insights::store::Store::new(db),
        omni_common::clock::system(),
        168 * 3_600_000,
    ));
    let stop = CancellationToken::new();
    let seen = Arc::new(AtomicU64::new(0));
    let (counter, limit, stopper) = (Arc::clone(&seen), args.per_event, stop.clone());
    let t = Instant::now();
    let single = tokio::spawn(omni_bus::consume(
        Bus::new(redis.clone()),
        Topic::EventIngested,
        ConsumerOptions::new("bench-per-event", "bench-1"),
        stop.clone(),
        move |d: Delivery| {
            let (ingest, counter, stopper) =
                (Arc::clone(&ingest), Arc::clone(&counter), stopper.clone());
            async move {
                let msg: EventIngested = d.decode()?;
                ingest.on_event(&msg).await?;
                if counter.fetch_add(1, Ordering::Relaxed) + 1 >= limit {
                    stopper.cancel();
                }
                Ok::<(), omni_insights::Error>(())
            }
        },
    ));
    single.await??;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "before    per-event store path ({}): {:>9.0} events/s ({} in {:.1}s)",
        if args.postgres { "Postgres" } else { "SQLite" },
        seen.load(Ordering::Relaxed) as f64 / secs,
        seen.load(Ordering::Relaxed),
        secs
    );

    // 2. The insights service consuming the same stream (batched).
    let mut settings = Settings::for_tests(&redis_server.url);
    settings.insights.database_url = fresh_database(&args, dir.path(), "insights_bench").await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    let t = Instant::now();
    let server = tokio::spawn(omni_insights::run(settings, listener, shutdown.clone()));
    drained(&mut redis, "insights").await?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "insights  ({}): {:>9.0} events/s ({} in {:.1}s)",
        if args.postgres { "Postgres" } else { "SQLite" },
        args.events as f64 / secs,
        args.events,
        secs
    );

    // 3. GetKpis over 90 days for one journey, by day; health check alongside.
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?
        .connect()
        .await?;
    let mut client =
        InsightsServiceClient::with_interceptor(channel.clone(), |mut r: Request<()>| {
            r.metadata_mut().insert(
                "authorization",
                "Bearer test-admin-key".parse().expect("ascii"),
            );
            Ok(r)
        });
    let request = pb::GetKpisRequest {
        range: Some(pb::TimeRange {
            start_time: Some(to_timestamp(START)),
            end_time: Some(to_timestamp(START + 90 * DAY)),
        }),
        group_by: pb::Dimension::Day as i32,
        filter: Some(pb::KpiFilter {
            journey_id: "j3".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let first = client.get_kpis(request.clone()).await?.into_inner();
    let total = first.total.context("total")?.current.context("current")?;
    println!(
        "GetKpis j3, 90 days: {} day rows, sent {} delivered {} opened {} clicked {} converted {}",
        first.rows.len(),
        total.sent,
        total.delivered,
        total.opened,
        total.clicked,
        total.converted
    );
    let mut kpis = Vec::with_capacity(args.queries);
    for _ in 0..args.queries {
        let t = Instant::now();
        client.get_kpis(request.clone()).await?;
        kpis.push(t.elapsed());
    }
    let mut health = HealthClient::new(channel);
    let mut checks = Vec::with_capacity(args.queries);
    for _ in 0..args.queries {
        let t = Instant::now();
        health
            .check(HealthCheckRequest {
                service: omni_insights::SERVICE_NAME.into(),
            })
            .await?;
        checks.push(t.elapsed());
    }
    kpis.sort_unstable();
    checks.sort_unstable();
    println!(
        "GetKpis       p50 {:>8.2?}  p99 {:>8.2?}  ({} calls)",
        percentile(&kpis, 0.5),
        percentile(&kpis, 0.99),
        kpis.len()
    );
    println!(
        "health Check  p50 {:>8.2?}  p99 {:>8.2?}  (baseline)",
        percentile(&checks, 0.5),
        percentile(&checks, 0.99)
    );
    shutdown.cancel();
    server.await??;
    Ok(())
}
