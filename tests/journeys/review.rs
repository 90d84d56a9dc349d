//! Review before publish: submit / approve / reject / publish with and without the
//! workspace's `require_review`, four-eyes, generated content, the diff and the history
//! (and their audit records).

use omni_proto::common::v1::AuditEvent;
use omni_proto::identity::v1::Role;
use omni_proto::journey::v1 as pb;
use omni_proto::prost::Message as _;
use redis::AsyncCommands as _;
use tonic::Code;

use crate::support::*;

fn review_state(j: &pb::Journey) -> pb::JourneyReviewState {
    pb::JourneyReviewState::try_from(j.review_state).unwrap_or(pb::JourneyReviewState::Unspecified)
}

async fn set_review(h: &Harness, require_review: bool, four_eyes: bool) -> anyhow::Result<()> {
    h.client()?
        .update_journey_review_settings(pb::UpdateJourneyReviewSettingsRequest {
            settings: Some(pb::JourneyReviewSettings {
                require_review,
                four_eyes,
                update_time: None,
            }),
        })
        .await?;
    Ok(())
}

async fn create(client: &mut KeyClient, journey: pb::Journey) -> anyhow::Result<String> {
    Ok(client
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(journey),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner()
        .journey
        .unwrap_or_default()
        .journey_id)
}

fn submit(id: &str) -> pb::SubmitJourneyForReviewRequest {
    pb::SubmitJourneyForReviewRequest {
        journey_id: id.into(),
        comment: "please review".into(),
    }
}

fn approve(id: &str) -> pb::ApproveJourneyRequest {
    pb::ApproveJourneyRequest {
        journey_id: id.into(),
        comment: "looks good".into(),
    }
}

fn publish(id: &str) -> pb::PublishJourneyRequest {
    pb::PublishJourneyRequest {
        journey_id: id.into(),
    }
}

/// Every audit action recorded on the bus for `journey_id`, oldest first.
async fn audit_actions(h: &Harness, journey_id: &str) -> anyhow::Result<Vec<AuditEvent>> {
    let mut redis = omni_common::redis::connect(&h.settings.redis.url).await?;
    let entries: redis::streams::StreamRangeReply = redis.xrange_all("bus:audit").await?;
    let mut out = Vec::new();
    for entry in entries.ids {
        if let Some(redis::Value::BulkString(bytes)) = entry.map.get("p") {
            let event = AuditEvent::decode(bytes.as_slice())?;
            if event.resource_id == journey_id {
                out.push(event);
            }
        }
    }
    Ok(out)
}

struct Keys {
    marketer: KeyClient,
    approver: KeyClient,
    marketer_id: String,
    approver_id: String,
}

/// A marketer's and an approver's key, created through identity's AccessService.
async fn keys(h: &Harness) -> anyhow::Result<Keys> {
    let (marketer_id, marketer) = h.client_with_role("marketer", Role::Marketer).await?;
    let (approver_id, approver) = h.client_with_role("approver", Role::Approver).await?;
    Ok(Keys {
        marketer,
        approver,
        marketer_id,
        approver_id,
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn submit_approve_publish_round_trip_with_review_required() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys {
        mut marketer,
        mut approver,
        marketer_id,
        approver_id,
    } = keys(&h).await?;
    set_review(&h, true, false).await?;
    let id = create(&mut marketer, h.resolved(welcome_journey()).await?).await?;

    // Not submitted: publishing is refused, naming the review state; nothing changes.
    let refused = approver.publish_journey(publish(&id)).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(refused.message().contains("DRAFT"), "{refused:?}");
    assert!(refused.message().contains("APPROVED"), "{refused:?}");

    // Roles: the marketer submits but may not approve; the approver may not submit.
    let denied = approver
        .submit_journey_for_review(submit(&id))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    assert!(denied.message().contains("journeys.edit"), "{denied:?}");
    let submitted = marketer
        .submit_journey_for_review(submit(&id))
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(review_state(&submitted), pb::JourneyReviewState::InReview);
    let denied = marketer.approve_journey(approve(&id)).await.unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    assert!(denied.message().contains("journeys.publish"), "{denied:?}");

    // In review: still not publishable; submitting twice is refused.
    let refused = approver.publish_journey(publish(&id)).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition);
    assert!(refused.message().contains("IN_REVIEW"), "{refused:?}");
    let twice = marketer
        .submit_journey_for_review(submit(&id))
        .await
        .unwrap_err();
    assert_eq!(twice.code(), Code::FailedPrecondition);

    let approved = approver
        .approve_journey(approve(&id))
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(review_state(&approved), pb::JourneyReviewState::Approved);
    assert_eq!(approved.state, pb::JourneyState::Draft as i32);

    let published = approver
        .publish_journey(publish(&id))
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(published.state, pb::JourneyState::Published as i32);
    assert_eq!(published.published_version, 1);
    assert_eq!(review_state(&published), pb::JourneyReviewState::Published);

    // Who and when, oldest first, on both read paths.
    let history = marketer
        .list_journey_reviews(pb::ListJourneyReviewsRequest {
            journey_id: id.clone(),
        })
        .await?
        .into_inner()
        .entries;
    let steps: Vec<(&str, &str, &str)> = history
        .iter()
        .map(|e| {
            (
                e.action.as_str(),
                e.actor_key_id.as_str(),
                e.actor_role.as_str(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("submitted", marketer_id.as_str(), "marketer"),
            ("approved", approver_id.as_str(), "approver"),
            ("published", approver_id.as_str(), "approver"),
        ]
    );
    assert_eq!(history[0].comment, "please review");
    assert_eq!(history[1].comment, "looks good");
    assert_eq!(history[2].version, 1);
    assert_eq!(
        history[2].time,
        Some(omni_common::convert::to_timestamp(START_MS))
    );
    let review = approver
        .get_journey_review(pb::GetJourneyReviewRequest {
            journey_id: id.clone(),
        })
        .await?
        .into_inner();
    assert_eq!(review.history, history);
    assert!(review.approval_required);

    // Every transition is in the audit log, with the actor.
    let audit = audit_actions(&h, &id).await?;
    let actions: Vec<(&str, &str)> = audit
        .iter()
        .map(|e| (e.action.as_str(), e.actor_key_id.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("journey.created", marketer_id.as_str()),
            ("journey.submitted_for_review", marketer_id.as_str()),
            ("journey.approved", approver_id.as_str()),
            ("journey.published", approver_id.as_str()),
        ]
    );
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn reject_needs_a_comment_and_an_edit_withdraws_approval() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys {
        mut marketer,
        mut approver,
        ..
    } = keys(&h).await?;
    set_review(&h, true, false).await?;
    let id = create(&mut marketer, h.resolved(welcome_journey()).await?).await?;
    marketer.submit_journey_for_review(submit(&id)).await?;

    let bad = approver
        .reject_journey(pb::RejectJourneyRequest {
            journey_id: id.clone(),
            comment: "  ".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert!(bad.message().contains("comment"), "{bad:?}");
    let rejected = approver
        .reject_journey(pb::RejectJourneyRequest {
            journey_id: id.clone(),
            comment: "the wait is too short".into(),
        })
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(review_state(&rejected), pb::JourneyReviewState::Draft);
    let not_in_review = approver.approve_journey(approve(&id)).await.unwrap_err();
    assert_eq!(not_in_review.code(), Code::FailedPrecondition);
    assert!(
        not_in_review.message().contains("IN_REVIEW"),
        "{not_in_review:?}"
    );

    // Resubmitted and approved, then edited: back to DRAFT, so publish is refused.
    marketer.submit_journey_for_review(submit(&id)).await?;
    approver.approve_journey(approve(&id)).await?;
    let mut edited = h.resolved(welcome_journey()).await?;
    edited.journey_id = id.clone();
    edited.nodes[1] = node("wait", "pick", wait(7200));
    // The same definition again is no change and keeps the approval.
    let mut same = h.resolved(welcome_journey()).await?;
    same.journey_id = id.clone();
    let kept = marketer
        .update_journey_draft(pb::UpdateJourneyDraftRequest {
            journey: Some(same),
        })
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(review_state(&kept), pb::JourneyReviewState::Approved);
    let after = marketer
        .update_journey_draft(pb::UpdateJourneyDraftRequest {
            journey: Some(edited),
        })
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(review_state(&after), pb::JourneyReviewState::Draft);
    let refused = approver.publish_journey(publish(&id)).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition);

    let history = approver
        .list_journey_reviews(pb::ListJourneyReviewsRequest {
            journey_id: id.clone(),
        })
        .await?
        .into_inner()
        .entries;
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["submitted", "rejected", "submitted", "approved", "edited"]
    );
    assert_eq!(history[1].comment, "the wait is too short");
    assert_eq!(
        history[4].from_state,
        pb::JourneyReviewState::Approved as i32
    );
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn four_eyes_refuses_the_submitter_and_the_last_editor() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    set_review(&h, true, true).await?;
    let (alice_id, mut alice) = h.client_with_role("alice", Role::Admin).await?;
    let (_, mut bob) = h.client_with_role("bob", Role::Admin).await?;
    let (_, mut approver) = h.client_with_role("approver", Role::Approver).await?;

    // Alice writes and submits: Alice may not approve.
    let id = create(&mut alice, h.resolved(welcome_journey()).await?).await?;
    alice.submit_journey_for_review(submit(&id)).await?;
    let refused = alice.approve_journey(approve(&id)).await.unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
    assert!(refused.message().contains("four-eyes"), "{refused:?}");
    assert!(refused.message().contains(&alice_id), "{refused:?}");
    let still = alice
        .get_journey(pb::GetJourneyRequest {
            journey_id: id.clone(),
        })
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(review_state(&still), pb::JourneyReviewState::InReview);

    // Bob submitted a draft Alice last edited: neither may approve it.
    let other = create(&mut alice, h.resolved(welcome_journey()).await?).await?;
    bob.submit_journey_for_review(submit(&other)).await?;
    for client in [&mut alice, &mut bob] {
        let refused = client.approve_journey(approve(&other)).await.unwrap_err();
        assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
        assert!(refused.message().contains("four-eyes"), "{refused:?}");
    }

    // Another key approves, and the journey publishes.
    approver.approve_journey(approve(&id)).await?;
    approver.approve_journey(approve(&other)).await?;
    let published = bob
        .publish_journey(publish(&id))
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(published.published_version, 1);

    // Without four-eyes the author may approve their own change.
    set_review(&h, true, false).await?;
    let own = create(&mut alice, h.resolved(welcome_journey()).await?).await?;
    alice.submit_journey_for_review(submit(&own)).await?;
    alice.approve_journey(approve(&own)).await?;
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn generated_content_needs_review_even_with_review_off() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys {
        mut marketer,
        mut approver,
        ..
    } = keys(&h).await?;
    let settings = approver
        .get_journey_review_settings(pb::GetJourneyReviewSettingsRequest {})
        .await?
        .into_inner()
        .settings
        .unwrap_or_default();
    assert!(!settings.require_review && !settings.four_eyes);

    // Hand-written content publishes directly when review is off (the default).
    let plain = create(&mut marketer, h.resolved(welcome_journey()).await?).await?;
    approver.publish_journey(publish(&plain)).await?;

    let mut generated = h.resolved(welcome_journey()).await?;
    generated.generated = true;
    let id = create(&mut marketer, generated).await?;
    let refused = approver.publish_journey(publish(&id)).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(refused.message().contains("generated"), "{refused:?}");
    let review = approver
        .get_journey_review(pb::GetJourneyReviewRequest {
            journey_id: id.clone(),
        })
        .await?
        .into_inner();
    assert!(review.approval_required);

    // An edit without the flag does not clear it: generated stays until published.
    let mut edited = h.resolved(welcome_journey()).await?;
    edited.journey_id = id.clone();
    edited.display_name = "Welcome (edited)".into();
    let after = marketer
        .update_journey_draft(pb::UpdateJourneyDraftRequest {
            journey: Some(edited),
        })
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert!(after.generated);

    marketer.submit_journey_for_review(submit(&id)).await?;
    approver.approve_journey(approve(&id)).await?;
    let published = approver
        .publish_journey(publish(&id))
        .await?
        .into_inner()
        .journey
        .unwrap_or_default();
    assert_eq!(published.published_version, 1);
    assert!(!published.generated);
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn review_shows_the_diff_against_the_published_version() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys {
        mut marketer,
        mut approver,
        ..
    } = keys(&h).await?;
    let id = create(&mut marketer, h.resolved(welcome_journey()).await?).await?;
    let review = |approver: &mut KeyClient| {
        let mut approver = approver.clone();
        let id = id.clone();
        async move {
            anyhow::Ok(
                approver
                    .get_journey_review(pb::GetJourneyReviewRequest { journey_id: id })
                    .await?
                    .into_inner(),
            )
        }
    };

    // Never published: everything is added.
    let first = review(&mut approver).await?.diff.unwrap_or_default();
    assert_eq!(first.base_version, 0);
    assert_eq!(first.nodes_added, ["in", "wait", "pick", "send"]);
    assert!(first.nodes_removed.is_empty() && first.nodes_changed.is_empty());
    assert!(first.settings_changed.is_empty());

    // A draft edit shows in the diff only against a published base: published now,
    // the draft equals version 1.
    let mut v1 = h.resolved(welcome_journey()).await?;
    v1.journey_id = id.clone();
    v1.nodes[1] = node("wait", "pick", wait(60));
    v1.settings = Some(pb::JourneySettings {
        priority: 80,
        ..Default::default()
    });
    marketer
        .update_journey_draft(pb::UpdateJourneyDraftRequest { journey: Some(v1) })
        .await?;
    approver.publish_journey(publish(&id)).await?;
    let published = review(&mut approver).await?;
    let diff = published.diff.unwrap_or_default();
    assert_eq!(diff.base_version, 1);
    assert!(diff.nodes_added.is_empty() && diff.nodes_removed.is_empty());
    assert!(diff.nodes_changed.is_empty() && diff.settings_changed.is_empty());
    assert_eq!(
        published
            .journey
            .unwrap_or_default()
            .settings
            .unwrap_or_default()
            .priority,
        80
    );
    h.stop().await
}

#[tokio::test(flavor = "multi_thread")]
async fn priority_out_of_range_is_rejected_and_settings_are_admin_only() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys {
        mut marketer,
        mut approver,
        ..
    } = keys(&h).await?;
    let mut bad = h.resolved(welcome_journey()).await?;
    bad.settings = Some(pb::JourneySettings {
        priority: 101,
        ..Default::default()
    });
    let err = marketer
        .create_journey(pb::CreateJourneyRequest {
            journey: Some(bad),
            idempotency_key: String::new(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().contains("journey.settings.priority"),
        "{err:?}"
    );

    // Turning review off is not the approver's (nor the marketer's) call.
    for client in [&mut marketer, &mut approver] {
        let denied = client
            .update_journey_review_settings(pb::UpdateJourneyReviewSettingsRequest {
                settings: Some(pb::JourneyReviewSettings::default()),
            })
            .await
            .unwrap_err();
        assert_eq!(denied.code(), Code::PermissionDenied);
        assert!(denied.message().contains("policies.edit"), "{denied:?}");
    }
    set_review(&h, true, true).await?;
    let settings = marketer
        .get_journey_review_settings(pb::GetJourneyReviewSettingsRequest {})
        .await?
        .into_inner()
        .settings
        .unwrap_or_default();
    assert!(settings.require_review && settings.four_eyes);
    assert!(settings.update_time.is_some());
    let audit = audit_actions(&h, "default").await?;
    assert!(
        audit
            .iter()
            .any(|e| e.action == "journey_review_settings.updated"),
        "{audit:?}"
    );
    h.stop().await
}
