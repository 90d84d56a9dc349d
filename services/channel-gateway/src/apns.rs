//! Push through the Apple Push Notification service (APNs) over HTTP/2 with token
//! authentication:
//!
//! `POST {base_url}/3/device/<device token>` with `authorization: bearer <JWT>`,
//! `apns-topic` (the app's bundle id), `apns-push-type: alert`, `apns-priority: 10`,
//! `apns-expiration` (the message's expiry in unix seconds, `0` for none), `apns-id` (a
//! UUID derived from the message id, so every attempt of one message carries the same
//! one) and `{"aps": {"alert": {"title", "body"}}, "omni_message_id"}`. `200` with an
//! `apns-id` header is acceptance.
//!
//! The JWT is ES256 over `{"alg": "ES256", "kid": <key id>}` and
//! `{"iss": <team id>, "iat": <unix seconds>}`, signed with the `.p8` key (PKCS#8 PEM,
//! the provider's secret); it is reused for 50 minutes (APNs refuses one older than an
//! hour and one refreshed more often than every 20 minutes) and minted again after an
//! `ExpiredProviderToken`. `410 Unregistered`, `400 BadDeviceToken` and
//! `400 DeviceTokenNotForTopic` retire the token. Production APNs is h2 over TLS
//! (`https://api.push.apple.com`); an `http://` base URL speaks h2c (local servers).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use base64::Engine as _;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair};
use serde_json::{Value, json};

use crate::error::Error;
use crate::provider::{
    Accepted, FailureKind, IDEMPOTENCY_HEADER, Outgoing, Provider, ProviderError, classify_status,
    json_body, retry_after, transport_error,
};

/// How long one provider JWT is used, in seconds.
const TOKEN_TTL_SECS: i64 = 50 * 60;
/// APNs reasons that mean the device token is dead.
const DEAD_TOKEN_REASONS: [&str; 3] = ["Unregistered", "BadDeviceToken", "DeviceTokenNotForTopic"];

/// An HTTP/2-only client for APNs (TLS with ALPN `h2`, or h2c for `http://`).
pub fn http2_client() -> Result<reqwest::Client, Error> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let mut tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| Error::ProviderSettings(format!("tls: {e}")))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec()];
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .http2_prior_knowledge()
        .connect_timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| Error::ProviderSettings(format!("http/2 client: {e}")))
}

/// Signs APNs provider tokens.
pub struct TokenSigner {
    key: EcdsaKeyPair,
    key_id: String,
    team_id: String,
    rng: SystemRandom,
    cached: Mutex<Option<(i64, String)>>,
}

impl TokenSigner {
    /// A signer for the `.p8` key `pem` (PKCS#8 PEM, or bare base64 DER).
    pub fn new(pem: &str, key_id: &str, team_id: &str) -> Result<Self, String> {
        let b64: String = pem
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64.as_bytes())
            .map_err(|_| "apns: the key is not PKCS#8 PEM".to_owned())?;
        let rng = SystemRandom::new();
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &der, &rng)
            .map_err(|e| format!("apns: the key is not a P-256 PKCS#8 key: {e}"))?;
        Ok(Self {
            key,
            key_id: key_id.to_owned(),
            team_id: team_id.to_owned(),
            rng,
            cached: Mutex::new(None),
        })
    }

    /// The token to use at `now_secs` (cached for [`TOKEN_TTL_SECS`]).
    pub fn token(&self, now_secs: i64) -> Result<String, String> {
        let mut cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((iat, token)) = cached.as_ref()
            && now_secs - iat < TOKEN_TTL_SECS
        {
            return Ok(token.clone());
        }
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = b64.encode(json!({"alg": "ES256", "kid": self.key_id}).to_string());
        let claims = b64.encode(json!({"iss": self.team_id, "iat": now_secs}).to_string());
        let signing_input = format!("{header}.{claims}");
        let sig = self
            .key
            .sign(&self.rng, signing_input.as_bytes())
            .map_err(|_| "apns: signing the provider token failed".to_owned())?;
        let token = format!("{signing_input}.{}", b64.encode(sig.as_ref()));
        *cached = Some((now_secs, token.clone()));
        Ok(token)
    }

    /// Forgets the cached token (APNs said it expired).
    pub fn reset(&self) {
        *self.cached.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

/// The `apns-id` of a message: a UUID derived from its id.
pub fn apns_id(message_id: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, message_id.as_bytes());
    let mut bytes = [0_u8; 16];
    bytes.copy_from_slice(&digest.as_ref()[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
        .to_ascii_uppercase()
}

/// The request body of a message.
pub fn request_body(m: &Outgoing) -> Value {
    json!({
        "aps": {"alert": {"title": m.subject, "body": m.body}, "sound": "default"},
        "omni_message_id": m.message_id,
    })
}

/// Sends push notifications through APNs.
pub struct ApnsProvider {
    client: reqwest::Client,
    base: String,
    topic: String,
    signer: TokenSigner,
}

impl std::fmt::Debug for ApnsProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApnsProvider")
            .field("base", &self.base)
            .field("topic", &self.topic)
            .finish_non_exhaustive()
    }
}

impl ApnsProvider {
    /// A provider at `base_url` for `topic`, signing with `signer`.
    pub fn new(client: reqwest::Client, base_url: &str, topic: &str, signer: TokenSigner) -> Self {
        Self {
            client,
            base: base_url.trim_end_matches('/').to_owned(),
            topic: topic.to_owned(),
            signer,
        }
    }
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[async_trait]
impl Provider for ApnsProvider {
    async fn send(&self, m: &Outgoing) -> Result<Accepted, ProviderError> {
        let token = self
            .signer
            .token(now_secs())
            .map_err(ProviderError::permanent)?;
        let url = format!("{}/3/device/{}", self.base, m.to);
        let expiration = m.expire_ms.map_or(0, |ms| ms.div_euclid(1000).max(1));
        let id = apns_id(&m.message_id);
        let response = self
            .client
            .post(&url)
            .header(reqwest::header::AUTHORIZATION, format!("bearer {token}"))
            .header("apns-topic", &self.topic)
            .header("apns-push-type", "alert")
            .header("apns-priority", "10")
            .header("apns-expiration", expiration.to_string())
            .header("apns-id", &id)
            .header(IDEMPOTENCY_HEADER, &m.message_id)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(request_body(m).to_string())
            .send()
            .await
            .map_err(|e| transport_error("apns", &e))?;
        let status = response.status();
        let wait = retry_after(response.headers());
        let answered_id = response
            .headers()
            .get("apns-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = json_body(response).await;
        if status.is_success() {
            return Ok(Accepted {
                provider_message_id: answered_id.unwrap_or(id),
            });
        }
        let reason = body["reason"].as_str().unwrap_or_default();
        let message = format!("apns: HTTP {} {reason}", status.as_u16());
        if status.as_u16() == 410
            || (status.as_u16() == 400 && DEAD_TOKEN_REASONS.contains(&reason))
        {
            return Err(ProviderError {
                message,
                kind: FailureKind::InvalidToken,
            });
        }
        if reason == "ExpiredProviderToken" {
            self.signer.reset();
        }
        Err(classify_status(status, wait, message))
    }
}

#[cfg(test)]
mod tests {
    use ring::signature::{ECDSA_P256_SHA256_FIXED, KeyPair as _, UnparsedPublicKey};

    use super::*;

    #[test]
    fn provider_tokens_are_es256_jwts_and_are_reused() {
        let rng = SystemRandom::new();
        let pkcs8 =
            EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).expect("generate");
        let pem = format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            base64::engine::general_purpose::STANDARD.encode(pkcs8.as_ref())
        );
        let signer = TokenSigner::new(&pem, "KEY123", "TEAM456").expect("key");
        let token = signer.token(1_000).expect("token");
        assert_eq!(
            signer.token(1_000 + TOKEN_TTL_SECS - 1).expect("again"),
            token
        );
        assert_ne!(signer.token(1_000 + TOKEN_TTL_SECS).expect("fresh"), token);
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header: Value =
            serde_json::from_slice(&b64.decode(parts[0]).expect("b64")).expect("json");
        assert_eq!(header, json!({"alg": "ES256", "kid": "KEY123"}));
        let claims: Value =
            serde_json::from_slice(&b64.decode(parts[1]).expect("b64")).expect("json");
        assert_eq!(claims, json!({"iss": "TEAM456", "iat": 1_000}));
        let public =
            EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
                .expect("key")
                .public_key()
                .as_ref()
                .to_vec();
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &public)
            .verify(
                format!("{}.{}", parts[0], parts[1]).as_bytes(),
                &b64.decode(parts[2]).expect("sig"),
            )
            .expect("valid signature");
        assert!(TokenSigner::new("not a key", "k", "t").is_err());
        let id = apns_id("msg_1");
        assert_eq!(id.len(), 36);
        assert_eq!(id, apns_id("msg_1"));
    }
}
