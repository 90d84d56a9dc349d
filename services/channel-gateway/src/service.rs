//! The `omni.channel.v1.ChannelService` handlers: authenticate, validate (naming the
//! exact field), call the domain layer, convert.

use std::collections::HashSet;
use std::pin::Pin;
use std::sync::Arc;

use omni_common::auth::caller;
use omni_common::convert::struct_to_json;
use omni_common::ids::WorkspaceId;
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_server::ChannelService;
use tokio::sync::broadcast::error::RecvError;
use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use crate::convert::coupon_to_proto;
use crate::convert::{
    channel_from_proto, event_to_proto, kind_from_proto, list_reason_from_proto, message_to_proto,
    offer_from_proto, optional_channel, policy_from_proto, policy_to_proto, provider_to_proto,
    purpose_from_proto, sample_from_proto, status_from_proto, suppression_to_proto,
    template_to_proto, timestamp_ms,
};
use crate::coupons::{CouponSpec, NewCoupon};
use crate::delivery::{Gateway, NewTemplate, PreviewCommand, SendCommand};
use crate::error::Error;
use crate::provider::check_secret_ref;
use crate::records::{
    Channel, DeliveryEvent, ProviderConfig, ProviderKind, SuppressionEntry, Template, TemplateId,
    Variant,
};
use crate::store::MessageFilter;

/// Longest locale tag.
const MAX_LOCALE_LEN: usize = 35;
/// Most variants per template.
const MAX_VARIANTS: usize = 64;
/// Most events replayed before a watch goes live.
const MAX_REPLAY: u32 = 10_000;

/// Longest idempotency key, page token or id accepted.
const MAX_KEY_LEN: usize = 256;
/// Longest template display name.
const MAX_NAME_LEN: usize = 200;
/// Largest template source (subject or body).
const MAX_SOURCE_LEN: usize = 256 * 1024;
/// `ListMessages` page size when none is given.
const DEFAULT_PAGE_SIZE: u32 = 100;
/// Largest `ListMessages` page.
const MAX_PAGE_SIZE: u32 = 1000;

/// The gRPC face of the [`Gateway`].
#[derive(Clone, Debug)]
pub struct ChannelApi {
    gateway: Arc<Gateway>,
}

impl ChannelApi {
    /// Serves `gateway`.
    pub fn new(gateway: Arc<Gateway>) -> Self {
        Self { gateway }
    }
}

#[tonic::async_trait]
impl ChannelService for ChannelApi {
    async fn create_template(
        &self,
        request: Request<pb::CreateTemplateRequest>,
    ) -> Result<Response<pb::CreateTemplateResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let (new, key) = validate_create_template(req)?;
        let template = self
            .gateway
            .create_template(&caller.workspace, new, key.as_deref())
            .await?;
        Ok(Response::new(pb::CreateTemplateResponse {
            template: Some(template_to_proto(&template)),
        }))
    }

    async fn get_template(
        &self,
        request: Request<pb::GetTemplateRequest>,
    ) -> Result<Response<pb::GetTemplateResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("template_id", &req.template_id)?;
        let template = self
            .gateway
            .get_template(&caller.workspace, &req.template_id)
            .await?;
        Ok(Response::new(pb::GetTemplateResponse {
            template: Some(template_to_proto(&template)),
        }))
    }

    async fn send(
        &self,
        request: Request<pb::SendRequest>,
    ) -> Result<Response<pb::SendResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let cmd = validate_send(req)?;
        let message = self.gateway.send(&caller.workspace, cmd).await?;
        Ok(Response::new(pb::SendResponse {
            message: Some(message_to_proto(&message)),
        }))
    }

    async fn get_message(
        &self,
        request: Request<pb::GetMessageRequest>,
    ) -> Result<Response<pb::GetMessageResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("message_id", &req.message_id)?;
        let message = self
            .gateway
            .get_message(&caller.workspace, &req.message_id)
            .await?;
        Ok(Response::new(pb::GetMessageResponse {
            message: Some(message_to_proto(&message)),
        }))
    }

    async fn list_messages(
        &self,
        request: Request<pb::ListMessagesRequest>,
    ) -> Result<Response<pb::ListMessagesResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("customer_id", &req.customer_id)?;
        let page_size = page_size(req.page_size)?;
        let after = page_token(&req.page_token)?;
        let filter = MessageFilter {
            statuses: req
                .statuses
                .iter()
                .enumerate()
                .map(|(i, s)| status_from_proto(*s, &format!("statuses[{i}]")))
                .collect::<Result<_, _>>()?,
            channel: optional_channel(req.channel, "channel")?,
        };
        // One extra row tells whether another page exists without a trailing empty page.
        let mut messages = self
            .gateway
            .list_messages(
                &caller.workspace,
                &req.customer_id,
                &filter,
                after,
                page_size + 1,
            )
            .await?;
        let next_page_token = if messages.len() > page_size as usize {
            messages.truncate(page_size as usize);
            messages
                .last()
                .map(|m| m.message_id.to_string())
                .unwrap_or_default()
        } else {
            String::new()
        };
        Ok(Response::new(pb::ListMessagesResponse {
            messages: messages.iter().map(message_to_proto).collect(),
            next_page_token,
        }))
    }

    type WatchDeliveriesStream =
        Pin<Box<dyn Stream<Item = Result<pb::WatchDeliveriesResponse, Status>> + Send>>;

    async fn watch_deliveries(
        &self,
        request: Request<pb::WatchDeliveriesRequest>,
    ) -> Result<Response<Self::WatchDeliveriesStream>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        max_len("customer_id", &req.customer_id, MAX_KEY_LEN)?;
        max_len("message_id", &req.message_id, MAX_KEY_LEN)?;
        max_len("after_event_id", &req.after_event_id, MAX_KEY_LEN)?;
        if req.include_history && req.customer_id.is_empty() && req.message_id.is_empty() {
            return Err(
                Error::invalid("include_history", "needs customer_id or message_id").into(),
            );
        }
        let stream = watch(self.gateway.clone(), caller.workspace, req);
        Ok(Response::new(Box::pin(stream)))
    }

    async fn preview_template(
        &self,
        request: Request<pb::PreviewTemplateRequest>,
    ) -> Result<Response<pb::PreviewTemplateResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let template = match (&req.template, req.template_id.is_empty()) {
            (Some(_), false) => {
                return Err(
                    Error::invalid("template", "give template_id or template, not both").into(),
                );
            }
            (Some(t), true) => {
                let new = validate_template(t)?;
                Template {
                    template_id: TemplateId::new("tpl_preview"),
                    display_name: new.display_name,
                    channel: new.channel,
                    subject: new.subject,
                    body: new.body,
                    html_body: new.html_body,
                    variants: new.variants,
                    sample: new.sample,
                    create_ms: 0,
                }
            }
            (None, false) => {
                max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
                (*self
                    .gateway
                    .get_template(&caller.workspace, &req.template_id)
                    .await?)
                    .clone()
            }
            (None, true) => {
                return Err(Error::invalid("template_id", "give template_id or template").into());
            }
        };
        let channel = optional_channel(req.channel, "channel")?.unwrap_or(template.channel);
        max_len("locale", &req.locale, MAX_LOCALE_LEN)?;
        max_len("customer_id", &req.customer_id, MAX_KEY_LEN)?;
        let sample = req
            .sample
            .as_ref()
            .map(sample_from_proto)
            .or_else(|| template.sample.clone())
            .unwrap_or_default();
        let preview = self
            .gateway
            .preview(
                &caller.workspace,
                PreviewCommand {
                    template,
                    channel,
                    locale: req.locale,
                    sample,
                    customer_id: (!req.customer_id.is_empty()).then_some(req.customer_id),
                },
            )
            .await?;
        Ok(Response::new(pb::PreviewTemplateResponse {
            channel: crate::convert::channel_to_proto(preview.channel),
            locale: preview.locale,
            subject: preview.parts.subject,
            body: preview.parts.body,
            html_body: preview.parts.html_body,
            sms_encoding: match preview.sms.map(|s| s.encoding) {
                Some(crate::records::SmsEncoding::Gsm7) => pb::SmsEncoding::Gsm7 as i32,
                Some(crate::records::SmsEncoding::Ucs2) => pb::SmsEncoding::Ucs2 as i32,
                None => pb::SmsEncoding::Unspecified as i32,
            },
            sms_segments: preview
                .sms
                .map(|s| i32::try_from(s.segments).unwrap_or(i32::MAX))
                .unwrap_or_default(),
        }))
    }

    async fn update_provider_config(
        &self,
        request: Request<pb::UpdateProviderConfigRequest>,
    ) -> Result<Response<pb::UpdateProviderConfigResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let config = validate_provider(req.provider_config)?;
        let (config, resolved) = self
            .gateway
            .update_provider(&caller.workspace, config)
            .await?;
        Ok(Response::new(pb::UpdateProviderConfigResponse {
            provider_config: Some(provider_to_proto(&config, resolved)),
        }))
    }

    async fn get_provider_config(
        &self,
        request: Request<pb::GetProviderConfigRequest>,
    ) -> Result<Response<pb::GetProviderConfigResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let channel = channel_from_proto(req.channel, "channel")?;
        let (config, resolved) = self
            .gateway
            .get_provider(&caller.workspace, channel)
            .await?;
        Ok(Response::new(pb::GetProviderConfigResponse {
            provider_config: Some(provider_to_proto(&config, resolved)),
        }))
    }

    async fn create_suppression(
        &self,
        request: Request<pb::CreateSuppressionRequest>,
    ) -> Result<Response<pb::CreateSuppressionResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let s = req
            .suppression
            .ok_or_else(|| Error::invalid("suppression", "is required"))?;
        let channel = channel_from_proto(s.channel, "suppression.channel")?;
        required("suppression.address", &s.address)?;
        max_len("suppression.address", &s.address, MAX_KEY_LEN)?;
        max_len("suppression.note", &s.note, MAX_NAME_LEN)?;
        let reason = list_reason_from_proto(s.reason, "suppression.reason")?;
        let entry = self
            .gateway
            .add_suppression(
                &caller.workspace,
                SuppressionEntry {
                    channel,
                    address: s.address,
                    reason,
                    note: s.note,
                    create_ms: 0,
                },
            )
            .await?;
        Ok(Response::new(pb::CreateSuppressionResponse {
            suppression: Some(suppression_to_proto(&entry)),
        }))
    }

    async fn list_suppressions(
        &self,
        request: Request<pb::ListSuppressionsRequest>,
    ) -> Result<Response<pb::ListSuppressionsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let channel = optional_channel(req.channel, "channel")?;
        let page_size = page_size(req.page_size)?;
        let after = if req.page_token.is_empty() {
            None
        } else {
            let (c, a) = req
                .page_token
                .split_once('/')
                .filter(|(c, _)| Channel::parse(c).is_some())
                .ok_or_else(|| {
                    Error::invalid("page_token", "is not a token from ListSuppressions")
                })?;
            Some((c.to_owned(), a.to_owned()))
        };
        let mut entries = self
            .gateway
            .store()
            .list_suppressions(&caller.workspace, channel, after, page_size + 1)
            .await?;
        let next_page_token = if entries.len() > page_size as usize {
            entries.truncate(page_size as usize);
            entries
                .last()
                .map(|e| format!("{}/{}", e.channel, e.address))
                .unwrap_or_default()
        } else {
            String::new()
        };
        Ok(Response::new(pb::ListSuppressionsResponse {
            suppressions: entries.iter().map(suppression_to_proto).collect(),
            next_page_token,
        }))
    }

    async fn delete_suppression(
        &self,
        request: Request<pb::DeleteSuppressionRequest>,
    ) -> Result<Response<pb::DeleteSuppressionResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let channel = channel_from_proto(req.channel, "channel")?;
        required("address", &req.address)?;
        max_len("address", &req.address, MAX_KEY_LEN)?;
        self.gateway
            .delete_suppression(&caller.workspace, channel, &req.address)
            .await?;
        Ok(Response::new(pb::DeleteSuppressionResponse {}))
    }

    async fn get_send_policy(
        &self,
        request: Request<pb::GetSendPolicyRequest>,
    ) -> Result<Response<pb::GetSendPolicyResponse>, Status> {
        let caller = caller(&request)?;
        let policy = self.gateway.policy(&caller.workspace).await?;
        Ok(Response::new(pb::GetSendPolicyResponse {
            policy: Some(policy_to_proto(&policy)),
        }))
    }

    async fn update_send_policy(
        &self,
        request: Request<pb::UpdateSendPolicyRequest>,
    ) -> Result<Response<pb::UpdateSendPolicyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let policy = req
            .policy
            .ok_or_else(|| Error::invalid("policy", "is required"))?;
        let policy = policy_from_proto(&policy)?;
        let policy = self
            .gateway
            .update_policy(&caller.workspace, policy)
            .await?;
        Ok(Response::new(pb::UpdateSendPolicyResponse {
            policy: Some(policy_to_proto(&policy)),
        }))
    }

    async fn issue_coupon(
        &self,
        request: Request<pb::IssueCouponRequest>,
    ) -> Result<Response<pb::IssueCouponResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("idempotency_key", &req.idempotency_key)?;
        max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
        required("customer_id", &req.customer_id)?;
        max_len("customer_id", &req.customer_id, MAX_KEY_LEN)?;
        max_len("offer_id", &req.offer_id, MAX_KEY_LEN)?;
        let coupon = self
            .gateway
            .issue_coupon(
                &caller.workspace,
                NewCoupon {
                    customer_id: req.customer_id,
                    offer_id: req.offer_id,
                    expire_ms: req.expire_time.as_ref().map(timestamp_ms),
                    message_id: String::new(),
                },
                &format!("api:{}", req.idempotency_key),
            )
            .await?;
        let now = self.gateway.clock.now_ms();
        Ok(Response::new(pb::IssueCouponResponse {
            coupon: Some(coupon_to_proto(&coupon, now)),
        }))
    }

    async fn redeem_coupon(
        &self,
        request: Request<pb::RedeemCouponRequest>,
    ) -> Result<Response<pb::RedeemCouponResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("code", &req.code)?;
        max_len("code", &req.code, MAX_KEY_LEN)?;
        required("store_id", &req.store_id)?;
        max_len("store_id", &req.store_id, MAX_KEY_LEN)?;
        max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
        max_len("customer_id", &req.customer_id, MAX_KEY_LEN)?;
        let code = req.code.trim().to_ascii_uppercase();
        let coupon = self
            .gateway
            .redeem_coupon(
                &caller.workspace,
                &code,
                &req.store_id,
                &req.idempotency_key,
                &req.customer_id,
            )
            .await?;
        let now = self.gateway.clock.now_ms();
        Ok(Response::new(pb::RedeemCouponResponse {
            coupon: Some(coupon_to_proto(&coupon, now)),
        }))
    }

    async fn get_coupon(
        &self,
        request: Request<pb::GetCouponRequest>,
    ) -> Result<Response<pb::GetCouponResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("code", &req.code)?;
        max_len("code", &req.code, MAX_KEY_LEN)?;
        let code = req.code.trim().to_ascii_uppercase();
        let coupon = self.gateway.get_coupon(&caller.workspace, &code).await?;
        let now = self.gateway.clock.now_ms();
        Ok(Response::new(pb::GetCouponResponse {
            coupon: Some(coupon_to_proto(&coupon, now)),
        }))
    }
}

fn validate_create_template(
    req: pb::CreateTemplateRequest,
) -> Result<(NewTemplate, Option<String>), Error> {
    let t = req
        .template
        .as_ref()
        .ok_or_else(|| Error::invalid("template", "is required"))?;
    let new = validate_template(t)?;
    max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
    let key = (!req.idempotency_key.is_empty()).then_some(req.idempotency_key);
    Ok((new, key))
}

fn validate_template(t: &pb::Template) -> Result<NewTemplate, Error> {
    required("template.display_name", &t.display_name)?;
    max_len("template.display_name", &t.display_name, MAX_NAME_LEN)?;
    let channel = channel_from_proto(t.channel, "template.channel")?;
    if channel == Channel::Email {
        required("template.subject", &t.subject)?;
    }
    required("template.body", &t.body)?;
    max_len("template.subject", &t.subject, MAX_SOURCE_LEN)?;
    max_len("template.body", &t.body, MAX_SOURCE_LEN)?;
    max_len("template.html_body", &t.html_body, MAX_SOURCE_LEN)?;
    if t.variants.len() > MAX_VARIANTS {
        return Err(Error::invalid(
            "template.variants",
            format!("at most {MAX_VARIANTS} variants"),
        ));
    }
    let mut seen = HashSet::new();
    let mut variants = Vec::with_capacity(t.variants.len());
    for (i, v) in t.variants.iter().enumerate() {
        let field = |f: &str| format!("template.variants[{i}].{f}");
        let vchannel = channel_from_proto(v.channel, &field("channel"))?;
        max_len(&field("locale"), &v.locale, MAX_LOCALE_LEN)?;
        if !v
            .locale
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(Error::invalid(
                field("locale"),
                "must be a BCP 47 tag like `ko-KR` or `en`",
            ));
        }
        if vchannel == Channel::Email {
            required(&field("subject"), &v.subject)?;
        }
        required(&field("body"), &v.body)?;
        max_len(&field("subject"), &v.subject, MAX_SOURCE_LEN)?;
        max_len(&field("body"), &v.body, MAX_SOURCE_LEN)?;
        max_len(&field("html_body"), &v.html_body, MAX_SOURCE_LEN)?;
        if !seen.insert((vchannel, v.locale.to_ascii_lowercase()))
            || (vchannel == channel && v.locale.is_empty())
        {
            return Err(Error::invalid(
                field("locale"),
                "duplicates another variant of the same channel and locale",
            ));
        }
        variants.push(Variant {
            channel: Some(vchannel),
            locale: v.locale.clone(),
            subject: v.subject.clone(),
            body: v.body.clone(),
            html_body: v.html_body.clone(),
        });
    }
    Ok(NewTemplate {
        display_name: t.display_name.clone(),
        channel,
        subject: t.subject.clone(),
        body: t.body.clone(),
        html_body: t.html_body.clone(),
        variants,
        sample: t.sample.as_ref().map(sample_from_proto),
    })
}

fn validate_send(req: pb::SendRequest) -> Result<SendCommand, Error> {
    required("idempotency_key", &req.idempotency_key)?;
    max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
    required("customer_id", &req.customer_id)?;
    max_len("customer_id", &req.customer_id, MAX_KEY_LEN)?;
    let channel = channel_from_proto(req.channel, "channel")?;
    required("template_id", &req.template_id)?;
    max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
    max_len("journey_id", &req.journey_id, MAX_KEY_LEN)?;
    max_len("run_id", &req.run_id, MAX_KEY_LEN)?;
    max_len("locale", &req.locale, MAX_LOCALE_LEN)?;
    max_len("campaign", &req.campaign, MAX_NAME_LEN)?;
    let purpose = purpose_from_proto(req.purpose, "purpose")?;
    Ok(SendCommand {
        idempotency_key: req.idempotency_key,
        customer_id: req.customer_id,
        channel,
        template_id: req.template_id,
        offer: req.offer.map(offer_from_proto),
        variables: req
            .variables
            .as_ref()
            .map(struct_to_json)
            .unwrap_or_default(),
        journey_id: req.journey_id,
        run_id: req.run_id,
        purpose,
        locale: req.locale,
        expire_ms: req.expire_time.as_ref().map(timestamp_ms),
        campaign: req.campaign,
        coupon: req
            .coupon
            .map(|c| {
                max_len("coupon.offer_id", &c.offer_id, MAX_KEY_LEN).map(|()| CouponSpec {
                    offer_id: c.offer_id,
                    expire_ms: c.expire_time.as_ref().map(timestamp_ms),
                })
            })
            .transpose()?,
    })
}

fn validate_provider(c: Option<pb::ProviderConfig>) -> Result<ProviderConfig, Error> {
    let c = c.ok_or_else(|| Error::invalid("provider_config", "is required"))?;
    let channel = channel_from_proto(c.channel, "provider_config.channel")?;
    if channel == Channel::Email {
        return Err(Error::invalid(
            "provider_config.channel",
            "email uses the gateway's smtp settings",
        ));
    }
    let kind = kind_from_proto(c.kind, "provider_config.kind")?;
    if kind.channel() != channel {
        return Err(Error::invalid(
            "provider_config.kind",
            format!("{kind} does not deliver {channel}"),
        ));
    }
    required("provider_config.base_url", &c.base_url)?;
    max_len("provider_config.base_url", &c.base_url, 2_048)?;
    if !(c.base_url.starts_with("http://") || c.base_url.starts_with("https://")) {
        return Err(Error::invalid(
            "provider_config.base_url",
            "must start with http:// or https://",
        ));
    }
    if matches!(kind, ProviderKind::Twilio | ProviderKind::Fcm) {
        required("provider_config.account_id", &c.account_id)?;
        if !c
            .account_id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
        {
            return Err(Error::invalid(
                "provider_config.account_id",
                "may hold only letters, digits, `-` and `_`",
            ));
        }
    }
    if kind == ProviderKind::Twilio {
        required("provider_config.sender", &c.sender)?;
    }
    if kind == ProviderKind::Apns {
        required("provider_config.account_id", &c.account_id)?;
        required("provider_config.key_id", &c.key_id)?;
        required("provider_config.topic", &c.topic)?;
    }
    max_len("provider_config.key_id", &c.key_id, MAX_KEY_LEN)?;
    max_len("provider_config.topic", &c.topic, MAX_KEY_LEN)?;
    max_len("provider_config.account_id", &c.account_id, MAX_KEY_LEN)?;
    max_len("provider_config.sender", &c.sender, MAX_KEY_LEN)?;
    check_secret_ref(&c.secret_ref).map_err(|e| Error::invalid("provider_config.secret_ref", e))?;
    if !(c.rate_per_second.is_finite() && c.rate_per_second >= 0.0) {
        return Err(Error::invalid(
            "provider_config.rate_per_second",
            "must be 0 (unlimited) or more",
        ));
    }
    if c.burst < 0 {
        return Err(Error::invalid(
            "provider_config.burst",
            "must not be negative",
        ));
    }
    if !(0..=100).contains(&c.max_attempts) {
        return Err(Error::invalid(
            "provider_config.max_attempts",
            "must be 0..100",
        ));
    }
    let timeout_ms = match &c.timeout {
        None => 0,
        Some(d) if d.seconds >= 0 && d.nanos >= 0 && d.seconds <= 600 => {
            d.seconds * 1000 + i64::from(d.nanos / 1_000_000)
        }
        Some(_) => {
            return Err(Error::invalid(
                "provider_config.timeout",
                "must be between 0 and 600 seconds",
            ));
        }
    };
    Ok(ProviderConfig {
        kind,
        base_url: c.base_url,
        account_id: c.account_id,
        sender: c.sender,
        secret_ref: c.secret_ref,
        rate_per_second: c.rate_per_second,
        burst: i64::from(c.burst),
        max_attempts: i64::from(c.max_attempts),
        timeout_ms,
        update_ms: 0,
        key_id: c.key_id,
        topic: c.topic,
    })
}

/// The event stream of `WatchDeliveries`: stored events first (history or after a
/// cursor), then live ones; a subscriber that falls behind catches up from SQL.
fn watch(
    gateway: Arc<Gateway>,
    ws: WorkspaceId,
    req: pb::WatchDeliveriesRequest,
) -> impl Stream<Item = Result<pb::WatchDeliveriesResponse, Status>> + Send {
    let (tx, rx) = tokio::sync::mpsc::channel(256);
    let matches = {
        let ws = ws.clone();
        let customer = req.customer_id.clone();
        let message = req.message_id.clone();
        move |w: &WorkspaceId, e: &DeliveryEvent| {
            *w == ws
                && (customer.is_empty() || e.customer_id == customer)
                && (message.is_empty() || e.message_id.as_str() == message)
        }
    };
    tokio::spawn(async move {
        // Subscribe before reading SQL so nothing falls between the two.
        let mut live = gateway.subscribe();
        let mut seen: HashSet<String> = HashSet::new();
        let replay = req.include_history || !req.after_event_id.is_empty();
        let mut cursor = req.after_event_id.clone();
        let send = |e: &DeliveryEvent| pb::WatchDeliveriesResponse {
            event: Some(event_to_proto(e)),
        };
        if replay {
            match gateway
                .store()
                .list_events(&ws, &req.customer_id, &req.message_id, &cursor, MAX_REPLAY)
                .await
            {
                Ok(events) => {
                    for e in events {
                        cursor = e.event_id.to_string();
                        seen.insert(cursor.clone());
                        if tx.send(Ok(send(&e))).await.is_err() {
                            return;
                        }
                    }
                }
                Err(e) => {
                    let _ = tx.send(Err(Status::from(e))).await;
                    return;
                }
            }
        }
        loop {
            let received = tokio::select! {
                r = live.recv() => r,
                () = tx.closed() => return,
            };
            match received {
                Ok((w, e)) => {
                    if !matches(&w, &e) || seen.remove(e.event_id.as_str()) {
                        continue;
                    }
                    if tx.send(Ok(send(&e))).await.is_err() {
                        return;
                    }
                }
                Err(RecvError::Lagged(_)) => {
                    let _ = tx
                        .send(Err(Status::resource_exhausted(
                            "watcher fell behind; reconnect with after_event_id set to the last event seen",
                        )))
                        .await;
                    return;
                }
                Err(RecvError::Closed) => return,
            }
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
}

fn required(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    Ok(())
}

fn max_len(field: &str, value: &str, max: usize) -> Result<(), Error> {
    if value.len() > max {
        return Err(Error::invalid(
            field,
            format!("must be at most {max} bytes"),
        ));
    }
    Ok(())
}

fn page_size(requested: i32) -> Result<u32, Error> {
    match u32::try_from(requested) {
        Err(_) => Err(Error::invalid("page_size", "must not be negative")),
        Ok(0) => Ok(DEFAULT_PAGE_SIZE),
        Ok(n) => Ok(n.min(MAX_PAGE_SIZE)),
    }
}

/// Page tokens are the last message id of the previous page.
fn page_token(token: &str) -> Result<Option<&str>, Error> {
    if token.is_empty() {
        return Ok(None);
    }
    if !token.starts_with("msg_") || token.len() > MAX_KEY_LEN {
        return Err(Error::invalid(
            "page_token",
            "is not a token from ListMessages",
        ));
    }
    Ok(Some(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(err: Error) -> String {
        match err {
            Error::InvalidArgument { field, .. } => field,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn create_template_names_missing_fields() {
        let ok = pb::Template {
            display_name: "Welcome".into(),
            channel: omni_proto::common::v1::DeliveryChannel::Email as i32,
            subject: "Hi".into(),
            body: "Hello".into(),
            ..Default::default()
        };
        let req = |t: Option<pb::Template>| pb::CreateTemplateRequest {
            template: t,
            idempotency_key: String::new(),
        };
        assert_eq!(
            field_of(validate_create_template(req(None)).expect_err("x")),
            "template"
        );
        let mut t = ok.clone();
        t.channel = 0;
        assert_eq!(
            field_of(validate_create_template(req(Some(t))).expect_err("x")),
            "template.channel"
        );
        let mut t = ok.clone();
        t.subject.clear();
        assert_eq!(
            field_of(validate_create_template(req(Some(t))).expect_err("x")),
            "template.subject"
        );
        let (new, key) = validate_create_template(req(Some(ok))).expect("valid");
        assert_eq!(new.channel, Channel::Email);
        assert!(key.is_none());
    }

    #[test]
    fn page_size_defaults_and_caps() {
        assert_eq!(page_size(0).expect("default"), 100);
        assert_eq!(page_size(5000).expect("capped"), 1000);
        assert!(page_size(-1).is_err());
        assert!(page_token("nope").is_err());
        assert_eq!(page_token("").expect("empty"), None);
    }
}
