//! The `omni.journey.v1.JourneyService` gRPC handlers: authenticate, validate, call the
//! store, convert.

use omni_common::auth::caller;
use omni_common::clock::SharedClock;
use omni_common::ids::CustomerId;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::journey_service_server::JourneyService;
use tonic::{Request, Response, Status};

use crate::convert;
use crate::error::Error;
use crate::model::{JourneyId, RunId};
use crate::store::{NewJourney, Store};
use crate::validate;

/// The journey service implementation.
#[derive(Clone)]
pub struct JourneyApi {
    store: Store,
    clock: SharedClock,
}

impl JourneyApi {
    /// Serves journeys and runs from `store`.
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self { store, clock }
    }
}

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
}
