//! Observability, checked at the collector: a local OTLP/gRPC receiver (the real
//! `opentelemetry.proto.collector.{trace,metrics}.v1` services) collects the spans and
//! metrics the suite exports while one signup travels identity → bus → segment and
//! journey-orchestrator → (durable wait) → decisioning → channel-gateway → SMTP. Every
//! hop must share the trace id of identity's `Track` span, and the suite's metrics must
//! reach both the OTLP receiver and the Prometheus `/metrics` endpoint.
//!
//! This is its own test binary because telemetry is installed once per process.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use omni::demo;
use omni_common::config::{LogFormat, TelemetrySettings};
use omni_tests::{Harness, PATIENCE};
use opentelemetry_proto::tonic::collector::metrics::v1::metrics_service_server::{
    MetricsService, MetricsServiceServer,
};
use opentelemetry_proto::tonic::collector::metrics::v1::{
    ExportMetricsServiceRequest, ExportMetricsServiceResponse,
};
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
    TraceService, TraceServiceServer,
};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::common::v1::any_value::Value;
use opentelemetry_proto::tonic::trace::v1::Span;
use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::{Request, Response, Status};

/// Every span and metric name exported to the receiver.
#[derive(Clone, Default)]
struct Collector {
    spans: Arc<Mutex<Vec<Span>>>,
    metrics: Arc<Mutex<Vec<String>>>,
}

#[tonic::async_trait]
impl MetricsService for Collector {
    async fn export(
        &self,
        request: Request<ExportMetricsServiceRequest>,
    ) -> Result<Response<ExportMetricsServiceResponse>, Status> {
        let mut names = self.metrics.lock().unwrap_or_else(|p| p.into_inner());
        for resource in request.into_inner().resource_metrics {
            for scope in resource.scope_metrics {
                names.extend(scope.metrics.into_iter().map(|m| m.name));
            }
        }
        Ok(Response::new(ExportMetricsServiceResponse::default()))
    }
}

#[tonic::async_trait]
impl TraceService for Collector {
    async fn export(
        &self,
        request: Request<ExportTraceServiceRequest>,
    ) -> Result<Response<ExportTraceServiceResponse>, Status> {
        let mut spans = self.spans.lock().unwrap_or_else(|p| p.into_inner());
        for resource in request.into_inner().resource_spans {
            for scope in resource.scope_spans {
                spans.extend(scope.spans);
            }
        }
        Ok(Response::new(ExportTraceServiceResponse::default()))
    }
}

impl Collector {
    fn snapshot(&self) -> Vec<Span> {
        self.spans.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

fn attribute<'a>(span: &'a Span, key: &str) -> Option<&'a str> {
    span.attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| kv.value.as_ref())
        .and_then(|v| match &v.value {
            Some(Value::StringValue(s)) => Some(s.as_str()),
            _ => None,
        })
}

fn is_rpc(span: &Span, method: &str) -> bool {
    span.name == "grpc.server" && attribute(span, "rpc.method") == Some(method)
}

fn is_delivery(span: &Span, group: &str) -> bool {
    span.name == "bus.deliver" && attribute(span, "group") == Some(group)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_signup_is_one_trace_across_services_and_the_bus() -> anyhow::Result<()> {
    let collector = Collector::default();
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let endpoint = format!("http://{}", listener.local_addr()?);
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(TraceServiceServer::new(collector.clone()))
            .add_service(MetricsServiceServer::new(collector.clone()))
            .serve_with_incoming(TcpListenerStream::new(listener)),
    );
    let telemetry = TelemetrySettings {
        log_format: LogFormat::Pretty,
        log_filter: "warn,omni=info,omni_common=info,omni_bus=info,omni_identity=info,\
                     omni_segment=info,omni_decisioning=info,omni_journey=info,omni_channel=info"
            .into(),
        otlp_endpoint: endpoint,
        metrics_listen: String::new(),
        metrics_export_interval_ms: 500,
    };
    let _telemetry = omni_common::telemetry::init(&telemetry, "omni-tests")?;
    let metrics_addr = omni_common::metrics::spawn_server(
        ([127, 0, 0, 1], 0).into(),
        omni_common::shutdown::CancellationToken::new(),
    )
    .await?;

    let mut h = Harness::start().await?;
    demo::load_sample(&mut h.clients, Duration::from_secs(1)).await?;
    let tracked = demo::track_signup(&mut h.clients, "trace-1", "tess@example.com", "Tess").await?;
    let mail = h.smtp.wait_for(1, PATIENCE).await?;
    assert!(mail[0].decoded_body().contains("Hi Tess"));

    let wanted: [(&str, SpanTest); 5] = [
        ("segment consumer", |s| is_delivery(s, "segment")),
        ("journey consumer", |s| is_delivery(s, "journey")),
        ("decisioning Decide", |s| {
            is_rpc(s, "/omni.decisioning.v1.DecisioningService/Decide")
        }),
        ("channel-gateway Send", |s| {
            is_rpc(s, "/omni.channel.v1.ChannelService/Send")
        }),
        ("timer fire after the wait", |s| s.name == "timer.fire"),
    ];
    let result = omni_testkit::eventually(PATIENCE, || {
        let spans = collector.snapshot();
        async move {
            let track = spans
                .iter()
                .find(|s| is_rpc(s, "/omni.identity.v1.IdentityService/Track"))
                .ok_or_else(|| {
                    anyhow::anyhow!("no Track span exported yet ({} spans)", spans.len())
                })?;
            let trace = &track.trace_id;
            let missing: Vec<&str> = wanted
                .iter()
                .filter(|(_, is)| !spans.iter().any(|s| is(s) && &s.trace_id == trace))
                .map(|(name, _)| *name)
                .collect();
            anyhow::ensure!(
                missing.is_empty(),
                "spans of the Track trace missing: {missing:?}; exported: {:?}",
                spans
                    .iter()
                    .map(|s| (
                        s.name.as_str(),
                        attribute(s, "rpc.method"),
                        attribute(s, "group"),
                        hex(&s.trace_id)
                    ))
                    .collect::<Vec<_>>()
            );
            Ok(Some(hex(trace)))
        }
    })
    .await?;
    assert_eq!(result.len(), 32, "a W3C trace id is 16 bytes");
    assert!(!tracked.customer_id.is_empty());

    // Metrics: the same instruments on /metrics and at the OTLP receiver.
    let wanted_series = [
        "omni_rpc_server_requests_total{",
        "rpc_method=\"/omni.identity.v1.IdentityService/Track\"",
        "omni_rpc_server_duration_seconds_bucket{",
        "omni_channel_sends_total{",
        "outcome=\"sent\"",
        "omni_bus_consumer_lag{",
        "group=\"segment\"",
        "omni_journey_timer_backlog",
    ];
    let text = omni_testkit::eventually(PATIENCE, || async {
        let text = scrape(metrics_addr).await?;
        let missing: Vec<&str> = wanted_series
            .iter()
            .filter(|w| !text.contains(*w))
            .copied()
            .collect();
        anyhow::ensure!(
            missing.is_empty(),
            "missing on /metrics: {missing:?}\n{text}"
        );
        Ok(Some(text))
    })
    .await?;
    assert!(text.contains("rpc_grpc_status_code=\"0\""), "{text}");
    let wanted_otlp = [
        "omni.rpc.server.requests",
        "omni.rpc.server.duration",
        "omni.channel.sends",
        "omni.bus.consumer.lag",
        "omni.journey.timer.backlog",
    ];
    omni_testkit::eventually(PATIENCE, || {
        let names = collector
            .metrics
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        async move {
            let missing: Vec<&str> = wanted_otlp
                .iter()
                .filter(|w| !names.iter().any(|n| n == *w))
                .copied()
                .collect();
            anyhow::ensure!(
                missing.is_empty(),
                "missing at the OTLP receiver: {missing:?}"
            );
            Ok(Some(()))
        }
    })
    .await?;
    h.stop().await
}

/// `GET /metrics` over plain HTTP/1.0.
async fn scrape(addr: std::net::SocketAddr) -> anyhow::Result<String> {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    stream
        .write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    anyhow::ensure!(
        response.lines().next().is_some_and(|l| l.contains(" 200")),
        "{response}"
    );
    Ok(response)
}

/// Recognises one kind of span.
type SpanTest = fn(&Span) -> bool;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
