//! Ingest benchmark: `TrackBatch` against the whole suite, with Redis's own ceiling for
//! the commands one event costs measured in the same run.
//!
//! ```text
//! cargo run --release -p omni --example bench-ingest
//! OMNI_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!   cargo run --release -p omni --example bench-ingest -- --postgres
//! ```
//!
//! Starts a real `redis-server` and the five services as `omni up` runs them (SQLite
//! files, or with `--postgres` fresh databases on the server `OMNI_TEST_DATABASE_URL`
//! names, e.g. `postgres://postgres@127.0.0.1:5432/postgres`), so segment, journey and the other
//! bus consumers work on the events as they would in production. `--callers`
//! concurrent callers send `TrackBatch` requests of `--batch` events (a retail mix:
//! page views, app opens, cart adds, purchases; each event carries a user id and an
//! anonymous id of one of `--customers` customers) for `--seconds` after a warm-up.
//!
//! Prints accepted events/s, batch latency p50/p90/p99/max, how long the bus took to
//! carry every accepted event afterwards, the Redis commands one event cost (from
//! `INFO commandstats` over the run), and `redis-benchmark`'s pipelined rate for those
//! same commands on the same server: the Redis-bound ceiling in events/s.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::Parser;
use omni::clients::ApiKey;
use omni::suite::Suite;
use omni_common::config::{SERVICES, Settings};
use omni_common::convert::json_to_struct;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{Event, Identifier, IdentifierType, SourceChannel};
use omni_proto::identity::v1::TrackBatchRequest;
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_testkit::RedisServer;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use tonic::transport::Endpoint;

const EVENT_TYPES: [(&str, u32); 4] = [
    ("page_view", 70),
    ("app_open", 12),
    ("add_to_cart", 13),
    ("purchase", 5),
];

/// `TrackBatch` ingest benchmark.
#[derive(Parser, Debug, Clone)]
struct Args {
    /// Concurrent callers.
    #[arg(long, default_value_t = 8)]
    callers: usize,
    /// HTTP/2 connections the callers share.
    #[arg(long, default_value_t = 2)]
    connections: usize,
    /// Events per `TrackBatch`.
    #[arg(long, default_value_t = 100)]
    batch: usize,
    /// Distinct customers the events belong to.
    #[arg(long, default_value_t = 20_000)]
    customers: u64,
    /// Measured seconds.
    #[arg(long, default_value_t = 15)]
    seconds: u64,
    /// Warm-up seconds (not measured).
    #[arg(long, default_value_t = 3)]
    warmup: u64,
    /// Use fresh Postgres databases instead of SQLite files.
    #[arg(long)]
    postgres: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let data = tempfile::tempdir()?;
    let redis = RedisServer::start().await?;
    let mut settings = Settings::load(None)?;
    settings.data_dir = data.path().to_path_buf();
    settings.redis.url = redis.url.clone();
    settings.telemetry.log_filter = "error".into();
    settings.auth.bootstrap_key = "bench-admin-key".into();
    settings.auth.internal_key = "bench-internal-key".into();
    anyhow::ensure!(
        !args.postgres || std::env::var("OMNI_TEST_DATABASE_URL").is_ok(),
        "--postgres needs OMNI_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)"
    );
    for name in SERVICES {
        let s = settings.service_mut(name);
        s.listen = ([127, 0, 0, 1], 0).into();
        s.database_url = if args.postgres {
            omni_testkit::database_url(name).await?
        } else {
            format!("sqlite://{}/{name}.db?mode=rwc", data.path().display())
        };
    }
    let _telemetry = omni_common::telemetry::init(&settings.telemetry, "bench-ingest")?;
    let suite = Suite::start(settings.clone(), CancellationToken::new()).await?;
    let db = if args.postgres { "Postgres" } else { "SQLite" };
    println!(
        "suite up ({db}); {} callers x {} events per TrackBatch over {} connections, {} customers",
        args.callers, args.batch, args.connections, args.customers
    );

    let key = ApiKey::new(&settings.auth.bootstrap_key);
    let mut clients = Vec::new();
    for _ in 0..args.connections.max(1) {
        let channel = Endpoint::from_shared(suite.url("identity"))?
            .tcp_nodelay(true)
            .connect()
            .await?;
        clients.push(IdentityServiceClient::with_interceptor(
            channel,
            key.clone(),
        ));
    }

    let mut redis_conn = redis::Client::open(redis.url.as_str())?
        .get_multiplexed_async_connection()
        .await?;

    // Warm-up, then the measured window.
    let warm = drive(&args, &clients, Duration::from_secs(args.warmup), 0).await?;
    let before = commandstats(&mut redis_conn).await?;
    let started = Instant::now();
    let measured = drive(
        &args,
        &clients,
        Duration::from_secs(args.seconds),
        warm.accepted + warm.failed,
    )
    .await?;
    let elapsed = started.elapsed().as_secs_f64();
    let after = commandstats(&mut redis_conn).await?;

    let total_accepted = warm.accepted + measured.accepted;
    let drain_started = Instant::now();
    let published = wait_for_bus(&mut redis_conn, total_accepted, Duration::from_secs(120)).await?;
    let drain = drain_started.elapsed();

    let mut lat = measured.latencies_us;
    lat.sort_unstable();
    println!();
    println!("| measure | value |");
    println!("|---|---:|");
    println!(
        "| accepted events/s ({db}) | {:.0} |",
        measured.accepted as f64 / elapsed
    );
    println!("| failed events | {} |", measured.failed);
    println!("| batches/s | {:.0} |", lat.len() as f64 / elapsed);
    for (name, q) in [("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0)] {
        println!(
            "| batch latency {name} | {:.1} ms |",
            pct(&lat, q) as f64 / 1000.0
        );
    }
    println!(
        "| bus caught up after the run | {:.1} s ({published} of {total_accepted} EventIngested) |",
        drain.as_secs_f64()
    );

    // Redis cost per event, and Redis's own rate for those commands.
    let per_event = per_event_commands(&before, &after, measured.accepted);
    println!();
    println!("Redis commands per accepted event during the run (INFO commandstats):");
    let mut total_per_event = 0.0;
    for (cmd, n) in &per_event {
        println!("  {cmd:<12} {n:.2}");
        total_per_event += n;
    }
    println!("  total        {total_per_event:.2}");
    let ceiling = redis_benchmark(&redis, &per_event).await?;
    println!();
    println!("redis-benchmark on the same server (50 clients, pipeline 16):");
    let mut secs_per_event = 0.0;
    for (cmd, ops) in &ceiling {
        let weight = per_event.get(cmd).copied().unwrap_or(0.0);
        secs_per_event += weight / ops;
        println!("  {cmd:<12} {ops:>12.0} ops/s  x {weight:.2} per event");
    }
    if secs_per_event > 0.0 {
        println!(
            "  Redis-bound ceiling: {:.0} events/s (the commands above alone, pipelined)",
            1.0 / secs_per_event
        );
    }

    drop(clients);
    suite.shutdown().await?;
    Ok(())
}

#[derive(Default)]
struct Outcome {
    accepted: u64,
    failed: u64,
    latencies_us: Vec<u64>,
}

async fn drive(
    args: &Args,
    clients: &[IdentityServiceClient<omni::clients::Authed>],
    duration: Duration,
    id_offset: u64,
) -> anyhow::Result<Outcome> {
    let stop = Arc::new(AtomicBool::new(false));
    let next_id = Arc::new(AtomicU64::new(id_offset));
    let mut tasks = Vec::new();
    for caller in 0..args.callers {
        let mut client = clients[caller % clients.len()].clone();
        let stop = stop.clone();
        let next_id = next_id.clone();
        let args = args.clone();
        tasks.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(caller as u64 ^ id_offset);
            let mut out = Outcome::default();
            while !stop.load(Ordering::Relaxed) {
                let first = next_id.fetch_add(args.batch as u64, Ordering::Relaxed);
                let events = (0..args.batch as u64)
                    .map(|i| event(first + i, &mut rng, args.customers))
                    .collect();
                let t = Instant::now();
                let resp = client
                    .track_batch(TrackBatchRequest { events })
                    .await
                    .context("TrackBatch")?
                    .into_inner();
                out.latencies_us.push(t.elapsed().as_micros() as u64);
                out.accepted += u64::from(resp.accepted_count.max(0) as u32);
                out.failed += u64::from(resp.failed_count.max(0) as u32);
            }
            anyhow::Ok(out)
        }));
    }
    tokio::time::sleep(duration).await;
    stop.store(true, Ordering::Relaxed);
    let mut total = Outcome::default();
    for t in tasks {
        let o = t.await??;
        total.accepted += o.accepted;
        total.failed += o.failed;
        total.latencies_us.extend(o.latencies_us);
    }
    Ok(total)
}

fn event(n: u64, rng: &mut StdRng, customers: u64) -> Event {
    let customer = rng.random_range(0..customers);
    let roll = rng.random_range(0..100);
    let mut acc = 0;
    let mut kind = EVENT_TYPES[0].0;
    for (t, w) in EVENT_TYPES {
        acc += w;
        if roll < acc {
            kind = t;
            break;
        }
    }
    let properties = match kind {
        "purchase" => json!({"order_id": format!("o{n}"), "revenue": 20 + (n % 80),
                             "product_ids": [format!("p{}", n % 500)]}),
        "add_to_cart" => json!({"product_id": format!("p{}", n % 500), "price": 25}),
        _ => json!({"path": format!("/products/p{}", n % 500)}),
    };
    let source = if kind == "app_open" {
        SourceChannel::App
    } else {
        SourceChannel::Web
    };
    Event {
        event_id: format!("bench-{n}"),
        r#type: kind.into(),
        time: None,
        identifiers: vec![
            Identifier {
                r#type: IdentifierType::UserId as i32,
                value: format!("u{customer}"),
                custom_type: String::new(),
            },
            Identifier {
                r#type: IdentifierType::AnonymousId as i32,
                value: format!("a{customer}"),
                custom_type: String::new(),
            },
        ],
        properties: json_to_struct(&properties.as_object().cloned().unwrap_or_default()).into(),
        traits: None,
        source: source as i32,
    }
}

fn pct(sorted: &[u64], q: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Calls per command from `INFO commandstats`.
async fn commandstats(
    conn: &mut redis::aio::MultiplexedConnection,
) -> anyhow::Result<BTreeMap<String, u64>> {
    let info: String = redis::cmd("INFO")
        .arg("commandstats")
        .query_async(conn)
        .await?;
    let mut out = BTreeMap::new();
    for line in info.lines() {
        // cmdstat_hset:calls=12,usec=...
        let Some(rest) = line.strip_prefix("cmdstat_") else {
            continue;
        };
        let Some((name, stats)) = rest.split_once(':') else {
            continue;
        };
        let calls = stats
            .split(',')
            .find_map(|kv| kv.strip_prefix("calls="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        out.insert(name.to_owned(), calls);
    }
    Ok(out)
}

fn per_event_commands(
    before: &BTreeMap<String, u64>,
    after: &BTreeMap<String, u64>,
    events: u64,
) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    if events == 0 {
        return out;
    }
    for (cmd, n) in after {
        let d = n.saturating_sub(before.get(cmd).copied().unwrap_or(0));
        // Skip our own INFO calls and commands costing less than one per 100 events.
        let per = d as f64 / events as f64;
        if cmd != "info" && per >= 0.01 {
            out.insert(cmd.clone(), per);
        }
    }
    out
}

/// Waits until the EventIngested stream has received `expected` entries in all.
async fn wait_for_bus(
    conn: &mut redis::aio::MultiplexedConnection,
    expected: u64,
    timeout: Duration,
) -> anyhow::Result<u64> {
    let deadline = Instant::now() + timeout;
    loop {
        let info: redis::Value = redis::cmd("XINFO")
            .arg("STREAM")
            .arg(omni_bus::Topic::EventIngested.stream())
            .query_async(conn)
            .await?;
        let added = entries_added(&info).unwrap_or(0);
        if added >= expected || Instant::now() > deadline {
            return Ok(added);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `entries-added` from an `XINFO STREAM` reply.
fn entries_added(info: &redis::Value) -> Option<u64> {
    let items: Vec<(String, redis::Value)> = match info {
        redis::Value::Map(m) => m
            .iter()
            .filter_map(|(k, v)| {
                redis::from_redis_value::<String>(k.clone())
                    .ok()
                    .map(|k| (k, v.clone()))
            })
            .collect(),
        redis::Value::Array(a) => a
            .chunks(2)
            .filter_map(|kv| {
                let k = redis::from_redis_value::<String>(kv.first()?.clone()).ok()?;
                Some((k, kv.get(1)?.clone()))
            })
            .collect(),
        _ => return None,
    };
    items
        .into_iter()
        .find(|(k, _)| k == "entries-added")
        .and_then(|(_, v)| redis::from_redis_value::<u64>(v).ok())
}

/// Runs `redis-benchmark` for each command (a representative call of it on throwaway
/// keys, pipelined) and returns ops/s per command. Commands it cannot reproduce
/// faithfully (scripts) are run as the closest plain command and say so.
async fn redis_benchmark(
    redis: &RedisServer,
    per_event: &BTreeMap<String, f64>,
) -> anyhow::Result<Vec<(String, f64)>> {
    let mut out = Vec::new();
    for cmd in per_event.keys() {
        let argv: Vec<&str> = match cmd.as_str() {
            "hset" => vec!["HSET", "bench:h:__rand_int__", "f", "v", "g", "w"],
            "hgetall" => vec!["HGETALL", "bench:h:__rand_int__"],
            "hget" => vec!["HGET", "bench:h:__rand_int__", "f"],
            "hmget" => vec!["HMGET", "bench:h:__rand_int__", "f", "g"],
            "hincrby" => vec!["HINCRBY", "bench:h:__rand_int__", "n", "1"],
            "hincrbyfloat" => vec!["HINCRBYFLOAT", "bench:h:__rand_int__", "x", "1.5"],
            "get" => vec!["GET", "bench:s:__rand_int__"],
            "set" => vec!["SET", "bench:s:__rand_int__", "v"],
            "exists" => vec!["EXISTS", "bench:s:__rand_int__"],
            "sadd" => vec!["SADD", "bench:set:__rand_int__", "m"],
            "smembers" => vec!["SMEMBERS", "bench:set:__rand_int__"],
            "zadd" => vec!["ZADD", "bench:z", "__rand_int__", "m__rand_int__"],
            "xadd" => vec!["XADD", "bench:x", "MAXLEN", "~", "100000", "*", "f", "v"],
            "expire" => vec!["EXPIRE", "bench:h:__rand_int__", "3600"],
            "del" => vec!["DEL", "bench:d:__rand_int__"],
            // A script call is measured as a trivial EVAL: the floor of a script round.
            "evalsha" | "eval" | "fcall" => vec!["EVAL", "return 1", "0"],
            _ => continue,
        };
        let output = tokio::process::Command::new("redis-benchmark")
            .args(["-p", &redis.port().to_string(), "-c", "50", "-n", "200000"])
            .args(["-P", "16", "-r", "100000", "-q", "--csv"])
            .args(&argv)
            .output()
            .await
            .context("running redis-benchmark (Debian package redis-tools)")?;
        let text = String::from_utf8_lossy(&output.stdout);
        // CSV: "test","rps",...
        let rps = text
            .lines()
            .filter(|l| !l.starts_with("\"test\""))
            .find_map(|l| l.split(',').nth(1))
            .and_then(|v| v.trim_matches('"').parse::<f64>().ok());
        if let Some(rps) = rps {
            out.push((cmd.clone(), rps));
        }
    }
    Ok(out)
}
