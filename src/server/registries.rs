//! Registries [artifactories]. Secrets are write-only: no answer holds one,
//! except push credentials, handed only to a caller who may write the bucket
//! they are asked for, short-lived where the kind allows, and audited.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;

use super::ServerState;
use super::api::{ApiError, ApiResult, bad, body, id_of, plane};
use super::auth::Caller;
use crate::control::wire::*;
use crate::control::*;
use crate::error::Error;
use crate::model::*;
use crate::registry::{Credentials, Secret};

fn artifactory_dto(r: Registry) -> Artifactory {
    Artifactory {
        id: r.id.to_string(),
        name: r.name,
        artifactory_type: facets_type(r.kind).into(),
        uri: r.uri,
        username: r.username,
        insecure: r.insecure,
        created_by: r.created_by,
        creation_date: r.created_at.to_rfc3339(),
    }
}

pub async fn list_artifactories(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
) -> ApiResult<Vec<Artifactory>> {
    Ok(Json(plane(&s, &c).registries().await?.into_iter().map(artifactory_dto).collect()))
}

pub async fn create_artifactory(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<Artifactory> {
    let req: ArtifactoryRequest = body(&raw)?;
    let kind = kind_of_facets_type(&req.artifactory_type).map_err(|e| bad(e.0))?;
    let new = NewRegistry { name: req.name, kind, uri: req.uri, insecure: req.insecure, username: req.username };
    let (registry, _) = plane(&s, &c).add_registry(new, req.password.map(Secret::new)).await?;
    Ok(Json(artifactory_dto(registry)))
}

/// Facets' update of a registry: here, its username and secret. The rest names what records and
/// integrations point at, so it stays; a request that changes it is refused, not half done.
pub async fn update_artifactory(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
    raw: Bytes,
) -> ApiResult<Artifactory> {
    let req: ArtifactoryRequest = body(&raw)?;
    let p = plane(&s, &c);
    let id = id_of(&id, "registry")?;
    let current = p
        .registries()
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| Error::NotFound(format!("no registry has id {id}")))?;
    let kind = kind_of_facets_type(&req.artifactory_type).map_err(|e| bad(e.0))?;
    if req.name != current.name || kind != current.kind || req.uri != current.uri || req.insecure != current.insecure {
        return Err(Error::Refused(format!(
            "only registry {}'s username and secret can change; its name, kind, URL and plain-HTTP flag stay \
             (remove it and add it again to change them)",
            current.name
        ))
        .into());
    }
    let secret = req.password.ok_or_else(|| bad("give the registry's new password or token"))?;
    let (registry, _) = p.set_registry_secret(&current.name, req.username, Secret::new(secret)).await?;
    Ok(Json(artifactory_dto(registry)))
}

pub async fn get_artifactory_by_name(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
) -> ApiResult<Artifactory> {
    Ok(Json(artifactory_dto(plane(&s, &c).registry(&name).await?)))
}

pub async fn remove_registry(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    plane(&s, &c).remove_registry(&name).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialsQuery {
    ci_name: String,
    registration_value: String,
}

/// The credentials the server holds for a registry, for a push into one
/// bucket: only to a caller who may write that bucket, and audited.
/// The credentials handed to a caller for writing `bucket`, after the
/// control plane agrees the caller may: what an admin stored for the
/// registry, as a short-lived token where the kind has one, and audited.
/// Never the server's own identity (its environment, Docker config or cloud
/// role), which reaches further than one registry.
pub(super) async fn handout(
    s: &ServerState,
    p: &Embedded,
    registry: &Registry,
    ci: &str,
    bucket: &str,
) -> Result<Option<Credentials>, ApiError> {
    // Who may write the bucket, not whether it is frozen now: a freeze is the record's to refuse,
    // and a forced move through one needs the credentials too.
    crate::control::freezes::unless_forced(p.check_write(ci, bucket, None).await, true)?;
    let Some(stored) = p.registry_credentials(&registry.name, Some((ci, bucket))).await? else {
        return Ok(None);
    };
    let exchanged =
        crate::registry::credentials::short_lived(s.http.get(), registry.kind, &stored).await.map_err(|e| {
            // The key is the server's to keep working: a failed exchange is the server's fault, not the caller's.
            Error::Failed(format!(
                "cannot exchange the stored credentials of registry {} for a token: {e}",
                registry.name
            ))
        })?;
    p.record_credentials_handout(&registry.name, ci, bucket).await?;
    Ok(Some(exchanged.unwrap_or(stored)))
}

pub async fn push_credentials(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(name): Path<String>,
    Query(q): Query<CredentialsQuery>,
) -> ApiResult<PushCredentials> {
    let p = plane(&s, &c);
    let (ci, bucket) = (q.ci_name, q.registration_value);
    let integration = p.integration(&ci).await?;
    if integration.registry_for(&bucket) != name {
        return Err(Error::Invalid(format!(
            "integration {ci} keeps bucket {bucket} in registry {}, not {name}",
            integration.registry_for(&bucket)
        ))
        .into());
    }
    let registry = p.registry(&name).await?;
    let creds = handout(&s, &p, &registry, &ci, &bucket).await?;
    Ok(Json(PushCredentials {
        username: creds.as_ref().map(|c| c.username.clone()),
        password: creds.map(|c| c.secret.expose().to_owned()),
    }))
}
