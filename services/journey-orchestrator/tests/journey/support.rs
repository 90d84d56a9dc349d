//! Test harness: a real Redis, a fresh database, the journey service under a manual
//! clock, and small in-test fakes of decisioning and channel-gateway (this crate must not
//! import the real services; the cross-service suites use those).

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use omni_bus::{Bus, Topic};
use omni_common::clock::ManualClock;
use omni_common::config::Settings;
use omni_common::convert::json_to_struct;
use omni_common::shutdown::CancellationToken;
use omni_proto::channel::v1 as ch;
use omni_proto::channel::v1::channel_service_server::{ChannelService, ChannelServiceServer};
use omni_proto::common::v1::{Event, EventIngested};
use omni_proto::decisioning::v1 as dec;
use omni_proto::decisioning::v1::decisioning_service_server::{
    DecisioningService, DecisioningServiceServer,
};
use omni_proto::identity::v1 as idp;
use omni_proto::identity::v1::identity_service_server::{IdentityService, IdentityServiceServer};
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::journey_service_client::JourneyServiceClient;
use omni_proto::journey::v1::node::Kind;
use omni_testkit::RedisServer;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Server};
use tonic::{Request, Response, Status};

/// Where the manual clock starts.
pub const START_MS: i64 = 1_700_000_000_000;
/// Bound on every "eventually".
pub const PATIENCE: Duration = Duration::from_secs(20);

/// One `Decide` call as the fake saw it.
#[derive(Clone, Debug)]
pub struct DecideCall {
    /// The `x-omni-workspace` header.
    pub workspace: String,
    /// Customer asked about.
    pub customer_id: String,
    /// Context passed.
    pub context: serde_json::Map<String, serde_json::Value>,
}

/// Fake decisioning: always offers `o_welcome`, after returning the queued errors.
#[derive(Clone, Default)]
pub struct FakeDecisioning {
    /// Every `Decide` call, in arrival order.
    pub calls: Arc<Mutex<Vec<DecideCall>>>,
    /// Errors returned (first in, first out) before answering normally.
    pub failures: Arc<Mutex<VecDeque<Status>>>,
    /// `BestSendTime` answers the window start plus this (ms); `None`: unavailable.
    pub best_send_offset_ms: Arc<Mutex<Option<i64>>>,
}

#[tonic::async_trait]
impl DecisioningService for FakeDecisioning {
    async fn create_offer(
        &self,
        _: Request<dec::CreateOfferRequest>,
    ) -> Result<Response<dec::CreateOfferResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_offer(
        &self,
        _: Request<dec::GetOfferRequest>,
    ) -> Result<Response<dec::GetOfferResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn decide(
        &self,
        request: Request<dec::DecideRequest>,
    ) -> Result<Response<dec::DecideResponse>, Status> {
        let workspace = header(&request, "x-omni-workspace");
        let req = request.into_inner();
        let n = {
            let mut calls = self.calls.lock().expect("lock");
            calls.push(DecideCall {
                workspace,
                customer_id: req.customer_id.clone(),
                context: req
                    .context
                    .as_ref()
                    .map(omni_common::convert::struct_to_json)
                    .unwrap_or_default(),
            });
            calls.len()
        };
        if let Some(status) = self.failures.lock().expect("lock").pop_front() {
            return Err(status);
        }
        let content = serde_json::json!({"code": "WELCOME10"});
        Ok(Response::new(dec::DecideResponse {
            decision_id: format!("dec_{n}"),
            offer: Some(dec::Offer {
                offer_id: "o_welcome".into(),
                display_name: "10% off".into(),
                value: 10.0,
                content: content.as_object().map(json_to_struct),
                ..Default::default()
            }),
            candidates: Vec::new(),
            ..Default::default()
        }))
    }

    async fn update_offer(
        &self,
        _: Request<dec::UpdateOfferRequest>,
    ) -> Result<Response<dec::UpdateOfferResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_offers(
        &self,
        _: Request<dec::ListOffersRequest>,
    ) -> Result<Response<dec::ListOffersResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn archive_offer(
        &self,
        _: Request<dec::ArchiveOfferRequest>,
    ) -> Result<Response<dec::ArchiveOfferResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_decision(
        &self,
        _: Request<dec::GetDecisionRequest>,
    ) -> Result<Response<dec::GetDecisionResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn record_outcome(
        &self,
        _: Request<dec::RecordOutcomeRequest>,
    ) -> Result<Response<dec::RecordOutcomeResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn create_experiment(
        &self,
        _: Request<dec::CreateExperimentRequest>,
    ) -> Result<Response<dec::CreateExperimentResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_experiment(
        &self,
        _: Request<dec::GetExperimentRequest>,
    ) -> Result<Response<dec::GetExperimentResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn assign_variant(
        &self,
        request: Request<dec::AssignVariantRequest>,
    ) -> Result<Response<dec::AssignVariantResponse>, Status> {
        // Customers whose id contains `hold` are in the holdout arm.
        let req = request.into_inner();
        let holdout = req.customer_id.contains("hold");
        Ok(Response::new(dec::AssignVariantResponse {
            arm: Some(dec::ExperimentArm {
                arm_id: if holdout { "holdout" } else { "treatment" }.into(),
                holdout,
                ..Default::default()
            }),
        }))
    }

    async fn get_experiment_results(
        &self,
        _: Request<dec::GetExperimentResultsRequest>,
    ) -> Result<Response<dec::GetExperimentResultsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn best_send_time(
        &self,
        request: Request<dec::BestSendTimeRequest>,
    ) -> Result<Response<dec::BestSendTimeResponse>, Status> {
        let req = request.into_inner();
        let Some(offset) = *self.best_send_offset_ms.lock().expect("lock") else {
            return Err(Status::unavailable("decisioning down"));
        };
        let start = req
            .window_start
            .as_ref()
            .map(omni_common::convert::from_timestamp)
            .unwrap_or_default();
        Ok(Response::new(dec::BestSendTimeResponse {
            send_time: Some(omni_common::convert::to_timestamp(start + offset)),
            ..Default::default()
        }))
    }

    async fn choose_channel(
        &self,
        request: Request<dec::ChooseChannelRequest>,
    ) -> Result<Response<dec::ChooseChannelResponse>, Status> {
        // Push is the best channel whenever it is a candidate (or all are).
        let req = request.into_inner();
        let push = omni_proto::common::v1::DeliveryChannel::Push as i32;
        let channel =
            if req.candidates.is_empty() || req.candidates.iter().any(|c| c.channel == push) {
                push
            } else {
                req.candidates[0].channel
            };
        Ok(Response::new(dec::ChooseChannelResponse {
            channel,
            customer_id: req.customer_id,
            ..Default::default()
        }))
    }
}

/// Fake channel-gateway: dedupes sends by idempotency key like the real one; with
/// `hang_first_send`, the first send is accepted (recorded) and then never answered, as
/// if the caller crashed right after the provider took the message.
#[derive(Clone, Default)]
pub struct FakeChannel {
    /// Every `Send` request, in arrival order (including retries).
    pub calls: Arc<Mutex<Vec<(String, ch::SendRequest)>>>,
    /// Accepted messages by idempotency key.
    pub accepted: Arc<Mutex<BTreeMap<String, ch::Message>>>,
    /// Errors returned (first in, first out) before accepting anything.
    pub failures: Arc<Mutex<VecDeque<Status>>>,
    /// Accept the next send, then never answer it.
    pub hang_first_send: Arc<Mutex<bool>>,
}

#[tonic::async_trait]
impl ChannelService for FakeChannel {
    async fn create_template(
        &self,
        _: Request<ch::CreateTemplateRequest>,
    ) -> Result<Response<ch::CreateTemplateResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_template(
        &self,
        request: Request<ch::GetTemplateRequest>,
    ) -> Result<Response<ch::GetTemplateResponse>, Status> {
        // Templates whose id starts with `tpl_missing` do not exist.
        let id = request.into_inner().template_id;
        if id.starts_with("tpl_missing") {
            return Err(Status::not_found(format!("template `{id}` not found")));
        }
        Ok(Response::new(ch::GetTemplateResponse::default()))
    }

    async fn send(
        &self,
        request: Request<ch::SendRequest>,
    ) -> Result<Response<ch::SendResponse>, Status> {
        let workspace = header(&request, "x-omni-workspace");
        let req = request.into_inner();
        self.calls
            .lock()
            .expect("lock")
            .push((workspace, req.clone()));
        if let Some(status) = self.failures.lock().expect("lock").pop_front() {
            return Err(status);
        }
        let message = {
            let mut accepted = self.accepted.lock().expect("lock");
            let n = accepted.len() + 1;
            accepted
                .entry(req.idempotency_key.clone())
                .or_insert_with(|| ch::Message {
                    message_id: format!("msg_{n}"),
                    customer_id: req.customer_id.clone(),
                    channel: req.channel,
                    template_id: req.template_id.clone(),
                    status: ch::MessageStatus::Sent as i32,
                    idempotency_key: req.idempotency_key.clone(),
                    journey_id: req.journey_id.clone(),
                    run_id: req.run_id.clone(),
                    ..Default::default()
                })
                .clone()
        };
        let hang = std::mem::take(&mut *self.hang_first_send.lock().expect("lock"));
        if hang {
            std::future::pending::<()>().await;
        }
        Ok(Response::new(ch::SendResponse {
            message: Some(message),
        }))
    }

    async fn get_message(
        &self,
        _: Request<ch::GetMessageRequest>,
    ) -> Result<Response<ch::GetMessageResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_messages(
        &self,
        _: Request<ch::ListMessagesRequest>,
    ) -> Result<Response<ch::ListMessagesResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    type WatchDeliveriesStream = tokio_stream::Empty<Result<ch::WatchDeliveriesResponse, Status>>;

    async fn watch_deliveries(
        &self,
        _: Request<ch::WatchDeliveriesRequest>,
    ) -> Result<Response<Self::WatchDeliveriesStream>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn preview_template(
        &self,
        _: Request<ch::PreviewTemplateRequest>,
    ) -> Result<Response<ch::PreviewTemplateResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn update_provider_config(
        &self,
        _: Request<ch::UpdateProviderConfigRequest>,
    ) -> Result<Response<ch::UpdateProviderConfigResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_provider_config(
        &self,
        _: Request<ch::GetProviderConfigRequest>,
    ) -> Result<Response<ch::GetProviderConfigResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_provider_configs(
        &self,
        _: Request<ch::ListProviderConfigsRequest>,
    ) -> Result<Response<ch::ListProviderConfigsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn create_suppression(
        &self,
        _: Request<ch::CreateSuppressionRequest>,
    ) -> Result<Response<ch::CreateSuppressionResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_suppressions(
        &self,
        _: Request<ch::ListSuppressionsRequest>,
    ) -> Result<Response<ch::ListSuppressionsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn delete_suppression(
        &self,
        _: Request<ch::DeleteSuppressionRequest>,
    ) -> Result<Response<ch::DeleteSuppressionResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_send_policy(
        &self,
        _: Request<ch::GetSendPolicyRequest>,
    ) -> Result<Response<ch::GetSendPolicyResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn update_send_policy(
        &self,
        _: Request<ch::UpdateSendPolicyRequest>,
    ) -> Result<Response<ch::UpdateSendPolicyResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn issue_coupon(
        &self,
        _: Request<ch::IssueCouponRequest>,
    ) -> Result<Response<ch::IssueCouponResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn redeem_coupon(
        &self,
        _: Request<ch::RedeemCouponRequest>,
    ) -> Result<Response<ch::RedeemCouponResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_coupon(
        &self,
        _: Request<ch::GetCouponRequest>,
    ) -> Result<Response<ch::GetCouponResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }
}

/// Fake identity: records every `Track` (journey facts and profile updates), after
/// returning the queued errors.
#[derive(Clone, Default)]
pub struct FakeIdentity {
    /// Every tracked event, in arrival order.
    pub events: Arc<Mutex<Vec<omni_proto::common::v1::Event>>>,
    /// Errors returned (first in, first out) before accepting anything.
    pub failures: Arc<Mutex<VecDeque<Status>>>,
    /// Every `Track` call, failed ones included.
    pub calls: Arc<Mutex<usize>>,
}

impl FakeIdentity {
    /// Types and ids of tracked events of one run, in order.
    pub fn for_run(&self, run_id: &str) -> Vec<(String, String)> {
        self.events
            .lock()
            .expect("lock")
            .iter()
            .filter(|e| e.event_id.starts_with(&format!("run:{run_id}:")))
            .map(|e| (e.r#type.clone(), e.event_id.clone()))
            .collect()
    }
}

#[tonic::async_trait]
impl IdentityService for FakeIdentity {
    async fn track(
        &self,
        request: Request<idp::TrackRequest>,
    ) -> Result<Response<idp::TrackResponse>, Status> {
        *self.calls.lock().expect("lock") += 1;
        if let Some(status) = self.failures.lock().expect("lock").pop_front() {
            return Err(status);
        }
        let event = request.into_inner().event.unwrap_or_default();
        let mut events = self.events.lock().expect("lock");
        let duplicate = events.iter().any(|e| e.event_id == event.event_id);
        if !duplicate {
            events.push(event);
        }
        Ok(Response::new(idp::TrackResponse {
            duplicate,
            ..Default::default()
        }))
    }

    async fn get_profile(
        &self,
        _: Request<idp::GetProfileRequest>,
    ) -> Result<Response<idp::GetProfileResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn update_consent(
        &self,
        _: Request<idp::UpdateConsentRequest>,
    ) -> Result<Response<idp::UpdateConsentResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_merge_history(
        &self,
        _: Request<idp::GetMergeHistoryRequest>,
    ) -> Result<Response<idp::GetMergeHistoryResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn get_identity_rules(
        &self,
        _: Request<idp::GetIdentityRulesRequest>,
    ) -> Result<Response<idp::GetIdentityRulesResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn update_identity_rules(
        &self,
        _: Request<idp::UpdateIdentityRulesRequest>,
    ) -> Result<Response<idp::UpdateIdentityRulesResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn track_batch(
        &self,
        _: Request<idp::TrackBatchRequest>,
    ) -> Result<Response<idp::TrackBatchResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_events(
        &self,
        _: Request<idp::ListEventsRequest>,
    ) -> Result<Response<idp::ListEventsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_conflicts(
        &self,
        _: Request<idp::ListConflictsRequest>,
    ) -> Result<Response<idp::ListConflictsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn merge_customers(
        &self,
        _: Request<idp::MergeCustomersRequest>,
    ) -> Result<Response<idp::MergeCustomersResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn unmerge(
        &self,
        _: Request<idp::UnmergeRequest>,
    ) -> Result<Response<idp::UnmergeResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn erase_customer(
        &self,
        _: Request<idp::EraseCustomerRequest>,
    ) -> Result<Response<idp::EraseCustomerResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn export_customer(
        &self,
        _: Request<idp::ExportCustomerRequest>,
    ) -> Result<Response<idp::ExportCustomerResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn update_global_unsubscribe(
        &self,
        _: Request<idp::UpdateGlobalUnsubscribeRequest>,
    ) -> Result<Response<idp::UpdateGlobalUnsubscribeResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_consent_history(
        &self,
        _: Request<idp::ListConsentHistoryRequest>,
    ) -> Result<Response<idp::ListConsentHistoryResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn identify(
        &self,
        _: Request<idp::IdentifyRequest>,
    ) -> Result<Response<idp::IdentifyResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn list_match_suggestions(
        &self,
        _: Request<idp::ListMatchSuggestionsRequest>,
    ) -> Result<Response<idp::ListMatchSuggestionsResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn accept_suggestion(
        &self,
        _: Request<idp::AcceptSuggestionRequest>,
    ) -> Result<Response<idp::AcceptSuggestionResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }

    async fn reject_suggestion(
        &self,
        _: Request<idp::RejectSuggestionRequest>,
    ) -> Result<Response<idp::RejectSuggestionResponse>, Status> {
        Err(Status::unimplemented("not used by the journey tests"))
    }
}

fn header<T>(request: &Request<T>, name: &str) -> String {
    request
        .metadata()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// A running journey service.
struct Running {
    shutdown: CancellationToken,
    handle: JoinHandle<Result<(), omni_journey::Error>>,
    url: String,
}

/// Redis + database + fakes + the journey service under a manual clock.
pub struct Harness {
    /// Kept alive (killed on drop).
    _redis: RedisServer,
    /// Settings the service runs with (fakes' URLs, the test database).
    pub settings: Settings,
    /// The service's clock.
    pub clock: Arc<ManualClock>,
    /// Fake decisioning.
    pub decisioning: FakeDecisioning,
    /// Fake channel-gateway.
    pub channel: FakeChannel,
    /// Fake identity (Track).
    pub identity: FakeIdentity,
    /// Fake segment (GetSegment, ListMembers).
    pub segment: crate::fake_segment::FakeSegment,
    /// The bus, to publish `EventIngested`.
    pub bus: Bus,
    fakes_stop: CancellationToken,
    service: Option<Running>,
}

type AuthFn = fn(Request<()>) -> Result<Request<()>, Status>;
/// A journey client sending the bootstrap admin key.
pub type Client = JourneyServiceClient<InterceptedService<Channel, AuthFn>>;

/// Sends one API key as `authorization: Bearer`.
#[derive(Clone)]
pub struct BearerKey(tonic::metadata::AsciiMetadataValue);

impl tonic::service::Interceptor for BearerKey {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        request
            .metadata_mut()
            .insert("authorization", self.0.clone());
        Ok(request)
    }
}

/// A journey client sending a key of the test's choosing.
pub type KeyClient = JourneyServiceClient<InterceptedService<Channel, BearerKey>>;

fn admin_key(mut request: Request<()>) -> Result<Request<()>, Status> {
    request.metadata_mut().insert(
        "authorization",
        "Bearer test-admin-key"
            .parse()
            .map_err(|_| Status::internal("header"))?,
    );
    Ok(request)
}

async fn serve_fake(
    routes: tonic::service::Routes,
    stop: CancellationToken,
) -> anyhow::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = Server::builder()
            .add_routes(routes)
            .serve_with_incoming_shutdown(TcpListenerStream::new(listener), stop.cancelled_owned())
            .await;
    });
    Ok(format!("http://{addr}"))
}

impl Harness {
    /// Starts Redis, the fakes and the journey service.
    pub async fn start() -> anyhow::Result<Self> {
        omni_common::telemetry::init_for_tests();
        let redis = RedisServer::start().await?;
        let mut settings = Settings::for_tests(&redis.url);
        settings.journey.database_url = omni_testkit::database_url("journey").await?;
        settings.worker.poll_interval_ms = 50;
        let decisioning = FakeDecisioning::default();
        let channel = FakeChannel::default();
        let identity = FakeIdentity::default();
        let segment = crate::fake_segment::FakeSegment::default();
        let fakes_stop = CancellationToken::new();
        settings.segment.url = serve_fake(
            tonic::service::Routes::new(
                omni_proto::segment::v1::segment_service_server::SegmentServiceServer::new(
                    segment.clone(),
                ),
            ),
            fakes_stop.clone(),
        )
        .await?;
        settings.identity.url = serve_fake(
            tonic::service::Routes::new(IdentityServiceServer::new(identity.clone())),
            fakes_stop.clone(),
        )
        .await?;
        settings.decisioning.url = serve_fake(
            tonic::service::Routes::new(DecisioningServiceServer::new(decisioning.clone())),
            fakes_stop.clone(),
        )
        .await?;
        settings.channel.url = serve_fake(
            tonic::service::Routes::new(ChannelServiceServer::new(channel.clone())),
            fakes_stop.clone(),
        )
        .await?;
        let bus = Bus::new(omni_common::redis::connect(&redis.url).await?);
        let mut h = Self {
            _redis: redis,
            settings,
            clock: Arc::new(ManualClock::new(START_MS)),
            decisioning,
            channel,
            identity,
            segment,
            bus,
            fakes_stop,
            service: None,
        };
        h.start_service().await?;
        Ok(h)
    }

    /// (Re)starts the journey service on a fresh port, on the same database.
    pub async fn start_service(&mut self) -> anyhow::Result<()> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let shutdown = CancellationToken::new();
        let handle = tokio::spawn(omni_journey::run_with_clock(
            self.settings.clone(),
            listener,
            shutdown.clone(),
            self.clock.clone(),
        ));
        self.service = Some(Running {
            shutdown,
            handle,
            url,
        });
        Ok(())
    }

    /// Stops the service gracefully and waits for it.
    pub async fn stop_service(&mut self) -> anyhow::Result<()> {
        let running = self.service.take().context("service not running")?;
        running.shutdown.cancel();
        tokio::time::timeout(PATIENCE, running.handle)
            .await
            .context("service did not stop")???;
        Ok(())
    }

    /// Kills the service abruptly (as a crash would) and waits until it is gone.
    pub async fn kill_service(&mut self) -> anyhow::Result<()> {
        let running = self.service.take().context("service not running")?;
        running.handle.abort();
        let _ = running.handle.await;
        Ok(())
    }

    fn url(&self) -> anyhow::Result<String> {
        Ok(self
            .service
            .as_ref()
            .context("service not running")?
            .url
            .clone())
    }

    /// A client with the admin key.
    pub fn client(&self) -> anyhow::Result<Client> {
        let channel = tonic::transport::Endpoint::from_shared(self.url()?)?.connect_lazy();
        Ok(JourneyServiceClient::with_interceptor(
            channel,
            admin_key as AuthFn,
        ))
    }

    /// A client sending `key`, after mirroring it (as identity would) as key `key_id`
    /// of workspace `default` with `role`.
    pub async fn client_with_key(
        &self,
        key: &str,
        key_id: &str,
        role: omni_common::access::Role,
    ) -> anyhow::Result<KeyClient> {
        let mut redis = omni_common::redis::connect(&self.settings.redis.url).await?;
        let mirrored = omni_common::auth::MirroredKey {
            workspace_id: "default".into(),
            key_id: key_id.into(),
            role: Some(role),
            expires_ms: None,
        };
        omni_common::auth::mirror_key(&mut redis, &omni_common::auth::hash_key(key), &mirrored)
            .await?;
        let channel = tonic::transport::Endpoint::from_shared(self.url()?)?.connect_lazy();
        Ok(JourneyServiceClient::with_interceptor(
            channel,
            BearerKey(format!("Bearer {key}").parse()?),
        ))
    }

    /// A client without any key.
    pub fn anonymous_client(&self) -> anyhow::Result<JourneyServiceClient<Channel>> {
        let channel = tonic::transport::Endpoint::from_shared(self.url()?)?.connect_lazy();
        Ok(JourneyServiceClient::new(channel))
    }

    /// Publishes an `EventIngested` for workspace `default`.
    pub async fn ingest(
        &self,
        customer_id: &str,
        event_id: &str,
        event_type: &str,
    ) -> anyhow::Result<()> {
        let properties = serde_json::json!({"sku": "SKU-1"});
        let msg = EventIngested {
            workspace_id: "default".into(),
            customer_id: customer_id.into(),
            event: Some(Event {
                event_id: event_id.into(),
                r#type: event_type.into(),
                properties: properties.as_object().map(json_to_struct),
                ..Default::default()
            }),
            merged_customer_ids: Vec::new(),
        };
        self.bus.publish(Topic::EventIngested, &msg).await?;
        Ok(())
    }

    /// Stores a live profile for `customer_id` in workspace `default`, as identity would.
    pub async fn seed_profile(&self, customer_id: &str) -> anyhow::Result<()> {
        let profiles = omni_profile_store::ProfileStore::new(
            omni_common::redis::connect(&self.settings.redis.url).await?,
        );
        let update = omni_profile_store::ProfileUpdate {
            identifiers: vec![("email".into(), format!("{customer_id}@example.com"))],
            event_type: Some("signup".into()),
            time_ms: START_MS,
            ..Default::default()
        };
        profiles.apply("default", customer_id, &update).await?;
        Ok(())
    }

    /// Stores a live profile with `traits` (and an email identifier).
    pub async fn seed_traits(
        &self,
        customer_id: &str,
        traits: serde_json::Value,
    ) -> anyhow::Result<()> {
        let update = omni_profile_store::ProfileUpdate {
            identifiers: vec![("email".into(), format!("{customer_id}@example.com"))],
            traits: traits.as_object().cloned().unwrap_or_default(),
            event_type: Some("signup".into()),
            time_ms: START_MS,
        };
        self.profiles()
            .await?
            .apply("default", customer_id, &update)
            .await?;
        Ok(())
    }

    /// The live profile store of the harness's Redis.
    pub async fn profiles(&self) -> anyhow::Result<omni_profile_store::ProfileStore> {
        Ok(omni_profile_store::ProfileStore::new(
            omni_common::redis::connect(&self.settings.redis.url).await?,
        ))
    }

    /// Publishes an `EventIngested` with properties for workspace `default`.
    pub async fn ingest_with(
        &self,
        customer_id: &str,
        event_id: &str,
        event_type: &str,
        properties: serde_json::Value,
    ) -> anyhow::Result<()> {
        let msg = EventIngested {
            workspace_id: "default".into(),
            customer_id: customer_id.into(),
            event: Some(Event {
                event_id: event_id.into(),
                r#type: event_type.into(),
                properties: properties.as_object().map(json_to_struct),
                ..Default::default()
            }),
            merged_customer_ids: Vec::new(),
        };
        self.bus.publish(Topic::EventIngested, &msg).await?;
        Ok(())
    }

    /// The run of one customer in a journey (waits until there is exactly one).
    pub async fn run_of(&self, journey_id: &str, customer: &str) -> anyhow::Result<pb::Run> {
        omni_testkit::eventually(PATIENCE, || async move {
            let runs = self
                .client()?
                .list_runs(pb::ListRunsRequest {
                    journey_id: journey_id.into(),
                    customer_id: customer.into(),
                    page_size: 10,
                    ..Default::default()
                })
                .await?
                .into_inner()
                .runs;
            match runs.as_slice() {
                [run] => Ok(Some(run.clone())),
                _ => Err(anyhow::anyhow!("runs of {customer}: {runs:#?}")),
            }
        })
        .await
    }

    /// Waits until `pred` holds for the customer's only run of the journey.
    pub async fn wait_run_of(
        &self,
        journey_id: &str,
        customer: &str,
        what: &str,
        pred: impl Fn(&pb::Run) -> bool,
    ) -> anyhow::Result<pb::Run> {
        let pred = &pred;
        omni_testkit::eventually(PATIENCE, || async move {
            let run = self.run_of(journey_id, customer).await?;
            if pred(&run) {
                Ok(Some(run))
            } else {
                Err(anyhow::anyhow!("waiting for {what}: {run:#?}"))
            }
        })
        .await
    }

    /// `GetRun` with steps.
    pub async fn get_run(&self, run_id: &str) -> anyhow::Result<pb::Run> {
        self.client()?
            .get_run(pb::GetRunRequest {
                run_id: run_id.into(),
            })
            .await?
            .into_inner()
            .run
            .context("run")
    }

    /// Sends made to one customer: (channel, template) in order, retries folded.
    pub fn sends_to(&self, customer: &str) -> Vec<(i32, String)> {
        let mut seen = std::collections::BTreeSet::new();
        self.channel
            .calls
            .lock()
            .expect("lock")
            .iter()
            .filter(|(_, r)| r.customer_id == customer && seen.insert(r.idempotency_key.clone()))
            .map(|(_, r)| (r.channel, r.template_id.clone()))
            .collect()
    }

    /// Creates and publishes a journey; returns its id.
    pub async fn create_published(&self, journey: pb::Journey) -> anyhow::Result<String> {
        let mut client = self.client()?;
        let created = client
            .create_journey(pb::CreateJourneyRequest {
                journey: Some(journey),
                idempotency_key: String::new(),
            })
            .await?
            .into_inner()
            .journey
            .context("journey")?;
        let published = client
            .publish_journey(pb::PublishJourneyRequest {
                journey_id: created.journey_id.clone(),
            })
            .await?
            .into_inner()
            .journey
            .context("journey")?;
        anyhow::ensure!(published.published_version == 1);
        Ok(created.journey_id)
    }

    /// Runs of a journey (first page of up to 1000).
    pub async fn runs(&self, journey_id: &str) -> anyhow::Result<Vec<pb::Run>> {
        Ok(self
            .client()?
            .list_runs(pb::ListRunsRequest {
                journey_id: journey_id.into(),
                page_size: 1000,
                ..Default::default()
            })
            .await?
            .into_inner()
            .runs)
    }

    /// Waits until the journey has exactly one run and `pred` holds for it.
    pub async fn wait_for_run(
        &self,
        journey_id: &str,
        what: &str,
        pred: impl Fn(&pb::Run) -> bool,
    ) -> anyhow::Result<pb::Run> {
        let pred = &pred;
        omni_testkit::eventually(PATIENCE, || async move {
            let runs = self.runs(journey_id).await?;
            match runs.as_slice() {
                [run] if pred(run) => Ok(Some(run.clone())),
                _ => Err(anyhow::anyhow!("waiting for {what}; runs: {runs:#?}")),
            }
        })
        .await
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if let Some(running) = self.service.take() {
            running.shutdown.cancel();
            running.handle.abort();
        }
        self.fakes_stop.cancel();
    }
}

/// A node.
pub fn node(id: &str, next: &str, kind: Kind) -> pb::Node {
    pb::Node {
        node_id: id.into(),
        next_node_id: next.into(),
        kind: Some(kind),
    }
}

/// An entry node kind.
pub fn entry(event_type: &str) -> Kind {
    Kind::Entry(pb::EntryNode {
        event_type: event_type.into(),
        ..Default::default()
    })
}

/// A wait node kind.
pub fn wait(seconds: i64) -> Kind {
    Kind::Wait(pb::WaitNode {
        duration: Some(prost_types::Duration { seconds, nanos: 0 }),
        ..Default::default()
    })
}

/// A decide node kind with context `{"placement": "email"}`.
pub fn decide() -> Kind {
    Kind::Decide(pb::DecideNode {
        context: serde_json::json!({"placement": "email"})
            .as_object()
            .map(json_to_struct),
    })
}

/// An email send node kind.
pub fn send_email(template: &str) -> Kind {
    Kind::Send(pb::SendNode {
        channel: omni_proto::common::v1::DeliveryChannel::Email as i32,
        template_id: template.into(),
        ..Default::default()
    })
}

/// entry(order_placed) → wait 1h → decide → send email `tpl_welcome`.
pub fn welcome_journey() -> pb::Journey {
    pb::Journey {
        display_name: "Welcome".into(),
        nodes: vec![
            node("in", "wait", entry("order_placed")),
            node("wait", "pick", wait(3600)),
            node("pick", "send", decide()),
            node("send", "", send_email("tpl_welcome")),
        ],
        ..Default::default()
    }
}

/// The `RunState` of a run.
pub fn state(run: &pb::Run) -> pb::RunState {
    pb::RunState::try_from(run.state).unwrap_or(pb::RunState::Unspecified)
}

/// A top-level field of the run context as JSON.
pub fn ctx(run: &pb::Run, key: &str) -> serde_json::Value {
    run.context
        .as_ref()
        .map(omni_common::convert::struct_to_json)
        .and_then(|m| m.get(key).cloned())
        .unwrap_or(serde_json::Value::Null)
}
