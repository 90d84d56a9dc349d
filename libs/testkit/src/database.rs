//! Fresh databases for service tests.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::Context as _;
use sea_orm::ConnectionTrait as _;

/// Environment variable naming an admin Postgres URL; when set, [`database_url`]
/// creates a database on that server instead of a SQLite file.
pub const TEST_DATABASE_URL_ENV: &str = "OMNI_TEST_DATABASE_URL";

/// The temporary directory holding this process's SQLite files; never removed while
/// the process runs.
static SQLITE_DIR: OnceLock<tempfile::TempDir> = OnceLock::new();

/// A URL of a fresh, empty database for `service`.
///
/// By default a new SQLite file `<tempdir>/<service>-<uuid>.db` (created on first
/// connect, `mode=rwc`) in a temporary directory kept for the life of the process.
/// When `OMNI_TEST_DATABASE_URL` holds a Postgres URL (e.g.
/// `postgres://postgres@127.0.0.1:5432/postgres`), creates the database
/// `omni_t_<service>_<uuid>` on that server and returns the URL pointing at it.
/// Every call returns a different database, so tests never share state.
pub async fn database_url(service: &str) -> anyhow::Result<String> {
    match std::env::var(TEST_DATABASE_URL_ENV) {
        Ok(admin_url) if !admin_url.trim().is_empty() => {
            postgres_database(admin_url.trim(), service).await
        }
        _ => sqlite_database(service),
    }
}

fn sqlite_database(service: &str) -> anyhow::Result<String> {
    let dir = sqlite_dir()?;
    let file = dir.join(format!(
        "{}-{}.db",
        sanitize(service),
        uuid::Uuid::new_v4().simple()
    ));
    Ok(format!("sqlite://{}?mode=rwc", file.display()))
}

fn sqlite_dir() -> anyhow::Result<&'static Path> {
    if let Some(dir) = SQLITE_DIR.get() {
        return Ok(dir.path());
    }
    let dir = tempfile::Builder::new()
        .prefix("omni-test-db-")
        .tempdir()
        .context("creating a temporary directory for SQLite test databases")?;
    // If another thread won the race its directory is used and ours is removed.
    let _ = SQLITE_DIR.set(dir);
    SQLITE_DIR
        .get()
        .map(|d| d.path())
        .context("SQLite test directory missing")
}

async fn postgres_database(admin_url: &str, service: &str) -> anyhow::Result<String> {
    let name = format!(
        "omni_t_{}_{}",
        sanitize(service),
        uuid::Uuid::new_v4().simple()
    );
    let admin = sea_orm::Database::connect(admin_url)
        .await
        .with_context(|| format!("connecting to {TEST_DATABASE_URL_ENV}"))?;
    let created = admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .with_context(|| format!("creating test database {name}"));
    admin.close().await?;
    created?;
    Ok(with_database(admin_url, &name))
}

/// Lower-case ASCII letters, digits and `_`, at most 20 characters (Postgres
/// identifiers are limited to 63 bytes).
fn sanitize(service: &str) -> String {
    let cleaned: String = service
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(20)
        .collect();
    if cleaned.is_empty() {
        "db".to_owned()
    } else {
        cleaned
    }
}

/// Replaces the database (path) segment of a `scheme://authority/path?query` URL.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let prefix = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{prefix}/{database}?{query}"),
        None => format!("{prefix}/{database}"),
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::ConnectionTrait as _;

    use super::*;

    #[test]
    fn with_database_replaces_the_path_segment() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "omni_t_x"),
            "postgres://postgres@127.0.0.1:5432/omni_t_x"
        );
        assert_eq!(
            with_database("postgres://u:p@db:5432", "omni_t_x"),
            "postgres://u:p@db:5432/omni_t_x"
        );
        assert_eq!(
            with_database("postgres://u@db/admin?sslmode=disable", "omni_t_x"),
            "postgres://u@db/omni_t_x?sslmode=disable"
        );
    }

    #[test]
    fn sanitize_keeps_identifiers_short_and_safe() {
        assert_eq!(
            sanitize("journey-orchestrator-service-x"),
            "journey_orchestrator"
        );
        assert_eq!(sanitize("Identity"), "identity");
        assert_eq!(sanitize(""), "db");
    }

    /// Exercises whichever backend the environment selects.
    #[tokio::test]
    async fn each_call_returns_a_fresh_usable_database() -> anyhow::Result<()> {
        let first = database_url("identity").await?;
        let second = database_url("identity").await?;
        assert_ne!(first, second);
        if std::env::var(TEST_DATABASE_URL_ENV).map_or(true, |v| v.trim().is_empty()) {
            assert!(first.starts_with("sqlite://"), "{first}");
            assert!(first.ends_with(".db?mode=rwc"), "{first}");
        } else {
            assert!(first.contains("/omni_t_identity_"), "{first}");
        }
        let db = sea_orm::Database::connect(first.as_str()).await?;
        db.execute_unprepared("CREATE TABLE t (workspace_id TEXT NOT NULL)")
            .await?;
        db.execute_unprepared("INSERT INTO t (workspace_id) VALUES ('ws')")
            .await?;
        db.close().await?;
        // The second database does not see the first one's table.
        let db = sea_orm::Database::connect(second.as_str()).await?;
        db.execute_unprepared("CREATE TABLE t (workspace_id TEXT NOT NULL)")
            .await?;
        db.close().await?;
        Ok(())
    }
}
