//! Credentials from `FACETCTL_REGISTRY_USERNAME` and `FACETCTL_REGISTRY_PASSWORD`,
//! the way CI systems hand secrets to a step.

use crate::registry::{Credentials, Secret};

pub fn lookup() -> Option<Credentials> {
    let username = std::env::var("FACETCTL_REGISTRY_USERNAME")
        .ok()
        .filter(|u| !u.is_empty())?;
    let password = std::env::var("FACETCTL_REGISTRY_PASSWORD").ok()?;
    Some(Credentials {
        username,
        secret: Secret::new(password),
    })
}
