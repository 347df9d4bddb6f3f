//! The copy engine: everything an image needs, into one repository of one
//! registry, with the fewest requests. Blobs from the same registry are
//! mounted; others are streamed; what the destination holds is skipped. An
//! index's child manifests are written before the index. Tags are the
//! caller's business (`RegistryClient::put_manifest`), so that writing the
//! reference people pull is a separate, last step.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use futures_util::{StreamExt, TryStreamExt};

use super::blobs::MountOutcome;
use super::manifest::{Contents, Descriptor};
use super::source::ImageSource;
use super::transport::retry;
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
    /// An index's platform manifests written; the top manifest is written under its tags after the copy.
    pub platform_manifests_written: usize,
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
            platform_manifests_written: counters.manifests.into_inner(),
        })
    }

    /// Copies one blob now (skipped when the destination holds it): what a copy of an image
    /// will then find there.
    pub async fn blob_now(&self, blob: &Descriptor) -> Result<CopyReport, RegistryError> {
        let counters = Counters::default();
        self.blobs(std::slice::from_ref(blob), &counters).await?;
        Ok(CopyReport {
            blobs_copied: counters.copied.into_inner(),
            blobs_mounted: counters.mounted.into_inner(),
            blobs_skipped: counters.skipped.into_inner(),
            bytes_copied: counters.bytes.into_inner(),
            platform_manifests_written: 0,
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
    /// whole blob starts over, under the transport's retry policy. Every
    /// other step was already retried by the transport, so it is not again.
    async fn blob_with_retry(&self, blob: &Descriptor, counters: &Counters) -> Result<(), RegistryError> {
        let what = format!("copy blob {}", blob.digest.short());
        let restartable = |f: &BlobFailure| f.restartable;
        let outcome = self.dest.retry_policy().again(&what, restartable, || self.blob(blob, counters)).await;
        outcome.map_err(|f| f.error)
    }

    async fn blob(&self, blob: &Descriptor, counters: &Counters) -> Result<(), BlobFailure> {
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
                return Err(e.into());
            }
        };
        if let Err(error) = self.dest.put_blob(repo, &location, digest, blob.size, Box::pin(stream)).await {
            // A restart opens a session of its own; this one would only linger in the registry.
            self.dest.cancel_upload(repo, &location).await;
            return Err(BlobFailure { restartable: retry::is_transient_error(&error), error });
        }
        counters.copied.fetch_add(1, Ordering::Relaxed);
        counters.bytes.fetch_add(blob.size, Ordering::Relaxed);
        Ok(())
    }
}

/// A blob that could not be copied; `restartable` when its streamed upload
/// failed transiently, which only starting the blob over can retry.
struct BlobFailure {
    error: RegistryError,
    restartable: bool,
}

impl From<RegistryError> for BlobFailure {
    fn from(error: RegistryError) -> Self {
        BlobFailure { error, restartable: false }
    }
}

impl std::fmt::Display for BlobFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use async_trait::async_trait;
    use bytes::Bytes;

    use super::*;
    use crate::model::Digest;
    use crate::registry::blobs::BlobStream;
    use crate::registry::client::stub_client;
    use crate::registry::transport::RetryPolicy;
    use crate::registry::transport::stub::{Reply, Stub};

    /// An image of one layer, held in memory.
    struct OneLayer {
        layer: &'static [u8],
    }

    #[async_trait]
    impl ImageSource for OneLayer {
        fn describe(&self) -> String {
            "memory".into()
        }
        fn tag(&self) -> Option<String> {
            None
        }
        async fn root_manifest(&self) -> Result<Manifest, RegistryError> {
            let layer = Digest::of(self.layer);
            let doc = format!(
                r#"{{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[{{"mediaType":"l","digest":"{layer}","size":{}}}]}}"#,
                self.layer.len()
            );
            Ok(Manifest::from_bytes(Bytes::from(doc), None).unwrap())
        }
        async fn manifest(&self, _: &Digest, _: &str) -> Result<Manifest, RegistryError> {
            unreachable!("an image has no child manifests")
        }
        async fn blob(&self, _: &Digest) -> Result<BlobStream, RegistryError> {
            Ok(Box::pin(futures_util::stream::iter([Ok(Bytes::from_static(self.layer))])))
        }
        fn mount_from(&self, _: &str) -> Option<String> {
            None
        }
    }

    async fn copy_into(stub: &Stub) -> Result<CopyReport, RegistryError> {
        let source = OneLayer { layer: b"layer bytes" };
        let dest = stub_client(stub, None);
        let copy =
            Copy { source: &source, dest: &dest, dest_repo: "team/app", concurrency: 2, progress: Arc::new(Silent) };
        copy.content_of(&source.root_manifest().await?).await
    }

    fn count(stub: &Stub, method: &str) -> usize {
        stub.requests().iter().filter(|r| r.method == method).count()
    }

    #[tokio::test]
    async fn a_blob_upload_cut_short_starts_over_in_a_new_session() {
        let puts = AtomicUsize::new(0);
        let stub = Stub::start(move |req| match req.method.as_str() {
            "HEAD" => Reply::status(404),
            "POST" => Reply::status(202).header("location", "/v2/team/app/blobs/uploads/s"),
            _ if puts.fetch_add(1, Ordering::SeqCst) == 0 => Reply::status(503),
            _ => Reply::status(201),
        })
        .await;
        let report = copy_into(&stub).await.unwrap();
        assert_eq!((report.blobs_copied, report.bytes_copied), (1, 11));
        assert_eq!((count(&stub, "POST"), count(&stub, "PUT")), (2, 2));
        assert!(stub.requests().iter().filter(|r| r.method == "PUT").all(|r| r.body == b"layer bytes"));
    }

    #[tokio::test]
    async fn a_step_the_transport_already_retried_does_not_start_the_blob_over() {
        let stub = Stub::start(|req| match req.method.as_str() {
            "HEAD" => Reply::status(404),
            _ => Reply::status(503),
        })
        .await;
        let e = copy_into(&stub).await.unwrap_err();
        assert!(matches!(e, RegistryError::Protocol { status: 503, .. }), "{e:?}");
        // The manifest HEAD and one blob HEAD; the upload's POST only as often as the transport tries it.
        assert_eq!(count(&stub, "HEAD"), 2);
        assert_eq!(count(&stub, "POST"), 1 + RetryPolicy::quick().max_retries);
    }
}
