//! The `omni.decisioning.v1.DecisioningService` gRPC handlers: authenticate, validate,
//! call the domain layer, convert.

use std::sync::Arc;

use omni_common::auth::caller;
use omni_common::convert::struct_to_json;
use omni_proto::decisioning::v1 as pb;
use omni_proto::decisioning::v1::decisioning_service_server::DecisioningService;
use tonic::{Request, Response, Status};

use crate::catalog::Catalog;
use crate::convert;
use crate::decide::Decider;
use crate::error::Error;
use crate::offer::OfferId;

/// The gRPC service.
pub struct DecisioningApi {
    catalog: Arc<Catalog>,
    decider: Decider,
}

impl DecisioningApi {
    /// Handlers over the shared catalogue and the decider.
    pub fn new(catalog: Arc<Catalog>, decider: Decider) -> Self {
        Self { catalog, decider }
    }
}

#[tonic::async_trait]
impl DecisioningService for DecisioningApi {
    async fn create_offer(
        &self,
        request: Request<pb::CreateOfferRequest>,
    ) -> Result<Response<pb::CreateOfferResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let new = convert::new_offer(req.offer)?;
        let offer = self
            .catalog
            .create(
                &caller.workspace,
                new,
                convert::optional(&req.idempotency_key),
            )
            .await?;
        Ok(Response::new(pb::CreateOfferResponse {
            offer: Some(convert::offer_to_proto(&offer)),
        }))
    }

    async fn get_offer(
        &self,
        request: Request<pb::GetOfferRequest>,
    ) -> Result<Response<pb::GetOfferResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = convert::optional(&req.offer_id)
            .ok_or_else(|| Error::invalid("offer_id", "is required"))?;
        let offer = self
            .catalog
            .get(&caller.workspace, &OfferId::new(id))
            .await?;
        Ok(Response::new(pb::GetOfferResponse {
            offer: Some(convert::offer_to_proto(&offer)),
        }))
    }

    async fn decide(
        &self,
        request: Request<pb::DecideRequest>,
    ) -> Result<Response<pb::DecideResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let customer = convert::optional(&req.customer_id)
            .ok_or_else(|| Error::invalid("customer_id", "is required"))?;
        let context = req.context.as_ref().map(struct_to_json).unwrap_or_default();
        let decision = self
            .decider
            .decide(&caller.workspace, customer, &context)
            .await?;
        Ok(Response::new(convert::decision_to_proto(&decision)))
    }
}
