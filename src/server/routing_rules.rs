//! Facets' artifact routing rules [ArtifactRoutingRule]: CRUD, the operators
//! there are, and a test of criteria against metadata. The criteria are
//! checked by the control plane where the rule is written.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use std::collections::BTreeMap;

use super::ServerState;
use super::api::{ApiError, ApiResult, body, id_of, plane};
use super::auth::Caller;
use crate::control::wire::*;
use crate::control::*;
use crate::error::Error;
use crate::model::*;

pub(super) async fn rule_by_id(p: &Embedded, id: &str) -> Result<RoutingRule, ApiError> {
    let id = id_of(id, "routing rule")?;
    p.rules()
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| ApiError::from(Error::NotFound(format!("no routing rule has id {id}"))))
}

/// `GET /cc-ui/v1/artifact-routing-rule?stackName=...[&registrationType=...]`. facetctl has one
/// stack, so every rule is in whichever is asked for.
pub async fn list_rules(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Query(q): Query<BTreeMap<String, String>>,
) -> ApiResult<Vec<RoutingRuleResponse>> {
    let wanted = match q.get("registrationType") {
        Some(t) => Some(t.parse::<RegistrationType>().map_err(Error::from)?),
        None => None,
    };
    let rules = plane(&s, &c).rules().await?;
    Ok(Json(
        rules
            .into_iter()
            .filter(|r| wanted.is_none_or(|t| t == r.registration_type))
            .map(RoutingRuleResponse::of)
            .collect(),
    ))
}

pub async fn get_rule(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<RoutingRuleResponse> {
    Ok(Json(RoutingRuleResponse::of(rule_by_id(&plane(&s, &c), &id).await?)))
}

pub async fn create_rule(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<RoutingRuleResponse> {
    let req: RoutingRuleRequest = body(&raw)?;
    let new = NewRoutingRule {
        name: req.rule_name,
        registration_type: req.registration_type,
        criteria: FacetsCriterion::criteria(req.criteria),
    };
    Ok(Json(RoutingRuleResponse::of(plane(&s, &c).create_rule(new).await?)))
}

/// `PUT /cc-ui/v1/artifact-routing-rule`: the rule named by `id` gets the criteria given. Its name
/// and type are what integrations rely on, so they do not change.
pub async fn update_rule(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    raw: Bytes,
) -> ApiResult<RoutingRuleResponse> {
    let req: RoutingRuleRequest = body(&raw)?;
    let p = plane(&s, &c);
    let id = req.id.ok_or_else(|| ApiError::from(Error::Invalid("id is required: the rule to update".into())))?;
    let current = rule_by_id(&p, &id).await?;
    if req.rule_name != current.name || req.registration_type != current.registration_type {
        return Err(ApiError::from(Error::Refused(format!(
            "only the criteria of rule {} can change; create another rule for another name or type",
            current.name
        ))));
    }
    let updated = p.set_rule_criteria(&current.name, FacetsCriterion::criteria(req.criteria)).await?;
    Ok(Json(RoutingRuleResponse::of(updated)))
}

pub async fn delete_rule(
    State(s): State<ServerState>,
    axum::Extension(c): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let p = plane(&s, &c);
    let rule = rule_by_id(&p, &id).await?;
    p.delete_rule(&rule.name).await?;
    Ok(StatusCode::OK)
}

/// The operators a criterion may use: Facets' four, and `REGEX`.
pub async fn operators() -> Json<Vec<Operator>> {
    Json(Operator::ALL.to_vec())
}

/// `POST /cc-ui/v1/artifact-routing-rule/test?KEY=VALUE...` with criteria: where they route that metadata.
pub async fn test_rule(Query(metadata): Query<BTreeMap<String, String>>, raw: Bytes) -> ApiResult<TestRuleResponse> {
    let given: Vec<FacetsCriterion> = body(&raw)?;
    let criteria = FacetsCriterion::criteria(given);
    check_criteria("under test", &criteria).map_err(Error::from)?;
    let chosen = route("under test", &criteria, &metadata).map_err(Error::from)?;
    Ok(Json(TestRuleResponse { route_to: chosen.route_to.clone() }))
}
