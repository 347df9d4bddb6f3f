//! Where secrets rest on this machine, outside the database: the OS keyring
//! where one answers (the kernel's keyutils on Linux, the Keychain on macOS,
//! the Credential Manager on Windows), else one 0600 file per secret in a
//! 0700 folder under `FACETCTL_HOME`, with a one-time warning.
//! `FACETCTL_SECRET_STORE=file` chooses the file. Keyring entries are named
//! after the home folder too: two homes are two control planes, and must not
//! share secrets.
//!
//! Linux's keyutils lives in the kernel: no daemon, so it works headless,
//! but its persistent keyring forgets what is unused for some days and
//! everything on reboot; CI should pass credentials in the environment instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::registry::Secret;

pub trait SecretStore: Send + Sync {
    /// Stores a secret under `key`; says where it went, for the user.
    fn put(&self, key: &str, secret: &Secret) -> Result<StoredIn>;
    fn get(&self, key: &str) -> Result<Option<Secret>>;
    fn delete(&self, key: &str) -> Result<()>;
}

/// Where a secret was stored, so the CLI can say so (and warn about a plain file once).
#[derive(Debug, PartialEq, Eq)]
pub enum StoredIn {
    Keyring { store: &'static str },
    File { path: PathBuf, first_time: bool },
}

/// The store for `home`: the OS keyring with the file as fallback, or the file alone.
pub fn open(home: &Path) -> std::sync::Arc<dyn SecretStore> {
    let file = FileSecretStore::new(home.join("secrets"));
    let wants_file = std::env::var("FACETCTL_SECRET_STORE").is_ok_and(|v| v.eq_ignore_ascii_case("file"));
    let keyring = if wants_file {
        None
    } else {
        os_keyring().map(|store| KeyringSecretStore { store, service: service_for(home) })
    };
    std::sync::Arc::new(LayeredSecretStore { keyring, file })
}

fn service_for(home: &Path) -> String {
    let home = std::fs::canonicalize(home).unwrap_or_else(|_| home.to_owned());
    format!("facetctl:{}", home.display())
}

/// The platform's keyring store, set up once per process; None where there is none.
fn os_keyring() -> Option<&'static str> {
    static STORE: OnceLock<Option<&'static str>> = OnceLock::new();
    *STORE.get_or_init(|| {
        let (store, name): (keyring_core::Result<std::sync::Arc<keyring_core::CredentialStore>>, &'static str) = {
            #[cfg(target_os = "linux")]
            {
                join_own_session_keyring();
                (linux_keyutils_keyring_store::Store::new().map(|s| s as _), "the kernel keyring (keyutils)")
            }
            #[cfg(target_os = "macos")]
            {
                (apple_native_keyring_store::keychain::Store::new().map(|s| s as _), "the macOS Keychain")
            }
            #[cfg(target_os = "windows")]
            {
                (windows_native_keyring_store::Store::new().map(|s| s as _), "the Windows Credential Manager")
            }
            #[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
            {
                (Err(keyring_core::Error::NoDefaultStore), "no keyring")
            }
        };
        match store {
            Ok(store) => {
                keyring_core::set_default_store(store);
                Some(name)
            }
            Err(e) => {
                tracing::info!("no OS keyring here ({e}); secrets go to files under FACETCTL_HOME");
                None
            }
        }
    })
}

/// A process started outside a login session (CI runners, containers, cron)
/// shares the user-session keyring, which it does not possess: the kernel
/// then refuses to link keys into the user's persistent keyring. A keyring
/// of our own fixes that; the persistent keyring, linked into it, is where
/// secrets outlive the process, and where the next process finds them.
#[cfg(target_os = "linux")]
fn join_own_session_keyring() {
    const KEYCTL_JOIN_SESSION_KEYRING: libc::c_long = 1;
    // SAFETY: keyctl(JOIN_SESSION_KEYRING, NULL) takes no pointers we own;
    // NULL asks for a new anonymous keyring.
    let id = unsafe { libc::syscall(libc::SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, std::ptr::null::<libc::c_char>()) };
    if id < 0 {
        tracing::debug!("could not join a session keyring: {}", std::io::Error::last_os_error());
    }
}

struct KeyringSecretStore {
    store: &'static str,
    service: String,
}

impl KeyringSecretStore {
    fn entry(&self, key: &str) -> keyring_core::Result<keyring_core::Entry> {
        keyring_core::Entry::new(&self.service, key)
    }
}

/// The keyring first; the file when the keyring cannot take or give a secret.
struct LayeredSecretStore {
    keyring: Option<KeyringSecretStore>,
    file: FileSecretStore,
}

impl SecretStore for LayeredSecretStore {
    fn put(&self, key: &str, secret: &Secret) -> Result<StoredIn> {
        if let Some(k) = &self.keyring {
            match k.entry(key).and_then(|e| e.set_password(secret.expose())) {
                Ok(()) => {
                    // One place per secret: a stale file copy would outlive a change.
                    self.file.delete(key)?;
                    return Ok(StoredIn::Keyring { store: k.store });
                }
                Err(e) => tracing::warn!("{} did not take the secret ({e}); using a file instead", k.store),
            }
        }
        self.file.put(key, secret)
    }

    fn get(&self, key: &str) -> Result<Option<Secret>> {
        if let Some(k) = &self.keyring {
            match k.entry(key).and_then(|e| e.get_password()) {
                Ok(s) => return Ok(Some(Secret::new(s))),
                Err(keyring_core::Error::NoEntry) => {}
                Err(e) => tracing::warn!("{} could not be read ({e}); trying the file", k.store),
            }
        }
        self.file.get(key)
    }

    fn delete(&self, key: &str) -> Result<()> {
        if let Some(k) = &self.keyring {
            match k.entry(key).and_then(|e| e.delete_credential()) {
                Ok(()) | Err(keyring_core::Error::NoEntry) => {}
                Err(e) => return Err(Error::Failed(format!("cannot remove the secret from {}: {e}", k.store))),
            }
        }
        self.file.delete(key)
    }
}

pub struct FileSecretStore {
    dir: PathBuf,
}

impl FileSecretStore {
    pub fn new(dir: PathBuf) -> Self {
        FileSecretStore { dir }
    }

    fn path(&self, key: &str) -> PathBuf {
        // Keys are validated names, with '/' as a namespace separator.
        self.dir.join(key.replace('/', "__"))
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

    fn io(&self, what: &str, path: &Path, e: std::io::Error) -> Error {
        Error::Failed(format!("cannot {what} {}: {e}", path.display()))
    }
}

impl SecretStore for FileSecretStore {
    fn put(&self, key: &str, secret: &Secret) -> Result<StoredIn> {
        let first_time = self.ensure_dir()?;
        let path = self.path(key);
        let tmp = self.dir.join(format!(".{}.tmp", key.replace('/', "__")));
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
