//! The `omni.channel.v1.ChannelService` handlers: authenticate, validate (naming the
//! exact field), call the domain layer, convert.

use std::sync::Arc;

use omni_common::auth::caller;
use omni_common::convert::struct_to_json;
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_server::ChannelService;
use tonic::{Request, Response, Status};

use crate::convert::{channel_from_proto, message_to_proto, offer_from_proto, template_to_proto};
use crate::delivery::{Gateway, NewTemplate, SendCommand};
use crate::error::Error;
use crate::records::Channel;

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
        // One extra row tells whether another page exists without a trailing empty page.
        let mut messages = self
            .gateway
            .list_messages(&caller.workspace, &req.customer_id, after, page_size + 1)
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
}

fn validate_create_template(
    req: pb::CreateTemplateRequest,
) -> Result<(NewTemplate, Option<String>), Error> {
    let t = req
        .template
        .ok_or_else(|| Error::invalid("template", "is required"))?;
    required("template.display_name", &t.display_name)?;
    max_len("template.display_name", &t.display_name, MAX_NAME_LEN)?;
    let channel = channel_from_proto(t.channel, "template.channel")?;
    if channel == Channel::Email {
        required("template.subject", &t.subject)?;
    }
    required("template.body", &t.body)?;
    max_len("template.subject", &t.subject, MAX_SOURCE_LEN)?;
    max_len("template.body", &t.body, MAX_SOURCE_LEN)?;
    max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
    let key = (!req.idempotency_key.is_empty()).then_some(req.idempotency_key);
    Ok((
        NewTemplate {
            display_name: t.display_name,
            channel,
            subject: t.subject,
            body: t.body,
        },
        key,
    ))
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
    })
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
