//! An image in the local Docker engine, as a push source: exported over the
//! engine's API (`GET /images/{name}/get`, what `docker save` does) into a
//! temporary file, then read as a docker save archive. Asked to, the export's
//! large members (its layers) are compressed as they stream in, each sent on
//! to be uploaded once written: the export, the compression and the upload
//! then overlap, as `docker push` does, rather than follow one another.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio_util::io::{StreamReader, SyncIoBridge};

use super::DockerArchive;
use super::compressed::Ready;
use crate::model::Digest;
use crate::registry::compress::{Compression, Written, compress};
use crate::registry::{RegistryError, root_cause};

/// Members smaller than this are left for later: configs and manifests, not layers.
const EARLY_MIN: u64 = 1 << 20;

/// How to compress an export's layers while it streams in.
pub struct Early {
    pub how: Compression,
    pub threads: usize,
    /// Where each is sent once written, to be uploaded.
    pub ready: Option<Ready>,
}

/// What was compressed while the export streamed: by the plain bytes' digest, the compressed
/// blob and its file. The digest is of the bytes read, so a manifest naming it names those bytes.
pub type Precompressed = HashMap<Digest, (Written, PathBuf)>;

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

/// Exports `image` from the engine and opens it, with what `early` compressed on the way. The
/// export lives in `spool`, which must outlive the returned archive.
pub async fn export(
    image: &str,
    spool: &tempfile::TempDir,
    early: Option<Early>,
) -> Result<(DockerArchive, Precompressed), RegistryError> {
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
    let (feed, compressing) = match early {
        Some(early) => {
            let (feed, chunks) = tokio::sync::mpsc::channel::<Bytes>(64);
            let chunks = futures_util::stream::unfold(chunks, |mut rx| async move {
                rx.recv().await.map(|chunk| (Ok::<_, std::io::Error>(chunk), rx))
            });
            let reader = SyncIoBridge::new(StreamReader::new(Box::pin(chunks)));
            let dir = spool.path().to_owned();
            (Some(feed), Some(tokio::task::spawn_blocking(move || compress_members(reader, &dir, early))))
        }
        None => (None, None),
    };
    let mut body = resp.bytes_stream();
    let mut feed = feed;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(unreachable)?;
        file.write_all(&chunk).await.map_err(io)?;
        // A compressor that stopped (a member it could not read) leaves the rest to later.
        if let Some(f) = &feed
            && f.send(chunk).await.is_err()
        {
            feed = None;
        }
    }
    file.flush().await.map_err(io)?;
    drop(feed);
    let precompressed = match compressing {
        Some(task) => task.await.map_err(|e| RegistryError::Source(e.to_string()))?,
        None => Precompressed::new(),
    };
    let wanted = image.to_owned();
    let archive = tokio::task::spawn_blocking(move || DockerArchive::open(&path, Some(&wanted), label))
        .await
        .map_err(|e| RegistryError::Source(e.to_string()))??;
    Ok((archive, precompressed))
}

/// Compresses each large member of the tar read from `reader` into `dir` as it arrives. Whatever
/// goes wrong here only means less was done ahead: the archive is read again afterwards, and
/// every layer not found here is compressed then, its bytes checked against its digest.
fn compress_members(reader: impl std::io::Read, dir: &Path, early: Early) -> Precompressed {
    let mut done = Precompressed::new();
    let mut archive = tar::Archive::new(reader);
    let Ok(entries) = archive.entries() else { return done };
    for (n, entry) in entries.enumerate() {
        let Ok(mut entry) = entry else { break };
        let regular = matches!(entry.header().entry_type(), tar::EntryType::Regular | tar::EntryType::Continuous);
        if !regular || entry.size() < EARLY_MIN {
            continue;
        }
        let partial = dir.join(format!("early-{n}"));
        let Ok(file) = std::fs::File::create(&partial) else { break };
        let out = std::io::BufWriter::with_capacity(1 << 20, file);
        let Ok((read, written)) = compress(early.how, &mut entry, out, early.threads) else { break };
        let path = dir.join(format!("layer-{}", read.digest.hex()));
        if std::fs::rename(&partial, &path).is_err() {
            break;
        }
        if let Some(ready) = &early.ready {
            let _ = ready.blocking_send((written.digest.clone(), written.size, path.clone()));
        }
        tracing::info!("layer {} compressed as the export streamed in", read.digest.short());
        done.insert(read.digest, (written, path));
    }
    // Read to the end, so the export is never held up by a reader that stopped.
    let _ = std::io::copy(&mut archive.into_inner(), &mut std::io::sink());
    done
}
