//! The `AccessService` handlers: validate, change keys or read the audit log, convert,
//! and record every key change in the audit log.

use omni_bus::Bus;
use omni_bus::audit::Change;
use omni_common::access::Role;
use omni_common::auth::{Caller, caller};
use omni_common::clock::SharedClock;
use omni_common::convert::{from_timestamp, json_to_value, to_timestamp};
use omni_common::status::{failed_precondition, invalid_argument};
use omni_proto::identity::v1 as pb;
use omni_proto::identity::v1::access_service_server::AccessService;
use redis::aio::ConnectionManager;
use sea_orm::DatabaseConnection;
use tonic::{Request, Response, Status};

use super::audit_log::{self, AuditRecord, Filter};
use super::keys::{self, ApiKeyRecord, MAX_GRACE_MS};
use crate::page;
use crate::store::Cursor;

/// Longest key name, in characters.
const MAX_NAME_LEN: usize = 128;
/// Longest filter value, in characters.
const MAX_FILTER_LEN: usize = 256;

/// The access gRPC service.
#[derive(Clone)]
pub struct Access {
    db: DatabaseConnection,
    redis: ConnectionManager,
    bus: Bus,
    clock: SharedClock,
}

impl Access {
    /// A service over identity's database, the Redis key mirror and the bus.
    pub fn new(
        db: DatabaseConnection,
        redis: ConnectionManager,
        bus: Bus,
        clock: SharedClock,
    ) -> Self {
        Self {
            db,
            redis,
            bus,
            clock,
        }
    }

    /// Migrates the access tables and re-mirrors every live key (Redis may have
    /// restarted empty). Run before serving.
    pub async fn start(&self) -> Result<usize, crate::Error> {
        super::schema::migrate(&self.db).await?;
        let mut redis = self.redis.clone();
        keys::remirror_all(&self.db, &mut redis, self.clock.now_ms()).await
    }

    /// The audit-log writer: consumes the bus into SQL until `shutdown`.
    pub async fn consume_audit(
        self,
        bus: Bus,
        shutdown: omni_common::shutdown::CancellationToken,
    ) -> Result<(), crate::Error> {
        audit_log::consume(self.db, bus, shutdown).await
    }

    async fn audit(
        &self,
        caller: &Caller,
        action: &str,
        before: Option<&pb::ApiKey>,
        after: &pb::ApiKey,
    ) {
        let mut change =
            Change::new("identity", action, "api_key", after.key_id.clone()).after_proto(after);
        if let Some(before) = before {
            change = change.before_proto(before);
        }
        change.publish(&self.bus, caller).await;
    }
}

fn role_from_proto(role: i32) -> Result<Role, Status> {
    match pb::Role::try_from(role) {
        Ok(pb::Role::Admin) => Ok(Role::Admin),
        Ok(pb::Role::Marketer) => Ok(Role::Marketer),
        Ok(pb::Role::Approver) => Ok(Role::Approver),
        Ok(pb::Role::Analyst) => Ok(Role::Analyst),
        Ok(pb::Role::Service) => Ok(Role::Service),
        Ok(pb::Role::Unspecified) | Err(_) => Err(invalid_argument(
            "role",
            "must be ROLE_ADMIN, ROLE_MARKETER, ROLE_APPROVER, ROLE_ANALYST or ROLE_SERVICE",
        )),
    }
}

fn role_to_proto(role: Role) -> pb::Role {
    match role {
        Role::Admin => pb::Role::Admin,
        Role::Marketer => pb::Role::Marketer,
        Role::Approver => pb::Role::Approver,
        Role::Analyst => pb::Role::Analyst,
        Role::Service => pb::Role::Service,
    }
}

fn key_to_proto(key: &ApiKeyRecord) -> pb::ApiKey {
    let time = |ms: i64| (ms > 0).then(|| to_timestamp(ms));
    pb::ApiKey {
        key_id: key.key_id.clone(),
        name: key.name.clone(),
        role: role_to_proto(key.role).into(),
        secret_prefix: key.secret_prefix.clone(),
        create_time: time(key.create_ms),
        created_by: key.created_by.clone(),
        rotate_time: time(key.rotate_ms),
        revoke_time: time(key.revoke_ms),
        previous_secret_expire_time: time(key.previous_expire_ms),
    }
}

fn json_field(text: &str) -> Option<omni_proto::prost_types::Value> {
    if text.is_empty() {
        return None;
    }
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .map(|v| json_to_value(&v))
}

fn entry_to_proto(e: AuditRecord) -> pb::AuditEntry {
    pb::AuditEntry {
        before: json_field(&e.before_json),
        after: json_field(&e.after_json),
        audit_id: e.audit_id,
        actor_key_id: e.actor_key_id,
        actor_role: e.actor_role,
        action: e.action,
        resource_type: e.resource_type,
        resource_id: e.resource_id,
        time: Some(to_timestamp(e.time_ms)),
        service: e.service,
    }
}

fn key_id_field(key_id: &str) -> Result<&str, Status> {
    let id = key_id.trim();
    if id.is_empty() || id.chars().count() > MAX_FILTER_LEN {
        return Err(invalid_argument("key_id", "must be 1 to 256 characters"));
    }
    Ok(id)
}

fn filter_field(field: &str, value: &str) -> Result<String, Status> {
    let v = value.trim();
    if v.chars().count() > MAX_FILTER_LEN {
        return Err(invalid_argument(field, "must be at most 256 characters"));
    }
    Ok(v.to_owned())
}

#[tonic::async_trait]
impl AccessService for Access {
    async fn create_api_key(
        &self,
        request: Request<pb::CreateApiKeyRequest>,
    ) -> Result<Response<pb::CreateApiKeyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let name = req.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_LEN {
            return Err(invalid_argument("name", "must be 1 to 128 characters"));
        }
        let role = role_from_proto(req.role)?;
        let mut redis = self.redis.clone();
        let issued = keys::create(
            &self.db,
            &mut redis,
            caller.workspace.as_str(),
            name,
            role,
            &caller.key_id,
            self.clock.now_ms(),
        )
        .await?;
        let key = key_to_proto(&issued.key);
        self.audit(&caller, "api_key.created", None, &key).await;
        Ok(Response::new(pb::CreateApiKeyResponse {
            key: Some(key),
            secret: issued.secret,
        }))
    }

    async fn list_api_keys(
        &self,
        request: Request<pb::ListApiKeysRequest>,
    ) -> Result<Response<pb::ListApiKeysResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let size = page::page_size(req.page_size)?;
        let after = page::decode(&req.page_token)?;
        let mut found = keys::list(
            &self.db,
            caller.workspace.as_str(),
            req.include_revoked,
            after.as_ref(),
            size + 1,
        )
        .await?;
        let more = found.len() as u64 > size;
        found.truncate(usize::try_from(size).unwrap_or(usize::MAX));
        let next_page_token = match found.last() {
            Some(last) if more => page::encode(&Cursor {
                ms: last.create_ms,
                id: last.key_id.clone(),
            }),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListApiKeysResponse {
            keys: found.iter().map(key_to_proto).collect(),
            next_page_token,
        }))
    }

    async fn rotate_api_key(
        &self,
        request: Request<pb::RotateApiKeyRequest>,
    ) -> Result<Response<pb::RotateApiKeyResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let key_id = key_id_field(&req.key_id)?;
        let grace_ms = match &req.grace_period {
            None => 0,
            Some(d) => {
                let ms = d.seconds.saturating_mul(1_000) + i64::from(d.nanos) / 1_000_000;
                if !(0..=MAX_GRACE_MS).contains(&ms) || d.nanos < 0 {
                    return Err(invalid_argument(
                        "grace_period",
                        "must be between 0 and 7 days",
                    ));
                }
                ms
            }
        };
        let ws = caller.workspace.as_str();
        let before = key_to_proto(&keys::get(&self.db, ws, key_id).await?);
        let mut redis = self.redis.clone();
        let issued = keys::rotate(
            &self.db,
            &mut redis,
            ws,
            key_id,
            grace_ms,
            self.clock.now_ms(),
        )
        .await?
        .ok_or_else(|| failed_precondition("key_id", format!("key `{key_id}` is revoked")))?;
        let key = key_to_proto(&issued.key);
        self.audit(&caller, "api_key.rotated", Some(&before), &key)
            .await;
        Ok(Response::new(pb::RotateApiKeyResponse {
            key: Some(key),
            secret: issued.secret,
        }))
    }

    async fn revoke_api_key(
        &self,
        request: Request<pb::RevokeApiKeyRequest>,
    ) -> Result<Response<pb::RevokeApiKeyResponse>, Status> {
        let caller = caller(&request)?;
        let key_id = key_id_field(&request.get_ref().key_id)?;
        let ws = caller.workspace.as_str();
        let old = keys::get(&self.db, ws, key_id).await?;
        let mut redis = self.redis.clone();
        let revoked = keys::revoke(&self.db, &mut redis, ws, key_id, self.clock.now_ms()).await?;
        let key = key_to_proto(&revoked);
        if !old.revoked() {
            self.audit(&caller, "api_key.revoked", Some(&key_to_proto(&old)), &key)
                .await;
        }
        Ok(Response::new(pb::RevokeApiKeyResponse { key: Some(key) }))
    }

    async fn list_audit_log(
        &self,
        request: Request<pb::ListAuditLogRequest>,
    ) -> Result<Response<pb::ListAuditLogResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.get_ref();
        let filter = Filter {
            resource_type: filter_field("resource_type", &req.resource_type)?,
            resource_id: filter_field("resource_id", &req.resource_id)?,
            actor_key_id: filter_field("actor_key_id", &req.actor_key_id)?,
            start_ms: req.start_time.as_ref().map(from_timestamp),
            end_ms: req.end_time.as_ref().map(from_timestamp),
        };
        if let (Some(start), Some(end)) = (filter.start_ms, filter.end_ms)
            && end <= start
        {
            return Err(invalid_argument("end_time", "must be after start_time"));
        }
        let size = page::page_size(req.page_size)?;
        let after = page::decode(&req.page_token)?;
        let mut found = audit_log::list(
            &self.db,
            caller.workspace.as_str(),
            &filter,
            after.as_ref(),
            size + 1,
        )
        .await?;
        let more = found.len() as u64 > size;
        found.truncate(usize::try_from(size).unwrap_or(usize::MAX));
        let next_page_token = match found.last() {
            Some(last) if more => page::encode(&Cursor {
                ms: last.time_ms,
                id: last.audit_id.clone(),
            }),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListAuditLogResponse {
            entries: found.into_iter().map(entry_to_proto).collect(),
            next_page_token,
        }))
    }
}
