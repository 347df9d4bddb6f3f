//! Where registry secrets rest on this machine, outside the database: one
//! 0600 file per secret in a 0700 folder under `FACETCTL_HOME`. An OS keyring
//! store slots in behind the same trait (issue 3); CI never needs one.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::registry::Secret;

pub trait SecretStore: Send + Sync {
    /// Stores a secret under `key`; says where it went, for the user.
    fn put(&self, key: &str, secret: &Secret) -> Result<StoredIn>;
    fn get(&self, key: &str) -> Result<Option<Secret>>;
    fn delete(&self, key: &str) -> Result<()>;
}

/// Where a secret was stored, so the CLI can warn about a plain file once.
#[derive(Debug, PartialEq, Eq)]
pub enum StoredIn {
    File { path: PathBuf, first_time: bool },
}

pub struct FileSecretStore {
    dir: PathBuf,
}

impl FileSecretStore {
    pub fn new(dir: PathBuf) -> Self {
        FileSecretStore { dir }
    }

    fn path(&self, key: &str) -> PathBuf {
        // Keys are validated names; the file name is the key itself.
        self.dir.join(key)
    }

    fn ensure_dir(&self) -> Result<bool> {
        let created = !self.dir.exists();
        std::fs::create_dir_all(&self.dir).map_err(|e| self.io("create", &self.dir, e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| self.io("protect", &self.dir, e))?;
        }
        Ok(created)
    }

    fn io(&self, what: &str, path: &std::path::Path, e: std::io::Error) -> Error {
        Error::Failed(format!("cannot {what} {}: {e}", path.display()))
    }
}

impl SecretStore for FileSecretStore {
    fn put(&self, key: &str, secret: &Secret) -> Result<StoredIn> {
        let first_time = self.ensure_dir()?;
        let path = self.path(key);
        let tmp = self.dir.join(format!(".{key}.tmp"));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp).map_err(|e| self.io("write", &tmp, e))?;
        file.write_all(secret.expose().as_bytes()).map_err(|e| self.io("write", &tmp, e))?;
        file.sync_all().map_err(|e| self.io("write", &tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| self.io("write", &path, e))?;
        Ok(StoredIn::File { path, first_time })
    }

    fn get(&self, key: &str) -> Result<Option<Secret>> {
        match std::fs::read_to_string(self.path(key)) {
            Ok(s) => Ok(Some(Secret::new(s))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.io("read", &self.path(key), e)),
        }
    }

    fn delete(&self, key: &str) -> Result<()> {
        match std::fs::remove_file(self.path(key)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(self.io("remove", &self.path(key), e)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_rest_in_private_files() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileSecretStore::new(dir.path().join("secrets"));
        let first = store.put("reg", &Secret::new("s3cret")).unwrap();
        assert!(matches!(first, StoredIn::File { first_time: true, .. }));
        assert!(matches!(store.put("reg", &Secret::new("s3cret2")).unwrap(), StoredIn::File { first_time: false, .. }));
        assert_eq!(store.get("reg").unwrap().unwrap().expose(), "s3cret2");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("secrets/reg")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        store.delete("reg").unwrap();
        assert!(store.get("reg").unwrap().is_none());
    }
}
