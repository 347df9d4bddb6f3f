//! What every handler uses: the control plane acting as the caller, a
//! request body parsed with a 400 that names what is wrong, and an error
//! answered as Facets' `ErrorDetails` with the status its kind calls for
//! (`wire::status_of`). Unknown fields in a request are ignored; a missing
//! required one is a 400.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::ServerState;
use super::auth::Caller;
use crate::control::Embedded;
use crate::control::wire::{self, ErrorDetails};
use crate::error::{Error, ErrorKind};

pub fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    hinted_response(status, code, message, None)
}

/// An error answer that says what to do next, as data.
pub fn hinted_response(status: StatusCode, code: &str, message: &str, hint: Option<crate::error::Hint>) -> Response {
    (status, Json(ErrorDetails { code: code.into(), message: message.into(), hint })).into_response()
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
        // A failure's causes (the database's or a registry's words) are for the operator's log, not the caller.
        if self.0.kind() == ErrorKind::Failed {
            tracing::error!(error = %crate::error::with_causes(&self.0), "request failed");
        }
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        hinted_response(status, code, &self.0.to_string(), self.0.hint_of())
    }
}

pub type ApiResult<T> = Result<Json<T>, ApiError>;

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
pub(super) fn body<T: DeserializeOwned>(bytes: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError(Error::Invalid(format!("invalid request body: {e}"))))
}

pub(super) fn bad(message: impl Into<String>) -> ApiError {
    ApiError(Error::Invalid(message.into()))
}

pub(super) fn id_of(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError(Error::NotFound(format!("no {what} has id {raw:?}"))))
}
