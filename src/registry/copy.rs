//! The copy engine: everything an image needs, into one repository of one
//! registry, with the fewest requests. Blobs from the same registry are
//! mounted; others are streamed; what the destination holds is skipped. An
//! index's child manifests are written before the index. Tags are the
//! caller's business (`RegistryClient::put_manifest`), so that writing the
//! reference people pull is a separate, last step.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use futures_util::{StreamExt, TryStreamExt};

use super::client::MountOutcome;
use super::manifest::{Contents, Descriptor};
use super::source::ImageSource;
use super::{Manifest, RegistryClient, RegistryError};

/// Told how far a copy has come; drives a progress bar on a terminal.
pub trait Progress: Send + Sync {
    fn add_total(&self, _bytes: u64) {}
    fn advance(&self, _bytes: u64) {}
}

/// Reports nothing: for pipes, CI logs and tests.
pub struct Silent;
impl Progress for Silent {}

#[derive(Debug, Default, serde::Serialize)]
pub struct CopyReport {
    pub blobs_copied: usize,
    pub blobs_mounted: usize,
    pub blobs_skipped: usize,
    pub bytes_copied: u64,
    pub manifests_written: usize,
}

#[derive(Default)]
struct Counters {
    copied: AtomicUsize,
    mounted: AtomicUsize,
    skipped: AtomicUsize,
    bytes: AtomicU64,
    manifests: AtomicUsize,
}

pub struct Copy<'a> {
    pub source: &'a dyn ImageSource,
    pub dest: &'a RegistryClient,
    pub dest_repo: &'a str,
    pub concurrency: usize,
    pub progress: Arc<dyn Progress>,
}

impl Copy<'_> {
    /// Makes `dest_repo` hold everything `root` refers to, so that a tag can
    /// then be put on `root`. `root` itself is not written here.
    pub async fn content_of(&self, root: &Manifest) -> Result<CopyReport, RegistryError> {
        let counters = Counters::default();
        // From another registry, one HEAD answers a repeated copy: if the root is there, so is all
        // it needs. From the same registry the blobs are mounted, and a mount is idempotent and as
        // cheap as that HEAD, so the HEAD would only add a request to every first copy.
        let mountable = self.source.mount_from(self.dest.host()).is_some();
        if mountable || self.dest.head_manifest(self.dest_repo, root.digest.as_str()).await?.is_none() {
            self.manifest_content(root, &counters).await?;
        }
        Ok(CopyReport {
            blobs_copied: counters.copied.into_inner(),
            blobs_mounted: counters.mounted.into_inner(),
            blobs_skipped: counters.skipped.into_inner(),
            bytes_copied: counters.bytes.into_inner(),
            manifests_written: counters.manifests.into_inner(),
        })
    }

    async fn manifest_content(&self, manifest: &Manifest, counters: &Counters) -> Result<(), RegistryError> {
        let contents =
            manifest.contents().map_err(|e| RegistryError::Source(format!("{}: {e}", self.source.describe())))?;
        match contents {
            Contents::Image(blobs) => self.blobs(&blobs, counters).await,
            Contents::Index(children) => {
                for child in &children {
                    if self.dest.head_manifest(self.dest_repo, child.digest.as_str()).await?.is_some() {
                        continue;
                    }
                    let child_manifest = self.source.manifest(&child.digest, &child.media_type).await?;
                    Box::pin(self.manifest_content(&child_manifest, counters)).await?;
                    self.dest.put_manifest(self.dest_repo, child.digest.as_str(), &child_manifest).await?;
                    counters.manifests.fetch_add(1, Ordering::Relaxed);
                }
                Ok(())
            }
        }
    }

    async fn blobs(&self, blobs: &[Descriptor], counters: &Counters) -> Result<(), RegistryError> {
        let mut unique: Vec<&Descriptor> = Vec::new();
        for b in blobs {
            if !unique.iter().any(|u| u.digest == b.digest) {
                unique.push(b);
            }
        }
        // The futures are made here, not by a closure inside the stream: a
        // closure over `&Descriptor` would have to work for any lifetime, and
        // rustc could then not prove the whole copy `Send` for a server's runtime.
        let transfers: Vec<_> = unique.into_iter().map(|blob| self.blob_with_retry(blob, counters)).collect();
        futures_util::stream::iter(transfers).buffer_unordered(self.concurrency.max(1)).try_collect::<()>().await
    }

    /// A streamed upload cannot be resent mid-way; on a transient failure the
    /// whole blob starts over, a bounded number of times.
    async fn blob_with_retry(&self, blob: &Descriptor, counters: &Counters) -> Result<(), RegistryError> {
        let mut attempt = 0;
        loop {
            match self.blob(blob, counters).await {
                Err(e) if attempt < 2 && is_transient(&e) => {
                    attempt += 1;
                    tracing::debug!(digest = %blob.digest, attempt, "retrying blob after: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(300 * attempt)).await;
                }
                other => return other,
            }
        }
    }

    async fn blob(&self, blob: &Descriptor, counters: &Counters) -> Result<(), RegistryError> {
        let (repo, digest) = (self.dest_repo, &blob.digest);
        self.progress.add_total(blob.size);
        let location = match self.source.mount_from(self.dest.host()) {
            // Same registry: a mount is one request whether or not the blob is there.
            Some(from) => match self.dest.mount_blob(repo, digest, &from).await? {
                MountOutcome::Mounted => {
                    counters.mounted.fetch_add(1, Ordering::Relaxed);
                    self.progress.advance(blob.size);
                    return Ok(());
                }
                MountOutcome::UploadStarted(location) => location,
            },
            None => {
                if self.dest.blob_exists(repo, digest).await? {
                    counters.skipped.fetch_add(1, Ordering::Relaxed);
                    self.progress.advance(blob.size);
                    return Ok(());
                }
                self.dest.start_upload(repo).await?
            }
        };
        let progress = self.progress.clone();
        let stream = match self.source.blob(digest).await {
            Ok(s) => s.inspect_ok(move |chunk| progress.advance(chunk.len() as u64)),
            Err(e) => {
                self.dest.cancel_upload(repo, &location).await;
                return Err(e);
            }
        };
        self.dest.put_blob(repo, &location, digest, blob.size, Box::pin(stream)).await?;
        counters.copied.fetch_add(1, Ordering::Relaxed);
        counters.bytes.fetch_add(blob.size, Ordering::Relaxed);
        Ok(())
    }
}

/// The retry policy's rule, applied to a blob that must start over.
fn is_transient(e: &RegistryError) -> bool {
    match e {
        RegistryError::Unreachable { .. } => true,
        RegistryError::Protocol { status, .. } => {
            reqwest::StatusCode::from_u16(*status).is_ok_and(super::retry::is_transient_status)
        }
        _ => false,
    }
}
