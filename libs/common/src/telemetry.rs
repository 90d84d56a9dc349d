//! Tracing set-up (pretty or JSON logs, optional OTLP export) and W3C trace-context
//! propagation: a server layer that continues the caller's trace, a metadata injector
//! for clients, and the traceparent helpers the bus uses to carry a trace through a
//! stream entry. One `Track` call is therefore one trace across every service.

use std::collections::HashMap;
use std::task::{Context, Poll};

use opentelemetry::propagation::{Extractor, Injector, TextMapPropagator};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tonic::metadata::{MetadataKey, MetadataMap, MetadataValue};
use tower::{Layer, Service};
use tracing::Instrument;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer as _};

use crate::Error;
use crate::config::{LogFormat, TelemetrySettings};

/// Keeps the tracer and meter providers alive; flushes spans and metrics on drop.
pub struct TelemetryGuard {
    provider: SdkTracerProvider,
    _metrics: crate::metrics::MetricsGuard,
}

impl Drop for TelemetryGuard {
    fn drop(&mut self) {
        let _ = self.provider.shutdown();
    }
}

/// Installs the global subscriber once per process: logs in the configured format,
/// an OpenTelemetry layer (exporting over OTLP/gRPC when an endpoint is set) and the
/// W3C trace-context propagator; and the meter provider (see [`crate::metrics`]).
/// Later calls are no-ops that return a fresh guard.
pub fn init(settings: &TelemetrySettings, service_name: &str) -> Result<TelemetryGuard, Error> {
    let resource = opentelemetry_sdk::Resource::builder()
        .with_service_name(service_name.to_owned())
        .build();
    let mut builder = SdkTracerProvider::builder().with_resource(resource);
    if !settings.otlp_endpoint.is_empty() {
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .with_endpoint(settings.otlp_endpoint.clone())
            .build()
            .map_err(|e| Error::Telemetry(e.to_string()))?;
        builder = builder.with_batch_exporter(exporter);
    }
    let provider = builder.build();
    let tracer = provider.tracer("omni");
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());

    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&settings.log_filter))
        .map_err(|e| Error::Telemetry(format!("telemetry.log_filter: {e}")))?;
    let fmt = match settings.log_format {
        LogFormat::Pretty => tracing_subscriber::fmt::layer().with_target(true).boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer().json().boxed(),
    };
    let otel = tracing_opentelemetry::layer().with_tracer(tracer);
    // A second init in the same process (tests, `omni up`) keeps the first subscriber.
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init();
    let metrics = crate::metrics::install(settings, service_name)?;
    Ok(TelemetryGuard {
        provider,
        _metrics: metrics,
    })
}

/// Installs only the OpenTelemetry layer and propagator (no log output), so trace
/// context flows in tests. Safe to call many times.
pub fn init_for_tests() {
    let provider = SdkTracerProvider::builder().build();
    let tracer = provider.tracer("omni-test");
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let _ = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(tracer))
        .try_init();
}

struct HeaderExtractor<'a>(&'a http::HeaderMap);

impl Extractor for HeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(http::HeaderName::as_str).collect()
    }
}

struct MetadataInjector<'a>(&'a mut MetadataMap);

impl Injector for MetadataInjector<'_> {
    fn set(&mut self, key: &str, value: String) {
        if let (Ok(k), Ok(v)) = (
            MetadataKey::from_bytes(key.as_bytes()),
            MetadataValue::try_from(value.as_str()),
        ) {
            self.0.insert(k, v);
        }
    }
}

/// Writes the current span's trace context into outgoing gRPC metadata.
pub fn inject_metadata(md: &mut MetadataMap) {
    let cx = tracing::Span::current().context();
    TraceContextPropagator::new().inject_context(&cx, &mut MetadataInjector(md));
}

/// The current span's W3C `traceparent`, when there is an active trace.
pub fn current_traceparent() -> Option<String> {
    let cx = tracing::Span::current().context();
    let mut carrier: HashMap<String, String> = HashMap::new();
    TraceContextPropagator::new().inject_context(&cx, &mut carrier);
    carrier.remove("traceparent")
}

/// Makes `span` a child of the trace named by `traceparent` (e.g. from a bus entry).
pub fn set_parent_from_traceparent(span: &tracing::Span, traceparent: &str) {
    let carrier: HashMap<String, String> =
        HashMap::from([("traceparent".to_owned(), traceparent.to_owned())]);
    let cx = TraceContextPropagator::new().extract(&carrier);
    let _ = span.set_parent(cx);
}

/// The trace id of a `traceparent` value (`00-<trace id>-<span id>-<flags>`).
pub fn trace_id_of(traceparent: &str) -> Option<&str> {
    traceparent.split('-').nth(1)
}

/// Server layer: each request runs in a `grpc.server` span that continues the caller's
/// trace (from the `traceparent` header).
#[derive(Clone, Copy, Debug, Default)]
pub struct TraceContextLayer;

impl<S> Layer<S> for TraceContextLayer {
    type Service = TraceContextService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        TraceContextService { inner }
    }
}

/// The service produced by [`TraceContextLayer`].
#[derive(Clone, Debug)]
pub struct TraceContextService<S> {
    inner: S,
}

impl<S, B, RB> Service<http::Request<B>> for TraceContextService<S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = tracing::instrument::Instrumented<Measured<S::Future>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let method = req.uri().path().to_owned();
        let span = tracing::info_span!(
            "grpc.server",
            otel.kind = "server",
            rpc.method = %method
        );
        let parent = TraceContextPropagator::new().extract(&HeaderExtractor(req.headers()));
        let _ = span.set_parent(parent);
        let fut = {
            let _enter = span.enter();
            self.inner.call(req)
        };
        Measured {
            inner: fut,
            method,
            start: std::time::Instant::now(),
        }
        .instrument(span)
    }
}

pin_project_lite::pin_project! {
    /// A server call's future that records its RPC metrics when the response is ready.
    pub struct Measured<F> {
        #[pin]
        inner: F,
        method: String,
        start: std::time::Instant,
    }
}

impl<F, RB, E> std::future::Future for Measured<F>
where
    F: std::future::Future<Output = Result<http::Response<RB>, E>>,
{
    type Output = F::Output;

    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let out = std::task::ready!(this.inner.poll(cx));
        // Unary errors are "trailers-only": the status is in the headers. Successful
        // calls carry it in trailers, after these headers, so no header means OK.
        let code = match &out {
            Ok(response) => response
                .headers()
                .get("grpc-status")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("0")
                .to_owned(),
            Err(_) => "transport".to_owned(),
        };
        crate::metrics::instruments().rpc(this.method, &code, this.start.elapsed().as_secs_f64());
        Poll::Ready(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparent_round_trips_through_a_child_span() {
        init_for_tests();
        let parent = tracing::info_span!("parent");
        let tp = parent.in_scope(current_traceparent).expect("active trace");
        let child = tracing::info_span!("child");
        set_parent_from_traceparent(&child, &tp);
        let tp2 = child.in_scope(current_traceparent).expect("child trace");
        assert_eq!(trace_id_of(&tp), trace_id_of(&tp2));
        assert_ne!(tp, tp2, "child has its own span id");
    }
}
