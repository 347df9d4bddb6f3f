//! The use cases. Each owns the order of its steps and the invariants of
//! DESIGN.md section 5; it sees the control plane and registries only through
//! their traits and clients, so it runs the same embedded or remote.

pub mod actor;
pub mod approvals;
pub mod bucket_lock;
pub mod bucket_tags;
pub mod choices;
pub mod ci;
pub mod dashboard;
pub mod history;
pub mod promote;
pub mod push;
pub mod registry_access;
pub mod registry_login;
pub mod release;
pub mod rollback;
pub mod routing;
pub mod status;
pub mod verify;
pub mod witness;

use std::sync::Arc;
use std::time::Duration;

use crate::control::ControlPlane;
use crate::registry::copy::Progress;

/// Where a use case says things to the person or CI log running it.
pub trait Reporter: Send + Sync {
    /// A one-line message (stderr, unless quiet).
    fn note(&self, message: &str);
    /// A progress display for a transfer; silent off a terminal.
    fn progress(&self, label: &str) -> Arc<dyn Progress>;
}

/// What every use case runs with.
pub struct App {
    pub plane: Arc<dyn ControlPlane>,
    pub http: crate::registry::SharedHttp,
    pub reporter: Arc<dyn Reporter>,
    /// How long to wait for another writer to finish with a bucket.
    pub lock_timeout: Duration,
    /// Blob transfers in flight at once.
    pub concurrency: usize,
    /// This machine's secret store, for `registry login`.
    pub local_secrets: Arc<dyn crate::secrets::SecretStore>,
}

/// Blob transfers in flight: enough to fill a link, few enough for 2 cores.
pub fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(4, |n| (n.get() * 2).clamp(4, 16))
}
