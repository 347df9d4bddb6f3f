//! The dashboard under `/ui`: server-rendered pages over the same control
//! plane as the API, as the signed-in user. Signing in takes a user's name
//! and personal access token and gives a session cookie (HttpOnly,
//! SameSite=Strict, Secure behind TLS); every form carries the session's
//! CSRF token, and a form without it changes nothing. Viewers see; the
//! control plane decides, here as on the API, who may approve what.

mod pages;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::ServerState;
use super::api::plane;
use super::artifacts::app_for;
use super::auth::Caller;
use crate::control::store::sessions::{self, Session};
use crate::control::store::users;
use crate::control::{AuditFilter, ControlPlane, RequestFilter};
use crate::error::{Error, ErrorKind};
use crate::model::{RequestState, Role};

const COOKIE_NAME: &str = "facetctl_session";
/// The newest events the audit page shows, filtered where they are stored.
const AUDIT_PAGE: u32 = 200;
const STYLE: &str = include_str!("style.css");

pub fn router(state: ServerState) -> Router {
    Router::new()
        .route("/ui", get(overview))
        .route("/ui/login", get(login_page).post(login))
        .route("/ui/logout", post(logout))
        .route("/ui/integrations/{name}", get(integration))
        .route("/ui/artifacts/{id}", get(artifact))
        .route("/ui/requests", get(requests))
        .route("/ui/requests/{id}/approve", post(approve))
        .route("/ui/requests/{id}/reject", post(reject))
        .route("/ui/audit", get(audit))
        .route("/ui/style.css", get(style))
        .with_state(state)
}

/// A page, or where to go instead.
type Page = Result<Response, Response>;

/// An HTML answer with the headers every page carries: no framing, no scripts from elsewhere.
fn html(status: StatusCode, markup: maud::Markup) -> Response {
    let mut response = (status, markup.into_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "content-security-policy",
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    response
}

fn redirect(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(LOCATION, HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/ui")));
    response
}

fn cookie_value(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(COOKIE_NAME)?.strip_prefix('=').map(str::to_owned))
}

/// The signed-in session, or a redirect to sign in.
async fn signed_in(s: &ServerState, headers: &HeaderMap) -> Result<Session, Response> {
    let Some(cookie) = cookie_value(headers) else { return Err(redirect("/ui/login")) };
    match sessions::find(&s.store, &cookie).await {
        Ok(Some(session)) => Ok(session),
        Ok(None) => Err(redirect("/ui/login")),
        Err(e) => Err(failure(&e)),
    }
}

/// Whether a form was posted from this dashboard's own pages, as the browser tells: its
/// `Sec-Fetch-Site`, else its `Origin` against the `Host` it was sent to. Clients that send
/// neither (curl) are left to the CSRF token.
fn same_origin(headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match (header("origin"), header("host")) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, at)| at == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// The session a form was posted in, when it carries that session's CSRF token from this
/// dashboard's own pages; else the refusal (or the way to sign in).
async fn posted(s: &ServerState, headers: &HeaderMap, csrf: &str) -> Result<Session, Response> {
    let session = signed_in(s, headers).await?;
    if !csrf_ok(&session, csrf, headers) {
        return Err(forged());
    }
    Ok(session)
}

/// A form's CSRF token against the session's, in constant time, from this dashboard's pages.
fn csrf_ok(session: &Session, given: &str, headers: &HeaderMap) -> bool {
    let (a, b) = (session.csrf.as_bytes(), given.as_bytes());
    same_origin(headers) && a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn forged() -> Response {
    html(
        StatusCode::FORBIDDEN,
        pages::message(
            "Refused",
            "This form did not come from this dashboard: nothing was changed. Reload the page and try again.",
        ),
    )
}

fn failure(e: &Error) -> Response {
    let status = match e.kind() {
        ErrorKind::Usage => StatusCode::BAD_REQUEST,
        ErrorKind::Refused => StatusCode::CONFLICT,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Failed => StatusCode::INTERNAL_SERVER_ERROR,
    };
    html(status, pages::message("Not done", &e.to_string()))
}

fn secure(headers: &HeaderMap) -> bool {
    headers.get("x-forwarded-proto").is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"))
}

async fn style() -> Response {
    let mut response = STYLE.into_response();
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8"));
    response
}

async fn login_page() -> Response {
    html(StatusCode::OK, pages::login(None, ""))
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    token: String,
}

async fn login(State(s): State<ServerState>, headers: HeaderMap, Form(form): Form<LoginForm>) -> Response {
    // Another site's page must not sign a visitor in as someone else (login CSRF).
    if !same_origin(&headers) {
        return forged();
    }
    let user = match users::authenticate(&s.store, form.username.trim(), form.token.trim()).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            let said = Some("That name and token do not sign anyone in.");
            return html(StatusCode::UNAUTHORIZED, pages::login(said, form.username.trim()));
        }
        Err(e) => return failure(&e),
    };
    let (cookie, _) = match sessions::start(&s.store, user).await {
        Ok(started) => started,
        Err(e) => return failure(&e),
    };
    let mut response = redirect("/ui");
    let flags = if secure(&headers) { "; Secure" } else { "" };
    let max_age = sessions::LIFETIME.as_secs();
    let set = format!("{COOKIE_NAME}={cookie}; Path=/ui; HttpOnly; SameSite=Strict; Max-Age={max_age}{flags}");
    if let Ok(value) = HeaderValue::from_str(&set) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn logout(State(s): State<ServerState>, headers: HeaderMap, Form(form): Form<CsrfForm>) -> Page {
    posted(&s, &headers, &form.csrf).await?;
    if let Some(cookie) = cookie_value(&headers) {
        sessions::end(&s.store, &cookie).await.map_err(|e| failure(&e))?;
    }
    let mut response = redirect("/ui/login");
    let clear = format!("{COOKIE_NAME}=; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=0");
    if let Ok(value) = HeaderValue::from_str(&clear) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    Ok(response)
}

async fn overview(State(s): State<ServerState>, headers: HeaderMap) -> Page {
    let session = signed_in(&s, &headers).await?;
    let p = plane(&s, &Caller(session.user.clone()));
    let overview = crate::app::dashboard::overview(&p).await.map_err(|e| failure(&e))?;
    Ok(html(StatusCode::OK, pages::overview(&session, &overview)))
}

async fn integration(State(s): State<ServerState>, headers: HeaderMap, Path(name): Path<String>) -> Page {
    let session = signed_in(&s, &headers).await?;
    let p = plane(&s, &Caller(session.user.clone()));
    let page = crate::app::dashboard::integration(&p, &name, 200).await.map_err(|e| failure(&e))?;
    Ok(html(StatusCode::OK, pages::integration(&session, &page)))
}

async fn artifact(State(s): State<ServerState>, headers: HeaderMap, Path(id): Path<String>) -> Page {
    let session = signed_in(&s, &headers).await?;
    let p = plane(&s, &Caller(session.user.clone()));
    let id: i64 = id.parse().map_err(|_| failure(&Error::NotFound(format!("no artifact has id {id:?}"))))?;
    let artifact = p.artifact(id).await.map_err(|e| failure(&e))?;
    let travels = crate::app::dashboard::travels(&p, &artifact).await.map_err(|e| failure(&e))?;
    let referrers = crate::app::dashboard::referrers(&app_for(&s, &Caller(session.user.clone())), &artifact).await;
    Ok(html(StatusCode::OK, pages::artifact(&session, &artifact, &travels, &referrers)))
}

async fn requests(State(s): State<ServerState>, headers: HeaderMap) -> Page {
    let session = signed_in(&s, &headers).await?;
    requests_page(&s, &session, StatusCode::OK, None).await
}

async fn requests_page(s: &ServerState, session: &Session, status: StatusCode, said: Option<String>) -> Page {
    let p = plane(s, &Caller(session.user.clone()));
    let filter = RequestFilter { integration: None, state: Some(RequestState::AwaitingApproval) };
    let awaiting = p.promotion_requests(filter).await.map_err(|e| failure(&e))?;
    let recent = p
        .promotion_requests(RequestFilter { integration: None, state: None })
        .await
        .map_err(|e| failure(&e))?
        .into_iter()
        .filter(|r| r.state != RequestState::AwaitingApproval)
        .take(20)
        .collect::<Vec<_>>();
    Ok(html(status, pages::requests(session, &awaiting, &recent, said.as_deref())))
}

#[derive(Deserialize)]
struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
}

async fn approve(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Page {
    let session = posted(&s, &headers, &form.csrf).await?;
    let reason = Some(form.reason.trim().to_owned()).filter(|r| !r.is_empty());
    // As the API's approval: the last one runs the move here, as this user.
    let done = crate::app::approvals::approve(&app_for(&s, &Caller(session.user.clone())), id, reason).await;
    let said = done.map(|done| match done.state {
        RequestState::Done => format!("Request {id} approved: {} moved into {}.", done.integration, done.to_bucket),
        _ => format!("Request {id} approved; it waits for more approvals."),
    });
    decided(&s, &session, said).await
}

async fn reject(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Page {
    let session = posted(&s, &headers, &form.csrf).await?;
    let p = plane(&s, &Caller(session.user.clone()));
    let said = p.reject_request(id, form.reason.trim().to_owned()).await.map(|_| format!("Request {id} rejected."));
    decided(&s, &session, said).await
}

/// The requests page after a decision: what was done, or why it was not (with its status).
async fn decided(s: &ServerState, session: &Session, said: crate::Result<String>) -> Page {
    match said {
        Ok(said) => requests_page(s, session, StatusCode::OK, Some(said)).await,
        Err(e) => requests_page(s, session, failure(&e).status(), Some(e.to_string())).await,
    }
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub integration: String,
    #[serde(default)]
    pub since: String,
}

async fn audit(State(s): State<ServerState>, headers: HeaderMap, Query(q): Query<AuditQuery>) -> Page {
    let session = signed_in(&s, &headers).await?;
    let p = plane(&s, &Caller(session.user.clone()));
    let since = match q.since.trim() {
        "" => None,
        given => Some(crate::model::parse_time(given).map_err(|e| failure(&Error::Invalid(e.0)))?),
    };
    let given = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = AuditFilter {
        actor: given(&q.actor),
        since,
        limit: Some(AUDIT_PAGE),
        action: given(&q.action),
        integration: given(&q.integration),
    };
    let events = p.audit_events(filter).await.map_err(|e| failure(&e))?;
    Ok(html(StatusCode::OK, pages::audit(&session, &q, &events, events.len() == AUDIT_PAGE as usize)))
}

/// Whether a role sees the Approve and Reject buttons; the control plane decides again.
fn may_decide(role: Role) -> bool {
    role.allows(Role::Developer)
}
