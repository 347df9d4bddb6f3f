//! A bucket's routes, which Facets lacks, in the same style under
//! /cc-ui/v1: its lease, the write check asked before registry work, the
//! records of pushes, promotions, rollbacks and tag repairs, and its current
//! head. The lease token travels in `x-facetctl-lock`. Before a record the
//! lease is renewed and the registry is asked (the witness); the control
//! plane then checks every rule in the transaction that writes it.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;

use super::ServerState;
use super::api::{ApiError, ApiResult, plane};
use super::auth::Caller;
use crate::control::wire::*;
use crate::control::{BucketLock, ControlPlane, LockAttempt, NewArtifact, NewPromotion, TagRepair};
use crate::error::Error;
use crate::model::*;

fn lock_from(headers: &HeaderMap, ci: &str, bucket: &str) -> Result<BucketLock, ApiError> {
    let token = headers.get(LOCK_HEADER).and_then(|v| v.to_str().ok()).ok_or_else(|| {
        ApiError::from(Error::Invalid(format!("a write into a bucket needs its lease token in {LOCK_HEADER}")))
    })?;
    Ok(BucketLock {
        integration: ci.to_owned(),
        bucket: bucket.to_owned(),
        token: token.to_owned(),
        lease: crate::control::DEFAULT_LEASE,
    })
}

pub async fn lock(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
) -> ApiResult<LockAnswer> {
    let p = plane(&s, &c);
    Ok(Json(match p.lock_bucket(&ci, &bucket, &c.0.name).await? {
        LockAttempt::Acquired(l) => LockAnswer {
            acquired: true,
            token: Some(l.token),
            lease_ms: Some(l.lease.as_millis() as u64),
            holder: None,
            since: None,
        },
        LockAttempt::Busy { holder, since } => {
            LockAnswer { acquired: false, token: None, lease_ms: None, holder: Some(holder), since: Some(since) }
        }
    }))
}

#[derive(Deserialize)]
pub struct AccessQuery {
    /// A tag the caller means to give an artifact in the bucket.
    tag: Option<String>,
}

/// `GET .../buckets/{bucket}/access`: 204 when the caller may write the
/// bucket, asked before any registry work so a refused write uploads nothing.
pub async fn access(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
    Query(q): Query<AccessQuery>,
) -> Result<StatusCode, ApiError> {
    let p = plane(&s, &c);
    p.check_write(&ci, &bucket, q.tag.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn renew(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    plane(&s, &c).renew_lock(&lock_from(&headers, &ci, &bucket)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn unlock(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    plane(&s, &c).unlock_bucket(&lock_from(&headers, &ci, &bucket)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn record_artifact(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
    headers: HeaderMap,
    Json(new): Json<NewArtifact>,
) -> ApiResult<Artifact> {
    let p = plane(&s, &c);
    let lock = lock_from(&headers, &ci, &bucket)?;
    // The lease first, so the registry is asked only for its holder; then the tag, which goes into a URL.
    p.renew_lock(&lock).await?;
    p.check_write(&ci, &bucket, Some(&new.tag)).await?;
    let integration = p.integration(&ci).await?;
    let tags = [integration.artifact_tag(&bucket, &new.tag), integration.current_tag(&bucket)];
    witness(&s, &c, &ci, &bucket, &tags, &new.digest).await?;
    Ok(Json(p.record_artifact(&lock, new).await?))
}

pub async fn record_promotion(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
    headers: HeaderMap,
    Json(r): Json<RecordPromotion>,
) -> ApiResult<PromotionRecorded> {
    let p = plane(&s, &c);
    let lock = lock_from(&headers, &ci, &bucket)?;
    p.renew_lock(&lock).await?;
    let source = p.artifact(r.source_artifact_id).await?;
    if source.integration != ci {
        return Err(Error::NotFound(format!("artifact {} is not in {ci}", source.id)).into());
    }
    // What the record will refuse is refused before the registry is asked: the caller, the tag, the step.
    crate::control::freezes::unless_forced(p.check_write(&ci, &bucket, Some(&source.tag)).await, r.forced)?;
    let integration = p.integration(&ci).await?;
    let workflow = match &integration.workflow {
        Some(w) => Some(p.workflow(w).await?),
        None => None,
    };
    if !r.forced {
        check_step(&ci, workflow.as_ref(), &source.bucket, &bucket).map_err(Error::from)?;
    }
    // Into a gated stage only a request's run moves: anything else is refused before the registry is asked.
    if let Some(gate) = workflow.as_ref().and_then(|w| w.gate(&bucket))
        && r.request.is_none()
    {
        return Err(Error::from(gate.refusal(&ci)).into());
    }
    let tags = [integration.artifact_tag(&bucket, &source.tag), integration.current_tag(&bucket)];
    witness(&s, &c, &ci, &bucket, &tags, &source.digest).await?;
    let new = NewPromotion {
        source_artifact_id: source.id,
        reason: r.reason,
        forced: r.forced,
        request: r.request,
        release: r.release,
    };
    let (promotion, artifact) = p.record_promotion(&lock, new).await?;
    Ok(Json(PromotionRecorded { promotion, artifact }))
}

pub async fn record_rollback(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
    headers: HeaderMap,
    Json(r): Json<RecordRollback>,
) -> ApiResult<BucketEvent> {
    let p = plane(&s, &c);
    let lock = lock_from(&headers, &ci, &bucket)?;
    p.renew_lock(&lock).await?;
    let target = p.artifact(r.artifact_id).await?;
    if target.integration != ci || target.bucket != bucket {
        return Err(Error::NotFound(format!(
            "artifact {} is not in bucket {bucket} of {ci} (it is in {} of {})",
            target.id, target.bucket, target.integration
        ))
        .into());
    }
    crate::control::freezes::unless_forced(p.check_write(&ci, &bucket, None).await, r.forced)?;
    let integration = p.integration(&ci).await?;
    witness(&s, &c, &ci, &bucket, &[integration.current_tag(&bucket)], &target.digest).await?;
    Ok(Json(p.record_rollback(&lock, r.artifact_id, r.reason, r.forced).await?))
}

/// `POST .../buckets/{bucket}/repairs`: a tag put back on what the record says.
pub async fn record_repair(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
    headers: HeaderMap,
    Json(r): Json<TagRepair>,
) -> Result<StatusCode, ApiError> {
    let p = plane(&s, &c);
    let lock = lock_from(&headers, &ci, &bucket)?;
    p.renew_lock(&lock).await?;
    if r.integration != ci || r.bucket != bucket {
        return Err(Error::Invalid(format!(
            "this route repairs bucket {bucket} of {ci}, not {} of {}",
            r.bucket, r.integration
        ))
        .into());
    }
    validate_tag(&r.tag).map_err(Error::from)?;
    // Putting a tag back on what the record says moves nothing, so a freeze does not stop it.
    crate::control::freezes::unless_forced(p.check_write(&ci, &bucket, None).await, true)?;
    witness(&s, &c, &ci, &bucket, std::slice::from_ref(&r.tag), &r.expected).await?;
    p.record_repair(&lock, r).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The registry serves `digest` as `tag` of the bucket, seen with the
/// server's own credentials: the server records nothing on a client's word.
async fn witness(
    s: &ServerState,
    c: &Caller,
    ci: &str,
    bucket: &str,
    tags: &[String],
    digest: &Digest,
) -> Result<(), ApiError> {
    let app = super::artifacts::app_for(s, c);
    Ok(crate::app::witness::registry_holds(&app, ci, bucket, tags, digest).await?)
}

pub async fn current(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
) -> ApiResult<Option<Artifact>> {
    Ok(Json(plane(&s, &c).current_artifact(&ci, &bucket).await?))
}
