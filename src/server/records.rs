//! `POST /api/records/import`: an export's records, streamed in the request's
//! body and written as they arrive, all or nothing (facetctl's own route;
//! Facets has no import).

use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, State};
use futures_util::TryStreamExt;

use super::ServerState;
use super::api::{ApiResult, plane};
use super::auth::Caller;
use crate::control::ControlPlane;
use crate::control::store::import::Imported;

pub async fn import(
    State(state): State<ServerState>,
    Extension(caller): Extension<Caller>,
    body: Body,
) -> ApiResult<Imported> {
    let chunks = body.into_data_stream().map_err(std::io::Error::other);
    let records = Box::new(tokio_util::io::StreamReader::new(chunks));
    Ok(Json(plane(&state, &caller).import_records(records).await?))
}
