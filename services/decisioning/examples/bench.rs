//! Load benchmark of `Decide` over gRPC, with a plain tonic service as the ceiling.
//!
//! ```text
//! cargo run --release -p omni-decisioning --example bench -- --clients 32 --seconds 15
//! cargo run --release -p omni-decisioning --example bench -- --postgres   # also Postgres
//! ```
//!
//! For each database (SQLite always; Postgres with `--postgres`, at
//! `OMNI_TEST_DATABASE_URL` or `postgres://postgres@127.0.0.1:5432/postgres`, in a
//! fresh database) it starts a real Redis (`omni_testkit::RedisServer`) and the
//! decisioning service exactly as `omni up` runs it (auth, tracing layer, health),
//! loads customer profiles and a catalogue of 200 offers with CEL eligibility (some
//! learning by Thompson sampling, some capped), then drives `Decide` with `--clients`
//! concurrent callers for `--seconds` after a warm-up, and prints decisions/s with
//! p50/p90/p99/max latency. In the same run it serves a trivial `grpc.health.v1`
//! service (defined below, no auth, no storage) on the same runtime and drives its
//! `Check` the same way: the ceiling of tonic on this machine.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::Parser;
use omni_common::config::Settings;
use omni_common::convert::json_to_struct;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, ProfileUpdate};
use omni_proto::decisioning::v1 as pb;
use omni_proto::decisioning::v1::decisioning_service_client::DecisioningServiceClient;
use omni_testkit::RedisServer;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::ConnectionTrait as _;
use serde_json::json;
use tonic::transport::{Channel, Endpoint};
use tonic::{Request, Response, Status};
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::health_server::{Health, HealthServer};
use tonic_health::pb::{HealthCheckRequest, HealthCheckResponse, health_check_response};

const WS: &str = "default";
const ADMIN_KEY: &str = "test-admin-key";
const COUNTRIES: [&str; 5] = ["FR", "DE", "US", "KR", "JP"];
const TIERS: [&str; 3] = ["bronze", "silver", "gold"];
const PLACEMENTS: [pb::Placement; 4] = [
    pb::Placement::EmailHero,
    pb::Placement::Push,
    pb::Placement::Sms,
    pb::Placement::AppBanner,
];

/// Decide load benchmark.
#[derive(Parser, Debug, Clone)]
struct Args {
    /// Concurrent callers.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// HTTP/2 connections the callers share (round robin).
    #[arg(long, default_value_t = 4)]
    connections: usize,
    /// Measured seconds per target.
    #[arg(long, default_value_t = 15)]
    seconds: u64,
    /// Warm-up seconds per target (not measured).
    #[arg(long, default_value_t = 3)]
    warmup: u64,
    /// Offers in the catalogue.
    #[arg(long, default_value_t = 200)]
    offers: usize,
    /// Customer profiles decided for.
    #[arg(long, default_value_t = 10_000)]
    customers: usize,
    /// Also run against Postgres (`OMNI_TEST_DATABASE_URL` or the local default).
    #[arg(long)]
    postgres: bool,
    /// Skip SQLite (with `--postgres`: Postgres only).
    #[arg(long)]
    no_sqlite: bool,
    /// Skip the echo ceiling.
    #[arg(long)]
    no_echo: bool,
    /// Serve only (SQLite): start Redis and the service, load the data, print
    /// `READY <address>` and serve until interrupted. For profiling the server alone,
    /// e.g. under callgrind, while `--drive` sends it a fixed number of decisions.
    #[arg(long)]
    serve: bool,
    /// Drive only: send `--calls` decisions from `--clients` callers to the service at
    /// this address (started with `--serve`), print the time taken, and exit.
    #[arg(long)]
    drive: Option<std::net::SocketAddr>,
    /// Decisions sent by `--drive`.
    #[arg(long, default_value_t = 1000)]
    calls: u64,
}

/// The ceiling: `grpc.health.v1.Health/Check` answering SERVING, nothing else.
#[derive(Clone, Copy)]
struct Echo;

#[tonic::async_trait]
impl Health for Echo {
    async fn check(
        &self,
        _request: Request<HealthCheckRequest>,
    ) -> Result<Response<HealthCheckResponse>, Status> {
        Ok(Response::new(HealthCheckResponse {
            status: health_check_response::ServingStatus::Serving.into(),
        }))
    }

    type WatchStream = tokio_stream::Once<Result<HealthCheckResponse, Status>>;

    async fn watch(
        &self,
        _request: Request<HealthCheckRequest>,
    ) -> Result<Response<Self::WatchStream>, Status> {
        Ok(Response::new(tokio_stream::once(Ok(HealthCheckResponse {
            status: health_check_response::ServingStatus::Serving.into(),
        }))))
    }
}

/// What one measured run saw.
struct Figures {
    calls: u64,
    errors: u64,
    seconds: f64,
    /// Latencies in microseconds, sorted.
    latencies: Vec<u32>,
}

impl Figures {
    fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return 0.0;
        }
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        f64::from(self.latencies[i]) / 1000.0
    }

    fn print(&self, label: &str) {
        println!(
            "{label:<28} {:>9.0} calls/s  p50 {:>6.2} ms  p90 {:>6.2} ms  p99 {:>6.2} ms  max {:>7.2} ms  ({} calls, {} errors, {:.1} s)",
            self.calls as f64 / self.seconds,
            self.percentile(0.50),
            self.percentile(0.90),
            self.percentile(0.99),
            self.percentile(1.0),
            self.calls,
            self.errors,
            self.seconds,
        );
    }
}

/// Runs `call` from `clients` tasks for `warmup` then `seconds`, recording the
/// latency of every call that starts in the measured window.
async fn drive<F, Fut>(clients: usize, warmup: u64, seconds: u64, call: F) -> Figures
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let call = Arc::new(call);
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(warmup);
    let end = measure_from + Duration::from_secs(seconds);
    let mut tasks = Vec::with_capacity(clients);
    for client in 0..clients {
        let call = Arc::clone(&call);
        let errors = Arc::clone(&errors);
        tasks.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::with_capacity(1 << 16);
            let mut n = 0u64;
            loop {
                let t0 = Instant::now();
                if t0 >= end {
                    break;
                }
                let ok = call(client, n).await;
                n += 1;
                if t0 >= measure_from {
                    if ok {
                        let us = t0.elapsed().as_micros();
                        latencies.push(u32::try_from(us).unwrap_or(u32::MAX));
                    } else {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await.unwrap_or_default());
    }
    latencies.sort_unstable();
    Figures {
        calls: latencies.len() as u64,
        errors: errors.load(Ordering::Relaxed),
        seconds: seconds as f64,
        latencies,
    }
}

async fn channels(addr: std::net::SocketAddr, n: usize) -> anyhow::Result<Vec<Channel>> {
    let mut out = Vec::new();
    for _ in 0..n.max(1) {
        out.push(
            Endpoint::from_shared(format!("http://{addr}"))?
                .tcp_nodelay(true)
                .connect()
                .await?,
        );
    }
    Ok(out)
}

fn authorized<T>(msg: T) -> Request<T> {
    let mut req = Request::new(msg);
    req.metadata_mut().insert(
        "authorization",
        format!("Bearer {ADMIN_KEY}").parse().expect("ascii"),
    );
    req
}

/// Loads `n` profiles with traits, events and segment memberships.
async fn load_profiles(profiles: &ProfileStore, n: usize) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(7);
    for i in 0..n {
        let cid = format!("c_{i}");
        let traits = json!({
            "country": COUNTRIES[rng.random_range(0..COUNTRIES.len())],
            "tier": TIERS[rng.random_range(0..TIERS.len())],
            "age": rng.random_range(18..80),
        });
        let serde_json::Value::Object(traits) = traits else {
            anyhow::bail!("traits are an object")
        };
        for (k, event) in ["signup", "view", "purchase"].into_iter().enumerate() {
            if k == 0 || rng.random_bool(0.5) {
                profiles
                    .apply(
                        WS,
                        &cid,
                        &ProfileUpdate {
                            traits: if k == 0 {
                                traits.clone()
                            } else {
                                serde_json::Map::new()
                            },
                            identifiers: if k == 0 {
                                vec![("email".into(), format!("{cid}@example.com"))]
                            } else {
                                Vec::new()
                            },
                            event_type: Some(event.into()),
                            time_ms: 1_700_000_000_000 + i as i64,
                        },
                    )
                    .await?;
            }
        }
        for s in 0..10 {
            if rng.random_bool(0.2) {
                profiles
                    .set_membership(WS, &cid, &format!("seg_{s}"), true, 1_700_000_000_000)
                    .await?;
            }
        }
    }
    Ok(())
}

/// The `i`th offer of the catalogue: one of eight eligibility shapes, a placement (a
/// fifth serve any placement), values and weights, every fourth learning by Thompson
/// sampling, every tenth capped per customer and globally, every twentieth a tier up.
fn catalogue_offer(i: usize) -> pb::Offer {
    let country = COUNTRIES[i % COUNTRIES.len()];
    let eligibility = match i % 8 {
        0 => format!("traits.country == '{country}'"),
        1 => format!("traits.age >= {}", 20 + i % 40),
        2 => format!("'seg_{}' in segments", i % 10),
        3 => "has(traits.tier) && traits.tier in ['gold', 'silver']".to_owned(),
        4 => "context.page == 'home' && traits.age < 60".to_owned(),
        5 => "has(events.purchase) && events.purchase >= 1 && computed.total_events > 1".to_owned(),
        6 => format!("traits.country in ['{country}', 'DE'] || 'seg_1' in segments"),
        _ => String::new(),
    };
    let placements = if i % 5 == 4 {
        Vec::new()
    } else {
        vec![pb::PlacementContent {
            placement: PLACEMENTS[i % PLACEMENTS.len()].into(),
            content_ref: format!("tpl_{i}"),
            content: None,
        }]
    };
    let capped = i % 10 == 9;
    pb::Offer {
        display_name: format!("offer {i}"),
        eligibility,
        value: 1.0 + (i * 37 % 100) as f64,
        weight: 0.5 + (i % 4) as f64 * 0.5,
        content: Some(json_to_struct(
            json!({"code": format!("CODE{i}"), "headline": format!("Deal {i}")})
                .as_object()
                .expect("object"),
        )),
        placements,
        priority: i32::from(i.is_multiple_of(20)),
        propensity_model: if i % 4 == 1 {
            pb::PropensityModel::ThompsonSampling.into()
        } else {
            pb::PropensityModel::Unspecified.into()
        },
        customer_cap: capped.then_some(pb::CustomerCap {
            max_per_day: 1_000_000,
            ..Default::default()
        }),
        global_cap: capped.then_some(pb::GlobalCap {
            max_grants: 1_000_000_000,
            ..Default::default()
        }),
        product_ids: vec![format!("sku_{}", i % 50)],
        ..Default::default()
    }
}

async fn postgres_url() -> anyhow::Result<String> {
    let admin = std::env::var(omni_testkit::TEST_DATABASE_URL_ENV)
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let name = format!("omni_bench_decisioning_{}", std::process::id());
    let db = sea_orm::Database::connect(admin.as_str())
        .await
        .context("connecting to Postgres")?;
    db.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\""))
        .await?;
    db.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await?;
    db.close().await?;
    let (base, _) = admin
        .rsplit_once('/')
        .context("Postgres URL without a database")?;
    Ok(format!("{base}/{name}"))
}

/// A running decisioning service with its Redis and loaded data.
struct Running {
    addr: std::net::SocketAddr,
    conns: Vec<Channel>,
    shutdown: CancellationToken,
    server: tokio::task::JoinHandle<Result<(), omni_decisioning::Error>>,
    _redis: RedisServer,
}

/// The `seq`th decision request of a run: a customer, a placement and a page context
/// spread deterministically over the data set.
fn decide_request(seq: u64, customers: usize) -> pb::DecideRequest {
    pb::DecideRequest {
        customer_id: format!("c_{}", (seq * 7919) % customers as u64),
        placement: PLACEMENTS[(seq % 4) as usize].into(),
        context: Some(json_to_struct(
            json!({"page": if seq.is_multiple_of(2) { "home" } else { "cart" }})
                .as_object()
                .expect("object"),
        )),
        count: 1,
        ..Default::default()
    }
}

/// Starts Redis and the decisioning service on `database_url` and loads profiles and
/// the offer catalogue.
async fn start_service(args: &Args, label: &str, database_url: String) -> anyhow::Result<Running> {
    let redis_server = RedisServer::start().await?;
    let mut settings = Settings::for_tests(&redis_server.url);
    settings.decisioning.database_url = database_url;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    let server = tokio::spawn(omni_decisioning::run(
        settings.clone(),
        listener,
        shutdown.clone(),
    ));
    let conns = channels(addr, args.connections).await?;

    let redis = omni_common::redis::connect(&redis_server.url).await?;
    let profiles = ProfileStore::new(redis);
    let t = Instant::now();
    load_profiles(&profiles, args.customers).await?;
    let mut client = DecisioningServiceClient::new(conns[0].clone());
    for i in 0..args.offers {
        client
            .create_offer(authorized(pb::CreateOfferRequest {
                offer: Some(catalogue_offer(i)),
                idempotency_key: format!("bench-{i}"),
            }))
            .await?;
    }
    println!(
        "[{label}] loaded {} profiles and {} offers in {:.1} s",
        args.customers,
        args.offers,
        t.elapsed().as_secs_f64()
    );

    // One decision to check the shape of the answer before loading the service.
    let probe = client
        .decide(authorized(pb::DecideRequest {
            customer_id: "c_1".into(),
            placement: pb::Placement::EmailHero.into(),
            context: Some(json_to_struct(
                json!({"page": "home"}).as_object().expect("object"),
            )),
            ..Default::default()
        }))
        .await?
        .into_inner();
    println!(
        "[{label}] probe decision {}: {} candidates, chose {:?}",
        probe.decision_id,
        probe.candidates.len(),
        probe.offer.as_ref().map(|o| o.offer_id.as_str()),
    );
    Ok(Running {
        addr,
        conns,
        shutdown,
        server,
        _redis: redis_server,
    })
}

/// Runs the decisioning benchmark against `database_url`.
async fn bench_decide(args: &Args, label: &str, database_url: String) -> anyhow::Result<()> {
    let running = start_service(args, label, database_url).await?;
    let conns = &running.conns;
    let mut client = DecisioningServiceClient::new(conns[0].clone());
    let customers = args.customers;
    let last_decision = Arc::new(std::sync::Mutex::new(String::new()));
    let last = Arc::clone(&last_decision);
    let clients: Vec<_> = conns
        .iter()
        .map(|c| DecisioningServiceClient::new(c.clone()))
        .collect();
    let figures = drive(args.clients, args.warmup, args.seconds, move |k, n| {
        let mut client = clients[k % clients.len()].clone();
        let last = Arc::clone(&last);
        let seq = k as u64 * 1_000_003 + n;
        async move {
            match client
                .decide(authorized(decide_request(seq, customers)))
                .await
            {
                Ok(resp) => {
                    if n.is_multiple_of(1024)
                        && let Ok(mut l) = last.lock()
                    {
                        *l = resp.into_inner().decision_id;
                    }
                    true
                }
                Err(e) => {
                    if n < 3 {
                        eprintln!("[{k}] decide failed: {e}");
                    }
                    false
                }
            }
        }
    })
    .await;
    figures.print(&format!("Decide ({label})"));

    // A decision returned during the run is in the log.
    let id = last_decision.lock().map(|l| l.clone()).unwrap_or_default();
    if !id.is_empty() {
        let got = client
            .get_decision(authorized(pb::GetDecisionRequest {
                decision_id: id.clone(),
            }))
            .await?
            .into_inner();
        anyhow::ensure!(
            got.decision.is_some_and(|d| d.decision_id == id),
            "decision {id} not found after the run"
        );
    }
    running.shutdown.cancel();
    running.server.await??;
    Ok(())
}

/// `--serve`: the service with its data, until interrupted.
async fn serve(args: &Args) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("omni-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}/decisioning.db?mode=rwc", dir.display());
    let running = start_service(args, "SQLite", url).await?;
    println!("READY {}", running.addr);
    tokio::signal::ctrl_c().await?;
    running.shutdown.cancel();
    running.server.await??;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// `--drive`: exactly `--calls` decisions from `--clients` callers.
async fn drive_fixed(args: &Args, addr: std::net::SocketAddr) -> anyhow::Result<()> {
    let conns = channels(addr, args.connections).await?;
    let clients = args.clients.max(1) as u64;
    let t = Instant::now();
    let mut tasks = Vec::new();
    for k in 0..clients {
        let mut client = DecisioningServiceClient::new(conns[k as usize % conns.len()].clone());
        let customers = args.customers;
        let calls = args.calls / clients + u64::from(k < args.calls % clients);
        tasks.push(tokio::spawn(async move {
            let mut failed = 0u64;
            for n in 0..calls {
                let seq = k * 1_000_003 + n;
                if client
                    .decide(authorized(decide_request(seq, customers)))
                    .await
                    .is_err()
                {
                    failed += 1;
                }
            }
            failed
        }));
    }
    let mut failed = 0;
    for t in tasks {
        failed += t.await?;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "drove {} decisions ({failed} failed) in {secs:.2} s: {:.0}/s",
        args.calls,
        args.calls as f64 / secs
    );
    anyhow::ensure!(failed == 0, "{failed} decisions failed");
    Ok(())
}

/// Runs the ceiling: the trivial health service driven the same way.
async fn bench_echo(args: &Args) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    let stop = shutdown.clone();
    let server = tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(HealthServer::new(Echo))
            .serve_with_incoming_shutdown(
                tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true)),
                async move { stop.cancelled().await },
            ),
    );
    let conns = channels(addr, args.connections).await?;
    let clients: Vec<_> = conns.iter().map(|c| HealthClient::new(c.clone())).collect();
    let figures = drive(args.clients, args.warmup, args.seconds, move |k, _| {
        let mut client = clients[k % clients.len()].clone();
        async move {
            client
                .check(HealthCheckRequest {
                    service: "bench".into(),
                })
                .await
                .is_ok()
        }
    })
    .await;
    figures.print("echo (health Check)");
    shutdown.cancel();
    server.await??;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(addr) = args.drive {
        return drive_fixed(&args, addr).await;
    }
    if args.serve {
        return serve(&args).await;
    }
    println!(
        "decisioning bench: {} clients over {} connections, {} s measured after {} s warm-up, {} offers, {} customers, {} cores",
        args.clients,
        args.connections,
        args.seconds,
        args.warmup,
        args.offers,
        args.customers,
        std::thread::available_parallelism().map_or(0, usize::from),
    );
    if !args.no_sqlite {
        let dir = std::env::temp_dir().join(format!("omni-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let url = format!("sqlite://{}/decisioning.db?mode=rwc", dir.display());
        let result = bench_decide(&args, "SQLite", url).await;
        let _ = std::fs::remove_dir_all(&dir);
        result?;
    }
    if args.postgres {
        bench_decide(&args, "Postgres", postgres_url().await?).await?;
    }
    if !args.no_echo {
        bench_echo(&args).await?;
    }
    Ok(())
}
