//! Authenticated gRPC clients for every service, as a backend team would hold them.

use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::decisioning::v1::decisioning_service_client::DecisioningServiceClient;
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_proto::journey::v1::journey_service_client::JourneyServiceClient;
use omni_proto::segment::v1::segment_service_client::SegmentServiceClient;
use tonic::metadata::AsciiMetadataValue;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};

use crate::suite::Suite;

/// Adds `authorization: Bearer <key>` to every call.
#[derive(Clone)]
pub struct ApiKey(Option<AsciiMetadataValue>);

impl ApiKey {
    /// Sends `key`; an empty key sends no header (for testing rejection).
    pub fn new(key: &str) -> Self {
        Self(
            (!key.is_empty())
                .then(|| format!("Bearer {key}").parse().ok())
                .flatten(),
        )
    }
}

impl tonic::service::Interceptor for ApiKey {
    fn call(&mut self, mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(v) = &self.0 {
            req.metadata_mut().insert("authorization", v.clone());
        }
        Ok(req)
    }
}

/// A channel carrying an API key.
pub type Authed = InterceptedService<Channel, ApiKey>;

/// One client per service.
#[derive(Clone)]
pub struct Clients {
    /// identity.
    pub identity: IdentityServiceClient<Authed>,
    /// segment.
    pub segment: SegmentServiceClient<Authed>,
    /// decisioning.
    pub decisioning: DecisioningServiceClient<Authed>,
    /// journey-orchestrator.
    pub journey: JourneyServiceClient<Authed>,
    /// channel-gateway.
    pub channel: ChannelServiceClient<Authed>,
}

fn channel(url: &str) -> anyhow::Result<Channel> {
    Ok(Endpoint::from_shared(url.to_owned())?.connect_lazy())
}

impl Clients {
    /// Clients for the suite's services using `key`.
    pub fn connect(suite: &Suite, key: &str) -> anyhow::Result<Self> {
        let k = ApiKey::new(key);
        Ok(Self {
            identity: IdentityServiceClient::with_interceptor(
                channel(&suite.url("identity"))?,
                k.clone(),
            ),
            segment: SegmentServiceClient::with_interceptor(
                channel(&suite.url("segment"))?,
                k.clone(),
            ),
            decisioning: DecisioningServiceClient::with_interceptor(
                channel(&suite.url("decisioning"))?,
                k.clone(),
            ),
            journey: JourneyServiceClient::with_interceptor(
                channel(&suite.url("journey"))?,
                k.clone(),
            ),
            channel: ChannelServiceClient::with_interceptor(channel(&suite.url("channel"))?, k),
        })
    }
}
