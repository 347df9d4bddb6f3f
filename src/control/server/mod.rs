//! `facetctl server`: the control plane for a team, over HTTP, with the
//! paths, field names and Basic auth of the Facets control plane. Every
//! request runs as its authenticated user against the same `Embedded`
//! control plane the CLI uses locally, on SQLite or PostgreSQL. Several
//! replicas may share one PostgreSQL: the bucket leases serialise writers.

pub mod api;
mod auth;
mod moves;
pub mod records;
mod routes;
pub mod users;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::store::Store;
use crate::error::{Error, Result};
use crate::secrets::SecretStore;

/// How long one request may take before it is answered 504.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// The largest request body accepted.
const BODY_LIMIT: usize = 1024 * 1024;

#[derive(Clone)]
pub struct ServerState {
    pub store: Store,
    pub secrets: Arc<dyn SecretStore>,
    /// For the registry work of Facets' register, push and promote routes.
    pub http: crate::registry::client::SharedHttp,
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub async fn serve(listen: SocketAddr, store: Store, secrets: Arc<dyn SecretStore>) -> Result<()> {
    let state = ServerState { store, secrets, http: Default::default() };
    let app = routes::router(state.clone())
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(request_log));
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| Error::Failed(format!("cannot listen on {listen}: {e}")))?;
    let bound = listener.local_addr().map_err(|e| Error::Failed(e.to_string()))?;
    tracing::info!(address = %bound, backend = ?state.store.backend, "listening");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| Error::Failed(format!("the server stopped: {e}")))?;
    state.store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Gives each request an id (the caller's `x-request-id`, else a new one),
/// bounds its time, and logs one line for it: never its headers or body.
async fn request_log(request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .map(str::to_owned)
        .unwrap_or_else(new_request_id);
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = Instant::now();
    let mut response = match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(r) => r,
        Err(_) => api::error_response(StatusCode::GATEWAY_TIMEOUT, "TIMEOUT", "the request took too long; try again"),
    };
    let user = response.extensions().get::<auth::Caller>().map(|c| c.0.name.clone()).unwrap_or_default();
    tracing::info!(
        request_id = %id, method = %method, path = %path, status = response.status().as_u16(),
        duration_ms = started.elapsed().as_millis() as u64, user = %user, "request"
    );
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

fn new_request_id() -> String {
    let mut bytes = [0u8; 8];
    let _ = aws_lc_rs::rand::fill(&mut bytes);
    hex::encode(bytes)
}

async fn healthz() -> &'static str {
    "ok"
}

/// Ready when the database answers.
async fn readyz(State(state): State<ServerState>) -> Response {
    match sqlx::query("SELECT 1").execute(&state.store.pool).await {
        Ok(_) => "ready".into_response(),
        Err(e) => (StatusCode::SERVICE_UNAVAILABLE, Body::from(format!("database not ready: {e}"))).into_response(),
    }
}
