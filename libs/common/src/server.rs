//! The one server recipe every service is served with: trace context, API-key auth and
//! a request timeout around the service's routes, plus `grpc.health.v1` and reflection
//! (both open without a key), served until the shutdown token is cancelled and then
//! drained for at most a grace period.

use std::time::Duration;

use ::redis::aio::ConnectionManager;
use tokio::net::TcpListener;
use tonic::service::Routes;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;
use tonic_health::ServingStatus;

use crate::Error;
use crate::auth::AuthLayer;
use crate::config::Settings;
use crate::shutdown::CancellationToken;
use crate::telemetry::TraceContextLayer;

/// How long in-flight calls may take to finish after shutdown starts.
pub const DRAIN_GRACE: Duration = Duration::from_secs(10);
/// Upper bound on any single call.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What [`serve`] needs besides the routes.
pub struct ServeOptions<'a> {
    /// Short service name for logs (`identity`, ...).
    pub name: &'static str,
    /// Fully-qualified gRPC service names reported as SERVING by the health service.
    pub service_names: Vec<&'static str>,
    /// Bound listener (use port 0 in tests).
    pub listener: TcpListener,
    /// Suite settings (auth keys).
    pub settings: &'a Settings,
    /// Redis connection backing the API-key mirror.
    pub redis: ConnectionManager,
    /// Cancelled to stop serving.
    pub shutdown: CancellationToken,
}

/// Serves `routes` with health, reflection, tracing and auth until `shutdown` is
/// cancelled, then drains in-flight calls for at most [`DRAIN_GRACE`].
pub async fn serve(opts: ServeOptions<'_>, routes: Routes) -> Result<(), Error> {
    let (reporter, health) = tonic_health::server::health_reporter();
    for name in &opts.service_names {
        reporter
            .set_service_status(*name, ServingStatus::Serving)
            .await;
    }
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(omni_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let addr = opts.listener.local_addr().ok();
    tracing::info!(service = opts.name, ?addr, "serving gRPC");

    let auth = AuthLayer::new(&opts.settings.auth, opts.redis.clone());
    let shutdown = opts.shutdown.clone();
    let names = opts.service_names.clone();
    let signal = async move {
        shutdown.cancelled().await;
        for name in names {
            reporter
                .set_service_status(name, ServingStatus::NotServing)
                .await;
        }
    };
    let server = Server::builder()
        .timeout(REQUEST_TIMEOUT)
        .layer(TraceContextLayer)
        .layer(auth)
        .add_routes(routes)
        .add_service(health)
        .add_service(reflection)
        // TCP_NODELAY: without it a response spanning several segments waits ~40 ms for
        // the client's delayed ACK.
        .serve_with_incoming_shutdown(
            TcpIncoming::from(opts.listener).with_nodelay(Some(true)),
            signal,
        );
    let grace = async {
        opts.shutdown.cancelled().await;
        tokio::time::sleep(DRAIN_GRACE).await;
    };
    tokio::select! {
        r = server => r?,
        () = grace => tracing::warn!(service = opts.name, "drain grace period elapsed"),
    }
    tracing::info!(service = opts.name, "stopped");
    Ok(())
}

/// This replica's bus consumer name for `service` (`<service>-<host>`), stable across
/// restarts so the entries it left pending are read again when it comes back: the host
/// is the pod name under Kubernetes.
pub fn replica_name(service: &str) -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "local".into());
    format!("{service}-{host}")
}

/// Waits for a service's background workers once its server has stopped, logging each
/// worker that failed; returns the server's error, else the first worker's.
pub async fn join_workers<E>(
    service: &str,
    served: Result<(), E>,
    mut workers: tokio::task::JoinSet<Result<(), E>>,
) -> Result<(), E>
where
    E: From<tokio::task::JoinError> + std::fmt::Display + Send + 'static,
{
    let mut result = served;
    while let Some(joined) = workers.join_next().await {
        if let Err(e) = joined.map_err(E::from).and_then(|r| r) {
            tracing::error!(error = %e, service, "worker failed");
            if result.is_ok() {
                result = Err(e);
            }
        }
    }
    result
}
