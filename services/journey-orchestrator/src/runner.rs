//! Advancing runs node by node.
//!
//! A run is advanced only by the holder of its lease (a per-claim token). State
//! meanings:
//! - `ACTIVE` at node N: N has not completed yet (it may have been started by a worker
//!   that crashed; re-executing it is safe: `Decide` has no side effect worth guarding
//!   and `Send` carries the idempotency key `run:<run_id>:node:<node_id>`).
//! - `WAITING` at wait node W: W's timer is running until `wake_ms`; when it is due the
//!   run moves on to W's next node.
//!
//! The run is persisted after every node, fenced on the lease token, so a crash resumes
//! at the last persisted node and a worker that lost its lease stops without writing.
//! Dependency errors are classified: transient ones (`UNAVAILABLE`, deadlines, ...)
//! keep the run `ACTIVE` at the same node with a retry time (exponential backoff) until
//! [`RunnerConfig::max_attempts`]; permanent ones (`INVALID_ARGUMENT`, `NOT_FOUND`,
//! `FAILED_PRECONDITION`, ...) fail the run with the error text.

use std::time::Duration;

use omni_common::auth::InternalAuth;
use omni_common::clock::SharedClock;
use omni_common::config::{AuthSettings, Settings, WorkerSettings};
use omni_common::convert::{json_to_struct, struct_to_json};
use omni_common::ids::WorkspaceId;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::channel::v1::{MessageStatus, RenderedOffer, SendRequest};
use omni_proto::decisioning::v1::DecideRequest;
use omni_proto::decisioning::v1::decisioning_service_client::DecisioningServiceClient;
use serde_json::{Map, Value as Json, json};
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Status};
use tracing::Instrument;

use crate::convert::channel_to_proto;
use crate::error::Error;
use crate::model::{Graph, Node, NodeKind, Run, RunId, RunState};
use crate::store::Store;

/// Timeout of one call to decisioning or channel-gateway (well under the lease).
const RPC_TIMEOUT: Duration = Duration::from_secs(10);
/// Timeout of establishing a connection to another service.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Tunables of the runner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunnerConfig {
    /// How long a claim holds a run, in ms; renewed after every node.
    pub lease_ms: i64,
    /// First retry delay after a transient error, in ms; doubles per attempt.
    pub retry_base_ms: i64,
    /// Longest retry delay, in ms.
    pub retry_max_ms: i64,
    /// Transient failures of one node after which the run fails.
    pub max_attempts: i64,
}

impl RunnerConfig {
    /// From the worker settings, with the default retry policy (1 s doubling up to
    /// 5 min, 8 attempts).
    pub fn from_settings(worker: &WorkerSettings) -> Self {
        Self {
            lease_ms: i64::try_from(worker.lease_ms).unwrap_or(i64::MAX),
            retry_base_ms: 1_000,
            retry_max_ms: 300_000,
            max_attempts: 8,
        }
    }

    /// Delay before retry number `attempt` (1-based).
    pub fn backoff_ms(&self, attempt: i64) -> i64 {
        let exp = u32::try_from(attempt.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        self.retry_base_ms
            .saturating_mul(1_i64 << exp)
            .min(self.retry_max_ms)
    }
}

/// gRPC channels to the services a run calls, with the internal-auth settings.
#[derive(Clone, Debug)]
pub struct Clients {
    decisioning: Channel,
    channel: Channel,
    auth: AuthSettings,
}

type Authed = InterceptedService<Channel, InternalAuth>;

impl Clients {
    /// Lazily-connecting channels to `settings.decisioning.url` and `settings.channel.url`.
    pub fn new(settings: &Settings) -> Result<Self, Error> {
        let lazy = |url: &str| -> Result<Channel, Error> {
            Ok(Endpoint::from_shared(url.to_owned())?
                .connect_timeout(CONNECT_TIMEOUT)
                .timeout(RPC_TIMEOUT)
                .connect_lazy())
        };
        Ok(Self {
            decisioning: lazy(&settings.decisioning.url)?,
            channel: lazy(&settings.channel.url)?,
            auth: settings.auth.clone(),
        })
    }

    fn decisioning(&self, ws: &WorkspaceId) -> DecisioningServiceClient<Authed> {
        DecisioningServiceClient::with_interceptor(
            self.decisioning.clone(),
            InternalAuth::new(&self.auth, ws),
        )
    }

    fn channel(&self, ws: &WorkspaceId) -> ChannelServiceClient<Authed> {
        ChannelServiceClient::with_interceptor(
            self.channel.clone(),
            InternalAuth::new(&self.auth, ws),
        )
    }
}

/// Where an `advance` left the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The run is waiting on a timer or a retry time.
    Parked(RunState),
    /// The run completed or failed.
    Finished(RunState),
    /// The run no longer exists or another worker holds its lease; nothing was written.
    LostLease,
}

/// What executing one node asks the run to do next.
enum Step {
    /// Move on to the node's next node.
    Next,
    /// Wait until the given time (unix ms) at this node.
    WaitUntil(i64),
    /// A dependency failed transiently: retry this node later.
    Retry(String),
    /// A dependency failed permanently: fail the run.
    Fail(String),
}

/// Advances runs.
pub struct Runner {
    store: Store,
    clients: Clients,
    clock: SharedClock,
    config: RunnerConfig,
}

impl Runner {
    /// A runner over `store`, calling other services through `clients`.
    pub fn new(store: Store, clients: Clients, clock: SharedClock, config: RunnerConfig) -> Self {
        Self {
            store,
            clients,
            clock,
            config,
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The current time, unix ms.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// A fresh lease token.
    pub fn new_token() -> String {
        uuid::Uuid::new_v4().simple().to_string()
    }

    /// When a lease taken now expires.
    pub fn lease_until(&self) -> i64 {
        self.now_ms().saturating_add(self.config.lease_ms)
    }

    /// Claims a due run for a fresh token; `None` when another worker got it first.
    pub async fn claim(&self, ws: &WorkspaceId, run_id: &RunId) -> Result<Option<String>, Error> {
        let token = Self::new_token();
        let now = self.now_ms();
        let claimed = self
            .store
            .claim(
                ws,
                run_id,
                &token,
                now,
                now.saturating_add(self.config.lease_ms),
            )
            .await?;
        Ok(claimed.then_some(token))
    }

    /// Advances a run whose lease `token` holds until it waits, ends, fails or must retry.
    pub async fn advance(
        &self,
        ws: &WorkspaceId,
        run_id: &RunId,
        token: &str,
    ) -> Result<Outcome, Error> {
        let span = tracing::info_span!("advance_run", workspace = %ws, run_id = %run_id);
        self.advance_inner(ws, run_id, token).instrument(span).await
    }

    async fn advance_inner(
        &self,
        ws: &WorkspaceId,
        run_id: &RunId,
        token: &str,
    ) -> Result<Outcome, Error> {
        let Some(mut run) = self.store.get_run(ws, run_id).await? else {
            return Ok(Outcome::LostLease);
        };
        if run.lease_owner.as_deref() != Some(token) {
            return Ok(Outcome::LostLease);
        }
        let graph = self
            .store
            .version_graph(ws, &run.journey_id, run.journey_version)
            .await?;
        let Some(graph) = graph else {
            let message = format!(
                "journey {} version {} does not exist",
                run.journey_id, run.journey_version
            );
            self.finish(&mut run, RunState::Failed, message);
            return self.persist(ws, &run, token).await;
        };
        // A linear graph visits each node at most once; the bound only guards bugs.
        for _ in 0..=graph.nodes.len() + 1 {
            self.step(ws, &graph, &mut run).await;
            let outcome = self.persist(ws, &run, token).await?;
            if run.state != RunState::Active || outcome == Outcome::LostLease {
                return Ok(outcome);
            }
            if run.lease_owner.is_none() {
                // Parked for a retry.
                return Ok(outcome);
            }
        }
        self.finish(&mut run, RunState::Failed, "journey did not end".into());
        self.persist(ws, &run, token).await
    }

    /// Performs one transition of `run` in memory.
    async fn step(&self, ws: &WorkspaceId, graph: &Graph, run: &mut Run) {
        let now = self.now_ms();
        let Some(node) = graph.node(&run.current_node_id).cloned() else {
            let message = format!(
                "node `{}` is not in journey {} version {}",
                run.current_node_id, run.journey_id, run.journey_version
            );
            self.finish(run, RunState::Failed, message);
            return;
        };
        match run.state {
            RunState::Completed | RunState::Failed => {}
            RunState::Waiting => {
                if run.wake_ms.is_some_and(|w| w > now) {
                    // Claimed early (clock skew between replicas): keep waiting.
                    run.lease_owner = None;
                    run.lease_until_ms = None;
                    run.update_ms = now;
                    return;
                }
                tracing::debug!(node = %node.node_id, "wait over");
                self.move_to_next(run, &node);
            }
            RunState::Active => match self.execute(ws, run, &node).await {
                Step::Next => self.move_to_next(run, &node),
                Step::WaitUntil(wake_ms) => {
                    tracing::debug!(node = %node.node_id, wake_ms, "waiting");
                    run.state = RunState::Waiting;
                    run.wake_ms = Some(wake_ms);
                    run.lease_owner = None;
                    run.lease_until_ms = None;
                    run.attempts = 0;
                    run.error.clear();
                    run.update_ms = now;
                }
                Step::Retry(error) => {
                    let attempts = run.attempts + 1;
                    if attempts >= self.config.max_attempts {
                        let message = format!(
                            "node `{}` failed after {attempts} attempts: {error}",
                            node.node_id
                        );
                        self.finish(run, RunState::Failed, message);
                        return;
                    }
                    let retry_at = now.saturating_add(self.config.backoff_ms(attempts));
                    tracing::warn!(node = %node.node_id, attempts, retry_at, %error, "transient failure; will retry");
                    run.attempts = attempts;
                    run.error = error;
                    run.wake_ms = Some(retry_at);
                    run.lease_owner = None;
                    run.lease_until_ms = Some(retry_at);
                    run.update_ms = now;
                }
                Step::Fail(error) => {
                    let message = format!("node `{}`: {error}", node.node_id);
                    self.finish(run, RunState::Failed, message);
                }
            },
        }
    }

    /// Moves `run` past `node`: active at the next node, or completed at the end.
    fn move_to_next(&self, run: &mut Run, node: &Node) {
        if node.next_node_id.is_empty() {
            self.finish(run, RunState::Completed, String::new());
            return;
        }
        run.state = RunState::Active;
        run.current_node_id = node.next_node_id.clone();
        run.wake_ms = None;
        run.attempts = 0;
        run.error.clear();
        run.update_ms = self.now_ms();
        // Keep the lease (renewed on persist).
    }

    fn finish(&self, run: &mut Run, state: RunState, error: String) {
        match state {
            RunState::Failed => tracing::warn!(%error, "run failed"),
            _ => tracing::info!(state = state.as_str(), "run finished"),
        }
        run.state = state;
        run.error = error;
        run.wake_ms = None;
        run.lease_owner = None;
        run.lease_until_ms = None;
        run.update_ms = self.now_ms();
    }

    /// Writes the run, renewing the lease of an active run that keeps going.
    async fn persist(&self, ws: &WorkspaceId, run: &Run, token: &str) -> Result<Outcome, Error> {
        let mut row = run.clone();
        if row.state == RunState::Active && row.lease_owner.is_some() {
            row.lease_owner = Some(token.to_owned());
            row.lease_until_ms = Some(self.lease_until());
        }
        if !self.store.save_run(ws, &row, token).await? {
            tracing::warn!("lease lost; another worker owns the run");
            return Ok(Outcome::LostLease);
        }
        Ok(match run.state {
            RunState::Completed | RunState::Failed => Outcome::Finished(run.state),
            state => Outcome::Parked(state),
        })
    }

    /// Executes the side of an active node and records its result in the run context.
    async fn execute(&self, ws: &WorkspaceId, run: &mut Run, node: &Node) -> Step {
        match &node.kind {
            NodeKind::Entry { .. } => Step::Next,
            NodeKind::Wait { duration_ms } => {
                Step::WaitUntil(self.now_ms().saturating_add(*duration_ms))
            }
            NodeKind::Decide { context } => {
                let request = DecideRequest {
                    customer_id: run.customer_id.to_string(),
                    context: Some(json_to_struct(context)),
                    ..Default::default()
                };
                match self.clients.decisioning(ws).decide(request).await {
                    Ok(resp) => {
                        let resp = resp.into_inner();
                        let offer = resp.offer.map_or(Json::Null, |o| {
                            json!({
                                "offer_id": o.offer_id,
                                "display_name": o.display_name,
                                "value": o.value,
                                "content": Json::Object(o.content.as_ref().map(struct_to_json).unwrap_or_default()),
                                "decision_id": resp.decision_id,
                            })
                        });
                        tracing::debug!(node = %node.node_id, %offer, "decided");
                        run.context.insert("offer".into(), offer);
                        Step::Next
                    }
                    Err(status) => classify("decisioning", &status),
                }
            }
            NodeKind::Send {
                channel,
                template_id,
            } => {
                let request = SendRequest {
                    idempotency_key: send_key(&run.run_id, &node.node_id),
                    customer_id: run.customer_id.to_string(),
                    channel: channel_to_proto(*channel) as i32,
                    template_id: template_id.clone(),
                    offer: rendered_offer(&run.context),
                    variables: run.context.get("event").map(|e| {
                        json_to_struct(&Map::from_iter([("event".to_owned(), e.clone())]))
                    }),
                    journey_id: run.journey_id.to_string(),
                    run_id: run.run_id.to_string(),
                    ..Default::default()
                };
                match self.clients.channel(ws).send(request).await {
                    Ok(resp) => {
                        let message = resp.into_inner().message.unwrap_or_default();
                        let status = message_status(message.status);
                        tracing::debug!(node = %node.node_id, message_id = %message.message_id, %status, "sent");
                        run.context
                            .insert("message_id".into(), json!(message.message_id));
                        run.context.insert("message_status".into(), json!(status));
                        let sends = run
                            .context
                            .entry("sends")
                            .or_insert_with(|| Json::Object(Map::new()));
                        if let Json::Object(sends) = sends {
                            sends.insert(
                                node.node_id.clone(),
                                json!({"message_id": message.message_id, "status": status}),
                            );
                        }
                        Step::Next
                    }
                    Err(status) => classify("channel-gateway", &status),
                }
            }
        }
    }
}

/// The idempotency key of the send made by `node_id` of run `run_id`.
pub fn send_key(run_id: &RunId, node_id: &str) -> String {
    format!("run:{run_id}:node:{node_id}")
}

/// The offer chosen by a previous decide node, as channel-gateway expects it.
fn rendered_offer(context: &Map<String, Json>) -> Option<RenderedOffer> {
    let offer = context.get("offer")?.as_object()?;
    let text = |k: &str| {
        offer
            .get(k)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Some(RenderedOffer {
        offer_id: text("offer_id"),
        display_name: text("display_name"),
        value: offer
            .get("value")
            .and_then(Json::as_f64)
            .unwrap_or_default(),
        content: offer
            .get("content")
            .and_then(Json::as_object)
            .map(json_to_struct),
        decision_id: text("decision_id"),
    })
}

/// The message status in lower case without its prefix (`sent`, `suppressed`,
/// `failed`, `pending`, ...), or `unknown` for a value this build does not know.
fn message_status(status: i32) -> String {
    MessageStatus::try_from(status).map_or_else(
        |_| "unknown".to_owned(),
        |s| {
            let name = s.as_str_name();
            name.strip_prefix("MESSAGE_STATUS_")
                .unwrap_or(name)
                .to_ascii_lowercase()
        },
    )
}

/// Transient codes are retried; everything else fails the run.
fn classify(service: &str, status: &Status) -> Step {
    let text = format!("{service}: {:?}: {}", status.code(), status.message());
    match status.code() {
        Code::Unavailable
        | Code::DeadlineExceeded
        | Code::ResourceExhausted
        | Code::Aborted
        | Code::Cancelled
        | Code::Internal
        | Code::Unknown => Step::Retry(text),
        Code::Ok
        | Code::InvalidArgument
        | Code::NotFound
        | Code::AlreadyExists
        | Code::PermissionDenied
        | Code::FailedPrecondition
        | Code::OutOfRange
        | Code::Unimplemented
        | Code::DataLoss
        | Code::Unauthenticated => Step::Fail(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let c = RunnerConfig {
            lease_ms: 30_000,
            retry_base_ms: 1_000,
            retry_max_ms: 5_000,
            max_attempts: 8,
        };
        assert_eq!(c.backoff_ms(1), 1_000);
        assert_eq!(c.backoff_ms(2), 2_000);
        assert_eq!(c.backoff_ms(3), 4_000);
        assert_eq!(c.backoff_ms(4), 5_000);
        assert_eq!(c.backoff_ms(1_000), 5_000);
    }

    #[test]
    fn errors_are_classified() {
        assert!(matches!(
            classify("x", &Status::unavailable("down")),
            Step::Retry(_)
        ));
        assert!(matches!(
            classify("x", &Status::deadline_exceeded("slow")),
            Step::Retry(_)
        ));
        assert!(matches!(
            classify("x", &Status::not_found("no")),
            Step::Fail(_)
        ));
        assert!(matches!(
            classify("x", &Status::invalid_argument("bad")),
            Step::Fail(e) if e.contains("bad")
        ));
        assert!(matches!(
            classify("x", &Status::failed_precondition("no")),
            Step::Fail(_)
        ));
    }

    #[test]
    fn offer_is_read_back_from_the_context() {
        let mut ctx = Map::new();
        assert!(rendered_offer(&ctx).is_none());
        ctx.insert(
            "offer".into(),
            json!({"offer_id": "o1", "display_name": "10% off", "value": 2.5,
                   "content": {"code": "TEN"}, "decision_id": "d1"}),
        );
        let o = rendered_offer(&ctx).expect("offer");
        assert_eq!(o.offer_id, "o1");
        assert_eq!(o.value, 2.5);
        assert_eq!(o.decision_id, "d1");
        assert!(o.content.is_some());
        assert_eq!(send_key(&RunId::new("run_1"), "s"), "run:run_1:node:s");
    }
}
