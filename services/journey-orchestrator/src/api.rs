//! The `omni.journey.v1.JourneyService` gRPC handlers: authenticate, validate, call the
//! store, convert.

use std::sync::Arc;

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
use crate::model::{JourneyId, JourneyState, RunId};
use crate::runner::Runner;
use crate::store::{NewJourney, Store};
use crate::validate;

/// The journey service implementation.
#[derive(Clone)]
pub struct JourneyApi {
    store: Store,
    runner: Arc<Runner>,
    profiles: ProfileStore,
    clock: SharedClock,
}

impl JourneyApi {
    /// Serves journeys and runs from the runner's store, starting enrolled runs with
    /// `runner` and checking enrolled customers against `profiles`.
    pub fn new(runner: Arc<Runner>, profiles: ProfileStore, clock: SharedClock) -> Self {
        Self {
            store: runner.store().clone(),
            runner,
            profiles,
            clock,
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
        };
        let created = self.store.create_journey(&caller.workspace, new).await?;
        tracing::info!(workspace = %caller.workspace, journey_id = %created.journey_id, "journey created");
        Ok(Response::new(pb::CreateJourneyResponse {
            journey: Some(convert::journey_to_proto(&created)),
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
        let journey = self
            .store
            .publish(
                &caller.workspace,
                &JourneyId::new(req.journey_id),
                self.clock.now_ms(),
            )
            .await?;
        tracing::info!(workspace = %caller.workspace, journey_id = %journey.journey_id, version = journey.published_version, "journey published");
        Ok(Response::new(pb::PublishJourneyResponse {
            journey: Some(convert::journey_to_proto(&journey)),
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
        Ok(Response::new(pb::GetRunResponse {
            run: Some(convert::run_to_proto(&run)),
        }))
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
        let journey = self
            .store
            .get_journey(ws, &journey_id)
            .await?
            .ok_or_else(|| not_found("journey", &req.journey_id))?;
        if journey.state == JourneyState::Paused {
            return Err(Error::WrongState {
                journey_id: req.journey_id.clone(),
                state: JourneyState::Paused.as_str(),
                wanted: JourneyState::Published.as_str(),
            }
            .into());
        }
        let version = self
            .store
            .published_version(ws, &journey_id)
            .await?
            .ok_or_else(|| Error::NotPublished(req.journey_id.clone()))?;
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
        let duplicate = started.is_none();
        // Read back what is stored: a new run may already have advanced past its entry.
        let run = self
            .store
            .find_run(ws, &journey_id, &entry_key, &customer)
            .await?
            .ok_or_else(|| Error::Corrupt(format!("enrolled run for `{entry_key}` vanished")))?;
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
        Ok(convert::journey_to_proto(&journey))
    }
}
