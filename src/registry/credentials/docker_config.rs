//! Docker's and podman's credential files: `$REGISTRY_AUTH_FILE` (podman),
//! then `$DOCKER_CONFIG/config.json` (else `~/.docker/config.json`). For a
//! registry, as Docker does it: its `credHelpers` helper, else the
//! `credsStore` helper, else its `auths` entry (`auth`, `username` and
//! `password`, or `identitytoken`). Keys match whatever their spelling
//! (`https://host/v1/`, `host`), and Docker Hub's old index URL is Docker Hub.
//! Helpers are run with the docker-credential protocol: `get` as the only
//! argument, the server on stdin, the secret on stdout.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use base64::Engine;
use serde::Deserialize;

use super::CredentialSource;
use crate::registry::{Credentials, Secret};

/// Docker Hub's key in config files and helpers.
const DOCKER_HUB_KEY: &str = "https://index.docker.io/v1/";
/// The username that marks an identity (refresh) token.
pub const IDENTITY_TOKEN_USER: &str = "<token>";

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ConfigFile {
    #[serde(default)]
    auths: HashMap<String, AuthEntry>,
    creds_store: Option<String>,
    #[serde(default)]
    cred_helpers: HashMap<String, String>,
}

#[derive(Deserialize, Default)]
struct AuthEntry {
    auth: Option<String>,
    username: Option<String>,
    password: Option<String>,
    identitytoken: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct HelperAnswer {
    username: String,
    secret: String,
}

/// The files to read, in order.
fn files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Some(f) = std::env::var_os("REGISTRY_AUTH_FILE").filter(|f| !f.is_empty()) {
        files.push(PathBuf::from(f));
    }
    match std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
        Some(dir) => files.push(PathBuf::from(dir).join("config.json")),
        None => files.extend(dirs::home_dir().map(|h| h.join(".docker/config.json"))),
    }
    files
}

/// Credentials for `host` and a description of where they came from.
pub async fn lookup(host: &str) -> Option<(Credentials, CredentialSource)> {
    let host = host.to_owned();
    tokio::task::spawn_blocking(move || lookup_blocking(&host)).await.ok().flatten()
}

fn lookup_blocking(host: &str) -> Option<(Credentials, CredentialSource)> {
    let wanted = normalise(host);
    for path in files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let config: ConfigFile = match serde_json::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!("ignoring {}: not a credentials file ({e})", path.display());
                continue;
            }
        };
        let helper = config
            .cred_helpers
            .iter()
            .find(|(k, _)| normalise(k) == wanted)
            .map(|(_, h)| h.clone())
            .or(config.creds_store.clone());
        if let Some(helper) = helper
            && let Some(c) = run_helper(&helper, host)
        {
            return Some((c, CredentialSource::DockerHelper { helper, config: path }));
        }
        let entry = config.auths.iter().find(|(k, _)| normalise(k) == wanted).map(|(_, e)| e);
        if let Some(c) = entry.and_then(from_entry) {
            return Some((c, CredentialSource::DockerConfig { config: path }));
        }
    }
    None
}

fn from_entry(e: &AuthEntry) -> Option<Credentials> {
    if let Some(token) = e.identitytoken.as_ref().filter(|t| !t.is_empty()) {
        return Some(Credentials { username: IDENTITY_TOKEN_USER.into(), secret: Secret::new(token.clone()) });
    }
    if let (Some(u), Some(p)) = (&e.username, &e.password) {
        return Some(Credentials { username: u.clone(), secret: Secret::new(p.clone()) });
    }
    let decoded = base64::engine::general_purpose::STANDARD.decode(e.auth.as_ref()?.trim()).ok()?;
    let (u, p) = std::str::from_utf8(&decoded).ok()?.split_once(':')?;
    Some(Credentials { username: u.to_owned(), secret: Secret::new(p.to_owned()) })
}

/// Runs `docker-credential-<helper> get`; None when it has nothing for `host`.
fn run_helper(helper: &str, host: &str) -> Option<Credentials> {
    let program = format!("docker-credential-{helper}");
    let server = if normalise(host) == "docker.io" { DOCKER_HUB_KEY } else { host };
    let mut child = match Command::new(&program)
        .arg("get")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!("cannot run credential helper {program}: {e}");
            return None;
        }
    };
    let _ = child.stdin.take()?.write_all(server.as_bytes());
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        // The protocol's "not found" is an ordinary miss; anything else is worth a word (never the output, which may hold secrets).
        if !String::from_utf8_lossy(&out.stdout).contains("credentials not found") {
            tracing::warn!("credential helper {program} failed for {host} ({})", out.status);
        }
        return None;
    }
    let answer: HelperAnswer = serde_json::from_slice(&out.stdout)
        .map_err(|e| tracing::warn!("credential helper {program} answered in an unknown shape: {e}"))
        .ok()?;
    Some(Credentials { username: answer.username, secret: Secret::new(answer.secret) })
}

/// `https://index.docker.io/v1/`, `registry-1.docker.io` and `docker.io` are
/// one registry; schemes and paths do not matter.
fn normalise(key: &str) -> String {
    let key = key.trim_start_matches("https://").trim_start_matches("http://");
    let host = key.split('/').next().unwrap_or(key);
    match host {
        "index.docker.io" | "registry-1.docker.io" => "docker.io".into(),
        h => h.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_whatever_their_spelling() {
        assert_eq!(normalise("https://index.docker.io/v1/"), "docker.io");
        assert_eq!(normalise("registry-1.docker.io"), "docker.io");
        assert_eq!(normalise("http://127.0.0.1:5000/v2/"), "127.0.0.1:5000");
        assert_eq!(normalise("ghcr.io"), "ghcr.io");
    }

    #[test]
    fn auths_entries_give_passwords_or_identity_tokens() {
        let basic = AuthEntry { auth: Some("dXNlcjpwYTpzcw==".into()), ..Default::default() };
        let c = from_entry(&basic).unwrap();
        assert_eq!((c.username.as_str(), c.secret.expose()), ("user", "pa:ss"));
        let token =
            AuthEntry { identitytoken: Some("refresh".into()), auth: Some("ignored".into()), ..Default::default() };
        assert_eq!(from_entry(&token).unwrap().username, IDENTITY_TOKEN_USER);
        assert!(from_entry(&AuthEntry::default()).is_none());
    }
}
