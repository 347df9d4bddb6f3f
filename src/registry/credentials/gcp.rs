//! Google Artifact Registry and Container Registry: an OAuth2 access token,
//! used as the password of the user `oauth2accesstoken`. It comes from the
//! service-account key that `GOOGLE_APPLICATION_CREDENTIALS` names (a JWT
//! signed with the key, exchanged at the key's `token_uri` with the
//! jwt-bearer grant), else from the metadata server when running on Google
//! Cloud (or where `GCE_METADATA_HOST` points).

use std::time::Duration;

use aws_lc_rs::{rand, signature};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::Deserialize;

use super::CredentialSource;
use crate::registry::{Credentials, RegistryError, Secret};

pub const USER: &str = "oauth2accesstoken";
const SCOPE: &str = "https://www.googleapis.com/auth/cloud-platform";

#[derive(Deserialize)]
struct ServiceAccountKey {
    client_email: String,
    private_key: String,
    private_key_id: Option<String>,
    token_uri: String,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
}

pub async fn lookup(http: &reqwest::Client) -> Result<Option<(Credentials, CredentialSource)>, RegistryError> {
    if let Some(path) = std::env::var_os("GOOGLE_APPLICATION_CREDENTIALS").filter(|p| !p.is_empty()) {
        let token = from_key_file(http, std::path::Path::new(&path)).await?;
        let source = CredentialSource::GoogleKeyFile { path: path.into() };
        return Ok(Some((Credentials { username: USER.into(), secret: token }, source)));
    }
    if let Some(host) = metadata_host() {
        let token = from_metadata(http, &host).await?;
        return Ok(Some((
            Credentials { username: USER.into(), secret: token },
            CredentialSource::GoogleMetadata { host },
        )));
    }
    Ok(None)
}

fn failed(what: String) -> RegistryError {
    RegistryError::NoCredentials { from: "Google OAuth2".into(), detail: what }
}

async fn from_key_file(http: &reqwest::Client, path: &std::path::Path) -> Result<Secret, RegistryError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        RegistryError::Source(format!("cannot read GOOGLE_APPLICATION_CREDENTIALS {}: {e}", path.display()))
    })?;
    let key: ServiceAccountKey = serde_json::from_str(&text).map_err(|e| {
        RegistryError::Source(format!(
            "GOOGLE_APPLICATION_CREDENTIALS {} is not a service-account key: {e}",
            path.display()
        ))
    })?;
    exchange(http, &key).await
}

/// An access token (an hour's) for a service-account key given as JSON, as
/// a registry's stored `_json_key` password holds it.
pub async fn token_for_key(http: &reqwest::Client, key_json: &str) -> Result<Secret, RegistryError> {
    let key: ServiceAccountKey = serde_json::from_str(key_json)
        .map_err(|_| RegistryError::Source("the stored `_json_key` password is not a service-account key".into()))?;
    exchange(http, &key).await
}

async fn exchange(http: &reqwest::Client, key: &ServiceAccountKey) -> Result<Secret, RegistryError> {
    let assertion = signed_assertion(key)?;
    let resp = http
        .post(&key.token_uri)
        .form(&[("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion.as_str())])
        .send()
        .await
        .map_err(|e| failed(format!("token request to {}: {e}", key.token_uri)))?;
    if !resp.status().is_success() {
        return Err(failed(format!(
            "{} refused the service account {}: {}",
            key.token_uri,
            key.client_email,
            resp.status()
        )));
    }
    let answer: TokenAnswer = resp.json().await.map_err(|e| failed(format!("token answer: {e}")))?;
    Ok(Secret::new(answer.access_token))
}

/// The JWT that proves the key: RS256 over `{iss, scope, aud, iat, exp}`.
fn signed_assertion(key: &ServiceAccountKey) -> Result<String, RegistryError> {
    let der = pem_body(&key.private_key)
        .ok_or_else(|| RegistryError::Source("the service-account key's private_key is not a PEM key".into()))?;
    let pair = signature::RsaKeyPair::from_pkcs8(&der)
        .map_err(|e| RegistryError::Source(format!("the service-account key's private_key is not an RSA key: {e}")))?;
    let now = chrono::Utc::now().timestamp();
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": key.private_key_id});
    let claims = serde_json::json!({"iss": key.client_email, "scope": SCOPE, "aud": key.token_uri, "iat": now, "exp": now + 3600});
    let input =
        format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
    let mut sig = vec![0; pair.public_modulus_len()];
    pair.sign(&signature::RSA_PKCS1_SHA256, &rand::SystemRandom::new(), input.as_bytes(), &mut sig)
        .map_err(|_| RegistryError::Source("signing with the service-account key failed".into()))?;
    Ok(format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig)))
}

fn pem_body(pem: &str) -> Option<Vec<u8>> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    STANDARD.decode(body.trim()).ok()
}

/// The metadata server, when there is one to ask: never probed off Google Cloud.
fn metadata_host() -> Option<String> {
    if let Some(host) = std::env::var("GCE_METADATA_HOST").ok().filter(|h| !h.is_empty()) {
        return Some(host);
    }
    let product = std::fs::read_to_string("/sys/class/dmi/id/product_name").unwrap_or_default();
    product.contains("Google").then(|| "metadata.google.internal".to_owned())
}

async fn from_metadata(http: &reqwest::Client, host: &str) -> Result<Secret, RegistryError> {
    let url = format!("http://{host}/computeMetadata/v1/instance/service-accounts/default/token");
    let resp = http
        .get(&url)
        .header("Metadata-Flavor", "Google")
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .map_err(|e| failed(format!("metadata server {host}: {e}")))?;
    if !resp.status().is_success() {
        return Err(failed(format!("metadata server {host} answered {}", resp.status())));
    }
    let answer: TokenAnswer = resp.json().await.map_err(|e| failed(format!("metadata answer: {e}")))?;
    Ok(Secret::new(answer.access_token))
}
