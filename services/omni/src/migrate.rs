//! `omni migrate`: applies the SQL migrations of every service (or one) and exits.
//!
//! Services still migrate at start-up; this command exists so a deployment can migrate
//! once, before new replicas roll out (the Helm chart runs it as a pre-install /
//! pre-upgrade Job), instead of several replicas racing over the same schema.
//!
//! segment, decisioning, journey-orchestrator and insights publish their migration lists, which
//! are applied here with omni-storage exactly as their `run` applies them. identity and
//! channel-gateway keep theirs private and migrate only inside `run`, so for those two
//! the service is started on a loopback port with its shutdown already cancelled: it
//! connects its database, migrates, connects Redis and stops without serving a request.
//! That is why migrating them needs `redis.url`.

use anyhow::Context as _;
use omni_common::config::{SERVICES, Settings};
use omni_common::shutdown::CancellationToken;
use tokio::net::TcpListener;

/// Services whose migrations run through their start-up (they need Redis).
const MIGRATED_BY_START_UP: [&str; 2] = ["identity", "channel"];

/// Applies the pending migrations of `only` (or of every service, in port order) to the
/// databases named in `settings`, and returns the services migrated.
pub async fn migrate(settings: &Settings, only: Option<&str>) -> anyhow::Result<Vec<String>> {
    let names: Vec<&str> = match only {
        Some(name) if SERVICES.contains(&name) => vec![name],
        Some(other) => anyhow::bail!("unknown service `{other}`; expected one of {SERVICES:?}"),
        None => SERVICES.to_vec(),
    };
    if names.iter().any(|n| MIGRATED_BY_START_UP.contains(n)) && settings.redis.url.is_empty() {
        anyhow::bail!(
            "redis.url must be set: identity and channel migrate through their start-up, \
             which connects to Redis"
        );
    }
    let mut done = Vec::with_capacity(names.len());
    for name in names {
        migrate_one(settings, name)
            .await
            .with_context(|| format!("migrating {name} ({name}.database_url)"))?;
        done.push(name.to_owned());
    }
    Ok(done)
}

async fn migrate_one(settings: &Settings, name: &str) -> anyhow::Result<()> {
    let url = &settings.service(name).database_url;
    let migrations = match name {
        "segment" => omni_segment::store::MIGRATIONS,
        "decisioning" => omni_decisioning::store::MIGRATIONS,
        "journey" => omni_journey::store::MIGRATIONS,
        "insights" => omni_insights::store::MIGRATIONS,
        _ => {
            let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
            let stopped = CancellationToken::new();
            stopped.cancel();
            return crate::suite::run_service(name, settings.clone(), listener, stopped)?.await;
        }
    };
    let db = omni_storage::connect(url).await?;
    omni_storage::migrate(&db, name, migrations).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use sea_orm::ConnectionTrait as _;

    use super::*;

    async fn applied(url: &str, service: &str) -> anyhow::Result<i64> {
        let db = omni_storage::connect(url).await?;
        let row = db
            .query_one_raw(omni_storage::stmt(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM omni_migrations WHERE service = $1",
                [service.into()],
            ))
            .await?
            .context("no row")?;
        Ok(row.try_get::<i64>("", "n")?)
    }

    async fn settings(redis: &omni_testkit::RedisServer) -> anyhow::Result<Settings> {
        let mut settings = Settings::for_tests(&redis.url);
        for name in SERVICES {
            settings.service_mut(name).database_url = omni_testkit::database_url(name).await?;
        }
        Ok(settings)
    }

    #[tokio::test]
    async fn every_service_is_migrated_once_and_a_rerun_changes_nothing() -> anyhow::Result<()> {
        let redis = omni_testkit::RedisServer::start().await?;
        let settings = settings(&redis).await?;
        assert_eq!(migrate(&settings, None).await?, SERVICES.to_vec());
        let mut counts = Vec::new();
        for name in SERVICES {
            let n = applied(&settings.service(name).database_url, name).await?;
            assert!(n > 0, "{name} has no applied migrations");
            counts.push(n);
        }
        migrate(&settings, None).await?;
        for (name, n) in SERVICES.iter().zip(counts) {
            assert_eq!(
                applied(&settings.service(name).database_url, name).await?,
                n
            );
        }
        Ok(())
    }

    #[tokio::test]
    async fn one_service_migrates_only_its_own_database() -> anyhow::Result<()> {
        let redis = omni_testkit::RedisServer::start().await?;
        let settings = settings(&redis).await?;
        assert_eq!(migrate(&settings, Some("segment")).await?, ["segment"]);
        assert!(applied(&settings.segment.database_url, "segment").await? > 0);
        assert!(
            applied(&settings.identity.database_url, "identity")
                .await
                .is_err(),
            "identity's database was touched"
        );
        let err = migrate(&settings, Some("billing")).await.unwrap_err();
        assert!(
            err.to_string().contains("unknown service `billing`"),
            "{err}"
        );
        Ok(())
    }

    #[tokio::test]
    async fn identity_without_redis_is_refused_by_name() -> anyhow::Result<()> {
        let settings = Settings::for_tests("");
        let err = migrate(&settings, Some("identity")).await.unwrap_err();
        assert!(err.to_string().contains("redis.url"), "{err}");
        Ok(())
    }
}
