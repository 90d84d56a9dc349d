//! Latency from `identity.Track` acknowledged to segment's `MembershipChanged`
//! published, at a fixed event rate with many segments defined, with the bus itself
//! as the same-run baseline.
//!
//! ```text
//! cargo run --release -p omni-tests --example bench_segment_latency -- --rate 2000 --seconds 20
//! ```
//!
//! It starts a real Redis (`omni_testkit::RedisServer`) and the identity and segment
//! services in this process through their `run` functions (as `omni up` does: auth,
//! SQLite, workers, bus consumers), defines `--segments` segments
//! (`traits.score >= k` for k spread over 0..100, so one event moves a customer across
//! several of them), and then sends `Track` open-loop at `--rate` events/s over
//! `--customers` customers, each event setting a random `score`. A consumer group on
//! `MembershipChanged` notes when each change is seen; the latency of an event is
//! from its `Track` response to its first `MembershipChanged` (matched by
//! `cause_event_id`). It prints p50/p90/p99/max over the events that changed a
//! membership after a warm-up.
//!
//! Baseline, same run, same Redis, same rate: a raw stream entry appended with
//! `XADD` and read by a consumer group with `XREADGROUP BLOCK` — the floor of any
//! hop over the bus (segment's path has two: `EventIngested` and `MembershipChanged`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::Parser;
use omni_bus::{Bus, ConsumerOptions, Topic};
use omni_common::config::Settings;
use omni_common::convert::json_to_struct;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{Event, Identifier, IdentifierType, MembershipChanged};
use omni_proto::identity::v1 as idpb;
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_proto::segment::v1 as pb;
use omni_proto::segment::v1::segment_service_client::SegmentServiceClient;
use omni_testkit::RedisServer;
use serde_json::json;
use tonic::Request;
use tonic::transport::{Channel, Endpoint};

const ADMIN_KEY: &str = "test-admin-key";

/// Track → MembershipChanged latency benchmark.
#[derive(Parser, Debug, Clone)]
struct Args {
    /// Events per second sent to Track.
    #[arg(long, default_value_t = 2_000)]
    rate: u64,
    /// Measured seconds.
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// Warm-up seconds (not measured).
    #[arg(long, default_value_t = 3)]
    warmup: u64,
    /// Segments defined.
    #[arg(long, default_value_t = 50)]
    segments: usize,
    /// Distinct customers.
    #[arg(long, default_value_t = 10_000)]
    customers: usize,
    /// HTTP/2 connections to identity.
    #[arg(long, default_value_t = 4)]
    connections: usize,
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn with_key(mut r: Request<()>) -> Result<Request<()>, tonic::Status> {
    r.metadata_mut().insert(
        "authorization",
        format!("Bearer {ADMIN_KEY}").parse().expect("ascii"),
    );
    Ok(r)
}

type Interceptor = fn(Request<()>) -> Result<Request<()>, tonic::Status>;

async fn channel(addr: std::net::SocketAddr) -> anyhow::Result<Channel> {
    Ok(Endpoint::from_shared(format!("http://{addr}"))?
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await?)
}

/// Percentiles (µs) of sorted latencies.
fn summary(label: &str, mut v: Vec<u64>) {
    v.sort_unstable();
    if v.is_empty() {
        println!("{label}: no samples");
        return;
    }
    let p = |q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)] as f64 / 1000.0;
    println!(
        "{label}: n={} p50 {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms   load {}",
        v.len(),
        p(0.50),
        p(0.90),
        p(0.99),
        p(1.0),
        load()
    );
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let redis_server = RedisServer::start().await?;
    let dir = tempfile::tempdir()?;
    let mut settings = Settings::for_tests(&redis_server.url);
    settings.data_dir = dir.path().to_owned();
    settings.identity.database_url = format!("sqlite://{}/identity.db", dir.path().display());
    settings.segment.database_url = format!("sqlite://{}/segment.db", dir.path().display());
    let shutdown = CancellationToken::new();
    let id_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let seg_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let (id_addr, seg_addr) = (id_listener.local_addr()?, seg_listener.local_addr()?);
    let identity = tokio::spawn(omni_identity::run(
        settings.clone(),
        id_listener,
        shutdown.clone(),
    ));
    let segment = tokio::spawn(omni_segment::run(
        settings.clone(),
        seg_listener,
        shutdown.clone(),
    ));
    let mut seg =
        SegmentServiceClient::with_interceptor(channel(seg_addr).await?, with_key as Interceptor);
    let mut ids = Vec::new();
    for _ in 0..args.connections.max(1) {
        ids.push(IdentityServiceClient::with_interceptor(
            channel(id_addr).await?,
            with_key as Interceptor,
        ));
    }
    for i in 0..args.segments {
        let k = (i * 100) / args.segments.max(1);
        seg.create_segment(pb::CreateSegmentRequest {
            segment: Some(pb::Segment {
                display_name: format!("score >= {k}"),
                expression: format!("has(traits.score) && traits.score >= {k}"),
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?;
    }
    println!(
        "identity + segment up, {} segments defined   load {}",
        args.segments,
        load()
    );

    // Baseline: raw XADD -> XREADGROUP BLOCK on the same Redis at the same rate.
    let base = bus_floor(&redis_server.url, args.rate, args.seconds.min(10)).await?;
    summary("baseline  XADD -> XREADGROUP (one bus hop)", base);

    // MembershipChanged watcher: first sighting per cause event.
    let seen: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let bus = Bus::connect(&redis_server.url).await?;
    let watcher = {
        let seen = Arc::clone(&seen);
        let shutdown = shutdown.clone();
        tokio::spawn(omni_bus::consume(
            bus,
            Topic::MembershipChanged,
            ConsumerOptions::new("bench", "bench-1"),
            shutdown,
            move |d| {
                let seen = Arc::clone(&seen);
                async move {
                    let at = Instant::now();
                    let msg: MembershipChanged = d.decode()?;
                    seen.lock()
                        .expect("lock")
                        .entry(msg.cause_event_id)
                        .or_insert(at);
                    Ok::<(), omni_bus::Error>(())
                }
            },
        ))
    };

    // Open-loop Track at the rate.
    let acked: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let errors = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let first_error: Arc<Mutex<Option<tonic::Status>>> = Arc::default();
    let total = (args.warmup + args.seconds) * args.rate;
    let measured_from = args.warmup * args.rate;
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..total {
        let due = start + Duration::from_nanos(n * 1_000_000_000 / args.rate);
        tokio::time::sleep_until(due.into()).await;
        let mut client = ids[(n as usize) % ids.len()].clone();
        let acked = Arc::clone(&acked);
        let errors = Arc::clone(&errors);
        let first_error = Arc::clone(&first_error);
        let customer = (n as usize * 7_919) % args.customers;
        let score = (n * 2_654_435_761) % 101;
        tasks.spawn(async move {
            let event_id = format!("ev{n}");
            let event = Event {
                event_id: event_id.clone(),
                r#type: "score".into(),
                identifiers: vec![Identifier {
                    r#type: IdentifierType::UserId.into(),
                    value: format!("u{customer}"),
                    custom_type: String::new(),
                }],
                traits: Some(json_to_struct(
                    json!({ "score": score }).as_object().expect("object"),
                )),
                ..Default::default()
            };
            match client
                .track(idpb::TrackRequest { event: Some(event) })
                .await
            {
                Ok(_) if n >= measured_from => {
                    acked.lock().expect("lock").insert(event_id, Instant::now());
                }
                Ok(_) => {}
                Err(status) => {
                    errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    first_error.lock().expect("lock").get_or_insert(status);
                }
            }
        });
        while let Some(done) = tasks.try_join_next() {
            done?;
        }
    }
    while let Some(done) = tasks.join_next().await {
        done?;
    }
    let sent_for = start.elapsed();
    // Let the last changes arrive: wait until no new change was seen for 3 s (at most
    // 60 s), so a consumer that fell behind is not mistaken for one that saw nothing.
    let drain_start = Instant::now();
    let mut last = usize::MAX;
    while drain_start.elapsed() < Duration::from_secs(60) {
        let now = seen.lock().expect("lock").len();
        if now == last {
            break;
        }
        last = now;
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    println!(
        "drained {:.1}s after the last Track",
        drain_start.elapsed().as_secs_f64()
    );
    println!(
        "sent {total} Track calls in {:.1}s ({:.0}/s), {} errors",
        sent_for.as_secs_f64(),
        total as f64 / sent_for.as_secs_f64(),
        errors.load(std::sync::atomic::Ordering::Relaxed)
    );
    if let Some(status) = first_error.lock().expect("lock").as_ref() {
        println!("first error: {:?}: {}", status.code(), status.message());
    }
    let acked = acked.lock().expect("lock").clone();
    let seen = seen.lock().expect("lock").clone();
    let latencies: Vec<u64> = acked
        .iter()
        .filter_map(|(id, ack)| {
            seen.get(id)
                .map(|at| at.saturating_duration_since(*ack).as_micros() as u64)
        })
        .collect();
    summary(
        &format!(
            "Track ack -> MembershipChanged seen ({} of {} measured events changed a membership)",
            latencies.len(),
            acked.len()
        ),
        latencies,
    );

    shutdown.cancel();
    let _ = watcher.await;
    identity.await??;
    segment.await??;
    Ok(())
}

/// Appends `rate` entries/s for `seconds` to a scratch stream and reads them with a
/// consumer group (`XREADGROUP BLOCK`); returns each entry's latency in µs.
async fn bus_floor(url: &str, rate: u64, seconds: u64) -> anyhow::Result<Vec<u64>> {
    const STREAM: &str = "bench:floor";
    let client = redis::Client::open(url)?;
    let mut writer = client.get_multiplexed_async_connection().await?;
    let _: () = redis::cmd("XGROUP")
        .arg("CREATE")
        .arg(STREAM)
        .arg("g")
        .arg("$")
        .arg("MKSTREAM")
        .query_async(&mut writer)
        .await?;
    let sent: Arc<Mutex<HashMap<u64, Instant>>> = Arc::default();
    let total = rate * seconds;
    let reader = {
        let sent = Arc::clone(&sent);
        let mut conn = client.get_multiplexed_async_connection().await?;
        tokio::spawn(async move {
            let mut latencies = Vec::new();
            while (latencies.len() as u64) < total {
                let reply: redis::streams::StreamReadReply = redis::cmd("XREADGROUP")
                    .arg("GROUP")
                    .arg("g")
                    .arg("c")
                    .arg("COUNT")
                    .arg(100)
                    .arg("BLOCK")
                    .arg(2_000)
                    .arg("STREAMS")
                    .arg(STREAM)
                    .arg(">")
                    .query_async(&mut conn)
                    .await
                    .context("XREADGROUP")?;
                let now = Instant::now();
                if reply.keys.is_empty() {
                    break;
                }
                for entry in reply.keys.into_iter().flat_map(|k| k.ids) {
                    let n: u64 = entry.get("n").unwrap_or_default();
                    if let Some(at) = sent.lock().expect("lock").get(&n) {
                        latencies.push(now.saturating_duration_since(*at).as_micros() as u64);
                    }
                    let _: i64 = redis::cmd("XACK")
                        .arg(STREAM)
                        .arg("g")
                        .arg(&entry.id)
                        .query_async(&mut conn)
                        .await?;
                }
            }
            anyhow::Ok(latencies)
        })
    };
    let start = Instant::now();
    for n in 0..total {
        let due = start + Duration::from_nanos(n * 1_000_000_000 / rate);
        tokio::time::sleep_until(due.into()).await;
        sent.lock().expect("lock").insert(n, Instant::now());
        let _: String = redis::cmd("XADD")
            .arg(STREAM)
            .arg("*")
            .arg("n")
            .arg(n)
            .query_async(&mut writer)
            .await?;
    }
    reader.await?
}
