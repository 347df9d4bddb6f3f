//! Opening a registry the control plane knows, with the credential chain, and
//! turning an integration's bucket into repository paths on it.

use std::sync::Arc;

use super::App;
use crate::error::Result;
use crate::model::Registry;
use crate::registry::credentials::{self, Kept, Target};
use crate::registry::{RegistryClient, RegistryEndpoint};

/// A client for a registered registry, to write into `bucket` (integration,
/// bucket) or only to read; `-v` says which credential source answered.
pub async fn client_for(app: &App, registry: &Registry, bucket: Option<(&str, &str)>) -> Result<Arc<RegistryClient>> {
    let kept = Kept {
        stored: app.plane.registry_credentials(&registry.name, bucket).await?,
        login: super::registry_login::saved(app, &registry.name)?,
    };
    open(app, RegistryEndpoint::from(registry), Some(&registry.name), kept).await
}

/// A client for a registry named only by a reference's host. A host the
/// control plane knows uses its settings and secret; loopback hosts speak
/// plain HTTP, as Docker treats them.
pub async fn client_for_host(app: &App, host: &str) -> Result<Arc<RegistryClient>> {
    if let Some(known) = app.plane.registries().await?.into_iter().find(|r| r.host() == host) {
        return client_for(app, &known, None).await;
    }
    open(app, RegistryEndpoint::unregistered(host), None, Kept::default()).await
}

async fn open(app: &App, endpoint: RegistryEndpoint, name: Option<&str>, kept: Kept) -> Result<Arc<RegistryClient>> {
    let base_url = endpoint.base_url();
    let target = Target { name, host: &endpoint.host, kind: endpoint.kind, base_url: &base_url };
    let resolved = credentials::resolve(app.http.get(), &target, kept).await?;
    tracing::info!("registry {}: using {}", name.unwrap_or(&endpoint.host), resolved.source);
    Ok(RegistryClient::new(app.http.get().clone(), &endpoint, resolved.credentials, resolved.source))
}
