//! The `omni.decisioning.v1.DecisioningService` gRPC handlers: authenticate, validate,
//! call the domain layer, convert.

use std::sync::Arc;

use omni_bus::audit::Change;
use omni_common::auth::caller;
use omni_common::convert::{from_timestamp, struct_to_json};
use omni_profile_store::ProfileStore;
use omni_proto::decisioning::v1 as pb;
use omni_proto::decisioning::v1::decisioning_service_server::DecisioningService;
use tonic::{Request, Response, Status};

use crate::catalog::{Catalog, PAGE_SIZE};
use crate::channel::{self, ChannelStats, Evidence};
use crate::convert;
use crate::decide::{DecideInput, Decider, MAX_COUNT, clean_ids};
use crate::error::Error;
use crate::experiment::{ExperimentId, Experiments};
use crate::offer::{DecisionId, OfferId};
use crate::outcome::{Recorder, TIMEZONE_TRAIT};
use crate::sendtime::{self, Histograms, MAX_WINDOW_MS};

/// The gRPC service.
pub struct DecisioningApi {
    catalog: Arc<Catalog>,
    decider: Decider,
    experiments: Arc<Experiments>,
    recorder: Recorder,
    histograms: Histograms,
    channels: ChannelStats,
    profiles: ProfileStore,
    clock: omni_common::clock::SharedClock,
    bus: omni_bus::Bus,
}

/// Everything the handlers delegate to.
pub struct Parts {
    /// The offer catalogue.
    pub catalog: Arc<Catalog>,
    /// Makes decisions.
    pub decider: Decider,
    /// Experiments.
    pub experiments: Arc<Experiments>,
    /// Records outcomes.
    pub recorder: Recorder,
    /// Send-time histograms.
    pub histograms: Histograms,
    /// Per-channel engagement counters.
    pub channels: ChannelStats,
    /// Live profiles.
    pub profiles: ProfileStore,
    /// The clock.
    pub clock: omni_common::clock::SharedClock,
    /// The bus, for audit records of offer changes.
    pub bus: omni_bus::Bus,
}

impl DecisioningApi {
    /// Handlers over the service's parts.
    pub fn new(parts: Parts) -> Self {
        Self {
            catalog: parts.catalog,
            decider: parts.decider,
            experiments: parts.experiments,
            recorder: parts.recorder,
            histograms: parts.histograms,
            channels: parts.channels,
            profiles: parts.profiles,
            clock: parts.clock,
            bus: parts.bus,
        }
    }
}

fn offer_response(o: &crate::offer::Offer) -> Option<pb::Offer> {
    Some(convert::offer_to_proto(o))
}

#[tonic::async_trait]
impl DecisioningService for DecisioningApi {
    async fn create_offer(
        &self,
        request: Request<pb::CreateOfferRequest>,
    ) -> Result<Response<pb::CreateOfferResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let spec = convert::new_offer(req.offer)?;
        let offer = self
            .catalog
            .create(
                &caller.workspace,
                spec,
                convert::optional(&req.idempotency_key),
            )
            .await?;
        Change::new(
            "decisioning",
            "offer.created",
            "offer",
            offer.id.to_string(),
        )
        .after_proto(&convert::offer_to_proto(&offer))
        .publish(&self.bus, &caller)
        .await;
        Ok(Response::new(pb::CreateOfferResponse {
            offer: offer_response(&offer),
        }))
    }

    async fn get_offer(
        &self,
        request: Request<pb::GetOfferRequest>,
    ) -> Result<Response<pb::GetOfferResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = convert::required(&req.offer_id, "offer_id")?;
        if req.version < 0 {
            return Err(Error::invalid("version", "must be >= 0").into());
        }
        let version = (req.version > 0).then_some(req.version);
        let offer = self
            .catalog
            .get(&caller.workspace, &OfferId::new(id), version)
            .await?;
        Ok(Response::new(pb::GetOfferResponse {
            offer: offer_response(&offer),
        }))
    }

    async fn decide(
        &self,
        request: Request<pb::DecideRequest>,
    ) -> Result<Response<pb::DecideResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let customer = convert::required(&req.customer_id, "customer_id")?;
        let placement = convert::placement(req.placement, "placement")?;
        let count = match req.count {
            0 => 1,
            n if n < 0 || n as usize > MAX_COUNT => {
                return Err(Error::invalid(
                    "count",
                    format!("must be between 1 and {MAX_COUNT}, got {n}"),
                )
                .into());
            }
            n => n as usize,
        };
        let input = DecideInput {
            customer_id: customer.to_owned(),
            context: req.context.as_ref().map(struct_to_json).unwrap_or_default(),
            placement,
            count,
            experiment: convert::optional(&req.experiment_id).map(ExperimentId::new),
            model_scores: convert::model_scores(&req.model_scores)?,
            purchased: clean_ids(&req.purchased_product_ids),
            redeemed: clean_ids(&req.redeemed_offer_ids),
            idempotency_key: convert::optional(&req.idempotency_key).map(str::to_owned),
        };
        let decision = self.decider.decide(&caller.workspace, input).await?;
        Ok(Response::new(convert::decision_to_proto(decision)))
    }

    async fn update_offer(
        &self,
        request: Request<pb::UpdateOfferRequest>,
    ) -> Result<Response<pb::UpdateOfferResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let patch = req
            .offer
            .ok_or_else(|| Error::invalid("offer", "is required"))?;
        let id = OfferId::new(convert::required(&patch.offer_id, "offer.offer_id")?);
        let mask = req.update_mask;
        let offer = self
            .catalog
            .update(
                &caller.workspace,
                &id,
                convert::optional(&req.idempotency_key),
                |current| convert::merge_update(current, patch.clone(), mask.as_ref()),
            )
            .await?;
        let mut change = Change::new(
            "decisioning",
            "offer.updated",
            "offer",
            offer.id.to_string(),
        );
        if let Ok(before) = self
            .catalog
            .get(&caller.workspace, &offer.id, Some(offer.version - 1))
            .await
        {
            change = change.before_proto(&convert::offer_to_proto(&before));
        }
        change
            .after_proto(&convert::offer_to_proto(&offer))
            .publish(&self.bus, &caller)
            .await;
        Ok(Response::new(pb::UpdateOfferResponse {
            offer: offer_response(&offer),
        }))
    }

    async fn list_offers(
        &self,
        request: Request<pb::ListOffersRequest>,
    ) -> Result<Response<pb::ListOffersResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let page_size = match req.page_size {
            0 => PAGE_SIZE.0,
            n if n < 0 || n as usize > PAGE_SIZE.1 => {
                return Err(Error::invalid(
                    "page_size",
                    format!("must be between 1 and {}, got {n}", PAGE_SIZE.1),
                )
                .into());
            }
            n => n as usize,
        };
        let placement = convert::placement(req.placement, "placement")?;
        let page = self
            .catalog
            .list(
                &caller.workspace,
                req.show_archived,
                placement,
                page_size,
                convert::optional(&req.page_token),
            )
            .await?;
        Ok(Response::new(pb::ListOffersResponse {
            offers: page.offers.iter().map(convert::offer_to_proto).collect(),
            next_page_token: page.next_token,
        }))
    }

    async fn archive_offer(
        &self,
        request: Request<pb::ArchiveOfferRequest>,
    ) -> Result<Response<pb::ArchiveOfferResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = convert::required(&req.offer_id, "offer_id")?;
        let before = self
            .catalog
            .get(&caller.workspace, &OfferId::new(id), None)
            .await
            .ok();
        let offer = self
            .catalog
            .archive(&caller.workspace, &OfferId::new(id))
            .await?;
        let mut change = Change::new(
            "decisioning",
            "offer.archived",
            "offer",
            offer.id.to_string(),
        );
        if let Some(before) = &before {
            change = change.before_proto(&convert::offer_to_proto(before));
        }
        change
            .after_proto(&convert::offer_to_proto(&offer))
            .publish(&self.bus, &caller)
            .await;
        Ok(Response::new(pb::ArchiveOfferResponse {
            offer: offer_response(&offer),
        }))
    }

    async fn get_decision(
        &self,
        request: Request<pb::GetDecisionRequest>,
    ) -> Result<Response<pb::GetDecisionResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = DecisionId::new(convert::required(&req.decision_id, "decision_id")?);
        let stored = self
            .decider
            .store()
            .decision(&caller.workspace, &id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "decision",
                id: id.to_string(),
            })?;
        Ok(Response::new(pb::GetDecisionResponse {
            decision: Some(convert::stored_decision_to_proto(&stored)),
        }))
    }

    async fn record_outcome(
        &self,
        request: Request<pb::RecordOutcomeRequest>,
    ) -> Result<Response<pb::RecordOutcomeResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = DecisionId::new(convert::required(&req.decision_id, "decision_id")?);
        let kind = convert::outcome_kind(req.kind)?;
        let duplicate = self
            .recorder
            .record(
                &caller.workspace,
                &id,
                convert::optional(&req.offer_id),
                kind,
                req.occur_time.as_ref().map(from_timestamp),
            )
            .await?;
        Ok(Response::new(pb::RecordOutcomeResponse { duplicate }))
    }

    async fn create_experiment(
        &self,
        request: Request<pb::CreateExperimentRequest>,
    ) -> Result<Response<pb::CreateExperimentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let (name, arms) = convert::new_experiment(req.experiment)?;
        let exp = self
            .experiments
            .create(
                &caller.workspace,
                name,
                arms,
                convert::optional(&req.idempotency_key),
            )
            .await?;
        Ok(Response::new(pb::CreateExperimentResponse {
            experiment: Some(convert::experiment_to_proto(&exp)),
        }))
    }

    async fn get_experiment(
        &self,
        request: Request<pb::GetExperimentRequest>,
    ) -> Result<Response<pb::GetExperimentResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = ExperimentId::new(convert::required(&req.experiment_id, "experiment_id")?);
        let exp = self.experiments.get(&caller.workspace, &id).await?;
        Ok(Response::new(pb::GetExperimentResponse {
            experiment: Some(convert::experiment_to_proto(&exp)),
        }))
    }

    async fn assign_variant(
        &self,
        request: Request<pb::AssignVariantRequest>,
    ) -> Result<Response<pb::AssignVariantResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = ExperimentId::new(convert::required(&req.experiment_id, "experiment_id")?);
        let customer = convert::required(&req.customer_id, "customer_id")?;
        let exp = self.experiments.get(&caller.workspace, &id).await?;
        // Merged customers keep the arm of the surviving id, as Decide does.
        let customer = self
            .profiles
            .resolve_alias(caller.workspace.as_str(), customer)
            .await
            .map_err(Error::from)?;
        let arm = exp.assign(&caller.workspace, &customer);
        Ok(Response::new(pb::AssignVariantResponse {
            arm: Some(convert::arm_to_proto(arm)),
        }))
    }

    async fn get_experiment_results(
        &self,
        request: Request<pb::GetExperimentResultsRequest>,
    ) -> Result<Response<pb::GetExperimentResultsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let id = ExperimentId::new(convert::required(&req.experiment_id, "experiment_id")?);
        let results = self.experiments.results(&caller.workspace, &id).await?;
        Ok(Response::new(convert::results_to_proto(&results)))
    }

    async fn best_send_time(
        &self,
        request: Request<pb::BestSendTimeRequest>,
    ) -> Result<Response<pb::BestSendTimeResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let ws = caller.workspace.as_str();
        let customer = convert::required(&req.customer_id, "customer_id")?;
        let start_ms = req
            .window_start
            .as_ref()
            .map_or_else(|| self.clock.now_ms(), from_timestamp);
        let end_ms = req
            .window_end
            .as_ref()
            .map_or(start_ms + 7 * 86_400_000, from_timestamp);
        if end_ms <= start_ms {
            return Err(Error::invalid("window_end", "must be after window_start").into());
        }
        if end_ms - start_ms > MAX_WINDOW_MS {
            return Err(
                Error::invalid("window_end", "must be at most 14 days after window_start").into(),
            );
        }
        let requested_tz = match convert::optional(&req.time_zone) {
            Some(name) => Some(sendtime::parse_tz(name).ok_or_else(|| {
                Error::invalid("time_zone", format!("`{name}` is not an IANA time zone"))
            })?),
            None => None,
        };
        let profile = self
            .profiles
            .get(ws, customer)
            .await
            .map_err(Error::from)?
            .ok_or_else(|| Error::NotFound {
                kind: "customer",
                id: customer.to_owned(),
            })?;
        let tz = requested_tz
            .or_else(|| {
                profile
                    .traits
                    .get(TIMEZONE_TRAIT)
                    .and_then(|v| v.as_str())
                    .and_then(sendtime::parse_tz)
            })
            .unwrap_or_else(sendtime::utc);
        let (mine, all) = self.histograms.load(ws, &profile.customer_id).await?;
        let best = sendtime::best_send_time(
            &mine,
            &all,
            tz,
            sendtime::from_ms(start_ms),
            sendtime::from_ms(end_ms),
        );
        Ok(Response::new(pb::BestSendTimeResponse {
            send_time: Some(omni_common::convert::to_timestamp(
                best.at.timestamp_millis(),
            )),
            time_zone: tz.name().to_owned(),
            local_hour_of_week: best.local_hour_of_week as i32,
            score: best.score,
            customer_engagements: best.customer_engagements,
            reason: best.reason,
        }))
    }
    async fn choose_channel(
        &self,
        request: Request<pb::ChooseChannelRequest>,
    ) -> Result<Response<pb::ChooseChannelResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let ws = caller.workspace.as_str();
        let customer = convert::required(&req.customer_id, "customer_id")?;
        let candidates = convert::channel_candidates(&req.candidates)?;
        let purpose = convert::contact_purpose(req.purpose)?;
        if !req.engagement_value.is_finite() || req.engagement_value < 0.0 {
            return Err(Error::invalid(
                "engagement_value",
                format!("must be a finite number >= 0, got {}", req.engagement_value),
            )
            .into());
        }
        let profile = self
            .profiles
            .get(ws, customer)
            .await
            .map_err(Error::from)?
            .ok_or_else(|| Error::NotFound {
                kind: "customer",
                id: customer.to_owned(),
            })?;
        let cid = profile.customer_id.clone();
        let channels: Vec<channel::DeliveryChannel> =
            candidates.iter().map(|c| c.channel).collect();
        let (consent, engagement) = tokio::try_join!(
            async { self.profiles.consent(ws, &cid).await.map_err(Error::from) },
            self.channels.load(ws, &cid, &channels),
        )?;
        let evidence: Vec<Evidence> = candidates
            .into_iter()
            .zip(engagement)
            .map(|(candidate, (own, workspace))| Evidence {
                candidate,
                own,
                workspace,
            })
            .collect();
        let ranked = channel::rank(&evidence, &profile, &consent, purpose, req.engagement_value);
        Ok(Response::new(convert::choose_channel_response(
            cid, purpose, &ranked,
        )))
    }
}
