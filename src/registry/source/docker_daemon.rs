//! An image in the local Docker engine, as a push source: exported over the
//! engine's API (`GET /images/{name}/get`, what `docker save` does) into a
//! temporary file, then read as a docker save archive.

use std::path::PathBuf;

use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

use super::DockerArchive;
use crate::registry::{RegistryError, root_cause};

const DEFAULT_SOCKET: &str = "/var/run/docker.sock";

/// Where the engine answers: `DOCKER_HOST` (`unix://PATH` or `tcp://HOST:PORT`), else the default socket.
fn engine() -> Result<(reqwest::Client, String, String), RegistryError> {
    let host = std::env::var("DOCKER_HOST")
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| format!("unix://{DEFAULT_SOCKET}"));
    if let Some(path) = host.strip_prefix("unix://") {
        let client = reqwest::Client::builder()
            .unix_socket(PathBuf::from(path))
            .build()
            .map_err(|e| RegistryError::Source(format!("cannot set up a client for the Docker engine: {e}")))?;
        return Ok((client, "http://docker".into(), host));
    }
    if let Some(addr) = host.strip_prefix("tcp://") {
        return Ok((reqwest::Client::new(), format!("http://{addr}"), host));
    }
    Err(RegistryError::Source(format!("DOCKER_HOST={host} is not unix://PATH or tcp://HOST:PORT")))
}

/// Exports `image` from the engine and opens it. The export lives in `spool`,
/// which must outlive the returned archive.
pub async fn export(image: &str, spool: &tempfile::TempDir) -> Result<DockerArchive, RegistryError> {
    let (client, base, host) = engine()?;
    let label = format!("docker-daemon:{image}");
    let unreachable = |e: reqwest::Error| {
        RegistryError::Source(format!(
            "cannot reach the Docker engine at {host}: {}; is it running, and may this user use it? (DOCKER_HOST chooses another)",
            root_cause(&e)
        ))
    };
    let resp = client.get(format!("{base}/images/{image}/get")).send().await.map_err(unreachable)?;
    if resp.status() == reqwest::StatusCode::NOT_FOUND {
        return Err(RegistryError::SourceMissing(format!(
            "{label}: the Docker engine has no image {image} (`docker images` lists them)"
        )));
    }
    if !resp.status().is_success() {
        let status = resp.status();
        let body = resp.text().await.unwrap_or_default();
        return Err(RegistryError::Source(format!("{label}: the Docker engine answered {status}: {}", body.trim())));
    }
    let path = spool.path().join("image.tar");
    let io = |e: std::io::Error| {
        RegistryError::Source(format!("{label}: writing the export to {}: {e}", spool.path().display()))
    };
    let mut file = tokio::fs::File::create(&path).await.map_err(io)?;
    let mut body = resp.bytes_stream();
    while let Some(chunk) = body.next().await {
        file.write_all(&chunk.map_err(unreachable)?).await.map_err(io)?;
    }
    file.flush().await.map_err(io)?;
    let wanted = image.to_owned();
    tokio::task::spawn_blocking(move || DockerArchive::open(&path, Some(&wanted), label))
        .await
        .map_err(|e| RegistryError::Source(e.to_string()))?
}
