//! Roles, API keys and the audit log, through the real auth layer of every service.

use std::time::Duration;

use omni::clients::{ApiKey, Authed, Clients};
use omni_common::convert::value_to_json;
use omni_proto::channel::v1::SendRequest;
use omni_proto::decisioning::v1::DecideRequest;
use omni_proto::identity::v1::access_service_client::AccessServiceClient;
use omni_proto::identity::v1::{
    AuditEntry, CreateApiKeyRequest, GetIdentityRulesRequest, GetProfileRequest, IdentityRules,
    ListApiKeysRequest, ListAuditLogRequest, RevokeApiKeyRequest, Role, RotateApiKeyRequest,
    TrackRequest, UpdateIdentityRulesRequest,
};
use omni_proto::insights::v1::GetKpisRequest;
use omni_proto::insights::v1::insights_service_client::InsightsServiceClient;
use omni_proto::journey::v1::PublishJourneyRequest;
use omni_proto::prost_types;
use omni_proto::segment::v1::{CreateSegmentRequest, GetSegmentRequest, Segment};
use omni_tests::{ADMIN_KEY, Harness, PATIENCE};
use tonic::transport::Endpoint;
use tonic::{Code, Status};

fn access(h: &Harness, key: &str) -> anyhow::Result<AccessServiceClient<Authed>> {
    let channel = Endpoint::from_shared(h.suite.url("identity"))?.connect_lazy();
    Ok(AccessServiceClient::with_interceptor(
        channel,
        ApiKey::new(key),
    ))
}

fn insights(h: &Harness, key: &str) -> anyhow::Result<InsightsServiceClient<Authed>> {
    let channel = Endpoint::from_shared(h.suite.url("insights"))?.connect_lazy();
    Ok(InsightsServiceClient::with_interceptor(
        channel,
        ApiKey::new(key),
    ))
}

/// Creates a key with `role`; returns (key id, secret).
async fn create_key(h: &Harness, role: Role) -> anyhow::Result<(String, String)> {
    let created = access(h, ADMIN_KEY)?
        .create_api_key(CreateApiKeyRequest {
            name: format!("{} key", role.as_str_name()),
            role: role as i32,
        })
        .await?
        .into_inner();
    let key = created.key.expect("key");
    Ok((key.key_id, created.secret))
}

/// Asserts a call got past authorisation (any answer but PERMISSION_DENIED and
/// UNAUTHENTICATED: NOT_FOUND and INVALID_ARGUMENT come from the handler).
fn assert_allowed<T>(what: &str, role: &str, result: Result<T, Status>) {
    if let Err(s) = result {
        assert!(
            !matches!(s.code(), Code::PermissionDenied | Code::Unauthenticated),
            "{what} as {role}: {s:?}"
        );
    }
}

/// Asserts a call was refused with PERMISSION_DENIED naming `permission` and `role`.
fn assert_denied<T>(what: &str, role: &str, permission: &str, result: Result<T, Status>) {
    let Err(s) = result else {
        panic!("{what} as {role} was allowed");
    };
    assert_eq!(s.code(), Code::PermissionDenied, "{what} as {role}: {s:?}");
    assert_eq!(
        s.message(),
        format!("permission `{permission}` denied to role `{role}`"),
        "{what}"
    );
}

fn expect(allowed: bool, what: &str, role: &str, permission: &str, result: Result<(), Status>) {
    if allowed {
        assert_allowed(what, role, result);
    } else {
        assert_denied(what, role, permission, result);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_is_allowed_and_denied_on_every_service() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    for (role, name) in [
        (Role::Admin, "admin"),
        (Role::Marketer, "marketer"),
        (Role::Approver, "approver"),
        (Role::Analyst, "analyst"),
        (Role::Service, "service"),
    ] {
        let (_, secret) = create_key(&h, role).await?;
        let mut c = h.clients_with_key(&secret)?;
        let is = |roles: &[&str]| roles.contains(&name);

        let r = c
            .identity
            .get_identity_rules(GetIdentityRulesRequest {})
            .await;
        expect(
            is(&["admin", "marketer", "approver"]),
            "GetIdentityRules",
            name,
            "rules.read",
            r.map(drop),
        );
        let r = c
            .identity
            .update_identity_rules(UpdateIdentityRulesRequest {
                rules: Some(IdentityRules {
                    max_merges_per_profile: 40,
                    ..Default::default()
                }),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["max_merges_per_profile".into()],
                }),
            })
            .await;
        expect(
            is(&["admin"]),
            "UpdateIdentityRules",
            name,
            "rules.edit",
            r.map(drop),
        );
        let r = c.identity.track(TrackRequest { event: None }).await;
        expect(
            is(&["admin", "service"]),
            "Track",
            name,
            "events.track",
            r.map(drop),
        );
        let r = c
            .identity
            .get_profile(GetProfileRequest {
                customer_id: "cus_missing".into(),
                ..Default::default()
            })
            .await;
        expect(true, "GetProfile", name, "profiles.read", r.map(drop));

        let r = c
            .segment
            .create_segment(CreateSegmentRequest {
                segment: Some(Segment {
                    display_name: format!("{name} adults"),
                    expression: "has(traits.age) && traits.age >= 18".into(),
                    ..Default::default()
                }),
                idempotency_key: format!("seg-{name}"),
            })
            .await;
        expect(
            is(&["admin", "marketer"]),
            "CreateSegment",
            name,
            "segments.edit",
            r.map(drop),
        );
        let r = c
            .segment
            .get_segment(GetSegmentRequest {
                segment_id: "seg_missing".into(),
                ..Default::default()
            })
            .await;
        expect(true, "GetSegment", name, "segments.read", r.map(drop));

        let r = c
            .journey
            .publish_journey(PublishJourneyRequest {
                journey_id: "jrn_missing".into(),
            })
            .await;
        expect(
            is(&["admin", "approver"]),
            "PublishJourney",
            name,
            "journeys.publish",
            r.map(drop),
        );

        let r = c.decisioning.decide(DecideRequest::default()).await;
        expect(
            is(&["admin", "service"]),
            "Decide",
            name,
            "decisions.decide",
            r.map(drop),
        );

        let r = c.channel.send(SendRequest::default()).await;
        expect(
            is(&["admin", "service"]),
            "Send",
            name,
            "messages.send",
            r.map(drop),
        );

        let r = insights(&h, &secret)?
            .get_kpis(GetKpisRequest::default())
            .await;
        expect(
            is(&["admin", "marketer", "approver", "analyst"]),
            "GetKpis",
            name,
            "reports.read",
            r.map(drop),
        );

        let mut a = access(&h, &secret)?;
        let r = a.list_api_keys(ListApiKeysRequest::default()).await;
        expect(
            is(&["admin"]),
            "ListApiKeys",
            name,
            "keys.manage",
            r.map(drop),
        );
        let r = a.list_audit_log(ListAuditLogRequest::default()).await;
        expect(
            is(&["admin", "approver"]),
            "ListAuditLog",
            name,
            "audit.read",
            r.map(drop),
        );
    }
    h.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_are_created_listed_rotated_and_revoked() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut admin = access(&h, ADMIN_KEY)?;
    let bad = admin
        .create_api_key(CreateApiKeyRequest {
            name: "no role".into(),
            role: Role::Unspecified as i32,
        })
        .await
        .expect_err("role is required");
    assert_eq!(bad.code(), Code::InvalidArgument);

    let (key_id, secret) = create_key(&h, Role::Analyst).await?;
    assert!(secret.starts_with("omk_"), "{secret}");
    let works = |key: &str| -> anyhow::Result<Clients> { h.clients_with_key(key) };
    let profile = GetProfileRequest {
        customer_id: "cus_missing".into(),
        ..Default::default()
    };
    assert_allowed(
        "GetProfile",
        "analyst",
        works(&secret)?.identity.get_profile(profile.clone()).await,
    );

    // Listed without its secret, with a recognisable prefix.
    let listed = admin
        .list_api_keys(ListApiKeysRequest::default())
        .await?
        .into_inner()
        .keys;
    let key = listed.iter().find(|k| k.key_id == key_id).expect("listed");
    assert_eq!(key.role, Role::Analyst as i32);
    assert!(secret.starts_with(&key.secret_prefix) && key.secret_prefix.len() < secret.len());
    assert_eq!(key.created_by, "bootstrap");

    // Rotation without grace: the old secret stops at once, the new one works.
    let rotated = admin
        .rotate_api_key(RotateApiKeyRequest {
            key_id: key_id.clone(),
            grace_period: None,
        })
        .await?
        .into_inner();
    assert_ne!(rotated.secret, secret);
    let old = works(&secret)?.identity.get_profile(profile.clone()).await;
    assert_eq!(old.expect_err("old secret").code(), Code::Unauthenticated);
    assert_allowed(
        "GetProfile",
        "analyst",
        works(&rotated.secret)?
            .identity
            .get_profile(profile.clone())
            .await,
    );

    // Rotation with a grace period: both secrets work until it ends.
    let graced = admin
        .rotate_api_key(RotateApiKeyRequest {
            key_id: key_id.clone(),
            grace_period: Some(prost_types::Duration {
                seconds: 600,
                nanos: 0,
            }),
        })
        .await?
        .into_inner();
    assert!(
        graced
            .key
            .expect("key")
            .previous_secret_expire_time
            .is_some()
    );
    assert_allowed(
        "GetProfile",
        "analyst",
        works(&rotated.secret)?
            .identity
            .get_profile(profile.clone())
            .await,
    );
    assert_allowed(
        "GetProfile",
        "analyst",
        works(&graced.secret)?
            .identity
            .get_profile(profile.clone())
            .await,
    );

    // Revocation: both secrets stop at once on every service.
    let revoked = admin
        .revoke_api_key(RevokeApiKeyRequest {
            key_id: key_id.clone(),
        })
        .await?
        .into_inner()
        .key
        .expect("key");
    assert!(revoked.revoke_time.is_some());
    for s in [&graced.secret, &rotated.secret] {
        let mut c = works(s)?;
        let r = c.identity.get_profile(profile.clone()).await;
        assert_eq!(r.expect_err("revoked").code(), Code::Unauthenticated);
        let r = c
            .segment
            .get_segment(GetSegmentRequest {
                segment_id: "seg_missing".into(),
                ..Default::default()
            })
            .await;
        assert_eq!(r.expect_err("revoked").code(), Code::Unauthenticated);
    }
    let live = admin
        .list_api_keys(ListApiKeysRequest::default())
        .await?
        .into_inner()
        .keys;
    assert!(
        live.iter().all(|k| k.key_id != key_id),
        "revoked keys are hidden"
    );
    let all = admin
        .list_api_keys(ListApiKeysRequest {
            include_revoked: true,
            ..Default::default()
        })
        .await?
        .into_inner()
        .keys;
    assert!(all.iter().any(|k| k.key_id == key_id));
    let again = admin
        .rotate_api_key(RotateApiKeyRequest {
            key_id,
            grace_period: None,
        })
        .await
        .expect_err("revoked keys do not rotate");
    assert_eq!(again.code(), Code::FailedPrecondition);
    h.stop().await
}

/// Waits until the audit log has an entry for (`resource_type`, `action`).
async fn audit_entry(
    a: &AccessServiceClient<Authed>,
    resource_type: &str,
    action: &str,
) -> anyhow::Result<AuditEntry> {
    omni_testkit::eventually(PATIENCE, || {
        let mut a = a.clone();
        let req = ListAuditLogRequest {
            resource_type: resource_type.to_owned(),
            ..Default::default()
        };
        async move {
            let entries = a.list_audit_log(req).await?.into_inner().entries;
            Ok::<_, anyhow::Error>(entries.into_iter().find(|e| e.action == action))
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_on_every_service_show_in_the_audit_log() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let (marketer_id, marketer) = create_key(&h, Role::Marketer).await?;
    let admin = access(&h, ADMIN_KEY)?;

    h.clients
        .identity
        .update_identity_rules(UpdateIdentityRulesRequest {
            rules: Some(IdentityRules {
                max_merges_per_profile: 7,
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["max_merges_per_profile".into()],
            }),
        })
        .await?;
    // Segment, offer, template and journey (created and published) by the demo loader.
    let sample = omni::demo::load_sample(&mut h.clients, Duration::from_secs(60)).await?;
    let by_marketer = h
        .clients_with_key(&marketer)?
        .segment
        .create_segment(CreateSegmentRequest {
            segment: Some(Segment {
                display_name: "Marketer's segment".into(),
                expression: "has(traits.age)".into(),
                ..Default::default()
            }),
            idempotency_key: "audit-marketer".into(),
        })
        .await?
        .into_inner()
        .segment
        .expect("segment");

    let rules = audit_entry(&admin, "identity_rules", "identity_rules.updated").await?;
    assert_eq!(rules.actor_key_id, "bootstrap");
    assert_eq!(rules.actor_role, "admin");
    assert_eq!(rules.service, "identity");
    assert!(rules.before.is_some() && rules.after.is_some());
    let after = value_to_json(rules.after.as_ref().expect("after"));
    assert_eq!(after["maxMergesPerProfile"].as_f64(), Some(7.0), "{after}");

    let segment = audit_entry(&admin, "segment", "segment.created").await?;
    assert_eq!(segment.service, "segment");
    let offer = audit_entry(&admin, "offer", "offer.created").await?;
    assert!([&sample.offer_id, &sample.other_offer_id].contains(&&offer.resource_id));
    let template = audit_entry(&admin, "template", "template.created").await?;
    assert_eq!(template.resource_id, sample.template_id);
    assert!(template.after.is_some());
    let created = audit_entry(&admin, "journey", "journey.created").await?;
    assert_eq!(created.resource_id, sample.journey_id);
    let published = audit_entry(&admin, "journey", "journey.published").await?;
    assert_eq!(published.resource_id, sample.journey_id);
    assert!(published.before.is_some(), "the draft before publishing");
    let key = audit_entry(&admin, "api_key", "api_key.created").await?;
    assert_eq!(key.resource_id, marketer_id);

    // Filters: by actor and by resource id; entries are newest first.
    let mine = omni_testkit::eventually(PATIENCE, || {
        let mut a = admin.clone();
        let req = ListAuditLogRequest {
            actor_key_id: marketer_id.clone(),
            ..Default::default()
        };
        async move {
            let e = a.list_audit_log(req).await?.into_inner().entries;
            Ok::<_, anyhow::Error>((!e.is_empty()).then_some(e))
        }
    })
    .await?;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].resource_id, by_marketer.segment_id);
    assert_eq!(mine[0].actor_role, "marketer");
    let journey = admin
        .clone()
        .list_audit_log(ListAuditLogRequest {
            resource_type: "journey".into(),
            resource_id: sample.journey_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .entries;
    let actions: Vec<&str> = journey.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["journey.published", "journey.created"]);

    // Paging and a time range that ends before everything.
    let page = admin
        .clone()
        .list_audit_log(ListAuditLogRequest {
            page_size: 1,
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(page.entries.len(), 1);
    let next = admin
        .clone()
        .list_audit_log(ListAuditLogRequest {
            page_size: 1,
            page_token: page.next_page_token.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(next.entries.len(), 1);
    assert_ne!(next.entries[0].audit_id, page.entries[0].audit_id);
    let none = admin
        .clone()
        .list_audit_log(ListAuditLogRequest {
            end_time: Some(prost_types::Timestamp {
                seconds: 1,
                nanos: 0,
            }),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert!(none.entries.is_empty());
    h.stop().await
}
