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
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, StoredProfile};
use serde_json::{Map, Value};
use tokio::sync::{Notify, Semaphore, broadcast};
use tokio::task::JoinSet;

use crate::apns::{self, ApnsProvider, TokenSigner};
use crate::caps::Caps;
use crate::coupons::{CouponSpec, NewCoupon};
use crate::error::Error;
use crate::health::{Admit, Backoff, Breaker, RateLimiter};
use crate::policy::{self, Verdict};
use crate::provider::{
    FailureKind, Outgoing, ProviderError, SharedProvider, check_secret_ref, resolve_secret,
};
use crate::push::FcmProvider;
use crate::records::{
    Channel, DeliveryEvent, EventId, EventKind, Message, MessageId, MessageStatus, Offer,
    ProviderConfig, ProviderKind, Purpose, Sample, SendPolicy, SuppressionEntry, SuppressionReason,
    Template, TemplateId, Variant,
};
use crate::report::{message_event, token_removed};
use crate::sms::{self, TwilioProvider};
use crate::store::PendingEvent;
use crate::store::{Claimed, Inserted, MessageFilter, Store};
use crate::templates::{CouponVars, MessageVars, RenderContext, RenderedParts, Renderer};
use crate::tracking::{self, Tracker};
use crate::webhook::StoreWebhookProvider;

/// How long cached provider configs and send policies are trusted before re-reading
/// SQL (other replicas' changes show up within this).
const SETTINGS_TTL: Duration = Duration::from_secs(1);
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

/// A provider config read at some instant (`None`: the channel has no provider).
type CachedConfig = (Instant, Option<ProviderConfig>);

/// One provider's client and health, shared by every message it delivers.
struct Runtime {
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
    runtimes: Mutex<HashMap<(String, Channel), Arc<Runtime>>>,
    configs: Mutex<HashMap<(String, Channel), CachedConfig>>,
    policies: Mutex<HashMap<String, (Instant, SendPolicy)>>,
    templates: Mutex<HashMap<(String, String), Arc<Template>>>,
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

    // ---- templates -------------------------------------------------------------------

    /// Checks the sources (syntax, known variables, the sample), then stores the
    /// template (or returns the one created first under the same idempotency key).
    pub async fn create_template(
        &self,
        ws: &WorkspaceId,
        new: NewTemplate,
        idempotency_key: Option<&str>,
    ) -> Result<Template, Error> {
        let template = Template {
            template_id: TemplateId::generate(),
            display_name: new.display_name,
            channel: new.channel,
            subject: new.subject,
            body: new.body,
            html_body: new.html_body,
            variants: new.variants,
            sample: new.sample,
            create_ms: self.clock.now_ms(),
        };
        self.renderer.check_template(&template)?;
        check_static_sms(&template)?;
        self.store
            .insert_template(ws, &template, idempotency_key)
            .await
    }

    /// Reads a template (templates never change, so they are cached once read).
    pub async fn get_template(&self, ws: &WorkspaceId, id: &str) -> Result<Arc<Template>, Error> {
        let key = (ws.to_string(), id.to_owned());
        if let Some(t) = lock(&self.templates).get(&key) {
            return Ok(t.clone());
        }
        let t =
            Arc::new(
                self.store
                    .get_template(ws, id)
                    .await?
                    .ok_or_else(|| Error::NotFound {
                        kind: "template",
                        id: id.to_owned(),
                    })?,
            );
        lock(&self.templates).insert(key, t.clone());
        Ok(t)
    }

    /// Renders a template without sending.
    pub async fn preview(&self, ws: &WorkspaceId, cmd: PreviewCommand) -> Result<Preview, Error> {
        self.renderer.check_template(&cmd.template)?;
        let variant = cmd.template.pick(cmd.channel, &cmd.locale).ok_or_else(|| {
            Error::invalid(
                "channel",
                format!("template has no variant for channel {}", cmd.channel),
            )
        })?;
        let profile_traits = match &cmd.customer_id {
            Some(cid) => {
                self.profiles
                    .get(ws.as_str(), cid)
                    .await?
                    .ok_or_else(|| Error::NotFound {
                        kind: "customer",
                        id: cid.clone(),
                    })?
                    .traits
            }
            None => cmd.sample.profile.clone(),
        };
        let ctx = RenderContext {
            profile: &profile_traits,
            customer_id: cmd.customer_id.as_deref().unwrap_or("c_preview"),
            offer: cmd.sample.offer.as_ref(),
            vars: &cmd.sample.variables,
            message: MessageVars {
                message_id: "msg_preview",
                channel: cmd.channel.as_str(),
                locale: &variant.locale,
                campaign: "preview",
            },
            coupon: Some(CouponVars::sample()),
        };
        let mut parts = self
            .renderer
            .render_variant(&variant, &ctx)
            .map_err(|e| Error::invalid("sample", e))?;
        self.decorate(ws, &mut parts, cmd.channel, "msg_preview", "preview", false);
        let sms = (cmd.channel == Channel::Sms).then(|| sms::analyse(&parts.body));
        Ok(Preview {
            channel: cmd.channel,
            locale: variant.locale,
            parts,
            sms,
        })
    }

    /// Campaign parameters, tracked links and the open pixel.
    fn decorate(
        &self,
        ws: &WorkspaceId,
        parts: &mut RenderedParts,
        channel: Channel,
        message_id: &str,
        campaign: &str,
        track: bool,
    ) {
        if channel == Channel::Store {
            return;
        }
        let tracker = self.tracker.as_ref().filter(|_| track);
        let mut rewrite = |index: usize, url: &str| {
            let dest = tracking::with_campaign(url, channel.as_str(), campaign);
            match tracker {
                Some(t) => t.click_url(ws.as_str(), message_id, index, &dest),
                None => dest,
            }
        };
        parts.body = tracking::rewrite_text_links(&parts.body, &mut rewrite);
        if !parts.html_body.is_empty() {
            // HTML links are numbered after the text ones so every index is unique.
            let offset = 1_000;
            parts.html_body =
                tracking::rewrite_html_links(&parts.html_body, |i, u| rewrite(offset + i, u));
            if let Some(t) = tracker
                && channel == Channel::Email
            {
                parts.html_body =
                    tracking::add_pixel(&parts.html_body, &t.open_url(ws.as_str(), message_id));
            }
        }
    }

    // ---- messages --------------------------------------------------------------------

    /// Reads a message.
    pub async fn get_message(&self, ws: &WorkspaceId, id: &str) -> Result<Message, Error> {
        self.store
            .get_message(ws, id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "message",
                id: id.to_owned(),
            })
    }

    /// Up to `limit` of a customer's messages after message id `after`, oldest first.
    pub async fn list_messages(
        &self,
        ws: &WorkspaceId,
        customer_id: &str,
        filter: &MessageFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Message>, Error> {
        self.store
            .list_messages(ws, customer_id, filter, after, limit)
            .await
    }

    /// Checks policy, renders and commits a message (or records why it is not sent).
    /// A repeated idempotency key returns the first message unchanged.
    #[tracing::instrument(skip_all, fields(workspace = %ws, key = %cmd.idempotency_key))]
    pub async fn send(&self, ws: &WorkspaceId, cmd: SendCommand) -> Result<Message, Error> {
        if let Some(existing) = self.store.message_by_key(ws, &cmd.idempotency_key).await? {
            return same_request(existing, &cmd);
        }
        let provider_kind = self.provider_kind(ws, cmd.channel).await?;
        let template = self.get_template(ws, &cmd.template_id).await?;
        if template.pick(cmd.channel, &cmd.locale).is_none() {
            return Err(Error::invalid(
                "template_id",
                format!(
                    "template `{}` is for channel {} and has no {} variant",
                    template.template_id, template.channel, cmd.channel
                ),
            ));
        }
        let profile = self
            .profiles
            .get(ws.as_str(), &cmd.customer_id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "customer",
                id: cmd.customer_id.clone(),
            })?;
        let now = self.clock.now_ms();
        let mut m = Message {
            message_id: MessageId::generate(),
            idempotency_key: cmd.idempotency_key.clone(),
            customer_id: cmd.customer_id.clone(),
            channel: cmd.channel,
            template_id: template.template_id.clone(),
            status: MessageStatus::Pending,
            suppression_reason: None,
            recipient: String::new(),
            subject: String::new(),
            body: String::new(),
            error: String::new(),
            journey_id: cmd.journey_id.clone(),
            run_id: cmd.run_id.clone(),
            offer: cmd.offer.clone(),
            variables: cmd.variables.clone(),
            create_ms: now,
            update_ms: now,
            attempts: 0,
            purpose: cmd.purpose,
            locale: cmd.locale.clone(),
            expire_ms: cmd.expire_ms,
            next_attempt_ms: now,
            provider_message_id: String::new(),
            html_body: String::new(),
            campaign: if cmd.campaign.is_empty() {
                cmd.journey_id.clone()
            } else {
                cmd.campaign.clone()
            },
            sms_encoding: None,
            sms_segments: 0,
            provider: Some(provider_kind),
        };
        let kind = self
            .evaluate(ws, &mut m, &template, &profile, now, cmd.coupon.as_ref())
            .await?;
        let event = self.event(&m, kind, now);
        let identity = outcome_events(&m, kind, now);
        match self
            .store
            .insert_message_with(ws, &m, Some(&event), &identity)
            .await?
        {
            Inserted::Existing(existing) => same_request(*existing, &cmd),
            Inserted::New => {
                self.publish(ws, event);
                if !identity.is_empty() {
                    self.report_wake.notify_one();
                }
                if m.status.is_open()
                    && let Some(n) = self.wake.get(&m.channel)
                {
                    n.notify_one();
                }
                Ok(m)
            }
        }
    }

    /// Runs the send-time policy and renders `m` in place; returns the event to record.
    async fn evaluate(
        &self,
        ws: &WorkspaceId,
        m: &mut Message,
        template: &Template,
        profile: &StoredProfile,
        now: i64,
        coupon: Option<&CouponSpec>,
    ) -> Result<EventKind, Error> {
        if m.expire_ms.is_some_and(|e| e <= now) {
            return Ok(suppress(m, SuppressionReason::Expired, String::new()));
        }
        let candidates = self.usable_addresses(ws, m, profile).await?;
        let recipient = match policy::check(m.channel, m.purpose, profile, &candidates) {
            Verdict::Suppress { reason, recipient } => return Ok(suppress(m, reason, recipient)),
            Verdict::Deliver { recipient } => recipient,
        };
        if self.listed(ws, m.channel, m.purpose, &recipient).await? {
            return Ok(suppress(m, SuppressionReason::SuppressionList, recipient));
        }
        let policy = self.policy(ws).await?;
        let quiet_applies =
            m.purpose == Purpose::Marketing || policy.quiet_hours.include_transactional;
        let mut scheduled = None;
        if quiet_applies {
            let tz = policy::time_zone(profile, &policy.quiet_hours.default_time_zone);
            scheduled = policy::quiet_until(&policy.quiet_hours, tz, now);
        }
        if let (Some(at), Some(expire)) = (scheduled, m.expire_ms)
            && at >= expire
        {
            return Ok(suppress(m, SuppressionReason::Expired, recipient));
        }
        if m.purpose == Purpose::Marketing && !policy.caps.is_empty() {
            let full = self
                .caps
                .try_count(
                    ws.as_str(),
                    &profile.customer_id,
                    m.channel,
                    &policy.caps,
                    &m.idempotency_key,
                    scheduled.unwrap_or(now),
                )
                .await?;
            if full.is_some() {
                return Ok(suppress(m, SuppressionReason::FatigueCap, recipient));
            }
        }
        let variant = template
            .pick(m.channel, &m.locale)
            .or_else(|| template.pick(m.channel, ""))
            .ok_or_else(|| {
                Error::Corrupt(format!(
                    "template `{}` lost its {} variant",
                    template.template_id, m.channel
                ))
            })?;
        m.recipient = recipient;
        m.locale = variant.locale.clone();
        let coupon = match coupon {
            Some(spec) => {
                let offer_id = if spec.offer_id.is_empty() {
                    m.offer
                        .as_ref()
                        .map(|o| o.offer_id.clone())
                        .unwrap_or_default()
                } else {
                    spec.offer_id.clone()
                };
                let c = self
                    .issue_coupon(
                        ws,
                        NewCoupon {
                            customer_id: m.customer_id.clone(),
                            offer_id,
                            expire_ms: spec.expire_ms,
                            message_id: m.message_id.to_string(),
                        },
                        &format!("send:{}", m.idempotency_key),
                    )
                    .await?;
                Some(CouponVars {
                    code: c.code,
                    offer_id: c.offer_id,
                    expire_time: c
                        .expire_ms
                        .and_then(chrono::DateTime::from_timestamp_millis)
                        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                        .unwrap_or_default(),
                })
            }
            None => None,
        };
        let ctx = RenderContext {
            profile: &profile.traits,
            customer_id: &m.customer_id,
            offer: m.offer.as_ref(),
            vars: &m.variables,
            message: MessageVars {
                message_id: m.message_id.as_str(),
                channel: m.channel.as_str(),
                locale: &variant.locale,
                campaign: &m.campaign,
            },
            coupon,
        };
        let mut parts = match self.renderer.render_variant(&variant, &ctx) {
            Ok(parts) => parts,
            Err(error) => {
                m.status = MessageStatus::Failed;
                m.error = error;
                return Ok(EventKind::Failed);
            }
        };
        let message_id = m.message_id.to_string();
        let campaign = m.campaign.clone();
        self.decorate(ws, &mut parts, m.channel, &message_id, &campaign, true);
        if m.channel == Channel::Sms {
            let info = sms::analyse(&parts.body);
            m.sms_encoding = Some(info.encoding);
            m.sms_segments = i64::from(info.segments);
            if let Err(error) = sms::check_length(&info) {
                m.subject = parts.subject;
                m.body = parts.body;
                m.status = MessageStatus::Failed;
                m.error = error;
                return Ok(EventKind::Failed);
            }
        }
        m.subject = parts.subject;
        m.body = parts.body;
        m.html_body = parts.html_body;
        match scheduled {
            Some(at) => {
                m.status = MessageStatus::Scheduled;
                m.next_attempt_ms = at;
                Ok(EventKind::Scheduled)
            }
            None => {
                m.status = MessageStatus::Pending;
                m.next_attempt_ms = now;
                Ok(EventKind::Queued)
            }
        }
    }

    /// The customer's addresses for the message's channel, without retired push tokens.
    async fn usable_addresses(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        profile: &StoredProfile,
    ) -> Result<Vec<String>, Error> {
        let mut found = policy::addresses(m.channel, profile, &m.variables);
        if m.channel == Channel::Push {
            let mut usable = Vec::with_capacity(found.len());
            for token in found {
                if !self.store.is_token_invalid(ws, &token).await? {
                    usable.push(token);
                }
            }
            found = usable;
        }
        Ok(found)
    }

    /// Whether the suppression list stops a `purpose` message to `address`.
    async fn listed(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        purpose: Purpose,
        address: &str,
    ) -> Result<bool, Error> {
        let address = policy::normalise_address(channel, address);
        Ok(self
            .store
            .get_suppression(ws, channel, &address)
            .await?
            .is_some_and(|e| e.reason.blocks(purpose)))
    }

    pub(crate) fn event(&self, m: &Message, kind: EventKind, now: i64) -> DeliveryEvent {
        DeliveryEvent {
            event_id: EventId::generate(),
            message_id: m.message_id.clone(),
            customer_id: m.customer_id.clone(),
            channel: m.channel,
            kind,
            status: m.status,
            attempt: m.attempts,
            error: m.error.clone(),
            create_ms: now,
            next_attempt_ms: m.status.is_open().then_some(m.next_attempt_ms),
            suppression_reason: m.suppression_reason,
            provider_message_id: m.provider_message_id.clone(),
        }
    }

    // ---- settings: providers, policies, suppressions ---------------------------------

    /// The provider kind for a channel, or `ChannelNotConfigured`.
    async fn provider_kind(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<ProviderKind, Error> {
        if channel == Channel::Email {
            return Ok(ProviderKind::Smtp);
        }
        self.provider_config(ws, channel)
            .await?
            .map(|c| c.kind)
            .ok_or(Error::ChannelNotConfigured(channel))
    }

    /// The resolved secret of the workspace's provider for `channel` (`None`: no
    /// provider, or its secret does not resolve).
    pub(crate) async fn provider_secret(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<Option<String>, Error> {
        Ok(self
            .provider_config(ws, channel)
            .await?
            .and_then(|c| resolve_secret(&c.secret_ref, &self.cfg.secrets).ok()))
    }

    /// The workspace's provider config for a channel (cached briefly).
    async fn provider_config(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<Option<ProviderConfig>, Error> {
        let key = (ws.to_string(), channel);
        if let Some((at, c)) = lock(&self.configs).get(&key)
            && at.elapsed() < SETTINGS_TTL
        {
            return Ok(c.clone());
        }
        let c = self.store.get_provider(ws, channel).await?;
        lock(&self.configs).insert(key, (Instant::now(), c.clone()));
        Ok(c)
    }

    /// Stores a provider config; returns it and whether its secret resolves now.
    pub async fn update_provider(
        &self,
        ws: &WorkspaceId,
        mut config: ProviderConfig,
    ) -> Result<(ProviderConfig, bool), Error> {
        check_secret_ref(&config.secret_ref)
            .map_err(|e| Error::invalid("provider_config.secret_ref", e))?;
        config.update_ms = self.clock.now_ms();
        self.store.upsert_provider(ws, &config).await?;
        lock(&self.configs).remove(&(ws.to_string(), config.kind.channel()));
        let resolved = resolve_secret(&config.secret_ref, &self.cfg.secrets).is_ok();
        Ok((config, resolved))
    }

    /// Reads a provider config and whether its secret resolves now.
    pub async fn get_provider(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<(ProviderConfig, bool), Error> {
        let config =
            self.store
                .get_provider(ws, channel)
                .await?
                .ok_or_else(|| Error::NotFound {
                    kind: "provider config",
                    id: channel.to_string(),
                })?;
        let resolved = resolve_secret(&config.secret_ref, &self.cfg.secrets).is_ok();
        Ok((config, resolved))
    }

    /// The send policy (cached briefly; defaults when never set).
    pub async fn policy(&self, ws: &WorkspaceId) -> Result<SendPolicy, Error> {
        if let Some((at, p)) = lock(&self.policies).get(ws.as_str())
            && at.elapsed() < SETTINGS_TTL
        {
            return Ok(p.clone());
        }
        let p = self.store.get_policy(ws).await?.unwrap_or_default();
        lock(&self.policies).insert(ws.to_string(), (Instant::now(), p.clone()));
        Ok(p)
    }

    /// Replaces the send policy.
    pub async fn update_policy(
        &self,
        ws: &WorkspaceId,
        mut policy: SendPolicy,
    ) -> Result<SendPolicy, Error> {
        policy.update_ms = self.clock.now_ms();
        self.store.put_policy(ws, &policy).await?;
        lock(&self.policies).remove(ws.as_str());
        Ok(policy)
    }

    /// Adds an address to the suppression list.
    pub async fn add_suppression(
        &self,
        ws: &WorkspaceId,
        mut entry: SuppressionEntry,
    ) -> Result<SuppressionEntry, Error> {
        entry.address = policy::normalise_address(entry.channel, &entry.address);
        entry.create_ms = self.clock.now_ms();
        self.store.add_suppression(ws, &entry).await
    }

    /// Removes an address from the suppression list.
    pub async fn delete_suppression(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        address: &str,
    ) -> Result<(), Error> {
        let address = policy::normalise_address(channel, address);
        if !self.store.delete_suppression(ws, channel, &address).await? {
            return Err(Error::NotFound {
                kind: "suppression",
                id: format!("{channel}:{address}"),
            });
        }
        Ok(())
    }

    // ---- delivery --------------------------------------------------------------------

    /// The provider runtime for a workspace and channel, rebuilt when its config changed.
    async fn runtime(&self, ws: &WorkspaceId, channel: Channel) -> Result<Arc<Runtime>, String> {
        if channel == Channel::Email {
            return Ok(self.smtp.clone());
        }
        let config = self
            .provider_config(ws, channel)
            .await
            .map_err(|e| format!("reading provider config: {e}"))?
            .ok_or_else(|| format!("channel not configured: {channel} delivery has no provider"))?;
        let key = (ws.to_string(), channel);
        if let Some(rt) = lock(&self.runtimes).get(&key)
            && rt.version == config.update_ms
        {
            return Ok(rt.clone());
        }
        let rt = Arc::new(self.build_runtime(&config));
        lock(&self.runtimes).insert(key, rt.clone());
        Ok(rt)
    }

    fn build_runtime(&self, c: &ProviderConfig) -> Runtime {
        let provider = resolve_secret(&c.secret_ref, &self.cfg.secrets).and_then(|secret| {
            let provider: SharedProvider = match c.kind {
                ProviderKind::Twilio => Arc::new(TwilioProvider::new(
                    self.http.clone(),
                    &c.base_url,
                    &c.account_id,
                    secret,
                    &c.sender,
                )),
                ProviderKind::Fcm => Arc::new(FcmProvider::new(
                    self.http.clone(),
                    &c.base_url,
                    &c.account_id,
                    secret,
                )),
                ProviderKind::StoreWebhook => Arc::new(StoreWebhookProvider::new(
                    self.http.clone(),
                    &c.base_url,
                    secret,
                )),
                ProviderKind::Apns => {
                    let signer = TokenSigner::new(&secret, &c.key_id, &c.account_id)?;
                    let client = apns::http2_client().map_err(|e| e.to_string())?;
                    Arc::new(ApnsProvider::new(client, &c.base_url, &c.topic, signer))
                }
                ProviderKind::Smtp => {
                    return Err("email is sent through the gateway's smtp settings".to_owned());
                }
            };
            Ok(provider)
        });
        Runtime {
            provider,
            breaker: Breaker::new(self.cfg.breaker_threshold, self.cfg.breaker_open_ms),
            limiter: RateLimiter::new(
                c.rate_per_second,
                u32::try_from(c.burst.max(1)).unwrap_or(1),
            ),
            max_attempts: if c.max_attempts > 0 {
                c.max_attempts
            } else {
                self.cfg.max_attempts
            },
            timeout: if c.timeout_ms > 0 {
                Duration::from_millis(u64::try_from(c.timeout_ms).unwrap_or(1))
            } else {
                self.cfg.provider_timeout
            },
            version: c.update_ms,
        }
    }

    /// Delivers one claimed message: re-checks what may have changed, then one provider
    /// call (unless the circuit is open), then records the outcome with its event.
    async fn deliver(&self, claim: Claimed) -> Result<(), Error> {
        let ws = claim.workspace.clone();
        let mut m = claim.message.clone();
        let now = self.clock.now_ms();

        if !m.is_rendered() {
            // Committed by an older gateway before rendering: render now.
            let kind = match self.render_late(&ws, &mut m, now).await? {
                Some(kind) => kind,
                None => return Ok(()),
            };
            if kind != EventKind::Queued {
                return self.save(&claim, &m, kind, now).await;
            }
        }
        if m.expire_ms.is_some_and(|e| e <= now) {
            let recipient = m.recipient.clone();
            let kind = suppress(&mut m, SuppressionReason::Expired, recipient);
            return self.save(&claim, &m, kind, now).await;
        }
        if (m.status == MessageStatus::Scheduled || now - m.create_ms > RECHECK_AFTER_MS)
            && let Some(reason) = self.recheck(&ws, &m).await?
        {
            let recipient = m.recipient.clone();
            let kind = suppress(&mut m, reason, recipient);
            return self.save(&claim, &m, kind, now).await;
        }

        let rt = match self.runtime(&ws, m.channel).await {
            Ok(rt) => rt,
            Err(error) => {
                m.status = MessageStatus::Failed;
                m.error = error;
                return self.save(&claim, &m, EventKind::Failed, now).await;
            }
        };
        if let Admit::OpenUntil(until) = rt.breaker.admit(now) {
            m.next_attempt_ms = until;
            m.error = "provider circuit open".into();
            return self.save(&claim, &m, EventKind::Delayed, now).await;
        }
        loop {
            match rt.limiter.try_take(self.clock.now_ms()) {
                Ok(()) => break,
                Err(wait) => tokio::time::sleep(wait).await,
            }
        }
        let outgoing = Outgoing {
            message_id: m.message_id.to_string(),
            customer_id: m.customer_id.clone(),
            to: m.recipient.clone(),
            subject: m.subject.clone(),
            body: m.body.clone(),
            html_body: m.html_body.clone(),
            unsubscribe_url: (m.channel == Channel::Email && m.purpose == Purpose::Marketing)
                .then(|| {
                    self.tracker
                        .as_ref()
                        .map(|t| t.unsubscribe_url(ws.as_str(), m.message_id.as_str()))
                })
                .flatten(),
            variables: m.variables.clone(),
            expire_ms: m.expire_ms,
        };
        let result = match &rt.provider {
            Ok(provider) => tokio::time::timeout(rt.timeout, provider.send(&outgoing))
                .await
                .unwrap_or_else(|_| {
                    Err(ProviderError::retryable(
                        format!(
                            "provider call timed out after {} ms",
                            rt.timeout.as_millis()
                        ),
                        None,
                    ))
                }),
            Err(secret_error) => Err(ProviderError::retryable(secret_error.clone(), None)),
        };
        let now = self.clock.now_ms();
        m.attempts += 1;
        let kind = match result {
            Ok(accepted) => {
                rt.breaker.success();
                m.status = MessageStatus::Sent;
                m.error.clear();
                m.provider_message_id = accepted.provider_message_id;
                tracing::debug!(message_id = %m.message_id, attempts = m.attempts, "sent");
                EventKind::Sent
            }
            Err(e) => match e.kind {
                FailureKind::Permanent => {
                    // The provider answered: it is healthy, the message is not.
                    rt.breaker.success();
                    m.status = MessageStatus::Failed;
                    m.error = e.message;
                    EventKind::Failed
                }
                FailureKind::InvalidToken => {
                    rt.breaker.success();
                    self.store
                        .invalidate_token(&ws, &m.recipient, &m.customer_id, &m.message_id, now)
                        .await?;
                    // Identity removes the token from the profile's push tokens.
                    self.store
                        .insert_pending(&ws, &[token_removed(&m, m.provider, now)])
                        .await?;
                    m.status = MessageStatus::Failed;
                    m.error = e.message;
                    let retired = self.event(&m, EventKind::TokenInvalidated, now);
                    self.store.insert_event(&ws, &retired).await?;
                    self.publish(&ws, retired);
                    tracing::info!(message_id = %m.message_id, "push token retired");
                    EventKind::Failed
                }
                FailureKind::Retryable { retry_after } => {
                    if rt.breaker.failure(now) {
                        tracing::warn!(workspace = %ws, channel = %m.channel, "provider circuit opened");
                    }
                    m.error = e.message;
                    if m.attempts >= rt.max_attempts {
                        m.status = MessageStatus::DeadLetter;
                        m.error = format!("{} (after {} attempts)", m.error, m.attempts);
                        tracing::warn!(message_id = %m.message_id, error = %m.error, "dead-lettered");
                        EventKind::DeadLettered
                    } else {
                        let retry = u32::try_from(m.attempts).unwrap_or(u32::MAX);
                        let delay = self.cfg.backoff.delay(retry, retry_after);
                        m.status = MessageStatus::Pending;
                        m.next_attempt_ms =
                            now + i64::try_from(delay.as_millis()).unwrap_or(i64::MAX);
                        EventKind::AttemptFailed
                    }
                }
            },
        };
        self.save(&claim, &m, kind, now).await
    }

    /// Renders a message committed before rendering. `None` when the row vanished.
    async fn render_late(
        &self,
        ws: &WorkspaceId,
        m: &mut Message,
        now: i64,
    ) -> Result<Option<EventKind>, Error> {
        let template = match self.get_template(ws, m.template_id.as_str()).await {
            Ok(t) => t,
            Err(Error::NotFound { .. }) => {
                m.status = MessageStatus::Failed;
                m.error = format!("template `{}` not found", m.template_id);
                return Ok(Some(EventKind::Failed));
            }
            Err(e) => return Err(e),
        };
        let Some(profile) = self.profiles.get(ws.as_str(), &m.customer_id).await? else {
            m.status = MessageStatus::Failed;
            m.error = format!("customer `{}` not found", m.customer_id);
            return Ok(Some(EventKind::Failed));
        };
        if m.provider.is_none() {
            m.provider = self.provider_kind(ws, m.channel).await.ok();
        }
        // A coupon asked for by the send is issued only on the send path.
        let kind = self.evaluate(ws, m, &template, &profile, now, None).await?;
        Ok(Some(kind))
    }

    /// Consent and the suppression list again, for messages that waited.
    async fn recheck(
        &self,
        ws: &WorkspaceId,
        m: &Message,
    ) -> Result<Option<SuppressionReason>, Error> {
        if let Some(profile) = self.profiles.get(ws.as_str(), &m.customer_id).await?
            && !policy::consented(m.channel, m.purpose, &profile)
        {
            return Ok(Some(SuppressionReason::NoConsent));
        }
        if self.listed(ws, m.channel, m.purpose, &m.recipient).await? {
            return Ok(Some(SuppressionReason::SuppressionList));
        }
        Ok(None)
    }

    async fn save(
        &self,
        claim: &Claimed,
        m: &Message,
        kind: EventKind,
        now: i64,
    ) -> Result<(), Error> {
        let event = self.event(m, kind, now);
        let identity = outcome_events(m, kind, now);
        if self
            .store
            .save_claimed_with(claim, m, Some(&event), &identity, now)
            .await?
        {
            self.publish(&claim.workspace, event);
            if !identity.is_empty() {
                self.report_wake.notify_one();
            }
        } else {
            tracing::warn!(message_id = %m.message_id, "lost the claim before recording the outcome");
        }
        Ok(())
    }

    /// One worker pass for `channel`: claims up to `limit` due messages. Exposed for
    /// tests that drive delivery step by step.
    pub async fn claim(&self, channel: Channel, limit: u32) -> Result<Vec<Claimed>, Error> {
        let token = uuid::Uuid::now_v7().simple().to_string();
        self.store
            .claim_due(
                channel,
                self.clock.now_ms(),
                self.cfg.lease_ms,
                &token,
                limit,
            )
            .await
    }
}

/// Runs the delivery worker of `channel` until `shutdown`: claims due messages (at most
/// as many as it has free call slots), delivers each on its own task, and sleeps until
/// woken by a new message or the poll interval.
pub async fn worker(gateway: Arc<Gateway>, channel: Channel, shutdown: CancellationToken) {
    let slots = Arc::new(Semaphore::new(gateway.cfg.concurrency as usize));
    let mut tasks = JoinSet::new();
    let wake = gateway.wake.get(&channel);
    loop {
        while tasks.try_join_next().is_some() {}
        let free = u32::try_from(slots.available_permits()).unwrap_or(u32::MAX);
        let want = free.min(gateway.cfg.batch_size);
        let claimed = if want == 0 {
            Vec::new()
        } else {
            match gateway.claim(channel, want).await {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!(%channel, error = %e, "claiming due messages failed");
                    Vec::new()
                }
            }
        };
        let full = want > 0 && claimed.len() == want as usize;
        for claim in claimed {
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            let g = gateway.clone();
            tasks.spawn(async move {
                let id = claim.message.message_id.clone();
                if let Err(e) = g.deliver(claim).await {
                    tracing::warn!(message_id = %id, error = %e, "delivery step failed; the lease will lapse and it is retried");
                }
                drop(permit);
            });
        }
        if full {
            continue;
        }
        let notified = async {
            match wake {
                Some(n) => n.notified().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = shutdown.cancelled() => break,
            () = notified => {}
            () = tokio::time::sleep(gateway.cfg.poll_interval) => {}
            Some(_) = tasks.join_next(), if want == 0 => {}
        }
    }
    // In-flight calls finish (bounded by the provider timeout); unfinished ones are
    // re-claimed after their lease.
    let drain = async { while tasks.join_next().await.is_some() {} };
    if tokio::time::timeout(gateway.cfg.provider_timeout + Duration::from_secs(1), drain)
        .await
        .is_err()
    {
        tasks.abort_all();
    }
}

/// The identity events a message outcome reports: `message.sent`, or
/// `message.failed` (with the reason) for a failure or a dead letter.
fn outcome_events(m: &Message, kind: EventKind, now: i64) -> Vec<PendingEvent> {
    match kind {
        EventKind::Sent => vec![message_event(m, "sent", None, now, Map::new())],
        EventKind::Failed | EventKind::DeadLettered => {
            let mut extra = Map::new();
            extra.insert("reason".into(), Value::String(m.error.clone()));
            vec![message_event(m, "failed", None, now, extra)]
        }
        _ => Vec::new(),
    }
}

/// Marks `m` suppressed; returns the event kind.
fn suppress(m: &mut Message, reason: SuppressionReason, recipient: String) -> EventKind {
    m.status = MessageStatus::Suppressed;
    m.suppression_reason = Some(reason);
    if !recipient.is_empty() {
        m.recipient = recipient;
    }
    EventKind::Suppressed
}

/// Rejects SMS templates whose fixed text alone breaks the length limits.
fn check_static_sms(t: &Template) -> Result<(), Error> {
    let sources = std::iter::once((Some(t.channel), "template.body".to_owned(), &t.body)).chain(
        t.variants
            .iter()
            .enumerate()
            .map(|(i, v)| (v.channel, format!("template.variants[{i}].body"), &v.body)),
    );
    for (channel, field, body) in sources {
        if channel == Some(Channel::Sms) && !body.contains("{{") && !body.contains("{%") {
            sms::check_length(&sms::analyse(body)).map_err(|e| Error::invalid(&field, e))?;
        }
    }
    Ok(())
}

/// The existing message for a repeated key, if the repeat asks for the same thing. A
/// message whose customer was erased answers any repeat of its key (the customer id it
/// was sent to is gone, and it must never be sent again).
fn same_request(existing: Message, cmd: &SendCommand) -> Result<Message, Error> {
    let erased = existing.customer_id == crate::erasure::ERASED;
    if (existing.customer_id != cmd.customer_id && !erased)
        || existing.channel != cmd.channel
        || existing.template_id.as_str() != cmd.template_id
    {
        return Err(Error::invalid(
            "idempotency_key",
            format!(
                "already used for message `{}` to a different customer, channel or template",
                existing.message_id
            ),
        ));
    }
    Ok(existing)
}
