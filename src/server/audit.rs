//! The audit log in Facets' pages, newest first.

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;

use super::ServerState;
use super::api::{ApiResult, bad, plane};
use super::auth::Caller;
use crate::control::wire::*;
use crate::control::*;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    number: Option<u32>,
    size: Option<u32>,
    performed_by: Option<String>,
    start: Option<String>,
}

/// Facets' `entity` and `entityAction` for one of our audit actions.
fn facets_audit(action: &str) -> (&'static str, &'static str) {
    use crate::model::AuditAction::*;
    // Exhaustive, so a new action is a compile error here until it has Facets' words.
    match action.parse::<crate::model::AuditAction>() {
        Ok(ReleaseStreamCreate) => ("RELEASE_STREAM", "RELEASE_STREAM_CREATE"),
        Ok(EnvironmentCreate) => ("ENVIRONMENT", "ENVIRONMENT_CREATE"),
        Ok(RegistryAdd) => ("CONTAINER_REGISTRY", "CONTAINER_REGISTRY_CREATE"),
        Ok(RegistryRemove) => ("CONTAINER_REGISTRY", "CONTAINER_REGISTRY_DELETE"),
        Ok(RegistrySecret) => ("CONTAINER_REGISTRY", "CONTAINER_REGISTRY_UPDATE"),
        Ok(WorkflowCreate) => ("PROMOTION_WORKFLOW", "PROMOTION_WORKFLOW_CREATE"),
        Ok(WorkflowDelete) => ("PROMOTION_WORKFLOW", "PROMOTION_WORKFLOW_DELETE"),
        Ok(WorkflowUpdate) => ("PROMOTION_WORKFLOW", "PROMOTION_WORKFLOW_UPDATE"),
        Ok(IntegrationUpdate) => ("CI_INTEGRATION", "CI_INTEGRATION_UPDATE"),
        Ok(IntegrationCreate) => ("CI_INTEGRATION", "CI_INTEGRATION_CREATE"),
        Ok(IntegrationDelete) => ("CI_INTEGRATION", "CI_INTEGRATION_DELETE"),
        Ok(RuleCreate) => ("CI_RULE", "CI_RULE_CREATE"),
        Ok(RuleUpdate) => ("CI_RULE", "CI_RULE_UPDATE"),
        Ok(RuleDelete) => ("CI_RULE", "CI_RULE_DELETE"),
        Ok(UserAdd) => ("USER", "USER_CREATE"),
        // Facets has no freezes: they are facetctl's, kept under their own words.
        Ok(FreezeCreate | FreezeEnd) => ("CI_INTEGRATION", "UNKNOWN"),
        Ok(PromotionRequest | PromotionApprove | PromotionReject | PromotionCancel) => ("CI_INTEGRATION", "UNKNOWN"),
        Ok(UserRevoke) => ("USER", "USER_UPDATE"),
        Ok(RecordsImport) => ("CONTROL_PLANE", "UNKNOWN"),
        // Facets names no action for these; they belong to a registry or a CI integration.
        Ok(RegistryCredentials) => ("CONTAINER_REGISTRY", "UNKNOWN"),
        Ok(ArtifactPush | ArtifactRegister | ArtifactPromote | BucketRollback | BucketRepair) | Err(_) => {
            ("CI_INTEGRATION", "UNKNOWN")
        }
    }
}

pub async fn audit_logs(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Query(q): Query<AuditQuery>,
) -> ApiResult<AuditPage> {
    let (number, size) = (q.number.unwrap_or(0), q.size.unwrap_or(20).clamp(1, 500));
    let since = match q.start {
        Some(t) => Some(
            chrono::DateTime::parse_from_rfc3339(&t)
                .map_err(|_| bad(format!("start {t:?} is not an RFC 3339 time")))?
                .with_timezone(&chrono::Utc),
        ),
        None => None,
    };
    // One more than a page, to know whether this is the last.
    // A page far past the end reads no more than the log holds.
    let wanted = (u64::from(number) + 1) * u64::from(size) + 1;
    let filter = AuditFilter {
        actor: q.performed_by,
        since,
        limit: Some(u32::try_from(wanted).unwrap_or(u32::MAX)),
        ..AuditFilter::default()
    };
    let all = plane(&s, &c).audit_events(filter).await?;
    let start = usize::try_from(u64::from(number) * u64::from(size)).unwrap_or(usize::MAX);
    let page: Vec<AuditLog> = all
        .iter()
        .skip(start)
        .take(size as usize)
        .map(|e| {
            let (entity, action) = facets_audit(&e.action);
            AuditLog {
                id: e.id.to_string(),
                entity: entity.to_owned(),
                entity_label: e.entity.clone(),
                entity_action: action.to_owned(),
                entity_action_label: e.action.clone(),
                performed_at: e.created_at.to_rfc3339(),
                performed_by: e.actor.clone(),
                target: e.target.clone(),
                metadata: e.details.clone(),
            }
        })
        .collect();
    let last = all.len() <= start + size as usize;
    Ok(Json(AuditPage {
        number_of_elements: page.len(),
        empty: page.is_empty(),
        content: page,
        number,
        size,
        first: number == 0,
        last,
    }))
}
