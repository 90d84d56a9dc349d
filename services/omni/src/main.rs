//! `omni`: run the whole suite (`omni up`), one service (`omni identity`), the demo, or
//! the migrations (`omni migrate`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use omni::clients::Clients;
use omni::suite::Suite;
use omni::{demo, demo_cart, keys};
use omni_common::config::{SERVICES, Settings};
use omni_common::shutdown::{self, CancellationToken};

/// Omni: omnichannel customer orchestration as gRPC services.
#[derive(Parser)]
#[command(name = "omni", version, about)]
struct Cli {
    /// Configuration file (TOML). Defaults to ./omni.toml when it exists. Every key can
    /// be overridden by an environment variable `OMNI__SECTION__KEY`.
    #[arg(long, global = true, env = "OMNI_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run all six services in one process (ports 50051-50056), with SQLite files under
    /// the data directory and an embedded redis-server unless OMNI_REDIS_URL is set.
    Up,
    /// Start a throwaway suite with a local SMTP sink, load a sample workspace, track a
    /// signup and print the welcome email that arrives.
    Demo,
    /// Run the identity service alone.
    Identity,
    /// Run the segment service alone.
    Segment,
    /// Run the decisioning service alone.
    Decisioning,
    /// Run the journey-orchestrator service alone.
    Journey,
    /// Run the channel-gateway service alone.
    Channel,
    /// Run the insights service alone.
    Insights,
    /// Print the configuration reference (every key, its default and meaning) as Markdown,
    /// generated from the settings structs.
    ConfigReference,
    /// Apply the SQL migrations of every service (or one) to the configured databases
    /// and exit. identity and channel migrate through their start-up, so they need
    /// redis.url too.
    Migrate {
        /// Migrate only this service.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(SERVICES))]
        service: Option<String>,
    },
    /// Rebuild the identity profiles in Redis from identity's SQL event log (every
    /// workspace, or one) and exit. Needs identity.database_url (or the data dir) and
    /// redis.url.
    RebuildProfiles {
        /// Rebuild only this workspace.
        #[arg(long)]
        workspace: Option<String>,
    },
}

fn load_settings(config: Option<&Path>) -> anyhow::Result<Settings> {
    let default = Path::new("omni.toml");
    let file = config.or_else(|| default.exists().then_some(default));
    let mut settings = Settings::load(file)?;
    if let Ok(url) = std::env::var("OMNI_REDIS_URL") {
        settings.redis.url = url;
    }
    Ok(settings)
}

/// Fills empty keys from (or into) files in the data directory.
fn ensure_keys(settings: &mut Settings) -> anyhow::Result<()> {
    if settings.auth.bootstrap_key.is_empty() {
        settings.auth.bootstrap_key =
            keys::load_or_generate(&keys::admin_key_path(&settings.data_dir), "omni_admin")?;
    }
    if settings.auth.internal_key.is_empty() {
        settings.auth.internal_key = keys::load_or_generate(
            &keys::internal_key_path(&settings.data_dir),
            "omni_internal",
        )?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if matches!(cli.command, Command::ConfigReference) {
        print!("{}", omni_common::config_reference::markdown()?);
        return Ok(());
    }
    let settings = load_settings(cli.config.as_deref())?;
    match cli.command {
        Command::Up => up(settings).await,
        Command::Demo => run_demo(settings).await,
        Command::Identity => one(settings, "identity").await,
        Command::Segment => one(settings, "segment").await,
        Command::Decisioning => one(settings, "decisioning").await,
        Command::Journey => one(settings, "journey").await,
        Command::Channel => one(settings, "channel").await,
        Command::Insights => one(settings, "insights").await,
        Command::ConfigReference => unreachable!("handled before loading settings"),
        Command::Migrate { service } => {
            let _guard = omni_common::telemetry::init(&settings.telemetry, "omni-migrate")?;
            for name in omni::migrate::migrate(&settings, service.as_deref()).await? {
                println!("{name:<12}migrated");
            }
            Ok(())
        }
        Command::RebuildProfiles { workspace } => {
            let _guard = omni_common::telemetry::init(&settings.telemetry, "omni-rebuild")?;
            anyhow::ensure!(!settings.redis.url.is_empty(), "redis.url must be set");
            for (ws, n) in omni_identity::rebuild_profiles(&settings, workspace.as_deref()).await? {
                println!("{ws:<24}{n} profiles rebuilt");
            }
            Ok(())
        }
    }
}

async fn up(mut settings: Settings) -> anyhow::Result<()> {
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("creating data_dir {}", settings.data_dir.display()))?;
    settings.data_dir = settings.data_dir.canonicalize()?;
    let _guard = omni_common::telemetry::init(&settings.telemetry, "omni")?;
    let _redis = if settings.redis.url.is_empty() {
        let dir = settings.data_dir.join("redis");
        let server = omni_testkit::RedisServer::start_persistent(&dir, 0)
            .await
            .context("starting the embedded redis-server (set OMNI_REDIS_URL to use your own)")?;
        settings.redis.url = server.url.clone();
        println!(
            "redis      {} (embedded, data in {})",
            server.url,
            dir.display()
        );
        Some(server)
    } else {
        println!("redis      {}", settings.redis.url);
        None
    };
    ensure_keys(&mut settings)?;
    settings.validate()?;
    let root = shutdown::on_signal();
    let metrics = serve_metrics(&settings, &root).await?;
    let suite = Suite::start(settings.clone(), root.clone()).await?;
    for name in SERVICES {
        println!("{name:<12}{}", suite.url(name));
    }
    if let Some(addr) = metrics {
        println!("metrics    http://{addr}/metrics");
    }
    println!(
        "admin key  {} (send it as `authorization: Bearer <key>`)",
        keys::admin_key_path(&settings.data_dir).display()
    );
    println!("ready; press Ctrl-C to stop");
    loop {
        tokio::select! {
            () = root.cancelled() => break,
            () = tokio::time::sleep(Duration::from_millis(500)) => {
                if let Some(name) = suite.any_finished() {
                    root.cancel();
                    suite.shutdown().await?;
                    anyhow::bail!("service {name} stopped unexpectedly");
                }
            }
        }
    }
    suite.shutdown().await
}

/// Serves Prometheus `/metrics` when `telemetry.metrics_listen` is set; returns where.
async fn serve_metrics(
    settings: &Settings,
    shutdown: &shutdown::CancellationToken,
) -> anyhow::Result<Option<std::net::SocketAddr>> {
    if settings.telemetry.metrics_listen.is_empty() {
        return Ok(None);
    }
    let addr = settings
        .telemetry
        .metrics_listen
        .parse()
        .context("telemetry.metrics_listen")?;
    Ok(Some(
        omni_common::metrics::spawn_server(addr, shutdown.clone()).await?,
    ))
}

async fn one(mut settings: Settings, name: &str) -> anyhow::Result<()> {
    let _guard = omni_common::telemetry::init(&settings.telemetry, name)?;
    std::fs::create_dir_all(&settings.data_dir)?;
    ensure_keys(&mut settings)?;
    settings.validate()?;
    let listen = settings.service(name).listen;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("binding {name}.listen = {listen}"))?;
    println!("{name} listening on {listen}");
    let token = shutdown::on_signal();
    if let Some(addr) = serve_metrics(&settings, &token).await? {
        println!("metrics on http://{addr}/metrics");
    }
    omni::suite::run_service(name, settings, listener, token)?.await
}

async fn run_demo(mut settings: Settings) -> anyhow::Result<()> {
    let data = tempfile::tempdir()?;
    settings.data_dir = data.path().to_path_buf();
    for name in SERVICES {
        let s = settings.service_mut(name);
        s.listen = ([127, 0, 0, 1], 0).into();
        s.database_url = format!("sqlite://{}/{name}.db?mode=rwc", data.path().display());
    }
    settings.telemetry.log_filter = "warn".into();
    settings.worker.poll_interval_ms = 100;
    let _guard = omni_common::telemetry::init(&settings.telemetry, "omni-demo")?;
    let redis = omni_testkit::RedisServer::start().await?;
    settings.redis.url = redis.url.clone();
    let smtp = omni_testkit::SmtpSink::start().await?;
    settings.smtp.host = smtp.addr.ip().to_string();
    settings.smtp.port = smtp.addr.port();
    ensure_keys(&mut settings)?;
    let admin = settings.auth.bootstrap_key.clone();
    let suite = Suite::start(settings, CancellationToken::new()).await?;
    println!(
        "suite up: identity {} ... channel {}",
        suite.url("identity"),
        suite.url("channel")
    );
    let mut clients = Clients::connect(&suite, &admin)?;

    let sample = demo::load_sample(&mut clients, Duration::from_secs(1)).await?;
    println!(
        "loaded sample workspace: segment {}, offers {} / {}, template {}, journey {} (published)",
        sample.segment_id,
        sample.offer_id,
        sample.other_offer_id,
        sample.template_id,
        sample.journey_id
    );
    let cart_journey_id =
        demo_cart::load_cart_journey(&mut clients, Duration::from_secs(2)).await?;
    println!("loaded cart-abandonment journey {cart_journey_id} (published)");
    let tracked =
        demo::track_signup(&mut clients, "demo-signup-1", "Ann.Lee@Example.com", "Ann").await?;
    println!("tracked signup -> customer {}", tracked.customer_id);
    // Ann and Bob abandon their carts; Bob buys during the wait, Ann does not.
    for (event_id, email, traits) in [
        (
            "demo-cart-ann",
            "Ann.Lee@Example.com",
            serde_json::json!({}),
        ),
        (
            "demo-cart-bob",
            "bob@example.com",
            serde_json::json!({"first_name": "Bob"}),
        ),
    ] {
        let t = demo_cart::track(&mut clients, event_id, "cart.abandoned", email, traits).await?;
        println!("tracked cart.abandoned -> customer {}", t.customer_id);
    }
    let bought = demo_cart::track(
        &mut clients,
        "demo-order-bob",
        "order.completed",
        "bob@example.com",
        serde_json::json!({"last_order_id": "o-1001"}),
    )
    .await?;
    println!("tracked order.completed -> customer {}", bought.customer_id);

    let mail = smtp
        .wait_for(2, Duration::from_secs(30))
        .await
        .context("waiting for the welcome and cart emails")?;
    for m in &mail {
        println!("\n--- email received by the local SMTP server ---");
        println!("to: {}", m.to.join(", "));
        println!("{}", m.decoded_body());
        println!("--- end of email ---");
    }
    println!();

    let memberships = clients
        .segment
        .get_memberships(omni_proto::segment::v1::GetMembershipsRequest {
            customer_id: tracked.customer_id.clone(),
        })
        .await?
        .into_inner();
    for m in memberships.memberships {
        println!("segment membership: {} ({})", m.display_name, m.segment_id);
    }
    // The email is out before the run records its last step: give it a moment to finish.
    let request = omni_proto::journey::v1::ListRunsRequest {
        journey_id: sample.journey_id.clone(),
        customer_id: tracked.customer_id.clone(),
        ..Default::default()
    };
    let active = omni_proto::journey::v1::RunState::Active as i32;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let runs = loop {
        let runs = clients
            .journey
            .list_runs(request.clone())
            .await?
            .into_inner()
            .runs;
        if runs.iter().all(|r| r.state != active) || tokio::time::Instant::now() >= deadline {
            break runs;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    for r in runs {
        let state = omni_proto::journey::v1::RunState::try_from(r.state)
            .map(|s| s.as_str_name())
            .unwrap_or("UNKNOWN");
        println!(
            "journey run {}: {state} at node `{}`",
            r.run_id, r.current_node_id
        );
    }
    demo_cart::print_runs(
        &mut clients,
        &sample.journey_id,
        "welcome",
        Duration::from_secs(10),
    )
    .await?;
    demo_cart::print_runs(
        &mut clients,
        &cart_journey_id,
        "cart abandonment",
        Duration::from_secs(10),
    )
    .await?;
    suite.shutdown().await?;
    Ok(())
}
