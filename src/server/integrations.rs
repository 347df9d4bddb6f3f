//! CI integrations [ArtifactCI] in Facets' shapes, and what facetctl adds
//! for each: its artifacts with digests, its buckets' history, its
//! promotions and its artifact records.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;

use super::ServerState;
use super::api::{ApiError, ApiResult, bad, body, id_of, plane};
use super::auth::Caller;
use super::routing_rules::rule_by_id;
use super::workflows::workflow_by_id;
use crate::control::wire::*;
use crate::control::*;
use crate::error::Error;
use crate::model::*;

async fn ci_dto(p: &Embedded, i: Integration) -> Result<ArtifactCi, ApiError> {
    let workflow_id = match &i.workflow {
        Some(w) => Some(p.workflow(w).await?.id.to_string()),
        None => None,
    };
    let rule_id = match &i.rule {
        Some(r) => Some(p.rule(r).await?.id.to_string()),
        None => None,
    };
    let at = i.created_at.to_rfc3339();
    Ok(ArtifactCi {
        id: i.id.to_string(),
        ci_name: i.name,
        registration_type: i.registration_type,
        promotion_workflow_id: workflow_id,
        created_by: i.created_by.clone(),
        creation_date: at.clone(),
        last_modified_by: i.created_by,
        last_modified_date: at,
        artifactory: i.registry,
        repository: i.repository,
        layout: i.layout,
        promotion_workflow_name: i.workflow,
        rule_id,
        rule_name: i.rule,
        bucket_artifactories: i.bucket_registries,
    })
}

pub async fn list_cis(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
) -> ApiResult<Vec<ArtifactCi>> {
    let p = plane(&s, &c);
    let mut out = Vec::new();
    for i in p.integrations().await? {
        out.push(ci_dto(&p, i).await?);
    }
    Ok(Json(out))
}

pub async fn create_ci(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<ArtifactCi> {
    let req: ArtifactCiRequest = body(&raw)?;
    let p = plane(&s, &c);
    let registry = req.artifactory.ok_or_else(|| {
        bad("artifactory is required: the name of a registry (GET /cc-ui/v1/artifactories lists them)")
    })?;
    let workflow = match req.promotion_workflow_id {
        Some(id) => {
            let id = id_of(&id, "workflow")?;
            Some(
                p.workflows()
                    .await?
                    .into_iter()
                    .find(|w| w.id == id)
                    .ok_or_else(|| ApiError::from(Error::NotFound(format!("no workflow has id {id}"))))?
                    .name,
            )
        }
        None => None,
    };
    // The rule is checked before anything is created, so a refusal leaves nothing half made.
    let rule = match &req.rule_id {
        Some(rule_id) => {
            let rule = rule_by_id(&p, rule_id).await?;
            rule.fits(&req.ci_name, req.registration_type).map_err(Error::from)?;
            Some(rule.name)
        }
        None => None,
    };
    let new = NewIntegration {
        repository: req.repository.unwrap_or_else(|| req.ci_name.clone()),
        name: req.ci_name,
        registration_type: req.registration_type,
        registry,
        layout: req.layout.unwrap_or(Layout::RepositoryPerBucket),
        workflow,
        bucket_registries: req.bucket_artifactories.unwrap_or_default(),
    };
    let mut created = p.create_integration(new).await?;
    if let Some(rule) = rule {
        created = p.set_integration_rule(&created.name, Some(&rule)).await?;
    }
    Ok(Json(ci_dto(&p, created).await?))
}

async fn ci_by_id(p: &Embedded, id: &str) -> Result<Integration, ApiError> {
    let id = id_of(id, "CI integration")?;
    p.integrations()
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| ApiError::from(Error::NotFound(format!("no CI integration has id {id}"))))
}

pub async fn get_ci(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<ArtifactCi> {
    let p = plane(&s, &c);
    let i = ci_by_id(&p, &id).await?;
    Ok(Json(ci_dto(&p, i).await?))
}

pub async fn get_ci_by_name(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
) -> ApiResult<ArtifactCi> {
    let p = plane(&s, &c);
    let i = p.integration(&name).await?;
    Ok(Json(ci_dto(&p, i).await?))
}

/// `PUT /cc-ui/v1/artifacts-ci/{ciId}`: attaches or detaches the promotion workflow and the
/// routing rule (both as given: one left out is detached). Moving an
/// integration with history to another registry, repository or layout would strand its artifacts.
pub async fn update_ci(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
    raw: Bytes,
) -> ApiResult<ArtifactCi> {
    let req: ArtifactCiRequest = body(&raw)?;
    let p = plane(&s, &c);
    let current = ci_by_id(&p, &id).await?;
    let moved = req.ci_name != current.name
        || req.registration_type != current.registration_type
        || req.artifactory.as_ref().is_some_and(|a| *a != current.registry)
        || req.repository.as_ref().is_some_and(|r| *r != current.repository)
        || req.layout.is_some_and(|l| l != current.layout);
    if moved {
        return Err(ApiError::from(Error::Refused(format!(
            "only the promotion workflow and routing rule of {} can change; its name, type, registry, repository and layout hold its history",
            current.name
        ))));
    }
    let workflow = match req.promotion_workflow_id {
        Some(wid) => Some(workflow_by_id(&p, &wid).await?.name),
        None => None,
    };
    let rule = match req.rule_id {
        Some(rid) => {
            let rule = rule_by_id(&p, &rid).await?;
            rule.fits(&current.name, current.registration_type).map_err(Error::from)?;
            Some(rule.name)
        }
        None => None,
    };
    let mut updated = current;
    // Given, the map is the whole of it: a bucket left out goes back to the integration's registry.
    // All of it or none, before the workflow and rule change (both already checked above).
    if let Some(wanted) = req.bucket_artifactories {
        // Every bucket named goes to the store, which checks it and leaves an unchanged one be.
        let mut changes: Vec<(String, Option<String>)> =
            wanted.iter().map(|(bucket, registry)| (bucket.clone(), Some(registry.clone()))).collect();
        let dropped = updated.bucket_registries.keys().filter(|b| !wanted.keys().any(|w| w.eq_ignore_ascii_case(b)));
        changes.extend(dropped.map(|bucket| (bucket.clone(), None)));
        if !changes.is_empty() {
            updated = p.set_bucket_registries(&updated.name, &changes).await?;
        }
    }
    if updated.workflow != workflow {
        updated = p.set_integration_workflow(&updated.name, workflow.as_deref()).await?;
    }
    if updated.rule != rule {
        updated = p.set_integration_rule(&updated.name, rule.as_deref()).await?;
    }
    Ok(Json(ci_dto(&p, updated).await?))
}

pub async fn delete_ci(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let p = plane(&s, &c);
    let i = ci_by_id(&p, &id).await?;
    p.delete_integration(&i.name).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn ci_artifacts(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
) -> ApiResult<Vec<CiArtifact>> {
    let p = plane(&s, &c);
    let integration = p.integration(&name).await?;
    let artifacts = p.artifacts(&name, None).await?;
    Ok(Json(
        artifacts
            .into_iter()
            .map(|a| {
                let registry = integration.registry_for(&a.bucket).to_owned();
                CiArtifact::of(a, &registry, integration.registration_type)
            })
            .collect(),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryQuery {
    registration_value: Option<String>,
    limit: Option<u32>,
}

/// Each bucket's heads over time (not in Facets).
pub async fn ci_history(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
    Query(q): Query<HistoryQuery>,
) -> ApiResult<Vec<BucketEvent>> {
    let p = plane(&s, &c);
    Ok(Json(p.bucket_events(&name, q.registration_value.as_deref(), q.limit.unwrap_or(50).min(1000)).await?))
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
