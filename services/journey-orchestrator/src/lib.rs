//! Journey-orchestrator service: versioned journeys stepped by durable timers.
//!
//! - `CreateJourney` validates a graph (entry, waits, conditions, splits, sends, …; see
//!   [`validate`]) and stores it as a draft; `PublishJourney` copies it into an
//!   immutable version that starts taking entries. `ValidateJourney` reports every
//!   problem; `SimulateJourney` ([`simulate`]) dry-runs a version.
//! - The entry worker ([`entry`]) consumes `EventIngested`: it signals live runs the
//!   event concerns (goal, exit criteria, awaited events) and starts one run per
//!   (journey, entry event, customer) of every journey whose latest version enters on
//!   the event's type, under the re-entry policy and entry rate limit. The membership
//!   worker ([`membership`]) does the same for segment entry and exit.
//!   `EnrollCustomer` starts a run through the API instead.
//! - The erasure worker ([`erasure`]) deletes an erased customer's runs.
//! - The runner ([`runner`]) steps a run node by node under a lease, calling
//!   decisioning (`Decide`) and channel-gateway (`Send`, idempotent per run and node)
//!   over gRPC; waits become durable timers in SQL that the poller ([`timers`]) wakes.
//!
//! State lives in SQL only (see [`store`]); Redis is used for the bus, the API-key
//! mirror and the profile check of `EnrollCustomer`.

pub mod api;
pub mod batch;
pub mod convert;
pub mod enrol;
pub mod entry;
pub mod erasure;
pub mod error;
pub mod logic;
pub mod membership;
pub mod model;
pub mod outbox;
pub mod review;
pub mod runner;
pub mod schedule;
pub mod simulate;
pub mod steps;
pub mod store;
pub mod timers;
pub mod validate;

use std::sync::Arc;
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions};
use omni_common::clock::SharedClock;
use omni_common::config::Settings;
use omni_common::server::{ServeOptions, serve};
use omni_common::shutdown::CancellationToken;
use omni_proto::journey::v1::journey_service_server::JourneyServiceServer;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

pub use error::Error;

use crate::api::JourneyApi;
use crate::runner::{Clients, Runner, RunnerConfig};
use crate::store::Store;

/// Fully-qualified gRPC name of the service.
pub const SERVICE_NAME: &str = "omni.journey.v1.JourneyService";

/// Runs the journey-orchestrator on `listener` until `shutdown` is cancelled: connects
/// its database (and runs its migrations), Redis, starts its workers (entry consumer and
/// timer poller), and serves gRPC (with health/reflection/auth).
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    run_with_clock(settings, listener, shutdown, omni_common::clock::system()).await
}

/// [`run`] with an injected clock, for tests and simulations: run creation, waits,
/// retries and leases all read `clock` (the poller still ticks in real time).
pub async fn run_with_clock(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
    clock: SharedClock,
) -> Result<(), Error> {
    let database_url = if settings.journey.database_url.is_empty() {
        format!(
            "sqlite://{}/journey.db?mode=rwc",
            settings.data_dir.display()
        )
    } else {
        settings.journey.database_url.clone()
    };
    let db = omni_storage::connect(&database_url).await?;
    omni_storage::migrate(&db, "journey", store::MIGRATIONS).await?;
    let store = Store::new(db);
    let redis = omni_common::redis::connect(&settings.redis.url).await?;
    let runner = Arc::new(Runner::new(
        store,
        Clients::new(&settings)?,
        clock.clone(),
        RunnerConfig::from_settings(&settings.worker),
        omni_profile_store::ProfileStore::new(redis.clone()),
    )?);

    // `stop` ends both serving and the workers: on shutdown, or when a worker dies (a
    // service without its workers must not look healthy).
    let stop = shutdown.child_token();
    let mut workers = JoinSet::new();
    let mut options = ConsumerOptions::new(
        entry::GROUP,
        format!("journey-{}", uuid::Uuid::now_v7().simple()),
    );
    options.reclaim_idle = Duration::from_millis(settings.worker.reclaim_idle_ms);
    workers.spawn(supervised(
        "entry",
        entry::consume(
            Bus::new(redis.clone()),
            runner.clone(),
            options,
            stop.clone(),
        ),
        stop.clone(),
    ));
    let mut membership_options = ConsumerOptions::new(
        entry::GROUP,
        format!("journey-membership-{}", uuid::Uuid::now_v7().simple()),
    );
    membership_options.reclaim_idle = Duration::from_millis(settings.worker.reclaim_idle_ms);
    workers.spawn(supervised(
        "membership",
        membership::consume(
            Bus::new(redis.clone()),
            runner.clone(),
            membership_options,
            stop.clone(),
        ),
        stop.clone(),
    ));
    let mut erasure_options = ConsumerOptions::new(
        entry::GROUP,
        format!("journey-erasure-{}", uuid::Uuid::now_v7().simple()),
    );
    erasure_options.reclaim_idle = Duration::from_millis(settings.worker.reclaim_idle_ms);
    workers.spawn(supervised(
        "erasure",
        erasure::consume(
            Bus::new(redis.clone()),
            runner.store().clone(),
            erasure_options,
            stop.clone(),
        ),
        stop.clone(),
    ));
    workers.spawn(supervised(
        "outbox",
        outbox::deliver(
            runner.clone(),
            Duration::from_millis(settings.worker.poll_interval_ms.max(1)),
            stop.clone(),
        ),
        stop.clone(),
    ));
    workers.spawn(supervised(
        "schedule",
        schedule::run(
            runner.clone(),
            Duration::from_millis(settings.worker.poll_interval_ms.max(1)),
            stop.clone(),
        ),
        stop.clone(),
    ));
    workers.spawn(supervised(
        "timers",
        timers::poll(
            runner.clone(),
            Duration::from_millis(settings.worker.poll_interval_ms.max(1)),
            stop.clone(),
        ),
        stop.clone(),
    ));

    let api = JourneyApi::new(
        runner.clone(),
        omni_profile_store::ProfileStore::new(redis.clone()),
        clock,
        Bus::new(redis.clone()),
    );
    let routes = tonic::service::Routes::new(JourneyServiceServer::new(api));
    let served = serve(
        ServeOptions {
            name: "journey",
            service_names: vec![SERVICE_NAME],
            listener,
            settings: &settings,
            redis,
            shutdown: stop.clone(),
        },
        routes,
    )
    .await;
    stop.cancel();

    omni_common::server::join_workers("journey", served.map_err(Error::from), workers).await
}

/// Runs a worker; if it stops with an error, logs it and cancels `stop` so the whole
/// service stops rather than serving without it.
async fn supervised(
    name: &'static str,
    worker: impl Future<Output = Result<(), Error>>,
    stop: CancellationToken,
) -> Result<(), Error> {
    let result = worker.await;
    if let Err(e) = &result {
        tracing::error!(worker = name, error = %e, "journey worker failed; stopping the service");
        stop.cancel();
    }
    result
}
