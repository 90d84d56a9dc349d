//! The gRPC handlers: authenticate, validate, call the domain, convert.

use omni_common::auth::{Caller, caller};
use omni_common::clock::SharedClock;
use omni_common::convert::to_timestamp;
use omni_common::ids::CustomerId;
use omni_common::status::invalid_argument;
use omni_proto::identity::v1 as pb;
use omni_proto::identity::v1::identity_service_server::IdentityService;
use tonic::{Code, Request, Response, Status};
use tonic_types::StatusExt as _;

use crate::consent::{
    ConsentChange, UnsubscribeChange, live_customer, snapshot, update_consent, update_unsubscribe,
};
use crate::convert::{self, channel_name, event_from_proto, purpose_name};
use crate::convert_preferences;
use crate::convert_profile;
use crate::event::TrackedEvent;
use crate::identify::{IdentifyCall, identify};
use crate::merge::{ManualMerge, merge_customers, unmerge};
use crate::normalise::MAX_ID_LEN;
use crate::outbox::{HANDLER_DELIVERY_TIMEOUT, HANDLER_LEASE_MS, Outbox};
use crate::page;
use crate::preferences::{self, Change};
use crate::privacy::{erase_customer, export_customer};
use crate::resolve::{self, TrackContext, track};
use crate::rules::Rules;
use crate::store::Cursor;
use crate::suggest::{self, Decision};
use crate::{Error, store};

/// Most events one TrackBatch call may carry.
pub const MAX_BATCH: usize = 1_000;
/// Longest consent `source`, in characters.
const MAX_SOURCE_LEN: usize = 256;
/// Longest consent `proof`, in characters.
const MAX_PROOF_LEN: usize = 4_096;
/// Longest manual-merge `reason`, in characters.
const MAX_REASON_LEN: usize = 1_024;

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

    /// The workspace's identity rules (defaults when never updated).
    async fn rules(&self, ws: &str) -> Result<Rules, Error> {
        Ok(store::rules_of(&self.outbox.db, ws)
            .await?
            .unwrap_or_default())
    }

    /// Accepts one validated event: resolve in SQL, then Redis and bus.
    async fn accept(
        &self,
        caller: &Caller,
        rules: &Rules,
        event: &TrackedEvent,
        now_ms: i64,
    ) -> Result<pb::TrackResponse, Error> {
        let ws = caller.workspace.as_str();
        let ctx = TrackContext {
            workspace: ws,
            crypto: &self.outbox.crypto,
            actor: &caller.key_id,
            now_ms,
            lease_until_ms: now_ms + HANDLER_LEASE_MS,
            rules,
        };
        let tracked = track(&self.outbox.db, &ctx, event).await?;
        if !tracked.duplicate {
            self.deliver_after_commit(ws, event, &tracked.outcome).await;
        }
        Ok(track_response(tracked))
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
        bounded_delivery(work, &event.event_id).await;
    }
}

/// Runs after-commit delivery for at most [`HANDLER_DELIVERY_TIMEOUT`]; a failure or
/// timeout is logged, not returned: the events are accepted and the outbox worker
/// finishes the work. `what` names the event (or batch) in the log.
async fn bounded_delivery(work: impl Future<Output = Result<(), Error>>, what: &str) {
    match tokio::time::timeout(HANDLER_DELIVERY_TIMEOUT, work).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            tracing::warn!(accepted = what, error = %e, "delivery deferred to the outbox")
        }
        Err(_) => tracing::warn!(
            accepted = what,
            "delivery timed out, deferred to the outbox"
        ),
    }
}

/// The answer to one accepted (or duplicate) event.
fn track_response(tracked: resolve::Tracked) -> pb::TrackResponse {
    let o = tracked.outcome;
    pb::TrackResponse {
        customer_id: o.customer_id.into_inner(),
        duplicate: tracked.duplicate,
        merged_customer_ids: o
            .merged_customer_ids
            .into_iter()
            .map(CustomerId::into_inner)
            .collect(),
        created: o.created,
        conflict_id: o.conflict_id.unwrap_or_default(),
        ignored_identifiers: o
            .ignored_identifiers
            .iter()
            .map(convert::identifier_to_proto)
            .collect(),
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

fn suggestion_id_field(value: &str) -> Result<String, Status> {
    let id = value.trim();
    if id.is_empty() || id.len() > MAX_ID_LEN {
        return Err(invalid_argument(
            "suggestion_id",
            "must be 1 to 256 characters",
        ));
    }
    Ok(id.to_owned())
}

fn text_field(field: &str, value: &str, max: usize) -> Result<String, Status> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(invalid_argument(
            field,
            format!("is longer than {max} characters"),
        ));
    }
    if v.chars().any(|c| c.is_control() && c != '\n') {
        return Err(invalid_argument(
            field,
            "must not contain control characters",
        ));
    }
    Ok(v.to_owned())
}

/// A per-event error of a batch, with the field path relative to the event.
fn batch_error(status: &Status, prefix: &str) -> pb::TrackError {
    let field = status
        .get_error_details()
        .bad_request()
        .and_then(|b| b.field_violations.first().map(|v| v.field.clone()))
        .unwrap_or_default();
    let field = field
        .strip_prefix(prefix)
        .map(|f| f.trim_start_matches('.').to_owned())
        .unwrap_or(field);
    pb::TrackError {
        code: code_name(status.code()).to_owned(),
        field,
        message: status.message().to_owned(),
    }
}

fn code_name(code: Code) -> &'static str {
    match code {
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::NotFound => "NOT_FOUND",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::Unavailable => "UNAVAILABLE",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        _ => "INTERNAL",
    }
}

#[tonic::async_trait]
impl IdentityService for Identity {
    async fn track(
        &self,
        request: Request<pb::TrackRequest>,
    ) -> Result<Response<pb::TrackResponse>, Status> {
        let caller = caller(&request)?;
        let now_ms = self.clock.now_ms();
        let rules = self.rules(caller.workspace.as_str()).await?;
        let event = event_from_proto(request.get_ref().event.as_ref(), now_ms, &rules, "event")?;
        Ok(Response::new(
            self.accept(&caller, &rules, &event, now_ms).await?,
        ))
    }

    async fn track_batch(
        &self,
        request: Request<pb::TrackBatchRequest>,
    ) -> Result<Response<pb::TrackBatchResponse>, Status> {
        let caller = caller(&request)?;
        let events = &request.get_ref().events;
        if events.is_empty() {
            return Err(invalid_argument("events", "at least one event is required"));
        }
        if events.len() > MAX_BATCH {
            return Err(invalid_argument(
                "events",
                format!(
                    "has {} events; at most {MAX_BATCH} are allowed",
                    events.len()
                ),
            ));
        }
        let now_ms = self.clock.now_ms();
        let ws = caller.workspace.as_str();
        let rules = self.rules(ws).await?;
        let parsed: Vec<Result<TrackedEvent, Status>> = events
            .iter()
            .enumerate()
            .map(|(i, raw)| event_from_proto(Some(raw), now_ms, &rules, &format!("events[{i}]")))
            .collect();
        let valid: Vec<&TrackedEvent> = parsed.iter().filter_map(|p| p.as_ref().ok()).collect();
        let ctx = TrackContext {
            workspace: ws,
            crypto: &self.outbox.crypto,
            actor: &caller.key_id,
            now_ms,
            lease_until_ms: now_ms + HANDLER_LEASE_MS,
            rules: &rules,
        };
        let tracked = resolve::track_many(&self.outbox.db, &ctx, &valid).await;
        let fresh: Vec<(&TrackedEvent, &crate::event::Outcome)> = valid
            .iter()
            .zip(&tracked)
            .filter_map(|(e, t)| match t {
                Ok(t) if !t.duplicate => Some((*e, &t.outcome)),
                _ => None,
            })
            .collect();
        if !fresh.is_empty() {
            let work = self.outbox.deliver_many(ws, &fresh);
            bounded_delivery(work, &format!("a batch of {}", fresh.len())).await;
        }
        let mut tracked = tracked.into_iter();
        let mut out = pb::TrackBatchResponse::default();
        for (i, (raw, parsed)) in events.iter().zip(parsed).enumerate() {
            let prefix = format!("events[{i}]");
            let result = match parsed {
                Err(status) => Err(batch_error(&status, &prefix)),
                Ok(_) => match tracked.next() {
                    Some(Ok(t)) => Ok(track_response(t)),
                    Some(Err(e)) => Err(batch_error(&Status::from(e), &prefix)),
                    None => Err(batch_error(&Status::internal("event not tracked"), &prefix)),
                },
            };
            let result = match result {
                Ok(accepted) => {
                    out.accepted_count += 1;
                    pb::track_result::Result::Accepted(accepted)
                }
                Err(error) => {
                    out.failed_count += 1;
                    pb::track_result::Result::Error(error)
                }
            };
            out.results.push(pb::TrackResult {
                index: i32::try_from(i).unwrap_or(i32::MAX),
                event_id: raw.event_id.clone(),
                result: Some(result),
            });
        }
        Ok(Response::new(out))
    }

    async fn get_profile(
        &self,
        request: Request<pb::GetProfileRequest>,
    ) -> Result<Response<pb::GetProfileResponse>, Status> {
        let caller = caller(&request)?;
        let customer = customer_id_field(&request.get_ref().customer_id)?;
        let mask = convert_profile::read_mask(request.get_ref().read_mask.as_ref())?;
        let ws = caller.workspace.as_str();
        let profiles = &self.outbox.profiles;
        let mut profile = match profiles
            .get(ws, customer.as_str())
            .await
            .map_err(Error::from)?
        {
            Some(p) => {
                let consent = profiles
                    .consent(ws, &p.customer_id)
                    .await
                    .map_err(Error::from)?;
                let activity = profiles
                    .activity(ws, &p.customer_id)
                    .await
                    .map_err(Error::from)?;
                let dnd = profiles
                    .contact_preferences(ws, &p.customer_id)
                    .await
                    .map_err(Error::from)?;
                let mut profile = convert_profile::full_profile_to_proto(p, &activity, &consent);
                profile.contact_preferences = dnd.as_ref().map(convert_preferences::to_proto);
                profile
            }
            None => {
                // Known in SQL but not (yet) in Redis: the outbox has not applied its
                // first event. Answer with what SQL knows rather than NOT_FOUND.
                let live = live_customer(&self.outbox.db, ws, &customer).await?;
                let identifiers =
                    store::identifiers_of(&self.outbox.db, &self.outbox.crypto, ws, &live).await?;
                let consent = snapshot(&self.outbox.db, ws, &live).await?;
                let dnd = preferences::load(&self.outbox.db, ws, &live).await?;
                let stored = omni_profile_store::StoredProfile {
                    customer_id: live.into_inner(),
                    identifiers: identifiers
                        .into_iter()
                        .map(|i| (i.kind.as_str().to_owned(), i.value))
                        .collect(),
                    consents: consent.effective_marketing(),
                    ..Default::default()
                };
                let mut p = convert_profile::full_profile_to_proto(
                    stored,
                    &omni_profile_store::ProfileActivity::default(),
                    &consent,
                );
                p.traits = None;
                p.contact_preferences = dnd.as_ref().map(convert_preferences::to_proto);
                p
            }
        };
        if let Some(paths) = mask {
            convert_profile::apply_mask(&mut profile, &paths);
        }
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
        let purpose =
            purpose_name(req.purpose).ok_or_else(|| invalid_argument("purpose", "is unknown"))?;
        let source = text_field("source", &req.source, MAX_SOURCE_LEN)?;
        let proof = text_field("proof", &req.proof, MAX_PROOF_LEN)?;
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
            purpose,
            granted: req.granted,
            source: &source,
            proof: &proof,
            idempotency_key: key,
            actor: &caller.key_id,
            now_ms: self.clock.now_ms(),
        };
        let stored = update_consent(&self.outbox.db, &self.outbox.profiles, &change).await?;
        let consent = convert::detail_to_proto(&stored)
            .ok_or_else(|| Error::Corrupt(format!("consent channel `{}`", stored.channel)))?;
        Ok(Response::new(pb::UpdateConsentResponse {
            consent: Some(consent),
        }))
    }

    async fn set_contact_preferences(
        &self,
        request: Request<pb::SetContactPreferencesRequest>,
    ) -> Result<Response<pb::SetContactPreferencesResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let customer = customer_id_field(&req.customer_id)?;
        let source = text_field("source", &req.source, MAX_SOURCE_LEN)?;
        let fields = convert_preferences::fields(req.update_mask.as_ref())?;
        let now = self.clock.now_ms();
        let wanted = convert_preferences::from_proto(
            &req.preferences.clone().unwrap_or_default(),
            &source,
            now,
        )?;
        let stored = preferences::update(
            &self.outbox.db,
            &self.outbox.profiles,
            caller.workspace.as_str(),
            &customer,
            &Change::Set(wanted, fields),
            &source,
            now,
        )
        .await?;
        Ok(Response::new(pb::SetContactPreferencesResponse {
            preferences: Some(convert_preferences::to_proto(&stored)),
        }))
    }

    async fn get_contact_preferences(
        &self,
        request: Request<pb::GetContactPreferencesRequest>,
    ) -> Result<Response<pb::GetContactPreferencesResponse>, Status> {
        let caller = caller(&request)?;
        let customer = customer_id_field(&request.get_ref().customer_id)?;
        let ws = caller.workspace.as_str();
        let live = live_customer(&self.outbox.db, ws, &customer).await?;
        let stored = preferences::load(&self.outbox.db, ws, &live)
            .await?
            .unwrap_or_default();
        Ok(Response::new(pb::GetContactPreferencesResponse {
            preferences: Some(convert_preferences::to_proto(&stored)),
        }))
    }

    async fn snooze_contact(
        &self,
        request: Request<pb::SnoozeContactRequest>,
    ) -> Result<Response<pb::SnoozeContactResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let customer = customer_id_field(&req.customer_id)?;
        let source = text_field("source", &req.source, MAX_SOURCE_LEN)?;
        let now = self.clock.now_ms();
        let snooze =
            convert_preferences::snooze("", req.channel, req.until_time.as_ref(), &source, now)?;
        let stored = preferences::update(
            &self.outbox.db,
            &self.outbox.profiles,
            caller.workspace.as_str(),
            &customer,
            &Change::Snooze(snooze),
            &source,
            now,
        )
        .await?;
        Ok(Response::new(pb::SnoozeContactResponse {
            preferences: Some(convert_preferences::to_proto(&stored)),
        }))
    }

    async fn get_merge_history(
        &self,
        request: Request<pb::GetMergeHistoryRequest>,
    ) -> Result<Response<pb::GetMergeHistoryResponse>, Status> {
        let caller = caller(&request)?;
        let customer = customer_id_field(&request.get_ref().customer_id)?;
        let ws = caller.workspace.as_str();
        let live = live_customer(&self.outbox.db, ws, &customer).await?;
        let merges = store::merges_into(&self.outbox.db, &self.outbox.crypto, ws, &live).await?;
        let conflicts = store::list_conflicts(
            &self.outbox.db,
            &self.outbox.crypto,
            ws,
            Some(&live),
            None,
            page::MAX_PAGE_SIZE,
        )
        .await?;
        Ok(Response::new(pb::GetMergeHistoryResponse {
            merges: merges.into_iter().map(convert::merge_to_proto).collect(),
            conflicts: conflicts
                .into_iter()
                .map(convert::conflict_to_proto)
                .collect(),
        }))
    }

    async fn get_identity_rules(
        &self,
        request: Request<pb::GetIdentityRulesRequest>,
    ) -> Result<Response<pb::GetIdentityRulesResponse>, Status> {
        let caller = caller(&request)?;
        let rules = self.rules(caller.workspace.as_str()).await?;
        Ok(Response::new(pb::GetIdentityRulesResponse {
            rules: Some(convert::rules_to_proto(&rules)),
        }))
    }

    async fn update_identity_rules(
        &self,
        request: Request<pb::UpdateIdentityRulesRequest>,
    ) -> Result<Response<pb::UpdateIdentityRulesResponse>, Status> {
        let caller = caller(&request)?;
        let ws = caller.workspace.as_str();
        let current = self.rules(ws).await?;
        let next = convert::rules_from_update(&current, request.get_ref(), self.clock.now_ms())?;
        store::put_rules(&self.outbox.db, ws, &next, &caller.key_id).await?;
        let rules = convert::rules_to_proto(&next);
        omni_bus::audit::Change::new("identity", "identity_rules.updated", "identity_rules", ws)
            .before_proto(&convert::rules_to_proto(&current))
            .after_proto(&rules)
            .publish(&self.outbox.bus, &caller)
            .await;
        Ok(Response::new(pb::UpdateIdentityRulesResponse {
            rules: Some(rules),
        }))
    }

    async fn list_events(
        &self,
        request: Request<pb::ListEventsRequest>,
    ) -> Result<Response<pb::ListEventsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let customer = customer_id_field(&req.customer_id)?;
        let size = page::page_size(req.page_size)?;
        let after = page::decode(&req.page_token)?;
        let mut types = Vec::with_capacity(req.types.len());
        for (i, t) in req.types.iter().enumerate() {
            let t = t.trim();
            if t.is_empty() || t.chars().count() > MAX_ID_LEN {
                return Err(invalid_argument(
                    &format!("types[{i}]"),
                    "must be 1 to 256 characters",
                ));
            }
            types.push(t.to_owned());
        }
        let ws = caller.workspace.as_str();
        let live = live_customer(&self.outbox.db, ws, &customer).await?;
        let mut events = store::list_events(
            &self.outbox.db,
            &self.outbox.crypto,
            ws,
            &live,
            &types,
            after.as_ref(),
            size + 1,
        )
        .await?;
        let more = events.len() as u64 > size;
        events.truncate(usize::try_from(size).unwrap_or(usize::MAX));
        let next_page_token = match events.last() {
            Some(last) if more => page::encode(&Cursor {
                ms: last.event.time_ms,
                id: last.event.event_id.clone(),
            }),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListEventsResponse {
            events: events.iter().map(convert::logged_event_to_proto).collect(),
            next_page_token,
        }))
    }

    async fn list_conflicts(
        &self,
        request: Request<pb::ListConflictsRequest>,
    ) -> Result<Response<pb::ListConflictsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let size = page::page_size(req.page_size)?;
        let after = page::decode(&req.page_token)?;
        let ws = caller.workspace.as_str();
        let live = if req.customer_id.trim().is_empty() {
            None
        } else {
            let c = customer_id_field(&req.customer_id)?;
            Some(live_customer(&self.outbox.db, ws, &c).await?)
        };
        let mut conflicts = store::list_conflicts(
            &self.outbox.db,
            &self.outbox.crypto,
            ws,
            live.as_ref(),
            after.as_ref(),
            size + 1,
        )
        .await?;
        let more = conflicts.len() as u64 > size;
        conflicts.truncate(usize::try_from(size).unwrap_or(usize::MAX));
        let next_page_token = match conflicts.last() {
            Some(last) if more => page::encode(&Cursor {
                ms: last.create_ms,
                id: last.conflict_id.clone(),
            }),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListConflictsResponse {
            conflicts: conflicts
                .into_iter()
                .map(convert::conflict_to_proto)
                .collect(),
            next_page_token,
        }))
    }

    async fn merge_customers(
        &self,
        request: Request<pb::MergeCustomersRequest>,
    ) -> Result<Response<pb::MergeCustomersResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let customer = customer_id_field(&req.customer_id)?;
        let merged = customer_id_field(&req.merged_customer_id)
            .map_err(|_| invalid_argument("merged_customer_id", "must be a customer id"))?;
        let reason = text_field("reason", &req.reason, MAX_REASON_LEN)?;
        let key = req.idempotency_key.trim();
        if key.len() > MAX_ID_LEN {
            return Err(invalid_argument(
                "idempotency_key",
                "is longer than 256 characters",
            ));
        }
        let ws = caller.workspace.as_str();
        let rules = self.rules(ws).await?;
        let merge = merge_customers(
            &self.outbox.db,
            &self.outbox.profiles,
            &ManualMerge {
                workspace: ws,
                crypto: &self.outbox.crypto,
                customer,
                merged,
                reason: &reason,
                idempotency_key: key,
                actor: &caller.key_id,
                now_ms: self.clock.now_ms(),
                rules: &rules,
            },
        )
        .await?;
        Ok(Response::new(pb::MergeCustomersResponse {
            merge: Some(convert::merge_to_proto(merge)),
        }))
    }

    async fn unmerge(
        &self,
        request: Request<pb::UnmergeRequest>,
    ) -> Result<Response<pb::UnmergeResponse>, Status> {
        let caller = caller(&request)?;
        let merge_id = request.get_ref().merge_id.trim();
        if merge_id.is_empty() || merge_id.len() > MAX_ID_LEN {
            return Err(invalid_argument("merge_id", "must be 1 to 256 characters"));
        }
        let ws = caller.workspace.as_str();
        let rules = self.rules(ws).await?;
        let done = unmerge(
            &self.outbox,
            ws,
            merge_id,
            &rules,
            &caller.key_id,
            self.clock.now_ms(),
        )
        .await?;
        Ok(Response::new(pb::UnmergeResponse {
            merge: Some(convert::merge_to_proto(done.merge)),
            restored_identifiers: done
                .restored_identifiers
                .iter()
                .map(convert::identifier_to_proto)
                .collect(),
            restored_event_count: i32::try_from(done.restored_events).unwrap_or(i32::MAX),
        }))
    }

    async fn erase_customer(
        &self,
        request: Request<pb::EraseCustomerRequest>,
    ) -> Result<Response<pb::EraseCustomerResponse>, Status> {
        let caller = caller(&request)?;
        let customer = customer_id_field(&request.get_ref().customer_id)?;
        let erased = erase_customer(
            &self.outbox.db,
            &self.outbox.profiles,
            &self.outbox.bus,
            caller.workspace.as_str(),
            &customer,
            &caller.key_id,
            self.clock.now_ms(),
        )
        .await?;
        Ok(Response::new(pb::EraseCustomerResponse {
            erasure_id: erased.erasure_id,
            customer_ids: erased
                .customer_ids
                .into_iter()
                .map(CustomerId::into_inner)
                .collect(),
        }))
    }

    async fn export_customer(
        &self,
        request: Request<pb::ExportCustomerRequest>,
    ) -> Result<Response<pb::ExportCustomerResponse>, Status> {
        let caller = caller(&request)?;
        let customer = customer_id_field(&request.get_ref().customer_id)?;
        let doc = export_customer(
            &self.outbox.db,
            &self.outbox.crypto,
            &self.outbox.profiles,
            caller.workspace.as_str(),
            &customer,
            self.clock.now_ms(),
        )
        .await?;
        Ok(Response::new(pb::ExportCustomerResponse {
            json: serde_json::to_string_pretty(&doc).map_err(Error::from)?,
        }))
    }

    async fn update_global_unsubscribe(
        &self,
        request: Request<pb::UpdateGlobalUnsubscribeRequest>,
    ) -> Result<Response<pb::UpdateGlobalUnsubscribeResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let customer = customer_id_field(&req.customer_id)?;
        let source = text_field("source", &req.source, MAX_SOURCE_LEN)?;
        let proof = text_field("proof", &req.proof, MAX_PROOF_LEN)?;
        let stored = update_unsubscribe(
            &self.outbox.db,
            &self.outbox.profiles,
            &UnsubscribeChange {
                workspace: caller.workspace.as_str(),
                customer,
                unsubscribed: req.unsubscribed,
                source: &source,
                proof: &proof,
                actor: &caller.key_id,
                now_ms: self.clock.now_ms(),
            },
        )
        .await?;
        Ok(Response::new(pb::UpdateGlobalUnsubscribeResponse {
            unsubscribed: stored.unsubscribed,
            update_time: Some(to_timestamp(stored.update_ms)),
        }))
    }

    async fn list_consent_history(
        &self,
        request: Request<pb::ListConsentHistoryRequest>,
    ) -> Result<Response<pb::ListConsentHistoryResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let customer = customer_id_field(&req.customer_id)?;
        let size = page::page_size(req.page_size)?;
        let after = page::decode(&req.page_token)?;
        let ws = caller.workspace.as_str();
        let live = live_customer(&self.outbox.db, ws, &customer).await?;
        let cluster = store::cluster_of(&self.outbox.db, ws, &live).await?;
        let mut records =
            store::consent_history(&self.outbox.db, ws, &cluster, after.as_ref(), size + 1).await?;
        let more = records.len() as u64 > size;
        records.truncate(usize::try_from(size).unwrap_or(usize::MAX));
        let next_page_token = match records.last() {
            Some(last) if more => page::encode(&Cursor {
                ms: last.create_ms,
                id: last.record_id.clone(),
            }),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListConsentHistoryResponse {
            records: records.into_iter().map(convert::history_to_proto).collect(),
            next_page_token,
        }))
    }

    async fn identify(
        &self,
        request: Request<pb::IdentifyRequest>,
    ) -> Result<Response<pb::IdentifyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let ws = caller.workspace.as_str();
        let key = req.idempotency_key.trim();
        if key.len() > MAX_ID_LEN {
            return Err(invalid_argument(
                "idempotency_key",
                "is longer than 256 characters",
            ));
        }
        let now_ms = self.clock.now_ms();
        let rules = self.rules(ws).await?;
        let (target, change) = convert_profile::identify_from_proto(req, &rules, now_ms)?;
        let done = identify(
            &self.outbox.db,
            &self.outbox.profiles,
            &IdentifyCall {
                workspace: ws,
                crypto: &self.outbox.crypto,
                target,
                change,
                time_given: req.time.is_some(),
                idempotency_key: key,
                actor: &caller.key_id,
                now_ms,
            },
        )
        .await?;
        Ok(Response::new(pb::IdentifyResponse {
            customer_id: done.customer_id.into_inner(),
            duplicate: done.duplicate,
            traits: done
                .change
                .set
                .iter()
                .map(convert_profile::trait_set_to_proto)
                .collect(),
            unset_traits: done.change.unset,
        }))
    }

    async fn list_match_suggestions(
        &self,
        request: Request<pb::ListMatchSuggestionsRequest>,
    ) -> Result<Response<pb::ListMatchSuggestionsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let size = page::page_size(req.page_size)?;
        let after = page::decode(&req.page_token)?;
        let state = convert_profile::state_name(req.state)
            .ok_or_else(|| invalid_argument("state", "is unknown"))?;
        let ws = caller.workspace.as_str();
        let cluster = if req.customer_id.trim().is_empty() {
            None
        } else {
            let c = customer_id_field(&req.customer_id)?;
            let live = live_customer(&self.outbox.db, ws, &c).await?;
            Some(store::cluster_of(&self.outbox.db, ws, &live).await?)
        };
        let mut found = store::list_suggestions(
            &self.outbox.db,
            ws,
            state,
            cluster.as_deref(),
            after.as_ref(),
            size + 1,
        )
        .await?;
        let more = found.len() as u64 > size;
        found.truncate(usize::try_from(size).unwrap_or(usize::MAX));
        let next_page_token = match found.last() {
            Some(last) if more => page::encode(&Cursor {
                ms: last.score_bp,
                id: last.suggestion_id.clone(),
            }),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListMatchSuggestionsResponse {
            suggestions: found
                .into_iter()
                .map(convert_profile::suggestion_to_proto)
                .collect(),
            next_page_token,
        }))
    }

    async fn accept_suggestion(
        &self,
        request: Request<pb::AcceptSuggestionRequest>,
    ) -> Result<Response<pb::AcceptSuggestionResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let id = suggestion_id_field(&req.suggestion_id)?;
        let reason = text_field("reason", &req.reason, MAX_REASON_LEN)?;
        let ws = caller.workspace.as_str();
        let rules = self.rules(ws).await?;
        let (suggestion, merge) = suggest::accept(
            &self.outbox.db,
            &self.outbox.crypto,
            &self.outbox.profiles,
            &rules,
            &Decision {
                workspace: ws,
                suggestion_id: &id,
                reason: &reason,
                actor: &caller.key_id,
                now_ms: self.clock.now_ms(),
            },
        )
        .await?;
        Ok(Response::new(pb::AcceptSuggestionResponse {
            suggestion: Some(convert_profile::suggestion_to_proto(suggestion)),
            merge: Some(convert::merge_to_proto(merge)),
        }))
    }

    async fn reject_suggestion(
        &self,
        request: Request<pb::RejectSuggestionRequest>,
    ) -> Result<Response<pb::RejectSuggestionResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let id = suggestion_id_field(&req.suggestion_id)?;
        let reason = text_field("reason", &req.reason, MAX_REASON_LEN)?;
        let suggestion = suggest::reject(
            &self.outbox.db,
            &Decision {
                workspace: caller.workspace.as_str(),
                suggestion_id: &id,
                reason: &reason,
                actor: &caller.key_id,
                now_ms: self.clock.now_ms(),
            },
        )
        .await?;
        Ok(Response::new(pb::RejectSuggestionResponse {
            suggestion: Some(convert_profile::suggestion_to_proto(suggestion)),
        }))
    }
}
