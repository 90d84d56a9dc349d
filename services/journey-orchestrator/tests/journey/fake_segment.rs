//! Fake segment service: `GetSegment` (ids starting `seg_missing` do not exist) and
//! `ListMembers` streaming the members set per segment; nothing else is used.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use omni_proto::segment::v1 as seg;
use omni_proto::segment::v1::segment_service_server::SegmentService;
use tonic::{Request, Response, Status};

/// Fake segment service.
#[derive(Clone, Default)]
pub struct FakeSegment {
    /// Members by segment id.
    pub members: Arc<Mutex<BTreeMap<String, Vec<String>>>>,
    /// `ListMembers` calls.
    pub list_calls: Arc<Mutex<usize>>,
}

type Stream<T> = std::pin::Pin<Box<dyn tokio_stream::Stream<Item = Result<T, Status>> + Send>>;

#[tonic::async_trait]
impl SegmentService for FakeSegment {
    type ListMembersStream = Stream<seg::ListMembersResponse>;
    type WatchMembershipStream = Stream<seg::WatchMembershipResponse>;

    async fn get_segment(
        &self,
        request: Request<seg::GetSegmentRequest>,
    ) -> Result<Response<seg::GetSegmentResponse>, Status> {
        let id = request.into_inner().segment_id;
        if id.starts_with("seg_missing") {
            return Err(Status::not_found(format!("segment `{id}` not found")));
        }
        Ok(Response::new(seg::GetSegmentResponse::default()))
    }

    async fn list_members(
        &self,
        request: Request<seg::ListMembersRequest>,
    ) -> Result<Response<Self::ListMembersStream>, Status> {
        *self.list_calls.lock().expect("lock") += 1;
        let id = request.into_inner().segment_id;
        let Some(members) = self.members.lock().expect("lock").get(&id).cloned() else {
            return Err(Status::not_found(format!("segment `{id}` not found")));
        };
        // Two members per message, to exercise the stream.
        let batches: Vec<Result<seg::ListMembersResponse, Status>> = members
            .chunks(2)
            .map(|c| {
                Ok(seg::ListMembersResponse {
                    members: c
                        .iter()
                        .map(|m| seg::Member {
                            customer_id: m.clone(),
                            enter_time: None,
                        })
                        .collect(),
                })
            })
            .collect();
        Ok(Response::new(Box::pin(tokio_stream::iter(batches))))
    }

    async fn watch_membership(
        &self,
        _: Request<seg::WatchMembershipRequest>,
    ) -> Result<Response<Self::WatchMembershipStream>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn create_segment(
        &self,
        _: Request<seg::CreateSegmentRequest>,
    ) -> Result<Response<seg::CreateSegmentResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_memberships(
        &self,
        _: Request<seg::GetMembershipsRequest>,
    ) -> Result<Response<seg::GetMembershipsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn update_segment(
        &self,
        _: Request<seg::UpdateSegmentRequest>,
    ) -> Result<Response<seg::UpdateSegmentResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_segments(
        &self,
        _: Request<seg::ListSegmentsRequest>,
    ) -> Result<Response<seg::ListSegmentsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_segment_versions(
        &self,
        _: Request<seg::ListSegmentVersionsRequest>,
    ) -> Result<Response<seg::ListSegmentVersionsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn create_computed_trait(
        &self,
        _: Request<seg::CreateComputedTraitRequest>,
    ) -> Result<Response<seg::CreateComputedTraitResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_computed_trait(
        &self,
        _: Request<seg::GetComputedTraitRequest>,
    ) -> Result<Response<seg::GetComputedTraitResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_computed_traits(
        &self,
        _: Request<seg::ListComputedTraitsRequest>,
    ) -> Result<Response<seg::ListComputedTraitsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_computed_trait_values(
        &self,
        _: Request<seg::GetComputedTraitValuesRequest>,
    ) -> Result<Response<seg::GetComputedTraitValuesResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_segment_size_history(
        &self,
        _: Request<seg::GetSegmentSizeHistoryRequest>,
    ) -> Result<Response<seg::GetSegmentSizeHistoryResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn preview_segment(
        &self,
        _: Request<seg::PreviewSegmentRequest>,
    ) -> Result<Response<seg::PreviewSegmentResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn recompute_segment(
        &self,
        _: Request<seg::RecomputeSegmentRequest>,
    ) -> Result<Response<seg::RecomputeSegmentResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_recompute(
        &self,
        _: Request<seg::GetRecomputeRequest>,
    ) -> Result<Response<seg::GetRecomputeResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_lifecycle_settings(
        &self,
        _: Request<seg::GetLifecycleSettingsRequest>,
    ) -> Result<Response<seg::GetLifecycleSettingsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn update_lifecycle_settings(
        &self,
        _: Request<seg::UpdateLifecycleSettingsRequest>,
    ) -> Result<Response<seg::UpdateLifecycleSettingsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_customer_builtins(
        &self,
        _: Request<seg::GetCustomerBuiltinsRequest>,
    ) -> Result<Response<seg::GetCustomerBuiltinsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn refresh_rfm(
        &self,
        _: Request<seg::RefreshRfmRequest>,
    ) -> Result<Response<seg::RefreshRfmResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_rfm_model(
        &self,
        _: Request<seg::GetRfmModelRequest>,
    ) -> Result<Response<seg::GetRfmModelResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }
}
