//! Azure Container Registry with a service principal: an AAD token for the
//! principal (`AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`, `AZURE_TENANT_ID`;
//! `AZURE_AUTHORITY_HOST` for other clouds), exchanged at the registry's
//! `/oauth2/exchange` for an ACR refresh token, which is the password of the
//! all-zero user. (ACR's admin user is an ordinary username and password.)

use serde::Deserialize;

use super::CredentialSource;
use crate::registry::{Credentials, RegistryError, Secret};

pub const USER: &str = "00000000-0000-0000-0000-000000000000";
const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com";
const SCOPE: &str = "https://containerregistry.azure.net/.default";

#[derive(Deserialize)]
struct AadAnswer {
    access_token: String,
}

#[derive(Deserialize)]
struct ExchangeAnswer {
    refresh_token: String,
}

fn failed(what: String) -> RegistryError {
    RegistryError::NoCredentials { from: "Azure AD".into(), detail: what }
}

/// `registry_base` is `https://<name>.azurecr.io` (its scheme and host).
pub async fn lookup(
    http: &reqwest::Client,
    registry_base: &str,
    host: &str,
) -> Result<Option<(Credentials, CredentialSource)>, RegistryError> {
    let var = |n: &str| std::env::var(n).ok().filter(|v| !v.is_empty());
    let (Some(client_id), Some(secret), Some(tenant)) =
        (var("AZURE_CLIENT_ID"), var("AZURE_CLIENT_SECRET"), var("AZURE_TENANT_ID"))
    else {
        return Ok(None);
    };
    let authority = var("AZURE_AUTHORITY_HOST").unwrap_or_else(|| DEFAULT_AUTHORITY.into());
    let token_url = format!("{}/{tenant}/oauth2/v2.0/token", authority.trim_end_matches('/'));
    let resp = http
        .post(&token_url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", client_id.as_str()),
            ("client_secret", secret.as_str()),
            ("scope", SCOPE),
        ])
        .send()
        .await
        .map_err(|e| failed(format!("token request to {token_url}: {e}")))?;
    if !resp.status().is_success() {
        return Err(failed(format!("{token_url} refused the service principal {client_id}: {}", resp.status())));
    }
    let aad: AadAnswer = resp.json().await.map_err(|e| failed(format!("AAD answer: {e}")))?;
    let exchange_url = format!("{registry_base}/oauth2/exchange");
    let resp = http
        .post(&exchange_url)
        .form(&[
            ("grant_type", "access_token"),
            ("service", host),
            ("tenant", tenant.as_str()),
            ("access_token", aad.access_token.as_str()),
        ])
        .send()
        .await
        .map_err(|e| failed(format!("exchange at {exchange_url}: {e}")))?;
    if !resp.status().is_success() {
        return Err(failed(format!("{exchange_url} refused the AAD token: {}", resp.status())));
    }
    let exchanged: ExchangeAnswer = resp.json().await.map_err(|e| failed(format!("exchange answer: {e}")))?;
    let credentials = Credentials { username: USER.into(), secret: Secret::new(exchanged.refresh_token) };
    Ok(Some((credentials, CredentialSource::AzureServicePrincipal { client_id })))
}
