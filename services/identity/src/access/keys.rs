//! API keys: created with one role in one workspace, stored only as SHA-256 hashes,
//! and mirrored into the Redis hash `auth:keys` that every service authenticates
//! against. SQL is written first and is the record; the mirror follows it (and is
//! rebuilt from it at start-up by [`remirror_all`]).

use omni_common::access::Role;
use omni_common::auth::{MirroredKey, hash_key, mirror_key, unmirror_key};
use redis::aio::ConnectionManager;
use ring::rand::{SecureRandom, SystemRandom};
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryResult};

use crate::Error;
use crate::store::{Cursor, get_i64, get_str, s, st};

/// Prefix of every secret, so a leaked one is recognisable (and greppable).
pub const SECRET_PREFIX: &str = "omk_";
/// How many characters of a secret `ListApiKeys` shows.
pub const SHOWN_PREFIX_LEN: usize = 8;
/// Longest grace period for a rotated key's previous secret.
pub const MAX_GRACE_MS: i64 = 7 * 24 * 3_600_000;

/// One API key as stored (hashes only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiKeyRecord {
    /// Workspace of the key.
    pub workspace_id: String,
    /// Public id.
    pub key_id: String,
    /// Human-readable name.
    pub name: String,
    /// The key's role.
    pub role: Role,
    /// SHA-256 hex of the current secret.
    pub secret_hash: String,
    /// First characters of the current secret.
    pub secret_prefix: String,
    /// SHA-256 hex of the previous secret while it is in its grace period ('' if none).
    pub previous_hash: String,
    /// When the previous secret stops working (0 if none).
    pub previous_expire_ms: i64,
    /// Creation time.
    pub create_ms: i64,
    /// Key id of the creator.
    pub created_by: String,
    /// Last rotation (0 if never).
    pub rotate_ms: i64,
    /// Revocation (0 while live).
    pub revoke_ms: i64,
}

impl ApiKeyRecord {
    /// Whether the key is revoked.
    pub fn revoked(&self) -> bool {
        self.revoke_ms > 0
    }

    fn mirrored(&self, expires_ms: Option<i64>) -> MirroredKey {
        MirroredKey {
            workspace_id: self.workspace_id.clone(),
            key_id: self.key_id.clone(),
            role: Some(self.role),
            expires_ms,
        }
    }
}

/// A key together with a secret to show once.
#[derive(Clone, Debug)]
pub struct Issued {
    /// The key.
    pub key: ApiKeyRecord,
    /// The secret (never stored).
    pub secret: String,
}

/// A fresh random secret: `omk_` and 40 hex characters (160 bits).
fn new_secret() -> Result<String, Error> {
    let mut bytes = [0u8; 20];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| Error::Key("system random generator failed".into()))?;
    Ok(format!("{SECRET_PREFIX}{}", hex::encode(bytes)))
}

fn shown_prefix(secret: &str) -> String {
    secret.chars().take(SHOWN_PREFIX_LEN).collect()
}

const COLUMNS: &str = "workspace_id, key_id, name, role, secret_hash, secret_prefix, previous_hash, \
     previous_expire_ms, create_ms, created_by, rotate_ms, revoke_ms";

fn record(row: &QueryResult) -> Result<ApiKeyRecord, Error> {
    let role = get_str(row, "role")?;
    Ok(ApiKeyRecord {
        workspace_id: get_str(row, "workspace_id")?,
        key_id: get_str(row, "key_id")?,
        name: get_str(row, "name")?,
        role: role
            .parse()
            .map_err(|e| Error::Corrupt(format!("api key role: {e}")))?,
        secret_hash: get_str(row, "secret_hash")?,
        secret_prefix: get_str(row, "secret_prefix")?,
        previous_hash: get_str(row, "previous_hash")?,
        previous_expire_ms: get_i64(row, "previous_expire_ms")?,
        create_ms: get_i64(row, "create_ms")?,
        created_by: get_str(row, "created_by")?,
        rotate_ms: get_i64(row, "rotate_ms")?,
        revoke_ms: get_i64(row, "revoke_ms")?,
    })
}

/// Creates a key named `name` with `role` in `workspace`, records it and mirrors it.
pub async fn create(
    db: &DatabaseConnection,
    redis: &mut ConnectionManager,
    workspace: &str,
    name: &str,
    role: Role,
    created_by: &str,
    now_ms: i64,
) -> Result<Issued, Error> {
    let secret = new_secret()?;
    let key = ApiKeyRecord {
        workspace_id: workspace.to_owned(),
        key_id: format!("key_{}", omni_common::ids::time_ordered_suffix()),
        name: name.to_owned(),
        role,
        secret_hash: hash_key(&secret),
        secret_prefix: shown_prefix(&secret),
        previous_hash: String::new(),
        previous_expire_ms: 0,
        create_ms: now_ms,
        created_by: created_by.to_owned(),
        rotate_ms: 0,
        revoke_ms: 0,
    };
    db.execute_raw(st(
        db,
        &format!(
            "INSERT INTO api_keys ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, '', 0, $7, $8, 0, 0)"
        ),
        vec![
            s(&key.workspace_id),
            s(&key.key_id),
            s(&key.name),
            s(role.as_str()),
            s(&key.secret_hash),
            s(&key.secret_prefix),
            key.create_ms.into(),
            s(&key.created_by),
        ],
    ))
    .await?;
    mirror_key(redis, &key.secret_hash, &key.mirrored(None)).await?;
    Ok(Issued { key, secret })
}

/// The key `key_id` of `workspace`, revoked or not.
pub async fn get(
    db: &DatabaseConnection,
    workspace: &str,
    key_id: &str,
) -> Result<ApiKeyRecord, Error> {
    let row = db
        .query_one_raw(st(
            db,
            &format!("SELECT {COLUMNS} FROM api_keys WHERE workspace_id = $1 AND key_id = $2"),
            vec![s(workspace), s(key_id)],
        ))
        .await?
        .ok_or_else(|| Error::NotFound {
            kind: "api key",
            id: key_id.to_owned(),
        })?;
    record(&row)
}

/// Up to `limit` keys of `workspace`, newest first, after `after`.
pub async fn list(
    db: &DatabaseConnection,
    workspace: &str,
    include_revoked: bool,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Vec<ApiKeyRecord>, Error> {
    let (ms, id) = after.map_or((i64::MAX, String::new()), |c| (c.ms, c.id.clone()));
    let rows = db
        .query_all_raw(st(
            db,
            &format!(
                "SELECT {COLUMNS} FROM api_keys WHERE workspace_id = $1 \
                 AND ($2 OR revoke_ms = 0) \
                 AND (create_ms < $3 OR (create_ms = $3 AND key_id < $4)) \
                 ORDER BY create_ms DESC, key_id DESC LIMIT $5"
            ),
            vec![
                s(workspace),
                include_revoked.into(),
                ms.into(),
                s(&id),
                i64::try_from(limit).unwrap_or(i64::MAX).into(),
            ],
        ))
        .await?;
    rows.iter().map(record).collect()
}

/// Gives live key `key_id` a new secret. The previous secret keeps working for
/// `grace_ms` (0: stops at once); a secret from an earlier rotation stops now.
pub async fn rotate(
    db: &DatabaseConnection,
    redis: &mut ConnectionManager,
    workspace: &str,
    key_id: &str,
    grace_ms: i64,
    now_ms: i64,
) -> Result<Option<Issued>, Error> {
    let old = get(db, workspace, key_id).await?;
    if old.revoked() {
        return Ok(None);
    }
    let secret = new_secret()?;
    let (previous_hash, previous_expire_ms) = if grace_ms > 0 {
        (old.secret_hash.clone(), now_ms + grace_ms)
    } else {
        (String::new(), 0)
    };
    let key = ApiKeyRecord {
        secret_hash: hash_key(&secret),
        secret_prefix: shown_prefix(&secret),
        previous_hash,
        previous_expire_ms,
        rotate_ms: now_ms,
        ..old.clone()
    };
    // Guarded by the old hash: of two concurrent rotations only one wins.
    let done = db
        .execute_raw(st(
            db,
            "UPDATE api_keys SET secret_hash = $3, secret_prefix = $4, previous_hash = $5, \
             previous_expire_ms = $6, rotate_ms = $7 \
             WHERE workspace_id = $1 AND key_id = $2 AND secret_hash = $8 AND revoke_ms = 0",
            vec![
                s(workspace),
                s(key_id),
                s(&key.secret_hash),
                s(&key.secret_prefix),
                s(&key.previous_hash),
                key.previous_expire_ms.into(),
                now_ms.into(),
                s(&old.secret_hash),
            ],
        ))
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::Contention);
    }
    mirror_key(redis, &key.secret_hash, &key.mirrored(None)).await?;
    if !old.previous_hash.is_empty() {
        unmirror_key(redis, &old.previous_hash).await?;
    }
    if key.previous_hash.is_empty() {
        unmirror_key(redis, &old.secret_hash).await?;
    } else {
        mirror_key(
            redis,
            &key.previous_hash,
            &key.mirrored(Some(previous_expire_ms)),
        )
        .await?;
    }
    Ok(Some(Issued { key, secret }))
}

/// Revokes key `key_id`: recorded, then removed from the mirror, so it stops working
/// on every service at once. Revoking a revoked key only re-checks the mirror.
pub async fn revoke(
    db: &DatabaseConnection,
    redis: &mut ConnectionManager,
    workspace: &str,
    key_id: &str,
    now_ms: i64,
) -> Result<ApiKeyRecord, Error> {
    db.execute_raw(st(
        db,
        "UPDATE api_keys SET revoke_ms = $3 WHERE workspace_id = $1 AND key_id = $2 AND revoke_ms = 0",
        vec![s(workspace), s(key_id), now_ms.into()],
    ))
    .await?;
    let key = get(db, workspace, key_id).await?;
    unmirror_key(redis, &key.secret_hash).await?;
    if !key.previous_hash.is_empty() {
        unmirror_key(redis, &key.previous_hash).await?;
    }
    Ok(key)
}

/// Rewrites the mirror from SQL for every key of every workspace: live secrets (and
/// previous secrets still in their grace period) are mirrored, revoked or expired ones
/// removed. Run at start-up; returns how many live keys were mirrored.
pub async fn remirror_all(
    db: &DatabaseConnection,
    redis: &mut ConnectionManager,
    now_ms: i64,
) -> Result<usize, Error> {
    let rows = db
        .query_all_raw(st(db, &format!("SELECT {COLUMNS} FROM api_keys"), vec![]))
        .await?;
    let mut live = 0;
    for row in &rows {
        let key = record(row)?;
        if key.revoked() {
            unmirror_key(redis, &key.secret_hash).await?;
        } else {
            mirror_key(redis, &key.secret_hash, &key.mirrored(None)).await?;
            live += 1;
        }
        if !key.previous_hash.is_empty() {
            if key.revoked() || key.previous_expire_ms <= now_ms {
                unmirror_key(redis, &key.previous_hash).await?;
            } else {
                let entry = key.mirrored(Some(key.previous_expire_ms));
                mirror_key(redis, &key.previous_hash, &entry).await?;
            }
        }
    }
    Ok(live)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_random_and_shown_only_in_part() {
        let a = new_secret().expect("secret");
        let b = new_secret().expect("secret");
        assert!(a.starts_with(SECRET_PREFIX));
        assert_eq!(a.len(), SECRET_PREFIX.len() + 40);
        assert_ne!(a, b);
        assert_eq!(shown_prefix(&a).len(), SHOWN_PREFIX_LEN);
        assert!(a.starts_with(&shown_prefix(&a)));
    }
}
