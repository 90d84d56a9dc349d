//! Channel-gateway service: the only part of Omni that talks to the outside world.
//!
//! It owns templates (minijinja; per-channel and per-locale variants, strict variable
//! checking at save), the send policy (consent per channel and purpose, the suppression
//! list, quiet hours in the customer's time zone, fatigue caps in Redis), and the message
//! outbox: `Send` commits a message (with its `queued` event) before any provider call,
//! and one worker per channel delivers due messages through the workspace's provider
//! (SMTP email, Twilio-style SMS, FCM push, an HMAC-signed store webhook) with a rate
//! limit, retries with exponential backoff and jitter, dead letters, and a circuit
//! breaker per provider. Delivery events are stored and streamed (`WatchDeliveries`).
//!
//! It reads profiles (traits, identifiers, consent) from the Redis profile store and
//! never writes them. Send outcomes and engagement (clicks, opens, unsubscribes,
//! provider callbacks on its HTTP listener, coupon redemptions) go to identity as
//! events through `TrackBatch`, from a SQL outbox, at least once; identity is the only
//! service it calls. Delivery is at least once towards the
//! provider: a worker that dies mid-call leaves a leased row that is claimed again after
//! the lease, and the provider sees the same idempotency key (the message id) twice.

mod apns;
mod arbitration;
mod caps;
mod commands;
mod convert;
mod coupons;
mod delivery;
mod email;
mod engagement;
mod erasure;
mod error;
mod health;
mod policy;
mod preference_centre;
mod provider;
mod push;
mod records;
mod report;
mod review;
mod routing;
mod service;
mod sms;
mod store;
mod templates;
mod tracking;
mod webhook;

use std::sync::Arc;

use omni_common::config::Settings;
use omni_common::server::{ServeOptions, serve};
use omni_common::shutdown::CancellationToken;
use omni_profile_store::ProfileStore;
use omni_proto::channel::v1::channel_service_server::{ChannelServiceServer, SERVICE_NAME};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

pub use crate::engagement::{twilio_signature, verify_omni_signature};
pub use crate::error::Error;
pub use crate::webhook::{SIGNATURE_HEADER, signature as webhook_signature};

/// Runs the channel-gateway on `listener` until `shutdown` is cancelled: connects its
/// database (and runs its migrations), Redis, starts one delivery worker per channel,
/// the identity reporter and the engagement HTTP endpoints (on
/// `delivery.engagement_listen`, when set), and serves gRPC (with
/// health/reflection/auth).
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let engagement = if settings.delivery.engagement_listen.is_empty() {
        None
    } else {
        let addr = settings.delivery.engagement_listen.clone();
        Some(TcpListener::bind(&addr).await.map_err(|e| {
            Error::invalid(
                "delivery.engagement_listen",
                format!("cannot listen on {addr}: {e}"),
            )
        })?)
    };
    run_with(settings, listener, engagement, shutdown).await
}

/// [`run`] with the engagement HTTP endpoints on `engagement` (if any) instead of the
/// address in the settings.
pub async fn run_with(
    settings: Settings,
    listener: TcpListener,
    engagement: Option<TcpListener>,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    let store = store::Store::connect(&settings.channel.database_url).await?;
    let redis = omni_common::redis::connect(&settings.redis.url).await?;
    let smtp = email::SmtpProvider::new(&settings.smtp)?;
    let mut cfg = delivery::EngineConfig::from_settings(&settings.delivery);
    // The SMTP timeout bounds an email call; the lease must outlast it.
    cfg.provider_timeout = cfg.provider_timeout.max(std::time::Duration::from_millis(
        settings.smtp.timeout_ms.max(1),
    ));
    cfg.lease_ms = cfg
        .lease_ms
        .max(i64::try_from(cfg.provider_timeout.as_millis() * 2).unwrap_or(i64::MAX));
    let gateway = Arc::new(delivery::Gateway::new(delivery::GatewayParts {
        store,
        profiles: ProfileStore::new(redis.clone()),
        caps: caps::Caps::new(redis.clone()),
        smtp: Arc::new(smtp),
        http: provider::http_client()?,
        tracker: tracking::Tracker::new(
            &settings.delivery.tracking_base_url,
            &settings.delivery.tracking_secret,
        ),
        clock: omni_common::clock::system(),
        cfg,
    }));

    let workers = shutdown.child_token();
    let mut tasks = JoinSet::new();
    for channel in records::Channel::ALL {
        tasks.spawn(delivery::worker(gateway.clone(), channel, workers.clone()));
    }
    let emitter = report::Emitter::new(
        &settings,
        gateway.store.clone(),
        gateway.profiles.clone(),
        gateway.clock.clone(),
        gateway.report_wake.clone(),
    )?;
    tasks.spawn(emitter.run(workers.clone()));
    if let Some(listener) = engagement {
        if let Ok(addr) = listener.local_addr() {
            tracing::info!(%addr, "channel engagement endpoints listening");
        }
        tasks.spawn(engagement::serve(
            gateway.clone(),
            engagement::EngagementConfig {
                public_base_url: settings.delivery.tracking_base_url.clone(),
                callback_secret: settings.delivery.callback_secret.clone(),
            },
            listener,
            workers.clone(),
        ));
    }

    let mut erasure_options = omni_bus::ConsumerOptions::new(
        erasure::GROUP,
        format!("channel-{}", uuid::Uuid::now_v7().simple()),
    );
    erasure_options.reclaim_idle =
        std::time::Duration::from_millis(settings.worker.reclaim_idle_ms);
    tasks.spawn(supervised_erasure(
        erasure::consume(
            omni_bus::Bus::new(redis.clone()),
            gateway.clone(),
            erasure_options,
            workers.clone(),
        ),
        shutdown.clone(),
    ));

    let routes = tonic::service::Routes::new(ChannelServiceServer::new(service::ChannelApi::new(
        gateway,
        omni_bus::Bus::new(redis.clone()),
    )));
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

/// Runs the erasure worker; if it fails, logs it and stops the service (erasure must not
/// silently stop while the gateway keeps serving).
async fn supervised_erasure(
    worker: impl std::future::Future<Output = Result<(), Error>>,
    stop: CancellationToken,
) {
    if let Err(e) = worker.await {
        tracing::error!(error = %e, "channel erasure worker failed; stopping the service");
        stop.cancel();
    }
}
