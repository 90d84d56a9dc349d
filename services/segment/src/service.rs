//! The `omni.segment.v1.SegmentService` gRPC handlers: authenticate, validate, call the
//! domain layer, convert.

use std::sync::Arc;

use omni_common::auth::caller;
use omni_profile_store::ProfileStore;
use omni_proto::segment::v1 as pb;
use omni_proto::segment::v1::segment_service_server::SegmentService;
use tonic::{Request, Response, Status};

use crate::catalog::Catalog;
use crate::convert;
use crate::error::Error;
use crate::segment::SegmentId;

/// The gRPC service.
pub struct SegmentApi {
    catalog: Arc<Catalog>,
    profiles: ProfileStore,
}

impl SegmentApi {
    /// Handlers over the shared catalog and the live profile store.
    pub fn new(catalog: Arc<Catalog>, profiles: ProfileStore) -> Self {
        Self { catalog, profiles }
    }
}

#[tonic::async_trait]
impl SegmentService for SegmentApi {
    async fn create_segment(
        &self,
        request: Request<pb::CreateSegmentRequest>,
    ) -> Result<Response<pb::CreateSegmentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let new = convert::new_segment(req.segment)?;
        let segment = self
            .catalog
            .create(
                &caller.workspace,
                new,
                convert::optional(&req.idempotency_key),
            )
            .await?;
        Ok(Response::new(pb::CreateSegmentResponse {
            segment: Some(convert::segment_to_proto(&segment)),
        }))
    }

    async fn get_segment(
        &self,
        request: Request<pb::GetSegmentRequest>,
    ) -> Result<Response<pb::GetSegmentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = convert::optional(&req.segment_id)
            .ok_or_else(|| Error::invalid("segment_id", "is required"))?;
        let segment = self
            .catalog
            .get(&caller.workspace, &SegmentId::new(id))
            .await?;
        Ok(Response::new(pb::GetSegmentResponse {
            segment: Some(convert::segment_to_proto(&segment)),
        }))
    }

    async fn get_memberships(
        &self,
        request: Request<pb::GetMembershipsRequest>,
    ) -> Result<Response<pb::GetMembershipsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let customer = convert::optional(&req.customer_id)
            .ok_or_else(|| Error::invalid("customer_id", "is required"))?;
        let ws = &caller.workspace;
        let customer = self
            .profiles
            .resolve_alias(ws.as_str(), customer)
            .await
            .map_err(Error::from)?;
        let memberships = self
            .profiles
            .memberships(ws.as_str(), &customer)
            .await
            .map_err(Error::from)?;
        let segments = self.catalog.compiled_with(ws, memberships.keys()).await?;
        let memberships = memberships
            .iter()
            .map(|(id, entered_ms)| {
                let name = segments
                    .get(id)
                    .map_or("", |s| s.segment.display_name.as_str());
                convert::membership_to_proto(id, name, *entered_ms)
            })
            .collect();
        Ok(Response::new(pb::GetMembershipsResponse { memberships }))
    }
}
