//! Template review: versions move draft → in review → approved/published (or rejected
//! with a comment); sends render only the published (approved) version; four-eyes;
//! generated content; the diff; and the audit log (read back with identity's
//! ListAuditLog) for templates, review decisions, providers, send policy and
//! suppressions.

use omni_common::access::Role;
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::identity::v1 as idpb;
use omni_proto::identity::v1::access_service_client::AccessServiceClient;
use omni_testkit::eventually;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

use crate::support::{Harness, PATIENCE, field_violation, send_on};

/// Sends a fixed API key.
#[derive(Clone)]
struct BearerKey(tonic::metadata::AsciiMetadataValue);

impl tonic::service::Interceptor for BearerKey {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        request
            .metadata_mut()
            .insert("authorization", self.0.clone());
        Ok(request)
    }
}

type KeyClient = ChannelServiceClient<InterceptedService<Channel, BearerKey>>;

/// A channel client with an API key of `role` (mirrored into Redis as identity would).
async fn client_with_key(
    h: &Harness,
    key: &str,
    key_id: &str,
    role: Role,
) -> anyhow::Result<KeyClient> {
    let mut redis = omni_common::redis::connect(&h.settings.redis.url).await?;
    let mirrored = omni_common::auth::MirroredKey {
        workspace_id: "default".into(),
        key_id: key_id.into(),
        role: Some(role),
        expires_ms: None,
    };
    omni_common::auth::mirror_key(&mut redis, &omni_common::auth::hash_key(key), &mirrored).await?;
    let channel =
        tonic::transport::Endpoint::from_shared(format!("http://{}", h.addr))?.connect_lazy();
    Ok(ChannelServiceClient::with_interceptor(
        channel,
        BearerKey(format!("Bearer {key}").parse()?),
    ))
}

struct Keys {
    marketer: KeyClient,
    approver: KeyClient,
}

async fn keys(h: &Harness) -> anyhow::Result<Keys> {
    Ok(Keys {
        marketer: client_with_key(h, "omk_marketer", "key_marketer", Role::Marketer).await?,
        approver: client_with_key(h, "omk_approver", "key_approver", Role::Approver).await?,
    })
}

async fn set_review(h: &Harness, require_review: bool, four_eyes: bool) -> anyhow::Result<()> {
    h.client
        .clone()
        .update_template_review_settings(pb::UpdateTemplateReviewSettingsRequest {
            settings: Some(pb::TemplateReviewSettings {
                require_review,
                four_eyes,
                update_time: None,
            }),
        })
        .await?;
    Ok(())
}

fn email(subject: &str, body: &str) -> pb::Template {
    pb::Template {
        display_name: "Spring".into(),
        channel: DeliveryChannel::Email as i32,
        subject: subject.into(),
        body: body.into(),
        ..Default::default()
    }
}

async fn create(c: &mut KeyClient, t: pb::Template) -> anyhow::Result<pb::Template> {
    c.create_template(pb::CreateTemplateRequest {
        template: Some(t),
        idempotency_key: String::new(),
    })
    .await?
    .into_inner()
    .template
    .ok_or_else(|| anyhow::anyhow!("no template"))
}

async fn update(c: &mut KeyClient, id: &str, t: pb::Template) -> anyhow::Result<pb::Template> {
    c.update_template(pb::UpdateTemplateRequest {
        template_id: id.into(),
        template: Some(t),
        idempotency_key: String::new(),
    })
    .await?
    .into_inner()
    .template
    .ok_or_else(|| anyhow::anyhow!("no template"))
}

fn submit(id: &str, version: i64) -> pb::SubmitTemplateForReviewRequest {
    pb::SubmitTemplateForReviewRequest {
        template_id: id.into(),
        version,
        comment: "ready".into(),
    }
}

fn approve(id: &str, version: i64) -> pb::ApproveTemplateRequest {
    pb::ApproveTemplateRequest {
        template_id: id.into(),
        version,
        comment: String::new(),
    }
}

fn state(t: &pb::Template) -> pb::TemplateReviewState {
    pb::TemplateReviewState::try_from(t.review_state).unwrap_or_default()
}

fn reason(m: &pb::Message) -> pb::SuppressionReason {
    pb::SuppressionReason::try_from(m.suppression_reason).unwrap_or_default()
}

#[tokio::test]
async fn an_unapproved_version_blocks_the_send_and_approval_publishes_it() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys {
        mut marketer,
        mut approver,
    } = keys(&h).await?;
    set_review(&h, true, false).await?;
    let cid = h.ann().await?;

    let v1 = create(
        &mut marketer,
        email("v1 for {{ profile.first_name }}", "first"),
    )
    .await?;
    assert_eq!(v1.version, 1);
    assert_eq!(state(&v1), pb::TemplateReviewState::Draft);
    assert_eq!(v1.published_version, 0);
    assert_eq!(v1.author_key_id, "key_marketer");

    // Nothing approved: the send is recorded, suppressed, with the reason and why.
    let blocked = h
        .send(send_on(DeliveryChannel::Email, &cid, &v1.template_id))
        .await?;
    assert_eq!(blocked.status, pb::MessageStatus::Suppressed as i32);
    assert_eq!(reason(&blocked), pb::SuppressionReason::TemplateNotApproved);
    assert!(blocked.error.contains("no approved version"), "{blocked:?}");
    let read = h.get(&blocked.message_id).await?;
    assert_eq!(reason(&read), pb::SuppressionReason::TemplateNotApproved);

    // The marketer submits; the marketer may not approve (permission), the approver does.
    let submitted = marketer
        .submit_template_for_review(submit(&v1.template_id, 0))
        .await?
        .into_inner()
        .template
        .expect("template");
    assert_eq!(state(&submitted), pb::TemplateReviewState::InReview);
    let denied = marketer
        .approve_template(approve(&v1.template_id, 1))
        .await
        .expect_err("marketer cannot approve");
    assert_eq!(denied.code(), Code::PermissionDenied);
    assert!(denied.message().contains("templates.approve"), "{denied:?}");
    let approved = approver
        .approve_template(approve(&v1.template_id, 1))
        .await?
        .into_inner()
        .template
        .expect("template");
    assert_eq!(state(&approved), pb::TemplateReviewState::Published);
    assert_eq!(approved.published_version, 1);

    // A newer draft exists; sends still render the approved version 1.
    let v2 = update(
        &mut marketer,
        &v1.template_id,
        email("v2 subject", "second"),
    )
    .await?;
    assert_eq!(v2.version, 2);
    assert_eq!(state(&v2), pb::TemplateReviewState::Draft);
    assert_eq!(v2.published_version, 1);
    let sent = h
        .send(send_on(DeliveryChannel::Email, &cid, &v1.template_id))
        .await?;
    assert_eq!(sent.subject, "v1 for Ann");
    assert_eq!(sent.body, "first");
    let sent = h.settled(&sent.message_id).await?;
    assert_eq!(sent.status, pb::MessageStatus::Sent as i32);

    // Approving version 2 publishes it; version 1 stays approved, no longer published.
    marketer
        .submit_template_for_review(submit(&v1.template_id, 2))
        .await?;
    approver
        .approve_template(approve(&v1.template_id, 2))
        .await?;
    let old = h
        .client
        .clone()
        .get_template_review(pb::GetTemplateReviewRequest {
            template_id: v1.template_id.clone(),
            version: 1,
        })
        .await?
        .into_inner()
        .review
        .and_then(|r| r.template)
        .expect("template");
    assert_eq!(state(&old), pb::TemplateReviewState::Approved);
    assert_eq!(old.published_version, 2);
    let m = h
        .send(send_on(DeliveryChannel::Email, &cid, &v1.template_id))
        .await?;
    assert_eq!(m.subject, "v2 subject");

    // The history names who did what.
    let review = h
        .client
        .clone()
        .get_template_review(pb::GetTemplateReviewRequest {
            template_id: v1.template_id.clone(),
            version: 1,
        })
        .await?
        .into_inner()
        .review
        .expect("review");
    let history: Vec<(&str, &str)> = review
        .history
        .iter()
        .map(|e| (e.action.as_str(), e.actor_key_id.as_str()))
        .collect();
    assert_eq!(
        history,
        vec![
            ("created", "key_marketer"),
            ("submitted", "key_marketer"),
            ("approved", "key_approver"),
            ("published", "key_approver"),
        ]
    );
    h.stop().await
}

#[tokio::test]
async fn four_eyes_refuses_the_author_and_reject_needs_a_comment() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut alice = client_with_key(&h, "omk_alice", "key_alice", Role::Admin).await?;
    let Keys { mut approver, .. } = keys(&h).await?;
    set_review(&h, true, true).await?;
    let t = create(&mut alice, email("Hi", "Body")).await?;
    alice
        .submit_template_for_review(submit(&t.template_id, 1))
        .await?;

    // Alice may approve templates (admin) but not her own version.
    let refused = alice
        .approve_template(approve(&t.template_id, 1))
        .await
        .expect_err("four-eyes");
    assert_eq!(refused.code(), Code::PermissionDenied);
    assert!(refused.message().contains("four-eyes"), "{refused:?}");
    assert!(refused.message().contains("key_alice"), "{refused:?}");
    let still = h
        .client
        .clone()
        .get_template_review(pb::GetTemplateReviewRequest {
            template_id: t.template_id.clone(),
            version: 1,
        })
        .await?
        .into_inner()
        .review
        .and_then(|r| r.template)
        .expect("template");
    assert_eq!(state(&still), pb::TemplateReviewState::InReview);

    // Rejecting without a comment is refused and changes nothing.
    let bad = approver
        .reject_template(pb::RejectTemplateRequest {
            template_id: t.template_id.clone(),
            version: 1,
            comment: "  ".into(),
        })
        .await
        .expect_err("comment required");
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&bad).as_deref(), Some("comment"));
    let rejected = approver
        .reject_template(pb::RejectTemplateRequest {
            template_id: t.template_id.clone(),
            version: 1,
            comment: "Subject is too vague".into(),
        })
        .await?
        .into_inner()
        .template
        .expect("template");
    assert_eq!(state(&rejected), pb::TemplateReviewState::Rejected);
    // A rejected version cannot be approved afterwards.
    let late = approver
        .approve_template(approve(&t.template_id, 1))
        .await
        .expect_err("not in review");
    assert_eq!(late.code(), Code::FailedPrecondition);
    assert!(late.message().contains("REJECTED"), "{late:?}");
    let review = h
        .client
        .clone()
        .get_template_review(pb::GetTemplateReviewRequest {
            template_id: t.template_id.clone(),
            version: 1,
        })
        .await?
        .into_inner()
        .review
        .expect("review");
    let last = review.history.last().expect("history");
    assert_eq!(last.action, "rejected");
    assert_eq!(last.comment, "Subject is too vague");

    // Another key's version is approvable by Alice.
    let mut bob = client_with_key(&h, "omk_bob", "key_bob", Role::Marketer).await?;
    let v2 = update(&mut bob, &t.template_id, email("Hello", "Body")).await?;
    bob.submit_template_for_review(submit(&t.template_id, v2.version))
        .await?;
    let ok = alice
        .approve_template(approve(&t.template_id, v2.version))
        .await?
        .into_inner()
        .template
        .expect("template");
    assert_eq!(state(&ok), pb::TemplateReviewState::Published);
    h.stop().await
}

#[tokio::test]
async fn generated_content_needs_review_with_review_off() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys {
        mut marketer,
        mut approver,
    } = keys(&h).await?;
    let cid = h.ann().await?;
    // Review off: ordinary content is published as saved, as before.
    let plain = create(&mut marketer, email("Plain", "Body")).await?;
    assert_eq!(state(&plain), pb::TemplateReviewState::Published);
    assert_eq!(plain.published_version, 1);

    // Generated content is a draft, and its template cannot send.
    let generated = create(
        &mut marketer,
        pb::Template {
            generated: true,
            ..email("Written by a model", "Body")
        },
    )
    .await?;
    assert!(generated.generated);
    assert_eq!(state(&generated), pb::TemplateReviewState::Draft);
    let m = h
        .send(send_on(
            DeliveryChannel::Email,
            &cid,
            &generated.template_id,
        ))
        .await?;
    assert_eq!(reason(&m), pb::SuppressionReason::TemplateNotApproved);
    let review = h
        .client
        .clone()
        .get_template_review(pb::GetTemplateReviewRequest {
            template_id: generated.template_id.clone(),
            version: 0,
        })
        .await?
        .into_inner()
        .review
        .expect("review");
    assert!(review.approval_required);

    // A generated new version of the plain template waits too; sends keep version 1.
    let v2 = update(
        &mut marketer,
        &plain.template_id,
        pb::Template {
            generated: true,
            ..email("Generated v2", "Body")
        },
    )
    .await?;
    assert_eq!(state(&v2), pb::TemplateReviewState::Draft);
    let m = h
        .send(send_on(DeliveryChannel::Email, &cid, &plain.template_id))
        .await?;
    assert_eq!(m.subject, "Plain");

    // It shows in the approver's queue once submitted, then approval publishes it.
    marketer
        .submit_template_for_review(submit(&generated.template_id, 1))
        .await?;
    let queue = approver
        .list_template_reviews(pb::ListTemplateReviewsRequest {
            states: vec![pb::TemplateReviewState::InReview as i32],
            ..Default::default()
        })
        .await?
        .into_inner()
        .reviews;
    let ids: Vec<&str> = queue
        .iter()
        .filter_map(|r| r.template.as_ref().map(|t| t.template_id.as_str()))
        .collect();
    assert_eq!(ids, vec![generated.template_id.as_str()]);
    approver
        .approve_template(approve(&generated.template_id, 1))
        .await?;
    let m = h
        .send(send_on(
            DeliveryChannel::Email,
            &cid,
            &generated.template_id,
        ))
        .await?;
    assert_eq!(m.subject, "Written by a model");
    assert_ne!(m.status, pb::MessageStatus::Suppressed as i32);
    h.stop().await
}

#[tokio::test]
async fn the_diff_shows_the_changed_variant() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let Keys { mut marketer, .. } = keys(&h).await?;
    let sms = |body: &str, locale: &str| pb::TemplateVariant {
        channel: DeliveryChannel::Sms as i32,
        locale: locale.into(),
        body: body.into(),
        ..Default::default()
    };
    let v1 = create(
        &mut marketer,
        pb::Template {
            variants: vec![sms("Sale today", ""), sms("오늘 세일", "ko")],
            ..email("Spring sale", "Body")
        },
    )
    .await?;
    set_review(&h, true, false).await?;
    let v2 = update(
        &mut marketer,
        &v1.template_id,
        pb::Template {
            variants: vec![sms("Sale today only", ""), sms("오늘 세일", "ko")],
            ..email("Spring sale", "Body")
        },
    )
    .await?;
    let review = h
        .client
        .clone()
        .get_template_review(pb::GetTemplateReviewRequest {
            template_id: v1.template_id.clone(),
            version: v2.version,
        })
        .await?
        .into_inner()
        .review
        .expect("review");
    let diff = review.diff.expect("diff");
    assert_eq!(diff.base_version, 1);
    assert_eq!(diff.variants.len(), 1, "{diff:?}");
    let changed = &diff.variants[0];
    assert_eq!(changed.channel, DeliveryChannel::Sms as i32);
    assert_eq!(changed.locale, "");
    assert_eq!(changed.change, pb::TemplateVariantChange::Changed as i32);
    assert_eq!(changed.fields_changed, vec!["body".to_owned()]);
    assert_eq!(
        changed.before.as_ref().map(|v| v.body.as_str()),
        Some("Sale today")
    );
    assert_eq!(
        changed.after.as_ref().map(|v| v.body.as_str()),
        Some("Sale today only")
    );
    assert!(!diff.display_name_changed);

    // Bad input names the field and changes nothing.
    let bad = marketer
        .update_template(pb::UpdateTemplateRequest {
            template_id: v1.template_id.clone(),
            template: Some(pb::Template {
                channel: DeliveryChannel::Sms as i32,
                body: "x".into(),
                display_name: "x".into(),
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("channel change");
    assert_eq!(field_violation(&bad).as_deref(), Some("template.channel"));
    let newest = h
        .client
        .clone()
        .get_template(pb::GetTemplateRequest {
            template_id: v1.template_id.clone(),
        })
        .await?
        .into_inner()
        .template
        .expect("template");
    assert_eq!(newest.version, 2);
    h.stop().await
}

/// Every audit entry identity recorded for `resource_type`, newest first, once `want`
/// of them arrived.
async fn audit(
    access: &mut AccessServiceClient<InterceptedService<Channel, BearerKey>>,
    resource_type: &str,
    want: usize,
) -> anyhow::Result<Vec<idpb::AuditEntry>> {
    eventually(PATIENCE, || {
        let mut access = access.clone();
        async move {
            let entries = access
                .list_audit_log(idpb::ListAuditLogRequest {
                    resource_type: resource_type.into(),
                    page_size: 100,
                    ..Default::default()
                })
                .await?
                .into_inner()
                .entries;
            Ok((entries.len() >= want).then_some(entries))
        }
    })
    .await
}

fn field<'a>(v: &'a Option<prost_types::Value>, path: &[&str]) -> Option<&'a prost_types::Value> {
    let mut cur = v.as_ref()?;
    for key in path {
        match cur.kind.as_ref()? {
            prost_types::value::Kind::StructValue(s) => cur = s.fields.get(*key)?,
            _ => return None,
        }
    }
    Some(cur)
}

fn text(v: Option<&prost_types::Value>) -> Option<String> {
    match v?.kind.as_ref()? {
        prost_types::value::Kind::StringValue(s) => Some(s.clone()),
        prost_types::value::Kind::NumberValue(n) => Some(n.to_string()),
        _ => None,
    }
}

#[tokio::test]
async fn every_governed_change_shows_in_the_audit_log() -> anyhow::Result<()> {
    let h = Harness::start_with_identity(|_| {}).await?;
    let identity = h.identity.as_ref().expect("identity");
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{}", identity.addr))?
        .connect_lazy();
    let mut access =
        AccessServiceClient::with_interceptor(channel, BearerKey("Bearer test-admin-key".parse()?));
    let Keys {
        mut marketer,
        mut approver,
    } = keys(&h).await?;

    // Templates: created, updated (review on), submitted, approved, rejected.
    let t = create(&mut marketer, email("Before", "Body")).await?;
    set_review(&h, true, false).await?;
    update(&mut marketer, &t.template_id, email("After", "Body")).await?;
    marketer
        .submit_template_for_review(submit(&t.template_id, 2))
        .await?;
    approver
        .approve_template(approve(&t.template_id, 2))
        .await?;
    update(&mut marketer, &t.template_id, email("Third", "Body")).await?;
    marketer
        .submit_template_for_review(submit(&t.template_id, 3))
        .await?;
    approver
        .reject_template(pb::RejectTemplateRequest {
            template_id: t.template_id.clone(),
            version: 3,
            comment: "Off brand".into(),
        })
        .await?;
    let entries = audit(&mut access, "template", 7).await?;
    let mut actions: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.action.as_str(), e.actor_key_id.as_str()))
        .collect();
    actions.reverse();
    assert_eq!(
        actions,
        vec![
            ("template.created", "key_marketer"),
            ("template.updated", "key_marketer"),
            ("template.submitted_for_review", "key_marketer"),
            ("template.approved", "key_approver"),
            ("template.updated", "key_marketer"),
            ("template.submitted_for_review", "key_marketer"),
            ("template.rejected", "key_approver"),
        ]
    );
    let updated = entries
        .iter()
        .rev()
        .find(|e| e.action == "template.updated")
        .expect("updated");
    assert_eq!(
        text(field(&updated.before, &["subject"])).as_deref(),
        Some("Before")
    );
    assert_eq!(
        text(field(&updated.after, &["subject"])).as_deref(),
        Some("After")
    );
    let approved = entries
        .iter()
        .find(|e| e.action == "template.approved")
        .expect("approved");
    assert_eq!(
        text(field(&approved.before, &["reviewState"])).as_deref(),
        Some("TEMPLATE_REVIEW_STATE_IN_REVIEW")
    );
    assert_eq!(
        text(field(&approved.after, &["reviewState"])).as_deref(),
        Some("TEMPLATE_REVIEW_STATE_PUBLISHED")
    );
    let settings = audit(&mut access, "template_review_settings", 1).await?;
    assert_eq!(settings[0].action, "template_review_settings.updated");
    assert_eq!(settings[0].actor_key_id, "bootstrap");

    // Providers: before and after.
    let provider = |rate: f64| pb::ProviderConfig {
        channel: DeliveryChannel::Sms as i32,
        kind: pb::ProviderKind::Twilio as i32,
        base_url: "http://127.0.0.1:9".into(),
        account_id: "AC1".into(),
        sender: "+15550000000".into(),
        secret_ref: "env:OMNI_TEST_NO_SUCH_SECRET".into(),
        rate_per_second: rate,
        ..Default::default()
    };
    h.provider(provider(5.0)).await?;
    h.provider(provider(7.0)).await?;
    let entries = audit(&mut access, "provider", 2).await?;
    let newest = &entries[0];
    assert_eq!(newest.action, "provider.updated");
    assert_eq!(
        text(field(&newest.before, &["ratePerSecond"])).as_deref(),
        Some("5")
    );
    assert_eq!(
        text(field(&newest.after, &["ratePerSecond"])).as_deref(),
        Some("7")
    );

    // Send policy, frequency rules included: before and after.
    let rule = pb::FrequencyRule {
        channels: vec![DeliveryChannel::Email as i32],
        max: 1,
        period: pb::CapWindow::Week as i32,
    };
    h.client
        .clone()
        .update_send_policy(pb::UpdateSendPolicyRequest {
            policy: Some(pb::SendPolicy {
                frequency_rules: vec![rule],
                ..Default::default()
            }),
        })
        .await?;
    let entries = audit(&mut access, "send_policy", 1).await?;
    assert_eq!(entries[0].action, "send_policy.updated");
    assert!(
        field(&entries[0].before, &["frequencyRules"]).is_none(),
        "{:?}",
        entries[0].before
    );
    let after_rules = field(&entries[0].after, &["frequencyRules"]);
    assert!(
        matches!(
            after_rules.and_then(|v| v.kind.as_ref()),
            Some(prost_types::value::Kind::ListValue(l)) if l.values.len() == 1
        ),
        "{:?}",
        entries[0].after
    );

    // Suppressions: added (after) and removed (before).
    let entry = pb::Suppression {
        channel: DeliveryChannel::Email as i32,
        address: "Gone@Example.com".into(),
        reason: pb::SuppressionListReason::Manual as i32,
        note: "asked by phone".into(),
        create_time: None,
    };
    marketer
        .create_suppression(pb::CreateSuppressionRequest {
            suppression: Some(entry),
        })
        .await?;
    marketer
        .delete_suppression(pb::DeleteSuppressionRequest {
            channel: DeliveryChannel::Email as i32,
            address: "gone@example.com".into(),
        })
        .await?;
    let entries = audit(&mut access, "suppression", 2).await?;
    assert_eq!(entries[0].action, "suppression.deleted");
    assert_eq!(entries[0].resource_id, "email/gone@example.com");
    assert_eq!(
        text(field(&entries[0].before, &["note"])).as_deref(),
        Some("asked by phone")
    );
    assert_eq!(entries[1].action, "suppression.created");
    assert_eq!(entries[1].actor_key_id, "key_marketer");
    assert_eq!(
        text(field(&entries[1].after, &["address"])).as_deref(),
        Some("gone@example.com")
    );
    h.stop().await
}
