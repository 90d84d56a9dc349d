//! API-key authentication as a tower layer.
//!
//! Every call except health and reflection carries an API key (`authorization: Bearer
//! <key>` or `x-api-key: <key>`). The layer hashes it (SHA-256) and resolves the
//! workspace: the bootstrap admin key from configuration, the internal service key
//! (which names the workspace in `x-omni-workspace`), or a key in the Redis mirror
//! `auth:keys` (hash of key → JSON `{workspace_id, key_id, role}`) that identity
//! maintains. No call waits on another service to authenticate. The bootstrap key acts
//! as `admin`, the internal key as `service`, and a mirrored key without a role (written
//! before roles existed, when every key had full access) as `admin`.
//!
//! Then it authorises: the method's permission comes from
//! [`METHOD_PERMISSIONS`](crate::access::METHOD_PERMISSIONS) and the caller's role must
//! hold it, else `PERMISSION_DENIED` names both. The resolved [`Caller`] is put in the
//! request extensions; handlers read it with [`caller`].

use std::sync::Arc;
use std::task::{Context, Poll};

use ::redis::AsyncCommands;
use ::redis::aio::ConnectionManager;
use futures::future::BoxFuture;
use sha2::{Digest, Sha256};
use tonic::Status;
use tonic::metadata::{AsciiMetadataValue, MetadataMap};
use tower::{Layer, Service};

use crate::access::{Role, permission_for};
use crate::config::AuthSettings;
use crate::ids::WorkspaceId;

/// Metadata header naming the workspace on service-to-service calls.
pub const WORKSPACE_HEADER: &str = "x-omni-workspace";
/// Redis hash mirroring API keys: field = SHA-256 hex of the key, value = JSON.
pub const KEYS_MIRROR: &str = "auth:keys";

/// Who is calling: the workspace every read and write is scoped to, and the key used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The workspace the key belongs to.
    pub workspace: WorkspaceId,
    /// Public id of the key (`bootstrap`, `internal`, or a key id), recorded in audits.
    pub key_id: String,
    /// The role the key carries.
    pub role: Role,
}

/// The authenticated caller of a request, or `UNAUTHENTICATED` when the auth layer did
/// not run (a server built without [`AuthLayer`]).
pub fn caller<T>(request: &tonic::Request<T>) -> Result<Caller, Status> {
    request
        .extensions()
        .get::<Caller>()
        .cloned()
        .ok_or_else(|| Status::unauthenticated("missing API key"))
}

/// SHA-256 hex of an API key, the only form in which keys are stored.
pub fn hash_key(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// One mirrored API key, as stored in [`KEYS_MIRROR`].
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct MirroredKey {
    /// Workspace of the key.
    pub workspace_id: String,
    /// Public id of the key.
    pub key_id: String,
    /// Role of the key; absent in entries mirrored before roles existed (= admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Unix ms after which this entry no longer authenticates (a rotated key's previous
    /// secret during its grace period); absent for a live secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_ms: Option<i64>,
}

/// Writes a key's hash into the Redis mirror (identity does this when keys change).
pub async fn mirror_key(
    redis: &mut ConnectionManager,
    key_hash: &str,
    key: &MirroredKey,
) -> Result<(), ::redis::RedisError> {
    let json = serde_json::to_string(key).map_err(|e| {
        ::redis::RedisError::from((::redis::ErrorKind::Client, "encode key", e.to_string()))
    })?;
    redis.hset::<_, _, _, ()>(KEYS_MIRROR, key_hash, json).await
}

/// Removes a key's hash from the Redis mirror: the key stops working at once.
pub async fn unmirror_key(
    redis: &mut ConnectionManager,
    key_hash: &str,
) -> Result<(), ::redis::RedisError> {
    redis.hdel::<_, _, ()>(KEYS_MIRROR, key_hash).await
}

struct KeyResolver {
    bootstrap_hash: Option<String>,
    bootstrap_workspace: WorkspaceId,
    internal_hash: Option<String>,
    redis: ConnectionManager,
}

fn header_key(headers: &http::HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get(http::header::AUTHORIZATION) {
        let v = v.to_str().ok()?;
        return v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
            .map(str::trim);
    }
    headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

impl KeyResolver {
    async fn resolve(&self, headers: &http::HeaderMap) -> Result<Caller, Status> {
        let key = header_key(headers)
            .filter(|k| !k.is_empty())
            .ok_or_else(|| {
                Status::unauthenticated("missing API key: send `authorization: Bearer <key>`")
            })?;
        let hash = hash_key(key);
        if self.bootstrap_hash.as_deref() == Some(hash.as_str()) {
            return Ok(Caller {
                workspace: self.bootstrap_workspace.clone(),
                key_id: "bootstrap".into(),
                role: Role::Admin,
            });
        }
        if self.internal_hash.as_deref() == Some(hash.as_str()) {
            let ws = headers
                .get(WORKSPACE_HEADER)
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| {
                    Status::unauthenticated(format!("internal key requires `{WORKSPACE_HEADER}`"))
                })?;
            return Ok(Caller {
                workspace: WorkspaceId::new(ws),
                key_id: "internal".into(),
                role: Role::Service,
            });
        }
        let mut redis = self.redis.clone();
        let found: Option<String> = redis.hget(KEYS_MIRROR, &hash).await.map_err(|e| {
            tracing::warn!(error = %e, "API key mirror unavailable");
            Status::unavailable("authentication store unavailable; retry later")
        })?;
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        let mirrored: MirroredKey = found
            .and_then(|j| serde_json::from_str::<MirroredKey>(&j).ok())
            .filter(|k| k.expires_ms.is_none_or(|at| now_ms < at))
            .ok_or_else(|| Status::unauthenticated("invalid API key"))?;
        Ok(Caller {
            workspace: WorkspaceId::new(mirrored.workspace_id),
            key_id: mirrored.key_id,
            role: mirrored.role.unwrap_or(Role::Admin),
        })
    }
}

/// `PERMISSION_DENIED` unless `caller`'s role holds the permission of the method at
/// `path`. A path no contract lists is left to admins (the router answers UNIMPLEMENTED).
fn authorise(path: &str, caller: &Caller) -> Result<(), Status> {
    match permission_for(path) {
        Some(permission) if caller.role.allows(permission) => Ok(()),
        Some(permission) => Err(Status::permission_denied(format!(
            "permission `{permission}` denied to role `{}`",
            caller.role
        ))),
        None if caller.role == Role::Admin => Ok(()),
        None => Err(Status::permission_denied(format!(
            "method `{path}` has no permission; only role `admin` may call it"
        ))),
    }
}

/// Paths served without a key: health checks and reflection, for probes and tooling.
fn is_open_path(path: &str) -> bool {
    path.starts_with("/grpc.health.v1.") || path.starts_with("/grpc.reflection.")
}

/// Tower layer that authenticates every request (see the module docs).
#[derive(Clone)]
pub struct AuthLayer {
    resolver: Arc<KeyResolver>,
}

impl AuthLayer {
    /// Builds the layer from settings; `redis` backs the key mirror.
    pub fn new(settings: &AuthSettings, redis: ConnectionManager) -> Self {
        let non_empty = |k: &str| (!k.is_empty()).then(|| hash_key(k));
        Self {
            resolver: Arc::new(KeyResolver {
                bootstrap_hash: non_empty(&settings.bootstrap_key),
                bootstrap_workspace: WorkspaceId::new(settings.bootstrap_workspace.clone()),
                internal_hash: non_empty(&settings.internal_key),
                redis,
            }),
        }
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = AuthService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        AuthService {
            inner,
            resolver: self.resolver.clone(),
        }
    }
}

/// The service produced by [`AuthLayer`].
#[derive(Clone)]
pub struct AuthService<S> {
    inner: S,
    resolver: Arc<KeyResolver>,
}

impl<S, B> Service<http::Request<B>> for AuthService<S>
where
    S: Service<http::Request<B>, Response = http::Response<tonic::body::Body>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        // The readied service is the one we must call; leave a fresh clone behind.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let resolver = self.resolver.clone();
        Box::pin(async move {
            if is_open_path(req.uri().path()) {
                return inner.call(req).await;
            }
            let resolved = resolver
                .resolve(req.headers())
                .await
                .and_then(|caller| authorise(req.uri().path(), &caller).map(|()| caller));
            match resolved {
                Ok(caller) => {
                    req.extensions_mut().insert(caller);
                    inner.call(req).await
                }
                Err(status) => Ok(status.into_http()),
            }
        })
    }
}

/// Client interceptor for service-to-service calls: sends the internal key, the
/// workspace and the current trace context.
#[derive(Clone)]
pub struct InternalAuth {
    bearer: Option<AsciiMetadataValue>,
    workspace: Option<AsciiMetadataValue>,
}

impl InternalAuth {
    /// Calls on behalf of `workspace` with the configured internal key.
    pub fn new(settings: &AuthSettings, workspace: &WorkspaceId) -> Self {
        Self {
            bearer: format!("Bearer {}", settings.internal_key).parse().ok(),
            workspace: workspace.as_str().parse().ok(),
        }
    }
}

impl tonic::service::Interceptor for InternalAuth {
    fn call(&mut self, mut request: tonic::Request<()>) -> Result<tonic::Request<()>, Status> {
        let md: &mut MetadataMap = request.metadata_mut();
        if let Some(b) = &self.bearer {
            md.insert("authorization", b.clone());
        }
        if let Some(w) = &self.workspace {
            md.insert(WORKSPACE_HEADER, w.clone());
        }
        crate::telemetry::inject_metadata(md);
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_read_from_bearer_or_x_api_key() {
        let mut h = http::HeaderMap::new();
        h.insert("authorization", "Bearer abc".parse().expect("header"));
        assert_eq!(header_key(&h), Some("abc"));
        let mut h = http::HeaderMap::new();
        h.insert("x-api-key", "xyz".parse().expect("header"));
        assert_eq!(header_key(&h), Some("xyz"));
        assert_eq!(header_key(&http::HeaderMap::new()), None);
    }

    #[test]
    fn keys_are_hashed() {
        let h = hash_key("secret");
        assert_eq!(h.len(), 64);
        assert_ne!(h, "secret");
    }

    #[test]
    fn authorise_names_the_permission_and_role() {
        let caller = |role| Caller {
            workspace: WorkspaceId::new("ws"),
            key_id: "k".into(),
            role,
        };
        let publish = "/omni.journey.v1.JourneyService/PublishJourney";
        let denied = authorise(publish, &caller(Role::Marketer)).expect_err("denied");
        assert_eq!(denied.code(), tonic::Code::PermissionDenied);
        assert_eq!(
            denied.message(),
            "permission `journeys.publish` denied to role `marketer`"
        );
        assert!(authorise(publish, &caller(Role::Approver)).is_ok());
        assert!(authorise("/omni.x.v1.X/Unknown", &caller(Role::Admin)).is_ok());
        assert!(authorise("/omni.x.v1.X/Unknown", &caller(Role::Service)).is_err());
    }

    #[test]
    fn old_mirror_entries_without_role_parse() {
        let old: MirroredKey =
            serde_json::from_str(r#"{"workspace_id":"w","key_id":"k"}"#).expect("parses");
        assert_eq!(old.role, None);
        assert_eq!(old.expires_ms, None);
        let new: MirroredKey =
            serde_json::from_str(r#"{"workspace_id":"w","key_id":"k","role":"analyst"}"#)
                .expect("parses");
        assert_eq!(new.role, Some(Role::Analyst));
    }

    #[test]
    fn health_and_reflection_are_open() {
        assert!(is_open_path("/grpc.health.v1.Health/Check"));
        assert!(is_open_path(
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"
        ));
        assert!(!is_open_path("/omni.identity.v1.IdentityService/Track"));
    }
}
