//! `facetctl server`: the control plane for a team, over HTTP, with the
//! paths, field names and Basic auth of the Facets control plane. Every
//! request runs as its authenticated user against the same `Embedded`
//! control plane the CLI uses locally, on SQLite or PostgreSQL. Several
//! replicas may share one PostgreSQL: the bucket leases serialise writers.

pub mod api;
mod artifacts;
mod audit;
mod auth;
mod buckets;
mod freezes;
mod integrations;
mod records;
mod registries;
mod release_streams;
mod requests;
mod routes;
mod routing_rules;
mod ui;
mod workflows;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::control::store::Store;
use crate::error::{Error, Result};
use crate::secrets::SecretStore;

/// How long one request may take before it is answered 504.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a Facets push, register or promote may take: it copies images,
/// which for a large image from another registry takes minutes. A request cut
/// short stops where it is; its lease runs out and `verify` finds any tag it
/// left.
const MOVE_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// The largest request body accepted.
const BODY_LIMIT: usize = 1024 * 1024;
/// How long a client may take to send a request's headers: a connection
/// that trickles them (or sends none) is closed rather than held forever.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a stop waits for requests in flight before it closes what is left
/// (an idle keep-alive connection would otherwise hold it for as long as the client likes).
const STOP_GRACE: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct ServerState {
    pub store: Store,
    pub secrets: Arc<dyn SecretStore>,
    /// For the registry work of Facets' register, push and promote routes.
    pub http: crate::registry::SharedHttp,
    /// How long a bucket lease lasts between renewals.
    pub lease: Duration,
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub async fn serve(listen: SocketAddr, store: Store, secrets: Arc<dyn SecretStore>, lease: Duration) -> Result<()> {
    let state = ServerState { store, secrets, http: Default::default(), lease };
    let app = routes::router(state.clone())
        .merge(ui::router(state.clone()))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(error_details))
        .layer(axum::middleware::from_fn(request_log));
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| Error::Failed(format!("cannot listen on {listen}: {e}")))?;
    let bound = listener.local_addr().map_err(|e| Error::Failed(e.to_string()))?;
    tracing::info!(address = %bound, backend = ?state.store.backend, "listening");
    let stop = tokio_util::sync::CancellationToken::new();
    tokio::spawn({
        let stop = stop.clone();
        async move {
            shutdown_signal().await;
            stop.cancel();
        }
    });
    let connections = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    // Out of file descriptors and the like: the next accept may do better.
                    Err(e) => {
                        tracing::warn!("cannot accept a connection: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(HEADER_READ_TIMEOUT)
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                let connection = connections.watch(connection);
                tokio::spawn(async move {
                    if let Err(e) = connection.await {
                        tracing::debug!("connection closed: {e}");
                    }
                });
            }
            _ = stop.cancelled() => break,
        }
    }
    // Idle keep-alive connections close at once; requests in flight get a bounded time to finish.
    tokio::select! {
        _ = connections.shutdown() => {}
        _ = tokio::time::sleep(STOP_GRACE) => {
            tracing::warn!("requests still running {} s after the stop signal; stopping anyway", STOP_GRACE.as_secs());
        }
    }
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
    // Routes that may copy images: Facets' artifact moves, and the approval that runs a request.
    let moves_images = method == axum::http::Method::POST
        && (path.starts_with("/cc-ui/v1/artifacts/")
            || (path.starts_with("/cc-ui/v1/promotion-requests/") && path.ends_with("/approve")));
    // An import streams a whole store's records; it takes as long as a large image's copy.
    let long = moves_images || path == crate::control::remote::IMPORT_PATH;
    let limit = if long { MOVE_TIMEOUT } else { REQUEST_TIMEOUT };
    let mut response = match tokio::time::timeout(limit, next.run(request)).await {
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

/// Every error answer is Facets' `ErrorDetails`, including those the HTTP
/// layer writes itself (a bad query string, a wrong content type, a body too
/// large, an unknown route or method), so a client parses one shape.
async fn error_details(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    // The dashboard's pages say what went wrong in the page itself.
    let is_page = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !(status.is_client_error() || status.is_server_error()) || is_json || is_page {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let message = match text.trim() {
        "" => status.canonical_reason().unwrap_or("error").to_owned(),
        said => said.chars().take(300).collect(),
    };
    let code = status.canonical_reason().unwrap_or("ERROR").to_ascii_uppercase().replace([' ', '-'], "_");
    let mut answer = api::error_response(status, &code, &message);
    for (name, value) in parts
        .headers
        .iter()
        .filter(|(n, _)| *n != axum::http::header::CONTENT_TYPE && *n != axum::http::header::CONTENT_LENGTH)
    {
        answer.headers_mut().insert(name.clone(), value.clone());
    }
    answer
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
