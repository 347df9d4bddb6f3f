//! Promotion requests over HTTP (facetctl's; Facets has none). The approval
//! that completes a request runs its move here, on the server, as the
//! approver; two replicas racing to run it move it once (`claim_request`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};

use super::ServerState;
use super::api::{ApiResult, body, id_of, plane};
use super::artifacts::app_for;
use super::auth::Caller;
use crate::control::wire::Decision;
use crate::control::{ControlPlane, NewRequest, RequestFilter};
use crate::model::PromotionRequest;

pub async fn create_request(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<PromotionRequest> {
    let new: NewRequest = body(&raw)?;
    Ok(Json(plane(&s, &c).request_promotion(new).await?))
}

pub async fn list_requests(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Query(filter): Query<RequestFilter>,
) -> ApiResult<Vec<PromotionRequest>> {
    Ok(Json(plane(&s, &c).promotion_requests(filter).await?))
}

pub async fn get_request(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<PromotionRequest> {
    Ok(Json(plane(&s, &c).promotion_request(id_of(&id, "promotion request")?).await?))
}

pub async fn approve(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
    raw: Bytes,
) -> ApiResult<PromotionRequest> {
    let decision: Decision = if raw.is_empty() { Decision::default() } else { body(&raw)? };
    let id = id_of(&id, "promotion request")?;
    Ok(Json(crate::app::approvals::approve(&app_for(&s, &c), id, decision.reason).await?))
}

pub async fn reject(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
    raw: Bytes,
) -> ApiResult<PromotionRequest> {
    let decision: Decision = body(&raw)?;
    let id = id_of(&id, "promotion request")?;
    Ok(Json(plane(&s, &c).reject_request(id, decision.reason.unwrap_or_default()).await?))
}

pub async fn cancel(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<PromotionRequest> {
    Ok(Json(plane(&s, &c).cancel_request(id_of(&id, "promotion request")?).await?))
}
