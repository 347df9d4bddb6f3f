//! Credentials from the environment, the way CI systems hand secrets to a
//! step: `FACETCTL_REGISTRY_<NAME>_USERNAME`/`_PASSWORD` for one registry
//! (its name upper-cased, other characters as `_`), else
//! `FACETCTL_REGISTRY_USERNAME`/`_PASSWORD` for any.

use super::CredentialSource;
use crate::registry::{Credentials, Secret};

/// The credentials and the variables they came from.
pub fn lookup(registry_name: Option<&str>) -> Option<(Credentials, CredentialSource)> {
    let specific = registry_name.map(|n| {
        let n: String =
            n.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
        format!("FACETCTL_REGISTRY_{n}")
    });
    specific.into_iter().chain(std::iter::once("FACETCTL_REGISTRY".to_owned())).find_map(|prefix| {
        let username = std::env::var(format!("{prefix}_USERNAME")).ok().filter(|u| !u.is_empty())?;
        let password = std::env::var(format!("{prefix}_PASSWORD")).ok()?;
        Some((Credentials { username, secret: Secret::new(password) }, CredentialSource::Environment { prefix }))
    })
}
