//! A local FCM HTTP v1 endpoint: `POST /v1/projects/{project}/messages:send` with
//! `Authorization: Bearer <token>` and `{"message": {"token", "notification", "data"}}`;
//! `200 {"name": "projects/{project}/messages/<id>"}` on success. Tokens marked
//! unregistered get FCM's `404 NOT_FOUND` with an `UNREGISTERED` error code.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use super::http::{Answer, Fault, Handler, HttpRequest, RecordedRequest, Server, Shared};

/// One push message the server accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct PushMessage {
    /// Message name assigned by the server.
    pub name: String,
    /// Registration token.
    pub token: String,
    /// Notification title.
    pub title: String,
    /// Notification body.
    pub body: String,
    /// The `data` map.
    pub data: Value,
    /// The `Idempotency-Key` header, if sent.
    pub idempotency_key: Option<String>,
}

/// The local FCM endpoint; stops when dropped.
pub struct FcmServer {
    /// Address it listens on.
    pub addr: SocketAddr,
    /// Project id it serves.
    pub project: String,
    /// Bearer token it accepts.
    pub access_token: String,
    shared: Arc<Shared<PushMessage>>,
    unregistered: Arc<Mutex<HashSet<String>>>,
    _server: Server,
}

impl std::fmt::Debug for FcmServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FcmServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

fn fcm_error(code: u16, status: &str, message: &str, error_code: Option<&str>) -> Value {
    let mut error = json!({"code": code, "message": message, "status": status});
    if let Some(ec) = error_code {
        error["details"] = json!([{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": ec}]);
    }
    json!({"error": error})
}

fn fault_body(code: u16) -> Value {
    match code {
        429 => fcm_error(
            429,
            "RESOURCE_EXHAUSTED",
            "Quota exceeded.",
            Some("QUOTA_EXCEEDED"),
        ),
        503 => fcm_error(
            503,
            "UNAVAILABLE",
            "The service is currently unavailable.",
            Some("UNAVAILABLE"),
        ),
        c => fcm_error(
            c,
            "INTERNAL",
            "Internal error encountered.",
            Some("INTERNAL"),
        ),
    }
}

impl FcmServer {
    /// Starts a server for `project` accepting bearer `access_token`.
    pub async fn start(project: &str, access_token: &str) -> anyhow::Result<Self> {
        let shared = Shared::new();
        let unregistered = Arc::new(Mutex::new(HashSet::new()));
        let counter = Arc::new(AtomicU64::new(0));
        let expected_path = format!("/v1/projects/{project}/messages:send");
        let expected_auth = format!("Bearer {access_token}");
        let project_name = project.to_owned();
        let state = shared.clone();
        let dead = unregistered.clone();
        let handler: Handler = Arc::new(move |req: HttpRequest| {
            let state = state.clone();
            let dead = dead.clone();
            let counter = counter.clone();
            let expected_path = expected_path.clone();
            let expected_auth = expected_auth.clone();
            let project = project_name.clone();
            Box::pin(async move {
                if req.method != "POST" || req.path != expected_path {
                    return Answer::json(
                        404,
                        fcm_error(404, "NOT_FOUND", "Requested entity was not found.", None),
                    );
                }
                if req.header("authorization") != Some(expected_auth.as_str()) {
                    return Answer::json(
                        401,
                        fcm_error(
                            401,
                            "UNAUTHENTICATED",
                            "Request had invalid authentication credentials.",
                            Some("THIRD_PARTY_AUTH_ERROR"),
                        ),
                    );
                }
                let key = req.header("idempotency-key").map(str::to_owned);
                if let Some(first) = state.answer_for(key.as_deref()) {
                    return Answer::json(200, first);
                }
                let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
                    return Answer::json(
                        400,
                        fcm_error(
                            400,
                            "INVALID_ARGUMENT",
                            "Invalid JSON payload received.",
                            None,
                        ),
                    );
                };
                let message = &body["message"];
                let Some(token) = message["token"].as_str().filter(|t| !t.is_empty()) else {
                    return Answer::json(
                        400,
                        fcm_error(
                            400,
                            "INVALID_ARGUMENT",
                            "Request contains an invalid argument: a message target is required.",
                            Some("INVALID_ARGUMENT"),
                        ),
                    );
                };
                let is_dead = dead
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .contains(token);
                if is_dead {
                    return Answer::json(
                        404,
                        fcm_error(
                            404,
                            "NOT_FOUND",
                            "Requested entity was not found.",
                            Some("UNREGISTERED"),
                        ),
                    );
                }
                let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
                let name = format!("projects/{project}/messages/0:{n}");
                let answer = json!({"name": name});
                state.accept(
                    key.as_deref(),
                    PushMessage {
                        name,
                        token: token.to_owned(),
                        title: message["notification"]["title"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                        body: message["notification"]["body"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                        data: message["data"].clone(),
                        idempotency_key: key.clone(),
                    },
                    &answer,
                );
                Answer::json(200, answer)
            })
        });
        let server = Server::start(shared.clone(), fault_body, handler).await?;
        Ok(Self {
            addr: server.addr,
            project: project.to_owned(),
            access_token: access_token.to_owned(),
            shared,
            unregistered,
            _server: server,
        })
    }

    /// The base URL to configure as the provider URL.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// From now on, `token` is answered with `UNREGISTERED`.
    pub fn unregister(&self, token: &str) {
        self.unregistered
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(token.to_owned());
    }

    /// Injects `fault` into the next `times` requests.
    pub fn fail_next(&self, times: usize, fault: Fault) {
        self.shared.fail_next(times, fault);
    }

    /// Injects `fault` into every request until called with `None`.
    pub fn fail_always(&self, fault: Option<Fault>) {
        self.shared.fail_always(fault);
    }

    /// Messages accepted.
    pub fn messages(&self) -> Vec<PushMessage> {
        self.shared.accepted()
    }

    /// Every request received.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// Waits until at least `n` messages were accepted.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> anyhow::Result<Vec<PushMessage>> {
        self.shared.wait_for(n, timeout).await
    }
}
