//! Docker's `config.json` (`$DOCKER_CONFIG` or `~/.docker`): `auths`, and the
//! helpers that `credHelpers` and `credsStore` name.

use docker_credential::DockerCredential;

use crate::registry::{Credentials, Secret};

/// Docker Hub's key in `config.json` is the old index URL, not the host.
const DOCKER_HUB_KEY: &str = "https://index.docker.io/v1/";

pub async fn lookup(host: &str) -> Option<(Credentials, String)> {
    let key = if host == "docker.io" || host == "registry-1.docker.io" {
        DOCKER_HUB_KEY.to_owned()
    } else {
        host.to_owned()
    };
    let found = tokio::task::spawn_blocking(move || docker_credential::get_credential(&key))
        .await
        .ok()?;
    match found {
        Ok(DockerCredential::UsernamePassword(username, password)) => Some((
            Credentials {
                username,
                secret: Secret::new(password),
            },
            config_path(),
        )),
        // An identity token is a refresh token for the OAuth2 flow; the
        // registry accepts it as the password of the `<token>` user.
        Ok(DockerCredential::IdentityToken(token)) => Some((
            Credentials {
                username: "<token>".into(),
                secret: Secret::new(token),
            },
            config_path(),
        )),
        Err(e) => {
            tracing::debug!("no Docker config credentials for {host}: {e}");
            None
        }
    }
}

fn config_path() -> String {
    match std::env::var_os("DOCKER_CONFIG") {
        Some(dir) => format!("{}/config.json", std::path::Path::new(&dir).display()),
        None => "~/.docker/config.json".into(),
    }
}
