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
//!   known customer after an edit, on creation (the backfill) or on request, and are
//!   taken over when the process running one stops.
//! - Built-ins ([`builtins`], [`rfm`]): lifecycle stage and RFM scores from the
//!   purchase summary, with per-workspace thresholds and a scheduled RFM refresh.
//!
//! The service must not write profile data identity owns (traits, identifiers,
//! counts, consent); it reads them through `omni-profile-store`.

pub mod builtins;
pub mod catalog;
pub mod computed;
pub mod convert;
pub mod engine;
pub mod error;
pub mod recompute;
pub mod rfm;
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
    let mut options =
        ConsumerOptions::new(worker::GROUP, omni_common::server::replica_name("segment"));
    options.reclaim_idle = Duration::from_millis(settings.worker.reclaim_idle_ms);
    workers.spawn(worker::run_events(
        Arc::clone(&membership),
        bus.clone(),
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
    let owner = omni_common::server::replica_name("segment");
    let (recomputer, jobs) = recompute::Recomputer::new(Arc::clone(&engine), owner.clone());
    let recomputer = Arc::new(recomputer);
    workers.spawn(recompute::run(
        Arc::clone(&engine),
        owner,
        jobs,
        stop.clone(),
    ));
    workers.spawn(rfm::run_schedule(
        Arc::clone(&engine),
        Arc::clone(&recomputer),
        stop.clone(),
    ));

    let api = service::SegmentApi::new(engine, recomputer, stop.clone());
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
    omni_common::server::join_workers("segment", served.map_err(Error::from), workers).await
}
