//! The `omni.channel.v1.ChannelService` handlers: authenticate, validate (naming the
//! exact field), call the domain layer, convert.

use std::pin::Pin;
use std::sync::Arc;

use omni_bus::audit::Change;
use omni_common::auth::caller;
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_server::ChannelService;
use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use crate::convert::coupon_to_proto;
use crate::convert::{
    channel_from_proto, list_reason_from_proto, message_to_proto, optional_channel,
    policy_from_proto, policy_to_proto, provider_to_proto, sample_from_proto, status_from_proto,
    suppression_to_proto, timestamp_ms,
};
use crate::coupons::NewCoupon;
use crate::delivery::{Gateway, PreviewCommand};
use crate::error::Error;
use crate::records::{Channel, SuppressionEntry, Template, TemplateId};
use crate::store::MessageFilter;

mod review;
mod validate;
mod watch;

use validate::{
    max_len, page_size, page_token, required, validate_create_template, validate_provider,
    validate_send, validate_template,
};
use watch::watch;

/// Longest locale tag.
pub(super) const MAX_LOCALE_LEN: usize = 35;
/// Most variants per template.
pub(super) const MAX_VARIANTS: usize = 64;
/// Most events replayed before a watch goes live.
pub(super) const MAX_REPLAY: u32 = 10_000;

/// Longest idempotency key, page token or id accepted.
pub(super) const MAX_KEY_LEN: usize = 256;
/// Longest template display name.
pub(super) const MAX_NAME_LEN: usize = 200;
/// Largest template source (subject or body).
pub(super) const MAX_SOURCE_LEN: usize = 256 * 1024;
/// `ListMessages` page size when none is given.
pub(super) const DEFAULT_PAGE_SIZE: u32 = 100;
/// Largest `ListMessages` page.
pub(super) const MAX_PAGE_SIZE: u32 = 1000;

/// The gRPC face of the [`Gateway`].
#[derive(Clone, Debug)]
pub struct ChannelApi {
    gateway: Arc<Gateway>,
    bus: omni_bus::Bus,
}

impl ChannelApi {
    /// Serves `gateway`; template and provider changes are recorded on `bus` for the
    /// audit log.
    pub fn new(gateway: Arc<Gateway>, bus: omni_bus::Bus) -> Self {
        Self { gateway, bus }
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
        let version = self
            .gateway
            .create_template(
                &caller.workspace,
                new,
                key.as_deref(),
                &crate::review::Actor::from(&caller),
            )
            .await?;
        let proto = review::version_to_proto(&version);
        Change::new(
            "channel",
            "template.created",
            "template",
            proto.template_id.clone(),
        )
        .after_proto(&proto)
        .publish(&self.bus, &caller)
        .await;
        Ok(Response::new(pb::CreateTemplateResponse {
            template: Some(proto),
        }))
    }

    async fn get_template(
        &self,
        request: Request<pb::GetTemplateRequest>,
    ) -> Result<Response<pb::GetTemplateResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("template_id", &req.template_id)?;
        max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
        let version = self
            .gateway
            .get_version(&caller.workspace, &req.template_id, 0)
            .await?;
        Ok(Response::new(pb::GetTemplateResponse {
            template: Some(review::version_to_proto(&version)),
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
                    published_version: 0,
                }
            }
            (None, false) => {
                max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
                if req.version < 0 {
                    return Err(Error::invalid(
                        "version",
                        "must be 0 (newest) or a version number",
                    )
                    .into());
                }
                self.gateway
                    .get_version(&caller.workspace, &req.template_id, req.version)
                    .await?
                    .template
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
        let channel = config.kind.channel();
        let before = self
            .gateway
            .get_provider_by_id(&caller.workspace, channel, &config.provider_id)
            .await
            .ok();
        let (config, resolved) = self
            .gateway
            .update_provider(&caller.workspace, config)
            .await?;
        let proto = provider_to_proto(&config, resolved);
        let mut change = Change::new("channel", "provider.updated", "provider", channel.as_str());
        if let Some((old, old_resolved)) = &before {
            change = change.before_proto(&provider_to_proto(old, *old_resolved));
        }
        change.after_proto(&proto).publish(&self.bus, &caller).await;
        Ok(Response::new(pb::UpdateProviderConfigResponse {
            provider_config: Some(proto),
        }))
    }

    async fn get_provider_config(
        &self,
        request: Request<pb::GetProviderConfigRequest>,
    ) -> Result<Response<pb::GetProviderConfigResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let channel = channel_from_proto(req.channel, "channel")?;
        max_len("provider_id", &req.provider_id, MAX_KEY_LEN)?;
        let (config, resolved) = self
            .gateway
            .get_provider_by_id(&caller.workspace, channel, &req.provider_id)
            .await?;
        Ok(Response::new(pb::GetProviderConfigResponse {
            provider_config: Some(provider_to_proto(&config, resolved)),
        }))
    }

    async fn list_provider_configs(
        &self,
        request: Request<pb::ListProviderConfigsRequest>,
    ) -> Result<Response<pb::ListProviderConfigsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let channel = channel_from_proto(req.channel, "channel")?;
        let configs = self
            .gateway
            .list_providers(&caller.workspace, channel)
            .await?;
        Ok(Response::new(pb::ListProviderConfigsResponse {
            provider_configs: configs
                .iter()
                .map(|(c, resolved)| provider_to_proto(c, *resolved))
                .collect(),
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
        let existed = self
            .gateway
            .find_suppression(&caller.workspace, channel, &s.address)
            .await?
            .is_some();
        let created = !existed;
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
        let proto = suppression_to_proto(&entry);
        if created {
            Change::new(
                "channel",
                "suppression.created",
                "suppression",
                format!("{}/{}", entry.channel, entry.address),
            )
            .after_proto(&proto)
            .publish(&self.bus, &caller)
            .await;
        }
        Ok(Response::new(pb::CreateSuppressionResponse {
            suppression: Some(proto),
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
        let before = self
            .gateway
            .find_suppression(&caller.workspace, channel, &req.address)
            .await?;
        self.gateway
            .delete_suppression(&caller.workspace, channel, &req.address)
            .await?;
        if let Some(before) = before {
            Change::new(
                "channel",
                "suppression.deleted",
                "suppression",
                format!("{}/{}", before.channel, before.address),
            )
            .before_proto(&suppression_to_proto(&before))
            .publish(&self.bus, &caller)
            .await;
        }
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
        let before = self
            .gateway
            .store()
            .get_policy(&caller.workspace)
            .await?
            .unwrap_or_default();
        let policy = self
            .gateway
            .update_policy(&caller.workspace, policy)
            .await?;
        let proto = policy_to_proto(&policy);
        Change::new(
            "channel",
            "send_policy.updated",
            "send_policy",
            caller.workspace.to_string(),
        )
        .before_proto(&policy_to_proto(&before))
        .after_proto(&proto)
        .publish(&self.bus, &caller)
        .await;
        Ok(Response::new(pb::UpdateSendPolicyResponse {
            policy: Some(proto),
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

    async fn update_template(
        &self,
        request: Request<pb::UpdateTemplateRequest>,
    ) -> Result<Response<pb::UpdateTemplateResponse>, Status> {
        self.do_update_template(request).await
    }

    async fn submit_template_for_review(
        &self,
        request: Request<pb::SubmitTemplateForReviewRequest>,
    ) -> Result<Response<pb::SubmitTemplateForReviewResponse>, Status> {
        self.do_submit(request).await
    }

    async fn approve_template(
        &self,
        request: Request<pb::ApproveTemplateRequest>,
    ) -> Result<Response<pb::ApproveTemplateResponse>, Status> {
        self.do_approve(request).await
    }

    async fn reject_template(
        &self,
        request: Request<pb::RejectTemplateRequest>,
    ) -> Result<Response<pb::RejectTemplateResponse>, Status> {
        self.do_reject(request).await
    }

    async fn get_template_review(
        &self,
        request: Request<pb::GetTemplateReviewRequest>,
    ) -> Result<Response<pb::GetTemplateReviewResponse>, Status> {
        self.do_get_review(request).await
    }

    async fn list_template_reviews(
        &self,
        request: Request<pb::ListTemplateReviewsRequest>,
    ) -> Result<Response<pb::ListTemplateReviewsResponse>, Status> {
        self.do_list_reviews(request).await
    }

    async fn get_template_review_settings(
        &self,
        request: Request<pb::GetTemplateReviewSettingsRequest>,
    ) -> Result<Response<pb::GetTemplateReviewSettingsResponse>, Status> {
        self.do_get_review_settings(request).await
    }

    async fn update_template_review_settings(
        &self,
        request: Request<pb::UpdateTemplateReviewSettingsRequest>,
    ) -> Result<Response<pb::UpdateTemplateReviewSettingsResponse>, Status> {
        self.do_update_review_settings(request).await
    }
}
