//! The `omni.segment.v1.SegmentService` gRPC handlers: authenticate, validate, call the
//! domain layer, convert.

use std::collections::{HashSet, VecDeque};
use std::pin::Pin;
use std::sync::Arc;

use chrono::{Duration as Days, NaiveDate};
use futures::{Stream, StreamExt as _};
use omni_bus::audit::Change;
use omni_common::auth::caller;
use omni_common::convert::to_timestamp;
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use omni_proto::segment::v1 as pb;
use omni_proto::segment::v1::segment_service_server::SegmentService;
use redis::AsyncCommands as _;
use redis::streams::{StreamReadOptions, StreamReadReply};
use tonic::{Request, Response, Status};

use crate::computed::ComputedTraitId;
use crate::convert;
use crate::engine::{Engine, day_of};
use crate::error::Error;
use crate::recompute::{RecomputeId, Recomputer};
use crate::rfm;
use crate::segment::SegmentId;
use crate::state::{Transition, changes_key};

/// A server stream of one RPC's responses.
pub type ResponseStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// Members per ListMembers response by default, and at most.
const MEMBERS_BATCH: usize = 500;
const MEMBERS_BATCH_MAX: usize = 5_000;
/// Days of size history by default, and at most.
const HISTORY_DAYS: usize = 30;
const HISTORY_DAYS_MAX: usize = 366;
/// Preview sample size by default, and at most.
const SAMPLE: usize = 10;
const SAMPLE_MAX: usize = 100;
/// How long one blocking read of the changes stream waits (ms).
const WATCH_BLOCK_MS: usize = 1_000;

/// The gRPC service.
pub struct SegmentApi {
    engine: Arc<Engine>,
    recomputer: Arc<Recomputer>,
    shutdown: CancellationToken,
}

impl SegmentApi {
    /// Handlers over the shared engine and recomputer; streams end at `shutdown`.
    pub fn new(
        engine: Arc<Engine>,
        recomputer: Arc<Recomputer>,
        shutdown: CancellationToken,
    ) -> Self {
        Self {
            engine,
            recomputer,
            shutdown,
        }
    }
}

fn required<'a>(field: &'static str, value: &'a str) -> Result<&'a str, Error> {
    convert::optional(value).ok_or_else(|| Error::invalid(field, "is required"))
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
        let (segment, created) = self
            .engine
            .catalog()
            .create(
                &caller.workspace,
                new,
                convert::optional(&req.idempotency_key),
            )
            .await?;
        // The backfill: every known customer is evaluated against the new segment.
        let recompute = if created {
            Some(self.recomputer.start(&caller.workspace, &segment).await?)
        } else {
            None
        };
        let proto = convert::segment_to_proto(&segment);
        if created {
            Change::new(
                "segment",
                "segment.created",
                "segment",
                segment.id.to_string(),
            )
            .after_proto(&proto)
            .publish(self.engine.bus(), &caller)
            .await;
        }
        Ok(Response::new(pb::CreateSegmentResponse {
            segment: Some(proto),
            recompute: recompute.as_ref().map(convert::recompute_to_proto),
        }))
    }

    async fn get_segment(
        &self,
        request: Request<pb::GetSegmentRequest>,
    ) -> Result<Response<pb::GetSegmentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = SegmentId::new(required("segment_id", &req.segment_id)?);
        if req.version < 0 {
            return Err(Error::invalid("version", "must not be negative").into());
        }
        let catalog = self.engine.catalog();
        let segment = if req.version == 0 {
            catalog.get(&caller.workspace, &id).await?
        } else {
            catalog
                .get_version(&caller.workspace, &id, req.version)
                .await?
        };
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
        let customer = required("customer_id", &req.customer_id)?;
        let ws = &caller.workspace;
        let profiles = self.engine.profiles();
        let customer = profiles
            .resolve_alias(ws.as_str(), customer)
            .await
            .map_err(Error::from)?;
        let memberships = profiles
            .memberships(ws.as_str(), &customer)
            .await
            .map_err(Error::from)?;
        let segments = self
            .engine
            .catalog()
            .compiled_with(ws, memberships.keys())
            .await?;
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

    async fn update_segment(
        &self,
        request: Request<pb::UpdateSegmentRequest>,
    ) -> Result<Response<pb::UpdateSegmentResponse>, Status> {
        let caller = caller(&request)?;
        let update = convert::segment_update(request.into_inner())?;
        let segment = self
            .engine
            .catalog()
            .update(&caller.workspace, update)
            .await?;
        let recompute = self.recomputer.start(&caller.workspace, &segment).await?;
        let proto = convert::segment_to_proto(&segment);
        let catalog = self.engine.catalog();
        let mut change = Change::new(
            "segment",
            "segment.updated",
            "segment",
            segment.id.to_string(),
        );
        if let Ok(before) = catalog
            .get_version(&caller.workspace, &segment.id, segment.version - 1)
            .await
        {
            change = change.before_proto(&convert::segment_to_proto(&before));
        }
        change
            .after_proto(&proto)
            .publish(self.engine.bus(), &caller)
            .await;
        Ok(Response::new(pb::UpdateSegmentResponse {
            segment: Some(proto),
            recompute: Some(convert::recompute_to_proto(&recompute)),
        }))
    }

    async fn list_segments(
        &self,
        request: Request<pb::ListSegmentsRequest>,
    ) -> Result<Response<pb::ListSegmentsResponse>, Status> {
        let caller = caller(&request)?;
        let segments = self
            .engine
            .catalog()
            .store()
            .list(&caller.workspace)
            .await?;
        Ok(Response::new(pb::ListSegmentsResponse {
            segments: segments.iter().map(convert::segment_to_proto).collect(),
        }))
    }

    async fn list_segment_versions(
        &self,
        request: Request<pb::ListSegmentVersionsRequest>,
    ) -> Result<Response<pb::ListSegmentVersionsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = SegmentId::new(required("segment_id", &req.segment_id)?);
        let catalog = self.engine.catalog();
        catalog.get(&caller.workspace, &id).await?;
        let versions = catalog.store().versions(&caller.workspace, &id).await?;
        Ok(Response::new(pb::ListSegmentVersionsResponse {
            versions: versions.iter().map(convert::segment_to_proto).collect(),
        }))
    }

    async fn create_computed_trait(
        &self,
        request: Request<pb::CreateComputedTraitRequest>,
    ) -> Result<Response<pb::CreateComputedTraitResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let new = convert::new_computed_trait(req.computed_trait)?;
        let created = self
            .engine
            .catalog()
            .create_trait(
                &caller.workspace,
                new,
                convert::optional(&req.idempotency_key),
            )
            .await?;
        let proto = convert::computed_trait_to_proto(&created);
        Change::new(
            "segment",
            "computed_trait.created",
            "computed_trait",
            created.id.to_string(),
        )
        .after_proto(&proto)
        .publish(self.engine.bus(), &caller)
        .await;
        Ok(Response::new(pb::CreateComputedTraitResponse {
            computed_trait: Some(proto),
        }))
    }

    async fn get_computed_trait(
        &self,
        request: Request<pb::GetComputedTraitRequest>,
    ) -> Result<Response<pb::GetComputedTraitResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = ComputedTraitId::new(required("computed_trait_id", &req.computed_trait_id)?);
        let t = self
            .engine
            .catalog()
            .get_trait(&caller.workspace, &id)
            .await?;
        Ok(Response::new(pb::GetComputedTraitResponse {
            computed_trait: Some(convert::computed_trait_to_proto(&t)),
        }))
    }

    async fn list_computed_traits(
        &self,
        request: Request<pb::ListComputedTraitsRequest>,
    ) -> Result<Response<pb::ListComputedTraitsResponse>, Status> {
        let caller = caller(&request)?;
        let traits = self
            .engine
            .catalog()
            .store()
            .list_traits(&caller.workspace)
            .await?;
        Ok(Response::new(pb::ListComputedTraitsResponse {
            computed_traits: traits
                .iter()
                .map(convert::computed_trait_to_proto)
                .collect(),
        }))
    }

    async fn get_computed_trait_values(
        &self,
        request: Request<pb::GetComputedTraitValuesRequest>,
    ) -> Result<Response<pb::GetComputedTraitValuesResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let customer = required("customer_id", &req.customer_id)?;
        let ws = &caller.workspace;
        let customer = self
            .engine
            .profiles()
            .resolve_alias(ws.as_str(), customer)
            .await
            .map_err(Error::from)?;
        let catalog = self.engine.catalog().compiled(ws).await?;
        let now_ms = self.engine.clock().now_ms();
        let (values, _) = self
            .engine
            .computed_values(ws, &customer, &catalog, now_ms)
            .await?;
        Ok(Response::new(pb::GetComputedTraitValuesResponse {
            values: Some(convert::values_to_struct(&values)),
        }))
    }

    type ListMembersStream = ResponseStream<pb::ListMembersResponse>;

    async fn list_members(
        &self,
        request: Request<pb::ListMembersRequest>,
    ) -> Result<Response<Self::ListMembersStream>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = SegmentId::new(required("segment_id", &req.segment_id)?);
        let batch = convert::bounded(
            "batch_size",
            req.batch_size,
            MEMBERS_BATCH,
            MEMBERS_BATCH_MAX,
        )?;
        let ws = caller.workspace.clone();
        self.engine.catalog().get(&ws, &id).await?;
        let engine = Arc::clone(&self.engine);
        struct Page {
            cursor: u64,
            done: bool,
            seen: HashSet<String>,
        }
        let start = Page {
            cursor: 0,
            done: false,
            seen: HashSet::new(),
        };
        let stream = futures::stream::unfold(start, move |mut page| {
            let engine = Arc::clone(&engine);
            let ws = ws.clone();
            let id = id.clone();
            async move {
                while !page.done {
                    let result =
                        members_page(&engine, &ws, &id, page.cursor, batch, &mut page.seen).await;
                    match result {
                        Ok((next, members)) => {
                            page.cursor = next;
                            page.done = next == 0;
                            if !members.is_empty() {
                                return Some((Ok(pb::ListMembersResponse { members }), page));
                            }
                        }
                        Err(e) => {
                            page.done = true;
                            return Some((Err(Status::from(e)), page));
                        }
                    }
                }
                None
            }
        });
        Ok(Response::new(Box::pin(stream)))
    }

    type WatchMembershipStream = ResponseStream<pb::WatchMembershipResponse>;

    async fn watch_membership(
        &self,
        request: Request<pb::WatchMembershipRequest>,
    ) -> Result<Response<Self::WatchMembershipStream>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let ws = caller.workspace.clone();
        let segment = convert::optional(&req.segment_id).map(str::to_owned);
        if let Some(id) = &segment {
            self.engine
                .catalog()
                .get(&ws, &SegmentId::new(id.as_str()))
                .await?;
        }
        let customer = convert::optional(&req.customer_id).map(str::to_owned);
        let cursor = match convert::optional(&req.after_cursor) {
            Some(c) if valid_cursor(c) => c.to_owned(),
            Some(_) => {
                return Err(Error::invalid(
                    "after_cursor",
                    "must be a cursor returned by WatchMembership",
                )
                .into());
            }
            None => self.engine.state().last_transition_id(ws.as_str()).await?,
        };
        let conn = self.engine.state().dedicated().await?;
        struct Watch {
            conn: redis::aio::MultiplexedConnection,
            cursor: String,
            buffer: VecDeque<pb::WatchMembershipResponse>,
            failed: bool,
        }
        let key = changes_key(ws.as_str());
        let start = Watch {
            conn,
            cursor,
            buffer: VecDeque::new(),
            failed: false,
        };
        let stream = futures::stream::unfold(start, move |mut w| {
            let key = key.clone();
            let segment = segment.clone();
            let customer = customer.clone();
            async move {
                if w.failed {
                    return None;
                }
                loop {
                    if let Some(next) = w.buffer.pop_front() {
                        return Some((Ok(next), w));
                    }
                    let options = StreamReadOptions::default()
                        .block(WATCH_BLOCK_MS)
                        .count(100);
                    let read: Result<Option<StreamReadReply>, redis::RedisError> =
                        w.conn.xread_options(&[&key], &[&w.cursor], &options).await;
                    let reply = match read {
                        Ok(reply) => reply,
                        Err(e) => {
                            w.failed = true;
                            return Some((Err(Status::from(Error::from(e))), w));
                        }
                    };
                    for entry in reply.into_iter().flat_map(|r| r.keys).flat_map(|k| k.ids) {
                        w.cursor = entry.id.clone();
                        let Some(t) = parse_transition(&entry) else {
                            continue;
                        };
                        if segment.as_ref().is_some_and(|s| *s != t.segment_id)
                            || customer.as_ref().is_some_and(|c| *c != t.customer_id)
                        {
                            continue;
                        }
                        w.buffer.push_back(pb::WatchMembershipResponse {
                            transition: Some(convert::transition_to_proto(&t)),
                            cursor: entry.id.clone(),
                        });
                    }
                }
            }
        })
        .take_until(self.shutdown.clone().cancelled_owned());
        Ok(Response::new(Box::pin(stream)))
    }

    async fn get_segment_size_history(
        &self,
        request: Request<pb::GetSegmentSizeHistoryRequest>,
    ) -> Result<Response<pb::GetSegmentSizeHistoryResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = SegmentId::new(required("segment_id", &req.segment_id)?);
        let days = convert::bounded("days", req.days, HISTORY_DAYS, HISTORY_DAYS_MAX)?;
        let ws = &caller.workspace;
        let segment = self.engine.catalog().get(ws, &id).await?;
        let state = self.engine.state();
        let history = state.size_history(ws.as_str(), id.as_str()).await?;
        let current = state.member_count(ws.as_str(), id.as_str()).await?;
        let today = parse_day(&day_of(self.engine.clock().now_ms()))?;
        let created = parse_day(&day_of(segment.create_ms))?;
        let first = (today - Days::days(days as i64 - 1)).max(created);
        let mut sizes = Vec::new();
        let mut day = first;
        while day <= today {
            let key = day.format("%Y-%m-%d").to_string();
            let size = if day == today {
                current
            } else {
                history
                    .range(..=key.clone())
                    .next_back()
                    .map_or(0, |(_, size)| *size)
            };
            sizes.push(pb::DailySize { date: key, size });
            day += Days::days(1);
        }
        Ok(Response::new(pb::GetSegmentSizeHistoryResponse { sizes }))
    }

    async fn preview_segment(
        &self,
        request: Request<pb::PreviewSegmentRequest>,
    ) -> Result<Response<pb::PreviewSegmentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let source = required("expression", &req.expression)?;
        let sample_size = convert::bounded("sample_size", req.sample_size, SAMPLE, SAMPLE_MAX)?;
        let ws = &caller.workspace;
        let catalog = self.engine.catalog().reload(ws).await?;
        let (expression, _) = catalog
            .check(source, None)
            .map_err(|source| Error::InvalidRule {
                field: "expression",
                source,
            })?;
        let now_ms = self.engine.clock().now_ms();
        let mut out = pb::PreviewSegmentResponse::default();
        let mut cursor = 0u64;
        let mut seen = HashSet::new();
        loop {
            let (next, customers) = self
                .engine
                .state()
                .scan_known(ws.as_str(), cursor, 1_000)
                .await?;
            for customer in customers {
                if !seen.insert(customer.clone()) {
                    continue;
                }
                let result = self
                    .engine
                    .preview_one(ws, &customer, &catalog, &expression, now_ms)
                    .await?;
                match result {
                    None => continue,
                    Some(Ok(true)) => {
                        out.member_count += 1;
                        if out.sample_customer_ids.len() < sample_size {
                            out.sample_customer_ids.push(customer);
                        }
                    }
                    Some(Ok(false)) => {}
                    Some(Err(_)) => out.error_count += 1,
                }
                out.evaluated_count += 1;
            }
            if next == 0 {
                break;
            }
            cursor = next;
        }
        out.sample_customer_ids.sort();
        Ok(Response::new(out))
    }

    async fn recompute_segment(
        &self,
        request: Request<pb::RecomputeSegmentRequest>,
    ) -> Result<Response<pb::RecomputeSegmentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = SegmentId::new(required("segment_id", &req.segment_id)?);
        let segment = self.engine.catalog().get(&caller.workspace, &id).await?;
        let recompute = self.recomputer.start(&caller.workspace, &segment).await?;
        Ok(Response::new(pb::RecomputeSegmentResponse {
            recompute: Some(convert::recompute_to_proto(&recompute)),
        }))
    }

    async fn get_lifecycle_settings(
        &self,
        request: Request<pb::GetLifecycleSettingsRequest>,
    ) -> Result<Response<pb::GetLifecycleSettingsResponse>, Status> {
        let caller = caller(&request)?;
        let catalog = self.engine.catalog().reload(&caller.workspace).await?;
        Ok(Response::new(pb::GetLifecycleSettingsResponse {
            settings: Some(convert::lifecycle_settings_to_proto(&catalog.settings)),
        }))
    }

    async fn update_lifecycle_settings(
        &self,
        request: Request<pb::UpdateLifecycleSettingsRequest>,
    ) -> Result<Response<pb::UpdateLifecycleSettingsResponse>, Status> {
        let caller = caller(&request)?;
        let ws = &caller.workspace;
        let req = request.into_inner();
        let current = self.engine.catalog().reload(ws).await?;
        let wanted = convert::lifecycle_settings_update(&current.settings, req)?;
        let settings = self
            .engine
            .catalog()
            .update_lifecycle_settings(ws, wanted)
            .await?;
        let recomputes = self
            .recomputer
            .start_reading_builtins(ws, &["lifecycle"])
            .await?;
        Ok(Response::new(pb::UpdateLifecycleSettingsResponse {
            settings: Some(convert::lifecycle_settings_to_proto(&settings)),
            recomputes: recomputes.iter().map(convert::recompute_to_proto).collect(),
        }))
    }

    async fn get_customer_builtins(
        &self,
        request: Request<pb::GetCustomerBuiltinsRequest>,
    ) -> Result<Response<pb::GetCustomerBuiltinsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let customer = required("customer_id", &req.customer_id)?;
        let ws = &caller.workspace;
        let profiles = self.engine.profiles();
        let customer = profiles
            .resolve_alias(ws.as_str(), customer)
            .await
            .map_err(Error::from)?;
        let profile = profiles
            .get(ws.as_str(), &customer)
            .await
            .map_err(Error::from)?
            .ok_or_else(|| Error::NotFound {
                kind: "customer",
                id: customer.clone(),
            })?;
        let catalog = self.engine.catalog().compiled(ws).await?;
        let now_ms = self.engine.clock().now_ms();
        let builtins = self
            .engine
            .builtins_of(ws, &customer, &catalog, profile.first_seen_ms, now_ms)
            .await?;
        Ok(Response::new(pb::GetCustomerBuiltinsResponse {
            builtins: Some(convert::builtins_to_proto(
                &customer,
                &builtins,
                profile.first_seen_ms,
            )),
        }))
    }

    async fn refresh_rfm(
        &self,
        request: Request<pb::RefreshRfmRequest>,
    ) -> Result<Response<pb::RefreshRfmResponse>, Status> {
        let caller = caller(&request)?;
        let (model, recomputes) = rfm::refresh_and_recompute(
            &self.engine,
            &self.recomputer,
            &caller.workspace,
            true,
            None,
        )
        .await?
        .ok_or_else(|| Error::FailedPrecondition {
            subject: "rfm",
            message: "another RFM refresh is still running".into(),
        })?;
        Ok(Response::new(pb::RefreshRfmResponse {
            model: Some(convert::rfm_model_to_proto(&model)),
            recomputes: recomputes.iter().map(convert::recompute_to_proto).collect(),
        }))
    }

    async fn get_rfm_model(
        &self,
        request: Request<pb::GetRfmModelRequest>,
    ) -> Result<Response<pb::GetRfmModelResponse>, Status> {
        let caller = caller(&request)?;
        let model = self
            .engine
            .catalog()
            .store()
            .rfm_model(&caller.workspace)
            .await?;
        Ok(Response::new(pb::GetRfmModelResponse {
            model: model.as_ref().map(convert::rfm_model_to_proto),
        }))
    }

    async fn get_recompute(
        &self,
        request: Request<pb::GetRecomputeRequest>,
    ) -> Result<Response<pb::GetRecomputeResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = RecomputeId::new(required("recompute_id", &req.recompute_id)?);
        let recompute = self.recomputer.get(&caller.workspace, &id).await?;
        Ok(Response::new(pb::GetRecomputeResponse {
            recompute: Some(convert::recompute_to_proto(&recompute)),
        }))
    }
}

/// One page of a segment's members with their entry times, skipping ids already sent.
async fn members_page(
    engine: &Engine,
    ws: &WorkspaceId,
    segment: &SegmentId,
    cursor: u64,
    batch: usize,
    seen: &mut HashSet<String>,
) -> Result<(u64, Vec<pb::Member>), Error> {
    let (next, ids) = engine
        .state()
        .scan_members(ws.as_str(), segment.as_str(), cursor, batch)
        .await?;
    let ids: Vec<String> = ids
        .into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect();
    let entered = engine
        .profiles()
        .entered_at(ws.as_str(), segment.as_str(), &ids)
        .await?;
    let members = ids
        .into_iter()
        .zip(entered)
        .filter_map(|(customer_id, at)| {
            at.map(|ms| pb::Member {
                customer_id,
                enter_time: Some(to_timestamp(ms)),
            })
        })
        .collect();
    Ok((next, members))
}

fn valid_cursor(c: &str) -> bool {
    c.split_once('-').is_some_and(|(ms, seq)| {
        !ms.is_empty()
            && !seq.is_empty()
            && ms.bytes().all(|b| b.is_ascii_digit())
            && seq.bytes().all(|b| b.is_ascii_digit())
    })
}

fn parse_day(day: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|e| Error::Corrupt(e.to_string()))
}

fn parse_transition(entry: &redis::streams::StreamId) -> Option<Transition> {
    Some(Transition {
        customer_id: entry.get("c")?,
        segment_id: entry.get("s")?,
        entered: entry.get::<String>("e")? == "1",
        reason: entry.get::<String>("r")?.parse().ok()?,
        version: entry.get::<String>("v")?.parse().ok()?,
        time_ms: entry.get::<String>("t")?.parse().ok()?,
        cause: entry.get("x").unwrap_or_default(),
    })
}
