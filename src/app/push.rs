//! `artifact push` and `artifact register`: put an image into a bucket, pin
//! its digest, record it. Content is copied first (it is addressed by digest,
//! so copying is safe to repeat and needs no lock); then, holding the bucket,
//! the tags are written and the record follows the registry (invariant 1).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::bucket_tags::BucketTags;
use super::{App, bucket_lock, registry_access};
use crate::control::{ArtifactKey, NewArtifact};
use crate::error::{Error, Hint, Result};
use crate::model::{Artifact, BucketEventKind, Digest, Integration, Registry, check_artifact_fields};
use crate::registry::RegistryClient;
use crate::registry::compress::Compression;
use crate::registry::copy::{Copy, CopyReport};
use crate::registry::manifest::Descriptor;
use crate::registry::referrers::{ReferrerCopy, ReferrersReport};
use crate::registry::source::docker_daemon::Early;
use crate::registry::source::{
    Compressed, DockerArchive, ImageSource, OciLayout, RegistrySource, SourceSpec, SpoolFile, docker_daemon,
};
use futures_util::{StreamExt, TryStreamExt};

pub struct PushRequest {
    pub source: String,
    pub integration: String,
    pub bucket: String,
    pub tag: Option<String>,
    pub external_id: Option<String>,
    pub description: Option<String>,
    pub metadata: BTreeMap<String, String>,
    /// `artifact register`: the image is already in the integration's registry.
    pub register: bool,
    /// Copy signatures and attestations of the digest along with it.
    pub referrers: bool,
    /// How layers that arrive uncompressed are pushed; None: gzip for Docker's exports (whose
    /// digest facetctl makes up anyway), as they are for an OCI layout (whose digest is the one
    /// its builder made, and perhaps signed).
    pub compression: Option<Compression>,
}

#[derive(Debug, serde::Serialize)]
pub struct PushOutcome {
    pub artifact: Artifact,
    pub copy: CopyReport,
    pub referrers: ReferrersReport,
    /// The bucket already had this artifact at its head; nothing changed.
    pub unchanged: bool,
    /// The routing rule's criterion that chose the bucket, when the caller named none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routed_by: Option<String>,
}

/// What a push would do, asked with `--dry-run`: checked as the push would be, nothing written.
#[derive(Debug, serde::Serialize)]
pub struct PushPlan {
    pub integration: String,
    pub bucket: String,
    pub tag: String,
    pub digest: Digest,
    pub media_type: String,
    pub source: String,
    /// Where the artifact would be: `host/repo:tag`.
    pub target: String,
}

/// An accepted push, up to its first registry work: the integration, where it goes, the source
/// opened (its spool kept alive with it) and the tag it gets.
struct Prepared {
    integration: Integration,
    registry: Registry,
    source: Arc<dyn ImageSource>,
    tag: String,
    /// Where a push writes, opened while its layers were compressed, and what was uploaded then.
    dest: Option<(Arc<RegistryClient>, CopyReport)>,
    _spool: tempfile::TempDir,
}

pub async fn plan(app: &App, req: PushRequest) -> Result<PushPlan> {
    let Prepared { integration, registry, source, tag, _spool, .. } = prepare(app, &req, false).await?;
    let root = source.root_manifest().await?;
    let repo = registry.bucket_repository(&integration, &req.bucket);
    Ok(PushPlan {
        target: format!("{}/{repo}:{}", registry.host(), integration.artifact_tag(&req.bucket, &tag)),
        integration: integration.name,
        bucket: req.bucket,
        tag,
        digest: root.digest,
        media_type: root.media_type,
        source: source.describe(),
    })
}

pub async fn push(app: &App, req: PushRequest) -> Result<PushOutcome> {
    let prepared = prepare(app, &req, true).await?;
    push_prepared(app, &req, prepared).await
}

/// `upload`: a push, not a plan; layers compressed here are uploaded as each is written.
async fn prepare(app: &App, req: &PushRequest, upload: bool) -> Result<Prepared> {
    let integration = app.plane.integration(&req.integration).await?;
    if let Some(workflow) = &integration.workflow
        && let Some(gate) = app.plane.workflow(workflow).await?.gate(&req.bucket)
    {
        return Err(gate.refusal(&integration.name).into());
    }
    // Everything the record will be checked for is checked before the registry is touched:
    // the bucket and the caller's role now, with the tag when it is given.
    app.plane.check_write(&integration.name, &req.bucket, req.tag.as_deref()).await?;
    check_artifact_fields(&req.metadata, req.description.as_deref(), req.external_id.as_deref())?;
    let registry = app.plane.registry(integration.registry_for(&req.bucket)).await?;
    // A daemon export is spooled here; it must outlive the copy.
    let spool = tempfile::tempdir().map_err(|e| Error::Failed(format!("cannot make a temporary folder: {e}")))?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    // From the Docker engine, a push compresses and uploads the layers while the export streams
    // in, once the tag is known (and checked) ahead of it.
    if upload && let Some((image, tag, how)) = daemon_ahead(req) {
        if req.tag.is_none() {
            app.plane.check_write(&integration.name, &req.bucket, Some(&tag)).await?;
        }
        let dest = registry_access::client_for(app, &registry, Some((&integration.name, &req.bucket))).await?;
        let repo = registry.bucket_repository(&integration, &req.bucket);
        let (ready, written) = tokio::sync::mpsc::channel(16);
        let exported = async {
            let early = Early { how, threads, ready: Some(ready.clone()) };
            let (archive, ahead) = docker_daemon::export(&image, &spool, Some(early)).await?;
            let source: Arc<dyn ImageSource> = Arc::new(archive);
            Ok::<_, Error>(Compressed::wrap(source, how, spool.path(), threads, Some(ready), ahead).await?)
        };
        let (source, early) = tokio::try_join!(exported, upload_as_written(app, &dest, &repo, written))?;
        let tag = req.tag.clone().unwrap_or(tag);
        return Ok(Prepared { integration, registry, source, tag, dest: Some((dest, early)), _spool: spool });
    }
    let (source, compression) = open_source(app, req, &spool).await?;
    if req.register && source.mount_from(registry.host()).is_none() {
        return Err(Error::Invalid(format!(
            "{} is not in registry {} ({}); `artifact register` records images already there, `artifact push` copies them",
            source.describe(),
            registry.name,
            registry.uri
        )));
    }
    let tag = req
        .tag
        .clone()
        .or_else(|| source.tag())
        .ok_or_else(|| Error::Invalid(format!("{} names no tag", source.describe())).hint(Hint::GiveTag))?;
    if req.tag.is_none() {
        // The source's own tag, which the control plane has not seen yet.
        app.plane.check_write(&integration.name, &req.bucket, Some(&tag)).await?;
    }
    // Compressing takes a while: only once everything that could refuse the push has said yes.
    if !upload || compression == Compression::None {
        let source = Compressed::wrap(source, compression, spool.path(), threads, None, Default::default()).await?;
        return Ok(Prepared { integration, registry, source, tag, dest: None, _spool: spool });
    }
    let dest = registry_access::client_for(app, &registry, Some((&integration.name, &req.bucket))).await?;
    let repo = registry.bucket_repository(&integration, &req.bucket);
    let (ready, written) = tokio::sync::mpsc::channel(16);
    let (source, early) = tokio::try_join!(
        async {
            let wrapped = Compressed::wrap(source, compression, spool.path(), threads, Some(ready), Default::default());
            Ok::<_, Error>(wrapped.await?)
        },
        upload_as_written(app, &dest, &repo, written)
    )?;
    Ok(Prepared { integration, registry, source, tag, dest: Some((dest, early)), _spool: spool })
}

/// Uploads each compressed layer as it is written, while the next is compressed: a push then
/// takes about as long as the longer of the two, not both.
async fn upload_as_written(
    app: &App,
    dest: &RegistryClient,
    repo: &str,
    written: tokio::sync::mpsc::Receiver<(Digest, u64, std::path::PathBuf)>,
) -> Result<CopyReport> {
    let layers = futures_util::stream::unfold(written, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) });
    let progress = app.reporter.progress("compressed layers");
    let reports: Vec<CopyReport> = layers
        .map(|(digest, size, path)| {
            let progress = progress.clone();
            async move {
                let blob = Descriptor { media_type: String::new(), digest, size, raw: serde_json::Value::Null };
                let file = SpoolFile { path };
                let copy = Copy { source: &file, dest, dest_repo: repo, concurrency: 1, progress };
                copy.blob_now(&blob).await
            }
        })
        .buffer_unordered(app.concurrency.max(1))
        .try_collect()
        .await?;
    Ok(reports.into_iter().fold(CopyReport::default(), |all, r| CopyReport {
        blobs_copied: all.blobs_copied + r.blobs_copied,
        blobs_skipped: all.blobs_skipped + r.blobs_skipped,
        bytes_copied: all.bytes_copied + r.bytes_copied,
        ..all
    }))
}

async fn push_prepared(app: &App, req: &PushRequest, prepared: Prepared) -> Result<PushOutcome> {
    let Prepared { integration, registry, source, tag, dest, _spool } = prepared;
    let artifact_tag = integration.artifact_tag(&req.bucket, &tag);
    let root = source.root_manifest().await?;
    let (dest, early) = match dest {
        Some(opened) => opened,
        None => (
            registry_access::client_for(app, &registry, Some((&integration.name, &req.bucket))).await?,
            CopyReport::default(),
        ),
    };
    let repo = registry.bucket_repository(&integration, &req.bucket);
    // A repeated push costs one HEAD: when the bucket's record and its moving tag both already
    // name this build, there is nothing to do (nothing is written, so no lease is needed).
    if let Some(current) = app.plane.current_artifact(&integration.name, &req.bucket).await?
        && current.tag == tag
        && current.digest == root.digest
        && dest.head_manifest(&repo, &integration.current_tag(&req.bucket)).await?.map(|h| h.digest)
            == Some(root.digest.clone())
    {
        return Ok(PushOutcome {
            artifact: current,
            copy: CopyReport::default(),
            referrers: ReferrersReport::default(),
            unchanged: true,
            routed_by: None,
        });
    }
    let copy = Copy {
        source: source.as_ref(),
        dest: &dest,
        dest_repo: &repo,
        concurrency: app.concurrency,
        progress: app.reporter.progress(&format!("{} -> {}", source.describe(), req.bucket)),
    };
    let mut report = copy.content_of(&root).await?;
    // What went up while it was compressed is counted as copied, not as found there.
    report.blobs_skipped = report.blobs_skipped.saturating_sub(early.blobs_copied);
    report.blobs_copied += early.blobs_copied;
    report.bytes_copied += early.bytes_copied;
    // Signatures in the same registry travel with the image (mounted, before the tags move).
    let referrers = match source.mount_from(registry.host()) {
        Some(from_repo) if req.referrers => {
            let referrers = ReferrerCopy {
                from: &dest,
                to: &dest,
                from_repo: &from_repo,
                to_repo: &repo,
                concurrency: app.concurrency,
                progress: app.reporter.progress("referrers"),
            };
            referrers.of(&root.digest).await?
        }
        _ => ReferrersReport::default(),
    };

    let held = bucket_lock::acquire(app, &integration.name, &req.bucket).await?;
    let outcome = async {
        let current = app.plane.current_artifact(&integration.name, &req.bucket).await?;
        if let Some(current) = &current
            && current.tag == tag
            && current.digest == root.digest
            && dest.head_manifest(&repo, &integration.current_tag(&req.bucket)).await?.map(|h| h.digest)
                == Some(root.digest.clone())
        {
            return Ok(PushOutcome {
                artifact: current.clone(),
                copy: CopyReport::default(),
                referrers: ReferrersReport::default(),
                unchanged: true,
                routed_by: None,
            });
        }
        // Tags in a bucket are immutable: refuse before the registry changes.
        if let Some(taken) = app.plane.find_artifact(&integration.name, &req.bucket, ArtifactKey::Tag(&tag)).await?
            && taken.digest != root.digest
        {
            return Err(Error::Refused(format!(
                "tag {tag} in bucket {} already names {} (artifact {}); tags are immutable",
                req.bucket, taken.digest, taken.id
            ))
            .hint(Hint::AnotherTag));
        }
        let tags = BucketTags { client: &dest, repo: &repo, held: &held };
        let moving_tag = integration.current_tag(&req.bucket);
        tags.put(&artifact_tag, &root, "nothing in the registry was changed").await?;
        let touched = format!("tag {artifact_tag} was written, the moving tag {moving_tag} was not");
        tags.put(&moving_tag, &root, &touched).await?;
        let recorded = app
            .plane
            .record_artifact(
                &held.lock,
                NewArtifact {
                    tag: tag.clone(),
                    digest: root.digest.clone(),
                    media_type: root.media_type.clone(),
                    external_id: req.external_id.clone(),
                    description: req.description.clone(),
                    metadata: req.metadata.clone(),
                    kind: if req.register { BucketEventKind::Register } else { BucketEventKind::Push },
                },
            )
            .await;
        match recorded {
            Ok(artifact) => Ok(PushOutcome { artifact, copy: report, referrers, unchanged: false, routed_by: None }),
            Err(e) => Err(tags.put_back(&moving_tag, current.as_ref(), e).await),
        }
    }
    .await;
    // A record releases the lease with it; anything else hands the bucket back.
    match &outcome {
        Ok(o) if !o.unchanged => held.recorded(),
        _ => held.release().await,
    }
    outcome
}

/// A Docker engine's image compressed as it is exported: the image, the tag it gets (given, or
/// the one the reference names) and how. None for any other source, for no compression, or
/// when the tag is known only from the export.
fn daemon_ahead(req: &PushRequest) -> Option<(String, String, Compression)> {
    let Ok(SourceSpec::DockerDaemon { image }) = SourceSpec::parse(&req.source) else { return None };
    let how = req.compression.unwrap_or(Compression::Gzip);
    let named = image.rsplit_once('/').map_or(image.as_str(), |(_, last)| last);
    let tag = req.tag.clone().or_else(|| named.split_once(':').map(|(_, t)| t.to_owned()))?;
    (how != Compression::None && !req.register && !image.contains('@')).then_some((image, tag, how))
}

/// The source, and how its plain layers are to be compressed.
async fn open_source(
    app: &App,
    req: &PushRequest,
    spool: &tempfile::TempDir,
) -> Result<(Arc<dyn ImageSource>, Compression)> {
    let spec = SourceSpec::parse(&req.source)?;
    if req.register && !matches!(spec, SourceSpec::Registry(_)) {
        return Err(Error::Invalid(
            "`artifact register` takes a registry reference; to upload an image from disk or the Docker engine use `artifact push`".into(),
        ));
    }
    let how = req.compression.unwrap_or(match spec {
        SourceSpec::DockerArchive { .. } | SourceSpec::DockerDaemon { .. } => Compression::Gzip,
        SourceSpec::OciLayout { .. } | SourceSpec::Registry(_) => Compression::None,
    });
    let source: Arc<dyn ImageSource> = match spec {
        SourceSpec::Registry(_) if req.compression.is_some_and(|c| c != Compression::None) => {
            return Err(Error::Invalid(format!(
                "{} is in a registry and is copied as it is, digest and all; --compression is for docker-daemon:, docker-archive: and oci: sources",
                req.source
            )));
        }
        // A registry's image is pushed as it is: its digest is the one asked for.
        SourceSpec::Registry(reference) => {
            let client = registry_access::client_for_host(app, reference.api_host()).await?;
            return Ok((Arc::new(RegistrySource { client, reference }), Compression::None));
        }
        SourceSpec::OciLayout { dir, tag } => Arc::new(OciLayout::open(&dir, tag).await?),
        SourceSpec::DockerArchive { file, reference } => {
            let label = req.source.clone();
            let archive = tokio::task::spawn_blocking(move || DockerArchive::open(&file, reference.as_deref(), label))
                .await
                .map_err(|e| Error::Failed(e.to_string()))??;
            Arc::new(archive)
        }
        SourceSpec::DockerDaemon { image } => Arc::new(docker_daemon::export(&image, spool, None).await?.0),
    };
    Ok((source, how))
}
