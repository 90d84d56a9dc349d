//! The HTTP plumbing the provider servers share: a hyper HTTP/1.1 server, the fault
//! queue, request recording and idempotency bookkeeping.

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::{JoinHandle, JoinSet};

/// A fault to inject into the next answer(s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this HTTP status (e.g. 500, 503) and a provider-style error body.
    Status(u16),
    /// Answer 429 with `Retry-After: <seconds>`.
    TooManyRequests {
        /// The `Retry-After` value in seconds.
        retry_after_secs: u64,
    },
    /// Wait this long, then answer normally (for client timeouts).
    Delay(Duration),
}

/// One request as received.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// Method.
    pub method: String,
    /// Path and query.
    pub path: String,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// Raw body.
    pub body: Vec<u8>,
    /// The status answered.
    pub status: u16,
}

impl RecordedRequest {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A request ready for a handler: method, path, headers and the whole body.
pub(crate) struct HttpRequest {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

impl HttpRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What a handler answers.
pub(crate) struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(status: u16, body: serde_json::Value) -> Self {
        Self {
            status,
            headers: vec![("content-type", "application/json".to_owned())],
            body: body.to_string(),
        }
    }
}

type BoxFuture = Pin<Box<dyn Future<Output = Answer> + Send>>;
pub(crate) type Handler = Arc<dyn Fn(HttpRequest) -> BoxFuture + Send + Sync>;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// State every provider server keeps: faults, requests, and accepted items with the
/// answer given per idempotency key.
pub(crate) struct Shared<T> {
    faults: Mutex<VecDeque<Fault>>,
    always: Mutex<Option<Fault>>,
    requests: Mutex<Vec<RecordedRequest>>,
    accepted: Mutex<Vec<T>>,
    answers: Mutex<HashMap<String, serde_json::Value>>,
    arrived: Notify,
}

impl<T: Clone> Shared<T> {
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            faults: Mutex::new(VecDeque::new()),
            always: Mutex::new(None),
            requests: Mutex::new(Vec::new()),
            accepted: Mutex::new(Vec::new()),
            answers: Mutex::new(HashMap::new()),
            arrived: Notify::new(),
        })
    }

    pub fn fail_next(&self, times: usize, fault: Fault) {
        let mut q = lock(&self.faults);
        for _ in 0..times {
            q.push_back(fault.clone());
        }
    }

    pub fn fail_always(&self, fault: Option<Fault>) {
        *lock(&self.always) = fault;
        if lock(&self.always).is_none() {
            lock(&self.faults).clear();
        }
    }

    /// The fault for this request, if any (queued faults first).
    pub fn take_fault(&self) -> Option<Fault> {
        lock(&self.faults)
            .pop_front()
            .or_else(|| lock(&self.always).clone())
    }

    pub fn record(&self, r: RecordedRequest) {
        lock(&self.requests).push(r);
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).clone()
    }

    /// The answer already given for `key`, if the key was seen.
    pub fn answer_for(&self, key: Option<&str>) -> Option<serde_json::Value> {
        key.and_then(|k| lock(&self.answers).get(k).cloned())
    }

    /// Records an accepted item and the answer for its key (first one wins).
    pub fn accept(&self, key: Option<&str>, item: T, answer: &serde_json::Value) {
        if let Some(k) = key {
            lock(&self.answers)
                .entry(k.to_owned())
                .or_insert_with(|| answer.clone());
        }
        lock(&self.accepted).push(item);
        self.arrived.notify_waiters();
    }

    pub fn accepted(&self) -> Vec<T> {
        lock(&self.accepted).clone()
    }

    pub async fn wait_for(&self, n: usize, timeout: Duration) -> anyhow::Result<Vec<T>> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.arrived.notified();
            let got = self.accepted();
            if got.len() >= n {
                return Ok(got);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                anyhow::bail!(
                    "expected {n} accepted messages within {timeout:?}, got {}",
                    self.accepted().len()
                );
            }
        }
    }
}

/// A running HTTP server; stops when dropped.
pub(crate) struct Server {
    pub addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    /// Serves `handler` on a free port, answering faults from `faults` first and
    /// recording every request into `record`.
    pub async fn start<T: Clone + Send + 'static>(
        shared: Arc<Shared<T>>,
        fault_body: fn(u16) -> serde_json::Value,
        handler: Handler,
    ) -> anyhow::Result<Self> {
        Self::start_with(shared, fault_body, handler, false).await
    }

    /// [`Server::start`], speaking HTTP/2 without TLS (h2c, prior knowledge) when
    /// `http2`.
    pub async fn start_with<T: Clone + Send + 'static>(
        shared: Arc<Shared<T>>,
        fault_body: fn(u16) -> serde_json::Value,
        handler: Handler,
        http2: bool,
    ) -> anyhow::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            let mut connections = JoinSet::new();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                while connections.try_join_next().is_some() {}
                let shared = shared.clone();
                let handler = handler.clone();
                connections.spawn(async move {
                    let service = service_fn(move |req: Request<Incoming>| {
                        let shared = shared.clone();
                        let handler = handler.clone();
                        async move {
                            Ok::<_, Infallible>(handle(req, shared, fault_body, handler).await)
                        }
                    });
                    if http2 {
                        let _ = hyper::server::conn::http2::Builder::new(
                            hyper_util::rt::TokioExecutor::new(),
                        )
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                    } else {
                        let _ = http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    }
                });
            }
        });
        Ok(Self { addr, task })
    }
}

async fn handle<T: Clone>(
    req: Request<Incoming>,
    shared: Arc<Shared<T>>,
    fault_body: fn(u16) -> serde_json::Value,
    handler: Handler,
) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_ascii_lowercase(),
                v.to_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let incoming = HttpRequest {
        method: parts.method.to_string(),
        path: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        headers: headers.clone(),
        body: body.clone(),
    };
    let answer = match shared.take_fault() {
        Some(Fault::Status(code)) => Answer::json(code, fault_body(code)),
        Some(Fault::TooManyRequests { retry_after_secs }) => {
            let mut a = Answer::json(429, fault_body(429));
            a.headers
                .push(("retry-after", retry_after_secs.to_string()));
            a
        }
        Some(Fault::Delay(d)) => {
            tokio::time::sleep(d).await;
            handler(incoming).await
        }
        None => handler(incoming).await,
    };
    shared.record(RecordedRequest {
        method: parts.method.to_string(),
        path: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        headers,
        body: body.to_vec(),
        status: answer.status,
    });
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() =
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in answer.headers {
        if let Ok(v) = value.parse() {
            response.headers_mut().insert(name, v);
        }
    }
    response
}

/// Decodes `application/x-www-form-urlencoded` into pairs.
pub(crate) fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(body);
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                match s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode() {
        assert_eq!(
            parse_form(b"To=%2B15551234567&Body=Hi+Ann+%26+co"),
            vec![
                ("To".to_owned(), "+15551234567".to_owned()),
                ("Body".to_owned(), "Hi Ann & co".to_owned())
            ]
        );
    }
}
