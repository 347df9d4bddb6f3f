//! Facets' own artifact routes: `register`, `push`, and `promote` (both
//! forms). For a Facets client the server does what the CLI does, as the
//! user who called: the same use cases in `app/`, with the credentials the
//! server holds for the registry, so the same invariants hold. A write into
//! a protected bucket is refused before any registry work. The use cases'
//! futures are `Send`, so they run on the server's runtime like any other
//! handler, not on a blocking thread each.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use serde::Deserialize;

use super::ServerState;
use super::api::{ApiError, ApiResult, plane};
use super::auth::Caller;
use crate::app::promote::{PromoteOutcome, PromoteRequest};
use crate::app::push::PushRequest;
use crate::app::{App, Reporter, routing};
use crate::control::ControlPlane;
use crate::control::wire::{AuthorizationData, FacetsArtifact, RegisterRequest};
use crate::error::Error;
use crate::model::{Artifact, Integration, RuleBroken};
use crate::registry::copy::{Progress, Silent};
use crate::registry::source::SourceSpec;

/// Where a use case's messages go on a server: the log.
struct LogReporter;

impl Reporter for LogReporter {
    fn note(&self, message: &str) {
        tracing::info!("{message}");
    }
    fn progress(&self, _label: &str) -> Arc<dyn Progress> {
        Arc::new(Silent)
    }
}

pub(super) fn app_for(s: &ServerState, c: &Caller) -> App {
    App {
        plane: Arc::new(plane(s, c)),
        http: s.http.clone(),
        reporter: Arc::new(LogReporter),
        lock_timeout: Duration::from_secs(30),
        concurrency: crate::app::default_concurrency(),
        local_secrets: Arc::clone(&s.secrets),
    }
}

async fn record(s: &ServerState, c: &Caller, raw: &Bytes, register: bool) -> Result<FacetsArtifact, ApiError> {
    let r: RegisterRequest = serde_json::from_slice(raw)
        .map_err(|e| ApiError::from(Error::Invalid(format!("invalid request body: {e}"))))?;
    let app = app_for(s, c);
    let p = plane(s, c);
    let integration = integration_any_case(&p, &r.application_name).await?;
    // No bucket named (the GitHub Action registers by branch): the integration's routing rule chooses.
    let named = match (r.registration_value.or(r.cluster_name), r.release_stream, r.cluster_id) {
        (Some(bucket), _, _) => Some(bucket),
        (None, Some(stream), _) => Some(bucket_named(&p, "RELEASE_STREAM", &stream).await?),
        (None, None, Some(id)) => Some(bucket_named(&p, "CLUSTER", &id).await?),
        (None, None, None) => None,
    };
    let bucket = routing::bucket_for(&app, &integration.name, named, &r.metadata).await?.bucket;
    only_known_registries(&p, &r.artifact_uri).await?;
    let request = PushRequest {
        source: r.artifact_uri,
        integration: integration.name.clone(),
        bucket,
        tag: r.tag,
        external_id: r.external_id.or(r.build_id),
        description: r.description.or(r.build_description),
        metadata: r.metadata,
        register,
        referrers: true,
        // Only registry sources reach here: they are pushed as they are.
        compression: None,
    };
    let outcome = crate::app::push::push(&app, request).await?;
    let registry = integration.registry_for(&outcome.artifact.bucket).to_owned();
    Ok(FacetsArtifact::of(outcome.artifact, &registry, integration.registration_type))
}

/// A server copies from registries it is configured with, and from nowhere
/// else: never its own files or Docker engine, and never a host it was not
/// given credentials for (its requests would carry its identity there).
async fn only_known_registries(p: &crate::control::Embedded, artifact_uri: &str) -> Result<(), ApiError> {
    let reference = match SourceSpec::parse(artifact_uri) {
        Ok(SourceSpec::Registry(reference)) => reference,
        Ok(_) | Err(_) => {
            return Err(Error::Invalid(
                "artifactUri must be an image in a registry (host/repository:tag or host/repository@sha256:...); \
                 a server does not read files or a Docker engine, so upload such images from the machine that has them"
                    .into(),
            )
            .into());
        }
    };
    let host = reference.api_host();
    if p.registries().await?.iter().any(|r| r.host() == host) {
        return Ok(());
    }
    Err(Error::Refused(format!(
        "registry {host} is not one this control plane knows; an admin adds it (POST /cc-ui/v1/artifactories) before images are taken from it"
    ))
    .into())
}

/// `POST /cc-ui/v1/artifacts/register`: an image already in the integration's registry.
pub async fn register(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> Result<Json<Vec<FacetsArtifact>>, ApiError> {
    let done = record(&s, &c, &raw, true).await?;
    Ok(Json(vec![done]))
}

/// `POST /cc-ui/v1/artifacts/registerV2`: what `facetsctl push` sends after its `docker push`
/// (the environment as `clusterId`, or `releaseStream`); the image is brought into the bucket.
pub async fn register_v2(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> Result<Json<FacetsArtifact>, ApiError> {
    Ok(Json(record(&s, &c, &raw, true).await?))
}

/// `POST /cc-ui/v1/artifacts/push`: an image from anywhere, copied into the bucket.
pub async fn push(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> Result<Json<FacetsArtifact>, ApiError> {
    Ok(Json(record(&s, &c, &raw, false).await?))
}

/// Promotes an artifact to the next stage of its integration's workflow.
async fn promote_artifact(
    s: &ServerState,
    c: &Caller,
    ci: &str,
    artifact_id: &str,
) -> Result<FacetsArtifact, ApiError> {
    let p = plane(s, c);
    let id: i64 = artifact_id
        .parse()
        .map_err(|_| ApiError::from(Error::NotFound(format!("no artifact has id {artifact_id:?}"))))?;
    let source = p.artifact(id).await?;
    let integration = p.integration(ci).await?;
    if source.integration != integration.name {
        return Err(Error::NotFound(format!("artifact {id} is not in {}", integration.name)).into());
    }
    let app = app_for(s, c);
    let workflow = match &integration.workflow {
        Some(w) => p.workflow(w).await?,
        None => return Err(Error::from(RuleBroken::NoWorkflow { integration: integration.name.clone() }).into()),
    };
    if !workflow.stages.contains(&source.bucket) {
        return Err(Error::Refused(format!(
            "artifact {id} is in bucket {}, which is not a stage of workflow {} ({}); it has nowhere to be promoted",
            source.bucket,
            workflow.name,
            workflow.path()
        ))
        .into());
    }
    let to = workflow.next_stage(&source.bucket).map(str::to_owned).ok_or_else(|| {
        ApiError::from(Error::Refused(format!(
            "{} is the last stage of workflow {}; nothing follows it",
            source.bucket, workflow.name
        )))
    })?;
    let request = PromoteRequest {
        integration: integration.name.clone(),
        from: source.bucket.clone(),
        to,
        artifact: Some(id),
        digest: None,
        reason: None,
        dry_run: false,
        referrers: true,
        forced: false,
        request: None,
        expires_in: crate::app::approvals::DEFAULT_EXPIRY,
        release: None,
    };
    let artifact = match crate::app::promote::promote(&app, request).await? {
        PromoteOutcome::Done { artifact, .. } | PromoteOutcome::Unchanged { artifact, .. } => artifact,
        PromoteOutcome::DryRun { .. } => unreachable!("not a dry run"),
        // Facets' clients read the message: the move waits for approvals, and nothing moved yet.
        PromoteOutcome::Requested { request } => {
            return Err(Error::Refused(format!(
                "{} of {} is gated: promotion request {} was created and moves when {} other people approve it",
                request.to_bucket, request.integration, request.id, request.approvals_needed
            ))
            .into());
        }
    };
    Ok({
        let registry = integration.registry_for(&artifact.bucket).to_owned();
        FacetsArtifact::of(artifact, &registry, integration.registration_type)
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PromoteQuery {
    ci_name: String,
    artifact_id: String,
}

/// `POST /cc-ui/v1/artifacts/promote?ciName=&artifactId=`.
pub async fn promote_by_name(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Query(q): Query<PromoteQuery>,
) -> Result<Json<FacetsArtifact>, ApiError> {
    Ok(Json(promote_artifact(&s, &c, &q.ci_name, &q.artifact_id).await?))
}

/// `POST /cc-ui/v1/artifacts/{ciId}/promote/{artifactId}`.
pub async fn promote_by_id(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci_id, artifact_id)): Path<(String, String)>,
) -> Result<Json<FacetsArtifact>, ApiError> {
    let p = plane(&s, &c);
    let id: i64 =
        ci_id.parse().map_err(|_| ApiError::from(Error::NotFound(format!("no CI integration has id {ci_id:?}"))))?;
    let ci = p
        .integrations()
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| ApiError::from(Error::NotFound(format!("no CI integration has id {id}"))))?;
    Ok(Json(promote_artifact(&s, &c, &ci.name, &artifact_id).await?))
}

/// `DELETE /cc-ui/v1/artifacts/{artifactId}`: refused. An artifact is a line
/// of a bucket's history, which is kept; to stop using one, roll its bucket back.
pub async fn delete_artifact(Path(id): Path<String>) -> ApiError {
    ApiError::from(Error::Refused(format!(
        "artifact {id} is part of its bucket's history, which facetctl keeps; roll the bucket back to stop using it"
    )))
}

/// `POST .../pushCredentialsV2/artifactName/{ci}/registrationType/{type}/value/{value}`: Facets'
/// form of push credentials, `base64(user:password)`, on the same terms as the other route.
/// `facetsctl push` sends the integration's name lower-cased, and a CLUSTER by id or name.
pub async fn push_credentials(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path((ci, registration_type, value)): Path<(String, String, String)>,
) -> Result<Json<AuthorizationData>, ApiError> {
    let p = plane(&s, &c);
    let integration = integration_any_case(&p, &ci).await?;
    let bucket = bucket_named(&p, &registration_type, &value).await?;
    credentials_for(&s, &p, integration, &bucket).await
}

/// `POST .../pushCredentialsV3/artifactName/{ci}?branch_name=REF`: the bucket is the one the
/// integration's routing rule chooses for the metadata, sent as query parameters (Facets'
/// `metadata`, in form style); the client's `branch_name` is the routing rules' `BRANCH_NAME`.
pub async fn push_credentials_by_branch(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(ci): Path<String>,
    Query(q): Query<std::collections::BTreeMap<String, String>>,
) -> Result<Json<AuthorizationData>, ApiError> {
    let p = plane(&s, &c);
    let integration = integration_any_case(&p, &ci).await?;
    let branch = q.iter().find(|(k, _)| k.eq_ignore_ascii_case(crate::model::BRANCH_KEY)).map(|(_, v)| v.clone());
    let metadata = routing::with_branch(q, branch);
    let app = app_for(&s, &c);
    let bucket = routing::bucket_for(&app, &integration.name, None, &metadata).await?.bucket;
    credentials_for(&s, &p, integration, &bucket).await
}

/// An integration by name, as Facets' clients spell it: they lower-case it.
async fn integration_any_case(p: &crate::control::Embedded, name: &str) -> Result<Integration, ApiError> {
    match p.integration(name).await {
        Err(e) if e.kind() == crate::error::ErrorKind::NotFound => {
            let all = p.integrations().await?;
            all.into_iter().find(|i| i.name.eq_ignore_ascii_case(name)).ok_or_else(|| e.into())
        }
        found => Ok(found?),
    }
}

/// The bucket a Facets client names: a CLUSTER is an environment, by id or name; any other
/// value names the bucket, in whatever case the client sends it.
async fn bucket_named(p: &crate::control::Embedded, registration_type: &str, value: &str) -> Result<String, ApiError> {
    if registration_type.eq_ignore_ascii_case("CLUSTER") {
        let environments = p.environments().await?;
        let by_id = value.parse::<i64>().ok().and_then(|id| environments.iter().find(|e| e.id == id));
        let by_name = environments.iter().find(|e| e.name.eq_ignore_ascii_case(value));
        match (by_id, by_name) {
            (Some(a), Some(b)) if a.id != b.id => {
                return Err(Error::Invalid(format!(
                    "CLUSTER {value} is environment {}'s id and environment {}'s name; name the environment",
                    a.name, b.name
                ))
                .into());
            }
            (Some(e), _) | (None, Some(e)) => return Ok(e.name.clone()),
            (None, None) => {}
        }
    }
    if registration_type.eq_ignore_ascii_case("RELEASE_STREAM") {
        let streams = p.release_streams().await?;
        if let Some(r) = streams.iter().find(|r| r.name.eq_ignore_ascii_case(value)) {
            return Ok(r.name.clone());
        }
    }
    Ok(value.to_owned())
}

async fn credentials_for(
    s: &ServerState,
    p: &crate::control::Embedded,
    integration: Integration,
    bucket: &str,
) -> Result<Json<AuthorizationData>, ApiError> {
    let registry = p.registry(integration.registry_for(bucket)).await?;
    let ci = integration.name;
    let base = crate::registry::RegistryEndpoint::from(&registry).base_url();
    let credentials = super::registries::handout(s, p, &registry, &ci, bucket).await?.ok_or_else(|| {
        ApiError::from(Error::NotFound(format!(
            "no credentials are stored for registry {}; an admin stores them with the registry",
            registry.name
        )))
    })?;
    let token = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        format!("{}:{}", credentials.username, credentials.secret.expose()),
    );
    Ok(Json(AuthorizationData { authorization_token: token, proxy_endpoint: base }))
}

pub async fn artifact(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Artifact> {
    let id = id.parse().map_err(|_| ApiError::from(Error::NotFound(format!("no artifact has id {id:?}"))))?;
    Ok(Json(plane(&s, &c).artifact(id).await?))
}
