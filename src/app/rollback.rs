//! `rollback`: point a bucket's moving tag back at one of its earlier
//! artifacts, by digest, and record who did it and why.

use super::bucket_tags::BucketTags;
use super::{App, bucket_lock, registry_access};
use crate::control::freezes::unless_forced;
use crate::error::{Error, Result};
use crate::model::{Artifact, BucketEvent};

pub struct RollbackRequest {
    pub integration: String,
    pub bucket: String,
    pub to: Option<i64>,
    pub reason: Option<String>,
    /// Through a freeze, by someone allowed to, with the reason.
    pub forced: bool,
    /// Say what would change, and change nothing.
    pub dry_run: bool,
}

/// What a rollback would do, asked with `--dry-run`.
#[derive(Debug, serde::Serialize)]
pub struct RollbackPlan {
    pub integration: String,
    pub bucket: String,
    pub from: Artifact,
    pub to: Artifact,
}

#[derive(Debug, serde::Serialize)]
pub struct RollbackOutcome {
    pub event: BucketEvent,
    pub from: Artifact,
    pub to: Artifact,
}

/// What `rollback` would do: checked as it would be, nothing written.
pub async fn plan(app: &App, req: RollbackRequest) -> Result<RollbackPlan> {
    check_reason(&req)?;
    let integration = app.plane.integration(&req.integration).await?;
    if unless_forced(app.plane.check_write(&integration.name, &req.bucket, None).await, req.forced)? {
        app.plane.check_force(crate::model::Forcing::ThroughFreeze).await?;
    }
    let (from, to) = choose(app, &integration.name, &req).await?;
    Ok(RollbackPlan { integration: integration.name, bucket: req.bucket, from, to })
}

pub async fn rollback(app: &App, req: RollbackRequest) -> Result<RollbackOutcome> {
    check_reason(&req)?;
    let integration = app.plane.integration(&req.integration).await?;
    if unless_forced(app.plane.check_write(&integration.name, &req.bucket, None).await, req.forced)? {
        app.plane.check_force(crate::model::Forcing::ThroughFreeze).await?;
    }
    let registry = app.plane.registry(integration.registry_for(&req.bucket)).await?;
    let held = bucket_lock::acquire(app, &integration.name, &req.bucket).await?;
    let outcome = async {
        let (current, target) = choose(app, &integration.name, &req).await?;
        let client = registry_access::client_for(app, &registry, Some((&integration.name, &req.bucket))).await?;
        let repo = registry.bucket_repository(&integration, &req.bucket);
        let manifest = client.get_manifest(&repo, target.digest.as_str()).await?;
        let tags = BucketTags { client: &client, repo: &repo, held: &held };
        let moving_tag = integration.current_tag(&req.bucket);
        tags.put(&moving_tag, &manifest, "nothing in the registry was changed").await?;
        match app.plane.record_rollback(&held.lock, target.id, req.reason.clone(), req.forced).await {
            Ok(event) => Ok(RollbackOutcome { event, from: current, to: target }),
            Err(e) => Err(tags.put_back(&moving_tag, Some(&current), e).await),
        }
    }
    .await;
    // A record releases the lease with it; anything else hands the bucket back.
    match &outcome {
        Ok(_) => held.recorded(),
        _ => held.release().await,
    }
    outcome
}

fn check_reason(req: &RollbackRequest) -> Result<()> {
    if req.forced && req.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(Error::Invalid("a forced move needs a reason, which the audit log keeps".into()));
    }
    Ok(())
}

/// The artifact that was the bucket's head before the current one.
async fn previous_head(app: &App, integration: &str, bucket: &str, current: i64) -> Result<Artifact> {
    let events = app.plane.bucket_events(integration, Some(bucket), 1000).await?;
    let previous = events.iter().skip_while(|e| e.artifact_id == current).find(|e| e.artifact_id != current);
    match previous {
        Some(e) => app.plane.artifact(e.artifact_id).await,
        None => Err(Error::NotFound(format!(
            "bucket {bucket} of {integration} has had no other artifact; there is nothing earlier to roll back to"
        ))),
    }
}

/// The bucket's head now, and the artifact the rollback goes to.
async fn choose(app: &App, integration: &str, req: &RollbackRequest) -> Result<(Artifact, Artifact)> {
    let current = app.plane.current_artifact(integration, &req.bucket).await?.ok_or_else(|| {
        Error::NotFound(format!(
            "bucket {} of {} holds no artifact; there is nothing to roll back",
            req.bucket, integration
        ))
    })?;
    let target = match req.to {
        Some(id) => {
            let a = app.plane.artifact(id).await?;
            if a.integration != integration || a.bucket != req.bucket {
                return Err(Error::NotFound(format!(
                    "artifact {id} is not in bucket {} of {} (it is in {} of {})",
                    req.bucket, integration, a.bucket, a.integration
                )));
            }
            if a.id == current.id {
                return Err(Error::Refused(format!(
                    "artifact {id} is already the head of bucket {}; nothing to roll back",
                    req.bucket
                )));
            }
            a
        }
        None => previous_head(app, integration, &req.bucket, current.id).await?,
    };
    Ok((current, target))
}
