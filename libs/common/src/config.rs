//! Layered configuration: compiled-in defaults, then an optional TOML file, then
//! `OMNI__SECTION__KEY` environment variables (the environment wins), then
//! [`Settings::validate`], whose errors name the offending key.
//!
//! One `Settings` describes the whole suite so `omni up` and a single service read the
//! same file; each service reads only its own sections.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Error;

/// Settings for the whole suite.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Settings {
    /// Directory for SQLite files, the embedded Redis and the generated admin key.
    pub data_dir: PathBuf,
    /// Secret from which identity derives the keys that encrypt email and phone values in
    /// its SQL and hash them for lookup. Empty: generated into `<data_dir>/identity.key`.
    #[serde(default)]
    pub identity_encryption_key: String,
    /// Redis connection.
    pub redis: RedisSettings,
    /// API-key authentication.
    pub auth: AuthSettings,
    /// Logs, traces and metrics.
    pub telemetry: TelemetrySettings,
    /// The identity service.
    pub identity: ServiceSettings,
    /// The segment service.
    pub segment: ServiceSettings,
    /// The decisioning service.
    pub decisioning: ServiceSettings,
    /// The journey-orchestrator service.
    pub journey: ServiceSettings,
    /// The channel-gateway service.
    pub channel: ServiceSettings,
    /// The insights service.
    pub insights: ServiceSettings,
    /// Insights analysis: conversion credit lookback and anomaly alerts.
    #[serde(default)]
    pub insights_analysis: InsightsAnalysisSettings,
    /// The SMTP relay channel-gateway sends email through.
    pub smtp: SmtpSettings,
    /// Background workers (timers, bus consumers).
    pub worker: WorkerSettings,
    /// Channel-gateway delivery: retries, circuit breakers, tracking links, provider secrets.
    #[serde(default)]
    pub delivery: DeliverySettings,
}

/// Redis connection settings.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct RedisSettings {
    /// `redis://host:port/db`. Empty under `omni up` means "start a local redis-server".
    pub url: String,
}

/// API-key authentication settings.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AuthSettings {
    /// An admin key accepted for `bootstrap_workspace` (kept only as a hash in memory).
    /// Empty disables it.
    pub bootstrap_key: String,
    /// The workspace the bootstrap key belongs to.
    pub bootstrap_workspace: String,
    /// Shared secret services use to call each other on behalf of a workspace
    /// (sent with `x-omni-workspace`). Empty disables service-to-service calls.
    pub internal_key: String,
}

/// Log format.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// Human-readable, for local runs.
    Pretty,
    /// One JSON object per line, for production.
    Json,
}

/// Telemetry settings.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct TelemetrySettings {
    /// Log format.
    pub log_format: LogFormat,
    /// `tracing` filter directives, e.g. `info,omni_identity=debug`. `RUST_LOG` overrides.
    pub log_filter: String,
    /// OTLP/gRPC endpoint for traces and metrics, e.g. `http://127.0.0.1:4317`. Empty
    /// disables export.
    pub otlp_endpoint: String,
    /// Address of the Prometheus `/metrics` endpoint, e.g. `0.0.0.0:9464`. Empty disables it.
    #[serde(default)]
    pub metrics_listen: String,
    /// How often metrics are pushed to `otlp_endpoint`, in milliseconds.
    #[serde(default = "default_metrics_export_interval_ms")]
    pub metrics_export_interval_ms: u64,
}

fn default_metrics_export_interval_ms() -> u64 {
    60_000
}

/// Where one service listens and how others reach it.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ServiceSettings {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// URL other services use to reach it.
    pub url: String,
    /// Database URL (`sqlite://path?mode=rwc` or `postgres://...`). Empty means
    /// `sqlite://<data_dir>/<service>.db?mode=rwc`.
    pub database_url: String,
}

/// SMTP transport security.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SmtpTls {
    /// Plain text (local relays and test sinks only).
    None,
    /// Upgrade with STARTTLS.
    Starttls,
    /// Implicit TLS.
    Tls,
}

/// SMTP relay settings.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SmtpSettings {
    /// Relay host.
    pub host: String,
    /// Relay port.
    pub port: u16,
    /// `From` address.
    pub from: String,
    /// Transport security.
    pub tls: SmtpTls,
    /// Username, when the relay needs one.
    pub username: Option<String>,
    /// Password, when the relay needs one.
    pub password: Option<String>,
    /// Per-send timeout in milliseconds.
    pub timeout_ms: u64,
}

/// Background worker settings.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct WorkerSettings {
    /// How often durable timers are polled, in milliseconds.
    pub poll_interval_ms: u64,
    /// How long a claimed run is leased before another replica may take it over.
    pub lease_ms: u64,
    /// How long a bus message may sit unacknowledged before another consumer reclaims it.
    pub reclaim_idle_ms: u64,
}

/// Channel-gateway delivery settings (section `[delivery]`; every key optional).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default)]
pub struct DeliverySettings {
    /// Delay before the second attempt, in milliseconds; doubles per attempt (with jitter).
    pub backoff_initial_ms: u64,
    /// Longest delay between two attempts, in milliseconds.
    pub backoff_max_ms: u64,
    /// Longest `Retry-After` honoured, in milliseconds.
    pub max_retry_after_ms: u64,
    /// Attempts before a message is dead-lettered (a provider config may override).
    pub max_attempts: u32,
    /// Timeout of one provider call, in milliseconds (a provider config may override).
    pub provider_timeout_ms: u64,
    /// Consecutive failures that open a provider's circuit.
    pub circuit_failure_threshold: u32,
    /// How long an open circuit stays open before one trial call, in milliseconds.
    pub circuit_open_ms: u64,
    /// How long a claimed message is leased to one worker, in milliseconds.
    pub lease_ms: u64,
    /// How often each channel worker looks for due messages when idle, in milliseconds.
    pub poll_interval_ms: u64,
    /// Messages claimed per batch.
    pub batch_size: u32,
    /// Provider calls in flight per channel worker.
    pub concurrency: u32,
    /// Email (SMTP) sends per second, 0 for unlimited.
    pub email_rate_per_second: f64,
    /// Public base URL of the gateway's engagement endpoints (click redirect, open pixel,
    /// unsubscribe), e.g. `https://t.example.com`. Empty disables tracking and links.
    pub tracking_base_url: String,
    /// Key signing tracking links and unsubscribe tokens. Empty disables tracking.
    pub tracking_secret: String,
    /// Address the gateway's engagement HTTP endpoints (click redirect, open pixel,
    /// one-click unsubscribe, provider callbacks) listen on; `tracking_base_url` must
    /// reach it. Empty: no engagement listener.
    pub engagement_listen: String,
    /// Key of the generic email/ESP delivery callback (`X-Omni-Signature`). Empty
    /// disables that callback.
    pub callback_secret: String,
    /// Provider secrets referenced as `config:NAME` by provider configs.
    pub secrets: std::collections::BTreeMap<String, String>,
}

impl Default for DeliverySettings {
    fn default() -> Self {
        Self {
            backoff_initial_ms: 1_000,
            backoff_max_ms: 300_000,
            max_retry_after_ms: 600_000,
            max_attempts: 8,
            provider_timeout_ms: 10_000,
            circuit_failure_threshold: 5,
            circuit_open_ms: 30_000,
            lease_ms: 60_000,
            poll_interval_ms: 200,
            batch_size: 200,
            concurrency: 64,
            email_rate_per_second: 0.0,
            tracking_base_url: String::new(),
            tracking_secret: String::new(),
            engagement_listen: "127.0.0.1:50065".into(),
            callback_secret: String::new(),
            secrets: std::collections::BTreeMap::new(),
        }
    }
}

/// Insights analysis settings (section `[insights_analysis]`; every key optional).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default)]
pub struct InsightsAnalysisSettings {
    /// How long before a purchase the last message sent to the customer is credited with it in KPIs, in hours.
    pub conversion_lookback_hours: u64,
    /// Relative change from its baseline (0.3 = 30%) at which a KPI raises an anomaly alert.
    pub alert_threshold: f64,
    /// Least volume (messages delivered, or sent for bounce rate and volume) an hour or day needs to be judged.
    pub alert_min_volume: u64,
    /// Previous days averaged into an alert baseline (for an hour: the same hour of those days).
    pub alert_baseline_days: u64,
    /// How often completed hours and days are checked for anomalies, in milliseconds.
    pub alert_interval_ms: u64,
}

impl Default for InsightsAnalysisSettings {
    fn default() -> Self {
        Self {
            conversion_lookback_hours: 168,
            alert_threshold: 0.3,
            alert_min_volume: 100,
            alert_baseline_days: 7,
            alert_interval_ms: 60_000,
        }
    }
}

const DEFAULTS: &str = r#"
data_dir = "./data"

[redis]
url = ""

[auth]
bootstrap_key = ""
bootstrap_workspace = "default"
internal_key = ""

[telemetry]
log_format = "pretty"
log_filter = "info"
otlp_endpoint = ""
metrics_listen = ""
metrics_export_interval_ms = 60000

[identity]
listen = "127.0.0.1:50051"
url = "http://127.0.0.1:50051"
database_url = ""

[segment]
listen = "127.0.0.1:50052"
url = "http://127.0.0.1:50052"
database_url = ""

[decisioning]
listen = "127.0.0.1:50053"
url = "http://127.0.0.1:50053"
database_url = ""

[journey]
listen = "127.0.0.1:50054"
url = "http://127.0.0.1:50054"
database_url = ""

[channel]
listen = "127.0.0.1:50055"
url = "http://127.0.0.1:50055"
database_url = ""

[insights]
listen = "127.0.0.1:50056"
url = "http://127.0.0.1:50056"
database_url = ""

[smtp]
host = "127.0.0.1"
port = 2525
from = "Omni <no-reply@omni.local>"
tls = "none"
timeout_ms = 10000

[worker]
poll_interval_ms = 200
lease_ms = 30000
reclaim_idle_ms = 30000
"#;

/// The service names, in port order.
pub const SERVICES: [&str; 6] = [
    "identity",
    "segment",
    "decisioning",
    "journey",
    "channel",
    "insights",
];

impl Settings {
    /// Loads defaults, then `file` if given, then `OMNI__*` environment variables, and
    /// fills derived values (database URLs under `data_dir`). Call [`Settings::validate`]
    /// before use.
    pub fn load(file: Option<&Path>) -> Result<Self, Error> {
        let mut builder = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml));
        if let Some(path) = file {
            builder = builder.add_source(config::File::from(path).required(true));
        }
        builder = builder.add_source(
            config::Environment::with_prefix("OMNI")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true),
        );
        let mut settings: Settings = builder.build()?.try_deserialize()?;
        settings.fill_defaults();
        Ok(settings)
    }

    /// The compiled-in defaults alone: no file, no environment, nothing derived (an empty
    /// `database_url` means a SQLite file under `data_dir`).
    pub fn defaults() -> Result<Self, Error> {
        Ok(config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml))
            .build()?
            .try_deserialize()?)
    }

    /// Defaults only, with every listen address on an ephemeral port and the fixed test
    /// keys (`test-admin-key` for workspace `default`, internal key `test-internal-key`).
    /// Callers set database URLs and service URLs.
    pub fn for_tests(redis_url: &str) -> Self {
        let mut s: Settings = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml))
            .build()
            .and_then(config::Config::try_deserialize)
            .expect("compiled-in defaults parse");
        s.redis.url = redis_url.to_owned();
        s.auth.bootstrap_key = "test-admin-key".into();
        s.auth.internal_key = "test-internal-key".into();
        s.delivery.engagement_listen = "127.0.0.1:0".into();
        s.worker.poll_interval_ms = 50;
        s.worker.reclaim_idle_ms = 2_000;
        s.telemetry.log_filter = "warn".into();
        for svc in SERVICES {
            s.service_mut(svc).listen = ([127, 0, 0, 1], 0).into();
        }
        s.data_dir = std::env::temp_dir();
        s
    }

    /// The settings of service `name` (one of [`SERVICES`]).
    pub fn service(&self, name: &str) -> &ServiceSettings {
        match name {
            "identity" => &self.identity,
            "segment" => &self.segment,
            "decisioning" => &self.decisioning,
            "journey" => &self.journey,
            "insights" => &self.insights,
            _ => &self.channel,
        }
    }

    /// Mutable settings of service `name` (one of [`SERVICES`]).
    pub fn service_mut(&mut self, name: &str) -> &mut ServiceSettings {
        match name {
            "identity" => &mut self.identity,
            "segment" => &mut self.segment,
            "decisioning" => &mut self.decisioning,
            "journey" => &mut self.journey,
            "insights" => &mut self.insights,
            _ => &mut self.channel,
        }
    }

    fn fill_defaults(&mut self) {
        let dir = self.data_dir.clone();
        for svc in SERVICES {
            let s = self.service_mut(svc);
            if s.database_url.is_empty() {
                s.database_url = format!("sqlite://{}/{svc}.db?mode=rwc", dir.display());
            }
        }
    }

    /// Checks values a service cannot run without; errors name the key.
    pub fn validate(&self) -> Result<(), Error> {
        let invalid = |key: &str, message: &str| Error::InvalidSetting {
            key: key.to_owned(),
            message: message.to_owned(),
        };
        if self.redis.url.is_empty() {
            return Err(invalid("redis.url", "must be set (redis://host:port)"));
        }
        if !self.redis.url.starts_with("redis://") && !self.redis.url.starts_with("rediss://") {
            return Err(invalid(
                "redis.url",
                "must start with redis:// or rediss://",
            ));
        }
        if self.auth.bootstrap_workspace.is_empty() {
            return Err(invalid("auth.bootstrap_workspace", "must not be empty"));
        }
        if !self.telemetry.metrics_listen.is_empty()
            && self.telemetry.metrics_listen.parse::<SocketAddr>().is_err()
        {
            return Err(invalid(
                "telemetry.metrics_listen",
                "must be host:port, e.g. 0.0.0.0:9464, or empty",
            ));
        }
        if !self.delivery.engagement_listen.is_empty()
            && self
                .delivery
                .engagement_listen
                .parse::<SocketAddr>()
                .is_err()
        {
            return Err(invalid(
                "delivery.engagement_listen",
                "must be host:port, e.g. 0.0.0.0:50065, or empty",
            ));
        }
        if self.telemetry.metrics_export_interval_ms == 0 {
            return Err(invalid(
                "telemetry.metrics_export_interval_ms",
                "must be positive",
            ));
        }
        for svc in SERVICES {
            let s = self.service(svc);
            if !(s.url.starts_with("http://") || s.url.starts_with("https://")) {
                return Err(invalid(
                    &format!("{svc}.url"),
                    "must start with http:// or https://",
                ));
            }
            if !(s.database_url.starts_with("sqlite:") || s.database_url.starts_with("postgres")) {
                return Err(invalid(
                    &format!("{svc}.database_url"),
                    "must be a sqlite:// or postgres:// URL",
                ));
            }
        }
        if self.worker.poll_interval_ms == 0 {
            return Err(invalid("worker.poll_interval_ms", "must be greater than 0"));
        }
        let analysis = &self.insights_analysis;
        if !(analysis.alert_threshold.is_finite() && analysis.alert_threshold > 0.0) {
            return Err(invalid(
                "insights_analysis.alert_threshold",
                "must be a positive number, e.g. 0.3",
            ));
        }
        if analysis.alert_baseline_days == 0 {
            return Err(invalid(
                "insights_analysis.alert_baseline_days",
                "must be greater than 0",
            ));
        }
        if analysis.alert_interval_ms == 0 {
            return Err(invalid(
                "insights_analysis.alert_interval_ms",
                "must be greater than 0",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_fill_database_urls() {
        let s = Settings::load(None).expect("defaults");
        assert_eq!(s.identity.listen.port(), 50051);
        assert_eq!(s.channel.listen.port(), 50055);
        assert_eq!(
            s.segment.database_url,
            "sqlite://./data/segment.db?mode=rwc"
        );
    }

    #[test]
    fn file_then_validation_names_the_key() {
        let dir = std::env::temp_dir().join(format!("omni-cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("omni.toml");
        std::fs::write(&file, "[redis]\nurl = \"http://nope\"\n[identity]\nlisten = \"0.0.0.0:6000\"\nurl = \"http://x:6000\"\ndatabase_url = \"\"\n").expect("write");
        let s = Settings::load(Some(&file)).expect("load");
        assert_eq!(s.identity.listen.port(), 6000);
        let err = s.validate().expect_err("bad redis url");
        assert!(err.to_string().contains("redis.url"), "{err}");
    }
}
