//! Who is calling: HTTP Basic with a username and a personal access token,
//! as the Facets control plane takes them. Each route needs a role; the
//! route table says which, and `require` enforces it.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;

use super::ServerState;
use super::api::error_response;
use crate::control::store::users::{self, User};
use axum::Json;

use crate::control::wire::Me;
use crate::model::Role;

/// The authenticated user, for handlers and the request log.
#[derive(Debug, Clone)]
pub struct Caller(pub User);

pub async fn authenticate(State(state): State<ServerState>, mut request: Request, next: Next) -> Response {
    let Some((name, token)) = basic_credentials(&request) else {
        return unauthorized("give a username and personal access token with HTTP Basic auth");
    };
    match users::authenticate(&state.store, &name, &token).await {
        Ok(Some(user)) => {
            request.extensions_mut().insert(Caller(user.clone()));
            let mut response = next.run(request).await;
            response.extensions_mut().insert(Caller(user));
            response
        }
        Ok(None) => unauthorized("the username or token is wrong, or the token was revoked"),
        Err(e) => {
            tracing::error!(error = %crate::error::with_causes(&e), "cannot check credentials");
            error_response(StatusCode::SERVICE_UNAVAILABLE, "UNAVAILABLE", &format!("cannot check credentials: {e}"))
        }
    }
}

/// Refuses callers whose role is below `needed`.
pub async fn require(State(needed): State<Role>, request: Request, next: Next) -> Response {
    let Some(Caller(user)) = request.extensions().get::<Caller>().cloned() else {
        return unauthorized("give a username and personal access token with HTTP Basic auth");
    };
    if !user.role.allows(needed) {
        return error_response(
            StatusCode::FORBIDDEN,
            "FORBIDDEN",
            &format!("user {} is a {}; this needs {needed} or above", user.name, user.role),
        );
    }
    next.run(request).await
}

fn unauthorized(message: &str) -> Response {
    let mut response = error_response(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", message);
    response.headers_mut().insert("www-authenticate", axum::http::HeaderValue::from_static("Basic realm=\"facetctl\""));
    response
}

fn basic_credentials(request: &Request) -> Option<(String, String)> {
    let value = request.headers().get("authorization")?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ").or_else(|| value.strip_prefix("basic "))?;
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
    let (name, token) = std::str::from_utf8(&decoded).ok()?.split_once(':')?;
    Some((name.to_owned(), token.to_owned()))
}

/// `GET /api/me`: who the credentials belong to.
pub async fn me(axum::Extension(caller): axum::Extension<Caller>) -> Json<Me> {
    Json(Me { username: caller.0.name, role: caller.0.role })
}
