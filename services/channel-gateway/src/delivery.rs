//! The gateway's domain layer: templates, and the life of a message from the send
//! request to its recorded outcome, plus the worker that re-drives messages a stopped
//! gateway left pending.
//!
//! A message goes: recorded `pending` (the idempotency point) -> policy (consent,
//! address) -> rendered (kept in the row) -> provider call(s) -> `sent`, `suppressed` or
//! `failed`. Every step before the provider call is repeatable, and the row is written
//! before the provider is called, so a crash anywhere leaves a pending row the worker
//! picks up once its lease has lapsed. The provider call is the only non-idempotent
//! step: if the gateway dies after the provider accepted an email but before `sent` is
//! recorded, the worker sends it again (at least once). Both copies carry the same
//! `Message-ID`, which lets mail systems and clients fold them into one.

use std::sync::Arc;
use std::time::Duration;

use omni_common::clock::SharedClock;
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, StoredProfile};
use serde_json::{Map, Value};

use crate::email::{EmailProvider, OutgoingEmail};
use crate::error::Error;
use crate::policy::{self, Verdict};
use crate::records::{
    Channel, Message, MessageId, MessageStatus, Offer, SuppressionReason, Template, TemplateId,
};
use crate::store::{Inserted, Outcome, Rendered, Store};
use crate::templates::{RenderContext, Renderer};

/// Retry and lease limits for delivery.
#[derive(Clone, Copy, Debug)]
pub struct DeliveryLimits {
    /// Provider calls per drive (one `Send` call, or one re-drive).
    pub attempts_per_drive: i64,
    /// Provider calls over a message's whole life; past this a stuck message fails.
    pub max_attempts: i64,
    /// Backoff before the second attempt; doubles for each further one.
    pub backoff: Duration,
    /// A pending message untouched this long is presumed abandoned and re-driven.
    pub lease: Duration,
    /// Upper bound on one provider call, kept below the lease so a live call is never
    /// mistaken for an abandoned one.
    pub provider_timeout: Duration,
}

impl DeliveryLimits {
    /// Three attempts per drive, six in all, 250 ms first backoff and the given lease.
    /// One provider call is capped at the SMTP timeout, at half the lease, and at a third
    /// of what is left of `call_budget` (the server's per-request limit) after backoff,
    /// so a `Send` call finishes its attempts before its deadline.
    pub fn new(lease: Duration, smtp_timeout: Duration, call_budget: Duration) -> Self {
        let attempts_per_drive = 3;
        let backoff = Duration::from_millis(250);
        // 250 ms + 500 ms of backoff, and a second of slack for the database writes.
        let spare = call_budget.saturating_sub(backoff * 3 + Duration::from_secs(1));
        let per_call = spare / attempts_per_drive;
        Self {
            attempts_per_drive: i64::from(attempts_per_drive),
            max_attempts: 6,
            backoff,
            lease,
            provider_timeout: smtp_timeout
                .min(lease / 2)
                .min(per_call)
                .max(Duration::from_millis(100)),
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
}

/// A validated send request.
#[derive(Clone, Debug)]
pub struct SendCommand {
    /// The caller's idempotency key.
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
}

/// The channel-gateway's domain layer.
pub struct Gateway {
    store: Store,
    profiles: ProfileStore,
    renderer: Renderer,
    email: Arc<dyn EmailProvider>,
    clock: SharedClock,
    limits: DeliveryLimits,
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Gateway {
    /// A gateway over its store, the profile store and an email provider.
    pub fn new(
        store: Store,
        profiles: ProfileStore,
        email: Arc<dyn EmailProvider>,
        clock: SharedClock,
        limits: DeliveryLimits,
    ) -> Self {
        Self {
            store,
            profiles,
            renderer: Renderer::new(),
            email,
            clock,
            limits,
        }
    }

    /// Checks the sources parse, then stores the template (or returns the one created
    /// first under the same idempotency key).
    pub async fn create_template(
        &self,
        ws: &WorkspaceId,
        new: NewTemplate,
        idempotency_key: Option<&str>,
    ) -> Result<Template, Error> {
        if !new.subject.is_empty() {
            self.renderer.check("template.subject", &new.subject)?;
        }
        self.renderer.check("template.body", &new.body)?;
        let template = Template {
            template_id: TemplateId::generate(),
            display_name: new.display_name,
            channel: new.channel,
            subject: new.subject,
            body: new.body,
            create_ms: self.clock.now_ms(),
        };
        self.store
            .insert_template(ws, &template, idempotency_key)
            .await
    }

    /// Reads a template.
    pub async fn get_template(&self, ws: &WorkspaceId, id: &str) -> Result<Template, Error> {
        self.store
            .get_template(ws, id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "template",
                id: id.to_owned(),
            })
    }

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
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Message>, Error> {
        self.store
            .list_messages(ws, customer_id, after, limit)
            .await
    }

    /// Sends a message, or records why not. A repeated idempotency key returns the first
    /// message unchanged and sends nothing.
    #[tracing::instrument(skip_all, fields(workspace = %ws, key = %cmd.idempotency_key, message_id = tracing::field::Empty))]
    pub async fn send(&self, ws: &WorkspaceId, cmd: SendCommand) -> Result<Message, Error> {
        if let Some(existing) = self.store.message_by_key(ws, &cmd.idempotency_key).await? {
            return same_request(existing, &cmd);
        }
        if cmd.channel != Channel::Email {
            return Err(Error::ChannelNotConfigured(cmd.channel));
        }
        let template = self.get_template(ws, &cmd.template_id).await?;
        if template.channel != cmd.channel {
            return Err(Error::invalid(
                "template_id",
                format!(
                    "template `{}` is for channel {}, not {}",
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
        let message = Message {
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
        };
        match self.store.insert_message(ws, &message).await? {
            // A concurrent call with the same key got there first.
            Inserted::Existing(existing) => same_request(*existing, &cmd),
            Inserted::New => {
                tracing::Span::current().record("message_id", message.message_id.as_str());
                self.drive(ws, message, &template, Some(profile)).await
            }
        }
    }

    /// Takes a pending message this caller owns to its outcome. `profile` is passed when
    /// the caller has just read it.
    async fn drive(
        &self,
        ws: &WorkspaceId,
        mut m: Message,
        template: &Template,
        profile: Option<StoredProfile>,
    ) -> Result<Message, Error> {
        if !m.is_rendered() {
            let profile = match profile {
                Some(p) => Some(p),
                None => self.profiles.get(ws.as_str(), &m.customer_id).await?,
            };
            let Some(profile) = profile else {
                let error = format!("customer `{}` not found", m.customer_id);
                return self.settle(ws, &m, failed(error, None)).await;
            };
            let recipient = match policy::check(m.channel, &profile) {
                Verdict::Suppress { reason, recipient } => {
                    tracing::info!(message_id = %m.message_id, reason = reason.as_str(), "suppressed");
                    return self.settle(ws, &m, suppressed(reason, recipient)).await;
                }
                Verdict::Deliver { recipient } => recipient,
            };
            let rendered = match self.render(&m, template, &profile, recipient.clone()) {
                Ok(r) => r,
                Err(error) => {
                    return self.settle(ws, &m, failed(error, Some(recipient))).await;
                }
            };
            if !self
                .store
                .save_rendered(ws, &m, &rendered, self.clock.now_ms())
                .await?
            {
                return self.current(ws, &m).await;
            }
            m.recipient = rendered.recipient;
            m.subject = rendered.subject;
            m.body = rendered.body;
        }
        self.deliver(ws, m).await
    }

    fn render(
        &self,
        m: &Message,
        template: &Template,
        profile: &StoredProfile,
        recipient: String,
    ) -> Result<Rendered, String> {
        let ctx = RenderContext {
            profile: &profile.traits,
            customer_id: &m.customer_id,
            offer: m.offer.as_ref(),
            vars: &m.variables,
        };
        let subject = self
            .renderer
            .render(&template.subject, &ctx)
            .map_err(|e| format!("render subject: {e}"))?;
        let body = self
            .renderer
            .render(&template.body, &ctx)
            .map_err(|e| format!("render body: {e}"))?;
        Ok(Rendered {
            recipient,
            // A header cannot span lines; templates that end in a newline still work.
            subject: subject.trim().replace(['\r', '\n'], " "),
            body,
        })
    }

    /// The provider calls, with backoff, for a rendered pending message.
    async fn deliver(&self, ws: &WorkspaceId, mut m: Message) -> Result<Message, Error> {
        if m.channel != Channel::Email {
            let error = format!(
                "channel not configured: {} delivery has no provider",
                m.channel
            );
            return self.settle(ws, &m, failed(error, None)).await;
        }
        let email = OutgoingEmail {
            message_id: m.message_id.to_string(),
            to: m.recipient.clone(),
            subject: m.subject.clone(),
            body: m.body.clone(),
        };
        let mut last_error = String::from("delivery outcome unknown: the gateway stopped mid-call");
        for i in 0..self.limits.attempts_per_drive {
            if m.attempts >= self.limits.max_attempts {
                break;
            }
            if i > 0 {
                let factor = 1u32 << (i - 1).min(16);
                tokio::time::sleep(self.limits.backoff * factor).await;
            }
            let now = self.clock.now_ms();
            if !self.store.claim_attempt(ws, &m, now).await? {
                return self.current(ws, &m).await;
            }
            m.attempts += 1;
            m.update_ms = now;
            let result =
                tokio::time::timeout(self.limits.provider_timeout, self.email.send(&email))
                    .await
                    .unwrap_or_else(|_| {
                        Err(crate::email::ProviderError {
                            message: format!(
                                "provider call timed out after {} ms",
                                self.limits.provider_timeout.as_millis()
                            ),
                            permanent: false,
                        })
                    });
            match result {
                Ok(()) => {
                    tracing::info!(message_id = %m.message_id, attempts = m.attempts, "sent");
                    return self.settle(ws, &m, sent()).await;
                }
                Err(e) if e.permanent => {
                    tracing::warn!(message_id = %m.message_id, error = %e, "provider refused");
                    return self.settle(ws, &m, failed(e.message, None)).await;
                }
                Err(e) => {
                    tracing::warn!(message_id = %m.message_id, attempt = m.attempts, error = %e, "provider call failed");
                    last_error = e.message;
                }
            }
        }
        let error = format!("{last_error} (after {} attempts)", m.attempts);
        self.settle(ws, &m, failed(error, None)).await
    }

    /// Records an outcome (if the caller still owns the message) and returns the row.
    async fn settle(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        outcome: Outcome,
    ) -> Result<Message, Error> {
        self.store
            .finish(ws, m, &outcome, self.clock.now_ms())
            .await?;
        self.current(ws, m).await
    }

    async fn current(&self, ws: &WorkspaceId, m: &Message) -> Result<Message, Error> {
        self.store
            .get_message(ws, m.message_id.as_str())
            .await?
            .ok_or_else(|| Error::Corrupt(format!("message `{}` vanished", m.message_id)))
    }

    /// One pass of the re-drive worker: takes over pending messages whose lease lapsed
    /// and drives each to an outcome. Returns how many it took over.
    pub async fn redrive_stale(&self, batch: u32) -> Result<usize, Error> {
        let lease_ms = i64::try_from(self.limits.lease.as_millis()).unwrap_or(i64::MAX);
        let stale = self
            .store
            .stale_pending(self.clock.now_ms().saturating_sub(lease_ms), batch)
            .await?;
        let mut taken = 0;
        for (ws, mut m) in stale {
            let now = self.clock.now_ms();
            if !self.store.take_over(&ws, &m, now).await? {
                continue;
            }
            m.update_ms = now;
            taken += 1;
            tracing::warn!(workspace = %ws, message_id = %m.message_id, attempts = m.attempts, "re-driving abandoned message");
            let result = match self.store.get_template(&ws, m.template_id.as_str()).await? {
                Some(template) => self.drive(&ws, m, &template, None).await,
                None => {
                    let error = format!("template `{}` not found", m.template_id);
                    self.settle(&ws, &m, failed(error, None)).await
                }
            };
            if let Err(e) = result {
                tracing::warn!(workspace = %ws, error = %e, "re-drive failed; will retry after the lease");
            }
        }
        Ok(taken)
    }
}

/// Runs [`Gateway::redrive_stale`] every `interval` until `shutdown`.
pub async fn redrive_worker(
    gateway: Arc<Gateway>,
    interval: Duration,
    shutdown: CancellationToken,
) {
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = tokio::time::sleep(interval) => {}
        }
        match gateway.redrive_stale(100).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(count = n, "re-drove abandoned messages"),
            Err(e) => tracing::warn!(error = %e, "re-drive scan failed"),
        }
    }
}

/// The existing message for a repeated key, if the repeat asks for the same thing.
fn same_request(existing: Message, cmd: &SendCommand) -> Result<Message, Error> {
    if existing.customer_id != cmd.customer_id
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

fn sent() -> Outcome {
    Outcome {
        status: MessageStatus::Sent,
        suppression_reason: None,
        recipient: None,
        error: String::new(),
    }
}

fn suppressed(reason: SuppressionReason, recipient: String) -> Outcome {
    Outcome {
        status: MessageStatus::Suppressed,
        suppression_reason: Some(reason),
        recipient: Some(recipient),
        error: String::new(),
    }
}

fn failed(error: String, recipient: Option<String>) -> Outcome {
    Outcome {
        status: MessageStatus::Failed,
        suppression_reason: None,
        recipient,
        error,
    }
}
