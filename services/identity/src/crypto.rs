//! Encryption at rest of email and phone identifiers.
//!
//! The SQL `identifiers` row of an email or phone keeps, in `id_value`, a keyed hash
//! (HMAC-SHA256 of workspace, type and normalised value; exact lookups still work) and,
//! in `id_cipher`, the value sealed with AES-256-GCM (a fresh random nonce per value,
//! stored in front of the ciphertext; workspace and type are the associated data).
//! Both keys are derived from one secret: `identity_encryption_key`, else the file
//! `<data_dir>/identity.key`, generated on first start.

use std::path::Path;
use std::sync::Arc;

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};

use crate::Error;
use crate::normalise::Identifier;

/// File holding the generated secret when the configuration sets none.
pub const KEY_FILE: &str = "identity.key";

/// Prefix of a sealed value inside a JSON column.
const SEALED: &str = "sealed:";

/// The keys that protect email and phone identifiers in SQL.
#[derive(Clone)]
pub struct IdCrypto {
    inner: Arc<Keys>,
}

struct Keys {
    seal: LessSafeKey,
    lookup: hmac::Key,
    rng: SystemRandom,
}

impl std::fmt::Debug for IdCrypto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdCrypto(..)")
    }
}

impl IdCrypto {
    /// Derives the sealing and lookup keys from a secret (any non-empty string).
    pub fn from_secret(secret: &str) -> Self {
        let master = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
        let seal = hmac::sign(&master, b"omni-identity identifier sealing v1");
        let lookup = hmac::sign(&master, b"omni-identity identifier lookup v1");
        let unbound = UnboundKey::new(&AES_256_GCM, seal.as_ref())
            .unwrap_or_else(|_| unreachable!("HMAC-SHA256 output is a 256-bit key"));
        Self {
            inner: Arc::new(Keys {
                seal: LessSafeKey::new(unbound),
                lookup: hmac::Key::new(hmac::HMAC_SHA256, lookup.as_ref()),
                rng: SystemRandom::new(),
            }),
        }
    }

    /// The configured secret, else the one in `<data_dir>/identity.key` (generated with
    /// mode 0600 when missing).
    pub fn load(configured: &str, data_dir: &Path) -> Result<Self, Error> {
        if !configured.trim().is_empty() {
            return Ok(Self::from_secret(configured.trim()));
        }
        let path = data_dir.join(KEY_FILE);
        let key_err = |e: std::io::Error| Error::Key(format!("{}: {e}", path.display()));
        if let Ok(existing) = std::fs::read_to_string(&path) {
            let secret = existing.trim();
            if !secret.is_empty() {
                return Ok(Self::from_secret(secret));
            }
        }
        let mut bytes = [0u8; 32];
        SystemRandom::new()
            .fill(&mut bytes)
            .map_err(|_| Error::Key("no system randomness".into()))?;
        let secret = hex::encode(bytes);
        std::fs::create_dir_all(data_dir).map_err(key_err)?;
        // Written aside, then linked into place: a concurrent start never sees a
        // half-written key, and the first key to land wins.
        let tmp = data_dir.join(format!("{KEY_FILE}.{}.tmp", hex::encode(&bytes[..4])));
        std::fs::write(&tmp, format!("{secret}\n")).map_err(key_err)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))
                .map_err(key_err)?;
        }
        let linked = std::fs::hard_link(&tmp, &path);
        let _ = std::fs::remove_file(&tmp);
        match linked {
            Ok(()) => Ok(Self::from_secret(&secret)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let existing = std::fs::read_to_string(&path).map_err(key_err)?;
                Ok(Self::from_secret(existing.trim()))
            }
            Err(e) => Err(key_err(e)),
        }
    }

    /// Whether identifiers of this type are stored encrypted (email and phone).
    pub fn protects(id: &Identifier) -> bool {
        matches!(id.kind.as_str(), "email" | "phone")
    }

    fn context(ws: &str, kind: &str) -> Vec<u8> {
        let mut c = Vec::with_capacity(ws.len() + kind.len() + 1);
        c.extend_from_slice(ws.as_bytes());
        c.push(0);
        c.extend_from_slice(kind.as_bytes());
        c
    }

    /// A keyed hash (HMAC-SHA256, hex) of `value` in the workspace, under `kind`.
    pub fn keyed(&self, ws: &str, kind: &str, value: &str) -> String {
        let mut msg = Self::context(ws, kind);
        msg.push(0);
        msg.extend_from_slice(value.as_bytes());
        format!(
            "hmac:{}",
            hex::encode(hmac::sign(&self.inner.lookup, &msg).as_ref())
        )
    }

    /// The value stored in `id_value`: the keyed hash for email and phone, else the
    /// value itself.
    pub fn lookup_value(&self, ws: &str, id: &Identifier) -> String {
        if Self::protects(id) {
            self.keyed(ws, id.kind.as_str(), &id.value)
        } else {
            id.value.clone()
        }
    }

    /// The value stored in `id_cipher`: hex of nonce and sealed value for email and
    /// phone, else empty.
    pub fn seal(&self, ws: &str, id: &Identifier) -> Result<String, Error> {
        if Self::protects(id) {
            self.seal_str(ws, id.kind.as_str(), &id.value)
        } else {
            Ok(String::new())
        }
    }

    fn seal_str(&self, ws: &str, kind: &str, value: &str) -> Result<String, Error> {
        let mut nonce = [0u8; NONCE_LEN];
        self.inner
            .rng
            .fill(&mut nonce)
            .map_err(|_| Error::Key("no system randomness".into()))?;
        let mut buf = value.as_bytes().to_vec();
        self.inner
            .seal
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(Self::context(ws, kind)),
                &mut buf,
            )
            .map_err(|_| Error::Key("sealing failed".into()))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&buf);
        Ok(hex::encode(out))
    }

    /// A whole column value sealed (`sealed:<hex>`), bound to the workspace and `label`
    /// (the column's name).
    pub fn seal_text(&self, ws: &str, label: &str, text: &str) -> Result<String, Error> {
        Ok(format!("{SEALED}{}", self.seal_str(ws, label, text)?))
    }

    /// The inverse of [`Self::seal_text`]; a value written before encryption (no
    /// prefix) is returned as it is.
    pub fn open_text(&self, ws: &str, label: &str, stored: &str) -> Result<String, Error> {
        match stored.strip_prefix(SEALED) {
            Some(sealed) => self.open(ws, label, "", sealed),
            None => Ok(stored.to_owned()),
        }
    }

    /// Identifiers as kept inside JSON columns (merge and conflict records): email and
    /// phone values become `sealed:<hex>`.
    pub fn seal_list(&self, ws: &str, ids: &[Identifier]) -> Result<Vec<Identifier>, Error> {
        ids.iter()
            .map(|id| {
                Ok(Identifier {
                    kind: id.kind.clone(),
                    value: if Self::protects(id) {
                        format!(
                            "{SEALED}{}",
                            self.seal_str(ws, id.kind.as_str(), &id.value)?
                        )
                    } else {
                        id.value.clone()
                    },
                })
            })
            .collect()
    }

    /// The inverse of [`Self::seal_list`] (values without the prefix, written before
    /// encryption, are returned as they are).
    pub fn open_list(&self, ws: &str, ids: Vec<Identifier>) -> Result<Vec<Identifier>, Error> {
        ids.into_iter()
            .map(|id| {
                match id
                    .value
                    .strip_prefix(SEALED)
                    .filter(|_| Self::protects(&id))
                {
                    Some(sealed) => Ok(Identifier {
                        value: self.open(ws, id.kind.as_str(), "", sealed)?,
                        kind: id.kind,
                    }),
                    None => Ok(id),
                }
            })
            .collect()
    }

    /// The plaintext of a stored row: `id_value` itself when `id_cipher` is empty, else
    /// the opened cipher text.
    pub fn open(&self, ws: &str, kind: &str, value: &str, cipher: &str) -> Result<String, Error> {
        if cipher.is_empty() {
            return Ok(value.to_owned());
        }
        let bad = || Error::Corrupt(format!("identifiers.id_cipher of a `{kind}` does not open"));
        let mut raw = hex::decode(cipher).map_err(|_| bad())?;
        if raw.len() < NONCE_LEN {
            return Err(bad());
        }
        let sealed = raw.split_off(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(&raw).map_err(|_| bad())?;
        let mut sealed = sealed;
        let plain = self
            .inner
            .seal
            .open_in_place(nonce, Aad::from(Self::context(ws, kind)), &mut sealed)
            .map_err(|_| bad())?;
        String::from_utf8(plain.to_vec()).map_err(|_| bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealing_round_trips_and_lookup_is_stable() {
        let c = IdCrypto::from_secret("s3cret");
        let email = Identifier::new("email", "ann@example.com");
        let sealed = c.seal("ws", &email).expect("seal");
        assert!(!sealed.contains("ann"));
        assert_ne!(sealed, c.seal("ws", &email).expect("seal"), "fresh nonce");
        assert_eq!(
            c.open("ws", "email", "ignored", &sealed).expect("open"),
            "ann@example.com"
        );
        assert!(
            c.open("other", "email", "x", &sealed).is_err(),
            "bound to the workspace"
        );
        assert!(
            IdCrypto::from_secret("other")
                .open("ws", "email", "x", &sealed)
                .is_err()
        );
        assert_eq!(c.lookup_value("ws", &email), c.lookup_value("ws", &email));
        assert_ne!(c.lookup_value("ws", &email), c.lookup_value("ws2", &email));
        let user = Identifier::new("user_id", "u1");
        assert_eq!(c.lookup_value("ws", &user), "u1");
        assert_eq!(c.seal("ws", &user).expect("seal"), "");
        let list = vec![email.clone(), user.clone()];
        let sealed = c.seal_list("ws", &list).expect("seal list");
        assert!(sealed[0].value.starts_with("sealed:") && !sealed[0].value.contains("ann"));
        assert_eq!(sealed[1], user);
        assert_eq!(c.open_list("ws", sealed).expect("open list"), list);
        assert_eq!(c.open_list("ws", list.clone()).expect("legacy"), list);
        let text = c
            .seal_text("ws", "events.payload", "{\"a\":1}")
            .expect("seal text");
        assert!(text.starts_with("sealed:"));
        assert_eq!(
            c.open_text("ws", "events.payload", &text).expect("open"),
            "{\"a\":1}"
        );
        assert!(c.open_text("ws", "trait_updates.payload", &text).is_err());
        assert_eq!(
            c.open_text("ws", "events.payload", "{}").expect("legacy"),
            "{}"
        );
    }

    #[test]
    fn a_generated_key_is_kept() {
        let dir = std::env::temp_dir().join(format!("omni-idkey-{}", std::process::id()));
        let email = Identifier::new("email", "a@b.co");
        let a = IdCrypto::load("", &dir).expect("generate");
        let b = IdCrypto::load("", &dir).expect("reuse");
        let sealed = a.seal("ws", &email).expect("seal");
        assert_eq!(b.open("ws", "email", "", &sealed).expect("open"), "a@b.co");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
