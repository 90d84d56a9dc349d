//! Segment service: computed traits and real-time CEL segments over the live profile.
//!
//! - Computed traits ([`computed`]) aggregate a customer's events (count, sum, avg,
//!   min, max, first, last, distinct count, exists) with an event-type and CEL filter
//!   over a sliding window, kept incrementally as time buckets in Redis ([`state`]) and
//!   written to the profile's computed hash for other services to read.
//! - Segments are CEL expressions over `traits`, `events`, `computed`, `segments` and
//!   `now`, compiled and checked at save ([`catalog`]); versions are kept in SQL
//!   ([`store`]).
//! - The engine ([`engine`]) re-evaluates only the segments whose inputs an event
//!   changed, in dependency order, and publishes `MembershipChanged`; the workers
//!   ([`worker`]) consume `EventIngested` and `CustomerErased` and poll the schedule of
//!   windows expiring without events; recomputes ([`recompute`]) re-evaluate every
//!   known customer after an edit or on request.
//!
//! The service must not write profile data identity owns (traits, identifiers,
//! counts, consent); it reads them through `omni-profile-store`.

pub mod catalog;
pub mod computed;
pub mod convert;
pub mod engine;
pub mod error;
pub mod recompute;
pub mod segment;
pub mod service;
pub mod state;
pub mod store;
pub mod worker;

use std::sync::Arc;
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions, Topic};
use omni_common::clock::SharedClock;
use omni_common::config::Settings;
use omni_common::server::{ServeOptions, serve};
use omni_common::shutdown::CancellationToken;
use omni_profile_store::ProfileStore;
use omni_proto::segment::v1::segment_service_server::SegmentServiceServer;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

pub use error::Error;

/// Fully-qualified gRPC name of the service, as reported by health.
pub const SERVICE_NAME: &str = "omni.segment.v1.SegmentService";

/// Runs the segment service on `listener` until `shutdown` is cancelled: connects its
/// database (and runs its migrations), Redis, starts its workers (event and erasure
/// consumers, the schedule poller, recomputes), and serves gRPC (with
/// health/reflection/auth).
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    run_with_clock(settings, listener, shutdown, omni_common::clock::system()).await
}

/// [`run`] with an injected clock, for tests and simulations: windows, scheduled
/// re-evaluations, membership and size-history times all read `clock` (the schedule
/// poller still ticks in real time).
pub async fn run_with_clock(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
    clock: SharedClock,
) -> Result<(), Error> {
    let db = omni_storage::connect(&settings.segment.database_url).await?;
    omni_storage::migrate(&db, "segment", store::MIGRATIONS).await?;
    let redis = omni_common::redis::connect(&settings.redis.url)
        .await
        .map_err(omni_common::Error::from)?;
    let client = redis::Client::open(settings.redis.url.as_str())?;
    let profiles = ProfileStore::new(redis.clone());
    let bus = Bus::new(redis.clone());
    let catalog = Arc::new(catalog::Catalog::new(
        store::SegmentStore::new(db),
        Arc::clone(&clock),
    ));
    let engine = Arc::new(engine::Engine::new(
        catalog,
        profiles,
        state::State::new(redis.clone(), client),
        bus.clone(),
        clock,
    ));

    let stop = shutdown.child_token();
    let mut workers = JoinSet::new();
    let membership = Arc::new(worker::Membership::new(Arc::clone(&engine)));
    let mut options = ConsumerOptions::new(worker::GROUP, consumer_name());
    options.reclaim_idle = Duration::from_millis(settings.worker.reclaim_idle_ms);
    workers.spawn(worker::run(
        Arc::clone(&membership),
        bus.clone(),
        Topic::EventIngested,
        options.clone(),
        stop.clone(),
    ));
    workers.spawn(worker::run(
        membership,
        bus,
        Topic::CustomerErased,
        options,
        stop.clone(),
    ));
    workers.spawn(worker::run_due(Arc::clone(&engine), stop.clone()));
    let (recomputer, jobs) = recompute::Recomputer::new(Arc::clone(&engine));
    workers.spawn(recompute::run(Arc::clone(&engine), jobs, stop.clone()));

    let api = service::SegmentApi::new(engine, Arc::new(recomputer), stop.clone());
    let routes = tonic::service::Routes::new(SegmentServiceServer::new(api));
    let served = serve(
        ServeOptions {
            name: "segment",
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
    let mut result = served.map_err(Error::from);
    while let Some(joined) = workers.join_next().await {
        let worker_result = joined.map_err(Error::from).and_then(|r| r);
        if let Err(e) = worker_result {
            tracing::error!(error = %e, "segment worker failed");
            if result.is_ok() {
                result = Err(e);
            }
        }
    }
    result
}

/// This replica's bus consumer name, stable across restarts so its pending entries are
/// re-read on start: the host (pod) name.
fn consumer_name() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "local".into());
    format!("segment-{host}")
}
