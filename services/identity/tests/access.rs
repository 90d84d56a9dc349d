//! API keys and the audit log through identity's `AccessService`: a real Redis, a fresh
//! database (SQLite, or Postgres with `OMNI_TEST_DATABASE_URL`), the server from
//! `omni_identity::run` on an ephemeral port, and the real auth layer.

use std::time::Duration;

use omni_bus::{Bus, Topic};
use omni_common::config::Settings;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::AuditEvent;
use omni_proto::identity::v1::access_service_client::AccessServiceClient;
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_proto::identity::v1::{
    CreateApiKeyRequest, GetIdentityRulesRequest, IdentityRules, ListApiKeysRequest,
    ListAuditLogRequest, RevokeApiKeyRequest, Role, RotateApiKeyRequest,
    UpdateIdentityRulesRequest,
};
use omni_testkit::RedisServer;
use redis::AsyncCommands;
use tokio::net::TcpListener;
use tonic::service::Interceptor;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

const ADMIN: &str = "test-admin-key";

#[derive(Clone)]
struct Key(String);

impl Interceptor for Key {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let value = format!("Bearer {}", self.0)
            .parse()
            .map_err(|_| Status::internal("bad key"))?;
        req.metadata_mut().insert("authorization", value);
        Ok(req)
    }
}

type Access = AccessServiceClient<InterceptedService<Channel, Key>>;
type Identity = IdentityServiceClient<InterceptedService<Channel, Key>>;

/// One identity server; [`Server::restart`] runs a new one on the same stores.
struct Server {
    settings: Settings,
    addr: std::net::SocketAddr,
    shutdown: CancellationToken,
    task: tokio::task::JoinHandle<Result<(), omni_identity::Error>>,
}

impl Server {
    async fn start(settings: Settings) -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(omni_identity::run(
            settings.clone(),
            listener,
            shutdown.clone(),
        ));
        Ok(Self {
            settings,
            addr,
            shutdown,
            task,
        })
    }

    fn channel(&self) -> anyhow::Result<Channel> {
        Ok(
            tonic::transport::Endpoint::from_shared(format!("http://{}", self.addr))?
                .connect_lazy(),
        )
    }

    fn access(&self, key: &str) -> anyhow::Result<Access> {
        Ok(AccessServiceClient::with_interceptor(
            self.channel()?,
            Key(key.into()),
        ))
    }

    fn identity(&self, key: &str) -> anyhow::Result<Identity> {
        Ok(IdentityServiceClient::with_interceptor(
            self.channel()?,
            Key(key.into()),
        ))
    }

    async fn stop(self) -> anyhow::Result<Settings> {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(20), self.task).await???;
        Ok(self.settings)
    }

    async fn restart(self) -> anyhow::Result<Self> {
        let settings = self.stop().await?;
        Self::start(settings).await
    }
}

async fn setup() -> anyhow::Result<(RedisServer, Server)> {
    let redis = RedisServer::start().await?;
    let mut settings = Settings::for_tests(&redis.url);
    settings.identity.database_url = omni_testkit::database_url("identity").await?;
    let server = Server::start(settings).await?;
    Ok((redis, server))
}

async fn create(access: &mut Access, role: Role) -> anyhow::Result<(String, String)> {
    let created = access
        .create_api_key(CreateApiKeyRequest {
            name: "test".into(),
            role: role as i32,
        })
        .await?
        .into_inner();
    Ok((created.key.expect("key").key_id, created.secret))
}

/// Waits (bounded) for the workspace's audit entries matching `req`.
async fn audit(
    access: &Access,
    req: ListAuditLogRequest,
    want: usize,
) -> anyhow::Result<Vec<omni_proto::identity::v1::AuditEntry>> {
    omni_testkit::eventually(Duration::from_secs(20), || {
        let mut a = access.clone();
        let req = req.clone();
        async move {
            let entries = a.list_audit_log(req).await?.into_inner().entries;
            Ok::<_, anyhow::Error>((entries.len() >= want).then_some(entries))
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_carries_its_role_and_revocation_is_immediate() -> anyhow::Result<()> {
    let (_redis, server) = setup().await?;
    let mut admin = server.access(ADMIN)?;
    let (key_id, analyst) = create(&mut admin, Role::Analyst).await?;

    // The analyst reads rules? No: rules.read is not an analyst permission.
    let denied = server
        .identity(&analyst)?
        .get_identity_rules(GetIdentityRulesRequest {})
        .await
        .expect_err("analyst cannot read rules");
    assert_eq!(denied.code(), Code::PermissionDenied);
    assert_eq!(
        denied.message(),
        "permission `rules.read` denied to role `analyst`"
    );
    let denied = server
        .access(&analyst)?
        .list_api_keys(ListApiKeysRequest::default())
        .await
        .expect_err("analyst cannot manage keys");
    assert_eq!(
        denied.message(),
        "permission `keys.manage` denied to role `analyst`"
    );

    let (_, approver) = create(&mut admin, Role::Approver).await?;
    server
        .identity(&approver)?
        .get_identity_rules(GetIdentityRulesRequest {})
        .await?;

    admin
        .revoke_api_key(RevokeApiKeyRequest {
            key_id: key_id.clone(),
        })
        .await?;
    let gone = server
        .access(&analyst)?
        .list_audit_log(ListAuditLogRequest::default())
        .await
        .expect_err("revoked");
    assert_eq!(gone.code(), Code::Unauthenticated);
    // Revoking again is a no-op that answers the same key.
    let again = admin
        .revoke_api_key(RevokeApiKeyRequest { key_id })
        .await?
        .into_inner()
        .key
        .expect("key");
    assert!(again.revoke_time.is_some());
    server.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_are_mirrored_again_when_redis_comes_back_empty() -> anyhow::Result<()> {
    let (redis, server) = setup().await?;
    let mut admin = server.access(ADMIN)?;
    let (_, live) = create(&mut admin, Role::Approver).await?;
    let (rotated_id, old) = create(&mut admin, Role::Approver).await?;
    let new = admin
        .rotate_api_key(RotateApiKeyRequest {
            key_id: rotated_id,
            grace_period: None,
        })
        .await?
        .into_inner()
        .secret;
    let (revoked_id, revoked) = create(&mut admin, Role::Approver).await?;
    admin
        .revoke_api_key(RevokeApiKeyRequest { key_id: revoked_id })
        .await?;

    let mut conn = omni_common::redis::connect(&redis.url).await?;
    conn.del::<_, ()>(omni_common::auth::KEYS_MIRROR).await?;
    let refused = server
        .identity(&live)?
        .get_identity_rules(GetIdentityRulesRequest {})
        .await
        .expect_err("mirror emptied");
    assert_eq!(refused.code(), Code::Unauthenticated);

    let server = server.restart().await?;
    for key in [&live, &new] {
        omni_testkit::eventually(Duration::from_secs(20), || {
            let mut c = server.identity(key).ok();
            async move {
                let Some(c) = c.as_mut() else {
                    return Ok::<_, anyhow::Error>(None);
                };
                Ok(c.get_identity_rules(GetIdentityRulesRequest {}).await.ok())
            }
        })
        .await?;
    }
    for key in [&old, &revoked] {
        let r = server
            .identity(key)?
            .get_identity_rules(GetIdentityRulesRequest {})
            .await
            .expect_err("old or revoked secret");
        assert_eq!(r.code(), Code::Unauthenticated);
    }
    server.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rule_and_key_changes_are_audited_once_each() -> anyhow::Result<()> {
    let (redis, server) = setup().await?;
    let mut admin = server.access(ADMIN)?;
    server
        .identity(ADMIN)?
        .update_identity_rules(UpdateIdentityRulesRequest {
            rules: Some(IdentityRules {
                max_merges_per_profile: 9,
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["max_merges_per_profile".into()],
            }),
        })
        .await?;
    let (key_id, secret) = create(&mut admin, Role::Marketer).await?;

    let rules = audit(
        &admin,
        ListAuditLogRequest {
            resource_type: "identity_rules".into(),
            ..Default::default()
        },
        1,
    )
    .await?;
    assert_eq!(rules.len(), 1);
    let entry = &rules[0];
    assert_eq!(entry.action, "identity_rules.updated");
    assert_eq!(
        (entry.actor_key_id.as_str(), entry.actor_role.as_str()),
        ("bootstrap", "admin")
    );
    let after = omni_common::convert::value_to_json(entry.after.as_ref().expect("after"));
    let before = omni_common::convert::value_to_json(entry.before.as_ref().expect("before"));
    assert_eq!(after["maxMergesPerProfile"].as_f64(), Some(9.0), "{after}");
    assert_ne!(before["maxMergesPerProfile"], after["maxMergesPerProfile"]);

    let keys = audit(
        &admin,
        ListAuditLogRequest {
            resource_id: key_id.clone(),
            ..Default::default()
        },
        1,
    )
    .await?;
    assert_eq!(keys[0].action, "api_key.created");
    let key = omni_common::convert::value_to_json(keys[0].after.as_ref().expect("after"));
    assert_eq!(key["role"], "ROLE_MARKETER", "{key}");
    assert!(
        !key.to_string().contains(&secret),
        "the secret never reaches the log"
    );

    // A redelivered audit event (same id) is stored once.
    let bus = Bus::connect(&redis.url).await?;
    let event = AuditEvent {
        audit_id: "aud-redelivered".into(),
        workspace_id: "default".into(),
        actor_key_id: "k".into(),
        actor_role: "marketer".into(),
        action: "segment.created".into(),
        resource_type: "segment".into(),
        resource_id: "seg_1".into(),
        after_json: r#"{"segmentId":"seg_1"}"#.into(),
        time: Some(omni_common::convert::to_timestamp(1_700_000_000_000)),
        service: "segment".into(),
        ..Default::default()
    };
    bus.publish(Topic::Audit, &event).await?;
    bus.publish(Topic::Audit, &event).await?;
    let marker = AuditEvent {
        audit_id: "aud-marker".into(),
        resource_id: "seg_2".into(),
        time: Some(omni_common::convert::to_timestamp(1_700_000_000_001)),
        ..event.clone()
    };
    bus.publish(Topic::Audit, &marker).await?;
    let segments = audit(
        &admin,
        ListAuditLogRequest {
            resource_type: "segment".into(),
            ..Default::default()
        },
        2,
    )
    .await?;
    let ids: Vec<&str> = segments.iter().map(|e| e.audit_id.as_str()).collect();
    assert_eq!(
        ids,
        ["aud-marker", "aud-redelivered"],
        "newest first, once each"
    );

    // Time range and paging.
    let in_range = admin
        .list_audit_log(ListAuditLogRequest {
            resource_type: "segment".into(),
            start_time: Some(omni_common::convert::to_timestamp(1_700_000_000_001)),
            ..Default::default()
        })
        .await?
        .into_inner()
        .entries;
    assert_eq!(in_range.len(), 1);
    assert_eq!(in_range[0].audit_id, "aud-marker");
    let first = admin
        .list_audit_log(ListAuditLogRequest {
            resource_type: "segment".into(),
            page_size: 1,
            ..Default::default()
        })
        .await?
        .into_inner();
    let second = admin
        .list_audit_log(ListAuditLogRequest {
            resource_type: "segment".into(),
            page_size: 1,
            page_token: first.next_page_token.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(first.entries[0].audit_id, "aud-marker");
    assert_eq!(second.entries[0].audit_id, "aud-redelivered");
    assert!(second.next_page_token.is_empty());
    let bad = admin
        .list_audit_log(ListAuditLogRequest {
            page_token: "zz".into(),
            ..Default::default()
        })
        .await
        .expect_err("bad token");
    assert_eq!(bad.code(), Code::InvalidArgument);
    server.stop().await?;
    Ok(())
}
