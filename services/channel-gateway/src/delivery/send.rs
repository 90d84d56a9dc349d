//! The send path: templates (save, preview) and `Send` (policy, rendering, the outbox
//! commit).

use std::sync::Arc;

use omni_common::ids::WorkspaceId;
use omni_profile_store::StoredProfile;

use crate::arbitration::{Claim, Mode, Slot};
use crate::coupons::{CouponSpec, NewCoupon};
use crate::error::Error;
use crate::policy::{self, Verdict};
use crate::records::{
    Channel, DeferReason, DeliveryEvent, EventId, EventKind, Message, MessageId, MessageStatus,
    NoSlot, Purpose, SuppressionReason, Template,
};
use crate::sms::{self};
use crate::store::{Inserted, MessageFilter};
use crate::templates::{CouponVars, MessageVars, RenderContext, RenderedParts};
use crate::tracking::{self};

use super::worker::outcome_events;
use super::{Gateway, Preview, PreviewCommand, SendCommand, lock};

impl Gateway {
    // ---- templates -------------------------------------------------------------------

    /// Reads a template as sends see it (the published version), cached for
    /// [`super::SETTINGS_TTL`] so another replica's approval shows up within it.
    pub async fn get_template(&self, ws: &WorkspaceId, id: &str) -> Result<Arc<Template>, Error> {
        let key = (ws.to_string(), id.to_owned());
        if let Some((at, t)) = lock(&self.templates).get(&key)
            && at.elapsed() < super::SETTINGS_TTL
        {
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
        lock(&self.templates).insert(key, (std::time::Instant::now(), t.clone()));
        Ok(t)
    }

    /// Forgets the cached template (after a version is published here).
    pub(crate) fn forget_template(&self, ws: &WorkspaceId, id: &str) {
        lock(&self.templates).remove(&(ws.to_string(), id.to_owned()));
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
    pub(super) fn decorate(
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
            provider_id: String::new(),
            provider_attempts: 0,
            skipped_providers: Vec::new(),
            defer_reason: None,
        };
        let kind = self
            .evaluate(
                ws,
                &mut m,
                &template,
                &profile,
                now,
                Asked {
                    coupon: cmd.coupon.as_ref(),
                    priority: cmd.priority,
                    on_no_slot: cmd.on_no_slot,
                },
            )
            .await?;
        if kind == EventKind::Failed {
            // Counted by the caps, then failed to render: it will never be sent.
            self.release_caps(ws, &m).await;
        }
        let kind = if m.status.is_open() {
            self.throttle(ws, &mut m, cmd.throttle_per_minute, kind)
                .await?
        } else {
            kind
        };
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

    /// Spreads a throttled journey's sends: the message waits for the journey's next
    /// free slot (deferred, never dropped), or expires if that is past its expiry.
    async fn throttle(
        &self,
        ws: &WorkspaceId,
        m: &mut Message,
        per_minute: u32,
        kind: EventKind,
    ) -> Result<EventKind, Error> {
        if m.journey_id.is_empty() {
            return Ok(kind);
        }
        let per_minute = if per_minute > 0 {
            per_minute
        } else {
            match self.policy(ws).await?.throttle_for(&m.journey_id) {
                Some(p) => p,
                None => return Ok(kind),
            }
        };
        let slot = self
            .caps
            .throttle_slot(ws.as_str(), &m.journey_id, per_minute, m.next_attempt_ms)
            .await?;
        if slot <= m.next_attempt_ms {
            return Ok(kind);
        }
        if m.expire_ms.is_some_and(|e| slot >= e) {
            let recipient = m.recipient.clone();
            let kind = suppress(m, SuppressionReason::Expired, recipient);
            self.release_caps(ws, m).await;
            return Ok(kind);
        }
        m.status = MessageStatus::Scheduled;
        m.next_attempt_ms = slot;
        m.defer_reason = Some(DeferReason::Throttle);
        Ok(EventKind::Scheduled)
    }

    /// Runs the send-time policy and renders `m` in place; returns the event to record.
    pub(super) async fn evaluate(
        &self,
        ws: &WorkspaceId,
        m: &mut Message,
        template: &Template,
        profile: &StoredProfile,
        now: i64,
        asked: Asked<'_>,
    ) -> Result<EventKind, Error> {
        let coupon = asked.coupon;
        if m.expire_ms.is_some_and(|e| e <= now) {
            return Ok(suppress(m, SuppressionReason::Expired, String::new()));
        }
        if template.published_version == 0 {
            // Review applies and no version is approved yet: nothing may be sent.
            m.error = format!(
                "template `{}` has no approved version yet; a version must be approved in review \
                 before it is sent",
                template.template_id
            );
            return Ok(suppress(
                m,
                SuppressionReason::TemplateNotApproved,
                String::new(),
            ));
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
        let mut scheduled_why = None;
        if quiet_applies {
            let tz = policy::time_zone(profile, &policy.quiet_hours.default_time_zone);
            scheduled = policy::quiet_until(&policy.quiet_hours, tz, now);
            scheduled_why = scheduled.map(|_| DeferReason::QuietHours);
        }
        if m.purpose == Purpose::Marketing
            && let Some(prefs) = self
                .profiles
                .contact_preferences(ws.as_str(), &profile.customer_id)
                .await?
        {
            // The customer's own do-not-disturb: snoozes and quiet hours move the
            // earliest send time on (each may land inside another, so repeat).
            if asked.on_no_slot == NoSlot::Skip
                && prefs.snoozed_until(m.channel.as_str(), now).is_some()
            {
                return Ok(suppress(m, SuppressionReason::Snoozed, recipient));
            }
            let tz = policy::preference_time_zone(
                &prefs,
                profile,
                &policy.quiet_hours.default_time_zone,
            );
            let ws_tz = policy::time_zone(profile, &policy.quiet_hours.default_time_zone);
            for _ in 0..8 {
                let at = scheduled.unwrap_or(now);
                let next = [
                    prefs
                        .snoozed_until(m.channel.as_str(), at)
                        .map(|t| (t, DeferReason::Snoozed)),
                    policy::customer_quiet_until(&prefs, tz, at)
                        .map(|t| (t, DeferReason::CustomerQuietHours)),
                    policy::quiet_until(&policy.quiet_hours, ws_tz, at)
                        .filter(|_| quiet_applies)
                        .map(|t| (t, DeferReason::QuietHours)),
                ]
                .into_iter()
                .flatten()
                .filter(|(t, _)| *t > at)
                .max_by_key(|(t, _)| *t);
                let Some((t, why)) = next else { break };
                scheduled = Some(t);
                scheduled_why = Some(why);
            }
        }
        if let (Some(at), Some(expire)) = (scheduled, m.expire_ms)
            && at >= expire
        {
            return Ok(suppress(m, SuppressionReason::Expired, recipient));
        }
        // Caps and frequency rules, in one atomic step; a ruled send holds its slot
        // tentatively for the arbitration window before it may go out.
        let mut hold_until = None;
        let mut deferred = None;
        if m.purpose == Purpose::Marketing {
            let at = scheduled.unwrap_or(now);
            let claim = Claim {
                workspace: ws.as_str(),
                customer_id: &profile.customer_id,
                channel: m.channel,
                member: &m.idempotency_key,
                priority: asked.priority,
                on_no_slot: asked.on_no_slot,
                journey_id: &m.journey_id,
                now_ms: at,
            };
            match self.caps.reserve(&policy, claim, Mode::Hold).await? {
                Slot::Granted { ruled: true } => {
                    hold_until = Some(at + policy.arbitration_window_ms());
                }
                Slot::Granted { ruled: false } => {}
                Slot::CapFull(_) => {
                    return Ok(suppress(m, SuppressionReason::FatigueCap, recipient));
                }
                no_slot @ Slot::Full { next_ms, .. } => {
                    m.error = no_slot.reason();
                    if asked.on_no_slot == NoSlot::Skip {
                        return Ok(suppress(m, SuppressionReason::FrequencyRule, recipient));
                    }
                    if m.expire_ms.is_some_and(|e| next_ms >= e) {
                        return Ok(suppress(m, SuppressionReason::Expired, recipient));
                    }
                    deferred = Some(next_ms);
                    m.defer_reason = Some(DeferReason::FrequencyRule);
                }
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
        // Marketing email may place the preference-centre link itself.
        let mut with_prefs = None;
        if m.channel == Channel::Email
            && m.purpose == Purpose::Marketing
            && let Some(t) = &self.tracker
        {
            let mut vars = m.variables.clone();
            vars.insert(
                "preferences_url".into(),
                serde_json::Value::String(t.preferences_url(ws.as_str(), m.message_id.as_str())),
            );
            with_prefs = Some(vars);
        }
        let ctx = RenderContext {
            profile: &profile.traits,
            customer_id: &m.customer_id,
            offer: m.offer.as_ref(),
            vars: with_prefs.as_ref().unwrap_or(&m.variables),
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
        if m.channel == Channel::Email
            && m.purpose == Purpose::Marketing
            && let Some(t) = &self.tracker
        {
            tracking::add_preferences_footer(
                &mut parts.body,
                &mut parts.html_body,
                &t.preferences_url(ws.as_str(), &message_id),
            );
        }
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
        if let Some(at) = deferred.or(scheduled.and(hold_until)).or(scheduled) {
            if deferred.is_none() {
                m.defer_reason = scheduled_why;
            }
            m.status = MessageStatus::Scheduled;
            m.next_attempt_ms = at;
            return Ok(EventKind::Scheduled);
        }
        m.status = MessageStatus::Pending;
        // A tentative slot waits out the arbitration window while still PENDING.
        m.next_attempt_ms = hold_until.unwrap_or(now);
        Ok(EventKind::Queued)
    }

    /// The customer's addresses for the message's channel, without retired push tokens.
    pub(super) async fn usable_addresses(
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
    pub(super) async fn listed(
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
            provider_id: m.provider_id.clone(),
        }
    }
}

/// What the send asked for beyond the message itself.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Asked<'a> {
    /// A coupon to issue with the message.
    pub coupon: Option<&'a CouponSpec>,
    /// The journey's priority under frequency rules.
    pub priority: i32,
    /// What to do without a frequency-rule slot.
    pub on_no_slot: NoSlot,
}

/// Marks `m` suppressed; returns the event kind.
pub(super) fn suppress(m: &mut Message, reason: SuppressionReason, recipient: String) -> EventKind {
    m.status = MessageStatus::Suppressed;
    m.suppression_reason = Some(reason);
    if !recipient.is_empty() {
        m.recipient = recipient;
    }
    EventKind::Suppressed
}

/// Rejects SMS templates whose fixed text alone breaks the length limits.
pub(super) fn check_static_sms(t: &Template) -> Result<(), Error> {
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
pub(super) fn same_request(existing: Message, cmd: &SendCommand) -> Result<Message, Error> {
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
