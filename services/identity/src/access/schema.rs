//! The access tables: `api_keys` and `audit_log`, migrated as series `identity-access`.

use omni_storage::Migration;

use crate::Error;

/// Migration series name, separate from the identity graph's.
pub const SERIES: &str = "identity-access";

/// The access schema, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "api keys and audit log",
    sql: "CREATE TABLE api_keys (
            workspace_id TEXT NOT NULL,
            key_id TEXT NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            secret_hash TEXT NOT NULL,
            secret_prefix TEXT NOT NULL,
            previous_hash TEXT NOT NULL DEFAULT '',
            previous_expire_ms BIGINT NOT NULL DEFAULT 0,
            create_ms BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            rotate_ms BIGINT NOT NULL DEFAULT 0,
            revoke_ms BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (workspace_id, key_id));
        CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);
        CREATE TABLE audit_log (
            workspace_id TEXT NOT NULL,
            audit_id TEXT NOT NULL,
            time_ms BIGINT NOT NULL,
            actor_key_id TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            action TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            before_json TEXT NOT NULL,
            after_json TEXT NOT NULL,
            service TEXT NOT NULL,
            PRIMARY KEY (workspace_id, audit_id));
        CREATE INDEX audit_log_time ON audit_log (workspace_id, time_ms, audit_id);
        CREATE INDEX audit_log_resource ON audit_log (workspace_id, resource_type, resource_id, time_ms)",
}];

/// Applies the access migrations not yet applied.
pub async fn migrate(db: &sea_orm::DatabaseConnection) -> Result<(), Error> {
    omni_storage::migrate(db, SERIES, MIGRATIONS).await?;
    Ok(())
}
