//! Push through FCM HTTP v1: `POST /v1/projects/{project}/messages:send` with a bearer
//! token and `{"message": {"token", "notification": {"title", "body"}, "data"}}`.
//! An `UNREGISTERED` answer (or an `INVALID_ARGUMENT` about the registration token)
//! means the token is dead: the gateway retires it and never uses it again.
//!
//! The bearer token comes from the provider's secret reference; minting it from a
//! service account (OAuth 2.0 JWT grant) is left to whatever refreshes that secret.

use async_trait::async_trait;
use serde_json::{Value, json};

use crate::provider::{
    Accepted, FailureKind, IDEMPOTENCY_HEADER, Outgoing, Provider, ProviderError, classify_status,
    json_body, retry_after, transport_error,
};

/// Sends push notifications through FCM HTTP v1.
#[derive(Clone)]
pub struct FcmProvider {
    client: reqwest::Client,
    url: String,
    access_token: String,
}

impl std::fmt::Debug for FcmProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FcmProvider")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl FcmProvider {
    /// A provider for `project` at `base_url` (e.g. `https://fcm.googleapis.com`).
    pub fn new(
        client: reqwest::Client,
        base_url: &str,
        project: &str,
        access_token: String,
    ) -> Self {
        Self {
            client,
            url: format!(
                "{}/v1/projects/{project}/messages:send",
                base_url.trim_end_matches('/')
            ),
            access_token,
        }
    }
}

/// The request body for one message.
pub fn request_body(m: &Outgoing) -> Value {
    json!({
        "message": {
            "token": m.to,
            "notification": {"title": m.subject, "body": m.body},
            "data": {"omni_message_id": m.message_id},
        }
    })
}

/// Whether an FCM error body says the registration token is dead.
pub fn is_invalid_token(body: &Value) -> bool {
    let error = &body["error"];
    let codes: Vec<&str> = error["details"]
        .as_array()
        .map(|details| {
            details
                .iter()
                .filter_map(|d| d["errorCode"].as_str())
                .collect()
        })
        .unwrap_or_default();
    if codes.contains(&"UNREGISTERED") {
        return true;
    }
    let status = error["status"].as_str().unwrap_or_default();
    let message = error["message"].as_str().unwrap_or_default();
    (status == "INVALID_ARGUMENT" || codes.contains(&"INVALID_ARGUMENT"))
        && message.to_ascii_lowercase().contains("registration token")
}

#[async_trait]
impl Provider for FcmProvider {
    async fn send(&self, m: &Outgoing) -> Result<Accepted, ProviderError> {
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(&self.access_token)
            .header(IDEMPOTENCY_HEADER, &m.message_id)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(request_body(m).to_string())
            .send()
            .await
            .map_err(|e| transport_error("fcm", &e))?;
        let status = response.status();
        let wait = retry_after(response.headers());
        let body = json_body(response).await;
        if status.is_success() {
            return Ok(Accepted {
                provider_message_id: body["name"].as_str().unwrap_or_default().to_owned(),
            });
        }
        let message = format!(
            "fcm: HTTP {} {}: {}",
            status.as_u16(),
            body["error"]["status"].as_str().unwrap_or_default(),
            body["error"]["message"]
                .as_str()
                .unwrap_or("no error message")
        );
        if is_invalid_token(&body) {
            return Err(ProviderError {
                message,
                kind: FailureKind::InvalidToken,
            });
        }
        Err(classify_status(status, wait, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unregistered_and_bad_tokens_are_recognised() {
        let unregistered = json!({"error": {"code": 404, "status": "NOT_FOUND", "message": "Requested entity was not found.",
            "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}});
        assert!(is_invalid_token(&unregistered));
        let bad = json!({"error": {"code": 400, "status": "INVALID_ARGUMENT",
            "message": "The registration token is not a valid FCM registration token"}});
        assert!(is_invalid_token(&bad));
        let other = json!({"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "Invalid JSON payload"}});
        assert!(!is_invalid_token(&other));
        let body = request_body(&Outgoing {
            message_id: "msg_1".into(),
            to: "tok".into(),
            subject: "Hi".into(),
            body: "There".into(),
            ..Default::default()
        });
        assert_eq!(body["message"]["token"], "tok");
        assert_eq!(body["message"]["notification"]["title"], "Hi");
        assert_eq!(body["message"]["data"]["omni_message_id"], "msg_1");
    }
}
