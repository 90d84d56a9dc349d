//! Benchmark of a batch recompute of one segment over many profiles, with raw Redis
//! reads of the same keys as the same-run baseline.
//!
//! ```text
//! cargo run --release -p omni-segment --example bench_recompute -- --profiles 1000000
//! ```
//!
//! It starts a real Redis (`omni_testkit::RedisServer`) and the segment service as
//! `omni up` runs it (`omni_segment::run`: auth, SQLite, workers), seeds `--profiles`
//! profiles straight into Redis in identity's key layout (pipelined: traits, event
//! counts, first/last seen, and the segment service's known-customer set), then:
//!
//! 1. **baseline**: walks the known set with `SSCAN` and reads every profile's traits
//!    hash with pipelined `HGETALL` (pages of 1,000): the rate at which this Redis on
//!    this machine hands out the data a recompute must read;
//! 2. **create**: `CreateSegment` (`traits.age >= 40 && traits.country == 'KR'`,
//!    about 13% match) and waits for its backfill recompute: every profile evaluated,
//!    the members entering (membership written, transition recorded,
//!    `MembershipChanged` published);
//! 3. **re-run**: `RecomputeSegment` on the same segment: every profile evaluated
//!    again, nothing changes.
//!
//! Rates are profiles / (recompute finish − start) from the recompute record.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::Parser;
use omni_common::config::Settings;
use omni_common::shutdown::CancellationToken;
use omni_proto::segment::v1 as pb;
use omni_proto::segment::v1::segment_service_client::SegmentServiceClient;
use omni_testkit::RedisServer;
use tonic::Request;
use tonic::transport::Endpoint;

const WS: &str = "default";
const ADMIN_KEY: &str = "test-admin-key";
const COUNTRIES: [&str; 5] = ["KR", "FR", "DE", "US", "JP"];
const TIERS: [&str; 3] = ["bronze", "silver", "gold"];

/// Batch recompute benchmark.
#[derive(Parser, Debug)]
struct Args {
    /// Profiles seeded and recomputed.
    #[arg(long, default_value_t = 1_000_000)]
    profiles: usize,
    /// Customers per seeding pipeline.
    #[arg(long, default_value_t = 5_000)]
    seed_batch: usize,
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let redis_server = RedisServer::start().await?;
    let dir = tempfile::tempdir()?;
    let mut settings = Settings::for_tests(&redis_server.url);
    settings.segment.database_url = format!("sqlite://{}/segment.db", dir.path().display());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    let server = tokio::spawn(omni_segment::run(
        settings.clone(),
        listener,
        shutdown.clone(),
    ));
    let channel = Endpoint::from_shared(format!("http://{addr}"))?
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await?;
    let mut client = SegmentServiceClient::with_interceptor(channel, |mut r: Request<()>| {
        r.metadata_mut().insert(
            "authorization",
            format!("Bearer {ADMIN_KEY}").parse().expect("ascii"),
        );
        Ok(r)
    });
    let redis = redis::Client::open(redis_server.url.as_str())?;
    let mut conn = redis.get_multiplexed_async_connection().await?;

    // Seed.
    let started = Instant::now();
    let now_ms = chrono::Utc::now().timestamp_millis();
    let known = format!("seg:{{{WS}}}:known");
    let mut i = 0usize;
    while i < args.profiles {
        let end = (i + args.seed_batch).min(args.profiles);
        let mut pipe = redis::pipe();
        let mut ids = Vec::with_capacity(end - i);
        for n in i..end {
            let cid = format!("c{n}");
            let tag = format!("{{{WS}:{cid}}}");
            let age = 18 + (n * 7919) % 63;
            let country = COUNTRIES[(n / 3) % COUNTRIES.len()];
            let tier = TIERS[n % TIERS.len()];
            pipe.cmd("HSET")
                .arg(format!("p:{tag}:traits"))
                .arg("age")
                .arg(age.to_string())
                .arg("country")
                .arg(format!("\"{country}\""))
                .arg("tier")
                .arg(format!("\"{tier}\""))
                .ignore();
            pipe.cmd("HSET")
                .arg(format!("p:{tag}:counts"))
                .arg("page_view")
                .arg(1 + n % 9)
                .ignore();
            pipe.cmd("HSET")
                .arg(format!("p:{tag}:meta"))
                .arg("first_seen_ms")
                .arg(now_ms - 1_000)
                .arg("last_seen_ms")
                .arg(now_ms)
                .ignore();
            ids.push(cid);
        }
        pipe.cmd("SADD").arg(&known).arg(&ids).ignore();
        pipe.query_async::<()>(&mut conn).await?;
        i = end;
    }
    let seeded = started.elapsed();
    println!(
        "seeded {} profiles in {:.1}s ({:.0}/s, pipelined)   load {}",
        args.profiles,
        seeded.as_secs_f64(),
        args.profiles as f64 / seeded.as_secs_f64(),
        load()
    );

    // Baseline: raw pipelined reads of the same keys.
    let started = Instant::now();
    let mut cursor = 0u64;
    let mut read = 0usize;
    loop {
        let (next, ids): (u64, Vec<String>) = redis::cmd("SSCAN")
            .arg(&known)
            .arg(cursor)
            .arg("COUNT")
            .arg(1_000)
            .query_async(&mut conn)
            .await?;
        let mut pipe = redis::pipe();
        for id in &ids {
            pipe.hgetall(format!("p:{{{WS}:{id}}}:traits"));
        }
        let got: Vec<std::collections::HashMap<String, String>> =
            pipe.query_async(&mut conn).await?;
        read += got.len();
        if next == 0 {
            break;
        }
        cursor = next;
    }
    let base = started.elapsed();
    let base_rate = read as f64 / base.as_secs_f64();
    println!(
        "baseline  raw SSCAN + pipelined HGETALL traits: {read} profiles in {:.2}s = {:.0} profiles/s   load {}",
        base.as_secs_f64(),
        base_rate,
        load()
    );

    // Create: the backfill recompute.
    let created = client
        .create_segment(pb::CreateSegmentRequest {
            segment: Some(pb::Segment {
                display_name: "Korean 40+".into(),
                expression: "traits.age >= 40 && traits.country == 'KR'".into(),
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner();
    let segment = created.segment.context("segment")?;
    let backfill = created.recompute.context("backfill")?;
    let done = wait(&mut client, &backfill.recompute_id).await?;
    report("create    backfill (members enter)", &done, base_rate);

    let again = client
        .recompute_segment(pb::RecomputeSegmentRequest {
            segment_id: segment.segment_id.clone(),
        })
        .await?
        .into_inner()
        .recompute
        .context("recompute")?;
    let done = wait(&mut client, &again.recompute_id).await?;
    report("re-run    recompute (no change)", &done, base_rate);

    shutdown.cancel();
    server.await??;
    Ok(())
}

async fn wait<C>(client: &mut SegmentServiceClient<C>, id: &str) -> anyhow::Result<pb::Recompute>
where
    C: tonic::client::GrpcService<tonic::body::Body>,
    C::Error: Into<tonic::codegen::StdError>,
    C::ResponseBody: tonic::codegen::Body<Data = tonic::codegen::Bytes> + Send + 'static,
    <C::ResponseBody as tonic::codegen::Body>::Error: Into<tonic::codegen::StdError> + Send,
{
    loop {
        let r = client
            .get_recompute(pb::GetRecomputeRequest {
                recompute_id: id.into(),
            })
            .await?
            .into_inner()
            .recompute
            .context("recompute")?;
        if r.state != pb::RecomputeState::Running as i32 {
            anyhow::ensure!(
                r.state == pb::RecomputeState::Succeeded as i32,
                "recompute failed: {}",
                r.error
            );
            return Ok(r);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn report(label: &str, r: &pb::Recompute, base_rate: f64) {
    let ms = |t: &Option<prost_types::Timestamp>| {
        t.as_ref().map_or(0, omni_common::convert::from_timestamp)
    };
    let secs = (ms(&r.finish_time) - ms(&r.start_time)) as f64 / 1000.0;
    let rate = r.processed as f64 / secs.max(0.001);
    println!(
        "{label}: {} profiles in {secs:.2}s = {rate:.0} profiles/s ({:.0}% of baseline), entered {} exited {}   load {}",
        r.processed,
        100.0 * rate / base_rate,
        r.entered,
        r.exited,
        load()
    );
}
