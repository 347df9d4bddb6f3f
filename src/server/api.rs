//! The Facets-compatible API: request and response bodies in Facets' field
//! names (`ciName`, `registrationType`, `workflowName`, `hierarchies`...),
//! errors as Facets' `ErrorDetails {code, message}`. Unknown fields in a
//! request are ignored; a missing required one is a 400. What Facets lacks
//! (digests, history) is added in the same style.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::ServerState;
use super::auth::Caller;
use crate::control::wire::{self, *};
use crate::control::{AuditFilter, ControlPlane, Embedded, NewIntegration, NewRegistry, NewWorkflow};
use crate::error::Error;
use crate::model::*;
use crate::registry::Secret;

pub fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(ErrorDetails { code: code.into(), message: message.into() })).into_response()
}

/// A handler's failure, answered as `ErrorDetails` with the status its kind calls for.
pub struct ApiError(Error);

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = wire::status_of(&self.0);
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        error_response(status, code, &self.0.to_string())
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

impl ApiError {
    pub fn forbidden(message: String) -> ApiError {
        ApiError(Error::Forbidden(message))
    }
}

/// The control plane, acting as the caller: the actor is who authenticated, never what the client says.
pub fn plane(state: &ServerState, caller: &Caller) -> Embedded {
    Embedded::new(state.store.clone(), Arc::clone(&state.secrets), caller.0.name.clone())
        .for_server(caller.0.role)
        .with_lease(state.lease)
}

/// Parses a JSON body, answering a malformed one or a missing field with a 400 that names it.
fn body<T: DeserializeOwned>(bytes: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError(Error::Invalid(format!("invalid request body: {e}"))))
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError(Error::Invalid(message.into()))
}

fn id_of(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError(Error::NotFound(format!("no {what} has id {raw:?}"))))
}

// ---- identity

pub async fn me(axum::Extension(caller): axum::Extension<Caller>) -> Json<Me> {
    Json(Me { username: caller.0.name, role: caller.0.role })
}

// ---- CI integrations [ArtifactCI]

async fn ci_dto(p: &Embedded, i: Integration) -> Result<ArtifactCi, ApiError> {
    let workflow_id = match &i.workflow {
        Some(w) => Some(p.workflow(w).await?.id.to_string()),
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
                    .ok_or_else(|| ApiError(Error::NotFound(format!("no workflow has id {id}"))))?
                    .name,
            )
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
    };
    let created = p.create_integration(new).await?;
    Ok(Json(ci_dto(&p, created).await?))
}

async fn ci_by_id(p: &Embedded, id: &str) -> Result<Integration, ApiError> {
    let id = id_of(id, "CI integration")?;
    p.integrations()
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| ApiError(Error::NotFound(format!("no CI integration has id {id}"))))
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

/// `PUT /cc-ui/v1/artifacts-ci/{ciId}`: attaches or detaches the promotion workflow. Moving an
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
        return Err(ApiError(Error::Refused(format!(
            "only the promotion workflow of {} can change; its name, type, registry, repository and layout hold its history",
            current.name
        ))));
    }
    let workflow = match req.promotion_workflow_id {
        Some(wid) => Some(workflow_by_id(&p, &wid).await?.name),
        None => None,
    };
    let updated = p.set_integration_workflow(&current.name, workflow.as_deref()).await?;
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
            .map(|a| CiArtifact {
                artifact_id: a.id.to_string(),
                artifact_name: a.integration,
                artifact_uri: a.image_uri,
                artifactory: integration.registry.clone(),
                tag: a.tag,
                digest: a.digest,
                registration_type: integration.registration_type,
                registration_value: a.bucket,
                external_id: a.external_id,
                build_description: a.description,
                metadata: a.metadata,
                promoted: a.promoted_from.is_some(),
                promoted_from: a.promoted_from.map(|i| i.to_string()),
                created_by: a.created_by,
                created_on: a.created_at.to_rfc3339(),
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

// ---- promotion workflows [PromotionWorkflow]

fn workflow_dto(w: Workflow) -> PromotionWorkflow {
    PromotionWorkflow {
        id: w.id.to_string(),
        workflow_name: w.name,
        registration_type: w.registration_type,
        hierarchies: Hierarchy::of(&w.stages),
        default_workflow: false,
        created_by: w.created_by,
        creation_date: w.created_at.to_rfc3339(),
    }
}

pub async fn list_workflows(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
) -> ApiResult<Vec<PromotionWorkflow>> {
    Ok(Json(plane(&s, &c).workflows().await?.into_iter().map(workflow_dto).collect()))
}

pub async fn create_workflow(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<PromotionWorkflow> {
    let req: PromotionWorkflowRequest = body(&raw)?;
    let new = NewWorkflow {
        name: req.workflow_name,
        registration_type: req.registration_type,
        stages: Hierarchy::stages(req.hierarchies),
        gates: Vec::new(),
    };
    Ok(Json(workflow_dto(plane(&s, &c).create_workflow(new).await?)))
}

async fn workflow_by_id(p: &Embedded, id: &str) -> Result<Workflow, ApiError> {
    let id = id_of(id, "workflow")?;
    p.workflows()
        .await?
        .into_iter()
        .find(|w| w.id == id)
        .ok_or_else(|| ApiError(Error::NotFound(format!("no workflow has id {id}"))))
}

pub async fn get_workflow(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<PromotionWorkflow> {
    Ok(Json(workflow_dto(workflow_by_id(&plane(&s, &c), &id).await?)))
}

/// `PUT /cc-ui/v1/workflow/{workflowId}`: new stages, from its hierarchies.
pub async fn update_workflow(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
    raw: Bytes,
) -> ApiResult<PromotionWorkflow> {
    let req: PromotionWorkflowRequest = body(&raw)?;
    let p = plane(&s, &c);
    let current = workflow_by_id(&p, &id).await?;
    if req.workflow_name != current.name || req.registration_type != current.registration_type {
        return Err(bad("only a workflow's hierarchies can change; create another workflow for another name or type"));
    }
    let stages = Hierarchy::stages(req.hierarchies);
    Ok(Json(workflow_dto(p.set_workflow_stages(&current.name, stages).await?)))
}

pub async fn delete_workflow(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let p = plane(&s, &c);
    let w = workflow_by_id(&p, &id).await?;
    p.delete_workflow(&w.name).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- release streams

fn stream_dto(r: ReleaseStream) -> ReleaseStreamDto {
    ReleaseStreamDto {
        name: r.name,
        description: r.description,
        prod: r.prod,
        created_by: r.created_by,
        creation_date: r.created_at.to_rfc3339(),
    }
}

pub async fn list_release_streams(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
) -> ApiResult<Vec<ReleaseStreamDto>> {
    Ok(Json(plane(&s, &c).release_streams().await?.into_iter().map(stream_dto).collect()))
}

pub async fn create_release_stream(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<ReleaseStreamDto> {
    let req: ReleaseStreamRequest = body(&raw)?;
    Ok(Json(stream_dto(plane(&s, &c).create_release_stream(&req.name, &req.description, req.prod).await?)))
}

// ---- registries [artifactories]; secrets are write-only

fn artifactory_dto(r: Registry) -> Artifactory {
    Artifactory {
        id: r.id.to_string(),
        name: r.name,
        artifactory_type: facets_type(r.kind).into(),
        uri: r.uri,
        username: r.username,
        insecure: r.insecure,
        created_by: r.created_by,
        creation_date: r.created_at.to_rfc3339(),
    }
}

pub async fn list_artifactories(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
) -> ApiResult<Vec<Artifactory>> {
    Ok(Json(plane(&s, &c).registries().await?.into_iter().map(artifactory_dto).collect()))
}

pub async fn create_artifactory(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<Artifactory> {
    let req: ArtifactoryRequest = body(&raw)?;
    let kind = kind_of_facets_type(&req.artifactory_type).map_err(|e| bad(e.0))?;
    let new = NewRegistry { name: req.name, kind, uri: req.uri, insecure: req.insecure, username: req.username };
    let (registry, _) = plane(&s, &c).add_registry(new, req.password.map(Secret::new)).await?;
    Ok(Json(artifactory_dto(registry)))
}

pub async fn get_artifactory_by_name(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
) -> ApiResult<Artifactory> {
    Ok(Json(artifactory_dto(plane(&s, &c).registry(&name).await?)))
}

// ---- audit log

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    number: Option<u32>,
    size: Option<u32>,
    performed_by: Option<String>,
    start: Option<String>,
}

/// Facets' `entity` and `entityAction` for one of our audit actions.
fn facets_audit(action: &str) -> (&'static str, &'static str) {
    match action {
        "release-stream.create" => ("RELEASE_STREAM", "RELEASE_STREAM_CREATE"),
        "environment.create" => ("ENVIRONMENT", "ENVIRONMENT_CREATE"),
        "registry.add" => ("CONTAINER_REGISTRY", "CONTAINER_REGISTRY_CREATE"),
        "registry.remove" => ("CONTAINER_REGISTRY", "CONTAINER_REGISTRY_DELETE"),
        "workflow.create" => ("PROMOTION_WORKFLOW", "PROMOTION_WORKFLOW_CREATE"),
        "workflow.delete" => ("PROMOTION_WORKFLOW", "PROMOTION_WORKFLOW_DELETE"),
        "workflow.update" => ("PROMOTION_WORKFLOW", "PROMOTION_WORKFLOW_UPDATE"),
        "integration.update" => ("CI_INTEGRATION", "CI_INTEGRATION_UPDATE"),
        "integration.create" => ("CI_INTEGRATION", "CI_INTEGRATION_CREATE"),
        "integration.delete" => ("CI_INTEGRATION", "CI_INTEGRATION_DELETE"),
        "user.add" => ("USER", "USER_CREATE"),
        "user.revoke" => ("USER", "USER_UPDATE"),
        // Artifacts, promotions and rollbacks belong to a CI integration; Facets names no action for them.
        _ => ("CI_INTEGRATION", "UNKNOWN"),
    }
}

pub async fn audit_logs(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Query(q): Query<AuditQuery>,
) -> ApiResult<AuditPage> {
    let (number, size) = (q.number.unwrap_or(0), q.size.unwrap_or(20).clamp(1, 500));
    let since = match q.start {
        Some(t) => Some(
            chrono::DateTime::parse_from_rfc3339(&t)
                .map_err(|_| bad(format!("start {t:?} is not an RFC 3339 time")))?
                .with_timezone(&chrono::Utc),
        ),
        None => None,
    };
    // One more than a page, to know whether this is the last.
    // A page far past the end reads no more than the log holds.
    let wanted = (u64::from(number) + 1) * u64::from(size) + 1;
    let filter = AuditFilter { actor: q.performed_by, since, limit: Some(u32::try_from(wanted).unwrap_or(u32::MAX)) };
    let all = plane(&s, &c).audit_events(filter).await?;
    let start = usize::try_from(u64::from(number) * u64::from(size)).unwrap_or(usize::MAX);
    let page: Vec<AuditLog> = all
        .iter()
        .skip(start)
        .take(size as usize)
        .map(|e| {
            let (entity, action) = facets_audit(&e.action);
            AuditLog {
                id: e.id.to_string(),
                entity: entity.to_owned(),
                entity_label: e.entity.clone(),
                entity_action: action.to_owned(),
                entity_action_label: e.action.clone(),
                performed_at: e.created_at.to_rfc3339(),
                performed_by: e.actor.clone(),
                target: e.target.clone(),
                metadata: e.details.clone(),
            }
        })
        .collect();
    let last = all.len() <= start + size as usize;
    Ok(Json(AuditPage {
        number_of_elements: page.len(),
        empty: page.is_empty(),
        content: page,
        number,
        size,
        first: number == 0,
        last,
    }))
}
