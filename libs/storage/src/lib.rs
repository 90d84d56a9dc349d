//! SQL storage for Omni services: one connection function for SQLite (the embedded
//! default) and Postgres, portable statements with `$n` placeholders on both backends,
//! and a migrations runner each service calls at start-up for its own tables.
//!
//! This crate knows no service's tables; each service owns its schema.

use std::path::Path;
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DbBackend, DbErr, SqlErr, Statement,
    TransactionTrait, Value,
};

/// A pooled database connection.
pub type Db = sea_orm::DatabaseConnection;

/// Storage errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The URL is neither `sqlite:` nor `postgres:`.
    #[error("unsupported database URL `{0}`: use sqlite://path or postgres://...")]
    UnsupportedUrl(String),
    /// The SQLite file's directory could not be created.
    #[error("creating database directory {path}: {source}")]
    CreateDir {
        /// The directory.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] DbErr),
    /// A migration failed.
    #[error("migration {service} v{version} ({name}): {source}")]
    Migration {
        /// Service owning the migration.
        service: String,
        /// Migration version.
        version: i64,
        /// Migration name.
        name: String,
        /// The cause.
        source: DbErr,
    },
}

/// One schema change. `sql` holds `;`-separated statements valid on SQLite and Postgres.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// Strictly increasing per service.
    pub version: i64,
    /// Short name for logs.
    pub name: &'static str,
    /// Portable SQL statements.
    pub sql: &'static str,
}

/// Connects to `url`: `sqlite://path/file.db?mode=rwc` (directory created; WAL, busy
/// timeout) or `postgres://...`.
pub async fn connect(url: &str) -> Result<Db, Error> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30));
    if url.starts_with("sqlite:") {
        let path = url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:")
            .split('?')
            .next()
            .unwrap_or_default();
        if let Some(dir) = Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|source| Error::CreateDir {
                path: dir.display().to_string(),
                source,
            })?;
        }
        opts.max_connections(4).map_sqlx_sqlite_opts(|o| {
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(30))
        });
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        opts.max_connections(16);
    } else {
        return Err(Error::UnsupportedUrl(url.to_owned()));
    }
    Ok(Database::connect(opts).await?)
}

/// Builds a statement from SQL written with `$1, $2, ...` placeholders; on SQLite they
/// become `?1, ?2, ...` (same numbering, so a value may be referenced twice).
pub fn stmt(backend: DbBackend, sql: &str, values: impl IntoIterator<Item = Value>) -> Statement {
    let sql = match backend {
        DbBackend::Sqlite => dollar_to_question(sql),
        _ => sql.to_owned(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

fn dollar_to_question(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut in_string = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            in_string = !in_string;
        }
        if c == '$' && !in_string && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

/// True when `err` is a unique or primary-key constraint violation.
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// Applies the `migrations` of `service` not yet applied, each in its own transaction,
/// recording them in `omni_migrations`. Safe to call on every start-up.
pub async fn migrate(db: &Db, service: &str, migrations: &[Migration]) -> Result<(), Error> {
    let backend = db.get_database_backend();
    db.execute_unprepared(
        "CREATE TABLE IF NOT EXISTS omni_migrations (
            service TEXT NOT NULL,
            version BIGINT NOT NULL,
            name TEXT NOT NULL,
            applied_ms BIGINT NOT NULL,
            PRIMARY KEY (service, version))",
    )
    .await?;
    let applied: Vec<i64> = db
        .query_all_raw(stmt(
            backend,
            "SELECT version FROM omni_migrations WHERE service = $1",
            [service.into()],
        ))
        .await?
        .iter()
        .filter_map(|r| r.try_get::<i64>("", "version").ok())
        .collect();
    for m in migrations.iter().filter(|m| !applied.contains(&m.version)) {
        let fail = |source: DbErr| Error::Migration {
            service: service.to_owned(),
            version: m.version,
            name: m.name.to_owned(),
            source,
        };
        let txn = db.begin().await.map_err(fail)?;
        for sql in m.sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            txn.execute_unprepared(sql).await.map_err(fail)?;
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default();
        let insert = stmt(
            backend,
            "INSERT INTO omni_migrations (service, version, name, applied_ms) VALUES ($1, $2, $3, $4)
             ON CONFLICT (service, version) DO NOTHING",
            [service.into(), m.version.into(), m.name.into(), now.into()],
        );
        txn.execute_raw(insert).await.map_err(fail)?;
        txn.commit().await.map_err(fail)?;
        tracing::info!(
            service,
            version = m.version,
            name = m.name,
            "migration applied"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_outside_strings_only() {
        assert_eq!(
            dollar_to_question("SELECT '$1', a FROM t WHERE b = $1 AND c = $12"),
            "SELECT '$1', a FROM t WHERE b = ?1 AND c = ?12"
        );
    }

    async fn exercise(url: &str) {
        let db = connect(url).await.expect("connect");
        let migrations = [
            Migration {
                version: 1,
                name: "things",
                sql: "CREATE TABLE things (workspace_id TEXT NOT NULL, id TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (workspace_id, id));
                      CREATE INDEX things_n ON things (n)",
            },
            Migration {
                version: 2,
                name: "things_score",
                sql: "ALTER TABLE things ADD COLUMN score DOUBLE PRECISION",
            },
        ];
        migrate(&db, "test", &migrations).await.expect("migrate");
        migrate(&db, "test", &migrations)
            .await
            .expect("migrate twice is a no-op");
        let b = db.get_database_backend();
        db.execute_raw(stmt(
            b,
            "INSERT INTO things (workspace_id, id, n, score) VALUES ($1, $2, $3, $4)",
            ["ws".into(), "a".into(), 7i64.into(), 0.5f64.into()],
        ))
        .await
        .expect("insert");
        let dup = db
            .execute_raw(stmt(
                b,
                "INSERT INTO things (workspace_id, id, n) VALUES ($1, $2, $3)",
                ["ws".into(), "a".into(), 8i64.into()],
            ))
            .await
            .expect_err("duplicate key");
        assert!(is_unique_violation(&dup), "{dup}");
        let row = db
            .query_one_raw(stmt(
                b,
                "SELECT n, score FROM things WHERE workspace_id = $1 AND id = $2",
                ["ws".into(), "a".into()],
            ))
            .await
            .expect("select")
            .expect("row");
        assert_eq!(row.try_get::<i64>("", "n").expect("n"), 7);
        assert_eq!(row.try_get::<f64>("", "score").expect("score"), 0.5);
    }

    #[tokio::test]
    async fn sqlite_migrates_and_queries() {
        let dir = std::env::temp_dir().join(format!("omni-storage-{}", uuid_like()));
        exercise(&format!("sqlite://{}/nested/t.db?mode=rwc", dir.display())).await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn postgres_migrates_and_queries_when_configured() {
        let Ok(admin_url) = std::env::var("OMNI_TEST_DATABASE_URL") else {
            return;
        };
        let admin = connect(&admin_url).await.expect("admin connect");
        let name = format!("omni_t_storage_{}", uuid_like());
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create db");
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(b, _)| b);
        exercise(&format!("{base}/{name}")).await;
    }

    fn uuid_like() -> String {
        format!(
            "{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        )
    }
}
