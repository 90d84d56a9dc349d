//! Channel-gateway service: renders templates and delivers messages under consent.
//!
//! It owns message templates (minijinja) and the record of every message: one row per
//! idempotency key, written `pending` before anything is sent, then `sent`,
//! `suppressed` (no consent, no address) or `failed` (render or provider error, after
//! retries). It reads profiles (traits, identifiers, consent) from the Redis profile
//! store and never writes them; it calls no other service. Email goes over SMTP; the
//! other channels answer `FAILED_PRECONDITION` until they have providers.
//!
//! Delivery is at least once, not exactly once: the provider call is the only step that
//! cannot be repeated safely. If the gateway stops between the provider accepting an
//! email and `sent` being recorded, a background worker re-sends the still-pending
//! message once its lease (`worker.lease_ms`) lapses; both copies carry the same
//! `Message-ID` and `X-Omni-Message-Id`. The same worker finishes messages whose `Send`
//! call was abandoned mid-way (crash, or a client that hung up).

mod convert;
mod delivery;
mod email;
mod error;
mod policy;
mod records;
mod service;
mod store;
mod templates;

use std::sync::Arc;
use std::time::Duration;

use omni_common::config::Settings;
use omni_common::server::{REQUEST_TIMEOUT, ServeOptions, serve};
use omni_common::shutdown::CancellationToken;
use omni_profile_store::ProfileStore;
use omni_proto::channel::v1::channel_service_server::{ChannelServiceServer, SERVICE_NAME};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

pub use crate::error::Error;

/// Runs the channel-gateway on `listener` until `shutdown` is cancelled: connects its
/// database (and runs its migrations), Redis, starts the re-drive worker, and serves
/// gRPC (with health/reflection/auth).
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let store = store::Store::connect(&settings.channel.database_url).await?;
    let redis = omni_common::redis::connect(&settings.redis.url).await?;
    let profiles = ProfileStore::new(redis.clone());
    let smtp = email::SmtpProvider::new(&settings.smtp)?;
    let lease = Duration::from_millis(settings.worker.lease_ms.max(1_000));
    let limits = delivery::DeliveryLimits::new(
        lease,
        Duration::from_millis(settings.smtp.timeout_ms),
        REQUEST_TIMEOUT,
    );
    let gateway = Arc::new(delivery::Gateway::new(
        store,
        profiles,
        Arc::new(smtp),
        omni_common::clock::system(),
        limits,
    ));

    // Stuck messages are rare; scanning for them at most once a second is plenty.
    let scan_every = Duration::from_millis(settings.worker.poll_interval_ms.max(1_000));
    let workers = shutdown.child_token();
    let mut tasks = JoinSet::new();
    tasks.spawn(delivery::redrive_worker(
        gateway.clone(),
        scan_every,
        workers.clone(),
    ));

    let routes =
        tonic::service::Routes::new(ChannelServiceServer::new(service::ChannelApi::new(gateway)));
    let served = serve(
        ServeOptions {
            name: "channel",
            service_names: vec![SERVICE_NAME],
            listener,
            settings: &settings,
            redis,
            shutdown: shutdown.clone(),
        },
        routes,
    )
    .await;

    workers.cancel();
    while let Some(joined) = tasks.join_next().await {
        if let Err(e) = joined {
            tracing::error!(error = %e, "channel worker task failed");
        }
    }
    served?;
    Ok(())
}
