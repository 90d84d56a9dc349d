//! Identity service: resolves customers, keeps the live profile, appends the event log.
//!
//! Identity is the only writer of the identity graph (SQL `identifiers`, `customers`,
//! `merges`, `conflicts`), the event log (`events`), consent records (`consents`) and
//! the Redis profiles (through `omni-profile-store`); other services read profiles from
//! Redis and learn about events from `EventIngested` on the bus. It never calls
//! another service.
//!
//! The flow of `Track` (see `resolve` and `outbox`): validate and normalise, then in
//! one SQL transaction claim the event id, resolve (and maybe merge) the customer and
//! append the event; after commit, update Redis and publish `EventIngested`. The commit
//! is the point of acceptance; a background outbox worker finishes the Redis/bus steps
//! of any event whose Track could not.

pub mod access;
mod activity;
mod batch;
#[cfg(test)]
mod batch_equivalence;
mod batch_store;
mod consent;
mod convert;
mod convert_preferences;
mod convert_profile;
mod crypto;
mod error;
mod event;
#[cfg(test)]
mod grouping_props;
mod identify;
mod merge;
mod normalise;
mod outbox;
mod page;
mod preferences;
mod privacy;
mod profile;
pub mod rebuild;
mod resolve;
mod rules;
mod service;
mod store;
mod suggest;

use std::time::Duration;

use omni_bus::Bus;
use omni_common::config::Settings;
use omni_common::server::{ServeOptions, serve};
use omni_common::shutdown::CancellationToken;
use omni_profile_store::ProfileStore;
use omni_proto::identity::v1::access_service_server::AccessServiceServer;
use omni_proto::identity::v1::identity_service_server::IdentityServiceServer;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

pub use error::Error;

use crate::crypto::IdCrypto;
use crate::outbox::Outbox;
use crate::service::Identity;

/// Fully-qualified gRPC name of the service, as reported by health checks.
pub const SERVICE_NAME: &str = "omni.identity.v1.IdentityService";
/// Fully-qualified gRPC name of the API-key and audit-log service identity also serves.
pub const ACCESS_SERVICE_NAME: &str = "omni.identity.v1.AccessService";

/// The identity database: `identity.database_url`, else `identity.db` in the data dir.
fn database_url(settings: &Settings) -> String {
    if settings.identity.database_url.is_empty() {
        format!(
            "sqlite://{}/identity.db?mode=rwc",
            settings.data_dir.display()
        )
    } else {
        settings.identity.database_url.clone()
    }
}

/// `omni rebuild-profiles`: rewrites every live profile in Redis from the SQL event
/// log, identity graph and consent tables (of one workspace, or of all), and returns
/// `(workspace, profiles rebuilt)` per workspace. Safe while the service runs: each
/// profile is replaced in one Redis transaction.
pub async fn rebuild_profiles(
    settings: &Settings,
    workspace: Option<&str>,
) -> Result<Vec<(String, u64)>, Error> {
    let db = omni_storage::connect(&database_url(settings)).await?;
    let crypto = IdCrypto::load(&settings.identity_encryption_key, &settings.data_dir)?;
    store::migrate(&db, &crypto).await?;
    let redis = omni_common::redis::connect(&settings.redis.url).await?;
    let profiles = ProfileStore::new(redis);
    let workspaces = match workspace {
        Some(ws) => vec![ws.to_owned()],
        None => store::workspaces(&db).await?,
    };
    let mut done = Vec::with_capacity(workspaces.len());
    for ws in workspaces {
        let n = rebuild::rebuild_workspace(&db, &crypto, &profiles, &ws).await?;
        done.push((ws, n));
    }
    Ok(done)
}

/// Runs the identity service on `listener` until `shutdown` is cancelled: connects its
/// database (and runs its migrations), Redis, starts the outbox worker, and serves
/// gRPC (with health/reflection/auth).
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let db = omni_storage::connect(&database_url(&settings)).await?;
    let crypto = IdCrypto::load(&settings.identity_encryption_key, &settings.data_dir)?;
    store::migrate(&db, &crypto).await?;
    let redis = omni_common::redis::connect(&settings.redis.url).await?;
    let outbox = Outbox {
        db,
        crypto,
        profiles: ProfileStore::new(redis.clone()),
        bus: Bus::new(redis.clone()),
    };
    let clock = omni_common::clock::system();

    // Workers stop with the service, or when serving ends early (without cancelling
    // the caller's token, which may be shared with other services).
    let stop_workers = shutdown.child_token();
    let mut workers = JoinSet::new();
    workers.spawn(outbox.clone().run(
        clock.clone(),
        Duration::from_millis(settings.worker.poll_interval_ms),
        i64::try_from(settings.worker.lease_ms).unwrap_or(i64::MAX / 4),
        stop_workers.clone(),
    ));

    // API keys are re-mirrored before serving; the audit writer runs with the workers.
    let access = access::Access::new(
        outbox.db.clone(),
        redis.clone(),
        outbox.bus.clone(),
        clock.clone(),
    );
    let mirrored = access.start().await?;
    tracing::info!(keys = mirrored, "API keys mirrored");
    let audit_bus = Bus::connect(&settings.redis.url).await?;
    let audit_writer = access
        .clone()
        .consume_audit(audit_bus, stop_workers.clone());
    workers.spawn(async move {
        if let Err(e) = audit_writer.await {
            tracing::error!(error = %e, "audit log writer stopped");
        }
    });
    let routes =
        tonic::service::Routes::new(IdentityServiceServer::new(Identity::new(outbox, clock)))
            .add_service(AccessServiceServer::new(access));
    let served = serve(
        ServeOptions {
            name: "identity",
            service_names: vec![SERVICE_NAME, ACCESS_SERVICE_NAME],
            listener,
            settings: &settings,
            redis,
            shutdown: shutdown.clone(),
        },
        routes,
    )
    .await;
    stop_workers.cancel();
    while let Some(joined) = workers.join_next().await {
        joined?;
    }
    served?;
    Ok(())
}
