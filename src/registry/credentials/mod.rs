//! The credential chain: the first source that has credentials for a registry
//! wins. Which source answered is reported (for `-v` and errors); the secret
//! never is.

mod docker_config;
mod environment;

use super::Credentials;

/// Credentials and where they came from.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub credentials: Option<Credentials>,
    pub source: String,
}

/// Walks the chain for `host`. `stored` is what the control plane holds for
/// the registry (the secret given to `registry add`), if anything.
pub async fn resolve(host: &str, stored: Option<Credentials>) -> Resolved {
    if let Some(c) = environment::lookup() {
        return Resolved {
            credentials: Some(c),
            source: "FACETCTL_REGISTRY_USERNAME/_PASSWORD".into(),
        };
    }
    if let Some(c) = stored {
        return Resolved {
            credentials: Some(c),
            source: "the registry's stored credentials".into(),
        };
    }
    if let Some((c, path)) = docker_config::lookup(host).await {
        return Resolved {
            credentials: Some(c),
            source: format!("Docker config {path}"),
        };
    }
    Resolved {
        credentials: None,
        source: "no credentials (anonymous)".into(),
    }
}
