//! Governance cost: `Send` throughput over gRPC with 10 workspace frequency rules and 20
//! competing journeys (each with its own priority, half deferring and half skipping when
//! a rule has no slot) against the same run with no rules, printed side by side.
//!
//! Both runs send the same SMS marketing messages from the same 20 journeys to the same
//! customers, through a gateway with its own fresh database and Redis, with the usual
//! policy (consent, suppression list, quiet hours checked, fatigue caps counted) and the
//! template review check. The governed run adds the rules: nine generous ones that are
//! checked and counted on every send, and one binding rule (3 messages per customer per
//! day across channels) for which the journeys compete by priority. The runs alternate
//! (`BENCH_ROUNDS` of each) and the median of each is compared.
//!
//! ```sh
//! CARGO_TARGET_DIR=/root/.cache/omni-target-rel cargo run --release -p omni-channel \
//!     --example bench_governance
//! # options: BENCH_MESSAGES (per run, default 10000), BENCH_CONCURRENCY (default 64),
//! # BENCH_ROUNDS (default 2)
//! ```

use std::collections::BTreeMap;
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
use tonic::Request;

const CUSTOMERS: usize = 2_000;
const JOURNEYS: usize = 20;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The ten frequency rules of the governed run.
fn rules() -> Vec<pb::FrequencyRule> {
    let rule = |channels: &[DeliveryChannel], max: i32, period: pb::CapWindow| pb::FrequencyRule {
        channels: channels.iter().map(|c| *c as i32).collect(),
        max,
        period: period as i32,
    };
    use DeliveryChannel::{Email, Push, Sms};
    vec![
        // The binding one: journeys compete for 3 daily slots per customer.
        rule(&[], 3, pb::CapWindow::Day),
        rule(&[], 100, pb::CapWindow::Week),
        rule(&[Sms], 50, pb::CapWindow::Day),
        rule(&[Sms], 200, pb::CapWindow::Week),
        rule(&[Email], 50, pb::CapWindow::Day),
        rule(&[Email, Sms], 60, pb::CapWindow::Day),
        rule(&[Email, Sms], 300, pb::CapWindow::Week),
        rule(&[Push], 50, pb::CapWindow::Day),
        rule(&[Push, Sms], 80, pb::CapWindow::Day),
        rule(&[Email, Push, Sms], 400, pb::CapWindow::Week),
    ]
}

/// What one run measured.
struct RunResult {
    sends_per_s: f64,
    p50_ms: f64,
    p99_ms: f64,
    outcomes: BTreeMap<&'static str, usize>,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1e3
}

fn outcome(m: &pb::Message) -> &'static str {
    match pb::MessageStatus::try_from(m.status).unwrap_or_default() {
        pb::MessageStatus::Pending | pb::MessageStatus::Sent => "queued",
        pb::MessageStatus::Scheduled => "deferred",
        pb::MessageStatus::Suppressed => "skipped",
        _ => "other",
    }
}

/// One run on a fresh gateway: `governed` adds the frequency rules.
async fn run(governed: bool, total: usize, concurrency: usize) -> anyhow::Result<RunResult> {
    let dir = tempfile::tempdir()?;
    let redis = RedisServer::start().await?;
    let twilio = TwilioServer::start("AC1", "tok").await?;
    let mut settings = Settings::for_tests(&redis.url);
    settings.channel.database_url =
        format!("sqlite://{}/channel.db?mode=rwc", dir.path().display());
    settings.delivery.secrets.insert("sms".into(), "tok".into());
    settings.delivery.batch_size = 500;
    settings.delivery.concurrency = 256;
    settings.delivery.poll_interval_ms = 20;
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
            caps: vec![pb::FatigueCap {
                channel: DeliveryChannel::Sms as i32,
                window: pb::CapWindow::Day as i32,
                limit: 1_000,
            }],
            frequency_rules: if governed { rules() } else { Vec::new() },
            ..Default::default()
        }),
    })
    .await?;
    let template_id = c
        .create_template(pb::CreateTemplateRequest {
            template: Some(pb::Template {
                display_name: "bench".into(),
                channel: DeliveryChannel::Sms as i32,
                body: "Hi {{ profile.first_name }}, 10% off today".into(),
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .template
        .context("template")?
        .template_id;

    let started = Instant::now();
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut senders = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let mut client = client.clone();
        let next = next.clone();
        let customers = customers.clone();
        let template_id = template_id.clone();
        senders.spawn(async move {
            let mut seen = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let journey = i % JOURNEYS;
                let t = Instant::now();
                let r = client
                    .send(pb::SendRequest {
                        idempotency_key: format!("gov-{i}"),
                        customer_id: customers[(i / JOURNEYS) % CUSTOMERS].clone(),
                        channel: DeliveryChannel::Sms as i32,
                        template_id: template_id.clone(),
                        journey_id: format!("j_{journey}"),
                        run_id: format!("r_{i}"),
                        purpose: pb::MessagePurpose::Marketing as i32,
                        priority: i32::try_from(journey).unwrap_or(0),
                        on_no_slot: if journey.is_multiple_of(2) {
                            pb::NoSlotAction::Defer
                        } else {
                            pb::NoSlotAction::Skip
                        } as i32,
                        ..Default::default()
                    })
                    .await;
                let label = match &r {
                    Ok(resp) => resp.get_ref().message.as_ref().map_or("other", outcome),
                    Err(_) => "error",
                };
                seen.push((t.elapsed(), label));
            }
            seen
        });
    }
    let mut latencies = Vec::with_capacity(total);
    let mut outcomes = BTreeMap::new();
    while let Some(done) = senders.join_next().await {
        for (d, label) in done? {
            latencies.push(d);
            *outcomes.entry(label).or_insert(0) += 1;
        }
    }
    let took = started.elapsed();
    latencies.sort();
    shutdown.cancel();
    let _ = tokio::time::timeout(Duration::from_secs(20), server).await;
    #[allow(clippy::cast_precision_loss)]
    let sends_per_s = total as f64 / took.as_secs_f64();
    Ok(RunResult {
        sends_per_s,
        p50_ms: percentile(&latencies, 0.50),
        p99_ms: percentile(&latencies, 0.99),
        outcomes,
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if !n.is_multiple_of(2) => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let total = env_or("BENCH_MESSAGES", 10_000);
    let concurrency = env_or("BENCH_CONCURRENCY", 64);
    let rounds = env_or("BENCH_ROUNDS", 2).max(1);
    println!(
        "governance bench: {total} SMS Send calls per run from {JOURNEYS} journeys, \
         {concurrency} concurrent, {CUSTOMERS} customers, sqlite, {rounds} round(s) each"
    );
    let mut plain = Vec::new();
    let mut governed = Vec::new();
    for round in 1..=rounds {
        for with_rules in [false, true] {
            let r = run(with_rules, total, concurrency).await?;
            println!(
                "round {round} {:<28} {:>7.0} Send/s  p50 {:>6.2} ms  p99 {:>7.2} ms  {:?}",
                if with_rules {
                    "10 rules, 20 journeys:"
                } else {
                    "no rules, 20 journeys:"
                },
                r.sends_per_s,
                r.p50_ms,
                r.p99_ms,
                r.outcomes
            );
            if with_rules {
                governed.push(r.sends_per_s);
            } else {
                plain.push(r.sends_per_s);
            }
        }
    }
    let (p, g) = (median(plain), median(governed));
    println!(
        "median Send/s  no rules {p:.0}  |  10 rules + 20 competing journeys {g:.0}  |  \
         governance cost {:.1}% of throughput (target at most 20%)",
        (1.0 - g / p) * 100.0
    );
    Ok(())
}
