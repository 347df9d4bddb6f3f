//! The OCI distribution API, spoken directly: references, the transport (auth
//! handshake, the one retry policy, error codes), the verbs by concern
//! (blobs, manifests, tags, referrers), product quirks, the copy engine,
//! credentials and image sources. It knows nothing of integrations or
//! buckets; `app/` tells it what to move where.

pub mod auth;
pub mod blobs;
pub mod client;
pub mod compress;
pub mod copy;
pub mod credentials;
pub mod manifest;
pub mod manifests;
pub mod quirks;
pub mod reference;
pub mod referrers;
pub mod source;
pub mod tags;
pub mod transport;

pub use auth::{Credentials, Secret};
pub use client::{RegistryClient, RegistryEndpoint};
pub use credentials::CredentialSource;
pub use manifest::Manifest;
pub use reference::Reference;
pub use transport::{SharedHttp, patient_client, root_cause, tls};

use crate::model::Digest;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{0}")]
    InvalidReference(String),
    #[error("cannot reach registry {host}: {reason}; check that it is running and that the address is right")]
    Unreachable { host: String, reason: String },
    #[error("cannot open a TLS connection to registry {host}: {reason}")]
    Tls {
        host: String,
        reason: String,
        /// It answered in plain HTTP.
        plain_http: bool,
    },
    #[error("registry {host} refused the credentials{via}; check the username and password")]
    Unauthorized { host: String, via: String },
    #[error("registry {host} denied {action} on {repository}; the credentials lack permission there")]
    Denied { host: String, action: String, repository: String },
    #[error("{what} not found in {host}/{repository}")]
    NotFound { host: String, repository: String, what: String },
    #[error("registry {host} answered {status} to {action}: {detail}")]
    Protocol { host: String, action: String, status: u16, detail: String },
    #[error("{what} from {host} has digest {actual}, not the {expected} asked for; the registry or a proxy altered it")]
    DigestMismatch { host: String, what: String, expected: Digest, actual: Digest },
    #[error(
        "repository {repository} does not exist in registry {host}, which does not create repositories on push; {advice}"
    )]
    RepositoryMissing { host: String, repository: String, advice: String },
    #[error(
        "registry {host} keeps tags in {repository} immutable, so it refused to {action}; facetctl re-points each bucket's moving tag, so allow mutable tags in that repository"
    )]
    ImmutableTag { host: String, repository: String, action: String },
    /// A credential source that should have answered could not.
    #[error("cannot get registry credentials from {from}: {detail}")]
    NoCredentials { from: String, detail: String },
    #[error("registry {host} is rate limiting and asks to wait {retry_after}s; run again later")]
    RateLimited { host: String, retry_after: u64 },
    #[error("{0}")]
    Source(String),
    /// The source exists but holds no such image.
    #[error("{0}")]
    SourceMissing(String),
}
