//! Segment service: real-time CEL segments over the live profile.
//!
//! A segment is a CEL expression over the profile's `traits`, `events` (event type to
//! count) and `now`. Definitions live in SQL; live membership lives in Redis (through
//! `omni-profile-store`). A worker consumes `EventIngested` from the bus, re-evaluates
//! the customer's segments and publishes `MembershipChanged` on entry and exit. A newly
//! created segment is evaluated for a customer at their next event.

pub mod catalog;
pub mod convert;
pub mod error;
pub mod segment;
pub mod service;
pub mod store;
pub mod worker;

use std::sync::Arc;
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions, Topic};
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
/// database (and runs its migrations), Redis, starts the membership worker, and serves
/// gRPC (with health/reflection/auth).
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let db = omni_storage::connect(&settings.segment.database_url).await?;
    omni_storage::migrate(&db, "segment", store::MIGRATIONS).await?;
    let redis = omni_common::redis::connect(&settings.redis.url)
        .await
        .map_err(omni_common::Error::from)?;
    let clock = omni_common::clock::system();
    let profiles = ProfileStore::new(redis.clone());
    let bus = Bus::new(redis.clone());
    let catalog = Arc::new(catalog::Catalog::new(
        store::SegmentStore::new(db),
        Arc::clone(&clock),
    ));

    let stop = shutdown.child_token();
    let mut workers = JoinSet::new();
    let membership = Arc::new(worker::Membership::new(
        Arc::clone(&catalog),
        profiles.clone(),
        bus.clone(),
        clock,
    ));
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

    let api = service::SegmentApi::new(catalog, profiles);
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
