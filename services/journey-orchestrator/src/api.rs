//! The `omni.journey.v1.JourneyService` gRPC handlers: authenticate, validate, call the
//! store, convert.

use std::sync::Arc;

use omni_bus::audit::Change;
use omni_common::auth::caller;
use omni_common::clock::SharedClock;
use omni_common::convert::struct_to_json;
use omni_common::ids::CustomerId;
use omni_profile_store::ProfileStore;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::journey_service_server::JourneyService;
use tonic::{Request, Response, Status};

use crate::convert;
use crate::entry;
use crate::error::Error;
use crate::model::{JourneyId, JourneyState, RunId, RunState};
use crate::runner::{Runner, Signal};
use crate::simulate;
use crate::store::{DraftEdit, EntryVersion, NewJourney, Store};
use crate::validate;

mod review;

/// The journey service implementation.
#[derive(Clone)]
pub struct JourneyApi {
    store: Store,
    runner: Arc<Runner>,
    profiles: ProfileStore,
    clock: SharedClock,
    bus: omni_bus::Bus,
}

impl JourneyApi {
    /// Serves journeys and runs from the runner's store, starting enrolled runs with
    /// `runner` and checking enrolled customers against `profiles`; changes are
    /// recorded for the audit log on `bus`.
    pub fn new(
        runner: Arc<Runner>,
        profiles: ProfileStore,
        clock: SharedClock,
        bus: omni_bus::Bus,
    ) -> Self {
        Self {
            store: runner.store().clone(),
            runner,
            profiles,
            clock,
            bus,
        }
    }
}

/// Prefix of the entry key of runs started by `EnrollCustomer`, so they can never
/// collide with runs started by an event id.
const ENROLMENT_PREFIX: &str = "enrol:";

fn not_found(kind: &'static str, id: &str) -> Error {
    Error::NotFound {
        kind,
        id: id.to_owned(),
    }
}

#[tonic::async_trait]
impl JourneyService for JourneyApi {
    async fn create_journey(
        &self,
        request: Request<pb::CreateJourneyRequest>,
    ) -> Result<Response<pb::CreateJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::create_journey(&req)?;
        let journey = req
            .journey
            .as_ref()
            .ok_or_else(|| Error::invalid("journey", "is required"))?;
        let new = NewJourney {
            display_name: journey.display_name.trim().to_owned(),
            graph: convert::graph_from_proto(journey)?,
            idempotency_key: (!req.idempotency_key.is_empty()).then(|| req.idempotency_key.clone()),
            now_ms: self.clock.now_ms(),
            generated: journey.generated,
            editor_key_id: caller.key_id.clone(),
        };
        let created = self.store.create_journey(&caller.workspace, new).await?;
        tracing::info!(workspace = %caller.workspace, journey_id = %created.journey_id, "journey created");
        let proto = convert::journey_to_proto(&created);
        Change::new(
            "journey",
            "journey.created",
            "journey",
            created.journey_id.to_string(),
        )
        .after_proto(&proto)
        .publish(&self.bus, &caller)
        .await;
        Ok(Response::new(pb::CreateJourneyResponse {
            journey: Some(proto),
        }))
    }

    async fn update_journey_draft(
        &self,
        request: Request<pb::UpdateJourneyDraftRequest>,
    ) -> Result<Response<pb::UpdateJourneyDraftResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let journey = req
            .journey
            .as_ref()
            .ok_or_else(|| Error::invalid("journey", "is required"))?;
        validate::required("journey.journey_id", &journey.journey_id)?;
        validate::journey(Some(journey))?;
        let graph = convert::graph_from_proto(journey)?;
        let id = JourneyId::new(journey.journey_id.clone());
        let before = self.store.get_journey(&caller.workspace, &id).await?;
        let updated = self
            .store
            .update_draft(
                &caller.workspace,
                &id,
                DraftEdit {
                    display_name: journey.display_name.trim(),
                    graph: &graph,
                    generated: journey.generated,
                    editor_key_id: &caller.key_id,
                },
                self.clock.now_ms(),
            )
            .await?;
        if let Some(before) = &before {
            self.record_edit(&caller, before, &updated).await;
        }
        tracing::info!(workspace = %caller.workspace, journey_id = %updated.journey_id, "journey draft updated");
        let proto = convert::journey_to_proto(&updated);
        let mut change = Change::new(
            "journey",
            "journey.draft_updated",
            "journey",
            updated.journey_id.to_string(),
        )
        .after_proto(&proto);
        if let Some(before) = &before {
            change = change.before_proto(&convert::journey_to_proto(before));
        }
        change.publish(&self.bus, &caller).await;
        Ok(Response::new(pb::UpdateJourneyDraftResponse {
            journey: Some(proto),
        }))
    }

    async fn get_journey(
        &self,
        request: Request<pb::GetJourneyRequest>,
    ) -> Result<Response<pb::GetJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", &req.journey_id)?;
        let journey = self
            .store
            .get_journey(&caller.workspace, &JourneyId::new(req.journey_id.clone()))
            .await?
            .ok_or_else(|| not_found("journey", &req.journey_id))?;
        Ok(Response::new(pb::GetJourneyResponse {
            journey: Some(convert::journey_to_proto(&journey)),
        }))
    }

    async fn publish_journey(
        &self,
        request: Request<pb::PublishJourneyRequest>,
    ) -> Result<Response<pb::PublishJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", &req.journey_id)?;
        let id = JourneyId::new(req.journey_id.clone());
        let before = self
            .store
            .get_journey(&caller.workspace, &id)
            .await
            .ok()
            .flatten();
        let settings = self.store.review_settings(&caller.workspace).await?;
        let journey = self
            .store
            .publish(
                &caller.workspace,
                &JourneyId::new(req.journey_id),
                settings.require_review,
                &(&caller).into(),
                self.clock.now_ms(),
            )
            .await?;
        tracing::info!(workspace = %caller.workspace, journey_id = %journey.journey_id, version = journey.published_version, "journey published");
        let proto = convert::journey_to_proto(&journey);
        self.audit(&caller, "journey.published", before.as_ref(), &proto)
            .await;
        Ok(Response::new(pb::PublishJourneyResponse {
            journey: Some(proto),
        }))
    }

    async fn get_run(
        &self,
        request: Request<pb::GetRunRequest>,
    ) -> Result<Response<pb::GetRunResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("run_id", &req.run_id)?;
        let run = self
            .store
            .get_run(&caller.workspace, &RunId::new(req.run_id.clone()))
            .await?
            .ok_or_else(|| not_found("run", &req.run_id))?;
        let steps = self.store.steps(&caller.workspace, &run.run_id).await?;
        let mut out = convert::run_to_proto(&run);
        out.steps = steps.iter().map(convert::step_to_proto).collect();
        Ok(Response::new(pb::GetRunResponse { run: Some(out) }))
    }

    async fn list_runs(
        &self,
        request: Request<pb::ListRunsRequest>,
    ) -> Result<Response<pb::ListRunsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let page_size = validate::list_runs(&req)?;
        let customer =
            (!req.customer_id.is_empty()).then(|| CustomerId::new(req.customer_id.clone()));
        let after = (!req.page_token.is_empty()).then(|| RunId::new(req.page_token.clone()));
        let mut runs = self
            .store
            .list_runs(
                &caller.workspace,
                &JourneyId::new(req.journey_id),
                customer.as_ref(),
                convert::run_state_from_proto(req.state),
                after.as_ref(),
                page_size + 1,
            )
            .await?;
        let more = runs.len() > page_size;
        runs.truncate(page_size);
        let next_page_token = match runs.last() {
            Some(last) if more => last.run_id.to_string(),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListRunsResponse {
            runs: runs.iter().map(convert::run_to_proto).collect(),
            next_page_token,
        }))
    }

    async fn enroll_customer(
        &self,
        request: Request<pb::EnrollCustomerRequest>,
    ) -> Result<Response<pb::EnrollCustomerResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", &req.journey_id)?;
        validate::required("customer_id", &req.customer_id)?;
        validate::required("idempotency_key", &req.idempotency_key)?;
        let ws = &caller.workspace;
        let journey_id = JourneyId::new(req.journey_id.clone());
        let (state, published) = self
            .store
            .journey_state(ws, &journey_id)
            .await?
            .ok_or_else(|| not_found("journey", &req.journey_id))?;
        if matches!(state, JourneyState::Paused | JourneyState::Stopped) {
            return Err(Error::WrongState {
                journey_id: req.journey_id.clone(),
                state: state.as_str(),
                wanted: JourneyState::Published.as_str(),
            }
            .into());
        }
        let graph = match published {
            0 => None,
            v => self.runner.graph(ws, &journey_id, v).await?,
        }
        .ok_or_else(|| Error::NotPublished(req.journey_id.clone()))?;
        let version = EntryVersion {
            journey_id: journey_id.clone(),
            version: published,
            graph: (*graph).clone(),
        };
        let profile = self
            .profiles
            .get(ws.as_str(), &req.customer_id)
            .await
            .map_err(Error::from)?
            .ok_or_else(|| not_found("customer", &req.customer_id))?;
        let customer = CustomerId::new(profile.customer_id);
        let entry_key = format!("{ENROLMENT_PREFIX}{}", req.idempotency_key);
        let mut context = serde_json::Map::new();
        if let Some(extra) = &req.context {
            context.insert(
                "enrolment".to_owned(),
                serde_json::Value::Object(struct_to_json(extra)),
            );
        }
        let started = entry::start_run(
            &self.runner,
            ws,
            &version,
            customer.clone(),
            entry_key.clone(),
            context,
        )
        .await?;
        let (duplicate, stored) = match started {
            // A run stored waiting (or ended) is answered as written; one that was
            // advanced after the commit is read back below.
            entry::Started::Run(run) if run.state != RunState::Active => (false, Some(*run)),
            entry::Started::Run(_) => (false, None),
            entry::Started::Duplicate => (true, None),
            entry::Started::Refused(reason) => {
                return Err(Status::failed_precondition(format!(
                    "customer_id: not enrolled in journey `{}`: {reason}",
                    req.journey_id
                )));
            }
        };
        let run = match stored {
            Some(run) => run,
            None => self
                .store
                .find_run(ws, &journey_id, &entry_key, &customer)
                .await?
                .ok_or_else(|| {
                    Error::Corrupt(format!("enrolled run for `{entry_key}` vanished"))
                })?,
        };
        tracing::info!(workspace = %ws, journey_id = %journey_id, run_id = %run.run_id, duplicate, "customer enrolled");
        Ok(Response::new(pb::EnrollCustomerResponse {
            run: Some(convert::run_to_proto(&run)),
            duplicate,
        }))
    }

    async fn pause_journey(
        &self,
        request: Request<pb::PauseJourneyRequest>,
    ) -> Result<Response<pb::PauseJourneyResponse>, Status> {
        let journey = self
            .transition(request, JourneyState::Published, JourneyState::Paused)
            .await?;
        Ok(Response::new(pb::PauseJourneyResponse {
            journey: Some(journey),
        }))
    }

    async fn stop_journey(
        &self,
        request: Request<pb::StopJourneyRequest>,
    ) -> Result<Response<pb::StopJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", &req.journey_id)?;
        let ws = &caller.workspace;
        let journey_id = JourneyId::new(req.journey_id.clone());
        let now = self.clock.now_ms();
        let mut result = self
            .store
            .transition(
                ws,
                &journey_id,
                JourneyState::Published,
                JourneyState::Stopped,
                now,
            )
            .await;
        if let Err(Error::WrongState { state, .. }) = &result {
            result = match *state {
                "PAUSED" => {
                    self.store
                        .transition(
                            ws,
                            &journey_id,
                            JourneyState::Paused,
                            JourneyState::Stopped,
                            now,
                        )
                        .await
                }
                "STOPPED" => self
                    .store
                    .get_journey(ws, &journey_id)
                    .await?
                    .ok_or_else(|| not_found("journey", &req.journey_id)),
                _ => result,
            };
        }
        let journey = result?;
        let mut exited = 0;
        for run_id in self.store.live_run_ids(ws, &journey_id).await? {
            let signal = Signal {
                kind: "exit".into(),
                reason: "stopped".into(),
                node_id: String::new(),
                seq: 0,
                event: serde_json::Value::Null,
            };
            if entry::deliver(&self.runner, ws, &run_id, &signal).await? {
                exited += 1;
            }
        }
        tracing::info!(workspace = %ws, journey_id = %journey_id, exited, "journey stopped");
        let proto = convert::journey_to_proto(&journey);
        Change::new(
            "journey",
            "journey.stopped",
            "journey",
            journey_id.to_string(),
        )
        .after_proto(&proto)
        .publish(&self.bus, &caller)
        .await;
        Ok(Response::new(pb::StopJourneyResponse {
            journey: Some(proto),
            exited_runs: exited,
        }))
    }

    async fn validate_journey(
        &self,
        request: Request<pb::ValidateJourneyRequest>,
    ) -> Result<Response<pb::ValidateJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let journey = req
            .journey
            .as_ref()
            .ok_or_else(|| Error::invalid("journey", "is required"))?;
        let mut problems = validate::problems(journey);
        problems.extend(self.reference_problems(&caller.workspace, journey).await);
        Ok(Response::new(pb::ValidateJourneyResponse {
            valid: problems.is_empty(),
            problems: problems.iter().map(validate::Problem::to_proto).collect(),
        }))
    }

    async fn get_journey_stats(
        &self,
        request: Request<pb::GetJourneyStatsRequest>,
    ) -> Result<Response<pb::GetJourneyStatsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", &req.journey_id)?;
        if req.version < 0 {
            return Err(Error::invalid("version", "must not be negative").into());
        }
        let ws = &caller.workspace;
        let journey_id = JourneyId::new(req.journey_id.clone());
        let journey = self
            .store
            .get_journey(ws, &journey_id)
            .await?
            .ok_or_else(|| not_found("journey", &req.journey_id))?;
        let raw = self.store.stats(ws, &journey_id, req.version).await?;
        let rate = |conv: i64, runs: i64| {
            if runs > 0 {
                conv as f64 / runs as f64
            } else {
                0.0
            }
        };
        let mut order: Vec<String> = journey
            .graph
            .nodes
            .iter()
            .map(|n| n.node_id.clone())
            .collect();
        for id in raw.nodes.keys() {
            if !order.contains(id) {
                order.push(id.clone());
            }
        }
        let nodes = order
            .iter()
            .map(|id| {
                let n = raw.nodes.get(id).cloned().unwrap_or_default();
                pb::NodeStats {
                    node_id: id.clone(),
                    entered: n.entered,
                    waiting: n.waiting,
                    completed: n.completed,
                    errored: n.errored,
                    exited: n.exited,
                }
            })
            .collect();
        let branches = raw
            .branches
            .iter()
            .map(|(node, branch, runs, conv)| pb::BranchStats {
                node_id: node.clone(),
                branch: branch.clone(),
                runs: *runs,
                conversions: *conv,
                conversion_rate: rate(*conv, *runs),
            })
            .collect();
        Ok(Response::new(pb::GetJourneyStatsResponse {
            nodes,
            branches,
            runs: raw.runs,
            conversions: raw.conversions,
            conversion_rate: rate(raw.conversions, raw.runs),
        }))
    }

    async fn simulate_journey(
        &self,
        request: Request<pb::SimulateJourneyRequest>,
    ) -> Result<Response<pb::SimulateJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let ws = &caller.workspace;
        validate::required("journey_id", &req.journey_id)?;
        let journey_id = JourneyId::new(req.journey_id.clone());
        let graph = match req.version {
            v if v < 0 => return Err(Error::invalid("version", "must not be negative").into()),
            0 => {
                self.store
                    .get_journey(ws, &journey_id)
                    .await?
                    .ok_or_else(|| not_found("journey", &req.journey_id))?
                    .graph
            }
            v => self
                .store
                .version_graph(ws, &journey_id, v)
                .await?
                .ok_or_else(|| not_found("journey version", &format!("{}@{v}", req.journey_id)))?,
        };
        let profile = req.profile.clone().unwrap_or_default();
        let horizon_ms = match &req.horizon {
            None => simulate::MAX_HORIZON_MS,
            Some(d) => match convert::duration_ms(d) {
                Some(ms) if ms > 0 => ms.min(simulate::MAX_HORIZON_MS),
                _ => return Err(Error::invalid("horizon", "must be a positive duration").into()),
            },
        };
        if req.events.len() > 1000 {
            return Err(Error::invalid("events", "must hold at most 1000 events").into());
        }
        let mut events = Vec::with_capacity(req.events.len());
        for (i, e) in req.events.iter().enumerate() {
            let after_ms = match e.after.as_ref().map(convert::duration_ms) {
                None => 0,
                Some(Some(ms)) if ms >= 0 => ms,
                Some(_) => {
                    return Err(Error::invalid(
                        format!("events[{i}].after"),
                        "must be a non-negative duration",
                    )
                    .into());
                }
            };
            if e.r#type.is_empty() {
                return Err(
                    Error::invalid(format!("events[{i}].type"), "must not be empty").into(),
                );
            }
            events.push(simulate::ScriptedEvent {
                after_ms,
                event_type: e.r#type.clone(),
                properties: e
                    .properties
                    .as_ref()
                    .map(struct_to_json)
                    .unwrap_or_default(),
            });
        }
        let mut context = serde_json::Map::new();
        if let Some(extra) = &req.context {
            context.insert(
                "enrolment".into(),
                serde_json::Value::Object(struct_to_json(extra)),
            );
        }
        let input = simulate::SimInput {
            workspace: ws.to_string(),
            journey_id: journey_id.to_string(),
            graph,
            customer_id: profile.customer_id.clone(),
            bindings: crate::logic::Bindings {
                traits: profile
                    .traits
                    .as_ref()
                    .map(struct_to_json)
                    .unwrap_or_default(),
                computed: profile
                    .computed
                    .as_ref()
                    .map(struct_to_json)
                    .unwrap_or_default(),
                segments: profile.segments.clone(),
            },
            context,
            events,
            start_ms: req
                .start_time
                .as_ref()
                .map_or_else(|| self.clock.now_ms(), omni_common::convert::from_timestamp),
            horizon_ms,
        };
        let out = simulate::simulate(self.runner.rules(), &input);
        Ok(Response::new(pb::SimulateJourneyResponse {
            steps: out.steps.iter().map(convert::step_to_proto).collect(),
            path: out.path,
            state: convert::run_state_to_proto(out.state) as i32,
            messages: out
                .messages
                .iter()
                .map(|m| pb::SimulatedMessage {
                    node_id: m.node_id.clone(),
                    channel: m.channel.map_or(0, |c| convert::channel_to_proto(c) as i32),
                    template_id: m.template_id.clone(),
                    idempotency_key: m.idempotency_key.clone(),
                    time: Some(omni_common::convert::to_timestamp(m.time_ms)),
                })
                .collect(),
            decisions: out.decisions,
            end_reason: out.end_reason,
        }))
    }

    async fn submit_journey_for_review(
        &self,
        request: Request<pb::SubmitJourneyForReviewRequest>,
    ) -> Result<Response<pb::SubmitJourneyForReviewResponse>, Status> {
        self.submit(request).await
    }

    async fn approve_journey(
        &self,
        request: Request<pb::ApproveJourneyRequest>,
    ) -> Result<Response<pb::ApproveJourneyResponse>, Status> {
        self.approve(request).await
    }

    async fn reject_journey(
        &self,
        request: Request<pb::RejectJourneyRequest>,
    ) -> Result<Response<pb::RejectJourneyResponse>, Status> {
        self.reject(request).await
    }

    async fn get_journey_review(
        &self,
        request: Request<pb::GetJourneyReviewRequest>,
    ) -> Result<Response<pb::GetJourneyReviewResponse>, Status> {
        self.review(request).await
    }

    async fn list_journey_reviews(
        &self,
        request: Request<pb::ListJourneyReviewsRequest>,
    ) -> Result<Response<pb::ListJourneyReviewsResponse>, Status> {
        self.list_reviews(request).await
    }

    async fn get_journey_review_settings(
        &self,
        request: Request<pb::GetJourneyReviewSettingsRequest>,
    ) -> Result<Response<pb::GetJourneyReviewSettingsResponse>, Status> {
        self.get_review_settings(request).await
    }

    async fn update_journey_review_settings(
        &self,
        request: Request<pb::UpdateJourneyReviewSettingsRequest>,
    ) -> Result<Response<pb::UpdateJourneyReviewSettingsResponse>, Status> {
        self.update_review_settings(request).await
    }

    async fn resume_journey(
        &self,
        request: Request<pb::ResumeJourneyRequest>,
    ) -> Result<Response<pb::ResumeJourneyResponse>, Status> {
        let journey = self
            .transition(request, JourneyState::Paused, JourneyState::Published)
            .await?;
        Ok(Response::new(pb::ResumeJourneyResponse {
            journey: Some(journey),
        }))
    }
}

/// A request naming one journey.
trait JourneyRequest {
    fn journey_id(&self) -> &str;
}

impl JourneyRequest for pb::PauseJourneyRequest {
    fn journey_id(&self) -> &str {
        &self.journey_id
    }
}

impl JourneyRequest for pb::ResumeJourneyRequest {
    fn journey_id(&self) -> &str {
        &self.journey_id
    }
}

impl JourneyApi {
    /// Problems with the resources a journey names that their owners' contracts can
    /// check: templates (channel-gateway `GetTemplate`), segments (segment
    /// `GetSegment`) and experiments (decisioning `GetExperiment`). Only NOT_FOUND is a
    /// problem; an unreachable service is logged and its references are not checked.
    async fn reference_problems(
        &self,
        ws: &omni_common::ids::WorkspaceId,
        journey: &pb::Journey,
    ) -> Vec<validate::Problem> {
        use omni_proto::journey::v1::node::Kind;
        let clients = self.runner.clients();
        let mut out = Vec::new();
        let mut problem = |node: &str, field: String, message: String| {
            out.push(validate::Problem {
                node_id: node.to_owned(),
                field,
                message,
                line: 0,
                column: 0,
            });
        };
        let missing = |status: &Status, what: &str| -> bool {
            if status.code() == tonic::Code::NotFound {
                return true;
            }
            tracing::info!(what, error = %status, "reference not checked: service unavailable");
            false
        };
        let mut segments: Vec<(String, String, String)> = Vec::new();
        if let Some(s) = &journey.settings
            && !s.exit_segment_id.is_empty()
        {
            segments.push((
                String::new(),
                "journey.settings.exit_segment_id".into(),
                s.exit_segment_id.clone(),
            ));
        }
        for (i, node) in journey.nodes.iter().enumerate() {
            let path = format!("journey.nodes[{i}]");
            match &node.kind {
                Some(Kind::Send(s)) if !s.template_id.is_empty() => {
                    let req = omni_proto::channel::v1::GetTemplateRequest {
                        template_id: s.template_id.clone(),
                    };
                    if let Err(status) = clients.channel(ws).get_template(req).await
                        && missing(&status, "template")
                    {
                        problem(
                            &node.node_id,
                            format!("{path}.send.template_id"),
                            format!("unknown template `{}`", s.template_id),
                        );
                    }
                }
                Some(Kind::Entry(pb::EntryNode {
                    schedule: Some(sc), ..
                })) if !sc.segment_id.is_empty() => segments.push((
                    node.node_id.clone(),
                    format!("{path}.entry.schedule.segment_id"),
                    sc.segment_id.clone(),
                )),
                Some(Kind::Entry(e)) if !e.segment_id.is_empty() => segments.push((
                    node.node_id.clone(),
                    format!("{path}.entry.segment_id"),
                    e.segment_id.clone(),
                )),
                Some(Kind::Split(s)) if !s.experiment_id.is_empty() => {
                    let req = omni_proto::decisioning::v1::GetExperimentRequest {
                        experiment_id: s.experiment_id.clone(),
                    };
                    match clients.decisioning(ws).get_experiment(req).await {
                        Ok(resp) => {
                            let arms: Vec<String> = resp
                                .into_inner()
                                .experiment
                                .map(|e| e.arms.into_iter().map(|a| a.arm_id).collect())
                                .unwrap_or_default();
                            for (a, arm) in s.arms.iter().enumerate() {
                                if !arms.contains(&arm.name) {
                                    problem(
                                        &node.node_id,
                                        format!("{path}.split.arms[{a}].name"),
                                        format!(
                                            "experiment `{}` has no arm `{}`",
                                            s.experiment_id, arm.name
                                        ),
                                    );
                                }
                            }
                        }
                        Err(status) if missing(&status, "experiment") => problem(
                            &node.node_id,
                            format!("{path}.split.experiment_id"),
                            format!("unknown experiment `{}`", s.experiment_id),
                        ),
                        Err(_) => {}
                    }
                }
                _ => {}
            }
        }
        for (node, field, segment_id) in segments {
            let req = omni_proto::segment::v1::GetSegmentRequest {
                segment_id: segment_id.clone(),
                version: 0,
            };
            if let Err(status) = clients.segment(ws).get_segment(req).await
                && missing(&status, "segment")
            {
                problem(&node, field, format!("unknown segment `{segment_id}`"));
            }
        }
        out
    }

    /// Pause and resume: moves the named journey from `from` to `to`.
    async fn transition<R: JourneyRequest>(
        &self,
        request: Request<R>,
        from: JourneyState,
        to: JourneyState,
    ) -> Result<pb::Journey, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", req.journey_id())?;
        let id = JourneyId::new(req.journey_id());
        let before = self
            .store
            .get_journey(&caller.workspace, &id)
            .await
            .ok()
            .flatten();
        let journey = self
            .store
            .transition(
                &caller.workspace,
                &JourneyId::new(req.journey_id()),
                from,
                to,
                self.clock.now_ms(),
            )
            .await?;
        tracing::info!(workspace = %caller.workspace, journey_id = %journey.journey_id, state = journey.state.as_str(), "journey state changed");
        let proto = convert::journey_to_proto(&journey);
        let action = if to == JourneyState::Paused {
            "journey.paused"
        } else {
            "journey.resumed"
        };
        self.audit(&caller, action, before.as_ref(), &proto).await;
        Ok(proto)
    }

    /// Records a journey change for the audit log.
    async fn audit(
        &self,
        caller: &omni_common::auth::Caller,
        action: &str,
        before: Option<&crate::model::Journey>,
        after: &pb::Journey,
    ) {
        let mut change = Change::new("journey", action, "journey", after.journey_id.clone());
        if let Some(before) = before {
            change = change.before_proto(&convert::journey_to_proto(before));
        }
        change.after_proto(after).publish(&self.bus, caller).await;
    }
}
