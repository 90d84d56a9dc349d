//! Decisioning service: next-best-offer arbitration with explained decisions.
//!
//! The offer catalogue lives in SQL (eligibility as CEL over `traits`, `events`,
//! `segments`, `context` and `now`). `Decide` reads the live profile and memberships,
//! evaluates every offer of the workspace, ranks the eligible ones by
//! propensity × value × weight (see [`decide`]), explains every candidate, and logs the
//! decision in SQL.

pub mod catalog;
pub mod convert;
pub mod decide;
pub mod error;
pub mod offer;
pub mod service;
pub mod store;

use std::sync::Arc;

use omni_common::config::Settings;
use omni_common::server::{ServeOptions, serve};
use omni_common::shutdown::CancellationToken;
use omni_profile_store::ProfileStore;
use omni_proto::decisioning::v1::decisioning_service_server::DecisioningServiceServer;
use tokio::net::TcpListener;

pub use error::Error;

/// Fully-qualified gRPC name of the service, as reported by health.
pub const SERVICE_NAME: &str = "omni.decisioning.v1.DecisioningService";

/// Runs the decisioning service on `listener` until `shutdown` is cancelled: connects
/// its database (and runs its migrations), Redis, and serves gRPC (with
/// health/reflection/auth). It has no background workers yet.
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let db = omni_storage::connect(&settings.decisioning.database_url).await?;
    omni_storage::migrate(&db, "decisioning", store::MIGRATIONS).await?;
    let redis = omni_common::redis::connect(&settings.redis.url)
        .await
        .map_err(omni_common::Error::from)?;
    let clock = omni_common::clock::system();
    let store = store::Store::new(db);
    let profiles = ProfileStore::new(redis.clone());
    let catalog = Arc::new(catalog::Catalog::new(store.clone(), Arc::clone(&clock)));
    let decider = decide::Decider::new(Arc::clone(&catalog), profiles, store, clock);
    let api = service::DecisioningApi::new(catalog, decider);
    let routes = tonic::service::Routes::new(DecisioningServiceServer::new(api));
    serve(
        ServeOptions {
            name: "decisioning",
            service_names: vec![SERVICE_NAME],
            listener,
            settings: &settings,
            redis,
            shutdown,
        },
        routes,
    )
    .await?;
    Ok(())
}
