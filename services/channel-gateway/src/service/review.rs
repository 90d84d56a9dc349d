//! The template version and review handlers of `ChannelService`: UpdateTemplate,
//! submit, approve, reject, the review with its diff and history, the review list and
//! the workspace's review settings. Every change is published for the audit log.

use omni_bus::audit::Change;
use omni_common::auth::{Caller, caller};
use omni_common::convert::to_timestamp;
use omni_proto::channel::v1 as pb;
use tonic::{Request, Response, Status};

use super::validate::{max_len, page_size, required, validate_template};
use super::{ChannelApi, MAX_KEY_LEN};
use crate::convert::{channel_to_proto, template_to_proto, variant_to_proto};
use crate::error::Error;
use crate::review::{
    self, Actor, ReviewEntry, ReviewSettings, ReviewState, Step, TemplateVersion, Transition,
    VariantChange,
};

/// Longest review comment, in bytes.
const MAX_COMMENT_LEN: usize = 4096;

/// A review state to its proto form.
fn state_to_proto(s: ReviewState) -> pb::TemplateReviewState {
    match s {
        ReviewState::Draft => pb::TemplateReviewState::Draft,
        ReviewState::InReview => pb::TemplateReviewState::InReview,
        ReviewState::Approved => pb::TemplateReviewState::Approved,
        ReviewState::Published => pb::TemplateReviewState::Published,
        ReviewState::Rejected => pb::TemplateReviewState::Rejected,
    }
}

fn state_from_proto(value: i32, field: &str) -> Result<ReviewState, Error> {
    match pb::TemplateReviewState::try_from(value) {
        Ok(pb::TemplateReviewState::Draft) => Ok(ReviewState::Draft),
        Ok(pb::TemplateReviewState::InReview) => Ok(ReviewState::InReview),
        Ok(pb::TemplateReviewState::Approved) => Ok(ReviewState::Approved),
        Ok(pb::TemplateReviewState::Published) => Ok(ReviewState::Published),
        Ok(pb::TemplateReviewState::Rejected) => Ok(ReviewState::Rejected),
        _ => Err(Error::invalid(
            field,
            "must be DRAFT, IN_REVIEW, APPROVED, PUBLISHED or REJECTED",
        )),
    }
}

/// A template version to its proto form.
pub(super) fn version_to_proto(v: &TemplateVersion) -> pb::Template {
    pb::Template {
        version: v.version,
        review_state: state_to_proto(v.state) as i32,
        generated: v.generated,
        published_version: v.published_version,
        author_key_id: v.author_key_id.clone(),
        ..template_to_proto(&v.template)
    }
}

fn entry_to_proto(e: &ReviewEntry) -> pb::TemplateReviewEntry {
    pb::TemplateReviewEntry {
        action: e.action.clone(),
        from_state: e.from.map(|s| state_to_proto(s) as i32).unwrap_or_default(),
        to_state: state_to_proto(e.to) as i32,
        actor_key_id: e.actor_key_id.clone(),
        actor_role: e.actor_role.clone(),
        comment: e.comment.clone(),
        time: Some(to_timestamp(e.time_ms)),
        version: e.version,
    }
}

fn settings_to_proto(s: &ReviewSettings) -> pb::TemplateReviewSettings {
    pb::TemplateReviewSettings {
        require_review: s.require_review,
        four_eyes: s.four_eyes,
        update_time: (s.update_ms > 0).then(|| to_timestamp(s.update_ms)),
    }
}

fn diff_to_proto(d: &review::Diff) -> pb::TemplateDiff {
    pb::TemplateDiff {
        base_version: d.base_version,
        variants: d
            .variants
            .iter()
            .map(|v| pb::TemplateVariantDiff {
                channel: channel_to_proto(v.channel),
                locale: v.locale.clone(),
                change: match v.change {
                    VariantChange::Added => pb::TemplateVariantChange::Added,
                    VariantChange::Removed => pb::TemplateVariantChange::Removed,
                    VariantChange::Changed => pb::TemplateVariantChange::Changed,
                } as i32,
                fields_changed: v.fields_changed.iter().map(|f| (*f).to_owned()).collect(),
                before: v.before.as_ref().map(variant_to_proto),
                after: v.after.as_ref().map(variant_to_proto),
            })
            .collect(),
        display_name_changed: d.display_name_changed,
        sample_changed: d.sample_changed,
    }
}

fn check_comment(comment: &str, required: bool) -> Result<(), Error> {
    if required && comment.trim().is_empty() {
        return Err(Error::invalid(
            "comment",
            "is required: say why the version is rejected",
        ));
    }
    if comment.len() > MAX_COMMENT_LEN {
        return Err(Error::invalid(
            "comment",
            format!("must be at most {MAX_COMMENT_LEN} bytes"),
        ));
    }
    Ok(())
}

fn check_version(version: i64) -> Result<(), Error> {
    if version < 0 {
        return Err(Error::invalid(
            "version",
            "must be 0 (newest) or a version number",
        ));
    }
    Ok(())
}

impl ChannelApi {
    /// The review of one version: approval needed, diff against the published version,
    /// history.
    async fn review_of(
        &self,
        caller: &Caller,
        v: TemplateVersion,
    ) -> Result<pb::TemplateReview, Status> {
        let ws = &caller.workspace;
        let id = v.template.template_id.as_str();
        let settings = self.gateway.store().review_settings(ws).await?;
        let base = if v.published_version > 0 {
            self.gateway
                .store()
                .get_version(ws, id, v.published_version)
                .await?
        } else {
            None
        };
        let diff = review::diff(&v.template, base.as_ref().map(|b| (b.version, &b.template)));
        let history = self
            .gateway
            .store()
            .review_history(ws, id, v.version)
            .await?;
        Ok(pb::TemplateReview {
            approval_required: settings.applies(v.generated),
            template: Some(version_to_proto(&v)),
            diff: Some(diff_to_proto(&diff)),
            history: history.iter().map(entry_to_proto).collect(),
        })
    }

    /// Applies one review transition and publishes it for the audit log.
    async fn review_step(
        &self,
        caller: &Caller,
        template_id: &str,
        version: i64,
        comment: &str,
        transition: Transition,
    ) -> Result<pb::Template, Status> {
        required("template_id", template_id)?;
        max_len("template_id", template_id, MAX_KEY_LEN)?;
        check_version(version)?;
        check_comment(comment, transition == Transition::Reject)?;
        let ws = &caller.workspace;
        let before = self.gateway.get_version(ws, template_id, version).await?;
        let after = self
            .gateway
            .review(
                ws,
                template_id,
                before.version,
                Step {
                    transition,
                    actor: &Actor::from(caller),
                    comment: comment.trim(),
                    four_eyes: false,
                },
            )
            .await?;
        let action = match transition {
            Transition::Submit => "template.submitted_for_review",
            Transition::Approve => "template.approved",
            Transition::Reject => "template.rejected",
        };
        tracing::info!(workspace = %ws, template_id, version = after.version, action, key_id = %caller.key_id, "template review");
        let proto = version_to_proto(&after);
        Change::new("channel", action, "template", template_id)
            .before_proto(&version_to_proto(&before))
            .after_proto(&proto)
            .publish(&self.bus, caller)
            .await;
        Ok(proto)
    }

    /// `UpdateTemplate`.
    pub(super) async fn do_update_template(
        &self,
        request: Request<pb::UpdateTemplateRequest>,
    ) -> Result<Response<pb::UpdateTemplateResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("template_id", &req.template_id)?;
        max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
        let t = req
            .template
            .as_ref()
            .ok_or_else(|| Error::invalid("template", "is required"))?;
        let new = validate_template(t)?;
        max_len("idempotency_key", &req.idempotency_key, MAX_KEY_LEN)?;
        let key = (!req.idempotency_key.is_empty()).then_some(req.idempotency_key.as_str());
        let (before, after) = self
            .gateway
            .update_template(
                &caller.workspace,
                &req.template_id,
                new,
                key,
                &Actor::from(&caller),
            )
            .await?;
        let proto = version_to_proto(&after);
        Change::new("channel", "template.updated", "template", &req.template_id)
            .before_proto(&version_to_proto(&before))
            .after_proto(&proto)
            .publish(&self.bus, &caller)
            .await;
        Ok(Response::new(pb::UpdateTemplateResponse {
            template: Some(proto),
        }))
    }

    /// `SubmitTemplateForReview`.
    pub(super) async fn do_submit(
        &self,
        request: Request<pb::SubmitTemplateForReviewRequest>,
    ) -> Result<Response<pb::SubmitTemplateForReviewResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let template = self
            .review_step(
                &caller,
                &req.template_id,
                req.version,
                &req.comment,
                Transition::Submit,
            )
            .await?;
        Ok(Response::new(pb::SubmitTemplateForReviewResponse {
            template: Some(template),
        }))
    }

    /// `ApproveTemplate`.
    pub(super) async fn do_approve(
        &self,
        request: Request<pb::ApproveTemplateRequest>,
    ) -> Result<Response<pb::ApproveTemplateResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let template = self
            .review_step(
                &caller,
                &req.template_id,
                req.version,
                &req.comment,
                Transition::Approve,
            )
            .await?;
        Ok(Response::new(pb::ApproveTemplateResponse {
            template: Some(template),
        }))
    }

    /// `RejectTemplate`.
    pub(super) async fn do_reject(
        &self,
        request: Request<pb::RejectTemplateRequest>,
    ) -> Result<Response<pb::RejectTemplateResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let template = self
            .review_step(
                &caller,
                &req.template_id,
                req.version,
                &req.comment,
                Transition::Reject,
            )
            .await?;
        Ok(Response::new(pb::RejectTemplateResponse {
            template: Some(template),
        }))
    }

    /// `GetTemplateReview`.
    pub(super) async fn do_get_review(
        &self,
        request: Request<pb::GetTemplateReviewRequest>,
    ) -> Result<Response<pb::GetTemplateReviewResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        required("template_id", &req.template_id)?;
        max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
        check_version(req.version)?;
        let v = self
            .gateway
            .get_version(&caller.workspace, &req.template_id, req.version)
            .await?;
        Ok(Response::new(pb::GetTemplateReviewResponse {
            review: Some(self.review_of(&caller, v).await?),
        }))
    }

    /// `ListTemplateReviews`.
    pub(super) async fn do_list_reviews(
        &self,
        request: Request<pb::ListTemplateReviewsRequest>,
    ) -> Result<Response<pb::ListTemplateReviewsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        max_len("template_id", &req.template_id, MAX_KEY_LEN)?;
        let states = req
            .states
            .iter()
            .enumerate()
            .map(|(i, s)| state_from_proto(*s, &format!("states[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let page_size = page_size(req.page_size)?;
        let offset: u64 = if req.page_token.is_empty() {
            0
        } else {
            req.page_token.parse().map_err(|_| {
                Error::invalid("page_token", "is not a token from ListTemplateReviews")
            })?
        };
        let template_id = (!req.template_id.is_empty()).then_some(req.template_id.as_str());
        let mut versions = self
            .gateway
            .store()
            .list_versions(
                &caller.workspace,
                template_id,
                &states,
                offset,
                page_size + 1,
            )
            .await?;
        let next_page_token = if versions.len() > page_size as usize {
            versions.truncate(page_size as usize);
            (offset + u64::from(page_size)).to_string()
        } else {
            String::new()
        };
        let mut reviews = Vec::with_capacity(versions.len());
        for v in versions {
            reviews.push(self.review_of(&caller, v).await?);
        }
        Ok(Response::new(pb::ListTemplateReviewsResponse {
            reviews,
            next_page_token,
        }))
    }

    /// `GetTemplateReviewSettings`.
    pub(super) async fn do_get_review_settings(
        &self,
        request: Request<pb::GetTemplateReviewSettingsRequest>,
    ) -> Result<Response<pb::GetTemplateReviewSettingsResponse>, Status> {
        let caller = caller(&request)?;
        let settings = self
            .gateway
            .store()
            .review_settings(&caller.workspace)
            .await?;
        Ok(Response::new(pb::GetTemplateReviewSettingsResponse {
            settings: Some(settings_to_proto(&settings)),
        }))
    }

    /// `UpdateTemplateReviewSettings`.
    pub(super) async fn do_update_review_settings(
        &self,
        request: Request<pb::UpdateTemplateReviewSettingsRequest>,
    ) -> Result<Response<pb::UpdateTemplateReviewSettingsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let wanted = req
            .settings
            .ok_or_else(|| Error::invalid("settings", "is required"))?;
        let ws = &caller.workspace;
        let (before, after) = self
            .gateway
            .set_review_settings(ws, wanted.require_review, wanted.four_eyes)
            .await?;
        tracing::info!(workspace = %ws, require_review = after.require_review, four_eyes = after.four_eyes, "template review settings updated");
        let proto = settings_to_proto(&after);
        Change::new(
            "channel",
            "template_review_settings.updated",
            "template_review_settings",
            ws.to_string(),
        )
        .before_proto(&settings_to_proto(&before))
        .after_proto(&proto)
        .publish(&self.bus, &caller)
        .await;
        Ok(Response::new(pb::UpdateTemplateReviewSettingsResponse {
            settings: Some(proto),
        }))
    }
}
