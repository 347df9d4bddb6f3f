//! `promote`: move the exact digest a source bucket holds to the next stage
//! of the workflow. The digest is fixed when the promotion is asked for and
//! everything after uses it, never a tag (invariant 2); only the next stage
//! is allowed (invariant 3); the target bucket is held while its tags and
//! record change (invariant 4).

use std::sync::Arc;

use super::bucket_tags::{self, BucketTags};
use super::{App, bucket_lock, registry_access};
use crate::control::NewRequest;
use crate::control::freezes::unless_forced;
use crate::control::{ArtifactKey, NewPromotion, TagRepair, TagRole};
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::model::{Artifact, Digest, Forcing, Promotion, PromotionRequest, check_step};
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
    /// Skip a stage or go through a freeze, by someone allowed to, with the reason.
    pub forced: bool,
    /// The approved promotion request this runs (into a gated stage).
    pub request: Option<i64>,
    /// How long a request into a gated stage waits for approvals.
    pub expires_in: std::time::Duration,
    /// The release this move is part of (`promote --integration a,b,c`).
    pub release: Option<String>,
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
        /// The registry's moving tag had drifted from the record and was put back.
        #[serde(skip_serializing_if = "Option::is_none")]
        repaired: Option<TagRepair>,
    },
    DryRun {
        plan: PromotionPlan,
    },
    /// The stage is gated: a request now waits for approvals, pinned to this artifact.
    Requested {
        request: PromotionRequest,
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
    /// Approvals the move would wait for, into a gated stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approvals_needed: Option<u32>,
    /// Who recorded the artifact in the source bucket, and when.
    pub pushed_by: String,
    pub pushed_at: chrono::DateTime<chrono::Utc>,
    /// The target's head now, which the move replaces.
    pub replaces: Option<Head>,
    /// Whether the target is protected (an environment or stream of production).
    pub protected: bool,
}

/// A bucket's head, as a plan shows what it replaces.
#[derive(Debug, serde::Serialize)]
pub struct Head {
    pub artifact_id: i64,
    pub tag: String,
    pub digest: Digest,
    pub by: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl From<Artifact> for Head {
    fn from(a: Artifact) -> Head {
        Head { artifact_id: a.id, tag: a.tag, digest: a.digest, by: a.created_by, at: a.created_at }
    }
}

/// Whether `bucket` is protected: a production release stream, or an environment of one.
/// The control plane decides this again where it records; a plan says it ahead, to ask first.
async fn is_protected(app: &App, bucket: &str) -> Result<bool> {
    let streams = app.plane.release_streams().await?;
    let prod = |name: &str| streams.iter().any(|r| r.prod && r.name.eq_ignore_ascii_case(name));
    if prod(bucket) {
        return Ok(true);
    }
    let environments = app.plane.environments().await?;
    Ok(environments.iter().any(|e| e.name.eq_ignore_ascii_case(bucket) && prod(&e.release_stream)))
}

pub async fn promote(app: &App, req: PromoteRequest) -> Result<PromoteOutcome> {
    if req.forced && req.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(Error::Invalid("a forced move needs a reason, which the audit log keeps".into()));
    }
    let integration = app.plane.integration(&req.integration).await?;
    let workflow = match &integration.workflow {
        Some(w) => Some(app.plane.workflow(w).await?),
        None => None,
    };
    // The control plane checks the step again when it records; this is for an early, friendlier answer.
    // A forced move asks, before any registry work, whether the caller may force what it skips.
    match check_step(&integration.name, workflow.as_ref(), &req.from, &req.to) {
        Err(off) if !req.forced => return Err(off.into()),
        Err(_) => app.plane.check_force(Forcing::OffWorkflow).await?,
        Ok(()) => {}
    }
    let source = source_artifact(app, &req).await?;
    // Into a gated stage, a promotion is first a request: who may move it, and whether the bucket
    // is frozen then, is the approvers' run's to find out, at its record.
    let gate = workflow.as_ref().and_then(|w| w.gate(&req.to)).filter(|_| req.request.is_none());
    if let Some(gate) = gate
        && req.forced
    {
        return Err(gate.refusal(&integration.name).into());
    }
    if gate.is_some() && !req.dry_run {
        let new = NewRequest {
            integration: integration.name.clone(),
            source_artifact_id: source.id,
            to: req.to.clone(),
            reason: req.reason.clone(),
            expires_in_seconds: req.expires_in.as_secs(),
        };
        return Ok(PromoteOutcome::Requested { request: app.plane.request_promotion(new).await? });
    }
    // A dry run into a gated stage says what a run of the request would be refused for now.
    if (gate.is_none() || req.dry_run)
        && unless_forced(app.plane.check_write(&integration.name, &req.to, Some(&source.tag)).await, req.forced)?
    {
        app.plane.check_force(Forcing::ThroughFreeze).await?;
    }
    // Each bucket may live in its own registry (production in another account, say).
    let from_registry = app.plane.registry(integration.registry_for(&req.from)).await?;
    let registry = match integration.registry_for(&req.to) {
        same if same == from_registry.name => from_registry.clone(),
        other => app.plane.registry(other).await?,
    };
    let from_repo = from_registry.bucket_repository(&integration, &req.from);
    let to_repo = registry.bucket_repository(&integration, &req.to);
    let same_place = from_registry.name == registry.name && from_repo == to_repo;
    let moving_tag = integration.current_tag(&req.to);
    let to_tag = integration.artifact_tag(&req.to, &source.tag);
    if req.dry_run {
        let replaces = app.plane.current_artifact(&integration.name, &req.to).await?.map(Head::from);
        let protected = is_protected(app, &req.to).await?;
        return Ok(PromoteOutcome::DryRun {
            plan: PromotionPlan {
                integration: integration.name.clone(),
                from: req.from,
                to: req.to,
                artifact_id: source.id,
                tag: source.tag.clone(),
                digest: source.digest.clone(),
                source: format!("{}/{from_repo}@{}", from_registry.host(), source.digest),
                target: format!("{}/{to_repo}:{to_tag}", registry.host()),
                approvals_needed: gate.map(|g| g.approvals),
                pushed_by: source.created_by.clone(),
                pushed_at: source.created_at,
                replaces,
                protected,
            },
        });
    }

    let client = registry_access::client_for(app, &registry, Some((&integration.name, &req.to))).await?;
    // Read from the source bucket's registry with what may be read there: its own client when it
    // is another registry, the target's client (and its token) when they are one.
    let from_client = if from_registry.name == registry.name {
        client.clone()
    } else {
        registry_access::client_for(app, &from_registry, Some((&integration.name, &req.from))).await?
    };
    // A promotion already done changes nothing, once the registry's moving tag is seen to agree
    // with the record; one that drifted is put back under the lease, below.
    if let Some(current) = app.plane.current_artifact(&integration.name, &req.to).await?
        && current.digest == source.digest
        && current.tag == source.tag
        && bucket_tags::drift(&client, &to_repo, &moving_tag, &current.digest).await?.is_none()
    {
        return Ok(PromoteOutcome::Unchanged { artifact: current, repaired: None });
    }
    let from_ref = format!("{}/{from_repo}@{}", from_registry.host(), source.digest);
    let reference = from_ref.parse().map_err(Error::Registry)?;
    let manifest = from_client.get_manifest(&from_repo, source.digest.as_str()).await?;
    let image = Arc::new(RegistrySource { client: from_client.clone(), reference });
    let copy = Copy {
        source: image.as_ref(),
        dest: &client,
        dest_repo: &to_repo,
        concurrency: app.concurrency,
        progress: app.reporter.progress(&format!("{} -> {}", req.from, req.to)),
    };
    let referrers = ReferrerCopy {
        from: &from_client,
        to: &client,
        from_repo: &from_repo,
        to_repo: &to_repo,
        concurrency: app.concurrency,
        progress: app.reporter.progress("referrers"),
    };
    // The image's blobs and its referrers at once, both before the tags move:
    // whoever pulls the new head finds its content and its signature there.
    let (report, referrers) = tokio::try_join!(
        async { if same_place { Ok(CopyReport::default()) } else { copy.content_of(&manifest).await } },
        async { if req.referrers { referrers.of(&source.digest).await } else { Ok(ReferrersReport::default()) } }
    )?;

    let held = bucket_lock::acquire(app, &integration.name, &req.to).await?;
    let outcome = async {
        let current = app.plane.current_artifact(&integration.name, &req.to).await?;
        let tags = BucketTags { client: &client, repo: &to_repo, held: &held };
        if let Some(current) = &current
            && current.digest == source.digest
            && current.tag == source.tag
        {
            // Seen again under the lease: no other writer is moving the tag now.
            let Some(found) = bucket_tags::drift(&client, &to_repo, &moving_tag, &current.digest).await? else {
                return Ok(PromoteOutcome::Unchanged { artifact: current.clone(), repaired: None });
            };
            let fix = TagRepair {
                integration: integration.name.clone(),
                bucket: req.to.clone(),
                tag: moving_tag.clone(),
                role: TagRole::Moving,
                artifact_id: current.id,
                expected: current.digest.clone(),
                found,
            };
            let fix = bucket_tags::repair(&tags, app.plane.as_ref(), fix).await?;
            return Ok(PromoteOutcome::Unchanged { artifact: current.clone(), repaired: Some(fix) });
        }
        if let Some(taken) = app.plane.find_artifact(&integration.name, &req.to, ArtifactKey::Tag(&source.tag)).await?
            && taken.digest != source.digest
        {
            return Err(Error::Refused(format!(
                "tag {} in bucket {} already names {} (artifact {}); tags are immutable, so this artifact cannot be promoted under it",
                source.tag, req.to, taken.digest, taken.id
            )));
        }
        tags.put(&to_tag, &manifest, "nothing in the registry was changed").await?;
        let touched = format!("tag {to_tag} was written, the moving tag {moving_tag} was not");
        tags.put(&moving_tag, &manifest, &touched).await?;
        let new = NewPromotion {
            source_artifact_id: source.id,
            reason: req.reason.clone(),
            forced: req.forced,
            request: req.request,
            release: req.release.clone(),
        };
        match app.plane.record_promotion(&held.lock, new).await {
            Ok((promotion, artifact)) => Ok(PromoteOutcome::Done { promotion, artifact, copy: report, referrers }),
            Err(e) => Err(tags.put_back(&moving_tag, current.as_ref(), e).await),
        }
    }
    .await;
    // A record releases the lease with it; anything else hands the bucket back.
    match &outcome {
        Ok(PromoteOutcome::Done { .. } | PromoteOutcome::Unchanged { repaired: Some(_), .. }) => held.recorded(),
        _ => held.release().await,
    }
    outcome
}

/// The artifact to promote, fixed now: `--artifact`, else the newest with
/// `--digest`, else the source bucket's head.
async fn source_artifact(app: &App, req: &PromoteRequest) -> Result<Artifact> {
    if let Some(id) = req.artifact {
        let a = app.plane.artifact(id).await.map_err(|e| match e.kind() {
            ErrorKind::NotFound => Error::NotFound(e.bare().to_string()).hint(Hint::List {
                what: "artifact".into(),
                integration: Some(req.integration.clone()),
                bucket: Some(req.from.clone()),
            }),
            _ => e,
        })?;
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
            Error::NotFound(format!("no artifact with digest {d} is in bucket {} of {}", req.from, req.integration))
                .hint(Hint::List {
                    what: "artifact".into(),
                    integration: Some(req.integration.clone()),
                    bucket: Some(req.from.clone()),
                })
        });
    }
    app.plane.current_artifact(&req.integration, &req.from).await?.ok_or_else(|| {
        Error::NotFound(format!("bucket {} of {} holds no artifact yet", req.from, req.integration))
            .hint(Hint::PushFirst { bucket: req.from.clone() })
    })
}
