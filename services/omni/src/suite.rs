//! The whole suite in one process: six gRPC servers, each on its own listener and with
//! its own shutdown token, talking to each other only over gRPC and the bus. Used by
//! `omni up`, `omni demo` and the cross-service tests (which stop, crash and restart
//! single services).

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use anyhow::Context as _;
use omni_common::clock::SharedClock;
use omni_common::config::{SERVICES, Settings};
use omni_common::shutdown::CancellationToken;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

type ServiceFuture = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;

/// Starts service `name`'s `run` on `listener`.
pub fn run_service(
    name: &str,
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<ServiceFuture> {
    run_service_with_clock(name, settings, listener, shutdown, None)
}

/// [`run_service`] with an injected clock for the services that take one (journey,
/// segment, insights: their `run_with_clock`); the others read the system clock.
pub fn run_service_with_clock(
    name: &str,
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
    clock: Option<SharedClock>,
) -> anyhow::Result<ServiceFuture> {
    if let Some(clock) = clock {
        let fut: ServiceFuture = match name {
            "segment" => Box::pin(async move {
                Ok(omni_segment::run_with_clock(settings, listener, shutdown, clock).await?)
            }),
            "journey" => Box::pin(async move {
                Ok(omni_journey::run_with_clock(settings, listener, shutdown, clock).await?)
            }),
            "insights" => Box::pin(async move {
                Ok(omni_insights::run_with_clock(settings, listener, shutdown, clock).await?)
            }),
            other => return run_service_with_clock(other, settings, listener, shutdown, None),
        };
        return Ok(fut);
    }
    let fut: ServiceFuture = match name {
        "identity" => {
            Box::pin(async move { Ok(omni_identity::run(settings, listener, shutdown).await?) })
        }
        "segment" => {
            Box::pin(async move { Ok(omni_segment::run(settings, listener, shutdown).await?) })
        }
        "decisioning" => {
            Box::pin(async move { Ok(omni_decisioning::run(settings, listener, shutdown).await?) })
        }
        "journey" => {
            Box::pin(async move { Ok(omni_journey::run(settings, listener, shutdown).await?) })
        }
        "channel" => {
            Box::pin(async move { Ok(omni_channel::run(settings, listener, shutdown).await?) })
        }
        "insights" => {
            Box::pin(async move { Ok(omni_insights::run(settings, listener, shutdown).await?) })
        }
        other => anyhow::bail!("unknown service `{other}`; expected one of {SERVICES:?}"),
    };
    Ok(fut)
}

/// Binds every service's listen address. A port of 0 is replaced by the bound port in
/// both `listen` and `url`, so services find each other.
pub async fn bind_all(settings: &mut Settings) -> anyhow::Result<BTreeMap<String, TcpListener>> {
    let mut listeners = BTreeMap::new();
    for name in SERVICES {
        let listener = bind(settings, name).await?;
        listeners.insert(name.to_owned(), listener);
    }
    Ok(listeners)
}

async fn bind(settings: &mut Settings, name: &str) -> anyhow::Result<TcpListener> {
    let svc = settings.service_mut(name);
    let listener = TcpListener::bind(svc.listen)
        .await
        .with_context(|| format!("binding {name} on {} ({name}.listen)", svc.listen))?;
    if svc.listen.port() == 0 {
        let addr = listener.local_addr()?;
        svc.listen = addr;
        svc.url = format!("http://{addr}");
    }
    Ok(listener)
}

struct Running {
    token: CancellationToken,
    handle: JoinHandle<anyhow::Result<()>>,
}

/// The running suite.
pub struct Suite {
    settings: Settings,
    root: CancellationToken,
    clock: Option<SharedClock>,
    running: BTreeMap<String, Running>,
}

impl Suite {
    /// Binds and starts all six services. Every `*.listen` with port 0 gets a free port.
    pub async fn start(settings: Settings, root: CancellationToken) -> anyhow::Result<Self> {
        Self::start_inner(settings, root, None).await
    }

    /// [`Suite::start`] with one shared clock for every service that takes one (see
    /// [`run_service_with_clock`]); restarts keep it. For tests that move time.
    pub async fn start_with_clock(
        settings: Settings,
        root: CancellationToken,
        clock: SharedClock,
    ) -> anyhow::Result<Self> {
        Self::start_inner(settings, root, Some(clock)).await
    }

    async fn start_inner(
        mut settings: Settings,
        root: CancellationToken,
        clock: Option<SharedClock>,
    ) -> anyhow::Result<Self> {
        let listeners = bind_all(&mut settings).await?;
        let mut suite = Self {
            settings,
            root,
            clock,
            running: BTreeMap::new(),
        };
        for (name, listener) in listeners {
            suite.spawn(&name, listener)?;
        }
        Ok(suite)
    }

    fn spawn(&mut self, name: &str, listener: TcpListener) -> anyhow::Result<()> {
        let token = self.root.child_token();
        let fut = run_service_with_clock(
            name,
            self.settings.clone(),
            listener,
            token.clone(),
            self.clock.clone(),
        )?;
        let label = name.to_owned();
        let handle = tokio::spawn(async move {
            let r = fut.await;
            if let Err(e) = &r {
                tracing::error!(service = %label, error = %format!("{e:#}"), "service stopped with an error");
            }
            r
        });
        self.running
            .insert(name.to_owned(), Running { token, handle });
        Ok(())
    }

    /// The effective settings (with bound ports).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The URL of service `name`.
    pub fn url(&self, name: &str) -> String {
        self.settings.service(name).url.clone()
    }

    /// Stops service `name` gracefully and waits for it.
    pub async fn stop(&mut self, name: &str) -> anyhow::Result<()> {
        if let Some(r) = self.running.remove(name) {
            r.token.cancel();
            r.handle.await??;
        }
        Ok(())
    }

    /// Kills service `name` abruptly, as a crash would: its task is aborted mid-flight.
    pub async fn crash(&mut self, name: &str) {
        if let Some(r) = self.running.remove(name) {
            r.handle.abort();
            let _ = r.handle.await;
        }
    }

    /// Starts service `name` again on the same address.
    pub async fn restart(&mut self, name: &str) -> anyhow::Result<()> {
        let listener = bind(&mut self.settings, name).await?;
        self.spawn(name, listener)
    }

    /// Whether any service task has ended (used by `omni up` to exit on failure).
    pub fn any_finished(&self) -> Option<String> {
        self.running
            .iter()
            .find(|(_, r)| r.handle.is_finished())
            .map(|(n, _)| n.clone())
    }

    /// Cancels every service and waits for them to drain.
    pub async fn shutdown(mut self) -> anyhow::Result<()> {
        self.root.cancel();
        let mut first_err = None;
        for (name, r) in std::mem::take(&mut self.running) {
            match r.handle.await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    first_err.get_or_insert(e.context(format!("service {name}")));
                }
                Err(e) => {
                    first_err.get_or_insert(anyhow::anyhow!("service {name} panicked: {e}"));
                }
            }
        }
        first_err.map_or(Ok(()), Err)
    }
}
