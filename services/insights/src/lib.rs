//! Insights service: the KPIs, attribution, incrementality, funnels and anomaly
//! alerts marketers judge journeys by.
//!
//! - The workers ([`worker`]) consume `EventIngested`, `MembershipChanged` and
//!   `CustomerErased` from the bus and apply them to the service's own SQL store
//!   ([`store`]) idempotently: events are parsed into [`fact::Fact`]s following the
//!   shared event contract (message.*, journey.*, purchases) and deduplicated on their
//!   event id, so at-least-once delivery never double counts.
//! - Queries: KPIs with period-over-period deltas ([`kpis`]), five attribution models
//!   side by side ([`attribution`]), holdout uplift with confidence intervals
//!   ([`incrementality`]), funnels ([`funnel`]), anomaly alerts ([`alerts`]), CSV
//!   export ([`export`]), cart return and reactivation rates ([`customers`]), and
//!   retention cohorts and customer lifetime value ([`value`]).
//!
//! The service must never sit on the customer path: it calls no other service and
//! nothing waits on it; it only reads the bus and answers queries.

pub mod alerts;
mod apply;
pub mod attribution;
pub mod convert;
pub mod customers;
pub mod error;
pub mod export;
pub mod fact;
pub mod funnel;
pub mod incrementality;
pub mod kpis;
pub mod service;
pub mod store;
pub mod value;
pub mod worker;

use std::sync::Arc;
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions, Topic};
use omni_common::clock::SharedClock;
use omni_common::config::Settings;
use omni_common::server::{ServeOptions, serve};
use omni_common::shutdown::CancellationToken;
use omni_proto::insights::v1::insights_service_server::InsightsServiceServer;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

pub use error::Error;

/// Fully-qualified gRPC name of the service, as reported by health.
pub const SERVICE_NAME: &str = "omni.insights.v1.InsightsService";

/// The anomaly detector settings from the suite settings.
pub fn alert_settings(settings: &Settings) -> alerts::AlertSettings {
    let a = &settings.insights_analysis;
    alerts::AlertSettings {
        threshold: a.alert_threshold,
        min_volume: i64::try_from(a.alert_min_volume).unwrap_or(i64::MAX),
        baseline_days: i64::try_from(a.alert_baseline_days).unwrap_or(7),
        scan_days: 2,
    }
}

/// Runs the insights service on `listener` until `shutdown` is cancelled: connects its
/// database (and runs its migrations), starts the bus consumers and the anomaly
/// detector, and serves gRPC (with health/reflection/auth).
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    run_with_clock(settings, listener, shutdown, omni_common::clock::system()).await
}

/// [`run`] with an injected clock, for tests: the anomaly detector judges the periods
/// completed before `clock`'s now (it still ticks in real time).
pub async fn run_with_clock(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
    clock: SharedClock,
) -> Result<(), Error> {
    let db = omni_storage::connect(&settings.insights.database_url).await?;
    omni_storage::migrate(&db, "insights", store::MIGRATIONS).await?;
    let store = store::Store::new(db);
    let redis = omni_common::redis::connect(&settings.redis.url)
        .await
        .map_err(omni_common::Error::from)?;
    let bus = Bus::new(redis.clone());
    let lookback_ms = i64::try_from(settings.insights_analysis.conversion_lookback_hours)
        .unwrap_or(i64::MAX / store::HOUR_MS)
        .saturating_mul(store::HOUR_MS);
    let ingest = Arc::new(worker::Ingest::new(
        store.clone(),
        Arc::clone(&clock),
        lookback_ms,
    ));

    let stop = shutdown.child_token();
    let mut workers = JoinSet::new();
    let mut options =
        ConsumerOptions::new(worker::GROUP, omni_common::server::replica_name("insights"));
    options.reclaim_idle = Duration::from_millis(settings.worker.reclaim_idle_ms);
    for topic in [
        Topic::EventIngested,
        Topic::MembershipChanged,
        Topic::CustomerErased,
    ] {
        let mut options = options.clone();
        if topic == Topic::EventIngested {
            options.batch = worker::EVENT_BATCH;
        }
        workers.spawn(worker::run(
            Arc::clone(&ingest),
            bus.clone(),
            topic,
            options,
            stop.clone(),
        ));
    }
    workers.spawn(worker::run_detector(
        store.clone(),
        bus.clone(),
        Arc::clone(&clock),
        alert_settings(&settings),
        Duration::from_millis(settings.insights_analysis.alert_interval_ms),
        stop.clone(),
    ));

    let api = service::InsightsApi::new(store, clock);
    let routes = tonic::service::Routes::new(InsightsServiceServer::new(api));
    let served = serve(
        ServeOptions {
            name: "insights",
            service_names: vec![SERVICE_NAME],
            listener,
            settings: &settings,
            redis,
            shutdown: shutdown.clone(),
        },
        routes,
    )
    .await;

    stop.cancel();
    omni_common::server::join_workers("insights", served.map_err(Error::from), workers).await
}
