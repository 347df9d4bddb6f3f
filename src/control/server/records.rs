//! What Facets lacks, in the same style under /cc-ui/v1: bucket leases, the
//! records of pushes, promotions and rollbacks, current heads, environments,
//! push credentials. Bodies are the documents `facetctl -o json` prints. A
//! write into a protected bucket (an environment of a production release
//! stream, or a production release stream) needs release-manager; the lease
//! token travels in `x-facetctl-lock`.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};

use super::ServerState;
use super::api::{ApiError, plane};
use super::auth::Caller;
use crate::control::{ArtifactKey, BucketLock, ControlPlane, Embedded, LockAttempt, NewArtifact, NewPromotion};
use crate::error::Error;
use crate::model::*;

type ApiResult<T> = Result<Json<T>, ApiError>;

pub const LOCK_HEADER: &str = "x-facetctl-lock";

/// The answer to a lease request.
#[derive(Serialize, Deserialize)]
pub struct LockAnswer {
    pub acquired: bool,
    pub token: Option<String>,
    pub holder: Option<String>,
    pub since: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct RecordArtifact {
    pub image_uri: String,
    pub tag: String,
    pub digest: Digest,
    pub media_type: String,
    pub external_id: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    pub kind: BucketEventKind,
}

#[derive(Serialize, Deserialize)]
pub struct RecordPromotion {
    /// The artifact in the source bucket; the server reads it, the client does not describe it.
    pub source_artifact_id: i64,
    pub image_uri: String,
    pub tag: String,
    pub reason: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct PromotionRecorded {
    pub promotion: Promotion,
    pub artifact: Artifact,
}

#[derive(Serialize, Deserialize)]
pub struct RecordRollback {
    pub artifact_id: i64,
    pub reason: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct NewEnvironment {
    pub name: String,
    pub release_stream: String,
}

#[derive(Serialize, Deserialize)]
pub struct PushCredentials {
    pub username: Option<String>,
    pub password: Option<String>,
}

fn lock_from(headers: &HeaderMap, ci: &str, bucket: &str) -> Result<BucketLock, ApiError> {
    let token = headers.get(LOCK_HEADER).and_then(|v| v.to_str().ok()).ok_or_else(|| {
        ApiError::from(Error::Invalid(format!("a write into a bucket needs its lease token in {LOCK_HEADER}")))
    })?;
    Ok(BucketLock { integration: ci.to_owned(), bucket: bucket.to_owned(), token: token.to_owned() })
}

/// Production buckets take writes from release managers and admins only.
pub async fn require_for_bucket(p: &Embedded, caller: &Caller, ci: &str, bucket: &str) -> Result<(), ApiError> {
    if caller.0.role.allows(Role::ReleaseManager) {
        return Ok(());
    }
    let integration = p.integration(ci).await?;
    let streams = p.release_streams().await?;
    let protected = match integration.registration_type {
        RegistrationType::ReleaseStream => streams.iter().any(|s| s.name == bucket && s.prod),
        RegistrationType::Environment => p
            .environments()
            .await?
            .iter()
            .any(|e| e.name == bucket && streams.iter().any(|s| s.name == e.release_stream && s.prod)),
    };
    if protected {
        return Err(ApiError::forbidden(format!(
            "bucket {bucket} of {ci} is protected (production); user {} is a {} and this needs release-manager",
            caller.0.name, caller.0.role
        )));
    }
    Ok(())
}

pub async fn lock(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
) -> ApiResult<LockAnswer> {
    let p = plane(&s, &c);
    require_for_bucket(&p, &c, &ci, &bucket).await?;
    Ok(Json(match p.lock_bucket(&ci, &bucket, &c.0.name).await? {
        LockAttempt::Acquired(l) => LockAnswer { acquired: true, token: Some(l.token), holder: None, since: None },
        LockAttempt::Busy { holder, since } => {
            LockAnswer { acquired: false, token: None, holder: Some(holder), since: Some(since) }
        }
    }))
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
    Json(r): Json<RecordArtifact>,
) -> ApiResult<Artifact> {
    let p = plane(&s, &c);
    require_for_bucket(&p, &c, &ci, &bucket).await?;
    let lock = lock_from(&headers, &ci, &bucket)?;
    let new = NewArtifact {
        integration: ci,
        bucket,
        image_uri: r.image_uri,
        tag: r.tag,
        digest: r.digest,
        media_type: r.media_type,
        external_id: r.external_id,
        description: r.description,
        metadata: r.metadata,
        kind: r.kind,
    };
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
    require_for_bucket(&p, &c, &ci, &bucket).await?;
    let lock = lock_from(&headers, &ci, &bucket)?;
    let source = p.artifact(r.source_artifact_id).await?;
    if source.integration != ci {
        return Err(Error::NotFound(format!("artifact {} is not in {ci}", source.id)).into());
    }
    let new =
        NewPromotion { source, to_bucket: bucket, image_uri: r.image_uri, tag: r.tag, reason: r.reason, forced: false };
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
    require_for_bucket(&p, &c, &ci, &bucket).await?;
    let lock = lock_from(&headers, &ci, &bucket)?;
    Ok(Json(p.record_rollback(&lock, r.artifact_id, r.reason).await?))
}

pub async fn current(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, bucket)): Path<(String, String)>,
) -> ApiResult<Option<Artifact>> {
    Ok(Json(plane(&s, &c).current_artifact(&ci, &bucket).await?))
}

pub async fn artifact(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Artifact> {
    let id = id.parse().map_err(|_| ApiError::from(Error::NotFound(format!("no artifact has id {id:?}"))))?;
    Ok(Json(plane(&s, &c).artifact(id).await?))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketQuery {
    registration_value: Option<String>,
    limit: Option<u32>,
    /// With registrationValue: the one artifact under this tag, if any.
    tag: Option<String>,
    /// With registrationValue: the newest artifact with this digest, if any.
    digest: Option<String>,
}

pub async fn artifact_records(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(ci): Path<String>,
    Query(q): Query<BucketQuery>,
) -> ApiResult<Vec<Artifact>> {
    let plane = plane(&s, &c);
    let digest = q.digest.as_deref().map(str::parse::<Digest>).transpose().map_err(|e| Error::Invalid(e.0))?;
    let key = match (&q.tag, &digest) {
        (Some(tag), None) => Some(ArtifactKey::Tag(tag)),
        (None, Some(digest)) => Some(ArtifactKey::Digest(digest)),
        (None, None) => None,
        (Some(_), Some(_)) => return Err(Error::Invalid("give tag or digest, not both".into()).into()),
    };
    match (key, q.registration_value.as_deref()) {
        (None, bucket) => Ok(Json(plane.artifacts(&ci, bucket).await?)),
        (Some(key), Some(bucket)) => Ok(Json(plane.find_artifact(&ci, bucket, key).await?.into_iter().collect())),
        (Some(_), None) => {
            Err(Error::Invalid("tag and digest need registrationValue, the bucket to look in".into()).into())
        }
    }
}

pub async fn promotions(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(ci): Path<String>,
    Query(q): Query<BucketQuery>,
) -> ApiResult<Vec<Promotion>> {
    Ok(Json(plane(&s, &c).promotions(&ci, q.limit.unwrap_or(50).min(1000)).await?))
}

pub async fn environments(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
) -> ApiResult<Vec<Environment>> {
    Ok(Json(plane(&s, &c).environments().await?))
}

pub async fn create_environment(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Json(r): Json<NewEnvironment>,
) -> ApiResult<Environment> {
    Ok(Json(plane(&s, &c).create_environment(&r.name, &r.release_stream).await?))
}

pub async fn remove_registry(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    plane(&s, &c).remove_registry(&name).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The credentials the server holds for a registry, for a developer's push.
pub async fn push_credentials(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
) -> ApiResult<PushCredentials> {
    let creds = plane(&s, &c).registry_credentials(&name).await?;
    Ok(Json(PushCredentials {
        username: creds.as_ref().map(|c| c.username.clone()),
        password: creds.map(|c| c.secret.expose().to_owned()),
    }))
}
