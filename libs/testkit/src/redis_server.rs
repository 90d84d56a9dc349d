//! A real `redis-server` process on a local port.

use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdTcpListener};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

/// How long a freshly spawned server may take to answer `PING`.
const READY_TIMEOUT: Duration = Duration::from_secs(15);
/// Directories searched for `redis-server` besides `PATH`.
const EXTRA_DIRS: [&str; 3] = ["/usr/bin", "/usr/sbin", "/usr/local/bin"];

/// Serialises installs when many tests start servers at once.
static INSTALL_LOCK: Mutex<()> = Mutex::new(());

/// A `redis-server` child process listening on `127.0.0.1`, killed when dropped.
#[derive(Debug)]
pub struct RedisServer {
    /// Connection URL, e.g. `redis://127.0.0.1:40123`.
    pub url: String,
    port: u16,
    child: Child,
    persistent: bool,
    /// Holds the data directory of an ephemeral server until it is dropped.
    _tempdir: Option<tempfile::TempDir>,
}

impl RedisServer {
    /// Starts an ephemeral server on a free port: no snapshots, no append-only file,
    /// working directory in a fresh temporary directory. Installs `redis-server` with
    /// `apt-get` first if it is not found.
    pub async fn start() -> anyhow::Result<RedisServer> {
        let bin = tokio::task::spawn_blocking(ensure_redis_server).await??;
        let tempdir = tempfile::Builder::new().prefix("omni-redis-").tempdir()?;
        let mut last_error = None;
        // A free port can be taken by someone else between probing and binding: retry.
        for _ in 0..5 {
            let port = free_port()?;
            match spawn(&bin, port, tempdir.path(), false).await {
                Ok(child) => {
                    return Ok(RedisServer {
                        url: format!("redis://127.0.0.1:{port}"),
                        port,
                        child,
                        persistent: false,
                        _tempdir: Some(tempdir),
                    });
                }
                Err(err) => last_error = Some(err),
            }
        }
        Err(last_error.unwrap_or_else(|| anyhow::anyhow!("redis-server did not start")))
    }

    /// Starts a durable server for `omni up`: append-only file on, data kept in `dir`
    /// (created if missing), listening on `127.0.0.1:port` (a free port when `port` is
    /// 0, since `redis-server --port 0` would disable TCP). Stop it with
    /// [`RedisServer::stop`] so the append-only file is flushed; dropping it also asks
    /// the server to shut down before killing it.
    pub async fn start_persistent(dir: &Path, port: u16) -> anyhow::Result<RedisServer> {
        let bin = tokio::task::spawn_blocking(ensure_redis_server).await??;
        tokio::fs::create_dir_all(dir)
            .await
            .with_context(|| format!("creating redis data directory {}", dir.display()))?;
        let dir = tokio::fs::canonicalize(dir).await?;
        let port = if port == 0 { free_port()? } else { port };
        let child = spawn(&bin, port, &dir, true).await?;
        Ok(RedisServer {
            url: format!("redis://127.0.0.1:{port}"),
            port,
            child,
            persistent: true,
            _tempdir: None,
        })
    }

    /// The TCP port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Shuts the server down cleanly (`SHUTDOWN`, which flushes the append-only file)
    /// and waits for the process to exit; kills it if it does not exit within 10s.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Ok(mut stream) = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).await {
            stream.write_all(b"SHUTDOWN\r\n").await?;
            let mut sink = Vec::new();
            // The server closes the connection when it exits.
            let _ =
                tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut sink)).await;
        }
        match tokio::time::timeout(Duration::from_secs(10), self.child.wait()).await {
            Ok(status) => {
                status?;
            }
            Err(_) => self.child.kill().await?,
        }
        Ok(())
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        if self.persistent && matches!(self.child.try_wait(), Ok(None)) {
            // Best effort: let the server flush its append-only file before the kill.
            shutdown_blocking(self.port);
        }
        // `kill_on_drop` kills whatever is still running when `child` drops.
    }
}

fn shutdown_blocking(port: u16) {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    if let Ok(mut stream) = std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200))
    {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
        if stream.write_all(b"SHUTDOWN\r\n").is_ok() {
            let mut sink = Vec::new();
            let _ = stream.read_to_end(&mut sink);
        }
    }
}

/// Returns the path of `redis-server`, installing it with `apt-get install -y
/// redis-server` (after `apt-get update` if the first attempt fails) when it is not on
/// `PATH` or in `/usr/bin`, `/usr/sbin` or `/usr/local/bin`. Blocks while installing.
pub fn ensure_redis_server() -> anyhow::Result<PathBuf> {
    if let Some(path) = find_redis_server() {
        return Ok(path);
    }
    let _guard = INSTALL_LOCK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(path) = find_redis_server() {
        return Ok(path);
    }
    eprintln!("omni-testkit: redis-server not found; running `apt-get install -y redis-server`");
    if !apt_get(&["install", "-y", "redis-server"])? {
        eprintln!("omni-testkit: install failed; running `apt-get update` and retrying");
        if !apt_get(&["update"])? {
            bail!("`apt-get update` failed; install redis-server manually");
        }
        if !apt_get(&["install", "-y", "redis-server"])? {
            bail!("`apt-get install -y redis-server` failed; install redis-server manually");
        }
    }
    find_redis_server().context("redis-server still not found after apt-get install")
}

fn find_redis_server() -> Option<PathBuf> {
    let path_dirs = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    path_dirs
        .into_iter()
        .chain(EXTRA_DIRS.iter().map(PathBuf::from))
        .map(|dir| dir.join("redis-server"))
        .find(|candidate| candidate.is_file())
}

fn apt_get(args: &[&str]) -> anyhow::Result<bool> {
    let status = std::process::Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdin(Stdio::null())
        .status()
        .context("running apt-get (is this a Debian/Ubuntu system?)")?;
    Ok(status.success())
}

/// A port that was free a moment ago.
pub(crate) fn free_port() -> anyhow::Result<u16> {
    let listener = StdTcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

async fn spawn(bin: &Path, port: u16, dir: &Path, persistent: bool) -> anyhow::Result<Child> {
    let logfile = dir.join(format!("redis-{port}.log"));
    let mut cmd = Command::new(bin);
    cmd.arg("--port")
        .arg(port.to_string())
        .arg("--bind")
        .arg("127.0.0.1")
        .arg("--dir")
        .arg(dir)
        .arg("--logfile")
        .arg(&logfile)
        .arg("--save")
        .arg("");
    if persistent {
        cmd.args(["--appendonly", "yes", "--appendfsync", "everysec"]);
    } else {
        cmd.args(["--appendonly", "no"]);
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    let mut child = cmd
        .spawn()
        .with_context(|| format!("spawning {}", bin.display()))?;

    let deadline = Instant::now() + READY_TIMEOUT;
    loop {
        if let Some(status) = child.try_wait()? {
            bail!(
                "redis-server on port {port} exited with {status}: {}",
                log_tail(&logfile).await
            );
        }
        if ping(port).await {
            return Ok(child);
        }
        if Instant::now() >= deadline {
            let _ = child.kill().await;
            bail!(
                "redis-server on port {port} did not answer PING within {READY_TIMEOUT:?}: {}",
                log_tail(&logfile).await
            );
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Sends `PING` over raw RESP and expects `+PONG`.
async fn ping(port: u16) -> bool {
    let attempt = async {
        let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).await?;
        stream.write_all(b"PING\r\n").await?;
        let mut buf = [0u8; 64];
        let n = stream.read(&mut buf).await?;
        Ok::<_, std::io::Error>(buf[..n].starts_with(b"+PONG"))
    };
    matches!(
        tokio::time::timeout(Duration::from_millis(500), attempt).await,
        Ok(Ok(true))
    )
}

async fn log_tail(logfile: &Path) -> String {
    match tokio::fs::read_to_string(logfile).await {
        Ok(log) => {
            let lines: Vec<&str> = log.lines().collect();
            lines[lines.len().saturating_sub(10)..].join("\n")
        }
        Err(_) => "(no log written)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn command(port: u16, cmd: &str) -> anyhow::Result<String> {
        let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).await?;
        stream.write_all(cmd.as_bytes()).await?;
        let mut buf = vec![0u8; 256];
        let n = stream.read(&mut buf).await?;
        Ok(String::from_utf8_lossy(&buf[..n]).into_owned())
    }

    #[tokio::test]
    async fn start_answers_ping_and_dies_on_drop() -> anyhow::Result<()> {
        let server = RedisServer::start().await?;
        let port = server.port();
        assert_eq!(server.url, format!("redis://127.0.0.1:{port}"));
        assert!(ping(port).await);
        assert_eq!(command(port, "SET k v\r\n").await?, "+OK\r\n");
        drop(server);
        crate::eventually(Duration::from_secs(5), || async move {
            Ok((!ping(port).await).then_some(()))
        })
        .await?;
        Ok(())
    }

    #[tokio::test]
    async fn two_servers_get_distinct_ports() -> anyhow::Result<()> {
        let (a, b) = tokio::try_join!(RedisServer::start(), RedisServer::start())?;
        assert_ne!(a.port(), b.port());
        assert_eq!(command(a.port(), "SET only-a 1\r\n").await?, "+OK\r\n");
        assert_eq!(command(b.port(), "EXISTS only-a\r\n").await?, ":0\r\n");
        Ok(())
    }

    #[tokio::test]
    async fn persistent_server_keeps_data_across_restarts() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let port = free_port()?;
        let server = RedisServer::start_persistent(dir.path(), port).await?;
        assert_eq!(command(port, "SET survivor yes\r\n").await?, "+OK\r\n");
        server.stop().await?;
        assert!(!ping(port).await);

        let server = RedisServer::start_persistent(dir.path(), port).await?;
        assert_eq!(command(port, "GET survivor\r\n").await?, "$3\r\nyes\r\n");
        server.stop().await?;
        Ok(())
    }

    #[test]
    fn ensure_redis_server_finds_the_binary() -> anyhow::Result<()> {
        let path = ensure_redis_server()?;
        assert!(path.ends_with("redis-server"));
        assert!(path.is_file());
        Ok(())
    }
}
