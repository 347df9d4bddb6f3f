//! The credential chain: the first source that has credentials for a registry
//! wins. Which source answered is reported (for `-v` and errors); the secret
//! never is.

pub mod docker_config;
mod environment;

use super::Credentials;

/// Credentials and where they came from.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub credentials: Option<Credentials>,
    pub source: String,
}

/// Walks the chain for `host`, known to the control plane as `name` (if it
/// is). `stored` is what the control plane holds for the registry (the
/// secret given to `registry add`), if anything.
pub async fn resolve(name: Option<&str>, host: &str, stored: Option<Credentials>) -> Resolved {
    if let Some((c, variables)) = environment::lookup(name) {
        return Resolved { credentials: Some(c), source: variables };
    }
    if let Some(c) = stored {
        return Resolved { credentials: Some(c), source: "the registry's stored credentials".into() };
    }
    if let Some((c, origin)) = docker_config::lookup(host).await {
        return Resolved { credentials: Some(c), source: origin };
    }
    Resolved { credentials: None, source: "no credentials (anonymous)".into() }
}
