//! The credential chain: the first source that has credentials for a
//! registry wins. In order: `FACETCTL_REGISTRY_*` variables; what the control
//! plane holds for the registry; the user's `registry login` (OS keyring);
//! Docker's and podman's files and helpers;
//! the cloud's own (ECR, GAR/GCR, ACR), for registries of that kind;
//! anonymous. Which source answered is reported (for `-v` and errors); the
//! secret never is.

mod azure;
pub mod docker_config;
#[cfg(feature = "ecr")]
mod ecr;
mod environment;
mod gcp;

use std::fmt;
use std::path::PathBuf;

use super::{Credentials, RegistryError};
use crate::model::RegistryKind;

/// Credentials and where they came from.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub credentials: Option<Credentials>,
    pub source: CredentialSource,
}

/// Where a client's credentials came from, for `-v` and for errors that
/// blame them. It names the place (a variable, a file, a helper), never
/// anything read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    /// `<prefix>_USERNAME` and `<prefix>_PASSWORD`.
    Environment {
        prefix: String,
    },
    /// What the control plane holds for the registry.
    Stored,
    /// The user's `facetctl registry login`.
    Login,
    /// Credentials given for one command (`registry login` checks them first).
    Given,
    /// A Docker credential helper named in a Docker or podman config file.
    DockerHelper {
        helper: String,
        config: PathBuf,
    },
    /// The `auths` of a Docker or podman config file.
    DockerConfig {
        config: PathBuf,
    },
    /// A service-account key file named by `GOOGLE_APPLICATION_CREDENTIALS`.
    GoogleKeyFile {
        path: PathBuf,
    },
    /// The GCE metadata server.
    GoogleMetadata {
        host: String,
    },
    AzureServicePrincipal {
        client_id: String,
    },
    /// ECR's `GetAuthorizationToken` with the AWS SDK's credentials.
    Ecr {
        region: String,
    },
    Anonymous,
}

impl fmt::Display for CredentialSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialSource::Environment { prefix } => write!(f, "{prefix}_USERNAME/_PASSWORD"),
            CredentialSource::Stored => f.write_str("the registry's stored credentials"),
            CredentialSource::Login => f.write_str("the saved `facetctl registry login`"),
            CredentialSource::Given => f.write_str("the login given"),
            CredentialSource::DockerHelper { helper, config } => {
                write!(f, "docker-credential-{helper} (named in {})", config.display())
            }
            CredentialSource::DockerConfig { config } => write!(f, "the auths of {}", config.display()),
            CredentialSource::GoogleKeyFile { path } => {
                write!(f, "the service-account key in GOOGLE_APPLICATION_CREDENTIALS ({})", path.display())
            }
            CredentialSource::GoogleMetadata { host } => write!(f, "the metadata server at {host}"),
            CredentialSource::AzureServicePrincipal { client_id } => {
                write!(f, "the service principal in AZURE_CLIENT_ID ({client_id})")
            }
            CredentialSource::Ecr { region } => write!(f, "AWS credentials (ECR GetAuthorizationToken in {region})"),
            CredentialSource::Anonymous => f.write_str("no credentials (anonymous)"),
        }
    }
}

/// The registry credentials are wanted for.
pub struct Target<'a> {
    /// Its name in the control plane, if it has one.
    pub name: Option<&'a str>,
    /// `host[:port]`.
    pub host: &'a str,
    pub kind: Option<RegistryKind>,
    /// `scheme://host[:port]`, where its API answers.
    pub base_url: &'a str,
}

/// Credentials facetctl keeps for a registry.
#[derive(Default)]
pub struct Kept {
    /// What the control plane holds for the registry (`registry add --password-stdin`).
    pub stored: Option<Credentials>,
    /// What this user saved with `registry login` (the OS keyring).
    pub login: Option<Credentials>,
}

/// Walks the chain.
pub async fn resolve(http: &reqwest::Client, target: &Target<'_>, kept: Kept) -> Result<Resolved, RegistryError> {
    let Kept { stored, login } = kept;
    let found = |(c, source): (Credentials, CredentialSource)| Resolved { credentials: Some(c), source };
    if let Some(hit) = environment::lookup(target.name) {
        return Ok(found(hit));
    }
    if let Some(c) = stored {
        return Ok(Resolved { credentials: Some(c), source: CredentialSource::Stored });
    }
    if let Some(c) = login {
        return Ok(Resolved { credentials: Some(c), source: CredentialSource::Login });
    }
    if let Some(hit) = docker_config::lookup(target.host).await {
        return Ok(found(hit));
    }
    let cloud = match target.kind.or_else(|| kind_of_host(target.host)) {
        Some(RegistryKind::Gar | RegistryKind::Gcr) => gcp::lookup(http).await?,
        Some(RegistryKind::Acr) => azure::lookup(http, target.base_url, target.host).await?,
        #[cfg(feature = "ecr")]
        Some(RegistryKind::Ecr) => ecr::lookup(target.host).await?,
        _ => None,
    };
    if let Some(hit) = cloud {
        return Ok(found(hit));
    }
    Ok(Resolved { credentials: None, source: CredentialSource::Anonymous })
}

/// Short-lived credentials in place of long-lived `stored` ones, where the
/// registry's kind has them: a Google service-account key (`_json_key`, or
/// `_json_key_base64`) becomes an hour's access token. None where there is
/// nothing shorter-lived to give (an ECR password is already a 12-hour
/// token; a plain username and password has no exchange).
pub async fn short_lived(
    http: &reqwest::Client,
    kind: RegistryKind,
    stored: &Credentials,
) -> Result<Option<Credentials>, RegistryError> {
    if !matches!(kind, RegistryKind::Gar | RegistryKind::Gcr) {
        return Ok(None);
    }
    let key = match stored.username.as_str() {
        "_json_key" => stored.secret.expose().to_owned(),
        "_json_key_base64" => {
            let bytes =
                base64::Engine::decode(&base64::engine::general_purpose::STANDARD, stored.secret.expose().trim())
                    .map_err(|_| {
                        RegistryError::Source("the stored `_json_key_base64` password is not base64".into())
                    })?;
            String::from_utf8(bytes)
                .map_err(|_| RegistryError::Source("the stored `_json_key_base64` password is not a key".into()))?
        }
        _ => return Ok(None),
    };
    let token = gcp::token_for_key(http, &key).await?;
    Ok(Some(Credentials { username: gcp::USER.into(), secret: token }))
}

/// The cloud registries' well-known host names.
fn kind_of_host(host: &str) -> Option<RegistryKind> {
    let name = host.split(':').next().unwrap_or(host);
    if name.contains(".dkr.ecr.") && name.ends_with(".amazonaws.com") {
        Some(RegistryKind::Ecr)
    } else if name.ends_with("-docker.pkg.dev") {
        Some(RegistryKind::Gar)
    } else if name == "gcr.io" || name.ends_with(".gcr.io") {
        Some(RegistryKind::Gcr)
    } else if name.ends_with(".azurecr.io") {
        Some(RegistryKind::Acr)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_names_the_place_in_the_words_people_read() {
        let helper =
            CredentialSource::DockerHelper { helper: "ecr-login".into(), config: "/h/.docker/config.json".into() };
        assert_eq!(helper.to_string(), "docker-credential-ecr-login (named in /h/.docker/config.json)");
        let env = CredentialSource::Environment { prefix: "FACETCTL_REGISTRY_QA".into() };
        assert_eq!(env.to_string(), "FACETCTL_REGISTRY_QA_USERNAME/_PASSWORD");
        assert_eq!(CredentialSource::Anonymous.to_string(), "no credentials (anonymous)");
    }

    #[test]
    fn cloud_registries_are_known_by_their_hosts() {
        assert_eq!(kind_of_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com"), Some(RegistryKind::Ecr));
        assert_eq!(kind_of_host("europe-west1-docker.pkg.dev"), Some(RegistryKind::Gar));
        assert_eq!(kind_of_host("eu.gcr.io"), Some(RegistryKind::Gcr));
        assert_eq!(kind_of_host("myteam.azurecr.io"), Some(RegistryKind::Acr));
        assert_eq!(kind_of_host("127.0.0.1:5000"), None);
    }
}
