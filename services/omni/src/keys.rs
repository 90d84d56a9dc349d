//! Local keys for `omni up`: the bootstrap admin key and the internal service key are
//! generated once and kept in files under the data directory (mode 0600), so a user
//! finds the admin key at a known path and restarts keep it.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rand::RngCore as _;

/// Where the admin key of a data directory lives.
pub fn admin_key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("admin.key")
}

/// Where the internal service key of a data directory lives.
pub fn internal_key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("internal.key")
}

/// Reads the key at `path`, or generates one with `prefix` and writes it (0600).
pub fn load_or_generate(path: &Path, prefix: &str) -> anyhow::Result<String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let key = existing.trim().to_owned();
        if !key.is_empty() {
            return Ok(key);
        }
    }
    let mut bytes = [0u8; 24];
    rand::rng().fill_bytes(&mut bytes);
    let key = format!("{prefix}_{}", hex::encode(bytes));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, format!("{key}\n"))
        .with_context(|| format!("writing {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_generated_once_and_then_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = admin_key_path(dir.path());
        let a = load_or_generate(&path, "omni_admin").expect("generate");
        let b = load_or_generate(&path, "omni_admin").expect("reuse");
        assert_eq!(a, b);
        assert!(a.starts_with("omni_admin_") && a.len() > 40);
    }
}
