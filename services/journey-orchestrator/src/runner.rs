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

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use omni_common::clock::SharedClock;
use omni_common::config::WorkerSettings;
use omni_common::ids::{CustomerId, WorkspaceId};
use omni_profile_store::ProfileStore;
use serde_json::{Map, Value as Json, json};
use tracing::Instrument;

mod clients;
mod exec;

pub use clients::{Authed, Clients};

use crate::batch::Batcher;
use crate::enrol::{NewRun, Started};
use crate::error::Error;
use crate::logic::{self, Bindings};
use crate::model::{Fact, Graph, JourneyId, NodeKind, Run, RunId, RunState, StepRecord};
use crate::steps::Save;
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
    /// Move on to `next` (empty: the run completes), recording `rec` (branch, ids,
    /// detail; time, node and outcome are filled in).
    Goto {
        /// Target node.
        next: String,
        /// The step to record.
        rec: StepRecord,
    },
    /// Wait until the given time (unix ms) at this node.
    WaitUntil(i64),
    /// A dependency failed transiently: retry this node later.
    Retry(String),
    /// A dependency failed permanently: fail the run.
    Fail(String),
    /// End the run (converted or exited) with a reason; `branch` is recorded.
    End {
        /// Converted or exited.
        state: RunState,
        /// Goal name or exit reason.
        reason: String,
        /// Branch / arm.
        branch: String,
    },
}

impl Step {
    fn goto(next: &str) -> Self {
        Self::Goto {
            next: next.to_owned(),
            rec: StepRecord::default(),
        }
    }
}

/// A pending signal of a run (see [`Store::add_signal`]).
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
pub struct Signal {
    /// `convert`, `exit` or `event`.
    pub kind: String,
    /// Goal name / exit reason.
    #[serde(default)]
    pub reason: String,
    /// For `event`: the wait-for-event node.
    #[serde(default)]
    pub node_id: String,
    /// For `event`: the run's step count when it started waiting there.
    #[serde(default)]
    pub seq: i64,
    /// For `event`: the event.
    #[serde(default)]
    pub event: Json,
}

/// Advances runs.
pub struct Runner {
    store: Store,
    enroller: Batcher<NewRun, Started>,
    saver: Batcher<Save, bool>,
    outbox_wake: Arc<tokio::sync::Notify>,
    clients: Clients,
    clock: SharedClock,
    config: RunnerConfig,
    profiles: ProfileStore,
    rules: logic::Rules,
    http: reqwest::Client,
    graphs: Mutex<HashMap<(String, String, i64), Arc<Graph>>>,
}

/// Most published versions kept decoded in memory (they are immutable).
const GRAPH_CACHE: usize = 4096;

impl Runner {
    /// A runner over `store`, calling other services through `clients` and reading
    /// profiles (traits, computed traits, segments) from `profiles`.
    pub fn new(
        store: Store,
        clients: Clients,
        clock: SharedClock,
        config: RunnerConfig,
        profiles: ProfileStore,
    ) -> Result<Self, Error> {
        let enrol_store = store.clone();
        let enroller = Batcher::spawn("enrol", crate::enrol::MAX_BATCH, 1, move |items| {
            let store = enrol_store.clone();
            async move { store.enrol(items).await }
        });
        // Saves of different runs never conflict: Postgres takes two writers, SQLite
        // (one writer at a time anyway) one.
        let writers = if store.db().get_database_backend() == sea_orm::DbBackend::Postgres {
            2
        } else {
            1
        };
        let save_store = store.clone();
        let saver = Batcher::spawn(
            "save",
            crate::steps::MAX_SAVE_BATCH,
            writers,
            move |items| {
                let store = save_store.clone();
                async move { store.save_runs(items).await }
            },
        );
        Ok(Self {
            store,
            enroller,
            saver,
            outbox_wake: Arc::new(tokio::sync::Notify::new()),
            clients,
            clock,
            config,
            profiles,
            rules: logic::Rules::default(),
            http: clients::http_client()?,
            graphs: Mutex::new(HashMap::new()),
        })
    }

    /// The CEL rules cache.
    pub fn rules(&self) -> &logic::Rules {
        &self.rules
    }

    /// The live profile store.
    pub fn profiles(&self) -> &ProfileStore {
        &self.profiles
    }

    /// The gRPC clients.
    pub fn clients(&self) -> &Clients {
        &self.clients
    }

    /// A published version's graph (cached: versions are immutable).
    pub async fn graph(
        &self,
        ws: &WorkspaceId,
        journey_id: &JourneyId,
        version: i64,
    ) -> Result<Option<Arc<Graph>>, Error> {
        let key = (ws.to_string(), journey_id.to_string(), version);
        if let Some(g) = self.graphs.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(Some(g));
        }
        let Some(graph) = self.store.version_graph(ws, journey_id, version).await? else {
            return Ok(None);
        };
        let graph = Arc::new(graph);
        if let Ok(mut m) = self.graphs.lock() {
            if m.len() >= GRAPH_CACHE {
                m.clear();
            }
            m.insert(key, graph.clone());
        }
        Ok(Some(graph))
    }

    /// The condition inputs of a customer: traits, computed traits and segments.
    pub async fn bindings(
        &self,
        ws: &WorkspaceId,
        customer: &CustomerId,
    ) -> Result<Bindings, Error> {
        let profile = self.profiles.get(ws.as_str(), customer.as_str()).await?;
        let id = profile
            .as_ref()
            .map_or_else(|| customer.to_string(), |p| p.customer_id.clone());
        let computed = self.profiles.computed(ws.as_str(), &id).await?;
        let segments = self.profiles.memberships(ws.as_str(), &id).await?;
        Ok(Bindings {
            traits: profile.map(|p| p.traits).unwrap_or_default(),
            computed: computed.into_iter().collect(),
            segments: segments.into_keys().collect(),
        })
    }

    /// A journey fact (`journey.entered` / `.converted` / `.exited`) of `run` with the
    /// deterministic id `run:<run_id>:<kind>`, to be written to the outbox with the run
    /// change that produced it (identity deduplicates a redelivery by that id).
    pub fn fact(run: &Run, kind: &str, extra: Map<String, Json>) -> Fact {
        let mut props = extra;
        props.insert("journey_id".into(), json!(run.journey_id.as_str()));
        props.insert("journey_version".into(), json!(run.journey_version));
        props.insert("run_id".into(), json!(run.run_id.as_str()));
        if let Some(arm) = run.context.get("arm") {
            props.insert("arm".into(), arm.clone());
        }
        if let Some(exp) = run.context.get("experiment_id") {
            props.insert("experiment_id".into(), exp.clone());
        }
        Fact {
            event_id: format!("run:{}:{kind}", run.run_id),
            event_type: format!("journey.{kind}"),
            properties: props,
            traits: Map::new(),
        }
    }

    /// Delay before retry number `attempt` (1-based) of a failed dependency call.
    pub fn backoff_ms(&self, attempt: i64) -> i64 {
        self.config.backoff_ms(attempt)
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The group-commit queue of new runs (see [`crate::enrol`]).
    pub fn enroller(&self) -> &Batcher<NewRun, Started> {
        &self.enroller
    }

    /// Woken when facts were committed to the outbox, so its worker delivers them
    /// without waiting for its next tick.
    pub fn outbox_wake(&self) -> &tokio::sync::Notify {
        &self.outbox_wake
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
        let Some(run) = self.store.get_run(ws, run_id).await? else {
            return Ok(Outcome::LostLease);
        };
        self.advance_run(ws, run, token).await
    }

    /// Advances a run already read (with `token` as its lease owner, as
    /// [`Store::claim_due`] returns it) until it waits, ends, fails or must retry.
    pub async fn advance_loaded(
        &self,
        ws: &WorkspaceId,
        run: Run,
        token: &str,
    ) -> Result<Outcome, Error> {
        let span = tracing::info_span!("advance_run", workspace = %ws, run_id = %run.run_id);
        self.advance_run(ws, run, token).instrument(span).await
    }

    async fn advance_run(
        &self,
        ws: &WorkspaceId,
        mut run: Run,
        token: &str,
    ) -> Result<Outcome, Error> {
        if run.lease_owner.as_deref() != Some(token) {
            return Ok(Outcome::LostLease);
        }
        let seen = run.signals.clone();
        let Some(graph) = self.graph(ws, &run.journey_id, run.journey_version).await? else {
            let message = format!(
                "journey {} version {} does not exist",
                run.journey_id, run.journey_version
            );
            self.finish(&mut run, RunState::Failed, message);
            return self.persist(ws, &mut run, token, &seen).await;
        };
        let before = run.state;
        self.apply_signals(&graph, &mut run, &seen);
        if !run.state.is_live() {
            if before.is_live() {
                self.end_fact(&mut run);
            }
            return self.persist(ws, &mut run, token, &seen).await;
        }
        // Each advance stops at a wait or the end; a cycle passes through a wait
        // (validation), so the bound only guards bugs.
        // Consecutive nodes are persisted together (one write instead of one per node)
        // when the run parks or ends, or is about to call another system (so a crash
        // during the call resumes at that node); re-executing the nodes in between after
        // a crash is safe (see the module doc), and the lease is renewed by a write at
        // least every third of its length.
        let mut seen = seen;
        let mut written_ms = self.now_ms();
        for _ in 0..=graph.nodes.len() + 1 {
            let state_before = run.state;
            self.step(ws, &graph, &mut run).await;
            if state_before.is_live() && !run.state.is_live() {
                self.end_fact(&mut run);
            }
            let keeps_going = run.state == RunState::Active && run.lease_owner.is_some();
            if keeps_going
                && !calls_out(&graph, &run)
                && self.now_ms() - written_ms < self.config.lease_ms / 3
            {
                continue;
            }
            let outcome = self.persist(ws, &mut run, token, &seen).await?;
            written_ms = self.now_ms();
            seen.clear();
            if outcome == Outcome::LostLease || !run.state.is_live() {
                return Ok(outcome);
            }
            if run.state != RunState::Active || run.lease_owner.is_none() {
                // Waiting, or parked for a retry.
                return Ok(outcome);
            }
        }
        self.finish(&mut run, RunState::Failed, "journey did not end".into());
        self.persist(ws, &mut run, token, &seen).await
    }

    /// Takes the first steps of a new run (at its entry node, `ACTIVE`) in memory, as
    /// far as they need no call to anything: the entry node itself, then a fixed wait or
    /// a wait-for-event starts waiting (so the run is stored already waiting, with its
    /// timer). Stops at the first other node, where the run stays `ACTIVE` for the lease
    /// holder to advance after the run is stored.
    pub fn pre_advance(&self, graph: &Graph, run: &mut Run) {
        for _ in 0..=graph.nodes.len() {
            if run.state != RunState::Active {
                return;
            }
            let Some(node) = graph.node(&run.current_node_id) else {
                return;
            };
            let wake_ms = match &node.kind {
                NodeKind::Entry { .. } => {
                    let (id, next) = (node.node_id.clone(), node.next_node_id.clone());
                    self.move_to(run, &id, &next, StepRecord::default());
                    continue;
                }
                NodeKind::Wait {
                    duration_ms,
                    best_send_max_ms: None,
                } => self.now_ms().saturating_add(*duration_ms),
                NodeKind::WaitForEvent { timeout_ms, .. } => {
                    self.now_ms().saturating_add(*timeout_ms)
                }
                _ => return,
            };
            let id = node.node_id.clone();
            self.start_waiting(run, &id, wake_ms);
            return;
        }
    }

    /// Parks `run` at `node_id` until `wake_ms`, recording the wait.
    fn start_waiting(&self, run: &mut Run, node_id: &str, wake_ms: i64) {
        tracing::debug!(node = %node_id, wake_ms, "waiting");
        self.record(
            run,
            node_id,
            "waiting",
            StepRecord {
                detail: format!("until {wake_ms}"),
                ..Default::default()
            },
        );
        run.state = RunState::Waiting;
        run.wake_ms = Some(wake_ms);
        run.lease_owner = None;
        run.lease_until_ms = None;
        run.attempts = 0;
        run.error.clear();
        run.update_ms = self.now_ms();
    }

    /// Adds the `journey.converted` / `journey.exited` fact of a run that just ended so
    /// (written to the outbox with the persist of that end).
    fn end_fact(&self, run: &mut Run) {
        let mut props = Map::new();
        props.insert("node_id".into(), json!(run.current_node_id));
        let fact = match run.state {
            RunState::Converted => {
                props.insert("goal".into(), json!(run.end_reason));
                Self::fact(run, "converted", props)
            }
            RunState::Exited => {
                props.insert("reason".into(), json!(run.end_reason));
                Self::fact(run, "exited", props)
            }
            _ => return,
        };
        run.new_facts.push(fact);
    }

    /// Handles the run's pending signals (goal reached, exit criteria, awaited event),
    /// highest priority first; stale ones (an event for a wait the run has left) are
    /// dropped.
    fn apply_signals(&self, graph: &Graph, run: &mut Run, raw: &str) {
        if raw.is_empty() || !run.state.is_live() {
            return;
        }
        let mut signals: Vec<Signal> = match serde_json::from_str(raw) {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(error = %e, "undecodable run signals; dropped");
                return;
            }
        };
        let rank = |k: &str| match k {
            "convert" => 0,
            "exit" => 1,
            _ => 2,
        };
        signals.sort_by_key(|s| rank(&s.kind));
        for signal in signals {
            if !run.state.is_live() {
                return;
            }
            match signal.kind.as_str() {
                "convert" => self.end(run, RunState::Converted, signal.reason, String::new()),
                "exit" => self.end(run, RunState::Exited, signal.reason, String::new()),
                "event" => {
                    if run.state != RunState::Waiting
                        || run.current_node_id != signal.node_id
                        || run.step_seq != signal.seq
                    {
                        continue;
                    }
                    let Some(node) = graph.node(&signal.node_id).cloned() else {
                        continue;
                    };
                    let NodeKind::WaitForEvent {
                        event_next_node_id, ..
                    } = &node.kind
                    else {
                        continue;
                    };
                    let waits = run
                        .context
                        .entry("events")
                        .or_insert_with(|| Json::Object(Map::new()));
                    if let Json::Object(waits) = waits {
                        waits.insert(node.node_id.clone(), signal.event.clone());
                    }
                    let rec = StepRecord {
                        branch: "event".into(),
                        detail: signal
                            .event
                            .get("event_id")
                            .and_then(Json::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                        ..Default::default()
                    };
                    tracing::debug!(node = %node.node_id, "awaited event arrived");
                    self.move_to(run, &node.node_id, event_next_node_id, rec);
                }
                other => tracing::warn!(kind = other, "unknown run signal; dropped"),
            }
        }
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
            RunState::Completed | RunState::Failed | RunState::Converted | RunState::Exited => {}
            RunState::Waiting => {
                if run.wake_ms.is_some_and(|w| w > now) {
                    // Claimed early (clock skew between replicas, or a stale signal):
                    // keep waiting.
                    run.lease_owner = None;
                    run.lease_until_ms = None;
                    run.update_ms = now;
                    return;
                }
                tracing::debug!(node = %node.node_id, "wait over");
                let (next, branch) = match &node.kind {
                    NodeKind::WaitForEvent {
                        timeout_next_node_id,
                        ..
                    } => (timeout_next_node_id.clone(), "timeout".to_owned()),
                    _ => (node.next_node_id.clone(), String::new()),
                };
                let rec = StepRecord {
                    branch,
                    ..Default::default()
                };
                self.move_to(run, &node.node_id, &next, rec);
            }
            RunState::Active => match self.execute(ws, &graph.settings, run, &node).await {
                Step::Goto { next, rec } => {
                    self.move_to(run, &node.node_id, &next, rec);
                }
                Step::WaitUntil(wake_ms) => self.start_waiting(run, &node.node_id, wake_ms),
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
                    self.record(
                        run,
                        &node.node_id,
                        "retrying",
                        StepRecord {
                            detail: error.clone(),
                            ..Default::default()
                        },
                    );
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
                Step::End {
                    state,
                    reason,
                    branch,
                } => self.end(run, state, reason, branch),
            },
        }
    }

    /// Appends a step record for `node_id` with `outcome`.
    fn record(&self, run: &mut Run, node_id: &str, outcome: &str, mut rec: StepRecord) {
        rec.time_ms = self.now_ms();
        rec.node_id = node_id.to_owned();
        rec.outcome = outcome.to_owned();
        run.new_steps.push(rec);
    }

    /// Records `node_id` as completed and moves `run` to `next`: active there, or
    /// completed when `next` is empty.
    fn move_to(&self, run: &mut Run, node_id: &str, next: &str, rec: StepRecord) {
        self.record(run, node_id, "completed", rec);
        if next.is_empty() {
            self.finish(run, RunState::Completed, String::new());
            return;
        }
        run.state = RunState::Active;
        run.current_node_id = next.to_owned();
        run.wake_ms = None;
        run.attempts = 0;
        run.error.clear();
        run.update_ms = self.now_ms();
        // Keep the lease (renewed on persist).
    }

    /// Ends a live run as converted or exited at its current node.
    fn end(&self, run: &mut Run, state: RunState, reason: String, branch: String) {
        let outcome = if state == RunState::Converted {
            "converted"
        } else {
            "exited"
        };
        let node = run.current_node_id.clone();
        self.record(
            run,
            &node,
            outcome,
            StepRecord {
                branch,
                detail: reason.clone(),
                ..Default::default()
            },
        );
        self.finish(run, state, String::new());
        run.end_reason = reason;
    }

    fn finish(&self, run: &mut Run, state: RunState, error: String) {
        match state {
            RunState::Failed => {
                tracing::warn!(%error, "run failed");
                let node = run.current_node_id.clone();
                self.record(
                    run,
                    &node,
                    "failed",
                    StepRecord {
                        detail: error.clone(),
                        ..Default::default()
                    },
                );
            }
            _ => tracing::info!(state = state.as_str(), "run finished"),
        }
        run.state = state;
        run.error = error;
        run.wake_ms = None;
        run.lease_owner = None;
        run.lease_until_ms = None;
        run.update_ms = self.now_ms();
    }

    /// Writes the run and its new steps, renewing the lease of an active run that keeps
    /// going.
    async fn persist(
        &self,
        ws: &WorkspaceId,
        run: &mut Run,
        token: &str,
        seen_signals: &str,
    ) -> Result<Outcome, Error> {
        let mut row = run.clone();
        if row.state == RunState::Active && row.lease_owner.is_some() {
            row.lease_owner = Some(token.to_owned());
            row.lease_until_ms = Some(self.lease_until());
        }
        let save = Save {
            ws: ws.clone(),
            row,
            token: token.to_owned(),
            seen_signals: seen_signals.to_owned(),
        };
        if !self.saver.submit(save).await? {
            tracing::warn!("lease lost; another worker owns the run");
            return Ok(Outcome::LostLease);
        }
        run.step_seq += i64::try_from(run.new_steps.len()).unwrap_or(0);
        run.new_steps.clear();
        if !std::mem::take(&mut run.new_facts).is_empty() {
            // Committed with the run; the outbox worker delivers them after the commit.
            self.outbox_wake.notify_one();
        }
        if run.lease_owner.is_some() {
            run.lease_owner = Some(token.to_owned());
        }
        Ok(match run.state {
            RunState::Active | RunState::Waiting => Outcome::Parked(run.state),
            state => Outcome::Finished(state),
        })
    }
}

/// The lower-case name of a channel.
pub fn channel_name(c: crate::model::Channel) -> &'static str {
    match c {
        crate::model::Channel::Email => "email",
        crate::model::Channel::Push => "push",
        crate::model::Channel::Sms => "sms",
        crate::model::Channel::Store => "store",
    }
}

/// Whether executing the node `run` is at calls another system (channel-gateway,
/// decisioning, a webhook); the run is persisted at such a node before executing it.
fn calls_out(graph: &Graph, run: &Run) -> bool {
    let Some(node) = graph.node(&run.current_node_id) else {
        return true;
    };
    match &node.kind {
        NodeKind::Send { .. } | NodeKind::Webhook { .. } | NodeKind::Decide { .. } => true,
        NodeKind::Split { experiment_id, .. } => !experiment_id.is_empty(),
        NodeKind::Wait {
            best_send_max_ms, ..
        } => best_send_max_ms.is_some(),
        _ => false,
    }
}

/// The idempotency key of the send made by `node_id` of run `run_id`.
pub fn send_key(run_id: &RunId, node_id: &str) -> String {
    format!("run:{run_id}:node:{node_id}")
}
