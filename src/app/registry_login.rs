//! `registry login` and `logout`: a user's own credentials for a registry,
//! checked against the registry first, kept in this machine's secret store
//! (the OS keyring where one answers), and used after what the control
//! plane holds for the registry.

use super::App;
use crate::error::{Error, Hint, Result};
use crate::registry::{CredentialSource, Credentials, RegistryClient, RegistryEndpoint, Secret};
use crate::secrets::StoredIn;

fn key(registry: &str) -> String {
    format!("login/{registry}")
}

/// Checks `credentials` against the registry, then keeps them.
pub async fn login(app: &App, registry: &str, credentials: Credentials) -> Result<StoredIn> {
    let record = app.plane.registry(registry).await?;
    let endpoint = RegistryEndpoint::from(&record);
    let client =
        RegistryClient::new(app.http.get().clone(), &endpoint, Some(credentials.clone()), CredentialSource::Given);
    client.check().await?;
    let stored =
        serde_json::json!({"username": credentials.username, "secret": credentials.secret.expose()}).to_string();
    app.local_secrets.put(&key(registry), &Secret::new(stored))
}

pub fn logout(app: &App, registry: &str) -> Result<bool> {
    let had = app.local_secrets.get(&key(registry))?.is_some();
    app.local_secrets.delete(&key(registry))?;
    Ok(had)
}

/// The credentials `registry login` kept for a registry, if any.
pub fn saved(app: &App, registry: &str) -> Result<Option<Credentials>> {
    let Some(stored) = app.local_secrets.get(&key(registry))? else { return Ok(None) };
    let value: serde_json::Value = serde_json::from_str(stored.expose()).map_err(|_| {
        Error::Failed(format!("the saved login for {registry} is unreadable"))
            .hint(Hint::RegistryLoginAgain { registry: registry.to_owned() })
    })?;
    match (value["username"].as_str(), value["secret"].as_str()) {
        (Some(u), Some(s)) => Ok(Some(Credentials { username: u.to_owned(), secret: Secret::new(s) })),
        _ => Ok(None),
    }
}
