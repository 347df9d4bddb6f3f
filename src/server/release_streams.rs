//! Release streams, and the environments that run them.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;

use super::ServerState;
use super::api::{ApiResult, body, plane};
use super::auth::Caller;
use crate::control::wire::*;
use crate::control::*;
use crate::model::*;

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
