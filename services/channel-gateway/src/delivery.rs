//! The gateway's domain layer: templates, the send path (policy, rendering, the outbox
//! commit) and the delivery workers.
//!
//! `Send` checks policy, renders, and commits the message with its first event in one
//! transaction; nothing is sent before that commit. One worker per channel then claims
//! due messages (with a lease), paces each provider with a token bucket, skips providers
//! whose circuit is open, calls the provider with the message id as idempotency key, and
//! records the outcome: sent, failed (permanent), retried later with exponential backoff
//! and jitter (or the provider's `Retry-After`), or dead-lettered after the last attempt.
//!
//! A worker that dies mid-call leaves a leased row; once the lease lapses another worker
//! claims it and calls the provider again with the same idempotency key, so a provider
//! that honours the key (the local ones do; Twilio and FCM ignore it) accepts it once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use omni_common::clock::SharedClock;
use omni_common::config::DeliverySettings;
use omni_common::ids::WorkspaceId;
use omni_profile_store::ProfileStore;
use serde_json::{Map, Value};
use tokio::sync::{Notify, broadcast};

use crate::caps::Caps;
use crate::coupons::CouponSpec;
use crate::health::{Backoff, Breaker, RateLimiter};
use crate::provider::SharedProvider;
use crate::records::{
    Channel, DeliveryEvent, NoSlot, Offer, ProviderConfig, ProviderKind, Purpose, Sample,
    SendPolicy, Template, Variant,
};
use crate::sms::{self};
use crate::store::Store;
use crate::templates::{RenderedParts, Renderer};
use crate::tracking::Tracker;

mod send;
mod settings;
mod versions;
mod worker;

pub use worker::worker;

/// How long cached provider configs and send policies are trusted before re-reading
/// SQL (other replicas' changes show up within this).
const SETTINGS_TTL: Duration = Duration::from_secs(1);
/// The provider id email is sent through (the gateway's SMTP relay).
pub(crate) const SMTP_PROVIDER_ID: &str = "smtp";
/// Messages older than this are re-checked (consent, suppression list) before a retry.
const RECHECK_AFTER_MS: i64 = 60_000;

/// Delivery tuning, from the `[delivery]` settings.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    /// Retry schedule.
    pub backoff: Backoff,
    /// Default attempts before dead-lettering.
    pub max_attempts: i64,
    /// Default timeout of one provider call.
    pub provider_timeout: Duration,
    /// Failures that open a circuit.
    pub breaker_threshold: u32,
    /// How long a circuit stays open.
    pub breaker_open_ms: i64,
    /// Lease of a claimed message.
    pub lease_ms: i64,
    /// Idle poll interval of a worker.
    pub poll_interval: Duration,
    /// Messages claimed per batch.
    pub batch_size: u32,
    /// Provider calls in flight per channel.
    pub concurrency: u32,
    /// SMTP sends per second (0: unlimited).
    pub email_rate: f64,
    /// Provider secrets for `config:NAME` references.
    pub secrets: std::collections::BTreeMap<String, String>,
}

impl EngineConfig {
    /// From the settings; the lease is at least twice the provider timeout, so a live
    /// call is never mistaken for an abandoned one.
    pub fn from_settings(s: &DeliverySettings) -> Self {
        let provider_timeout = Duration::from_millis(s.provider_timeout_ms.max(1));
        let lease_ms = i64::try_from(s.lease_ms)
            .unwrap_or(i64::MAX)
            .max(i64::try_from(provider_timeout.as_millis() * 2).unwrap_or(i64::MAX));
        Self {
            backoff: Backoff {
                initial: Duration::from_millis(s.backoff_initial_ms.max(1)),
                max: Duration::from_millis(s.backoff_max_ms.max(s.backoff_initial_ms).max(1)),
                max_retry_after: Duration::from_millis(s.max_retry_after_ms),
            },
            max_attempts: i64::from(s.max_attempts.max(1)),
            provider_timeout,
            breaker_threshold: s.circuit_failure_threshold.max(1),
            breaker_open_ms: i64::try_from(s.circuit_open_ms.max(1)).unwrap_or(i64::MAX),
            lease_ms,
            poll_interval: Duration::from_millis(s.poll_interval_ms.max(1)),
            batch_size: s.batch_size.max(1),
            concurrency: s.concurrency.max(1),
            email_rate: s.email_rate_per_second,
            secrets: s.secrets.clone(),
        }
    }
}

/// A template as a caller defines it.
#[derive(Clone, Debug)]
pub struct NewTemplate {
    /// Human-readable name.
    pub display_name: String,
    /// Channel.
    pub channel: Channel,
    /// Subject source.
    pub subject: String,
    /// Body source.
    pub body: String,
    /// HTML body source.
    pub html_body: String,
    /// Variants.
    pub variants: Vec<Variant>,
    /// Sample data.
    pub sample: Option<Sample>,
    /// Generated content (always needs review).
    pub generated: bool,
}

/// A validated `Send` request.
#[derive(Clone, Debug)]
pub struct SendCommand {
    /// Idempotency key.
    pub idempotency_key: String,
    /// Recipient customer.
    pub customer_id: String,
    /// Channel.
    pub channel: Channel,
    /// Template id.
    pub template_id: String,
    /// Offer to render.
    pub offer: Option<Offer>,
    /// Extra template variables.
    pub variables: Map<String, Value>,
    /// Journey that asked.
    pub journey_id: String,
    /// Run that asked.
    pub run_id: String,
    /// Purpose.
    pub purpose: Purpose,
    /// Requested locale.
    pub locale: String,
    /// Expiry, unix ms.
    pub expire_ms: Option<i64>,
    /// Campaign.
    pub campaign: String,
    /// A coupon to issue with the message.
    pub coupon: Option<CouponSpec>,
    /// The journey's send rate (0: the workspace's throttle for the journey, if any).
    pub throttle_per_minute: u32,
    /// The journey's priority under frequency rules (higher wins).
    pub priority: i32,
    /// What to do when a frequency rule has no slot.
    pub on_no_slot: NoSlot,
}

/// What to preview.
#[derive(Clone, Debug)]
pub struct PreviewCommand {
    /// The template (stored or unsaved).
    pub template: Template,
    /// Channel to render.
    pub channel: Channel,
    /// Locale.
    pub locale: String,
    /// Sample data.
    pub sample: Sample,
    /// A live profile to render with instead of the sample's.
    pub customer_id: Option<String>,
}

/// A rendered preview.
#[derive(Clone, Debug)]
pub struct Preview {
    /// Channel rendered.
    pub channel: Channel,
    /// Locale of the variant chosen.
    pub locale: String,
    /// The parts.
    pub parts: RenderedParts,
    /// SMS analysis, for SMS.
    pub sms: Option<sms::SmsInfo>,
}

/// A channel's provider configs (in failover order) read at some instant.
type CachedConfig = (Instant, Arc<Vec<ProviderConfig>>);
/// A template as sends see it, read at some instant.
type CachedTemplate = (Instant, Arc<Template>);

/// One provider's client and health, shared by every message it delivers.
struct Runtime {
    kind: ProviderKind,
    provider: Result<SharedProvider, String>,
    breaker: Breaker,
    limiter: RateLimiter,
    max_attempts: i64,
    timeout: Duration,
    version: i64,
}

/// The channel-gateway's domain layer.
pub struct Gateway {
    pub(crate) store: Store,
    pub(crate) profiles: ProfileStore,
    caps: Caps,
    renderer: Renderer,
    pub(crate) tracker: Option<Tracker>,
    smtp: Arc<Runtime>,
    http: reqwest::Client,
    pub(crate) clock: SharedClock,
    cfg: EngineConfig,
    runtimes: Mutex<HashMap<(String, Channel, String), Arc<Runtime>>>,
    configs: Mutex<HashMap<(String, Channel), CachedConfig>>,
    policies: Mutex<HashMap<String, (Instant, SendPolicy)>>,
    templates: Mutex<HashMap<(String, String), CachedTemplate>>,
    events: broadcast::Sender<(WorkspaceId, DeliveryEvent)>,
    wake: HashMap<Channel, Notify>,
    /// Wakes the identity emitter when an engagement event is recorded.
    pub(crate) report_wake: Arc<Notify>,
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway")
            .field("cfg", &self.cfg)
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The parts of a gateway that come from outside.
pub struct GatewayParts {
    /// SQL store.
    pub store: Store,
    /// Profiles.
    pub profiles: ProfileStore,
    /// Fatigue caps.
    pub caps: Caps,
    /// The email provider.
    pub smtp: SharedProvider,
    /// HTTP client for HTTP providers.
    pub http: reqwest::Client,
    /// Tracking, when configured.
    pub tracker: Option<Tracker>,
    /// Clock.
    pub clock: SharedClock,
    /// Tuning.
    pub cfg: EngineConfig,
}

impl Gateway {
    /// A gateway over its parts.
    pub fn new(parts: GatewayParts) -> Self {
        let cfg = parts.cfg;
        let smtp = Arc::new(Runtime {
            kind: ProviderKind::Smtp,
            provider: Ok(parts.smtp),
            breaker: Breaker::new(cfg.breaker_threshold, cfg.breaker_open_ms),
            limiter: RateLimiter::new(cfg.email_rate, 1),
            max_attempts: cfg.max_attempts,
            timeout: cfg.provider_timeout,
            version: 0,
        });
        let (events, _) = broadcast::channel(16_384);
        Self {
            store: parts.store,
            profiles: parts.profiles,
            caps: parts.caps,
            renderer: Renderer::new(),
            tracker: parts.tracker,
            smtp,
            http: parts.http,
            clock: parts.clock,
            cfg,
            runtimes: Mutex::new(HashMap::new()),
            configs: Mutex::new(HashMap::new()),
            policies: Mutex::new(HashMap::new()),
            templates: Mutex::new(HashMap::new()),
            events,
            wake: Channel::ALL.iter().map(|c| (*c, Notify::new())).collect(),
            report_wake: Arc::new(Notify::new()),
        }
    }

    /// The SQL store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Live delivery events of every workspace.
    pub fn subscribe(&self) -> broadcast::Receiver<(WorkspaceId, DeliveryEvent)> {
        self.events.subscribe()
    }

    pub(crate) fn publish(&self, ws: &WorkspaceId, event: DeliveryEvent) {
        omni_common::metrics::instruments().send(event.channel.as_str(), event.kind.as_str());
        // No subscribers is fine: events are also in SQL.
        let _ = self.events.send((ws.clone(), event));
    }
}
