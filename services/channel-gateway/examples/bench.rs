//! End-to-end channel-gateway benchmark: `Send` over gRPC with every policy on
//! (consent, suppression list, quiet hours configured, fatigue caps in Redis, expiry,
//! idempotency keys, tracked links), delivery through the local Twilio-style SMS server,
//! and the identity outbox recording `message.sent` for each message.
//!
//! Prints delivered messages/s end to end (first `Send` to last message accepted by the
//! provider), p50/p99 `Send` latency, and a same-run baseline: raw SQL
//! `INSERT`+`COMMIT` of one row per transaction on the same database.
//!
//! ```sh
//! CARGO_TARGET_DIR=/root/.cache/omni-target cargo run --release -p omni-channel --example bench
//! # options: BENCH_MESSAGES (default 20000), BENCH_CONCURRENCY (default 64),
//! # BENCH_DATABASE_URL (default: a SQLite file in a temp dir; a postgres:// URL works)
//! ```

use std::time::{Duration, Instant};

use anyhow::Context as _;
use omni_common::config::Settings;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, ProfileUpdate};
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::RedisServer;
use omni_testkit::providers::TwilioServer;
use sea_orm::ConnectionTrait as _;
use sea_orm::TransactionTrait as _;
use tonic::Request;

const CUSTOMERS: usize = 2_000;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let total = env_or("BENCH_MESSAGES", 20_000);
    let concurrency = env_or("BENCH_CONCURRENCY", 64);
    let dir = tempfile::tempdir()?;
    let db_url = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}/channel.db?mode=rwc", dir.path().display()));

    let redis = RedisServer::start().await?;
    let twilio = TwilioServer::start("AC1", "tok").await?;
    let mut settings = Settings::for_tests(&redis.url);
    settings.channel.database_url = db_url.clone();
    settings.delivery.secrets.insert("sms".into(), "tok".into());
    settings.delivery.batch_size = 500;
    settings.delivery.concurrency = 256;
    settings.delivery.poll_interval_ms = 20;
    settings.delivery.tracking_base_url = "https://t.example.com".into();
    settings.delivery.tracking_secret = "bench".into();
    // Identity is not running: the outbox keeps `message.sent` rows and backs off.
    settings.identity.url = "http://127.0.0.1:9".into();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    let server = tokio::spawn(omni_channel::run_with(
        settings.clone(),
        listener,
        None,
        shutdown.clone(),
    ));
    let channel = omni_testkit::eventually(Duration::from_secs(30), || async move {
        Ok(
            tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?
                .connect()
                .await
                .ok(),
        )
    })
    .await?;
    let auth = |mut req: Request<()>| {
        if let Ok(v) = "Bearer test-admin-key".parse() {
            req.metadata_mut().insert("authorization", v);
        }
        Ok(req)
    };
    let client = ChannelServiceClient::with_interceptor(channel, auth);

    // Customers with a phone, marketing consent unset (allowed), a time zone.
    let profiles = ProfileStore::new(omni_common::redis::connect(&redis.url).await?);
    let now_ms = omni_common::clock::system().now_ms();
    let mut customers = Vec::with_capacity(CUSTOMERS);
    for i in 0..CUSTOMERS {
        let cid = format!("c_bench_{i}");
        let mut traits = serde_json::Map::new();
        traits.insert("first_name".into(), "Ann".into());
        traits.insert("timezone".into(), "Europe/Oslo".into());
        profiles
            .apply(
                "default",
                &cid,
                &ProfileUpdate {
                    traits,
                    identifiers: vec![("phone".into(), format!("+1555{i:07}"))],
                    event_type: None,
                    time_ms: now_ms,
                },
            )
            .await?;
        customers.push(cid);
    }
    let mut c = client.clone();
    c.update_provider_config(pb::UpdateProviderConfigRequest {
        provider_config: Some(pb::ProviderConfig {
            channel: DeliveryChannel::Sms as i32,
            kind: pb::ProviderKind::Twilio as i32,
            base_url: twilio.base_url(),
            account_id: "AC1".into(),
            sender: "+15550000000".into(),
            secret_ref: "config:sms".into(),
            ..Default::default()
        }),
    })
    .await?;
    // Quiet hours far from now (checked, never deferring), generous caps (checked and
    // counted in Redis for every send).
    let minute = i32::try_from((now_ms / 60_000) % 1_440).unwrap_or(0);
    c.update_send_policy(pb::UpdateSendPolicyRequest {
        policy: Some(pb::SendPolicy {
            quiet_hours: Some(pb::QuietHours {
                enabled: true,
                start_minute: (minute + 600) % 1_440,
                end_minute: (minute + 700) % 1_440,
                default_time_zone: "UTC".into(),
                include_transactional: false,
            }),
            caps: vec![
                pb::FatigueCap {
                    channel: DeliveryChannel::Sms as i32,
                    window: pb::CapWindow::Day as i32,
                    limit: 1_000,
                },
                pb::FatigueCap {
                    channel: DeliveryChannel::Unspecified as i32,
                    window: pb::CapWindow::Week as i32,
                    limit: 5_000,
                },
            ],
            update_time: None,
            frequency_rules: Vec::new(),
            arbitration_window_ms: 0,
            journey_throttles: Vec::new(),
        }),
    })
    .await?;
    c.create_suppression(pb::CreateSuppressionRequest {
        suppression: Some(pb::Suppression {
            channel: DeliveryChannel::Sms as i32,
            address: "+19999999999".into(),
            reason: pb::SuppressionListReason::Manual as i32,
            ..Default::default()
        }),
    })
    .await?;
    let template_id = c
        .create_template(pb::CreateTemplateRequest {
            template: Some(pb::Template {
                display_name: "bench".into(),
                channel: DeliveryChannel::Sms as i32,
                body: "Hi {{ profile.first_name }}, 10% off today: https://shop.example/sale"
                    .into(),
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .template
        .context("template")?
        .template_id;

    println!(
        "channel-gateway bench: {total} SMS, {concurrency} concurrent Send calls, {CUSTOMERS} customers, db {}",
        if db_url.starts_with("postgres") {
            "postgres"
        } else {
            "sqlite"
        }
    );
    let started = Instant::now();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut senders = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let mut client = client.clone();
        let next = next.clone();
        let tx = tx.clone();
        let customers = customers.clone();
        let template_id = template_id.clone();
        senders.spawn(async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let t = Instant::now();
                let r = client
                    .send(pb::SendRequest {
                        idempotency_key: format!("bench-{i}"),
                        customer_id: customers[i % CUSTOMERS].clone(),
                        channel: DeliveryChannel::Sms as i32,
                        template_id: template_id.clone(),
                        campaign: "bench".into(),
                        purpose: pb::MessagePurpose::Marketing as i32,
                        expire_time: Some(prost_types::Timestamp {
                            seconds: now_ms / 1000 + 3_600,
                            nanos: 0,
                        }),
                        ..Default::default()
                    })
                    .await;
                let _ = tx.send((t.elapsed(), r.is_ok()));
            }
        });
    }
    drop(tx);
    let mut latencies = Vec::with_capacity(total);
    let mut errors = 0;
    while let Some((d, ok)) = rx.recv().await {
        latencies.push(d);
        if !ok {
            errors += 1;
        }
    }
    let enqueued = started.elapsed();
    while senders.join_next().await.is_some() {}
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut delivered = twilio.messages().len();
    while delivered < total - errors && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        delivered = twilio.messages().len();
    }
    let end_to_end = started.elapsed();
    latencies.sort();
    #[allow(clippy::cast_precision_loss)]
    let rate = |n: usize, d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "Send: {} ok, {errors} errors in {:.2}s ({:.0}/s enqueued); p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        total - errors,
        enqueued.as_secs_f64(),
        rate(total, enqueued),
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    println!(
        "delivered: {delivered} accepted by the SMS server in {:.2}s = {:.0} messages/s end to end",
        end_to_end.as_secs_f64(),
        rate(delivered, end_to_end)
    );
    shutdown.cancel();
    let _ = tokio::time::timeout(Duration::from_secs(20), server).await;

    // Baseline on the same database: one INSERT + COMMIT per row, same concurrency.
    let db = omni_storage::connect(&db_url).await?;
    db.execute_unprepared(
        "CREATE TABLE IF NOT EXISTS bench_baseline (id TEXT PRIMARY KEY, body TEXT NOT NULL)",
    )
    .await?;
    let rows = total.min(20_000);
    let started = Instant::now();
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut writers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let db = db.clone();
        let next = next.clone();
        writers.spawn(async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
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
        "baseline: raw INSERT+COMMIT, {rows} rows in {:.2}s = {:.0} rows/s",
        took.as_secs_f64(),
        rate(rows, took)
    );
    Ok(())
}
