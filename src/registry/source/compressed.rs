//! A source whose plain-tar layers are pushed compressed. The layers are
//! compressed once, into files beside the push, before anything is sent: a
//! manifest names its blobs by digest, so the compressed digests must be
//! known first. The manifest is rewritten with them (the config's `diff_ids`
//! already name the uncompressed layers, as they must), and an index over
//! such manifests is rewritten to name the new ones. The rest of the image
//! is served by the source as it was. Each layer, once written, can be sent
//! on (`Ready`) to be uploaded while the next is compressed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use serde_json::Value;
use tokio_util::io::{ReaderStream, StreamReader, SyncIoBridge};

use super::ImageSource;
use crate::model::Digest;
use crate::registry::blobs::BlobStream;
use crate::registry::compress::{Compression, compress};
use crate::registry::manifest::{DOCKER_MANIFEST, OCI_MANIFEST};
use crate::registry::{Manifest, RegistryError};

const OCI_TAR: &str = "application/vnd.oci.image.layer.v1.tar";
const DOCKER_TAR: &str = "application/vnd.docker.image.rootfs.diff.tar";

/// A compressed layer as soon as it is written: its digest, its size and the file that holds it.
pub type Ready = tokio::sync::mpsc::Sender<(Digest, u64, PathBuf)>;

pub struct Compressed {
    inner: Arc<dyn ImageSource>,
    ready: Option<Ready>,
    root: Manifest,
    /// Rewritten manifests by their new digest.
    manifests: HashMap<Digest, Manifest>,
    /// Compressed layers by digest: the file that holds each.
    blobs: HashMap<Digest, PathBuf>,
    /// Layers compressed before (as a daemon's export streamed in), by their plain digest.
    ahead: super::docker_daemon::Precompressed,
    /// What each plain layer became, by its own digest.
    done: HashMap<Digest, crate::registry::compress::Written>,
}

impl Compressed {
    /// `inner` with its plain-tar layers compressed `how`, into files under `dir`. An image whose
    /// layers are all compressed already comes back as it is, with nothing written.
    /// With `ready`, each compressed layer is sent there once written; the channel closes when
    /// this returns.
    pub async fn wrap(
        inner: Arc<dyn ImageSource>,
        how: Compression,
        dir: &Path,
        threads: usize,
        ready: Option<Ready>,
        ahead: super::docker_daemon::Precompressed,
    ) -> Result<Arc<dyn ImageSource>, RegistryError> {
        if how == Compression::None {
            return Ok(inner);
        }
        let mut this = Compressed {
            root: inner.root_manifest().await?,
            inner: inner.clone(),
            ready,
            ahead,
            manifests: HashMap::new(),
            blobs: HashMap::new(),
            done: HashMap::new(),
        };
        let root = this.root.clone();
        let Some(root) = this.rewrite(&root, how, dir, threads).await? else { return Ok(inner) };
        this.root = root;
        this.ready = None;
        Ok(Arc::new(this))
    }

    /// The manifest with its plain layers compressed; None when it has none to compress.
    async fn rewrite(
        &mut self,
        manifest: &Manifest,
        how: Compression,
        dir: &Path,
        threads: usize,
    ) -> Result<Option<Manifest>, RegistryError> {
        let described = self.inner.describe();
        let fail = |why: String| RegistryError::Source(format!("{described}: {why}"));
        let mut doc: Value = serde_json::from_slice(&manifest.bytes).map_err(|e| fail(e.to_string()))?;
        let mut changed = false;
        if let Some(children) = doc.get_mut("manifests").and_then(Value::as_array_mut) {
            let mut renamed = HashMap::new();
            // OCI 1.1 referrers in the index (a signature, an SBOM) and the manifest each names.
            let mut subjects = Vec::new();
            for child in children.iter_mut() {
                let (Some(digest), Some(media_type)) = (descriptor_digest(child), child["mediaType"].as_str()) else {
                    continue;
                };
                let child_manifest = self.inner.manifest(&digest, media_type).await?;
                let subject = serde_json::from_slice::<Value>(&child_manifest.bytes)
                    .ok()
                    .and_then(|m| m["subject"]["digest"].as_str().map(str::to_owned));
                if let Some(subject) = subject {
                    subjects.push((digest.clone(), subject));
                }
                if let Some(new) = Box::pin(self.rewrite(&child_manifest, how, dir, threads)).await? {
                    child["digest"] = Value::from(new.digest.to_string());
                    child["size"] = Value::from(new.bytes.len());
                    renamed.insert(digest.to_string(), new.digest.to_string());
                    self.manifests.insert(new.digest.clone(), new);
                    changed = true;
                }
            }
            // A referrer names its subject by digest, and a signature signs that digest: remade, the
            // subject would leave them naming what is not pushed. Better no push than a broken signature.
            if let Some((referrer, subject)) = subjects.iter().find(|(_, subject)| renamed.contains_key(subject)) {
                return Err(fail(format!(
                    "{referrer} refers to {subject} (a signature or attestation of it), and compressing would give \
                     {subject} a new digest that it does not name; push with --compression none to keep the digests"
                )));
            }
            // buildx's attestation entries name the platform manifest they describe; they follow it.
            for child in children.iter_mut() {
                let key = "vnd.docker.reference.digest";
                if let Some(new) = child["annotations"][key].as_str().and_then(|old| renamed.get(old)).cloned() {
                    child["annotations"][key] = Value::from(new);
                }
            }
        } else if !is_image(&doc) {
            // An OCI artifact (a signature, an SBOM...) is not an image: its blobs stay as they are.
        } else if let Some(layers) = doc.get_mut("layers").and_then(Value::as_array_mut) {
            let docker = manifest.media_type == DOCKER_MANIFEST;
            for layer in layers {
                let media_type = layer["mediaType"].as_str().unwrap_or_default();
                // A layer fetched from elsewhere (`urls`) is the blob it names, not one to remake.
                if (media_type != OCI_TAR && media_type != DOCKER_TAR) || layer.get("urls").is_some() {
                    continue;
                }
                let compressed_type = match (how, docker) {
                    (Compression::Gzip, false) => "application/vnd.oci.image.layer.v1.tar+gzip",
                    (Compression::Gzip, true) => "application/vnd.docker.image.rootfs.diff.tar.gzip",
                    (Compression::Zstd, false) => "application/vnd.oci.image.layer.v1.tar+zstd",
                    (Compression::Zstd, true) => {
                        return Err(RegistryError::Source(format!(
                            "{}: a Docker v2 manifest has no zstd layers; push it with --compression gzip",
                            self.inner.describe()
                        )));
                    }
                    (Compression::None, _) => return Ok(None),
                };
                let Some(digest) = descriptor_digest(layer) else { continue };
                let size = layer["size"].as_u64().unwrap_or_default();
                let written = self.compress_layer(&digest, size, how, dir, threads).await?;
                layer["mediaType"] = Value::from(compressed_type);
                layer["digest"] = Value::from(written.digest.to_string());
                layer["size"] = Value::from(written.size);
                // Embedded bytes would be the plain tar's.
                if let Some(fields) = layer.as_object_mut() {
                    fields.remove("data");
                }
                changed = true;
            }
        }
        if !changed {
            return Ok(None);
        }
        let bytes = Bytes::from(serde_json::to_vec(&doc).map_err(|e| fail(e.to_string()))?);
        let media_type = Some(manifest.media_type.as_str()).filter(|m| !m.is_empty()).or(Some(OCI_MANIFEST));
        Manifest::from_bytes(bytes, media_type).map(Some).map_err(fail)
    }

    async fn compress_layer(
        &mut self,
        digest: &Digest,
        size: u64,
        how: Compression,
        dir: &Path,
        threads: usize,
    ) -> Result<crate::registry::compress::Written, RegistryError> {
        // A layer listed twice (in one manifest, or in two platforms') is compressed once.
        if let Some(done) = self.done.get(digest) {
            return Ok(done.clone());
        }
        // Compressed as the export streamed in, and already sent on: its key is the digest of
        // the bytes that were read, so it is this layer.
        if let Some((written, path)) = self.ahead.remove(digest) {
            self.blobs.insert(written.digest.clone(), path);
            self.done.insert(digest.clone(), written.clone());
            return Ok(written);
        }
        let stream = self.inner.blob(digest).await?;
        let path = dir.join(format!("layer-{}", digest.as_str().trim_start_matches("sha256:")));
        let file = std::fs::File::create(&path)
            .map_err(|e| RegistryError::Source(format!("cannot write {}: {e}", path.display())))?;
        let reader = SyncIoBridge::new(StreamReader::new(stream));
        let out = std::io::BufWriter::with_capacity(1 << 20, file);
        let described = self.inner.describe();
        let (read, written) = tokio::task::spawn_blocking(move || compress(how, reader, out, threads))
            .await
            .map_err(|e| RegistryError::Source(e.to_string()))?
            .map_err(|e| {
                RegistryError::Source(format!(
                    "{described}: cannot compress layer {} into {} (TMPDIR): {e}",
                    digest.short(),
                    dir.display()
                ))
            })?;
        // The registry checks a plain layer's bytes against its digest; a compressed one's it
        // cannot, so they are checked here, before anything is pushed.
        if read.digest != *digest || read.size != size {
            return Err(RegistryError::Source(format!(
                "{described}: layer {} holds {} bytes with digest {}, not the {size} bytes its manifest names; the source is damaged",
                digest.short(),
                read.size,
                read.digest.short()
            )));
        }
        if let Some(ready) = &self.ready {
            // Gone, the receiver has failed, and says why where it is awaited.
            let _ = ready.send((written.digest.clone(), written.size, path.clone())).await;
        }
        self.blobs.insert(written.digest.clone(), path);
        self.done.insert(digest.clone(), written.clone());
        Ok(written)
    }
}

/// Whether a manifest is a container image's: its config is an image config.
fn is_image(manifest: &Value) -> bool {
    matches!(
        manifest["config"]["mediaType"].as_str(),
        Some("application/vnd.oci.image.config.v1+json" | "application/vnd.docker.container.image.v1+json")
    )
}

fn descriptor_digest(descriptor: &Value) -> Option<Digest> {
    descriptor["digest"].as_str()?.parse().ok()
}

#[async_trait]
impl ImageSource for Compressed {
    fn describe(&self) -> String {
        self.inner.describe()
    }

    fn tag(&self) -> Option<String> {
        self.inner.tag()
    }

    async fn root_manifest(&self) -> Result<Manifest, RegistryError> {
        Ok(self.root.clone())
    }

    async fn manifest(&self, digest: &Digest, media_type: &str) -> Result<Manifest, RegistryError> {
        match self.manifests.get(digest) {
            Some(manifest) => Ok(manifest.clone()),
            None => self.inner.manifest(digest, media_type).await,
        }
    }

    async fn blob(&self, digest: &Digest) -> Result<BlobStream, RegistryError> {
        match self.blobs.get(digest) {
            Some(path) => spooled(path).await,
            None => self.inner.blob(digest).await,
        }
    }

    fn mount_from(&self, _host: &str) -> Option<String> {
        // The compressed layers are nowhere yet.
        None
    }
}

/// One compressed layer's file, as a source of that one blob: what an upload started before
/// the image's manifest is known reads.
pub struct SpoolFile {
    pub path: PathBuf,
}

#[async_trait]
impl ImageSource for SpoolFile {
    fn describe(&self) -> String {
        format!("compressed layer {}", self.path.display())
    }

    fn tag(&self) -> Option<String> {
        None
    }

    async fn root_manifest(&self) -> Result<Manifest, RegistryError> {
        Err(RegistryError::Source(format!("{} is a layer, not an image", self.describe())))
    }

    async fn manifest(&self, _digest: &Digest, _media_type: &str) -> Result<Manifest, RegistryError> {
        self.root_manifest().await
    }

    async fn blob(&self, _digest: &Digest) -> Result<BlobStream, RegistryError> {
        spooled(&self.path).await
    }

    fn mount_from(&self, _host: &str) -> Option<String> {
        None
    }
}

/// A compressed layer's bytes, read back from its spool file.
async fn spooled(path: &Path) -> Result<BlobStream, RegistryError> {
    let file = tokio::fs::File::open(path)
        .await
        .map_err(|e| RegistryError::Source(format!("cannot read {}: {e}", path.display())))?;
    Ok(Box::pin(ReaderStream::with_capacity(file, 256 * 1024)))
}
