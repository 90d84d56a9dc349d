//! The delivery workers: claim due messages, pace and call the provider, record the
//! outcome (sent, failed, retried with backoff, dead-lettered).

use std::sync::Arc;
use std::time::Duration;

use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use serde_json::{Map, Value};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::apns::{self, ApnsProvider, TokenSigner};
use crate::arbitration::{self, Claim, Mode, Slot};
use crate::error::Error;
use crate::health::{Admit, Breaker, RateLimiter};
use crate::policy::{self};
use crate::provider::{FailureKind, Outgoing, ProviderError, SharedProvider, resolve_secret};
use crate::push::FcmProvider;
use crate::records::{
    Channel, EventKind, Message, MessageStatus, NoSlot, ProviderConfig, ProviderKind, Purpose,
    SuppressionReason,
};
use crate::report::{message_event, token_removed};
use crate::routing;
use crate::sms::TwilioProvider;
use crate::store::Claimed;
use crate::store::PendingEvent;
use crate::webhook::StoreWebhookProvider;

use super::send::{Asked, suppress};
use super::{Gateway, RECHECK_AFTER_MS, Runtime, SMTP_PROVIDER_ID, lock};

impl Gateway {
    // ---- delivery --------------------------------------------------------------------

    /// The providers `m` may try now, best first: the channel's providers ranked for
    /// this message and destination ([`routing::rank`]), without those it gave up on
    /// (all of them again if it gave up on every one, e.g. after a config change).
    pub(super) async fn route(
        &self,
        ws: &WorkspaceId,
        m: &Message,
    ) -> Result<Vec<(String, Arc<Runtime>)>, String> {
        if m.channel == Channel::Email {
            return Ok(vec![(SMTP_PROVIDER_ID.to_owned(), self.smtp.clone())]);
        }
        let configs = self
            .providers(ws, m.channel)
            .await
            .map_err(|e| format!("reading provider config: {e}"))?;
        if configs.is_empty() {
            return Err(format!(
                "channel not configured: {} delivery has no provider",
                m.channel
            ));
        }
        let order = routing::rank(m.channel, &configs, m.message_id.as_str(), &m.recipient);
        let ranked: Vec<&ProviderConfig> = order.iter().filter_map(|i| configs.get(*i)).collect();
        let usable: Vec<&ProviderConfig> = ranked
            .iter()
            .copied()
            .filter(|c| !m.skipped_providers.contains(&c.provider_id))
            .collect();
        let chosen = if usable.is_empty() { ranked } else { usable };
        Ok(chosen
            .into_iter()
            .map(|c| (c.provider_id.clone(), self.runtime(ws, c)))
            .collect())
    }

    /// The runtime of one provider config, rebuilt when the config changed.
    pub(super) fn runtime(&self, ws: &WorkspaceId, config: &ProviderConfig) -> Arc<Runtime> {
        let key = (
            ws.to_string(),
            config.kind.channel(),
            config.provider_id.clone(),
        );
        if let Some(rt) = lock(&self.runtimes).get(&key)
            && rt.version == config.update_ms
        {
            return rt.clone();
        }
        let rt = Arc::new(self.build_runtime(config));
        lock(&self.runtimes).insert(key, rt.clone());
        rt
    }

    pub(super) fn build_runtime(&self, c: &ProviderConfig) -> Runtime {
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
            kind: c.kind,
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
    pub(super) async fn deliver(&self, claim: Claimed) -> Result<(), Error> {
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

        if let Some(kind) = self.confirm_slot(&ws, &mut m, now).await? {
            return self.save(&claim, &m, kind, now).await;
        }

        let route = match self.route(&ws, &m).await {
            Ok(route) => route,
            Err(error) => {
                m.status = MessageStatus::Failed;
                m.error = error;
                return self.save(&claim, &m, EventKind::Failed, now).await;
            }
        };
        // The first provider whose circuit lets a call through; an open circuit moves
        // the message to the next provider without spending an attempt.
        let mut open_until: Option<i64> = None;
        let mut chosen = None;
        for (id, rt) in &route {
            match rt.breaker.admit(now) {
                Admit::OpenUntil(until) => {
                    open_until = Some(open_until.map_or(until, |u| u.min(until)));
                }
                Admit::Call | Admit::Trial => {
                    chosen = Some((id.clone(), rt.clone()));
                    break;
                }
            }
        }
        let Some((provider_id, rt)) = chosen else {
            m.next_attempt_ms = open_until.unwrap_or(now);
            m.error = if route.len() > 1 {
                "every provider's circuit is open".into()
            } else {
                "provider circuit open".into()
            };
            return self.save(&claim, &m, EventKind::Delayed, now).await;
        };
        if m.provider_id != provider_id {
            m.provider_id = provider_id;
            m.provider_attempts = 0;
        }
        m.provider = Some(rt.kind);
        let alternative = route.iter().any(|(id, _)| *id != m.provider_id);
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
            status_callback_url: (m.channel == Channel::Sms)
                .then(|| {
                    self.tracker
                        .as_ref()
                        .map(|t| t.sms_status_callback_url(ws.as_str()))
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
            // A secret that does not resolve is the provider account's problem.
            Err(secret_error) => Err(ProviderError::account(secret_error.clone())),
        };
        let now = self.clock.now_ms();
        m.attempts += 1;
        m.provider_attempts += 1;
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
                FailureKind::Retryable { .. } | FailureKind::Account => {
                    if rt.breaker.failure(now) {
                        tracing::warn!(workspace = %ws, channel = %m.channel, provider = %m.provider_id, "provider circuit opened");
                    }
                    m.error = e.message;
                    let retry_after = match e.kind {
                        FailureKind::Retryable { retry_after } => retry_after,
                        _ => None,
                    };
                    let give_up =
                        e.kind == FailureKind::Account || m.provider_attempts >= rt.max_attempts;
                    if give_up && alternative {
                        // Fail over: the next provider gets the message now, under the
                        // same idempotency key (the message id).
                        tracing::info!(message_id = %m.message_id, provider = %m.provider_id, "failing over to the next provider");
                        m.error = format!(
                            "{} (provider `{}` given up after {} attempts; failing over)",
                            m.error, m.provider_id, m.provider_attempts
                        );
                        m.skipped_providers.push(m.provider_id.clone());
                        m.status = MessageStatus::Pending;
                        m.next_attempt_ms = now;
                        EventKind::AttemptFailed
                    } else if m.provider_attempts >= rt.max_attempts {
                        m.status = MessageStatus::DeadLetter;
                        m.error = format!("{} (after {} attempts)", m.error, m.attempts);
                        tracing::warn!(message_id = %m.message_id, error = %m.error, "dead-lettered");
                        EventKind::DeadLettered
                    } else {
                        let retry = u32::try_from(m.provider_attempts).unwrap_or(u32::MAX);
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
    pub(super) async fn render_late(
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
        let kind = self
            .evaluate(ws, m, &template, &profile, now, Asked::default())
            .await?;
        Ok(Some(kind))
    }

    /// Consent and the suppression list again, for messages that waited.
    pub(super) async fn recheck(
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

    pub(super) async fn save(
        &self,
        claim: &Claimed,
        m: &Message,
        kind: EventKind,
        now: i64,
    ) -> Result<(), Error> {
        if matches!(
            kind,
            EventKind::Failed | EventKind::DeadLettered | EventKind::Suppressed
        ) {
            self.release_caps(&claim.workspace, m).await;
        }
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

    /// Gives back the cap and frequency-rule slots of a marketing message that will not
    /// be sent. A Redis failure is logged: the slot then ages out with its window.
    pub(super) async fn release_caps(&self, ws: &WorkspaceId, m: &Message) {
        if m.purpose != Purpose::Marketing {
            return;
        }
        let policy = match self.policy(ws).await {
            Ok(policy) => policy,
            Err(e) => {
                tracing::warn!(message_id = %m.message_id, error = %e, "reading caps to release failed");
                return;
            }
        };
        if let Err(e) = self
            .caps
            .release_all(
                &policy,
                ws.as_str(),
                &m.customer_id,
                m.channel,
                &m.idempotency_key,
            )
            .await
        {
            tracing::warn!(message_id = %m.message_id, error = %e, "releasing fatigue-cap slots failed");
        }
    }

    /// Confirms a ruled marketing message's frequency-rule slot just before the provider
    /// call. `Some(kind)` when it must not go out now: displaced or without a slot, it
    /// is deferred to the rule's next window or skipped (as its send asked), with the
    /// reason in `error`.
    async fn confirm_slot(
        &self,
        ws: &WorkspaceId,
        m: &mut Message,
        now: i64,
    ) -> Result<Option<EventKind>, Error> {
        if m.purpose != Purpose::Marketing {
            return Ok(None);
        }
        let policy = self.policy(ws).await?;
        if !arbitration::ruled(&policy, m.channel) {
            return Ok(None);
        }
        let claim = Claim {
            workspace: ws.as_str(),
            customer_id: &m.customer_id,
            channel: m.channel,
            member: &m.idempotency_key,
            // The held slot remembers the send's priority and action.
            priority: 0,
            on_no_slot: NoSlot::Defer,
            journey_id: &m.journey_id,
            now_ms: now,
        };
        let slot = self.caps.reserve(&policy, claim, Mode::Confirm).await?;
        let recipient = m.recipient.clone();
        Ok(match slot {
            Slot::Granted { .. } => None,
            Slot::CapFull(_) => Some(suppress(m, SuppressionReason::FatigueCap, recipient)),
            no_slot @ Slot::Full { next_ms, .. } => {
                m.error = no_slot.reason();
                if next_ms <= 0 {
                    Some(suppress(m, SuppressionReason::FrequencyRule, recipient))
                } else if m.expire_ms.is_some_and(|e| next_ms >= e) {
                    Some(suppress(m, SuppressionReason::Expired, recipient))
                } else {
                    tracing::debug!(message_id = %m.message_id, reason = %m.error, "deferred by a frequency rule");
                    m.status = MessageStatus::Scheduled;
                    m.next_attempt_ms = next_ms;
                    Some(EventKind::Scheduled)
                }
            }
        })
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
pub(super) fn outcome_events(m: &Message, kind: EventKind, now: i64) -> Vec<PendingEvent> {
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
