//! Which control plane a command talks to, and `login` / `logout` /
//! `whoami`. In order: `--api-url` or `FACETS_CONTROL_PLANE_URL` with
//! `FACETS_USERNAME` and `FACETS_TOKEN` (CI); `--profile`; the profile the
//! last `login` chose; else the embedded control plane in `FACETCTL_HOME`.
//! Profiles (URL and username) live in `profiles.json`; tokens in the
//! secret store (the OS keyring where one answers), never in the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use serde::{Deserialize, Serialize};

use super::output::Printer;
use crate::control::ControlPlane;
use crate::control::remote::Remote;
use crate::error::Error;
use crate::registry::Secret;
use crate::registry::SharedHttp;
use crate::secrets::SecretStore;

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The control plane's URL, e.g. https://facets.example.com.
    #[arg(long)]
    url: String,
    /// Your user name on the control plane (on Facets, your email).
    #[arg(long)]
    username: String,
    /// Read the personal access token from stdin (else FACETS_TOKEN; else, on a terminal, it is asked for).
    #[arg(long)]
    token_stdin: bool,
}

#[derive(Default, Serialize, Deserialize)]
struct Profiles {
    current: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Profile {
    url: String,
    username: String,
}

fn profiles_path(home: &Path) -> PathBuf {
    home.join("profiles.json")
}

fn load(home: &Path) -> anyhow::Result<Profiles> {
    match std::fs::read_to_string(profiles_path(home)) {
        Ok(text) => Ok(serde_json::from_str(&text).map_err(|e| {
            Error::Failed(format!("{} is unreadable ({e}); log in again", profiles_path(home).display()))
        })?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Profiles::default()),
        Err(e) => Err(e.into()),
    }
}

/// The names of the profiles `login` saved; none if the file is missing or unreadable.
pub fn profile_names(home: &Path) -> Vec<String> {
    load(home).map(|p| p.profiles.into_keys().collect()).unwrap_or_default()
}

fn save(home: &Path, profiles: &Profiles) -> anyhow::Result<()> {
    std::fs::create_dir_all(home)?;
    std::fs::write(profiles_path(home), serde_json::to_string_pretty(profiles)?)?;
    Ok(())
}

fn token_key(profile: &str) -> String {
    format!("profile/{profile}")
}

/// A remote control plane if one is chosen; None for the embedded one.
pub async fn remote(
    http: &SharedHttp,
    home: &Path,
    secrets: &dyn SecretStore,
    api_url: Option<String>,
    profile: Option<String>,
) -> anyhow::Result<Option<Arc<dyn ControlPlane>>> {
    if let Some(url) = api_url {
        let username = std::env::var("FACETS_USERNAME").ok().filter(|u| !u.is_empty());
        let token = std::env::var("FACETS_TOKEN").ok().filter(|t| !t.is_empty());
        let (Some(username), Some(token)) = (username, token) else {
            return Err(Error::Invalid(format!(
                "a control plane URL is set ({url}), so FACETS_USERNAME and FACETS_TOKEN must be set too"
            ))
            .into());
        };
        return Ok(Some(Arc::new(Remote::connect(http.get().clone(), &url, &username, Secret::new(token)).await?)));
    }
    let profiles = load(home)?;
    let Some(name) = profile.or(profiles.current.clone()) else { return Ok(None) };
    let chosen = profiles.profiles.get(&name).ok_or_else(|| {
        Error::NotFound(format!(
            "no profile {name:?}; `facetctl login --url URL --username U --profile {name}` makes one"
        ))
    })?;
    let token = secrets
        .get(&token_key(&name))?
        .ok_or_else(|| Error::Refused(format!("profile {name} has no token here; run `facetctl login` again")))?;
    Ok(Some(Arc::new(Remote::connect(http.get().clone(), &chosen.url, &chosen.username, token).await?)))
}

pub async fn login(
    p: &Printer,
    ask: &super::prompt::Prompter,
    http: &SharedHttp,
    home: &Path,
    secrets: &dyn SecretStore,
    profile: Option<String>,
    args: LoginArgs,
) -> anyhow::Result<()> {
    let LoginArgs { url, username, token_stdin } = args;
    let token = if token_stdin {
        super::prompt::read_stdin_secret("Access token")?.trim().to_owned()
    } else {
        match std::env::var("FACETS_TOKEN").ok().filter(|t| !t.is_empty()) {
            Some(token) => token,
            None => ask.secret("--token-stdin", &format!("Access token for {username} at {url}"))?.expose().to_owned(),
        }
    };
    if token.is_empty() {
        return Err(Error::Invalid("give the token on stdin with --token-stdin, or in FACETS_TOKEN".into()).into());
    }
    let remote = Remote::connect(http.get().clone(), &url, &username, Secret::new(token.clone())).await?;
    let name = profile.unwrap_or_else(|| "default".into());
    secrets.put(&token_key(&name), &Secret::new(token))?;
    let mut profiles = load(home)?;
    profiles.profiles.insert(name.clone(), Profile { url: remote.base().to_owned(), username: username.clone() });
    profiles.current = Some(name.clone());
    save(home, &profiles)?;
    let summary =
        format!("logged in to {} as {username} (profile {name}); commands now use this control plane", remote.base());
    p.result(&serde_json::json!({"profile": name, "url": remote.base(), "username": username}), &summary)
}

pub fn logout(p: &Printer, home: &Path, secrets: &dyn SecretStore, profile: Option<String>) -> anyhow::Result<()> {
    let mut profiles = load(home)?;
    let Some(name) = profile.or(profiles.current.clone()) else {
        return p
            .result(&serde_json::json!({"removed": false}), "not logged in; commands use the embedded control plane");
    };
    let removed = profiles.profiles.remove(&name).is_some();
    if profiles.current.as_deref() == Some(&name) {
        profiles.current = None;
    }
    secrets.delete(&token_key(&name))?;
    save(home, &profiles)?;
    p.result(&serde_json::json!({"profile": name, "removed": removed}), &format!("logged out of profile {name}"))
}
