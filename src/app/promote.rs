//! `promote`: move the exact digest a source bucket holds to the next stage
//! of the workflow. The digest is fixed when the promotion is asked for and
//! everything after uses it, never a tag (invariant 2); only the next stage
//! is allowed (invariant 3); the target bucket is held while its tags and
//! record change (invariant 4).

use std::sync::Arc;

use super::{App, bucket_lock, buckets, registry_access};
use crate::control::{ArtifactKey, NewPromotion};
use crate::error::{Error, Result};
use crate::model::{Artifact, Digest, Promotion};
use crate::registry::copy::{Copy, CopyReport};
use crate::registry::referrers::{ReferrerCopy, ReferrersReport};
use crate::registry::source::RegistrySource;

pub struct PromoteRequest {
    pub integration: String,
    pub from: String,
    pub to: String,
    pub artifact: Option<i64>,
    pub digest: Option<Digest>,
    pub reason: Option<String>,
    pub dry_run: bool,
    /// Copy signatures and attestations of the digest along with it.
    pub referrers: bool,
}

#[derive(Debug, serde::Serialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
#[allow(clippy::large_enum_variant, reason = "made once per command and printed")]
pub enum PromoteOutcome {
    Done {
        promotion: Promotion,
        artifact: Artifact,
        copy: CopyReport,
        referrers: ReferrersReport,
    },
    /// The target already has this artifact at its head.
    Unchanged {
        artifact: Artifact,
    },
    DryRun {
        plan: PromotionPlan,
    },
}

#[derive(Debug, serde::Serialize)]
pub struct PromotionPlan {
    pub integration: String,
    pub from: String,
    pub to: String,
    pub artifact_id: i64,
    pub tag: String,
    pub digest: Digest,
    pub source: String,
    pub target: String,
}

pub async fn promote(app: &App, req: PromoteRequest) -> Result<PromoteOutcome> {
    let integration = app.plane.integration(&req.integration).await?;
    let workflow = buckets::workflow_of(app, &integration).await?;
    for bucket in [&req.from, &req.to] {
        if !workflow.stages.contains(bucket) {
            return Err(Error::NotFound(format!(
                "unknown bucket {bucket:?} for integration {}: its workflow {} is {}",
                integration.name,
                workflow.name,
                workflow.path()
            )));
        }
    }
    if workflow.next_stage(&req.from) != Some(req.to.as_str()) {
        let allowed = match workflow.next_stage(&req.from) {
            Some(next) => format!("allows {} -> {next} only (run with --to {next})", req.from),
            None => format!("ends at {}; nothing follows it", req.from),
        };
        return Err(Error::Refused(format!(
            "cannot promote {} from {} to {}: the workflow {:?} {allowed}",
            integration.name, req.from, req.to, workflow.name
        )));
    }
    let source = source_artifact(app, &req).await?;
    // A promotion already done is answered from the record, with no registry work.
    if !req.dry_run
        && let Some(current) = app.plane.current_artifact(&integration.name, &req.to).await?
        && current.digest == source.digest
        && current.tag == source.tag
    {
        return Ok(PromoteOutcome::Unchanged { artifact: current });
    }
    let registry = app.plane.registry(&integration.registry).await?;
    let from_repo = registry_access::bucket_repository(&registry, &integration, &req.from);
    let to_repo = registry_access::bucket_repository(&registry, &integration, &req.to);
    let to_tag = integration.artifact_tag(&req.to, &source.tag);
    if req.dry_run {
        return Ok(PromoteOutcome::DryRun {
            plan: PromotionPlan {
                integration: integration.name.clone(),
                from: req.from,
                to: req.to,
                artifact_id: source.id,
                tag: source.tag.clone(),
                digest: source.digest.clone(),
                source: format!("{}/{from_repo}@{}", registry.host(), source.digest),
                target: format!("{}/{to_repo}:{to_tag}", registry.host()),
            },
        });
    }

    let client = registry_access::client_for(app, &registry).await?;
    let from_ref = format!("{}/{from_repo}@{}", registry.host(), source.digest);
    let reference = from_ref.parse().map_err(Error::Registry)?;
    let manifest = client.get_manifest(&from_repo, source.digest.as_str()).await?;
    let image = Arc::new(RegistrySource { client: client.clone(), reference });
    let copy = Copy {
        source: image.as_ref(),
        dest: &client,
        dest_repo: &to_repo,
        concurrency: app.concurrency,
        progress: app.reporter.progress(&format!("{} -> {}", req.from, req.to)),
    };
    let referrers = ReferrerCopy {
        client: &client,
        from_repo: &from_repo,
        to_repo: &to_repo,
        concurrency: app.concurrency,
        progress: app.reporter.progress("referrers"),
    };
    // The image's blobs and its referrers at once, both before the tags move:
    // whoever pulls the new head finds its content and its signature there.
    let (report, referrers) = tokio::try_join!(
        async { if from_repo == to_repo { Ok(CopyReport::default()) } else { copy.content_of(&manifest).await } },
        async { if req.referrers { referrers.of(&source.digest).await } else { Ok(ReferrersReport::default()) } }
    )?;

    let held = bucket_lock::acquire(app, &integration.name, &req.to).await?;
    let outcome = async {
        let current = app.plane.current_artifact(&integration.name, &req.to).await?;
        if let Some(current) = current
            && current.digest == source.digest
            && current.tag == source.tag
        {
            return Ok(PromoteOutcome::Unchanged { artifact: current });
        }
        if let Some(taken) = app.plane.find_artifact(&integration.name, &req.to, ArtifactKey::Tag(&source.tag)).await?
            && taken.digest != source.digest
        {
            return Err(Error::Refused(format!(
                "tag {} in bucket {} already names {} (artifact {}); tags are immutable, so this artifact cannot be promoted under it",
                source.tag, req.to, taken.digest, taken.id
            )));
        }
        client.put_manifest(&to_repo, &to_tag, &manifest).await?;
        client.put_manifest(&to_repo, &integration.current_tag(&req.to), &manifest).await?;
        let (promotion, artifact) = app
            .plane
            .record_promotion(
                &held.lock,
                NewPromotion {
                    source: source.clone(),
                    to_bucket: req.to.clone(),
                    image_uri: registry_access::pinned_uri(&registry, &to_repo, &source.digest),
                    tag: source.tag.clone(),
                    reason: req.reason.clone(),
                    forced: false,
                },
            )
            .await?;
        Ok(PromoteOutcome::Done { promotion, artifact, copy: report, referrers })
    }
    .await;
    // A record releases the lease with it; anything else hands the bucket back.
    match &outcome {
        Ok(PromoteOutcome::Done { .. }) => held.recorded(),
        _ => held.release().await,
    }
    outcome
}

/// The artifact to promote, fixed now: `--artifact`, else the newest with
/// `--digest`, else the source bucket's head.
async fn source_artifact(app: &App, req: &PromoteRequest) -> Result<Artifact> {
    if let Some(id) = req.artifact {
        let a = app.plane.artifact(id).await?;
        if a.integration != req.integration || a.bucket != req.from {
            return Err(Error::NotFound(format!(
                "artifact {id} is not in bucket {} of {} (it is in {} of {})",
                req.from, req.integration, a.bucket, a.integration
            )));
        }
        if let Some(d) = &req.digest
            && *d != a.digest
        {
            return Err(Error::Invalid(format!("artifact {id} has digest {}, not {d}", a.digest)));
        }
        return Ok(a);
    }
    if let Some(d) = &req.digest {
        return app.plane.find_artifact(&req.integration, &req.from, ArtifactKey::Digest(d)).await?.ok_or_else(|| {
                Error::NotFound(format!(
                    "no artifact with digest {d} is in bucket {} of {}; `facetctl artifact list --integration {} --bucket {}` shows what is",
                    req.from, req.integration, req.integration, req.from
                ))
            });
    }
    app.plane.current_artifact(&req.integration, &req.from).await?.ok_or_else(|| {
        Error::NotFound(format!(
            "bucket {} of {} holds no artifact yet; push one first (facetctl artifact push ... --bucket {})",
            req.from, req.integration, req.from
        ))
    })
}
