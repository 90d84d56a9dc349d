//! Decisioning service: explained next-best-offer arbitration, experiments, bandits,
//! best channel and best send time.
//!
//! The offer catalogue (immutable versions, placements, validity, caps, eligibility as
//! CEL over `traits`, `events`, `segments`, `context`, `now` and `computed`), the
//! decision log with its outcomes, and experiments live in SQL. What must be counted
//! atomically or read on every decision lives in Redis, under keys prefixed `dec:`:
//!
//! | key | type | content |
//! |---|---|---|
//! | `dec:{ws:cid}:cap:<offer>:d:<day>` / `:w:<iso week>` / `:life` | string | per-customer grants |
//! | `dec:{ws:offer}:global` | hash | `grants`, `spent` (micros) against the global cap |
//! | `dec:{ws}:bandit` | hash | `<offer>\|<placement>\|n` trials, `\|s` successes |
//! | `dec:{ws:cid}:redeemed` / `:purchased` | set | offer ids / product ids from conversions |
//! | `dec:{ws:cid}:sto`, `dec:{ws}:sto` | hash | local hour of week → engagements |
//! | `dec:{ws:cid}:chan`, `dec:{ws}:chan` | hash | `<channel>\|n` trials, `\|s` successes |
//!
//! `Decide` (see [`decide`]) screens, scores (propensity × value × weight), ranks
//! (priority tier first), grants within caps, falls back, explains every candidate and
//! logs the decision. It must not write profiles: those belong to identity.

pub mod bandit;
pub mod caps;
pub mod catalog;
pub mod channel;
pub mod convert;
pub mod decide;
pub mod error;
pub mod exclusions;
pub mod experiment;
pub mod offer;
pub mod outcome;
pub mod sendtime;
pub mod service;
pub mod stats;
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
/// health/reflection/auth). It has no background workers.
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
    let experiments = Arc::new(experiment::Experiments::new(
        store.clone(),
        Arc::clone(&clock),
    ));
    let exclusions = exclusions::ExclusionStore::new(redis.clone());
    let bandits = bandit::Bandits::new(redis.clone());
    let histograms = sendtime::Histograms::new(redis.clone());
    let decider = decide::Decider::new(
        Arc::clone(&catalog),
        Arc::clone(&experiments),
        profiles.clone(),
        store.clone(),
        decide::LiveState {
            caps: caps::Caps::new(redis.clone()),
            exclusions: exclusions.clone(),
        },
        Arc::clone(&clock),
    );
    let channels = channel::ChannelStats::new(redis.clone());
    let recorder = outcome::Recorder::new(
        store,
        bandits,
        channels.clone(),
        histograms.clone(),
        exclusions,
        profiles.clone(),
        Arc::clone(&clock),
    );
    let api = service::DecisioningApi::new(service::Parts {
        catalog,
        decider,
        experiments,
        recorder,
        histograms,
        channels,
        profiles,
        clock,
        bus: omni_bus::Bus::new(redis.clone()),
    });
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
