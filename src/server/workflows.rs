//! Promotion workflows [PromotionWorkflow]: stages as Facets' numbered hierarchies.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::ServerState;
use super::api::{ApiError, ApiResult, bad, body, id_of, plane};
use super::auth::Caller;
use crate::control::wire::*;
use crate::control::*;
use crate::error::Error;
use crate::model::*;

fn workflow_dto(w: Workflow) -> PromotionWorkflow {
    PromotionWorkflow {
        id: w.id.to_string(),
        workflow_name: w.name,
        registration_type: w.registration_type,
        hierarchies: Hierarchy::of(&w.stages),
        default_workflow: false,
        created_by: w.created_by,
        creation_date: w.created_at.to_rfc3339(),
        gates: w.gates,
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
        gates: req.gates.unwrap_or_default(),
    };
    Ok(Json(workflow_dto(plane(&s, &c).create_workflow(new).await?)))
}

pub(super) async fn workflow_by_id(p: &Embedded, id: &str) -> Result<Workflow, ApiError> {
    let id = id_of(id, "workflow")?;
    p.workflows()
        .await?
        .into_iter()
        .find(|w| w.id == id)
        .ok_or_else(|| ApiError::from(Error::NotFound(format!("no workflow has id {id}"))))
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
    Ok(Json(workflow_dto(p.set_workflow_stages(&current.name, stages, req.gates).await?)))
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
