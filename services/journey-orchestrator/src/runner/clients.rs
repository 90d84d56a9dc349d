//! The gRPC clients of the runner, and delivering journey facts to identity.

use std::sync::Arc;

use omni_common::auth::InternalAuth;
use omni_common::config::{AuthSettings, Settings};
use omni_common::convert::{json_to_struct, to_timestamp};
use omni_common::ids::WorkspaceId;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::{Event, Identifier, IdentifierType, SourceChannel};
use omni_proto::decisioning::v1::decisioning_service_client::DecisioningServiceClient;
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_proto::identity::v1::{TrackBatchRequest, TrackRequest, track_result};
use omni_proto::segment::v1::segment_service_client::SegmentServiceClient;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Status};

use super::{CONNECT_TIMEOUT, RPC_TIMEOUT, Runner};
use crate::error::Error;
use crate::outbox::PendingFact;

/// gRPC channels to the services a run calls, with the internal-auth settings.
#[derive(Clone, Debug)]
pub struct Clients {
    decisioning: Channel,
    channel: Channel,
    identity: Channel,
    segment: Channel,
    auth: AuthSettings,
}

/// A gRPC channel with internal auth.
pub type Authed = InterceptedService<Channel, InternalAuth>;

impl Clients {
    /// Lazily-connecting channels to `settings.decisioning.url` and `settings.channel.url`.
    pub fn new(settings: &Settings) -> Result<Self, Error> {
        let lazy = |url: &str| -> Result<Channel, Error> {
            Ok(Endpoint::from_shared(url.to_owned())?
                .connect_timeout(CONNECT_TIMEOUT)
                .timeout(RPC_TIMEOUT)
                .connect_lazy())
        };
        Ok(Self {
            decisioning: lazy(&settings.decisioning.url)?,
            channel: lazy(&settings.channel.url)?,
            identity: lazy(&settings.identity.url)?,
            segment: lazy(&settings.segment.url)?,
            auth: settings.auth.clone(),
        })
    }

    /// A decisioning client acting for `ws`.
    pub fn decisioning(&self, ws: &WorkspaceId) -> DecisioningServiceClient<Authed> {
        DecisioningServiceClient::with_interceptor(
            self.decisioning.clone(),
            InternalAuth::new(&self.auth, ws),
        )
    }

    /// A channel-gateway client acting for `ws`.
    pub fn channel(&self, ws: &WorkspaceId) -> ChannelServiceClient<Authed> {
        ChannelServiceClient::with_interceptor(
            self.channel.clone(),
            InternalAuth::new(&self.auth, ws),
        )
    }

    /// A segment client acting for `ws`.
    pub fn segment(&self, ws: &WorkspaceId) -> SegmentServiceClient<Authed> {
        SegmentServiceClient::with_interceptor(
            self.segment.clone(),
            InternalAuth::new(&self.auth, ws),
        )
    }

    pub(super) fn identity(&self, ws: &WorkspaceId) -> IdentityServiceClient<Authed> {
        IdentityServiceClient::with_interceptor(
            self.identity.clone(),
            InternalAuth::new(&self.auth, ws),
        )
    }
}

impl Runner {
    /// The identity event of one outbox fact, identifying the customer by one of their
    /// stored identifiers.
    pub async fn fact_event(&self, f: &PendingFact) -> Result<Event, Status> {
        let (ws, customer) = (&f.workspace, &f.customer_id);
        let profile = self
            .profiles
            .get(ws.as_str(), customer.as_str())
            .await
            .map_err(|e| Status::unavailable(format!("profile store: {e}")))?
            .ok_or_else(|| Status::not_found(format!("customer `{customer}` has no profile")))?;
        let identifier = profile
            .identifiers
            .iter()
            .find_map(|(kind, value)| identifier(kind, value))
            .ok_or_else(|| {
                Status::failed_precondition(format!("customer `{customer}` has no identifier"))
            })?;
        Ok(Event {
            event_id: f.fact.event_id.clone(),
            r#type: f.fact.event_type.clone(),
            time: Some(to_timestamp(f.time_ms)),
            identifiers: vec![identifier],
            properties: Some(json_to_struct(&f.fact.properties)),
            traits: (!f.fact.traits.is_empty()).then(|| json_to_struct(&f.fact.traits)),
            source: SourceChannel::Server as i32,
        })
    }

    /// Sends events of `ws` to identity's `TrackBatch`; one result per event, in order
    /// (an error for all when the call itself failed).
    pub async fn track_batch(
        &self,
        ws: &WorkspaceId,
        events: Vec<Event>,
    ) -> Result<Vec<Result<(), Status>>, Status> {
        let n = events.len();
        let resp = match self
            .clients
            .identity(ws)
            .track_batch(TrackBatchRequest {
                events: events.clone(),
            })
            .await
        {
            Ok(resp) => resp.into_inner(),
            Err(status) if status.code() == Code::Unimplemented => {
                // An identity without `TrackBatch` (an older release): one by one.
                let mut out = Vec::with_capacity(n);
                for event in events {
                    let sent = self
                        .clients
                        .identity(ws)
                        .track(TrackRequest { event: Some(event) })
                        .await;
                    out.push(sent.map(|_| ()));
                }
                return Ok(out);
            }
            Err(status) => return Err(status),
        };
        let mut out: Vec<Result<(), Status>> = (0..n)
            .map(|_| Err(Status::internal("identity gave no result for the event")))
            .collect();
        for r in resp.results {
            let Some(slot) = usize::try_from(r.index).ok().and_then(|i| out.get_mut(i)) else {
                continue;
            };
            *slot = match r.result {
                Some(track_result::Result::Accepted(_)) => Ok(()),
                Some(track_result::Result::Error(e)) => Err(Status::unknown(format!(
                    "{} {}: {}",
                    e.code, e.field, e.message
                ))),
                None => continue,
            };
        }
        Ok(out)
    }
}

/// The identity identifier of a stored `kind:value` pair (`None` for an unknown kind).
fn identifier(kind: &str, value: &str) -> Option<Identifier> {
    let known =
        IdentifierType::from_str_name(&format!("IDENTIFIER_TYPE_{}", kind.to_ascii_uppercase()))
            .filter(|t| !matches!(t, IdentifierType::Unspecified | IdentifierType::Custom));
    Some(match known {
        Some(t) => Identifier {
            r#type: t as i32,
            value: value.to_owned(),
            custom_type: String::new(),
        },
        None => Identifier {
            r#type: IdentifierType::Custom as i32,
            value: value.to_owned(),
            custom_type: kind.to_owned(),
        },
    })
}

/// The HTTP client for webhooks: rustls with the ring provider and the webpki roots.
pub(super) fn http_client() -> Result<reqwest::Client, Error> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| Error::Http(format!("tls: {e}")))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(CONNECT_TIMEOUT)
        .build()
        .map_err(|e| Error::Http(format!("http client: {e}")))
}
