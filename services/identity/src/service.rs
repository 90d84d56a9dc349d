//! The gRPC handlers: authenticate, validate, call the domain, convert.

use omni_common::auth::caller;
use omni_common::clock::SharedClock;
use omni_common::ids::CustomerId;
use omni_common::status::invalid_argument;
use omni_proto::identity::v1 as pb;
use omni_proto::identity::v1::identity_service_server::IdentityService;
use tonic::{Request, Response, Status};

use crate::consent::{ConsentChange, update_consent};
use crate::convert::{self, channel_from_name, channel_name, consent_to_proto, event_from_proto};
use crate::event::TrackedEvent;
use crate::normalise::MAX_ID_LEN;
use crate::outbox::{HANDLER_DELIVERY_TIMEOUT, HANDLER_LEASE_MS, Outbox};
use crate::resolve::{TrackContext, track};
use crate::{Error, store};

/// The identity gRPC service.
#[derive(Clone)]
pub struct Identity {
    outbox: Outbox,
    clock: SharedClock,
}

impl Identity {
    /// A service over the given stores.
    pub fn new(outbox: Outbox, clock: SharedClock) -> Self {
        Self { outbox, clock }
    }

    /// After commit: Redis and bus, bounded in time. Failures are logged, not returned:
    /// the event is accepted and the outbox worker finishes the work.
    async fn deliver_after_commit(
        &self,
        ws: &str,
        event: &TrackedEvent,
        outcome: &crate::event::Outcome,
    ) {
        let work = self.outbox.deliver(ws, event, outcome, false);
        match tokio::time::timeout(HANDLER_DELIVERY_TIMEOUT, work).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::warn!(event_id = %event.event_id, error = %e, "event accepted; delivery deferred to the outbox")
            }
            Err(_) => {
                tracing::warn!(event_id = %event.event_id, "event accepted; delivery timed out, deferred to the outbox")
            }
        }
    }
}

fn customer_id_field(value: &str) -> Result<CustomerId, Status> {
    let id = value.trim();
    if id.is_empty() {
        return Err(invalid_argument("customer_id", "must not be empty"));
    }
    if id.len() > MAX_ID_LEN {
        return Err(invalid_argument(
            "customer_id",
            "is longer than 256 characters",
        ));
    }
    Ok(CustomerId::new(id))
}

#[tonic::async_trait]
impl IdentityService for Identity {
    async fn track(
        &self,
        request: Request<pb::TrackRequest>,
    ) -> Result<Response<pb::TrackResponse>, Status> {
        let caller = caller(&request)?;
        let now_ms = self.clock.now_ms();
        let event = event_from_proto(request.get_ref().event.as_ref(), now_ms)?;
        let ws = caller.workspace.as_str();
        let ctx = TrackContext {
            workspace: ws,
            actor: &caller.key_id,
            now_ms,
            lease_until_ms: now_ms + HANDLER_LEASE_MS,
        };
        let tracked = track(&self.outbox.db, &ctx, &event).await?;
        if !tracked.duplicate {
            self.deliver_after_commit(ws, &event, &tracked.outcome)
                .await;
        }
        let o = tracked.outcome;
        Ok(Response::new(pb::TrackResponse {
            customer_id: o.customer_id.into_inner(),
            duplicate: tracked.duplicate,
            merged_customer_ids: o
                .merged_customer_ids
                .into_iter()
                .map(CustomerId::into_inner)
                .collect(),
            created: o.created,
        }))
    }

    async fn get_profile(
        &self,
        request: Request<pb::GetProfileRequest>,
    ) -> Result<Response<pb::GetProfileResponse>, Status> {
        let caller = caller(&request)?;
        let customer = customer_id_field(&request.get_ref().customer_id)?;
        let ws = caller.workspace.as_str();
        let profile = match self
            .outbox
            .profiles
            .get(ws, customer.as_str())
            .await
            .map_err(Error::from)?
        {
            Some(p) => convert::profile_to_proto(p),
            None => {
                // Known in SQL but not (yet) in Redis: the outbox has not applied its
                // first event. Answer with what SQL knows rather than NOT_FOUND.
                let live = store::resolve_customer(&self.outbox.db, ws, &customer)
                    .await?
                    .ok_or_else(|| Error::NotFound {
                        kind: "customer",
                        id: customer.as_str().to_owned(),
                    })?;
                let identifiers = store::identifiers_of(&self.outbox.db, ws, &live).await?;
                let consents = store::consents_of(&self.outbox.db, ws, &live).await?;
                pb::Profile {
                    customer_id: live.into_inner(),
                    identifiers: identifiers
                        .iter()
                        .map(convert::identifier_to_proto)
                        .collect(),
                    consents: consents
                        .iter()
                        .filter_map(|c| {
                            channel_from_name(&c.channel)
                                .map(|ch| consent_to_proto(ch, c.granted, c.update_ms))
                        })
                        .collect(),
                    ..Default::default()
                }
            }
        };
        Ok(Response::new(pb::GetProfileResponse {
            profile: Some(profile),
        }))
    }

    async fn update_consent(
        &self,
        request: Request<pb::UpdateConsentRequest>,
    ) -> Result<Response<pb::UpdateConsentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let customer = customer_id_field(&req.customer_id)?;
        let channel = channel_name(req.channel)
            .ok_or_else(|| invalid_argument("channel", "must be specified"))?;
        let key = req.idempotency_key.trim();
        if key.len() > MAX_ID_LEN {
            return Err(invalid_argument(
                "idempotency_key",
                "is longer than 256 characters",
            ));
        }
        let change = ConsentChange {
            workspace: caller.workspace.as_str(),
            customer,
            channel,
            granted: req.granted,
            idempotency_key: key,
            now_ms: self.clock.now_ms(),
        };
        let stored = update_consent(&self.outbox.db, &self.outbox.profiles, &change).await?;
        let channel = channel_from_name(&stored.channel)
            .ok_or_else(|| Error::Corrupt(format!("consent channel `{}`", stored.channel)))?;
        Ok(Response::new(pb::UpdateConsentResponse {
            consent: Some(consent_to_proto(channel, stored.granted, stored.update_ms)),
        }))
    }

    async fn get_merge_history(
        &self,
        request: Request<pb::GetMergeHistoryRequest>,
    ) -> Result<Response<pb::GetMergeHistoryResponse>, Status> {
        let caller = caller(&request)?;
        let customer = customer_id_field(&request.get_ref().customer_id)?;
        let ws = caller.workspace.as_str();
        let live = store::resolve_customer(&self.outbox.db, ws, &customer)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "customer",
                id: customer.as_str().to_owned(),
            })?;
        let merges = store::merges_into(&self.outbox.db, ws, &live).await?;
        Ok(Response::new(pb::GetMergeHistoryResponse {
            merges: merges.into_iter().map(convert::merge_to_proto).collect(),
        }))
    }
}
