//! Local provider servers for tests, the demo and the benchmark: real HTTP/1.1 (and,
//! for APNs, HTTP/2 h2c) endpoints on `127.0.0.1` that speak the request shapes of the
//! providers the channel-gateway uses (a Twilio-style SMS API, FCM HTTP v1 push, APNs
//! with ES256 provider tokens, an HMAC-signed store webhook), check authentication and payloads as the real ones do, record what
//! they accept, honour an `Idempotency-Key` header (a repeated key is answered with the
//! first result and recorded once), and inject faults on demand: 5xx answers, 429 with
//! `Retry-After`, and slow answers that make a client time out.

mod apns;
mod fcm;
mod http;
mod twilio;
mod webhook;

pub use apns::{ApnsNotification, ApnsServer};
pub use fcm::{FcmServer, PushMessage};
pub use http::{Fault, RecordedRequest};
pub use twilio::{SmsMessage, TwilioServer};
pub use webhook::{StoreWebhookServer, WebhookCall};
