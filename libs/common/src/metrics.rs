//! Metrics: OpenTelemetry instruments exported two ways at once, pulled by Prometheus
//! from `/metrics` (when `telemetry.metrics_listen` is set) and pushed over OTLP (when
//! `telemetry.otlp_endpoint` is set).
//!
//! Every service records into the same named instruments (see [`Instruments`]): request
//! rate, errors and latency by RPC (the server layer), bus consumer lag and pending
//! entries (the bus), sends by channel and outcome (channel-gateway) and the durable
//! timer backlog (journey-orchestrator). Instruments are created on first use from the
//! meter provider installed by [`install`]; before that (in tests that install nothing)
//! they record into a no-op provider.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use opentelemetry::KeyValue;
use opentelemetry::metrics::{Counter, Gauge, Histogram};
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::metrics::{PeriodicReader, SdkMeterProvider};
use prometheus::{Encoder as _, TextEncoder};
use tokio::net::TcpListener;

use crate::Error;
use crate::config::TelemetrySettings;
use crate::shutdown::CancellationToken;

/// The registry `/metrics` renders, set by [`install`].
static REGISTRY: OnceLock<prometheus::Registry> = OnceLock::new();
/// The instruments, created on first use.
static INSTRUMENTS: OnceLock<Instruments> = OnceLock::new();

/// Latency buckets in seconds, from 0.5 ms to 10 s.
const LATENCY_BUCKETS: [f64; 15] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 7.5, 10.0,
];

/// Keeps the meter provider alive; flushes pending OTLP metrics on drop.
pub struct MetricsGuard {
    provider: SdkMeterProvider,
}

impl Drop for MetricsGuard {
    fn drop(&mut self) {
        let _ = self.provider.shutdown();
    }
}

/// Installs the global meter provider with a Prometheus reader (always; `/metrics` is
/// served separately by [`serve`]) and, when `otlp_endpoint` is set, a periodic OTLP
/// exporter. Only the first call in a process takes effect.
pub fn install(settings: &TelemetrySettings, service_name: &str) -> Result<MetricsGuard, Error> {
    let registry = REGISTRY.get_or_init(prometheus::Registry::new).clone();
    let prometheus = opentelemetry_prometheus::exporter()
        .with_registry(registry)
        .build()
        .map_err(|e| Error::Telemetry(format!("prometheus exporter: {e}")))?;
    let resource = opentelemetry_sdk::Resource::builder()
        .with_service_name(service_name.to_owned())
        .build();
    let mut builder = SdkMeterProvider::builder()
        .with_resource(resource)
        .with_reader(prometheus);
    if !settings.otlp_endpoint.is_empty() {
        let exporter = opentelemetry_otlp::MetricExporter::builder()
            .with_tonic()
            .with_endpoint(settings.otlp_endpoint.clone())
            .build()
            .map_err(|e| Error::Telemetry(format!("otlp metric exporter: {e}")))?;
        let reader = PeriodicReader::builder(exporter)
            .with_interval(Duration::from_millis(
                settings.metrics_export_interval_ms.max(1),
            ))
            .build();
        builder = builder.with_reader(reader);
    }
    let provider = builder.build();
    if INSTRUMENTS.get().is_none() {
        opentelemetry::global::set_meter_provider(provider.clone());
    }
    Ok(MetricsGuard { provider })
}

/// The Prometheus text exposition of every instrument recorded so far.
pub fn render() -> String {
    let Some(registry) = REGISTRY.get() else {
        return String::new();
    };
    let mut out = Vec::new();
    if let Err(e) = TextEncoder::new().encode(&registry.gather(), &mut out) {
        tracing::warn!(error = %e, "encoding metrics failed");
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Serves `GET /metrics` on `listener` until `shutdown` is cancelled.
pub async fn serve(listener: TcpListener, shutdown: CancellationToken) -> Result<(), Error> {
    let addr = listener.local_addr().ok();
    tracing::info!(?addr, "serving /metrics");
    loop {
        let (stream, _) = tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            accepted = listener.accept() => accepted.map_err(|e| Error::Telemetry(format!("metrics listener: {e}")))?,
        };
        tokio::spawn(async move {
            let service = service_fn(|req: Request<hyper::body::Incoming>| async move {
                Ok::<_, Infallible>(respond(req.uri().path()))
            });
            if let Err(e) = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                tracing::debug!(error = %e, "metrics connection ended with an error");
            }
        });
    }
}

/// Binds `addr` and serves `/metrics` there in the background.
pub async fn spawn_server(
    addr: SocketAddr,
    shutdown: CancellationToken,
) -> Result<SocketAddr, Error> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| Error::Telemetry(format!("telemetry.metrics_listen {addr}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| Error::Telemetry(format!("metrics listener: {e}")))?;
    tokio::spawn(async move {
        if let Err(e) = serve(listener, shutdown).await {
            tracing::error!(error = %e, "metrics endpoint stopped");
        }
    });
    Ok(bound)
}

fn respond(path: &str) -> Response<Full<Bytes>> {
    let (status, content_type, body) = if path == "/metrics" {
        (StatusCode::OK, "text/plain; version=0.0.4", render())
    } else {
        (
            StatusCode::NOT_FOUND,
            "text/plain",
            "not found; try /metrics\n".to_owned(),
        )
    };
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    if let Ok(v) = http::HeaderValue::from_str(content_type) {
        response.headers_mut().insert(http::header::CONTENT_TYPE, v);
    }
    response
}

/// The suite's instruments.
pub struct Instruments {
    rpc_requests: Counter<u64>,
    rpc_duration: Histogram<f64>,
    bus_lag: Gauge<i64>,
    bus_pending: Gauge<i64>,
    sends: Counter<u64>,
    timer_backlog: Gauge<i64>,
}

/// The instruments (created from the global meter provider on first use).
pub fn instruments() -> &'static Instruments {
    INSTRUMENTS.get_or_init(|| {
        let meter = opentelemetry::global::meter("omni");
        Instruments {
            rpc_requests: meter
                .u64_counter("omni.rpc.server.requests")
                .with_description("gRPC requests served, by method and status code")
                .build(),
            rpc_duration: meter
                .f64_histogram("omni.rpc.server.duration")
                .with_unit("s")
                .with_description("gRPC request latency until response headers, by method")
                .with_boundaries(LATENCY_BUCKETS.to_vec())
                .build(),
            bus_lag: meter
                .i64_gauge("omni.bus.consumer.lag")
                .with_description("Bus entries not yet delivered to a consumer group")
                .build(),
            bus_pending: meter
                .i64_gauge("omni.bus.consumer.pending")
                .with_description("Bus entries delivered but not yet acknowledged")
                .build(),
            sends: meter
                .u64_counter("omni.channel.sends")
                .with_description("Messages by channel and outcome (sent, failed, suppressed, ...)")
                .build(),
            timer_backlog: meter
                .i64_gauge("omni.journey.timer.backlog")
                .with_description("Journey runs whose timer is due and not yet fired")
                .build(),
        }
    })
}

impl Instruments {
    /// One served gRPC request.
    pub fn rpc(&self, method: &str, code: &str, seconds: f64) {
        self.rpc_requests.add(
            1,
            &[
                KeyValue::new("rpc.method", method.to_owned()),
                KeyValue::new("rpc.grpc.status_code", code.to_owned()),
            ],
        );
        self.rpc_duration
            .record(seconds, &[KeyValue::new("rpc.method", method.to_owned())]);
    }

    /// A bus consumer group's lag and pending count.
    pub fn bus_consumer(&self, topic: &str, group: &str, lag: i64, pending: i64) {
        let attrs = [
            KeyValue::new("topic", topic.to_owned()),
            KeyValue::new("group", group.to_owned()),
        ];
        self.bus_lag.record(lag, &attrs);
        self.bus_pending.record(pending, &attrs);
    }

    /// One message outcome on a channel.
    pub fn send(&self, channel: &str, outcome: &str) {
        self.sends.add(
            1,
            &[
                KeyValue::new("channel", channel.to_owned()),
                KeyValue::new("outcome", outcome.to_owned()),
            ],
        );
    }

    /// The number of due journey timers.
    pub fn timer_backlog(&self, due: i64) {
        self.timer_backlog.record(due, &[]);
    }
}
