//! facetctl's freeze windows over HTTP (Facets has none): set, list, end.
//! Whether a freeze holds is checked by the control plane at every record.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};

use super::ServerState;
use super::api::{ApiResult, body, id_of, plane};
use super::auth::Caller;
use crate::control::{ControlPlane, NewFreeze};
use crate::model::Freeze;

pub async fn list_freezes(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
) -> ApiResult<Vec<Freeze>> {
    Ok(Json(plane(&s, &c).freezes().await?))
}

pub async fn create_freeze(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<Freeze> {
    let new: NewFreeze = body(&raw)?;
    Ok(Json(plane(&s, &c).create_freeze(new).await?))
}

/// `GET /cc-ui/v1/forcing/{what}`: 204 when the caller may force a move of this kind.
pub async fn may_force(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(what): Path<String>,
) -> Result<axum::http::StatusCode, super::api::ApiError> {
    let what: crate::model::Forcing = what.parse().map_err(crate::error::Error::from)?;
    plane(&s, &c).check_force(what).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

pub async fn end_freeze(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Freeze> {
    let id = id_of(&id, "freeze")?;
    Ok(Json(plane(&s, &c).end_freeze(id).await?))
}
