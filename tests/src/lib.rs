//! Harness for cross-service scenarios: a real redis-server, a database per service
//! (SQLite files, or fresh Postgres databases when `OMNI_TEST_DATABASE_URL` is set), a
//! real SMTP server, and the five services as separate gRPC servers on ephemeral ports.

use std::time::Duration;

use omni::clients::Clients;
use omni::suite::Suite;
use omni_common::clock::SharedClock;
use omni_common::config::{SERVICES, Settings};
use omni_common::shutdown::CancellationToken;
use omni_testkit::{RedisServer, SmtpSink};

/// The bootstrap admin key every harness accepts.
pub const ADMIN_KEY: &str = "test-admin-key";
/// How long scenarios wait for an eventual outcome.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A running suite with its dependencies.
pub struct Harness {
    /// The services.
    pub suite: Suite,
    /// Clients using the admin key.
    pub clients: Clients,
    /// The SMTP server email is delivered to.
    pub smtp: SmtpSink,
    /// The Redis server.
    pub redis: RedisServer,
}

impl Harness {
    /// Starts everything.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with(None, |_| {}).await
    }

    /// Starts everything with `clock` shared by the services that take one (see
    /// `omni::suite::Suite::start_with_clock`) and the settings changed by `tweak`.
    pub async fn start_with(
        clock: Option<SharedClock>,
        tweak: impl FnOnce(&mut Settings),
    ) -> anyhow::Result<Self> {
        omni_common::telemetry::init_for_tests();
        let redis = RedisServer::start().await?;
        let smtp = SmtpSink::start().await?;
        let mut settings = Settings::for_tests(&redis.url);
        for name in SERVICES {
            settings.service_mut(name).database_url = omni_testkit::database_url(name).await?;
        }
        settings.smtp.host = smtp.addr.ip().to_string();
        settings.smtp.port = smtp.addr.port();
        tweak(&mut settings);
        let suite = match clock {
            Some(clock) => {
                Suite::start_with_clock(settings, CancellationToken::new(), clock).await?
            }
            None => Suite::start(settings, CancellationToken::new()).await?,
        };
        let clients = Clients::connect(&suite, ADMIN_KEY)?;
        Ok(Self {
            suite,
            clients,
            smtp,
            redis,
        })
    }

    /// Clients that send `key` (empty: no key at all).
    pub fn clients_with_key(&self, key: &str) -> anyhow::Result<Clients> {
        Clients::connect(&self.suite, key)
    }

    /// Stops the suite.
    pub async fn stop(self) -> anyhow::Result<()> {
        self.suite.shutdown().await
    }
}
