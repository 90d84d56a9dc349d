//! The review handlers of `JourneyService`: submit, approve, reject, the review with
//! its diff and history, and the workspace's review settings (see [`crate::review`]).

use omni_bus::audit::Change;
use omni_common::auth::{Caller, caller};
use omni_common::convert::to_timestamp;
use omni_proto::journey::v1 as pb;
use tonic::{Request, Response, Status};

use super::{JourneyApi, not_found};
use crate::convert;
use crate::error::Error;
use crate::model::{Journey, JourneyId};
use crate::review::{self, Actor, ReviewEntry, ReviewSettings, ReviewState, Step, Transition};
use crate::validate;

/// Longest review comment, in bytes.
const MAX_COMMENT_LEN: usize = 4096;

fn entry_to_proto(e: &ReviewEntry) -> pb::JourneyReviewEntry {
    pb::JourneyReviewEntry {
        action: e.action.clone(),
        from_state: convert::review_state_to_proto(e.from) as i32,
        to_state: convert::review_state_to_proto(e.to) as i32,
        actor_key_id: e.actor_key_id.clone(),
        actor_role: e.actor_role.clone(),
        comment: e.comment.clone(),
        time: Some(to_timestamp(e.time_ms)),
        version: e.version,
    }
}

fn settings_to_proto(s: &ReviewSettings) -> pb::JourneyReviewSettings {
    pb::JourneyReviewSettings {
        require_review: s.require_review,
        four_eyes: s.four_eyes,
        update_time: (s.update_ms > 0).then(|| to_timestamp(s.update_ms)),
    }
}

fn check_comment(comment: &str, required: bool) -> Result<(), Error> {
    if required && comment.trim().is_empty() {
        return Err(Error::invalid("comment", "is required"));
    }
    if comment.len() > MAX_COMMENT_LEN {
        return Err(Error::invalid(
            "comment",
            format!("must be at most {MAX_COMMENT_LEN} bytes"),
        ));
    }
    Ok(())
}

impl JourneyApi {
    /// Applies one review transition and records it for the audit log.
    async fn review_step(
        &self,
        caller: &Caller,
        journey_id: &str,
        comment: &str,
        transition: Transition,
    ) -> Result<pb::Journey, Status> {
        validate::required("journey_id", journey_id)?;
        check_comment(comment, transition == Transition::Reject)?;
        let ws = &caller.workspace;
        let id = JourneyId::new(journey_id);
        let before = self
            .store
            .get_journey(ws, &id)
            .await?
            .ok_or_else(|| not_found("journey", journey_id))?;
        let four_eyes =
            transition == Transition::Approve && self.store.review_settings(ws).await?.four_eyes;
        let after = self
            .store
            .review_transition(
                ws,
                &id,
                Step {
                    transition,
                    actor: &Actor::from(caller),
                    comment: comment.trim(),
                    four_eyes,
                },
                self.clock.now_ms(),
            )
            .await?;
        let action = match transition {
            Transition::Submit => "journey.submitted_for_review",
            Transition::Approve => "journey.approved",
            Transition::Reject => "journey.rejected",
        };
        tracing::info!(workspace = %ws, journey_id, action, key_id = %caller.key_id, "journey review");
        let proto = convert::journey_to_proto(&after);
        self.audit(caller, action, Some(&before), &proto).await;
        Ok(proto)
    }

    /// `SubmitJourneyForReview`.
    pub(super) async fn submit(
        &self,
        request: Request<pb::SubmitJourneyForReviewRequest>,
    ) -> Result<Response<pb::SubmitJourneyForReviewResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let journey = self
            .review_step(&caller, &req.journey_id, &req.comment, Transition::Submit)
            .await?;
        Ok(Response::new(pb::SubmitJourneyForReviewResponse {
            journey: Some(journey),
        }))
    }

    /// `ApproveJourney`.
    pub(super) async fn approve(
        &self,
        request: Request<pb::ApproveJourneyRequest>,
    ) -> Result<Response<pb::ApproveJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let journey = self
            .review_step(&caller, &req.journey_id, &req.comment, Transition::Approve)
            .await?;
        Ok(Response::new(pb::ApproveJourneyResponse {
            journey: Some(journey),
        }))
    }

    /// `RejectJourney`.
    pub(super) async fn reject(
        &self,
        request: Request<pb::RejectJourneyRequest>,
    ) -> Result<Response<pb::RejectJourneyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let journey = self
            .review_step(&caller, &req.journey_id, &req.comment, Transition::Reject)
            .await?;
        Ok(Response::new(pb::RejectJourneyResponse {
            journey: Some(journey),
        }))
    }

    /// `GetJourneyReview`: state, whether approval is needed, diff and history.
    pub(super) async fn review(
        &self,
        request: Request<pb::GetJourneyReviewRequest>,
    ) -> Result<Response<pb::GetJourneyReviewResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", &req.journey_id)?;
        let ws = &caller.workspace;
        let id = JourneyId::new(req.journey_id.clone());
        let journey = self
            .store
            .get_journey(ws, &id)
            .await?
            .ok_or_else(|| not_found("journey", &req.journey_id))?;
        let settings = self.store.review_settings(ws).await?;
        let base = self.store.latest_published(ws, &journey).await?;
        let diff = review::diff(&journey, base.as_ref().map(|(v, g)| (*v, g)));
        let history = self.store.review_history(ws, &id).await?;
        Ok(Response::new(pb::GetJourneyReviewResponse {
            approval_required: settings.require_review || journey.generated,
            journey: Some(convert::journey_to_proto(&journey)),
            diff: Some(pb::JourneyDiff {
                base_version: diff.base_version,
                nodes_added: diff.nodes_added,
                nodes_removed: diff.nodes_removed,
                nodes_changed: diff.nodes_changed,
                settings_changed: diff.settings_changed,
            }),
            history: history.iter().map(entry_to_proto).collect(),
        }))
    }

    /// `ListJourneyReviews`.
    pub(super) async fn list_reviews(
        &self,
        request: Request<pb::ListJourneyReviewsRequest>,
    ) -> Result<Response<pb::ListJourneyReviewsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        validate::required("journey_id", &req.journey_id)?;
        let id = JourneyId::new(req.journey_id.clone());
        self.store
            .get_journey(&caller.workspace, &id)
            .await?
            .ok_or_else(|| not_found("journey", &req.journey_id))?;
        let history = self.store.review_history(&caller.workspace, &id).await?;
        Ok(Response::new(pb::ListJourneyReviewsResponse {
            entries: history.iter().map(entry_to_proto).collect(),
        }))
    }

    /// `GetJourneyReviewSettings`.
    pub(super) async fn get_review_settings(
        &self,
        request: Request<pb::GetJourneyReviewSettingsRequest>,
    ) -> Result<Response<pb::GetJourneyReviewSettingsResponse>, Status> {
        let caller = caller(&request)?;
        let settings = self.store.review_settings(&caller.workspace).await?;
        Ok(Response::new(pb::GetJourneyReviewSettingsResponse {
            settings: Some(settings_to_proto(&settings)),
        }))
    }

    /// `UpdateJourneyReviewSettings`.
    pub(super) async fn update_review_settings(
        &self,
        request: Request<pb::UpdateJourneyReviewSettingsRequest>,
    ) -> Result<Response<pb::UpdateJourneyReviewSettingsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let wanted = req
            .settings
            .ok_or_else(|| Error::invalid("settings", "is required"))?;
        let ws = &caller.workspace;
        let before = self.store.review_settings(ws).await?;
        let after = self
            .store
            .set_review_settings(
                ws,
                wanted.require_review,
                wanted.four_eyes,
                self.clock.now_ms(),
            )
            .await?;
        tracing::info!(workspace = %ws, require_review = after.require_review, four_eyes = after.four_eyes, "journey review settings updated");
        let proto = settings_to_proto(&after);
        Change::new(
            "journey",
            "journey_review_settings.updated",
            "journey_review_settings",
            ws.to_string(),
        )
        .before_proto(&settings_to_proto(&before))
        .after_proto(&proto)
        .publish(&self.bus, &caller)
        .await;
        Ok(Response::new(pb::UpdateJourneyReviewSettingsResponse {
            settings: Some(proto),
        }))
    }

    /// Records in the review history that an edit sent a submitted or approved draft
    /// back to DRAFT. The edit itself is committed; a failure here is logged.
    pub(super) async fn record_edit(&self, caller: &Caller, before: &Journey, after: &Journey) {
        if !matches!(
            before.review_state,
            ReviewState::InReview | ReviewState::Approved
        ) || after.review_state != ReviewState::Draft
        {
            return;
        }
        let actor = Actor::from(caller);
        let entry = ReviewEntry {
            action: "edited".into(),
            from: before.review_state,
            to: ReviewState::Draft,
            actor_key_id: actor.key_id,
            actor_role: actor.role,
            comment: String::new(),
            time_ms: self.clock.now_ms(),
            version: 0,
        };
        if let Err(e) = review::record(
            self.store.db(),
            &caller.workspace,
            &after.journey_id,
            &entry,
        )
        .await
        {
            tracing::warn!(journey_id = %after.journey_id, error = %e, "review history: edit not recorded");
        }
    }
}
